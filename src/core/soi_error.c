#include "core/soi_error.h"

#include <apr_strings.h>
#include <stdarg.h>

static const struct {
    int status;
    const char *english;
    const char *name; /* the id without SOI_, for logs */
} soi_msgs[SOI_MSG_COUNT] = {[SOI_MSG_NONE] = {500, "", "MSG_NONE"},
#define SOI_MSG_ENTRY(id, st, text) [id] = {st, text, &#id[4]},
                             SOI_MESSAGES(SOI_MSG_ENTRY)
#undef SOI_MSG_ENTRY
};

int soi_msg_status(soi_msg id)
{
    return id > SOI_MSG_NONE && id < SOI_MSG_COUNT ? soi_msgs[id].status : 500;
}

const char *soi_msg_name(soi_msg id)
{
    return id > SOI_MSG_NONE && id < SOI_MSG_COUNT ? soi_msgs[id].name : "MSG_NONE";
}

const char *soi_msg_english(soi_msg id)
{
    return id > SOI_MSG_NONE && id < SOI_MSG_COUNT ? soi_msgs[id].english : "";
}

static soi_error *soi_err_va(apr_pool_t *pool, soi_msg id, const soi_error *cause, va_list ap)
{
    soi_error *e = apr_pcalloc(pool, sizeof(*e));
    const char *arg;

    e->status = soi_msg_status(id);
    e->id = id;
    e->cause = cause;
    while ((arg = va_arg(ap, const char *)) != NULL && e->nargs < SOI_ERROR_ARGS)
        e->args[e->nargs++] = arg;
    return e;
}

soi_error *soi_err(apr_pool_t *pool, soi_msg id, ...)
{
    va_list ap;
    va_start(ap, id);
    soi_error *e = soi_err_va(pool, id, NULL, ap);
    va_end(ap);
    return e;
}

soi_error *soi_err_wrap(apr_pool_t *pool, soi_msg id, const soi_error *cause, ...)
{
    va_list ap;
    va_start(ap, cause);
    soi_error *e = soi_err_va(pool, id, cause, ap);
    va_end(ap);
    return e;
}

soi_error *soi_error_server(apr_pool_t *pool, soi_msg id, const char *fmt, ...)
{
    va_list ap;
    soi_error *e = soi_err(pool, id, NULL);
    va_start(ap, fmt);
    e->detail = apr_pvsprintf(pool, fmt, ap);
    va_end(ap);
    return e;
}

const char *soi_num(apr_pool_t *pool, apr_int64_t v)
{
    return apr_psprintf(pool, "%" APR_INT64_T_FMT, v);
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
    case 416: return "SoRangeNotSatisfiableException";
    case 503: return "SoDatabaseUnavailableException";
    default: return "SoServerException";
    }
}
