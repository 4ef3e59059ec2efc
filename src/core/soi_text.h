/* Byte-level text rules shared by every codec: strict UTF-8, ASCII case
 * folding, decimal integers, and quoting client text in messages. */
#ifndef SOI_TEXT_H
#define SOI_TEXT_H

#include <apr_pools.h>

typedef enum {
    SOI_UTF8_OK = 0,
    SOI_UTF8_INVALID, /* ill-formed: overlong, surrogate, truncated, > U+10FFFF */
    SOI_UTF8_NUL,     /* U+0000 */
    SOI_UTF8_NOT_XML  /* a code point XML 1.0 cannot carry (C0 controls, U+FFFE, U+FFFF) */
} soi_utf8_status;

/* Checks s[0..n) as strict UTF-8 (RFC 3629) and counts its code points.
 * On failure *bad is the offending code point or lead byte, for messages. */
soi_utf8_status soi_utf8_check(const char *s, apr_size_t n, apr_size_t *chars, apr_uint32_t *bad);

/* Is s[0..n) strict UTF-8, whatever characters it holds (U+0000 and controls
 * included)? On failure *bad is as soi_utf8_check reports it. */
int soi_utf8_valid(const char *s, apr_size_t n, apr_uint32_t *bad);

/* The offending code point or lead byte of s[0..n), as soi_utf8_valid finds
 * it, in hex ("FF", "D800"), for messages; "" when s is valid UTF-8. */
const char *soi_utf8_bad_hex(apr_pool_t *pool, const char *s, apr_size_t n);

/* ASCII-only case-insensitive equality of s[0..n) with the NUL-terminated lit. */
int soi_ascii_ieq(const char *s, apr_size_t n, const char *lit);

/* Parses a decimal integer that fills s[0..n) exactly and lies in [min, max]:
 * an optional '-', then one or more digits (leading zeros allowed, "-0" is 0;
 * '+' is refused, as in JSON). Anything beyond 64 bits is refused without
 * wrapping. Returns 1 on success; *out is untouched on failure. */
int soi_parse_int(const char *s, apr_size_t n, apr_int64_t min, apr_int64_t max, apr_int64_t *out);

/* Header lists (RFC 9110 section 5.6.1, and the ';' lists of Cookie): the
 * element of s[0..n) that starts at *at and ends before the next sep (or at
 * n), without the spaces and tabs around it, as s[*from..*to); *at moves
 * past the separator. Empty elements are returned too, the one after a
 * trailing separator included. 0 once the list is done:
 *
 *     for (apr_size_t at = 0, from, to; soi_list_next(s, n, ',', &at, &from, &to);) ... */
int soi_list_next(const char *s, apr_size_t n, char sep, apr_size_t *at, apr_size_t *from, apr_size_t *to);

/* s[0..n) with leading and trailing spaces, tabs, CRs and LFs removed. */
void soi_trim(const char **s, apr_size_t *n);

/* Client text made safe to quote in a message: printable ASCII kept, every
 * other byte as \xNN, cut to at most max bytes of input with "..." after. */
const char *soi_text_quote(apr_pool_t *pool, const char *s, apr_size_t n, apr_size_t max);

#endif
