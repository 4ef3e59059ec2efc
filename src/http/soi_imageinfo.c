#include "http/soi_imageinfo.h"

#include <apr_strings.h>
#include <string.h>

#include "codec/soi_form.h"
#include "codec/soi_json.h"
#include "codec/soi_jsonpatch.h"
#include "codec/soi_xml.h"
#include "core/soi_change.h"
#include "core/soi_precondition.h"
#include "core/soi_text.h"
#include "http/soi_body.h"
#include "http/soi_reply.h"

typedef enum { SOI_CALL_GET, SOI_CALL_PUT } soi_call_kind;

/* Runs a one-statement call, once more after a refresh when the database
 * found the principal stale. */
static soi_error *soi_imageinfo_call(soi_req *q, soi_call_kind kind, const soi_entity *put, soi_stored *st)
{
    soi_store *store = q->backend->store;
    for (int pass = 0;; pass++) {
        soi_call c = soi_req_call(q);
        soi_error *err = kind == SOI_CALL_GET ? soi_store_get(store, &c, st) : soi_store_put(store, &c, put, st);
        if (err || st->outcome != SOI_OUT_STALE)
            return err;
        if (pass > 0)
            return soi_err(q->r->pool, SOI_MSG_AUTH_REFUSED, NULL);
        if ((err = soi_req_refresh(q)))
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
    apr_int64_t stored = st->entity.v[SOI_F_BLOBID].num;

    switch (st->outcome) {
    case SOI_OUT_DONE:
    case SOI_OUT_CREATED: return NULL;
    case SOI_OUT_STALE: return soi_err(p, SOI_MSG_AUTH_REFUSED, NULL);
    case SOI_OUT_FORBIDDEN:
        if (!put)
            return soi_lacking(p, SOI_MSG_NEEDS_SELECT, st->rights);
        return soi_lacking(p, stored ? SOI_MSG_NEEDS_UPDATE : SOI_MSG_NEEDS_INSERT, st->rights);
    case SOI_OUT_MISSING: return soi_err(p, SOI_MSG_NO_CONTACT, soi_num(p, contact), NULL);
    case SOI_OUT_MISMATCH:
        return soi_err(p, SOI_MSG_BLOBSIZE_MISMATCH, soi_num(p, put->v[SOI_F_BLOBSIZE].num),
                       soi_num(p, st->data_length), soi_num(p, contact), NULL);
    case SOI_OUT_CONFLICT:
        if (stored)
            return soi_err(p, SOI_MSG_BLOB_CONFLICT, soi_num(p, put->v[SOI_F_BLOBID].num), soi_num(p, contact),
                           soi_num(p, stored), NULL);
        return soi_err(p, SOI_MSG_BLOB_CONFLICT_NONE, soi_num(p, put->v[SOI_F_BLOBID].num), soi_num(p, contact), NULL);
    }
    return soi_error_server(p, SOI_MSG_SERVER, "the database answered with the unknown outcome %d", (int)st->outcome);
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
    soi_error *err = soi_req_identify(q);

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

/* The decoder for the body's Content-Type, among those `uses` allows
 * (SOI_MEDIA_ENTITY, SOI_MEDIA_PATCH), filling *change; *type says which. */
static soi_error *soi_body_decoder(soi_req *q, unsigned uses, soi_change *change, soi_sink *dec, soi_media *type)
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
    *type = mt;
    change->kind = SOI_CHANGE_REPLACE;
    switch (soi_media_uses(mt) & uses ? mt : SOI_MT_NONE) {
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
    const char *accepted = soi_media_list(p, uses);
    if (!ctype)
        return soi_err(p, SOI_MSG_NO_CONTENT_TYPE, r->method, accepted, NULL);
    return soi_err(p, SOI_MSG_CONTENT_TYPE, soi_text_quote(p, ctype, strlen(ctype), 80), r->method, accepted, NULL);
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
    soi_tx *tx = NULL;
    soi_error *err;

    for (int pass = 0;; pass++) {
        soi_call c = soi_req_call(q);
        if ((err = soi_store_lock(q->backend->store, &c, &tx, &cur)))
            return err;
        if (cur.outcome != SOI_OUT_STALE || pass > 0)
            break;
        if ((err = soi_req_refresh(q)))
            return err;
    }
    if ((err = soi_imageinfo_outcome(q, &cur, NULL)))
        return err;
    int exists = cur.entity.v[SOI_F_BLOBID].num != 0;
    if (!(cur.rights & (exists ? SOI_RIGHT_UPDATE : SOI_RIGHT_INSERT)))
        err = soi_lacking(p, exists ? SOI_MSG_NEEDS_UPDATE : SOI_MSG_NEEDS_INSERT, cur.rights);
    if (!err) {
        /* The preconditions concern the representation this request would get. */
        soi_reply_render(q, &cur.entity, cur.rights, &view);
        if (soi_precondition(p, cond, 0, view.etag, view.last_modified, &err) == 0) {
            work = cur.entity;
            err = soi_change_apply(p, change, &work);
        }
    }
    if (err) {
        soi_store_abandon(tx);
        return err;
    }
    if ((err = soi_store_commit(tx, &work, st)))
        return err;
    return soi_imageinfo_outcome(q, st, &work);
}

int soi_imageinfo_write(soi_req *q)
{
    request_rec *r = q->r;
    soi_change change;
    soi_sink dec;
    soi_media type = SOI_MT_NONE;
    soi_stored st;
    soi_conditions cond;
    soi_view view;
    int xsrf_done = 0;
    soi_error *err = soi_req_identify(q);

    memset(&change, 0, sizeof(change));
    /* Everything that can be refused is refused before the body is read, so
     * that a client waiting on 100-continue never uploads in vain. Rights
     * remembered with a cached login may be out of date: a refusal is made
     * on the current ones. */
    if (!err && !(q->who.rights & (SOI_RIGHT_UPDATE | SOI_RIGHT_INSERT)) && !(err = soi_req_refresh(q))
        && !(q->who.rights & (SOI_RIGHT_UPDATE | SOI_RIGHT_INSERT)))
        err = soi_err(r->pool, SOI_MSG_NEEDS_WRITE, soi_table_right_mask(q->who.rights), NULL);
    if (!err)
        err = soi_body_decoder(q, q->body_media, &change, &dec, &type);
    if (!err)
        err = soi_req_xsrf(q, type == SOI_MT_FORM, NULL, &xsrf_done);
    if (!err)
        err = soi_body_read(q, soi_config_max_body(q->dconf), &dec, SOI_MSG_BODY_EMPTY);
    if (q->answered)
        return OK; /* httpd refused the body, and our reply has gone out */
    if (!err)
        err = soi_req_xsrf(q, 1, change.xsrf_token ? change.xsrf_token : "", &xsrf_done);
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
