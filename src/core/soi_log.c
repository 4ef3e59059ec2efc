#include "core/soi_log.h"

#include <apr_strings.h>
#include <stdarg.h>

void soi_log_write(const soi_log *log, apr_pool_t *pool, int level, const char *fmt, ...)
{
    va_list ap;
    if (!log || !log->write || level > log->level)
        return;
    va_start(ap, fmt);
    const char *msg = apr_pvsprintf(pool, fmt, ap);
    va_end(ap);
    log->write(log->ctx, level, msg);
}
