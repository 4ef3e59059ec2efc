#include "auth/soi_auth.h"

#include <apr_atomic.h>
#include <apr_md5.h>
#include <apr_strings.h>
#include <openssl/crypto.h>
#include <string.h>

#include "auth/soi_credcache.h"
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

/* A bcrypt hash (cost 10, the cost htpasswd -B and most tools use) of a
 * random secret: the first refusal in a process times a verification
 * against it, and every refusal lasts at least as long. */
#define SOI_DUMMY_HASH "$2y$10$QrZcDFJDSeNfsrlCsAzJvOTapxdL2Lm/0Fhd5qFUFbI0K.gk0mIvu"

static soi_error *soi_basic_identify(soi_auth *a, const soi_auth_request *q, const char *credentials, int use_cache,
                                     soi_principal *out);

const soi_scheme soi_schemes[] = {
    {"Basic", "Basic realm=\"SuperOffice Username or Ticket\"", 0, soi_basic_identify},
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
                          apr_status_t *rv)
{
    soi_auth *a = apr_pcalloc(pchild, sizeof(*a));
    a->store = store;
    *rv = APR_SUCCESS;
    if (cache_entries > 0)
        a->cache = soi_credcache_create(pchild, cache_entries, cache_ttl, rv);
    return a;
}

soi_error *soi_auth_identify(soi_auth *a, const soi_auth_request *q, soi_principal *out)
{
    const char *scheme, *rest;
    apr_size_t len;

    memset(out, 0, sizeof(*out));
    if (!q->authorization)
        return soi_err(q->pool, SOI_MSG_AUTH_REQUIRED, soi_scheme_names(q->pool, q->accepted), NULL);
    soi_credentials_split(q->authorization, &scheme, &len, &rest);
    unsigned bit = soi_scheme_find(scheme, len);
    if (!(bit & q->accepted))
        return soi_err(q->pool, SOI_MSG_AUTH_SCHEME, soi_scheme_names(q->pool, q->accepted), NULL);
    for (int i = 0; i < soi_scheme_count; i++) {
        if (bit == SOI_SCHEME_BIT(i))
            return soi_schemes[i].identify(a, q, rest, 1, out);
    }
    return NULL; /* not reached: bit names a row */
}

soi_error *soi_auth_refresh(soi_auth *a, const soi_auth_request *q, soi_principal *who)
{
    const char *scheme, *rest;
    apr_size_t len;

    soi_credentials_split(q->authorization ? q->authorization : "", &scheme, &len, &rest);
    for (int i = 0; i < soi_scheme_count; i++) {
        if (soi_scheme_find(scheme, len) == SOI_SCHEME_BIT(i))
            return soi_schemes[i].identify(a, q, rest, 0, who);
    }
    return soi_err(q->pool, SOI_MSG_AUTH_REFUSED, NULL);
}

/* ---- refusals --------------------------------------------------------------- */

/* Holds a refusal back until `started` + the floor, so that an unknown
 * user name (no hash to check), a user with a fast hash and one with bcrypt
 * all take as long to refuse. The floor starts as the time of one bcrypt
 * verification of cost 10 and rises to the slowest refused verification
 * seen (capped). The wait is a sleep: it costs a worker thread, never CPU,
 * so a flood of wrong logins does not starve other requests of the cores. */
static soi_error *soi_auth_refuse(soi_auth *a, const soi_auth_request *q, apr_time_t started, const char *user)
{
    apr_uint32_t floor = apr_atomic_read32(&a->refusal_floor);
    if (floor == 0) {
        apr_time_t t = apr_time_now();
        apr_password_validate("not the password", SOI_DUMMY_HASH);
        t = apr_time_now() - t;
        floor = (apr_uint32_t)(t < SOI_REFUSAL_MAX ? t : SOI_REFUSAL_MAX);
        apr_atomic_cas32(&a->refusal_floor, floor, 0);
        started += t; /* the measurement is not this refusal's own time */
    }
    apr_time_t spent = apr_time_now() - started;
    if (spent < (apr_time_t)floor) {
        apr_sleep((apr_time_t)floor - spent);
    } else if (spent > (apr_time_t)floor) {
        apr_uint32_t raised = (apr_uint32_t)(spent < SOI_REFUSAL_MAX ? spent : SOI_REFUSAL_MAX);
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
    if (a->cache) {
        soi_credcache_digest(a->cache, user, password, key);
        cached = soi_credcache_get(a->cache, key, q->now, &cred);
    }
    out->scheme = "Basic";
    out->user = user;
    out->app = NULL;
    if (use_cache && cached == SOI_CRED_FRESH) {
        out->associate_id = cred.associate_id;
        out->version = cred.version;
        out->rights = cred.rights;
        return NULL;
    }

    /* The database only while the statement runs: the password is checked
     * with no connection held. */
    apr_time_t started = apr_time_now();
    soi_call call = {q->pool, 0, NULL, q->log};
    soi_error *err = soi_store_login(a->store, &call, user, &login);
    if (err)
        return err;
    int ok = 0;
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
    if (!ok) {
        if (a->cache && cached != SOI_CRED_NONE)
            soi_credcache_forget(a->cache, key);
        return soi_auth_refuse(a, q, started, user);
    }
    out->associate_id = login.associate_id;
    out->version = login.version;
    out->rights = login.rights;
    if (a->cache) {
        cred.associate_id = login.associate_id;
        cred.version = login.version;
        cred.rights = login.rights;
        memcpy(cred.hash_digest, digest, SOI_DIGEST_LEN);
        soi_credcache_put(a->cache, key, q->now, &cred);
    }
    return NULL;
}
