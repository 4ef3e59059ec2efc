/* The ImageInfo resource: GET (and HEAD), PUT and PATCH of a contact's
 * picture metadata. */
#ifndef SOI_IMAGEINFO_H
#define SOI_IMAGEINFO_H

#include "http/soi_http.h"

int soi_imageinfo_get(soi_req *q);
int soi_imageinfo_put(soi_req *q);
int soi_imageinfo_patch(soi_req *q);

#endif
