/* PostgreSQL: a per-process pool of libpq connections (an apr_reslist made
 * in child_init), statements prepared once per connection, and the calls
 * the handlers make. Each call is one statement, one round trip. */
#ifndef SOI_STORE_H
#define SOI_STORE_H

#include <apr_reslist.h>

#include "http/soi_http.h"

struct soi_backend {
    /* Settings, fixed at post_config. */
    const char *conninfo;
    int pool_min;
    int pool_max; /* 0: the default */
    apr_interval_time_t pool_timeout;
    int cache_entries;
    apr_interval_time_t cache_ttl;
    server_rec *server; /* for log lines outside requests */
    /* Per process, from child_init. */
    apr_reslist_t *reslist;
    int pool_size; /* its maximum */
    soi_credcache *creds;
    apr_uint32_t quiet_until; /* apr_time_sec: outage messages are logged once per interval */
};

/* The backend for a server's effective settings: servers with equal
 * settings share one (and so one pool per process). */
soi_backend *soi_backend_for(apr_pool_t *pconf, server_rec *s, const soi_srv_conf *c, apr_array_header_t *known);

/* Opens the pool and the credential cache of this process. */
void soi_backend_child_init(soi_backend *b, apr_pool_t *pchild);

/* True at most once per 10 seconds: outage messages are logged that often. */
int soi_backend_alarm(soi_backend *b);

/* Start-up check: warns when the database does not answer (never fatal). */
void soi_backend_ping(soi_backend *b, apr_pool_t *ptemp);

typedef struct {
    apr_int32_t associate_id; /* 0: no active associate of that name */
    const char *password_hash;
    int rights;
} soi_login;

/* Hands the request's connection back to the pool now, rather than when
 * the request pool goes, which is only after the reply has crossed the
 * network (and, with pipelined requests, after the next one is served). */
void soi_store_release(soi_req *q);

/* Looks up an active associate by login name. */
soi_error *soi_store_login(soi_req *q, const char *user, soi_login *out);

typedef struct {
    int outcome; /* 200, 201, 401, 403, 404, 409: see soi_imageinfo in schema.sql */
    int rights;  /* the caller's rights as the database has them now */
    soi_entity entity;
} soi_stored;

soi_error *soi_store_get(soi_req *q, soi_stored *out);
/* e must be complete for PUT (soi_entity_fill_for_put). One statement, in
 * a transaction of its own. */
soi_error *soi_store_put(soi_req *q, const soi_entity *e, soi_stored *out);

/* A read-modify-write in two round trips: soi_store_lock opens a transaction
 * and reads the picture with the contact row locked (no concurrent write can
 * land in between); soi_store_put_commit writes and commits. Releasing the
 * connection without the second rolls the transaction back. */
soi_error *soi_store_lock(soi_req *q, soi_stored *out);
soi_error *soi_store_put_commit(soi_req *q, const soi_entity *e, soi_stored *out);

#endif
