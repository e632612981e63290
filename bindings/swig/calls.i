/*
 * calls.h: the call register, CDR parsing and assembly, messages, the
 * directory's screening and the guest answer (issue 11). The record and
 * filter constructors come first (calls_records.i); the store's side of the
 * module is in store.h.
 */
%include "swig/calls_records.i"

/* The decision's strings are static. */
%immutable fd_screen_decision::script;
%immutable fd_screen_decision::rule;

%include "frontdesk/calls.h"
