/*
 * Private parts of the store's side of the calls module (issue 11), shared by
 * calls_store.c (calls, tasks, messages, stats), calls_dir.c (directory,
 * guests) and cdr_import.c. The rules themselves are the module's public,
 * pure functions (frontdesk/calls.h).
 */
#ifndef FRONTDESK_STORE_CALLS_STORE_H
#define FRONTDESK_STORE_CALLS_STORE_H

#include "store/calls_records.h"
#include "store/record.h"

/* Longest normalised phone number: national digits, '-', an extension. */
#define FD__PHONE_MAX 40

/*
 * The calendar of site @site_id for working-day deadlines (R-CALL-9): the
 * built-in holiday data in the site's zone with @policy's calendar keys
 * applied. Kept in the handle and rebuilt when the site, its zone or those
 * keys differ, so a policy change is seen at once. Owned by the handle.
 */
fd_status fd__calls_calendar(const fd_calendar **out, fd_store *s, const char *fn, int64_t site_id,
                             const fd_policy *policy);

/*
 * @text as stored: fd_phone_parse()'s national form, with "-" and the
 * extension when it has one; "" for NULL or empty (withheld). A number
 * fd_phone_parse() refuses is kept as given when @keep_unparsed (a call's
 * number that fd_call_assess() let through: an extension, a PBX's foreign
 * number), else refused naming @qname, never holding the number.
 */
fd_status fd__calls_phone(char out[FD__PHONE_MAX], const char *fn, const char *qname, const char *text,
                          bool keep_unparsed);

/*
 * FD_ENOTFOUND naming @qname unless row @id of @table ("directory", "calls")
 * belongs to site @site_id; 0 passes (no reference).
 */
fd_status fd__calls_ref_at_site(fd_store *s, const char *fn, const char *qname, const char *table, int64_t id,
                                int64_t site_id);

/*
 * Inserts a call-back (R-CALL-8) or reply (R-CALL-9) task for call @call_id
 * inside the caller's write bracket.
 */
fd_status fd__calls_task_add(int64_t *out_id, fd_store *s, const char *fn, const fd_actor *actor, int64_t call_id,
                             const char *kind, const char *number, int64_t due_at, int provisional);

#endif
