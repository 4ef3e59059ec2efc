#include "codec/soi_xml.h"

#include <apr_strings.h>
#include <apr_xml.h>
#include <string.h>

#include "core/soi_buf.h"
#include "core/soi_text.h"

#define SOI_XSI "http://www.w3.org/2001/XMLSchema-instance"

/* ---- the byte guard ------------------------------------------------------
 * Every byte passes the guard before expat sees it. Before the root element
 * an XML declaration, comments, processing instructions and white space may
 * come; "<!DOCTYPE" (the only way to declare entities) may not: apr-xml
 * refuses entity declarations but would accept a DOCTYPE. And the document
 * must be strict UTF-8: expat refuses what is not with "not well-formed
 * (invalid token)", naming nothing, so the guard checks it first and says
 * where the bytes are, naming the BlobEntity child they belong to. For that
 * it follows the markup (start and end tags, quoted attribute values,
 * comments, CDATA sections, processing instructions) and the nesting, and
 * keeps its state from one piece to the next, a UTF-8 sequence split between
 * two pieces included. It trusts expat for well-formedness: where the markup
 * is malformed before a bad byte, expat's error is the one reported. Since
 * it reads UTF-8, an XML declaration naming another encoding (which expat
 * would honour) is refused too. */
typedef enum {
    X_TEXT,       /* character data (or white space outside the root) */
    X_LT,         /* after '<' */
    X_STAG_NAME,  /* the name of a start tag */
    X_STAG,       /* inside a start tag, after its name */
    X_STAG_SLASH, /* '/' in a start tag, as in "/>" */
    X_ATTR,       /* inside a quoted attribute value */
    X_ETAG,       /* inside an end tag */
    X_PI,         /* inside "<?...?>" */
    X_PI_Q,
    X_BANG, /* after "<!" */
    X_BANG_DASH,
    X_COMMENT, /* inside "<!--...-->" */
    X_COMMENT_D1,
    X_COMMENT_D2,
    X_CDATA_OPEN, /* after "<![", up to the '[' that ends "CDATA[" */
    X_CDATA,      /* inside "<![CDATA[...]]>" */
    X_CDATA_B1,
    X_CDATA_B2,
    X_DECL /* "<!" and anything else in the root: expat's to refuse */
} soi_xml_state;

#define SOI_XML_NAME_KEEP 128
#define SOI_XML_DECL_KEEP 256 /* an XML declaration is far shorter */

typedef struct {
    soi_xml_state state;
    char quote;    /* that opened the attribute value being read */
    int depth;     /* elements open */
    int root_seen; /* the root's start tag has begun */
    /* The UTF-8 sequence being read. */
    unsigned char seq[4];
    int seq_have, seq_len;
    apr_off_t seq_start; /* offset of its lead byte */
    apr_off_t offset;    /* bytes read so far */
    /* The name of the BlobEntity child being read, as the body gives it. */
    char child[SOI_XML_NAME_KEEP];
    apr_size_t child_len; /* bytes of it met, even beyond SOI_XML_NAME_KEEP */
    /* The start of the document, up to the end of its XML declaration. */
    char decl[SOI_XML_DECL_KEEP];
    apr_size_t decl_len;
    int decl_done; /* read, or there is none */
} soi_xml_guard;

typedef struct {
    apr_pool_t *pool;
    apr_xml_parser *parser;
    soi_entity *ent;
    soi_xml_guard guard;
    int doctype; /* the guard refused the document */
} soi_xml_dec;

static soi_error *refused_doctype(apr_pool_t *pool)
{
    return soi_err(pool, SOI_MSG_XML_DOCTYPE, NULL);
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* One character for the markup: c, or 0x80 for any character beyond ASCII
 * (fed at its lead byte: it can only be text or part of a name). */
static void guard_markup(soi_xml_dec *d, unsigned char c)
{
    soi_xml_guard *g = &d->guard;
    switch (g->state) {
    case X_TEXT:
        if (c == '<')
            g->state = X_LT;
        break; /* anything else before the root is expat's to refuse */
    case X_LT:
        if (c == '?') {
            g->state = X_PI;
        } else if (c == '!') {
            g->state = X_BANG;
        } else if (c == '/') {
            g->state = X_ETAG;
        } else {
            g->root_seen = 1;
            g->state = X_STAG_NAME;
            if (g->depth == 1)
                g->child_len = 0; /* the name of a child of the root follows */
        }
        break;
    case X_STAG_NAME:
        if (is_space(c))
            g->state = X_STAG;
        else if (c == '/')
            g->state = X_STAG_SLASH;
        else if (c == '>') {
            g->depth++;
            g->state = X_TEXT;
        }
        break;
    case X_STAG:
        if (c == '"' || c == '\'') {
            g->quote = (char)c;
            g->state = X_ATTR;
        } else if (c == '/') {
            g->state = X_STAG_SLASH;
        } else if (c == '>') {
            g->depth++;
            g->state = X_TEXT;
        }
        break;
    case X_STAG_SLASH: g->state = c == '>' ? X_TEXT : X_STAG; break; /* "<x/>" opens and closes */
    case X_ATTR:
        if (c == (unsigned char)g->quote)
            g->state = X_STAG;
        break;
    case X_ETAG:
        if (c == '>') {
            g->depth -= g->depth > 0;
            g->state = X_TEXT;
        }
        break;
    case X_PI: g->state = c == '?' ? X_PI_Q : X_PI; break;
    case X_PI_Q: g->state = c == '>' ? X_TEXT : c == '?' ? X_PI_Q : X_PI; break;
    case X_BANG:
        if (c == '-')
            g->state = X_BANG_DASH;
        else if (!g->root_seen)
            d->doctype = 1; /* <!DOCTYPE, <!ENTITY, <![CDATA[ before the root */
        else
            g->state = c == '[' && g->depth > 0 ? X_CDATA_OPEN : X_DECL;
        break;
    case X_BANG_DASH:
        if (c == '-')
            g->state = X_COMMENT;
        else if (!g->root_seen)
            d->doctype = 1;
        else
            g->state = X_DECL;
        break;
    case X_COMMENT: g->state = c == '-' ? X_COMMENT_D1 : X_COMMENT; break;
    case X_COMMENT_D1: g->state = c == '-' ? X_COMMENT_D2 : X_COMMENT; break;
    case X_COMMENT_D2: g->state = c == '>' ? X_TEXT : c == '-' ? X_COMMENT_D2 : X_COMMENT; break;
    case X_CDATA_OPEN:
        if (c == '[')
            g->state = X_CDATA;
        break;
    case X_CDATA: g->state = c == ']' ? X_CDATA_B1 : X_CDATA; break;
    case X_CDATA_B1: g->state = c == ']' ? X_CDATA_B2 : X_CDATA; break;
    case X_CDATA_B2: g->state = c == '>' ? X_TEXT : c == ']' ? X_CDATA_B2 : X_CDATA; break;
    case X_DECL:
        if (c == '>')
            g->state = X_TEXT;
        break;
    }
}

/* The message for bytes s[0..n) that are not UTF-8, by where they are: the
 * level of the element they belong to (1: the root) and the markup. */
static soi_error *guard_not_utf8(soi_xml_dec *d, const unsigned char *s, apr_size_t n, apr_off_t at)
{
    soi_xml_guard *g = &d->guard;
    apr_pool_t *pool = d->pool;
    const char *near = soi_utf8_bad_hex(pool, (const char *)s, n);
    int in_tag = g->state == X_LT || g->state == X_STAG_NAME || g->state == X_STAG || g->state == X_STAG_SLASH
                 || g->state == X_ATTR;
    int level = g->depth + in_tag;

    if (level <= 1)
        return soi_err(pool, SOI_MSG_XML_UTF8, soi_num(pool, at), near, NULL);
    if (level == 2 && (g->state == X_LT || g->state == X_STAG_NAME))
        return soi_err(pool, SOI_MSG_NAME_UTF8, near, NULL);

    /* The child, as BlobEntity spells it when it is a property. */
    apr_size_t len = g->child_len < SOI_XML_NAME_KEEP ? g->child_len : SOI_XML_NAME_KEEP;
    const char *colon = memchr(g->child, ':', len);
    const char *local = colon && g->child_len <= SOI_XML_NAME_KEEP ? colon + 1 : g->child;
    const soi_field *f = g->child_len <= SOI_XML_NAME_KEEP ? soi_field_find(local, len - (local - g->child)) : NULL;
    const char *label =
        f ? f->name
          : apr_pstrcat(pool, "\"", soi_text_quote(pool, g->child, g->child_len, SOI_XML_NAME_KEEP), "\"", NULL);
    int own_text =
        level == 2 && (g->state == X_TEXT || g->state == X_CDATA || g->state == X_CDATA_B1 || g->state == X_CDATA_B2);
    if (f && own_text)
        return soi_err(pool, SOI_MSG_STRING_UTF8, f->name, near, NULL);
    return soi_err(pool, SOI_MSG_INSIDE_UTF8, label, near, NULL);
}

/* The encoding an XML declaration names, from its pseudo-attributes
 * (s[0..n) is what follows "<?xml", up to "?>"); NULL when it names none. */
static const char *decl_encoding(const char *s, apr_size_t n, apr_size_t *len)
{
    apr_size_t i = 0;
    while (i < n) {
        while (i < n && is_space((unsigned char)s[i]))
            i++;
        apr_size_t name = i;
        while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            i++;
        apr_size_t name_len = i - name;
        while (i < n && is_space((unsigned char)s[i]))
            i++;
        if (name_len == 0 || i >= n || s[i] != '=')
            return NULL; /* malformed: expat's to refuse */
        i++;
        while (i < n && is_space((unsigned char)s[i]))
            i++;
        if (i >= n || (s[i] != '"' && s[i] != '\''))
            return NULL;
        const char *q = memchr(s + i + 1, s[i], n - i - 1);
        if (!q)
            return NULL;
        if (name_len == 8 && memcmp(s + name, "encoding", 8) == 0) {
            *len = (apr_size_t)(q - (s + i + 1));
            return s + i + 1;
        }
        i = (apr_size_t)(q - s) + 1;
    }
    return NULL;
}

/* Reads one byte of the start of the document; an error for an XML
 * declaration naming an encoding other than UTF-8 (or US-ASCII, which is
 * read alike). */
static soi_error *guard_decl(soi_xml_dec *d, unsigned char c)
{
    soi_xml_guard *g = &d->guard;
    static const char bom[] = "\xEF\xBB\xBF";

    g->decl[g->decl_len++] = (char)c;
    const char *s = g->decl;
    apr_size_t n = g->decl_len;
    if (n <= 3 && memcmp(s, bom, n) == 0)
        return NULL; /* a byte order mark, so far */
    if (n >= 3 && memcmp(s, bom, 3) == 0) {
        s += 3;
        n -= 3;
    }
    static const char start[] = "<?xml";
    if (n <= 5) {
        g->decl_done = memcmp(s, start, n) != 0;
        return NULL;
    }
    if (memcmp(s, start, 5) != 0 || !is_space((unsigned char)s[5])) {
        g->decl_done = 1; /* no declaration: "<?xml-stylesheet", "<x>", ... */
        return NULL;
    }
    if (c != '>' || s[n - 2] != '?') {
        if (g->decl_len < SOI_XML_DECL_KEEP)
            return NULL;
        /* Its encoding, which expat would honour, lies beyond what is kept
         * and cannot be checked: refused rather than left to expat. */
        g->decl_done = 1;
        return soi_err(d->pool, SOI_MSG_XML_DECL_LONG, soi_num(d->pool, SOI_XML_DECL_KEEP), NULL);
    }
    g->decl_done = 1;
    apr_size_t len = 0;
    const char *enc = decl_encoding(s + 5, n - 7, &len);
    if (!enc || soi_ascii_ieq(enc, len, "UTF-8") || soi_ascii_ieq(enc, len, "US-ASCII"))
        return NULL;
    return soi_err(d->pool, SOI_MSG_XML_ENCODING, soi_text_quote(d->pool, enc, len, 40), NULL);
}

/* Reads p[0..n): stops at a DOCTYPE (d->doctype) or at bytes that are not
 * UTF-8 (the error). *clean is how many bytes of p come before the bad
 * sequence, for expat to read first. */
static soi_error *guard_feed(soi_xml_dec *d, const char *p, apr_size_t n, apr_size_t *clean)
{
    soi_xml_guard *g = &d->guard;
    apr_off_t base = g->offset;

    *clean = n;
    for (apr_size_t i = 0; i < n && !d->doctype; i++, g->offset++) {
        unsigned char c = (unsigned char)p[i];
        if (!g->decl_done) {
            soi_error *err = guard_decl(d, c);
            if (err) {
                *clean = 0;
                return err;
            }
        }
        if (g->seq_have > 0) {
            if ((c & 0xC0) == 0x80) {
                g->seq[g->seq_have++] = c;
                if (g->state == X_STAG_NAME && g->depth == 1 && g->child_len++ < SOI_XML_NAME_KEEP)
                    g->child[g->child_len - 1] = (char)c;
                if (g->seq_have < g->seq_len)
                    continue;
                g->seq_have = 0;
                apr_uint32_t bad;
                if (soi_utf8_valid((const char *)g->seq, (apr_size_t)g->seq_len, &bad))
                    continue; /* overlong forms, surrogates and > U+10FFFF fail */
                g->seq_have = g->seq_len;
            }
            /* A sequence cut short, or one that decodes to no character. */
            *clean = g->seq_start > base ? (apr_size_t)(g->seq_start - base) : 0;
            return guard_not_utf8(d, g->seq, (apr_size_t)g->seq_have, g->seq_start);
        }
        guard_markup(d, c < 0x80 ? c : 0x80);
        if (g->state == X_STAG_NAME && g->depth == 1 && g->child_len++ < SOI_XML_NAME_KEEP)
            g->child[g->child_len - 1] = (char)c;
        if (c < 0x80)
            continue;
        if (c >= 0xC2 && c <= 0xF4) {
            g->seq[0] = c;
            g->seq_have = 1;
            g->seq_len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            g->seq_start = g->offset;
            continue;
        }
        /* A byte no UTF-8 sequence starts with: 80..BF alone, C0, C1, F5..FF. */
        *clean = i;
        return guard_not_utf8(d, &c, 1, g->offset);
    }
    return NULL;
}

/* At the end of the body: a sequence still open was cut short. */
static soi_error *guard_finish(soi_xml_dec *d)
{
    soi_xml_guard *g = &d->guard;
    return g->seq_have > 0 ? guard_not_utf8(d, g->seq, (apr_size_t)g->seq_have, g->seq_start) : NULL;
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
    apr_size_t clean;
    soi_error *refused = guard_feed(d, data, len, &clean);
    if (d->doctype)
        return refused_doctype(d->pool);
    /* What comes before the bad bytes may be malformed already: the first
     * error in the document is the one to report. */
    if (clean > 0 && apr_xml_parser_feed(d->parser, data, clean) != APR_SUCCESS)
        return soi_xml_syntax(d);
    return refused;
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
    soi_error *err = guard_finish(d);

    if (err)
        return err;
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
