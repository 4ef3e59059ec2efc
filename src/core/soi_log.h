/* Logging for the layers below httpd (store, auth): they write through a
 * callback that the http layer provides, so that they can be tested
 * without httpd. Levels are syslog's, the numbers APLOG_* also uses. */
#ifndef SOI_LOG_H
#define SOI_LOG_H

#include <apr_pools.h>

/* Every log line of ours starts with a tag: "SOI0102: ...". */
#define SOILOGNO(n) "SOI" #n ": "

enum { SOI_LOG_CRIT = 2, SOI_LOG_ERR = 3, SOI_LOG_WARNING = 4, SOI_LOG_INFO = 6, SOI_LOG_DEBUG = 7 };

typedef struct {
    void (*write)(void *ctx, int level, const char *message);
    void *ctx;
    int level; /* the most verbose level written: messages above it are not even formatted */
} soi_log;

/* Formats into pool and writes, when level is enabled. */
void soi_log_write(const soi_log *log, apr_pool_t *pool, int level, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
