/* Configuration: the SoImageInfo* directives, per server and per directory. */
#ifndef SOI_CONFIG_H
#define SOI_CONFIG_H

#include <httpd.h>
#include <http_config.h>

#include <apr_tables.h>

#include "core/soi_stats.h"

typedef struct soi_backend soi_backend;

/* Per server (virtual host): where the database is and how to pool it. */
typedef struct {
    const char *conninfo;                  /* SoImageInfoDatabase; NULL: unset */
    int pool_min;                          /* SoImageInfoPool; -1: unset */
    int pool_max;                          /* -1: unset; 0: one per worker thread */
    apr_interval_time_t pool_timeout;      /* -1: unset */
    int cache_entries;                     /* SoImageInfoAuthCache; -1: unset */
    apr_interval_time_t cache_ttl;         /* -1: unset */
    apr_interval_time_t statement_timeout; /* SoImageInfoStatementTimeout; -1: unset; 0: none */
    apr_interval_time_t lock_timeout;      /* SoImageInfoLockTimeout; -1: unset; 0: none */
    int unnamed;                           /* SoImageInfoStatements: 1 Unnamed, 0 Prepared; -1: unset */
    soi_backend *backend;                  /* set in post_config, shared by servers with equal settings */
    apr_array_header_t *mounts;            /* set in post_config: the server's <Location> paths, longest first */
    soi_stats_table *stats_table;          /* set in post_config: every process's counters */
    soi_stats *stats;                      /* set in child_init: this process's, or NULL */
} soi_srv_conf;

/* Per directory (<Location>): limits, accepted credentials, browser origins. */
typedef struct {
    apr_off_t max_body;               /* SoImageInfoMaxBody; -1: unset */
    apr_off_t max_image;              /* SoImageInfoMaxImage; -1: unset */
    unsigned auth_schemes;            /* SoImageInfoAuth: SOI_SCHEME_BIT()s of auth/soi_auth.h; 0: unset */
    int app_token;                    /* SoImageInfoAppToken: 1 Required, 0 Optional; -1: unset */
    int apache_user;                  /* SoImageInfoApacheUser: 1 On, 0 Off; -1: unset */
    apr_array_header_t *cors_origins; /* SoImageInfoCORSOrigin: const char *s; NULL: unset (no CORS) */
    int language;                     /* SoImageInfoLanguage: a soi_lang of i18n/soi_lang.h; -1: unset */
} soi_dir_conf;

#define SOI_DEFAULT_MAX_BODY 65536
#define SOI_DEFAULT_MAX_IMAGE 10485760
#define SOI_DEFAULT_POOL_MAX 8 /* per process, and never more than its worker threads */
#define SOI_DEFAULT_POOL_TIMEOUT apr_time_from_sec(5)
#define SOI_DEFAULT_CACHE_ENTRIES 1024
#define SOI_DEFAULT_CACHE_TTL apr_time_from_sec(300)
#define SOI_DEFAULT_STATEMENT_TIMEOUT apr_time_from_sec(10)
#define SOI_DEFAULT_LOCK_TIMEOUT apr_time_from_sec(2)

extern const command_rec soi_directives[];

void *soi_config_create_server(apr_pool_t *p, server_rec *s);
void *soi_config_merge_server(apr_pool_t *p, void *base, void *add);
void *soi_config_create_dir(apr_pool_t *p, char *dir);
void *soi_config_merge_dir(apr_pool_t *p, void *base, void *add);

/* Effective values, defaults applied. */
apr_off_t soi_config_max_body(const soi_dir_conf *d);
apr_off_t soi_config_max_image(const soi_dir_conf *d);
unsigned soi_config_auth_schemes(const soi_dir_conf *d);
int soi_config_app_required(const soi_dir_conf *d);
int soi_config_apache_user(const soi_dir_conf *d);
/* The language of messages when the request names none the catalogue has
 * (a soi_lang; English unless SoImageInfoLanguage says otherwise). */
int soi_config_language(const soi_dir_conf *d);

/* Is CORS on here (SoImageInfoCORSOrigin given)? Is origin, the Origin
 * header's value, one of the listed origins (exactly, case and all)? */
int soi_config_cors(const soi_dir_conf *d);
int soi_config_cors_origin(const soi_dir_conf *d, const char *origin);

/* The paths of a server's (non-regex) <Location> sections, without trailing
 * slashes, longest first: the candidates for where SetHandler mounted us. */
apr_array_header_t *soi_config_mounts(apr_pool_t *p, server_rec *s);

#endif
