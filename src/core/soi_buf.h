/* A growable byte buffer on an APR pool: responses are built once, then sent
 * with an exact Content-Length. */
#ifndef SOI_BUF_H
#define SOI_BUF_H

#include <apr_pools.h>

typedef struct {
    apr_pool_t *pool;
    char *data;
    apr_size_t len;
    apr_size_t cap;
} soi_buf;

void soi_buf_init(soi_buf *b, apr_pool_t *pool, apr_size_t initial);
void soi_buf_add(soi_buf *b, const char *s, apr_size_t n);
void soi_buf_adds(soi_buf *b, const char *s);
void soi_buf_addc(soi_buf *b, char c);
/* A JSON string literal, quotes included; the input must be valid UTF-8.
 * Every C0 control is escaped (\t, \n, \r, else \u00XX). */
void soi_buf_json_string(soi_buf *b, const char *s, apr_size_t n);
/* XML character data with &, <, >, " escaped and CR as &#13; (which survives
 * line-end normalisation); the input must be valid UTF-8. The characters XML
 * 1.0 cannot carry, even as references (C0 controls other than tab, LF and
 * CR; U+FFFE, U+FFFF), are written as U+FFFD. */
void soi_buf_xml_text(soi_buf *b, const char *s, apr_size_t n);
/* The contents as a NUL-terminated string (the NUL is not counted in len). */
const char *soi_buf_cstr(soi_buf *b);

#endif
