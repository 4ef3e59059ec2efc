/* Reading the Authorization header (SPEC section 5). Pure parsing: which
 * schemes exist and who the caller is are src/auth's business. */
#ifndef SOI_CREDENTIALS_H
#define SOI_CREDENTIALS_H

#include <apr_pools.h>

/* Splits "Scheme credentials": *scheme and *len name the scheme token and
 * *rest points at the credentials, surrounding spaces skipped. */
void soi_credentials_split(const char *header, const char **scheme, apr_size_t *len, const char **rest);

/* Decodes Basic credentials: strict base64 of "user:password", both UTF-8
 * without NUL, the user not empty and free of control characters (it goes
 * into logs). Returns 1 on success. */
int soi_credentials_basic(apr_pool_t *pool, const char *b64, const char **user, const char **password);

#endif
