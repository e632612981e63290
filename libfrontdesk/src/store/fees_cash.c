/*
 * The store's cash desk (issue 14, items 3, 4 and 6): the look-up before
 * collecting (R-FEE-1), receipt series, payments that issue their receipt in
 * the same transaction, numbered without gaps (R-FEE-3, R-FEE-4), voids and
 * refunds as their own records (R-FEE-4, R-COM-3), receipts prepared for the
 * door (R-FEE-5), the day close (R-FEE-9) and the reconciliation of the
 * site's money. Every write is one transaction (BEGIN IMMEDIATE, or a
 * savepoint in a caller's), journaled; a refusal writes nothing, so a failed
 * payment burns no receipt number. Money is int64 fen, never a double.
 */
#include "store/store_internal.h"
#include "store/fees_records.h"
#include "frontdesk/pii.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COL_TEXT(st, i) ((const char *)sqlite3_column_text((st), (i)))

/* --- SQL ------------------------------------------------------------------- */

static const char SQL_ACCOUNT_OPEN[] =
    "INSERT INTO unit_accounts (site_id, staff_id, created_at, unit_id, balance, rev) "
    "VALUES (?1, nullif(?2, 0), ?3, ?4, 0, 0) ON CONFLICT (unit_id) DO NOTHING";
/* R-FEE-1: the account is still as the look-up showed it (?2 < 0: any revision). */
static const char SQL_ACCOUNT_BUMP[] = "UPDATE unit_accounts SET rev = rev + 1, balance = balance + ?3 "
                                       "WHERE unit_id = ?1 AND (?2 < 0 OR rev = ?2) AND balance + ?3 >= 0 "
                                       "RETURNING rev";
static const char SQL_ACCOUNT_READ[] = "SELECT rev, balance FROM unit_accounts WHERE unit_id = ?1";
static const char SQL_UNIT_AT_SITE[] = "SELECT number FROM units WHERE id = ?1 AND site_id = ?2";
/* R-FEE-4: the number is taken in the payment's own transaction; a rollback gives it back. */
static const char SQL_SERIES_TAKE[] =
    "UPDATE receipt_series SET next_no = next_no + 1, closed = (last_no > 0 AND next_no + 1 > last_no) "
    "WHERE id = ?1 AND site_id = ?2 AND closed = 0 AND (last_no = 0 OR next_no <= last_no) RETURNING next_no - 1";
static const char SQL_SERIES_STATE[] =
    "SELECT code, closed, last_no, next_no FROM receipt_series WHERE id = ?1 AND site_id = ?2";
static const char SQL_SERIES_CODE_USED[] = "SELECT count(*) FROM receipt_series WHERE site_id = ?1 AND code = ?2";
static const char SQL_SERIES_CLOSE[] = "UPDATE receipt_series SET closed = 1 WHERE id = ?1 AND closed = 0";
static const char SQL_OPEN_BILLS[] = "SELECT id FROM bills WHERE unit_id = ?1 AND amount + adjusted - paid > 0 "
                                     "ORDER BY due_on, id";
static const char SQL_BILL_OWES[] =
    "SELECT unit_id, amount + adjusted - paid FROM bills WHERE id = ?1 AND site_id = ?2";
static const char SQL_BILL_LINES[] = "SELECT id, amount - paid FROM bill_lines WHERE bill_id = ?1 ORDER BY id";
static const char SQL_ALLOC_ADD[] =
    "INSERT INTO allocations (site_id, staff_id, created_at, payment_id, bill_id, bill_line_id, amount, void_id, "
    "refund_id) VALUES (?1, nullif(?2, 0), ?3, ?4, ?5, ?6, ?7, nullif(?8, 0), nullif(?9, 0))";
static const char SQL_LINE_PAID[] = "UPDATE bill_lines SET paid = paid + ?2 WHERE id = ?1";
static const char SQL_BILL_PAID[] =
    "UPDATE bills SET paid = paid + ?2, state = CASE WHEN amount + adjusted - (paid + ?2) <= 0 THEN 'paid' "
    "WHEN paid + ?2 > 0 THEN 'partial' ELSE 'open' END WHERE id = ?1";
static const char SQL_PAYMENT_RECEIPT[] = "UPDATE payments SET receipt_id = ?2 WHERE id = ?1";
static const char SQL_DAY_CLOSED[] = "SELECT count(*) FROM day_closes WHERE site_id = ?1 AND day = ?2";
static const char SQL_RECEIPT_READ[] =
    "SELECT coalesce(state, ''), coalesce(payment_id, 0), coalesce(issued_on, ''), amount, unit_id, "
    "coalesce(bill_id, 0), series_id, number FROM receipts WHERE id = ?1 AND site_id = ?2";
static const char SQL_RECEIPT_STATE[] = "UPDATE receipts SET state = ?2 WHERE id = ?1 AND state = ?3";
static const char SQL_RECEIPT_COLLECTED[] =
    "UPDATE receipts SET state = 'issued', payment_id = ?2, payer = nullif(?3, '') WHERE id = ?1 AND state = "
    "'prepared'";
static const char SQL_PAYMENT_READ[] =
    "SELECT unit_id, method, amount, to_balance, coalesce(state, ''), coalesce(paid_on, '') FROM payments "
    "WHERE id = ?1 AND site_id = ?2";
static const char SQL_PAYMENT_VOIDED[] = "UPDATE payments SET state = 'voided' WHERE id = ?1 AND state = 'valid'";
static const char SQL_PAYMENT_REFUNDS[] =
    "SELECT coalesce(sum(amount), 0) FROM refunds WHERE payment_id = ?1 AND coalesce(state, '') <> 'refused'";
static const char SQL_PAYMENT_REFUNDED[] =
    "SELECT coalesce(sum(amount), 0) FROM refunds WHERE payment_id = ?1 AND state = 'paid'";
/* What a payment still holds per line, its lines newest first. */
static const char SQL_PAYMENT_LINES[] =
    "SELECT bill_line_id, bill_id, sum(amount) FROM allocations WHERE payment_id = ?1 GROUP BY bill_line_id "
    "HAVING sum(amount) <> 0 ORDER BY min(id) DESC";
static const char SQL_PAYMENT_REVERSED_BY_REFUNDS[] =
    "SELECT coalesce(-sum(amount), 0) FROM allocations WHERE payment_id = ?1 AND refund_id IS NOT NULL";
static const char SQL_REFUND_READ[] =
    "SELECT payment_id, amount, method, coalesce(state, ''), coalesce(staff_id, 0) FROM refunds "
    "WHERE id = ?1 AND site_id = ?2";
static const char SQL_REFUND_DECIDE[] =
    "UPDATE refunds SET state = ?2, approved_by = nullif(?3, 0) WHERE id = ?1 AND state = 'requested'";
static const char SQL_REFUND_DECIDED_AT[] = "UPDATE refunds SET approved_at = ?2 WHERE id = ?1";
static const char SQL_REFUND_PAID[] =
    "UPDATE refunds SET state = 'paid', refunded_on = ?2 WHERE id = ?1 AND state = 'approved'";
static const char SQL_STAFF_ACTIVE[] = "SELECT 1 FROM staff WHERE id = ?1 AND site_id = ?2 AND active = 1";
static const char SQL_PREPARED_OUT[] =
    "SELECT s.code, r.number FROM receipts r JOIN receipt_series s ON s.id = r.series_id "
    "WHERE r.site_id = ?1 AND r.state = 'prepared' AND r.issued_on <= ?2 ORDER BY s.code, r.number LIMIT 20";
static const char SQL_DAY_TOTALS[] =
    "SELECT (SELECT count(*) FROM payments WHERE site_id = ?1 AND paid_on = ?2), "
    "(SELECT coalesce(sum(amount), 0) FROM payments WHERE site_id = ?1 AND paid_on = ?2), "
    "(SELECT coalesce(sum(r.amount), 0) FROM receipt_voids v JOIN receipts r ON r.id = v.receipt_id "
    "  WHERE v.site_id = ?1 AND v.voided_on = ?2), "
    "(SELECT coalesce(sum(amount), 0) FROM refunds WHERE site_id = ?1 AND refunded_on = ?2), "
    "(SELECT count(*) FROM receipts WHERE site_id = ?1 AND issued_on = ?2), "
    "(SELECT count(*) FROM receipt_voids WHERE site_id = ?1 AND voided_on = ?2)";

/* --- small helpers ----------------------------------------------------------- */

static fd_status step_error(fd_store *s, const char *fn, sqlite3_stmt *st, int src, const char *what)
{
    sqlite3_reset(st);
    return fd__store_sqlerr(s, fn, src, what);
}

/* A bound statement or the recorded error. */
#define STMT(var, sql)                                                                                             \
    sqlite3_stmt *var = fd__store_stmt(s, fn, (sql));                                                              \
    if (var == NULL)                                                                                               \
    return fd_error_last()->code

/*
 * Runs cached statement @sql, which returns no rows, with ?1 = @id and ?2 / ?3
 * bound from @a2 / @a3: text when @t2 / @t3 are not NULL, else the ints.
 * *@changes (may be NULL) gets the rows it changed.
 */
static fd_status run(fd_store *s, const char *fn, const char *sql, const char *what, int *changes, int64_t id,
                     const char *t2, int64_t a2, const char *t3, int64_t a3)
{
    STMT(st, sql);
    sqlite3_bind_int64(st, 1, id);
    if (t2)
        sqlite3_bind_text(st, 2, t2, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_int64(st, 2, a2);
    if (t3)
        sqlite3_bind_text(st, 3, t3, -1, SQLITE_TRANSIENT);
    else if (sqlite3_bind_parameter_count(st) >= 3)
        sqlite3_bind_int64(st, 3, a3);
    return fd__stmt_done(s, fn, st, what, changes);
}

/*
 * Every row of cached statement @sql with ?1 = @id, its first @cols columns
 * as int64s, row after row, into *@out (malloc'd, the caller frees it; NULL
 * for none); *@n gets the rows.
 */
static fd_status read_rows(int64_t **out, size_t *n, fd_store *s, const char *fn, const char *sql, int64_t id,
                           int cols, const char *what)
{
    *out = NULL;
    *n = 0;
    STMT(st, sql);
    sqlite3_bind_int64(st, 1, id);
    size_t cap = 0;
    fd_status rc = FD_OK;
    int src;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            int64_t *v = realloc(*out, ncap * (size_t)cols * sizeof *v);
            if (v == NULL) {
                rc = fd__oom(fn);
                break;
            }
            *out = v;
            cap = ncap;
        }
        for (int k = 0; k < cols; k++)
            (*out)[*n * (size_t)cols + (size_t)k] = sqlite3_column_int64(st, k);
        ++*n;
    }
    if (rc == FD_OK && src != SQLITE_DONE)
        rc = fd__store_sqlerr(s, fn, src, what);
    sqlite3_reset(st);
    if (rc) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

/* @d as the stored text YYYY-MM-DD. */
static void day_text(char out[11], fd_date d)
{
    unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u, dd = (unsigned)d.day % 100u;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + dd / 10);
    out[9] = (char)('0' + dd % 10);
    out[10] = '\0';
}

/* The site's local day of the actor's instant: payments, voids and refunds are dated by it (R-FEE-9). */
static fd_status local_today(fd_date *out, fd_store *s, const char *fn, const fd_actor *actor)
{
    const fd_policy *policy = NULL;
    const fd_calendar *cal = NULL;
    fd_status rc = fd__store_policy(&policy, s, fn, actor->site_id);
    if (rc == FD_OK)
        rc = fd__store_calendar(&cal, s, fn, actor->site_id, policy);
    if (rc == FD_OK)
        rc = fd_calendar_local_date(out, cal, actor->at);
    return rc;
}

static fd_status int_of(int64_t *out, fd_store *s, const char *fn, const char *sql, const char *what, int64_t a,
                        const char *text)
{
    STMT(st, sql);
    sqlite3_bind_int64(st, 1, a);
    if (text)
        sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
    return fd__stmt_int(s, fn, st, what, out);
}

/* FD_ESTATE when @day (text) is closed at the site (R-FEE-9). */
static fd_status day_open(fd_store *s, const char *fn, int64_t site, const char *day, const char *what)
{
    int64_t n = 0;
    fd_status rc = int_of(&n, s, fn, SQL_DAY_CLOSED, "reading the day closes", site, day);
    if (rc == FD_OK && n > 0)
        rc = fd__error(FD_ESTATE, "%s: %s: the day %s is closed (R-FEE-9): correct it with an adjustment", fn, what,
                       day);
    return rc;
}

/*
 * Opens the unit's account if it has none and raises its revision, adding
 * @delta to its balance: FD_ECONFLICT when @expect >= 0 and the revision is
 * another (R-FEE-1), FD_ESTATE when the balance would go below 0.
 */
static fd_status account_bump(int64_t *out_rev, fd_store *s, const char *fn, const fd_actor *actor, int64_t unit,
                              int64_t expect, int64_t delta)
{
    STMT(op, SQL_ACCOUNT_OPEN);
    sqlite3_bind_int64(op, 1, actor->site_id);
    sqlite3_bind_int64(op, 2, actor->staff_id);
    sqlite3_bind_int64(op, 3, actor->at);
    sqlite3_bind_int64(op, 4, unit);
    fd_status rc = fd__stmt_done(s, fn, op, "opening the unit's account", NULL);
    if (rc)
        return rc;
    STMT(st, SQL_ACCOUNT_BUMP);
    sqlite3_bind_int64(st, 1, unit);
    sqlite3_bind_int64(st, 2, expect);
    sqlite3_bind_int64(st, 3, delta);
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        *out_rev = sqlite3_column_int64(st, 0);
        sqlite3_step(st);
        sqlite3_reset(st);
        return FD_OK;
    }
    if (src != SQLITE_DONE)
        return step_error(s, fn, st, src, "raising the account's revision");
    sqlite3_reset(st);
    STMT(rd, SQL_ACCOUNT_READ);
    sqlite3_bind_int64(rd, 1, unit);
    int64_t rev = 0, bal = 0;
    if (sqlite3_step(rd) == SQLITE_ROW) {
        rev = sqlite3_column_int64(rd, 0);
        bal = sqlite3_column_int64(rd, 1);
    }
    sqlite3_reset(rd);
    if (expect >= 0 && rev != expect)
        return fd__error(FD_ECONFLICT,
                         "%s: payment.expect_rev: the unit's account changed since the look-up (revision %lld, the "
                         "look-up showed %lld): look it up again and confirm with the customer (R-FEE-1)",
                         fn, (long long)rev, (long long)expect);
    return fd__error(FD_ESTATE, "%s: balance: the prepayment balance is %lld fen, %lld fen short", fn,
                     (long long)bal, (long long)(-delta - bal));
}

/* Takes the next number of series @series (R-FEE-4), in the caller's transaction. */
static fd_status take_number(int64_t *out, fd_store *s, const char *fn, int64_t site, int64_t series)
{
    STMT(st, SQL_SERIES_TAKE);
    sqlite3_bind_int64(st, 1, series);
    sqlite3_bind_int64(st, 2, site);
    int src = sqlite3_step(st);
    if (src == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
        sqlite3_step(st);
        sqlite3_reset(st);
        return FD_OK;
    }
    if (src != SQLITE_DONE)
        return step_error(s, fn, st, src, "taking a receipt number");
    sqlite3_reset(st);
    STMT(rd, SQL_SERIES_STATE);
    sqlite3_bind_int64(rd, 1, series);
    sqlite3_bind_int64(rd, 2, site);
    fd_status rc;
    if (sqlite3_step(rd) == SQLITE_ROW) {
        char code[64];
        fd__copy_fixed(code, sizeof code, COL_TEXT(rd, 0) ? COL_TEXT(rd, 0) : "");
        long long last = sqlite3_column_int64(rd, 2);
        rc = fd__error(FD_ESTATE, "%s: series_id: receipt series %s is %s", fn, code,
                       last > 0 && sqlite3_column_int64(rd, 3) > last ? "used up (its last number is issued)"
                                                                      : "closed");
    } else {
        rc = fd__error(FD_ENOTFOUND, "%s: series_id: no receipt series %lld at the actor's site", fn,
                       (long long)series);
    }
    sqlite3_reset(rd);
    return rc;
}

/* Writes one allocation row and its line's and bill's paid (R-FEE-1, R-FEE-4). */
static fd_status allocate_one(fd_store *s, const char *fn, const fd_actor *actor, int64_t payment, int64_t bill,
                              int64_t line, int64_t amount, int64_t void_id, int64_t refund_id)
{
    STMT(a, SQL_ALLOC_ADD);
    sqlite3_bind_int64(a, 1, actor->site_id);
    sqlite3_bind_int64(a, 2, actor->staff_id);
    sqlite3_bind_int64(a, 3, actor->at);
    sqlite3_bind_int64(a, 4, payment);
    sqlite3_bind_int64(a, 5, bill);
    sqlite3_bind_int64(a, 6, line);
    sqlite3_bind_int64(a, 7, amount);
    sqlite3_bind_int64(a, 8, void_id);
    sqlite3_bind_int64(a, 9, refund_id);
    fd_status rc = fd__stmt_done(s, fn, a, "writing an allocation", NULL);
    if (rc)
        return rc;
    STMT(l, SQL_LINE_PAID);
    sqlite3_bind_int64(l, 1, line);
    sqlite3_bind_int64(l, 2, amount);
    if ((rc = fd__stmt_done(s, fn, l, "writing the line's paid", NULL)) != FD_OK)
        return rc;
    STMT(b, SQL_BILL_PAID);
    sqlite3_bind_int64(b, 1, bill);
    sqlite3_bind_int64(b, 2, amount);
    return fd__stmt_done(s, fn, b, "writing the bill's paid", NULL);
}

/*
 * Allocates up to *@left fen to bill @bill line by line (lowest line id
 * first), never more than the bill owes; what the lines cannot take (an
 * adjustment raised the bill) goes to its last line. *@left is reduced.
 */
static fd_status allocate_bill(fd_store *s, const char *fn, const fd_actor *actor, int64_t payment, int64_t bill,
                               int64_t owes, int64_t *left)
{
    int64_t cap = owes < *left ? owes : *left;
    if (cap <= 0)
        return FD_OK;
    int64_t *v = NULL; /* id, what it still owes */
    size_t n = 0;
    fd_status rc = read_rows(&v, &n, s, fn, SQL_BILL_LINES, bill, 2, "reading the bill's lines");
    if (rc == FD_OK && n == 0)
        rc = fd__error(FD_EDATA, "%s: bill_ids: bill %lld has no lines", fn, (long long)bill);
    int64_t rest = cap;
    for (size_t i = 0; i < n && rest > 0 && rc == FD_OK; i++) {
        int64_t a = v[2 * i + 1] < rest ? v[2 * i + 1] : rest;
        if (a <= 0)
            continue;
        rc = allocate_one(s, fn, actor, payment, bill, v[2 * i], a, 0, 0);
        rest -= a;
    }
    if (rc == FD_OK && rest > 0)
        rc = allocate_one(s, fn, actor, payment, bill, v[2 * (n - 1)], rest, 0, 0);
    free(v);
    if (rc == FD_OK)
        *left -= cap;
    return rc;
}

static fd_status bill_columns(sqlite3_stmt *st, void *ctx)
{
    int64_t *v = ctx;
    v[0] = sqlite3_column_int64(st, 0);
    v[1] = sqlite3_column_int64(st, 1);
    return FD_OK;
}

/* The unit of bill @bill and what it owes now; FD_ENOTFOUND naming @field. */
static fd_status bill_owes(int64_t *unit, int64_t *owes, fd_store *s, const char *fn, int64_t site, int64_t bill,
                           const char *field)
{
    int64_t v[2] = { 0, 0 };
    fd_status rc = fd__store_load(s, fn, SQL_BILL_OWES, bill, site, field, "bill", bill_columns, v);
    *unit = v[0];
    *owes = v[1];
    return rc;
}

/* Allocates *@left to the unit's open bills oldest due first, or to @bills in that order. */
static fd_status allocate(fd_store *s, const char *fn, const fd_actor *actor, int64_t payment, int64_t unit,
                          const int64_t *bills, size_t count, int64_t *left)
{
    fd_status rc = FD_OK;
    if (count > 0) {
        for (size_t i = 0; i < count && rc == FD_OK && *left > 0; i++) {
            int64_t bunit = 0, owes = 0;
            char field[32];
            snprintf(field, sizeof field, "bill_ids[%zu]", i);
            rc = bill_owes(&bunit, &owes, s, fn, actor->site_id, bills[i], field);
            if (rc == FD_OK && bunit != unit)
                rc = fd__error(FD_EINVAL, "%s: %s: bill %lld is another unit's", fn, field, (long long)bills[i]);
            if (rc == FD_OK && owes <= 0)
                rc = fd__error(FD_ECONFLICT, "%s: %s: bill %lld owes nothing now", fn, field, (long long)bills[i]);
            if (rc == FD_OK)
                rc = allocate_bill(s, fn, actor, payment, bills[i], owes, left);
        }
        return rc;
    }
    /* The unit's open bills, oldest due first: read the ids before writing to them. */
    int64_t *ids = NULL;
    size_t n = 0;
    rc = read_rows(&ids, &n, s, fn, SQL_OPEN_BILLS, unit, 1, "reading the unit's open bills");
    for (size_t i = 0; i < n && rc == FD_OK && *left > 0; i++) {
        int64_t bunit = 0, owes = 0;
        rc = bill_owes(&bunit, &owes, s, fn, actor->site_id, ids[i], "bill_ids");
        if (rc == FD_OK)
            rc = allocate_bill(s, fn, actor, payment, ids[i], owes, left);
    }
    free(ids);
    return rc;
}

/* Inserts a receipt (number taken by the caller) with the amount in capital numerals. */
static fd_status receipt_insert(int64_t *out_id, fd_store *s, const char *fn, const fd_actor *actor, int64_t series,
                                int64_t number, int64_t unit, int64_t payment, int64_t bill, int64_t amount,
                                const char *payer, const char *state, int64_t collector, const char *signature,
                                fd_date day)
{
    fd_buf upper = FD_BUF_INIT;
    fd_status rc = fd_money_upper(&upper, amount);
    fd_fee_receipt r = FD_FEE_RECEIPT_INIT;
    r.series_id = series;
    r.number = number;
    r.unit_id = unit;
    r.payment_id = payment;
    r.bill_id = bill;
    r.amount = amount;
    r.amount_upper = upper.ptr;
    r.payer = payer;
    r.state = state;
    r.collector_id = collector;
    r.signature = signature;
    r.issued_on = day;
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_receipt, fn, &r);
    if (rc == FD_OK)
        rc = fd__record_insert(out_id, s, fn, &fd__record_receipt, &r, actor);
    fd_buf_dispose(&upper);
    return rc;
}

static fd_status journal_money(fd_store *s, const char *fn, const fd_actor *actor, const char *entity, int64_t id,
                               const char *action, const char *what, int64_t fen, const char *more)
{
    char detail[200];
    snprintf(detail, sizeof detail, "%s %lld.%02lld%s%s", what, (long long)(fen / 100),
             (long long)((fen < 0 ? -fen : fen) % 100), more ? " " : "", more ? more : "");
    return fd__journal(s, fn, actor, actor->site_id, entity, id, action, detail);
}

static fd_status prologue(const char *fn, const char *out_name, const void *out, fd_store *store,
                          const fd_actor *actor)
{
    fd_status rc = out_name ? fd__check_ptr(fn, out_name, out) : FD_OK;
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    return rc ? rc : fd__actor_check(store, fn, actor, NULL);
}

/* --- receipt series ------------------------------------------------------------ */

fd_status fd_store_receipt_series_add(int64_t *out_id, fd_store *store, const fd_actor *actor,
                                      const fd_receipt_series *series)
{
    static const char fn[] = "fd_store_receipt_series_add";
    fd_store *s = store;
    fd_status rc = prologue(fn, "out_id", out_id, store, actor);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "series", series);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_receipt_series, fn, series);
    if (rc)
        return rc;
    bool book = strcmp(series->kind, "book") == 0;
    if (!book && strcmp(series->kind, "electronic") != 0)
        return fd__error(FD_EINVAL, "%s: receipt_series.kind: expected book 纸质票据本 or electronic 电子票据", fn);
    if (series->first_no < 1)
        return fd__error(FD_EINVAL, "%s: receipt_series.first_no: must be 1 or more", fn);
    if (book && series->last_no < series->first_no)
        return fd__error(FD_EINVAL, "%s: receipt_series.last_no: a book's last number, not before first_no", fn);
    if (!book && series->last_no != 0)
        return fd__error(FD_EINVAL, "%s: receipt_series.last_no: 0 for an electronic series (unbounded)", fn);
    bool sp;
    if ((rc = fd__store_write_begin(s, fn, &sp)) != FD_OK)
        return rc;
    int64_t used = 0, id = 0;
    STMT(st, SQL_SERIES_CODE_USED);
    sqlite3_bind_int64(st, 1, actor->site_id);
    sqlite3_bind_text(st, 2, series->code, -1, SQLITE_STATIC);
    rc = fd__stmt_int(s, fn, st, "reading the series' codes", &used);
    if (rc == FD_OK && used)
        rc = fd__error(FD_ECONFLICT, "%s: receipt_series.code: the site has a series %s", fn, series->code);
    fd_receipt_series r = *series;
    r.next_no = series->first_no;
    r.closed = 0;
    if (rc == FD_OK)
        rc = fd__record_insert(&id, s, fn, &fd__record_receipt_series, &r, actor);
    if (rc == FD_OK)
        rc = fd__journal(s, fn, actor, actor->site_id, "receipt_series", id, "add", series->code);
    rc = fd__store_write_end(s, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

fd_status fd_store_receipt_series_close(fd_store *store, const fd_actor *actor, int64_t series_id)
{
    static const char fn[] = "fd_store_receipt_series_close";
    fd_store *s = store;
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(s, fn, &sp)) != FD_OK)
        return rc;
    rc = fd__store_ref_at_site(s, fn, "SELECT 1 FROM receipt_series WHERE id = ?1 AND site_id = ?2", series_id,
                               actor->site_id, "series_id", "receipt series");
    if (rc == FD_OK && series_id <= 0)
        rc = fd__error(FD_EINVAL, "%s: series_id: must be more than 0", fn);
    int changes = 0;
    if (rc == FD_OK)
        rc = run(s, fn, SQL_SERIES_CLOSE, "closing the series", &changes, series_id, NULL, 0, NULL, 0);
    if (rc == FD_OK && changes == 0)
        rc = fd__error(FD_ESTATE, "%s: series_id: receipt series %lld is closed already", fn, (long long)series_id);
    if (rc == FD_OK)
        rc = fd__journal(s, fn, actor, actor->site_id, "receipt_series", series_id, "close", "");
    return fd__store_write_end(s, fn, sp, rc);
}

/* --- payments ---------------------------------------------------------------- */

/*
 * The payment itself, inside the caller's write: @prepared > 0 collects that
 * prepared receipt (its bill, its number) instead of taking a new number.
 */
static fd_status payment_write(fd_payment_result *res, fd_store *s, const char *fn, const fd_actor *actor,
                               const fd_payment *p, int64_t change, int64_t series, const int64_t *bills,
                               size_t count, int64_t prepared)
{
    fd_date today;
    char day[11];
    fd_status rc = local_today(&today, s, fn, actor);
    if (rc)
        return rc;
    day_text(day, today);
    if ((rc = day_open(s, fn, actor->site_id, day, "payment")) != FD_OK)
        return rc;
    bool from_balance = strcmp(p->method, "balance") == 0;
    /* R-FEE-1: the account as the look-up showed it (not for a prepared receipt: its amount is fixed). */
    int64_t rev = 0;
    rc = account_bump(&rev, s, fn, actor, p->unit_id, prepared ? -1 : p->expect_rev,
                      from_balance ? -p->amount : 0);
    fd_payment rec = *p;
    rec.change = change;
    rec.state = "valid";
    rec.paid_on = today;
    rec.to_balance = 0;
    rec.receipt_id = 0;
    int64_t pid = 0;
    if (rc == FD_OK)
        rc = fd__record_insert(&pid, s, fn, &fd__record_payment, &rec, actor);
    int64_t left = p->amount;
    if (rc == FD_OK)
        rc = allocate(s, fn, actor, pid, p->unit_id, bills, count, &left);
    if (rc == FD_OK && left > 0 && (from_balance || prepared))
        rc = fd__error(from_balance ? FD_EINVAL : FD_ECONFLICT,
                       "%s: payment.amount: %lld fen more than the bills owe%s", fn, (long long)left,
                       from_balance ? " (a payment from the balance only pays bills)" : " now");
    if (rc == FD_OK && left > 0) {
        /* the rest to the prepayment balance (R-FEE-1) */
        rc = run(s, fn, "UPDATE payments SET to_balance = ?2 WHERE id = ?1", "writing the payment's balance part", NULL,
                 pid, NULL, left, NULL, 0);
        if (rc == FD_OK)
            rc = run(s, fn, "UPDATE unit_accounts SET balance = balance + ?2 WHERE unit_id = ?1",
                     "writing the prepayment balance", NULL, p->unit_id, NULL, left, NULL, 0);
    }
    int64_t number = 0, rid = prepared;
    if (rc == FD_OK && !prepared) {
        rc = take_number(&number, s, fn, actor->site_id, series);
        if (rc == FD_OK)
            rc = receipt_insert(&rid, s, fn, actor, series, number, p->unit_id, pid, 0, p->amount, p->payer, "issued",
                                0, NULL, today);
    } else if (rc == FD_OK) {
        int changes = 0;
        rc = run(s, fn, SQL_RECEIPT_COLLECTED, "collecting the prepared receipt", &changes, prepared, NULL, pid,
                 p->payer ? p->payer : "", 0);
        if (rc == FD_OK && changes == 0)
            rc = fd__error(FD_ECONFLICT, "%s: receipt_id: the receipt was collected or voided meanwhile", fn);
        if (rc == FD_OK)
            rc = int_of(&number, s, fn, "SELECT number FROM receipts WHERE id = ?1", "reading the receipt", rid, NULL);
    }
    if (rc == FD_OK)
        rc = run(s, fn, SQL_PAYMENT_RECEIPT, "naming the payment's receipt", NULL, pid, NULL, rid, NULL, 0);
    if (rc == FD_OK) {
        char more[48];
        snprintf(more, sizeof more, "%s receipt %lld", p->method, (long long)number);
        rc = journal_money(s, fn, actor, "payment", pid, "add", "amount", p->amount, more);
    }
    if (rc == FD_OK)
        rc = journal_money(s, fn, actor, "receipt", rid, prepared ? "collect" : "issue", "amount", p->amount, NULL);
    if (rc == FD_OK) {
        res->payment_id = pid;
        res->receipt_id = rid;
        res->number = number;
        res->change = change;
        res->allocated = p->amount - left;
        res->to_balance = left;
        res->rev = rev;
    }
    return rc;
}

fd_status fd_store_payment_add(fd_payment_result *out, fd_store *store, const fd_actor *actor,
                               const fd_payment *payment, int64_t series_id, const int64_t *bill_ids, size_t count)
{
    static const char fn[] = "fd_store_payment_add";
    fd_status rc = prologue(fn, "out", out, store, actor);
    int64_t change = 0;
    if (rc == FD_OK && count > 0)
        rc = fd__check_ptr(fn, "bill_ids", bill_ids);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "payment", payment);
    if (rc == FD_OK)
        rc = fd_fee_payment_desk_check(&change, payment);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    rc = fd__store_ref_at_site(store, fn, SQL_UNIT_AT_SITE, payment->unit_id, actor->site_id, "payment.unit_id",
                               "unit");
    fd_payment_result res = { 0, 0, 0, 0, 0, 0, 0 };
    if (rc == FD_OK)
        rc = payment_write(&res, store, fn, actor, payment, change, series_id, bill_ids, count, 0);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out = res;
    return rc;
}

/* --- voids and refunds ------------------------------------------------------------ */

typedef struct receipt_row {
    char state[17], issued_on[11];
    int64_t payment_id, amount, unit_id, bill_id, series_id, number;
} receipt_row;

static fd_status receipt_columns(sqlite3_stmt *st, void *ctx)
{
    receipt_row *r = ctx;
    fd__copy_fixed(r->state, sizeof r->state, COL_TEXT(st, 0) ? COL_TEXT(st, 0) : "");
    r->payment_id = sqlite3_column_int64(st, 1);
    fd__copy_fixed(r->issued_on, sizeof r->issued_on, COL_TEXT(st, 2) ? COL_TEXT(st, 2) : "");
    r->amount = sqlite3_column_int64(st, 3);
    r->unit_id = sqlite3_column_int64(st, 4);
    r->bill_id = sqlite3_column_int64(st, 5);
    r->series_id = sqlite3_column_int64(st, 6);
    r->number = sqlite3_column_int64(st, 7);
    return FD_OK;
}

static fd_status receipt_read(receipt_row *r, fd_store *s, const char *fn, int64_t id, int64_t site)
{
    return fd__store_load(s, fn, SQL_RECEIPT_READ, id, site, "receipt_id", "receipt", receipt_columns, r);
}

typedef struct payment_row {
    int64_t unit_id, amount, to_balance;
    char method[17], state[17], paid_on[11];
} payment_row;

static fd_status payment_columns(sqlite3_stmt *st, void *ctx)
{
    payment_row *p = ctx;
    p->unit_id = sqlite3_column_int64(st, 0);
    fd__copy_fixed(p->method, sizeof p->method, COL_TEXT(st, 1) ? COL_TEXT(st, 1) : "");
    p->amount = sqlite3_column_int64(st, 2);
    p->to_balance = sqlite3_column_int64(st, 3);
    fd__copy_fixed(p->state, sizeof p->state, COL_TEXT(st, 4) ? COL_TEXT(st, 4) : "");
    fd__copy_fixed(p->paid_on, sizeof p->paid_on, COL_TEXT(st, 5) ? COL_TEXT(st, 5) : "");
    return FD_OK;
}

static fd_status payment_read(payment_row *p, fd_store *s, const char *fn, int64_t id, int64_t site, const char *field)
{
    return fd__store_load(s, fn, SQL_PAYMENT_READ, id, site, field, "payment", payment_columns, p);
}

/*
 * Reverses up to @amount of what payment @pid holds on bill lines, its lines
 * newest first, with negative rows for @void_id or @refund_id; *@done gets
 * how much was reversed.
 */
static fd_status reverse(int64_t *done, fd_store *s, const char *fn, const fd_actor *actor, int64_t pid,
                         int64_t amount, int64_t void_id, int64_t refund_id)
{
    int64_t *v = NULL; /* line, bill, held */
    size_t n = 0;
    fd_status rc = read_rows(&v, &n, s, fn, SQL_PAYMENT_LINES, pid, 3, "reading the payment's allocations");
    int64_t left = amount;
    for (size_t i = 0; i < n && left > 0 && rc == FD_OK; i++) {
        int64_t held = v[3 * i + 2];
        if (held <= 0)
            continue;
        int64_t a = held < left ? held : left;
        rc = allocate_one(s, fn, actor, pid, v[3 * i + 1], v[3 * i], -a, void_id, refund_id);
        left -= a;
    }
    free(v);
    *done = amount - left;
    return rc;
}

fd_status fd_store_receipt_void(int64_t *out_void_id, fd_store *store, const fd_actor *actor, int64_t receipt_id,
                                const char *reason)
{
    static const char fn[] = "fd_store_receipt_void";
    fd_store *s = store;
    fd_status rc = prologue(fn, "out_void_id", out_void_id, store, actor);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "reason", reason, 200, true);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(s, fn, &sp)) != FD_OK)
        return rc;
    receipt_row r;
    fd_date today;
    char day[11];
    rc = receipt_read(&r, s, fn, receipt_id, actor->site_id);
    if (rc == FD_OK && strcmp(r.state, "voided") == 0)
        rc = fd__error(FD_ESTATE, "%s: receipt_id: receipt %lld is voided already (R-FEE-4)", fn,
                       (long long)r.number);
    if (rc == FD_OK)
        rc = day_open(s, fn, actor->site_id, r.issued_on, "receipt_id");
    if (rc == FD_OK)
        rc = local_today(&today, s, fn, actor);
    if (rc == FD_OK) {
        day_text(day, today);
        rc = day_open(s, fn, actor->site_id, day, "receipt_id");
    }
    payment_row p;
    bool paid = rc == FD_OK && r.payment_id > 0;
    if (paid) {
        rc = payment_read(&p, s, fn, r.payment_id, actor->site_id, "receipt_id");
        if (rc == FD_OK)
            rc = day_open(s, fn, actor->site_id, p.paid_on, "receipt_id");
        int64_t refunds = 0;
        if (rc == FD_OK)
            rc = int_of(&refunds, s, fn, SQL_PAYMENT_REFUNDS, "reading the payment's refunds", r.payment_id, NULL);
        if (rc == FD_OK && refunds > 0)
            rc = fd__error(FD_ESTATE, "%s: receipt_id: its payment has refunds; correct it with an adjustment", fn);
    }
    fd_receipt_void v = FD_RECEIPT_VOID_INIT;
    v.receipt_id = receipt_id;
    v.reason = reason;
    if (rc == FD_OK)
        v.voided_on = today;
    int64_t vid = 0;
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_receipt_void, fn, &v);
    if (rc == FD_OK)
        rc = fd__record_insert(&vid, s, fn, &fd__record_receipt_void, &v, actor);
    if (rc == FD_OK)
        rc = run(s, fn, SQL_RECEIPT_STATE, "voiding the receipt", NULL, receipt_id, "voided", 0, r.state, 0);
    if (rc == FD_OK && paid) {
        int64_t back = 0, rev = 0;
        rc = reverse(&back, s, fn, actor, r.payment_id, p.amount, vid, 0);
        /* the balance part goes back (R-FEE-1): refused when it was spent since */
        int64_t delta = strcmp(p.method, "balance") == 0 ? back : -p.to_balance;
        if (rc == FD_OK)
            rc = account_bump(&rev, s, fn, actor, p.unit_id, -1, delta);
        if (rc == FD_ESTATE)
            rc = fd__error(FD_ESTATE, "%s: receipt_id: the payment's %lld fen on the prepayment balance were spent "
                           "since; refund or adjust instead", fn, (long long)p.to_balance);
        if (rc == FD_OK)
            rc = run(s, fn, SQL_PAYMENT_VOIDED, "voiding the payment", NULL, r.payment_id, NULL, 0, NULL, 0);
        if (rc == FD_OK)
            rc = journal_money(s, fn, actor, "payment", r.payment_id, "void", "amount", p.amount, NULL);
    }
    if (rc == FD_OK)
        rc = fd__journal(s, fn, actor, actor->site_id, "receipt", receipt_id, "void", reason);
    rc = fd__store_write_end(s, fn, sp, rc);
    if (rc == FD_OK)
        *out_void_id = vid;
    return rc;
}

fd_status fd_store_refund_request(int64_t *out_id, fd_store *store, const fd_actor *actor, const fd_refund *refund)
{
    static const char fn[] = "fd_store_refund_request";
    fd_store *s = store;
    fd_status rc = prologue(fn, "out_id", out_id, store, actor);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "refund", refund);
    if (rc == FD_OK)
        rc = fd__record_check(&fd__record_refund, fn, refund);
    if (rc == FD_OK && fd_fee_method_check(refund->method) != FD_OK)
        rc = fd__error(FD_EINVAL, "%s: refund.method: expected cash, card, transfer, wechat, alipay or balance", fn);
    if (rc == FD_OK && refund->amount <= 0)
        rc = fd__error(FD_EINVAL, "%s: refund.amount: must be more than 0 fen", fn);
    if (rc == FD_OK && refund->amount > FD_FEE_PAYMENT_MAX)
        rc = fd__error(FD_ERANGE, "%s: refund.amount: more than 99,999,999.99 yuan", fn);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(s, fn, &sp)) != FD_OK)
        return rc;
    payment_row p;
    int64_t held = 0, id = 0;
    rc = payment_read(&p, s, fn, refund->payment_id, actor->site_id, "refund.payment_id");
    if (rc == FD_OK && strcmp(p.state, "valid") != 0)
        rc = fd__error(FD_ESTATE, "%s: refund.payment_id: the payment is voided", fn);
    if (rc == FD_OK)
        rc = int_of(&held, s, fn, SQL_PAYMENT_REFUNDS, "reading the payment's refunds", refund->payment_id, NULL);
    if (rc == FD_OK && refund->amount > p.amount - held)
        rc = fd__error(FD_EINVAL, "%s: refund.amount: the payment holds %lld fen (%lld refunded or asked for)", fn,
                       (long long)(p.amount - held), (long long)held);
    fd_refund r = *refund;
    r.state = "requested";
    r.approved_by = 0;
    r.approved_at = 0;
    r.refunded_on = (fd_date){ 0, 0, 0 };
    if (rc == FD_OK)
        rc = fd__record_insert(&id, s, fn, &fd__record_refund, &r, actor);
    if (rc == FD_OK)
        rc = journal_money(s, fn, actor, "refund", id, "request", "amount", refund->amount, refund->reason);
    rc = fd__store_write_end(s, fn, sp, rc);
    if (rc == FD_OK)
        *out_id = id;
    return rc;
}

typedef struct refund_row {
    int64_t payment_id, amount, staff_id;
    char method[17], state[17];
} refund_row;

static fd_status refund_columns(sqlite3_stmt *st, void *ctx)
{
    refund_row *r = ctx;
    r->payment_id = sqlite3_column_int64(st, 0);
    r->amount = sqlite3_column_int64(st, 1);
    fd__copy_fixed(r->method, sizeof r->method, COL_TEXT(st, 2) ? COL_TEXT(st, 2) : "");
    fd__copy_fixed(r->state, sizeof r->state, COL_TEXT(st, 3) ? COL_TEXT(st, 3) : "");
    r->staff_id = sqlite3_column_int64(st, 4);
    return FD_OK;
}

static fd_status refund_read(refund_row *r, fd_store *s, const char *fn, int64_t id, int64_t site)
{
    return fd__store_load(s, fn, SQL_REFUND_READ, id, site, "refund_id", "refund", refund_columns, r);
}

fd_status fd_store_refund_decide(fd_store *store, const fd_actor *actor, int64_t refund_id, int approve)
{
    static const char fn[] = "fd_store_refund_decide";
    fd_store *s = store;
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    if (rc == FD_OK)
        rc = fd__actor_require_manage(fn, actor);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(s, fn, &sp)) != FD_OK)
        return rc;
    refund_row r;
    rc = refund_read(&r, s, fn, refund_id, actor->site_id);
    if (rc == FD_OK && actor->staff_id != 0 && actor->staff_id == r.staff_id)
        rc = fd__error(FD_EPERM, "%s: actor: the requester cannot decide their own refund (R-FEE-4)", fn);
    if (rc == FD_OK && strcmp(r.state, "requested") != 0)
        rc = fd__error(FD_ESTATE, "%s: refund_id: the refund is %s, not requested", fn, r.state);
    if (rc == FD_OK)
        rc = run(s, fn, SQL_REFUND_DECIDE, "deciding the refund", NULL, refund_id, approve ? "approved" : "refused", 0,
                 NULL, actor->staff_id);
    if (rc == FD_OK)
        rc = run(s, fn, SQL_REFUND_DECIDED_AT, "dating the decision", NULL, refund_id, NULL, actor->at, NULL, 0);
    if (rc == FD_OK)
        rc = fd__journal(s, fn, actor, actor->site_id, "refund", refund_id, approve ? "approve" : "refuse", "");
    return fd__store_write_end(s, fn, sp, rc);
}

fd_status fd_store_refund_pay(fd_store *store, const fd_actor *actor, int64_t refund_id)
{
    static const char fn[] = "fd_store_refund_pay";
    fd_store *s = store;
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(s, fn, &sp)) != FD_OK)
        return rc;
    refund_row r;
    payment_row p;
    fd_date today;
    char day[11];
    rc = refund_read(&r, s, fn, refund_id, actor->site_id);
    if (rc == FD_OK && strcmp(r.state, "approved") != 0)
        rc = fd__error(FD_ESTATE, "%s: refund_id: the refund is %s, not approved", fn, r.state);
    if (rc == FD_OK)
        rc = payment_read(&p, s, fn, r.payment_id, actor->site_id, "refund_id");
    if (rc == FD_OK && strcmp(p.state, "valid") != 0)
        rc = fd__error(FD_ESTATE, "%s: refund_id: its payment is voided", fn);
    if (rc == FD_OK)
        rc = local_today(&today, s, fn, actor);
    if (rc == FD_OK) {
        day_text(day, today);
        rc = day_open(s, fn, actor->site_id, day, "refund_id");
    }
    /* the payment's balance part still on the account: to_balance less what refunds took of it */
    int64_t refunded = 0, reversed = 0, from_bal = 0, rev = 0, bal = 0;
    if (rc == FD_OK)
        rc = int_of(&refunded, s, fn, SQL_PAYMENT_REFUNDED, "reading the payment's refunds", r.payment_id, NULL);
    if (rc == FD_OK)
        rc = int_of(&reversed, s, fn, SQL_PAYMENT_REVERSED_BY_REFUNDS, "reading the payment's refunds", r.payment_id,
                    NULL);
    if (rc == FD_OK)
        rc = int_of(&bal, s, fn, "SELECT coalesce((SELECT balance FROM unit_accounts WHERE unit_id = ?1), 0)",
                    "reading the balance", p.unit_id, NULL);
    bool to_balance = strcmp(r.method, "balance") == 0;
    if (rc == FD_OK && !to_balance) {
        int64_t part = p.to_balance - (refunded - reversed);
        from_bal = part < r.amount ? part : r.amount;
        if (from_bal > bal)
            from_bal = bal;
        if (from_bal < 0)
            from_bal = 0;
    }
    int64_t back = 0;
    if (rc == FD_OK)
        rc = reverse(&back, s, fn, actor, r.payment_id, r.amount - from_bal, 0, refund_id);
    if (rc == FD_OK && back + from_bal < r.amount)
        rc = fd__error(FD_ESTATE, "%s: refund_id: the payment holds %lld fen of the %lld asked (its balance part "
                       "was spent)", fn, (long long)(back + from_bal), (long long)r.amount);
    if (rc == FD_OK)
        rc = account_bump(&rev, s, fn, actor, p.unit_id, -1, to_balance ? back : -from_bal);
    if (rc == FD_OK)
        rc = run(s, fn, SQL_REFUND_PAID, "paying the refund", NULL, refund_id, day, 0, NULL, 0);
    if (rc == FD_OK)
        rc = journal_money(s, fn, actor, "refund", refund_id, "pay", "amount", r.amount, r.method);
    return fd__store_write_end(s, fn, sp, rc);
}

/* --- prepared receipts (R-FEE-5) ------------------------------------------------ */

fd_status fd_store_receipt_prepare(int64_t *out_receipt_id, fd_store *store, const fd_actor *actor,
                                   int64_t series_id, int64_t bill_id, int64_t collector_id, const char *signature)
{
    static const char fn[] = "fd_store_receipt_prepare";
    fd_store *s = store;
    fd_status rc = prologue(fn, "out_receipt_id", out_receipt_id, store, actor);
    if (rc == FD_OK)
        rc = fd__check_note(fn, "signature", signature, 100, true);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(s, fn, &sp)) != FD_OK)
        return rc;
    int64_t unit = 0, owes = 0, ok = 0, number = 0, rid = 0;
    fd_date today;
    rc = bill_owes(&unit, &owes, s, fn, actor->site_id, bill_id, "bill_id");
    if (rc == FD_OK && owes <= 0)
        rc = fd__error(FD_ESTATE, "%s: bill_id: bill %lld owes nothing", fn, (long long)bill_id);
    if (rc == FD_OK) {
        sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_STAFF_ACTIVE);
        rc = st ? FD_OK : fd_error_last()->code;
        if (st) {
            sqlite3_bind_int64(st, 1, collector_id);
            sqlite3_bind_int64(st, 2, actor->site_id);
            int src = sqlite3_step(st);
            ok = src == SQLITE_ROW;
            sqlite3_reset(st);
        }
    }
    if (rc == FD_OK && !ok)
        rc = fd__error(FD_ENOTFOUND, "%s: collector_id: no active staff %lld at the actor's site", fn,
                       (long long)collector_id);
    if (rc == FD_OK)
        rc = local_today(&today, s, fn, actor);
    if (rc == FD_OK)
        rc = take_number(&number, s, fn, actor->site_id, series_id);
    if (rc == FD_OK)
        rc = receipt_insert(&rid, s, fn, actor, series_id, number, unit, 0, bill_id, owes, NULL, "prepared",
                            collector_id, signature, today);
    if (rc == FD_OK) {
        char more[48];
        snprintf(more, sizeof more, "number %lld collector %lld", (long long)number, (long long)collector_id);
        rc = journal_money(s, fn, actor, "receipt", rid, "prepare", "amount", owes, more);
    }
    rc = fd__store_write_end(s, fn, sp, rc);
    if (rc == FD_OK)
        *out_receipt_id = rid;
    return rc;
}

fd_status fd_store_receipt_collect(fd_payment_result *out, fd_store *store, const fd_actor *actor,
                                   int64_t receipt_id, const fd_payment *payment)
{
    static const char fn[] = "fd_store_receipt_collect";
    fd_status rc = prologue(fn, "out", out, store, actor);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "payment", payment);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(store, fn, &sp)) != FD_OK)
        return rc;
    receipt_row r;
    rc = receipt_read(&r, store, fn, receipt_id, actor->site_id);
    if (rc == FD_OK && strcmp(r.state, "prepared") != 0)
        rc = fd__error(FD_ESTATE, "%s: receipt_id: receipt %lld is %s, not prepared", fn, (long long)r.number,
                       r.state);
    fd_payment p = payment ? *payment : (fd_payment)FD_PAYMENT_INIT;
    if (rc == FD_OK && p.unit_id == 0)
        p.unit_id = r.unit_id;
    if (rc == FD_OK && p.unit_id != r.unit_id)
        rc = fd__error(FD_EINVAL, "%s: payment.unit_id: the receipt is for unit %lld", fn, (long long)r.unit_id);
    int64_t change = 0;
    if (rc == FD_OK)
        rc = fd_fee_payment_desk_check(&change, &p);
    if (rc == FD_OK && p.amount != r.amount)
        rc = fd__error(FD_EINVAL, "%s: payment.amount: the prepared receipt is for %lld fen (R-FEE-4: exactly the "
                       "amount paid)", fn, (long long)r.amount);
    fd_payment_result res = { 0, 0, 0, 0, 0, 0, 0 };
    if (rc == FD_OK)
        rc = payment_write(&res, store, fn, actor, &p, change, r.series_id, &r.bill_id, 1, receipt_id);
    rc = fd__store_write_end(store, fn, sp, rc);
    if (rc == FD_OK)
        *out = res;
    return rc;
}

fd_status fd_store_receipt_return(fd_store *store, const fd_actor *actor, int64_t receipt_id)
{
    static const char fn[] = "fd_store_receipt_return";
    fd_store *s = store;
    fd_status rc = prologue(fn, NULL, NULL, store, actor);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(s, fn, &sp)) != FD_OK)
        return rc;
    receipt_row r;
    rc = receipt_read(&r, s, fn, receipt_id, actor->site_id);
    if (rc == FD_OK && strcmp(r.state, "prepared") != 0)
        rc = fd__error(FD_ESTATE, "%s: receipt_id: receipt %lld is %s, not prepared", fn, (long long)r.number,
                       r.state);
    if (rc == FD_OK)
        rc = run(s, fn, SQL_RECEIPT_STATE, "returning the receipt", NULL, receipt_id, "returned", 0, "prepared", 0);
    if (rc == FD_OK)
        rc = fd__journal(s, fn, actor, actor->site_id, "receipt", receipt_id, "return", "");
    return fd__store_write_end(s, fn, sp, rc);
}

/* --- day close (R-FEE-9) ---------------------------------------------------------- */

fd_status fd_store_day_close(fd_day_close *out, fd_store *store, const fd_actor *actor, fd_date day)
{
    static const char fn[] = "fd_store_day_close";
    fd_store *s = store;
    fd_status rc = prologue(fn, "out", out, store, actor);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "day", day);
    if (rc)
        return rc;
    bool sp;
    if ((rc = fd__store_write_begin(s, fn, &sp)) != FD_OK)
        return rc;
    char text[11], today_text[11];
    fd_date today;
    day_text(text, day);
    rc = local_today(&today, s, fn, actor);
    if (rc == FD_OK) {
        day_text(today_text, today);
        if (strcmp(text, today_text) > 0)
            rc = fd__error(FD_EINVAL, "%s: day: %s is after today (%s)", fn, text, today_text);
    }
    int64_t closed = 0;
    if (rc == FD_OK)
        rc = int_of(&closed, s, fn, SQL_DAY_CLOSED, "reading the day closes", actor->site_id, text);
    if (rc == FD_OK && closed)
        rc = fd__error(FD_ECONFLICT, "%s: day: %s is closed already (R-FEE-9)", fn, text);
    if (rc == FD_OK) {
        /* R-FEE-5: a prepared receipt still out with a collector is returned or voided first */
        sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_PREPARED_OUT);
        rc = st ? FD_OK : fd_error_last()->code;
        if (st) {
            char list[400] = "";
            size_t used = 0;
            int src;
            sqlite3_bind_int64(st, 1, actor->site_id);
            sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
            while ((src = sqlite3_step(st)) == SQLITE_ROW && used + 40 < sizeof list)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s%s-%lld", used ? ", " : "",
                                         COL_TEXT(st, 0) ? COL_TEXT(st, 0) : "", (long long)sqlite3_column_int64(st, 1));
            sqlite3_reset(st);
            if (used)
                rc = fd__error(FD_ESTATE, "%s: day: prepared receipts are still out with collectors (R-FEE-5): %s; "
                               "collect, return or void them first", fn, list);
        }
    }
    fd_day_close d = FD_DAY_CLOSE_INIT;
    d.day = day;
    if (rc == FD_OK) {
        sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_DAY_TOTALS);
        rc = st ? FD_OK : fd_error_last()->code;
        if (st) {
            sqlite3_bind_int64(st, 1, actor->site_id);
            sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
            int src = sqlite3_step(st);
            if (src == SQLITE_ROW) {
                d.payments = sqlite3_column_int64(st, 0);
                d.collected = sqlite3_column_int64(st, 1);
                d.voided = sqlite3_column_int64(st, 2);
                d.refunded = sqlite3_column_int64(st, 3);
                d.receipts_issued = sqlite3_column_int64(st, 4);
                d.receipts_voided = sqlite3_column_int64(st, 5);
            }
            sqlite3_reset(st);
            if (src != SQLITE_ROW)
                rc = fd__store_sqlerr(s, fn, src, "counting the day");
        }
    }
    if (rc == FD_OK)
        rc = fd__record_insert(&d.id, s, fn, &fd__record_day_close, &d, actor);
    if (rc == FD_OK) {
        char more[64];
        snprintf(more, sizeof more, "day %s payments %lld", text, (long long)d.payments);
        rc = journal_money(s, fn, actor, "day_close", d.id, "close", "collected", d.collected, more);
    }
    rc = fd__store_write_end(s, fn, sp, rc);
    if (rc == FD_OK) {
        d.site_id = actor->site_id;
        d.staff_id = actor->staff_id;
        d.created_at = actor->at;
        *out = d;
    }
    return rc;
}

/* --- gaps and reconciliation ------------------------------------------------------- */

/* The gaps of series @series in [@first_no, @next_no) as fd_fee_receipt_gaps() writes them (R-FEE-4). */
static fd_status series_gaps(fd_buf *out, int64_t *missing, fd_store *s, const char *fn, int64_t series,
                             int64_t first_no, int64_t next_no)
{
    int64_t *v = NULL;
    size_t n = 0;
    fd_status rc = read_rows(&v, &n, s, fn, "SELECT number FROM receipts WHERE series_id = ?1 ORDER BY number", series,
                             1, "reading the series' receipts");
    if (rc == FD_OK)
        rc = fd_fee_receipt_gaps(out, missing, v, n, first_no, next_no);
    free(v);
    return rc;
}

static const char SQL_RECONCILE[] =
    "SELECT (SELECT coalesce(sum(amount), 0) FROM bills WHERE site_id = ?1), "
    "(SELECT coalesce(sum(adjusted), 0) FROM bills WHERE site_id = ?1), "
    "(SELECT coalesce(sum(paid), 0) FROM bills WHERE site_id = ?1), "
    "(SELECT coalesce(sum(amount + adjusted - paid), 0) FROM bills WHERE site_id = ?1), "
    "(SELECT coalesce(sum(amount), 0) FROM payments WHERE site_id = ?1 AND method <> 'balance'), "
    "(SELECT coalesce(sum(amount), 0) FROM payments WHERE site_id = ?1 AND method <> 'balance' AND state = 'voided'), "
    "(SELECT coalesce(sum(amount), 0) FROM refunds WHERE site_id = ?1 AND state = 'paid' AND method <> 'balance'), "
    "(SELECT coalesce(sum(amount), 0) FROM allocations WHERE site_id = ?1), "
    "(SELECT coalesce(sum(balance), 0) FROM unit_accounts WHERE site_id = ?1), "
    "(SELECT coalesce(sum(amount), 0) FROM receipts WHERE site_id = ?1 AND payment_id IS NOT NULL), "
    "(SELECT coalesce(sum(amount), 0) FROM receipts WHERE site_id = ?1 AND payment_id IS NOT NULL "
    "  AND state = 'voided'), "
    "(SELECT coalesce(sum(amount), 0) FROM payments WHERE site_id = ?1), "
    "(SELECT coalesce(sum(amount), 0) FROM payments WHERE site_id = ?1 AND state = 'voided'), "
    /* rows whose stored sums disagree with what they are the sum of */
    "(SELECT count(*) FROM bills b WHERE site_id = ?1 AND (b.amount <> (SELECT coalesce(sum(amount), 0) FROM "
    "  bill_lines WHERE bill_id = b.id) OR b.paid <> (SELECT coalesce(sum(amount), 0) FROM allocations WHERE "
    "  bill_id = b.id) OR b.adjusted <> (SELECT coalesce(sum(amount), 0) FROM adjustments WHERE bill_id = b.id))) + "
    "(SELECT count(*) FROM bill_lines l WHERE site_id = ?1 AND l.paid <> (SELECT coalesce(sum(amount), 0) FROM "
    "  allocations WHERE bill_line_id = l.id)) + "
    "(SELECT count(*) FROM payments p WHERE site_id = ?1 AND (p.receipt_id IS NULL OR NOT EXISTS (SELECT 1 FROM "
    "  receipts r WHERE r.id = p.receipt_id AND r.payment_id = p.id AND r.amount = p.amount) OR "
    "  (p.state = 'valid') <> ((SELECT state FROM receipts WHERE id = p.receipt_id) = 'issued'))) + "
    "(SELECT count(*) FROM receipts r WHERE site_id = ?1 AND r.payment_id IS NOT NULL AND NOT EXISTS (SELECT 1 "
    "  FROM payments p WHERE p.id = r.payment_id AND p.receipt_id = r.id))";

fd_status fd_store_fees_reconcile(fd_fees_reconcile *out, fd_store *store, const fd_actor *actor)
{
    static const char fn[] = "fd_store_fees_reconcile";
    fd_store *s = store;
    fd_status rc = prologue(fn, "out", out, store, actor);
    if (rc)
        return rc;
    fd_fees_reconcile r;
    memset(&r, 0, sizeof r);
    int64_t all_payments = 0, all_voided = 0;
    bool in_tx = !sqlite3_get_autocommit(s->db);
    /* one snapshot for every sum */
    if (!in_tx && sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return fd__store_sqlerr(s, fn, sqlite3_errcode(s->db), "starting a read");
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_RECONCILE);
    rc = st ? FD_OK : fd_error_last()->code;
    if (st) {
        sqlite3_bind_int64(st, 1, actor->site_id);
        int src = sqlite3_step(st);
        if (src == SQLITE_ROW) {
            int64_t *f[] = { &r.billed,   &r.adjusted,        &r.paid,           &r.outstanding, &r.payments,
                             &r.voided,   &r.refunded,        &r.allocated,      &r.balances,    &r.receipts_issued,
                             &r.receipts_voided, &all_payments, &all_voided,     &r.mismatches };
            for (int i = 0; i < 14; i++)
                *f[i] = sqlite3_column_int64(st, i);
        }
        sqlite3_reset(st);
        if (src != SQLITE_ROW)
            rc = fd__store_sqlerr(s, fn, src, "reconciling");
    }
    int64_t *ser = NULL; /* id, first_no, next_no */
    size_t n = 0;
    if (rc == FD_OK)
        rc = read_rows(&ser, &n, s, fn, "SELECT id, first_no, next_no FROM receipt_series WHERE site_id = ?1 ORDER BY id",
                       actor->site_id, 3, "reading the receipt series");
    fd_buf b = FD_BUF_INIT;
    for (size_t i = 0; i < n && rc == FD_OK; i++) {
        int64_t missing = 0;
        rc = series_gaps(&b, &missing, s, fn, ser[3 * i], ser[3 * i + 1], ser[3 * i + 2]);
        if (rc == FD_EDATA) { /* a number outside the range is a gap in the books too */
            missing = 1;
            rc = FD_OK;
        }
        r.gaps += missing;
    }
    fd_buf_dispose(&b);
    free(ser);
    if (!in_tx)
        sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc)
        return rc;
    r.ok = r.billed + r.adjusted == r.paid + r.outstanding && r.allocated + r.balances == r.payments - r.voided -
           r.refunded && r.receipts_issued == all_payments && r.receipts_voided == all_voided && r.gaps == 0 &&
           r.mismatches == 0;
    *out = r;
    return FD_OK;
}

/* --- the look-up (R-FEE-1) --------------------------------------------------------- */

struct fd_fee_lookup {
    fd_fee_lookup_info info;
    char *number, *owner;
    fd_fee_lookup_bill *bills;
};

void fd_fee_lookup_free(fd_fee_lookup *l)
{
    if (l == NULL)
        return;
    free(l->number);
    free(l->owner);
    free(l->bills);
    free(l);
}

fd_status fd_fee_lookup_info_get(fd_fee_lookup_info *out, const fd_fee_lookup *lookup)
{
    static const char fn[] = "fd_fee_lookup_info_get";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "lookup", lookup);
    if (rc == FD_OK)
        *out = lookup->info;
    return rc;
}

fd_status fd_fee_lookup_bill_at(fd_fee_lookup_bill *out, const fd_fee_lookup *lookup, size_t index)
{
    static const char fn[] = "fd_fee_lookup_bill_at";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "lookup", lookup);
    if (rc == FD_OK && index >= lookup->info.bills)
        rc = fd__error(FD_ERANGE, "%s: index: %zu, the look-up has %zu open bills", fn, index, lookup->info.bills);
    if (rc == FD_OK)
        *out = lookup->bills[index];
    return rc;
}

static char *dup_text(const char *t)
{
    size_t n = strlen(t ? t : "");
    char *c = malloc(n + 1);
    if (c)
        memcpy(c, t ? t : "", n + 1);
    return c;
}

static fd_date parse_day(const char *t)
{
    fd_date d = { 0, 0, 0 };
    if (t == NULL || fd_date_parse(&d, t) != FD_OK)
        d = (fd_date){ 0, 0, 0 };
    return d;
}

static const char SQL_OWNER[] =
    "SELECT id, name FROM occupants WHERE unit_id = ?1 AND role = 'owner' AND move_in <= ?2 "
    "AND (move_out IS NULL OR move_out > ?2) ORDER BY move_in DESC, id DESC LIMIT 1";
static const char SQL_LOOKUP_BILLS[] =
    "SELECT id, period_start, period_end, due_on, amount, adjusted, paid FROM bills "
    "WHERE unit_id = ?1 AND amount + adjusted - paid > 0 ORDER BY due_on, id";

fd_status fd_store_fee_lookup(fd_fee_lookup **out, fd_store *store, const fd_actor *actor, int64_t unit_id,
                              fd_date as_of)
{
    static const char fn[] = "fd_store_fee_lookup";
    fd_store *s = store;
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "store", store);
    fd__actor_info info;
    if (rc == FD_OK)
        rc = fd__actor_check(store, fn, actor, &info);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "as_of", as_of);
    if (rc)
        return rc;
    *out = NULL;
    fd_fee_lookup *l = calloc(1, sizeof *l);
    if (l == NULL)
        return fd__oom(fn);
    l->info.unit_id = unit_id;
    char day[11];
    day_text(day, as_of);
    sqlite3_stmt *st = fd__store_stmt(s, fn, SQL_UNIT_AT_SITE);
    rc = st ? FD_OK : fd_error_last()->code;
    if (st) {
        sqlite3_bind_int64(st, 1, unit_id);
        sqlite3_bind_int64(st, 2, actor->site_id);
        int src = sqlite3_step(st);
        if (src == SQLITE_ROW)
            l->number = dup_text(COL_TEXT(st, 0));
        sqlite3_reset(st);
        if (src == SQLITE_DONE)
            rc = fd__error(FD_ENOTFOUND, "%s: unit_id: no unit %lld at the actor's site", fn, (long long)unit_id);
        else if (src != SQLITE_ROW)
            rc = fd__store_sqlerr(s, fn, src, "reading the unit");
        else if (l->number == NULL)
            rc = fd__oom(fn);
    }
    int64_t occupant = 0;
    bool mask = false;
    if (rc == FD_OK && (st = fd__store_stmt(s, fn, SQL_OWNER)) != NULL) {
        sqlite3_bind_int64(st, 1, unit_id);
        sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
        fd_buf masked = FD_BUF_INIT;
        if (sqlite3_step(st) == SQLITE_ROW) {
            occupant = sqlite3_column_int64(st, 0);
            const char *name = COL_TEXT(st, 1) ? COL_TEXT(st, 1) : "";
            /* R-COM-2: names are masked as the record engine masks them (pii.mask_names) */
            const fd_policy *policy = NULL;
            rc = fd__store_policy(&policy, s, fn, actor->site_id);
            mask = rc == FD_OK && fd__policy_value(policy, FD__POL_PII_MASK_NAMES) != 0;
            if (rc == FD_OK)
                rc = mask && !info.reveal ? fd_pii_mask(&masked, FD_PII_NAME, name) : fd__buf_puts(&masked, name);
        }
        sqlite3_reset(st);
        l->owner = rc == FD_OK ? dup_text(masked.ptr ? masked.ptr : "") : NULL;
        fd_buf_dispose(&masked);
        if (rc == FD_OK && l->owner == NULL)
            rc = fd__oom(fn);
    } else if (rc == FD_OK) {
        rc = fd_error_last()->code;
    }
    if (rc == FD_OK && (st = fd__store_stmt(s, fn, SQL_ACCOUNT_READ)) != NULL) {
        sqlite3_bind_int64(st, 1, unit_id);
        if (sqlite3_step(st) == SQLITE_ROW) {
            l->info.rev = sqlite3_column_int64(st, 0);
            l->info.balance = sqlite3_column_int64(st, 1);
        }
        sqlite3_reset(st);
    } else if (rc == FD_OK) {
        rc = fd_error_last()->code;
    }
    if (rc == FD_OK)
        rc = int_of(&l->info.paid, s, fn, "SELECT coalesce(sum(paid), 0) FROM bills WHERE unit_id = ?1",
                    "reading what the unit paid", unit_id, NULL);
    if (rc == FD_OK && (st = fd__store_stmt(s, fn, SQL_LOOKUP_BILLS)) != NULL) {
        sqlite3_bind_int64(st, 1, unit_id);
        size_t cap = 0;
        int src;
        while ((src = sqlite3_step(st)) == SQLITE_ROW) {
            if (l->info.bills == cap) {
                size_t ncap = cap ? cap * 2 : 8;
                fd_fee_lookup_bill *nb = realloc(l->bills, ncap * sizeof *nb);
                if (nb == NULL) {
                    rc = fd__oom(fn);
                    break;
                }
                l->bills = nb;
                cap = ncap;
            }
            fd_fee_lookup_bill *b = &l->bills[l->info.bills++];
            b->bill_id = sqlite3_column_int64(st, 0);
            b->period_start = parse_day(COL_TEXT(st, 1));
            b->period_end = parse_day(COL_TEXT(st, 2));
            b->due_on = parse_day(COL_TEXT(st, 3));
            b->amount = sqlite3_column_int64(st, 4);
            b->adjusted = sqlite3_column_int64(st, 5);
            b->paid = sqlite3_column_int64(st, 6);
            b->outstanding = b->amount + b->adjusted - b->paid;
            const char *due = COL_TEXT(st, 3);
            b->overdue = due != NULL && strcmp(due, day) < 0;
            l->info.outstanding += b->outstanding;
        }
        if (rc == FD_OK && src != SQLITE_DONE)
            rc = fd__store_sqlerr(s, fn, src, "reading the open bills");
        sqlite3_reset(st);
    } else if (rc == FD_OK) {
        rc = fd_error_last()->code;
    }
    if (rc == FD_OK && mask && info.reveal && occupant > 0) {
        /* R-COM-2: each reveal is logged */
        bool sp;
        rc = fd__store_write_begin(s, fn, &sp);
        if (rc == FD_OK) {
            rc = fd__reveal_log(s, fn, actor, "occupant", occupant, "name");
            rc = fd__store_write_end(s, fn, sp, rc);
        }
    }
    if (rc) {
        fd_fee_lookup_free(l);
        return rc;
    }
    l->info.unit_number = l->number;
    l->info.owner = l->owner;
    *out = l;
    return FD_OK;
}
