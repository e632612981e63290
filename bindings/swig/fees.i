/*
 * fees.h: fee items and rates, bills in exact fen, allocation, receipts,
 * arrears, dunning and the limitation clock, notices (issue 14). The record
 * and filter constructors come first (fees_records.i); the store's side of
 * the module is in store.h.
 */
%include "swig/fees_records.i"

%include "frontdesk/fees.h"
