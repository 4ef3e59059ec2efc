#include "core/soi_credentials.h"

#include <apr_base64.h>
#include <apr_lib.h>
#include <apr_strings.h>
#include <string.h>

#include "core/soi_text.h"

void soi_credentials_split(const char *header, const char **scheme, apr_size_t *len, const char **rest)
{
    const char *p = header;

    while (*p == ' ' || *p == '\t')
        p++;
    *scheme = p;
    *len = strcspn(p, " \t");
    p += *len;
    while (*p == ' ' || *p == '\t')
        p++;
    *rest = p;
}

/* apr_base64_decode skips what it does not understand; credentials must be
 * exactly base64 (RFC 4648 alphabet, padded) or they are refused. */
static int strict_base64(const char *s, apr_size_t n)
{
    apr_size_t pad = 0;
    if (n == 0 || n % 4 != 0)
        return 0;
    while (pad < 2 && s[n - 1 - pad] == '=')
        pad++;
    for (apr_size_t i = 0; i < n - pad; i++) {
        if (!apr_isalnum(s[i]) && s[i] != '+' && s[i] != '/')
            return 0;
    }
    return 1;
}

int soi_credentials_basic(apr_pool_t *pool, const char *b64, const char **user, const char **password)
{
    apr_size_t n = strlen(b64);
    while (n > 0 && (b64[n - 1] == ' ' || b64[n - 1] == '\t'))
        n--;
    if (!strict_base64(b64, n))
        return 0;

    const char *in = apr_pstrmemdup(pool, b64, n);
    char *plain = apr_palloc(pool, (apr_size_t)apr_base64_decode_len(in) + 1);
    int len = apr_base64_decode(plain, in);
    apr_size_t chars;
    apr_uint32_t bad;

    /* Every byte must be accounted for: a NUL would cut the strings short. */
    if (len <= 0 || memchr(plain, '\0', (apr_size_t)len))
        return 0;
    plain[len] = '\0';
    if (soi_utf8_check(plain, (apr_size_t)len, &chars, &bad) == SOI_UTF8_INVALID)
        return 0;
    char *colon = strchr(plain, ':');
    if (!colon || colon == plain)
        return 0;
    for (const char *c = plain; c < colon; c++) {
        if ((unsigned char)*c < 0x20 || *c == 0x7F)
            return 0;
    }
    *colon = '\0';
    *user = plain;
    *password = colon + 1;
    return 1;
}
