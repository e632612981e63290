/*
 * What the domain commands print records with (shared by cli/visitors.c and
 * cli/complaints.c): JSON objects from a field table, lines of text, listings
 * as JSON arrays, short local times; and the required option, today's range.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

bool zh(const cli *c)
{
    return strcmp(c->lang, "zh") == 0;
}

/* The value of option @name, required: 0, or a usage error (2) naming it. */
int need(const cli *c, const char *name, const char **out)
{
    *out = opt(c, name);
    if (*out && **out)
        return 0;
    fprintf(stderr, "frontdesk: %s %s needs %s\n(see frontdesk --help)\n", c->argv[0], c->argv[1], name);
    return 2;
}

/* The site's local day that the actor's instant falls on, as [*from, *to). */
int today(ctx *x, int64_t *from, int64_t *to)
{
    fd_date d;
    fd_status rc = fd_store_site_date(&d, x->store, x->site->id, x->actor.at);
    return rc ? lib_error(rc) : date_range(x, d, from, to);
}

/* --date D when given, else today: the day's [*from, *to). */
int day_of(const cli *c, ctx *x, int64_t *from, int64_t *to)
{
    return c->date ? day_range(c, x, from, to) : today(x, from, to);
}

/* The instant in the site's zone (or UTC) for lines of text: "2026-11-20 09:05", without the year ("11-20
 * 09:05") when @short_year and it is the year of the actor's instant; "-" for 0. */
const char *stamp(ctx *x, int64_t at, bool short_year)
{
    static char ring[4][32];
    static unsigned next;
    char *s = ring[next++ % 4];
    const char *zone = x->utc ? "UTC" : x->site->time_zone;
    fd_local_time t, now;
    if (at == 0 || fd_instant_to_local(&t, zone, at) != FD_OK)
        return at ? "?" : "-";
    if (short_year && fd_instant_to_local(&now, zone, x->actor.at) == FD_OK && now.date.year == t.date.year)
        snprintf(s, sizeof ring[0], "%02d-%02d %02d:%02d", (int)t.date.month, (int)t.date.day, (int)t.hour,
                 (int)t.minute);
    else
        snprintf(s, sizeof ring[0], "%04d-%02d-%02d %02d:%02d", (int)t.date.year, (int)t.date.month,
                 (int)t.date.day, (int)t.hour, (int)t.minute);
    return s;
}

/* A short time for lists: "11-20 09:05" this year, "2025-10-01 09:00" another. */
const char *hm(ctx *x, int64_t at)
{
    return stamp(x, at, true);
}

/* ,"key":"2026-11-20T09:05:00+08:00" or null for 0 */
void jat(ctx *x, const char *key, int64_t at)
{
    printf(",\"%s\":", key);
    if (at)
        printf("\"%s\"", local(x, at));
    else
        printf("null");
}

/* {"id":1,... the fields of @rec, the object left open for what the caller adds. */
void json_fields(ctx *x, const void *rec, const jfield *f)
{
    const char *base = rec;
    for (size_t i = 0; f[i].key; i++) {
        const void *p = base + f[i].off;
        int64_t v = 0;
        if (f[i].type == 'i' || f[i].type == 't')
            memcpy(&v, p, sizeof v);
        printf("%s\"%s\":", i ? "," : "{", f[i].key);
        if (f[i].type == 's') {
            const char *str;
            memcpy(&str, p, sizeof str);
            json_string(str ? str : "");
        } else if (f[i].type == 'b') {
            int b;
            memcpy(&b, p, sizeof b);
            printf("%s", b ? "true" : "false");
        } else if (f[i].type == 't' && v) {
            printf("\"%s\"", local(x, v));
        } else if (f[i].type == 't') {
            printf("null");
        } else {
            printf("%lld", (long long)v);
        }
    }
}

/* A record as JSON (its fields) or as a line of text; in a listing (@n, the rows so far, counted in
 * both forms: "none" lines read it) after a comma. */
void row(const cli *c, ctx *x, const void *rec, const jfield *f, line_fn *line, int *n)
{
    if (n && (*n)++ && c->json)
        putchar(',');
    if (c->json)
        json_fields(x, rec, f), fputs(n ? "}" : "}\n", stdout);
    else
        line(c, x, rec);
}

/* A record read back after a change: row(), or the library's refusal @rc (1). */
int shown(const cli *c, ctx *x, fd_status rc, const void *rec, const jfield *f, line_fn *line)
{
    if (rc)
        return lib_error(rc);
    row(c, x, rec, f, line, NULL);
    return 0;
}

/* A text field for a line: escaped, "-" when empty. */
void text(const char *s)
{
    plain(s && *s ? s : "-");
}

/* Opens or closes a JSON array around a listing (@n: items printed so far). */
void list_open(const cli *c)
{
    if (c->json)
        putchar('[');
}

void list_sep(const cli *c, int *n)
{
    if (c->json && (*n)++)
        putchar(',');
}

int list_close(const cli *c, fd_status rc)
{
    if (c->json && rc == FD_OK)
        puts("]");
    return rc ? lib_error(rc) : 0;
}

/* --- CSV: a list as a one-table report, rendered with its BOM (fd_report_render) --- */

void csv_open(csv_out *o, const char *key, const csv_col *cols)
{
    memset(o, 0, sizeof *o);
    o->cols = cols;
    size_t s = 0, t = 0;
    o->rc = fd_report_new(&o->r, key, key);
    if (o->rc == FD_OK) o->rc = fd_report_section_add(&s, o->r, key, key);
    if (o->rc == FD_OK) o->rc = fd_report_table_add(&t, o->r, 0, "rows", "");
    for (size_t i = 0; o->rc == FD_OK && cols[i].key; i++)
        o->rc = fd_report_column_add(o->r, 0, 0, cols[i].key, cols[i].key,
                                     cols[i].type == 's'   ? FD_REPORT_COLUMN_TEXT
                                     : cols[i].type == 'i' ? FD_REPORT_COLUMN_INT
                                                           : FD_REPORT_COLUMN_INSTANT);
}

void csv_row(csv_out *o, ctx *x, const void *rec)
{
    const char *p = rec;
    if (o->rc == FD_OK) o->rc = fd_report_row_add(o->r, 0, 0);
    for (size_t i = 0; o->rc == FD_OK && o->cols[i].key; i++) {
        const csv_col *k = &o->cols[i];
        if (k->type == 's') {
            const char *v = *(const char *const *)(p + k->off);
            o->rc = fd_report_cell_text(o->r, 0, 0, i, v ? v : "");
        } else if (k->type == 'i') {
            o->rc = fd_report_cell_int(o->r, 0, 0, i, *(const int64_t *)(p + k->off));
        } else {
            int64_t at = *(const int64_t *)(p + k->off);
            o->rc = fd_report_cell_instant(o->r, 0, 0, i, at, at ? local(x, at) : "");
        }
    }
}

int csv_close(csv_out *o, fd_status rc)
{
    fd_buf out = FD_BUF_INIT;
    if (rc == FD_OK) rc = o->rc;
    if (rc == FD_OK) rc = fd_report_render(&out, o->r, FD_REPORT_CSV);
    if (rc == FD_OK) fwrite(out.ptr, 1, out.size, stdout);
    fd_buf_dispose(&out);
    fd_report_free(o->r);
    return rc ? lib_error(rc) : 0;
}
