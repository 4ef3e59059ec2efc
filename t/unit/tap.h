/* A few lines of TAP for the unit tests: prove reads what they print. */
#ifndef SOI_TAP_H
#define SOI_TAP_H

#include <apr_general.h>
#include <stdio.h>
#include <string.h>

#include "i18n/soi_message.h"

#define TAP_UNUSED __attribute__((unused))
static int tap_count, tap_failed;

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, ...) tap_is_str((got), (want), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, ...) tap_is_int((long long)(got), (long long)(want), __FILE__, __LINE__, __VA_ARGS__)

TAP_UNUSED static int tap_ok(int pass, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#include <stdarg.h>
static void tap_vline(int pass, const char *fmt, va_list ap)
{
    printf("%sok %d - ", pass ? "" : "not ", ++tap_count);
    vprintf(fmt, ap);
    printf("\n");
    if (!pass)
        tap_failed++;
}

TAP_UNUSED static int tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tap_vline(pass, fmt, ap);
    va_end(ap);
    if (!pass)
        printf("#   failed at %s line %d\n", file, line);
    return pass;
}

TAP_UNUSED static int tap_is_str(const char *got, const char *want, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
TAP_UNUSED static int tap_is_str(const char *got, const char *want, const char *file, int line, const char *fmt, ...)
{
    int pass = got && want ? strcmp(got, want) == 0 : got == want;
    va_list ap;
    va_start(ap, fmt);
    tap_vline(pass, fmt, ap);
    va_end(ap);
    if (!pass)
        printf("#   failed at %s line %d\n#          got: '%s'\n#     expected: '%s'\n", file, line,
               got ? got : "(null)", want ? want : "(null)");
    return pass;
}

TAP_UNUSED static int tap_is_int(long long got, long long want, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
TAP_UNUSED static int tap_is_int(long long got, long long want, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tap_vline(got == want, fmt, ap);
    va_end(ap);
    if (got != want)
        printf("#   failed at %s line %d\n#          got: %lld\n#     expected: %lld\n", file, line, got, want);
    return got == want;
}

/* An error's text as a reply would carry it (English). */
TAP_UNUSED static const char *msg_of(const soi_error *err)
{
    static apr_pool_t *pool;
    if (!pool) {
        apr_initialize();
        apr_pool_create(&pool, NULL);
    }
    return soi_message(pool, err, SOI_LANG_EN);
}

TAP_UNUSED static int done_testing(void)
{
    printf("1..%d\n", tap_count);
    return tap_failed ? 1 : 0;
}

#endif
