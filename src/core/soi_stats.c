#include "core/soi_stats.h"

#include <apr_atomic.h>
#include <errno.h>
#include <signal.h>
#include <string.h>

static const int soi_stats_statuses[SOI_STATS_STATUSES - 1] = {SOI_STATS_STATUS_LIST};
static const char *const soi_stats_schemes[SOI_STATS_SCHEMES] = {SOI_STATS_SCHEME_LIST};

int soi_stats_db_bucket(apr_interval_time_t t)
{
    int b = 0;
    for (apr_int64_t bound = SOI_STATS_DB_FIRST; b < SOI_STATS_DB_BUCKETS - 1 && t > bound; bound *= 2)
        b++;
    return b;
}

apr_int64_t soi_stats_db_bound(int bucket)
{
    return bucket >= SOI_STATS_DB_BUCKETS - 1 ? 0 : (apr_int64_t)SOI_STATS_DB_FIRST << bucket;
}

int soi_stats_status_of(int column)
{
    return column > 0 && column < SOI_STATS_STATUSES ? soi_stats_statuses[column - 1] : 0;
}

const char *soi_stats_scheme_of(int column)
{
    return column >= 0 && column < SOI_STATS_SCHEMES ? soi_stats_schemes[column] : "none";
}

void soi_stats_request(soi_stats *s, int status, const char *scheme, apr_interval_time_t db_time)
{
    int col = 0, sch = 0;
    if (!s)
        return;
    for (int i = 1; i < SOI_STATS_STATUSES && !col; i++)
        if (soi_stats_statuses[i - 1] == status)
            col = i;
    for (int i = 1; scheme && i < SOI_STATS_SCHEMES && !sch; i++)
        if (strcmp(soi_stats_schemes[i], scheme) == 0)
            sch = i;
    apr_atomic_inc64(&s->requests);
    apr_atomic_inc64(&s->by_status[col]);
    apr_atomic_inc64(&s->by_scheme[sch]);
    if (db_time > 0)
        apr_atomic_inc64(&s->db_time[soi_stats_db_bucket(db_time)]);
}

/* to[0..n) += from[0..n), each counter read atomically (a writer may be
 * adding to it), and added atomically into shared counters. */
static void soi_stats_move(apr_uint64_t *to, const apr_uint64_t *from, int n, int shared)
{
    for (int i = 0; i < n; i++) {
        apr_uint64_t v = apr_atomic_read64((volatile apr_uint64_t *)&from[i]);
        if (shared)
            apr_atomic_add64(&to[i], v);
        else
            to[i] += v;
    }
}

static void soi_stats_add_counters(soi_stats *sum, const soi_stats *a, int shared)
{
    soi_stats_move(&sum->pool_waits, &a->pool_waits, 1, shared);
    soi_stats_move(&sum->pool_timeouts, &a->pool_timeouts, 1, shared);
    soi_stats_move(&sum->pool_rebuilt, &a->pool_rebuilt, 1, shared);
    soi_stats_move(&sum->pool_joined, &a->pool_joined, 1, shared);
    soi_stats_move(&sum->cache_hits, &a->cache_hits, 1, shared);
    soi_stats_move(&sum->cache_misses, &a->cache_misses, 1, shared);
    soi_stats_move(&sum->requests, &a->requests, 1, shared);
    soi_stats_move(sum->by_status, a->by_status, SOI_STATS_STATUSES, shared);
    soi_stats_move(sum->by_scheme, a->by_scheme, SOI_STATS_SCHEMES, shared);
    soi_stats_move(sum->db_time, a->db_time, SOI_STATS_DB_BUCKETS, shared);
}

void soi_stats_sum(soi_stats *sum, const soi_stats *a, int gauges)
{
    soi_stats_add_counters(sum, a, 0);
    if (gauges) {
        sum->pool_max += apr_atomic_read32((volatile apr_uint32_t *)&a->pool_max);
        sum->pool_open += apr_atomic_read32((volatile apr_uint32_t *)&a->pool_open);
        sum->pool_busy += apr_atomic_read32((volatile apr_uint32_t *)&a->pool_busy);
        sum->cache_entries += apr_atomic_read32((volatile apr_uint32_t *)&a->cache_entries);
    }
}

apr_int64_t soi_stats_db_percentile(const soi_stats *s, double fraction)
{
    apr_uint64_t total = 0, seen = 0;
    for (int i = 0; i < SOI_STATS_DB_BUCKETS; i++)
        total += s->db_time[i];
    if (!total)
        return 0;
    for (int i = 0; i < SOI_STATS_DB_BUCKETS; i++) {
        seen += s->db_time[i];
        if ((double)seen >= fraction * (double)total)
            return i == SOI_STATS_DB_BUCKETS - 1 ? -1 : soi_stats_db_bound(i);
    }
    return -1;
}

/* A slot's counters go to the processes gone, and it is emptied for pid. */
static void soi_stats_retire(soi_stats_table *t, soi_stats *s, apr_uint32_t pid)
{
    soi_stats_add_counters(&t->slots[0], s, 1);
    memset((char *)s + sizeof(s->pid), 0, sizeof(*s) - sizeof(s->pid));
    apr_atomic_set32(&s->pid, pid);
}

soi_stats *soi_stats_claim(soi_stats_table *t, apr_uint32_t pid)
{
    if (!t || !pid)
        return NULL;
    for (int i = 1; i < t->n; i++) {
        if (apr_atomic_cas32(&t->slots[i].pid, pid, 0) == 0) {
            /* Empty already, unless its last owner moved a gauge after giving it back. */
            memset((char *)&t->slots[i] + sizeof(t->slots[i].pid), 0, sizeof(t->slots[i]) - sizeof(t->slots[i].pid));
            return &t->slots[i];
        }
    }
    /* None free: one whose process died without giving it back. */
    for (int i = 1; i < t->n; i++) {
        apr_uint32_t old = apr_atomic_read32(&t->slots[i].pid);
        if (old && kill((pid_t)old, 0) != 0 && errno == ESRCH && apr_atomic_cas32(&t->slots[i].pid, pid, old) == old) {
            soi_stats_retire(t, &t->slots[i], pid);
            return &t->slots[i];
        }
    }
    return NULL;
}

void soi_stats_release(soi_stats_table *t, soi_stats *s)
{
    if (t && s)
        soi_stats_retire(t, s, 0);
}
