/* multipart/form-data: the boundary of a Content-Type. */
#include <apr_general.h>
#include <apr_strings.h>
#include <string.h>

#include "codec/soi_multipart.h"
#include "tap.h"

static apr_pool_t *p;

/* The boundary read from a Content-Type value, or "ERROR <status>: <message>". */
static const char *boundary_of(const char *content_type)
{
    const char *b = "(unset)";
    soi_error *err = soi_multipart_boundary(p, content_type, &b);
    return err ? apr_psprintf(p, "ERROR %d: %s", err->status, msg_of(err)) : b;
}

static void test_boundary(void)
{
    static const char *const good[][2] = {
        {"multipart/form-data; boundary=----x", "----x"},
        {"multipart/form-data;boundary=abc", "abc"},
        {"Multipart/Form-Data; BOUNDARY=abc", "abc"},
        {"  multipart/form-data ; charset=utf-8 ; boundary=abc ; x=\"y;z\"  ", "abc"},
        {"multipart/form-data; boundary=\"a b:c\"", "a b:c"},
        {"multipart/form-data; boundary=\"a\\bc\"", "abc"},
        {"multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
         "----WebKitFormBoundary7MA4YWxkTrZu0gW"},
        {"multipart/form-data; boundary==_Part_0/1.2:3?", "=_Part_0/1.2:3?"},
        {"multipart/form-data; boundary=\"'()+_,-./:=? x\"", "'()+_,-./:=? x"},
        {"multipart/form-data; boundary=1", "1"},
        {"multipart/form-data; boundary=abc;", "abc"},
    };
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
        is_str(boundary_of(good[i][0]), good[i][1], "boundary of %s", good[i][0]);

    char seventy[71], seventy_one[72];
    memset(seventy, 'b', 70);
    seventy[70] = '\0';
    memset(seventy_one, 'b', 71);
    seventy_one[71] = '\0';
    is_str(boundary_of(apr_pstrcat(p, "multipart/form-data; boundary=", seventy, NULL)), seventy,
           "70 characters are accepted");
    is_str(boundary_of(apr_pstrcat(p, "multipart/form-data; boundary=\"", seventy, "\"", NULL)), seventy,
           "70 characters quoted too");

#define PFX "ERROR 400: The boundary parameter of the multipart/form-data Content-Type "
    is_str(boundary_of(apr_pstrcat(p, "multipart/form-data; boundary=", seventy_one, NULL)),
           PFX "has 71 characters; at most 70 are accepted (RFC 2046).", "71 are too long");
    is_str(boundary_of(apr_pstrcat(p, "multipart/form-data; boundary=\"", seventy_one, "\"", NULL)),
           PFX "has 71 characters; at most 70 are accepted (RFC 2046).", "quoted too");
    is_str(boundary_of("multipart/form-data; boundary="), PFX "is empty.", "an empty boundary");
    is_str(boundary_of("multipart/form-data; boundary=\"\""), PFX "is empty.", "an empty quoted boundary");
    is_str(boundary_of("multipart/form-data; boundary=; charset=utf-8"), PFX "is empty.", "empty before another");
    is_str(boundary_of("multipart/form-data; boundary=\"abc \""), PFX "ends in a space, which RFC 2046 does not allow.",
           "a boundary ending in a space");
    static const struct {
        const char *ct, *hex;
    } bad[] = {{"multipart/form-data; boundary=ab\"c", "22"},     {"multipart/form-data; boundary=\"a@b\"", "40"},
               {"multipart/form-data; boundary=a<b", "3C"},       {"multipart/form-data; boundary=\"a\tb\"", "09"},
               {"multipart/form-data; boundary=a\xc3\xa9", "C3"}, {"multipart/form-data; boundary=\"a\\\"b\"", "22"},
               {"multipart/form-data; boundary=a*b", "2A"}};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        is_str(boundary_of(bad[i].ct),
               apr_psprintf(p,
                            PFX "holds the byte 0x%s, which is not a boundary character (RFC 2046: letters, digits, "
                                "space and '()+_,-./:=?).",
                            bad[i].hex),
               "a character outside bchars: %s", bad[i].ct);
#undef PFX

    is_str(boundary_of("multipart/form-data"),
           "ERROR 400: The multipart/form-data Content-Type has no boundary parameter.", "no parameter at all");
    is_str(boundary_of("multipart/form-data; charset=utf-8; xboundary=a"),
           "ERROR 400: The multipart/form-data Content-Type has no boundary parameter.", "no boundary parameter");
    is_str(boundary_of("multipart/form-data; boundary=a; Boundary=b"),
           "ERROR 400: The multipart/form-data Content-Type gives the boundary parameter more than once.",
           "two boundaries");
    is_str(boundary_of("multipart/mixed; boundary=abc"),
           "ERROR 400: The Content-Type \"multipart/mixed\" is not multipart/form-data.", "another multipart type");
    is_str(boundary_of("application/json"),
           "ERROR 400: The Content-Type \"application/json\" is not multipart/form-data.", "another type");
    is_str(boundary_of("multipart/form-data-x; boundary=abc"),
           "ERROR 400: The Content-Type \"multipart/form-data-x\" is not multipart/form-data.", "a longer type");
    static const char *const malformed[] = {"",
                                            "multipart",
                                            "multipart/",
                                            "/form-data",
                                            "multipart/form-data boundary=a",
                                            "multipart/form-data; boundary",
                                            "multipart/form-data; =a",
                                            "multipart/form-data; boundary=\"abc",
                                            "multipart/form-data; boundary=\"a\"b",
                                            "multipart/form-data; boundary=a b"};
    for (size_t i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++)
        is_str(boundary_of(malformed[i]),
               apr_psprintf(p,
                            "ERROR 400: The Content-Type header \"%s\" is not a media type such as application/json.",
                            malformed[i]),
               "malformed: \"%s\"", malformed[i]);
    is_str(boundary_of(NULL), "ERROR 400: The Content-Type header \"\" is not a media type such as application/json.",
           "none at all");
}

int main(void)
{
    apr_initialize();
    apr_pool_create(&p, NULL);

    test_boundary();

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
