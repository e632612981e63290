/*
 * Every public function that writes an fd_buf leaves it holding the empty
 * string when it fails (common.h; issue 17, defect 6): a listing loop that
 * misses one status check must never show the previous customer's data.
 *
 * One table: each row makes one failing call with a buffer that holds stale
 * text. A second test reads the public headers and proves that the table names
 * every function with an `fd_buf *out` / `fd_buf *out_bytes` parameter, so a
 * new one cannot be added without a row here.
 */
#include "fd_test.h"
#include "frontdesk/calendar.h"
#include "frontdesk/calls.h"
#include "frontdesk/property.h"
#include "frontdesk/visitors.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static fd_calendar *cal;
static fd_report *rep;
static fd_sla *sla;
static fd_policy *pol;
static int provisional;

static const fd_date BAD_DATE = { 2025, 2, 29 };
static const char BAD_UTF8[] = "\xE5\xBC\xA0\xFF"; /* 张 + a stray byte */

/* One failing call per row: @call runs it on a buffer full of stale text. */
typedef struct row {
    const char *fn;   /* the public function */
    const char *what; /* which bad input */
    fd_status (*call)(fd_buf *b);
} row;

#define ROW(fn_, what_, expr)                                                                                  \
    static fd_status fn_##_##what_(fd_buf *b)                                                                  \
    {                                                                                                          \
        return (expr);                                                                                         \
    }
#define REF(fn_, what_) { #fn_, #what_, fn_##_##what_ }

static const char *const bad_items[] = { "张三", "李\n四" };
static const fd_money_format_options bad_opts = { 99, 1, 1 };

/* common */
ROW(fd_date_format, bad_date, fd_date_format(b, BAD_DATE))
ROW(fd_instant_format, unknown_zone, fd_instant_format(b, "Mars/Olympus_Mons", 0))
ROW(fd_instant_format, instant_out_of_range, fd_instant_format(b, "Asia/Shanghai", INT64_MAX))
/* calendar */
ROW(fd_calendar_version, null_cal, fd_calendar_version(b, NULL))
ROW(fd_calendar_region, null_cal, fd_calendar_region(b, NULL))
ROW(fd_calendar_time_zone, null_cal, fd_calendar_time_zone(b, NULL))
ROW(fd_calendar_business_hours, null_cal, fd_calendar_business_hours(b, NULL))
ROW(fd_calendar_quiet_hours, null_cal, fd_calendar_quiet_hours(b, NULL))
ROW(fd_calendar_holiday_name, bad_date, fd_calendar_holiday_name(b, cal, BAD_DATE))
ROW(fd_calendar_holiday_name, outside_data, fd_calendar_holiday_name(b, cal, (fd_date){ 1900, 1, 1 }))
ROW(fd_calendar_festival, bad_date, fd_calendar_festival(b, cal, BAD_DATE))
ROW(fd_calendar_festival, year_out_of_range, fd_calendar_festival(b, cal, (fd_date){ 1800, 1, 1 }))
ROW(fd_calendar_greeting, bad_utf8_org, fd_calendar_greeting(b, cal, (fd_date){ 2026, 10, 1 }, BAD_UTF8))
ROW(fd_calendar_greeting, null_org, fd_calendar_greeting(b, cal, (fd_date){ 2026, 10, 1 }, NULL))
ROW(fd_calendar_greeting, bad_date, fd_calendar_greeting(b, cal, BAD_DATE, "某某物业"))
ROW(fd_calendar_coverage_warning, bad_date, fd_calendar_coverage_warning(b, cal, BAD_DATE))
ROW(fd_sla_version, null_provisional, fd_sla_version(b, NULL, sla))
ROW(fd_sla_version, null_sla, fd_sla_version(b, &provisional, NULL))
ROW(fd_sla_save, null_sla, fd_sla_save(b, NULL))
/* policy, store */
ROW(fd_policy_format, unknown_key, fd_policy_format(b, pol, "call.no_such_key"))
ROW(fd_policy_format, null_policy, fd_policy_format(b, NULL, "call.max_rings"))
ROW(fd_store_uuid, null_store, fd_store_uuid(b, NULL))
/* calls: the codes, and an import's reject list (its second buffer) */
ROW(fd_call_code_parse, unknown_list, fd_call_code_parse(b, "colour", "red"))
ROW(fd_call_code_parse, unknown_code, fd_call_code_parse(b, "category", "闲聊"))
ROW(fd_call_code_parse, bad_utf8, fd_call_code_parse(b, "category", BAD_UTF8))
ROW(fd_store_cdr_import, null_store, fd_store_cdr_import(NULL, b, NULL, NULL, NULL, ""))
/* property */
ROW(fd_property_code_parse, unknown_list, fd_property_code_parse(b, "colour", "red"))
ROW(fd_property_code_parse, bad_utf8, fd_property_code_parse(b, "role", BAD_UTF8))
ROW(fd_building_code_normalize, junk, fd_building_code_normalize(b, "!!!"))
ROW(fd_building_code_normalize, null_text, fd_building_code_normalize(b, NULL))
ROW(fd_area_format, negative, fd_area_format(b, -1))
/* visitors */
ROW(fd_visit_code_parse, unknown_list, fd_visit_code_parse(b, "colour", "red"))
ROW(fd_visit_code_parse, unknown_code, fd_visit_code_parse(b, "level", "red"))
ROW(fd_plate_parse, no_province, fd_plate_parse(b, "A12345"))
ROW(fd_plate_parse, bad_utf8, fd_plate_parse(b, BAD_UTF8))
ROW(fd_store_visit_id_reveal, null_store, fd_store_visit_id_reveal(b, NULL, NULL, 1))
ROW(fd_goods_items_parse, no_quantity, fd_goods_items_parse(b, "电脑"))
ROW(fd_goods_items_parse, bad_utf8, fd_goods_items_parse(b, BAD_UTF8))
ROW(fd_goods_items_compare, no_quantity, fd_goods_items_compare(&provisional, b, "电脑", "电脑1"))
ROW(fd_goods_items_compare, null_match, fd_goods_items_compare(NULL, b, "电脑1", "电脑1"))
/* complaints: the codes, the steps a state allows */
ROW(fd_complaint_code_parse, unknown_list, fd_complaint_code_parse(b, "colour", "red"))
ROW(fd_complaint_code_parse, unknown_code, fd_complaint_code_parse(b, "severity", "一般"))
ROW(fd_complaint_steps_allowed, unknown_state, fd_complaint_steps_allowed(b, "gone"))
ROW(fd_complaint_steps_allowed, null_state, fd_complaint_steps_allowed(b, NULL))
/* fees, billing: the codes, the late fee's terms */
ROW(fd_fee_code_parse, unknown_list, fd_fee_code_parse(b, "colour", "red"))
ROW(fd_fee_code_parse, unknown_code, fd_fee_code_parse(b, "kind", "停水"))
ROW(fd_fee_late_fee_terms, bad_date, fd_fee_late_fee_terms(b, (fd_date){ 2026, 2, 30 }, (fd_date){ 2026, 3, 1 }, NULL))
/* fees, arrears: the age bucket, a notice with an unknown placeholder, a notice from no store */
ROW(fd_fee_age_bucket, bad_date, fd_fee_age_bucket(b, BAD_DATE, BAD_DATE))
ROW(fd_fee_notice_render, unknown_placeholder, fd_fee_notice_render(b, "{amont}", &(fd_fee_notice)FD_FEE_NOTICE_INIT))
ROW(fd_store_fee_notice, null_store, fd_store_fee_notice(b, NULL, NULL, "dunning", 1, BAD_DATE))
/* fees, cash desk: a repeated receipt number */
static const int64_t FD_BUF_TWICE[] = { 11, 11 };
ROW(fd_fee_receipt_gaps, repeated_number, fd_fee_receipt_gaps(b, NULL, FD_BUF_TWICE, 2, 10, 20))
/* plans (repairs part): the codes */
ROW(fd_plan_code_parse, unknown_list, fd_plan_code_parse(b, "colour", "red"))
ROW(fd_plan_code_parse, unknown_code, fd_plan_code_parse(b, "category", "lift"))
ROW(fd_repair_steps_allowed, unknown_state, fd_repair_steps_allowed(b, "gone"))
/* plans (callbacks part): the script */
ROW(fd_callback_script, unknown_satisfaction, fd_callback_script(b, "great"))
/* money, phone, idcard, pii */
ROW(fd_money_format, bad_options_version, fd_money_format(b, 12345, &bad_opts))
ROW(fd_phone_mask, not_a_number, fd_phone_mask(b, "call me"))
ROW(fd_phone_mask, bad_utf8, fd_phone_mask(b, BAD_UTF8))
ROW(fd_idcard_mask, wrong_shape, fd_idcard_mask(b, "11010519491231"))
ROW(fd_idcard_mask, null_text, fd_idcard_mask(b, NULL))
ROW(fd_pii_mask, unknown_class, fd_pii_mask(b, (fd_pii_class)99, "13800138000"))
ROW(fd_pii_mask, bad_utf8, fd_pii_mask(b, FD_PII_NAME, BAD_UTF8))
ROW(fd_pii_mask_text, bad_utf8, fd_pii_mask_text(b, NULL, BAD_UTF8))
ROW(fd_pii_mask_text, null_text, fd_pii_mask_text(b, NULL, NULL))
/* report */
ROW(fd_report_note_get, index_out_of_range, fd_report_note_get(b, rep, 0, 7))
ROW(fd_report_note_get, null_report, fd_report_note_get(b, NULL, 0, 0))
ROW(fd_report_render, unknown_format, fd_report_render(b, rep, (fd_report_format)7))
ROW(fd_report_render, null_report, fd_report_render(b, NULL, FD_REPORT_TEXT))
/* text */
ROW(fd_text_normalize, bad_utf8, fd_text_normalize(b, BAD_UTF8))
ROW(fd_text_to_simplified, bad_utf8, fd_text_to_simplified(b, BAD_UTF8))
ROW(fd_text_to_traditional, null_text, fd_text_to_traditional(b, NULL))
ROW(fd_text_pinyin, bad_utf8, fd_text_pinyin(b, BAD_UTF8, 1))
ROW(fd_text_name_pinyin, bad_utf8, fd_text_name_pinyin(b, BAD_UTF8, 0))
ROW(fd_text_initials, bad_utf8, fd_text_initials(b, BAD_UTF8))
ROW(fd_text_name_initials, null_name, fd_text_name_initials(b, NULL))
ROW(fd_text_search_key, bad_utf8, fd_text_search_key(b, BAD_UTF8))
ROW(fd_text_search_query, bad_utf8, fd_text_search_query(b, BAD_UTF8))
ROW(fd_text_sort_key, bad_utf8, fd_text_sort_key(b, BAD_UTF8, FD_TEXT_ORDER_NAME))
ROW(fd_text_sort_key, bad_order, fd_text_sort_key(b, "张三", (fd_text_order)9))
ROW(fd_text_sort_names, item_with_newline, fd_text_sort_names(b, bad_items, 2, FD_TEXT_ORDER_PINYIN))
ROW(fd_text_sort_names, bad_order, fd_text_sort_names(b, bad_items, 1, (fd_text_order)-1))
ROW(fd_text_natural_key, bad_utf8, fd_text_natural_key(b, BAD_UTF8))
ROW(fd_text_truncate, negative_width, fd_text_truncate(b, "张三丰", -1, "…"))
ROW(fd_text_truncate, bad_ellipsis, fd_text_truncate(b, "张三丰", 3, BAD_UTF8))
ROW(fd_text_pad, width_out_of_range, fd_text_pad(b, "张三", 70000, FD_TEXT_ALIGN_LEFT))
ROW(fd_text_pad, bad_align, fd_text_pad(b, "张三", 8, (fd_text_align)5))

static const row ROWS[] = {
    REF(fd_date_format, bad_date),
    REF(fd_instant_format, unknown_zone),
    REF(fd_instant_format, instant_out_of_range),
    REF(fd_calendar_version, null_cal),
    REF(fd_calendar_region, null_cal),
    REF(fd_calendar_time_zone, null_cal),
    REF(fd_calendar_business_hours, null_cal),
    REF(fd_calendar_quiet_hours, null_cal),
    REF(fd_calendar_holiday_name, bad_date),
    REF(fd_calendar_holiday_name, outside_data),
    REF(fd_calendar_festival, bad_date),
    REF(fd_calendar_festival, year_out_of_range),
    REF(fd_calendar_greeting, bad_utf8_org),
    REF(fd_calendar_greeting, null_org),
    REF(fd_calendar_greeting, bad_date),
    REF(fd_calendar_coverage_warning, bad_date),
    REF(fd_sla_version, null_provisional),
    REF(fd_sla_version, null_sla),
    REF(fd_sla_save, null_sla),
    REF(fd_policy_format, unknown_key),
    REF(fd_policy_format, null_policy),
    REF(fd_store_uuid, null_store),
    REF(fd_call_code_parse, unknown_list),
    REF(fd_call_code_parse, unknown_code),
    REF(fd_call_code_parse, bad_utf8),
    REF(fd_store_cdr_import, null_store),
    REF(fd_property_code_parse, unknown_list),
    REF(fd_property_code_parse, bad_utf8),
    REF(fd_building_code_normalize, junk),
    REF(fd_building_code_normalize, null_text),
    REF(fd_area_format, negative),
    REF(fd_visit_code_parse, unknown_list),
    REF(fd_visit_code_parse, unknown_code),
    REF(fd_plate_parse, no_province),
    REF(fd_plate_parse, bad_utf8),
    REF(fd_store_visit_id_reveal, null_store),
    REF(fd_goods_items_parse, no_quantity),
    REF(fd_goods_items_parse, bad_utf8),
    REF(fd_goods_items_compare, no_quantity),
    REF(fd_goods_items_compare, null_match),
    REF(fd_complaint_code_parse, unknown_list),
    REF(fd_complaint_code_parse, unknown_code),
    REF(fd_complaint_steps_allowed, unknown_state),
    REF(fd_complaint_steps_allowed, null_state),
    REF(fd_fee_code_parse, unknown_list),
    REF(fd_fee_code_parse, unknown_code),
    REF(fd_fee_late_fee_terms, bad_date),
    REF(fd_fee_age_bucket, bad_date),
    REF(fd_fee_notice_render, unknown_placeholder),
    REF(fd_store_fee_notice, null_store),
    REF(fd_fee_receipt_gaps, repeated_number),
    REF(fd_plan_code_parse, unknown_list),
    REF(fd_plan_code_parse, unknown_code),
    REF(fd_repair_steps_allowed, unknown_state),
    REF(fd_callback_script, unknown_satisfaction),
    REF(fd_money_format, bad_options_version),
    REF(fd_phone_mask, not_a_number),
    REF(fd_phone_mask, bad_utf8),
    REF(fd_idcard_mask, wrong_shape),
    REF(fd_idcard_mask, null_text),
    REF(fd_pii_mask, unknown_class),
    REF(fd_pii_mask, bad_utf8),
    REF(fd_pii_mask_text, bad_utf8),
    REF(fd_pii_mask_text, null_text),
    REF(fd_report_note_get, index_out_of_range),
    REF(fd_report_note_get, null_report),
    REF(fd_report_render, unknown_format),
    REF(fd_report_render, null_report),
    REF(fd_text_normalize, bad_utf8),
    REF(fd_text_to_simplified, bad_utf8),
    REF(fd_text_to_traditional, null_text),
    REF(fd_text_pinyin, bad_utf8),
    REF(fd_text_name_pinyin, bad_utf8),
    REF(fd_text_initials, bad_utf8),
    REF(fd_text_name_initials, null_name),
    REF(fd_text_search_key, bad_utf8),
    REF(fd_text_search_query, bad_utf8),
    REF(fd_text_sort_key, bad_utf8),
    REF(fd_text_sort_key, bad_order),
    REF(fd_text_sort_names, item_with_newline),
    REF(fd_text_sort_names, bad_order),
    REF(fd_text_natural_key, bad_utf8),
    REF(fd_text_truncate, negative_width),
    REF(fd_text_truncate, bad_ellipsis),
    REF(fd_text_pad, width_out_of_range),
    REF(fd_text_pad, bad_align),
};
#define NROWS (sizeof ROWS / sizeof ROWS[0])

/* Functions writing an fd_buf that cannot fail once the buffer pointer is valid (only FD_ENOMEM). */
static const char *const CANNOT_FAIL[] = {
    "fd_money_upper", /* every int64 has capital numerals */
};

static void setup(void)
{
    fd_assert_ok(fd_calendar_new(&cal));
    size_t s = 9;
    fd_assert_ok(fd_report_new(&rep, "r", "Report"));
    fd_assert_ok(fd_report_section_add(&s, rep, "s", "Section"));
    fd_assert_ok(fd_report_note_add(rep, s, "one note"));
    fd_assert_ok(fd_sla_new(&sla, cal, 1795136400, 2, FD_CALENDAR_UNIT_WORKING_DAYS, NULL));
    fd_assert_ok(fd_policy_new(&pol));
}

static void teardown(void)
{
    fd_sla_free(sla);
    fd_calendar_free(cal);
    fd_report_free(rep);
    fd_policy_free(pol);
}

TestSuite(buf, .init = setup, .fini = teardown);

Test(buf, every_failing_call_leaves_the_empty_string)
{
    static const char stale[] = "上一位客户 王小丽 13800138000";
    fd_buf b = FD_BUF_INIT;
    for (size_t i = 0; i < NROWS; i++) {
        fd_assert_ok(fd_pii_mask(&b, FD_PII_NONE, stale));
        cr_assert_str_eq(b.ptr, stale);
        fd_error_clear();
        fd_status rc = ROWS[i].call(&b);
        cr_assert(rc < 0, "%s (%s) returned %d, expected an error", ROWS[i].fn, ROWS[i].what, rc);
        cr_assert_eq(fd_error_last()->code, rc, "%s (%s): fd_error_last() is not the status", ROWS[i].fn,
                     ROWS[i].what);
        cr_assert(fd_error_last()->message[0] != '\0', "%s (%s): empty message", ROWS[i].fn, ROWS[i].what);
        cr_expect(b.ptr != NULL && b.ptr[0] == '\0' && b.size == 0, "%s (%s) left '%s' (%zu bytes) in the buffer",
                  ROWS[i].fn, ROWS[i].what, b.ptr ? b.ptr : "(null)", b.size);
    }
    fd_buf_dispose(&b);
}

Test(buf, a_failing_call_on_a_fresh_buffer_leaves_it_unallocated)
{
    for (size_t i = 0; i < NROWS; i++) {
        fd_buf b = FD_BUF_INIT;
        cr_assert(ROWS[i].call(&b) < 0, "%s (%s) succeeded", ROWS[i].fn, ROWS[i].what);
        cr_assert(b.ptr == NULL || (b.ptr[0] == '\0' && b.size == 0), "%s (%s)", ROWS[i].fn, ROWS[i].what);
        fd_buf_dispose(&b);
    }
}

static bool listed(const char *name)
{
    for (size_t i = 0; i < NROWS; i++)
        if (strcmp(ROWS[i].fn, name) == 0)
            return true;
    for (size_t i = 0; i < sizeof CANNOT_FAIL / sizeof CANNOT_FAIL[0]; i++)
        if (strcmp(CANNOT_FAIL[i], name) == 0)
            return true;
    return false;
}

/* The function name of a declaration line "FD_API fd_status NAME(fd_buf *out...". */
static bool buf_writer(const char *line, char name[128])
{
    const char *p = strstr(line, "fd_status ");
    const char *paren = p ? strchr(p, '(') : NULL;
    if (strncmp(line, "FD_API ", 7) != 0 || paren == NULL)
        return false;
    if (strncmp(paren + 1, "fd_buf *out", 11) != 0)
        return false;
    p += strlen("fd_status ");
    size_t n = (size_t)(paren - p);
    if (n == 0 || n >= 128)
        return false;
    memcpy(name, p, n);
    name[n] = '\0';
    return true;
}

Test(buf, the_table_names_every_public_function_that_writes_a_buffer)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/libfrontdesk/include/frontdesk", FD_SOURCE_DIR);
    DIR *d = opendir(dir);
    cr_assert(d != NULL, "cannot list %s", dir);
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 3 || strcmp(e->d_name + len - 2, ".h") != 0)
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "r");
        cr_assert(f != NULL, "cannot read %s", path);
        char line[1024], name[128];
        while (fgets(line, sizeof line, f)) {
            if (!buf_writer(line, name))
                continue;
            found++;
            cr_expect(listed(name), "%s (%s) writes an fd_buf but has no row in buf_test.c", name, e->d_name);
        }
        fclose(f);
    }
    closedir(d);
    cr_assert_geq(found, 37, "only %d functions found: did the declarations change shape?", found);
}
