/* JSON bodies, parsed as they arrive with yajl's streaming parser.
 *
 * The stream layer turns yajl's callbacks into events for a consumer, and
 * adds what yajl lacks: a nesting limit, and strings whose \u escapes do not
 * pair up (yajl turns an unpaired \uD800 into "?") are flagged. Consumers:
 * the BlobEntity (application/json, text/json), the merge patch (RFC 7396)
 * here, and the JSON Patch (RFC 6902) in soi_patch.c. */
#ifndef SOI_JSON_H
#define SOI_JSON_H

#include "core/soi_sink.h"
#include "core/soi_entity.h"

typedef struct {
    /* A value at `depth` (1: a member of the root container). Objects and
     * arrays arrive as SOI_IN_OBJECT / SOI_IN_ARRAY before their contents.
     * bad_escape: a string holding an unpaired surrogate escape. */
    soi_error *(*value)(void *ctx, int depth, soi_input_kind kind, const char *text, apr_size_t len, int bad_escape);
    soi_error *(*key)(void *ctx, int depth, const char *key, apr_size_t len, int bad_escape);
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
