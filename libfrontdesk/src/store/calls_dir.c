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
static const char SQL_DIR_KEYS_SET_SORT[] =
    "UPDATE search_keys SET sort_key = ?2 WHERE tbl = 'directory' AND row_id = ?1";
static const char SQL_DIR_SET_PRESENCE[] =
    "UPDATE directory SET presence = ?3, presence_until = ?4 WHERE id = ?1 AND site_id = ?2";
/* The literal `extension <> ''` lets the partial index directory_site_extension serve it. */
static const char SQL_DIR_BY_EXTENSION[] =
    "SELECT id FROM directory WHERE site_id = ?1 AND extension = ?2 AND extension <> ''";

/*
 * fd_store_dir_find finds the ids of the first page first, then reads those
 * entries through the record engine (masking, reveals). Three statements
 * (their EXPLAIN QUERY PLAN in the comments):
 *
 * How many search keys the query's prefix matches, counted up to a cap:
 *   SEARCH search_keys USING PRIMARY KEY (tbl=? AND key>? AND key<?)
 */
static const char SQL_DIR_KEY_COUNT[] =
    "SELECT count(*) FROM (SELECT 1 FROM search_keys WHERE tbl = 'directory' AND key >= ?1 AND key < ?2 LIMIT ?3)";
/*
 * Up to the cap: the first matches in collation order from the key range
 * alone — each directory key carries its entry's site and sort key, so the
 * primary key's range is read once, in place, keeping the first ?5 (a bounded
 * sort, never of whole entries); an entry matching by several keys comes in
 * adjacent rows. The second form continues after a position.
 *   SEARCH search_keys USING PRIMARY KEY (tbl=? AND key>? AND key<?)
 *   USE TEMP B-TREE FOR ORDER BY
 */
static const char SQL_DIR_FIRST[] =
    "SELECT row_id, sort_key FROM search_keys WHERE tbl = 'directory' AND key >= ?1 AND key < ?2 "
    "AND sort_key >= ?3 AND sort_key < ?4 ORDER BY sort_key, row_id LIMIT ?5";
static const char SQL_DIR_NEXT[] =
    "SELECT row_id, sort_key FROM search_keys WHERE tbl = 'directory' AND key >= ?1 AND key < ?2 "
    "AND sort_key >= ?3 AND sort_key < ?4 AND (sort_key, row_id) > (?6, ?7) ORDER BY sort_key, row_id LIMIT ?5";
/*
 * Over the cap (a query matching a large part of the directory, as one
 * letter does): walk directory_site_sort in collation order, probing each
 * entry's keys, for at most ?5 entries; a page filled within them is the
 * first page. Matches that lie further (a query whose matches cluster late in
 * the order) fall back to the bounded sort above.
 *   CO-ROUTINE d: SEARCH directory USING COVERING INDEX directory_site_sort (site_id=?)
 *   SCAN d
 *   CORRELATED SCALAR SUBQUERY 2:
 *     SEARCH search_keys USING COVERING INDEX search_keys_directory (row_id=? AND key>? AND key<?)
 */
static const char SQL_DIR_WALK[] =
    "SELECT id FROM (SELECT id FROM directory WHERE site_id = ?1 ORDER BY sort_key, id LIMIT ?5) AS d "
    "WHERE EXISTS (SELECT 1 FROM search_keys WHERE tbl = 'directory' AND row_id = d.id AND key >= ?2 AND key < ?3) "
    "LIMIT ?4";
/* Keys counted before choosing; entries walked before falling back. */
#define DIR_FIND_CAP 20000
#define DIR_FIND_WALK 500

/* The entries found (at most 64 and the extension's), in collation order, through the record engine. */
static const char DIR_FIND_IDS[] =
    "id IN (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, "
    "?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42, ?43, ?44, ?45, ?46, "
    "?47, ?48, ?49, ?50, ?51, ?52, ?53, ?54, ?55, ?56, ?57, ?58, ?59, ?60, ?61, ?62, ?63, ?64, ?65, ?66, ?67) "
    "ORDER BY +sort_key, +id";
#define DIR_FIND_MAX_IDS 65

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

/* @out = site @site_id as 8 bytes big-endian, then @key (NULL: nothing after the site). */
static fd_status site_prefix(fd_buf *out, int64_t site_id, const fd_buf *key)
{
    unsigned char be[8];
    for (int i = 0; i < 8; i++)
        be[i] = (unsigned char)((uint64_t)site_id >> (56 - 8 * i));
    fd__buf_clear(out);
    fd_status rc = fd__buf_put(out, (const char *)be, 8);
    if (rc == FD_OK && key && key->size)
        rc = fd__buf_put(out, key->ptr, key->size);
    return rc;
}

/* Runs "UPDATE ... SET x = ?2 WHERE ... ?1" with @id and the bytes of @blob. */
static fd_status set_blob(fd_store *s, const char *fn, const char *sql, int64_t id, const fd_buf *blob)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_blob(st, 2, blob->ptr ? blob->ptr : "", (int)blob->size, SQLITE_STATIC);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    return src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(s, fn, src, "writing the collation key");
}

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
    /* The collation key: a person's name with its surname reading (单 under S); the
     * search keys carry it after the site (8 bytes, big-endian) for fd_store_dir_find. */
    fd_buf key = FD_BUF_INIT, site_key = FD_BUF_INIT;
    if (rc == FD_OK)
        rc = fd_text_sort_key(&key, e.name, strcmp(e.kind, "person") == 0 ? FD_TEXT_ORDER_NAME : FD_TEXT_ORDER_PINYIN);
    if (rc == FD_OK)
        rc = site_prefix(&site_key, actor->site_id, &key);
    bool sp = false;
    if (rc == FD_OK)
        rc = fd__store_write_begin(store, fn, &sp);
    if (rc) {
        fd_buf_dispose(&key);
        fd_buf_dispose(&site_key);
        return rc;
    }
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_dir_entry, &e, actor); /* FD_ECONFLICT: the extension */
    if (rc == FD_OK)
        rc = set_blob(store, fn, SQL_DIR_SET_SORT_KEY, id, &key);
    if (rc == FD_OK)
        rc = set_blob(store, fn, SQL_DIR_KEYS_SET_SORT, id, &site_key);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "dir_entry", id, "add", e.name);
    rc = fd__store_write_end(store, fn, sp, rc);
    fd_buf_dispose(&key);
    fd_buf_dispose(&site_key);
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
        if (until && (rc = fd__store_site_zone(zone, store, fn, actor->site_id)) == FD_OK)
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

/* Search keys of the directory matching [@lo, @hi), counted up to DIR_FIND_CAP. */
static fd_status count_keys(int64_t *out, fd_store *s, const char *fn, const fd_buf *lo, const fd_buf *hi)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_DIR_KEY_COUNT);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_text(st, 1, lo->ptr, (int)lo->size, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hi->ptr, (int)hi->size, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, DIR_FIND_CAP);
    int src = sqlite3_step(st);
    *out = src == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, src, "counting matches");
}

/* The ids of a page being found, in collation order. */
typedef struct page_ids {
    int64_t id[DIR_FIND_MAX_IDS];
    size_t n;
} page_ids;

/* The first @limit entries matching [@lo, @hi) at site @site_id from the search keys alone. */
static fd_status first_by_keys(page_ids *p, fd_store *s, const char *fn, int64_t site_id, const fd_buf *lo,
                               const fd_buf *hi, int64_t limit)
{
    fd_buf from = FD_BUF_INIT, to = FD_BUF_INIT, last = FD_BUF_INIT;
    fd_status rc = site_prefix(&from, site_id, NULL);
    if (rc == FD_OK)
        rc = site_prefix(&to, site_id + 1, NULL);
    /* An entry comes once per matching key: fetch a few per entry wanted, and go on if that was not enough. */
    const int64_t batch = limit * 8;
    int64_t last_row = 0;
    bool more = true;
    while (rc == FD_OK && more && (int64_t)p->n < limit) {
        sqlite3_stmt *st = fd__store_stmt(s, fn, last_row ? SQL_DIR_NEXT : SQL_DIR_FIRST);
        if (st == NULL) {
            rc = fd_error_last()->code;
            break;
        }
        sqlite3_bind_text(st, 1, lo->ptr, (int)lo->size, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, hi->ptr, (int)hi->size, SQLITE_STATIC);
        sqlite3_bind_blob(st, 3, from.ptr, (int)from.size, SQLITE_STATIC);
        sqlite3_bind_blob(st, 4, to.ptr, (int)to.size, SQLITE_STATIC);
        sqlite3_bind_int64(st, 5, batch);
        if (last_row) {
            sqlite3_bind_blob(st, 6, last.ptr ? last.ptr : "", (int)last.size, SQLITE_TRANSIENT);
            sqlite3_bind_int64(st, 7, last_row);
        }
        int64_t rows = 0;
        int src;
        while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
            rows++;
            int64_t id = sqlite3_column_int64(st, 0);
            if (id == last_row)
                continue; /* the same entry by another key */
            last_row = id;
            fd__buf_clear(&last);
            rc = fd__buf_put(&last, sqlite3_column_blob(st, 1), (size_t)sqlite3_column_bytes(st, 1));
            if (rc == FD_OK && (int64_t)p->n < limit)
                p->id[p->n++] = id;
        }
        sqlite3_reset(st);
        if (rc == FD_OK && src != SQLITE_DONE)
            rc = fd__store_sqlerr(s, fn, src, "finding entries");
        more = rows == batch;
    }
    fd_buf_dispose(&from);
    fd_buf_dispose(&to);
    fd_buf_dispose(&last);
    return rc;
}

/* The first @limit matches among the first DIR_FIND_WALK entries in collation order; p->n may fall short. */
static fd_status first_by_walk(page_ids *p, fd_store *s, const char *fn, int64_t site_id, const fd_buf *lo,
                               const fd_buf *hi, int64_t limit)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_DIR_WALK);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site_id);
    sqlite3_bind_text(st, 2, lo->ptr, (int)lo->size, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, hi->ptr, (int)hi->size, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, limit);
    sqlite3_bind_int(st, 5, DIR_FIND_WALK);
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW && (int64_t)p->n < limit)
        p->id[p->n++] = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return src == SQLITE_DONE || src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, src, "finding entries");
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
    /* The first page of the matches in collation order, never sorting whole entries. */
    page_ids page = { { 0 }, 0 };
    int64_t matches = 0;
    if (rc == FD_OK)
        rc = count_keys(&matches, store, fn, &lo, &hi);
    if (rc == FD_OK && matches >= DIR_FIND_CAP)
        rc = first_by_walk(&page, store, fn, actor->site_id, &lo, &hi, limit);
    if (rc == FD_OK && (int64_t)page.n < limit && matches > 0) {
        page.n = 0;
        rc = first_by_keys(&page, store, fn, actor->site_id, &lo, &hi, limit);
    }
    /* An extension is matched exactly: digits, full-width ones too (NFKC); it takes its place in the order. */
    if (rc == FD_OK)
        rc = fd_text_normalize(&norm, query);
    bool digits = rc == FD_OK && norm.size > 0 && norm.size <= 16;
    for (size_t i = 0; digits && i < norm.size; i++)
        digits = norm.ptr[i] >= '0' && norm.ptr[i] <= '9';
    int64_t ext_id = 0;
    if (rc == FD_OK && digits)
        rc = entry_by_extension(&ext_id, store, fn, actor->site_id, norm.ptr);
    bool have = ext_id == 0;
    for (size_t i = 0; i < page.n && !have; i++)
        have = page.id[i] == ext_id;
    if (!have) { /* the exact extension is always on the page: it takes the place of the last name match */
        if ((int64_t)page.n >= limit)
            page.n = (size_t)limit - 1;
        page.id[page.n++] = ext_id;
    }
    if (rc == FD_OK) {
        char text[DIR_FIND_MAX_IDS][24];
        const char *args[DIR_FIND_MAX_IDS];
        for (size_t i = 0; i < page.n; i++) {
            snprintf(text[i], sizeof text[i], "%lld", (long long)page.id[i]);
            args[i] = text[i];
        }
        rc = fd__record_query_sql((fd__iter **)out, store, fn, &fd__record_dir_entry, actor, DIR_FIND_IDS, args,
                                  page.n, limit);
    }
    fd_buf_dispose(&lo);
    fd_buf_dispose(&hi);
    fd_buf_dispose(&norm);
    return rc;
}

/* --- guests (R-CALL-11) -------------------------------------------------------------- */

fd_status fd_store_guest_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_guest *guest)
{
    static const char fn[] = "fd_store_guest_add";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_guest, fn, guest);
    if (rc == FD_OK && fd__date_cmp(guest->departure, guest->arrival) < 0)
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
        rc = fd__store_site_zone(zone, store, fn, actor->site_id);
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
