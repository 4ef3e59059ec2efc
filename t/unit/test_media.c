/* Content-Type parsing. */
#include <apr_general.h>

#include <string.h>

#include "core/soi_media.h"
#include "tap.h"

static apr_pool_t *p;

static int parse(const char *v, soi_media *mt)
{
    soi_error *err = soi_media_parse_content_type(p, v, mt);
    return err ? err->status : 0;
}

int main(void)
{
    soi_media mt;

    apr_initialize();
    apr_pool_create(&p, NULL);

    ok(parse("application/json", &mt) == 0 && mt == SOI_MT_JSON, "application/json");
    ok(parse("application/json; charset=utf-8", &mt) == 0 && mt == SOI_MT_JSON, "with charset=utf-8");
    ok(parse("Application/JSON;Charset=\"UTF-8\"", &mt) == 0 && mt == SOI_MT_JSON, "any case, quoted charset");
    ok(parse("text/json", &mt) == 0 && mt == SOI_MT_TEXT_JSON, "text/json");
    ok(parse("application/xml", &mt) == 0 && mt == SOI_MT_XML, "application/xml");
    ok(parse("text/xml; charset=utf-8", &mt) == 0 && mt == SOI_MT_TEXT_XML, "text/xml");
    ok(parse("application/x-www-form-urlencoded", &mt) == 0 && mt == SOI_MT_FORM, "form");
    ok(parse("application/json-patch+json", &mt) == 0 && mt == SOI_MT_JSON_PATCH, "json-patch");
    ok(parse("application/merge-patch+json", &mt) == 0 && mt == SOI_MT_MERGE_PATCH, "merge-patch");
    ok(parse("application/json; foo=bar; charset=utf-8", &mt) == 0 && mt == SOI_MT_JSON, "other parameters");
    ok(parse("application/json ;", &mt) == 0, "a stray semicolon is tolerated");
    ok(parse("image/webp", &mt) == 0 && mt == SOI_MT_NONE, "unknown type is none");
    ok(parse("image/png", &mt) == 0 && mt == SOI_MT_PNG && soi_media_uses(mt) == SOI_MEDIA_IMAGE,
       "a picture type: request bodies of pictures only");
    ok(soi_media_sniff("\x89PNG\r\n\x1a\nrest", 12) == SOI_MT_PNG
           && soi_media_sniff("\xff\xd8\xff\xe0", 4) == SOI_MT_JPEG && soi_media_sniff("GIF89a", 6) == SOI_MT_GIF
           && soi_media_sniff("GIF87a..", 8) == SOI_MT_GIF && soi_media_sniff("II*\0", 4) == SOI_MT_TIFF
           && soi_media_sniff("MM\0*", 4) == SOI_MT_TIFF,
       "signatures of the four picture types");
    ok(soi_media_sniff("\x89PNG\r\n\x1a", 7) == SOI_MT_NONE && soi_media_sniff("GIF88a", 6) == SOI_MT_NONE
           && soi_media_sniff("", 0) == SOI_MT_NONE && soi_media_sniff("<svg", 4) == SOI_MT_NONE,
       "a signature cut short, or another, is none");
    ok(parse("application/jsonx", &mt) == 0 && mt == SOI_MT_NONE, "no prefix matching");

    is_int(parse("application/json; charset=iso-8859-1", &mt), 415, "another charset is 415");
    is_int(parse("application/json; charset=utf8", &mt), 415, "utf8 is not the name utf-8");
    is_int(parse("application", &mt), 400, "no subtype");
    is_int(parse("/json", &mt), 400, "no type");
    is_int(parse("application/json; charset", &mt), 400, "parameter without value");
    is_int(parse("application/json; charset=\"utf-8", &mt), 400, "unterminated quote");
    is_int(parse("", &mt), 400, "empty");
    is_str(soi_media_name(SOI_MT_MERGE_PATCH), "application/merge-patch+json", "names");

    /* Accept. */
    static const struct {
        const char *accept;
        soi_media want;
        const char *what;
    } cases[] = {
        {NULL, SOI_MT_JSON, "no Accept: JSON"},
        {"*/*", SOI_MT_JSON, "*/*: JSON"},
        {"application/json; charset=utf-8", SOI_MT_JSON, "the seed's Accept"},
        {"text/xml", SOI_MT_TEXT_XML, "text/xml"},
        {"application/xml, application/json;q=0.9", SOI_MT_XML, "q-values"},
        {"application/json;q=0.5, text/xml;q=0.6", SOI_MT_TEXT_XML, "the higher q wins"},
        {"application/json;q=0.5, application/xml;q=0.5", SOI_MT_JSON, "ties go to the server's order"},
        {"text/*", SOI_MT_TEXT_JSON, "text/*: text/json comes first"},
        {"text/*, text/json;q=0", SOI_MT_TEXT_XML, "q=0 excludes, the more specific range deciding"},
        {"*/*;q=0.1, application/xml", SOI_MT_XML, "a specific type over the wildcard"},
        {"application/*;q=0.2, application/xml;q=0", SOI_MT_JSON, "application/* minus xml"},
        {"application/merge-patch+json", SOI_MT_MERGE_PATCH, "a patch type labels a JSON body"},
        {"application/json-patch+json, application/json;q=0.9", SOI_MT_JSON_PATCH, "json-patch"},
        {"TEXT/XML", SOI_MT_TEXT_XML, "types ignore case"},
        {"text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2", SOI_MT_JSON, "old Java's Accept"},
        {"garbage, application/xml", SOI_MT_XML, "unreadable elements are skipped"},
        {"garbage", SOI_MT_JSON, "nothing readable: as if absent"},
        {"", SOI_MT_JSON, "empty: as if absent"},
        {"application/xml;q=2", SOI_MT_JSON, "a q above 1 makes the element unreadable"},
        {"application/x-www-form-urlencoded, text/xml;q=0.1", SOI_MT_TEXT_XML, "a form is never written"},
        {"application/*", SOI_MT_JSON, "application/* means JSON, never a form"},
    };
    for (apr_size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        soi_media got = SOI_MT_NONE;
        soi_error *err = soi_media_negotiate(p, cases[i].accept, &got);
        ok(!err && got == cases[i].want, "%s", cases[i].what);
    }
    static const char *const refused[] = {"text/html", "image/png, text/plain", "*/*;q=0",
                                          "application/x-www-form-urlencoded",
                                          "application/json;q=0, text/json;q=0, application/xml;q=0, text/xml;q=0, "
                                          "application/json-patch+json;q=0, application/merge-patch+json;q=0"};
    for (apr_size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        soi_media got;
        soi_error *err = soi_media_negotiate(p, refused[i], &got);
        ok(err && err->status == 406 && got == SOI_MT_JSON && strstr(msg_of(err), "application/merge-patch+json"),
           "406 for %s, written as JSON, listing the types", refused[i]);
    }
    ok(soi_media_format(SOI_MT_TEXT_XML) == SOI_FORMAT_XML && soi_media_format(SOI_MT_JSON_PATCH) == SOI_FORMAT_JSON,
       "formats");
    is_str(soi_media_list(p, SOI_MEDIA_REPLY),
           "application/json, text/json, application/xml, text/xml, application/json-patch+json or "
           "application/merge-patch+json",
           "the types a reply can be, from the table");
    is_str(soi_media_list(p, SOI_MEDIA_PATCH), "application/json-patch+json or application/merge-patch+json",
           "the patch types");
    ok(soi_media_uses(SOI_MT_FORM) == SOI_MEDIA_ENTITY && soi_media_uses(SOI_MT_NONE) == 0,
       "a form carries an entity, and only in a request");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
