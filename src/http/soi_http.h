/* What the httpd-facing files share: the module record, the log tag, and
 * the state of one request as it moves through the handler. */
#ifndef SOI_PRIVATE_H
#define SOI_PRIVATE_H

#include <httpd.h>
#include <http_config.h>
#include <http_log.h>

#include "core/soi_sink.h"
#include "http/soi_config.h"
#include "auth/soi_credcache.h"
#include "core/soi_entity.h"
#include "core/soi_error.h"
#include "core/soi_media.h"
#include "core/soi_route.h"

extern module AP_MODULE_DECLARE_DATA soimageinfo_module;

#ifdef APLOG_USE_MODULE
APLOG_USE_MODULE(soimageinfo);
#endif

/* Every log line of ours starts with a tag: "SOI0012: ...". */
#define SOILOGNO(n) "SOI" #n ": "

typedef struct soi_lease soi_lease;

/* The caller, once authenticated. */
typedef struct {
    const char *user;
    const char *password; /* kept for a re-check within this request; never logged */
    apr_int32_t associate_id;
    int rights;                /* from the login or the cache; the database re-checks */
    const char *password_hash; /* what the password was verified against */
    int cached;                /* came from the credential cache */
    unsigned char cache_key[SOI_DIGEST_LEN];
} soi_principal;

typedef struct {
    request_rec *r;
    const soi_dir_conf *dconf;
    soi_backend *backend;
    soi_route route;
    soi_media reply;   /* the negotiated media type of the reply, errors included */
    soi_format format; /* its syntax */
    soi_lease *lease;  /* the database connection, once acquired */
    int body;          /* SOI_BODY_*: how far the request body has been read */
    int answered;      /* a reply has gone out already (see soi_body.c) */
    soi_principal who;
} soi_req;

enum { SOI_BODY_UNREAD = 0, SOI_BODY_PARTLY, SOI_BODY_READ };

#endif
