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

#endif
