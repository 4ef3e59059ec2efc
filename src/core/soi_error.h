/* Every failure travels as one soi_error value: the HTTP status, what to
 * tell the client as a message id with its arguments (the text is chosen
 * when the reply is written, in the reply's language: src/i18n), and for
 * server faults a detail that only the error log sees. */
#ifndef SOI_ERROR_H
#define SOI_ERROR_H

#include <apr_pools.h>

#include "core/soi_msg.h"

#define SOI_ERROR_ARGS 4

typedef struct soi_error {
    int status; /* HTTP status: 400..503 (0 for a phrase) */
    soi_msg id; /* what to tell the client */
    int nargs;  /* args[0] is {1} in the text */
    const char *args[SOI_ERROR_ARGS];
    const struct soi_error *cause; /* a message this one embeds, as {0} */
    const char *detail;            /* for the error log only (5xx): never sent */
} soi_error;

/* The error (or phrase) `id`, with its string arguments; the list ends with
 * NULL. Client text among them must have been quoted (soi_text_quote). */
soi_error *soi_err(apr_pool_t *pool, soi_msg id, ...) __attribute__((sentinel));

/* The same, embedding `cause` where the text says {0}. */
soi_error *soi_err_wrap(apr_pool_t *pool, soi_msg id, const soi_error *cause, ...) __attribute__((sentinel));

/* A server-side failure (SOI_MSG_SERVER, SOI_MSG_UNAVAILABLE, ...): the client
 * sees the fixed message, the formatted detail goes to the error log. */
soi_error *soi_error_server(apr_pool_t *pool, soi_msg id, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* A number as an argument. */
const char *soi_num(apr_pool_t *pool, apr_int64_t v);

/* "SoValidationException" and friends, from the status (SPEC section 4). */
const char *soi_error_type(int status);

#endif
