/* Conditional requests (RFC 9110 section 13.2.2): If-Match and
 * If-Unmodified-Since guard writes, If-None-Match and If-Modified-Since save
 * reads. Pure: the caller supplies the headers and the current validators. */
#ifndef SOI_PRECONDITION_H
#define SOI_PRECONDITION_H

#include <apr_time.h>

#include "core/soi_error.h"

typedef struct {
    const char *if_match;
    const char *if_none_match;
    const char *if_modified_since;
    const char *if_unmodified_since;
} soi_conditions;

/* Whether a write has to look at the stored state before writing. */
int soi_conditions_guard_write(const soi_conditions *c);

/* Evaluates c against the current representation: etag is its strong tag
 * (NULL when no picture is stored), last_modified its time (0: none).
 * Returns 0 to go on, 304 (reads only) or 412; a header that cannot be read
 * is a 400 in *err (and the return is 400). */
int soi_precondition(apr_pool_t *pool, const soi_conditions *c, int read, const char *etag, apr_time_t last_modified,
                     soi_error **err);

/* Range (RFC 9110 section 14.2) against a representation of `length`
 * bytes: 0 when the header is a well-formed bytes range set none of whose
 * ranges lies within them (the answer is a 416), 1 otherwise (a good range
 * set, or a header to ignore). */
int soi_range_satisfiable(const char *range, apr_off_t length);

#endif
