/*
 * Business and quiet hours as text (fd_calendar_set_business_hours,
 * fd_calendar_set_quiet_hours) on arbitrary bytes, against an oracle written
 * from calendar.h: "HH:MM-HH:MM" intervals separated by commas, ascending and
 * not overlapping, 24:00 only as an end, 1..8 of them (0..8 for quiet hours,
 * "" for none). Accepted text reads back unchanged and decides
 * fd_calendar_is_business_time / fd_calendar_is_quiet_time at the edges of
 * each interval on a working day; refused text changes nothing, and the
 * getters leave their buffer empty when they fail.
 *
 * The input is the text; a NUL splits it into business hours and quiet hours.
 */
#include <frontdesk/calendar.h>

#include "fuzz.h"

#include <stdio.h>

#define MIDNIGHT 1795104000 /* 2026-11-20 00:00 +08:00, a Friday and a working day */
#define MAX_IVL 8

typedef struct ivl {
    int a, b; /* seconds of the day */
} ivl;

static int two(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* The oracle: how many intervals @s holds, or -1 when calendar.h says it is malformed. */
static int oracle(const char *s, ivl out[MAX_IVL], int min_count)
{
    size_t len = strlen(s);
    if (len > 256)
        return -1;
    int n = 0, prev_end = 0;
    const char *p = s;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t k = end ? (size_t)(end - p) : strlen(p);
        if (k != 11 || p[2] != ':' || p[5] != '-' || p[8] != ':')
            return -1;
        for (int i = 0; i < 11; i++)
            if (i != 2 && i != 5 && i != 8 && (p[i] < '0' || p[i] > '9'))
                return -1;
        int h1 = two(p), m1 = two(p + 3), h2 = two(p + 6), m2 = two(p + 9);
        int a = h1 * 3600 + m1 * 60, b = h2 * 3600 + m2 * 60;
        if (h1 > 23 || m1 > 59 || h2 > 24 || m2 > 59 || b > 86400 || b <= a || (n > 0 && a < prev_end) ||
            n == MAX_IVL)
            return -1;
        out[n].a = a;
        out[n].b = b;
        prev_end = b;
        n++;
        p += k;
        if (*p == ',' && *++p == '\0')
            return -1; /* a trailing comma */
    }
    return n < min_count ? -1 : n;
}

static bool inside(const ivl *v, int n, int t)
{
    for (int i = 0; i < n; i++)
        if (t >= v[i].a && t < v[i].b)
            return true;
    return false;
}

static void check_hours(fd_calendar *cal, const char *text, bool business)
{
    fd_buf before = FD_BUF_INIT, after = FD_BUF_INIT;
    fd_status (*get)(fd_buf *, const fd_calendar *) = business ? fd_calendar_business_hours : fd_calendar_quiet_hours;
    CHECK(get(&before, cal) == FD_OK);
    ivl v[MAX_IVL];
    int n = oracle(text, v, business ? 1 : 0);
    fd_status rc = business ? fd_calendar_set_business_hours(cal, text) : fd_calendar_set_quiet_hours(cal, text);
    fz_status(rc);
    CHECK((rc == FD_OK) == (n >= 0));
    fz_stale(&after);
    CHECK(get(&after, cal) == FD_OK);
    if (rc != FD_OK) {
        CHECK(strcmp(before.ptr, after.ptr) == 0); /* nothing changed */
    } else {
        CHECK(strcmp(after.ptr, text) == 0); /* the canonical form is the only accepted one */
        /* Every edge of every interval, on a working day. */
        int (*is)(int *, const fd_calendar *, int64_t) = business ? fd_calendar_is_business_time
                                                                  : fd_calendar_is_quiet_time;
        for (int i = 0; i < n; i++) {
            int probes[4] = { v[i].a, v[i].b - 1, v[i].a - 1, v[i].b };
            for (int k = 0; k < 4; k++) {
                int t = probes[k];
                if (t < 0 || t >= 86400)
                    continue;
                int yes = -1;
                CHECK(is(&yes, cal, MIDNIGHT + t) == FD_OK);
                CHECK(yes == inside(v, n, t));
            }
        }
    }
    /* A getter that fails leaves its buffer empty. */
    fz_stale(&after);
    rc = get(&after, NULL);
    CHECK(rc == FD_EINVAL);
    fz_after(rc, &after);
    fd_buf_dispose(&before);
    fd_buf_dispose(&after);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fd_calendar *cal = fz_calendar();
    char *text = fz_cstr(data, size);
    if (text == NULL)
        return 0;
    const char *quiet = text + strlen(text) + (strlen(text) < size ? 1 : 0);
    check_hours(cal, text, true);
    check_hours(cal, quiet, false);
    /* Back to the defaults for the next input. */
    CHECK(fd_calendar_set_business_hours(cal, "08:30-12:00,13:30-17:30") == FD_OK);
    CHECK(fd_calendar_set_quiet_hours(cal, "00:00-08:00,12:00-14:00,20:00-24:00") == FD_OK);
    free(text);
    return 0;
}
