/* The language, culture and time zone headers (soi_lang_prefer,
 * soi_lang_catalogue, soi_lang_value, soi_lang_is_multi, soi_culture_valid,
 * soi_zone_parse). The selector byte: bits 0-1 the fallback language, bit 2
 * leaves SO-Language out, bit 3 Accept-Language; bit 4 puts 4068 + 4 x
 * (bits 5-7) commas (empty elements) before Accept-Language, so that its
 * 4096-byte limit falls near its end. The rest holds SO-Language,
 * Accept-Language, SO-Culture and SO-TimeZone, one a line, then the value
 * (every byte after the fourth LF, NULs and LFs included). Each header is
 * cut at its first NUL and lies in a heap block of exactly its size.
 *
 * Checked: the ranges are those a second, plainer reading finds (POSIX
 * regular expressions for the grammar, strtod for the weights, a sort with
 * the position as tie-break), so heaviest first, q in 1..1000, a primary
 * of 1-8 lower-case letters or "*", at most SOI_LANG_RANGES, and nothing
 * when translate is 0; the catalogue language is the first range's that
 * names one; a value is multi-language, and gives a text whenever translate
 * is 1, exactly when a character-by-character reading finds two parts or
 * more, and the text is the one that reading chooses, found quoted (escaped
 * again) in the input; a culture is valid exactly when a regular expression
 * says so; a zone is one of the table, exactly the one a plain reading
 * finds. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem, strcasestr; APR's flags usually define it already */
#endif
#include "harness.h"
#include <apr_strings.h>
#include <regex.h>
#include <strings.h>
#include "i18n/soi_lang.h"

/* The regular expression pattern (a string literal: compared by address),
 * compiled on first use and kept for the run. */
static const regex_t *compiled(const char *pattern)
{
    static struct {
        const char *pattern;
        regex_t re;
    } cache[4];
    for (size_t i = 0; i < sizeof(cache) / sizeof(cache[0]); i++) {
        if (cache[i].pattern == pattern)
            return &cache[i].re;
        if (!cache[i].pattern) {
            if (regcomp(&cache[i].re, pattern, REG_EXTENDED | REG_NOSUB) != 0)
                abort();
            cache[i].pattern = pattern;
            return &cache[i].re;
        }
    }
    abort();
}

/* ---- the plain reading of a language header -------------------------------- */

typedef struct {
    soi_lang_range r;
    int pos;
} ref_range;

static int by_weight(const void *a, const void *b)
{
    const ref_range *x = a, *y = b;
    if (x->r.q != y->r.q)
        return y->r.q - x->r.q;
    return x->pos - y->pos;
}

/* 1 and out filled when h is a well-formed header with an element. */
static int ref_header(apr_pool_t *p, const char *h, const char *name, soi_lang_pref *out)
{
    static const char elem_re[] = "^(\\*|[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*)"
                                  "([ \t]*;[ \t]*[qQ][ \t]*=[ \t]*(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?))?$";
    ref_range all[65];
    int count = 0, elements = 0, good = 1;

    if (strlen(h) > 4096)
        return 0;
    const regex_t *re = compiled(elem_re);
    char *copy = apr_pstrdup(p, h), *e;
    while (good && (e = strsep(&copy, ",")) != NULL) {
        char *end = e + strlen(e);
        e += strspn(e, " \t");
        while (end > e && (end[-1] == ' ' || end[-1] == '\t'))
            *--end = '\0';
        if (!*e)
            continue;
        if (++elements > 64 || regexec(re, e, 0, NULL, 0) != 0) {
            good = 0;
            break;
        }
        ref_range *r = &all[count];
        memset(r, 0, sizeof(*r));
        r->pos = count;
        size_t plen = strcspn(e, "-_; \t"), len = strcspn(e, "; \t");
        for (size_t i = 0; i < plen; i++)
            r->r.primary[i] = (char)(e[i] | 0x20);
        if (len > plen) {
            size_t slen = strcspn(e + plen + 1, "-_; \t");
            if (slen == 2 && (e[plen + 1] | 0x20) >= 'a' && (e[plen + 1] | 0x20) <= 'z' && (e[plen + 2] | 0x20) >= 'a'
                && (e[plen + 2] | 0x20) <= 'z') {
                r->r.region[0] = (char)(e[plen + 1] | 0x20);
                r->r.region[1] = (char)(e[plen + 2] | 0x20);
            }
        }
        const char *eq = strchr(e, '=');
        r->r.q = eq ? (int)(strtod(eq + 1 + strspn(eq + 1, " \t"), NULL) * 1000 + 0.5) : 1000;
        if (r->r.q > 0)
            count++;
    }
    if (!good || elements == 0)
        return 0;
    qsort(all, (size_t)count, sizeof(all[0]), by_weight);
    memset(out, 0, sizeof(*out));
    out->translate = 1;
    out->header = name;
    out->n = count < SOI_LANG_RANGES ? count : SOI_LANG_RANGES;
    for (int i = 0; i < out->n; i++)
        out->range[i] = all[i].r;
    return 1;
}

static void ref_prefer(apr_pool_t *p, const char *so, const char *al, soi_lang_pref *out)
{
    memset(out, 0, sizeof(*out));
    if (so) {
        const char *t = so + strspn(so, " \t\r\n");
        size_t n = strlen(t);
        while (n > 0 && strchr(" \t\r\n", t[n - 1]))
            n--;
        if (n == 1 && (t[0] == '*' || t[0] == 'x' || t[0] == 'X'))
            return;
        if (ref_header(p, so, "SO-Language", out))
            return;
    }
    if (al && ref_header(p, al, "Accept-Language", out))
        return;
    memset(out, 0, sizeof(*out));
}

static void check_pref(const soi_lang_pref *got, const soi_lang_pref *want)
{
    FUZZ_CHECK(got->translate == want->translate, "translate %d, the plain reading says %d", got->translate,
               want->translate);
    FUZZ_CHECK(got->n >= 0 && got->n <= SOI_LANG_RANGES, "%d ranges", got->n);
    if (!got->translate) {
        FUZZ_CHECK(got->n == 0 && !got->header, "translate 0 with %d ranges", got->n);
        return;
    }
    FUZZ_CHECK(got->header && strcmp(got->header, want->header) == 0, "decided by %s, the plain reading says %s",
               got->header ? got->header : "(null)", want->header);
    FUZZ_CHECK(got->n == want->n, "%d ranges, the plain reading finds %d", got->n, want->n);
    for (int i = 0; i < got->n; i++) {
        const soi_lang_range *r = &got->range[i], *w = &want->range[i];
        size_t len = strnlen(r->primary, sizeof(r->primary));
        FUZZ_CHECK(len < sizeof(r->primary), "range %d: the primary is not terminated", i);
        FUZZ_CHECK(strcmp(r->primary, "*") == 0
                       || (len >= 1 && len <= 8 && strspn(r->primary, "abcdefghijklmnopqrstuvwxyz") == len),
                   "range %d: primary \"%s\"", i, r->primary);
        FUZZ_CHECK(r->region[2] == '\0'
                       && (r->region[0] == '\0' || (strspn(r->region, "abcdefghijklmnopqrstuvwxyz") == 2)),
                   "range %d: region \"%.3s\"", i, r->region);
        FUZZ_CHECK(r->q >= 1 && r->q <= 1000, "range %d: q=%d", i, r->q);
        FUZZ_CHECK(i == 0 || got->range[i - 1].q >= r->q, "range %d (q=%d) after one of q=%d", i, r->q,
                   got->range[i - 1].q);
        FUZZ_CHECK(strcmp(r->primary, w->primary) == 0 && strcmp(r->region, w->region) == 0 && r->q == w->q,
                   "range %d is %s-%s;q=%d, the plain reading says %s-%s;q=%d", i, r->primary, r->region, r->q,
                   w->primary, w->region, w->q);
    }
}

/* ---- the plain reading of a multi-language value ------------------------- */

typedef struct {
    char cc[3];
    size_t from, len; /* the text between the quotes, still escaped */
} ref_part;

/* The parts of s[0..n) read byte by byte, or 0 when it is no multi-language
 * value (fewer than two parts, or anything off the grammar). */
static int ref_parts(const char *s, size_t n, ref_part *parts)
{
    enum { LEAD, CC2, COLON, QUOTE, TEXT, ESC, AFTER, NEXT } st = LEAD;
    int count = 0;

    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int ws = c == ' ' || c == '\t', letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        switch (st) {
        case LEAD:
        case NEXT:
            if (ws)
                break;
            if (!letter)
                return 0;
            parts[count].cc[0] = (char)(c & ~0x20);
            st = CC2;
            break;
        case CC2:
            if (!letter)
                return 0;
            parts[count].cc[1] = (char)(c & ~0x20);
            parts[count].cc[2] = '\0';
            st = COLON;
            break;
        case COLON:
            if (c == ':')
                st = QUOTE;
            else if (!ws)
                return 0;
            break;
        case QUOTE:
            if (c == '"') {
                parts[count].from = i + 1;
                st = TEXT;
            } else if (!ws) {
                return 0;
            }
            break;
        case TEXT:
            if (c == '\\') {
                st = ESC;
            } else if (c == '"') {
                parts[count].len = i - parts[count].from;
                count++;
                st = AFTER;
            }
            break;
        case ESC:
            if (c != '"' && c != '\\')
                return 0;
            st = TEXT;
            break;
        case AFTER:
            if (c == ';')
                st = NEXT;
            else if (!ws)
                return 0;
            break;
        }
    }
    return (st == AFTER || st == NEXT) && count >= 2 ? count : 0;
}

/* The countries to look for, in order ("" for the first part), as the
 * header lists them. */
static int ref_candidates(const soi_lang_pref *pref, soi_lang fallback, const char **cand)
{
    static const char *const langs[][3] = {
        {"en", "US", "GB"}, {"sv", "SE", NULL}, {"nb", "NO", NULL}, {"nn", "NO", NULL}, {"no", "NO", NULL},
        {"da", "DK", NULL}, {"de", "DE", NULL}, {"fr", "FR", NULL}, {"nl", "NL", NULL}, {"fi", "FI", NULL}};
    static const char *const fb[][2] = {{"US", "GB"}, {"SE", NULL}, {"NO", NULL}, {"DE", NULL}};
    int k = 0;

    for (int i = 0; i < pref->n; i++) {
        const soi_lang_range *r = &pref->range[i];
        if (strcmp(r->primary, "*") == 0) {
            for (int j = 0; j < 2 && fb[fallback][j]; j++)
                cand[k++] = fb[fallback][j];
            cand[k++] = "";
            continue;
        }
        for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
            if (strcmp(langs[l][0], r->primary) != 0)
                continue;
            for (int j = 1; j < 3 && langs[l][j]; j++) {
                if (strcasecmp(langs[l][j], r->region) == 0)
                    cand[k++] = langs[l][j];
            }
            for (int j = 1; j < 3 && langs[l][j]; j++)
                cand[k++] = langs[l][j];
        }
    }
    for (int j = 0; j < 2 && fb[fallback][j]; j++)
        cand[k++] = fb[fallback][j];
    cand[k++] = "";
    return k;
}

static void check_value(apr_pool_t *p, const char *s, size_t n, const soi_lang_pref *pref, soi_lang fallback)
{
    ref_part *parts = apr_pcalloc(p, (n / 5 + 2) * sizeof(*parts));
    int count = ref_parts(s, n, parts), multi = soi_lang_is_multi(s, n);
    const char *out = NULL;
    apr_size_t outlen = 0;
    const char *tag = "unset";
    int got = soi_lang_value(p, s, n, pref, fallback, &out, &outlen, &tag);

    FUZZ_CHECK(multi == (count > 0), "is_multi says %d, the plain reading finds %d parts", multi, count);
    FUZZ_CHECK(got == (multi && pref->translate), "soi_lang_value gives %d for a value multi %d, translate %d", got,
               multi, pref->translate);
    if (!got)
        return;
    FUZZ_CHECK(out && out[outlen] == '\0', "the text is not NUL-terminated");

    /* What the plain reading chooses. */
    const char *cand[3 * SOI_LANG_RANGES + 8];
    int nc = ref_candidates(pref, fallback, cand);
    const ref_part *want = NULL;
    for (int c = 0; c < nc && !want; c++) {
        for (int i = 0; i < count && !want; i++) {
            if (!cand[c][0] || strcmp(parts[i].cc, cand[c]) == 0)
                want = &parts[i];
        }
    }
    FUZZ_CHECK(want, "the plain reading chooses nothing");
    char *text = apr_palloc(p, want->len + 1);
    size_t k = 0;
    for (size_t i = 0; i < want->len; i++) {
        if (s[want->from + i] == '\\')
            i++;
        text[k++] = s[want->from + i];
    }
    FUZZ_CHECK(k == outlen && memcmp(text, out, k) == 0, "the text is \"%.*s\", the plain reading says \"%.*s\"",
               (int)outlen, out, (int)k, text);

    /* The part's language, by its country. */
    static const char *const by_country[][2] = {{"US", "en"}, {"GB", "en"}, {"SE", "sv"}, {"NO", "nb"}, {"DK", "da"},
                                                {"DE", "de"}, {"FR", "fr"}, {"NL", "nl"}, {"FI", "fi"}};
    const char *lang = NULL;
    for (size_t i = 0; i < sizeof(by_country) / sizeof(by_country[0]); i++)
        if (strcmp(want->cc, by_country[i][0]) == 0)
            lang = by_country[i][1];
    FUZZ_CHECK(lang ? tag && strcmp(tag, lang) == 0 : tag == NULL, "the part of %s is said to be in %s", want->cc,
               tag ? tag : "no language");

    /* Escaped again and quoted, it is in the input. */
    char *quoted = apr_palloc(p, 2 * outlen + 3);
    size_t q = 0;
    quoted[q++] = '"';
    for (size_t i = 0; i < outlen; i++) {
        if (out[i] == '"' || out[i] == '\\')
            quoted[q++] = '\\';
        quoted[q++] = out[i];
    }
    quoted[q++] = '"';
    FUZZ_CHECK(memmem(s, n, quoted, q), "the text \"%.*s\" is not quoted in the input", (int)outlen, out);
}

/* soi_lang_from_tag: a language-range without weight, not "*", whose
 * primary subtag is one of the catalogue's. */
static void check_from_tag(const char *s)
{
    static const char *const names[][2] = {{"en", "en"}, {"sv", "sv"}, {"nb", "nb"},
                                           {"no", "nb"}, {"nn", "nb"}, {"de", "de"}};
    const char *want = NULL;
    if (regexec(compiled("^[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*$"), s, 0, NULL, 0) == 0) {
        size_t plen = strcspn(s, "-_");
        for (size_t i = 0; i < sizeof(names) / sizeof(names[0]) && !want; i++) {
            if (plen == 2 && strncasecmp(s, names[i][0], 2) == 0)
                want = names[i][1];
        }
    }
    soi_lang l = SOI_LANG_COUNT;
    int got = soi_lang_from_tag(s, &l);
    FUZZ_CHECK(got == (want != NULL) && (!got || strcmp(soi_lang_tag(l), want) == 0),
               "soi_lang_from_tag(\"%s\") gives %d (%s), the plain reading %s", s, got, got ? soi_lang_tag(l) : "",
               want ? want : "none");
}

/* ---- culture and zone ------------------------------------------------------ */

static void check_culture(const char *s)
{
    static const char culture_re[] = "^[A-Za-z]{2,3}([-_][A-Za-z]{4})?([-_]([A-Za-z]{2}|[0-9]{3}))?$";
    int want = regexec(compiled(culture_re), s, 0, NULL, 0) == 0, got = soi_culture_valid(s);
    FUZZ_CHECK(got == want, "culture \"%s\": %d, the regular expression says %d", s, got, want);
    if (got) {
        size_t n = strlen(s);
        FUZZ_CHECK(n <= 35 && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == n,
                   "culture \"%s\" is valid", s);
    }
}

static void check_zone(apr_pool_t *p, const char *s)
{
    int nz;
    const soi_zone *table = soi_zone_table(&nz), *want = NULL;
    soi_zone z;
    int got = soi_zone_parse(s, &z), offset = 0;

    /* The plain reading. */
    char *copy = apr_pstrdup(p, s), *comma = strchr(copy, ',');
    int good = 1;
    if (comma) {
        *comma = '\0';
        char *opt = comma + 1 + strspn(comma + 1, " \t");
        size_t olen = strlen(opt);
        while (olen > 0 && (opt[olen - 1] == ' ' || opt[olen - 1] == '\t'))
            opt[--olen] = '\0';
        good = strcasecmp(opt, "includeTZOffset") == 0;
        offset = 1;
    }
    char *name = copy + strspn(copy, " \t");
    size_t len = strlen(name);
    while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == '\t'))
        name[--len] = '\0';
    if (good && len > 0) {
        const char *digits = name + strspn(name, "0");
        int numeric = strspn(name, "0123456789") == len;
        for (int i = 0; i < nz && !want; i++) {
            if (numeric ? strcmp(digits, apr_itoa(p, table[i].id)) == 0 : strcasecmp(name, table[i].code) == 0)
                want = &table[i];
        }
    }
    FUZZ_CHECK(got == (want != NULL), "zone \"%s\": %d, the plain reading says %d", s, got, want != NULL);
    if (!got)
        return;
    FUZZ_CHECK(z.code == want->code && z.id == want->id, "zone \"%s\" is %d %s, the plain reading says %d %s", s, z.id,
               z.code, want->id, want->code);
    FUZZ_CHECK(z.include_offset == offset, "zone \"%s\": include_offset %d", s, z.include_offset);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    apr_pool_t *p = fuzz_pool();
    unsigned sel = data[0];
    const char *in = (const char *)data + 1, *end = in + size - 1;
    const char *line[4];
    size_t len[4];

    for (int i = 0; i < 4; i++) {
        const char *nl = memchr(in, '\n', (size_t)(end - in));
        line[i] = in;
        len[i] = nl ? (size_t)(nl - in) : (size_t)(end - in);
        in = nl ? nl + 1 : end;
    }
    soi_lang fallback = (soi_lang)(sel & 3);
    char *so = (sel & 4) ? NULL : fuzz_cstr(line[0], strnlen(line[0], len[0]));
    char *al = NULL;
    if (!(sel & 8)) {
        size_t filler = (sel & 16) ? 4068 + 4 * (sel >> 5) : 0, n = strnlen(line[1], len[1]);
        al = malloc(filler + n + 1);
        if (!al)
            abort();
        memset(al, ',', filler);
        memcpy(al + filler, line[1], n);
        al[filler + n] = '\0';
    }
    char *culture = fuzz_cstr(line[2], strnlen(line[2], len[2]));
    char *zone = fuzz_cstr(line[3], strnlen(line[3], len[3]));
    char *value = fuzz_copy(in, (size_t)(end - in));

    soi_lang_pref pref, want;
    soi_lang_prefer(so, al, &pref);
    ref_prefer(p, so, al, &want);
    check_pref(&pref, &want);

    soi_lang cat = soi_lang_catalogue(&pref, fallback), want_cat = fallback;
    for (int i = 0; i < pref.n; i++) {
        soi_lang l;
        if (strcmp(pref.range[i].primary, "*") == 0)
            break;
        if (soi_lang_from_tag(pref.range[i].primary, &l)) {
            want_cat = l;
            break;
        }
    }
    FUZZ_CHECK(cat == want_cat, "catalogue %s, the first range says %s", soi_lang_tag(cat), soi_lang_tag(want_cat));
    if (so)
        check_from_tag(so);

    check_value(p, value, (size_t)(end - in), &pref, fallback);
    check_culture(culture);
    check_zone(p, zone);

    free(so);
    free(al);
    free(culture);
    free(zone);
    free(value);
    apr_pool_destroy(p);
    return 0;
}
