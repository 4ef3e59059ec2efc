/* The store against a throwaway PostgreSQL (t/run-suite starts it and sets
 * SOI_TEST_CONNINFO): every outcome of the ImageInfo statements, the
 * credential-version check, concurrent first writes, transactions, and a
 * pool whose slow connects hold up nobody else. */
#include <apr_atomic.h>
#include <apr_general.h>
#include <apr_strings.h>
#include <apr_thread_proc.h>
#include <libpq-fe.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/tap.h"
#include "store/soi_pool.h"
#include "store/soi_store.h"

static const char *conninfo;
static PGconn *admin;

static void log_line(void *ctx, int level, const char *msg)
{
    printf("# log %d: %s\n", level, msg);
}
static const soi_log test_log = {log_line, NULL, SOI_LOG_WARNING};

/* One value from SQL run on the test's own connection. */
static const char *sql1(apr_pool_t *p, const char *sql)
{
    PGresult *r = PQexec(admin, sql);
    const char *v = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 ? apr_pstrdup(p, PQgetvalue(r, 0, 0))
                    : PQresultStatus(r) == PGRES_COMMAND_OK                  ? ""
                                                                             : NULL;
    if (!v)
        printf("# SQL failed: %s: %s", sql, PQresultErrorMessage(r));
    PQclear(r);
    return v;
}

static soi_principal login(soi_store *st, apr_pool_t *p, const char *user)
{
    soi_principal who = {0};
    soi_login l;
    soi_call c = {p, 0, NULL, &test_log, NULL};
    if (!soi_store_login(st, &c, user, &l)) {
        who.associate_id = l.associate_id;
        who.version = l.version;
        who.rights = l.rights;
    }
    return who;
}

/* A call that failed: -1, and *out holds the default entity, so that the
 * checks after it fail instead of reading what is not there. */
static soi_outcome failed(soi_stored *out)
{
    memset(out, 0, sizeof(*out));
    soi_entity_init_default(&out->entity);
    return (soi_outcome)-1;
}

/* The outcome of a call, or -1 when it failed. */
static soi_outcome outcome_of(const soi_error *err, soi_stored *out)
{
    return err ? failed(out) : out->outcome;
}

static soi_outcome get(soi_store *st, apr_pool_t *p, const soi_principal *who, apr_int32_t contact, soi_stored *out)
{
    soi_call c = {p, contact, who, &test_log, NULL};
    return outcome_of(soi_store_get(st, &c, out), out);
}

static soi_outcome put(soi_store *st, apr_pool_t *p, const soi_principal *who, apr_int32_t contact, apr_int64_t blob,
                       const char *description, soi_stored *out)
{
    soi_entity e;
    soi_entity_init_default(&e);
    e.v[SOI_F_BLOBID].num = blob;
    e.v[SOI_F_DESCRIPTION].str = description;
    e.v[SOI_F_DESCRIPTION].len = strlen(description);
    soi_call c = {p, contact, who, &test_log, NULL};
    return outcome_of(soi_store_put(st, &c, &e, out), out);
}

/* A locked read-modify-write's outcome; *tx is NULL unless it holds one. */
static soi_outcome lock(soi_store *st, const soi_call *c, soi_tx **tx, soi_stored *out)
{
    return outcome_of(soi_store_lock(st, c, tx, out), out);
}

/* Its commit's outcome; -1 also when there was no transaction to commit. */
static soi_outcome commit(soi_tx *tx, const soi_entity *e, soi_stored *out)
{
    return tx ? outcome_of(soi_store_commit(tx, e, out), out) : failed(out);
}

/* ---- concurrent first writes ---------------------------------------------------- */

typedef struct {
    soi_store *st;
    const soi_principal *who;
    soi_outcome got;
} writer_arg;

static void *APR_THREAD_FUNC writer(apr_thread_t *t, void *data)
{
    writer_arg *a = data;
    apr_pool_t *p;
    soi_stored out;
    apr_pool_create(&p, NULL);
    a->got = put(a->st, p, a->who, 183, 0, "concurrent", &out);
    apr_pool_destroy(p);
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

/* ---- a pool with a slow connect ------------------------------------------------------ */

static volatile int slow_connects;

static soi_error *slow_open(void *ctx, apr_pool_t *p, const soi_log *log, PGconn **out)
{
    if (slow_connects)
        apr_sleep(apr_time_from_sec(2));
    *out = PQconnectdb(conninfo);
    return PQstatus(*out) == CONNECTION_OK ? NULL : soi_error_server(p, SOI_MSG_UNAVAILABLE, "connect failed");
}

typedef struct {
    soi_pool *pool;
    apr_time_t took;
    int ok;
} acquirer_arg;

/* Fairness: waiters take turns in the order they came, and a caller that
 * arrives while others wait queues behind them. */
typedef struct {
    soi_pool *pool;
    apr_thread_mutex_t *lock;
    int *order, *served;
    int id, rounds;
} turn_arg;

static void *APR_THREAD_FUNC taker(apr_thread_t *t, void *data)
{
    turn_arg *a = data;
    for (int i = 0; i < a->rounds; i++) {
        apr_pool_t *p;
        soi_conn *c;
        apr_pool_create(&p, NULL);
        if (!soi_pool_acquire(a->pool, p, &test_log, &c)) {
            apr_thread_mutex_lock(a->lock);
            a->order[(*a->served)++] = a->id;
            apr_thread_mutex_unlock(a->lock);
            apr_sleep(apr_time_from_msec(5));
            soi_pool_release(c);
        }
        apr_pool_destroy(p);
    }
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

/* Hand-overs racing the timeout: many callers, two slots, a timeout about
 * as long as a slot is held. No slot may be held twice at once, none lost. */
typedef struct {
    soi_pool *pool;
    volatile apr_uint32_t *held_twice, *got, *timed_out;
    int rounds;
} racer_arg;

static void *APR_THREAD_FUNC racer(apr_thread_t *t, void *data)
{
    racer_arg *a = data;
    for (int i = 0; i < a->rounds; i++) {
        apr_pool_t *p;
        soi_conn *c;
        apr_pool_create(&p, NULL);
        soi_error *err = soi_pool_acquire(a->pool, p, &test_log, &c);
        if (!err) {
            /* A second holder of this slot would have made itself its holder. */
            apr_atomic_inc32(a->got);
            apr_sleep(500 + i % 7 * 100);
            if (c->holder != p)
                apr_atomic_inc32(a->held_twice);
            soi_pool_release(c);
        } else {
            apr_atomic_inc32(a->timed_out);
        }
        apr_pool_destroy(p);
    }
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

static void *APR_THREAD_FUNC acquirer(apr_thread_t *t, void *data)
{
    acquirer_arg *a = data;
    apr_pool_t *p;
    soi_conn *c;
    apr_pool_create(&p, NULL);
    apr_time_t t0 = apr_time_now();
    a->ok = soi_pool_acquire(a->pool, p, &test_log, &c) == NULL;
    a->took = apr_time_now() - t0;
    if (a->ok)
        soi_pool_release(c);
    apr_pool_destroy(p);
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

/* ---- reads run for one another --------------------------------------------------- */

/* A read in a thread of its own: a GET of contact, or with user set a login;
 * what came back is copied out before its pool goes. */
typedef struct {
    soi_store *st;
    const soi_principal *who;
    apr_int32_t contact;
    const char *user;
    soi_outcome got;
    apr_int64_t blob;
    apr_int32_t associate;
    char description[64];
    int status;       /* the error's, 0 when none */
    char detail[200]; /* and its detail */
} reader_arg;

static void *APR_THREAD_FUNC reader(apr_thread_t *t, void *data)
{
    reader_arg *a = data;
    apr_pool_t *p;
    soi_stored out;
    soi_error *err;
    apr_pool_create(&p, NULL);
    soi_call c = {p, a->contact, a->who, &test_log, NULL};
    if (a->user) {
        soi_login l;
        err = soi_store_login(a->st, &c, a->user, &l);
        a->associate = err ? -1 : l.associate_id;
    } else {
        err = soi_store_get(a->st, &c, &out);
        a->got = outcome_of(err, &out);
        a->blob = out.entity.v[SOI_F_BLOBID].num;
        apr_cpystrn(a->description, out.entity.v[SOI_F_DESCRIPTION].str ? out.entity.v[SOI_F_DESCRIPTION].str : "",
                    sizeof(a->description));
    }
    a->status = err ? err->status : 0;
    apr_cpystrn(a->detail, err && err->detail ? err->detail : "", sizeof(a->detail));
    apr_pool_destroy(p);
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

/* Waits until the pool has counted waits waits; 1 when it did in time. */
static int waits_reach(const soi_stats *stats, apr_uint64_t waits)
{
    for (int i = 0; i < 400; i++) {
        if (apr_atomic_read64((volatile apr_uint64_t *)&stats->pool_waits) >= waits)
            return 1;
        apr_sleep(apr_time_from_msec(5));
    }
    return 0;
}

/* Starts readers[0..n) one after the other, each once the one before waits
 * for the store's one connection, held meanwhile by a transaction; then
 * ends the transaction and joins them. The order they wait in is theirs. */
static int read_queued(soi_store *st, const soi_stats *stats, apr_pool_t *p, const soi_principal *who,
                       reader_arg *readers, int n)
{
    apr_thread_t *threads[16];
    soi_tx *tx = NULL;
    soi_stored out;
    soi_call c = {p, 42, who, &test_log, NULL};
    int queued = lock(st, &c, &tx, &out) == SOI_OUT_DONE && tx;
    apr_uint64_t base = apr_atomic_read64((volatile apr_uint64_t *)&stats->pool_waits);

    for (int i = 0; i < n; i++) {
        apr_thread_create(&threads[i], NULL, reader, &readers[i], p);
        queued = waits_reach(stats, base + (apr_uint64_t)i + 1) && queued;
    }
    if (tx)
        soi_store_abandon(tx);
    for (int i = 0; i < n; i++) {
        apr_status_t rv;
        apr_thread_join(&rv, threads[i]);
    }
    return queued;
}

int main(void)
{
    apr_pool_t *p;
    soi_stored out;

    conninfo = getenv("SOI_TEST_CONNINFO");
    if (!conninfo) {
        printf("Bail out! SOI_TEST_CONNINFO is not set: run this through t/run-suite (make check)\n");
        return 1;
    }
    apr_initialize();
    apr_pool_create(&p, NULL);
    admin = PQconnectdb(conninfo);
    if (PQstatus(admin) != CONNECTION_OK) {
        printf("Bail out! cannot connect: %s", PQerrorMessage(admin));
        return 1;
    }

    soi_store_settings set = {conninfo, 1, 4, apr_time_from_sec(2), apr_time_from_sec(5), apr_time_from_sec(2)};
    soi_store *st = soi_store_create(p, &set);
    ok(soi_store_ping(st), "the database answers a ping");
    ok(soi_store_open(st, p, &test_log, NULL) == APR_SUCCESS && soi_store_is_open(st), "the pool opens");

    /* Resource texts: read by the first connection (the pool's minimum of 1). */
    is_str(soi_store_resource(st, p, "sv", "SR_SOI_FIELD_NO_UPDATE"),
           "F\xc3\xb6r att \xc3\xa4ndra en bild kr\xc3\xa4vs r\xc3\xa4ttigheten Update.", "a resource text in Swedish");
    ok(soi_store_resource(st, p, "fr", "SR_SOI_TABLE_RIGHTS") == NULL, "none in a language the table lacks");
    ok(soi_store_resource(st, p, "en", "SR_NO_SUCH") == NULL, "none for an unknown reference");

    /* Logins. */
    soi_principal tje0 = login(st, p, "tje0");
    ok(tje0.associate_id == 1 && tje0.rights == 31 && tje0.version > 0, "tje0 logs in: id 1, rights 31, a version");
    is_int(login(st, p, "nobody").associate_id, 0, "an unknown name finds no associate");
    is_int(login(st, p, "gone").associate_id, 0, "nor does a deleted associate's");

    /* Reading. */
    is_int(get(st, p, &tje0, 42, &out), SOI_OUT_DONE, "GET a picture: done");
    ok(out.entity.v[SOI_F_BLOBID].num == 630 && out.rights == 31
           && strcmp(out.entity.v[SOI_F_DESCRIPTION].str, "Old description") == 0,
       "the picture as stored, with the rights the database holds");
    is_int(get(st, p, &tje0, 151, &out), SOI_OUT_DONE, "a contact without a picture: done");
    is_int(out.entity.v[SOI_F_BLOBID].num, 0, "with the default entity");
    is_int(get(st, p, &tje0, 5000, &out), SOI_OUT_MISSING, "no such contact: missing");
    is_int(get(st, p, &tje0, 199, &out), SOI_OUT_MISSING, "a deleted contact: missing");
    soi_principal none = login(st, p, "norights");
    is_int(get(st, p, &none, 42, &out), SOI_OUT_FORBIDDEN, "no Select right: forbidden");

    /* The credential version. */
    soi_principal old = tje0;
    old.version--;
    is_int(get(st, p, &old, 42, &out), SOI_OUT_STALE, "another version of the credentials: stale");
    soi_principal ghost = {.associate_id = 5, .version = 1, .rights = 31, .scheme = "Basic", .user = "gone"};
    ghost.version = apr_atoi64(sql1(p, "SELECT cred_version FROM associate WHERE associate_id = 5"));
    is_int(get(st, p, &ghost, 42, &out), SOI_OUT_STALE, "a deleted associate, even with its current version: stale");
    sql1(p, "UPDATE associate SET blob_rights = 31, full_name = full_name || '' WHERE associate_id = 1");
    is_int(get(st, p, &tje0, 42, &out), SOI_OUT_DONE, "an update that changes no credential keeps the version");
    sql1(p, "UPDATE associate SET blob_rights = 30 WHERE associate_id = 1");
    sql1(p, "UPDATE associate SET blob_rights = 31 WHERE associate_id = 1");
    is_int(get(st, p, &tje0, 42, &out), SOI_OUT_STALE, "rights changed (and back): stale");
    tje0 = login(st, p, "tje0");
    is_int(get(st, p, &tje0, 42, &out), SOI_OUT_DONE, "logged in again: done");
    sql1(p, "UPDATE associate SET password_hash = password_hash || '' WHERE associate_id = 1");
    is_int(get(st, p, &tje0, 42, &out), SOI_OUT_DONE, "the same hash written again keeps the version");

    /* Writing. */
    is_int(put(st, p, &tje0, 180, 0, "first", &out), SOI_OUT_CREATED, "a first PUT: created");
    apr_int64_t blob = out.entity.v[SOI_F_BLOBID].num;
    ok(blob > 10000 && strcmp(out.entity.v[SOI_F_DESCRIPTION].str, "first") == 0, "the new picture comes back");
    is_str(
        sql1(p, "SELECT count(*) FROM binaryobjectlink WHERE ownertable = 5 AND linktype = 17 AND ownerrecord = 180"),
        "1", "with its link");
    is_int(put(st, p, &tje0, 180, 0, "second", &out), SOI_OUT_DONE, "a second PUT: done");
    is_int(out.entity.v[SOI_F_BLOBID].num, blob, "it keeps the BlobId");
    is_int(put(st, p, &tje0, 180, blob + 1, "third", &out), SOI_OUT_CONFLICT, "another BlobId: conflict");
    is_str(sql1(p, "SELECT description FROM binaryobject b JOIN binaryobjectlink l USING (binaryobject_id) "
                   "WHERE l.ownerrecord = 180 AND l.ownertable = 5"),
           "second", "and nothing written");
    is_int(put(st, p, &tje0, 181, 630, "x", &out), SOI_OUT_CONFLICT, "a BlobId where there is no picture: conflict");
    soi_principal updater = login(st, p, "updater");
    is_int(put(st, p, &updater, 181, 0, "x", &out), SOI_OUT_FORBIDDEN, "creating without Insert: forbidden");
    is_int(put(st, p, &updater, 42, 0, "by updater", &out), SOI_OUT_DONE, "updating with Update: done");
    soi_principal inserter = login(st, p, "inserter");
    is_int(put(st, p, &inserter, 42, 0, "x", &out), SOI_OUT_FORBIDDEN, "updating without Update: forbidden");
    is_int(put(st, p, &old, 42, 0, "x", &out), SOI_OUT_STALE, "a stale principal cannot write");
    is_int(put(st, p, &tje0, 5000, 0, "x", &out), SOI_OUT_MISSING, "no such contact: missing");

    /* Tickets and applications. */
    const char *token = sql1(p, "SELECT token FROM soi_issue_ticket(1)");
    const char *digest = sql1(p, apr_psprintf(p, "SELECT soi_sha256_hex('%s')", token));
    soi_login t;
    soi_call tc = {p, 0, NULL, &test_log, NULL};
    ok(!soi_store_ticket(st, &tc, "SOTicket", digest, &t) && t.associate_id == 1 && t.ticket > 0
           && strlen(t.xsrf) == 64,
       "an issued ticket is found by its digest, with its XSRF digest");
    ok(!soi_store_ticket(st, &tc, "Bearer", digest, &t) && t.associate_id == 0, "not under another scheme");
    soi_principal by_ticket = tje0;
    by_ticket.ticket =
        apr_atoi64(sql1(p, apr_psprintf(p, "SELECT ticket_id FROM soi_ticket WHERE token_sha256 = '%s'", digest)));
    is_int(get(st, p, &by_ticket, 42, &out), SOI_OUT_DONE, "a ticket's principal reads");
    sql1(p, apr_psprintf(p, "SELECT soi_revoke_ticket('%s')", token));
    is_int(get(st, p, &by_ticket, 42, &out), SOI_OUT_STALE, "revoked: stale at once");
    ok(!soi_store_ticket(st, &tc, "SOTicket", digest, &t) && t.associate_id == 0, "and no longer found");
    const char *expiring = sql1(p, "SELECT token FROM soi_issue_ticket(1, 'Bearer', interval '-1 second')");
    ok(!soi_store_ticket(st, &tc, "Bearer", sql1(p, apr_psprintf(p, "SELECT soi_sha256_hex('%s')", expiring)), &t)
           && t.associate_id == 0,
       "an expired ticket is not found");
    const char *app_token = sql1(p, "SELECT token FROM soi_register_app('Portal')");
    soi_app app;
    ok(!soi_store_app(st, &tc, sql1(p, apr_psprintf(p, "SELECT soi_sha256_hex('%s')", app_token)), &app)
           && app.app_id > 0 && strcmp(app.name, "Portal") == 0,
       "a registered application is found by its digest");
    soi_principal with_app = tje0;
    with_app.app_id = app.app_id;
    is_int(put(st, p, &with_app, 42, 0, "by the portal", &out), SOI_OUT_DONE, "a write through an application");
    is_str(sql1(p, "SELECT app_name || '|' || action || '|' || (before->>'Description') || '|' || "
                   "(after->>'Description') FROM soi_audit ORDER BY audit_id DESC LIMIT 1"),
           "Portal|update|by updater|by the portal", "is audited with the application, before and after");
    sql1(p, apr_psprintf(p, "SELECT soi_revoke_app('%s')", app_token));
    is_int(get(st, p, &with_app, 42, &out), SOI_OUT_STALE, "a revoked application: stale at once");

    /* Transactions. */
    soi_call c = {p, 182, &tje0, &test_log, NULL};
    soi_tx *tx;
    ok(lock(st, &c, &tx, &out) == SOI_OUT_DONE && tx, "lock: done, a transaction");
    soi_entity e = out.entity;
    e.v[SOI_F_DESCRIPTION].str = "locked write";
    e.v[SOI_F_DESCRIPTION].len = strlen("locked write");
    is_int(commit(tx, &e, &out), SOI_OUT_CREATED, "commit: created");
    c.contact = 42;
    ok(lock(st, &c, &tx, &out) == SOI_OUT_DONE && tx, "lock a picture");
    if (tx)
        soi_store_abandon(tx);
    is_int(put(st, p, &tje0, 42, 0, "after abandon", &out), SOI_OUT_DONE, "abandoned: its lock is gone at once");
    c.who = &old;
    ok(lock(st, &c, &tx, &out) == SOI_OUT_STALE && !tx, "a stale lock holds no transaction");
    is_str(sql1(p, "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'"), "0",
           "no session is left in a transaction");

    /* Concurrent first writes make one picture. */
    enum { WRITERS = 8 };
    apr_thread_t *threads[WRITERS];
    writer_arg args[WRITERS];
    for (int i = 0; i < WRITERS; i++) {
        args[i] = (writer_arg){st, &tje0, (soi_outcome)-1};
        apr_thread_create(&threads[i], NULL, writer, &args[i], p);
    }
    int created = 0, done = 0;
    for (int i = 0; i < WRITERS; i++) {
        apr_status_t rv;
        apr_thread_join(&rv, threads[i]);
        created += args[i].got == SOI_OUT_CREATED;
        done += args[i].got == SOI_OUT_DONE;
    }
    ok(created == 1 && done == WRITERS - 1, "%d concurrent first PUTs: one created (%d), the others done (%d)", WRITERS,
       created, done);
    is_str(
        sql1(p, "SELECT count(*) FROM binaryobjectlink WHERE ownertable = 5 AND linktype = 17 AND ownerrecord = 183"),
        "1", "one link");

    /* Reads that wait for the one connection go in one round trip, sent by
     * the first of them, and each gets its own answer. */
    soi_stats jstats;
    memset(&jstats, 0, sizeof(jstats));
    soi_store_settings jset = {apr_pstrcat(p, conninfo, " application_name=soi-store-join", NULL),
                               1,
                               1,
                               apr_time_from_sec(5),
                               apr_time_from_sec(5),
                               apr_time_from_sec(2)};
    soi_store *jst = soi_store_create(p, &jset);
    ok(soi_store_open(jst, p, &test_log, &jstats) == APR_SUCCESS, "a store of one connection opens");
    const char *jpid = sql1(p, "SELECT pid FROM pg_stat_activity WHERE application_name = 'soi-store-join'");
    static const apr_int32_t jcontacts[] = {42, 151, 5000, 183, 199};
    enum { JOINED = sizeof(jcontacts) / sizeof(jcontacts[0]) + 1 };
    reader_arg want[JOINED], readers[JOINED];
    for (int i = 0; i < JOINED; i++) {
        want[i] = (reader_arg){jst, &tje0, i < JOINED - 1 ? jcontacts[i] : 0, i < JOINED - 1 ? NULL : "tje0"};
        readers[i] = want[i];
    }
    read_queued(jst, &jstats, p, &tje0, want, 1); /* each alone first: what each must get */
    for (int i = 1; i < JOINED; i++)
        read_queued(jst, &jstats, p, &tje0, &want[i], 1);
    apr_uint64_t joined0 = jstats.pool_joined;
    ok(joined0 == 0, "a read alone joins nobody");
    ok(read_queued(jst, &jstats, p, &tje0, readers, JOINED), "%d reads wait for the connection, one after the other",
       JOINED);
    is_int((int)(jstats.pool_joined - joined0), JOINED - 1, "the first sends the other %d with its own", JOINED - 1);
    int same = 0;
    for (int i = 0; i < JOINED; i++) {
        int eq = readers[i].status == 0 && readers[i].got == want[i].got && readers[i].blob == want[i].blob
                 && readers[i].associate == want[i].associate
                 && strcmp(readers[i].description, want[i].description) == 0;
        if (!eq)
            printf("# read %d: outcome %d blob %d \"%s\" associate %d, alone %d %d \"%s\" %d (%s)\n", i,
                   (int)readers[i].got, (int)readers[i].blob, readers[i].description, (int)readers[i].associate,
                   (int)want[i].got, (int)want[i].blob, want[i].description, (int)want[i].associate, readers[i].detail);
        same += eq;
    }
    is_int(same, JOINED, "each read got the answer it gets alone");
    ok(want[0].got == SOI_OUT_DONE && want[0].blob > 0 && want[2].got == SOI_OUT_MISSING && want[1].blob == 0
           && want[JOINED - 1].associate == 1,
       "and those differ: a picture, none, a missing contact, a login");

    /* One that fails (a name that is not UTF-8) leaves those after it unrun;
     * each of those is sent again on its own, and the connection stays. */
    reader_arg mixed[4] = {
        {jst, &tje0, 42, NULL}, {jst, &tje0, 0, "bad\xff"}, {jst, &tje0, 183, NULL}, {jst, &tje0, 0, "tje0"}};
    joined0 = jstats.pool_joined;
    ok(read_queued(jst, &jstats, p, &tje0, mixed, 4), "four reads wait, the second of them bad");
    is_int((int)(jstats.pool_joined - joined0), 3, "all four go in one round trip");
    ok(mixed[0].status == 0 && mixed[0].got == want[0].got && mixed[0].blob == want[0].blob,
       "the first is answered (%s)", mixed[0].detail);
    ok(mixed[1].status == 500 && strstr(mixed[1].detail, "statement soi_login failed (SQLSTATE 22021)"),
       "the bad one: a 500 with its SQLSTATE (%d: %s)", mixed[1].status, mixed[1].detail);
    ok(mixed[2].status == 0 && mixed[2].got == want[3].got && mixed[2].blob == want[3].blob,
       "the one after it: answered, sent again (%s)", mixed[2].detail);
    ok(mixed[3].status == 0 && mixed[3].associate == 1, "and the last (%s)", mixed[3].detail);
    is_str(sql1(p, "SELECT pid FROM pg_stat_activity WHERE application_name = 'soi-store-join'"), jpid,
           "the connection is the same one");

    /* A write keeps its place: the reads before and after it are not sent
     * in one round trip across it. */
    reader_arg around[3] = {{jst, &tje0, 42, NULL}, {jst, &tje0, 0, "tje0"}, {jst, &tje0, 151, NULL}};
    apr_thread_t *wt;
    writer_arg wa = {jst, &tje0, (soi_outcome)-1};
    soi_tx *htx = NULL;
    soi_call hc = {p, 42, &tje0, &test_log, NULL};
    joined0 = jstats.pool_joined;
    apr_uint64_t w0 = jstats.pool_waits;
    int in_order = lock(jst, &hc, &htx, &out) == SOI_OUT_DONE && htx;
    apr_thread_t *rt[3];
    apr_thread_create(&rt[0], NULL, reader, &around[0], p);
    in_order = waits_reach(&jstats, w0 + 1) && in_order;
    apr_thread_create(&wt, NULL, writer, &wa, p);
    in_order = waits_reach(&jstats, w0 + 2) && in_order;
    apr_thread_create(&rt[1], NULL, reader, &around[1], p);
    in_order = waits_reach(&jstats, w0 + 3) && in_order;
    apr_thread_create(&rt[2], NULL, reader, &around[2], p);
    in_order = waits_reach(&jstats, w0 + 4) && in_order;
    if (htx)
        soi_store_abandon(htx);
    apr_status_t jrv;
    for (int i = 0; i < 3; i++)
        apr_thread_join(&jrv, rt[i]);
    apr_thread_join(&jrv, wt);
    ok(in_order, "a read, a write and two reads wait, in that order");
    is_int((int)(jstats.pool_joined - joined0), 1, "only the two reads after the write go together");
    ok(around[0].status == 0 && around[1].associate == 1 && around[2].status == 0 && around[2].got == want[1].got
           && wa.got == SOI_OUT_DONE,
       "and every one is answered");

    /* A slow connect holds up only its own caller: an idle connection is
     * handed out meanwhile. */
    apr_status_t rv;
    soi_pool *pool = soi_pool_create(p, 3, apr_time_from_sec(5), slow_open, NULL, NULL, &rv);
    soi_conn *held;
    ok(pool && !soi_pool_acquire(pool, p, &test_log, &held), "a pool with one connection held");
    slow_connects = 1;
    acquirer_arg slow = {pool, 0, 0}, quick = {pool, 0, 0};
    apr_thread_t *ts, *tq;
    apr_thread_create(&ts, NULL, acquirer, &slow, p);
    apr_sleep(apr_time_from_msec(300)); /* the slow one is connecting now */
    soi_pool_release(held);
    apr_thread_create(&tq, NULL, acquirer, &quick, p);
    apr_thread_join(&rv, tq);
    apr_thread_join(&rv, ts);
    ok(quick.ok && quick.took < apr_time_from_msec(500),
       "the idle connection is handed out while another connects (%d ms)", (int)apr_time_as_msec(quick.took));
    ok(slow.ok && slow.took >= apr_time_from_msec(1900), "the slow connect took its time (%d ms)",
       (int)apr_time_as_msec(slow.took));

    /* One connection, held; four callers queue for it 30 ms apart, each
     * taking it three times: they are served in turns, 1 2 3 4 1 2 3 4 ...,
     * since each one coming back queues behind the others. */
    soi_pool *fair = soi_pool_create(p, 1, apr_time_from_sec(5), slow_open, NULL, NULL, &rv);
    slow_connects = 0;
    ok(fair && !soi_pool_acquire(fair, p, &test_log, &held), "a pool of one connection, held");
    enum { TAKERS = 4, TURNS = 3 };
    int order[TAKERS * TURNS], served = 0;
    apr_thread_mutex_t *order_lock;
    apr_thread_mutex_create(&order_lock, APR_THREAD_MUTEX_DEFAULT, p);
    turn_arg turns[TAKERS];
    apr_thread_t *takers[TAKERS];
    for (int i = 0; i < TAKERS; i++) {
        turns[i] = (turn_arg){fair, order_lock, order, &served, i + 1, TURNS};
        apr_thread_create(&takers[i], NULL, taker, &turns[i], p);
        apr_sleep(apr_time_from_msec(30));
    }
    soi_pool_release(held);
    for (int i = 0; i < TAKERS; i++)
        apr_thread_join(&rv, takers[i]);
    char got_order[TAKERS * TURNS + 1];
    for (int i = 0; i < served; i++)
        got_order[i] = (char)('0' + order[i]);
    got_order[served] = '\0';
    is_str(got_order, "123412341234", "waiters are served first come, first served, in turns");

    /* Eight callers, two slots, a 2 ms timeout: hand-overs race timeouts. */
    enum { RACERS = 8, RACES = 300 };
    soi_pool *race = soi_pool_create(p, 2, apr_time_from_msec(2), slow_open, NULL, NULL, &rv);
    volatile apr_uint32_t held_twice = 0, got = 0, timed_out = 0;
    racer_arg racing = {race, &held_twice, &got, &timed_out, RACES};
    apr_thread_t *racers[RACERS];
    for (int i = 0; i < RACERS; i++)
        apr_thread_create(&racers[i], NULL, racer, &racing, p);
    for (int i = 0; i < RACERS; i++)
        apr_thread_join(&rv, racers[i]);
    ok(got + timed_out == RACERS * RACES && got > 0 && timed_out > 0,
       "hand-overs raced timeouts: %u acquired, %u timed out", got, timed_out);
    ok(held_twice == 0, "no slot was held by two callers at once");
    soi_conn *two[3];
    apr_pool_t *rp;
    apr_pool_create(&rp, p);
    int back = !soi_pool_acquire(race, rp, &test_log, &two[0]) && !soi_pool_acquire(race, rp, &test_log, &two[1]);
    soi_error *third = soi_pool_acquire(race, rp, &test_log, &two[2]);
    ok(back && third && two[0] != two[1], "afterwards both slots are there, and no third");
    apr_pool_destroy(rp);

    /* A database of another schema version is refused, saying what to run. */
    soi_store_settings vset = {conninfo, 0, 2, apr_time_from_sec(2), apr_time_from_sec(5), apr_time_from_sec(2)};
    const int now = SOI_SCHEMA_VERSION;
    const struct {
        const char *version, *says, *what;
    } versions[] = {
        {"1",
         apr_psprintf(p,
                      "its schema is version 1 and this module needs version %d: run the migrations numbered 2 to %d",
                      now, now),
         "an older schema: the migrations to run"},
        {apr_itoa(p, now + 1),
         apr_psprintf(p, "its schema is version %d, newer than the version %d this module knows", now + 1, now),
         "a newer schema: the release"},
    };
    for (size_t i = 0; i < sizeof(versions) / sizeof(versions[0]); i++) {
        sql1(p, apr_pstrcat(p, "UPDATE soi_schema_version SET version = ", versions[i].version, NULL));
        soi_store *vst = soi_store_create(p, &vset);
        soi_store_open(vst, p, &test_log, NULL);
        const char *startup = soi_store_schema(vst, p);
        soi_stored vout;
        soi_call vc = {p, 42, &tje0, &test_log, NULL};
        soi_error *verr = soi_store_get(vst, &vc, &vout);
        ok(startup && strstr(startup, versions[i].says) && verr && verr->status == 503 && verr->detail
               && strstr(verr->detail, versions[i].says),
           "version %s, %s: at start-up and per connection (%s)", versions[i].version, versions[i].what,
           startup ? startup : "none");
    }
    sql1(p, apr_psprintf(p, "UPDATE soi_schema_version SET version = %d", now));
    ok(soi_store_schema(st, p) == NULL, "version %d: the start-up check is silent", now);

    /* A server that stops answering (its backend stopped, so its own
     * statement_timeout cannot fire either): the round trip ends at the
     * module's deadline, statement_timeout and a second, with a 503 and the
     * connection closed; the next call gets a new one. */
    soi_store_settings sset = {apr_pstrcat(p, conninfo, " application_name=soi-store-stuck", NULL),
                               0,
                               1,
                               apr_time_from_sec(2),
                               apr_time_from_sec(1),
                               0};
    soi_store *sst = soi_store_create(p, &sset);
    ok(soi_store_open(sst, p, &test_log, NULL) == APR_SUCCESS && get(sst, p, &tje0, 42, &out) == SOI_OUT_DONE,
       "a store of one connection with a statement timeout of 1 s reads");
    const char *stuck = sql1(p, "SELECT pid FROM pg_stat_activity WHERE application_name = 'soi-store-stuck'");
    pid_t backend = stuck ? (pid_t)atoi(stuck) : 0;
    ok(backend > 0 && kill(backend, SIGSTOP) == 0, "its backend (pid %d) is stopped", (int)backend);
    soi_call sc = {p, 42, &tje0, &test_log, NULL};
    apr_time_t t0 = apr_time_now();
    soi_error *serr = soi_store_get(sst, &sc, &out);
    apr_interval_time_t took = apr_time_now() - t0;
    if (backend > 0)
        kill(backend, SIGCONT);
    ok(serr && serr->status == 503 && serr->detail
           && strstr(serr->detail, "no answer to statement soi_get within 2000 ms"),
       "a read it does not answer: 503 (%s)", serr && serr->detail ? serr->detail : "none");
    ok(took >= apr_time_from_msec(1900) && took < apr_time_from_sec(4), "at the deadline, 2 s (%d ms)",
       (int)apr_time_as_msec(took));
    is_int(get(sst, p, &tje0, 42, &out), SOI_OUT_DONE, "the next read gets a new connection");
    const char *stuck_left = NULL;
    for (int i = 0; i < 40; i++) {
        stuck_left = sql1(p, apr_psprintf(p, "SELECT count(*) FROM pg_stat_activity WHERE pid = %d", (int)backend));
        if (stuck_left && strcmp(stuck_left, "0") == 0)
            break;
        apr_sleep(apr_time_from_msec(50));
    }
    is_str(stuck_left, "0", "and the old one is closed: its backend has gone");

    /* Unnamed statements through pgbouncer in transaction mode (two server
     * connections for every client): reads, writes and a read-modify-write
     * work, and a prepared store there is refused with the fix. */
    const char *bouncer = getenv("SOI_TEST_BOUNCER");
    if (!bouncer) {
        printf("Bail out! SOI_TEST_BOUNCER is not set: run this through t/run-suite (make check)\n");
        return 1;
    }
    soi_store_settings bset = {bouncer, 2, 4, apr_time_from_sec(2), apr_time_from_sec(5), apr_time_from_sec(2), 1};
    soi_store *bst = soi_store_create(p, &bset);
    ok(soi_store_open(bst, p, &test_log, NULL) == APR_SUCCESS, "an unnamed store opens through the bouncer");
    soi_principal btje0 = login(bst, p, "tje0");
    ok(btje0.associate_id == 1 && btje0.version == tje0.version, "tje0 logs in through it");
    is_int(get(bst, p, &btje0, 42, &out), SOI_OUT_DONE, "GET through the bouncer: done");
    is_int(put(bst, p, &btje0, 184, 0, "through the bouncer", &out), SOI_OUT_CREATED, "a first PUT: created");
    soi_call bc = {p, 184, &btje0, &test_log, NULL};
    ok(lock(bst, &bc, &tx, &out) == SOI_OUT_DONE && tx, "a lock through the bouncer");
    e = out.entity;
    e.v[SOI_F_DESCRIPTION].str = "locked, through the bouncer";
    e.v[SOI_F_DESCRIPTION].len = strlen(e.v[SOI_F_DESCRIPTION].str);
    is_int(commit(tx, &e, &out), SOI_OUT_DONE, "and its commit");
    is_str(sql1(p, "SELECT description FROM binaryobject b JOIN binaryobjectlink l USING (binaryobject_id) "
                   "WHERE l.ownerrecord = 184 AND l.ownertable = 5 AND l.linktype = 17"),
           "locked, through the bouncer", "in the database");
    /* Stores of one connection each, prepared: the second session to
     * prepare on a server the bouncer shares finds the statement there. */
    soi_store_settings pset = {bouncer, 0, 1, apr_time_from_sec(2), apr_time_from_sec(5), apr_time_from_sec(2), 0};
    soi_call pc = {p, 42, &btje0, &test_log, NULL};
    soi_error *perr = NULL;
    for (int i = 0; i < 4 && !perr; i++) {
        soi_store *pst = soi_store_create(p, &pset);
        soi_store_open(pst, p, &test_log, NULL);
        perr = soi_store_get(pst, &pc, &out);
    }
    ok(perr && perr->detail && strstr(perr->detail, "set SoImageInfoStatements Unnamed"),
       "prepared statements through the bouncer: refused, naming the fix (%s)", perr ? perr->detail : "none");

    PQfinish(admin);
    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
