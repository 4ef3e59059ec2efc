#include "core/soi_error.h"

#include <apr_strings.h>
#include <string.h>

static soi_error *soi_error_new(apr_pool_t *pool, int status, const char *message, const char *detail)
{
    soi_error *e = apr_pcalloc(pool, sizeof(*e));
    e->status = status;
    e->message = message;
    e->detail = detail;
    return e;
}

soi_error *soi_error_make(apr_pool_t *pool, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *msg = apr_pvsprintf(pool, fmt, ap);
    va_end(ap);
    return soi_error_new(pool, status, msg, NULL);
}

soi_error *soi_error_server(apr_pool_t *pool, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *detail = apr_pvsprintf(pool, fmt, ap);
    va_end(ap);
    const char *msg = status == 503 ? "The database is unavailable at the moment; try again later."
                                    : "The server could not complete the request; its error log has the details.";
    return soi_error_new(pool, status, msg, detail);
}

const char *soi_error_type(int status)
{
    switch (status) {
    case 400: return "SoValidationException";
    case 401: return "SoAuthenticationException";
    case 403: return "SoAccessDeniedException";
    case 404: return "SoNotFoundException";
    case 405: return "SoMethodNotAllowedException";
    case 406: return "SoNotAcceptableException";
    case 409: return "SoConflictException";
    case 412: return "SoPreconditionFailedException";
    case 413: return "SoRequestTooLargeException";
    case 415: return "SoUnsupportedMediaTypeException";
    case 503: return "SoDatabaseUnavailableException";
    default: return "SoServerException";
    }
}
