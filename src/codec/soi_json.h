/* JSON bodies, parsed as they arrive with yajl's streaming parser.
 *
 * The stream layer turns yajl's callbacks into events for a consumer, and
 * adds what yajl lacks: a nesting limit; strings whose \u escapes do not
 * pair up (yajl turns an unpaired \uD800 into "?") are flagged; and strings
 * are checked as strict UTF-8 here rather than by yajl's lexer (which would
 * only say "invalid bytes in UTF8 string" and let overlong forms and encoded
 * surrogates through), so that the consumer can name the property. Consumers:
 * the BlobEntity (application/json, text/json), the merge patch (RFC 7396)
 * here, and the JSON Patch (RFC 6902) in soi_jsonpatch.c. */
#ifndef SOI_JSON_H
#define SOI_JSON_H

#include "core/soi_sink.h"
#include "core/soi_entity.h"

/* What the stream layer found wrong with a string (a key or a value). */
enum {
    SOI_JSON_BAD_ESCAPE = 1, /* an unpaired surrogate escape */
    SOI_JSON_BAD_UTF8 = 2    /* not strict UTF-8 (soi_utf8_valid) */
};

typedef struct {
    /* A value at `depth` (1: a member of the root container). Objects and
     * arrays arrive as SOI_IN_OBJECT / SOI_IN_ARRAY before their contents.
     * flags: SOI_JSON_BAD_* for a string. A consumer must refuse a string
     * flagged SOI_JSON_BAD_UTF8 (naming where it is); if it does not, the
     * stream layer refuses it anyway, without a name. */
    soi_error *(*value)(void *ctx, int depth, soi_input_kind kind, const char *text, apr_size_t len, unsigned flags);
    soi_error *(*key)(void *ctx, int depth, const char *key, apr_size_t len, unsigned flags);
    /* The object or array opened at `depth` has ended. */
    soi_error *(*end)(void *ctx, int depth);
} soi_json_events;

/* A decoder feeding JSON to a consumer. The yajl handle is freed by a
 * cleanup on pool. */
soi_sink soi_json_stream(apr_pool_t *pool, const soi_json_events *events, void *ctx);

/* Decodes one JSON object into `into` (which the caller has zeroed). */
soi_sink soi_json_entity_decoder(apr_pool_t *pool, soi_entity *into);

/* An RFC 7396 merge patch: like a BlobEntity, but every member must be a
 * writable property (a patch naming anything else is a mistake, not noise)
 * and null means "back to the default". Present and null bits in `into`
 * say what the patch touches. */
soi_sink soi_json_merge_decoder(apr_pool_t *pool, soi_entity *into);

#endif
