/* application/json and text/json: a BlobEntity (PUT), through yajl's
 * streaming parser, the escape guard and soi_entity_assign. What the decoder
 * accepts is stored as a PUT would store it, rendered as JSON and XML, and
 * must decode again to the same values. */
#include "harness.h"
#include "soi_json.h"
#include "soi_patch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0; /* an empty body is refused before any decoder runs */
    apr_pool_t *p = fuzz_pool();
    soi_change change;
    soi_entity target;

    memset(&change, 0, sizeof(change));
    change.kind = SOI_CHANGE_REPLACE;
    soi_decoder dec = soi_json_entity_decoder(p, &change.entity);
    soi_error *err = fuzz_decode(&dec, data[0], data + 1, size - 1);
    if (err) {
        fuzz_check_error(err);
    } else {
        soi_entity_init_default(&target);
        err = soi_change_apply(p, &change, &target);
        FUZZ_CHECK(!err, "a decoded entity does not apply: %s", err->message);
        fuzz_round_trip(p, &target);
    }
    apr_pool_destroy(p);
    return 0;
}
