#include "core/soi_precondition.h"

#include <apr_date.h>
#include <string.h>
#include <strings.h>

#include "core/soi_text.h"
#include "core/soi_time.h"

int soi_conditions_guard_write(const soi_conditions *c)
{
    return c->if_match || c->if_none_match || c->if_unmodified_since;
}

typedef enum { TAGS_NONE, TAGS_MATCH, TAGS_MALFORMED } soi_tags;

/* Does the list ("*", or entity-tags separated by commas) match the current
 * tag? Strong comparison (If-Match) ignores weak tags; weak comparison
 * (If-None-Match) ignores the W/ prefix. "*" matches whenever a picture is
 * stored. */
static soi_tags match_list(const char *list, const char *etag, int weak)
{
    const char *p = list;
    soi_tags result = TAGS_NONE;
    apr_size_t elen = etag ? strlen(etag) : 0;

    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (*p == '\0')
            return result;
        if (*p == '*') {
            p++;
            if (etag)
                result = TAGS_MATCH;
        } else {
            int is_weak = 0;
            if (p[0] == 'W' && p[1] == '/') {
                is_weak = 1;
                p += 2;
            }
            if (*p != '"')
                return TAGS_MALFORMED;
            /* etagc (RFC 9110 8.8.3): no space, tab, control or DEL. */
            const char *end = p + 1;
            while (*end != '"' && ((unsigned char)*end > 0x20 && *end != 0x7f))
                end++;
            if (*end != '"')
                return TAGS_MALFORMED;
            apr_size_t n = (apr_size_t)(end - p + 1);
            if (etag && (weak || !is_weak) && n == elen && memcmp(p, etag, n) == 0)
                result = TAGS_MATCH;
            p = end + 1;
        }
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != ',' && *p != '\0')
            return TAGS_MALFORMED;
    }
}

/* Is value the epoch in one of the three HTTP-date forms? apr_date_parse_http
 * answers APR_DATE_BAD (0) for it, the same as for a header it cannot read. */
static int http_epoch(const char *value)
{
    const char *rfc850 = strchr(value, ',');
    while (*value == ' ' || *value == '\t')
        value++;
    return apr_date_checkmask(value, "@$$, 01 Jan 1970 00:00:00 GMT")
           || apr_date_checkmask(value, "@$$ Jan  1 00:00:00 1970")
           || (rfc850 && apr_date_checkmask(rfc850, ", 01-Jan-70 00:00:00 GMT"));
}

/* An HTTP-date in whole seconds, or -1 when the header is not one (such a
 * header is ignored, as RFC 9110 says). */
static apr_int64_t http_seconds(const char *value)
{
    apr_time_t t = value ? apr_date_parse_http(value) : APR_DATE_BAD;
    if (t == APR_DATE_BAD)
        return value && http_epoch(value) ? 0 : -1;
    return apr_time_sec(t);
}

static int malformed(apr_pool_t *pool, const char *header, const char *value, soi_error **err)
{
    *err = soi_err(pool, SOI_MSG_BAD_ETAG_LIST, header, soi_text_quote(pool, value, strlen(value), 80), NULL);
    return 400;
}

int soi_precondition(apr_pool_t *pool, const soi_conditions *c, int read, const char *etag, apr_time_t last_modified,
                     soi_error **err)
{
    /* The second Last-Modified names, so that a date compares as sent. */
    apr_int64_t lm = last_modified ? soi_time_sec(last_modified) : -1, since;
    *err = NULL;

    /* 1. If-Match, else If-Unmodified-Since. */
    if (c->if_match) {
        soi_tags t = match_list(c->if_match, etag, 0);
        if (t == TAGS_MALFORMED)
            return malformed(pool, "If-Match", c->if_match, err);
        if (t != TAGS_MATCH)
            goto failed;
    } else if ((since = http_seconds(c->if_unmodified_since)) >= 0 && lm >= 0 && lm > since) {
        goto failed;
    }
    /* 2. If-None-Match, else (reads only) If-Modified-Since. */
    if (c->if_none_match) {
        soi_tags t = match_list(c->if_none_match, etag, 1);
        if (t == TAGS_MALFORMED)
            return malformed(pool, "If-None-Match", c->if_none_match, err);
        if (t == TAGS_MATCH) {
            if (read)
                return 304;
            goto failed;
        }
    } else if (read && (since = http_seconds(c->if_modified_since)) >= 0 && lm >= 0 && lm <= since) {
        return 304;
    }
    return 0;

failed:
    *err = soi_err(pool, SOI_MSG_PRECONDITION, NULL);
    return 412;
}

int soi_range_satisfiable(const char *range, apr_off_t length)
{
    const char *p = range;
    int any = 0, specs = 0;

    while (*p == ' ' || *p == '\t')
        p++;
    if (strncasecmp(p, "bytes=", 6) != 0)
        return 1; /* another unit: ignored */
    p += 6;
    for (;;) {
        apr_int64_t first = -1, last = -1;
        const char *start;
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (!*p)
            break;
        start = p;
        while (*p >= '0' && *p <= '9')
            p++;
        if (p > start && !soi_parse_int(start, (apr_size_t)(p - start), 0, APR_INT64_MAX, &first))
            return 1;
        if (*p++ != '-')
            return 1;
        start = p;
        while (*p >= '0' && *p <= '9')
            p++;
        if (p > start && !soi_parse_int(start, (apr_size_t)(p - start), 0, APR_INT64_MAX, &last))
            return 1;
        if (first < 0 && last < 0)
            return 1; /* "-" alone */
        if (first >= 0 && last >= 0 && last < first)
            return 1; /* invalid: the whole header is ignored */
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p && *p != ',')
            return 1;
        /* first-pos within the bytes, or a suffix of at least one byte. */
        if ((first >= 0 && first < length) || (first < 0 && last > 0 && length > 0))
            any = 1;
        specs++;
    }
    return any || specs == 0;
}
