/* Every failure travels as one soi_error value and is rendered in one place
 * (soi_reply_error, through soi_emit_error), in the negotiated format. */
#ifndef SOI_ERROR_H
#define SOI_ERROR_H

#include <apr_pools.h>

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

#endif
