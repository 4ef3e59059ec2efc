/* The routes below the mount point (SPEC section 1). */
#ifndef SOI_ROUTE_H
#define SOI_ROUTE_H

#include "core/soi_error.h"

typedef enum { SOI_RES_NONE = 0, SOI_RES_IMAGEINFO, SOI_RES_IMAGE } soi_resource;

typedef struct {
    soi_resource resource;
    apr_int32_t contact_id;
} soi_route;

/* Matches path, the (already percent-decoded) part of the URI below the
 * mount, e.g. "/v1/Contact/5/ImageInfo". Segments are compared without
 * regard to case and one trailing slash is allowed. Returns NULL with *out
 * filled, a 400 naming a bad contact id, or a 404. */
soi_error *soi_route_match(apr_pool_t *pool, const char *path, soi_route *out);

/* The routes, for messages: "/v1/Contact/{contactId}/ImageInfo". */
const char *soi_route_list(apr_pool_t *pool);

#endif
