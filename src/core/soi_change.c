#include "core/soi_change.h"

#include <apr_strings.h>
#include <stdlib.h>
#include <string.h>

#include "core/soi_text.h"

/* ---- applying ----------------------------------------------------------------- */

/* The field a JSON Pointer names: "/Description", or "Description" (the
 * leading slash is optional), without regard to case, ~1 and ~0 unescaped.
 * Writes need a writable field; reads (test, copy's from) may also name
 * BlobId. Anything deeper, server-set or unknown is a 400. */
static soi_error *patch_field(apr_pool_t *pool, int n, const char *pointer, int write, const soi_field **out)
{
    const char *p = pointer[0] == '/' ? pointer + 1 : pointer;
    char *name = apr_palloc(pool, strlen(p) + 1), *o = name;

    for (; *p; p++) {
        if (*p == '/')
            return soi_err(pool, SOI_MSG_PATCH_INTO, soi_num(pool, n),
                           soi_text_quote(pool, pointer, strlen(pointer), 60), NULL);
        if (*p == '~' && (p[1] == '0' || p[1] == '1')) {
            *o++ = p[1] == '0' ? '~' : '/';
            p++;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    const soi_field *f = soi_field_find(name, (apr_size_t)(o - name));
    if (!f)
        return soi_err(pool, SOI_MSG_PATCH_UNKNOWN, soi_num(pool, n),
                       soi_text_quote(pool, pointer, strlen(pointer), 60), NULL);
    if (!(f->flags & SOI_WRITABLE) && (write || f->id != SOI_F_BLOBID))
        return soi_err(pool, write ? SOI_MSG_PATCH_NOT_WRITABLE : SOI_MSG_PATCH_NOT_READABLE, soi_num(pool, n), f->name,
                       soi_field_writable_names(), NULL);
    *out = f;
    return NULL;
}

/* The op's value, checked by the entity's own rules, into *v. */
static soi_error *patch_value_of(apr_pool_t *pool, int n, const soi_patch_op *op, const soi_field *f, soi_value *v)
{
    soi_entity scratch;
    soi_error *err;

    memset(&scratch, 0, sizeof(scratch));
    if (op->bad_escape && f->type == SOI_T_STRING)
        return soi_err(pool, SOI_MSG_STRING_SURROGATE, f->name, NULL);
    err = soi_entity_assign(&scratch, f, op->value_kind, op->value, op->value_len, pool);
    if (err)
        return soi_err_wrap(pool, SOI_MSG_PATCH_VALUE, err, soi_num(pool, n), NULL);
    if (scratch.null & SOI_BIT(f->id)) {
        /* A null string is stored as "", as in a PUT. */
        soi_entity d;
        soi_entity_init_default(&d);
        *v = d.v[f->id];
    } else {
        *v = scratch.v[f->id];
    }
    return NULL;
}

/* Do two fields hold values of one kind (so that move and copy make sense)? */
static int same_kind(const soi_field *a, const soi_field *b)
{
    soi_type ta = a->type == SOI_T_ID ? SOI_T_SIZE : a->type, tb = b->type == SOI_T_ID ? SOI_T_SIZE : b->type;
    return ta == tb;
}

/* A JSON number (yajl has checked its syntax) as an integer, exactly: 442,
 * 442.0, 4.42e2 and 4420000000000000000000e-19 are 442; 442.5 and
 * 442.00000000000001 are no integer at all, which strtod would round to 442.
 * Returns 0 for a number that is not an integer or lies beyond 64 bits. */
static int json_number_int(const char *s, apr_size_t n, apr_int64_t *out)
{
    enum { SIG_KEPT = 24 }; /* more significant digits than any apr_int64_t has */
    char digits[1 + SIG_KEPT + 20];
    apr_size_t i = 0, sig = 0, zeros = 0, frac = 0; /* zeros: trailing ones among the sig */
    apr_int64_t exp = 0;
    int neg = 0, in_frac = 0;

    if (i < n && s[i] == '-') {
        neg = 1;
        i++;
    }
    for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'); i++) {
        if (s[i] == '.') {
            in_frac = 1;
            continue;
        }
        frac += in_frac;
        if (s[i] == '0' && sig == 0)
            continue; /* leading zeros */
        if (sig < SIG_KEPT)
            digits[1 + sig] = s[i];
        sig++;
        zeros = s[i] == '0' ? zeros + 1 : 0;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        int eneg = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            if (exp < APR_INT64_C(1000000000000000)) /* far beyond any body's length */
                exp = exp * 10 + (s[i] - '0');
        }
        exp = eneg ? -exp : exp;
    }
    if (i != n)
        return 0;
    if (sig == 0) { /* 0, -0.0, 0e99 */
        *out = 0;
        return 1;
    }
    /* The value is digits[1..1 + sig - zeros) * 10^e. */
    apr_size_t len = sig - zeros;
    apr_int64_t e = exp - (apr_int64_t)frac + (apr_int64_t)zeros;
    if (e < 0 || len > 19 || (apr_int64_t)len + e > 19)
        return 0; /* a fraction, or at least 10^19 */
    char *p = digits + 1 + len;
    for (apr_int64_t k = 0; k < e; k++)
        *p++ = '0';
    digits[0] = '-';
    return neg ? soi_parse_int(digits, (apr_size_t)(p - digits), APR_INT64_MIN, APR_INT64_MAX, out)
               : soi_parse_int(digits + 1, (apr_size_t)(p - digits - 1), APR_INT64_MIN, APR_INT64_MAX, out);
}

/* "test": equal as JSON values, so the type counts too: "10" is not 10. */
static int test_matches(const soi_patch_op *op, const soi_field *f, const soi_value *cur)
{
    apr_int64_t n;
    switch (f->type) {
    case SOI_T_STRING:
        return op->value_kind == SOI_IN_STRING && !op->bad_escape && op->value_len == cur->len
               && memcmp(op->value, cur->str, cur->len) == 0;
    case SOI_T_BOOL: return op->value_kind == SOI_IN_BOOL && (op->value[0] == 't') == (cur->num != 0);
    default:
        /* Numbers are equal when their values are (RFC 6902 4.6), compared
         * exactly: 442.0 and 4.42e2 equal 442; nothing wraps or rounds. */
        return op->value_kind == SOI_IN_NUMBER && json_number_int(op->value, op->value_len, &n) && n == cur->num;
    }
}

static soi_error *apply_json_patch(apr_pool_t *pool, const apr_array_header_t *ops, soi_entity *t)
{
    soi_entity defaults;
    soi_entity_init_default(&defaults);

    for (int i = 0; i < ops->nelts; i++) {
        const soi_patch_op *op = &APR_ARRAY_IDX(ops, i, soi_patch_op);
        int n = i + 1;
        const soi_field *to, *from;
        soi_value v;
        soi_error *err = patch_field(pool, n, op->path, op->op != SOI_OP_TEST, &to);
        if (err)
            return err;
        switch (op->op) {
        case SOI_OP_ADD:
        case SOI_OP_REPLACE:
            /* Every property always exists: add replaces, as RFC 6902 says
             * for an existing member. */
            if ((err = patch_value_of(pool, n, op, to, &v)))
                return err;
            t->v[to->id] = v;
            break;
        case SOI_OP_REMOVE: t->v[to->id] = defaults.v[to->id]; break;
        case SOI_OP_MOVE:
        case SOI_OP_COPY:
            if ((err = patch_field(pool, n, op->from, op->op == SOI_OP_MOVE, &from)))
                return err;
            if (!same_kind(from, to))
                return soi_err(pool, SOI_MSG_PATCH_KIND, soi_num(pool, n), from->name, to->name, NULL);
            v = t->v[from->id];
            if (op->op == SOI_OP_MOVE && from != to)
                t->v[from->id] = defaults.v[from->id];
            t->v[to->id] = v;
            break;
        case SOI_OP_TEST:
            if (!test_matches(op, to, &t->v[to->id]))
                return soi_err(pool, SOI_MSG_PATCH_TEST, soi_num(pool, n), to->name, NULL);
            break;
        }
    }
    return NULL;
}

soi_error *soi_change_apply(apr_pool_t *pool, const soi_change *change, soi_entity *target)
{
    soi_entity work = *target, defaults;
    soi_error *err = NULL;

    switch (change->kind) {
    case SOI_CHANGE_REPLACE:
        work = change->entity;
        soi_entity_fill_for_put(&work);
        break;
    case SOI_CHANGE_MERGE:
        soi_entity_init_default(&defaults);
        for (int i = 0; i < SOI_F_COUNT; i++) {
            apr_uint32_t bit = SOI_BIT(i);
            if (change->entity.present & bit)
                work.v[i] = (change->entity.null & bit) ? defaults.v[i] : change->entity.v[i];
        }
        break;
    case SOI_CHANGE_JSON_PATCH: err = apply_json_patch(pool, change->ops, &work); break;
    }
    if (!err)
        *target = work;
    return err;
}
