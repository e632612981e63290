/*
 * Sets up a site database, adds staff, changes a policy value, journals a
 * shift handover and prints that day's report: the smallest complete use of
 * the store. Usage: site_setup DB_PATH
 */
#include <frontdesk.h>
#include <stdio.h>
#include <unistd.h>

/* Prints the last error and says whether the call failed. */
static int failed(fd_status rc, const char *what)
{
    if (rc == FD_OK)
        return 0;
    fprintf(stderr, "%s: %s: %s\n", what, fd_status_name(rc), fd_error_last()->message);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DB_PATH\n", argv[0]);
        return 2;
    }
    unlink(argv[1]);
    fd_store *store = NULL;
    fd_policy *policy = NULL;
    fd_report *report = NULL;
    fd_buf text = FD_BUF_INIT;
    int64_t site = 0, clerk = 0, rings = 0;
    fd_date day;
    /* 2026-11-23 17:30 in Shanghai (09:30 UTC): the evening handover (R-COM-4). */
    const int64_t handover_at = 1795426200;
    int bad = failed(fd_store_open(&store, argv[1], NULL), "open") ||
              failed(fd_store_add_site(&site, store, "park", "某某产业园", "Asia/Shanghai"), "add site") ||
              failed(fd_store_add_staff(&clerk, store, site, "F001", "王小丽", "clerk"), "add staff") ||
              /* R-CALL-1: this site allows four rings instead of three. */
              failed(fd_store_set_policy(store, site, "call.max_rings", 4, clerk), "set policy") ||
              failed(fd_store_load_policy(&policy, store, site), "load policy") ||
              failed(fd_policy_get(&rings, policy, "call.max_rings"), "get policy") ||
              failed(fd_store_journal_append(NULL, store, handover_at, site, clerk, "shift", 1, "handover",
                                             "访客卡 20 张，在库 18 张"), "journal") ||
              failed(fd_date_parse(&day, "2026-11-23"), "date") ||
              failed(fd_report_daily(&report, store, site, day), "report") ||
              failed(fd_report_render(&text, report, FD_REPORT_TEXT), "render");
    if (!bad)
        printf("call.max_rings = %lld\n\n%s", (long long)rings, text.ptr);
    fd_buf_dispose(&text);
    fd_report_free(report);
    fd_policy_free(policy);
    fd_store_close(store);
    return bad;
}
