/*
 * The retention purge of the visitor log (issue 12, item 3; R-COM-3, R-COM-2;
 * PIPL art. 19 and 47: personal data kept no longer than needed). Two
 * horizons from the site's policy: ID numbers (masked form, keyed hash,
 * encrypted number) after `visitor.id_retention_days`, the visitor's name,
 * phone, plate and organisation after `visitor.retention_days`. The visit
 * itself stays, anonymised; a visitor still on site is left alone. The purge
 * is journaled with its counts; a dry run changes nothing and says what would go.
 */
#include "store/visitors_store.h"

#include <stdio.h>
#include <string.h>

/* Visits whose ID numbers are due — the document's and any in the purpose and the events' notes: registered
 * before ?2, not on site, with a document or without. (visits_site_id_live) */
#define ID_DUE "site_id = ?1 AND id_purged_at = 0 AND registered_at < ?2 AND NOT (arrived_at > 0 AND departed_at = 0)"
/* Visits whose personal data is due. (visits_site_live) */
#define VISIT_DUE "site_id = ?1 AND purged_at = 0 AND registered_at < ?2 AND NOT (arrived_at > 0 AND departed_at = 0)"

/* The partial indexes are named: the seeded planner statistics could take another. */
static const char SQL_COUNT_ID[] =
    "SELECT coalesce(sum(coalesce(id_masked, '') <> ''), 0), coalesce(sum(id_kept), 0), count(*) "
    "FROM visits INDEXED BY visits_site_id_live WHERE " ID_DUE;
static const char SQL_COUNT_VISITS[] = "SELECT count(*) FROM visits INDEXED BY visits_site_live WHERE " VISIT_DUE;
static const char SQL_PURGE_ID_DOCS[] =
    "UPDATE id_documents SET hash = NULL, cipher = NULL, key_id = NULL WHERE visit_id IN "
    "(SELECT id FROM visits INDEXED BY visits_site_id_live WHERE " ID_DUE ") AND hash IS NOT NULL";
/* The numbers in the events' notes and the purpose (fd_mask_numbers: fd_pii_mask_text, registered below); the
 * notes first: their selection reads id_purged_at, which the visits' update sets. */
static const char SQL_PURGE_NOTES[] =
    "UPDATE visit_events SET note = fd_mask_numbers(note), purged_at = ?3 WHERE purged_at = 0 AND note <> '' "
    "AND visit_id IN (SELECT id FROM visits INDEXED BY visits_site_id_live WHERE " ID_DUE ")";
static const char SQL_PURGE_ID[] =
    "UPDATE visits INDEXED BY visits_site_id_live SET id_masked = '', purpose = fd_mask_numbers(purpose), "
    "id_purged_at = ?3 WHERE " ID_DUE;
static const char SQL_PURGE_VISITS[] =
    "UPDATE visits INDEXED BY visits_site_live SET visitor = '', organisation = NULL, phone = NULL, plate = NULL, "
    "purged_at = ?3 WHERE " VISIT_DUE;

/* Goods permits and custody items given out, by the visits' horizon. (goods_permits_site_live, custody_items_site_live) */
#define PERMIT_DUE "site_id = ?1 AND purged_at = 0 AND created_at < ?2"
#define CUSTODY_DUE "site_id = ?1 AND purged_at = 0 AND state <> 'held' AND closed_at < ?2"
static const char SQL_COUNT_PERMITS[] = "SELECT count(*) FROM goods_permits INDEXED BY goods_permits_site_live WHERE "
                                        PERMIT_DUE;
static const char SQL_COUNT_CUSTODY[] = "SELECT count(*) FROM custody_items INDEXED BY custody_items_site_live WHERE "
                                        CUSTODY_DUE;
static const char SQL_PURGE_PERMITS[] =
    "UPDATE goods_permits INDEXED BY goods_permits_site_live SET applicant = '', phone = NULL, id_masked = NULL, "
    "purged_at = ?3 WHERE " PERMIT_DUE;
static const char SQL_PURGE_CUSTODY[] =
    "UPDATE custody_items INDEXED BY custody_items_site_live SET owner = NULL, phone = NULL, handed_to = NULL, "
    "purged_at = ?3 WHERE " CUSTODY_DUE;

/* The counts of @sql's one row into @out[0..@n) (NULL: not wanted). */
static fd_status counts(fd_store *s, const char *fn, const char *sql, int64_t site, int64_t before, int64_t *out[],
                        int n)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site);
    sqlite3_bind_int64(st, 2, before);
    int src = sqlite3_step(st);
    for (int i = 0; src == SQLITE_ROW && i < n; i++)
        if (out[i])
            *out[i] = sqlite3_column_int64(st, i);
    sqlite3_reset(st);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, src, "counting what the purge removes");
}

/* fd_mask_numbers(text): @text with its phone, ID and passport numbers masked (fd_pii_mask_text); NULL stays. */
static void mask_numbers(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    if (text == NULL) {
        if (sqlite3_value_type(argv[0]) != SQLITE_NULL)
            sqlite3_result_error_nomem(cx);
        return;
    }
    fd_buf out = FD_BUF_INIT;
    fd_status rc = fd_pii_mask_text(&out, NULL, text);
    if (rc == FD_ENOMEM)
        sqlite3_result_error_nomem(cx);
    else if (rc)
        sqlite3_result_error(cx, "fd_mask_numbers: a stored text is not valid UTF-8", -1);
    else
        sqlite3_result_text(cx, out.ptr ? out.ptr : "", (int)out.size, SQLITE_TRANSIENT);
    fd_buf_dispose(&out);
}

/* Registers fd_mask_numbers() on the handle's connection, once (before the purge's statements are prepared). */
static fd_status mask_function(fd_store *s, const char *fn)
{
    fd__visitors *v = fd__visitors_of(s, fn);
    if (v == NULL)
        return FD_ENOMEM;
    if (v->mask_fn)
        return FD_OK;
    int src = sqlite3_create_function_v2(s->db, "fd_mask_numbers", 1,
                                         SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL, mask_numbers,
                                         NULL, NULL, NULL);
    if (src != SQLITE_OK)
        return fd__store_sqlerr(s, fn, src, "registering the purge's masking function");
    v->mask_fn = true;
    return FD_OK;
}

static fd_status run(fd_store *s, const char *fn, const char *sql, int64_t site, int64_t before, int64_t at)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, site);
    sqlite3_bind_int64(st, 2, before);
    if (sqlite3_bind_parameter_count(st) >= 3)
        sqlite3_bind_int64(st, 3, at);
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    return src == SQLITE_DONE ? FD_OK : fd__store_sqlerr(s, fn, src, "purging");
}

fd_status fd_store_visit_purge(fd_visit_purge *out, fd_store *store, const fd_actor *actor, int dry_run)
{
    static const char fn[] = "fd_store_visit_purge";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    if (rc == FD_OK && dry_run != 0 && dry_run != 1)
        rc = fd__error(FD_EINVAL, "%s: dry_run: %d, must be 0 or 1", fn, dry_run);
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, NULL);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    if (rc)
        return rc;
    const fd_policy *policy = NULL;
    if ((rc = fd__store_policy(&policy, store, fn, actor->site_id)) != FD_OK)
        return rc;
    fd_visit_purge r;
    memset(&r, 0, sizeof r);
    r.version = FD_VISIT_PURGE_VERSION;
    r.dry_run = dry_run;
    r.id_before = actor->at - fd__policy_value(policy, FD__POL_VISITOR_ID_RETENTION_DAYS) * 86400;
    r.visits_before = actor->at - fd__policy_value(policy, FD__POL_VISITOR_RETENTION_DAYS) * 86400;
    int64_t site = actor->site_id;
    bool sp = false;
    /* Counted and purged in one transaction, so the counts are what went. */
    if (!dry_run && (rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    int64_t texts = 0; /* visits whose purpose and notes are masked: every one the ID horizon passes */
    rc = counts(store, fn, SQL_COUNT_ID, site, r.id_before, (int64_t *[]){ &r.id_numbers, &r.encrypted, &texts },
                3);
    if (rc == FD_OK)
        rc = counts(store, fn, SQL_COUNT_VISITS, site, r.visits_before, (int64_t *[]){ &r.visits }, 1);
    if (rc == FD_OK)
        rc = counts(store, fn, SQL_COUNT_PERMITS, site, r.visits_before, (int64_t *[]){ &r.permits }, 1);
    if (rc == FD_OK)
        rc = counts(store, fn, SQL_COUNT_CUSTODY, site, r.visits_before, (int64_t *[]){ &r.custody }, 1);
    if (dry_run) {
        if (rc == FD_OK)
            *out = r;
        return rc;
    }
    if (rc == FD_OK && texts) {
        /* The documents and the notes first: their selection reads id_purged_at, which the last one sets. */
        rc = mask_function(store, fn);
        if (rc == FD_OK)
            rc = run(store, fn, SQL_PURGE_ID_DOCS, site, r.id_before, actor->at);
        if (rc == FD_OK)
            rc = run(store, fn, SQL_PURGE_NOTES, site, r.id_before, actor->at);
        if (rc == FD_OK)
            rc = run(store, fn, SQL_PURGE_ID, site, r.id_before, actor->at);
    }
    if (rc == FD_OK && r.visits)
        rc = run(store, fn, SQL_PURGE_VISITS, site, r.visits_before, actor->at);
    if (rc == FD_OK && r.permits)
        rc = run(store, fn, SQL_PURGE_PERMITS, site, r.visits_before, actor->at);
    if (rc == FD_OK && r.custody)
        rc = run(store, fn, SQL_PURGE_CUSTODY, site, r.visits_before, actor->at);
    if (rc == FD_OK) {
        char detail[200];
        snprintf(detail, sizeof detail,
                 "id_numbers=%lld encrypted=%lld texts=%lld visits=%lld permits=%lld custody=%lld",
                 (long long)r.id_numbers, (long long)r.encrypted, (long long)texts, (long long)r.visits,
                 (long long)r.permits, (long long)r.custody);
        rc = fd__journal(store, fn, actor, site, "visit", 0, "purge", detail);
    }
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out = r;
    return rc;
}
