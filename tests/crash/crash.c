/*
 * Crash test (issue 17): a writer child appends journal entries through the
 * library, one by one and in transactions of several, and tells the parent
 * over a pipe the id of each entry once fd_store_journal_add (or the
 * commit) has returned FD_OK. The parent kills it with SIGKILL after a random
 * delay, opens the database again and checks that every entry reported as
 * committed is there with its content, that no entry is duplicated or torn
 * (each entry's detail is a function of its sequence number), that a
 * transaction is there whole or not at all, and that PRAGMA integrity_check
 * and the journal's hash chain (fd_store_verify) pass. Then it starts the
 * next writer.
 *
 *   crash_test KILLS [--seed S] [--max-delay-ms M] [--payments]
 *
 * With --payments (issue 14, item 6; R-FEE-4) the writer takes payments at
 * the cash desk instead (fd_store_payment_add: the payment, its allocations,
 * its receipt numbered from the series, in one transaction) and reports each
 * payment and its receipt number once it returned FD_OK; after each kill
 * every reported payment is there with that receipt, every payment has its
 * receipt and every receipt its payment, and the numbers are gapless
 * (fd_store_fees_reconcile: ok, no gap, no mismatch).
 *
 * Exit status 0 when every kill was survived; the seed is printed so that a
 * failing run can be repeated (FD_CRASH_SEED also sets it).
 */
#include <frontdesk.h>

#include "fd_db_files.h"

#include <sqlite3.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define T0 1795136400 /* 2026-11-20 09:00 +08:00 */

/* What the writer tells the parent: entry @id holds sequence number @seq. */
typedef struct report {
    int64_t id;
    int64_t seq;
} report;

static char db_path[4096];
static long failures;

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("crash: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    failures++;
}

/* xorshift64*: the parent's delays and the writer's choices, reproducible from the seed. */
static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * UINT64_C(2685821657736338717);
}

/*
 * The detail of entry @seq of batch @batch (0: added alone) of @size entries:
 * long enough to span pages now and then, and every byte a function of the
 * numbers, so a torn or mixed-up row cannot pass for a whole one.
 */
static void detail_of(char *out, size_t cap, int64_t seq, int64_t batch, int size)
{
    uint64_t h = (uint64_t)seq * UINT64_C(0x9E3779B97F4A7C15);
    int n = snprintf(out, cap, "crash seq=%lld batch=%lld/%d 客户 138%08lld ", (long long)seq, (long long)batch,
                     size, (long long)(seq % 100000000));
    size_t len = (size_t)n, want = 40 + (size_t)(h % 600); /* 40..639 bytes */
    while (len + 1 < cap && len < want) {
        h = h * 6364136223846793005u + 1442695040888963407u;
        out[len++] = (char)('a' + (h >> 59) % 26);
    }
    out[len] = '\0';
}

/* ------------------------------------------------------------------------
 * The writer (child)
 * ---------------------------------------------------------------------- */

static void write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t k = write(fd, c, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            _exit(3);
        c += k;
        n -= (size_t)k;
    }
}

/* Appends entries until killed. Sequence numbers continue from @first_seq. */
static void writer(int out, int64_t site_id, int64_t staff_id, int64_t first_seq, uint64_t rng)
{
    alarm(30); /* never outlive a parent that died */
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.synchronous_full = (int)(rng_next(&rng) & 1);
    fd_store *st = NULL;
    if (fd_store_open(&st, db_path, &o) != FD_OK) {
        fprintf(stderr, "crash: writer: open: %s\n", fd_error_last()->message);
        _exit(2);
    }
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site_id;
    a.staff_id = staff_id;
    int64_t seq = first_seq;
    char detail[700];
    for (;;) {
        uint64_t r = rng_next(&rng);
        int size = r % 4 == 0 ? 2 + (int)(r >> 8) % 6 : 0; /* a quarter are transactions of 2..7 */
        report pending[8];
        int n = 0;
        int64_t batch = size ? seq : 0; /* a transaction is named by its first sequence number */
        if (size && fd_store_begin(st) != FD_OK)
            _exit(4);
        for (int k = 0; k < (size ? size : 1); k++, seq++) {
            fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
            detail_of(detail, sizeof detail, seq, batch, size);
            e.entity = size ? "crashtx" : "crash";
            e.entity_id = seq;
            e.action = "append";
            e.detail = detail;
            a.at = T0 + seq;
            int64_t id = 0;
            if (fd_store_journal_add(&id, st, &a, &e) != FD_OK) {
                fprintf(stderr, "crash: writer: journal_add: %s\n", fd_error_last()->message);
                _exit(5);
            }
            pending[n++] = (report){ id, seq };
        }
        if (size && fd_store_commit(st) != FD_OK) {
            fprintf(stderr, "crash: writer: commit: %s\n", fd_error_last()->message);
            _exit(6);
        }
        write_all(out, pending, (size_t)n * sizeof pending[0]); /* committed: now say so */
    }
}

/* Takes payments until killed: a unit with a large bill (allocated) and one without (to the balance). */
static void payment_writer(int out, int64_t site_id, int64_t staff_id, int64_t series, const int64_t unit[2],
                           uint64_t rng)
{
    alarm(30);
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.synchronous_full = (int)(rng_next(&rng) & 1);
    fd_store *st = NULL;
    if (fd_store_open(&st, db_path, &o) != FD_OK)
        _exit(2);
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site_id;
    a.staff_id = staff_id;
    a.at = T0;
    for (int64_t k = 0;; k++) {
        uint64_t r = rng_next(&rng);
        int u = (int)(r & 1);
        fd_fee_lookup *l = NULL;
        fd_fee_lookup_info info;
        if (fd_store_fee_lookup(&l, st, &a, unit[u], (fd_date){ 2026, 11, 20 }) != FD_OK ||
            fd_fee_lookup_info_get(&info, l) != FD_OK)
            _exit(3);
        fd_fee_lookup_free(l);
        fd_payment p = FD_PAYMENT_INIT;
        p.unit_id = unit[u];
        p.method = r & 2 ? "cash" : "wechat";
        p.amount = 1 + (int64_t)((r >> 8) % 100000);
        p.tendered = r & 2 ? p.amount + (int64_t)((r >> 32) % 500) : 0;
        p.reference = r & 2 ? NULL : "4200000001";
        p.expect_rev = info.rev;
        fd_payment_result res;
        if (fd_store_payment_add(&res, st, &a, &p, series, NULL, 0) != FD_OK) {
            fprintf(stderr, "crash: payment writer: %s\n", fd_error_last()->message);
            _exit(5);
        }
        report rep = { res.payment_id, res.number };
        write_all(out, &rep, sizeof rep); /* committed: now say so */
    }
}

/* ------------------------------------------------------------------------
 * The checks (parent)
 * ---------------------------------------------------------------------- */

/* Every id reported as committed, in order of report. */
static report *reported;
static size_t nreported, capreported;

static void add_report(report r)
{
    if (nreported == capreported) {
        capreported = capreported ? capreported * 2 : 4096;
        reported = realloc(reported, capreported * sizeof *reported);
        if (reported == NULL) {
            perror("crash");
            exit(2);
        }
    }
    reported[nreported++] = r;
}

static int cmp_report(const void *a, const void *b)
{
    const report *x = a, *y = b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/*
 * Checks the database after a kill. Rows with id > @from_id are checked one
 * by one (all of them when @from_id is 0); returns the largest id seen.
 */
static int64_t check_db(int64_t from_id, int64_t *max_seq, int64_t *rows, bool chain)
{
    /* Opens, integrity_check, and the journal's hash chain (fd_store_verify reads every entry: every 10th kill). */
    char why[512];
    sqlite3 *db = fd_test_open_whole(db_path, chain, why, sizeof why);
    if (why[0])
        fail("after the kill: %s", why);
    if (db == NULL)
        return from_id;
    sqlite3_stmt *q = NULL;

    /* No duplicates: a sequence number is written once. */
    sqlite3_prepare_v2(db,
                       "SELECT count(*), count(DISTINCT entity_id), coalesce(max(entity_id), 0) FROM journal "
                       "WHERE entity IN ('crash', 'crashtx')",
                       -1, &q, NULL);
    if (sqlite3_step(q) == SQLITE_ROW) {
        *rows = sqlite3_column_int64(q, 0);
        if (sqlite3_column_int64(q, 1) != *rows)
            fail("%lld entries but %lld distinct sequence numbers", (long long)*rows,
                 (long long)sqlite3_column_int64(q, 1));
        *max_seq = sqlite3_column_int64(q, 2);
    }
    sqlite3_finalize(q);

    /* No torn rows, and transactions whole: each new row is what its sequence number says. */
    sqlite3_prepare_v2(db,
                       "SELECT id, entity, entity_id, detail, at FROM journal "
                       "WHERE entity IN ('crash', 'crashtx') AND id > ?1 ORDER BY id",
                       -1, &q, NULL);
    sqlite3_bind_int64(q, 1, from_id);
    int64_t last = from_id, batch = -1;
    int in_batch = 0, batch_size = 0;
    char want[700];
    while (sqlite3_step(q) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(q, 0), seq = sqlite3_column_int64(q, 2);
        const char *entity = (const char *)sqlite3_column_text(q, 1);
        const char *detail = (const char *)sqlite3_column_text(q, 3);
        long long b = 0;
        int size = 0;
        if (detail == NULL || sscanf(detail, "crash seq=%*d batch=%lld/%d", &b, &size) != 2) {
            fail("entry %lld: torn detail '%.60s'", (long long)id, detail ? detail : "(null)");
            continue;
        }
        detail_of(want, sizeof want, seq, b, size);
        /* the journal keeps the number masked, as it was written (R-COM-2) */
        fd_buf stored = FD_BUF_INIT;
        bool same = fd_pii_mask_text(&stored, NULL, want) == FD_OK && strcmp(detail, stored.ptr) == 0;
        fd_buf_dispose(&stored);
        if (!same || sqlite3_column_int64(q, 4) != T0 + seq ||
            strcmp(entity, size ? "crashtx" : "crash") != 0)
            fail("entry %lld (seq %lld): content is not what was written", (long long)id, (long long)seq);
        if (size) { /* consecutive ids of one transaction */
            if (b != batch) {
                if (in_batch && in_batch != batch_size)
                    fail("transaction %lld: %d of its %d entries", (long long)batch, in_batch, batch_size);
                batch = b, in_batch = 0, batch_size = size;
            }
            in_batch++;
        } else if (in_batch) {
            if (in_batch != batch_size)
                fail("transaction %lld: %d of its %d entries", (long long)batch, in_batch, batch_size);
            in_batch = 0, batch = -1;
        }
        last = id;
    }
    if (in_batch && in_batch != batch_size)
        fail("transaction %lld: %d of its %d entries", (long long)batch, in_batch, batch_size);
    sqlite3_finalize(q);

    /* Every entry reported as committed is there (all of them: an old one may not vanish either). */
    sqlite3_prepare_v2(db, "SELECT entity_id FROM journal WHERE id = ?1", -1, &q, NULL);
    for (size_t i = 0; i < nreported; i++) {
        if (from_id && reported[i].id <= from_id && i % 64 != 0)
            continue; /* older reports: a sample each time, all of them in the final check */
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, reported[i].id);
        if (sqlite3_step(q) != SQLITE_ROW)
            fail("entry %lld (seq %lld) was reported committed and is missing", (long long)reported[i].id,
                 (long long)reported[i].seq);
        else if (sqlite3_column_int64(q, 0) != reported[i].seq)
            fail("entry %lld holds seq %lld, reported %lld", (long long)reported[i].id,
                 (long long)sqlite3_column_int64(q, 0), (long long)reported[i].seq);
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return last;
}

/* After a kill of the payment writer: what was reported is there, each payment with its receipt, no gap. */
static void check_payments(int64_t site_id, int64_t *rows, bool chain)
{
    char why[512];
    sqlite3 *db = fd_test_open_whole(db_path, chain, why, sizeof why);
    if (why[0])
        fail("after the kill: %s", why);
    if (db == NULL)
        return;
    sqlite3_stmt *q = NULL;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM payments", -1, &q, NULL);
    if (sqlite3_step(q) == SQLITE_ROW)
        *rows = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_prepare_v2(db, "SELECT r.number FROM payments p JOIN receipts r ON r.id = p.receipt_id "
                           "AND r.payment_id = p.id WHERE p.id = ?1", -1, &q, NULL);
    for (size_t i = 0; i < nreported; i++) {
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, reported[i].id);
        if (sqlite3_step(q) != SQLITE_ROW)
            fail("payment %lld was reported committed and is missing or has no receipt", (long long)reported[i].id);
        else if (sqlite3_column_int64(q, 0) != reported[i].seq)
            fail("payment %lld holds receipt %lld, reported %lld", (long long)reported[i].id,
                 (long long)sqlite3_column_int64(q, 0), (long long)reported[i].seq);
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    fd_store *st = NULL;
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = site_id;
    a.at = T0;
    fd_fees_reconcile rec;
    if (fd_store_open(&st, db_path, NULL) != FD_OK || fd_store_fees_reconcile(&rec, st, &a) != FD_OK)
        fail("reconcile: %s", fd_error_last()->message);
    else if (!rec.ok || rec.gaps || rec.mismatches)
        fail("reconcile: ok %d, %lld gaps, %lld payments or receipts without the other", rec.ok, (long long)rec.gaps,
             (long long)rec.mismatches);
    fd_store_close(st);
}

/* Drains the pipe (the writer is dead, so it ends). */
static void read_reports(int in, size_t *count)
{
    report buf[256];
    size_t have = 0;
    for (;;) {
        ssize_t k = read(in, (char *)buf + have, sizeof buf - have);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        have += (size_t)k;
        size_t whole = have / sizeof buf[0];
        for (size_t i = 0; i < whole; i++)
            add_report(buf[i]);
        *count += whole;
        memmove(buf, (char *)buf + whole * sizeof buf[0], have - whole * sizeof buf[0]);
        have -= whole * sizeof buf[0];
    }
    if (have)
        fail("a report was cut (%zu bytes): pipe writes of one report are atomic", have);
}

static void remove_db(void)
{
    fd_test_remove_db(db_path);
}

int main(int argc, char **argv)
{
    long kills = argc > 1 ? atol(argv[1]) : 0;
    uint64_t seed = getenv("FD_CRASH_SEED") ? strtoull(getenv("FD_CRASH_SEED"), NULL, 10) : (uint64_t)time(NULL);
    long max_delay_ms = 40;
    bool payments = false;
    for (int i = 2; i < argc; i++)
        if (strcmp(argv[i], "--payments") == 0) {
            payments = true;
            argc = i; /* the last option */
        }
    for (int i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--seed") == 0)
            seed = strtoull(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--max-delay-ms") == 0)
            max_delay_ms = atol(argv[i + 1]);
    }
    if (kills <= 0 || max_delay_ms <= 0) {
        fprintf(stderr, "usage: crash_test KILLS [--seed S] [--max-delay-ms M]\n");
        return 2;
    }
    uint64_t rng = seed ? seed : 1;
    const char *dir = getenv("FD_CRASH_DIR") ? getenv("FD_CRASH_DIR") : FD_TEST_TMP;
    snprintf(db_path, sizeof db_path, "%s/crash-%ld.db", dir, (long)getpid());
    remove_db();
    printf("crash: %ld kills, seed %llu, delays up to %ld ms, %s\n", kills, (unsigned long long)seed, max_delay_ms,
           db_path);
    fflush(stdout);

    /* The site and the member of staff the writers act as. */
    fd_store *st = NULL;
    fd_actor sys = FD_ACTOR_INIT;
    sys.at = T0;
    fd_site site = FD_SITE_INIT;
    site.code = "crash", site.name = "崩溃测试园区", site.time_zone = "Asia/Shanghai";
    fd_staff clerk = FD_STAFF_INIT;
    clerk.code = "W001", clerk.name = "写入员", clerk.role = "clerk";
    int64_t site_id = 0, staff_id = 0;
    if (fd_store_open(&st, db_path, NULL) != FD_OK || fd_store_site_add(&site_id, st, &sys, &site) != FD_OK ||
        (sys.site_id = site_id, fd_store_staff_add(&staff_id, st, &sys, &clerk)) != FD_OK) {
        fprintf(stderr, "crash: setup: %s\n", fd_error_last()->message);
        return 2;
    }
    /* --payments: a unit with a bill of ¥10,000,000 (payments allocate to it), one with none (the balance) */
    int64_t series = 0, unit[2] = { 0, 0 };
    if (payments) {
        fd_building b = FD_BUILDING_INIT;
        b.code = "1", b.name = "1号楼";
        fd_unit un = FD_UNIT_INIT;
        fd_receipt_series rs = FD_RECEIPT_SERIES_INIT;
        rs.code = "E2026", rs.kind = "electronic", rs.first_no = 1;
        int64_t bid = 0;
        if (fd_store_building_add(&bid, st, &sys, &b) != FD_OK ||
            (un.building_id = bid, un.number = "101", un.use = "residential",
             fd_store_unit_add(&unit[0], st, &sys, &un)) != FD_OK ||
            (un.number = "102", fd_store_unit_add(&unit[1], st, &sys, &un)) != FD_OK ||
            fd_store_receipt_series_add(&series, st, &sys, &rs) != FD_OK) {
            fprintf(stderr, "crash: setup: %s\n", fd_error_last()->message);
            return 2;
        }
        fd_store_close(st);
        sqlite3 *db = NULL;
        char sql[1024];
        snprintf(sql, sizeof sql,
                 "INSERT INTO fee_items (id, site_id, created_at, code, name, kind, custody, retired) VALUES "
                 "(1, %lld, 0, 'mgmt', '物业管理费', 'area', 0, 0); "
                 "INSERT INTO bills (id, site_id, created_at, unit_id, period, period_start, period_end, due_on, "
                 "amount, paid, adjusted, state) VALUES (1, %lld, 0, %lld, 'year', '2026-01-01', '2027-01-01', "
                 "'2026-01-15', 1000000000, 0, 0, 'open'); "
                 "INSERT INTO bill_lines (site_id, created_at, bill_id, unit_id, item_id, kind, qty_e2, price_e4, "
                 "rounding, amount) VALUES (%lld, 0, 1, %lld, 1, 'charge', 100, 0, 'half_up', 600000000), "
                 "(%lld, 0, 1, %lld, 1, 'charge', 100, 0, 'half_up', 400000000)",
                 (long long)site_id, (long long)site_id, (long long)unit[0], (long long)site_id, (long long)unit[0],
                 (long long)site_id, (long long)unit[0]);
        if (sqlite3_open(db_path, &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
            fprintf(stderr, "crash: setup bills: %s\n", sqlite3_errmsg(db));
            return 2;
        }
        sqlite3_close(db);
        st = NULL;
    }
    fd_store_close(st);

    int64_t checked_id = 0, max_seq = 0, rows = 0, prev_rows = 0;
    size_t total_reports = 0;
    long survived = 0, before_any = 0;
    time_t start = time(NULL);
    for (long k = 0; k < kills; k++) {
        int fds[2];
        if (pipe(fds) != 0) {
            perror("crash: pipe");
            return 2;
        }
        uint64_t child_rng = rng_next(&rng);
        fflush(NULL);
        pid_t pid = fork();
        if (pid < 0) {
            perror("crash: fork");
            return 2;
        }
        if (pid == 0) {
            close(fds[0]);
            if (payments)
                payment_writer(fds[1], site_id, staff_id, series, unit, child_rng);
            writer(fds[1], site_id, staff_id, max_seq + 1, child_rng);
            _exit(0);
        }
        close(fds[1]);
        /* Mostly a random moment of writing; now and then right away (during the open). */
        uint64_t r = rng_next(&rng);
        long us = r % 16 == 0 ? (long)(r >> 20) % 2000 : (long)((r >> 20) % (uint64_t)(max_delay_ms * 1000));
        struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
            fail("kill %ld: the writer ended by itself (status %d) before it was killed", k, status);
        size_t count = 0;
        read_reports(fds[0], &count);
        close(fds[0]);
        total_reports += count;
        before_any += count == 0;
        long before = failures;
        if (payments)
            check_payments(site_id, &rows, k % 10 == 0);
        else
            checked_id = check_db(checked_id, &max_seq, &rows, k % 10 == 0);
        if (rows < prev_rows)
            fail("kill %ld: the journal shrank from %lld to %lld entries", k, (long long)prev_rows, (long long)rows);
        if (rows < (int64_t)nreported)
            fail("kill %ld: %lld entries for %zu reported", k, (long long)rows, nreported);
        prev_rows = rows;
        if (failures == before)
            survived++;
        else
            fprintf(stderr, "crash: kill %ld (seed %llu) failed\n", k, (unsigned long long)seed);
    }
    /* The final check looks at every row and every report again. */
    qsort(reported, nreported, sizeof *reported, cmp_report);
    for (size_t i = 1; i < nreported; i++)
        if (reported[i].id == reported[i - 1].id)
            fail("id %lld was reported twice", (long long)reported[i].id);
    if (payments)
        check_payments(site_id, &rows, true);
    else
        check_db(0, &max_seq, &rows, true);
    printf("crash: %ld of %ld kills survived, %zu entries reported committed, %lld in the journal, "
           "%ld kills before the first commit, %ld s\n",
           survived, kills, total_reports, (long long)rows, before_any, (long)(time(NULL) - start));
    free(reported);
    if (failures == 0)
        remove_db();
    return failures ? 1 : 0;
}
