/**
 * @file frontdesk/complaints.h
 * @brief Complaints (issue 13): the record, its lifecycle as a state machine,
 *        targets per severity each on its own clock, escalation, the
 *        reply-phrase check (R-CPL-1 … R-CPL-7, R-CALL-9, R-COM-3 … R-COM-5).
 *
 * Everything here is pure: records as values and the rules over them (which
 * step a complaint in a state may take, which targets a severity sets and
 * what each one's clock says after replaying the stored events, whether an
 * escalation may fire now, which forbidden phrases a reply holds), usable
 * without the library's store — a Java suite with its own database calls
 * them. The store's side (registering, the steps, the breach queue, the
 * escalation run, the end-of-day list, monthly statistics) is in
 * frontdesk/store.h.
 *
 * Codes. The records hold lower-case English codes; fd_complaint_code_label()
 * gives the Chinese label and fd_complaint_code_parse() takes either:
 * - `channel` (R-COM-5): phone 电话, walk_in 来访, letter 信函, email 电子邮件,
 *   sms 短信, other 其他;
 * - `category` (built in; a site adds its own, complaint_category):
 *   repair 维修, security 安保, cleaning 保洁, fees 收费, attitude 服务态度,
 *   environment 环境, parking 停车, noise 噪音, other 其他;
 * - `severity` (R-CPL-2): major 重大, important 重要, minor 轻微;
 * - `state` (R-CPL-3): registered 已登记, assessed 已评估, assigned 已派单,
 *   investigating 调查中, proposed 已提方案, chosen 已定方案, implemented 已处理,
 *   followed_up 已回访, closed 已结案;
 * - `validity`: valid 有效, invalid 无效;
 * - `step` (an event's kind): register 登记, assess 评估, assign 派单,
 *   investigate 调查, propose 提出方案, choose 选定方案, implement 实施,
 *   followup 回访, close 结案, reopen 重开, pause 暂停, resume 恢复,
 *   contact 首次联系, answer 明确答复, report 部门反馈, reply 答复结果,
 *   escalate 升级, severity 调整级别, harm 危害持续, harm_cleared 危害已止;
 * - `target` (R-CPL-2, R-CPL-4): director 报主任, escalate 报部门主管,
 *   answer 明确答复, resolve 解决, reply 当日答复结果;
 * - `satisfaction` (回访): satisfied 满意, average 一般, unsatisfied 不满意.
 *
 * The lifecycle (R-CPL-3). registered —assess→ assessed (valid) or closed
 * (invalid: the explanation is the note) —assign→ assigned (a department and
 * the time promised to the customer) —investigate→ investigating (cause,
 * person responsible) —propose→ proposed (one or more solutions) —choose→
 * chosen (a supervisor picks one) —implement→ implemented (the customer told
 * and the acceptance signed: `accepted`, kept as `accepted_at`) —followup→ followed_up (回访, satisfaction) —close→ closed;
 * reopen from followed_up or closed goes back to assigned (an invalid
 * complaint to registered, to be assessed again). Steps that do not
 * move the state: pause and resume (waiting for the customer), contact,
 * answer, report, reply (R-CPL-4), escalate (also once followed up: an
 * unsatisfied customer's complaint taken higher before it is closed or
 * reopened), severity, harm, harm_cleared, and propose again while proposed. A step not allowed in the present state
 * is ::FD_ESTATE naming the state and the steps it allows; so are pause while
 * waiting, resume while not, implement or an invalid assessment while waiting
 * (resume first), harm while flagged, harm_cleared while not, close while harm
 * goes on (R-CPL-5), reply before the department's report (R-CPL-4); a
 * severity step to the severity it has is ::FD_EINVAL naming `step.severity`.
 *
 * Targets (R-CPL-2, R-CPL-4): each is a clock of its own — a start (the
 * received time; a reply's is the department's report), a deadline policy key
 * (amount and unit on the site's working calendar), the steps that meet it,
 * and whether waiting for the customer pauses it:
 *
 * | severity  | target   | policy key                              | met by            | paused by waiting |
 * |-----------|----------|-----------------------------------------|-------------------|-------------------|
 * | major     | director | complaint.major.escalate_days (same day)| escalate director | no                |
 * | major     | answer   | complaint.major.answer_days             | answer            | no                |
 * | major     | resolve  | complaint.major.resolve_days            | implement         | yes               |
 * | important | escalate | complaint.important.escalate_minutes    | escalate escalate | no                |
 * | important | resolve  | complaint.important.resolve_days        | implement         | yes               |
 * | minor     | resolve  | complaint.minor.resolve_days or the customer's deadline, the earlier | implement | yes |
 * | any       | reply    | complaint.result_notify_days (same day), from the report | reply | no          |
 *
 * Closing (an invalid assessment, close) ends every clock still running;
 * reopen reopens the resolve target (the time it stood met does not count)
 * and the reply target (restarted by the department's next report).
 * Paused time is never kept in a counter: a target's clock is rebuilt from the
 * complaint's stored events (fd_complaint_target_eval()), so replaying them
 * always gives the stored target. Instants are int64 UTC seconds.
 */
#ifndef FRONTDESK_COMPLAINTS_H
#define FRONTDESK_COMPLAINTS_H

#include "common.h"
#include "policy.h"
#include "calendar.h"

#ifdef __cplusplus
extern "C" {
#endif

/* @generated records:complaints begin (scripts/gen/records.py from libfrontdesk/records/complaints.rec; do not edit) */

/** 投诉: One complaint: what happened, where, about whom, what the customer asks for; its severity, state and targets. (R-CPL-1) Strings are owned by the iterator or the
 *  record they came from; fd_complaint_free() frees a record from fd_store_complaint_get(). */
typedef struct fd_complaint {
    unsigned int version; /**< ::FD_COMPLAINT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-CPL-1) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who registered it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was registered (UTC seconds) (R-COM-1) */
    int64_t received_at; /**< 受理时间: when the customer made it (not after the registration); every target counts from it (UTC seconds) (R-CPL-1) */
    const char *channel; /**< 渠道: phone, walk_in, letter, email, sms, other, at most 16 bytes (R-COM-5) */
    const char *category; /**< 类别: the site's complaint category: repair, security, cleaning, fees, attitude, environment, parking, noise, other, or one the site added, at most 32 bytes (R-COM-5) */
    const char *severity; /**< 严重程度: major (重大), important (重要) or minor (轻微), at most 16 bytes (R-CPL-2) */
    const char *place; /**< 地点: where it happened, at most 200 bytes (R-CPL-1) */
    int64_t unit_id; /**< 房屋: the unit concerned, 0 = none (R-CPL-1) */
    const char *subject; /**< 被投诉对象: the person or department complained about, as the customer named them, at most 200 bytes; personal data (free_text), masked on output (R-CPL-1) */
    int64_t subject_department; /**< 被投诉部门: the department complained about, 0 = not known (R-CPL-1) */
    const char *what; /**< 投诉内容: what happened, in the customer's words, at most 2000 bytes; personal data (free_text), masked on output (R-CPL-1) */
    const char *asks; /**< 客户诉求: what the customer asks for, at most 1000 bytes; personal data (free_text), masked on output (R-CPL-1) */
    const char *customer; /**< 投诉人: the customer's name as given, at most 100 bytes; personal data (name), masked on output (R-CPL-1) */
    int64_t occupant_id; /**< 住户: the customer as an occupant of the register, 0 = not one (R-CPL-1) */
    const char *contact; /**< 联系电话: the customer's number as typed, stored normalised; masked on output, at most 64 bytes; personal data (phone), masked on output (R-CPL-1) */
    int64_t customer_due; /**< 客户要求期限: a minor complaint: the deadline the customer asked for (the resolve target is the earlier of it and the policy's), 0 = none (UTC seconds) (R-CPL-2) */
    int64_t call_id; /**< 来电: the call it came from, 0 = none (R-CPL-1) */
    int64_t visit_id; /**< 来访: the visit it came from, 0 = none (R-CPL-1) */
    int harm; /**< 危害持续: 1: something is still causing harm: it is stopped first, and the complaint heads the queue until cleared (R-CPL-5) */
    const char *state; /**< 状态: registered, assessed, assigned, investigating, proposed, chosen, implemented, followed_up, closed (set by the store), at most 16 bytes (R-CPL-3) */
    const char *validity; /**< 有效性: valid or invalid once assessed, empty before (set by the store), at most 8 bytes (R-CPL-1) */
    int waiting; /**< 等待客户: 1 while the desk waits for the customer: pauses the targets that pause for it (set by the store) (R-CPL-2) */
    int64_t department_id; /**< 责任部门: the department it is assigned to (set by the store) (R-CPL-3) */
    int64_t promised_at; /**< 承诺时间: the time promised to the customer at assignment, 0 = none (set by the store) (UTC seconds) (R-CPL-3) */
    const char *cause; /**< 原因: the cause found (set by the store), at most 1000 bytes; personal data (free_text), masked on output (R-CPL-3) */
    const char *responsible; /**< 责任人: the person responsible (set by the store), at most 100 bytes; personal data (name), masked on output (R-CPL-3) */
    const char *solution; /**< 处理方案: the solution the supervisor chose (set by the store), at most 1000 bytes; personal data (free_text), masked on output (R-CPL-3) */
    const char *satisfaction; /**< 满意度: from the follow-up call (回访): satisfied, average, unsatisfied (set by the store), at most 16 bytes (R-CPL-3) */
    int64_t reopened; /**< 重开次数: how many times it was reopened (set by the store) (R-CPL-3) */
    int64_t contacted_at; /**< 首次联系: when the responsible department first contacted the customer, 0 = not yet (set by the store) (UTC seconds) (R-CPL-4) */
    int64_t reported_at; /**< 部门反馈: when the department reported back to the desk, 0 = not yet (set by the store) (UTC seconds) (R-CPL-4) */
    int64_t replied_at; /**< 结果答复: when the desk told the customer the result, 0 = not yet (set by the store) (UTC seconds) (R-CPL-4) */
    int64_t accepted_at; /**< 验收时间: when the customer, told of the work done, signed its acceptance (the implement step), 0 = not yet (set by the store) (UTC seconds) (R-CPL-3) */
    int64_t closed_at; /**< 结案时间: when it was closed, 0 = open (set by the store) (UTC seconds) (R-CPL-3) */
} fd_complaint;
/** The current version of ::fd_complaint. */
#define FD_COMPLAINT_VERSION 1
/** An empty ::fd_complaint to fill in. */
#define FD_COMPLAINT_INIT { FD_COMPLAINT_VERSION, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, NULL, 0, NULL, NULL, NULL, 0, NULL, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0 }
/** Fills @p rec with ::FD_COMPLAINT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_complaint_init(fd_complaint *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`complaint.<field>: ...`).
 */
FD_API fd_status fd_complaint_check(const fd_complaint *rec);
/** Frees a record from fd_store_complaint_get(). NULL is a no-op. */
FD_API void fd_complaint_free(fd_complaint *rec);

/* Bits of fd_complaint_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_COMPLAINT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_COMPLAINT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_COMPLAINT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_COMPLAINT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_COMPLAINT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_COMPLAINT_MATCH_RECEIVED_AT_FROM (UINT64_C(1) << 5) /**< filter.received_at_from is set */
#define FD_COMPLAINT_MATCH_RECEIVED_AT_TO (UINT64_C(1) << 6) /**< filter.received_at_to is set */
#define FD_COMPLAINT_MATCH_CHANNEL (UINT64_C(1) << 7) /**< filter.channel is set */
#define FD_COMPLAINT_MATCH_CATEGORY (UINT64_C(1) << 8) /**< filter.category is set */
#define FD_COMPLAINT_MATCH_SEVERITY (UINT64_C(1) << 9) /**< filter.severity is set */
#define FD_COMPLAINT_MATCH_PLACE (UINT64_C(1) << 10) /**< filter.place is set */
#define FD_COMPLAINT_MATCH_UNIT_ID (UINT64_C(1) << 11) /**< filter.unit_id is set */
#define FD_COMPLAINT_MATCH_SUBJECT_DEPARTMENT (UINT64_C(1) << 12) /**< filter.subject_department is set */
#define FD_COMPLAINT_MATCH_CUSTOMER (UINT64_C(1) << 13) /**< filter.customer is set */
#define FD_COMPLAINT_MATCH_OCCUPANT_ID (UINT64_C(1) << 14) /**< filter.occupant_id is set */
#define FD_COMPLAINT_MATCH_CONTACT (UINT64_C(1) << 15) /**< filter.contact is set */
#define FD_COMPLAINT_MATCH_CUSTOMER_DUE_FROM (UINT64_C(1) << 16) /**< filter.customer_due_from is set */
#define FD_COMPLAINT_MATCH_CUSTOMER_DUE_TO (UINT64_C(1) << 17) /**< filter.customer_due_to is set */
#define FD_COMPLAINT_MATCH_CALL_ID (UINT64_C(1) << 18) /**< filter.call_id is set */
#define FD_COMPLAINT_MATCH_VISIT_ID (UINT64_C(1) << 19) /**< filter.visit_id is set */
#define FD_COMPLAINT_MATCH_HARM (UINT64_C(1) << 20) /**< filter.harm is set */
#define FD_COMPLAINT_MATCH_STATE (UINT64_C(1) << 21) /**< filter.state is set */
#define FD_COMPLAINT_MATCH_VALIDITY (UINT64_C(1) << 22) /**< filter.validity is set */
#define FD_COMPLAINT_MATCH_WAITING (UINT64_C(1) << 23) /**< filter.waiting is set */
#define FD_COMPLAINT_MATCH_DEPARTMENT_ID (UINT64_C(1) << 24) /**< filter.department_id is set */
#define FD_COMPLAINT_MATCH_PROMISED_AT_FROM (UINT64_C(1) << 25) /**< filter.promised_at_from is set */
#define FD_COMPLAINT_MATCH_PROMISED_AT_TO (UINT64_C(1) << 26) /**< filter.promised_at_to is set */
#define FD_COMPLAINT_MATCH_RESPONSIBLE (UINT64_C(1) << 27) /**< filter.responsible is set */
#define FD_COMPLAINT_MATCH_SATISFACTION (UINT64_C(1) << 28) /**< filter.satisfaction is set */
#define FD_COMPLAINT_MATCH_REOPENED (UINT64_C(1) << 29) /**< filter.reopened is set */
#define FD_COMPLAINT_MATCH_CONTACTED_AT_FROM (UINT64_C(1) << 30) /**< filter.contacted_at_from is set */
#define FD_COMPLAINT_MATCH_CONTACTED_AT_TO (UINT64_C(1) << 31) /**< filter.contacted_at_to is set */
#define FD_COMPLAINT_MATCH_REPORTED_AT_FROM (UINT64_C(1) << 32) /**< filter.reported_at_from is set */
#define FD_COMPLAINT_MATCH_REPORTED_AT_TO (UINT64_C(1) << 33) /**< filter.reported_at_to is set */
#define FD_COMPLAINT_MATCH_REPLIED_AT_FROM (UINT64_C(1) << 34) /**< filter.replied_at_from is set */
#define FD_COMPLAINT_MATCH_REPLIED_AT_TO (UINT64_C(1) << 35) /**< filter.replied_at_to is set */
#define FD_COMPLAINT_MATCH_ACCEPTED_AT_FROM (UINT64_C(1) << 36) /**< filter.accepted_at_from is set */
#define FD_COMPLAINT_MATCH_ACCEPTED_AT_TO (UINT64_C(1) << 37) /**< filter.accepted_at_to is set */
#define FD_COMPLAINT_MATCH_CLOSED_AT_FROM (UINT64_C(1) << 38) /**< filter.closed_at_from is set */
#define FD_COMPLAINT_MATCH_CLOSED_AT_TO (UINT64_C(1) << 39) /**< filter.closed_at_to is set */
#endif
/** Which complaint records fd_store_complaint_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_complaint_filter {
    unsigned int version; /**< ::FD_COMPLAINT_FILTER_VERSION */
    uint64_t match; /**< `FD_COMPLAINT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t received_at_from; /**< >= (受理时间) */
    int64_t received_at_to; /**< < (受理时间) */
    const char *channel; /**< equal to (渠道) */
    const char *category; /**< equal to (类别) */
    const char *severity; /**< equal to (严重程度) */
    const char *place; /**< equal to (地点) */
    int64_t unit_id; /**< equal to (房屋) */
    int64_t subject_department; /**< equal to (被投诉部门) */
    const char *customer; /**< equal to (投诉人) */
    int64_t occupant_id; /**< equal to (住户) */
    const char *contact; /**< equal to (联系电话) */
    int64_t customer_due_from; /**< >= (客户要求期限) */
    int64_t customer_due_to; /**< < (客户要求期限) */
    int64_t call_id; /**< equal to (来电) */
    int64_t visit_id; /**< equal to (来访) */
    int harm; /**< equal to (危害持续) */
    const char *state; /**< equal to (状态) */
    const char *validity; /**< equal to (有效性) */
    int waiting; /**< equal to (等待客户) */
    int64_t department_id; /**< equal to (责任部门) */
    int64_t promised_at_from; /**< >= (承诺时间) */
    int64_t promised_at_to; /**< < (承诺时间) */
    const char *responsible; /**< equal to (责任人) */
    const char *satisfaction; /**< equal to (满意度) */
    int64_t reopened; /**< equal to (重开次数) */
    int64_t contacted_at_from; /**< >= (首次联系) */
    int64_t contacted_at_to; /**< < (首次联系) */
    int64_t reported_at_from; /**< >= (部门反馈) */
    int64_t reported_at_to; /**< < (部门反馈) */
    int64_t replied_at_from; /**< >= (结果答复) */
    int64_t replied_at_to; /**< < (结果答复) */
    int64_t accepted_at_from; /**< >= (验收时间) */
    int64_t accepted_at_to; /**< < (验收时间) */
    int64_t closed_at_from; /**< >= (结案时间) */
    int64_t closed_at_to; /**< < (结案时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_complaint_filter;
/** The current version of ::fd_complaint_filter. */
#define FD_COMPLAINT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_COMPLAINT_FILTER_INIT { FD_COMPLAINT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, 0, NULL, 0, NULL, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_COMPLAINT_FILTER_INIT for @p version. */
FD_API fd_status fd_complaint_filter_init(fd_complaint_filter *filter, unsigned int version);

/** 投诉处理记录: One step of a complaint (append-only): who did what and when, the state before and after. (R-CPL-3) Strings are owned by the iterator or the
 *  record they came from; fd_complaint_event_free() frees a record from fd_store_complaint_event_get(). */
typedef struct fd_complaint_event {
    unsigned int version; /**< ::FD_COMPLAINT_EVENT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-CPL-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 处理人: who did it, 0 = the system (an escalation run) (R-COM-1) */
    int64_t created_at; /**< 时间: when (UTC seconds) (R-COM-1) */
    int64_t complaint_id; /**< 投诉: the complaint (R-CPL-3) */
    const char *kind; /**< 类型: register, assess, assign, investigate, propose, choose, implement, followup, close, reopen, pause, resume, contact, answer, report, reply, escalate, severity, harm, harm_cleared, at most 16 bytes (R-CPL-3) */
    const char *from_state; /**< 原状态: the state before, at most 16 bytes (R-CPL-3) */
    const char *to_state; /**< 新状态: the state after, at most 16 bytes (R-CPL-3) */
    const char *detail; /**< 详情: what the step carries: the target escalated (director, escalate, answer, resolve, reply), the severities of a change (important>major), the proposal chosen (its event id), the satisfaction, at most 200 bytes (R-CPL-3) */
    int64_t happened_at; /**< 发生时间: when it happened, if before it was recorded (a call noted later); 0 = created_at. The clocks replay this instant (UTC seconds) (R-CPL-3) */
    const char *note; /**< 说明: what was said or done, at most 2000 bytes; personal data (free_text), masked on output (R-CPL-3) */
} fd_complaint_event;
/** The current version of ::fd_complaint_event. */
#define FD_COMPLAINT_EVENT_VERSION 1
/** An empty ::fd_complaint_event to fill in. */
#define FD_COMPLAINT_EVENT_INIT { FD_COMPLAINT_EVENT_VERSION, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, NULL }
/** Fills @p rec with ::FD_COMPLAINT_EVENT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_complaint_event_init(fd_complaint_event *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`complaint_event.<field>: ...`).
 */
FD_API fd_status fd_complaint_event_check(const fd_complaint_event *rec);
/** Frees a record from fd_store_complaint_event_get(). NULL is a no-op. */
FD_API void fd_complaint_event_free(fd_complaint_event *rec);

/* Bits of fd_complaint_event_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_COMPLAINT_EVENT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_COMPLAINT_EVENT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_COMPLAINT_EVENT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_COMPLAINT_EVENT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_COMPLAINT_EVENT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_COMPLAINT_EVENT_MATCH_COMPLAINT_ID (UINT64_C(1) << 5) /**< filter.complaint_id is set */
#define FD_COMPLAINT_EVENT_MATCH_KIND (UINT64_C(1) << 6) /**< filter.kind is set */
#define FD_COMPLAINT_EVENT_MATCH_FROM_STATE (UINT64_C(1) << 7) /**< filter.from_state is set */
#define FD_COMPLAINT_EVENT_MATCH_TO_STATE (UINT64_C(1) << 8) /**< filter.to_state is set */
#define FD_COMPLAINT_EVENT_MATCH_DETAIL (UINT64_C(1) << 9) /**< filter.detail is set */
#define FD_COMPLAINT_EVENT_MATCH_HAPPENED_AT_FROM (UINT64_C(1) << 10) /**< filter.happened_at_from is set */
#define FD_COMPLAINT_EVENT_MATCH_HAPPENED_AT_TO (UINT64_C(1) << 11) /**< filter.happened_at_to is set */
#endif
/** Which complaint_event records fd_store_complaint_event_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_complaint_event_filter {
    unsigned int version; /**< ::FD_COMPLAINT_EVENT_FILTER_VERSION */
    uint64_t match; /**< `FD_COMPLAINT_EVENT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (处理人) */
    int64_t created_at_from; /**< >= (时间) */
    int64_t created_at_to; /**< < (时间) */
    int64_t complaint_id; /**< equal to (投诉) */
    const char *kind; /**< equal to (类型) */
    const char *from_state; /**< equal to (原状态) */
    const char *to_state; /**< equal to (新状态) */
    const char *detail; /**< equal to (详情) */
    int64_t happened_at_from; /**< >= (发生时间) */
    int64_t happened_at_to; /**< < (发生时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_complaint_event_filter;
/** The current version of ::fd_complaint_event_filter. */
#define FD_COMPLAINT_EVENT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_COMPLAINT_EVENT_FILTER_INIT { FD_COMPLAINT_EVENT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_COMPLAINT_EVENT_FILTER_INIT for @p version. */
FD_API fd_status fd_complaint_event_filter_init(fd_complaint_event_filter *filter, unsigned int version);

/** 投诉时限: One target of a complaint with its own clock: due, met or breached, the calendar data that computed it. (R-CPL-2) Strings are owned by the iterator or the
 *  record they came from; fd_complaint_target_free() frees a record from fd_store_complaint_target_get(). */
typedef struct fd_complaint_target {
    unsigned int version; /**< ::FD_COMPLAINT_TARGET_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-CPL-2) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 创建人: who caused it (the registration, a severity change) (R-COM-1) */
    int64_t created_at; /**< 创建时间: when (UTC seconds) (R-COM-1) */
    int64_t complaint_id; /**< 投诉: the complaint (R-CPL-2) */
    const char *target; /**< 时限类型: director (to the director), escalate (to the department supervisor), answer (a clear answer), resolve, reply (the result told, R-CPL-4), at most 16 bytes (R-CPL-2) */
    const char *severity; /**< 严重程度: the severity it was set for, at most 16 bytes (R-CPL-2) */
    const char *policy_key; /**< 政策项: the deadline policy key it counts (complaint.major.resolve_days), at most 64 bytes (R-CPL-2) */
    int64_t amount; /**< 时长: the policy amount (R-CPL-2) */
    const char *unit; /**< 单位: the calendar unit (working_days, clock_minutes, same_day ...), at most 24 bytes (R-CPL-2) */
    int64_t start_at; /**< 起算时间: when its clock started, 0 = not yet (a reply starts when the department reports back) (UTC seconds) (R-CPL-2) */
    int64_t due_at; /**< 到期时间: the deadline as last computed (stored for the queue's index), 0 = not started or paused (UTC seconds) (R-CPL-2) */
    int paused; /**< 暂停: 1 while its clock is paused (R-CPL-2) */
    int64_t met_at; /**< 完成时间: when it was met, or when closing the complaint stopped its clock before (the clock says which: fd_complaint_clock.closed), 0 = open (UTC seconds) (R-CPL-2) */
    int64_t breached_at; /**< 超时时间: when it was first found breached (kept whatever a later recomputation says), 0 = not breached (UTC seconds) (R-CPL-2) */
    int64_t escalated_at; /**< 升级时间: when its breach was escalated, 0 = not (UTC seconds) (R-CPL-2) */
    int64_t superseded_at; /**< 作废时间: when a severity change replaced it, 0 = in force (UTC seconds) (R-CPL-2) */
    const char *data_version; /**< 日历版本: the calendar data version that computed due_at, at most 64 bytes (R-CPL-2) */
    int provisional; /**< 暂定: 1 when due_at rests on provisional holiday data (R-CPL-2) */
    int harm; /**< 危害持续: the complaint's harm flag, copied so the queue's index orders by it (R-CPL-5) */
} fd_complaint_target;
/** The current version of ::fd_complaint_target. */
#define FD_COMPLAINT_TARGET_VERSION 1
/** An empty ::fd_complaint_target to fill in. */
#define FD_COMPLAINT_TARGET_INIT { FD_COMPLAINT_TARGET_VERSION, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0 }
/** Fills @p rec with ::FD_COMPLAINT_TARGET_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_complaint_target_init(fd_complaint_target *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`complaint_target.<field>: ...`).
 */
FD_API fd_status fd_complaint_target_check(const fd_complaint_target *rec);
/** Frees a record from fd_store_complaint_target_get(). NULL is a no-op. */
FD_API void fd_complaint_target_free(fd_complaint_target *rec);

/* Bits of fd_complaint_target_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_COMPLAINT_TARGET_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_COMPLAINT_TARGET_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_COMPLAINT_TARGET_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_COMPLAINT_TARGET_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_COMPLAINT_TARGET_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_COMPLAINT_TARGET_MATCH_COMPLAINT_ID (UINT64_C(1) << 5) /**< filter.complaint_id is set */
#define FD_COMPLAINT_TARGET_MATCH_TARGET (UINT64_C(1) << 6) /**< filter.target is set */
#define FD_COMPLAINT_TARGET_MATCH_SEVERITY (UINT64_C(1) << 7) /**< filter.severity is set */
#define FD_COMPLAINT_TARGET_MATCH_POLICY_KEY (UINT64_C(1) << 8) /**< filter.policy_key is set */
#define FD_COMPLAINT_TARGET_MATCH_AMOUNT (UINT64_C(1) << 9) /**< filter.amount is set */
#define FD_COMPLAINT_TARGET_MATCH_UNIT (UINT64_C(1) << 10) /**< filter.unit is set */
#define FD_COMPLAINT_TARGET_MATCH_START_AT_FROM (UINT64_C(1) << 11) /**< filter.start_at_from is set */
#define FD_COMPLAINT_TARGET_MATCH_START_AT_TO (UINT64_C(1) << 12) /**< filter.start_at_to is set */
#define FD_COMPLAINT_TARGET_MATCH_DUE_AT_FROM (UINT64_C(1) << 13) /**< filter.due_at_from is set */
#define FD_COMPLAINT_TARGET_MATCH_DUE_AT_TO (UINT64_C(1) << 14) /**< filter.due_at_to is set */
#define FD_COMPLAINT_TARGET_MATCH_PAUSED (UINT64_C(1) << 15) /**< filter.paused is set */
#define FD_COMPLAINT_TARGET_MATCH_MET_AT_FROM (UINT64_C(1) << 16) /**< filter.met_at_from is set */
#define FD_COMPLAINT_TARGET_MATCH_MET_AT_TO (UINT64_C(1) << 17) /**< filter.met_at_to is set */
#define FD_COMPLAINT_TARGET_MATCH_BREACHED_AT_FROM (UINT64_C(1) << 18) /**< filter.breached_at_from is set */
#define FD_COMPLAINT_TARGET_MATCH_BREACHED_AT_TO (UINT64_C(1) << 19) /**< filter.breached_at_to is set */
#define FD_COMPLAINT_TARGET_MATCH_ESCALATED_AT_FROM (UINT64_C(1) << 20) /**< filter.escalated_at_from is set */
#define FD_COMPLAINT_TARGET_MATCH_ESCALATED_AT_TO (UINT64_C(1) << 21) /**< filter.escalated_at_to is set */
#define FD_COMPLAINT_TARGET_MATCH_SUPERSEDED_AT_FROM (UINT64_C(1) << 22) /**< filter.superseded_at_from is set */
#define FD_COMPLAINT_TARGET_MATCH_SUPERSEDED_AT_TO (UINT64_C(1) << 23) /**< filter.superseded_at_to is set */
#define FD_COMPLAINT_TARGET_MATCH_DATA_VERSION (UINT64_C(1) << 24) /**< filter.data_version is set */
#define FD_COMPLAINT_TARGET_MATCH_PROVISIONAL (UINT64_C(1) << 25) /**< filter.provisional is set */
#define FD_COMPLAINT_TARGET_MATCH_HARM (UINT64_C(1) << 26) /**< filter.harm is set */
#endif
/** Which complaint_target records fd_store_complaint_target_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_complaint_target_filter {
    unsigned int version; /**< ::FD_COMPLAINT_TARGET_FILTER_VERSION */
    uint64_t match; /**< `FD_COMPLAINT_TARGET_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (创建人) */
    int64_t created_at_from; /**< >= (创建时间) */
    int64_t created_at_to; /**< < (创建时间) */
    int64_t complaint_id; /**< equal to (投诉) */
    const char *target; /**< equal to (时限类型) */
    const char *severity; /**< equal to (严重程度) */
    const char *policy_key; /**< equal to (政策项) */
    int64_t amount; /**< equal to (时长) */
    const char *unit; /**< equal to (单位) */
    int64_t start_at_from; /**< >= (起算时间) */
    int64_t start_at_to; /**< < (起算时间) */
    int64_t due_at_from; /**< >= (到期时间) */
    int64_t due_at_to; /**< < (到期时间) */
    int paused; /**< equal to (暂停) */
    int64_t met_at_from; /**< >= (完成时间) */
    int64_t met_at_to; /**< < (完成时间) */
    int64_t breached_at_from; /**< >= (超时时间) */
    int64_t breached_at_to; /**< < (超时时间) */
    int64_t escalated_at_from; /**< >= (升级时间) */
    int64_t escalated_at_to; /**< < (升级时间) */
    int64_t superseded_at_from; /**< >= (作废时间) */
    int64_t superseded_at_to; /**< < (作废时间) */
    const char *data_version; /**< equal to (日历版本) */
    int provisional; /**< equal to (暂定) */
    int harm; /**< equal to (危害持续) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_complaint_target_filter;
/** The current version of ::fd_complaint_target_filter. */
#define FD_COMPLAINT_TARGET_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_COMPLAINT_TARGET_FILTER_INIT { FD_COMPLAINT_TARGET_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_COMPLAINT_TARGET_FILTER_INIT for @p version. */
FD_API fd_status fd_complaint_target_filter_init(fd_complaint_target_filter *filter, unsigned int version);

/** 投诉类别: A complaint category the site adds to the built-in ones, with the department that usually handles it. (R-COM-5) Strings are owned by the iterator or the
 *  record they came from; fd_complaint_category_free() frees a record from fd_store_complaint_category_get(). */
typedef struct fd_complaint_category {
    unsigned int version; /**< ::FD_COMPLAINT_CATEGORY_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-5) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 添加人: who added it (R-COM-1) */
    int64_t created_at; /**< 添加时间: when (UTC seconds) (R-COM-1) */
    const char *code; /**< 代码: the stored code (lower-case ASCII: lift, greening), at most 32 bytes (R-COM-5) */
    const char *label; /**< 名称: its Chinese name (电梯, 绿化), at most 32 bytes (R-COM-5) */
    int64_t department_id; /**< 默认部门: the department it usually goes to, 0 = none (R-CPL-3) */
    int64_t retired_at; /**< 停用时间: when it stopped being offered, 0 = in use (complaints keep it) (UTC seconds) (R-COM-3) */
} fd_complaint_category;
/** The current version of ::fd_complaint_category. */
#define FD_COMPLAINT_CATEGORY_VERSION 1
/** An empty ::fd_complaint_category to fill in. */
#define FD_COMPLAINT_CATEGORY_INIT { FD_COMPLAINT_CATEGORY_VERSION, 0, 0, 0, 0, NULL, NULL, 0, 0 }
/** Fills @p rec with ::FD_COMPLAINT_CATEGORY_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_complaint_category_init(fd_complaint_category *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`complaint_category.<field>: ...`).
 */
FD_API fd_status fd_complaint_category_check(const fd_complaint_category *rec);
/** Frees a record from fd_store_complaint_category_get(). NULL is a no-op. */
FD_API void fd_complaint_category_free(fd_complaint_category *rec);

/* Bits of fd_complaint_category_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_COMPLAINT_CATEGORY_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_COMPLAINT_CATEGORY_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_COMPLAINT_CATEGORY_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_COMPLAINT_CATEGORY_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_COMPLAINT_CATEGORY_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_COMPLAINT_CATEGORY_MATCH_CODE (UINT64_C(1) << 5) /**< filter.code is set */
#define FD_COMPLAINT_CATEGORY_MATCH_LABEL (UINT64_C(1) << 6) /**< filter.label is set */
#define FD_COMPLAINT_CATEGORY_MATCH_DEPARTMENT_ID (UINT64_C(1) << 7) /**< filter.department_id is set */
#define FD_COMPLAINT_CATEGORY_MATCH_RETIRED_AT_FROM (UINT64_C(1) << 8) /**< filter.retired_at_from is set */
#define FD_COMPLAINT_CATEGORY_MATCH_RETIRED_AT_TO (UINT64_C(1) << 9) /**< filter.retired_at_to is set */
#endif
/** Which complaint_category records fd_store_complaint_category_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_complaint_category_filter {
    unsigned int version; /**< ::FD_COMPLAINT_CATEGORY_FILTER_VERSION */
    uint64_t match; /**< `FD_COMPLAINT_CATEGORY_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (添加人) */
    int64_t created_at_from; /**< >= (添加时间) */
    int64_t created_at_to; /**< < (添加时间) */
    const char *code; /**< equal to (代码) */
    const char *label; /**< equal to (名称) */
    int64_t department_id; /**< equal to (默认部门) */
    int64_t retired_at_from; /**< >= (停用时间) */
    int64_t retired_at_to; /**< < (停用时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_complaint_category_filter;
/** The current version of ::fd_complaint_category_filter. */
#define FD_COMPLAINT_CATEGORY_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_COMPLAINT_CATEGORY_FILTER_INIT { FD_COMPLAINT_CATEGORY_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_COMPLAINT_CATEGORY_FILTER_INIT for @p version. */
FD_API fd_status fd_complaint_category_filter_init(fd_complaint_category_filter *filter, unsigned int version);

/** 服务禁语: A phrase the desk must not use with a complaining customer, added by the site to the built-in list (不行, 不知道, 不可以 ...). (R-CPL-7) Strings are owned by the iterator or the
 *  record they came from; fd_reply_phrase_free() frees a record from fd_store_reply_phrase_get(). */
typedef struct fd_reply_phrase {
    unsigned int version; /**< ::FD_REPLY_PHRASE_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-CPL-7) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 添加人: who added it (R-COM-1) */
    int64_t created_at; /**< 添加时间: when (UTC seconds) (R-COM-1) */
    const char *phrase; /**< 禁语: the phrase as the site writes it (matched after the search fold: full-width, Traditional, white space), at most 64 bytes (R-CPL-7) */
    int64_t retired_at; /**< 停用时间: when it stopped being checked, 0 = in use (UTC seconds) (R-COM-3) */
} fd_reply_phrase;
/** The current version of ::fd_reply_phrase. */
#define FD_REPLY_PHRASE_VERSION 1
/** An empty ::fd_reply_phrase to fill in. */
#define FD_REPLY_PHRASE_INIT { FD_REPLY_PHRASE_VERSION, 0, 0, 0, 0, NULL, 0 }
/** Fills @p rec with ::FD_REPLY_PHRASE_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_reply_phrase_init(fd_reply_phrase *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`reply_phrase.<field>: ...`).
 */
FD_API fd_status fd_reply_phrase_check(const fd_reply_phrase *rec);
/** Frees a record from fd_store_reply_phrase_get(). NULL is a no-op. */
FD_API void fd_reply_phrase_free(fd_reply_phrase *rec);

/* Bits of fd_reply_phrase_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_REPLY_PHRASE_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_REPLY_PHRASE_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_REPLY_PHRASE_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_REPLY_PHRASE_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_REPLY_PHRASE_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_REPLY_PHRASE_MATCH_PHRASE (UINT64_C(1) << 5) /**< filter.phrase is set */
#define FD_REPLY_PHRASE_MATCH_RETIRED_AT_FROM (UINT64_C(1) << 6) /**< filter.retired_at_from is set */
#define FD_REPLY_PHRASE_MATCH_RETIRED_AT_TO (UINT64_C(1) << 7) /**< filter.retired_at_to is set */
#endif
/** Which reply_phrase records fd_store_reply_phrase_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_reply_phrase_filter {
    unsigned int version; /**< ::FD_REPLY_PHRASE_FILTER_VERSION */
    uint64_t match; /**< `FD_REPLY_PHRASE_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (添加人) */
    int64_t created_at_from; /**< >= (添加时间) */
    int64_t created_at_to; /**< < (添加时间) */
    const char *phrase; /**< equal to (禁语) */
    int64_t retired_at_from; /**< >= (停用时间) */
    int64_t retired_at_to; /**< < (停用时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_reply_phrase_filter;
/** The current version of ::fd_reply_phrase_filter. */
#define FD_REPLY_PHRASE_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_REPLY_PHRASE_FILTER_INIT { FD_REPLY_PHRASE_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_REPLY_PHRASE_FILTER_INIT for @p version. */
FD_API fd_status fd_reply_phrase_filter_init(fd_reply_phrase_filter *filter, unsigned int version);

/* @generated records:complaints end */

/* --- codes ------------------------------------------------------------ */

/**
 * The Chinese label of @p code in code list @p field (`channel`, `category`,
 * `severity`, `state`, `validity`, `step`, `target`, `satisfaction`; see the
 * file comment), NULL when either is unknown (a site's own category too: the
 * store knows those). Never allocates.
 * Thread safety: safe.
 */
FD_API const char *fd_complaint_code_label(const char *field, const char *code);

/**
 * The code for @p text as the desk types it — the code, its label, Traditional
 * (重要 / 嚴重), full-width — into @p out.
 * @return ::FD_OK; ::FD_EINVAL naming `field` (no such list) or `text` (no
 *         such code; a word holding a number is not quoted).
 * Thread safety: safe.
 */
FD_API fd_status fd_complaint_code_parse(fd_buf *out, const char *field, const char *text);

/* --- the record (R-CPL-1) --------------------------------------------------- */

/**
 * Checks @p c as registered (R-CPL-1): fd_complaint_check(); `channel`,
 * `severity` of their lists; `category` a code (lower-case ASCII; whether the
 * site has it is the store's check); `contact` a number fd_phone_parse()
 * takes (never echoed); `customer_due` only on a minor complaint and after
 * `received_at`; `received_at` in range. The fields the store sets are not
 * looked at.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (`complaint.severity: ...`).
 * Thread safety: safe.
 */
FD_API fd_status fd_complaint_validate(const fd_complaint *c);

/* --- the lifecycle (R-CPL-3, R-CPL-4, R-CPL-5) ------------------------------- */

/** What a step carries; fields a kind does not use are ignored. */
typedef struct fd_complaint_step {
    unsigned int version;       /**< ::FD_COMPLAINT_STEP_VERSION */
    const char *kind;           /**< a `step` code (not `register`: that is the registration) */
    const char *note;           /**< what was said or done, at most 2000 bytes; required by assess
                                     when invalid (the explanation given), close, reopen, pause, escalate,
                                     severity, harm, harm_cleared; a proposal's note is its solution */
    int valid;                  /**< assess: 1 valid, 0 invalid (closed with the note as explanation) */
    int64_t department_id;      /**< assign: the responsible department (of the register) */
    int64_t promised_at;        /**< assign: the time promised to the customer, > the complaint's received_at */
    const char *cause;          /**< investigate: the cause found, at most 1000 bytes, required */
    const char *responsible;    /**< investigate: the person responsible, at most 100 bytes */
    const char *solution;       /**< propose: a solution, at most 1000 bytes, required */
    int64_t proposal_id;        /**< choose: the `propose` event picked (a supervisor: ::FD_GRANT_MANAGE) */
    const char *satisfaction;   /**< followup: a `satisfaction` code, required */
    const char *severity;       /**< severity: the new severity (targets recomputed from received_at) */
    const char *target;         /**< escalate: the `target` escalated (director, escalate, answer, resolve, reply) */
    int64_t happened_at;        /**< when it happened if noted later (not after the actor's instant, not
                                     before the complaint's last event), 0 = the actor's instant */
    int accepted;               /**< implement: 1 — the customer was told of the work done and signed its
                                     acceptance (R-CPL-3); required (an implement step without it is refused) */
} fd_complaint_step;
/** The current version of ::fd_complaint_step. */
#define FD_COMPLAINT_STEP_VERSION 1
/** An empty ::fd_complaint_step to fill in. */
#define FD_COMPLAINT_STEP_INIT { FD_COMPLAINT_STEP_VERSION, NULL, NULL, 0, 0, 0, NULL, NULL, NULL, 0, NULL, NULL, NULL, 0, 0 }
/** Fills @p step with ::FD_COMPLAINT_STEP_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_complaint_step_init(fd_complaint_step *step, unsigned int version);

/**
 * R-CPL-3: whether complaint @p c (as stored: its `state`, `waiting`,
 * `harm`, `validity`) may take @p step, and the state it leads to (a
 * static string, into @p to_state; the same state for steps that do not move
 * it). Checks what the step carries (required fields, lengths, codes);
 * pause while waiting, resume while not, harm_cleared without harm are
 * ::FD_ESTATE; a severity step to the present severity is ::FD_EINVAL
 * naming `step.severity`.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field (`step.cause: is
 *         required`); ::FD_ESTATE naming the state and the steps it allows
 *         ("state: investigating allows propose, pause, contact, ...").
 * Thread safety: safe.
 */
FD_API fd_status fd_complaint_step_check(const char **to_state, const fd_complaint *c, const fd_complaint_step *step);

/**
 * The steps complaint state @p state allows, comma-separated in lifecycle
 * order (for a form or a message), into @p out.
 * @return ::FD_OK; ::FD_EINVAL (not a state).
 * Thread safety: safe.
 */
FD_API fd_status fd_complaint_steps_allowed(fd_buf *out, const char *state);

/* --- targets (R-CPL-2, R-CPL-4) ----------------------------------------------- */

/** One target a severity sets (fd_complaint_target_plan()). */
typedef struct fd_complaint_target_plan {
    unsigned int version;   /**< ::FD_COMPLAINT_TARGET_PLAN_VERSION */
    const char *target;     /**< a `target` code (static string) */
    const char *policy_key; /**< the deadline policy key it counts (static string) */
    int64_t amount;         /**< its amount from @p policy */
    int unit;               /**< its unit (`FD_CALENDAR_UNIT_*`) from @p policy */
    const char *start_step; /**< the step that starts it: "register" (from received_at) or "report" */
    const char *met_by;     /**< the step that meets it ("escalate" with detail = target, "answer", "implement", "reply") */
    int paused_by_waiting;  /**< 1: waiting for the customer pauses it */
} fd_complaint_target_plan;
/** The current version of ::fd_complaint_target_plan. */
#define FD_COMPLAINT_TARGET_PLAN_VERSION 1
/** At most this many targets per severity. */
#define FD_COMPLAINT_TARGETS_MAX 4

/**
 * R-CPL-2: the targets of severity @p severity under @p policy (NULL: the
 * defaults), in the order of the file comment's table, into @p out[0 ..
 * *n - 1] (@p out has room for ::FD_COMPLAINT_TARGETS_MAX).
 * @return ::FD_OK; ::FD_EINVAL (NULL, not a severity).
 * Thread safety: safe.
 */
FD_API fd_status fd_complaint_target_plan_of(fd_complaint_target_plan out[FD_COMPLAINT_TARGETS_MAX], size_t *n,
                                             const char *severity, const fd_policy *policy);

/** A target's clock at an instant (fd_complaint_target_eval()). */
typedef struct fd_complaint_clock {
    unsigned int version; /**< ::FD_COMPLAINT_CLOCK_VERSION */
    int64_t start_at;     /**< when it started, 0 = not yet (a reply before the report) */
    int64_t due_at;       /**< the deadline, 0 = not started or paused */
    int paused;           /**< 1: paused now (waiting for the customer) */
    int64_t paused_s;     /**< seconds paused so far, from the events (information) */
    int64_t met_at;       /**< when the step that meets it happened, or when the complaint was closed
                               before it (then @c closed is 1); 0 = open */
    int closed;           /**< 1: the complaint was closed before the step that meets it: the clock
                               stopped at met_at, the target was NOT met */
    int breached;         /**< 1: open past due_at at @p now, or met after it */
    int64_t remaining;    /**< seconds left at @p now (negative: overdue), in the unit's own time (business
                               seconds for business units), 0 when met or not started */
    int provisional;      /**< 1: the deadline rests on provisional holiday data */
    char version_text[64]; /**< the calendar data version that computed it ("CN-2026.1") */
} fd_complaint_clock;
/** The current version of ::fd_complaint_clock. */
#define FD_COMPLAINT_CLOCK_VERSION 1

/**
 * R-CPL-2: target @p plan of complaint @p c at @p now, rebuilt by replaying
 * the complaint's events @p events[0 .. @p n - 1] (in id order, as stored):
 * the start step starts the clock (for a `minor` resolve target the
 * customer's deadline caps the due), pause / resume steps pause it when the
 * plan says so, the meeting step stops it (an escalation only when its
 * detail is this target), an event leading to `closed` stops every clock,
 * reopen reopens resolve and reply (see the file comment); events after
 * @p now are not replayed yet; a severity step before @p now does not
 * concern this function (the store supersedes the targets). The
 * same events always give the same clock on the same calendar data.
 * @return ::FD_OK; ::FD_EINVAL (NULL, events of another complaint, out of
 *         order); ::FD_ERANGE (@p now or the complaint's received_at out of
 *         range, a customer's deadline not after the receipt: a record
 *         fd_complaint_validate() refuses); ::FD_EDATA (the deadline
 *         needs holiday data the calendar lacks and the policy refuses to
 *         assume, `calendar.beyond_data`).
 * Thread safety: safe (a calendar is read-only here).
 */
FD_API fd_status fd_complaint_target_eval(fd_complaint_clock *out, const fd_complaint_target_plan *plan,
                                          const fd_complaint *c, const fd_complaint_event *events, size_t n,
                                          const fd_calendar *cal, const fd_policy *policy, int64_t now);

/**
 * Whether an escalation may fire at @p now: inside the site's business hours
 * on a working day of @p cal, or at any time when the policy key
 * `complaint.escalate_after_hours` is 1. A breach found outside them is
 * escalated at the next opening (into @p next, 0 when it may fire now).
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE (@p now); ::FD_EDATA.
 * Thread safety: safe.
 */
FD_API fd_status fd_complaint_may_escalate(int *out, int64_t *next, const fd_calendar *cal, const fd_policy *policy,
                                           int64_t now);

/* --- monthly statistics (R-CPL-6) ------------------------------------------------ */

/**
 * A month's complaints counted (顾客投诉分类统计表, R-CPL-6): an accumulator
 * the caller feeds each complaint received in the month
 * (fd_complaint_stats_add()); the store's fd_store_complaint_stats() feeds it
 * from the database, a suite with its own database feeds it itself.
 * Definitions:
 * - the month: the complaints *received* (`received_at`) in the calendar's
 *   local month — from local 00:00 of its first day to local 00:00 of the
 *   next month's, in the site's time zone (a complaint received at 23:30 on
 *   the 31st in Shanghai is October's though UTC says the 31st 15:30 — or,
 *   at 00:30 on the 1st, the month before's 16:30 UTC);
 * - resolved: valid and `accepted_at` set — the implement step, the work
 *   done and the acceptance signed (R-CPL-3), not undone by a reopen since;
 *   the time to resolve is the WORKING time from `received_at` to
 *   `accepted_at` (fd_calendar_working_seconds_between(): business hours of
 *   working days, 调休 days in, holidays out; a pause waiting for the customer
 *   is not taken off), in seconds (`_s`);
 * - resolved within target: resolved, and the complaint's resolve target in
 *   force was met and never breached (the caller says so: the store reads the
 *   stored target, `met_at` set and `breached_at` 0); the share per severity
 *   is of the resolved ones (open complaints are in neither part);
 * - invalid (assessed invalid) and unassessed complaints count in every
 *   count-by row, and in the validity rows, but never as resolved;
 * - median and p90: nearest rank over the resolved complaints' times (the
 *   value at rank ceil(p / 100 * n) of the sorted times, 1-based);
 * - reopen rate: complaints reopened at least once / complaints received;
 * - satisfaction: the complaints with a follow-up (`satisfaction` set, the
 *   last follow-up's), by answer; the share satisfied is of those.
 * A share with nothing to divide by (an empty month, no complaint resolved,
 * none followed up) is -1, and the median and p90 then are -1: never a
 * division by zero; the bindings give None / null for them.
 * Thread safety: one thread at a time; reads of the calendar are safe.
 */
typedef struct fd_complaint_stats fd_complaint_stats;

/** The groups of rows of fd_complaint_stats_row_get(). */
typedef enum fd_complaint_stats_group {
    FD_COMPLAINT_STATS_CATEGORY = 1,   /**< by category code, most complaints first (then by code) */
    FD_COMPLAINT_STATS_DEPARTMENT = 2, /**< by responsible department (`department_id`; key "unassigned" for
                                            none yet, else the id in decimal), most complaints first (then by id) */
    FD_COMPLAINT_STATS_SEVERITY = 3,   /**< major, important, minor: always three rows */
    FD_COMPLAINT_STATS_VALIDITY = 4    /**< valid, invalid, unassessed (not assessed yet): always three rows */
} fd_complaint_stats_group;

/** A month's totals (fd_complaint_stats_get()). */
typedef struct fd_complaint_stats_totals {
    unsigned int version;           /**< ::FD_COMPLAINT_STATS_TOTALS_VERSION */
    int year;                       /**< the month counted */
    int month;                      /**< 1..12 */
    int64_t month_start;            /**< the month as UTC seconds: local 00:00 of its first day */
    int64_t month_end;              /**< local 00:00 of the next month's first day (not in it) */
    int64_t received;               /**< complaints received in the month */
    int64_t valid;                  /**< assessed valid */
    int64_t invalid;                /**< assessed invalid */
    int64_t unassessed;             /**< not assessed yet */
    int64_t open;                   /**< not closed (`closed_at` 0) */
    int64_t resolved;               /**< resolved (see ::fd_complaint_stats) */
    int64_t resolved_in_time;       /**< resolved within the resolve target */
    double resolved_in_time_share;  /**< resolved_in_time / resolved, 0..1; -1 when none resolved */
    int64_t resolve_median_s;       /**< time to resolve, working seconds, nearest-rank median; -1 when none */
    int64_t resolve_p90_s;          /**< nearest-rank 90th percentile, working seconds; -1 when none */
    int64_t reopened;               /**< complaints reopened at least once */
    int64_t reopens;                /**< reopen steps in all (the sum of `reopened`) */
    double reopen_share;            /**< reopened / received; -1 when none received */
    int64_t followed_up;            /**< with a follow-up's satisfaction */
    int64_t satisfied;              /**< 满意 */
    int64_t average;                /**< 一般 */
    int64_t unsatisfied;            /**< 不满意 */
    double satisfied_share;         /**< satisfied / followed_up; -1 when none followed up */
    int provisional;                /**< 1: some working time was counted on days past the holiday data */
} fd_complaint_stats_totals;
/** The current version of ::fd_complaint_stats_totals. */
#define FD_COMPLAINT_STATS_TOTALS_VERSION 1
/** Totals to fill in (fd_complaint_stats_get()). */
#define FD_COMPLAINT_STATS_TOTALS_INIT { FD_COMPLAINT_STATS_TOTALS_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/** One row of a group (fd_complaint_stats_row_get()). */
typedef struct fd_complaint_stats_row {
    unsigned int version;          /**< ::FD_COMPLAINT_STATS_ROW_VERSION */
    const char *key;               /**< the code (category, severity, validity), or for a department its id in
                                        decimal or "unassigned"; owned by the accumulator */
    int64_t department_id;         /**< by department: the department, 0 = none yet; else 0 */
    int64_t count;                 /**< complaints received */
    int64_t resolved;              /**< of them resolved */
    int64_t resolved_in_time;      /**< of those within the resolve target */
    double resolved_in_time_share; /**< resolved_in_time / resolved; -1 when none resolved */
    int64_t resolve_median_s;      /**< the row's resolved complaints' time to resolve, working seconds,
                                        nearest-rank median (as the totals'); -1 when none resolved */
    int64_t resolve_p90_s;         /**< their nearest-rank 90th percentile, working seconds; -1 when none */
} fd_complaint_stats_row;
/** The current version of ::fd_complaint_stats_row. */
#define FD_COMPLAINT_STATS_ROW_VERSION 1
/** A row to fill in (fd_complaint_stats_row_get()). */
#define FD_COMPLAINT_STATS_ROW_INIT { FD_COMPLAINT_STATS_ROW_VERSION, NULL, 0, 0, 0, 0, 0, 0, 0 }

/**
 * R-CPL-6: an empty accumulator for local month @p year - @p month of
 * @p cal (its time zone, business hours and holiday data count the working
 * time; it must outlive the accumulator). Free with fd_complaint_stats_free().
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE (`month` not 1..12, a year
 *         outside the calendar's table); ::FD_ENOMEM.
 */
FD_API fd_status fd_complaint_stats_new(fd_complaint_stats **out, const fd_calendar *cal, int year, int month);

/**
 * Counts complaint @p c (as stored: `received_at`, `category`, `severity`,
 * `validity`, `department_id`, `accepted_at`, `closed_at`, `reopened`,
 * `satisfaction`) in the accumulator's month; @p resolved_in_time is 1 when
 * its resolve target was met and never breached (looked at only when the
 * complaint is resolved). No allocation but for a new category or
 * department and the times' array growing.
 * @return ::FD_OK; ::FD_EINVAL (NULL; `complaint.severity`, `.validity`,
 *         `.satisfaction` not of their lists; `.category` not a code);
 *         ::FD_ERANGE (`complaint.received_at` not in the month: the message
 *         names it; an `accepted_at` before it); ::FD_EDATA (the working time
 *         needs holiday data the calendar refuses); ::FD_ENOMEM. On error
 *         nothing is counted.
 */
FD_API fd_status fd_complaint_stats_add(fd_complaint_stats *st, const fd_complaint *c, int resolved_in_time);

/**
 * The totals so far into @p out (its version set; median and p90 computed
 * here, O(n log n) once after an add).
 * @return ::FD_OK; ::FD_EINVAL (NULL).
 */
FD_API fd_status fd_complaint_stats_get(fd_complaint_stats_totals *out, fd_complaint_stats *st);

/** How many rows @p group (`FD_COMPLAINT_STATS_*`) has; 0 for NULL or an unknown group. */
FD_API size_t fd_complaint_stats_row_count(const fd_complaint_stats *st, int group);

/**
 * Row @p index of @p group, in the group's order (see ::fd_complaint_stats_group);
 * the key is owned by @p st (valid until the next add or the free).
 * @p out's version is set. The row's median and p90 walk the month's resolved
 * complaints once each (sorted once after an add): O(n) per row.
 * @return ::FD_OK; ::FD_EINVAL (NULL, unknown group); ::FD_ERANGE (index
 *         past the last).
 */
FD_API fd_status fd_complaint_stats_row_get(fd_complaint_stats_row *out, fd_complaint_stats *st, int group, size_t index);

/** Frees an accumulator. NULL is a no-op. */
FD_API void fd_complaint_stats_free(fd_complaint_stats *st);

/* --- the reply-phrase check (R-CPL-7, R-CALL-2) ---------------------------------- */

/** The forbidden phrases found in a reply (fd_reply_check()). */
typedef struct fd_reply_hits fd_reply_hits;

/**
 * R-CPL-7: the forbidden phrases in @p text — @p phrases (one per line;
 * NULL: the built-in list 不行, 不知道, 不可以, 喂, 没办法, 不归我管, 不清楚,
 * 你自己看, 找别人, 我也没办法) — matched after the search fold of both
 * (full-width, Traditional 不知道/不知道, case, inserted white space: 不 知 道
 * is found), each with its byte span in @p text as given. Overlapping hits
 * are all reported, in order of their start. Free with fd_reply_hits_free().
 * @return ::FD_OK (none found: a count of 0); ::FD_EINVAL (NULL, not UTF-8,
 *         an empty phrase); ::FD_ERANGE (@p text over 64 KiB, over 200 phrases).
 * Thread safety: safe.
 */
FD_API fd_status fd_reply_check(fd_reply_hits **out, const char *text, const char *phrases);

/** How many phrases were found. NULL: 0. */
FD_API size_t fd_reply_hits_count(const fd_reply_hits *hits);

/**
 * Hit @p index: the phrase as listed (owned by @p hits), and its span in the
 * checked text as bytes [@p start, @p end).
 * @return ::FD_OK; ::FD_ERANGE (index past the last); ::FD_EINVAL (NULL).
 */
FD_API fd_status fd_reply_hits_get(const char **phrase, size_t *start, size_t *end, const fd_reply_hits *hits,
                                   size_t index);

/** Frees hits. NULL is a no-op. */
FD_API void fd_reply_hits_free(fd_reply_hits *hits);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_COMPLAINTS_H */
