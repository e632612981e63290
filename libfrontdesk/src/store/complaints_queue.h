/*
 * Private parts of the breach queue and the work over it (complaints_queue.c):
 * the SQL that reads the open targets (shared with the white-box test that
 * checks its plans: every statement searches complaint_targets_site_queue or
 * complaints_site_unanswered, none scans) and the recomputation that new
 * holiday data runs (calendar_data.c).
 */
#ifndef FRONTDESK_STORE_COMPLAINTS_QUEUE_H
#define FRONTDESK_STORE_COMPLAINTS_QUEUE_H

#include "store/store_internal.h"

/*
 * The condition and order of a queue page (fd__record_query_sql's @cond_order
 * over complaint_targets) for @kind (FD_COMPLAINT_*): ?3 the last due
 * instant wanted; after a row of harm @after_harm (-1: the first page), ?4
 * and ?5 that row's due and id. NULL for another kind.
 */
const char *fd__complaint_queue_cond(int kind, int after_harm);

/* Marks the site's (?1) open targets past due at ?2 breached at ?2 (through the queue's index). */
extern const char fd__complaint_breach_mark_sql[];

/* The site's (?1) targets past due at ?2 not escalated yet, in queue order: id, complaint_id, target. */
extern const char fd__complaint_to_escalate_sql[];

/* The site's (?1) targets in force and open, in id order (complaint_targets_site_open): what is recomputed. */
extern const char fd__complaint_open_targets_sql[];

/* The end-of-day page's condition: received in [?3, ?4), id > ?5, no contact, answer or reply, open. */
extern const char fd__complaint_unanswered_cond[];

/*
 * Recomputes every target in force of the actor's site's complaints with open
 * targets, on the site's calendar as the store has it now, inside the
 * caller's write bracket (fd_store_complaint_recompute, holiday data loaded).
 * *@changed gets how many targets changed (start, due, pause, met, provisional).
 */
fd_status fd__complaint_recompute(int64_t *changed, fd_store *s, const char *fn, const fd_actor *actor);

#endif
