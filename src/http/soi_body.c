#include "http/soi_body.h"

#include <apr_strings.h>
#include <http_core.h>
#include <http_protocol.h>
#include <util_filter.h>

#include "http/soi_reply.h"

#define SOI_READ_BLOCK 8192
#define SOI_BODY_FILTER "SOI_BODY_ERROR"

static soi_error *soi_too_large(apr_pool_t *pool, apr_off_t limit)
{
    return soi_err(pool, SOI_MSG_BODY_TOO_LARGE, soi_num(pool, limit), NULL);
}

/* httpd's chunked decoder gives the same 413 for a body past
 * LimitRequestBody and for a chunk-size line past its own line limit (an
 * overlong chunk extension): the message names both. */
static soi_error *soi_httpd_too_large(apr_pool_t *pool, apr_off_t limit)
{
    return soi_err(pool, SOI_MSG_BODY_TOO_LARGE_CHUNKED, soi_num(pool, limit), NULL);
}

/* When httpd's HTTP_IN filter refuses a body (a chunked body past
 * LimitRequestBody, broken chunking) it sends an error bucket down the output
 * filters, and httpd would answer with its HTML page. This filter, in place
 * only while we read, answers with our reply instead, and then fails: HTTP_IN
 * hands that failure back to our read, which stops there. Reporting success
 * would make HTTP_IN report success too, and the body, cut short, would be
 * decoded and written after the reply had gone. */
static apr_status_t soi_body_error_filter(ap_filter_t *f, apr_bucket_brigade *bb)
{
    soi_req *q = f->ctx;
    for (apr_bucket *e = APR_BRIGADE_FIRST(bb); e != APR_BRIGADE_SENTINEL(bb); e = APR_BUCKET_NEXT(e)) {
        if (!AP_BUCKET_IS_ERROR(e))
            continue;
        int status = ((ap_bucket_error *)e->data)->status;
        apr_brigade_cleanup(bb);
        ap_remove_output_filter(f);
        soi_error *err =
            status == HTTP_REQUEST_ENTITY_TOO_LARGE
                ? soi_httpd_too_large(q->r->pool, ap_get_limit_req_body(q->r))
                : soi_err(q->r->pool, status == HTTP_NOT_IMPLEMENTED ? SOI_MSG_BODY_CODING : SOI_MSG_BODY_FRAMING,
                          NULL);
        soi_reply_error(q, err);
        return AP_FILTER_ERROR;
    }
    return ap_pass_brigade(f->next, bb);
}

void soi_body_register_filter(void)
{
    ap_register_output_filter(SOI_BODY_FILTER, soi_body_error_filter, NULL, AP_FTYPE_CONTENT_SET);
}

soi_error *soi_body_read(soi_req *q, apr_off_t limit, const soi_sink *sink, soi_msg empty)
{
    request_rec *r = q->r;
    apr_off_t total = 0, httpd_limit = ap_get_limit_req_body(r);
    const char *cl = apr_table_get(r->headers_in, "Content-Length");
    int seen_eos = 0;

    /* The tighter of our limit and LimitRequestBody, checked here so that
     * the 413 carries our error body rather than httpd's page. */
    if (httpd_limit > 0 && httpd_limit < limit)
        limit = httpd_limit;
    if (cl) {
        apr_off_t n;
        char *end;
        if (apr_strtoff(&n, cl, &end, 10) == APR_SUCCESS && *end == '\0' && n > limit)
            return soi_too_large(r->pool, limit);
    }

    apr_bucket_brigade *bb = apr_brigade_create(r->pool, r->connection->bucket_alloc);
    /* A sink that holds what it is fed gets httpd's buckets kept for it:
     * set aside, which copies nothing for the heap buckets a body arrives
     * in, and released once the sink has finished. */
    apr_bucket_brigade *kept = sink->holds ? apr_brigade_create(r->pool, r->connection->bucket_alloc) : NULL;
    ap_filter_t *guard = ap_add_output_filter(SOI_BODY_FILTER, q, r, r->connection);
    soi_error *result = NULL;
    q->body = SOI_BODY_PARTLY;
    while (!seen_eos && !result) {
        /* Never ask for more than one byte past the limit: httpd then never
         * reads past LimitRequestBody on our behalf. */
        apr_off_t want = limit - total + 1;
        apr_status_t rv = ap_get_brigade(r->input_filters, bb, AP_MODE_READBYTES, APR_BLOCK_READ,
                                         want < SOI_READ_BLOCK ? want : SOI_READ_BLOCK);
        if (q->answered) {
            /* The guard has replied: nothing read is used, whatever rv says. */
            result = soi_err(r->pool, SOI_MSG_BODY_FRAMING, NULL);
            break;
        }
        if (rv != APR_SUCCESS) {
            ap_log_rerror(APLOG_MARK, APLOG_DEBUG, rv, r, SOILOGNO(0301) "reading the request body failed");
            result = ap_map_http_request_error(rv, HTTP_BAD_REQUEST) == HTTP_REQUEST_ENTITY_TOO_LARGE
                         ? soi_httpd_too_large(r->pool, limit)
                         : soi_err(r->pool, SOI_MSG_BODY_UNREAD, NULL);
            break;
        }
        while (!APR_BRIGADE_EMPTY(bb) && !result) {
            apr_bucket *b = APR_BRIGADE_FIRST(bb);
            const char *data;
            apr_size_t len;
            if (APR_BUCKET_IS_EOS(b)) {
                seen_eos = 1;
                break;
            }
            if (APR_BUCKET_IS_METADATA(b)) {
                apr_bucket_delete(b);
                continue;
            }
            /* Set aside before it is read, so that what is read is what stays
             * (a transient bucket would be copied by the setaside). */
            if ((kept && apr_bucket_setaside(b, r->pool) != APR_SUCCESS)
                || apr_bucket_read(b, &data, &len, APR_BLOCK_READ) != APR_SUCCESS)
                result = soi_err(r->pool, SOI_MSG_BODY_UNREAD, NULL);
            else if ((total += (apr_off_t)len) > limit)
                result = soi_too_large(r->pool, limit);
            else if (len > 0)
                result = sink->feed(sink->ctx, data, len);
            /* What the sink holds stays; everything else goes now. */
            if (kept && !result) {
                APR_BUCKET_REMOVE(b);
                APR_BRIGADE_INSERT_TAIL(kept, b);
            } else {
                apr_bucket_delete(b);
            }
        }
        apr_brigade_cleanup(bb);
    }
    if (!q->answered)
        ap_remove_output_filter(guard);
    if (!result) {
        q->body = SOI_BODY_READ;
        result = total == 0 ? soi_err(r->pool, empty, NULL) : sink->finish(sink->ctx);
    }
    if (kept)
        apr_brigade_cleanup(kept);
    return result;
}
