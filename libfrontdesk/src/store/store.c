/* Opening, migrating and closing a site database; transactions; the statement cache. */
#include "store/record.h"
#include "store/store_records.h"
#include "embedded.h"
#include "store/collations.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/crypto.h>

/* "FDK1": written by migration 0001 into PRAGMA application_id. */
#define FD__APPLICATION_ID 1178881841

static const char *const SQL_USER_VERSION = "PRAGMA user_version";

fd_status fd__store_sqlerr(fd_store *s, const char *fn, int rc, const char *what)
{
    const char *msg = s && s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
    fd_status code;
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: code = FD_EBUSY; break;
    case SQLITE_NOMEM: code = FD_ENOMEM; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: code = FD_EDATA; break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH: code = FD_EPERM; break;
    case SQLITE_CONSTRAINT:
        switch (rc) {
        case SQLITE_CONSTRAINT_FOREIGNKEY: code = FD_ENOTFOUND; break;
        case SQLITE_CONSTRAINT_TRIGGER: code = FD_EPERM; break;
        case SQLITE_CONSTRAINT_CHECK:
        case SQLITE_CONSTRAINT_NOTNULL: code = FD_EINVAL; break;
        default: code = FD_ECONFLICT; break;
        }
        break;
    default: code = FD_EIO; break;
    }
    return fd__error(code, "%s: %s: %s", fn, what, msg);
}

fd_status fd__stmt_done(fd_store *s, const char *fn, sqlite3_stmt *st, const char *what, int *changes)
{
    int src = sqlite3_step(st);
    sqlite3_reset(st);
    if (src != SQLITE_DONE)
        return fd__store_sqlerr(s, fn, src, what);
    if (changes)
        *changes = sqlite3_changes(s->db);
    return FD_OK;
}

fd_status fd__stmt_int(fd_store *s, const char *fn, sqlite3_stmt *st, const char *what, int64_t *out)
{
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, src, what);
}

fd_status fd__store_load(fd_store *s, const char *fn, const char *sql, int64_t id, int64_t site, const char *field,
                         const char *what, fd_status (*read)(sqlite3_stmt *st, void *ctx), void *ctx)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, site);
    int src = sqlite3_step(st);
    fd_status rc = FD_OK;
    if (src == SQLITE_ROW && (rc = read(st, ctx)) == FD_OK)
        rc = fd__columns_read(s, fn);
    sqlite3_reset(st);
    if (rc)
        return rc;
    if (src == SQLITE_DONE)
        return fd__error(FD_ENOTFOUND, "%s: %s: no %s %lld at the actor's site", fn, field, what, (long long)id);
    if (src != SQLITE_ROW) {
        char why[64];
        snprintf(why, sizeof why, "reading the %s", what);
        return fd__store_sqlerr(s, fn, src, why);
    }
    return FD_OK;
}

static fd_status read_nothing(sqlite3_stmt *st, void *ctx)
{
    (void)st;
    (void)ctx;
    return FD_OK;
}

fd_status fd__store_ref_at_site(fd_store *s, const char *fn, const char *sql, int64_t id, int64_t site,
                                const char *field, const char *what)
{
    return id == 0 ? FD_OK : fd__store_load(s, fn, sql, id, site, field, what, read_nothing, NULL);
}

sqlite3_stmt *fd__store_stmt(fd_store *s, const char *fn, const char *sql)
{
    size_t h = ((uintptr_t)sql >> 3) % FD__STMT_SLOTS;
    for (size_t probe = 0; probe < FD__STMT_SLOTS; probe++, h = (h + 1) % FD__STMT_SLOTS) {
        if (s->cache[h].sql == sql) {
            sqlite3_reset(s->cache[h].stmt);
            sqlite3_clear_bindings(s->cache[h].stmt);
            return s->cache[h].stmt;
        }
        if (s->cache[h].sql == NULL) {
            sqlite3_stmt *st = NULL;
            int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
            if (rc != SQLITE_OK) {
                fd__store_sqlerr(s, fn, rc, "preparing a statement");
                return NULL;
            }
            s->cache[h].sql = sql;
            s->cache[h].stmt = st;
            return st;
        }
    }
    /* More distinct statements than slots: a programming error, caught by tests. */
    fd__error(FD_ENOMEM, "%s: statement cache full (%d slots)", fn, FD__STMT_SLOTS);
    return NULL;
}

/* Runs one cached statement that returns no rows. */
static fd_status exec_cached(fd_store *s, const char *fn, const char *sql, const char *what)
{
    sqlite3_stmt *st = fd__store_stmt(s, fn, sql);
    if (st == NULL)
        return fd_error_last()->code;
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? FD_OK : fd__store_sqlerr(s, fn, rc, what);
}

static const char *const SQL_BEGIN = "BEGIN IMMEDIATE";
static const char *const SQL_COMMIT = "COMMIT";
static const char *const SQL_ROLLBACK = "ROLLBACK";
static const char *const SQL_SAVEPOINT = "SAVEPOINT fd_write";
static const char *const SQL_RELEASE = "RELEASE fd_write";
static const char *const SQL_ROLLBACK_TO = "ROLLBACK TO fd_write";

fd_status fd__store_write_begin(fd_store *s, const char *fn, bool *savepoint)
{
    if (s->read_only)
        return fd__error(FD_EPERM, "%s: store: opened read-only", fn);
    fd_status lost = fd__store_tx_lost(s, fn);
    if (lost)
        return lost;
    *savepoint = !sqlite3_get_autocommit(s->db);
    return exec_cached(s, fn, *savepoint ? SQL_SAVEPOINT : SQL_BEGIN, "starting a write");
}

fd_status fd__store_write_one_begin(fd_store *s, const char *fn, bool *in_tx)
{
    if (s->read_only)
        return fd__error(FD_EPERM, "%s: store: opened read-only", fn);
    fd_status lost = fd__store_tx_lost(s, fn);
    if (lost)
        return lost;
    *in_tx = !sqlite3_get_autocommit(s->db);
    return FD_OK;
}

fd_status fd__store_write_one_end(fd_store *s, const char *fn, bool in_tx, fd_status rc)
{
    if (in_tx && sqlite3_get_autocommit(s->db)) {
        fd__store_forget(s);
        if (rc == FD_OK)
            rc = fd__error(FD_EIO, "%s: store: the open transaction was rolled back by SQLite", fn);
        return fd__error_context(rc, "%s: store: the caller's transaction was rolled back after an error; "
                                     "nothing of it was written", fn);
    }
    if (rc)
        fd__store_forget(s);
    return rc;
}

fd_status fd__store_write_end(fd_store *s, const char *fn, bool savepoint, fd_status rc)
{
    /* After out-of-memory, I/O and full-disk errors SQLite may roll the whole
     * transaction back by itself: the caller's transaction (around our
     * savepoint) is then gone, and saying so is the only honest answer. */
    if (savepoint && sqlite3_get_autocommit(s->db)) {
        fd__store_forget(s);
        if (rc == FD_OK)
            rc = fd__error(FD_EIO, "%s: store: the open transaction was rolled back by SQLite", fn);
        return fd__error_context(rc, "%s: store: the caller's transaction was rolled back after an error; "
                                     "nothing of it was written", fn);
    }
    if (rc == FD_OK) {
        rc = exec_cached(s, fn, savepoint ? SQL_RELEASE : SQL_COMMIT, "committing a write");
        if (rc == FD_OK)
            return FD_OK;
        /* A failed COMMIT leaves the transaction open: roll it back below. */
    }
    /* Keep the error that made us roll back, not the rollback's own. */
    fd__saved_error saved;
    fd__error_save(&saved);
    fd__store_forget(s); /* a rolled-back grant or journal entry must not stay cached */
    if (savepoint) {
        exec_cached(s, fn, SQL_ROLLBACK_TO, "rolling back a write");
        exec_cached(s, fn, SQL_RELEASE, "rolling back a write");
    } else if (!sqlite3_get_autocommit(s->db)) {
        if (exec_cached(s, fn, SQL_ROLLBACK, "rolling back a write") != FD_OK)
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL); /* the cached statement may be what failed */
    }
    return fd__error_restore(&saved);
}

fd_status fd_store_options_init(fd_store_options *opts, unsigned int version)
{
    fd_status rc = fd__check_ptr("fd_store_options_init", "opts", opts);
    if (rc)
        return rc;
    if (version < 1 || version > FD_STORE_OPTIONS_VERSION)
        return fd__error(FD_EINVAL, "fd_store_options_init: version: %u, this library knows 1..%d", version,
                         FD_STORE_OPTIONS_VERSION);
    fd_store_options init = FD_STORE_OPTIONS_INIT;
    init.version = version;
    /* A version-1 caller's struct ends before quick_check: write only what it has. */
    /* An older caller's struct ends before the later fields: write only what it has. */
    memcpy(opts, &init, version == 1   ? offsetof(fd_store_options, quick_check)
                        : version == 2 ? offsetof(fd_store_options, key_file)
                                       : sizeof init);
    return FD_OK;
}

int fd_store_schema_latest(void)
{
    return (int)fd__sql_migrations_count;
}

/* Reads a one-integer PRAGMA (not cached: used once per open). */
static fd_status pragma_int(fd_store *s, const char *fn, const char *sql, int *out)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            *out = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_OK ? FD_OK : fd__store_sqlerr(s, fn, rc, sql);
}

static fd_status exec_sql(fd_store *s, const char *fn, const char *sql, const char *what)
{
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? FD_OK : fd__store_sqlerr(s, fn, rc, what);
}

/* The triggers that make the append-only tables append-only (0001-0003, journal.c). */
static const char *const PROTECTING_TRIGGERS[] = {
    "journal_append_only_update", "journal_append_only_delete", "journal_no_replace",
    "sites_never_deleted",        "sites_never_updated",        "sites_no_replace_id",
    "sites_no_replace_code",      "staff_never_deleted",        "staff_only_active_changes",
    "staff_no_replace_id",        "staff_no_replace_code",      "reveals_append_only_update",
    "reveals_append_only_delete", "reveals_no_replace",         "meta_never_updated",
    "meta_never_deleted",
    /* calls (0006) */
    "directory_no_delete", "calls_no_delete", "call_tasks_no_delete", "messages_no_delete",
    "message_events_append_only_update", "message_events_append_only_delete", "guests_no_delete",
    "cdr_legs_no_delete", "calls_logged_never_updated", "directory_no_replace", "calls_no_replace", "call_tasks_no_replace",
    "messages_no_replace", "message_events_no_replace", "guests_no_replace", "cdr_legs_no_replace",
    /* visitors (0008) */
    "visits_no_delete", "visit_events_append_only_update", "visit_events_append_only_delete",
    "id_documents_no_delete", "site_secrets_never_updated", "site_secrets_never_deleted", "blocklist_no_delete",
    "blocklist_hits_no_delete", "visits_no_replace", "visit_events_no_replace", "id_documents_no_replace",
    "site_secrets_no_replace", "blocklist_no_replace", "blocklist_hits_no_replace", "visits_only_events_and_purge",
    "id_documents_only_purged", "blocklist_only_keys_and_lifting", "blocklist_hits_outcome_once",
    "slip_handovers_append_only_update", "slip_handovers_append_only_delete", "slip_handovers_no_replace",
    "counted_items_no_delete", "item_events_append_only_update", "item_events_append_only_delete",
    "item_counts_no_delete", "counted_items_no_replace_id", "counted_items_no_replace_code", "item_events_no_replace",
    "item_counts_no_replace", "counted_items_only_state", "item_counts_only_explained",
    "goods_permits_no_delete", "goods_checks_append_only_update", "goods_checks_append_only_delete",
    "custody_items_no_delete", "custody_events_append_only_update", "custody_events_append_only_delete",
    "goods_permits_no_replace", "goods_checks_no_replace", "custody_items_no_replace", "custody_events_no_replace",
    "goods_permits_only_state_and_purge", "custody_items_only_steps_and_purge",
    "visit_preps_no_delete", "visit_preps_no_replace", "visit_preps_ticked_once",
    /* complaints (0011) */
    "complaints_no_delete", "complaints_no_replace", "complaint_events_no_delete", "complaint_events_no_replace",
    "complaint_events_no_update", "complaint_targets_no_delete", "complaint_targets_no_replace",
    "complaint_targets_breach_kept", "complaint_categories_no_delete", "complaint_categories_no_replace",
    "reply_phrases_no_delete", "reply_phrases_no_replace", "calendar_data_no_delete", "calendar_data_no_update",
    /* fees (0012) */
    "fee_items_no_delete", "fee_items_no_replace", "fee_rates_no_delete", "fee_rates_no_replace", "unit_custodies_no_delete", "unit_custodies_no_replace", "meter_readings_no_delete", "meter_readings_no_replace", "unit_accounts_no_delete", "unit_accounts_no_replace", "bills_no_delete", "bills_no_replace", "bill_lines_no_delete", "bill_lines_no_replace", "payments_no_delete", "payments_no_replace", "allocations_no_delete", "allocations_no_replace", "receipt_series_no_delete", "receipt_series_no_replace", "receipts_no_delete", "receipts_no_replace", "receipt_voids_no_delete", "receipt_voids_no_replace", "refunds_no_delete", "refunds_no_replace", "adjustments_no_delete", "adjustments_no_replace", "day_closes_no_delete", "day_closes_no_replace", "dunning_steps_no_delete", "dunning_steps_no_replace", "notice_templates_no_delete", "notice_templates_no_replace", "fee_rates_no_update", "meter_readings_no_update", "allocations_no_update", "receipt_voids_no_update", "adjustments_no_update", "day_closes_no_update", "dunning_steps_no_update", "notice_templates_no_update", "receipts_number_kept", "payments_amount_kept", "payments_day_open", "receipt_voids_day_open", "refunds_day_open", "adjustments_day_open",
    /* plans (0013) */
    "repairs_no_delete", "repairs_no_replace", "repair_events_no_delete", "repair_events_no_replace", "staff_skills_no_delete", "staff_skills_no_replace", "followups_no_delete", "followups_no_replace", "callbacks_no_delete", "callbacks_no_replace", "callback_attempts_no_delete", "callback_attempts_no_replace", "specialists_no_delete", "specialists_no_replace", "customer_assignments_no_delete", "customer_assignments_no_replace", "visit_plans_no_delete", "visit_plans_no_replace", "planned_visits_no_delete", "planned_visits_no_replace", "visit_questions_no_delete", "visit_questions_no_replace", "surveys_no_delete", "surveys_no_replace", "survey_answers_no_delete", "survey_answers_no_replace", "repair_events_no_update", "callback_attempts_no_update", "survey_answers_no_update",
};
static const char SQL_TRIGGER_EXISTS[] = "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?1";

fd_status fd__store_missing_trigger(fd_store *s, const char *fn, const char **missing)
{
    *missing = NULL;
    for (size_t i = 0; i < sizeof PROTECTING_TRIGGERS / sizeof *PROTECTING_TRIGGERS; i++) {
        sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_TRIGGER_EXISTS);
        if (st == NULL)
            return fd_error_last()->code;
        sqlite3_bind_text(st, 1, PROTECTING_TRIGGERS[i], -1, SQLITE_STATIC);
        int src = sqlite3_step(st);
        sqlite3_reset(st);
        if (src == SQLITE_DONE) {
            *missing = PROTECTING_TRIGGERS[i];
            return FD_OK;
        }
        if (src != SQLITE_ROW)
            return fd__store_sqlerr(s, fn, src, "reading the schema");
    }
    return FD_OK;
}

/* Runs the migrations after @version, inside the caller's transaction, with their C steps. */
static fd_status run_migrations(fd_store *s, const char *fn, int version)
{
    fd_status rc = FD_OK;
    for (int i = version; i < fd_store_schema_latest() && rc == FD_OK; i++) {
        rc = exec_sql(s, fn, fd__sql_migrations[i].data, fd__sql_migrations[i].name);
        /* Version 2 brought search keys and version 5 rebuilds them with the new text
         * tables: rows that existed before get their keys once, at 5. */
        if (rc == FD_OK && i + 1 == 5 && version >= 1)
            for (size_t k = 0; k < fd__records_store_count && rc == FD_OK; k++)
                rc = fd__record_backfill_search(s, fn, fd__records_store[k]);
        /* Version 3 chains the journal: the UUID, the hashes of what exists, the UPDATE trigger. */
        if (rc == FD_OK && i + 1 == 3)
            rc = fd__journal_chain_existing(s, fn);
        if (rc == FD_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", i + 1);
            rc = exec_sql(s, fn, sql, "recording the schema version");
        }
    }
    return rc;
}

/*
 * Reads what the file is and, when writable, migrates it — all inside one
 * transaction (BEGIN IMMEDIATE waits for other openers through the busy
 * handler), so that concurrent first opens see either nothing or the whole
 * schema. Nothing is written to a file that is refused.
 */
static fd_status check_and_migrate(fd_store *s, const char *path)
{
    static const char fn[] = "fd_store_open";
    fd_status rc = exec_sql(s, fn, s->read_only ? "BEGIN" : "BEGIN IMMEDIATE", "starting to read the schema");
    int version = 0, app = 0, tables = 0;
    if (rc == FD_OK)
        rc = pragma_int(s, fn, "PRAGMA user_version", &version);
    if (rc == FD_OK)
        rc = pragma_int(s, fn, "PRAGMA application_id", &app);
    if (rc == FD_OK)
        rc = pragma_int(s, fn, "SELECT count(*) FROM sqlite_master", &tables);
    int latest = fd_store_schema_latest();
    if (rc == FD_EDATA)
        rc = fd__error_context(FD_EDATA, "%s: path: '%s' is not a database or is corrupt", fn, path);
    else if (rc == FD_OK && app != FD__APPLICATION_ID && (app != 0 || tables > 0))
        rc = fd__error(FD_EDATA, "%s: path: '%s' is an SQLite database but not a libfrontdesk one "
                       "(application_id %d)", fn, path, app);
    else if (rc == FD_OK && version > latest)
        rc = fd__error(FD_EDATA, "%s: path: '%s' has schema version %d, newer than this library's %d "
                       "(libfrontdesk %s); upgrade the library", fn, path, version, latest, fd_version());
    else if (rc == FD_OK && version < latest && s->read_only)
        rc = fd__error(FD_EDATA, "%s: path: '%s' has schema version %d and needs migrating to %d, "
                       "which a read-only open cannot do", fn, path, version, latest);
    else if (rc == FD_OK && version < latest)
        rc = run_migrations(s, fn, version);
    if (rc == FD_OK)
        return exec_sql(s, fn, "COMMIT", "committing the schema");
    fd__saved_error saved;
    fd__error_save(&saved);
    if (!sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return fd__error_restore(&saved);
}

/*
 * PRAGMA journal_mode = WAL needs every other connection out of the way for a
 * moment and does not call the busy handler: retry for the busy timeout.
 */
static fd_status switch_to_wal(fd_store *s, const char *fn, int timeout_ms)
{
    for (int waited = 0;; waited += 10) {
        sqlite3_stmt *st = NULL;
        int src = sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL);
        if (src == SQLITE_OK)
            src = sqlite3_step(st);
        /* An in-memory database answers "memory" and stays so; a locked file answers its old mode. */
        const char *mode = src == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "";
        bool wal = sqlite3_stricmp(mode, "wal") == 0 || sqlite3_stricmp(mode, "memory") == 0;
        sqlite3_finalize(st);
        if (wal)
            return FD_OK;
        if ((src & 0xff) != SQLITE_BUSY && (src & 0xff) != SQLITE_LOCKED && src != SQLITE_ROW)
            return fd__store_sqlerr(s, fn, src, "switching to WAL");
        if (waited >= timeout_ms)
            return fd__error(FD_EBUSY, "%s: store: switching to WAL: the database stayed locked for %d ms", fn,
                             timeout_ms);
        sqlite3_sleep(10);
    }
}

/* PRAGMA quick_check: FD_EDATA naming the first problem. */
static fd_status quick_check(fd_store *s, const char *fn, const char *path)
{
    sqlite3_stmt *st = NULL;
    int src = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st, NULL);
    if (src == SQLITE_OK)
        src = sqlite3_step(st);
    fd_status rc = FD_OK;
    if (src == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
        rc = fd__error(FD_EDATA, "%s: path: '%s' is corrupt: %s", fn, path, (const char *)sqlite3_column_text(st, 0));
    else if (src != SQLITE_ROW)
        rc = fd__store_sqlerr(s, fn, src, "checking the database");
    sqlite3_finalize(st);
    return rc;
}

/*
 * SQL functions and collations every connection gets. Modules that need one
 * register it here, one call each.
 */
static fd_status register_sql_functions(fd_store *s)
{
    fd_status rc = FD_OK;
    /* FD_ZH and FD_NATURAL collations over the text module's sort keys (collations.c) */
    if (rc == FD_OK)
        rc = fd__store_register_collations(s->db);
    return rc;
}

/*
 * Planner statistics for the per-site indexes ("<table>_site_<...>"), written
 * once for each such index that has none. Record queries page in id order
 * ("... AND ring_at >= ? AND ring_at < ? ORDER BY id LIMIT 64"); without
 * statistics SQLite walks (site_id, id) through every row of the site to avoid
 * a sort, so a day's calls among a million took 150 ms. These rows describe a
 * large table (10 sites of 100,000 rows, each further column narrowing it to 2
 * rows, an id to 1), which makes a bounded range use its index and sort the
 * range, while a one-sided range or an unindexed filter still walks in id
 * order. A real ANALYZE (or PRAGMA optimize) replaces them with measured ones;
 * an index with any statistics is left alone. An index that a later migration
 * adds to a table that has statistics gets its row too (0009 adds some to the
 * visitors' tables): without one SQLite would guess it very selective and
 * might prefer it to the seeded indexes of the queries already there.
 */
static fd_status seed_plan_stats(fd_store *s, const char *fn)
{
    static const char *const find =
        "SELECT i.name, i.tbl_name, (SELECT count(*) FROM pragma_index_info(i.name)), "
        "(SELECT name FROM pragma_index_info(i.name) ORDER BY seqno DESC LIMIT 1) "
        "FROM sqlite_schema i WHERE i.type = 'index' AND i.name LIKE '%\\_site\\_%' ESCAPE '\\' "
        "AND i.name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL)";
    int exists = 0;
    fd_status rc = pragma_int(s, fn, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'", &exists);
    /* ANALYZE creates sqlite_stat1 (an application may not): the sites table's
     * real statistics, a few rows, are the first it holds. */
    if (rc == FD_OK && !exists)
        rc = exec_sql(s, fn, "ANALYZE sites", "creating the planner's statistics");
    sqlite3_stmt *st = NULL, *ins = NULL;
    int src = rc ? SQLITE_OK : sqlite3_prepare_v2(s->db, find, -1, &st, NULL);
    if (src == SQLITE_OK && rc == FD_OK)
        src = sqlite3_prepare_v2(s->db, "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?1, ?2, ?3)", -1, &ins,
                                 NULL);
    int added = 0;
    while (rc == FD_OK && src == SQLITE_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        char stat[64] = "1000000 100000";
        int cols = sqlite3_column_int(st, 2);
        const char *last = (const char *)sqlite3_column_text(st, 3);
        for (int c = 1; c < cols && c < 8; c++)
            strcat(stat, c == cols - 1 && last && strcmp(last, "id") == 0 ? " 1" : " 2");
        sqlite3_bind_text(ins, 1, (const char *)sqlite3_column_text(st, 1), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 2, (const char *)sqlite3_column_text(st, 0), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 3, stat, -1, SQLITE_TRANSIENT);
        if ((src = sqlite3_step(ins)) == SQLITE_DONE)
            src = SQLITE_OK, added++;
        sqlite3_reset(ins);
    }
    if (rc == FD_OK && src != SQLITE_DONE && src != SQLITE_OK)
        rc = fd__store_sqlerr(s, fn, src, "writing the planner's statistics");
    sqlite3_finalize(st);
    sqlite3_finalize(ins);
    /* The statistics are read with the schema: load them now. */
    if (rc == FD_OK && added)
        rc = exec_sql(s, fn, "ANALYZE sqlite_schema", "loading the planner's statistics");
    return rc;
}

static fd_status configure(fd_store *s, const char *path, const fd_store_options *o)
{
    static const char fn[] = "fd_store_open";
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, o->busy_timeout_ms);
    fd_status rc = exec_sql(s, fn, "PRAGMA foreign_keys = ON", "enabling foreign keys");
    /* Every write is bracketed by a savepoint inside a caller's transaction, and a
     * savepoint keeps the pages it changes in a statement journal: in memory, not
     * in a temporary file written through the kernel for each row of a bulk load. */
    if (rc == FD_OK)
        rc = exec_sql(s, fn, "PRAGMA temp_store = MEMORY", "keeping statement journals in memory");
    if (rc == FD_OK)
        rc = register_sql_functions(s);
    if (rc == FD_OK && o->version >= 2 && o->quick_check)
        rc = quick_check(s, fn, path);
    if (rc == FD_OK)
        rc = check_and_migrate(s, path);
    /* Only now that the file is known to be ours does anything change its header. */
    if (rc == FD_OK && !s->read_only)
        rc = switch_to_wal(s, fn, o->busy_timeout_ms);
    if (rc == FD_OK && !s->read_only)
        rc = exec_sql(s, fn, o->synchronous_full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL",
                      "setting synchronous");
    /* Best effort: another connection opening the file at the same moment may hold
     * the write lock; the statistics are then written by a later open. */
    if (rc == FD_OK && !s->read_only && seed_plan_stats(s, fn) != FD_OK)
        fd_error_clear();
    const char *missing = NULL;
    if (rc == FD_OK)
        rc = fd__store_missing_trigger(s, fn, &missing);
    if (rc == FD_OK && missing && !s->read_only)
        rc = fd__error(FD_EDATA, "%s: path: '%s' was tampered with: trigger %s is missing; open it read-only and "
                       "run fd_store_verify (frontdesk verify)", fn, path, missing);
    if (rc == FD_OK)
        rc = fd__store_load_uuid(s, fn);
    return rc;
}

/* A file: URI for @path with SQLite's query @params (the path's %, ? and # escaped). */
static char *file_uri(const char *path, const char *params)
{
    size_t n = strlen(path), cap = 3 * n + strlen(params) + 16;
    char *uri = malloc(cap), *p = uri;
    if (uri == NULL)
        return NULL;
    p += sprintf(p, "file:");
    for (const char *c = path; *c; c++) {
        if (*c == '%' || *c == '?' || *c == '#')
            p += sprintf(p, "%%%02X", (unsigned char)*c);
        else
            *p++ = *c;
    }
    sprintf(p, "?%s", params);
    return uri;
}

/* Opens the connection: read-only with mode=ro, and immutable=1 where mode=ro cannot read (read-only media). */
static int open_connection(fd_store *s, const char *path, bool memory)
{
    if (!s->read_only || memory)
        return sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    char *uri = file_uri(path, "mode=ro");
    if (uri == NULL)
        return SQLITE_NOMEM;
    int src = sqlite3_open_v2(uri, &s->db, flags, NULL);
    free(uri);
    if (src == SQLITE_OK) {
        /* A WAL file whose -shm cannot be created makes the first read fail, not the open. */
        int probe = sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
        if ((probe & 0xff) != SQLITE_CANTOPEN && (probe & 0xff) != SQLITE_READONLY && (probe & 0xff) != SQLITE_IOERR)
            return SQLITE_OK;
    }
    sqlite3_close(s->db);
    s->db = NULL;
    if ((uri = file_uri(path, "mode=ro&immutable=1")) == NULL)
        return SQLITE_NOMEM;
    src = sqlite3_open_v2(uri, &s->db, flags, NULL);
    free(uri);
    return src;
}

fd_status fd_store_open(fd_store **out, const char *path, const fd_store_options *opts)
{
    static const char fn[] = "fd_store_open";
    fd_store_options defaults = FD_STORE_OPTIONS_INIT;
    const fd_store_options *o = opts ? opts : &defaults;
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "path", path, 4096, true);
    if (rc)
        return rc;
    *out = NULL;
    if (o->version < 1 || o->version > FD_STORE_OPTIONS_VERSION)
        return fd__error(FD_EINVAL, "%s: opts.version: %u, this library knows 1..%d (use FD_STORE_OPTIONS_INIT)",
                         fn, o->version, FD_STORE_OPTIONS_VERSION);
    if (o->busy_timeout_ms < 0)
        return fd__error(FD_ERANGE, "%s: opts.busy_timeout_ms: %d must not be negative", fn, o->busy_timeout_ms);
    bool memory = strcmp(path, ":memory:") == 0;
    if (!memory && (!o->create || o->read_only) && access(path, F_OK) != 0)
        return fd__error(FD_ENOTFOUND, "%s: path: '%s' does not exist", fn, path);
    /* The key that encrypts kept ID numbers lives outside the database (R-COM-2):
     * read before anything is created, so a bad key file leaves no file behind. */
    const char *key_file = o->version >= 3 ? o->key_file : NULL;
    if (key_file == NULL || key_file[0] == '\0')
        key_file = getenv("FRONTDESK_KEY_FILE");
    unsigned char key[32];
    char key_id[17] = "";
    bool has_key = key_file && key_file[0];
    if (has_key && (rc = fd__key_file_read(fn, key_file, key, key_id)) != FD_OK)
        return rc;

    /* A new database holds personal data (R-COM-2): create it readable by its
     * owner only; SQLite gives the -wal and -shm files the same mode. */
    bool created = false;
    if (!memory && !o->read_only) {
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            created = true;
            close(fd);
        } else if (errno != EEXIST) {
            return fd__error(FD_EIO, "%s: path: cannot open '%s': %s",
                             fn, path, strerror(errno));
        }
    }
    fd_store *s = calloc(1, sizeof *s);
    if (s == NULL) {
        if (has_key)
            OPENSSL_cleanse(key, sizeof key);
        if (created)
            unlink(path);
        return fd__oom(fn);
    }
    s->read_only = o->read_only != 0;
    if (has_key) {
        memcpy(s->key, key, sizeof key);
        memcpy(s->key_id, key_id, sizeof key_id);
        s->has_key = true;
        OPENSSL_cleanse(key, sizeof key);
    }
    int src = open_connection(s, path, memory);
    if (src != SQLITE_OK) {
        rc = s->db ? fd__error(src == SQLITE_NOMEM ? FD_ENOMEM : FD_EIO, "%s: path: cannot open '%s': %s", fn,
                               path, sqlite3_errmsg(s->db))
                   : fd__oom(fn);
    } else {
        rc = configure(s, path, o);
    }
    if (rc) {
        fd__saved_error saved;
        fd__error_save(&saved);
        fd_store_close(s);
        /* A failed open leaves no file it created behind. */
        if (created) {
            char side[4200];
            unlink(path);
            snprintf(side, sizeof side, "%s-wal", path);
            unlink(side);
            snprintf(side, sizeof side, "%s-shm", path);
            unlink(side);
        }
        return fd__error_restore(&saved);
    }
    *out = s;
    return FD_OK;
}

/* Finalizes the statement cache, closes the connection and frees the handle. */
static void destroy(fd_store *store)
{
    for (size_t i = 0; i < FD__STMT_SLOTS; i++)
        sqlite3_finalize(store->cache[i].stmt);
    fd__journal_chain_free(store);
    fd_calendar_free(store->cal.cal);
    fd_policy_free(store->policy_cache.policy);
    fd__visitors_free(store);
    OPENSSL_cleanse(store->key, sizeof store->key);
    sqlite3_close_v2(store->db);
    free(store);
}

void fd_store_close(fd_store *store)
{
    if (store == NULL || store->closed)
        return;
    if (store->db && !sqlite3_get_autocommit(store->db))
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
    store->closed = true;
    /* Open iterators keep the handle and its connection until they are freed,
     * so they can go on reading (the promise of store.h). */
    if (store->iterators == 0)
        destroy(store);
}

void fd__store_release(fd_store *s)
{
    if (--s->iterators == 0 && s->closed)
        destroy(s);
}

fd_status fd_store_schema_version(int *out, fd_store *store)
{
    fd_status rc = fd__check_ptr("fd_store_schema_version", "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr("fd_store_schema_version", "store", store);
    if (rc)
        return rc;
    sqlite3_stmt *st = fd__store_stmt(store, "fd_store_schema_version", SQL_USER_VERSION);
    if (st == NULL)
        return fd_error_last()->code;
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    return src == SQLITE_ROW ? FD_OK : fd__store_sqlerr(store, "fd_store_schema_version", src, "reading user_version");
}

fd_status fd_store_begin(fd_store *store)
{
    fd_status rc = fd__check_ptr("fd_store_begin", "store", store);
    if (rc)
        return rc;
    if (store->read_only)
        return fd__error(FD_EPERM, "fd_store_begin: store: opened read-only");
    if (!sqlite3_get_autocommit(store->db) || store->user_tx)
        return fd__error(FD_ESTATE, "fd_store_begin: store: a transaction is already open");
    rc = exec_cached(store, "fd_store_begin", SQL_BEGIN, "BEGIN IMMEDIATE");
    store->user_tx = rc == FD_OK;
    return rc;
}

fd_status fd__store_tx_lost(fd_store *s, const char *fn)
{
    if (!s->user_tx || !sqlite3_get_autocommit(s->db))
        return FD_OK;
    fd__store_forget(s);
    return fd__error(FD_ESTATE, "%s: store: the transaction begun with fd_store_begin was rolled back by SQLite "
                     "after an error; nothing of it was written: call fd_store_rollback and start again", fn);
}

fd_status fd_store_commit(fd_store *store)
{
    fd_status rc = fd__check_ptr("fd_store_commit", "store", store);
    if (rc)
        return rc;
    if ((rc = fd__store_tx_lost(store, "fd_store_commit")) != FD_OK)
        return rc;
    if (sqlite3_get_autocommit(store->db))
        return fd__error(FD_ESTATE, "fd_store_commit: store: no transaction is open");
    rc = exec_cached(store, "fd_store_commit", SQL_COMMIT, "COMMIT");
    if (sqlite3_get_autocommit(store->db))
        store->user_tx = false;
    return rc;
}

fd_status fd_store_rollback(fd_store *store)
{
    fd_status rc = fd__check_ptr("fd_store_rollback", "store", store);
    if (rc)
        return rc;
    fd__store_forget(store);
    if (sqlite3_get_autocommit(store->db)) {
        /* Rolled back by SQLite already (after an error): the caller learns it is over. */
        bool lost = store->user_tx;
        store->user_tx = false;
        return lost ? FD_OK : fd__error(FD_ESTATE, "fd_store_rollback: store: no transaction is open");
    }
    /* A rollback must not leave the transaction open for want of memory: try again. */
    for (int attempt = 0; attempt < 3 && !sqlite3_get_autocommit(store->db); attempt++)
        rc = exec_cached(store, "fd_store_rollback", SQL_ROLLBACK, "ROLLBACK");
    if (!sqlite3_get_autocommit(store->db))
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
    store->user_tx = !sqlite3_get_autocommit(store->db);
    return store->user_tx ? rc : FD_OK;
}

fd_status fd_store_in_transaction(int *out, fd_store *store)
{
    fd_status rc = fd__check_ptr("fd_store_in_transaction", "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr("fd_store_in_transaction", "store", store);
    if (rc)
        return rc;
    *out = sqlite3_get_autocommit(store->db) && !store->user_tx ? 0 : 1;
    return FD_OK;
}
