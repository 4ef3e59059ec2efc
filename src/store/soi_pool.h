/* The per-process connection pool. It hands out slots, not connections:
 * a slot's connection is opened by the thread that acquired it, outside the
 * pool's lock, so one slow or blackholed database host delays only the
 * requests that wait for it, never the whole process past the pool's
 * timeout. Callers that find every slot taken wait in arrival order and are
 * handed a slot by the release, first come, first served; a caller that
 * waits with a job may instead have it run by a holder, in the holder's
 * round trip. A broken connection is closed and its slot goes back empty,
 * to be filled again by the next acquirer. */
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

/* A caller waiting with a statement that the holder of a slot may run for
 * it, in the holder's own round trip (soi_pool_take_jobs). */
typedef struct soi_waiter soi_pool_job;

/* As soi_pool_acquire, for a caller with one statement to run (job, the
 * caller's own description of it). When every slot is taken, the caller
 * waits in the queue as any other, but a holder of a slot may take its job
 * and run it: *ran is then set, *out is NULL, and the job holds its answer.
 * Otherwise the caller holds a slot as with soi_pool_acquire. */
soi_error *soi_pool_acquire_or_join(soi_pool *pool, apr_pool_t *p, const soi_log *log, void *job, soi_conn **out,
                                    int *ran);

/* Takes the jobs of up to max callers at the head of the queue (up to the
 * first that needs a slot of its own, which keeps its place) for the holder
 * of c to run. Each taken caller waits, however long its timeout, until
 * soi_pool_job_done is called for it. */
int soi_pool_take_jobs(soi_conn *c, int max, soi_pool_job **jobs);

/* The job a taken caller waits with, and the call that wakes it once the
 * job holds its answer (after which the job is the caller's again). */
void *soi_pool_job_arg(const soi_pool_job *j);
void soi_pool_job_done(soi_pool_job *j);

/* Gives the slot back. Its connection stays open for the next caller only
 * when it is healthy, idle (no transaction open) and not marked broken. */
void soi_pool_release(soi_conn *c);

#endif
