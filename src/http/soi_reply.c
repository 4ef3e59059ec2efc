#include "http/soi_reply.h"

#include <apr_base64.h>
#include <apr_buckets.h>
#include <apr_md5.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <http_request.h>

#include "codec/soi_emit.h"
#include "core/soi_text.h"
#include "core/soi_time.h"
#include "i18n/soi_message.h"

/* CORS (SoImageInfoCORSOrigin): what a browser app on a listed origin may
 * send, how long it may remember a preflight's answer, and which response
 * headers its script may read beyond the safelisted ones. */
static const char *const soi_cors_request_headers[] = {
    "Authorization",       "Content-Type", "Accept",      "Accept-Language", "X-XSRF-TOKEN",  "SO-AppToken",
    "SO-Language",         "SO-Culture",   "SO-TimeZone", "If-Match",        "If-None-Match", "If-Modified-Since",
    "If-Unmodified-Since",
};
#define SOI_CORS_REQUEST_HEADERS (sizeof(soi_cors_request_headers) / sizeof(soi_cors_request_headers[0]))
#define SOI_CORS_EXPOSE "ETag, Last-Modified, Retry-After, WWW-Authenticate, Allow"
#define SOI_CORS_MAX_AGE "600"
/* The request headers a reply's language comes from. */
#define SOI_VARY_LANGUAGE "Accept-Language, SO-Language"

/* A CORS preflight: OPTIONS with Origin and Access-Control-Request-Method. */
static int soi_cors_is_preflight(request_rec *r)
{
    return r->method_number == M_OPTIONS && apr_table_get(r->headers_in, "Origin")
           && apr_table_get(r->headers_in, "Access-Control-Request-Method");
}

/* Does every name of Access-Control-Request-Headers (a comma-separated
 * list; browsers send the names in lower case) belong to the list above?
 * Names compare without regard to case, empty elements are skipped, and no
 * header at all asks for nothing. */
static int soi_cors_headers_allowed(const char *list)
{
    apr_size_t n = list ? strlen(list) : 0;
    for (apr_size_t at = 0, from, to; n && soi_list_next(list, n, ',', &at, &from, &to);) {
        int found = 0;
        if (from == to)
            continue;
        for (apr_size_t i = 0; i < SOI_CORS_REQUEST_HEADERS && !found; i++)
            found = soi_ascii_ieq(list + from, to - from, soi_cors_request_headers[i]);
        if (!found)
            return 0;
    }
    return 1;
}

/* The CORS headers of an actual response (not a preflight's, which
 * soi_reply_options sets when it grants one): for a listed Origin, that
 * origin with credentials allowed and the headers a script needs to read;
 * for any other, none. Either way Vary: Origin wherever CORS is on, so
 * that caches keep the two kinds of response apart. */
static void soi_cors_headers(soi_req *q)
{
    request_rec *r = q->r;
    const char *origin = apr_table_get(r->headers_in, "Origin");

    if (!soi_config_cors(q->dconf))
        return;
    apr_table_mergen(r->err_headers_out, "Vary", "Origin");
    if (soi_cors_is_preflight(r) || !soi_config_cors_origin(q->dconf, origin))
        return;
    apr_table_setn(r->err_headers_out, "Access-Control-Allow-Origin", origin);
    apr_table_setn(r->err_headers_out, "Access-Control-Allow-Credentials", "true");
    apr_table_setn(r->err_headers_out, "Access-Control-Expose-Headers", SOI_CORS_EXPOSE);
}

/* Headers every reply carries: the body depends on Accept (and on the
 * language headers when it says so), and no shared cache may keep a reply
 * meant for one caller (TableRight is theirs). */
static void soi_common_headers(soi_req *q)
{
    apr_table_mergen(q->r->err_headers_out, "Vary", "Accept");
    if (q->lang_varies)
        apr_table_mergen(q->r->err_headers_out, "Vary", SOI_VARY_LANGUAGE);
    apr_table_setn(q->r->err_headers_out, "Cache-Control", "private, no-cache");
    soi_cors_headers(q);
}

/* A body the request announced and nobody read is not read now: its
 * framing may be broken, and httpd's own reading of it would answer with
 * its page after ours. The connection is closed instead (httpd then skips
 * discarding it), so the next request cannot start inside this body. */
static void soi_leave_body(soi_req *q)
{
    if (q->body == SOI_BODY_PARTLY || (q->body == SOI_BODY_UNREAD && ap_request_has_body(q->r)))
        q->r->connection->keepalive = AP_CONN_CLOSE;
}

/* What the access log can show of a request (LogFormat's %{name}n): who
 * called (r->user names them for %u), by which scheme and application, the
 * database's time in microseconds, and how it ended: "ok", or the id of the
 * message the error body carries. */
static void soi_log_notes(soi_req *q)
{
    apr_table_t *notes = q->r->notes;
    if (q->who.associate_id) {
        apr_table_setn(notes, "soi-associate", apr_itoa(q->r->pool, q->who.associate_id));
        apr_table_setn(notes, "soi-scheme", q->who.scheme);
        if (q->who.app)
            apr_table_setn(notes, "soi-app", q->who.app);
    }
    apr_table_setn(notes, "soi-db-us", apr_psprintf(q->r->pool, "%" APR_TIME_T_FMT, q->db_time));
    if (!apr_table_get(notes, "soi-outcome"))
        apr_table_setn(notes, "soi-outcome", "ok");
}

/* Sends the one reply: status, the type (NULL: the negotiated one, with its
 * charset), and the bytes, which are not copied: a pool bucket refers to
 * them, and they live as long as the request (for a picture, in libpq's
 * result, whose cleanup runs after the bucket's). */
static int soi_send_as(soi_req *q, int status, const char *type, const char *data, apr_size_t len)
{
    request_rec *r = q->r;
    apr_bucket_alloc_t *ba = r->connection->bucket_alloc;
    apr_bucket_brigade *bb = apr_brigade_create(r->pool, ba);

    if (q->answered)
        return OK;
    q->answered = 1;
    soi_log_notes(q);
    soi_stats_request(q->stats, status, q->who.associate_id ? q->who.scheme : NULL, q->db_time);
    soi_leave_body(q);
    soi_common_headers(q);
    r->status = status;
    if (len)
        ap_set_content_type(r, type ? type : apr_pstrcat(r->pool, soi_media_name(q->reply), "; charset=utf-8", NULL));
    /* 204 and 304 have no body, and say no length. */
    if (status != HTTP_NO_CONTENT && status != HTTP_NOT_MODIFIED)
        ap_set_content_length(r, (apr_off_t)len);
    if (len)
        APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_pool_create(data, len, r->pool, ba));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(ba));
    /* A client gone away is not the server's failure. */
    if (ap_pass_brigade(r->output_filters, bb) != APR_SUCCESS)
        r->connection->keepalive = AP_CONN_CLOSE;
    return OK;
}

static int soi_send(soi_req *q, int status, const soi_buf *body)
{
    return soi_send_as(q, status, NULL, body->data, body->len);
}

int soi_reply_error(soi_req *q, const soi_error *err)
{
    request_rec *r = q->r;
    soi_buf body;
    soi_emitter em;

    if (q->answered)
        return OK;
    if (err->detail) {
        /* An outage is logged once per interval, not once per request. */
        int loud = err->status != 503 || !q->backend || soi_store_alarm(q->backend->store);
        ap_log_rerror(APLOG_MARK, loud ? APLOG_ERR : APLOG_INFO, 0, r, SOILOGNO(0401) "%d: %s", err->status,
                      err->detail);
    }
    apr_table_setn(r->notes, "soi-outcome", soi_msg_name(err->id));
    if (err->status == 401) {
        for (int i = 0; i < soi_scheme_count; i++) {
            if ((q->authq.accepted & SOI_SCHEME_BIT(i)) && soi_schemes[i].challenge)
                apr_table_addn(r->err_headers_out, "WWW-Authenticate", soi_schemes[i].challenge);
        }
    }
    if (err->status == 503)
        apr_table_setn(r->err_headers_out, "Retry-After", "5");
    /* A body refused as too large is not worth reading to keep the
     * connection. */
    if (err->status == 413)
        r->connection->keepalive = AP_CONN_CLOSE;

    /* Every message is written in some language, and in another had the
     * request asked for it. */
    q->lang_varies = 1;
    apr_table_setn(r->err_headers_out, "Content-Language", soi_lang_tag(q->msg_lang));
    soi_buf_init(&body, r->pool, 512);
    soi_emitter_init(&em, q->format, &body);
    soi_emit_error(&em, err->status, soi_message(r->pool, err, q->msg_lang));
    return soi_send(q, err->status, &body);
}

/* A strong entity tag for these exact bytes of this version: the MD5 of the
 * stored row's update counter, the body and its Content-Language, in 22
 * base64url characters. The body holds everything a representation varies
 * with (format, language, the caller's rights, the associates' names), so
 * equal tags mean equal bytes, and the counter makes every write change
 * it. */
static const char *soi_etag(apr_pool_t *p, apr_int32_t version, const soi_buf *body, const char *language)
{
    unsigned char digest[APR_MD5_DIGESTSIZE];
    unsigned char v[4] = {(unsigned char)(version >> 24), (unsigned char)(version >> 16), (unsigned char)(version >> 8),
                          (unsigned char)version};
    apr_md5_ctx_t ctx;
    char b64[32];

    apr_md5_init(&ctx);
    apr_md5_update(&ctx, v, sizeof(v));
    apr_md5_update(&ctx, body->data, body->len);
    if (language)
        apr_md5_update(&ctx, language, strlen(language) + 1);
    apr_md5_final(digest, &ctx);
    apr_base64_encode(b64, (const char *)digest, sizeof(digest));
    for (char *c = b64; *c; c++) {
        if (*c == '+')
            *c = '-';
        else if (*c == '/')
            *c = '_';
    }
    return apr_psprintf(p, "\"%.22s\"", b64);
}

/* Adds a language tag to a Content-Language list, once. */
static const char *soi_language_add(apr_pool_t *p, const char *list, const char *tag)
{
    apr_size_t n = list ? strlen(list) : 0;
    for (apr_size_t at = 0, from, to; n && soi_list_next(list, n, ',', &at, &from, &to);) {
        if (to - from == strlen(tag) && memcmp(list + from, tag, to - from) == 0)
            return list;
    }
    return list ? apr_pstrcat(p, list, ", ", tag, NULL) : tag;
}

/* The text of a resource reference in the first language the request asks
 * for that soi_resource has it in, else in SoImageInfoLanguage's; NULL when
 * neither has it. *tag names the language. */
static const char *soi_resource_text(soi_req *q, const char *id, const char **tag)
{
    soi_store *st = q->backend ? q->backend->store : NULL;
    const char *fallback = soi_lang_tag((soi_lang)soi_config_language(q->dconf));
    const char *text;
    soi_lang known;

    for (int i = 0; i <= q->lang.n; i++) {
        const char *l = i < q->lang.n ? q->lang.range[i].primary : fallback;
        if (strcmp(l, "*") == 0)
            l = fallback;
        else if (soi_lang_from_tag(l, &known))
            l = soi_lang_tag(known); /* no and nn are nb */
        if ((text = soi_store_resource(st, q->r->pool, l, id))) {
            *tag = l;
            return text;
        }
    }
    return NULL;
}

/* The entity's values in the request's language: a multi-language string
 * as its part for that language, and the reasons of missing rights as
 * resource references, resolved. Raw when the request names no language;
 * out learns whether the bytes depend on the language headers, and which
 * languages they are in. */
static void soi_localize(soi_req *q, soi_entity *e, int rights, soi_reasons *why, soi_view *out)
{
    static const char *const refs[2] = {"SR_SOI_TABLE_RIGHTS", "SR_SOI_FIELD_NO_UPDATE"};
    apr_pool_t *p = q->r->pool;
    const char **reason[2] = {&why->table, &why->field};
    int needed[2] = {(rights & SOI_RIGHT_ALL) != SOI_RIGHT_ALL, !(rights & SOI_RIGHT_UPDATE)};
    const char *text, *tag;
    apr_size_t len;

    for (int i = 0; i < SOI_F_COUNT; i++) {
        soi_value *v = &e->v[i];
        if (soi_fields[i].type != SOI_T_STRING || !v->str)
            continue;
        /* One reading of the value: a translation exactly when it is multi-language. */
        if (!q->lang.translate) {
            out->lang_varies |= soi_lang_is_multi(v->str, v->len);
            continue;
        }
        if (!soi_lang_value(p, v->str, v->len, &q->lang, (soi_lang)soi_config_language(q->dconf), &text, &len, &tag))
            continue;
        out->lang_varies = 1;
        v->str = text;
        v->len = len;
        if (tag)
            out->content_language = soi_language_add(p, out->content_language, tag);
    }
    for (int k = 0; k < 2; k++) {
        if (!needed[k])
            continue;
        out->lang_varies = 1;
        text = q->lang.translate ? soi_resource_text(q, refs[k], &tag) : NULL;
        if (text)
            out->content_language = soi_language_add(p, out->content_language, tag);
        *reason[k] = text ? text : apr_pstrcat(p, "[", refs[k], "]", NULL);
    }
}

void soi_reply_render(soi_req *q, const soi_entity *e, int rights, soi_view *out)
{
    soi_emitter em;
    soi_entity shown = *e;
    soi_reasons why = {NULL, NULL};

    out->lang_varies = 0;
    out->content_language = NULL;
    soi_localize(q, &shown, rights, &why, out);
    soi_buf_init(&out->body, q->r->pool, 4096);
    soi_emitter_init(&em, q->format, &out->body);
    soi_emit_entity(&em, &shown, rights, &why);
    if (e->v[SOI_F_BLOBID].num) {
        out->etag = soi_etag(q->r->pool, e->version, &out->body, out->content_language);
        out->last_modified = e->v[SOI_F_UPDATEDDATE].num;
    } else {
        out->etag = NULL;
        out->last_modified = 0;
    }
}

static void soi_validators(soi_req *q, const soi_view *v)
{
    q->lang_varies |= v->lang_varies;
    if (v->content_language)
        apr_table_setn(q->r->headers_out, "Content-Language", v->content_language);
    if (v->etag)
        apr_table_setn(q->r->headers_out, "ETag", v->etag);
    if (v->last_modified) {
        char *date = apr_palloc(q->r->pool, SOI_HTTP_DATE_LEN + 1);
        soi_time_http_date(date, v->last_modified);
        apr_table_setn(q->r->headers_out, "Last-Modified", date);
    }
}

int soi_reply_view(soi_req *q, soi_view *v)
{
    soi_validators(q, v);
    return soi_send(q, 200, &v->body);
}

int soi_reply_not_modified(soi_req *q, const soi_view *v)
{
    soi_buf empty;
    soi_buf_init(&empty, q->r->pool, 1);
    soi_validators(q, v);
    return soi_send(q, HTTP_NOT_MODIFIED, &empty);
}

int soi_reply_options(soi_req *q, const char *allow, int method_served)
{
    request_rec *r = q->r;
    soi_buf body;

    soi_buf_init(&body, r->pool, 1);
    apr_table_setn(r->headers_out, "Allow", allow);
    if (!soi_cors_is_preflight(r) || !method_served
        || !soi_config_cors_origin(q->dconf, apr_table_get(r->headers_in, "Origin"))
        || !soi_cors_headers_allowed(apr_table_get(r->headers_in, "Access-Control-Request-Headers")))
        return soi_send(q, 200, &body);

    const char *headers = soi_cors_request_headers[0];
    for (apr_size_t i = 1; i < SOI_CORS_REQUEST_HEADERS; i++)
        headers = apr_pstrcat(r->pool, headers, ", ", soi_cors_request_headers[i], NULL);
    apr_table_setn(r->err_headers_out, "Access-Control-Allow-Origin", apr_table_get(r->headers_in, "Origin"));
    apr_table_setn(r->err_headers_out, "Access-Control-Allow-Methods", allow);
    apr_table_setn(r->err_headers_out, "Access-Control-Allow-Headers", headers);
    apr_table_setn(r->err_headers_out, "Access-Control-Allow-Credentials", "true");
    apr_table_setn(r->err_headers_out, "Access-Control-Max-Age", SOI_CORS_MAX_AGE);
    return soi_send(q, HTTP_NO_CONTENT, &body);
}

void soi_reply_validators(soi_req *q, const char *etag, apr_time_t last_modified)
{
    soi_view v = {{0}, etag, last_modified, 0, NULL};
    soi_validators(q, &v);
}

int soi_reply_bytes(soi_req *q, int status, const char *type, const char *data, apr_size_t len)
{
    return soi_send_as(q, status, type, data, len);
}

int soi_reply_json_int(soi_req *q, apr_int64_t v)
{
    soi_buf body;
    soi_buf_init(&body, q->r->pool, 24);
    soi_buf_adds(&body, soi_num(q->r->pool, v));
    return soi_send_as(q, 200, "application/json; charset=utf-8", body.data, body.len);
}
