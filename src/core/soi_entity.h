/* The BlobEntity: one field table drives parsing, validation, encoding and
 * FieldProperties. Decoders of every media type hand each property they meet
 * to soi_entity_assign(), which holds all the rules of SPEC section 2. */
#ifndef SOI_ENTITY_H
#define SOI_ENTITY_H

#include <apr_pools.h>

#include "core/soi_error.h"

typedef enum {
    SOI_F_BLOBID,
    SOI_F_BLOBSIZE,
    SOI_F_DESCRIPTION,
    SOI_F_EXTRAINFO,
    SOI_F_ISENCRYPTED,
    SOI_F_ISZIPPED,
    SOI_F_MIMETYPE,
    SOI_F_ORIGINALSIZE,
    SOI_F_CREATEDDATE,
    SOI_F_UPDATEDDATE,
    SOI_F_CREATEDBY,
    SOI_F_UPDATEDBY,
    SOI_F_CONCEPTUALTYPE,
    SOI_F_TABLERIGHT,
    SOI_F_FIELDPROPERTIES,
    SOI_F_COUNT
} soi_field_id;

typedef enum {
    SOI_T_ID,     /* int32: the picture's key */
    SOI_T_SIZE,   /* int32 in 0..2147483647 */
    SOI_T_STRING, /* at most SOI_STRING_MAX characters */
    SOI_T_BOOL,
    SOI_T_DATE,
    SOI_T_ASSOCIATE,  /* Associate object or null */
    SOI_T_TABLERIGHT, /* response only */
    SOI_T_FIELDPROPS  /* response only */
} soi_type;

#define SOI_STRING_MAX 254

/* Nesting allowed in a body (the entity itself needs 4 levels). */
#define SOI_MAX_DEPTH 16

enum {
    SOI_WRITABLE = 1,     /* a client sets it (PUT replaces it, PATCH may change it) */
    SOI_SERVER_SET = 2,   /* the server sets it; a body's value is checked, then ignored */
    SOI_RESPONSE_ONLY = 4 /* describes the reply (rights); a body's value is ignored */
};

typedef struct {
    soi_field_id id;
    const char *name; /* as written in responses */
    soi_type type;
    const char *clr_type; /* FieldType in FieldProperties; NULL: not listed there */
    int length;           /* FieldLength */
    unsigned flags;
} soi_field;

/* In response order (SPEC section 2). */
extern const soi_field soi_fields[SOI_F_COUNT];

/* "BlobSize, Description, ... and ConceptualType": the writable properties,
 * for messages. */
const char *soi_field_writable_names(void);

/* Case-insensitive lookup of a property name; NULL when unknown. */
const soi_field *soi_field_find(const char *name, apr_size_t len);

typedef struct {
    apr_int32_t associate_id;
    const char *name;
    apr_int32_t person_id;
    apr_int32_t rank;
    const char *tooltip;
    apr_int32_t type; /* see soi_associate_type_name */
    apr_int32_t group_idx;
    const char *full_name;
    const char *formal_name;
    int deleted;
    apr_int32_t ejuser_id;
    const char *user_name;
} soi_associate;

/* The Associate's properties in response order, for the encoders. */
typedef enum { SOI_A_INT, SOI_A_STRING, SOI_A_BOOL, SOI_A_TYPE } soi_assoc_kind;
typedef struct {
    const char *name;
    soi_assoc_kind kind;
    apr_size_t offset; /* of the member in soi_associate */
} soi_assoc_field;
#define SOI_ASSOC_FIELDS 12
extern const soi_assoc_field soi_assoc_fields[SOI_ASSOC_FIELDS];

/* Associate.Type names, indexed by associate.type. */
const char *soi_associate_type_name(apr_int32_t type);

typedef struct {
    apr_int64_t num; /* SOI_T_ID, SOI_T_SIZE, SOI_T_BOOL (0/1), SOI_T_DATE (usec) */
    const char *str; /* SOI_T_STRING: NUL-terminated, len bytes */
    apr_size_t len;
    const soi_associate *assoc; /* SOI_T_ASSOCIATE: NULL for null */
} soi_value;

#define SOI_BIT(id) (1u << (id))

typedef struct {
    apr_uint32_t present; /* SOI_BIT(id): the field was given (in a body) or loaded */
    apr_uint32_t null;    /* SOI_BIT(id): the field was given as null */
    soi_value v[SOI_F_COUNT];
    apr_int32_t version; /* the stored row's update counter; 0 when nothing is stored */
} soi_entity;

/* What a decoder met for a property. SOI_IN_TEXT is untyped text (XML element
 * content, a form value) that is read according to the field's type. */
typedef enum {
    SOI_IN_NULL,
    SOI_IN_BOOL,   /* text is "true" or "false" */
    SOI_IN_NUMBER, /* text is a JSON number */
    SOI_IN_STRING,
    SOI_IN_OBJECT, /* contents are skipped by the decoder */
    SOI_IN_ARRAY,
    SOI_IN_TEXT
} soi_input_kind;

/* Applies one property from a body to e, enforcing every rule of SPEC
 * section 2: types, ranges, strict UTF-8, length, dates, duplicates. Values
 * of server-set and response-only fields are checked and not kept. */
soi_error *soi_entity_assign(soi_entity *e, const soi_field *f, soi_input_kind kind, const char *text, apr_size_t len,
                             apr_pool_t *pool);

/* Checks text that a body gives for the property `name`: strict UTF-8, no
 * U+0000 or other character XML cannot carry, at most max_chars characters.
 * NULL when it passes, else the 400 naming the property. */
soi_error *soi_check_text(apr_pool_t *pool, const char *name, const char *s, apr_size_t n, apr_size_t max_chars);

/* The entity of a contact without a picture: BlobId 0, "", 0, false,
 * 0001-01-01 dates, null associates. */
void soi_entity_init_default(soi_entity *e);

/* PUT semantics: every writable field that is absent or null takes its
 * default; server-set fields are dropped. */
void soi_entity_fill_for_put(soi_entity *e);

/* Rights on the blob table (associate.blob_rights). */
enum {
    SOI_RIGHT_SELECT = 1,
    SOI_RIGHT_UPDATE = 2,
    SOI_RIGHT_INSERT = 4,
    SOI_RIGHT_DELETE = 8,
    SOI_RIGHT_FILTERING = 16,
    SOI_RIGHT_ALL = 31
};

/* TableRight.Mask as .NET writes the flags: "FULL", "None", or "Select, Update". */
const char *soi_table_right_mask(int rights);
/* FieldRight.Mask of a field for a caller holding rights. */
const char *soi_field_right_mask(const soi_field *f, int rights);

#endif
