#include "i18n/soi_message.h"

#include "core/soi_buf.h"
#include "i18n/soi_catalogue.h"

/* Embedded messages nest at most this deep (a patch operation's value). */
#define SOI_MESSAGE_DEPTH 4

static void soi_render(soi_buf *out, const soi_error *e, soi_lang lang, int depth)
{
    const char *t = soi_catalogue_text(lang, e->id);

    for (const char *p = t; *p; p++) {
        /* An argument goes where a single digit stands in braces: "{\"op\"" is text. */
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
            int n = p[1] - '0';
            if (n == 0 && e->cause && depth < SOI_MESSAGE_DEPTH)
                soi_render(out, e->cause, lang, depth + 1);
            else if (n > 0 && n <= e->nargs)
                soi_buf_adds(out, e->args[n - 1]);
            p += 2;
            continue;
        }
        soi_buf_addc(out, *p);
    }
}

const char *soi_message(apr_pool_t *pool, const soi_error *e, soi_lang lang)
{
    soi_buf out;
    soi_buf_init(&out, pool, 128);
    soi_render(&out, e, lang, 0);
    return soi_buf_cstr(&out);
}
