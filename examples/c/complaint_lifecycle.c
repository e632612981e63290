/*
 * A complaint from registration to the breach queue (R-CPL-1 … R-CPL-3):
 * an important complaint received at 17:55 on 2026-09-30, the eve of the
 * National Day holiday; its targets on the site's working calendar; escalated
 * to the supervisor that evening; assessed and assigned on the first working
 * day, paused while the desk waits for the customer, resumed; the queue of
 * what is breached a week later. Usage: complaint_lifecycle DB_PATH
 */
#include <frontdesk.h>
#include <stdio.h>
#include <unistd.h>

static const char ZONE[] = "Asia/Shanghai";

/* Prints the last error and says whether the call failed. */
static int failed(fd_status rc, const char *what)
{
    if (rc == FD_OK)
        return 0;
    fprintf(stderr, "%s: %s: %s\n", what, fd_status_name(rc), fd_error_last()->message);
    return 1;
}

/* An instant of the site's local time on 2026-MM-DD HH:MM. */
static int64_t local(int month, int day, int hour, int minute)
{
    fd_local_time t = { { 2026, month, day }, hour, minute, 0, 0 };
    int64_t at = 0;
    return fd_instant_from_local(&at, ZONE, t) == FD_OK ? at : 0;
}

/* Prints complaint @id's targets in force: which, due (site time), met or breached. */
static int print_targets(fd_store *store, const fd_actor *actor, int64_t id)
{
    fd_complaint_target_filter f = FD_COMPLAINT_TARGET_FILTER_INIT;
    f.match = FD_COMPLAINT_TARGET_MATCH_COMPLAINT_ID;
    f.complaint_id = id;
    fd_complaint_target_iter *it = NULL;
    const fd_complaint_target *t = NULL;
    fd_buf due = FD_BUF_INIT;
    fd_status rc = fd_store_complaint_target_query(&it, store, actor, &f);
    while (rc == FD_OK && (rc = fd_complaint_target_iter_next(&t, it)) == FD_OK && t) {
        if (t->superseded_at)
            continue;
        if (t->due_at)
            rc = fd_instant_format(&due, ZONE, t->due_at);
        if (rc == FD_OK)
            printf("  %-8s %-38s due %s%s\n", t->target, t->policy_key, t->due_at ? due.ptr : "(not started)",
                   t->met_at ? " met" : t->breached_at ? " BREACHED" : "");
    }
    fd_complaint_target_iter_free(it);
    fd_buf_dispose(&due);
    return failed(rc, "targets");
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DB_PATH\n", argv[0]);
        return 2;
    }
    unlink(argv[1]);
    fd_store *store = NULL;
    int64_t site = 0, clerk = 0, org = 0, eng = 0, id = 0;
    fd_actor system = FD_ACTOR_INIT, desk;
    system.at = local(9, 1, 8, 0);
    fd_site park = FD_SITE_INIT;
    park.code = "park", park.name = "某某产业园", park.time_zone = ZONE;
    fd_staff wang = FD_STAFF_INIT;
    wang.code = "F001", wang.name = "王小丽", wang.role = "clerk";
    fd_organisation office = FD_ORGANISATION_INIT;
    office.name = "某某物业服务中心";
    fd_department works = FD_DEPARTMENT_INIT;
    works.name = "工程部";
    int bad = failed(fd_store_open(&store, argv[1], NULL), "open") ||
              failed(fd_store_site_add(&site, store, &system, &park), "add site");
    system.site_id = site;
    bad = bad || failed(fd_store_staff_add(&clerk, store, &system, &wang), "add staff") ||
          failed(fd_store_organisation_add(&org, store, &system, &office), "add organisation");
    works.organisation_id = org;
    bad = bad || failed(fd_store_department_add(&eng, store, &system, &works), "add department");
    desk = system;
    desk.staff_id = clerk;

    /* R-CPL-1: received by phone at 17:55 on the holiday's eve, registered at 18:02. */
    fd_complaint c = FD_COMPLAINT_INIT;
    c.received_at = local(9, 30, 17, 55);
    c.channel = "phone", c.category = "repair", c.severity = "important";
    c.what = "3号楼电梯困人十分钟，无人应答", c.asks = "检修电梯并答复原因";
    c.customer = "钱女士", c.contact = "138 0013 8000";
    desk.at = local(9, 30, 18, 2);
    bad = bad || failed(fd_store_complaint_add(&id, store, &desk, &c), "register");
    if (!bad) {
        printf("complaint %lld (important), received 2026-09-30 17:55, targets:\n", (long long)id);
        bad = print_targets(store, &desk, id);
    }

    /* R-CPL-2: the supervisor told within the hour (the escalate target met). */
    fd_complaint_step s = FD_COMPLAINT_STEP_INIT;
    s.kind = "escalate", s.target = "escalate", s.note = "已电话报告工程部主管";
    desk.at = local(9, 30, 18, 20);
    bad = bad || failed(fd_store_complaint_step(NULL, store, &desk, id, &s), "escalate");
    /* R-CPL-3: assessed and assigned on the first working day after the holiday, then waiting for the customer. */
    s = (fd_complaint_step)FD_COMPLAINT_STEP_INIT;
    s.kind = "assess", s.valid = 1;
    desk.at = local(10, 8, 8, 40);
    bad = bad || failed(fd_store_complaint_step(NULL, store, &desk, id, &s), "assess");
    s = (fd_complaint_step)FD_COMPLAINT_STEP_INIT;
    s.kind = "assign", s.department_id = eng, s.promised_at = local(10, 12, 17, 0);
    bad = bad || failed(fd_store_complaint_step(NULL, store, &desk, id, &s), "assign");
    s = (fd_complaint_step)FD_COMPLAINT_STEP_INIT;
    s.kind = "pause", s.note = "客户不在家，约10月9日下午上门";
    desk.at = local(10, 8, 10, 0);
    bad = bad || failed(fd_store_complaint_step(NULL, store, &desk, id, &s), "pause");
    s = (fd_complaint_step)FD_COMPLAINT_STEP_INIT;
    s.kind = "resume";
    desk.at = local(10, 9, 15, 0);
    bad = bad || failed(fd_store_complaint_step(NULL, store, &desk, id, &s), "resume");
    if (!bad) {
        printf("paused 10-08 10:00 to 10-09 15:00 (R-CPL-2: waiting for the customer moves resolve):\n");
        bad = print_targets(store, &desk, id);
    }

    /* What the desk sees breached a week after the holiday, harm first then by due. */
    fd_complaint_target_iter *q = NULL;
    const fd_complaint_target *t = NULL;
    desk.at = local(10, 16, 9, 0);
    bad = bad || failed(fd_store_complaint_queue(&q, store, &desk, FD_COMPLAINT_BREACHED, 0, 0, 10), "queue");
    fd_status rc = FD_OK;
    while (!bad && (rc = fd_complaint_target_iter_next(&t, q)) == FD_OK && t)
        printf("breached on 2026-10-16: complaint %lld, %s target\n", (long long)t->complaint_id, t->target);
    bad = bad || failed(rc, "queue");
    fd_complaint_target_iter_free(q);
    fd_store_close(store);
    return bad;
}
