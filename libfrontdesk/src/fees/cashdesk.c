/*
 * The cash desk's pure rules (frontdesk/fees.h, "Receipts and reconciliation"):
 * what a payment must carry at the desk and the change it gives (R-FEE-3),
 * the payment methods, and the gaps of a receipt series (R-FEE-4). No SQLite,
 * no store: the store's payments (store/fees_cash.c) call these, and so can a
 * Java suite with its own database. Money is int64 fen, never a double.
 */
#include "internal.h"
#include "frontdesk/fees.h"

#include <string.h>

fd_status fd_fee_method_check(const char *method)
{
    static const char fn[] = "fd_fee_method_check";
    /* the `method` code list (codes.c): cash, card, transfer, wechat, alipay, balance */
    if (method != NULL && fd_fee_code_label("method", method) != NULL)
        return FD_OK;
    return fd__error(FD_EINVAL,
                     "%s: method: expected cash 现金, card 刷卡, transfer 银行转账, wechat 微信, alipay 支付宝 or balance "
                     "预存抵扣",
                     fn);
}

fd_status fd_fee_payment_desk_check(int64_t *out_change, const fd_payment *p)
{
    static const char fn[] = "fd_fee_payment_desk_check";
    fd_status rc = fd__check_ptr(fn, "out_change", out_change);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "payment", p);
    if (rc == FD_OK)
        rc = fd_payment_check(p);
    if (rc)
        return rc;
    if (fd_fee_method_check(p->method) != FD_OK)
        return fd__error(FD_EINVAL, "%s: payment.method: expected cash, card, transfer, wechat, alipay or balance",
                         fn);
    if (p->amount <= 0)
        return fd__error(FD_EINVAL, "%s: payment.amount: must be more than 0 fen (R-FEE-3)", fn);
    if (p->amount > FD_FEE_PAYMENT_MAX)
        return fd__error(FD_ERANGE, "%s: payment.amount: more than 99,999,999.99 yuan, the most the desk takes", fn);
    bool cash = strcmp(p->method, "cash") == 0;
    if (cash) {
        if (p->tendered < p->amount)
            return fd__error(FD_EINVAL, "%s: payment.tendered: less than the amount (cash is counted in front of the "
                             "customer, R-FEE-3)", fn);
        if (p->tendered > FD_FEE_PAYMENT_MAX)
            return fd__error(FD_ERANGE, "%s: payment.tendered: more than 99,999,999.99 yuan", fn);
    } else if (p->tendered != 0) {
        return fd__error(FD_EINVAL, "%s: payment.tendered: only cash is tendered (0 for %s)", fn, p->method);
    }
    bool needs_ref = !cash && strcmp(p->method, "balance") != 0;
    if (needs_ref && (p->reference == NULL || p->reference[0] == '\0'))
        return fd__error(FD_EINVAL, "%s: payment.reference: required for %s (the slip's or transaction's reference)",
                         fn, p->method);
    *out_change = cash ? p->tendered - p->amount : 0;
    return FD_OK;
}

static fd_status put_range(fd_buf *out, bool *first, int64_t a, int64_t b)
{
    fd_status rc = *first ? FD_OK : fd__buf_puts(out, ", ");
    *first = false;
    if (rc == FD_OK)
        rc = a == b ? fd__buf_printf(out, "%lld", (long long)a) : fd__buf_printf(out, "%lld-%lld", (long long)a,
                                                                                   (long long)b);
    return rc;
}

fd_status fd_fee_receipt_gaps(fd_buf *out, int64_t *out_missing, const int64_t *numbers, size_t count,
                              int64_t first_no, int64_t next_no)
{
    static const char fn[] = "fd_fee_receipt_gaps";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK && count > 0)
        rc = fd__check_ptr(fn, "numbers", numbers);
    if (rc)
        return rc;
    fd__buf_clear(out);
    if (first_no < 1 || next_no < first_no)
        return fd__error(FD_EINVAL, "%s: next_no: expected first_no >= 1 and next_no >= first_no", fn);
    int64_t expect = first_no, missing = 0;
    bool first = true;
    for (size_t i = 0; i < count && rc == FD_OK; i++) {
        int64_t n = numbers[i];
        if (n < expect || n >= next_no) {
            fd__buf_clear(out);
            return fd__error(FD_EDATA, "%s: numbers: %lld is repeated, out of order or outside [%lld, %lld)", fn,
                             (long long)n, (long long)first_no, (long long)next_no);
        }
        if (n > expect) {
            rc = put_range(out, &first, expect, n - 1);
            missing += n - expect;
        }
        expect = n + 1;
    }
    if (rc == FD_OK && expect < next_no) {
        rc = put_range(out, &first, expect, next_no - 1);
        missing += next_no - expect;
    }
    if (rc) {
        fd__buf_clear(out);
        return rc;
    }
    if (out_missing)
        *out_missing = missing;
    return FD_OK;
}
