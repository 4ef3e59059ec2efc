/* The message catalogue: every id has a status the SPEC names (or is a
 * phrase), an English text, and argument slots the renderer fills. */
#include <apr_strings.h>

#include "core/soi_error.h"
#include "i18n/soi_message.h"
#include "tap.h"

#define ROW(id, status, text) {id, #id, status, text},
static const struct {
    soi_msg id;
    const char *name;
    int status;
    const char *text;
} rows[] = {SOI_MESSAGES(ROW)};

static int spec_status(int s)
{
    static const int known[] = {400, 401, 403, 404, 405, 406, 409, 412, 413, 415, 416, 500, 501, 503};
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (known[i] == s)
            return 1;
    return 0;
}

int main(void)
{
    apr_pool_t *p;
    apr_initialize();
    apr_pool_create(&p, NULL);

    is_int(sizeof(rows) / sizeof(rows[0]), SOI_MSG_COUNT - 1, "every id is a row of the lists");
    int bad_status = 0, bad_text = 0, bad_holes = 0, bad_order = 0;
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        int phrase = strncmp(rows[i].name, "SOI_PH_", 7) == 0;
        if (rows[i].id != (soi_msg)(i + 1))
            bad_order++;
        if (phrase ? rows[i].status != 0 : !spec_status(rows[i].status)) {
            printf("# %s has the status %d\n", rows[i].name, rows[i].status);
            bad_status++;
        }
        if (!rows[i].text[0]
            || (!phrase && rows[i].text[strlen(rows[i].text) - 1] != '.'
                && strcmp(rows[i].text + strlen(rows[i].text) - 3, "{0}") != 0)) {
            printf("# %s: \"%s\"\n", rows[i].name, rows[i].text);
            bad_text++;
        }
        /* Rendered with four arguments and a cause, no argument slot is left. */
        soi_error *cause = soi_err(p, SOI_PH_STRING, NULL);
        soi_error *e = soi_err_wrap(p, rows[i].id, cause, "A1", "A2", "A3", "A4", NULL);
        const char *text = soi_message(p, e, SOI_LANG_EN);
        for (const char *c = text; *c; c++) {
            if (c[0] == '{' && c[1] >= '0' && c[1] <= '9' && c[2] == '}') {
                printf("# %s renders as \"%s\"\n", rows[i].name, text);
                bad_holes++;
                break;
            }
        }
        is_int(soi_msg_status(rows[i].id), rows[i].status, "%s: its status", rows[i].name);
    }
    is_int(bad_order, 0, "ids follow the lists' order");
    is_int(bad_status, 0, "messages have a status of SPEC section 4; phrases have none");
    is_int(bad_text, 0, "messages are sentences; phrases are not empty");
    is_int(bad_holes, 0, "argument slots are {0} to {4} only");

    /* Rendering. */
    soi_error *e = soi_err(p, SOI_MSG_NO_CONTACT, "42", NULL);
    is_str(soi_message(p, e, SOI_LANG_EN), "Contact 42 does not exist or is deleted.", "an argument in place");
    is_int(e->status, 404, "the status comes with the id");
    e = soi_err_wrap(p, SOI_MSG_PATCH_VALUE, soi_err(p, SOI_MSG_DUPLICATE, "BlobSize", NULL), "3", NULL);
    is_str(soi_message(p, e, SOI_LANG_EN), "Operation 3 of the JSON Patch: BlobSize is given more than once.",
           "an embedded message in place of {0}");
    e = soi_err(p, SOI_MSG_JSON_NOT_OBJECT, NULL);
    ok(strstr(soi_message(p, e, SOI_LANG_EN), "{\"Description\": \"...\"}") != NULL, "braces around text are text: %s",
       soi_message(p, e, SOI_LANG_EN));
    e = soi_err(p, SOI_MSG_STRING_LONG, "{1}", NULL);
    is_str(soi_message(p, e, SOI_LANG_EN), "{1} has  characters; at most  are accepted.",
           "arguments are not read again, and missing ones are empty");
    e = soi_error_server(p, SOI_MSG_UNAVAILABLE, "connection to %s refused", "pg1");
    ok(e->status == 503 && strcmp(e->detail, "connection to pg1 refused") == 0
           && !strstr(soi_message(p, e, SOI_LANG_EN), "pg1"),
       "a server error keeps its detail for the log only");
    return done_testing();
}
