/*
 * The daily report (R-COM-4): a site's local day, from the journal, built as a
 * report model (model.c) and rendered by the shared renderers (render.c).
 * Nothing here writes text for people or scripts.
 */
#include "report/report_internal.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==========================================================================
 * The day's queries. This block is all of daily.c that knows SQL or the
 * store's private header: the store will answer these (issue 8, item 5), and
 * then day_query() becomes a call to it, filling the same day_data.
 * ========================================================================== */

typedef struct day_kind {
    char entity[FD_CODE_MAX + 1];
    char action[FD_CODE_MAX + 1];
    int64_t count;
} day_kind;

typedef struct day_staff {
    int64_t staff_id; /* 0: the system */
    char code[FD_CODE_MAX + 1];
    char name[FD_NAME_MAX + 1];
    int64_t count;
} day_staff;

typedef struct day_entry {
    int64_t at;
    char staff[FD_NAME_MAX + 1];
    char entity[FD_CODE_MAX + 1];
    int64_t entity_id;
    char action[FD_CODE_MAX + 1];
    char *detail;
} day_entry;

/* What the journal says about [start, end) at one site. */
typedef struct day_data {
    int64_t total;
    day_kind *kinds;
    size_t nkinds;
    day_staff *staff;
    size_t nstaff;
    day_entry *entries;
    size_t nentries;
} day_data;

static const char *const SQL_KINDS =
    "SELECT entity, action, count(*) FROM journal WHERE site_id = ?1 AND at >= ?2 AND at < ?3 "
    "GROUP BY entity, action ORDER BY entity, action";
static const char *const SQL_STAFF =
    "SELECT coalesce(j.staff_id, 0), coalesce(s.code, ''), coalesce(s.name, '(system)'), count(*) "
    "FROM journal j LEFT JOIN staff s ON s.id = j.staff_id "
    "WHERE j.site_id = ?1 AND j.at >= ?2 AND j.at < ?3 GROUP BY j.staff_id ORDER BY count(*) DESC, 2";
static const char *const SQL_ENTRIES =
    "SELECT j.at, coalesce(s.name, '(system)'), j.entity, j.entity_id, j.action, j.detail "
    "FROM journal j LEFT JOIN staff s ON s.id = j.staff_id "
    "WHERE j.site_id = ?1 AND j.at >= ?2 AND j.at < ?3 ORDER BY j.at, j.id";

static void day_data_free(day_data *d)
{
    for (size_t i = 0; i < d->nentries; i++)
        free(d->entries[i].detail);
    free(d->entries);
    free(d->staff);
    free(d->kinds);
}

/* Grows *arr (of *n items of @size) by one zeroed item; NULL on OOM. */
static void *push(void *arr, size_t *n, size_t size)
{
    char *p = realloc(*(void **)arr, (*n + 1) * size);
    if (p == NULL)
        return NULL;
    *(void **)arr = p;
    memset(p + *n * size, 0, size);
    return p + (*n)++ * size;
}

/* Prepares a cached day query bound to site and [start, end). */
static sqlite3_stmt *day_stmt(fd_store *s, const char *fn, const char *sql, int64_t site, int64_t a, int64_t b)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st) {
        sqlite3_bind_int64(st, 1, site);
        sqlite3_bind_int64(st, 2, a);
        sqlite3_bind_int64(st, 3, b);
    }
    return st;
}

/* Reads the journal of @site in [a, b) into @d (which the caller frees, also on error). */
static fd_status day_query(day_data *d, fd_store *s, const char *fn, int64_t site, int64_t a, int64_t b)
{
    fd_status rc = FD_OK;
    int src;
    sqlite3_stmt *st = day_stmt(s, fn, SQL_KINDS, site, a, b);
    if (st == NULL)
        return fd_error_last()->code;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        day_kind *k = push(&d->kinds, &d->nkinds, sizeof *k);
        if (k == NULL) {
            rc = fd__oom(fn);
            break;
        }
        fd__column_fixed(k->entity, sizeof k->entity, st, 0);
        fd__column_fixed(k->action, sizeof k->action, st, 1);
        k->count = sqlite3_column_int64(st, 2);
        d->total += k->count;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "counting the journal");
    if (rc || (st = day_stmt(s, fn, SQL_STAFF, site, a, b)) == NULL)
        return rc ? rc : fd_error_last()->code;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        day_staff *p = push(&d->staff, &d->nstaff, sizeof *p);
        if (p == NULL) {
            rc = fd__oom(fn);
            break;
        }
        p->staff_id = sqlite3_column_int64(st, 0);
        fd__column_fixed(p->code, sizeof p->code, st, 1);
        fd__column_fixed(p->name, sizeof p->name, st, 2);
        p->count = sqlite3_column_int64(st, 3);
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "counting by staff");
    if (rc || (st = day_stmt(s, fn, SQL_ENTRIES, site, a, b)) == NULL)
        return rc ? rc : fd_error_last()->code;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        day_entry *e = push(&d->entries, &d->nentries, sizeof *e);
        const unsigned char *detail = sqlite3_column_text(st, 5);
        if (e == NULL || (e->detail = strdup(detail ? (const char *)detail : "")) == NULL) {
            rc = fd__oom(fn);
            break;
        }
        e->at = sqlite3_column_int64(st, 0);
        fd__column_fixed(e->staff, sizeof e->staff, st, 1);
        fd__column_fixed(e->entity, sizeof e->entity, st, 2);
        e->entity_id = sqlite3_column_int64(st, 3);
        fd__column_fixed(e->action, sizeof e->action, st, 4);
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading the journal");
    return rc;
}

/* ==========================================================================
 * The model: meta lines and the journal's three sections.
 * ========================================================================== */

typedef struct column_spec {
    const char *key;
    const char *label;
    fd_report_column_type type;
} column_spec;

/* Adds section @key with one table "rows" of @n columns; *section receives its index. */
static fd_status add_section(size_t *section, fd_report *r, const char *key, const char *title,
                             const column_spec *cols, size_t n)
{
    size_t table = 0;
    fd_status rc = fd_report_section_add(section, r, key, title);
    if (rc == FD_OK)
        rc = fd_report_table_add(&table, r, *section, "rows", "");
    for (size_t i = 0; rc == FD_OK && i < n; i++)
        rc = fd_report_column_add(r, *section, 0, cols[i].key, cols[i].label, cols[i].type);
    return rc;
}

static fd_status add_by_kind(fd_report *r, const day_data *d)
{
    static const column_spec cols[] = {
        { "entity", "Entity", FD_REPORT_COLUMN_TEXT },
        { "action", "Action", FD_REPORT_COLUMN_TEXT },
        { "count", "Count", FD_REPORT_COLUMN_INT },
    };
    size_t s = 0;
    fd_status rc = add_section(&s, r, "journal.by_kind", "By kind", cols, 3);
    for (size_t i = 0; rc == FD_OK && i < d->nkinds; i++) {
        rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, d->kinds[i].entity);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, d->kinds[i].action);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 2, d->kinds[i].count);
    }
    return rc;
}

static fd_status add_by_staff(fd_report *r, const day_data *d)
{
    static const column_spec cols[] = {
        { "staff_id", "Staff ID", FD_REPORT_COLUMN_INT },
        { "code", "Code", FD_REPORT_COLUMN_TEXT },
        { "name", "Name", FD_REPORT_COLUMN_TEXT },
        { "count", "Count", FD_REPORT_COLUMN_INT },
    };
    size_t s = 0;
    fd_status rc = add_section(&s, r, "journal.by_staff", "By staff", cols, 4);
    for (size_t i = 0; rc == FD_OK && i < d->nstaff; i++) {
        rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 0, d->staff[i].staff_id);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, d->staff[i].code);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 2, d->staff[i].name);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 3, d->staff[i].count);
    }
    return rc;
}

static fd_status add_entries(fd_report *r, const day_data *d, fd__zone *zone, const char *fn)
{
    static const column_spec cols[] = {
        { "at", "Time", FD_REPORT_COLUMN_INSTANT },
        { "staff", "Staff", FD_REPORT_COLUMN_TEXT },
        { "entity", "Entity", FD_REPORT_COLUMN_TEXT },
        { "entity_id", "ID", FD_REPORT_COLUMN_INT },
        { "action", "Action", FD_REPORT_COLUMN_TEXT },
        { "detail", "Detail", FD_REPORT_COLUMN_TEXT },
    };
    size_t s = 0;
    fd_status rc = add_section(&s, r, "journal.entries", "Entries", cols, 6);
    for (size_t i = 0; rc == FD_OK && i < d->nentries; i++) {
        const day_entry *e = &d->entries[i];
        char local[32];
        rc = fd__zone_format(zone, fn, e->at, local);
        if (rc == FD_OK) rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_instant(r, s, 0, 0, e->at, local);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, e->staff);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 2, e->entity);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 3, e->entity_id);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 4, e->action);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 5, e->detail);
    }
    return rc;
}

static fd_status add_meta(fd_report *r, const fd_site *site, fd_date date, const char *generated, int64_t total)
{
    char day[16], count[24];
    snprintf(day, sizeof day, "%04d-%02d-%02d", (int)date.year, (int)date.month, (int)date.day);
    snprintf(count, sizeof count, "%lld", (long long)total);
    fd_status rc = fd_report_meta_add(r, "site", "Site", site->name);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "site_code", "Site code", site->code);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "date", "Date", day);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "time_zone", "Time zone", site->time_zone);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "generated", "Generated", generated);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "total", "Journal entries", count);
    return rc;
}

fd_status fd_report_daily(fd_report **out, fd_store *store, int64_t site_id, fd_date date)
{
    static const char fn[] = "fd_report_daily";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd_date_check(date);
    if (rc)
        return rc;
    fd_site site;
    fd_report *r = NULL;
    day_data d = { 0 };
    char generated[32];
    int64_t a = 0, b = 0;
    rc = fd_store_get_site_by_id(&site, store, site_id);
    fd__zone *zone = rc ? NULL : fd__zone_open(fn, "site.time_zone", site.time_zone);
    if (rc == FD_OK && zone == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK)
        rc = fd__zone_day_bounds(zone, fn, date, &a, &b);
    if (rc == FD_OK)
        rc = fd__zone_format(zone, fn, fd__now(), generated);
    if (rc == FD_OK)
        rc = day_query(&d, store, fn, site.id, a, b);
    if (rc == FD_OK)
        rc = fd_report_new(&r, "daily", "日报 Daily report");
    if (rc == FD_OK)
        rc = add_meta(r, &site, date, generated, d.total);
    if (rc == FD_OK)
        rc = add_by_kind(r, &d);
    if (rc == FD_OK)
        rc = add_by_staff(r, &d);
    if (rc == FD_OK)
        rc = add_entries(r, &d, zone, fn);
    fd__zone_close(zone);
    day_data_free(&d);
    if (rc) {
        fd__saved_error saved;
        fd__error_save(&saved);
        fd_report_free(r);
        return fd__error_restore(&saved);
    }
    r->total = d.total;
    *out = r;
    return FD_OK;
}
