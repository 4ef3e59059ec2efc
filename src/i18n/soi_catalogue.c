#include "i18n/soi_catalogue.h"

#include "i18n/soi_catalogue_de.h"
#include "i18n/soi_catalogue_nb.h"
#include "i18n/soi_catalogue_sv.h"

/* One table per translation, indexed by id; t/unit/test_catalogue checks
 * that each list names every id once, in order. */
#define SOI_CATALOGUE_ENTRY(id, text) [id] = text,
static const char *const soi_catalogue_sv[SOI_MSG_COUNT] = {SOI_CATALOGUE_SV(SOI_CATALOGUE_ENTRY)};
static const char *const soi_catalogue_nb[SOI_MSG_COUNT] = {SOI_CATALOGUE_NB(SOI_CATALOGUE_ENTRY)};
static const char *const soi_catalogue_de[SOI_MSG_COUNT] = {SOI_CATALOGUE_DE(SOI_CATALOGUE_ENTRY)};
#undef SOI_CATALOGUE_ENTRY

const char *soi_catalogue_text(soi_lang lang, soi_msg id)
{
    const char *const *table;
    const char *text;

    if (id <= SOI_MSG_NONE || id >= SOI_MSG_COUNT)
        return NULL;
    switch (lang) {
    case SOI_LANG_SV: table = soi_catalogue_sv; break;
    case SOI_LANG_NB: table = soi_catalogue_nb; break;
    case SOI_LANG_DE: table = soi_catalogue_de; break;
    default: return soi_msg_english(id);
    }
    text = table[id];
    /* A translation missing from its list falls back to the source. */
    return text ? text : soi_msg_english(id);
}
