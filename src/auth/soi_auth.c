#include "auth/soi_auth.h"

#include <apr_md5.h>
#include <apr_strings.h>
#include <string.h>

#include "core/soi_credentials.h"
#include "store/soi_store.h"
#include "core/soi_text.h"

/* A bcrypt hash (cost 10) of a random secret: unknown users are checked
 * against it, so that they take as long as known ones and timing does not
 * tell which login names exist. */
#define SOI_DUMMY_HASH "$2y$10$QrZcDFJDSeNfsrlCsAzJvOTapxdL2Lm/0Fhd5qFUFbI0K.gk0mIvu"

static soi_error *soi_auth_refused(soi_req *q)
{
    return soi_err(q->r->pool, SOI_MSG_AUTH_REFUSED, NULL);
}

/* Verifies q->who.user / q->who.password, from the cache when allowed. */
static soi_error *soi_auth_verify(soi_req *q, int use_cache)
{
    request_rec *r = q->r;
    soi_principal *who = &q->who;
    soi_credcache *cache = q->backend ? q->backend->creds : NULL;
    soi_cred cred;
    soi_login login;

    if (cache) {
        soi_credcache_digest(cache, who->user, who->password, who->cache_key);
        if (use_cache && soi_credcache_get(cache, who->cache_key, r->request_time, &cred)) {
            who->associate_id = cred.associate_id;
            who->rights = cred.rights;
            who->password_hash = apr_pstrdup(r->pool, cred.password_hash);
            who->cached = 1;
            return NULL;
        }
    }
    soi_error *err = soi_store_login(q, who->user, &login);
    if (err)
        return err;
    int ok =
        apr_password_validate(who->password, login.associate_id ? login.password_hash : SOI_DUMMY_HASH) == APR_SUCCESS;
    if (!login.associate_id || !ok) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, SOILOGNO(0201) "Basic authentication failed for user \"%s\"",
                      soi_text_quote(r->pool, who->user, strlen(who->user), 64));
        return soi_auth_refused(q);
    }
    who->associate_id = login.associate_id;
    who->rights = login.rights;
    who->password_hash = login.password_hash;
    who->cached = 0;
    if (cache && strlen(login.password_hash) < SOI_HASH_MAX) {
        cred.associate_id = login.associate_id;
        cred.rights = login.rights;
        apr_cpystrn(cred.password_hash, login.password_hash, sizeof(cred.password_hash));
        soi_credcache_put(cache, who->cache_key, r->request_time, &cred);
    }
    return NULL;
}

soi_error *soi_auth_identify(soi_req *q)
{
    request_rec *r = q->r;
    const char *header = apr_table_get(r->headers_in, "Authorization"), *rest;
    int accepted = soi_config_auth_schemes(q->dconf);

    if (!header)
        return soi_err(r->pool, SOI_MSG_AUTH_REQUIRED, "Basic", NULL);
    int scheme = soi_credentials_scheme(header, &rest);
    if (!(scheme & accepted))
        return soi_err(r->pool, SOI_MSG_AUTH_SCHEME, "Basic", NULL);
    if (!soi_credentials_basic(r->pool, rest, &q->who.user, &q->who.password))
        return soi_err(r->pool, SOI_MSG_AUTH_BASIC_MALFORMED, NULL);
    /* Hand the login name to the access log, as mod_auth_basic does. */
    r->user = apr_pstrdup(r->pool, q->who.user);
    r->ap_auth_type = "Basic";
    return soi_auth_verify(q, 1);
}

soi_error *soi_auth_reverify(soi_req *q)
{
    if (q->backend && q->backend->creds && q->who.cached)
        soi_credcache_forget(q->backend->creds, q->who.cache_key);
    return soi_auth_verify(q, 0);
}

void soi_auth_challenge(soi_req *q)
{
    if (soi_config_auth_schemes(q->dconf) & SOI_SCHEME_BASIC)
        apr_table_addn(q->r->err_headers_out, "WWW-Authenticate", "Basic realm=\"SuperOffice Username or Ticket\"");
}
