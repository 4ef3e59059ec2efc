/* A sink that keeps a body's bytes as they are, for bodies that are data
 * rather than a document (a picture), in one buffer of the exact length,
 * each byte copied once. When the length is announced (Content-Length), the
 * buffer is made first and each piece copied into it as it comes, so that
 * nothing else is kept; when it is not (chunked), the sink holds on to the
 * pieces (soi_sink.holds) and joins them once, at the end. */
#ifndef SOI_BYTES_H
#define SOI_BYTES_H

#include "core/soi_sink.h"

typedef struct {
    const char *data; /* after finish(): all the bytes, NUL-terminated for convenience */
    apr_size_t len;
} soi_bytes;

/* A sink filling *into when it is finished; `expected` is the announced
 * length (0: none). More bytes than announced still all arrive. */
soi_sink soi_bytes_sink(apr_pool_t *pool, apr_size_t expected, soi_bytes *into);

#endif
