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

/* The message for s ("" for none), the same whatever offset it is split at
 * and when fed byte by byte; else what differs. */
static const char *split_msg(const char *s)
{
    soi_entity e;
    memset(&e, 0, sizeof(e));
    soi_error *err = feed_pieces(soi_xml_entity_decoder(p, &e), s, 1);
    const char *first = err ? apr_pstrdup(p, msg_of(err)) : "";
    for (apr_size_t at = 0; at <= strlen(s); at++) {
        memset(&e, 0, sizeof(e));
        err = feed_split(soi_xml_entity_decoder(p, &e), s, at);
        const char *m = err ? msg_of(err) : "";
        if (strcmp(first, m) != 0)
            return apr_psprintf(p, "split at %d: %s; byte by byte: %s", (int)at, m, first);
    }
    return first;
}

#define UTF8_TAIL "send text as UTF-8 without overlong forms or surrogates."

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
    /* Text that is not UTF-8: named where it is (expat would only say "not
     * well-formed (invalid token)"), however the body is cut. */
    {
        static const struct {
            const char *bytes, *near, *what;
        } bad[] = {{"\xff", "FF", "a byte that is never UTF-8"},
                   {"\xe2\x82", "E2", "a truncated sequence"},
                   {"\xc0\xaf", "C0", "an overlong form"},
                   {"\xed\xa0\x80", "D800", "an encoded surrogate"}};
        const char *head = "<?xml version=\"1.0\"?><BlobEntity xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                           "<BlobId>1</BlobId>";
        for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
            const char *b = bad[i].bytes, *near = bad[i].near, *what = bad[i].what;
            const char *named = apr_psprintf(p, "Description is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near);
            const char *inside =
                apr_psprintf(p, "Description holds text that is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near);
            is_str(split_msg(apr_psprintf(p, "%s<Description>a%sb</Description></BlobEntity>", head, b)), named,
                   "%s in Description, split at every offset", what);
            is_str(split_msg(
                       apr_psprintf(p, "%s<x:description xmlns:x=\"urn:x\">%s</x:description></BlobEntity>", head, b)),
                   named, "%s alone in a prefixed description", what);
            is_str(split_msg(apr_psprintf(p, "%s<Description><![CDATA[<%s>]]></Description></BlobEntity>", head, b)),
                   named, "%s in a CDATA section", what);
            is_str(split_msg(apr_psprintf(p, "%s<Description>&amp;%s&lt;</Description></BlobEntity>", head, b)), named,
                   "%s between references", what);
            is_str(split_msg(apr_psprintf(p, "%s<Description a=\"/>%s\">x</Description></BlobEntity>", head, b)),
                   inside, "%s in an attribute value", what);
            is_str(split_msg(apr_psprintf(p, "%s<Description><!-- %s -->x</Description></BlobEntity>", head, b)),
                   inside, "%s in a comment inside the element", what);
            is_str(split_msg(apr_psprintf(p, "%s<Description><?pi %s?>x</Description></BlobEntity>", head, b)), inside,
                   "%s in a processing instruction inside it", what);
            is_str(split_msg(apr_psprintf(p, "%s<Description><b>%s</b></Description></BlobEntity>", head, b)), inside,
                   "%s in a child element", what);
            is_str(
                split_msg(apr_psprintf(p, "%s<Colour>%s</Colour><Description>x</Description></BlobEntity>", head, b)),
                apr_psprintf(p, "\"Colour\" holds text that is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
                "%s in an unknown element", what);
            is_str(split_msg(apr_psprintf(
                       p, "%s<c:Colour xmlns:c='urn:c' n='1'><deep>%s</deep></c:Colour></BlobEntity>", head, b)),
                   apr_psprintf(p, "\"c:Colour\" holds text that is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
                   "%s deep inside an unknown element", what);
            is_str(split_msg(apr_psprintf(p, "%s<Descr%siption>x</Descr%siption></BlobEntity>", head, b, b)),
                   apr_psprintf(p, "A property name is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
                   "%s in an element name", what);
            is_str(split_msg(apr_psprintf(p, "%s<Description/><x%s/></BlobEntity>", head, b)),
                   apr_psprintf(p, "A property name is not valid UTF-8 (near 0x%s): " UTF8_TAIL, near),
                   "%s in the name of an element after an empty one", what);
            is_str(split_msg(apr_psprintf(p, "<?xml version=\"1.0\"?><!-- %s --><x/>", b)),
                   apr_psprintf(p, "The XML body is not valid UTF-8 at byte offset 26 (near 0x%s): " UTF8_TAIL, near),
                   "%s before the root: the offset", what);
            is_str(split_msg(apr_psprintf(p, "<x a='%s'><Description>x</Description></x>", b)),
                   apr_psprintf(p, "The XML body is not valid UTF-8 at byte offset 6 (near 0x%s): " UTF8_TAIL, near),
                   "%s in the root's attribute", what);
            is_str(split_msg(apr_psprintf(p, "<x><Description>x</Description>%s</x>", b)),
                   apr_psprintf(p, "The XML body is not valid UTF-8 at byte offset 31 (near 0x%s): " UTF8_TAIL, near),
                   "%s between the root's children", what);
            is_str(split_msg(apr_psprintf(p, "<x><Description>x</Description></x>%s", b)),
                   apr_psprintf(p, "The XML body is not valid UTF-8 at byte offset 35 (near 0x%s): " UTF8_TAIL, near),
                   "%s after the root", what);
        }
        is_str(split_msg("<x><Description>a\xe2\x82"), "Description is not valid UTF-8 (near 0xE2): " UTF8_TAIL,
               "a sequence cut short by the end of the body");
        is_str(split_msg("<x><Description>a</Description><Description>\xff</Description></x>"),
               "Description is not valid UTF-8 (near 0xFF): " UTF8_TAIL,
               "the first error in the document wins over a later one");
        ok(strstr(split_msg("<x><Description>a</Descr></x>\xff"), "The body is not well-formed XML: ") != NULL,
           "malformed XML before the bad byte: expat's error comes first");
        is_str(split_msg(
                   "<?xml version=\"1.0\"?><x:B\xc3\xa6 xmlns:x='urn:\xe2\x82\xac' \xc3\xa6='\xf0\x9f\x98\x80'>"
                   "<!--\xc3\xa6--><Description \xc3\xa6=\">\xc3\xa6\"><![CDATA[\xe2\x82\xac]]>\xc3\xa6\xf0\x9f\x98\x80"
                   "</Description><\xc3\xa6>\xc3\xa6</\xc3\xa6><?\xc3\xa6 \xc3\xa6?></x:B\xc3\xa6>"),
               "", "valid UTF-8 of every length, everywhere, passes, split at every offset");
        soi_entity e;
        ok(!decode("<x><Description a='>'>\xc3\xa6\xe2\x82\xac</Description></x>", 1, &e)
               && strcmp(e.v[SOI_F_DESCRIPTION].str, "\xc3\xa6\xe2\x82\xac") == 0,
           "and decodes to the same text");
        /* The guard reads UTF-8, so the document must be UTF-8 whatever its
         * declaration says: expat would honour another encoding. */
        const char *enc_msg =
            "The XML declaration names the encoding \"ISO-8859-1\"; send XML as UTF-8 (encoding=\"utf-8\", or none).";
        is_str(split_msg("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a><Description>caf\xe9</Description></a>"),
               enc_msg, "a Latin-1 declaration is refused, split at every offset");
        is_str(split_msg("\xef\xbb\xbf<?xml version='1.0' encoding = 'ISO-8859-1' standalone='yes'?>"
                         "<a><Description>caf\xc3\xa9</Description></a>"),
               enc_msg, "even when the bytes are UTF-8 (expat would read them as Latin-1), after a byte order mark");
        ok(strstr(split_msg("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>"), "names the encoding \"UTF-16\"")
               != NULL,
           "UTF-16 named in the declaration");
        ok(strstr(split_msg("<?xml version=\"1.0\" encoding=\"utf8\"?><a/>"), "names the encoding \"utf8\"") != NULL,
           "a misspelt UTF-8 (expat would not know it either)");
        is_str(
            split_msg(
                "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?><a><Description>caf\xc3\xa9</Description></a>"),
            "", "encoding=\"utf-8\", after a byte order mark, passes");
        is_str(split_msg("<?xml version='1.0' encoding='US-ASCII'?><a><Description>cafe</Description></a>"), "",
               "US-ASCII is read alike");
        is_str(split_msg("<?xml version='1.0'?><a/>"), "", "a declaration without an encoding passes");
        /* A declaration longer than the guard keeps: its encoding would go
         * unchecked, and expat would read UTF-8 bytes as Latin-1. */
        const char *long_msg = "The XML declaration is longer than 256 bytes; send a short one, such as "
                               "<?xml version=\"1.0\" encoding=\"utf-8\"?>, or none.";
        char *pad = apr_pcalloc(p, 301);
        memset(pad, ' ', 300);
        is_str(split_msg(apr_pstrcat(p, "<?xml version=\"1.0\"", pad, "encoding=\"ISO-8859-1\"?>",
                                     "<a><Description>caf\xc3\xa9</Description></a>", NULL)),
               long_msg, "a Latin-1 declaration after 300 spaces is refused, split at every offset");
        is_str(split_msg(apr_pstrcat(p, "\xef\xbb\xbf<?xml version='1.0'", pad, "encoding='utf-8'?><a/>", NULL)),
               long_msg, "so is any declaration that long, UTF-8 or not, after a byte order mark too");
        is_str(split_msg(apr_pstrcat(p, "<?xml version=\"1.0\"", pad, "<a/>", NULL)), long_msg,
               "and one that never ends");
        /* 256 bytes: "<?xml version='1.0'" (19), spaces, "encoding='utf-8'?>" (18). */
        pad[256 - 19 - 18] = '\0';
        is_str(split_msg(apr_pstrcat(p, "<?xml version='1.0'", pad, "encoding='utf-8'?><a/>", NULL)), "",
               "a declaration of exactly 256 bytes is read, and passes");
        pad[256 - 19 - 19] = '\0'; /* "encoding='latin1'?>" is one byte longer */
        ok(strstr(split_msg(apr_pstrcat(p, "<?xml version='1.0'", pad, "encoding='latin1'?><a/>", NULL)),
                  "names the encoding \"latin1\"")
               != NULL,
           "and its encoding checked");
        is_str(split_msg("<?xml-stylesheet encoding='latin1'?><a/>"), "",
               "a PI that is not the declaration is not read");
        is_str(split_msg("<a><?xml encoding='latin1'?></a>"),
               "The body is not well-formed XML: XML or text declaration not at start of entity (17).",
               "nor is a declaration that is not at the start (expat refuses it)");

        /* The DOCTYPE guard is the same state machine. */
        is_str(split_msg("<?xml version=\"1.0\"?><!-- <!DOCTYPE --><!DOCTYPE x><x/>"),
               "XML with a DOCTYPE or entity declaration is refused; send the BlobEntity element alone.",
               "a DOCTYPE after a comment, split at every offset");
        is_str(split_msg("<x><![CDATA[<!DOCTYPE x>]]></x>"), "", "<!DOCTYPE as CDATA text is text");
        is_str(split_msg("<x a='<!DOCTYPE'/>"), "The body is not well-formed XML: not well-formed (invalid token) (4).",
               "a '<' in an attribute is expat's to refuse");
    }

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
