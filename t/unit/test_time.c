/* ISO 8601 parsing and the seven-digit UTC format. */
#include <apr_general.h>
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

    return done_testing();
}
