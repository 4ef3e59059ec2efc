#include "core/soi_text.h"

#include <apr_lib.h>
#include <apr_strings.h>
#include <string.h>

/* Strict UTF-8; with text_rules, also the characters text may not hold. */
static soi_utf8_status utf8_scan(const char *s, apr_size_t n, int text_rules, apr_size_t *chars, apr_uint32_t *bad)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    apr_size_t count = 0;

    while (p < end) {
        apr_uint32_t cp;
        unsigned char c = *p;
        int more;

        if (c < 0x80) {
            cp = c;
            more = 0;
        } else if (c >= 0xC2 && c <= 0xDF) { /* C0 and C1 would be overlong */
            cp = c & 0x1F;
            more = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            cp = c & 0x0F;
            more = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            cp = c & 0x07;
            more = 3;
        } else {
            *bad = c;
            return SOI_UTF8_INVALID;
        }
        if ((apr_size_t)(end - p) <= (apr_size_t)more) {
            *bad = c;
            return SOI_UTF8_INVALID;
        }
        for (int i = 1; i <= more; i++) {
            if ((p[i] & 0xC0) != 0x80) {
                *bad = c;
                return SOI_UTF8_INVALID;
            }
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        /* Shortest form only, no UTF-16 surrogates, nothing past U+10FFFF. */
        if ((more == 2 && cp < 0x800) || (more == 3 && (cp < 0x10000 || cp > 0x10FFFF))
            || (cp >= 0xD800 && cp <= 0xDFFF)) {
            *bad = cp;
            return SOI_UTF8_INVALID;
        }
        if (text_rules && cp == 0) {
            *bad = 0;
            return SOI_UTF8_NUL;
        }
        if (text_rules && ((cp < 0x20 && cp != 0x09 && cp != 0x0A && cp != 0x0D) || cp == 0xFFFE || cp == 0xFFFF)) {
            *bad = cp;
            return SOI_UTF8_NOT_XML;
        }
        p += more + 1;
        count++;
    }
    *chars = count;
    return SOI_UTF8_OK;
}

soi_utf8_status soi_utf8_check(const char *s, apr_size_t n, apr_size_t *chars, apr_uint32_t *bad)
{
    return utf8_scan(s, n, 1, chars, bad);
}

int soi_utf8_valid(const char *s, apr_size_t n, apr_uint32_t *bad)
{
    apr_size_t chars;
    return utf8_scan(s, n, 0, &chars, bad) == SOI_UTF8_OK;
}

const char *soi_utf8_bad_hex(apr_pool_t *pool, const char *s, apr_size_t n)
{
    apr_uint32_t bad = 0;
    return soi_utf8_valid(s, n, &bad) ? "" : apr_psprintf(pool, "%X", (unsigned)bad);
}

int soi_ascii_ieq(const char *s, apr_size_t n, const char *lit)
{
    apr_size_t i;
    for (i = 0; i < n; i++) {
        if (lit[i] == '\0' || apr_tolower((unsigned char)s[i]) != apr_tolower((unsigned char)lit[i]))
            return 0;
    }
    return lit[i] == '\0';
}

int soi_parse_int(const char *s, apr_size_t n, apr_int64_t min, apr_int64_t max, apr_int64_t *out)
{
    /* The one sign rule, alike for JSON numbers, XML element text, form
     * values, JSON Patch "test" values and directive values: an optional '-'
     * and then digits. '+' is refused everywhere, as JSON cannot have it. */
    int neg = n > 0 && s[0] == '-';
    apr_size_t i = neg ? 1 : 0;
    apr_uint64_t v = 0;
    /* The largest magnitude an apr_int64_t can take with this sign. */
    const apr_uint64_t limit = neg ? (apr_uint64_t)APR_INT64_MAX + 1 : (apr_uint64_t)APR_INT64_MAX;

    if (i == n)
        return 0;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        apr_uint64_t d = (apr_uint64_t)(s[i] - '0');
        /* Checked before it happens: v * 10 + d must not pass the limit
         * (and so can never wrap modulo 2^64). */
        if (v > (limit - d) / 10)
            return 0;
        v = v * 10 + d;
    }
    apr_int64_t r;
    if (!neg)
        r = (apr_int64_t)v;
    else if (v == (apr_uint64_t)APR_INT64_MAX + 1)
        r = APR_INT64_MIN;
    else
        r = -(apr_int64_t)v;
    if (r < min || r > max)
        return 0;
    *out = r;
    return 1;
}

int soi_list_next(const char *s, apr_size_t n, char sep, apr_size_t *at, apr_size_t *from, apr_size_t *to)
{
    if (*at > n)
        return 0;
    const char *end = memchr(s + *at, sep, n - *at);
    apr_size_t stop = end ? (apr_size_t)(end - s) : n, start = *at;
    *at = stop + 1;
    while (start < stop && (s[start] == ' ' || s[start] == '\t'))
        start++;
    while (stop > start && (s[stop - 1] == ' ' || s[stop - 1] == '\t'))
        stop--;
    *from = start;
    *to = stop;
    return 1;
}

void soi_trim(const char **s, apr_size_t *n)
{
    const char *p = *s;
    apr_size_t len = *n;
    while (len > 0 && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) {
        p++;
        len--;
    }
    while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\r' || p[len - 1] == '\n'))
        len--;
    *s = p;
    *n = len;
}

const char *soi_text_quote(apr_pool_t *pool, const char *s, apr_size_t n, apr_size_t max)
{
    static const char hex[] = "0123456789ABCDEF";
    apr_size_t take = n > max ? max : n;
    char *out = apr_palloc(pool, take * 4 + 4), *o = out;

    for (apr_size_t i = 0; i < take; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            *o++ = (char)c;
        } else {
            *o++ = '\\';
            *o++ = 'x';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    if (take < n) {
        *o++ = '.';
        *o++ = '.';
        *o++ = '.';
    }
    *o = '\0';
    return out;
}
