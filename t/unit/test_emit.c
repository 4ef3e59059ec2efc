/* The one walker and its two emitters: exact bytes of JSON and XML. */
#include <apr_general.h>
#include <apr_strings.h>
#include <string.h>

#include "codec/soi_emit.h"
#include "codec/soi_json.h"
#include "core/soi_time.h"
#include "codec/soi_xml.h"
#include "tap.h"

static apr_pool_t *p;

static const char *render(const soi_entity *e, int rights, soi_format f)
{
    soi_buf b;
    soi_emitter em;
    soi_buf_init(&b, p, 16);
    soi_emitter_init(&em, f, &b);
    soi_emit_entity(&em, e, rights, NULL);
    return soi_buf_cstr(&b);
}

static const char *render_error(const soi_error *err, soi_format f)
{
    soi_buf b;
    soi_emitter em;
    soi_buf_init(&b, p, 16);
    soi_emitter_init(&em, f, &b);
    soi_emit_error(&em, err->status, msg_of(err));
    return soi_buf_cstr(&b);
}

static soi_error *decode(soi_sink d, const char *s)
{
    soi_error *err = d.feed(d.ctx, s, strlen(s));
    return err ? err : d.finish(d.ctx);
}

int main(void)
{
    apr_initialize();
    apr_pool_create(&p, NULL);

    soi_entity e;
    soi_associate a = {7, "tje0", 1, 2, "tip", 1, 3, "Tje Zero", "Mr <Zero>", 0, 0, "tje0@example"};
    soi_entity_init_default(&e);
    e.v[SOI_F_BLOBID].num = 630;
    e.v[SOI_F_BLOBSIZE].num = 442;
    e.v[SOI_F_DESCRIPTION].str = "A \"quoted\"\n\\ æ & <b>";
    e.v[SOI_F_DESCRIPTION].len = strlen(e.v[SOI_F_DESCRIPTION].str);
    e.v[SOI_F_ISZIPPED].num = 1;
    soi_time_parse("2020-03-20T01:49:50.729661Z", 27, &e.v[SOI_F_CREATEDDATE].num);
    e.v[SOI_F_UPDATEDDATE].num = 0;
    e.v[SOI_F_UPDATEDBY].assoc = &a;

    const char *fp_json =
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
        "\"FieldType\":\"System.String\",\"FieldLength\":254}}";
    const char *want_json = apr_pstrcat(
        p,
        "{\"BlobId\":630,\"BlobSize\":442,\"Description\":\"A \\\"quoted\\\"\\n\\\\ æ & <b>\",\"ExtraInfo\":\"\","
        "\"IsEncrypted\":false,\"IsZipped\":true,\"MimeType\":\"\",\"OriginalSize\":0,"
        "\"CreatedDate\":\"2020-03-20T01:49:50.7296610Z\",\"UpdatedDate\":\"1970-01-01T00:00:00.0000000Z\","
        "\"CreatedBy\":null,\"UpdatedBy\":{\"AssociateId\":7,\"Name\":\"tje0\",\"PersonId\":1,\"Rank\":2,"
        "\"Tooltip\":\"tip\",\"Type\":\"InternalAssociate\",\"GroupIdx\":3,\"FullName\":\"Tje Zero\","
        "\"FormalName\":\"Mr <Zero>\",\"Deleted\":false,\"EjUserId\":0,\"UserName\":\"tje0@example\"},"
        "\"ConceptualType\":\"\",\"TableRight\":{\"Mask\":\"Select, Update\",\"Reason\":\"\"},",
        fp_json, "}", NULL);
    is_str(render(&e, SOI_RIGHT_SELECT | SOI_RIGHT_UPDATE, SOI_FORMAT_JSON), want_json,
           "JSON: every property in order, escaped");

    const char *fp_xml =
        "<FieldProperties>"
        "<BlobId><FieldRight><Mask>Read, UIHintReadOnly</Mask><Reason></Reason></FieldRight>"
        "<FieldType>System.Int32</FieldType><FieldLength>4</FieldLength></BlobId>"
        "<BlobSize><FieldRight><Mask>Read</Mask><Reason></Reason></FieldRight>"
        "<FieldType>System.UInt32</FieldType><FieldLength>4</FieldLength></BlobSize>"
        "<Description><FieldRight><Mask>Read</Mask><Reason></Reason></FieldRight>"
        "<FieldType>System.String</FieldType><FieldLength>254</FieldLength></Description>"
        "<ExtraInfo><FieldRight><Mask>Read</Mask><Reason></Reason></FieldRight>"
        "<FieldType>System.String</FieldType><FieldLength>254</FieldLength></ExtraInfo>"
        "<IsEncrypted><FieldRight><Mask>Read</Mask><Reason></Reason></FieldRight>"
        "<FieldType>System.Boolean</FieldType><FieldLength>2</FieldLength></IsEncrypted>"
        "<IsZipped><FieldRight><Mask>Read</Mask><Reason></Reason></FieldRight>"
        "<FieldType>System.Boolean</FieldType><FieldLength>2</FieldLength></IsZipped>"
        "<MimeType><FieldRight><Mask>Read</Mask><Reason></Reason></FieldRight>"
        "<FieldType>System.String</FieldType><FieldLength>254</FieldLength></MimeType>"
        "<OriginalSize><FieldRight><Mask>Read</Mask><Reason></Reason></FieldRight>"
        "<FieldType>System.UInt32</FieldType><FieldLength>4</FieldLength></OriginalSize>"
        "<CreatedDate><FieldRight><Mask>Read, UIHintReadOnly</Mask><Reason></Reason></FieldRight>"
        "<FieldType>System.DateTime</FieldType><FieldLength>16</FieldLength></CreatedDate>"
        "<UpdatedDate><FieldRight><Mask>Read, UIHintReadOnly</Mask><Reason></Reason></FieldRight>"
        "<FieldType>System.DateTime</FieldType><FieldLength>16</FieldLength></UpdatedDate>"
        "<CreatedBy><FieldRight><Mask>Read, UIHintReadOnly</Mask><Reason></Reason></FieldRight>"
        "<FieldType>SuperOffice.CRM.Services.Associate</FieldType><FieldLength>4</FieldLength></CreatedBy>"
        "<UpdatedBy><FieldRight><Mask>Read, UIHintReadOnly</Mask><Reason></Reason></FieldRight>"
        "<FieldType>SuperOffice.CRM.Services.Associate</FieldType><FieldLength>4</FieldLength></UpdatedBy>"
        "<ConceptualType><FieldRight><Mask>Read</Mask><Reason></Reason></FieldRight>"
        "<FieldType>System.String</FieldType><FieldLength>254</FieldLength></ConceptualType>"
        "</FieldProperties>";
    const char *want_xml = apr_pstrcat(
        p,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        "<BlobEntity xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
        "<BlobId>630</BlobId><BlobSize>442</BlobSize>"
        "<Description>A &quot;quoted&quot;\n\\ æ &amp; &lt;b&gt;</Description><ExtraInfo></ExtraInfo>"
        "<IsEncrypted>false</IsEncrypted><IsZipped>true</IsZipped><MimeType></MimeType>"
        "<OriginalSize>0</OriginalSize><CreatedDate>2020-03-20T01:49:50.7296610Z</CreatedDate>"
        "<UpdatedDate>1970-01-01T00:00:00.0000000Z</UpdatedDate><CreatedBy i:nil=\"true\"/>"
        "<UpdatedBy><AssociateId>7</AssociateId><Name>tje0</Name><PersonId>1</PersonId><Rank>2</Rank>"
        "<Tooltip>tip</Tooltip><Type>InternalAssociate</Type><GroupIdx>3</GroupIdx><FullName>Tje Zero</FullName>"
        "<FormalName>Mr &lt;Zero&gt;</FormalName><Deleted>false</Deleted><EjUserId>0</EjUserId>"
        "<UserName>tje0@example</UserName></UpdatedBy><ConceptualType></ConceptualType>"
        "<TableRight><Mask>Select</Mask><Reason></Reason></TableRight>",
        fp_xml, "</BlobEntity>", NULL);
    is_str(render(&e, SOI_RIGHT_SELECT, SOI_FORMAT_XML), want_xml,
           "XML: elements in order, escaped, i:nil for null, nested rights");

    /* What each encoder writes, its decoder reads back. */
    soi_entity back;
    memset(&back, 0, sizeof(back));
    ok(!decode(soi_json_entity_decoder(p, &back), render(&e, SOI_RIGHT_ALL, SOI_FORMAT_JSON)),
       "a JSON response decodes as a request body");
    is_str(back.v[SOI_F_DESCRIPTION].str, e.v[SOI_F_DESCRIPTION].str, "JSON round trip of an escaped string");
    memset(&back, 0, sizeof(back));
    ok(!decode(soi_xml_entity_decoder(p, &back), render(&e, SOI_RIGHT_ALL, SOI_FORMAT_XML)),
       "an XML response decodes as a request body");
    is_str(back.v[SOI_F_DESCRIPTION].str, e.v[SOI_F_DESCRIPTION].str, "XML round trip of an escaped string");
    ok(back.v[SOI_F_BLOBSIZE].num == 442 && back.v[SOI_F_ISZIPPED].num == 1, "XML round trip of numbers and booleans");
    ok((back.present & back.null & SOI_BIT(SOI_F_CREATEDBY)) != 0, "i:nil read back as null");

    /* A carriage return survives XML (a parser would turn a raw one into \n). */
    e.v[SOI_F_DESCRIPTION].str = "a\r\nb";
    e.v[SOI_F_DESCRIPTION].len = 4;
    memset(&back, 0, sizeof(back));
    ok(!decode(soi_xml_entity_decoder(p, &back), render(&e, SOI_RIGHT_ALL, SOI_FORMAT_XML))
           && strcmp(back.v[SOI_F_DESCRIPTION].str, "a\r\nb") == 0,
       "CR LF round-trips through XML");

    /* Characters XML 1.0 cannot carry at all, not even as references (they
     * come only from the database: bodies cannot store them): U+FFFD in
     * XML; JSON escapes every C0 control. */
    {
        soi_buf b;
        soi_buf_init(&b, p, 16);
        soi_buf_xml_text(&b,
                         "a\x01"
                         "b\x1b"
                         "c\r"
                         "d\x7f\xef\xbf\xbe"
                         "e\xef\xbf\xbf"
                         "f\tg\nh\xef\xbf\xbd",
                         23);
        is_str(soi_buf_cstr(&b),
               "a\xef\xbf\xbd"
               "b\xef\xbf\xbd"
               "c&#13;d\x7f\xef\xbf\xbd"
               "e\xef\xbf\xbd"
               "f\tg\nh\xef\xbf\xbd",
               "XML: C0 controls, U+FFFE and U+FFFF become U+FFFD; CR a reference; tab, LF, DEL, U+FFFD kept");
        int raw = 0, replaced = 0;
        for (int c = 1; c < 0x20; c++) {
            char one[2] = {(char)c, 0};
            soi_buf_init(&b, p, 16);
            soi_buf_xml_text(&b, one, 1);
            const char *out = soi_buf_cstr(&b);
            if (c == '\t' || c == '\n')
                raw += strcmp(out, one) == 0;
            else if (c == '\r')
                raw += strcmp(out, "&#13;") == 0;
            else
                replaced += strcmp(out, "\xef\xbf\xbd") == 0;
        }
        is_int(raw, 3, "XML: tab and LF as they are, CR as &#13;");
        is_int(replaced, 28, "XML: each of the other 28 C0 controls is U+FFFD");
        soi_buf_init(&b, p, 16);
        soi_buf_xml_text(&b, "\xef\xbf", 2);
        soi_buf_xml_text(&b, "\xef\xbf\xbc\xef\xbf", 5);
        is_str(soi_buf_cstr(&b), "\xef\xbf\xef\xbf\xbc\xef\xbf", "XML: U+FFFC and a cut-off U+FFFx left alone");

        int escaped = 0;
        for (int c = 1; c < 0x20; c++) {
            char one[2] = {(char)c, 0}, want[16];
            soi_buf_init(&b, p, 16);
            soi_buf_json_string(&b, one, 1);
            const char *out = soi_buf_cstr(&b);
            if (c == '\t' || c == '\n' || c == '\r')
                snprintf(want, sizeof(want), "\"\\%c\"", c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
            else
                snprintf(want, sizeof(want), "\"\\u%04x\"", (unsigned)c);
            escaped += strcmp(out, want) == 0;
        }
        is_int(escaped, 31, "JSON: every C0 control escaped (\\u00XX, or \\t \\n \\r)");
        soi_buf_init(&b, p, 16);
        soi_buf_json_string(&b, "a\x01\x1b\x7f\xef\xbf\xbe", 7);
        is_str(soi_buf_cstr(&b), "\"a\\u0001\\u001b\x7f\xef\xbf\xbe\"", "JSON: DEL and U+FFFE need no escape");

        e.v[SOI_F_DESCRIPTION].str = "a\x01"
                                     "b\x1b"
                                     "c\r"
                                     "d";
        e.v[SOI_F_DESCRIPTION].len = 7;
        e.v[SOI_F_EXTRAINFO].str = "\x0b\x0c\xef\xbf\xbf";
        e.v[SOI_F_EXTRAINFO].len = 5;
        const char *xml = render(&e, SOI_RIGHT_ALL, SOI_FORMAT_XML);
        ok(strstr(xml, "<Description>a\xef\xbf\xbd"
                       "b\xef\xbf\xbd"
                       "c&#13;d</Description>")
               && strstr(xml, "<ExtraInfo>\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd</ExtraInfo>"),
           "the entity in XML: the stored controls as U+FFFD");
        memset(&back, 0, sizeof(back));
        ok(!decode(soi_xml_entity_decoder(p, &back), xml)
               && strcmp(back.v[SOI_F_DESCRIPTION].str, "a\xef\xbf\xbd"
                                                        "b\xef\xbf\xbd"
                                                        "c\rd")
                      == 0,
           "and that XML is well-formed: it decodes again");
        ok(strstr(render(&e, SOI_RIGHT_ALL, SOI_FORMAT_JSON),
                  "\"Description\":\"a\\u0001b\\u001bc\\rd\",\"ExtraInfo\":\"\\u000b\\u000c\xef\xbf\xbf\"")
               != NULL,
           "the entity in JSON: the stored controls escaped");
    }

    /* Errors. */
    is_str(render_error(soi_err(p, SOI_MSG_FORM_TWICE, "\"1\" <x>", NULL), SOI_FORMAT_JSON),
           "{\"Error\":true,\"ErrorType\":\"SoValidationException\",\"ErrorMessage\":\"The form gives "
           "\\\"\\\"1\\\" <x>\\\" more than once.\","
           "\"ErrorSource\":\"mod_soimageinfo\"}",
           "JSON error body");
    is_str(render_error(soi_err(p, SOI_MSG_XML_SYNTAX, "a < b & c", NULL), SOI_FORMAT_XML),
           "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
           "<Error>true</Error><ErrorType>SoValidationException</ErrorType><ErrorMessage>The body is not "
           "well-formed XML: a &lt; b &amp; c.</ErrorMessage><ErrorSource>mod_soimageinfo</ErrorSource></Error>",
           "XML error body");
    ok(!strstr(render_error(soi_error_server(p, SOI_MSG_UNAVAILABLE, "secret detail"), SOI_FORMAT_JSON), "secret"),
       "server errors never show their detail");
    for (int s = 400; s <= 503; s++) {
        const char *t = soi_error_type(s);
        if (s == 400 || s == 401 || s == 403 || s == 404 || s == 405 || s == 406 || s == 409 || s == 412 || s == 413
            || s == 415 || s == 503)
            ok(strcmp(t, "SoServerException") != 0, "status %d has its own ErrorType (%s)", s, t);
    }
    is_str(soi_error_type(500), "SoServerException", "500 is SoServerException");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
