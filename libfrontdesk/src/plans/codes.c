/*
 * The plans module's code lists (frontdesk/plans.h, issue 15): every list of
 * the file comment of plans.h, with its Chinese label and the words desks use
 * for it. Repairs, callbacks and visit plans all parse and label through
 * these two functions; the lists are the table the other plans sources check
 * codes against (src/plans/plans_internal.h).
 */
#include "internal.h"
#include "plans_internal.h"
#include "frontdesk/plans.h"

/*
 * Aliases are words desks use for one code only within a list: 维修 is the
 * repair_state's nothing (a repair is all maintenance), 回访 is a step and the
 * state followed_up is 已回访. 来电 is a repair channel's phone and a
 * callback source's call: each list is its own.
 */
static const fd__code CHANNEL[] = {
    { "phone", "电话", { "来电", "电话报修", NULL } },
    { "walk_in", "来访", { "上门", "到访", "前台", NULL } },
    { "wechat", "微信", { "微信报修", "公众号", NULL } },
    { "patrol", "巡检", { "巡查", "巡楼", NULL } },
    { "other", "其他", { "其它", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code CATEGORY[] = {
    { "safety", "安全设施", { "安全", "消防", "安全隐患", NULL } },
    { "leak", "渗漏", { "漏水", "渗水", "防水", NULL } },
    { "electrical", "电气", { "电器", "电路", "强电", NULL } },
    { "plumbing", "给排水", { "水管", "管道", "下水", NULL } },
    { "other", "其他", { "其它", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code REPAIR_STATE[] = {
    { "received", "已受理", { "受理", "待派单", NULL } },
    { "dispatched", "已派单", { "待接单", NULL } },
    { "accepted", "已接单", { "维修中", "处理中", NULL } },
    { "paused", "暂停待料", { "待料", "已暂停", NULL } },
    { "done", "已完工", { "完工", "待回访", NULL } },
    { "followed_up", "已回访", { NULL } },
    { "closed", "已关单", { "关单", "已关闭", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code REPAIR_STEP[] = {
    { "receive", "受理", { "登记", NULL } },
    { "dispatch", "派单", { "派工", "分派", NULL } },
    { "accept", "接单", { "接工", NULL } },
    { "transfer", "转单", { "转派", NULL } },
    { "return", "退单", { "退回", NULL } },
    { "pause", "暂停", { "待料", NULL } },
    { "resume", "恢复", { "继续", NULL } },
    { "done", "完工", { "完成", "修好", NULL } },
    { "leak_test", "闭水试验", { "闭水", "蓄水试验", NULL } },
    { "followup", "回访", { NULL } },
    { "rework", "返修", { "返工", NULL } },
    { "close", "关单", { "关闭", NULL } },
    { "close_undone", "未完成关单", { "未修关单", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code ASSIGNMENT[] = {
    { "desk", "前台派单", { "前台", "人工派单", NULL } },
    { "round_robin", "轮流", { "轮派", "轮流派单", NULL } },
    { "least_open", "最少在办", { "最少工单", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code METHOD[] = {
    { "visit", "上门", { "上门回访", "面访", NULL } },
    { "phone", "电话", { "电话回访", "来电", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code RESULT[] = {
    { "fixed", "已修好", { "修好", "已解决", NULL } },
    { "not_fixed", "未修好", { "没修好", "未解决", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code SATISFACTION[] = {
    { "satisfied", "满意", { "很满意", NULL } },
    { "average", "一般", { "基本满意", NULL } },
    { "unsatisfied", "不满意", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code SOURCE[] = {
    { "call", "来电", { "电话", NULL } },
    { "complaint", "投诉", { NULL } },
    { "member", "会员客户", { "会员", NULL } },
    { "repair", "报修", { "维修", NULL } },
    { "question", "待答复问题", { "问题", "拜访问题", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code ATTEMPT[] = {
    { "no_answer", "无人接听", { "未接", "未接听", NULL } },
    { "busy", "占线", { "忙线", NULL } },
    { "done", "已回访", { "接通", "已联系", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code RECURRENCE[] = {
    { "once", "一次", { "单次", NULL } },
    { "weekly", "每周", { "周", NULL } },
    { "monthly", "每月", { "月", NULL } },
    { "working_days", "每N个工作日", { "每n个工作日", "工作日", "按工作日", NULL } }, /* the label as folded */
    { NULL, NULL, { NULL } },
};
static const fd__code VISIT_STATE[] = {
    { "planned", "已预约", { "预约", "待拜访", NULL } },
    { "done", "已拜访", { "拜访", NULL } },
    { "missed", "未拜访", { "错过", NULL } },
    { "cancelled", "已取消", { "取消", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code FOLLOWUP_STATE[] = {
    { "open", "待回访", { "未回访", NULL } },
    { "done", "已回访", { "回访完成", NULL } },
    { "superseded", "已作废", { "作废", "返修重访", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code CALLBACK_STATE[] = {
    { "open", "待回访", { "未回访", NULL } },
    { "done", "已回访", { "回访完成", NULL } },
    { "closed", "已关闭", { "关闭", "未联系上", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code_list LISTS[] = {
    { "channel", CHANNEL },
    { "category", CATEGORY },
    { "repair_state", REPAIR_STATE },
    { "repair_step", REPAIR_STEP },
    { "assignment", ASSIGNMENT },
    { "method", METHOD },
    { "result", RESULT },
    { "satisfaction", SATISFACTION },
    { "source", SOURCE },
    { "attempt", ATTEMPT },
    { "recurrence", RECURRENCE },
    { "visit_state", VISIT_STATE },
    { "followup_state", FOLLOWUP_STATE },
    { "callback_state", CALLBACK_STATE },
};
const fd__code_lists fd__plan_codes = { LISTS, sizeof LISTS / sizeof LISTS[0] };

const char *fd_plan_code_label(const char *field, const char *code)
{
    return fd__code_label(&fd__plan_codes, field, code);
}

fd_status fd_plan_code_parse(fd_buf *out, const char *field, const char *text)
{
    return fd__code_parse(out, &fd__plan_codes, "fd_plan_code_parse", field, text);
}
