/* multipart/form-data (RFC 7578, with the framing of RFC 2046 section 5.1):
 * how a browser's form uploads a file, here a picture's bytes. Pure parsing,
 * streaming: the body is read as it arrives and the file's content is handed
 * on as slices of what was fed, never copied. */
#ifndef SOI_MULTIPART_H
#define SOI_MULTIPART_H

#include "core/soi_sink.h"

/* RFC 2046 section 5.1.1: a boundary has 1 to 70 characters. */
#define SOI_MULTIPART_BOUNDARY_MAX 70

/* The boundary of a multipart/form-data Content-Type value, e.g.
 * "multipart/form-data; boundary=----x" or with the boundary quoted (RFC 2046
 * section 5.1.1: 1 to 70 bchars, not ending in a space; RFC 7578). The type
 * and parameter names match without regard to case; other parameters are
 * skipped. An unquoted boundary runs up to ';', a space, a tab or the end
 * (so that a bchar such as '=' or ':', which RFC 2045 would have quoted, is
 * still read); a quoted one loses its quotes and backslash escapes.
 *
 * A 400 naming what is wrong when the type is not multipart/form-data, the
 * parameter is missing, given twice, empty, too long or holds a character
 * outside bchars, or the value cannot be read as a media type with
 * parameters (content_type NULL counts as ""). *boundary, in pool, is set
 * only on success. */
soi_error *soi_multipart_boundary(apr_pool_t *pool, const char *content_type, const char **boundary);

/* The decoder's limits: bytes of one part's header block (its lines with
 * their CR LFs and the empty line that ends them), parts in a body, and the
 * transport padding (spaces and tabs) between a delimiter and its CR LF.
 * Past any of them the body is refused with a 400: they bound what a body
 * can make the decoder keep, not the body's size (that is max_content's and
 * the body reader's, with a 413). */
#define SOI_MULTIPART_HEADERS_MAX 8192
#define SOI_MULTIPART_PARTS_MAX 64
#define SOI_MULTIPART_PADDING_MAX 256

/* A sink reading a multipart/form-data body as it arrives (RFC 7578, framing
 * of RFC 2046 section 5.1) and handing the content of its first file part --
 * the first part whose Content-Disposition header (form-data) has a filename
 * parameter, or when none has one, the first part -- to `into`, as slices of
 * what it is itself fed: it holds (soi_sink.holds is 1) and copies nothing of
 * the content, so bytes held back because they might begin a delimiter are
 * handed on later as slices of earlier pieces, which the caller keeps valid.
 * *type is that part's Content-Type value ("" when it has none), set once its
 * headers are read. `max_content` bounds that part's content (413 past it).
 *
 * The framing, strictly:
 *  - the delimiter is CR LF "--" boundary; the first may also open the body
 *    without its CR LF. Spaces and tabs may follow it (at most
 *    SOI_MULTIPART_PADDING_MAX), then CR LF. The close delimiter is the
 *    delimiter and "--"; whatever follows it is the epilogue, and whatever
 *    precedes the first delimiter the preamble, both ignored. A delimiter
 *    followed by anything else is no delimiter: its bytes are content.
 *  - a part is header lines, each ending in CR LF (no other CR or LF, no
 *    control but tab, no folded lines), an empty line, then the content up
 *    to the next delimiter. A part may also end right after its headers
 *    (RFC 2046's body-part without [CRLF *OCTET]): its content is empty. A
 *    header line that begins with "--" boundary is a delimiter among the
 *    headers, refused.
 *  - header names match without regard to case. Content-Disposition and
 *    Content-Type are read, and only for the parts up to the chosen one: the
 *    disposition must be form-data, and its parameters (token or quoted
 *    string with backslash escapes) are read up to the first filename or
 *    filename* (which counts as one, whatever its value); either header twice
 *    in one of those parts is refused.
 *
 * The first part, when it has no filename, is kept (as slices, up to
 * max_content bytes) until the body ends or a file part is met; every other
 * part that is not the chosen one is skipped without being kept. So when no
 * part has a filename, *type is set and `into` fed only at finish(). Only
 * the chosen part's content counts against max_content. Before *type is set
 * it is NULL. into.finish() is called once the whole body has been found
 * well-formed; an error stops everything, and is returned again by any
 * later call. */
soi_sink soi_multipart_decoder(apr_pool_t *pool, const char *boundary, apr_off_t max_content, soi_sink into,
                               const char **type);

#endif
