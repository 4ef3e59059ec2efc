/* Who is calling, whatever the scheme that proved it (SPEC section 5). The
 * database checks the principal on every statement by associate id and
 * credential version: a change of name, password, deleted flag or rights
 * gives the associate a new version, so it takes effect on the next
 * request, cache or no cache. */
#ifndef SOI_PRINCIPAL_H
#define SOI_PRINCIPAL_H

#include <apr.h>

#define SOI_XSRF_DIGEST_LEN 32

typedef struct {
    apr_int32_t associate_id;
    apr_int64_t version; /* the associate's credential version when verified */
    apr_int64_t ticket;  /* the ticket it came with (soi_ticket.ticket_id), 0 for none */
    apr_int32_t app_id;  /* the calling application (soi_app.app_id), 0 for none */
    int rights;          /* blob_rights as of then; statements return the current ones */
    const char *scheme;  /* the scheme's name: "Basic", "SOTicket", "Bearer", "Cookie", "Apache" */
    const char *user;    /* the login name, for logs and %u */
    const char *app;     /* the application's name, NULL for none */
    int needs_xsrf;      /* unsafe methods need the session's XSRF value (a cookie session) */
    int has_xsrf;        /* the session has one: its SHA-256 is xsrf */
    unsigned char xsrf[SOI_XSRF_DIGEST_LEN];
} soi_principal;

#endif
