/* Feeding a decoder the way httpd does: in pieces of arbitrary size. */
#ifndef SOI_FEED_H
#define SOI_FEED_H

#include <string.h>

#include "core/soi_sink.h"

/* Feeds s in pieces of `step` bytes (0: all at once), then finishes;
 * the first error, or NULL. */
__attribute__((unused)) static soi_error *feed_pieces(soi_sink d, const char *s, apr_size_t step)
{
    apr_size_t n = strlen(s);
    for (apr_size_t i = 0; i < n;) {
        apr_size_t k = step && n - i > step ? step : n - i;
        soi_error *err = d.feed(d.ctx, s + i, k);
        if (err)
            return err;
        i += k;
    }
    return d.finish(d.ctx);
}

/* Feeds s in two pieces split at byte `at` (none when at is 0 or the end),
 * then finishes: every offset splits a sequence somewhere. */
__attribute__((unused)) static soi_error *feed_split(soi_sink d, const char *s, apr_size_t at)
{
    apr_size_t n = strlen(s);
    soi_error *err = at > 0 ? d.feed(d.ctx, s, at) : NULL;
    if (!err && at < n)
        err = d.feed(d.ctx, s + at, n - at);
    return err ? err : d.finish(d.ctx);
}

#endif
