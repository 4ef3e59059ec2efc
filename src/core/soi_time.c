#include "core/soi_time.h"

#include <string.h>

#define USEC_PER_DAY APR_INT64_C(86400000000)

/* Proleptic Gregorian calendar <-> days since 1970-01-01, valid for every
 * year an int64 can hold (H. Hinnant's civil calendar algorithms). */
static apr_int64_t days_from_civil(apr_int64_t y, int m, int d)
{
    y -= m <= 2;
    apr_int64_t era = (y >= 0 ? y : y - 399) / 400;
    apr_int64_t yoe = y - era * 400;
    apr_int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    apr_int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(apr_int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    apr_int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    apr_int64_t doe = z - era * 146097;
    apr_int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    apr_int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    apr_int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dim[m - 1];
}

/* Reads exactly `width` digits at s[*i]. */
static int digits(const char *s, apr_size_t n, apr_size_t *i, int width, int *out)
{
    int v = 0;
    if (*i + (apr_size_t)width > n)
        return 0;
    for (int k = 0; k < width; k++) {
        char c = s[*i + (apr_size_t)k];
        if (c < '0' || c > '9')
            return 0;
        v = v * 10 + (c - '0');
    }
    *i += (apr_size_t)width;
    *out = v;
    return 1;
}

static int expect(const char *s, apr_size_t n, apr_size_t *i, char c)
{
    if (*i < n && s[*i] == c) {
        (*i)++;
        return 1;
    }
    return 0;
}

int soi_time_parse(const char *s, apr_size_t n, apr_int64_t *usec)
{
    apr_size_t i = 0;
    int y, mo, d, h = 0, mi = 0, sec = 0;
    apr_int64_t frac = 0, offset_min = 0;

    if (!digits(s, n, &i, 4, &y) || !expect(s, n, &i, '-') || !digits(s, n, &i, 2, &mo) || !expect(s, n, &i, '-')
        || !digits(s, n, &i, 2, &d))
        return 0;
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return 0;
    if (i < n && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
        i++;
        if (!digits(s, n, &i, 2, &h) || !expect(s, n, &i, ':') || !digits(s, n, &i, 2, &mi))
            return 0;
        if (expect(s, n, &i, ':')) {
            if (!digits(s, n, &i, 2, &sec))
                return 0;
            if (i < n && (s[i] == '.' || s[i] == ',')) {
                apr_size_t start = ++i;
                apr_int64_t scale = 100000;
                while (i < n && s[i] >= '0' && s[i] <= '9') {
                    /* Digits past the microsecond are accepted and dropped. */
                    frac += (s[i] - '0') * scale;
                    scale /= 10;
                    i++;
                }
                if (i == start)
                    return 0;
            }
        }
        if (h > 23 || mi > 59 || sec > 59)
            return 0;
        if (i < n && (s[i] == 'Z' || s[i] == 'z')) {
            i++;
        } else if (i < n && (s[i] == '+' || s[i] == '-')) {
            int sign = s[i] == '-' ? -1 : 1, oh, om = 0;
            i++;
            if (!digits(s, n, &i, 2, &oh))
                return 0;
            if (expect(s, n, &i, ':')) {
                if (!digits(s, n, &i, 2, &om))
                    return 0;
            } else if (i < n && !digits(s, n, &i, 2, &om)) {
                return 0;
            }
            if (oh > 14 || om > 59 || (oh == 14 && om > 0))
                return 0;
            offset_min = sign * (oh * 60 + om);
        }
    }
    if (i != n)
        return 0;

    apr_int64_t t = days_from_civil(y, mo, d) * USEC_PER_DAY
                    + ((apr_int64_t)h * 3600 + mi * 60 + sec - offset_min * 60) * APR_INT64_C(1000000) + frac;
    if (t < SOI_TIME_MIN || t > SOI_TIME_MAX)
        return 0;
    *usec = t;
    return 1;
}

/* Days since the epoch and the microseconds into that day. */
static apr_int64_t split_day(apr_int64_t usec, apr_int64_t *rem)
{
    apr_int64_t days = usec / USEC_PER_DAY;
    *rem = usec % USEC_PER_DAY;
    if (*rem < 0) {
        *rem += USEC_PER_DAY;
        days--;
    }
    return days;
}

/* Writes v in exactly `width` decimal digits at out; returns the end. */
static char *put_digits(char *out, apr_int64_t v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return out + width;
}

/* "HH:MM:SS" of the microseconds into a day, at out; returns the end. */
static char *put_clock(char *out, apr_int64_t rem)
{
    apr_int64_t secs = rem / 1000000;
    out = put_digits(out, secs / 3600, 2);
    *out++ = ':';
    out = put_digits(out, secs / 60 % 60, 2);
    *out++ = ':';
    return put_digits(out, secs % 60, 2);
}

void soi_time_format(char out[SOI_TIME_LEN + 1], apr_int64_t usec)
{
    apr_int64_t rem;
    int y, m, d;

    civil_from_days(split_day(usec, &rem), &y, &m, &d);
    char *o = put_digits(out, y, 4);
    *o++ = '-';
    o = put_digits(o, m, 2);
    *o++ = '-';
    o = put_digits(o, d, 2);
    *o++ = 'T';
    o = put_clock(o, rem);
    *o++ = '.';
    o = put_digits(o, rem % 1000000, 6);
    memcpy(o, "0Z", 3);
}

void soi_time_http_date(char out[SOI_HTTP_DATE_LEN + 1], apr_int64_t usec)
{
    static const char wdays[] = "SunMonTueWedThuFriSat";
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    apr_int64_t rem, days = split_day(usec, &rem);
    int y, m, d;

    civil_from_days(days, &y, &m, &d);
    memcpy(out, wdays + (days % 7 + 11) % 7 * 3, 3); /* 1970-01-01 was a Thursday */
    memcpy(out + 3, ", ", 2);
    char *o = put_digits(out + 5, d, 2);
    *o++ = ' ';
    memcpy(o, months + (m - 1) * 3, 3);
    o[3] = ' ';
    o = put_digits(o + 4, y, 4);
    *o++ = ' ';
    o = put_clock(o, rem);
    memcpy(o, " GMT", 5);
}
