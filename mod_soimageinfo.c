/* mod_soimageinfo: SuperOffice's Contact ImageInfo API served by httpd from
 * PostgreSQL. This file is the module record, its hooks, and the dispatch of
 * a request to its resource; everything else lives in src/. */
#include <httpd.h>
#include <http_config.h>
#include <http_core.h>
#include <http_log.h>
#include <http_protocol.h>
#include <http_request.h>

#include <apr_strings.h>
#include <libpq-fe.h>

#include "core/soi_text.h"
#include "http/soi_body.h"
#include "http/soi_http.h"
#include "http/soi_image.h"
#include "http/soi_imageinfo.h"
#include "http/soi_reply.h"
#include "http/soi_status.h"

/* Who serves what, and which request bodies: Allow, 405 and 415 are
 * derived from this table. A reply that is stored bytes (a picture) has its
 * own type, whatever Accept says; the others come in the negotiated one. */
static const struct {
    soi_resource resource;
    int method;          /* M_GET also answers HEAD */
    const char *allow;   /* as Allow names the method */
    unsigned body_media; /* SOI_MEDIA_* of the bodies it reads */
    int own_type;        /* the reply's type is not negotiated */
    int (*serve)(soi_req *q);
} soi_dispatch[] = {
    {SOI_RES_IMAGEINFO, M_GET, "GET, HEAD", 0, 0, soi_imageinfo_get},
    {SOI_RES_IMAGEINFO, M_PUT, "PUT", SOI_MEDIA_ENTITY | SOI_MEDIA_PATCH, 0, soi_imageinfo_write},
    {SOI_RES_IMAGEINFO, M_PATCH, "PATCH", SOI_MEDIA_PATCH, 0, soi_imageinfo_write},
    {SOI_RES_IMAGE, M_GET, "GET, HEAD", 0, 1, soi_image_get},
    {SOI_RES_IMAGE, M_PUT, "PUT", SOI_MEDIA_IMAGE | SOI_MEDIA_IMAGE_FORM, 0, soi_image_write},
    {SOI_RES_IMAGE, M_POST, "POST", SOI_MEDIA_IMAGE | SOI_MEDIA_IMAGE_FORM, 0, soi_image_write},
    {SOI_RES_IMAGE, M_DELETE, "DELETE", 0, 0, soi_image_delete},
};
#define SOI_DISPATCH_ROWS (sizeof(soi_dispatch) / sizeof(soi_dispatch[0]))

/* The Allow header of a resource: its rows, and OPTIONS. */
static const char *soi_allow(apr_pool_t *p, soi_resource resource)
{
    const char *allow = "";
    for (apr_size_t i = 0; i < SOI_DISPATCH_ROWS; i++) {
        if (soi_dispatch[i].resource == resource)
            allow = apr_pstrcat(p, allow, soi_dispatch[i].allow, ", ", NULL);
    }
    return apr_pstrcat(p, allow, "OPTIONS", NULL);
}

/* Does the resource serve the method spelt exactly `method` (a CORS
 * preflight's Access-Control-Request-Method)? The names are those Allow
 * lists: its rows' and OPTIONS. Methods are case-sensitive ("patch" is not
 * PATCH). */
static int soi_serves(soi_resource resource, const char *method)
{
    apr_size_t len = method ? strlen(method) : 0;

    if (len == 0)
        return 0;
    if (strcmp(method, "OPTIONS") == 0)
        return 1;
    for (apr_size_t i = 0; i < SOI_DISPATCH_ROWS; i++) {
        if (soi_dispatch[i].resource != resource)
            continue;
        for (const char *p = soi_dispatch[i].allow; *p;) {
            apr_size_t n = strcspn(p, ", ");
            if (n == len && strncmp(p, method, len) == 0)
                return 1;
            p += n;
            p += strspn(p, ", ");
        }
    }
    return 0;
}

/* The route below the <Location> that mounted us. Among the server's
 * Location paths that prefix the URI, the longest that yields a route wins;
 * with none (SetHandler outside any Location) the root is the mount. A 400
 * (bad contact id) is a better answer than a 404. */
static soi_error *soi_route_request(soi_req *q, const apr_array_header_t *mounts)
{
    request_rec *r = q->r;
    soi_error *best = NULL;

    for (int i = 0; i < mounts->nelts; i++) {
        const char *mount = APR_ARRAY_IDX(mounts, i, const char *);
        apr_size_t n = strlen(mount);
        if (strncmp(r->uri, mount, n) != 0 || (r->uri[n] != '/' && r->uri[n] != '\0'))
            continue;
        soi_error *err = soi_route_match(r->pool, r->uri + n, &q->route);
        if (!err)
            return NULL;
        if (!best || (best->status == 404 && err->status != 404))
            best = err;
    }
    return best ? best : soi_route_match(r->pool, r->uri, &q->route);
}

#define SOI_HANDLER "soimageinfo"
#define SOI_FILENAME "soimageinfo:"

/* A request whose Location says "SetHandler soimageinfo" has no file behind
 * it. Claiming it here (as mod_proxy does) lets map_to_storage skip httpd's
 * directory walk: a stat() of every path component and .htaccess lookups,
 * an eighth of the time a request took. <Directory> sections therefore do
 * not apply below the mount. */
static int soi_translate_name(request_rec *r)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);
    const char *err = NULL, *handler;

    if (!d->expr_handler)
        return DECLINED;
    handler = ap_expr_str_exec(r, d->expr_handler, &err);
    if (!handler || strcmp(handler, SOI_HANDLER) != 0)
        return DECLINED;
    r->filename = apr_pstrcat(r->pool, SOI_FILENAME, r->uri, NULL);
    return OK;
}

static int soi_map_to_storage(request_rec *r)
{
    return r->filename && strncmp(r->filename, SOI_FILENAME, sizeof(SOI_FILENAME) - 1) == 0 ? OK : DECLINED;
}

static int soi_handler(request_rec *r)
{
    if (r->handler && strcmp(r->handler, SOI_STATUS_HANDLER) == 0) {
        soi_srv_conf *c = ap_get_module_config(r->server->module_config, &soimageinfo_module);
        return soi_status_page(r, c->stats_table);
    }
    if (!r->handler || strcmp(r->handler, SOI_HANDLER) != 0)
        return DECLINED;

    soi_req *q = apr_palloc(r->pool, sizeof(*q));
    soi_srv_conf *sconf = ap_get_module_config(r->server->module_config, &soimageinfo_module);
    soi_req_init(q, r);
    /* The reply's media type first: every answer, errors included, comes
     * in it (a 406, and anything when none is acceptable, in JSON). */
    soi_error *unacceptable = soi_media_negotiate(r->pool, apr_table_get(r->headers_in, "Accept"), &q->reply);
    q->format = soi_media_format(q->reply);
    soi_error *err = soi_route_request(q, sconf->mounts);
    if (err)
        return soi_reply_error(q, err);
    const char *allow = soi_allow(r->pool, q->route.resource);
    /* Answered without credentials: a CORS preflight carries none. */
    if (r->method_number == M_OPTIONS)
        return soi_reply_options(
            q, allow, soi_serves(q->route.resource, apr_table_get(r->headers_in, "Access-Control-Request-Method")));
    for (apr_size_t i = 0; i < SOI_DISPATCH_ROWS; i++) {
        if (soi_dispatch[i].resource == q->route.resource && soi_dispatch[i].method == r->method_number) {
            if (unacceptable && !soi_dispatch[i].own_type)
                return soi_reply_error(q, unacceptable);
            if ((err = soi_req_locale(q)))
                return soi_reply_error(q, err);
            q->body_media = soi_dispatch[i].body_media;
            return soi_dispatch[i].serve(q);
        }
    }
    apr_table_setn(r->err_headers_out, "Allow", allow);
    return soi_reply_error(
        q, soi_err(r->pool, SOI_MSG_METHOD, soi_text_quote(r->pool, r->method, strlen(r->method), 20), allow, NULL));
}

static int soi_post_config(apr_pool_t *pconf, apr_pool_t *plog, apr_pool_t *ptemp, server_rec *s)
{
    apr_array_header_t *backends = apr_array_make(pconf, 2, sizeof(soi_backend *));
    /* httpd reads its configuration twice at start-up; check things once. */
    int first_pass = ap_state_query(AP_SQ_MAIN_STATE) == AP_SQ_MS_CREATE_PRE_CONFIG;

    if (!PQisthreadsafe()) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, 0, s,
                     SOILOGNO(0001) "this libpq is not thread-safe; rebuild against a thread-safe libpq");
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    soi_stats_table *stats = soi_status_table(s);
    for (server_rec *v = s; v; v = v->next) {
        soi_srv_conf *c = ap_get_module_config(v->module_config, &soimageinfo_module);
        int seen = backends->nelts;
        c->stats_table = stats;
        c->backend = soi_backend_for(pconf, v, c, backends);
        c->mounts = soi_config_mounts(pconf, v);
        if (!first_pass && backends->nelts > seen) {
            const char *schema = NULL;
            if (!soi_store_ping(c->backend->store))
                ap_log_error(APLOG_MARK, APLOG_WARNING, 0, v,
                             SOILOGNO(0107) "PostgreSQL does not answer at SoImageInfoDatabase \"%s\"; starting "
                                            "anyway, requests will get 503 until it does",
                             soi_store_redact(ptemp, c->conninfo));
            else if ((schema = soi_store_schema(c->backend->store, ptemp)))
                ap_log_error(APLOG_MARK, APLOG_ERR, 0, v,
                             SOILOGNO(0113) "the database of SoImageInfoDatabase \"%s\" does not match this "
                                            "module: %s; starting anyway, requests will get 503 until it does",
                             soi_store_redact(ptemp, c->conninfo), schema);
        }
    }
    if (!first_pass)
        ap_log_error(APLOG_MARK, APLOG_INFO, 0, s, SOILOGNO(0002) "mod_soimageinfo ready (libpq %d)", PQlibVersion());
    return OK;
}

static void soi_child_init(apr_pool_t *pchild, server_rec *s)
{
    soi_srv_conf *top = ap_get_module_config(s->module_config, &soimageinfo_module);
    /* One slot of the status page per process, for all its servers. */
    soi_stats *stats = soi_status_claim(top->stats_table, pchild, s);
    for (server_rec *v = s; v; v = v->next) {
        soi_srv_conf *c = ap_get_module_config(v->module_config, &soimageinfo_module);
        c->stats = stats;
        /* Servers sharing a backend share its pool: set it up once. */
        if (c->backend && !soi_store_is_open(c->backend->store))
            soi_backend_child_init(c->backend, pchild, stats);
    }
}

static void soi_register_hooks(apr_pool_t *p)
{
    ap_hook_post_config(soi_post_config, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_child_init(soi_child_init, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_translate_name(soi_translate_name, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_map_to_storage(soi_map_to_storage, NULL, NULL, APR_HOOK_FIRST);
    ap_hook_handler(soi_handler, NULL, NULL, APR_HOOK_MIDDLE);
    soi_body_register_filter();
    soi_status_register();
}

/* APLOG_USE_MODULE comes from soi_private.h, so the record is spelled out. */
module AP_MODULE_DECLARE_DATA soimageinfo_module = {
    STANDARD20_MODULE_STUFF, soi_config_create_dir, soi_config_merge_dir, soi_config_create_server,
    soi_config_merge_server, soi_directives,        soi_register_hooks,
};
