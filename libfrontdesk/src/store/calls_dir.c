/*
 * The store's side of the directory (R-CALL-5, R-CALL-6, R-CALL-12) and the
 * hotel switchboard (R-CALL-11): adding entries with their collation key,
 * presence, the callee lookup in collation order through an index, guests
 * and the answer for a caller asking for one.
 */
#include "store/calls_store.h"
#include "frontdesk/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_DIR_SET_SORT_KEY[] = "UPDATE directory SET sort_key = ?2 WHERE id = ?1";
static const char SQL_DIR_SET_PRESENCE[] =
    "UPDATE directory SET presence = ?3, presence_until = ?4 WHERE id = ?1 AND site_id = ?2";
/* The literal `extension <> ''` lets the partial index directory_site_extension serve it. */
static const char SQL_DIR_BY_EXTENSION[] =
    "SELECT id FROM directory WHERE site_id = ?1 AND extension = ?2 AND extension <> ''";
/* How many search keys a query's prefix matches, counted up to the threshold only. */
static const char SQL_DIR_KEY_COUNT[] =
    "SELECT count(*) FROM (SELECT 1 FROM search_keys WHERE tbl = 'directory' AND key >= ?1 AND key < ?2 LIMIT ?3)";

/*
 * The two plans of fd_store_dir_find, after "WHERE site_id = <site> AND"
 * (EXPLAIN QUERY PLAN in the comments). ?5 is the entry with the extension
 * asked for, or 0.
 * Few matches: read by id (directory_site_id) from the search keys, at most
 * the threshold of them, and sorted. The unary + keeps the planner, which
 * without statistics believes site_id picks few rows, from walking
 * directory_site_sort over the whole site to avoid that sort.
 *   SEARCH directory USING INDEX directory_site_id (site_id=? AND id=? AND rowid=?)
 *   LIST SUBQUERY 2 … SEARCH search_keys USING PRIMARY KEY (tbl=? AND key>? AND key<?)
 *   USE TEMP B-TREE FOR ORDER BY
 * Many matches: walk directory_site_sort in collation order, probing each
 * entry's keys (search_keys_directory); it stops after `limit` rows.
 *   SEARCH directory USING INDEX directory_site_sort (site_id=?)
 *   CORRELATED SCALAR SUBQUERY 1
 *     SEARCH search_keys USING COVERING INDEX search_keys_directory (row_id=? AND key>? AND key<?)
 */
static const char DIR_FIND_FEW[] =
    "id IN (SELECT row_id FROM search_keys WHERE tbl = 'directory' AND key >= ?3 AND key < ?4 "
    "UNION ALL SELECT CAST(?5 AS INTEGER)) ORDER BY +sort_key, +id";
static const char DIR_FIND_MANY[] =
    "(EXISTS (SELECT 1 FROM search_keys WHERE tbl = 'directory' AND row_id = directory.id AND key >= ?3 "
    "AND key < ?4) OR id = CAST(?5 AS INTEGER)) ORDER BY sort_key, id";
/* Above this many matching keys the index walk is cheaper than sorting the matches. */
#define DIR_FIND_THRESHOLD 2000

static const char SQL_GUEST_BY_ROOM[] =
    "SELECT id, arrival, checked_out_at, incognito FROM guests WHERE site_id = ?1 AND room = ?2";
static const char SQL_GUEST_BY_NAME[] =
    "SELECT id, arrival, checked_out_at, incognito FROM guests WHERE site_id = ?1 AND id IN "
    "(SELECT row_id FROM search_keys WHERE tbl = 'guests' AND key >= ?3 AND key < ?4)";
static const char SQL_GUEST_BY_ROOM_NAME[] =
    "SELECT id, arrival, checked_out_at, incognito FROM guests WHERE site_id = ?1 AND room = ?2 AND id IN "
    "(SELECT row_id FROM search_keys WHERE tbl = 'guests' AND key >= ?3 AND key < ?4)";
static const char SQL_GUEST_CHECKED_OUT[] = "SELECT checked_out_at FROM guests WHERE id = ?1 AND site_id = ?2";
static const char SQL_GUEST_CHECKOUT[] =
    "UPDATE guests SET checked_out_at = ?2 WHERE id = ?1 AND checked_out_at = 0";

/* --- directory --------------------------------------------------------------- */

fd_status fd_store_dir_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_dir_entry *entry)
{
    static const char fn[] = "fd_store_dir_add";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_dir_entry, fn, entry);
    if (rc == FD_OK && fd_call_code_label("entry_kind", entry->kind) == NULL)
        rc = fd__error(FD_EINVAL, "%s: dir_entry.kind: '%.32s' is not a code of entry_kind (person 个人, department "
                       "部门)", fn, entry->kind);
    if (rc == FD_OK && entry->screen && entry->screen[0] && strcmp(entry->screen, "screen") != 0)
        rc = fd__error(FD_EINVAL, "%s: dir_entry.screen: '%.32s' is not 'screen' or empty (R-CALL-12)", fn,
                       entry->screen);
    fd_dir_entry e;
    char number[FD__PHONE_MAX];
    if (rc == FD_OK) {
        e = *entry;
        if ((rc = fd__calls_phone(number, fn, "dir_entry.number", e.number, false)) == FD_OK)
            e.number = number;
    }
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor); /* the directory says who is protected (R-CALL-5) */
    if (rc == FD_OK)
        rc = fd__calls_ref_at_site(store, fn, "dir_entry.manager_entry", "directory", e.manager_entry,
                                   actor->site_id);
    if (rc == FD_OK)
        rc = fd__calls_ref_at_site(store, fn, "dir_entry.purchasing_entry", "directory", e.purchasing_entry,
                                   actor->site_id);
    /* The collation key: a person's name with its surname reading (单 under S). */
    fd_buf key = FD_BUF_INIT;
    if (rc == FD_OK)
        rc = fd_text_sort_key(&key, e.name, strcmp(e.kind, "person") == 0 ? FD_TEXT_ORDER_NAME : FD_TEXT_ORDER_PINYIN);
    if (rc) {
        fd_buf_dispose(&key);
        return rc;
    }
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK) {
        fd_buf_dispose(&key);
        return rc;
    }
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_dir_entry, &e, actor); /* FD_ECONFLICT: the extension */
    sqlite3_stmt *st = NULL;
    if (rc == FD_OK && (st = fd__store_stmt(store, fn, SQL_DIR_SET_SORT_KEY)) == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_blob(st, 2, key.ptr ? key.ptr : "", (int)key.size, SQLITE_STATIC);
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "writing the collation key");
    }
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "dir_entry", id, "add", e.name);
    rc = fd__store_write_end(store, fn, sp, rc);
    fd_buf_dispose(&key);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd_store_dir_presence_set(fd_store *store, const fd_actor *actor, int64_t entry_id, const char *presence,
                                    int64_t until)
{
    static const char fn[] = "fd_store_dir_presence_set";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && (presence == NULL || fd_call_code_label("presence", presence) == NULL))
        rc = fd__error(FD_EINVAL, "%s: presence: '%.32s' is not a code of presence (in 在岗, out 外出, busy 忙, dnd "
                       "勿扰)", fn, presence ? presence : "(null)");
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK && until != 0 && until <= actor->at)
        rc = fd__error(FD_EINVAL, "%s: until: not after the actor's instant (0 = until changed)", fn);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "until", until);
    if (rc == FD_OK)
        rc = entry_id == 0 ? fd__error(FD_ENOTFOUND, "%s: entry_id: no directory entry 0", fn)
                           : fd__calls_ref_at_site(store, fn, "entry_id", "directory", entry_id, actor->site_id);
    char detail[96];
    if (rc == FD_OK) {
        char zone[FD__ZONE_MAX + 1];
        fd_buf when = FD_BUF_INIT;
        if (until && (rc = fd__calls_site_zone(zone, store, fn, actor->site_id)) == FD_OK)
            rc = fd_instant_format(&when, zone, until);
        snprintf(detail, sizeof detail, "%s%s%s", presence, until ? " until " : "", until && when.ptr ? when.ptr : "");
        fd_buf_dispose(&when);
    }
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_DIR_SET_PRESENCE);
    if (st == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, entry_id);
        sqlite3_bind_int64(st, 2, actor->site_id);
        sqlite3_bind_text(st, 3, presence, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 4, until);
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "setting presence");
    }
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "dir_entry", entry_id, "presence", detail);
    return fd__store_write_end(store, fn, sp, rc);
}

/* The entry of the actor's site with extension @ext, 0 when none. */
static fd_status entry_by_extension(int64_t *out, fd_store *s, const char *fn, int64_t site_id, const char *ext)
{
    *out = 0;
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_DIR_BY_EXTENSION);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site_id);
    sqlite3_bind_text(st, 2, ext, -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return src == SQLITE_ROW || src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(s, fn, src, "finding the extension");
}

/* Search keys of the directory matching [@lo, @hi), counted up to DIR_FIND_THRESHOLD. */
static fd_status count_keys(int64_t *out, fd_store *s, const char *fn, const fd_buf *lo, const fd_buf *hi)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_DIR_KEY_COUNT);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_text(st, 1, lo->ptr, (int)lo->size, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hi->ptr, (int)hi->size, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, DIR_FIND_THRESHOLD);
    int src = sqlite3_step(st);
    *out = src == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, src, "counting matches");
}

fd_status fd_store_dir_find(fd_dir_entry_iter **out, fd_store *store, const fd_actor *actor, const char *query,
                            int64_t limit)
{
    static const char fn[] = "fd_store_dir_find";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        *out = NULL;
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "query", query, 400, true);
    if (rc == FD_OK && (limit < 1 || limit > 64))
        rc = fd__error(FD_ERANGE, "%s: limit: %lld, must be 1..64", fn, (long long)limit);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    /* Name, pinyin, initials, Traditional and full-width input all fold to one key prefix. */
    fd_buf lo = FD_BUF_INIT, hi = FD_BUF_INIT, norm = FD_BUF_INIT;
    rc = fd_text_search_query(&lo, query);
    if (rc == FD_OK && lo.size == 0)
        rc = fd__error(FD_EINVAL, "%s: query: nothing to search for", fn);
    if (rc == FD_OK)
        rc = fd__buf_put(&hi, lo.ptr, lo.size);
    if (rc == FD_OK)
        rc = fd__buf_put(&hi, "\xff", 1);
    /* An extension is matched exactly: digits, full-width ones too (NFKC). */
    int64_t ext_id = 0;
    if (rc == FD_OK)
        rc = fd_text_normalize(&norm, query);
    bool digits = rc == FD_OK && norm.size > 0 && norm.size <= 16;
    for (size_t i = 0; digits && i < norm.size; i++)
        digits = norm.ptr[i] >= '0' && norm.ptr[i] <= '9';
    if (rc == FD_OK && digits)
        rc = entry_by_extension(&ext_id, store, fn, actor->site_id, norm.ptr);
    int64_t matches = 0;
    if (rc == FD_OK)
        rc = count_keys(&matches, store, fn, &lo, &hi);
    if (rc == FD_OK) {
        char ext[24];
        snprintf(ext, sizeof ext, "%lld", (long long)ext_id);
        const char *args[] = { lo.ptr, hi.ptr, ext };
        rc = fd__record_query_sql((fd__iter **)out, store, fn, &fd__record_dir_entry, actor,
                                  matches < DIR_FIND_THRESHOLD ? DIR_FIND_FEW : DIR_FIND_MANY, args, 3, limit);
    }
    fd_buf_dispose(&lo);
    fd_buf_dispose(&hi);
    fd_buf_dispose(&norm);
    return rc;
}

/* --- guests (R-CALL-11) -------------------------------------------------------------- */

static int date_cmp(fd_date a, fd_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    return a.day < b.day ? -1 : a.day > b.day;
}

fd_status fd_store_guest_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_guest *guest)
{
    static const char fn[] = "fd_store_guest_add";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_guest, fn, guest);
    if (rc == FD_OK && date_cmp(guest->departure, guest->arrival) < 0)
        rc = fd__error(FD_EINVAL, "%s: guest.departure: %04d-%02d-%02d is before guest.arrival %04d-%02d-%02d", fn,
                       (int)guest->departure.year, (int)guest->departure.month, (int)guest->departure.day,
                       (int)guest->arrival.year, (int)guest->arrival.month, (int)guest->arrival.day);
    if (rc == FD_OK && guest->checked_out_at != 0)
        rc = fd__error(FD_EINVAL, "%s: guest.checked_out_at: a guest is registered before checking out "
                       "(fd_store_guest_checkout)", fn);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_guest, guest, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "guest", id, "add", guest->room);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd_store_guest_checkout(fd_store *store, const fd_actor *actor, int64_t guest_id)
{
    static const char fn[] = "fd_store_guest_checkout";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_GUEST_CHECKED_OUT);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, guest_id);
    sqlite3_bind_int64(st, 2, actor->site_id);
    int src = sqlite3_step(st);
    int64_t out_at = src == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (src == SQLITE_DONE)
        return fd__error(FD_ENOTFOUND, "%s: guest_id: no guest %lld at the actor's site", fn, (long long)guest_id);
    if (src != SQLITE_ROW)
        return fd__store_sqlerr(store, fn, src, "reading the guest");
    if (out_at != 0)
        return fd__error(FD_ESTATE, "%s: guest_id: guest %lld checked out already", fn, (long long)guest_id);
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    if ((st = fd__store_stmt(store, fn, SQL_GUEST_CHECKOUT)) == NULL) {
        rc = fd_error_last()->code;
    } else {
        sqlite3_bind_int64(st, 1, guest_id);
        sqlite3_bind_int64(st, 2, actor->at);
        src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "checking the guest out");
        else if (sqlite3_changes(store->db) != 1)
            rc = fd__error(FD_ESTATE, "%s: guest_id: guest %lld checked out already", fn, (long long)guest_id);
    }
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "guest", guest_id, "checkout", NULL);
    return fd__store_write_end(store, fn, sp, rc);
}

/* How near a guest's stay is to today: lower is nearer (in house, arriving soonest, latest out). */
typedef struct guest_rank {
    int answer;   /* an fd_guest_answer, ordered by answer_order() */
    int64_t key;  /* within the answer: smaller is nearer */
} guest_rank;

static int answer_order(int answer)
{
    switch (answer) {
    case FD_GUEST_IN_HOUSE: return 0;
    case FD_GUEST_NOT_ARRIVED: return 1;
    default: return 2; /* checked out */
    }
}

static bool nearer(guest_rank a, guest_rank b)
{
    int oa = answer_order(a.answer), ob = answer_order(b.answer);
    return oa != ob ? oa < ob : a.key < b.key;
}

fd_status fd_store_guest_lookup(int *out_answer, fd_guest **out_guest, fd_store *store, const fd_actor *actor,
                                const char *name, const char *room)
{
    static const char fn[] = "fd_store_guest_lookup";
    if (out_guest)
        *out_guest = NULL;
    fd_status rc = fd__check_ptr(fn, "out_answer", out_answer);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && name)
        rc = fd__check_text(fn, "name", name, 400, false);
    if (rc == FD_OK && room)
        rc = fd__check_text(fn, "room", room, 64, false);
    bool by_name = name && name[0], by_room = room && room[0];
    if (rc == FD_OK && !by_name && !by_room)
        rc = fd__error(FD_EINVAL, "%s: name, room: give a name or a room (or both)", fn);
    fd__actor_info info = { "", false };
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, &info);
    if (rc)
        return rc;
    fd_buf lo = FD_BUF_INIT, hi = FD_BUF_INIT, rm = FD_BUF_INIT;
    if (by_name && (rc = fd_text_search_query(&lo, name)) == FD_OK) {
        by_name = lo.size > 0;
        if ((rc = fd__buf_put(&hi, lo.ptr ? lo.ptr : "", lo.size)) == FD_OK)
            rc = fd__buf_put(&hi, "\xff", 1);
    }
    if (rc == FD_OK && by_room)
        rc = fd_text_normalize(&rm, room); /* "１２０８" is room 1208 */
    /* R-CALL-11: the answer is given on the site's date. */
    char zone[FD__ZONE_MAX + 1];
    fd_local_time now;
    if (rc == FD_OK)
        rc = fd__calls_site_zone(zone, store, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd_instant_to_local(&now, zone, actor->at);
    sqlite3_stmt *st = NULL;
    if (rc == FD_OK && (by_name || by_room)) {
        st = fd__store_stmt(store, fn, by_name && by_room ? SQL_GUEST_BY_ROOM_NAME
                                       : by_name        ? SQL_GUEST_BY_NAME
                                                        : SQL_GUEST_BY_ROOM);
        if (st == NULL)
            rc = fd_error_last()->code;
    }
    int64_t best_id = 0;
    bool best_incognito = false;
    guest_rank best = { FD_GUEST_NONE, 0 };
    if (st) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        if (by_room)
            sqlite3_bind_text(st, 2, rm.ptr, (int)rm.size, SQLITE_STATIC);
        if (by_name) {
            sqlite3_bind_text(st, 3, lo.ptr, (int)lo.size, SQLITE_STATIC);
            sqlite3_bind_text(st, 4, hi.ptr, (int)hi.size, SQLITE_STATIC);
        }
        int src;
        while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
            /* An incognito guest does not exist for an actor who may not see them. */
            bool incognito = sqlite3_column_int(st, 3) != 0;
            if (incognito && !info.reveal)
                continue;
            fd_guest g = FD_GUEST_INIT;
            const char *arrival = (const char *)sqlite3_column_text(st, 1);
            if (arrival == NULL || fd_date_parse(&g.arrival, arrival) != FD_OK) {
                rc = fd__error(FD_EDATA, "%s: guest %lld: stored arrival is not a date", fn,
                               (long long)sqlite3_column_int64(st, 0));
                break;
            }
            g.checked_out_at = sqlite3_column_int64(st, 2);
            guest_rank r = { FD_GUEST_NONE, 0 };
            if ((rc = fd_guest_answer_for(&r.answer, &g, now.date, 1)) != FD_OK)
                break;
            if (r.answer == FD_GUEST_CHECKED_OUT)
                r.key = -g.checked_out_at;
            else
                r.key = fd__days_from_civil(g.arrival.year, g.arrival.month, g.arrival.day) *
                        (r.answer == FD_GUEST_IN_HOUSE ? -1 : 1); /* in house: latest arrival; arriving: soonest */
            if (best_id == 0 || nearer(r, best)) {
                best = r;
                best_id = sqlite3_column_int64(st, 0);
                best_incognito = incognito;
            }
        }
        sqlite3_reset(st);
        if (rc == FD_OK && src != SQLITE_DONE)
            rc = fd__store_sqlerr(store, fn, src, "looking up guests");
    }
    fd_buf_dispose(&lo);
    fd_buf_dispose(&hi);
    fd_buf_dispose(&rm);
    if (rc)
        return rc;
    /* Seeing an incognito guest is a reveal: logged before the answer is given (R-COM-2). */
    if (best_id && best_incognito) {
        if (!sqlite3_get_autocommit(store->db))
            return fd__error(FD_ESTATE, "%s: actor.grants: a reveal is committed to the access log before the data "
                             "is shown, which an open transaction could roll back: reveal outside a transaction", fn);
        bool sp;
        if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
            return rc;
        rc = fd__reveal_log(store, fn, actor, "guest", best_id, "incognito");
        if ((rc = fd__store_write_end(store, fn, sp, rc)) != FD_OK)
            return rc;
    }
    if (best_id && out_guest &&
        (rc = fd__record_get((void **)out_guest, store, fn, &fd__record_guest, actor, best_id)) != FD_OK)
        return rc;
    *out_answer = best_id ? best.answer : FD_GUEST_NONE;
    return FD_OK;
}
