/* The byte sink: bytes come out as they went in, joined once at the end. */
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

    soi_bytes b;
    soi_sink s = soi_bytes_sink(p, 0, &b);
    ok(s.holds, "without an announced length it holds what it is fed: the feeder keeps the bytes valid");
    for (apr_size_t i = 0; i < sizeof(all); i += 7)
        ok(!s.feed(s.ctx, all + i, i + 7 <= sizeof(all) ? 7 : sizeof(all) - i), "piece at %d taken", (int)i);
    is_int(b.len, 0, "nothing is joined before the end");
    ok(!s.finish(s.ctx), "finished");
    ok(b.len == sizeof(all) && memcmp(b.data, all, sizeof(all)) == 0 && b.data[b.len] == '\0',
       "every byte value 0-255 comes out in order, in one buffer");
    ok(b.data < all || b.data >= all + sizeof(all), "a copy, not the feeder's bytes");

    /* An announced length: copied as it comes, nothing held. */
    char copy[256];
    memcpy(copy, all, sizeof(copy));
    soi_sink c = soi_bytes_sink(p, sizeof(copy), &b);
    ok(!c.holds, "with an announced length it copies as it goes");
    for (apr_size_t i = 0; i < sizeof(copy); i += 100) {
        c.feed(c.ctx, copy + i, i + 100 <= sizeof(copy) ? 100 : sizeof(copy) - i);
        memset(copy + i, 'x', i + 100 <= sizeof(copy) ? 100 : sizeof(copy) - i); /* the feeder reuses its buffer */
    }
    c.finish(c.ctx);
    ok(b.len == sizeof(all) && memcmp(b.data, all, sizeof(all)) == 0, "the bytes, not what the feeder did after");
    soi_sink o = soi_bytes_sink(p, 10, &b);
    o.feed(o.ctx, all, 8);
    o.feed(o.ctx, all + 8, 8);
    o.finish(o.ctx);
    ok(b.len == 16 && memcmp(b.data, all, 16) == 0, "more than announced still arrives whole");

    soi_sink u = soi_bytes_sink(p, 0, &b);
    for (int k = 0; k < 1000; k++)
        u.feed(u.ctx, all, sizeof(all));
    u.finish(u.ctx);
    ok(b.len == 1000 * sizeof(all) && memcmp(b.data + 999 * sizeof(all), all, sizeof(all)) == 0,
       "a thousand pieces join up");
    soi_sink e = soi_bytes_sink(p, 0, &b);
    e.finish(e.ctx);
    ok(b.len == 0 && b.data[0] == '\0', "nothing fed: no bytes");

    apr_pool_destroy(p);
    apr_terminate();
    return done_testing();
}
