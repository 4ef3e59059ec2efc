#include "core/soi_cookie.h"

#include <apr_strings.h>
#include <string.h>

#include "core/soi_text.h"

int soi_cookie_octet(unsigned char c)
{
    /* %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E */
    return c >= 0x21 && c <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
}

/* The value of a pair, v[0..n) after its '=', stripped of a DQUOTE pair:
 * 1 with *out and *len set if it is a cookie-value, 0 if not. */
static int cookie_value(const char *v, apr_size_t n, const char **out, apr_size_t *len)
{
    if (n > 0 && v[0] == '"') {
        if (n < 2 || v[n - 1] != '"')
            return 0;
        v++;
        n -= 2;
    }
    for (apr_size_t i = 0; i < n; i++) {
        if (!soi_cookie_octet((unsigned char)v[i]))
            return 0;
    }
    *out = v;
    *len = n;
    return 1;
}

apr_array_header_t *soi_cookie_values(apr_pool_t *pool, const char *header, const char *name)
{
    apr_array_header_t *values = apr_array_make(pool, 1, sizeof(const char *));
    apr_size_t name_len = name ? strlen(name) : 0;

    if (!header || name_len == 0)
        return values;
    /* Never past the NUL, and one byte past the limit at most: a header
     * that goes on after the limit loses the pair the limit cuts, unless a
     * ';' follows it there. */
    apr_size_t end = strnlen(header, SOI_COOKIE_MAX);
    if (end == SOI_COOKIE_MAX && header[end] != '\0' && header[end] != ';') {
        while (end > 0 && header[end - 1] != ';')
            end--;
    }

    for (apr_size_t at = 0, from, stop; soi_list_next(header, end, ';', &at, &from, &stop);) {
        const char *pair = header + from, *eq = memchr(pair, '=', stop - from);
        if (!eq || eq == pair)
            continue; /* no '=', or an empty name */
        if ((apr_size_t)(eq - pair) != name_len || memcmp(pair, name, name_len) != 0)
            continue;
        const char *value;
        apr_size_t len;
        if (cookie_value(eq + 1, (apr_size_t)(header + stop - (eq + 1)), &value, &len))
            APR_ARRAY_PUSH(values, const char *) = apr_pstrmemdup(pool, value, len);
    }
    return values;
}
