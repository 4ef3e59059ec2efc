#include "http/soi_imageinfo.h"

#include <apr_strings.h>
#include <string.h>

#include "auth/soi_auth.h"
#include "http/soi_body.h"
#include "codec/soi_form.h"
#include "codec/soi_json.h"
#include "codec/soi_jsonpatch.h"
#include "core/soi_change.h"
#include "core/soi_precondition.h"
#include "http/soi_reply.h"
#include "store/soi_store.h"
#include "core/soi_text.h"
#include "codec/soi_xml.h"

typedef enum { SOI_CALL_GET, SOI_CALL_PUT, SOI_CALL_LOCK } soi_call;

/* Runs a database call. If the database finds the login changed since the
 * cache vouched for it, the credentials are verified afresh and the call
 * made once more. */
static soi_error *soi_imageinfo_call(soi_req *q, soi_call call, const soi_entity *put, soi_stored *st)
{
    for (int pass = 0;; pass++) {
        soi_error *err = call == SOI_CALL_GET   ? soi_store_get(q, st)
                         : call == SOI_CALL_PUT ? soi_store_put(q, put, st)
                                                : soi_store_lock(q, st);
        if (err || st->outcome != 401)
            return err;
        if (pass > 0)
            return soi_err(q->r->pool, SOI_MSG_AUTH_REFUSED, NULL);
        if ((err = soi_auth_reverify(q)))
            return err;
    }
}

static soi_error *soi_lacking(apr_pool_t *p, soi_msg what, int rights)
{
    return soi_err(p, what, soi_table_right_mask(rights), NULL);
}

/* The outcomes that are not success, as errors. */
static soi_error *soi_imageinfo_outcome(soi_req *q, const soi_stored *st, const soi_entity *put)
{
    apr_pool_t *p = q->r->pool;
    apr_int32_t contact = q->route.contact_id;

    switch (st->outcome) {
    case 200:
    case 201: return NULL;
    case 403:
        if (!put)
            return soi_lacking(p, SOI_MSG_NEEDS_SELECT, st->rights);
        if (st->entity.v[SOI_F_BLOBID].num)
            return soi_lacking(p, SOI_MSG_NEEDS_UPDATE, st->rights);
        return soi_lacking(p, SOI_MSG_NEEDS_INSERT, st->rights);
    case 404: return soi_err(p, SOI_MSG_NO_CONTACT, soi_num(p, contact), NULL);
    case 409:
        if (st->entity.v[SOI_F_BLOBID].num)
            return soi_err(p, SOI_MSG_BLOB_CONFLICT, soi_num(p, put->v[SOI_F_BLOBID].num), soi_num(p, contact),
                           soi_num(p, st->entity.v[SOI_F_BLOBID].num), NULL);
        return soi_err(p, SOI_MSG_BLOB_CONFLICT_NONE, soi_num(p, put->v[SOI_F_BLOBID].num), soi_num(p, contact), NULL);
    default:
        return soi_error_server(p, SOI_MSG_SERVER, "the database answered with the unknown outcome %d", st->outcome);
    }
}

static void soi_read_conditions(request_rec *r, soi_conditions *c)
{
    c->if_match = apr_table_get(r->headers_in, "If-Match");
    c->if_none_match = apr_table_get(r->headers_in, "If-None-Match");
    c->if_modified_since = apr_table_get(r->headers_in, "If-Modified-Since");
    c->if_unmodified_since = apr_table_get(r->headers_in, "If-Unmodified-Since");
}

int soi_imageinfo_get(soi_req *q)
{
    soi_stored st;
    soi_view view;
    soi_conditions cond;
    soi_error *err = soi_auth_identify(q);

    if (!err)
        err = soi_imageinfo_call(q, SOI_CALL_GET, NULL, &st);
    if (!err)
        err = soi_imageinfo_outcome(q, &st, NULL);
    if (err)
        return soi_reply_error(q, err);
    soi_reply_render(q, &st.entity, st.rights, &view);
    soi_read_conditions(q->r, &cond);
    switch (soi_precondition(q->r->pool, &cond, 1, view.etag, view.last_modified, &err)) {
    case 0: return soi_reply_view(q, &view);
    case 304: return soi_reply_not_modified(q, &view);
    default: return soi_reply_error(q, err);
    }
}

/* The decoder for the body's Content-Type, filling *change. PUT takes every
 * type of SPEC section 3; PATCH only the two patch types. */
static soi_error *soi_body_decoder(soi_req *q, int patch_only, soi_change *change, soi_sink *dec)
{
    request_rec *r = q->r;
    const char *ctype = apr_table_get(r->headers_in, "Content-Type");
    soi_media mt = SOI_MT_NONE;
    apr_pool_t *p = r->pool;

    if (ctype) {
        soi_error *err = soi_media_parse_content_type(p, ctype, &mt);
        if (err)
            return err;
    }
    change->kind = SOI_CHANGE_REPLACE;
    switch (patch_only && mt != SOI_MT_JSON_PATCH && mt != SOI_MT_MERGE_PATCH ? SOI_MT_NONE : mt) {
    case SOI_MT_JSON:
    case SOI_MT_TEXT_JSON: *dec = soi_json_entity_decoder(p, &change->entity); return NULL;
    case SOI_MT_XML:
    case SOI_MT_TEXT_XML: *dec = soi_xml_entity_decoder(p, &change->entity); return NULL;
    case SOI_MT_FORM: *dec = soi_form_decoder(p, change); return NULL;
    case SOI_MT_MERGE_PATCH:
        change->kind = SOI_CHANGE_MERGE;
        *dec = soi_json_merge_decoder(p, &change->entity);
        return NULL;
    case SOI_MT_JSON_PATCH: *dec = soi_json_patch_decoder(p, change); return NULL;
    default: break;
    }
    const char *method = patch_only ? "PATCH" : "PUT";
    const char *accepted = soi_media_list(p, patch_only ? SOI_MEDIA_PATCH : SOI_MEDIA_ENTITY | SOI_MEDIA_PATCH);
    if (!ctype)
        return soi_err(p, SOI_MSG_NO_CONTENT_TYPE, method, accepted, NULL);
    return soi_err(p, SOI_MSG_CONTENT_TYPE, soi_text_quote(p, ctype, strlen(ctype), 80), method, accepted, NULL);
}

/* A read-modify-write: the picture is read with its contact row locked, the
 * preconditions are checked and the change applied against exactly that
 * state, and the result is written and committed; nothing else can write in
 * between. Any refusal rolls back. */
static soi_error *soi_imageinfo_rmw(soi_req *q, const soi_change *change, const soi_conditions *cond, soi_stored *st)
{
    apr_pool_t *p = q->r->pool;
    soi_stored cur;
    soi_view view;
    soi_entity work;
    soi_error *err = soi_imageinfo_call(q, SOI_CALL_LOCK, NULL, &cur);

    if (err || (err = soi_imageinfo_outcome(q, &cur, NULL)))
        return err;
    int exists = cur.entity.v[SOI_F_BLOBID].num != 0;
    if (!(cur.rights & (exists ? SOI_RIGHT_UPDATE : SOI_RIGHT_INSERT)))
        return exists ? soi_lacking(p, SOI_MSG_NEEDS_UPDATE, cur.rights)
                      : soi_lacking(p, SOI_MSG_NEEDS_INSERT, cur.rights);
    /* The preconditions concern the representation this request would get. */
    soi_reply_render(q, &cur.entity, cur.rights, &view);
    if (soi_precondition(p, cond, 0, view.etag, view.last_modified, &err))
        return err;
    work = cur.entity;
    if ((err = soi_change_apply(p, change, &work)))
        return err;
    if ((err = soi_store_put_commit(q, &work, st)))
        return err;
    return soi_imageinfo_outcome(q, st, &work);
}

static int soi_imageinfo_write(soi_req *q, int patch_only)
{
    request_rec *r = q->r;
    soi_change change;
    soi_sink dec;
    soi_stored st;
    soi_conditions cond;
    soi_view view;
    soi_error *err = soi_auth_identify(q);

    memset(&change, 0, sizeof(change));
    /* Everything that can be refused is refused before the body is read, so
     * that a client waiting on 100-continue never uploads in vain. */
    if (!err && !(q->who.rights & (SOI_RIGHT_UPDATE | SOI_RIGHT_INSERT)))
        err = soi_err(r->pool, SOI_MSG_NEEDS_WRITE, soi_table_right_mask(q->who.rights), NULL);
    if (!err)
        err = soi_body_decoder(q, patch_only, &change, &dec);
    if (!err)
        err = soi_body_read(q, soi_config_max_body(q->dconf), &dec);
    if (!err) {
        soi_read_conditions(r, &cond);
        if (change.kind == SOI_CHANGE_REPLACE && !soi_conditions_guard_write(&cond)) {
            /* A whole entity, unconditionally: one statement, one round trip. */
            soi_entity_fill_for_put(&change.entity);
            err = soi_imageinfo_call(q, SOI_CALL_PUT, &change.entity, &st);
            if (!err)
                err = soi_imageinfo_outcome(q, &st, &change.entity);
        } else {
            err = soi_imageinfo_rmw(q, &change, &cond, &st);
        }
    }
    if (err)
        return soi_reply_error(q, err);
    soi_reply_render(q, &st.entity, st.rights, &view);
    return soi_reply_view(q, &view);
}

int soi_imageinfo_put(soi_req *q)
{
    return soi_imageinfo_write(q, 0);
}

int soi_imageinfo_patch(soi_req *q)
{
    return soi_imageinfo_write(q, 1);
}
