/* Writing replies: every response leaves through here, built once and sent
 * with its Content-Length. */
#ifndef SOI_REPLY_H
#define SOI_REPLY_H

#include "soi_buf.h"
#include "soi_private.h"

/* The one place errors are rendered: status, the headers a status calls for
 * (WWW-Authenticate, Allow, Retry-After), and the body in q->format. 5xx
 * details go to the error log. */
int soi_reply_error(soi_req *q, const soi_error *err);

/* 200 with the entity as the caller holding `rights` sees it. */
int soi_reply_entity(soi_req *q, const soi_entity *e, int rights);

/* 200 with an empty body and the Allow header, for OPTIONS. */
int soi_reply_options(soi_req *q);

/* The methods a resource serves (the dispatcher knows; soi_reply asks). */
const char *soi_allow(soi_resource resource);

#endif
