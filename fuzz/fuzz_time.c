/* Date-times: the input is parsed as an ISO 8601 date-time; what parses lies
 * in 0001..9999 and survives soi_time_format and a second parse. The first
 * eight bytes, as a number folded into that range, must survive the same
 * trip. */
#include "harness.h"
#include "core/soi_time.h"

static void trip(apr_int64_t usec)
{
    char text[SOI_TIME_LEN + 1];
    apr_int64_t back = 0;

    soi_time_format(text, usec);
    FUZZ_CHECK(strlen(text) == SOI_TIME_LEN, "%lld is written as \"%s\"", (long long)usec, text);
    FUZZ_CHECK(soi_time_parse(text, SOI_TIME_LEN, &back) && back == usec, "%lld is written as \"%s\", read as %lld",
               (long long)usec, text, (long long)back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_copy(data, size);
    apr_int64_t usec = 0;

    if (soi_time_parse(s, size, &usec)) {
        FUZZ_CHECK(usec >= SOI_TIME_MIN && usec <= SOI_TIME_MAX, "%lld is out of range", (long long)usec);
        trip(usec);
    }
    free(s);
    if (size >= 8) {
        apr_uint64_t u = 0;
        for (int i = 0; i < 8; i++)
            u = u << 8 | data[i];
        trip(SOI_TIME_MIN + (apr_int64_t)(u % (apr_uint64_t)(SOI_TIME_MAX - SOI_TIME_MIN + 1)));
    }
    return 0;
}
