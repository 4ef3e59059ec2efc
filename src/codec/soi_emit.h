/* Writing the entity (and errors) in any response format. One walker,
 * driven by the field table, visits the entity in SPEC order; an emitter
 * only knows how its format spells an object, a null, a string and a literal
 * (numbers, booleans). */
#ifndef SOI_EMIT_H
#define SOI_EMIT_H

#include "core/soi_buf.h"
#include "core/soi_media.h"
#include "core/soi_entity.h"

typedef struct soi_emitter soi_emitter;
struct soi_emitter {
    soi_buf *out;
    int depth;
    int members[SOI_MAX_DEPTH]; /* members written so far at each depth (JSON commas) */
    void (*open)(soi_emitter *e, const char *name);
    void (*close)(soi_emitter *e, const char *name);
    void (*null)(soi_emitter *e, const char *name);
    void (*text)(soi_emitter *e, const char *name, const char *s, apr_size_t n);
    void (*literal)(soi_emitter *e, const char *name, const char *s, apr_size_t n);
};

/* An emitter writing format into out. */
void soi_emitter_init(soi_emitter *e, soi_format format, soi_buf *out);

/* The Reason texts beside the masks (NULL: empty): why TableRight is not
 * FULL, and why a field that can be written is only Read. Fields the
 * server sets have no reason (their UIHintReadOnly says it). */
typedef struct {
    const char *table;
    const char *field;
} soi_reasons;

/* The BlobEntity as a caller holding `rights` sees it (why: NULL for no
 * reasons). */
void soi_emit_entity(soi_emitter *e, const soi_entity *ent, int rights, const soi_reasons *why);

/* The error body of SPEC section 4: the type named by the status, and the
 * message rendered in the reply's language. */
void soi_emit_error(soi_emitter *e, int status, const char *message);

#endif
