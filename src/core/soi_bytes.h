/* A sink that keeps a body's bytes as they are, for bodies that are data
 * rather than a document (a picture). It holds on to the pieces it is fed
 * (soi_sink.holds) and joins them once, at the end, into one buffer of the
 * exact length: each byte is copied once, whether or not the length was
 * announced. */
#ifndef SOI_BYTES_H
#define SOI_BYTES_H

#include "core/soi_sink.h"

typedef struct {
    const char *data; /* after finish(): all the bytes, NUL-terminated for convenience */
    apr_size_t len;
} soi_bytes;

/* A sink filling *into when it is finished. */
soi_sink soi_bytes_sink(apr_pool_t *pool, soi_bytes *into);

#endif
