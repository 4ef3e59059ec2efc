#include "codec/soi_emit.h"

#include <apr_strings.h>
#include <string.h>

#include "core/soi_time.h"

#define SOI_XSI "http://www.w3.org/2001/XMLSchema-instance"
#define SOI_ERROR_SOURCE "mod_soimageinfo"

/* ---- JSON ---------------------------------------------------------------- */

static void json_key(soi_emitter *e, const char *name)
{
    if (e->depth == 0)
        return; /* the root has no name in JSON */
    if (e->members[e->depth]++)
        soi_buf_addc(e->out, ',');
    soi_buf_addc(e->out, '"');
    soi_buf_adds(e->out, name);
    soi_buf_add(e->out, "\":", 2);
}

static void json_open(soi_emitter *e, const char *name)
{
    json_key(e, name);
    soi_buf_addc(e->out, '{');
    e->members[++e->depth] = 0;
}

static void json_close(soi_emitter *e, const char *name)
{
    e->depth--;
    soi_buf_addc(e->out, '}');
}

static void json_null(soi_emitter *e, const char *name)
{
    json_key(e, name);
    soi_buf_add(e->out, "null", 4);
}

static void json_text(soi_emitter *e, const char *name, const char *s, apr_size_t n)
{
    json_key(e, name);
    soi_buf_json_string(e->out, s, n);
}

static void json_literal(soi_emitter *e, const char *name, const char *s, apr_size_t n)
{
    json_key(e, name);
    soi_buf_add(e->out, s, n);
}

/* ---- XML ----------------------------------------------------------------- */

static void xml_tag(soi_emitter *e, const char *close, const char *name)
{
    soi_buf_adds(e->out, close);
    soi_buf_adds(e->out, name);
    soi_buf_addc(e->out, '>');
}

static void xml_open(soi_emitter *e, const char *name)
{
    if (e->depth++ == 0) {
        /* The root declares the namespace of i:nil for the whole document. */
        soi_buf_adds(e->out, "<?xml version=\"1.0\" encoding=\"utf-8\"?><");
        soi_buf_adds(e->out, name);
        soi_buf_adds(e->out, " xmlns:i=\"" SOI_XSI "\">");
        return;
    }
    xml_tag(e, "<", name);
}

static void xml_close(soi_emitter *e, const char *name)
{
    e->depth--;
    xml_tag(e, "</", name);
}

static void xml_null(soi_emitter *e, const char *name)
{
    soi_buf_addc(e->out, '<');
    soi_buf_adds(e->out, name);
    soi_buf_adds(e->out, " i:nil=\"true\"/>");
}

static void xml_text(soi_emitter *e, const char *name, const char *s, apr_size_t n)
{
    xml_tag(e, "<", name);
    soi_buf_xml_text(e->out, s, n);
    xml_tag(e, "</", name);
}

static void xml_literal(soi_emitter *e, const char *name, const char *s, apr_size_t n)
{
    xml_tag(e, "<", name);
    soi_buf_add(e->out, s, n);
    xml_tag(e, "</", name);
}

void soi_emitter_init(soi_emitter *e, soi_format format, soi_buf *out)
{
    memset(e, 0, sizeof(*e));
    e->out = out;
    if (format == SOI_FORMAT_XML) {
        e->open = xml_open;
        e->close = xml_close;
        e->null = xml_null;
        e->text = xml_text;
        e->literal = xml_literal;
    } else {
        e->open = json_open;
        e->close = json_close;
        e->null = json_null;
        e->text = json_text;
        e->literal = json_literal;
    }
}

/* ---- the walkers ----------------------------------------------------------- */

static void emit_int(soi_emitter *e, const char *name, apr_int64_t v)
{
    char tmp[24];
    int n = apr_snprintf(tmp, sizeof(tmp), "%" APR_INT64_T_FMT, v);
    e->literal(e, name, tmp, (apr_size_t)n);
}

static void emit_bool(soi_emitter *e, const char *name, int v)
{
    e->literal(e, name, v ? "true" : "false", v ? 4 : 5);
}

static void emit_str(soi_emitter *e, const char *name, const char *s)
{
    s = s ? s : "";
    e->text(e, name, s, strlen(s));
}

static void emit_associate(soi_emitter *e, const char *name, const soi_associate *a)
{
    if (!a) {
        e->null(e, name);
        return;
    }
    e->open(e, name);
    for (int i = 0; i < SOI_ASSOC_FIELDS; i++) {
        const soi_assoc_field *f = &soi_assoc_fields[i];
        const void *m = (const char *)a + f->offset;
        switch (f->kind) {
        case SOI_A_INT: emit_int(e, f->name, *(const apr_int32_t *)m); break;
        case SOI_A_STRING: emit_str(e, f->name, *(const char *const *)m); break;
        case SOI_A_BOOL: emit_bool(e, f->name, *(const int *)m); break;
        case SOI_A_TYPE: emit_str(e, f->name, soi_associate_type_name(*(const apr_int32_t *)m)); break;
        }
    }
    e->close(e, name);
}

static void emit_right(soi_emitter *e, const char *name, const char *mask, const char *reason)
{
    e->open(e, name);
    emit_str(e, "Mask", mask);
    emit_str(e, "Reason", reason);
    e->close(e, name);
}

void soi_emit_entity(soi_emitter *e, const soi_entity *ent, int rights, const soi_reasons *why)
{
    static const soi_reasons none = {NULL, NULL};
    why = why ? why : &none;
    e->open(e, "BlobEntity");
    for (int i = 0; i < SOI_F_COUNT; i++) {
        const soi_field *f = &soi_fields[i];
        const soi_value *v = &ent->v[i];
        switch (f->type) {
        case SOI_T_ID:
        case SOI_T_SIZE: emit_int(e, f->name, v->num); break;
        case SOI_T_STRING: e->text(e, f->name, v->str ? v->str : "", v->str ? v->len : 0); break;
        case SOI_T_BOOL: emit_bool(e, f->name, (int)v->num); break;
        case SOI_T_DATE: {
            char when[SOI_TIME_LEN + 1];
            soi_time_format(when, v->num);
            e->text(e, f->name, when, SOI_TIME_LEN);
            break;
        }
        case SOI_T_ASSOCIATE: emit_associate(e, f->name, v->assoc); break;
        case SOI_T_TABLERIGHT:
            emit_right(e, f->name, soi_table_right_mask(rights),
                       (rights & SOI_RIGHT_ALL) != SOI_RIGHT_ALL ? why->table : NULL);
            break;
        case SOI_T_FIELDPROPS:
            e->open(e, f->name);
            for (int k = 0; k < SOI_F_COUNT; k++) {
                const soi_field *p = &soi_fields[k];
                if (!p->clr_type)
                    continue;
                e->open(e, p->name);
                emit_right(e, "FieldRight", soi_field_right_mask(p, rights),
                           (p->flags & SOI_WRITABLE) && !(rights & SOI_RIGHT_UPDATE) ? why->field : NULL);
                emit_str(e, "FieldType", p->clr_type);
                emit_int(e, "FieldLength", p->length);
                e->close(e, p->name);
            }
            e->close(e, f->name);
            break;
        }
    }
    e->close(e, "BlobEntity");
}

void soi_emit_error(soi_emitter *e, int status, const char *message)
{
    e->open(e, "Error");
    emit_bool(e, "Error", 1);
    emit_str(e, "ErrorType", soi_error_type(status));
    emit_str(e, "ErrorMessage", message);
    emit_str(e, "ErrorSource", SOI_ERROR_SOURCE);
    e->close(e, "Error");
}
