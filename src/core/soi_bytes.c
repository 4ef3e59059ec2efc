#include "core/soi_bytes.h"

#include <apr_strings.h>
#include <apr_tables.h>
#include <string.h>

typedef struct {
    const char *data;
    apr_size_t len;
} soi_piece;

typedef struct {
    apr_pool_t *pool;
    char *buf; /* with an announced length: filled as pieces come */
    apr_size_t cap, filled;
    apr_array_header_t *pieces; /* soi_piece: what did not go into buf */
    apr_size_t total;
    soi_bytes *into;
} soi_bytes_ctx;

static void soi_keep(soi_bytes_ctx *b, const char *data, apr_size_t len)
{
    soi_piece *p = apr_array_push(b->pieces);
    p->data = data;
    p->len = len;
    b->total += len;
}

/* Without an announced length: the pieces, as they are (the sink holds). */
static soi_error *soi_bytes_hold(void *ctx, const char *data, apr_size_t len)
{
    soi_keep(ctx, data, len);
    return NULL;
}

/* With one: into the buffer. Bytes beyond it (HTTP_IN allows none past
 * Content-Length) are copied, since the feeder does not keep them. */
static soi_error *soi_bytes_copy(void *ctx, const char *data, apr_size_t len)
{
    soi_bytes_ctx *b = ctx;
    if (b->pieces->nelts == 0 && b->filled + len <= b->cap) {
        memcpy(b->buf + b->filled, data, len);
        b->filled += len;
        b->total += len;
    } else {
        soi_keep(b, apr_pmemdup(b->pool, data, len), len);
    }
    return NULL;
}

static soi_error *soi_bytes_finish(void *ctx)
{
    soi_bytes_ctx *b = ctx;
    char *out = b->buf, *o;

    if (b->pieces->nelts) {
        out = apr_palloc(b->pool, b->total + 1);
        memcpy(out, b->buf, b->filled);
        o = out + b->filled;
        for (int i = 0; i < b->pieces->nelts; i++) {
            const soi_piece *p = &APR_ARRAY_IDX(b->pieces, i, soi_piece);
            memcpy(o, p->data, p->len);
            o += p->len;
        }
    }
    out[b->total] = '\0';
    b->into->data = out;
    b->into->len = b->total;
    return NULL;
}

soi_sink soi_bytes_sink(apr_pool_t *pool, apr_size_t expected, soi_bytes *into)
{
    soi_bytes_ctx *b = apr_pcalloc(pool, sizeof(*b));
    soi_sink s = {b, expected ? soi_bytes_copy : soi_bytes_hold, soi_bytes_finish, expected == 0};
    b->pool = pool;
    b->cap = expected;
    b->buf = apr_palloc(pool, expected + 1);
    b->pieces = apr_array_make(pool, expected ? 1 : 64, sizeof(soi_piece));
    b->into = into;
    into->data = "";
    into->len = 0;
    return s;
}
