#include "core/soi_entity.h"

#include <apr_strings.h>
#include <stddef.h>
#include <string.h>

#include "core/soi_text.h"
#include "core/soi_time.h"

/* FieldType and FieldLength follow what SuperOffice reports for BlobEntity. */
const soi_field soi_fields[SOI_F_COUNT] = {
    {SOI_F_BLOBID, "BlobId", SOI_T_ID, "System.Int32", 4, 0},
    {SOI_F_BLOBSIZE, "BlobSize", SOI_T_SIZE, "System.UInt32", 4, SOI_WRITABLE},
    {SOI_F_DESCRIPTION, "Description", SOI_T_STRING, "System.String", SOI_STRING_MAX, SOI_WRITABLE},
    {SOI_F_EXTRAINFO, "ExtraInfo", SOI_T_STRING, "System.String", SOI_STRING_MAX, SOI_WRITABLE},
    {SOI_F_ISENCRYPTED, "IsEncrypted", SOI_T_BOOL, "System.Boolean", 2, SOI_WRITABLE},
    {SOI_F_ISZIPPED, "IsZipped", SOI_T_BOOL, "System.Boolean", 2, SOI_WRITABLE},
    {SOI_F_MIMETYPE, "MimeType", SOI_T_STRING, "System.String", SOI_STRING_MAX, SOI_WRITABLE},
    {SOI_F_ORIGINALSIZE, "OriginalSize", SOI_T_SIZE, "System.UInt32", 4, SOI_WRITABLE},
    {SOI_F_CREATEDDATE, "CreatedDate", SOI_T_DATE, "System.DateTime", 16, SOI_SERVER_SET},
    {SOI_F_UPDATEDDATE, "UpdatedDate", SOI_T_DATE, "System.DateTime", 16, SOI_SERVER_SET},
    {SOI_F_CREATEDBY, "CreatedBy", SOI_T_ASSOCIATE, "SuperOffice.CRM.Services.Associate", 4, SOI_SERVER_SET},
    {SOI_F_UPDATEDBY, "UpdatedBy", SOI_T_ASSOCIATE, "SuperOffice.CRM.Services.Associate", 4, SOI_SERVER_SET},
    {SOI_F_CONCEPTUALTYPE, "ConceptualType", SOI_T_STRING, "System.String", SOI_STRING_MAX, SOI_WRITABLE},
    {SOI_F_TABLERIGHT, "TableRight", SOI_T_TABLERIGHT, NULL, 0, SOI_RESPONSE_ONLY},
    {SOI_F_FIELDPROPERTIES, "FieldProperties", SOI_T_FIELDPROPS, NULL, 0, SOI_RESPONSE_ONLY},
};

const soi_field *soi_field_find(const char *name, apr_size_t len)
{
    for (int i = 0; i < SOI_F_COUNT; i++) {
        if (soi_ascii_ieq(name, len, soi_fields[i].name))
            return &soi_fields[i];
    }
    return NULL;
}

const char *soi_field_writable_names(void)
{
    /* Spelled out once from the table by the unit tests, which check it. */
    return "BlobSize, Description, ExtraInfo, IsEncrypted, IsZipped, MimeType, OriginalSize and ConceptualType";
}

#define SOI_A(kind, member) kind, offsetof(soi_associate, member)
const soi_assoc_field soi_assoc_fields[SOI_ASSOC_FIELDS] = {
    {"AssociateId", SOI_A(SOI_A_INT, associate_id)},  {"Name", SOI_A(SOI_A_STRING, name)},
    {"PersonId", SOI_A(SOI_A_INT, person_id)},        {"Rank", SOI_A(SOI_A_INT, rank)},
    {"Tooltip", SOI_A(SOI_A_STRING, tooltip)},        {"Type", SOI_A(SOI_A_TYPE, type)},
    {"GroupIdx", SOI_A(SOI_A_INT, group_idx)},        {"FullName", SOI_A(SOI_A_STRING, full_name)},
    {"FormalName", SOI_A(SOI_A_STRING, formal_name)}, {"Deleted", SOI_A(SOI_A_BOOL, deleted)},
    {"EjUserId", SOI_A(SOI_A_INT, ejuser_id)},        {"UserName", SOI_A(SOI_A_STRING, user_name)},
};

const char *soi_associate_type_name(apr_int32_t type)
{
    static const char *const names[] = {"Unknown",           "InternalAssociate",  "ResourceAssociate",
                                        "ExternalAssociate", "AnonymousAssociate", "SystemAssociate"};
    return type >= 0 && type < (apr_int32_t)(sizeof(names) / sizeof(names[0])) ? names[type] : names[0];
}

/* The message for a value that is not of the field's type. */
static soi_msg soi_type_message(soi_type t)
{
    switch (t) {
    case SOI_T_ID: return SOI_MSG_NOT_ID;
    case SOI_T_SIZE: return SOI_MSG_NOT_SIZE;
    case SOI_T_STRING: return SOI_MSG_NOT_STRING;
    case SOI_T_BOOL: return SOI_MSG_NOT_BOOL;
    case SOI_T_DATE: return SOI_MSG_NOT_DATE;
    case SOI_T_ASSOCIATE: return SOI_MSG_NOT_ASSOCIATE;
    default: return SOI_MSG_NOT_OBJECT;
    }
}

static soi_msg soi_kind_phrase(soi_input_kind k)
{
    switch (k) {
    case SOI_IN_NULL: return SOI_PH_NULL;
    case SOI_IN_BOOL: return SOI_PH_BOOL;
    case SOI_IN_NUMBER: return SOI_PH_NUMBER;
    case SOI_IN_STRING: return SOI_PH_STRING;
    case SOI_IN_OBJECT: return SOI_PH_OBJECT;
    case SOI_IN_ARRAY: return SOI_PH_ARRAY;
    default: return SOI_PH_TEXT;
    }
}

static soi_error *soi_wrong(apr_pool_t *pool, const soi_field *f, soi_input_kind kind, const char *text, apr_size_t len)
{
    /* Text and numbers are shown as given; other values by their kind. */
    soi_error *found = kind == SOI_IN_TEXT || kind == SOI_IN_NUMBER
                           ? soi_err(pool, SOI_PH_QUOTED, soi_text_quote(pool, text, len, 40), NULL)
                           : soi_err(pool, soi_kind_phrase(kind), NULL);
    return soi_err_wrap(pool, soi_type_message(f->type), found, f->name, NULL);
}

soi_error *soi_check_text(apr_pool_t *pool, const char *name, const char *s, apr_size_t n, apr_size_t max_chars)
{
    apr_size_t chars = 0;
    apr_uint32_t bad = 0;

    /* Not UTF-8 at all comes first: a U+0001 before an \xFF is not the point. */
    if (!soi_utf8_valid(s, n, &bad))
        return soi_err(pool, SOI_MSG_STRING_UTF8, name, apr_psprintf(pool, "%X", (unsigned)bad), NULL);
    switch (soi_utf8_check(s, n, &chars, &bad)) {
    case SOI_UTF8_OK: break;
    case SOI_UTF8_NUL: return soi_err(pool, SOI_MSG_STRING_NUL, name, NULL);
    case SOI_UTF8_NOT_XML:
        return soi_err(pool, SOI_MSG_STRING_CONTROL, name, apr_psprintf(pool, "%04X", (unsigned)bad), NULL);
    default: return soi_err(pool, SOI_MSG_STRING_UTF8, name, apr_psprintf(pool, "%X", (unsigned)bad), NULL);
    }
    if (chars > max_chars)
        return soi_err(pool, SOI_MSG_STRING_LONG, name, soi_num(pool, (apr_int64_t)chars),
                       soi_num(pool, (apr_int64_t)max_chars), NULL);
    return NULL;
}

/* Reads text as the field's scalar type; kind tells which syntaxes apply. */
static soi_error *soi_assign_scalar(soi_value *v, const soi_field *f, soi_input_kind kind, const char *text,
                                    apr_size_t len, apr_pool_t *pool)
{
    switch (f->type) {
    case SOI_T_ID:
    case SOI_T_SIZE: {
        apr_int64_t min = f->type == SOI_T_SIZE ? 0 : -APR_INT64_C(2147483648);
        if (kind == SOI_IN_TEXT)
            soi_trim(&text, &len);
        else if (kind != SOI_IN_NUMBER)
            return soi_wrong(pool, f, kind, text, len);
        if (!soi_parse_int(text, len, min, APR_INT32_MAX, &v->num))
            return soi_wrong(pool, f, SOI_IN_TEXT, text, len);
        return NULL;
    }
    case SOI_T_BOOL:
        if (kind == SOI_IN_TEXT)
            soi_trim(&text, &len);
        else if (kind != SOI_IN_BOOL)
            return soi_wrong(pool, f, kind, text, len);
        if (soi_ascii_ieq(text, len, "true"))
            v->num = 1;
        else if (soi_ascii_ieq(text, len, "false"))
            v->num = 0;
        else
            return soi_wrong(pool, f, SOI_IN_TEXT, text, len);
        return NULL;
    case SOI_T_STRING: {
        if (kind != SOI_IN_STRING && kind != SOI_IN_TEXT)
            return soi_wrong(pool, f, kind, text, len);
        soi_error *err = soi_check_text(pool, f->name, text, len, SOI_STRING_MAX);
        if (err)
            return err;
        v->str = apr_pstrmemdup(pool, text, len);
        v->len = len;
        return NULL;
    }
    case SOI_T_DATE:
        if (kind == SOI_IN_TEXT)
            soi_trim(&text, &len);
        else if (kind != SOI_IN_STRING)
            return soi_wrong(pool, f, kind, text, len);
        if (!soi_time_parse(text, len, &v->num))
            return soi_wrong(pool, f, SOI_IN_TEXT, text, len);
        return NULL;
    default:
        /* Associates, TableRight and FieldProperties: an object (its contents
         * are the server's business) or, from XML and forms, empty text. */
        if (kind == SOI_IN_OBJECT)
            return NULL;
        if (kind == SOI_IN_TEXT) {
            soi_trim(&text, &len);
            if (len == 0)
                return NULL;
        }
        return soi_wrong(pool, f, kind, text, len);
    }
}

soi_error *soi_entity_assign(soi_entity *e, const soi_field *f, soi_input_kind kind, const char *text, apr_size_t len,
                             apr_pool_t *pool)
{
    apr_uint32_t bit = SOI_BIT(f->id);
    soi_value v = {0};

    /* A property given twice is ambiguous, whatever the media type. */
    if (e->present & bit)
        return soi_err(pool, SOI_MSG_DUPLICATE, f->name, NULL);

    if (kind == SOI_IN_NULL) {
        /* .NET value types (integers, booleans) cannot be null. */
        if (f->type == SOI_T_ID || f->type == SOI_T_SIZE || f->type == SOI_T_BOOL)
            return soi_wrong(pool, f, kind, text, len);
        e->present |= bit;
        e->null |= bit;
        return NULL;
    }
    soi_error *err = soi_assign_scalar(&v, f, kind, text, len, pool);
    if (err)
        return err;
    e->present |= bit;
    if ((f->flags & SOI_WRITABLE) || f->id == SOI_F_BLOBID)
        e->v[f->id] = v;
    return NULL;
}

void soi_entity_init_default(soi_entity *e)
{
    memset(e, 0, sizeof(*e));
    for (int i = 0; i < SOI_F_COUNT; i++) {
        const soi_field *f = &soi_fields[i];
        if (f->type == SOI_T_STRING)
            e->v[i].str = "";
        else if (f->type == SOI_T_DATE)
            e->v[i].num = SOI_TIME_MIN;
        if (f->type != SOI_T_TABLERIGHT && f->type != SOI_T_FIELDPROPS)
            e->present |= SOI_BIT(i);
    }
}

void soi_entity_fill_for_put(soi_entity *e)
{
    soi_entity d;
    soi_entity_init_default(&d);
    for (int i = 0; i < SOI_F_COUNT; i++) {
        apr_uint32_t bit = SOI_BIT(i);
        if (soi_fields[i].flags & SOI_WRITABLE) {
            if (!(e->present & bit) || (e->null & bit))
                e->v[i] = d.v[i];
            e->present |= bit;
            e->null &= ~bit;
        } else if (i != SOI_F_BLOBID) {
            e->present &= ~bit;
            e->null &= ~bit;
        }
    }
    if (!(e->present & SOI_BIT(SOI_F_BLOBID)))
        e->v[SOI_F_BLOBID].num = 0;
}

const char *soi_table_right_mask(int rights)
{
    /* .NET's Enum.ToString for [Flags]: the alias FULL when every flag is
     * held, otherwise the set flags in declaration order (the unit tests
     * derive each entry from the flag names). */
    static const char *const masks[32] = {
        "None",
        "Select",
        "Update",
        "Select, Update",
        "Insert",
        "Select, Insert",
        "Update, Insert",
        "Select, Update, Insert",
        "Delete",
        "Select, Delete",
        "Update, Delete",
        "Select, Update, Delete",
        "Insert, Delete",
        "Select, Insert, Delete",
        "Update, Insert, Delete",
        "Select, Update, Insert, Delete",
        "Filtering",
        "Select, Filtering",
        "Update, Filtering",
        "Select, Update, Filtering",
        "Insert, Filtering",
        "Select, Insert, Filtering",
        "Update, Insert, Filtering",
        "Select, Update, Insert, Filtering",
        "Delete, Filtering",
        "Select, Delete, Filtering",
        "Update, Delete, Filtering",
        "Select, Update, Delete, Filtering",
        "Insert, Delete, Filtering",
        "Select, Insert, Delete, Filtering",
        "Update, Insert, Delete, Filtering",
        "FULL",
    };
    return masks[rights & SOI_RIGHT_ALL];
}

const char *soi_field_right_mask(const soi_field *f, int rights)
{
    if (!(f->flags & SOI_WRITABLE))
        return "Read, UIHintReadOnly";
    return (rights & SOI_RIGHT_UPDATE) ? "Read, Write" : "Read";
}
