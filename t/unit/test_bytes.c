/* The byte sink: bytes come out as they went in, copied once when the
 * length was announced. */
#include <apr_general.h>
#include <string.h>

#include "core/soi_bytes.h"
#include "tap.h"

int main(void)
{
    apr_pool_t *p;
    apr_initialize();
    apr_pool_create(&p, NULL);

    char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (char)i;

    soi_buf b;
    soi_sink s = soi_bytes_sink(p, sizeof(all), &b);
    const char *first = b.data;
    for (apr_size_t i = 0; i < sizeof(all); i += 7)
        ok(!s.feed(s.ctx, all + i, i + 7 <= sizeof(all) ? 7 : sizeof(all) - i), "piece at %d taken", (int)i);
    ok(!s.finish(s.ctx), "finished");
    ok(b.len == sizeof(all) && memcmp(b.data, all, sizeof(all)) == 0, "every byte value 0-255 comes out in order");
    ok(b.data == first, "with the announced length, the buffer was never moved");

    soi_sink u = soi_bytes_sink(p, 0, &b);
    for (int k = 0; k < 100; k++)
        u.feed(u.ctx, all, sizeof(all));
    ok(b.len == 100 * sizeof(all) && memcmp(b.data + 99 * sizeof(all), all, sizeof(all)) == 0,
       "without one, it grows to whatever arrives");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
