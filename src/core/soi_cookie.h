/* Reading the Cookie request header (RFC 6265 sections 4.2.1 and 5.4):
 * "n1=v1; n2=v2". Pure parsing, for the cookie session of SPEC section 5
 * (SOTICKET, XSRF-TOKEN); what a value means is src/auth's business. */
#ifndef SOI_COOKIE_H
#define SOI_COOKIE_H

#include <apr_pools.h>
#include <apr_tables.h>

/* How much of a Cookie header is read: httpd's default LimitRequestFieldSize.
 * httpd refuses longer header lines unless told otherwise; when a raised
 * limit lets one through, only its first SOI_COOKIE_MAX bytes are read, and
 * the pair the limit cuts is skipped (never read as a shorter value). */
#define SOI_COOKIE_MAX 8190

/* Every value of the cookie `name` in a Cookie header value, in order (RFC
 * 6265 section 4.2.1 / 5.4: "n1=v1; n2=v2"): names compared exactly (case
 * matters, as browsers send them), values with surrounding DQUOTEs removed,
 * spaces around pairs tolerated, pairs without "=" or with an empty name
 * skipped, and a value that is not a cookie-value (RFC 6265 cookie-octet*,
 * or one DQUOTE-wrapped) skipped rather than guessed at. An empty array when
 * there is none.
 *
 * Pairs are separated by ';'; spaces and tabs around a pair are ignored, not
 * inside it ("a =1" names "a ", which no cookie-name is). The name is what
 * precedes the first '='. The elements are const char *, NUL-terminated
 * copies in pool; a value may be "". header is read up to its NUL or
 * SOI_COOKIE_MAX bytes, whichever comes first (and the byte after those, to
 * see whether the header goes on); NULL counts as no header.
 * Two Cookie header lines, which httpd joins with ", ", spoil the value
 * before the comma (',' is no cookie-octet): RFC 6265 has one line. */
apr_array_header_t *soi_cookie_values(apr_pool_t *pool, const char *header, const char *name);

/* Is c a cookie-octet of RFC 6265: a US-ASCII character other than
 * controls, space, DQUOTE, ',', ';' and '\'? */
int soi_cookie_octet(unsigned char c);

#endif
