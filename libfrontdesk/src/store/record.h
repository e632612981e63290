/*
 * The record engine: one generic implementation of validation, insert, select,
 * filters, keyset paging, search keys and personal-data masking, driven by the
 * field tables that scripts/gen/records.py writes from libfrontdesk/records/NAME.rec
 * (into src/<module>/<module>_records.c). A module's hand-written code calls
 * these with its record's table; it writes no bind or column code per field.
 */
#ifndef FRONTDESK_STORE_RECORD_H
#define FRONTDESK_STORE_RECORD_H

#include "store/store_internal.h"
#include "frontdesk/pii.h"

/* Field types of the declarations (TYPE column). */
typedef enum fd__ftype {
    FD__T_ID,      /* int64 row id, assigned by the store */
    FD__T_TEXT,    /* const char *, UTF-8 */
    FD__T_CODE,    /* const char *, [A-Za-z0-9._-] */
    FD__T_LCODE,   /* const char *, [a-z0-9._-] */
    FD__T_ZONE,    /* const char *, IANA zone; empty = Asia/Shanghai */
    FD__T_INSTANT, /* int64 UTC seconds in FD_INSTANT_MIN..FD_INSTANT_MAX */
    FD__T_DATE,    /* fd_date, stored as 'YYYY-MM-DD' */
    FD__T_FEN,     /* int64 fen */
    FD__T_INT,     /* int64 >= 0 */
    FD__T_BOOL,    /* int, 0 or 1 */
    FD__T_REF      /* int64 id of another record, 0 = none (NULL in the table) */
} fd__ftype;

/* Where a field's value comes from on insert (SRC column). */
typedef enum fd__fsrc {
    FD__S_IN,    /* the caller's record */
    FD__S_DB,    /* the table's default or the row id: not inserted */
    FD__S_SITE,  /* the actor's site */
    FD__S_STAFF, /* the actor's member of staff (0 = the system, stored as NULL) */
    FD__S_AT     /* the actor's instant */
} fd__fsrc;

typedef struct fd__field {
    const char *name;     /* field and column name */
    const char *qname;    /* "record.field", for messages */
    fd__ftype type;
    const char *label;    /* Chinese label, for reports and forms */
    size_t max;           /* longest string in bytes, 0 for numbers */
    bool required;
    int pii;              /* fd_pii_class */
    bool search;          /* carries search keys */
    fd__fsrc src;
    const char *rule;
    const char *ref_sql;  /* SELECT 1 FROM <table> WHERE id = ?1, for FD__S_IN references */
    size_t offset;        /* offset in the record struct */
    uint64_t eq_bit;      /* filter bit for equality, 0 = not filterable so */
    size_t eq_offset;     /* offset of the equality value in the filter struct */
    uint64_t from_bit, to_bit; /* filter bits for a range [from, to) */
    size_t from_offset, to_offset;
} fd__field;

typedef struct fd__record {
    const char *name;       /* record name: "journal" */
    const char *ctype;      /* struct name without fd_: "journal_entry" */
    const char *table;
    unsigned int version;   /* of the struct */
    unsigned int filter_version;
    size_t size;            /* sizeof the struct */
    size_t filter_size;
    const fd__field *fields;
    size_t nfields;
    const char *sql_insert; /* static: keys the statement cache */
    const char *sql_columns;/* "id, code, ..." */
    size_t site_field;      /* index of the FD__S_SITE field, or nfields */
    bool has_pii;
    bool has_search;
    uint64_t search_bit;    /* filter bit of `search`, 0 when no field carries keys */
    size_t search_offset, after_offset, limit_offset, match_offset;
    size_t mask_when;       /* index of a bool field: personal data is masked only in rows where it is 1
                             * (`option mask_when` of the declaration); nfields = always */
} fd__record;

/* Checks the caller-supplied (FD__S_IN) fields of @rec: messages "fn: record.field: ...". */
fd_status fd__record_check(const fd__record *r, const char *fn, const void *rec);

/* Fills *@rec with the record's defaults (version set, everything else zero). */
fd_status fd__record_init(const fd__record *r, const char *fn, void *rec, unsigned int version);
fd_status fd__filter_init(const fd__record *r, const char *fn, void *filter, unsigned int version);

/*
 * Inserts @rec (checked by the caller with fd__record_check) with the actor's site, staff and instant and
 * writes its search keys. Runs inside the caller's write bracket
 * (fd__store_write_begin). *@out_id receives the row id.
 */
fd_status fd__record_insert(int64_t *out_id, fd_store *s, const char *fn, const fd__record *r, const void *rec,
                            const fd_actor *actor);

/* Writes the search keys of every row of @r (after a migration adds search keys to existing rows). */
fd_status fd__record_backfill_search(fd_store *s, const char *fn, const fd__record *r);

/* Generic iterator over one record type; the typed fd_<name>_iter is this struct. */
typedef struct fd__iter fd__iter;

/*
 * Starts a query: @actor may be NULL only for records without personal data
 * or a site field; when given it is checked, a site field is restricted to the
 * actor's site, and personal data is masked unless the actor holds
 * FD_GRANT_REVEAL (then each reveal goes to the access log, R-COM-2).
 */
fd_status fd__record_query(fd__iter **out, fd_store *s, const char *fn, const fd__record *r, const fd_actor *actor,
                           const void *filter);
/*
 * Starts a one-page query in an order of the caller's: "SELECT <columns> FROM
 * <table> WHERE <site restriction> AND @cond_order LIMIT @limit", where
 * @cond_order is a condition then an ORDER BY (static SQL of the module; its
 * parameters start at ?3 and are bound from @args as text). For orders the
 * generic id keyset cannot serve (a directory in collation order). Masking,
 * reveals and the actor as fd__record_query; @limit 1..64.
 */
fd_status fd__record_query_sql(fd__iter **out, fd_store *s, const char *fn, const fd__record *r,
                               const fd_actor *actor, const char *cond_order, const char *const *args, size_t nargs,
                               int64_t limit);

/* The next record (owned by the iterator, valid until the next call), or NULL at the end. */
fd_status fd__iter_next(const void **out, fd__iter *it, const char *fn);
void fd__iter_free(fd__iter *it);

/* One record by id, as a block the caller frees with free() (fd_<ctype>_free). */
fd_status fd__record_get(void **out, fd_store *s, const char *fn, const fd__record *r, const fd_actor *actor,
                         int64_t id);

/* Frees a record returned by fd__record_get (one block). */
void fd__record_free(void *rec);

/* --- actors (actor.c) ---------------------------------------------------- */

/* What fd__actor_check learnt about the actor. */
typedef struct fd__actor_info {
    char role[FD_CODE_MAX + 1]; /* the staff's role, "" for the system */
    bool reveal;                /* FD_GRANT_REVEAL asked for and held */
} fd__actor_info;

/*
 * Checks an actor for function @fn: version, instant range, the site exists,
 * staff (unless 0) exist, belong to the site and are active (FD_EPERM naming
 * both otherwise), and every grant asked for is given to the staff's role at
 * the site. @info may be NULL.
 */
fd_status fd__actor_check(fd_store *s, const char *fn, const fd_actor *actor, fd__actor_info *info);

/*
 * The checks of a function counting the period [@from, @to) at the actor's
 * site (fd_store_call_stats, fd_store_visit_stats): @out and @s given, both
 * instants in range, @to not before @from, then the actor.
 */
fd_status fd__period_check(fd_store *s, const char *fn, const void *out, const fd_actor *actor, int64_t from,
                           int64_t to);

/*
 * The counts of a coverage figure over the non-empty period [@from, @to) at
 * the actor's site (fd_store_followup_coverage, fd_store_callback_coverage):
 * fd__period_check(), @to after @from, the site's target in percent from
 * policy key @key into *@target_pct, then @sql (bound: site, from, to, the
 * actor's instant) run for its one row of four counts into @counts; @what
 * names it in an SQL error.
 */
/*
 * The misses of a coverage figure as a page of @r records: fd__period_check(),
 * @to after @from, @after not negative, then @sql (bound as text: from, to,
 * the actor's instant, after) through fd__record_query_sql().
 */
fd_status fd__misses_query(fd__iter **out, fd_store *s, const char *fn, const fd__record *r, const fd_actor *actor,
                           int64_t from, int64_t to, int64_t after, int64_t limit, const char *sql);

fd_status fd__coverage_counts(int64_t counts[4], int64_t *target_pct, fd_store *s, const char *fn, const void *out,
                              const fd_actor *actor, int64_t from, int64_t to, const char *key, const char *sql,
                              const char *what);

/*
 * FD_EPERM unless @actor is the system or asked for (and, being checked, holds)
 * FD_GRANT_MANAGE: for adding or deactivating staff, grants and policy.
 */
fd_status fd__actor_require_manage(const char *fn, const fd_actor *actor);

/* Appends one access-log entry (R-COM-2) inside the caller's write bracket. */
fd_status fd__reveal_log(fd_store *s, const char *fn, const fd_actor *actor, const char *record, int64_t record_id,
                         const char *field);

#endif
