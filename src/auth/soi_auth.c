#include "auth/soi_auth.h"

#include <apr_atomic.h>
#include <apr_md5.h>
#include <apr_strings.h>
#include <openssl/crypto.h>
#include <string.h>

#include "auth/soi_credcache.h"
#include "core/soi_cookie.h"
#include "core/soi_credentials.h"
#include "core/soi_text.h"

struct soi_auth {
    soi_store *store;
    soi_credcache *cache; /* NULL: none */
    /* Every refused login takes at least this long (microseconds): the
     * longest verification seen, so that timing does not tell a known user
     * name from an unknown one. 0 until the first refusal measures it. */
    apr_uint32_t refusal_floor;
};

/* The longest a refusal is held back, whatever hash a refused user has. */
#define SOI_REFUSAL_MAX apr_time_from_sec(1)
/* The longest a request waits for another one's verification of the same
 * login before it verifies the login itself. */
#define SOI_CLAIM_WAIT apr_time_from_sec(3)

/* A bcrypt hash (cost 10, the cost htpasswd -B and most tools use) of a
 * random secret: the first refusal in a process times a verification
 * against it, and every refusal lasts at least as long. */
#define SOI_DUMMY_HASH "$2y$10$QrZcDFJDSeNfsrlCsAzJvOTapxdL2Lm/0Fhd5qFUFbI0K.gk0mIvu"

/* Tokens (tickets, bearer and application tokens): what their syntax
 * allows, before anything is looked up. */
#define SOI_TOKEN_MAX 512

static soi_error *soi_basic_identify(soi_auth *a, const soi_auth_request *q, const char *credentials, int use_cache,
                                     soi_principal *out);
static soi_error *soi_ticket_identify(soi_auth *a, const soi_auth_request *q, const char *credentials, int use_cache,
                                      soi_principal *out);
static soi_error *soi_cookie_identify(soi_auth *a, const soi_auth_request *q, const char *cookie, int use_cache,
                                      soi_principal *out);

/* The schemes, in the order their challenges are sent. The tickets differ
 * only by name: a ticket issued for one is refused with the other. A cookie
 * session is a SOTicket in the SOTICKET cookie, which a browser sends by
 * itself: it needs its XSRF value to change anything, and has no
 * challenge. */
const soi_scheme soi_schemes[] = {
    {"Basic", "Basic realm=\"SuperOffice Username or Ticket\"", 0, 0, 0, soi_basic_identify},
    {"SOTicket", "SOTicket", 0, 1, 0, soi_ticket_identify},
    {"Bearer", "Bearer", 0, 1, 0, soi_ticket_identify},
    {"Cookie", NULL, 1, 1, 1, soi_cookie_identify},
};
const int soi_scheme_count = sizeof(soi_schemes) / sizeof(soi_schemes[0]);

unsigned soi_scheme_find(const char *name, apr_size_t len)
{
    for (int i = 0; i < soi_scheme_count; i++) {
        if (soi_ascii_ieq(name, len, soi_schemes[i].name))
            return SOI_SCHEME_BIT(i);
    }
    return 0;
}

static const soi_scheme *soi_scheme_of(unsigned bit)
{
    for (int i = 0; i < soi_scheme_count; i++) {
        if (bit == SOI_SCHEME_BIT(i))
            return &soi_schemes[i];
    }
    return NULL;
}

const char *soi_scheme_names(apr_pool_t *pool, unsigned mask)
{
    const char *out = "";
    int n = 0, total = 0;
    for (int i = 0; i < soi_scheme_count; i++)
        total += (mask & SOI_SCHEME_BIT(i)) != 0;
    for (int i = 0; i < soi_scheme_count; i++) {
        if (!(mask & SOI_SCHEME_BIT(i)))
            continue;
        out = apr_pstrcat(pool, out, n == 0 ? "" : n == total - 1 ? " or " : ", ", soi_schemes[i].name, NULL);
        n++;
    }
    return out;
}

soi_auth *soi_auth_create(apr_pool_t *pchild, soi_store *store, int cache_entries, apr_interval_time_t cache_ttl,
                          soi_stats *stats, apr_status_t *rv)
{
    soi_auth *a = apr_pcalloc(pchild, sizeof(*a));
    a->store = store;
    *rv = APR_SUCCESS;
    if (cache_entries > 0)
        a->cache = soi_credcache_create(pchild, cache_entries, cache_ttl, stats, rv);
    return a;
}

/* ---- shared pieces ------------------------------------------------------------ */

/* The lowercase hex SHA-256 by which tokens are stored. */
static const char *soi_sha256_hex(apr_pool_t *pool, const char *s, unsigned char digest[SOI_DIGEST_LEN])
{
    static const char hex[] = "0123456789abcdef";
    char *out = apr_palloc(pool, 2 * SOI_DIGEST_LEN + 1);
    soi_credcache_sha256(s, digest);
    for (int i = 0; i < SOI_DIGEST_LEN; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[2 * SOI_DIGEST_LEN] = '\0';
    return out;
}

/* 64 hex digits into 32 bytes; 0 when it is not that. */
static int soi_hex_digest(const char *hex, unsigned char out[SOI_DIGEST_LEN])
{
    for (int i = 0; i < SOI_DIGEST_LEN; i++) {
        int v = 0;
        for (int k = 0; k < 2; k++) {
            char c = hex[2 * i + k];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0)
                return 0;
            v = v * 16 + d;
        }
        out[i] = (unsigned char)v;
    }
    return hex[2 * SOI_DIGEST_LEN] == '\0';
}

/* A token's syntax: RFC 6750's b64token characters and ':' (as in "7T:..."),
 * 1 to SOI_TOKEN_MAX of them. */
static int soi_token_ok(const char *t)
{
    apr_size_t n = strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=:");
    return n > 0 && n <= SOI_TOKEN_MAX && t[n] == '\0';
}

/* Cache keys of the kinds other than Basic: the kind goes where a Basic user
 * name goes, starting with a control character no user name may hold
 * (core/soi_credentials.c), so no two kinds can share a key. */
#define SOI_KEY_APP                                                                                                    \
    "\x01"                                                                                                             \
    "app"
#define SOI_KEY_APACHE                                                                                                 \
    "\x01"                                                                                                             \
    "apache"
static const char *soi_ticket_kind(apr_pool_t *pool, const char *scheme)
{
    return apr_pstrcat(pool,
                       "\x01"
                       "ticket:",
                       scheme, NULL);
}

static void soi_principal_from(soi_principal *out, const soi_cred *c)
{
    out->associate_id = c->associate_id;
    out->version = c->version;
    out->ticket = c->ticket;
    out->rights = c->rights;
    out->has_xsrf = c->has_xsrf;
    memcpy(out->xsrf, c->xsrf, SOI_DIGEST_LEN);
}

static void soi_cred_from(soi_cred *c, const soi_principal *p)
{
    memset(c, 0, sizeof(*c));
    c->associate_id = p->associate_id;
    c->version = p->version;
    c->ticket = p->ticket;
    c->rights = p->rights;
    c->has_xsrf = p->has_xsrf;
    memcpy(c->xsrf, p->xsrf, SOI_DIGEST_LEN);
}

/* ---- refusals --------------------------------------------------------------- */

/* Holds a refusal of a password back so that an unknown user name (no hash
 * to check), a user with a fast hash and one with bcrypt all take as long
 * to refuse: `verified` is how long checking the password took (0 without
 * a user), and the refusal waits until a floor has passed since then. The
 * floor starts as the time of one bcrypt verification of cost 10, measured
 * at the first refusal (which both kinds of refusal then pay alike), and
 * rises to the slowest refused verification seen (capped). The wait is a
 * sleep: it costs a worker thread, never CPU, so a flood of wrong logins
 * does not starve other requests of the cores. */
static soi_error *soi_auth_refuse(soi_auth *a, const soi_auth_request *q, apr_interval_time_t verified,
                                  const char *user)
{
    apr_uint32_t floor = apr_atomic_read32(&a->refusal_floor);
    if (floor == 0) {
        apr_time_t t = apr_time_now();
        apr_password_validate("not the password", SOI_DUMMY_HASH);
        t = apr_time_now() - t;
        floor = (apr_uint32_t)(t < SOI_REFUSAL_MAX ? t : SOI_REFUSAL_MAX);
        apr_atomic_cas32(&a->refusal_floor, floor, 0);
    }
    if (verified < (apr_interval_time_t)floor) {
        apr_sleep((apr_interval_time_t)floor - verified);
    } else if (verified > (apr_interval_time_t)floor) {
        apr_uint32_t raised = (apr_uint32_t)(verified < SOI_REFUSAL_MAX ? verified : SOI_REFUSAL_MAX);
        apr_atomic_cas32(&a->refusal_floor, raised, floor);
    }
    soi_log_write(q->log, q->pool, SOI_LOG_INFO, SOILOGNO(0201) "Basic authentication failed for user \"%s\"",
                  soi_text_quote(q->pool, user, strlen(user), 64));
    return soi_err(q->pool, SOI_MSG_AUTH_REFUSED, NULL);
}

/* ---- Basic ------------------------------------------------------------------- */

static soi_error *soi_basic_identify(soi_auth *a, const soi_auth_request *q, const char *credentials, int use_cache,
                                     soi_principal *out)
{
    const char *user, *password;
    unsigned char key[SOI_DIGEST_LEN], digest[SOI_DIGEST_LEN];
    soi_cred cred;
    soi_login login;
    int cached = SOI_CRED_NONE;

    if (!soi_credentials_basic(q->pool, credentials, &user, &password))
        return soi_err(q->pool, SOI_MSG_AUTH_BASIC_MALFORMED, NULL);
    out->user = user;
    if (a->cache) {
        soi_credcache_digest(a->cache, user, password, key);
        cached = soi_credcache_get(a->cache, key, q->now, &cred);
    }
    /* Requests that arrive together with a login no process has verified
     * yet (a new process, or after the entry's lifetime) verify it once:
     * the others wait for that verdict instead of each paying for bcrypt
     * on the same cores at once. */
    int claim = -1;
    while (use_cache && cached != SOI_CRED_FRESH && (claim = soi_credcache_claim(a->cache, key, SOI_CLAIM_WAIT)) == 0)
        cached = soi_credcache_get(a->cache, key, q->now, &cred);
    if (use_cache && cached == SOI_CRED_FRESH) {
        soi_principal_from(out, &cred);
        return NULL;
    }

    /* The database only while the statement runs: the password is checked
     * with no connection held. */
    soi_call call = {q->pool, 0, NULL, q->log, q->db_time};
    soi_error *err = soi_store_login(a->store, &call, user, &login);
    if (err) {
        if (claim > 0)
            soi_credcache_release(a->cache, key);
        return err;
    }
    int ok = 0;
    apr_time_t started = apr_time_now();
    if (login.associate_id) {
        soi_credcache_sha256(login.password_hash, digest);
        /* This very password was verified against this very hash before:
         * no need to pay for bcrypt again (only its digest was kept). */
        if (cached != SOI_CRED_NONE && cred.associate_id == login.associate_id
            && CRYPTO_memcmp(cred.hash_digest, digest, SOI_DIGEST_LEN) == 0)
            ok = 1;
        else
            ok = apr_password_validate(password, login.password_hash) == APR_SUCCESS;
    }
    apr_interval_time_t verified = apr_time_now() - started;
    if (ok) {
        out->associate_id = login.associate_id;
        out->version = login.version;
        out->rights = login.rights;
        if (a->cache) {
            soi_cred_from(&cred, out);
            memcpy(cred.hash_digest, digest, SOI_DIGEST_LEN);
            soi_credcache_put(a->cache, key, q->now, &cred);
        }
    } else if (a->cache && cached != SOI_CRED_NONE) {
        soi_credcache_forget(a->cache, key);
    }
    /* The verdict is in the cache (or not): waiters may look. */
    if (claim > 0)
        soi_credcache_release(a->cache, key);
    return ok ? NULL : soi_auth_refuse(a, q, verified, user);
}

/* ---- SOTicket and Bearer ------------------------------------------------------- */

/* A ticket of `scheme` (as the caller named it: one issued for another is
 * not found). */
static soi_error *soi_ticket_lookup(soi_auth *a, const soi_auth_request *q, const char *scheme, const char *token,
                                    int use_cache, soi_principal *out)
{
    unsigned char key[SOI_DIGEST_LEN], digest[SOI_DIGEST_LEN];
    soi_cred cred;
    soi_login row;

    if (!soi_token_ok(token))
        return soi_err(q->pool, SOI_MSG_AUTH_TOKEN_MALFORMED, scheme, NULL);
    if (a->cache) {
        soi_credcache_digest(a->cache, soi_ticket_kind(q->pool, scheme), token, key);
        if (use_cache && soi_credcache_get(a->cache, key, q->now, &cred) == SOI_CRED_FRESH) {
            soi_principal_from(out, &cred);
            out->user = apr_pstrdup(q->pool, cred.name);
            return NULL;
        }
    }
    soi_call call = {q->pool, 0, NULL, q->log, q->db_time};
    soi_error *err = soi_store_ticket(a->store, &call, scheme, soi_sha256_hex(q->pool, token, digest), &row);
    if (err)
        return err;
    if (!row.associate_id) {
        if (a->cache)
            soi_credcache_forget(a->cache, key);
        soi_log_write(q->log, q->pool, SOI_LOG_INFO, SOILOGNO(0202) "a %s ticket was refused", scheme);
        return soi_err(q->pool, SOI_MSG_AUTH_TICKET_REFUSED, scheme, NULL);
    }
    out->associate_id = row.associate_id;
    out->version = row.version;
    out->ticket = row.ticket;
    out->rights = row.rights;
    out->has_xsrf = soi_hex_digest(row.xsrf, out->xsrf);
    out->user = row.name;
    if (a->cache) {
        soi_cred_from(&cred, out);
        apr_cpystrn(cred.name, row.name, sizeof(cred.name));
        soi_credcache_put(a->cache, key, q->now, &cred);
    }
    return NULL;
}

static soi_error *soi_ticket_identify(soi_auth *a, const soi_auth_request *q, const char *token, int use_cache,
                                      soi_principal *out)
{
    return soi_ticket_lookup(a, q, out->scheme, token, use_cache, out);
}

/* The SOTICKET cookie: a SOTicket. A browser may hold more than one (set on
 * different paths); the first that is a valid ticket counts. */
static soi_error *soi_cookie_identify(soi_auth *a, const soi_auth_request *q, const char *cookie, int use_cache,
                                      soi_principal *out)
{
    apr_array_header_t *values = soi_cookie_values(q->pool, cookie, "SOTICKET");
    for (int i = 0; i < values->nelts; i++) {
        const char *token = APR_ARRAY_IDX(values, i, const char *);
        if (!soi_token_ok(token))
            continue;
        soi_error *err = soi_ticket_lookup(a, q, "SOTicket", token, use_cache, out);
        if (!err || err->status != 401)
            return err;
    }
    return soi_err(q->pool, SOI_MSG_AUTH_COOKIE_REFUSED, NULL);
}

/* ---- a user another module authenticated ------------------------------------------ */

static soi_error *soi_apache_identify(soi_auth *a, const soi_auth_request *q, int use_cache, soi_principal *out)
{
    unsigned char key[SOI_DIGEST_LEN];
    soi_cred cred;
    soi_login login;

    out->scheme = "Apache";
    out->user = q->apache_user;
    if (a->cache) {
        soi_credcache_digest(a->cache, SOI_KEY_APACHE, q->apache_user, key);
        if (use_cache && soi_credcache_get(a->cache, key, q->now, &cred) == SOI_CRED_FRESH) {
            soi_principal_from(out, &cred);
            return NULL;
        }
    }
    soi_call call = {q->pool, 0, NULL, q->log, q->db_time};
    soi_error *err = soi_store_login(a->store, &call, q->apache_user, &login);
    if (err)
        return err;
    if (!login.associate_id) {
        const char *name = soi_text_quote(q->pool, q->apache_user, strlen(q->apache_user), 64);
        soi_log_write(q->log, q->pool, SOI_LOG_INFO,
                      SOILOGNO(0203) "the authenticated user \"%s\" is not an active associate", name);
        return soi_err(q->pool, SOI_MSG_APACHE_USER, name, NULL);
    }
    out->associate_id = login.associate_id;
    out->version = login.version;
    out->rights = login.rights;
    if (a->cache) {
        soi_cred_from(&cred, out);
        soi_credcache_put(a->cache, key, q->now, &cred);
    }
    return NULL;
}

/* ---- the application --------------------------------------------------------------- */

static soi_error *soi_app_identify(soi_auth *a, const soi_auth_request *q, int use_cache, soi_principal *out)
{
    const soi_scheme *scheme = soi_scheme_of(soi_scheme_find(out->scheme, strlen(out->scheme)));
    unsigned char key[SOI_DIGEST_LEN], digest[SOI_DIGEST_LEN];
    soi_cred cred;
    soi_app app;

    if (!q->app_token) {
        if (q->app_required && scheme && scheme->ticket)
            return soi_err(q->pool, SOI_MSG_APP_REQUIRED, out->scheme, NULL);
        return NULL;
    }
    if (!soi_token_ok(q->app_token))
        return soi_err(q->pool, SOI_MSG_APP_MALFORMED, NULL);
    if (a->cache) {
        soi_credcache_digest(a->cache, SOI_KEY_APP, q->app_token, key);
        if (use_cache && soi_credcache_get(a->cache, key, q->now, &cred) == SOI_CRED_FRESH) {
            out->app_id = cred.associate_id;
            out->app = apr_pstrdup(q->pool, cred.name);
            return NULL;
        }
    }
    soi_call call = {q->pool, 0, NULL, q->log, q->db_time};
    soi_error *err = soi_store_app(a->store, &call, soi_sha256_hex(q->pool, q->app_token, digest), &app);
    if (err)
        return err;
    if (!app.app_id) {
        if (a->cache)
            soi_credcache_forget(a->cache, key);
        soi_log_write(q->log, q->pool, SOI_LOG_INFO, SOILOGNO(0204) "an application token was refused");
        return soi_err(q->pool, SOI_MSG_APP_REFUSED, NULL);
    }
    out->app_id = app.app_id;
    out->app = app.name;
    if (a->cache) {
        memset(&cred, 0, sizeof(cred));
        cred.associate_id = app.app_id;
        apr_cpystrn(cred.name, app.name, sizeof(cred.name));
        soi_credcache_put(a->cache, key, q->now, &cred);
    }
    return NULL;
}

/* ---- who is calling ----------------------------------------------------------------- */

static soi_error *soi_auth_run(soi_auth *a, const soi_auth_request *q, int use_cache, soi_principal *out)
{
    soi_error *err;

    memset(out, 0, sizeof(*out));
    if (q->apache_user) {
        /* Another module has authenticated the request: that user wins, and
         * Authorization is that module's, not ours. */
        err = soi_apache_identify(a, q, use_cache, out);
    } else if (q->authorization) {
        const char *name, *rest;
        apr_size_t len;
        soi_credentials_split(q->authorization, &name, &len, &rest);
        const soi_scheme *scheme = soi_scheme_of(soi_scheme_find(name, len) & q->accepted);
        if (!scheme || scheme->in_cookie)
            return soi_err(q->pool, SOI_MSG_AUTH_SCHEME, soi_scheme_names(q->pool, q->accepted), NULL);
        out->scheme = scheme->name;
        out->needs_xsrf = scheme->needs_xsrf;
        err = scheme->identify(a, q, rest, use_cache, out);
    } else {
        /* No Authorization: a browser's session cookie, where accepted. */
        const soi_scheme *cookie = soi_scheme_of(soi_scheme_find("Cookie", 6) & q->accepted);
        if (!cookie || !q->cookie || soi_cookie_values(q->pool, q->cookie, "SOTICKET")->nelts == 0)
            return soi_err(q->pool, SOI_MSG_AUTH_REQUIRED, soi_scheme_names(q->pool, q->accepted), NULL);
        out->scheme = cookie->name;
        out->needs_xsrf = cookie->needs_xsrf;
        err = cookie->identify(a, q, q->cookie, use_cache, out);
    }
    return err ? err : soi_app_identify(a, q, use_cache, out);
}

soi_error *soi_auth_identify(soi_auth *a, const soi_auth_request *q, soi_principal *out)
{
    return soi_auth_run(a, q, 1, out);
}

soi_error *soi_auth_refresh(soi_auth *a, const soi_auth_request *q, soi_principal *who)
{
    return soi_auth_run(a, q, 0, who);
}

int soi_auth_xsrf_ok(const soi_principal *who, const char *value)
{
    unsigned char digest[SOI_DIGEST_LEN];
    if (!who->has_xsrf || !value || !*value)
        return 0;
    soi_credcache_sha256(value, digest);
    return CRYPTO_memcmp(digest, who->xsrf, SOI_DIGEST_LEN) == 0;
}
