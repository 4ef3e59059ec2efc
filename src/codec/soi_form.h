/* application/x-www-form-urlencoded: a BlobEntity as Name=value pairs,
 * parsed as they arrive. Names match without regard to case; a name given
 * twice is refused; the XSRF_TOKEN field goes to authentication. */
#ifndef SOI_FORM_H
#define SOI_FORM_H

#include "core/soi_change.h"

soi_sink soi_form_decoder(apr_pool_t *pool, soi_change *into);

#endif
