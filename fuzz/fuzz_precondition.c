/* Conditional requests. The selector byte says which headers are present
 * (bits 0-3: If-Match, If-None-Match, If-Modified-Since,
 * If-Unmodified-Since), whether the request reads (bit 4), whether a picture
 * is stored (bit 5) and whether it has a modification time (bit 6); the rest
 * of the input holds the header values, one a line, in that order. */
#include "harness.h"
#include "core/soi_precondition.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    apr_pool_t *p = fuzz_pool();
    unsigned sel = data[0];
    char *text = fuzz_cstr(data + 1, size - 1), *line = text;
    const char *values[4] = {NULL, NULL, NULL, NULL};
    soi_error *err = NULL;

    for (int i = 0; i < 4; i++) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (sel & (1u << i))
            values[i] = line;
        if (nl)
            line = nl + 1;
        else
            line += strlen(line); /* the remaining headers are empty */
    }
    soi_conditions c = {values[0], values[1], values[2], values[3]};
    int read = (sel & 0x10) != 0;
    const char *etag = (sel & 0x20) ? "\"AAECAwQFBgcICQoLDA0ODw\"" : NULL;
    apr_time_t last_modified = (sel & 0x40) ? APR_INT64_C(1584669000000000) : 0;

    (void)soi_conditions_guard_write(&c);
    int rc = soi_precondition(p, &c, read, etag, last_modified, &err);
    FUZZ_CHECK(rc == 0 || rc == 304 || rc == 400 || rc == 412, "soi_precondition gives %d", rc);
    FUZZ_CHECK(rc != 304 || read, "a write gets a 304");
    FUZZ_CHECK((rc == 400 || rc == 412) == (err != NULL), "rc %d with error %p", rc, (void *)err);
    if (err) {
        fuzz_check_error(err);
        FUZZ_CHECK(err->status == rc, "rc %d, error status %d", rc, err->status);
    }
    free(text);
    apr_pool_destroy(p);
    return 0;
}
