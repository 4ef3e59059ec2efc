#include "codec/soi_json.h"

#include <apr_strings.h>
#include <apr_tables.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "core/soi_text.h"

/* ---- the escape guard ------------------------------------------------------
 * yajl turns an unpaired \uD800-\uDBFF escape into "?" and pairs a high
 * surrogate with whatever \u escape follows it, so escapes are checked on the
 * raw bytes. The guard numbers every string (keys too) in document order, as
 * yajl's callbacks will meet them, and records those with a bad escape. */
typedef struct {
    enum { G_OUT, G_IN, G_ESC, G_HEX } state;
    int hex_digits;
    unsigned code;
    int pending_high; /* a high surrogate escape awaits its low half */
    apr_int64_t strings;
    apr_array_header_t *bad; /* ordinals (apr_int64_t) of strings with a bad escape */
} soi_escape_guard;

static void guard_mark_bad(soi_escape_guard *g)
{
    if (g->bad->nelts > 0 && APR_ARRAY_IDX(g->bad, g->bad->nelts - 1, apr_int64_t) == g->strings)
        return;
    APR_ARRAY_PUSH(g->bad, apr_int64_t) = g->strings;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static void guard_feed(soi_escape_guard *g, const unsigned char *p, apr_size_t n)
{
    for (apr_size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        switch (g->state) {
        case G_OUT:
            if (c == '"') {
                g->state = G_IN;
                g->strings++;
                g->pending_high = 0;
            }
            break;
        case G_IN:
            if (c == '\\') {
                g->state = G_ESC;
                break;
            }
            if (g->pending_high) {
                guard_mark_bad(g);
                g->pending_high = 0;
            }
            if (c == '"')
                g->state = G_OUT;
            break;
        case G_ESC:
            if (c == 'u') {
                g->state = G_HEX;
                g->hex_digits = 0;
                g->code = 0;
                break;
            }
            if (g->pending_high) {
                guard_mark_bad(g);
                g->pending_high = 0;
            }
            g->state = G_IN;
            break;
        case G_HEX: {
            int h = hexval(c);
            if (h < 0) { /* yajl reports the syntax error */
                g->state = G_IN;
                break;
            }
            g->code = (g->code << 4) | (unsigned)h;
            if (++g->hex_digits < 4)
                break;
            g->state = G_IN;
            int high = g->code >= 0xD800 && g->code <= 0xDBFF;
            int low = g->code >= 0xDC00 && g->code <= 0xDFFF;
            if (g->pending_high) {
                if (!low)
                    guard_mark_bad(g);
                g->pending_high = 0;
            } else if (high) {
                g->pending_high = 1;
            } else if (low) {
                guard_mark_bad(g);
            }
            break;
        }
        }
    }
}

/* ---- the stream layer ------------------------------------------------------ */

typedef struct {
    apr_pool_t *pool;
    yajl_handle yajl;
    const soi_json_events *ev;
    void *ctx;
    soi_escape_guard guard;
    apr_int64_t strings_seen; /* strings delivered by yajl so far */
    int bad_next;             /* index into guard.bad of the next bad ordinal */
    int depth;                /* containers open */
    apr_off_t consumed;       /* bytes yajl has accepted, for messages */
    soi_error *err;
} soi_json_stream_t;

/* Called for every string yajl delivers: what is wrong with it? */
static unsigned string_flags(soi_json_stream_t *s, const unsigned char *text, size_t len)
{
    apr_int64_t ordinal = ++s->strings_seen;
    apr_array_header_t *bad = s->guard.bad;
    apr_uint32_t cp;
    unsigned flags = 0;
    if (s->bad_next < bad->nelts && APR_ARRAY_IDX(bad, s->bad_next, apr_int64_t) == ordinal) {
        s->bad_next++;
        flags |= SOI_JSON_BAD_ESCAPE;
    }
    /* yajl passes strings through unvalidated (yajl_dont_validate_strings);
     * what it decoded from escapes is UTF-8 already, so whatever fails here
     * came raw from the body. */
    if (!soi_utf8_valid((const char *)text, len, &cp))
        flags |= SOI_JSON_BAD_UTF8;
    return flags;
}

/* A consumer that let a string that is not UTF-8 pass is overruled. */
static soi_error *utf8_backstop(soi_json_stream_t *s, soi_error *err, unsigned flags, const char *text, apr_size_t len)
{
    if (err || !(flags & SOI_JSON_BAD_UTF8))
        return err;
    return soi_err(s->pool, SOI_MSG_JSON_UTF8, soi_utf8_bad_hex(s->pool, text, len), NULL);
}

static int verdict(soi_json_stream_t *s, soi_error *err)
{
    s->err = err;
    return err == NULL; /* 0 stops yajl: yajl_status_client_canceled */
}

static int scalar(void *ctx, soi_input_kind kind, const char *text, apr_size_t len, unsigned flags)
{
    soi_json_stream_t *s = ctx;
    return verdict(s, utf8_backstop(s, s->ev->value(s->ctx, s->depth, kind, text, len, flags), flags, text, len));
}

static int cb_null(void *ctx)
{
    return scalar(ctx, SOI_IN_NULL, "null", 4, 0);
}

static int cb_boolean(void *ctx, int b)
{
    return scalar(ctx, SOI_IN_BOOL, b ? "true" : "false", b ? 4 : 5, 0);
}

static int cb_number(void *ctx, const char *text, size_t len)
{
    return scalar(ctx, SOI_IN_NUMBER, text, len, 0);
}

static int cb_string(void *ctx, const unsigned char *text, size_t len)
{
    return scalar(ctx, SOI_IN_STRING, (const char *)text, len, string_flags(ctx, text, len));
}

static int open_container(soi_json_stream_t *s, soi_input_kind kind)
{
    if (s->depth >= SOI_MAX_DEPTH)
        return verdict(s, soi_err(s->pool, SOI_MSG_JSON_DEPTH, soi_num(s->pool, SOI_MAX_DEPTH), NULL));
    if (!scalar(s, kind, "", 0, 0))
        return 0;
    s->depth++;
    return 1;
}

static int cb_start_map(void *ctx)
{
    return open_container(ctx, SOI_IN_OBJECT);
}

static int cb_start_array(void *ctx)
{
    return open_container(ctx, SOI_IN_ARRAY);
}

static int cb_end(void *ctx)
{
    soi_json_stream_t *s = ctx;
    return verdict(s, s->ev->end(s->ctx, s->depth--));
}

static int cb_map_key(void *ctx, const unsigned char *key, size_t len)
{
    soi_json_stream_t *s = ctx;
    unsigned flags = string_flags(s, key, len);
    return verdict(s, utf8_backstop(s, s->ev->key(s->ctx, s->depth, (const char *)key, len, flags), flags,
                                    (const char *)key, len));
}

static const yajl_callbacks soi_json_callbacks = {
    cb_null, cb_boolean, NULL, NULL, cb_number, cb_string, cb_start_map, cb_map_key, cb_end, cb_start_array, cb_end,
};

static soi_error *soi_json_syntax(soi_json_stream_t *s)
{
    unsigned char *msg = yajl_get_error(s->yajl, 0, NULL, 0);
    /* yajl says "parse error: <what>\n"; the what is enough. */
    const char *what = strstr((const char *)msg, ": ");
    what = what ? what + 2 : (const char *)msg;
    apr_size_t n = strlen(what);
    while (n > 0 && (what[n - 1] == '\n' || what[n - 1] == ' ' || what[n - 1] == '.'))
        n--;
    soi_error *err =
        soi_err(s->pool, SOI_MSG_JSON_SYNTAX, apr_pstrmemdup(s->pool, what, n), soi_num(s->pool, s->consumed), NULL);
    yajl_free_error(s->yajl, msg);
    return err;
}

static soi_error *soi_json_feed(void *ctx, const char *data, apr_size_t len)
{
    soi_json_stream_t *s = ctx;
    guard_feed(&s->guard, (const unsigned char *)data, len);
    yajl_status st = yajl_parse(s->yajl, (const unsigned char *)data, len);
    s->consumed += (apr_off_t)yajl_get_bytes_consumed(s->yajl);
    if (st == yajl_status_ok)
        return NULL;
    return s->err ? s->err : soi_json_syntax(s);
}

static soi_error *soi_json_finish(void *ctx)
{
    soi_json_stream_t *s = ctx;
    yajl_status st = yajl_complete_parse(s->yajl);
    if (st != yajl_status_ok)
        return s->err ? s->err : soi_json_syntax(s);
    return NULL;
}

static apr_status_t soi_json_free(void *handle)
{
    yajl_free(handle);
    return APR_SUCCESS;
}

soi_sink soi_json_stream(apr_pool_t *pool, const soi_json_events *events, void *ctx)
{
    soi_json_stream_t *s = apr_pcalloc(pool, sizeof(*s));
    soi_sink dec = {s, soi_json_feed, soi_json_finish};

    s->pool = pool;
    s->ev = events;
    s->ctx = ctx;
    s->guard.bad = apr_array_make(pool, 1, sizeof(apr_int64_t));
    s->yajl = yajl_alloc(&soi_json_callbacks, NULL, s);
    /* Strings are checked in string_flags, strictly and with a name. */
    yajl_config(s->yajl, yajl_dont_validate_strings, 1);
    apr_pool_cleanup_register(pool, s->yajl, soi_json_free, apr_pool_cleanup_null);
    return dec;
}

/* ---- the BlobEntity and the merge patch ------------------------------------ */

/* The top-level member being read, for messages about what it holds: its
 * key as the body spells it (enough of it to quote), and its field. */
#define SOI_LABEL_KEEP 61

typedef struct {
    char key[SOI_LABEL_KEEP];
    apr_size_t len;
    const soi_field *field; /* NULL: not a property */
} soi_json_member;

static void member_set(soi_json_member *m, const char *key, apr_size_t len, const soi_field *f)
{
    m->len = len < SOI_LABEL_KEEP ? len : SOI_LABEL_KEEP;
    memcpy(m->key, key, m->len);
    m->field = f;
}

/* The member as a message names it: BlobEntity's spelling of a property,
 * else the body's, quoted. */
static const char *member_label(apr_pool_t *pool, const soi_json_member *m)
{
    if (m->field)
        return m->field->name;
    return apr_pstrcat(pool, "\"", soi_text_quote(pool, m->key, m->len, SOI_LABEL_KEEP - 1), "\"", NULL);
}

typedef struct {
    apr_pool_t *pool;
    soi_entity *ent;
    int merge;              /* a merge patch rather than an entity */
    const soi_field *field; /* field of the value that follows at depth 1 */
    soi_json_member member; /* the top-level member whose value is being read */
} soi_entity_reader;

static soi_error *not_an_object(apr_pool_t *pool)
{
    return soi_err(pool, SOI_MSG_JSON_NOT_OBJECT, NULL);
}

/* Text that is not UTF-8 somewhere inside the current member's value. */
static soi_error *inside_not_utf8(soi_entity_reader *rd, const char *text, apr_size_t len)
{
    return soi_err(rd->pool, SOI_MSG_INSIDE_UTF8, member_label(rd->pool, &rd->member),
                   soi_utf8_bad_hex(rd->pool, text, len), NULL);
}

static soi_error *entity_value(void *ctx, int depth, soi_input_kind kind, const char *text, apr_size_t len,
                               unsigned flags)
{
    soi_entity_reader *rd = ctx;
    const soi_field *f = rd->field;

    if (depth == 0)
        return kind == SOI_IN_OBJECT ? NULL : not_an_object(rd->pool);
    if (depth > 1 || !f) {
        /* Inside an ignored value, or an unknown property: ignored, but
         * only if it is text at all. */
        return (flags & SOI_JSON_BAD_UTF8) ? inside_not_utf8(rd, text, len) : NULL;
    }
    rd->field = NULL;
    if ((flags & SOI_JSON_BAD_ESCAPE) && f->type == SOI_T_STRING)
        return soi_err(rd->pool, SOI_MSG_STRING_SURROGATE, f->name, NULL);
    if (rd->merge && kind == SOI_IN_NULL) {
        /* null resets whatever the field's type; soi_entity_assign would
         * refuse it for the integers and booleans. */
        if (rd->ent->present & SOI_BIT(f->id))
            return soi_err(rd->pool, SOI_MSG_DUPLICATE, f->name, NULL);
        rd->ent->present |= SOI_BIT(f->id);
        rd->ent->null |= SOI_BIT(f->id);
        return NULL;
    }
    /* A string property's value that is not UTF-8 is refused by
     * soi_check_text, naming it; a string for another type by its type. */
    soi_error *err = soi_entity_assign(rd->ent, f, kind, text, len, rd->pool);
    if (!err && (flags & SOI_JSON_BAD_UTF8))
        err = soi_err(rd->pool, SOI_MSG_STRING_UTF8, f->name, soi_utf8_bad_hex(rd->pool, text, len), NULL);
    return err;
}

static soi_error *entity_key(void *ctx, int depth, const char *key, apr_size_t len, unsigned flags)
{
    soi_entity_reader *rd = ctx;

    if (depth != 1)
        return (flags & SOI_JSON_BAD_UTF8) ? inside_not_utf8(rd, key, len) : NULL;
    if (flags & SOI_JSON_BAD_UTF8)
        return soi_err(rd->pool, SOI_MSG_NAME_UTF8, soi_utf8_bad_hex(rd->pool, key, len), NULL);
    /* A key with a bad escape matches no property. */
    rd->field = (flags & SOI_JSON_BAD_ESCAPE) ? NULL : soi_field_find(key, len);
    member_set(&rd->member, key, len, rd->field);
    if (!rd->merge)
        return NULL;
    if (!rd->field)
        return soi_err(rd->pool, SOI_MSG_MERGE_UNKNOWN, soi_text_quote(rd->pool, key, len, 60), NULL);
    if (!(rd->field->flags & SOI_WRITABLE))
        return soi_err(rd->pool, SOI_MSG_MERGE_READONLY, rd->field->name, soi_field_writable_names(), NULL);
    return NULL;
}

static soi_error *entity_end(void *ctx, int depth)
{
    return NULL;
}

static const soi_json_events soi_entity_events = {entity_value, entity_key, entity_end};

static soi_sink soi_entity_decoder(apr_pool_t *pool, soi_entity *into, int merge)
{
    soi_entity_reader *rd = apr_pcalloc(pool, sizeof(*rd));
    rd->pool = pool;
    rd->ent = into;
    rd->merge = merge;
    return soi_json_stream(pool, &soi_entity_events, rd);
}

soi_sink soi_json_entity_decoder(apr_pool_t *pool, soi_entity *into)
{
    return soi_entity_decoder(pool, into, 0);
}

soi_sink soi_json_merge_decoder(apr_pool_t *pool, soi_entity *into)
{
    return soi_entity_decoder(pool, into, 1);
}
