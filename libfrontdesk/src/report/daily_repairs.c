/*
 * The repairs section of the daily report (issue 15, item 7; R-PLN-1,
 * R-PLN-6, R-COM-4): the day's work orders received, those still open (neither
 * done nor closed), the done steps recorded, and the follow-ups due in the day
 * and missed (open, past due at the day's end or now, whichever is earlier).
 * The store's private counts, each one range of an index: fd__store_repair_day.
 */
#include "report/report_internal.h"

enum rword { R_SUMMARY, R_CODE, R_ITEM, R_COUNT, R_RECEIVED, R_OPEN, R_DONE, R_DUE, R_MISSED, R_NOTE, R_COUNT_ };
static const char *const RWORDS[R_COUNT_][2] = {
    { "报修汇总", "Repairs" },
    { "代码", "Code" },
    { "项目", "Item" },
    { "数量", "Count" },
    { "受理报修", "Work orders received" },
    { "未完工（未关闭）", "Open (neither done nor closed)" },
    { "完工", "Done" },
    { "当日应回访", "Follow-ups due in the day" },
    { "回访逾期", "Follow-ups missed" },
    { "完工按完工步骤记录的时间计（返修后再次完工另计）；回访逾期为到期仍未回访者，截至当日结束或出表时（R-PLN-1）",
      "Done counts the done steps recorded in the day (a rework's second done too); follow-ups missed are those "
      "still owed past their due at the day's end or now, whichever is earlier (R-PLN-1)" },
};
#define RW(l, w) (RWORDS[(w)][(l)])

fd_status fd__daily_repairs(fd_report *r, fd_store *s, const fd_actor *actor, int64_t a, int64_t b, fd__zone *zone,
                            const char *fn, fd__lang l)
{
    const fd__column_spec cols[] = {
        { "key", RW(l, R_CODE), FD_REPORT_COLUMN_TEXT },
        { "item", RW(l, R_ITEM), FD_REPORT_COLUMN_TEXT },
        { "count", RW(l, R_COUNT), FD_REPORT_COLUMN_INT },
    };
    fd__repair_day d;
    size_t sec = 0;
    (void)zone; /* counts only: no instant is shown */
    fd_status rc = fd__store_repair_day(&d, s, actor, fn, a, b);
    if (rc == FD_OK) rc = fd__report_add_section(&sec, r, "repairs.summary", RW(l, R_SUMMARY), cols, 3);
    if (rc == FD_OK) rc = fd__report_key_row(r, sec, "received", RW(l, R_RECEIVED), d.received, -1);
    if (rc == FD_OK) rc = fd__report_key_row(r, sec, "open", RW(l, R_OPEN), d.open, -1);
    if (rc == FD_OK) rc = fd__report_key_row(r, sec, "done", RW(l, R_DONE), d.done, -1);
    if (rc == FD_OK) rc = fd__report_key_row(r, sec, "followups_due", RW(l, R_DUE), d.followups_due, -1);
    if (rc == FD_OK) rc = fd__report_key_row(r, sec, "followups_missed", RW(l, R_MISSED), d.followups_missed, -1);
    if (rc == FD_OK) rc = fd_report_note_add(r, sec, RW(l, R_NOTE));
    return rc;
}
