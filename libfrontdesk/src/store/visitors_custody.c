/*
 * Custody (issue 12, item 6): goods leaving on a permit the gate checks
 * (R-VIS-7) — the applicant, unit and items, the approval, each check at the
 * gate with the items counted and what differs (a mismatch is the event) —
 * and one ledger for items left behind, parcels held for occupants, deposits
 * and what declined visitors leave (R-VIS-8, R-VIS-2): deposited, notified,
 * reminded, collected with a signature or an ID check, returned or handed on,
 * each step an event. The applicant's ID number is kept masked only.
 * Nothing is deleted (R-COM-3).
 */
#include "store/visitors_store.h"
#include "store/property_store.h"
#include "frontdesk/phone.h"

#include <stdio.h>
#include <string.h>

static const char SQL_PERMIT[] =
    "SELECT state, items, valid_until, created_at, approved_at, checked_at FROM goods_permits "
    "WHERE id = ?1 AND site_id = ?2";
static const char SQL_PERMIT_DECIDE[] =
    "UPDATE goods_permits SET state = ?2, approved_by = ?3, approved_at = ?4 WHERE id = ?1 AND state = 'requested'";
static const char SQL_PERMIT_CHECKED[] =
    "UPDATE goods_permits SET state = ?3, checked_at = ?4, checked_by = ?5 WHERE id = ?1 AND state = ?2";
static const char SQL_UNIT_SITE[] = "SELECT 1 FROM units WHERE id = ?1 AND site_id = ?2";
static const char SQL_ORG_SITE[] = "SELECT 1 FROM organisations WHERE id = ?1 AND site_id = ?2";
static const char SQL_OCCUPANT_SITE[] = "SELECT 1 FROM occupants WHERE id = ?1 AND site_id = ?2";
static const char SQL_OCCUPANT_UNIT[] =
    "SELECT o.unit_id, u.number FROM occupants o JOIN units u ON u.id = o.unit_id WHERE o.id = ?1";
static const char SQL_UNIT_NUMBER[] = "SELECT number FROM units WHERE id = ?1";
static const char SQL_VISIT_SITE[] = "SELECT 1 FROM visits WHERE id = ?1 AND site_id = ?2";
static const char SQL_VISIT_REGISTERED[] = "SELECT registered_at FROM visits WHERE id = ?1";
static const char SQL_CUSTODY[] =
    "SELECT state, notified_at, deposited_at, kind FROM custody_items WHERE id = ?1 AND site_id = ?2";
static const char SQL_CUSTODY_NOTIFY[] =
    "UPDATE custody_items SET notified_at = ?2, reminders = reminders + ?3 WHERE id = ?1 AND state = 'held'";
static const char SQL_CUSTODY_CLOSE[] =
    "UPDATE custody_items SET state = ?2, closed_at = ?3, closed_by = ?4, handed_to = ?5, check_method = ?6 "
    "WHERE id = ?1 AND state = 'held'";
static const char SQL_CUSTODY_HELD[] =
    "SELECT deposited_at, notified_at, coalesce(owner, ''), coalesce(phone, ''), coalesce(occupant_id, 0), "
    "coalesce(unit_id, 0) FROM custody_items INDEXED BY custody_items_site_held WHERE site_id = ?1 AND state = 'held'";
static const char SQL_PERMITS_WAITING[] =
    "SELECT state, count(*) FROM goods_permits WHERE site_id = ?1 AND state IN ('requested', 'approved', 'mismatch') "
    "GROUP BY state";

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))

/* The unit number of unit @id into @out ("?" when it cannot be read: only a refusal says it). */
static void unit_number(fd_store *s, const char *fn, const char *sql, int64_t id, char out[40], int64_t *unit)
{
    snprintf(out, 40, "?");
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return;
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        int last = sqlite3_column_count(st) - 1;
        if (unit)
            *unit = sqlite3_column_int64(st, 0);
        if (sqlite3_column_text(st, last))
            snprintf(out, 40, "%s", (const char *)sqlite3_column_text(st, last));
    }
    sqlite3_reset(st);
}

/*
 * R-VIS-8: an item for an occupant and a unit is for the occupant's unit:
 * FD_EINVAL naming custody_item.unit_id when they disagree (occupant 1 lives
 * in 3-1201, the unit given is 3-1202). Both are of the site already.
 */
static fd_status occupant_in_unit(fd_store *s, const char *fn, int64_t occupant, int64_t unit)
{
    if (occupant == 0 || unit == 0)
        return FD_OK;
    fd__saved_error saved;
    fd__error_save(&saved);
    char lives[40], given[40];
    int64_t home = 0;
    unit_number(s, fn, SQL_OCCUPANT_UNIT, occupant, lives, &home);
    fd__error_restore(&saved);
    if (home == unit)
        return FD_OK;
    unit_number(s, fn, SQL_UNIT_NUMBER, unit, given, NULL);
    return fd__error(FD_EINVAL, "%s: custody_item.unit_id: occupant %lld lives in %s, not in %s (unit %lld): give "
                     "the occupant's unit, or only one of them (R-VIS-8)", fn, (long long)occupant, lives, given,
                     (long long)unit);
}

/* A phone as the register keeps it: the national form, '-' and an extension; "" for none. */
static fd_status national(char out[48], const char *fn, const char *qname, const char *text)
{
    out[0] = '\0';
    if (text == NULL || text[0] == '\0')
        return FD_OK;
    fd_phone ph;
    fd_status rc = fd_phone_parse(&ph, text);
    if (rc)
        return fd__error_rename(rc, fn, qname);
    snprintf(out, 48, "%s%s%s", ph.national, ph.extension[0] ? "-" : "", ph.extension);
    return FD_OK;
}

/* --- goods permits (R-VIS-7) ------------------------------------------------------------------ */

fd_status fd_store_goods_permit_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                    const fd_goods_permit *permit, const fd_id_document *id)
{
    static const char fn[] = "fd_store_goods_permit_add";
    fd_buf items = FD_BUF_INIT;
    fd_status rc = fd__visitors_add_begin(fn, out_id, store, fd__goods_permit_validate(fn, permit, &items), actor);
    fd_id_number num;
    bool has_id = false;
    if (rc == FD_OK)
        rc = fd__visitors_read_id(&num, &has_id, store, fn, id, actor->site_id, actor->at);
    fd_goods_permit p;
    char phone[48];
    if (rc == FD_OK) {
        p = *permit;
        rc = national(phone, fn, "goods_permit.phone", p.phone);
        p.phone = phone;
    }
    if (rc == FD_OK && p.valid_until && p.valid_until <= actor->at) {
        /* R-VIS-7: a permit already over would be refused at the gate. */
        char when[FD__WHEN_MAX], now[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, p.valid_until, 0);
        fd__site_when(now, store, fn, actor->site_id, actor->at, p.valid_until);
        rc = fd__error(FD_EINVAL, "%s: goods_permit.valid_until: %s is not after now (%s): the permit would be over "
                       "before the goods reach the gate (R-VIS-7)", fn, when, now);
    }
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_UNIT_SITE, p.unit_id, actor->site_id, "goods_permit.unit_id", "unit");
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_ORG_SITE, p.organisation_id, actor->site_id,
                                   "goods_permit.organisation_id", "organisation");
    if (rc) {
        fd_buf_dispose(&items);
        return rc;
    }
    /* Of an ID document only its masked form (never the number: it is not needed to release goods). */
    p.items = items.ptr;
    p.id_type = has_id ? num.type : "";
    p.id_masked = has_id ? num.masked : "";
    p.state = "requested";
    int64_t rid = 0;
    bool sp;
    if ((rc = fd__store_write_one_begin(store, fn, &sp)) == FD_OK) {
        rc = fd__record_insert(&rid, store, fn, &fd__record_goods_permit, &p, actor);
        rc = fd__store_write_one_end(store, fn, sp, rc);
    }
    fd_buf_dispose(&items);
    if (rc == FD_OK)
        *out_id = rid;
    return rc;
}

/* What a step of a permit needs to know of it; its items into @items, unless NULL. */
typedef struct permit_now {
    char state[17];
    int64_t valid_until, created_at, approved_at, checked_at;
    fd_buf *items;
} permit_now;

static fd_status read_permit(sqlite3_stmt *st, void *ctx)
{
    permit_now *out = ctx;
    fd__copy_fixed(out->state, sizeof out->state, COL_TEXT(st, 0));
    out->valid_until = sqlite3_column_int64(st, 2);
    out->created_at = sqlite3_column_int64(st, 3);
    out->approved_at = sqlite3_column_int64(st, 4);
    out->checked_at = sqlite3_column_int64(st, 5);
    return out->items ? fd__buf_puts(out->items, COL_TEXT(st, 1) ? COL_TEXT(st, 1) : "") : FD_OK;
}

/* Reads a permit's state, instants and items (into @items, unless NULL). */
static fd_status load_permit(fd_store *s, const char *fn, const fd_actor *actor, int64_t permit_id, permit_now *out,
                             fd_buf *items)
{
    out->items = items;
    return fd__store_load(s, fn, SQL_PERMIT, permit_id, actor->site_id, "permit_id", "permit", read_permit, out);
}

/* R-COM-3: a step of permit @p is not dated before it was applied for, approved, or last checked. */
static fd_status permit_in_order(fd_store *s, const char *fn, const fd_actor *actor, const permit_now *p)
{
    fd_status rc = fd__step_check(s, fn, actor->site_id, "at", actor->at, p->created_at, "the permit was applied for");
    if (rc == FD_OK)
        rc = fd__step_check(s, fn, actor->site_id, "at", actor->at, p->approved_at, "the permit was approved");
    if (rc == FD_OK)
        rc = fd__step_check(s, fn, actor->site_id, "at", actor->at, p->checked_at,
                            "the permit was last checked at the gate");
    return rc;
}

/* R-VIS-7: FD_ESTATE naming permit.valid_until when permit @permit_id is past its validity at the actor's instant. */
static fd_status permit_in_time(fd_store *s, const char *fn, const fd_actor *actor, int64_t permit_id,
                                const permit_now *p)
{
    if (p->valid_until == 0 || actor->at < p->valid_until)
        return FD_OK;
    char when[FD__WHEN_MAX], ago[FD__DURATION_MAX];
    fd__site_when(when, s, fn, actor->site_id, p->valid_until, 0);
    fd__duration_words(ago, actor->at - p->valid_until);
    return fd__error(FD_ESTATE, "%s: permit.valid_until: permit %lld expired at %s, %s ago (R-VIS-7)", fn,
                     (long long)permit_id, when, ago);
}

/* Approves or refuses a requested permit (manage grant), journaled. */
static fd_status decide(fd_store *store, const char *fn, const fd_actor *actor, int64_t permit_id, bool approve,
                        const char *note)
{
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "note", note, 500, !approve);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    permit_now p;
    if (rc == FD_OK)
        rc = load_permit(store, fn, actor, permit_id, &p, NULL);
    if (rc)
        return rc;
    if (strcmp(p.state, "requested") != 0)
        return fd__error(FD_ESTATE, "%s: permit_id: permit %lld is %s already (R-VIS-7)", fn, (long long)permit_id,
                         p.state);
    if ((rc = permit_in_order(store, fn, actor, &p)) != FD_OK)
        return rc;
    /* An expired permit is not approved: the gate would refuse it (it may still be refused). */
    if (approve && (rc = permit_in_time(store, fn, actor, permit_id, &p)) != FD_OK)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_PERMIT_DECIDE);
    int changed = 0;
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, permit_id);
        sqlite3_bind_text(st, 2, approve ? "approved" : "refused", -1, SQLITE_STATIC);
        if (actor->staff_id)
            sqlite3_bind_int64(st, 3, actor->staff_id);
        sqlite3_bind_int64(st, 4, actor->at);
        rc = fd__stmt_done(store, fn, st, "deciding the permit", &changed);
    }
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_ESTATE, "%s: permit_id: permit %lld was decided meanwhile", fn, (long long)permit_id);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "goods_permit", permit_id, approve ? "approve" : "refuse",
                         note);
    return fd__store_write_end(store, fn, sp, rc);
}

fd_status fd_store_goods_permit_approve(fd_store *store, const fd_actor *actor, int64_t permit_id, const char *note)
{
    return decide(store, "fd_store_goods_permit_approve", actor, permit_id, true, note);
}

fd_status fd_store_goods_permit_refuse(fd_store *store, const fd_actor *actor, int64_t permit_id, const char *note)
{
    return decide(store, "fd_store_goods_permit_refuse", actor, permit_id, false, note);
}

fd_status fd_store_goods_check(int64_t *out_id, fd_store *store, const fd_actor *actor, int64_t permit_id,
                               const char *items, const char *gate, const char *note)
{
    static const char fn[] = "fd_store_goods_check";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "note", note, 500, false);
    if (rc == FD_OK && gate)
        rc = fd__check_note(fn, "gate", gate, 50, false);
    fd_buf counted = FD_BUF_INIT, permitted = FD_BUF_INIT, diff = FD_BUF_INIT;
    if (rc == FD_OK && (rc = fd_goods_items_parse(&counted, items)) != FD_OK)
        rc = fd__error_rename(rc, fn, "items");
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    permit_now p;
    const char *state = p.state;
    if (rc == FD_OK)
        rc = load_permit(store, fn, actor, permit_id, &p, &permitted);
    if (rc == FD_OK && strcmp(state, "approved") != 0 && strcmp(state, "mismatch") != 0)
        rc = fd__error(FD_ESTATE, "%s: permit_id: permit %lld is %s: the gate releases goods on an approved permit "
                       "(R-VIS-7)", fn, (long long)permit_id, state);
    if (rc == FD_OK)
        rc = permit_in_order(store, fn, actor, &p);
    if (rc == FD_OK)
        rc = permit_in_time(store, fn, actor, permit_id, &p);
    int match = 0;
    if (rc == FD_OK)
        rc = fd_goods_items_compare(&match, &diff, permitted.ptr, counted.ptr);
    int64_t id = 0;
    bool sp = false;
    if (rc == FD_OK && (rc = fd__store_write_begin(store, fn, &sp)) == FD_OK) {
        fd_goods_check c = FD_GOODS_CHECK_INIT;
        c.permit_id = permit_id;
        c.gate = gate;
        c.items = counted.ptr;
        c.matched = match;
        c.difference = diff.ptr ? diff.ptr : "";
        c.note = note;
        rc = fd__record_insert(&id, store, fn, &fd__record_goods_check, &c, actor);
        sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(store, fn, SQL_PERMIT_CHECKED) : NULL;
        int changed = 0;
        if (rc == FD_OK && st == NULL)
            rc = fd_error_last()->code;
        if (rc == FD_OK) {
            sqlite3_bind_int64(st, 1, permit_id);
            sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, match ? "released" : "mismatch", -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 4, actor->at);
            if (actor->staff_id)
                sqlite3_bind_int64(st, 5, actor->staff_id);
            rc = fd__stmt_done(store, fn, st, "recording the check", &changed);
        }
        if (rc == FD_OK && changed != 1)
            rc = fd__error(FD_ESTATE, "%s: permit_id: permit %lld was checked meanwhile", fn, (long long)permit_id);
        /* A mismatch is the event the desk must see: journaled with what differs (no personal data). */
        if (rc == FD_OK && !match)
            rc = fd__journal(store, fn, actor, actor->site_id, "goods_permit", permit_id, "mismatch", diff.ptr);
        rc = fd__store_write_end(store, fn, sp, rc);
    }
    fd_buf_dispose(&counted);
    fd_buf_dispose(&permitted);
    fd_buf_dispose(&diff);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

/* --- the custody ledger (R-VIS-8) ----------------------------------------------------------------- */

static fd_status custody_event(fd_store *s, const char *fn, const fd_actor *actor, int64_t item_id,
                               const char *kind, const char *how, const char *note)
{
    fd_custody_event e = FD_CUSTODY_EVENT_INIT;
    e.item_id = item_id;
    e.kind = kind;
    e.how = how;
    e.note = note;
    return fd__record_insert(NULL, s, fn, &fd__record_custody_event, &e, actor);
}

fd_status fd_store_custody_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_custody_item *item)
{
    static const char fn[] = "fd_store_custody_add";
    fd_status rc = fd__visitors_add_begin(fn, out_id, store, fd_custody_item_validate(item), actor);
    fd_custody_item c;
    char phone[48];
    if (rc == FD_OK) {
        c = *item;
        rc = national(phone, fn, "custody_item.phone", c.phone);
        c.phone = phone;
    }
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_UNIT_SITE, c.unit_id, actor->site_id, "custody_item.unit_id", "unit");
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_OCCUPANT_SITE, c.occupant_id, actor->site_id,
                                   "custody_item.occupant_id", "occupant");
    if (rc == FD_OK)
        rc = fd__store_ref_at_site(store, fn, SQL_VISIT_SITE, c.visit_id, actor->site_id, "custody_item.visit_id",
                                   "visit");
    if (rc == FD_OK)
        rc = occupant_in_unit(store, fn, c.occupant_id, c.unit_id);
    if (rc == FD_OK && c.visit_id) {
        /* What a visitor left is not deposited before the visit was registered (R-COM-3). */
        int64_t registered = 0;
        sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_VISIT_REGISTERED);
        if (st == NULL) {
            rc = fd_error_last()->code;
        } else {
            sqlite3_bind_int64(st, 1, c.visit_id);
            rc = fd__stmt_int(store, fn, st, "reading the visit", &registered);
        }
        if (rc == FD_OK)
            rc = fd__step_check(store, fn, actor->site_id, "at", actor->at, registered, "the visit was registered");
    }
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_custody_item, &c, actor);
    if (rc == FD_OK)
        rc = custody_event(store, fn, actor, id, "deposit", NULL, NULL);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

/* What a step of a custody item needs to know of it. */
typedef struct custody_now {
    char state[17];
    char kind[25];
    int64_t notified_at, deposited_at;
} custody_now;

static fd_status read_custody(sqlite3_stmt *st, void *ctx)
{
    custody_now *out = ctx;
    fd__copy_fixed(out->state, sizeof out->state, COL_TEXT(st, 0));
    out->notified_at = sqlite3_column_int64(st, 1);
    out->deposited_at = sqlite3_column_int64(st, 2);
    fd__copy_fixed(out->kind, sizeof out->kind, COL_TEXT(st, 3));
    return FD_OK;
}

static fd_status load_custody(fd_store *s, const char *fn, const fd_actor *actor, int64_t item_id, custody_now *out)
{
    return fd__store_load(s, fn, SQL_CUSTODY, item_id, actor->site_id, "item_id", "custody item", read_custody, out);
}

/* R-COM-3: a step of custody item @c is not dated before its deposit nor before the last notice. */
static fd_status custody_in_order(fd_store *s, const char *fn, const fd_actor *actor, const custody_now *c)
{
    fd_status rc = fd__step_check(s, fn, actor->site_id, "at", actor->at, c->deposited_at,
                                  strcmp(c->kind, "parcel") == 0 ? "the parcel was deposited" : "the item was deposited");
    return rc ? rc : fd__step_check(s, fn, actor->site_id, "at", actor->at, c->notified_at, "the owner was last told");
}

fd_status fd_store_custody_notify(fd_store *store, const fd_actor *actor, int64_t item_id, const char *how,
                                  const char *note)
{
    static const char fn[] = "fd_store_custody_notify";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && (how == NULL || fd_visit_code_label("custody_how", how) == NULL || strcmp(how, "signature") == 0 ||
                        strcmp(how, "id_check") == 0))
        rc = fd__error(FD_EINVAL, "%s: how: '%.32s' is not a way of telling the owner (sms 短信, phone 电话, wechat "
                       "微信, note 便条)", fn, how ? how : "(null)");
    if (rc == FD_OK)
        rc = fd__check_note(fn, "note", note, 500, false);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    custody_now c;
    if (rc == FD_OK)
        rc = load_custody(store, fn, actor, item_id, &c);
    if (rc)
        return rc;
    int64_t notified = c.notified_at;
    if (strcmp(c.state, "held") != 0)
        return fd__error(FD_ESTATE, "%s: item_id: item %lld is %s: only what the desk holds is notified", fn,
                         (long long)item_id, c.state);
    if ((rc = custody_in_order(store, fn, actor, &c)) != FD_OK)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_CUSTODY_NOTIFY);
    int changed = 0;
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, item_id);
        sqlite3_bind_int64(st, 2, actor->at);
        sqlite3_bind_int(st, 3, notified ? 1 : 0);
        rc = fd__stmt_done(store, fn, st, "recording the notice", &changed);
    }
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_ESTATE, "%s: item_id: item %lld left custody meanwhile", fn, (long long)item_id);
    if (rc == FD_OK)
        rc = custody_event(store, fn, actor, item_id, notified ? "remind" : "notify", how, note);
    return fd__store_write_end(store, fn, sp, rc);
}

/* Gives an item out of custody: collected, returned or handed on. */
static fd_status close_custody(fd_store *store, const char *fn, const fd_actor *actor, int64_t item_id,
                               const char *state, const char *event, const char *handed_to, const char *method,
                               const char *note)
{
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "handed_to", handed_to, 100, true);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "note", note, 500, false);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    custody_now c;
    if (rc == FD_OK)
        rc = load_custody(store, fn, actor, item_id, &c);
    if (rc)
        return rc;
    if (strcmp(c.state, "held") != 0)
        return fd__error(FD_ESTATE, "%s: item_id: item %lld is %s already (R-VIS-8)", fn, (long long)item_id,
                         c.state);
    if ((rc = custody_in_order(store, fn, actor, &c)) != FD_OK)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_CUSTODY_CLOSE);
    int changed = 0;
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, item_id);
        sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, actor->at);
        if (actor->staff_id)
            sqlite3_bind_int64(st, 4, actor->staff_id);
        sqlite3_bind_text(st, 5, handed_to, -1, SQLITE_STATIC);
        if (method)
            sqlite3_bind_text(st, 6, method, -1, SQLITE_STATIC);
        rc = fd__stmt_done(store, fn, st, "giving the item out", &changed);
    }
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_ESTATE, "%s: item_id: item %lld left custody meanwhile", fn, (long long)item_id);
    if (rc == FD_OK)
        rc = custody_event(store, fn, actor, item_id, event, method, note);
    return fd__store_write_end(store, fn, sp, rc);
}

fd_status fd_store_custody_collect(fd_store *store, const fd_actor *actor, int64_t item_id, const char *collected_by,
                                   const char *method, const char *note)
{
    static const char fn[] = "fd_store_custody_collect";
    if (method == NULL || (strcmp(method, "signature") != 0 && strcmp(method, "id_check") != 0))
        return fd__error(FD_EINVAL, "%s: method: '%.32s': an item is handed over with a signature (signature 签字) or "
                         "an ID check (id_check 核验证件) (R-VIS-8)", fn, method ? method : "(null)");
    return close_custody(store, fn, actor, item_id, "collected", "collect", collected_by, method, note);
}

fd_status fd_store_custody_return(fd_store *store, const fd_actor *actor, int64_t item_id, const char *returned_to,
                                  const char *note)
{
    return close_custody(store, "fd_store_custody_return", actor, item_id, "returned", "return", returned_to, NULL,
                         note);
}

fd_status fd_store_custody_hand_on(fd_store *store, const fd_actor *actor, int64_t item_id, const char *handed_to,
                                   const char *note)
{
    return close_custody(store, "fd_store_custody_hand_on", actor, item_id, "handed_on", "hand_on", handed_to, NULL,
                         note);
}

fd_status fd__custody_held_count(fd_store *s, const char *fn, sqlite3_stmt *st, int64_t now,
                                 const fd_policy *policy, fd_custody_status *out)
{
    fd_status rc = FD_OK;
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        fd_custody_item it = FD_CUSTODY_ITEM_INIT;
        it.state = "held";
        it.deposited_at = sqlite3_column_int64(st, 0);
        it.notified_at = sqlite3_column_int64(st, 1);
        it.owner = COL_TEXT(st, 2);
        it.phone = COL_TEXT(st, 3);
        it.occupant_id = sqlite3_column_int64(st, 4);
        it.unit_id = sqlite3_column_int64(st, 5);
        if ((rc = fd__columns_read(s, fn)) != FD_OK)
            break;
        fd_custody_due d;
        if ((rc = fd_custody_item_due(&d, &it, now, policy)) != FD_OK) {
            rc = fd__error_rename(rc, fn, NULL);
            break;
        }
        out->held++;
        out->to_notify += d.notify;
        out->to_remind += d.remind;
        out->unclaimed += d.unclaimed;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, "reading what the desk holds");
    return rc;
}

fd_status fd_store_custody_status(fd_custody_status *out, fd_store *store, const fd_actor *actor)
{
    static const char fn[] = "fd_store_custody_status";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    const fd_policy *policy = NULL;
    if ((rc = fd__store_policy(&policy, store, fn, actor->site_id)) != FD_OK)
        return rc;
    fd_custody_status r;
    memset(&r, 0, sizeof r);
    r.version = FD_CUSTODY_STATUS_VERSION;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_CUSTODY_HELD);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, actor->site_id);
    rc = fd__custody_held_count(store, fn, st, actor->at, policy, &r);
    int src;
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_PERMITS_WAITING)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        while ((src = sqlite3_step(st)) == SQLITE_ROW) {
            const char *state = COL_TEXT(st, 0);
            int64_t n = sqlite3_column_int64(st, 1);
            if (state && strcmp(state, "requested") == 0)
                r.permits_requested = n;
            else if (state && strcmp(state, "approved") == 0)
                r.permits_approved = n;
            else if (state && strcmp(state, "mismatch") == 0)
                r.permits_mismatch = n;
        }
        sqlite3_reset(st);
        if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "counting permits");
    }
    if (rc == FD_OK)
        *out = r;
    return rc;
}
