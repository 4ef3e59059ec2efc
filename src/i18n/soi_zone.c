#include "i18n/soi_lang.h"

#include <string.h>

#include "core/soi_text.h"

/* SuperOffice's zones with the ids and codes it documents (GET
 * /api/v1/timezone), in id order. */
static const soi_zone zones[] = {
    {1, "UTC", 0},  {36, "AU-ACT", 0}, {50, "BD", 0},     {114, "CA-QC", 0}, {140, "DK", 0},
    {156, "FR", 0}, {261, "NO", 0},    {425, "US-CA", 0}, {433, "US-HI", 0}, {460, "US-NY", 0},
};

#define ZONE_COUNT ((int)(sizeof(zones) / sizeof(zones[0])))

const soi_zone *soi_zone_table(int *n)
{
    if (n)
        *n = ZONE_COUNT;
    return zones;
}

static int is_ows(char c)
{
    return c == ' ' || c == '\t';
}

/* The zone s[0..n) names: all digits, its id; otherwise its code, any case. */
static const soi_zone *lookup(const char *s, apr_size_t n)
{
    apr_size_t digits = 0;
    while (digits < n && s[digits] >= '0' && s[digits] <= '9')
        digits++;
    if (n > 0 && digits == n) {
        apr_int64_t id;
        if (!soi_parse_int(s, n, 1, APR_INT32_MAX, &id))
            return NULL;
        for (int i = 0; i < ZONE_COUNT; i++) {
            if (zones[i].id == id)
                return &zones[i];
        }
        return NULL;
    }
    for (int i = 0; i < ZONE_COUNT; i++) {
        if (soi_ascii_ieq(s, n, zones[i].code))
            return &zones[i];
    }
    return NULL;
}

int soi_zone_parse(const char *s, soi_zone *out)
{
    if (!s)
        return 0;
    apr_size_t from = 0, stop = strlen(s);
    while (from < stop && is_ows(s[from]))
        from++;
    while (stop > from && is_ows(s[stop - 1]))
        stop--;
    const char *comma = memchr(s + from, ',', stop - from);
    apr_size_t end = comma ? (apr_size_t)(comma - s) : stop;
    int include = 0;
    if (comma) {
        apr_size_t opt = end + 1;
        while (opt < stop && is_ows(s[opt]))
            opt++;
        if (!soi_ascii_ieq(s + opt, stop - opt, "includeTZOffset"))
            return 0;
        include = 1;
        while (end > from && is_ows(s[end - 1]))
            end--;
    }
    const soi_zone *z = lookup(s + from, end - from);
    if (!z)
        return 0;
    *out = *z;
    out->include_offset = include;
    return 1;
}
