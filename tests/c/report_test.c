/* The daily report (R-COM-4): the site's local day, by kind and by staff. */
#include "fd_test.h"

Test(report, counts_only_the_local_day_R_COM_4)
{
    fd_store *s = NULL;
    int64_t site, clerk;
    fd_assert_ok(fd_store_open(&s, fd_test_path("report"), NULL));
    fd_assert_ok(fd_store_add_site(&site, s, "park", "某某产业园", NULL));
    fd_assert_ok(fd_store_add_staff(&clerk, s, site, "F001", "王小丽", "clerk"));
    /* 2025-06-10 in Shanghai is [2025-06-09T16:00Z, 2025-06-10T16:00Z). */
    const int64_t start = 1749484800;
    fd_assert_ok(fd_store_journal_append(NULL, s, start - 1, site, clerk, "call", 1, "log", "前一天"));
    fd_assert_ok(fd_store_journal_append(NULL, s, start, site, clerk, "call", 2, "log", "零点"));
    fd_assert_ok(fd_store_journal_append(NULL, s, start + 86399, site, 0, "shift", 1, "handover", "\"quoted\"\n"));
    fd_assert_ok(fd_store_journal_append(NULL, s, start + 86400, site, clerk, "call", 3, "log", "第二天"));
    fd_report *r = NULL;
    fd_date d = { 2025, 6, 10 };
    fd_assert_ok(fd_report_daily(&r, s, site, d));
    cr_assert_eq(fd_report_total(r), 2);
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_TEXT));
    cr_assert(strstr(b.ptr, "00:00  call.log #2  王小丽  零点") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "前一天") == NULL && strstr(b.ptr, "第二天") == NULL);
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_JSON));
    cr_assert(strstr(b.ptr, "\"detail\":\"\\\"quoted\\\"\\n\"") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "\"local_time\":\"2025-06-10 23:59\"") != NULL);
    fd_assert_error(fd_report_render(&b, r, (fd_report_format)7), FD_EINVAL, "format");
    fd_buf_dispose(&b);
    fd_report_free(r);
    fd_report_free(NULL);
    cr_assert_eq(fd_report_total(NULL), 0);
    fd_assert_error(fd_report_daily(&r, s, 42, d), FD_ENOTFOUND, "site 42");
    fd_assert_error(fd_report_daily(&r, s, site, (fd_date){ 2025, 2, 29 }), FD_EINVAL, "day");
    fd_store_close(s);
}
