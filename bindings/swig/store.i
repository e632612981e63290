/*
 * store.h: the site database. Records (site, staff, journal entry, reveal)
 * and their filters are built in Python or Java through the generated
 * %extend constructors/destructors of store_records.i (included here so that
 * they precede the header; SWIG includes each file once); their const char *
 * members hold copies (the memberin typemap in frontdesk.i).
 */
%include "swig/store_records.i"

/* An actor built in Python or Java owns a copy of its reason, freed here. */
%extend fd_actor {
    fd_actor() {
        fd_actor *p = (fd_actor *)calloc(1, sizeof *p);
        if (p) p->version = FD_ACTOR_VERSION;
        return p;
    }
    ~fd_actor() {
        free((void *)$self->reason);
        free($self);
    }
}

/* Store options built in Python or Java own a copy of the key file's name, freed here. */
%extend fd_store_options {
    fd_store_options() {
        fd_store_options *p = (fd_store_options *)calloc(1, sizeof *p);
        if (p) p->version = FD_STORE_OPTIONS_VERSION;
        return p;
    }
    ~fd_store_options() {
        free((void *)$self->key_file);
        free($self);
    }
}

/* Outputs named for what they hold take the typemaps of their kind (the typemaps match by name). */
%apply fd_buf *out { fd_buf *rejects };
%apply SWIGTYPE **out { fd_guest **out_guest };

/* CDR import options built in Python or Java own copies of their strings. */
%extend fd_cdr_options {
    fd_cdr_options() {
        fd_cdr_options *p = (fd_cdr_options *)calloc(1, sizeof *p);
        if (p) p->version = FD_CDR_OPTIONS_VERSION;
        return p;
    }
    ~fd_cdr_options() {
        free((void *)$self->dialect);
        free((void *)$self->source);
        free((void *)$self->time_zone);
        free((void *)$self->column_map);
        free($self);
    }
}

/*
 * Deprecated C names (one release): the bindings keep their own old method
 * names as deprecated aliases over the new functions, so these are not bound.
 */
%ignore fd_store_add_site;
%ignore fd_store_add_staff;
%ignore fd_store_set_staff_active;
%ignore fd_store_journal_append;
%ignore fd_store_load_policy;
%ignore fd_store_set_policy;
%ignore fd_store_reset_policy;

/*
 * The property register's results are the library's: a hit's strings belong
 * to its page (setting one would free memory the page owns), a resident
 * check's arrays are filled by the call.
 */
%immutable fd_property_hit::name;
%immutable fd_property_hit::phone;
%immutable fd_property_hit::unit;
%immutable fd_property_hit::organisation;
%immutable fd_property_hit::department;
%immutable fd_property_hit::role;
%immutable fd_resident_check::unit;
%immutable fd_resident_check::role;
%immutable fd_resident_check::basis;
/* The visitors module's results are filled by the library. */
%immutable fd_blocklist_match::level;
%immutable fd_blocklist_match::basis;
%immutable fd_blocklist_match::reason;
%immutable fd_visit_registration::state;
%immutable fd_visit_registration::blocklist;

/* fees, billing (helper A): the units of a bill run come as a list of ints (Python) / long[] (Java),
 * as fd_sla_restore's pauses do; SWIG reads int64_t as long long: call it with the C type. */
%apply (const int64_t *pauses, size_t pauses_len) { (const int64_t *unit_ids, size_t count) };
%feature("action") fd_store_bill_generate {
  result = (fd_status)fd_store_bill_generate(arg1, arg2, arg3, arg4, arg5, (const int64_t *)arg6, arg7);
}

/* fees, cash desk (helper B): the chosen bills of a payment come as a list of ints / long[]; the look-up's
 * strings belong to the look-up. */
%apply (const int64_t *pauses, size_t pauses_len) { (const int64_t *bill_ids, size_t count) };
%feature("action") fd_store_payment_add {
  result = (fd_status)fd_store_payment_add(arg1, arg2, arg3, arg4, arg5, (const int64_t *)arg6, arg7);
}
%immutable fd_fee_lookup_info::unit_number;
%immutable fd_fee_lookup_info::owner;

%include "frontdesk/store.h"

/* The verify report is filled by the library: read-only in the bindings. */
%immutable fd_store_verify_report::problem;
%immutable fd_store_verify_report::uuid;
%immutable fd_store_verify_report::head;
