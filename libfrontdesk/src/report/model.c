/*
 * The report model (issue 8, item 5): a report has meta lines and sections,
 * a section tables and notes, a table typed columns and rows of cells. Every
 * builder checks all of its input and allocates everything it needs before
 * changing the report, so a failed call changes nothing.
 */
#include "report/report_internal.h"

#include "frontdesk/money.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_MAX 64

static const char *const TYPE_NAMES[] = { "text", "int", "fen", "instant", "date", "percent" };

const char *fd__report_type_name(fd_report_column_type type)
{
    return (unsigned)type < sizeof TYPE_NAMES / sizeof TYPE_NAMES[0] ? TYPE_NAMES[type] : "?";
}

/* --- checks and lookups --------------------------------------------------- */

static fd_status check_key(const char *fn, const char *key)
{
    fd_status rc = fd__check_text(fn, "key", key, KEY_MAX, true);
    if (rc)
        return rc;
    bool ok = key[0] >= 'a' && key[0] <= 'z';
    for (const char *p = key; ok && *p; p++)
        ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' || *p == '-';
    if (!ok)
        return fd__error(FD_EINVAL, "%s: key: '%s' is not a key (a-z 0-9 _ . -, starting with a letter)", fn, key);
    return FD_OK;
}

/*
 * Checks @key, and that none of the @n items at @items (of @size bytes each,
 * every one starting with its `char *key`) has it already; @in names where.
 */
static fd_status check_new_key(const char *fn, const char *key, const void *items, size_t n, size_t size,
                               const char *in)
{
    fd_status rc = check_key(fn, key);
    for (size_t i = 0; rc == FD_OK && i < n; i++)
        if (strcmp(*(char *const *)(const void *)((const char *)items + i * size), key) == 0)
            rc = fd__error(FD_ECONFLICT, "%s: key: '%s' is taken%s", fn, key, in);
    return rc;
}

static fd_status check_text(const char *fn, const char *field, const char *s, bool nonempty)
{
    return fd__check_text(fn, field, s, FD_REPORT_TEXT_MAX, nonempty);
}

static fd__report_section *section_at(const char *fn, const fd_report *r, size_t section)
{
    if (fd__check_ptr(fn, "report", r))
        return NULL;
    if (section >= r->nsections) {
        fd__error(FD_ERANGE, "%s: section: %zu is out of range (the report has %zu sections)", fn, section,
                  r->nsections);
        return NULL;
    }
    return &r->sections[section];
}

static fd__report_table *table_at(const char *fn, const fd_report *r, size_t section, size_t table)
{
    fd__report_section *s = section_at(fn, r, section);
    if (s && table >= s->ntables) {
        fd__error(FD_ERANGE, "%s: table: %zu is out of range (section '%s' has %zu tables)", fn, table, s->key,
                  s->ntables);
        return NULL;
    }
    return s ? &s->tables[table] : NULL;
}

static fd_status column_check(const char *fn, const fd__report_table *t, size_t column)
{
    if (column >= t->ncolumns)
        return fd__error(FD_ERANGE, "%s: column: %zu is out of range (table '%s' has %zu columns)", fn, column,
                         t->key, t->ncolumns);
    return FD_OK;
}

/* The status a failed lookup recorded. */
static fd_status lookup_failed(void)
{
    return fd_error_last()->code;
}

/* Copies of two or three strings (@c may be NULL: two); all or none. */
static fd_status dup3(const char *fn, char **a, const char *sa, char **b, const char *sb, char **c, const char *sc)
{
    char *x = strdup(sa), *y = strdup(sb), *z = c ? strdup(sc) : NULL;
    if (x == NULL || y == NULL || (c && z == NULL)) {
        free(x);
        free(y);
        free(z);
        return fd__oom(fn);
    }
    *a = x;
    *b = y;
    if (c)
        *c = z;
    return FD_OK;
}

/* Makes room for one more item in *arr (holding n items of @size). */
static fd_status grow(const char *fn, void *arr, size_t n, size_t size)
{
    void *p = realloc(*(void **)arr, (n + 1) * size);
    if (p == NULL)
        return fd__oom(fn);
    *(void **)arr = p;
    return FD_OK;
}

/* --- building ------------------------------------------------------------- */

fd_status fd_report_new(fd_report **out, const char *key, const char *title)
{
    static const char fn[] = "fd_report_new";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = check_key(fn, key);
    if (rc == FD_OK)
        rc = check_text(fn, "title", title, true);
    if (rc)
        return rc;
    fd_report *r = calloc(1, sizeof *r);
    if (r == NULL)
        return fd__oom(fn);
    if ((rc = dup3(fn, &r->key, key, &r->title, title, NULL, NULL)) != FD_OK) {
        free(r);
        return rc;
    }
    *out = r;
    return FD_OK;
}

fd_status fd_report_meta_add(fd_report *report, const char *key, const char *label, const char *value)
{
    static const char fn[] = "fd_report_meta_add";
    fd_status rc = fd__check_ptr(fn, "report", report);
    if (rc == FD_OK)
        rc = check_new_key(fn, key, report->meta, report->nmeta, sizeof *report->meta, "");
    if (rc == FD_OK)
        rc = check_text(fn, "label", label, true);
    if (rc == FD_OK)
        rc = check_text(fn, "value", value, false);
    if (rc == FD_OK)
        rc = grow(fn, &report->meta, report->nmeta, sizeof *report->meta);
    if (rc)
        return rc;
    fd__report_meta *m = &report->meta[report->nmeta];
    if ((rc = dup3(fn, &m->key, key, &m->label, label, &m->value, value)) == FD_OK)
        report->nmeta++;
    return rc;
}

fd_status fd_report_section_add(size_t *out_index, fd_report *report, const char *key, const char *title)
{
    static const char fn[] = "fd_report_section_add";
    fd_status rc = fd__check_ptr(fn, "out_index", out_index);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "report", report);
    if (rc == FD_OK)
        rc = check_new_key(fn, key, report->sections, report->nsections, sizeof *report->sections, "");
    if (rc == FD_OK)
        rc = check_text(fn, "title", title, true);
    if (rc == FD_OK)
        rc = grow(fn, &report->sections, report->nsections, sizeof *report->sections);
    if (rc)
        return rc;
    fd__report_section *s = &report->sections[report->nsections];
    memset(s, 0, sizeof *s);
    if ((rc = dup3(fn, &s->key, key, &s->title, title, NULL, NULL)) == FD_OK)
        *out_index = report->nsections++;
    return rc;
}

fd_status fd_report_table_add(size_t *out_index, fd_report *report, size_t section, const char *key,
                              const char *title)
{
    static const char fn[] = "fd_report_table_add";
    fd_status rc = fd__check_ptr(fn, "out_index", out_index);
    fd__report_section *s = rc ? NULL : section_at(fn, report, section);
    if (rc == FD_OK && s == NULL)
        rc = lookup_failed();
    if (rc == FD_OK)
        rc = check_new_key(fn, key, s->tables, s->ntables, sizeof *s->tables, " in the section");
    if (rc == FD_OK)
        rc = check_text(fn, "title", title, false);
    if (rc == FD_OK)
        rc = grow(fn, &s->tables, s->ntables, sizeof *s->tables);
    if (rc)
        return rc;
    fd__report_table *t = &s->tables[s->ntables];
    memset(t, 0, sizeof *t);
    if ((rc = dup3(fn, &t->key, key, &t->title, title, NULL, NULL)) == FD_OK)
        *out_index = s->ntables++;
    return rc;
}

fd_status fd_report_column_add(fd_report *report, size_t section, size_t table, const char *key,
                               const char *label, fd_report_column_type type)
{
    static const char fn[] = "fd_report_column_add";
    fd__report_table *t = table_at(fn, report, section, table);
    fd_status rc = t ? check_new_key(fn, key, t->columns, t->ncolumns, sizeof *t->columns, " in the table")
                     : lookup_failed();
    if (rc == FD_OK)
        rc = check_text(fn, "label", label, true);
    if (rc == FD_OK && (type < FD_REPORT_COLUMN_TEXT || type > FD_REPORT_COLUMN_PERCENT))
        rc = fd__error(FD_EINVAL, "%s: type: %d is not a column type", fn, (int)type);
    if (rc == FD_OK && t->nrows)
        rc = fd__error(FD_ESTATE, "%s: table: '%s' has rows already; add its columns first", fn, t->key);
    if (rc == FD_OK)
        rc = grow(fn, &t->columns, t->ncolumns, sizeof *t->columns);
    if (rc)
        return rc;
    fd__report_column *c = &t->columns[t->ncolumns];
    c->type = type;
    if ((rc = dup3(fn, &c->key, key, &c->label, label, NULL, NULL)) == FD_OK)
        t->ncolumns++;
    return rc;
}

fd_status fd_report_row_add(fd_report *report, size_t section, size_t table)
{
    static const char fn[] = "fd_report_row_add";
    fd__report_table *t = table_at(fn, report, section, table);
    if (t == NULL)
        return lookup_failed();
    if (t->ncolumns == 0)
        return fd__error(FD_ESTATE, "%s: table: '%s' has no columns; add them first", fn, t->key);
    size_t need = (t->nrows + 1) * t->ncolumns;
    if (need > t->cells_cap) {
        size_t cap = t->cells_cap ? t->cells_cap : 16 * t->ncolumns;
        while (cap < need)
            cap *= 2;
        fd__report_cell *p = cap <= SIZE_MAX / sizeof *p ? realloc(t->cells, cap * sizeof *p) : NULL;
        if (p == NULL)
            return fd__oom(fn);
        t->cells = p;
        t->cells_cap = cap;
    }
    memset(&t->cells[t->nrows * t->ncolumns], 0, t->ncolumns * sizeof *t->cells);
    t->nrows++;
    return FD_OK;
}

/* Bit of a column type, for the types a setter accepts. */
#define TYPE_BIT(t) (1u << (t))

/*
 * Finds the last row's cell at @column of a table whose column type is one of
 * @types; NULL with the error recorded otherwise.
 */
static fd__report_cell *settable(const char *fn, fd_report *r, size_t section, size_t table, size_t column,
                                 unsigned types, const char *wanted)
{
    fd__report_table *t = table_at(fn, r, section, table);
    if (t == NULL || column_check(fn, t, column))
        return NULL;
    const fd__report_column *c = &t->columns[column];
    if (!(types & TYPE_BIT(c->type))) {
        fd__error(FD_EINVAL, "%s: column: %zu ('%s') is of type %s, not %s", fn, column, c->key,
                  fd__report_type_name(c->type), wanted);
        return NULL;
    }
    if (t->nrows == 0) {
        fd__error(FD_ESTATE, "%s: table: '%s' has no row yet; call fd_report_row_add first", fn, t->key);
        return NULL;
    }
    return &t->cells[(t->nrows - 1) * t->ncolumns + column];
}

/* Stores a copy of @text and @value into @cell (which is found and checked). */
static fd_status cell_store(const char *fn, fd__report_cell *cell, const char *text, int64_t value)
{
    char *copy = strdup(text);
    if (copy == NULL)
        return fd__oom(fn);
    free(cell->text);
    cell->text = copy;
    cell->value = value;
    return FD_OK;
}

fd_status fd_report_cell_text(fd_report *report, size_t section, size_t table, size_t column, const char *text)
{
    static const char fn[] = "fd_report_cell_text";
    fd__report_cell *cell = settable(fn, report, section, table, column, TYPE_BIT(FD_REPORT_COLUMN_TEXT), "text");
    if (cell == NULL)
        return lookup_failed();
    fd_status rc = check_text(fn, "text", text, false);
    return rc ? rc : cell_store(fn, cell, text, 0);
}

/* Writes @v hundredths as "12.34" (yuan from fen, percent from hundredths) into @out. */
static fd_status two_decimals(const char *fn, fd_buf *out, int64_t v)
{
    fd_money_format_options plain = FD_MONEY_FORMAT_OPTIONS_INIT;
    plain.symbol = 0;
    plain.grouping = 0;
    fd_status rc = fd_money_format(out, v, &plain);
    return rc == FD_ENOMEM ? fd__oom(fn) : rc;
}

/* Sets a numeric cell whose text is @v with two decimals and @suffix. */
static fd_status cell_hundredths(const char *fn, fd__report_cell *cell, int64_t v, const char *suffix)
{
    fd_buf b = FD_BUF_INIT;
    fd_status rc = two_decimals(fn, &b, v);
    if (rc == FD_OK)
        rc = fd__buf_puts(&b, suffix);
    if (rc == FD_OK)
        rc = cell_store(fn, cell, b.ptr, v);
    fd_buf_dispose(&b);
    return rc;
}

fd_status fd_report_cell_int(fd_report *report, size_t section, size_t table, size_t column, int64_t value)
{
    static const char fn[] = "fd_report_cell_int";
    fd__report_cell *cell = settable(fn, report, section, table, column,
                                     TYPE_BIT(FD_REPORT_COLUMN_INT) | TYPE_BIT(FD_REPORT_COLUMN_PERCENT),
                                     "int or percent");
    if (cell == NULL)
        return lookup_failed();
    if (report->sections[section].tables[table].columns[column].type == FD_REPORT_COLUMN_PERCENT)
        return cell_hundredths(fn, cell, value, "%");
    char num[24];
    snprintf(num, sizeof num, "%lld", (long long)value);
    return cell_store(fn, cell, num, value);
}

fd_status fd_report_cell_fen(fd_report *report, size_t section, size_t table, size_t column, int64_t fen)
{
    static const char fn[] = "fd_report_cell_fen";
    fd__report_cell *cell = settable(fn, report, section, table, column, TYPE_BIT(FD_REPORT_COLUMN_FEN), "fen");
    return cell ? cell_hundredths(fn, cell, fen, "") : lookup_failed();
}

fd_status fd_report_cell_instant(fd_report *report, size_t section, size_t table, size_t column, int64_t at,
                                 const char *local)
{
    static const char fn[] = "fd_report_cell_instant";
    fd__report_cell *cell = settable(fn, report, section, table, column, TYPE_BIT(FD_REPORT_COLUMN_INSTANT),
                                     "instant");
    if (cell == NULL)
        return lookup_failed();
    fd_status rc = local ? check_text(fn, "local", local, false) : FD_OK;
    if (rc)
        return rc;
    char num[24];
    snprintf(num, sizeof num, "%lld", (long long)at);
    return cell_store(fn, cell, local && *local ? local : num, at);
}

fd_status fd_report_cell_date(fd_report *report, size_t section, size_t table, size_t column, fd_date date)
{
    static const char fn[] = "fd_report_cell_date";
    fd__report_cell *cell = settable(fn, report, section, table, column, TYPE_BIT(FD_REPORT_COLUMN_DATE), "date");
    if (cell == NULL)
        return lookup_failed();
    fd_status rc = fd_date_check(date);
    if (rc) {
        char why[256];
        snprintf(why, sizeof why, "%s", fd_error_last()->message);
        return fd__error(rc, "%s: date: %s", fn, why);
    }
    char iso[16];
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", (int)date.year, (int)date.month, (int)date.day);
    return cell_store(fn, cell, iso, 0);
}

fd_status fd_report_note_add(fd_report *report, size_t section, const char *text)
{
    static const char fn[] = "fd_report_note_add";
    fd__report_section *s = section_at(fn, report, section);
    fd_status rc = s ? check_text(fn, "text", text, false) : lookup_failed();
    if (rc == FD_OK)
        rc = grow(fn, &s->notes, s->nnotes, sizeof *s->notes);
    if (rc)
        return rc;
    if ((s->notes[s->nnotes] = strdup(text)) == NULL)
        return fd__oom(fn);
    s->nnotes++;
    return FD_OK;
}

/* --- reading -------------------------------------------------------------- */

fd_status fd_report_get(fd_report_info *out, const fd_report *report)
{
    static const char fn[] = "fd_report_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "report", report);
    if (rc)
        return rc;
    *out = (fd_report_info){ report->key, report->title, report->nmeta, report->nsections };
    return FD_OK;
}

fd_status fd_report_meta_get(fd_report_meta_info *out, const fd_report *report, size_t index)
{
    static const char fn[] = "fd_report_meta_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "report", report);
    if (rc == FD_OK && index >= report->nmeta)
        rc = fd__error(FD_ERANGE, "%s: index: %zu is out of range (the report has %zu meta lines)", fn, index,
                       report->nmeta);
    if (rc)
        return rc;
    const fd__report_meta *m = &report->meta[index];
    *out = (fd_report_meta_info){ m->key, m->label, m->value };
    return FD_OK;
}

fd_status fd_report_section_get(fd_report_section_info *out, const fd_report *report, size_t section)
{
    static const char fn[] = "fd_report_section_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    const fd__report_section *s = rc ? NULL : section_at(fn, report, section);
    if (s == NULL)
        return rc ? rc : lookup_failed();
    *out = (fd_report_section_info){ s->key, s->title, s->ntables, s->nnotes };
    return FD_OK;
}

fd_status fd_report_table_get(fd_report_table_info *out, const fd_report *report, size_t section, size_t table)
{
    static const char fn[] = "fd_report_table_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    const fd__report_table *t = rc ? NULL : table_at(fn, report, section, table);
    if (t == NULL)
        return rc ? rc : lookup_failed();
    *out = (fd_report_table_info){ t->key, t->title, t->ncolumns, t->nrows };
    return FD_OK;
}

fd_status fd_report_column_get(fd_report_column_info *out, const fd_report *report, size_t section, size_t table,
                               size_t column)
{
    static const char fn[] = "fd_report_column_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    const fd__report_table *t = rc ? NULL : table_at(fn, report, section, table);
    if (t == NULL)
        return rc ? rc : lookup_failed();
    if ((rc = column_check(fn, t, column)) != FD_OK)
        return rc;
    const fd__report_column *c = &t->columns[column];
    *out = (fd_report_column_info){ c->key, c->label, c->type };
    return FD_OK;
}

fd_status fd_report_cell_get(fd_report_cell *out, const fd_report *report, size_t section, size_t table,
                             size_t row, size_t column)
{
    static const char fn[] = "fd_report_cell_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    const fd__report_table *t = rc ? NULL : table_at(fn, report, section, table);
    if (t == NULL)
        return rc ? rc : lookup_failed();
    if (row >= t->nrows)
        return fd__error(FD_ERANGE, "%s: row: %zu is out of range (table '%s' has %zu rows)", fn, row, t->key,
                         t->nrows);
    if ((rc = column_check(fn, t, column)) != FD_OK)
        return rc;
    const fd__report_cell *c = fd__report_cell_at(t, row, column);
    *out = (fd_report_cell){ c->text == NULL, c->value, c->text ? c->text : "" };
    return FD_OK;
}

fd_status fd_report_note_get(fd_buf *out, const fd_report *report, size_t section, size_t index)
{
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    static const char fn[] = "fd_report_note_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    const fd__report_section *s = rc ? NULL : section_at(fn, report, section);
    if (s == NULL)
        return rc ? rc : lookup_failed();
    if (index >= s->nnotes)
        return fd__error(FD_ERANGE, "%s: index: %zu is out of range (section '%s' has %zu notes)", fn, index,
                         s->key, s->nnotes);
    fd__buf_clear(out);
    rc = fd__buf_puts(out, s->notes[index]);
    if (rc)
        fd__buf_clear(out);
    return rc;
}

/* --- freeing -------------------------------------------------------------- */

static void table_free(fd__report_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncolumns; i++)
        free(t->cells[i].text);
    for (size_t i = 0; i < t->ncolumns; i++) {
        free(t->columns[i].key);
        free(t->columns[i].label);
    }
    free(t->cells);
    free(t->columns);
    free(t->key);
    free(t->title);
}

void fd_report_free(fd_report *report)
{
    if (report == NULL)
        return;
    for (size_t i = 0; i < report->nsections; i++) {
        fd__report_section *s = &report->sections[i];
        for (size_t j = 0; j < s->ntables; j++)
            table_free(&s->tables[j]);
        for (size_t j = 0; j < s->nnotes; j++)
            free(s->notes[j]);
        free(s->tables);
        free(s->notes);
        free(s->key);
        free(s->title);
    }
    for (size_t i = 0; i < report->nmeta; i++) {
        free(report->meta[i].key);
        free(report->meta[i].label);
        free(report->meta[i].value);
    }
    free(report->sections);
    free(report->meta);
    free(report->key);
    free(report->title);
    free(report);
}

int64_t fd_report_total(const fd_report *report)
{
    return report ? report->total : 0;
}
