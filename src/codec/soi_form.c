#include "codec/soi_form.h"

#include <apr_hash.h>
#include <apr_lib.h>
#include <apr_strings.h>
#include <stdlib.h>
#include <string.h>

#include "core/soi_buf.h"
#include "core/soi_text.h"

typedef struct {
    apr_pool_t *pool;
    soi_change *change;
    soi_buf pending;  /* the pair being read, up to its '&' */
    apr_hash_t *seen; /* lower-cased names met so far */
} soi_form_dec;

/* Percent-decoding, '+' as space, in place. Returns the new length, or -1
 * for a malformed escape. */
static apr_ssize_t form_unescape(char *s, apr_size_t n)
{
    apr_size_t o = 0;
    for (apr_size_t i = 0; i < n; i++) {
        if (s[i] == '+') {
            s[o++] = ' ';
        } else if (s[i] == '%') {
            if (i + 2 >= n || !apr_isxdigit(s[i + 1]) || !apr_isxdigit(s[i + 2]))
                return -1;
            char hex[3] = {s[i + 1], s[i + 2], 0};
            s[o++] = (char)strtol(hex, NULL, 16);
            i += 2;
        } else {
            s[o++] = s[i];
        }
    }
    return (apr_ssize_t)o;
}

static soi_error *form_pair(soi_form_dec *d, const char *pair, apr_size_t n)
{
    if (n == 0)
        return NULL; /* "a=1&&b=2" */
    char *name = apr_pstrmemdup(d->pool, pair, n);
    char *eq = memchr(name, '=', n);
    char *value = eq ? eq + 1 : name + n;
    apr_size_t nlen = eq ? (apr_size_t)(eq - name) : n, vlen = eq ? n - nlen - 1 : 0;
    apr_ssize_t dn = form_unescape(name, nlen), dv = form_unescape(value, vlen);

    if (dn < 0 || dv < 0)
        return soi_err(d->pool, SOI_MSG_FORM_ESCAPE, soi_text_quote(d->pool, pair, n, 60), NULL);
    name[dn] = '\0';
    value[dv] = '\0';
    /* A form is text, as JSON and XML bodies are: a name or a value that is
     * not UTF-8 is refused even where it would be ignored. The values of
     * properties are left to soi_check_text, which names the property. */
    apr_uint32_t bad;
    if (!soi_utf8_valid(name, (apr_size_t)dn, &bad))
        return soi_err(d->pool, SOI_MSG_NAME_UTF8, soi_utf8_bad_hex(d->pool, name, (apr_size_t)dn), NULL);

    char *lower = apr_pstrmemdup(d->pool, name, (apr_size_t)dn);
    for (char *c = lower; *c; c++)
        *c = (char)apr_tolower(*c);
    if (apr_hash_get(d->seen, lower, dn))
        return soi_err(d->pool, SOI_MSG_FORM_TWICE, soi_text_quote(d->pool, name, (apr_size_t)dn, 60), NULL);
    apr_hash_set(d->seen, lower, dn, "");

    int xsrf = soi_ascii_ieq(name, (apr_size_t)dn, "XSRF_TOKEN");
    const soi_field *f = xsrf ? NULL : soi_field_find(name, (apr_size_t)dn);
    if (!f && !soi_utf8_valid(value, (apr_size_t)dv, &bad))
        return soi_err(d->pool, SOI_MSG_INSIDE_UTF8,
                       apr_pstrcat(d->pool, "\"", soi_text_quote(d->pool, name, (apr_size_t)dn, 60), "\"", NULL),
                       soi_utf8_bad_hex(d->pool, value, (apr_size_t)dv), NULL);
    if (xsrf) {
        if (memchr(value, '\0', (apr_size_t)dv))
            return soi_err(d->pool, SOI_MSG_FORM_XSRF_NUL, NULL);
        d->change->xsrf_token = value;
        return NULL;
    }
    if (!f)
        return NULL; /* unknown fields are ignored, as in JSON */
    return soi_entity_assign(&d->change->entity, f, SOI_IN_TEXT, value, (apr_size_t)dv, d->pool);
}

static soi_error *form_feed(void *ctx, const char *data, apr_size_t len)
{
    soi_form_dec *d = ctx;
    const char *end = data + len;

    while (data < end) {
        const char *amp = memchr(data, '&', (apr_size_t)(end - data));
        if (!amp) {
            soi_buf_add(&d->pending, data, (apr_size_t)(end - data));
            return NULL;
        }
        soi_error *err;
        if (d->pending.len) {
            soi_buf_add(&d->pending, data, (apr_size_t)(amp - data));
            err = form_pair(d, d->pending.data, d->pending.len);
            d->pending.len = 0;
        } else {
            err = form_pair(d, data, (apr_size_t)(amp - data));
        }
        if (err)
            return err;
        data = amp + 1;
    }
    return NULL;
}

static soi_error *form_finish(void *ctx)
{
    soi_form_dec *d = ctx;
    soi_error *err = form_pair(d, d->pending.data, d->pending.len);
    d->pending.len = 0;
    return err;
}

soi_sink soi_form_decoder(apr_pool_t *pool, soi_change *into)
{
    soi_form_dec *d = apr_pcalloc(pool, sizeof(*d));
    soi_sink dec = {d, form_feed, form_finish};
    d->pool = pool;
    d->change = into;
    into->kind = SOI_CHANGE_REPLACE;
    soi_buf_init(&d->pending, pool, 256);
    d->seen = apr_hash_make(pool);
    return dec;
}
