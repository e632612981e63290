/*
 * Importing PBX call-detail records (issue 11; R-CALL-3, R-CALL-1, R-CALL-8,
 * R-COM-3): every good line becomes a raw leg unless it is there already
 * (keyed by site, source, uniqueid, sequence), bad lines are listed with
 * their number and reason, and the legs of each call touched are assembled
 * (fd_cdr_assemble) and assessed (fd_call_assess) into one call record,
 * added or updated in place. One transaction: all or nothing.
 */
#include "store/calls_store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_LEG_EXISTS[] =
    "SELECT 1 FROM cdr_legs WHERE site_id = ?1 AND source = ?2 AND uniqueid = ?3 AND sequence = ?4";
static const char SQL_LEG_BY_ID[] = "SELECT id, uniqueid, peer, linkedid, start_at FROM cdr_legs WHERE id = ?1";
/* Legs linked to one FreeSWITCH leg: its other leg, legs naming it, legs grouped under it. */
static const char SQL_LEG_BY_UNIQUEID[] =
    "SELECT id, uniqueid, peer, linkedid, start_at FROM cdr_legs WHERE site_id = ?1 AND source = ?2 AND uniqueid = ?3";
static const char SQL_LEG_BY_PEER[] = "SELECT id, uniqueid, peer, linkedid, start_at FROM cdr_legs "
                                      "WHERE site_id = ?1 AND source = ?2 AND peer = ?3 AND peer <> ''";
static const char SQL_LEG_BY_LINKED[] =
    "SELECT id, uniqueid, peer, linkedid, start_at FROM cdr_legs WHERE site_id = ?1 AND source = ?2 AND linkedid = ?3";
static const char SQL_LEG_SET_LINKED[] = "UPDATE cdr_legs SET linkedid = ?2 WHERE id = ?1";
static const char SQL_LEGS_SET_CALL[] =
    "UPDATE cdr_legs SET call_id = ?1 WHERE site_id = ?2 AND source = ?3 AND linkedid = ?4 AND call_id IS NOT ?1";
/* The literal `source <> ''` lets the partial index calls_site_source serve it. */
static const char SQL_CALL_BY_SOURCE[] = "SELECT id FROM calls "
                                         "WHERE site_id = ?1 AND source = ?2 AND source_key = ?3 AND source <> ''";
static const char SQL_CALL_REASSEMBLE[] =
    "UPDATE calls SET direction = ?2, caller_number = ?3, caller_name = ?4, callee = ?5, ring_at = ?6, "
    "answer_at = ?7, ring_leg_at = ?8, end_at = ?9, disposition = ?10, line = ?11, rings = ?12, late = ?13, "
    "over_limit = ?14, source_key = ?15, legs = ?16, transfers = ?17 WHERE id = ?1";
static const char SQL_CALLBACK_EXISTS[] = "SELECT 1 FROM call_tasks WHERE call_id = ?1 AND kind = 'callback'";

/* Legs of one FreeSWITCH call found so far. */
#define GROUP_MAX 1000

/* A leg as the grouping sees it. */
typedef struct gleg {
    int64_t id, start_at;
    char *uniqueid, *peer, *linkedid;
} gleg;

/* A call key the import touched, and a key its legs were grouped under before (re-keyed). */
typedef struct touch {
    char *key;
    char *old; /* NULL when the key is not a re-keying */
} touch;

typedef struct importer {
    fd_store *s;
    const char *fn;
    const fd_actor *actor; /* who imports: the legs and the journal */
    fd_actor system;       /* the calls and their tasks: nobody at the desk handled them */
    const char *source;
    const fd_policy *policy;
    fd_cdr_import_summary sum;
    int64_t *fs_legs; /* new legs without a linkedid (FreeSWITCH), to group */
    size_t nfs, cfs;
    touch *touched;
    size_t nt, ct;
    sqlite3_stmt *load; /* the legs of one call, every column (not cached: built from the field table) */
} importer;

static fd_status push_touch(importer *im, const char *key, const char *old)
{
    if (im->nt == im->ct) {
        size_t cap = im->ct ? im->ct * 2 : 64;
        touch *p = realloc(im->touched, cap * sizeof *p);
        if (p == NULL)
            return fd__oom(im->fn);
        im->touched = p;
        im->ct = cap;
    }
    touch *t = &im->touched[im->nt];
    t->key = strdup(key);
    t->old = old ? strdup(old) : NULL;
    if (t->key == NULL || (old && t->old == NULL)) {
        free(t->key);
        free(t->old);
        return fd__oom(im->fn);
    }
    im->nt++;
    return FD_OK;
}

static fd_status push_fs_leg(importer *im, int64_t id)
{
    if (im->nfs == im->cfs) {
        size_t cap = im->cfs ? im->cfs * 2 : 64;
        int64_t *p = realloc(im->fs_legs, cap * sizeof *p);
        if (p == NULL)
            return fd__oom(im->fn);
        im->fs_legs = p;
        im->cfs = cap;
    }
    im->fs_legs[im->nfs++] = id;
    return FD_OK;
}

/* --- lines ------------------------------------------------------------------ */

/* Appends "line N: reason" for a refused line: the parser's message without its function name. */
static fd_status reject(importer *im, fd_buf *rejects, int64_t line_no)
{
    im->sum.rejected++;
    if (rejects == NULL)
        return FD_OK;
    const char *msg = fd_error_last()->message;
    const char *colon = strstr(msg, ": ");
    const char *reason = colon ? colon + 2 : msg;
    return fd__buf_printf(rejects, "line %lld: %s\n", (long long)line_no, reason);
}

/* Stores one parsed leg unless its key is there already. */
static fd_status store_leg(importer *im, const fd_cdr_leg *leg)
{
    sqlite3_stmt *st = fd__store_stmt(im->s, im->fn, SQL_LEG_EXISTS);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, im->actor->site_id);
    sqlite3_bind_text(st, 2, leg->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, leg->uniqueid, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 4, leg->sequence);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src == SQLITE_ROW) {
        im->sum.already++;
        return FD_OK;
    }
    if (src != SQLITE_DONE)
        return fd__store_sqlerr(im->s, im->fn, src, "looking for the leg");
    int64_t id = 0;
    fd_status rc = fd__record_insert(&id, im->s, im->fn, &fd__record_cdr_leg, leg, im->actor);
    if (rc)
        return rc;
    im->sum.imported++;
    /* A leg with a linkedid belongs to that call; FreeSWITCH legs are grouped below. */
    return leg->linkedid && leg->linkedid[0] ? push_touch(im, leg->linkedid, NULL) : push_fs_leg(im, id);
}

/* --- grouping FreeSWITCH legs (uuid / bleg_uuid) ------------------------------------- */

static void gleg_free(gleg *g)
{
    free(g->uniqueid);
    free(g->peer);
    free(g->linkedid);
}

/* Adds the legs @st finds (bound by the caller) to @group, skipping those it holds. */
static fd_status collect(importer *im, sqlite3_stmt *st, gleg *group, size_t *n)
{
    fd_status rc = FD_OK;
    int src;
    while (rc == FD_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        bool have = false;
        for (size_t i = 0; i < *n && !have; i++)
            have = group[i].id == id;
        if (have)
            continue;
        if (*n == GROUP_MAX) {
            rc = fd__error(FD_ERANGE, "%s: text: more than %d legs linked by uuid and bleg_uuid in one call", im->fn,
                           GROUP_MAX);
            break;
        }
        gleg *g = &group[*n];
        g->id = id;
        g->start_at = sqlite3_column_int64(st, 4);
        const char *u = (const char *)sqlite3_column_text(st, 1), *p = (const char *)sqlite3_column_text(st, 2),
                   *l = (const char *)sqlite3_column_text(st, 3);
        g->uniqueid = strdup(u ? u : "");
        g->peer = strdup(p ? p : "");
        g->linkedid = strdup(l ? l : "");
        if (!g->uniqueid || !g->peer || !g->linkedid) {
            gleg_free(g);
            rc = fd__oom(im->fn);
            break;
        }
        (*n)++;
    }
    sqlite3_reset(st);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(im->s, im->fn, src, "grouping legs");
    return rc;
}

/* Runs one of the grouping look-ups for @value and collects what it finds. */
static fd_status look(importer *im, const char *sql, const char *value, gleg *group, size_t *n)
{
    if (value == NULL || value[0] == '\0')
        return FD_OK;
    sqlite3_stmt *st = fd__store_stmt(im->s, im->fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, im->actor->site_id);
    sqlite3_bind_text(st, 2, im->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, value, -1, SQLITE_TRANSIENT);
    return collect(im, st, group, n);
}

/*
 * The call of FreeSWITCH leg @leg_id: every leg linked to it by uuid and
 * bleg_uuid, stored before or now, gets the a-leg's uuid as linkedid (the leg
 * no other leg names as its b-leg; the earliest of several). A group whose
 * legs were filed under another key before (its a-leg arrived later) is
 * re-keyed, and its call found by the old key.
 */
static fd_status group_fs_leg(importer *im, int64_t leg_id, gleg *group, bool *grouped)
{
    size_t n = 0;
    /* From the leg itself, through every link, until nothing new turns up. */
    sqlite3_stmt *st = fd__store_stmt(im->s, im->fn, SQL_LEG_BY_ID);
    fd_status rc = st ? FD_OK : fd_error_last()->code;
    if (rc == FD_OK) {
        sqlite3_bind_int64(st, 1, leg_id);
        rc = collect(im, st, group, &n);
    }
    for (size_t i = 0; i < n && rc == FD_OK; i++) {
        const char *u = group[i].uniqueid, *p = group[i].peer, *l = group[i].linkedid; /* group[] never moves */
        if ((rc = look(im, SQL_LEG_BY_UNIQUEID, p, group, &n)) == FD_OK &&
            (rc = look(im, SQL_LEG_BY_PEER, u, group, &n)) == FD_OK &&
            (rc = look(im, SQL_LEG_BY_LINKED, u, group, &n)) == FD_OK)
            rc = look(im, SQL_LEG_BY_UNIQUEID, l, group, &n);
    }
    /* The a-leg: named by no other leg's peer; the earliest (then the first stored) of those. */
    size_t a = n;
    for (size_t i = 0; i < n && rc == FD_OK; i++) {
        bool named = false;
        for (size_t j = 0; j < n && !named; j++)
            named = j != i && strcmp(group[j].peer, group[i].uniqueid) == 0;
        if (named)
            continue;
        if (a == n || group[i].start_at < group[a].start_at ||
            (group[i].start_at == group[a].start_at && group[i].id < group[a].id))
            a = i;
    }
    if (rc == FD_OK && a == n) /* a cycle: the earliest leg */
        for (size_t i = 0; i < n; i++)
            if (a == n || group[i].start_at < group[a].start_at)
                a = i;
    const char *key = rc == FD_OK && n ? group[a].uniqueid : NULL;
    if (key)
        rc = push_touch(im, key, NULL);
    for (size_t i = 0; i < n && rc == FD_OK; i++) {
        if (strcmp(group[i].linkedid, key) == 0)
            continue;
        if (group[i].linkedid[0] && (rc = push_touch(im, key, group[i].linkedid)) != FD_OK)
            break;
        if ((st = fd__store_stmt(im->s, im->fn, SQL_LEG_SET_LINKED)) == NULL) {
            rc = fd_error_last()->code;
            break;
        }
        sqlite3_bind_int64(st, 1, group[i].id);
        sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src != SQLITE_DONE)
            rc = fd__store_sqlerr(im->s, im->fn, src, "grouping legs");
    }
    /* The new legs of this group need no grouping of their own. */
    for (size_t i = 0; i < n; i++) {
        size_t lo = 0, hi = im->nfs; /* fs_legs are in id order */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (im->fs_legs[mid] < group[i].id)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < im->nfs && im->fs_legs[lo] == group[i].id)
            grouped[lo] = true;
        gleg_free(&group[i]);
    }
    return rc;
}

static fd_status group_fs_legs(importer *im)
{
    if (im->nfs == 0)
        return FD_OK;
    gleg *group = malloc(GROUP_MAX * sizeof *group);
    bool *grouped = calloc(im->nfs, sizeof *grouped);
    fd_status rc = group && grouped ? FD_OK : fd__oom(im->fn);
    for (size_t i = 0; i < im->nfs && rc == FD_OK; i++)
        if (!grouped[i])
            rc = group_fs_leg(im, im->fs_legs[i], group, grouped);
    free(group);
    free(grouped);
    return rc;
}

/* --- assembling the calls touched ---------------------------------------------------- */

static bool is_string(fd__ftype t)
{
    return t == FD__T_TEXT || t == FD__T_CODE || t == FD__T_LCODE || t == FD__T_ZONE;
}

/* Reads the current row of im->load into a leg, its strings in the same block (free() it). */
static fd_status read_leg(importer *im, fd_cdr_leg **out)
{
    const fd__record *r = &fd__record_cdr_leg;
    size_t total = r->size;
    for (size_t i = 0; i < r->nfields; i++)
        if (is_string(r->fields[i].type))
            total += (size_t)sqlite3_column_bytes(im->load, (int)i) + 1;
    char *block = calloc(1, total);
    if (block == NULL)
        return fd__oom(im->fn);
    *(unsigned int *)block = r->version;
    char *p = block + r->size;
    for (size_t i = 0; i < r->nfields; i++) {
        const fd__field *f = &r->fields[i];
        char *dst = block + f->offset;
        switch (f->type) {
        case FD__T_TEXT:
        case FD__T_CODE:
        case FD__T_LCODE:
        case FD__T_ZONE: {
            const char *v = (const char *)sqlite3_column_text(im->load, (int)i);
            size_t n = (size_t)sqlite3_column_bytes(im->load, (int)i);
            memcpy(p, v ? v : "", v ? n : 0);
            p[v ? n : 0] = '\0';
            *(const char **)dst = p;
            p += (v ? n : 0) + 1;
            break;
        }
        case FD__T_BOOL:
            *(int *)dst = sqlite3_column_int(im->load, (int)i);
            break;
        case FD__T_DATE:
            break; /* a leg has none */
        default:
            *(int64_t *)dst = sqlite3_column_int64(im->load, (int)i);
            break;
        }
    }
    *out = (fd_cdr_leg *)block;
    return FD_OK;
}

/* The legs filed under @key, in id order. */
static fd_status load_legs(importer *im, const char *key, fd_cdr_leg ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    fd_status rc = FD_OK;
    sqlite3_reset(im->load);
    sqlite3_bind_int64(im->load, 1, im->actor->site_id);
    sqlite3_bind_text(im->load, 2, im->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(im->load, 3, key, -1, SQLITE_STATIC);
    int src;
    while (rc == FD_OK && (src = sqlite3_step(im->load)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            fd_cdr_leg **p = realloc(*out, cap * sizeof *p);
            if (p == NULL) {
                rc = fd__oom(im->fn);
                break;
            }
            *out = p;
        }
        if ((rc = read_leg(im, &(*out)[*n])) == FD_OK)
            (*n)++;
    }
    sqlite3_reset(im->load);
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(im->s, im->fn, src, "reading the legs of a call");
    return rc;
}

/* The call filed under @key, or 0. */
static fd_status find_call(importer *im, const char *key, int64_t *id)
{
    *id = 0;
    sqlite3_stmt *st = fd__store_stmt(im->s, im->fn, SQL_CALL_BY_SOURCE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, im->actor->site_id);
    sqlite3_bind_text(st, 2, im->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, key, -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return src == SQLITE_ROW || src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(im->s, im->fn, src, "finding the call");
}

/*
 * Updates call @id in place from @c, re-assembled. A call carries no search
 * keys (calls.rec): were one added, this UPDATE would have to replace them.
 */
static fd_status reassemble(importer *im, int64_t id, const fd_call *c)
{
    if (fd__record_call.has_search)
        return fd__error(FD_ESTATE, "%s: calls now carry search keys, which re-assembling a call does not replace",
                         im->fn);
    sqlite3_stmt *st = fd__store_stmt(im->s, im->fn, SQL_CALL_REASSEMBLE);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, id);
    const char *texts[] = { c->direction, c->caller_number, c->caller_name, c->callee };
    for (int i = 0; i < 4; i++)
        sqlite3_bind_text(st, 2 + i, texts[i] ? texts[i] : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, c->ring_at);
    sqlite3_bind_int64(st, 7, c->answer_at);
    sqlite3_bind_int64(st, 8, c->ring_leg_at);
    sqlite3_bind_int64(st, 9, c->end_at);
    sqlite3_bind_text(st, 10, c->disposition, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 11, c->line ? c->line : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 12, c->rings);
    sqlite3_bind_int(st, 13, c->late);
    sqlite3_bind_int(st, 14, c->over_limit);
    sqlite3_bind_text(st, 15, c->source_key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 16, c->legs);
    sqlite3_bind_text(st, 17, c->transfers ? c->transfers : "", -1, SQLITE_STATIC);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    return src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(im->s, im->fn, src, "updating the call");
}

/* R-CALL-8: a dropped incoming call gets its call-back task, once. */
static fd_status callback_once(importer *im, int64_t call_id, const fd_call *c)
{
    int need = 0;
    fd_status rc = fd_call_needs_callback(&need, c);
    if (rc || !need)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(im->s, im->fn, SQL_CALLBACK_EXISTS);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, call_id);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src == SQLITE_ROW)
        return FD_OK;
    if (src != SQLITE_DONE)
        return fd__store_sqlerr(im->s, im->fn, src, "looking for the call-back");
    int64_t due = c->end_at ? c->end_at : c->answer_at ? c->answer_at : c->ring_at;
    return fd__calls_task_add(NULL, im->s, im->fn, &im->system, call_id, "callback", c->caller_number, due, 0);
}

/* Assembles and assesses the call filed under @key and adds it, or updates it in place. */
static fd_status settle_call(importer *im, const char *key, const char *const *old_keys, size_t nold)
{
    fd_cdr_leg **legs = NULL;
    size_t n = 0;
    fd_call *c = NULL;
    int64_t id = 0;
    fd_status rc = load_legs(im, key, &legs, &n);
    if (rc == FD_OK && n == 0) /* a key whose legs were all re-keyed into another call */
        goto out;
    if (rc == FD_OK && (rc = fd_cdr_assemble(&c, (const fd_cdr_leg *const *)legs, n)) != FD_OK)
        rc = fd__error_context(rc, "%s: the call of legs with linkedid '%.64s'", im->fn, key);
    /* R-CALL-1 and the call's checks with the site's policy; no apology is known for an import. */
    if (rc == FD_OK && (rc = fd_call_assess(c, im->policy)) != FD_OK)
        rc = fd__error_context(rc, "%s: the call of legs with linkedid '%.64s'", im->fn, key);
    if (rc == FD_OK)
        rc = find_call(im, key, &id);
    for (size_t i = 0; i < nold && rc == FD_OK && id == 0; i++)
        rc = find_call(im, old_keys[i], &id);
    if (rc == FD_OK && id == 0) {
        rc = fd__record_insert(&id, im->s, im->fn, &fd__record_call, c, &im->system);
        im->sum.calls_added += rc == FD_OK;
    } else if (rc == FD_OK) {
        rc = reassemble(im, id, c);
        im->sum.calls_updated += rc == FD_OK;
    }
    if (rc == FD_OK) {
        sqlite3_stmt *st = fd__store_stmt(im->s, im->fn, SQL_LEGS_SET_CALL);
        if (st == NULL) {
            rc = fd_error_last()->code;
        } else {
            sqlite3_bind_int64(st, 1, id);
            sqlite3_bind_int64(st, 2, im->actor->site_id);
            sqlite3_bind_text(st, 3, im->source, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 4, key, -1, SQLITE_STATIC);
            int src = sqlite3_step(st);
            sqlite3_reset(st);
            if (src != SQLITE_DONE)
                rc = fd__store_sqlerr(im->s, im->fn, src, "linking legs to their call");
        }
    }
    if (rc == FD_OK)
        rc = callback_once(im, id, c);
out:
    for (size_t i = 0; i < n; i++)
        free(legs[i]);
    free(legs);
    fd_call_free(c);
    return rc;
}

static int cmp_touch(const void *a, const void *b)
{
    const touch *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (!x->old || !y->old)
        return (x->old != NULL) - (y->old != NULL);
    return strcmp(x->old, y->old);
}

static fd_status settle_calls(importer *im)
{
    if (im->nt == 0)
        return FD_OK;
    const fd__record *r = &fd__record_cdr_leg;
    fd_buf sql = FD_BUF_INIT;
    fd_status rc = fd__buf_printf(&sql, "SELECT %s FROM %s WHERE site_id = ?1 AND source = ?2 AND linkedid = ?3 "
                                  "ORDER BY id", r->sql_columns, r->table);
    if (rc == FD_OK) {
        int src = sqlite3_prepare_v2(im->s->db, sql.ptr, (int)sql.size, &im->load, NULL);
        if (src != SQLITE_OK)
            rc = fd__store_sqlerr(im->s, im->fn, src, "preparing to read legs");
    }
    fd_buf_dispose(&sql);
    fd__qsort(im->touched, im->nt, sizeof *im->touched, cmp_touch);
    const char **olds = NULL;
    if (rc == FD_OK && (olds = malloc(im->nt * sizeof *olds)) == NULL)
        rc = fd__oom(im->fn);
    for (size_t i = 0; i < im->nt && rc == FD_OK;) {
        size_t j = i, nold = 0;
        for (; j < im->nt && strcmp(im->touched[j].key, im->touched[i].key) == 0; j++)
            if (im->touched[j].old && (nold == 0 || strcmp(olds[nold - 1], im->touched[j].old) != 0))
                olds[nold++] = im->touched[j].old;
        rc = settle_call(im, im->touched[i].key, olds, nold);
        i = j;
    }
    free(olds);
    return rc;
}

/* --- the entry points ------------------------------------------------------------------- */

/* Checks the options and builds the parser (errors name options.<field>). */
static fd_status make_parser(fd_cdr_parser **out, fd_store *s, const char *fn, const fd_actor *actor,
                             const fd_cdr_options *o)
{
    fd_status rc = fd__check_ptr(fn, "options", o);
    if (rc == FD_OK && o->version != FD_CDR_OPTIONS_VERSION)
        rc = fd__error(FD_EINVAL, "%s: options.version: %u, this library knows %d", fn, o->version,
                       FD_CDR_OPTIONS_VERSION);
    int dialect = 0;
    if (rc == FD_OK && (rc = fd_cdr_dialect_from_name(&dialect, o->dialect)) != FD_OK)
        rc = fd__error_rename(rc, fn, "options.dialect");
    if (rc == FD_OK)
        rc = fd__check_code(fn, "options.source", o->source, true);
    if (rc == FD_OK && o->source && strlen(o->source) > 32)
        rc = fd__error(FD_ERANGE, "%s: options.source: at most 32 bytes", fn);
    char zone[FD__ZONE_MAX + 1];
    if (rc == FD_OK && o->time_zone && o->time_zone[0])
        rc = fd__check_text(fn, "options.time_zone", o->time_zone, FD__ZONE_MAX, true);
    if (rc == FD_OK && o->time_zone && o->time_zone[0])
        fd__copy_fixed(zone, sizeof zone, o->time_zone);
    else if (rc == FD_OK)
        rc = fd__store_site_zone(zone, s, fn, actor->site_id); /* times without a zone: the site's */
    if (rc == FD_OK && (rc = fd_cdr_parser_new(out, dialect, o->source, zone, o->column_map)) != FD_OK) {
        char msg[1024];
        fd__copy_fixed(msg, sizeof msg, fd_error_last()->message);
        const char *colon = strstr(msg, ": ");
        rc = fd__error(rc, "%s: options.%s", fn, colon ? colon + 2 : msg);
    }
    return rc;
}

fd_status fd_store_cdr_import(fd_cdr_import_summary *out, fd_buf *rejects, fd_store *store, const fd_actor *actor,
                              const fd_cdr_options *options, const char *text)
{
    static const char fn[] = "fd_store_cdr_import";
    fd__buf_clear(rejects);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "text", text);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    fd_cdr_parser *parser = NULL;
    if (rc == FD_OK)
        rc = make_parser(&parser, store, fn, actor, options);
    fd_policy *policy = NULL;
    if (rc == FD_OK)
        rc = fd_store_policy_load(&policy, store, actor->site_id);
    if (rc) {
        fd_cdr_parser_free(parser);
        return rc;
    }
    importer im;
    memset(&im, 0, sizeof im);
    im.s = store;
    im.fn = fn;
    im.actor = actor;
    im.system = *actor;
    im.system.staff_id = 0;
    im.system.grants = 0;
    im.system.reason = NULL;
    im.source = options->source;
    im.policy = policy;
    im.sum.version = FD_CDR_IMPORT_SUMMARY_VERSION;
    bool sp;
    rc = fd__store_write_begin(store, fn, &sp);
    if (rc) {
        fd_cdr_parser_free(parser);
        fd_policy_free(policy);
        return rc;
    }
    fd_buf line = FD_BUF_INIT;
    int64_t line_no = 0;
    for (const char *p = text; rc == FD_OK && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        line_no++;
        fd__buf_clear(&line);
        if ((rc = fd__buf_put(&line, p, len)) != FD_OK)
            break;
        p += len + (nl != NULL);
        bool blank = true;
        for (size_t i = 0; i < len && blank; i++)
            blank = line.ptr[i] == ' ' || line.ptr[i] == '\t' || line.ptr[i] == '\r';
        if (blank)
            continue;
        im.sum.lines++;
        fd_cdr_leg *leg = NULL;
        fd_status prc = fd_cdr_parse_line(&leg, parser, line.ptr);
        if (prc == FD_ENOMEM) {
            rc = prc;
        } else if (prc != FD_OK) {
            rc = reject(&im, rejects, line_no); /* a bad line is refused whole; the others go on */
        } else if (leg) {
            rc = store_leg(&im, leg);
            fd_cdr_leg_free(leg);
        }
    }
    fd_buf_dispose(&line);
    if (rc == FD_OK)
        rc = group_fs_legs(&im);
    if (rc == FD_OK)
        rc = settle_calls(&im);
    if (rc == FD_OK) {
        char detail[320];
        snprintf(detail, sizeof detail,
                 "%s %s: lines %lld, imported %lld, already %lld, rejected %lld, calls added %lld, updated %lld",
                 options->dialect, options->source, (long long)im.sum.lines, (long long)im.sum.imported,
                 (long long)im.sum.already, (long long)im.sum.rejected, (long long)im.sum.calls_added,
                 (long long)im.sum.calls_updated);
        rc = fd__journal(store, fn, actor, actor->site_id, "cdr", 0, "import", detail);
    }
    sqlite3_finalize(im.load);
    rc = fd__store_write_end(store, fn, sp, rc);
    for (size_t i = 0; i < im.nt; i++) {
        free(im.touched[i].key);
        free(im.touched[i].old);
    }
    free(im.touched);
    free(im.fs_legs);
    fd_cdr_parser_free(parser);
    fd_policy_free(policy);
    if (rc) {
        fd__buf_clear(rejects); /* nothing was imported: no list of what was not */
        return rc;
    }
    *out = im.sum;
    return FD_OK;
}

fd_status fd_store_cdr_import_file(fd_cdr_import_summary *out, fd_buf *rejects, fd_store *store,
                                   const fd_actor *actor, const fd_cdr_options *options, const char *path)
{
    static const char fn[] = "fd_store_cdr_import_file";
    fd__buf_clear(rejects);
    fd_status rc = fd__check_text(fn, "path", path, 4096, true);
    if (rc)
        return rc;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return fd__error(FD_EIO, "%s: path: cannot read '%s': %s", fn, path, strerror(errno));
    fd_buf text = FD_BUF_INIT;
    char chunk[65536];
    size_t n;
    while (rc == FD_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        rc = fd__buf_put(&text, chunk, n);
    if (rc == FD_OK && ferror(f))
        rc = fd__error(FD_EIO, "%s: path: cannot read '%s': %s", fn, path, strerror(errno));
    fclose(f);
    if (rc == FD_OK && text.size != strlen(text.ptr ? text.ptr : ""))
        rc = fd__error(FD_EINVAL, "%s: path: '%s' holds a NUL byte: not a CDR text file", fn, path);
    if (rc == FD_OK)
        rc = fd_store_cdr_import(out, rejects, store, actor, options, text.ptr ? text.ptr : "");
    if (rc) {
        /* Name the function called, keeping the cause. */
        if (strncmp(fd_error_last()->message, "fd_store_cdr_import: ", 21) == 0)
            rc = fd__error_rename(rc, fn, NULL);
    }
    fd_buf_dispose(&text);
    return rc;
}
