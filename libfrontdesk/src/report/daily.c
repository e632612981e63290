/*
 * The daily report (R-COM-4): a site's local day, from the journal, built as a
 * report model (model.c) and rendered by the shared renderers (render.c).
 * Nothing here writes text for people or scripts.
 */
#include "report/report_internal.h"
#include "frontdesk/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==========================================================================
 * The day, read through the store's public record API: the journal of the
 * actor's site in [start, end) (details masked unless the actor reveals,
 * R-COM-2) and the site's staff for their codes and names. No SQL here.
 * ========================================================================== */

typedef struct day_kind {
    const char *entity; /* point into the entries */
    const char *action;
    int64_t count;
} day_kind;

typedef struct day_staff {
    int64_t staff_id; /* 0: the system */
    char *code;
    char *name;
    int64_t count;
} day_staff;

typedef struct day_entry {
    int64_t id;
    int64_t at;
    int64_t staff_id;
    char *entity;
    int64_t entity_id;
    char *action;
    char *detail;
} day_entry;

/* What the journal says about one local day at one site. */
typedef struct day_data {
    int64_t total;
    day_kind *kinds;
    size_t nkinds;
    day_staff *staff;
    size_t nstaff;
    day_entry *entries;
    size_t nentries;
} day_data;

static void day_data_free(day_data *d)
{
    for (size_t i = 0; i < d->nentries; i++) {
        free(d->entries[i].entity);
        free(d->entries[i].action);
        free(d->entries[i].detail);
    }
    for (size_t i = 0; i < d->nstaff; i++) {
        free(d->staff[i].code);
        free(d->staff[i].name);
    }
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

static int by_time(const void *a, const void *b)
{
    const day_entry *x = a, *y = b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static int by_kind(const void *a, const void *b)
{
    const day_kind *x = a, *y = b;
    int c = strcmp(x->entity, y->entity);
    return c ? c : strcmp(x->action, y->action);
}

static int by_count(const void *a, const void *b)
{
    const day_staff *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->code, y->code);
}

/*
 * Codes and names of the staff who appear that day, read one by one as the
 * actor may see them: a revealing actor's access log lists only names shown.
 */
static fd_status name_staff(day_data *d, fd_store *s, const fd_actor *actor, const char *fn)
{
    for (size_t i = 0; i < d->nstaff; i++) {
        day_staff *p = &d->staff[i];
        fd_staff *st = NULL;
        if (p->staff_id) {
            fd_status rc = fd_store_staff_get(&st, s, actor, p->staff_id);
            if (rc)
                return rc;
        }
        p->code = strdup(st ? st->code : "");
        p->name = strdup(st ? st->name : "(system)");
        fd_staff_free(st);
        if (p->code == NULL || p->name == NULL)
            return fd__oom(fn);
    }
    return FD_OK;
}

/* Counts an entry under its kind and its member of staff (the system has no staff row). */
static fd_status count_entry(day_data *d, const day_entry *e, const char *fn)
{
    size_t k = 0;
    while (k < d->nkinds && (strcmp(d->kinds[k].entity, e->entity) || strcmp(d->kinds[k].action, e->action)))
        k++;
    if (k == d->nkinds) {
        day_kind *nk = push(&d->kinds, &d->nkinds, sizeof *nk);
        if (nk == NULL)
            return fd__oom(fn);
        nk->entity = e->entity;
        nk->action = e->action;
    }
    d->kinds[k].count++;
    size_t i = 0;
    while (i < d->nstaff && d->staff[i].staff_id != e->staff_id)
        i++;
    if (i == d->nstaff) {
        day_staff *p = push(&d->staff, &d->nstaff, sizeof *p);
        if (p == NULL)
            return fd__oom(fn);
        p->staff_id = e->staff_id;
    }
    d->staff[i].count++;
    d->total++;
    return FD_OK;
}

/* Reads the actor's site's journal in [a, b) into @d (which the caller frees, also on error). */
static fd_status day_query(day_data *d, fd_store *s, const fd_actor *actor, const char *fn, int64_t a, int64_t b)
{
    fd_status rc = FD_OK;
    fd_journal_filter f = FD_JOURNAL_FILTER_INIT;
    f.match = FD_JOURNAL_MATCH_AT_FROM | FD_JOURNAL_MATCH_AT_TO;
    f.at_from = a;
    f.at_to = b;
    fd_journal_iter *it = NULL;
    const fd_journal_entry *j = NULL;
    if (rc == FD_OK)
        rc = fd_store_journal_query(&it, s, actor, &f);
    while (rc == FD_OK && (rc = fd_journal_iter_next(&j, it)) == FD_OK && j) {
        day_entry *e = push(&d->entries, &d->nentries, sizeof *e);
        if (e == NULL || (e->entity = strdup(j->entity)) == NULL || (e->action = strdup(j->action)) == NULL ||
            (e->detail = strdup(j->detail)) == NULL) {
            rc = fd__oom(fn);
            break;
        }
        e->id = j->id;
        e->at = j->at;
        e->staff_id = j->staff_id;
        e->entity_id = j->entity_id;
    }
    fd_journal_iter_free(it);
    if (rc)
        return rc;
    /* Imports may journal out of time order: entries by time, then by id. */
    fd__qsort(d->entries, d->nentries, sizeof *d->entries, by_time);
    for (size_t i = 0; i < d->nentries && rc == FD_OK; i++)
        rc = count_entry(d, &d->entries[i], fn);
    if (rc)
        return rc;
    fd__qsort(d->kinds, d->nkinds, sizeof *d->kinds, by_kind);
    if ((rc = name_staff(d, s, actor, fn)) != FD_OK)
        return rc;
    fd__qsort(d->staff, d->nstaff, sizeof *d->staff, by_count);
    return FD_OK;
}

/* The name of the member of staff of an entry, as read with the staff. */
static const char *staff_name(const day_data *d, int64_t staff_id)
{
    for (size_t i = 0; i < d->nstaff; i++)
        if (d->staff[i].staff_id == staff_id)
            return d->staff[i].name;
    return "(system)";
}

/* ==========================================================================
 * The model: meta lines and the journal's three sections.
 * ========================================================================== */

/* The report's words in Chinese (the default) and English; keys never change. */
typedef fd__lang lang;
enum word {
    W_TITLE, W_BY_KIND, W_BY_STAFF, W_ENTRIES, W_ENTITY, W_ACTION, W_COUNT, W_STAFF_ID, W_CODE, W_NAME, W_TIME,
    W_STAFF, W_ID, W_DETAIL, W_SITE, W_SITE_CODE, W_DATE, W_TIME_ZONE, W_GENERATED, W_TOTAL, W_CALENDAR, W_COUNT_
};
static const char *const WORDS[W_COUNT_][2] = {
    { "日报", "Daily report" },  { "按类别", "By kind" },      { "按员工", "By staff" },
    { "明细", "Entries" },       { "对象", "Entity" },         { "操作", "Action" },
    { "数量", "Count" },         { "员工编号", "Staff ID" },   { "工号", "Code" },
    { "姓名", "Name" },          { "时间", "Time" },           { "经办人", "Staff" },
    { "编号", "ID" },            { "详情", "Detail" },         { "场所", "Site" },
    { "场所代码", "Site code" }, { "日期", "Date" },           { "时区", "Time zone" },
    { "生成时间", "Generated" }, { "日志条数", "Journal entries" }, { "日历", "Calendar" },
};
#define WORD(l, w) (WORDS[(w)][(l)])

static fd_status add_by_kind(fd_report *r, const day_data *d, lang l)
{
    const fd__column_spec cols[] = {
        { "entity", WORD(l, W_ENTITY), FD_REPORT_COLUMN_TEXT },
        { "action", WORD(l, W_ACTION), FD_REPORT_COLUMN_TEXT },
        { "count", WORD(l, W_COUNT), FD_REPORT_COLUMN_INT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "journal.by_kind", WORD(l, W_BY_KIND), cols, 3);
    for (size_t i = 0; rc == FD_OK && i < d->nkinds; i++) {
        rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 0, d->kinds[i].entity);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, d->kinds[i].action);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 2, d->kinds[i].count);
    }
    return rc;
}

static fd_status add_by_staff(fd_report *r, const day_data *d, lang l)
{
    const fd__column_spec cols[] = {
        { "staff_id", WORD(l, W_STAFF_ID), FD_REPORT_COLUMN_INT },
        { "code", WORD(l, W_CODE), FD_REPORT_COLUMN_TEXT },
        { "name", WORD(l, W_NAME), FD_REPORT_COLUMN_TEXT },
        { "count", WORD(l, W_COUNT), FD_REPORT_COLUMN_INT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "journal.by_staff", WORD(l, W_BY_STAFF), cols, 4);
    for (size_t i = 0; rc == FD_OK && i < d->nstaff; i++) {
        rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 0, d->staff[i].staff_id);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, d->staff[i].code);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 2, d->staff[i].name);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 3, d->staff[i].count);
    }
    return rc;
}

static fd_status add_entries(fd_report *r, const day_data *d, fd__zone *zone, const char *fn, lang l)
{
    const fd__column_spec cols[] = {
        { "at", WORD(l, W_TIME), FD_REPORT_COLUMN_INSTANT },
        { "staff", WORD(l, W_STAFF), FD_REPORT_COLUMN_TEXT },
        { "entity", WORD(l, W_ENTITY), FD_REPORT_COLUMN_TEXT },
        { "entity_id", WORD(l, W_ID), FD_REPORT_COLUMN_INT },
        { "action", WORD(l, W_ACTION), FD_REPORT_COLUMN_TEXT },
        { "detail", WORD(l, W_DETAIL), FD_REPORT_COLUMN_TEXT },
    };
    size_t s = 0;
    fd_status rc = fd__report_add_section(&s, r, "journal.entries", WORD(l, W_ENTRIES), cols, 6);
    for (size_t i = 0; rc == FD_OK && i < d->nentries; i++) {
        const day_entry *e = &d->entries[i];
        char local[40];
        rc = fd__report_local(zone, fn, e->at, local);
        if (rc == FD_OK) rc = fd_report_row_add(r, s, 0);
        if (rc == FD_OK) rc = fd_report_cell_instant(r, s, 0, 0, e->at, local);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 1, staff_name(d, e->staff_id));
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 2, e->entity);
        if (rc == FD_OK) rc = fd_report_cell_int(r, s, 0, 3, e->entity_id);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 4, e->action);
        if (rc == FD_OK) rc = fd_report_cell_text(r, s, 0, 5, e->detail);
    }
    return rc;
}

static fd_status add_meta(fd_report *r, const fd_site *site, fd_date date, const char *generated, int64_t total,
                          lang l)
{
    char day[16], count[24];
    snprintf(day, sizeof day, "%04d-%02d-%02d", (int)date.year, (int)date.month, (int)date.day);
    snprintf(count, sizeof count, "%lld", (long long)total);
    fd_status rc = fd_report_meta_add(r, "site", WORD(l, W_SITE), site->name);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "site_code", WORD(l, W_SITE_CODE), site->code);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "date", WORD(l, W_DATE), day);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "time_zone", WORD(l, W_TIME_ZONE), site->time_zone);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "generated", WORD(l, W_GENERATED), generated);
    if (rc == FD_OK) rc = fd_report_meta_add(r, "total", WORD(l, W_TOTAL), count);
    return rc;
}

/*
 * The holiday data's coverage warning (fd_calendar_coverage_warning: it ends
 * within 60 days of @date) as a meta line, over the built-in calendar and the
 * site's calendar.beyond_data; nothing when there is none.
 */
static fd_status add_calendar_warning(fd_report *r, fd_store *store, int64_t site_id, fd_date date, lang l)
{
    fd_calendar *cal = NULL;
    fd_policy *p = NULL;
    fd_buf w = FD_BUF_INIT;
    fd_status rc = fd_calendar_new(&cal);
    if (rc == FD_OK)
        rc = fd_store_policy_load(&p, store, site_id);
    if (rc == FD_OK)
        rc = fd_calendar_apply_policy(cal, p);
    if (rc == FD_OK)
        rc = fd_calendar_coverage_warning(&w, cal, date);
    if (rc == FD_OK && w.size > 0)
        rc = fd_report_meta_add(r, "calendar_warning", WORD(l, W_CALENDAR), w.ptr);
    fd_buf_dispose(&w);
    fd_policy_free(p);
    fd_calendar_free(cal);
    return rc;
}

fd_status fd_report_daily_new(fd_report **out, fd_store *store, const fd_actor *actor, fd_date date,
                              const char *language)
{
    static const char fn[] = "fd_report_daily_new";
    lang l = FD__ZH;
    fd_status rc = fd__report_lang(&l, fn, language);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "actor", actor);
    if (rc == FD_OK && fd_date_check(date) != FD_OK)
        rc = fd__error(FD_EINVAL, "%s: date: %04d-%02d-%02d is not a real day", fn, (int)date.year,
                       (int)date.month, (int)date.day);
    if (rc)
        return rc;
    *out = NULL;
    fd_site *site = NULL;
    fd_report *r = NULL;
    day_data d = { 0 };
    char generated[32];
    int64_t a = 0, b = 0;
    if ((rc = fd_store_actor_check(store, actor)) == FD_OK)
        rc = fd_store_site_get(&site, store, NULL, actor->site_id);
    fd__zone *zone = rc ? NULL : fd__zone_open(fn, "site.time_zone", site->time_zone);
    if (rc == FD_OK && zone == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK)
        rc = fd__zone_day_bounds(zone, fn, date, &a, &b);
    /* "Generated" is the actor's instant: reports of a fixed actor are reproducible. */
    if (rc == FD_OK)
        rc = fd__zone_format(zone, fn, actor->at, generated);
    if (rc == FD_OK)
        rc = day_query(&d, store, actor, fn, a, b);
    if (rc == FD_OK)
        rc = fd_report_new(&r, "daily", WORD(l, W_TITLE));
    if (rc == FD_OK)
        rc = add_meta(r, site, date, generated, d.total, l);
    if (rc == FD_OK)
        rc = add_calendar_warning(r, store, actor->site_id, date, l);
    if (rc == FD_OK)
        rc = add_by_kind(r, &d, l);
    if (rc == FD_OK)
        rc = add_by_staff(r, &d, l);
    if (rc == FD_OK)
        rc = add_entries(r, &d, zone, fn, l);
    /* The domain modules' sections (R-COM-4: what is still open at the day's end). */
    if (rc == FD_OK)
        rc = fd__daily_calls(r, store, actor, a, b, zone, fn, l);
    if (rc == FD_OK)
        rc = fd__daily_visitors(r, store, actor, a, b, zone, fn, l);
    if (rc == FD_OK)
        rc = fd__daily_complaints(r, store, actor, a, b, zone, fn, l);
    if (rc == FD_OK)
        rc = fd__daily_fees(r, store, actor, date, fn, l);
    if (rc == FD_OK)
        rc = fd__daily_repairs(r, store, actor, a, b, zone, fn, l);
    if (rc == FD_OK)
        rc = fd__daily_callbacks(r, store, actor, a, b, zone, fn, l);
    fd__zone_close(zone);
    day_data_free(&d);
    fd_site_free(site);
    if (rc == FD_OK)
        r->total = d.total;
    return fd__report_done(out, r, rc);
}

fd_status fd__report_lang(fd__lang *out, const char *fn, const char *language)
{
    if (language && strcmp(language, "en") == 0)
        *out = FD__EN;
    else if (language == NULL || strcmp(language, "zh") == 0)
        *out = FD__ZH;
    else
        return fd__error(FD_EINVAL, "%s: language: '%.16s' is not \"zh\" or \"en\"", fn, language);
    return FD_OK;
}

fd_status fd__report_done(fd_report **out, fd_report *r, fd_status rc)
{
    if (rc) {
        fd__saved_error saved;
        fd__error_save(&saved);
        fd_report_free(r);
        return fd__error_restore(&saved);
    }
    *out = r;
    return FD_OK;
}

fd_status fd__report_instant_cell(fd_report *r, size_t s, size_t col, int64_t at, fd__zone *zone, const char *fn)
{
    char local[40];
    if (at == 0)
        return FD_OK;
    fd_status rc = fd__report_local(zone, fn, at, local);
    return rc ? rc : fd_report_cell_instant(r, s, 0, col, at, local);
}

fd_status fd_report_daily(fd_report **out, fd_store *store, int64_t site_id, fd_date date)
{
    fd_actor system = FD_ACTOR_INIT;
    system.site_id = site_id;
    system.at = fd__now();
    return fd_report_daily_new(out, store, &system, date, "en");
}

fd_status fd__report_add_section(size_t *section, fd_report *r, const char *key, const char *title,
                                 const fd__column_spec *cols, size_t n)
{
    size_t table = 0;
    fd_status rc = fd_report_section_add(section, r, key, title);
    if (rc == FD_OK)
        rc = fd_report_table_add(&table, r, *section, "rows", "");
    for (size_t i = 0; rc == FD_OK && i < n; i++)
        rc = fd_report_column_add(r, *section, 0, cols[i].key, cols[i].label, cols[i].type);
    return rc;
}

fd_status fd__report_key_row(fd_report *r, size_t section, const char *key, const char *item, int64_t count,
                             int64_t pct)
{
    fd_status rc = fd_report_row_add(r, section, 0);
    if (rc == FD_OK) rc = fd_report_cell_text(r, section, 0, 0, key);
    if (rc == FD_OK) rc = fd_report_cell_text(r, section, 0, 1, item);
    if (rc == FD_OK) rc = fd_report_cell_int(r, section, 0, 2, count);
    if (rc == FD_OK && pct >= 0) rc = fd_report_cell_int(r, section, 0, 3, pct);
    return rc;
}

fd_status fd__report_local(fd__zone *zone, const char *fn, int64_t at, char out[40])
{
    fd_local_time lt;
    fd_status rc = fd__zone_local(zone, fn, at, &lt);
    if (rc == FD_OK) {
        int off = lt.utc_offset_s < 0 ? -lt.utc_offset_s : lt.utc_offset_s;
        snprintf(out, 40, "%04d-%02d-%02d %02d:%02d %c%02d:%02d", (int)lt.date.year, (int)lt.date.month,
                 (int)lt.date.day, (int)lt.hour, (int)lt.minute, lt.utc_offset_s < 0 ? '-' : '+', off / 3600,
                 off / 60 % 60);
    }
    return rc;
}
