/* The Image resource: GET (and HEAD), PUT and POST, DELETE of a contact's
 * picture bytes. */
#ifndef SOI_IMAGE_H
#define SOI_IMAGE_H

#include "http/soi_http.h"

int soi_image_get(soi_req *q);

/* PUT and POST: the bytes of a picture (image/png, image/jpeg, image/gif,
 * image/tiff), or a multipart/form-data body holding one. */
int soi_image_write(soi_req *q);

int soi_image_delete(soi_req *q);

#endif
