/* The Cookie header: every value of one cookie, in order. */
#include <apr_general.h>
#include <apr_strings.h>
#include <string.h>

#include "core/soi_cookie.h"
#include "tap.h"

static apr_pool_t *p;

/* The values of `name` in `header`, each in <>: "" is none, "<>" one empty
 * value, "<1><3>" two. */
static const char *values(const char *header, const char *name)
{
    apr_array_header_t *v = soi_cookie_values(p, header, name);
    const char *out = "";
    for (int i = 0; i < v->nelts; i++)
        out = apr_pstrcat(p, out, "<", APR_ARRAY_IDX(v, i, const char *), ">", NULL);
    return out;
}

int main(void)
{
    apr_initialize();
    apr_pool_create(&p, NULL);

    /* Several cookies, as browsers send them. */
    const char *browser = "XSRF-TOKEN=x5f; SOTICKET=7T:abc==; lang=en";
    is_str(values(browser, "SOTICKET"), "<7T:abc==>", "a cookie among others");
    is_str(values(browser, "XSRF-TOKEN"), "<x5f>", "the first one");
    is_str(values(browser, "lang"), "<en>", "the last one");
    is_str(values(browser, "nosuch"), "", "one that is not there");
    is_str(values("SOTICKET=7T:abc", "SOTICKET"), "<7T:abc>", "the only one");
    is_int(soi_cookie_values(p, browser, "nosuch")->nelts, 0, "none is an empty array");
    is_int(soi_cookie_values(p, NULL, "a")->nelts, 0, "no header: none");
    is_int(soi_cookie_values(p, "", "a")->nelts, 0, "an empty header: none");
    is_int(soi_cookie_values(p, "a=1", "")->nelts, 0, "an empty name is never found");
    is_int(soi_cookie_values(p, "a=1", NULL)->nelts, 0, "nor a NULL one");

    /* Names compared exactly. */
    is_str(values("sid=1; SID=2; Sid=3", "SID"), "<2>", "case matters");
    is_str(values("sid=1; SID=2; Sid=3", "sid"), "<1>", "lower case");
    is_str(values("SOTICKETX=1; SOTICKET=2; XSOTICKET=3", "SOTICKET"), "<2>",
           "a name that has it as a prefix or suffix is another name");
    is_str(values("SO=1; SOTICKET=2", "SOTICKET"), "<2>", "a prefix of it is another name");
    is_str(values("SOTICKET=1", "SO"), "", "nor is it found by a prefix");
    is_str(values("a=b=c", "a"), "<b=c>", "the name ends at the first '='");
    is_str(values("a=b=c", "a=b"), "", "a name with '=' is never found");

    /* Quoted values. */
    is_str(values("a=\"q1\"; b=2", "a"), "<q1>", "DQUOTEs removed");
    is_str(values("a=\"\"", "a"), "<>", "an empty quoted value is \"\"");
    is_str(values("a=\"\"; a=x", "a"), "<><x>", "... an element of its own");
    is_str(values("a=\"", "a"), "", "a lone DQUOTE is skipped");
    is_str(values("a=\"abc", "a"), "", "an unclosed DQUOTE is skipped");
    is_str(values("a=abc\"", "a"), "", "a DQUOTE at the end only is skipped");
    is_str(values("a=\"a\"b\"", "a"), "", "a DQUOTE inside a quoted value is skipped");
    is_str(values("a=\"x y\"", "a"), "", "quotes do not make a space a cookie-octet");
    is_str(values("a=\"\"\"\"", "a"), "", "nor DQUOTEs");
    is_str(values("a=\"x\"; a=y", "a"), "<x><y>", "quoted and plain in order");

    /* Duplicates, in order. */
    is_str(values("a=1; b=2; a=3; a=4", "a"), "<1><3><4>", "every value, in order");
    is_str(values("a=1; a=1", "a"), "<1><1>", "equal values twice");

    /* Odd spacing. */
    is_str(values("  a=1 ;b=2;;  c=3  ", "a"), "<1>", "spaces before and after a pair");
    is_str(values("  a=1 ;b=2;;  c=3  ", "b"), "<2>", "no space after ';'");
    is_str(values("  a=1 ;b=2;;  c=3  ", "c"), "<3>", "an empty pair between, and trailing spaces");
    is_str(values("\ta=1\t;\tb=2", "b"), "<2>", "tabs too");
    is_str(values("a =1; a= 2; a=3", "a"), "<3>", "no spaces around '=' (\"a \" is another name; \" 2\" is no value)");
    is_str(values("a=1 2", "a"), "", "a space inside a value is skipped");
    is_str(values(";;; a=1 ;;;", "a"), "<1>", "empty pairs around");

    /* Malformed pairs. */
    is_str(values("a; a=1; =2; a", "a"), "<1>", "pairs without '=' are skipped");
    is_str(values("=x; =; a=1", "a"), "<1>", "pairs with an empty name are skipped");
    is_str(values("=x", ""), "", "an empty name is never a match");
    is_str(values("a=x\\y; a=z", "a"), "<z>", "a backslash is no cookie-octet");
    is_str(values("a=x,y; a=z", "a"), "<z>", "nor a comma (two header lines joined by httpd)");
    is_str(values("a=x\x01y; a=\x7f; a=z", "a"), "<z>", "nor controls or DEL");
    is_str(values("a=1, a=2", "a"), "", "\"1, a=2\" is one value, and no cookie-value");

    /* Empty values. */
    is_str(values("a=", "a"), "<>", "an empty value");
    is_str(values("a=; b=2", "a"), "<>", "... before another pair");
    is_str(values("a=;a=x;a=", "a"), "<><x><>", "empty values are elements too");
    is_int(soi_cookie_values(p, "a=; a=", "a")->nelts, 2, "two empty values are two elements");

    /* Bytes outside US-ASCII. */
    is_str(values("a=caf\xc3\xa9; a=ok", "a"), "<ok>", "UTF-8 in a value is no cookie-octet");
    is_str(values("a=\"\xff\"; a=ok", "a"), "<ok>", "nor quoted");
    is_str(values("caf\xc3\xa9=1; a=2", "caf\xc3\xa9"), "<1>", "a name is compared as bytes, whatever they are");
    is_str(values("\xff=1; a=2", "a"), "<2>", "a name of other bytes does not hide the next pair");

    /* cookie-octet, byte by byte. */
    int octets = 0, wrong = 0;
    for (int c = 0; c < 256; c++) {
        int want = c >= 0x21 && c <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
        octets += want;
        wrong += soi_cookie_octet((unsigned char)c) != want;
    }
    is_int(octets, 94 - 4, "cookie-octet: %%x21-7E but DQUOTE, ',', ';' and backslash");
    is_int(wrong, 0, "soi_cookie_octet says so for every byte");
    ok(!soi_cookie_octet(' ') && !soi_cookie_octet(0x7F) && !soi_cookie_octet(0x80) && soi_cookie_octet('!')
           && soi_cookie_octet('~'),
       "the edges: space, DEL, 0x80 are not; '!' and '~' are");

    /* What is read: up to the NUL, up to SOI_COOKIE_MAX bytes. */
    char buf[] = "a=1\0a=2";
    is_str(values(buf, "a"), "<1>", "nothing past the NUL");
    apr_size_t fill = SOI_COOKIE_MAX - strlen("; a=12");
    char *big = apr_palloc(p, SOI_COOKIE_MAX + 64);
    memset(big, 'x', fill);
    big[0] = 'f';
    big[1] = '=';
    strcpy(big + fill, "; a=12");
    is_int(strlen(big), SOI_COOKIE_MAX, "a header of exactly the limit");
    is_str(values(big, "a"), "<12>", "is read whole");
    strcpy(big + fill, "; a=123");
    is_str(values(big, "a"), "", "one byte more: the pair the limit cuts is skipped, not read as \"12\"");
    strcpy(big + fill, "; a=12; b=3");
    is_str(values(big, "a"), "<12>", "a pair that ends at the limit, ';' after it, is whole");
    strcpy(big + fill, "; a=12 ; b");
    is_str(values(big, "a"), "", "a space after it at the limit: cut, to be safe");
    strcpy(big + fill - 8, "; a=1; a=2222222; a=3");
    is_str(values(big, "a"), "<1>", "the pairs after the limit are not read");

    return done_testing();
}
