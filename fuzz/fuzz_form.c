/* application/x-www-form-urlencoded: pairs split across pieces, percent
 * escapes, duplicate names, the XSRF_TOKEN field. What is accepted is stored
 * as a PUT would store it and must round-trip through the emitters. */
#include "harness.h"
#include "soi_form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    apr_pool_t *p = fuzz_pool();
    soi_change change;
    soi_entity target;

    memset(&change, 0, sizeof(change));
    soi_decoder dec = soi_form_decoder(p, &change);
    soi_error *err = fuzz_decode(&dec, data[0], data + 1, size - 1);
    if (err) {
        fuzz_check_error(err);
    } else {
        FUZZ_CHECK(change.kind == SOI_CHANGE_REPLACE, "a form is not a whole entity");
        if (change.xsrf_token)
            FUZZ_CHECK(strlen(change.xsrf_token) < size, "the XSRF token is longer than the body");
        soi_entity_init_default(&target);
        err = soi_change_apply(p, &change, &target);
        FUZZ_CHECK(!err, "a decoded form does not apply: %s", err->message);
        fuzz_round_trip(p, &target);
    }
    apr_pool_destroy(p);
    return 0;
}
