/* A bounded per-process cache of verified logins, so that a password hash
 * (bcrypt is slow by design) is not recomputed on every request. Keys are
 * HMAC-SHA-256 digests of user and password under a per-process random key:
 * no password is kept. Entries expire after a TTL; each write to the
 * database re-checks that the associate is live and the hash unchanged. */
#ifndef SOI_CREDCACHE_H
#define SOI_CREDCACHE_H

#include <apr_pools.h>
#include <apr_time.h>

#define SOI_DIGEST_LEN 32
#define SOI_HASH_MAX 128 /* longer stored hashes are verified but not cached */

typedef struct soi_credcache soi_credcache;

typedef struct {
    apr_int32_t associate_id;
    int rights;
    char password_hash[SOI_HASH_MAX];
} soi_cred;

/* A cache of `entries` slots (0 disables it); NULL with *rv on failure. */
soi_credcache *soi_credcache_create(apr_pool_t *pool, int entries, apr_interval_time_t ttl, apr_status_t *rv);

void soi_credcache_digest(const soi_credcache *c, const char *user, const char *password,
                          unsigned char out[SOI_DIGEST_LEN]);
int soi_credcache_get(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN], apr_time_t now, soi_cred *out);
void soi_credcache_put(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN], apr_time_t now, const soi_cred *cred);
void soi_credcache_forget(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN]);

#endif
