#include "auth/soi_credcache.h"

#include <apr_general.h>
#include <apr_thread_cond.h>
#include <apr_thread_mutex.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string.h>

#define SOI_PROBE 4   /* slots examined per key: a small, fixed cost */
#define SOI_CLAIMS 16 /* keys being verified at once, beyond which callers verify unclaimed */

typedef struct {
    unsigned char key[SOI_DIGEST_LEN];
    apr_time_t expires; /* 0: empty */
    soi_cred cred;
} soi_credslot;

struct soi_credcache {
    unsigned char secret[32];
    EVP_MAC_CTX *keyed; /* HMAC-SHA-256 keyed with secret, set up once and copied per use */
    apr_interval_time_t ttl;
    apr_uint32_t mask; /* slots - 1; slots is a power of two */
    soi_credslot *slots;
    soi_stats *stats; /* hits, misses, entries; or NULL */
#if APR_HAS_THREADS
    apr_thread_mutex_t *lock;
    apr_thread_cond_t *released; /* a claim ended */
#endif
    struct {
        int held;
        unsigned char key[SOI_DIGEST_LEN];
    } claims[SOI_CLAIMS];
};

static apr_status_t soi_credcache_cleanup(void *data)
{
    soi_credcache *c = data;
    EVP_MAC_CTX_free(c->keyed);
    return APR_SUCCESS;
}

soi_credcache *soi_credcache_create(apr_pool_t *pool, int entries, apr_interval_time_t ttl, soi_stats *stats,
                                    apr_status_t *rv)
{
    soi_credcache *c;
    apr_uint32_t slots = SOI_PROBE;

    if (entries <= 0)
        return NULL;
    while (slots < (apr_uint32_t)entries)
        slots <<= 1;
    c = apr_pcalloc(pool, sizeof(*c));
    c->ttl = ttl;
    c->stats = stats;
    c->mask = slots - 1;
    c->slots = apr_pcalloc(pool, slots * sizeof(soi_credslot));
    *rv = apr_generate_random_bytes(c->secret, sizeof(c->secret));
    if (*rv != APR_SUCCESS)
        return NULL;
    /* Fetching the algorithm and keying it cost more than the hashing
     * itself: do it once; each digest starts from a copy. */
    EVP_MAC *hmac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    OSSL_PARAM params[] = {OSSL_PARAM_utf8_string("digest", (char *)"SHA256", 0), OSSL_PARAM_END};
    c->keyed = hmac ? EVP_MAC_CTX_new(hmac) : NULL;
    EVP_MAC_free(hmac);
    if (!c->keyed || !EVP_MAC_init(c->keyed, c->secret, sizeof(c->secret), params)) {
        EVP_MAC_CTX_free(c->keyed);
        *rv = APR_ENOTIMPL;
        return NULL;
    }
    apr_pool_cleanup_register(pool, c, soi_credcache_cleanup, apr_pool_cleanup_null);
#if APR_HAS_THREADS
    if (*rv == APR_SUCCESS)
        *rv = apr_thread_mutex_create(&c->lock, APR_THREAD_MUTEX_DEFAULT, pool);
    if (*rv == APR_SUCCESS)
        *rv = apr_thread_cond_create(&c->released, pool);
#endif
    return *rv == APR_SUCCESS ? c : NULL;
}

void soi_credcache_digest(const soi_credcache *c, const char *user, const char *password,
                          unsigned char out[SOI_DIGEST_LEN])
{
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_dup(c->keyed);
    size_t outlen = 0;

    /* The user's length goes first, so that ("ab", "c") and ("a", "bc") differ. */
    apr_uint32_t ulen = (apr_uint32_t)strlen(user);
    if (!ctx || !EVP_MAC_update(ctx, (const unsigned char *)&ulen, sizeof(ulen))
        || !EVP_MAC_update(ctx, (const unsigned char *)user, ulen)
        || !EVP_MAC_update(ctx, (const unsigned char *)password, strlen(password))
        || !EVP_MAC_final(ctx, out, &outlen, SOI_DIGEST_LEN) || outlen != SOI_DIGEST_LEN) {
        /* Cannot happen with a working libcrypto; a random key never hits. */
        apr_generate_random_bytes(out, SOI_DIGEST_LEN);
    }
    EVP_MAC_CTX_free(ctx);
}

static soi_credslot *soi_credcache_find(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN])
{
    apr_uint32_t h;
    memcpy(&h, key, sizeof(h));
    for (apr_uint32_t i = 0; i < SOI_PROBE; i++) {
        soi_credslot *s = &c->slots[(h + i) & c->mask];
        if (s->expires && CRYPTO_memcmp(s->key, key, SOI_DIGEST_LEN) == 0)
            return s;
    }
    return NULL;
}

static void soi_credcache_lock(soi_credcache *c)
{
#if APR_HAS_THREADS
    apr_thread_mutex_lock(c->lock);
#endif
}

static void soi_credcache_unlock(soi_credcache *c)
{
#if APR_HAS_THREADS
    apr_thread_mutex_unlock(c->lock);
#endif
}

int soi_credcache_get(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN], apr_time_t now, soi_cred *out)
{
    int hit = SOI_CRED_NONE;
    if (!c)
        return SOI_CRED_NONE;
    soi_credcache_lock(c);
    soi_credslot *s = soi_credcache_find(c, key);
    if (s) {
        *out = s->cred;
        hit = s->expires > now ? SOI_CRED_FRESH : SOI_CRED_EXPIRED;
    }
    soi_credcache_unlock(c);
    if (hit == SOI_CRED_FRESH)
        SOI_STATS_COUNT(c->stats, cache_hits);
    else
        SOI_STATS_COUNT(c->stats, cache_misses);
    return hit;
}

void soi_credcache_put(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN], apr_time_t now, const soi_cred *cred)
{
    apr_uint32_t h;
    if (!c)
        return;
    memcpy(&h, key, sizeof(h));
    soi_credcache_lock(c);
    soi_credslot *s = soi_credcache_find(c, key);
    /* Otherwise the first free or expired slot, else the one expiring first. */
    for (apr_uint32_t i = 0; !s && i < SOI_PROBE; i++) {
        soi_credslot *cand = &c->slots[(h + i) & c->mask];
        if (cand->expires <= now)
            s = cand;
    }
    if (!s) {
        s = &c->slots[h & c->mask];
        for (apr_uint32_t i = 1; i < SOI_PROBE; i++) {
            soi_credslot *cand = &c->slots[(h + i) & c->mask];
            if (cand->expires < s->expires)
                s = cand;
        }
    }
    if (!s->expires)
        SOI_STATS_GAUGE(c->stats, cache_entries, 1);
    memcpy(s->key, key, SOI_DIGEST_LEN);
    s->cred = *cred;
    s->expires = now + c->ttl;
    soi_credcache_unlock(c);
}

void soi_credcache_forget(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN])
{
    if (!c)
        return;
    soi_credcache_lock(c);
    soi_credslot *s = soi_credcache_find(c, key);
    if (s) {
        memset(s, 0, sizeof(*s));
        SOI_STATS_GAUGE(c->stats, cache_entries, -1);
    }
    soi_credcache_unlock(c);
}

int soi_credcache_claim(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN], apr_interval_time_t wait)
{
#if APR_HAS_THREADS
    int got = -1, waited = 0;
    apr_time_t until = apr_time_now() + wait;
    if (!c)
        return -1;
    soi_credcache_lock(c);
    for (;;) {
        int mine = -1, free_claim = -1;
        for (int i = 0; i < SOI_CLAIMS; i++) {
            if (c->claims[i].held && CRYPTO_memcmp(c->claims[i].key, key, SOI_DIGEST_LEN) == 0)
                mine = i;
            else if (!c->claims[i].held && free_claim < 0)
                free_claim = i;
        }
        if (mine < 0) { /* nobody verifies it: after a wait, look again; else claim it */
            if (waited) {
                got = 0;
            } else if (free_claim >= 0) {
                c->claims[free_claim].held = 1;
                memcpy(c->claims[free_claim].key, key, SOI_DIGEST_LEN);
                got = 1;
            }
            break;
        }
        apr_interval_time_t left = until - apr_time_now();
        if (left <= 0)
            break;
        apr_thread_cond_timedwait(c->released, c->lock, left);
        waited = 1;
    }
    soi_credcache_unlock(c);
    return got;
#else
    return -1;
#endif
}

void soi_credcache_release(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN])
{
    if (!c)
        return;
    soi_credcache_lock(c);
    for (int i = 0; i < SOI_CLAIMS; i++) {
        if (c->claims[i].held && CRYPTO_memcmp(c->claims[i].key, key, SOI_DIGEST_LEN) == 0)
            c->claims[i].held = 0;
    }
#if APR_HAS_THREADS
    apr_thread_cond_broadcast(c->released);
#endif
    soi_credcache_unlock(c);
}

void soi_credcache_sha256(const char *s, unsigned char out[SOI_DIGEST_LEN])
{
    unsigned int n = SOI_DIGEST_LEN;
    /* Cannot fail with a working libcrypto; random bytes never match. */
    if (!EVP_Digest(s, strlen(s), out, &n, EVP_sha256(), NULL))
        apr_generate_random_bytes(out, SOI_DIGEST_LEN);
}
