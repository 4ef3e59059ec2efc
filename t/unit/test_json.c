/* The JSON decoders: the entity (fed whole and in pieces) and the merge patch. */
#include <apr_general.h>
#include <apr_strings.h>
#include <string.h>

#include "codec/soi_json.h"
#include "feed.h"
#include "tap.h"

static apr_pool_t *p;

/* Decodes s, fed in pieces of `step` bytes (0: all at once). */
static soi_error *decode(const char *s, apr_size_t step, soi_entity *e)
{
    memset(e, 0, sizeof(*e));
    return feed_pieces(soi_json_entity_decoder(p, e), s, step);
}

static int status(const char *s)
{
    soi_entity e;
    soi_error *err = decode(s, 0, &e);
    return err ? err->status : 0;
}

static const char *message(const char *s)
{
    soi_entity e;
    soi_error *err = decode(s, 0, &e);
    return err ? msg_of(err) : NULL;
}

/* The message for s, the same whatever offset it is split at ("" for none);
 * NULL when the splits disagree. */
static const char *split_message(const char *s, int merge)
{
    const char *first = NULL;
    for (apr_size_t at = 0; at <= strlen(s); at++) {
        soi_entity e;
        memset(&e, 0, sizeof(e));
        soi_error *err = feed_split(merge ? soi_json_merge_decoder(p, &e) : soi_json_entity_decoder(p, &e), s, at);
        const char *m = err ? apr_pstrdup(p, msg_of(err)) : "";
        if (!first)
            first = m;
        else if (strcmp(first, m) != 0)
            return apr_psprintf(p, "split at %d: %s; whole: %s", (int)at, m, first);
    }
    return first;
}

/* The four ways a string fails UTF-8, and what the message shows. */
static const struct {
    const char *bytes, *near, *what;
} bad_utf8[] = {
    {"\xff", "FF", "a byte that is never UTF-8"},
    {"\xe2\x82", "E2", "a truncated sequence"},
    {"\xc0\xaf", "C0", "an overlong form"},
    {"\xed\xa0\x80", "D800", "an encoded surrogate"},
};

#define UTF8_TAIL "send text as UTF-8 without overlong forms or surrogates."

static const char seed[] = "{\n"
                           "  \"BlobId\": 630,\n"
                           "  \"BlobSize\": 442,\n"
                           "  \"Description\": \"Innovative encompassing project\",\n"
                           "  \"ExtraInfo\": \"sed\",\n"
                           "  \"IsEncrypted\": false,\n"
                           "  \"IsZipped\": false,\n"
                           "  \"MimeType\": \"cumque\",\n"
                           "  \"OriginalSize\": 732,\n"
                           "  \"CreatedDate\": \"2020-03-20T02:49:50.7296616+01:00\",\n"
                           "  \"UpdatedDate\": \"1995-10-27T02:49:50.7296616+02:00\",\n"
                           "  \"CreatedBy\": null,\n"
                           "  \"UpdatedBy\": null,\n"
                           "  \"ConceptualType\": \"nesciunt\"\n"
                           "}";

int main(void)
{
    soi_entity e;
    soi_error *err;

    apr_initialize();
    apr_pool_create(&p, NULL);

    for (apr_size_t step = 0; step <= 3; step++) {
        err = decode(seed, step, &e);
        ok(!err, "the seed's sample body decodes (pieces of %d bytes)", (int)step);
        ok(e.v[SOI_F_BLOBID].num == 630 && e.v[SOI_F_BLOBSIZE].num == 442 && e.v[SOI_F_ORIGINALSIZE].num == 732,
           "numbers (pieces of %d)", (int)step);
        is_str(e.v[SOI_F_DESCRIPTION].str, "Innovative encompassing project", "strings (pieces of %d)", (int)step);
        is_str(e.v[SOI_F_CONCEPTUALTYPE].str, "nesciunt", "last property (pieces of %d)", (int)step);
    }

    ok(!decode("{\"description\":\"a\",\"MIMETYPE\":\"b\"}", 0, &e), "names match without regard to case");
    is_str(e.v[SOI_F_MIMETYPE].str, "b", "upper-case name applied");
    ok(!decode("{\"Colour\":{\"deep\":[1,2,{\"x\":null}]},\"Unknown\":\"\\ud800\",\"Description\":\"kept\"}", 0, &e),
       "unknown properties are ignored, nested or not");
    is_str(e.v[SOI_F_DESCRIPTION].str, "kept", "and known ones after them still apply");
    ok(!decode("{\"CreatedBy\":{\"AssociateId\":5,\"Name\":\"x\"},\"TableRight\":{\"Mask\":\"FULL\"},"
               "\"FieldProperties\":{}}",
               0, &e),
       "an echoed response's objects are accepted and ignored");
    ok(!decode("{\"Description\":\"\\u00e6\\ud83d\\ude00\"}", 0, &e), "escaped BMP and surrogate pair");
    is_str(e.v[SOI_F_DESCRIPTION].str, "\xc3\xa6\xf0\x9f\x98\x80", "decoded to UTF-8");

    is_str(message("{\"Description\":\"\\ud800\"}"),
           "Description is not valid UTF-8: it holds an unpaired surrogate escape (\\uD800 to \\uDFFF).",
           "lone high surrogate refused (yajl alone would make it \"?\")");
    is_int(status("{\"Description\":\"\\ud800\\u0041\"}"), 400, "high surrogate followed by a non-surrogate refused");
    is_int(status("{\"Description\":\"\\udc00\"}"), 400, "lone low surrogate refused");
    is_int(status("{\"Description\":\"a\\u0000b\"}"), 400, "escaped U+0000 refused");
    is_int(status("{\"Description\":\"\xc0\xaf\"}"), 400, "raw overlong UTF-8 refused");
    is_int(status("{\"Description\":\"\xed\xa0\x80\"}"), 400, "raw encoded surrogate refused");
    is_int(status("{\"Description\":\"\\ud83d\\ude00\"}"), 0, "a proper pair passes the guard");

    is_str(message("[1,2]"),
           "The body must be a JSON object holding BlobEntity properties such as {\"Description\": \"...\"}.",
           "an array is not an entity");
    is_int(status("null"), 400, "null is not an entity");
    is_int(status("\"x\""), 400, "a string is not an entity");
    is_int(status("{\"Description\":\"a\""), 400, "truncated body");
    is_int(status("{\"Description\":\"a\"} x"), 400, "trailing garbage");
    is_int(status("{\"Description\":\"a\"}{}"), 400, "two documents");
    is_int(status("{\"BlobSize\":\"442\"}"), 400, "a string for an integer");
    is_str(message("{\"IsZipped\":1}"), "IsZipped must be true or false, not \"1\".", "a number for a boolean");
    is_int(status("{\"Description\":\"a\",\"description\":\"b\"}"), 400, "a property twice");

    /* Text that is not UTF-8: named where it is, however the body is cut. */
    for (size_t i = 0; i < sizeof(bad_utf8) / sizeof(bad_utf8[0]); i++) {
        const char *b = bad_utf8[i].bytes, *near = bad_utf8[i].near, *what = bad_utf8[i].what;
        is_str(split_message(apr_psprintf(p, "{\"BlobId\":1,\"Description\":\"a%sb\"}", b), 0),
               apr_psprintf(p, "Description is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
               "%s in Description, split at every offset", what);
        is_str(split_message(apr_psprintf(p, "{\"MimeType\":\"%s\",\"BlobSize\":1}", b), 0),
               apr_psprintf(p, "MimeType is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near), "%s alone in MimeType",
               what);
        is_str(split_message(apr_psprintf(p, "{\"Colour\":\"x%s\",\"Description\":\"ok\"}", b), 0),
               apr_psprintf(p, "\"Colour\" holds text that is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
               "%s in an unknown property's value", what);
        is_str(split_message(apr_psprintf(p, "{\"Colour\":{\"deep\":[1,\"%s\"]}}", b), 0),
               apr_psprintf(p, "\"Colour\" holds text that is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
               "%s deep inside an unknown property", what);
        is_str(split_message(apr_psprintf(p, "{\"createdBy\":{\"Name\":\"%s\"}}", b), 0),
               apr_psprintf(p, "CreatedBy holds text that is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
               "%s inside an ignored property, named as BlobEntity spells it", what);
        is_str(split_message(apr_psprintf(p, "{\"Colour\":{\"%s\":1}}", b), 0),
               apr_psprintf(p, "\"Colour\" holds text that is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
               "%s in a nested key", what);
        is_str(split_message(apr_psprintf(p, "{\"Descr%siption\":\"x\"}", b), 0),
               apr_psprintf(p, "A property name is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
               "%s in a property name", what);
        is_str(split_message(apr_psprintf(p, "{\"BlobSize\":\"%s\"}", b), 0),
               "BlobSize must be an integer from 0 to 2147483647, not a string.",
               "%s as the string for an integer: its type is wrong first", what);
        is_str(split_message(apr_psprintf(p, "{\"CreatedDate\":\"2020-01-01%s\"}", b), 0),
               apr_psprintf(p,
                            "CreatedDate must be an ISO 8601 date-time such as 2020-03-20T01:49:50.7296610Z, or "
                            "null, not \"2020-01-01\\x%s\".",
                            i == 3   ? "ED\\xA0\\x80"
                            : i == 0 ? "FF"
                            : i == 1 ? "E2\\x82"
                                     : "C0\\xAF"),
               "%s in a date", what);
        is_str(split_message(apr_psprintf(p, "{\"Description\":\"a\\u0001%s\"}", b), 0),
               apr_psprintf(p, "Description is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
               "%s after a control character: not UTF-8 is said first", what);
        is_str(split_message(apr_psprintf(p, "{\"description\":\"%s\"}", b), 1),
               apr_psprintf(p, "Description is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near), "%s in a merge patch",
               what);
        is_str(split_message(apr_psprintf(p, "{\"%s\":null}", b), 1),
               apr_psprintf(p, "A property name is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
               "%s in a merge patch's member name", what);
    }
    is_str(split_message("{\"Description\":\"\xc3\xa6\xe2\x82\xac\xf0\x9f\x98\x80\",\"Colour\":[\"\xc3\xa6\"],"
                         "\"\xc3\xa6\":{\"\xe2\x82\xac\":\"\xf0\x9f\x98\x80\"}}",
                         0),
           "", "valid UTF-8 of every length passes, split at every offset");
    is_str(split_message("{\"Description\":\"\xf4\x90\x80\x80\"}", 0),
           "Description is not valid UTF-8 (near 0x110000): " UTF8_TAIL, "beyond U+10FFFF");
    is_str(split_message("{\"Colour\":\"\\u0000\\u0001\"}", 0), "",
           "U+0000 and controls in an ignored value are still only ignored");

    /* Integers: the range is checked before anything could wrap. */
    {
        static const char *const too_big[] = {
            "2147483648",           "9223372036854775807",  "9223372036854775808",   "18446744073709551616",
            "18446744073709551617", "18446744073709552246", "-18446744073709551617", "123456789012345678901234567890"};
        for (size_t i = 0; i < sizeof(too_big) / sizeof(too_big[0]); i++) {
            char body[120];
            snprintf(body, sizeof(body), "{\"BlobSize\":%s}", too_big[i]);
            is_str(message(body),
                   apr_psprintf(p, "BlobSize must be an integer from 0 to 2147483647, not \"%s\".", too_big[i]),
                   "BlobSize %s refused, naming the property", too_big[i]);
            snprintf(body, sizeof(body), "{\"BlobId\":%s}", too_big[i]);
            is_str(message(body),
                   apr_psprintf(p, "BlobId must be an integer (the picture's BlobId, or 0), not \"%s\".", too_big[i]),
                   "BlobId %s refused, naming the property", too_big[i]);
        }
    }
    ok(!decode("{\"BlobSize\":-0,\"BlobId\":-0}", 0, &e) && e.v[SOI_F_BLOBSIZE].num == 0 && e.v[SOI_F_BLOBID].num == 0,
       "-0 is 0");
    ok(!decode("{\"OriginalSize\":2147483647}", 0, &e) && e.v[SOI_F_ORIGINALSIZE].num == 2147483647, "int32 max");
    err = decode("{\"BlobSize\":+5}", 0, &e);
    ok(err && strstr(msg_of(err), "The body is not valid JSON"), "+5 is not JSON: %s", err ? msg_of(err) : "");
    err = decode("{\"Description\":", 0, &e);
    ok(err && strstr(msg_of(err), "The body is not valid JSON"), "syntax errors say so: %s", err ? msg_of(err) : "");

    /* The root object is level 1; k arrays inside it make k + 1 levels. */
    for (int k = 14; k <= 16; k++) {
        char deep[100] = "{\"x\":";
        for (int i = 0; i < k; i++)
            strcat(deep, "[");
        for (int i = 0; i < k; i++)
            strcat(deep, "]");
        strcat(deep, "}");
        err = decode(deep, 0, &e);
        if (k < 16)
            ok(!err, "%d levels of nesting accepted", k + 1);
        else
            is_str(err ? msg_of(err) : NULL, "The body nests objects and arrays deeper than 16 levels.",
                   "%d levels refused", k + 1);
    }

    /* Merge patches: only writable members, null resets. */
    soi_entity m;
    memset(&m, 0, sizeof(m));
    soi_sink md = soi_json_merge_decoder(p, &m);
    const char *mp = "{\"description\":\"new\",\"BlobSize\":null,\"IsZipped\":true}";
    ok(!md.feed(md.ctx, mp, strlen(mp)) && !md.finish(md.ctx), "a merge patch decodes");
    ok((m.present & SOI_BIT(SOI_F_DESCRIPTION)) && !(m.null & SOI_BIT(SOI_F_DESCRIPTION)), "Description set");
    ok((m.present & m.null & SOI_BIT(SOI_F_BLOBSIZE)) != 0, "null for an integer means reset, not an error");
    ok(!(m.present & SOI_BIT(SOI_F_MIMETYPE)), "untouched members stay absent");
    memset(&m, 0, sizeof(m));
    md = soi_json_merge_decoder(p, &m);
    err = md.feed(md.ctx, "{\"Colour\":1}", 12);
    is_str(err ? msg_of(err) : NULL, "The merge patch names \"Colour\", which is not a property of BlobEntity.",
           "a merge patch naming an unknown member is refused");
    memset(&m, 0, sizeof(m));
    md = soi_json_merge_decoder(p, &m);
    err = md.feed(md.ctx, "{\"UpdatedDate\":null}", 20);
    ok(err && strstr(msg_of(err), "names UpdatedDate, which cannot be changed; BlobSize, Description"),
       "a merge patch naming a server-set member is refused: %s", err ? msg_of(err) : "");
    memset(&m, 0, sizeof(m));
    md = soi_json_merge_decoder(p, &m);
    err = md.feed(md.ctx, "{\"BlobId\":5}", 12);
    ok(err && err->status == 400, "BlobId cannot be merged");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
