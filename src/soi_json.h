/* application/json and text/json: a BlobEntity parsed as it arrives with
 * yajl's streaming parser, and the entity written back. */
#ifndef SOI_JSON_H
#define SOI_JSON_H

#include "soi_buf.h"
#include "soi_codec.h"
#include "soi_entity.h"

/* Decodes one JSON object into `into` (which the caller has zeroed). The
 * yajl handle is freed by a cleanup on pool. */
soi_decoder soi_json_entity_decoder(apr_pool_t *pool, soi_entity *into);

/* The entity as the caller holding `rights` sees it, in SPEC order. */
void soi_json_write_entity(soi_buf *b, const soi_entity *e, int rights);

#endif
