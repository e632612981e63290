/*
 * A blocklist that matches without showing (issue 12, item 4; R-VIS-1,
 * R-COM-2). An entry is matched on its ID number's keyed hash, its phone in
 * E.164, its whole name folded (NFKC, case, white space, Traditional →
 * Simplified) — sure matches — or the name's toneless pinyin, a possible match
 * that says so. Never by substring: a short entry cannot flag a longer name.
 * A match tells the desk the level and the reason, never what is stored.
 */
#include "store/visitors_store.h"
#include "store/property_store.h"
#include "frontdesk/phone.h"
#include "frontdesk/pii.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_ACTIVE_COUNT[] = "SELECT count(*) FROM blocklist WHERE site_id = ?1 AND lifted_at = 0";
static const char SQL_KEYS[] =
    "UPDATE blocklist SET name_fold = ?2, name_pinyin = ?3, name_pinyin_alt = ?4, id_hash = ?5 WHERE id = ?1";
static const char SQL_LIFT_STATE[] = "SELECT lifted_at, added_at FROM blocklist WHERE id = ?1 AND site_id = ?2";
static const char SQL_LIFT[] = "UPDATE blocklist SET lifted_at = ?2, lifted_by = ?3 WHERE id = ?1 AND lifted_at = 0";

/* The entries in force with one key; ?1 site, ?2 key, ?3 the instant. */
#define MATCH_COLS "SELECT id, level, reason, added_at FROM blocklist WHERE site_id = ?1 AND "
#define IN_FORCE " AND lifted_at = 0 AND (valid_from = 0 OR valid_from <= ?3) AND (valid_until = 0 OR ?3 < valid_until)"
static const char SQL_MATCH_HASH[] = MATCH_COLS "id_hash = ?2" IN_FORCE;
static const char SQL_MATCH_PHONE[] = MATCH_COLS "phone = ?2" IN_FORCE;
static const char SQL_MATCH_NAME[] = MATCH_COLS "name_fold = ?2" IN_FORCE;
static const char SQL_MATCH_PINYIN[] = MATCH_COLS "name_pinyin = ?2" IN_FORCE;
static const char SQL_MATCH_PINYIN_ALT[] = MATCH_COLS "name_pinyin_alt = ?2" IN_FORCE;

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))

static int level_rank(const char *level)
{
    return strcmp(level, "forbidden") == 0 ? 3 : strcmp(level, "limited") == 0 ? 2 : 1;
}

/* A phone as the blocklist keeps it: E.164 where it has one, else the national form. */
static fd_status blocklist_phone(char out[32], const char *fn, const char *qname, const char *text)
{
    fd_phone ph;
    fd_status rc = fd_phone_parse(&ph, text);
    if (rc)
        return fd__error_rename(rc, fn, qname);
    snprintf(out, 32, "%s", ph.e164[0] ? ph.e164 : ph.national);
    return FD_OK;
}

/* --- the count that lets a site without entries skip the look-ups -------------------------- */

static fd_status active_count(int64_t *out, fd_store *s, const char *fn, int64_t site)
{
    fd__visitors *v = fd__visitors_of(s, fn);
    if (v == NULL)
        return FD_ENOMEM;
    unsigned int version = fd__store_data_version(s);
    if (v->bl_valid && v->bl_site == site && v->bl_version == version && version != 0) {
        *out = v->bl_count;
        return FD_OK;
    }
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_ACTIVE_COUNT);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site);
    int src = sqlite3_step(st);
    int64_t n = src == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (src != SQLITE_ROW)
        return fd__store_sqlerr(s, fn, src, "counting blocklist entries");
    v->bl_valid = true;
    v->bl_site = site;
    v->bl_version = version;
    v->bl_count = n;
    *out = n;
    return FD_OK;
}

/* --- matching ----------------------------------------------------------------------------- */

/* What the matching has found so far. */
typedef struct found {
    fd_blocklist_match best;
    int best_rank;       /* level rank; sure matches above possible ones */
    int64_t best_added;
    bool sure;
    int64_t *ids;        /* entries counted (one entry may match on several keys) */
    size_t n, cap;
    fd__bl_hits *hits;
} found;

static fd_status add_hit(found *f, const char *fn, int64_t id, const char *level, const char *basis)
{
    fd__bl_hits *h = f->hits;
    if (h == NULL)
        return FD_OK;
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 4;
        fd__bl_hit *p = realloc(h->v, cap * sizeof *p);
        if (p == NULL)
            return fd__oom(fn);
        h->v = p;
        h->cap = cap;
    }
    fd__bl_hit *x = &h->v[h->n++];
    x->entry_id = id;
    fd__copy_fixed(x->level, sizeof x->level, level);
    fd__copy_fixed(x->basis, sizeof x->basis, basis);
    return FD_OK;
}

/* Reads the entries in force that @sql finds with @key, counting each once. */
static fd_status match_rows(fd_store *s, const char *fn, const char *sql, int64_t site, int64_t at, const char *key,
                            const char *basis, bool sure, found *f)
{
    if (key == NULL || key[0] == '\0')
        return FD_OK;
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, at);
    fd_status rc = FD_OK;
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0), added = sqlite3_column_int64(st, 3);
        const char *level = COL_TEXT(st, 1), *reason = COL_TEXT(st, 2);
        if ((rc = fd__columns_read(s, fn)) != FD_OK)
            break;
        /* valid_from 0 means from its adding */
        if (added > at)
            continue;
        bool again = false;
        for (size_t i = 0; i < f->n && !again; i++)
            again = f->ids[i] == id;
        if (again)
            continue;
        if (f->n == f->cap) {
            size_t cap = f->cap ? f->cap * 2 : 8;
            int64_t *p = realloc(f->ids, cap * sizeof *p);
            if (p == NULL) {
                rc = fd__oom(fn);
                break;
            }
            f->ids = p;
            f->cap = cap;
        }
        f->ids[f->n++] = id;
        if ((rc = add_hit(f, fn, id, level ? level : "warning", basis)) != FD_OK)
            break;
        if (sure)
            f->best.matches++;
        int rank = level_rank(level ? level : "") + (sure ? 10 : 0);
        if (rank > f->best_rank || (rank == f->best_rank && added < f->best_added)) {
            f->best_rank = rank;
            f->best_added = added;
            f->sure |= sure;
            f->best.answer = sure ? FD_BLOCKLIST_MATCH : FD_BLOCKLIST_POSSIBLE;
            f->best.entry_id = id;
            fd__copy_fixed(f->best.level, sizeof f->best.level, level ? level : "");
            fd__copy_fixed(f->best.basis, sizeof f->best.basis, basis);
            /* The reason is shown to the desk: any number in it is masked (R-COM-2). */
            fd_buf masked = FD_BUF_INIT;
            int64_t count = 0;
            rc = fd_pii_mask_text(&masked, &count, reason ? reason : "");
            if (rc == FD_OK)
                fd__copy_fixed(f->best.reason, sizeof f->best.reason, masked.ptr ? masked.ptr : "");
            fd_buf_dispose(&masked);
        }
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE && src != SQLITE_ROW)
        rc = fd__store_sqlerr(s, fn, src, "matching the blocklist");
    return rc;
}

fd_status fd__visitors_blocklist_match(fd_blocklist_match *out, fd__bl_hits *hits, fd_store *s, const char *fn,
                                       const fd_actor *actor, const char *name, const char *phone,
                                       const char *id_hash)
{
    found f;
    memset(&f, 0, sizeof f);
    f.best.version = FD_BLOCKLIST_MATCH_VERSION;
    f.hits = hits;
    int64_t entries = 0;
    fd_status rc = active_count(&entries, s, fn, actor->site_id);
    if (rc == FD_OK && entries == 0) {
        *out = f.best;
        return FD_OK;
    }
    int64_t site = actor->site_id, at = actor->at;
    char e164[32] = "";
    if (rc == FD_OK && phone && phone[0])
        rc = blocklist_phone(e164, fn, "phone", phone);
    if (rc == FD_OK)
        rc = match_rows(s, fn, SQL_MATCH_HASH, site, at, id_hash, "id", true, &f);
    if (rc == FD_OK)
        rc = match_rows(s, fn, SQL_MATCH_PHONE, site, at, e164, "phone", true, &f);
    fd_buf fold = FD_BUF_INIT, py = FD_BUF_INIT, alt = FD_BUF_INIT;
    if (rc == FD_OK && name && name[0]) {
        rc = fd__property_name_keys(name, &fold, &py, &alt);
        if (rc == FD_OK)
            rc = match_rows(s, fn, SQL_MATCH_NAME, site, at, fold.ptr, "name", true, &f);
        /* The toneless pinyin, either reading on either side: a homophone, or pinyin typed in. */
        const char *keys[2] = { py.ptr, alt.ptr };
        for (int k = 0; rc == FD_OK && k < 2; k++) {
            rc = match_rows(s, fn, SQL_MATCH_PINYIN, site, at, keys[k], "pinyin", false, &f);
            if (rc == FD_OK)
                rc = match_rows(s, fn, SQL_MATCH_PINYIN_ALT, site, at, keys[k], "pinyin", false, &f);
        }
    }
    fd_buf_dispose(&fold);
    fd_buf_dispose(&py);
    fd_buf_dispose(&alt);
    free(f.ids);
    if (rc)
        return rc;
    /* Possible matches are counted when nothing sure matched. */
    if (!f.sure && f.best.answer == FD_BLOCKLIST_POSSIBLE)
        f.best.matches = (int64_t)f.n;
    *out = f.best;
    return FD_OK;
}

fd_status fd_store_blocklist_check(fd_blocklist_match *out, fd_store *store, const fd_actor *actor, const char *name,
                                   const char *phone, const fd_id_document *id)
{
    static const char fn[] = "fd_store_blocklist_check";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && name)
        rc = fd__check_text(fn, "name", name, 200, false);
    if (rc == FD_OK && phone)
        rc = fd__check_text_redacted(fn, "phone", phone);
    bool has_id = id && id->number && id->number[0];
    if (rc == FD_OK && !has_id && (name == NULL || name[0] == '\0') && (phone == NULL || phone[0] == '\0'))
        rc = fd__error(FD_EINVAL, "%s: name: nothing to check: give a name, a phone or an ID document", fn);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    fd_id_number num;
    bool have = false;
    if ((rc = fd__visitors_read_id(&num, &have, store, fn, id, actor->site_id, actor->at)) != FD_OK)
        return rc;
    char hash[FD__HASH_HEX + 1] = "";
    unsigned char secret[32];
    bool found_secret = false;
    if (have && (rc = fd__visitors_secret(store, fn, actor, false, secret, &found_secret)) == FD_OK && found_secret)
        rc = fd__visitors_id_hash(store, fn, secret, &num, hash);
    if (rc)
        return rc;
    fd_blocklist_match m;
    if ((rc = fd__visitors_blocklist_match(&m, NULL, store, fn, actor, name, phone, hash[0] ? hash : NULL)) != FD_OK)
        return rc;
    *out = m;
    return FD_OK;
}

/* --- keeping the list --------------------------------------------------------------------- */

fd_status fd_store_blocklist_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                 const fd_blocklist_entry *entry, const fd_id_document *id)
{
    static const char fn[] = "fd_store_blocklist_add";
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    fd_date today;
    if (rc == FD_OK)
        rc = fd__visitors_site_date(&today, store, fn, actor->site_id, actor->at);
    if (rc == FD_OK && (rc = fd_blocklist_entry_validate(entry, id, today)) != FD_OK)
        rc = fd__error_rename(rc, fn, NULL);
    if (rc == FD_OK && entry->valid_until && entry->valid_until <= actor->at) {
        /* An entry whose window is over would never apply: it is refused, not kept as if in force (R-VIS-1). */
        char when[FD__WHEN_MAX], now[FD__WHEN_MAX];
        fd__site_when(when, store, fn, actor->site_id, entry->valid_until, 0);
        fd__site_when(now, store, fn, actor->site_id, actor->at, entry->valid_until);
        rc = fd__error(FD_EINVAL, "%s: blocklist_entry.valid_until: %s is not after now (%s): the entry would never "
                       "apply (R-VIS-1)", fn, when, now);
    }
    fd_id_number num;
    bool has_id = false;
    if (rc == FD_OK)
        rc = fd__visitors_read_id(&num, &has_id, store, fn, id, actor->site_id, actor->at);
    fd_blocklist_entry e;
    char phone[32] = "";
    if (rc == FD_OK) {
        e = *entry;
        if (e.phone && e.phone[0] && (rc = blocklist_phone(phone, fn, "blocklist_entry.phone", e.phone)) == FD_OK)
            e.phone = phone;
        e.id_type = has_id ? num.type : "";
        e.id_masked = has_id ? num.masked : "";
    }
    fd_buf fold = FD_BUF_INIT, py = FD_BUF_INIT, alt = FD_BUF_INIT;
    if (rc == FD_OK && e.name && e.name[0]) {
        rc = fd__property_name_keys(e.name, &fold, &py, &alt);
        if (rc == FD_OK && fold.size == 0)
            rc = fd__error(FD_EINVAL, "%s: blocklist_entry.name: has nothing to match (white space only)", fn);
    }
    if (rc) {
        fd_buf_dispose(&fold);
        fd_buf_dispose(&py);
        fd_buf_dispose(&alt);
        return rc;
    }
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK) {
        fd_buf_dispose(&fold);
        fd_buf_dispose(&py);
        fd_buf_dispose(&alt);
        return rc;
    }
    int64_t id_row = 0;
    char hash[FD__HASH_HEX + 1] = "";
    unsigned char secret[32];
    bool have = false;
    if (has_id && (rc = fd__visitors_secret(store, fn, actor, true, secret, &have)) == FD_OK)
        rc = fd__visitors_id_hash(store, fn, secret, &num, hash);
    if (rc == FD_OK)
        rc = fd__record_insert(&id_row, store, fn, &fd__record_blocklist_entry, &e, actor);
    sqlite3_stmt *st = rc == FD_OK ? fd__store_stmt(store, fn, SQL_KEYS) : NULL;
    if (rc == FD_OK && st == NULL)
        rc = fd_error_last()->code;
    if (rc == FD_OK) {
        /* Keys set once ('' for none: the row's keys are then settled, 0008_visitors.sql). */
        sqlite3_bind_int64(st, 1, id_row);
        sqlite3_bind_text(st, 2, fold.ptr ? fold.ptr : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, py.ptr ? py.ptr : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, alt.ptr ? alt.ptr : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, hash, -1, SQLITE_STATIC);
        rc = fd__stmt_done(store, fn, st, "writing the entry's keys", NULL);
    }
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "blocklist", id_row, "add", e.level);
    fd__visitors_blocklist_changed(store);
    rc = fd__store_write_end(store, fn, sp, rc);
    fd_buf_dispose(&fold);
    fd_buf_dispose(&py);
    fd_buf_dispose(&alt);
    if (rc == FD_OK)
        *out_id = id_row;
    return rc;
}

fd_status fd_store_blocklist_lift(fd_store *store, const fd_actor *actor, int64_t entry_id, const char *reason)
{
    static const char fn[] = "fd_store_blocklist_lift";
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "reason", reason, 500, true);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    if (rc)
        return rc;
    static const fd__mark lift = { SQL_LIFT_STATE, SQL_LIFT, "entry_id", "blocklist entry", "lifted",
                                   "the entry was added", "blocklist", "lift" };
    rc = fd__store_mark_once(store, fn, actor, &lift, entry_id, reason);
    fd__visitors_blocklist_changed(store);
    return rc;
}

const char *fd_blocklist_answer_name(int answer)
{
    switch (answer) {
    case FD_BLOCKLIST_NONE: return "none";
    case FD_BLOCKLIST_MATCH: return "match";
    case FD_BLOCKLIST_POSSIBLE: return "possible";
    default: return "";
    }
}
