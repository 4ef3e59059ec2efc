/* application/x-www-form-urlencoded: pairs split across pieces, percent
 * escapes, duplicate names, the XSRF_TOKEN field. What is accepted is stored
 * as a PUT would store it and must round-trip through the emitters. */
#include "harness.h"
#include "codec/soi_form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_whole_entity(data, size, soi_form_decoder);
}
