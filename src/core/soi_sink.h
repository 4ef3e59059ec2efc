/* Where a request body goes, bytes in as they arrive and a verdict at the
 * end: a decoder (JSON, XML, form, patches) or a byte sink that keeps the
 * bytes (soi_bytes). The body reader feeds either through this one
 * interface; nothing here knows httpd or libpq. */
#ifndef SOI_SINK_H
#define SOI_SINK_H

#include <apr_pools.h>

#include "core/soi_error.h"

typedef struct {
    void *ctx;
    /* Takes the next len > 0 bytes; an error stops the body there. */
    soi_error *(*feed)(void *ctx, const char *data, apr_size_t len);
    /* The body has ended: the verdict on all of it. */
    soi_error *(*finish)(void *ctx);
    /* The sink keeps pointers into what it is fed instead of copying it:
     * whoever feeds it keeps those bytes valid until finish() returns (the
     * body reader keeps httpd's buckets, which costs no copy). */
    int holds;
} soi_sink;

#endif
