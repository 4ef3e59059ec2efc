#include "codec/soi_jsonpatch.h"

#include <apr_strings.h>
#include <stdlib.h>
#include <string.h>

#include "codec/soi_json.h"
#include "core/soi_text.h"

/* ---- reading a JSON Patch --------------------------------------------------- */

typedef struct {
    apr_pool_t *pool;
    soi_change *change;
    soi_patch_op *op; /* the operation being read */
    const char *op_name;
    enum { M_NONE, M_OP, M_PATH, M_FROM, M_VALUE, M_OTHER } member;
    unsigned seen; /* members of this operation met so far (bits of the enum) */
    /* The member of the operation being read, as the body spells it (enough
     * of it to quote), for messages about what its value holds. */
    char key[41];
    apr_size_t key_len;
} soi_patch_reader;

static soi_error *not_a_patch(apr_pool_t *pool)
{
    return soi_err(pool, SOI_MSG_PATCH_NOT_ARRAY, NULL);
}

static int op_number(const soi_patch_reader *rd)
{
    return rd->change->ops->nelts; /* 1-based: the one being read is already pushed */
}

/* Text that is not UTF-8 in the value of the operation's current member. */
static soi_error *member_not_utf8(soi_patch_reader *rd, const char *text, apr_size_t len)
{
    return soi_err(rd->pool, SOI_MSG_PATCH_MEMBER_UTF8, soi_num(rd->pool, op_number(rd)),
                   soi_text_quote(rd->pool, rd->key, rd->key_len, sizeof(rd->key) - 1),
                   soi_utf8_bad_hex(rd->pool, text, len), NULL);
}

static soi_error *patch_value(void *ctx, int depth, soi_input_kind kind, const char *text, apr_size_t len,
                              unsigned flags)
{
    soi_patch_reader *rd = ctx;

    if (depth == 0)
        return kind == SOI_IN_ARRAY ? NULL : not_a_patch(rd->pool);
    if (depth == 1) {
        if (kind != SOI_IN_OBJECT)
            return soi_err(rd->pool, SOI_MSG_PATCH_OP_NOT_OBJECT, soi_num(rd->pool, rd->change->ops->nelts + 1), NULL);
        rd->op = apr_array_push(rd->change->ops);
        memset(rd->op, 0, sizeof(*rd->op));
        rd->op_name = NULL;
        rd->seen = 0;
        return NULL;
    }
    /* Any string of an operation, nested or not, of a member RFC 6902
     * defines or not: a body that is not UTF-8 is not JSON. */
    if (flags & SOI_JSON_BAD_UTF8)
        return member_not_utf8(rd, text, len);
    if (depth > 2)
        return NULL; /* inside a nested value */
    switch (rd->member) {
    case M_OP:
    case M_PATH:
    case M_FROM: {
        const char *names[] = {"", "op", "path", "from"};
        if (kind != SOI_IN_STRING)
            return soi_err(rd->pool, SOI_MSG_PATCH_MEMBER_NOT_STRING, soi_num(rd->pool, op_number(rd)),
                           names[rd->member], NULL);
        /* They are read as C strings from here on: a \u0000 would cut
         * "/Description\u0000junk" down to a path it does not name. */
        if (memchr(text, '\0', len))
            return soi_err(rd->pool, SOI_MSG_PATCH_MEMBER_NUL, soi_num(rd->pool, op_number(rd)), names[rd->member],
                           NULL);
        const char *s = apr_pstrmemdup(rd->pool, text, len);
        if (rd->member == M_OP)
            rd->op_name = s;
        else if (rd->member == M_PATH)
            rd->op->path = s;
        else
            rd->op->from = s;
        break;
    }
    case M_VALUE:
        rd->op->has_value = 1;
        rd->op->value_kind = kind;
        rd->op->value = apr_pstrmemdup(rd->pool, text, len);
        rd->op->value_len = len;
        rd->op->bad_escape = (flags & SOI_JSON_BAD_ESCAPE) != 0;
        break;
    default: break; /* members RFC 6902 does not define are ignored */
    }
    rd->member = M_NONE;
    return NULL;
}

static soi_error *patch_key(void *ctx, int depth, const char *key, apr_size_t len, unsigned flags)
{
    soi_patch_reader *rd = ctx;
    static const char *const members[] = {"", "op", "path", "from", "value"};

    if (depth > 2)
        return (flags & SOI_JSON_BAD_UTF8) ? member_not_utf8(rd, key, len) : NULL;
    if (depth != 2)
        return NULL;
    if (flags & SOI_JSON_BAD_UTF8)
        return soi_err(rd->pool, SOI_MSG_PATCH_NAME_UTF8, soi_num(rd->pool, op_number(rd)),
                       soi_utf8_bad_hex(rd->pool, key, len), NULL);
    rd->key_len = len < sizeof(rd->key) ? len : sizeof(rd->key);
    memcpy(rd->key, key, rd->key_len);
    rd->member = M_OTHER;
    for (int m = M_OP; m <= M_VALUE; m++) {
        if (len == strlen(members[m]) && memcmp(key, members[m], len) == 0) {
            if (rd->seen & (1u << m))
                return soi_err(rd->pool, SOI_MSG_PATCH_MEMBER_TWICE, soi_num(rd->pool, op_number(rd)), members[m],
                               NULL);
            rd->seen |= 1u << m;
            rd->member = m;
        }
    }
    return NULL;
}

static soi_error *patch_end(void *ctx, int depth)
{
    static const struct {
        const char *name;
        soi_op_kind op;
        int needs_value, needs_from;
    } ops[] = {{"add", SOI_OP_ADD, 1, 0},   {"remove", SOI_OP_REMOVE, 0, 0}, {"replace", SOI_OP_REPLACE, 1, 0},
               {"move", SOI_OP_MOVE, 0, 1}, {"copy", SOI_OP_COPY, 0, 1},     {"test", SOI_OP_TEST, 1, 0}};
    soi_patch_reader *rd = ctx;
    int n = op_number(rd);

    if (depth != 2)
        return NULL;
    if (!rd->op_name)
        return soi_err(rd->pool, SOI_MSG_PATCH_NO_OP, soi_num(rd->pool, n), NULL);
    for (apr_size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        if (strcmp(rd->op_name, ops[i].name) != 0)
            continue;
        rd->op->op = ops[i].op;
        if (!rd->op->path)
            return soi_err(rd->pool, SOI_MSG_PATCH_NO_MEMBER, soi_num(rd->pool, n), ops[i].name, "path", NULL);
        if (ops[i].needs_value && !rd->op->has_value)
            return soi_err(rd->pool, SOI_MSG_PATCH_NO_MEMBER, soi_num(rd->pool, n), ops[i].name, "value", NULL);
        if (ops[i].needs_from && !rd->op->from)
            return soi_err(rd->pool, SOI_MSG_PATCH_NO_MEMBER, soi_num(rd->pool, n), ops[i].name, "from", NULL);
        return NULL;
    }
    return soi_err(rd->pool, SOI_MSG_PATCH_BAD_OP, soi_num(rd->pool, n),
                   soi_text_quote(rd->pool, rd->op_name, strlen(rd->op_name), 40), NULL);
}

static const soi_json_events soi_patch_events = {patch_value, patch_key, patch_end};

soi_sink soi_json_patch_decoder(apr_pool_t *pool, soi_change *change)
{
    soi_patch_reader *rd = apr_pcalloc(pool, sizeof(*rd));
    rd->pool = pool;
    rd->change = change;
    change->kind = SOI_CHANGE_JSON_PATCH;
    change->ops = apr_array_make(pool, 4, sizeof(soi_patch_op));
    return soi_json_stream(pool, &soi_patch_events, rd);
}
