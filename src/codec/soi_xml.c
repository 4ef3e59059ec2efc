#include "codec/soi_xml.h"

#include <apr_strings.h>
#include <apr_xml.h>
#include <string.h>

#include "core/soi_buf.h"
#include "core/soi_text.h"

#define SOI_XSI "http://www.w3.org/2001/XMLSchema-instance"

/* The prolog guard reads the bytes before the root element: an XML
 * declaration, comments, processing instructions and white space may come
 * there; "<!DOCTYPE" (the only way to declare entities) may not. apr-xml
 * refuses entity declarations but would accept a DOCTYPE. */
typedef enum {
    P_MISC,
    P_LT,
    P_PI,
    P_PI_Q,
    P_BANG,
    P_BANG_DASH,
    P_COMMENT,
    P_COMMENT_D1,
    P_COMMENT_D2,
    P_ROOT
} soi_prolog;

typedef struct {
    apr_pool_t *pool;
    apr_xml_parser *parser;
    soi_entity *ent;
    soi_prolog prolog;
    int doctype; /* the guard refused the document */
} soi_xml_dec;

static soi_error *refused_doctype(apr_pool_t *pool)
{
    return soi_err(pool, SOI_MSG_XML_DOCTYPE, NULL);
}

static void prolog_feed(soi_xml_dec *d, const char *p, apr_size_t n)
{
    for (apr_size_t i = 0; i < n && d->prolog != P_ROOT && !d->doctype; i++) {
        char c = p[i];
        switch (d->prolog) {
        case P_MISC:
            if (c == '<')
                d->prolog = P_LT;
            break; /* white space, a byte order mark; anything else is expat's to refuse */
        case P_LT: d->prolog = c == '?' ? P_PI : c == '!' ? P_BANG : P_ROOT; break;
        case P_PI: d->prolog = c == '?' ? P_PI_Q : P_PI; break;
        case P_PI_Q: d->prolog = c == '>' ? P_MISC : c == '?' ? P_PI_Q : P_PI; break;
        case P_BANG:
            if (c == '-')
                d->prolog = P_BANG_DASH;
            else
                d->doctype = 1; /* <!DOCTYPE, <!ENTITY, <![CDATA[ before the root */
            break;
        case P_BANG_DASH:
            if (c == '-')
                d->prolog = P_COMMENT;
            else
                d->doctype = 1;
            break;
        case P_COMMENT: d->prolog = c == '-' ? P_COMMENT_D1 : P_COMMENT; break;
        case P_COMMENT_D1: d->prolog = c == '-' ? P_COMMENT_D2 : P_COMMENT; break;
        case P_COMMENT_D2: d->prolog = c == '>' ? P_MISC : c == '-' ? P_COMMENT_D2 : P_COMMENT; break;
        case P_ROOT: break;
        }
    }
}

static soi_error *soi_xml_syntax(soi_xml_dec *d)
{
    char msg[200];
    const char *what = apr_xml_parser_geterror(d->parser, msg, sizeof(msg));
    const char *prefix = "XML parser error code: ";
    if (what && strncmp(what, prefix, strlen(prefix)) == 0)
        what += strlen(prefix);
    return soi_err(d->pool, SOI_MSG_XML_SYNTAX, apr_pstrdup(d->pool, what ? what : "unreadable"), NULL);
}

static soi_error *soi_xml_feed(void *ctx, const char *data, apr_size_t len)
{
    soi_xml_dec *d = ctx;

    /* UTF-16 and UTF-32 carry NUL bytes, which no UTF-8 document does: the
     * guard reads bytes, so the document must be UTF-8 (or ASCII). */
    if (memchr(data, '\0', len))
        return soi_err(d->pool, SOI_MSG_XML_NUL, NULL);
    prolog_feed(d, data, len);
    if (d->doctype)
        return refused_doctype(d->pool);
    if (apr_xml_parser_feed(d->parser, data, len) != APR_SUCCESS)
        return soi_xml_syntax(d);
    return NULL;
}

/* An element's character data, the pieces apr-xml keeps joined. */
static const char *element_text(apr_pool_t *pool, const apr_xml_elem *e, apr_size_t *len)
{
    if (e->first_cdata.first && !e->first_cdata.first->next) {
        *len = strlen(e->first_cdata.first->text);
        return e->first_cdata.first->text;
    }
    soi_buf b;
    soi_buf_init(&b, pool, 64);
    for (const apr_text *t = e->first_cdata.first; t; t = t->next)
        soi_buf_adds(&b, t->text);
    *len = b.len;
    return soi_buf_cstr(&b);
}

static int is_nil(const apr_xml_doc *doc, const apr_xml_elem *e)
{
    for (const apr_xml_attr *a = e->attr; a; a = a->next) {
        if (strcmp(a->name, "nil") == 0 && a->ns != APR_XML_NS_NONE
            && strcmp(APR_XML_GET_URI_ITEM(doc->namespaces, a->ns), SOI_XSI) == 0)
            return strcmp(a->value, "true") == 0 || strcmp(a->value, "1") == 0;
    }
    return 0;
}

/* The tree's depth, walked without recursion (a body may nest deeply). */
static int too_deep(const apr_xml_elem *root)
{
    const apr_xml_elem *e = root;
    int depth = 1;
    while (e) {
        if (depth > SOI_MAX_DEPTH)
            return 1;
        if (e->first_child) {
            e = e->first_child;
            depth++;
            continue;
        }
        while (e && e != root && !e->next) {
            e = e->parent;
            depth--;
        }
        e = e && e != root ? e->next : NULL;
    }
    return 0;
}

static soi_error *soi_xml_finish(void *ctx)
{
    soi_xml_dec *d = ctx;
    apr_xml_doc *doc = NULL;

    if (apr_xml_parser_done(d->parser, &doc) != APR_SUCCESS || !doc || !doc->root)
        return soi_xml_syntax(d);
    if (too_deep(doc->root))
        return soi_err(d->pool, SOI_MSG_XML_DEPTH, soi_num(d->pool, SOI_MAX_DEPTH), NULL);
    for (const apr_xml_elem *c = doc->root->first_child; c; c = c->next) {
        const soi_field *f = soi_field_find(c->name, strlen(c->name));
        soi_error *err;
        if (!f)
            continue; /* unknown elements are ignored, as unknown JSON members are */
        if (is_nil(doc, c)) {
            err = soi_entity_assign(d->ent, f, SOI_IN_NULL, "", 0, d->pool);
        } else if (c->first_child) {
            err = soi_entity_assign(d->ent, f, SOI_IN_OBJECT, "", 0, d->pool);
        } else {
            apr_size_t len;
            const char *text = element_text(d->pool, c, &len);
            err = soi_entity_assign(d->ent, f, SOI_IN_TEXT, text, len, d->pool);
        }
        if (err)
            return err;
    }
    return NULL;
}

soi_sink soi_xml_entity_decoder(apr_pool_t *pool, soi_entity *into)
{
    soi_xml_dec *d = apr_pcalloc(pool, sizeof(*d));
    soi_sink dec = {d, soi_xml_feed, soi_xml_finish};
    d->pool = pool;
    d->ent = into;
    d->parser = apr_xml_parser_create(pool); /* freed by apr-xml's own pool cleanup */
    return dec;
}
