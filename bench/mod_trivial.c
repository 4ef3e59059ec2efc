/* bench/mod_trivial.c: the least a handler on this httpd does, for
 * bench/run to measure next to the module in the same httpd. Built by
 * bench/run with apxs; never installed. Two handlers:
 *
 * soi-trivial: reads the request body and answers a fixed JSON body with
 * its Content-Length. No database, no parsing, no authentication: the floor
 * of latency and CPU of a request on this httpd and machine.
 *
 * soi-trivial-db: the same, plus one round trip to PostgreSQL: the
 * statement SoiTrivialStatement gives for the request's method (GET or
 * PUT), prepared once per connection, with the last segment of the path as
 * its one parameter, on a connection from a per-process apr_reslist of
 * SoiTrivialPool connections to SoiTrivialDatabase. Given the module's own
 * statements with fixed values, it does the database work of a request and
 * nothing of the module's (parsing, validation, authentication, encoding):
 * whatever the module costs over it is the module's code, and whatever it
 * costs over soi-trivial is the price of a round trip to PostgreSQL. */
#include <httpd.h>
#include <http_config.h>
#include <http_log.h>
#include <http_protocol.h>
#include <apr_reslist.h>
#include <apr_strings.h>
#include <libpq-fe.h>
#include <string.h>

#define TRIVIAL_HANDLER "soi-trivial"
#define TRIVIAL_DB_HANDLER "soi-trivial-db"

module AP_MODULE_DECLARE_DATA soi_trivial_module;

enum { TRIVIAL_GET, TRIVIAL_PUT, TRIVIAL_METHODS };
static const char *const trivial_methods[TRIVIAL_METHODS] = {"GET", "PUT"};

/* The main server's; virtual hosts share it (no create_server_config, so
 * httpd hands them the main server's pointer). The pool is made per process
 * in child_init and lives as long as the child's pool. */
typedef struct {
    const char *conninfo;
    const char *sql[TRIVIAL_METHODS];
    int size;
    apr_reslist_t *pool;
} trivial_conf;

static trivial_conf *trivial_conf_of(cmd_parms *cmd)
{
    trivial_conf *c = ap_get_module_config(cmd->server->module_config, &soi_trivial_module);
    if (!c) {
        c = apr_pcalloc(cmd->pool, sizeof(*c));
        c->size = 8;
        ap_set_module_config(cmd->server->module_config, &soi_trivial_module, c);
    }
    return c;
}

static const char *set_database(cmd_parms *cmd, void *dc, const char *v)
{
    (void)dc;
    trivial_conf_of(cmd)->conninfo = v;
    return NULL;
}

static const char *set_statement(cmd_parms *cmd, void *dc, const char *method, const char *sql)
{
    (void)dc;
    for (int m = 0; m < TRIVIAL_METHODS; m++) {
        if (strcmp(method, trivial_methods[m]) == 0) {
            trivial_conf_of(cmd)->sql[m] = sql;
            return NULL;
        }
    }
    return apr_psprintf(cmd->pool, "SoiTrivialStatement: the method \"%s\" is neither GET nor PUT", method);
}

static const char *set_pool(cmd_parms *cmd, void *dc, const char *v)
{
    (void)dc;
    char *end;
    apr_int64_t n = apr_strtoi64(v, &end, 10);
    if (*end || end == v || n < 1 || n > 1024)
        return apr_psprintf(cmd->pool, "SoiTrivialPool: \"%s\" is not a number of connections from 1 to 1024", v);
    trivial_conf_of(cmd)->size = (int)n;
    return NULL;
}

static apr_status_t conn_open(void **resource, void *param, apr_pool_t *p)
{
    (void)p;
    const trivial_conf *c = param;
    PGconn *conn = PQconnectdb(c->conninfo);
    int ok = PQstatus(conn) == CONNECTION_OK;
    for (int m = 0; ok && m < TRIVIAL_METHODS; m++) {
        if (c->sql[m]) {
            PGresult *res = PQprepare(conn, trivial_methods[m], c->sql[m], 0, NULL);
            ok = PQresultStatus(res) == PGRES_COMMAND_OK;
            PQclear(res);
        }
    }
    if (ok) {
        *resource = conn;
        return APR_SUCCESS;
    }
    ap_log_error(APLOG_MARK, APLOG_ERR, 0, NULL, "soi-trivial-db: %s", PQerrorMessage(conn));
    PQfinish(conn);
    return APR_EGENERAL;
}

static apr_status_t conn_close(void *resource, void *param, apr_pool_t *p)
{
    (void)param;
    (void)p;
    PQfinish(resource);
    return APR_SUCCESS;
}

static void trivial_child_init(apr_pool_t *pchild, server_rec *s)
{
    trivial_conf *c = ap_get_module_config(s->module_config, &soi_trivial_module);
    if (!c || !c->conninfo)
        return;
    apr_status_t rv = apr_reslist_create(&c->pool, 0, c->size, c->size, 0, conn_open, conn_close, c, pchild);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, s, "soi-trivial-db: no connection pool in this process");
        c->pool = NULL;
    } else {
        apr_reslist_timeout_set(c->pool, apr_time_from_sec(60));
    }
}

static void read_body(request_rec *r)
{
    char buf[8192];
    if (ap_should_client_block(r)) {
        while (ap_get_client_block(r, buf, sizeof(buf)) > 0)
            ;
    }
}

/* The one round trip; OK when the statement answered one row. */
static int run_statement(request_rec *r, const trivial_conf *c)
{
    int m = r->method_number == M_GET ? TRIVIAL_GET : r->method_number == M_PUT ? TRIVIAL_PUT : -1;
    if (!c || m < 0 || !c->sql[m])
        return HTTP_METHOD_NOT_ALLOWED;
    const char *arg = strrchr(r->uri, '/');
    arg = arg ? arg + 1 : "";
    void *resource;
    if (!c->pool || apr_reslist_acquire(c->pool, &resource) != APR_SUCCESS)
        return HTTP_SERVICE_UNAVAILABLE;
    PGconn *conn = resource;
    PGresult *res = PQexecPrepared(conn, trivial_methods[m], 1, &arg, NULL, NULL, 0);
    int ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
    if (!ok)
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, "soi-trivial-db: %s", PQerrorMessage(conn));
    PQclear(res);
    if (PQstatus(conn) == CONNECTION_OK)
        apr_reslist_release(c->pool, conn);
    else
        apr_reslist_invalidate(c->pool, conn);
    return ok ? OK : HTTP_INTERNAL_SERVER_ERROR;
}

static int trivial_handler(request_rec *r)
{
    static const char body[] = "{\"BlobId\":1}";
    int db;

    if (!r->handler)
        return DECLINED;
    if (strcmp(r->handler, TRIVIAL_HANDLER) == 0)
        db = 0;
    else if (strcmp(r->handler, TRIVIAL_DB_HANDLER) == 0)
        db = 1;
    else
        return DECLINED;
    int rc = ap_setup_client_block(r, REQUEST_CHUNKED_DECHUNK);
    if (rc != OK)
        return rc;
    read_body(r);
    if (db) {
        rc = run_statement(r, ap_get_module_config(r->server->module_config, &soi_trivial_module));
        if (rc != OK)
            return rc;
    }
    ap_set_content_type(r, "application/json; charset=utf-8");
    ap_set_content_length(r, sizeof(body) - 1);
    ap_rwrite(body, sizeof(body) - 1, r);
    return OK;
}

static const command_rec trivial_cmds[] = {
    AP_INIT_TAKE1("SoiTrivialDatabase", set_database, NULL, RSRC_CONF, "libpq conninfo of soi-trivial-db"),
    AP_INIT_TAKE2("SoiTrivialStatement", set_statement, NULL, RSRC_CONF,
                  "GET or PUT, and the statement soi-trivial-db runs for it, with the path's last segment as $1"),
    AP_INIT_TAKE1("SoiTrivialPool", set_pool, NULL, RSRC_CONF, "connections per process (default 8)"),
    {NULL},
};

static void trivial_register_hooks(apr_pool_t *p)
{
    (void)p;
    ap_hook_child_init(trivial_child_init, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_handler(trivial_handler, NULL, NULL, APR_HOOK_MIDDLE);
}

module AP_MODULE_DECLARE_DATA soi_trivial_module = {
    STANDARD20_MODULE_STUFF, NULL, NULL, NULL, NULL, trivial_cmds, trivial_register_hooks,
};
