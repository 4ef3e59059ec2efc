#include "codec/soi_multipart.h"

#include <apr_lib.h>
#include <apr_strings.h>
#include <apr_tables.h>
#include <string.h>

#include "core/soi_buf.h"
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

/* ---- the body ---------------------------------------------------------------- */

typedef struct {
    const char *data;
    apr_size_t len;
} mp_slice;

/* Where the body is: before the first delimiter, in a part's headers, in its
 * content, after the close delimiter. */
typedef enum { MP_PREAMBLE, MP_HEADERS, MP_CONTENT, MP_EPILOGUE } mp_phase;

/* What becomes of the content of the part being read. */
typedef enum {
    MP_SKIP, /* not the chosen part: dropped */
    MP_FEED, /* the chosen part: handed to `into` */
    MP_KEEP  /* the first part, without a filename: kept until the end in case no part has one */
} mp_mode;

/* What has followed a whole "\r\n--" boundary so far. */
typedef enum {
    MP_T_NONE,  /* not a whole delimiter yet */
    MP_T_START, /* nothing */
    MP_T_DASH,  /* "-": a close delimiter if another follows */
    MP_T_PAD,   /* spaces and tabs */
    MP_T_CR     /* CR, after padding or not: a delimiter line if LF follows */
} mp_tail;

typedef struct {
    apr_pool_t *pool;
    soi_sink into;
    const char **type;
    apr_off_t max;
    const char *delim; /* "\r\n--" boundary */
    apr_size_t dlen;
    const char *shown; /* the boundary, quoted for messages */
    soi_error *err;    /* the first error, returned again by every later call */
    mp_phase phase;

    /* The delimiter being matched: the first m bytes of delim are matched,
     * the bytes that matched them held (as slices of what was fed) until we
     * know whether they are a delimiter or content. m may count a CR LF that
     * is not held, as it is no content: the start of the body, or the CR LF
     * of the empty line that ends a part's headers (RFC 2046's delimiter owns
     * the CR LF before it, so a part may end right after its headers). */
    apr_size_t m;
    mp_tail tail;
    apr_size_t pad; /* padding bytes after the delimiter */
    mp_slice *held;
    apr_size_t nheld;

    int part; /* the number of the part being read, from 1 */
    mp_mode mode;
    apr_off_t count; /* content bytes of this part met so far (FEED, KEEP) */

    /* The headers of the part being read. */
    soi_buf line; /* the header line being read, up to its LF */
    apr_size_t header_bytes;
    int has_disposition, has_type, filename;
    const char *part_type;

    int chosen;               /* the part with a filename that is fed, or 0 */
    apr_array_header_t *kept; /* mp_slice: the first part's content (MP_KEEP) */
    int kept_big;             /* ... which is larger than max: not kept */
    const char *kept_type;
} mp_dec;

static soi_error *mp_too_large(mp_dec *d, int part)
{
    return soi_err(d->pool, SOI_MSG_MULTIPART_TOO_LARGE, soi_num(d->pool, part), soi_num(d->pool, d->max), NULL);
}

/* Content bytes: to wherever this part's content goes. */
static soi_error *mp_emit(mp_dec *d, const char *s, apr_size_t n)
{
    if (d->phase != MP_CONTENT || d->mode == MP_SKIP || n == 0)
        return NULL;
    d->count += (apr_off_t)n;
    if (d->mode == MP_FEED)
        return d->count > d->max ? mp_too_large(d, d->part) : d->into.feed(d->into.ctx, s, n);
    if (d->kept_big)
        return NULL;
    if (d->count > d->max) { /* too large should it be chosen: nothing more to keep */
        d->kept_big = 1;
        apr_array_clear(d->kept);
        return NULL;
    }
    if (d->kept->nelts) {
        mp_slice *last = &APR_ARRAY_IDX(d->kept, d->kept->nelts - 1, mp_slice);
        if (last->data + last->len == s) {
            last->len += n;
            return NULL;
        }
    }
    mp_slice *sl = apr_array_push(d->kept);
    sl->data = s;
    sl->len = n;
    return NULL;
}

/* Holds bytes that may be a delimiter: at most the delimiter, the padding and
 * a CR, so held has room for them even one byte a slice. */
static void mp_hold(mp_dec *d, const char *s, apr_size_t n)
{
    if (d->nheld) {
        mp_slice *last = &d->held[d->nheld - 1];
        if (last->data + last->len == s) {
            last->len += n;
            return;
        }
    }
    d->held[d->nheld].data = s;
    d->held[d->nheld].len = n;
    d->nheld++;
}

static void mp_unhold(mp_dec *d)
{
    d->nheld = 0;
    d->m = 0;
    d->tail = MP_T_NONE;
    d->pad = 0;
}

/* A false start: what was held is content after all. */
static soi_error *mp_release(mp_dec *d)
{
    soi_error *err = NULL;
    for (apr_size_t i = 0; i < d->nheld && !err; i++)
        err = mp_emit(d, d->held[i].data, d->held[i].len);
    mp_unhold(d);
    return err;
}

/* A delimiter line (or the close delimiter) has been read. */
static soi_error *mp_delimiter(mp_dec *d, int close)
{
    mp_unhold(d);
    if (close && d->phase == MP_PREAMBLE)
        return soi_err(d->pool, SOI_MSG_MULTIPART_NO_PART, d->shown, NULL);
    d->mode = MP_SKIP;
    if (close) {
        d->phase = MP_EPILOGUE;
        return NULL;
    }
    if (++d->part > SOI_MULTIPART_PARTS_MAX)
        return soi_err(d->pool, SOI_MSG_MULTIPART_PARTS, soi_num(d->pool, SOI_MULTIPART_PARTS_MAX), NULL);
    d->phase = MP_HEADERS;
    d->line.len = 0;
    d->header_bytes = 0;
    d->has_disposition = d->has_type = d->filename = 0;
    d->part_type = NULL;
    return NULL;
}

/* The empty line after a part's headers: where its content goes. */
static void mp_headers_end(mp_dec *d)
{
    const char *type = d->part_type ? d->part_type : "";
    d->mode = MP_SKIP;
    if (!d->chosen && d->filename) {
        d->chosen = d->part;
        *d->type = type;
        d->mode = MP_FEED;
        apr_array_clear(d->kept);
        d->kept_big = 0;
    } else if (!d->chosen && d->part == 1) {
        d->mode = MP_KEEP;
        d->kept_type = type;
    }
    d->count = 0;
    d->phase = MP_CONTENT;
    d->m = 2; /* the empty line's CR LF may be the next delimiter's */
}

/* Looks for the delimiter in the preamble or a part's content, handing on
 * what is content. Returns once a delimiter line has been read (the phase
 * has changed), or at the end of what was fed. */
static soi_error *mp_scan(mp_dec *d, const char **pp, const char *end)
{
    const char *p = *pp;
    soi_error *err = NULL;

    while (p < end && !err) {
        if (d->tail == MP_T_NONE && d->m == 0) {
            const char *cr = memchr(p, '\r', (apr_size_t)(end - p)), *stop = cr ? cr : end;
            err = mp_emit(d, p, (apr_size_t)(stop - p));
            p = stop;
            if (cr && !err) {
                mp_hold(d, p++, 1);
                d->m = 1;
            }
            continue;
        }
        if (d->tail == MP_T_NONE) {
            const char *s = p;
            while (p < end && d->m < d->dlen && *p == d->delim[d->m]) {
                p++;
                d->m++;
            }
            if (p > s)
                mp_hold(d, s, (apr_size_t)(p - s));
            if (d->m == d->dlen)
                d->tail = MP_T_START;
            else if (p < end)
                err = mp_release(d); /* CR occurs only first in delim: *p starts afresh */
            continue;
        }
        char c = *p;
        if (d->tail == MP_T_DASH || d->tail == MP_T_CR) {
            if (c == (d->tail == MP_T_DASH ? '-' : '\n')) {
                p++;
                err = mp_delimiter(d, d->tail == MP_T_DASH);
                break;
            }
            err = mp_release(d);
            continue;
        }
        if (c == '-' && d->tail == MP_T_START) {
            d->tail = MP_T_DASH;
        } else if (is_ows(c)) {
            if (++d->pad > SOI_MULTIPART_PADDING_MAX) {
                err = soi_err(d->pool, SOI_MSG_MULTIPART_PADDING, d->shown, soi_num(d->pool, SOI_MULTIPART_PADDING_MAX),
                              NULL);
                break;
            }
            d->tail = MP_T_PAD;
        } else if (c == '\r') {
            d->tail = MP_T_CR;
        } else {
            err = mp_release(d);
            continue;
        }
        mp_hold(d, p++, 1);
    }
    *pp = p;
    return err;
}

static soi_error *mp_disposition_syntax(mp_dec *d, const char *s, apr_size_t n)
{
    return soi_err(d->pool, SOI_MSG_MULTIPART_DISPOSITION_SYNTAX, soi_num(d->pool, d->part),
                   soi_text_quote(d->pool, s, n, 40), NULL);
}

/* form-data *( OWS ";" OWS name OWS "=" OWS ( token / quoted-string ) ), read
 * up to the first filename or filename*. */
static soi_error *mp_disposition(mp_dec *d, const char *v, apr_size_t n)
{
    apr_size_t i = 0;
    while (i < n && is_tchar((unsigned char)v[i]))
        i++;
    if (i == 0)
        return mp_disposition_syntax(d, v, n);
    if (!soi_ascii_ieq(v, i, "form-data"))
        return soi_err(d->pool, SOI_MSG_MULTIPART_DISPOSITION, soi_num(d->pool, d->part),
                       soi_text_quote(d->pool, v, i, 40), NULL);
    for (;;) {
        while (i < n && is_ows(v[i]))
            i++;
        if (i == n)
            return NULL;
        if (v[i] != ';')
            return mp_disposition_syntax(d, v + i, n - i);
        for (i++; i < n && is_ows(v[i]);)
            i++;
        if (i == n)
            return NULL; /* a trailing ';' */
        apr_size_t name = i;
        while (i < n && is_tchar((unsigned char)v[i]))
            i++;
        apr_size_t nlen = i - name;
        while (i < n && is_ows(v[i]))
            i++;
        if (nlen == 0 || i == n || v[i] != '=')
            return mp_disposition_syntax(d, v + name, n - name);
        for (i++; i < n && is_ows(v[i]);)
            i++;
        if (soi_ascii_ieq(v + name, nlen, "filename") || soi_ascii_ieq(v + name, nlen, "filename*")) {
            d->filename = 1;
            return NULL; /* all that is needed */
        }
        if (i < n && v[i] == '"') {
            for (i++; i < n && v[i] != '"';)
                i += v[i] == '\\' ? 2 : 1;
            if (i >= n)
                return mp_disposition_syntax(d, v + name, n - name);
            i++;
        } else {
            apr_size_t value = i;
            while (i < n && is_tchar((unsigned char)v[i]))
                i++;
            if (i == value)
                return mp_disposition_syntax(d, v + name, n - name);
        }
    }
}

/* Does s[0..n) begin with "--" boundary? */
static int mp_is_delimiter_line(const mp_dec *d, const char *s, apr_size_t n)
{
    return n >= d->dlen - 2 && memcmp(s, d->delim + 2, d->dlen - 2) == 0;
}

/* One header line, its LF included. */
static soi_error *mp_header_line(mp_dec *d)
{
    const char *s = d->line.data;
    apr_size_t n = d->line.len;
    const char *partno = soi_num(d->pool, d->part);

    if (n < 2 || s[n - 2] != '\r' || memchr(s, '\r', n - 2))
        return soi_err(d->pool, SOI_MSG_MULTIPART_HEADER_CRLF, partno, NULL);
    n -= 2;
    if (n == 0) {
        mp_headers_end(d);
        return NULL;
    }
    if (mp_is_delimiter_line(d, s, n))
        return soi_err(d->pool, SOI_MSG_MULTIPART_HEADER_DELIMITER, partno, NULL);
    if (is_ows(s[0]))
        return soi_err(d->pool, SOI_MSG_MULTIPART_HEADER_FOLDED, partno, NULL);
    apr_size_t i = 0;
    while (i < n && is_tchar((unsigned char)s[i]))
        i++;
    int bad = i == 0 || i == n || s[i] != ':';
    for (apr_size_t k = i + 1; k < n && !bad; k++) {
        unsigned char c = (unsigned char)s[k];
        bad = (c < 0x20 && c != '\t') || c == 0x7F;
    }
    if (bad)
        return soi_err(d->pool, SOI_MSG_MULTIPART_HEADER_SYNTAX, partno, soi_text_quote(d->pool, s, n, 60), NULL);
    if (d->chosen)
        return NULL; /* the headers of the parts after the chosen one are not read */

    const char *v = s + i + 1;
    apr_size_t vn = n - i - 1;
    while (vn && is_ows(v[0])) {
        v++;
        vn--;
    }
    while (vn && is_ows(v[vn - 1]))
        vn--;
    if (soi_ascii_ieq(s, i, "Content-Disposition")) {
        if (d->has_disposition++)
            return soi_err(d->pool, SOI_MSG_MULTIPART_HEADER_TWICE, partno, "Content-Disposition", NULL);
        return mp_disposition(d, v, vn);
    }
    if (soi_ascii_ieq(s, i, "Content-Type")) {
        if (d->has_type++)
            return soi_err(d->pool, SOI_MSG_MULTIPART_HEADER_TWICE, partno, "Content-Type", NULL);
        d->part_type = apr_pstrmemdup(d->pool, v, vn);
    }
    return NULL;
}

/* Reads header lines up to the empty line that ends them, or the end of
 * what was fed. */
static soi_error *mp_headers(mp_dec *d, const char **pp, const char *end)
{
    const char *p = *pp;
    soi_error *err = NULL;

    while (p < end && d->phase == MP_HEADERS && !err) {
        const char *lf = memchr(p, '\n', (apr_size_t)(end - p)), *stop = lf ? lf + 1 : end;
        apr_size_t n = (apr_size_t)(stop - p);
        if (n > SOI_MULTIPART_HEADERS_MAX - d->header_bytes) {
            err = soi_err(d->pool, SOI_MSG_MULTIPART_HEADERS_LONG, soi_num(d->pool, d->part),
                          soi_num(d->pool, SOI_MULTIPART_HEADERS_MAX), NULL);
            break;
        }
        d->header_bytes += n;
        soi_buf_add(&d->line, p, n);
        p = stop;
        if (lf) {
            err = mp_header_line(d);
            d->line.len = 0;
        }
    }
    *pp = p;
    return err;
}

static soi_error *mp_feed(void *ctx, const char *data, apr_size_t len)
{
    mp_dec *d = ctx;
    const char *p = data, *end = data + len;
    soi_error *err = d->err;

    while (p < end && !err) {
        switch (d->phase) {
        case MP_PREAMBLE:
        case MP_CONTENT: err = mp_scan(d, &p, end); break;
        case MP_HEADERS: err = mp_headers(d, &p, end); break;
        case MP_EPILOGUE: p = end; break;
        }
    }
    return d->err = err;
}

static soi_error *mp_finish(void *ctx)
{
    mp_dec *d = ctx;
    soi_error *err = d->err;

    if (err)
        return err;
    switch (d->phase) {
    case MP_PREAMBLE: err = soi_err(d->pool, SOI_MSG_MULTIPART_NO_DELIMITER, d->shown, NULL); break;
    case MP_HEADERS:
        err = mp_is_delimiter_line(d, d->line.data, d->line.len)
                  ? soi_err(d->pool, SOI_MSG_MULTIPART_HEADER_DELIMITER, soi_num(d->pool, d->part), NULL)
                  : soi_err(d->pool, SOI_MSG_MULTIPART_HEADERS_END, soi_num(d->pool, d->part), NULL);
        break;
    case MP_CONTENT: err = soi_err(d->pool, SOI_MSG_MULTIPART_NO_CLOSE, d->shown, NULL); break;
    case MP_EPILOGUE:
        if (!d->chosen) { /* no part has a filename: the first part it is */
            if (d->kept_big)
                err = mp_too_large(d, 1);
            *d->type = d->kept_type;
            for (int i = 0; i < d->kept->nelts && !err; i++) {
                const mp_slice *sl = &APR_ARRAY_IDX(d->kept, i, mp_slice);
                err = d->into.feed(d->into.ctx, sl->data, sl->len);
            }
        }
        if (!err)
            err = d->into.finish(d->into.ctx);
        break;
    }
    return d->err = err;
}

soi_sink soi_multipart_decoder(apr_pool_t *pool, const char *boundary, apr_off_t max_content, soi_sink into,
                               const char **type)
{
    mp_dec *d = apr_pcalloc(pool, sizeof(*d));
    soi_sink s = {d, mp_feed, mp_finish, 1};

    d->pool = pool;
    d->into = into;
    d->type = type;
    *type = NULL;
    d->max = max_content;
    d->delim = apr_pstrcat(pool, "\r\n--", boundary, NULL);
    d->dlen = strlen(d->delim);
    d->shown = soi_text_quote(pool, boundary, strlen(boundary), 80);
    d->held = apr_palloc(pool, (d->dlen + SOI_MULTIPART_PADDING_MAX + 2) * sizeof(mp_slice));
    d->phase = MP_PREAMBLE;
    d->m = 2; /* the first delimiter may open the body without its CR LF */
    soi_buf_init(&d->line, pool, 256);
    d->kept = apr_array_make(pool, 16, sizeof(mp_slice));
    return s;
}
