/* Counters a status page shows: one block per httpd process in memory
 * that every process shares (the status page reads all of them), written
 * by that process's threads with atomic operations only, never a lock.
 * Gauges (what is now) are set or moved up and down; counters only grow.
 * A process that ends adds its counters to a block of their own (the
 * processes gone), so sums survive it. */
#ifndef SOI_STATS_H
#define SOI_STATS_H

#include <apr.h>
#include <apr_atomic.h>

/* Statuses counted one by one; the rest count as "other". */
#define SOI_STATS_STATUS_LIST 200, 204, 206, 304, 400, 401, 403, 404, 405, 406, 409, 412, 413, 415, 416, 500, 501, 503
#define SOI_STATS_STATUSES 19
/* Schemes: none (refused before one was known), then by name. */
#define SOI_STATS_SCHEME_LIST "none", "Basic", "SOTicket", "Bearer", "Cookie", "Apache"
#define SOI_STATS_SCHEMES 6
/* Database time per request, in buckets whose upper bounds double from
 * 125 us: 125, 250, 500 us, ... 2 s, and above. */
#define SOI_STATS_DB_BUCKETS 16
#define SOI_STATS_DB_FIRST 125

typedef struct {
    apr_uint32_t pid;           /* the process; 0: free */
    apr_uint32_t pool_max;      /* connections it may hold */
    apr_uint32_t pool_open;     /* connections open */
    apr_uint32_t pool_busy;     /* of those, held by a request */
    apr_uint64_t pool_waits;    /* acquisitions that found every connection busy */
    apr_uint64_t pool_timeouts; /* of those, given up: a 503 */
    apr_uint64_t pool_rebuilt;  /* connections found dead and replaced */
    apr_uint64_t pool_joined;   /* of the waits, statements run in another request's round trip */
    apr_uint32_t cache_entries; /* logins the cache holds */
    apr_uint64_t cache_hits, cache_misses;
    apr_uint64_t requests;
    apr_uint64_t by_status[SOI_STATS_STATUSES];
    apr_uint64_t by_scheme[SOI_STATS_SCHEMES];
    apr_uint64_t db_time[SOI_STATS_DB_BUCKETS]; /* requests that used the database, by its time */
} soi_stats;

/* Updates of one field of s, which may be NULL (no status page). */
#define SOI_STATS_ADD(s, field, n)                                                                                     \
    do {                                                                                                               \
        if (s)                                                                                                         \
            apr_atomic_add64(&(s)->field, (apr_uint64_t)(n));                                                          \
    } while (0)
#define SOI_STATS_COUNT(s, field) SOI_STATS_ADD(s, field, 1)
#define SOI_STATS_GAUGE(s, field, delta)                                                                               \
    do {                                                                                                               \
        if (s)                                                                                                         \
            apr_atomic_add32(&(s)->field, (apr_uint32_t)(delta));                                                      \
    } while (0)

/* A finished request: its status, scheme (NULL: none) and database time. */
void soi_stats_request(soi_stats *s, int status, const char *scheme, apr_interval_time_t db_time);

/* The bucket of a database time, and a bucket's upper bound in us
 * (0 for the last, which has none). */
int soi_stats_db_bucket(apr_interval_time_t t);
apr_int64_t soi_stats_db_bound(int bucket);

/* The status and scheme of a column. */
int soi_stats_status_of(int column); /* 0 for "other" */
const char *soi_stats_scheme_of(int column);

/* sum += a's counters (and, with gauges, its gauges): for totals. */
void soi_stats_sum(soi_stats *sum, const soi_stats *a, int gauges);

/* The upper bound (us) of the bucket below which fraction (0..1) of the
 * database times lie; 0 when there are none, -1 when above the last bound. */
apr_int64_t soi_stats_db_percentile(const soi_stats *s, double fraction);

/* The table in shared memory: slots[0] is the processes gone, the others
 * one per live process. */
typedef struct {
    int n;
    soi_stats *slots;
} soi_stats_table;

/* Claims a slot for pid (a free one, or one whose process has died, whose
 * counters it first moves to slots[0]); NULL when every slot is taken. */
soi_stats *soi_stats_claim(soi_stats_table *t, apr_uint32_t pid);

/* Gives a slot back when its process ends: counters to slots[0]. */
void soi_stats_release(soi_stats_table *t, soi_stats *s);

#endif
