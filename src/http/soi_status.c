#include "http/soi_status.h"

#include <ap_mpm.h>
#include <apr_shm.h>
#include <apr_strings.h>
#include <http_protocol.h>
#include <mod_status.h>
#include <unistd.h>

#define SOI_STATUS_KEY "soimageinfo-stats"

soi_stats_table *soi_status_table(server_rec *s)
{
    int limit = 0;
    soi_stats_table *t = ap_retained_data_get(SOI_STATUS_KEY);
    apr_shm_t *shm;

    ap_mpm_query(AP_MPMQ_HARD_LIMIT_DAEMONS, &limit);
    if (limit < 1)
        limit = 1;
    /* Kept across graceful restarts (the counters go on) unless the number
     * of processes the MPM may run has changed. */
    if (t && t->n == limit + 1)
        return t;
    t = ap_retained_data_create(SOI_STATUS_KEY, sizeof(*t));
    if (apr_shm_create(&shm, (apr_size_t)(limit + 1) * sizeof(soi_stats), NULL, s->process->pool) != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s,
                     SOILOGNO(0111) "cannot create the shared memory of the status page for ServerLimit %d; "
                                    "soimageinfo-status will show nothing: lower ServerLimit, or allow more "
                                    "shared memory",
                     limit);
        t->n = 0;
        return t;
    }
    t->slots = apr_shm_baseaddr_get(shm);
    memset(t->slots, 0, (apr_size_t)(limit + 1) * sizeof(soi_stats));
    t->n = limit + 1;
    return t;
}

static apr_status_t soi_status_release(void *data)
{
    soi_stats_table *t = ap_retained_data_get(SOI_STATUS_KEY);
    soi_stats_release(t, data);
    return APR_SUCCESS;
}

soi_stats *soi_status_claim(soi_stats_table *t, apr_pool_t *pchild, server_rec *s)
{
    soi_stats *mine = t && t->n ? soi_stats_claim(t, (apr_uint32_t)getpid()) : NULL;
    if (mine)
        apr_pool_cleanup_register(pchild, mine, soi_status_release, apr_pool_cleanup_null);
    else if (t && t->n)
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, s,
                     SOILOGNO(0112) "no free slot for this process on the status page (ServerLimit processes are "
                                    "running already); its requests are not counted until httpd restarts");
    return mine;
}

/* ---- rendering ----------------------------------------------------------------- */

typedef struct {
    request_rec *r;
    int text; /* ?auto or server-status?auto */
} soi_page;

static double soi_hit_rate(const soi_stats *s)
{
    apr_uint64_t all = s->cache_hits + s->cache_misses;
    return all ? (double)s->cache_hits / (double)all : 0.0;
}

static const char *soi_percentile(apr_pool_t *p, const soi_stats *s, double f)
{
    apr_int64_t v = soi_stats_db_percentile(s, f);
    if (v < 0)
        return apr_psprintf(p, ">%" APR_INT64_T_FMT, soi_stats_db_bound(SOI_STATS_DB_BUCKETS - 2));
    return apr_psprintf(p, "%" APR_INT64_T_FMT, v);
}

/* One process (pid), or the sum (pid 0): a line of text or a table row. */
static void soi_process_row(const soi_page *pg, const soi_stats *s, apr_uint32_t pid)
{
    apr_uint32_t idle = s->pool_open > s->pool_busy ? s->pool_open - s->pool_busy : 0;
    const char *who = pid ? apr_psprintf(pg->r->pool, "%u", pid) : "all";
    if (pg->text) {
        ap_rprintf(pg->r,
                   "SoImageInfoProcess: %s pool %u open %u busy %u idle %u waits %" APR_UINT64_T_FMT
                   " joined %" APR_UINT64_T_FMT " timeouts %" APR_UINT64_T_FMT " rebuilt %" APR_UINT64_T_FMT
                   " cache %u hits %" APR_UINT64_T_FMT " misses %" APR_UINT64_T_FMT " requests %" APR_UINT64_T_FMT "\n",
                   who, s->pool_max, s->pool_open, s->pool_busy, idle, s->pool_waits, s->pool_joined, s->pool_timeouts,
                   s->pool_rebuilt, s->cache_entries, s->cache_hits, s->cache_misses, s->requests);
        return;
    }
    ap_rprintf(pg->r,
               "<tr><td>%s</td><td>%u</td><td>%u</td><td>%u</td><td>%u</td><td>%" APR_UINT64_T_FMT
               "</td><td>%" APR_UINT64_T_FMT "</td><td>%" APR_UINT64_T_FMT "</td><td>%" APR_UINT64_T_FMT
               "</td><td>%u</td><td>%.1f%%</td><td>%" APR_UINT64_T_FMT "</td></tr>\n",
               who, s->pool_max, s->pool_open, s->pool_busy, idle, s->pool_waits, s->pool_joined, s->pool_timeouts,
               s->pool_rebuilt, s->cache_entries, 100.0 * soi_hit_rate(s), s->requests);
}

/* The sum of every process, and then each live one. */
static void soi_render(const soi_page *pg, const soi_stats_table *t)
{
    request_rec *r = pg->r;
    soi_stats sum;
    int live = 0;

    memset(&sum, 0, sizeof(sum));
    if (t && t->n)
        soi_stats_sum(&sum, &t->slots[0], 0);
    for (int i = 1; t && i < t->n; i++) {
        if (apr_atomic_read32((volatile apr_uint32_t *)&t->slots[i].pid)) {
            soi_stats_sum(&sum, &t->slots[i], 1);
            live++;
        }
    }
    apr_uint32_t idle = sum.pool_open > sum.pool_busy ? sum.pool_open - sum.pool_busy : 0;
    if (pg->text) {
        ap_rprintf(r, "SoImageInfoProcesses: %d\n", live);
        ap_rprintf(r, "SoImageInfoPoolSize: %u\nSoImageInfoPoolOpen: %u\nSoImageInfoPoolInUse: %u\n", sum.pool_max,
                   sum.pool_open, sum.pool_busy);
        ap_rprintf(r, "SoImageInfoPoolIdle: %u\n", idle);
        ap_rprintf(r,
                   "SoImageInfoPoolWaits: %" APR_UINT64_T_FMT "\nSoImageInfoPoolJoined: %" APR_UINT64_T_FMT
                   "\nSoImageInfoPoolTimeouts: %" APR_UINT64_T_FMT "\nSoImageInfoConnectionsRebuilt: %" APR_UINT64_T_FMT
                   "\n",
                   sum.pool_waits, sum.pool_joined, sum.pool_timeouts, sum.pool_rebuilt);
        ap_rprintf(r,
                   "SoImageInfoLoginCacheEntries: %u\nSoImageInfoLoginCacheHits: %" APR_UINT64_T_FMT
                   "\nSoImageInfoLoginCacheMisses: %" APR_UINT64_T_FMT "\nSoImageInfoLoginCacheHitRate: %.3f\n",
                   sum.cache_entries, sum.cache_hits, sum.cache_misses, soi_hit_rate(&sum));
        ap_rprintf(r, "SoImageInfoRequests: %" APR_UINT64_T_FMT "\n", sum.requests);
        for (int i = 0; i < SOI_STATS_STATUSES; i++) {
            int st = soi_stats_status_of(i);
            ap_rprintf(r, "SoImageInfoStatus%s: %" APR_UINT64_T_FMT "\n", st ? apr_itoa(r->pool, st) : "Other",
                       sum.by_status[i]);
        }
        for (int i = 0; i < SOI_STATS_SCHEMES; i++)
            ap_rprintf(r, "SoImageInfoScheme%s: %" APR_UINT64_T_FMT "\n", i ? soi_stats_scheme_of(i) : "None",
                       sum.by_scheme[i]);
        ap_rprintf(r, "SoImageInfoDatabaseMicrosecondsP50: %s\nSoImageInfoDatabaseMicrosecondsP90: %s\n",
                   soi_percentile(r->pool, &sum, 0.5), soi_percentile(r->pool, &sum, 0.9));
        ap_rprintf(r, "SoImageInfoDatabaseMicrosecondsP99: %s\n", soi_percentile(r->pool, &sum, 0.99));
        soi_process_row(pg, &sum, 0);
        for (int i = 1; t && i < t->n; i++) {
            apr_uint32_t pid = apr_atomic_read32((volatile apr_uint32_t *)&t->slots[i].pid);
            if (pid)
                soi_process_row(pg, &t->slots[i], pid);
        }
        return;
    }
    ap_rputs("<h2>mod_soimageinfo</h2>\n<table border=\"1\"><tr><th>process</th><th>pool size</th><th>open</th>"
             "<th>in use</th><th>idle</th><th>waits</th><th>joined</th><th>time-outs</th><th>rebuilt</th><th>login "
             "cache</th>"
             "<th>hit rate</th><th>requests</th></tr>\n",
             r);
    soi_process_row(pg, &sum, 0);
    for (int i = 1; t && i < t->n; i++) {
        apr_uint32_t pid = apr_atomic_read32((volatile apr_uint32_t *)&t->slots[i].pid);
        if (pid)
            soi_process_row(pg, &t->slots[i], pid);
    }
    ap_rputs("</table>\n<table border=\"1\"><tr><th>status</th><th>requests</th></tr>\n", r);
    for (int i = 0; i < SOI_STATS_STATUSES; i++) {
        int st = soi_stats_status_of(i);
        ap_rprintf(r, "<tr><td>%s</td><td>%" APR_UINT64_T_FMT "</td></tr>\n", st ? apr_itoa(r->pool, st) : "other",
                   sum.by_status[i]);
    }
    ap_rputs("</table>\n<table border=\"1\"><tr><th>scheme</th><th>requests</th></tr>\n", r);
    for (int i = 0; i < SOI_STATS_SCHEMES; i++)
        ap_rprintf(r, "<tr><td>%s</td><td>%" APR_UINT64_T_FMT "</td></tr>\n", soi_stats_scheme_of(i), sum.by_scheme[i]);
    ap_rprintf(r,
               "</table>\n<p>Database time per request (us, at most): p50 %s, p90 %s, p99 %s; processes gone "
               "are in the sums.</p>\n",
               ap_escape_html(r->pool, soi_percentile(r->pool, &sum, 0.5)),
               ap_escape_html(r->pool, soi_percentile(r->pool, &sum, 0.9)),
               ap_escape_html(r->pool, soi_percentile(r->pool, &sum, 0.99)));
}

int soi_status_page(request_rec *r, const soi_stats_table *t)
{
    soi_page pg = {r, r->args && strcmp(r->args, "auto") == 0};

    if (r->method_number != M_GET)
        return HTTP_METHOD_NOT_ALLOWED;
    ap_set_content_type(r, pg.text ? "text/plain; charset=utf-8" : "text/html; charset=utf-8");
    apr_table_setn(r->headers_out, "Cache-Control", "no-cache");
    if (r->header_only)
        return OK;
    if (!pg.text)
        ap_rputs(DOCTYPE_HTML_4_01 "<html><head><title>mod_soimageinfo status</title></head><body>\n", r);
    soi_render(&pg, t);
    if (!pg.text)
        ap_rputs("</body></html>\n", r);
    return OK;
}

static int soi_status_hook(request_rec *r, int flags)
{
    soi_page pg = {r, (flags & AP_STATUS_SHORT) != 0};
    soi_render(&pg, ap_retained_data_get(SOI_STATUS_KEY));
    return OK;
}

void soi_status_register(void)
{
    APR_OPTIONAL_HOOK(ap, status_hook, soi_status_hook, NULL, NULL, APR_HOOK_MIDDLE);
}
