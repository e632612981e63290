/* The property register (issue 12, item 1): unit numbers, areas, occupancy, the
 * store's adds, move-outs, the find and the resident check (R-VIS-1, R-VIS-5,
 * R-COM-1 … R-COM-3, R-FEE-8). */
#include "fd_test.h"

#include <sqlite3.h>

/* 2026-11-23 09:00 Asia/Shanghai: the site's date is 2026-11-23. */
#define T0 1795395600

static fd_date D(int y, int m, int d)
{
    fd_date x = { y, m, d };
    return x;
}

static const fd_date NO_DATE = { 0, 0, 0 };

/* --- unit numbers (pure) ------------------------------------------------------------- */

static void assert_unit(const char *typed, const char *number, const char *building, const char *floor,
                        const char *room)
{
    fd_unit_number u;
    fd_status rc = fd_unit_number_parse(&u, typed);
    cr_assert_eq(rc, FD_OK, "'%s': %s", typed, fd_error_last()->message);
    cr_assert_str_eq(u.number, number, "'%s' -> '%s', expected '%s'", typed, u.number, number);
    cr_assert_str_eq(u.building, building, "'%s': building '%s'", typed, u.building);
    cr_assert_str_eq(u.floor, floor, "'%s': floor '%s'", typed, u.floor);
    cr_assert_str_eq(u.room, room, "'%s': room '%s'", typed, u.room);
    cr_assert_eq(u.version, FD_UNIT_NUMBER_VERSION);
}

Test(property, R_VIS_5_unit_numbers_have_one_canonical_form)
{
    const char *same[] = { "3-1201", "３－１２０１", "3栋1201室", "3号楼1201", "3幢1201", "3座1201", "3#1201",
                           "3#楼1201", "3 1201", " 3 - 1201 ", "3—1201", "3栋-1201", "3号1201", "3栋１２０１号",
                           "3-1201房" };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        assert_unit(same[i], "3-1201", "3", "12", "1201");
    assert_unit("2-101", "2-101", "2", "1", "101");
    assert_unit("3栋2单元301", "3-2-301", "3", "3", "301");
    assert_unit("A座 5F", "A-5F", "A", "5", "5F");
    assert_unit("a座5楼", "A-5F", "A", "5", "5F");
    assert_unit("Ａ座５层", "A-5F", "A", "5", "5F");
    assert_unit("東座1201", "东-1201", "东", "12", "1201");
    assert_unit("A座地下1层", "A-B1", "A", "B1", "B1");
    assert_unit("A座B1层", "A-B1", "A", "B1", "B1");
    assert_unit("B2-101", "B2-101", "B2", "1", "101"); /* tower B2, not a basement */
    assert_unit("1201", "1201", "", "12", "1201");
    assert_unit("0101", "0101", "", "1", "0101"); /* leading zeros kept, not read as the floor */
    assert_unit("3楼1201", "3F-1201", "", "3", "1201"); /* 3楼 is a floor, never a building */
    assert_unit("商铺12号", "商铺-12", "商铺", "", "12"); /* a lone Han part with a number after it */
    assert_unit("东1201", "东-1201", "东", "12", "1201");
    assert_unit("东区3栋1201", "东区3-1201", "东区3", "12", "1201");
    assert_unit("3F-1201", "3F-1201", "", "3", "1201"); /* canonical forms parse to themselves */
}

Test(property, R_VIS_5_unit_numbers_refuse_junk_naming_the_field)
{
    fd_unit_number u;
    memset(&u, 0x5A, sizeof u);
    fd_unit_number before = u;
    fd_assert_error(fd_unit_number_parse(&u, ""), FD_EINVAL, "unit: '' has no number");
    fd_assert_error(fd_unit_number_parse(&u, "   "), FD_EINVAL, "unit:");
    fd_assert_error(fd_unit_number_parse(&u, "3@1201"), FD_EINVAL, "unit: '3@1201': '@' has no place");
    fd_assert_error(fd_unit_number_parse(&u, "3-1-2-3-4"), FD_EINVAL, "more than 4 parts");
    fd_assert_error(fd_unit_number_parse(&u, "3-123456789"), FD_EINVAL, "longer than 8 characters");
    fd_assert_error(fd_unit_number_parse(&u, "三栋1201"), FD_EINVAL, "in digits");
    fd_assert_error(fd_unit_number_parse(&u, "3号楼"), FD_EINVAL, "names a building");
    fd_assert_error(fd_unit_number_parse(&u, "1201室A"), FD_EINVAL, "'室' ends a unit number");
    fd_assert_error(fd_unit_number_parse(&u, "3-长沙"), FD_EINVAL, "Han characters only name a building");
    fd_assert_error(fd_unit_number_parse(&u, "长沙"), FD_EINVAL, "Han characters only name a building");
    fd_assert_error(fd_unit_number_parse(&u, "地下"), FD_EINVAL, "地下");
    fd_assert_error(fd_unit_number_parse(&u, "A楼"), FD_EINVAL, "follows no floor number");
    fd_assert_error(fd_unit_number_parse(&u, "地下1层101"), FD_EINVAL, "a basement needs its building first");
    fd_assert_error(fd_unit_number_parse(&u, "三21"), FD_EINVAL, "in digits");
    fd_assert_error(fd_unit_number_parse(&u, "东123456789"), FD_EINVAL, "Han characters only name a building");
    fd_assert_error(fd_unit_number_parse(&u, "3\n1201"), FD_EINVAL, "unit");
    char long_text[80];
    memset(long_text, '1', 65);
    long_text[65] = '\0';
    fd_assert_error(fd_unit_number_parse(&u, long_text), FD_ERANGE, "65 bytes, at most 64");
    fd_assert_error(fd_unit_number_parse(&u, "\xff"), FD_EINVAL, "UTF-8");
    fd_assert_error(fd_unit_number_parse(&u, NULL), FD_EINVAL, "unit");
    fd_assert_error(fd_unit_number_parse(NULL, "3-1201"), FD_EINVAL, "out");
    cr_assert(memcmp(&u, &before, sizeof u) == 0, "unchanged on error");
}

Test(property, R_VIS_5_building_codes)
{
    fd_buf b = FD_BUF_INIT;
    const char *three[] = { "3", "3号楼", "3栋", "3幢", "3#", "３", "3座" };
    for (size_t i = 0; i < sizeof three / sizeof *three; i++) {
        fd_assert_ok(fd_building_code_normalize(&b, three[i]));
        cr_assert_str_eq(b.ptr, "3", "%s -> %s", three[i], b.ptr);
    }
    fd_assert_ok(fd_building_code_normalize(&b, "a座"));
    cr_assert_str_eq(b.ptr, "A");
    fd_assert_ok(fd_building_code_normalize(&b, "東座"));
    cr_assert_str_eq(b.ptr, "东");
    fd_assert_error(fd_building_code_normalize(&b, "5楼"), FD_EINVAL, "building: '5楼' is a floor");
    cr_assert_str_eq(b.ptr, "", "empty after a failure");
    fd_assert_error(fd_building_code_normalize(&b, "3-1201"), FD_EINVAL, "not one building");
    fd_assert_error(fd_building_code_normalize(&b, "3F"), FD_EINVAL, "is a floor");
    fd_assert_ok(fd_building_code_normalize(&b, "东区3栋"));
    cr_assert_str_eq(b.ptr, "东区3");
    fd_assert_error(fd_building_code_normalize(&b, "三号楼"), FD_EINVAL, "in digits");
    fd_buf_dispose(&b);
}

/* --- areas (pure) --------------------------------------------------------------------- */

Test(property, R_FEE_8_areas_are_read_exactly_never_rounded)
{
    struct {
        const char *text;
        int64_t want;
    } ok[] = { { "89.5", 8950 }, { "89.50", 8950 }, { "89.50 m²", 8950 }, { "89.5㎡", 8950 }, { "１２０㎡", 12000 },
               { "75平方米", 7500 }, { "75 平米", 7500 }, { "75 m2", 7500 }, { "0.01", 1 }, { "0", 0 },
               { "89.500", 8950 }, { "10000000", FD_AREA_MAX }, { "  66.6  ", 6660 } };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        int64_t v = -1;
        fd_assert_ok(fd_area_parse(&v, ok[i].text));
        cr_assert_eq(v, ok[i].want, "'%s' -> %lld", ok[i].text, (long long)v);
    }
    int64_t v = 42;
    fd_assert_error(fd_area_parse(&v, "89.505"), FD_EINVAL, "area: '89.505' has more than two decimals");
    fd_assert_error(fd_area_parse(&v, "-1"), FD_EINVAL, "no sign");
    fd_assert_error(fd_area_parse(&v, "1,234.5"), FD_EINVAL, "thousands separators");
    fd_assert_error(fd_area_parse(&v, "89."), FD_EINVAL, "digits must follow");
    fd_assert_error(fd_area_parse(&v, ".5"), FD_EINVAL, "does not start with a number");
    fd_assert_error(fd_area_parse(&v, ""), FD_EINVAL, "area");
    fd_assert_error(fd_area_parse(&v, "9.9 acres"), FD_EINVAL, "not a unit of area");
    fd_assert_error(fd_area_parse(&v, "10000000.01"), FD_ERANGE, "more than 10000000");
    fd_assert_error(fd_area_parse(&v, "99999999999999999999999"), FD_ERANGE, "area");
    cr_assert_eq(v, 42, "unchanged on error");
}

Test(property, R_FEE_8_areas_are_written_with_two_decimals)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_area_format(&b, 8950));
    cr_assert_str_eq(b.ptr, "89.50 m²");
    fd_assert_ok(fd_area_format(&b, 1));
    cr_assert_str_eq(b.ptr, "0.01 m²");
    fd_assert_ok(fd_area_format(&b, 0));
    cr_assert_str_eq(b.ptr, "0.00 m²");
    fd_assert_ok(fd_area_format(&b, FD_AREA_MAX));
    cr_assert_str_eq(b.ptr, "10000000.00 m²");
    fd_assert_error(fd_area_format(&b, -1), FD_ERANGE, "area_m2x100");
    cr_assert_str_eq(b.ptr, "");
    fd_assert_error(fd_area_format(&b, FD_AREA_MAX + 1), FD_ERANGE, "area_m2x100");
    /* Every value reads back as itself. */
    for (int64_t a = 0; a < 20000; a += 7) {
        int64_t back = -1;
        fd_assert_ok(fd_area_format(&b, a));
        fd_assert_ok(fd_area_parse(&back, b.ptr));
        cr_assert_eq(back, a);
    }
    fd_buf_dispose(&b);
}

/* --- occupancy and codes (pure) ---------------------------------------------------------- */

Test(property, R_VIS_5_occupancy_on_a_date_is_move_in_to_before_move_out)
{
    fd_occupant o = FD_OCCUPANT_INIT;
    o.move_in = D(2025, 3, 1);
    int on = -1;
    fd_assert_ok(fd_occupant_current(&on, &o, D(2025, 3, 1)));
    cr_assert_eq(on, 1, "the move-in day counts");
    fd_assert_ok(fd_occupant_current(&on, &o, D(2025, 2, 28)));
    cr_assert_eq(on, 0, "before moving in");
    o.move_out = D(2026, 1, 1);
    fd_assert_ok(fd_occupant_current(&on, &o, D(2025, 12, 31)));
    cr_assert_eq(on, 1);
    fd_assert_ok(fd_occupant_current(&on, &o, D(2026, 1, 1)));
    cr_assert_eq(on, 0, "the move-out day no longer counts");
    o.move_out = D(2025, 3, 1);
    fd_assert_error(fd_occupant_current(&on, &o, D(2025, 3, 1)), FD_EINVAL,
                    "occupant.move_out: 2025-03-01 is not after occupant.move_in");
    o.move_out = NO_DATE;
    fd_assert_error(fd_occupant_current(&on, &o, D(2025, 2, 30)), FD_EINVAL, "on");
    fd_assert_error(fd_occupant_current(NULL, &o, D(2025, 3, 1)), FD_EINVAL, "out");
    o.move_in = NO_DATE;
    fd_assert_error(fd_occupant_current(&on, &o, D(2025, 3, 1)), FD_EINVAL, "occupant.move_in: is required");

    fd_organisation g = FD_ORGANISATION_INIT;
    g.move_out = D(2026, 1, 1);
    fd_assert_ok(fd_organisation_current(&on, &g, D(1990, 1, 1)));
    cr_assert_eq(on, 1, "no move-in recorded: since always");
    fd_assert_ok(fd_organisation_current(&on, &g, D(2026, 1, 1)));
    cr_assert_eq(on, 0);
    fd_employee e = FD_EMPLOYEE_INIT;
    fd_assert_ok(fd_employee_current(&on, &e, D(2026, 1, 1)));
    cr_assert_eq(on, 1, "not left");
    e.left_on = D(2026, 1, 1);
    fd_assert_ok(fd_employee_current(&on, &e, D(2026, 1, 1)));
    cr_assert_eq(on, 0, "the day they left no longer counts");
    e.left_on = D(2026, 13, 1);
    fd_assert_error(fd_employee_current(&on, &e, D(2026, 1, 1)), FD_EINVAL, "employee.left_on");
}

Test(property, R_VIS_5_codes_have_chinese_labels)
{
    cr_assert_str_eq(fd_property_code_label("role", "owner"), "业主");
    cr_assert_str_eq(fd_property_code_label("use", "shop"), "商铺");
    cr_assert_null(fd_property_code_label("role", "landlord"));
    cr_assert_null(fd_property_code_label("colour", "owner"));
    cr_assert_null(fd_property_code_label(NULL, NULL));
    fd_buf b = FD_BUF_INIT;
    const char *owners[] = { "owner", "OWNER", " 业主 ", "業主", "房主" };
    for (size_t i = 0; i < sizeof owners / sizeof *owners; i++) {
        fd_assert_ok(fd_property_code_parse(&b, "role", owners[i]));
        cr_assert_str_eq(b.ptr, "owner", "%s", owners[i]);
    }
    fd_assert_ok(fd_property_code_parse(&b, "role", "租戶"));
    cr_assert_str_eq(b.ptr, "tenant");
    fd_assert_ok(fd_property_code_parse(&b, "use", "辦公"));
    cr_assert_str_eq(b.ptr, "office");
    fd_assert_error(fd_property_code_parse(&b, "role", "房东"), FD_EINVAL, "text: '房东' is not a role (owner 业主");
    fd_assert_error(fd_property_code_parse(&b, "colour", "red"), FD_EINVAL, "field");
    fd_buf_dispose(&b);
}

Test(property, R_COM_3_a_move_out_before_the_move_in_is_refused)
{
    fd_occupant o = FD_OCCUPANT_INIT;
    o.unit_id = 1;
    o.name = "张三";
    o.role = "owner";
    o.move_in = D(2025, 3, 1);
    fd_assert_ok(fd_occupant_validate(&o));
    o.move_out = D(2025, 2, 1);
    fd_assert_error(fd_occupant_validate(&o), FD_EINVAL, "occupant.move_out: 2025-02-01 is not after move_in");
    o.move_out = D(2025, 3, 1);
    fd_assert_error(fd_occupant_validate(&o), FD_EINVAL, "occupant.move_out");
    o.move_out = D(2025, 3, 2);
    fd_assert_ok(fd_occupant_validate(&o));
    o.role = "landlord";
    fd_assert_error(fd_occupant_validate(&o), FD_EINVAL, "occupant.role: 'landlord'");
    o.role = "owner";
    o.name = "";
    fd_assert_error(fd_occupant_validate(&o), FD_EINVAL, "occupant.name");
    o.name = "张三";
    /* A phone that does not parse is refused without its digits (R-COM-2). */
    o.phone = "1381234567";
    fd_assert_error(fd_occupant_validate(&o), FD_EINVAL, "occupant.phone");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 5, "%s", fd_error_last()->message);
    o.phone = "１３８ １２３４ ５６７８";
    fd_assert_ok(fd_occupant_validate(&o));

    fd_organisation g = FD_ORGANISATION_INIT;
    g.name = "长沙银行";
    g.move_in = D(2024, 1, 1);
    g.move_out = D(2023, 1, 1);
    fd_assert_error(fd_organisation_validate(&g), FD_EINVAL, "organisation.move_out");
    g.move_in = NO_DATE;
    fd_assert_ok(fd_organisation_validate(&g));
}

Test(property, R_VIS_5_units_and_buildings_are_checked_before_the_store)
{
    fd_unit u = FD_UNIT_INIT;
    u.building_id = 1;
    u.number = "3栋1201";
    u.use = "residential";
    fd_assert_ok(fd_unit_validate(&u));
    u.use = "palace";
    fd_assert_error(fd_unit_validate(&u), FD_EINVAL, "unit.use: 'palace'");
    u.use = "shop";
    u.number = "3@1";
    fd_assert_error(fd_unit_validate(&u), FD_EINVAL, "unit.number");
    u.number = "3-1201";
    u.floor = "012";
    fd_assert_error(fd_unit_validate(&u), FD_EINVAL, "unit.floor");
    u.floor = "B1";
    fd_assert_ok(fd_unit_validate(&u));
    u.area_m2x100 = FD_AREA_MAX + 1;
    fd_assert_error(fd_unit_validate(&u), FD_ERANGE, "unit.area_m2x100");
    u.area_m2x100 = -5;
    fd_assert_error(fd_unit_validate(&u), FD_ERANGE, "unit.area_m2x100");
    fd_building b = FD_BUILDING_INIT;
    b.code = "3号楼";
    b.name = "3号楼";
    fd_assert_ok(fd_building_validate(&b));
    b.code = "3-1";
    fd_assert_error(fd_building_validate(&b), FD_EINVAL, "building.code");
    fd_employee e = FD_EMPLOYEE_INIT;
    e.organisation_id = 1;
    e.name = "李四";
    e.phone = "abc";
    fd_assert_error(fd_employee_validate(&e), FD_EINVAL, "employee.phone");
}

/* --- the store ---------------------------------------------------------------------------- */

typedef struct fixture {
    fd_store *s;
    const char *path;
    int64_t site, other;          /* two sites in one database */
    int64_t clerk, boss, stranger; /* a clerk, a supervisor (manage, reveal), a clerk of the other site */
    int64_t b3, b10, ba;          /* buildings 3, 10, A */
    int64_t u3_1201, u3_1202, u10_1201, ua_5f;
} fixture;

static fd_actor act(int64_t site, int64_t staff, int64_t at)
{
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site;
    a.staff_id = staff;
    a.at = at;
    return a;
}

static fd_actor manager(const fixture *f)
{
    fd_actor a = act(f->site, f->boss, T0);
    a.grants = FD_GRANT_MANAGE;
    return a;
}

static int64_t add_staff(fd_store *s, const fd_actor *a, const char *code, const char *name, const char *role)
{
    fd_staff rec = FD_STAFF_INIT;
    rec.code = code;
    rec.name = name;
    rec.role = role;
    int64_t id = 0;
    fd_assert_ok(fd_store_staff_add(&id, s, a, &rec));
    return id;
}

static int64_t add_building(fd_store *s, const fd_actor *a, const char *code, const char *name)
{
    fd_building b = FD_BUILDING_INIT;
    b.code = code;
    b.name = name;
    int64_t id = 0;
    fd_assert_ok(fd_store_building_add(&id, s, a, &b));
    return id;
}

static fd_status unit_add(int64_t *id, fd_store *s, const fd_actor *a, int64_t building, const char *number,
                          const char *use)
{
    fd_unit u = FD_UNIT_INIT;
    u.building_id = building;
    u.number = number;
    u.use = use;
    u.area_m2x100 = 8950;
    return fd_store_unit_add(id, s, a, &u);
}

static int64_t add_unit(fd_store *s, const fd_actor *a, int64_t building, const char *number)
{
    int64_t id = 0;
    fd_assert_ok(unit_add(&id, s, a, building, number, "residential"));
    return id;
}

static fd_status occupant_add(int64_t *id, fd_store *s, const fd_actor *a, int64_t unit, const char *name,
                              const char *phone, const char *role, fd_date in)
{
    fd_occupant o = FD_OCCUPANT_INIT;
    o.unit_id = unit;
    o.name = name;
    o.phone = phone;
    o.role = role;
    o.move_in = in;
    return fd_store_occupant_add(id, s, a, &o);
}

static int64_t add_occupant(const fixture *f, int64_t unit, const char *name, const char *phone, const char *role)
{
    fd_actor a = act(f->site, f->clerk, T0);
    int64_t id = 0;
    fd_assert_ok(occupant_add(&id, f->s, &a, unit, name, phone, role, D(2024, 5, 1)));
    return id;
}

static fixture setup(const char *stem)
{
    fixture f;
    memset(&f, 0, sizeof f);
    f.path = fd_test_path(stem);
    fd_assert_ok(fd_store_open(&f.s, f.path, NULL));
    fd_actor boot = act(0, 0, T0);
    fd_site site = FD_SITE_INIT;
    site.code = "estate";
    site.name = "阳光花园";
    fd_assert_ok(fd_store_site_add(&f.site, f.s, &boot, &site));
    site.code = "park";
    site.name = "科技园";
    fd_assert_ok(fd_store_site_add(&f.other, f.s, &boot, &site));
    fd_actor sys = act(f.site, 0, T0);
    f.clerk = add_staff(f.s, &sys, "F001", "王前台", "clerk");
    f.boss = add_staff(f.s, &sys, "M001", "赵主管", "supervisor");
    fd_assert_ok(fd_store_grant_set(f.s, &sys, "supervisor", FD_GRANT_MANAGE, 1));
    fd_assert_ok(fd_store_grant_set(f.s, &sys, "supervisor", FD_GRANT_REVEAL, 1));
    fd_actor sys2 = act(f.other, 0, T0);
    f.stranger = add_staff(f.s, &sys2, "F001", "外园前台", "clerk");
    fd_actor m = manager(&f);
    f.b3 = add_building(f.s, &m, "3号楼", "3号楼");
    f.b10 = add_building(f.s, &m, "10", "10号楼");
    f.ba = add_building(f.s, &m, "A座", "A座");
    f.u3_1201 = add_unit(f.s, &m, f.b3, "3栋1201室");
    f.u3_1202 = add_unit(f.s, &m, f.b3, "1202");
    f.u10_1201 = add_unit(f.s, &m, f.b10, "10-1201");
    f.ua_5f = add_unit(f.s, &m, f.ba, "A座 5F");
    return f;
}

static void teardown(fixture *f)
{
    fd_store_close(f->s);
}

/* The find's hits as "kind:name:unit" lines, for compact assertions. */
static int find(const fixture *f, const fd_actor *a, const char *query, const fd_property_find_options *o,
                char out[][160], int cap, int *more)
{
    fd_property_hits *h = NULL;
    fd_assert_ok(fd_store_property_find(&h, f->s, a, query, o));
    int n = (int)fd_property_hits_count(h);
    for (int i = 0; i < n && i < cap; i++) {
        const fd_property_hit *x = fd_property_hits_get(h, (size_t)i);
        snprintf(out[i], 160, "%s:%s:%s:%s%s", fd_property_kind_name(x->kind), x->name, x->unit,
                 fd_property_match_name(x->match), x->current ? "" : ":former");
    }
    cr_assert_null(fd_property_hits_get(h, (size_t)n));
    if (more)
        *more = fd_property_hits_more(h);
    fd_property_hits_free(h);
    return n;
}

Test(property, R_VIS_5_buildings_and_units_need_the_manage_grant)
{
    fixture f = setup("manage");
    fd_actor clerk = act(f.site, f.clerk, T0);
    int64_t id = 0;
    fd_building b = FD_BUILDING_INIT;
    b.code = "5";
    b.name = "5号楼";
    fd_assert_error(fd_store_building_add(&id, f.s, &clerk, &b), FD_EPERM, "manage");
    fd_assert_error(unit_add(&id, f.s, &clerk, f.b3, "3-101", "residential"), FD_EPERM, "manage");
    fd_actor sys = act(f.site, 0, T0);
    fd_assert_ok(fd_store_building_add(&id, f.s, &sys, &b));
    /* The code is kept canonical and unique per site. */
    fd_building *got = NULL;
    fd_assert_ok(fd_store_building_get(&got, f.s, &clerk, f.b3));
    cr_assert_str_eq(got->code, "3");
    cr_assert_str_eq(got->name, "3号楼");
    cr_assert_eq(got->staff_id, f.boss);
    cr_assert_eq(got->created_at, T0);
    fd_building_free(got);
    b.code = "3栋";
    fd_assert_error(fd_store_building_add(&id, f.s, &sys, &b), FD_ECONFLICT, "building.code");
    /* People need no grant. */
    int64_t o = 0;
    fd_assert_ok(occupant_add(&o, f.s, &clerk, f.u3_1201, "张三", NULL, "owner", D(2024, 1, 1)));
    teardown(&f);
}

Test(property, R_VIS_5_unit_numbers_are_stored_canonical_in_their_building)
{
    fixture f = setup("units");
    fd_actor m = manager(&f);
    fd_actor clerk = act(f.site, f.clerk, T0);
    fd_unit *u = NULL;
    fd_assert_ok(fd_store_unit_get(&u, f.s, &clerk, f.u3_1202));
    cr_assert_str_eq(u->number, "3-1202", "the building's code goes in front of a bare room");
    cr_assert_str_eq(u->floor, "12", "derived");
    cr_assert_eq(u->area_m2x100, 8950);
    fd_unit_free(u);
    fd_assert_ok(fd_store_unit_get(&u, f.s, &clerk, f.ua_5f));
    cr_assert_str_eq(u->number, "A-5F");
    cr_assert_str_eq(u->floor, "5");
    fd_unit_free(u);
    int64_t id = 0;
    fd_assert_error(unit_add(&id, f.s, &m, f.b3, "５－１０１", "residential"), FD_EINVAL,
                    "unit.number: '5-101' is in building 5, not in building 3");
    fd_assert_error(unit_add(&id, f.s, &m, f.b3, "３－１２０１", "residential"), FD_ECONFLICT, "unit.number");
    fd_assert_error(unit_add(&id, f.s, &m, f.b3, "3@1", "residential"), FD_EINVAL, "fd_store_unit_add: unit.number");
    fd_assert_error(unit_add(&id, f.s, &m, f.b3, "3-1301", "palace"), FD_EINVAL, "fd_store_unit_add: unit.use");
    fd_assert_error(unit_add(&id, f.s, &m, 999, "3-1301", "shop"), FD_ENOTFOUND, "unit.building_id");
    /* A building of the other site is not there for this one. */
    fd_actor sys2 = act(f.other, 0, T0);
    int64_t other_b = add_building(f.s, &sys2, "3", "3号楼");
    fd_assert_error(unit_add(&id, f.s, &m, other_b, "3-1301", "shop"), FD_ENOTFOUND, "unit.building_id");
    /* The same number at the other site is another unit. */
    fd_assert_ok(unit_add(&id, f.s, &sys2, other_b, "3-1201", "shop"));

    /* Looked up as typed. */
    fd_assert_ok(fd_store_unit_get_by_number(&u, f.s, &clerk, "３栋１２０１号"));
    cr_assert_eq(u->id, f.u3_1201);
    fd_unit_free(u);
    fd_assert_ok(fd_store_unit_get_by_number(&u, f.s, &clerk, "1202"));
    cr_assert_eq(u->id, f.u3_1202, "one unit has room 1202");
    fd_unit_free(u);
    fd_assert_error(fd_store_unit_get_by_number(&u, f.s, &clerk, "1201"), FD_ECONFLICT, "3-1201, 10-1201");
    fd_assert_error(fd_store_unit_get_by_number(&u, f.s, &clerk, "3-9999"), FD_ENOTFOUND, "number: no unit 3-9999");
    fd_assert_error(fd_store_unit_get_by_number(&u, f.s, &clerk, "3@"), FD_EINVAL, "number");
    cr_assert_null(u);
    teardown(&f);
}

Test(property, R_VIS_5_units_list_in_natural_order)
{
    fixture f = setup("natural");
    fd_actor m = manager(&f);
    int64_t b2 = add_building(f.s, &m, "2", "2号楼");
    const char *numbers[] = { "2-1001", "2-101", "2-99", "2-1-101", "2-B1" };
    for (size_t i = 0; i < 5; i++)
        add_unit(f.s, &m, b2, numbers[i]);
    fd_actor clerk = act(f.site, f.clerk, T0);
    const char *want_all[] = { "2-1-101", "2-99", "2-101", "2-1001", "2-B1", "3-1201", "3-1202", "10-1201", "A-5F" };
    char got[16][40];
    int n = 0;
    const char *after = NULL;
    /* Pages of 4, each starting after the last number of the previous. */
    for (int page = 0; page < 5; page++) {
        fd_unit_iter *it = NULL;
        const fd_unit *u = NULL;
        fd_assert_ok(fd_store_unit_list(&it, f.s, &clerk, 0, after, 4));
        int k = 0;
        while (fd_unit_iter_next(&u, it) == FD_OK && u) {
            snprintf(got[n++], 40, "%s", u->number);
            k++;
        }
        fd_unit_iter_free(it);
        if (k == 0)
            break;
        after = got[n - 1];
    }
    cr_assert_eq(n, 9);
    for (int i = 0; i < 9; i++)
        cr_assert_str_eq(got[i], want_all[i], "position %d: %s", i, got[i]);
    /* One building; after a number typed another way. */
    fd_unit_iter *it = NULL;
    const fd_unit *u = NULL;
    fd_assert_ok(fd_store_unit_list(&it, f.s, &clerk, b2, "2栋99室", 10));
    fd_assert_ok(fd_unit_iter_next(&u, it));
    cr_assert_str_eq(u->number, "2-101");
    fd_unit_iter_free(it);
    fd_assert_error(fd_store_unit_list(&it, f.s, &clerk, 0, NULL, 0), FD_ERANGE, "limit");
    fd_assert_error(fd_store_unit_list(&it, f.s, &clerk, 0, "9-9", 4), FD_ENOTFOUND, "after");
    fd_actor stranger = act(f.other, f.stranger, T0);
    fd_assert_error(fd_store_unit_list(&it, f.s, &stranger, b2, NULL, 4), FD_ENOTFOUND, "building_id");
    teardown(&f);
}

Test(property, R_COM_2_occupant_phones_are_normalised_masked_and_revealed_with_a_log)
{
    fixture f = setup("phones");
    int64_t o = add_occupant(&f, f.u3_1201, "王小丽", "+86 138-1234-5678", "owner");
    fd_actor clerk = act(f.site, f.clerk, T0);
    fd_occupant *got = NULL;
    fd_assert_ok(fd_store_occupant_get(&got, f.s, &clerk, o));
    cr_assert_str_eq(got->phone, "138****5678");
    cr_assert_str_eq(got->name, "王小丽", "names are masked only where the policy says so");
    cr_assert_eq(got->move_in.year, 2024);
    cr_assert_eq(got->move_out.year, 0, "not moved out");
    fd_occupant_free(got);
    fd_actor boss = act(f.site, f.boss, T0 + 60);
    boss.grants = FD_GRANT_REVEAL;
    boss.reason = "回访核对";
    fd_assert_ok(fd_store_occupant_get(&got, f.s, &boss, o));
    cr_assert_str_eq(got->phone, "13812345678", "stored normalised");
    fd_occupant_free(got);
    fd_reveal_filter rf = FD_REVEAL_FILTER_INIT;
    rf.match = FD_REVEAL_MATCH_RECORD;
    rf.record = "occupant";
    fd_reveal_iter *it = NULL;
    const fd_reveal *r = NULL;
    fd_assert_ok(fd_store_reveal_query(&it, f.s, &clerk, &rf));
    fd_assert_ok(fd_reveal_iter_next(&r, it));
    cr_assert_not_null(r);
    cr_assert_eq(r->record_id, o);
    cr_assert_str_eq(r->field, "phone");
    cr_assert_eq(r->staff_id, f.boss);
    fd_reveal_iter_free(it);
    /* The journal says the unit and role, never the name or the number. */
    fd_journal_filter jf = FD_JOURNAL_FILTER_INIT;
    jf.match = FD_JOURNAL_MATCH_ENTITY | FD_JOURNAL_MATCH_ENTITY_ID;
    jf.entity = "occupant";
    jf.entity_id = o;
    fd_journal_iter *ji = NULL;
    const fd_journal_entry *e = NULL;
    fd_assert_ok(fd_store_journal_query(&ji, f.s, &boss, &jf));
    fd_assert_ok(fd_journal_iter_next(&e, ji));
    cr_assert_not_null(e);
    cr_assert_str_eq(e->action, "add");
    cr_assert_str_eq(e->detail, "3-1201 owner");
    cr_assert_eq(e->staff_id, f.clerk);
    fd_journal_iter_free(ji);
    /* A full-width phone is the same number. */
    int64_t o2 = add_occupant(&f, f.u3_1202, "李四", "１３９ ００１３ ９０００", "tenant");
    fd_assert_ok(fd_store_occupant_get(&got, f.s, &clerk, o2));
    cr_assert_str_eq(got->phone, "139****9000");
    fd_occupant_free(got);
    teardown(&f);
}

Test(property, R_COM_3_occupants_move_out_and_are_never_deleted)
{
    fixture f = setup("moveout");
    fd_actor clerk = act(f.site, f.clerk, T0);
    int64_t id = 0;
    fd_occupant o = FD_OCCUPANT_INIT;
    o.unit_id = f.u3_1201;
    o.name = "张三";
    o.role = "tenant";
    o.move_in = D(2025, 3, 1);
    o.move_out = D(2025, 2, 1);
    fd_assert_error(fd_store_occupant_add(&id, f.s, &clerk, &o), FD_EINVAL,
                    "fd_store_occupant_add: occupant.move_out: 2025-02-01 is not after move_in");
    o.move_out = NO_DATE;
    fd_assert_ok(fd_store_occupant_add(&id, f.s, &clerk, &o));
    fd_assert_error(fd_store_occupant_move_out(f.s, &clerk, id, D(2025, 3, 1)), FD_EINVAL,
                    "move_out: 2025-03-01 is not after the move-in 2025-03-01");
    fd_assert_error(fd_store_occupant_move_out(f.s, &clerk, id, D(2025, 2, 30)), FD_EINVAL, "move_out");
    fd_assert_ok(fd_store_occupant_move_out(f.s, &clerk, id, D(2026, 6, 1)));
    fd_assert_error(fd_store_occupant_move_out(f.s, &clerk, id, D(2026, 7, 1)), FD_ESTATE,
                    "moved out on 2026-06-01 already");
    fd_assert_error(fd_store_occupant_move_out(f.s, &clerk, 9999, D(2026, 7, 1)), FD_ENOTFOUND, "occupant_id");
    fd_occupant *got = NULL;
    fd_assert_ok(fd_store_occupant_get(&got, f.s, &clerk, id));
    cr_assert_eq(got->move_out.year, 2026);
    cr_assert_eq(got->move_out.month, 6);
    cr_assert_str_eq(got->name, "张三", "the row keeps everything else");
    fd_occupant_free(got);
    /* Journaled with the date. */
    fd_journal_filter jf = FD_JOURNAL_FILTER_INIT;
    jf.match = FD_JOURNAL_MATCH_ACTION;
    jf.action = "move_out";
    fd_journal_iter *ji = NULL;
    const fd_journal_entry *e = NULL;
    fd_assert_ok(fd_store_journal_query(&ji, f.s, &clerk, &jf));
    fd_assert_ok(fd_journal_iter_next(&e, ji));
    cr_assert_not_null(e);
    cr_assert_str_eq(e->detail, "2026-06-01");
    cr_assert_eq(e->entity_id, id);
    fd_journal_iter_free(ji);
    /* The database itself refuses to delete or rewrite. */
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open(f.path, &db), SQLITE_OK);
    const char *refused[] = { "DELETE FROM occupants", "DELETE FROM units", "DELETE FROM buildings",
                              "UPDATE occupants SET name = '李四'", "UPDATE occupants SET move_out = '2027-01-01'",
                              "UPDATE units SET number = '9-9'", "INSERT OR REPLACE INTO units (id, site_id, created_at, "
                              "building_id, number, use) SELECT id, site_id, 0, building_id, number, use FROM units" };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        cr_assert_neq(sqlite3_exec(db, refused[i], NULL, NULL, NULL), SQLITE_OK, "%s", refused[i]);
    sqlite3_close(db);
    teardown(&f);
}

Test(property, R_COM_1_actors_of_another_site_are_refused_and_see_nothing)
{
    fixture f = setup("sites");
    int64_t o = add_occupant(&f, f.u3_1201, "王小丽", "13812345678", "owner");
    /* Staff of the other site acting here: FD_EPERM. */
    fd_actor wrong = act(f.site, f.stranger, T0);
    int64_t id = 0;
    fd_assert_error(occupant_add(&id, f.s, &wrong, f.u3_1201, "李四", NULL, "owner", D(2024, 1, 1)), FD_EPERM,
                    "staff");
    fd_property_hits *h = NULL;
    fd_assert_error(fd_store_property_find(&h, f.s, &wrong, "王小丽", NULL), FD_EPERM, "staff");
    fd_resident_check rc;
    fd_assert_error(fd_store_resident_check(&rc, f.s, &wrong, "王小丽", D(2026, 11, 23)), FD_EPERM, "staff");
    fd_assert_error(fd_store_occupant_move_out(f.s, &wrong, o, D(2026, 1, 1)), FD_EPERM, "staff");
    /* Acting at their own site, our occupant is invisible. */
    fd_actor stranger = act(f.other, f.stranger, T0);
    fd_occupant *got = NULL;
    fd_assert_error(fd_store_occupant_get(&got, f.s, &stranger, o), FD_ENOTFOUND, "at the actor's site");
    char hits[8][160];
    cr_assert_eq(find(&f, &stranger, "王小丽", NULL, hits, 8, NULL), 0);
    cr_assert_eq(find(&f, &stranger, "13812345678", NULL, hits, 8, NULL), 0);
    cr_assert_eq(find(&f, &stranger, "3-1201", NULL, hits, 8, NULL), 0);
    fd_assert_ok(fd_store_resident_check(&rc, f.s, &stranger, "王小丽", D(2026, 11, 23)));
    cr_assert_eq(rc.answer, FD_RESIDENT_NO);
    fd_assert_ok(fd_store_resident_check(&rc, f.s, &stranger, "13812345678", D(2026, 11, 23)));
    cr_assert_eq(rc.answer, FD_RESIDENT_NO);
    fd_assert_error(fd_store_occupant_move_out(f.s, &stranger, o, D(2026, 1, 1)), FD_ENOTFOUND, "occupant_id");
    /* Nor can they register someone in our unit. */
    fd_assert_error(occupant_add(&id, f.s, &stranger, f.u3_1201, "李四", NULL, "owner", D(2024, 1, 1)),
                    FD_ENOTFOUND, "occupant.unit_id");
    teardown(&f);
}

Test(property, R_VIS_1_find_by_name_pinyin_initials_and_traditional_input)
{
    fixture f = setup("names");
    add_occupant(&f, f.u3_1201, "王小丽", "13812345678", "owner");
    add_occupant(&f, f.u3_1202, "𠮷田花子", NULL, "tenant");
    fd_actor m = act(f.site, f.clerk, T0);
    int64_t org = 0;
    fd_organisation g = FD_ORGANISATION_INIT;
    g.name = "长沙银行";
    g.unit_id = f.ua_5f;
    fd_assert_ok(fd_store_organisation_add(&org, f.s, &m, &g));
    fd_actor clerk = act(f.site, f.clerk, T0);
    char hits[8][160];
    const char *wxl[] = { "王小丽", "wangxiaoli", "wxl", "WXL", "王小麗", "ｗｘｌ", "xiaoli" };
    for (size_t i = 0; i < sizeof wxl / sizeof *wxl; i++) {
        cr_assert_eq(find(&f, &clerk, wxl[i], NULL, hits, 8, NULL), 1, "%s", wxl[i]);
        cr_assert_str_eq(hits[0], "occupant:王小丽:3-1201:name", "%s: %s", wxl[i], hits[0]);
    }
    cr_assert_eq(find(&f, &clerk, "長沙", NULL, hits, 8, NULL), 1);
    cr_assert_str_eq(hits[0], "organisation:长沙银行:A-5F:name");
    cr_assert_eq(find(&f, &clerk, "𠮷田", NULL, hits, 8, NULL), 1);
    cr_assert_str_eq(hits[0], "occupant:𠮷田花子:3-1202:name");
    cr_assert_eq(find(&f, &clerk, "赵钱孙", NULL, hits, 8, NULL), 0);
    /* Only the kinds asked for. */
    fd_property_find_options o = FD_PROPERTY_FIND_OPTIONS_INIT;
    o.kinds = 1u << FD_PROPERTY_ORGANISATION;
    cr_assert_eq(find(&f, &clerk, "wxl", &o, hits, 8, NULL), 0);
    o.kinds = 1u << 9;
    fd_property_hits *h = NULL;
    fd_assert_error(fd_store_property_find(&h, f.s, &clerk, "wxl", &o), FD_EINVAL, "opts.kinds");
    fd_assert_error(fd_store_property_find(&h, f.s, &clerk, "  ", NULL), FD_EINVAL, "query");
    o = (fd_property_find_options)FD_PROPERTY_FIND_OPTIONS_INIT;
    o.limit = 65;
    fd_assert_error(fd_store_property_find(&h, f.s, &clerk, "wxl", &o), FD_ERANGE, "opts.limit");
    cr_assert_null(h);
    teardown(&f);
}

Test(property, R_VIS_1_find_by_unit_lists_the_unit_then_who_is_there)
{
    fixture f = setup("byunit");
    add_occupant(&f, f.u3_1201, "王小丽", NULL, "owner");
    add_occupant(&f, f.u3_1201, "王大力", NULL, "resident");
    add_occupant(&f, f.u10_1201, "赵六", NULL, "tenant");
    fd_actor clerk = act(f.site, f.clerk, T0);
    char hits[8][160];
    cr_assert_eq(find(&f, &clerk, "3栋1201室", NULL, hits, 8, NULL), 3);
    cr_assert_str_eq(hits[0], "unit:3-1201:3-1201:unit");
    cr_assert_str_eq(hits[1], "occupant:王小丽:3-1201:unit");
    cr_assert_str_eq(hits[2], "occupant:王大力:3-1201:unit");
    /* A bare room: that room in every building, in natural order. */
    cr_assert_eq(find(&f, &clerk, "1201", NULL, hits, 8, NULL), 5);
    cr_assert_str_eq(hits[0], "unit:3-1201:3-1201:unit");
    cr_assert_str_eq(hits[3], "unit:10-1201:10-1201:unit");
    cr_assert_str_eq(hits[4], "occupant:赵六:10-1201:unit");
    teardown(&f);
}

Test(property, R_VIS_5_find_by_phone_matches_normalised_and_shows_it_masked)
{
    fixture f = setup("byphone");
    add_occupant(&f, f.u3_1201, "王小丽", "13812345678", "owner");
    fd_actor clerk = act(f.site, f.clerk, T0);
    const char *typed[] = { "13812345678", "１３８１２３４５６７８", "+86 138 1234 5678", "138-1234-5678" };
    for (size_t i = 0; i < 4; i++) {
        fd_property_hits *h = NULL;
        fd_assert_ok(fd_store_property_find(&h, f.s, &clerk, typed[i], NULL));
        cr_assert_eq(fd_property_hits_count(h), 1, "%s", typed[i]);
        const fd_property_hit *x = fd_property_hits_get(h, 0);
        cr_assert_eq(x->kind, FD_PROPERTY_OCCUPANT);
        cr_assert_eq(x->match, FD_PROPERTY_MATCH_PHONE);
        cr_assert_str_eq(x->phone, "138****5678", "masked: matching is not seeing (R-COM-2)");
        cr_assert_str_eq(x->unit, "3-1201");
        cr_assert_str_eq(x->role, "owner");
        cr_assert_eq(x->current, 1);
        fd_property_hits_free(h);
    }
    /* A short number is nobody's phone. */
    char hits[4][160];
    cr_assert_eq(find(&f, &clerk, "12345", NULL, hits, 4, NULL), 0);
    teardown(&f);
}

Test(property, R_COM_2_find_masks_names_by_policy_and_logs_each_reveal)
{
    fixture f = setup("findmask");
    int64_t o = add_occupant(&f, f.u3_1201, "王小丽", "13812345678", "owner");
    fd_actor sys = act(f.site, 0, T0);
    fd_assert_ok(fd_store_policy_set(f.s, &sys, "pii.mask_names", 1));
    fd_actor clerk = act(f.site, f.clerk, T0);
    fd_property_hits *h = NULL;
    fd_assert_ok(fd_store_property_find(&h, f.s, &clerk, "wxl", NULL));
    cr_assert_eq(fd_property_hits_count(h), 1);
    cr_assert_str_eq(fd_property_hits_get(h, 0)->name, "王**");
    cr_assert_str_eq(fd_property_hits_get(h, 0)->phone, "138****5678");
    fd_property_hits_free(h);
    fd_actor boss = act(f.site, f.boss, T0 + 30);
    boss.grants = FD_GRANT_REVEAL;
    boss.reason = "访客核实";
    fd_assert_ok(fd_store_property_find(&h, f.s, &boss, "wxl", NULL));
    cr_assert_str_eq(fd_property_hits_get(h, 0)->name, "王小丽");
    cr_assert_str_eq(fd_property_hits_get(h, 0)->phone, "13812345678");
    fd_property_hits_free(h);
    fd_reveal_iter *it = NULL;
    const fd_reveal *r = NULL;
    fd_assert_ok(fd_store_reveal_query(&it, f.s, &clerk, NULL));
    int n = 0, name = 0, phone = 0;
    while (fd_reveal_iter_next(&r, it) == FD_OK && r) {
        cr_assert_str_eq(r->record, "occupant");
        cr_assert_eq(r->record_id, o);
        cr_assert_eq(r->at, T0 + 30);
        cr_assert_str_eq(r->reason, "访客核实");
        name += strcmp(r->field, "name") == 0;
        phone += strcmp(r->field, "phone") == 0;
        n++;
    }
    fd_reveal_iter_free(it);
    cr_assert(n == 2 && name == 1 && phone == 1, "%d reveals", n);
    /* A reveal inside a transaction could be rolled back after the data was shown. */
    fd_assert_ok(fd_store_begin(f.s));
    fd_assert_error(fd_store_property_find(&h, f.s, &boss, "wxl", NULL), FD_ESTATE, "transaction");
    fd_assert_ok(fd_store_rollback(f.s));
    teardown(&f);
}

Test(property, R_VIS_5_former_occupants_are_found_only_when_asked)
{
    fixture f = setup("former");
    int64_t o = add_occupant(&f, f.u3_1201, "王小丽", NULL, "tenant");
    fd_actor clerk = act(f.site, f.clerk, T0);
    fd_assert_ok(fd_store_occupant_move_out(f.s, &clerk, o, D(2026, 6, 1)));
    char hits[8][160];
    cr_assert_eq(find(&f, &clerk, "王小丽", NULL, hits, 8, NULL), 0, "moved out before today (2026-11-23)");
    fd_property_find_options opt = FD_PROPERTY_FIND_OPTIONS_INIT;
    opt.include_former = 1;
    cr_assert_eq(find(&f, &clerk, "王小丽", &opt, hits, 8, NULL), 1);
    cr_assert_str_eq(hits[0], "occupant:王小丽:3-1201:name:former");
    opt.include_former = 0;
    opt.on = D(2026, 5, 31);
    cr_assert_eq(find(&f, &clerk, "王小丽", &opt, hits, 8, NULL), 1, "still there on 2026-05-31");
    cr_assert_str_eq(hits[0], "occupant:王小丽:3-1201:name");
    opt.on = D(2026, 2, 30);
    fd_property_hits *h = NULL;
    fd_assert_error(fd_store_property_find(&h, f.s, &clerk, "王小丽", &opt), FD_EINVAL, "opts.on");
    teardown(&f);
}

Test(property, R_VIS_1_find_pages_and_says_when_there_is_more)
{
    fixture f = setup("paging");
    const char *names[] = { "王一", "王二", "王三", "王四", "王五" };
    for (size_t i = 0; i < 5; i++)
        add_occupant(&f, f.u3_1201, names[i], NULL, "resident");
    fd_actor clerk = act(f.site, f.clerk, T0);
    fd_property_find_options o = FD_PROPERTY_FIND_OPTIONS_INIT;
    o.kinds = 1u << FD_PROPERTY_OCCUPANT;
    o.limit = 3;
    char hits[8][160];
    int more = -1;
    cr_assert_eq(find(&f, &clerk, "王", &o, hits, 8, &more), 3);
    cr_assert_eq(more, 1);
    o.limit = 5;
    cr_assert_eq(find(&f, &clerk, "wang", &o, hits, 8, &more), 5);
    cr_assert_eq(more, 0, "exactly a page: nothing more");
    /* Each hit once, although 王一 matches "w" by its pinyin and its initials. */
    o.limit = 0;
    cr_assert_eq(find(&f, &clerk, "w", &o, hits, 8, &more), 5);
    for (int i = 0; i < 5; i++)
        for (int k = i + 1; k < 5; k++)
            cr_assert_str_neq(hits[i], hits[k]);
    teardown(&f);
}

Test(property, R_VIS_1_organisations_departments_and_employees)
{
    fixture f = setup("orgs");
    fd_actor clerk = act(f.site, f.clerk, T0);
    int64_t org = 0, other_org = 0, dept = 0, emp = 0, id = 0;
    fd_organisation g = FD_ORGANISATION_INIT;
    g.name = "星辰科技有限公司";
    g.unit_id = f.ua_5f;
    g.phone = "0755-8888 6666";
    g.move_in = D(2023, 1, 1);
    fd_assert_ok(fd_store_organisation_add(&org, f.s, &clerk, &g));
    g.name = "长沙银行";
    g.phone = NULL;
    fd_assert_ok(fd_store_organisation_add(&other_org, f.s, &clerk, &g));
    fd_department d = FD_DEPARTMENT_INIT;
    d.organisation_id = org;
    d.name = "行政部";
    fd_assert_ok(fd_store_department_add(&dept, f.s, &clerk, &d));
    fd_assert_error(fd_store_department_add(&id, f.s, &clerk, &d), FD_ECONFLICT, "department.name");
    fd_employee e = FD_EMPLOYEE_INIT;
    e.organisation_id = org;
    e.department_id = dept;
    e.name = "陈经理";
    e.phone = "13900139000";
    e.title = "行政经理";
    fd_assert_ok(fd_store_employee_add(&emp, f.s, &clerk, &e));
    e.organisation_id = other_org;
    fd_assert_error(fd_store_employee_add(&id, f.s, &clerk, &e), FD_EINVAL,
                    "employee.department_id: department");
    e.organisation_id = 999;
    fd_assert_error(fd_store_employee_add(&id, f.s, &clerk, &e), FD_ENOTFOUND, "employee.organisation_id");
    fd_property_hits *h = NULL;
    fd_assert_ok(fd_store_property_find(&h, f.s, &clerk, "xzb", NULL));
    cr_assert_eq(fd_property_hits_count(h), 1);
    const fd_property_hit *x = fd_property_hits_get(h, 0);
    cr_assert_eq(x->kind, FD_PROPERTY_DEPARTMENT);
    cr_assert_str_eq(x->name, "行政部");
    cr_assert_str_eq(x->organisation, "星辰科技有限公司");
    cr_assert_eq(x->organisation_id, org);
    cr_assert_str_eq(x->unit, "A-5F", "at the organisation's unit");
    fd_property_hits_free(h);
    fd_assert_ok(fd_store_property_find(&h, f.s, &clerk, "陈经理", NULL));
    x = fd_property_hits_get(h, 0);
    cr_assert_eq(x->kind, FD_PROPERTY_EMPLOYEE);
    cr_assert_str_eq(x->department, "行政部");
    cr_assert_str_eq(x->role, "行政经理");
    cr_assert_str_eq(x->phone, "139****9000");
    fd_property_hits_free(h);
    /* The organisation's landline, found normalised, shown masked. */
    fd_assert_ok(fd_store_property_find(&h, f.s, &clerk, "075588886666", NULL));
    cr_assert_eq(fd_property_hits_count(h), 1);
    x = fd_property_hits_get(h, 0);
    cr_assert_eq(x->kind, FD_PROPERTY_ORGANISATION);
    cr_assert_str_eq(x->phone, "0755-****6666");
    fd_property_hits_free(h);
    /* The organisation leaves: its people are no longer current. */
    fd_assert_error(fd_store_organisation_move_out(f.s, &clerk, org, D(2022, 1, 1)), FD_EINVAL, "move_out");
    fd_assert_ok(fd_store_organisation_move_out(f.s, &clerk, org, D(2026, 10, 1)));
    char hits[8][160];
    cr_assert_eq(find(&f, &clerk, "陈经理", NULL, hits, 8, NULL), 0);
    /* An employee leaves, once. */
    fd_assert_ok(fd_store_employee_leave(f.s, &clerk, emp, D(2026, 9, 1)));
    fd_assert_error(fd_store_employee_leave(f.s, &clerk, emp, D(2026, 9, 2)), FD_ESTATE, "left on 2026-09-01");
    fd_property_find_options o = FD_PROPERTY_FIND_OPTIONS_INIT;
    o.include_former = 1;
    cr_assert_eq(find(&f, &clerk, "陈经理", &o, hits, 8, NULL), 1);
    cr_assert_str_eq(hits[0], "employee:陈经理:A-5F:name:former");
    teardown(&f);
}

Test(property, R_VIS_5_resident_check_answers_without_revealing)
{
    fixture f = setup("resident");
    add_occupant(&f, f.u10_1201, "张三", "13812345678", "tenant");
    add_occupant(&f, f.u3_1201, "张三", NULL, "owner");
    add_occupant(&f, f.u3_1202, "𠮷田花子", NULL, "resident");
    add_occupant(&f, f.u3_1202, "单田芳", NULL, "owner");
    int64_t gone = add_occupant(&f, f.ua_5f, "李四", "13900139000", "tenant");
    fd_actor clerk = act(f.site, f.clerk, T0);
    fd_assert_ok(fd_store_occupant_move_out(f.s, &clerk, gone, D(2026, 6, 1)));
    fd_date today = D(2026, 11, 23);
    fd_resident_check r;
    memset(&r, 0x5A, sizeof r);
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "张三", today));
    cr_assert_eq(r.version, FD_RESIDENT_CHECK_VERSION);
    cr_assert_eq(r.answer, FD_RESIDENT_YES);
    cr_assert_eq(r.matches, 2);
    cr_assert_str_eq(r.unit, "3-1201", "the first in natural order (3-1201 < 10-1201)");
    cr_assert_eq(r.unit_id, f.u3_1201);
    cr_assert_str_eq(r.role, "owner");
    cr_assert_str_eq(r.basis, "name");
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "張三", today));
    cr_assert_eq(r.answer, FD_RESIDENT_YES, "Traditional input");
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "１３８ １２３４ ５６７８", today));
    cr_assert_eq(r.answer, FD_RESIDENT_YES);
    cr_assert_str_eq(r.unit, "10-1201");
    cr_assert_str_eq(r.basis, "phone");
    cr_assert_eq(r.matches, 1);
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "𠮷田花子", today));
    cr_assert_eq(r.answer, FD_RESIDENT_YES, "𠮷 is a character like any other");
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "章三", today));
    cr_assert_eq(r.answer, FD_RESIDENT_POSSIBLE, "a homophone");
    cr_assert_str_eq(r.basis, "pinyin");
    cr_assert_eq(r.matches, 2);
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "Zhang San", today));
    cr_assert_eq(r.answer, FD_RESIDENT_POSSIBLE, "pinyin typed in");
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "shan tianfang", today));
    cr_assert_eq(r.answer, FD_RESIDENT_POSSIBLE, "the surname reading of 单");
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "三", today));
    cr_assert_eq(r.answer, FD_RESIDENT_NO, "part of a name is not the name");
    cr_assert_str_eq(r.unit, "");
    cr_assert_eq(r.matches, 0);
    /* Moved out: no longer a resident; before the move-out still one. */
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "李四", today));
    cr_assert_eq(r.answer, FD_RESIDENT_NO);
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "13900139000", today));
    cr_assert_eq(r.answer, FD_RESIDENT_NO);
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "李四", D(2026, 5, 31)));
    cr_assert_eq(r.answer, FD_RESIDENT_YES);
    fd_assert_ok(fd_store_resident_check(&r, f.s, &clerk, "李四", D(2024, 4, 30)));
    cr_assert_eq(r.answer, FD_RESIDENT_NO, "not yet moved in");
    /* Nothing was revealed, nothing logged. */
    fd_reveal_iter *it = NULL;
    const fd_reveal *rv = NULL;
    fd_assert_ok(fd_store_reveal_query(&it, f.s, &clerk, NULL));
    fd_assert_ok(fd_reveal_iter_next(&rv, it));
    cr_assert_null(rv);
    fd_reveal_iter_free(it);
    fd_assert_error(fd_store_resident_check(&r, f.s, &clerk, "", today), FD_EINVAL, "name_or_phone");
    fd_assert_error(fd_store_resident_check(&r, f.s, &clerk, "张三", D(2026, 2, 30)), FD_EINVAL, "date");
    teardown(&f);
}

Test(property, R_VIS_5_options_init_matches_the_macro)
{
    fd_property_find_options a = FD_PROPERTY_FIND_OPTIONS_INIT, b;
    memset(&b, 0x5A, sizeof b);
    fd_assert_ok(fd_property_find_options_init(&b, FD_PROPERTY_FIND_OPTIONS_VERSION));
    cr_assert(a.version == b.version && a.kinds == b.kinds && a.include_former == b.include_former &&
              a.on.year == b.on.year && a.on.month == b.on.month && a.on.day == b.on.day && a.limit == b.limit);
    fd_assert_error(fd_property_find_options_init(&b, 7), FD_EINVAL, "version");
    cr_assert_str_eq(fd_property_kind_name(FD_PROPERTY_EMPLOYEE), "employee");
    cr_assert_str_eq(fd_property_kind_name(0), "");
    cr_assert_str_eq(fd_property_match_name(FD_PROPERTY_MATCH_PHONE), "phone");
    cr_assert_str_eq(fd_resident_answer_name(FD_RESIDENT_POSSIBLE), "possible");
    cr_assert_str_eq(fd_resident_answer_name(9), "");
    cr_assert_eq(fd_property_hits_count(NULL), 0);
    cr_assert_null(fd_property_hits_get(NULL, 0));
    cr_assert_eq(fd_property_hits_more(NULL), 0);
    fd_property_hits_free(NULL);
}
