/* Rendering messages: the one place an error's id and arguments become the
 * text a client reads, in the language the reply speaks. */
#ifndef SOI_MESSAGE_H
#define SOI_MESSAGE_H

#include "core/soi_error.h"
#include "i18n/soi_lang.h"

/* The text of e in lang: its message with {1}..{4} replaced by its
 * arguments and {0} by the rendering of the message it embeds (in lang
 * too). */
const char *soi_message(apr_pool_t *pool, const soi_error *e, soi_lang lang);

#endif
