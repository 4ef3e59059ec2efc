#include "http/soi_http.h"

#include <ap_mpm.h>
#include <apr_strings.h>
#include <http_core.h>

#include "core/soi_text.h"

static void soi_server_log(void *ctx, int level, const char *message)
{
    const server_rec *s = ctx;
    ap_log_error(APLOG_MARK, level, 0, s, "%s", message);
}

static void soi_request_log(void *ctx, int level, const char *message)
{
    const request_rec *r = ctx;
    ap_log_rerror(APLOG_MARK, level, 0, r, "%s", message);
}

static int soi_same(const soi_backend *b, const soi_store_settings *s, int entries, apr_interval_time_t ttl)
{
    const soi_store_settings *t = soi_store_settings_of(b->store);
    return strcmp(t->conninfo, s->conninfo) == 0 && t->pool_min == s->pool_min && t->pool_max == s->pool_max
           && t->pool_timeout == s->pool_timeout && t->statement_timeout == s->statement_timeout
           && t->lock_timeout == s->lock_timeout && t->unnamed == s->unnamed && b->cache_entries == entries
           && b->cache_ttl == ttl;
}

soi_backend *soi_backend_for(apr_pool_t *pconf, server_rec *s, const soi_srv_conf *c, apr_array_header_t *known)
{
    int threads = 1;
    if (!c->conninfo)
        return NULL;
    /* The default pool: not more than the worker threads, and not more than
     * a few. A database does best with few busy connections (bench/: 8 per
     * process served a third more requests than one per thread), and a
     * request waits for a free connection far less than a query takes. */
    if (ap_mpm_query(AP_MPMQ_MAX_THREADS, &threads) != APR_SUCCESS || threads < 1)
        threads = 1;
    soi_store_settings set = {
        c->conninfo,
        c->pool_min >= 0 ? c->pool_min : 0,
        c->pool_min >= 0 ? c->pool_max : (threads < SOI_DEFAULT_POOL_MAX ? threads : SOI_DEFAULT_POOL_MAX),
        c->pool_min >= 0 ? c->pool_timeout : SOI_DEFAULT_POOL_TIMEOUT,
        c->statement_timeout >= 0 ? c->statement_timeout : SOI_DEFAULT_STATEMENT_TIMEOUT,
        c->lock_timeout >= 0 ? c->lock_timeout : SOI_DEFAULT_LOCK_TIMEOUT,
        c->unnamed > 0,
    };
    int entries = c->cache_entries >= 0 ? c->cache_entries : SOI_DEFAULT_CACHE_ENTRIES;
    apr_interval_time_t ttl = c->cache_entries >= 0 ? c->cache_ttl : SOI_DEFAULT_CACHE_TTL;
    if (set.pool_min > set.pool_max)
        set.pool_min = set.pool_max;

    for (int i = 0; i < known->nelts; i++) {
        soi_backend *b = APR_ARRAY_IDX(known, i, soi_backend *);
        if (soi_same(b, &set, entries, ttl))
            return b;
    }
    soi_backend *b = apr_pcalloc(pconf, sizeof(*b));
    b->store = soi_store_create(pconf, &set);
    b->cache_entries = entries;
    b->cache_ttl = ttl;
    b->server = s;
    b->log.write = soi_server_log;
    b->log.ctx = s;
    b->log.level = ap_get_server_module_loglevel(s, APLOG_MODULE_INDEX);
    APR_ARRAY_PUSH(known, soi_backend *) = b;
    return b;
}

void soi_backend_child_init(soi_backend *b, apr_pool_t *pchild, soi_stats *stats)
{
    apr_status_t rv;

    /* The pool lives in pchild itself, not in a sub-pool: a child told to
     * stop in the middle of a request (prefork) destroys pchild's sub-pools,
     * the request's among them, before pchild's own cleanups, so every
     * connection is back when the pool is torn down. */
    rv = soi_store_open(b->store, pchild, &b->log, stats);
    if (rv != APR_SUCCESS)
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, b->server,
                     SOILOGNO(0105) "cannot create the connection pool of SoImageInfoPool (at most %d connections); "
                                    "requests will get 503: check the memory and thread limits of httpd's processes",
                     soi_store_settings_of(b->store)->pool_max);
    b->auth = soi_auth_create(pchild, b->store, b->cache_entries, b->cache_ttl, stats, &rv);
    if (rv != APR_SUCCESS)
        ap_log_error(APLOG_MARK, APLOG_WARNING, rv, b->server,
                     SOILOGNO(0106) "cannot create the login cache of SoImageInfoAuthCache; every request will "
                                    "look its login up");
}

/* Several Cookie headers (HTTP/2 sends one per cookie) read as one. */
static int soi_join_cookie(void *rec, const char *key, const char *value)
{
    soi_req *q = rec;
    q->authq.cookie = q->authq.cookie ? apr_pstrcat(q->r->pool, q->authq.cookie, "; ", value, NULL) : value;
    return 1;
}

void soi_req_init(soi_req *q, request_rec *r)
{
    soi_srv_conf *sconf = ap_get_module_config(r->server->module_config, &soimageinfo_module);
    memset(q, 0, sizeof(*q));
    q->r = r;
    q->dconf = ap_get_module_config(r->per_dir_config, &soimageinfo_module);
    q->backend = sconf->backend;
    q->stats = sconf->stats;
    q->log.write = soi_request_log;
    q->log.ctx = r;
    q->log.level = ap_get_request_module_loglevel(r, APLOG_MODULE_INDEX);
    soi_lang_prefer(apr_table_get(r->headers_in, "SO-Language"), apr_table_get(r->headers_in, "Accept-Language"),
                    &q->lang);
    q->msg_lang = soi_lang_catalogue(&q->lang, (soi_lang)soi_config_language(q->dconf));
    q->authq.pool = r->pool;
    q->authq.authorization = apr_table_get(r->headers_in, "Authorization");
    apr_table_do(soi_join_cookie, q, r->headers_in, "Cookie", NULL);
    q->authq.app_token = apr_table_get(r->headers_in, "SO-AppToken");
    /* r->user is another module's only while ours has not run: trusted
     * when SoImageInfoApacheUser says so. */
    if (r->user && soi_config_apache_user(q->dconf))
        q->authq.apache_user = r->user;
    q->authq.accepted = soi_config_auth_schemes(q->dconf);
    q->authq.app_required = soi_config_app_required(q->dconf);
    q->authq.now = r->request_time;
    q->authq.log = &q->log;
    q->authq.db_time = &q->db_time;
}

soi_error *soi_req_locale(soi_req *q)
{
    request_rec *r = q->r;
    const char *culture = apr_table_get(r->headers_in, "SO-Culture");
    const char *zone = apr_table_get(r->headers_in, "SO-TimeZone");

    if (culture && *culture && !soi_culture_valid(culture))
        return soi_err(r->pool, SOI_MSG_CULTURE, soi_text_quote(r->pool, culture, strlen(culture), 40), NULL);
    if (zone && *zone && !soi_zone_parse(zone, &q->zone))
        return soi_err(r->pool, SOI_MSG_TIMEZONE, soi_text_quote(r->pool, zone, strlen(zone), 60), NULL);
    return NULL;
}

soi_call soi_req_call(soi_req *q)
{
    soi_call c = {q->r->pool, q->route.contact_id, &q->who, &q->log, &q->db_time};
    return c;
}

/* Who is calling; r->user names them once they are verified, as
 * mod_auth_basic does, for %u in access logs. */
soi_error *soi_req_identify(soi_req *q)
{
    if (!q->backend || !q->backend->auth)
        return soi_error_server(q->r->pool, SOI_MSG_UNAVAILABLE,
                                "no database for this server: set SoImageInfoDatabase (see the error log at "
                                "start-up)");
    soi_error *err = soi_auth_identify(q->backend->auth, &q->authq, &q->who);
    if (!err) {
        q->r->user = apr_pstrdup(q->r->pool, q->who.user);
        q->r->ap_auth_type = apr_pstrdup(q->r->pool, q->who.scheme);
    }
    return err;
}

/* The database found the caller's credentials changed since they were
 * verified: they are verified again against the current row (a 401 when
 * they no longer hold), and the caller may try once more. */
soi_error *soi_req_refresh(soi_req *q)
{
    return soi_auth_refresh(q->backend->auth, &q->authq, &q->who);
}

/* A cookie session changes nothing without its XSRF value: from the
 * X-XSRF-TOKEN header, checked before the body is read, or from the
 * XSRF_TOKEN field of a form body, checked once it is decoded (`form`:
 * whether the body is one; `field`: its value then, NULL before). */
soi_error *soi_req_xsrf(soi_req *q, int form, const char *field, int *done)
{
    const char *header = apr_table_get(q->r->headers_in, "X-XSRF-TOKEN");
    if (!q->who.needs_xsrf || *done)
        return NULL;
    if (!header && form && !field)
        return NULL; /* the form's field will tell */
    *done = 1;
    return soi_auth_xsrf_ok(&q->who, header ? header : field) ? NULL : soi_err(q->r->pool, SOI_MSG_XSRF, NULL);
}
