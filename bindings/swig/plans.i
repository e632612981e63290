/*
 * plans.h: repair work orders and their hand-offs, follow-ups, callbacks,
 * specialists, visit plans, surveys and the monthly summary (issue 15). The
 * record and filter constructors come first (plans_records.i); the store's
 * side of the module is in store.h.
 */
%include "swig/plans_records.i"

%include "frontdesk/plans.h"
