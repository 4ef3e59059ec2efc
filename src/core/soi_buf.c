#include "core/soi_buf.h"

#include <string.h>

void soi_buf_init(soi_buf *b, apr_pool_t *pool, apr_size_t initial)
{
    b->pool = pool;
    b->cap = initial ? initial : 256;
    b->data = apr_palloc(pool, b->cap);
    b->len = 0;
}

static void soi_buf_reserve(soi_buf *b, apr_size_t extra)
{
    apr_size_t need = b->len + extra + 1; /* room for soi_buf_cstr's NUL */
    if (need <= b->cap)
        return;
    apr_size_t cap = b->cap * 2;
    while (cap < need)
        cap *= 2;
    /* The old block stays in the pool until the request ends; doubling keeps
     * the total below twice the final size. */
    char *data = apr_palloc(b->pool, cap);
    memcpy(data, b->data, b->len);
    b->data = data;
    b->cap = cap;
}

void soi_buf_add(soi_buf *b, const char *s, apr_size_t n)
{
    soi_buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

void soi_buf_adds(soi_buf *b, const char *s)
{
    soi_buf_add(b, s, strlen(s));
}

void soi_buf_addc(soi_buf *b, char c)
{
    soi_buf_reserve(b, 1);
    b->data[b->len++] = c;
}

void soi_buf_json_string(soi_buf *b, const char *s, apr_size_t n)
{
    static const char hex[] = "0123456789abcdef";
    apr_size_t run = 0; /* bytes copied verbatim, flushed in one go */

    soi_buf_reserve(b, n + 2);
    soi_buf_addc(b, '"');
    for (apr_size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            run++;
            continue;
        }
        soi_buf_add(b, s + i - run, run);
        run = 0;
        switch (c) {
        case '"': soi_buf_add(b, "\\\"", 2); break;
        case '\\': soi_buf_add(b, "\\\\", 2); break;
        case '\n': soi_buf_add(b, "\\n", 2); break;
        case '\r': soi_buf_add(b, "\\r", 2); break;
        case '\t': soi_buf_add(b, "\\t", 2); break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            soi_buf_add(b, esc, sizeof(esc));
        }
        }
    }
    soi_buf_add(b, s + n - run, run);
    soi_buf_addc(b, '"');
}

void soi_buf_xml_text(soi_buf *b, const char *s, apr_size_t n)
{
    static const char fffd[] = "\xEF\xBF\xBD"; /* U+FFFD REPLACEMENT CHARACTER */
    apr_size_t run = 0;

    for (apr_size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc;
        switch (c) {
        case '&': esc = "&amp;"; break;
        case '<': esc = "&lt;"; break;
        case '>': esc = "&gt;"; break;
        case '"': esc = "&quot;"; break;
        /* Carriage returns would be normalised away by any XML parser. */
        case '\r': esc = "&#13;"; break;
        case '\t':
        case '\n': run++; continue;
        case 0xEF:
            /* U+FFFE and U+FFFF (EF BF BE, EF BF BF) are no XML characters. */
            if (i + 2 < n && (unsigned char)s[i + 1] == 0xBF && ((unsigned char)s[i + 2] & 0xFE) == 0xBE) {
                soi_buf_add(b, s + i - run, run);
                run = 0;
                soi_buf_add(b, fffd, 3);
                i += 2;
                continue;
            }
            run++;
            continue;
        default:
            /* The other C0 controls cannot be in XML 1.0 at all, not even as
             * character references: the database may hold them (bodies
             * cannot store them), so they are written as U+FFFD. */
            if (c >= 0x20) {
                run++;
                continue;
            }
            esc = fffd;
        }
        soi_buf_add(b, s + i - run, run);
        run = 0;
        soi_buf_adds(b, esc);
    }
    soi_buf_add(b, s + n - run, run);
}

const char *soi_buf_cstr(soi_buf *b)
{
    soi_buf_reserve(b, 0);
    b->data[b->len] = '\0';
    return b->data;
}
