/* application/json-patch+json (RFC 6902): the operations are read, then
 * applied to the default entity or (selector bit 6) to a stored picture.
 * A refused application changes nothing; an accepted one must round-trip
 * through the emitters. */
#include "harness.h"
#include "codec/soi_jsonpatch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    apr_pool_t *p = fuzz_pool();
    soi_change change;
    soi_entity target;

    memset(&change, 0, sizeof(change));
    soi_sink dec = soi_json_patch_decoder(p, &change);
    soi_error *err = fuzz_decode(&dec, data[0], data + 1, size - 1);
    if (err) {
        fuzz_check_error(err);
    } else {
        FUZZ_CHECK(change.kind == SOI_CHANGE_JSON_PATCH && change.ops, "the decoder did not make a JSON Patch");
        for (int i = 0; i < change.ops->nelts; i++) {
            const soi_patch_op *op = &APR_ARRAY_IDX(change.ops, i, soi_patch_op);
            FUZZ_CHECK(op->path, "operation %d has no path", i + 1);
            FUZZ_CHECK(op->op != SOI_OP_MOVE && op->op != SOI_OP_COPY ? 1 : op->from != NULL,
                       "operation %d moves or copies from nowhere", i + 1);
        }
        fuzz_patch_target(data[0], &target);
        soi_entity before = target;
        err = soi_change_apply(p, &change, &target);
        if (err) {
            fuzz_check_error(err);
            FUZZ_CHECK(before.present == target.present && before.null == target.null
                           && before.version == target.version && memcmp(before.v, target.v, sizeof(before.v)) == 0,
                       "a refused patch changed the target: %s", msg_of(err));
        } else {
            fuzz_round_trip(p, &target);
        }
    }
    apr_pool_destroy(p);
    return 0;
}
