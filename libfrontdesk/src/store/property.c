/*
 * The property register in the store (frontdesk/store.h, issue 12): adding
 * buildings, units, occupants, organisations, departments and employees;
 * moving out and leaving (R-COM-3: never deleted); finding anyone by name,
 * pinyin, unit or phone in one call (R-VIS-1); and R-VIS-5's resident check.
 * Records are written and read through the record engine (record.c).
 */
#include "store/property_records.h"
#include "store/property_store.h"
#include "store/record.h"
#include "frontdesk/phone.h"
#include "frontdesk/pii.h"
#include "frontdesk/property.h"
#include "frontdesk/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest query the find and the resident check take, in bytes. */
#define QUERY_MAX 200
/* Hits per page: the record engine's page. */
#define HITS_MAX 64
#define HITS_DEFAULT 20

static const char SQL_BUILDING_SITE[] = "SELECT site_id, code FROM buildings WHERE id = ?1";
static const char SQL_BUILDING_SORT[] = "UPDATE buildings SET sort_key = ?2 WHERE id = ?1";
static const char SQL_UNIT_SITE[] = "SELECT site_id, number FROM units WHERE id = ?1";
static const char SQL_UNIT_KEYS[] = "UPDATE units SET sort_key = ?2, room = ?3 WHERE id = ?1";
static const char SQL_UNIT_BY_NUMBER[] = "SELECT id FROM units WHERE site_id = ?1 AND number = ?2";
static const char SQL_UNIT_BY_ROOM[] =
    "SELECT id, number FROM units WHERE site_id = ?1 AND room = ?2 ORDER BY sort_key, id LIMIT ?3";
static const char SQL_ORG_SITE[] = "SELECT site_id, name FROM organisations WHERE id = ?1";
static const char SQL_DEPT_SITE[] = "SELECT site_id, organisation_id FROM departments WHERE id = ?1";
static const char SQL_OCCUPANT_DATES[] = "SELECT site_id, move_in, move_out FROM occupants WHERE id = ?1";
static const char SQL_OCCUPANT_MOVE_OUT[] = "UPDATE occupants SET move_out = ?2 WHERE id = ?1";
static const char SQL_ORG_DATES[] = "SELECT site_id, move_in, move_out FROM organisations WHERE id = ?1";
static const char SQL_ORG_MOVE_OUT[] = "UPDATE organisations SET move_out = ?2 WHERE id = ?1";
static const char SQL_EMPLOYEE_DATES[] = "SELECT site_id, NULL, left_on FROM employees WHERE id = ?1";
static const char SQL_EMPLOYEE_LEAVE[] = "UPDATE employees SET left_on = ?2 WHERE id = ?1";
static const char SQL_OCCUPANT_NAME_KEYS[] =
    "UPDATE occupants SET name_fold = ?2, name_pinyin = ?3, name_pinyin_alt = ?4 WHERE id = ?1";

/* --- small helpers ------------------------------------------------------------------ */

/* Keeps the letters of @b, ASCII in lower case, without spaces. */
static void squeeze(fd_buf *b)
{
    size_t k = 0;
    for (size_t i = 0; i < b->size; i++) {
        char c = b->ptr[i];
        if (c != ' ')
            b->ptr[k++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    b->ptr[k] = '\0';
    b->size = k;
}

fd_status fd__property_name_keys(const char *name, fd_buf *fold, fd_buf *pinyin, fd_buf *alt)
{
    fd_buf norm = FD_BUF_INIT;
    fd_status rc = fd_text_normalize(&norm, name);
    if (rc == FD_OK)
        rc = fd_text_to_simplified(fold, norm.ptr);
    fd_buf_dispose(&norm);
    if (rc == FD_OK)
        squeeze(fold);
    if (rc == FD_OK && pinyin && (rc = fd_text_name_pinyin(pinyin, fold->ptr, 0)) == FD_OK)
        squeeze(pinyin);
    if (rc == FD_OK && alt && (rc = fd_text_pinyin(alt, fold->ptr, 0)) == FD_OK) {
        squeeze(alt);
        if (pinyin && strcmp(alt->ptr, pinyin->ptr) == 0) {
            alt->ptr[0] = '\0';
            alt->size = 0;
        }
    }
    return rc;
}

/*
 * Re-records the last error of a check made by @validator ("fd_unit_validate")
 * as an error of @fn, so the caller's message names the function it called:
 * "fd_store_unit_add: unit.number: ...".
 */
static fd_status restate(fd_status rc, const char *fn, const char *validator)
{
    char msg[1024];
    const char *m = fd_error_last()->message;
    size_t n = strlen(validator);
    if (strncmp(m, validator, n) == 0 && strncmp(m + n, ": ", 2) == 0)
        m += n + 2;
    /* A record check inside the validator names itself too ("fd_unit_check: "). */
    if (strncmp(m, "fd_", 3) == 0) {
        const char *colon = strstr(m, "_check: ");
        if (colon && (size_t)(colon - m) < 40)
            m = colon + 8;
    }
    snprintf(msg, sizeof msg, "%s", m);
    return fd__error(rc, "%s: %s", fn, msg);
}

/* Reads one row of a cached single-row statement; *found says whether there was one. */
static fd_status step_one(fd_store *s, const char *fn, sqlite3_stmt *st, bool *found, const char *what)
{
    int src = sqlite3_step(st);
    *found = src == SQLITE_ROW;
    if (src == SQLITE_ROW || src == SQLITE_DONE)
        return FD_OK;
    sqlite3_reset(st);
    return fd__store_sqlerr(s, fn, src, what);
}

/*
 * FD_ENOTFOUND naming @field unless row @id of @sql ("SELECT site_id ... WHERE
 * id = ?1") is at @site: references to another site's rows are refused as if
 * they did not exist (an occupant of another site is invisible).
 */
static fd_status at_site_named(fd_store *s, const char *fn, const char *sql, const char *field, const char *what,
                               int64_t id, int64_t site, char *name, size_t cap)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, id);
    bool found;
    fd_status rc = step_one(s, fn, st, &found, "checking a reference");
    if (rc)
        return rc;
    bool here = found && sqlite3_column_int64(st, 0) == site;
    if (here && name)
        fd__copy_fixed(name, cap, (const char *)sqlite3_column_text(st, 1));
    rc = fd__columns_read(s, fn);
    sqlite3_reset(st);
    if (rc)
        return rc;
    return here ? FD_OK : fd__error(FD_ENOTFOUND, "%s: %s: no %s %lld at the actor's site", fn, field, what,
                                    (long long)id);
}

/* at_site_named without the name. */
static fd_status at_site(fd_store *s, const char *fn, const char *sql, const char *field, const char *what,
                         int64_t id, int64_t site)
{
    return at_site_named(s, fn, sql, field, what, id, site, NULL, 0);
}

/* The national form of @phone (already checked to parse) into @out; "" for none. */
static fd_status phone_national(char out[24], const char *phone)
{
    out[0] = '\0';
    if (phone == NULL || *phone == '\0')
        return FD_OK;
    fd_phone ph;
    fd_status rc = fd_phone_parse(&ph, phone);
    if (rc == FD_OK)
        fd__copy_fixed(out, 24, ph.national);
    return rc;
}

/* A checked date as 'YYYY-MM-DD' (how the store keeps dates). */
static void date_text(char out[16], fd_date d)
{
    snprintf(out, 16, "%04d-%02d-%02d", (int)d.year, (int)d.month, (int)d.day);
}

/* Checks the pointers and the actor of an add; @manage: the structure of the estate needs FD_GRANT_MANAGE. */
static fd_status add_prologue(const char *fn, int64_t *out_id, fd_store *store, const fd_actor *actor, bool manage)
{
    fd_status rc = fd__check_ptr(fn, "out_id", out_id);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK && manage)
        rc = fd__actor_require_manage(fn, actor);
    return rc;
}

/* Inserts @rec of @r and journals it, in one write bracket. */
static fd_status insert_journaled(int64_t *out_id, fd_store *store, const char *fn, const fd__record *r,
                                  const void *rec, const fd_actor *actor, const char *detail)
{
    bool sp;
    fd_status rc = fd__store_write_begin(store, fn, &sp);
    if (rc)
        return rc;
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, r, rec, actor);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, r->name, id, "add", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

/* --- buildings and units ------------------------------------------------------------ */

fd_status fd_store_building_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_building *building)
{
    static const char fn[] = "fd_store_building_add";
    fd_status rc = fd__check_ptr(fn, "building", building);
    if (rc == FD_OK && (rc = fd_building_validate(building)) != FD_OK)
        rc = restate(rc, fn, "fd_building_validate");
    if (rc == FD_OK)
        rc = add_prologue(fn, out_id, store, actor, true);
    if (rc)
        return rc;
    fd_buf code = FD_BUF_INIT, key = FD_BUF_INIT;
    rc = fd_building_code_normalize(&code, building->code);
    if (rc == FD_OK)
        rc = fd_text_natural_key(&key, code.ptr);
    fd_building b = *building;
    b.code = code.ptr;
    bool sp = false;
    if (rc == FD_OK)
        rc = fd__store_write_begin(store, fn, &sp);
    if (rc) {
        fd_buf_dispose(&code);
        fd_buf_dispose(&key);
        return rc;
    }
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_building, &b, actor);
    if (rc == FD_OK) {
        sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_BUILDING_SORT);
        if (st == NULL) {
            rc = fd_error_last()->code;
        } else {
            sqlite3_bind_int64(st, 1, id);
            sqlite3_bind_blob(st, 2, key.ptr, (int)key.size, SQLITE_STATIC);
            int src = sqlite3_step(st);
            sqlite3_reset(st);
            if (src != SQLITE_DONE)
                rc = fd__store_sqlerr(store, fn, src, "writing the building's sort key");
        }
    }
    char detail[160];
    snprintf(detail, sizeof detail, "%s %s", b.code, b.name);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "building", id, "add", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    fd_buf_dispose(&code);
    fd_buf_dispose(&key);
    return rc;
}

/*
 * The canonical number of @unit in building @code: a number without a building
 * part gets the code in front; one with a building part must name @code.
 */
static fd_status unit_number_in(fd_unit_number *out, const char *fn, const char *number, const char *code)
{
    fd_unit_number u;
    fd_status rc = fd_unit_number_parse(&u, number);
    if (rc)
        return restate(rc, fn, "fd_unit_number_parse");
    if (u.building[0] && strcmp(u.building, code) != 0)
        return fd__error(FD_EINVAL, "%s: unit.number: '%s' is in building %s, not in building %s (unit.building_id)",
                         fn, u.number, u.building, code);
    if (u.building[0] == '\0') {
        char whole[FD_UNIT_NUMBER_MAX * 2 + 2];
        snprintf(whole, sizeof whole, "%s-%s", code, u.number);
        if ((rc = fd_unit_number_parse(&u, whole)) != FD_OK)
            return fd__error_context(rc, "%s: unit.number: with building %s in front", fn, code);
    }
    *out = u;
    return FD_OK;
}

fd_status fd_store_unit_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_unit *unit)
{
    static const char fn[] = "fd_store_unit_add";
    fd_status rc = fd__check_ptr(fn, "unit", unit);
    if (rc == FD_OK && (rc = fd_unit_validate(unit)) != FD_OK)
        rc = restate(rc, fn, "fd_unit_validate");
    if (rc == FD_OK)
        rc = add_prologue(fn, out_id, store, actor, true);
    if (rc)
        return rc;
    /* The building: at the actor's site; its code starts the number. */
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_BUILDING_SITE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, unit->building_id);
    bool found;
    if ((rc = step_one(store, fn, st, &found, "reading the building")) != FD_OK)
        return rc;
    char code[64] = "";
    bool here = found && sqlite3_column_int64(st, 0) == actor->site_id;
    if (here)
        fd__copy_fixed(code, sizeof code, (const char *)sqlite3_column_text(st, 1));
    rc = fd__columns_read(store, fn);
    sqlite3_reset(st);
    if (rc)
        return rc;
    if (!here)
        return fd__error(FD_ENOTFOUND, "%s: unit.building_id: no building %lld at the actor's site", fn,
                         (long long)unit->building_id);
    fd_unit_number u;
    if ((rc = unit_number_in(&u, fn, unit->number, code)) != FD_OK)
        return rc;
    fd_unit rec = *unit;
    rec.number = u.number;
    if (rec.floor == NULL || rec.floor[0] == '\0')
        rec.floor = u.floor;
    fd_buf key = FD_BUF_INIT;
    if ((rc = fd_text_natural_key(&key, u.number)) != FD_OK) {
        fd_buf_dispose(&key);
        return rc;
    }
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK) {
        fd_buf_dispose(&key);
        return rc;
    }
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_unit, &rec, actor);
    if (rc == FD_OK) {
        st = fd__store_stmt(store, fn, SQL_UNIT_KEYS);
        if (st == NULL) {
            rc = fd_error_last()->code;
        } else {
            sqlite3_bind_int64(st, 1, id);
            sqlite3_bind_blob(st, 2, key.ptr, (int)key.size, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, u.room, -1, SQLITE_STATIC);
            int src = sqlite3_step(st);
            sqlite3_reset(st);
            if (src != SQLITE_DONE)
                rc = fd__store_sqlerr(store, fn, src, "writing the unit's keys");
        }
    }
    char detail[96];
    snprintf(detail, sizeof detail, "%s %s", u.number, rec.use);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "unit", id, "add", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    fd_buf_dispose(&key);
    return rc;
}

/*
 * The id of the unit numbered @number (as typed) at @site: exact, or, for a
 * number without a building part, the one unit with that room. FD_ENOTFOUND
 * naming @field when there is none, FD_ECONFLICT when several share the room.
 */
static fd_status unit_id_of(int64_t *out, fd_store *s, const char *fn, const char *field, int64_t site,
                            const char *number)
{
    fd_unit_number u;
    fd_status rc = fd_unit_number_parse(&u, number);
    if (rc)
        return restate(rc, fn, "fd_unit_number_parse");
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_UNIT_BY_NUMBER);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site);
    sqlite3_bind_text(st, 2, u.number, -1, SQLITE_STATIC);
    bool found;
    if ((rc = step_one(s, fn, st, &found, "looking up the unit")) != FD_OK)
        return rc;
    *out = found ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (found)
        return FD_OK;
    if (u.building[0] == '\0') {
        /* "1201" at a site where one building has a 1201: that one. */
        if ((st = fd__store_stmt(s, fn, SQL_UNIT_BY_ROOM)) == NULL)
            return fd_error_last()->code;
        sqlite3_bind_int64(st, 1, site);
        sqlite3_bind_text(st, 2, u.room, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, 3);
        char names[3][FD_UNIT_NUMBER_MAX + 1];
        int n = 0, src;
        while ((src = sqlite3_step(st)) == SQLITE_ROW) {
            if (n == 0)
                *out = sqlite3_column_int64(st, 0);
            fd__copy_fixed(names[n++], sizeof names[0], (const char *)sqlite3_column_text(st, 1));
            if ((rc = fd__columns_read(s, fn)) != FD_OK)
                break;
        }
        sqlite3_reset(st);
        if (rc)
            return rc;
        if (src != SQLITE_DONE)
            return fd__store_sqlerr(s, fn, src, "looking up the unit");
        if (n == 1)
            return FD_OK;
        if (n > 1)
            return fd__error(FD_ECONFLICT, "%s: %s: several units are numbered %s (%s, %s%s): name the building", fn,
                             field, u.room, names[0], names[1], n > 2 ? ", ..." : "");
    }
    return fd__error(FD_ENOTFOUND, "%s: %s: no unit %s at the actor's site", fn, field, u.number);
}

fd_status fd_store_unit_get_by_number(fd_unit **out, fd_store *store, const fd_actor *actor, const char *number)
{
    static const char fn[] = "fd_store_unit_get_by_number";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "number", number, 0, true);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    *out = NULL;
    int64_t id;
    if ((rc = unit_id_of(&id, store, fn, "number", actor->site_id, number)) != FD_OK)
        return rc;
    return fd__record_get((void **)out, store, fn, &fd__record_unit, actor, id);
}

/* Pages of units in natural order (units_site_sort, units_building_sort); ?3 building, ?4 after. */
static const char COND_UNITS_ALL[] = "1 = 1 ORDER BY sort_key, id";
static const char COND_UNITS_ALL_AFTER[] =
    "(sort_key, id) > (SELECT sort_key, id FROM units WHERE id = CAST(?3 AS INTEGER)) ORDER BY sort_key, id";
static const char COND_UNITS_BUILDING[] = "building_id = CAST(?3 AS INTEGER) ORDER BY sort_key, id";
static const char COND_UNITS_BUILDING_AFTER[] =
    "building_id = CAST(?3 AS INTEGER) AND (sort_key, id) > (SELECT sort_key, id FROM units WHERE id = "
    "CAST(?4 AS INTEGER)) ORDER BY sort_key, id";

fd_status fd_store_unit_list(fd_unit_iter **out, fd_store *store, const fd_actor *actor, int64_t building_id,
                             const char *after, int64_t limit)
{
    static const char fn[] = "fd_store_unit_list";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && after)
        rc = fd__check_text(fn, "after", after, 0, false);
    if (rc == FD_OK && (limit < 1 || limit > HITS_MAX))
        rc = fd__error(FD_ERANGE, "%s: limit: %lld, must be 1..%d", fn, (long long)limit, HITS_MAX);
    if (rc == FD_OK && building_id < 0)
        rc = fd__error(FD_EINVAL, "%s: building_id: %lld is not an id", fn, (long long)building_id);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    *out = NULL;
    if (building_id &&
        (rc = at_site(store, fn, SQL_BUILDING_SITE, "building_id", "building", building_id, actor->site_id)) != FD_OK)
        return rc;
    int64_t after_id = 0;
    if (after && *after && (rc = unit_id_of(&after_id, store, fn, "after", actor->site_id, after)) != FD_OK)
        return rc;
    char b[24], a[24];
    snprintf(b, sizeof b, "%lld", (long long)building_id);
    snprintf(a, sizeof a, "%lld", (long long)after_id);
    const char *args[2];
    size_t nargs = 0;
    const char *cond;
    if (building_id) {
        args[nargs++] = b;
        if (after_id)
            args[nargs++] = a;
        cond = after_id ? COND_UNITS_BUILDING_AFTER : COND_UNITS_BUILDING;
    } else {
        if (after_id)
            args[nargs++] = a;
        cond = after_id ? COND_UNITS_ALL_AFTER : COND_UNITS_ALL;
    }
    return fd__record_query_sql((fd__iter **)out, store, fn, &fd__record_unit, actor, cond, args, nargs, limit);
}

/* --- people and organisations ---------------------------------------------------------- */

fd_status fd_store_occupant_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_occupant *occupant)
{
    static const char fn[] = "fd_store_occupant_add";
    fd_status rc = fd__check_ptr(fn, "occupant", occupant);
    if (rc == FD_OK && (rc = fd_occupant_validate(occupant)) != FD_OK)
        rc = restate(rc, fn, "fd_occupant_validate");
    if (rc == FD_OK)
        rc = add_prologue(fn, out_id, store, actor, false);
    char number[FD_UNIT_NUMBER_MAX + 1] = "";
    if (rc == FD_OK)
        rc = at_site_named(store, fn, SQL_UNIT_SITE, "occupant.unit_id", "unit", occupant->unit_id, actor->site_id,
                           number, sizeof number);
    if (rc)
        return rc;
    char phone[24];
    if ((rc = phone_national(phone, occupant->phone)) != FD_OK)
        return rc;
    fd_occupant rec = *occupant;
    rec.phone = phone;
    fd_buf fold = FD_BUF_INIT, pinyin = FD_BUF_INIT, alt = FD_BUF_INIT;
    bool sp = false;
    rc = fd__property_name_keys(rec.name, &fold, &pinyin, &alt);
    if (rc == FD_OK)
        rc = fd__store_write_begin(store, fn, &sp);
    if (rc) {
        fd_buf_dispose(&fold);
        fd_buf_dispose(&pinyin);
        fd_buf_dispose(&alt);
        return rc;
    }
    int64_t id = 0;
    rc = fd__record_insert(&id, store, fn, &fd__record_occupant, &rec, actor);
    if (rc == FD_OK) {
        sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_OCCUPANT_NAME_KEYS);
        if (st == NULL) {
            rc = fd_error_last()->code;
        } else {
            sqlite3_bind_int64(st, 1, id);
            sqlite3_bind_text(st, 2, fold.ptr, (int)fold.size, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, pinyin.ptr, (int)pinyin.size, SQLITE_STATIC);
            if (alt.size)
                sqlite3_bind_text(st, 4, alt.ptr, (int)alt.size, SQLITE_STATIC);
            int src = sqlite3_step(st);
            sqlite3_reset(st);
            if (src != SQLITE_DONE)
                rc = fd__store_sqlerr(store, fn, src, "writing the name's keys");
        }
    }
    /* The detail names the unit and the role, never the person (R-COM-2). */
    char detail[64];
    snprintf(detail, sizeof detail, "%s %s", number, rec.role);
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, "occupant", id, "add", detail);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    fd_buf_dispose(&fold);
    fd_buf_dispose(&pinyin);
    fd_buf_dispose(&alt);
    return rc;
}

fd_status fd_store_organisation_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                    const fd_organisation *organisation)
{
    static const char fn[] = "fd_store_organisation_add";
    fd_status rc = fd__check_ptr(fn, "organisation", organisation);
    if (rc == FD_OK && (rc = fd_organisation_validate(organisation)) != FD_OK)
        rc = restate(rc, fn, "fd_organisation_validate");
    if (rc == FD_OK)
        rc = add_prologue(fn, out_id, store, actor, false);
    if (rc == FD_OK && organisation->unit_id)
        rc = at_site(store, fn, SQL_UNIT_SITE, "organisation.unit_id", "unit", organisation->unit_id, actor->site_id);
    if (rc)
        return rc;
    char phone[24];
    if ((rc = phone_national(phone, organisation->phone)) != FD_OK)
        return rc;
    fd_organisation rec = *organisation;
    rec.phone = phone;
    return insert_journaled(out_id, store, fn, &fd__record_organisation, &rec, actor, rec.name);
}

fd_status fd_store_department_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                  const fd_department *department)
{
    static const char fn[] = "fd_store_department_add";
    fd_status rc = fd__check_ptr(fn, "department", department);
    if (rc == FD_OK && (rc = fd_department_check(department)) != FD_OK)
        rc = restate(rc, fn, "fd_department_check");
    if (rc == FD_OK)
        rc = add_prologue(fn, out_id, store, actor, false);
    if (rc == FD_OK)
        rc = at_site(store, fn, SQL_ORG_SITE, "department.organisation_id", "organisation",
                     department->organisation_id, actor->site_id);
    if (rc == FD_OK && department->unit_id)
        rc = at_site(store, fn, SQL_UNIT_SITE, "department.unit_id", "unit", department->unit_id, actor->site_id);
    if (rc)
        return rc;
    return insert_journaled(out_id, store, fn, &fd__record_department, department, actor, department->name);
}

fd_status fd_store_employee_add(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_employee *employee)
{
    static const char fn[] = "fd_store_employee_add";
    fd_status rc = fd__check_ptr(fn, "employee", employee);
    if (rc == FD_OK && (rc = fd_employee_validate(employee)) != FD_OK)
        rc = restate(rc, fn, "fd_employee_validate");
    if (rc == FD_OK)
        rc = add_prologue(fn, out_id, store, actor, false);
    if (rc)
        return rc;
    /* The organisation: at the site; its name is the journal's detail. */
    sqlite3_stmt *st = fd__store_stmt(store, fn, SQL_ORG_SITE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, employee->organisation_id);
    bool found;
    if ((rc = step_one(store, fn, st, &found, "reading the organisation")) != FD_OK)
        return rc;
    char org[256] = "";
    bool here = found && sqlite3_column_int64(st, 0) == actor->site_id;
    if (here)
        fd__copy_fixed(org, sizeof org, (const char *)sqlite3_column_text(st, 1));
    rc = fd__columns_read(store, fn);
    sqlite3_reset(st);
    if (rc)
        return rc;
    if (!here)
        return fd__error(FD_ENOTFOUND, "%s: employee.organisation_id: no organisation %lld at the actor's site", fn,
                         (long long)employee->organisation_id);
    if (employee->department_id) {
        if ((st = fd__store_stmt(store, fn, SQL_DEPT_SITE)) == NULL)
            return fd_error_last()->code;
        sqlite3_bind_int64(st, 1, employee->department_id);
        if ((rc = step_one(store, fn, st, &found, "reading the department")) != FD_OK)
            return rc;
        here = found && sqlite3_column_int64(st, 0) == actor->site_id;
        bool same = here && sqlite3_column_int64(st, 1) == employee->organisation_id;
        sqlite3_reset(st);
        if (!here)
            return fd__error(FD_ENOTFOUND, "%s: employee.department_id: no department %lld at the actor's site", fn,
                             (long long)employee->department_id);
        if (!same)
            return fd__error(FD_EINVAL, "%s: employee.department_id: department %lld belongs to another organisation",
                             fn, (long long)employee->department_id);
    }
    char phone[24];
    if ((rc = phone_national(phone, employee->phone)) != FD_OK)
        return rc;
    fd_employee rec = *employee;
    rec.phone = phone;
    return insert_journaled(out_id, store, fn, &fd__record_employee, &rec, actor, org);
}

/*
 * Records the leaving of row @id (occupant, organisation, employee): @sql_dates
 * gives site_id, the start (or NULL) and the leaving column; @sql_set sets it.
 * R-COM-3: set once, after the start, journaled; the row is never deleted.
 */
static fd_status set_leaving(fd_store *store, const fd_actor *actor, const char *fn, const char *sql_dates,
                             const char *sql_set, const char *entity, const char *action, const char *what,
                             const char *field, int64_t id, fd_date day)
{
    fd_status rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_date(fn, field, day);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc)
        return rc;
    char text[16];
    date_text(text, day);
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    /* Read and write in one transaction: two desks moving the same person out race safely. */
    sqlite3_stmt *st = fd__store_stmt(store, fn, sql_dates);
    if (st == NULL)
        return fd__store_write_end(store, fn, sp, fd_error_last()->code);
    sqlite3_bind_int64(st, 1, id);
    bool found;
    rc = step_one(store, fn, st, &found, "reading the record");
    if (rc == FD_OK && (!found || sqlite3_column_int64(st, 0) != actor->site_id))
        rc = fd__error(FD_ENOTFOUND, "%s: %s_id: no %s %lld at the actor's site", fn, entity, what, (long long)id);
    const char *start = rc == FD_OK ? (const char *)sqlite3_column_text(st, 1) : NULL;
    const char *gone = rc == FD_OK ? (const char *)sqlite3_column_text(st, 2) : NULL;
    if (rc == FD_OK)
        rc = fd__columns_read(store, fn);
    if (rc == FD_OK && gone)
        rc = fd__error(FD_ESTATE, "%s: %s_id: %s %lld has %s on %.10s already (R-COM-3: set once)", fn, entity, what,
                       (long long)id, strcmp(action, "leave") == 0 ? "left" : "moved out", gone);
    else if (rc == FD_OK && start && strcmp(text, start) <= 0)
        rc = fd__error(FD_EINVAL, "%s: %s: %s is not after the move-in %.10s", fn, field, text, start);
    sqlite3_reset(st);
    if (rc == FD_OK) {
        if ((st = fd__store_stmt(store, fn, sql_set)) == NULL) {
            rc = fd_error_last()->code;
        } else {
            sqlite3_bind_int64(st, 1, id);
            sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
            int src = sqlite3_step(st);
            sqlite3_reset(st);
            if (src != SQLITE_DONE)
                rc = fd__store_sqlerr(store, fn, src, "recording the date");
        }
    }
    if (rc == FD_OK)
        rc = fd__journal(store, fn, actor, actor->site_id, entity, id, action, text);
    return fd__store_write_end(store, fn, sp, rc);
}

fd_status fd_store_occupant_move_out(fd_store *store, const fd_actor *actor, int64_t occupant_id, fd_date move_out)
{
    return set_leaving(store, actor, "fd_store_occupant_move_out", SQL_OCCUPANT_DATES, SQL_OCCUPANT_MOVE_OUT,
                       "occupant", "move_out", "occupant", "move_out", occupant_id, move_out);
}

fd_status fd_store_organisation_move_out(fd_store *store, const fd_actor *actor, int64_t organisation_id,
                                         fd_date move_out)
{
    return set_leaving(store, actor, "fd_store_organisation_move_out", SQL_ORG_DATES, SQL_ORG_MOVE_OUT,
                       "organisation", "move_out", "organisation", "move_out", organisation_id, move_out);
}

fd_status fd_store_employee_leave(fd_store *store, const fd_actor *actor, int64_t employee_id, fd_date left_on)
{
    return set_leaving(store, actor, "fd_store_employee_leave", SQL_EMPLOYEE_DATES, SQL_EMPLOYEE_LEAVE, "employee",
                       "leave", "employee", "left_on", employee_id, left_on);
}
