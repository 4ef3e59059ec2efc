/* PostgreSQL: the statements the module runs and what they return. A store
 * is one database with its settings; each process opens its own pool of
 * connections to it (soi_pool.h), each connection preparing every statement
 * once. A connection is held only while SQL runs: for one statement, or
 * for the two round trips of a read-modify-write. Callers pass a call
 * context, never a request: the store knows nothing of httpd. */
#ifndef SOI_STORE_H
#define SOI_STORE_H

#include <apr_pools.h>

#include "core/soi_entity.h"
#include "core/soi_error.h"
#include "core/soi_log.h"
#include "core/soi_principal.h"
#include "core/soi_stats.h"

typedef struct soi_store soi_store;

typedef struct {
    const char *conninfo;                  /* libpq connection string */
    int pool_min;                          /* connections opened when a process starts */
    int pool_max;                          /* at most, per process */
    apr_interval_time_t pool_timeout;      /* longest wait for a free one */
    apr_interval_time_t statement_timeout; /* PostgreSQL's statement_timeout for our sessions */
    apr_interval_time_t lock_timeout;      /* and lock_timeout */
    /* Behind a pooler in transaction mode (pgbouncer's pool_mode =
     * transaction) a connection's session is not its own: each transaction
     * may land on another server. Unnamed: no named prepared statements and
     * no session settings; the timeouts travel with each transaction. */
    int unnamed;
} soi_store_settings;

/* A store for these settings, allocated in pool (at configuration time). */
soi_store *soi_store_create(apr_pool_t *pool, const soi_store_settings *settings);

const soi_store_settings *soi_store_settings_of(const soi_store *st);

/* Opens this process's pool (in child_init), warming pool_min connections.
 * log is for lines outside any request; stats (or NULL) keeps the pool's
 * counters. */
apr_status_t soi_store_open(soi_store *st, apr_pool_t *pchild, const soi_log *log, soi_stats *stats);

/* Whether the process has its pool. */
int soi_store_is_open(const soi_store *st);

/* Start-up check: 1 when the database answers. */
int soi_store_ping(const soi_store *st);

/* The version of conf/schema.sql this release works with; each later
 * change of the schema raises it and ships conf/migrations/NNNN-*.sql, which
 * brings version NNNN-1 to NNNN. */
#define SOI_SCHEMA_VERSION 6

/* Start-up check: NULL when the database's schema is this release's
 * version, else why not and what to run (the database is not reached:
 * NULL, the ping says so). */
const char *soi_store_schema(const soi_store *st, apr_pool_t *p);

/* True at most once per 10 seconds: outage messages are logged that often. */
int soi_store_alarm(soi_store *st);

/* The text of a resource reference ("SR_..." without brackets) in a
 * language ("en", "sv", "nb", ...), from the table public.soi_resource as
 * the process's first connection read it; NULL when there is none (or no
 * connection has been made yet). Allocates the lookup key in p. */
const char *soi_store_resource(soi_store *st, apr_pool_t *p, const char *language, const char *id);

/* A conninfo fit for a log line: password values replaced by "***". */
const char *soi_store_redact(apr_pool_t *pool, const char *conninfo);

/* What one call is about. */
typedef struct {
    apr_pool_t *pool;         /* for results, errors and the connection's lease */
    apr_int32_t contact;      /* the contact whose picture it concerns */
    const soi_principal *who; /* checked by every ImageInfo statement */
    const soi_log *log;
    apr_interval_time_t *db_time; /* adds up the time its round trips take (NULL: not kept) */
} soi_call;

/* What the database made of an ImageInfo statement. */
typedef enum {
    SOI_OUT_DONE,      /* read, or updated */
    SOI_OUT_CREATED,   /* picture and link created */
    SOI_OUT_STALE,     /* the principal's credentials changed since they were verified */
    SOI_OUT_FORBIDDEN, /* a right is missing */
    SOI_OUT_MISSING,   /* no such live contact */
    SOI_OUT_CONFLICT,  /* the body's BlobId is not the contact's picture */
    SOI_OUT_MISMATCH   /* the body's BlobSize is not the length of the stored bytes */
} soi_outcome;

typedef struct {
    soi_outcome outcome;
    int rights; /* the caller's rights as the database has them now */
    soi_entity entity;
    apr_int64_t data_length; /* the length of the picture's bytes; -1 when it has none */
} soi_stored;

/* An active associate found by login name, or by a ticket (associate_id 0:
 * none). */
typedef struct {
    apr_int32_t associate_id;
    const char *password_hash; /* by name; lives in the call's pool */
    int rights;
    apr_int64_t version;
    apr_int64_t ticket; /* by ticket: its ticket_id */
    const char *xsrf;   /* by ticket: the lowercase hex SHA-256 of its XSRF value, "" for none */
    const char *name;   /* by ticket: the associate's login name */
} soi_login;

soi_error *soi_store_login(soi_store *st, const soi_call *c, const char *user, soi_login *out);

/* A live ticket of `scheme` ("SOTicket", "Bearer") by the hex SHA-256 of
 * its token, and its active associate. */
soi_error *soi_store_ticket(soi_store *st, const soi_call *c, const char *scheme, const char *token_sha256,
                            soi_login *out);

/* An application that is not revoked, by the hex SHA-256 of its token
 * (app_id 0: none). */
typedef struct {
    apr_int32_t app_id;
    const char *name;
} soi_app;
soi_error *soi_store_app(soi_store *st, const soi_call *c, const char *token_sha256, soi_app *out);

soi_error *soi_store_get(soi_store *st, const soi_call *c, soi_stored *out);

/* e must be complete (soi_entity_fill_for_put). One statement in a
 * transaction of its own. */
soi_error *soi_store_put(soi_store *st, const soi_call *c, const soi_entity *e, soi_stored *out);

/* The picture's bytes (…/Image), and what a reply about them needs. */
typedef struct {
    soi_outcome outcome;
    int rights;
    apr_int32_t blob_id; /* 0: the contact has no picture */
    const char *mimetype;
    apr_time_t updated;
    apr_int32_t version; /* the row's update counter */
    const char *data;    /* NULL: no bytes; they live as long as the call's pool */
    apr_size_t len;
} soi_image;

/* The bytes come back in PostgreSQL's binary format: as stored, no text
 * encoding, no copy (they stay in libpq's result until the pool goes). */
soi_error *soi_store_image_get(soi_store *st, const soi_call *c, soi_image *out);

/* Stores len bytes of type mimetype as the contact's picture, sent as one
 * binary parameter. A write: never sent twice. */
soi_error *soi_store_image_put(soi_store *st, const soi_call *c, const char *mimetype, const char *data, apr_size_t len,
                               soi_image *out);

soi_error *soi_store_image_delete(soi_store *st, const soi_call *c, soi_image *out);

/* A read-modify-write in two round trips: soi_store_lock opens a
 * transaction and reads the picture with the contact row locked, so that
 * no other write lands in between; soi_store_commit writes and commits.
 * The transaction holds its connection until soi_store_commit or
 * soi_store_abandon (which rolls back), or until the call's pool is
 * cleared. With an outcome other than SOI_OUT_DONE, the lock has already
 * rolled back and *tx is NULL. */
typedef struct soi_tx soi_tx;
soi_error *soi_store_lock(soi_store *st, const soi_call *c, soi_tx **tx, soi_stored *out);
soi_error *soi_store_commit(soi_tx *tx, const soi_entity *e, soi_stored *out);
void soi_store_abandon(soi_tx *tx);

#endif
