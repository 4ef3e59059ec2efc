/* The Cookie header (soi_cookie_values). The selector byte picks the cookie
 * name (bits 0-2: one of `names`, or with 7 the input's first line is the
 * name and the rest the header) and, with bit 3, puts the header behind a
 * filler pair so that the read limit SOI_COOKIE_MAX falls (bits 4-7) x 4
 * bytes into it. The header is cut at its first NUL, as httpd's would be,
 * and lies in a heap block of exactly its size with that NUL.
 *
 * Checked: every value is a substring of what was read, holds only
 * cookie-octets (so no ';', no DQUOTE, no space, nothing outside US-ASCII),
 * and the values are exactly those a second, plainer reading finds. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* memmem; APR's flags usually define it already */
#endif
#include "harness.h"
#include <apr_strings.h>
#include "core/soi_cookie.h"

static const char *const names[] = {"SOTICKET", "XSRF-TOKEN", "a", "SO", "", "A", "x y"};

/* The plain reading: the part read (cut where SOI_COOKIE_MAX says), split
 * at every ';' with strsep, each piece trimmed of spaces and tabs, the name
 * up to the first '=', DQUOTEs taken off when there are two. */
static apr_array_header_t *reference(apr_pool_t *p, const char *header, const char *name)
{
    apr_array_header_t *out = apr_array_make(p, 1, sizeof(const char *));
    size_t len = strlen(header);

    if (len > SOI_COOKIE_MAX) {
        len = SOI_COOKIE_MAX;
        if (header[len] != ';') {
            const char *last = NULL;
            for (size_t i = 0; i < len; i++)
                if (header[i] == ';')
                    last = header + i;
            len = last ? (size_t)(last - header) : 0;
        }
    }
    char *copy = apr_pstrmemdup(p, header, len), *piece;
    while (*name && (piece = strsep(&copy, ";")) != NULL) {
        char *end = piece + strlen(piece);
        while (*piece == ' ' || *piece == '\t')
            piece++;
        while (end > piece && (end[-1] == ' ' || end[-1] == '\t'))
            *--end = '\0';
        char *eq = strchr(piece, '=');
        if (!eq || eq == piece)
            continue;
        *eq = '\0';
        if (strcmp(piece, name) != 0)
            continue;
        char *v = eq + 1;
        size_t n = strlen(v);
        if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
            v[n - 1] = '\0';
            v++;
        }
        int good = 1;
        for (const char *c = v; *c; c++)
            good &= soi_cookie_octet((unsigned char)*c);
        if (good)
            APR_ARRAY_PUSH(out, const char *) = v;
    }
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    apr_pool_t *p = fuzz_pool();
    unsigned sel = data[0];
    const char *in = (const char *)data + 1;
    size_t n = size - 1;
    const char *name;

    if ((sel & 7) < 7) {
        name = names[sel & 7];
    } else {
        const char *nl = memchr(in, '\n', n);
        size_t k = nl ? (size_t)(nl - in) : n;
        name = apr_pstrmemdup(p, in, k);
        in += nl ? k + 1 : k;
        n -= nl ? k + 1 : k;
    }
    size_t filler = (sel & 8) ? SOI_COOKIE_MAX - 4 * (sel >> 4) : 0;
    char *header = malloc(filler + n + 1);
    if (!header)
        abort();
    if (filler) {
        memset(header, 'x', filler);
        memcpy(header, "f=", 2);
        memcpy(header + filler - 2, "; ", 2);
    }
    memcpy(header + filler, in, n);
    header[filler + n] = '\0';

    size_t len = strlen(header), read = len < SOI_COOKIE_MAX ? len : SOI_COOKIE_MAX;
    apr_array_header_t *got = soi_cookie_values(p, header, name);
    apr_array_header_t *want = reference(p, header, name);
    FUZZ_CHECK(got->nelts == want->nelts, "%d values of \"%s\", the plain reading finds %d", got->nelts, name,
               want->nelts);
    for (int i = 0; i < got->nelts; i++) {
        const char *v = APR_ARRAY_IDX(got, i, const char *), *w = APR_ARRAY_IDX(want, i, const char *);
        size_t vn = strlen(v);
        FUZZ_CHECK(strcmp(v, w) == 0, "value %d is \"%s\", the plain reading says \"%s\"", i, v, w);
        FUZZ_CHECK(vn <= read && (vn == 0 || memmem(header, read, v, vn)), "value %d \"%s\" is not in the input", i, v);
        FUZZ_CHECK(!strchr(v, ';'), "value %d \"%s\" holds a ';'", i, v);
        FUZZ_CHECK(vn == 0 || (v[0] != '"' && v[vn - 1] != '"'), "value %d \"%s\" keeps a DQUOTE", i, v);
        for (size_t k = 0; k < vn; k++)
            FUZZ_CHECK(soi_cookie_octet((unsigned char)v[k]), "value %d \"%s\" holds the byte 0x%02X", i, v,
                       (unsigned char)v[k]);
    }
    free(header);
    apr_pool_destroy(p);
    return 0;
}
