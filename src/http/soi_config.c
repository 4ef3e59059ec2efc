#include "http/soi_http.h"

#include <apr_lib.h>
#include <apr_strings.h>
#include <http_core.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "auth/soi_auth.h"
#include "core/soi_text.h"
#include "i18n/soi_lang.h"

void *soi_config_create_server(apr_pool_t *p, server_rec *s)
{
    soi_srv_conf *c = apr_pcalloc(p, sizeof(*c));
    c->pool_min = c->pool_max = -1;
    c->pool_timeout = -1;
    c->cache_entries = -1;
    c->cache_ttl = -1;
    c->statement_timeout = -1;
    c->lock_timeout = -1;
    c->unnamed = -1;
    return c;
}

void *soi_config_merge_server(apr_pool_t *p, void *basev, void *addv)
{
    const soi_srv_conf *base = basev, *add = addv;
    soi_srv_conf *c = apr_pcalloc(p, sizeof(*c));
    c->conninfo = add->conninfo ? add->conninfo : base->conninfo;
    /* The pool's three numbers come from one directive and travel together. */
    if (add->pool_min >= 0) {
        c->pool_min = add->pool_min;
        c->pool_max = add->pool_max;
        c->pool_timeout = add->pool_timeout;
    } else {
        c->pool_min = base->pool_min;
        c->pool_max = base->pool_max;
        c->pool_timeout = base->pool_timeout;
    }
    if (add->cache_entries >= 0) {
        c->cache_entries = add->cache_entries;
        c->cache_ttl = add->cache_ttl;
    } else {
        c->cache_entries = base->cache_entries;
        c->cache_ttl = base->cache_ttl;
    }
    c->statement_timeout = add->statement_timeout >= 0 ? add->statement_timeout : base->statement_timeout;
    c->lock_timeout = add->lock_timeout >= 0 ? add->lock_timeout : base->lock_timeout;
    c->unnamed = add->unnamed >= 0 ? add->unnamed : base->unnamed;
    return c;
}

void *soi_config_create_dir(apr_pool_t *p, char *dir)
{
    soi_dir_conf *c = apr_pcalloc(p, sizeof(*c));
    c->max_body = -1;
    c->max_image = -1;
    c->app_token = -1;
    c->apache_user = -1;
    c->language = -1;
    return c;
}

void *soi_config_merge_dir(apr_pool_t *p, void *basev, void *addv)
{
    const soi_dir_conf *base = basev, *add = addv;
    soi_dir_conf *c = apr_pcalloc(p, sizeof(*c));
    c->max_body = add->max_body >= 0 ? add->max_body : base->max_body;
    c->max_image = add->max_image >= 0 ? add->max_image : base->max_image;
    c->auth_schemes = add->auth_schemes ? add->auth_schemes : base->auth_schemes;
    c->app_token = add->app_token >= 0 ? add->app_token : base->app_token;
    c->apache_user = add->apache_user >= 0 ? add->apache_user : base->apache_user;
    c->language = add->language >= 0 ? add->language : base->language;
    /* A section's own list replaces the one around it, as SoImageInfoAuth does. */
    c->cors_origins = add->cors_origins ? add->cors_origins : base->cors_origins;
    return c;
}

apr_off_t soi_config_max_body(const soi_dir_conf *d)
{
    return d->max_body >= 0 ? d->max_body : SOI_DEFAULT_MAX_BODY;
}

apr_off_t soi_config_max_image(const soi_dir_conf *d)
{
    return d->max_image >= 0 ? d->max_image : SOI_DEFAULT_MAX_IMAGE;
}

unsigned soi_config_auth_schemes(const soi_dir_conf *d)
{
    /* Every scheme the API names, unless the location says otherwise. */
    return d->auth_schemes ? d->auth_schemes : (1u << soi_scheme_count) - 1;
}

int soi_config_app_required(const soi_dir_conf *d)
{
    return d->app_token == 1;
}

int soi_config_apache_user(const soi_dir_conf *d)
{
    return d->apache_user == 1;
}

int soi_config_language(const soi_dir_conf *d)
{
    return d->language >= 0 ? d->language : SOI_LANG_EN;
}

int soi_config_cors(const soi_dir_conf *d)
{
    return d && d->cors_origins != NULL;
}

int soi_config_cors_origin(const soi_dir_conf *d, const char *origin)
{
    if (!soi_config_cors(d) || !origin)
        return 0;
    for (int i = 0; i < d->cors_origins->nelts; i++) {
        if (strcmp(APR_ARRAY_IDX(d->cors_origins, i, const char *), origin) == 0)
            return 1;
    }
    return 0;
}

static int soi_longer_first(const void *a, const void *b)
{
    apr_size_t la = strlen(*(const char *const *)a), lb = strlen(*(const char *const *)b);
    return la < lb ? 1 : la > lb ? -1 : 0;
}

apr_array_header_t *soi_config_mounts(apr_pool_t *p, server_rec *s)
{
    /* httpd creates our per-directory config only in sections holding one
     * of our directives, and SetHandler is core's: so the sections are read
     * from core's list. A vhost's list includes the main server's. */
    core_server_config *core = ap_get_core_module_config(s->module_config);
    apr_array_header_t *mounts = apr_array_make(p, 4, sizeof(const char *));

    for (int i = 0; core->sec_url && i < core->sec_url->nelts; i++) {
        ap_conf_vector_t *section = APR_ARRAY_IDX(core->sec_url, i, ap_conf_vector_t *);
        core_dir_config *dc = ap_get_core_module_config(section);
        if (!dc->d || dc->r || dc->d[0] != '/')
            continue; /* <LocationMatch> and <Location ~> name no mount point */
        apr_size_t n = strlen(dc->d);
        while (n > 0 && dc->d[n - 1] == '/')
            n--;
        const char *path = apr_pstrmemdup(p, dc->d, n);
        int dup = 0;
        for (int k = 0; k < mounts->nelts && !dup; k++)
            dup = strcmp(APR_ARRAY_IDX(mounts, k, const char *), path) == 0;
        if (!dup)
            APR_ARRAY_PUSH(mounts, const char *) = path;
    }
    qsort(mounts->elts, (size_t)mounts->nelts, sizeof(const char *), soi_longer_first);
    return mounts;
}

/* ---- directive handlers ----------------------------------------------- */

static const char *set_database(cmd_parms *cmd, void *dconf, const char *arg)
{
    soi_srv_conf *c = ap_get_module_config(cmd->server->module_config, &soimageinfo_module);
    char *err = NULL;
    PQconninfoOption *opts = PQconninfoParse(arg, &err);

    if (!opts) {
        char *why = apr_pstrdup(cmd->pool, err ? err : "unreadable");
        apr_size_t n = strlen(why);
        while (n > 0 && (why[n - 1] == '\n' || why[n - 1] == ' '))
            why[--n] = '\0';
        const char *msg = apr_psprintf(cmd->pool,
                                       "SoImageInfoDatabase: the connection string is not valid for libpq (%s). "
                                       "Expected a libpq connection string such as \"host=/var/run/postgresql "
                                       "dbname=crm user=www-data\" or a postgresql:// URI.",
                                       why);
        PQfreemem(err);
        return msg;
    }
    PQconninfoFree(opts);
    c->conninfo = arg;
    return NULL;
}

static const char *parse_count(cmd_parms *cmd, const char *what, const char *arg, int min, int max, int *out)
{
    apr_int64_t v;
    if (!soi_parse_int(arg, strlen(arg), min, max, &v) || arg[0] == '-') /* "-0" is no count */
        return apr_psprintf(cmd->pool, "%s: \"%s\" is not a valid %s; expected a whole number from %d to %d.",
                            cmd->cmd->name, arg, what, min, max);
    *out = (int)v;
    return NULL;
}

/* A duration: whole seconds ("5"), or a whole number with a unit: "500ms",
 * "5s", "2m". httpd's ap_timeout_parameter_parse would read "soon" as 0s.
 * Zero is accepted only where it means "none" (allow_zero). */
static const char *parse_duration(cmd_parms *cmd, const char *what, const char *arg, int allow_zero,
                                  apr_interval_time_t *out)
{
    static const struct {
        const char *unit;
        apr_interval_time_t usec;
    } units[] = {{"", APR_USEC_PER_SEC}, {"s", APR_USEC_PER_SEC}, {"ms", 1000}, {"m", 60 * APR_USEC_PER_SEC}};
    apr_size_t digits = strspn(arg, "0123456789");
    apr_int64_t n;

    for (apr_size_t i = 0; digits > 0 && i < sizeof(units) / sizeof(units[0]); i++) {
        if (strcmp(arg + digits, units[i].unit) == 0 && soi_parse_int(arg, digits, allow_zero ? 0 : 1, 1000000000, &n)
            && n <= APR_INT64_MAX / units[i].usec) {
            *out = n * units[i].usec;
            return NULL;
        }
    }
    return apr_psprintf(cmd->pool,
                        "%s: \"%s\" is not a valid %s; expected a whole number of seconds %s (\"5\") or "
                        "one with a unit (\"500ms\", \"2s\", \"1m\").",
                        cmd->cmd->name, arg, what, allow_zero ? "(0 for none)" : "above 0");
}

static const char *set_pool(cmd_parms *cmd, void *dconf, const char *min, const char *max, const char *timeout)
{
    soi_srv_conf *c = ap_get_module_config(cmd->server->module_config, &soimageinfo_module);
    const char *err;
    int nmin, nmax;
    apr_interval_time_t t = SOI_DEFAULT_POOL_TIMEOUT;

    if ((err = parse_count(cmd, "minimum", min, 0, 10000, &nmin))
        || (err = parse_count(cmd, "maximum", max, 1, 10000, &nmax))
        || (timeout && (err = parse_duration(cmd, "acquire timeout", timeout, 0, &t))))
        return err;
    if (nmin > nmax)
        return apr_psprintf(cmd->pool,
                            "SoImageInfoPool: the minimum %d is above the maximum %d; expected \"SoImageInfoPool "
                            "min max [timeout]\" with min <= max.",
                            nmin, nmax);
    c->pool_min = nmin;
    c->pool_max = nmax;
    c->pool_timeout = t;
    return NULL;
}

static const char *set_auth_cache(cmd_parms *cmd, void *dconf, const char *entries, const char *ttl)
{
    soi_srv_conf *c = ap_get_module_config(cmd->server->module_config, &soimageinfo_module);
    const char *err;
    apr_interval_time_t t = SOI_DEFAULT_CACHE_TTL;

    if ((err = parse_count(cmd, "number of entries", entries, 0, 1000000, &c->cache_entries))
        || (ttl && (err = parse_duration(cmd, "lifetime", ttl, 0, &t))))
        return err;
    c->cache_ttl = t;
    return NULL;
}

/* SoImageInfoMaxBody and SoImageInfoMaxImage: which member the directive
 * sets is its cmd_data. */
static const char *set_max_bytes(cmd_parms *cmd, void *dconf, const char *arg)
{
    int v;
    const char *err = parse_count(cmd, "size in bytes", arg, 1, APR_INT32_MAX, &v);
    if (err)
        return err;
    *(apr_off_t *)((char *)dconf + (apr_size_t)cmd->info) = v;
    return NULL;
}

static const char *set_auth(cmd_parms *cmd, void *dconf, const char *arg)
{
    soi_dir_conf *d = dconf;
    unsigned bit = soi_scheme_find(arg, strlen(arg));

    /* Only the schemes of the table: another name would silently never
     * match, so it stops httpd here. */
    if (!bit)
        return apr_psprintf(cmd->pool,
                            "SoImageInfoAuth: \"%s\" is not an authentication scheme this module accepts; "
                            "expected one or more of: %s.",
                            arg, soi_scheme_names(cmd->pool, ~0u));
    d->auth_schemes |= bit;
    return NULL;
}

static const char *set_app_token(cmd_parms *cmd, void *dconf, const char *arg)
{
    soi_dir_conf *d = dconf;
    if (strcasecmp(arg, "Required") == 0)
        d->app_token = 1;
    else if (strcasecmp(arg, "Optional") == 0)
        d->app_token = 0;
    else
        return apr_psprintf(cmd->pool,
                            "SoImageInfoAppToken: \"%s\" is not a policy; expected Required (a ticket or bearer "
                            "request needs a valid SO-AppToken) or Optional.",
                            arg);
    return NULL;
}

static const char *set_apache_user(cmd_parms *cmd, void *dconf, int on)
{
    ((soi_dir_conf *)dconf)->apache_user = on;
    return NULL;
}

static const char *set_language(cmd_parms *cmd, void *dconf, const char *arg)
{
    soi_lang lang;
    if (!soi_lang_from_tag(arg, &lang))
        return apr_psprintf(cmd->pool,
                            "SoImageInfoLanguage: \"%s\" is not a language the messages are written in; expected "
                            "en, sv, nb (or no, nn) or de.",
                            arg);
    ((soi_dir_conf *)dconf)->language = (int)lang;
    return NULL;
}

/* Why arg is not a serialized origin (RFC 6454 section 6.2, as browsers
 * send it in Origin): "scheme://host[:port]", scheme http or https, the host
 * a lower-case name (labels of a-z, 0-9, '-', '_'), an IPv4 address or a
 * bracketed lower-case IPv6 address, a port from 1 to 65535 without leading
 * zeros and not the scheme's default (browsers leave that out); no path, no
 * trailing slash, no user, query or fragment. NULL when it is one. */
static const char *soi_origin_problem(apr_pool_t *p, const char *arg)
{
    const char *host, *c;
    const char *default_port;

    if (strcmp(arg, "*") == 0)
        return "a wildcard is never sent with credentials; list each origin";
    if (strcmp(arg, "null") == 0)
        return "\"null\" is the origin of sandboxed frames and local files, which any page can have";
    if (strncmp(arg, "https://", 8) == 0) {
        host = arg + 8;
        default_port = "443";
    } else if (strncmp(arg, "http://", 7) == 0) {
        host = arg + 7;
        default_port = "80";
    } else {
        const char *sep = strstr(arg, "://");
        if (sep
            && (soi_ascii_ieq(arg, (apr_size_t)(sep - arg), "http")
                || soi_ascii_ieq(arg, (apr_size_t)(sep - arg), "https")))
            return "the scheme must be in lower case, as browsers send it";
        return sep ? "the scheme must be http or https" : "it has no scheme";
    }
    c = host;
    if (*c == '[') {
        int colons = 0;
        for (c++; *c && *c != ']'; c++) {
            if (*c >= 'A' && *c <= 'F')
                return "an IPv6 address must be in lower case, as browsers send it";
            if (!apr_isxdigit(*c) && *c != ':' && *c != '.')
                return "the IPv6 address in brackets holds a character that is not a hex digit, ':' or '.'";
            colons += *c == ':';
        }
        if (*c != ']' || colons < 2)
            return "the IPv6 address in brackets is malformed";
        c++;
    } else {
        apr_size_t label = 0;
        for (; *c && *c != ':' && *c != '/'; c++) {
            if (*c >= 'A' && *c <= 'Z')
                return "the host must be in lower case, as browsers send it (internationalised names as xn--)";
            if (*c == '.') {
                if (label == 0)
                    return "the host has an empty label";
                label = 0;
            } else if (apr_isalnum(*c) || *c == '-' || *c == '_') {
                label++;
            } else if (*c == '@') {
                return "an origin has no user name";
            } else if ((unsigned char)*c >= 0x80) {
                return "an internationalised host name must be in its xn-- form, as browsers send it";
            } else {
                return apr_isprint(*c)
                           ? apr_psprintf(p, "\"%c\" is no character of a host name", *c)
                           : apr_psprintf(p, "the byte 0x%02X is no character of a host name", (unsigned char)*c);
            }
        }
        if (c == host)
            return "it has no host";
        if (label == 0)
            return "the host has an empty label (a trailing dot?)";
    }
    if (*c == ':') {
        const char *port = ++c;
        apr_int64_t n;
        while (apr_isdigit(*c))
            c++;
        if (c == port || (*c != '\0' && *c != '/'))
            return "the port must be a number";
        if (*port == '0' || !soi_parse_int(port, (apr_size_t)(c - port), 1, 65535, &n))
            return "the port must be a number from 1 to 65535, without leading zeros";
        if ((apr_size_t)(c - port) == strlen(default_port) && strncmp(port, default_port, strlen(default_port)) == 0)
            return apr_psprintf(p, "browsers leave out the default port %s: write \"%.*s\"", default_port,
                                (int)(port - 1 - arg), arg);
    }
    if (*c == '/')
        return c[1] ? "an origin has no path" : "an origin has no trailing slash";
    if (*c)
        return "it is not scheme://host[:port]";
    return NULL;
}

static const char *set_cors_origin(cmd_parms *cmd, void *dconf, const char *arg)
{
    soi_dir_conf *d = dconf;
    const char *why = soi_origin_problem(cmd->pool, arg);

    if (why)
        return apr_psprintf(cmd->pool,
                            "SoImageInfoCORSOrigin: \"%s\" is not an origin this module accepts (%s); expected "
                            "one or more serialized origins scheme://host[:port] with scheme http or https, in "
                            "lower case, without path or trailing slash, such as \"https://crm.example.com\" or "
                            "\"http://localhost:8080\".",
                            arg, why);
    if (!d->cors_origins)
        d->cors_origins = apr_array_make(cmd->pool, 2, sizeof(const char *));
    if (!soi_config_cors_origin(d, arg))
        APR_ARRAY_PUSH(d->cors_origins, const char *) = arg;
    return NULL;
}

/* SoImageInfoStatementTimeout and SoImageInfoLockTimeout: which member the
 * directive sets is its cmd_data. */
static const char *set_db_timeout(cmd_parms *cmd, void *dconf, const char *arg)
{
    soi_srv_conf *c = ap_get_module_config(cmd->server->module_config, &soimageinfo_module);
    apr_interval_time_t *member = (apr_interval_time_t *)((char *)c + (apr_size_t)cmd->info);
    return parse_duration(cmd, "timeout", arg, 1, member);
}

static const char *set_statements(cmd_parms *cmd, void *dconf, const char *arg)
{
    soi_srv_conf *c = ap_get_module_config(cmd->server->module_config, &soimageinfo_module);
    if (strcasecmp(arg, "Prepared") == 0)
        c->unnamed = 0;
    else if (strcasecmp(arg, "Unnamed") == 0)
        c->unnamed = 1;
    else
        return apr_psprintf(cmd->pool,
                            "SoImageInfoStatements: \"%s\" is not a way of sending statements; expected Prepared "
                            "(each connection prepares them once: a direct connection, or a pooler in session mode) "
                            "or Unnamed (a pooler in transaction mode, such as pgbouncer with pool_mode = "
                            "transaction).",
                            arg);
    return NULL;
}

const command_rec soi_directives[] = {
    AP_INIT_TAKE1("SoImageInfoDatabase", set_database, NULL, RSRC_CONF,
                  "libpq connection string of the CRM database, e.g. \"host=/var/run/postgresql dbname=crm\""),
    AP_INIT_TAKE23("SoImageInfoPool", set_pool, NULL, RSRC_CONF,
                   "connections per httpd process: minimum, maximum and optional acquire timeout (default 5s)"),
    AP_INIT_TAKE12("SoImageInfoAuthCache", set_auth_cache, NULL, RSRC_CONF,
                   "verified logins remembered per process: entries (0 disables) and lifetime (default 300s)"),
    AP_INIT_TAKE1("SoImageInfoMaxBody", set_max_bytes, (void *)APR_OFFSETOF(soi_dir_conf, max_body),
                  RSRC_CONF | ACCESS_CONF, "largest accepted request body in bytes (default 65536)"),
    AP_INIT_TAKE1("SoImageInfoMaxImage", set_max_bytes, (void *)APR_OFFSETOF(soi_dir_conf, max_image),
                  RSRC_CONF | ACCESS_CONF, "largest accepted picture in bytes (default 10485760)"),
    AP_INIT_ITERATE("SoImageInfoAuth", set_auth, NULL, RSRC_CONF | ACCESS_CONF,
                    "accepted authentication schemes: Basic, SOTicket, Bearer, Cookie (default: all)"),
    AP_INIT_TAKE1("SoImageInfoAppToken", set_app_token, NULL, RSRC_CONF | ACCESS_CONF,
                  "Required: ticket and bearer requests need a valid SO-AppToken; Optional (default)"),
    AP_INIT_FLAG("SoImageInfoApacheUser", set_apache_user, NULL, RSRC_CONF | ACCESS_CONF,
                 "On: a user another httpd module authenticated (r->user) is the associate of that name"),
    AP_INIT_ITERATE("SoImageInfoCORSOrigin", set_cors_origin, NULL, RSRC_CONF | ACCESS_CONF,
                    "browser origins (scheme://host[:port]) allowed to call with credentials; none by default"),
    AP_INIT_TAKE1("SoImageInfoLanguage", set_language, NULL, RSRC_CONF | ACCESS_CONF,
                  "language of messages for requests that name none of en, sv, nb, de (default en)"),
    AP_INIT_TAKE1("SoImageInfoStatementTimeout", set_db_timeout, (void *)APR_OFFSETOF(soi_srv_conf, statement_timeout),
                  RSRC_CONF,
                  "longest a database statement may run before the request gets a 503 (default 10s; 0: none)"),
    AP_INIT_TAKE1("SoImageInfoLockTimeout", set_db_timeout, (void *)APR_OFFSETOF(soi_srv_conf, lock_timeout), RSRC_CONF,
                  "longest a write waits for another write of the same picture before a 503 (default 2s; 0: none)"),
    AP_INIT_TAKE1("SoImageInfoStatements", set_statements, NULL, RSRC_CONF,
                  "Prepared (default): statements prepared once per connection; Unnamed: for a pooler in "
                  "transaction mode (pgbouncer)"),
    {NULL},
};
