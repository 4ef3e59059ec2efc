/* Strict UTF-8, ASCII case folding, integers, quoting. */
#include <apr_strings.h>
#include <apr_general.h>

#include "core/soi_text.h"
#include "tap.h"

static soi_utf8_status check(const char *s, apr_size_t n, apr_size_t *chars)
{
    apr_uint32_t bad;
    return soi_utf8_check(s, n, chars, &bad);
}

int main(void)
{
    apr_pool_t *p;
    apr_size_t chars = 0;

    apr_initialize();
    apr_pool_create(&p, NULL);

    ok(check("abc", 3, &chars) == SOI_UTF8_OK && chars == 3, "ASCII counts one character per byte");
    ok(check("\xc3\xa6\xc3\xb8\xc3\xa5", 6, &chars) == SOI_UTF8_OK && chars == 3, "two-byte forms count once");
    ok(check("\xe2\x82\xac", 3, &chars) == SOI_UTF8_OK && chars == 1, "three-byte euro sign");
    ok(check("\xf0\x9f\x98\x80", 4, &chars) == SOI_UTF8_OK && chars == 1, "four-byte emoji counts once");
    ok(check("\xc0\xaf", 2, &chars) == SOI_UTF8_INVALID, "overlong two-byte slash refused");
    ok(check("\xe0\x80\xaf", 3, &chars) == SOI_UTF8_INVALID, "overlong three-byte form refused");
    ok(check("\xf0\x80\x80\xaf", 4, &chars) == SOI_UTF8_INVALID, "overlong four-byte form refused");
    ok(check("\xed\xa0\x80", 3, &chars) == SOI_UTF8_INVALID, "encoded high surrogate refused");
    ok(check("\xed\xbf\xbf", 3, &chars) == SOI_UTF8_INVALID, "encoded low surrogate refused");
    ok(check("\xf4\x90\x80\x80", 4, &chars) == SOI_UTF8_INVALID, "code point above U+10FFFF refused");
    ok(check("\xf5\x80\x80\x80", 4, &chars) == SOI_UTF8_INVALID, "lead byte F5 refused");
    ok(check("\xc3", 1, &chars) == SOI_UTF8_INVALID, "truncated sequence refused");
    ok(check("\xc3\x28", 2, &chars) == SOI_UTF8_INVALID, "bad continuation byte refused");
    ok(check("\x80", 1, &chars) == SOI_UTF8_INVALID, "lone continuation byte refused");
    ok(check("a\0b", 3, &chars) == SOI_UTF8_NUL, "U+0000 reported as such");
    ok(check("a\x01", 2, &chars) == SOI_UTF8_NOT_XML, "C0 control refused");
    ok(check("\xef\xbf\xbe", 3, &chars) == SOI_UTF8_NOT_XML, "U+FFFE refused");
    ok(check("a\tb\r\nc", 6, &chars) == SOI_UTF8_OK && chars == 6, "tab, CR and LF accepted");
    ok(check("\xef\xbf\xbd", 3, &chars) == SOI_UTF8_OK, "U+FFFD accepted");

    apr_uint32_t bad = 0;
    ok(soi_utf8_valid("a\0\x01\xef\xbf\xbe", 6, &bad), "soi_utf8_valid: U+0000, controls and U+FFFE are UTF-8");
    ok(!soi_utf8_valid("a\0\xff", 3, &bad) && bad == 0xFF, "and finds what is not, after a U+0000");
    is_str(soi_utf8_bad_hex(p, "ab\xed\xa0\x80", 5), "D800", "the offending code point in hex");
    is_str(soi_utf8_bad_hex(p, "\x01\xe2\x82", 3), "E2", "the lead byte of a truncated sequence");
    is_str(soi_utf8_bad_hex(p, "\x01\xc3\xa6", 3), "", "nothing for valid UTF-8");

    ok(soi_ascii_ieq("imageINFO", 9, "ImageInfo"), "case-insensitive match");
    ok(!soi_ascii_ieq("ImageInf", 8, "ImageInfo"), "prefix does not match");
    ok(!soi_ascii_ieq("ImageInfoX", 10, "ImageInfo"), "longer does not match");

    apr_int64_t v;
    ok(soi_parse_int("2147483647", 10, 0, APR_INT32_MAX, &v) && v == 2147483647, "int32 max");
    ok(!soi_parse_int("2147483648", 10, 0, APR_INT32_MAX, &v), "int32 max + 1 refused");
    ok(soi_parse_int("-2147483648", 11, -APR_INT64_C(2147483648), APR_INT32_MAX, &v) && v == -2147483648LL,
       "int32 min");
    ok(!soi_parse_int("99999999999999999999999", 23, 0, APR_INT32_MAX, &v), "huge number refused without overflow");
    ok(!soi_parse_int("12a", 3, 0, 100, &v), "trailing garbage refused");
    ok(!soi_parse_int("", 0, 0, 100, &v), "empty refused");
    ok(!soi_parse_int("-", 1, -100, 100, &v), "lone sign refused");

    /* Overflow is found before it happens: nothing wraps modulo 2^64. */
    const apr_int64_t lo = APR_INT64_MIN, hi = APR_INT64_MAX;
    ok(soi_parse_int("9223372036854775807", 19, lo, hi, &v) && v == APR_INT64_MAX, "2^63-1 is the largest");
    ok(!soi_parse_int("9223372036854775808", 19, lo, hi, &v), "2^63 refused");
    ok(soi_parse_int("-9223372036854775808", 20, lo, hi, &v) && v == APR_INT64_MIN, "-2^63 is the smallest");
    ok(!soi_parse_int("-9223372036854775809", 20, lo, hi, &v), "-2^63-1 refused");
    ok(!soi_parse_int("18446744073709551615", 20, lo, hi, &v), "2^64-1 refused");
    v = -1;
    ok(!soi_parse_int("18446744073709551616", 20, lo, hi, &v) && v == -1, "2^64 refused, not read as 0");
    ok(!soi_parse_int("18446744073709551617", 20, 0, APR_INT32_MAX, &v) && v == -1, "2^64+1 refused, not read as 1");
    ok(!soi_parse_int("18446744073709552246", 20, -APR_INT64_C(2147483648), APR_INT32_MAX, &v) && v == -1,
       "2^64+630 refused, not read as 630");
    ok(!soi_parse_int("-18446744073709551617", 21, lo, hi, &v), "-(2^64+1) refused, not read as -1");
    ok(!soi_parse_int("36893488147419103232", 20, lo, hi, &v), "2^65 refused");
    ok(!soi_parse_int("100000000000000000000", 21, lo, hi, &v), "21 digits refused");
    ok(soi_parse_int("00000000000000000000000042", 26, 0, 100, &v) && v == 42, "leading zeros are not digits too many");
    /* The sign rule, for every codec and directive: an optional '-', never '+'. */
    ok(!soi_parse_int("+5", 2, -100, 100, &v), "a plus sign refused");
    ok(!soi_parse_int("+0", 2, -100, 100, &v), "+0 refused");
    ok(!soi_parse_int("+", 1, -100, 100, &v), "a lone plus refused");
    ok(!soi_parse_int("--5", 3, -100, 100, &v) && !soi_parse_int("-+5", 3, -100, 100, &v), "one sign at most");
    ok(soi_parse_int("-0", 2, 0, 100, &v) && v == 0, "-0 is 0, in range 0..100");
    ok(soi_parse_int("-5", 2, -100, 100, &v) && v == -5, "a minus sign");
    ok(!soi_parse_int(" 5", 2, -100, 100, &v) && !soi_parse_int("5 ", 2, -100, 100, &v), "no spaces");

    const char *s = "  x \r\n";
    apr_size_t n = 6;
    soi_trim(&s, &n);
    ok(n == 1 && *s == 'x', "trim removes spaces, CR and LF");

    is_str(soi_text_quote(p, "a\"b\xff", 4, 10), "a\"b\\xFF", "quote escapes non-ASCII bytes");
    is_str(soi_text_quote(p, "abcdef", 6, 3), "abc...", "quote truncates");

    /* Header lists: every element, trimmed of spaces and tabs, empty ones too. */
    static const struct {
        const char *list, *want;
        char sep;
    } lists[] = {
        {"", "[]", ','},
        {"a", "[a]", ','},
        {" a ,\tb\t, c", "[a][b][c]", ','},
        {"a,,b,", "[a][][b][]", ','},
        {" , ", "[][]", ','},
        {"x=1; y=2 ;z", "[x=1][y=2][z]", ';'},
        {"a;b,c", "[a;b][c]", ','},
    };
    for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
        const char *l = lists[i].list;
        const char *got = "";
        for (apr_size_t at = 0, from, to; soi_list_next(l, strlen(l), lists[i].sep, &at, &from, &to);)
            got = apr_psprintf(p, "%s[%.*s]", got, (int)(to - from), l + from);
        is_str(got, lists[i].want, "the list \"%s\" split at '%c'", l, lists[i].sep);
    }

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
