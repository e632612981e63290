/*
 * fees.h: fee items and rates, bills in exact fen, allocation, receipts,
 * arrears, dunning and the limitation clock, notices (issue 14). The record
 * and filter constructors come first (fees_records.i); the store's side of
 * the module is in store.h.
 */
%include "swig/fees_records.i"

/* cash desk (helper B): a series' receipt numbers come as a list of ints / long[]. */
%apply (const int64_t *pauses, size_t pauses_len) { (const int64_t *numbers, size_t count) };
%feature("action") fd_fee_receipt_gaps {
  result = (fd_status)fd_fee_receipt_gaps(arg1, arg2, (const int64_t *)arg3, arg4, arg5, arg6);
}

%include "frontdesk/fees.h"
