/*
 * The repairs part of the plans module's pure rules (frontdesk/plans.h,
 * issue 15 items 1-2): the work order's checks and its lifecycle as one table
 * of states and steps (R-PLN-6), the follow-up's due on the site's calendar
 * (R-PLN-1) and the assignment policy's pick. No SQLite, no store: the store
 * calls the same functions over the stored values.
 */
#include "internal.h"
#include "plans_internal.h"
#include "frontdesk/plans.h"
#include "frontdesk/phone.h"

#include <stdio.h>
#include <string.h>

static bool is(const char *s, const char *code)
{
    return s != NULL && strcmp(s, code) == 0;
}

/* --- the record (R-PLN-6) --------------------------------------------------- */

fd_status fd_repair_validate(const fd_repair *r)
{
    static const char fn[] = "fd_repair_validate";
    fd_status rc = fd__check_ptr(fn, "r", r);
    if (rc)
        return rc;
    if ((rc = fd_repair_check(r)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    if ((rc = fd__code_check(&fd__plan_codes, fn, "repair.channel", "channel", r->channel, false)) != FD_OK ||
        (rc = fd__code_check(&fd__plan_codes, fn, "repair.category", "category", r->category, false)) != FD_OK)
        return rc;
    if (r->skill && r->skill[0] && (rc = fd__check_code(fn, "repair.skill", r->skill, true)) != FD_OK)
        return rc;
    if (r->unit_id <= 0 && fd__text_blank(r->address))
        return fd__error(FD_EINVAL, "%s: repair.address: is required when there is no unit: where the work is "
                         "(3号楼电梯厅) (R-PLN-6)", fn);
    if (r->contact && r->contact[0]) {
        fd_phone ph;
        if ((rc = fd_phone_parse(&ph, r->contact)) != FD_OK)
            return fd__error_rename(rc, fn, "repair.contact");
    }
    if ((r->agreed_from != 0) != (r->agreed_to != 0))
        return fd__error(FD_EINVAL, "%s: %s: the convenient time agreed is a from and a to: both or neither", fn,
                         r->agreed_from ? "repair.agreed_to" : "repair.agreed_from");
    if (r->agreed_from != 0 && r->agreed_to <= r->agreed_from)
        return fd__error(FD_ERANGE, "%s: repair.agreed_to: not after agreed_from: the time agreed ends after it "
                         "starts", fn);
    if (r->created_at != 0 && r->received_at > r->created_at)
        return fd__error(FD_ERANGE, "%s: repair.received_at: after the registration: the customer asked first",
                         fn);
    return FD_OK;
}

/* --- the lifecycle (R-PLN-6) ---------------------------------------------------- */

/* The states in the order of the repair_state list; a step's `from` is a set of them. */
enum {
    S_RECEIVED = 1 << 0,
    S_DISPATCHED = 1 << 1,
    S_ACCEPTED = 1 << 2,
    S_PAUSED = 1 << 3,
    S_DONE = 1 << 4,
    S_FOLLOWED_UP = 1 << 5,
    S_CLOSED = 1 << 6,
};
#define S_OPEN (S_RECEIVED | S_DISPATCHED | S_ACCEPTED | S_PAUSED)
#define S_HANDLED (S_DISPATCHED | S_ACCEPTED | S_PAUSED)

/* What a step must carry. */
enum { N_HANDLER = 1, N_NOTE = 2 };

/*
 * The state machine in one table, in lifecycle order (fd_repair_steps_allowed()
 * lists in this order): the states a step may be taken in, the state it leads
 * to (NULL: it stays) and what it must carry. followup and rework are a
 * follow-up's outcome (fd_store_followup_record()): fixed, not fixed.
 */
static const struct step_rule {
    const char *kind;
    unsigned from;
    const char *to;
    unsigned needs;
} RULES[] = {
    { "dispatch", S_RECEIVED, "dispatched", N_HANDLER },
    { "accept", S_DISPATCHED, "accepted", 0 },
    { "transfer", S_HANDLED, "dispatched", N_HANDLER },
    { "return", S_HANDLED, "received", N_NOTE },
    { "pause", S_ACCEPTED, "paused", N_NOTE },
    { "resume", S_PAUSED, "accepted", 0 },
    { "done", S_ACCEPTED, "done", 0 },
    { "leak_test", S_DONE, NULL, 0 },
    { "followup", S_DONE, "followed_up", 0 },
    { "rework", S_DONE, "dispatched", 0 },
    { "close", S_FOLLOWED_UP, "closed", 0 },
    { "close_undone", S_OPEN, "closed", N_NOTE },
};
#define NRULES (sizeof RULES / sizeof RULES[0])

static unsigned state_bit(const char *state)
{
    unsigned i = 0;
    for (const fd__code *e = fd__codes_of(&fd__plan_codes, "repair_state"); e && e->code; e++, i++)
        if (is(state, e->code))
            return 1u << i;
    return 0;
}

static void allowed_list(char *b, size_t cap, unsigned bit)
{
    size_t n = 0;
    b[0] = '\0';
    for (size_t i = 0; i < NRULES && n + 1 < cap; i++)
        if (RULES[i].from & bit)
            n += (size_t)snprintf(b + n, cap - n, "%s%s", n ? ", " : "", RULES[i].kind);
    if (n == 0)
        snprintf(b, cap, "no step");
}

fd_status fd_repair_step_init(fd_repair_step *step, unsigned int version)
{
    fd_status rc = fd__check_ptr("fd_repair_step_init", "step", step);
    if (rc)
        return rc;
    if (version != FD_REPAIR_STEP_VERSION)
        return fd__error(FD_EINVAL, "fd_repair_step_init: version: %u, this library knows %d", version,
                         FD_REPAIR_STEP_VERSION);
    fd_repair_step init = FD_REPAIR_STEP_INIT;
    *step = init;
    return FD_OK;
}

fd_status fd_repair_steps_allowed(fd_buf *out, const char *state)
{
    static const char fn[] = "fd_repair_steps_allowed";
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    unsigned bit = state_bit(state);
    if (bit == 0)
        return fd__code_check(&fd__plan_codes, fn, "state", "repair_state", state ? state : "", false);
    char list[256];
    allowed_list(list, sizeof list, bit);
    return fd__buf_puts(out, list);
}

/* FD_ESTATE naming the state (and its label) and what it allows, after @why. */
static fd_status refused(const char *fn, const char *state, const char *why)
{
    char list[256];
    allowed_list(list, sizeof list, state_bit(state));
    return fd__error(FD_ESTATE, "%s: state: %s (%s) allows %s; %s", fn, state, fd_plan_code_label("repair_state", state),
                     list, why);
}

fd_status fd_repair_step_check(const char **to_state, const fd_repair *r, const fd_repair_step *step)
{
    static const char fn[] = "fd_repair_step_check";
    fd_status rc = fd__check_ptr(fn, "to_state", to_state);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "r", r);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "step", step);
    if (rc)
        return rc;
    if (step->version != FD_REPAIR_STEP_VERSION)
        return fd__error(FD_EINVAL, "%s: step.version: %u, this library knows %d", fn, step->version,
                         FD_REPAIR_STEP_VERSION);
    if (state_bit(r->state) == 0)
        return fd__code_check(&fd__plan_codes, fn, "r.state", "repair_state", r->state ? r->state : "", false);
    const struct step_rule *rule = NULL;
    for (size_t i = 0; i < NRULES && rule == NULL; i++)
        if (is(step->kind, RULES[i].kind))
            rule = &RULES[i];
    if (rule == NULL) {
        if (is(step->kind, "receive"))
            return fd__error(FD_EINVAL, "%s: step.kind: receive is the registration (fd_store_repair_add), not a "
                             "step", fn);
        return fd__code_check(&fd__plan_codes, fn, "step.kind", "repair_step", step->kind ? step->kind : "", false);
    }
    if (!(rule->from & state_bit(r->state))) {
        char why[64];
        snprintf(why, sizeof why, "not %s", rule->kind);
        return refused(fn, r->state, why);
    }
    bool leak = is(r->category, "leak");
    if (is(rule->kind, "leak_test") && !leak)
        return refused(fn, r->state, "not leak_test: only a leak repair has a leak test (R-PLN-1)");
    if (is(rule->kind, "leak_test") && r->leak_tested_at != 0)
        return refused(fn, r->state, "not leak_test: its leak test passed already (R-PLN-1)");
    if (is(rule->kind, "followup") && leak && r->leak_tested_at == 0)
        return refused(fn, r->state, "not followup: a leak repair is followed up after its leak test (R-PLN-1)");
    if (is(rule->kind, "transfer") && step->handler_id == r->handler_id)
        return fd__error(FD_EINVAL, "%s: step.handler_id: it is with %lld already: a transfer gives it to another "
                         "handler", fn, (long long)r->handler_id);
    if ((rule->needs & N_HANDLER) && step->handler_id <= 0)
        return fd__error(FD_EINVAL, "%s: step.handler_id: is required: who gets the work order (R-PLN-6)", fn);
    if (!(rule->needs & N_HANDLER) && step->handler_id != 0)
        return fd__error(FD_EINVAL, "%s: step.handler_id: a %s step names no handler (dispatch and transfer do)",
                         fn, rule->kind);
    if ((rc = fd__check_note(fn, "step.note", step->note, 500, (rule->needs & N_NOTE) != 0)) != FD_OK)
        return rc;
    if (step->happened_at != 0 && (rc = fd__check_instant(fn, "step.happened_at", step->happened_at)) != FD_OK)
        return rc;
    if (step->happened_at != 0 && step->happened_at < r->received_at) {
        char d[FD__DURATION_MAX];
        fd__duration_words(d, r->received_at - step->happened_at);
        return fd__error(FD_ERANGE, "%s: step.happened_at: %s before the repair was asked for", fn, d);
    }
    const char *to = rule->to ? rule->to : r->state;
    for (const fd__code *e = fd__codes_of(&fd__plan_codes, "repair_state"); e->code; e++)
        if (is(to, e->code))
            *to_state = e->code;
    return FD_OK;
}

/* --- the follow-up's due (R-PLN-1) ---------------------------------------------- */

fd_status fd_followup_due(fd_followup_plan *out, const fd_repair *r, const fd_calendar *cal, const fd_policy *policy)
{
    static const char fn[] = "fd_followup_due";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "r", r);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "cal", cal);
    if (rc == FD_OK)
        rc = fd__code_check(&fd__plan_codes, fn, "r.category", "category", r->category, false);
    if (rc)
        return rc;
    fd_followup_plan p;
    memset(&p, 0, sizeof p);
    p.version = FD_FOLLOWUP_PLAN_VERSION;
    if (is(r->category, "leak")) {
        p.policy_key = "followup.leak_repair_days";
        p.start_at = r->leak_tested_at;
    } else {
        p.policy_key = is(r->category, "safety") ? "followup.safety_repair_days" : "followup.other_repair_days";
        p.start_at = r->done_at;
    }
    if (r->done_at == 0)
        return fd__error(FD_ESTATE, "%s: r.done_at: the work is not done: a follow-up counts from its end (R-PLN-1)",
                         fn);
    if (p.start_at == 0)
        return fd__error(FD_ESTATE, "%s: r.leak_tested_at: a leak repair's follow-up counts from its leak test, not "
                         "passed yet (R-PLN-1)", fn);
    if ((rc = fd_policy_get_deadline(&p.amount, &p.unit, policy, p.policy_key)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    fd_buf version = FD_BUF_INIT;
    rc = fd_calendar_deadline_info(&p.due_at, &p.provisional, &version, cal, p.start_at, p.amount, p.unit, policy);
    fd_buf_dispose(&version);
    if (rc)
        return fd__error_rename(rc, fn, NULL);
    *out = p;
    return FD_OK;
}

fd_status fd_followup_outcome_check(const char *method, const char *result, const char *satisfaction,
                                    const char *said)
{
    static const char fn[] = "fd_followup_outcome_check";
    fd_status rc = fd__code_check(&fd__plan_codes, fn, "method", "method", method, false);
    if (rc == FD_OK)
        rc = fd__code_check(&fd__plan_codes, fn, "result", "result", result, false);
    if (rc == FD_OK)
        rc = fd__code_check(&fd__plan_codes, fn, "satisfaction", "satisfaction", satisfaction, !is(result, "fixed"));
    if (rc == FD_OK)
        rc = fd__check_note(fn, "said", said, 1000, false);
    return rc;
}

/* --- assignment (R-PLN-6) ---------------------------------------------------------- */

static const char *const ASSIGNMENTS[] = { "desk", "round_robin", "least_open" };

const char *fd_repair_assignment_code(int64_t value)
{
    return value >= 0 && value < 3 ? ASSIGNMENTS[value] : NULL;
}

/* The round-robin distance of @m after @last: members above it come first, in id order, then the others. */
static bool rr_before(int64_t a, int64_t b, int64_t last)
{
    bool a_after = a > last, b_after = b > last;
    if (a_after != b_after)
        return a_after;
    return a < b;
}

fd_status fd_repair_pick_handler(int64_t *out, const char *assignment, const int64_t *members, size_t members_len,
                                 const int64_t *open_counts, size_t open_counts_len, int64_t last_assigned)
{
    static const char fn[] = "fd_repair_pick_handler";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__code_check(&fd__plan_codes, fn, "assignment", "assignment", assignment, false);
    if (rc == FD_OK && members_len && members == NULL)
        rc = fd__check_ptr(fn, "members", members);
    if (rc == FD_OK && open_counts_len && open_counts == NULL)
        rc = fd__check_ptr(fn, "open_counts", open_counts);
    if (rc)
        return rc;
    bool least = is(assignment, "least_open");
    if (least && open_counts_len != members_len)
        return fd__error(FD_EINVAL, "%s: open_counts_len: %zu counts for %zu members: one each", fn, open_counts_len,
                         members_len);
    for (size_t i = 0; i < members_len; i++) {
        if (members[i] <= 0)
            return fd__error(FD_EINVAL, "%s: members[%zu]: %lld is no member of staff (> 0)", fn, i,
                             (long long)members[i]);
        for (size_t k = 0; k < i; k++)
            if (members[k] == members[i])
                return fd__error(FD_EINVAL, "%s: members[%zu]: %lld is members[%zu] too", fn, i,
                                 (long long)members[i], k);
        if (i < open_counts_len && open_counts[i] < 0)
            return fd__error(FD_EINVAL, "%s: open_counts[%zu]: %lld is negative", fn, i, (long long)open_counts[i]);
    }
    int64_t pick = 0, pick_open = 0;
    if (!is(assignment, "desk")) {
        for (size_t i = 0; i < members_len; i++) {
            int64_t open = least ? open_counts[i] : 0;
            if (pick == 0 || open < pick_open || (open == pick_open && rr_before(members[i], pick, last_assigned))) {
                pick = members[i];
                pick_open = open;
            }
        }
    }
    *out = pick;
    return FD_OK;
}
