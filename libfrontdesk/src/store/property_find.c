/*
 * Finding people and units in the property register (fd_store_property_find,
 * R-VIS-1) and R-VIS-5's resident check (fd_store_resident_check).
 *
 * The find reads one page through indexes and stops when it is full: the units
 * a number names (units_site_number / units_site_room) with their occupants
 * and organisations, the rows with that phone (the *_site_phone indexes), then
 * the search keys of names in key order — one range scan per table of
 * search_keys, merged here — fetching each row once by id. It never reads
 * every match, so a query costs the same over 100,000 occupants as over 100.
 */
#include "store/property_store.h"
#include "store/record.h"
#include "frontdesk/phone.h"
#include "frontdesk/pii.h"
#include "frontdesk/property.h"
#include "frontdesk/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QUERY_MAX 200
#define HITS_MAX 64
#define HITS_DEFAULT 20
#define KIND_BITS ((1u << FD_PROPERTY_UNIT) | (1u << FD_PROPERTY_OCCUPANT) | (1u << FD_PROPERTY_ORGANISATION) | \
                   (1u << FD_PROPERTY_DEPARTMENT) | (1u << FD_PROPERTY_EMPLOYEE))

/* --- names of codes -------------------------------------------------------------------- */

const char *fd_property_kind_name(int kind)
{
    switch (kind) {
    case FD_PROPERTY_UNIT: return "unit";
    case FD_PROPERTY_OCCUPANT: return "occupant";
    case FD_PROPERTY_ORGANISATION: return "organisation";
    case FD_PROPERTY_DEPARTMENT: return "department";
    case FD_PROPERTY_EMPLOYEE: return "employee";
    default: return "";
    }
}

const char *fd_property_match_name(int match)
{
    switch (match) {
    case FD_PROPERTY_MATCH_UNIT: return "unit";
    case FD_PROPERTY_MATCH_PHONE: return "phone";
    case FD_PROPERTY_MATCH_NAME: return "name";
    default: return "";
    }
}

const char *fd_resident_answer_name(int answer)
{
    switch (answer) {
    case FD_RESIDENT_NO: return "no";
    case FD_RESIDENT_YES: return "yes";
    case FD_RESIDENT_POSSIBLE: return "possible";
    default: return "";
    }
}

fd_status fd_property_find_options_init(fd_property_find_options *opts, unsigned int version)
{
    static const char fn[] = "fd_property_find_options_init";
    fd_status rc = fd__check_ptr(fn, "opts", opts);
    if (rc)
        return rc;
    if (version != FD_PROPERTY_FIND_OPTIONS_VERSION)
        return fd__error(FD_EINVAL, "%s: version: %u, this library knows %d", fn, version,
                         FD_PROPERTY_FIND_OPTIONS_VERSION);
    fd_property_find_options init = FD_PROPERTY_FIND_OPTIONS_INIT;
    *opts = init;
    return FD_OK;
}

/* --- the page -------------------------------------------------------------------------- */

/* A hit as it is collected: strings owned, the reveals it needs. */
typedef struct hit_row {
    fd_property_hit hit;
    char *strings[6]; /* name, phone, unit, organisation, department, role */
    const char *reveal_record; /* "occupant", "employee", "organisation": the record of a reveal */
    bool reveal_name, reveal_phone;
} hit_row;

struct fd_property_hits {
    hit_row *rows;
    size_t n, cap;
    int more;
};

size_t fd_property_hits_count(const fd_property_hits *hits)
{
    return hits ? hits->n : 0;
}

const fd_property_hit *fd_property_hits_get(const fd_property_hits *hits, size_t index)
{
    return hits && index < hits->n ? &hits->rows[index].hit : NULL;
}

int fd_property_hits_more(const fd_property_hits *hits)
{
    return hits ? hits->more : 0;
}

void fd_property_hits_free(fd_property_hits *hits)
{
    if (hits == NULL)
        return;
    for (size_t i = 0; i < hits->n; i++)
        for (size_t k = 0; k < 6; k++)
            free(hits->rows[i].strings[k]);
    free(hits->rows);
    free(hits);
}

/* The state of one find. */
typedef struct finder {
    fd_store *s;
    const char *fn;
    const fd_actor *actor;
    unsigned int kinds;
    bool include_former, reveal, mask_names;
    char on[16];            /* the day, 'YYYY-MM-DD' */
    size_t limit;
    fd_property_hits *page;
    uint64_t *seen;         /* open addressing set of kind << 56 | id, 0 = empty */
    size_t seen_cap, seen_n;
    fd_buf tmp;
} finder;

static bool wanted(const finder *f, int kind)
{
    return (f->kinds & (1u << kind)) != 0;
}

/* Marks (kind, id) seen; false when it was already (each hit once). */
static fd_status see(finder *f, int kind, int64_t id, bool *fresh)
{
    if (f->seen_n * 2 >= f->seen_cap) {
        size_t cap = f->seen_cap ? f->seen_cap * 2 : 256;
        uint64_t *set = calloc(cap, sizeof *set);
        if (set == NULL)
            return fd__oom(f->fn);
        for (size_t i = 0; i < f->seen_cap; i++) {
            uint64_t k = f->seen[i];
            if (k == 0)
                continue;
            size_t h = (size_t)((k * UINT64_C(0x9E3779B97F4A7C15)) >> 20) & (cap - 1);
            while (set[h])
                h = (h + 1) & (cap - 1);
            set[h] = k;
        }
        free(f->seen);
        f->seen = set;
        f->seen_cap = cap;
    }
    uint64_t key = ((uint64_t)kind << 56) | (uint64_t)id;
    size_t h = (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 20) & (f->seen_cap - 1);
    while (f->seen[h] && f->seen[h] != key)
        h = (h + 1) & (f->seen_cap - 1);
    *fresh = f->seen[h] == 0;
    if (*fresh) {
        f->seen[h] = key;
        f->seen_n++;
    }
    return FD_OK;
}

static bool full(const finder *f)
{
    return f->page->n >= f->limit;
}

/* Whether a [from, until) of 'YYYY-MM-DD' texts (NULL: open) holds the finder's day. */
static bool holds(const finder *f, const char *from, const char *until)
{
    return (from == NULL || *from == '\0' || strcmp(from, f->on) <= 0) &&
           (until == NULL || *until == '\0' || strcmp(f->on, until) < 0);
}

static char *dup_text(const char *s)
{
    return strdup(s ? s : "");
}

/*
 * Masks @value of class @cls unless revealed (R-COM-2); *@revealed says whether
 * showing it in clear is a reveal to log. Returns a new string.
 */
static fd_status shown(finder *f, fd_pii_class cls, const char *value, bool personal, char **out, bool *revealed)
{
    *revealed = false;
    if (value == NULL || *value == '\0' || !personal) {
        *out = dup_text(value);
        return *out ? FD_OK : fd__oom(f->fn);
    }
    fd_status rc = fd_pii_mask(&f->tmp, cls, value);
    if (rc)
        return rc;
    bool differs = strcmp(f->tmp.ptr, value) != 0;
    if (f->reveal) {
        *revealed = differs;
        *out = dup_text(value);
    } else {
        *out = dup_text(f->tmp.ptr);
    }
    return *out ? FD_OK : fd__oom(f->fn);
}

/* What a hit is made of, before masking. */
typedef struct hit_in {
    int kind, match;
    int64_t id, unit_id, organisation_id;
    const char *name, *phone, *unit, *organisation, *department, *role;
    bool personal_name; /* a person's name: masked when the site masks names */
    int current;
} hit_in;

/* Appends a hit to the page (masked unless revealed). */
static fd_status add_hit(finder *f, const hit_in *in)
{
    fd_property_hits *p = f->page;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 8;
        hit_row *rows = realloc(p->rows, cap * sizeof *rows);
        if (rows == NULL)
            return fd__oom(f->fn);
        p->rows = rows;
        p->cap = cap;
    }
    hit_row *r = &p->rows[p->n];
    memset(r, 0, sizeof *r);
    fd_status rc = shown(f, FD_PII_NAME, in->name, in->personal_name && f->mask_names, &r->strings[0], &r->reveal_name);
    if (rc == FD_OK)
        rc = shown(f, FD_PII_PHONE, in->phone, true, &r->strings[1], &r->reveal_phone);
    const char *plain[4] = { in->unit, in->organisation, in->department, in->role };
    for (size_t k = 0; k < 4 && rc == FD_OK; k++)
        if ((r->strings[2 + k] = dup_text(plain[k])) == NULL)
            rc = fd__oom(f->fn);
    if (rc) {
        for (size_t k = 0; k < 6; k++)
            free(r->strings[k]);
        return rc;
    }
    r->reveal_record = in->kind == FD_PROPERTY_OCCUPANT ? "occupant"
                       : in->kind == FD_PROPERTY_EMPLOYEE ? "employee"
                                                          : "organisation";
    fd_property_hit *h = &r->hit;
    h->version = FD_PROPERTY_HIT_VERSION;
    h->kind = in->kind;
    h->match = in->match;
    h->id = in->id;
    h->unit_id = in->unit_id;
    h->organisation_id = in->organisation_id;
    h->current = in->current;
    p->n++;
    return FD_OK;
}

/* Points the hits' strings at their copies (the array no longer moves). */
static void fix_strings(fd_property_hits *p)
{
    for (size_t i = 0; i < p->n; i++) {
        hit_row *r = &p->rows[i];
        r->hit.name = r->strings[0];
        r->hit.phone = r->strings[1];
        r->hit.unit = r->strings[2];
        r->hit.organisation = r->strings[3];
        r->hit.department = r->strings[4];
        r->hit.role = r->strings[5];
    }
}

/* --- one row of each kind, by id ----------------------------------------------------------- */

static const char SQL_HIT_UNIT[] = "SELECT site_id, number, use FROM units WHERE id = ?1";
static const char SQL_HIT_OCCUPANT[] =
    "SELECT o.site_id, o.name, o.phone, o.role, o.move_in, o.move_out, o.unit_id, u.number "
    "FROM occupants o JOIN units u ON u.id = o.unit_id WHERE o.id = ?1";
static const char SQL_HIT_ORGANISATION[] =
    "SELECT g.site_id, g.name, g.phone, g.move_in, g.move_out, g.unit_id, u.number "
    "FROM organisations g LEFT JOIN units u ON u.id = g.unit_id WHERE g.id = ?1";
static const char SQL_HIT_DEPARTMENT[] =
    "SELECT d.site_id, d.name, d.organisation_id, g.name, g.move_in, g.move_out, u.id, u.number "
    "FROM departments d JOIN organisations g ON g.id = d.organisation_id "
    "LEFT JOIN units u ON u.id = coalesce(d.unit_id, g.unit_id) WHERE d.id = ?1";
static const char SQL_HIT_EMPLOYEE[] =
    "SELECT e.site_id, e.name, e.phone, e.title, e.left_on, e.organisation_id, g.name, g.move_in, g.move_out, "
    "d.name, u.id, u.number FROM employees e JOIN organisations g ON g.id = e.organisation_id "
    "LEFT JOIN departments d ON d.id = e.department_id "
    "LEFT JOIN units u ON u.id = coalesce(d.unit_id, g.unit_id) WHERE e.id = ?1";

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))

/*
 * Considers (kind, id) for the page: once only, of the actor's site, current
 * unless former ones are asked for. *@taken says whether it went on the page
 * (or, the page being full, would have: then `more` is set).
 */
static fd_status consider(finder *f, int kind, int64_t id, int match, bool *taken)
{
    *taken = false;
    if (!wanted(f, kind))
        return FD_OK;
    bool fresh = false;
    fd_status rc = see(f, kind, id, &fresh);
    if (rc || !fresh)
        return rc;
    static const char *const sql[] = { NULL, SQL_HIT_UNIT, SQL_HIT_OCCUPANT, SQL_HIT_ORGANISATION,
                                       SQL_HIT_DEPARTMENT, SQL_HIT_EMPLOYEE };
    sqlite3_stmt *st = fd__store_stmt(f->s, f->fn, sql[kind]);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, id);
    int src = sqlite3_step(st);
    if (src != SQLITE_ROW) {
        sqlite3_reset(st);
        return src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(f->s, f->fn, src, "reading a hit");
    }
    hit_in in;
    memset(&in, 0, sizeof in);
    in.kind = kind;
    in.match = match;
    in.id = id;
    in.current = 1;
    switch (kind) {
    case FD_PROPERTY_UNIT:
        in.name = in.unit = COL_TEXT(st, 1);
        in.role = COL_TEXT(st, 2);
        in.unit_id = id;
        break;
    case FD_PROPERTY_OCCUPANT:
        in.name = COL_TEXT(st, 1);
        in.phone = COL_TEXT(st, 2);
        in.role = COL_TEXT(st, 3);
        in.current = holds(f, COL_TEXT(st, 4), COL_TEXT(st, 5));
        in.unit_id = sqlite3_column_int64(st, 6);
        in.unit = COL_TEXT(st, 7);
        in.personal_name = true;
        break;
    case FD_PROPERTY_ORGANISATION:
        in.name = in.organisation = COL_TEXT(st, 1);
        in.phone = COL_TEXT(st, 2);
        in.current = holds(f, COL_TEXT(st, 3), COL_TEXT(st, 4));
        in.unit_id = sqlite3_column_int64(st, 5);
        in.unit = COL_TEXT(st, 6);
        in.organisation_id = id;
        break;
    case FD_PROPERTY_DEPARTMENT:
        in.name = in.department = COL_TEXT(st, 1);
        in.organisation_id = sqlite3_column_int64(st, 2);
        in.organisation = COL_TEXT(st, 3);
        in.current = holds(f, COL_TEXT(st, 4), COL_TEXT(st, 5));
        in.unit_id = sqlite3_column_int64(st, 6);
        in.unit = COL_TEXT(st, 7);
        break;
    default: /* FD_PROPERTY_EMPLOYEE */
        in.name = COL_TEXT(st, 1);
        in.phone = COL_TEXT(st, 2);
        in.role = COL_TEXT(st, 3);
        in.current = holds(f, NULL, COL_TEXT(st, 4)) && holds(f, COL_TEXT(st, 7), COL_TEXT(st, 8));
        in.organisation_id = sqlite3_column_int64(st, 5);
        in.organisation = COL_TEXT(st, 6);
        in.department = COL_TEXT(st, 9);
        in.unit_id = sqlite3_column_int64(st, 10);
        in.unit = COL_TEXT(st, 11);
        in.personal_name = true;
        break;
    }
    bool ours = sqlite3_column_int64(st, 0) == f->actor->site_id && (in.current || f->include_former);
    if ((rc = fd__columns_read(f->s, f->fn)) != FD_OK) {
        sqlite3_reset(st);
        return rc;
    }
    if (ours && full(f)) {
        f->page->more = 1;
        *taken = true;
    } else if (ours) {
        rc = add_hit(f, &in);
        *taken = rc == FD_OK;
    }
    sqlite3_reset(st);
    return rc;
}

/* --- by unit number ------------------------------------------------------------------------ */

static const char SQL_FIND_UNIT_NUMBER[] = "SELECT id FROM units WHERE site_id = ?1 AND number = ?2";
static const char SQL_FIND_UNIT_ROOM[] =
    "SELECT id FROM units WHERE site_id = ?1 AND room = ?2 ORDER BY sort_key, id LIMIT ?3";
static const char SQL_FIND_UNIT_OCCUPANTS[] = "SELECT id FROM occupants WHERE unit_id = ?1 ORDER BY move_in, id";
static const char SQL_FIND_UNIT_ORGS[] = "SELECT id FROM organisations WHERE unit_id = ?1 ORDER BY id";

/* Runs a cached "SELECT id ..." with @unit bound to ?1 and considers each id as @kind. */
static fd_status consider_ids(finder *f, const char *sql, int64_t bind1, int kind, int match)
{
    if (!wanted(f, kind))
        return FD_OK;
    sqlite3_stmt *st = fd__store_stmt(f->s, f->fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, bind1);
    /* Collect first: consider() runs statements of its own. */
    int64_t ids[HITS_MAX + 1];
    size_t n = 0;
    int src;
    bool more = false;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (n < HITS_MAX + 1)
            ids[n++] = sqlite3_column_int64(st, 0);
        else
            more = true;
    }
    sqlite3_reset(st);
    if (src != SQLITE_DONE)
        return fd__store_sqlerr(f->s, f->fn, src, "reading a unit's occupants");
    fd_status rc = FD_OK;
    for (size_t i = 0; i < n && rc == FD_OK && !f->page->more; i++) {
        bool taken;
        rc = consider(f, kind, ids[i], match, &taken);
    }
    /* A unit with more than a page of occupants: the page is full anyway. */
    if (more && full(f))
        f->page->more = 1;
    return rc;
}

static fd_status find_units(finder *f, const char *query)
{
    fd_unit_number u;
    fd_status prc = fd_unit_number_parse(&u, query);
    if (prc == FD_ENOMEM)
        return prc;
    if (prc != FD_OK) {
        fd_error_clear();
        return FD_OK; /* not a unit number: nothing to find this way */
    }
    bool by_number = u.building[0] != '\0';
    sqlite3_stmt *st = fd__store_stmt(f->s, f->fn, by_number ? SQL_FIND_UNIT_NUMBER : SQL_FIND_UNIT_ROOM);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, f->actor->site_id);
    sqlite3_bind_text(st, 2, by_number ? u.number : u.room, -1, SQLITE_STATIC);
    if (!by_number)
        sqlite3_bind_int64(st, 3, HITS_MAX + 1);
    int64_t units[HITS_MAX + 1];
    size_t n = 0;
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW && n < HITS_MAX + 1)
        units[n++] = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (src != SQLITE_DONE && src != SQLITE_ROW)
        return fd__store_sqlerr(f->s, f->fn, src, "looking up units");
    fd_status rc = FD_OK;
    for (size_t i = 0; i < n && rc == FD_OK && !f->page->more; i++) {
        bool taken;
        rc = consider(f, FD_PROPERTY_UNIT, units[i], FD_PROPERTY_MATCH_UNIT, &taken);
        if (rc == FD_OK)
            rc = consider_ids(f, SQL_FIND_UNIT_OCCUPANTS, units[i], FD_PROPERTY_OCCUPANT, FD_PROPERTY_MATCH_UNIT);
        if (rc == FD_OK)
            rc = consider_ids(f, SQL_FIND_UNIT_ORGS, units[i], FD_PROPERTY_ORGANISATION, FD_PROPERTY_MATCH_UNIT);
    }
    return rc;
}

/* --- by phone --------------------------------------------------------------------------------- */

static const char SQL_FIND_PHONE_OCCUPANTS[] = "SELECT id FROM occupants WHERE site_id = ?1 AND phone = ?2";
static const char SQL_FIND_PHONE_EMPLOYEES[] = "SELECT id FROM employees WHERE site_id = ?1 AND phone = ?2";
static const char SQL_FIND_PHONE_ORGS[] =
    "SELECT id FROM organisations WHERE site_id = ?1 AND phone = ?2";

static fd_status consider_phone(finder *f, const char *sql, const char *national, int kind)
{
    if (!wanted(f, kind) || f->page->more)
        return FD_OK;
    sqlite3_stmt *st = fd__store_stmt(f->s, f->fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, f->actor->site_id);
    sqlite3_bind_text(st, 2, national, -1, SQLITE_STATIC);
    int64_t ids[HITS_MAX + 1];
    size_t n = 0;
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW && n < HITS_MAX + 1)
        ids[n++] = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (src != SQLITE_DONE && src != SQLITE_ROW)
        return fd__store_sqlerr(f->s, f->fn, src, "looking up a phone");
    fd_status rc = FD_OK;
    for (size_t i = 0; i < n && rc == FD_OK && !f->page->more; i++) {
        bool taken;
        rc = consider(f, kind, ids[i], FD_PROPERTY_MATCH_PHONE, &taken);
    }
    return rc;
}

static fd_status find_phone(finder *f, const char *query)
{
    fd_phone ph;
    fd_status prc = fd_phone_parse(&ph, query);
    if (prc == FD_ENOMEM)
        return prc;
    if (prc != FD_OK) {
        fd_error_clear();
        return FD_OK; /* not a phone number */
    }
    /* Short numbers (110, 12345) are public services: nobody's phone here. */
    if (ph.kind == FD_PHONE_SHORT)
        return FD_OK;
    fd_status rc = consider_phone(f, SQL_FIND_PHONE_OCCUPANTS, ph.national, FD_PROPERTY_OCCUPANT);
    if (rc == FD_OK)
        rc = consider_phone(f, SQL_FIND_PHONE_EMPLOYEES, ph.national, FD_PROPERTY_EMPLOYEE);
    if (rc == FD_OK)
        rc = consider_phone(f, SQL_FIND_PHONE_ORGS, ph.national, FD_PROPERTY_ORGANISATION);
    return rc;
}

/* --- by name: the search keys of four tables, merged in key order ------------------------------- */

static const char SQL_KEYS_OCCUPANTS[] =
    "SELECT key, row_id FROM search_keys WHERE tbl = 'occupants' AND key >= ?1 AND key < ?2 ORDER BY key, row_id";
static const char SQL_KEYS_ORGS[] =
    "SELECT key, row_id FROM search_keys WHERE tbl = 'organisations' AND key >= ?1 AND key < ?2 ORDER BY key, row_id";
static const char SQL_KEYS_DEPTS[] =
    "SELECT key, row_id FROM search_keys WHERE tbl = 'departments' AND key >= ?1 AND key < ?2 ORDER BY key, row_id";
static const char SQL_KEYS_EMPLOYEES[] =
    "SELECT key, row_id FROM search_keys WHERE tbl = 'employees' AND key >= ?1 AND key < ?2 ORDER BY key, row_id";

typedef struct key_cursor {
    int kind;
    sqlite3_stmt *st;
    bool live;       /* positioned on a row */
    const void *key; /* its key, valid until the next step */
    int len;
} key_cursor;

static fd_status cursor_step(finder *f, key_cursor *c)
{
    int src = sqlite3_step(c->st);
    c->live = src == SQLITE_ROW;
    if (src == SQLITE_ROW) {
        c->key = sqlite3_column_blob(c->st, 0);
        c->len = sqlite3_column_bytes(c->st, 0);
        return c->key == NULL && c->len > 0 ? fd__oom(f->fn) : fd__columns_read(f->s, f->fn);
    }
    if (src == SQLITE_DONE)
        return FD_OK;
    return fd__store_sqlerr(f->s, f->fn, src, "reading search keys");
}

static int key_cmp(const key_cursor *a, const key_cursor *b)
{
    int n = a->len < b->len ? a->len : b->len;
    int c = n > 0 ? memcmp(a->key, b->key, (size_t)n) : 0;
    return c ? c : a->len - b->len;
}

static fd_status find_names(finder *f, const char *query)
{
    fd_buf key = FD_BUF_INIT;
    fd_status rc = fd_text_search_query(&key, query);
    if (rc || key.size == 0) {
        fd_buf_dispose(&key);
        return rc;
    }
    const size_t klen = key.size;
    if ((rc = fd__buf_put(&key, "\xff", 1)) != FD_OK) {
        fd_buf_dispose(&key);
        return rc;
    }
    key_cursor cur[4] = { { FD_PROPERTY_OCCUPANT, NULL, false, NULL, 0 },
                          { FD_PROPERTY_ORGANISATION, NULL, false, NULL, 0 },
                          { FD_PROPERTY_DEPARTMENT, NULL, false, NULL, 0 },
                          { FD_PROPERTY_EMPLOYEE, NULL, false, NULL, 0 } };
    static const char *const sql[4] = { SQL_KEYS_OCCUPANTS, SQL_KEYS_ORGS, SQL_KEYS_DEPTS, SQL_KEYS_EMPLOYEES };
    for (size_t i = 0; i < 4 && rc == FD_OK; i++) {
        if (!wanted(f, cur[i].kind))
            continue;
        if ((cur[i].st = fd__store_stmt(f->s, f->fn, sql[i])) == NULL) {
            rc = fd_error_last()->code;
            break;
        }
        sqlite3_bind_text(cur[i].st, 1, key.ptr, (int)klen, SQLITE_STATIC);
        sqlite3_bind_text(cur[i].st, 2, key.ptr, (int)klen + 1, SQLITE_STATIC);
        rc = cursor_step(f, &cur[i]);
    }
    /* Merge: the smallest key next; a row's first (smallest) matching key places it. The cursors
     * stay open while consider() reads other tables: SQLite reads them in one snapshot. */
    while (rc == FD_OK && !f->page->more) {
        key_cursor *best = NULL;
        for (size_t i = 0; i < 4; i++)
            if (cur[i].st && cur[i].live && (best == NULL || key_cmp(&cur[i], best) < 0))
                best = &cur[i];
        if (best == NULL)
            break;
        bool taken;
        rc = consider(f, best->kind, sqlite3_column_int64(best->st, 1), FD_PROPERTY_MATCH_NAME, &taken);
        if (rc == FD_OK)
            rc = cursor_step(f, best);
    }
    for (size_t i = 0; i < 4; i++)
        if (cur[i].st)
            sqlite3_reset(cur[i].st);
    fd_buf_dispose(&key);
    return rc;
}

/* --- reveals -------------------------------------------------------------------------------------- */

/* Logs the page's reveals (R-COM-2) in one write before the page is handed out. */
static fd_status log_reveals(finder *f)
{
    bool any = false;
    for (size_t i = 0; i < f->page->n && !any; i++)
        any = f->page->rows[i].reveal_name || f->page->rows[i].reveal_phone;
    if (!any)
        return FD_OK;
    bool sp;
    fd_status rc = fd__store_write_begin(f->s, f->fn, &sp);
    if (rc)
        return rc;
    for (size_t i = 0; i < f->page->n && rc == FD_OK; i++) {
        const hit_row *r = &f->page->rows[i];
        if (r->reveal_name)
            rc = fd__reveal_log(f->s, f->fn, f->actor, r->reveal_record, r->hit.id, "name");
        if (rc == FD_OK && r->reveal_phone)
            rc = fd__reveal_log(f->s, f->fn, f->actor, r->reveal_record, r->hit.id, "phone");
    }
    return fd__store_write_end(f->s, f->fn, sp, rc);
}

/* --- the site's day and policy ------------------------------------------------------------------ */

static fd_status day_of(fd_store *s, const char *fn, const fd_actor *actor, fd_date on, char out[16])
{
    fd_date d = on;
    fd_status rc = FD_OK;
    if (on.year == 0 && on.month == 0 && on.day == 0)
        rc = fd_store_site_date(&d, s, actor->site_id, actor->at);
    else
        rc = fd__check_date(fn, "opts.on", on);
    if (rc)
        return rc == FD_EINVAL ? rc : fd__error_context(rc, "%s: the site's date", fn);
    snprintf(out, 16, "%04d-%02d-%02d", (int)d.year, (int)d.month, (int)d.day);
    return FD_OK;
}

static fd_status masks_names(fd_store *s, const char *fn, int64_t site, bool *out)
{
    fd_policy *p = NULL;
    int64_t v = 0;
    fd_status rc = fd_store_policy_load(&p, s, site);
    if (rc == FD_OK)
        rc = fd_policy_get(&v, p, "pii.mask_names");
    fd_policy_free(p);
    if (rc)
        return fd__error_context(rc, "%s: actor.site_id: cannot read the site's policy", fn);
    *out = v != 0;
    return FD_OK;
}

static fd_status check_query(const char *fn, const char *field, const char *query)
{
    fd_status rc = fd__check_text(fn, field, query, 0, false);
    if (rc)
        return rc;
    if (strlen(query) > QUERY_MAX)
        return fd__error(FD_ERANGE, "%s: %s: %zu bytes, at most %d", fn, field, strlen(query), QUERY_MAX);
    for (const char *p = query; *p; p++)
        if (*p != ' ' && *p != '\t')
            return FD_OK;
    return fd__error(FD_EINVAL, "%s: %s: must not be empty", fn, field);
}

fd_status fd_store_property_find(fd_property_hits **out, fd_store *store, const fd_actor *actor, const char *query,
                                 const fd_property_find_options *opts)
{
    static const char fn[] = "fd_store_property_find";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = check_query(fn, "query", query);
    if (rc)
        return rc;
    *out = NULL;
    fd_property_find_options o = FD_PROPERTY_FIND_OPTIONS_INIT;
    if (opts) {
        if (opts->version != FD_PROPERTY_FIND_OPTIONS_VERSION)
            return fd__error(FD_EINVAL, "%s: opts.version: %u, this library knows %d", fn, opts->version,
                             FD_PROPERTY_FIND_OPTIONS_VERSION);
        o = *opts;
    }
    if (o.kinds & ~KIND_BITS)
        return fd__error(FD_EINVAL, "%s: opts.kinds: 0x%x has bits that are no fd_property_kind", fn, o.kinds);
    if (o.include_former != 0 && o.include_former != 1)
        return fd__error(FD_EINVAL, "%s: opts.include_former: %d, must be 0 or 1", fn, o.include_former);
    if (o.limit < 0 || o.limit > HITS_MAX)
        return fd__error(FD_ERANGE, "%s: opts.limit: %lld, must be 1..%d (0: %d)", fn, (long long)o.limit, HITS_MAX,
                         HITS_DEFAULT);
    fd__actor_info info;
    if ((rc = fd__actor_check(store, fn, actor, &info)) != FD_OK)
        return rc;
    if (info.reveal && !sqlite3_get_autocommit(store->db))
        return fd__error(FD_ESTATE, "%s: actor.grants: a reveal is committed to the access log before the data is "
                         "shown, which an open transaction could roll back: reveal outside a transaction", fn);
    finder f;
    memset(&f, 0, sizeof f);
    f.s = store;
    f.fn = fn;
    f.actor = actor;
    f.kinds = o.kinds ? o.kinds : KIND_BITS;
    f.include_former = o.include_former != 0;
    f.reveal = info.reveal;
    f.limit = o.limit ? (size_t)o.limit : HITS_DEFAULT;
    rc = day_of(store, fn, actor, o.on, f.on);
    if (rc == FD_OK)
        rc = masks_names(store, fn, actor->site_id, &f.mask_names);
    if (rc == FD_OK && (f.page = calloc(1, sizeof *f.page)) == NULL)
        rc = fd__oom(fn);
    /* Reads in one snapshot, so that the page is consistent. */
    bool began = false;
    if (rc == FD_OK && sqlite3_get_autocommit(store->db)) {
        int src = sqlite3_exec(store->db, "BEGIN", NULL, NULL, NULL);
        if (src != SQLITE_OK)
            rc = fd__store_sqlerr(store, fn, src, "starting to read");
        began = rc == FD_OK;
    }
    if (rc == FD_OK)
        rc = find_units(&f, query);
    if (rc == FD_OK && !f.page->more)
        rc = find_phone(&f, query);
    if (rc == FD_OK && !f.page->more)
        rc = find_names(&f, query);
    if (began) {
        /* Ends the read; should COMMIT fail (it writes nothing, but may lack memory), ROLLBACK so that
         * no transaction is left open for the caller's next write to fall into. */
        fd__saved_error saved;
        fd__error_save(&saved);
        if (sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK && !sqlite3_get_autocommit(store->db))
            sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
        if (rc)
            fd__error_restore(&saved);
    }
    if (rc == FD_OK)
        rc = log_reveals(&f);
    free(f.seen);
    fd_buf_dispose(&f.tmp);
    if (rc) {
        fd_property_hits_free(f.page);
        return rc;
    }
    fix_strings(f.page);
    *out = f.page;
    return FD_OK;
}

/* --- R-VIS-5: is this visitor a resident? ---------------------------------------------------------- */

/* Occupants of a site by phone, by whole folded name, by whole pinyin (either reading). */
static const char SQL_RESIDENT_PHONE[] =
    "SELECT o.id, o.role, o.move_in, o.move_out, u.id, u.number, u.sort_key "
    "FROM occupants o JOIN units u ON u.id = o.unit_id WHERE o.site_id = ?1 AND o.phone = ?2";
static const char SQL_RESIDENT_NAME[] =
    "SELECT o.id, o.role, o.move_in, o.move_out, u.id, u.number, u.sort_key "
    "FROM occupants o JOIN units u ON u.id = o.unit_id WHERE o.site_id = ?1 AND o.name_fold = ?2";
static const char SQL_RESIDENT_PINYIN[] =
    "SELECT o.id, o.role, o.move_in, o.move_out, u.id, u.number, u.sort_key "
    "FROM occupants o JOIN units u ON u.id = o.unit_id WHERE o.site_id = ?1 AND o.name_pinyin = ?2";
static const char SQL_RESIDENT_PINYIN_ALT[] =
    "SELECT o.id, o.role, o.move_in, o.move_out, u.id, u.number, u.sort_key "
    "FROM occupants o JOIN units u ON u.id = o.unit_id WHERE o.site_id = ?1 AND o.name_pinyin_alt = ?2";

/* What the check has found so far: the occupants counted and the first unit in natural order. */
typedef struct resident_found {
    int64_t *ids; /* counted occupants (one may match several pinyin look-ups) */
    size_t n, cap;
    int64_t unit_id;
    char unit[FD_UNIT_NUMBER_MAX + 1];
    char role[17];
    unsigned char sort[128];
    int sort_len;
} resident_found;

/* Counts the occupants @sql finds (?1 site, ?2 @key) who live there on @on, once each. */
static fd_status resident_rows(fd_store *s, const char *fn, const char *sql, int64_t site, const char *key,
                               const char *on, resident_found *found)
{
    if (key == NULL || *key == '\0')
        return FD_OK;
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
    fd_status rc = FD_OK;
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        const char *in = COL_TEXT(st, 2), *out = COL_TEXT(st, 3);
        const void *sk = sqlite3_column_blob(st, 6);
        int sn = sqlite3_column_bytes(st, 6);
        const char *number = COL_TEXT(st, 5), *role = COL_TEXT(st, 1);
        if ((rc = fd__columns_read(s, fn)) != FD_OK)
            break;
        if (!((in == NULL || strcmp(in, on) <= 0) && (out == NULL || strcmp(on, out) < 0)))
            continue;
        int64_t id = sqlite3_column_int64(st, 0);
        bool again = false;
        for (size_t i = 0; i < found->n && !again; i++)
            again = found->ids[i] == id;
        if (again)
            continue;
        if (found->n == found->cap) {
            size_t cap = found->cap ? found->cap * 2 : 16;
            int64_t *ids = realloc(found->ids, cap * sizeof *ids);
            if (ids == NULL) {
                rc = fd__oom(fn);
                break;
            }
            found->ids = ids;
            found->cap = cap;
        }
        found->ids[found->n++] = id;
        if (sn > (int)sizeof found->sort)
            sn = (int)sizeof found->sort;
        int c = found->unit_id == 0 ? -1 : memcmp(sk, found->sort, (size_t)(sn < found->sort_len ? sn : found->sort_len));
        if (c == 0)
            c = sn - found->sort_len;
        if (c < 0) {
            found->unit_id = sqlite3_column_int64(st, 4);
            fd__copy_fixed(found->unit, sizeof found->unit, number);
            fd__copy_fixed(found->role, sizeof found->role, role);
            if (sn > 0)
                memcpy(found->sort, sk, (size_t)sn);
            found->sort_len = sn;
        }
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE && src != SQLITE_ROW)
        rc = fd__store_sqlerr(s, fn, src, "looking up occupants");
    return rc;
}

fd_status fd_store_resident_check(fd_resident_check *out, fd_store *store, const fd_actor *actor,
                                  const char *name_or_phone, fd_date date)
{
    static const char fn[] = "fd_store_resident_check";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = check_query(fn, "name_or_phone", name_or_phone);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "date", date);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    char on[16];
    snprintf(on, sizeof on, "%04d-%02d-%02d", (int)date.year, (int)date.month, (int)date.day);
    resident_found found;
    memset(&found, 0, sizeof found);
    const char *basis = "";
    int answer = FD_RESIDENT_NO;
    int64_t site = actor->site_id;
    fd_phone ph;
    fd_status prc = fd_phone_parse(&ph, name_or_phone);
    if (prc == FD_ENOMEM) /* not "not a phone": out of memory */
        return prc;
    if (prc == FD_OK && (ph.kind == FD_PHONE_MOBILE || ph.kind == FD_PHONE_LANDLINE)) {
        rc = resident_rows(store, fn, SQL_RESIDENT_PHONE, site, ph.national, on, &found);
        if (rc == FD_OK && found.n) {
            answer = FD_RESIDENT_YES;
            basis = "phone";
        }
    } else {
        fd_error_clear();
        fd_buf fold = FD_BUF_INIT, py = FD_BUF_INIT, alt = FD_BUF_INIT;
        rc = fd__property_name_keys(name_or_phone, &fold, &py, &alt);
        if (rc == FD_OK && fold.size == 0)
            rc = fd__error(FD_EINVAL, "%s: name_or_phone: has nothing to match", fn);
        /* Exactly the name, folded as stored. */
        if (rc == FD_OK)
            rc = resident_rows(store, fn, SQL_RESIDENT_NAME, site, fold.ptr, on, &found);
        if (rc == FD_OK && found.n) {
            answer = FD_RESIDENT_YES;
            basis = "name";
        }
        /* Else the same toneless pinyin, either reading on either side: a homophone, or pinyin typed in. */
        const char *keys[2] = { py.ptr, alt.ptr };
        for (int k = 0; rc == FD_OK && answer == FD_RESIDENT_NO && k < 2; k++) {
            rc = resident_rows(store, fn, SQL_RESIDENT_PINYIN, site, keys[k], on, &found);
            if (rc == FD_OK)
                rc = resident_rows(store, fn, SQL_RESIDENT_PINYIN_ALT, site, keys[k], on, &found);
        }
        if (rc == FD_OK && answer == FD_RESIDENT_NO && found.n) {
            answer = FD_RESIDENT_POSSIBLE;
            basis = "pinyin";
        }
        fd_buf_dispose(&fold);
        fd_buf_dispose(&py);
        fd_buf_dispose(&alt);
    }
    free(found.ids);
    if (rc)
        return rc;
    fd_resident_check r;
    memset(&r, 0, sizeof r);
    r.version = FD_RESIDENT_CHECK_VERSION;
    r.answer = answer;
    if (answer != FD_RESIDENT_NO) {
        r.matches = (int64_t)found.n;
        r.unit_id = found.unit_id;
        fd__copy_fixed(r.unit, sizeof r.unit, found.unit);
        fd__copy_fixed(r.role, sizeof r.role, found.role);
        fd__copy_fixed(r.basis, sizeof r.basis, basis);
    }
    *out = r;
    return FD_OK;
}
