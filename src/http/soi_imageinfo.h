/* The ImageInfo resource: GET (and HEAD), PUT and PATCH of a contact's
 * picture metadata. */
#ifndef SOI_IMAGEINFO_H
#define SOI_IMAGEINFO_H

#include "http/soi_http.h"

int soi_imageinfo_get(soi_req *q);

/* PUT and PATCH: a body of one of the media types q->body_media allows,
 * whole entities or patches. */
int soi_imageinfo_write(soi_req *q);

#endif
