/* What the httpd-facing files share: the module record, the database
 * backend of a server, and the state of one request as it moves through
 * the handler. */
#ifndef SOI_HTTP_H
#define SOI_HTTP_H

#include <httpd.h>
#include <http_config.h>
#include <http_log.h>

#include "auth/soi_auth.h"
#include "core/soi_entity.h"
#include "core/soi_error.h"
#include "core/soi_log.h"
#include "core/soi_media.h"
#include "core/soi_principal.h"
#include "core/soi_route.h"
#include "http/soi_config.h"
#include "i18n/soi_lang.h"
#include "store/soi_store.h"

extern module AP_MODULE_DECLARE_DATA soimageinfo_module;

#ifdef APLOG_USE_MODULE
APLOG_USE_MODULE(soimageinfo);
#endif

/* A database and what each process keeps for it: servers with equal
 * settings share one (so one pool and one login cache per process). */
struct soi_backend {
    soi_store *store;
    int cache_entries;
    apr_interval_time_t cache_ttl;
    server_rec *server; /* for log lines outside requests */
    soi_log log;        /* writes to that server's error log */
    soi_auth *auth;     /* per process, from child_init */
};

/* The backend for a server's effective settings, made once per set of
 * settings in post_config (known holds those made so far). */
soi_backend *soi_backend_for(apr_pool_t *pconf, server_rec *s, const soi_srv_conf *c, apr_array_header_t *known);

/* This process's pool and login cache (child_init), counting into stats. */
void soi_backend_child_init(soi_backend *b, apr_pool_t *pchild, soi_stats *stats);

typedef struct {
    request_rec *r;
    const soi_dir_conf *dconf;
    soi_backend *backend; /* NULL without SoImageInfoDatabase */
    soi_route route;
    unsigned body_media; /* SOI_MEDIA_* a request body may be: the route and method say */
    soi_media reply;     /* the negotiated media type of the reply, errors included */
    soi_format format;   /* its syntax */
    int body;            /* SOI_BODY_*: how far the request body has been read */
    int answered;        /* a reply has gone out: nothing more is written or committed */
    soi_log log;         /* writes to the request's error log */
    soi_auth_request authq;
    soi_principal who;           /* once authenticated */
    soi_lang_pref lang;          /* what SO-Language or Accept-Language ask for */
    soi_lang msg_lang;           /* the language messages are written in */
    soi_zone zone;               /* SO-TimeZone, once soi_req_locale has read it (id 0: none) */
    int lang_varies;             /* the reply's bytes depend on SO-Language and Accept-Language */
    apr_interval_time_t db_time; /* spent in the database's round trips */
    soi_stats *stats;            /* this process's counters, or NULL */
} soi_req;

enum { SOI_BODY_UNREAD = 0, SOI_BODY_PARTLY, SOI_BODY_READ };

/* Sets q up for r. */
void soi_req_init(soi_req *q, request_rec *r);

/* SO-Culture and SO-TimeZone, checked (a 400 for one that is malformed or
 * unknown) and the zone kept in q->zone. Neither changes a value of
 * BlobEntity: it has no value shown as culture-dependent text, and its
 * only dates, CreatedDate and UpdatedDate, are UTC whatever the zone. */
soi_error *soi_req_locale(soi_req *q);

/* The call context for the store about q's contact and caller. */
soi_call soi_req_call(soi_req *q);

/* Who is calling (into q->who); r->user names them once verified. */
soi_error *soi_req_identify(soi_req *q);

/* The database found the caller's credentials changed since they were
 * verified: they are verified again against the current row (a 401 when
 * they no longer hold), and the caller may try once more. */
soi_error *soi_req_refresh(soi_req *q);

/* A cookie session changes nothing without its XSRF value: from the
 * X-XSRF-TOKEN header, checked before the body is read, or from the
 * XSRF_TOKEN field of a form body, checked once it is decoded (`form`:
 * whether the body is one; `field`: its value then, NULL before; *done set
 * once decided). */
soi_error *soi_req_xsrf(soi_req *q, int form, const char *field, int *done);

#endif
