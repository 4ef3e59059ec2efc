/* Media types: what a Content-Type header names (SPEC section 3). */
#ifndef SOI_MEDIA_H
#define SOI_MEDIA_H

#include "core/soi_error.h"

/* The two body syntaxes; the media types map onto them. */
typedef enum { SOI_FORMAT_JSON = 0, SOI_FORMAT_XML } soi_format;

typedef enum {
    SOI_MT_NONE = 0,
    SOI_MT_JSON,        /* application/json */
    SOI_MT_TEXT_JSON,   /* text/json */
    SOI_MT_XML,         /* application/xml */
    SOI_MT_TEXT_XML,    /* text/xml */
    SOI_MT_FORM,        /* application/x-www-form-urlencoded */
    SOI_MT_JSON_PATCH,  /* application/json-patch+json */
    SOI_MT_MERGE_PATCH, /* application/merge-patch+json */
    SOI_MT_PNG,         /* image/png */
    SOI_MT_JPEG,        /* image/jpeg */
    SOI_MT_GIF,         /* image/gif */
    SOI_MT_TIFF,        /* image/tiff */
    SOI_MT_MULTIPART,   /* multipart/form-data, holding a picture */
    SOI_MT_OCTET,       /* application/octet-stream: a form's file part of a type its bytes tell */
    SOI_MT_COUNT
} soi_media;

/* What a media type can carry: a whole entity in a request body, a patch
 * in a request body, a reply; a picture's bytes in a request body, as they
 * are or in a form. */
enum { SOI_MEDIA_ENTITY = 1, SOI_MEDIA_PATCH = 2, SOI_MEDIA_REPLY = 4, SOI_MEDIA_IMAGE = 8, SOI_MEDIA_IMAGE_FORM = 16 };

/* "application/json" and so on. */
const char *soi_media_name(soi_media mt);

/* JSON or XML. */
soi_format soi_media_format(soi_media mt);

/* SOI_MEDIA_* bits of a type (0 for SOI_MT_NONE). */
unsigned soi_media_uses(soi_media mt);

/* The names of the types that have any of `uses`, for messages:
 * "application/json, text/json or application/xml". */
const char *soi_media_list(apr_pool_t *pool, unsigned uses);

/* The picture type whose signature data begins with (PNG, JPEG, GIF,
 * TIFF), SOI_MT_NONE when none. */
soi_media soi_media_sniff(const char *data, apr_size_t len);

/* Chooses the reply's media type, among those that can be written, from an
 * Accept header value (NULL: none, which means application/json): q-values, wildcards and specificity as RFC
 * 9110 says, q=0 excluding, ties going to the order above. A 406 listing
 * the supported types when none is acceptable. Elements that cannot be read
 * are skipped. */
soi_error *soi_media_negotiate(apr_pool_t *pool, const char *accept, soi_media *out);

/* Reads a Content-Type header value: a known type with no charset or
 * charset=utf-8 gives *out; an unknown type gives SOI_MT_NONE; a malformed
 * value or another charset is an error (400 or 415). */
soi_error *soi_media_parse_content_type(apr_pool_t *pool, const char *value, soi_media *out);

#endif
