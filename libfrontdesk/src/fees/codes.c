/*
 * The fees module's code lists (frontdesk/fees.h file comment): every code a
 * fees record holds, with its Chinese label and the other words a desk types
 * for it. One table for the whole module: billing, the cash desk and dunning
 * all label and parse through fd_fee_code_label() / fd_fee_code_parse().
 */
#include "internal.h"
#include "frontdesk/fees.h"

#include <string.h>

static const fd__code KIND[] = {
    { "area", "按面积", { "面积", "按建筑面积", NULL } },
    { "fixed", "固定金额", { "固定", "定额", NULL } },
    { "metered", "按用量", { "抄表", "计量", "用量", NULL } },
    { "service", "有偿服务", { "服务", "特约服务", NULL } },
    { "agency", "代收代办", { "代收", "代收代办费", "代办", NULL } },
    { "waste", "装修垃圾清运", { "装修垃圾", "垃圾清运", "装修垃圾清运费", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code PERIOD[] = {
    { "month", "月", { "月度", "按月", "每月", NULL } },
    { "quarter", "季", { "季度", "按季", "每季", NULL } },
    { "year", "年", { "年度", "按年", "每年", NULL } },
    { "once", "一次性", { "单次", "一次", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code LINE[] = {
    { "charge", "收费", { "应收", "费用", NULL } },
    { "discount", "优惠", { "折扣", "减免", NULL } },
    { "late_fee", "滞纳金", { "违约金", NULL } },
    { NULL, NULL, { NULL } },
};
/* In the order of fd_money_round: fd_fee_rounding_mode() gives the index. */
static const fd__code ROUNDING[] = {
    { "half_up", "四舍五入", { NULL } },
    { "half_even", "银行家舍入", { "四舍六入五成双", NULL } },
    { "down", "去尾", { "舍去", "抹零", NULL } },
    { "up", "进一", { "进位", NULL } },
    { "floor", "向下取整", { NULL } },
    { "ceiling", "向上取整", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code BILL_STATE[] = {
    { "open", "未缴", { "未缴费", "欠费", NULL } },
    { "partial", "部分缴纳", { "部分缴费", "部分已缴", NULL } },
    { "paid", "已缴清", { "已缴", "已缴费", "结清", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code METHOD[] = {
    { "cash", "现金", { NULL } },
    { "card", "刷卡", { "银行卡", "POS", NULL } },
    { "transfer", "银行转账", { "转账", "汇款", NULL } },
    { "wechat", "微信", { "微信支付", NULL } },
    { "alipay", "支付宝", { NULL } },
    { "balance", "预存抵扣", { "预存", "余额", "预存款", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code SERIES_KIND[] = {
    { "book", "纸质票据本", { "纸质", "票据本", "收据本", NULL } },
    { "electronic", "电子票据", { "电子", "电子收据", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code RECEIPT_STATE[] = {
    { "issued", "已开", { "已开具", "开具", NULL } },
    { "prepared", "已预开", { "预开", NULL } },
    { "returned", "已交回", { "交回", "退回", NULL } },
    { "voided", "已作废", { "作废", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code REFUND_STATE[] = {
    { "requested", "待审批", { "申请", "已申请", NULL } },
    { "approved", "已批准", { "批准", "同意", NULL } },
    { "refused", "已拒绝", { "拒绝", "驳回", NULL } },
    { "paid", "已退款", { "退款", "已退", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code STEP[] = {
    { "reminder", "电话短信提醒", { "提醒", "电话提醒", "短信提醒", NULL } },
    { "letter", "正式催缴函", { "催缴函", "催款函", NULL } },
    { "visit", "上门催缴", { "上门", NULL } },
    { "legal", "法律途径", { "诉讼", "起诉", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code CHANNEL[] = {
    { "phone", "电话", { NULL } },
    { "sms", "短信", { NULL } },
    { "express", "特快专递", { "快递", "EMS", NULL } },
    { "visit", "上门", { "登门", NULL } },
    { "lawyer", "律师函", { "律师", NULL } },
    { "court", "诉讼", { "法院", "起诉", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code BUCKET[] = {
    { "d0_30", "30天以内", { NULL } },
    { "d31_90", "31至90天", { NULL } },
    { "d91_180", "91至180天", { NULL } },
    { "d181_365", "181至365天", { NULL } },
    { "over_365", "一年以上", { "365天以上", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code NOTICE[] = {
    { "payment", "缴款通知书", { "缴费通知", "缴款通知", NULL } },
    { "dunning", "催款通知书", { "催缴通知", "催款通知", "催缴通知书", NULL } },
    { NULL, NULL, { NULL } },
};

static const fd__code_list LISTS[] = {
    { "kind", KIND },
    { "period", PERIOD },
    { "line", LINE },
    { "rounding", ROUNDING },
    { "bill_state", BILL_STATE },
    { "method", METHOD },
    { "series_kind", SERIES_KIND },
    { "receipt_state", RECEIPT_STATE },
    { "refund_state", REFUND_STATE },
    { "step", STEP },
    { "channel", CHANNEL },
    { "bucket", BUCKET },
    { "notice", NOTICE },
};
static const fd__code_lists CODES = { LISTS, sizeof LISTS / sizeof LISTS[0] };

const char *fd_fee_code_label(const char *field, const char *code)
{
    return fd__code_label(&CODES, field, code);
}

fd_status fd_fee_code_parse(fd_buf *out, const char *field, const char *text)
{
    return fd__code_parse(out, &CODES, "fd_fee_code_parse", field, text);
}

fd_status fd_fee_rounding_mode(int *out, const char *code)
{
    static const char fn[] = "fd_fee_rounding_mode";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__code_check(&CODES, fn, "code", "rounding", code, false);
    if (rc)
        return rc;
    for (int i = 0; ROUNDING[i].code; i++)
        if (strcmp(ROUNDING[i].code, code) == 0) {
            *out = i;
            return FD_OK;
        }
    return fd__error(FD_EINVAL, "%s: code: not a rounding", fn); /* not reached: checked above */
}

const char *fd_fee_rounding_code(int mode)
{
    return mode >= 0 && mode < (int)(sizeof ROUNDING / sizeof ROUNDING[0]) - 1 ? ROUNDING[mode].code : NULL;
}
