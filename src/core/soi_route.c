#include "core/soi_route.h"

#include <apr_strings.h>
#include <string.h>

#include "core/soi_text.h"

static const struct {
    const char *segment;
    soi_resource resource;
} soi_resources[] = {
    {"ImageInfo", SOI_RES_IMAGEINFO},
    {"Image", SOI_RES_IMAGE},
};

const char *soi_route_list(apr_pool_t *pool)
{
    const char *out = "";
    for (apr_size_t r = 0; r < sizeof(soi_resources) / sizeof(soi_resources[0]); r++)
        out = apr_pstrcat(pool, out, r ? ", " : "", "/v1/Contact/{contactId}/", soi_resources[r].segment, NULL);
    return out;
}

soi_error *soi_route_match(apr_pool_t *pool, const char *path, soi_route *out)
{
    const char *seg[4];
    apr_size_t len[4];
    apr_size_t n = strlen(path);
    int count = 0;

    if (n == 0 || path[0] != '/')
        goto not_found;
    if (n > 1 && path[n - 1] == '/')
        n--; /* one trailing slash is tolerated */

    /* Split path[1..n) at '/'; empty segments are kept (an empty id is a 400). */
    for (apr_size_t start = 1, i = 1; i <= n; i++) {
        if (i == n || path[i] == '/') {
            if (count == 4)
                goto not_found;
            seg[count] = path + start;
            len[count] = i - start;
            count++;
            start = i + 1;
        }
    }
    if (count < 3 || !soi_ascii_ieq(seg[0], len[0], "v1") || !soi_ascii_ieq(seg[1], len[1], "Contact"))
        goto not_found;
    if (count == 3) {
        /* httpd merges "//", so an empty id arrives as /v1/Contact/ImageInfo. */
        seg[3] = seg[2];
        len[3] = len[2];
        len[2] = 0;
    }

    for (apr_size_t r = 0; r < sizeof(soi_resources) / sizeof(soi_resources[0]); r++) {
        if (!soi_ascii_ieq(seg[3], len[3], soi_resources[r].segment))
            continue;
        apr_int64_t id;
        /* Digits only: no sign, no spaces; leading zeros are harmless. */
        if (len[2] == 0 || len[2] > 10 || strspn(seg[2], "0123456789") < len[2]
            || !soi_parse_int(seg[2], len[2], 1, APR_INT32_MAX, &id))
            return soi_err(pool, SOI_MSG_BAD_CONTACT_ID, soi_text_quote(pool, seg[2], len[2], 40), NULL);
        out->resource = soi_resources[r].resource;
        out->contact_id = (apr_int32_t)id;
        return NULL;
    }

not_found:
    return soi_err(pool, SOI_MSG_NO_ROUTE, soi_route_list(pool), NULL);
}
