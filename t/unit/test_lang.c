/* Language, culture and time zone headers (SPEC §6): the ranked ranges of
 * SO-Language and Accept-Language, the catalogue language, multi-language
 * values, SO-Culture and SO-TimeZone. */
#include <apr_general.h>
#include <apr_strings.h>
#include <string.h>

#include "core/soi_text.h"
#include "i18n/soi_lang.h"
#include "tap.h"

static apr_pool_t *p;

/* s fit for a test's name: controls and non-ASCII as \xNN. */
static const char *shown(const char *s)
{
    return soi_text_quote(p, s, strlen(s), 80);
}

/* The ranges a pair of headers gives, as "primary-region/q" joined by ' ',
 * after the deciding header's name and ':'; "raw" when translate is 0. */
static const char *prefer(const char *so, const char *al)
{
    soi_lang_pref pref;
    soi_lang_prefer(so, al, &pref);
    if (!pref.translate)
        return pref.n == 0 && pref.header == NULL ? "raw" : "raw with ranges";
    const char *out = apr_pstrcat(p, pref.header, ":", NULL);
    for (int i = 0; i < pref.n; i++) {
        const soi_lang_range *r = &pref.range[i];
        out = apr_psprintf(p, "%s%s%s%s%s/%d", out, i ? " " : "", r->primary, r->region[0] ? "-" : "", r->region, r->q);
    }
    return out;
}

static const char *al(const char *h)
{
    return prefer(NULL, h);
}

/* The catalogue language's tag for the headers. */
static const char *catalogue(const char *so, const char *al, soi_lang fallback)
{
    soi_lang_pref pref;
    soi_lang_prefer(so, al, &pref);
    return soi_lang_tag(soi_lang_catalogue(&pref, fallback));
}

/* What a value shows: the chosen text in <>, or "plain" (shown as it is). */
static const char *value(const char *s, const char *accept, soi_lang fallback)
{
    soi_lang_pref pref;
    const char *out = NULL;
    apr_size_t len = 0;
    soi_lang_prefer(NULL, accept, &pref);
    if (!soi_lang_value(p, s, strlen(s), &pref, fallback, &out, &len, NULL))
        return "plain";
    if (strlen(out) != len)
        return "length differs";
    return apr_pstrcat(p, "<", out, ">", NULL);
}

static const char *zone(const char *s)
{
    soi_zone z;
    memset(&z, 0, sizeof(z));
    if (!soi_zone_parse(s, &z))
        return "none";
    return apr_psprintf(p, "%d %s%s", z.id, z.code, z.include_offset ? " +offset" : "");
}

static const char *repeat(const char *piece, int times, const char *sep)
{
    const char *out = "";
    for (int i = 0; i < times; i++)
        out = apr_pstrcat(p, out, i ? sep : "", piece, NULL);
    return out;
}

int main(void)
{
    apr_initialize();
    apr_pool_create(&p, NULL);

    /* Tags. */
    is_str(soi_lang_tag(SOI_LANG_EN), "en", "the tag of English");
    is_str(soi_lang_tag(SOI_LANG_SV), "sv", "of Swedish");
    is_str(soi_lang_tag(SOI_LANG_NB), "nb", "of Norwegian");
    is_str(soi_lang_tag(SOI_LANG_DE), "de", "of German");
    soi_lang l = SOI_LANG_COUNT;
    ok(soi_lang_from_tag("en", &l) && l == SOI_LANG_EN, "en names English");
    ok(soi_lang_from_tag("EN", &l) && l == SOI_LANG_EN, "EN too");
    ok(soi_lang_from_tag("sv", &l) && l == SOI_LANG_SV, "sv names Swedish");
    ok(soi_lang_from_tag("no", &l) && l == SOI_LANG_NB, "no names Norwegian");
    ok(soi_lang_from_tag("nn", &l) && l == SOI_LANG_NB, "nn too");
    ok(soi_lang_from_tag("nb-NO", &l) && l == SOI_LANG_NB, "nb-NO: the region is ignored");
    ok(soi_lang_from_tag("de_AT", &l) && l == SOI_LANG_DE, "de_AT: '_' as '-'");
    ok(!soi_lang_from_tag("fr", &l), "fr is not in the catalogue");
    ok(!soi_lang_from_tag("*", &l), "nor is *");
    ok(!soi_lang_from_tag("", &l), "nor the empty tag");
    ok(!soi_lang_from_tag(NULL, &l), "nor NULL");
    ok(!soi_lang_from_tag("e", &l), "nor a prefix");
    ok(!soi_lang_from_tag("eng", &l), "nor a longer subtag");
    ok(!soi_lang_from_tag("en-", &l), "nor an empty region");
    ok(!soi_lang_from_tag(" en", &l), "nor one with a space");

    /* Weights and their order. */
    is_str(al("en"), "Accept-Language:en/1000", "one range, weight 1");
    is_str(al("da, en-gb;q=0.8, en;q=0.7"), "Accept-Language:da/1000 en-gb/800 en/700", "RFC 9110's example");
    is_str(al("fr;q=0.5, de;q=0.9, sv"), "Accept-Language:sv/1000 de/900 fr/500", "heaviest first");
    is_str(al("fr;q=0.5, de;q=0.5, sv;q=0.5, nb;q=0.6"), "Accept-Language:nb/600 fr/500 de/500 sv/500",
           "equal weights keep the header's order");
    is_str(al("a;q=0.001, b;q=1.000, c;q=0.010, d;q=0.1, e;q=1."), "Accept-Language:b/1000 e/1000 d/100 c/10 a/1",
           "thousandths, 1. and 1.000");
    is_str(al("a;q=0., b;q=0.5"), "Accept-Language:b/500", "0. is 0");
    is_str(al("en;q=0, fr"), "Accept-Language:fr/1000", "q=0 dropped");
    is_str(al("en;q=0.000, fr;q=0.00"), "Accept-Language:", "only q=0: the header decides with no range");
    is_str(al("en;Q=0.5"), "Accept-Language:en/500", "Q in upper case");
    is_str(al("*"), "Accept-Language:*/1000", "the wildcard");
    is_str(al("en, *;q=0.1"), "Accept-Language:en/1000 */100", "the wildcard weighted");
    is_str(al("NB-no, EN-GB"), "Accept-Language:nb-no/1000 en-gb/1000", "lower-cased");
    is_str(al("nb_NO"), "Accept-Language:nb-no/1000", "'_' as '-'");
    is_str(al("zh-Hant-TW, es-419, en-gb-oxendict, x-klingon"), "Accept-Language:zh/1000 es/1000 en-gb/1000 x/1000",
           "the region only when the second subtag is two letters");
    is_str(al("abcdefgh-12345678"), "Accept-Language:abcdefgh/1000", "8 letters and 8 alphanums");

    /* Whitespace and empty elements. */
    is_str(al("  en ;  q = 0.5 ,\tfr\t"), "Accept-Language:fr/1000 en/500", "OWS around ',', ';' and '='");
    is_str(al(",, en,,fr ,"), "Accept-Language:en/1000 fr/1000", "empty elements");
    is_str(al(""), "raw", "an empty header says nothing");
    is_str(al(" , ,"), "raw", "nor do only commas");

    /* The limits. */
    char many[SOI_LANG_RANGES * 16 + 64];
    strcpy(many, "");
    for (int i = 0; i < SOI_LANG_RANGES + 4; i++)
        sprintf(many + strlen(many), "%s%c%c;q=0.%d", i ? "," : "", 'a' + i % 26, 'a' + i / 26,
                i < SOI_LANG_RANGES + 2 ? 5 : 9);
    soi_lang_pref pref;
    soi_lang_prefer(NULL, many, &pref);
    ok(pref.translate && pref.n == SOI_LANG_RANGES, "at most %d ranges kept", SOI_LANG_RANGES);
    is_str(pref.range[0].primary, "sa", "... the heaviest");
    is_str(pref.range[2].primary, "aa", "... then the first come");
    is_str(pref.range[SOI_LANG_RANGES - 1].primary, "na", "... up to the limit");
    is_str(al(repeat("en", 64, ",")), apr_pstrcat(p, "Accept-Language:", repeat("en/1000", 16, " "), NULL),
           "64 elements");
    is_str(al(repeat("en", 65, ",")), "raw", "65 elements: ignored");
    is_str(al(apr_pstrcat(p, repeat("en", 64, ","), ",,,", NULL)),
           "Accept-Language:en/1000 en/1000 en/1000 en/1000 "
           "en/1000 en/1000 en/1000 en/1000 en/1000 en/1000 "
           "en/1000 en/1000 en/1000 en/1000 en/1000 en/1000",
           "empty elements do not count");
    char *big = apr_palloc(p, 4098);
    memset(big, ' ', 4097);
    memcpy(big, "en", 2);
    big[4096] = '\0';
    is_str(al(big), "Accept-Language:en/1000", "4096 bytes");
    big[4096] = ' ';
    big[4097] = '\0';
    is_str(al(big), "raw", "4097 bytes: ignored");

    /* Malformed headers, ignored as a whole. */
    static const char *const malformed[] = {
        "en;q=1.5",
        "en;q=0.1234",
        "en;q=abc",
        "en;q=",
        "en;q",
        "en;q=-0.5",
        "en;q=2",
        "en;q=.5",
        "en;q=1.001",
        "en;q=0.5;q=0.4",
        "en;level=1",
        "en;q=0.5;x=y",
        "en;",
        "en;;q=1",
        "fr, en;q=0.5 x",
        "-en",
        "en-",
        "en--gb",
        "en-gb-",
        "e n",
        "en_",
        "abcdefghi",
        "en-123456789",
        "12",
        "en1",
        "*-gb",
        "en-*",
        "**",
        "en\x01",
        "en\r\n, fr",
        "en\x7f",
        "\"en\"",
        "en;q=\"0.5\"",
        "fr, en\xc3\xa9",
        "en q=0.5",
        "en=1",
        "en;q=0.5,fr;q=1.5",
    };
    for (size_t i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++)
        is_str(al(malformed[i]), "raw", "malformed: \"%s\"", shown(malformed[i]));
    is_str(al(NULL), "raw", "no header: raw");
    is_str(prefer(NULL, NULL), "raw", "no headers at all: raw");

    /* SO-Language and Accept-Language. */
    is_str(prefer("sv", "en, de"), "SO-Language:sv/1000", "SO-Language overrides Accept-Language");
    is_str(prefer("sv;q=1.5", "en, de;q=0.5"), "Accept-Language:en/1000 de/500",
           "a malformed SO-Language: Accept-Language decides");
    is_str(prefer("", "en"), "Accept-Language:en/1000", "an empty SO-Language: Accept-Language decides");
    is_str(prefer("sv;q=0", "en"), "SO-Language:", "SO-Language of q=0 ranges only still decides");
    is_str(prefer("*", "en"), "raw", "SO-Language * turns translation off");
    is_str(prefer("x", "en"), "raw", "... x too");
    is_str(prefer(" X ", "en"), "raw", "... X, with OWS");
    is_str(prefer("x, en", "de"), "SO-Language:x/1000 en/1000", "... but only alone");
    is_str(prefer("*;q=0.5", "de"), "SO-Language:*/500", "... and without a weight");
    is_str(prefer("bad bad", "en;q=9"), "raw", "both malformed: raw");
    is_str(prefer("nb-no", NULL), "SO-Language:nb-no/1000", "SO-Language alone");

    /* The catalogue language. */
    is_str(catalogue(NULL, "nb", SOI_LANG_EN), "nb", "nb");
    is_str(catalogue(NULL, "nn", SOI_LANG_EN), "nb", "nn gives nb");
    is_str(catalogue(NULL, "no-NO", SOI_LANG_EN), "nb", "no-NO gives nb");
    is_str(catalogue(NULL, "fr", SOI_LANG_SV), "sv", "fr: the fallback");
    is_str(catalogue(NULL, "fr, de;q=0.5", SOI_LANG_SV), "de", "fr, then de");
    is_str(catalogue(NULL, "fr, *;q=0.9, de;q=0.5", SOI_LANG_SV), "sv", "* picks the fallback");
    is_str(catalogue(NULL, "de;q=0.4, sv;q=0.6", SOI_LANG_EN), "sv", "the heaviest");
    is_str(catalogue("x", "de", SOI_LANG_EN), "en", "translate 0: the fallback");
    is_str(catalogue(NULL, NULL, SOI_LANG_NB), "nb", "no headers: the fallback");
    is_str(catalogue(NULL, "de;q=0", SOI_LANG_SV), "sv", "only q=0: the fallback");
    is_str(catalogue("en-GB", "de", SOI_LANG_SV), "en", "SO-Language decides");

    /* Multi-language values: what is one. */
    const char *mv = "NO:\"Leverand\xc3\xb8r\";US:\"Supplier\"";
    ok(soi_lang_is_multi(mv, strlen(mv)), "SuperOffice's example is multi-language");
    static const char *const multi[] = {
        "NO:\"a\";US:\"b\"",           "NO:\"a\";US:\"b\";", " \tNO : \"a\" ; US:\t\"b\" ; \t",
        "no:\"a\";Us:\"b\"",           "NO:\"\";US:\"\"",    "NO:\"a\\\"b\";US:\"\\\\\"",
        "NO:\"a;US:x\";SE:\"c\"",      "NO:\"a\";NO:\"b\"",  "XX:\"a\";YY:\"b\";ZZ:\"c\"",
        "NO:\"line\nbreak\";US:\"b\"",
    };
    for (size_t i = 0; i < sizeof(multi) / sizeof(multi[0]); i++)
        ok(soi_lang_is_multi(multi[i], strlen(multi[i])), "multi-language: %s", shown(multi[i]));
    static const char *const plain[] = {
        "Supplier",
        "NO:\"a\"",
        "NO:\"a\";",
        " NO:\"a\" ; ",
        "NO:\"a\";US:\"b",
        "NO:\"a\";US:b",
        "NO:\"a\\x\";US:\"b\"",
        "NO:\"a\\\";US:\"b\"",
        "NOR:\"a\";US:\"b\"",
        "N:\"a\";US:\"b\"",
        "N1:\"a\";US:\"b\"",
        "NO\"a\";US:\"b\"",
        "NO:'a';US:'b'",
        "NO:\"a\";;US:\"b\"",
        "NO:\"a\" US:\"b\"",
        "NO:\"a\";US:\"b\"x",
        ";NO:\"a\";US:\"b\"",
        "NO:\"a\",US:\"b\"",
        "NO:\"a\";US:\"b\"\\",
        "",
        " ",
    };
    for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
        ok(!soi_lang_is_multi(plain[i], strlen(plain[i])), "plain: %s", shown(plain[i]));
        is_str(value(plain[i], "en", SOI_LANG_EN), "plain", "... and shown as it is: %s", shown(plain[i]));
    }
    ok(!soi_lang_is_multi(NULL, 0), "NULL is plain");
    ok(soi_lang_is_multi("NO:\"a\";US:\"b\"xyz", 13), "only s[0..n) counts");
    ok(!soi_lang_is_multi("NO:\"a\";US:\"b\"", 12), "... a cut one is plain");
    ok(soi_lang_is_multi("NO:\"a\0b\";US:\"c\"", 15), "a NUL inside the quotes is text");

    /* The part chosen. */
    is_str(value(mv, "en", SOI_LANG_NB), "<Supplier>", "en: US");
    is_str(value(mv, "nb", SOI_LANG_EN), "<Leverand\xc3\xb8r>", "nb: NO");
    is_str(value(mv, "nn", SOI_LANG_EN), "<Leverand\xc3\xb8r>", "nn: NO");
    is_str(value(mv, "no", SOI_LANG_EN), "<Leverand\xc3\xb8r>", "no: NO");
    is_str(value(mv, "nb-NO", SOI_LANG_EN), "<Leverand\xc3\xb8r>", "nb-NO: NO");
    is_str(value(mv, NULL, SOI_LANG_EN), "plain", "no header: raw");
    is_str(value(mv, "en;q=1.5", SOI_LANG_EN), "plain", "a malformed header: raw");
    const char *gb = "US:\"color\";GB:\"colour\";SE:\"f\xc3\xa4rg\";DK:\"farve\"";
    is_str(value(gb, "en", SOI_LANG_EN), "<color>", "en: US before GB");
    is_str(value(gb, "en-GB", SOI_LANG_EN), "<colour>", "en-GB: GB before US");
    is_str(value(gb, "en-gb, sv", SOI_LANG_EN), "<colour>", "en-gb too");
    is_str(value(gb, "en-AU", SOI_LANG_EN), "<color>", "en-AU: a region not among them changes nothing");
    is_str(value("US:\"color\";SE:\"x\"", "en-GB", SOI_LANG_SV), "<color>", "en-GB without GB: US");
    is_str(value(gb, "sv", SOI_LANG_EN), "<f\xc3\xa4rg>", "sv: SE");
    is_str(value(gb, "da", SOI_LANG_EN), "<farve>", "da: DK");
    is_str(value(gb, "fr, da;q=0.5", SOI_LANG_EN), "<farve>", "fr is absent: da");
    is_str(value(gb, "da;q=0.5, sv", SOI_LANG_EN), "<f\xc3\xa4rg>", "by weight");
    is_str(value(gb, "se", SOI_LANG_EN), "<color>", "se is no language of SE: the fallback");
    const char *eu = "SE:\"s\";DE:\"d\";FR:\"f\";NL:\"n\";FI:\"i\";NO:\"o\";DK:\"k\"";
    is_str(value(eu, "de-AT", SOI_LANG_EN), "<d>", "de-AT: DE");
    is_str(value(eu, "de-CH", SOI_LANG_EN), "<d>", "de-CH: DE");
    is_str(value(eu, "fr-CA", SOI_LANG_EN), "<f>", "fr: FR");
    is_str(value(eu, "nl", SOI_LANG_EN), "<n>", "nl: NL");
    is_str(value(eu, "fi", SOI_LANG_EN), "<i>", "fi: FI");
    is_str(value(eu, "es", SOI_LANG_SV), "<s>", "es is none: the fallback sv");
    is_str(value(eu, "es", SOI_LANG_NB), "<o>", "... nb");
    is_str(value(eu, "es", SOI_LANG_DE), "<d>", "... de");
    is_str(value(eu, "es", SOI_LANG_EN), "<s>", "... en is absent: the first part");
    is_str(value(eu, "*", SOI_LANG_NB), "<o>", "*: the fallback's countries");
    is_str(value(eu, "*", SOI_LANG_EN), "<s>", "*: then the first part");
    is_str(value(eu, "es, *;q=0.5, fi;q=0.4", SOI_LANG_EN), "<s>", "* decides before the ranges after it");
    is_str(value(eu, "es;q=0.5, fi", SOI_LANG_EN), "<i>", "fi before es by weight");
    is_str(value(eu, "de;q=0", SOI_LANG_NB), "<o>", "only q=0: the fallback");
    is_str(value("us:\"x\";no:\"y\"", "nb", SOI_LANG_EN), "<y>", "codes compare without case");
    is_str(value("NO:\"a\";NO:\"b\"", "nb", SOI_LANG_EN), "<a>", "the first part of a country");
    is_str(value("NO:\"\";US:\"x\"", "nb", SOI_LANG_EN), "<>", "an empty text");
    is_str(value("NO:\"a\\\"b\\\\c\";US:\"x\"", "nb", SOI_LANG_EN), "<a\"b\\c>", "\\\" and \\\\ unescaped");
    is_str(value("NO:\"a;US:x\";US:\"b\"", "en", SOI_LANG_EN), "<b>", "';' and ':' inside quotes are text");
    is_str(value(" NO : \"a\" ;\tUS:\t\"b\" ; ", "en", SOI_LANG_EN), "<b>", "spaces and a trailing ';'");
    soi_lang_prefer("en", NULL, &pref);
    const char *out = NULL;
    apr_size_t outlen = 0;
    ok(soi_lang_value(p, "NO:\"a\0b\";US:\"c\"", 15, &pref, SOI_LANG_NB, &out, &outlen, NULL) && outlen == 1
           && strcmp(out, "c") == 0,
       "s[0..n) with a NUL");
    soi_lang_prefer("nb", NULL, &pref);
    ok(soi_lang_value(p, "NO:\"a\0b\";US:\"c\"", 15, &pref, SOI_LANG_NB, &out, &outlen, NULL) && outlen == 3
           && memcmp(out, "a\0b", 4) == 0,
       "... the NUL kept, the text NUL-terminated");
    soi_lang_prefer("x", "en", &pref);
    ok(!soi_lang_value(p, mv, strlen(mv), &pref, SOI_LANG_EN, &out, &outlen, NULL), "SO-Language x: raw");

    /* The language of the part chosen, for Content-Language. */
    static const struct {
        const char *value, *ask, *tag;
    } tags[] = {
        {"GB:\"a\";NO:\"b\"", "en", "en"}, {"GB:\"a\";NO:\"b\"", "nn", "nb"}, {"SE:\"a\";DK:\"b\"", "da", "da"},
        {"SE:\"a\";fi:\"b\"", "fi", "fi"}, {"XX:\"a\";YY:\"b\"", "en", NULL}, {"SE:\"a\";NO:\"b\"", "fr", "sv"},
    };
    for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
        const char *tag = "unset";
        soi_lang_prefer(NULL, tags[i].ask, &pref);
        ok(soi_lang_value(p, tags[i].value, strlen(tags[i].value), &pref, SOI_LANG_EN, &out, &outlen, &tag)
               && (tags[i].tag ? tag && strcmp(tag, tags[i].tag) == 0 : tag == NULL),
           "%s asked in %s: the part's language is %s (got %s)", tags[i].value, tags[i].ask,
           tags[i].tag ? tags[i].tag : "none", tag ? tag : "none");
    }

    /* SO-Culture. */
    static const char *const cultures[] = {"sv",         "en-US",   "nb-NO",  "zh-Hant-TW", "es-419",  "nb_no",
                                           "ZH-HANT-tw", "zh-Hant", "fil-PH", "sr-Latn-RS", "sr_Latn", "haw"};
    for (size_t i = 0; i < sizeof(cultures) / sizeof(cultures[0]); i++)
        ok(soi_culture_valid(cultures[i]), "culture: %s", cultures[i]);
    static const char *const bad_cultures[] = {
        "",      "s",      "abcd",   "en-",         "en-U",      "en-USA",       "en-41",     "en-4190",
        "en US", " en",    "en ",    "zh-Hant-",    "zh-Han-TW", "zh-Hant-TW-x", "en-US-x",   "e1",
        "12",    "en--US", "en-us-", "zh-Hantx-TW", "en.US",     "en-US\n",      "x-klingon", "en-Latn-Latn",
    };
    for (size_t i = 0; i < sizeof(bad_cultures) / sizeof(bad_cultures[0]); i++)
        ok(!soi_culture_valid(bad_cultures[i]), "not a culture: \"%s\"", shown(bad_cultures[i]));
    ok(!soi_culture_valid(NULL), "nor NULL");
    ok(!soi_culture_valid(repeat("a", 40, "")), "nor 40 bytes");

    /* SO-TimeZone. */
    int nz = 0;
    const soi_zone *table = soi_zone_table(&nz);
    is_int(nz, 10, "10 zones");
    for (int i = 0; i < nz; i++) {
        is_str(zone(table[i].code), apr_psprintf(p, "%d %s", table[i].id, table[i].code), "by code: %s", table[i].code);
        is_str(zone(apr_psprintf(p, "%d", table[i].id)), apr_psprintf(p, "%d %s", table[i].id, table[i].code),
               "by id: %d", table[i].id);
        ok(!table[i].include_offset, "... the table has no option set");
    }
    is_str(zone("NO"), "261 NO", "NO");
    is_str(zone("261"), "261 NO", "261");
    is_str(zone("us-ny"), "460 US-NY", "any case");
    is_str(zone("Au-Act"), "36 AU-ACT", "any case again");
    is_str(zone("utc"), "1 UTC", "utc");
    is_str(zone("0261"), "261 NO", "leading zeros");
    is_str(zone(" \tNO\t "), "261 NO", "OWS at either end");
    is_str(zone("NO, includeTZOffset"), "261 NO +offset", "with includeTZOffset");
    is_str(zone("NO,includetzoffset"), "261 NO +offset", "any case, no OWS");
    is_str(zone("460 \t,\t INCLUDETZOFFSET "), "460 US-NY +offset", "an id, OWS around ','");
    is_str(zone("XX"), "none", "an unknown code");
    is_str(zone("US"), "none", "US alone is none");
    is_str(zone("US-NYC"), "none", "a longer code");
    is_str(zone("999"), "none", "an unknown id");
    is_str(zone("0"), "none", "id 0");
    is_str(zone("-261"), "none", "a negative id");
    is_str(zone("+261"), "none", "a signed id");
    is_str(zone("99999999999999999999"), "none", "a huge id");
    is_str(zone("Europe/Oslo"), "none", "an IANA name");
    is_str(zone("NO x"), "none", "junk after");
    is_str(zone("NO,"), "none", "',' with nothing after");
    is_str(zone("NO, includeTZOffset, x"), "none", "junk after the option");
    is_str(zone("NO, includeTZOffsetx"), "none", "a longer option");
    is_str(zone("NO, offset"), "none", "another option");
    is_str(zone("NO; includeTZOffset"), "none", "';' is not ','");
    is_str(zone(", includeTZOffset"), "none", "the option alone");
    is_str(zone("N O"), "none", "a space inside");
    is_str(zone(""), "none", "empty");
    is_str(zone("  "), "none", "only OWS");
    is_str(zone(NULL), "none", "NULL");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
