/* application/json and text/json: a BlobEntity (PUT), through yajl's
 * streaming parser, the escape guard and soi_entity_assign. What the decoder
 * accepts is stored as a PUT would store it, rendered as JSON and XML, and
 * must decode again to the same values. */
#include "harness.h"
#include "codec/soi_json.h"
#include "core/soi_change.h"

static soi_sink json_body(apr_pool_t *p, soi_change *c)
{
    return soi_json_entity_decoder(p, &c->entity);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_whole_entity(data, size, json_body);
}
