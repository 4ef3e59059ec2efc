/* What a request body asks for, whatever its media type, and applying it to
 * the stored entity: a whole entity (PUT), a merge patch (RFC 7396) or a
 * JSON Patch (RFC 6902). The BlobEntity is a flat object whose properties
 * always exist, so "remove" means "back to the default". */
#ifndef SOI_CHANGE_H
#define SOI_CHANGE_H

#include <apr_tables.h>

#include "core/soi_sink.h"
#include "core/soi_entity.h"

typedef enum { SOI_CHANGE_REPLACE, SOI_CHANGE_MERGE, SOI_CHANGE_JSON_PATCH } soi_change_kind;

typedef enum { SOI_OP_ADD, SOI_OP_REMOVE, SOI_OP_REPLACE, SOI_OP_MOVE, SOI_OP_COPY, SOI_OP_TEST } soi_op_kind;

typedef struct {
    soi_op_kind op;
    const char *path; /* NUL-terminated; NULL when absent */
    const char *from;
    int has_value;
    soi_input_kind value_kind;
    const char *value; /* text of a scalar value */
    apr_size_t value_len;
    int bad_escape; /* a string value with an unpaired surrogate escape */
} soi_patch_op;

typedef struct {
    soi_change_kind kind;
    soi_entity entity;       /* REPLACE: the body; MERGE: what it touches (present/null bits) */
    apr_array_header_t *ops; /* JSON_PATCH: soi_patch_op */
    const char *xsrf_token;  /* a form body's XSRF_TOKEN field, for authentication */
} soi_change;

/* Applies the change to *target (the stored entity, or the default one);
 * nothing is changed when an error is returned (400, or 409 for a failed
 * "test"). */
soi_error *soi_change_apply(apr_pool_t *pool, const soi_change *change, soi_entity *target);

#endif
