/* Routes below the mount point. */
#include <apr_general.h>
#include <string.h>

#include "core/soi_route.h"
#include "tap.h"

static apr_pool_t *p;

static int match(const char *path, apr_int32_t *id)
{
    soi_route r = {0};
    soi_error *err = soi_route_match(p, path, &r);
    *id = r.contact_id;
    return err ? err->status : r.resource == SOI_RES_IMAGEINFO ? 200 : -1;
}

int main(void)
{
    apr_int32_t id;
    soi_route r;

    apr_initialize();
    apr_pool_create(&p, NULL);

    is_int(match("/v1/Contact/5/ImageInfo", &id), 200, "the route");
    is_int(id, 5, "its contact id");
    is_int(match("/v1/contact/5/imageinfo", &id), 200, "lower case");
    is_int(match("/V1/CONTACT/5/Imageinfo", &id), 200, "upper case and the docs' Imageinfo");
    is_int(match("/v1/Contact/5/ImageInfo/", &id), 200, "one trailing slash");
    is_int(match("/v1/Contact/2147483647/ImageInfo", &id), 200, "int32 max");
    is_int(id, 2147483647, "its value");
    is_int(match("/v1/Contact/007/ImageInfo", &id), 200, "leading zeros");
    is_int(id, 7, "read as decimal");

    is_int(match("/v1/Contact/0/ImageInfo", &id), 400, "id 0");
    is_int(match("/v1/Contact/2147483648/ImageInfo", &id), 400, "overflow");
    is_int(match("/v1/Contact/99999999999999999999/ImageInfo", &id), 400, "long overflow");
    is_int(match("/v1/Contact/-5/ImageInfo", &id), 400, "negative");
    is_int(match("/v1/Contact/+5/ImageInfo", &id), 400, "plus sign");
    is_int(match("/v1/Contact/abc/ImageInfo", &id), 400, "letters");
    is_int(match("/v1/Contact/5x/ImageInfo", &id), 400, "digits then letters");
    is_int(match("/v1/Contact//ImageInfo", &id), 400, "empty id");
    is_int(match("/v1/Contact/ImageInfo", &id), 400, "no id at all (httpd merged the slashes)");
    is_int(match("/v1/Contact/ 5/ImageInfo", &id), 400, "space");
    is_str(msg_of(soi_route_match(p, "/v1/Contact/a\xff/ImageInfo", &r)),
           "The contact id in the path must be a whole number from 1 to 2147483647, not \"a\\xFF\".",
           "the message names the bad segment, safely quoted");

    is_int(match("/v1/Contact/5/ImageInfo//", &id), 404, "two trailing slashes");
    is_int(match("/v1/Contact/5", &id), 404, "no resource");
    is_int(match("/v1/Contact/Other", &id), 404, "three segments, not a resource");
    is_int(match("/v1/Contact/5/Other", &id), 404, "unknown resource");
    is_int(match("/v2/Contact/5/ImageInfo", &id), 404, "unknown version");
    is_int(match("/v1/Person/5/ImageInfo", &id), 404, "unknown entity");
    is_int(match("/v1/Contact/5/ImageInfo/x", &id), 404, "extra segment");
    is_int(match("", &id), 404, "the mount itself");
    is_int(match("/", &id), 404, "the mount with a slash");
    is_int(match("v1/Contact/5/ImageInfo", &id), 404, "no leading slash");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
