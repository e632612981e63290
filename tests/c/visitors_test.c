/*
 * Visitors (issue 12, items 2-4): the pure rules (codes, ID numbers of every
 * type, plates, the visit's checks, check-out, overstay, blocklist entries)
 * and the store's side (registering with the slip serial, the host's answer,
 * check-in and check-out, still on site and the end of a shift, ID documents
 * kept the lawful way, the retention purge, the blocklist). Instants are
 * fixed (the actor's `at`), never the clock.
 */
#include "fd_test.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* 2026-11-23 09:00 Asia/Shanghai, a Monday */
#define T0 1795395600
#define HOUR 3600
#define DAY 86400

static const fd_date TODAY = { 2026, 11, 23 };

/* --- codes --------------------------------------------------------------- */

Test(visitors, codes_label_and_parse_every_list)
{
    static const char *const lists[] = { "state", "answer", "id_type", "level", "basis", "event_kind", "outcome" };
    static const char *const probe[] = { "expected", "waiting", "held", "on_site", "declined", "refused", "left",
                                         "cancelled", "lobby", "bring_up", "decline", "id_card", "passport",
                                         "hk_macau", "taiwan", "other", "warning", "limited", "forbidden", "id",
                                         "phone", "name", "pinyin", "answer", "checkin", "checkout", "admit",
                                         "refuse", "explain", "cancel", "pending", "admitted" };
    fd_buf out = FD_BUF_INIT;
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        int found = 0;
        for (size_t k = 0; k < sizeof probe / sizeof *probe; k++) {
            const char *label = fd_visit_code_label(lists[i], probe[k]);
            if (label == NULL)
                continue;
            found++;
            fd_assert_ok(fd_visit_code_parse(&out, lists[i], label));
            cr_assert_str_eq(out.ptr, probe[k], "%s: %s", lists[i], label);
            fd_assert_ok(fd_visit_code_parse(&out, lists[i], probe[k]));
            cr_assert_str_eq(out.ptr, probe[k]);
        }
        cr_assert_geq(found, 3, "%s", lists[i]);
    }
    fd_assert_ok(fd_visit_code_parse(&out, "id_type", "身份证"));
    cr_assert_str_eq(out.ptr, "id_card");
    fd_assert_ok(fd_visit_code_parse(&out, "id_type", "護照"));
    cr_assert_str_eq(out.ptr, "passport");
    fd_assert_ok(fd_visit_code_parse(&out, "id_type", " 回鄉證 "));
    cr_assert_str_eq(out.ptr, "hk_macau");
    fd_assert_ok(fd_visit_code_parse(&out, "answer", "ＬＯＢＢＹ"));
    cr_assert_str_eq(out.ptr, "lobby");
    fd_assert_error(fd_visit_code_parse(&out, "level", "red"), FD_EINVAL, "warning 提醒");
    cr_assert_eq(out.size, 0);
    fd_assert_error(fd_visit_code_parse(&out, "colour", "red"), FD_EINVAL, "field");
    cr_assert_null(fd_visit_code_label("state", "gone"));
    cr_assert_null(fd_visit_code_label(NULL, "left"));
    cr_assert_str_eq(fd_overstay_reason_name(FD_OVERSTAY_CLOSING), "closing");
    cr_assert_str_eq(fd_overstay_reason_name(9), "");
    fd_buf_dispose(&out);
}

/* --- ID documents (R-COM-2) ------------------------------------------------ */

static fd_id_number id_ok(const char *type, const char *number)
{
    fd_id_number n;
    fd_assert_ok(fd_id_number_parse(&n, type, number, TODAY));
    cr_assert_eq(n.version, FD_ID_NUMBER_VERSION);
    return n;
}

Test(visitors, R_COM_2_id_numbers_of_every_type_are_read_and_masked)
{
    fd_id_number n = id_ok("id_card", "11010519491231002x");
    cr_assert_str_eq(n.number, "11010519491231002X");
    cr_assert_str_eq(n.masked, "110105********002X");
    cr_assert_str_eq(n.type, "id_card");
    n = id_ok("id_card", "１１０１０５ １９４９１２３１ ００２Ｘ");
    cr_assert_str_eq(n.number, "11010519491231002X");
    n = id_ok("id_card", "110105491231002"); /* 15 digits become 18 */
    cr_assert_str_eq(n.number, "11010519491231002X");
    n = id_ok("passport", "e 1234 5678");
    cr_assert_str_eq(n.number, "E12345678");
    cr_assert_str_eq(n.masked, "E*****678");
    n = id_ok("passport", "EA1234567");
    cr_assert_str_eq(n.number, "EA1234567");
    n = id_ok("hk_macau", "C12345678");
    cr_assert_str_eq(n.masked, "C*****678");
    id_ok("hk_macau", "CA1234567");
    id_ok("hk_macau", "w 1234 5678");
    id_ok("hk_macau", "H1234567890");
    id_ok("hk_macau", "M12345678");
    n = id_ok("taiwan", "12345678");
    cr_assert_str_eq(n.masked, "1****678");
    id_ok("taiwan", "1234567890");
    n = id_ok("other", "ab-12");
    cr_assert_str_eq(n.number, "AB-12");
    cr_assert_str_eq(n.masked, "A**12");
}

Test(visitors, R_COM_2_id_number_refusals_name_the_field_and_never_echo)
{
    fd_id_number n;
    memset(&n, 0x5a, sizeof n);
    fd_id_number before = n;
    /* A passport number in the ID-card field. */
    fd_assert_error(fd_id_number_parse(&n, "id_card", "E12345678", TODAY), FD_EINVAL, "fd_id_number_parse: number:");
    /* An ID with a future birth date. */
    fd_assert_error(fd_id_number_parse(&n, "id_card", "310101209901011236", TODAY), FD_EINVAL, "birth date");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 7, "%s", fd_error_last()->message);
    fd_assert_error(fd_id_number_parse(&n, "id_card", "110105194912310021", TODAY), FD_EINVAL, "checksum");
    /* An ID card number in the passport field. */
    fd_assert_error(fd_id_number_parse(&n, "passport", "11010519491231002X", TODAY), FD_EINVAL, "choose the type "
                    "id_card");
    fd_assert_error(fd_id_number_parse(&n, "passport", "ABCDEFG", TODAY), FD_EINVAL, "at least one digit");
    fd_assert_error(fd_id_number_parse(&n, "passport", "E12", TODAY), FD_EINVAL, "3 characters given");
    fd_assert_error(fd_id_number_parse(&n, "hk_macau", "X12345678", TODAY), FD_EINVAL, "number: a 港澳通行证");
    fd_assert_error(fd_id_number_parse(&n, "taiwan", "1234567", TODAY), FD_EINVAL, "台胞证");
    fd_assert_error(fd_id_number_parse(&n, "other", "--", TODAY), FD_EINVAL, "no letter or digit");
    fd_assert_error(fd_id_number_parse(&n, "passport", "E1234567#", TODAY), FD_EINVAL, "U+0023");
    cr_assert_null(strstr(fd_error_last()->message, "E1234567"), "%s", fd_error_last()->message);
    fd_assert_error(fd_id_number_parse(&n, "passport", "", TODAY), FD_EINVAL, "number: is empty");
    fd_assert_error(fd_id_number_parse(&n, "licence", "E12345678", TODAY), FD_EINVAL, "type: 'licence'");
    fd_assert_error(fd_id_number_parse(&n, NULL, "E12345678", TODAY), FD_EINVAL, "type");
    fd_assert_error(fd_id_number_parse(&n, "passport", NULL, TODAY), FD_EINVAL, "number");
    fd_assert_error(fd_id_number_parse(&n, "passport", "E12345678", (fd_date){ 0, 0, 0 }), FD_EINVAL, "today");
    char longer[80];
    memset(longer, '1', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    fd_assert_error(fd_id_number_parse(&n, "other", longer, TODAY), FD_ERANGE, "number");
    fd_assert_error(fd_id_number_parse(&n, "other", "\xff", TODAY), FD_EINVAL, "UTF-8");
    cr_assert_eq(memcmp(&n, &before, sizeof n), 0, "unchanged on error");
    fd_id_document d;
    memset(&d, 0x5a, sizeof d);
    fd_assert_ok(fd_id_document_init(&d, FD_ID_DOCUMENT_VERSION));
    fd_id_document init = FD_ID_DOCUMENT_INIT; /* padding differs: compared field by field */
    cr_assert(d.version == init.version && d.type == init.type && d.number == init.number &&
              d.consent == init.consent);
    fd_assert_error(fd_id_document_init(&d, 7), FD_EINVAL, "version");
}

/* --- plates ------------------------------------------------------------------ */

static void plate_is(const char *typed, const char *canonical)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_plate_parse(&b, typed));
    cr_assert_str_eq(b.ptr, canonical, "%s", typed);
    /* canonical is a fixed point */
    fd_assert_ok(fd_plate_parse(&b, canonical));
    cr_assert_str_eq(b.ptr, canonical);
    fd_buf_dispose(&b);
}

Test(visitors, R_VIS_1_plates_are_canonical)
{
    plate_is("京A12345", "京A12345");
    plate_is("京a·12345", "京A12345");
    plate_is("沪 B-8K8K8", "沪B8K8K8");
    plate_is("粵Ｂ１２３４５", "粤B12345");
    plate_is("粤ad12345", "粤AD12345");
    plate_is("粤Z1234港", "粤Z1234港");
    plate_is("苏A1234学", "苏A1234学");
    plate_is("蘇A1234學", "苏A1234学");
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_plate_parse(&b, "A12345"), FD_EINVAL, "plate: 'A12345' does not start with a province");
    fd_assert_error(fd_plate_parse(&b, "京12345"), FD_EINVAL, "issuing letter");
    fd_assert_error(fd_plate_parse(&b, "京A1234"), FD_EINVAL, "4 characters after");
    fd_assert_error(fd_plate_parse(&b, "京A1234567"), FD_EINVAL, "7 characters after");
    fd_assert_error(fd_plate_parse(&b, "京AI2345"), FD_EINVAL, "no I");
    fd_assert_error(fd_plate_parse(&b, "京A12#45"), FD_EINVAL, "U+0023");
    fd_assert_error(fd_plate_parse(&b, ""), FD_EINVAL, "plate: is empty");
    fd_assert_error(fd_plate_parse(&b, " · "), FD_EINVAL, "plate: is empty");
    fd_assert_error(fd_plate_parse(&b, "京A12345678901234567890123456789012"), FD_ERANGE, "plate");
    fd_assert_error(fd_plate_parse(&b, NULL), FD_EINVAL, "plate");
    cr_assert_eq(b.size, 0);
    fd_buf_dispose(&b);
}

/* --- the visit's checks (R-VIS-1) ------------------------------------------------- */

static fd_visit walk_in(void)
{
    fd_visit v = FD_VISIT_INIT;
    v.visitor = "张伟";
    v.organisation = "某某物流有限公司";
    v.phone = "139 1234 5678";
    v.party_size = 1;
    v.host = "3-1201 王小丽";
    v.purpose = "送货";
    return v;
}

Test(visitors, R_VIS_1_visit_validate_refuses_naming_the_field)
{
    fd_visit v = walk_in();
    fd_assert_ok(fd_visit_validate(&v));
    v.party_size = 0;
    fd_assert_error(fd_visit_validate(&v), FD_ERANGE, "fd_visit_validate: visit.party_size: 0, must be 1..999");
    v = walk_in();
    v.host = NULL;
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "visit.host: whom they came to see is required");
    v.host_employee = 3;
    fd_assert_ok(fd_visit_validate(&v));
    v.host_occupant = 2;
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "visit.host_occupant: an occupant is a host alone");
    v = walk_in();
    v.purpose = NULL;
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "fd_visit_validate: visit.purpose: is required");
    v = walk_in();
    v.visitor = "";
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "visit.visitor: is required");
    v = walk_in();
    v.phone = "139 1234 567";
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "fd_visit_validate: visit.phone:");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 6, "%s", fd_error_last()->message);
    v = walk_in();
    v.plate = "A12345";
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "fd_visit_validate: visit.plate:");
    v = walk_in();
    v.preregistered = 1;
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "visit.planned_from: a pre-registered visit");
    v.planned_from = T0;
    v.planned_until = T0;
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "visit.planned_until");
    v.planned_until = T0 + HOUR;
    fd_assert_ok(fd_visit_validate(&v));
    v.version = 9;
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "visit.version");
    fd_assert_error(fd_visit_validate(NULL), FD_EINVAL, "visit");
}

Test(visitors, R_COM_4_checkout_before_checkin_is_refused_naming_the_field)
{
    fd_visit v = walk_in();
    v.state = "expected";
    fd_assert_error(fd_visit_checkout_check(&v, 0, T0), FD_ESTATE, "visit.arrived_at: the visitor has not checked "
                    "in: a check-out before the check-in is refused");
    v.arrived_at = T0;
    fd_assert_ok(fd_visit_checkout_check(&v, 0, T0 + HOUR));
    fd_assert_ok(fd_visit_checkout_check(&v, T0 + 60, T0 + HOUR));
    fd_assert_error(fd_visit_checkout_check(&v, T0 - 60, T0 + HOUR), FD_EINVAL, "left_at: 1 min before the check-in");
    fd_assert_error(fd_visit_checkout_check(&v, T0 + 2 * HOUR, T0 + HOUR), FD_EINVAL, "left_at: 1 h in the future");
    v.departed_at = T0 + 30;
    fd_assert_error(fd_visit_checkout_check(&v, 0, T0 + HOUR), FD_ESTATE, "visit.departed_at: checked out already");
    fd_assert_error(fd_visit_checkout_check(NULL, 0, T0), FD_EINVAL, "visit");
}

static fd_policy *policy_with(const char *key, int64_t value)
{
    fd_policy *p = NULL;
    fd_assert_ok(fd_policy_new(&p));
    if (key)
        fd_assert_ok(fd_policy_set(p, key, value));
    return p;
}

Test(visitors, R_COM_4_overstay_past_the_window_or_the_closing_time)
{
    fd_visit v = walk_in();
    v.arrived_at = T0;
    v.planned_until = T0 + 2 * HOUR;
    fd_overstay o;
    /* within the window, and within the grace (15 minutes by default) */
    fd_assert_ok(fd_visit_overstay(&o, &v, T0 + 2 * HOUR + 15 * 60, "Asia/Shanghai", NULL));
    cr_assert_eq(o.overstay, 0);
    cr_assert_eq(o.reason, FD_OVERSTAY_NONE);
    fd_assert_ok(fd_visit_overstay(&o, &v, T0 + 2 * HOUR + 15 * 60 + 1, "Asia/Shanghai", NULL));
    cr_assert_eq(o.overstay, 1);
    cr_assert_eq(o.reason, FD_OVERSTAY_WINDOW);
    cr_assert_eq(o.since, T0 + 2 * HOUR + 15 * 60);
    /* a hotel's 23:00 rule: 23:00 of the arrival day, Beijing time */
    fd_policy *p = policy_with("visitor.closing_minute", 23 * 60);
    v.planned_until = 0;
    fd_assert_ok(fd_visit_overstay(&o, &v, T0 + 14 * HOUR - 1, NULL, p));
    cr_assert_eq(o.overstay, 0);
    fd_assert_ok(fd_visit_overstay(&o, &v, T0 + 14 * HOUR, NULL, p));
    cr_assert_eq(o.reason, FD_OVERSTAY_CLOSING);
    cr_assert_eq(o.since, T0 + 14 * HOUR);
    /* the earlier of the two wins */
    v.planned_until = T0 + 15 * HOUR;
    fd_assert_ok(fd_visit_overstay(&o, &v, T0 + 20 * HOUR, NULL, p));
    cr_assert_eq(o.reason, FD_OVERSTAY_CLOSING);
    /* arriving after closing: overstaying from the arrival */
    v.arrived_at = T0 + 14 * HOUR + 600;
    v.planned_until = 0;
    fd_assert_ok(fd_visit_overstay(&o, &v, T0 + 14 * HOUR + 601, NULL, p));
    cr_assert_eq(o.since, T0 + 14 * HOUR + 600);
    /* the closing time is local: in London it is 23:00 London time */
    v.arrived_at = T0;
    fd_assert_ok(fd_visit_overstay(&o, &v, T0 + 20 * HOUR, "Europe/London", p));
    cr_assert_eq(o.overstay, 0, "09:00 Beijing is 01:00 London: closing is 22 h later");
    fd_policy_free(p);
    /* midnight */
    p = policy_with("visitor.closing_minute", 1440);
    fd_assert_ok(fd_visit_overstay(&o, &v, T0 + 15 * HOUR, NULL, p));
    cr_assert_eq(o.since, T0 + 15 * HOUR);
    fd_policy_free(p);
    /* someone who left never overstays */
    v.departed_at = T0 + HOUR;
    fd_assert_ok(fd_visit_overstay(&o, &v, T0 + 30 * HOUR, NULL, NULL));
    cr_assert_eq(o.overstay, 0);
    fd_assert_error(fd_visit_overstay(&o, &v, T0, "Mars/Base", NULL), FD_EINVAL, "time_zone");
    fd_assert_error(fd_visit_overstay(NULL, &v, T0, NULL, NULL), FD_EINVAL, "out");
}

/* --- blocklist entries -------------------------------------------------------------- */

Test(visitors, R_VIS_1_blocklist_entries_are_checked_and_in_force_in_their_window)
{
    fd_blocklist_entry e = FD_BLOCKLIST_ENTRY_INIT;
    e.level = "forbidden";
    e.reason = "多次闹事";
    fd_assert_error(fd_blocklist_entry_validate(&e, NULL, TODAY), FD_EINVAL,
                    "fd_blocklist_entry_validate: blocklist_entry.name: an entry matches on a name, a phone or an ID");
    e.name = "李四";
    fd_assert_ok(fd_blocklist_entry_validate(&e, NULL, TODAY));
    e.level = "red";
    fd_assert_error(fd_blocklist_entry_validate(&e, NULL, TODAY), FD_EINVAL, "blocklist_entry.level: 'red'");
    e.level = "limited";
    e.phone = "12";
    fd_assert_error(fd_blocklist_entry_validate(&e, NULL, TODAY), FD_EINVAL, "blocklist_entry.phone");
    e.phone = NULL;
    fd_id_document d = FD_ID_DOCUMENT_INIT;
    d.type = "id_card";
    d.number = "E12345678";
    fd_assert_error(fd_blocklist_entry_validate(&e, &d, TODAY), FD_EINVAL, "id.number");
    d.number = "11010519491231002X";
    fd_assert_ok(fd_blocklist_entry_validate(&e, &d, TODAY));
    e.valid_from = T0;
    e.valid_until = T0;
    fd_assert_error(fd_blocklist_entry_validate(&e, &d, TODAY), FD_EINVAL, "valid_until");
    e.valid_until = T0 + DAY;
    e.added_at = T0 - DAY;
    int on = -1;
    fd_assert_ok(fd_blocklist_entry_active(&on, &e, T0 - 1));
    cr_assert_eq(on, 0);
    fd_assert_ok(fd_blocklist_entry_active(&on, &e, T0));
    cr_assert_eq(on, 1);
    fd_assert_ok(fd_blocklist_entry_active(&on, &e, T0 + DAY));
    cr_assert_eq(on, 0);
    e.valid_from = 0;
    fd_assert_ok(fd_blocklist_entry_active(&on, &e, T0 - DAY));
    cr_assert_eq(on, 1, "valid_from 0 is from its adding");
    e.lifted_at = T0 + HOUR;
    fd_assert_ok(fd_blocklist_entry_active(&on, &e, T0 + HOUR));
    cr_assert_eq(on, 0);
    fd_assert_error(fd_blocklist_entry_active(NULL, &e, T0), FD_EINVAL, "out");
}

/* --- the store: fixture ------------------------------------------------------------- */

typedef struct fx {
    fd_store *s;
    char path[4096];
    int64_t site, other_site;
    int64_t clerk, manager, other_clerk;
    int64_t unit, occupant, moved_out, org, dept, employee, left_employee, other_employee;
} fx;

/* The property register a visit refers to: a unit with an occupant (and one moved out), an organisation
 * with a department and employees (one left), and an employee at the other site. */
static void fx_property(fx *f)
{
    fd_actor sys = fd_test_actor(f->site, 0, T0 - 30 * DAY);
    fd_building b = FD_BUILDING_INIT;
    b.code = "3";
    b.name = "3号楼";
    int64_t bid = 0;
    fd_assert_ok(fd_store_building_add(&bid, f->s, &sys, &b));
    fd_unit u = FD_UNIT_INIT;
    u.building_id = bid;
    u.number = "1201";
    u.use = "residential";
    fd_assert_ok(fd_store_unit_add(&f->unit, f->s, &sys, &u));
    fd_occupant o = FD_OCCUPANT_INIT;
    o.unit_id = f->unit;
    o.name = "王小丽";
    o.role = "owner";
    o.move_in = (fd_date){ 2020, 1, 1 };
    fd_assert_ok(fd_store_occupant_add(&f->occupant, f->s, &sys, &o));
    o.name = "赵六";
    o.move_out = (fd_date){ 2026, 6, 1 };
    fd_assert_ok(fd_store_occupant_add(&f->moved_out, f->s, &sys, &o));
    fd_organisation org = FD_ORGANISATION_INIT;
    org.name = "某某科技有限公司";
    fd_assert_ok(fd_store_organisation_add(&f->org, f->s, &sys, &org));
    fd_department d = FD_DEPARTMENT_INIT;
    d.organisation_id = f->org;
    d.name = "行政部";
    fd_assert_ok(fd_store_department_add(&f->dept, f->s, &sys, &d));
    fd_employee e = FD_EMPLOYEE_INIT;
    e.organisation_id = f->org;
    e.department_id = f->dept;
    e.name = "陈志强";
    fd_assert_ok(fd_store_employee_add(&f->employee, f->s, &sys, &e));
    e.name = "刘洋";
    e.left_on = (fd_date){ 2026, 10, 1 };
    fd_assert_ok(fd_store_employee_add(&f->left_employee, f->s, &sys, &e));
    fd_actor other = fd_test_actor(f->other_site, 0, T0 - 30 * DAY);
    org.name = "酒店管理公司";
    int64_t oorg = 0;
    fd_assert_ok(fd_store_organisation_add(&oorg, f->s, &other, &org));
    e = (fd_employee)FD_EMPLOYEE_INIT;
    e.organisation_id = oorg;
    e.name = "酒店员工";
    fd_assert_ok(fd_store_employee_add(&f->other_employee, f->s, &other, &e));
}

/* A store with two sites: a clerk and a manager (manage + reveal) at the first, a clerk at the second. */
static fx fx_open_with(const char *stem, const char *key_file)
{
    fx f;
    memset(&f, 0, sizeof f);
    snprintf(f.path, sizeof f.path, "%s", fd_test_path(stem));
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.key_file = key_file;
    fd_assert_ok(fd_store_open(&f.s, f.path, &o));
    fd_test_sites t = fd_test_two_sites(f.s, T0 - 30 * DAY);
    f.site = t.site;
    f.other_site = t.other_site;
    f.clerk = t.clerk;
    f.manager = t.manager;
    f.other_clerk = t.other_clerk;
    fx_property(&f);
    return f;
}

static fx fx_open(const char *stem)
{
    return fx_open_with(stem, NULL);
}

static void fx_close(fx *f)
{
    fd_store_close(f->s);
}

static fd_actor clerk_at(const fx *f, int64_t at)
{
    return fd_test_actor(f->site, f->clerk, at);
}

static fd_actor manager_at(const fx *f, int64_t at)
{
    fd_actor a = fd_test_actor(f->site, f->manager, at);
    a.grants = FD_GRANT_MANAGE;
    return a;
}

static fd_actor revealer_at(const fx *f, int64_t at)
{
    fd_actor a = fd_test_actor(f->site, f->manager, at);
    a.grants = FD_GRANT_REVEAL;
    a.reason = "公安协查";
    return a;
}

/* The tables a refused write must leave as they were. */
static const char *const WATCHED[] = { "visits",          "visit_events", "id_documents", "site_secrets",
                                       "blocklist",       "blocklist_hits", "slip_handovers", "counted_items",
                                       "item_events",     "item_counts",  "goods_permits", "goods_checks",
                                       "custody_items",   "custody_events", "visit_preps", "journal",
                                       "reveals",         "search_keys" };
#define NWATCHED (sizeof WATCHED / sizeof WATCHED[0])

typedef struct snapshot {
    char *t[NWATCHED];
} snapshot;

static snapshot snap(const fx *f)
{
    snapshot s;
    for (size_t i = 0; i < NWATCHED; i++)
        s.t[i] = fd_test_table_dump(f->path, WATCHED[i]);
    return s;
}

static void assert_unchanged(const fx *f, snapshot *before)
{
    for (size_t i = 0; i < NWATCHED; i++) {
        char *now = fd_test_table_dump(f->path, WATCHED[i]);
        cr_assert_str_eq(now, before->t[i], "table %s changed", WATCHED[i]);
        free(now);
        free(before->t[i]);
    }
}

static fd_visit_registration reg(const fx *f, const fd_actor *a, const fd_visit *v, const fd_id_document *id)
{
    fd_visit_registration r;
    memset(&r, 0, sizeof r);
    fd_assert_ok(fd_store_visit_register(&r, f->s, a, v, id));
    cr_assert_gt(r.id, 0);
    cr_assert_eq(r.version, FD_VISIT_REGISTRATION_VERSION);
    return r;
}

static fd_visit *get_visit(const fx *f, const fd_actor *a, int64_t id)
{
    fd_visit *v = NULL;
    fd_assert_ok(fd_store_visit_get(&v, f->s, a, id));
    return v;
}

/* "kind/code,kind/code" of a visit's events, in order. */
static void events_of(char *out, size_t cap, const fx *f, const fd_actor *a, int64_t visit_id)
{
    fd_visit_event_filter q = FD_VISIT_EVENT_FILTER_INIT;
    q.match = FD_VISIT_EVENT_MATCH_VISIT_ID;
    q.visit_id = visit_id;
    fd_visit_event_iter *it = NULL;
    const fd_visit_event *e = NULL;
    fd_assert_ok(fd_store_visit_event_query(&it, f->s, a, &q));
    size_t n = 0;
    out[0] = '\0';
    while (fd_visit_event_iter_next(&e, it) == FD_OK && e)
        n += (size_t)snprintf(out + n, cap - n, "%s%s%s%s", n ? "," : "", e->kind, e->code[0] ? "/" : "", e->code);
    fd_visit_event_iter_free(it);
}

/* --- registering ------------------------------------------------------------------------ */

Test(visitors_store, R_VIS_1_a_walk_in_is_registered_arrived_and_waits_for_the_host)
{
    fx f = fx_open("vis-walkin");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    v.host = NULL;
    v.host_occupant = f.occupant;
    v.plate = "京a·12345";
    v.state = "left";    /* fields the store sets are replaced */
    v.slip_no = 77;
    v.arrived_at = 5;
    fd_visit_registration r = reg(&f, &a, &v, NULL);
    cr_assert_eq(r.slip_no, 1);
    cr_assert_str_eq(r.state, "waiting");
    cr_assert_eq(r.blocklist.answer, FD_BLOCKLIST_NONE);
    cr_assert_eq(r.previous_visits, 0);
    fd_visit *got = get_visit(&f, &a, r.id);
    cr_assert_str_eq(got->state, "waiting");
    cr_assert_eq(got->slip_no, 1);
    cr_assert_eq(got->arrived_at, T0);
    cr_assert_eq(got->registered_at, T0);
    cr_assert_eq(got->staff_id, f.clerk);
    cr_assert_eq(got->departed_at, 0);
    cr_assert_str_eq(got->phone, "139****5678");
    cr_assert_str_eq(got->plate, "京A12345");
    cr_assert_str_eq(got->visitor, "张伟", "names are masked only when the site says so");
    cr_assert_eq(got->host_occupant, f.occupant);
    cr_assert_str_eq(got->id_type, "");
    fd_visit_free(got);
    fd_actor rv = revealer_at(&f, T0 + 60);
    got = get_visit(&f, &rv, r.id);
    cr_assert_str_eq(got->phone, "13912345678", "stored in national form");
    fd_visit_free(got);
    /* the site masks names: the visitor's comes back masked */
    fd_actor sys = fd_test_actor(f.site, 0, T0);
    fd_assert_ok(fd_store_policy_set(f.s, &sys, "pii.mask_names", 1));
    got = get_visit(&f, &a, r.id);
    cr_assert_str_eq(got->visitor, "张*");
    fd_visit_free(got);
    fx_close(&f);
}

Test(visitors_store, R_VIS_3_slip_serials_are_gapless_per_site)
{
    fx f = fx_open("vis-slips");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    for (int i = 1; i <= 3; i++)
        cr_assert_eq(reg(&f, &a, &v, NULL).slip_no, i);
    /* a refused registration takes no number */
    fd_visit bad = walk_in();
    bad.party_size = 0;
    fd_visit_registration r;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &bad, NULL), FD_ERANGE, "visit.party_size");
    cr_assert_eq(reg(&f, &a, &v, NULL).slip_no, 4);
    /* a rolled-back transaction leaves no gap either */
    fd_assert_ok(fd_store_begin(f.s));
    cr_assert_eq(reg(&f, &a, &v, NULL).slip_no, 5);
    cr_assert_eq(reg(&f, &a, &v, NULL).slip_no, 6);
    fd_assert_ok(fd_store_rollback(f.s));
    cr_assert_eq(reg(&f, &a, &v, NULL).slip_no, 5);
    /* each site counts its own */
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, T0);
    cr_assert_eq(reg(&f, &other, &v, NULL).slip_no, 1);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT max(slip_no) - count(*) FROM visits WHERE site_id = 1"), 0);
    fx_close(&f);
}

Test(visitors_store, R_VIS_1_registration_refusals_name_the_field_and_change_nothing)
{
    fx f = fx_open("vis-refuse");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    reg(&f, &a, &v, NULL);
    snapshot before = snap(&f);
    fd_visit_registration r;
    memset(&r, 0x5a, sizeof r);
    fd_visit_registration untouched = r;
    v = walk_in();
    v.host = NULL;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_EINVAL, "fd_store_visit_register: visit.host:");
    v = walk_in();
    v.phone = "1391234567x";
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_EINVAL, "visit.phone");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 6, "%s", fd_error_last()->message);
    v = walk_in();
    v.plate = "京A1234";
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_EINVAL, "visit.plate");
    v = walk_in();
    v.host_occupant = 999;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_ENOTFOUND, "visit.host_occupant: no occupant "
                    "999 at the actor's site");
    v = walk_in();
    v.host_employee = f.other_employee;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_ENOTFOUND, "visit.host_employee");
    /* a passport number in the ID-card field; an ID card with a future birth date */
    v = walk_in();
    fd_id_document d = FD_ID_DOCUMENT_INIT;
    d.type = "id_card";
    d.number = "E12345678";
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, &d), FD_EINVAL, "fd_store_visit_register: id.number:");
    d.number = "310101209901011236";
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, &d), FD_EINVAL, "id.number: birth date");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 7, "%s", fd_error_last()->message);
    d.type = "driving_licence";
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, &d), FD_EINVAL, "id.type");
    d.type = "passport";
    d.consent = 2;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, &d), FD_EINVAL, "id.consent");
    /* the actor: of another site, nobody */
    fd_actor stranger = fd_test_actor(f.site, f.other_clerk, T0);
    fd_assert_error(fd_store_visit_register(&r, f.s, &stranger, &v, NULL), FD_EPERM, "actor");
    fd_assert_error(fd_store_visit_register(&r, f.s, NULL, &v, NULL), FD_EINVAL, "actor");
    fd_assert_error(fd_store_visit_register(NULL, f.s, &a, &v, NULL), FD_EINVAL, "out");
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, NULL, NULL), FD_EINVAL, "visit");
    cr_assert_eq(memcmp(&r, &untouched, sizeof r), 0, "nothing is returned on a refusal");
    assert_unchanged(&f, &before);
    fx_close(&f);
}

Test(visitors_store, R_VIS_1_hosts_are_of_the_site_and_there_on_the_day)
{
    fx f = fx_open("vis-hosts");
    fd_actor a = clerk_at(&f, T0);
    fd_visit_registration r;
    fd_visit v = walk_in();
    v.host = NULL;
    v.host_occupant = f.moved_out;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_ESTATE,
                    "visit.host_occupant: occupant 2 is not there on the site's date: moved out on 2026-06-01");
    v.host_occupant = 0;
    v.host_employee = f.left_employee;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_ESTATE, "left on 2026-10-01");
    /* an employee: the department and the organisation are filled in */
    v.host_employee = f.employee;
    r = reg(&f, &a, &v, NULL);
    fd_visit *got = get_visit(&f, &a, r.id);
    cr_assert_eq(got->host_organisation, f.org);
    cr_assert_eq(got->host_department, f.dept);
    fd_visit_free(got);
    /* a department alone; the organisation alone */
    v.host_employee = 0;
    v.host_department = f.dept;
    r = reg(&f, &a, &v, NULL);
    got = get_visit(&f, &a, r.id);
    cr_assert_eq(got->host_organisation, f.org);
    fd_visit_free(got);
    v.host_department = 0;
    v.host_organisation = f.org;
    reg(&f, &a, &v, NULL);
    /* a host organisation that is not the employee's */
    fd_actor sys = fd_test_actor(f.site, 0, T0 - DAY);
    fd_organisation org = FD_ORGANISATION_INIT;
    org.name = "另一家公司";
    int64_t org2 = 0;
    fd_assert_ok(fd_store_organisation_add(&org2, f.s, &sys, &org));
    v.host_organisation = org2;
    v.host_employee = f.employee;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_EINVAL, "visit.host_organisation");
    /* an organisation gone */
    fd_assert_ok(fd_store_organisation_move_out(f.s, &sys, org2, (fd_date){ 2026, 11, 1 }));
    v.host_employee = 0;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_ESTATE, "visit.host_organisation");
    fx_close(&f);
}

/* --- the host's answer, check-in, check-out (R-VIS-2, R-COM-4) ------------------------------ */

Test(visitors_store, R_VIS_2_the_hosts_answer_is_recorded)
{
    fx f = fx_open("vis-answer");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    int64_t lobby = reg(&f, &a, &v, NULL).id, up = reg(&f, &a, &v, NULL).id, no = reg(&f, &a, &v, NULL).id;
    fd_actor later = clerk_at(&f, T0 + 120);
    fd_assert_ok(fd_store_visit_answer(f.s, &later, lobby, "lobby", "王女士下楼来接"));
    fd_assert_ok(fd_store_visit_answer(f.s, &later, up, "bring_up", NULL));
    fd_assert_ok(fd_store_visit_answer(f.s, &later, no, "decline", "不在，留下名片"));
    fd_visit *got = get_visit(&f, &a, lobby);
    cr_assert_str_eq(got->state, "on_site");
    cr_assert_str_eq(got->answer, "lobby");
    cr_assert_eq(got->answered_at, T0 + 120);
    fd_visit_free(got);
    got = get_visit(&f, &a, no);
    cr_assert_str_eq(got->state, "declined");
    cr_assert_eq(got->departed_at, T0 + 120, "a declined visitor leaves");
    fd_visit_free(got);
    char ev[256];
    events_of(ev, sizeof ev, &f, &a, up);
    cr_assert_str_eq(ev, "answer/bring_up");
    /* answered once; an unknown answer; a closed visit */
    snapshot before = snap(&f);
    fd_assert_error(fd_store_visit_answer(f.s, &later, up, "lobby", NULL), FD_ESTATE, "answered already");
    fd_assert_error(fd_store_visit_answer(f.s, &later, up, "maybe", NULL), FD_EINVAL, "answer: 'maybe'");
    fd_assert_error(fd_store_visit_answer(f.s, &later, no, "lobby", NULL), FD_ESTATE, "declined");
    fd_assert_error(fd_store_visit_answer(f.s, &later, 999, "lobby", NULL), FD_ENOTFOUND, "visit_id");
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, T0 + 120);
    fd_assert_error(fd_store_visit_answer(f.s, &other, up, "lobby", NULL), FD_ENOTFOUND, "visit_id");
    fd_assert_error(fd_store_visit_answer(f.s, &later, up, "lobby", "\x01"), FD_EINVAL, "note");
    assert_unchanged(&f, &before);
    fx_close(&f);
}

Test(visitors_store, R_VIS_1_a_preregistered_visit_is_expected_until_it_checks_in)
{
    fx f = fx_open("vis-prereg");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    v.host = NULL;
    v.host_employee = f.employee;
    v.preregistered = 1;
    v.planned_from = T0 + 2 * HOUR;
    v.planned_until = T0 + 4 * HOUR;
    fd_visit_registration r = reg(&f, &a, &v, NULL);
    cr_assert_str_eq(r.state, "expected");
    fd_visit *got = get_visit(&f, &a, r.id);
    cr_assert_eq(got->arrived_at, 0);
    cr_assert_eq(got->preregistered, 1);
    fd_visit_free(got);
    /* the host said in advance they will meet them in the lobby */
    fd_assert_ok(fd_store_visit_answer(f.s, &a, r.id, "lobby", NULL));
    got = get_visit(&f, &a, r.id);
    cr_assert_str_eq(got->state, "expected");
    fd_visit_free(got);
    fd_actor arrive = clerk_at(&f, T0 + 2 * HOUR + 300);
    fd_assert_ok(fd_store_visit_checkin(f.s, &arrive, r.id));
    got = get_visit(&f, &a, r.id);
    cr_assert_str_eq(got->state, "on_site");
    cr_assert_eq(got->arrived_at, T0 + 2 * HOUR + 300);
    fd_visit_free(got);
    fd_assert_error(fd_store_visit_checkin(f.s, &arrive, r.id), FD_ESTATE, "visit.arrived_at: visit 1 checked in "
                    "already");
    /* a walk-in is never checked in: it arrived at registration */
    int64_t w = reg(&f, &a, &v, NULL).id;
    fd_assert_ok(fd_store_visit_cancel(f.s, &a, w, "主人取消了预约"));
    fd_assert_error(fd_store_visit_checkin(f.s, &arrive, w), FD_ESTATE, "cancelled");
    fd_assert_error(fd_store_visit_cancel(f.s, &a, w, "again"), FD_ESTATE, "only an expected visit");
    fd_assert_error(fd_store_visit_cancel(f.s, &a, r.id, NULL), FD_EINVAL, "note: is required");
    char ev[256];
    events_of(ev, sizeof ev, &f, &a, r.id);
    cr_assert_str_eq(ev, "answer/lobby,checkin");
    fx_close(&f);
}

Test(visitors_store, R_COM_4_checkout_before_checkin_is_refused_naming_the_field_nothing_changed)
{
    fx f = fx_open("vis-checkout");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    int64_t walkin = reg(&f, &a, &v, NULL).id;
    v.preregistered = 1;
    v.planned_from = T0 + HOUR;
    int64_t expected = reg(&f, &a, &v, NULL).id;
    snapshot before = snap(&f);
    fd_actor later = clerk_at(&f, T0 + 2 * HOUR);
    fd_assert_error(fd_store_visit_checkout(f.s, &later, expected, 0, NULL), FD_ESTATE,
                    "fd_store_visit_checkout: visit.arrived_at: the visitor has not checked in");
    fd_assert_error(fd_store_visit_checkout(f.s, &later, walkin, T0 - 1, NULL), FD_EINVAL,
                    "fd_store_visit_checkout: left_at: 2026-11-23 08:59 +08:00 is before the visitor checked in "
                    "(09:00)");
    fd_assert_error(fd_store_visit_checkout(f.s, &later, walkin, T0 + 3 * HOUR, NULL), FD_EINVAL, "left_at");
    fd_assert_error(fd_store_visit_checkout(f.s, &later, 999, 0, NULL), FD_ENOTFOUND, "visit_id");
    assert_unchanged(&f, &before);
    /* noted later: they left at 10:00, the desk records it at 11:00 */
    fd_assert_ok(fd_store_visit_checkout(f.s, &later, walkin, T0 + HOUR, "保安确认已离开"));
    fd_visit *got = get_visit(&f, &a, walkin);
    cr_assert_str_eq(got->state, "left");
    cr_assert_eq(got->departed_at, T0 + HOUR);
    fd_visit_free(got);
    fd_assert_error(fd_store_visit_checkout(f.s, &later, walkin, 0, NULL), FD_ESTATE, "visit.departed_at");
    fd_visit_event_filter q = FD_VISIT_EVENT_FILTER_INIT;
    q.match = FD_VISIT_EVENT_MATCH_VISIT_ID;
    q.visit_id = walkin;
    fd_visit_event_iter *it = NULL;
    const fd_visit_event *e = NULL;
    fd_assert_ok(fd_store_visit_event_query(&it, f.s, &a, &q));
    fd_assert_ok(fd_visit_event_iter_next(&e, it));
    cr_assert_not_null(e);
    cr_assert_str_eq(e->kind, "checkout");
    cr_assert_eq(e->at, T0 + 2 * HOUR);
    cr_assert_eq(e->happened_at, T0 + HOUR);
    cr_assert_eq(e->staff_id, f.clerk);
    fd_visit_event_iter_free(it);
    fx_close(&f);
}

/* --- still on site and the end of a shift (R-COM-4) ------------------------------------------ */

static size_t onsite_ids(int64_t *ids, size_t cap, const fx *f, const fd_actor *a, int64_t after, int64_t limit)
{
    fd_visit_iter *it = NULL;
    const fd_visit *v = NULL;
    fd_assert_ok(fd_store_visit_onsite(&it, f->s, a, after, limit));
    size_t n = 0;
    while (fd_visit_iter_next(&v, it) == FD_OK && v) {
        cr_assert_lt(n, cap);
        ids[n++] = v->id;
    }
    fd_visit_iter_free(it);
    return n;
}

Test(visitors_store, R_COM_4_still_on_site_lists_who_arrived_and_has_not_left)
{
    fx f = fx_open("vis-onsite");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    int64_t id[6];
    for (int i = 0; i < 5; i++)
        id[i] = reg(&f, &a, &v, NULL).id;
    v.preregistered = 1;
    v.planned_from = T0 + HOUR;
    id[5] = reg(&f, &a, &v, NULL).id; /* expected: not on site */
    fd_actor later = clerk_at(&f, T0 + HOUR);
    fd_assert_ok(fd_store_visit_checkout(f.s, &later, id[1], 0, NULL));
    fd_assert_ok(fd_store_visit_answer(f.s, &later, id[3], "decline", NULL));
    int64_t got[16];
    size_t n = onsite_ids(got, 16, &f, &later, 0, 64);
    cr_assert_eq(n, 3);
    cr_assert_eq(got[0], id[0]);
    cr_assert_eq(got[1], id[2]);
    cr_assert_eq(got[2], id[4]);
    /* paged by the last id */
    n = onsite_ids(got, 16, &f, &later, 0, 2);
    cr_assert_eq(n, 2);
    n = onsite_ids(got, 16, &f, &later, got[1], 2);
    cr_assert_eq(n, 1);
    cr_assert_eq(got[0], id[4]);
    /* another site sees nobody */
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, T0 + HOUR);
    cr_assert_eq(onsite_ids(got, 16, &f, &other, 0, 64), 0);
    /* The page is read through the index of exactly the visits on site, not the site's visits. */
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open_v2(f.path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *plan = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db, "EXPLAIN QUERY PLAN SELECT id FROM visits WHERE ?1 = ?1 AND site_id = 1 AND "
                                        "arrived_at > 0 AND departed_at = 0 AND id > ?3 ORDER BY id LIMIT ?2",
                                    -1, &plan, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(plan), SQLITE_ROW);
    cr_assert(strstr((const char *)sqlite3_column_text(plan, 3), "visits_site_onsite") != NULL, "%s",
              sqlite3_column_text(plan, 3));
    sqlite3_finalize(plan);
    sqlite3_close(db);
    fd_visit_iter *it = NULL;
    fd_assert_error(fd_store_visit_onsite(&it, f.s, &later, 0, 65), FD_ERANGE, "limit");
    fd_assert_error(fd_store_visit_onsite(&it, f.s, &later, -1, 10), FD_ERANGE, "after");
    cr_assert_null(it);
    fx_close(&f);
}

Test(visitors_store, R_COM_4_end_of_shift_each_visitor_still_there_is_checked_out_or_explained)
{
    fx f = fx_open("vis-shift");
    fd_actor sys = fd_test_actor(f.site, 0, T0 - DAY);
    fd_assert_ok(fd_store_policy_set(f.s, &sys, "visitor.closing_minute", 22 * 60));
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    v.planned_until = T0 + HOUR;
    int64_t late = reg(&f, &a, &v, NULL).id;     /* past the window at 10:15 */
    v.planned_until = 0;
    int64_t stays = reg(&f, &a, &v, NULL).id;    /* no window: only the closing time */
    int64_t leaves = reg(&f, &a, &v, NULL).id;
    v.preregistered = 1;
    v.planned_from = T0 + 2 * HOUR;
    reg(&f, &a, &v, NULL);                       /* expected at 11:00, before the shift: not its business */
    v.planned_from = T0 + 10 * HOUR;
    reg(&f, &a, &v, NULL);                       /* expected at 19:00 and not come by 22:00 */
    int64_t shift = T0 + 8 * HOUR;               /* the evening shift begins at 17:00 */
    fd_actor end = clerk_at(&f, T0 + 13 * HOUR); /* and ends at 22:00 */
    fd_assert_ok(fd_store_visit_checkout(f.s, &end, leaves, T0 + 3 * HOUR, NULL));
    fd_visit_shift s;
    fd_assert_ok(fd_store_visit_shift_check(&s, f.s, &end, shift));
    cr_assert_eq(s.version, FD_VISIT_SHIFT_VERSION);
    cr_assert_eq(s.on_site, 2);
    cr_assert_eq(s.overstaying, 2, "one past its window, both past 22:00");
    cr_assert_eq(s.unexplained, 2);
    cr_assert_eq(s.first_unexplained, late);
    cr_assert_eq(s.expected_late, 1);
    cr_assert_eq(s.held, 0);
    fd_visit *got = get_visit(&f, &a, late);
    fd_overstay o;
    fd_assert_ok(fd_store_visit_overstay(&o, f.s, &end, got));
    cr_assert_eq(o.reason, FD_OVERSTAY_WINDOW);
    cr_assert_eq(o.since, T0 + HOUR + 15 * 60);
    fd_visit_free(got);
    /* an explanation given before the shift began does not count for it */
    fd_actor noon = clerk_at(&f, T0 + 3 * HOUR);
    fd_assert_ok(fd_store_visit_explain(f.s, &noon, stays, "在会议室开会"));
    fd_assert_ok(fd_store_visit_shift_check(&s, f.s, &end, shift));
    cr_assert_eq(s.unexplained, 2);
    fd_assert_ok(fd_store_visit_explain(f.s, &end, stays, "留宿，业主已同意"));
    fd_assert_ok(fd_store_visit_checkout(f.s, &end, late, T0 + 2 * HOUR, "从车库离开，保安确认"));
    fd_assert_ok(fd_store_visit_shift_check(&s, f.s, &end, shift));
    cr_assert_eq(s.on_site, 1);
    cr_assert_eq(s.unexplained, 0, "the shift may be handed over");
    got = get_visit(&f, &a, stays);
    cr_assert_eq(got->explained_at, T0 + 13 * HOUR);
    cr_assert_str_eq(got->state, "waiting", "an explanation keeps the state");
    fd_visit_free(got);
    /* only visitors on site are explained; a note is required */
    fd_assert_error(fd_store_visit_explain(f.s, &end, leaves, "走了"), FD_ESTATE, "only a visitor still on site");
    fd_assert_error(fd_store_visit_explain(f.s, &end, stays, ""), FD_EINVAL, "note: is required");
    fd_assert_error(fd_store_visit_shift_check(&s, f.s, &end, T0 + 14 * HOUR), FD_EINVAL, "since");
    fx_close(&f);
}

/* --- ID documents kept the lawful way (R-COM-2, R-COM-3) -------------------------------------- */

/* A key file of 64 hex digits, mode 0600 (or @mode). */
static const char *key_file(const char *stem, const char *hex, mode_t mode)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s", fd_test_path(stem));
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, hex, strlen(hex)), (ssize_t)strlen(hex));
    close(fd);
    chmod(path, mode);
    return path;
}

#define KEY1 "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n"
#define KEY2 "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"

/* Whether the database file (and its WAL) holds @needle anywhere. */
static bool file_holds(const char *path, const char *needle)
{
    bool found = false;
    for (int k = 0; k < 2 && !found; k++) {
        char p[4200];
        snprintf(p, sizeof p, "%s%s", path, k ? "-wal" : "");
        FILE *fp = fopen(p, "rb");
        if (fp == NULL)
            continue;
        fseek(fp, 0, SEEK_END);
        long n = ftell(fp);
        fseek(fp, 0, SEEK_SET);
        char *b = malloc((size_t)n + 1);
        cr_assert_eq(fread(b, 1, (size_t)n, fp), (size_t)n);
        fclose(fp);
        size_t m = strlen(needle);
        for (long i = 0; i + (long)m <= n && !found; i++)
            found = memcmp(b + i, needle, m) == 0;
        free(b);
    }
    return found;
}

Test(visitors_store, R_COM_2_an_id_document_is_kept_masked_and_hashed_never_in_clear)
{
    fx f = fx_open("vis-id");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    fd_id_document d = FD_ID_DOCUMENT_INIT;
    d.type = "id_card";
    d.number = "11010519491231002x";
    fd_visit_registration r = reg(&f, &a, &v, &d);
    cr_assert_eq(r.previous_visits, 0);
    fd_visit *got = get_visit(&f, &a, r.id);
    cr_assert_str_eq(got->id_type, "id_card");
    cr_assert_str_eq(got->id_masked, "110105********002X");
    cr_assert_eq(got->id_kept, 0);
    fd_visit_free(got);
    /* the number is nowhere in the file: only its masked form and a keyed hash */
    cr_assert_not(file_holds(f.path, "11010519491231002X"));
    cr_assert_not(file_holds(f.path, "19491231"));
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM id_documents WHERE length(hash) = 64 AND cipher IS NULL"), 1);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM site_secrets WHERE length(secret) = 32"), 1);
    /* the same person again (typed differently) is a repeat visitor; another site does not know them */
    d.number = "110105 19491231 002X";
    r = reg(&f, &a, &v, &d);
    cr_assert_eq(r.previous_visits, 1);
    d.number = "110105491231002";
    cr_assert_eq(reg(&f, &a, &v, &d).previous_visits, 2, "the 15-digit form is the same person");
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, T0);
    cr_assert_eq(reg(&f, &other, &v, &d).previous_visits, 0);
    /* each site hashes with its own secret */
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(DISTINCT hash) FROM id_documents"), 2);
    /* no full number without the policy: no reveal */
    fd_buf out = FD_BUF_INIT;
    fd_actor rv = revealer_at(&f, T0 + 60);
    fd_assert_error(fd_store_visit_id_reveal(&out, f.s, &rv, 1), FD_ENOTFOUND, "no full ID number is kept");
    fd_buf_dispose(&out);
    /* the site requires an ID */
    fd_actor sys = fd_test_actor(f.site, 0, T0);
    fd_assert_ok(fd_store_policy_set(f.s, &sys, "visitor.id_required", 1));
    fd_visit_registration rr;
    fd_assert_error(fd_store_visit_register(&rr, f.s, &a, &v, NULL), FD_EINVAL, "id: the site's policy");
    fx_close(&f);
}

Test(visitors_store, R_COM_2_a_full_number_is_kept_only_encrypted_with_consent_and_revealed_with_a_log)
{
    const char *key = key_file("vis-key", KEY1, 0600);
    char keep[4096];
    snprintf(keep, sizeof keep, "%s", key);
    /* without a key file the site's policy cannot be met: nothing is stored */
    fx f = fx_open("vis-full-nokey");
    fd_actor sys = fd_test_actor(f.site, 0, T0 - DAY);
    fd_assert_ok(fd_store_policy_set(f.s, &sys, "visitor.id_keep_full", 1));
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    fd_id_document d = FD_ID_DOCUMENT_INIT;
    d.type = "passport";
    d.number = "E12345678";
    d.consent = 1;
    snapshot before = snap(&f);
    fd_visit_registration r;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, &d), FD_ESTATE, "key_file");
    assert_unchanged(&f, &before);
    fx_close(&f);

    f = fx_open_with("vis-full", keep);
    sys = fd_test_actor(f.site, 0, T0 - DAY);
    fd_assert_ok(fd_store_policy_set(f.s, &sys, "visitor.id_keep_full", 1));
    a = clerk_at(&f, T0);
    d.consent = 0;
    before = snap(&f);
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, &d), FD_EINVAL, "id.consent: the site keeps full ID "
                    "numbers");
    assert_unchanged(&f, &before);
    d.consent = 1;
    r = reg(&f, &a, &v, &d);
    fd_visit *got = get_visit(&f, &a, r.id);
    cr_assert_eq(got->id_kept, 1);
    cr_assert_eq(got->id_consent, 1);
    cr_assert_str_eq(got->id_masked, "E*****678");
    fd_visit_free(got);
    cr_assert_not(file_holds(f.path, "E12345678"));
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT length(cipher) FROM id_documents"), 12 + 9 + 16);
    /* revealed only with the grant and a reason, and logged */
    fd_buf out = FD_BUF_INIT;
    fd_assert_error(fd_store_visit_id_reveal(&out, f.s, &a, r.id), FD_EPERM, "reveal grant");
    fd_actor clerk_reveal = a;
    clerk_reveal.grants = FD_GRANT_REVEAL;
    clerk_reveal.reason = "看看";
    fd_assert_error(fd_store_visit_id_reveal(&out, f.s, &clerk_reveal, r.id), FD_EPERM, "actor");
    fd_actor rv = revealer_at(&f, T0 + 60);
    fd_assert_ok(fd_store_begin(f.s));
    fd_assert_error(fd_store_visit_id_reveal(&out, f.s, &rv, r.id), FD_ESTATE, "outside a transaction");
    fd_assert_ok(fd_store_rollback(f.s));
    fd_assert_ok(fd_store_visit_id_reveal(&out, f.s, &rv, r.id));
    cr_assert_str_eq(out.ptr, "E12345678");
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM reveals WHERE record = 'visit' AND field = 'id_number' "
                                 "AND reason = '公安协查'"), 1);
    fd_buf_dispose(&out);
    fx_close(&f);
    /* opened with another key: the number does not decrypt, and says why */
    const char *other = key_file("vis-key2", KEY2, 0600);
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.key_file = other;
    fd_store *s = NULL;
    fd_assert_ok(fd_store_open(&s, f.path, &o));
    fd_assert_error(fd_store_visit_id_reveal(&out, s, &rv, r.id), FD_EDATA, "was encrypted under key");
    cr_assert_eq(out.size, 0);
    fd_store_close(s);
    /* without a key at all */
    fd_assert_ok(fd_store_open(&s, f.path, NULL));
    fd_assert_error(fd_store_visit_id_reveal(&out, s, &rv, r.id), FD_ESTATE, "key_file");
    fd_store_close(s);
    /* the key from the environment */
    setenv("FRONTDESK_KEY_FILE", keep, 1);
    fd_assert_ok(fd_store_open(&s, f.path, NULL));
    unsetenv("FRONTDESK_KEY_FILE");
    fd_assert_ok(fd_store_visit_id_reveal(&out, s, &rv, r.id));
    cr_assert_str_eq(out.ptr, "E12345678");
    fd_store_close(s);
    fd_buf_dispose(&out);
}

Test(visitors_store, R_COM_2_a_key_file_is_private_and_holds_a_key)
{
    char path[4096];
    snprintf(path, sizeof path, "%s", fd_test_path("vis-keyfile.db"));
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    fd_store *s = NULL;
    o.key_file = key_file("vis-key-open", KEY1, 0644);
    fd_assert_error(fd_store_open(&s, path, &o), FD_EPERM, "key_file: '");
    cr_assert_null(s);
    cr_assert_neq(access(path, F_OK), 0, "no database file is left behind");
    o.key_file = key_file("vis-key-short", "0011", 0600);
    fd_assert_error(fd_store_open(&s, path, &o), FD_EINVAL, "does not hold a key");
    o.key_file = key_file("vis-key-junk", "zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", 0600);
    fd_assert_error(fd_store_open(&s, path, &o), FD_EINVAL, "does not hold a key");
    cr_assert_null(strstr(fd_error_last()->message, "112233"), "the key is never quoted");
    o.key_file = "/nonexistent/key";
    fd_assert_error(fd_store_open(&s, path, &o), FD_EIO, "key_file: cannot open");
    /* 32 raw bytes work too */
    const char *raw = key_file("vis-key-raw", "0123456789abcdef0123456789abcdef", 0400);
    o.key_file = raw;
    fd_assert_ok(fd_store_open(&s, path, &o));
    fd_store_close(s);
    /* version 2 options (no key_file) are still accepted */
    fd_store_options v2;
    fd_assert_ok(fd_store_options_init(&v2, 2));
    fd_assert_ok(fd_store_open(&s, path, &v2));
    fd_store_close(s);
}

Test(visitors_store, R_COM_3_the_retention_purge_removes_numbers_keeps_the_visit_and_is_journaled)
{
    const char *key = key_file("vis-purge-key", KEY1, 0600);
    fx f = fx_open_with("vis-purge", key);
    fd_actor sys = fd_test_actor(f.site, 0, T0 - 400 * DAY);
    fd_assert_ok(fd_store_policy_set(f.s, &sys, "visitor.id_keep_full", 1));
    fd_visit v = walk_in();
    v.plate = "京A12345";
    fd_id_document d = FD_ID_DOCUMENT_INIT;
    d.type = "id_card";
    d.number = "110105198001011238";
    d.consent = 1;
    /* registered 400 days ago, 40 days ago, today; one still on site from 40 days ago */
    fd_actor old = clerk_at(&f, T0 - 400 * DAY), month = clerk_at(&f, T0 - 40 * DAY), now = clerk_at(&f, T0);
    int64_t a = reg(&f, &old, &v, &d).id, b = reg(&f, &month, &v, &d).id, c = reg(&f, &now, &v, &d).id;
    int64_t still = reg(&f, &month, &v, &d).id;
    fd_actor left = clerk_at(&f, T0 - 39 * DAY);
    fd_assert_ok(fd_store_visit_checkout(f.s, &left, b, 0, NULL));
    fd_assert_ok(fd_store_visit_checkout(f.s, &old, a, 0, NULL));
    fd_actor mgr = manager_at(&f, T0 + HOUR);
    /* the dry run says what would go and changes nothing */
    snapshot before = snap(&f);
    fd_visit_purge p;
    fd_assert_ok(fd_store_visit_purge(&p, f.s, &mgr, 1));
    cr_assert_eq(p.dry_run, 1);
    cr_assert_eq(p.id_numbers, 2, "a (400 days) and b (40 days): 30 days keep the number");
    cr_assert_eq(p.encrypted, 2);
    cr_assert_eq(p.visits, 1, "a only: 365 days keep the visit's personal data");
    cr_assert_eq(p.id_before, T0 + HOUR - 30 * DAY);
    assert_unchanged(&f, &before);
    /* a clerk may not purge */
    fd_actor clerk = clerk_at(&f, T0 + HOUR);
    fd_assert_error(fd_store_visit_purge(&p, f.s, &clerk, 0), FD_EPERM, "manage");
    fd_assert_ok(fd_store_visit_purge(&p, f.s, &mgr, 0));
    cr_assert_eq(p.dry_run, 0);
    cr_assert_eq(p.id_numbers, 2);
    cr_assert_eq(p.visits, 1);
    fd_actor rv = revealer_at(&f, T0 + 2 * HOUR);
    fd_visit *got = get_visit(&f, &rv, a);
    cr_assert_str_eq(got->visitor, "");
    cr_assert_str_eq(got->phone, "");
    cr_assert_str_eq(got->plate, "");
    cr_assert_str_eq(got->organisation, "");
    cr_assert_str_eq(got->id_masked, "");
    cr_assert_str_eq(got->id_type, "id_card", "the anonymised visit keeps what kind of document it was");
    cr_assert_str_eq(got->purpose, "送货");
    cr_assert_eq(got->slip_no, 1);
    cr_assert_eq(got->purged_at, T0 + HOUR);
    cr_assert_eq(got->id_purged_at, T0 + HOUR);
    fd_visit_free(got);
    got = get_visit(&f, &rv, b);
    cr_assert_str_eq(got->visitor, "张伟", "40 days: the visit keeps the name");
    cr_assert_str_eq(got->id_masked, "");
    fd_visit_free(got);
    got = get_visit(&f, &rv, still);
    cr_assert_str_eq(got->id_masked, "110105********1238", "a visitor still on site is left alone");
    fd_visit_free(got);
    got = get_visit(&f, &rv, c);
    cr_assert_str_neq(got->id_masked, "");
    fd_visit_free(got);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM id_documents WHERE hash IS NULL AND cipher IS NULL"), 2);
    fd_buf out = FD_BUF_INIT;
    fd_assert_error(fd_store_visit_id_reveal(&out, f.s, &rv, a), FD_ENOTFOUND, "purged");
    fd_assert_ok(fd_store_visit_id_reveal(&out, f.s, &rv, c));
    fd_buf_dispose(&out);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE entity = 'visit' AND action = 'purge' AND "
                                          "detail = 'id_numbers=2 encrypted=2 texts=2 visits=1 permits=0 custody=0'"), 1);
    /* purging again removes nothing more */
    fd_assert_ok(fd_store_visit_purge(&p, f.s, &mgr, 0));
    cr_assert_eq(p.id_numbers + p.visits, 0);
    fx_close(&f);
}

/* --- the blocklist (R-VIS-1) --------------------------------------------------------------- */

static int64_t block(const fx *f, const char *level, const char *reason, const char *name, const char *phone,
                     const char *id_type, const char *id_number)
{
    fd_actor m = manager_at(f, T0 - DAY);
    fd_blocklist_entry e = FD_BLOCKLIST_ENTRY_INIT;
    e.level = level;
    e.reason = reason;
    e.name = name;
    e.phone = phone;
    fd_id_document d = FD_ID_DOCUMENT_INIT;
    d.type = id_type;
    d.number = id_number;
    int64_t id = 0;
    fd_assert_ok(fd_store_blocklist_add(&id, f->s, &m, &e, id_number ? &d : NULL));
    return id;
}

static fd_blocklist_match check(const fx *f, const char *name, const char *phone, const char *id_type,
                                const char *id_number)
{
    fd_actor a = clerk_at(f, T0);
    fd_id_document d = FD_ID_DOCUMENT_INIT;
    d.type = id_type;
    d.number = id_number;
    fd_blocklist_match m;
    fd_assert_ok(fd_store_blocklist_check(&m, f->s, &a, name, phone, id_number ? &d : NULL));
    cr_assert_eq(m.version, FD_BLOCKLIST_MATCH_VERSION);
    return m;
}

Test(visitors_store, R_VIS_1_the_blocklist_matches_id_phone_and_whole_names_never_substrings)
{
    fx f = fx_open("vis-block");
    fd_blocklist_match m = check(&f, "张三", NULL, NULL, NULL);
    cr_assert_eq(m.answer, FD_BLOCKLIST_NONE, "an empty blocklist matches nobody");
    int64_t by_name = block(&f, "warning", "曾冒充快递员，电话 13812345678", "张三", NULL, NULL, NULL);
    int64_t by_phone = block(&f, "limited", "骚扰前台", NULL, "+86 139-0000-1111", NULL, NULL);
    int64_t by_id = block(&f, "forbidden", "法院禁止令", NULL, NULL, "id_card", "440304199003074561");
    block(&f, "warning", "Envoy flagged Reyes for this", "Yes", NULL, NULL, NULL);
    m = check(&f, "張三", NULL, NULL, NULL);
    cr_assert_eq(m.answer, FD_BLOCKLIST_MATCH, "Traditional input folds to the entry's name");
    cr_assert_str_eq(m.basis, "name");
    cr_assert_str_eq(m.level, "warning");
    cr_assert_eq(m.entry_id, by_name);
    cr_assert_str_eq(m.reason, "曾冒充快递员，电话 138****5678", "numbers in the reason are masked");
    cr_assert_eq(check(&f, " 张 三 ", NULL, NULL, NULL).answer, FD_BLOCKLIST_MATCH);
    cr_assert_eq(check(&f, "张三丰", NULL, NULL, NULL).answer, FD_BLOCKLIST_NONE, "no substring matches");
    cr_assert_eq(check(&f, "张", NULL, NULL, NULL).answer, FD_BLOCKLIST_NONE);
    cr_assert_eq(check(&f, "Reyes", NULL, NULL, NULL).answer, FD_BLOCKLIST_NONE, "Yes does not flag Reyes");
    cr_assert_eq(check(&f, "YES", NULL, NULL, NULL).answer, FD_BLOCKLIST_MATCH);
    m = check(&f, NULL, "13900001111", NULL, NULL);
    cr_assert_eq(m.answer, FD_BLOCKLIST_MATCH);
    cr_assert_str_eq(m.basis, "phone");
    cr_assert_eq(m.entry_id, by_phone);
    m = check(&f, "王五", NULL, "id_card", "440304 19900307 4561");
    cr_assert_eq(m.answer, FD_BLOCKLIST_MATCH);
    cr_assert_str_eq(m.basis, "id");
    cr_assert_str_eq(m.level, "forbidden");
    cr_assert_eq(m.entry_id, by_id);
    /* the strongest level wins when several match */
    m = check(&f, "张三", "139 0000 1111", "id_card", "440304199003074561");
    cr_assert_str_eq(m.level, "forbidden");
    cr_assert_eq(m.matches, 3);
    /* what is stored is never in the file in clear: the ID only as a hash and masked */
    cr_assert_not(file_holds(f.path, "440304199003074561"));
    fd_blocklist_entry *e = NULL;
    fd_actor mgr = manager_at(&f, T0);
    fd_assert_ok(fd_store_blocklist_entry_get(&e, f.s, &mgr, by_id));
    cr_assert_str_eq(e->id_masked, "440304********4561");
    cr_assert_str_eq(e->id_type, "id_card");
    fd_blocklist_entry_free(e);
    fd_assert_ok(fd_store_blocklist_entry_get(&e, f.s, &mgr, by_phone));
    cr_assert_str_eq(e->phone, "139****1111", "kept in E.164, masked as a mobile");
    fd_blocklist_entry_free(e);
    fd_actor a = clerk_at(&f, T0);
    fd_assert_error(fd_store_blocklist_check(&m, f.s, &a, NULL, "", NULL), FD_EINVAL, "nothing to check");
    fd_assert_error(fd_store_blocklist_check(&m, f.s, &a, NULL, "138123", NULL), FD_EINVAL, "phone");
    fx_close(&f);
}

Test(visitors_store, R_VIS_1_a_pinyin_match_is_only_possible_and_says_so)
{
    fx f = fx_open("vis-pinyin");
    block(&f, "limited", "需主管陪同", "张三", NULL, NULL, NULL);
    fd_blocklist_match m = check(&f, "章三", NULL, NULL, NULL);
    cr_assert_eq(m.answer, FD_BLOCKLIST_POSSIBLE);
    cr_assert_str_eq(m.basis, "pinyin");
    cr_assert_str_eq(m.level, "limited");
    cr_assert_str_eq(m.reason, "需主管陪同");
    cr_assert_eq(check(&f, "zhang san", NULL, NULL, NULL).answer, FD_BLOCKLIST_POSSIBLE);
    cr_assert_str_eq(fd_blocklist_answer_name(FD_BLOCKLIST_POSSIBLE), "possible");
    cr_assert_str_eq(fd_blocklist_answer_name(7), "");
    fx_close(&f);
}

Test(visitors_store, R_VIS_1_blocklist_entries_apply_in_their_window_and_are_lifted_not_deleted)
{
    fx f = fx_open("vis-window");
    fd_actor m = manager_at(&f, T0 - DAY);
    fd_blocklist_entry e = FD_BLOCKLIST_ENTRY_INIT;
    e.level = "warning";
    e.reason = "临时";
    e.name = "李四";
    e.valid_from = T0 + HOUR;
    e.valid_until = T0 + 2 * HOUR;
    int64_t id = 0;
    fd_assert_ok(fd_store_blocklist_add(&id, f.s, &m, &e, NULL));
    fd_blocklist_match r;
    fd_actor at = clerk_at(&f, T0);
    fd_assert_ok(fd_store_blocklist_check(&r, f.s, &at, "李四", NULL, NULL));
    cr_assert_eq(r.answer, FD_BLOCKLIST_NONE, "not yet in force");
    at.at = T0 + HOUR;
    fd_assert_ok(fd_store_blocklist_check(&r, f.s, &at, "李四", NULL, NULL));
    cr_assert_eq(r.answer, FD_BLOCKLIST_MATCH);
    at.at = T0 + 2 * HOUR;
    fd_assert_ok(fd_store_blocklist_check(&r, f.s, &at, "李四", NULL, NULL));
    cr_assert_eq(r.answer, FD_BLOCKLIST_NONE, "expired");
    e.valid_from = e.valid_until = 0;
    int64_t id2 = 0;
    fd_assert_ok(fd_store_blocklist_add(&id2, f.s, &m, &e, NULL));
    fd_actor lift = manager_at(&f, T0 + 3 * HOUR);
    fd_assert_error(fd_store_blocklist_lift(f.s, &lift, id2, NULL), FD_EINVAL, "reason: is required");
    fd_actor clerk_lift = clerk_at(&f, T0 + 3 * HOUR);
    fd_assert_error(fd_store_blocklist_lift(f.s, &clerk_lift, id2, "误加"), FD_EPERM, "manage");
    fd_assert_ok(fd_store_blocklist_lift(f.s, &lift, id2, "误加"));
    fd_assert_error(fd_store_blocklist_lift(f.s, &lift, id2, "误加"), FD_ESTATE, "lifted already");
    fd_assert_error(fd_store_blocklist_lift(f.s, &lift, 999, "误加"), FD_ENOTFOUND, "entry_id");
    at.at = T0 + 3 * HOUR;
    fd_assert_ok(fd_store_blocklist_check(&r, f.s, &at, "李四", NULL, NULL));
    cr_assert_eq(r.answer, FD_BLOCKLIST_NONE, "lifted");
    fd_blocklist_entry *got = NULL;
    fd_assert_ok(fd_store_blocklist_entry_get(&got, f.s, &lift, id2));
    cr_assert_eq(got->lifted_at, T0 + 3 * HOUR);
    cr_assert_eq(got->lifted_by, f.manager);
    fd_blocklist_entry_free(got);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE entity = 'blocklist'"), 3);
    /* adding needs the manage grant; refusals name the field and change nothing */
    snapshot before = snap(&f);
    fd_actor clerk = clerk_at(&f, T0);
    fd_assert_error(fd_store_blocklist_add(&id, f.s, &clerk, &e, NULL), FD_EPERM, "manage");
    e.level = "banned";
    fd_assert_error(fd_store_blocklist_add(&id, f.s, &m, &e, NULL), FD_EINVAL,
                    "fd_store_blocklist_add: blocklist_entry.level");
    e.level = "warning";
    e.name = "  ";
    fd_assert_error(fd_store_blocklist_add(&id, f.s, &m, &e, NULL), FD_EINVAL, "blocklist_entry.name");
    e.name = NULL;
    fd_id_document d = FD_ID_DOCUMENT_INIT;
    d.type = "id_card";
    d.number = "11010519491231002Y";
    fd_assert_error(fd_store_blocklist_add(&id, f.s, &m, &e, &d), FD_EINVAL, "id.number");
    e.reason = NULL;
    e.name = "王五";
    fd_assert_error(fd_store_blocklist_add(&id, f.s, &m, &e, NULL), FD_EINVAL, "blocklist_entry.reason");
    assert_unchanged(&f, &before);
    fx_close(&f);
}

Test(visitors_store, R_VIS_1_a_match_holds_the_visit_until_admitted_by_whom_or_refused)
{
    fx f = fx_open("vis-held");
    int64_t entry = block(&f, "forbidden", "禁止入内", "张三", NULL, NULL, NULL);
    block(&f, "warning", "注意", NULL, "13800138000", NULL, NULL);
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    v.visitor = "张三";
    fd_visit_registration r = reg(&f, &a, &v, NULL);
    cr_assert_str_eq(r.state, "held");
    cr_assert_eq(r.blocklist.answer, FD_BLOCKLIST_MATCH);
    cr_assert_str_eq(r.blocklist.level, "forbidden");
    cr_assert_str_eq(r.blocklist.reason, "禁止入内");
    cr_assert_eq(r.blocklist.entry_id, entry);
    fd_visit *got = get_visit(&f, &a, r.id);
    cr_assert_str_eq(got->blocklist_level, "forbidden");
    fd_visit_free(got);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM blocklist_hits WHERE outcome = 'pending'"), 1);
    /* held: no answer, no admission by a clerk */
    fd_assert_error(fd_store_visit_answer(f.s, &a, r.id, "bring_up", NULL), FD_ESTATE, "admit or refuse");
    fd_assert_error(fd_store_visit_admit(f.s, &a, r.id, "熟人"), FD_EPERM, "forbidden");
    fd_assert_error(fd_store_visit_admit(f.s, &a, r.id, NULL), FD_EINVAL, "note");
    fd_visit_shift s;
    fd_assert_ok(fd_store_visit_shift_check(&s, f.s, &a, T0 - HOUR));
    cr_assert_eq(s.held, 1);
    fd_actor mgr = manager_at(&f, T0 + 300);
    fd_assert_ok(fd_store_visit_admit(f.s, &mgr, r.id, "已核实，法院令已撤销"));
    got = get_visit(&f, &a, r.id);
    cr_assert_str_eq(got->state, "waiting");
    fd_visit_free(got);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM blocklist_hits WHERE outcome = 'admitted' AND outcome_by = 2 "
                                 "AND outcome_at = 1795395900"), 1);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE entity = 'visit' AND action = 'admit' AND "
                                 "detail = 'forbidden'"), 1);
    fd_assert_error(fd_store_visit_admit(f.s, &mgr, r.id, "again"), FD_ESTATE, "only a visit held");
    /* a warning-level match: a clerk admits; another one is refused and leaves */
    v.visitor = "路人甲";
    v.phone = "138 0013 8000";
    r = reg(&f, &a, &v, NULL);
    cr_assert_str_eq(r.state, "held");
    cr_assert_str_eq(r.blocklist.basis, "phone");
    fd_assert_ok(fd_store_visit_admit(f.s, &a, r.id, "提醒已知悉"));
    r = reg(&f, &a, &v, NULL);
    fd_assert_ok(fd_store_visit_refuse(f.s, &a, r.id, "不予登记"));
    got = get_visit(&f, &a, r.id);
    cr_assert_str_eq(got->state, "refused");
    cr_assert_eq(got->departed_at, T0);
    fd_visit_free(got);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM blocklist_hits WHERE outcome = 'refused' AND outcome_by = 1"),
                 1);
    char ev[256];
    events_of(ev, sizeof ev, &f, &a, r.id);
    cr_assert_str_eq(ev, "refuse");
    fx_close(&f);
}

/* --- never deleted (R-COM-3) ------------------------------------------------------------ */

Test(visitors_store, R_COM_3_visitor_records_are_never_deleted_replaced_or_rewritten)
{
    fx f = fx_open("vis-keep");
    block(&f, "warning", "注意", "张伟", NULL, NULL, NULL);
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    fd_id_document d = FD_ID_DOCUMENT_INIT;
    d.type = "passport";
    d.number = "E12345678";
    fd_visit_registration r = reg(&f, &a, &v, &d);
    fd_assert_ok(fd_store_visit_admit(f.s, &a, r.id, "ok"));
    snapshot before = snap(&f);
    static const char *const tables[] = { "visits", "visit_events", "id_documents", "site_secrets", "blocklist",
                                          "blocklist_hits" };
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        char q[200];
        snprintf(q, sizeof q, "SELECT count(*) FROM %s", tables[i]);
        cr_assert_gt(fd_test_sql_int(f.path, q), 0, "%s has a row to protect", tables[i]);
        snprintf(q, sizeof q, "DELETE FROM %s", tables[i]);
        cr_assert_eq(fd_test_sql_exec(f.path, q), SQLITE_CONSTRAINT_TRIGGER & 0xff, "%s", q);
        snprintf(q, sizeof q, "INSERT OR REPLACE INTO %s SELECT * FROM %s", tables[i], tables[i]);
        cr_assert_eq(fd_test_sql_exec(f.path, q), SQLITE_CONSTRAINT_TRIGGER & 0xff, "%s", q);
    }
    static const char *const rewrites[] = {
        "UPDATE visits SET purpose = '改过'", "UPDATE visits SET visitor = '别人'",
        "UPDATE visits SET arrived_at = arrived_at + 1", "UPDATE visits SET slip_no = 9",
        "UPDATE visit_events SET note = 'x'", "UPDATE id_documents SET hash = 'x'",
        "UPDATE site_secrets SET secret = zeroblob(32)", "UPDATE blocklist SET level = 'forbidden'",
        "UPDATE blocklist SET name_fold = 'x'", "UPDATE blocklist_hits SET outcome = 'refused'",
        "UPDATE visits SET visitor = '', organisation = NULL, phone = NULL, plate = NULL",
    };
    for (size_t i = 0; i < sizeof rewrites / sizeof *rewrites; i++)
        cr_assert_eq(fd_test_sql_exec(f.path, rewrites[i]), SQLITE_CONSTRAINT_TRIGGER & 0xff, "%s", rewrites[i]);
    assert_unchanged(&f, &before);
    fd_store_verify_report rep;
    fd_assert_ok(fd_store_verify(&rep, f.s));
    cr_assert(rep.triggers_ok);
    fx_close(&f);
    cr_assert_eq(fd_test_sql_exec(f.path, "DROP TRIGGER visits_only_events_and_purge"), SQLITE_OK);
    fd_store *s = NULL;
    fd_assert_error(fd_store_open(&s, f.path, NULL), FD_EDATA, "visits_only_events_and_purge");
}

/* --- registration slips handed to security (R-VIS-3) ------------------------------------------ */

Test(visitors, R_VIS_3_slips_are_due_to_security_after_the_policy_days)
{
    int due = -1;
    fd_assert_ok(fd_visit_slip_handover_due(&due, 3, T0, T0 + 7 * DAY - 1, NULL));
    cr_assert_eq(due, 0);
    fd_assert_ok(fd_visit_slip_handover_due(&due, 3, T0, T0 + 7 * DAY, NULL));
    cr_assert_eq(due, 1, "visitor.slip_handover_days is 7 by default");
    fd_assert_ok(fd_visit_slip_handover_due(&due, 0, T0, T0 + 30 * DAY, NULL));
    cr_assert_eq(due, 0, "nothing waiting, nothing due");
    fd_policy *p = policy_with("visitor.slip_handover_days", 1);
    fd_assert_ok(fd_visit_slip_handover_due(&due, 1, T0, T0 + DAY, p));
    cr_assert_eq(due, 1);
    fd_policy_free(p);
    fd_assert_error(fd_visit_slip_handover_due(&due, -1, T0, T0, NULL), FD_EINVAL, "pending");
    fd_assert_error(fd_visit_slip_handover_due(NULL, 1, T0, T0, NULL), FD_EINVAL, "out");
}

Test(visitors_store, R_VIS_3_slips_are_handed_to_security_in_batches_without_gaps)
{
    fx f = fx_open("vis-handover");
    fd_actor a = clerk_at(&f, T0);
    fd_slip_status st;
    fd_assert_ok(fd_store_slip_handover_status(&st, f.s, &a));
    cr_assert_eq(st.pending, 0);
    cr_assert_eq(st.due, 0);
    int64_t id = 0;
    fd_assert_error(fd_store_slip_handover(&id, f.s, &a, "保安老张", NULL), FD_ESTATE, "pending: no slip waits");
    fd_visit v = walk_in();
    for (int i = 0; i < 3; i++)
        reg(&f, &a, &v, NULL);
    fd_actor week = clerk_at(&f, T0 + 7 * DAY);
    fd_assert_ok(fd_store_slip_handover_status(&st, f.s, &week));
    cr_assert_eq(st.pending, 3);
    cr_assert_eq(st.first_pending, 1);
    cr_assert_eq(st.last_slip, 3);
    cr_assert_eq(st.since, T0, "since the first slip's registration");
    cr_assert_eq(st.due, 1);
    fd_assert_error(fd_store_slip_handover(&id, f.s, &week, NULL, NULL), FD_EINVAL, "slip_handover.received_by");
    fd_assert_ok(fd_store_slip_handover(&id, f.s, &week, "保安老张", "第3张缺签名"));
    fd_slip_handover *h = NULL;
    fd_assert_ok(fd_store_slip_handover_get(&h, f.s, &week, id));
    cr_assert_eq(h->first_slip, 1);
    cr_assert_eq(h->last_slip, 3);
    cr_assert_eq(h->at, T0 + 7 * DAY);
    cr_assert_eq(h->staff_id, f.clerk);
    fd_slip_handover_free(h);
    fd_assert_error(fd_store_slip_handover(&id, f.s, &week, "保安老张", NULL), FD_ESTATE, "pending: no slip waits to be handed over: the latest, 3, "
                    "went in the handover at 2026-11-30 09:00 +08:00");
    reg(&f, &week, &v, NULL);
    fd_actor later = clerk_at(&f, T0 + 8 * DAY);
    fd_assert_ok(fd_store_slip_handover_status(&st, f.s, &later));
    cr_assert_eq(st.pending, 1);
    cr_assert_eq(st.first_pending, 4);
    cr_assert_eq(st.since, T0 + 7 * DAY, "since the last handover");
    cr_assert_eq(st.due, 0);
    fd_assert_ok(fd_store_slip_handover(&id, f.s, &later, "保安小王", NULL));
    fd_assert_ok(fd_store_slip_handover_get(&h, f.s, &later, id));
    cr_assert_eq(h->first_slip, 4);
    cr_assert_eq(h->last_slip, 4);
    fd_slip_handover_free(h);
    cr_assert_eq(fd_test_sql_exec(f.path, "DELETE FROM slip_handovers"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE slip_handovers SET last_slip = 9"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    fx_close(&f);
}

/* --- visitor cards and counted items (R-VIS-4) ---------------------------------------------- */

static int64_t add_item(const fx *f, const char *kind, const char *code)
{
    fd_actor m = manager_at(f, T0 - DAY);
    fd_counted_item it = FD_COUNTED_ITEM_INIT;
    it.kind = kind;
    it.code = code;
    int64_t id = 0;
    fd_assert_ok(fd_store_item_add(&id, f->s, &m, &it));
    return id;
}

Test(visitors, R_VIS_4_counted_items_are_checked)
{
    fd_counted_item it = FD_COUNTED_ITEM_INIT;
    it.kind = "visitor_card";
    it.code = "V017";
    fd_assert_ok(fd_counted_item_validate(&it));
    it.kind = "pen";
    fd_assert_error(fd_counted_item_validate(&it), FD_EINVAL, "fd_counted_item_validate: counted_item.kind: 'pen'");
    it.kind = "key";
    it.code = "V 017";
    fd_assert_error(fd_counted_item_validate(&it), FD_EINVAL, "counted_item.code");
    cr_assert_str_eq(fd_visit_code_label("item_kind", "visitor_card"), "访客卡");
    cr_assert_str_eq(fd_visit_code_label("moment", "end"), "交班");
}

Test(visitors_store, R_VIS_4_a_card_is_issued_once_at_a_time_and_returned_or_lost)
{
    fx f = fx_open("vis-cards");
    int64_t card = add_item(&f, "visitor_card", "V001");
    add_item(&f, "visitor_card", "V002");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    int64_t first = reg(&f, &a, &v, NULL).id, second = reg(&f, &a, &v, NULL).id;
    fd_assert_ok(fd_store_item_issue(f.s, &a, card, first));
    v.preregistered = 1;
    v.planned_from = T0 + HOUR;
    int64_t expected = reg(&f, &a, &v, NULL).id;
    snapshot before = snap(&f);
    fd_assert_error(fd_store_item_issue(f.s, &a, card, second), FD_ESTATE,
                    "item_id: 访客卡 V001 is issued already, to visit 1: a card is issued once at a time");
    fd_assert_error(fd_store_item_issue(f.s, &a, 999, second), FD_ENOTFOUND, "item_id");
    fd_assert_error(fd_store_item_issue(f.s, &a, 2, 999), FD_ENOTFOUND, "visit_id");
    fd_assert_error(fd_store_item_issue(f.s, &a, 2, expected), FD_ESTATE, "visit_id: visit 3 is not on site");
    fd_assert_error(fd_store_item_return(f.s, &a, 2, NULL), FD_ESTATE, "not issued");
    fd_assert_error(fd_store_item_lost(f.s, &a, card, NULL), FD_EINVAL, "note: is required");
    assert_unchanged(&f, &before);
    /* the visitor leaves without returning it: an open item at the end of the shift */
    fd_actor later = clerk_at(&f, T0 + HOUR);
    fd_assert_ok(fd_store_visit_checkout(f.s, &later, first, 0, NULL));
    fd_visit_shift s;
    fd_assert_ok(fd_store_visit_shift_check(&s, f.s, &later, T0));
    cr_assert_eq(s.items_out, 1);
    cr_assert_eq(s.items_unreturned, 1);
    fd_assert_ok(fd_store_item_lost(f.s, &later, card, "访客带走未还"));
    fd_counted_item *got = NULL;
    fd_assert_ok(fd_store_counted_item_get(&got, f.s, &a, card));
    cr_assert_str_eq(got->state, "lost");
    cr_assert_eq(got->visit_id, 0);
    cr_assert_eq(got->state_at, T0 + HOUR);
    fd_counted_item_free(got);
    fd_assert_ok(fd_store_visit_shift_check(&s, f.s, &later, T0));
    cr_assert_eq(s.items_out, 0);
    fd_assert_ok(fd_store_item_found(f.s, &later, card, "保安在停车场捡到"));
    fd_assert_ok(fd_store_item_issue(f.s, &later, card, second));
    fd_assert_ok(fd_store_item_return(f.s, &later, card, NULL));
    /* every change is an event with who and when */
    fd_item_event_filter q = FD_ITEM_EVENT_FILTER_INIT;
    q.match = FD_ITEM_EVENT_MATCH_ITEM_ID;
    q.item_id = card;
    fd_item_event_iter *it = NULL;
    const fd_item_event *e = NULL;
    fd_assert_ok(fd_store_item_event_query(&it, f.s, &a, &q));
    char kinds[128] = "";
    size_t n = 0;
    while (fd_item_event_iter_next(&e, it) == FD_OK && e)
        n += (size_t)snprintf(kinds + n, sizeof kinds - n, "%s%s/%lld", n ? "," : "", e->kind, (long long)e->visit_id);
    fd_item_event_iter_free(it);
    cr_assert_str_eq(kinds, "issue/1,lost/1,found/0,issue/2,return/2");
    /* adding needs the manage grant; codes are unique per site */
    fd_counted_item c = FD_COUNTED_ITEM_INIT;
    c.kind = "visitor_card";
    c.code = "V001";
    int64_t id = 0;
    fd_actor m = manager_at(&f, T0);
    fd_assert_error(fd_store_item_add(&id, f.s, &a, &c), FD_EPERM, "manage");
    fd_assert_error(fd_store_item_add(&id, f.s, &m, &c), FD_ECONFLICT, "counted_item.code: 'V001' exists already");
    cr_assert_eq(fd_test_sql_exec(f.path, "DELETE FROM counted_items"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE counted_items SET code = 'X'"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE counted_items SET state = 'issued' WHERE id = 2"),
                 SQLITE_CONSTRAINT_TRIGGER & 0xff, "issued to nobody");
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE item_events SET note = 'x'"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    fx_close(&f);
}

Test(visitors_store, R_VIS_4_counts_are_signed_by_both_staff_and_a_difference_stays_open_until_explained)
{
    fx f = fx_open("vis-counts");
    for (int i = 1; i <= 5; i++) {
        char code[8];
        snprintf(code, sizeof code, "V%03d", i);
        add_item(&f, "visitor_card", code);
    }
    add_item(&f, "umbrella", "U01");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    int64_t visit = reg(&f, &a, &v, NULL).id;
    fd_assert_ok(fd_store_item_issue(f.s, &a, 1, visit));
    /* the clerk counts, the manager signs: 4 cards should be at the desk */
    int64_t ok = 0, off = 0;
    fd_assert_ok(fd_store_item_count(&ok, f.s, &a, "visitor_card", "end", 4, f.manager));
    fd_item_count *c = NULL;
    fd_assert_ok(fd_store_item_count_get(&c, f.s, &a, ok));
    cr_assert_eq(c->expected, 4);
    cr_assert_eq(c->counted, 4);
    cr_assert_str_eq(c->state, "ok");
    cr_assert_eq(c->staff_id, f.clerk);
    cr_assert_eq(c->cosigner, f.manager);
    fd_item_count_free(c);
    fd_assert_ok(fd_store_item_count(&off, f.s, &a, "visitor_card", "end", 3, f.manager));
    fd_visit_shift s;
    fd_assert_ok(fd_store_visit_shift_check(&s, f.s, &a, T0));
    cr_assert_eq(s.counts_open, 1);
    cr_assert_eq(s.items_out, 1);
    cr_assert_eq(s.items_unreturned, 0, "the visitor is still there");
    snapshot before = snap(&f);
    fd_assert_error(fd_store_item_count_explain(f.s, &a, ok, "x"), FD_ESTATE, "only an open difference");
    fd_assert_error(fd_store_item_count_explain(f.s, &a, off, ""), FD_EINVAL, "explanation: is required");
    int64_t id = 0;
    fd_assert_error(fd_store_item_count(&id, f.s, &a, "visitor_card", "end", 3, f.clerk), FD_EINVAL,
                    "cosigner: the count is signed by two members of staff");
    fd_assert_error(fd_store_item_count(&id, f.s, &a, "visitor_card", "end", 3, f.other_clerk), FD_EPERM, "cosigner");
    fd_assert_error(fd_store_item_count(&id, f.s, &a, "pens", "end", 3, f.manager), FD_EINVAL, "kind: 'pens'");
    fd_assert_error(fd_store_item_count(&id, f.s, &a, "visitor_card", "noon", 3, f.manager), FD_EINVAL, "moment");
    fd_assert_error(fd_store_item_count(&id, f.s, &a, "visitor_card", "end", -1, f.manager), FD_EINVAL, "counted");
    fd_actor sys = fd_test_actor(f.site, 0, T0);
    fd_assert_error(fd_store_item_count(&id, f.s, &sys, "visitor_card", "end", 3, f.manager), FD_EINVAL,
                    "actor.staff_id");
    assert_unchanged(&f, &before);
    fd_actor later = clerk_at(&f, T0 + 600);
    fd_assert_ok(fd_store_item_count_explain(f.s, &later, off, "V003 在保安室，已取回"));
    fd_assert_ok(fd_store_item_count_get(&c, f.s, &a, off));
    cr_assert_str_eq(c->state, "explained");
    cr_assert_eq(c->explained_by, f.clerk);
    cr_assert_eq(c->explained_at, T0 + 600);
    fd_item_count_free(c);
    fd_assert_ok(fd_store_visit_shift_check(&s, f.s, &a, T0));
    cr_assert_eq(s.counts_open, 0);
    /* umbrellas are counted apart */
    fd_assert_ok(fd_store_item_count(&id, f.s, &a, "umbrella", "start", 1, f.manager));
    fd_assert_ok(fd_store_item_count_get(&c, f.s, &a, id));
    cr_assert_eq(c->expected, 1);
    fd_item_count_free(c);
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE item_counts SET counted = 9"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    cr_assert_eq(fd_test_sql_exec(f.path, "DELETE FROM item_counts"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    fx_close(&f);
}

/* --- goods release (R-VIS-7) -------------------------------------------------------------- */

static void items_are(const char *typed, const char *canonical)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_goods_items_parse(&b, typed));
    cr_assert_str_eq(b.ptr, canonical, "%s", typed);
    fd_assert_ok(fd_goods_items_parse(&b, canonical));
    cr_assert_str_eq(b.ptr, canonical, "canonical is a fixed point");
    fd_buf_dispose(&b);
}

Test(visitors, R_VIS_7_goods_lists_are_read_as_people_write_them)
{
    items_are("电脑2台，椅子×4、台灯 x1", "电脑×2；椅子×4；台灯×1");
    items_are("电脑*2; 电脑 1台\n显示器27寸2台", "电脑×3；显示器27寸×2");
    items_are("Xbox2", "Xbox×2");
    items_are("ｉＰａｄ：３", "iPad×3");
    items_are("A4纸10包，", "A4纸×10");
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_goods_items_parse(&b, "电脑"), FD_EINVAL, "items: item 1 has no quantity");
    fd_assert_error(fd_goods_items_parse(&b, "电脑2，3台"), FD_EINVAL, "item 2 has a quantity but no name");
    fd_assert_error(fd_goods_items_parse(&b, "椅子0"), FD_EINVAL, "item 1: quantity 0");
    fd_assert_error(fd_goods_items_parse(&b, "椅子1234567"), FD_EINVAL, "a quantity above 100000");
    fd_assert_error(fd_goods_items_parse(&b, "，；"), FD_EINVAL, "no item");
    fd_assert_error(fd_goods_items_parse(&b, "椅子\x01 2"), FD_EINVAL, "control character");
    cr_assert_eq(b.size, 0);
    int match = -1;
    fd_assert_ok(fd_goods_items_compare(&match, &b, "电脑×2；椅子×4", "椅子4把，电脑2台"));
    cr_assert_eq(match, 1);
    cr_assert_str_eq(b.ptr, "");
    fd_assert_ok(fd_goods_items_compare(&match, &b, "电脑×2；椅子×4", "电脑2，椅子5，台灯1"));
    cr_assert_eq(match, 0);
    cr_assert_str_eq(b.ptr, "椅子 4→5；台灯 0→1");
    fd_assert_ok(fd_goods_items_compare(&match, &b, "电脑×2；椅子×4", "电脑2"));
    cr_assert_str_eq(b.ptr, "椅子 4→0");
    fd_assert_error(fd_goods_items_compare(&match, &b, "电脑", "电脑2"), FD_EINVAL, "permit_items");
    fd_buf_dispose(&b);
    fd_goods_permit p = FD_GOODS_PERMIT_INIT;
    p.applicant = "王小丽";
    p.items = "沙发1";
    fd_assert_ok(fd_goods_permit_validate(&p));
    p.items = "沙发";
    fd_assert_error(fd_goods_permit_validate(&p), FD_EINVAL, "goods_permit.items: item 1 has no quantity");
    p.items = "沙发1";
    p.phone = "12";
    fd_assert_error(fd_goods_permit_validate(&p), FD_EINVAL, "goods_permit.phone");
}

Test(visitors_store, R_VIS_7_goods_leave_on_an_approved_permit_checked_at_the_gate)
{
    fx f = fx_open("vis-goods");
    fd_actor a = clerk_at(&f, T0);
    fd_goods_permit p = FD_GOODS_PERMIT_INIT;
    p.applicant = "王小丽";
    p.phone = "138 1234 5678";
    p.unit_id = f.unit;
    p.items = "沙发1套，椅子4把";
    p.reason = "搬家";
    p.valid_until = T0 + DAY;
    fd_id_document d = FD_ID_DOCUMENT_INIT;
    d.type = "id_card";
    d.number = "11010519491231002X";
    int64_t id = 0;
    fd_assert_ok(fd_store_goods_permit_add(&id, f.s, &a, &p, &d));
    fd_goods_permit *got = NULL;
    fd_assert_ok(fd_store_goods_permit_get(&got, f.s, &a, id));
    cr_assert_str_eq(got->items, "沙发×1；椅子×4");
    cr_assert_str_eq(got->state, "requested");
    cr_assert_str_eq(got->id_masked, "110105********002X");
    cr_assert_str_eq(got->phone, "138****5678");
    fd_goods_permit_free(got);
    cr_assert_not(file_holds(f.path, "11010519491231002X"), "an applicant's ID number is never kept");
    int64_t check = 0;
    fd_assert_error(fd_store_goods_check(&check, f.s, &a, id, "沙发1，椅子4", NULL, NULL), FD_ESTATE,
                    "the gate releases goods on an approved permit");
    fd_assert_error(fd_store_goods_permit_approve(f.s, &a, id, NULL), FD_EPERM, "manage");
    fd_actor m = manager_at(&f, T0 + 60);
    fd_assert_ok(fd_store_goods_permit_approve(f.s, &m, id, "物业已核实欠费结清"));
    fd_assert_error(fd_store_goods_permit_refuse(f.s, &m, id, "x"), FD_ESTATE, "approved already");
    /* the guard counts one chair more: the goods stay, the difference is the event */
    fd_actor guard = clerk_at(&f, T0 + HOUR);
    fd_assert_ok(fd_store_goods_check(&check, f.s, &guard, id, "沙发1套，椅子5把", "东门", NULL));
    fd_goods_check *c = NULL;
    fd_assert_ok(fd_store_goods_check_get(&c, f.s, &guard, check));
    cr_assert_eq(c->matched, 0);
    cr_assert_str_eq(c->difference, "椅子 4→5");
    cr_assert_str_eq(c->items, "沙发×1；椅子×5");
    cr_assert_str_eq(c->gate, "东门");
    cr_assert_eq(c->staff_id, f.clerk);
    fd_goods_check_free(c);
    fd_assert_ok(fd_store_goods_permit_get(&got, f.s, &a, id));
    cr_assert_str_eq(got->state, "mismatch");
    fd_goods_permit_free(got);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE entity = 'goods_permit' AND action = 'mismatch' "
                                 "AND detail = '椅子 4→5'"), 1);
    fd_custody_status cs;
    fd_assert_ok(fd_store_custody_status(&cs, f.s, &guard));
    cr_assert_eq(cs.permits_mismatch, 1);
    /* checked again, right this time: released; once released, never again */
    fd_assert_ok(fd_store_goods_check(&check, f.s, &guard, id, "椅子4，沙发1", "东门", "多出的椅子是保安室的"));
    fd_assert_ok(fd_store_goods_check_get(&c, f.s, &guard, check));
    cr_assert_eq(c->matched, 1);
    cr_assert_str_eq(c->difference, "");
    fd_goods_check_free(c);
    fd_assert_ok(fd_store_goods_permit_get(&got, f.s, &a, id));
    cr_assert_str_eq(got->state, "released");
    cr_assert_eq(got->checked_by, f.clerk);
    cr_assert_eq(got->approved_by, f.manager);
    fd_goods_permit_free(got);
    fd_assert_error(fd_store_goods_check(&check, f.s, &guard, id, "椅子4", NULL, NULL), FD_ESTATE, "released");
    /* refusals: bad lists, expired and refused permits; nothing changes */
    p.valid_until = T0 + 120;
    int64_t expiring = 0;
    fd_assert_ok(fd_store_goods_permit_add(&expiring, f.s, &a, &p, NULL));
    fd_assert_ok(fd_store_goods_permit_approve(f.s, &m, expiring, NULL));
    snapshot before = snap(&f);
    fd_assert_error(fd_store_goods_check(&check, f.s, &guard, expiring, "沙发1，椅子4", NULL, NULL), FD_ESTATE,
                    "permit.valid_until");
    fd_assert_error(fd_store_goods_check(&check, f.s, &guard, expiring, "沙发", NULL, NULL), FD_EINVAL,
                    "fd_store_goods_check: items: item 1 has no quantity");
    p.items = "沙发";
    fd_assert_error(fd_store_goods_permit_add(&id, f.s, &a, &p, NULL), FD_EINVAL, "goods_permit.items");
    p.items = "沙发1";
    p.unit_id = 999;
    fd_assert_error(fd_store_goods_permit_add(&id, f.s, &a, &p, NULL), FD_ENOTFOUND, "goods_permit.unit_id");
    p.unit_id = 0;
    d.number = "E12345678";
    fd_assert_error(fd_store_goods_permit_add(&id, f.s, &a, &p, &d), FD_EINVAL, "id.number");
    assert_unchanged(&f, &before);
    int64_t refused = 0;
    fd_assert_ok(fd_store_goods_permit_add(&refused, f.s, &a, &p, NULL));
    fd_assert_error(fd_store_goods_permit_refuse(f.s, &m, refused, NULL), FD_EINVAL, "note: is required");
    fd_assert_ok(fd_store_goods_permit_refuse(f.s, &m, refused, "欠物业费"));
    fd_assert_error(fd_store_goods_check(&check, f.s, &guard, refused, "沙发1", NULL, NULL), FD_ESTATE, "refused");
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE goods_permits SET items = '沙发×9'"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    cr_assert_eq(fd_test_sql_exec(f.path, "DELETE FROM goods_checks"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    fx_close(&f);
}

/* --- the custody ledger (R-VIS-8) ----------------------------------------------------------- */

Test(visitors, R_VIS_8_custody_items_are_due_a_notice_a_reminder_and_handing_on)
{
    fd_custody_item it = FD_CUSTODY_ITEM_INIT;
    it.kind = "parcel";
    it.description = "顺丰快递";
    it.occupant_id = 3;
    fd_assert_ok(fd_custody_item_validate(&it));
    it.kind = "visitor_documents";
    fd_assert_error(fd_custody_item_validate(&it), FD_EINVAL, "custody_item.visit_id");
    it.kind = "box";
    fd_assert_error(fd_custody_item_validate(&it), FD_EINVAL, "custody_item.kind: 'box'");
    it.kind = "parcel";
    it.deposited_at = T0;
    fd_custody_due d;
    fd_assert_ok(fd_custody_item_due(&d, &it, T0, NULL));
    cr_assert_eq(d.notify, 1);
    cr_assert_eq(d.remind, 0);
    cr_assert_eq(d.unclaimed_at, T0 + 90 * DAY);
    it.notified_at = T0 + HOUR;
    fd_assert_ok(fd_custody_item_due(&d, &it, T0 + HOUR + 3 * DAY - 1, NULL));
    cr_assert_eq(d.notify, 0);
    cr_assert_eq(d.remind, 0);
    fd_assert_ok(fd_custody_item_due(&d, &it, T0 + HOUR + 3 * DAY, NULL));
    cr_assert_eq(d.remind, 1);
    fd_assert_ok(fd_custody_item_due(&d, &it, T0 + 90 * DAY, NULL));
    cr_assert_eq(d.unclaimed, 1);
    fd_policy *p = policy_with("custody.unclaimed_days", 30);
    fd_assert_ok(fd_custody_item_due(&d, &it, T0 + 30 * DAY, p));
    cr_assert_eq(d.unclaimed, 1);
    fd_policy_free(p);
    it.state = "collected";
    fd_assert_ok(fd_custody_item_due(&d, &it, T0 + 900 * DAY, NULL));
    cr_assert_eq(d.unclaimed + d.remind + d.notify, 0);
    it.state = "held";
    it.occupant_id = 0;
    it.notified_at = 0;
    fd_assert_ok(fd_custody_item_due(&d, &it, T0, NULL));
    cr_assert_eq(d.notify, 0, "nobody to tell");
}

Test(visitors_store, R_VIS_8_one_ledger_for_parcels_items_left_and_what_visitors_leave)
{
    fx f = fx_open("vis-custody");
    fd_actor a = clerk_at(&f, T0);
    fd_custody_item c = FD_CUSTODY_ITEM_INIT;
    c.kind = "parcel";
    c.description = "顺丰快递 一箱";
    c.occupant_id = f.occupant;
    c.unit_id = f.unit;
    c.phone = "138 1234 5678";
    int64_t parcel = 0, bag = 0, card = 0;
    fd_assert_ok(fd_store_custody_add(&parcel, f.s, &a, &c));
    c = (fd_custody_item)FD_CUSTODY_ITEM_INIT;
    c.kind = "left_behind";
    c.description = "黑色双肩包";
    c.found_where = "大堂沙发";
    fd_assert_ok(fd_store_custody_add(&bag, f.s, &a, &c));
    /* a declined visitor leaves a card (R-VIS-2) */
    fd_visit v = walk_in();
    int64_t visit = reg(&f, &a, &v, NULL).id;
    fd_assert_ok(fd_store_visit_answer(f.s, &a, visit, "decline", "主人不在"));
    c = (fd_custody_item)FD_CUSTODY_ITEM_INIT;
    c.kind = "visitor_documents";
    c.description = "名片一张";
    c.visit_id = visit;
    c.owner = "王小丽";
    fd_assert_ok(fd_store_custody_add(&card, f.s, &a, &c));
    fd_custody_status s;
    fd_assert_ok(fd_store_custody_status(&s, f.s, &a));
    cr_assert_eq(s.held, 3);
    cr_assert_eq(s.to_notify, 2, "the parcel's occupant and the card's host; nobody to tell about the bag");
    fd_assert_ok(fd_store_custody_notify(f.s, &a, parcel, "sms", NULL));
    fd_actor later = clerk_at(&f, T0 + 3 * DAY);
    fd_assert_ok(fd_store_custody_status(&s, f.s, &later));
    cr_assert_eq(s.to_remind, 1);
    fd_assert_ok(fd_store_custody_notify(f.s, &later, parcel, "phone", "电话未接"));
    fd_custody_item *got = NULL;
    fd_assert_ok(fd_store_custody_item_get(&got, f.s, &a, parcel));
    cr_assert_eq(got->reminders, 1);
    cr_assert_eq(got->notified_at, T0 + 3 * DAY);
    cr_assert_str_eq(got->phone, "138****5678");
    fd_custody_item_free(got);
    snapshot before = snap(&f);
    fd_assert_error(fd_store_custody_collect(f.s, &later, parcel, "王小丽", "nod", NULL), FD_EINVAL,
                    "method: 'nod'");
    fd_assert_error(fd_store_custody_collect(f.s, &later, parcel, NULL, "signature", NULL), FD_EINVAL,
                    "handed_to: is required");
    fd_assert_error(fd_store_custody_notify(f.s, &later, parcel, "signature", NULL), FD_EINVAL, "how");
    fd_assert_error(fd_store_custody_notify(f.s, &later, 999, "sms", NULL), FD_ENOTFOUND, "item_id");
    c.visit_id = 999;
    fd_assert_error(fd_store_custody_add(&card, f.s, &a, &c), FD_ENOTFOUND, "custody_item.visit_id");
    assert_unchanged(&f, &before);
    fd_assert_ok(fd_store_custody_collect(f.s, &later, parcel, "王小丽", "signature", NULL));
    fd_assert_error(fd_store_custody_collect(f.s, &later, parcel, "王小丽", "signature", NULL), FD_ESTATE,
                    "collected already");
    fd_assert_ok(fd_store_custody_item_get(&got, f.s, &a, parcel));
    cr_assert_str_eq(got->state, "collected");
    cr_assert_str_eq(got->check_method, "signature");
    cr_assert_str_eq(got->handed_to, "王小丽");
    cr_assert_eq(got->closed_by, f.clerk);
    fd_custody_item_free(got);
    /* unclaimed left property goes to the police after 90 days */
    fd_actor months = clerk_at(&f, T0 + 91 * DAY);
    fd_assert_ok(fd_store_custody_status(&s, f.s, &months));
    cr_assert_eq(s.unclaimed, 2);
    fd_assert_ok(fd_store_custody_hand_on(f.s, &months, bag, "XX派出所", "逾期无人认领"));
    fd_assert_ok(fd_store_custody_return(f.s, &months, card, "访客本人", NULL));
    fd_assert_ok(fd_store_custody_status(&s, f.s, &months));
    cr_assert_eq(s.held, 0);
    fd_custody_event_filter q = FD_CUSTODY_EVENT_FILTER_INIT;
    q.match = FD_CUSTODY_EVENT_MATCH_ITEM_ID;
    q.item_id = parcel;
    fd_custody_event_iter *it = NULL;
    const fd_custody_event *e = NULL;
    fd_assert_ok(fd_store_custody_event_query(&it, f.s, &a, &q));
    char kinds[128] = "";
    size_t n = 0;
    while (fd_custody_event_iter_next(&e, it) == FD_OK && e)
        n += (size_t)snprintf(kinds + n, sizeof kinds - n, "%s%s", n ? "," : "", e->kind);
    fd_custody_event_iter_free(it);
    cr_assert_str_eq(kinds, "deposit,notify,remind,collect");
    /* the purge anonymises what was given out, after the retention */
    fd_actor year = manager_at(&f, T0 + 500 * DAY);
    fd_visit_purge pu;
    fd_assert_ok(fd_store_visit_purge(&pu, f.s, &year, 0));
    cr_assert_eq(pu.custody, 3);
    fd_actor rv = revealer_at(&f, T0 + 400 * DAY);
    fd_assert_ok(fd_store_custody_item_get(&got, f.s, &rv, card));
    cr_assert_str_eq(got->owner, "");
    cr_assert_str_eq(got->handed_to, "");
    cr_assert_str_eq(got->description, "名片一张");
    fd_custody_item_free(got);
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE custody_items SET state = 'held'"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    cr_assert_eq(fd_test_sql_exec(f.path, "DELETE FROM custody_events"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    fx_close(&f);
}

/* --- important visits (R-VIS-6) ---------------------------------------------------------- */

static fd_visit important_visit(int64_t from)
{
    fd_visit v = walk_in();
    v.visitor = "市政府考察团";
    v.party_size = 8;
    v.purpose = "考察";
    v.preregistered = 1;
    v.important = 1;
    v.planned_from = from;
    v.planned_until = from + 2 * HOUR;
    return v;
}

Test(visitors, R_VIS_6_prep_validate_and_due_before_arrival)
{
    fd_visit v = important_visit(T0 + 2 * HOUR);
    fd_assert_ok(fd_visit_validate(&v));
    v.preregistered = 0;
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "visit.preregistered: an important visit is announced");
    v = important_visit(T0 + 2 * HOUR);
    v.state = "expected";
    fd_visit_prep p = FD_VISIT_PREP_INIT;
    p.visit_id = 1;
    p.item = "会议室布置";
    fd_assert_ok(fd_visit_prep_validate(&p, &v));
    p.due_at = T0 + 2 * HOUR; /* at the start is in time */
    fd_assert_ok(fd_visit_prep_validate(&p, &v));
    p.due_at = T0 + 2 * HOUR + 1;
    fd_assert_error(fd_visit_prep_validate(&p, &v), FD_EINVAL,
                    "fd_visit_prep_validate: visit_prep.due_at: 1 s after the visit's planned start");
    p.due_at = 0;
    p.item = "";
    fd_assert_error(fd_visit_prep_validate(&p, &v), FD_EINVAL, "visit_prep.item");
    p.item = "会议室布置";
    fd_assert_error(fd_visit_prep_validate(&p, NULL), FD_EINVAL, "visit");
    v.important = 0;
    fd_assert_error(fd_visit_prep_validate(&p, &v), FD_ESTATE, "visit.important");
    v.important = 1;
    v.arrived_at = T0 + 2 * HOUR;
    fd_assert_error(fd_visit_prep_validate(&p, &v), FD_ESTATE, "visit.arrived_at: the visitors have arrived");
    v.arrived_at = 0;
    v.state = "cancelled";
    fd_assert_error(fd_visit_prep_validate(&p, &v), FD_ESTATE, "visit.state: the visit is cancelled");
    /* due: its own, else the planned start; overdue when open past it; late when ticked after it */
    fd_prep_due d;
    fd_assert_ok(fd_visit_prep_due(&d, &p, T0 + 2 * HOUR, T0));
    cr_assert_eq(d.version, FD_PREP_DUE_VERSION);
    cr_assert_eq(d.due_at, T0 + 2 * HOUR);
    cr_assert_eq(d.open, 1);
    cr_assert_eq(d.overdue, 0);
    fd_assert_ok(fd_visit_prep_due(&d, &p, T0 + 2 * HOUR, T0 + 2 * HOUR));
    cr_assert_eq(d.overdue, 1);
    p.due_at = T0 + HOUR;
    p.done_at = T0 + HOUR + 60;
    fd_assert_ok(fd_visit_prep_due(&d, &p, T0 + 2 * HOUR, T0 + 3 * HOUR));
    cr_assert_eq(d.due_at, T0 + HOUR);
    cr_assert_eq(d.open + d.overdue, 0);
    cr_assert_eq(d.late, 1);
    p.due_at = 0;
    p.done_at = 0;
    fd_assert_ok(fd_visit_prep_due(&d, &p, 0, T0));
    cr_assert_eq(d.due_at, 0);
    cr_assert_eq(d.overdue, 0, "nothing says when: never overdue");
    fd_assert_error(fd_visit_prep_due(&d, &p, 0, INT64_MAX), FD_ERANGE, "fd_visit_prep_due: now");
    fd_assert_error(fd_visit_prep_due(NULL, &p, 0, T0), FD_EINVAL, "out");
}

static size_t prep_open_ids(int64_t *ids, size_t cap, const fx *f, const fd_actor *a, int64_t from, int64_t to)
{
    fd_visit_iter *it = NULL;
    const fd_visit *v = NULL;
    fd_assert_ok(fd_store_visit_prep_open(&it, f->s, a, from, to, 0, 64));
    size_t n = 0;
    while (fd_visit_iter_next(&v, it) == FD_OK && v)
        if (n < cap)
            ids[n++] = v->id;
    fd_visit_iter_free(it);
    return n;
}

Test(visitors_store, R_VIS_6_important_visits_checklist_ticked_off_with_who_and_when_before_arrival)
{
    fx f = fx_open("vis-important");
    fd_actor a = clerk_at(&f, T0);
    snapshot before = snap(&f);
    fd_visit v = important_visit(T0 + 2 * HOUR);
    v.preregistered = 0;
    fd_visit_registration r;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_EINVAL, "visit.preregistered");
    assert_unchanged(&f, &before);
    v = important_visit(T0 + 2 * HOUR);
    int64_t vip = reg(&f, &a, &v, NULL).id;
    int64_t ready = reg(&f, &a, &v, NULL).id;  /* a second delegation, all prepared */
    int64_t called_off = reg(&f, &a, &v, NULL).id;
    v = walk_in();
    v.preregistered = 1;
    v.planned_from = T0 + 2 * HOUR;
    int64_t plain = reg(&f, &a, &v, NULL).id;
    fd_visit *got = get_visit(&f, &a, vip);
    cr_assert_eq(got->important, 1);
    fd_visit_free(got);

    fd_visit_prep p = FD_VISIT_PREP_INIT;
    p.visit_id = vip;
    p.item = "会议室布置";
    p.due_at = T0 + HOUR;
    int64_t room = 0, banner = 0, parking = 0, other = 0, id = 0;
    fd_assert_ok(fd_store_visit_prep_add(&room, f.s, &a, &p));
    p.item = "横幅";
    p.due_at = 0; /* before they come */
    fd_assert_ok(fd_store_visit_prep_add(&banner, f.s, &a, &p));
    p.item = "停车位 3 个";
    fd_assert_ok(fd_store_visit_prep_add(&parking, f.s, &a, &p));
    p.visit_id = ready;
    p.item = "茶水";
    fd_assert_ok(fd_store_visit_prep_add(&other, f.s, &a, &p));
    p.visit_id = called_off;
    fd_assert_ok(fd_store_visit_prep_add(&id, f.s, &a, &p));
    fd_assert_ok(fd_store_visit_cancel(f.s, &a, called_off, "对方改期"));

    /* refused, naming the field, nothing changed */
    before = snap(&f);
    p.visit_id = plain;
    fd_assert_error(fd_store_visit_prep_add(&id, f.s, &a, &p), FD_ESTATE,
                    "fd_store_visit_prep_add: visit.important: visit");
    p.visit_id = called_off;
    fd_assert_error(fd_store_visit_prep_add(&id, f.s, &a, &p), FD_ESTATE, "visit.state: the visit is cancelled");
    p.visit_id = vip;
    p.due_at = T0 + 3 * HOUR;
    fd_assert_error(fd_store_visit_prep_add(&id, f.s, &a, &p), FD_EINVAL, "visit_prep.due_at: 1 h after");
    p.due_at = 0;
    p.item = NULL;
    fd_assert_error(fd_store_visit_prep_add(&id, f.s, &a, &p), FD_EINVAL, "visit_prep.item: is required");
    p.item = "鲜花";
    p.visit_id = 999;
    fd_assert_error(fd_store_visit_prep_add(&id, f.s, &a, &p), FD_ENOTFOUND, "visit_prep.visit_id: no visit 999");
    fd_actor elsewhere = fd_test_actor(f.other_site, f.other_clerk, T0);
    p.visit_id = vip;
    fd_assert_error(fd_store_visit_prep_add(&id, f.s, &elsewhere, &p), FD_ENOTFOUND, "visit_prep.visit_id");
    fd_assert_error(fd_store_visit_prep_done(f.s, &elsewhere, room, NULL), FD_ENOTFOUND, "prep_id");
    fd_assert_error(fd_store_visit_prep_done(f.s, &a, 999, NULL), FD_ENOTFOUND, "prep_id: no preparation item 999");
    fd_assert_error(fd_store_visit_prep_add(NULL, f.s, &a, &p), FD_EINVAL, "out_id");
    assert_unchanged(&f, &before);

    fd_visit_prep_status st;
    fd_assert_ok(fd_store_visit_prep_status(&st, f.s, &a, vip));
    cr_assert_eq(st.version, FD_VISIT_PREP_STATUS_VERSION);
    cr_assert_eq(st.items, 3);
    cr_assert_eq(st.open, 3);
    cr_assert_eq(st.overdue, 0);
    cr_assert_eq(st.first_due, T0 + HOUR);
    fd_assert_ok(fd_store_visit_prep_status(&st, f.s, &a, plain));
    cr_assert_eq(st.items, 0, "a visit that is not important has an empty checklist");
    fd_assert_error(fd_store_visit_prep_status(&st, f.s, &a, 999), FD_ENOTFOUND, "visit_id");

    /* ticked off once, with who and when */
    fd_actor half = clerk_at(&f, T0 + HOUR / 2);
    fd_assert_ok(fd_store_visit_prep_done(f.s, &half, room, "二楼大会议室"));
    fd_assert_ok(fd_store_visit_prep_done(f.s, &half, other, NULL));
    before = snap(&f);
    fd_actor mgr = manager_at(&f, T0 + HOUR);
    fd_assert_error(fd_store_visit_prep_done(f.s, &mgr, room, NULL), FD_ESTATE,
                    "prep_id: item");
    cr_assert(strstr(fd_error_last()->message, "ticked off already, by c01 at 2026-11-23 09:30 +08:00 (30 min ago)")
              != NULL, "%s", fd_error_last()->message);
    assert_unchanged(&f, &before);
    fd_visit_prep *row = NULL;
    fd_assert_ok(fd_store_visit_prep_get(&row, f.s, &a, room));
    cr_assert_eq(row->done_at, T0 + HOUR / 2);
    cr_assert_eq(row->done_by, f.clerk);
    cr_assert_eq(row->staff_id, f.clerk);
    cr_assert_eq(row->created_at, T0);
    fd_visit_prep_free(row);

    /* the day's report: important visits with items open; not the prepared one, not the cancelled one */
    int64_t ids[8];
    cr_assert_eq(prep_open_ids(ids, 8, &f, &a, T0, T0 + DAY), 1);
    cr_assert_eq(ids[0], vip);
    cr_assert_eq(prep_open_ids(ids, 8, &f, &a, T0 + 3 * HOUR, T0 + DAY), 0, "planned before the window");
    cr_assert_eq(prep_open_ids(ids, 8, &f, &elsewhere, T0, T0 + DAY), 0, "another site's");
    fd_visit_iter *it = NULL;
    fd_assert_error(fd_store_visit_prep_open(&it, f.s, &a, T0 + DAY, T0, 0, 8), FD_EINVAL, "to");
    fd_assert_error(fd_store_visit_prep_open(&it, f.s, &a, T0, T0 + DAY, 0, 65), FD_ERANGE, "limit");
    cr_assert_null(it);

    /* past the planned start the two open items are overdue; one ticked late */
    fd_actor start = clerk_at(&f, T0 + 2 * HOUR);
    fd_assert_ok(fd_store_visit_prep_status(&st, f.s, &start, vip));
    cr_assert_eq(st.done, 1);
    cr_assert_eq(st.open, 2);
    cr_assert_eq(st.overdue, 2);
    cr_assert_eq(st.first_due, T0 + 2 * HOUR);
    fd_actor late = clerk_at(&f, T0 + 2 * HOUR + 600);
    fd_assert_ok(fd_store_visit_prep_done(f.s, &late, banner, NULL));
    fd_assert_ok(fd_store_visit_prep_status(&st, f.s, &late, vip));
    cr_assert_eq(st.late, 1);
    cr_assert_eq(st.open, 1);
    /* once they have arrived, nothing more is added; an item no longer needed is ticked with a note */
    fd_assert_ok(fd_store_visit_checkin(f.s, &late, vip));
    p.item = "鲜花";
    fd_assert_error(fd_store_visit_prep_add(&id, f.s, &late, &p), FD_ESTATE, "visit.arrived_at");
    fd_assert_ok(fd_store_visit_prep_done(f.s, &late, parking, "对方乘大巴，不需要"));
    cr_assert_eq(prep_open_ids(ids, 8, &f, &a, T0, T0 + DAY), 0);

    /* the database keeps it: never deleted, ticked once, important fixed at registration */
    cr_assert_eq(fd_test_sql_exec(f.path, "DELETE FROM visit_preps"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE visit_preps SET done_at = 0"), SQLITE_CONSTRAINT_TRIGGER & 0xff);
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE visit_preps SET item = 'x' WHERE done_at = 0"),
                 SQLITE_CONSTRAINT_TRIGGER & 0xff, "the cancelled visit's open item");
    cr_assert_eq(fd_test_sql_exec(f.path, "INSERT OR REPLACE INTO visit_preps SELECT * FROM visit_preps"),
                 SQLITE_CONSTRAINT_TRIGGER & 0xff);
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE visits SET important = 0"), SQLITE_CONSTRAINT_TRIGGER & 0xff);

    /* the report's list reads through the index of important visits */
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open_v2(f.path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *plan = NULL;
    cr_assert_eq(sqlite3_prepare_v2(db, "EXPLAIN QUERY PLAN SELECT id FROM visits WHERE ?1 = ?1 AND site_id = 1 AND "
                                        "important = 1 AND planned_from >= ?3 AND planned_from < ?4 AND id > ?5 "
                                        "AND state <> 'cancelled' ORDER BY id LIMIT ?2",
                                    -1, &plan, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_step(plan), SQLITE_ROW);
    cr_assert(strstr((const char *)sqlite3_column_text(plan, 3), "visits_site_important") != NULL, "%s",
              sqlite3_column_text(plan, 3));
    sqlite3_finalize(plan);
    sqlite3_close(db);
    fx_close(&f);
}

/* --- the day's counts for the daily report (issue 12, item 8; R-COM-4) ----------------------- */

/* 2026-11-23 00:00 Asia/Shanghai: the day reported is [D0, D0 + DAY). */
#define D0 (T0 - 9 * HOUR)

/* Registers @v at instant @at as the clerk, returning its id. */
static int64_t reg_at(const fx *f, int64_t at, fd_visit v)
{
    fd_actor a = clerk_at(f, at);
    return reg(f, &a, &v, NULL).id;
}

static fd_visit_stats stats_of(const fx *f, int64_t from, int64_t to, int64_t at)
{
    fd_actor a = clerk_at(f, at);
    fd_visit_stats s;
    memset(&s, 0xff, sizeof s);
    fd_assert_ok(fd_store_visit_stats(&s, f->s, &a, from, to));
    cr_assert_eq(s.version, FD_VISIT_STATS_VERSION);
    return s;
}

static int64_t custody_at(const fx *f, int64_t at, const char *kind, const char *owner, const char *phone,
                          int64_t occupant)
{
    fd_actor a = clerk_at(f, at);
    fd_custody_item c = FD_CUSTODY_ITEM_INIT;
    c.kind = kind;
    c.description = "一件";
    c.owner = owner;
    c.phone = phone;
    c.occupant_id = occupant;
    if (strcmp(kind, "left_behind") == 0)
        c.found_where = "大堂";
    int64_t id = 0;
    fd_assert_ok(fd_store_custody_add(&id, f->s, &a, &c));
    return id;
}

static int64_t permit_at(const fx *f, int64_t at)
{
    fd_actor a = clerk_at(f, at), m = manager_at(f, at + 60);
    fd_goods_permit p = FD_GOODS_PERMIT_INIT;
    p.applicant = "王小丽";
    p.unit_id = f->unit;
    p.items = "椅子4把";
    p.valid_until = at + DAY;
    int64_t id = 0;
    fd_assert_ok(fd_store_goods_permit_add(&id, f->s, &a, &p, NULL));
    fd_assert_ok(fd_store_goods_permit_approve(f->s, &m, id, NULL));
    return id;
}

/*
 * A constructed day at the park, with the day before and after: every counter of fd_visit_stats is
 * checked, with the edges — a visit registered at 23:59 local, a card issued one day and returned the next,
 * a blocklist match refused, a count explained and an item handed on only the next day.
 */
/* The day above, at the fixture's site (a copy of the fixture: the same store). */
static void build_day(const fx *fp)
{
    fx f = *fp;
    fd_actor sys = fd_test_actor(f.site, 0, D0 - 4 * DAY);
    fd_assert_ok(fd_store_policy_set(f.s, &sys, "custody.remind_days", 1));
    fd_assert_ok(fd_store_policy_set(f.s, &sys, "custody.unclaimed_days", 2));
    block(&f, "forbidden", "禁止入内", "张三", NULL, NULL, NULL);
    block(&f, "warning", "注意", NULL, "13800138000", NULL, NULL);
    block(&f, "limited", "需陪同", "李四", NULL, NULL, NULL);
    int64_t card1 = add_item(&f, "visitor_card", "V001"), card2 = add_item(&f, "visitor_card", "V002");
    int64_t card3 = add_item(&f, "visitor_card", "V003"), key1 = add_item(&f, "key", "K01");

    /* the day before */
    fd_visit v = walk_in();
    int64_t prev_left = reg_at(&f, D0 - 2 * HOUR, v);
    fd_actor a = clerk_at(&f, D0 - HOUR);
    fd_assert_ok(fd_store_visit_checkout(f.s, &a, prev_left, 0, NULL));
    v.planned_until = D0 - 2 * HOUR;
    int64_t overnight = reg_at(&f, D0 - 3 * HOUR, v);
    a = clerk_at(&f, D0 - 2 * HOUR);
    fd_assert_ok(fd_store_item_issue(f.s, &a, card1, overnight));
    v = walk_in();
    v.preregistered = 1;
    v.planned_from = T0 + HOUR;
    v.planned_until = T0 + 2 * HOUR;
    int64_t p1 = reg_at(&f, D0 - 5 * HOUR, v);
    int64_t c1 = custody_at(&f, D0 - 5 * HOUR, "parcel", NULL, NULL, f.occupant);
    int64_t c4 = custody_at(&f, D0 - 3 * DAY, "deposit", "王小丽", NULL, 0);
    a = clerk_at(&f, D0 - 3 * DAY + HOUR);
    fd_assert_ok(fd_store_custody_notify(f.s, &a, c4, "sms", NULL));
    int64_t c6 = custody_at(&f, D0 - 2 * HOUR, "deposit", NULL, "138 1234 5678", 0);

    /* the day */
    v = walk_in();
    v.host = "";
    v.host_employee = f.employee;
    int64_t w1 = reg_at(&f, T0, v);
    a = clerk_at(&f, T0);
    fd_assert_ok(fd_store_item_return(f.s, &a, card1, NULL)); /* issued the day before */
    a = clerk_at(&f, T0 + 60);
    fd_assert_ok(fd_store_visit_answer(f.s, &a, w1, "bring_up", NULL));
    a = clerk_at(&f, D0 + 10 * HOUR);
    fd_assert_ok(fd_store_visit_checkout(f.s, &a, overnight, 0, NULL)); /* stayed the night */
    a = clerk_at(&f, T0 + 1800);
    fd_assert_ok(fd_store_item_issue(f.s, &a, key1, w1));
    a = clerk_at(&f, T0 + HOUR);
    fd_assert_ok(fd_store_item_lost(f.s, &a, key1, "访客说丢在电梯里"));
    v = walk_in();
    v.host = "";
    v.host_occupant = f.occupant;
    v.purpose = "送货\xE3\x80\x80"; /* an ideographic space after it: the same purpose */
    int64_t w2 = reg_at(&f, T0 + HOUR, v);
    a = clerk_at(&f, T0 + HOUR + 60);
    fd_assert_ok(fd_store_item_issue(f.s, &a, card2, w2));
    a = clerk_at(&f, T0 + HOUR + 1800);
    fd_assert_ok(fd_store_visit_checkin(f.s, &a, p1));
    v = walk_in();
    v.purpose = "面试 13912345678";
    int64_t w3 = reg_at(&f, T0 + 2 * HOUR, v);
    a = clerk_at(&f, T0 + 2 * HOUR);
    fd_assert_ok(fd_store_visit_checkout(f.s, &a, w1, 0, NULL));
    fd_assert_ok(fd_store_custody_collect(f.s, &a, c1, "王小丽", "signature", NULL));
    a = clerk_at(&f, T0 + 2 * HOUR + 300);
    fd_assert_ok(fd_store_visit_answer(f.s, &a, w3, "decline", NULL));
    v = walk_in();
    v.visitor = "张三";
    v.purpose = "找人";
    int64_t w4 = reg_at(&f, T0 + 3 * HOUR, v);
    fd_actor m = manager_at(&f, T0 + 3 * HOUR + 600);
    fd_assert_ok(fd_store_visit_refuse(f.s, &m, w4, "禁止入内"));
    a = clerk_at(&f, T0 + 3 * HOUR);
    fd_assert_ok(fd_store_visit_checkout(f.s, &a, p1, 0, NULL)); /* past its window: an overstay */
    custody_at(&f, T0 + 3 * HOUR, "left_behind", NULL, NULL, 0);
    v = walk_in();
    v.phone = "13800138000";
    v.purpose = "维修";
    int64_t w5 = reg_at(&f, T0 + 4 * HOUR, v);
    a = clerk_at(&f, T0 + 4 * HOUR + 300);
    fd_assert_ok(fd_store_visit_admit(f.s, &a, w5, "物业维修工，已核实"));
    fd_assert_ok(fd_store_visit_answer(f.s, &a, w5, "lobby", NULL));
    custody_at(&f, T0 + 4 * HOUR, "parcel", NULL, NULL, f.occupant);
    a = clerk_at(&f, T0 + 5 * HOUR);
    fd_assert_ok(fd_store_item_issue(f.s, &a, card3, w5));
    v = walk_in();
    v.visitor = "李四";
    v.purpose = "找人";
    reg_at(&f, T0 + 5 * HOUR, v); /* held, undecided */
    a = clerk_at(&f, T0 + 6 * HOUR);
    fd_assert_ok(fd_store_visit_checkout(f.s, &a, w5, 0, NULL)); /* card3 not returned */
    int64_t c5 = custody_at(&f, T0 + HOUR, "parcel", NULL, "139 1234 5678", 0);
    fd_assert_ok(fd_store_custody_return(f.s, &a, c5, "快递员", NULL));
    a = clerk_at(&f, T0 + 7 * HOUR);
    fd_assert_ok(fd_store_item_found(f.s, &a, key1, NULL));
    /* pre-registrations: one never comes, one is cancelled, one is important and comes, one is for tomorrow */
    v = walk_in();
    v.preregistered = 1;
    v.planned_from = T0 + 4 * HOUR;
    reg_at(&f, T0, v);
    v.planned_from = T0 + 5 * HOUR;
    int64_t p3 = reg_at(&f, T0, v);
    a = clerk_at(&f, T0 + 4 * HOUR + 1800);
    fd_assert_ok(fd_store_visit_cancel(f.s, &a, p3, "客户改期"));
    v.planned_from = D0 + DAY + HOUR;
    reg_at(&f, T0, v);
    int64_t p4 = reg_at(&f, T0, important_visit(T0 + 6 * HOUR));
    fd_visit_prep prep = FD_VISIT_PREP_INIT;
    prep.visit_id = p4;
    prep.item = "会议室布置";
    a = clerk_at(&f, T0 + 60);
    int64_t prep_id = 0;
    fd_assert_ok(fd_store_visit_prep_add(&prep_id, f.s, &a, &prep));
    a = clerk_at(&f, T0 + 6 * HOUR);
    fd_assert_ok(fd_store_visit_checkin(f.s, &a, p4));
    /* goods: one permit released at once, one after a mismatch */
    int64_t g1 = permit_at(&f, T0), g2 = permit_at(&f, T0), check = 0;
    a = clerk_at(&f, T0 + 2 * HOUR);
    fd_assert_ok(fd_store_goods_check(&check, f.s, &a, g1, "椅子4", "东门", NULL));
    a = clerk_at(&f, T0 + 3 * HOUR);
    fd_assert_ok(fd_store_goods_check(&check, f.s, &a, g2, "椅子5", "东门", NULL));
    a = clerk_at(&f, T0 + 4 * HOUR);
    fd_assert_ok(fd_store_goods_check(&check, f.s, &a, g2, "椅子4", "东门", NULL));
    /* the end-of-shift count: one card in stock by the records, two counted */
    a = clerk_at(&f, T0 + 8 * HOUR);
    int64_t count = 0;
    fd_assert_ok(fd_store_item_count(&count, f.s, &a, "visitor_card", "end", 2, f.manager));
    /* 23:59 local: still the day */
    reg_at(&f, D0 + DAY - 60, walk_in());

    /* the day after: a walk-in at midnight, the count explained, the deposit handed on */
    reg_at(&f, D0 + DAY, walk_in());
    a = clerk_at(&f, D0 + DAY + 1800);
    fd_assert_ok(fd_store_custody_notify(f.s, &a, c6, "phone", NULL));
    a = clerk_at(&f, D0 + DAY + HOUR);
    fd_assert_ok(fd_store_custody_hand_on(f.s, &a, c6, "派出所", NULL));
    a = clerk_at(&f, D0 + DAY + 2 * HOUR);
    fd_assert_ok(fd_store_item_count_explain(f.s, &a, count, "V001 在保安室"));
    /* another site's visit is never counted here */
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, T0);
    fd_visit ov = walk_in();
    reg(&f, &other, &ov, NULL);
}

Test(visitors_store, R_COM_4_the_days_visitor_counts_each_from_its_index)
{
    fx f = fx_open("vis-stats");
    build_day(&f);

    /* the day, asked the morning after */
    fd_visit_stats s = stats_of(&f, D0, D0 + DAY, D0 + DAY + 3 * HOUR);
    cr_assert_eq(s.registered, 11, "w1-w6, 23:59 and four pre-registrations: %lld", (long long)s.registered);
    cr_assert_eq(s.walk_ins, 7);
    cr_assert_eq(s.preregistered, 4);
    cr_assert_eq(s.important, 1);
    cr_assert_eq(s.arrived, 9, "seven walk-ins and two check-ins: %lld", (long long)s.arrived);
    cr_assert_eq(s.left, 6, "the overnight visitor, p1, w1, the declined, the refused, w5: %lld", (long long)s.left);
    cr_assert_eq(s.declined, 1);
    cr_assert_eq(s.refused, 1);
    cr_assert_eq(s.cancelled, 1);
    cr_assert_eq(s.expected, 4, "p1-p4, not tomorrow's");
    cr_assert_eq(s.not_come, 1, "cancelled is not a no-show");
    cr_assert_eq(s.on_site, 4, "w2, the held visitor, the important visit, 23:59: %lld", (long long)s.on_site);
    cr_assert_eq(s.overstays, 3, "overnight, p1 when it left, the important visit at the end: %lld",
                 (long long)s.overstays);
    cr_assert_eq(s.items_issued, 3);
    cr_assert_eq(s.items_returned, 1, "issued the day before");
    cr_assert_eq(s.items_lost, 1);
    cr_assert_eq(s.items_found, 1);
    cr_assert_eq(s.items_out, 2);
    cr_assert_eq(s.items_unreturned, 1, "card3 left with w5");
    cr_assert_eq(s.counts_open, 1, "explained only the next day");
    cr_assert_eq(s.custody_deposited, 3);
    cr_assert_eq(s.custody_collected, 1);
    cr_assert_eq(s.custody_returned, 1);
    cr_assert_eq(s.custody_handed_on, 0, "handed on the next day");
    cr_assert_eq(s.custody_held, 4, "c2, c3, c4 and c6 (handed on the next day)");
    cr_assert_eq(s.custody_to_notify, 2, "c3's occupant; c6's phone, told only the next day");
    cr_assert_eq(s.custody_to_remind, 1);
    cr_assert_eq(s.custody_unclaimed, 1);
    cr_assert_eq(s.goods_checked, 2);
    cr_assert_eq(s.goods_released, 2);
    cr_assert_eq(s.goods_mismatches, 1);
    cr_assert_eq(s.blocklist_matches, 3);
    cr_assert_eq(s.blocklist_forbidden_refused, 1);
    cr_assert_eq(s.blocklist_warning_admitted, 1);
    cr_assert_eq(s.blocklist_limited_pending, 1);
    cr_assert_eq(s.blocklist_warning_pending + s.blocklist_warning_refused + s.blocklist_limited_admitted +
                     s.blocklist_limited_refused + s.blocklist_forbidden_pending + s.blocklist_forbidden_admitted,
                 0);

    /* the day before, as it stood at its end: the card out, the overnight visitor there and overstaying */
    s = stats_of(&f, D0 - DAY, D0, D0 + DAY + 3 * HOUR);
    cr_assert(s.registered == 3 && s.walk_ins == 2 && s.preregistered == 1 && s.arrived == 2 && s.left == 1);
    cr_assert_eq(s.on_site, 1);
    cr_assert_eq(s.overstays, 1);
    cr_assert(s.items_issued == 1 && s.items_returned == 0 && s.items_out == 1 && s.items_unreturned == 0);
    cr_assert_eq(s.expected, 0);
    cr_assert_eq(s.custody_deposited, 2, "c1 and c6");
    cr_assert_eq(s.custody_held, 3, "c1, c4, c6");
    cr_assert_eq(s.custody_to_notify, 2, "c1's occupant, c6's phone");
    cr_assert(s.custody_to_remind == 1 && s.custody_unclaimed == 1);
    cr_assert(s.counts_open == 0 && s.blocklist_matches == 0 && s.goods_checked == 0);

    /* the day after: the walk-in at midnight; the 23:59 visitor is still there */
    s = stats_of(&f, D0 + DAY, D0 + 2 * DAY, D0 + 2 * DAY);
    cr_assert_eq(s.registered, 1);
    cr_assert_eq(s.on_site, 5);
    cr_assert(s.custody_handed_on == 1 && s.custody_held == 3 && s.counts_open == 0);

    /* the day, asked at 18:00: what stands then */
    s = stats_of(&f, D0, D0 + DAY, D0 + 18 * HOUR);
    cr_assert_eq(s.on_site, 3, "the 23:59 visitor has not come yet");
    cr_assert_eq(s.overstays, 3);
    cr_assert_eq(s.registered, 11, "counts of the day are of the whole day");

    /* another site sees its own */
    fd_visit_stats o;
    fd_actor other = fd_test_actor(f.other_site, f.other_clerk, D0 + DAY + 3 * HOUR);
    fd_assert_ok(fd_store_visit_stats(&o, f.s, &other, D0, D0 + DAY));
    cr_assert(o.registered == 1 && o.arrived == 1 && o.on_site == 1 && o.items_issued == 0 && o.custody_held == 0);

    /* refusals name the field; nothing is written */
    snapshot before = snap(&f);
    fd_actor a = clerk_at(&f, T0);
    fd_assert_error(fd_store_visit_stats(&s, f.s, &a, D0 + DAY, D0), FD_EINVAL, "fd_store_visit_stats: to:");
    fd_assert_error(fd_store_visit_stats(NULL, f.s, &a, D0, D0 + DAY), FD_EINVAL, "out");
    fd_assert_error(fd_store_visit_stats(&s, NULL, &a, D0, D0 + DAY), FD_EINVAL, "store");
    fd_assert_error(fd_store_visit_stats(&s, f.s, &a, INT64_MIN, D0), FD_ERANGE, "from");
    fd_actor nobody = fd_test_actor(f.site, 999, T0);
    cr_assert_neq(fd_store_visit_stats(&s, f.s, &nobody, D0, D0 + DAY), FD_OK);
    assert_unchanged(&f, &before);
    fx_close(&f);
}

/* The daily report's visitors section over the same day (R-COM-4; R-COM-2: nothing unmasked). */
Test(visitors_store, R_COM_4_the_daily_report_has_the_visitors_section)
{
    fx f = fx_open("vis-report");
    build_day(&f);
    fd_actor a = clerk_at(&f, D0 + DAY + 3 * HOUR);
    fd_report *r = NULL;
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_report_daily_new(&r, f.s, &a, TODAY, "en"));
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_TEXT));
    static const char *const lines[] = {
        "\nVisitors\n  Code           Item                            Count\n",
        "  on_site        Still on site at the day's end      4\n",
        "\nVisits by purpose\n  Purpose           Visits   Share\n",
        "  送货                   4  44.44%\n  找人                   2  22.22%\n",
        "  面试 139****5678       1  11.11%\n",
        "  none                   8  88.89%\n  某某科技有限公司       1  11.11%\n",
        "  unreturned   Out with a visitor who has left             1\n",
        "  held              Held at the day's end                  4\n",
        "  forbidden  forbidden        0         0        1      1\n",
        "  2026-11-23 15:00 +08:00    13  市政府考察团  某某物流有限公司     1        1\n",
        "  2026-11-23 15:00 +08:00    13  市政府考察团  某某物流有限公司      8  3-1201 王小丽  "
        "2026-11-23 17:15 +08:00\n",
        "  2026-11-23 10:00 +08:00     5  张伟          某某物流有限公司      1  王小丽\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        cr_assert(strstr(b.ptr, lines[i]) != NULL, "no line %s in:\n%s", lines[i], b.ptr);
    cr_assert_null(strstr(b.ptr, "as of"), "the day is over: no 'as of' note");
    /* as many visits: in pinyin order, 考察 kao, 面试 mian, 维修 wei */
    const char *kao = strstr(b.ptr, "  考察 "), *mian = strstr(b.ptr, "  面试 "), *wei = strstr(b.ptr, "  维修 ");
    cr_assert(kao && mian && wei && kao < mian && mian < wei, "%s", b.ptr);
    /* the model: keys and typed values for scripts */
    size_t on_site = fd_test_report_section(r, "visitors.on_site");
    cr_assert_eq(fd_test_report_rows(r, on_site), 4);
    cr_assert_eq(fd_test_report_value(r, on_site, 3, 0), D0 + DAY - 60, "the 23:59 visitor");
    size_t imp = fd_test_report_section(r, "visitors.important");
    cr_assert(fd_test_report_rows(r, imp) == 1 && fd_test_report_value(r, imp, 0, 4) == 1 && fd_test_report_value(r, imp, 0, 5) == 1);
    cr_assert_eq(fd_test_report_rows(r, fd_test_report_section(r, "visitors.summary")), 13);
    /* never a full number, nor the blocklist's data, in any rendering */
    for (int fmt = FD_REPORT_TEXT; fmt <= FD_REPORT_CSV; fmt++) {
        fd_assert_ok(fd_report_render(&b, r, (fd_report_format)fmt));
        cr_assert_null(strstr(b.ptr, "13912345678"), "format %d", fmt);
        cr_assert_null(strstr(b.ptr, "13800138000"), "format %d", fmt);
        cr_assert_null(strstr(b.ptr, "禁止入内"), "format %d: a blocklist reason", fmt);
        cr_assert(strstr(b.ptr, "visitors.blocklist") != NULL || fmt == FD_REPORT_TEXT, "format %d", fmt);
    }
    fd_report_free(r);
    /* in Chinese, with the same keys */
    fd_assert_ok(fd_report_daily_new(&r, f.s, &a, TODAY, "zh"));
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_TEXT));
    cr_assert(strstr(b.ptr, "\n访客汇总\n") != NULL && strstr(b.ptr, "  个人住户             8  88.89%\n") != NULL &&
                  strstr(b.ptr, "  forbidden  禁止     0       0       1     1\n") != NULL,
              "%s", b.ptr);
    fd_report_free(r);
    /* the day's report made at 18:00 says when its end-of-day figures stand */
    a = clerk_at(&f, D0 + 18 * HOUR);
    fd_assert_ok(fd_report_daily_new(&r, f.s, &a, TODAY, "en"));
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_TEXT));
    cr_assert(strstr(b.ptr, "  * Figures at the day's end are as of 2026-11-23 18:00 +08:00 (R-COM-4)\n") != NULL,
              "%s", b.ptr);
    fd_report_free(r);
    fd_buf_dispose(&b);
    fx_close(&f);
}

/*
 * fd_store_visit_stats reads ranges of per-site indexes, never a table's rows one after another; the
 * planner statistics seeded at open cover the indexes of 0009 — also in a file whose tables had
 * statistics before (an upgraded file), where they are added, and a measured row is left alone.
 */
Test(visitors_store, R_COM_4_the_days_counts_read_ranges_of_per_site_indexes)
{
    fx f = fx_open("vis-stats-plan");
    static const struct { const char *sql, *want; } plans[] = {
        { "SELECT arrived_at, 0, planned_until FROM visits INDEXED BY visits_site_onsite "
          "WHERE site_id = ?1 AND arrived_at > 0 AND departed_at = 0 AND arrived_at < ?4 UNION ALL "
          "SELECT arrived_at, departed_at, planned_until FROM visits INDEXED BY visits_site_departed "
          "WHERE site_id = ?1 AND departed_at >= ?2 AND departed_at <> 0 AND arrived_at < ?3",
          "USING INDEX visits_site_departed (site_id=? AND departed_at>?)" },
        { "SELECT o.name, count(*) FROM visits v INDEXED BY visits_site_arrived "
          "LEFT JOIN organisations o ON o.id = v.host_organisation "
          "WHERE v.site_id = ?1 AND v.arrived_at >= ?2 AND v.arrived_at < ?3 AND v.arrived_at <> 0 "
          "GROUP BY v.host_organisation",
          "USING INDEX visits_site_arrived (site_id=? AND arrived_at>? AND arrived_at<?)" },
        { "SELECT count(*) FROM (SELECT visit_id FROM counted_items INDEXED BY counted_items_site_issued "
          "WHERE site_id = ?1 AND state = 'issued' AND state_at < ?4 UNION ALL "
          "SELECT (SELECT CASE e.kind WHEN 'issue' THEN e.visit_id END FROM item_events e INDEXED BY "
          "item_events_item WHERE e.item_id = i.id AND e.at < ?4 ORDER BY e.at DESC, e.id DESC LIMIT 1) "
          "FROM counted_items i INDEXED BY counted_items_site_state_at WHERE i.site_id = ?1 AND i.state_at >= ?4"
          ") o JOIN visits v ON v.id = o.visit_id",
          "counted_items_site_state_at (site_id=? AND state_at>?)" },
        { "SELECT 1 FROM custody_items c INDEXED BY custody_items_site_closed "
          "WHERE c.site_id = ?1 AND c.state <> 'held' AND c.closed_at >= ?4 AND c.deposited_at < ?4",
          "USING INDEX custody_items_site_closed (site_id=? AND closed_at>?)" },
    };
    char plan[2048];
    for (size_t i = 0; i < sizeof plans / sizeof *plans; i++) {
        fd_test_plan(plan, sizeof plan, f.path, plans[i].sql);
        cr_assert(strstr(plan, plans[i].want) != NULL, "%s", plan);
        /* every table is searched; only the union's own rows (o) are scanned */
        for (const char *p = strstr(plan, "SCAN "); p; p = strstr(p + 5, "SCAN "))
            cr_assert(strncmp(p, "SCAN o", 6) == 0 && (p[6] == '\0' || p[6] == ';'), "%s", plan);
    }
    /* A range starts at the period: 300 arrivals (and departures) on earlier days are not read. */
    fd_assert_ok(fd_store_begin(f.s));
    for (int i = 0; i < 300; i++)
        reg_at(&f, D0 - (1 + i / 20) * DAY + HOUR * (i % 20), walk_in());
    for (int i = 0; i < 3; i++)
        reg_at(&f, T0 + i, walk_in());
    fd_assert_ok(fd_store_commit(f.s));
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE visits SET departed_at = arrived_at + 600, state = 'left'"), SQLITE_OK);
    static const char *const ranges[] = {
        "SELECT count(*) FROM visits INDEXED BY visits_site_arrived "
        "WHERE site_id = ?1 AND arrived_at >= ?2 AND arrived_at < ?3 AND arrived_at <> 0",
        "SELECT count(*) FROM visits INDEXED BY visits_site_departed "
        "WHERE site_id = ?1 AND departed_at >= ?2 AND departed_at <> 0 AND arrived_at < ?3",
    };
    for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++) {
        sqlite3 *db = NULL;
        sqlite3_stmt *st = NULL;
        cr_assert_eq(sqlite3_open_v2(f.path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
        cr_assert_eq(sqlite3_prepare_v2(db, ranges[i], -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
        sqlite3_bind_int64(st, 1, f.site);
        sqlite3_bind_int64(st, 2, D0);
        sqlite3_bind_int64(st, 3, D0 + DAY);
        cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
        cr_assert_eq(sqlite3_column_int64(st, 0), 3);
        int steps = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 0);
        cr_assert_lt(steps, 150, "%d steps: the range starts before the day\n%s", steps, ranges[i]);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    /* the seeded statistics, and what an upgraded file gets */
    static const char *const added[] = { "visits_site_arrived", "visits_site_departed", "visits_site_planned",
                                         "visit_events_site_at", "item_events_site_at", "counted_items_site_issued",
                                         "counted_items_site_state_at", "item_counts_site_explained",
                                         "custody_events_site_at", "custody_items_site_closed" };
    char sql[256];
    for (size_t i = 0; i < sizeof added / sizeof *added; i++) {
        snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_stat1 WHERE idx = '%s'", added[i]);
        cr_assert_eq(fd_test_sql_int(f.path, sql), 1, "%s", added[i]);
    }
    fx_close(&f);
    cr_assert_eq(fd_test_sql_exec(f.path, "DELETE FROM sqlite_stat1 WHERE idx IN ('visits_site_arrived', "
                                  "'custody_items_site_closed')"), SQLITE_OK);
    cr_assert_eq(fd_test_sql_exec(f.path, "UPDATE sqlite_stat1 SET stat = '42 7 1' WHERE idx = 'visits_site_departed'"),
                 SQLITE_OK);
    cr_assert_gt(fd_test_sql_int(f.path, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'visits'"), 5,
                 "the table has statistics, as a file from before 0009 has");
    fd_assert_ok(fd_store_open(&f.s, f.path, NULL));
    fd_store_close(f.s);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM sqlite_stat1 WHERE idx IN ('visits_site_arrived', "
                                 "'custody_items_site_closed') AND stat = '1000000 100000 2'"), 2);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM sqlite_stat1 WHERE idx = 'visits_site_departed' "
                                 "AND stat = '42 7 1'"), 1, "a measured row is left alone");
}

/* The report shows the ten largest purposes; past ten, the nine largest and the rest summed as Other. */
Test(visitors_store, R_COM_4_the_report_sums_the_tail_of_purposes_as_other)
{
    fx f = fx_open("vis-report-other");
    fd_visit v = walk_in();
    for (int i = 0; i < 3; i++)
        reg_at(&f, T0 + i, v);
    char purpose[32];
    for (int i = 1; i <= 11; i++) {
        snprintf(purpose, sizeof purpose, "事由%02d", i);
        v.purpose = purpose;
        reg_at(&f, T0 + 10 + i, v);
        if (i != 9 && i != 11)
            continue;
        fd_actor a = clerk_at(&f, T0 + DAY);
        fd_report *r = NULL;
        fd_assert_ok(fd_report_daily_new(&r, f.s, &a, TODAY, "en"));
        size_t s = fd_test_report_section(r, "visitors.by_purpose");
        fd_report_cell c;
        if (i == 9) { /* ten purposes: all shown */
            cr_assert_eq(fd_test_report_rows(r, s), 10);
            fd_assert_ok(fd_report_cell_get(&c, r, s, 0, 9, 0));
            cr_assert_str_eq(c.text, "事由09");
        } else { /* twelve: 送货 and 事由01-08, then the other three */
            cr_assert_eq(fd_test_report_rows(r, s), 10);
            fd_assert_ok(fd_report_cell_get(&c, r, s, 0, 0, 0));
            cr_assert_str_eq(c.text, "送货");
            fd_assert_ok(fd_report_cell_get(&c, r, s, 0, 8, 0));
            cr_assert_str_eq(c.text, "事由08");
            fd_assert_ok(fd_report_cell_get(&c, r, s, 0, 9, 0));
            cr_assert_str_eq(c.text, "Other");
            cr_assert_eq(fd_test_report_value(r, s, 9, 1), 3);
            cr_assert_eq(fd_test_report_value(r, s, 9, 2), 2143, "3 of 14: 21.43%%");
        }
        fd_report_free(r);
    }
    fx_close(&f);
}

/* --- what a new user's trial found (issue 12): each a kind of fault, fixed where it lives ------- */

/* R-COM-2: a resident ID number is one person whatever type it is given under: only as id_card. */
Test(visitors_store, R_COM_2_an_id_card_number_under_another_type_is_refused_naming_the_field)
{
    static const char *const types[] = { "passport", "other", "hk_macau", "taiwan" };
    fd_id_number n;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        fd_assert_error(fd_id_number_parse(&n, types[i], "11010519491231002X", TODAY), FD_EINVAL,
                        "number: this is a resident ID number (居民身份证): choose the type id_card");
        cr_assert_null(strstr(fd_error_last()->message, "19491231"), "never echoed");
    }
    fd_assert_error(fd_id_number_parse(&n, "other", "110105-19491231-002x", TODAY), FD_EINVAL, "choose the type id_card");
    fd_assert_error(fd_id_number_parse(&n, "other", "110105490101001", TODAY), FD_EINVAL, "choose the type id_card");
    fd_assert_ok(fd_id_number_parse(&n, "other", "ZJ-2026-0001", TODAY));
    /* the store refuses it too, and changes nothing: the blocklist entry under id_card would have been missed */
    fx f = fx_open("vis-trial-idtype");
    block(&f, "forbidden", "冒充快递员", NULL, NULL, "id_card", "11010519491231002X");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    fd_id_document d = FD_ID_DOCUMENT_INIT;
    d.type = "other";
    d.number = "11010519491231002X";
    snapshot before = snap(&f);
    fd_visit_registration r;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, &d), FD_EINVAL,
                    "fd_store_visit_register: id.number: this is a resident ID number");
    fd_blocklist_match m;
    fd_assert_error(fd_store_blocklist_check(&m, f.s, &a, NULL, NULL, &d), FD_EINVAL, "id.number");
    assert_unchanged(&f, &before);
    fx_close(&f);
}

/* R-VIS-1, R-VIS-6, R-VIS-8: a required text of white space only (" ", the ideographic "　") was not given. */
Test(visitors_store, R_VIS_1_blank_required_text_is_refused_naming_the_field)
{
    fd_visit v = walk_in();
    v.visitor = " ";
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "visit.visitor: is required (white space only given)");
    v.visitor = "\xE3\x80\x80"; /* U+3000 */
    fd_assert_error(fd_visit_check(&v), FD_EINVAL, "visit.visitor: is required");
    v = walk_in();
    v.purpose = "  \t";
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "visit.purpose: is required");
    v = walk_in();
    v.host = " ";
    fd_assert_error(fd_visit_validate(&v), FD_EINVAL, "visit.host: whom they came to see is required");
    fd_custody_item c = FD_CUSTODY_ITEM_INIT;
    c.kind = "parcel";
    c.description = "\xE3\x80\x80 ";
    fd_assert_error(fd_custody_item_validate(&c), FD_EINVAL, "custody_item.description: is required");
    fd_goods_permit p = FD_GOODS_PERMIT_INIT;
    p.applicant = " ";
    p.items = "沙发1";
    fd_assert_error(fd_goods_permit_validate(&p), FD_EINVAL, "goods_permit.applicant: is required");
    fd_visit_prep prep = FD_VISIT_PREP_INIT;
    prep.visit_id = 1;
    prep.item = "\xE3\x80\x80";
    fd_assert_error(fd_visit_prep_check(&prep), FD_EINVAL, "visit_prep.item: is required");
    /* the store: nothing is written; notes a step requires are not blank either */
    fx f = fx_open("vis-trial-blank");
    fd_actor a = clerk_at(&f, T0);
    v = walk_in();
    int64_t held_free = reg(&f, &a, &v, NULL).id;
    fd_actor m = manager_at(&f, T0 + 60);
    snapshot before = snap(&f);
    v.visitor = "\xE3\x80\x80";
    fd_visit_registration r;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_EINVAL, "visit.visitor: is required");
    int64_t id = 0;
    fd_assert_error(fd_store_custody_add(&id, f.s, &a, &c), FD_EINVAL, "custody_item.description: is required");
    fd_assert_error(fd_store_goods_permit_add(&id, f.s, &a, &p, NULL), FD_EINVAL, "goods_permit.applicant");
    fd_assert_error(fd_store_visit_refuse(f.s, &m, held_free, " \xE3\x80\x80"), FD_EINVAL,
                    "note: is required (white space only given)");
    fd_assert_error(fd_store_slip_handover(&id, f.s, &a, " ", NULL), FD_EINVAL, "received_by: is required");
    fd_blocklist_entry e = FD_BLOCKLIST_ENTRY_INIT;
    e.level = "warning";
    e.reason = "\xE3\x80\x80";
    e.phone = "13700001111";
    fd_assert_error(fd_store_blocklist_add(&id, f.s, &m, &e, NULL), FD_EINVAL, "blocklist_entry.reason: is required");
    assert_unchanged(&f, &before);
    fx_close(&f);
}

/* R-VIS-7: quantities are whole numbers, 1 or more, in digits or Han numerals; line breaks separate items. */
Test(visitors, R_VIS_7_goods_quantities_are_whole_numbers_read_in_digits_or_han_numerals)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_goods_items_parse(&b, "电脑-1台"), FD_EINVAL,
                    "items: item 1 ('电脑-1台'): a quantity is a whole number, 1 or more");
    fd_assert_error(fd_goods_items_parse(&b, "椅子4，电脑1.5台"), FD_EINVAL, "item 2 ('电脑1.5台'): a quantity is a whole");
    fd_assert_error(fd_goods_items_parse(&b, "电脑－２台"), FD_EINVAL, "a quantity is a whole number");
    fd_assert_error(fd_goods_items_parse(&b, "台灯十十盏"), FD_EINVAL, "the quantity is not a number");
    fd_assert_error(fd_goods_items_parse(&b, "统一"), FD_EINVAL, "item 1 has no quantity: '统一'");
    cr_assert_eq(b.size, 0);
    items_are("电脑两台，椅子三把、台灯十二盏", "电脑×2；椅子×3；台灯×12");
    items_are("办公椅二十把\n文件柜 五十五个", "办公椅×20；文件柜×55");
    items_are("3台电脑、两把椅子", "电脑×3；椅子×2");
    items_are("A4纸10包，显示器27寸2台", "A4纸×10；显示器27寸×2");
    fd_buf_dispose(&b);
    /* a list typed over lines is stored canonical, not refused as a control character */
    fx f = fx_open("vis-trial-goods");
    fd_actor a = clerk_at(&f, T0);
    fd_goods_permit p = FD_GOODS_PERMIT_INIT;
    p.applicant = "陈工";
    p.items = "台式电脑3台\n显示器×3\r\n办公椅四把";
    fd_assert_ok(fd_goods_permit_validate(&p));
    int64_t id = 0;
    fd_assert_ok(fd_store_goods_permit_add(&id, f.s, &a, &p, NULL));
    fd_goods_permit *got = NULL;
    fd_assert_ok(fd_store_goods_permit_get(&got, f.s, &a, id));
    cr_assert_str_eq(got->items, "台式电脑×3；显示器×3；办公椅×4");
    fd_goods_permit_free(got);
    fx_close(&f);
}

/* R-VIS-1, R-VIS-7, R-COM-4: a window already over when it is given is refused; nothing changes. */
Test(visitors_store, R_VIS_7_R_VIS_1_windows_already_over_are_refused_naming_the_field)
{
    fx f = fx_open("vis-trial-windows");
    fd_actor a = clerk_at(&f, T0);
    fd_actor m = manager_at(&f, T0);
    snapshot before = snap(&f);
    fd_goods_permit p = FD_GOODS_PERMIT_INIT;
    p.applicant = "陈工";
    p.items = "沙发1";
    p.valid_until = T0 - HOUR;
    int64_t id = 0;
    fd_assert_error(fd_store_goods_permit_add(&id, f.s, &a, &p, NULL), FD_EINVAL,
                    "goods_permit.valid_until: 2026-11-23 08:00 +08:00 is not after now (09:00)");
    fd_blocklist_entry e = FD_BLOCKLIST_ENTRY_INIT;
    e.level = "limited";
    e.reason = "推销";
    e.phone = "13700001111";
    e.valid_until = T0 - DAY;
    fd_assert_error(fd_store_blocklist_add(&id, f.s, &m, &e, NULL), FD_EINVAL,
                    "blocklist_entry.valid_until: 2026-11-22 09:00 +08:00 is not after now");
    fd_visit v = walk_in();
    v.planned_until = T0 - 60;
    fd_visit_registration r;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_EINVAL,
                    "visit.planned_until: 2026-11-23 08:59 +08:00 is not after the walk-in's arrival");
    v = walk_in();
    v.planned_from = T0 + DAY;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_EINVAL,
                    "visit.planned_from: 2026-11-24 09:00 +08:00 is after the walk-in's arrival");
    v.preregistered = 1;
    v.planned_from = T0 - 366 * DAY;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_EINVAL,
                    "visit.planned_from: 2025-11-22 09:00 +08:00 is before today");
    v.planned_until = T0 - 365 * DAY;
    fd_assert_error(fd_store_visit_register(&r, f.s, &a, &v, NULL), FD_EINVAL,
                    "visit.planned_until: 2025-11-23 09:00 +08:00 is not after now");
    assert_unchanged(&f, &before);
    /* still fine: a late walk-in for this morning's appointment; a pre-registration for later today */
    v = walk_in();
    v.planned_from = T0 - HOUR;
    v.planned_until = T0 + HOUR;
    reg(&f, &a, &v, NULL);
    v.preregistered = 1;
    v.planned_from = T0 + HOUR;
    v.planned_until = 0;
    reg(&f, &a, &v, NULL);
    /* a permit that expired meanwhile is not approved (it may be refused) */
    p.valid_until = T0 + 60;
    fd_assert_ok(fd_store_goods_permit_add(&id, f.s, &a, &p, NULL));
    fd_actor later = manager_at(&f, T0 + HOUR + 31 * 60);
    fd_assert_error(fd_store_goods_permit_approve(f.s, &later, id, NULL), FD_ESTATE,
                    "permit.valid_until: permit 1 expired at 2026-11-23 09:01 +08:00, 1 h 30 min ago");
    fd_assert_ok(fd_store_goods_permit_refuse(f.s, &later, id, "过期"));
    fx_close(&f);
}

/* R-COM-3: a step is not dated before its record nor before its last step (one check, everywhere). */
Test(visitors_store, R_COM_3_steps_are_not_dated_before_the_record_or_its_last_step)
{
    fx f = fx_open("vis-trial-order");
    fd_actor a = clerk_at(&f, T0);
    fd_actor early = clerk_at(&f, T0 - HOUR);
    fd_actor m = manager_at(&f, T0);
    fd_actor m_early = manager_at(&f, T0 - HOUR);
    fd_custody_item c = FD_CUSTODY_ITEM_INIT;
    c.kind = "parcel";
    c.description = "顺丰快递";
    c.occupant_id = f.occupant;
    int64_t parcel = 0, permit = 0, count = 0, prep = 0, entry = 0;
    fd_assert_ok(fd_store_custody_add(&parcel, f.s, &a, &c));
    fd_visit v = walk_in();
    int64_t visit = reg(&f, &a, &v, NULL).id;
    int64_t card = add_item(&f, "visitor_card", "V01");
    fd_actor issue = clerk_at(&f, T0 + 60);
    fd_assert_ok(fd_store_item_issue(f.s, &issue, card, visit));
    fd_goods_permit p = FD_GOODS_PERMIT_INIT;
    p.applicant = "陈工";
    p.items = "沙发1";
    fd_assert_ok(fd_store_goods_permit_add(&permit, f.s, &a, &p, NULL));
    fd_actor counter = clerk_at(&f, T0);
    fd_assert_ok(fd_store_item_count(&count, f.s, &counter, "umbrella", "start", 3, f.manager));
    fd_visit vip = important_visit(T0 + DAY);
    int64_t important = reg(&f, &a, &vip, NULL).id;
    fd_visit_prep item = FD_VISIT_PREP_INIT;
    item.visit_id = important;
    item.item = "横幅";
    fd_assert_ok(fd_store_visit_prep_add(&prep, f.s, &a, &item));
    fd_blocklist_entry e = FD_BLOCKLIST_ENTRY_INIT;
    e.level = "warning";
    e.reason = "推销";
    e.phone = "13700001111";
    fd_assert_ok(fd_store_blocklist_add(&entry, f.s, &m, &e, NULL));
    int64_t key = add_item(&f, "key", "K01");
    snapshot before = snap(&f);
    fd_assert_error(fd_store_custody_collect(f.s, &early, parcel, "王小丽", "signature", NULL), FD_EINVAL,
                    "fd_store_custody_collect: at: 2026-11-23 08:00 +08:00 is before the parcel was deposited (09:00)");
    fd_assert_error(fd_store_custody_notify(f.s, &early, parcel, "sms", NULL), FD_EINVAL, "the parcel was deposited");
    fd_assert_error(fd_store_visit_answer(f.s, &early, visit, "lobby", NULL), FD_EINVAL,
                    "fd_store_visit_answer: at: 2026-11-23 08:00 +08:00 is before the visit was registered (09:00)");
    fd_assert_error(fd_store_visit_explain(f.s, &early, visit, "加班"), FD_EINVAL, "before the visit was registered");
    fd_assert_error(fd_store_item_return(f.s, &a, card, NULL), FD_EINVAL,
                    "fd_store_item_return: at: 2026-11-23 09:00 +08:00 is before the item was issued (09:01)");
    fd_assert_error(fd_store_item_issue(f.s, &early, key, visit), FD_EINVAL, "before the visitor arrived (09:00)");
    fd_assert_error(fd_store_goods_permit_approve(f.s, &m_early, permit, NULL), FD_EINVAL,
                    "at: 2026-11-23 08:00 +08:00 is before the permit was applied for (09:00)");
    fd_assert_error(fd_store_item_count_explain(f.s, &early, count, "借出未登记"), FD_EINVAL,
                    "before the count was made");
    fd_assert_error(fd_store_visit_prep_done(f.s, &early, prep, NULL), FD_EINVAL,
                    "before the item was added to the checklist");
    fd_assert_error(fd_store_blocklist_lift(f.s, &m_early, entry, "误录"), FD_EINVAL, "before the entry was added");
    assert_unchanged(&f, &before);
    /* after the last step: the host answers at 09:30; a check-out at 09:20 is refused naming `at` */
    fd_actor answer = clerk_at(&f, T0 + 30 * 60);
    fd_assert_ok(fd_store_visit_answer(f.s, &answer, visit, "lobby", NULL));
    fd_actor before_answer = clerk_at(&f, T0 + 20 * 60);
    fd_assert_error(fd_store_visit_checkout(f.s, &before_answer, visit, 0, NULL), FD_EINVAL,
                    "fd_store_visit_checkout: at: 2026-11-23 09:20 +08:00 is before the host's answer was recorded "
                    "(09:30)");
    /* approved at 10:00, the gate cannot check it at 09:50 */
    fd_actor approve = manager_at(&f, T0 + HOUR);
    fd_assert_ok(fd_store_goods_permit_approve(f.s, &approve, permit, NULL));
    fd_actor gate = clerk_at(&f, T0 + 50 * 60);
    int64_t check = 0;
    fd_assert_error(fd_store_goods_check(&check, f.s, &gate, permit, "沙发1", NULL, NULL), FD_EINVAL,
                    "before the permit was approved (10:00)");
    fx_close(&f);
}

/* R-VIS-8: a parcel for an occupant is for the occupant's unit: a unit that disagrees is refused. */
Test(visitors_store, R_VIS_8_a_parcels_occupant_and_unit_agree)
{
    fx f = fx_open("vis-trial-unit");
    fd_actor sys = fd_test_actor(f.site, 0, T0 - DAY);
    fd_unit u = FD_UNIT_INIT;
    fd_unit *first = NULL;
    fd_assert_ok(fd_store_unit_get(&first, f.s, &sys, f.unit));
    u.building_id = first->building_id;
    fd_unit_free(first);
    u.number = "1202";
    u.use = "residential";
    int64_t next_door = 0;
    fd_assert_ok(fd_store_unit_add(&next_door, f.s, &sys, &u));
    fd_actor a = clerk_at(&f, T0);
    fd_custody_item c = FD_CUSTODY_ITEM_INIT;
    c.kind = "parcel";
    c.description = "京东快递";
    c.occupant_id = f.occupant;
    c.unit_id = next_door;
    snapshot before = snap(&f);
    int64_t id = 0;
    fd_assert_error(fd_store_custody_add(&id, f.s, &a, &c), FD_EINVAL,
                    "custody_item.unit_id: occupant 1 lives in 3-1201, not in 3-1202");
    assert_unchanged(&f, &before);
    c.unit_id = f.unit;
    fd_assert_ok(fd_store_custody_add(&id, f.s, &a, &c));
    fx_close(&f);
}

/* R-VIS-4: a code is folded when stored and when looked up: v01, ｖ０１ and V01 are one card. */
Test(visitors_store, R_VIS_4_item_codes_are_folded_when_stored_and_looked_up)
{
    fx f = fx_open("vis-trial-codes");
    int64_t card = add_item(&f, "visitor_card", "v01");
    fd_actor a = clerk_at(&f, T0);
    fd_counted_item *got = NULL;
    fd_assert_ok(fd_store_item_get_by_code(&got, f.s, &a, "\xEF\xBD\x96\xEF\xBC\x90\xEF\xBC\x91")); /* ｖ０１ */
    cr_assert_eq(got->id, card);
    cr_assert_str_eq(got->code, "V01");
    fd_counted_item_free(got);
    fd_assert_ok(fd_store_item_get_by_code(&got, f.s, &a, "V01"));
    cr_assert_eq(got->id, card);
    fd_counted_item_free(got);
    fd_assert_error(fd_store_item_get_by_code(&got, f.s, &a, "V02"), FD_ENOTFOUND, "code: no item 'V02'");
    cr_assert_null(got);
    fd_assert_error(fd_store_item_get_by_code(&got, f.s, &a, ""), FD_EINVAL, "code");
    fd_actor m = manager_at(&f, T0);
    fd_counted_item it = FD_COUNTED_ITEM_INIT;
    it.kind = "visitor_card";
    it.code = "V01";
    int64_t id = 0;
    fd_assert_error(fd_store_item_add(&id, f.s, &m, &it), FD_ECONFLICT, "counted_item.code");
    it.code = "\xEF\xBD\x96\xEF\xBC\x90\xEF\xBC\x91";
    fd_assert_ok(fd_counted_item_validate(&it));
    fd_assert_error(fd_store_item_add(&id, f.s, &m, &it), FD_ECONFLICT, "counted_item.code");
    it.code = "v 01";
    fd_assert_error(fd_counted_item_validate(&it), FD_EINVAL, "counted_item.code");
    fx_close(&f);
}

/* R-COM-4: the report groups purposes as people spell them: Traditional and Simplified, widths, blanks. */
Test(visitors_store, R_COM_4_the_report_groups_purposes_by_the_search_fold)
{
    fx f = fx_open("vis-trial-purposes");
    fd_visit v = walk_in();
    const char *purposes[] = { "送货", "送貨", "送货", "\xE3\x80\x80送货 ", "面试（二面）", "面试(二面)", "面试（二面）" };
    for (size_t i = 0; i < sizeof purposes / sizeof *purposes; i++) {
        v.purpose = purposes[i];
        reg_at(&f, T0 + (int64_t)i, v);
    }
    /* an old row with a blank purpose (before blanks were refused) gets no row of its own */
    fd_visit blank = walk_in();
    blank.purpose = "待填";
    int64_t old = reg_at(&f, T0 + 20, blank);
    char sql[200];
    snprintf(sql, sizeof sql, "UPDATE visits SET purpose = ' ' WHERE id = %lld", (long long)old);
    sqlite3 *db = NULL;
    cr_assert_eq(sqlite3_open(f.path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, "DROP TRIGGER visits_only_events_and_purge", NULL, NULL, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    fd_actor a = clerk_at(&f, T0 + DAY);
    fd_report *r = NULL;
    fd_assert_ok(fd_report_daily_new(&r, f.s, &a, TODAY, "zh"));
    size_t s = fd_test_report_section(r, "visitors.by_purpose");
    cr_assert_eq(fd_test_report_rows(r, s), 2);
    fd_report_cell c;
    fd_assert_ok(fd_report_cell_get(&c, r, s, 0, 0, 0));
    cr_assert_str_eq(c.text, "送货", "the most frequent spelling, as typed");
    cr_assert_eq(fd_test_report_value(r, s, 0, 1), 4);
    fd_assert_ok(fd_report_cell_get(&c, r, s, 0, 1, 0));
    cr_assert_str_eq(c.text, "面试（二面）", "full-width brackets as typed");
    cr_assert_eq(fd_test_report_value(r, s, 1, 1), 3);
    fd_report_free(r);
    fx_close(&f);
}

/* R-VIS-1: a visitor the blocklist holds is decided on first: a check-out would leave the hit pending. */
Test(visitors_store, R_VIS_1_a_held_visitor_is_decided_on_before_checking_out)
{
    fx f = fx_open("vis-trial-held");
    block(&f, "limited", "推销", "张伟", NULL, NULL, NULL);
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    fd_visit_registration r = reg(&f, &a, &v, NULL);
    cr_assert_str_eq(r.state, "held");
    fd_actor later = clerk_at(&f, T0 + HOUR);
    snapshot before = snap(&f);
    fd_assert_error(fd_store_visit_checkout(f.s, &later, r.id, 0, NULL), FD_ESTATE,
                    "visit.state: held by a blocklist match: decide first: admit or refuse (a visitor who left is "
                    "refused with a note)");
    assert_unchanged(&f, &before);
    fd_assert_ok(fd_store_visit_refuse(f.s, &later, r.id, "未等核实自行离开"));
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM blocklist_hits WHERE outcome = 'pending'"), 0);
    fd_visit *got = get_visit(&f, &a, r.id);
    cr_assert_eq(got->departed_at, T0 + HOUR, "a visitor who was there leaves when refused");
    fd_visit_free(got);
    fx_close(&f);
}

/* R-COM-2: an ID or passport number in free text is revealed by fd_store_visit_id_reveal() alone. */
Test(visitors_store, R_COM_2_id_numbers_in_free_text_stay_masked_under_the_reveal_grant)
{
    fx f = fx_open("vis-trial-reveal");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    v.purpose = "送证件 11010519491231002X，护照E12345678，电话13800138000";
    int64_t id = reg(&f, &a, &v, NULL).id;
    fd_actor rv = revealer_at(&f, T0 + 60);
    fd_visit *got = get_visit(&f, &rv, id);
    cr_assert_str_eq(got->purpose, "送证件 110105********002X，护照E*****678，电话13800138000");
    fd_visit_free(got);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM reveals WHERE field = 'purpose'"), 1, "the phone was revealed");
    got = get_visit(&f, &a, id);
    cr_assert_str_eq(got->purpose, "送证件 110105********002X，护照E*****678，电话138****8000");
    fd_visit_free(got);
    fx_close(&f);
}

/* R-COM-2, R-COM-3: the journal is never purged: numbers in what it keeps are masked when written. */
Test(visitors_store, R_COM_2_the_journal_keeps_notes_with_their_numbers_masked)
{
    fx f = fx_open("vis-trial-journal");
    fd_actor a = clerk_at(&f, T0);
    fd_actor m = manager_at(&f, T0 + 60);
    int64_t entry = block(&f, "warning", "推销", NULL, "13700001111", NULL, NULL);
    fd_assert_ok(fd_store_blocklist_lift(f.s, &m, entry, "误录，本人13700001111 身份证11010519491231002X 已核实"));
    fd_goods_permit p = FD_GOODS_PERMIT_INIT;
    p.applicant = "陈工";
    p.items = "沙发1";
    int64_t permit = 0;
    fd_assert_ok(fd_store_goods_permit_add(&permit, f.s, &a, &p, NULL));
    fd_assert_ok(fd_store_goods_permit_approve(f.s, &m, permit, "回乡证H12345678已查验"));
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE detail LIKE '%13700001111%' OR detail LIKE "
                                 "'%19491231%' OR detail LIKE '%H12345678%'"), 0);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE detail = "
                                 "'误录，本人137****1111 身份证110105********002X 已核实'"), 1);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE detail = '回乡证H*****678已查验'"), 1);
    fx_close(&f);
}

/* R-COM-3: the purge masks the numbers in a visit's purpose and its events' notes at the ID horizon. */
Test(visitors_store, R_COM_3_the_purge_masks_numbers_in_purposes_and_notes)
{
    fx f = fx_open("vis-trial-purge");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    v.purpose = "取身份证 11010519491231002X，联系13800138000";
    int64_t id = reg(&f, &a, &v, NULL).id;
    fd_actor out = clerk_at(&f, T0 + HOUR);
    fd_assert_ok(fd_store_visit_checkout(f.s, &out, id, 0, "护照E12345678已归还"));
    v.purpose = "送货";
    int64_t plain = reg(&f, &a, &v, NULL).id;
    fd_assert_ok(fd_store_visit_checkout(f.s, &out, plain, 0, NULL));
    fd_actor later = manager_at(&f, T0 + 31 * DAY);
    fd_visit_purge p;
    fd_assert_ok(fd_store_visit_purge(&p, f.s, &later, 0));
    cr_assert_eq(p.id_numbers, 0, "no ID document");
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM visits WHERE purpose LIKE '%19491231%' OR purpose LIKE "
                                 "'%13800138000%'"), 0);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM visit_events WHERE note LIKE '%12345678%'"), 0);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM visit_events WHERE note = '护照E*****678已归还'"), 1);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM visits WHERE id_purged_at <> 0"), 2);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM journal WHERE action = 'purge' AND detail LIKE '%texts=2%'"),
                 1);
    fd_visit *got = get_visit(&f, &a, plain);
    cr_assert_str_eq(got->purpose, "送货");
    fd_visit_free(got);
    /* only the purge rewrites them, once: length kept, nothing else changed */
    cr_assert_neq(fd_test_sql_exec(f.path, "UPDATE visit_events SET note = 'x' WHERE note <> ''"), SQLITE_OK);
    cr_assert_neq(fd_test_sql_exec(f.path, "UPDATE visits SET purpose = '别的'"), SQLITE_OK);
    fx_close(&f);
}

/* R-COM-4, R-VIS-6: refusals say instants in the site's time, lengths of time in words, staff by code. */
Test(visitors_store, R_COM_4_refusals_say_times_in_site_time_and_durations_in_words)
{
    fx f = fx_open("vis-trial-words");
    fd_actor a = clerk_at(&f, T0);
    fd_visit v = walk_in();
    int64_t id = reg(&f, &a, &v, NULL).id;
    fd_actor out = clerk_at(&f, T0 + HOUR);
    fd_assert_ok(fd_store_visit_checkout(f.s, &out, id, T0 + 30 * 60, NULL));
    fd_actor again = clerk_at(&f, T0 + 2 * HOUR + 31 * 60);
    fd_assert_error(fd_store_visit_checkout(f.s, &again, id, 0, NULL), FD_ESTATE,
                    "visit.departed_at: checked out already, 2 h 1 min before now");
    fd_assert_error(fd_store_visit_shift_check(&(fd_visit_shift){ 0 }, f.s, &a, T0 + DAY), FD_EINVAL,
                    "since: 2026-11-24 09:00 +08:00 is after now");
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_visit_code_parse(&b, "answer", "上楼吧"), FD_EINVAL, "is not an answer (");
    fd_assert_ok(fd_visit_code_parse(&b, "answer", "bring-up"));
    cr_assert_str_eq(b.ptr, "bring_up");
    fd_assert_ok(fd_visit_code_parse(&b, "answer", "Bring Up"));
    cr_assert_str_eq(b.ptr, "bring_up");
    fd_assert_ok(fd_visit_code_parse(&b, "item_kind", "visitor-card"));
    cr_assert_str_eq(b.ptr, "visitor_card");
    fd_buf_dispose(&b);
    fx_close(&f);
}
