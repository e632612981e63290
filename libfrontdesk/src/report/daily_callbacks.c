/*
 * The callbacks section of the daily report (issue 15, item 7; R-PLN-2,
 * R-CALL-9, R-COM-4): the open callbacks due in the day, those overdue (past
 * due at the day's end or now, whichever is earlier) and, when the report is
 * made during quiet hours, the due ones held until the customer's rest time
 * ends — with the time calls may resume. The store's private counts, each one
 * range of callbacks_site_due: fd__store_callback_day.
 */
#include "report/report_internal.h"

#include <stdio.h>

enum cword { C_SUMMARY, C_CODE, C_ITEM, C_COUNT, C_DUE, C_OVERDUE, C_QUIET, C_NOTE, C_RESUME, C_COUNT_ };
static const char *const CWORDS[C_COUNT_][2] = {
    { "回访电话汇总", "Callbacks" },
    { "代码", "Code" },
    { "项目", "Item" },
    { "数量", "Count" },
    { "当日应回访（未完成）", "Due in the day (still open)" },
    { "回访逾期", "Overdue" },
    { "休息时间暂缓（现在不可致电）", "Held: quiet hours now (no call now)" },
    { "逾期为到期仍未回访者，截至当日结束或出表时；休息时间内从不致电，到期者顺延至可致电时（R-PLN-2）",
      "Overdue: still open past their due at the day's end or now, whichever is earlier; nobody is called in "
      "quiet hours, a due one waits until calls may resume (R-PLN-2)" },
    { "现为休息时间，可致电时间：", "Quiet hours now; calls may resume at " },
};
#define CW(l, w) (CWORDS[(w)][(l)])

fd_status fd__daily_callbacks(fd_report *r, fd_store *s, const fd_actor *actor, int64_t a, int64_t b, fd__zone *zone,
                              const char *fn, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "key", CW(l, C_CODE), FD_REPORT_COLUMN_TEXT },
        { "item", CW(l, C_ITEM), FD_REPORT_COLUMN_TEXT },
        { "count", CW(l, C_COUNT), FD_REPORT_COLUMN_INT },
    };
    fd__callback_day d;
    size_t sec = 0;
    fd_status rc = fd__store_callback_day(&d, s, actor, fn, a, b);
    if (rc == FD_OK) rc = fd__report_add_section(&sec, r, "callbacks.summary", CW(l, C_SUMMARY), cols, 3);
    if (rc == FD_OK) rc = fd__report_key_row(r, sec, "due_today", CW(l, C_DUE), d.due, -1);
    if (rc == FD_OK) rc = fd__report_key_row(r, sec, "overdue", CW(l, C_OVERDUE), d.overdue, -1);
    if (rc == FD_OK) rc = fd__report_key_row(r, sec, "quiet_now", CW(l, C_QUIET), d.waiting, -1);
    if (rc == FD_OK) rc = fd_report_note_add(r, sec, CW(l, C_NOTE));
    if (rc == FD_OK && d.quiet_now) {
        char local[40], note[160];
        rc = fd__report_local(zone, fn, d.quiet_until, local);
        snprintf(note, sizeof note, "%s%s", CW(l, C_RESUME), local);
        if (rc == FD_OK) rc = fd_report_note_add(r, sec, note);
    }
    return rc;
}
