/*
 * complaints.h: complaints' records, the lifecycle's state machine, the
 * targets each severity sets and their clocks replayed from events, the
 * reply-phrase check (issue 13). The record and filter constructors come
 * first (complaints_records.i); the store's side of the module is in store.h.
 */
%include "swig/complaints_records.i"

/* A step built in Python or Java owns copies of its strings, freed here. */
%extend fd_complaint_step {
    fd_complaint_step() {
        fd_complaint_step *p = (fd_complaint_step *)calloc(1, sizeof *p);
        if (p) p->version = FD_COMPLAINT_STEP_VERSION;
        return p;
    }
    ~fd_complaint_step() {
        free((void *)$self->kind);
        free((void *)$self->note);
        free((void *)$self->cause);
        free((void *)$self->responsible);
        free((void *)$self->solution);
        free((void *)$self->satisfaction);
        free((void *)$self->severity);
        free((void *)$self->target);
        free($self);
    }
}

/* A plan's strings are the library's static codes; a clock is filled by the library. */
%immutable fd_complaint_target_plan::target;
%immutable fd_complaint_target_plan::policy_key;
%immutable fd_complaint_target_plan::start_step;
%immutable fd_complaint_target_plan::met_by;
%immutable fd_complaint_clock::version_text;

/* A reply-phrase hit's phrase is owned by the hits (fd_reply_hits_get): copied out like a step's state. */
%apply const char **to_state { const char **phrase };

%include "frontdesk/complaints.h"
