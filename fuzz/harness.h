/* What every fuzz target shares: APR set up once, a pool per input, feeding a
 * decoder in pieces, and the round trip of a decoded entity through the
 * emitters. Included by exactly one harness per program (libFuzzer's or the
 * replay driver's), so everything here is static.
 *
 * The first byte of an input is the selector; the rest is the payload.
 *   bits 0-3  piece size: 0 feeds the payload at once, n feeds n bytes a time
 *   bit 7     pieces of pseudo-random sizes from 1 to 1 + 8 * (bits 0-3) bytes
 *   bit 6     (patches) the change applies to a stored picture, not the default
 * So a seed written as "0{...}" is fed whole and "1{...}" byte by byte. */
#ifndef SOI_FUZZ_HARNESS_H
#define SOI_FUZZ_HARNESS_H

#include <apr_general.h>
#include <apr_pools.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/soi_sink.h"
#include "codec/soi_emit.h"
#include "core/soi_entity.h"
#include "codec/soi_json.h"
#include "core/soi_change.h"
#include "codec/soi_xml.h"
#include "core/soi_text.h"
#include "i18n/soi_message.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_UNUSED __attribute__((unused))

/* A broken property: report it and abort, which libFuzzer records as a crash
 * (and the replay driver's prove run as a failed test). */
#define FUZZ_CHECK(cond, ...)                                                                                          \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            fprintf(stderr, "%s:%d: property failed: %s\n  ", __FILE__, __LINE__, #cond);                              \
            fprintf(stderr, __VA_ARGS__);                                                                              \
            fputc('\n', stderr);                                                                                       \
            abort();                                                                                                   \
        }                                                                                                              \
    } while (0)

/* The only mutable global: APR's root pool, made on first use. Each input
 * gets a child pool, which the harness destroys when it is done. */
static apr_pool_t *fuzz_root;

FUZZ_UNUSED static apr_pool_t *fuzz_pool(void)
{
    apr_pool_t *p = NULL;
    if (!fuzz_root) {
        if (apr_initialize() != APR_SUCCESS || apr_pool_create(&fuzz_root, NULL) != APR_SUCCESS) {
            fprintf(stderr, "fuzz: APR could not be initialised\n");
            abort();
        }
        atexit(apr_terminate);
    }
    if (apr_pool_create(&p, fuzz_root) != APR_SUCCESS)
        abort();
    return p;
}

/* n bytes in a heap block of exactly that size (one byte for n == 0), so that
 * AddressSanitizer catches a read past the end, which a pool would hide. */
FUZZ_UNUSED static char *fuzz_copy(const void *data, size_t n)
{
    char *c = malloc(n ? n : 1);
    if (!c)
        abort();
    if (n)
        memcpy(c, data, n);
    else
        c[0] = '\0'; /* never read: the callers pass the length 0 */
    return c;
}

/* The same as a NUL-terminated string (cut at the first NUL, as a header
 * value would be). */
FUZZ_UNUSED static char *fuzz_cstr(const void *data, size_t n)
{
    char *c = malloc(n + 1);
    if (!c)
        abort();
    if (n)
        memcpy(c, data, n);
    c[n] = '\0';
    return c;
}

/* Feeds data[0..n) to dec in the pieces sel asks for, each piece in its own
 * exactly-sized heap block freed right after the call (a decoder must not
 * keep pointers into what it was fed), then finishes. As in soi_body_read:
 * no empty piece is fed, and the first error stops everything. */
FUZZ_UNUSED static soi_error *fuzz_decode(const soi_sink *dec, unsigned sel, const uint8_t *data, size_t n)
{
    unsigned step = sel & 0x0F, max = 1 + 8 * (sel & 0x0F);
    apr_uint32_t rnd = 0x9E3779B9u ^ sel;

    for (size_t i = 0; i < n;) {
        size_t k;
        if (sel & 0x80) {
            rnd ^= rnd << 13; /* xorshift32 */
            rnd ^= rnd >> 17;
            rnd ^= rnd << 5;
            k = 1 + rnd % max;
        } else {
            k = step ? step : n;
        }
        if (k > n - i)
            k = n - i;
        char *piece = fuzz_copy(data + i, k);
        soi_error *err = dec->feed(dec->ctx, piece, k);
        free(piece);
        if (err)
            return err;
        i += k;
    }
    return dec->finish(dec->ctx);
}

/* An error's text as a reply would carry it, kept until the next call:
 * rendered in a pool of its own, so that nothing piles up across inputs. */
FUZZ_UNUSED static const char *msg_of(const soi_error *err)
{
    static char text[2048];
    apr_pool_t *p;
    apr_pool_create(&p, NULL);
    snprintf(text, sizeof(text), "%s", soi_message(p, err, SOI_LANG_EN));
    apr_pool_destroy(p);
    return text;
}

/* Every refusal is a client error with a message; 409 is a failed "test",
 * 406 and 415 concern media types. */
FUZZ_UNUSED static void fuzz_check_error(const soi_error *err)
{
    FUZZ_CHECK(err->status >= 400 && err->status <= 499, "status %d", err->status);
    FUZZ_CHECK(msg_of(err)[0], "an error without a message (status %d)", err->status);
}

/* A picture as the database might hold it, for patches to work on. */
FUZZ_UNUSED static void fuzz_stored_entity(soi_entity *e)
{
    soi_entity_init_default(e);
    e->v[SOI_F_BLOBID].num = 630;
    e->v[SOI_F_BLOBSIZE].num = 442;
    e->v[SOI_F_DESCRIPTION].str = "Innovative encompassing project";
    e->v[SOI_F_DESCRIPTION].len = strlen(e->v[SOI_F_DESCRIPTION].str);
    e->v[SOI_F_EXTRAINFO].str = "sed";
    e->v[SOI_F_EXTRAINFO].len = 3;
    e->v[SOI_F_ISZIPPED].num = 1;
    e->v[SOI_F_MIMETYPE].str = "image/png";
    e->v[SOI_F_MIMETYPE].len = 9;
    e->v[SOI_F_ORIGINALSIZE].num = 732;
    e->v[SOI_F_CREATEDDATE].num = APR_INT64_C(1584669000000000);
    e->v[SOI_F_UPDATEDDATE].num = APR_INT64_C(1584669000000000);
    e->version = 3;
}

/* What a patch applies to: a stored picture when bit 6 of the selector is
 * set, the default entity (a contact without a picture) otherwise. */
FUZZ_UNUSED static void fuzz_patch_target(uint8_t selector, soi_entity *target)
{
    if (selector & 0x40)
        fuzz_stored_entity(target);
    else
        soi_entity_init_default(target);
}

/* The values a client can set (and BlobId) are the same in both. */
FUZZ_UNUSED static void fuzz_check_same(const soi_entity *want, const soi_entity *got, const char *how,
                                        const char *text)
{
    for (int i = 0; i < SOI_F_COUNT; i++) {
        const soi_field *f = &soi_fields[i];
        const soi_value *a = &want->v[i], *b = &got->v[i];
        if (!(f->flags & SOI_WRITABLE) && f->id != SOI_F_BLOBID)
            continue;
        if (f->type == SOI_T_STRING) {
            apr_size_t la = a->str ? a->len : 0, lb = b->str ? b->len : 0;
            FUZZ_CHECK(la == lb && (la == 0 || memcmp(a->str, b->str, la) == 0),
                       "%s changes %s (%lu bytes, then %lu) in:\n%s", how, f->name, (unsigned long)la,
                       (unsigned long)lb, text);
        } else {
            FUZZ_CHECK(a->num == b->num, "%s changes %s (%lld, then %lld) in:\n%s", how, f->name, (long long)a->num,
                       (long long)b->num, text);
        }
    }
}

/* What a decoder accepts is text every format can carry: strict UTF-8 with
 * no U+0000, no control but tab, CR and LF, no U+FFFE or U+FFFF. */
FUZZ_UNUSED static void fuzz_check_text(const soi_entity *e)
{
    for (int i = 0; i < SOI_F_COUNT; i++) {
        const soi_value *v = &e->v[i];
        apr_size_t chars;
        apr_uint32_t bad;
        if (soi_fields[i].type != SOI_T_STRING || !v->str)
            continue;
        FUZZ_CHECK(soi_utf8_check(v->str, v->len, &chars, &bad) == SOI_UTF8_OK && chars <= SOI_STRING_MAX,
                   "%s was accepted holding U+%04X or %lu characters", soi_fields[i].name, (unsigned)bad,
                   (unsigned long)v->len);
    }
}

/* The round trip: an entity the module would store, rendered as JSON and as
 * XML, decodes again (as a PUT body of that format) without error and to the
 * same values. This is what a client that GETs, edits and PUTs relies on. */
FUZZ_UNUSED static void fuzz_round_trip(apr_pool_t *p, const soi_entity *e)
{
    static const soi_format formats[] = {SOI_FORMAT_JSON, SOI_FORMAT_XML};

    fuzz_check_text(e);

    for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
        const char *how = formats[i] == SOI_FORMAT_JSON ? "JSON" : "XML";
        soi_buf buf;
        soi_emitter em;
        soi_entity back;

        soi_buf_init(&buf, p, 256);
        soi_emitter_init(&em, formats[i], &buf);
        soi_emit_entity(&em, e, SOI_RIGHT_ALL, NULL);
        FUZZ_CHECK(em.depth == 0, "the %s emitter ends at depth %d", how, em.depth);
        const char *text = soi_buf_cstr(&buf);
        /* Only tab and LF raw in XML (CR is &#13;; what XML cannot carry is
         * U+FFFD), no control byte at all in JSON (escaped). */
        for (apr_size_t k = 0; k < buf.len; k++) {
            unsigned char c = (unsigned char)text[k];
            FUZZ_CHECK(c >= 0x20 || (formats[i] == SOI_FORMAT_XML && (c == '\t' || c == '\n')),
                       "the rendered %s holds the raw byte 0x%02X at %lu:\n%s", how, c, (unsigned long)k, text);
        }

        memset(&back, 0, sizeof(back));
        soi_sink dec =
            formats[i] == SOI_FORMAT_JSON ? soi_json_entity_decoder(p, &back) : soi_xml_entity_decoder(p, &back);
        soi_error *err = fuzz_decode(&dec, 0, (const uint8_t *)text, buf.len);
        FUZZ_CHECK(!err, "the rendered %s does not decode again: %s\n%s", how, err ? msg_of(err) : "", text);
        fuzz_check_same(e, &back, how, text);
    }
}

/* A whole-entity body (PUT): decoded by the decoder `make` builds, stored as
 * a PUT would store it, and round-tripped. The JSON, XML and form targets
 * differ only in `make`. */
typedef soi_sink (*fuzz_decoder_for)(apr_pool_t *p, soi_change *c);

FUZZ_UNUSED static int fuzz_whole_entity(const uint8_t *data, size_t size, fuzz_decoder_for make)
{
    if (size < 2)
        return 0; /* an empty body is refused before any decoder runs */
    apr_pool_t *p = fuzz_pool();
    soi_change change;
    soi_entity target;

    memset(&change, 0, sizeof(change));
    change.kind = SOI_CHANGE_REPLACE;
    soi_sink dec = make(p, &change);
    soi_error *err = fuzz_decode(&dec, data[0], data + 1, size - 1);
    if (err) {
        fuzz_check_error(err);
    } else {
        FUZZ_CHECK(change.kind == SOI_CHANGE_REPLACE, "a whole-entity body decoded as a patch");
        if (change.xsrf_token)
            FUZZ_CHECK(strlen(change.xsrf_token) < size, "the XSRF token is longer than the body");
        soi_entity_init_default(&target);
        err = soi_change_apply(p, &change, &target);
        FUZZ_CHECK(!err, "a decoded entity does not apply: %s", msg_of(err));
        fuzz_round_trip(p, &target);
    }
    apr_pool_destroy(p);
    return 0;
}

#endif
