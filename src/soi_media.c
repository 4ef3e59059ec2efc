#include "soi_media.h"

#include <apr_lib.h>
#include <string.h>

#include "soi_text.h"

static const char *const soi_media_names[SOI_MT_COUNT] = {
    "",
    "application/json",
    "text/json",
    "application/xml",
    "text/xml",
    "application/x-www-form-urlencoded",
    "application/json-patch+json",
    "application/merge-patch+json",
};

const char *soi_media_name(soi_media mt)
{
    return mt > SOI_MT_NONE && mt < SOI_MT_COUNT ? soi_media_names[mt] : "";
}

/* RFC 9110 token characters. */
static int is_tchar(unsigned char c)
{
    return apr_isalnum(c) || (c && strchr("!#$%&'*+-.^_`|~", c));
}

static void skip_ows(const char **p)
{
    while (**p == ' ' || **p == '\t')
        (*p)++;
}

static apr_size_t token(const char **p)
{
    const char *s = *p;
    while (is_tchar((unsigned char)**p))
        (*p)++;
    return (apr_size_t)(*p - s);
}

soi_error *soi_media_parse_content_type(apr_pool_t *pool, const char *value, soi_media *out)
{
    const char *p = value, *type;
    apr_size_t tlen;

    skip_ows(&p);
    type = p;
    if (!token(&p) || *p != '/')
        goto malformed;
    p++;
    if (!token(&p))
        goto malformed;
    tlen = (apr_size_t)(p - type);

    *out = SOI_MT_NONE;
    for (int i = SOI_MT_NONE + 1; i < SOI_MT_COUNT; i++) {
        if (soi_ascii_ieq(type, tlen, soi_media_names[i]))
            *out = (soi_media)i;
    }

    /* Parameters: ; name=token or ; name="quoted" */
    for (;;) {
        skip_ows(&p);
        if (*p == '\0')
            break;
        if (*p != ';')
            goto malformed;
        p++;
        skip_ows(&p);
        if (*p == '\0')
            break;
        const char *name = p, *val;
        apr_size_t nlen = token(&p), vlen;
        if (!nlen || *p != '=')
            goto malformed;
        p++;
        if (*p == '"') {
            val = ++p;
            while (*p && *p != '"') {
                if (*p == '\\' && p[1])
                    p++;
                p++;
            }
            if (*p != '"')
                goto malformed;
            vlen = (apr_size_t)(p - val);
            p++;
        } else {
            val = p;
            vlen = token(&p);
            if (!vlen)
                goto malformed;
        }
        if (soi_ascii_ieq(name, nlen, "charset") && !soi_ascii_ieq(val, vlen, "utf-8"))
            return soi_error_make(pool, 415,
                                  "The charset \"%s\" is not accepted: send the body as UTF-8 (charset=utf-8, "
                                  "or no charset).",
                                  soi_text_quote(pool, val, vlen, 40));
    }
    return NULL;

malformed:
    return soi_error_make(pool, 400, "The Content-Type header \"%s\" is not a media type such as application/json.",
                          soi_text_quote(pool, value, strlen(value), 80));
}
