/* JSON Patch (RFC 6902) and merge patch (RFC 7396) on the BlobEntity. The
 * appendix examples of both RFCs that apply to a flat object are here, with
 * their members mapped onto BlobEntity properties (foo -> Description,
 * baz -> ExtraInfo, numbers -> BlobSize). */
#include <apr_general.h>
#include <apr_strings.h>
#include <string.h>

#include "codec/soi_json.h"
#include "codec/soi_jsonpatch.h"
#include "tap.h"

static apr_pool_t *p;
static soi_entity base;

static void set_str(soi_entity *e, soi_field_id f, const char *s)
{
    e->v[f].str = s;
    e->v[f].len = strlen(s);
}

/* Applies a JSON Patch to a copy of *target; NULL or the error. */
static soi_error *json_patch(const char *body, soi_entity *target)
{
    soi_change c;
    memset(&c, 0, sizeof(c));
    soi_sink d = soi_json_patch_decoder(p, &c);
    soi_error *err = d.feed(d.ctx, body, strlen(body));
    if (!err)
        err = d.finish(d.ctx);
    return err ? err : soi_change_apply(p, &c, target);
}

static soi_error *merge_patch(const char *body, soi_entity *target)
{
    soi_change c;
    memset(&c, 0, sizeof(c));
    c.kind = SOI_CHANGE_MERGE;
    soi_sink d = soi_json_merge_decoder(p, &c.entity);
    soi_error *err = d.feed(d.ctx, body, strlen(body));
    if (!err)
        err = d.finish(d.ctx);
    return err ? err : soi_change_apply(p, &c, target);
}

static int status(soi_error *err)
{
    return err ? err->status : 0;
}

/* Decodes a JSON Patch fed in two pieces split at byte `at`, and applies it
 * to a copy of base; the message, or "" when it applies. */
static const char *patch_split(const char *body, apr_size_t at)
{
    soi_change c;
    soi_entity t = base;
    apr_size_t n = strlen(body);
    memset(&c, 0, sizeof(c));
    soi_sink d = soi_json_patch_decoder(p, &c);
    soi_error *err = at > 0 ? d.feed(d.ctx, body, at) : NULL;
    if (!err && at < n)
        err = d.feed(d.ctx, body + at, n - at);
    if (!err)
        err = d.finish(d.ctx);
    if (!err)
        err = soi_change_apply(p, &c, &t);
    return err ? apr_pstrdup(p, msg_of(err)) : "";
}

/* The same message at every split, or what differs. */
static const char *patch_message(const char *body)
{
    const char *first = patch_split(body, 0);
    for (apr_size_t at = 1; at <= strlen(body); at++) {
        const char *m = patch_split(body, at);
        if (strcmp(m, first) != 0)
            return apr_psprintf(p, "split at %d: %s; whole: %s", (int)at, m, first);
    }
    return first;
}

int main(void)
{
    soi_entity t;
    soi_error *err;

    apr_initialize();
    apr_pool_create(&p, NULL);
    soi_entity_init_default(&base);
    base.v[SOI_F_BLOBID].num = 630;
    set_str(&base, SOI_F_DESCRIPTION, "bar");

    /* ---- RFC 6902 Appendix A ---- */
    /* A.1 Adding an Object Member: {"foo":"bar"} + add /baz "qux". */
    t = base;
    ok(!json_patch("[{\"op\":\"add\",\"path\":\"/ExtraInfo\",\"value\":\"qux\"}]", &t), "A.1 add");
    ok(strcmp(t.v[SOI_F_EXTRAINFO].str, "qux") == 0 && strcmp(t.v[SOI_F_DESCRIPTION].str, "bar") == 0,
       "A.1: {\"foo\":\"bar\",\"baz\":\"qux\"}");
    /* A.3 Removing an Object Member: remove /baz (here: back to the default). */
    set_str(&t, SOI_F_EXTRAINFO, "qux");
    ok(!json_patch("[{\"op\":\"remove\",\"path\":\"/ExtraInfo\"}]", &t) && strcmp(t.v[SOI_F_EXTRAINFO].str, "") == 0,
       "A.3 remove: ExtraInfo back to \"\"");
    /* A.5 Replacing a Value. */
    set_str(&t, SOI_F_EXTRAINFO, "qux");
    ok(!json_patch("[{\"op\":\"replace\",\"path\":\"/ExtraInfo\",\"value\":\"boo\"}]", &t)
           && strcmp(t.v[SOI_F_EXTRAINFO].str, "boo") == 0,
       "A.5 replace");
    /* A.6 Moving a Value (between members). */
    t = base;
    ok(!json_patch("[{\"op\":\"move\",\"from\":\"/Description\",\"path\":\"/ExtraInfo\"}]", &t), "A.6 move");
    ok(strcmp(t.v[SOI_F_EXTRAINFO].str, "bar") == 0 && strcmp(t.v[SOI_F_DESCRIPTION].str, "") == 0,
       "A.6: the value moved, the source back to its default");
    /* A.8 Testing a Value: Success. */
    t = base;
    set_str(&t, SOI_F_EXTRAINFO, "qux");
    t.v[SOI_F_BLOBSIZE].num = 2;
    ok(!json_patch("[{\"op\":\"test\",\"path\":\"/ExtraInfo\",\"value\":\"qux\"},"
                   "{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":2}]",
                   &t),
       "A.8 test success");
    /* A.9 Testing a Value: Error. */
    err = json_patch("[{\"op\":\"test\",\"path\":\"/ExtraInfo\",\"value\":\"bar\"}]", &t);
    is_int(status(err), 409, "A.9 test failure is a 409");
    is_str(err ? msg_of(err) : NULL,
           "Operation 1 of the JSON Patch (test) failed: ExtraInfo does not hold the value given; nothing was changed.",
           "A.9 message");
    /* A.11 Ignoring Unrecognized Elements. */
    t = base;
    ok(!json_patch("[{\"op\":\"add\",\"path\":\"/ExtraInfo\",\"value\":\"qux\",\"xyz\":123}]", &t)
           && strcmp(t.v[SOI_F_EXTRAINFO].str, "qux") == 0,
       "A.11 members RFC 6902 does not define are ignored");
    /* A.12 Adding to a Nonexistent Target. */
    err = json_patch("[{\"op\":\"add\",\"path\":\"/ExtraInfo/bat\",\"value\":\"qux\"}]", &t);
    is_int(status(err), 400, "A.12 a path into a member is refused");
    /* A.13 Invalid JSON Patch Document: "op" twice. */
    err = json_patch("[{\"op\":\"add\",\"path\":\"/ExtraInfo\",\"value\":\"qux\",\"op\":\"remove\"}]", &t);
    is_str(err ? msg_of(err) : NULL, "Operation 1 of the JSON Patch gives \"op\" twice.", "A.13 duplicate op");
    /* A.14 ~ Escape Ordering: "~01" is "~1", not "/": it names no property. */
    err = json_patch("[{\"op\":\"test\",\"path\":\"/~01\",\"value\":10}]", &t);
    is_str(err ? msg_of(err) : NULL,
           "Operation 1 of the JSON Patch names \"/~01\", which is not a property of BlobEntity.",
           "A.14 ~01 unescapes to ~1");
    /* A.15 Comparing Strings and Numbers. */
    t = base;
    t.v[SOI_F_BLOBSIZE].num = 10;
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":\"10\"}]", &t)), 409,
           "A.15 the string \"10\" is not the number 10");
    ok(!json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":10}]", &t), "A.15 the number 10 is");
    ok(!json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":10.0}]", &t), "and so is 10.0");
    /* Numbers beyond 64 bits do not wrap around onto the stored value. */
    t = base; /* BlobId 630 */
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobId\",\"value\":18446744073709552246}]", &t)), 409,
           "2^64+630 is not 630");
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobId\",\"value\":-18446744073709550986}]", &t)), 409,
           "-(2^64-630) is not 630");
    t.v[SOI_F_BLOBSIZE].num = 2147483647;
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":2147483647}]", &t)), 0,
           "int32 max is int32 max");
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":9223372036854775807}]", &t)), 409,
           "2^63-1 is not int32 max");
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":9223372036854775808}]", &t)), 409,
           "nor is 2^63");
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":18446744075857035263}]", &t)), 409,
           "nor 2^64 + int32 max");
    t.v[SOI_F_BLOBSIZE].num = 1;
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":18446744073709551617}]", &t)), 409,
           "2^64+1 is not 1");
    t.v[SOI_F_BLOBSIZE].num = 0;
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":18446744073709551616}]", &t)), 409,
           "2^64 is not 0");
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":-0}]", &t)), 0, "-0 is 0");
    /* Compared exactly, as decimals: a double would round these onto the value. */
    t.v[SOI_F_BLOBSIZE].num = 442;
    {
        static const char *const equal[] = {"442",
                                            "442.0",
                                            "4.42e2",
                                            "4.42E+2",
                                            "44200e-2",
                                            "0.000442e6",
                                            "442.000000000000000000000000000000",
                                            "4420000000000000000000e-19"};
        static const char *const unequal[] = {"442.00000000000001",
                                              "442.5",
                                              "441.9999999999999999999",
                                              "4.42e1",
                                              "442e-1",
                                              "1e400",
                                              "-442",
                                              "442e18",
                                              "442.000000000000000000000000000001e0"};
        for (size_t i = 0; i < sizeof(equal) / sizeof(equal[0]); i++)
            is_int(status(json_patch(
                       apr_psprintf(p, "[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":%s}]", equal[i]), &t)),
                   0, "%s equals 442", equal[i]);
        for (size_t i = 0; i < sizeof(unequal) / sizeof(unequal[0]); i++)
            is_int(status(json_patch(
                       apr_psprintf(p, "[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":%s}]", unequal[i]), &t)),
                   409, "%s is not 442", unequal[i]);
    }
    t.v[SOI_F_BLOBSIZE].num = 0;
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":-0.0e-5}]", &t)), 0, "-0.0e-5 is 0");
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":0e99999999999999999999}]", &t)), 0,
           "0e99999999999999999999 is 0");
    is_int(status(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\",\"value\":1e-99999999999999999999}]", &t)), 409,
           "1e-99999999999999999999 is not 0");
    err = json_patch("[{\"op\":\"replace\",\"path\":\"/BlobSize\",\"value\":18446744073709551617}]", &t);
    is_str(err ? msg_of(err) : NULL,
           "Operation 1 of the JSON Patch: BlobSize must be an integer from 0 to 2147483647, not "
           "\"18446744073709551617\".",
           "2^64+1 is refused as a value");
    is_int(t.v[SOI_F_BLOBSIZE].num, 0, "and changed nothing");

    /* ---- paths, kinds, rights ---- */
    t = base;
    ok(!json_patch("[{\"op\":\"replace\",\"path\":\"description\",\"value\":\"no slash, any case\"}]", &t)
           && strcmp(t.v[SOI_F_DESCRIPTION].str, "no slash, any case") == 0,
       "paths ignore case, and the leading slash is optional");
    ok(!json_patch("[{\"op\":\"replace\",\"path\":\"/IsZipped\",\"value\":true},"
                   "{\"op\":\"replace\",\"path\":\"/OriginalSize\",\"value\":7},"
                   "{\"op\":\"copy\",\"from\":\"/OriginalSize\",\"path\":\"/BlobSize\"}]",
                   &t)
           && t.v[SOI_F_ISZIPPED].num == 1 && t.v[SOI_F_BLOBSIZE].num == 7,
       "booleans, numbers, copy");
    ok(!json_patch("[{\"op\":\"test\",\"path\":\"/BlobId\",\"value\":630},"
                   "{\"op\":\"copy\",\"from\":\"/BlobId\",\"path\":\"/OriginalSize\"}]",
                   &t)
           && t.v[SOI_F_ORIGINALSIZE].num == 630,
       "BlobId can be tested and copied from");
    ok(!json_patch("[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":null}]", &t)
           && strcmp(t.v[SOI_F_DESCRIPTION].str, "") == 0,
       "null for a string is \"\", as in a PUT");
    err = json_patch("[{\"op\":\"replace\",\"path\":\"/BlobId\",\"value\":1}]", &t);
    ok(err && err->status == 400 && strstr(msg_of(err), "names BlobId, which cannot be changed"),
       "BlobId cannot be replaced: %s", err ? msg_of(err) : "");
    err = json_patch("[{\"op\":\"move\",\"from\":\"/BlobId\",\"path\":\"/BlobSize\"}]", &t);
    is_int(status(err), 400, "nor moved away");
    err = json_patch("[{\"op\":\"replace\",\"path\":\"/UpdatedDate\",\"value\":\"2020-01-01\"}]", &t);
    is_int(status(err), 400, "a server-set property cannot be patched");
    err = json_patch("[{\"op\":\"test\",\"path\":\"/UpdatedDate\",\"value\":\"2020-01-01\"}]", &t);
    is_int(status(err), 400, "nor tested");
    err = json_patch("[{\"op\":\"replace\",\"path\":\"/CreatedBy/Name\",\"value\":\"x\"}]", &t);
    is_int(status(err), 400, "nor reached into");
    err = json_patch("[{\"op\":\"remove\",\"path\":\"/TableRight\"}]", &t);
    is_int(status(err), 400, "TableRight is not a property one can patch");
    err = json_patch("[{\"op\":\"replace\",\"path\":\"/Colour\",\"value\":1}]", &t);
    is_str(err ? msg_of(err) : NULL,
           "Operation 1 of the JSON Patch names \"/Colour\", which is not a property of BlobEntity.",
           "an unknown property");
    err = json_patch("[{\"op\":\"replace\",\"path\":\"/BlobSize\",\"value\":\"7\"}]", &t);
    is_str(err ? msg_of(err) : NULL,
           "Operation 1 of the JSON Patch: BlobSize must be an integer from 0 to 2147483647, not a string.",
           "values follow the entity's rules");
    err = json_patch("[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"\\ud800\"}]", &t);
    is_int(status(err), 400, "an unpaired surrogate in a value");
    err = json_patch("[{\"op\":\"copy\",\"from\":\"/Description\",\"path\":\"/BlobSize\"}]", &t);
    is_int(status(err), 400, "copying a string into a number");
    err = json_patch("[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":[1]}]", &t);
    is_int(status(err), 400, "an array value for a string");

    /* ---- the document itself ---- */
    is_int(status(json_patch("{\"op\":\"remove\",\"path\":\"/Description\"}", &t)), 400, "not an array");
    is_int(status(json_patch("[\"remove\"]", &t)), 400, "an operation that is not an object");
    is_str(msg_of(json_patch("[{\"path\":\"/Description\"}]", &t)), "Operation 1 of the JSON Patch has no \"op\".",
           "no op");
    is_str(msg_of(json_patch("[{\"op\":\"replace\",\"value\":1}]", &t)),
           "Operation 1 of the JSON Patch (replace) has no \"path\".", "no path");
    is_str(msg_of(json_patch("[{\"op\":\"test\",\"path\":\"/BlobSize\"}]", &t)),
           "Operation 1 of the JSON Patch (test) has no \"value\".", "no value");
    is_str(msg_of(json_patch("[{\"op\":\"copy\",\"path\":\"/BlobSize\"}]", &t)),
           "Operation 1 of the JSON Patch (copy) has no \"from\".", "no from");
    is_str(
        msg_of(json_patch("[{\"op\":\"remove\",\"path\":\"/ExtraInfo\"},{\"op\":\"delete\",\"path\":\"/x\"}]", &t)),
        "Operation 2 of the JSON Patch has the op \"delete\"; the ops are add, remove, replace, move, copy and test.",
        "an unknown op, numbered");
    is_int(status(json_patch("[{\"op\":5,\"path\":\"/x\"}]", &t)), 400, "an op that is not a string");
    ok(!json_patch("[]", &t), "an empty patch changes nothing");
    t = base;
    is_str(msg_of(json_patch("[{\"op\":\"replace\",\"path\":\"/Description\\u0000garbage\",\"value\":\"x\"}]", &t)),
           "Operation 1 of the JSON Patch: \"path\" contains U+0000.", "a path with U+0000 is refused, not cut short");
    is_int(status(json_patch("[{\"op\":\"replace\\u0000junk\",\"path\":\"/Description\",\"value\":\"x\"}]", &t)), 400,
           "likewise an op");
    is_int(status(json_patch("[{\"op\":\"copy\",\"from\":\"/BlobSize\\u0000x\",\"path\":\"/OriginalSize\"}]", &t)), 400,
           "and a from");
    is_str(t.v[SOI_F_DESCRIPTION].str, "bar", "none of them changed anything");

    /* Text that is not UTF-8, in any member, named by operation and member. */
    {
        static const struct {
            const char *bytes, *near, *what;
        } bad[] = {{"\xff", "FF", "a byte that is never UTF-8"},
                   {"\xe2\x82", "E2", "a truncated sequence"},
                   {"\xc0\xaf", "C0", "an overlong form"},
                   {"\xed\xa0\x80", "D800", "an encoded surrogate"}};
        static const struct {
            const char *body, *member;
        } where[] = {
            {"[{\"op\":\"test\",\"path\":\"/BlobId\",\"value\":630},{\"op\":\"re%splace\",\"path\":\"/Description\","
             "\"value\":\"x\"}]",
             "op"},
            {"[{\"op\":\"test\",\"path\":\"/BlobId\",\"value\":630},{\"op\":\"replace\",\"path\":\"/Descr%siption\","
             "\"value\":\"x\"}]",
             "path"},
            {"[{\"op\":\"test\",\"path\":\"/BlobId\",\"value\":630},{\"op\":\"copy\",\"from\":\"/Ext%sraInfo\","
             "\"path\":\"/Description\"}]",
             "from"},
            {"[{\"op\":\"test\",\"path\":\"/BlobId\",\"value\":630},{\"op\":\"replace\",\"path\":\"/Description\","
             "\"value\":\"a%sb\"}]",
             "value"},
            {"[{\"op\":\"test\",\"path\":\"/BlobId\",\"value\":630},{\"value\":\"%s\",\"op\":\"test\","
             "\"path\":\"/Description\"}]",
             "value"},
            {"[{\"op\":\"test\",\"path\":\"/BlobId\",\"value\":630},{\"op\":\"add\",\"path\":\"/Description\","
             "\"value\":{\"deep\":[\"%s\"]}}]",
             "value"},
            {"[{\"op\":\"test\",\"path\":\"/BlobId\",\"value\":630},{\"op\":\"add\",\"path\":\"/Description\","
             "\"value\":{\"%s\":1}}]",
             "value"},
            {"[{\"op\":\"test\",\"path\":\"/BlobId\",\"value\":630},{\"op\":\"remove\",\"path\":\"/Description\","
             "\"comment\":\"%s\"}]",
             "comment"},
        };
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
            for (size_t w = 0; w < sizeof(where) / sizeof(where[0]); w++)
                is_str(patch_message(apr_psprintf(p, where[w].body, bad[i].bytes)),
                       apr_psprintf(p,
                                    "Operation 2 of the JSON Patch: \"%s\" is not valid UTF-8 (near 0x%s): send text "
                                    "as UTF-8 without overlong forms or surrogates.",
                                    where[w].member, bad[i].near),
                       "%s in \"%s\" (case %d), split at every offset", bad[i].what, where[w].member, (int)w);
            is_str(patch_message(
                       apr_psprintf(p, "[{\"op\":\"remove\",\"path\":\"/Description\",\"x%s\":1}]", bad[i].bytes)),
                   apr_psprintf(p,
                                "Operation 1 of the JSON Patch has a member name that is not valid UTF-8 (near 0x%s).",
                                bad[i].near),
                   "%s in a member name", bad[i].what);
        }
        is_str(
            patch_message("[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"\xc3\xa6\xe2\x82\xac\xf0\x9f"
                          "\x98\x80\"},{\"op\":\"test\",\"path\":\"/Description\",\"value\":\"\xc3\xa6\xe2\x82\xac\xf0"
                          "\x9f\x98\x80\"}]"),
            "", "valid UTF-8 of every length passes, split at every offset");
    }

    /* All or nothing. */
    t = base;
    err = json_patch("[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"changed\"},"
                     "{\"op\":\"test\",\"path\":\"/ExtraInfo\",\"value\":\"nope\"}]",
                     &t);
    ok(status(err) == 409 && strcmp(t.v[SOI_F_DESCRIPTION].str, "bar") == 0,
       "a failed test leaves the target as it was");

    /* ---- RFC 7396 Appendix A (foo/a -> Description, b -> ExtraInfo) ---- */
    t = base; /* {"a":"b"} */
    set_str(&t, SOI_F_DESCRIPTION, "b");
    ok(!merge_patch("{\"Description\":\"c\"}", &t) && strcmp(t.v[SOI_F_DESCRIPTION].str, "c") == 0,
       "7396 #1: {\"a\":\"b\"} + {\"a\":\"c\"}");
    set_str(&t, SOI_F_DESCRIPTION, "b");
    ok(!merge_patch("{\"ExtraInfo\":\"c\"}", &t) && strcmp(t.v[SOI_F_DESCRIPTION].str, "b") == 0
           && strcmp(t.v[SOI_F_EXTRAINFO].str, "c") == 0,
       "7396 #2: {\"a\":\"b\"} + {\"b\":\"c\"}");
    ok(!merge_patch("{\"Description\":null}", &t) && strcmp(t.v[SOI_F_DESCRIPTION].str, "") == 0
           && strcmp(t.v[SOI_F_EXTRAINFO].str, "c") == 0,
       "7396 #3/#4: null removes (resets) only that member");
    is_int(status(merge_patch("{\"Description\":[\"b\"]}", &t)), 400, "7396 #6: an array for a string is refused");
    is_int(status(merge_patch("[\"c\",\"d\"]", &t)), 400, "7396 #10/#11: a patch that is not an object");
    is_int(status(merge_patch("null", &t)), 400, "7396 #12: null as the patch");
    is_int(status(merge_patch("\"bar\"", &t)), 400, "7396 #13: a string as the patch");
    t.v[SOI_F_BLOBSIZE].num = 0;
    ok(!merge_patch("{\"OriginalSize\":1}", &t) && t.v[SOI_F_ORIGINALSIZE].num == 1 && t.v[SOI_F_BLOBSIZE].num == 0,
       "7396 #14: adding beside an untouched member");
    is_int(status(merge_patch("{\"CreatedBy\":{\"Name\":null}}", &t)), 400,
           "7396 #16: nested objects belong to server-set properties here");
    ok(!merge_patch("{\"BlobSize\":null,\"IsZipped\":null}", &t) && t.v[SOI_F_BLOBSIZE].num == 0
           && t.v[SOI_F_ISZIPPED].num == 0,
       "null resets integers and booleans too");
    ok(!merge_patch("{}", &t), "an empty merge patch changes nothing");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
