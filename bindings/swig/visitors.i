/*
 * visitors.h: the visitor log, ID documents, plates and the blocklist's pure
 * rules (issue 12, items 2-4). The record and filter constructors come first
 * (visitors_records.i); the store's side of the module is in store.h.
 */
%include "swig/visitors_records.i"

/* An ID document built in Python or Java owns copies of its strings, freed here. */
%extend fd_id_document {
    fd_id_document() {
        fd_id_document *p = (fd_id_document *)calloc(1, sizeof *p);
        if (p) p->version = FD_ID_DOCUMENT_VERSION;
        return p;
    }
    ~fd_id_document() {
        free((void *)$self->type);
        free((void *)$self->number);
        free($self);
    }
}

/* A parsed ID number is filled by the library: read-only in the bindings. */
%immutable fd_id_number::type;
%immutable fd_id_number::number;
%immutable fd_id_number::masked;

/* fd_goods_items_compare's difference is an output string like any `fd_buf *out`. */
%apply fd_buf *out { fd_buf *difference };

%include "frontdesk/visitors.h"
