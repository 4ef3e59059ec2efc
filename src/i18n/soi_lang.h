/* Language, culture and time zone as a request asks for them (SPEC §6):
 * the ranked languages of SO-Language or Accept-Language, the choice among
 * the parts of a multi-language value, and the SO-Culture and SO-TimeZone
 * headers. Pure functions of their input: no httpd, no database. */
#ifndef SOI_LANG_H
#define SOI_LANG_H

#include <apr_pools.h>

/* The languages the message catalogue speaks. */
typedef enum { SOI_LANG_EN, SOI_LANG_SV, SOI_LANG_NB, SOI_LANG_DE, SOI_LANG_COUNT } soi_lang;

/* The tag a reply's Content-Language gives lang: "en", "sv", "nb", "de". */
const char *soi_lang_tag(soi_lang lang);

/* The catalogue language a tag names ("en", "EN", "sv", "nb", "no", "nn",
 * "de"; a region such as "nb-NO" or "de_AT" is ignored, though the tag as a
 * whole must be a language-range as soi_lang_prefer reads one, "*" aside).
 * Returns 1 and sets *out, or 0 for any other tag. For SoImageInfoLanguage. */
int soi_lang_from_tag(const char *tag, soi_lang *out);

/* One language range of a request, lower-cased: the primary subtag ("en",
 * "*" for the wildcard) and the region when the second subtag is one (two
 * letters: "gb"; else ""), with its weight in thousandths (1..1000). */
typedef struct {
    char primary[9];
    char region[3];
    int q;
} soi_lang_range;

#define SOI_LANG_RANGES 16 /* ranges kept: the heaviest, first come first */

/* What a request asks for. translate is 0 when values stay raw: no language
 * header, both headers ignored as malformed, or SO-Language "*" or "x"; then
 * header is NULL and n 0. Otherwise range[0..n) holds the ranges of the
 * header that decided, heaviest first (equal weights in the header's order),
 * without q=0 ones (n may be 0 when every range has q=0), and header names
 * it ("SO-Language" or "Accept-Language"). */
typedef struct {
    int translate;
    const char *header;
    int n;
    soi_lang_range range[SOI_LANG_RANGES];
} soi_lang_pref;

/* Reads the two headers (NULL when absent). SO-Language, when present and
 * well formed, decides; otherwise Accept-Language does. A header is well
 * formed when it is RFC 9110's Accept-Language: a comma-separated list
 * (empty elements allowed, OWS around them) of language-range (RFC 4647:
 * "*" or 1*8ALPHA *("-" 1*8alphanum); "_" is read as "-") each with an
 * optional weight ";q=" 0, 0.d{0,3}, 1 or 1.0{0,3} ("q" in any case), OWS
 * around ";" and "="; no other parameter, at most one weight. A malformed
 * header is ignored as a whole (RFC 9110 §12.5.4 lets a server ignore it),
 * as is one of more than 64 elements (empty ones not counted, as RFC 9110
 * §5.6.1 says) or 4096 bytes, and one with no element at all (empty, or
 * only commas and OWS), which says nothing. SO-Language "*" or "x" (any
 * case, alone, OWS around) turns translation off. Never fails. */
void soi_lang_prefer(const char *so_language, const char *accept_language, soi_lang_pref *out);

/* The catalogue language for messages: the first range (in pref's order)
 * whose primary subtag names one (as soi_lang_from_tag reads it); "*"
 * picks fallback; none, or translate 0, gives fallback. */
soi_lang soi_lang_catalogue(const soi_lang_pref *pref, soi_lang fallback);

/* Multi-language values: a string that is a whole sequence of parts
 * CC:"text" (CC two ASCII letters, any case, a SuperOffice country code),
 * separated by ";" (an optional ";" after the last part; spaces and tabs
 * allowed around ":" and ";" and at either end), with \" and \\ the only
 * escapes inside the quotes, e.g. NO:"Leverandør";US:"Supplier". Anything
 * else (a lone CC:"text" included) is a plain value.
 *
 * soi_lang_value: for a multi-language s[0..n) and pref->translate, the
 * text of the part chosen (unescaped, allocated in pool), and 1; else 0
 * (show s as it is). The part chosen: for each range in pref's order, the
 * countries of its language (en: US then GB; sv: SE; nb, nn, no: NO; da:
 * DK; de: DE; fr: FR; nl: NL; fi: FI; a region that is one of them comes
 * first: en-GB → GB then US), the first present; "*" takes the fallback
 * language's countries and then the first part; after every range, the
 * fallback language's countries; then the first part. Country codes
 * compare without case. *tag (when tag is not NULL) is the language of the
 * part chosen ("en", "sv", "nb", "da", "de", "fr", "nl", "fi"), NULL for a
 * country none of them has. */
int soi_lang_value(apr_pool_t *pool, const char *s, apr_size_t n, const soi_lang_pref *pref, soi_lang fallback,
                   const char **out, apr_size_t *outlen, const char **tag);

/* Is s[0..n) a multi-language value (whatever the request asks for)? */
int soi_lang_is_multi(const char *s, apr_size_t n);

/* SO-Culture: an iso2 language ("sv") or a BCP 47 culture code: a 2-3
 * letter language, an optional 4-letter script, an optional region of 2
 * letters or 3 digits ("nb-NO", "zh-Hant-TW", "es-419"; "_" read as "-",
 * any case, no whitespace), at most 35 bytes. Returns 1 when s is one. */
int soi_culture_valid(const char *s);

/* SO-TimeZone: a SuperOffice zone, by code ("NO", "US-NY", any case) or
 * numeric id ("261": decimal digits only, leading zeros allowed), then
 * optionally OWS "," OWS "includeTZOffset" (any case); OWS at either end. */
typedef struct {
    int id;           /* SuperOffice's id: UTC 1, NO 261, US-NY 460 */
    const char *code; /* its code as SuperOffice writes it: "US-NY" */
    int include_offset;
} soi_zone;

/* Returns 1 and fills *out for a zone of the table; 0 for anything else. */
int soi_zone_parse(const char *s, soi_zone *out);

/* The zone table, for documentation and tests: n entries. */
const soi_zone *soi_zone_table(int *n);

#endif
