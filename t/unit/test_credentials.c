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

    const char *scheme;
    apr_size_t len;
    soi_credentials_split("Basic dGplMDpUamUw", &scheme, &len, &rest);
    ok(len == 5 && strncmp(scheme, "Basic", 5) == 0, "the scheme");
    is_str(rest, "dGplMDpUamUw", "credentials after the scheme");
    soi_credentials_split("  bAsIc \t  x", &scheme, &len, &rest);
    ok(len == 5 && strncmp(scheme, "bAsIc", 5) == 0 && strcmp(rest, "x") == 0, "spaces and tabs around it");
    soi_credentials_split("Basicx y", &scheme, &len, &rest);
    is_int(len, 6, "the whole token, no prefix matching");
    soi_credentials_split("", &scheme, &len, &rest);
    ok(len == 0 && *rest == '\0', "an empty header");

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
    /* "a\r\nb:x", "a\x1b[2J:x", "a\x7f:x": control characters in the user go nowhere near a log. */
    ok(!soi_credentials_basic(p, "YQ0KYjp4", &user, &pw), "CR LF in the user refused");
    ok(!soi_credentials_basic(p, "YRtbMko6eA==", &user, &pw), "ESC in the user refused");
    ok(!soi_credentials_basic(p, "YX86eA==", &user, &pw), "DEL in the user refused");
    ok(soi_credentials_basic(p, "YTp4DQp5", &user, &pw) && strcmp(pw, "x\r\ny") == 0,
       "a password may hold them (it is never logged)");

    /* The cache. */
    soi_credcache *c = soi_credcache_create(p, 8, apr_time_from_sec(60), NULL, &rv);
    ok(c != NULL, "cache created");
    unsigned char k1[SOI_DIGEST_LEN], k2[SOI_DIGEST_LEN], k3[SOI_DIGEST_LEN];
    soi_credcache_digest(c, "ab", "c", k1);
    soi_credcache_digest(c, "a", "bc", k2);
    soi_credcache_digest(c, "ab", "c", k3);
    ok(memcmp(k1, k2, SOI_DIGEST_LEN) != 0, "user/password boundary is part of the key");
    ok(memcmp(k1, k3, SOI_DIGEST_LEN) == 0, "the key is stable");

    soi_cred in = {.associate_id = 42, .version = 7, .rights = 31}, out;
    unsigned char d1[SOI_DIGEST_LEN], d2[SOI_DIGEST_LEN];
    soi_credcache_sha256("$2y$10$hash", in.hash_digest);
    soi_credcache_sha256("$2y$10$hash", d1);
    soi_credcache_sha256("$2y$10$hasi", d2);
    ok(memcmp(d1, in.hash_digest, SOI_DIGEST_LEN) == 0 && memcmp(d1, d2, SOI_DIGEST_LEN) != 0,
       "hash digests tell hashes apart");
    apr_time_t now = apr_time_from_sec(1000);
    is_int(soi_credcache_get(c, k1, now, &out), SOI_CRED_NONE, "miss before put");
    soi_credcache_put(c, k1, now, &in);
    ok(soi_credcache_get(c, k1, now + apr_time_from_sec(59), &out) == SOI_CRED_FRESH && out.associate_id == 42
           && out.version == 7 && out.rights == 31 && memcmp(out.hash_digest, d1, SOI_DIGEST_LEN) == 0,
       "hit within the lifetime");
    is_int(soi_credcache_get(c, k2, now, &out), SOI_CRED_NONE, "another key misses");
    is_int(soi_credcache_get(c, k1, now + apr_time_from_sec(60), &out), SOI_CRED_EXPIRED,
           "expired after the lifetime, its digest still there");
    soi_credcache_put(c, k1, now, &in);
    soi_credcache_forget(c, k1);
    is_int(soi_credcache_get(c, k1, now, &out), SOI_CRED_NONE, "forgotten");

    /* Bounded: far more logins than slots never grows it, and recent ones stay findable mostly. */
    int hits = 0;
    for (int i = 0; i < 1000; i++) {
        unsigned char k[SOI_DIGEST_LEN];
        char u[16];
        snprintf(u, sizeof(u), "u%d", i);
        soi_credcache_digest(c, u, "pw", k);
        soi_credcache_put(c, k, now + i, &in);
        hits += soi_credcache_get(c, k, now + i, &out) == SOI_CRED_FRESH;
    }
    is_int(hits, 1000, "a login just put is found");
    ok(soi_credcache_create(p, 0, 1, NULL, &rv) == NULL, "0 entries disables the cache");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
