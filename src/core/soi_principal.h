/* Who is calling, whatever the scheme that proved it (SPEC section 5). The
 * database checks the principal on every statement by associate id and
 * credential version: a change of name, password, deleted flag or rights
 * gives the associate a new version, so it takes effect on the next
 * request, cache or no cache. */
#ifndef SOI_PRINCIPAL_H
#define SOI_PRINCIPAL_H

#include <apr.h>

typedef struct {
    apr_int32_t associate_id;
    apr_int64_t version; /* the associate's credential version when verified */
    int rights;          /* blob_rights as of then; statements return the current ones */
    const char *scheme;  /* the scheme's name, "Basic" */
    const char *user;    /* the login name, for logs and %u */
    const char *app;     /* the calling application (SO-AppToken), NULL for none */
} soi_principal;

#endif
