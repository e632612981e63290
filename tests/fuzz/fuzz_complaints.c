/*
 * The complaint lifecycle and its clocks (R-CPL-2, R-CPL-3) on arbitrary
 * input: a complaint whose stored fields come from the input (its state and
 * validity any text, its instants anything), then up to 40 steps whose kind,
 * note, codes, ids and instants come from the input, each checked by
 * fd_complaint_step_check; the steps it accepts are applied as the store
 * applies them and kept as the complaint's events, the refused ones change
 * nothing. After each accepted step every target of the complaint's severity
 * is evaluated by fd_complaint_target_eval at an instant from the input.
 *
 * What must hold: a refusal is FD_EINVAL, FD_ERANGE or FD_ESTATE with a
 * message naming the function (and, for FD_ESTATE, the state and the steps it
 * allows); an acceptance leads to a state of the lifecycle; a clock is either
 * refused (FD_ERANGE for an instant out of range, FD_EDATA beyond the
 * calendar's data) or keeps the properties tests/c/complaints_test.c states:
 * a due time never before the receipt nor the clock's start, a running clock
 * always has a due time, the time paused is exactly the sum of the
 * pause/resume pairs (never a pause lost), and the same events give the same
 * clock twice. An event list out of order or of another complaint is refused
 * with FD_EINVAL.
 */
#include <frontdesk/complaints.h>

#include "fuzz.h"

#include <stdio.h>
/* CHECK naming the line that failed: a property here is one of several in a function. */
#undef CHECK
#define CHECK(c)                                                          \
    do {                                                                  \
        if (!(c)) {                                                       \
            fprintf(stderr, "fuzz_complaints.c:%d: %s\n", __LINE__, #c); \
            abort();                                                      \
        }                                                                 \
    } while (0)

enum { MAX_EVENTS = 41 };

static const char *const STEPS[] = { "assess", "assign",  "investigate", "propose", "choose",   "implement",
                                     "followup", "close", "reopen",      "pause",   "resume",   "contact",
                                     "answer",  "report", "reply",       "escalate", "severity", "harm",
                                     "harm_cleared", "register", "nonsense", "" };
static const char *const SEVERITIES[] = { "major", "important", "minor", "重大", "", "x" };
static const char *const STATES[] = { "registered", "assessed",    "assigned", "investigating", "proposed",
                                      "chosen",     "implemented", "followed_up", "closed",     "open" };
static const char *const TARGETS[] = { "director", "escalate", "answer", "resolve", "reply", "boss" };
static const char *const SATISFACTION[] = { "satisfied", "average", "unsatisfied", "happy" };

#define PICK(a, f) ((a)[fz_u8(f) % (sizeof(a) / sizeof((a)[0]))])

/* @a + @b wrapping (an instant from the input may be anything: the library refuses it, the fuzzer must not trap). */
static int64_t plus(int64_t a, int64_t b)
{
    return (int64_t)((uint64_t)a + (uint64_t)b);
}

/* After @base (around 2026, the calendar's data) most of the time, an hour before it now and then, anything too. */
static int64_t instant(fz *f, int64_t base)
{
    uint8_t sel = fz_u8(f);
    if (sel < 200)
        return plus(base, (int64_t)(fz_u64(f, 3) % (20 * 86400)) - (sel < 8 ? 3600 : 0));
    return fz_i64(f);
}

static bool is(const char *a, const char *b)
{
    return a && strcmp(a, b) == 0;
}

/* What the store does to the fields the rules read back (tests/c/complaints_test.c, apply()). */
static void apply(fd_complaint *c, const fd_complaint_step *s, const char *to, int64_t at)
{
    c->state = to;
    if (is(s->kind, "pause") || is(s->kind, "resume"))
        c->waiting = is(s->kind, "pause");
    else if (is(s->kind, "harm") || is(s->kind, "harm_cleared"))
        c->harm = is(s->kind, "harm");
    else if (is(s->kind, "report"))
        c->reported_at = at;
    else if (is(s->kind, "assess"))
        c->validity = s->valid ? "valid" : "invalid";
    else if (is(s->kind, "severity"))
        c->severity = s->severity;
    else if (is(s->kind, "reopen"))
        c->reported_at = 0;
    if (is(to, "registered"))
        c->validity = "";
}

static bool a_state(const char *s)
{
    for (size_t i = 0; i + 1 < sizeof STATES / sizeof *STATES; i++)
        if (is(s, STATES[i]))
            return true;
    return false;
}

/* The clock properties (see the file comment) for target @p of @c over @e[0..n) at @now. */
static void check_clock(const fd_complaint_target_plan *p, const fd_complaint *c, const fd_complaint_event *e,
                        size_t n, int64_t now)
{
    fd_complaint_clock k, again;
    fd_status rc = fd_complaint_target_eval(&k, p, c, e, n, fz_calendar(), NULL, now);
    fz_status(rc);
    if (rc != FD_OK) {
        CHECK(rc == FD_ERANGE || rc == FD_EDATA || rc == FD_EINVAL);
        CHECK(strstr(fd_error_last()->message, "fd_complaint_target_eval: ") != NULL);
        return;
    }
    CHECK(k.due_at == 0 || k.due_at >= c->received_at);
    CHECK(k.due_at == 0 || k.due_at >= k.start_at);
    CHECK(k.start_at == 0 || k.start_at >= c->received_at);
    CHECK(k.due_at != 0 || k.paused || k.start_at == 0); /* a running clock has a deadline */
    int64_t sum = 0, from = -1;
    for (size_t i = 0; i < n && p->paused_by_waiting; i++) {
        int64_t at = e[i].happened_at ? e[i].happened_at : e[i].created_at;
        if (at > now)
            break;
        if (is(e[i].kind, "pause"))
            from = at;
        else if (is(e[i].kind, "resume") && from >= 0) {
            sum += at - from;
            from = -1;
        }
    }
    if (from >= 0)
        sum += now - from;
    CHECK(k.paused_s == sum);
    CHECK(k.paused == (from >= 0 && p->paused_by_waiting));
    CHECK(fd_complaint_target_eval(&again, p, c, e, n, fz_calendar(), NULL, now) == FD_OK);
    CHECK(memcmp(&k, &again, sizeof k) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz f = { data, size };
    /* 2026-01-01 00:00 +08:00 and then a day within the year's first eleven months. */
    int64_t base = 1767196800 + (int64_t)(fz_u64(&f, 2) % 330) * 86400;
    fd_complaint c = FD_COMPLAINT_INIT;
    c.id = 1;
    c.site_id = 1;
    c.received_at = instant(&f, base);
    c.created_at = c.received_at;
    c.channel = "phone";
    c.category = "repair";
    c.what = "电梯停在两层之间";
    c.severity = PICK(SEVERITIES, &f);
    c.state = "registered";
    c.validity = "";
    static char state[64];
    if (fz_u8(&f) < 16) /* a stored row the rules must not trust */
        c.state = fz_str(&f, state, sizeof state);
    if (is(c.severity, "minor") && fz_u8(&f) & 1)
        c.customer_due = instant(&f, c.received_at);

    fd_complaint_event e[MAX_EVENTS];
    memset(e, 0, sizeof e);
    size_t n = 0;
    fd_complaint_event init = FD_COMPLAINT_EVENT_INIT;
    e[n] = init;
    e[n].id = 1;
    e[n].complaint_id = 1;
    e[n].kind = "register";
    e[n].to_state = "registered";
    e[n].created_at = c.received_at;
    n++;

    static char notes[MAX_EVENTS][96], sev[MAX_EVENTS][16];
    int64_t at = c.received_at;
    while (f.n > 0 && n < MAX_EVENTS) {
        fd_complaint_step s = FD_COMPLAINT_STEP_INIT;
        s.kind = PICK(STEPS, &f);
        uint8_t has = fz_u8(&f);
        s.note = has & 1 ? fz_str(&f, notes[n], sizeof notes[n]) : NULL;
        s.valid = has & 2 ? 0 : (has & 4 ? 1 : (int)fz_num(&f));
        s.department_id = has & 8 ? fz_num(&f) : 7;
        s.promised_at = instant(&f, at);
        s.cause = has & 16 ? "电梯控制板老化" : NULL;
        s.responsible = has & 16 ? "李工" : NULL;
        s.solution = has & 32 ? "更换控制板" : NULL;
        s.proposal_id = fz_num(&f);
        s.satisfaction = PICK(SATISFACTION, &f);
        const char *v = PICK(SEVERITIES, &f);
        snprintf(sev[n], sizeof sev[n], "%s", v); /* a copy the complaint keeps once applied */
        s.severity = sev[n];
        s.target = PICK(TARGETS, &f);
        s.accepted = has & 64 ? 1 : (int)(fz_u8(&f) % 3);
        int64_t when = plus(at, (int64_t)(fz_u64(&f, 3) % (3 * 86400)));
        s.happened_at = has & 128 ? instant(&f, at) : 0;
        const char *to = "unset";
        const char *before = c.state;
        fd_status rc = fd_complaint_step_check(&to, &c, &s);
        fz_status(rc);
        if (rc != FD_OK) {
            CHECK(rc == FD_EINVAL || rc == FD_ERANGE || rc == FD_ESTATE);
            CHECK(is(to, "unset") && c.state == before);
            const char *m = fd_error_last()->message;
            CHECK(strstr(m, "fd_complaint_step_check: ") == m);
            if (rc == FD_ESTATE && a_state(c.state) && strstr(m, "state: "))
                CHECK(strstr(m, c.state) != NULL);
            continue;
        }
        CHECK(a_state(to));
        int64_t happened = s.happened_at ? s.happened_at : when;
        if (happened < at || happened > when)
            continue; /* the store refuses a step before the last event (fd__step_check): never an event */
        at = happened;
        apply(&c, &s, to, at);
        e[n] = init;
        e[n].id = (int64_t)n + 1;
        e[n].complaint_id = 1;
        e[n].kind = s.kind;
        e[n].from_state = before;
        e[n].to_state = to;
        e[n].detail = is(s.kind, "escalate") ? s.target : NULL;
        e[n].created_at = when;
        e[n].happened_at = s.happened_at;
        n++;
        fd_complaint_target_plan p[FD_COMPLAINT_TARGETS_MAX];
        size_t np = 0;
        if (fd_complaint_target_plan_of(p, &np, c.severity, NULL) != FD_OK)
            continue;
        int64_t now = fz_u8(&f) < 250 ? plus(at, (int64_t)(fz_u64(&f, 3) % (30 * 86400))) : fz_i64(&f);
        for (size_t i = 0; i < np; i++)
            check_clock(&p[i], &c, e, n, now);
    }
    /* Events out of order, or of another complaint, are refused. */
    fd_complaint_target_plan p[FD_COMPLAINT_TARGETS_MAX];
    size_t np = 0;
    fd_complaint_clock k0;
    if (n >= 2 && fd_complaint_target_plan_of(p, &np, c.severity, NULL) == FD_OK &&
        fd_complaint_target_eval(&k0, &p[0], &c, e, n, fz_calendar(), NULL, at) != FD_ERANGE) {
        /* The instants pass (they are checked first): the list's order and owner are what is refused. */
        fd_complaint_event swapped[MAX_EVENTS];
        memcpy(swapped, e, n * sizeof *e);
        swapped[0] = e[1];
        swapped[1] = e[0];
        fd_complaint_clock k;
        CHECK(fd_complaint_target_eval(&k, &p[0], &c, swapped, n, fz_calendar(), NULL, at) == FD_EINVAL);
        memcpy(swapped, e, n * sizeof *e);
        swapped[n - 1].complaint_id = 2;
        CHECK(fd_complaint_target_eval(&k, &p[0], &c, swapped, n, fz_calendar(), NULL, at) == FD_EINVAL);
    }
    return 0;
}
