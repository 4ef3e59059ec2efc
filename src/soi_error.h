/* Every failure travels as one soi_error value and is rendered in one place
 * (soi_error_render), in the format negotiated for the reply. */
#ifndef SOI_ERROR_H
#define SOI_ERROR_H

#include <apr_pools.h>

#include "soi_buf.h"

typedef struct soi_error {
    int status;          /* HTTP status: 400..503 */
    const char *message; /* for the client: what was wrong, what is accepted */
    const char *detail;  /* for the error log only (5xx): never sent */
} soi_error;

/* A client-facing error; the message is formatted into pool. */
soi_error *soi_error_make(apr_pool_t *pool, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* A server-side failure (500 or 503): the client sees a fixed message, the
 * formatted detail goes to the error log. */
soi_error *soi_error_server(apr_pool_t *pool, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* "SoValidationException" and friends, from the status (SPEC section 4). */
const char *soi_error_type(int status);

typedef enum { SOI_FORMAT_JSON = 0, SOI_FORMAT_XML } soi_format;

/* The error body: {"Error": true, "ErrorType": ..., "ErrorMessage": ..., "ErrorSource": ...}
 * or its XML twin. */
void soi_error_render(soi_buf *out, const soi_error *err, soi_format format);

#endif
