/* Routes: the input, as a NUL-terminated path below the mount point, either
 * names a contact's ImageInfo or Image (an id from 1 to 2147483647) or is a 400 or
 * 404. No selector byte here. */
#include "harness.h"
#include "core/soi_route.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    char *path = fuzz_cstr(data, size);
    soi_route route = {SOI_RES_NONE, 0};

    soi_error *err = soi_route_match(p, path, &route);
    if (err) {
        fuzz_check_error(err);
        FUZZ_CHECK(err->status == 400 || err->status == 404, "a route gives %d", err->status);
    } else {
        FUZZ_CHECK((route.resource == SOI_RES_IMAGEINFO || route.resource == SOI_RES_IMAGE) && route.contact_id >= 1,
                   "a route gives resource %d, contact %d", (int)route.resource, (int)route.contact_id);
    }
    free(path);
    apr_pool_destroy(p);
    return 0;
}
