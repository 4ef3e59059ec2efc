#include "store/soi_store.h"

#include <apr_atomic.h>
#include <apr_hash.h>
#include <apr_strings.h>
#include <apr_thread_mutex.h>
#include <errno.h>
#include <libpq-fe.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "store/soi_pool.h"

struct soi_store {
    soi_store_settings settings; /* fixed at configuration time */
    soi_pool *pool;              /* per process, from soi_store_open */
    const soi_log *log;          /* for lines outside requests (notices) */
    apr_uint32_t quiet_until;    /* apr_time_sec: outage messages are logged once per interval */
    const char *timeouts[2];     /* statement_timeout and lock_timeout in ms, as set_config takes them */
    /* The texts of soi_resource, read by the process's first connection and
     * unchanged after: "language\tresource_id" to text. */
    apr_thread_mutex_t *resource_lock;
    apr_pool_t *resource_pool;
    apr_hash_t *resources;
    apr_uint32_t resources_read;
};

/* ---- the statements ---------------------------------------------------------
 * Every name is qualified with the schema, so nothing earlier on a session's
 * search_path can stand in for ours. Each statement's result columns are
 * checked by name when it is prepared: a schema that does not match this
 * release is found before any request reads a wrong column. */

/* The columns of the soi_imageinfo type (conf/schema.sql), in order. */
#define SOI_ASSOCIATE_COLUMNS(p)                                                                                       \
    p "associate_id", p "name", p "person_id", p "rank", p "tooltip", p "type", p "group_idx", p "full_name",          \
        p "formal_name", p "deleted", p "ejuser_id", p "user_name"
static const char *const soi_imageinfo_columns[] = {"outcome",
                                                    "rights",
                                                    "blob_id",
                                                    "blobsize",
                                                    "description",
                                                    "extrainfo",
                                                    "isencrypted",
                                                    "iszipped",
                                                    "mimetype",
                                                    "originalsize",
                                                    "registered_us",
                                                    "updated_us",
                                                    "conceptualtype",
                                                    "updatedcount",
                                                    "data_length",
                                                    SOI_ASSOCIATE_COLUMNS("cb_"),
                                                    SOI_ASSOCIATE_COLUMNS("ub_"),
                                                    NULL};
static const char *const soi_login_columns[] = {"associate_id", "password_hash", "blob_rights", "cred_version", NULL};
static const char *const soi_ticket_columns[] = {"ticket_id",  "associate_id", "blob_rights", "cred_version",
                                                 "xsrf_token", "name",         NULL};
static const char *const soi_app_columns[] = {"app_id", "name", NULL};
static const char *const soi_resource_columns[] = {"resource_id", "language", "text", NULL};
/* The soi_image type. */
static const char *const soi_image_columns[] = {"outcome",    "rights",       "blob_id", "mimetype",
                                                "updated_us", "updatedcount", "data",    NULL};
enum { I_OUTCOME, I_RIGHTS, I_BLOB_ID, I_MIMETYPE, I_UPDATED, I_UPDATEDCOUNT, I_DATA };

/* Their positions, for decoding. */
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
    C_DATA_LENGTH,
    C_CREATED_BY,                    /* 12 associate columns */
    C_UPDATED_BY = C_CREATED_BY + 12 /* 12 more */
};

enum {
    SOI_STMT_LOGIN,
    SOI_STMT_TICKET,
    SOI_STMT_APP,
    SOI_STMT_GET,
    SOI_STMT_PUT,
    SOI_STMT_LOCK,
    SOI_STMT_IMAGE_GET,
    SOI_STMT_IMAGE_PUT,
    SOI_STMT_IMAGE_DELETE,
    SOI_STMT_RESOURCES,
    SOI_STMT_COUNT
};

/* joins: a read, small both ways, that a request holding a connection may
 * send with its own for one waiting (soi_store_joined). */
static const struct {
    const char *name;
    const char *sql;
    const char *const *columns;
    int joins;
} soi_statements[SOI_STMT_COUNT] = {
    {"soi_login",
     "SELECT associate_id, password_hash, blob_rights, cred_version FROM public.associate "
     "WHERE name = $1 AND deleted = 0",
     soi_login_columns, 1},
    {"soi_ticket",
     "SELECT t.ticket_id, t.associate_id, a.blob_rights, a.cred_version, t.xsrf_token, a.name "
     "FROM public.soi_ticket t JOIN public.associate a USING (associate_id) "
     "WHERE t.token_sha256 = $1 AND t.scheme = $2 AND NOT t.revoked AND t.expires > now() AND a.deleted = 0",
     soi_ticket_columns, 1},
    {"soi_app", "SELECT app_id, name FROM public.soi_app WHERE token_sha256 = $1 AND NOT revoked", soi_app_columns, 1},
    {"soi_get", "SELECT * FROM public.soi_imageinfo_get($1, $2, $3, $4, $5)", soi_imageinfo_columns, 1},
    {"soi_put", "SELECT * FROM public.soi_imageinfo_put($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
     soi_imageinfo_columns, 0},
    {"soi_lock", "SELECT * FROM public.soi_imageinfo_lock($1, $2, $3, $4, $5)", soi_imageinfo_columns, 0},
    {"soi_image_get", "SELECT * FROM public.soi_image_get($1, $2, $3, $4, $5)", soi_image_columns, 0},
    {"soi_image_put", "SELECT * FROM public.soi_image_put($1, $2, $3, $4, $5, $6, $7)", soi_image_columns, 0},
    {"soi_image_delete", "SELECT * FROM public.soi_image_delete($1, $2, $3, $4, $5)", soi_image_columns, 0},
    {"soi_resources", "SELECT resource_id, language, text FROM public.soi_resource", soi_resource_columns, 0},
};

/* soi_outcome by the label the database returns. */
static const char *const soi_outcomes[] = {"done", "created", "stale", "forbidden", "missing", "conflict", "mismatch"};

/* ---- the store ---------------------------------------------------------------- */

soi_store *soi_store_create(apr_pool_t *pool, const soi_store_settings *settings)
{
    soi_store *st = apr_pcalloc(pool, sizeof(*st));
    st->settings = *settings;
    st->timeouts[0] = apr_psprintf(pool, "%" APR_INT64_T_FMT, settings->statement_timeout / 1000);
    st->timeouts[1] = apr_psprintf(pool, "%" APR_INT64_T_FMT, settings->lock_timeout / 1000);
    return st;
}

const soi_store_settings *soi_store_settings_of(const soi_store *st)
{
    return &st->settings;
}

int soi_store_alarm(soi_store *st)
{
    apr_uint32_t now = (apr_uint32_t)apr_time_sec(apr_time_now());
    apr_uint32_t until = apr_atomic_read32(&st->quiet_until);
    return now >= until && apr_atomic_cas32(&st->quiet_until, now + 10, until) == until;
}

const char *soi_store_redact(apr_pool_t *p, const char *conninfo)
{
    char *err = NULL;
    PQconninfoOption *opts = PQconninfoParse(conninfo, &err);
    const char *out = "";

    if (!opts) {
        PQfreemem(err);
        return "(unreadable connection string)";
    }
    for (PQconninfoOption *o = opts; o->keyword; o++) {
        if (!o->val)
            continue;
        const char *val = strcmp(o->keyword, "password") == 0 ? "***" : o->val;
        out = apr_psprintf(p, "%s%s%s=%s", out, *out ? " " : "", o->keyword, val);
    }
    PQconninfoFree(opts);
    return out;
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

static void soi_notice(void *arg, const char *message)
{
    soi_store *st = arg;
    apr_pool_t *p;
    if (!st->log || st->log->level < SOI_LOG_DEBUG || apr_pool_create(&p, NULL) != APR_SUCCESS)
        return;
    soi_log_write(st->log, p, SOI_LOG_DEBUG, SOILOGNO(0101) "PostgreSQL says: %s", soi_pq_text(p, message));
    apr_pool_destroy(p);
}

/* Whether a statement's description d shows the result columns this
 * release reads: NULL, or what differs. */
static const char *soi_columns_mismatch(apr_pool_t *p, const PGresult *d, int stmt)
{
    const char *const *want = soi_statements[stmt].columns;
    const char *why = NULL;
    int n = 0;

    for (; want[n] && !why; n++) {
        if (n >= PQnfields(d) || strcmp(PQfname(d, n), want[n]) != 0)
            why = apr_psprintf(p, "its result column %d is \"%s\" where \"%s\" was expected", n + 1,
                               n < PQnfields(d) ? PQfname(d, n) : "(none)", want[n]);
    }
    if (!why && PQnfields(d) != n)
        why = apr_psprintf(p, "it returns %d columns where %d were expected", PQnfields(d), n);
    return why;
}

/* Prepares statement stmt on a new connection and checks its result
 * columns, in one round trip. Unnamed, it is parsed only to be checked: the
 * next transaction may reach another server, so each execution parses it
 * again. NULL, or why the connection cannot be used. */
static const char *soi_statement_check(const soi_store *st, apr_pool_t *p, PGconn *pg, int stmt)
{
    const char *name = st->settings.unnamed ? "" : soi_statements[stmt].name;
    PGresult *prepared = NULL, *d = NULL;
    const char *why = NULL;

    if (PQenterPipelineMode(pg) && PQsendPrepare(pg, name, soi_statements[stmt].sql, 0, NULL)
        && PQsendDescribePrepared(pg, name) && PQpipelineSync(pg)) {
        prepared = PQgetResult(pg);
        PQclear(PQgetResult(pg)); /* each one's results end with NULL */
        d = PQgetResult(pg);
        PQclear(PQgetResult(pg));
        PQclear(PQgetResult(pg)); /* the sync */
    }
    PQexitPipelineMode(pg);
    const char *state = PQresultErrorField(prepared, PG_DIAG_SQLSTATE);
    if (state && (strcmp(state, "42P05") == 0 || strcmp(state, "26000") == 0)) {
        /* A new session that already has our statement, or loses it
         * between two round trips: not a session of its own. */
        why = apr_psprintf(p,
                           "statement %s: %s: the connection shares its server session with other clients, as "
                           "behind pgbouncer with pool_mode = transaction; set SoImageInfoStatements Unnamed",
                           soi_statements[stmt].name, soi_pq_text(p, PQresultErrorMessage(prepared)));
        PQclear(prepared);
        PQclear(d);
        return why;
    }
    if (PQresultStatus(prepared) != PGRES_COMMAND_OK)
        why = soi_pq_text(p, prepared ? PQresultErrorMessage(prepared) : PQerrorMessage(pg));
    else if (PQresultStatus(d) != PGRES_COMMAND_OK)
        why = soi_pq_text(p, d ? PQresultErrorMessage(d) : PQerrorMessage(pg));
    else
        why = soi_columns_mismatch(p, d, stmt);
    PQclear(prepared);
    PQclear(d);
    return why ? apr_psprintf(p, "statement %s: %s; load conf/schema.sql of this release", soi_statements[stmt].name,
                              why)
               : NULL;
}

static soi_error *soi_store_unusable(soi_store *st, apr_pool_t *p, const soi_log *log, const char *what)
{
    if (soi_store_alarm(st))
        soi_log_write(log, p, SOI_LOG_ERR,
                      SOILOGNO(0103) "the database of SoImageInfoDatabase \"%s\" does not match this module: %s",
                      soi_store_redact(p, st->settings.conninfo), what);
    return soi_error_server(p, SOI_MSG_UNAVAILABLE, "the database does not match this release: %s", what);
}

/* Whether the schema's version is this release's: NULL, or why not and what
 * to run. Read once per connection, before anything is prepared. */
static const char *soi_schema_check(apr_pool_t *p, PGconn *pg)
{
    PGresult *res = PQexec(pg, "SELECT version FROM public.soi_schema_version");
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    int version = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 ? atoi(PQgetvalue(res, 0, 0))
                  : state && strcmp(state, "42P01") == 0                        ? 1 /* before the table */
                                                                                : 0;
    const char *why = NULL;

    if (version == 0)
        why = apr_psprintf(p, "its schema version cannot be read (%s); load conf/schema.sql of this release",
                           soi_pq_text(p, PQresultErrorMessage(res)));
    else if (version < SOI_SCHEMA_VERSION)
        why = apr_psprintf(p,
                           "its schema is version %d and this module needs version %d: run the migrations numbered "
                           "%d to %d (conf/migrations/ of the source, /usr/share/libapache2-mod-soimageinfo/"
                           "migrations/ of the package), e.g. psql -v ON_ERROR_STOP=1 -d <database> -f "
                           "%04d-*.sql, as the schema's owner",
                           version, SOI_SCHEMA_VERSION, version + 1, SOI_SCHEMA_VERSION, version + 1);
    else if (version > SOI_SCHEMA_VERSION)
        why = apr_psprintf(p,
                           "its schema is version %d, newer than the version %d this module knows: install the "
                           "module release that matches the database",
                           version, SOI_SCHEMA_VERSION);
    PQclear(res);
    return why;
}

/* ---- round trips -------------------------------------------------------------- */

/* One statement of a round trip: one of soi_statements (stmt >= 0) or
 * literal SQL, with nparams parameters either way. lengths and formats
 * describe binary parameters (NULL: all text); a binary result comes back
 * in PostgreSQL's binary format. */
typedef struct {
    int stmt;
    const char *sql;
    int nparams;
    const char *const *values;
    const int *lengths;
    const int *formats;
    int binary_result;
    int begins; /* BEGIN: the transaction's timeouts go right after it */
} soi_step;

/* The most statements of one round trip: BEGIN, the timeouts, one more. */
#define SOI_STEPS_MAX 3

/* A transaction's own timeouts, for SoImageInfoStatements Unnamed. */
#define SOI_SQL_TIMEOUTS "SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $2, true)"

static const char *soi_step_name(const soi_step *s)
{
    return s->stmt >= 0 ? soi_statements[s->stmt].name : s->sql;
}

static apr_status_t soi_result_clear(void *res)
{
    PQclear(res);
    return APR_SUCCESS;
}

/* Sends one statement: by name when prepared, else with its text. */
static int soi_step_send(const soi_store *st, PGconn *pg, const soi_step *s)
{
    if (s->stmt >= 0 && !st->settings.unnamed)
        return PQsendQueryPrepared(pg, soi_statements[s->stmt].name, s->nparams, s->values, s->lengths, s->formats,
                                   s->binary_result);
    return PQsendQueryParams(pg, s->stmt >= 0 ? soi_statements[s->stmt].sql : s->sql, s->nparams, NULL, s->values,
                             s->lengths, s->formats, s->binary_result);
}

static PGresult *soi_step_exec(const soi_store *st, PGconn *pg, const soi_step *s)
{
    if (s->stmt >= 0 && !st->settings.unnamed)
        return PQexecPrepared(pg, soi_statements[s->stmt].name, s->nparams, s->values, s->lengths, s->formats,
                              s->binary_result);
    return PQexecParams(pg, s->stmt >= 0 ? soi_statements[s->stmt].sql : s->sql, s->nparams, NULL, s->values,
                        s->lengths, s->formats, s->binary_result);
}

/* How long past statement_timeout a round trip may go unanswered. The
 * server ends a statement at its timeout; a round trip still unanswered a
 * second later is held by something the server's timer does not cover: a
 * pooler queueing it while it cannot reach PostgreSQL (pgbouncer holds
 * queries up to its query_wait_timeout, 120 s by default), or a server or
 * network that has stopped answering. */
#define SOI_ANSWER_GRACE apr_time_from_sec(1)

/* The deadline of an answer awaited since from: 0 (none) when statements
 * have no timeout. */
static apr_time_t soi_answer_deadline(const soi_store *st, apr_time_t from)
{
    apr_interval_time_t wait = st->settings.statement_timeout;
    return wait ? from + wait + SOI_ANSWER_GRACE : 0;
}

/* Waits until pg has a whole result to give, or until the deadline (0: no
 * deadline). Returns 1 when PQgetResult will not block, 0 when the deadline
 * passed first; a broken connection counts as ready (PQgetResult then
 * reports it). */
static int soi_wait_answer(PGconn *pg, apr_time_t deadline, int *expired)
{
    while (PQisBusy(pg)) {
        int ms = -1;
        if (deadline) {
            apr_interval_time_t left = deadline - apr_time_now();
            if (left <= 0) {
                *expired = 1;
                return 0;
            }
            ms = (int)((left + 999) / 1000);
        }
        struct pollfd pfd = {PQsocket(pg), POLLIN, 0};
        if (pfd.fd < 0)
            return 1;
        int got = poll(&pfd, 1, ms);
        if (got < 0 && errno == EINTR)
            continue;
        if (got != 0 && !PQconsumeInput(pg))
            return 1;
    }
    return 1;
}

/* Sends n statements in one round trip (libpq's pipeline mode when n > 1)
 * and collects each one's result in res[]. Returns the index of the first
 * statement that failed, or -1. A round trip unanswered by the deadline
 * sets *expired and fails: the connection is then in an unknown state and
 * must be closed. */
static int soi_round_trip(const soi_store *st, PGconn *pg, int n, const soi_step *steps, PGresult **res,
                          apr_time_t deadline, int *expired)
{
    int failed = -1;

    *expired = 0;
    for (int i = 0; i < n; i++)
        res[i] = NULL;
    if (n == 1) {
        if (!soi_step_send(st, pg, &steps[0]) || !soi_wait_answer(pg, deadline, expired))
            return 0;
        res[0] = PQgetResult(pg);
        ExecStatusType s = PQresultStatus(res[0]);
        /* A single statement's results end with NULL; anything more means
         * the connection is not where it should be. */
        PGresult *more = soi_wait_answer(pg, deadline, expired) ? PQgetResult(pg) : NULL;
        int clean = more == NULL && !*expired;
        PQclear(more);
        return res[0] && clean && (s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK) ? -1 : 0;
    }
    if (!PQenterPipelineMode(pg))
        return 0;
    for (int i = 0; i < n; i++) {
        if (!soi_step_send(st, pg, &steps[i]))
            return i; /* the connection is gone */
    }
    if (!PQpipelineSync(pg))
        return 0;
    for (int i = 0; i < n; i++) {
        if (!soi_wait_answer(pg, deadline, expired))
            return failed < 0 ? i : failed;
        res[i] = PQgetResult(pg);
        ExecStatusType st = PQresultStatus(res[i]);
        if (failed < 0 && st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
            failed = i;
        if (!res[i])
            return failed < 0 ? i : failed; /* the connection broke */
        PQclear(PQgetResult(pg));           /* each statement's results end with NULL */
    }
    if (!soi_wait_answer(pg, deadline, expired))
        return failed < 0 ? n - 1 : failed;
    PGresult *sync = PQgetResult(pg);
    if (PQresultStatus(sync) != PGRES_PIPELINE_SYNC && failed < 0)
        failed = n - 1;
    PQclear(sync);
    if (!PQexitPipelineMode(pg) && failed < 0)
        failed = n - 1;
    return failed;
}

/* The resource texts, read once per process by the first connection that
 * finds them unread (under the lock, so once); readers look only after
 * resources_read is set, and the table never changes after. NULL, or why
 * they could not be read. */
static const char *soi_resources_read(soi_store *st, PGconn *pg, apr_pool_t *p)
{
    const char *why = NULL;

    apr_thread_mutex_lock(st->resource_lock);
    if (!apr_atomic_read32(&st->resources_read)) {
        PGresult *res = soi_step_exec(st, pg, &(soi_step){SOI_STMT_RESOURCES, NULL, 0, NULL, NULL, NULL, 0});
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            why = apr_psprintf(p, "reading public.soi_resource: %s", soi_pq_text(p, PQresultErrorMessage(res)));
        } else {
            apr_hash_t *h = apr_hash_make(st->resource_pool);
            for (int i = 0; i < PQntuples(res); i++) {
                const char *key =
                    apr_pstrcat(st->resource_pool, PQgetvalue(res, i, 1), "\t", PQgetvalue(res, i, 0), NULL);
                apr_hash_set(h, key, APR_HASH_KEY_STRING, apr_pstrdup(st->resource_pool, PQgetvalue(res, i, 2)));
            }
            st->resources = h;
            apr_atomic_set32(&st->resources_read, 1);
        }
        PQclear(res);
    }
    apr_thread_mutex_unlock(st->resource_lock);
    return why;
}

const char *soi_store_resource(soi_store *st, apr_pool_t *p, const char *language, const char *id)
{
    if (!st || !apr_atomic_read32(&st->resources_read))
        return NULL;
    return apr_hash_get(st->resources, apr_pstrcat(p, language, "\t", id, NULL), APR_HASH_KEY_STRING);
}

/* Opens a connection for the pool: our session settings, every statement
 * prepared and its columns checked, and the resource texts read
 * when the process has not read them yet. */
static soi_error *soi_store_connect(void *ctx, apr_pool_t *p, const soi_log *log, PGconn **out)
{
    soi_store *st = ctx;
    /* Keys before dbname are defaults the conninfo may override; keys after
     * it are forced: the module reads and writes UTF-8. */
    const char *const keys[] = {"fallback_application_name", "connect_timeout", "dbname", "client_encoding", NULL};
    const char *const vals[] = {"mod_soimageinfo", "5", st->settings.conninfo, "UTF8", NULL};
    PGconn *pg = PQconnectdbParams(keys, vals, 1);
    const char *why = NULL;

    if (!pg || PQstatus(pg) != CONNECTION_OK) {
        const char *reason = pg ? soi_pq_text(p, PQerrorMessage(pg)) : "out of memory";
        if (soi_store_alarm(st))
            soi_log_write(log, p, SOI_LOG_ERR,
                          SOILOGNO(0102) "cannot connect to PostgreSQL with SoImageInfoDatabase \"%s\": %s; check "
                                         "that the server is running and reachable from this host, and that "
                                         "pg_hba.conf admits this user",
                          soi_store_redact(p, st->settings.conninfo), reason);
        PQfinish(pg);
        return soi_error_server(p, SOI_MSG_UNAVAILABLE, "cannot connect to PostgreSQL: %s", reason);
    }
    PQsetNoticeProcessor(pg, soi_notice, st);

    /* Correctness rests on READ COMMITTED (a writer that waited for the
     * contact's lock must see the picture the one before it created), and a
     * blocked statement must end in a 503, not hold a worker. On a session of
     * our own both are set here, whatever the server's defaults. Behind a
     * transaction pooler the session is shared: a setting made here would
     * reach other clients and miss our next transaction. The timeouts then
     * go with each transaction (soi_store_run) and the isolation level is
     * the server's default, which must be read committed. */
    if (!st->settings.unnamed) {
        PGresult *res = PQexecParams(pg,
                                     "SELECT set_config('statement_timeout', $1, false), "
                                     "set_config('lock_timeout', $2, false), "
                                     "set_config('default_transaction_isolation', 'read committed', false)",
                                     2, NULL, st->timeouts, NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK)
            why = apr_psprintf(p, "setting the session up: %s", soi_pq_text(p, PQresultErrorMessage(res)));
        PQclear(res);
    } else {
        PGresult *res = PQexec(pg, "SELECT current_setting('default_transaction_isolation'), current_user");
        if (PQresultStatus(res) != PGRES_TUPLES_OK)
            why = apr_psprintf(p, "reading the isolation level: %s", soi_pq_text(p, PQresultErrorMessage(res)));
        else if (strcmp(PQgetvalue(res, 0, 0), "read committed") != 0)
            why = apr_psprintf(p,
                               "its default_transaction_isolation is \"%s\", and with SoImageInfoStatements Unnamed "
                               "the module cannot set it per session: run ALTER ROLE \"%s\" SET "
                               "default_transaction_isolation = 'read committed' (or set it in postgresql.conf)",
                               PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1));
        PQclear(res);
    }

    if (!why)
        why = soi_schema_check(p, pg);
    for (int i = 0; i < SOI_STMT_COUNT && !why; i++)
        why = soi_statement_check(st, p, pg, i);
    if (!why && !apr_atomic_read32(&st->resources_read))
        why = soi_resources_read(st, pg, p);
    if (why) {
        int lost = PQstatus(pg) != CONNECTION_OK;
        PQfinish(pg);
        if (lost)
            return soi_error_server(p, SOI_MSG_UNAVAILABLE, "the connection broke while it was set up: %s", why);
        return soi_store_unusable(st, p, log, why);
    }
    *out = pg;
    return NULL;
}

apr_status_t soi_store_open(soi_store *st, apr_pool_t *pchild, const soi_log *log, soi_stats *stats)
{
    apr_status_t rv;
    int max = st->settings.pool_max, min = st->settings.pool_min;

    st->log = log;
    if ((rv = apr_thread_mutex_create(&st->resource_lock, APR_THREAD_MUTEX_DEFAULT, pchild)) != APR_SUCCESS
        || (rv = apr_pool_create(&st->resource_pool, pchild)) != APR_SUCCESS)
        return rv;
    st->pool = soi_pool_create(pchild, max, st->settings.pool_timeout, soi_store_connect, st, stats, &rv);
    if (!st->pool)
        return rv;
    if (min > 0) {
        apr_pool_t *tmp;
        apr_pool_create(&tmp, pchild);
        soi_pool_warm(st->pool, min < max ? min : max, tmp, log);
        apr_pool_destroy(tmp);
    }
    return APR_SUCCESS;
}

int soi_store_is_open(const soi_store *st)
{
    return st->pool != NULL;
}

const char *soi_store_schema(const soi_store *st, apr_pool_t *p)
{
    const char *const keys[] = {"fallback_application_name", "connect_timeout", "dbname", NULL};
    const char *const vals[] = {"mod_soimageinfo", "3", st->settings.conninfo, NULL};
    PGconn *pg = PQconnectdbParams(keys, vals, 1);
    const char *why = pg && PQstatus(pg) == CONNECTION_OK ? soi_schema_check(p, pg) : NULL;
    PQfinish(pg);
    return why;
}

int soi_store_ping(const soi_store *st)
{
    const char *const keys[] = {"connect_timeout", "dbname", NULL};
    const char *const vals[] = {"3", st->settings.conninfo, NULL};
    return PQpingParams(keys, vals, 1) == PQPING_OK;
}

/* SQLSTATEs after which a fresh connection will do: the old one is gone
 * (class 57P: shutdown; class 08: connection failure), lost its prepared statements
 * (26000), or landed on a read-only server after a failover (25006). */
static int soi_state_wants_new_connection(const char *state)
{
    return state
           && (strncmp(state, "57P", 3) == 0 || strncmp(state, "08", 2) == 0 || strcmp(state, "26000") == 0
               || strcmp(state, "25006") == 0);
}

/* A statement or lock timeout (57014, 55P03), a deadlock or serialization
 * failure (40P01, 40001): the database is busy, not broken. */
static int soi_state_busy(const char *state)
{
    return state
           && (strcmp(state, "57014") == 0 || strcmp(state, "55P03") == 0 || strcmp(state, "40P01") == 0
               || strcmp(state, "40001") == 0);
}

static soi_error *soi_store_closed(apr_pool_t *p)
{
    return soi_error_server(p, SOI_MSG_UNAVAILABLE,
                            "no connection pool in this process: set SoImageInfoDatabase for this server (see the "
                            "error log at start-up)");
}

struct soi_tx {
    soi_store *store;
    soi_call call; /* a copy: the caller's may be gone by the commit */
    soi_conn *conn;
};

/* ---- reads run for one another ------------------------------------------------
 * A request with a small read to run that finds every connection taken
 * waits in the pool's queue with it. The next request to hold a connection
 * for a read takes the reads of those waiting at the head of the queue and
 * sends them after its own in one round trip: one implicit transaction
 * (reads only; each statement has its own snapshot and its own
 * statement_timeout), each answer flushed as soon as it is ready. Each
 * waiter wakes once, with its answer, where it would otherwise wake for the
 * connection and once more for the answer, and PostgreSQL reads the
 * statements with one wake-up. A statement that fails leaves those after
 * it unrun; their requests send them again, each in a round trip of its
 * own. Only on a session of our own: behind a transaction pooler each
 * statement goes with its transaction's timeouts. */

/* The most reads of one round trip. */
#define SOI_JOIN_MAX 8

typedef struct {
    const soi_step *step;     /* what to send */
    PGresult *res;            /* its answer, or NULL */
    int failed;               /* no answer, an error, or not the answer expected */
    int unrun;                /* not run, for one before it failed: to be sent again */
    int expired;              /* no answer before the deadline */
    int conn_ok;              /* the connection was up and in step after it */
    char why[200];            /* libpq's message, when the connection is not */
    apr_interval_time_t took; /* the round trip's */
} soi_joined;

/* After j's answer (in_step: the connection's answers are still in step):
 * whether the connection is up and in step, with libpq's message for j when
 * it is not; 1 when it must be closed. */
static int soi_joined_settle(PGconn *pg, soi_joined *j, int in_step)
{
    j->conn_ok = in_step && !j->expired && PQstatus(pg) == CONNECTION_OK;
    if (!j->conn_ok)
        apr_cpystrn(j->why, PQerrorMessage(pg), sizeof(j->why));
    return !j->conn_ok || soi_state_wants_new_connection(PQresultErrorField(j->res, PG_DIAG_SQLSTATE));
}

/* Runs items[0..k) on use in one round trip; items[0] is the caller's own,
 * and each other is handed to its waiter (jobs[i]) as soon as its answer is
 * read. The server ends each statement at its own statement_timeout, so
 * each answer has that long, and the grace, after the one before it; one
 * that does not come, or comes out of step, leaves the rest unanswered and
 * the connection to be closed. */
static void soi_joined_trip(const soi_store *st, soi_conn *use, soi_joined **items, soi_pool_job **jobs, int k)
{
    PGconn *pg = use->pg;
    apr_time_t start = apr_time_now(), from = start;
    int sent = 0, in_step, expired = 0, broken = 0;

    if (PQenterPipelineMode(pg)) {
        while (sent < k && soi_step_send(st, pg, items[sent]->step) && PQsendFlushRequest(pg))
            sent++;
    }
    in_step = sent == k && PQpipelineSync(pg);
    for (int i = 0; i < k; i++) {
        soi_joined *j = items[i];
        j->res = NULL;
        j->failed = 1;
        j->unrun = 0;
        j->expired = 0;
        if (in_step) {
            apr_time_t deadline = soi_answer_deadline(st, from);
            j->res = soi_wait_answer(pg, deadline, &j->expired) ? PQgetResult(pg) : NULL;
            PGresult *end = j->res && soi_wait_answer(pg, deadline, &j->expired) ? PQgetResult(pg) : NULL;
            ExecStatusType s = PQresultStatus(j->res);
            in_step = j->res && !end;
            j->failed = !in_step || (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK);
            j->unrun = in_step && s == PGRES_PIPELINE_ABORTED;
            PQclear(end);
            from = apr_time_now();
        }
        expired |= j->expired;
        j->expired = expired; /* or behind one that never came */
        j->took = apr_time_now() - start;
        broken |= soi_joined_settle(pg, j, in_step);
        if (i > 0)
            soi_pool_job_done(jobs[i]); /* j is its waiter's again */
    }
    PGresult *sync = in_step && soi_wait_answer(pg, soi_answer_deadline(st, from), &expired) ? PQgetResult(pg) : NULL;
    if (PQresultStatus(sync) != PGRES_PIPELINE_SYNC || !PQexitPipelineMode(pg))
        broken = 1;
    PQclear(sync);
    use->broken = broken;
}

/* Runs one small read: on a connection of the pool, with the reads of those
 * waiting for one; or, while every connection is taken, in the round trip
 * of whoever holds one. */
static soi_error *soi_store_joined(soi_store *st, const soi_call *c, soi_joined *own)
{
    soi_pool_job *jobs[SOI_JOIN_MAX];
    soi_joined *items[SOI_JOIN_MAX];
    soi_conn *use;
    int ran = 0;
    soi_error *err = soi_pool_acquire_or_join(st->pool, c->pool, c->log, own, &use, &ran);

    if (err || ran)
        return err;
    int k = 1 + soi_pool_take_jobs(use, SOI_JOIN_MAX - 1, jobs + 1);
    items[0] = own;
    for (int i = 1; i < k; i++)
        items[i] = soi_pool_job_arg(jobs[i]);
    if (k > 1) {
        soi_joined_trip(st, use, items, jobs, k);
    } else { /* nobody waits: a plain round trip */
        apr_time_t start = apr_time_now();
        PGresult *res;
        own->failed =
            soi_round_trip(st, use->pg, 1, own->step, &res, soi_answer_deadline(st, start), &own->expired) >= 0;
        own->res = res;
        own->unrun = 0;
        own->took = apr_time_now() - start;
        use->broken = soi_joined_settle(use->pg, own, 1);
    }
    soi_pool_release(use);
    return NULL;
}

/* Runs n statements in one round trip on conn, or on a connection of the
 * pool held only for it. A statement that meets a dead connection or a
 * demoted server is sent once more on a new connection, but only when it
 * cannot have been applied: a read, or a write the server answered with an
 * error (so it rolled back). A write whose connection broke before the
 * answer may have committed, so it is not sent again. */
static soi_error *soi_store_run(soi_store *st, const soi_call *c, soi_conn *conn, int n, const soi_step *steps,
                                PGresult **res, int writes)
{
    apr_pool_t *p = c->pool;

    if (!st->pool)
        return soi_store_closed(p);
    int joins = !conn && n == 1 && !writes && !st->settings.unnamed && steps[0].stmt >= 0
                && soi_statements[steps[0].stmt].joins;
    for (int attempt = 0;; attempt++) {
        soi_conn *use = conn;
        soi_step all[SOI_STEPS_MAX];
        PGresult *got[SOI_STEPS_MAX];
        int m = 0, extra = -1, expired, failed, conn_ok;
        const char *conn_msg;
        apr_interval_time_t took, wait = st->settings.statement_timeout;
        soi_joined own = {.step = &steps[0]};

        if (joins) {
            soi_error *err = soi_store_joined(st, c, &own);
            if (err)
                return err;
            if (own.unrun) { /* one before it failed: once more, on its own */
                PQclear(own.res);
                joins = 0;
                attempt--;
                continue;
            }
            all[m++] = steps[0];
            got[0] = own.res;
            failed = own.failed ? 0 : -1;
            expired = own.expired;
            took = own.took;
            conn_ok = own.conn_ok;
            conn_msg = own.why;
        } else {
            soi_error *err = use ? NULL : soi_pool_acquire(st->pool, p, c->log, &use);
            if (err)
                return err;
            /* Unnamed, a transaction's first round trip sets its timeouts
             * (set_config's is_local: for this transaction only), right after
             * its BEGIN when it has one: one transaction, one server. */
            for (int i = 0; i < n; i++) {
                if (extra < 0 && st->settings.unnamed && PQtransactionStatus(use->pg) == PQTRANS_IDLE
                    && !steps[i].begins) {
                    extra = m;
                    all[m++] = (soi_step){-1, SOI_SQL_TIMEOUTS, 2, st->timeouts, NULL, NULL, 0};
                }
                all[m++] = steps[i];
            }
            apr_time_t start = apr_time_now();
            failed = soi_round_trip(st, use->pg, m, all, got, soi_answer_deadline(st, start), &expired);
            took = apr_time_now() - start;
            conn_ok = PQstatus(use->pg) == CONNECTION_OK;
            conn_msg = PQerrorMessage(use->pg);
        }
        if (c->db_time)
            *c->db_time += took;
        soi_log_write(c->log, p, SOI_LOG_DEBUG, SOILOGNO(0110) "statement %s%s took %" APR_TIME_T_FMT " us%s",
                      soi_step_name(&steps[0]), n > 1 ? apr_psprintf(p, " and %d more in one round trip", n - 1) : "",
                      took, failed < 0 ? "" : " (failed)");
        if (failed < 0) {
            for (int i = 0, k = 0; i < m; i++) {
                if (i == extra) {
                    PQclear(got[i]);
                    continue;
                }
                res[k++] = got[i];
                apr_pool_cleanup_register(p, got[i], soi_result_clear, apr_pool_cleanup_null);
            }
            if (use && !conn)
                soi_pool_release(use);
            return NULL;
        }
        PGresult *bad = got[failed];
        const char *name = soi_step_name(&all[failed]);
        const char *state = PQresultErrorField(bad, PG_DIAG_SQLSTATE);
        const char *msg = soi_pq_text(p, bad ? PQresultErrorMessage(bad) : conn_msg);
        int lost = expired || !conn_ok || soi_state_wants_new_connection(state);
        int busy = soi_state_busy(state);
        int maybe_applied = writes && !state;
        state = apr_pstrdup(p, state ? state : "none");
        for (int i = 0; i < m; i++)
            PQclear(got[i]);
        if (use) {
            use->broken = lost;
            if (!conn)
                soi_pool_release(use);
        }
        if (expired)
            return soi_error_server(p, SOI_MSG_BUSY,
                                    "no answer to statement %s within %" APR_TIME_T_FMT
                                    " ms (SoImageInfoStatementTimeout and 1 s): its connection is closed; PostgreSQL, "
                                    "or a pooler in front of it (pgbouncer queues statements while it cannot reach the "
                                    "server), held it longer than the server's own timeout would",
                                    name, apr_time_as_msec(wait + SOI_ANSWER_GRACE));
        if (busy)
            return soi_error_server(p, SOI_MSG_BUSY, "statement %s gave up (SQLSTATE %s): %s", name, state, msg);
        if (!lost)
            return soi_error_server(p, SOI_MSG_SERVER, "statement %s failed (SQLSTATE %s): %s", name, state, msg);
        if (attempt == 0 && !conn && !maybe_applied) {
            soi_log_write(c->log, p, SOI_LOG_INFO,
                          SOILOGNO(0109) "a pooled connection failed (SQLSTATE %s); sending %s again on a new one",
                          state, name);
            continue;
        }
        return soi_error_server(p, SOI_MSG_UNAVAILABLE, "PostgreSQL failed during %s (SQLSTATE %s): %s", name, state,
                                msg);
    }
}

/* ---- results ------------------------------------------------------------------ */

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

static soi_error *soi_store_decode(const soi_call *c, const PGresult *res, soi_stored *out)
{
    soi_entity *e = &out->entity;
    const char *outcome = PQntuples(res) == 1 ? col_str(res, C_OUTCOME) : "";
    apr_size_t k = 0;

    while (k < sizeof(soi_outcomes) / sizeof(soi_outcomes[0]) && strcmp(outcome, soi_outcomes[k]) != 0)
        k++;
    if (k == sizeof(soi_outcomes) / sizeof(soi_outcomes[0]))
        return soi_error_server(c->pool, SOI_MSG_SERVER,
                                "the database answered %d row(s) with the outcome \"%s\"; load conf/schema.sql of "
                                "this release",
                                PQntuples(res), outcome);
    out->outcome = (soi_outcome)k;
    out->rights = (int)col_int(res, C_RIGHTS);
    out->data_length = -1;
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
    e->v[SOI_F_CREATEDBY].assoc = col_associate(c->pool, res, C_CREATED_BY);
    e->v[SOI_F_UPDATEDBY].assoc = col_associate(c->pool, res, C_UPDATED_BY);
    set_str(e, SOI_F_CONCEPTUALTYPE, res, C_CONCEPTUALTYPE);
    e->version = (apr_int32_t)col_int(res, C_UPDATEDCOUNT);
    out->data_length = PQgetisnull(res, 0, C_DATA_LENGTH) ? -1 : col_int(res, C_DATA_LENGTH);
    return NULL;
}

/* ---- the calls ------------------------------------------------------------------ */

soi_error *soi_store_login(soi_store *st, const soi_call *c, const char *user, soi_login *out)
{
    const char *values[1] = {user};
    soi_step step = {SOI_STMT_LOGIN, NULL, 1, values};
    PGresult *res;
    soi_error *err = soi_store_run(st, c, NULL, 1, &step, &res, 0);

    memset(out, 0, sizeof(*out));
    if (err || PQntuples(res) != 1)
        return err;
    out->associate_id = (apr_int32_t)col_int(res, 0);
    out->password_hash = col_str(res, 1);
    out->rights = (int)col_int(res, 2);
    out->version = col_int(res, 3);
    return NULL;
}

soi_error *soi_store_ticket(soi_store *st, const soi_call *c, const char *scheme, const char *token_sha256,
                            soi_login *out)
{
    const char *values[2] = {token_sha256, scheme};
    soi_step step = {SOI_STMT_TICKET, NULL, 2, values};
    PGresult *res;
    soi_error *err = soi_store_run(st, c, NULL, 1, &step, &res, 0);

    memset(out, 0, sizeof(*out));
    if (err || PQntuples(res) != 1)
        return err;
    out->ticket = col_int(res, 0);
    out->associate_id = (apr_int32_t)col_int(res, 1);
    out->rights = (int)col_int(res, 2);
    out->version = col_int(res, 3);
    out->xsrf = col_str(res, 4);
    out->name = col_str(res, 5);
    return NULL;
}

soi_error *soi_store_app(soi_store *st, const soi_call *c, const char *token_sha256, soi_app *out)
{
    const char *values[1] = {token_sha256};
    soi_step step = {SOI_STMT_APP, NULL, 1, values};
    PGresult *res;
    soi_error *err = soi_store_run(st, c, NULL, 1, &step, &res, 0);

    memset(out, 0, sizeof(*out));
    if (err || PQntuples(res) != 1)
        return err;
    out->app_id = (apr_int32_t)col_int(res, 0);
    out->name = col_str(res, 1);
    return NULL;
}

/* The principal's parameters: contact, associate, credential version,
 * ticket, application. */
#define SOI_WHO_PARAMS 5
static void soi_who_params(const soi_call *c, const char *values[SOI_WHO_PARAMS])
{
    values[0] = soi_num(c->pool, c->contact);
    values[1] = soi_num(c->pool, c->who->associate_id);
    values[2] = soi_num(c->pool, c->who->version);
    values[3] = soi_num(c->pool, c->who->ticket);
    values[4] = soi_num(c->pool, c->who->app_id);
}

soi_error *soi_store_get(soi_store *st, const soi_call *c, soi_stored *out)
{
    const char *values[SOI_WHO_PARAMS];
    PGresult *res;
    soi_who_params(c, values);
    soi_step step = {SOI_STMT_GET, NULL, SOI_WHO_PARAMS, values};
    soi_error *err = soi_store_run(st, c, NULL, 1, &step, &res, 0);
    return err ? err : soi_store_decode(c, res, out);
}

#define SOI_PUT_PARAMS (SOI_WHO_PARAMS + 9)
static void soi_put_params(const soi_call *c, const soi_entity *e, const char *values[SOI_PUT_PARAMS])
{
    apr_pool_t *p = c->pool;
    const char **v = values + SOI_WHO_PARAMS;
    soi_who_params(c, values);
    v[0] = soi_num(p, e->v[SOI_F_BLOBID].num);
    v[1] = soi_num(p, e->v[SOI_F_BLOBSIZE].num);
    v[2] = e->v[SOI_F_DESCRIPTION].str;
    v[3] = e->v[SOI_F_EXTRAINFO].str;
    v[4] = e->v[SOI_F_ISENCRYPTED].num ? "t" : "f";
    v[5] = e->v[SOI_F_ISZIPPED].num ? "t" : "f";
    v[6] = e->v[SOI_F_MIMETYPE].str;
    v[7] = soi_num(p, e->v[SOI_F_ORIGINALSIZE].num);
    v[8] = e->v[SOI_F_CONCEPTUALTYPE].str;
}

soi_error *soi_store_put(soi_store *st, const soi_call *c, const soi_entity *e, soi_stored *out)
{
    const char *values[SOI_PUT_PARAMS];
    PGresult *res;
    soi_put_params(c, e, values);
    soi_step step = {SOI_STMT_PUT, NULL, SOI_PUT_PARAMS, values};
    soi_error *err = soi_store_run(st, c, NULL, 1, &step, &res, 1);
    return err ? err : soi_store_decode(c, res, out);
}

/* ---- the picture's bytes --------------------------------------------------------- */

/* A column of a binary result: network byte order, fixed width. */
static apr_int64_t bin_int(const PGresult *res, int col)
{
    const unsigned char *v = (const unsigned char *)PQgetvalue(res, 0, col);
    int n = PQgetlength(res, 0, col);
    apr_uint64_t u = 0;
    if (PQgetisnull(res, 0, col))
        return 0;
    for (int i = 0; i < n; i++)
        u = u << 8 | v[i];
    /* Sign-extend what is narrower than 64 bits. */
    if (n > 0 && n < 8 && (v[0] & 0x80))
        u |= ~(apr_uint64_t)0 << (8 * n);
    return (apr_int64_t)u;
}

static soi_error *soi_image_decode(const soi_call *c, const PGresult *res, int binary, soi_image *out)
{
    const char *outcome = PQntuples(res) == 1 ? PQgetvalue(res, 0, I_OUTCOME) : "";
    apr_size_t k = 0;

    while (k < sizeof(soi_outcomes) / sizeof(soi_outcomes[0]) && strcmp(outcome, soi_outcomes[k]) != 0)
        k++;
    if (k == sizeof(soi_outcomes) / sizeof(soi_outcomes[0]))
        return soi_error_server(c->pool, SOI_MSG_SERVER,
                                "the database answered %d row(s) with the outcome \"%s\"; load conf/schema.sql of "
                                "this release",
                                PQntuples(res), outcome);
    memset(out, 0, sizeof(*out));
    out->outcome = (soi_outcome)k;
    out->rights = (int)(binary ? bin_int(res, I_RIGHTS) : col_int(res, I_RIGHTS));
    out->blob_id = (apr_int32_t)(binary ? bin_int(res, I_BLOB_ID) : col_int(res, I_BLOB_ID));
    out->mimetype = PQgetisnull(res, 0, I_MIMETYPE) ? "" : PQgetvalue(res, 0, I_MIMETYPE);
    out->updated = binary ? bin_int(res, I_UPDATED) : col_int(res, I_UPDATED);
    out->version = (apr_int32_t)(binary ? bin_int(res, I_UPDATEDCOUNT) : col_int(res, I_UPDATEDCOUNT));
    if (!PQgetisnull(res, 0, I_DATA)) {
        out->data = PQgetvalue(res, 0, I_DATA);
        out->len = (apr_size_t)PQgetlength(res, 0, I_DATA);
    }
    return NULL;
}

soi_error *soi_store_image_get(soi_store *st, const soi_call *c, soi_image *out)
{
    const char *values[SOI_WHO_PARAMS];
    PGresult *res;
    soi_who_params(c, values);
    soi_step step = {SOI_STMT_IMAGE_GET, NULL, SOI_WHO_PARAMS, values, NULL, NULL, 1};
    soi_error *err = soi_store_run(st, c, NULL, 1, &step, &res, 0);
    return err ? err : soi_image_decode(c, res, 1, out);
}

soi_error *soi_store_image_put(soi_store *st, const soi_call *c, const char *mimetype, const char *data, apr_size_t len,
                               soi_image *out)
{
    const char *values[SOI_WHO_PARAMS + 2];
    int lengths[SOI_WHO_PARAMS + 2] = {0}, formats[SOI_WHO_PARAMS + 2] = {0};
    PGresult *res;

    soi_who_params(c, values);
    values[SOI_WHO_PARAMS] = mimetype;
    /* The bytes as a binary parameter: as they are, never hex-encoded. */
    values[SOI_WHO_PARAMS + 1] = data;
    lengths[SOI_WHO_PARAMS + 1] = (int)len;
    formats[SOI_WHO_PARAMS + 1] = 1;
    soi_step step = {SOI_STMT_IMAGE_PUT, NULL, SOI_WHO_PARAMS + 2, values, lengths, formats, 0};
    soi_error *err = soi_store_run(st, c, NULL, 1, &step, &res, 1);
    return err ? err : soi_image_decode(c, res, 0, out);
}

soi_error *soi_store_image_delete(soi_store *st, const soi_call *c, soi_image *out)
{
    const char *values[SOI_WHO_PARAMS];
    PGresult *res;
    soi_who_params(c, values);
    soi_step step = {SOI_STMT_IMAGE_DELETE, NULL, SOI_WHO_PARAMS, values};
    soi_error *err = soi_store_run(st, c, NULL, 1, &step, &res, 1);
    return err ? err : soi_image_decode(c, res, 0, out);
}

/* Rolls back a transaction still open and gives its connection back. */
static apr_status_t soi_tx_end(void *data)
{
    soi_tx *tx = data;
    if (!tx->conn)
        return APR_SUCCESS;
    if (!tx->conn->broken && PQtransactionStatus(tx->conn->pg) != PQTRANS_IDLE) {
        PGresult *res = PQexec(tx->conn->pg, "ROLLBACK");
        tx->conn->broken = PQresultStatus(res) != PGRES_COMMAND_OK;
        PQclear(res);
    }
    soi_pool_release(tx->conn);
    tx->conn = NULL;
    return APR_SUCCESS;
}

void soi_store_abandon(soi_tx *tx)
{
    if (tx)
        apr_pool_cleanup_run(tx->call.pool, tx, soi_tx_end);
}

soi_error *soi_store_lock(soi_store *st, const soi_call *c, soi_tx **txp, soi_stored *out)
{
    const char *values[SOI_WHO_PARAMS];
    PGresult *res[2];
    soi_tx *tx = apr_pcalloc(c->pool, sizeof(*tx));
    soi_error *err;

    *txp = NULL;
    soi_who_params(c, values);
    soi_step steps[2] = {{.stmt = -1, .sql = "BEGIN", .begins = 1}, {SOI_STMT_LOCK, NULL, SOI_WHO_PARAMS, values}};
    tx->store = st;
    tx->call = *c;
    if (!st->pool)
        return soi_store_closed(c->pool);
    /* The connection stays with the transaction: acquired here, given back
     * by soi_store_commit or soi_store_abandon (or the pool's cleanup). */
    for (int attempt = 0;; attempt++) {
        if ((err = soi_pool_acquire(st->pool, c->pool, c->log, &tx->conn)))
            return err;
        apr_pool_cleanup_register(c->pool, tx, soi_tx_end, apr_pool_cleanup_null);
        err = soi_store_run(st, c, tx->conn, 2, steps, res, 0);
        if (!err)
            break;
        /* Nothing is written yet: a connection that broke is replaced once. */
        int lost = tx->conn->broken;
        apr_pool_cleanup_run(c->pool, tx, soi_tx_end);
        if (!lost || attempt > 0)
            return err;
    }
    if ((err = soi_store_decode(c, res[1], out)) || out->outcome != SOI_OUT_DONE) {
        apr_pool_cleanup_run(c->pool, tx, soi_tx_end);
        return err;
    }
    *txp = tx;
    return NULL;
}

soi_error *soi_store_commit(soi_tx *tx, const soi_entity *e, soi_stored *out)
{
    const soi_call *c = &tx->call;
    const char *values[SOI_PUT_PARAMS];
    PGresult *res[2];
    soi_put_params(c, e, values);
    soi_step steps[2] = {{SOI_STMT_PUT, NULL, SOI_PUT_PARAMS, values}, {-1, "COMMIT", 0, NULL}};
    /* Never sent twice: a connection lost here may have committed or not. */
    soi_error *err = soi_store_run(tx->store, c, tx->conn, 2, steps, res, 1);
    apr_pool_cleanup_run(c->pool, tx, soi_tx_end);
    /* When the put refused (a right, a conflict), COMMIT ended a
     * transaction that wrote nothing. */
    return err ? err : soi_store_decode(c, res[0], out);
}
