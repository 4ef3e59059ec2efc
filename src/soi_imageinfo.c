#include "soi_imageinfo.h"

#include <apr_strings.h>
#include <string.h>

#include "soi_auth.h"
#include "soi_body.h"
#include "soi_json.h"
#include "soi_media.h"
#include "soi_reply.h"
#include "soi_store.h"
#include "soi_text.h"

/* Runs the GET or PUT call. If the database finds the login changed since
 * the cache vouched for it, the credentials are verified afresh and the call
 * made once more. */
static soi_error *soi_imageinfo_call(soi_req *q, const soi_entity *put, soi_stored *st)
{
    for (int pass = 0;; pass++) {
        soi_error *err = put ? soi_store_put(q, put, st) : soi_store_get(q, st);
        if (err || st->outcome != 401)
            return err;
        if (pass > 0)
            return soi_error_make(q->r->pool, 401,
                                  "The user name or password is wrong, or the associate is not active.");
        if ((err = soi_auth_reverify(q)))
            return err;
    }
}

/* The outcomes that are not success, as errors. */
static soi_error *soi_imageinfo_outcome(soi_req *q, const soi_stored *st, const soi_entity *put)
{
    apr_pool_t *p = q->r->pool;
    apr_int32_t contact = q->route.contact_id;
    const char *mask = soi_table_right_mask(st->rights);

    switch (st->outcome) {
    case 200:
    case 201: return NULL;
    case 403:
        if (!put)
            return soi_error_make(p, 403, "Reading a picture needs the Select right; this associate holds: %s.", mask);
        if (st->entity.v[SOI_F_BLOBID].num)
            return soi_error_make(p, 403, "Changing a picture needs the Update right; this associate holds: %s.", mask);
        return soi_error_make(p, 403, "Creating a picture needs the Insert right; this associate holds: %s.", mask);
    case 404: return soi_error_make(p, 404, "Contact %d does not exist or is deleted.", contact);
    case 409:
        if (st->entity.v[SOI_F_BLOBID].num)
            return soi_error_make(p, 409,
                                  "BlobId %" APR_INT64_T_FMT " is not the picture of contact %d, whose picture is "
                                  "BlobId %" APR_INT64_T_FMT "; send that BlobId or 0.",
                                  put->v[SOI_F_BLOBID].num, contact, st->entity.v[SOI_F_BLOBID].num);
        return soi_error_make(p, 409,
                              "BlobId %" APR_INT64_T_FMT " is not the picture of contact %d, which has no picture "
                              "yet; send BlobId 0 to create one.",
                              put->v[SOI_F_BLOBID].num, contact);
    default: return soi_error_server(p, 500, "the database answered with the unknown outcome %d", st->outcome);
    }
}

int soi_imageinfo_get(soi_req *q)
{
    soi_stored st;
    soi_error *err = soi_auth_identify(q);

    if (!err)
        err = soi_imageinfo_call(q, NULL, &st);
    if (!err)
        err = soi_imageinfo_outcome(q, &st, NULL);
    if (err)
        return soi_reply_error(q, err);
    return soi_reply_entity(q, &st.entity, st.rights);
}

/* The body's decoder for its Content-Type; a 415 for what PUT does not take. */
static soi_error *soi_imageinfo_decoder(soi_req *q, soi_entity *into, soi_decoder *dec)
{
    request_rec *r = q->r;
    const char *ctype = apr_table_get(r->headers_in, "Content-Type");
    soi_media mt = SOI_MT_NONE;

    if (ctype) {
        soi_error *err = soi_media_parse_content_type(r->pool, ctype, &mt);
        if (err)
            return err;
    }
    switch (mt) {
    case SOI_MT_JSON:
    case SOI_MT_TEXT_JSON: *dec = soi_json_entity_decoder(r->pool, into); return NULL;
    default:
        if (!ctype)
            return soi_error_make(r->pool, 415,
                                  "The request has no Content-Type; send a BlobEntity as application/json or "
                                  "text/json (charset utf-8).");
        return soi_error_make(r->pool, 415,
                              "Content-Type \"%s\" is not accepted here; send a BlobEntity as application/json or "
                              "text/json (charset utf-8).",
                              soi_text_quote(r->pool, ctype, strlen(ctype), 80));
    }
}

int soi_imageinfo_put(soi_req *q)
{
    request_rec *r = q->r;
    soi_entity e = {0};
    soi_decoder dec;
    soi_stored st;
    soi_error *err = soi_auth_identify(q);

    /* Everything that can be refused is refused before the body is read, so
     * that a client waiting on 100-continue never uploads in vain. */
    if (!err && !(q->who.rights & (SOI_RIGHT_UPDATE | SOI_RIGHT_INSERT)))
        err = soi_error_make(r->pool, 403,
                             "Changing a picture needs the Update right (Insert to create one); this associate "
                             "holds: %s.",
                             soi_table_right_mask(q->who.rights));
    if (!err)
        err = soi_imageinfo_decoder(q, &e, &dec);
    if (!err)
        err = soi_body_read(q, soi_config_max_body(q->dconf), &dec);
    if (!err) {
        soi_entity_fill_for_put(&e);
        err = soi_imageinfo_call(q, &e, &st);
    }
    if (!err)
        err = soi_imageinfo_outcome(q, &st, &e);
    if (err)
        return soi_reply_error(q, err);
    return soi_reply_entity(q, &st.entity, st.rights);
}
