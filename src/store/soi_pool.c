#include "store/soi_pool.h"

#include <apr_thread_mutex.h>
#include <errno.h>
#include <poll.h>
#include <semaphore.h>
#include <stdlib.h>
#include <time.h>

/* A caller waiting for a slot: queued in arrival order, and handed a slot
 * directly by whoever releases one, so that no later caller can take it
 * first. (apr_reslist signals a condition and lets every acquirer race for
 * the slot: under load some waiters lose again and again, and their requests
 * make the tail.)
 *
 * The handover is a semaphore on the waiter's stack, posted once, after the
 * releaser has let go of the pool's lock: the waiter wakes with its slot in
 * hand and needs the lock no more. (A condition must be signalled under the
 * lock, or the waiter could wake by its timeout, leave and take the
 * condition with it; woken under the lock, it at once blocks on that lock
 * again: two task switches per handover instead of one.) A waiter that was
 * handed a slot never leaves before it has taken that one post, so the
 * semaphore outlives every sem_post on it. */
typedef struct soi_waiter {
    struct soi_waiter *next;
    sem_t handed;
    soi_conn *slot; /* set by the releaser, under the lock, before it posts */
    void *job;      /* what a slot's holder may run for it, or NULL: it needs a slot of its own */
    int taken;      /* its job was taken, under the lock: the taker posts when it is done */
} soi_waiter;

struct soi_pool {
    apr_thread_mutex_t *lock;
    int max;
    int made;        /* slots made so far, at most max */
    int idle;        /* slots in idle[] */
    soi_conn **free; /* the idle slots, the most recently used last: taken first */
    soi_waiter *first, *last;
    apr_interval_time_t timeout; /* the longest a caller waits */
    soi_stats *stats;            /* this process's counters, or NULL */
    soi_pool_open_fn open;
    void *ctx;
};

static void soi_slot_close(soi_conn *c)
{
    if (c->pg) {
        SOI_STATS_GAUGE(c->pool->stats, pool_open, -1);
        PQfinish(c->pg);
        c->pg = NULL;
    }
}

/* The process is going: its idle connections are closed. A request still
 * holding one has had its pool (and with it the slot) given back before:
 * request pools are torn down before the process's own. */
static apr_status_t soi_pool_destroy(void *data)
{
    soi_pool *p = data;
    for (int i = 0; i < p->idle; i++) {
        soi_slot_close(p->free[i]);
        free(p->free[i]);
    }
    p->idle = 0;
    return APR_SUCCESS;
}

soi_pool *soi_pool_create(apr_pool_t *pchild, int max, apr_interval_time_t timeout, soi_pool_open_fn open, void *ctx,
                          soi_stats *stats, apr_status_t *rv)
{
    soi_pool *p = apr_pcalloc(pchild, sizeof(*p));
    p->open = open;
    p->ctx = ctx;
    p->max = max;
    p->timeout = timeout;
    p->stats = stats;
    p->free = apr_pcalloc(pchild, sizeof(*p->free) * (apr_size_t)(max > 0 ? max : 1));
    SOI_STATS_GAUGE(stats, pool_max, max);
    if ((*rv = apr_thread_mutex_create(&p->lock, APR_THREAD_MUTEX_DEFAULT, pchild)) != APR_SUCCESS)
        return NULL;
    apr_pool_cleanup_register(pchild, p, soi_pool_destroy, apr_pool_cleanup_null);
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

/* Waits for w's post until the monotonic deadline (NULL: for as long as it
 * takes). 0 when posted, else the errno (ETIMEDOUT). */
static int soi_handover_wait(soi_waiter *w, const struct timespec *until)
{
    for (;;) {
        if ((until ? sem_clockwait(&w->handed, CLOCK_MONOTONIC, until) : sem_wait(&w->handed)) == 0)
            return 0;
        if (errno != EINTR)
            return errno;
    }
}

/* Waits in the queue (entered with the lock held; returns with it released)
 * for the slot a release hands over, or, when it carries a job, for a
 * holder to run that job (*ran). NULL when the timeout passed first. */
static soi_conn *soi_slot_wait(soi_pool *pool, void *job, int *ran)
{
    soi_waiter w = {.next = NULL, .slot = NULL, .job = job, .taken = 0};
    struct timespec until;

    if (sem_init(&w.handed, 0, 0) != 0 || clock_gettime(CLOCK_MONOTONIC, &until) != 0) {
        apr_thread_mutex_unlock(pool->lock);
        return NULL;
    }
    apr_time_t deadline = apr_time_from_sec(until.tv_sec) + until.tv_nsec / 1000 + pool->timeout;
    until.tv_sec = (time_t)apr_time_sec(deadline);
    until.tv_nsec = (long)apr_time_usec(deadline) * 1000;
    if (pool->last)
        pool->last->next = &w;
    else
        pool->first = &w;
    pool->last = &w;
    apr_thread_mutex_unlock(pool->lock);

    if (soi_handover_wait(&w, &until) != 0) {
        apr_thread_mutex_lock(pool->lock);
        if (!w.slot && !w.taken) { /* out of the queue, which stays in order */
            soi_waiter **at = &pool->first, *prev = NULL;
            while (*at != &w) {
                prev = *at;
                at = &(*at)->next;
            }
            *at = w.next;
            if (pool->last == &w)
                pool->last = prev;
        }
        apr_thread_mutex_unlock(pool->lock);
        /* Handed a slot, or its job taken, as the timeout passed: the post
         * is on its way (a taken job's within the statement's own timeout). */
        if (w.slot || w.taken)
            soi_handover_wait(&w, NULL);
    }
    sem_destroy(&w.handed);
    *ran = w.taken;
    return w.slot;
}

/* A slot for the caller: an idle one, a new one while fewer than max
 * exist, or, after waiting its turn, the one the next release hands over.
 * NULL when the timeout passed first. */
static soi_conn *soi_slot_take(soi_pool *pool, void *job, int *ran)
{
    soi_conn *c = NULL;

    apr_thread_mutex_lock(pool->lock);
    if (!pool->first && pool->idle > 0) {
        c = pool->free[--pool->idle];
    } else if (!pool->first && pool->made < pool->max) {
        c = calloc(1, sizeof(*c));
        pool->made += c != NULL;
    } else {
        SOI_STATS_COUNT(pool->stats, pool_waits);
        return soi_slot_wait(pool, job, ran);
    }
    apr_thread_mutex_unlock(pool->lock);
    return c;
}

static apr_status_t soi_slot_return(void *data)
{
    soi_conn *c = data;
    soi_pool *pool = c->pool;
    if (c->pg && (c->broken || PQstatus(c->pg) != CONNECTION_OK || PQtransactionStatus(c->pg) != PQTRANS_IDLE))
        soi_slot_close(c);
    SOI_STATS_GAUGE(pool->stats, pool_busy, -1);
    c->broken = 0;
    c->holder = NULL;
    apr_thread_mutex_lock(pool->lock);
    soi_waiter *w = pool->first;
    if (w) { /* straight to the longest waiting */
        pool->first = w->next;
        if (!pool->first)
            pool->last = NULL;
        w->slot = c;
    } else {
        pool->free[pool->idle++] = c;
    }
    apr_thread_mutex_unlock(pool->lock);
    if (w)
        sem_post(&w->handed);
    return APR_SUCCESS;
}

soi_error *soi_pool_acquire_or_join(soi_pool *pool, apr_pool_t *p, const soi_log *log, void *job, soi_conn **out,
                                    int *ran)
{
    soi_stats *stats = pool->stats;
    soi_conn *c = soi_slot_take(pool, job, ran);

    *out = NULL;
    if (*ran)
        return NULL;
    if (!c) {
        SOI_STATS_COUNT(stats, pool_timeouts);
        return soi_error_server(p, SOI_MSG_UNAVAILABLE,
                                "all connections of SoImageInfoPool are in use and none came free within the "
                                "acquire timeout; raise the pool maximum (within PostgreSQL's max_connections) or "
                                "the timeout");
    }
    c->pool = pool;
    c->holder = p;
    c->broken = 0;
    SOI_STATS_GAUGE(stats, pool_busy, 1);
    apr_pool_cleanup_register(p, c, soi_slot_return, apr_pool_cleanup_null);
    if (c->pg && !soi_conn_fresh(c->pg)) {
        soi_log_write(log, p, SOI_LOG_DEBUG, SOILOGNO(0108) "discarding a connection the server closed");
        soi_slot_close(c);
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

soi_error *soi_pool_acquire(soi_pool *pool, apr_pool_t *p, const soi_log *log, soi_conn **out)
{
    int ran = 0;
    return soi_pool_acquire_or_join(pool, p, log, NULL, out, &ran);
}

int soi_pool_take_jobs(soi_conn *c, int max, soi_pool_job **jobs)
{
    soi_pool *pool = c->pool;
    int n = 0;

    apr_thread_mutex_lock(pool->lock);
    while (n < max && pool->first && pool->first->job) {
        soi_waiter *w = pool->first;
        pool->first = w->next;
        if (!pool->first)
            pool->last = NULL;
        w->taken = 1;
        jobs[n++] = w;
    }
    apr_thread_mutex_unlock(pool->lock);
    if (n)
        SOI_STATS_ADD(pool->stats, pool_joined, n);
    return n;
}

void *soi_pool_job_arg(const soi_pool_job *j)
{
    return j->job;
}

void soi_pool_job_done(soi_pool_job *j)
{
    sem_post(&j->handed);
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
