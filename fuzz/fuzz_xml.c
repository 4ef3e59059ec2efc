/* application/xml and text/xml: a BlobEntity through the prolog guard,
 * apr-xml (expat) and soi_entity_assign. What is accepted is stored as a PUT
 * would store it and must round-trip through the emitters. */
#include "harness.h"
#include "soi_patch.h"
#include "soi_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    apr_pool_t *p = fuzz_pool();
    soi_change change;
    soi_entity target;

    memset(&change, 0, sizeof(change));
    change.kind = SOI_CHANGE_REPLACE;
    soi_decoder dec = soi_xml_entity_decoder(p, &change.entity);
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
