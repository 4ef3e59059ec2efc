#include "core/soi_bytes.h"

#include <apr_tables.h>
#include <string.h>

typedef struct {
    const char *data;
    apr_size_t len;
} soi_piece;

typedef struct {
    apr_pool_t *pool;
    apr_array_header_t *pieces; /* soi_piece: what was fed, not copied */
    apr_size_t total;
    soi_bytes *into;
} soi_bytes_ctx;

static soi_error *soi_bytes_feed(void *ctx, const char *data, apr_size_t len)
{
    soi_bytes_ctx *b = ctx;
    soi_piece *p = apr_array_push(b->pieces);
    p->data = data;
    p->len = len;
    b->total += len;
    return NULL;
}

static soi_error *soi_bytes_finish(void *ctx)
{
    soi_bytes_ctx *b = ctx;
    char *out = apr_palloc(b->pool, b->total + 1), *o = out;

    for (int i = 0; i < b->pieces->nelts; i++) {
        const soi_piece *p = &APR_ARRAY_IDX(b->pieces, i, soi_piece);
        memcpy(o, p->data, p->len);
        o += p->len;
    }
    *o = '\0';
    b->into->data = out;
    b->into->len = b->total;
    return NULL;
}

soi_sink soi_bytes_sink(apr_pool_t *pool, soi_bytes *into)
{
    soi_bytes_ctx *b = apr_pcalloc(pool, sizeof(*b));
    soi_sink s = {b, soi_bytes_feed, soi_bytes_finish, 1};
    b->pool = pool;
    b->pieces = apr_array_make(pool, 64, sizeof(soi_piece));
    b->into = into;
    into->data = "";
    into->len = 0;
    return s;
}
