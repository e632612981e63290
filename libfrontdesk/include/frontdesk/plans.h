/**
 * @file frontdesk/plans.h
 * @brief Plans (issue 15): repair work orders with their hand-offs, a
 *        follow-up (回访) for every repair on working-day deadlines, callbacks
 *        that respect the customer's rest time, customers balanced across
 *        service specialists, visit plans, owners' surveys and the monthly
 *        summary (R-PLN-1 … R-PLN-6, R-CALL-8, R-CALL-9, R-COM-4).
 *
 * Everything here is pure: records as values and the rules over them (which
 * step a work order in a state may take, when a follow-up or a callback is
 * due on the site's calendar and quiet hours, how customers are balanced
 * across specialists, when a recurring plan's visits fall, what the month
 * sums to), usable without the library's store — a Java suite with its own
 * database calls them. The store's side is in frontdesk/store.h.
 *
 * Codes. The records hold lower-case English codes; fd_plan_code_label()
 * gives the Chinese label and fd_plan_code_parse() takes either:
 * - `channel` (a repair's): phone 电话, walk_in 来访, wechat 微信, patrol 巡检,
 *   other 其他;
 * - `category` (R-PLN-1): safety 安全设施, leak 渗漏, electrical 电气,
 *   plumbing 给排水, other 其他;
 * - `repair_state` (R-PLN-6): received 已受理, dispatched 已派单, accepted 已接单,
 *   paused 暂停待料, done 已完工, followed_up 已回访, closed 已关单;
 * - `repair_step`: receive 受理, dispatch 派单, accept 接单, transfer 转单,
 *   return 退单, pause 暂停, resume 恢复, done 完工, leak_test 闭水试验,
 *   followup 回访, rework 返修, close 关单, close_undone 未完成关单;
 * - `assignment` (the site's policy repair.assignment): desk 前台派单,
 *   round_robin 轮流, least_open 最少在办;
 * - `method` (a follow-up's): visit 上门, phone 电话;
 * - `result`: fixed 已修好, not_fixed 未修好;
 * - `satisfaction`: satisfied 满意, average 一般, unsatisfied 不满意;
 * - `source` (a callback's): call 来电, complaint 投诉, member 会员客户,
 *   repair 报修, question 待答复问题;
 * - `attempt` (a callback attempt's result): no_answer 无人接听, busy 占线,
 *   done 已回访;
 * - `recurrence` (a visit plan's): once 一次, weekly 每周, monthly 每月,
 *   working_days 每N个工作日;
 * - `visit_state`: planned 已预约, done 已拜访, missed 未拜访, cancelled 已取消;
 * - `followup_state` (a follow-up's): open 待回访, done 已回访, superseded 已作废;
 * - `callback_state` (a callback's): open 待回访, done 已回访, closed 已关闭.
 */
#ifndef FRONTDESK_PLANS_H
#define FRONTDESK_PLANS_H

#include "common.h"
#include "policy.h"
#include "calendar.h"

#ifdef __cplusplus
extern "C" {
#endif

/* @generated records:plans begin (scripts/gen/records.py from libfrontdesk/records/plans.rec; do not edit) */

/** 报修: A repair work order: who, where, what is broken, the convenient time agreed; its state, handler and the follow-up it is owed. (R-PLN-6) Strings are owned by the iterator or the
 *  record they came from; fd_repair_free() frees a record from fd_store_repair_get(). */
typedef struct fd_repair {
    unsigned int version; /**< ::FD_REPAIR_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-6) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who took it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was registered (UTC seconds) (R-COM-1) */
    int64_t received_at; /**< 报修时间: when the customer asked (not after the registration) (UTC seconds) (R-PLN-6) */
    const char *channel; /**< 渠道: phone, walk_in, wechat, patrol (found on a round), other, at most 16 bytes (R-COM-5) */
    const char *category; /**< 类别: safety (safety facility), leak, electrical, plumbing, other, at most 16 bytes (R-PLN-1) */
    int64_t unit_id; /**< 房屋: the unit, 0 = a public area named in address (R-PLN-6) */
    const char *address; /**< 地址: where, when not a unit: 3号楼电梯厅 (unit or address is required), at most 200 bytes (R-PLN-6) */
    const char *customer; /**< 报修人: the customer's name as given, at most 100 bytes; personal data (name), masked on output (R-PLN-6) */
    int64_t occupant_id; /**< 住户: the customer as an occupant of the register, 0 = not one (R-PLN-6) */
    int64_t organisation_id; /**< 企业: the customer as a tenant organisation, 0 = not one (R-PLN-6) */
    const char *contact; /**< 联系电话: the number as typed, stored normalised; masked on output, at most 64 bytes; personal data (phone), masked on output (R-PLN-6) */
    const char *what; /**< 故障描述: what is broken, in the customer's words, at most 1000 bytes; personal data (free_text), masked on output (R-PLN-6) */
    int paid; /**< 有偿: 1: a paid service (有偿服务), 0: free (R-PLN-6) */
    int64_t agreed_from; /**< 预约开始: the convenient time agreed with the customer: from, 0 = none (UTC seconds) (R-PLN-6) */
    int64_t agreed_to; /**< 预约结束: until (after agreed_from), 0 = none (UTC seconds) (R-PLN-6) */
    const char *skill; /**< 工种: the skill it needs (electrical, plumbing, general ...): assignment by skill; empty = general, at most 32 bytes (R-PLN-6) */
    int64_t call_id; /**< 来电: the call it came from, 0 = none (R-CALL-9) */
    int64_t complaint_id; /**< 投诉: the complaint it came from, 0 = none (R-CPL-3) */
    const char *state; /**< 状态: received, dispatched, accepted, paused (waiting for parts), done, followed_up, closed (set by the store), at most 16 bytes (R-PLN-6) */
    int64_t handler_id; /**< 处理人: who has it now, 0 = the desk (set by the store) (R-PLN-6) */
    int64_t dispatched_at; /**< 派单时间: first dispatch, 0 = not yet (set by the store) (UTC seconds) (R-PLN-6) */
    int64_t accepted_at; /**< 接单时间: last acceptance, 0 = not yet (set by the store) (UTC seconds) (R-PLN-6) */
    int64_t done_at; /**< 完工时间: when the work was done, 0 = not yet (set by the store) (UTC seconds) (R-PLN-1) */
    int64_t leak_tested_at; /**< 闭水试验: a leak repair: when the leak test passed (its follow-up counts from it), 0 = not yet (set by the store) (UTC seconds) (R-PLN-1) */
    int64_t closed_at; /**< 关单时间: when it was closed, 0 = open (set by the store) (UTC seconds) (R-PLN-6) */
    int undone; /**< 未完成关单: 1: closed without the work done (close_reason says why) (set by the store) (R-PLN-6) */
    const char *close_reason; /**< 关单原因: why it was closed undone (set by the store), at most 200 bytes; personal data (free_text), masked on output (R-PLN-6) */
} fd_repair;
/** The current version of ::fd_repair. */
#define FD_REPAIR_VERSION 1
/** An empty ::fd_repair to fill in. */
#define FD_REPAIR_INIT { FD_REPAIR_VERSION, 0, 0, 0, 0, 0, NULL, NULL, 0, NULL, NULL, 0, 0, NULL, NULL, 0, 0, 0, NULL, 0, 0, NULL, 0, 0, 0, 0, 0, 0, 0, NULL }
/** Fills @p rec with ::FD_REPAIR_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_repair_init(fd_repair *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`repair.<field>: ...`).
 */
FD_API fd_status fd_repair_check(const fd_repair *rec);
/** Frees a record from fd_store_repair_get(). NULL is a no-op. */
FD_API void fd_repair_free(fd_repair *rec);

/* Bits of fd_repair_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_REPAIR_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_REPAIR_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_REPAIR_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_REPAIR_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_REPAIR_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_REPAIR_MATCH_RECEIVED_AT_FROM (UINT64_C(1) << 5) /**< filter.received_at_from is set */
#define FD_REPAIR_MATCH_RECEIVED_AT_TO (UINT64_C(1) << 6) /**< filter.received_at_to is set */
#define FD_REPAIR_MATCH_CHANNEL (UINT64_C(1) << 7) /**< filter.channel is set */
#define FD_REPAIR_MATCH_CATEGORY (UINT64_C(1) << 8) /**< filter.category is set */
#define FD_REPAIR_MATCH_UNIT_ID (UINT64_C(1) << 9) /**< filter.unit_id is set */
#define FD_REPAIR_MATCH_ADDRESS (UINT64_C(1) << 10) /**< filter.address is set */
#define FD_REPAIR_MATCH_CUSTOMER (UINT64_C(1) << 11) /**< filter.customer is set */
#define FD_REPAIR_MATCH_OCCUPANT_ID (UINT64_C(1) << 12) /**< filter.occupant_id is set */
#define FD_REPAIR_MATCH_ORGANISATION_ID (UINT64_C(1) << 13) /**< filter.organisation_id is set */
#define FD_REPAIR_MATCH_CONTACT (UINT64_C(1) << 14) /**< filter.contact is set */
#define FD_REPAIR_MATCH_PAID (UINT64_C(1) << 15) /**< filter.paid is set */
#define FD_REPAIR_MATCH_AGREED_FROM_FROM (UINT64_C(1) << 16) /**< filter.agreed_from_from is set */
#define FD_REPAIR_MATCH_AGREED_FROM_TO (UINT64_C(1) << 17) /**< filter.agreed_from_to is set */
#define FD_REPAIR_MATCH_AGREED_TO_FROM (UINT64_C(1) << 18) /**< filter.agreed_to_from is set */
#define FD_REPAIR_MATCH_AGREED_TO_TO (UINT64_C(1) << 19) /**< filter.agreed_to_to is set */
#define FD_REPAIR_MATCH_SKILL (UINT64_C(1) << 20) /**< filter.skill is set */
#define FD_REPAIR_MATCH_CALL_ID (UINT64_C(1) << 21) /**< filter.call_id is set */
#define FD_REPAIR_MATCH_COMPLAINT_ID (UINT64_C(1) << 22) /**< filter.complaint_id is set */
#define FD_REPAIR_MATCH_STATE (UINT64_C(1) << 23) /**< filter.state is set */
#define FD_REPAIR_MATCH_HANDLER_ID (UINT64_C(1) << 24) /**< filter.handler_id is set */
#define FD_REPAIR_MATCH_DISPATCHED_AT_FROM (UINT64_C(1) << 25) /**< filter.dispatched_at_from is set */
#define FD_REPAIR_MATCH_DISPATCHED_AT_TO (UINT64_C(1) << 26) /**< filter.dispatched_at_to is set */
#define FD_REPAIR_MATCH_ACCEPTED_AT_FROM (UINT64_C(1) << 27) /**< filter.accepted_at_from is set */
#define FD_REPAIR_MATCH_ACCEPTED_AT_TO (UINT64_C(1) << 28) /**< filter.accepted_at_to is set */
#define FD_REPAIR_MATCH_DONE_AT_FROM (UINT64_C(1) << 29) /**< filter.done_at_from is set */
#define FD_REPAIR_MATCH_DONE_AT_TO (UINT64_C(1) << 30) /**< filter.done_at_to is set */
#define FD_REPAIR_MATCH_LEAK_TESTED_AT_FROM (UINT64_C(1) << 31) /**< filter.leak_tested_at_from is set */
#define FD_REPAIR_MATCH_LEAK_TESTED_AT_TO (UINT64_C(1) << 32) /**< filter.leak_tested_at_to is set */
#define FD_REPAIR_MATCH_CLOSED_AT_FROM (UINT64_C(1) << 33) /**< filter.closed_at_from is set */
#define FD_REPAIR_MATCH_CLOSED_AT_TO (UINT64_C(1) << 34) /**< filter.closed_at_to is set */
#define FD_REPAIR_MATCH_UNDONE (UINT64_C(1) << 35) /**< filter.undone is set */
#define FD_REPAIR_MATCH_SEARCH (UINT64_C(1) << 36) /**< filter.search is set */
#endif
/** Which repair records fd_store_repair_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_repair_filter {
    unsigned int version; /**< ::FD_REPAIR_FILTER_VERSION */
    uint64_t match; /**< `FD_REPAIR_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t received_at_from; /**< >= (报修时间) */
    int64_t received_at_to; /**< < (报修时间) */
    const char *channel; /**< equal to (渠道) */
    const char *category; /**< equal to (类别) */
    int64_t unit_id; /**< equal to (房屋) */
    const char *address; /**< equal to (地址) */
    const char *customer; /**< equal to (报修人) */
    int64_t occupant_id; /**< equal to (住户) */
    int64_t organisation_id; /**< equal to (企业) */
    const char *contact; /**< equal to (联系电话) */
    int paid; /**< equal to (有偿) */
    int64_t agreed_from_from; /**< >= (预约开始) */
    int64_t agreed_from_to; /**< < (预约开始) */
    int64_t agreed_to_from; /**< >= (预约结束) */
    int64_t agreed_to_to; /**< < (预约结束) */
    const char *skill; /**< equal to (工种) */
    int64_t call_id; /**< equal to (来电) */
    int64_t complaint_id; /**< equal to (投诉) */
    const char *state; /**< equal to (状态) */
    int64_t handler_id; /**< equal to (处理人) */
    int64_t dispatched_at_from; /**< >= (派单时间) */
    int64_t dispatched_at_to; /**< < (派单时间) */
    int64_t accepted_at_from; /**< >= (接单时间) */
    int64_t accepted_at_to; /**< < (接单时间) */
    int64_t done_at_from; /**< >= (完工时间) */
    int64_t done_at_to; /**< < (完工时间) */
    int64_t leak_tested_at_from; /**< >= (闭水试验) */
    int64_t leak_tested_at_to; /**< < (闭水试验) */
    int64_t closed_at_from; /**< >= (关单时间) */
    int64_t closed_at_to; /**< < (关单时间) */
    int undone; /**< equal to (未完成关单) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_repair_filter;
/** The current version of ::fd_repair_filter. */
#define FD_REPAIR_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_REPAIR_FILTER_INIT { FD_REPAIR_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, NULL, NULL, 0, 0, NULL, 0, 0, 0, 0, 0, NULL, 0, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_REPAIR_FILTER_INIT for @p version. */
FD_API fd_status fd_repair_filter_init(fd_repair_filter *filter, unsigned int version);

/** 工单流转: One step of a work order (append-only): who did what and when, the state and the handler before and after. (R-PLN-6) Strings are owned by the iterator or the
 *  record they came from; fd_repair_event_free() frees a record from fd_store_repair_event_get(). */
typedef struct fd_repair_event {
    unsigned int version; /**< ::FD_REPAIR_EVENT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-6) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 经办人: who did it, 0 = the system (an automatic assignment) (R-COM-1) */
    int64_t created_at; /**< 时间: when it was recorded (UTC seconds) (R-COM-1) */
    int64_t repair_id; /**< 工单: the work order (R-PLN-6) */
    const char *kind; /**< 类型: receive, dispatch, accept, transfer, return, pause, resume, done, leak_test, followup, rework, close, close_undone, at most 16 bytes (R-PLN-6) */
    const char *from_state; /**< 原状态: the state before, at most 16 bytes (R-PLN-6) */
    const char *to_state; /**< 新状态: the state after, at most 16 bytes (R-PLN-6) */
    int64_t from_handler; /**< 原处理人: the handler before, 0 = the desk (R-PLN-6) */
    int64_t to_handler; /**< 新处理人: the handler after, 0 = the desk (R-PLN-6) */
    int64_t happened_at; /**< 发生时间: when it happened, if before it was recorded; 0 = created_at (UTC seconds) (R-PLN-6) */
    const char *note; /**< 说明: what the step carries: the reason of a return or pause, the parts waited for, at most 500 bytes; personal data (free_text), masked on output (R-PLN-6) */
} fd_repair_event;
/** The current version of ::fd_repair_event. */
#define FD_REPAIR_EVENT_VERSION 1
/** An empty ::fd_repair_event to fill in. */
#define FD_REPAIR_EVENT_INIT { FD_REPAIR_EVENT_VERSION, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, 0, NULL }
/** Fills @p rec with ::FD_REPAIR_EVENT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_repair_event_init(fd_repair_event *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`repair_event.<field>: ...`).
 */
FD_API fd_status fd_repair_event_check(const fd_repair_event *rec);
/** Frees a record from fd_store_repair_event_get(). NULL is a no-op. */
FD_API void fd_repair_event_free(fd_repair_event *rec);

/* Bits of fd_repair_event_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_REPAIR_EVENT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_REPAIR_EVENT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_REPAIR_EVENT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_REPAIR_EVENT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_REPAIR_EVENT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_REPAIR_EVENT_MATCH_REPAIR_ID (UINT64_C(1) << 5) /**< filter.repair_id is set */
#define FD_REPAIR_EVENT_MATCH_KIND (UINT64_C(1) << 6) /**< filter.kind is set */
#define FD_REPAIR_EVENT_MATCH_FROM_STATE (UINT64_C(1) << 7) /**< filter.from_state is set */
#define FD_REPAIR_EVENT_MATCH_TO_STATE (UINT64_C(1) << 8) /**< filter.to_state is set */
#define FD_REPAIR_EVENT_MATCH_FROM_HANDLER (UINT64_C(1) << 9) /**< filter.from_handler is set */
#define FD_REPAIR_EVENT_MATCH_TO_HANDLER (UINT64_C(1) << 10) /**< filter.to_handler is set */
#define FD_REPAIR_EVENT_MATCH_HAPPENED_AT_FROM (UINT64_C(1) << 11) /**< filter.happened_at_from is set */
#define FD_REPAIR_EVENT_MATCH_HAPPENED_AT_TO (UINT64_C(1) << 12) /**< filter.happened_at_to is set */
#endif
/** Which repair_event records fd_store_repair_event_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_repair_event_filter {
    unsigned int version; /**< ::FD_REPAIR_EVENT_FILTER_VERSION */
    uint64_t match; /**< `FD_REPAIR_EVENT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (经办人) */
    int64_t created_at_from; /**< >= (时间) */
    int64_t created_at_to; /**< < (时间) */
    int64_t repair_id; /**< equal to (工单) */
    const char *kind; /**< equal to (类型) */
    const char *from_state; /**< equal to (原状态) */
    const char *to_state; /**< equal to (新状态) */
    int64_t from_handler; /**< equal to (原处理人) */
    int64_t to_handler; /**< equal to (新处理人) */
    int64_t happened_at_from; /**< >= (发生时间) */
    int64_t happened_at_to; /**< < (发生时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_repair_event_filter;
/** The current version of ::fd_repair_event_filter. */
#define FD_REPAIR_EVENT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_REPAIR_EVENT_FILTER_INIT { FD_REPAIR_EVENT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_REPAIR_EVENT_FILTER_INIT for @p version. */
FD_API fd_status fd_repair_event_filter_init(fd_repair_event_filter *filter, unsigned int version);

/** 技能: A skill a member of staff has (a maintenance technician's trade): assignment by skill picks among them. (R-PLN-6) Strings are owned by the iterator or the
 *  record they came from; fd_staff_skill_free() frees a record from fd_store_staff_skill_get(). */
typedef struct fd_staff_skill {
    unsigned int version; /**< ::FD_STAFF_SKILL_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-6) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who recorded it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when (UTC seconds) (R-COM-1) */
    int64_t member_id; /**< 员工: the member of staff (R-PLN-6) */
    const char *skill; /**< 工种: electrical, plumbing, general, or the site's own; one row per member and skill, at most 32 bytes (R-PLN-6) */
    int retired; /**< 停用: 1: no longer (set by the store) (R-COM-3) */
} fd_staff_skill;
/** The current version of ::fd_staff_skill. */
#define FD_STAFF_SKILL_VERSION 1
/** An empty ::fd_staff_skill to fill in. */
#define FD_STAFF_SKILL_INIT { FD_STAFF_SKILL_VERSION, 0, 0, 0, 0, 0, NULL, 0 }
/** Fills @p rec with ::FD_STAFF_SKILL_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_staff_skill_init(fd_staff_skill *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`staff_skill.<field>: ...`).
 */
FD_API fd_status fd_staff_skill_check(const fd_staff_skill *rec);
/** Frees a record from fd_store_staff_skill_get(). NULL is a no-op. */
FD_API void fd_staff_skill_free(fd_staff_skill *rec);

/* Bits of fd_staff_skill_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_STAFF_SKILL_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_STAFF_SKILL_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_STAFF_SKILL_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_STAFF_SKILL_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_STAFF_SKILL_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_STAFF_SKILL_MATCH_MEMBER_ID (UINT64_C(1) << 5) /**< filter.member_id is set */
#define FD_STAFF_SKILL_MATCH_SKILL (UINT64_C(1) << 6) /**< filter.skill is set */
#define FD_STAFF_SKILL_MATCH_RETIRED (UINT64_C(1) << 7) /**< filter.retired is set */
#endif
/** Which staff_skill records fd_store_staff_skill_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_staff_skill_filter {
    unsigned int version; /**< ::FD_STAFF_SKILL_FILTER_VERSION */
    uint64_t match; /**< `FD_STAFF_SKILL_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t member_id; /**< equal to (员工) */
    const char *skill; /**< equal to (工种) */
    int retired; /**< equal to (停用) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_staff_skill_filter;
/** The current version of ::fd_staff_skill_filter. */
#define FD_STAFF_SKILL_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_STAFF_SKILL_FILTER_INIT { FD_STAFF_SKILL_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0 }
/** Fills @p filter with ::FD_STAFF_SKILL_FILTER_INIT for @p version. */
FD_API fd_status fd_staff_skill_filter_init(fd_staff_skill_filter *filter, unsigned int version);

/** 回访: The follow-up (回访) a done repair is owed: due on the working calendar from the work's end (a leak repair: from its leak test), done by visit or phone. (R-PLN-1) Strings are owned by the iterator or the
 *  record they came from; fd_followup_free() frees a record from fd_store_followup_get(). */
typedef struct fd_followup {
    unsigned int version; /**< ::FD_FOLLOWUP_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-1) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 创建人: who created it, 0 = the system (the done step) (R-COM-1) */
    int64_t created_at; /**< 创建时间: when (UTC seconds) (R-COM-1) */
    int64_t repair_id; /**< 工单: the work order (R-PLN-1) */
    const char *policy_key; /**< 时限依据: followup.safety_repair_days, followup.leak_repair_days or followup.other_repair_days, at most 64 bytes (R-PLN-1) */
    int64_t start_at; /**< 起算时间: the work's end, or the leak test (UTC seconds) (R-PLN-1) */
    int64_t due_at; /**< 应回访: the deadline on the site's working calendar (UTC seconds) (UTC seconds) (R-PLN-1) */
    int provisional; /**< 暂定: 1 when due_at was computed past the holiday data (R-CALL-9) */
    const char *state; /**< 状态: open, done, superseded (a rework makes a new one) (set by the store), at most 16 bytes (R-PLN-1) */
    int64_t done_at; /**< 回访时间: when it was done, 0 = not yet (set by the store) (UTC seconds) (R-PLN-1) */
    int64_t done_by; /**< 回访人: who did it (set by the store) (R-PLN-1) */
    const char *method; /**< 方式: visit or phone (set by the store), at most 16 bytes (R-PLN-1) */
    const char *result; /**< 结果: fixed or not_fixed (not_fixed sends the order back to maintenance) (set by the store), at most 16 bytes (R-PLN-1) */
    const char *satisfaction; /**< 满意度: satisfied, average, unsatisfied (set by the store), at most 16 bytes (R-PLN-1) */
    const char *said; /**< 客户意见: what the customer said (set by the store), at most 1000 bytes; personal data (free_text), masked on output (R-PLN-1) */
} fd_followup;
/** The current version of ::fd_followup. */
#define FD_FOLLOWUP_VERSION 1
/** An empty ::fd_followup to fill in. */
#define FD_FOLLOWUP_INIT { FD_FOLLOWUP_VERSION, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL, 0, 0, NULL, NULL, NULL, NULL }
/** Fills @p rec with ::FD_FOLLOWUP_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_followup_init(fd_followup *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`followup.<field>: ...`).
 */
FD_API fd_status fd_followup_check(const fd_followup *rec);
/** Frees a record from fd_store_followup_get(). NULL is a no-op. */
FD_API void fd_followup_free(fd_followup *rec);

/* Bits of fd_followup_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_FOLLOWUP_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_FOLLOWUP_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_FOLLOWUP_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_FOLLOWUP_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_FOLLOWUP_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_FOLLOWUP_MATCH_REPAIR_ID (UINT64_C(1) << 5) /**< filter.repair_id is set */
#define FD_FOLLOWUP_MATCH_POLICY_KEY (UINT64_C(1) << 6) /**< filter.policy_key is set */
#define FD_FOLLOWUP_MATCH_START_AT_FROM (UINT64_C(1) << 7) /**< filter.start_at_from is set */
#define FD_FOLLOWUP_MATCH_START_AT_TO (UINT64_C(1) << 8) /**< filter.start_at_to is set */
#define FD_FOLLOWUP_MATCH_DUE_AT_FROM (UINT64_C(1) << 9) /**< filter.due_at_from is set */
#define FD_FOLLOWUP_MATCH_DUE_AT_TO (UINT64_C(1) << 10) /**< filter.due_at_to is set */
#define FD_FOLLOWUP_MATCH_PROVISIONAL (UINT64_C(1) << 11) /**< filter.provisional is set */
#define FD_FOLLOWUP_MATCH_STATE (UINT64_C(1) << 12) /**< filter.state is set */
#define FD_FOLLOWUP_MATCH_DONE_AT_FROM (UINT64_C(1) << 13) /**< filter.done_at_from is set */
#define FD_FOLLOWUP_MATCH_DONE_AT_TO (UINT64_C(1) << 14) /**< filter.done_at_to is set */
#define FD_FOLLOWUP_MATCH_DONE_BY (UINT64_C(1) << 15) /**< filter.done_by is set */
#define FD_FOLLOWUP_MATCH_METHOD (UINT64_C(1) << 16) /**< filter.method is set */
#define FD_FOLLOWUP_MATCH_RESULT (UINT64_C(1) << 17) /**< filter.result is set */
#define FD_FOLLOWUP_MATCH_SATISFACTION (UINT64_C(1) << 18) /**< filter.satisfaction is set */
#endif
/** Which followup records fd_store_followup_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_followup_filter {
    unsigned int version; /**< ::FD_FOLLOWUP_FILTER_VERSION */
    uint64_t match; /**< `FD_FOLLOWUP_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (创建人) */
    int64_t created_at_from; /**< >= (创建时间) */
    int64_t created_at_to; /**< < (创建时间) */
    int64_t repair_id; /**< equal to (工单) */
    const char *policy_key; /**< equal to (时限依据) */
    int64_t start_at_from; /**< >= (起算时间) */
    int64_t start_at_to; /**< < (起算时间) */
    int64_t due_at_from; /**< >= (应回访) */
    int64_t due_at_to; /**< < (应回访) */
    int provisional; /**< equal to (暂定) */
    const char *state; /**< equal to (状态) */
    int64_t done_at_from; /**< >= (回访时间) */
    int64_t done_at_to; /**< < (回访时间) */
    int64_t done_by; /**< equal to (回访人) */
    const char *method; /**< equal to (方式) */
    const char *result; /**< equal to (结果) */
    const char *satisfaction; /**< equal to (满意度) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_followup_filter;
/** The current version of ::fd_followup_filter. */
#define FD_FOLLOWUP_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_FOLLOWUP_FILTER_INIT { FD_FOLLOWUP_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL, NULL, NULL, 0, 0 }
/** Fills @p filter with ::FD_FOLLOWUP_FILTER_INIT for @p version. */
FD_API fd_status fd_followup_filter_init(fd_followup_filter *filter, unsigned int version);

/** 回访电话: A callback owed to a customer — from a call's call-back or reply task, a complaint, a member customer or a repair — due within followup.callback_days or at the time agreed, never in the customer's rest time. (R-PLN-2) Strings are owned by the iterator or the
 *  record they came from; fd_callback_free() frees a record from fd_store_callback_get(). */
typedef struct fd_callback {
    unsigned int version; /**< ::FD_CALLBACK_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-2) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 创建人: who created it (R-COM-1) */
    int64_t created_at; /**< 创建时间: when (UTC seconds) (R-COM-1) */
    const char *source; /**< 来源: call (a call_task), complaint, member, repair, question (a visit's open question), at most 16 bytes (R-PLN-2) */
    int64_t call_task_id; /**< 回拨任务: the call's call-back or reply task, 0 = none (R-CALL-8) */
    int64_t complaint_id; /**< 投诉: the complaint, 0 = none (R-PLN-2) */
    int64_t repair_id; /**< 工单: the work order, 0 = none (R-PLN-2) */
    int64_t occupant_id; /**< 住户: the customer as an occupant, 0 = not one (R-PLN-2) */
    int64_t organisation_id; /**< 企业: the customer as an organisation, 0 = not one (R-PLN-2) */
    const char *customer; /**< 客户: the customer's name, at most 100 bytes; personal data (name), masked on output (R-PLN-2) */
    const char *number; /**< 电话: the number to call, stored normalised; masked on output, at most 64 bytes; personal data (phone), masked on output (R-PLN-2) */
    int member; /**< 会员客户: 1: a member customer (100 % get a callback, followup.member_callback_pct) (R-PLN-2) */
    int64_t agreed_at; /**< 约定时间: the time agreed with the customer (wins over the policy), 0 = none (UTC seconds) (R-PLN-2) */
    int64_t due_at; /**< 应回访: agreed_at, or followup.callback_days on the working calendar, moved out of quiet hours (set by the store) (UTC seconds) (R-PLN-2) */
    int provisional; /**< 暂定: 1 when due_at was computed past the holiday data (set by the store) (R-CALL-9) */
    const char *state; /**< 状态: open, done, closed (closed without reaching the customer, with a reason) (set by the store), at most 16 bytes (R-PLN-2) */
    int64_t attempts; /**< 尝试次数: attempts recorded (set by the store) (R-PLN-2) */
    int64_t done_at; /**< 完成时间: when it was done or closed, 0 = open (set by the store) (UTC seconds) (R-PLN-2) */
    const char *satisfaction; /**< 满意度: satisfied, average, unsatisfied (set by the store), at most 16 bytes (R-PLN-2) */
    const char *close_reason; /**< 关闭原因: why it was closed without reaching the customer (set by the store), at most 200 bytes; personal data (free_text), masked on output (R-PLN-2) */
} fd_callback;
/** The current version of ::fd_callback. */
#define FD_CALLBACK_VERSION 1
/** An empty ::fd_callback to fill in. */
#define FD_CALLBACK_INIT { FD_CALLBACK_VERSION, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, NULL, 0, 0, NULL, NULL }
/** Fills @p rec with ::FD_CALLBACK_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_callback_init(fd_callback *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`callback.<field>: ...`).
 */
FD_API fd_status fd_callback_check(const fd_callback *rec);
/** Frees a record from fd_store_callback_get(). NULL is a no-op. */
FD_API void fd_callback_free(fd_callback *rec);

/* Bits of fd_callback_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_CALLBACK_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_CALLBACK_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_CALLBACK_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_CALLBACK_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_CALLBACK_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_CALLBACK_MATCH_SOURCE (UINT64_C(1) << 5) /**< filter.source is set */
#define FD_CALLBACK_MATCH_CALL_TASK_ID (UINT64_C(1) << 6) /**< filter.call_task_id is set */
#define FD_CALLBACK_MATCH_COMPLAINT_ID (UINT64_C(1) << 7) /**< filter.complaint_id is set */
#define FD_CALLBACK_MATCH_REPAIR_ID (UINT64_C(1) << 8) /**< filter.repair_id is set */
#define FD_CALLBACK_MATCH_OCCUPANT_ID (UINT64_C(1) << 9) /**< filter.occupant_id is set */
#define FD_CALLBACK_MATCH_ORGANISATION_ID (UINT64_C(1) << 10) /**< filter.organisation_id is set */
#define FD_CALLBACK_MATCH_CUSTOMER (UINT64_C(1) << 11) /**< filter.customer is set */
#define FD_CALLBACK_MATCH_NUMBER (UINT64_C(1) << 12) /**< filter.number is set */
#define FD_CALLBACK_MATCH_MEMBER (UINT64_C(1) << 13) /**< filter.member is set */
#define FD_CALLBACK_MATCH_AGREED_AT_FROM (UINT64_C(1) << 14) /**< filter.agreed_at_from is set */
#define FD_CALLBACK_MATCH_AGREED_AT_TO (UINT64_C(1) << 15) /**< filter.agreed_at_to is set */
#define FD_CALLBACK_MATCH_DUE_AT_FROM (UINT64_C(1) << 16) /**< filter.due_at_from is set */
#define FD_CALLBACK_MATCH_DUE_AT_TO (UINT64_C(1) << 17) /**< filter.due_at_to is set */
#define FD_CALLBACK_MATCH_PROVISIONAL (UINT64_C(1) << 18) /**< filter.provisional is set */
#define FD_CALLBACK_MATCH_STATE (UINT64_C(1) << 19) /**< filter.state is set */
#define FD_CALLBACK_MATCH_ATTEMPTS (UINT64_C(1) << 20) /**< filter.attempts is set */
#define FD_CALLBACK_MATCH_DONE_AT_FROM (UINT64_C(1) << 21) /**< filter.done_at_from is set */
#define FD_CALLBACK_MATCH_DONE_AT_TO (UINT64_C(1) << 22) /**< filter.done_at_to is set */
#define FD_CALLBACK_MATCH_SATISFACTION (UINT64_C(1) << 23) /**< filter.satisfaction is set */
#define FD_CALLBACK_MATCH_SEARCH (UINT64_C(1) << 24) /**< filter.search is set */
#endif
/** Which callback records fd_store_callback_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_callback_filter {
    unsigned int version; /**< ::FD_CALLBACK_FILTER_VERSION */
    uint64_t match; /**< `FD_CALLBACK_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (创建人) */
    int64_t created_at_from; /**< >= (创建时间) */
    int64_t created_at_to; /**< < (创建时间) */
    const char *source; /**< equal to (来源) */
    int64_t call_task_id; /**< equal to (回拨任务) */
    int64_t complaint_id; /**< equal to (投诉) */
    int64_t repair_id; /**< equal to (工单) */
    int64_t occupant_id; /**< equal to (住户) */
    int64_t organisation_id; /**< equal to (企业) */
    const char *customer; /**< equal to (客户) */
    const char *number; /**< equal to (电话) */
    int member; /**< equal to (会员客户) */
    int64_t agreed_at_from; /**< >= (约定时间) */
    int64_t agreed_at_to; /**< < (约定时间) */
    int64_t due_at_from; /**< >= (应回访) */
    int64_t due_at_to; /**< < (应回访) */
    int provisional; /**< equal to (暂定) */
    const char *state; /**< equal to (状态) */
    int64_t attempts; /**< equal to (尝试次数) */
    int64_t done_at_from; /**< >= (完成时间) */
    int64_t done_at_to; /**< < (完成时间) */
    const char *satisfaction; /**< equal to (满意度) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_callback_filter;
/** The current version of ::fd_callback_filter. */
#define FD_CALLBACK_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_CALLBACK_FILTER_INIT { FD_CALLBACK_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL, NULL, 0, 0 }
/** Fills @p filter with ::FD_CALLBACK_FILTER_INIT for @p version. */
FD_API fd_status fd_callback_filter_init(fd_callback_filter *filter, unsigned int version);

/** 回访记录: One attempt to call a customer back (append-only): when, with what result; the last one that reached them carries the outcome. (R-PLN-2) Strings are owned by the iterator or the
 *  record they came from; fd_callback_attempt_free() frees a record from fd_store_callback_attempt_get(). */
typedef struct fd_callback_attempt {
    unsigned int version; /**< ::FD_CALLBACK_ATTEMPT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-2) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 回访人: who called (R-COM-1) */
    int64_t created_at; /**< 时间: when it was recorded (UTC seconds) (R-COM-1) */
    int64_t callback_id; /**< 回访任务: the callback (R-PLN-2) */
    int64_t placed_at; /**< 拨打时间: when the call was placed (not in quiet hours) (UTC seconds) (R-PLN-2) */
    const char *result; /**< 结果: no_answer, busy, done, at most 16 bytes (R-PLN-2) */
    const char *satisfaction; /**< 满意度: done: satisfied, average, unsatisfied, at most 16 bytes (R-PLN-2) */
    const char *said; /**< 客户意见: what the customer said, at most 1000 bytes; personal data (free_text), masked on output (R-PLN-2) */
} fd_callback_attempt;
/** The current version of ::fd_callback_attempt. */
#define FD_CALLBACK_ATTEMPT_VERSION 1
/** An empty ::fd_callback_attempt to fill in. */
#define FD_CALLBACK_ATTEMPT_INIT { FD_CALLBACK_ATTEMPT_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL }
/** Fills @p rec with ::FD_CALLBACK_ATTEMPT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_callback_attempt_init(fd_callback_attempt *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`callback_attempt.<field>: ...`).
 */
FD_API fd_status fd_callback_attempt_check(const fd_callback_attempt *rec);
/** Frees a record from fd_store_callback_attempt_get(). NULL is a no-op. */
FD_API void fd_callback_attempt_free(fd_callback_attempt *rec);

/* Bits of fd_callback_attempt_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_CALLBACK_ATTEMPT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_CALLBACK_ATTEMPT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_CALLBACK_ATTEMPT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_CALLBACK_ATTEMPT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_CALLBACK_ATTEMPT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_CALLBACK_ATTEMPT_MATCH_CALLBACK_ID (UINT64_C(1) << 5) /**< filter.callback_id is set */
#define FD_CALLBACK_ATTEMPT_MATCH_PLACED_AT_FROM (UINT64_C(1) << 6) /**< filter.placed_at_from is set */
#define FD_CALLBACK_ATTEMPT_MATCH_PLACED_AT_TO (UINT64_C(1) << 7) /**< filter.placed_at_to is set */
#define FD_CALLBACK_ATTEMPT_MATCH_RESULT (UINT64_C(1) << 8) /**< filter.result is set */
#define FD_CALLBACK_ATTEMPT_MATCH_SATISFACTION (UINT64_C(1) << 9) /**< filter.satisfaction is set */
#endif
/** Which callback_attempt records fd_store_callback_attempt_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_callback_attempt_filter {
    unsigned int version; /**< ::FD_CALLBACK_ATTEMPT_FILTER_VERSION */
    uint64_t match; /**< `FD_CALLBACK_ATTEMPT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (回访人) */
    int64_t created_at_from; /**< >= (时间) */
    int64_t created_at_to; /**< < (时间) */
    int64_t callback_id; /**< equal to (回访任务) */
    int64_t placed_at_from; /**< >= (拨打时间) */
    int64_t placed_at_to; /**< < (拨打时间) */
    const char *result; /**< equal to (结果) */
    const char *satisfaction; /**< equal to (满意度) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_callback_attempt_filter;
/** The current version of ::fd_callback_attempt_filter. */
#define FD_CALLBACK_ATTEMPT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_CALLBACK_ATTEMPT_FILTER_INIT { FD_CALLBACK_ATTEMPT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0 }
/** Fills @p filter with ::FD_CALLBACK_ATTEMPT_FILTER_INIT for @p version. */
FD_API fd_status fd_callback_attempt_filter_init(fd_callback_attempt_filter *filter, unsigned int version);

/** 客服专员: A service specialist customers are assigned to, with a level (ability); joins and leaves on dates. (R-PLN-3) Strings are owned by the iterator or the
 *  record they came from; fd_specialist_free() frees a record from fd_store_specialist_get(). */
typedef struct fd_specialist {
    unsigned int version; /**< ::FD_SPECIALIST_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who recorded it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when (UTC seconds) (R-COM-1) */
    int64_t member_id; /**< 员工: the member of staff, once per site while active (R-PLN-3) */
    int64_t level; /**< 级别: ability, 1 (junior) … 5 (senior): a level-2 specialist carries twice the customers of a level 1 (R-PLN-3) */
    int64_t left_at; /**< 离岗时间: when they stopped taking customers, 0 = active (set by the store) (UTC seconds) (R-PLN-3) */
} fd_specialist;
/** The current version of ::fd_specialist. */
#define FD_SPECIALIST_VERSION 1
/** An empty ::fd_specialist to fill in. */
#define FD_SPECIALIST_INIT { FD_SPECIALIST_VERSION, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p rec with ::FD_SPECIALIST_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_specialist_init(fd_specialist *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`specialist.<field>: ...`).
 */
FD_API fd_status fd_specialist_check(const fd_specialist *rec);
/** Frees a record from fd_store_specialist_get(). NULL is a no-op. */
FD_API void fd_specialist_free(fd_specialist *rec);

/* Bits of fd_specialist_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_SPECIALIST_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_SPECIALIST_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_SPECIALIST_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_SPECIALIST_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_SPECIALIST_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_SPECIALIST_MATCH_MEMBER_ID (UINT64_C(1) << 5) /**< filter.member_id is set */
#define FD_SPECIALIST_MATCH_LEVEL (UINT64_C(1) << 6) /**< filter.level is set */
#define FD_SPECIALIST_MATCH_LEFT_AT_FROM (UINT64_C(1) << 7) /**< filter.left_at_from is set */
#define FD_SPECIALIST_MATCH_LEFT_AT_TO (UINT64_C(1) << 8) /**< filter.left_at_to is set */
#endif
/** Which specialist records fd_store_specialist_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_specialist_filter {
    unsigned int version; /**< ::FD_SPECIALIST_FILTER_VERSION */
    uint64_t match; /**< `FD_SPECIALIST_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t member_id; /**< equal to (员工) */
    int64_t level; /**< equal to (级别) */
    int64_t left_at_from; /**< >= (离岗时间) */
    int64_t left_at_to; /**< < (离岗时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_specialist_filter;
/** The current version of ::fd_specialist_filter. */
#define FD_SPECIALIST_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_SPECIALIST_FILTER_INIT { FD_SPECIALIST_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_SPECIALIST_FILTER_INIT for @p version. */
FD_API fd_status fd_specialist_filter_init(fd_specialist_filter *filter, unsigned int version);

/** 客户分配: A customer (occupant or organisation) assigned to a specialist from a time, until it ends; the first contact is due within plan.new_customer_contact_days. (R-PLN-3) Strings are owned by the iterator or the
 *  record they came from; fd_customer_assignment_free() frees a record from fd_store_customer_assignment_get(). */
typedef struct fd_customer_assignment {
    unsigned int version; /**< ::FD_CUSTOMER_ASSIGNMENT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 分配人: who assigned it (R-COM-1) */
    int64_t created_at; /**< 分配时间: when (it starts then) (UTC seconds) (R-COM-1) */
    int64_t specialist_id; /**< 客服专员: the specialist (R-PLN-3) */
    int64_t occupant_id; /**< 住户: the customer as an occupant (one of occupant and organisation) (R-PLN-3) */
    int64_t organisation_id; /**< 企业: the customer as an organisation (R-PLN-3) */
    int64_t contact_due_at; /**< 应联系: plan.new_customer_contact_days on the working calendar (set by the store) (UTC seconds) (R-PLN-3) */
    int64_t contacted_at; /**< 首次联系: when the specialist first contacted them, 0 = not yet (set by the store) (UTC seconds) (R-PLN-3) */
    int64_t ended_at; /**< 结束时间: when it ended (a rebalance moved them, the specialist left), 0 = in force (set by the store) (UTC seconds) (R-PLN-3) */
} fd_customer_assignment;
/** The current version of ::fd_customer_assignment. */
#define FD_CUSTOMER_ASSIGNMENT_VERSION 1
/** An empty ::fd_customer_assignment to fill in. */
#define FD_CUSTOMER_ASSIGNMENT_INIT { FD_CUSTOMER_ASSIGNMENT_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p rec with ::FD_CUSTOMER_ASSIGNMENT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_customer_assignment_init(fd_customer_assignment *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`customer_assignment.<field>: ...`).
 */
FD_API fd_status fd_customer_assignment_check(const fd_customer_assignment *rec);
/** Frees a record from fd_store_customer_assignment_get(). NULL is a no-op. */
FD_API void fd_customer_assignment_free(fd_customer_assignment *rec);

/* Bits of fd_customer_assignment_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_CUSTOMER_ASSIGNMENT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_SPECIALIST_ID (UINT64_C(1) << 5) /**< filter.specialist_id is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_OCCUPANT_ID (UINT64_C(1) << 6) /**< filter.occupant_id is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_ORGANISATION_ID (UINT64_C(1) << 7) /**< filter.organisation_id is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_CONTACT_DUE_AT_FROM (UINT64_C(1) << 8) /**< filter.contact_due_at_from is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_CONTACT_DUE_AT_TO (UINT64_C(1) << 9) /**< filter.contact_due_at_to is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_CONTACTED_AT_FROM (UINT64_C(1) << 10) /**< filter.contacted_at_from is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_CONTACTED_AT_TO (UINT64_C(1) << 11) /**< filter.contacted_at_to is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_ENDED_AT_FROM (UINT64_C(1) << 12) /**< filter.ended_at_from is set */
#define FD_CUSTOMER_ASSIGNMENT_MATCH_ENDED_AT_TO (UINT64_C(1) << 13) /**< filter.ended_at_to is set */
#endif
/** Which customer_assignment records fd_store_customer_assignment_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_customer_assignment_filter {
    unsigned int version; /**< ::FD_CUSTOMER_ASSIGNMENT_FILTER_VERSION */
    uint64_t match; /**< `FD_CUSTOMER_ASSIGNMENT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (分配人) */
    int64_t created_at_from; /**< >= (分配时间) */
    int64_t created_at_to; /**< < (分配时间) */
    int64_t specialist_id; /**< equal to (客服专员) */
    int64_t occupant_id; /**< equal to (住户) */
    int64_t organisation_id; /**< equal to (企业) */
    int64_t contact_due_at_from; /**< >= (应联系) */
    int64_t contact_due_at_to; /**< < (应联系) */
    int64_t contacted_at_from; /**< >= (首次联系) */
    int64_t contacted_at_to; /**< < (首次联系) */
    int64_t ended_at_from; /**< >= (结束时间) */
    int64_t ended_at_to; /**< < (结束时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_customer_assignment_filter;
/** The current version of ::fd_customer_assignment_filter. */
#define FD_CUSTOMER_ASSIGNMENT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_CUSTOMER_ASSIGNMENT_FILTER_INIT { FD_CUSTOMER_ASSIGNMENT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_CUSTOMER_ASSIGNMENT_FILTER_INIT for @p version. */
FD_API fd_status fd_customer_assignment_filter_init(fd_customer_assignment_filter *filter, unsigned int version);

/** 拜访计划: A plan of visits to a customer by appointment: once, or recurring on the working calendar; reassignment keeps who planned it. (R-PLN-4) Strings are owned by the iterator or the
 *  record they came from; fd_visit_plan_free() frees a record from fd_store_visit_plan_get(). */
typedef struct fd_visit_plan {
    unsigned int version; /**< ::FD_VISIT_PLAN_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-4) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 计划人: who planned it (kept through reassignment) (R-PLN-4) */
    int64_t created_at; /**< 计划时间: when (UTC seconds) (R-COM-1) */
    int64_t occupant_id; /**< 住户: the customer as an occupant (one of occupant, organisation) (R-PLN-4) */
    int64_t organisation_id; /**< 企业: the customer as an organisation (R-PLN-4) */
    const char *purpose; /**< 拜访事由: what the visits are for, at most 500 bytes; personal data (free_text), masked on output (R-PLN-4) */
    const char *recurrence; /**< 周期: once, weekly, monthly, working_days (every interval working days), at most 16 bytes (R-PLN-4) */
    int64_t interval; /**< 间隔: every interval weeks, months or working days (>= 1; once: 0) (R-PLN-4) */
    int64_t first_at; /**< 首次时间: the first appointment (a working day's business hours) (UTC seconds) (R-PLN-4) */
    fd_date until_on; /**< 截止日期: no appointment on or after this day; unset = open-ended (R-PLN-4) */
    int64_t assigned_to; /**< 拜访人: who goes (reassignment changes it; the staff_id who planned it stays) (R-PLN-4) */
    int64_t ended_at; /**< 终止时间: when the plan was ended, 0 = active (set by the store) (UTC seconds) (R-PLN-4) */
} fd_visit_plan;
/** The current version of ::fd_visit_plan. */
#define FD_VISIT_PLAN_VERSION 1
/** An empty ::fd_visit_plan to fill in. */
#define FD_VISIT_PLAN_INIT { FD_VISIT_PLAN_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, { 0, 0, 0 }, 0, 0 }
/** Fills @p rec with ::FD_VISIT_PLAN_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_visit_plan_init(fd_visit_plan *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`visit_plan.<field>: ...`).
 */
FD_API fd_status fd_visit_plan_check(const fd_visit_plan *rec);
/** Frees a record from fd_store_visit_plan_get(). NULL is a no-op. */
FD_API void fd_visit_plan_free(fd_visit_plan *rec);

/* Bits of fd_visit_plan_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_VISIT_PLAN_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_VISIT_PLAN_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_VISIT_PLAN_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_VISIT_PLAN_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_VISIT_PLAN_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_VISIT_PLAN_MATCH_OCCUPANT_ID (UINT64_C(1) << 5) /**< filter.occupant_id is set */
#define FD_VISIT_PLAN_MATCH_ORGANISATION_ID (UINT64_C(1) << 6) /**< filter.organisation_id is set */
#define FD_VISIT_PLAN_MATCH_RECURRENCE (UINT64_C(1) << 7) /**< filter.recurrence is set */
#define FD_VISIT_PLAN_MATCH_INTERVAL (UINT64_C(1) << 8) /**< filter.interval is set */
#define FD_VISIT_PLAN_MATCH_FIRST_AT_FROM (UINT64_C(1) << 9) /**< filter.first_at_from is set */
#define FD_VISIT_PLAN_MATCH_FIRST_AT_TO (UINT64_C(1) << 10) /**< filter.first_at_to is set */
#define FD_VISIT_PLAN_MATCH_UNTIL_ON_FROM (UINT64_C(1) << 11) /**< filter.until_on_from is set */
#define FD_VISIT_PLAN_MATCH_UNTIL_ON_TO (UINT64_C(1) << 12) /**< filter.until_on_to is set */
#define FD_VISIT_PLAN_MATCH_ASSIGNED_TO (UINT64_C(1) << 13) /**< filter.assigned_to is set */
#define FD_VISIT_PLAN_MATCH_ENDED_AT_FROM (UINT64_C(1) << 14) /**< filter.ended_at_from is set */
#define FD_VISIT_PLAN_MATCH_ENDED_AT_TO (UINT64_C(1) << 15) /**< filter.ended_at_to is set */
#endif
/** Which visit_plan records fd_store_visit_plan_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_visit_plan_filter {
    unsigned int version; /**< ::FD_VISIT_PLAN_FILTER_VERSION */
    uint64_t match; /**< `FD_VISIT_PLAN_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (计划人) */
    int64_t created_at_from; /**< >= (计划时间) */
    int64_t created_at_to; /**< < (计划时间) */
    int64_t occupant_id; /**< equal to (住户) */
    int64_t organisation_id; /**< equal to (企业) */
    const char *recurrence; /**< equal to (周期) */
    int64_t interval; /**< equal to (间隔) */
    int64_t first_at_from; /**< >= (首次时间) */
    int64_t first_at_to; /**< < (首次时间) */
    fd_date until_on_from; /**< >= (截止日期) */
    fd_date until_on_to; /**< < (截止日期) */
    int64_t assigned_to; /**< equal to (拜访人) */
    int64_t ended_at_from; /**< >= (终止时间) */
    int64_t ended_at_to; /**< < (终止时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_visit_plan_filter;
/** The current version of ::fd_visit_plan_filter. */
#define FD_VISIT_PLAN_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_VISIT_PLAN_FILTER_INIT { FD_VISIT_PLAN_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_VISIT_PLAN_FILTER_INIT for @p version. */
FD_API fd_status fd_visit_plan_filter_init(fd_visit_plan_filter *filter, unsigned int version);

/** 拜访: One appointment of a visit plan: planned vs actual (who went, when), what the customer said (拜访客户登记记录表). (R-PLN-4) Strings are owned by the iterator or the
 *  record they came from; fd_planned_visit_free() frees a record from fd_store_planned_visit_get(). */
typedef struct fd_planned_visit {
    unsigned int version; /**< ::FD_PLANNED_VISIT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-4) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who scheduled it, 0 = the system (R-COM-1) */
    int64_t created_at; /**< 时间: when (UTC seconds) (R-COM-1) */
    int64_t plan_id; /**< 拜访计划: the plan (R-PLN-4) */
    int64_t due_at; /**< 预约时间: the appointment; one per plan and instant (UTC seconds) (R-PLN-4) */
    int64_t assigned_to; /**< 拜访人: who is to go (R-PLN-4) */
    const char *state; /**< 状态: planned, done, missed, cancelled (set by the store), at most 16 bytes (R-PLN-4) */
    int64_t done_at; /**< 实际时间: when the visit took place, 0 = not (set by the store) (UTC seconds) (R-PLN-4) */
    int64_t done_by; /**< 实际拜访人: who went (set by the store) (R-PLN-4) */
    const char *said; /**< 客户意见: what the customer said (set by the store), at most 2000 bytes; personal data (free_text), masked on output (R-PLN-4) */
} fd_planned_visit;
/** The current version of ::fd_planned_visit. */
#define FD_PLANNED_VISIT_VERSION 1
/** An empty ::fd_planned_visit to fill in. */
#define FD_PLANNED_VISIT_INIT { FD_PLANNED_VISIT_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, NULL }
/** Fills @p rec with ::FD_PLANNED_VISIT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_planned_visit_init(fd_planned_visit *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`planned_visit.<field>: ...`).
 */
FD_API fd_status fd_planned_visit_check(const fd_planned_visit *rec);
/** Frees a record from fd_store_planned_visit_get(). NULL is a no-op. */
FD_API void fd_planned_visit_free(fd_planned_visit *rec);

/* Bits of fd_planned_visit_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_PLANNED_VISIT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_PLANNED_VISIT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_PLANNED_VISIT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_PLANNED_VISIT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_PLANNED_VISIT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_PLANNED_VISIT_MATCH_PLAN_ID (UINT64_C(1) << 5) /**< filter.plan_id is set */
#define FD_PLANNED_VISIT_MATCH_DUE_AT_FROM (UINT64_C(1) << 6) /**< filter.due_at_from is set */
#define FD_PLANNED_VISIT_MATCH_DUE_AT_TO (UINT64_C(1) << 7) /**< filter.due_at_to is set */
#define FD_PLANNED_VISIT_MATCH_ASSIGNED_TO (UINT64_C(1) << 8) /**< filter.assigned_to is set */
#define FD_PLANNED_VISIT_MATCH_STATE (UINT64_C(1) << 9) /**< filter.state is set */
#define FD_PLANNED_VISIT_MATCH_DONE_AT_FROM (UINT64_C(1) << 10) /**< filter.done_at_from is set */
#define FD_PLANNED_VISIT_MATCH_DONE_AT_TO (UINT64_C(1) << 11) /**< filter.done_at_to is set */
#define FD_PLANNED_VISIT_MATCH_DONE_BY (UINT64_C(1) << 12) /**< filter.done_by is set */
#endif
/** Which planned_visit records fd_store_planned_visit_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_planned_visit_filter {
    unsigned int version; /**< ::FD_PLANNED_VISIT_FILTER_VERSION */
    uint64_t match; /**< `FD_PLANNED_VISIT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (时间) */
    int64_t created_at_to; /**< < (时间) */
    int64_t plan_id; /**< equal to (拜访计划) */
    int64_t due_at_from; /**< >= (预约时间) */
    int64_t due_at_to; /**< < (预约时间) */
    int64_t assigned_to; /**< equal to (拜访人) */
    const char *state; /**< equal to (状态) */
    int64_t done_at_from; /**< >= (实际时间) */
    int64_t done_at_to; /**< < (实际时间) */
    int64_t done_by; /**< equal to (实际拜访人) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_planned_visit_filter;
/** The current version of ::fd_planned_visit_filter. */
#define FD_PLANNED_VISIT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_PLANNED_VISIT_FILTER_INIT { FD_PLANNED_VISIT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_PLANNED_VISIT_FILTER_INIT for @p version. */
FD_API fd_status fd_planned_visit_filter_init(fd_planned_visit_filter *filter, unsigned int version);

/** 待答复问题: A question a visit could not answer on the spot: taken to the manager, answered later through a reply task (a callback of source question). (R-PLN-4) Strings are owned by the iterator or the
 *  record they came from; fd_visit_question_free() frees a record from fd_store_visit_question_get(). */
typedef struct fd_visit_question {
    unsigned int version; /**< ::FD_VISIT_QUESTION_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-4) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 记录人: who took it (R-COM-1) */
    int64_t created_at; /**< 时间: when (UTC seconds) (R-COM-1) */
    int64_t planned_visit_id; /**< 拜访: the visit (R-PLN-4) */
    const char *question; /**< 问题: the question, in the customer's words, at most 500 bytes; personal data (free_text), masked on output (R-PLN-4) */
    int64_t callback_id; /**< 答复任务: the reply task (set by the store) (R-PLN-4) */
    int64_t answered_at; /**< 答复时间: when it was answered, 0 = not yet (set by the store) (UTC seconds) (R-PLN-4) */
    const char *answer; /**< 答复: the answer given (set by the store), at most 1000 bytes; personal data (free_text), masked on output (R-PLN-4) */
} fd_visit_question;
/** The current version of ::fd_visit_question. */
#define FD_VISIT_QUESTION_VERSION 1
/** An empty ::fd_visit_question to fill in. */
#define FD_VISIT_QUESTION_INIT { FD_VISIT_QUESTION_VERSION, 0, 0, 0, 0, 0, NULL, 0, 0, NULL }
/** Fills @p rec with ::FD_VISIT_QUESTION_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_visit_question_init(fd_visit_question *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`visit_question.<field>: ...`).
 */
FD_API fd_status fd_visit_question_check(const fd_visit_question *rec);
/** Frees a record from fd_store_visit_question_get(). NULL is a no-op. */
FD_API void fd_visit_question_free(fd_visit_question *rec);

/* Bits of fd_visit_question_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_VISIT_QUESTION_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_VISIT_QUESTION_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_VISIT_QUESTION_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_VISIT_QUESTION_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_VISIT_QUESTION_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_VISIT_QUESTION_MATCH_PLANNED_VISIT_ID (UINT64_C(1) << 5) /**< filter.planned_visit_id is set */
#define FD_VISIT_QUESTION_MATCH_CALLBACK_ID (UINT64_C(1) << 6) /**< filter.callback_id is set */
#define FD_VISIT_QUESTION_MATCH_ANSWERED_AT_FROM (UINT64_C(1) << 7) /**< filter.answered_at_from is set */
#define FD_VISIT_QUESTION_MATCH_ANSWERED_AT_TO (UINT64_C(1) << 8) /**< filter.answered_at_to is set */
#endif
/** Which visit_question records fd_store_visit_question_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_visit_question_filter {
    unsigned int version; /**< ::FD_VISIT_QUESTION_FILTER_VERSION */
    uint64_t match; /**< `FD_VISIT_QUESTION_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (记录人) */
    int64_t created_at_from; /**< >= (时间) */
    int64_t created_at_to; /**< < (时间) */
    int64_t planned_visit_id; /**< equal to (拜访) */
    int64_t callback_id; /**< equal to (答复任务) */
    int64_t answered_at_from; /**< >= (答复时间) */
    int64_t answered_at_to; /**< < (答复时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_visit_question_filter;
/** The current version of ::fd_visit_question_filter. */
#define FD_VISIT_QUESTION_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_VISIT_QUESTION_FILTER_INIT { FD_VISIT_QUESTION_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_VISIT_QUESTION_FILTER_INIT for @p version. */
FD_API fd_status fd_visit_question_filter_init(fd_visit_question_filter *filter, unsigned int version);

/** 意见征询: An owners' opinion survey (业主意见征询表), every plan.survey_interval_months: its questions and who was asked. (R-PLN-5) Strings are owned by the iterator or the
 *  record they came from; fd_survey_free() frees a record from fd_store_survey_get(). */
typedef struct fd_survey {
    unsigned int version; /**< ::FD_SURVEY_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-5) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 发起人: who started it (R-COM-1) */
    int64_t created_at; /**< 时间: when (UTC seconds) (R-COM-1) */
    const char *title; /**< 标题: 2026年度业主意见征询, at most 200 bytes (R-PLN-5) */
    fd_date opened_on; /**< 开始日期: the first day answers are taken (R-PLN-5) */
    fd_date closes_on; /**< 截止日期: the first day they no longer are (after opened_on) (R-PLN-5) */
    const char *questions; /**< 问题: the questions, one per line, numbered from 1 in order, at most 4000 bytes; personal data (free_text), masked on output (R-PLN-5) */
} fd_survey;
/** The current version of ::fd_survey. */
#define FD_SURVEY_VERSION 1
/** An empty ::fd_survey to fill in. */
#define FD_SURVEY_INIT { FD_SURVEY_VERSION, 0, 0, 0, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 }, NULL }
/** Fills @p rec with ::FD_SURVEY_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_survey_init(fd_survey *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`survey.<field>: ...`).
 */
FD_API fd_status fd_survey_check(const fd_survey *rec);
/** Frees a record from fd_store_survey_get(). NULL is a no-op. */
FD_API void fd_survey_free(fd_survey *rec);

/* Bits of fd_survey_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_SURVEY_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_SURVEY_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_SURVEY_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_SURVEY_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_SURVEY_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_SURVEY_MATCH_TITLE (UINT64_C(1) << 5) /**< filter.title is set */
#define FD_SURVEY_MATCH_OPENED_ON_FROM (UINT64_C(1) << 6) /**< filter.opened_on_from is set */
#define FD_SURVEY_MATCH_OPENED_ON_TO (UINT64_C(1) << 7) /**< filter.opened_on_to is set */
#define FD_SURVEY_MATCH_CLOSES_ON_FROM (UINT64_C(1) << 8) /**< filter.closes_on_from is set */
#define FD_SURVEY_MATCH_CLOSES_ON_TO (UINT64_C(1) << 9) /**< filter.closes_on_to is set */
#endif
/** Which survey records fd_store_survey_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_survey_filter {
    unsigned int version; /**< ::FD_SURVEY_FILTER_VERSION */
    uint64_t match; /**< `FD_SURVEY_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (发起人) */
    int64_t created_at_from; /**< >= (时间) */
    int64_t created_at_to; /**< < (时间) */
    const char *title; /**< equal to (标题) */
    fd_date opened_on_from; /**< >= (开始日期) */
    fd_date opened_on_to; /**< < (开始日期) */
    fd_date closes_on_from; /**< >= (截止日期) */
    fd_date closes_on_to; /**< < (截止日期) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_survey_filter;
/** The current version of ::fd_survey_filter. */
#define FD_SURVEY_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_SURVEY_FILTER_INIT { FD_SURVEY_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0 }
/** Fills @p filter with ::FD_SURVEY_FILTER_INIT for @p version. */
FD_API fd_status fd_survey_filter_init(fd_survey_filter *filter, unsigned int version);

/** 征询答复: One answer of one respondent to one question of a survey. (R-PLN-5) Strings are owned by the iterator or the
 *  record they came from; fd_survey_answer_free() frees a record from fd_store_survey_answer_get(). */
typedef struct fd_survey_answer {
    unsigned int version; /**< ::FD_SURVEY_ANSWER_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-PLN-5) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 记录人: who recorded it (R-COM-1) */
    int64_t created_at; /**< 时间: when (UTC seconds) (R-COM-1) */
    int64_t survey_id; /**< 征询: the survey (R-PLN-5) */
    int64_t occupant_id; /**< 业主: who was asked (an owner of the register); one answer per question each (R-PLN-5) */
    int64_t question_no; /**< 题号: the question's number, 1 … (R-PLN-5) */
    int64_t score; /**< 评分: 1 … 5 (very dissatisfied … very satisfied), 0 = no score (R-PLN-5) */
    const char *answer; /**< 意见: what they wrote, at most 1000 bytes; personal data (free_text), masked on output (R-PLN-5) */
} fd_survey_answer;
/** The current version of ::fd_survey_answer. */
#define FD_SURVEY_ANSWER_VERSION 1
/** An empty ::fd_survey_answer to fill in. */
#define FD_SURVEY_ANSWER_INIT { FD_SURVEY_ANSWER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, NULL }
/** Fills @p rec with ::FD_SURVEY_ANSWER_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_survey_answer_init(fd_survey_answer *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`survey_answer.<field>: ...`).
 */
FD_API fd_status fd_survey_answer_check(const fd_survey_answer *rec);
/** Frees a record from fd_store_survey_answer_get(). NULL is a no-op. */
FD_API void fd_survey_answer_free(fd_survey_answer *rec);

/* Bits of fd_survey_answer_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_SURVEY_ANSWER_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_SURVEY_ANSWER_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_SURVEY_ANSWER_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_SURVEY_ANSWER_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_SURVEY_ANSWER_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_SURVEY_ANSWER_MATCH_SURVEY_ID (UINT64_C(1) << 5) /**< filter.survey_id is set */
#define FD_SURVEY_ANSWER_MATCH_OCCUPANT_ID (UINT64_C(1) << 6) /**< filter.occupant_id is set */
#define FD_SURVEY_ANSWER_MATCH_QUESTION_NO (UINT64_C(1) << 7) /**< filter.question_no is set */
#define FD_SURVEY_ANSWER_MATCH_SCORE (UINT64_C(1) << 8) /**< filter.score is set */
#endif
/** Which survey_answer records fd_store_survey_answer_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_survey_answer_filter {
    unsigned int version; /**< ::FD_SURVEY_ANSWER_FILTER_VERSION */
    uint64_t match; /**< `FD_SURVEY_ANSWER_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (记录人) */
    int64_t created_at_from; /**< >= (时间) */
    int64_t created_at_to; /**< < (时间) */
    int64_t survey_id; /**< equal to (征询) */
    int64_t occupant_id; /**< equal to (业主) */
    int64_t question_no; /**< equal to (题号) */
    int64_t score; /**< equal to (评分) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_survey_answer_filter;
/** The current version of ::fd_survey_answer_filter. */
#define FD_SURVEY_ANSWER_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_SURVEY_ANSWER_FILTER_INIT { FD_SURVEY_ANSWER_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_SURVEY_ANSWER_FILTER_INIT for @p version. */
FD_API fd_status fd_survey_answer_filter_init(fd_survey_answer_filter *filter, unsigned int version);

/* @generated records:plans end */

/* ========================================================================
 * Codes, work orders, follow-ups (repairs)
 * ====================================================================== */

/* --- codes ------------------------------------------------------------ */

/**
 * The Chinese label of @p code in code list @p field (`channel`, `category`,
 * `repair_state`, `repair_step`, `assignment`, `method`, `result`,
 * `satisfaction`, `source`, `attempt`, `recurrence`, `visit_state`,
 * `followup_state`, `callback_state`; see the file comment), NULL when either
 * is unknown. Never allocates.
 * Thread safety: safe.
 */
FD_API const char *fd_plan_code_label(const char *field, const char *code);

/**
 * The code for @p text as the desk types it — the code, its label, a word desks
 * use for it, Traditional (閉水試驗), full-width (ＬＥＡＫ) — into @p out.
 * @return ::FD_OK; ::FD_EINVAL naming `field` (no such list) or `text` (no
 *         such code, the list's codes named).
 * Thread safety: safe.
 */
FD_API fd_status fd_plan_code_parse(fd_buf *out, const char *field, const char *text);

/* --- the work order (R-PLN-6) ------------------------------------------ */

/**
 * Checks @p r as registered (R-PLN-6): fd_repair_check(); `channel` and
 * `category` from their lists, `skill` a lower-case code (empty: general),
 * a unit or an address, `contact` a phone number, `agreed_to` after
 * `agreed_from`, `received_at` not after `created_at` when both are set.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field (`repair.<field>`).
 * Thread safety: safe.
 */
FD_API fd_status fd_repair_validate(const fd_repair *r);

/**
 * One step of a work order (R-PLN-6), as the desk or the technician takes it
 * (fd_repair_step_check(), fd_store_repair_step()). `followup` and `rework`
 * are taken by fd_store_followup_record(), `receive` by fd_store_repair_add().
 */
typedef struct fd_repair_step {
    unsigned int version; /**< ::FD_REPAIR_STEP_VERSION */
    const char *kind;     /**< a `repair_step` code: dispatch, accept, transfer, return, pause, resume,
                               done, leak_test, close, close_undone */
    int64_t handler_id;   /**< dispatch, transfer: who gets it (> 0; transfer: another than now) */
    const char *note;     /**< return, pause, close_undone: why (required, at most 500 bytes); else optional */
    int64_t happened_at;  /**< when it happened, if before it is recorded (UTC seconds); 0 = now */
} fd_repair_step;
/** The current version of ::fd_repair_step. */
#define FD_REPAIR_STEP_VERSION 1
/** An empty ::fd_repair_step to fill in. */
#define FD_REPAIR_STEP_INIT { FD_REPAIR_STEP_VERSION, NULL, 0, NULL, 0 }
/** Fills @p step with ::FD_REPAIR_STEP_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_repair_step_init(fd_repair_step *step, unsigned int version);

/**
 * The steps a work order in @p state may take (R-PLN-6), in lifecycle order,
 * comma-separated, into @p out ("dispatch, close_undone" for received).
 * @return ::FD_OK; ::FD_EINVAL naming `state` when it is no `repair_state`.
 * Thread safety: safe.
 */
FD_API fd_status fd_repair_steps_allowed(fd_buf *out, const char *state);

/**
 * The lifecycle as one table (R-PLN-6): received → dispatch → dispatched →
 * accept → accepted → done → (a leak: leak_test, staying done) → followup →
 * followed_up → close → closed. transfer (dispatched, accepted, paused) gives
 * it to another handler and back to dispatched: the new one accepts it;
 * return (dispatched, accepted, paused) sends it back to the desk, received,
 * with no handler; pause (accepted) waits for parts, resume goes on;
 * close_undone closes any open order with a reason; rework (done, a
 * follow-up found it not fixed) sends it back to dispatched
 * with the same handler. Into @p to_state: the state @p step leads to (a
 * static string).
 * @return ::FD_OK; ::FD_ESTATE naming the state (and its label) and the steps
 *         it allows (a leak_test twice, a leak_test of no leak, a followup of
 *         a leak before its leak test too); ::FD_EINVAL naming the step's field
 *         (`step.kind`, `step.handler_id`, `step.note`, `step.happened_at`).
 * Thread safety: safe.
 */
FD_API fd_status fd_repair_step_check(const char **to_state, const fd_repair *r, const fd_repair_step *step);

/* --- the follow-up's due (R-PLN-1) -------------------------------------- */

/** When a done repair's follow-up is due (fd_followup_due()). */
typedef struct fd_followup_plan {
    unsigned int version;   /**< ::FD_FOLLOWUP_PLAN_VERSION */
    const char *policy_key; /**< followup.safety_repair_days, followup.leak_repair_days or
                                 followup.other_repair_days (a static string) */
    int64_t amount;         /**< the key's value */
    int unit;               /**< the key's unit, an FD_CALENDAR_UNIT_* (working days by default) */
    int64_t start_at;       /**< the work's end (done_at); a leak repair: its leak test (leak_tested_at) */
    int64_t due_at;         /**< the deadline on the site's calendar, UTC seconds: the last second on time */
    int provisional;        /**< 1 when a day past the holiday data decides due_at */
} fd_followup_plan;
/** The current version of ::fd_followup_plan. */
#define FD_FOLLOWUP_PLAN_VERSION 1

/**
 * R-PLN-1: when repair @p r's follow-up is due: the policy key of its category
 * (safety → followup.safety_repair_days, leak → followup.leak_repair_days
 * counted from the leak test, any other → followup.other_repair_days) in the
 * key's unit on @p cal from the work's end (the receipt day never counts, as
 * fd_calendar_deadline() counts). @p policy NULL: the defaults.
 * @return ::FD_OK; ::FD_ESTATE when it has no work's end yet (not done) or is
 *         a leak without its leak test (the follow-up waits for it);
 *         ::FD_EINVAL (category); ::FD_EDATA as fd_calendar_deadline().
 * Thread safety: safe.
 */
FD_API fd_status fd_followup_due(fd_followup_plan *out, const fd_repair *r, const fd_calendar *cal,
                                 const fd_policy *policy);

/**
 * Checks a follow-up's outcome (R-PLN-1): @p method a `method` (visit,
 * phone), @p result a `result` (fixed, not_fixed), @p satisfaction a
 * `satisfaction` (required when fixed; NULL or "" allowed when not), @p said
 * free text of at most 1000 bytes (optional).
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the parameter and listing the codes.
 * Thread safety: safe.
 */
FD_API fd_status fd_followup_outcome_check(const char *method, const char *result, const char *satisfaction,
                                           const char *said);

/* --- assignment (R-PLN-6) ------------------------------------------------ */

/**
 * The handler a new work order goes to under the site's policy
 * `repair.assignment` (@p assignment: desk, round_robin, least_open), among
 * @p members (staff ids with the order's skill, @p members_len of them, any
 * order) with their open order counts @p open_counts (same length, >= 0):
 * round_robin takes the next member id after @p last_assigned (wrapping to the
 * smallest); least_open the fewest open orders, ties in round-robin order. Into
 * @p out: the member, 0 = the desk dispatches (policy desk, or no member).
 * @return ::FD_OK; ::FD_EINVAL naming `assignment`, `members[i]` (not > 0, or
 *         twice), `open_counts[i]` (negative) or `open_counts_len` (not
 *         @p members_len).
 * Thread safety: safe.
 */
FD_API fd_status fd_repair_pick_handler(int64_t *out, const char *assignment, const int64_t *members,
                                        size_t members_len, const int64_t *open_counts, size_t open_counts_len,
                                        int64_t last_assigned);

/** The code of policy value @p value of `repair.assignment` (0 desk, 1 round_robin, 2 least_open), NULL for
 *  others. Never allocates. Thread safety: safe. */
FD_API const char *fd_repair_assignment_code(int64_t value);

/* ========================================================================
 * Callbacks and specialists
 * ====================================================================== */

/* --- the callback's due and "may we call now?" (R-PLN-2, R-CALL-8, R-CALL-9) -- */

/** When a callback is due (fd_callback_due()). */
typedef struct fd_callback_plan {
    unsigned int version; /**< ::FD_CALLBACK_PLAN_VERSION */
    const char *basis;    /**< what decided it (a static string): "agreed" (the time agreed with the customer),
                               "task" (the call's call-back or reply task's own due), "policy"
                               (followup.callback_days from the creation) */
    int64_t unmoved_at;   /**< the due before the quiet-hours move, UTC seconds */
    int64_t due_at;       /**< the due, UTC seconds: unmoved_at, or the next instant outside quiet hours */
    int moved;            /**< 1 when unmoved_at fell in quiet hours (12:30 → 14:00 by default) */
    int provisional;      /**< 1 when a day past the holiday data decides due_at (policy basis only) */
} fd_callback_plan;
/** The current version of ::fd_callback_plan. */
#define FD_CALLBACK_PLAN_VERSION 1

/**
 * R-PLN-2, R-CALL-8, R-CALL-9: when a callback created at @p created_at is
 * due. The time agreed with the customer (@p agreed_at > 0) wins; else the
 * due of the call task it comes from (@p task_due_at > 0: a dropped call's
 * call-back at once, a reply within its working days); else
 * followup.callback_days of @p policy (NULL: the defaults) in the key's unit
 * (working days by default) on @p cal from @p created_at. A due that falls in
 * the calendar's quiet hours moves to the next allowed time
 * (fd_calendar_next_call_time(): 12:30 → 14:00 with the default quiet hours).
 * @return ::FD_OK; ::FD_ERANGE naming `created_at`, `agreed_at` or
 *         `task_due_at` (out of range, negative); ::FD_EDATA as
 *         fd_calendar_deadline().
 * Thread safety: safe.
 */
FD_API fd_status fd_callback_due(fd_callback_plan *out, int64_t created_at, int64_t agreed_at, int64_t task_due_at,
                                 const fd_calendar *cal, const fd_policy *policy);

/**
 * "May we call now?" (R-PLN-2): into @p out 1 when @p at is outside the
 * calendar's quiet hours, 0 in them (the customer's rest time: never then);
 * into @p next_at the first instant at or after @p at a call may be placed
 * (@p at itself when 1).
 * @return ::FD_OK; ::FD_ERANGE (@p at outside the calendar's years).
 * Thread safety: safe.
 */
FD_API fd_status fd_callback_may_call(int *out, int64_t *next_at, const fd_calendar *cal, int64_t at);

/**
 * The follow-up script (话术) for a callback's outcome (R-PLN-2), into
 * @p out: what the desk says to a customer who is @p satisfaction (a
 * `satisfaction` code or label: satisfied, average, unsatisfied) and what it
 * does next (average: the point noted for the specialist; unsatisfied: an
 * apology, the manager told, a reply agreed).
 * @return ::FD_OK; ::FD_EINVAL naming `satisfaction` and listing the codes.
 * Thread safety: safe.
 */
FD_API fd_status fd_callback_script(fd_buf *out, const char *satisfaction);

/**
 * Checks a callback attempt's outcome (R-PLN-2): @p result an `attempt` code
 * (no_answer, busy, done); @p satisfaction a `satisfaction` code, required
 * for done, refused for the others (nobody was reached); @p said free text of
 * at most 1000 bytes (optional).
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the parameter.
 * Thread safety: safe.
 */
FD_API fd_status fd_callback_outcome_check(const char *result, const char *satisfaction, const char *said);

/* --- balancing customers across specialists (R-PLN-3) --------------------- */

/**
 * R-PLN-3: the specialist a new customer goes to: the one furthest under
 * their target, the target of each being proportional to their level (a
 * level-2 carries twice the customers of a level 1). @p ids (> 0, distinct),
 * @p levels (0 = leaving: takes none; else 1..5) and @p counts (customers
 * now, >= 0) are parallel arrays of @p ids_len. Ties: the higher level, then
 * the smaller id. Into @p out the id, 0 when no one takes customers.
 * @return ::FD_OK; ::FD_EINVAL naming `ids[i]`, `levels[i]`, `counts[i]`,
 *         `levels_len` or `counts_len` (not @p ids_len).
 * Thread safety: safe.
 */
FD_API fd_status fd_assign_balance(int64_t *out, const int64_t *ids, size_t ids_len, const int64_t *levels,
                                   size_t levels_len, const int64_t *counts, size_t counts_len);

/** A rebalance proposal (fd_assign_rebalance()): the counts before and after, the moves. */
typedef struct fd_rebalance fd_rebalance;

/**
 * R-PLN-3: the moves that bring every specialist to their target (customers
 * in proportion to level; a leaving one, level 0, to none) with the fewest
 * moves: only a specialist over target gives, only one under receives, and
 * where rounding leaves a customer to place it stays where it is. Arrays as
 * fd_assign_balance(). Into @p out a proposal to read with
 * fd_rebalance_specialist() and fd_rebalance_move(), freed with
 * fd_rebalance_free().
 * @return ::FD_OK; ::FD_EINVAL as fd_assign_balance(), and when customers
 *         are left with no one to take them (every level 0); ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_assign_rebalance(fd_rebalance **out, const int64_t *ids, size_t ids_len, const int64_t *levels,
                                     size_t levels_len, const int64_t *counts, size_t counts_len);

/** How many specialists @p r shows (in the order given). 0 for NULL. Thread safety: safe. */
FD_API size_t fd_rebalance_specialists(const fd_rebalance *r);

/**
 * Specialist @p index of @p r: id, level, customers before and after the moves.
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE naming `index`.
 */
FD_API fd_status fd_rebalance_specialist(int64_t *id, int64_t *level, int64_t *before, int64_t *after,
                                         const fd_rebalance *r, size_t index);

/** How many moves @p r proposes (from one specialist to another, with a count each). 0 for NULL. */
FD_API size_t fd_rebalance_moves(const fd_rebalance *r);

/**
 * Move @p index of @p r: @p count customers from specialist @p from to @p to.
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE naming `index`.
 */
FD_API fd_status fd_rebalance_move(int64_t *from, int64_t *to, int64_t *count, const fd_rebalance *r, size_t index);

/** The customers the proposal moves in all (the sum of the moves' counts). 0 for NULL. */
FD_API int64_t fd_rebalance_moved(const fd_rebalance *r);

/** Frees a proposal. NULL is a no-op. */
FD_API void fd_rebalance_free(fd_rebalance *r);

/* ========================================================================
 * Visit plans, surveys, the monthly summary
 * ====================================================================== */

/* --- visit plans on the working calendar (R-PLN-4) ---------------------- */

/**
 * Checks visit plan @p plan as added (R-PLN-4): fd_visit_plan_check();
 * `recurrence` a `recurrence` code; `interval` 0 for once, 1..366 for the
 * others; `first_at` set; one of `occupant_id` and `organisation_id`;
 * `assigned_to` > 0; `until_on`, when set, a valid date.
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field (`visit_plan.<field>`).
 * Thread safety: safe.
 */
FD_API fd_status fd_visit_plan_validate(const fd_visit_plan *plan);

/**
 * R-PLN-4: appointment @p index (0 = the first) of @p plan on @p cal, UTC
 * seconds, into @p out; 0 when there is none (a `once` plan past index 0, or
 * the appointment falls on or after `until_on`). The nominal day is
 * `first_at`'s local day plus index × interval weeks (weekly), months
 * (monthly: the same day of the month, the month's last day when it has
 * fewer) or working days (working_days, counted on @p cal); a nominal day
 * that is a rest day (a weekend, a holiday) moves to the next working day —
 * a make-up working Saturday (调休) is a working day and stays — at the same
 * local time of day as `first_at`. Two appointments may move to one day (a
 * long holiday): the store keeps one (UNIQUE(plan_id, due_at)).
 * @return ::FD_OK; ::FD_EINVAL (NULL, as fd_visit_plan_validate());
 *         ::FD_ERANGE (`index` negative or over 10000); ::FD_EDATA (a day
 *         the calendar cannot say).
 * Thread safety: safe.
 */
FD_API fd_status fd_visit_plan_occurrence(int64_t *out, const fd_visit_plan *plan, const fd_calendar *cal,
                                          int64_t index);

/**
 * R-PLN-4: the first appointment of @p plan on @p cal strictly after
 * @p after (UTC seconds; 0 or before `first_at`: the first), into @p out; 0
 * when there is none (see fd_visit_plan_occurrence()).
 * @return as fd_visit_plan_occurrence().
 * Thread safety: safe.
 */
FD_API fd_status fd_visit_plan_next(int64_t *out, const fd_visit_plan *plan, const fd_calendar *cal, int64_t after);

/* --- the owners' survey (R-PLN-5) ------------------------------------------ */

/**
 * How many questions @p questions holds (one per line; blank lines and
 * surrounding white space ignored), into @p out. @p line (0 = the count
 * only) > 0: also the text of question @p line into @p text (trimmed).
 * @return ::FD_OK; ::FD_EINVAL (NULL, not UTF-8, no question at all: `questions`);
 *         ::FD_ERANGE (more than 100 questions, a line over 500 bytes, @p line past the last).
 * Thread safety: safe.
 */
FD_API fd_status fd_survey_questions(int64_t *out, fd_buf *text, const char *questions, int64_t line);

/**
 * Checks survey @p s as started (R-PLN-5): fd_survey_check(); `title` not
 * empty; `closes_on` after `opened_on`; `questions` as fd_survey_questions().
 * @return ::FD_OK; ::FD_EINVAL / ::FD_ERANGE naming the field (`survey.<field>`).
 * Thread safety: safe.
 */
FD_API fd_status fd_survey_validate(const fd_survey *s);

/**
 * R-PLN-5: the day the next owners' survey is due: @p last_opened plus the
 * policy's plan.survey_interval_months (@p policy NULL: the default, 12),
 * the same day of the month (the month's last day when it has fewer), into
 * @p out. @p last_opened unset (0-0-0, no survey yet): @p today.
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE (a date out of range).
 * Thread safety: safe.
 */
FD_API fd_status fd_survey_due(fd_date *out, fd_date last_opened, fd_date today, const fd_policy *policy);

/* --- recurring problems (R-PLN-5) ------------------------------------------ */

/**
 * Recurring problems (R-PLN-5: issues that recur are written up in the
 * analysis report): the same unit, or the same category, three times or more
 * within 90 days (7,776,000 seconds, the window [t, t + 90 days) sliding over
 * the rows' instants), across repairs and complaints — an accumulator the
 * caller feeds (unit, category, instant) rows in any order.
 * Thread safety: one thread at a time.
 */
typedef struct fd_recurring fd_recurring;

/** One recurring problem (fd_recurring_get()). */
typedef struct fd_recurring_row {
    unsigned int version; /**< ::FD_RECURRING_ROW_VERSION */
    const char *kind;     /**< "unit" or "category" (static) */
    int64_t unit_id;      /**< kind unit: the unit; else 0 */
    const char *category; /**< kind category: the category code (owned by the accumulator); else "" */
    int64_t count;        /**< the most rows within one 90-day window (>= 3) */
    int64_t first_at;     /**< that window's first row, UTC seconds */
    int64_t last_at;      /**< its last row */
    int64_t total;        /**< all rows of the unit or category fed */
} fd_recurring_row;
/** The current version of ::fd_recurring_row. */
#define FD_RECURRING_ROW_VERSION 1
/** A row to fill in. */
#define FD_RECURRING_ROW_INIT { FD_RECURRING_ROW_VERSION, NULL, 0, NULL, 0, 0, 0, 0 }

/** An empty accumulator into @p out; free with fd_recurring_free(). @return ::FD_OK; ::FD_EINVAL; ::FD_ENOMEM. */
FD_API fd_status fd_recurring_new(fd_recurring **out);

/**
 * Feeds one problem: @p unit_id (0 = no unit: counts by category only),
 * @p category (a lower-case code; NULL or "": by unit only), @p at (UTC seconds).
 * @return ::FD_OK; ::FD_EINVAL (NULL, `unit_id` negative, `category` not a code,
 *         neither given); ::FD_ERANGE (`at`); ::FD_ENOMEM. On error nothing is counted.
 */
FD_API fd_status fd_recurring_add(fd_recurring *rec, int64_t unit_id, const char *category, int64_t at);

/** How many recurring problems the rows fed so far show (units first by id, then categories by code). 0 for NULL. */
FD_API size_t fd_recurring_count(fd_recurring *rec);

/**
 * Recurring problem @p index (as fd_recurring_count() orders them) into @p out.
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE (@p index past the last).
 */
FD_API fd_status fd_recurring_get(fd_recurring_row *out, fd_recurring *rec, size_t index);

/** Frees an accumulator. NULL is a no-op. */
FD_API void fd_recurring_free(fd_recurring *rec);

/* --- the monthly summary (R-PLN-5) ----------------------------------------- */

/**
 * A month's visits, callbacks and follow-ups counted (R-PLN-5: monthly
 * summary of visits and callbacks): an accumulator fed each task (as stored)
 * by fd_plan_summary_add_visit(), _add_callback(), _add_followup() and
 * _add_question(); the store's fd_store_plan_summary() feeds it from the
 * database, a suite with its own database feeds it itself. Definitions:
 * - the month: tasks DUE (`due_at`) in the calendar's local month, from local
 *   00:00 of its first day to that of the next month (a question: raised,
 *   `created_at`, in it); a task due in another month is refused (FD_ERANGE);
 * - done: `done_at` set (a visit: state done); in time: done at or before
 *   `due_at` (a visit: on the appointment's local day or before); missed: not
 *   done, and due before the accumulator's @p now (a visit marked missed
 *   too); pending: not done and not yet due at @p now;
 * - cancelled visits (a plan ended) and superseded follow-ups (a rework made a
 *   new one) are counted apart, in nothing else; a callback closed without
 *   reaching the customer is `closed`, not done;
 * - satisfaction: the done callbacks and follow-ups with an answer, by answer.
 * Thread safety: one thread at a time; reads of the calendar are safe.
 */
typedef struct fd_plan_summary fd_plan_summary;

/** The counts of one kind of task (visits, callbacks, member callbacks, follow-ups). */
typedef struct fd_plan_summary_counts {
    int64_t due;         /**< due in the month (not cancelled, not superseded) */
    int64_t done;        /**< done */
    int64_t in_time;     /**< of them in time */
    int64_t missed;      /**< not done, past due (or closed undone) */
    int64_t pending;     /**< not done, not yet due */
    int64_t satisfied;   /**< 满意 */
    int64_t average;     /**< 一般 */
    int64_t unsatisfied; /**< 不满意 */
} fd_plan_summary_counts;

/** A month's totals (fd_plan_summary_get()). */
typedef struct fd_plan_summary_totals {
    unsigned int version;             /**< ::FD_PLAN_SUMMARY_TOTALS_VERSION */
    int year;                         /**< the month counted */
    int month;                        /**< 1..12 */
    int64_t month_start;              /**< local 00:00 of its first day, UTC seconds */
    int64_t month_end;                /**< local 00:00 of the next month's first day (not in it) */
    fd_plan_summary_counts visits;    /**< planned visits (satisfaction: none) */
    int64_t visits_cancelled;         /**< visits cancelled (their plan ended) */
    fd_plan_summary_counts callbacks; /**< callbacks of every source */
    int64_t callbacks_closed;         /**< closed without reaching the customer (in missed too) */
    fd_plan_summary_counts members;   /**< of the callbacks those of member customers (R-PLN-2: 100 %) */
    fd_plan_summary_counts followups; /**< follow-ups of repairs (R-PLN-1) */
    int64_t followups_not_fixed;      /**< follow-ups that found the repair not fixed */
    int64_t followups_superseded;     /**< superseded by a rework */
    int64_t questions;                /**< questions taken away from visits, raised in the month */
    int64_t questions_answered;       /**< of them answered (at any time up to @p now) */
} fd_plan_summary_totals;
/** The current version of ::fd_plan_summary_totals. */
#define FD_PLAN_SUMMARY_TOTALS_VERSION 1

/**
 * R-PLN-5: an empty accumulator for local month @p year - @p month of @p cal
 * (its zone; it must outlive the accumulator), counting missed and pending
 * at instant @p now (UTC seconds). Free with fd_plan_summary_free().
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE (`month` not 1..12, `year`
 *         not 1..9998, `now`); ::FD_ENOMEM.
 */
FD_API fd_status fd_plan_summary_new(fd_plan_summary **out, const fd_calendar *cal, int year, int month, int64_t now);

/**
 * Counts planned visit @p v (`due_at`, `state`, `done_at`).
 * @return ::FD_OK; ::FD_EINVAL (NULL; `planned_visit.state` not a `visit_state`);
 *         ::FD_ERANGE (`planned_visit.due_at` not in the month). On error nothing is counted.
 */
FD_API fd_status fd_plan_summary_add_visit(fd_plan_summary *st, const fd_planned_visit *v);

/**
 * Counts callback @p c (`due_at`, `state`, `done_at`, `member`, `satisfaction`).
 * @return ::FD_OK; ::FD_EINVAL (NULL; `callback.state`, `.satisfaction` not of
 *         their lists); ::FD_ERANGE (`callback.due_at` not in the month).
 */
FD_API fd_status fd_plan_summary_add_callback(fd_plan_summary *st, const fd_callback *c);

/**
 * Counts follow-up @p f (`due_at`, `state`, `done_at`, `result`, `satisfaction`).
 * @return ::FD_OK; ::FD_EINVAL (NULL; `followup.state`, `.result`,
 *         `.satisfaction` not of their lists); ::FD_ERANGE (`followup.due_at` not in the month).
 */
FD_API fd_status fd_plan_summary_add_followup(fd_plan_summary *st, const fd_followup *f);

/**
 * Counts question @p q (`created_at`, `answered_at`).
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE (`visit_question.created_at` not in the month).
 */
FD_API fd_status fd_plan_summary_add_question(fd_plan_summary *st, const fd_visit_question *q);

/** The totals so far into @p out (its version set). @return ::FD_OK; ::FD_EINVAL (NULL). */
FD_API fd_status fd_plan_summary_get(fd_plan_summary_totals *out, const fd_plan_summary *st);

/** Frees an accumulator. NULL is a no-op. */
FD_API void fd_plan_summary_free(fd_plan_summary *st);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_PLANS_H */
