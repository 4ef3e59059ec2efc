#include "store/soi_store.h"

#include <ap_mpm.h>
#include <apr_atomic.h>
#include <apr_strings.h>
#include <libpq-fe.h>
#include <poll.h>
#include <string.h>

struct soi_lease {
    soi_backend *backend;
    PGconn *pg;
    int broken; /* never hand it back: invalidate instead */
};

enum { SOI_STMT_LOGIN, SOI_STMT_GET, SOI_STMT_PUT, SOI_STMT_LOCK, SOI_STMT_COUNT };

static const struct {
    const char *name;
    const char *sql;
} soi_statements[SOI_STMT_COUNT] = {
    {"soi_login", "SELECT associate_id, password_hash, blob_rights FROM associate WHERE name = $1 AND deleted = 0"},
    {"soi_get", "SELECT * FROM soi_imageinfo_get($1, $2, $3)"},
    {"soi_put", "SELECT * FROM soi_imageinfo_put($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"},
    {"soi_lock", "SELECT * FROM soi_imageinfo_lock($1, $2, $3)"},
};

/* Logs an outage at most once per 10 seconds per process: the first request
 * tells the sysadmin, the next thousand do not repeat it. */
int soi_backend_alarm(soi_backend *b)
{
    apr_uint32_t now = (apr_uint32_t)apr_time_sec(apr_time_now());
    apr_uint32_t until = apr_atomic_read32(&b->quiet_until);
    return now >= until && apr_atomic_cas32(&b->quiet_until, now + 10, until) == until;
}

static void soi_notice(void *arg, const char *message)
{
    soi_backend *b = arg;
    ap_log_error(APLOG_MARK, APLOG_DEBUG, 0, b->server, SOILOGNO(0101) "PostgreSQL says: %s", message);
}

/* libpq's messages end in a newline and may hold more ("\n\tIs the server
 * running..."): one line for the error log. */
static const char *soi_pq_text(apr_pool_t *pool, const char *msg)
{
    char *out = apr_pstrdup(pool, msg ? msg : "");
    for (char *c = out; *c; c++) {
        if (*c == '\n' || *c == '\t' || *c == '\r')
            *c = ' ';
    }
    apr_size_t n = strlen(out);
    while (n > 0 && out[n - 1] == ' ')
        out[--n] = '\0';
    return out;
}

/* ---- the pool ---------------------------------------------------------- */

static apr_status_t soi_conn_construct(void **resource, void *params, apr_pool_t *pool)
{
    soi_backend *b = params;
    /* Keys before dbname are defaults the conninfo may override; keys after
     * it are forced: the module reads and writes UTF-8. */
    const char *const keys[] = {"fallback_application_name", "connect_timeout", "dbname", "client_encoding", NULL};
    const char *const vals[] = {"mod_soimageinfo", "5", b->conninfo, "UTF8", NULL};
    PGconn *pg = PQconnectdbParams(keys, vals, 1);

    if (!pg || PQstatus(pg) != CONNECTION_OK) {
        if (soi_backend_alarm(b))
            ap_log_error(APLOG_MARK, APLOG_ERR, 0, b->server,
                         SOILOGNO(0102) "cannot connect to PostgreSQL with SoImageInfoDatabase \"%s\": %s; check "
                                        "that the server is running and reachable from this host, and that "
                                        "pg_hba.conf admits this user",
                         soi_config_redact(pool, b->conninfo),
                         pg ? soi_pq_text(pool, PQerrorMessage(pg)) : "out of memory");
        PQfinish(pg);
        return APR_ECONNREFUSED;
    }
    PQsetNoticeProcessor(pg, soi_notice, b);

    for (int i = 0; i < SOI_STMT_COUNT; i++) {
        PGresult *res = PQprepare(pg, soi_statements[i].name, soi_statements[i].sql, 0, NULL);
        int ok = PQresultStatus(res) == PGRES_COMMAND_OK;
        if (!ok && soi_backend_alarm(b))
            ap_log_error(APLOG_MARK, APLOG_ERR, 0, b->server,
                         SOILOGNO(0103) "the database of SoImageInfoDatabase \"%s\" lacks what the module needs "
                                        "(%s); load conf/schema.sql of this release into it",
                         soi_config_redact(pool, b->conninfo), soi_pq_text(pool, PQresultErrorMessage(res)));
        PQclear(res);
        if (!ok) {
            PQfinish(pg);
            return APR_EGENERAL;
        }
    }
    *resource = pg;
    return APR_SUCCESS;
}

static apr_status_t soi_conn_destruct(void *resource, void *params, apr_pool_t *pool)
{
    PQfinish(resource);
    return APR_SUCCESS;
}

static int soi_backend_same(const soi_backend *b, const soi_srv_conf *c)
{
    return strcmp(b->conninfo, c->conninfo) == 0 && b->pool_min == c->pool_min && b->pool_max == c->pool_max
           && b->pool_timeout == c->pool_timeout && b->cache_entries == c->cache_entries
           && b->cache_ttl == c->cache_ttl;
}

soi_backend *soi_backend_for(apr_pool_t *pconf, server_rec *s, const soi_srv_conf *c, apr_array_header_t *known)
{
    soi_srv_conf eff = *c;
    if (!c->conninfo)
        return NULL;
    if (eff.pool_min < 0) {
        eff.pool_min = 0;
        eff.pool_max = 0;
        eff.pool_timeout = SOI_DEFAULT_POOL_TIMEOUT;
    }
    if (eff.cache_entries < 0) {
        eff.cache_entries = SOI_DEFAULT_CACHE_ENTRIES;
        eff.cache_ttl = SOI_DEFAULT_CACHE_TTL;
    }
    for (int i = 0; i < known->nelts; i++) {
        soi_backend *b = APR_ARRAY_IDX(known, i, soi_backend *);
        if (soi_backend_same(b, &eff))
            return b;
    }
    soi_backend *b = apr_pcalloc(pconf, sizeof(*b));
    b->conninfo = eff.conninfo;
    b->pool_min = eff.pool_min;
    b->pool_max = eff.pool_max;
    b->pool_timeout = eff.pool_timeout;
    b->cache_entries = eff.cache_entries;
    b->cache_ttl = eff.cache_ttl;
    b->server = s;
    APR_ARRAY_PUSH(known, soi_backend *) = b;
    return b;
}

void soi_backend_child_init(soi_backend *b, apr_pool_t *pchild)
{
    apr_status_t rv;
    int threads = 1, max = b->pool_max, min = b->pool_min;

    if (max == 0) {
        /* Not more than the worker threads, and not more than a few: a
         * database does best with few busy connections (bench/: 8 per process
         * served a third more requests than one per thread), and a request
         * waits for a free connection far less than a query takes. */
        if (ap_mpm_query(AP_MPMQ_MAX_THREADS, &threads) != APR_SUCCESS || threads < 1)
            threads = 1;
        max = threads < SOI_DEFAULT_POOL_MAX ? threads : SOI_DEFAULT_POOL_MAX;
    }
    if (min > max)
        min = max;
    b->pool_size = max;

    /* The pool lives in pchild itself, not in a sub-pool: a child told to
     * stop in the middle of a request (prefork) destroys pchild's sub-pools,
     * the request's among them, before pchild's own cleanups, so every
     * connection is back when the reslist is torn down (it aborts if not). */
    rv = apr_reslist_create(&b->reslist, min, max, max, 0, soi_conn_construct, soi_conn_destruct, b, pchild);
    if (rv != APR_SUCCESS && min > 0) {
        ap_log_error(APLOG_MARK, APLOG_WARNING, rv, b->server,
                     SOILOGNO(0104) "could not open the %d initial connection(s) of SoImageInfoPool; starting "
                                    "with none, requests connect on demand",
                     min);
        rv = apr_reslist_create(&b->reslist, 0, max, max, 0, soi_conn_construct, soi_conn_destruct, b, pchild);
    }
    if (rv != APR_SUCCESS) {
        b->reslist = NULL;
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, b->server, SOILOGNO(0105) "cannot create the connection pool");
        return;
    }
    apr_reslist_timeout_set(b->reslist, b->pool_timeout);

    b->creds = soi_credcache_create(pchild, b->cache_entries, b->cache_ttl, &rv);
    if (b->cache_entries > 0 && !b->creds)
        ap_log_error(APLOG_MARK, APLOG_WARNING, rv, b->server,
                     SOILOGNO(0106) "cannot create the login cache of SoImageInfoAuthCache; every request will "
                                    "verify its password");
}

void soi_backend_ping(soi_backend *b, apr_pool_t *ptemp)
{
    const char *const keys[] = {"connect_timeout", "dbname", NULL};
    const char *const vals[] = {"3", b->conninfo, NULL};
    if (PQpingParams(keys, vals, 1) != PQPING_OK)
        ap_log_error(APLOG_MARK, APLOG_WARNING, 0, b->server,
                     SOILOGNO(0107) "PostgreSQL does not answer at SoImageInfoDatabase \"%s\"; starting anyway, "
                                    "requests will get 503 until it does",
                     soi_config_redact(ptemp, b->conninfo));
}

/* ---- leases: one connection per request ------------------------------- */

static apr_status_t soi_lease_end(void *data)
{
    soi_lease *l = data;
    PGconn *pg = l->pg;

    PGTransactionStatusType tx = PQtransactionStatus(pg);

    if (!l->broken && (tx == PQTRANS_INTRANS || tx == PQTRANS_INERROR)) {
        /* A request that stopped inside a transaction must not leave it open. */
        PGresult *res = PQexec(pg, "ROLLBACK");
        l->broken = PQresultStatus(res) != PGRES_COMMAND_OK;
        PQclear(res);
    } else if (tx != PQTRANS_IDLE) {
        /* A statement still running (the child is being stopped mid-request):
         * the connection's state is unknown, so it goes. */
        l->broken = 1;
    }
    if (l->broken || PQstatus(pg) != CONNECTION_OK)
        apr_reslist_invalidate(l->backend->reslist, pg);
    else
        apr_reslist_release(l->backend->reslist, pg);
    return APR_SUCCESS;
}

/* An idle connection has nothing to say. If its socket is readable, the
 * server has sent a termination notice or closed it (a restart, an idle
 * timeout): such a connection is discarded before any statement is risked. */
static int soi_conn_fresh(PGconn *pg)
{
    struct pollfd p = {PQsocket(pg), POLLIN, 0};
    if (PQstatus(pg) != CONNECTION_OK || p.fd < 0)
        return 0;
    return poll(&p, 1, 0) == 0;
}

static soi_error *soi_store_lease(soi_req *q)
{
    soi_backend *b = q->backend;
    request_rec *r = q->r;

    if (q->lease)
        return NULL;
    if (!b || !b->reslist)
        return soi_error_server(r->pool, SOI_MSG_UNAVAILABLE,
                                "no connection pool in this process: set SoImageInfoDatabase for this server "
                                "(see the error log at start-up)");
    /* Each stale connection found is discarded; more than the pool holds
     * cannot be stale. */
    for (int tries = 0; tries <= b->pool_size; tries++) {
        void *res;
        apr_status_t rv = apr_reslist_acquire(b->reslist, &res);
        if (APR_STATUS_IS_TIMEUP(rv) || APR_STATUS_IS_EAGAIN(rv))
            return soi_error_server(r->pool, SOI_MSG_UNAVAILABLE,
                                    "all connections of SoImageInfoPool are in use and none came free within the "
                                    "acquire timeout; raise the pool maximum (within PostgreSQL's "
                                    "max_connections) or the timeout");
        if (rv != APR_SUCCESS)
            return soi_error_server(r->pool, SOI_MSG_UNAVAILABLE,
                                    "cannot connect to PostgreSQL (the reason is logged above)");
        if (!soi_conn_fresh(res)) {
            ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, SOILOGNO(0108) "discarding a connection the server closed");
            apr_reslist_invalidate(b->reslist, res);
            continue;
        }
        soi_lease *l = apr_pcalloc(r->pool, sizeof(*l));
        l->backend = b;
        l->pg = res;
        apr_pool_cleanup_register(r->pool, l, soi_lease_end, apr_pool_cleanup_null);
        q->lease = l;
        return NULL;
    }
    return soi_error_server(r->pool, SOI_MSG_UNAVAILABLE, "every pooled connection was closed by the server");
}

static void soi_lease_drop(soi_req *q)
{
    q->lease->broken = 1;
    apr_pool_cleanup_run(q->r->pool, q->lease, soi_lease_end);
    q->lease = NULL;
}

void soi_store_release(soi_req *q)
{
    if (q->lease) {
        apr_pool_cleanup_run(q->r->pool, q->lease, soi_lease_end);
        q->lease = NULL;
    }
}

static apr_status_t soi_result_clear(void *res)
{
    PQclear(res);
    return APR_SUCCESS;
}

/* States after which a fresh connection will do: the old one is gone
 * (57P0x shutdown, 08xxx connection failure), lost its prepared statements
 * (26000), or landed on a read-only server after a failover (25006). */
static int soi_state_wants_new_connection(const char *state)
{
    return state
           && (strncmp(state, "57P", 3) == 0 || strncmp(state, "08", 2) == 0 || strcmp(state, "26000") == 0
               || strcmp(state, "25006") == 0);
}

/* One statement of a round trip: prepared (stmt >= 0) or literal SQL. */
typedef struct {
    int stmt;
    const char *sql;
    int nparams;
    const char *const *values;
} soi_step;

static const char *soi_step_name(const soi_step *s)
{
    return s->stmt >= 0 ? soi_statements[s->stmt].name : s->sql;
}

/* Sends a statement and waits for its result. */
static PGresult *soi_exec_step(PGconn *pg, const soi_step *s)
{
    if (s->stmt >= 0)
        return PQexecPrepared(pg, soi_statements[s->stmt].name, s->nparams, s->values, NULL, NULL, 0);
    return PQexec(pg, s->sql);
}

/* Queues a statement in pipeline mode; 0 when the connection is gone. */
static int soi_queue_step(PGconn *pg, const soi_step *s)
{
    if (s->stmt >= 0)
        return PQsendQueryPrepared(pg, soi_statements[s->stmt].name, s->nparams, s->values, NULL, NULL, 0);
    return PQsendQueryParams(pg, s->sql, 0, NULL, NULL, NULL, NULL, 0);
}

/* Sends n statements in one round trip (libpq's pipeline mode when n > 1)
 * and collects each one's result in res[]. Returns the index of the first
 * statement that failed, or -1. */
static int soi_round_trip(PGconn *pg, int n, const soi_step *steps, PGresult **res)
{
    int failed = -1;

    for (int i = 0; i < n; i++)
        res[i] = NULL;
    if (n == 1) {
        res[0] = soi_exec_step(pg, &steps[0]);
        return PQresultStatus(res[0]) == PGRES_TUPLES_OK || PQresultStatus(res[0]) == PGRES_COMMAND_OK ? -1 : 0;
    }
    if (!PQenterPipelineMode(pg))
        return 0;
    for (int i = 0; i < n; i++) {
        if (!soi_queue_step(pg, &steps[i]))
            return i; /* the connection is gone: it will be discarded */
    }
    if (!PQpipelineSync(pg))
        return 0;
    for (int i = 0; i < n; i++) {
        res[i] = PQgetResult(pg);
        ExecStatusType st = PQresultStatus(res[i]);
        if (failed < 0 && st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
            failed = i;
        if (!res[i])
            return failed < 0 ? i : failed; /* the connection broke */
        PGresult *end = PQgetResult(pg);    /* each statement's results end with NULL */
        PQclear(end);
    }
    PGresult *sync = PQgetResult(pg);
    if (PQresultStatus(sync) != PGRES_PIPELINE_SYNC && failed < 0)
        failed = n - 1;
    PQclear(sync);
    if (!PQexitPipelineMode(pg) && failed < 0)
        failed = n - 1;
    return failed;
}

/* Runs statements in one round trip. When the connection turns out dead and
 * `retry` allows (nothing can have been written), they are sent once more on
 * a new connection. */
static soi_error *soi_store_run(soi_req *q, int n, const soi_step *steps, PGresult **res, int retry)
{
    request_rec *r = q->r;

    for (int attempt = 0;; attempt++) {
        soi_error *err = soi_store_lease(q);
        if (err)
            return err;
        PGconn *pg = q->lease->pg;
        int failed = soi_round_trip(pg, n, steps, res);
        if (failed < 0) {
            for (int i = 0; i < n; i++)
                apr_pool_cleanup_register(r->pool, res[i], soi_result_clear, apr_pool_cleanup_null);
            return NULL;
        }
        PGresult *bad = res[failed];
        const char *state = PQresultErrorField(bad, PG_DIAG_SQLSTATE);
        const char *msg = soi_pq_text(r->pool, bad ? PQresultErrorMessage(bad) : PQerrorMessage(pg));
        int lost = PQstatus(pg) != CONNECTION_OK || soi_state_wants_new_connection(state);
        state = apr_pstrdup(r->pool, state ? state : "none");
        for (int i = 0; i < n; i++)
            PQclear(res[i]);
        if (!lost)
            return soi_error_server(r->pool, SOI_MSG_SERVER, "statement %s failed (SQLSTATE %s): %s",
                                    soi_step_name(&steps[failed]), state, msg);
        soi_lease_drop(q);
        if (attempt == 0 && retry) {
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r,
                          SOILOGNO(0109) "a pooled connection failed (SQLSTATE %s); retrying on a new one", state);
            continue;
        }
        return soi_error_server(r->pool, SOI_MSG_UNAVAILABLE, "PostgreSQL failed during %s (SQLSTATE %s): %s",
                                soi_step_name(&steps[failed]), state, msg);
    }
}

/* One prepared statement, retried on a new connection if its own died:
 * every such statement here is a single idempotent call. */
static soi_error *soi_store_exec(soi_req *q, int stmt, int nparams, const char *const *values, PGresult **out)
{
    soi_step step = {stmt, NULL, nparams, values};
    return soi_store_run(q, 1, &step, out, 1);
}

/* ---- statements --------------------------------------------------------- */

soi_error *soi_store_login(soi_req *q, const char *user, soi_login *out)
{
    const char *values[1] = {user};
    PGresult *res;
    soi_error *err = soi_store_exec(q, SOI_STMT_LOGIN, 1, values, &res);
    if (err)
        return err;
    memset(out, 0, sizeof(*out));
    if (PQntuples(res) == 1) {
        out->associate_id = (apr_int32_t)apr_atoi64(PQgetvalue(res, 0, 0));
        out->password_hash = PQgetvalue(res, 0, 1);
        out->rights = (int)apr_atoi64(PQgetvalue(res, 0, 2));
    }
    return NULL;
}

/* Columns of the soi_imageinfo type, in order. */
enum {
    C_OUTCOME,
    C_RIGHTS,
    C_BLOB_ID,
    C_BLOBSIZE,
    C_DESCRIPTION,
    C_EXTRAINFO,
    C_ISENCRYPTED,
    C_ISZIPPED,
    C_MIMETYPE,
    C_ORIGINALSIZE,
    C_REGISTERED,
    C_UPDATED,
    C_CONCEPTUALTYPE,
    C_UPDATEDCOUNT,
    C_CREATED_BY,                     /* 12 associate columns */
    C_UPDATED_BY = C_CREATED_BY + 12, /* 12 more */
    C_COUNT = C_UPDATED_BY + 12
};

static apr_int64_t col_int(const PGresult *res, int col)
{
    return PQgetisnull(res, 0, col) ? 0 : apr_atoi64(PQgetvalue(res, 0, col));
}

static const char *col_str(const PGresult *res, int col)
{
    return PQgetvalue(res, 0, col); /* "" for NULL; lives as long as res */
}

static const soi_associate *col_associate(apr_pool_t *pool, const PGresult *res, int c)
{
    if (PQgetisnull(res, 0, c))
        return NULL;
    soi_associate *a = apr_palloc(pool, sizeof(*a));
    a->associate_id = (apr_int32_t)col_int(res, c);
    a->name = col_str(res, c + 1);
    a->person_id = (apr_int32_t)col_int(res, c + 2);
    a->rank = (apr_int32_t)col_int(res, c + 3);
    a->tooltip = col_str(res, c + 4);
    a->type = (apr_int32_t)col_int(res, c + 5);
    a->group_idx = (apr_int32_t)col_int(res, c + 6);
    a->full_name = col_str(res, c + 7);
    a->formal_name = col_str(res, c + 8);
    a->deleted = col_int(res, c + 9) != 0;
    a->ejuser_id = (apr_int32_t)col_int(res, c + 10);
    a->user_name = col_str(res, c + 11);
    return a;
}

static void set_str(soi_entity *e, soi_field_id f, const PGresult *res, int col)
{
    e->v[f].str = col_str(res, col);
    e->v[f].len = (apr_size_t)PQgetlength(res, 0, col);
}

static soi_error *soi_store_decode(soi_req *q, const PGresult *res, soi_stored *out)
{
    soi_entity *e = &out->entity;

    if (PQnfields(res) != C_COUNT || PQntuples(res) != 1)
        return soi_error_server(q->r->pool, SOI_MSG_SERVER,
                                "the database returned %d row(s) of %d columns where 1 row of %d was expected; "
                                "load conf/schema.sql of this release",
                                PQntuples(res), PQnfields(res), C_COUNT);
    out->outcome = (int)col_int(res, C_OUTCOME);
    out->rights = (int)col_int(res, C_RIGHTS);
    soi_entity_init_default(e);
    if (PQgetisnull(res, 0, C_BLOB_ID))
        return NULL; /* no picture: the default entity */

    e->v[SOI_F_BLOBID].num = col_int(res, C_BLOB_ID);
    e->v[SOI_F_BLOBSIZE].num = col_int(res, C_BLOBSIZE);
    set_str(e, SOI_F_DESCRIPTION, res, C_DESCRIPTION);
    set_str(e, SOI_F_EXTRAINFO, res, C_EXTRAINFO);
    e->v[SOI_F_ISENCRYPTED].num = *col_str(res, C_ISENCRYPTED) == 't';
    e->v[SOI_F_ISZIPPED].num = *col_str(res, C_ISZIPPED) == 't';
    set_str(e, SOI_F_MIMETYPE, res, C_MIMETYPE);
    e->v[SOI_F_ORIGINALSIZE].num = col_int(res, C_ORIGINALSIZE);
    e->v[SOI_F_CREATEDDATE].num = col_int(res, C_REGISTERED);
    e->v[SOI_F_UPDATEDDATE].num = col_int(res, C_UPDATED);
    e->v[SOI_F_CREATEDBY].assoc = col_associate(q->r->pool, res, C_CREATED_BY);
    e->v[SOI_F_UPDATEDBY].assoc = col_associate(q->r->pool, res, C_UPDATED_BY);
    set_str(e, SOI_F_CONCEPTUALTYPE, res, C_CONCEPTUALTYPE);
    e->version = (apr_int32_t)col_int(res, C_UPDATEDCOUNT);
    return NULL;
}

static const char *itoa(apr_pool_t *p, apr_int64_t v)
{
    return apr_psprintf(p, "%" APR_INT64_T_FMT, v);
}

soi_error *soi_store_get(soi_req *q, soi_stored *out)
{
    apr_pool_t *p = q->r->pool;
    const char *values[3] = {itoa(p, q->route.contact_id), itoa(p, q->who.associate_id), q->who.password_hash};
    PGresult *res;
    soi_error *err = soi_store_exec(q, SOI_STMT_GET, 3, values, &res);
    return err ? err : soi_store_decode(q, res, out);
}

static void soi_put_params(soi_req *q, const soi_entity *e, const char *values[12])
{
    apr_pool_t *p = q->r->pool;
    const char *v[12] = {
        itoa(p, q->route.contact_id),
        itoa(p, q->who.associate_id),
        q->who.password_hash,
        itoa(p, e->v[SOI_F_BLOBID].num),
        itoa(p, e->v[SOI_F_BLOBSIZE].num),
        e->v[SOI_F_DESCRIPTION].str,
        e->v[SOI_F_EXTRAINFO].str,
        e->v[SOI_F_ISENCRYPTED].num ? "t" : "f",
        e->v[SOI_F_ISZIPPED].num ? "t" : "f",
        e->v[SOI_F_MIMETYPE].str,
        itoa(p, e->v[SOI_F_ORIGINALSIZE].num),
        e->v[SOI_F_CONCEPTUALTYPE].str,
    };
    memcpy(values, v, sizeof(v));
}

soi_error *soi_store_put(soi_req *q, const soi_entity *e, soi_stored *out)
{
    const char *values[12];
    PGresult *res;
    soi_put_params(q, e, values);
    soi_error *err = soi_store_exec(q, SOI_STMT_PUT, 12, values, &res);
    return err ? err : soi_store_decode(q, res, out);
}

soi_error *soi_store_lock(soi_req *q, soi_stored *out)
{
    apr_pool_t *p = q->r->pool;
    const char *values[3] = {itoa(p, q->route.contact_id), itoa(p, q->who.associate_id), q->who.password_hash};
    soi_step steps[2] = {{-1, "BEGIN", 0, NULL}, {SOI_STMT_LOCK, NULL, 3, values}};
    PGresult *res[2];
    /* A second lock in the same transaction (after the login was verified
     * again) needs no new BEGIN. */
    int in_tx = q->lease && PQtransactionStatus(q->lease->pg) == PQTRANS_INTRANS;
    /* Nothing is written yet: on a dead connection, start over on a new one. */
    soi_error *err = soi_store_run(q, in_tx ? 1 : 2, in_tx ? &steps[1] : steps, res, !in_tx);
    return err ? err : soi_store_decode(q, res[in_tx ? 0 : 1], out);
}

soi_error *soi_store_put_commit(soi_req *q, const soi_entity *e, soi_stored *out)
{
    const char *values[12];
    soi_put_params(q, e, values);
    soi_step steps[2] = {{SOI_STMT_PUT, NULL, 12, values}, {-1, "COMMIT", 0, NULL}};
    PGresult *res[2];
    /* No retry: a connection lost here may have committed or not. */
    soi_error *err = soi_store_run(q, 2, steps, res, 0);
    if (err)
        return err;
    /* When the put refused (a right, a conflict), COMMIT ended a transaction
     * that wrote nothing. */
    return soi_store_decode(q, res[0], out);
}
