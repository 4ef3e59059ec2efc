/* application/json-patch+json (RFC 6902): a JSON array of operation
 * objects, read as it arrives into a soi_change (applied by soi_change.c). */
#ifndef SOI_JSONPATCH_H
#define SOI_JSONPATCH_H

#include "core/soi_change.h"

soi_sink soi_json_patch_decoder(apr_pool_t *pool, soi_change *change);

#endif
