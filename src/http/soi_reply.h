/* Writing replies: every response leaves through here, built once in the
 * negotiated format and sent with its Content-Length; a request gets one
 * reply at most, whatever tries to send a second. */
#ifndef SOI_REPLY_H
#define SOI_REPLY_H

#include "core/soi_buf.h"
#include "http/soi_http.h"

/* The one place errors are rendered: status, the headers a status calls for
 * (WWW-Authenticate, Retry-After; the caller sets Allow), and the body in
 * q->format. 5xx details go to the error log. */
int soi_reply_error(soi_req *q, const soi_error *err);

/* The entity as the caller holding `rights` sees it, in q->format and in
 * the language the request asks for (multi-language values chosen,
 * resource references in Reason resolved), with the validators a stored
 * picture has: its strong ETag (NULL for the default
 * entity) and its modification time (0 for none). */
typedef struct {
    soi_buf body;
    const char *etag;
    apr_time_t last_modified;
    int lang_varies;              /* other language headers would give other bytes */
    const char *content_language; /* the languages of the values translated, if any */
} soi_view;
void soi_reply_render(soi_req *q, const soi_entity *e, int rights, soi_view *out);

/* 200 with a rendered entity and its validators. */
int soi_reply_view(soi_req *q, soi_view *v);

/* 304 for a GET whose cached copy is current. */
int soi_reply_not_modified(soi_req *q, const soi_view *v);

/* The answer to OPTIONS, with the Allow header: a CORS preflight from an
 * origin SoImageInfoCORSOrigin lists, asking for a method the route serves
 * (method_served: the caller's dispatch table says) and only headers of the
 * module's list, is granted with a 204 and the Access-Control-Allow-*
 * headers (Allow-Methods is `allow`); anything else is a 200 with an empty
 * body and no Access-Control-* header. */
int soi_reply_options(soi_req *q, const char *allow, int method_served);

/* The ETag and Last-Modified headers (NULL / 0: none). */
void soi_reply_validators(soi_req *q, const char *etag, apr_time_t last_modified);

/* A reply of bytes as they are, of the given type (a picture; or none, for
 * 204). */
int soi_reply_bytes(soi_req *q, int status, const char *type, const char *data, apr_size_t len);

/* 200 with a bare JSON integer (a picture's BlobId). */
int soi_reply_json_int(soi_req *q, apr_int64_t v);

#endif
