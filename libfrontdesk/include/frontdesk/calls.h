/**
 * @file frontdesk/calls.h
 * @brief Calls (issue 11): the call register, PBX call-detail records (CDR),
 *        call-back and reply tasks, messages, the directory with screening,
 *        and the hotel switchboard's guest answer (R-CALL-1 … R-CALL-12,
 *        R-COM-2, R-COM-4, R-COM-5).
 *
 * Everything here is pure: records as values, the rules over them and the
 * CDR parsers, usable without the library's store (a Java suite with its own
 * database calls them). The store's side (adding, importing, querying) is in
 * frontdesk/store.h.
 *
 * Codes. The records hold lower-case English codes; fd_call_code_label() gives
 * the Chinese label and fd_call_code_parse() takes either:
 * - `direction`: in 来电, out 去电, internal 内部;
 * - `disposition`: answered 已接, no_answer 未接, busy 忙, failed 失败,
 *   congestion 拥塞, cancelled 主叫挂断, dropped 掉线;
 * - `category` (R-COM-5): inquiry 咨询, suggestion 建议, complaint 投诉,
 *   praise 表扬, repair 报修, fault 报障, business 业务联系, private 私人,
 *   wrong_number 错拨;
 * - `channel`: hotline 热线, switchboard 总机, extension 分机, mobile 手机, other 其他;
 * - `apology`: given 已致歉, omitted 未致歉;
 * - `caller_type` (R-CALL-12): customer 客户, supplier 供应商, sales 推销,
 *   staff 员工, other 其他;
 * - `task_kind`: callback 回拨, reply 答复; `task_state`: open 待办, done 已办;
 * - `message_state`: taken 已记录, delivered 已送达, expired 已过期;
 * - `delivered_how`: in_person 当面, phone 电话, sms 短信, wechat 微信,
 *   email 邮件, note 便条;
 * - `entry_kind`: person 个人, department 部门; `presence`: in 在岗, out 外出,
 *   busy 忙, dnd 勿扰.
 *
 * Instants are int64 UTC seconds; durations are seconds.
 */
#ifndef FRONTDESK_CALLS_H
#define FRONTDESK_CALLS_H

#include "common.h"
#include "policy.h"
#include "calendar.h"

#ifdef __cplusplus
extern "C" {
#endif

/* @generated records:calls begin (scripts/gen/records.py from libfrontdesk/records/calls.rec; do not edit) */

/** 来电记录: One telephone call: who called whom, when it rang, was answered and ended, what it was about. (R-CALL-3) Strings are owned by the iterator or the
 *  record they came from; fd_call_free() frees a record from fd_store_call_get(). */
typedef struct fd_call {
    unsigned int version; /**< ::FD_CALL_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-CALL-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 接听人: who handled it, 0 = the system (an imported CDR) (R-CALL-3) */
    int64_t logged_at; /**< 登记时间: when it was logged (UTC seconds) (R-COM-1) */
    const char *direction; /**< 方向: in, out or internal, at most 16 bytes (R-CALL-3) */
    const char *caller_number; /**< 来电号码: the caller's number as typed (full-width digits too), stored normalised (fd_phone_parse national form); empty when withheld, at most 64 bytes; personal data (phone), masked on output (R-CALL-3) */
    const char *caller_name; /**< 来电人: the caller's name as given, at most 100 bytes; personal data (name), masked on output (R-CALL-3) */
    const char *caller_type; /**< 来电类型: customer, supplier, sales, staff, other; empty = unknown, at most 16 bytes (R-CALL-12) */
    int64_t callee_entry; /**< 受话人条目: the directory entry asked for, 0 = none (R-CALL-6) */
    const char *callee; /**< 受话人: the callee as free text (a person, a department, a room), at most 100 bytes (R-CALL-6) */
    int64_t ring_at; /**< 振铃时间: when it started ringing (UTC seconds) (R-CALL-1) */
    int64_t answer_at; /**< 接听时间: when it was answered, 0 = not answered (UTC seconds) (R-CALL-1) */
    int64_t ring_leg_at; /**< 应答分段振铃: an imported call: when the answering leg started ringing (rings are measured from it), 0 = ring_at (UTC seconds) (R-CALL-1) */
    int64_t end_at; /**< 结束时间: when it ended, 0 = not recorded (UTC seconds) (R-CALL-3) */
    const char *disposition; /**< 结果: answered, no_answer, busy, failed, congestion, cancelled, dropped, at most 16 bytes (R-CALL-3) */
    const char *category; /**< 类别: inquiry, suggestion, complaint, praise, repair, fault, business, private, wrong_number, at most 16 bytes (R-COM-5) */
    const char *channel; /**< 渠道: hotline, switchboard, extension, mobile, other, at most 16 bytes (R-COM-5) */
    const char *line; /**< 线路: the line, trunk or PBX channel it came in on, at most 80 bytes (R-CALL-3) */
    const char *matter; /**< 事由: the matter in the caller's words, at most 2000 bytes; personal data (free_text), masked on output (R-CALL-3) */
    int read_back; /**< 已复述: 1 when the matter was read back to the caller (复述) (R-CALL-3) */
    int64_t rings; /**< 响铃次数: rings before the answer, derived from ring_at/answer_at and call.ring_period_s (R-CALL-1) */
    int late; /**< 超时接听: 1 when answered after more than call.max_rings rings (derived) (R-CALL-1) */
    const char *apology; /**< 致歉: a late answer: given or omitted; empty when not late, at most 8 bytes (R-CALL-1) */
    int over_limit; /**< 超时私人电话: 1 for a non-business call longer than call.non_business_max_s (derived) (R-CALL-4) */
    int unresolved; /**< 待答复: 1 when the question could not be answered on the call: a reply task follows (R-CALL-9) */
    const char *source; /**< 来源: empty for a call logged at the desk; the CDR source it was imported from, at most 32 bytes (R-CALL-3) */
    const char *source_key; /**< 来源编号: the CDR's linkedid (or FreeSWITCH uuid) within the source, at most 150 bytes (R-CALL-3) */
    int64_t legs; /**< 分段数: CDR legs assembled into this call, 0 for a logged call (R-CALL-3) */
    const char *transfers; /**< 转接链: the transfer chain of an imported call: parties in order, separated by ' > ', at most 300 bytes (R-CALL-3) */
} fd_call;
/** The current version of ::fd_call. */
#define FD_CALL_VERSION 1
/** An empty ::fd_call to fill in. */
#define FD_CALL_INIT { FD_CALL_VERSION, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, NULL, 0, 0, NULL, NULL, 0, NULL }
/** Fills @p rec with ::FD_CALL_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_call_init(fd_call *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`call.<field>: ...`).
 */
FD_API fd_status fd_call_check(const fd_call *rec);
/** Frees a record from fd_store_call_get(). NULL is a no-op. */
FD_API void fd_call_free(fd_call *rec);

/* Bits of fd_call_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_CALL_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_CALL_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_CALL_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_CALL_MATCH_LOGGED_AT_FROM (UINT64_C(1) << 3) /**< filter.logged_at_from is set */
#define FD_CALL_MATCH_LOGGED_AT_TO (UINT64_C(1) << 4) /**< filter.logged_at_to is set */
#define FD_CALL_MATCH_DIRECTION (UINT64_C(1) << 5) /**< filter.direction is set */
#define FD_CALL_MATCH_CALLER_NUMBER (UINT64_C(1) << 6) /**< filter.caller_number is set */
#define FD_CALL_MATCH_CALLER_NAME (UINT64_C(1) << 7) /**< filter.caller_name is set */
#define FD_CALL_MATCH_CALLER_TYPE (UINT64_C(1) << 8) /**< filter.caller_type is set */
#define FD_CALL_MATCH_CALLEE_ENTRY (UINT64_C(1) << 9) /**< filter.callee_entry is set */
#define FD_CALL_MATCH_CALLEE (UINT64_C(1) << 10) /**< filter.callee is set */
#define FD_CALL_MATCH_RING_AT_FROM (UINT64_C(1) << 11) /**< filter.ring_at_from is set */
#define FD_CALL_MATCH_RING_AT_TO (UINT64_C(1) << 12) /**< filter.ring_at_to is set */
#define FD_CALL_MATCH_ANSWER_AT_FROM (UINT64_C(1) << 13) /**< filter.answer_at_from is set */
#define FD_CALL_MATCH_ANSWER_AT_TO (UINT64_C(1) << 14) /**< filter.answer_at_to is set */
#define FD_CALL_MATCH_RING_LEG_AT_FROM (UINT64_C(1) << 15) /**< filter.ring_leg_at_from is set */
#define FD_CALL_MATCH_RING_LEG_AT_TO (UINT64_C(1) << 16) /**< filter.ring_leg_at_to is set */
#define FD_CALL_MATCH_END_AT_FROM (UINT64_C(1) << 17) /**< filter.end_at_from is set */
#define FD_CALL_MATCH_END_AT_TO (UINT64_C(1) << 18) /**< filter.end_at_to is set */
#define FD_CALL_MATCH_DISPOSITION (UINT64_C(1) << 19) /**< filter.disposition is set */
#define FD_CALL_MATCH_CATEGORY (UINT64_C(1) << 20) /**< filter.category is set */
#define FD_CALL_MATCH_CHANNEL (UINT64_C(1) << 21) /**< filter.channel is set */
#define FD_CALL_MATCH_LINE (UINT64_C(1) << 22) /**< filter.line is set */
#define FD_CALL_MATCH_READ_BACK (UINT64_C(1) << 23) /**< filter.read_back is set */
#define FD_CALL_MATCH_RINGS (UINT64_C(1) << 24) /**< filter.rings is set */
#define FD_CALL_MATCH_LATE (UINT64_C(1) << 25) /**< filter.late is set */
#define FD_CALL_MATCH_APOLOGY (UINT64_C(1) << 26) /**< filter.apology is set */
#define FD_CALL_MATCH_OVER_LIMIT (UINT64_C(1) << 27) /**< filter.over_limit is set */
#define FD_CALL_MATCH_UNRESOLVED (UINT64_C(1) << 28) /**< filter.unresolved is set */
#define FD_CALL_MATCH_SOURCE (UINT64_C(1) << 29) /**< filter.source is set */
#define FD_CALL_MATCH_SOURCE_KEY (UINT64_C(1) << 30) /**< filter.source_key is set */
#define FD_CALL_MATCH_LEGS (UINT64_C(1) << 31) /**< filter.legs is set */
#define FD_CALL_MATCH_TRANSFERS (UINT64_C(1) << 32) /**< filter.transfers is set */
#endif
/** Which call records fd_store_call_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_call_filter {
    unsigned int version; /**< ::FD_CALL_FILTER_VERSION */
    uint64_t match; /**< `FD_CALL_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (接听人) */
    int64_t logged_at_from; /**< >= (登记时间) */
    int64_t logged_at_to; /**< < (登记时间) */
    const char *direction; /**< equal to (方向) */
    const char *caller_number; /**< equal to (来电号码) */
    const char *caller_name; /**< equal to (来电人) */
    const char *caller_type; /**< equal to (来电类型) */
    int64_t callee_entry; /**< equal to (受话人条目) */
    const char *callee; /**< equal to (受话人) */
    int64_t ring_at_from; /**< >= (振铃时间) */
    int64_t ring_at_to; /**< < (振铃时间) */
    int64_t answer_at_from; /**< >= (接听时间) */
    int64_t answer_at_to; /**< < (接听时间) */
    int64_t ring_leg_at_from; /**< >= (应答分段振铃) */
    int64_t ring_leg_at_to; /**< < (应答分段振铃) */
    int64_t end_at_from; /**< >= (结束时间) */
    int64_t end_at_to; /**< < (结束时间) */
    const char *disposition; /**< equal to (结果) */
    const char *category; /**< equal to (类别) */
    const char *channel; /**< equal to (渠道) */
    const char *line; /**< equal to (线路) */
    int read_back; /**< equal to (已复述) */
    int64_t rings; /**< equal to (响铃次数) */
    int late; /**< equal to (超时接听) */
    const char *apology; /**< equal to (致歉) */
    int over_limit; /**< equal to (超时私人电话) */
    int unresolved; /**< equal to (待答复) */
    const char *source; /**< equal to (来源) */
    const char *source_key; /**< equal to (来源编号) */
    int64_t legs; /**< equal to (分段数) */
    const char *transfers; /**< equal to (转接链) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_call_filter;
/** The current version of ::fd_call_filter. */
#define FD_CALL_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_CALL_FILTER_INIT { FD_CALL_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, 0, 0, NULL, 0, 0, NULL, NULL, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_CALL_FILTER_INIT for @p version. */
FD_API fd_status fd_call_filter_init(fd_call_filter *filter, unsigned int version);

/** 回拨任务: A call-back (R-CALL-8) or reply (R-CALL-9) owed to a caller, with its due time. (R-CALL-8) Strings are owned by the iterator or the
 *  record they came from; fd_call_task_free() frees a record from fd_store_call_task_get(). */
typedef struct fd_call_task {
    unsigned int version; /**< ::FD_CALL_TASK_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-CALL-8) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 创建人: who created it, 0 = the system (R-COM-1) */
    int64_t created_at; /**< 创建时间: when it was created (UTC seconds) (R-COM-1) */
    int64_t call_id; /**< 来电: the call it follows (R-CALL-8) */
    const char *kind; /**< 类型: callback (a dropped call, R-CALL-8) or reply (an open question, R-CALL-9), at most 16 bytes (R-CALL-8) */
    const char *number; /**< 回拨号码: the number to call back, at most 64 bytes; personal data (phone), masked on output (R-CALL-8) */
    int64_t due_at; /**< 应完成: when it is due (UTC seconds) (UTC seconds) (R-CALL-9) */
    int provisional; /**< 暂定: 1 when due_at was computed past the holiday data (calendar round 2) (R-CALL-9) */
    const char *state; /**< 状态: open or done, at most 16 bytes (R-COM-4) */
    int64_t done_at; /**< 完成时间: when it was done, 0 while open (UTC seconds) (R-CALL-8) */
    int64_t done_by; /**< 完成人: who did it (R-CALL-8) */
    const char *outcome; /**< 结果: what was said, set when done, at most 500 bytes; personal data (free_text), masked on output (R-CALL-9) */
} fd_call_task;
/** The current version of ::fd_call_task. */
#define FD_CALL_TASK_VERSION 1
/** An empty ::fd_call_task to fill in. */
#define FD_CALL_TASK_INIT { FD_CALL_TASK_VERSION, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, NULL, 0, 0, NULL }
/** Fills @p rec with ::FD_CALL_TASK_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_call_task_init(fd_call_task *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`call_task.<field>: ...`).
 */
FD_API fd_status fd_call_task_check(const fd_call_task *rec);
/** Frees a record from fd_store_call_task_get(). NULL is a no-op. */
FD_API void fd_call_task_free(fd_call_task *rec);

/* Bits of fd_call_task_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_CALL_TASK_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_CALL_TASK_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_CALL_TASK_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_CALL_TASK_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_CALL_TASK_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_CALL_TASK_MATCH_CALL_ID (UINT64_C(1) << 5) /**< filter.call_id is set */
#define FD_CALL_TASK_MATCH_KIND (UINT64_C(1) << 6) /**< filter.kind is set */
#define FD_CALL_TASK_MATCH_NUMBER (UINT64_C(1) << 7) /**< filter.number is set */
#define FD_CALL_TASK_MATCH_DUE_AT_FROM (UINT64_C(1) << 8) /**< filter.due_at_from is set */
#define FD_CALL_TASK_MATCH_DUE_AT_TO (UINT64_C(1) << 9) /**< filter.due_at_to is set */
#define FD_CALL_TASK_MATCH_PROVISIONAL (UINT64_C(1) << 10) /**< filter.provisional is set */
#define FD_CALL_TASK_MATCH_STATE (UINT64_C(1) << 11) /**< filter.state is set */
#define FD_CALL_TASK_MATCH_DONE_AT_FROM (UINT64_C(1) << 12) /**< filter.done_at_from is set */
#define FD_CALL_TASK_MATCH_DONE_AT_TO (UINT64_C(1) << 13) /**< filter.done_at_to is set */
#define FD_CALL_TASK_MATCH_DONE_BY (UINT64_C(1) << 14) /**< filter.done_by is set */
#endif
/** Which call_task records fd_store_call_task_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_call_task_filter {
    unsigned int version; /**< ::FD_CALL_TASK_FILTER_VERSION */
    uint64_t match; /**< `FD_CALL_TASK_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (创建人) */
    int64_t created_at_from; /**< >= (创建时间) */
    int64_t created_at_to; /**< < (创建时间) */
    int64_t call_id; /**< equal to (来电) */
    const char *kind; /**< equal to (类型) */
    const char *number; /**< equal to (回拨号码) */
    int64_t due_at_from; /**< >= (应完成) */
    int64_t due_at_to; /**< < (应完成) */
    int provisional; /**< equal to (暂定) */
    const char *state; /**< equal to (状态) */
    int64_t done_at_from; /**< >= (完成时间) */
    int64_t done_at_to; /**< < (完成时间) */
    int64_t done_by; /**< equal to (完成人) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_call_task_filter;
/** The current version of ::fd_call_task_filter. */
#define FD_CALL_TASK_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_CALL_TASK_FILTER_INIT { FD_CALL_TASK_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, NULL, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_CALL_TASK_FILTER_INIT for @p version. */
FD_API fd_status fd_call_task_filter_init(fd_call_task_filter *filter, unsigned int version);

/** 留言: A message taken for a person or department, read back, then delivered or expired. (R-CALL-6) Strings are owned by the iterator or the
 *  record they came from; fd_message_free() frees a record from fd_store_message_get(). */
typedef struct fd_message {
    unsigned int version; /**< ::FD_MESSAGE_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-CALL-6) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 记录人: who took it (R-CALL-6) */
    int64_t taken_at; /**< 留言时间: when it was taken (UTC seconds) (R-CALL-6) */
    int64_t call_id; /**< 来电: the call it was taken on, 0 = none (R-CALL-6) */
    int64_t for_entry; /**< 留言对象: the directory entry it is for, 0 = free text only (R-CALL-6) */
    const char *for_name; /**< 收件人: whom it is for (a person or a department), at most 100 bytes (R-CALL-6) */
    const char *from_name; /**< 留言人: who left it, at most 100 bytes; personal data (name), masked on output (R-CALL-6) */
    const char *from_number; /**< 回电号码: their number as typed, stored normalised, at most 64 bytes; personal data (phone), masked on output (R-CALL-6) */
    const char *body; /**< 内容: the message, at most 2000 bytes; personal data (free_text), masked on output (R-CALL-6) */
    int confirmed; /**< 已复述确认: 1 when read back and confirmed by the caller (required) (R-CALL-6) */
    const char *state; /**< 状态: taken, delivered or expired, at most 16 bytes (R-CALL-6) */
    int64_t state_at; /**< 状态时间: when the state last changed (UTC seconds) (R-CALL-6) */
    int64_t state_by; /**< 状态经办: who changed it (R-CALL-6) */
    const char *delivered_how; /**< 送达方式: in_person, phone, sms, wechat, email, note, at most 16 bytes (R-CALL-6) */
} fd_message;
/** The current version of ::fd_message. */
#define FD_MESSAGE_VERSION 1
/** An empty ::fd_message to fill in. */
#define FD_MESSAGE_INIT { FD_MESSAGE_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, NULL, 0, 0, NULL }
/** Fills @p rec with ::FD_MESSAGE_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_message_init(fd_message *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`message.<field>: ...`).
 */
FD_API fd_status fd_message_check(const fd_message *rec);
/** Frees a record from fd_store_message_get(). NULL is a no-op. */
FD_API void fd_message_free(fd_message *rec);

/* Bits of fd_message_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_MESSAGE_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_MESSAGE_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_MESSAGE_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_MESSAGE_MATCH_TAKEN_AT_FROM (UINT64_C(1) << 3) /**< filter.taken_at_from is set */
#define FD_MESSAGE_MATCH_TAKEN_AT_TO (UINT64_C(1) << 4) /**< filter.taken_at_to is set */
#define FD_MESSAGE_MATCH_CALL_ID (UINT64_C(1) << 5) /**< filter.call_id is set */
#define FD_MESSAGE_MATCH_FOR_ENTRY (UINT64_C(1) << 6) /**< filter.for_entry is set */
#define FD_MESSAGE_MATCH_FOR_NAME (UINT64_C(1) << 7) /**< filter.for_name is set */
#define FD_MESSAGE_MATCH_FROM_NAME (UINT64_C(1) << 8) /**< filter.from_name is set */
#define FD_MESSAGE_MATCH_FROM_NUMBER (UINT64_C(1) << 9) /**< filter.from_number is set */
#define FD_MESSAGE_MATCH_CONFIRMED (UINT64_C(1) << 10) /**< filter.confirmed is set */
#define FD_MESSAGE_MATCH_STATE (UINT64_C(1) << 11) /**< filter.state is set */
#define FD_MESSAGE_MATCH_STATE_AT_FROM (UINT64_C(1) << 12) /**< filter.state_at_from is set */
#define FD_MESSAGE_MATCH_STATE_AT_TO (UINT64_C(1) << 13) /**< filter.state_at_to is set */
#define FD_MESSAGE_MATCH_STATE_BY (UINT64_C(1) << 14) /**< filter.state_by is set */
#define FD_MESSAGE_MATCH_DELIVERED_HOW (UINT64_C(1) << 15) /**< filter.delivered_how is set */
#define FD_MESSAGE_MATCH_SEARCH (UINT64_C(1) << 16) /**< filter.search is set */
#endif
/** Which message records fd_store_message_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_message_filter {
    unsigned int version; /**< ::FD_MESSAGE_FILTER_VERSION */
    uint64_t match; /**< `FD_MESSAGE_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (记录人) */
    int64_t taken_at_from; /**< >= (留言时间) */
    int64_t taken_at_to; /**< < (留言时间) */
    int64_t call_id; /**< equal to (来电) */
    int64_t for_entry; /**< equal to (留言对象) */
    const char *for_name; /**< equal to (收件人) */
    const char *from_name; /**< equal to (留言人) */
    const char *from_number; /**< equal to (回电号码) */
    int confirmed; /**< equal to (已复述确认) */
    const char *state; /**< equal to (状态) */
    int64_t state_at_from; /**< >= (状态时间) */
    int64_t state_at_to; /**< < (状态时间) */
    int64_t state_by; /**< equal to (状态经办) */
    const char *delivered_how; /**< equal to (送达方式) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_message_filter;
/** The current version of ::fd_message_filter. */
#define FD_MESSAGE_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_MESSAGE_FILTER_INIT { FD_MESSAGE_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, 0, 0, NULL, NULL, 0, 0 }
/** Fills @p filter with ::FD_MESSAGE_FILTER_INIT for @p version. */
FD_API fd_status fd_message_filter_init(fd_message_filter *filter, unsigned int version);

/** 留言记录: One state change of a message (append-only). (R-CALL-6) Strings are owned by the iterator or the
 *  record they came from; fd_message_event_free() frees a record from fd_store_message_event_get(). */
typedef struct fd_message_event {
    unsigned int version; /**< ::FD_MESSAGE_EVENT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 经办人: who did it (R-COM-1) */
    int64_t at; /**< 时间: when (UTC seconds) (R-COM-1) */
    int64_t message_id; /**< 留言: the message (R-CALL-6) */
    const char *state; /**< 状态: the new state: taken, delivered or expired, at most 16 bytes (R-CALL-6) */
    const char *how; /**< 方式: how it was delivered, at most 16 bytes (R-CALL-6) */
    const char *note; /**< 备注: a note, at most 500 bytes; personal data (free_text), masked on output (R-CALL-6) */
} fd_message_event;
/** The current version of ::fd_message_event. */
#define FD_MESSAGE_EVENT_VERSION 1
/** An empty ::fd_message_event to fill in. */
#define FD_MESSAGE_EVENT_INIT { FD_MESSAGE_EVENT_VERSION, 0, 0, 0, 0, 0, NULL, NULL, NULL }
/** Fills @p rec with ::FD_MESSAGE_EVENT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_message_event_init(fd_message_event *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`message_event.<field>: ...`).
 */
FD_API fd_status fd_message_event_check(const fd_message_event *rec);
/** Frees a record from fd_store_message_event_get(). NULL is a no-op. */
FD_API void fd_message_event_free(fd_message_event *rec);

/* Bits of fd_message_event_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_MESSAGE_EVENT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_MESSAGE_EVENT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_MESSAGE_EVENT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_MESSAGE_EVENT_MATCH_AT_FROM (UINT64_C(1) << 3) /**< filter.at_from is set */
#define FD_MESSAGE_EVENT_MATCH_AT_TO (UINT64_C(1) << 4) /**< filter.at_to is set */
#define FD_MESSAGE_EVENT_MATCH_MESSAGE_ID (UINT64_C(1) << 5) /**< filter.message_id is set */
#define FD_MESSAGE_EVENT_MATCH_STATE (UINT64_C(1) << 6) /**< filter.state is set */
#define FD_MESSAGE_EVENT_MATCH_HOW (UINT64_C(1) << 7) /**< filter.how is set */
#endif
/** Which message_event records fd_store_message_event_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_message_event_filter {
    unsigned int version; /**< ::FD_MESSAGE_EVENT_FILTER_VERSION */
    uint64_t match; /**< `FD_MESSAGE_EVENT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (经办人) */
    int64_t at_from; /**< >= (时间) */
    int64_t at_to; /**< < (时间) */
    int64_t message_id; /**< equal to (留言) */
    const char *state; /**< equal to (状态) */
    const char *how; /**< equal to (方式) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_message_event_filter;
/** The current version of ::fd_message_event_filter. */
#define FD_MESSAGE_EVENT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_MESSAGE_EVENT_FILTER_INIT { FD_MESSAGE_EVENT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0 }
/** Fills @p filter with ::FD_MESSAGE_EVENT_FILTER_INIT for @p version. */
FD_API fd_status fd_message_event_filter_init(fd_message_event_filter *filter, unsigned int version);

/** 通讯录: A person or department in the desk's directory, with extension, presence and screening. (R-CALL-5) Strings are owned by the iterator or the
 *  record they came from; fd_dir_entry_free() frees a record from fd_store_dir_entry_get(). */
typedef struct fd_dir_entry {
    unsigned int version; /**< ::FD_DIR_ENTRY_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-CALL-5) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 创建人: who added it (R-COM-1) */
    int64_t created_at; /**< 创建时间: when it was added (UTC seconds) (R-COM-1) */
    const char *kind; /**< 类型: person or department, at most 16 bytes (R-CALL-5) */
    const char *name; /**< 名称: the person's or department's name, at most 100 bytes (R-CALL-6) */
    const char *department; /**< 部门: the department a person belongs to, at most 100 bytes (R-CALL-6) */
    const char *title; /**< 职务: job title, e.g. 总经理, at most 100 bytes (R-CALL-5) */
    const char *extension; /**< 分机: the internal extension (transfers go here), at most 16 bytes (R-CALL-6) */
    const char *number; /**< 直线: a direct or mobile number as typed, stored normalised (masked for a confidential entry), at most 64 bytes; personal data (phone), masked on output (R-CALL-5) */
    int confidential; /**< 保密: 1 for a leader: found and transferable, numbers masked unless revealed (R-CALL-5) */
    const char *screen; /**< 筛选: screen calls for this entry by caller type (R-CALL-12): screen or empty, at most 16 bytes (R-CALL-12) */
    int64_t manager_entry; /**< 客户经理: where screened customers go (their account manager), 0 = none (R-CALL-12) */
    int64_t purchasing_entry; /**< 采购: where screened suppliers go (purchasing), 0 = none (R-CALL-12) */
    const char *presence; /**< 状态: in, out, busy or dnd, at most 16 bytes (R-CALL-6) */
    int64_t presence_until; /**< 状态截止: until when the presence holds, 0 = until changed (UTC seconds) (R-CALL-6) */
} fd_dir_entry;
/** The current version of ::fd_dir_entry. */
#define FD_DIR_ENTRY_VERSION 1
/** An empty ::fd_dir_entry to fill in. */
#define FD_DIR_ENTRY_INIT { FD_DIR_ENTRY_VERSION, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 0, 0, NULL, 0 }
/** Fills @p rec with ::FD_DIR_ENTRY_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_dir_entry_init(fd_dir_entry *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`dir_entry.<field>: ...`).
 */
FD_API fd_status fd_dir_entry_check(const fd_dir_entry *rec);
/** Frees a record from fd_store_dir_entry_get(). NULL is a no-op. */
FD_API void fd_dir_entry_free(fd_dir_entry *rec);

/* Bits of fd_dir_entry_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_DIR_ENTRY_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_DIR_ENTRY_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_DIR_ENTRY_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_DIR_ENTRY_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_DIR_ENTRY_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_DIR_ENTRY_MATCH_KIND (UINT64_C(1) << 5) /**< filter.kind is set */
#define FD_DIR_ENTRY_MATCH_NAME (UINT64_C(1) << 6) /**< filter.name is set */
#define FD_DIR_ENTRY_MATCH_DEPARTMENT (UINT64_C(1) << 7) /**< filter.department is set */
#define FD_DIR_ENTRY_MATCH_TITLE (UINT64_C(1) << 8) /**< filter.title is set */
#define FD_DIR_ENTRY_MATCH_EXTENSION (UINT64_C(1) << 9) /**< filter.extension is set */
#define FD_DIR_ENTRY_MATCH_NUMBER (UINT64_C(1) << 10) /**< filter.number is set */
#define FD_DIR_ENTRY_MATCH_CONFIDENTIAL (UINT64_C(1) << 11) /**< filter.confidential is set */
#define FD_DIR_ENTRY_MATCH_SCREEN (UINT64_C(1) << 12) /**< filter.screen is set */
#define FD_DIR_ENTRY_MATCH_MANAGER_ENTRY (UINT64_C(1) << 13) /**< filter.manager_entry is set */
#define FD_DIR_ENTRY_MATCH_PURCHASING_ENTRY (UINT64_C(1) << 14) /**< filter.purchasing_entry is set */
#define FD_DIR_ENTRY_MATCH_PRESENCE (UINT64_C(1) << 15) /**< filter.presence is set */
#define FD_DIR_ENTRY_MATCH_PRESENCE_UNTIL_FROM (UINT64_C(1) << 16) /**< filter.presence_until_from is set */
#define FD_DIR_ENTRY_MATCH_PRESENCE_UNTIL_TO (UINT64_C(1) << 17) /**< filter.presence_until_to is set */
#define FD_DIR_ENTRY_MATCH_SEARCH (UINT64_C(1) << 18) /**< filter.search is set */
#endif
/** Which dir_entry records fd_store_dir_entry_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_dir_entry_filter {
    unsigned int version; /**< ::FD_DIR_ENTRY_FILTER_VERSION */
    uint64_t match; /**< `FD_DIR_ENTRY_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (创建人) */
    int64_t created_at_from; /**< >= (创建时间) */
    int64_t created_at_to; /**< < (创建时间) */
    const char *kind; /**< equal to (类型) */
    const char *name; /**< equal to (名称) */
    const char *department; /**< equal to (部门) */
    const char *title; /**< equal to (职务) */
    const char *extension; /**< equal to (分机) */
    const char *number; /**< equal to (直线) */
    int confidential; /**< equal to (保密) */
    const char *screen; /**< equal to (筛选) */
    int64_t manager_entry; /**< equal to (客户经理) */
    int64_t purchasing_entry; /**< equal to (采购) */
    const char *presence; /**< equal to (状态) */
    int64_t presence_until_from; /**< >= (状态截止) */
    int64_t presence_until_to; /**< < (状态截止) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_dir_entry_filter;
/** The current version of ::fd_dir_entry_filter. */
#define FD_DIR_ENTRY_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_DIR_ENTRY_FILTER_INIT { FD_DIR_ENTRY_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_DIR_ENTRY_FILTER_INIT for @p version. */
FD_API fd_status fd_dir_entry_filter_init(fd_dir_entry_filter *filter, unsigned int version);

/** 住客: A hotel guest for the switchboard: name, room, arrival and departure. (R-CALL-11) Strings are owned by the iterator or the
 *  record they came from; fd_guest_free() frees a record from fd_store_guest_get(). */
typedef struct fd_guest {
    unsigned int version; /**< ::FD_GUEST_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-CALL-11) */
    int64_t site_id; /**< 场所: the site (the hotel) (R-COM-1) */
    int64_t staff_id; /**< 登记人: who registered them (R-COM-1) */
    int64_t created_at; /**< 登记时间: when (UTC seconds) (R-COM-1) */
    const char *name; /**< 姓名: the guest's name, at most 100 bytes; personal data (name), masked on output (R-CALL-11) */
    const char *room; /**< 房号: the room, e.g. 1208, at most 16 bytes (R-CALL-11) */
    fd_date arrival; /**< 到店日期: the day they arrive (the site's local date) (R-CALL-11) */
    fd_date departure; /**< 离店日期: the day they are due to leave (R-CALL-11) */
    int64_t checked_out_at; /**< 退房时间: when they checked out, 0 = not yet (UTC seconds) (R-CALL-11) */
    int incognito; /**< 保密: 1: answered as no such guest unless the actor may reveal (R-CALL-11) */
} fd_guest;
/** The current version of ::fd_guest. */
#define FD_GUEST_VERSION 1
/** An empty ::fd_guest to fill in. */
#define FD_GUEST_INIT { FD_GUEST_VERSION, 0, 0, 0, 0, NULL, NULL, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0 }
/** Fills @p rec with ::FD_GUEST_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_guest_init(fd_guest *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`guest.<field>: ...`).
 */
FD_API fd_status fd_guest_check(const fd_guest *rec);
/** Frees a record from fd_store_guest_get(). NULL is a no-op. */
FD_API void fd_guest_free(fd_guest *rec);

/* Bits of fd_guest_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_GUEST_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_GUEST_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_GUEST_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_GUEST_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_GUEST_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_GUEST_MATCH_NAME (UINT64_C(1) << 5) /**< filter.name is set */
#define FD_GUEST_MATCH_ROOM (UINT64_C(1) << 6) /**< filter.room is set */
#define FD_GUEST_MATCH_ARRIVAL_FROM (UINT64_C(1) << 7) /**< filter.arrival_from is set */
#define FD_GUEST_MATCH_ARRIVAL_TO (UINT64_C(1) << 8) /**< filter.arrival_to is set */
#define FD_GUEST_MATCH_DEPARTURE_FROM (UINT64_C(1) << 9) /**< filter.departure_from is set */
#define FD_GUEST_MATCH_DEPARTURE_TO (UINT64_C(1) << 10) /**< filter.departure_to is set */
#define FD_GUEST_MATCH_CHECKED_OUT_AT_FROM (UINT64_C(1) << 11) /**< filter.checked_out_at_from is set */
#define FD_GUEST_MATCH_CHECKED_OUT_AT_TO (UINT64_C(1) << 12) /**< filter.checked_out_at_to is set */
#define FD_GUEST_MATCH_INCOGNITO (UINT64_C(1) << 13) /**< filter.incognito is set */
#define FD_GUEST_MATCH_SEARCH (UINT64_C(1) << 14) /**< filter.search is set */
#endif
/** Which guest records fd_store_guest_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_guest_filter {
    unsigned int version; /**< ::FD_GUEST_FILTER_VERSION */
    uint64_t match; /**< `FD_GUEST_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    const char *name; /**< equal to (姓名) */
    const char *room; /**< equal to (房号) */
    fd_date arrival_from; /**< >= (到店日期) */
    fd_date arrival_to; /**< < (到店日期) */
    fd_date departure_from; /**< >= (离店日期) */
    fd_date departure_to; /**< < (离店日期) */
    int64_t checked_out_at_from; /**< >= (退房时间) */
    int64_t checked_out_at_to; /**< < (退房时间) */
    int incognito; /**< equal to (保密) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_guest_filter;
/** The current version of ::fd_guest_filter. */
#define FD_GUEST_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_GUEST_FILTER_INIT { FD_GUEST_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_GUEST_FILTER_INIT for @p version. */
FD_API fd_status fd_guest_filter_init(fd_guest_filter *filter, unsigned int version);

/** 话单: One leg of a PBX call-detail record, kept raw as imported. (R-CALL-3) Strings are owned by the iterator or the
 *  record they came from; fd_cdr_leg_free() frees a record from fd_store_cdr_leg_get(). */
typedef struct fd_cdr_leg {
    unsigned int version; /**< ::FD_CDR_LEG_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 导入人: who imported it (R-COM-1) */
    int64_t imported_at; /**< 导入时间: when (UTC seconds) (R-COM-1) */
    const char *source; /**< 来源: the PBX it came from, named by the importer (e.g. pbx1), at most 32 bytes (R-CALL-3) */
    const char *dialect; /**< 格式: asterisk_csv, asterisk_custom, freeswitch_csv or generic, at most 32 bytes (R-CALL-3) */
    const char *uniqueid; /**< 唯一编号: the leg's uniqueid (FreeSWITCH: uuid), at most 150 bytes (R-CALL-3) */
    int64_t sequence; /**< 序号: the CDR sequence, 0 when the dialect has none (R-CALL-3) */
    const char *linkedid; /**< 关联编号: legs of one call share it (FreeSWITCH: the a-leg uuid), at most 150 bytes (R-CALL-3) */
    const char *peer; /**< 对端编号: the other leg's uniqueid when the CDR names it (FreeSWITCH bleg_uuid), at most 150 bytes (R-CALL-3) */
    const char *src; /**< 主叫: the calling number as the PBX wrote it, at most 80 bytes; personal data (phone), masked on output (R-CALL-3) */
    const char *dst; /**< 被叫: the dialled extension or number, at most 80 bytes; personal data (free_text), masked on output (R-CALL-3) */
    const char *clid; /**< 主叫名称: the caller ID text, e.g. "张三" <13800138000>, at most 200 bytes; personal data (free_text), masked on output (R-CALL-3) */
    const char *channel; /**< 通道: the calling channel, at most 200 bytes; personal data (free_text), masked on output (R-CALL-3) */
    const char *dstchannel; /**< 目标通道: the called channel, at most 200 bytes; personal data (free_text), masked on output (R-CALL-3) */
    const char *lastapp; /**< 应用: the last dialplan application, at most 80 bytes (R-CALL-3) */
    int64_t start_at; /**< 开始: when the leg started (ringing) (UTC seconds) (R-CALL-1) */
    int64_t answer_at; /**< 应答: when it was answered, 0 = not answered (UTC seconds) (R-CALL-1) */
    int64_t end_at; /**< 结束: when it ended (UTC seconds) (R-CALL-3) */
    int64_t duration; /**< 总时长: seconds from start to end, as the PBX wrote it (R-CALL-3) */
    int64_t billsec; /**< 通话时长: seconds from answer to end, as the PBX wrote it (R-CALL-3) */
    const char *disposition; /**< 结果: answered, no_answer, busy, failed, congestion, cancelled, dropped, at most 16 bytes (R-CALL-3) */
    int64_t call_id; /**< 来电: the call it was assembled into (R-CALL-3) */
} fd_cdr_leg;
/** The current version of ::fd_cdr_leg. */
#define FD_CDR_LEG_VERSION 1
/** An empty ::fd_cdr_leg to fill in. */
#define FD_CDR_LEG_INIT { FD_CDR_LEG_VERSION, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, NULL, 0 }
/** Fills @p rec with ::FD_CDR_LEG_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_cdr_leg_init(fd_cdr_leg *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`cdr_leg.<field>: ...`).
 */
FD_API fd_status fd_cdr_leg_check(const fd_cdr_leg *rec);
/** Frees a record from fd_store_cdr_leg_get(). NULL is a no-op. */
FD_API void fd_cdr_leg_free(fd_cdr_leg *rec);

/* Bits of fd_cdr_leg_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_CDR_LEG_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_CDR_LEG_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_CDR_LEG_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_CDR_LEG_MATCH_IMPORTED_AT_FROM (UINT64_C(1) << 3) /**< filter.imported_at_from is set */
#define FD_CDR_LEG_MATCH_IMPORTED_AT_TO (UINT64_C(1) << 4) /**< filter.imported_at_to is set */
#define FD_CDR_LEG_MATCH_SOURCE (UINT64_C(1) << 5) /**< filter.source is set */
#define FD_CDR_LEG_MATCH_DIALECT (UINT64_C(1) << 6) /**< filter.dialect is set */
#define FD_CDR_LEG_MATCH_UNIQUEID (UINT64_C(1) << 7) /**< filter.uniqueid is set */
#define FD_CDR_LEG_MATCH_SEQUENCE (UINT64_C(1) << 8) /**< filter.sequence is set */
#define FD_CDR_LEG_MATCH_LINKEDID (UINT64_C(1) << 9) /**< filter.linkedid is set */
#define FD_CDR_LEG_MATCH_PEER (UINT64_C(1) << 10) /**< filter.peer is set */
#define FD_CDR_LEG_MATCH_SRC (UINT64_C(1) << 11) /**< filter.src is set */
#define FD_CDR_LEG_MATCH_LASTAPP (UINT64_C(1) << 12) /**< filter.lastapp is set */
#define FD_CDR_LEG_MATCH_START_AT_FROM (UINT64_C(1) << 13) /**< filter.start_at_from is set */
#define FD_CDR_LEG_MATCH_START_AT_TO (UINT64_C(1) << 14) /**< filter.start_at_to is set */
#define FD_CDR_LEG_MATCH_ANSWER_AT_FROM (UINT64_C(1) << 15) /**< filter.answer_at_from is set */
#define FD_CDR_LEG_MATCH_ANSWER_AT_TO (UINT64_C(1) << 16) /**< filter.answer_at_to is set */
#define FD_CDR_LEG_MATCH_END_AT_FROM (UINT64_C(1) << 17) /**< filter.end_at_from is set */
#define FD_CDR_LEG_MATCH_END_AT_TO (UINT64_C(1) << 18) /**< filter.end_at_to is set */
#define FD_CDR_LEG_MATCH_DURATION (UINT64_C(1) << 19) /**< filter.duration is set */
#define FD_CDR_LEG_MATCH_BILLSEC (UINT64_C(1) << 20) /**< filter.billsec is set */
#define FD_CDR_LEG_MATCH_DISPOSITION (UINT64_C(1) << 21) /**< filter.disposition is set */
#define FD_CDR_LEG_MATCH_CALL_ID (UINT64_C(1) << 22) /**< filter.call_id is set */
#endif
/** Which cdr_leg records fd_store_cdr_leg_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_cdr_leg_filter {
    unsigned int version; /**< ::FD_CDR_LEG_FILTER_VERSION */
    uint64_t match; /**< `FD_CDR_LEG_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (导入人) */
    int64_t imported_at_from; /**< >= (导入时间) */
    int64_t imported_at_to; /**< < (导入时间) */
    const char *source; /**< equal to (来源) */
    const char *dialect; /**< equal to (格式) */
    const char *uniqueid; /**< equal to (唯一编号) */
    int64_t sequence; /**< equal to (序号) */
    const char *linkedid; /**< equal to (关联编号) */
    const char *peer; /**< equal to (对端编号) */
    const char *src; /**< equal to (主叫) */
    const char *lastapp; /**< equal to (应用) */
    int64_t start_at_from; /**< >= (开始) */
    int64_t start_at_to; /**< < (开始) */
    int64_t answer_at_from; /**< >= (应答) */
    int64_t answer_at_to; /**< < (应答) */
    int64_t end_at_from; /**< >= (结束) */
    int64_t end_at_to; /**< < (结束) */
    int64_t duration; /**< equal to (总时长) */
    int64_t billsec; /**< equal to (通话时长) */
    const char *disposition; /**< equal to (结果) */
    int64_t call_id; /**< equal to (来电) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_cdr_leg_filter;
/** The current version of ::fd_cdr_leg_filter. */
#define FD_CDR_LEG_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_CDR_LEG_FILTER_INIT { FD_CDR_LEG_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0 }
/** Fills @p filter with ::FD_CDR_LEG_FILTER_INIT for @p version. */
FD_API fd_status fd_cdr_leg_filter_init(fd_cdr_leg_filter *filter, unsigned int version);

/* @generated records:calls end */

/* --- codes ------------------------------------------------------------ */

/**
 * The Chinese label of @p code in the code list @p field (one of the names in
 * the file comment: "direction", "disposition", "category", "channel",
 * "apology", "caller_type", "task_kind", "task_state", "message_state",
 * "delivered_how", "entry_kind", "presence").
 * @return the static label, or NULL when the list or the code is unknown.
 * Thread safety: safe.
 */
FD_API const char *fd_call_code_label(const char *field, const char *code);

/**
 * The code of @p text in the list @p field: the code itself ("inquiry") or its
 * Chinese label, Simplified or Traditional ("咨询", "諮詢"), surrounding spaces
 * and full-width forms ignored.
 * @return ::FD_OK; ::FD_EINVAL naming the field and the codes it takes; ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_call_code_parse(fd_buf *out, const char *field, const char *text);

/* --- the call's rules --------------------------------------------------- */

/**
 * R-CALL-1: rings before an answer, ⌈(@p answer_at − @p ring_at) ÷
 * `call.ring_period_s`⌉, at least 1 for an answered call (an answer in the
 * first second is the first ring).
 * @param policy the site's policy, NULL for the defaults
 * @return ::FD_OK; ::FD_EINVAL (answer before ring start, an instant out of range).
 * Thread safety: safe.
 */
FD_API fd_status fd_call_rings(int64_t *out, int64_t ring_at, int64_t answer_at, const fd_policy *policy);

/**
 * Derives the fields a call's rules decide and checks the whole record, as the
 * store does before adding it (R-CALL-1, R-CALL-3, R-CALL-4, R-CALL-7):
 * - sets `rings` (from `ring_leg_at` when an imported call gives it, else
 *   `ring_at`), `late` (rings > `call.max_rings`) and `over_limit` (a private
 *   call whose answer-to-end time exceeds `call.non_business_max_s`);
 * - refuses, naming the field: the fd_call_check() errors; unknown codes;
 *   `answer_at` before `ring_at`; `end_at` before the answer (or the ring);
 *   `disposition` answered without `answer_at`, or an answer on a call that was
 *   not answered (busy, no_answer, failed, congestion, cancelled); a late answer
 *   logged at the desk (`source` empty) without `apology`, and an `apology` on
 *   a call that was not late; an answered incoming business call logged at the
 *   desk without `category` or `matter` (R-CALL-3) — except `wrong_number`,
 *   which needs nothing else (R-CALL-7); `unresolved` on a call not answered;
 *   a `caller_number` that fd_phone_parse() refuses (the message never holds
 *   the number) — except an extension of 1 to 6 digits on an outgoing or
 *   internal call, and any number on an imported call (`source` set: kept as
 *   the PBX wrote it, e.g. a foreign number).
 * On error @p call is unchanged.
 * @param policy the site's policy, NULL for the defaults
 * @return ::FD_OK, ::FD_EINVAL, ::FD_ERANGE.
 * Thread safety: safe (on distinct calls).
 */
FD_API fd_status fd_call_assess(fd_call *call, const fd_policy *policy);

/**
 * R-CALL-8: 1 when @p call needs a call-back at once: an incoming call that
 * was dropped (掉线) from a number the desk knows (a withheld caller cannot be
 * called back: no task). @return ::FD_OK, ::FD_EINVAL.
 */
FD_API fd_status fd_call_needs_callback(int *out, const fd_call *call);

/**
 * R-CALL-9: when the reply to a question that could not be answered is due:
 * `call.unresolved_reply_working_days` (a deadline with its unit) from
 * @p from on @p cal, the last second still on time. @p provisional is 1 when
 * days past the holiday data decided it.
 * @param policy the site's policy, NULL for the defaults
 * @return as fd_calendar_deadline_info().
 * Thread safety: safe.
 */
FD_API fd_status fd_call_reply_due(int64_t *out, int *provisional, const fd_calendar *cal, int64_t from,
                                   const fd_policy *policy);

/* --- messages --------------------------------------------------------- */

/**
 * R-CALL-6: 1 when @p message is still `taken` and older than
 * `message.deliver_within_minutes` at @p now.
 * @return ::FD_OK, ::FD_EINVAL.
 */
FD_API fd_status fd_message_overdue(int *out, const fd_message *message, int64_t now, const fd_policy *policy);

/* --- directory: screening (R-CALL-5, R-CALL-6, R-CALL-12) ---------------- */

/** What the desk does with a call for a directory entry. The numbers are part of the ABI. */
typedef enum fd_screen_action {
    FD_SCREEN_TRANSFER = 0, /**< put it through to the entry's extension */
    FD_SCREEN_ROUTE = 1,    /**< put it through to `route_entry` instead (account manager, purchasing) */
    FD_SCREEN_CONFIRM = 2,  /**< ask the caller's name and unit; transfer only once the leader agrees (R-CALL-5) */
    FD_SCREEN_DECLINE = 3,  /**< decline politely and note the caller's details (sales, R-CALL-12) */
    FD_SCREEN_MESSAGE = 4   /**< the callee is out, busy or not to be disturbed: offer a message or a call-back (R-CALL-6) */
} fd_screen_action;

/** The decision of fd_dir_screen(). */
typedef struct fd_screen_decision {
    unsigned int version; /**< ::FD_SCREEN_DECISION_VERSION */
    int action;           /**< an ::fd_screen_action */
    int64_t route_entry;  /**< ::FD_SCREEN_ROUTE: the entry to put it through to; 0 otherwise */
    const char *script;   /**< what the desk says, static UTF-8 (e.g. 「请问您贵姓？哪个单位？」) */
    const char *rule;     /**< the rule that decided, static ("R-CALL-12") */
} fd_screen_decision;
/** The current version of ::fd_screen_decision. */
#define FD_SCREEN_DECISION_VERSION 1

/**
 * Decides what to do with a call for @p entry from a caller of @p caller_type
 * (a `caller_type` code, or NULL/"" when not known) at @p now:
 * an entry with `screen` set sends customers to `manager_entry`, suppliers to
 * `purchasing_entry` (R-CALL-12) and declines sales; a confidential entry (a
 * leader) is put through only after confirming the caller (R-CALL-5); an entry
 * whose presence is out, busy or dnd (and `presence_until` is 0 or after
 * @p now) gets a message offered (R-CALL-6); otherwise transfer.
 * @return ::FD_OK; ::FD_EINVAL (NULL, an unknown caller type).
 * Thread safety: safe.
 */
FD_API fd_status fd_dir_screen(fd_screen_decision *out, const fd_dir_entry *entry, const char *caller_type,
                               int64_t now);

/* --- hotel switchboard (R-CALL-11) --------------------------------------- */

/** The answer to a caller asking for a guest. The numbers are part of the ABI. */
typedef enum fd_guest_answer {
    FD_GUEST_IN_HOUSE = 0,    /**< in house: transfer to the room (no answer or busy: offer a message) */
    FD_GUEST_CHECKED_OUT = 1, /**< checked out: say when */
    FD_GUEST_NOT_ARRIVED = 2, /**< due to arrive: say not yet arrived */
    FD_GUEST_NONE = 3         /**< no such guest (also an incognito guest the actor may not see) */
} fd_guest_answer;

/**
 * R-CALL-11: the answer about @p guest (NULL: none found) on @p today, the
 * site's local date: checked out when `checked_out_at` is set, not arrived
 * before `arrival`, otherwise in house; an `incognito` guest is "no such guest"
 * unless @p may_reveal is 1.
 * @return ::FD_OK; ::FD_EINVAL (@p out NULL, @p today not a real day).
 */
FD_API fd_status fd_guest_answer_for(int *out, const fd_guest *guest, fd_date today, int may_reveal);

/** "in_house", "checked_out", "not_arrived", "none"; "" for other values. Never NULL. */
FD_API const char *fd_guest_answer_name(int answer);

/* --- call-detail records (CDR) -------------------------------------------- */

/** CDR file formats. The numbers are part of the ABI. */
typedef enum fd_cdr_dialect {
    FD_CDR_ASTERISK_CSV = 0,    /**< Asterisk cdr_csv Master.csv: 16, 17, 18 or 21 columns, no header */
    FD_CDR_ASTERISK_CUSTOM = 1, /**< Asterisk cdr_custom, the sample cdr_custom.conf mapping (clid first) */
    FD_CDR_FREESWITCH_CSV = 2,  /**< FreeSWITCH mod_cdr_csv, the "example" template (15 columns; its built-in 13 too) */
    FD_CDR_GENERIC = 3          /**< CSV with a header row and a column map */
} fd_cdr_dialect;

/** The dialect named "asterisk_csv", "asterisk_custom", "freeswitch_csv" or "generic".
 *  @return ::FD_OK; ::FD_EINVAL naming the dialects. */
FD_API fd_status fd_cdr_dialect_from_name(int *out, const char *name);

/** The name of @p dialect as fd_cdr_dialect_from_name() takes it, "" when unknown. Never NULL. */
FD_API const char *fd_cdr_dialect_name(int dialect);

/** A CDR line parser for one file: dialect, source name, zone, column map. */
typedef struct fd_cdr_parser fd_cdr_parser;

/**
 * A parser for the lines of one CDR file.
 * @param dialect an ::fd_cdr_dialect
 * @param source  the PBX's name as the importer calls it (an lcode, e.g. "pbx1"):
 *                legs are keyed by (source, uniqueid, sequence)
 * @param time_zone the zone of times written without one (IANA; NULL or "" =
 *                Asia/Shanghai); times with an offset or a Unix epoch are taken as such
 * @param column_map ::FD_CDR_GENERIC only (NULL otherwise): comma-separated
 *                `field=Header` pairs naming, for each leg field, the header
 *                of its column ("uniqueid=CallID,src=Caller,dst=Callee,start_at=Start,
 *                answer_at=Answer,end_at=End,disposition=Status"); uniqueid,
 *                start_at, end_at and disposition are required, the others optional
 *                (sequence, linkedid, peer, src, dst, clid, channel, dstchannel,
 *                lastapp, answer_at, duration, billsec). A header matches exactly,
 *                else ignoring ASCII case; a header row that lacks one is refused,
 *                and so is every line after it
 * @return ::FD_OK; ::FD_EINVAL (unknown dialect, bad source or zone, a column
 *         map that names an unknown field or lacks a required one); ::FD_ENOMEM.
 */
FD_API fd_status fd_cdr_parser_new(fd_cdr_parser **out, int dialect, const char *source, const char *time_zone,
                                   const char *column_map);

/** Frees a parser. NULL is a no-op. */
FD_API void fd_cdr_parser_free(fd_cdr_parser *parser);

/**
 * Parses one line (without its line break; a trailing '\r' is ignored) into
 * a leg: RFC 4180 quoting with doubled quotes; an empty `answer` for an
 * unanswered call; times "YYYY-MM-DD HH:MM:SS" in the parser's zone, or with
 * an offset, or Unix seconds; dispositions ANSWERED, NO ANSWER, BUSY, FAILED,
 * CONGESTION and FreeSWITCH hangup causes mapped to the `disposition` codes
 * (a media or network failure after an answer is `dropped`; the table is in
 * docs/modules/calls.md); a generic file may also give the codes. A line
 * without a uniqueid (16 Asterisk columns) gets one made from its content, the
 * same each time; a line without a linkedid is its own call (linkedid =
 * uniqueid), except FreeSWITCH's, whose `peer` is its bleg_uuid. With
 * ::FD_CDR_GENERIC the first non-empty line is the header: *@p out is NULL.
 * A blank line gives *@p out NULL too. The leg's `site_id`, `staff_id`,
 * `imported_at`, `id` and `call_id` are 0.
 * @param out receives the leg, one block: free it with fd_cdr_leg_free()
 * @return ::FD_OK; ::FD_EINVAL or ::FD_ERANGE naming the column ("column 10
 *         (answer): ..."), never echoing a number: wrong column count, a bad
 *         quote, a time that is not one, answer before start, end before
 *         answer, text that is not UTF-8 (a GBK caller name), control
 *         characters, a field longer than the leg keeps, an unknown
 *         disposition, or one that says answered without an answer time (or
 *         the reverse); ::FD_ENOMEM.
 * Thread safety: a parser is used by one thread at a time.
 */
FD_API fd_status fd_cdr_parse_line(fd_cdr_leg **out, fd_cdr_parser *parser, const char *line);

/**
 * Assembles the legs of one call (same `linkedid`; FreeSWITCH legs linked by
 * uuid and `peer`) into one call record: direction (an internal extension of
 * at most 6 digits calling one is internal, to a longer number out, otherwise
 * in), first ring (`ring_at`: the earliest start), who answered (the first leg
 * answered: `answer_at`, and `ring_leg_at`, the start of that leg, from which
 * the rings are measured — not `duration − billsec`), the transfer chain
 * (`transfers`: the parties in start order, "8001 > 8002"), who ended up with
 * it (the last answered leg's party is `callee`; unanswered, whom it rang
 * for), the end (the latest), `disposition` (answered, or dropped when the
 * answered leg that ended last was; unanswered, that of the leg that ended
 * last), the caller's number (national form when fd_phone_parse() takes it,
 * else as written; empty when withheld) and name (from `clid`; none when it
 * is only a number), `line` (the first leg's channel without its unique
 * suffix), `source`, `source_key` (the linkedid; FreeSWITCH: the a-leg's uuid)
 * and `legs`. A leg's party is the extension in its `dstchannel`, else its
 * `dst`; in `callee` and `transfers`, which are not personal-data fields, an
 * outside number is masked (R-COM-2). When some leg reached a phone (has a
 * `dstchannel`), legs the PBX answered itself (an IVR, voicemail) are not
 * who answered. The result is not yet assessed (fd_call_assess()): `rings`,
 * `late` and the like are 0.
 * @param legs @p n > 0 legs, any order
 * @param out receives the call, one block: free it with fd_call_free()
 * @return ::FD_OK; ::FD_EINVAL (no legs, a NULL or invalid leg, the same leg
 *         twice, legs of different calls or sources); ::FD_ERANGE (more than
 *         1000 legs); ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_cdr_assemble(fd_call **out, const fd_cdr_leg *const *legs, size_t n);

#ifdef __cplusplus
}
#endif

#endif
