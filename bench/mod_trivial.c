/* bench/mod_trivial.c: the least a PUT handler on this httpd does, for
 * bench/run to measure next to the module in the same httpd: it reads the
 * request body and answers a fixed JSON body with its Content-Length. No
 * database, no parsing, no authentication; whatever the module's latency
 * adds on top of this is the module's (and its database's). Built by
 * bench/run with apxs; never installed. */
#include <httpd.h>
#include <http_config.h>
#include <http_protocol.h>
#include <string.h>

#define TRIVIAL_HANDLER "soi-trivial"

static int trivial_handler(request_rec *r)
{
    static const char body[] = "{\"BlobId\":1}";
    char buf[8192];

    if (!r->handler || strcmp(r->handler, TRIVIAL_HANDLER) != 0)
        return DECLINED;
    int rc = ap_setup_client_block(r, REQUEST_CHUNKED_DECHUNK);
    if (rc != OK)
        return rc;
    if (ap_should_client_block(r)) {
        while (ap_get_client_block(r, buf, sizeof(buf)) > 0)
            ;
    }
    ap_set_content_type(r, "application/json; charset=utf-8");
    ap_set_content_length(r, sizeof(body) - 1);
    ap_rwrite(body, sizeof(body) - 1, r);
    return OK;
}

static void trivial_register_hooks(apr_pool_t *p)
{
    (void)p;
    ap_hook_handler(trivial_handler, NULL, NULL, APR_HOOK_MIDDLE);
}

module AP_MODULE_DECLARE_DATA soi_trivial_module = {
    STANDARD20_MODULE_STUFF, NULL, NULL, NULL, NULL, NULL, trivial_register_hooks,
};
