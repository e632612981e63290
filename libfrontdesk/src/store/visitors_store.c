/*
 * The store's side of the visitor log (issue 12, item 2): registering a visit
 * with its slip serial, ID document and blocklist check (R-VIS-1, R-VIS-3,
 * R-COM-2), the host's answer (R-VIS-2), check-in and check-out, the desk's
 * blocklist decision, explanations and cancellations — each a row of
 * visit_events — and "still on site", overstay and the end-of-shift check
 * (R-COM-4). The rules are the module's pure functions (frontdesk/visitors.h).
 * Nothing is deleted (R-COM-3).
 */
#include "store/visitors_store.h"
#include "store/property_store.h"
#include "frontdesk/phone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

static const char SQL_NEXT_SLIP[] = "SELECT coalesce(max(slip_no), 0) + 1 FROM visits WHERE site_id = ?1";
static const char SQL_ID_DOC_INSERT[] =
    "INSERT INTO id_documents (visit_id, site_id, hash, cipher, key_id) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_ID_PREVIOUS[] = "SELECT count(*) FROM id_documents WHERE site_id = ?1 AND hash = ?2";
static const char SQL_HOST_OCCUPANT[] = "SELECT site_id, move_in, move_out FROM occupants WHERE id = ?1";
static const char SQL_HOST_EMPLOYEE[] =
    "SELECT e.site_id, e.organisation_id, e.department_id, e.left_on, o.move_out "
    "FROM employees e JOIN organisations o ON o.id = e.organisation_id WHERE e.id = ?1";
static const char SQL_HOST_DEPARTMENT[] =
    "SELECT d.site_id, d.organisation_id, o.move_out FROM departments d JOIN organisations o "
    "ON o.id = d.organisation_id WHERE d.id = ?1";
static const char SQL_HOST_ORGANISATION[] = "SELECT site_id, move_in, move_out FROM organisations WHERE id = ?1";
static const char SQL_VISIT_STATE[] =
    "SELECT state, arrived_at, departed_at, coalesce(answer, ''), coalesce(blocklist_level, ''), answered_at, "
    "explained_at, registered_at "
    "FROM visits WHERE id = ?1 AND site_id = ?2";
/* A visit's last event: a step is not dated before it. */
static const char SQL_VISIT_LAST_EVENT[] =
    "SELECT at, kind FROM visit_events INDEXED BY visit_events_visit WHERE visit_id = ?1 ORDER BY at DESC, id DESC "
    "LIMIT 1";
static const char SQL_VISIT_SET[] =
    "UPDATE visits SET state = ?3, answer = ?4, answered_at = ?5, arrived_at = ?6, departed_at = ?7, "
    "explained_at = ?8 WHERE id = ?1 AND state = ?2";
static const char SQL_VISIT_EXPLAINED[] = "UPDATE visits SET explained_at = ?2 WHERE id = ?1";
static const char SQL_HITS_DECIDE[] =
    "UPDATE blocklist_hits SET outcome = ?2, outcome_at = ?3, outcome_by = ?4 "
    "WHERE visit_id = ?1 AND outcome = 'pending'";
static const char SQL_HITS_FORBIDDEN[] =
    "SELECT count(*) FROM blocklist_hits WHERE visit_id = ?1 AND outcome = 'pending' AND level = 'forbidden'";
/* Named: the planner's seeded statistics would take visits_site_registered, a scan of the whole site. */
static const char SQL_ONSITE_ROWS[] =
    "SELECT id, arrived_at, planned_until, explained_at FROM visits INDEXED BY visits_site_onsite "
    "WHERE site_id = ?1 AND arrived_at > 0 AND departed_at = 0";
static const char SQL_HELD_COUNT[] =
    "SELECT count(*) FROM visits INDEXED BY visits_site_held WHERE site_id = ?1 AND state = 'held'";
static const char SQL_EXPECTED_LATE[] =
    "SELECT count(*) FROM visits INDEXED BY visits_site_expected WHERE site_id = ?1 AND state = 'expected' "
    "AND planned_from >= ?3 AND planned_from <= ?2";
static const char SQL_ITEMS_OUT[] =
    "SELECT count(*), coalesce(sum(v.departed_at <> 0 OR v.state IN ('declined', 'refused', 'cancelled', 'left')), 0) "
    "FROM counted_items i JOIN visits v ON v.id = i.visit_id WHERE i.site_id = ?1 AND i.state = 'issued'";
static const char SQL_COUNTS_OPEN[] = "SELECT count(*) FROM item_counts WHERE site_id = ?1 AND state = 'open'";
static const char SQL_ID_CIPHER[] =
    "SELECT d.cipher, d.key_id FROM id_documents d JOIN visits v ON v.id = d.visit_id "
    "WHERE d.visit_id = ?1 AND v.site_id = ?2";

/* The "still on site" page: through visits_site_onsite (the partial index's terms, then the page). */
static const char COND_ONSITE[] = "arrived_at > 0 AND departed_at = 0 AND id > ?3 ORDER BY id";

/* --- small helpers ---------------------------------------------------------------- */

/* 'YYYY-MM-DD' of @d into @out. */
static void date_text(char out[16], fd_date d)
{
    snprintf(out, 16, "%04d-%02d-%02d", (int)d.year, (int)d.month, (int)d.day);
}

/*
 * Whether stored dates [@in, @out) hold @on ('YYYY-MM-DD' text; NULL @in: since
 * always, NULL @out: still). Writes why not into @why.
 */
static bool current_on(const char *in, const char *out, const char *on, char *why, size_t cap, const char *gone)
{
    if (in && *in && strcmp(on, in) < 0) {
        snprintf(why, cap, "not until %s", in);
        return false;
    }
    if (out && *out && strcmp(on, out) >= 0) {
        snprintf(why, cap, "%s on %s", gone, out);
        return false;
    }
    return true;
}

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))

/* How one kind of host is looked up: its statement (?1 = id; column 0 is the
 * site), the columns of the dates bounding its presence and what being past
 * the last one means, and the columns of the ids it brings (organisation,
 * department; -1 none). */
typedef struct host_kind {
    const char *sql, *field, *what;
    int from_col;
    int until_col[2];
    const char *gone[2];
    int id_col[2];
} host_kind;

static const host_kind HOST_OCCUPANT = { SQL_HOST_OCCUPANT, "visit.host_occupant", "occupant", 1,
                                         { 2, -1 }, { "moved out", NULL }, { -1, -1 } };
static const host_kind HOST_EMPLOYEE = { SQL_HOST_EMPLOYEE, "visit.host_employee", "employee", -1,
                                         { 3, 4 }, { "left", "their organisation left" }, { 1, 2 } };
static const host_kind HOST_DEPARTMENT = { SQL_HOST_DEPARTMENT, "visit.host_department", "department", -1,
                                           { 2, -1 }, { "its organisation left", NULL }, { 1, -1 } };
static const host_kind HOST_ORGANISATION = { SQL_HOST_ORGANISATION, "visit.host_organisation", "organisation", 1,
                                             { 2, -1 }, { "moved out", NULL }, { -1, -1 } };

/* R-VIS-1: host @id of kind @k is of site @site and there on the site's date
 * @on; ids[] gets the organisation / department it brings. Reads only. */
static fd_status host_there(fd_store *s, const char *fn, const host_kind *k, int64_t id, int64_t site, const char *on,
                            int64_t ids[2])
{
    char why[64];
    sqlite3_stmt *st = fd__store_stmt(s, fn, k->sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, id);
    int src = sqlite3_step(st);
    bool here = src == SQLITE_ROW && sqlite3_column_int64(st, 0) == site;
    bool now = here;
    for (int i = 0; i < 2 && now && k->until_col[i] >= 0; i++)
        now = current_on(i == 0 && k->from_col >= 0 ? COL_TEXT(st, k->from_col) : NULL, COL_TEXT(st, k->until_col[i]),
                         on, why, sizeof why, k->gone[i]);
    for (int i = 0; i < 2; i++)
        ids[i] = here && k->id_col[i] >= 0 ? sqlite3_column_int64(st, k->id_col[i]) : 0;
    fd_status rc = fd__columns_read(s, fn);
    sqlite3_reset(st);
    if (rc)
        return rc;
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        return fd__store_sqlerr(s, fn, src, "reading the host");
    if (!here)
        return fd__error(FD_ENOTFOUND, "%s: %s: no %s %lld at the actor's site", fn, k->field, k->what, (long long)id);
    if (!now)
        return fd__error(FD_ESTATE, "%s: %s: %s %lld is not there on the site's date: %s (R-VIS-1)", fn, k->field,
                         k->what, (long long)id, why);
    return FD_OK;
}

/*
 * R-VIS-1: the visit's host records are of the actor's site and there on the
 * site's date @on, and agree with one another; fills host_organisation (and an
 * employee's department) into @v. Reads only.
 */
static fd_status check_hosts(fd_store *s, const char *fn, fd_visit *v, int64_t site, const char *on)
{
    int64_t ids[2], org = 0;
    fd_status rc = FD_OK;
    if (v->host_occupant)
        rc = host_there(s, fn, &HOST_OCCUPANT, v->host_occupant, site, on, ids);
    if (rc == FD_OK && v->host_employee) {
        rc = host_there(s, fn, &HOST_EMPLOYEE, v->host_employee, site, on, ids);
        if (rc)
            return rc;
        org = ids[0];
        if (v->host_department && ids[1] && v->host_department != ids[1])
            return fd__error(FD_EINVAL, "%s: visit.host_department: employee %lld works in department %lld, not %lld",
                             fn, (long long)v->host_employee, (long long)ids[1], (long long)v->host_department);
        if (v->host_department == 0)
            v->host_department = ids[1];
    }
    if (rc == FD_OK && v->host_department) {
        rc = host_there(s, fn, &HOST_DEPARTMENT, v->host_department, site, on, ids);
        if (rc)
            return rc;
        if (org && ids[0] != org)
            return fd__error(FD_EINVAL, "%s: visit.host_department: department %lld is not of the employee's "
                             "organisation", fn, (long long)v->host_department);
        org = ids[0];
    }
    if (rc)
        return rc;
    if (org && v->host_organisation && v->host_organisation != org)
        return fd__error(FD_EINVAL, "%s: visit.host_organisation: the host works for organisation %lld, not %lld", fn,
                         (long long)org, (long long)v->host_organisation);
    if (v->host_organisation && org == 0 &&
        (rc = host_there(s, fn, &HOST_ORGANISATION, v->host_organisation, site, on, ids)) != FD_OK)
        return rc;
    if (org)
        v->host_organisation = org;
    return FD_OK;
}

/* --- registering (R-VIS-1, R-VIS-3) ------------------------------------------------- */

/*
 * R-VIS-1, R-COM-4: the planned window of a visit registered at the actor's
 * instant is still possible: a walk-in arrives now, so its window neither
 * starts later (that is a pre-registration) nor ends before; a
 * pre-registration is of a visit to come — its window has not ended, nor,
 * without an end, did it start before the site's day (@day_start).
 */
static fd_status window_check(fd_store *s, const char *fn, const fd_actor *actor, const fd_visit *v,
                              int64_t day_start)
{
    const char *field = NULL, *why = NULL;
    int64_t at = 0;
    if (!v->preregistered && v->planned_from > actor->at) {
        field = "visit.planned_from", at = v->planned_from;
        why = "is after the walk-in's arrival, when it is registered (%s): a visit planned later is pre-registered "
              "(preregistered 1) and checked in when they come";
    } else if (!v->preregistered && v->planned_until && v->planned_until <= actor->at) {
        field = "visit.planned_until", at = v->planned_until;
        why = "is not after the walk-in's arrival, when it is registered (%s): the visitor would overstay from the "
              "start";
    } else if (v->preregistered && v->planned_until && v->planned_until <= actor->at) {
        field = "visit.planned_until", at = v->planned_until;
        why = "is not after now (%s): the window is over; a pre-registration is of a visit still to come";
    } else if (v->preregistered && !v->planned_until && v->planned_from < day_start) {
        field = "visit.planned_from", at = v->planned_from;
        why = "is before today (%s): a pre-registration is of a visit still to come";
    }
    if (field == NULL)
        return FD_OK;
    char when[FD__WHEN_MAX], now[FD__WHEN_MAX], what[400];
    fd__site_when(when, s, fn, actor->site_id, at, 0);
    fd__site_when(now, s, fn, actor->site_id, actor->at, at);
    snprintf(what, sizeof what, why, now);
    return fd__error(FD_EINVAL, "%s: %s: %s %s", fn, field, when, what);
}

fd_status fd_store_visit_register(fd_visit_registration *out, fd_store *store, const fd_actor *actor,
                                  const fd_visit *visit, const fd_id_document *id)
{
    static const char fn[] = "fd_store_visit_register";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    char phone[48], plate[64];
    if (rc == FD_OK)
        rc = fd__visit_validate(fn, visit, phone, plate);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    const fd_policy *policy = NULL; /* borrowed from the handle's cache */
    if ((rc = fd__store_policy(&policy, store, fn, actor->site_id)) != FD_OK)
        return rc;
    fd_id_number num;
    bool has_id = false;
    if ((rc = fd__visitors_read_id(&num, &has_id, store, fn, id, actor->site_id, actor->at)) != FD_OK)
        return rc;
    if (!has_id && fd__policy_value(policy, FD__POL_VISITOR_ID_REQUIRED))
        return fd__error(FD_EINVAL, "%s: id: the site's policy (visitor.id_required) asks for an ID document", fn);
    bool keep = has_id && fd__policy_value(policy, FD__POL_VISITOR_ID_KEEP_FULL);
    if (keep && id->consent != 1)
        return fd__error(FD_EINVAL, "%s: id.consent: the site keeps full ID numbers (visitor.id_keep_full): the "
                         "visitor's consent is required and recorded (PIPL art. 29)", fn);
    if (keep && !store->has_key)
        return fd__error(FD_ESTATE, "%s: key_file: the site keeps full ID numbers, but the store was opened without "
                         "a key file (fd_store_options.key_file, FRONTDESK_KEY_FILE): nothing is kept in clear", fn);
    fd_visit v = *visit;
    /* The phone as occupants keep theirs (national form), so that it can be matched; the plate canonical. */
    v.phone = phone;
    v.plate = plate;
    fd_date today;
    char on[16];
    if ((rc = fd__visitors_site_date(&today, store, fn, actor->site_id, actor->at)) == FD_OK)
        rc = window_check(store, fn, actor, &v, store->visitors->day_start);
    if (rc == FD_OK) {
        date_text(on, today);
        rc = check_hosts(store, fn, &v, actor->site_id, on);
    }
    /* The blocklist (R-VIS-1): a keyed hash needs the site's secret; without one nothing was ever hashed here. */
    unsigned char secret[32];
    bool have_secret = false;
    char hash[FD__HASH_HEX + 1] = "";
    if (rc == FD_OK && has_id && (rc = fd__visitors_secret(store, fn, actor, false, secret, &have_secret)) == FD_OK &&
        have_secret)
        rc = fd__visitors_id_hash(store, fn, secret, &num, hash);
    fd_blocklist_match match;
    fd__bl_hits hits = { NULL, 0, 0 };
    if (rc == FD_OK)
        rc = fd__visitors_blocklist_match(&match, &hits, store, fn, actor, v.visitor, visit->phone,
                                          hash[0] ? hash : NULL);
    if (rc) {
        free(hits.v);
        return rc;
    }
    bool held = match.answer != FD_BLOCKLIST_NONE;
    v.state = held ? "held" : v.preregistered ? "expected" : "waiting";
    v.arrived_at = v.preregistered ? 0 : actor->at;
    v.id_type = has_id ? num.type : "";
    v.id_masked = has_id ? num.masked : "";
    v.id_kept = keep;
    v.id_consent = has_id && id->consent == 1;
    v.blocklist_level = held ? match.level : "";
    /* A visit without an ID document or a blocklist hit is one INSERT after a read
     * (the slip serial): inside the caller's transaction, which holds the write
     * lock, no savepoint is needed (fd__store_write_one_begin); outside one the
     * read and the INSERT need a transaction of their own. */
    bool one = !sqlite3_get_autocommit(store->db) && !has_id && hits.n == 0, sp = false;
    rc = one ? fd__store_write_one_begin(store, fn, &sp) : fd__store_write_begin(store, fn, &sp);
    if (rc) {
        free(hits.v);
        return rc;
    }
    int64_t slip = 0, vid = 0, previous = 0;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_NEXT_SLIP);
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, actor->site_id);
        rc = fd__stmt_int(store, fn, st, "numbering the slip", &slip);
    }
    v.slip_no = slip;
    if (rc == FD_OK && has_id && !have_secret &&
        (rc = fd__visitors_secret(store, fn, actor, true, secret, &have_secret)) == FD_OK)
        rc = fd__visitors_id_hash(store, fn, secret, &num, hash);
    if (rc == FD_OK && has_id && (st = fd__store_stmt(store, fn, SQL_ID_PREVIOUS)) != NULL) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
        rc = fd__stmt_int(store, fn, st, "counting earlier visits", &previous);
    } else if (rc == FD_OK && has_id) {
        rc = fd_error_last()->code;
    }
    if (rc == FD_OK)
        rc = fd__record_insert(&vid, store, fn, &fd__record_visit, &v, actor);
    unsigned char *cipher = NULL;
    size_t clen = 0;
    if (rc == FD_OK && keep)
        rc = fd__visitors_encrypt(store, fn, vid, num.number, &cipher, &clen);
    if (rc == FD_OK && has_id) {
        if ((st = fd__store_stmt(store, fn, SQL_ID_DOC_INSERT)) == NULL) {
            rc = fd_error_last()->code;
        } else {
            sqlite3_bind_int64(st, 1, vid);
            sqlite3_bind_int64(st, 2, actor->site_id);
            sqlite3_bind_text(st, 3, hash, -1, SQLITE_STATIC);
            if (cipher) {
                sqlite3_bind_blob(st, 4, cipher, (int)clen, SQLITE_STATIC);
                sqlite3_bind_text(st, 5, store->key_id, -1, SQLITE_STATIC);
            }
            rc = fd__stmt_done(store, fn, st, "storing the ID document", NULL);
            sqlite3_clear_bindings(st);
        }
    }
    free(cipher);
    for (size_t i = 0; rc == FD_OK && i < hits.n; i++) {
        fd_blocklist_hit h = FD_BLOCKLIST_HIT_INIT;
        h.visit_id = vid;
        h.entry_id = hits.v[i].entry_id;
        h.level = hits.v[i].level;
        h.basis = hits.v[i].basis;
        rc = fd__record_insert(NULL, store, fn, &fd__record_blocklist_hit, &h, actor);
    }
    rc = one ? fd__store_write_one_end(store, fn, sp, rc) : fd__store_write_end(store, fn, sp, rc);
    OPENSSL_cleanse(secret, sizeof secret);
    free(hits.v);
    if (rc)
        return rc;
    fd_visit_registration r;
    memset(&r, 0, sizeof r);
    r.version = FD_VISIT_REGISTRATION_VERSION;
    r.id = vid;
    r.slip_no = slip;
    fd__copy_fixed(r.state, sizeof r.state, v.state);
    r.previous_visits = previous;
    r.blocklist = match;
    *out = r;
    return FD_OK;
}

/* --- the events of a visit (R-VIS-2, R-COM-4) --------------------------------------------- */

/* What a change needs to know of a visit. */
typedef struct visit_now {
    char state[17];
    int64_t arrived_at, departed_at, answered_at, explained_at, registered_at;
    char answer[17];
    char level[17];
    int64_t last_at;     /* its last event, 0 when none */
    char last_kind[17];
} visit_now;

static fd_status read_visit(sqlite3_stmt *st, void *ctx)
{
    visit_now *out = ctx;
    fd__copy_fixed(out->state, sizeof out->state, COL_TEXT(st, 0));
    out->arrived_at = sqlite3_column_int64(st, 1);
    out->departed_at = sqlite3_column_int64(st, 2);
    fd__copy_fixed(out->answer, sizeof out->answer, COL_TEXT(st, 3));
    fd__copy_fixed(out->level, sizeof out->level, COL_TEXT(st, 4));
    out->answered_at = sqlite3_column_int64(st, 5);
    out->explained_at = sqlite3_column_int64(st, 6);
    out->registered_at = sqlite3_column_int64(st, 7);
    return FD_OK;
}

static fd_status load_visit(fd_store *s, const char *fn, const fd_actor *actor, int64_t visit_id, visit_now *out)
{
    fd_status rc = fd__store_load(s, fn, SQL_VISIT_STATE, visit_id, actor->site_id, "visit_id", "visit", read_visit,
                                  out);
    if (rc)
        return rc;
    out->last_at = 0;
    out->last_kind[0] = '\0';
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_VISIT_LAST_EVENT);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, visit_id);
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        out->last_at = sqlite3_column_int64(st, 0);
        fd__copy_fixed(out->last_kind, sizeof out->last_kind, COL_TEXT(st, 1));
    }
    rc = src == SQLITE_ROW ? fd__columns_read(s, fn) : FD_OK;
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_ROW && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading the visit's events");
    return rc;
}

/* What the event of kind @kind was, as a refusal says it. */
static const char *event_said(const char *kind)
{
    static const struct {
        const char *kind, *said;
    } SAID[] = { { "answer", "the host's answer was recorded" }, { "checkin", "the visitor checked in" },
                 { "checkout", "the visitor checked out" },      { "admit", "the visitor was admitted" },
                 { "refuse", "the visitor was refused" },         { "explain", "the last explanation was given" },
                 { "cancel", "the visit was cancelled" } };
    for (size_t i = 0; i < sizeof SAID / sizeof SAID[0]; i++)
        if (strcmp(kind, SAID[i].kind) == 0)
            return SAID[i].said;
    return "the visit's last event";
}

/* R-COM-3: a visit's step at the actor's instant is not dated before its registration nor its last event. */
static fd_status visit_in_order(fd_store *s, const char *fn, const fd_actor *actor, const visit_now *v)
{
    fd_status rc = fd__step_check(s, fn, actor->site_id, "at", actor->at, v->registered_at, "the visit was registered");
    return rc ? rc : fd__step_check(s, fn, actor->site_id, "at", actor->at, v->last_at, event_said(v->last_kind));
}


static bool closed(const visit_now *v)
{
    return strcmp(v->state, "left") == 0 || strcmp(v->state, "declined") == 0 || strcmp(v->state, "refused") == 0 ||
           strcmp(v->state, "cancelled") == 0;
}

static fd_status state_refused(const char *fn, int64_t visit_id, const visit_now *v, const char *what)
{
    return fd__error(FD_ESTATE, "%s: visit_id: visit %lld is %s (%s): %s", fn, (long long)visit_id, v->state,
                     fd_visit_code_label("state", v->state) ? fd_visit_code_label("state", v->state) : "?", what);
}

/* The new values of a visit's changing columns (the rest as they were). */
typedef struct visit_set {
    const char *state;
    const char *answer;
    int64_t answered_at, arrived_at, departed_at, explained_at;
} visit_set;

/*
 * Writes the change, dated not before the visit's registration nor its last
 * event (visit_in_order): the visit's row from state @v (another writer may have
 * moved it meanwhile: FD_ESTATE), its event, and (for admit and refuse) the
 * blocklist hits' outcome and a journal entry. Inside one write.
 */
static fd_status apply(fd_store *s, const char *fn, const fd_actor *actor, int64_t visit_id, const visit_now *v,
                       const visit_set *to, fd_visit_event *event, const char *outcome, const char *journal_detail)
{
    const char *from = v->state;
    event->visit_id = visit_id;
    bool sp;
    fd_status rc = visit_in_order(s, fn, actor, v);
    if (rc == FD_OK)
        rc = fd__store_write_begin(s, fn, &sp);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_VISIT_SET);
    int changed = 0;
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, visit_id);
        sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, to->state, -1, SQLITE_STATIC);
        if (to->answer && to->answer[0])
            sqlite3_bind_text(st, 4, to->answer, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, to->answered_at);
        sqlite3_bind_int64(st, 6, to->arrived_at);
        sqlite3_bind_int64(st, 7, to->departed_at);
        sqlite3_bind_int64(st, 8, to->explained_at);
        rc = fd__stmt_done(s, fn, st, "updating the visit", &changed);
    }
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_ESTATE, "%s: visit_id: visit %lld changed meanwhile (no longer %s)", fn,
                       (long long)visit_id, from);
    if (rc == FD_OK)
        rc = fd__record_insert(NULL, s, fn, &fd__record_visit_event, event, actor);
    if (rc == FD_OK && outcome) {
        if ((st = fd__store_stmt(s, fn, SQL_HITS_DECIDE)) == NULL) {
            rc = fd_error_last()->code;
        } else {
            sqlite3_bind_int64(st, 1, visit_id);
            sqlite3_bind_text(st, 2, outcome, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 3, actor->at);
            if (actor->staff_id)
                sqlite3_bind_int64(st, 4, actor->staff_id);
            rc = fd__stmt_done(s, fn, st, "recording the blocklist decision", NULL);
        }
        if (rc == FD_OK)
            rc = fd__journal(s, fn, actor, actor->site_id, "visit", visit_id,
                             strcmp(outcome, "admitted") == 0 ? "admit" : "refuse", journal_detail);
    }
    return fd__store_write_end(s, fn, sp, rc);
}

/* The checks every event function starts with. */
/* The first checks of a visit's step (the store, its note, the actor) and, when @v is not NULL,
 * visit @visit_id as it stands into *@v. */
static fd_status begin_event(fd_store *store, const char *fn, const fd_actor *actor, const char *note,
                             bool note_required, int64_t visit_id, visit_now *v)
{
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "note", note, 500, note_required);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK && v)
        rc = load_visit(store, fn, actor, visit_id, v);
    return rc;
}

/* The event a step writes: @kind with @note (apply() gives it its visit). */
static fd_visit_event step_event(const char *kind, const char *note)
{
    fd_visit_event e = FD_VISIT_EVENT_INIT;
    e.kind = kind;
    e.note = note;
    return e;
}

static visit_set unchanged(const visit_now *v)
{
    visit_set t = { v->state, v->answer, v->answered_at, v->arrived_at, v->departed_at, v->explained_at };
    return t;
}

fd_status fd_store_visit_answer(fd_store *store, const fd_actor *actor, int64_t visit_id, const char *answer,
                                const char *note)
{
    static const char fn[] = "fd_store_visit_answer";
    fd_status rc = begin_event(store, fn, actor, note, false, visit_id, NULL);
    if (rc == FD_OK && (answer == NULL || fd_visit_code_label("answer", answer) == NULL))
        rc = fd__error(FD_EINVAL, "%s: answer: '%.32s' is not a host's answer (lobby 大堂会面, bring_up 带上楼, "
                       "decline 婉拒) (R-VIS-2)", fn, answer ? answer : "(null)");
    visit_now v;
    if (rc == FD_OK)
        rc = load_visit(store, fn, actor, visit_id, &v);
    if (rc)
        return rc;
    if (closed(&v))
        return state_refused(fn, visit_id, &v, "it is closed");
    if (strcmp(v.state, "held") == 0)
        return state_refused(fn, visit_id, &v, "the blocklist matched: admit or refuse the visitor first");
    if (v.answer[0])
        return fd__error(FD_ESTATE, "%s: visit_id: visit %lld was answered already (%s)", fn, (long long)visit_id,
                         v.answer);
    visit_set to = unchanged(&v);
    to.answer = answer;
    to.answered_at = actor->at;
    bool decline = strcmp(answer, "decline") == 0;
    if (decline) {
        to.state = "declined";
        if (v.arrived_at && !v.departed_at)
            to.departed_at = actor->at;
    } else if (strcmp(v.state, "waiting") == 0) {
        to.state = "on_site";
    }
    fd_visit_event e = step_event("answer", note);
    e.code = answer;
    return apply(store, fn, actor, visit_id, &v, &to, &e, NULL, NULL);
}

fd_status fd_store_visit_checkin(fd_store *store, const fd_actor *actor, int64_t visit_id)
{
    static const char fn[] = "fd_store_visit_checkin";
    visit_now v;
    fd_status rc = begin_event(store, fn, actor, NULL, false, visit_id, &v);
    if (rc)
        return rc;
    if (v.arrived_at)
        return fd__error(FD_ESTATE, "%s: visit.arrived_at: visit %lld checked in already", fn, (long long)visit_id);
    if (strcmp(v.state, "expected") != 0)
        return state_refused(fn, visit_id, &v, strcmp(v.state, "held") == 0
                                                   ? "the blocklist matched: admit or refuse the visitor first"
                                                   : "only an expected visitor checks in");
    visit_set to = unchanged(&v);
    to.arrived_at = actor->at;
    to.state = v.answer[0] ? "on_site" : "waiting";
    fd_visit_event e = step_event("checkin", NULL);
    return apply(store, fn, actor, visit_id, &v, &to, &e, NULL, NULL);
}

fd_status fd_store_visit_checkout(fd_store *store, const fd_actor *actor, int64_t visit_id, int64_t left_at,
                                  const char *note)
{
    static const char fn[] = "fd_store_visit_checkout";
    visit_now v;
    fd_status rc = begin_event(store, fn, actor, note, false, visit_id, &v);
    if (rc)
        return rc;
    /* A refusal of the state first (not arrived, left, held: fd_visit_checkout_check says which); then the
     * instant: the step's `at`, and when they left, noted later, in the site's time beside the check-in. */
    fd_visit probe = FD_VISIT_INIT;
    probe.state = v.state;
    probe.arrived_at = v.arrived_at;
    probe.departed_at = v.departed_at;
    if (!v.arrived_at || v.departed_at || strcmp(v.state, "held") == 0) {
        rc = fd_visit_checkout_check(&probe, left_at, actor->at);
        return fd__error_rename(rc ? rc : FD_ESTATE, fn, NULL);
    }
    if ((rc = visit_in_order(store, fn, actor, &v)) != FD_OK)
        return rc;
    if (left_at &&
        (rc = fd__step_check(store, fn, actor->site_id, "left_at", left_at, v.arrived_at, "the visitor checked in")))
        return rc;
    if ((rc = fd_visit_checkout_check(&probe, left_at, actor->at)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    visit_set to = unchanged(&v);
    to.state = "left";
    to.departed_at = left_at ? left_at : actor->at;
    fd_visit_event e = step_event("checkout", note);
    e.happened_at = left_at && left_at != actor->at ? left_at : 0;
    return apply(store, fn, actor, visit_id, &v, &to, &e, NULL, NULL);
}

fd_status fd_store_visit_admit(fd_store *store, const fd_actor *actor, int64_t visit_id, const char *note)
{
    static const char fn[] = "fd_store_visit_admit";
    visit_now v;
    fd_status rc = begin_event(store, fn, actor, note, true, visit_id, &v);
    if (rc)
        return rc;
    if (strcmp(v.state, "held") != 0)
        return state_refused(fn, visit_id, &v, "only a visit held by a blocklist match is admitted");
    int64_t forbidden = 0;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_HITS_FORBIDDEN);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, visit_id);
    if ((rc = fd__stmt_int(store, fn, st, "reading the blocklist hits", &forbidden)) != FD_OK)
        return rc;
    if (forbidden && (rc = fd__actor_require_manage(fn, actor)) != FD_OK)
        return fd__error(FD_EPERM, "%s: actor.grants: the blocklist says forbidden: only a manager (the 'manage' "
                         "grant) admits this visitor (R-VIS-1)", fn);
    visit_set to = unchanged(&v);
    to.state = v.arrived_at ? "waiting" : "expected";
    fd_visit_event e = step_event("admit", note);
    return apply(store, fn, actor, visit_id, &v, &to, &e, "admitted", v.level);
}

fd_status fd_store_visit_refuse(fd_store *store, const fd_actor *actor, int64_t visit_id, const char *note)
{
    static const char fn[] = "fd_store_visit_refuse";
    visit_now v;
    fd_status rc = begin_event(store, fn, actor, note, true, visit_id, &v);
    if (rc)
        return rc;
    if (closed(&v))
        return state_refused(fn, visit_id, &v, "it is closed");
    visit_set to = unchanged(&v);
    to.state = "refused";
    if (v.arrived_at && !v.departed_at)
        to.departed_at = actor->at;
    fd_visit_event e = step_event("refuse", note);
    return apply(store, fn, actor, visit_id, &v, &to, &e, "refused", v.level[0] ? v.level : NULL);
}

fd_status fd_store_visit_cancel(fd_store *store, const fd_actor *actor, int64_t visit_id, const char *note)
{
    static const char fn[] = "fd_store_visit_cancel";
    visit_now v;
    fd_status rc = begin_event(store, fn, actor, note, true, visit_id, &v);
    if (rc)
        return rc;
    if (strcmp(v.state, "expected") != 0)
        return state_refused(fn, visit_id, &v, "only an expected visit is cancelled");
    visit_set to = unchanged(&v);
    to.state = "cancelled";
    fd_visit_event e = step_event("cancel", note);
    return apply(store, fn, actor, visit_id, &v, &to, &e, NULL, NULL);
}

fd_status fd_store_visit_explain(fd_store *store, const fd_actor *actor, int64_t visit_id, const char *note)
{
    static const char fn[] = "fd_store_visit_explain";
    visit_now v;
    fd_status rc = begin_event(store, fn, actor, note, true, visit_id, &v);
    if (rc)
        return rc;
    if (!v.arrived_at || v.departed_at)
        return state_refused(fn, visit_id, &v, "only a visitor still on site is explained (R-COM-4)");
    if ((rc = visit_in_order(store, fn, actor, &v)) != FD_OK)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_VISIT_EXPLAINED);
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, visit_id);
        sqlite3_bind_int64(st, 2, actor->at);
        rc = fd__stmt_done(store, fn, st, "recording the explanation", NULL);
    }
    fd_visit_event e = step_event("explain", note);
    e.visit_id = visit_id;
    if (rc == FD_OK)
        rc = fd__record_insert(NULL, store, fn, &fd__record_visit_event, &e, actor);
    return fd__store_write_end(store, fn, sp, rc);
}

/* --- still on site, overstay, the end of a shift (R-COM-4) --------------------------------- */

fd_status fd_store_visit_onsite(fd_visit_iter **out, fd_store *store, const fd_actor *actor, int64_t after,
                                int64_t limit)
{
    static const char fn[] = "fd_store_visit_onsite";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    if (after < 0)
        return fd__error(FD_ERANGE, "%s: after: %lld must not be negative", fn, (long long)after);
    char a[24];
    snprintf(a, sizeof a, "%lld", (long long)after);
    const char *args[] = { a };
    return fd__record_query_sql((fd__iter **)out, store, fn, &fd__record_visit, actor, COND_ONSITE, args, 1, limit);
}

fd_status fd_store_visit_overstay(fd_overstay *out, fd_store *store, const fd_actor *actor, const fd_visit *visit)
{
    static const char fn[] = "fd_store_visit_overstay";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "visit", visit);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    const fd_policy *policy = NULL;
    if ((rc = fd__visitors_rules(&policy, store, fn, actor->site_id)) != FD_OK)
        return rc;
    fd_overstay r = { FD_OVERSTAY_VERSION, 0, FD_OVERSTAY_NONE, 0 };
    rc = fd__visit_overstay_in(store->visitors->z, fn, visit->arrived_at, visit->departed_at, visit->planned_until,
                               actor->at, policy, &r.reason, &r.since);
    if (rc)
        return rc;
    r.overstay = r.reason != FD_OVERSTAY_NONE;
    *out = r;
    return FD_OK;
}

fd_status fd_store_visit_shift_check(fd_visit_shift *out, fd_store *store, const fd_actor *actor, int64_t since)
{
    static const char fn[] = "fd_store_visit_shift_check";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "since", since);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK && since > actor->at) {
        char when[FD__WHEN_MAX], now[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, since, 0);
        fd__site_when(now, store, fn, actor->site_id, actor->at, since);
        rc = fd__error(FD_EINVAL, "%s: since: %s is after now (%s): a shift that has begun is checked", fn, when,
                       now);
    }
    if (rc)
        return rc;
    const fd_policy *policy = NULL;
    if ((rc = fd__visitors_rules(&policy, store, fn, actor->site_id)) != FD_OK)
        return rc;
    fd_visit_shift r;
    memset(&r, 0, sizeof r);
    r.version = FD_VISIT_SHIFT_VERSION;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_ONSITE_ROWS);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, actor->site_id);
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0), arrived = sqlite3_column_int64(st, 1);
        int64_t until = sqlite3_column_int64(st, 2), explained = sqlite3_column_int64(st, 3);
        int reason = 0;
        int64_t began = 0;
        r.on_site++;
        rc = fd__visit_overstay_in(store->visitors->z, fn, arrived, 0, until, actor->at, policy, &reason, &began);
        r.overstaying += reason != FD_OVERSTAY_NONE;
        if (explained < since) {
            r.unexplained++;
            if (r.first_unexplained == 0 || id < r.first_unexplained)
                r.first_unexplained = id;
        }
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(store, fn, src, "reading who is on site");
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_HELD_COUNT)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        rc = fd__stmt_int(store, fn, st, "counting held visits", &r.held);
    }
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_EXPECTED_LATE)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_int64(st, 2, actor->at);
        sqlite3_bind_int64(st, 3, since);
        rc = fd__stmt_int(store, fn, st, "counting expected visits", &r.expected_late);
    }
    /* R-VIS-4: items still out, and those whose visitor has gone; counts with a difference not explained. */
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_ITEMS_OUT)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        src = sqlite3_step(st);
        if (src == SQLITE_ROW) {
            r.items_out = sqlite3_column_int64(st, 0);
            r.items_unreturned = sqlite3_column_int64(st, 1);
        }
        sqlite3_reset(st);
        if (src != SQLITE_ROW)
            rc = fd__store_sqlerr(store, fn, src, "counting items out");
    }
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_COUNTS_OPEN)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        rc = fd__stmt_int(store, fn, st, "counting open counts", &r.counts_open);
    }
    if (rc == FD_OK)
        *out = r;
    return rc;
}

/* --- the full ID number (R-COM-2) -------------------------------------------------------- */

fd_status fd_store_visit_id_reveal(fd_buf *out, fd_store *store, const fd_actor *actor, int64_t visit_id)
{
    static const char fn[] = "fd_store_visit_id_reveal";
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    fd__actor_info info = { "", false };
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, &info);
    if (rc)
        return rc;
    if (!info.reveal)
        return fd__error(FD_EPERM, "%s: actor.grants: a full ID number is shown only to an actor using the reveal "
                         "grant, with a reason (R-COM-2)", fn);
    if (!sqlite3_get_autocommit(store->db))
        return fd__error(FD_ESTATE, "%s: actor.grants: a reveal is committed to the access log before the number "
                         "is shown, which an open transaction could roll back: reveal outside a transaction", fn);
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_ID_CIPHER);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, visit_id);
    sqlite3_bind_int64(st, 2, actor->site_id);
    int src = sqlite3_step(st);
    unsigned char cipher[512];
    int clen = 0;
    char key_id[17] = "";
    if (src == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_BLOB) {
        clen = sqlite3_column_bytes(st, 0);
        const void *b = sqlite3_column_blob(st, 0);
        if (b && clen > 0 && clen <= (int)sizeof cipher)
            memcpy(cipher, b, (size_t)clen);
        else
            clen = b ? -1 : 0;
        fd__copy_fixed(key_id, sizeof key_id, COL_TEXT(st, 1) ? COL_TEXT(st, 1) : "");
    }
    rc = src == SQLITE_ROW ? fd__columns_read(store, fn) : FD_OK;
    sqlite3_reset(st);
    if (rc)
        return rc;
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        return fd__store_sqlerr(store, fn, src, "reading the ID document");
    if (clen == 0)
        return fd__error(FD_ENOTFOUND, "%s: visit_id: no full ID number is kept for visit %lld at the actor's site "
                         "(none was, or it was purged)", fn, (long long)visit_id);
    if (clen < 0)
        return fd__error(FD_EDATA, "%s: visit_id: the encrypted number of visit %lld is damaged", fn,
                         (long long)visit_id);
    if (!store->has_key)
        return fd__error(FD_ESTATE, "%s: key_file: the store was opened without a key file: the number cannot be "
                         "decrypted", fn);
    if (strcmp(key_id, store->key_id) != 0)
        return fd__error(FD_EDATA, "%s: key_file: the number of visit %lld was encrypted under key %s, the store "
                         "holds key %s", fn, (long long)visit_id, key_id, store->key_id);
    fd_buf plain = FD_BUF_INIT;
    rc = fd__visitors_decrypt(store, fn, visit_id, cipher, (size_t)clen, &plain);
    bool sp;
    if (rc == FD_OK && (rc = fd__store_write_begin(store, fn, &sp)) == FD_OK) {
        rc = fd__reveal_log(store, fn, actor, "visit", visit_id, "id_number");
        rc = fd__store_write_end(store, fn, sp, rc);
    }
    if (rc == FD_OK)
        rc = fd__buf_put(out, plain.ptr, plain.size);
    if (plain.ptr)
        OPENSSL_cleanse(plain.ptr, plain.size);
    fd_buf_dispose(&plain);
    if (rc)
        fd__buf_clear(out);
    return rc;
}

/* --- registration slips to security (R-VIS-3) -------------------------------------------- */

static const char SQL_LAST_HANDOVER[] =
    "SELECT at, last_slip FROM slip_handovers WHERE site_id = ?1 ORDER BY id DESC LIMIT 1";
static const char SQL_LAST_SLIP[] = "SELECT coalesce(max(slip_no), 0) FROM visits WHERE site_id = ?1";
static const char SQL_LAST_SLIP_AT[] =
    "SELECT registered_at FROM visits WHERE site_id = ?1 ORDER BY slip_no DESC LIMIT 1";
static const char SQL_SLIP_AT[] = "SELECT registered_at FROM visits WHERE site_id = ?1 AND slip_no = ?2";

/* The slips waiting at the actor's site: the last batch's end and when it was handed, the latest slip. */
static fd_status slip_state(fd_store *s, const char *fn, const fd_actor *actor, fd_slip_status *out)
{
    memset(out, 0, sizeof *out);
    out->version = FD_SLIP_STATUS_VERSION;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_LAST_HANDOVER);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, actor->site_id);
    int src = sqlite3_step(st);
    int64_t handed_at = 0, handed = 0;
    if (src == SQLITE_ROW) {
        handed_at = sqlite3_column_int64(st, 0);
        handed = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        return fd__store_sqlerr(s, fn, src, "reading the last handover");
    if ((st = fd__store_stmt(s, fn, SQL_LAST_SLIP)) == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, actor->site_id);
    fd_status rc = fd__stmt_int(s, fn, st, "reading the latest slip", &out->last_slip);
    if (rc)
        return rc;
    out->pending = out->last_slip > handed ? out->last_slip - handed : 0;
    out->first_pending = out->pending ? handed + 1 : 0;
    out->since = handed_at;
    if (out->pending && handed_at == 0) {
        if ((st = fd__store_stmt(s, fn, SQL_SLIP_AT)) == NULL)
            return fd_error_last()->code;
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_int64(st, 2, out->first_pending);
        if ((rc = fd__stmt_int(s, fn, st, "reading the first slip", &out->since)) != FD_OK)
            return rc;
    }
    return FD_OK;
}

fd_status fd_store_slip_handover_status(fd_slip_status *out, fd_store *store, const fd_actor *actor)
{
    static const char fn[] = "fd_store_slip_handover_status";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    const fd_policy *policy = NULL;
    fd_slip_status r;
    if ((rc = fd__store_policy(&policy, store, fn, actor->site_id)) != FD_OK ||
        (rc = slip_state(store, fn, actor, &r)) != FD_OK)
        return rc;
    if (r.pending && (rc = fd_visit_slip_handover_due(&r.due, r.pending, r.since, actor->at, policy)) != FD_OK)
        return fd__error_rename(rc, fn, NULL);
    *out = r;
    return FD_OK;
}

fd_status fd_store_slip_handover(int64_t *out_id, fd_store *store, const fd_actor *actor, const char *received_by,
                                 const char *note)
{
    static const char fn[] = "fd_store_slip_handover";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    fd_slip_handover h = FD_SLIP_HANDOVER_INIT;
    h.received_by = received_by;
    h.note = note;
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_slip_handover, fn, &h);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    fd_slip_status now;
    int64_t id = 0, last_at = 0;
    rc = slip_state(store, fn, actor, &now);
    if (rc == FD_OK && now.pending == 0) {
        char when[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, now.since, 0);
        rc = now.last_slip ? fd__error(FD_ESTATE, "%s: pending: no slip waits to be handed over: the latest, %lld, "
                                       "went in the handover at %s (R-VIS-3)", fn, (long long)now.last_slip, when)
                           : fd__error(FD_ESTATE, "%s: pending: no slip waits to be handed over: no visit was "
                                       "registered at the site yet (R-VIS-3)", fn);
    }
    /* R-COM-3: a handover is not dated before the latest slip it hands over, nor before the last handover
     * (without one, `since` is the first waiting slip's registration, before the latest's). */
    sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(store, fn, SQL_LAST_SLIP_AT) : NULL;
    if (rc == FD_OK && st == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        rc = fd__stmt_int(store, fn, st, "reading the latest slip", &last_at);
    }
    char what[64];
    snprintf(what, sizeof what, "slip %lld was registered", (long long)now.last_slip);
    if (rc == FD_OK)
        rc = fd__step_check(store, fn, actor->site_id, "at", actor->at, last_at, what);
    if (rc == FD_OK)
        rc = fd__step_check(store, fn, actor->site_id, "at", actor->at, now.since, "the last handover");
    if (rc == FD_OK) {
        h.first_slip = now.first_pending;
        h.last_slip = now.last_slip;
        rc = fd__record_insert(&id, store, fn, &fd__record_slip_handover, &h, actor);
    }
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}
