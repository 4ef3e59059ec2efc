/* application/x-www-form-urlencoded. */
#include <apr_general.h>
#include <apr_strings.h>
#include <string.h>

#include "codec/soi_form.h"
#include "feed.h"
#include "tap.h"

static apr_pool_t *p;

static soi_error *decode(const char *s, apr_size_t step, soi_change *c)
{
    memset(c, 0, sizeof(*c));
    return feed_pieces(soi_form_decoder(p, c), s, step);
}

static const char *msg(const char *s)
{
    soi_change c;
    soi_error *err = decode(s, 0, &c);
    return err ? msg_of(err) : NULL;
}

/* The message for s ("" for none), the same at every split; else what differs. */
static const char *split_msg(const char *s)
{
    const char *first = NULL;
    for (apr_size_t at = 0; at <= strlen(s); at++) {
        soi_change c;
        memset(&c, 0, sizeof(c));
        soi_error *err = feed_split(soi_form_decoder(p, &c), s, at);
        const char *m = err ? apr_pstrdup(p, msg_of(err)) : "";
        if (!first)
            first = m;
        else if (strcmp(first, m) != 0)
            return apr_psprintf(p, "split at %d: %s; whole: %s", (int)at, m, first);
    }
    return first;
}

#define UTF8_TAIL "send text as UTF-8 without overlong forms or surrogates."

int main(void)
{
    soi_change c;
    soi_error *err;

    apr_initialize();
    apr_pool_create(&p, NULL);

    const char *body = "Description=Caf%C3%A9+%26+tea&blobsize=442&ISZIPPED=true&MimeType=image%2Fpng"
                       "&XSRF_TOKEN=abc%20123&Unknown=x&&ExtraInfo=&IsEncrypted=False";
    for (apr_size_t step = 0; step <= 5; step += 5) {
        err = decode(body, step, &c);
        ok(!err, "a form decodes (pieces of %d bytes): %s", (int)step, err ? msg_of(err) : "");
        is_str(c.entity.v[SOI_F_DESCRIPTION].str, "Caf\xc3\xa9 & tea", "percent-decoding and + as space");
        ok(c.entity.v[SOI_F_BLOBSIZE].num == 442 && c.entity.v[SOI_F_ISZIPPED].num == 1
               && c.entity.v[SOI_F_ISENCRYPTED].num == 0,
           "names without regard to case; true and False");
        is_str(c.entity.v[SOI_F_MIMETYPE].str, "image/png", "%%2F");
        is_str(c.entity.v[SOI_F_EXTRAINFO].str, "", "an empty value");
        is_str(c.xsrf_token, "abc 123", "XSRF_TOKEN goes to authentication");
        ok(c.kind == SOI_CHANGE_REPLACE, "a form is a whole entity");
    }
    ok(!decode("XSRF_TOKEN=t", 0, &c) && !(c.entity.present), "XSRF_TOKEN is not a property");

    is_str(msg("Description=a&description=b"), "The form gives \"description\" more than once.", "a repeated name");
    is_str(msg("Unknown=a&UNKNOWN=b"), "The form gives \"UNKNOWN\" more than once.", "repeated unknown names too");
    is_str(msg("xsrf_token=a&XSRF_TOKEN=b"), "The form gives \"XSRF_TOKEN\" more than once.", "and XSRF_TOKEN");
    is_str(msg("Description=%zz"), "The form field \"Description=%zz\" holds a malformed percent escape.",
           "a malformed escape");
    ok(msg("Description=%4") != NULL, "a truncated escape");
    is_str(msg("BlobSize=lots"), "BlobSize must be an integer from 0 to 2147483647, not \"lots\".",
           "the entity's rules apply");
    {
        static const char *const too_big[] = {"9223372036854775807",  "9223372036854775808",
                                              "18446744073709551616", "18446744073709551617",
                                              "18446744073709552246", "123456789012345678901234567890"};
        for (size_t i = 0; i < sizeof(too_big) / sizeof(too_big[0]); i++) {
            is_str(msg(apr_pstrcat(p, "BlobSize=", too_big[i], NULL)),
                   apr_psprintf(p, "BlobSize must be an integer from 0 to 2147483647, not \"%s\".", too_big[i]),
                   "BlobSize %s refused", too_big[i]);
            is_str(msg(apr_pstrcat(p, "BlobId=", too_big[i], NULL)),
                   apr_psprintf(p, "BlobId must be an integer (the picture's BlobId, or 0), not \"%s\".", too_big[i]),
                   "BlobId %s refused", too_big[i]);
        }
    }
    is_str(msg("BlobSize=%2B5"), "BlobSize must be an integer from 0 to 2147483647, not \"+5\".",
           "an encoded plus sign is refused");
    ok(!decode("BlobSize=+5", 0, &c) && c.entity.v[SOI_F_BLOBSIZE].num == 5,
       "a raw + is a space in a form: \" 5\" is 5, as in XML");
    ok(!decode("BlobSize=-0", 0, &c) && c.entity.v[SOI_F_BLOBSIZE].num == 0, "-0 is 0");
    is_str(msg("IsZipped=1"), "IsZipped must be true or false, not \"1\".", "booleans are true or false");
    /* Text that is not UTF-8, percent-encoded or raw: named where it is. */
    {
        static const struct {
            const char *encoded, *raw, *near, *what;
        } bad[] = {{"%FF", "\xff", "FF", "a byte that is never UTF-8"},
                   {"%E2%82", "\xe2\x82", "E2", "a truncated sequence"},
                   {"%c0%af", "\xc0\xaf", "C0", "an overlong form"},
                   {"%ED%A0%80", "\xed\xa0\x80", "D800", "an encoded surrogate"}};
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
            const char *near = bad[i].near, *what = bad[i].what;
            for (int raw = 0; raw <= 1; raw++) {
                const char *b = raw ? bad[i].raw : bad[i].encoded, *how = raw ? "raw" : "encoded";
                is_str(split_msg(apr_psprintf(p, "BlobSize=1&Description=a%sb&MimeType=x", b)),
                       apr_psprintf(p, "Description is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
                       "%s (%s) in Description, split at every offset", what, how);
                is_str(split_msg(apr_psprintf(p, "Description=x&Colour=%s", b)),
                       apr_psprintf(p, "\"Colour\" holds text that is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
                       "%s (%s) in an unknown field", what, how);
                is_str(split_msg(apr_psprintf(p, "Descr%siption=x", b)),
                       apr_psprintf(p, "A property name is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
                       "%s (%s) in a name", what, how);
                is_str(
                    split_msg(apr_psprintf(p, "XSRF_TOKEN=t%s", b)),
                    apr_psprintf(p, "\"XSRF_TOKEN\" holds text that is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
                    "%s (%s) in XSRF_TOKEN", what, how);
            }
        }
        is_str(split_msg("Description=%C3%A6\xe2\x82\xac%F0%9F%98%80&%C3%A6=\xc3\xa6&XSRF_TOKEN=%E2%82%AC"), "",
               "valid UTF-8 of every length passes, split at every offset");
    }
    ok(msg("Description=%C0%AF") != NULL, "invalid UTF-8 after decoding is refused");
    ok(msg("Description=a%00b") != NULL, "an encoded NUL is refused");
    is_str(msg("XSRF_TOKEN=a%00b"), "The form's XSRF_TOKEN contains U+0000.", "in XSRF_TOKEN too");
    ok(!msg("") && !msg("&&&"), "an empty form has no fields (the empty body is refused elsewhere)");
    ok(!decode("Description", 0, &c) && strcmp(c.entity.v[SOI_F_DESCRIPTION].str, "") == 0,
       "a name without = has the empty value");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
