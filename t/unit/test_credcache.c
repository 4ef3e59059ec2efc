/* The login cache: entries by key with a lifetime, and claims: while one
 * caller verifies a key, the others that miss it wait for its verdict and
 * then find it, so that concurrent first requests of one login pay for its
 * verification once. */
#include <apr_general.h>
#include <apr_thread_mutex.h>
#include <apr_thread_proc.h>
#include <string.h>

#include "auth/soi_credcache.h"
#include "tap.h"

typedef struct {
    soi_credcache *cache;
    apr_thread_mutex_t *lock;
    int *verified;   /* how many callers verified (slowly) */
    int found;       /* this caller's principal came from the cache */
    apr_int32_t who; /* the associate it ended with */
} caller_arg;

/* What soi_auth does with a key: a fresh entry, or claim, verify, put,
 * release; a caller that waited looks again. */
static void *APR_THREAD_FUNC caller(apr_thread_t *t, void *data)
{
    caller_arg *a = data;
    unsigned char key[SOI_DIGEST_LEN];
    soi_cred cred;
    soi_credcache_digest(a->cache, "tje0", "Tje0", key);
    int cached = soi_credcache_get(a->cache, key, 1000, &cred);
    int claim = -1;
    while (cached != SOI_CRED_FRESH && (claim = soi_credcache_claim(a->cache, key, apr_time_from_sec(5))) == 0)
        cached = soi_credcache_get(a->cache, key, 1000, &cred);
    if (cached == SOI_CRED_FRESH) {
        a->found = 1;
        a->who = cred.associate_id;
    } else {
        apr_sleep(apr_time_from_msec(200)); /* bcrypt */
        apr_thread_mutex_lock(a->lock);
        (*a->verified)++;
        apr_thread_mutex_unlock(a->lock);
        memset(&cred, 0, sizeof(cred));
        cred.associate_id = 7;
        soi_credcache_put(a->cache, key, 1000, &cred);
        a->who = 7;
        if (claim > 0)
            soi_credcache_release(a->cache, key);
    }
    apr_thread_exit(t, APR_SUCCESS);
    return NULL;
}

int main(void)
{
    apr_pool_t *p;
    apr_status_t rv;
    apr_initialize();
    apr_pool_create(&p, NULL);

    soi_credcache *c = soi_credcache_create(p, 8, 100, NULL, &rv);
    ok(c != NULL, "a cache of 8 entries");
    unsigned char a[SOI_DIGEST_LEN], b[SOI_DIGEST_LEN], a2[SOI_DIGEST_LEN];
    soi_credcache_digest(c, "tje0", "Tje0", a);
    soi_credcache_digest(c, "tje0", "Tje1", b);
    soi_credcache_digest(c, "tje0", "Tje0", a2);
    ok(memcmp(a, a2, SOI_DIGEST_LEN) == 0 && memcmp(a, b, SOI_DIGEST_LEN) != 0, "one digest per user and password");
    unsigned char ab[SOI_DIGEST_LEN], a_bc[SOI_DIGEST_LEN];
    soi_credcache_digest(c, "ab", "c", ab);
    soi_credcache_digest(c, "a", "bc", a_bc);
    ok(memcmp(ab, a_bc, SOI_DIGEST_LEN) != 0, "(ab, c) and (a, bc) differ");

    soi_cred cred = {.associate_id = 1, .version = 2, .rights = 31}, got;
    is_int(soi_credcache_get(c, a, 10, &got), SOI_CRED_NONE, "nothing cached yet");
    soi_credcache_put(c, a, 10, &cred);
    ok(soi_credcache_get(c, a, 50, &got) == SOI_CRED_FRESH && got.associate_id == 1 && got.rights == 31,
       "cached: fresh within its lifetime, as put");
    is_int(soi_credcache_get(c, a, 110, &got), SOI_CRED_EXPIRED, "expired after it");
    is_int(soi_credcache_get(c, b, 50, &got), SOI_CRED_NONE, "another password finds nothing");
    soi_credcache_forget(c, a);
    is_int(soi_credcache_get(c, a, 50, &got), SOI_CRED_NONE, "forgotten");
    ok(soi_credcache_create(p, 0, 100, NULL, &rv) == NULL, "0 entries: no cache");
    is_int(soi_credcache_claim(NULL, a, 0), -1, "no cache: no claim");

    /* Claims, one thread. */
    is_int(soi_credcache_claim(c, a, apr_time_from_msec(10)), 1, "the first caller claims a key");
    apr_time_t t0 = apr_time_now();
    is_int(soi_credcache_claim(c, a, apr_time_from_msec(100)), -1, "a second one waits, then verifies unclaimed");
    ok(apr_time_now() - t0 >= apr_time_from_msec(90), "after its wait (%d ms)",
       (int)apr_time_as_msec(apr_time_now() - t0));
    is_int(soi_credcache_claim(c, b, 0), 1, "another key is claimed at once");
    soi_credcache_release(c, a);
    soi_credcache_release(c, b);
    is_int(soi_credcache_claim(c, a, 0), 1, "released: claimed again");
    soi_credcache_release(c, a);
    unsigned char many[17][SOI_DIGEST_LEN];
    int claimed = 0;
    for (int i = 0; i < 17; i++) {
        char pw[8] = {'p', (char)('a' + i), 0};
        soi_credcache_digest(c, "u", pw, many[i]);
        claimed += soi_credcache_claim(c, many[i], 0) == 1;
    }
    is_int(claimed, 16, "16 keys at once are claimed; the 17th is verified unclaimed");
    for (int i = 0; i < 17; i++)
        soi_credcache_release(c, many[i]);

    /* Eight callers of one login at once: one verifies, seven wait and find it. */
    soi_credcache *cc = soi_credcache_create(p, 64, apr_time_from_sec(60), NULL, &rv);
    apr_thread_mutex_t *lock;
    apr_thread_mutex_create(&lock, APR_THREAD_MUTEX_DEFAULT, p);
    enum { CALLERS = 8 };
    int verified = 0, found = 0, seven = 0;
    caller_arg args[CALLERS];
    apr_thread_t *threads[CALLERS];
    for (int i = 0; i < CALLERS; i++) {
        args[i] = (caller_arg){cc, lock, &verified, 0, 0};
        apr_thread_create(&threads[i], NULL, caller, &args[i], p);
    }
    for (int i = 0; i < CALLERS; i++) {
        apr_thread_join(&rv, threads[i]);
        found += args[i].found;
        seven += args[i].who == 7;
    }
    ok(verified == 1 && found == CALLERS - 1 && seven == CALLERS,
       "%d concurrent first requests: verified once (%d), the others found it (%d)", CALLERS, verified, found);

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
