/* The message catalogue in every language it speaks: English is the source
 * (core/soi_msg*.h); src/i18n/soi_catalogue_<tag>.h hold the translations,
 * one entry per message id, with the same {0}..{4} slots. */
#ifndef SOI_CATALOGUE_H
#define SOI_CATALOGUE_H

#include "core/soi_msg.h"
#include "i18n/soi_lang.h"

/* The text of id in lang (the English source for SOI_LANG_EN); NULL only
 * for an id outside 1..SOI_MSG_COUNT-1. */
const char *soi_catalogue_text(soi_lang lang, soi_msg id);

#endif
