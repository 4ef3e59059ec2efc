/* Date-times as the entity carries them: microseconds since 1970-01-01 UTC
 * (PostgreSQL's precision), written with seven fraction digits and Z. */
#ifndef SOI_TIME_H
#define SOI_TIME_H

#include <apr.h>

/* 0001-01-01T00:00:00Z, .NET's DateTime.MinValue: the "unset" date. */
#define SOI_TIME_MIN (-APR_INT64_C(62135596800000000))
/* 9999-12-31T23:59:59.999999Z */
#define SOI_TIME_MAX (APR_INT64_C(253402300799999999))

/* Length of soi_time_format's output, without the NUL. */
#define SOI_TIME_LEN 28

/* Parses an ISO 8601 date or date-time (extended format, optional fraction,
 * optional Z or numeric offset; no offset means UTC) that fills s[0..n).
 * Returns 1 on success with *usec in SOI_TIME_MIN..SOI_TIME_MAX. */
int soi_time_parse(const char *s, apr_size_t n, apr_int64_t *usec);

/* Writes "YYYY-MM-DDTHH:MM:SS.fffffffZ" and a NUL into out. */
void soi_time_format(char out[SOI_TIME_LEN + 1], apr_int64_t usec);

/* The whole seconds since the epoch, rounded down, as an HTTP-date shows
 * them (apr_time_sec rounds a time before 1970 towards the epoch). */
static inline apr_int64_t soi_time_sec(apr_int64_t usec)
{
    return usec / 1000000 - (usec % 1000000 < 0);
}

/* Length of soi_time_http_date's output, without the NUL. */
#define SOI_HTTP_DATE_LEN 29

/* Writes the IMF-fixdate of RFC 9110 ("Sun, 06 Nov 1994 08:49:37 GMT",
 * what apr_rfc822_date writes) and a NUL into out: by arithmetic, since
 * apr_rfc822_date's gmtime_r takes a lock of the C library's, one for the
 * whole process, that every worker thread formatting a date contends for. */
void soi_time_http_date(char out[SOI_HTTP_DATE_LEN + 1], apr_int64_t usec);

#endif
