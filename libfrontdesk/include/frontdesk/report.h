/**
 * @file frontdesk/report.h
 * @brief Reports as models (sections, tables with typed columns, rows, notes)
 *        rendered as aligned text, JSON or CSV; and the daily report (R-COM-4).
 *
 * A report is a structured, renderer-independent model:
 *
 *     report   key, title, meta lines (key, label, value: site, date, generated at ...)
 *       section   key ("journal.by_kind"), title, tables, notes
 *         table     key, title, typed columns, rows of cells
 *
 * A module adds its section with fd_report_section_add(), then tables, columns
 * and rows, without knowing the other sections or how the report is rendered.
 * fd_report_render() writes any report as text, JSON or CSV; the accessors
 * (fd_report_get(), fd_report_section_get() ...) let the bindings walk it.
 *
 * Keys are stable machine names: 1..64 bytes of `a-z 0-9 _ . -`, starting with
 * a letter, unique among their siblings (::FD_ECONFLICT otherwise). Text
 * (titles, labels, values, cells, notes) is UTF-8 of at most
 * ::FD_REPORT_TEXT_MAX bytes; invalid UTF-8 is refused with ::FD_EINVAL and
 * never rendered. Control characters are kept in the model and escaped by
 * every renderer, so user text cannot forge report lines (see fd_report_render()).
 *
 * Indices count from 0 in the order things were added. An index out of range
 * gives ::FD_ERANGE naming the field. A failed call changes nothing.
 *
 * Thread safety: a report is built by one thread; once built it may be read
 * and rendered from several threads at once.
 */
#ifndef FRONTDESK_REPORT_H
#define FRONTDESK_REPORT_H

#include "common.h"
#include "store.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A report: built with fd_report_new() or fd_report_daily(), freed with fd_report_free(). */
typedef struct fd_report fd_report;

/** Most bytes of one text (title, label, value, cell, note) in a report. */
#define FD_REPORT_TEXT_MAX 65536

/** How fd_report_render() writes a report. The numbers are ABI. */
typedef enum fd_report_format {
    FD_REPORT_TEXT = 0, /**< aligned plain text, for a terminal or a printer */
    FD_REPORT_JSON = 1, /**< one JSON object, for scripts */
    FD_REPORT_CSV = 2   /**< CSV for spreadsheets: UTF-8 with a BOM, RFC 4180, one block per table */
} fd_report_format;

/** What a column holds, and so how its cells are set and shown. The numbers are ABI. */
typedef enum fd_report_column_type {
    FD_REPORT_COLUMN_TEXT = 0,    /**< UTF-8 text (fd_report_cell_text()) */
    FD_REPORT_COLUMN_INT = 1,     /**< an int64 count or id (fd_report_cell_int()), right-aligned */
    FD_REPORT_COLUMN_FEN = 2,     /**< money, int64 fen (fd_report_cell_fen()), shown as yuan: 1234 → "12.34" */
    FD_REPORT_COLUMN_INSTANT = 3, /**< UTC seconds (fd_report_cell_instant()), shown as the local time given, else the number */
    FD_REPORT_COLUMN_DATE = 4,    /**< a calendar date (fd_report_cell_date()), shown as YYYY-MM-DD */
    FD_REPORT_COLUMN_PERCENT = 5  /**< int64 hundredths of a percent (fd_report_cell_int()): 1234 → "12.34%" */
} fd_report_column_type;

/** A report's header, read with fd_report_get(). Strings belong to the report. */
typedef struct fd_report_info {
    const char *key;     /**< the report's key, e.g. "daily" */
    const char *title;   /**< e.g. "日报 Daily report" */
    size_t meta_count;   /**< meta lines: fd_report_meta_get() */
    size_t section_count; /**< sections: fd_report_section_get() */
} fd_report_info;

/** One meta line (site, date, generated at ...), read with fd_report_meta_get(). */
typedef struct fd_report_meta_info {
    const char *key;   /**< e.g. "date" */
    const char *label; /**< e.g. "Date" */
    const char *value; /**< e.g. "2025-06-10" */
} fd_report_meta_info;

/** One section, read with fd_report_section_get(). */
typedef struct fd_report_section_info {
    const char *key;    /**< e.g. "journal.by_kind" */
    const char *title;  /**< e.g. "By kind" */
    size_t table_count; /**< tables: fd_report_table_get() */
    size_t note_count;  /**< notes: fd_report_note_get() */
} fd_report_section_info;

/** One table of a section, read with fd_report_table_get(). */
typedef struct fd_report_table_info {
    const char *key;     /**< unique within its section, e.g. "counts" */
    const char *title;   /**< may be empty */
    size_t column_count; /**< columns: fd_report_column_get() */
    size_t row_count;    /**< rows: fd_report_cell_get() */
} fd_report_table_info;

/** One column of a table, read with fd_report_column_get(). */
typedef struct fd_report_column_info {
    const char *key;            /**< unique within its table, e.g. "count" */
    const char *label;          /**< the heading people read, e.g. "Count" */
    fd_report_column_type type; /**< what the cells hold */
} fd_report_column_info;

/** One cell, read with fd_report_cell_get(). */
typedef struct fd_report_cell {
    int is_null;       /**< 1 when the cell was never set (shown empty; JSON null) */
    int64_t value;     /**< the number of INT, FEN, INSTANT and PERCENT cells; 0 otherwise */
    const char *text;  /**< the cell as people read it, before escaping ("12.34" for
                            1234 fen, "2025-06-10" for a date, the text of a TEXT cell);
                            "" when null */
} fd_report_cell;

/* --- building ------------------------------------------------------------ */

/**
 * Creates an empty report. Free it with fd_report_free().
 * @param out   receives the report
 * @param key   the report's key (see the file comment), e.g. "daily"
 * @param title non-empty UTF-8, e.g. "日报 Daily report"
 * @return ::FD_OK, ::FD_EINVAL (NULL, bad key, bad UTF-8, empty title), ::FD_ERANGE (too long), ::FD_ENOMEM.
 */
FD_API fd_status fd_report_new(fd_report **out, const char *key, const char *title);

/**
 * Appends a meta line shown under the title (site, date, generated at ...).
 * @param report the report
 * @param key    unique among the report's meta lines, e.g. "date"
 * @param label  non-empty UTF-8, e.g. "Date"
 * @param value  UTF-8, may be empty
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE, ::FD_ECONFLICT (key taken), ::FD_ENOMEM.
 */
FD_API fd_status fd_report_meta_add(fd_report *report, const char *key, const char *label, const char *value);

/**
 * Appends a section.
 * @param out_index receives the section's index, for the calls below
 * @param report    the report
 * @param key       unique in the report, e.g. "journal.by_kind" (module.part)
 * @param title     non-empty UTF-8, e.g. "By kind"
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE, ::FD_ECONFLICT, ::FD_ENOMEM.
 */
FD_API fd_status fd_report_section_add(size_t *out_index, fd_report *report, const char *key, const char *title);

/**
 * Appends a table to section @p section.
 * @param out_index receives the table's index within the section
 * @param title     UTF-8, may be empty (a section's only table needs none)
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE (section out of range, text too long),
 *         ::FD_ECONFLICT (key taken in the section), ::FD_ENOMEM.
 */
FD_API fd_status fd_report_table_add(size_t *out_index, fd_report *report, size_t section,
                                     const char *key, const char *title);

/**
 * Appends a column to a table that has no rows yet.
 * @param key   unique in the table, e.g. "count"
 * @param label non-empty UTF-8 heading, e.g. "Count"
 * @param type  an ::fd_report_column_type
 * @return ::FD_OK, ::FD_EINVAL (bad key, label or type: "type: 9 is not a column
 *         type"), ::FD_ERANGE (index), ::FD_ECONFLICT (key taken), ::FD_ESTATE
 *         (the table has rows already), ::FD_ENOMEM.
 */
FD_API fd_status fd_report_column_add(fd_report *report, size_t section, size_t table, const char *key,
                                      const char *label, fd_report_column_type type);

/**
 * Appends a row of null cells to a table; the fd_report_cell_* setters then
 * fill the new (last) row by column index.
 * @return ::FD_OK, ::FD_ERANGE (index), ::FD_ESTATE (the table has no columns), ::FD_ENOMEM.
 */
FD_API fd_status fd_report_row_add(fd_report *report, size_t section, size_t table);

/**
 * Sets a cell of a TEXT column in the table's last row (replacing what it held).
 * @param text UTF-8 of at most ::FD_REPORT_TEXT_MAX bytes; control characters
 *        are kept here and escaped when rendered
 * @return ::FD_OK, ::FD_EINVAL (NULL or bad UTF-8 text, or the column is not
 *         TEXT), ::FD_ERANGE (index, length), ::FD_ESTATE (no row yet), ::FD_ENOMEM.
 */
FD_API fd_status fd_report_cell_text(fd_report *report, size_t section, size_t table, size_t column,
                                     const char *text);

/**
 * Sets a cell of an INT column (a number) or a PERCENT column (hundredths of
 * a percent: 1234 is 12.34%) in the table's last row.
 * @return as fd_report_cell_text(); ::FD_EINVAL when the column is of another type.
 */
FD_API fd_status fd_report_cell_int(fd_report *report, size_t section, size_t table, size_t column,
                                    int64_t value);

/**
 * Sets a cell of a FEN column in the table's last row: @p fen is shown as
 * yuan with two decimals (1234 → "12.34", -5 → "-0.05"), JSON keeps the fen.
 * @return as fd_report_cell_text(); ::FD_EINVAL when the column is not FEN.
 */
FD_API fd_status fd_report_cell_fen(fd_report *report, size_t section, size_t table, size_t column,
                                    int64_t fen);

/**
 * Sets a cell of an INSTANT column in the table's last row.
 * @param at    UTC seconds since the epoch (JSON and the bindings get this)
 * @param local how people read it, e.g. "2025-06-10 08:05" in the site's
 *        zone (the builder formats it); NULL or "" shows the number
 * @return as fd_report_cell_text(); ::FD_EINVAL when the column is not INSTANT.
 */
FD_API fd_status fd_report_cell_instant(fd_report *report, size_t section, size_t table, size_t column,
                                        int64_t at, const char *local);

/**
 * Sets a cell of a DATE column in the table's last row, shown as YYYY-MM-DD.
 * @return as fd_report_cell_text(); ::FD_EINVAL for a bad date or when the column is not DATE.
 */
FD_API fd_status fd_report_cell_date(fd_report *report, size_t section, size_t table, size_t column,
                                     fd_date date);

/**
 * Appends a note (a line of text under the section's tables).
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE, ::FD_ENOMEM.
 */
FD_API fd_status fd_report_note_add(fd_report *report, size_t section, const char *text);

/* --- reading ------------------------------------------------------------- */

/**
 * Reads the report's key, title and counts. Strings in @p out belong to the
 * report and stay valid until fd_report_free(); so do those of the getters below.
 * @return ::FD_OK, ::FD_EINVAL (NULL).
 */
FD_API fd_status fd_report_get(fd_report_info *out, const fd_report *report);

/** Reads meta line @p index. @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE. */
FD_API fd_status fd_report_meta_get(fd_report_meta_info *out, const fd_report *report, size_t index);

/** Reads section @p section. @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE. */
FD_API fd_status fd_report_section_get(fd_report_section_info *out, const fd_report *report, size_t section);

/** Reads table @p table of section @p section. @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE. */
FD_API fd_status fd_report_table_get(fd_report_table_info *out, const fd_report *report, size_t section,
                                     size_t table);

/** Reads a column of a table. @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE. */
FD_API fd_status fd_report_column_get(fd_report_column_info *out, const fd_report *report, size_t section,
                                      size_t table, size_t column);

/** Reads the cell at @p row, @p column of a table. @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE. */
FD_API fd_status fd_report_cell_get(fd_report_cell *out, const fd_report *report, size_t section,
                                    size_t table, size_t row, size_t column);

/** Writes note @p index of section @p section into @p out. @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE, ::FD_ENOMEM. */
FD_API fd_status fd_report_note_get(fd_buf *out, const fd_report *report, size_t section, size_t index);

/* --- rendering ----------------------------------------------------------- */

/**
 * Writes @p report into @p out (replacing its content) in @p format.
 *
 * - ::FD_REPORT_TEXT: the title, "label: value" meta lines, then each section
 *   with its title in brackets, each table with a heading row and a rule,
 *   columns aligned by display width (Chinese counts two columns), numbers
 *   right-aligned, null cells empty, notes as "  * text".
 * - ::FD_REPORT_JSON: one object `{"key","title","meta":[{"key","label","value"}],
 *   "sections":[{"key","title","tables":[{"key","title","columns":[{"key",
 *   "label","type"}],"rows":[[...]]}],"notes":[...]}]}`; cells are typed: text
 *   and date as strings, int, fen (in fen), instant (UTC seconds) and percent
 *   (hundredths) as integers, null as null; the type is "text", "int", "fen",
 *   "instant", "date" or "percent".
 * - ::FD_REPORT_CSV: a UTF-8 BOM (so Excel reads UTF-8), CRLF lines, RFC 4180
 *   quoting (text always quoted, numbers bare); first the title and the meta
 *   lines ("label","value"), then one block per table, after a blank line:
 *   a line naming it ("section key/table key","section title"), the column
 *   labels, the rows; a section's notes form a block "section key/notes".
 *
 * Escaping (every format): user text cannot forge lines or reach a terminal
 * as control. The text and CSV renderers show C0 controls and DEL as `\n`,
 * `\r`, `\t` or `\xHH` (`\x1B`), and C1 controls (U+0080..U+009F), the line
 * and paragraph separators U+2028/U+2029 and the bidirectional controls
 * (U+202A..U+202E, U+2066..U+2069) as `\uXXXX`. JSON escapes `"`, `\` and
 * controls as RFC 8259 asks, and the same characters as `\uXXXX`. CSV also
 * prefixes `'` to a text cell, meta value, title or note starting with
 * `=`, `+`, `-` or `@`, so a spreadsheet does not run it as a formula;
 * numbers are never prefixed.
 *
 * @return ::FD_OK, ::FD_EINVAL (NULL, unknown format), ::FD_ENOMEM. On error
 *         @p out holds the empty string.
 */
FD_API fd_status fd_report_render(fd_buf *out, const fd_report *report, fd_report_format format);

/** Frees a report. NULL is a no-op. */
FD_API void fd_report_free(fd_report *report);

/* --- the daily report (R-COM-4) ------------------------------------------ */

/**
 * Builds the daily report of the actor's site for local day @p date (the
 * site's time zone, via ICU), read through the store's record API as the
 * actor sees it: phone and ID numbers in details masked unless the actor
 * reveals them (R-COM-2, logged). Key "daily", meta lines site, site_code,
 * date, time_zone, generated (the actor's instant) and total, and the sections
 * "journal.by_kind" (entity, action, count), "journal.by_staff" (staff_id,
 * code, name, count) and "journal.entries" (at, staff, entity, entity_id,
 * action, detail). Modules add their sections to the result as they land;
 * the complaints module's (R-COM-4, R-CPL-2) are "complaints.summary" (key,
 * item, count: received in the day, resolved — acceptance signed — in the
 * day, breached — target breaches recorded in the day —, due_tomorrow — open
 * targets not paused due the next local day), "complaints.received" (the
 * day's complaints, a row per target in force: id, received_at, severity,
 * category, state, target, due_at, status met / breached / paused / open /
 * not started, provisional) and "complaints.unanswered" (the complaints
 * received the day BEFORE, not closed, without a first contact, answer or
 * reply: id, received_at, severity, category, customer, contact — masked —,
 * what).
 * @param language the words of titles, labels and headers: "zh" (also NULL,
 *        the default: 日报, 按类别, 时间 ...) or "en" (Daily report, By kind,
 *        Time ...); keys and values are the same in both
 * @return ::FD_OK, ::FD_EINVAL (bad date, actor or language), ::FD_ENOTFOUND
 *         (no such site), ::FD_EPERM (actor), ::FD_EIO.
 */
FD_API fd_status fd_report_daily_new(fd_report **out, fd_store *store, const fd_actor *actor, fd_date date,
                                     const char *language);

/**
 * @deprecated use fd_report_daily_new() with an actor: this one acts as the
 * system at site @p site_id, now (masked output, "generated" from the clock).
 */
FD_API FD_STORE_DEPRECATED("use fd_report_daily_new") fd_status fd_report_daily(fd_report **out, fd_store *store,
    int64_t site_id, fd_date date);

/* --- the complaints month report (R-CPL-6) ------------------------------ */

/**
 * Builds the complaints month report of the actor's site (R-CPL-6,
 * 顾客投诉分类统计表) for its local month @p year - @p month, from
 * fd_store_complaint_stats() (see fd_complaint_stats for every definition:
 * the local month by `received_at`, resolved, within target, nearest rank).
 * Key "complaints.month"; meta lines site, site_code, month ("2026-10"),
 * time_zone, calendar_version (the holiday data the working time was counted
 * on), provisional (是/否, yes/no: some working time fell on days past that
 * data), generated (the actor's instant, site time) and total (complaints
 * received). Sections, each one table "rows":
 * - "complaints.summary" (key, item, value int, share percent): received;
 *   valid, invalid, unassessed, open (shares of received); resolved;
 *   resolved_in_time (share of resolved); reopened (share of received: the
 *   reopen rate); reopens; resolve_median_s and resolve_p90_s — times are
 *   WORKING SECONDS as int cells, the unit named in the label;
 * - "complaints.by_severity" (always major, important, minor),
 *   "complaints.by_category" (most first; label: the built-in code's
 *   Chinese label, else the site's category's), "complaints.by_department"
 *   (key the id or "unassigned"; label the department's name from the
 *   register, 未指派/unassigned) and "complaints.by_validity" (valid, invalid,
 *   unassessed), each with columns key, label, count, resolved,
 *   resolved_in_time, resolved_in_time_share (percent), resolve_median_s,
 *   resolve_p90_s (working seconds);
 * - "complaints.satisfaction" (key, item, value, share): satisfied, average,
 *   unsatisfied (shares of the followed-up ones), followed_up.
 * A share with nothing to divide by, and a time with no complaint resolved,
 * is a null cell (JSON null, empty in text and CSV).
 * @param language "zh" (also NULL, the default) or "en": titles and labels;
 *        keys and values are the same in both
 * @return ::FD_OK (a month without complaints: zeros and null shares);
 *         ::FD_EINVAL (NULL, language); ::FD_ERANGE (`month` not 1..12, a year
 *         outside the calendar's years); ::FD_EPERM (actor); ::FD_EDATA; ::FD_EIO;
 *         ::FD_ENOMEM.
 */
FD_API fd_status fd_report_complaints_month_new(fd_report **out, fd_store *store, const fd_actor *actor, int year,
                                                int month, const char *language);

/* --- the cash desk's day (R-FEE-9) -------------------------------------- */

/**
 * Builds the collection report of local day @p day at the actor's site
 * (R-FEE-9, R-FEE-4): meta (site, date, whether the day is closed);
 * "fees.summary" (collected, by method, by fee item, receipts used and
 * voided, refunded, gaps, closed — as the daily report's fees section);
 * "fees.by_staff", "fees.by_method", "fees.by_item" (count, amount in fen);
 * "fees.series" (each receipt series: the day's first and last number,
 * used, voided, and the gaps found over the whole series, "none" when
 * intact); "fees.ledger" (客户收款明细表: every payment with its time, unit,
 * payer masked unless revealed, method, amount, receipt number and state).
 * @p language "zh" (default) or "en". Render it with fd_report_render().
 */
FD_API fd_status fd_report_fees_day_new(fd_report **out, fd_store *store, const fd_actor *actor, fd_date day,
                                        const char *language);

/* --- the plans month report (R-PLN-5) ----------------------------------- */

/**
 * Builds the plans month report of the actor's site (R-PLN-5: the monthly
 * summary of visits and callbacks, with recurring problems for the analysis
 * report) for its local month @p year - @p month, from fd_store_plan_summary()
 * (see ::fd_plan_summary for every definition: tasks DUE in the month; missed
 * and pending at the actor's instant) and fd_store_recurring_problems() over
 * the 90 days up to the month's end. Key "plans.month"; meta lines site,
 * site_code, month ("2026-04"), time_zone, generated (the actor's instant,
 * site time), total (visits, callbacks and follow-ups due). Sections, each
 * one table "rows":
 * - "plans.summary": rows visits, callbacks, member_callbacks, followups with
 *   columns key, item, due, done, in_time, in_time_share (percent of due),
 *   missed, pending, satisfied, average, unsatisfied, satisfied_share
 *   (percent of done); a share with nothing to divide by is null;
 * - "plans.questions" (key, item, value): questions, questions_answered,
 *   visits_cancelled, callbacks_closed, followups_not_fixed, followups_superseded;
 * - "plans.recurring": kind (unit, category), unit_id (null for a category),
 *   category, count (most in 90 days), first_at, last_at (instants), total.
 * @param language "zh" (also NULL) or "en": titles and labels.
 * @return ::FD_OK; ::FD_EINVAL (NULL, language); ::FD_ERANGE (month, year);
 *         ::FD_EPERM (actor); ::FD_EDATA; ::FD_EIO; ::FD_ENOMEM.
 */
FD_API fd_status fd_report_plans_month_new(fd_report **out, fd_store *store, const fd_actor *actor, int year,
                                           int month, const char *language);

/** Number of journal entries a daily report counted; 0 for NULL and for other reports. */
FD_API int64_t fd_report_total(const fd_report *report);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_REPORT_H */
