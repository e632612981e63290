/**
 * @file frontdesk/calendar.h
 * @brief Working calendar and deadline engine: public holidays with make-up
 *        working days (调休), business and quiet hours in the site's time zone,
 *        deadlines in hours, working days and "the same day", pausable SLA
 *        clocks, lunar festivals and the phone greeting.
 *
 * A calendar (::fd_calendar) holds one holiday data set: the built-in data of
 * mainland China (fd_calendar_new(), taken from the State Council's notices
 * for the years it covers) or a site's own file (fd_calendar_load(); the file
 * format is in docs/modules/calendar.md). Each day has a type
 * (`FD_CALENDAR_DAY_*`): a make-up working day ADDS a working day on a weekend.
 * Past the end of the data the calendar derives a provisional year from the
 * law (the statutory holidays, lunar dates through ICU, 清明 from the solar
 * term; weekends; no make-up days), and every answer that depends on such a
 * day says so (fd_calendar_is_provisional(), fd_calendar_deadline_info(),
 * fd_sla_version()); the policy key `calendar.beyond_data` may ask for weekends
 * only or for an ::FD_EDATA error instead. Before the data a date is
 * ::FD_EDATA naming the year.
 *
 * A site's own file (`extends builtin`) is a layer on the national calendar:
 * its closures, extra working days and business hours change the days it
 * names and nothing else (docs/modules/calendar.md).
 *
 * Deadlines (R-CPL-2, R-CALL-9, R-PLN-1, R-PLN-2) are instants, `int64_t` UTC
 * seconds: the last second that is still on time, so a deadline is breached
 * when `now > due`. The receipt day never counts.
 *
 * Thread safety: a calendar may be read (every function taking a
 * `const fd_calendar *`) from several threads at once; the setters need
 * exclusive use. An ::fd_sla is used by one thread at a time; it holds a
 * reference to its calendar, which therefore lives until both
 * fd_calendar_free() and the last clock's fd_sla_free() are called. A calendar
 * changed (a setter, fd_calendar_add_file()) while clocks count on it changes
 * their later answers too.
 */
#ifndef FRONTDESK_CALENDAR_H
#define FRONTDESK_CALENDAR_H

#include "common.h"
#include "policy.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A working calendar: holiday data, business hours, quiet hours, time zone. */
typedef struct fd_calendar fd_calendar;

/** A pausable SLA clock over a calendar. */
typedef struct fd_sla fd_sla;

/** Day types, as fd_calendar_day_type() reports them. */
enum fd_calendar_day_kind {
    FD_CALENDAR_DAY_WORKDAY = 0,        /**< an ordinary working day (Monday to Friday) */
    FD_CALENDAR_DAY_WEEKEND = 1,        /**< an ordinary weekend rest day */
    FD_CALENDAR_DAY_HOLIDAY = 2,        /**< a rest day of a public holiday period */
    FD_CALENDAR_DAY_MAKEUP_WORKDAY = 3, /**< a weekend day that is a working day (调休上班) */
    FD_CALENDAR_DAY_CLOSED = 4          /**< a site's own closure (a rest day, not a public holiday) */
};

/* The deadline units (enum fd_calendar_unit, FD_CALENDAR_UNIT_*) are declared
 * in policy.h, which this header includes: a policy value can be a deadline. */

/** What the calendar answers for days past its holiday data (policy key `calendar.beyond_data`). */
enum fd_calendar_beyond {
    FD_CALENDAR_BEYOND_PROVISIONAL = 0, /**< a provisional year: the statutory holidays by law, weekends, no 调休 (default) */
    FD_CALENDAR_BEYOND_WEEKENDS = 1,    /**< Monday to Friday are working days, nothing else */
    FD_CALENDAR_BEYOND_ERROR = 2        /**< ::FD_EDATA naming the year */
};

/** The time of a pause still running, as fd_sla_pause_get() gives it and fd_sla_restore() takes it. */
#define FD_SLA_OPEN INT64_MAX

/* --- creating -------------------------------------------------------- */

/**
 * A calendar with the built-in holiday data of mainland China, business hours
 * 08:30-12:00 and 13:30-17:30, quiet hours 00:00-08:00, 12:00-14:00 and
 * 20:00-24:00 (R-PLN-2), time zone Asia/Shanghai and policy defaults.
 * Free with fd_calendar_free().
 * @return ::FD_OK, ::FD_EINVAL (@p out is NULL), ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_calendar_new(fd_calendar **out);

/**
 * A calendar from a holiday data file (format: docs/modules/calendar.md). A file
 * whose header says `extends builtin` adds to the built-in data: as a layer of a
 * site's own days (the default, `scope site`: its closures and extra working
 * days change only the days it names, the national holidays stay), or as more
 * national data (`scope national`: the official schedule of a later year,
 * which moves the end of the data). Any other file stands alone (another
 * region). A file may set `business_hours` and `quiet_hours`.
 * @return ::FD_OK; ::FD_EINVAL (NULL or bad UTF-8 path); ::FD_EIO (cannot read
 *         the file); ::FD_EDATA (malformed: the message gives "line N" and what
 *         is wrong); ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_calendar_load(fd_calendar **out, const char *path);

/**
 * As fd_calendar_load(), from the text of a data file held in memory.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_EDATA (with "line N"), ::FD_ENOMEM.
 */
FD_API fd_status fd_calendar_load_data(fd_calendar **out, const char *text);

/**
 * Adds a data file to @p cal: a layer of a site's days, or national data
 * continuing the calendar's (`scope national`, which must leave no gap and
 * match the region), as fd_calendar_load() describes; the file must say
 * `extends builtin` (it adds to what the calendar holds). Layers apply in the
 * order added, after the national data. The version becomes
 * "<version>+<the file's version>".
 * @return ::FD_OK; ::FD_EINVAL; ::FD_EIO; ::FD_EDATA (malformed, with "line N";
 *         a file that does not extend; a gap or another region); ::FD_ERANGE
 *         (the version would pass 255 bytes); ::FD_ENOMEM. On error @p cal is unchanged.
 * Thread safety: needs exclusive use of @p cal.
 */
FD_API fd_status fd_calendar_add_file(fd_calendar *cal, const char *path);

/** As fd_calendar_add_file(), from the text of a data file held in memory. */
FD_API fd_status fd_calendar_add_data(fd_calendar *cal, const char *text);

/**
 * Drops the caller's reference to a calendar; it is freed once no ::fd_sla
 * counts on it either. NULL is a no-op.
 */
FD_API void fd_calendar_free(fd_calendar *cal);

/* --- what the data is ------------------------------------------------ */

/** The data's version, e.g. "CN-2026.1" (records store it beside deadlines). */
FD_API fd_status fd_calendar_version(fd_buf *out, const fd_calendar *cal);

/** The data's region, e.g. "CN". */
FD_API fd_status fd_calendar_region(fd_buf *out, const fd_calendar *cal);

/** The first date the holiday data covers. */
FD_API fd_status fd_calendar_coverage_start(fd_date *out, const fd_calendar *cal);

/** The last date the holiday data covers (national data; a site's layer does not move it). */
FD_API fd_status fd_calendar_coverage_end(fd_date *out, const fd_calendar *cal);

/**
 * The last date the calendar answers past its data (provisional or weekends
 * only, as `calendar.beyond_data` says), ten years after the data's last year.
 * @return ::FD_OK; ::FD_ENOTFOUND when days past the data are refused
 *         (`calendar.beyond_data` = 2).
 */
FD_API fd_status fd_calendar_provisional_until(fd_date *out, const fd_calendar *cal);

/**
 * Whether answers about @p date come from days past the holiday data
 * (a provisional year, or weekends only): 1 or 0. Such answers are to be
 * recomputed once the official schedule is loaded.
 * @return ::FD_OK; ::FD_EINVAL (not a real date).
 */
FD_API fd_status fd_calendar_is_provisional(int *out, const fd_calendar *cal, fd_date date);

/**
 * The warning to show while the holiday data ends within 60 days after
 * @p today (or has ended): "holiday data CN-2026.1 ends 2026-12-31, in 27 days:
 * load the official 2027 schedule (国务院办公厅 notice) ...", or "" when
 * there is none. The command `frontdesk calendar status` and the daily report
 * show it.
 * @return ::FD_OK, ::FD_EINVAL.
 */
FD_API fd_status fd_calendar_coverage_warning(fd_buf *out, const fd_calendar *cal, fd_date today);

/* --- site settings --------------------------------------------------- */

/**
 * Sets the site's time zone (an IANA name ICU knows, e.g. "Asia/Shanghai",
 * "America/New_York"). Local days and business hours follow it across DST.
 * @return ::FD_OK, ::FD_EINVAL (unknown zone; nothing changes), ::FD_ENOMEM.
 */
FD_API fd_status fd_calendar_set_time_zone(fd_calendar *cal, const char *time_zone);

/** The site's time zone name. */
FD_API fd_status fd_calendar_time_zone(fd_buf *out, const fd_calendar *cal);

/**
 * Sets business hours of every working day: intervals "HH:MM-HH:MM" separated
 * by commas, ascending and not overlapping, 1 to 8 of them, e.g.
 * "08:30-12:00,13:30-17:30" (the default). 24:00 may end an interval.
 * @return ::FD_OK, ::FD_EINVAL (malformed; the message names the interval).
 */
FD_API fd_status fd_calendar_set_business_hours(fd_calendar *cal, const char *hours);

/** Business hours in the form fd_calendar_set_business_hours() takes. */
FD_API fd_status fd_calendar_business_hours(fd_buf *out, const fd_calendar *cal);

/**
 * Sets quiet hours, when customers are not called (R-PLN-2: avoid rest time),
 * in the same form as business hours; 0 to 8 intervals, "" for none. Default
 * "00:00-08:00,12:00-14:00,20:00-24:00" (after 20:00 lasts until 08:00).
 * @return ::FD_OK, ::FD_EINVAL.
 */
FD_API fd_status fd_calendar_set_quiet_hours(fd_calendar *cal, const char *hours);

/** Quiet hours in the form fd_calendar_set_quiet_hours() takes. */
FD_API fd_status fd_calendar_quiet_hours(fd_buf *out, const fd_calendar *cal);

/**
 * Takes the calendar keys of a site's policy: `calendar.beyond_data` (days past
 * the holiday data: 0 provisional, 1 weekends only, 2 refused; the deprecated
 * `calendar.fallback_weekends` = 1 still means weekends only) and
 * `deadline.roll_rest_days` (a calendar-day deadline on a rest day moves to
 * the next working day). These apply when a call passes no policy; a policy
 * passed to a call may only refuse days past the data or allow them, while
 * whether they are provisional or weekends only stays the calendar's.
 * @return ::FD_OK, ::FD_EINVAL (NULL), ::FD_ENOMEM.
 */
FD_API fd_status fd_calendar_apply_policy(fd_calendar *cal, const fd_policy *policy);

/* --- days ------------------------------------------------------------ */

/**
 * The type of @p date, an `FD_CALENDAR_DAY_*` value.
 * @return ::FD_OK; ::FD_EINVAL (not a real date); ::FD_EDATA (before the
 *         holiday data, or past it when `calendar.beyond_data` refuses; the
 *         message names the year); ::FD_ERANGE (more than ten years past the
 *         data, or five before it).
 * The same errors apply to every function below that takes a date.
 */
FD_API fd_status fd_calendar_day_type(int *out, const fd_calendar *cal, fd_date date);

/** Whether @p date is a working day (ordinary or make-up): *out is 1 or 0. */
FD_API fd_status fd_calendar_is_workday(int *out, const fd_calendar *cal, fd_date date);

/** Whether @p date is a rest day of a public holiday period: *out is 1 or 0. */
FD_API fd_status fd_calendar_is_holiday(int *out, const fd_calendar *cal, fd_date date);

/**
 * Whether @p date is a holiday rest day given in lieu (调休/补休: a weekday off
 * that a make-up working day or a statutory day on a weekend pays for): 1 or 0.
 */
FD_API fd_status fd_calendar_is_in_lieu(int *out, const fd_calendar *cal, fd_date date);

/** Whether @p date is a statutory holiday day proper (法定假日): 1 or 0. */
FD_API fd_status fd_calendar_is_statutory(int *out, const fd_calendar *cal, fd_date date);

/**
 * The name of the holiday period (or closure) @p date belongs to, e.g. "春节";
 * for a make-up working day the holiday it pays for; "" for any other day.
 */
FD_API fd_status fd_calendar_holiday_name(fd_buf *out, const fd_calendar *cal, fd_date date);

/**
 * The date @p n working days after @p date (before it when @p n < 0); the
 * start date does not count. @p n = 0 gives @p date itself. O(1).
 * @return as fd_calendar_day_type(); ::FD_EDATA also when the result would
 *         fall outside the data (the message names the year needed).
 */
FD_API fd_status fd_calendar_add_working_days(fd_date *out, const fd_calendar *cal, fd_date date, int64_t n);

/**
 * Working days between two dates, signed: those in (@p a, @p b] when @p b is
 * on or after @p a, minus those in [@p b, @p a) when it is before, so that
 * fd_calendar_add_working_days(a, result) is @p b whenever @p b is a working day.
 */
FD_API fd_status fd_calendar_working_days_between(int64_t *out, const fd_calendar *cal, fd_date a, fd_date b);

/** The first working day strictly after @p date. */
FD_API fd_status fd_calendar_next_workday(fd_date *out, const fd_calendar *cal, fd_date date);

/* --- festivals and the greeting ------------------------------------- */

/**
 * The festival on @p date, or "" when none: 春节, 元宵节, 端午节, 七夕, 中秋节,
 * 重阳节 and 除夕 (the last day of the 12th lunar month) from ICU's Chinese
 * calendar; 元旦, 清明 (the solar term, computed astronomically), 劳动节 and
 * 国庆节. Two festivals on one day are joined with "、". Works for any date
 * 1900..2100 regardless of the holiday data.
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE (outside 1900..2100).
 */
FD_API fd_status fd_calendar_festival(fd_buf *out, const fd_calendar *cal, fd_date date);

/**
 * The phone greeting of @p org for @p date (R-CALL-2, R-CALL-10): on a weekend
 * or holiday rest day 「您好，<org>，<wishes>！请问有什么可以帮您？」 with
 * the season's wishes (the day's festival, else its holiday, else 周末愉快), e.g.
 * 「您好，某某物业，中秋快乐！请问有什么可以帮您？」; on a working day (make-up
 * days included) and on a site's closure on a weekday 「您好，<org>，请问有什么可以帮您？」.
 * @return ::FD_OK; ::FD_EINVAL (bad date, @p org NULL, empty, not UTF-8 or over
 *         200 bytes); ::FD_EDATA as fd_calendar_day_type().
 */
FD_API fd_status fd_calendar_greeting(fd_buf *out, const fd_calendar *cal, fd_date date, const char *org);

/* --- instants -------------------------------------------------------- */

/** The site-local date of instant @p at. ::FD_ERANGE beyond the computed years. */
FD_API fd_status fd_calendar_local_date(fd_date *out, const fd_calendar *cal, int64_t at);

/** Whether @p at falls in business hours of a working day: 1 or 0. */
FD_API fd_status fd_calendar_is_business_time(int *out, const fd_calendar *cal, int64_t at);

/** Whether @p at falls in quiet hours, when customers are not called (R-PLN-2): 1 or 0. */
FD_API fd_status fd_calendar_is_quiet_time(int *out, const fd_calendar *cal, int64_t at);

/** The first instant at or after @p at outside quiet hours (R-PLN-2). */
FD_API fd_status fd_calendar_next_call_time(int64_t *out, const fd_calendar *cal, int64_t at);

/**
 * The UTC instant of site-local 00:00 of @p date (the first second of that
 * local day; a day starts at the first local second that exists when a zone
 * transition skips midnight). Does not depend on the holiday data. O(1).
 * @return ::FD_OK; ::FD_EINVAL (NULL, not a real date); ::FD_ERANGE (outside
 *         the years the calendar computes).
 */
FD_API fd_status fd_calendar_day_start(int64_t *out, const fd_calendar *cal, fd_date date);

/**
 * Working time between two instants (R-CPL-6: time to resolve "in working
 * hours"): the seconds of [@p from, @p to) that fall in business hours of a
 * working day — make-up working days (调休上班) count, weekends, holidays and
 * a site's closures do not; negative (the same amount) when @p to is before
 * @p from. Read from the calendar's table of business seconds before each
 * day: O(log days), not O(days).
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE (an instant outside the
 *         years the calendar computes); ::FD_EDATA (a day past the holiday
 *         data when `calendar.beyond_data` refuses it, or before the data).
 */
FD_API fd_status fd_calendar_working_seconds_between(int64_t *out, const fd_calendar *cal, int64_t from, int64_t to);

/**
 * The deadline for something received at @p start (R-CPL-2, R-CALL-9, R-PLN-1):
 * - `CLOCK_HOURS`/`CLOCK_MINUTES`: @p start plus the time;
 * - `BUSINESS_HOURS`/`BUSINESS_MINUTES`: the instant when that much business
 *   time has passed, counting from the next business time at or after @p start
 *   (it may be the closing time of an interval, e.g. 12:00);
 * - `CALENDAR_DAYS`: 23:59:59 of the n-th day after the receipt day; on a rest
 *   day it moves to 23:59:59 of the next working day when the policy's
 *   `deadline.roll_rest_days` is 1 (the default; 民法典 art. 203);
 * - `WORKING_DAYS`: closing time of the n-th working day after the receipt day
 *   (received Friday 2026-02-13 17:55 + 2 → Tuesday 2026-02-24 17:30); n = 0
 *   is `SAME_DAY`;
 * - `SAME_DAY`: closing time of the receipt day when received on a working day
 *   before closing; received at or after closing time or on a rest day → the
 *   closing time of the next working day. @p amount must be 0.
 * fd_calendar_deadline_info() also says whether the deadline was computed from
 * days past the data (provisional) and from which data version.
 * @param out   receives the deadline, UTC seconds: the last second still on time
 * @param cal   the calendar (holidays, business hours, time zone)
 * @param start when the matter was received, UTC seconds
 * @param amount how many units
 * @param unit  an FD_CALENDAR_UNIT_* value
 * @param policy may be NULL: the calendar's own settings (fd_calendar_apply_policy()).
 * @return ::FD_OK; ::FD_EINVAL (unknown unit); ::FD_ERANGE (negative or huge
 *         amount, SAME_DAY with an amount); ::FD_EDATA (needs days outside the
 *         holiday data; names the year).
 */
FD_API fd_status fd_calendar_deadline(int64_t *out, const fd_calendar *cal, int64_t start, int64_t amount, int unit,
                                      const fd_policy *policy);

/**
 * As fd_calendar_deadline(), with what the deadline was computed from:
 * @p provisional is 1 when a day past the holiday data decides it (record it
 * and recompute once the official schedule is loaded), and @p out the data
 * version, e.g. "CN-2026.1" or "CN-2026.1+provisional-2027". Clock units
 * never depend on the data.
 * @return as fd_calendar_deadline(); on error @p out is empty.
 */
FD_API fd_status fd_calendar_deadline_info(int64_t *due, int *provisional, fd_buf *out, const fd_calendar *cal,
                                           int64_t start, int64_t amount, int unit, const fd_policy *policy);

/** The unit named "clock_hours", "business_hours", "calendar_days", "working_days",
 *  "same_day", "clock_minutes" or "business_minutes". ::FD_EINVAL for others. */
FD_API fd_status fd_calendar_unit_from_name(int *out, const char *name);

/** The name of @p unit as fd_calendar_unit_from_name() takes it, "" when unknown. Never NULL. */
FD_API const char *fd_calendar_unit_name(int unit);

/* --- SLA clocks ------------------------------------------------------- */

/**
 * An SLA clock started at @p start for @p amount of @p unit, as
 * fd_calendar_deadline() counts it. It holds a reference to @p cal (so the
 * caller may free the calendar first) and copies the policy values it needs
 * (@p policy may be NULL). Free with fd_sla_free().
 * @return as fd_calendar_deadline() (the first deadline is computed here).
 */
FD_API fd_status fd_sla_new(fd_sla **out, const fd_calendar *cal, int64_t start, int64_t amount, int unit,
                            const fd_policy *policy);

/** Frees a clock and drops its reference to its calendar. NULL is a no-op. */
FD_API void fd_sla_free(fd_sla *sla);

/**
 * A clock rebuilt from its plain state: started at @p start for @p amount of
 * @p unit, paused over the intervals @p pauses gives as instant pairs
 * (from, to, from, to, ...; @p pauses_len instants, an even number), ascending
 * and not overlapping, none before @p start; the last `to` may be
 * ::FD_SLA_OPEN (paused still). The deadline is computed as fd_sla_pause() and
 * fd_sla_resume() in that order would (replaying stored events gives the same
 * clock), so fd_sla_due(), fd_sla_remaining() and fd_sla_breached() answer
 * from a start and a list of pauses. @p pauses may be NULL when @p pauses_len is 0.
 * @return as fd_sla_new(); ::FD_EINVAL (odd @p pauses_len, NULL @p pauses);
 *         ::FD_ERANGE (a pause before the start or the one before it, ending
 *         before it starts, or an open one not last; the message names `pauses[i]`).
 */
FD_API fd_status fd_sla_restore(fd_sla **out, const fd_calendar *cal, int64_t start, int64_t amount, int unit,
                                const fd_policy *policy, const int64_t *pauses, size_t pauses_len);

/** The clock's terms: when it started, how many units, which unit (`FD_CALENDAR_UNIT_*`). */
FD_API fd_status fd_sla_terms(int64_t *start, int64_t *amount, int *unit, const fd_sla *sla);

/** How many pauses the clock has had, the running one included. */
FD_API fd_status fd_sla_pause_count(size_t *out, const fd_sla *sla);

/**
 * Pause @p index (0 .. fd_sla_pause_count() - 1): when it began and ended
 * (::FD_SLA_OPEN while it runs). ::FD_ERANGE for an index past the last.
 */
FD_API fd_status fd_sla_pause_get(int64_t *from, int64_t *to, const fd_sla *sla, size_t index);

/**
 * The data version the clock's deadline was computed from, e.g. "CN-2026.1" or
 * "CN-2026.1+provisional-2027", and whether that is provisional (1: recompute
 * once the official schedule is loaded). While paused: as of the last deadline.
 */
FD_API fd_status fd_sla_version(fd_buf *out, int *provisional, const fd_sla *sla);

/**
 * The clock's whole state as one line of ASCII text, to store and give back to
 * fd_sla_load(): terms, the policy values it counts with, its pauses and the
 * data version, e.g. "fd-sla 1 start=1771063200 amount=2 unit=working_days
 * roll=1 beyond=0 pauses=1771120800-1771552800 version=CN-2026.1".
 */
FD_API fd_status fd_sla_save(fd_buf *out, const fd_sla *sla);

/**
 * A clock from the text fd_sla_save() wrote, over @p cal: the same terms,
 * policy values and pauses, so the same deadline when @p cal has the same
 * data (a newer calendar recomputes it; fd_sla_version() then tells).
 * @return ::FD_OK; ::FD_EINVAL (not such a text; the message names the part);
 *         as fd_sla_restore().
 */
FD_API fd_status fd_sla_load(fd_sla **out, const fd_calendar *cal, const char *state);

/**
 * Pauses the clock at @p at (waiting for the customer, parts on order).
 * @return ::FD_OK; ::FD_ESTATE (already paused); ::FD_ERANGE (@p at before the
 *         start or before the last resume; instants in messages are site-local
 *         time, "2026-02-24 17:30 +08:00").
 */
FD_API fd_status fd_sla_pause(fd_sla *sla, int64_t at);

/**
 * Resumes the clock at @p at. The paused time extends the deadline in the
 * unit's own terms: elapsed seconds for clock units, business time for
 * business units, calendar days (date of @p at minus date of the pause) for
 * calendar days, and working days in (pause date, resume date] for working
 * days and same day, so a pause spanning a holiday adds only the working days
 * it covered. Calendar days rolled past rest days (`deadline.roll_rest_days`)
 * are added to the deadline as it stood after the roll, then rolled again: 3
 * days from 2026-09-30 stand at 10-08 (the holiday rolled), and a day waited
 * makes it 10-09 — not 10-04, rolled back to 10-08, the day lost.
 * @return ::FD_OK; ::FD_ESTATE (not paused); ::FD_ERANGE (@p at before the
 *         pause); ::FD_EDATA (the new deadline needs data the calendar lacks;
 *         the clock stays paused).
 */
FD_API fd_status fd_sla_resume(fd_sla *sla, int64_t at);

/** Whether the clock is paused: 1 or 0. */
FD_API fd_status fd_sla_is_paused(int *out, const fd_sla *sla);

/** The deadline. ::FD_ESTATE while paused (the deadline is known on resume). */
FD_API fd_status fd_sla_due(int64_t *out, const fd_sla *sla);

/**
 * Time left at @p now in seconds, negative when overdue: business seconds for
 * business units, elapsed seconds otherwise. While paused, the time left when
 * the pause began.
 */
FD_API fd_status fd_sla_remaining(int64_t *out, const fd_sla *sla, int64_t now);

/** Whether the deadline has passed at @p now (`now > due`; while paused: whether it had passed when the pause began). */
FD_API fd_status fd_sla_breached(int *out, const fd_sla *sla, int64_t now);

/** The extension so far from pauses: seconds for hour and minute units, days for day units. */
FD_API fd_status fd_sla_extension(int64_t *out, const fd_sla *sla);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_CALENDAR_H */
