/* Authorization parsing and the login cache. */
#include <apr_general.h>
#include <string.h>

#include "auth/soi_credcache.h"
#include "core/soi_credentials.h"
#include "tap.h"

int main(void)
{
    apr_pool_t *p;
    const char *rest, *user, *pw;
    apr_status_t rv;

    apr_initialize();
    apr_pool_create(&p, NULL);

    is_int(soi_credentials_scheme("Basic dGplMDpUamUw", &rest), SOI_SCHEME_BASIC, "Basic");
    is_str(rest, "dGplMDpUamUw", "credentials after the scheme");
    is_int(soi_credentials_scheme("  bAsIc   x", &rest), SOI_SCHEME_BASIC, "scheme ignores case and spaces");
    is_int(soi_credentials_scheme("SOTICKET 7T:abc", &rest), SOI_SCHEME_SOTICKET, "SOTicket");
    is_int(soi_credentials_scheme("Bearer 8A:x", &rest), SOI_SCHEME_BEARER, "Bearer");
    is_int(soi_credentials_scheme("Negotiate x", &rest), 0, "other schemes are none of ours");
    is_int(soi_credentials_scheme("Basicx y", &rest), 0, "no prefix matching");

    ok(soi_credentials_basic(p, "dGplMDpUamUw", &user, &pw), "the seed's credentials decode");
    is_str(user, "tje0", "user");
    is_str(pw, "Tje0", "password");
    ok(soi_credentials_basic(p, "YTpiOmM=", &user, &pw) && strcmp(pw, "b:c") == 0, "password may hold a colon");
    ok(soi_credentials_basic(p, "YTo=", &user, &pw) && strcmp(pw, "") == 0, "empty password decodes");
    ok(!soi_credentials_basic(p, "OnB3", &user, &pw), "empty user refused");
    ok(!soi_credentials_basic(p, "dGplMA==", &user, &pw), "no colon refused");
    ok(!soi_credentials_basic(p, "dGplMDpUamUw!", &user, &pw), "characters outside base64 refused");
    ok(!soi_credentials_basic(p, "dGplMDpUamU", &user, &pw), "unpadded length refused");
    ok(!soi_credentials_basic(p, "", &user, &pw), "empty refused");
    ok(!soi_credentials_basic(p, "YQBiOmM=", &user, &pw), "NUL inside refused");
    ok(!soi_credentials_basic(p, "/zpi", &user, &pw), "invalid UTF-8 refused");

    /* The cache. */
    soi_credcache *c = soi_credcache_create(p, 8, apr_time_from_sec(60), &rv);
    ok(c != NULL, "cache created");
    unsigned char k1[SOI_DIGEST_LEN], k2[SOI_DIGEST_LEN], k3[SOI_DIGEST_LEN];
    soi_credcache_digest(c, "ab", "c", k1);
    soi_credcache_digest(c, "a", "bc", k2);
    soi_credcache_digest(c, "ab", "c", k3);
    ok(memcmp(k1, k2, SOI_DIGEST_LEN) != 0, "user/password boundary is part of the key");
    ok(memcmp(k1, k3, SOI_DIGEST_LEN) == 0, "the key is stable");

    soi_cred in = {42, 31, "$2y$10$hash"}, out;
    apr_time_t now = apr_time_from_sec(1000);
    ok(!soi_credcache_get(c, k1, now, &out), "miss before put");
    soi_credcache_put(c, k1, now, &in);
    ok(soi_credcache_get(c, k1, now + apr_time_from_sec(59), &out) && out.associate_id == 42 && out.rights == 31
           && strcmp(out.password_hash, "$2y$10$hash") == 0,
       "hit within the lifetime");
    ok(!soi_credcache_get(c, k2, now, &out), "another key misses");
    ok(!soi_credcache_get(c, k1, now + apr_time_from_sec(60), &out), "expired after the lifetime");
    soi_credcache_put(c, k1, now, &in);
    soi_credcache_forget(c, k1);
    ok(!soi_credcache_get(c, k1, now, &out), "forgotten");

    /* Bounded: far more logins than slots never grows it, and recent ones stay findable mostly. */
    int hits = 0;
    for (int i = 0; i < 1000; i++) {
        unsigned char k[SOI_DIGEST_LEN];
        char u[16];
        snprintf(u, sizeof(u), "u%d", i);
        soi_credcache_digest(c, u, "pw", k);
        soi_credcache_put(c, k, now + i, &in);
        hits += soi_credcache_get(c, k, now + i, &out);
    }
    is_int(hits, 1000, "a login just put is found");
    ok(soi_credcache_create(p, 0, 1, &rv) == NULL, "0 entries disables the cache");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
