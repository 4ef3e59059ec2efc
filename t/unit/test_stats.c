/* The status page's counters: buckets and percentiles of database time,
 * requests by status and scheme, and the table's slots: claimed, given
 * back, taken over from a process that died, with sums that keep what the
 * processes gone counted. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/soi_stats.h"
#include "tap.h"

int main(void)
{
    /* Buckets double from 125 us. */
    is_int(soi_stats_db_bucket(0), 0, "0 us: the first bucket");
    is_int(soi_stats_db_bucket(125), 0, "125 us: still the first");
    is_int(soi_stats_db_bucket(126), 1, "126 us: the second");
    is_int(soi_stats_db_bucket(1000), 3, "1 ms: at most 1000 us");
    is_int(soi_stats_db_bucket(APR_INT64_C(1) << 40), SOI_STATS_DB_BUCKETS - 1, "a very long time: the last bucket");
    ok(soi_stats_db_bound(0) == 125 && soi_stats_db_bound(3) == 1000
           && soi_stats_db_bound(SOI_STATS_DB_BUCKETS - 1) == 0,
       "bounds: 125, ..., 1000, ..., none for the last");

    soi_stats s;
    memset(&s, 0, sizeof(s));
    ok(soi_stats_db_percentile(&s, 0.5) == 0, "no database time yet: percentile 0");
    for (int i = 0; i < 98; i++)
        soi_stats_request(&s, 200, "Basic", 100);
    soi_stats_request(&s, 404, "SOTicket", 3000);
    soi_stats_request(&s, 418, NULL, 0);
    soi_stats_request(NULL, 200, "Basic", 100); /* no table: nothing happens */
    ok(s.requests == 100, "100 requests");
    ok(s.by_status[1] == 98 && soi_stats_status_of(1) == 200, "98 counted under 200");
    ok(s.by_status[0] == 1 && soi_stats_status_of(0) == 0, "418 counted as other");
    int c404 = 0;
    for (int i = 0; i < SOI_STATS_STATUSES; i++)
        if (soi_stats_status_of(i) == 404)
            c404 = i;
    ok(s.by_status[c404] == 1, "one 404");
    ok(s.by_scheme[1] == 98 && strcmp(soi_stats_scheme_of(1), "Basic") == 0, "98 by Basic");
    ok(s.by_scheme[2] == 1 && s.by_scheme[0] == 1, "one SOTicket, one without a scheme");
    ok(soi_stats_db_percentile(&s, 0.5) == 125 && soi_stats_db_percentile(&s, 0.99) == 4000,
       "p50 at most 125 us, p99 at most 4000 us (the request without database time does not count)");
    soi_stats *sp = &s; /* as the module holds its slot: by pointer */
    SOI_STATS_GAUGE(sp, pool_open, 3);
    SOI_STATS_GAUGE(sp, pool_open, -1);
    SOI_STATS_COUNT(sp, pool_waits);
    ok(s.pool_open == 2 && s.pool_waits == 1, "a gauge moves both ways, a counter grows");

    /* The table: slot 0 is for the processes gone. */
    soi_stats_table t = {3, calloc(3, sizeof(soi_stats))};
    soi_stats *a = soi_stats_claim(&t, (apr_uint32_t)getpid()), *b = soi_stats_claim(&t, (apr_uint32_t)getppid());
    ok(a == &t.slots[1] && b == &t.slots[2], "two live processes, two slots");
    ok(soi_stats_claim(&t, 1000002) == NULL, "a third finds none: a live process's slot is never taken");
    /* b's process dies without giving its slot back (1000001 is no process). */
    b->pid = 1000001;
    soi_stats_request(b, 200, "Basic", 100);
    SOI_STATS_GAUGE(b, pool_open, 2);
    soi_stats *c = soi_stats_claim(&t, 1000003);
    ok(c == b && c->pid == 1000003 && c->requests == 0 && c->pool_open == 0,
       "a dead process's slot is taken over, emptied");
    ok(t.slots[0].requests == 1 && t.slots[0].by_status[1] == 1 && t.slots[0].pool_open == 0,
       "its counters moved to the processes gone, its gauges not");
    soi_stats_request(a, 503, "Basic", 200);
    soi_stats_release(&t, a);
    ok(t.slots[1].pid == 0 && t.slots[1].requests == 0 && t.slots[0].requests == 2,
       "a slot given back: free and empty, its counters kept");
    ok(soi_stats_claim(&t, 1000004) == a, "and free for the next process");
    soi_stats sum;
    memset(&sum, 0, sizeof(sum));
    soi_stats_sum(&sum, &t.slots[0], 0);
    SOI_STATS_GAUGE(c, pool_max, 8);
    soi_stats_sum(&sum, c, 1);
    ok(sum.requests == 2 && sum.pool_max == 8, "the sum: every count, and the live gauges");
    free(t.slots);
    return done_testing();
}
