/* A bounded per-process cache of verified logins, so that a password hash
 * (bcrypt is slow by design) is not recomputed on every request. Keys are
 * HMAC-SHA-256 digests of user and password under a per-process random key:
 * no password is kept, and no password hash either, only its SHA-256 (to
 * tell, when the login is looked up again, whether the hash it was verified
 * against is still the stored one). Entries are trusted for a lifetime;
 * every statement re-checks the associate's credential version anyway. */
#ifndef SOI_CREDCACHE_H
#define SOI_CREDCACHE_H

#include <apr_pools.h>
#include <apr_time.h>

#include "core/soi_stats.h"

#define SOI_DIGEST_LEN 32

typedef struct soi_credcache soi_credcache;

/* What a verified credential stands for. One cache holds every kind, each
 * under keys of its own (see soi_credcache_digest): Basic logins, tickets,
 * application tokens and names authenticated by another module. */
typedef struct {
    apr_int32_t associate_id; /* an application's entry: its app_id */
    apr_int64_t version;
    apr_int64_t ticket;
    int rights;
    unsigned char hash_digest[SOI_DIGEST_LEN]; /* Basic: SHA-256 of the password hash verified against */
    int has_xsrf;
    unsigned char xsrf[SOI_DIGEST_LEN]; /* a ticket: SHA-256 of its session's XSRF value */
    char name[128];                     /* an application's name, a ticket's associate's; cut to fit */
} soi_cred;

enum { SOI_CRED_NONE = 0, SOI_CRED_EXPIRED, SOI_CRED_FRESH };

/* A cache of `entries` slots (0 disables it); NULL with *rv on failure. */
soi_credcache *soi_credcache_create(apr_pool_t *pool, int entries, apr_interval_time_t ttl, soi_stats *stats,
                                    apr_status_t *rv);

void soi_credcache_digest(const soi_credcache *c, const char *user, const char *password,
                          unsigned char out[SOI_DIGEST_LEN]);
/* SOI_CRED_FRESH (within its lifetime), SOI_CRED_EXPIRED, or SOI_CRED_NONE;
 * *out is filled unless NONE. */
int soi_credcache_get(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN], apr_time_t now, soi_cred *out);
void soi_credcache_put(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN], apr_time_t now, const soi_cred *cred);
void soi_credcache_forget(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN]);

/* One verification of a key at a time. The first caller to miss a key
 * claims it (1) and verifies; callers that miss it meanwhile wait, at most
 * `wait`, until the claim is released, and get 0: look the key up again (and
 * claim it in turn if it is still missing). -1: no claim (no cache, every
 * claim in use, or the wait ran out): verify without one. A holder
 * releases its claim after putting what it found. */
int soi_credcache_claim(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN], apr_interval_time_t wait);
void soi_credcache_release(soi_credcache *c, const unsigned char key[SOI_DIGEST_LEN]);

/* SHA-256 of a string (for soi_cred.hash_digest). */
void soi_credcache_sha256(const char *s, unsigned char out[SOI_DIGEST_LEN]);

#endif
