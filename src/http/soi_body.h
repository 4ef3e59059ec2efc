/* Reading the request body through httpd's input filters, bucket by
 * bucket, into a sink: a decoder (entity, patch) or a byte sink. */
#ifndef SOI_BODY_H
#define SOI_BODY_H

#include "core/soi_sink.h"
#include "http/soi_http.h"

/* Feeds the body to sink and finishes it. 413 past `limit` bytes (or past
 * LimitRequestBody), with Content-Length checked before anything is read;
 * for an empty body, the 400 `empty` (what the resource wants instead). Reading stops at the first error, and at once
 * when a reply has gone out (httpd's own refusal of the body, answered by our filter): then the caller must not write
 * anything more. */
soi_error *soi_body_read(soi_req *q, apr_off_t limit, const soi_sink *sink, soi_msg empty);

/* Registers the filter that gives httpd's own body errors (LimitRequestBody
 * on a chunked body, broken chunking) our error body. */
void soi_body_register_filter(void);

#endif
