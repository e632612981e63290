/*
 * plans.h: repair work orders and their hand-offs, follow-ups, callbacks,
 * specialists, visit plans, surveys and the monthly summary (issue 15). The
 * record and filter constructors come first (plans_records.i); the store's
 * side of the module is in store.h.
 */
%include "swig/plans_records.i"

/* --- P1 repairs: a step built in Python or Java owns copies of its strings, freed here; a
 * follow-up plan's key is the library's static string; the assignment's lists are int lists. */
%extend fd_repair_step {
    fd_repair_step() {
        fd_repair_step *p = (fd_repair_step *)calloc(1, sizeof *p);
        if (p) p->version = FD_REPAIR_STEP_VERSION;
        return p;
    }
    ~fd_repair_step() {
        free((void *)$self->kind);
        free((void *)$self->note);
        free($self);
    }
}
%immutable fd_followup_plan::policy_key;
/* SWIG spells int64_t long long in the call: the lists pass as the typemap built them. */
%feature("action") fd_repair_pick_handler {
  result = (fd_status)fd_repair_pick_handler(arg1, (const char *)arg2, (const int64_t *)arg3, arg4,
                                             (const int64_t *)arg5, arg6, arg7);
}
%apply (const int64_t *pauses, size_t pauses_len) { (const int64_t *members, size_t members_len),
                                                    (const int64_t *open_counts, size_t open_counts_len) };
/* --- end P1 repairs */

/* --- callbacks and specialists (P2) ---------------------------------------
 * The team's parallel arrays are lists of int (long[] in Java), as the SLA's
 * pauses; SWIG reads int64_t as long long: call with the C type. */
%apply (const int64_t *pauses, size_t pauses_len) {
    (const int64_t *ids, size_t ids_len), (const int64_t *levels, size_t levels_len),
    (const int64_t *counts, size_t counts_len)
};
%feature("action") fd_assign_balance {
  result = (fd_status)fd_assign_balance(arg1, (const int64_t *)arg2, arg3, (const int64_t *)arg4, arg5,
                                        (const int64_t *)arg6, arg7);
}
%feature("action") fd_assign_rebalance {
  result = (fd_status)fd_assign_rebalance(arg1, (const int64_t *)arg2, arg3, (const int64_t *)arg4, arg5,
                                          (const int64_t *)arg6, arg7);
}
%immutable fd_callback_plan::basis;
/* --- end of callbacks and specialists (P2) --- */

/* --- visit plans, surveys, the monthly summary (P3) ------------------------
 * A recurring problem's kind is a static string, its category and a survey
 * result's question belong to their accumulator / results: read-only. A
 * question's text comes out as a string like every fd_buf output. */
%immutable fd_recurring_row::kind;
%immutable fd_recurring_row::category;
%immutable fd_survey_result_row::question;
%apply fd_buf *out { fd_buf *text };
/* --- end of visit plans, surveys, the monthly summary (P3) --- */

%include "frontdesk/plans.h"
