/*
 * Private helpers shared by every module of libfrontdesk. Not installed.
 * Names start with fd__ (two underscores) and are never exported: the library
 * is built with -fvisibility=hidden and only FD_API functions are visible.
 */
#ifndef FRONTDESK_INTERNAL_H
#define FRONTDESK_INTERNAL_H

#include "frontdesk/common.h"
#include "frontdesk/policy.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>

#include <unicode/utf8.h>
#include <unicode/utypes.h>

#if defined(__GNUC__)
#define FD__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define FD__PRINTF(f, a)
#endif

/* --- errors (error.c) --------------------------------------------------- */

/*
 * Records the calling thread's last error and returns @code, so that callers
 * write `return fd__error(FD_EINVAL, "fd_x: name: ...")`. The message is made
 * valid UTF-8 (bad bytes become \xNN) and cut at a character boundary.
 */
fd_status fd__error(fd_status code, const char *fmt, ...) FD__PRINTF(2, 3);
fd_status fd__errorv(fd_status code, const char *fmt, va_list ap);

/*
 * Keeps the last error across clean-up code that may record errors of its own
 * (a rollback after a failed write): save, clean up, return fd__error_restore().
 */
typedef struct fd__saved_error {
    fd_status code;
    char message[1024];
} fd__saved_error;
void fd__error_save(fd__saved_error *saved);
fd_status fd__error_restore(const fd__saved_error *saved);

/*
 * Records @code with a message made of @fmt's context, ": ", and the calling
 * thread's previous message (a cause from a lower layer). Safe where passing
 * fd_error_last()->message to fd__error would format a buffer into itself.
 */
fd_status fd__error_context(fd_status code, const char *fmt, ...) FD__PRINTF(2, 3);

/*
 * Re-records the last error, "other_fn: field: what", as "fn: qname: what"
 * (@qname NULL: "fn: field: what"), so that a refusal names the function the
 * caller called and the record's field. Returns @rc.
 */
fd_status fd__error_rename(fd_status rc, const char *fn, const char *qname);

/* Records FD_ENOMEM for function @fn. */
fd_status fd__oom(const char *fn);

/*
 * The status for a failed ICU call: FD_ENOMEM when ICU ran out of memory (a
 * fault, not bad input), else @otherwise. Use it wherever an ICU error becomes
 * a status, so that an allocation failure is never reported as a bad argument.
 */
static inline fd_status fd__icu_status(UErrorCode err, fd_status otherwise)
{
    return err == U_MEMORY_ALLOCATION_ERROR ? FD_ENOMEM : otherwise;
}

/* --- argument checks (utf8.c) ------------------------------------------ */

/* True when s[0..len) is well-formed UTF-8 (no overlongs, surrogates, > U+10FFFF). */
bool fd__utf8_valid(const char *s, size_t len);

/*
 * Checks a required UTF-8 string argument: not NULL, valid UTF-8, at most
 * @max_bytes bytes (0 = no limit) and, when @nonempty, not empty.
 * On failure records FD_EINVAL / FD_ERANGE naming @fn and @field.
 */
fd_status fd__check_text(const char *fn, const char *field, const char *s,
                         size_t max_bytes, bool nonempty);

/*
 * True when valid UTF-8 @s (NULL counts) holds nothing but Unicode White_Space
 * (U+0020, U+3000 the ideographic space, U+00A0, tabs, line breaks ...): a
 * required text that is blank was not given, whatever its bytes.
 */
bool fd__text_blank(const char *s);

/* Checks a code: 1..FD_CODE_MAX bytes of [A-Za-z0-9._-] (lower case only when @lower). (check.c) */
fd_status fd__check_code(const char *fn, const char *field, const char *code, bool lower);

/*
 * Checks free text the caller gives beside a record (a note, an outcome, a
 * reason): NULL or "" allowed unless @required, valid UTF-8, not blank when
 * @required (white space only is not given), at most @max bytes, no control
 * characters but tab and line breaks. Never quoted: it may hold personal
 * data. (check.c)
 */
fd_status fd__check_note(const char *fn, const char *field, const char *text, size_t max, bool required);

/* Checks that pointer argument @p is not NULL. */
fd_status fd__check_ptr(const char *fn, const char *field, const void *p);

/*
 * How error messages quote a phone or ID number that may be personal data
 * (R-COM-2): at most its first 3 and last 2 characters, and its length,
 * e.g. "'138****78' (11 characters)" for "13812345678"; bytes instead of
 * characters when @s is not valid UTF-8. Never the whole text.
 */
#define FD__REDACT_MAX 64
void fd__redact(char out[FD__REDACT_MAX], const char *s);

/* fd__check_text(fn, field, s, 0, false) for personal numbers: the message quotes @s redacted. */
fd_status fd__check_text_redacted(const char *fn, const char *field, const char *s);

/*
 * qsort(3) of @n elements of @base, and nothing for fewer than two: qsort's
 * base must be a real array even for none (C11 7.22.5), and an empty list
 * is often a NULL one (UBSan's nonnull check found one in CI).
 */
static inline void fd__qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

/*
 * The next code point of already-validated UTF-8; advances *s. Inline because
 * the text module's hot loops (pinyin, normalisation) call it per character.
 */
static inline uint32_t fd__utf8_next(const unsigned char **s)
{
    const uint8_t *p = *s;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT_UNSAFE(p, i, c);
    *s = p + i;
    return (uint32_t)c;
}

/* Encodes code point @c as UTF-8 into out[0..4), without a NUL; returns its length. */
static inline size_t fd__utf8_put(char *out, uint32_t c)
{
    int32_t n = 0;
    U8_APPEND_UNSAFE((uint8_t *)out, n, (UChar32)c);
    return (size_t)n;
}

/*
 * Characters that could forge lines or reorder text on a terminal, a printer or
 * a spreadsheet: C0 and C1 controls, DEL, the line and paragraph separators and
 * the bidirectional embeddings, overrides and isolates. Renderers escape them;
 * names and codes refuse them.
 */
static inline bool fd__char_unsafe(uint32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

/* Copies a checked string of at most cap-1 bytes into a fixed array. */
void fd__copy_fixed(char *dst, size_t cap, const char *src);

/* --- folding what people type (fold.c) --------------------------------- */

/* What fd__fold_char() folds; combine with |. */
enum fd__fold {
    FD__FOLD_WIDTH = 1, /* full-width ASCII U+FF01..U+FF5E to ASCII, ￥ U+FFE5 to ¥ U+00A5 */
    FD__FOLD_SPACE = 2, /* ideographic space U+3000, no-break space U+00A0 and tab to ' ' */
    FD__FOLD_MINUS = 4, /* minus sign U+2212 to '-' */
    FD__FOLD_DASH = 8   /* the minus sign, hyphens and dashes U+2010..U+2014 and U+30FC to '-' */
};

/*
 * Code point @c with the foldings of @what applied, for parsers of numbers
 * (money, phone, idcard) that accept what a Chinese input method types.
 * Text that is stored or searched goes through NFKC instead (text module).
 */
uint32_t fd__fold_char(uint32_t c, unsigned what);

/* --- buffers (buf.c) ---------------------------------------------------- */

/* Makes room for @extra more bytes plus a NUL. */
fd_status fd__buf_grow(fd_buf *b, size_t extra);
/*
 * Empties the buffer (keeps its memory); NULL is a no-op. A public function
 * writing an fd_buf calls it first, before any check, so that every failure
 * leaves the empty string (common.h).
 */
void fd__buf_clear(fd_buf *b);
fd_status fd__buf_put(fd_buf *b, const char *s, size_t len);
fd_status fd__buf_puts(fd_buf *b, const char *s);
fd_status fd__buf_printf(fd_buf *b, const char *fmt, ...) FD__PRINTF(2, 3);
/* Appends @s as the body of a JSON string (no quotes), escaping as RFC 8259 asks. */
fd_status fd__buf_json_str(fd_buf *b, const char *s);

/* --- dates and time (date.c) ------------------------------------------ */

/* Days since 1970-01-01 of a (valid) civil date, and back (H. Hinnant's algorithm). */
int64_t fd__days_from_civil(int32_t y, int32_t m, int32_t d);

/* -1, 0 or 1 as date @a is before, the same as or after @b. */
int fd__date_cmp(fd_date a, fd_date b);
fd_date fd__civil_from_days(int64_t days);
/* Days in month @m of year @y. */
int fd__days_in_month(int32_t y, int32_t m);

/* Current time, seconds since the epoch (UTC). */
int64_t fd__now(void);

/*
 * A time zone opened once through ICU (a UCalendar) and reused: open it
 * outside loops. NULL with FD_EINVAL recorded for a zone ICU does not know.
 */
typedef struct fd__zone fd__zone;
fd__zone *fd__zone_open(const char *fn, const char *field, const char *tz);
void fd__zone_close(fd__zone *zone);

/*
 * The UTC instant (floored to the second) of local midnight starting the day
 * @days after 1970-01-01 in @zone. ICU failures are left in *err.
 */
int64_t fd__zone_midnight(fd__zone *zone, int64_t days, UErrorCode *err);

/* UTC instants [*start, *end) of local day @date: 23 or 25 hours on DST days. */
fd_status fd__zone_day_bounds(fd__zone *zone, const char *fn, fd_date date, int64_t *start, int64_t *end);

/* Local time of @at as "YYYY-MM-DD HH:MM" into @out (at least 32 bytes). */
fd_status fd__zone_format(fd__zone *zone, const char *fn, int64_t at, char out[32]);

/*
 * The UTC instant of local time @local (already checked: a real day, 0..23,
 * 0..59, 0..59) in @zone, by fd_instant_from_local()'s rule: a time skipped by
 * the spring change is read one gap later, a repeated one as the first. For
 * parsers that convert many times in one zone (CDR import) without reopening
 * it. Errors name @fn and @field.
 */
fd_status fd__zone_from_local(fd__zone *zone, const char *fn, const char *field, fd_local_time local, int64_t *out);

/* Local date, time and offset of @at in @zone. */
fd_status fd__zone_local(fd__zone *zone, const char *fn, int64_t at, fd_local_time *out);

/* Writes @t as ISO 8601 with offset ("2026-11-20T08:41:00+08:00") into @out. */
fd_status fd__format_local(fd_buf *out, const fd_local_time *t);

/*
 * A length of time as a refusal says it, in words, never raw seconds: "45 s",
 * "30 min", "1 h 31 min", "2 h", "3 d 4 h" (whole units, rounded down; the
 * sign is dropped: the message says before or after).
 */
#define FD__DURATION_MAX 32
void fd__duration_words(char out[FD__DURATION_MAX], int64_t seconds);

/* FD_ERANGE naming @fn and @field unless FD_INSTANT_MIN <= @at <= FD_INSTANT_MAX. */
fd_status fd__check_instant(const char *fn, const char *field, int64_t at);

/* Checks that @tz names a time zone ICU knows. */
fd_status fd__check_time_zone(const char *fn, const char *field, const char *tz);

/* Checks that @date is a real day in 0001..9999; the message names @fn and @field. */
fd_status fd__check_date(const char *fn, const char *field, fd_date date);

/* --- visitors (visitors/visitors.c) --------------------------------------- */

/*
 * fd_visit_validate()'s checks, errors naming @fn, also giving what the store
 * keeps of the phone (the national form, '-' and an extension) and the plate
 * (canonical), each "" when none: each is parsed once.
 */
struct fd_visit;
fd_status fd__visit_validate(const char *fn, const struct fd_visit *visit, char phone[48], char plate[64]);

/*
 * R-VIS-4: the code written on a counted item as it is stored and looked up:
 * NFKC (ｖ０１ is v01), ASCII letters upper case (v01 is V01), into @out.
 * FD_EINVAL naming @field for NULL, empty or bad UTF-8.
 */
fd_status fd__item_code_fold(fd_buf *out, const char *fn, const char *field, const char *code);

/* fd_counted_item_validate()'s checks, errors naming @fn, giving the code as stored into @code. */
struct fd_counted_item;
fd_status fd__counted_item_validate(const char *fn, const struct fd_counted_item *item, fd_buf *code);

/*
 * fd_goods_permit_validate()'s checks, errors naming @fn, giving the permit's
 * items canonical (fd_goods_items_parse()) into @items: the record is checked
 * as it is stored.
 */
struct fd_goods_permit;
fd_status fd__goods_permit_validate(const char *fn, const struct fd_goods_permit *permit, fd_buf *items);

/*
 * fd_visit_overstay()'s rule in an open @zone (the store keeps one per site),
 * over what it needs of a visit: when they arrived (0: not), left (0: not)
 * and were planned to leave (0: no window). *@reason and *@since as in
 * ::fd_overstay (0 and 0 when not overstaying).
 */
fd_status fd__visit_overstay_in(fd__zone *zone, const char *fn, int64_t arrived_at, int64_t departed_at,
                                int64_t planned_until, int64_t now, const fd_policy *policy, int *reason,
                                int64_t *since);

/*
 * --- the daily report's visitors section (store/visitors_stats.c) ------
 * A private query of the store for the report (report/daily_visitors.c),
 * which reads everything else through the public API: the report's tables
 * of visits by purpose and by host organisation are its only users, so they
 * are not public API (fd_store_visit_stats() is, for the counts).
 */

/* What fd__store_visit_groups() groups by. */
enum fd__visit_group { FD__VISIT_BY_PURPOSE = 0, FD__VISIT_BY_ORGANISATION = 1 };

/* One group: what the visits share (NULL: no host organisation) and how many there are. */
typedef struct fd__visit_group_row {
    char *text;
    int64_t visits;
} fd__visit_group_row;

/*
 * The visits of the actor's site that arrived in [@from, @to) (one range of
 * the index visits_site_arrived), grouped @by (an enum fd__visit_group):
 * their purpose, spellings the search fold makes one (fd__text_search_fold():
 * 送貨 and 送货, full-width and ASCII forms, white space) in one group shown
 * as its most frequent spelling as typed, with any phone, ID or passport
 * number masked (fd_pii_mask_text(): the report never reveals a purpose, nor
 * logs it), a blank purpose in none; or their host organisation's name (NULL
 * for visits without one: occupants and hosts named in text). Most visits
 * first; among as many, in pinyin order, none last. *@rows is malloc'ed
 * (fd__visit_groups_free()), *@n rows.
 */
struct fd_store;
struct fd_actor;
fd_status fd__store_visit_groups(fd__visit_group_row **rows, size_t *n, struct fd_store *s,
                                 const struct fd_actor *actor, int64_t from, int64_t to, int by);
void fd__visit_groups_free(fd__visit_group_row *rows, size_t n);

/*
 * --- the complaints' reports (store/complaints_day.c) --------------------
 * Private queries of the store for the complaints month report
 * (report/complaints_month.c) and the daily report's complaints section
 * (report/daily_complaints.c), which read the records through the public API.
 */

/* The holiday data version of the calendar the store counts site @site_id's working time on, into @out. */
fd_status fd__store_calendar_version(fd_buf *out, struct fd_store *s, const char *fn, int64_t site_id);

/* The day's complaint counts of the actor's site (R-COM-4), each one range of an index. */
typedef struct fd__complaint_day {
    int64_t received;     /* received in [a, b) (complaints_site_received) */
    int64_t resolved;     /* valid, accepted in [a, b) and not reopened since (complaints_site_accepted) */
    int64_t breached;     /* targets whose breach was recorded in [a, b) (complaint_targets_site_breached) */
    int64_t due_tomorrow; /* open targets (not met, superseded or paused) due in [b, @tomorrow_end)
                             (complaint_targets_site_queue) */
} fd__complaint_day;

fd_status fd__store_complaint_day(fd__complaint_day *out, struct fd_store *s, const struct fd_actor *actor,
                                  const char *fn, int64_t a, int64_t b, int64_t tomorrow_end);
/* Its four statements (received, resolved, breached, due), for the tests' EXPLAIN QUERY PLAN. */
extern const char *const fd__complaint_day_sql[4];

/*
 * --- the repairs' day (store/plans_repairs.c, issue 15) -------------------
 * The day's counts of the daily report's repairs section (report/daily_repairs.c;
 * R-PLN-1, R-PLN-6), each one range of an index, at the actor's site.
 */
typedef struct fd__repair_day {
    int64_t received;         /* work orders received in [a, b) (repairs_site_received) */
    int64_t open;             /* received before b, neither done nor closed now (repairs_handler_open) */
    int64_t done;             /* done steps recorded in [a, b), a rework's second done too (repair_events_site_kind) */
    int64_t followups_due;    /* open follow-ups due in [a, b) (followups_site_due) */
    int64_t followups_missed; /* open follow-ups past due at min(b, the actor's instant) (followups_site_due) */
} fd__repair_day;

fd_status fd__store_repair_day(fd__repair_day *out, struct fd_store *s, const struct fd_actor *actor, const char *fn,
                               int64_t a, int64_t b);
/* Its statement (five counts), for the tests' EXPLAIN QUERY PLAN. */
extern const char *const fd__repair_day_sql;

/*
 * --- the callbacks' day (store/plans_callbacks.c, issue 15) ---------------
 * The counts of the daily report's callbacks section (report/daily_callbacks.c;
 * R-PLN-2), each one range of callbacks_site_due, at the actor's site.
 */
typedef struct fd__callback_day {
    int64_t due;         /* open callbacks due in [a, b) */
    int64_t overdue;     /* open callbacks past due at min(b, the actor's instant) */
    int quiet_now;       /* 1: the actor's instant is in [a, b) and in quiet hours */
    int64_t quiet_until; /* then: the next instant a call may be placed, else 0 */
    int64_t waiting;     /* then: open callbacks due by now, held until quiet_until; else 0 */
} fd__callback_day;

fd_status fd__store_callback_day(fd__callback_day *out, struct fd_store *s, const struct fd_actor *actor,
                                 const char *fn, int64_t a, int64_t b);
/* Its statement (three counts), for the tests' EXPLAIN QUERY PLAN. */
extern const char *const fd__callback_day_sql;

/* --- text (text/text_search.c) ------------------------------------------ */

/*
 * What fd_text_search_query() folds @s to — NFKC, Traditional → Simplified,
 * case folded, white space gone (送貨 and 「送货　」 are 送货) — whole, not cut
 * to a key's length: for grouping texts that people spell differently.
 */
fd_status fd__text_search_fold(fd_buf *out, const char *s);

/* --- personal data in free text (pii/pii_text.c) ----------------------- */

/*
 * fd_pii_mask_text() masking only the ID numbers and the passport-like
 * numbers of @text (valid UTF-8), leaving phone numbers: what free text shows
 * an actor who reveals personal data — an ID number is revealed only by
 * fd_store_visit_id_reveal() (R-COM-2). *@count (may be NULL) gets how many.
 */
fd_status fd__pii_mask_ids(fd_buf *out, int64_t *count, const char *text);

/* --- policy values for rule code (policy/policy.c) --------------------- */

/*
 * Typed, index-based access to policy values, for rule code in hot paths of
 * any module (calendar, and the domain modules above it): an enum per key of
 * policy/policy_keys.def, so a rule reads FD__POL_CALL_MAX_RINGS without a
 * string look-up. Shared here, not in a header of the policy module, because
 * no module includes another module's private headers (abi.layers).
 */
typedef enum fd__policy_id {
#define FD_POLICY_KEY(id, key, def, min, max, unit, rule, desc) FD__POL_##id,
#include "policy/policy_keys.def"
#undef FD_POLICY_KEY
    FD__POL_COUNT
} fd__policy_id;

/* The value of key @id in @p, or its default when @p is NULL. Never fails. */
int64_t fd__policy_value(const fd_policy *p, fd__policy_id id);

/* Index of @key, or -1. */
int fd__policy_index(const char *key);

/*
 * Deadline units (enum fd_calendar_unit in policy.h), shared by the policy
 * (a deadline key's unit) and the calendar (which counts them): the name of
 * @unit ("working_days"; "" when unknown), and the unit of @name (0 when none).
 */
const char *fd__unit_name(int unit);
int fd__unit_from_name(const char *name);
#define FD__UNIT_COUNT 8 /* one past the last FD_CALENDAR_UNIT_* */

/*
 * Code lists of the domain modules: a record's code fields (a call's
 * disposition, a visit's state) hold lower-case ASCII codes; each has a
 * Chinese label and other words people use for it. A list ends with a NULL
 * code; a module keeps its lists in one fd__code_lists.
 */
typedef struct fd__code {
    const char *code;       /* stored: "no_answer" */
    const char *label;      /* Simplified Chinese: "未接" */
    const char *aliases[4]; /* other Simplified words for it, NULL-terminated */
} fd__code;
typedef struct fd__code_list {
    const char *field; /* "disposition" */
    const fd__code *codes;
} fd__code_list;
typedef struct fd__code_lists {
    const fd__code_list *v;
    size_t n;
} fd__code_lists;

/* List @field of @ls, NULL when there is none. */
const fd__code *fd__codes_of(const fd__code_lists *ls, const char *field);

/* The label of @code in list @field, NULL when either is unknown. */
const char *fd__code_label(const fd__code_lists *ls, const char *field, const char *code);

/* FD_EINVAL naming @qname ("call.disposition") and listing the codes with
 * their labels unless @code is in list @field; NULL or "" pass when @optional. */
fd_status fd__code_check(const fd__code_lists *ls, const char *fn, const char *qname, const char *field,
                         const char *code, bool optional);

/* The code for @text as people type it: the code itself, its label or an
 * alias, after the search fold (NFKC, Traditional to Simplified, case, white
 * space: 帶上樓 and ＢＲＩＮＧ_ＵＰ are bring_up), into @out. FD_EINVAL naming
 * `field` for an unknown list and `text` for an unknown word. */
fd_status fd__code_parse(fd_buf *out, const fd__code_lists *ls, const char *fn, const char *field, const char *text);

/* --- the search fold with its source spans (text/text_fold_spans.c) ------ */

/* For each byte a fold wrote, the bytes [from, to) of the source it came from. */
typedef struct fd__fold_spans {
    size_t *from, *to;
    size_t cap;
} fd__fold_spans;

/*
 * Appends to @out the search fold of @s[0..len) (valid UTF-8) — NFKC,
 * Traditional to Simplified, case, ü as v, white space removed, as
 * fd_text_search_query() folds, without its cut — and, when @spans is not
 * NULL, for each byte it appends (at out->size before + i) the source span
 * it came from: the character, with the marks that combine with it, it is
 * the fold of. Folded piece by piece, so Traditional is converted character
 * by character, never by phrase: fold both sides of a comparison with it.
 * (R-CPL-7: a forbidden phrase is shown where the clerk typed it.)
 */
fd_status fd__text_fold_spans(fd_buf *out, fd__fold_spans *spans, const char *s, size_t len);
void fd__fold_spans_dispose(fd__fold_spans *spans);

/* --- complaints (complaints/reply.c) -------------------------------------- */

/* R-CPL-7: the built-in forbidden phrases, one per line, as fd_reply_check() takes them. */
const char *fd__reply_builtin(void);

/* How many phrases fd_reply_check() takes at most (the built-in ones and a site's). */
#define FD__REPLY_PHRASES_MAX 200

/* (complaints/stats.c) The store's month is final: drops the accumulator's
 * calendar (the store's, which it may rebuild); a later add is FD_ESTATE. */
struct fd_complaint_stats;
void fd__complaint_stats_seal(struct fd_complaint_stats *st);

#endif /* FRONTDESK_INTERNAL_H */
