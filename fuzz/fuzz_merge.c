/* application/merge-patch+json (RFC 7396): decoded into the present and null
 * bits of an entity, then applied to the default entity or (selector bit 6)
 * to a stored picture. The result must round-trip through the emitters. */
#include "harness.h"
#include "codec/soi_json.h"
#include "core/soi_change.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    apr_pool_t *p = fuzz_pool();
    soi_change change;
    soi_entity target;

    memset(&change, 0, sizeof(change));
    soi_sink dec = soi_json_merge_decoder(p, &change.entity);
    soi_error *err = fuzz_decode(&dec, data[0], data + 1, size - 1);
    if (err) {
        fuzz_check_error(err);
    } else {
        FUZZ_CHECK((change.entity.null & ~change.entity.present) == 0, "null bits %x outside present bits %x",
                   (unsigned)change.entity.null, (unsigned)change.entity.present);
        change.kind = SOI_CHANGE_MERGE;
        fuzz_patch_target(data[0], &target);
        soi_entity before = target;
        err = soi_change_apply(p, &change, &target);
        FUZZ_CHECK(!err, "a decoded merge patch does not apply: %s", msg_of(err));
        /* Only what the patch names changes. */
        for (int i = 0; i < SOI_F_COUNT; i++) {
            if (!(change.entity.present & SOI_BIT(i)))
                FUZZ_CHECK(memcmp(&before.v[i], &target.v[i], sizeof(soi_value)) == 0,
                           "%s changed though the patch does not name it", soi_fields[i].name);
        }
        fuzz_round_trip(p, &target);
    }
    apr_pool_destroy(p);
    return 0;
}
