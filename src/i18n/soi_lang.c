#include "i18n/soi_lang.h"

#include <apr_lib.h>
#include <apr_strings.h>
#include <string.h>

#include "core/soi_text.h"

#define LANG_MAX_ELEMENTS 64
#define LANG_MAX_BYTES 4096

static const char *const tags[SOI_LANG_COUNT] = {"en", "sv", "nb", "de"};

const char *soi_lang_tag(soi_lang lang)
{
    return (unsigned)lang < SOI_LANG_COUNT ? tags[lang] : tags[SOI_LANG_EN];
}

static int is_ows(char c)
{
    return c == ' ' || c == '\t';
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_alnum(char c)
{
    return is_alpha(c) || is_digit(c);
}

/* The catalogue language a primary subtag s[0..n) names. */
static int lang_of_primary(const char *s, apr_size_t n, soi_lang *out)
{
    static const struct {
        const char *tag;
        soi_lang lang;
    } names[] = {
        {"en", SOI_LANG_EN}, {"sv", SOI_LANG_SV}, {"nb", SOI_LANG_NB},
        {"no", SOI_LANG_NB}, {"nn", SOI_LANG_NB}, {"de", SOI_LANG_DE},
    };
    for (apr_size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (soi_ascii_ieq(s, n, names[i].tag)) {
            *out = names[i].lang;
            return 1;
        }
    }
    return 0;
}

/* The length of the language-range at s[0..n) (RFC 4647 basic range, "_"
 * read as "-"), or 0 when s does not start with one. The range ends where
 * a byte that cannot continue it is. */
static apr_size_t range_len(const char *s, apr_size_t n)
{
    apr_size_t i = 0, k;

    if (n > 0 && s[0] == '*')
        return 1;
    while (i < n && i < 9 && is_alpha(s[i]))
        i++;
    if (i == 0 || i > 8)
        return 0;
    while (i < n && (s[i] == '-' || s[i] == '_')) {
        for (k = 0; i + 1 + k < n && k < 9 && is_alnum(s[i + 1 + k]); k++)
            ;
        if (k == 0 || k > 8)
            return 0;
        i += 1 + k;
    }
    if (i < n && (is_alnum(s[i]) || s[i] == '*'))
        return 0;
    return i;
}

int soi_lang_from_tag(const char *tag, soi_lang *out)
{
    if (!tag || tag[0] == '*')
        return 0;
    apr_size_t n = strlen(tag);
    if (range_len(tag, n) != n)
        return 0;
    apr_size_t p = 0;
    while (p < n && tag[p] != '-' && tag[p] != '_')
        p++;
    return lang_of_primary(tag, p, out);
}

/* A qvalue at s[0..n) exactly: "0", "0." 0*3DIGIT, "1", "1." 0*3"0". Its
 * value in thousandths, or -1. */
static int qvalue(const char *s, apr_size_t n)
{
    if (n == 0 || (s[0] != '0' && s[0] != '1'))
        return -1;
    if (n == 1)
        return s[0] == '0' ? 0 : 1000;
    if (s[1] != '.' || n > 5)
        return -1;
    int q = 0, scale = 100;
    for (apr_size_t i = 2; i < n; i++, scale /= 10) {
        if (!is_digit(s[i]) || (s[0] == '1' && s[i] != '0'))
            return -1;
        q += (s[i] - '0') * scale;
    }
    return s[0] == '1' ? 1000 : q;
}

/* One element e[0..n) (already without its surrounding OWS, not empty):
 * language-range [ OWS ";" OWS "q" OWS "=" OWS qvalue ]. 1 when well formed,
 * with *r filled (q possibly 0). */
static int element(const char *e, apr_size_t n, soi_lang_range *r)
{
    apr_size_t len = range_len(e, n), i;

    if (len == 0)
        return 0;
    memset(r, 0, sizeof(*r));
    r->q = 1000;
    for (i = 0; i < len && e[i] != '-' && e[i] != '_'; i++)
        r->primary[i] = (char)apr_tolower((unsigned char)e[i]);
    if (i < len) {
        apr_size_t k = i + 1;
        while (k < len && e[k] != '-' && e[k] != '_')
            k++;
        if (k - (i + 1) == 2 && is_alpha(e[i + 1]) && is_alpha(e[i + 2])) {
            r->region[0] = (char)apr_tolower((unsigned char)e[i + 1]);
            r->region[1] = (char)apr_tolower((unsigned char)e[i + 2]);
        }
    }
    i = len;
    while (i < n && is_ows(e[i]))
        i++;
    if (i == n)
        return 1;
    if (e[i++] != ';')
        return 0;
    while (i < n && is_ows(e[i]))
        i++;
    if (i == n || (e[i] != 'q' && e[i] != 'Q'))
        return 0;
    i++;
    while (i < n && is_ows(e[i]))
        i++;
    if (i == n || e[i] != '=')
        return 0;
    i++;
    while (i < n && is_ows(e[i]))
        i++;
    r->q = qvalue(e + i, n - i);
    return r->q >= 0;
}

/* Parses one header into out (translate 1); 0 when it is malformed, too
 * long, or holds no language-range at all (then it counts as absent). */
static int parse_header(const char *h, const char *name, soi_lang_pref *out)
{
    soi_lang_range all[LANG_MAX_ELEMENTS];
    int count = 0, elements = 0;
    apr_size_t n = strnlen(h, LANG_MAX_BYTES + 1);

    if (n > LANG_MAX_BYTES)
        return 0;
    for (apr_size_t at = 0, from, stop; soi_list_next(h, n, ',', &at, &from, &stop);) {
        if (from == stop)
            continue; /* an empty element */
        if (++elements > LANG_MAX_ELEMENTS)
            return 0;
        soi_lang_range r;
        if (!element(h + from, stop - from, &r))
            return 0;
        if (r.q == 0)
            continue;
        /* Stable: after every range at least as heavy. */
        int k = count++;
        while (k > 0 && all[k - 1].q < r.q) {
            all[k] = all[k - 1];
            k--;
        }
        all[k] = r;
    }
    if (elements == 0)
        return 0;
    out->translate = 1;
    out->header = name;
    out->n = count < SOI_LANG_RANGES ? count : SOI_LANG_RANGES;
    memcpy(out->range, all, (apr_size_t)out->n * sizeof(all[0]));
    return 1;
}

/* SO-Language "*" or "x", any case, alone (OWS around). */
static int turns_off(const char *h)
{
    apr_size_t n = strnlen(h, LANG_MAX_BYTES + 1);
    soi_trim(&h, &n);
    return n == 1 && (h[0] == '*' || h[0] == 'x' || h[0] == 'X');
}

void soi_lang_prefer(const char *so_language, const char *accept_language, soi_lang_pref *out)
{
    memset(out, 0, sizeof(*out));
    if (so_language) {
        if (turns_off(so_language))
            return;
        if (parse_header(so_language, "SO-Language", out))
            return;
    }
    if (accept_language && parse_header(accept_language, "Accept-Language", out))
        return;
    memset(out, 0, sizeof(*out));
}

soi_lang soi_lang_catalogue(const soi_lang_pref *pref, soi_lang fallback)
{
    if (!pref || !pref->translate)
        return fallback;
    for (int i = 0; i < pref->n && i < SOI_LANG_RANGES; i++) {
        const soi_lang_range *r = &pref->range[i];
        soi_lang lang;
        if (r->primary[0] == '*')
            return fallback;
        if (lang_of_primary(r->primary, strlen(r->primary), &lang))
            return lang;
    }
    return fallback;
}

/* ---- multi-language values ------------------------------------------------ */

/* One part of a multi-language value: its country code and the text between
 * its quotes, still escaped. */
typedef struct {
    char cc[2];
    const char *text;
    apr_size_t len;
} part;

/* Reads the part at s[*at..n) (after any OWS): CC OWS ":" OWS DQUOTE text
 * DQUOTE. 1 and *at after the closing quote, or 0. */
static int read_part(const char *s, apr_size_t n, apr_size_t *at, part *p)
{
    apr_size_t i = *at;

    if (i + 2 > n || !is_alpha(s[i]) || !is_alpha(s[i + 1]))
        return 0;
    p->cc[0] = s[i];
    p->cc[1] = s[i + 1];
    i += 2;
    while (i < n && is_ows(s[i]))
        i++;
    if (i == n || s[i] != ':')
        return 0;
    i++;
    while (i < n && is_ows(s[i]))
        i++;
    if (i == n || s[i] != '"')
        return 0;
    p->text = s + ++i;
    for (;;) {
        if (i == n)
            return 0;
        if (s[i] == '"')
            break;
        if (s[i] == '\\') {
            if (i + 1 == n || (s[i + 1] != '"' && s[i + 1] != '\\'))
                return 0;
            i++;
        }
        i++;
    }
    p->len = (apr_size_t)(s + i - p->text);
    *at = i + 1;
    return 1;
}

/* The number of parts of a multi-language s[0..n), or 0 when s is not one
 * (fewer than two parts, or anything malformed). With parts non-NULL, the
 * first max parts are stored there. */
static int parse_multi(const char *s, apr_size_t n, part *parts, int max)
{
    apr_size_t i = 0;
    int count = 0;

    while (i < n && is_ows(s[i]))
        i++;
    for (;;) {
        part p;
        if (!read_part(s, n, &i, &p))
            return 0;
        if (parts && count < max)
            parts[count] = p;
        count++;
        while (i < n && is_ows(s[i]))
            i++;
        if (i == n)
            break;
        if (s[i] != ';')
            return 0;
        i++;
        while (i < n && is_ows(s[i]))
            i++;
        if (i == n)
            break;
    }
    return count >= 2 ? count : 0;
}

int soi_lang_is_multi(const char *s, apr_size_t n)
{
    return s && parse_multi(s, n, NULL, 0) > 0;
}

/* The countries of a language, by primary subtag, in order. */
static const char *countries_of(const char *primary)
{
    static const struct {
        const char *lang, *countries;
    } map[] = {
        {"en", "USGB"}, {"sv", "SE"}, {"nb", "NO"}, {"nn", "NO"}, {"no", "NO"},
        {"da", "DK"},   {"de", "DE"}, {"fr", "FR"}, {"nl", "NL"}, {"fi", "FI"},
    };
    for (apr_size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
        if (soi_ascii_ieq(primary, strlen(primary), map[i].lang))
            return map[i].countries;
    }
    return "";
}

/* The parts of a multi-language value, as parse_multi read them. */
typedef struct {
    const part *p;
    int n;
} parts;

/* The first part whose country is cc[0..2): 1 with *found set, or 0. */
static int find_country(const parts *ps, const char *cc, part *found)
{
    for (int i = 0; i < ps->n; i++) {
        const part *p = &ps->p[i];
        if (apr_tolower((unsigned char)p->cc[0]) == apr_tolower((unsigned char)cc[0])
            && apr_tolower((unsigned char)p->cc[1]) == apr_tolower((unsigned char)cc[1])) {
            *found = *p;
            return 1;
        }
    }
    return 0;
}

/* The first present part among the countries list (pairs of letters),
 * with region (2 letters or "") first when it is one of them. */
static int find_among(const parts *ps, const char *countries, const char *region, part *found)
{
    apr_size_t len = strlen(countries);

    if (region[0]) {
        for (apr_size_t i = 0; i + 1 < len; i += 2) {
            if (apr_tolower((unsigned char)countries[i]) == region[0]
                && apr_tolower((unsigned char)countries[i + 1]) == region[1] && find_country(ps, countries + i, found))
                return 1;
        }
    }
    for (apr_size_t i = 0; i + 1 < len; i += 2) {
        if (find_country(ps, countries + i, found))
            return 1;
    }
    return 0;
}

/* The language tag of a country code's part, by the same map read
 * backwards ("NO" is nb); NULL for a country no language maps to. */
static const char *tag_of_country(const char *cc)
{
    static const char *const tags[] = {"en", "sv", "nb", "da", "de", "fr", "nl", "fi"};
    for (apr_size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
        const char *c = countries_of(tags[i]);
        for (; c[0] && c[1]; c += 2) {
            if (apr_toupper((unsigned char)cc[0]) == c[0] && apr_toupper((unsigned char)cc[1]) == c[1])
                return tags[i];
        }
    }
    return NULL;
}

int soi_lang_value(apr_pool_t *pool, const char *s, apr_size_t n, const soi_lang_pref *pref, soi_lang fallback,
                   const char **out, apr_size_t *outlen, const char **tag)
{
    part chosen;
    int found = 0;

    if (!s || !pref || !pref->translate)
        return 0;
    /* Counted first: a plain value (the usual case) costs one reading and
     * no allocation; a multi-language one is read again into its parts. */
    int count = parse_multi(s, n, NULL, 0);
    if (!count)
        return 0;
    part *all = apr_palloc(pool, (apr_size_t)count * sizeof(*all));
    parts ps = {all, parse_multi(s, n, all, count)};
    const part first = all[0];
    const char *fallback_countries = countries_of(soi_lang_tag(fallback));
    for (int i = 0; i < pref->n && i < SOI_LANG_RANGES && !found; i++) {
        const soi_lang_range *r = &pref->range[i];
        if (r->primary[0] == '*') {
            found = find_among(&ps, fallback_countries, "", &chosen);
            if (!found) {
                chosen = first;
                found = 1;
            }
        } else {
            found = find_among(&ps, countries_of(r->primary), r->region, &chosen);
        }
    }
    if (!found)
        found = find_among(&ps, fallback_countries, "", &chosen);
    if (!found)
        chosen = first;

    char *text = apr_palloc(pool, chosen.len + 1);
    apr_size_t k = 0;
    for (apr_size_t i = 0; i < chosen.len; i++) {
        if (chosen.text[i] == '\\')
            i++;
        text[k++] = chosen.text[i];
    }
    text[k] = '\0';
    *out = text;
    *outlen = k;
    if (tag)
        *tag = tag_of_country(chosen.cc);
    return 1;
}

/* ---- SO-Culture ------------------------------------------------------------ */

/* The length of the run of bytes of s that class accepts. */
static apr_size_t run(const char *s, int (*class)(char))
{
    apr_size_t i = 0;
    while (class(s[i]))
        i++;
    return i;
}

int soi_culture_valid(const char *s)
{
    if (!s || strnlen(s, 36) > 35)
        return 0;
    apr_size_t k = run(s, is_alpha);
    if (k < 2 || k > 3)
        return 0;
    s += k;
    if (*s == '\0')
        return 1;
    if (*s != '-' && *s != '_')
        return 0;
    s++;
    /* A script: 4 letters, then a region or the end. */
    k = run(s, is_alpha);
    if (k == 4 && (s[4] == '-' || s[4] == '_')) {
        s += 5;
        k = run(s, is_alpha);
    } else if (k == 4 && s[4] == '\0') {
        return 1;
    }
    if (k == 2 && s[2] == '\0')
        return 1;
    k = run(s, is_digit);
    return k == 3 && s[3] == '\0';
}
