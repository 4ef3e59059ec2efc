/* Rendering messages: the one place an error's id and arguments become the
 * text a client reads. Only English exists so far; the language argument
 * is where the negotiated language will come in. */
#ifndef SOI_MESSAGE_H
#define SOI_MESSAGE_H

#include "core/soi_error.h"

/* The text of e: its message with {1}..{4} replaced by its arguments and {0}
 * by the rendering of the message it embeds. */
const char *soi_message(apr_pool_t *pool, const soi_error *e);

#endif
