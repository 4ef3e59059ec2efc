/* Conditional requests, RFC 9110 section 13.2.2. */
#include <apr_general.h>

#include "core/soi_precondition.h"
#include "tap.h"

static apr_pool_t *p;
static const char *tag = "\"abc\"";
static apr_time_t lm; /* Sun, 06 Nov 1994 08:49:37 GMT, plus a fraction */

static int eval(const char *im, const char *inm, const char *ims, const char *ius, int read, const char *etag)
{
    soi_conditions c = {im, inm, ims, ius};
    soi_error *err;
    return soi_precondition(p, &c, read, etag, etag ? lm : 0, &err);
}

int main(void)
{
    apr_initialize();
    apr_pool_create(&p, NULL);
    lm = apr_time_from_sec(784111777) + 500000;

    is_int(eval(NULL, NULL, NULL, NULL, 1, tag), 0, "no conditions");
    is_int(eval("\"abc\"", NULL, NULL, NULL, 0, tag), 0, "If-Match with the current tag");
    is_int(eval("\"x\", \"abc\"", NULL, NULL, NULL, 0, tag), 0, "If-Match with a list holding it");
    is_int(eval("\"x\"", NULL, NULL, NULL, 0, tag), 412, "If-Match with another tag");
    is_int(eval("W/\"abc\"", NULL, NULL, NULL, 0, tag), 412, "If-Match compares strongly: a weak tag never matches");
    is_int(eval("*", NULL, NULL, NULL, 0, tag), 0, "If-Match: * with a picture");
    is_int(eval("*", NULL, NULL, NULL, 0, NULL), 412, "If-Match: * without one");
    is_int(eval("\"abc\"", NULL, NULL, NULL, 0, NULL), 412, "If-Match without a picture");
    is_int(eval("abc", NULL, NULL, NULL, 0, tag), 400, "an unquoted tag is malformed");
    is_int(eval("\"abc", NULL, NULL, NULL, 0, tag), 400, "an unterminated tag is malformed");
    is_int(eval("\"a\tbc\"", NULL, NULL, NULL, 0, tag), 400, "a tab inside a tag is malformed");
    is_int(eval("\"a bc\", \"abc\"", NULL, NULL, NULL, 0, tag), 400, "so is a space");
    is_int(eval(NULL, "\"ab\x7f\"", NULL, NULL, 1, tag), 400, "and DEL, in If-None-Match too");
    is_int(eval("\"\xc3\xa5\", \"abc\"", NULL, NULL, NULL, 0, tag), 0, "obs-text is allowed in a tag");

    is_int(eval(NULL, NULL, NULL, "Sun, 06 Nov 1994 08:49:37 GMT", 0, tag), 0,
           "If-Unmodified-Since at the modification second");
    is_int(eval(NULL, NULL, NULL, "Sun, 06 Nov 1994 08:49:36 GMT", 0, tag), 412, "a second earlier: 412");
    is_int(eval(NULL, NULL, NULL, "Sunday, 06-Nov-94 08:49:38 GMT", 0, tag), 0, "RFC 850 dates are read too");
    is_int(eval(NULL, NULL, NULL, "not a date", 0, tag), 0, "an invalid date is ignored");
    is_int(eval(NULL, NULL, NULL, "Thu, 01 Jan 1970 00:00:00 GMT", 0, tag), 412,
           "the epoch is a date (apr_date_parse_http gives 0 for it, as for garbage)");
    is_int(eval(NULL, NULL, NULL, "Thursday, 01-Jan-70 00:00:00 GMT", 0, tag), 412, "the epoch in RFC 850 form");
    is_int(eval(NULL, NULL, NULL, "Thu Jan  1 00:00:00 1970", 0, tag), 412, "and in asctime form");
    is_int(eval(NULL, NULL, NULL, "Thu, 01 Jan 1970 00:00:00 GMT junk", 0, tag), 0,
           "the epoch with junk after it is no date");
    is_int(eval(NULL, NULL, "Thu, 01 Jan 1970 00:00:00 GMT", NULL, 1, tag), 0,
           "If-Modified-Since: the epoch, modified since");
    is_int(eval("\"abc\"", NULL, NULL, "Sun, 06 Nov 1994 08:49:36 GMT", 0, tag), 0,
           "If-Unmodified-Since is ignored when If-Match is present");
    is_int(eval(NULL, NULL, NULL, "Sun, 06 Nov 1994 08:49:36 GMT", 0, NULL), 0,
           "and when there is no modification time");

    is_int(eval(NULL, "\"abc\"", NULL, NULL, 1, tag), 304, "If-None-Match with the current tag: 304 on GET");
    is_int(eval(NULL, "W/\"abc\"", NULL, NULL, 1, tag), 304, "compared weakly");
    is_int(eval(NULL, "\"abc\"", NULL, NULL, 0, tag), 412, "412 on a write");
    is_int(eval(NULL, "\"x\"", NULL, NULL, 1, tag), 0, "another tag: go on");
    is_int(eval(NULL, "*", NULL, NULL, 1, tag), 304, "If-None-Match: * with a picture");
    is_int(eval(NULL, "*", NULL, NULL, 0, NULL), 0, "If-None-Match: * on a write creating the picture");
    is_int(eval(NULL, "*", NULL, NULL, 0, tag), 412, "but not when one exists");
    is_int(eval(NULL, "\"x\" \"y\"", NULL, NULL, 1, tag), 400, "a list without commas is malformed");

    is_int(eval(NULL, NULL, "Sun, 06 Nov 1994 08:49:37 GMT", NULL, 1, tag), 304, "If-Modified-Since, not modified");
    is_int(eval(NULL, NULL, "Sun, 06 Nov 1994 08:49:36 GMT", NULL, 1, tag), 0, "modified since");
    is_int(eval(NULL, NULL, "Sun, 06 Nov 1994 08:49:37 GMT", NULL, 0, tag), 0, "ignored on writes");
    is_int(eval(NULL, "\"x\"", "Sun, 06 Nov 1994 08:49:37 GMT", NULL, 1, tag), 0,
           "ignored when If-None-Match is present");
    is_int(eval(NULL, NULL, "Sun, 06 Nov 1994 08:49:37 GMT", NULL, 1, NULL), 0, "ignored without a picture");
    is_int(eval("\"x\"", "\"abc\"", NULL, NULL, 1, tag), 412, "If-Match is evaluated first");

    apr_pool_destroy(p);
    apr_terminate();
    /* Range. */
    ok(soi_range_satisfiable("bytes=0-9", 100) && soi_range_satisfiable("bytes=99-", 100)
           && soi_range_satisfiable("bytes=-5", 100) && soi_range_satisfiable("bytes=200-300, 5-6", 100),
       "ranges with some byte in the picture");
    ok(!soi_range_satisfiable("bytes=100-", 100) && !soi_range_satisfiable("bytes=200-300, 150-", 100)
           && !soi_range_satisfiable("bytes=-0", 100) && !soi_range_satisfiable(" BYTES=100-200", 100),
       "range sets with none: 416");
    ok(soi_range_satisfiable("bytes=9-3", 100) && soi_range_satisfiable("bytes=a-b", 100)
           && soi_range_satisfiable("items=0-1", 100) && soi_range_satisfiable("bytes=", 100)
           && soi_range_satisfiable("bytes=-", 100) && soi_range_satisfiable("bytes=99999999999999999999-", 100),
       "malformed ones and other units are ignored, never a 416");
    return done_testing();
}
