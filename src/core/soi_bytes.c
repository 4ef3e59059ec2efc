#include "core/soi_bytes.h"

static soi_error *soi_bytes_feed(void *ctx, const char *data, apr_size_t len)
{
    soi_buf_add(ctx, data, len);
    return NULL;
}

static soi_error *soi_bytes_finish(void *ctx)
{
    return NULL;
}

soi_sink soi_bytes_sink(apr_pool_t *pool, apr_size_t expected, soi_buf *into)
{
    soi_sink s = {into, soi_bytes_feed, soi_bytes_finish};
    /* One more byte: soi_buf keeps room for a terminating NUL. */
    soi_buf_init(into, pool, expected ? expected + 1 : 0);
    return s;
}
