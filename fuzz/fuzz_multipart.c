/* multipart/form-data: the boundary of a Content-Type, then a body read with
 * it. The input is a selector byte, the Content-Type value up to the first
 * LF, and the body after it:
 *   bits 0-3, 7  the pieces the body is fed in, as for the other body targets
 *   bits 4-6     max_content: k gives 4^k bytes, 0 no limit
 * So "\x00multipart/form-data; boundary=b\n--b\r\n..." is fed whole.
 *
 * The decoder holds what it is fed, so the pieces stay valid (each in an
 * exactly-sized heap block) until it has finished, and are freed after.
 * Checked: a boundary accepted is 1 to 70 bchars not ending in a space;
 * every refusal is a 400 or, past max_content, a 413 with a message; what
 * is accepted is slices of the pieces fed that join up into one run of the
 * body, which follows a CR LF, holds no delimiter and ends where one begins
 * (RFC 2046's rule read plainly, apart from the decoder), no longer than
 * max_content, with a type that is a trimmed header value; the same body
 * without a limit gives the same; and the
 * content and type, written again with a fresh boundary in a body of three
 * parts (the file second) with a preamble and an epilogue, read again the
 * same. A 413 is only for content larger than the limit. */
#include <apr_strings.h>

#include "harness.h"
#include "codec/soi_multipart.h"
#include "core/soi_buf.h"
#include "core/soi_bytes.h"

#define FUZZ_NO_LIMIT ((apr_off_t)1 << 40)

/* The pieces fed so far, where they are in the input, and the slices handed
 * on, which must be in them. */
typedef struct {
    char **piece;
    size_t *off, *len;
    size_t n, cap;
    int started;        /* a slice has been handed on */
    size_t start, next; /* the input offsets of the first slice and after the last */
    soi_sink bytes;
} fuzz_pieces;

static soi_error *fuzz_slice_feed(void *ctx, const char *data, apr_size_t len)
{
    fuzz_pieces *ps = ctx;
    size_t i = 0;
    while (i < ps->n
           && !((uintptr_t)data >= (uintptr_t)ps->piece[i]
                && (uintptr_t)data + len <= (uintptr_t)ps->piece[i] + ps->len[i]))
        i++;
    FUZZ_CHECK(len > 0, "an empty slice is handed on");
    FUZZ_CHECK(i < ps->n, "a slice of %lu bytes is not inside one of the %lu pieces fed", (unsigned long)len,
               (unsigned long)ps->n);
    /* A part's content is one run of the body: each slice goes on where the
     * one before it ended. */
    size_t at = ps->off[i] + (size_t)(data - ps->piece[i]);
    FUZZ_CHECK(!ps->started || at == ps->next, "a slice at input offset %lu follows one that ends at %lu",
               (unsigned long)at, (unsigned long)ps->next);
    if (!ps->started)
        ps->start = at;
    ps->started = 1;
    ps->next = at + len;
    return ps->bytes.feed(ps->bytes.ctx, data, len);
}

static soi_error *fuzz_slice_finish(void *ctx)
{
    fuzz_pieces *ps = ctx;
    return ps->bytes.finish(ps->bytes.ctx);
}

typedef struct {
    soi_error *err;
    const char *type;
    soi_bytes content;
    size_t start, end; /* where the content was in the body, when it is not empty */
} fuzz_result;

/* Feeds data[0..n) to a multipart decoder in the pieces sel asks for (as
 * fuzz_decode does), keeping every piece until the decoder has finished. */
static void fuzz_multipart_decode(apr_pool_t *p, unsigned sel, const uint8_t *data, size_t n, const char *boundary,
                                  apr_off_t max, fuzz_result *r)
{
    unsigned step = sel & 0x0F, most = 1 + 8 * (sel & 0x0F);
    apr_uint32_t rnd = 0x9E3779B9u ^ sel;
    fuzz_pieces ps;

    memset(&ps, 0, sizeof(ps));
    ps.bytes = soi_bytes_sink(p, 0, &r->content);
    soi_sink into = {&ps, fuzz_slice_feed, fuzz_slice_finish, 1};
    soi_sink dec = soi_multipart_decoder(p, boundary, max, into, &r->type);
    FUZZ_CHECK(dec.holds && r->type == NULL, "the decoder does not hold, or *type is set before any header");
    r->err = NULL;
    for (size_t i = 0; i < n && !r->err;) {
        size_t k;
        if (sel & 0x80) {
            rnd ^= rnd << 13; /* xorshift32 */
            rnd ^= rnd >> 17;
            rnd ^= rnd << 5;
            k = 1 + rnd % most;
        } else {
            k = step ? step : n;
        }
        if (k > n - i)
            k = n - i;
        if (ps.n == ps.cap) {
            ps.cap = ps.cap ? 2 * ps.cap : 64;
            ps.piece = realloc(ps.piece, ps.cap * sizeof(*ps.piece));
            ps.off = realloc(ps.off, ps.cap * sizeof(*ps.off));
            ps.len = realloc(ps.len, ps.cap * sizeof(*ps.len));
            if (!ps.piece || !ps.off || !ps.len)
                abort();
        }
        ps.piece[ps.n] = fuzz_copy(data + i, k);
        ps.off[ps.n] = i;
        ps.len[ps.n++] = k;
        r->err = dec.feed(dec.ctx, ps.piece[ps.n - 1], k);
        i += k;
    }
    if (!r->err)
        r->err = dec.finish(dec.ctx);
    else
        FUZZ_CHECK(dec.finish(dec.ctx) == r->err, "finish() after an error does not return that error");
    r->start = ps.start;
    r->end = ps.next;
    for (size_t i = 0; i < ps.n; i++)
        free(ps.piece[i]);
    free(ps.piece);
    free(ps.off);
    free(ps.len);
}

static int fuzz_bchar(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || strchr("'()+_,-./:=? ", c);
}

/* Is there a delimiter line or the close delimiter at s[0..n), by RFC 2046
 * read plainly: CR LF "--" boundary, then "--", or spaces and tabs and CR LF. */
static int fuzz_delimiter_at(const char *s, size_t n, const char *boundary)
{
    size_t b = strlen(boundary), i = 4 + b;
    if (n < i || memcmp(s, "\r\n--", 4) != 0 || memcmp(s + 4, boundary, b) != 0)
        return 0;
    if (n >= i + 2 && s[i] == '-' && s[i + 1] == '-')
        return 1;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return n >= i + 2 && s[i] == '\r' && s[i + 1] == '\n';
}

/* The content, when there is some, is what follows an empty line, up to the
 * first delimiter after it: none begins inside it (nor with it, the empty
 * line's CR LF being the delimiter's), and one follows it. */
static void fuzz_check_framing(const fuzz_result *r, const uint8_t *body, size_t n, const char *boundary)
{
    const char *s = (const char *)body;
    if (r->content.len == 0)
        return;
    FUZZ_CHECK(r->end - r->start == r->content.len && r->start >= 2 && memcmp(s + r->start - 2, "\r\n", 2) == 0,
               "the content (%lu bytes at %lu) does not follow a CR LF", (unsigned long)r->content.len,
               (unsigned long)r->start);
    for (size_t i = r->start - 2; i < r->end; i++)
        FUZZ_CHECK(!fuzz_delimiter_at(s + i, n - i, boundary), "the content (%lu to %lu) holds a delimiter at %lu",
                   (unsigned long)r->start, (unsigned long)r->end, (unsigned long)i);
    FUZZ_CHECK(fuzz_delimiter_at(s + r->end, n - r->end, boundary), "the content (%lu to %lu) ends before no delimiter",
               (unsigned long)r->start, (unsigned long)r->end);
}

/* Does needle occur in hay? */
static int fuzz_contains(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return 1;
    return 0;
}

/* The content and type in a body of our own: a preamble, a part without a
 * filename, the file, a part after it, an epilogue; with a boundary that the
 * content does not hold. */
static const char *fuzz_encode(apr_pool_t *p, const fuzz_result *r, const char **boundary, size_t *len)
{
    const char *b = "fz";
    for (unsigned k = 0; fuzz_contains(r->content.data, r->content.len, b); k++)
        b = apr_psprintf(p, "fz%u", k);
    soi_buf out;
    soi_buf_init(&out, p, r->content.len + 512);
    soi_buf_adds(&out, apr_psprintf(p,
                                    "preamble\r\n--%s\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nfirst\r\n"
                                    "--%s \t\r\ncontent-disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n",
                                    b, b));
    if (r->type[0])
        soi_buf_adds(&out, apr_pstrcat(p, "Content-Type: ", r->type, "\r\n", NULL));
    soi_buf_adds(&out, "\r\n");
    soi_buf_add(&out, r->content.data, r->content.len);
    soi_buf_adds(&out, apr_psprintf(p,
                                    "\r\n--%s\r\nContent-Disposition: form-data; name=\"c\"; filename=\"y\"\r\n\r\n"
                                    "later\r\n--%s--\r\nepilogue",
                                    b, b));
    *boundary = b;
    *len = out.len;
    return out.data;
}

static void fuzz_check_same_result(const fuzz_result *a, const fuzz_result *b, const char *how)
{
    FUZZ_CHECK(!b->err, "%s is refused: %s", how, msg_of(b->err));
    FUZZ_CHECK(strcmp(a->type, b->type) == 0, "%s has the type \"%s\", not \"%s\"", how, b->type, a->type);
    FUZZ_CHECK(a->content.len == b->content.len && memcmp(a->content.data, b->content.data, a->content.len) == 0,
               "%s has %lu bytes of content, not the %lu read first", how, (unsigned long)b->content.len,
               (unsigned long)a->content.len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    apr_pool_t *p = fuzz_pool();
    unsigned sel = data[0], k = (sel >> 4) & 7;
    const uint8_t *rest = data + 1, *nl = memchr(rest, '\n', size - 1);
    size_t ctlen = nl ? (size_t)(nl - rest) : size - 1;
    char *ct = fuzz_cstr(rest, ctlen);
    const char *boundary = NULL;
    soi_error *err = soi_multipart_boundary(p, ct, &boundary);
    free(ct);

    if (err) {
        fuzz_check_error(err);
        FUZZ_CHECK(err->status == 400, "a Content-Type refused with %d", err->status);
        FUZZ_CHECK(boundary == NULL, "a boundary set on failure");
        apr_pool_destroy(p);
        return 0;
    }
    size_t blen = strlen(boundary);
    FUZZ_CHECK(blen >= 1 && blen <= SOI_MULTIPART_BOUNDARY_MAX && boundary[blen - 1] != ' ',
               "the boundary \"%s\" was accepted", boundary);
    for (size_t i = 0; i < blen; i++)
        FUZZ_CHECK(fuzz_bchar((unsigned char)boundary[i]), "the boundary holds 0x%02X", (unsigned char)boundary[i]);

    const uint8_t *body = nl ? nl + 1 : data + size;
    size_t n = (size_t)(data + size - body);
    if (n == 0) { /* an empty body never reaches a decoder */
        apr_pool_destroy(p);
        return 0;
    }
    apr_off_t max = k ? (apr_off_t)1 << (2 * k) : FUZZ_NO_LIMIT;
    fuzz_result r, again;
    fuzz_multipart_decode(p, sel, body, n, boundary, max, &r);
    if (r.err) {
        fuzz_check_error(r.err);
        FUZZ_CHECK(r.err->status == 400 || r.err->status == 413, "a body refused with %d", r.err->status);
        if (r.err->status == 413) {
            FUZZ_CHECK(max < FUZZ_NO_LIMIT, "a 413 without a limit");
            fuzz_multipart_decode(p, 0, body, n, boundary, FUZZ_NO_LIMIT, &again);
            FUZZ_CHECK(again.err ? again.err->status == 400 : (apr_off_t)again.content.len > max,
                       "a 413 for %lu bytes of content, when %ld are accepted", (unsigned long)again.content.len,
                       (long)max);
        }
        apr_pool_destroy(p);
        return 0;
    }

    FUZZ_CHECK(r.type != NULL, "accepted without a type");
    FUZZ_CHECK((apr_off_t)r.content.len <= max, "%lu bytes accepted when %ld are", (unsigned long)r.content.len,
               (long)max);
    size_t tlen = strlen(r.type);
    FUZZ_CHECK(tlen == 0
                   || (r.type[0] != ' ' && r.type[0] != '\t' && r.type[tlen - 1] != ' ' && r.type[tlen - 1] != '\t'),
               "the type \"%s\" is not trimmed", r.type);
    for (size_t i = 0; i < tlen; i++) {
        unsigned char c = (unsigned char)r.type[i];
        FUZZ_CHECK((c >= 0x20 && c != 0x7F) || c == '\t', "the type holds 0x%02X", c);
    }

    fuzz_check_framing(&r, body, n, boundary);

    if (max < FUZZ_NO_LIMIT) {
        fuzz_multipart_decode(p, sel, body, n, boundary, FUZZ_NO_LIMIT, &again);
        fuzz_check_same_result(&r, &again, "the body without a limit");
    }

    const char *b2;
    size_t len2;
    const char *body2 = fuzz_encode(p, &r, &b2, &len2);
    fuzz_multipart_decode(p, sel, (const uint8_t *)body2, len2, b2, FUZZ_NO_LIMIT, &again);
    fuzz_check_same_result(&r, &again, "the content written again");
    fuzz_check_framing(&again, (const uint8_t *)body2, len2, b2);
    apr_pool_destroy(p);
    return 0;
}
