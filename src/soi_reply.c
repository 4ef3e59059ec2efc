#include "soi_reply.h"

#include <apr_buckets.h>
#include <http_protocol.h>
#include <http_request.h>

#include "soi_auth.h"
#include "soi_json.h"
#include "soi_store.h"

#define SOI_JSON_TYPE "application/json; charset=utf-8"
#define SOI_XML_TYPE "application/xml; charset=utf-8"

static int soi_send(soi_req *q, int status, const char *ctype, const soi_buf *body)
{
    request_rec *r = q->r;
    apr_bucket_alloc_t *ba = r->connection->bucket_alloc;
    apr_bucket_brigade *bb = apr_brigade_create(r->pool, ba);

    /* The database has had its say: its connection goes back before the
     * reply meets a slow client. */
    soi_store_release(q);
    r->status = status;
    if (ctype)
        ap_set_content_type(r, ctype);
    ap_set_content_length(r, (apr_off_t)body->len);
    if (body->len)
        APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_pool_create(body->data, body->len, r->pool, ba));
    APR_BRIGADE_INSERT_TAIL(bb, apr_bucket_eos_create(ba));
    /* A client gone away is not the server's failure. */
    if (ap_pass_brigade(r->output_filters, bb) != APR_SUCCESS)
        r->connection->keepalive = AP_CONN_CLOSE;
    return OK;
}

int soi_reply_error(soi_req *q, const soi_error *err)
{
    request_rec *r = q->r;
    soi_buf body;

    if (q->answered)
        return OK;
    if (err->detail) {
        /* An outage is logged once per interval, not once per request. */
        int loud = err->status != 503 || !q->backend || soi_backend_alarm(q->backend);
        ap_log_rerror(APLOG_MARK, loud ? APLOG_ERR : APLOG_INFO, 0, r, SOILOGNO(0401) "%d: %s", err->status,
                      err->detail);
    }
    switch (err->status) {
    case 401: soi_auth_challenge(q); break;
    case 405: apr_table_setn(r->err_headers_out, "Allow", soi_allow(q->route.resource)); break;
    case 503: apr_table_setn(r->err_headers_out, "Retry-After", "5"); break;
    }

    /* Keep the connection only when what is left of the body is known to be
     * small or absent. A body never started is discarded (no 100-continue is
     * sent for an error); one abandoned half-way, or too large, closes it. */
    r->status = err->status;
    if (err->status == 413 || q->body == SOI_BODY_PARTLY)
        r->connection->keepalive = AP_CONN_CLOSE;
    else if (q->body == SOI_BODY_UNREAD && ap_discard_request_body(r) != OK)
        r->connection->keepalive = AP_CONN_CLOSE;

    soi_buf_init(&body, r->pool, 512);
    soi_error_render(&body, err, q->format);
    return soi_send(q, err->status, q->format == SOI_FORMAT_XML ? SOI_XML_TYPE : SOI_JSON_TYPE, &body);
}

int soi_reply_entity(soi_req *q, const soi_entity *e, int rights)
{
    soi_buf body;
    soi_buf_init(&body, q->r->pool, 4096);
    soi_json_write_entity(&body, e, rights);
    return soi_send(q, 200, SOI_JSON_TYPE, &body);
}

int soi_reply_options(soi_req *q)
{
    soi_buf body;
    soi_buf_init(&body, q->r->pool, 1);
    apr_table_setn(q->r->headers_out, "Allow", soi_allow(q->route.resource));
    if (ap_discard_request_body(q->r) != OK)
        q->r->connection->keepalive = AP_CONN_CLOSE;
    return soi_send(q, 200, NULL, &body);
}
