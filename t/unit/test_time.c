/* ISO 8601 parsing, the seven-digit UTC format, and HTTP-dates. */
#include <apr_general.h>
#include <apr_time.h>
#include <string.h>

#include "core/soi_time.h"
#include "tap.h"

static int parses(const char *s, apr_int64_t *t)
{
    return soi_time_parse(s, strlen(s), t);
}

static const char *fmt(apr_int64_t t)
{
    static char out[SOI_TIME_LEN + 1];
    soi_time_format(out, t);
    return out;
}

static const char *http_date(apr_int64_t t)
{
    static char out[SOI_HTTP_DATE_LEN + 1];
    soi_time_http_date(out, t);
    return out;
}

/* The HTTP-date of t agrees with apr_rfc822_date's, byte for byte, given
 * the second t falls in (apr_rfc822_date rounds a fraction before 1970
 * towards the epoch, into the next second). */
static int http_date_agrees(apr_int64_t t)
{
    char want[APR_RFC822_DATE_LEN];
    apr_rfc822_date(want, apr_time_from_sec(soi_time_sec(t)));
    return strcmp(http_date(t), want) == 0;
}

int main(void)
{
    apr_int64_t t;

    is_str(fmt(0), "1970-01-01T00:00:00.0000000Z", "epoch");
    is_str(fmt(SOI_TIME_MIN), "0001-01-01T00:00:00.0000000Z", "DateTime.MinValue");
    is_str(fmt(SOI_TIME_MAX), "9999-12-31T23:59:59.9999990Z", "the last representable instant");
    is_str(fmt(-1), "1969-12-31T23:59:59.9999990Z", "one microsecond before the epoch");

    ok(parses("2020-03-20T02:49:50.7296616+01:00", &t), "the seed's CreatedDate parses");
    is_str(fmt(t), "2020-03-20T01:49:50.7296610Z", "and converts to UTC, microseconds kept");
    ok(parses("1995-10-27T02:49:50.7296616+02:00", &t), "the seed's UpdatedDate parses");
    is_str(fmt(t), "1995-10-27T00:49:50.7296610Z", "and converts to UTC");
    ok(parses("0001-01-01T00:00:00", &t) && t == SOI_TIME_MIN, "no offset means UTC");
    ok(parses("2024-02-29", &t), "a date alone (leap day)");
    ok(parses("2024-02-29T23:59Z", &t), "minutes without seconds");
    ok(parses("2000-01-01T00:00:00-0530", &t), "offset without colon");
    ok(parses("2000-01-01t00:00:00z", &t), "lower-case t and z");
    ok(parses("2000-01-01 00:00:00Z", &t), "space separator");
    ok(parses("2000-01-01T00:00:00.123456789Z", &t), "nine fraction digits");
    is_str(fmt(t), "2000-01-01T00:00:00.1234560Z", "truncated to microseconds");

    ok(!parses("2023-02-29", &t), "no 29 February in 2023");
    ok(!parses("1900-02-29", &t), "none in 1900 either");
    ok(!parses("2020-13-01", &t), "month 13 refused");
    ok(!parses("2020-00-10", &t), "month 0 refused");
    ok(!parses("2020-04-31", &t), "31 April refused");
    ok(!parses("0000-01-01", &t), "year 0 refused");
    ok(!parses("2020-01-01T24:00:00", &t), "hour 24 refused");
    ok(!parses("2020-01-01T23:59:60", &t), "leap second refused");
    ok(!parses("2020-01-01T00:00:00+15:00", &t), "offset beyond 14 hours refused");
    ok(!parses("2020-01-01T00:00:00.", &t), "empty fraction refused");
    ok(!parses("2020-01-01T00:00:00Zjunk", &t), "trailing garbage refused");
    ok(!parses("20200101", &t), "basic format refused");
    ok(!parses("yesterday", &t), "words refused");
    ok(!parses("", &t), "empty refused");
    ok(!parses("0001-01-01T00:00:00+01:00", &t), "before year 1 after the offset refused");
    ok(!parses("9999-12-31T23:00:00-02:00", &t), "after year 9999 after the offset refused");

    ok(soi_time_sec(999999) == 0 && soi_time_sec(-1) == -1 && soi_time_sec(-1000000) == -1
           && soi_time_sec(-1000001) == -2,
       "seconds round down, before the epoch too");
    is_str(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT", "HTTP-date: the epoch");
    is_str(http_date(784111777000000), "Sun, 06 Nov 1994 08:49:37 GMT", "RFC 9110's example");
    is_str(http_date(-1), "Wed, 31 Dec 1969 23:59:59 GMT", "one microsecond before the epoch");
    is_str(http_date(951782400999999), "Tue, 29 Feb 2000 00:00:00 GMT", "a leap day, the fraction dropped");
    is_str(http_date(SOI_TIME_MAX), "Fri, 31 Dec 9999 23:59:59 GMT", "the last representable instant");
    is_str(http_date(SOI_TIME_MIN), "Mon, 01 Jan 0001 00:00:00 GMT", "DateTime.MinValue");
    /* Every day from 1900 to 2200 at a varying time of day, then instants
     * spread over the years 1 to 9999 (a linear congruential walk). */
    int agree = 1;
    apr_int64_t day = APR_INT64_C(86400000000);
    for (apr_int64_t t = -25567 * day; t < 84006 * day && agree; t += day + 7777777)
        agree = http_date_agrees(t);
    ok(agree, "every day from 1900 to 2200 as apr_rfc822_date writes it");
    apr_uint64_t x = 12345;
    for (int i = 0; i < 100000 && agree; i++) {
        x = x * APR_UINT64_C(6364136223846793005) + 1442695040888963407;
        agree = http_date_agrees(SOI_TIME_MIN + (apr_int64_t)(x % (apr_uint64_t)(SOI_TIME_MAX - SOI_TIME_MIN)));
    }
    ok(agree, "100,000 instants from year 1 to 9999 as apr_rfc822_date writes them");

    return done_testing();
}
