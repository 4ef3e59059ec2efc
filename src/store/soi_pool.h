/* The per-process connection pool. It hands out slots, not connections:
 * a slot's connection is opened by the thread that acquired it, outside the
 * pool's lock, so one slow or blackholed database host delays only the
 * requests that wait for it, never the whole process past the pool's
 * timeout. Callers that find every slot taken wait in arrival order and are
 * handed a slot by the release, first come, first served. A broken
 * connection is closed and its slot goes back empty, to be filled again by
 * the next acquirer. */
#ifndef SOI_POOL_H
#define SOI_POOL_H

#include <apr_pools.h>
#include <libpq-fe.h>

#include "core/soi_error.h"
#include "core/soi_log.h"
#include "core/soi_stats.h"

typedef struct soi_pool soi_pool;

/* A slot of the pool, held by one caller at a time. */
typedef struct {
    PGconn *pg;         /* NULL while empty */
    soi_pool *pool;     /* the pool it belongs to */
    apr_pool_t *holder; /* the pool of the caller that holds it */
    int broken;         /* close the connection on release */
} soi_conn;

/* Opens a connection ready for use (settings made, statements prepared),
 * or returns the 503 saying why not (after logging it through log). */
typedef soi_error *(*soi_pool_open_fn)(void *ctx, apr_pool_t *pool, const soi_log *log, PGconn **out);

/* A pool of at most max connections in pchild; acquiring waits at most
 * timeout. Its sizes, waits, time-outs and replaced connections are kept in
 * stats (NULL: nowhere). NULL with *rv on failure. */
soi_pool *soi_pool_create(apr_pool_t *pchild, int max, apr_interval_time_t timeout, soi_pool_open_fn open, void *ctx,
                          soi_stats *stats, apr_status_t *rv);

/* Opens up to n connections now and returns them to the pool. */
void soi_pool_warm(soi_pool *pool, int n, apr_pool_t *tmp, const soi_log *log);

/* A connection for the caller's exclusive use: an idle one that the server
 * has not closed meanwhile, or a new one. A 503 when no slot came free
 * within the timeout or no connection could be opened. The slot goes back
 * at the latest when p is cleared: a process stopped in the middle of a
 * request tears its request pools down before the pool itself. */
soi_error *soi_pool_acquire(soi_pool *pool, apr_pool_t *p, const soi_log *log, soi_conn **out);

/* Gives the slot back. Its connection stays open for the next caller only
 * when it is healthy, idle (no transaction open) and not marked broken. */
void soi_pool_release(soi_conn *c);

#endif
