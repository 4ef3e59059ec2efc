#include "codec/soi_multipart.h"

#include <apr_lib.h>
#include <apr_strings.h>
#include <string.h>

#include "core/soi_text.h"

/* RFC 9110 token characters. */
static int is_tchar(unsigned char c)
{
    return apr_isalnum(c) || (c && strchr("!#$%&'*+-.^_`|~", c));
}

static int is_ows(char c)
{
    return c == ' ' || c == '\t';
}

/* RFC 2046 bchars: bcharsnospace and the space. */
static int is_bchar(unsigned char c)
{
    return apr_isalnum(c) || (c && strchr("'()+_,-./:=? ", c));
}

/* ---- the Content-Type's boundary ----------------------------------------- */

static const char *skip_ows(const char *p)
{
    while (is_ows(*p))
        p++;
    return p;
}

static const char *skip_token(const char *p)
{
    while (is_tchar((unsigned char)*p))
        p++;
    return p;
}

soi_error *soi_multipart_boundary(apr_pool_t *pool, const char *content_type, const char **boundary)
{
    const char *v = content_type ? content_type : "", *p = skip_ows(v), *type = p, *found = NULL;
    apr_size_t found_len = 0;

    p = skip_token(p);
    if (p == type || *p != '/')
        goto malformed;
    const char *sub = ++p;
    p = skip_token(p);
    if (p == sub)
        goto malformed;
    if (!soi_ascii_ieq(type, (apr_size_t)(p - type), "multipart/form-data"))
        return soi_err(pool, SOI_MSG_MULTIPART_TYPE, soi_text_quote(pool, type, (apr_size_t)(p - type), 80), NULL);

    /* Parameters: ; name=value, the value a quoted-string or a run of bytes. */
    for (;;) {
        p = skip_ows(p);
        if (*p == '\0')
            break;
        if (*p != ';')
            goto malformed;
        p = skip_ows(p + 1);
        if (*p == '\0')
            break;
        const char *name = p;
        p = skip_token(p);
        apr_size_t nlen = (apr_size_t)(p - name);
        if (!nlen || *p != '=')
            goto malformed;
        p++;
        int is_boundary = soi_ascii_ieq(name, nlen, "boundary");
        char *val = NULL;
        apr_size_t vlen = 0;
        if (*p == '"') {
            const char *q = ++p;
            while (*p && *p != '"')
                p += p[0] == '\\' && p[1] ? 2 : 1;
            if (*p != '"')
                goto malformed;
            if (is_boundary) { /* without its quoted-pair backslashes */
                val = apr_palloc(pool, (apr_size_t)(p - q) + 1);
                for (; q < p; q++)
                    val[vlen++] = *q == '\\' ? *++q : *q;
                val[vlen] = '\0';
            }
            p++;
        } else {
            const char *q = p;
            while (*p && *p != ';' && !is_ows(*p))
                p++;
            if (is_boundary) {
                vlen = (apr_size_t)(p - q);
                val = apr_pstrmemdup(pool, q, vlen);
            }
        }
        if (is_boundary) {
            if (found)
                return soi_err(pool, SOI_MSG_MULTIPART_BOUNDARY_TWICE, NULL);
            found = val;
            found_len = vlen;
        }
    }

    if (!found)
        return soi_err(pool, SOI_MSG_MULTIPART_NO_BOUNDARY, NULL);
    if (found_len == 0)
        return soi_err(pool, SOI_MSG_MULTIPART_BOUNDARY_EMPTY, NULL);
    if (found_len > SOI_MULTIPART_BOUNDARY_MAX)
        return soi_err(pool, SOI_MSG_MULTIPART_BOUNDARY_LONG, soi_num(pool, (apr_int64_t)found_len),
                       soi_num(pool, SOI_MULTIPART_BOUNDARY_MAX), NULL);
    for (apr_size_t i = 0; i < found_len; i++) {
        if (!is_bchar((unsigned char)found[i]))
            return soi_err(pool, SOI_MSG_MULTIPART_BOUNDARY_CHAR,
                           apr_psprintf(pool, "%02X", (unsigned)(unsigned char)found[i]), NULL);
    }
    if (found[found_len - 1] == ' ')
        return soi_err(pool, SOI_MSG_MULTIPART_BOUNDARY_SPACE, NULL);
    *boundary = found;
    return NULL;

malformed:
    return soi_err(pool, SOI_MSG_CONTENT_TYPE_MALFORMED, soi_text_quote(pool, v, strlen(v), 80), NULL);
}
