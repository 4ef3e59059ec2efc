#include "store/soi_pool.h"

#include <poll.h>
#include <stdlib.h>

struct soi_pool {
    apr_reslist_t *slots;
    int max;
    soi_stats *stats; /* this process's counters, or NULL */
    soi_pool_open_fn open;
    void *ctx;
};

/* Slots are cheap: the reslist may make them under its lock. They are
 * malloc'ed rather than taken from the reslist's pool, which lives as long
 * as the process. */
static apr_status_t soi_slot_make(void **resource, void *params, apr_pool_t *pool)
{
    soi_conn *c = calloc(1, sizeof(*c));
    if (!c)
        return APR_ENOMEM;
    *resource = c;
    return APR_SUCCESS;
}

static apr_status_t soi_slot_unmake(void *resource, void *params, apr_pool_t *pool)
{
    soi_conn *c = resource;
    if (c->pg && c->pool)
        SOI_STATS_GAUGE(c->pool->stats, pool_open, -1);
    PQfinish(c->pg);
    free(c);
    return APR_SUCCESS;
}

soi_pool *soi_pool_create(apr_pool_t *pchild, int max, apr_interval_time_t timeout, soi_pool_open_fn open, void *ctx,
                          soi_stats *stats, apr_status_t *rv)
{
    soi_pool *p = apr_pcalloc(pchild, sizeof(*p));
    p->open = open;
    p->ctx = ctx;
    p->max = max;
    p->stats = stats;
    SOI_STATS_GAUGE(stats, pool_max, max);
    *rv = apr_reslist_create(&p->slots, 0, max, max, 0, soi_slot_make, soi_slot_unmake, NULL, pchild);
    if (*rv != APR_SUCCESS)
        return NULL;
    apr_reslist_timeout_set(p->slots, timeout);
    return p;
}

/* An idle connection has nothing to say. If its socket is readable, the
 * server has sent a termination notice or closed it (a restart, an idle
 * timeout): such a connection is closed before any statement is risked. */
static int soi_conn_fresh(PGconn *pg)
{
    struct pollfd p = {PQsocket(pg), POLLIN, 0};
    if (PQstatus(pg) != CONNECTION_OK || p.fd < 0)
        return 0;
    return poll(&p, 1, 0) == 0;
}

static apr_status_t soi_slot_return(void *data)
{
    soi_conn *c = data;
    soi_stats *stats = c->pool->stats;
    if (c->pg && (c->broken || PQstatus(c->pg) != CONNECTION_OK || PQtransactionStatus(c->pg) != PQTRANS_IDLE)) {
        PQfinish(c->pg);
        c->pg = NULL;
        SOI_STATS_GAUGE(stats, pool_open, -1);
    }
    SOI_STATS_GAUGE(stats, pool_busy, -1);
    c->broken = 0;
    c->holder = NULL;
    apr_reslist_release(c->pool->slots, c);
    return APR_SUCCESS;
}

soi_error *soi_pool_acquire(soi_pool *pool, apr_pool_t *p, const soi_log *log, soi_conn **out)
{
    void *res;
    soi_stats *stats = pool->stats;
    /* A racy look, but only a statistic: it would wait. */
    if ((int)apr_reslist_acquired_count(pool->slots) >= pool->max)
        SOI_STATS_COUNT(stats, pool_waits);
    apr_status_t rv = apr_reslist_acquire(pool->slots, &res);

    if (rv != APR_SUCCESS)
        SOI_STATS_COUNT(stats, pool_timeouts);
    if (rv != APR_SUCCESS)
        return soi_error_server(p, SOI_MSG_UNAVAILABLE,
                                "all connections of SoImageInfoPool are in use and none came free within the "
                                "acquire timeout; raise the pool maximum (within PostgreSQL's max_connections) or "
                                "the timeout");
    soi_conn *c = res;
    c->pool = pool;
    c->holder = p;
    c->broken = 0;
    SOI_STATS_GAUGE(stats, pool_busy, 1);
    apr_pool_cleanup_register(p, c, soi_slot_return, apr_pool_cleanup_null);
    if (c->pg && !soi_conn_fresh(c->pg)) {
        soi_log_write(log, p, SOI_LOG_DEBUG, SOILOGNO(0108) "discarding a connection the server closed");
        PQfinish(c->pg);
        c->pg = NULL;
        SOI_STATS_GAUGE(stats, pool_open, -1);
        SOI_STATS_COUNT(stats, pool_rebuilt);
    }
    if (!c->pg) {
        soi_error *err = pool->open(pool->ctx, p, log, &c->pg);
        if (err) {
            c->pg = NULL;
            soi_pool_release(c);
            return err;
        }
        SOI_STATS_GAUGE(stats, pool_open, 1);
    }
    *out = c;
    return NULL;
}

void soi_pool_release(soi_conn *c)
{
    apr_pool_cleanup_run(c->holder, c, soi_slot_return);
}

void soi_pool_warm(soi_pool *pool, int n, apr_pool_t *tmp, const soi_log *log)
{
    soi_conn **held = apr_pcalloc(tmp, (apr_size_t)(n > 0 ? n : 1) * sizeof(*held));
    int got = 0;
    while (got < n && !soi_pool_acquire(pool, tmp, log, &held[got]))
        got++;
    for (int i = 0; i < got; i++)
        soi_pool_release(held[i]);
}
