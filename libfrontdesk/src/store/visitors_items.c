/*
 * Visitor cards and other counted items (issue 12, item 5; R-VIS-4, R-COM-4):
 * the site's stock by item, each issued to a visit on site and returned or
 * lost — a card once at a time — and the counts at a shift's start and end,
 * entered by one member of staff and signed by the other, beside what the
 * records say; a difference stays open until explained. Every change of an
 * item is an item_events row with who and when; nothing is deleted (R-COM-3).
 */
#include "store/visitors_store.h"
#include "store/property_store.h"

#include <stdio.h>
#include <string.h>

static const char SQL_ITEM[] =
    "SELECT state, coalesce(visit_id, 0), kind, code, created_at, state_at FROM counted_items "
    "WHERE id = ?1 AND site_id = ?2";
static const char SQL_ITEM_SET[] =
    "UPDATE counted_items SET state = ?3, visit_id = ?4, state_at = ?5 WHERE id = ?1 AND state = ?2";
/* The code as folded; a code stored before codes were folded (v01) is found too, the folded one first. */
static const char SQL_ITEM_BY_CODE[] =
    "SELECT id FROM counted_items WHERE site_id = ?1 AND upper(code) = ?2 ORDER BY code = ?2 DESC, id LIMIT 1";
static const char SQL_VISIT_HERE[] = "SELECT arrived_at, departed_at FROM visits WHERE id = ?1 AND site_id = ?2";
static const char SQL_IN_STOCK[] =
    "SELECT count(*) FROM counted_items WHERE site_id = ?1 AND kind = ?2 AND state = 'in_stock'";
static const char SQL_COSIGNER[] = "SELECT site_id, active FROM staff WHERE id = ?1";
static const char SQL_COUNT_STATE[] = "SELECT state, at FROM item_counts WHERE id = ?1 AND site_id = ?2";
static const char SQL_COUNT_EXPLAIN[] =
    "UPDATE item_counts SET state = 'explained', explained_at = ?2, explained_by = ?3, explanation = ?4 "
    "WHERE id = ?1 AND state = 'open'";

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))

/* What a change needs to know of an item. */
typedef struct item_now {
    char state[17];
    int64_t visit_id;
    char kind[17];
    char code[33];
    int64_t created_at, state_at; /* added; its state last changed (0: never) */
} item_now;

static fd_status read_item(sqlite3_stmt *st, void *ctx)
{
    item_now *out = ctx;
    fd__copy_fixed(out->state, sizeof out->state, COL_TEXT(st, 0));
    out->visit_id = sqlite3_column_int64(st, 1);
    fd__copy_fixed(out->kind, sizeof out->kind, COL_TEXT(st, 2));
    fd__copy_fixed(out->code, sizeof out->code, COL_TEXT(st, 3));
    out->created_at = sqlite3_column_int64(st, 4);
    out->state_at = sqlite3_column_int64(st, 5);
    return FD_OK;
}

static fd_status load_item(fd_store *s, const char *fn, const fd_actor *actor, int64_t item_id, item_now *out)
{
    return fd__store_load(s, fn, SQL_ITEM, item_id, actor->site_id, "item_id", "item", read_item, out);
}

/* R-COM-3: a change of item @it is not dated before it was added nor before its last change. */
static fd_status item_in_order(fd_store *s, const char *fn, const fd_actor *actor, const item_now *it)
{
    fd_status rc = fd__step_check(s, fn, actor->site_id, "at", actor->at, it->created_at, "the item was added");
    return rc ? rc
              : fd__step_check(s, fn, actor->site_id, "at", actor->at, it->state_at,
                               strcmp(it->state, "issued") == 0 ? "the item was issued"
                               : strcmp(it->state, "lost") == 0 ? "the item was recorded lost"
                                                                 : "the item came back to the desk");
}

/* Moves item @it from its state to @to (holding @visit_id, 0 = none) with its event, in one write, dated in
 * order (item_in_order). */
static fd_status move_item(fd_store *s, const char *fn, const fd_actor *actor, int64_t item_id, const item_now *it,
                           const char *to, int64_t visit_id, const char *event, int64_t event_visit, const char *note)
{
    const char *from = it->state;
    bool sp;
    fd_status rc = item_in_order(s, fn, actor, it);
    if (rc == FD_OK)
        rc = fd__store_write_begin(s, fn, &sp);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_ITEM_SET);
    int changed = 0;
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, item_id);
        sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
        if (visit_id)
            sqlite3_bind_int64(st, 4, visit_id);
        sqlite3_bind_int64(st, 5, actor->at);
        rc = fd__stmt_done(s, fn, st, "updating the item", &changed);
    }
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_ESTATE, "%s: item_id: item %lld changed meanwhile (no longer %s)", fn, (long long)item_id,
                       from);
    if (rc == FD_OK) {
        fd_item_event e = FD_ITEM_EVENT_INIT;
        e.item_id = item_id;
        e.kind = event;
        e.visit_id = event_visit;
        e.note = note;
        rc = fd__record_insert(NULL, s, fn, &fd__record_item_event, &e, actor);
    }
    return fd__store_write_end(s, fn, sp, rc);
}

static fd_status item_begin(fd_store *store, const char *fn, const fd_actor *actor, const char *note, bool required)
{
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "note", note, 500, required);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    return rc;
}

fd_status fd_store_item_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_counted_item *item)
{
    static const char fn[] = "fd_store_item_add";
    fd_buf code = FD_BUF_INIT;
    fd_status rc = fd__visitors_add_begin(fn, out_id, store, fd__counted_item_validate(fn, item, &code), actor);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    bool sp;
    if (rc == FD_OK)
        rc = fd__store_write_begin(store, fn, &sp);
    if (rc) {
        fd_buf_dispose(&code);
        return rc;
    }
    /* The code as folded: one card is one code, however it was typed (R-VIS-4). */
    fd_counted_item c = *item;
    c.code = code.ptr;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_counted_item, &c, actor);
    char detail[64];
    snprintf(detail, sizeof detail, "%s %s", c.kind, c.code);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "item", id, "add", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    fd_buf_dispose(&code);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd_store_item_get_by_code(fd_counted_item **out, fd_store *store, const fd_actor *actor, const char *code)
{
    static const char fn[] = "fd_store_item_get_by_code";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    *out = NULL;
    fd_buf folded = FD_BUF_INIT;
    if ((rc = fd__check_ptr(fn, "store", store)) == FD_OK)
        rc = fd__item_code_fold(&folded, fn, "code", code);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    int64_t id = 0;
    sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(store, fn, SQL_ITEM_BY_CODE) : NULL;
    if (rc == FD_OK && st == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_text(st, 2, folded.ptr, -1, SQLITE_STATIC);
        int src = sqlite3_step(st);
        id = src == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        sqlite3_reset(st);
        if (src != SQLITE_ROW && src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "finding the item");
        else if (src == SQLITE_DONE)
            rc = fd__error(FD_ENOTFOUND, "%s: code: no item '%.32s' at the actor's site", fn, folded.ptr);
    }
    fd_buf_dispose(&folded);
    return rc ? rc : fd__record_get((void **)out, store, fn, &fd__record_counted_item, actor, id);
}

fd_status fd_store_item_issue(fd_store *store, const fd_actor *actor, int64_t item_id, int64_t visit_id)
{
    static const char fn[] = "fd_store_item_issue";
    fd_status rc = item_begin(store, fn, actor, NULL, false);
    item_now it;
    if (rc == FD_OK)
        rc = load_item(store, fn, actor, item_id, &it);
    if (rc)
        return rc;
    const char *label = fd_visit_code_label("item_kind", it.kind);
    if (strcmp(it.state, "issued") == 0)
        return fd__error(FD_ESTATE, "%s: item_id: %s %s is issued already, to visit %lld: a card is issued once at a "
                         "time (R-VIS-4)", fn, label ? label : it.kind, it.code, (long long)it.visit_id);
    if (strcmp(it.state, "in_stock") != 0)
        return fd__error(FD_ESTATE, "%s: item_id: %s is %s, not in stock", fn, it.code, it.state);
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_VISIT_HERE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, visit_id);
    sqlite3_bind_int64(st, 2, actor->site_id);
    int src = sqlite3_step(st);
    int64_t arrived = src == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    int64_t departed = src == SQLITE_ROW ? sqlite3_column_int64(st, 1) : 0;
    sqlite3_reset(st);
    if (src == SQLITE_DONE)
        return fd__error(FD_ENOTFOUND, "%s: visit_id: no visit %lld at the actor's site", fn, (long long)visit_id);
    if (src != SQLITE_ROW)
        return fd__store_sqlerr(store, fn, src, "reading the visit");
    if (arrived == 0 || departed != 0)
        return fd__error(FD_ESTATE, "%s: visit_id: visit %lld is not on site (%s): items are issued to visitors who "
                         "are there", fn, (long long)visit_id, arrived == 0 ? "not arrived" : "left");
    if ((rc = fd__step_check(store, fn, actor->site_id, "at", actor->at, arrived, "the visitor arrived")) != FD_OK)
        return rc;
    return move_item(store, fn, actor, item_id, &it, "issued", visit_id, "issue", visit_id, NULL);
}

fd_status fd_store_item_return(fd_store *store, const fd_actor *actor, int64_t item_id, const char *note)
{
    static const char fn[] = "fd_store_item_return";
    fd_status rc = item_begin(store, fn, actor, note, false);
    item_now it;
    if (rc == FD_OK)
        rc = load_item(store, fn, actor, item_id, &it);
    if (rc)
        return rc;
    if (strcmp(it.state, "issued") != 0)
        return fd__error(FD_ESTATE, "%s: item_id: %s is %s, not issued", fn, it.code, it.state);
    return move_item(store, fn, actor, item_id, &it, "in_stock", 0, "return", it.visit_id, note);
}

fd_status fd_store_item_lost(fd_store *store, const fd_actor *actor, int64_t item_id, const char *note)
{
    static const char fn[] = "fd_store_item_lost";
    fd_status rc = item_begin(store, fn, actor, note, true);
    item_now it;
    if (rc == FD_OK)
        rc = load_item(store, fn, actor, item_id, &it);
    if (rc)
        return rc;
    if (strcmp(it.state, "lost") == 0)
        return fd__error(FD_ESTATE, "%s: item_id: %s is lost already", fn, it.code);
    return move_item(store, fn, actor, item_id, &it, "lost", 0, "lost", it.visit_id, note);
}

fd_status fd_store_item_found(fd_store *store, const fd_actor *actor, int64_t item_id, const char *note)
{
    static const char fn[] = "fd_store_item_found";
    fd_status rc = item_begin(store, fn, actor, note, false);
    item_now it;
    if (rc == FD_OK)
        rc = load_item(store, fn, actor, item_id, &it);
    if (rc)
        return rc;
    if (strcmp(it.state, "lost") != 0)
        return fd__error(FD_ESTATE, "%s: item_id: %s is %s, not lost", fn, it.code, it.state);
    return move_item(store, fn, actor, item_id, &it, "in_stock", 0, "found", 0, note);
}

fd_status fd_store_item_count(int64_t *out_id, fd_store *store, const fd_actor *actor, const char *kind,
                              const char *moment, int64_t counted, int64_t cosigner)
{
    static const char fn[] = "fd_store_item_count";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && (kind == NULL || fd_visit_code_label("item_kind", kind) == NULL))
        rc = fd__error(FD_EINVAL, "%s: kind: '%.32s' is not a kind of item (visitor_card 访客卡, key 钥匙, umbrella "
                       "雨伞, other 其他物品)", fn, kind ? kind : "(null)");
    if (rc == FD_OK && (moment == NULL || fd_visit_code_label("moment", moment) == NULL))
        rc = fd__error(FD_EINVAL, "%s: moment: '%.32s' is not start (接班) or end (交班) of a shift", fn,
                       moment ? moment : "(null)");
    if (rc == FD_OK && counted < 0)
        rc = fd__error(FD_EINVAL, "%s: counted: %lld must not be negative", fn, (long long)counted);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK && actor->staff_id == 0)
        rc = fd__error(FD_EINVAL, "%s: actor.staff_id: a count is signed by the staff on duty, not the system "
                       "(R-VIS-4)", fn);
    if (rc == FD_OK && cosigner == actor->staff_id)
        rc = fd__error(FD_EINVAL, "%s: cosigner: the count is signed by two members of staff: the cosigner is not "
                       "the one who counted (R-VIS-4)", fn);
    if (rc)
        return rc;
    /* The cosigner: active staff of this site. */
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_COSIGNER);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, cosigner);
    int src = sqlite3_step(st);
    bool ok = src == SQLITE_ROW && sqlite3_column_int64(st, 0) == actor->site_id && sqlite3_column_int(st, 1) == 1;
    sqlite3_reset(st);
    if (src != SQLITE_ROW && src != SQLITE_DONE)
        return fd__store_sqlerr(store, fn, src, "reading the cosigner");
    if (!ok)
        return fd__error(FD_EPERM, "%s: cosigner: %lld is not active staff of the actor's site", fn,
                         (long long)cosigner);
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t expected = 0, id = 0;
    if ((st = fd__store_stmt(store, fn, SQL_IN_STOCK)) == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, actor->site_id);
        sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
        rc = fd__stmt_int(store, fn, st, "counting the stock", &expected);
    }
    if (rc == FD_OK) {
        fd_item_count c = FD_ITEM_COUNT_INIT;
        c.kind = kind;
        c.moment = moment;
        c.expected = expected;
        c.counted = counted;
        c.cosigner = cosigner;
        c.state = counted == expected ? "ok" : "open";
        rc = fd__record_insert(&id, store, fn, &fd__record_item_count, &c, actor);
    }
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

/* A count's state and when it was made. */
typedef struct count_now {
    char state[17];
    int64_t at;
} count_now;

static fd_status read_count(sqlite3_stmt *st, void *ctx)
{
    count_now *out = ctx;
    fd__copy_fixed(out->state, sizeof out->state, COL_TEXT(st, 0));
    out->at = sqlite3_column_int64(st, 1);
    return FD_OK;
}

fd_status fd_store_item_count_explain(fd_store *store, const fd_actor *actor, int64_t count_id,
                                      const char *explanation)
{
    static const char fn[] = "fd_store_item_count_explain";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "explanation", explanation, 500, true);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    count_now c;
    if ((rc = fd__store_load(store, fn, SQL_COUNT_STATE, count_id, actor->site_id, "count_id", "count", read_count,
                             &c)) != FD_OK)
        return rc;
    if (strcmp(c.state, "open") != 0)
        return fd__error(FD_ESTATE, "%s: count_id: count %lld is %s: only an open difference is explained", fn,
                         (long long)count_id, c.state);
    if ((rc = fd__step_check(store, fn, actor->site_id, "at", actor->at, c.at, "the count was made")) != FD_OK)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int changed = 0;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_COUNT_EXPLAIN);
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, count_id);
        sqlite3_bind_int64(st, 2, actor->at);
        if (actor->staff_id)
            sqlite3_bind_int64(st, 3, actor->staff_id);
        sqlite3_bind_text(st, 4, explanation, -1, SQLITE_STATIC);
        rc = fd__stmt_done(store, fn, st, "explaining the count", &changed);
    }
    if (rc == FD_OK && changed != 1)
        rc = fd__error(FD_ESTATE, "%s: count_id: count %lld was explained meanwhile", fn, (long long)count_id);
    return fd__store_write_end(store, fn, sp, rc);
}
