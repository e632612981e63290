/*
 * Complaints (issue 13, items 3-5, 7): the reply-phrase check (R-CPL-7), when
 * an escalation may fire, the breach queue read through its index, the
 * escalation run, holiday data loaded later and the recomputation it runs,
 * the end-of-day list (R-COM-4) and the site's forbidden phrases.
 * Instants are fixed (the actor's `at`); the dates are real days of 2026 with
 * the State Council's holidays: 春节 02-15 … 02-23 with the make-up working
 * Saturdays 02-14 and 02-28.
 */
#include "fd_test.h"
#include "store/complaints_queue.h"

#include <sqlite3.h>
#include <stdlib.h>

#define MINUTE 60
#define HOUR 3600
#define DAY 86400

/* Site-local time in Asia/Shanghai (no DST): y-m-d h:mi. */
static int64_t cst(int y, int m, int d, int h, int mi)
{
    return fd__days_from_civil(y, m, d) * DAY + h * HOUR + mi * MINUTE - 8 * HOUR;
}

/* --- the reply-phrase check (R-CPL-7, R-CALL-2) ------------------------------------------------ */

typedef struct found {
    const char *phrase;
    size_t start, end;
} found;

/* The hits of @h (at most 16), which it frees: the phrases are copied (they belong to the hits). */
static size_t hits_of(found out[16], fd_reply_hits *h)
{
    static char keep[16][64];
    size_t n = fd_reply_hits_count(h);
    cr_assert_leq(n, 16);
    for (size_t i = 0; i < n; i++) {
        fd_assert_ok(fd_reply_hits_get(&out[i].phrase, &out[i].start, &out[i].end, h, i));
        snprintf(keep[i], sizeof keep[i], "%s", out[i].phrase);
        out[i].phrase = keep[i];
    }
    fd_reply_hits_free(h);
    return n;
}

/* The hits of @text against @phrases (NULL: the built-in list). */
static size_t check(found out[16], const char *text, const char *phrases)
{
    fd_reply_hits *h = NULL;
    fd_assert_ok(fd_reply_check(&h, text, phrases));
    return hits_of(out, h);
}

/* The hit @i is @phrase at exactly the bytes of @typed inside @text. */
static void hit_is(const found *f, const char *text, const char *phrase, const char *typed)
{
    const char *at = strstr(text, typed);
    cr_assert_not_null(at, "'%s' not in the text", typed);
    cr_assert_str_eq(f->phrase, phrase);
    cr_assert_eq(f->start, (size_t)(at - text), "%s starts at %zu, not %zu", phrase, f->start, (size_t)(at - text));
    cr_assert_eq(f->end, (size_t)(at - text) + strlen(typed), "%s ends at %zu", phrase, f->end);
}

Test(reply, R_CPL_7_phrases_are_found_however_typed_at_the_bytes_typed)
{
    found f[16];
    /* spaces between the characters: the span runs from the first to the last */
    const char *t1 = "这个问题我不 知 道，您问别人吧";
    cr_assert_eq(check(f, t1, NULL), 1);
    hit_is(&f[0], t1, "不知道", "不 知 道");
    /* ideographic spaces and full-width quotation marks around it: the quotes are not in the span */
    const char *t2 = "我说了＂不行＂，不　知　道";
    cr_assert_eq(check(f, t2, NULL), 2);
    hit_is(&f[0], t2, "不行", "不行");
    hit_is(&f[1], t2, "不知道", "不　知　道");
    /* a Traditional reply: 不知道 is written alike, 沒辦法 is not */
    const char *t3 = "這件事我不知道，我也沒辦法";
    cr_assert_eq(check(f, t3, NULL), 3);
    hit_is(&f[0], t3, "不知道", "不知道");
    hit_is(&f[1], t3, "我也没办法", "我也沒辦法");
    hit_is(&f[2], t3, "没办法", "沒辦法");
    /* inside a longer word: 不可以吗 holds 不可以 */
    const char *t4 = "不可以吗？";
    cr_assert_eq(check(f, t4, NULL), 1);
    hit_is(&f[0], t4, "不可以", "不可以");
    /* a phrase at the very end of the text */
    const char *t5 = "您的要求，我们不行";
    cr_assert_eq(check(f, t5, NULL), 1);
    cr_assert_eq(f[0].end, strlen(t5));
    hit_is(&f[0], t5, "不行", "不行");
    /* nothing forbidden: no hit */
    cr_assert_eq(check(f, "您好，这里是某某物业客服中心，请问有什么可以帮您？", NULL), 0);
    cr_assert_eq(check(f, "", NULL), 0);
}

Test(reply, R_CALL_2_wei_is_never_used_on_the_phone)
{
    found f[16];
    const char *t = "喂，哪位？";
    cr_assert_eq(check(f, t, NULL), 1);
    hit_is(&f[0], t, "喂", "喂");
}

Test(reply, R_CPL_7_a_sites_own_list_folded_as_the_text_is)
{
    found f[16];
    /* Listed Traditional and full-width, typed Simplified, in capitals, with spaces: all one fold. */
    const char *list = "不歸我管\r\nＮＯ  ＷＡＹ\n";
    const char *t = "这个不归我管 …… No way!";
    cr_assert_eq(check(f, t, list), 2);
    hit_is(&f[0], t, "不歸我管", "不归我管");
    hit_is(&f[1], t, "ＮＯ  ＷＡＹ", "No way");
    /* the same phrase listed twice (once folded) is found once, under its first line */
    cr_assert_eq(check(f, "不知道", "不 知 道\n不知道"), 1);
    cr_assert_str_eq(f[0].phrase, "不 知 道");
}

Test(reply, R_CPL_7_overlapping_hits_are_all_reported_in_order_of_their_start)
{
    found f[16];
    const char *t = "不行不行，我也没办法";
    cr_assert_eq(check(f, t, NULL), 4);
    cr_assert_str_eq(f[0].phrase, "不行");
    cr_assert_eq(f[0].start, 0);
    cr_assert_str_eq(f[1].phrase, "不行");
    cr_assert_eq(f[1].start, strlen("不行"));
    hit_is(&f[2], t, "我也没办法", "我也没办法");
    hit_is(&f[3], t, "没办法", "没办法");
    /* a phrase overlapping itself: 啊啊 in 啊啊啊 twice */
    cr_assert_eq(check(f, "啊啊啊", "啊啊"), 2);
    cr_assert_eq(f[1].start, strlen("啊"));
}

Test(reply, R_CPL_7_refusals_name_the_argument_and_never_quote_the_text)
{
    fd_reply_hits *h = NULL;
    fd_assert_error(fd_reply_check(NULL, "x", NULL), FD_EINVAL, "out");
    fd_assert_error(fd_reply_check(&h, NULL, NULL), FD_EINVAL, "text");
    cr_assert_null(h);
    fd_assert_error(fd_reply_check(&h, "请拨13812345678\xff", NULL), FD_EINVAL, "text: not valid UTF-8");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 7);
    char *big = malloc(65537 + 1);
    memset(big, 'a', 65537);
    big[65537] = '\0';
    fd_assert_error(fd_reply_check(&h, big, NULL), FD_ERANGE, "64 KiB");
    big[65536] = '\0';
    fd_assert_ok(fd_reply_check(&h, big, "aaa"));
    cr_assert_eq(fd_reply_hits_count(h), 65534);
    fd_reply_hits_free(h);
    free(big);
    fd_assert_error(fd_reply_check(&h, "x", ""), FD_EINVAL, "phrases: line 1 is empty");
    fd_assert_error(fd_reply_check(&h, "x", "不行\n\n不知道"), FD_EINVAL, "phrases: line 2 is empty");
    fd_assert_error(fd_reply_check(&h, "x", "不行\n\xe3\x80"), FD_EINVAL, "phrases: not valid UTF-8");
    fd_assert_error(fd_reply_check(&h, "x", "不行\n　 "), FD_EINVAL, "line 2");
    char many[201 * 4];
    size_t len = 0;
    for (int i = 0; i < 201; i++)
        len += (size_t)snprintf(many + len, sizeof many - len, "%c%c\n", 'a' + i % 26, 'a' + i / 26);
    fd_assert_error(fd_reply_check(&h, "x", many), FD_ERANGE, "at most 200");
    many[len - 4] = '\0'; /* 200 phrases are fine */
    fd_assert_ok(fd_reply_check(&h, "x", many));
    const char *p = NULL;
    size_t s = 0, e = 0;
    fd_assert_error(fd_reply_hits_get(&p, &s, &e, h, 0), FD_ERANGE, "index: 0");
    fd_assert_error(fd_reply_hits_get(&p, &s, &e, NULL, 0), FD_EINVAL, "hits");
    fd_reply_hits_free(h);
    cr_assert_eq(fd_reply_hits_count(NULL), 0);
    fd_reply_hits_free(NULL);
}

/* What fd_text_search_query folds @s[0..n) to (short pieces only: the query is cut at 64 bytes). */
static void fold_of(char out[256], const char *s, size_t n)
{
    char piece[256];
    cr_assert_lt(n, sizeof piece);
    memcpy(piece, s, n);
    piece[n] = '\0';
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_text_search_query(&b, piece));
    snprintf(out, 256, "%s", b.ptr);
    fd_buf_dispose(&b);
}

Test(reply, R_CPL_7_property_every_hit_spans_text_that_folds_to_its_phrase)
{
    /* Replies made of phrases typed every way, with words, spaces and punctuation between. */
    static const char *const pieces[] = { "不 知 道", "不行", "ＢＵ ＸＩＮＧ", "沒辦法", "不可以吗", "，", "　", " ",
                                          "您好", "我们马上处理", "喂", "不", "知", "道", "Ａ", "é", "e\xcc\x81",
                                          "找别人", "您自己看", "不歸我管" };
    const char *list = "不知道\n不行\nbuxing\n没办法\n不可以\n喂\n找别人\n不归我管\né\n知道不";
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int round = 0; round < 300; round++) {
        char text[512] = "";
        size_t len = 0;
        int n = 1 + (int)(x % 12);
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            const char *p = pieces[x % (sizeof pieces / sizeof *pieces)];
            len += (size_t)snprintf(text + len, sizeof text - len, "%s", p);
        }
        fd_reply_hits *h = NULL;
        fd_assert_ok(fd_reply_check(&h, text, list));
        size_t prev = 0;
        for (size_t i = 0; i < fd_reply_hits_count(h); i++) {
            const char *phrase = NULL;
            size_t s = 0, e = 0;
            fd_assert_ok(fd_reply_hits_get(&phrase, &s, &e, h, i));
            cr_assert(s < e && e <= len && s >= prev, "%s: hit %zu [%zu, %zu)", text, i, s, e);
            prev = s;
            char want[256], got[256];
            fold_of(want, phrase, strlen(phrase));
            fold_of(got, text + s, e - s);
            cr_assert_str_eq(got, want, "'%s': hit %s at [%zu, %zu)", text, phrase, s, e);
        }
        fd_reply_hits_free(h);
    }
}

/* --- when an escalation may fire (R-CPL-2) --------------------------------------------------------- */

static void may_at(int *may, int64_t *next, const fd_calendar *cal, const fd_policy *p, int64_t at)
{
    fd_assert_ok(fd_complaint_may_escalate(may, next, cal, p, at));
}

Test(escalate, R_CPL_2_an_escalation_due_at_2310_on_a_friday_fires_at_the_makeup_saturdays_opening)
{
    fd_calendar *cal = NULL;
    fd_assert_ok(fd_calendar_new(&cal));
    int may = -1;
    int64_t next = -1;
    /* Friday 2026-02-13 23:10, before the working Saturday of 春节 (调休): the supervisor is called at 08:30. */
    may_at(&may, &next, cal, NULL, cst(2026, 2, 13, 23, 10));
    cr_assert_eq(may, 0);
    cr_assert_eq(next, cst(2026, 2, 14, 8, 30));
    /* An ordinary Friday night waits for Monday. */
    may_at(&may, &next, cal, NULL, cst(2026, 3, 6, 23, 10));
    cr_assert_eq(next, cst(2026, 3, 9, 8, 30));
    /* The holiday itself: the first working day after 春节 is Tuesday 02-24. */
    may_at(&may, &next, cal, NULL, cst(2026, 2, 17, 10, 0));
    cr_assert_eq(may, 0);
    cr_assert_eq(next, cst(2026, 2, 24, 8, 30));
    /* The lunch break waits for 13:30; inside business hours it fires now. */
    may_at(&may, &next, cal, NULL, cst(2026, 3, 4, 12, 30));
    cr_assert_eq(next, cst(2026, 3, 4, 13, 30));
    may_at(&may, &next, cal, NULL, cst(2026, 2, 14, 8, 30));
    cr_assert_eq(may, 1);
    cr_assert_eq(next, 0);
    /* The site's own hours (a calendar file's business_hours) are the ones that count. */
    fd_assert_ok(fd_calendar_set_business_hours(cal, "09:00-18:00"));
    may_at(&may, &next, cal, NULL, cst(2026, 2, 13, 23, 10));
    cr_assert_eq(next, cst(2026, 2, 14, 9, 0));
    /* A site whose policy lets escalations fire at any time. */
    fd_policy *p = NULL;
    fd_assert_ok(fd_policy_new(&p));
    fd_assert_ok(fd_policy_set(p, "complaint.escalate_after_hours", 1));
    may_at(&may, &next, cal, p, cst(2026, 2, 13, 23, 10));
    cr_assert_eq(may, 1);
    cr_assert_eq(next, 0);
    fd_assert_error(fd_complaint_may_escalate(&may, &next, NULL, p, 0), FD_EINVAL, "cal");
    fd_assert_error(fd_complaint_may_escalate(NULL, &next, cal, p, 0), FD_EINVAL, "out");
    fd_assert_error(fd_complaint_may_escalate(&may, &next, cal, p, FD_INSTANT_MAX + 1), FD_ERANGE, "now");
    fd_policy_free(p);
    fd_calendar_free(cal);
}

/* --- the store: fixture ------------------------------------------------------------------------------ */

typedef struct fx {
    fd_store *s;
    char path[4096];
    int64_t site, other_site, clerk, manager, other_clerk, eng;
} fx;

/* Set up a year before the complaints. */
#define SETUP_AT cst(2025, 3, 1, 9, 0)

#define actor_at fd_test_actor

/* fd_test_two_sites (a clerk and a manager with the manage and reveal grants at the first, a clerk at the
 * second) and the first site's engineering department. */
static fx fx_open(const char *stem)
{
    fx f;
    memset(&f, 0, sizeof f);
    snprintf(f.path, sizeof f.path, "%s", fd_test_path(stem));
    fd_assert_ok(fd_store_open(&f.s, f.path, NULL));
    fd_test_sites t = fd_test_two_sites(f.s, SETUP_AT);
    f.site = t.site, f.other_site = t.other_site;
    f.clerk = t.clerk, f.manager = t.manager, f.other_clerk = t.other_clerk;
    f.eng = fd_test_department(f.s, f.site, SETUP_AT, "某某物业服务中心", "工程部");
    return f;
}

static fd_actor clerk_at(const fx *f, int64_t at)
{
    return actor_at(f->site, f->clerk, at);
}

static fd_actor manager_at(const fx *f, int64_t at)
{
    fd_actor a = actor_at(f->site, f->manager, at);
    a.grants = FD_GRANT_MANAGE;
    return a;
}

/* A complaint of @severity received at @at (registered then by the clerk), harm as given. */
static int64_t complain(fx *f, const char *severity, int64_t at, int harm)
{
    fd_complaint c = FD_COMPLAINT_INIT;
    c.received_at = at;
    c.channel = "phone";
    c.category = "repair";
    c.severity = severity;
    c.what = "电梯困人，无人处理";
    c.customer = "王小丽";
    c.contact = "13812345678";
    c.harm = harm;
    fd_actor a = clerk_at(f, at);
    int64_t id = 0;
    fd_assert_ok(fd_store_complaint_add(&id, f->s, &a, &c));
    return id;
}

/* A complaint at the other site, received at @at: its own, never in the first site's lists. */
static int64_t complain_elsewhere(fx *f, const char *severity, int64_t at)
{
    fd_complaint c = FD_COMPLAINT_INIT;
    c.received_at = at;
    c.channel = "letter";
    c.category = "fees";
    c.severity = severity;
    c.what = "物业费多收";
    fd_actor a = actor_at(f->other_site, f->other_clerk, at);
    int64_t id = 0;
    fd_assert_ok(fd_store_complaint_add(&id, f->s, &a, &c));
    return id;
}

static void step(fx *f, int64_t id, int64_t at, const char *kind)
{
    fd_complaint_step s = FD_COMPLAINT_STEP_INIT;
    s.kind = kind;
    s.note = "已记录";
    s.valid = 1;
    s.department_id = f->eng;
    s.promised_at = at + 7 * DAY;
    s.cause = "电梯控制板老化";
    s.solution = "更换控制板";
    s.satisfaction = "satisfied";
    s.accepted = 1;
    fd_actor a = strcmp(kind, "choose") == 0 ? manager_at(f, at) : clerk_at(f, at);
    if (strcmp(kind, "choose") == 0) {
        /* the last proposal */
        s.proposal_id = fd_test_sql_int(f->path, "SELECT max(id) FROM complaint_events WHERE kind = 'propose'");
    }
    fd_assert_ok(fd_store_complaint_step(NULL, f->s, &a, id, &s));
}

/* The id of complaint @complaint_id's target @target in force. */
static int64_t target_id(const fx *f, int64_t complaint_id, const char *target)
{
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT id FROM complaint_targets WHERE complaint_id = %lld AND target = '%s' AND superseded_at = 0",
             (long long)complaint_id, target);
    return fd_test_sql_int(f->path, sql);
}

/* One page of the queue as target ids (at most 64), with kind, horizon, after and limit. */
static size_t queue(int64_t out[64], fx *f, int64_t at, int kind, int64_t horizon, int64_t after, int64_t limit)
{
    fd_actor a = clerk_at(f, at);
    fd_complaint_target_iter *it = NULL;
    fd_assert_ok(fd_store_complaint_queue(&it, f->s, &a, kind, horizon, after, limit));
    const fd_complaint_target *t = NULL;
    size_t n = 0;
    while (fd_complaint_target_iter_next(&t, it) == FD_OK && t) {
        cr_assert_lt(n, 64);
        cr_assert_eq(t->site_id, f->site);
        cr_assert_eq(t->met_at, 0);
        cr_assert_eq(t->superseded_at, 0);
        out[n++] = t->id;
    }
    fd_complaint_target_iter_free(it);
    return n;
}

/* --- the breach queue (R-CPL-2, R-CPL-5) ------------------------------------------------------------- */

/* Monday 2026-03-02, an ordinary working week. */
#define MON(h, mi) cst(2026, 3, 2, (h), (mi))

Test(queue, R_CPL_2_R_CPL_5_harm_first_then_by_due_paged_by_harm_due_and_id)
{
    fx f = fx_open("cpl-queue");
    int64_t major = complain(&f, "major", MON(8, 0), 1); /* still causing harm */
    int64_t imp1 = complain(&f, "important", MON(9, 0), 0);
    int64_t imp2 = complain(&f, "important", MON(9, 20), 0);
    int64_t minor = complain(&f, "minor", MON(9, 30), 0);
    int64_t elsewhere = complain_elsewhere(&f, "important", MON(9, 10));

    int64_t got[64];
    /* Due within 4 hours at 10:30: the two supervisors' hours, already past (breached ones are due too). */
    size_t n = queue(got, &f, MON(10, 30), FD_COMPLAINT_DUE, 4 * HOUR, 0, 64);
    cr_assert_eq(n, 2);
    cr_assert_eq(got[0], target_id(&f, imp1, "escalate"));
    cr_assert_eq(got[1], target_id(&f, imp2, "escalate"));
    /* Within a year: the complaint still causing harm first, whatever its due, then by due, then by id. */
    const int64_t want[] = {
        target_id(&f, major, "director"), target_id(&f, major, "answer"), target_id(&f, major, "resolve"),
        target_id(&f, imp1, "escalate"),  target_id(&f, imp2, "escalate"), target_id(&f, minor, "resolve"),
        target_id(&f, imp1, "resolve"),   target_id(&f, imp2, "resolve"),
    };
    const size_t nwant = sizeof want / sizeof *want;
    n = queue(got, &f, MON(10, 30), FD_COMPLAINT_DUE, 366 * DAY, 0, 64);
    cr_assert_eq(n, nwant);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(got[i], want[i], "row %zu", i);
    /* Page by page, one row at a time, across the harm group's end: the same rows in the same order. */
    int64_t after = 0;
    for (size_t i = 0; i < nwant; i++) {
        int64_t one[64];
        cr_assert_eq(queue(one, &f, MON(10, 30), FD_COMPLAINT_DUE, 366 * DAY, after, 1), 1, "page %zu", i);
        cr_assert_eq(one[0], want[i], "page %zu", i);
        after = one[0];
    }
    cr_assert_eq(queue(got, &f, MON(10, 30), FD_COMPLAINT_DUE, 366 * DAY, after, 1), 0);
    /* Pages of three. */
    cr_assert_eq(queue(got, &f, MON(10, 30), FD_COMPLAINT_DUE, 366 * DAY, want[2], 3), 3);
    cr_assert_eq(got[0], want[3]);
    cr_assert_eq(got[2], want[5]);
    /* Breached and to escalate at 10:30: the two hours past. */
    cr_assert_eq(queue(got, &f, MON(10, 30), FD_COMPLAINT_BREACHED, 0, 0, 64), 2);
    cr_assert_eq(got[0], want[3]);
    cr_assert_eq(queue(got, &f, MON(10, 30), FD_COMPLAINT_ESCALATE, 0, 0, 64), 2);
    /* At 10:00 exactly the first hour is still on time (its due is the last second on time). */
    cr_assert_eq(queue(got, &f, MON(10, 0), FD_COMPLAINT_BREACHED, 0, 0, 64), 0);
    cr_assert_eq(queue(got, &f, MON(10, 0) + 1, FD_COMPLAINT_BREACHED, 0, 0, 64), 1);
    /* Waiting for the customer stops the minor complaint's clock: off the queue while paused. */
    step(&f, minor, MON(10, 30), "pause");
    n = queue(got, &f, MON(10, 31), FD_COMPLAINT_DUE, 366 * DAY, 0, 64);
    cr_assert_eq(n, nwant - 1);
    for (size_t i = 0; i < n; i++)
        cr_assert_neq(got[i], target_id(&f, minor, "resolve"));
    /* The harm stopped: the major complaint takes its place by due among the others. */
    step(&f, major, MON(10, 40), "harm_cleared");
    n = queue(got, &f, MON(10, 41), FD_COMPLAINT_DUE, 366 * DAY, 0, 64);
    cr_assert_eq(got[0], want[3]);
    cr_assert_eq(got[2], want[0]);
    /* The other site's complaint is its own: its clerk sees only it. */
    fd_actor oa = actor_at(f.other_site, f.other_clerk, MON(10, 30));
    fd_complaint_target_iter *it = NULL;
    fd_assert_ok(fd_store_complaint_queue(&it, f.s, &oa, FD_COMPLAINT_BREACHED, 0, 0, 64));
    const fd_complaint_target *t = NULL;
    fd_assert_ok(fd_complaint_target_iter_next(&t, it));
    cr_assert_eq(t->complaint_id, elsewhere);
    fd_assert_ok(fd_complaint_target_iter_next(&t, it));
    cr_assert_null(t);
    fd_complaint_target_iter_free(it);
    fd_store_close(f.s);
}

Test(queue, R_CPL_2_queue_refusals_name_the_argument)
{
    fx f = fx_open("cpl-queue-refused");
    int64_t id = complain(&f, "important", MON(9, 0), 0);
    fd_actor a = clerk_at(&f, MON(10, 30));
    fd_complaint_target_iter *it = (fd_complaint_target_iter *)&f;
    fd_assert_error(fd_store_complaint_queue(&it, f.s, &a, 0, 0, 0, 10), FD_EINVAL, "kind: 0");
    cr_assert_null(it);
    fd_assert_error(fd_store_complaint_queue(&it, f.s, &a, 4, 0, 0, 10), FD_EINVAL, "kind");
    fd_assert_error(fd_store_complaint_queue(&it, f.s, &a, FD_COMPLAINT_DUE, 0, 0, 0), FD_ERANGE, "limit");
    fd_assert_error(fd_store_complaint_queue(&it, f.s, &a, FD_COMPLAINT_DUE, 0, 0, 65), FD_ERANGE, "1..64");
    fd_assert_error(fd_store_complaint_queue(&it, f.s, &a, FD_COMPLAINT_DUE, -1, 0, 10), FD_ERANGE, "horizon_s");
    fd_assert_error(fd_store_complaint_queue(&it, f.s, &a, FD_COMPLAINT_DUE, 367 * DAY, 0, 10), FD_ERANGE,
                    "horizon_s");
    fd_assert_error(fd_store_complaint_queue(&it, f.s, &a, FD_COMPLAINT_DUE, 0, -1, 10), FD_ERANGE, "after");
    fd_assert_error(fd_store_complaint_queue(&it, f.s, &a, FD_COMPLAINT_DUE, 0, 999, 10), FD_ERANGE, "after: no target");
    /* a target of the site, but the other site's clerk cannot page after it */
    fd_actor oa = actor_at(f.other_site, f.other_clerk, MON(10, 30));
    fd_assert_error(fd_store_complaint_queue(&it, f.s, &oa, FD_COMPLAINT_DUE, 0, target_id(&f, id, "escalate"), 10),
                    FD_ERANGE, "after");
    fd_actor stranger = actor_at(f.site, f.other_clerk, MON(10, 30));
    fd_assert_error(fd_store_complaint_queue(&it, f.s, &stranger, FD_COMPLAINT_DUE, 0, 0, 10), FD_EPERM, "actor");
    fd_assert_error(fd_store_complaint_queue(&it, NULL, &a, FD_COMPLAINT_DUE, 0, 0, 10), FD_EINVAL, "store");
    fd_store_close(f.s);
}

/* The query fd__record_query_sql makes of a condition (its columns do not change the plan). */
static void page_sql(char *out, size_t cap, const char *table, const char *cond)
{
    snprintf(out, cap, "SELECT * FROM %s WHERE ?1 = ?1 AND site_id = 1 AND %s LIMIT ?2", table, cond);
}

Test(queue, R_CPL_2_every_queue_statement_searches_the_open_targets_index_never_scans_or_sorts)
{
    fx f = fx_open("cpl-queue-plan");
    char sql[4096], plan[4096];
    for (int kind = FD_COMPLAINT_DUE; kind <= FD_COMPLAINT_ESCALATE; kind++) {
        for (int harm = -1; harm <= 1; harm++) {
            page_sql(sql, sizeof sql, "complaint_targets", fd__complaint_queue_cond(kind, harm));
            fd_test_plan(plan, sizeof plan, f.path, sql);
            cr_assert(strstr(plan, "SEARCH complaint_targets USING INDEX complaint_targets_site_queue (site_id=? AND "
                                   "harm=? AND due_at>? AND due_at<?)"), "%s\n%s", sql, plan);
            cr_assert_null(strstr(plan, "SCAN"), "%s", plan);
            cr_assert_null(strstr(plan, "TEMP B-TREE"), "%s", plan);
        }
    }
    cr_assert_null(fd__complaint_queue_cond(0, -1));
    cr_assert_null(fd__complaint_queue_cond(FD_COMPLAINT_DUE, 2));
    static const char *const writes[] = { fd__complaint_breach_mark_sql, fd__complaint_to_escalate_sql };
    for (size_t i = 0; i < 2; i++) {
        fd_test_plan(plan, sizeof plan, f.path, writes[i]);
        cr_assert(strstr(plan, "USING INDEX complaint_targets_site_queue (site_id=? AND harm=? AND due_at>? AND "
                               "due_at<?)"), "%s", plan);
        cr_assert_null(strstr(plan, "SCAN"), "%s", plan);
        cr_assert_null(strstr(plan, "TEMP B-TREE"), "%s", plan);
    }
    /* The recomputation reads the open targets in force, and only those. */
    fd_test_plan(plan, sizeof plan, f.path, fd__complaint_open_targets_sql);
    cr_assert(strstr(plan, "SEARCH complaint_targets USING INDEX complaint_targets_site_open (site_id=?)"), "%s", plan);
    cr_assert_null(strstr(plan, "TEMP B-TREE"), "%s", plan);
    /* The end of the day reads the day's range of the unanswered complaints; the answers by complaint. */
    page_sql(sql, sizeof sql, "complaints", fd__complaint_unanswered_cond);
    fd_test_plan(plan, sizeof plan, f.path, sql);
    cr_assert(strstr(plan, "SEARCH complaints USING INDEX complaints_site_unanswered (site_id=? AND received_at>? "
                           "AND received_at<?)"), "%s", plan);
    cr_assert(strstr(plan, "SEARCH e USING INDEX complaint_events_complaint (complaint_id=?)"), "%s", plan);
    cr_assert_null(strstr(plan, "SCAN"), "%s", plan);
    fd_store_close(f.s);
}

/* VM steps of the page after (@due, @id) of @cond on the database at @path, the page's first id into *first. */
static int page_steps(const char *path, const char *cond, int64_t last, int64_t due, int64_t id, int64_t *first)
{
    char sql[4096];
    page_sql(sql, sizeof sql, "complaint_targets", cond);
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    sqlite3_bind_int64(st, 1, 0);
    sqlite3_bind_int64(st, 2, 5);
    /* bound as text, as the store binds them */
    char a[3][24];
    snprintf(a[0], 24, "%lld", (long long)last);
    snprintf(a[1], 24, "%lld", (long long)due);
    snprintf(a[2], 24, "%lld", (long long)id);
    for (int i = 0; i < 3 && i < sqlite3_bind_parameter_count(st) - 2; i++)
        sqlite3_bind_text(st, 3 + i, a[i], -1, SQLITE_STATIC);
    *first = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        ;
    int steps = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return steps;
}

Test(queue, R_CPL_2_a_later_page_starts_where_the_last_one_ended)
{
    fx f = fx_open("cpl-queue-pages");
    /* 400 supervisors' hours a minute apart (their resolve targets share one due, after them) */
    fd_assert_ok(fd_store_begin(f.s));
    for (int i = 0; i < 400; i++)
        complain(&f, "important", MON(8, 0) + i * 60, 0);
    fd_assert_ok(fd_store_commit(f.s));
    /* the page after the 390th: a range of the index from there, not a walk from the first */
    static const char nth[] = "SELECT %s FROM complaint_targets WHERE target = 'escalate' ORDER BY due_at, id "
                              "LIMIT 1 OFFSET %d";
    char q[256];
    snprintf(q, sizeof q, nth, "due_at", 389);
    int64_t due = fd_test_sql_int(f.path, q);
    snprintf(q, sizeof q, nth, "id", 389);
    int64_t id = fd_test_sql_int(f.path, q);
    snprintf(q, sizeof q, nth, "id", 390);
    int64_t next = fd_test_sql_int(f.path, q);
    int64_t first = 0;
    int late = page_steps(f.path, fd__complaint_queue_cond(FD_COMPLAINT_DUE, 0), MON(8, 0) + 366 * DAY, due, id,
                          &first);
    cr_assert_eq(first, next);
    int early = page_steps(f.path, fd__complaint_queue_cond(FD_COMPLAINT_DUE, -1), MON(8, 0) + 366 * DAY, 0, 0,
                           &first);
    cr_assert_lt(late, early * 2, "the page after row 390 took %d steps, the first page %d", late, early);
    cr_assert_lt(late, 200, "%d steps", late);
    fd_store_close(f.s);
}

/* --- the escalation run (R-CPL-2) -------------------------------------------------------------------- */

static fd_complaint_escalation run_at(fx *f, int64_t at)
{
    fd_actor sys = actor_at(f->site, 0, at); /* the system's run */
    fd_complaint_escalation r;
    memset(&r, 0xff, sizeof r);
    fd_assert_ok(fd_store_complaint_escalate_run(&r, f->s, &sys));
    cr_assert_eq(r.version, FD_COMPLAINT_ESCALATION_VERSION);
    return r;
}

static int64_t count(const fx *f, const char *sql_fmt, int64_t arg)
{
    char sql[512];
    snprintf(sql, sizeof sql, sql_fmt, (long long)arg);
    return fd_test_sql_int(f->path, sql);
}

/* What a refused write must leave as it was: the complaints' tables, the loaded data, the journal. */
static char *dump(const fx *f)
{
    static const char *const tables[] = { "complaints",    "complaint_events", "complaint_targets",
                                          "reply_phrases", "calendar_data",    "journal" };
    size_t len = 0;
    char *all = NULL;
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        char *t = fd_test_table_dump(f->path, tables[i]);
        size_t n = strlen(t);
        all = realloc(all, len + n + 1);
        memcpy(all + len, t, n + 1);
        len += n;
        free(t);
    }
    return all;
}

Test(escalation, R_CPL_2_the_run_records_each_breach_once_and_escalates_with_an_event_idempotently)
{
    fx f = fx_open("cpl-escalate");
    int64_t major = complain(&f, "major", MON(8, 0), 1);
    int64_t imp1 = complain(&f, "important", MON(9, 0), 0);
    int64_t imp2 = complain(&f, "important", MON(9, 20), 0);
    fd_complaint_escalation r = run_at(&f, MON(9, 59));
    cr_assert(r.breached == 0 && r.escalated == 0 && r.deferred == 0 && r.next_at == 0);
    /* 10:30 on a Monday: both supervisors' hours are past; they are called now. */
    r = run_at(&f, MON(10, 30));
    cr_assert_eq(r.breached, 2);
    cr_assert_eq(r.escalated, 2);
    cr_assert_eq(r.deferred, 0);
    cr_assert_eq(r.next_at, 0);
    int64_t t1 = target_id(&f, imp1, "escalate");
    cr_assert_eq(count(&f, "SELECT breached_at FROM complaint_targets WHERE id = %lld", t1), MON(10, 30));
    cr_assert_eq(count(&f, "SELECT escalated_at FROM complaint_targets WHERE id = %lld", t1), MON(10, 30));
    /* the escalation is the step that meets the target, late */
    cr_assert_eq(count(&f, "SELECT met_at FROM complaint_targets WHERE id = %lld", t1), MON(10, 30));
    static const char events[] = "SELECT count(*) FROM complaint_events WHERE kind = 'escalate' AND detail = "
                                 "'escalate' AND staff_id IS NULL AND complaint_id = %lld";
    cr_assert_eq(count(&f, events, imp1), 1);
    cr_assert_eq(count(&f, events, imp2), 1);
    cr_assert_eq(count(&f, "SELECT count(*) FROM journal WHERE entity = 'complaint' AND action = 'escalate' "
                           "AND staff_id IS NULL AND %lld", 1), 2);
    /* Again at the same instant: nothing new. */
    r = run_at(&f, MON(10, 30));
    cr_assert(r.breached == 0 && r.escalated == 0 && r.deferred == 0);
    cr_assert_eq(count(&f, "SELECT count(*) FROM complaint_events WHERE kind = 'escalate' AND %lld", 1), 2);
    /* Tuesday morning: the director was not told on Monday; the run does it (R-CPL-2 same day). */
    r = run_at(&f, cst(2026, 3, 3, 9, 0));
    cr_assert_eq(r.breached, 1);
    cr_assert_eq(r.escalated, 1);
    int64_t dir = target_id(&f, major, "director");
    cr_assert_eq(count(&f, "SELECT breached_at FROM complaint_targets WHERE id = %lld", dir), cst(2026, 3, 3, 9, 0));
    cr_assert_eq(count(&f, "SELECT count(*) FROM complaint_events WHERE kind = 'escalate' AND detail = 'director' "
                           "AND complaint_id = %lld", major), 1);
    /* A clerk may run it too; refusals name the argument. */
    fd_actor a = clerk_at(&f, cst(2026, 3, 3, 9, 0));
    fd_assert_ok(fd_store_complaint_escalate_run(&r, f.s, &a));
    cr_assert_eq(r.escalated, 0);
    fd_assert_error(fd_store_complaint_escalate_run(NULL, f.s, &a), FD_EINVAL, "out");
    fd_assert_error(fd_store_complaint_escalate_run(&r, NULL, &a), FD_EINVAL, "store");
    fd_actor stranger = actor_at(f.site, f.other_clerk, MON(10, 30));
    fd_assert_error(fd_store_complaint_escalate_run(&r, f.s, &stranger), FD_EPERM, "actor");
    fd_store_close(f.s);
}

Test(escalation, R_CPL_2_a_breach_at_2310_on_a_friday_is_escalated_at_the_makeup_saturdays_opening)
{
    fx f = fx_open("cpl-escalate-night");
    /* Received Friday 2026-02-13 22:10: the supervisor's hour ends at 23:10, after closing. */
    int64_t id = complain(&f, "important", cst(2026, 2, 13, 22, 10), 0);
    int64_t t = target_id(&f, id, "escalate");
    fd_complaint_escalation r = run_at(&f, cst(2026, 2, 13, 23, 11));
    cr_assert_eq(r.breached, 1);
    cr_assert_eq(r.escalated, 0);
    cr_assert_eq(r.deferred, 1);
    cr_assert_eq(r.next_at, cst(2026, 2, 14, 8, 30), "the working Saturday of 春节 (调休) opens at 08:30");
    cr_assert_eq(count(&f, "SELECT count(*) FROM complaint_events WHERE kind = 'escalate' AND %lld", 1), 0);
    int64_t got[64];
    cr_assert_eq(queue(got, &f, cst(2026, 2, 13, 23, 30), FD_COMPLAINT_ESCALATE, 0, 0, 64), 1);
    cr_assert_eq(got[0], t);
    /* Still night at 06:00: still deferred, the breach as first recorded. */
    r = run_at(&f, cst(2026, 2, 14, 6, 0));
    cr_assert(r.breached == 0 && r.deferred == 1);
    r = run_at(&f, cst(2026, 2, 14, 8, 30));
    cr_assert(r.breached == 0 && r.escalated == 1 && r.deferred == 0 && r.next_at == 0);
    cr_assert_eq(count(&f, "SELECT breached_at FROM complaint_targets WHERE id = %lld", t), cst(2026, 2, 13, 23, 11));
    cr_assert_eq(count(&f, "SELECT escalated_at FROM complaint_targets WHERE id = %lld", t), cst(2026, 2, 14, 8, 30));
    /* A site that lets escalations fire at any time (the policy says so). */
    fd_actor m = manager_at(&f, cst(2026, 2, 14, 9, 0));
    fd_assert_ok(fd_store_policy_set(f.s, &m, "complaint.escalate_after_hours", 1));
    id = complain(&f, "important", cst(2026, 2, 14, 21, 0), 0);
    r = run_at(&f, cst(2026, 2, 14, 22, 30));
    cr_assert(r.breached == 1 && r.escalated == 1 && r.deferred == 0);
    fd_store_close(f.s);
}

Test(escalation, R_CPL_3_a_followed_up_complaint_keeps_its_breach_and_is_not_escalated)
{
    fx f = fx_open("cpl-escalate-followed");
    int64_t id = complain(&f, "major", MON(8, 0), 0);
    static const char *const steps[] = { "assess", "assign", "investigate", "propose", "choose", "implement",
                                         "followup" };
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        step(&f, id, MON(9, 0) + (int64_t)i * 60, steps[i]);
    /* Thursday: the director (Monday) and the clear answer (Wednesday) were never given. */
    fd_complaint_escalation r = run_at(&f, cst(2026, 3, 5, 10, 0));
    cr_assert_eq(r.breached, 2);
    cr_assert_eq(r.escalated, 0, "once followed up, a person escalates by hand, the run does not");
    cr_assert_eq(r.deferred, 0);
    cr_assert_gt(count(&f, "SELECT breached_at FROM complaint_targets WHERE id = %lld", target_id(&f, id, "answer")),
                 0);
    int64_t got[64];
    cr_assert_eq(queue(got, &f, cst(2026, 3, 5, 10, 0), FD_COMPLAINT_ESCALATE, 0, 0, 64), 2);
    fd_store_close(f.s);
}

/* --- holiday data loaded later (R-CPL-2) --------------------------------------------------------------- */

/* The 2027 schedule as a test writes it (not the State Council's): 元旦 with Monday 01-04 off in lieu. */
static const char DATA_2027[] = "frontdesk-holidays 1\n"
                                "version CN-2027.1\n"
                                "region CN\n"
                                "covers 2027-01-01 2027-12-31\n"
                                "extends builtin\n"
                                "scope national\n"
                                "2027-01-01 holiday 元旦 statutory\n"
                                "2027-01-04 holiday 元旦 in_lieu\n";

/* Target @id's due, provisional flag and calendar version. */
static void target_state(const fx *f, int64_t id, int64_t *due, int *provisional, char version[65])
{
    *due = count(f, "SELECT due_at FROM complaint_targets WHERE id = %lld", id);
    *provisional = (int)count(f, "SELECT provisional FROM complaint_targets WHERE id = %lld", id);
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    cr_assert_eq(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, "SELECT data_version FROM complaint_targets WHERE id = ?1", -1, &st, NULL),
                 SQLITE_OK);
    sqlite3_bind_int64(st, 1, id);
    cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
    snprintf(version, 65, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

Test(holiday_data, R_CPL_2_newer_holiday_data_recomputes_open_targets_and_a_breach_stays_recorded)
{
    fx f = fx_open("cpl-data");
    fd_actor m = manager_at(&f, cst(2026, 12, 1, 9, 0));
    fd_assert_ok(fd_store_policy_set_deadline(f.s, &m, "complaint.minor.resolve_days", 2,
                                              FD_CALENDAR_UNIT_WORKING_DAYS));
    /* A second handle on the file (another desk's program) has counted on 2027 as the law gives it. */
    fd_store *other = NULL;
    fd_assert_ok(fd_store_open(&other, f.path, NULL));
    fd_complaint c = FD_COMPLAINT_INIT;
    c.received_at = cst(2026, 12, 30, 10, 0);
    c.channel = "email";
    c.category = "cleaning";
    c.severity = "minor";
    c.what = "楼道垃圾未清";
    fd_actor oa = clerk_at(&f, cst(2026, 12, 30, 10, 0));
    int64_t before_load = 0;
    fd_assert_ok(fd_store_complaint_add(&before_load, other, &oa, &c));
    /* Wednesday 12-30 + 2 working days: Thursday, then (元旦 Friday, the weekend) Monday 2027-01-04, provisional. */
    int64_t late = complain(&f, "minor", cst(2026, 12, 30, 10, 0), 0);
    int64_t early = complain(&f, "minor", cst(2026, 12, 7, 10, 0), 0);
    int64_t t = target_id(&f, late, "resolve"), te = target_id(&f, early, "resolve");
    int64_t due = 0, due_early = 0;
    int prov = 0;
    char version[65], version_early[65];
    target_state(&f, t, &due, &prov, version);
    cr_assert_eq(due, cst(2027, 1, 4, 17, 30));
    cr_assert_eq(prov, 1);
    cr_assert_str_eq(version, "CN-2026.1+provisional-2027");
    target_state(&f, te, &due_early, &prov, version_early);
    cr_assert_eq(prov, 0);
    /* Monday 18:00: past that due, the breach is recorded (and escalated at the next opening). */
    fd_complaint_escalation r = run_at(&f, cst(2027, 1, 4, 18, 0));
    cr_assert_eq(r.breached, 3, "the December complaint's too");
    cr_assert_eq(r.deferred, 3);

    /* The official schedule arrives: 01-04 is a day off in lieu. */
    char *before = dump(&f);
    fd_actor clerk = clerk_at(&f, cst(2027, 1, 4, 18, 30));
    int64_t changed = -1;
    fd_assert_error(fd_store_calendar_data_add(&changed, f.s, &clerk, DATA_2027), FD_EPERM, "manage");
    m = manager_at(&f, cst(2027, 1, 4, 18, 30));
    fd_assert_error(fd_store_calendar_data_add(&changed, f.s, &m, "frontdesk-holidays 1\nversion X\n"), FD_EINVAL,
                    "fd_store_calendar_data_add: text:");
    const char *bad = "frontdesk-holidays 1\nversion CN-2027.9\nregion CN\ncovers 2027-01-01 2027-12-31\n"
                      "extends builtin\nscope national\n2027-13-01 holiday 元旦\n";
    fd_assert_error(fd_store_calendar_data_add(&changed, f.s, &m, bad), FD_EINVAL, "text: line 7");
    const char *alone = "frontdesk-holidays 1\nversion HK-2027.1\nregion HK\ncovers 2027-01-01 2027-12-31\n";
    fd_assert_error(fd_store_calendar_data_add(&changed, f.s, &m, alone), FD_EINVAL, "extends builtin");
    const char *builtin = "frontdesk-holidays 1\nversion CN-2026.1\nregion CN\ncovers 2026-01-01 2026-12-31\n"
                          "extends builtin\nscope national\n";
    fd_assert_error(fd_store_calendar_data_add(&changed, f.s, &m, builtin), FD_ECONFLICT, "CN-2026.1");
    cr_assert_eq(changed, -1);
    char *after = dump(&f);
    cr_assert_str_eq(after, before, "refused holiday data changed something");
    free(after);
    free(before);

    fd_assert_ok(fd_store_calendar_data_add(&changed, f.s, &m, DATA_2027));
    cr_assert_eq(changed, 2, "the two complaints counted on provisional 2027 changed; the December one did not");
    target_state(&f, t, &due, &prov, version);
    cr_assert_eq(due, cst(2027, 1, 5, 17, 30), "Tuesday, the first working day after the day off");
    cr_assert_eq(prov, 0);
    cr_assert_str_eq(version, "CN-2026.1+CN-2027.1");
    cr_assert_eq(count(&f, "SELECT breached_at FROM complaint_targets WHERE id = %lld", t), cst(2027, 1, 4, 18, 0),
                 "a breach recorded stays recorded");
    int64_t d2 = 0;
    target_state(&f, te, &d2, &prov, version_early);
    cr_assert_eq(d2, due_early);
    cr_assert_eq(prov, 0);
    cr_assert_eq(count(&f, "SELECT count(*) FROM journal WHERE entity = 'calendar' AND action = 'data' AND detail = "
                           "'CN-2027.1' AND staff_id = %lld", f.manager), 1);
    cr_assert_eq(count(&f, "SELECT count(*) FROM calendar_data WHERE version = 'CN-2027.1' AND loaded_by = %lld",
                       f.manager), 1);
    /* Loaded once: the same version again is refused. */
    fd_assert_error(fd_store_calendar_data_add(&changed, f.s, &m, DATA_2027), FD_ECONFLICT, "loaded already");
    /* The other handle counts with it from then on. */
    c.received_at = cst(2026, 12, 30, 11, 0);
    oa.at = cst(2027, 1, 4, 19, 0);
    int64_t after_load = 0;
    fd_assert_ok(fd_store_complaint_add(&after_load, other, &oa, &c));
    target_state(&f, target_id(&f, after_load, "resolve"), &due, &prov, version);
    cr_assert_eq(due, cst(2027, 1, 5, 17, 30));
    cr_assert_str_eq(version, "CN-2026.1+CN-2027.1");
    /* So does a handle opened later; recomputing again changes nothing. */
    fd_store_close(f.s);
    fd_assert_ok(fd_store_open(&f.s, f.path, NULL));
    m = manager_at(&f, cst(2027, 1, 4, 19, 30));
    fd_assert_ok(fd_store_complaint_recompute(&changed, f.s, &m));
    cr_assert_eq(changed, 0);
    fd_assert_error(fd_store_complaint_recompute(&changed, f.s, &clerk), FD_EPERM, "manage");
    fd_assert_error(fd_store_complaint_recompute(NULL, f.s, &m), FD_EINVAL, "out_changed");
    fd_store_close(other);
    fd_store_close(f.s);
}

/* --- the end of the day (R-COM-4) ---------------------------------------------------------------------- */

/* The ids of the site's unanswered complaints of @day, a page after @after of at most @limit. */
static size_t unanswered(int64_t out[64], fx *f, fd_date day, int64_t after, int64_t limit)
{
    fd_actor a = clerk_at(f, cst(2026, 3, 2, 17, 0));
    fd_complaint_iter *it = NULL;
    fd_assert_ok(fd_store_complaint_unanswered(&it, f->s, &a, day, after, limit));
    const fd_complaint *c = NULL;
    size_t n = 0;
    while (fd_complaint_iter_next(&c, it) == FD_OK && c) {
        cr_assert_str_eq(c->contact, "138****5678", "the number comes back masked (R-COM-2)");
        out[n++] = c->id;
    }
    fd_complaint_iter_free(it);
    return n;
}

Test(end_of_day, R_COM_4_the_days_complaints_without_contact_answer_or_reply_are_reviewed_before_leaving)
{
    fx f = fx_open("cpl-unanswered");
    int64_t before = complain(&f, "minor", cst(2026, 3, 1, 23, 50), 0); /* the day before, in Shanghai */
    int64_t untouched = complain(&f, "minor", MON(0, 10), 0);           /* 03-01 16:10 UTC: Monday here */
    int64_t contacted = complain(&f, "minor", MON(9, 0), 0);
    int64_t answered = complain(&f, "major", MON(9, 5), 0);
    int64_t replied = complain(&f, "important", MON(9, 10), 0);
    int64_t invalid = complain(&f, "minor", MON(9, 15), 0);
    int64_t paused = complain(&f, "minor", MON(9, 20), 0);
    int64_t late = complain(&f, "minor", MON(23, 59), 0);
    step(&f, contacted, MON(10, 0), "assess");
    step(&f, contacted, MON(10, 1), "assign");
    step(&f, contacted, MON(10, 2), "contact");
    step(&f, answered, MON(10, 3), "answer");
    step(&f, replied, MON(10, 4), "assess");
    step(&f, replied, MON(10, 5), "assign");
    step(&f, replied, MON(10, 6), "report");
    step(&f, replied, MON(10, 7), "reply");
    fd_complaint_step s = FD_COMPLAINT_STEP_INIT;
    s.kind = "assess";
    s.valid = 0;
    s.note = "不属于物业管理范围，已向客户解释";
    fd_actor a = clerk_at(&f, MON(10, 8));
    fd_assert_ok(fd_store_complaint_step(NULL, f.s, &a, invalid, &s));
    step(&f, paused, MON(10, 9), "pause"); /* waiting for the customer is no answer */
    complain_elsewhere(&f, "minor", MON(9, 0));

    int64_t got[64];
    fd_date mon = { 2026, 3, 2 };
    size_t n = unanswered(got, &f, mon, 0, 64);
    cr_assert_eq(n, 3);
    cr_assert_eq(got[0], untouched);
    cr_assert_eq(got[1], paused);
    cr_assert_eq(got[2], late);
    /* Page by page. */
    cr_assert_eq(unanswered(got, &f, mon, untouched, 1), 1);
    cr_assert_eq(got[0], paused);
    cr_assert_eq(unanswered(got, &f, mon, late, 64), 0);
    fd_date sun = { 2026, 3, 1 };
    cr_assert_eq(unanswered(got, &f, sun, 0, 64), 1);
    cr_assert_eq(got[0], before);
    /* Refusals. */
    fd_complaint_iter *it = NULL;
    fd_date bad = { 2026, 2, 30 };
    fd_assert_error(fd_store_complaint_unanswered(&it, f.s, &a, bad, 0, 10), FD_EINVAL, "day");
    fd_assert_error(fd_store_complaint_unanswered(&it, f.s, &a, mon, 0, 0), FD_ERANGE, "limit");
    fd_assert_error(fd_store_complaint_unanswered(&it, f.s, &a, mon, -1, 10), FD_ERANGE, "after");
    fd_assert_error(fd_store_complaint_unanswered(&it, NULL, &a, mon, 0, 10), FD_EINVAL, "store");
    cr_assert_null(it);
    fd_store_close(f.s);
}

/* --- the site's forbidden phrases (R-CPL-7) ------------------------------------------------------------ */

static size_t store_check(found out[16], fx *f, const fd_actor *a, const char *text)
{
    fd_reply_hits *h = NULL;
    fd_assert_ok(fd_store_reply_check(&h, f->s, a, text));
    return hits_of(out, h);
}

Test(reply_store, R_CPL_7_a_site_adds_and_retires_its_own_phrases_checked_beside_the_built_in_ones)
{
    fx f = fx_open("cpl-phrases");
    fd_actor m = manager_at(&f, MON(9, 0)), a = clerk_at(&f, MON(9, 0));
    int64_t id = 0;
    fd_assert_ok(fd_store_reply_phrase_add(&id, f.s, &m, "你们去找开发商"));
    cr_assert_gt(id, 0);
    const char *text = "这事你們去找開發商吧，我不知道";
    found hit[16];
    cr_assert_eq(store_check(hit, &f, &a, text), 2);
    hit_is(&hit[0], text, "你们去找开发商", "你們去找開發商");
    hit_is(&hit[1], text, "不知道", "不知道");
    /* Another site has its own list: only the built-in phrases there. */
    fd_actor oa = actor_at(f.other_site, f.other_clerk, MON(9, 0));
    cr_assert_eq(store_check(hit, &f, &oa, text), 1);
    /* Refusals: each names what is wrong and changes nothing. */
    char *before = dump(&f);
    int64_t dup = 0;
    fd_assert_error(fd_store_reply_phrase_add(&dup, f.s, &m, "你們 去找 開發商"), FD_ECONFLICT, "the site's already");
    fd_assert_error(fd_store_reply_phrase_add(&dup, f.s, &m, "不 知 道"), FD_ECONFLICT, "built in");
    fd_assert_error(fd_store_reply_phrase_add(&dup, f.s, &a, "别烦我"), FD_EPERM, "manage");
    fd_assert_error(fd_store_reply_phrase_add(&dup, f.s, &m, "别烦我\n走开"), FD_EINVAL, "control character");
    fd_assert_error(fd_store_reply_phrase_add(&dup, f.s, &m, "　 "), FD_EINVAL, "white space only");
    fd_assert_error(fd_store_reply_phrase_add(&dup, f.s, &m, ""), FD_EINVAL, "reply_phrase.phrase");
    fd_assert_error(fd_store_reply_phrase_add(&dup, f.s, &m, "这是一个非常非常非常非常非常非常非常非常长的禁语"),
                    FD_ERANGE, "reply_phrase.phrase");
    fd_assert_error(fd_store_reply_phrase_retire(f.s, &m, id + 100), FD_ENOTFOUND, "phrase_id");
    fd_assert_error(fd_store_reply_phrase_retire(f.s, &a, id), FD_EPERM, "manage");
    char *after = dump(&f);
    cr_assert_str_eq(after, before);
    free(after);
    free(before);
    /* Retired: kept, no longer checked; retired once. */
    fd_actor later = manager_at(&f, MON(10, 0));
    fd_assert_ok(fd_store_reply_phrase_retire(f.s, &later, id));
    fd_assert_error(fd_store_reply_phrase_retire(f.s, &later, id), FD_ESTATE, "retired already");
    cr_assert_eq(store_check(hit, &f, &a, text), 1);
    cr_assert_eq(count(&f, "SELECT retired_at FROM reply_phrases WHERE id = %lld", id), MON(10, 0));
    cr_assert_eq(count(&f, "SELECT count(*) FROM journal WHERE entity = 'reply_phrase' AND entity_id = %lld", id), 2);
    /* ... and may be added again. */
    fd_assert_ok(fd_store_reply_phrase_add(&dup, f.s, &later, "你们去找开发商"));
    cr_assert_gt(dup, id);
    /* At most 200 phrases are checked: 10 built in, 190 of the site's. */
    fd_assert_ok(fd_store_begin(f.s));
    for (int i = 1; i < 190; i++) {
        char p[32];
        snprintf(p, sizeof p, "禁语%03d", i);
        fd_assert_ok(fd_store_reply_phrase_add(&dup, f.s, &later, p));
    }
    fd_assert_ok(fd_store_commit(f.s));
    fd_assert_error(fd_store_reply_phrase_add(&dup, f.s, &later, "禁语999"), FD_ERANGE, "retire one first");
    cr_assert_eq(store_check(hit, &f, &a, "禁语189"), 1);
    fd_reply_hits *h = NULL;
    fd_assert_error(fd_store_reply_check(&h, f.s, &a, NULL), FD_EINVAL, "fd_store_reply_check: text");
    fd_assert_error(fd_store_reply_check(&h, NULL, &a, "x"), FD_EINVAL, "store");
    fd_store_close(f.s);
}

Test(reply_store, R_COM_3_phrases_and_holiday_data_are_never_deleted_or_rewritten)
{
    fx f = fx_open("cpl-keep-data");
    fd_actor m = manager_at(&f, cst(2026, 12, 1, 9, 0));
    int64_t id = 0, changed = 0;
    fd_assert_ok(fd_store_reply_phrase_add(&id, f.s, &m, "你们去找开发商"));
    fd_assert_ok(fd_store_calendar_data_add(&changed, f.s, &m, DATA_2027));
    fd_store_close(f.s);
    static const char *const refused[] = {
        "DELETE FROM reply_phrases",
        "INSERT OR REPLACE INTO reply_phrases SELECT * FROM reply_phrases",
        "DELETE FROM calendar_data",
        "UPDATE calendar_data SET data = ''",
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        cr_assert_eq(fd_test_sql_exec(f.path, refused[i]), SQLITE_CONSTRAINT_TRIGGER & 0xff, "%s", refused[i]);
    cr_assert_eq(fd_test_sql_int(f.path, "SELECT count(*) FROM calendar_data"), 1);
}
