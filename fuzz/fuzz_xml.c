/* application/xml and text/xml: a BlobEntity through the prolog guard,
 * apr-xml (expat) and soi_entity_assign. What is accepted is stored as a PUT
 * would store it and must round-trip through the emitters. */
#include "harness.h"
#include "core/soi_change.h"
#include "codec/soi_xml.h"

static soi_sink xml_body(apr_pool_t *p, soi_change *c)
{
    return soi_xml_entity_decoder(p, &c->entity);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_whole_entity(data, size, xml_body);
}
