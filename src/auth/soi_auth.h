/* Who is calling (SPEC section 5). Authentication schemes are the rows of
 * one table; each turns its credentials into one scheme-neutral principal
 * (core/soi_principal.h). SoImageInfoAuth names rows of the table, and the
 * 401 challenges come from it. */
#ifndef SOI_AUTH_H
#define SOI_AUTH_H

#include "core/soi_principal.h"
#include "store/soi_store.h"

typedef struct soi_auth soi_auth;

/* What authentication gets to see of the request. */
typedef struct {
    apr_pool_t *pool;
    const char *authorization; /* the Authorization header; NULL when absent */
    const char *cookie;        /* the Cookie headers, joined with "; "; NULL when absent */
    const char *app_token;     /* SO-AppToken; NULL when absent */
    const char *apache_user;   /* a user another httpd module authenticated, when trusted */
    unsigned accepted;         /* SOI_SCHEME_BIT()s of the schemes accepted here */
    int app_required;          /* SoImageInfoAppToken Required */
    apr_time_t now;
    const soi_log *log;
    apr_interval_time_t *db_time; /* where the database time of its statements adds up, or NULL */
} soi_auth_request;

typedef struct {
    const char *name;      /* as Authorization and SoImageInfoAuth spell it */
    const char *challenge; /* the WWW-Authenticate value of a 401; NULL for none */
    int needs_xsrf;        /* unsafe methods need the session's XSRF value */
    int ticket;            /* a ticket: an application token may be required with it */
    int in_cookie;         /* sent as the SOTICKET cookie, not in Authorization */
    /* Verifies the credentials (what follows the scheme name, or the
     * cookie's value). */
    soi_error *(*identify)(soi_auth *a, const soi_auth_request *q, const char *credentials, int use_cache,
                           soi_principal *out);
} soi_scheme;

extern const soi_scheme soi_schemes[];
extern const int soi_scheme_count;
#define SOI_SCHEME_BIT(i) (1u << (i))

/* The scheme bit of a name (ignoring case), 0 when there is none. */
unsigned soi_scheme_find(const char *name, apr_size_t len);

/* The names of the schemes in mask, for messages: "Basic, SOTicket or Bearer". */
const char *soi_scheme_names(apr_pool_t *pool, unsigned mask);

/* The per-process state of authentication for a store: the login cache
 * (entries 0: none) and the timing of refusals. */
soi_auth *soi_auth_create(apr_pool_t *pchild, soi_store *store, int cache_entries, apr_interval_time_t cache_ttl,
                          soi_stats *stats, apr_status_t *rv);

/* The caller, or the 401 (403 for a user another module authenticated who
 * is no associate; 503 when the database fails) that refuses it: the
 * credentials of a user another module authenticated, else of the
 * Authorization header, else of the session cookie; then the application
 * of SO-AppToken. */
soi_error *soi_auth_identify(soi_auth *a, const soi_auth_request *q, soi_principal *out);

/* For an unsafe method of a cookie session: does `value` (the X-XSRF-TOKEN
 * header, or the XSRF_TOKEN form field) match the session's XSRF value?
 * Compared in constant time. */
int soi_auth_xsrf_ok(const soi_principal *who, const char *value);

/* Verifies the credentials again against the current row, past the cache:
 * when the database found the principal stale, or before refusing it on the
 * strength of rights it held when it was cached. */
soi_error *soi_auth_refresh(soi_auth *a, const soi_auth_request *q, soi_principal *who);

#endif
