/* What every body decoder looks like to the code that reads the request:
 * bytes in as they arrive, a verdict at the end. Decoders know nothing of
 * httpd or libpq, so unit tests and fuzzers drive them directly. */
#ifndef SOI_CODEC_H
#define SOI_CODEC_H

#include <apr_pools.h>

#include "soi_error.h"

/* The two body syntaxes; the media types map onto them (soi_media.h). */
typedef enum { SOI_FORMAT_JSON = 0, SOI_FORMAT_XML } soi_format;

/* Nesting allowed in a body (the entity itself needs 4 levels). */
#define SOI_MAX_DEPTH 16

typedef struct {
    void *ctx;
    soi_error *(*feed)(void *ctx, const char *data, apr_size_t len);
    soi_error *(*finish)(void *ctx);
} soi_decoder;

#endif
