/* multipart/form-data: the boundary of a Content-Type, and the decoder of a
 * body, fed whole, at every split into two pieces and byte by byte. */
#include <apr_general.h>
#include <apr_strings.h>
#include <stdint.h>
#include <string.h>

#include "codec/soi_multipart.h"
#include "core/soi_bytes.h"
#include "core/soi_text.h"
#include "tap.h"

static apr_pool_t *p;

/* The boundary read from a Content-Type value, or "ERROR <status>: <message>". */
static const char *boundary_of(const char *content_type)
{
    const char *b = "(unset)";
    soi_error *err = soi_multipart_boundary(p, content_type, &b);
    return err ? apr_psprintf(p, "ERROR %d: %s", err->status, msg_of(err)) : b;
}

static void test_boundary(void)
{
    static const char *const good[][2] = {
        {"multipart/form-data; boundary=----x", "----x"},
        {"multipart/form-data;boundary=abc", "abc"},
        {"Multipart/Form-Data; BOUNDARY=abc", "abc"},
        {"  multipart/form-data ; charset=utf-8 ; boundary=abc ; x=\"y;z\"  ", "abc"},
        {"multipart/form-data; boundary=\"a b:c\"", "a b:c"},
        {"multipart/form-data; boundary=\"a\\bc\"", "abc"},
        {"multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
         "----WebKitFormBoundary7MA4YWxkTrZu0gW"},
        {"multipart/form-data; boundary==_Part_0/1.2:3?", "=_Part_0/1.2:3?"},
        {"multipart/form-data; boundary=\"'()+_,-./:=? x\"", "'()+_,-./:=? x"},
        {"multipart/form-data; boundary=1", "1"},
        {"multipart/form-data; boundary=abc;", "abc"},
    };
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
        is_str(boundary_of(good[i][0]), good[i][1], "boundary of %s", good[i][0]);

    char seventy[71], seventy_one[72];
    memset(seventy, 'b', 70);
    seventy[70] = '\0';
    memset(seventy_one, 'b', 71);
    seventy_one[71] = '\0';
    is_str(boundary_of(apr_pstrcat(p, "multipart/form-data; boundary=", seventy, NULL)), seventy,
           "70 characters are accepted");
    is_str(boundary_of(apr_pstrcat(p, "multipart/form-data; boundary=\"", seventy, "\"", NULL)), seventy,
           "70 characters quoted too");

#define PFX "ERROR 400: The boundary parameter of the multipart/form-data Content-Type "
    is_str(boundary_of(apr_pstrcat(p, "multipart/form-data; boundary=", seventy_one, NULL)),
           PFX "has 71 characters; at most 70 are accepted (RFC 2046).", "71 are too long");
    is_str(boundary_of(apr_pstrcat(p, "multipart/form-data; boundary=\"", seventy_one, "\"", NULL)),
           PFX "has 71 characters; at most 70 are accepted (RFC 2046).", "quoted too");
    is_str(boundary_of("multipart/form-data; boundary="), PFX "is empty.", "an empty boundary");
    is_str(boundary_of("multipart/form-data; boundary=\"\""), PFX "is empty.", "an empty quoted boundary");
    is_str(boundary_of("multipart/form-data; boundary=; charset=utf-8"), PFX "is empty.", "empty before another");
    is_str(boundary_of("multipart/form-data; boundary=\"abc \""), PFX "ends in a space, which RFC 2046 does not allow.",
           "a boundary ending in a space");
    static const struct {
        const char *ct, *hex;
    } bad[] = {{"multipart/form-data; boundary=ab\"c", "22"},     {"multipart/form-data; boundary=\"a@b\"", "40"},
               {"multipart/form-data; boundary=a<b", "3C"},       {"multipart/form-data; boundary=\"a\tb\"", "09"},
               {"multipart/form-data; boundary=a\xc3\xa9", "C3"}, {"multipart/form-data; boundary=\"a\\\"b\"", "22"},
               {"multipart/form-data; boundary=a*b", "2A"}};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        is_str(boundary_of(bad[i].ct),
               apr_psprintf(p,
                            PFX "holds the byte 0x%s, which is not a boundary character (RFC 2046: letters, digits, "
                                "space and '()+_,-./:=?).",
                            bad[i].hex),
               "a character outside bchars: %s", bad[i].ct);
#undef PFX

    is_str(boundary_of("multipart/form-data"),
           "ERROR 400: The multipart/form-data Content-Type has no boundary parameter.", "no parameter at all");
    is_str(boundary_of("multipart/form-data; charset=utf-8; xboundary=a"),
           "ERROR 400: The multipart/form-data Content-Type has no boundary parameter.", "no boundary parameter");
    is_str(boundary_of("multipart/form-data; boundary=a; Boundary=b"),
           "ERROR 400: The multipart/form-data Content-Type gives the boundary parameter more than once.",
           "two boundaries");
    is_str(boundary_of("multipart/mixed; boundary=abc"),
           "ERROR 400: The Content-Type \"multipart/mixed\" is not multipart/form-data.", "another multipart type");
    is_str(boundary_of("application/json"),
           "ERROR 400: The Content-Type \"application/json\" is not multipart/form-data.", "another type");
    is_str(boundary_of("multipart/form-data-x; boundary=abc"),
           "ERROR 400: The Content-Type \"multipart/form-data-x\" is not multipart/form-data.", "a longer type");
    static const char *const malformed[] = {"",
                                            "multipart",
                                            "multipart/",
                                            "/form-data",
                                            "multipart/form-data boundary=a",
                                            "multipart/form-data; boundary",
                                            "multipart/form-data; =a",
                                            "multipart/form-data; boundary=\"abc",
                                            "multipart/form-data; boundary=\"a\"b",
                                            "multipart/form-data; boundary=a b"};
    for (size_t i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++)
        is_str(boundary_of(malformed[i]),
               apr_psprintf(p,
                            "ERROR 400: The Content-Type header \"%s\" is not a media type such as application/json.",
                            malformed[i]),
               "malformed: \"%s\"", malformed[i]);
    is_str(boundary_of(NULL), "ERROR 400: The Content-Type header \"\" is not a media type such as application/json.",
           "none at all");
}

/* ---- the decoder ---------------------------------------------------------- */

/* The pieces a decoder was fed, each in a block of its own (with a byte to
 * spare, so that no two are adjacent), kept until the decoder has finished,
 * as the body reader keeps httpd's buckets; and an `into` that checks that
 * every slice it is handed lies inside one of them, before joining them. */
typedef struct {
    const char *data[20000];
    apr_size_t len[20000];
    int n;
    int outside; /* slices handed on that are not inside a piece fed */
    int fed;     /* slices handed on */
    soi_sink bytes;
} pieces;

static soi_error *check_feed(void *ctx, const char *data, apr_size_t len)
{
    pieces *ps = ctx;
    int inside = 0;
    for (int i = 0; i < ps->n && !inside; i++)
        inside = len > 0 && (uintptr_t)data >= (uintptr_t)ps->data[i]
                 && (uintptr_t)data + len <= (uintptr_t)ps->data[i] + ps->len[i];
    ps->outside += !inside;
    ps->fed++;
    return ps->bytes.feed(ps->bytes.ctx, data, len);
}

static soi_error *check_finish(void *ctx)
{
    pieces *ps = ctx;
    return ps->bytes.finish(ps->bytes.ctx);
}

static const char *B = "XyZ-b0undary"; /* the boundary of most bodies below */

/* What a decoded body gives, as one string: "ERROR <status>: <message>", or
 * the type and the content (escaped), with "SLICES OUTSIDE" should a slice
 * not lie inside a piece fed. */
static const char *result(const char *type, const char *content, apr_size_t len)
{
    return apr_psprintf(p, "type [%s] content [%s]", type ? type : "(null)", soi_text_quote(p, content, len, len));
}

/* Decodes body[0..n) with boundary b and limit max, fed in pieces: split at
 * `at` when at > 0 (two pieces), else in pieces of `step` bytes (0: whole).
 * Everything but the result lives in a pool of its own. */
static const char *decode_in(apr_pool_t *q, const char *body, apr_size_t n, const char *b, apr_off_t max, apr_size_t at,
                             apr_size_t step)
{
    static pieces ps;
    soi_bytes out;
    const char *type = "(unset)";
    soi_error *err = NULL;

    memset(&ps, 0, sizeof(ps));
    ps.bytes = soi_bytes_sink(q, 0, &out);
    soi_sink into = {&ps, check_feed, check_finish, 1};
    soi_sink dec = soi_multipart_decoder(q, b, max, into, &type);
    if (!dec.holds || type != NULL)
        return "the decoder does not hold, or *type is not NULL at first";
    for (apr_size_t i = 0; i < n && !err;) {
        apr_size_t k = at ? (i == 0 ? at : n - at) : step && n - i > step ? step : n - i;
        if (ps.n == (int)(sizeof(ps.data) / sizeof(ps.data[0])))
            return "too many pieces for the test";
        char *piece = apr_palloc(q, k + 1);
        memcpy(piece, body + i, k);
        ps.data[ps.n] = piece;
        ps.len[ps.n++] = k;
        err = dec.feed(dec.ctx, piece, k);
        i += k;
    }
    if (!err)
        err = dec.finish(dec.ctx);
    if (err)
        return apr_psprintf(p, "ERROR %d: %s", err->status, msg_of(err));
    const char *r = result(type, out.data, out.len);
    return ps.outside ? apr_pstrcat(p, r, " SLICES OUTSIDE", NULL) : r;
}

static const char *decode(const char *body, apr_size_t n, const char *b, apr_off_t max, apr_size_t at, apr_size_t step)
{
    apr_pool_t *q;
    apr_pool_create(&q, p);
    const char *r = decode_in(q, body, n, b, max, at, step);
    apr_pool_destroy(q);
    return r;
}

/* The result of body whole; and whether it is the same at every split into
 * two pieces and byte by byte (else what differs). */
static const char *decode_all(const char *body, apr_size_t n, const char *b, apr_off_t max, const char **same)
{
    const char *whole = decode(body, n, b, max, 0, 0);
    apr_pool_t *outer = p;
    *same = "";
    for (apr_size_t at = 1; at <= n && !**same; at++) {
        apr_pool_create(&p, outer); /* for the result of this split */
        const char *r = at < n ? decode(body, n, b, max, at, 0) : decode(body, n, b, max, 0, 1);
        if (strcmp(r, whole) != 0)
            *same = apr_psprintf(outer, "%s %d: %s", at < n ? "split at" : "byte by byte", (int)at, r);
        apr_pool_destroy(p);
        p = outer;
    }
    return whole;
}

/* Two checks for a body: its result, and the same result however it is cut. */
static void check_body(const char *what, const char *body, apr_size_t n, const char *b, apr_off_t max, const char *want)
{
    const char *same;
    is_str(decode_all(body, n, b, max, &same), want, "%s", what);
    is_str(same, "", "%s: the same at every split and byte by byte", what);
}

#define NOLIMIT ((apr_off_t)1 << 40)
#define CHECK(what, body, want) check_body(what, body, strlen(body), B, NOLIMIT, want)
#define CHECK_WITH(what, body, b, max, want) check_body(what, body, strlen(body), b, max, want)
#define CD "Content-Disposition: form-data; "
#define PART_OK(type, content) result(type, content, strlen(content))

static void test_bodies(void)
{
    CHECK("one file part",
          "--XyZ-b0undary\r\n" CD "name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"
          "\x89PNG\r\n\x1a\n\r\n--XyZ-b0undary--\r\n",
          PART_OK("image/png", "\x89PNG\r\n\x1a\n"));
    CHECK("several parts: the first file part, not the first part nor a later file part",
          "--XyZ-b0undary\r\n" CD "name=\"Description\"\r\n\r\nhello\r\n"
          "--XyZ-b0undary\r\n" CD "name=\"x\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nJPEG\r\n"
          "--XyZ-b0undary\r\n" CD "name=\"later\"; filename=\"q.png\"\r\nContent-Type: image/png\r\n\r\nnot me\r\n"
          "--XyZ-b0undary--",
          PART_OK("image/jpeg", "JPEG"));
    CHECK("no part has a filename: the first part, with its type",
          "--XyZ-b0undary\r\n" CD "name=\"a\"\r\nContent-Type: text/plain\r\n\r\nfirst\r\n"
          "--XyZ-b0undary\r\n" CD "name=\"b\"\r\nContent-Type: image/png\r\n\r\nsecond\r\n--XyZ-b0undary--\r\n",
          PART_OK("text/plain", "first"));
    CHECK("a first part without headers and without a filename",
          "--XyZ-b0undary\r\n\r\nraw bytes\r\n--XyZ-b0undary\r\n" CD "name=\"b\"\r\n\r\nsecond\r\n--XyZ-b0undary--",
          PART_OK("", "raw bytes"));
    CHECK("a file part after one without a filename that is larger than the limit",
          "--XyZ-b0undary\r\n" CD "name=\"big\"\r\n\r\n0123456789012345678901234567890123456789\r\n"
          "--XyZ-b0undary\r\n" CD "filename=\"f\"\r\n\r\nsmall\r\n--XyZ-b0undary--",
          PART_OK("", "small"));
    CHECK("a preamble and an epilogue, both with delimiter look-alikes",
          "This is the preamble.\r\n--XyZ-b0undaryX\r\n--XyZ-b0und\r\n-\r\r\n"
          "--XyZ-b0undary\r\n" CD "filename=\"f\"\r\n\r\ncontent\r\n--XyZ-b0undary--\r\nThe epilogue.\r\n"
          "--XyZ-b0undary\r\n" CD "filename=\"g\"\r\n\r\nnot me\r\n--XyZ-b0undary--\r\n",
          PART_OK("", "content"));
    CHECK("the first delimiter after a CR LF of preamble",
          "\r\n--XyZ-b0undary\r\n" CD "filename=\"f\"\r\n\r\nc\r\n--XyZ-b0undary--", PART_OK("", "c"));
    CHECK("anything after the close delimiter is epilogue",
          "--XyZ-b0undary\r\n" CD "filename=\"f\"\r\n\r\nc\r\n--XyZ-b0undary--junk without CR LF", PART_OK("", "c"));
    CHECK("transport padding after delimiters",
          "--XyZ-b0undary \t \r\n" CD "name=\"a\"\r\n\r\nskip\r\n--XyZ-b0undary\t\r\n" CD "filename=\"f\"\r\n\r\n"
          "padded\r\n--XyZ-b0undary--  \r\n",
          PART_OK("", "padded"));
    {
        char pad[600];
        memset(pad, ' ', SOI_MULTIPART_PADDING_MAX);
        pad[SOI_MULTIPART_PADDING_MAX] = '\0';
        const char *body = apr_pstrcat(p, "--XyZ-b0undary", pad, "\r\n" CD "filename=\"f\"\r\n\r\nx\r\n--XyZ-b0undary",
                                       pad, "\r\n\r\n--XyZ-b0undary--", NULL);
        CHECK("256 bytes of padding", body, PART_OK("", "x"));
        body = apr_pstrcat(p, "--XyZ-b0undary", pad, " \r\n" CD "filename=\"f\"\r\n\r\nx\r\n--XyZ-b0undary--", NULL);
        CHECK("257 bytes of padding", body,
              "ERROR 400: A delimiter line \"--XyZ-b0undary\" of the multipart/form-data body has more than 256 spaces "
              "or tabs after the boundary.");
        body =
            apr_pstrcat(p, "--XyZ-b0undary\r\n" CD "filename=\"f\"\r\n\r\nx\r\n--XyZ-b0undary", pad, "\t\t\r\n", NULL);
        CHECK("257 bytes of padding in the content too", body,
              "ERROR 400: A delimiter line \"--XyZ-b0undary\" of the multipart/form-data body has more than 256 spaces "
              "or tabs after the boundary.");
    }

    /* Content that is every byte value, and delimiter look-alikes. */
    {
        char all[1024];
        for (int i = 0; i < 1024; i++)
            all[i] = (char)(i % 256);
        const char *head =
            "--XyZ-b0undary\r\n" CD "filename=\"all.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        const char *tail = "\r\n--XyZ-b0undary--\r\n";
        apr_size_t hn = strlen(head), tn = strlen(tail);
        char *body = apr_palloc(p, hn + sizeof(all) + tn);
        memcpy(body, head, hn);
        memcpy(body + hn, all, sizeof(all));
        memcpy(body + hn + sizeof(all), tail, tn);
        check_body("binary content: every byte value, four times", body, hn + sizeof(all) + tn, B, NOLIMIT,
                   result("application/octet-stream", all, sizeof(all)));
    }
    static const char *const lookalikes[] = {
        "\r\n--",
        "\r\n--XyZ-b0undaryX",
        "\r\n--XyZ-b0undar",
        "a\r\n--XyZ-b0undary-x\r\n--XyZ-b0undary \tx\r\n--XyZ-b0undary\rx\r\n--XyZ-b0undary \r\r\nb",
        "\r\r\n\r\n-\r\n--\r\n--X\r\n--XyZ-b0undaryy",
        "\r\n--XyZ-b0undary\r\r\n--XyZ-b0undar\r\n",
        "\r",
        "\r\n",
        "\r\n\r\n",
        "x--XyZ-b0undary\r\n-XyZ-b0undary--\r\n--XyZ-b0undaryq",
        "--XyZ-b0undary-",
        "\n--XyZ-b0undary\r\n\r--XyZ-b0undary\r\n",
        "",
    };
    for (size_t i = 0; i < sizeof(lookalikes) / sizeof(lookalikes[0]); i++) {
        const char *c = lookalikes[i];
        CHECK(apr_psprintf(p, "content with false starts: %s", soi_text_quote(p, c, strlen(c), 200)),
              apr_pstrcat(p, "--XyZ-b0undary\r\n" CD "filename=\"f\"\r\n\r\n", c, "\r\n--XyZ-b0undary--", NULL),
              PART_OK("", c));
        CHECK(apr_psprintf(p, "... in a skipped part and a kept part: %s", soi_text_quote(p, c, strlen(c), 200)),
              apr_pstrcat(p, "--XyZ-b0undary\r\n" CD "name=\"a\"\r\n\r\n", c,
                          "\r\n--XyZ-b0undary\r\n" CD "name=\"b\"\r\n\r\n", c, "\r\n--XyZ-b0undary--", NULL),
              PART_OK("", c));
    }
    CHECK_WITH("a one-character boundary", "--b\r\n" CD "filename=\"f\"\r\n\r\n\r\n--c\r\n--bb\r\n-b\r\n--b--", "b",
               NOLIMIT, PART_OK("", "\r\n--c\r\n--bb\r\n-b"));
    CHECK_WITH("the boundary \"-\": dashes everywhere", "---\r\n\r\n\r\n---x\r\n----x--\r\n-----", "-", NOLIMIT,
               PART_OK("", "\r\n---x\r\n----x--"));
    CHECK_WITH("a boundary with spaces and punctuation",
               "--a b'()+_,-./:=?\r\n\r\nx\r\n--a b'()+_,-./:=?y\r\n--a b'()+_,-./:=?--", "a b'()+_,-./:=?", NOLIMIT,
               PART_OK("", "x\r\n--a b'()+_,-./:=?y"));

    /* The headers. */
    CHECK("header names without regard to case; the type's spaces trimmed",
          "--XyZ-b0undary\r\ncontent-disposition: FORM-DATA; Name=a; FileName=b\r\nCONTENT-TYPE: \t image/gif \t\r\n"
          "X-Other: ignored\r\n\r\nGIF89a\r\n--XyZ-b0undary--",
          PART_OK("image/gif", "GIF89a"));
    CHECK("filename* counts as a filename",
          "--XyZ-b0undary\r\n" CD "name=\"a\"\r\n\r\nno\r\n--XyZ-b0undary\r\n" CD
          "name=\"b\"; filename*=UTF-8''caf%C3%A9.png\r\n\r\nyes\r\n--XyZ-b0undary--",
          PART_OK("", "yes"));
    CHECK("an empty filename is a filename",
          "--XyZ-b0undary\r\n" CD "name=a\r\n\r\nno\r\n--XyZ-b0undary\r\n" CD "name=b; filename=\"\"\r\n\r\n"
          "\r\n--XyZ-b0undary--",
          PART_OK("", ""));
    CHECK("filename= inside quoted values, escapes and longer names are no filename",
          "--XyZ-b0undary\r\n" CD "name=\"x; filename=y\"\r\n\r\nfirst\r\n"
          "--XyZ-b0undary\r\n" CD "name=\"a\\\"; filename=b\"\r\n\r\nsecond\r\n"
          "--XyZ-b0undary\r\n" CD "xfilename=\"a\"; filenames=b; name=\"\\\\\"\r\n\r\nthird\r\n"
          "--XyZ-b0undary\r\n" CD "name = \"\\\\\" ; filename = c.png ;\r\n\r\nfourth\r\n--XyZ-b0undary--",
          PART_OK("", "fourth"));
    CHECK("the headers of later parts are not read",
          "--XyZ-b0undary\r\n" CD "filename=\"f\"\r\nContent-Type: image/png\r\n\r\nfile\r\n"
          "--XyZ-b0undary\r\nContent-Disposition: attachment; name=\"\r\nContent-Type: a\r\nContent-Type: b\r\n\r\n"
          "x\r\n--XyZ-b0undary--",
          PART_OK("image/png", "file"));
    CHECK("an empty Content-Type", "--XyZ-b0undary\r\n" CD "filename=f\r\nContent-Type:\r\n\r\nx\r\n--XyZ-b0undary--",
          PART_OK("", "x"));
    CHECK("a part that ends right after its headers (RFC 2046): no content",
          "--XyZ-b0undary\r\n" CD "filename=\"f\"\r\nContent-Type: image/png\r\n\r\n--XyZ-b0undary--",
          PART_OK("image/png", ""));
    CHECK("a part without headers that ends at once",
          "--XyZ-b0undary\r\n\r\n--XyZ-b0undary\r\n" CD "name=x\r\n\r\ny\r\n--XyZ-b0undary--", PART_OK("", ""));
    CHECK("an empty file, as browsers send it",
          "--XyZ-b0undary\r\n" CD "name=\"f\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n"
          "--XyZ-b0undary--\r\n",
          PART_OK("application/octet-stream", ""));
    CHECK("content that begins like a delimiter without its CR LF",
          "--XyZ-b0undary\r\n" CD "filename=f\r\n\r\n--XyZ-b0undaryX\r\n--XyZ-b0undary--",
          PART_OK("", "--XyZ-b0undaryX"));
    {
        /* A header block of exactly the limit: its lines, their CR LFs and the empty line. */
        const char *start = "--XyZ-b0undary\r\n" CD "filename=f\r\nX-Fill: ";
        apr_size_t fill = SOI_MULTIPART_HEADERS_MAX - (strlen(start) - strlen("--XyZ-b0undary\r\n")) - 4;
        char *filler = apr_palloc(p, fill + 2);
        memset(filler, 'a', fill + 1);
        filler[fill] = '\0';
        CHECK("a header block of 8192 bytes", apr_pstrcat(p, start, filler, "\r\n\r\nok\r\n--XyZ-b0undary--", NULL),
              PART_OK("", "ok"));
        filler[fill] = 'a';
        filler[fill + 1] = '\0';
        CHECK("a header block of 8193 bytes", apr_pstrcat(p, start, filler, "\r\n\r\nok\r\n--XyZ-b0undary--", NULL),
              "ERROR 400: Part 1 of the multipart/form-data body has more than 8192 bytes of headers.");
        CHECK("a header line that does not end",
              apr_pstrcat(p, "--XyZ-b0undary\r\n" CD "name=a\r\n\r\n\r\n--XyZ-b0undary\r\nX: ", filler, filler, NULL),
              "ERROR 400: Part 2 of the multipart/form-data body has more than 8192 bytes of headers.");
    }
    {
        const char *part = "--XyZ-b0undary\r\n" CD "name=n\r\n\r\nv\r\n";
        const char *body = "";
        for (int i = 1; i < SOI_MULTIPART_PARTS_MAX; i++)
            body = apr_pstrcat(p, body, part, NULL);
        CHECK("64 parts",
              apr_pstrcat(p, body, "--XyZ-b0undary\r\n" CD "filename=f\r\n\r\nlast\r\n--XyZ-b0undary--", NULL),
              PART_OK("", "last"));
        CHECK("65 parts",
              apr_pstrcat(p, body, part, "--XyZ-b0undary\r\n" CD "filename=f\r\n\r\nlast\r\n--XyZ-b0undary--", NULL),
              "ERROR 400: The multipart/form-data body has more than 64 parts.");
    }

    /* max_content: exactly, and one past. */
    const char *file = "--XyZ-b0undary\r\n" CD "filename=f\r\n\r\n0123456789\r\n--XyZ-b0undary--";
    const char *first =
        "--XyZ-b0undary\r\n" CD "name=f\r\n\r\n0123456789\r\n--XyZ-b0undary\r\n\r\nx\r\n--XyZ-b0undary--";
    check_body("a file part of max_content bytes", file, strlen(file), B, 10, PART_OK("", "0123456789"));
    check_body("a file part one past max_content", file, strlen(file), B, 9,
               "ERROR 413: Part 1 of the multipart/form-data body is larger than the 9 bytes accepted here.");
    check_body("the first part, when none has a filename, of max_content bytes", first, strlen(first), B, 10,
               PART_OK("", "0123456789"));
    check_body("... and one past", first, strlen(first), B, 9,
               "ERROR 413: Part 1 of the multipart/form-data body is larger than the 9 bytes accepted here.");
    CHECK_WITH("max_content 0 and an empty file", "--XyZ-b0undary\r\n" CD "filename=f\r\n\r\n\r\n--XyZ-b0undary--", B,
               0, PART_OK("", ""));
    const char *third = "--XyZ-b0undary\r\n\r\nskipped, long as it is\r\n--XyZ-b0undary\r\n" CD "name=x\r\n\r\n"
                        "also skipped\r\n--XyZ-b0undary\r\n" CD "filename=f\r\n\r\n0123\r\n--XyZ-b0undary\r\n\r\n"
                        "after it, not counted either\r\n--XyZ-b0undary--";
    check_body("only the chosen part counts against max_content", third, strlen(third), B, 4, PART_OK("", "0123"));
}

/* The chosen part is handed on as it arrives, less what may begin a
 * delimiter; the first part, while no part has a filename, only at the end. */
static void test_streaming(void)
{
    static pieces ps;
    soi_bytes out;
    const char *type;
    const char *file = "--XyZ-b0undary\r\n" CD "filename=f\r\nContent-Type: image/png\r\n\r\n0123456789\r\n--XyZ-b0u";
    memset(&ps, 0, sizeof(ps));
    ps.bytes = soi_bytes_sink(p, 0, &out);
    ps.data[0] = file;
    ps.len[0] = strlen(file);
    ps.n = 1;
    soi_sink into = {&ps, check_feed, check_finish, 1};
    soi_sink dec = soi_multipart_decoder(p, B, NOLIMIT, into, &type);
    ok(!dec.feed(dec.ctx, file, strlen(file)), "a file part, up to part of a delimiter");
    ok(ps.fed == 1 && out.len == 0 && type && strcmp(type, "image/png") == 0,
       "its content is handed on at once (%d slices), its type known", ps.fed);
    ok(!dec.feed(dec.ctx, "ndary--", 7) && !dec.finish(dec.ctx) && out.len == 10 && ps.outside == 0,
       "the delimiter is not content: 10 bytes, slices of what was fed");

    const char *first = "--XyZ-b0undary\r\n" CD "name=a\r\n\r\n0123456789\r\n--XyZ-b0undary\r\n\r\nxyz\r\n";
    memset(&ps, 0, sizeof(ps));
    ps.bytes = soi_bytes_sink(p, 0, &out);
    ps.data[0] = first;
    ps.len[0] = strlen(first);
    ps.n = 1;
    dec = soi_multipart_decoder(p, B, NOLIMIT, into, &type);
    ok(!dec.feed(dec.ctx, first, strlen(first)) && ps.fed == 0 && type == NULL,
       "a first part without a filename is kept, not handed on, while a later part may have one");
    ok(!dec.feed(dec.ctx, "--XyZ-b0undary--", 16) && ps.fed == 0, "... up to the end");
    ok(!dec.finish(dec.ctx) && ps.fed == 1 && out.len == 10 && memcmp(out.data, "0123456789", 10) == 0
           && strcmp(type, "") == 0,
       "... and handed on when the body has ended, as a slice of what was fed");
}

#define E400 "ERROR 400: "
#define MPB "multipart/form-data body"
#define FILE_PART "--XyZ-b0undary\r\n" CD "filename=f\r\n\r\nx\r\n"

static void test_errors(void)
{
    CHECK("no delimiter", "just some bytes", E400 "The " MPB " holds no delimiter line \"--XyZ-b0undary\".");
    CHECK("no delimiter: only look-alikes", "--XyZ-b0undaryX\r\n--XyZ-b0undary-\r\n--XyZ-b0undary  x\r\n--XyZ-b0undary",
          E400 "The " MPB " holds no delimiter line \"--XyZ-b0undary\".");
    CHECK("no delimiter: another boundary", "--other\r\n\r\nx\r\n--other--",
          E400 "The " MPB " holds no delimiter line \"--XyZ-b0undary\".");
    CHECK("no part", "--XyZ-b0undary--\r\n",
          E400 "The " MPB " holds no part: its first delimiter is the close delimiter \"--XyZ-b0undary--\".");
    CHECK("no part, after a preamble", "preamble\r\n--XyZ-b0undary--",
          E400 "The " MPB " holds no part: its first delimiter is the close delimiter \"--XyZ-b0undary--\".");
    static const char *const unclosed[] = {FILE_PART "more", FILE_PART "\r\n--XyZ-b0undary",
                                           FILE_PART "\r\n--XyZ-b0undary-", FILE_PART "\r\n--XyZ-b0undary \r",
                                           "--XyZ-b0undary\r\n\r\n"};
    for (size_t i = 0; i < sizeof(unclosed) / sizeof(unclosed[0]); i++)
        CHECK(apr_psprintf(p, "no close delimiter: %s", soi_text_quote(p, unclosed[i], strlen(unclosed[i]), 200)),
              unclosed[i], E400 "The " MPB " ends without its close delimiter \"--XyZ-b0undary--\".");
    CHECK("the body ends after a delimiter line", FILE_PART "--XyZ-b0undary\r\n",
          E400 "The " MPB " ends in the headers of part 2, without its close delimiter.");
    CHECK("the body ends in a header line", FILE_PART "--XyZ-b0undary\r\nContent-Type: image/p",
          E400 "The " MPB " ends in the headers of part 2, without its close delimiter.");
    CHECK("the body ends before the empty line", "--XyZ-b0undary\r\nContent-Type: image/png\r\n",
          E400 "The " MPB " ends in the headers of part 1, without its close delimiter.");
    CHECK("a delimiter among the headers",
          "--XyZ-b0undary\r\nContent-Type: image/png\r\n--XyZ-b0undary\r\n\r\nx\r\n--XyZ-b0undary--",
          E400 "Part 1 of the " MPB " has a delimiter among its headers: an empty line must end them.");
    CHECK("the close delimiter among the headers", FILE_PART "--XyZ-b0undary\r\n" CD "name=a\r\n--XyZ-b0undary--",
          E400 "Part 2 of the " MPB " has a delimiter among its headers: an empty line must end them.");
    CHECK("the close delimiter among the headers, with a CR LF", "--XyZ-b0undary\r\nX: y\r\n--XyZ-b0undary--\r\n",
          E400 "Part 1 of the " MPB " has a delimiter among its headers: an empty line must end them.");
    CHECK("a folded header line", "--XyZ-b0undary\r\n" CD "name=a;\r\n filename=b\r\n\r\nx\r\n--XyZ-b0undary--",
          E400 "Part 1 of the " MPB
               " has a header line that begins with a space or tab (a folded line), which is refused.");
    CHECK("a first header line that begins with a tab",
          FILE_PART "--XyZ-b0undary\r\n\tX: y\r\n\r\n\r\n--XyZ-b0undary--",
          E400 "Part 2 of the " MPB
               " has a header line that begins with a space or tab (a folded line), which is refused.");
    static const char *const crlf[] = {"Content-Type: image/png\n", "Content-Type: a\rb\r\n", "\n", "\r\r\n",
                                       "X: y\r\r\n"};
    for (size_t i = 0; i < sizeof(crlf) / sizeof(crlf[0]); i++)
        CHECK(apr_psprintf(p, "a header line with a CR or LF of its own: %s",
                           soi_text_quote(p, crlf[i], strlen(crlf[i]), 100)),
              apr_pstrcat(p, "--XyZ-b0undary\r\n", crlf[i], "\r\nx\r\n--XyZ-b0undary--", NULL),
              E400 "Part 1 of the " MPB " has a header line with a CR or LF of its own: header lines end in CR LF.");
    static const struct {
        const char *line;
        apr_size_t len;
        const char *shown;
    } syntax[] = {{"No colon here", 13, "No colon here"},
                  {": no name", 9, ": no name"},
                  {"Content-Type : image/png", 24, "Content-Type : image/png"},
                  {"X\x01: y", 5, "X\\x01: y"},
                  {"X: a\x01z", 6, "X: a\\x01z"},
                  {"X: a\x7fz", 6, "X: a\\x7Fz"},
                  {"X: a\0z", 6, "X: a\\x00z"},
                  {"Bad(name): y", 12, "Bad(name): y"}};
    for (size_t i = 0; i < sizeof(syntax) / sizeof(syntax[0]); i++) {
        const char *head = "--XyZ-b0undary\r\n", *tail = "\r\n\r\nx\r\n--XyZ-b0undary--";
        char *body = apr_palloc(p, strlen(head) + syntax[i].len + strlen(tail));
        memcpy(body, head, strlen(head));
        memcpy(body + strlen(head), syntax[i].line, syntax[i].len);
        memcpy(body + strlen(head) + syntax[i].len, tail, strlen(tail));
        check_body(apr_psprintf(p, "a malformed header line: %s", syntax[i].shown), body,
                   strlen(head) + syntax[i].len + strlen(tail), B, NOLIMIT,
                   apr_psprintf(p,
                                E400 "Part 1 of the " MPB
                                     " has the header line \"%s\", which is not a name, a colon and a "
                                     "value of visible characters.",
                                syntax[i].shown));
    }
    CHECK("Content-Type twice",
          "--XyZ-b0undary\r\nContent-Type: image/png\r\n" CD "filename=f\r\ncontent-type: image/gif\r\n\r\nx\r\n"
          "--XyZ-b0undary--",
          E400 "Part 1 of the " MPB " gives the header Content-Type more than once.");
    CHECK("Content-Disposition twice",
          FILE_PART "--XyZ-b0undary\r\n" CD "name=a\r\n" CD "name=b\r\n\r\nx\r\n--XyZ-b0undary--", PART_OK("", "x"));
    CHECK("Content-Disposition twice, before a file part",
          "--XyZ-b0undary\r\n" CD "name=a\r\n" CD "filename=b\r\n\r\nx\r\n--XyZ-b0undary--",
          E400 "Part 1 of the " MPB " gives the header Content-Disposition more than once.");
    CHECK("a disposition other than form-data",
          "--XyZ-b0undary\r\nContent-Disposition: attachment; filename=\"a.png\"\r\n\r\nx\r\n--XyZ-b0undary--",
          E400 "Part 1 of the " MPB " has the Content-Disposition \"attachment\"; RFC 7578 has form-data.");
    static const char *const disposition[][2] = {
        {"form-data; name=\"unterminated", "name=\"unterminated"},
        {"form-data; name=\"ends in a backslash\\", "name=\"ends in a backslash\\x5C"},
        {"form-data name=x", "name=x"},
        {"form-data; name", "name"},
        {"form-data; =x; filename=f", "=x; filename=f"},
        {"form-data; name=a b; filename=f", "b; filename=f"},
        {"form-data; name=; filename=f", "name=; filename=f"},
        {"form-data; name=\"a\"x; filename=f", "x; filename=f"},
        {"form-data; filename", "filename"},
        {"", ""},
        {"; name=a", "; name=a"},
    };
    for (size_t i = 0; i < sizeof(disposition) / sizeof(disposition[0]); i++)
        CHECK(apr_psprintf(p, "a Content-Disposition that cannot be read: %s", disposition[i][0]),
              apr_pstrcat(p, "--XyZ-b0undary\r\nContent-Disposition: ", disposition[i][0],
                          "\r\n\r\nx\r\n--XyZ-b0undary--", NULL),
              apr_psprintf(p, E400 "The Content-Disposition of part 1 of the " MPB " cannot be read at \"%s\".",
                           disposition[i][1]));

    /* An error stops the decoder: it comes back from every later call. */
    soi_bytes out;
    const char *type;
    soi_sink dec = soi_multipart_decoder(p, B, NOLIMIT, soi_bytes_sink(p, 0, &out), &type);
    soi_error *err = dec.feed(dec.ctx, "--XyZ-b0undary--", 16);
    ok(err && dec.feed(dec.ctx, "--XyZ-b0undary\r\n", 16) == err && dec.finish(dec.ctx) == err,
       "the first error is returned again by every later call");
}

int main(void)
{
    apr_initialize();
    apr_pool_create(&p, NULL);

    test_boundary();
    test_bodies();
    test_streaming();
    test_errors();

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
