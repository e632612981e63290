/*
 * plans.h: repair work orders and their hand-offs, follow-ups, callbacks,
 * specialists, visit plans, surveys and the monthly summary (issue 15). The
 * record and filter constructors come first (plans_records.i); the store's
 * side of the module is in store.h.
 */
%include "swig/plans_records.i"

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

%include "frontdesk/plans.h"
