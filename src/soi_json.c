#include "soi_json.h"

#include <apr_strings.h>
#include <apr_tables.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "soi_text.h"
#include "soi_time.h"

/* yajl turns an unpaired \uD800-\uDBFF escape into "?" and pairs a high
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

typedef struct {
    apr_pool_t *pool;
    yajl_handle yajl;
    soi_entity *ent;
    soi_escape_guard guard;
    apr_int64_t strings_seen; /* strings delivered by yajl so far */
    int bad_next;             /* index into guard.bad of the next bad ordinal */
    int depth;                /* 1 inside the root object */
    const soi_field *field;   /* field of the value that follows at depth 1 */
    apr_off_t consumed;       /* bytes yajl has accepted, for messages */
    soi_error *err;
} soi_json_dec;

static void guard_mark_bad(soi_escape_guard *g)
{
    apr_int64_t *slot;
    if (g->bad->nelts > 0 && ((apr_int64_t *)g->bad->elts)[g->bad->nelts - 1] == g->strings)
        return;
    slot = apr_array_push(g->bad);
    *slot = g->strings;
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

/* Called for every string yajl delivers: was it one with a bad escape? */
static int next_string_is_bad(soi_json_dec *d)
{
    apr_int64_t ordinal = ++d->strings_seen;
    apr_array_header_t *bad = d->guard.bad;
    if (d->bad_next < bad->nelts && ((apr_int64_t *)bad->elts)[d->bad_next] == ordinal) {
        d->bad_next++;
        return 1;
    }
    return 0;
}

static int fail(soi_json_dec *d, soi_error *err)
{
    d->err = err;
    return 0; /* stops yajl: yajl_status_client_canceled */
}

static int not_an_object(soi_json_dec *d)
{
    return fail(d, soi_error_make(d->pool, 400,
                                  "The body must be a JSON object holding BlobEntity properties such as "
                                  "{\"Description\": \"...\"}."));
}

/* A scalar (or the start of a nested value) at the current position. */
static int on_value(soi_json_dec *d, soi_input_kind kind, const char *text, apr_size_t len)
{
    if (d->depth == 0)
        return not_an_object(d);
    if (d->depth > 1 || !d->field)
        return 1; /* inside an ignored value, or an unknown property */
    soi_error *err = soi_entity_assign(d->ent, d->field, kind, text, len, d->pool);
    d->field = NULL;
    return err ? fail(d, err) : 1;
}

static int cb_null(void *ctx)
{
    return on_value(ctx, SOI_IN_NULL, "null", 4);
}

static int cb_boolean(void *ctx, int b)
{
    return on_value(ctx, SOI_IN_BOOL, b ? "true" : "false", b ? 4 : 5);
}

static int cb_number(void *ctx, const char *s, size_t len)
{
    return on_value(ctx, SOI_IN_NUMBER, s, len);
}

static int cb_string(void *ctx, const unsigned char *s, size_t len)
{
    soi_json_dec *d = ctx;
    if (next_string_is_bad(d) && d->depth == 1 && d->field && d->field->type == SOI_T_STRING)
        return fail(d, soi_error_make(d->pool, 400,
                                      "%s is not valid UTF-8: it holds an unpaired surrogate escape (\\uD800 to "
                                      "\\uDFFF).",
                                      d->field->name));
    return on_value(d, SOI_IN_STRING, (const char *)s, len);
}

static int open_nested(soi_json_dec *d, soi_input_kind kind)
{
    if (d->depth >= SOI_MAX_DEPTH)
        return fail(
            d, soi_error_make(d->pool, 400, "The body nests objects and arrays deeper than %d levels.", SOI_MAX_DEPTH));
    if (d->depth == 0 && kind == SOI_IN_ARRAY)
        return not_an_object(d);
    if (d->depth >= 1 && !on_value(d, kind, "", 0))
        return 0;
    d->depth++;
    return 1;
}

static int cb_start_map(void *ctx)
{
    return open_nested(ctx, SOI_IN_OBJECT);
}

static int cb_start_array(void *ctx)
{
    return open_nested(ctx, SOI_IN_ARRAY);
}

static int cb_end(void *ctx)
{
    soi_json_dec *d = ctx;
    d->depth--;
    return 1;
}

static int cb_map_key(void *ctx, const unsigned char *key, size_t len)
{
    soi_json_dec *d = ctx;
    (void)next_string_is_bad(d); /* a bad key matches no property: ignored */
    if (d->depth == 1)
        d->field = soi_field_find((const char *)key, len);
    return 1;
}

static const yajl_callbacks soi_json_callbacks = {
    cb_null, cb_boolean, NULL, NULL, cb_number, cb_string, cb_start_map, cb_map_key, cb_end, cb_start_array, cb_end,
};

static soi_error *soi_json_syntax(soi_json_dec *d)
{
    unsigned char *msg = yajl_get_error(d->yajl, 0, NULL, 0);
    /* yajl says "parse error: <what>\n"; the what is enough. */
    const char *what = strstr((const char *)msg, ": ");
    what = what ? what + 2 : (const char *)msg;
    apr_size_t n = strlen(what);
    while (n > 0 && (what[n - 1] == '\n' || what[n - 1] == ' ' || what[n - 1] == '.'))
        n--;
    soi_error *err = soi_error_make(d->pool, 400, "The body is not valid JSON: %s near byte %" APR_OFF_T_FMT ".",
                                    apr_pstrmemdup(d->pool, what, n), d->consumed);
    yajl_free_error(d->yajl, msg);
    return err;
}

static soi_error *soi_json_feed(void *ctx, const char *data, apr_size_t len)
{
    soi_json_dec *d = ctx;
    guard_feed(&d->guard, (const unsigned char *)data, len);
    yajl_status st = yajl_parse(d->yajl, (const unsigned char *)data, len);
    d->consumed += (apr_off_t)yajl_get_bytes_consumed(d->yajl);
    if (st == yajl_status_ok)
        return NULL;
    return d->err ? d->err : soi_json_syntax(d);
}

static soi_error *soi_json_finish(void *ctx)
{
    soi_json_dec *d = ctx;
    yajl_status st = yajl_complete_parse(d->yajl);
    if (st != yajl_status_ok)
        return d->err ? d->err : soi_json_syntax(d);
    return NULL;
}

static apr_status_t soi_json_free(void *handle)
{
    yajl_free(handle);
    return APR_SUCCESS;
}

soi_decoder soi_json_entity_decoder(apr_pool_t *pool, soi_entity *into)
{
    soi_json_dec *d = apr_pcalloc(pool, sizeof(*d));
    soi_decoder dec = {d, soi_json_feed, soi_json_finish};

    d->pool = pool;
    d->ent = into;
    d->guard.bad = apr_array_make(pool, 1, sizeof(apr_int64_t));
    d->yajl = yajl_alloc(&soi_json_callbacks, NULL, d);
    apr_pool_cleanup_register(pool, d->yajl, soi_json_free, apr_pool_cleanup_null);
    return dec;
}

/* ---- encoder ---------------------------------------------------------- */

static void write_key(soi_buf *b, const char *name)
{
    soi_buf_addc(b, '"');
    soi_buf_adds(b, name);
    soi_buf_add(b, "\":", 2);
}

static void write_str(soi_buf *b, const char *s)
{
    s = s ? s : "";
    soi_buf_json_string(b, s, strlen(s));
}

static void write_associate(soi_buf *b, const soi_associate *a)
{
    if (!a) {
        soi_buf_add(b, "null", 4);
        return;
    }
    soi_buf_addc(b, '{');
    for (int i = 0; i < SOI_ASSOC_FIELDS; i++) {
        const soi_assoc_field *f = &soi_assoc_fields[i];
        const void *m = (const char *)a + f->offset;
        if (i)
            soi_buf_addc(b, ',');
        write_key(b, f->name);
        switch (f->kind) {
        case SOI_A_INT: soi_buf_addint(b, *(const apr_int32_t *)m); break;
        case SOI_A_STRING: write_str(b, *(const char *const *)m); break;
        case SOI_A_BOOL: soi_buf_adds(b, *(const int *)m ? "true" : "false"); break;
        case SOI_A_TYPE: write_str(b, soi_associate_type_name(*(const apr_int32_t *)m)); break;
        }
    }
    soi_buf_addc(b, '}');
}

static void write_right(soi_buf *b, const char *mask)
{
    soi_buf_add(b, "{\"Mask\":\"", 9);
    soi_buf_adds(b, mask);
    soi_buf_adds(b, "\",\"Reason\":\"\"}");
}

void soi_json_write_entity(soi_buf *b, const soi_entity *e, int rights)
{
    soi_buf_addc(b, '{');
    for (int i = 0; i < SOI_F_COUNT; i++) {
        const soi_field *f = &soi_fields[i];
        const soi_value *v = &e->v[i];
        if (i)
            soi_buf_addc(b, ',');
        write_key(b, f->name);
        switch (f->type) {
        case SOI_T_ID:
        case SOI_T_SIZE: soi_buf_addint(b, v->num); break;
        case SOI_T_STRING: soi_buf_json_string(b, v->str ? v->str : "", v->str ? v->len : 0); break;
        case SOI_T_BOOL: soi_buf_adds(b, v->num ? "true" : "false"); break;
        case SOI_T_DATE: {
            char when[SOI_TIME_LEN + 1];
            soi_time_format(when, v->num);
            soi_buf_addc(b, '"');
            soi_buf_add(b, when, SOI_TIME_LEN);
            soi_buf_addc(b, '"');
            break;
        }
        case SOI_T_ASSOCIATE: write_associate(b, v->assoc); break;
        case SOI_T_TABLERIGHT: write_right(b, soi_table_right_mask(rights)); break;
        case SOI_T_FIELDPROPS: {
            int first = 1;
            soi_buf_addc(b, '{');
            for (int k = 0; k < SOI_F_COUNT; k++) {
                const soi_field *p = &soi_fields[k];
                if (!p->clr_type)
                    continue;
                if (!first)
                    soi_buf_addc(b, ',');
                first = 0;
                write_key(b, p->name);
                soi_buf_adds(b, "{\"FieldRight\":");
                write_right(b, soi_field_right_mask(p, rights));
                soi_buf_adds(b, ",\"FieldType\":\"");
                soi_buf_adds(b, p->clr_type);
                soi_buf_adds(b, "\",\"FieldLength\":");
                soi_buf_addint(b, p->length);
                soi_buf_addc(b, '}');
            }
            soi_buf_addc(b, '}');
            break;
        }
        }
    }
    soi_buf_addc(b, '}');
}
