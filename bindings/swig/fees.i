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

/* arrears, dunning, notices (helper C): the library's results are read-only (their strings are
 * static or belong to the fd_arrears they came from); a notice built in Python or Java owns copies
 * of its strings (the memberin typemap), freed by its destructor. */
%immutable fd_dunning_plan::step;
%immutable fd_arrears_row::unit;
%immutable fd_arrears_row::last_step;
%immutable fd_arrears_row::next_step;
%extend fd_fee_notice {
    fd_fee_notice() {
        fd_fee_notice *p = (fd_fee_notice *)calloc(1, sizeof *p);
        if (p) p->version = FD_FEE_NOTICE_VERSION;
        return p;
    }
    ~fd_fee_notice() {
        free((void *)$self->site);
        free((void *)$self->unit);
        free((void *)$self->payer);
        free((void *)$self->periods);
        free($self);
    }
}

%include "frontdesk/fees.h"
