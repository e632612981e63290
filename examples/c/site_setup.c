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
    fd_date day = { 2026, 11, 23 };
    /* Every write names its actor: who, where, when (R-COM-1). Times are site-local. */
    fd_local_time morning = { day, 8, 30, 0, 0 }, evening = { day, 17, 30, 0, 0 };
    fd_actor system = FD_ACTOR_INIT, desk = FD_ACTOR_INIT;
    fd_site park = FD_SITE_INIT;
    park.code = "park", park.name = "某某产业园", park.time_zone = "Asia/Shanghai";
    fd_staff wang = FD_STAFF_INIT;
    wang.code = "F001", wang.name = "王小丽", wang.role = "clerk";
    fd_journal_entry handover = FD_JOURNAL_ENTRY_INIT;
    handover.entity = "shift", handover.entity_id = 1, handover.action = "handover";
    handover.detail = "访客卡 20 张，在库 18 张";
    int bad = failed(fd_instant_from_local(&system.at, park.time_zone, morning), "time") ||
              failed(fd_store_open(&store, argv[1], NULL), "open") ||
              failed(fd_store_site_add(&site, store, &system, &park), "add site");
    system.site_id = site;
    bad = bad || failed(fd_store_staff_add(&clerk, store, &system, &wang), "add staff");
    desk = system;
    desk.staff_id = clerk;
    bad = bad ||
          /* R-CALL-1: this site allows four rings instead of three. */
          failed(fd_store_policy_set(store, &system, "call.max_rings", 4), "set policy") ||
          failed(fd_store_policy_load(&policy, store, site), "load policy") ||
          failed(fd_policy_get(&rings, policy, "call.max_rings"), "get policy") ||
          /* The evening handover (R-COM-4), at 17:30 site time. */
          failed(fd_instant_from_local(&desk.at, park.time_zone, evening), "time") ||
          failed(fd_store_journal_add(NULL, store, &desk, &handover), "journal") ||
          failed(fd_report_daily_new(&report, store, &desk, day, NULL), "report") ||
          failed(fd_report_render(&text, report, FD_REPORT_TEXT), "render");
    if (!bad)
        printf("call.max_rings = %lld\n\n%s", (long long)rings, text.ptr);
    fd_buf_dispose(&text);
    fd_report_free(report);
    fd_policy_free(policy);
    fd_store_close(store);
    return bad;
}
