/* The daily report (R-COM-4): a site's local day, from the journal. */
#include "frontdesk/report.h"
#include "store/store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct group {
    char entity[FD_CODE_MAX + 1];
    char action[FD_CODE_MAX + 1];
    int64_t count;
} group;

typedef struct by_staff {
    int64_t staff_id;
    char code[FD_CODE_MAX + 1];
    char name[FD_NAME_MAX + 1];
    int64_t count;
} by_staff;

typedef struct entry {
    char local[32];
    char staff[FD_NAME_MAX + 1];
    char entity[FD_CODE_MAX + 1];
    int64_t entity_id;
    char action[FD_CODE_MAX + 1];
    char *detail;
} entry;

struct fd_report {
    struct {
        int64_t id;
        char code[FD_CODE_MAX + 1], name[FD_NAME_MAX + 1], time_zone[FD_TZ_MAX + 1];
    } site;
    fd_date date;
    char generated[32];
    int64_t total;
    group *groups;
    size_t ngroups;
    by_staff *staff;
    size_t nstaff;
    entry *entries;
    size_t nentries;
};

static const char *const SQL_GROUPS =
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

static void fd__column_fixed(char *dst, size_t cap, sqlite3_stmt *st, int col)
{
    fd__copy_fixed(dst, cap, (const char *)sqlite3_column_text(st, col));
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
static sqlite3_stmt *day_query(fd_store *s, const char *fn, const char *sql, int64_t site, int64_t a, int64_t b)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st) {
        sqlite3_bind_int64(st, 1, site);
        sqlite3_bind_int64(st, 2, a);
        sqlite3_bind_int64(st, 3, b);
    }
    return st;
}

static fd_status build(fd_report *r, fd_store *s, fd__zone *zone, int64_t a, int64_t b)
{
    static const char fn[] = "fd_report_daily";
    int64_t site = r->site.id;
    fd_status rc = FD_OK;
    int src;
    sqlite3_stmt *st = day_query(s, fn, SQL_GROUPS, site, a, b);
    if (st == NULL)
        return fd_error_last()->code;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        group *g = push(&r->groups, &r->ngroups, sizeof *g);
        if (g == NULL) {
            rc = fd__oom(fn);
            break;
        }
        fd__column_fixed(g->entity, sizeof g->entity, st, 0);
        fd__column_fixed(g->action, sizeof g->action, st, 1);
        g->count = sqlite3_column_int64(st, 2);
        r->total += g->count;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "counting the journal");
    if (rc || (st = day_query(s, fn, SQL_STAFF, site, a, b)) == NULL)
        return rc ? rc : fd_error_last()->code;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        by_staff *p = push(&r->staff, &r->nstaff, sizeof *p);
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
    if (rc || (st = day_query(s, fn, SQL_ENTRIES, site, a, b)) == NULL)
        return rc ? rc : fd_error_last()->code;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        entry *e = push(&r->entries, &r->nentries, sizeof *e);
        if (e == NULL || (e->detail = strdup((const char *)sqlite3_column_text(st, 5))) == NULL) {
            rc = fd__oom(fn);
            break;
        }
        rc = fd__zone_format(zone, fn, sqlite3_column_int64(st, 0), e->local);
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
    fd_report *r = calloc(1, sizeof *r);
    if (r == NULL)
        return fd__oom(fn);
    r->date = date;
    fd_site *site = NULL;
    rc = fd_store_site_get(&site, store, NULL, site_id);
    if (rc == FD_OK) {
        r->site.id = site->id;
        fd__copy_fixed(r->site.code, sizeof r->site.code, site->code);
        fd__copy_fixed(r->site.name, sizeof r->site.name, site->name);
        fd__copy_fixed(r->site.time_zone, sizeof r->site.time_zone, site->time_zone);
        fd_site_free(site);
    }
    fd__zone *zone = rc ? NULL : fd__zone_open(fn, "site.time_zone", r->site.time_zone);
    if (rc == FD_OK && zone == NULL)
        rc = fd_error_last()->code;
    int64_t a = 0, b = 0;
    if (rc == FD_OK)
        rc = fd__zone_day_bounds(zone, fn, date, &a, &b);
    if (rc == FD_OK)
        rc = fd__zone_format(zone, fn, fd__now(), r->generated);
    if (rc == FD_OK)
        rc = build(r, store, zone, a, b);
    fd__zone_close(zone);
    if (rc) {
        fd__saved_error saved;
        fd__error_save(&saved);
        fd_report_free(r);
        return fd__error_restore(&saved);
    }
    *out = r;
    return FD_OK;
}

int64_t fd_report_total(const fd_report *report)
{
    return report ? report->total : 0;
}

void fd_report_free(fd_report *report)
{
    if (report == NULL)
        return;
    for (size_t i = 0; i < report->nentries; i++)
        free(report->entries[i].detail);
    free(report->entries);
    free(report->staff);
    free(report->groups);
    free(report);
}

static fd_status render_text(fd_buf *o, const fd_report *r)
{
    fd_status rc = fd__buf_printf(o, "日报 Daily report  %s (%s)\n%04d-%02d-%02d  %s  generated %s\n\n",
                                  r->site.name, r->site.code, (int)r->date.year, (int)r->date.month,
                                  (int)r->date.day, r->site.time_zone, r->generated);
    if (rc == FD_OK)
        rc = fd__buf_printf(o, "Journal entries: %lld\n", (long long)r->total);
    if (rc == FD_OK && r->ngroups)
        rc = fd__buf_puts(o, "\nBy kind\n");
    for (size_t i = 0; rc == FD_OK && i < r->ngroups; i++) {
        char kind[2 * FD_CODE_MAX + 2];
        snprintf(kind, sizeof kind, "%s.%s", r->groups[i].entity, r->groups[i].action);
        rc = fd__buf_printf(o, "  %-32s %6lld\n", kind, (long long)r->groups[i].count);
    }
    if (rc == FD_OK && r->nstaff)
        rc = fd__buf_puts(o, "\nBy staff\n");
    for (size_t i = 0; rc == FD_OK && i < r->nstaff; i++)
        rc = fd__buf_printf(o, "  %6lld  %-8s %s\n", (long long)r->staff[i].count, r->staff[i].code,
                            r->staff[i].name);
    if (rc == FD_OK && r->nentries)
        rc = fd__buf_puts(o, "\nEntries\n");
    for (size_t i = 0; rc == FD_OK && i < r->nentries; i++) {
        const entry *e = &r->entries[i];
        rc = fd__buf_printf(o, "  %s  %s.%s #%lld  %s  %s\n", e->local + 11, e->entity, e->action,
                            (long long)e->entity_id, e->staff, e->detail);
    }
    return rc;
}

/* Appends "key":"value" with the value JSON-escaped. */
static fd_status json_pair(fd_buf *o, const char *key, const char *value, bool comma)
{
    fd_status rc = fd__buf_printf(o, "%s\"%s\":\"", comma ? "," : "", key);
    if (rc == FD_OK)
        rc = fd__buf_json_str(o, value);
    return rc ? rc : fd__buf_puts(o, "\"");
}

static fd_status render_json(fd_buf *o, const fd_report *r)
{
    char date[11];
    snprintf(date, sizeof date, "%04d-%02d-%02d", (int)r->date.year, (int)r->date.month, (int)r->date.day);
    fd_status rc = fd__buf_puts(o, "{\"site\":{");
    if (rc == FD_OK) rc = json_pair(o, "code", r->site.code, false);
    if (rc == FD_OK) rc = json_pair(o, "name", r->site.name, true);
    if (rc == FD_OK) rc = json_pair(o, "time_zone", r->site.time_zone, true);
    if (rc == FD_OK) rc = fd__buf_puts(o, "}");
    if (rc == FD_OK) rc = json_pair(o, "date", date, true);
    if (rc == FD_OK) rc = json_pair(o, "generated", r->generated, true);
    if (rc == FD_OK) rc = fd__buf_printf(o, ",\"total\":%lld,\"by_kind\":[", (long long)r->total);
    for (size_t i = 0; rc == FD_OK && i < r->ngroups; i++) {
        rc = fd__buf_puts(o, i ? ",{" : "{");
        if (rc == FD_OK) rc = json_pair(o, "entity", r->groups[i].entity, false);
        if (rc == FD_OK) rc = json_pair(o, "action", r->groups[i].action, true);
        if (rc == FD_OK) rc = fd__buf_printf(o, ",\"count\":%lld}", (long long)r->groups[i].count);
    }
    if (rc == FD_OK) rc = fd__buf_puts(o, "],\"by_staff\":[");
    for (size_t i = 0; rc == FD_OK && i < r->nstaff; i++) {
        rc = fd__buf_printf(o, "%s{\"staff_id\":%lld", i ? "," : "", (long long)r->staff[i].staff_id);
        if (rc == FD_OK) rc = json_pair(o, "code", r->staff[i].code, true);
        if (rc == FD_OK) rc = json_pair(o, "name", r->staff[i].name, true);
        if (rc == FD_OK) rc = fd__buf_printf(o, ",\"count\":%lld}", (long long)r->staff[i].count);
    }
    if (rc == FD_OK) rc = fd__buf_puts(o, "],\"entries\":[");
    for (size_t i = 0; rc == FD_OK && i < r->nentries; i++) {
        const entry *e = &r->entries[i];
        rc = fd__buf_puts(o, i ? ",{" : "{");
        if (rc == FD_OK) rc = json_pair(o, "local_time", e->local, false);
        if (rc == FD_OK) rc = json_pair(o, "staff", e->staff, true);
        if (rc == FD_OK) rc = json_pair(o, "entity", e->entity, true);
        if (rc == FD_OK) rc = fd__buf_printf(o, ",\"entity_id\":%lld", (long long)e->entity_id);
        if (rc == FD_OK) rc = json_pair(o, "action", e->action, true);
        if (rc == FD_OK) rc = json_pair(o, "detail", e->detail, true);
        if (rc == FD_OK) rc = fd__buf_puts(o, "}");
    }
    return rc ? rc : fd__buf_puts(o, "]}\n");
}

fd_status fd_report_render(fd_buf *out, const fd_report *report, fd_report_format format)
{
    static const char fn[] = "fd_report_render";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "report", report);
    if (rc)
        return rc;
    if (format != FD_REPORT_TEXT && format != FD_REPORT_JSON)
        return fd__error(FD_EINVAL, "%s: format: %d is neither FD_REPORT_TEXT nor FD_REPORT_JSON", fn, (int)format);
    fd__buf_clear(out);
    rc = format == FD_REPORT_TEXT ? render_text(out, report) : render_json(out, report);
    if (rc)
        fd__buf_clear(out);
    return rc;
}
