/* The JSON decoder (fed whole and byte by byte) and the encoder. */
#include <apr_general.h>
#include <string.h>

#include "soi_json.h"
#include "soi_time.h"
#include "tap.h"

static apr_pool_t *p;

/* Decodes s, fed in pieces of `step` bytes (0: all at once). */
static soi_error *decode(const char *s, apr_size_t step, soi_entity *e)
{
    apr_size_t n = strlen(s);
    memset(e, 0, sizeof(*e));
    soi_decoder d = soi_json_entity_decoder(p, e);
    for (apr_size_t i = 0; i < n;) {
        apr_size_t k = step && n - i > step ? step : n - i;
        soi_error *err = d.feed(d.ctx, s + i, k);
        if (err)
            return err;
        i += k;
    }
    return d.finish(d.ctx);
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
    return err ? err->message : NULL;
}

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
    err = decode("{\"Description\":", 0, &e);
    ok(err && strstr(err->message, "The body is not valid JSON"), "syntax errors say so: %s", err ? err->message : "");

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
            is_str(err ? err->message : NULL, "The body nests objects and arrays deeper than 16 levels.",
                   "%d levels refused", k + 1);
    }

    /* Encoder: the exact bytes of a full entity. */
    soi_entity out;
    soi_associate a = {7, "tje0", 1, 2, "tip", 1, 3, "Tje Zero", "Mr Zero", 0, 0, "tje0@example"};
    soi_entity_init_default(&out);
    out.v[SOI_F_BLOBID].num = 630;
    out.v[SOI_F_BLOBSIZE].num = 442;
    out.v[SOI_F_DESCRIPTION].str = "A \"quoted\"\n\\ æ";
    out.v[SOI_F_DESCRIPTION].len = strlen(out.v[SOI_F_DESCRIPTION].str);
    out.v[SOI_F_ISZIPPED].num = 1;
    soi_time_parse("2020-03-20T01:49:50.729661Z", 27, &out.v[SOI_F_CREATEDDATE].num);
    out.v[SOI_F_UPDATEDDATE].num = 0;
    out.v[SOI_F_UPDATEDBY].assoc = &a;
    soi_buf b;
    soi_buf_init(&b, p, 16);
    soi_json_write_entity(&b, &out, SOI_RIGHT_SELECT | SOI_RIGHT_UPDATE);
    const char *want =
        "{\"BlobId\":630,\"BlobSize\":442,\"Description\":\"A \\\"quoted\\\"\\n\\\\ æ\",\"ExtraInfo\":\"\","
        "\"IsEncrypted\":false,\"IsZipped\":true,\"MimeType\":\"\",\"OriginalSize\":0,"
        "\"CreatedDate\":\"2020-03-20T01:49:50.7296610Z\",\"UpdatedDate\":\"1970-01-01T00:00:00.0000000Z\","
        "\"CreatedBy\":null,\"UpdatedBy\":{\"AssociateId\":7,\"Name\":\"tje0\",\"PersonId\":1,\"Rank\":2,"
        "\"Tooltip\":\"tip\",\"Type\":\"InternalAssociate\",\"GroupIdx\":3,\"FullName\":\"Tje Zero\","
        "\"FormalName\":\"Mr Zero\",\"Deleted\":false,\"EjUserId\":0,\"UserName\":\"tje0@example\"},"
        "\"ConceptualType\":\"\",\"TableRight\":{\"Mask\":\"Select, Update\",\"Reason\":\"\"},"
        "\"FieldProperties\":{"
        "\"BlobId\":{\"FieldRight\":{\"Mask\":\"Read, UIHintReadOnly\",\"Reason\":\"\"},\"FieldType\":\"System.Int32\","
        "\"FieldLength\":4},"
        "\"BlobSize\":{\"FieldRight\":{\"Mask\":\"Read, Write\",\"Reason\":\"\"},\"FieldType\":\"System.UInt32\","
        "\"FieldLength\":4},"
        "\"Description\":{\"FieldRight\":{\"Mask\":\"Read, Write\",\"Reason\":\"\"},\"FieldType\":\"System.String\","
        "\"FieldLength\":254},"
        "\"ExtraInfo\":{\"FieldRight\":{\"Mask\":\"Read, Write\",\"Reason\":\"\"},\"FieldType\":\"System.String\","
        "\"FieldLength\":254},"
        "\"IsEncrypted\":{\"FieldRight\":{\"Mask\":\"Read, Write\",\"Reason\":\"\"},\"FieldType\":\"System.Boolean\","
        "\"FieldLength\":2},"
        "\"IsZipped\":{\"FieldRight\":{\"Mask\":\"Read, Write\",\"Reason\":\"\"},\"FieldType\":\"System.Boolean\","
        "\"FieldLength\":2},"
        "\"MimeType\":{\"FieldRight\":{\"Mask\":\"Read, Write\",\"Reason\":\"\"},\"FieldType\":\"System.String\","
        "\"FieldLength\":254},"
        "\"OriginalSize\":{\"FieldRight\":{\"Mask\":\"Read, Write\",\"Reason\":\"\"},\"FieldType\":\"System.UInt32\","
        "\"FieldLength\":4},"
        "\"CreatedDate\":{\"FieldRight\":{\"Mask\":\"Read, UIHintReadOnly\",\"Reason\":\"\"},"
        "\"FieldType\":\"System.DateTime\",\"FieldLength\":16},"
        "\"UpdatedDate\":{\"FieldRight\":{\"Mask\":\"Read, UIHintReadOnly\",\"Reason\":\"\"},"
        "\"FieldType\":\"System.DateTime\",\"FieldLength\":16},"
        "\"CreatedBy\":{\"FieldRight\":{\"Mask\":\"Read, UIHintReadOnly\",\"Reason\":\"\"},"
        "\"FieldType\":\"SuperOffice.CRM.Services.Associate\",\"FieldLength\":4},"
        "\"UpdatedBy\":{\"FieldRight\":{\"Mask\":\"Read, UIHintReadOnly\",\"Reason\":\"\"},"
        "\"FieldType\":\"SuperOffice.CRM.Services.Associate\",\"FieldLength\":4},"
        "\"ConceptualType\":{\"FieldRight\":{\"Mask\":\"Read, Write\",\"Reason\":\"\"},"
        "\"FieldType\":\"System.String\",\"FieldLength\":254}}}";
    is_str(soi_buf_cstr(&b), want, "the encoder writes every property in order, escaped");

    /* What the encoder writes, the decoder reads back. */
    err = decode(soi_buf_cstr(&b), 1, &e);
    ok(!err, "a response decodes as a request body");
    is_str(e.v[SOI_F_DESCRIPTION].str, "A \"quoted\"\n\\ æ", "round trip of an escaped string");

    /* Error bodies. */
    soi_buf eb;
    soi_buf_init(&eb, p, 8);
    soi_error_render(&eb, soi_error_make(p, 409, "BlobId \"1\" <x>"), SOI_FORMAT_JSON);
    is_str(soi_buf_cstr(&eb),
           "{\"Error\":true,\"ErrorType\":\"SoConflictException\",\"ErrorMessage\":\"BlobId \\\"1\\\" <x>\","
           "\"ErrorSource\":\"mod_soimageinfo\"}",
           "JSON error body");
    soi_buf_init(&eb, p, 8);
    soi_error_render(&eb, soi_error_server(p, 503, "secret detail"), SOI_FORMAT_JSON);
    ok(!strstr(soi_buf_cstr(&eb), "secret"), "server errors never show their detail");
    soi_buf_init(&eb, p, 8);
    soi_error_render(&eb, soi_error_make(p, 400, "a < b & c"), SOI_FORMAT_XML);
    is_str(soi_buf_cstr(&eb),
           "<Error><Error>true</Error><ErrorType>SoValidationException</ErrorType><ErrorMessage>a &lt; b &amp; c"
           "</ErrorMessage><ErrorSource>mod_soimageinfo</ErrorSource></Error>",
           "XML error body");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
