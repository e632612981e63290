/* Fuzzes the holiday data-file parser (fd_calendar_load_data) and, for files it
 * accepts, the look-ups over the tables built from them. */
#include <frontdesk.h>
#include <frontdesk/calendar.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    fd_calendar *cal = NULL;
    if (fd_calendar_load_data(&cal, text) == FD_OK) {
        fd_date lo, hi, out;
        fd_buf buf = FD_BUF_INIT;
        fd_calendar_coverage_start(&lo, cal);
        fd_calendar_coverage_end(&hi, cal);
        int w;
        int64_t n, due;
        fd_calendar_is_workday(&w, cal, lo);
        fz_stale(&buf);
        fz_after(fd_calendar_holiday_name(&buf, cal, hi), &buf);
        fd_calendar_add_working_days(&out, cal, lo, 20);
        fd_calendar_add_working_days(&out, cal, hi, -20);
        fd_calendar_working_days_between(&n, cal, lo, hi);
        fz_stale(&buf);
        fz_after(fd_calendar_greeting(&buf, cal, lo, "某某物业"), &buf);
        fz_stale(&buf);
        fz_after(fd_calendar_version(&buf, cal), &buf);
        fd_date past = { lo.year - 20, 2, 29 }; /* not a day, or outside the data: refused */
        fz_stale(&buf);
        fz_after(fd_calendar_holiday_name(&buf, cal, past), &buf);
        fd_date mid = lo;
        mid.day = 1;
        if (fd_calendar_deadline(&due, cal, 0, 0, FD_CALENDAR_UNIT_CLOCK_HOURS, NULL) == FD_OK) {
            int64_t start = (int64_t)(lo.year - 1970) * 31556952 + 9 * 3600;
            fd_calendar_deadline(&due, cal, start, 2, FD_CALENDAR_UNIT_WORKING_DAYS, NULL);
            fd_calendar_deadline(&due, cal, start, 30, FD_CALENDAR_UNIT_BUSINESS_HOURS, NULL);
            fd_calendar_deadline(&due, cal, start, 0, FD_CALENDAR_UNIT_SAME_DAY, NULL);
            fd_calendar_deadline(&due, cal, start, 3, FD_CALENDAR_UNIT_CALENDAR_DAYS, NULL);
        }
        fd_calendar_is_holiday(&w, cal, mid);
        fd_buf_dispose(&buf);
        fd_calendar_free(cal);
    }
    free(text);
    return 0;
}
