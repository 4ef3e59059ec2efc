/* A sink that keeps a body's bytes as they are, for bodies that are data
 * rather than a document (a picture): into one buffer, sized once when the
 * length is announced (Content-Length), so that each byte is copied once. */
#ifndef SOI_BYTES_H
#define SOI_BYTES_H

#include "core/soi_buf.h"
#include "core/soi_sink.h"

/* A sink appending to *into (initialised here with room for `expected`
 * bytes; 0 when unknown). */
soi_sink soi_bytes_sink(apr_pool_t *pool, apr_size_t expected, soi_buf *into);

#endif
