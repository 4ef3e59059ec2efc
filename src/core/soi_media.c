#include "core/soi_media.h"

#include <apr_lib.h>
#include <apr_strings.h>
#include <string.h>
#include <strings.h>

#include "core/soi_text.h"

/* Every media type, and what it may carry. The form type can be read and
 * never written: a form cannot express the response's nested objects. */
static const struct {
    const char *name;
    soi_format format;
    unsigned uses;
} soi_media_table[SOI_MT_COUNT] = {
    [SOI_MT_NONE] = {"", SOI_FORMAT_JSON, 0},
    [SOI_MT_JSON] = {"application/json", SOI_FORMAT_JSON, SOI_MEDIA_ENTITY | SOI_MEDIA_REPLY},
    [SOI_MT_TEXT_JSON] = {"text/json", SOI_FORMAT_JSON, SOI_MEDIA_ENTITY | SOI_MEDIA_REPLY},
    [SOI_MT_XML] = {"application/xml", SOI_FORMAT_XML, SOI_MEDIA_ENTITY | SOI_MEDIA_REPLY},
    [SOI_MT_TEXT_XML] = {"text/xml", SOI_FORMAT_XML, SOI_MEDIA_ENTITY | SOI_MEDIA_REPLY},
    [SOI_MT_FORM] = {"application/x-www-form-urlencoded", SOI_FORMAT_JSON, SOI_MEDIA_ENTITY},
    [SOI_MT_JSON_PATCH] = {"application/json-patch+json", SOI_FORMAT_JSON, SOI_MEDIA_PATCH | SOI_MEDIA_REPLY},
    [SOI_MT_MERGE_PATCH] = {"application/merge-patch+json", SOI_FORMAT_JSON, SOI_MEDIA_PATCH | SOI_MEDIA_REPLY},
    [SOI_MT_PNG] = {"image/png", SOI_FORMAT_JSON, SOI_MEDIA_IMAGE},
    [SOI_MT_JPEG] = {"image/jpeg", SOI_FORMAT_JSON, SOI_MEDIA_IMAGE},
    [SOI_MT_GIF] = {"image/gif", SOI_FORMAT_JSON, SOI_MEDIA_IMAGE},
    [SOI_MT_TIFF] = {"image/tiff", SOI_FORMAT_JSON, SOI_MEDIA_IMAGE},
    [SOI_MT_MULTIPART] = {"multipart/form-data", SOI_FORMAT_JSON, SOI_MEDIA_IMAGE_FORM},
    [SOI_MT_OCTET] = {"application/octet-stream", SOI_FORMAT_JSON, 0},
};

/* The first bytes of each picture type (ISO/IEC 15948, JFIF/EXIF's SOI
 * marker, GIF87a/GIF89a, TIFF's two byte orders). */
static const struct {
    soi_media type;
    const char *magic;
    apr_size_t len;
} soi_signatures[] = {
    {SOI_MT_PNG, "\x89PNG\r\n\x1a\n", 8},
    {SOI_MT_JPEG, "\xff\xd8\xff", 3},
    {SOI_MT_GIF, "GIF87a", 6},
    {SOI_MT_GIF, "GIF89a", 6},
    {SOI_MT_TIFF, "II*\0", 4},
    {SOI_MT_TIFF, "MM\0*", 4},
};

soi_media soi_media_sniff(const char *data, apr_size_t len)
{
    for (apr_size_t i = 0; i < sizeof(soi_signatures) / sizeof(soi_signatures[0]); i++) {
        if (len >= soi_signatures[i].len && memcmp(data, soi_signatures[i].magic, soi_signatures[i].len) == 0)
            return soi_signatures[i].type;
    }
    return SOI_MT_NONE;
}

const char *soi_media_name(soi_media mt)
{
    return mt > SOI_MT_NONE && mt < SOI_MT_COUNT ? soi_media_table[mt].name : "";
}

soi_format soi_media_format(soi_media mt)
{
    return mt > SOI_MT_NONE && mt < SOI_MT_COUNT ? soi_media_table[mt].format : SOI_FORMAT_JSON;
}

unsigned soi_media_uses(soi_media mt)
{
    return mt > SOI_MT_NONE && mt < SOI_MT_COUNT ? soi_media_table[mt].uses : 0;
}

const char *soi_media_list(apr_pool_t *pool, unsigned uses)
{
    const char *names[SOI_MT_COUNT];
    int n = 0;
    for (int i = SOI_MT_NONE + 1; i < SOI_MT_COUNT; i++) {
        if (soi_media_table[i].uses & uses)
            names[n++] = soi_media_table[i].name;
    }
    const char *out = n ? names[0] : "";
    for (int i = 1; i < n; i++)
        out = apr_pstrcat(pool, out, i == n - 1 ? " or " : ", ", names[i], NULL);
    return out;
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
        if (soi_ascii_ieq(type, tlen, soi_media_table[i].name))
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
            return soi_err(pool, SOI_MSG_CHARSET, soi_text_quote(pool, val, vlen, 40), NULL);
    }
    return NULL;

malformed:
    return soi_err(pool, SOI_MSG_CONTENT_TYPE_MALFORMED, soi_text_quote(pool, value, strlen(value), 80), NULL);
}

/* A qvalue: "1", "0.5", ".2" (as some clients send), at most three decimals,
 * in thousandths. -1 when it is not one. */
static int qvalue(const char *s, apr_size_t n)
{
    int q = 0, scale = 1000;
    apr_size_t i = 0;

    if (i < n && (s[i] == '0' || s[i] == '1'))
        q = (s[i++] - '0') * 1000;
    if (i < n && s[i] == '.') {
        for (i++; i < n && scale > 1 && s[i] >= '0' && s[i] <= '9'; i++) {
            scale /= 10;
            q += (s[i] - '0') * scale;
        }
    }
    return i == n && n > 0 && q <= 1000 ? q : -1;
}

typedef struct {
    const char *type;
    apr_size_t tlen; /* "application" */
    const char *sub;
    apr_size_t slen; /* "json"; "*" for a wildcard */
    int q;           /* thousandths */
} soi_range;

/* Reads one element of Accept; 0 when it cannot be read. */
static int read_range(const char *p, const char *end, soi_range *r)
{
    const char *slash;
    apr_size_t len;

    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    r->type = p;
    while (p < end && is_tchar((unsigned char)*p))
        p++;
    r->tlen = (apr_size_t)(p - r->type);
    if (r->tlen == 1 && r->type[0] == '*' && (p == end || *p != '/')) {
        /* A bare "*" (older Java clients) means any type. */
        r->sub = "*";
        r->slen = 1;
    } else {
        if (r->tlen == 0 || p == end || *p != '/')
            return 0;
        slash = ++p;
        while (p < end && is_tchar((unsigned char)*p))
            p++;
        r->sub = slash;
        r->slen = (apr_size_t)(p - slash);
        if (r->slen == 0 || (r->tlen == 1 && r->type[0] == '*' && !(r->slen == 1 && r->sub[0] == '*')))
            return 0; /* "*\/json" means nothing */
    }
    r->q = 1000;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (p == end)
            return 1;
        if (*p++ != ';')
            return 0;
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        const char *name = p;
        while (p < end && is_tchar((unsigned char)*p))
            p++;
        apr_size_t nlen = (apr_size_t)(p - name);
        if (p == end || *p != '=')
            return nlen == 0 && p == end; /* a stray trailing ";" */
        const char *val = ++p;
        if (p < end && *p == '"') {
            for (p++; p < end && *p != '"'; p++)
                if (*p == '\\' && p + 1 < end)
                    p++;
            if (p == end)
                return 0;
            p++;
        } else {
            while (p < end && is_tchar((unsigned char)*p))
                p++;
        }
        len = (apr_size_t)(p - val);
        if (soi_ascii_ieq(name, nlen, "q") && (r->q = qvalue(val, len)) < 0)
            return 0;
    }
}

soi_error *soi_media_negotiate(apr_pool_t *pool, const char *accept, soi_media *out)
{
    int best_q = 0;

    *out = SOI_MT_JSON;
    if (!accept)
        return NULL;
    *out = SOI_MT_NONE;
    int readable = 0;
    for (int c = SOI_MT_NONE + 1; c < SOI_MT_COUNT; c++) {
        const char *name = soi_media_table[c].name, *cslash = strchr(name, '/');
        if (!(soi_media_table[c].uses & SOI_MEDIA_REPLY))
            continue;
        int specificity = -1, q = 0;
        for (const char *p = accept; *p;) {
            const char *end = p + strcspn(p, ",");
            soi_range r;
            if (read_range(p, end, &r)) {
                readable = 1;
                int spec = -1;
                if (r.tlen == 1 && r.type[0] == '*')
                    spec = 0;
                else if (r.tlen == (apr_size_t)(cslash - name) && strncasecmp(r.type, name, r.tlen) == 0)
                    spec = r.slen == 1 && r.sub[0] == '*' ? 1 : soi_ascii_ieq(r.sub, r.slen, cslash + 1) ? 2 : -1;
                /* The most specific range that matches decides. */
                if (spec > specificity) {
                    specificity = spec;
                    q = r.q;
                }
            }
            p = *end ? end + 1 : end;
        }
        if (q > best_q) {
            best_q = q;
            *out = (soi_media)c;
        }
    }
    if (*out != SOI_MT_NONE)
        return NULL;
    if (!readable) {
        *out = SOI_MT_JSON; /* nothing in it could be read: as if absent */
        return NULL;
    }
    *out = SOI_MT_JSON; /* the 406 itself is written as JSON */
    return soi_err(pool, SOI_MSG_NOT_ACCEPTABLE, soi_text_quote(pool, accept, strlen(accept), 120),
                   soi_media_list(pool, SOI_MEDIA_REPLY), NULL);
}
