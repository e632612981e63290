/*
 * The property register's parsers on arbitrary bytes (R-VIS-5, R-FEE-8):
 * fd_unit_number_parse, fd_building_code_normalize and fd_area_parse never
 * crash and refuse invalid UTF-8 with FD_EINVAL; a unit number that parses has
 * a canonical form that parses again to itself (the same parts, building,
 * floor and room), at most FD_UNIT_NUMBER_MAX bytes of upper-case ASCII and
 * Han characters joined by '-'; a refused number leaves the output unchanged
 * and names the field; a building code is canonical once; an area reads back
 * from its own formatting.
 */
#include <frontdesk/common.h>
#include <frontdesk/property.h>

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static void check_unit(const char *s)
{
    fd_unit_number u, v;
    memset(&u, 0x5A, sizeof u);
    fd_unit_number before = u;
    fd_status rc = fd_unit_number_parse(&u, s);
    if (!fz_valid(s))
        CHECK(rc == FD_EINVAL);
    if (rc != FD_OK) {
        CHECK(rc == FD_EINVAL || rc == FD_ERANGE);
        CHECK(memcmp(&u, &before, sizeof u) == 0);
        CHECK(strstr(fd_error_last()->message, "unit") != NULL);
        fz_status(rc);
        return;
    }
    size_t n = strlen(u.number);
    CHECK(n > 0 && n <= FD_UNIT_NUMBER_MAX && u.parts >= 1 && u.parts <= 4);
    CHECK(u.version == FD_UNIT_NUMBER_VERSION);
    CHECK(u.number[0] != '-' && u.number[n - 1] != '-' && strstr(u.number, "--") == NULL);
    int dashes = 0;
    for (const char *p = u.number; *p; p++) {
        CHECK(!(*p >= 'a' && *p <= 'z') && *p != ' ');
        dashes += *p == '-';
    }
    CHECK(dashes == u.parts - 1);
    /* The building starts it, the room ends it. */
    size_t b = strlen(u.building), r = strlen(u.room);
    CHECK(b == 0 || (strncmp(u.number, u.building, b) == 0 && u.number[b] == '-'));
    CHECK(r > 0 && r <= n && strcmp(u.number + n - r, u.room) == 0);
    /* Canonical: it parses to itself. */
    CHECK(fd_unit_number_parse(&v, u.number) == FD_OK);
    CHECK(strcmp(v.number, u.number) == 0 && strcmp(v.building, u.building) == 0 &&
          strcmp(v.floor, u.floor) == 0 && strcmp(v.room, u.room) == 0 && v.parts == u.parts);
    /* A floor is digits without a leading zero, or B and such digits. */
    const char *f = u.floor[0] == 'B' ? u.floor + 1 : u.floor;
    if (u.floor[0]) {
        CHECK(f[0] >= '1' && f[0] <= '9');
        for (const char *p = f; *p; p++)
            CHECK(*p >= '0' && *p <= '9');
    }
}

static void check_building(const char *s)
{
    fd_buf b = FD_BUF_INIT, c = FD_BUF_INIT;
    fz_stale(&b);
    fd_status rc = fd_building_code_normalize(&b, s);
    fz_after(rc, &b);
    if (!fz_valid(s))
        CHECK(rc == FD_EINVAL);
    if (rc == FD_OK) {
        CHECK(b.size > 0 && strchr(b.ptr, '-') == NULL);
        CHECK(fd_building_code_normalize(&c, b.ptr) == FD_OK && strcmp(c.ptr, b.ptr) == 0);
    }
    fd_buf_dispose(&b);
    fd_buf_dispose(&c);
}

static void check_area(const char *s)
{
    int64_t v = -7, back = -1;
    fd_status rc = fd_area_parse(&v, s);
    if (!fz_valid(s))
        CHECK(rc == FD_EINVAL);
    if (rc != FD_OK) {
        CHECK(v == -7);
        fz_status(rc);
        return;
    }
    CHECK(v >= 0 && v <= FD_AREA_MAX);
    fd_buf b = FD_BUF_INIT;
    CHECK(fd_area_format(&b, v) == FD_OK);
    CHECK(fd_area_parse(&back, b.ptr) == FD_OK && back == v);
    fd_buf_dispose(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fz_cstr(data, size);
    if (s == NULL)
        return 0;
    check_unit(s);
    check_building(s);
    check_area(s);
    free(s);
    return 0;
}
