/*
 * Private parts of the store's side of the complaints module (issue 13),
 * shared by complaints_store.c (registering, the steps, the clock) and the
 * store code that recomputes targets (the queue, new holiday data): a
 * complaint as its clocks need it, its events as stored, and the one
 * function that writes targets from the events (fd__complaint_targets), so
 * that a stored target is always what fd_complaint_target_eval() says of
 * its events. The rules are the module's public, pure functions
 * (frontdesk/complaints.h).
 */
#ifndef FRONTDESK_STORE_COMPLAINTS_STORE_H
#define FRONTDESK_STORE_COMPLAINTS_STORE_H

#include "store/complaints_records.h"
#include "store/record.h"

/*
 * What the lifecycle and the clocks read of a complaint (no personal data):
 * `c` points into the arrays, c.id set; `last_event` and `last_at` are its
 * last event's id and instant (happened_at, else created_at), read in the
 * same statement, so that a step can be made conditional on them.
 */
typedef struct fd__complaint_now {
    fd_complaint c;
    char severity[17], state[17], validity[9];
    int64_t last_event, last_at;
} fd__complaint_now;

/* The first checks of every store function of complaints, in order: the output @out (when @out_name), the
 * store, the input @in (when @in_name), the actor. */
fd_status fd__complaint_prologue(const char *fn, const char *out_name, const void *out, fd_store *store,
                                 const char *in_name, const void *in, const fd_actor *actor);

/* A manager marks a row of the site's once (a category or a reply phrase retired): the prologue, the manage
 * grant, fd__store_mark_once journaled. */
fd_status fd__complaint_mark(const char *fn, fd_store *store, const fd_actor *actor, const fd__mark *m, int64_t id);

/* Complaint @id of site @site_id (FD_ENOTFOUND naming @field otherwise). */
fd_status fd__complaint_now_load(fd__complaint_now *out, fd_store *s, const char *fn, const char *field, int64_t id,
                                 int64_t site_id);

/* A complaint's events as stored, in id order: what the clocks replay. */
typedef struct fd__complaint_events {
    fd_complaint_event *v; /* v[0 .. n - 1], their strings in `text` */
    size_t n;
    char (*text)[4][201];  /* kind, from_state, to_state, detail of each */
} fd__complaint_events;

fd_status fd__complaint_events_load(fd__complaint_events *out, fd_store *s, const char *fn, int64_t complaint_id);
void fd__complaint_events_free(fd__complaint_events *ev);

/*
 * Writes the targets of complaint @c (as it stands after the write in
 * progress: severity, harm) from its events @ev, at the actor's instant, on
 * the site's calendar @cal and @policy, inside the caller's write bracket:
 * with @plan, a new target per target of the severity's plan (registration,
 * a severity change); without, every target in force is recomputed with the
 * terms it was set with (its amount and unit), its start, due, pause, met,
 * calendar version and harm updated; a breach found is recorded once
 * (breached_at, never changed after). *@changed (may be NULL) counts the
 * targets whose start, due, pause, met or provisional flag changed (newer
 * holiday data: a due counted on a provisional year now counts on the data).
 */
fd_status fd__complaint_targets(fd_store *s, const char *fn, const fd_actor *actor, const fd_complaint *c,
                                const fd__complaint_events *ev, const fd_calendar *cal, const fd_policy *policy,
                                bool plan, int64_t *changed);

#endif
