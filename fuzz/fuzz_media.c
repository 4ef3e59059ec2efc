/* Media types: the whole input, as a NUL-terminated header value, is read as
 * a Content-Type and as an Accept header (and no Accept at all means JSON).
 * No selector byte here. */
#include "harness.h"
#include "core/soi_media.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    char *value = fuzz_cstr(data, size);
    soi_media mt = SOI_MT_COUNT;

    soi_error *err = soi_media_parse_content_type(p, value, &mt);
    if (err) {
        fuzz_check_error(err);
        FUZZ_CHECK(err->status == 400 || err->status == 415, "Content-Type gives %d", err->status);
    } else {
        FUZZ_CHECK(mt >= SOI_MT_NONE && mt < SOI_MT_COUNT, "Content-Type gives the media type %d", (int)mt);
        (void)soi_media_name(mt);
    }

    mt = SOI_MT_COUNT;
    err = soi_media_negotiate(p, value, &mt);
    FUZZ_CHECK(mt > SOI_MT_NONE && mt < SOI_MT_COUNT, "Accept gives the media type %d", (int)mt);
    if (err) {
        fuzz_check_error(err);
        FUZZ_CHECK(err->status == 406 && mt == SOI_MT_JSON, "Accept gives %d", err->status);
    }
    FUZZ_CHECK(soi_media_name(mt)[0] != '\0', "no name for %d", (int)mt);
    (void)soi_media_format(mt);

    /* No Accept header at all means JSON. */
    FUZZ_CHECK(!soi_media_negotiate(p, NULL, &mt) && mt == SOI_MT_JSON, "no Accept gives %d", (int)mt);

    free(value);
    apr_pool_destroy(p);
    return 0;
}
