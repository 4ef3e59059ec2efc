#include "http/soi_image.h"

#include <apr_base64.h>
#include <apr_md5.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <string.h>

#include "codec/soi_multipart.h"
#include "core/soi_bytes.h"
#include "core/soi_precondition.h"
#include "core/soi_text.h"
#include "http/soi_body.h"
#include "http/soi_reply.h"

typedef enum { SOI_IMAGE_GET, SOI_IMAGE_PUT, SOI_IMAGE_DELETE } soi_image_op;

/* One statement, once more after a refresh when the database found the
 * principal stale. */
static soi_error *soi_image_call(soi_req *q, soi_image_op op, const char *type, const soi_bytes *bytes, soi_image *img)
{
    soi_store *store = q->backend->store;
    for (int pass = 0;; pass++) {
        soi_call c = soi_req_call(q);
        soi_error *err = op == SOI_IMAGE_GET   ? soi_store_image_get(store, &c, img)
                         : op == SOI_IMAGE_PUT ? soi_store_image_put(store, &c, type, bytes->data, bytes->len, img)
                                               : soi_store_image_delete(store, &c, img);
        if (err || img->outcome != SOI_OUT_STALE)
            return err;
        if (pass > 0)
            return soi_err(q->r->pool, SOI_MSG_AUTH_REFUSED, NULL);
        if ((err = soi_req_refresh(q)))
            return err;
    }
}

/* The outcomes that are not success, as errors. */
static soi_error *soi_image_outcome(soi_req *q, soi_image_op op, const soi_image *img)
{
    apr_pool_t *p = q->r->pool;
    const char *mask = soi_table_right_mask(img->rights);

    switch (img->outcome) {
    case SOI_OUT_DONE:
    case SOI_OUT_CREATED: return NULL;
    case SOI_OUT_FORBIDDEN:
        return soi_err(p,
                       op == SOI_IMAGE_GET      ? SOI_MSG_NEEDS_SELECT
                       : op == SOI_IMAGE_DELETE ? SOI_MSG_NEEDS_DELETE
                       : img->blob_id           ? SOI_MSG_NEEDS_UPDATE
                                                : SOI_MSG_NEEDS_INSERT,
                       mask, NULL);
    case SOI_OUT_MISSING: return soi_err(p, SOI_MSG_NO_CONTACT, soi_num(p, q->route.contact_id), NULL);
    case SOI_OUT_STALE: return soi_err(p, SOI_MSG_AUTH_REFUSED, NULL);
    default:
        return soi_error_server(p, SOI_MSG_SERVER, "the database answered with the unexpected outcome %d",
                                (int)img->outcome);
    }
}

/* A strong entity tag for this version of the picture's bytes: every write
 * of the row counts up its version, so equal tags mean equal bytes. */
static const char *soi_image_etag(apr_pool_t *p, const soi_image *img)
{
    unsigned char digest[APR_MD5_DIGESTSIZE];
    char b64[32];
    const char *key = apr_psprintf(p, "image %d %d", img->blob_id, img->version);
    apr_md5(digest, key, strlen(key));
    apr_base64_encode(b64, (const char *)digest, sizeof(digest));
    for (char *c = b64; *c; c++)
        *c = *c == '+' ? '-' : *c == '/' ? '_' : *c;
    return apr_psprintf(p, "\"%.22s\"", b64);
}

/* The stored MimeType as a Content-Type, when it is one. */
static const char *soi_image_type(apr_pool_t *p, const char *mimetype)
{
    soi_media mt;
    return *mimetype && !soi_media_parse_content_type(p, mimetype, &mt) ? mimetype : "application/octet-stream";
}

int soi_image_get(soi_req *q)
{
    request_rec *r = q->r;
    soi_image img;
    soi_conditions cond = {NULL, apr_table_get(r->headers_in, "If-None-Match"),
                           apr_table_get(r->headers_in, "If-Modified-Since"), NULL};
    soi_error *err = soi_req_identify(q);

    if (!err)
        err = soi_image_call(q, SOI_IMAGE_GET, NULL, NULL, &img);
    if (!err)
        err = soi_image_outcome(q, SOI_IMAGE_GET, &img);
    if (!err && !img.data)
        err = soi_err(r->pool, SOI_MSG_NO_IMAGE, soi_num(r->pool, q->route.contact_id), NULL);
    if (err)
        return soi_reply_error(q, err);

    const char *etag = soi_image_etag(r->pool, &img);
    soi_reply_validators(q, etag, img.updated);
    switch (soi_precondition(r->pool, &cond, 1, etag, img.updated, &err)) {
    case 0: break;
    case 304: return soi_reply_bytes(q, HTTP_NOT_MODIFIED, NULL, NULL, 0);
    default: return soi_reply_error(q, err);
    }
    /* httpd's byterange filter answers Range (206, several ranges, If-Range);
     * a range set with nothing in the picture gets the error body here, not
     * the filter's page. */
    apr_table_setn(r->headers_out, "Accept-Ranges", "bytes");
    const char *range = apr_table_get(r->headers_in, "Range");
    if (range && !soi_range_satisfiable(range, (apr_off_t)img.len)) {
        apr_table_setn(r->err_headers_out, "Content-Range", apr_psprintf(r->pool, "bytes */%" APR_SIZE_T_FMT, img.len));
        return soi_reply_error(q, soi_err(r->pool, SOI_MSG_RANGE, soi_text_quote(r->pool, range, strlen(range), 60),
                                          soi_num(r->pool, (apr_int64_t)img.len), NULL));
    }
    return soi_reply_bytes(q, HTTP_OK, soi_image_type(r->pool, img.mimetype), img.data, img.len);
}

/* What a form may carry besides the picture within one body: the framing,
 * the parts' headers and other fields. The picture itself is held to
 * SoImageInfoMaxImage by the multipart decoder. */
#define SOI_IMAGE_FORM_ALLOWANCE 65536

/* The picture type of a form's file part: its Content-Type's, or, with
 * none or application/octet-stream, the one its bytes begin with. */
static soi_error *soi_image_part_type(apr_pool_t *p, const char *ctype, const soi_bytes *bytes, soi_media *claimed)
{
    *claimed = SOI_MT_NONE;
    if (bytes->len == 0)
        return soi_err(p, SOI_MSG_MULTIPART_EMPTY, NULL);
    if (*ctype
        && (soi_media_parse_content_type(p, ctype, claimed)
            || !(*claimed == SOI_MT_OCTET || soi_media_uses(*claimed) & SOI_MEDIA_IMAGE)))
        return soi_err(p, SOI_MSG_MULTIPART_PART_TYPE, soi_text_quote(p, ctype, strlen(ctype), 80),
                       soi_media_list(p, SOI_MEDIA_IMAGE), NULL);
    if ((!*ctype || *claimed == SOI_MT_OCTET) && !(*claimed = soi_media_sniff(bytes->data, bytes->len)))
        return soi_err(p, SOI_MSG_IMAGE_UNKNOWN, soi_media_list(p, SOI_MEDIA_IMAGE), NULL);
    return NULL;
}

int soi_image_write(soi_req *q)
{
    request_rec *r = q->r;
    const char *ctype = apr_table_get(r->headers_in, "Content-Type");
    const char *boundary = NULL, *part_type = NULL;
    soi_media claimed = SOI_MT_NONE;
    apr_off_t max = soi_config_max_image(q->dconf);
    soi_bytes bytes;
    soi_image img;
    int xsrf_done = 0;
    soi_error *err = soi_req_identify(q);

    /* Everything that can be refused is refused before the body is read. */
    if (!err && !(q->who.rights & (SOI_RIGHT_UPDATE | SOI_RIGHT_INSERT)) && !(err = soi_req_refresh(q))
        && !(q->who.rights & (SOI_RIGHT_UPDATE | SOI_RIGHT_INSERT)))
        err = soi_err(r->pool, SOI_MSG_NEEDS_WRITE, soi_table_right_mask(q->who.rights), NULL);
    if (!err && ctype)
        err = soi_media_parse_content_type(r->pool, ctype, &claimed);
    if (!err && !(soi_media_uses(claimed) & q->body_media)) {
        const char *accepted = soi_media_list(r->pool, q->body_media);
        err = ctype ? soi_err(r->pool, SOI_MSG_CONTENT_TYPE, soi_text_quote(r->pool, ctype, strlen(ctype), 80),
                              r->method, accepted, NULL)
                    : soi_err(r->pool, SOI_MSG_NO_CONTENT_TYPE, r->method, accepted, NULL);
    }
    if (!err && claimed == SOI_MT_MULTIPART)
        err = soi_multipart_boundary(r->pool, ctype, &boundary);
    if (!err)
        err = soi_req_xsrf(q, 0, NULL, &xsrf_done);
    if (!err) {
        /* With Content-Length the bytes are copied into one buffer as they
         * come (for a form, one as long as the whole body); without,
         * httpd's buckets are kept and joined once. */
        apr_off_t limit = boundary ? max + SOI_IMAGE_FORM_ALLOWANCE : max;
        const char *cl = apr_table_get(r->headers_in, "Content-Length");
        apr_off_t announced = 0;
        if (cl && (apr_strtoff(&announced, cl, NULL, 10) != APR_SUCCESS || announced < 0 || announced > limit))
            announced = 0; /* the body reader answers it */
        soi_sink sink = soi_bytes_sink(r->pool, (apr_size_t)announced, &bytes);
        if (boundary)
            sink = soi_multipart_decoder(r->pool, boundary, max, sink, &part_type);
        err = soi_body_read(q, limit, &sink, SOI_MSG_IMAGE_EMPTY);
    }
    if (q->answered)
        return OK; /* httpd refused the body, and our reply has gone out */
    if (!err && boundary)
        err = soi_image_part_type(r->pool, part_type, &bytes, &claimed);
    /* The bytes must be what the type claims. */
    if (!err && soi_media_sniff(bytes.data, bytes.len) != claimed) {
        soi_media found = soi_media_sniff(bytes.data, bytes.len);
        soi_error *what = found ? soi_err(r->pool, SOI_PH_BYTES_ARE, soi_media_name(found), NULL)
                                : soi_err(r->pool, SOI_PH_BYTES_NO_PICTURE, NULL);
        err = soi_err_wrap(r->pool, SOI_MSG_IMAGE_MAGIC, what, soi_media_name(claimed), NULL);
    }
    if (!err)
        err = soi_image_call(q, SOI_IMAGE_PUT, soi_media_name(claimed), &bytes, &img);
    if (!err)
        err = soi_image_outcome(q, SOI_IMAGE_PUT, &img);
    if (err)
        return soi_reply_error(q, err);
    return soi_reply_json_int(q, img.blob_id);
}

int soi_image_delete(soi_req *q)
{
    soi_image img;
    int xsrf_done = 0;
    soi_error *err = soi_req_identify(q);

    if (!err)
        err = soi_req_xsrf(q, 0, NULL, &xsrf_done);
    if (!err)
        err = soi_image_call(q, SOI_IMAGE_DELETE, NULL, NULL, &img);
    if (!err)
        err = soi_image_outcome(q, SOI_IMAGE_DELETE, &img);
    if (err)
        return soi_reply_error(q, err);
    return soi_reply_bytes(q, HTTP_NO_CONTENT, NULL, NULL, 0);
}
