/* Message ids: every text a client can read, named by what it says. Each
 * list entry is (id, HTTP status, English text); a status of 0 marks a
 * phrase, a piece that other messages embed. English is the source
 * language: src/i18n renders a message in the reply's language, with {1}..{4}
 * replaced by the error's arguments and {0} by the message it wraps. */
#ifndef SOI_MSG_H
#define SOI_MSG_H

#include "core/soi_msg_body.h"
#include "core/soi_msg_request.h"

#define SOI_MESSAGES(X) SOI_MESSAGES_REQUEST(X) SOI_MESSAGES_BODY(X)

typedef enum {
    SOI_MSG_NONE = 0,
#define SOI_MSG_ENUM(id, status, text) id,
    SOI_MESSAGES(SOI_MSG_ENUM)
#undef SOI_MSG_ENUM
        SOI_MSG_COUNT
} soi_msg;

/* The status a message is sent with (0 for a phrase). */
int soi_msg_status(soi_msg id);

/* The id's name without its SOI_ prefix ("MSG_NO_CONTACT"): a stable word
 * for logs. */
const char *soi_msg_name(soi_msg id);

/* The English source text. */
const char *soi_msg_english(soi_msg id);

#endif
