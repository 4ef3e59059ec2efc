/* The translated catalogue: every list names every id once, in the ids'
 * order, with the English text's slots and ending, in valid UTF-8; and a few
 * messages rendered through it in each language. */
#include <ctype.h>

#include "core/soi_error.h"
#include "core/soi_text.h"
#include "i18n/soi_catalogue.h"
#include "i18n/soi_catalogue_de.h"
#include "i18n/soi_catalogue_nb.h"
#include "i18n/soi_catalogue_sv.h"
#include "tap.h"

typedef struct {
    soi_msg id;
    const char *name;
    const char *text;
} row;

#define ROW(id, text) {id, #id, text},
#define EN_ROW(id, status, text) {id, #id, text},
static const row rows_en[] = {SOI_MESSAGES(EN_ROW)};
static const row rows_sv[] = {SOI_CATALOGUE_SV(ROW)};
static const row rows_nb[] = {SOI_CATALOGUE_NB(ROW)};
static const row rows_de[] = {SOI_CATALOGUE_DE(ROW)};

static const struct {
    soi_lang lang;
    const char *tag;
    const row *rows;
    size_t n;
} langs[] = {
    {SOI_LANG_SV, "sv", rows_sv, sizeof(rows_sv) / sizeof(rows_sv[0])},
    {SOI_LANG_NB, "nb", rows_nb, sizeof(rows_nb) / sizeof(rows_nb[0])},
    {SOI_LANG_DE, "de", rows_de, sizeof(rows_de) / sizeof(rows_de[0])},
};

static int is_slot(const char *p)
{
    return p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}';
}

/* How often each slot {0}..{9} stands in t. */
static void slots(const char *t, int count[10])
{
    memset(count, 0, 10 * sizeof(count[0]));
    for (const char *p = t; *p; p++)
        if (is_slot(p)) {
            count[p[1] - '0']++;
            p += 2;
        }
}

/* Has t a letter outside its slots? "\"{1}\"" has none: it may stay as it is. */
static int has_letters(const char *t)
{
    for (const char *p = t; *p; p++) {
        if (is_slot(p))
            p += 2;
        else if (isalpha((unsigned char)*p))
            return 1;
    }
    return 0;
}

static int ends_with(const char *t, const char *end)
{
    size_t n = strlen(t), m = strlen(end);
    return n >= m && strcmp(t + n - m, end) == 0;
}

/* A message as replies render it. */
static const char *message(apr_pool_t *p, soi_lang lang, const soi_error *e)
{
    return soi_message(p, e, lang);
}

static void check_language(apr_pool_t *p, size_t l)
{
    const char *tag = langs[l].tag;
    const row *rows = langs[l].rows;
    size_t n = langs[l].n;
    int bad_order = 0, bad_text = 0, bad_lookup = 0, bad_slots = 0, bad_end = 0, bad_same = 0, bad_utf8 = 0;
    int bad_render = 0;

    is_int(n, SOI_MSG_COUNT - 1, "%s: the list has one entry per id", tag);
    for (size_t i = 0; i < n; i++) {
        if (rows[i].id != (soi_msg)(i + 1)) {
            printf("# %s: entry %zu is %s, not %s\n", tag, i + 1, rows[i].name,
                   i < sizeof(rows_en) / sizeof(rows_en[0]) ? rows_en[i].name : "(none)");
            bad_order++;
        }
    }
    for (soi_msg id = 1; id < SOI_MSG_COUNT; id++) {
        const row *en = &rows_en[id - 1];
        const char *t = soi_catalogue_text(langs[l].lang, id);
        const row *own = NULL;
        int want[10], got[10];
        apr_uint32_t bad;

        for (size_t i = 0; i < n; i++)
            if (rows[i].id == id)
                own = &rows[i];
        if (!own || !t || !t[0]) {
            printf("# %s: %s has no text\n", tag, en->name);
            bad_text++;
            continue;
        }
        if (strcmp(t, own->text) != 0) {
            printf("# %s: %s is looked up as \"%s\"\n", tag, en->name, t);
            bad_lookup++;
        }
        slots(en->text, want);
        slots(t, got);
        if (memcmp(want, got, sizeof(want)) != 0) {
            printf("# %s: %s: \"%s\" has other slots than \"%s\"\n", tag, en->name, t, en->text);
            bad_slots++;
        }
        if (soi_msg_status(id) != 0) {
            const char *end = ends_with(en->text, "{0}") ? "{0}" : ".";
            if (!ends_with(t, end)) {
                printf("# %s: %s: \"%s\" does not end in %s\n", tag, en->name, t, end);
                bad_end++;
            }
        }
        if (has_letters(en->text) && strcmp(t, en->text) == 0) {
            printf("# %s: %s is the English text\n", tag, en->name);
            bad_same++;
        }
        if (!soi_utf8_valid(t, strlen(t), &bad)) {
            printf("# %s: %s is not UTF-8 (0x%X)\n", tag, en->name, (unsigned)bad);
            bad_utf8++;
        }
        /* Rendered with four arguments and a cause, no slot is left. */
        soi_error *e = soi_err_wrap(p, id, soi_err(p, SOI_PH_STRING, NULL), "A1", "A2", "A3", "A4", NULL);
        const char *m = message(p, langs[l].lang, e);
        for (const char *c = m; *c; c++)
            if (is_slot(c)) {
                printf("# %s: %s renders as \"%s\"\n", tag, en->name, m);
                bad_render++;
                break;
            }
    }
    is_int(bad_order, 0, "%s: the entries follow the ids' order", tag);
    is_int(bad_text, 0, "%s: every id has a text that is not empty", tag);
    is_int(bad_lookup, 0, "%s: soi_catalogue_text gives the list's text", tag);
    is_int(bad_slots, 0, "%s: every text has the English text's slots, as often", tag);
    is_int(bad_end, 0, "%s: messages end as the English ones do (\".\" or \"{0}\")", tag);
    is_int(bad_same, 0, "%s: every text with words is translated", tag);
    is_int(bad_utf8, 0, "%s: every text is valid UTF-8", tag);
    is_int(bad_render, 0, "%s: rendered, no slot is left", tag);
}

int main(void)
{
    apr_pool_t *p;
    apr_initialize();
    apr_pool_create(&p, NULL);

    /* English is the source. */
    int bad_en = 0;
    for (soi_msg id = 1; id < SOI_MSG_COUNT; id++) {
        const char *t = soi_catalogue_text(SOI_LANG_EN, id);
        apr_uint32_t bad;
        if (!t || !t[0] || t != soi_msg_english(id) || !soi_utf8_valid(t, strlen(t), &bad))
            bad_en++;
    }
    is_int(bad_en, 0, "en: every id has the English source text");
    ok(soi_catalogue_text(SOI_LANG_SV, SOI_MSG_NONE) == NULL && soi_catalogue_text(SOI_LANG_DE, SOI_MSG_COUNT) == NULL
           && soi_catalogue_text(SOI_LANG_EN, SOI_MSG_NONE) == NULL,
       "no text for an id outside the lists");

    for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++)
        check_language(p, l);

    /* Rendered samples. */
    soi_error *e = soi_err(p, SOI_MSG_NO_CONTACT, "42", NULL);
    is_str(message(p, SOI_LANG_EN, e), "Contact 42 does not exist or is deleted.", "en: the source text");
    is_str(message(p, SOI_LANG_SV, e), "Kontakten 42 finns inte eller är borttagen.", "sv: an argument in place");
    e = soi_err_wrap(p, SOI_MSG_NOT_BOOL, soi_err(p, SOI_PH_NULL, NULL), "IsZipped", NULL);
    is_str(message(p, SOI_LANG_SV, e), "IsZipped måste vara true eller false, inte värdet null.",
           "sv: a phrase in place of {0}");
    e = soi_err(p, SOI_MSG_NO_IMAGE, "7", NULL);
    is_str(message(p, SOI_LANG_NB, e), "Kontakten 7 har ingen bildedata; lagre dem med PUT /v1/Contact/7/Image.",
           "nb: an argument twice");
    e = soi_err_wrap(p, SOI_MSG_PATCH_VALUE, soi_err(p, SOI_MSG_DUPLICATE, "BlobSize", NULL), "3", NULL);
    is_str(message(p, SOI_LANG_NB, e), "Operasjon 3 i JSON-patchen: BlobSize er oppgitt mer enn én gang.",
           "nb: an embedded message in place of {0}");
    e = soi_err_wrap(p, SOI_MSG_NOT_ID, soi_err(p, SOI_PH_STRING, NULL), "BlobId", NULL);
    is_str(message(p, SOI_LANG_DE, e),
           "BlobId muss eine ganze Zahl sein (die BlobId des Bildes oder 0), nicht eine Zeichenkette.",
           "de: a phrase in place of {0}");
    e = soi_err_wrap(p, SOI_MSG_PATCH_VALUE,
                     soi_err_wrap(p, SOI_MSG_NOT_OBJECT, soi_err(p, SOI_PH_QUOTED, "abc", NULL), "Associate", NULL),
                     "2", NULL);
    is_str(message(p, SOI_LANG_DE, e),
           "Operation 2 des JSON-Patches: Associate muss ein Objekt oder null sein, nicht \"abc\".",
           "de: a message embedding a phrase, embedded");
    e = soi_err(p, SOI_MSG_JSON_NOT_OBJECT, NULL);
    ok(strstr(message(p, SOI_LANG_DE, e), "{\"Description\": \"...\"}") != NULL, "de: braces around text are text: %s",
       message(p, SOI_LANG_DE, e));
    e = soi_err(p, SOI_MSG_BLOBSIZE_MISMATCH, "10", "12", "5", NULL);
    is_str(message(p, SOI_LANG_SV, e),
           "BlobSize 10 är inte bildens längd i byte, 12; skicka BlobSize 12 eller lagra andra byte med "
           "PUT /v1/Contact/5/Image.",
           "sv: three arguments, one of them twice");
    return done_testing();
}
