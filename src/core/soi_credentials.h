/* Reading the Authorization header (SPEC section 5). Pure parsing: looking
 * the caller up is soi_auth.c's job. */
#ifndef SOI_CREDENTIALS_H
#define SOI_CREDENTIALS_H

#include <apr_pools.h>

typedef enum { SOI_SCHEME_BASIC = 1, SOI_SCHEME_SOTICKET = 2, SOI_SCHEME_BEARER = 4 } soi_scheme;

/* Splits "Scheme credentials": returns the scheme (0 when it is none of ours)
 * and points *rest at the credentials. Scheme names ignore case. */
int soi_credentials_scheme(const char *header, const char **rest);

/* Decodes Basic credentials: strict base64 of "user:password", where both
 * are UTF-8 without NUL and the user is not empty. Returns 1 on success. */
int soi_credentials_basic(apr_pool_t *pool, const char *b64, const char **user, const char **password);

#endif
