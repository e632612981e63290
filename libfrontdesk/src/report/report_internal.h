/* The report model's storage, shared by the model, the renderers and the daily report. */
#ifndef FD_REPORT_INTERNAL_H
#define FD_REPORT_INTERNAL_H

#include "frontdesk/report.h"
#include "internal.h"

/* A cell: text is NULL while the cell is null; value is the number of numeric columns. */
typedef struct fd__report_cell {
    char *text;
    int64_t value;
} fd__report_cell;

typedef struct fd__report_column {
    char *key;
    char *label;
    fd_report_column_type type;
} fd__report_column;

typedef struct fd__report_table {
    char *key;
    char *title;
    fd__report_column *columns;
    size_t ncolumns;
    fd__report_cell *cells; /* nrows * ncolumns, row-major */
    size_t nrows;
    size_t cells_cap; /* cells allocated */
} fd__report_table;

typedef struct fd__report_section {
    char *key;
    char *title;
    fd__report_table *tables;
    size_t ntables;
    char **notes;
    size_t nnotes;
} fd__report_section;

typedef struct fd__report_meta {
    char *key;
    char *label;
    char *value;
} fd__report_meta;

struct fd_report {
    char *key;
    char *title;
    fd__report_meta *meta;
    size_t nmeta;
    fd__report_section *sections;
    size_t nsections;
    int64_t total; /* journal entries counted by the daily report */
};

/* The cell at @row, @col of @t. */
static inline const fd__report_cell *fd__report_cell_at(const fd__report_table *t, size_t row, size_t col)
{
    return &t->cells[row * t->ncolumns + col];
}

/* Numbers are right-aligned and never quoted or prefixed in CSV. */
static inline bool fd__report_numeric(fd_report_column_type type)
{
    return type == FD_REPORT_COLUMN_INT || type == FD_REPORT_COLUMN_FEN || type == FD_REPORT_COLUMN_PERCENT;
}

/* "text", "int", "fen", "instant", "date", "percent". */
const char *fd__report_type_name(fd_report_column_type type);

/* --- the daily report's parts (daily.c, and one file per domain module) --- */

/* The language of a report's words: index into each part's word table. */
typedef enum fd__lang { FD__ZH = 0, FD__EN = 1 } fd__lang;

/* @language ("zh", NULL: zh, or "en") into *@out; FD_EINVAL naming `language` otherwise. */
fd_status fd__report_lang(fd__lang *out, const char *fn, const char *language);

/* A builder's end: *@out = @r on success; on error @r is freed, keeping the error, and *@out stays NULL. */
fd_status fd__report_done(fd_report **out, fd_report *r, fd_status rc);

/* Sets INSTANT cell @col of the table's last row to @at in site time, or leaves it null when @at is 0. */
fd_status fd__report_instant_cell(fd_report *r, size_t s, size_t col, int64_t at, fd__zone *zone, const char *fn);

/* A column of a section's table. */
typedef struct fd__column_spec {
    const char *key;
    const char *label;
    fd_report_column_type type;
} fd__column_spec;

/* Adds section @key with one table "rows" of @n columns; *section receives its index. */
fd_status fd__report_add_section(size_t *section, fd_report *r, const char *key, const char *title,
                                 const fd__column_spec *cols, size_t n);

/*
 * A summary row of section @section's table: a key that never changes (for
 * JSON and CSV readers), the label, the count and, when @pct >= 0, the share
 * in hundredths of a percent (a fourth column).
 */
fd_status fd__report_key_row(fd_report *r, size_t section, const char *key, const char *item, int64_t count,
                             int64_t pct);

/* Hundredths of a percent of @n in @of (0 when @of is 0), rounded half up. */
static inline int64_t fd__report_share(int64_t n, int64_t of)
{
    return of > 0 ? (n * 20000 + of) / (2 * of) : 0;
}

/* @at as site-local time with its offset, "2026-11-20 08:41 +08:00" (issue 16), into @out. */
fd_status fd__report_local(fd__zone *zone, const char *fn, int64_t at, char out[40]);

/*
 * The calls section of the daily report for the actor's site and [@a, @b)
 * (daily_calls.c, issue 11): counts by category and disposition, answer time,
 * the late calls, and the call-backs, replies and messages still open at @b.
 */
fd_status fd__daily_calls(fd_report *r, fd_store *s, const fd_actor *actor, int64_t a, int64_t b, fd__zone *zone,
                          const char *fn, fd__lang l);

/*
 * The visitors section of the daily report for the actor's site and [@a, @b)
 * (daily_visitors.c, issue 12, item 8): fd_store_visit_stats' counts, the
 * day's arrivals by purpose and host organisation, the blocklist's matches,
 * the important visits still being prepared and who is still on site.
 */
fd_status fd__daily_visitors(fd_report *r, fd_store *s, const fd_actor *actor, int64_t a, int64_t b, fd__zone *zone,
                             const char *fn, fd__lang l);

/*
 * The complaints section of the daily report for the actor's site and [@a, @b)
 * (daily_complaints.c, issue 13, item 5): the day's counts, the day's
 * complaints with their targets, and yesterday's still without an answer.
 */
fd_status fd__daily_complaints(fd_report *r, fd_store *s, const fd_actor *actor, int64_t a, int64_t b,
                               fd__zone *zone, const char *fn, fd__lang l);

/*
 * The fees section ("fees.summary") of the daily report for the actor's site
 * and local day @day (fees_day.c, issue 14, item 7; R-FEE-9): collected by
 * method and by fee item, receipts used and voided, the gaps found, and
 * whether the day is closed.
 */
fd_status fd__daily_fees(fd_report *r, fd_store *s, const fd_actor *actor, fd_date day, const char *fn, fd__lang l);

/*
 * The repairs section of the daily report for the actor's site and [@a, @b)
 * (daily_repairs.c, issue 15, item 7): work orders received, open and done,
 * follow-ups due in the day and missed (R-PLN-1).
 */
fd_status fd__daily_repairs(fd_report *r, fd_store *s, const fd_actor *actor, int64_t a, int64_t b, fd__zone *zone,
                            const char *fn, fd__lang l);

/*
 * The callbacks section of the daily report for the actor's site and [@a, @b)
 * (daily_callbacks.c, issue 15, item 7): open callbacks due in the day,
 * overdue, and held in quiet hours now (R-PLN-2).
 */
fd_status fd__daily_callbacks(fd_report *r, fd_store *s, const fd_actor *actor, int64_t a, int64_t b, fd__zone *zone,
                              const char *fn, fd__lang l);

#endif
