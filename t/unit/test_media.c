/* Content-Type parsing. */
#include <apr_general.h>

#include "soi_media.h"
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
    ok(parse("image/png", &mt) == 0 && mt == SOI_MT_NONE, "unknown type is none");
    ok(parse("application/jsonx", &mt) == 0 && mt == SOI_MT_NONE, "no prefix matching");

    is_int(parse("application/json; charset=iso-8859-1", &mt), 415, "another charset is 415");
    is_int(parse("application/json; charset=utf8", &mt), 415, "utf8 is not the name utf-8");
    is_int(parse("application", &mt), 400, "no subtype");
    is_int(parse("/json", &mt), 400, "no type");
    is_int(parse("application/json; charset", &mt), 400, "parameter without value");
    is_int(parse("application/json; charset=\"utf-8", &mt), 400, "unterminated quote");
    is_int(parse("", &mt), 400, "empty");
    is_str(soi_media_name(SOI_MT_MERGE_PATCH), "application/merge-patch+json", "names");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
