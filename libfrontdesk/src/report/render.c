/*
 * The renderers of the report model: aligned text, JSON and CSV. They share
 * one escaper, so that no renderer lets user text forge a line or reach a
 * terminal as a control sequence (issue 8, item 5).
 */
#include "report/report_internal.h"

#include "frontdesk/text.h"

#include <stdlib.h>
#include <string.h>

/* --- escaping ------------------------------------------------------------- */

typedef enum esc_mode {
    ESC_TEXT, /* \n \r \t \xHH \uXXXX */
    ESC_CSV,  /* as text, and " doubled (inside a quoted field) */
    ESC_JSON  /* RFC 8259: \" \\ \n \r \t \b \f \u00XX, and \uXXXX for the rest */
} esc_mode;

/*
 * Code points that could break a line, move the cursor or reorder what a
 * reader sees: C0 controls, DEL, C1 controls (U+0085 is a line break to some
 * readers; U+009B is CSI), the line and paragraph separators, and the
 * bidirectional embeddings, overrides and isolates.
 */
static fd_status put_escape(fd_buf *b, uint32_t c, esc_mode mode)
{
    switch (c) {
    case '\n': return fd__buf_puts(b, "\\n");
    case '\r': return fd__buf_puts(b, "\\r");
    case '\t': return fd__buf_puts(b, "\\t");
    case '"': return fd__buf_puts(b, mode == ESC_JSON ? "\\\"" : "\"\"");
    case '\\': return fd__buf_puts(b, "\\\\");
    default: break;
    }
    if (mode == ESC_JSON && c == '\b')
        return fd__buf_puts(b, "\\b");
    if (mode == ESC_JSON && c == '\f')
        return fd__buf_puts(b, "\\f");
    if (mode != ESC_JSON && c < 0x80)
        return fd__buf_printf(b, "\\x%02X", (unsigned)c);
    return fd__buf_printf(b, "\\u%04X", (unsigned)c);
}

/* Appends @s (valid UTF-8: the model checked it) escaped for @mode. */
static fd_status put_text(fd_buf *b, const char *s, esc_mode mode)
{
    const unsigned char *p = (const unsigned char *)s, *run = p;
    fd_status rc = FD_OK;
    while (rc == FD_OK && *p) {
        const unsigned char *at = p;
        uint32_t c = fd__utf8_next(&p);
        bool quote = (c == '"' && mode != ESC_TEXT) || (c == '\\' && mode == ESC_JSON);
        if (!fd__char_unsafe(c) && !quote)
            continue;
        rc = fd__buf_put(b, (const char *)run, (size_t)(at - run));
        if (rc == FD_OK)
            rc = put_escape(b, c, mode);
        run = p;
    }
    return rc ? rc : fd__buf_put(b, (const char *)run, (size_t)(p - run));
}

/* --- text ----------------------------------------------------------------- */

/* @s escaped for the text renderer into @tmp, and its display width. */
static fd_status shown(fd_buf *tmp, int32_t *width, const char *s)
{
    fd__buf_clear(tmp);
    fd_status rc = fd__buf_grow(tmp, 0); /* never NULL, even for "" */
    if (rc == FD_OK)
        rc = put_text(tmp, s, ESC_TEXT);
    return rc ? rc : fd_text_display_width(width, tmp->ptr);
}

static fd_status spaces(fd_buf *o, int32_t n)
{
    fd_status rc = FD_OK;
    for (; rc == FD_OK && n > 0; n--)
        rc = fd__buf_put(o, " ", 1);
    return rc;
}

/* One text-table cell: @s padded to @colw (right-aligned for numbers); the last column is not padded on the right. */
static fd_status text_cell(fd_buf *o, fd_buf *tmp, const char *s, int32_t colw, bool right, bool first, bool last)
{
    int32_t w = 0;
    fd_status rc = shown(tmp, &w, s);
    if (rc == FD_OK && !first)
        rc = fd__buf_puts(o, "  ");
    if (rc == FD_OK && right)
        rc = spaces(o, colw - w);
    if (rc == FD_OK)
        rc = fd__buf_put(o, tmp->ptr, tmp->size);
    if (rc == FD_OK && !right && !last)
        rc = spaces(o, colw - w);
    return rc;
}

static fd_status text_table(fd_buf *o, fd_buf *tmp, const fd__report_table *t)
{
    size_t nc = t->ncolumns;
    int32_t *colw = calloc(nc ? nc : 1, sizeof *colw);
    if (colw == NULL)
        return fd__oom("fd_report_render");
    fd_status rc = FD_OK;
    for (size_t c = 0; rc == FD_OK && c < nc; c++) {
        int32_t w = 0;
        rc = shown(tmp, &colw[c], t->columns[c].label);
        for (size_t r = 0; rc == FD_OK && r < t->nrows; r++) {
            const char *text = fd__report_cell_at(t, r, c)->text;
            if ((rc = shown(tmp, &w, text ? text : "")) == FD_OK && w > colw[c])
                colw[c] = w;
        }
    }
    if (rc == FD_OK && t->title[0]) {
        rc = fd__buf_puts(o, "  ");
        if (rc == FD_OK) rc = put_text(o, t->title, ESC_TEXT);
        if (rc == FD_OK) rc = fd__buf_puts(o, "\n");
    }
    /* heading, rule, rows (a table without columns has none of them) */
    for (size_t r = 0; rc == FD_OK && nc && r < t->nrows + 2; r++) {
        size_t start = o->size;
        rc = fd__buf_puts(o, "  ");
        for (size_t c = 0; rc == FD_OK && c < nc; c++) {
            bool right = fd__report_numeric(t->columns[c].type);
            if (r == 1) {
                rc = c ? fd__buf_puts(o, "  ") : FD_OK;
                for (int32_t i = 0; rc == FD_OK && i < colw[c]; i++)
                    rc = fd__buf_put(o, "-", 1);
                continue;
            }
            const char *text = r == 0 ? t->columns[c].label : fd__report_cell_at(t, r - 2, c)->text;
            rc = text_cell(o, tmp, text ? text : "", colw[c], right, c == 0, c + 1 == nc);
        }
        while (rc == FD_OK && o->size > start && o->ptr[o->size - 1] == ' ') /* null cells at the end */
            o->ptr[--o->size] = '\0';
        if (rc == FD_OK)
            rc = fd__buf_puts(o, "\n");
    }
    if (rc == FD_OK && t->nrows == 0)
        rc = fd__buf_puts(o, "  (no rows)\n");
    free(colw);
    return rc;
}

static fd_status render_text(fd_buf *o, const fd_report *r)
{
    fd_buf tmp = FD_BUF_INIT;
    fd_status rc = put_text(o, r->title, ESC_TEXT);
    if (rc == FD_OK)
        rc = fd__buf_puts(o, "\n");
    for (size_t i = 0; rc == FD_OK && i < r->nmeta; i++) {
        rc = put_text(o, r->meta[i].label, ESC_TEXT);
        if (rc == FD_OK) rc = fd__buf_puts(o, ": ");
        if (rc == FD_OK) rc = put_text(o, r->meta[i].value, ESC_TEXT);
        if (rc == FD_OK) rc = fd__buf_puts(o, "\n");
    }
    for (size_t i = 0; rc == FD_OK && i < r->nsections; i++) {
        const fd__report_section *s = &r->sections[i];
        rc = fd__buf_puts(o, "\n");
        if (rc == FD_OK) rc = put_text(o, s->title, ESC_TEXT);
        if (rc == FD_OK) rc = fd__buf_puts(o, "\n");
        for (size_t j = 0; rc == FD_OK && j < s->ntables; j++)
            rc = text_table(o, &tmp, &s->tables[j]);
        for (size_t j = 0; rc == FD_OK && j < s->nnotes; j++) {
            rc = fd__buf_puts(o, "  * ");
            if (rc == FD_OK) rc = put_text(o, s->notes[j], ESC_TEXT);
            if (rc == FD_OK) rc = fd__buf_puts(o, "\n");
        }
    }
    fd_buf_dispose(&tmp);
    return rc;
}

/* --- JSON ----------------------------------------------------------------- */

/* Appends [,]"name":"value" with the value escaped. */
static fd_status json_pair(fd_buf *o, const char *name, const char *value, bool comma)
{
    fd_status rc = fd__buf_printf(o, "%s\"%s\":\"", comma ? "," : "", name);
    if (rc == FD_OK)
        rc = put_text(o, value, ESC_JSON);
    return rc ? rc : fd__buf_puts(o, "\"");
}

static fd_status json_table(fd_buf *o, const fd__report_table *t)
{
    fd_status rc = json_pair(o, "key", t->key, false);
    if (rc == FD_OK) rc = json_pair(o, "title", t->title, true);
    if (rc == FD_OK) rc = fd__buf_puts(o, ",\"columns\":[");
    for (size_t c = 0; rc == FD_OK && c < t->ncolumns; c++) {
        rc = fd__buf_puts(o, c ? ",{" : "{");
        if (rc == FD_OK) rc = json_pair(o, "key", t->columns[c].key, false);
        if (rc == FD_OK) rc = json_pair(o, "label", t->columns[c].label, true);
        if (rc == FD_OK) rc = json_pair(o, "type", fd__report_type_name(t->columns[c].type), true);
        if (rc == FD_OK) rc = fd__buf_puts(o, "}");
    }
    if (rc == FD_OK) rc = fd__buf_puts(o, "],\"rows\":[");
    for (size_t r = 0; rc == FD_OK && r < t->nrows; r++) {
        rc = fd__buf_puts(o, r ? ",[" : "[");
        for (size_t c = 0; rc == FD_OK && c < t->ncolumns; c++) {
            const fd__report_cell *cell = fd__report_cell_at(t, r, c);
            fd_report_column_type type = t->columns[c].type;
            if (c)
                rc = fd__buf_puts(o, ",");
            if (rc)
                break;
            if (cell->text == NULL)
                rc = fd__buf_puts(o, "null");
            else if (type == FD_REPORT_COLUMN_TEXT || type == FD_REPORT_COLUMN_DATE) {
                rc = fd__buf_puts(o, "\"");
                if (rc == FD_OK) rc = put_text(o, cell->text, ESC_JSON);
                if (rc == FD_OK) rc = fd__buf_puts(o, "\"");
            } else
                rc = fd__buf_printf(o, "%lld", (long long)cell->value);
        }
        if (rc == FD_OK)
            rc = fd__buf_puts(o, "]");
    }
    return rc ? rc : fd__buf_puts(o, "]}");
}

static fd_status render_json(fd_buf *o, const fd_report *r)
{
    fd_status rc = fd__buf_puts(o, "{");
    if (rc == FD_OK) rc = json_pair(o, "key", r->key, false);
    if (rc == FD_OK) rc = json_pair(o, "title", r->title, true);
    if (rc == FD_OK) rc = fd__buf_puts(o, ",\"meta\":[");
    for (size_t i = 0; rc == FD_OK && i < r->nmeta; i++) {
        rc = fd__buf_puts(o, i ? ",{" : "{");
        if (rc == FD_OK) rc = json_pair(o, "key", r->meta[i].key, false);
        if (rc == FD_OK) rc = json_pair(o, "label", r->meta[i].label, true);
        if (rc == FD_OK) rc = json_pair(o, "value", r->meta[i].value, true);
        if (rc == FD_OK) rc = fd__buf_puts(o, "}");
    }
    if (rc == FD_OK) rc = fd__buf_puts(o, "],\"sections\":[");
    for (size_t i = 0; rc == FD_OK && i < r->nsections; i++) {
        const fd__report_section *s = &r->sections[i];
        rc = fd__buf_puts(o, i ? ",{" : "{");
        if (rc == FD_OK) rc = json_pair(o, "key", s->key, false);
        if (rc == FD_OK) rc = json_pair(o, "title", s->title, true);
        if (rc == FD_OK) rc = fd__buf_puts(o, ",\"tables\":[");
        for (size_t j = 0; rc == FD_OK && j < s->ntables; j++) {
            rc = fd__buf_puts(o, j ? ",{" : "{");
            if (rc == FD_OK) rc = json_table(o, &s->tables[j]);
        }
        if (rc == FD_OK) rc = fd__buf_puts(o, "],\"notes\":[");
        for (size_t j = 0; rc == FD_OK && j < s->nnotes; j++) {
            rc = fd__buf_puts(o, j ? ",\"" : "\"");
            if (rc == FD_OK) rc = put_text(o, s->notes[j], ESC_JSON);
            if (rc == FD_OK) rc = fd__buf_puts(o, "\"");
        }
        if (rc == FD_OK) rc = fd__buf_puts(o, "]}");
    }
    return rc ? rc : fd__buf_puts(o, "]}\n");
}

/* --- CSV ------------------------------------------------------------------ */

/*
 * Appends a quoted field of user text: escaped as in text, quotes doubled, and
 * a leading = + - @ defused with ' so a spreadsheet does not run a formula.
 */
static fd_status csv_text(fd_buf *o, const char *s, bool comma)
{
    fd_status rc = fd__buf_puts(o, comma ? ",\"" : "\"");
    if (rc == FD_OK && s[0] && strchr("=+-@", s[0]))
        rc = fd__buf_puts(o, "'");
    if (rc == FD_OK)
        rc = put_text(o, s, ESC_CSV);
    return rc ? rc : fd__buf_puts(o, "\"");
}

/* Appends a bare field: numbers and dates, which need neither quotes nor escapes. */
static fd_status csv_bare(fd_buf *o, const char *s, bool comma)
{
    fd_status rc = comma ? fd__buf_puts(o, ",") : FD_OK;
    return rc ? rc : fd__buf_puts(o, s);
}

/* The line naming a block: "section/part","section title"[,"table title"]. */
static fd_status csv_block(fd_buf *o, const fd__report_section *s, const char *part, const char *title)
{
    fd_status rc = fd__buf_puts(o, "\r\n\"");
    if (rc == FD_OK) rc = fd__buf_puts(o, s->key); /* keys are a-z 0-9 _ . - */
    if (rc == FD_OK && part) rc = fd__buf_printf(o, "/%s", part);
    if (rc == FD_OK) rc = fd__buf_puts(o, "\"");
    if (rc == FD_OK) rc = csv_text(o, s->title, true);
    if (rc == FD_OK && title && title[0]) rc = csv_text(o, title, true);
    return rc ? rc : fd__buf_puts(o, "\r\n");
}

static fd_status csv_table(fd_buf *o, const fd__report_section *s, const fd__report_table *t)
{
    fd_status rc = csv_block(o, s, t->key, t->title);
    for (size_t c = 0; rc == FD_OK && c < t->ncolumns; c++)
        rc = csv_text(o, t->columns[c].label, c > 0);
    if (rc == FD_OK)
        rc = fd__buf_puts(o, "\r\n");
    for (size_t r = 0; rc == FD_OK && r < t->nrows; r++) {
        for (size_t c = 0; rc == FD_OK && c < t->ncolumns; c++) {
            const char *text = fd__report_cell_at(t, r, c)->text;
            fd_report_column_type type = t->columns[c].type;
            if (text == NULL)
                rc = csv_bare(o, "", c > 0);
            else if (fd__report_numeric(type) || type == FD_REPORT_COLUMN_DATE)
                rc = csv_bare(o, text, c > 0);
            else
                rc = csv_text(o, text, c > 0);
        }
        if (rc == FD_OK)
            rc = fd__buf_puts(o, "\r\n");
    }
    return rc;
}

static fd_status render_csv(fd_buf *o, const fd_report *r)
{
    fd_status rc = fd__buf_puts(o, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
    if (rc == FD_OK) rc = csv_text(o, r->title, false);
    if (rc == FD_OK) rc = fd__buf_puts(o, "\r\n");
    for (size_t i = 0; rc == FD_OK && i < r->nmeta; i++) {
        rc = csv_text(o, r->meta[i].label, false);
        if (rc == FD_OK) rc = csv_text(o, r->meta[i].value, true);
        if (rc == FD_OK) rc = fd__buf_puts(o, "\r\n");
    }
    for (size_t i = 0; rc == FD_OK && i < r->nsections; i++) {
        const fd__report_section *s = &r->sections[i];
        for (size_t j = 0; rc == FD_OK && j < s->ntables; j++)
            rc = csv_table(o, s, &s->tables[j]);
        if (rc == FD_OK && (s->nnotes || !s->ntables))
            rc = csv_block(o, s, s->nnotes ? "notes" : NULL, NULL);
        for (size_t j = 0; rc == FD_OK && j < s->nnotes; j++) {
            rc = csv_text(o, s->notes[j], false);
            if (rc == FD_OK) rc = fd__buf_puts(o, "\r\n");
        }
    }
    return rc;
}

/* --- entry point ---------------------------------------------------------- */

fd_status fd_report_render(fd_buf *out, const fd_report *report, fd_report_format format)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    static const char fn[] = "fd_report_render";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "report", report);
    if (rc)
        return rc;
    if (format != FD_REPORT_TEXT && format != FD_REPORT_JSON && format != FD_REPORT_CSV)
        return fd__error(FD_EINVAL, "%s: format: %d is not FD_REPORT_TEXT, FD_REPORT_JSON or FD_REPORT_CSV", fn,
                         (int)format);
    fd__buf_clear(out);
    rc = format == FD_REPORT_TEXT ? render_text(out, report)
         : format == FD_REPORT_JSON ? render_json(out, report)
                                    : render_csv(out, report);
    if (rc)
        fd__buf_clear(out);
    return rc;
}
