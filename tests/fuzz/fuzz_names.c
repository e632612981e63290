/*
 * Names that the library looks up: time zones (fd_calendar_set_time_zone and
 * the fd_instant_* functions), deadline units (fd_calendar_unit_from_name)
 * and personal-data classes (fd_pii_class_parse), on arbitrary bytes. A name
 * is accepted by every function that takes it or by none; an accepted zone
 * reads back as given and converts instants both ways; an accepted unit or
 * class name is the name of what it parsed to; a refused name changes
 * nothing and leaves buffers empty.
 *
 * The input is the name; 8 more bytes after a NUL give an instant.
 */
#include <frontdesk/calendar.h>
#include <frontdesk/pii.h>

#include "fuzz.h"

static void check_zone(fd_calendar *cal, const char *name, int64_t at)
{
    fd_buf b = FD_BUF_INIT;
    CHECK(fd_calendar_time_zone(&b, cal) == FD_OK && strcmp(b.ptr, "Asia/Shanghai") == 0);
    fd_status rc = fd_calendar_set_time_zone(cal, name);
    fz_status(rc);
    fz_stale(&b);
    CHECK(fd_calendar_time_zone(&b, cal) == FD_OK);
    CHECK(strcmp(b.ptr, rc == FD_OK ? name : "Asia/Shanghai") == 0);

    /* The instant functions take the same names (theirs may be at most FD_TZ_MAX bytes). */
    fd_local_time t = { { 0, 0, 0 }, -1, -1, -1, 0 };
    fd_status trc = fd_instant_to_local(&t, name, 1795136400);
    fz_status(trc);
    if (strlen(name) <= FD_TZ_MAX)
        CHECK((trc == FD_OK) == (rc == FD_OK));
    if (trc != FD_OK) {
        CHECK(t.hour == -1); /* outputs are written only on success */
        fz_stale(&b);
        fz_after(fd_instant_format(&b, name, 0), &b);
        int64_t back = 77;
        fd_local_time noon = { { 2026, 11, 20 }, 12, 0, 0, 0 };
        CHECK(fd_instant_from_local(&back, name, noon) != FD_OK && back == 77);
    } else {
        /* An arbitrary instant: in range it converts and comes back, out of range it is refused;
         * within a day of the ends its local date may leave 1..9999, which is FD_ERANGE too. */
        bool in_range = at >= FD_INSTANT_MIN && at <= FD_INSTANT_MAX;
        bool near_end = in_range && (at < FD_INSTANT_MIN + 86400 || at > FD_INSTANT_MAX - 86400);
        fz_stale(&b);
        fd_status frc = fd_instant_format(&b, name, at);
        fz_after(frc, &b);
        rc = fd_instant_to_local(&t, name, at);
        fz_status(rc);
        CHECK(frc == rc);
        CHECK(rc == (in_range ? FD_OK : FD_ERANGE) || (near_end && rc == FD_ERANGE));
        if (rc == FD_OK) {
            CHECK(t.hour >= 0 && t.hour < 24 && t.minute >= 0 && t.minute < 60 && t.second >= 0 && t.second < 60);
            CHECK(fd_date_check(t.date) == FD_OK);
            int64_t back = 0;
            rc = fd_instant_from_local(&back, name, t);
            fz_status(rc);
            /* A repeated local hour reads as the first of the two (common.h). */
            if (rc == FD_OK)
                CHECK(back == at || (back < at && at - back <= 3 * 3600));
        }
    }
    CHECK(fd_calendar_set_time_zone(cal, "Asia/Shanghai") == FD_OK);
    fd_buf_dispose(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fd_calendar *cal = fz_calendar();
    char *name = fz_cstr(data, size);
    if (name == NULL)
        return 0;
    size_t len = strlen(name);
    fz f = { data + len, size - len };
    fz_u8(&f); /* the NUL */
    int64_t at = fz_i64(&f);

    check_zone(cal, name, at);

    int unit = -99;
    fd_status rc = fd_calendar_unit_from_name(&unit, name);
    fz_status(rc);
    if (rc == FD_OK) {
        CHECK(strcmp(fd_calendar_unit_name(unit), name) == 0);
        int64_t due = 0;
        rc = fd_calendar_deadline(&due, cal, 1795136400, unit == FD_CALENDAR_UNIT_SAME_DAY ? 0 : 3, unit, NULL);
        fz_status(rc);
        CHECK(rc != FD_OK || due >= 1795136400);
    } else {
        CHECK(unit == -99);
    }
    /* Every unit number names itself or nothing. */
    int u = (int)(int8_t)(len ? (uint8_t)name[0] : 0);
    const char *un = fd_calendar_unit_name(u);
    CHECK(un != NULL);
    if (un[0]) {
        int back = -1;
        CHECK(fd_calendar_unit_from_name(&back, un) == FD_OK && back == u);
    }

    int cls = -99;
    rc = fd_pii_class_parse(&cls, name);
    fz_status(rc);
    if (rc == FD_OK)
        CHECK(strcmp(fd_pii_class_name((fd_pii_class)cls), name) == 0);
    else
        CHECK(cls == -99);
    free(name);
    return 0;
}
