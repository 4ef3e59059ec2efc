/* The XML decoder: names, namespaces, nil, objects, DOCTYPE refusal, chunks. */
#include <apr_general.h>
#include <apr_strings.h>
#include <string.h>

#include "codec/soi_xml.h"
#include "feed.h"
#include "tap.h"

static apr_pool_t *p;

static soi_error *decode(const char *s, apr_size_t step, soi_entity *e)
{
    memset(e, 0, sizeof(*e));
    return feed_pieces(soi_xml_entity_decoder(p, e), s, step);
}

static const char *msg(const char *s)
{
    soi_entity e;
    soi_error *err = decode(s, 0, &e);
    return err ? msg_of(err) : NULL;
}

int main(void)
{
    soi_entity e;
    soi_error *err;

    apr_initialize();
    apr_pool_create(&p, NULL);

    const char *doc = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<!-- a comment before the root -->\n"
                      "<BlobEntity xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                      "<BlobId>630</BlobId><BlobSize> 442 </BlobSize>"
                      "<Description>Caf\xc3\xa9 &amp; &lt;tea&gt; &#x1F600;</Description>"
                      "<ExtraInfo></ExtraInfo><IsEncrypted>false</IsEncrypted><IsZipped>true</IsZipped>"
                      "<MimeType i:nil=\"true\"/><OriginalSize>732</OriginalSize>"
                      "<CreatedDate>2020-03-20T02:49:50.7296616+01:00</CreatedDate>"
                      "<UpdatedDate i:nil=\"true\"/><CreatedBy i:nil=\"true\"/>"
                      "<UpdatedBy><AssociateId>1</AssociateId></UpdatedBy>"
                      "<ConceptualType><![CDATA[PH<O>TO]]></ConceptualType>"
                      "<TableRight><Mask>FULL</Mask></TableRight><FieldProperties/>"
                      "</BlobEntity>";
    for (apr_size_t step = 0; step <= 7; step += 7) {
        err = decode(doc, step, &e);
        ok(!err, "a full document decodes (pieces of %d bytes): %s", (int)step, err ? msg_of(err) : "");
        ok(e.v[SOI_F_BLOBID].num == 630 && e.v[SOI_F_BLOBSIZE].num == 442 && e.v[SOI_F_ORIGINALSIZE].num == 732,
           "numbers, white space around them allowed");
        is_str(e.v[SOI_F_DESCRIPTION].str, "Caf\xc3\xa9 & <tea> \xf0\x9f\x98\x80",
               "text with entities and a character reference");
        ok(e.v[SOI_F_ISZIPPED].num == 1 && e.v[SOI_F_ISENCRYPTED].num == 0, "booleans");
        ok((e.present & e.null & SOI_BIT(SOI_F_MIMETYPE)) != 0, "i:nil=\"true\" is null");
        ok((e.present & SOI_BIT(SOI_F_EXTRAINFO)) && strcmp(e.v[SOI_F_EXTRAINFO].str, "") == 0,
           "an empty element is the empty string");
        is_str(e.v[SOI_F_CONCEPTUALTYPE].str, "PH<O>TO", "CDATA");
    }

    ok(!decode("<x:Thing xmlns:x=\"urn:whatever\"><x:description>ns</x:description></x:Thing>", 0, &e)
           && strcmp(e.v[SOI_F_DESCRIPTION].str, "ns") == 0,
       "any root name and namespace; children by local name, any case");
    ok(!decode("<BlobEntity xmlns=\"http://schemas.datacontract.org/2004/07/SuperOffice\"><MIMETYPE>a/b</MIMETYPE>"
               "<Unknown><Deep>1</Deep></Unknown></BlobEntity>",
               0, &e)
           && strcmp(e.v[SOI_F_MIMETYPE].str, "a/b") == 0,
       "a default namespace; unknown elements ignored");
    ok(!decode("<BlobEntity><Description i:nil=\"true\" xmlns:i=\"urn:not-xsi\">text</Description></BlobEntity>", 0, &e)
           && strcmp(e.v[SOI_F_DESCRIPTION].str, "text") == 0,
       "nil in another namespace is just an attribute");

    is_str(msg("<!DOCTYPE BlobEntity><BlobEntity/>"),
           "XML with a DOCTYPE or entity declaration is refused; send the BlobEntity element alone.",
           "a DOCTYPE is refused");
    is_str(msg("<?xml version=\"1.0\"?><!-- c --><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>"),
           "XML with a DOCTYPE or entity declaration is refused; send the BlobEntity element alone.",
           "an entity declaration is refused");
    {
        /* The billion laughs, split so that no chunk holds "DOCTYPE" whole. */
        const char *bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                           "\"&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";
        ok(decode(bomb, 3, &e) && decode(bomb, 3, &e)->status == 400, "split across chunks, still refused");
    }
    ok(msg("<x><Description>a</x>") && strstr(msg("<x><Description>a</x>"), "The body is not well-formed XML: "),
       "malformed XML says so: %s", msg("<x><Description>a</x>"));
    ok(msg("<x>") != NULL, "an unfinished document is refused");
    ok(msg("") != NULL, "an empty document is refused");
    {
        const char utf16[] = "\xff\xfe<\0x\0/\0>\0";
        memset(&e, 0, sizeof(e));
        soi_sink d = soi_xml_entity_decoder(p, &e);
        err = d.feed(d.ctx, utf16, sizeof(utf16) - 1);
        is_str(err ? msg_of(err) : NULL, "The XML body holds NUL bytes; send it as UTF-8.", "UTF-16 is refused");
    }
    is_str(msg("<x><BlobSize>many</BlobSize></x>"), "BlobSize must be an integer from 0 to 2147483647, not \"many\".",
           "the entity's own rules apply");
    {
        static const char *const too_big[] = {"9223372036854775807",  "9223372036854775808",
                                              "18446744073709551616", "18446744073709551617",
                                              "18446744073709552246", "123456789012345678901234567890"};
        for (size_t i = 0; i < sizeof(too_big) / sizeof(too_big[0]); i++) {
            is_str(msg(apr_psprintf(p, "<x><BlobSize>%s</BlobSize></x>", too_big[i])),
                   apr_psprintf(p, "BlobSize must be an integer from 0 to 2147483647, not \"%s\".", too_big[i]),
                   "BlobSize %s refused", too_big[i]);
            is_str(msg(apr_psprintf(p, "<x><BlobId>%s</BlobId></x>", too_big[i])),
                   apr_psprintf(p, "BlobId must be an integer (the picture's BlobId, or 0), not \"%s\".", too_big[i]),
                   "BlobId %s refused", too_big[i]);
        }
    }
    is_str(msg("<x><BlobSize>+5</BlobSize></x>"), "BlobSize must be an integer from 0 to 2147483647, not \"+5\".",
           "a plus sign is refused, as JSON cannot have one");
    is_str(msg("<x><BlobId>+630</BlobId></x>"), "BlobId must be an integer (the picture's BlobId, or 0), not \"+630\".",
           "in BlobId too");
    ok(!decode("<x><BlobSize> -0 </BlobSize></x>", 0, &e) && e.v[SOI_F_BLOBSIZE].num == 0, "-0 is 0");
    is_str(msg("<x><Description>a</Description><description>b</description></x>"),
           "Description is given more than once.", "a property twice");
    is_str(msg("<x><IsZipped i:nil=\"true\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"/></x>"),
           "IsZipped must be true or false, not null.", "nil for a boolean");
    is_str(msg("<x><Description><b>bold</b></Description></x>"),
           "Description must be a string of at most 254 characters, or null, not an object.",
           "an element for a string property");
    {
        char deep[300] = "<x>";
        for (int i = 0; i < 16; i++)
            strcat(deep, "<a>");
        for (int i = 0; i < 16; i++)
            strcat(deep, "</a>");
        strcat(deep, "</x>");
        is_str(msg(deep), "The body nests elements deeper than 16 levels.", "17 levels refused");
        strcpy(deep, "<x>");
        for (int i = 0; i < 15; i++)
            strcat(deep, "<a>");
        for (int i = 0; i < 15; i++)
            strcat(deep, "</a>");
        strcat(deep, "</x>");
        ok(!msg(deep), "16 levels accepted");
    }
    is_str(msg("<x><Description>\xc0\xaf</Description></x>") ? "refused" : "accepted", "refused",
           "invalid UTF-8 is refused (by expat or by the entity)");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
