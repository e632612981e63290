/**
 * @file frontdesk/visitors.h
 * @brief Visitors (issue 12, items 2-4): the visitor log with the host's
 *        answer, check-in and check-out, registration slips and overstays;
 *        ID documents kept the lawful way; a blocklist that matches without
 *        showing (R-VIS-1 … R-VIS-3, R-COM-2 … R-COM-4).
 *
 * Everything here is pure: records as values and the rules over them (ID
 * document numbers of every type, vehicle plates, the checks the store makes,
 * overstay), usable without the library's store — a Java suite with its own
 * database calls them. The store's side (registering, the events of a visit,
 * "still on site", the blocklist, the retention purge) is in frontdesk/store.h.
 *
 * Codes. The records hold lower-case English codes; fd_visit_code_label()
 * gives the Chinese label and fd_visit_code_parse() takes either:
 * - `state` (a visit's): expected 已预约 (pre-registered, not arrived),
 *   waiting 等候 (arrived, the host not yet answered), held 待核实 (a
 *   blocklist match awaits the desk's decision), on_site 在访, declined 婉拒
 *   (the host declined), refused 拒绝入内 (the desk refused: blocklist),
 *   left 已离开, cancelled 已取消 (an expected visitor who will not come);
 * - `answer` (the host's, R-VIS-2): lobby 大堂会面, bring_up 带上楼, decline 婉拒;
 * - `id_type`: id_card 居民身份证, passport 护照, hk_macau 港澳通行证, taiwan 台胞证,
 *   other 其他证件;
 * - `level` (a blocklist entry's): warning 提醒, limited 限制, forbidden 禁止;
 * - `basis` (what a blocklist match rests on): id 证件, phone 电话, name 姓名,
 *   pinyin 拼音 (possible only);
 * - `event_kind`: answer 答复, checkin 到达, checkout 离开, admit 放行, refuse 拒绝,
 *   explain 说明, cancel 取消;
 * - `outcome` (of a blocklist match): pending 待定, admitted 已放行, refused 已拒绝;
 * - `item_kind` (R-VIS-4): visitor_card 访客卡, key 钥匙, umbrella 雨伞, other 其他物品;
 * - `item_state`: in_stock 在库, issued 借出, lost 遗失;
 * - `item_event`: issue 借出, return 归还, lost 遗失, found 找回;
 * - `moment` (of a count): start 接班, end 交班;
 * - `count_state`: ok 相符, open 待说明, explained 已说明;
 * - `permit_state` (R-VIS-7): requested 待批准, approved 已批准, released 已放行,
 *   mismatch 不符, refused 不予放行;
 * - `custody_kind` (R-VIS-8): left_behind 遗留物品, parcel 快递包裹, deposit 暂存物品,
 *   visitor_documents 访客留存资料;
 * - `custody_state`: held 保管中, collected 已领取, returned 已退回, handed_on 已移交;
 * - `custody_event`: deposit 登记, notify 通知, remind 提醒, collect 领取, return 退回,
 *   hand_on 移交;
 * - `custody_how`: sms 短信, phone 电话, wechat 微信, note 便条 (a notice);
 *   signature 签字, id_check 核验证件 (a collection).
 *
 * A visit's life: a walk-in is registered on arrival (`waiting` until the
 * host answers; `held` when the blocklist matched); a pre-registered visit is
 * `expected` until it checks in. The host's answer makes it `on_site` (lobby,
 * bring_up) or `declined`; check-out makes it `left`. "Still on site" is every
 * visit that arrived and has not left, whatever its state; at the end of a
 * shift each must be checked out or explained (R-COM-4).
 *
 * Instants are int64 UTC seconds.
 */
#ifndef FRONTDESK_VISITORS_H
#define FRONTDESK_VISITORS_H

#include "common.h"
#include "policy.h"

#ifdef __cplusplus
extern "C" {
#endif

/* @generated records:visitors begin (scripts/gen/records.py from libfrontdesk/records/visitors.rec; do not edit) */

/** 来访登记: One visit: who came to see whom and why, the host's answer, when they arrived and left. (R-VIS-1) Strings are owned by the iterator or the
 *  record they came from; fd_visit_free() frees a record from fd_store_visit_get(). */
typedef struct fd_visit {
    unsigned int version; /**< ::FD_VISIT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-1) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who registered it, 0 = the system (R-COM-1) */
    int64_t registered_at; /**< 登记时间: when it was registered (UTC seconds) (R-COM-1) */
    int64_t slip_no; /**< 登记单号: the registration slip's serial at the site, 1, 2, 3 ... without gaps (set by the store) (R-VIS-3) */
    const char *visitor; /**< 访客姓名: the visitor's name, at most 100 bytes; personal data (name), masked on output (R-VIS-1) */
    const char *organisation; /**< 来访单位: the visitor's company or unit (来访单位), at most 200 bytes (R-VIS-1) */
    const char *phone; /**< 联系电话: the visitor's phone as typed (at most 64 bytes), stored normalised (fd_phone_parse national form), at most 64 bytes; personal data (phone), masked on output (R-COM-2) */
    int64_t party_size; /**< 人数: how many people came, 1 to 999 (R-VIS-1) */
    const char *plate; /**< 车牌: the vehicle plate as typed, stored canonical (fd_plate_parse: 京A12345), at most 32 bytes (R-VIS-1) */
    int64_t host_occupant; /**< 拜访住户: the host when an occupant, 0 = not (R-VIS-1) */
    int64_t host_employee; /**< 拜访员工: the host when an employee of an organisation, 0 = not (R-VIS-1) */
    int64_t host_department; /**< 拜访部门: the host when a department (or the employee's, given with them), 0 = not (R-VIS-1) */
    int64_t host_organisation; /**< 拜访企业: the host's organisation: given alone (its reception), or derived from the employee or department (R-VIS-1) */
    const char *host; /**< 拜访对象: the host as the visitor named them; required when no host record is given, at most 100 bytes (R-VIS-1) */
    const char *purpose; /**< 拜访事宜: why they came, at most 500 bytes; personal data (free_text), masked on output (R-VIS-1) */
    int preregistered; /**< 预约: 1: announced by the host before arrival (expected until checked in); 0: a walk-in, arrived when registered (R-VIS-1) */
    int64_t planned_from; /**< 预约开始: the planned window's start, 0 = none (a pre-registration needs it) (UTC seconds) (R-VIS-1) */
    int64_t planned_until; /**< 预约结束: the planned window's end, 0 = none; past it (and visitor.overstay_grace_minutes) an on-site visitor overstays (UTC seconds) (R-COM-4) */
    int important; /**< 重要来访: 1: a delegation, officials: the visit carries a preparation checklist, done before arrival (R-VIS-6) */
    const char *state; /**< 状态: expected, waiting, held, on_site, declined, refused, left or cancelled (set by the store), at most 16 bytes (R-VIS-2) */
    const char *id_type; /**< 证件类型: the ID document's type (id_card, passport, hk_macau, taiwan, other); empty when none (set by the store), at most 16 bytes (R-COM-2) */
    const char *id_masked; /**< 证件号码: the ID number masked for display (110105********002X), the only form ever shown; emptied by the purge (set by the store), at most 40 bytes (R-COM-2) */
    int id_kept; /**< 存全号: 1 when the full number is kept, encrypted, as the site's policy requires (set by the store) (R-COM-2) */
    int id_consent; /**< 同意留存: 1 when the visitor consented to the full number being kept (required then) (R-COM-2) */
    const char *blocklist_level; /**< 黑名单: the level of the strongest blocklist match at registration (warning, limited, forbidden); empty when none (set by the store), at most 16 bytes (R-VIS-1) */
    const char *answer; /**< 接待方式: the host's answer: lobby (meet in the lobby), bring_up or decline; empty until answered, at most 16 bytes (R-VIS-2) */
    int64_t answered_at; /**< 答复时间: when the answer was recorded, 0 = not yet (UTC seconds) (R-VIS-2) */
    int64_t arrived_at; /**< 到达时间: check-in, 0 = not arrived (a walk-in arrives when registered: set by the store) (UTC seconds) (R-VIS-1) */
    int64_t departed_at; /**< 离开时间: check-out, 0 = not left (UTC seconds) (R-COM-4) */
    int64_t explained_at; /**< 说明时间: when an explanation of why they are still on site was last recorded (end of shift), 0 = never (UTC seconds) (R-COM-4) */
    int64_t id_purged_at; /**< 证件清除: when its ID numbers were purged: the document's (masked form, hash, encrypted number) and any in its purpose and events' notes (masked); 0 = not (UTC seconds) (R-COM-3) */
    int64_t purged_at; /**< 清除时间: when the visitor's name, phone, plate and organisation were purged, 0 = not (UTC seconds) (R-COM-3) */
} fd_visit;
/** The current version of ::fd_visit. */
#define FD_VISIT_VERSION 1
/** An empty ::fd_visit to fill in. */
#define FD_VISIT_INIT { FD_VISIT_VERSION, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, 0, 0, 0, 0, 0, 0 }
/** Fills @p rec with ::FD_VISIT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_visit_init(fd_visit *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`visit.<field>: ...`).
 */
FD_API fd_status fd_visit_check(const fd_visit *rec);
/** Frees a record from fd_store_visit_get(). NULL is a no-op. */
FD_API void fd_visit_free(fd_visit *rec);

/* Bits of fd_visit_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_VISIT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_VISIT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_VISIT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_VISIT_MATCH_REGISTERED_AT_FROM (UINT64_C(1) << 3) /**< filter.registered_at_from is set */
#define FD_VISIT_MATCH_REGISTERED_AT_TO (UINT64_C(1) << 4) /**< filter.registered_at_to is set */
#define FD_VISIT_MATCH_SLIP_NO (UINT64_C(1) << 5) /**< filter.slip_no is set */
#define FD_VISIT_MATCH_VISITOR (UINT64_C(1) << 6) /**< filter.visitor is set */
#define FD_VISIT_MATCH_ORGANISATION (UINT64_C(1) << 7) /**< filter.organisation is set */
#define FD_VISIT_MATCH_PHONE (UINT64_C(1) << 8) /**< filter.phone is set */
#define FD_VISIT_MATCH_PARTY_SIZE (UINT64_C(1) << 9) /**< filter.party_size is set */
#define FD_VISIT_MATCH_PLATE (UINT64_C(1) << 10) /**< filter.plate is set */
#define FD_VISIT_MATCH_HOST_OCCUPANT (UINT64_C(1) << 11) /**< filter.host_occupant is set */
#define FD_VISIT_MATCH_HOST_EMPLOYEE (UINT64_C(1) << 12) /**< filter.host_employee is set */
#define FD_VISIT_MATCH_HOST_DEPARTMENT (UINT64_C(1) << 13) /**< filter.host_department is set */
#define FD_VISIT_MATCH_HOST_ORGANISATION (UINT64_C(1) << 14) /**< filter.host_organisation is set */
#define FD_VISIT_MATCH_HOST (UINT64_C(1) << 15) /**< filter.host is set */
#define FD_VISIT_MATCH_PREREGISTERED (UINT64_C(1) << 16) /**< filter.preregistered is set */
#define FD_VISIT_MATCH_PLANNED_FROM_FROM (UINT64_C(1) << 17) /**< filter.planned_from_from is set */
#define FD_VISIT_MATCH_PLANNED_FROM_TO (UINT64_C(1) << 18) /**< filter.planned_from_to is set */
#define FD_VISIT_MATCH_PLANNED_UNTIL_FROM (UINT64_C(1) << 19) /**< filter.planned_until_from is set */
#define FD_VISIT_MATCH_PLANNED_UNTIL_TO (UINT64_C(1) << 20) /**< filter.planned_until_to is set */
#define FD_VISIT_MATCH_IMPORTANT (UINT64_C(1) << 21) /**< filter.important is set */
#define FD_VISIT_MATCH_STATE (UINT64_C(1) << 22) /**< filter.state is set */
#define FD_VISIT_MATCH_ID_TYPE (UINT64_C(1) << 23) /**< filter.id_type is set */
#define FD_VISIT_MATCH_ID_MASKED (UINT64_C(1) << 24) /**< filter.id_masked is set */
#define FD_VISIT_MATCH_ID_KEPT (UINT64_C(1) << 25) /**< filter.id_kept is set */
#define FD_VISIT_MATCH_ID_CONSENT (UINT64_C(1) << 26) /**< filter.id_consent is set */
#define FD_VISIT_MATCH_BLOCKLIST_LEVEL (UINT64_C(1) << 27) /**< filter.blocklist_level is set */
#define FD_VISIT_MATCH_ANSWER (UINT64_C(1) << 28) /**< filter.answer is set */
#define FD_VISIT_MATCH_ANSWERED_AT_FROM (UINT64_C(1) << 29) /**< filter.answered_at_from is set */
#define FD_VISIT_MATCH_ANSWERED_AT_TO (UINT64_C(1) << 30) /**< filter.answered_at_to is set */
#define FD_VISIT_MATCH_ARRIVED_AT_FROM (UINT64_C(1) << 31) /**< filter.arrived_at_from is set */
#define FD_VISIT_MATCH_ARRIVED_AT_TO (UINT64_C(1) << 32) /**< filter.arrived_at_to is set */
#define FD_VISIT_MATCH_DEPARTED_AT_FROM (UINT64_C(1) << 33) /**< filter.departed_at_from is set */
#define FD_VISIT_MATCH_DEPARTED_AT_TO (UINT64_C(1) << 34) /**< filter.departed_at_to is set */
#define FD_VISIT_MATCH_EXPLAINED_AT_FROM (UINT64_C(1) << 35) /**< filter.explained_at_from is set */
#define FD_VISIT_MATCH_EXPLAINED_AT_TO (UINT64_C(1) << 36) /**< filter.explained_at_to is set */
#define FD_VISIT_MATCH_ID_PURGED_AT_FROM (UINT64_C(1) << 37) /**< filter.id_purged_at_from is set */
#define FD_VISIT_MATCH_ID_PURGED_AT_TO (UINT64_C(1) << 38) /**< filter.id_purged_at_to is set */
#define FD_VISIT_MATCH_PURGED_AT_FROM (UINT64_C(1) << 39) /**< filter.purged_at_from is set */
#define FD_VISIT_MATCH_PURGED_AT_TO (UINT64_C(1) << 40) /**< filter.purged_at_to is set */
#endif
/** Which visit records fd_store_visit_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_visit_filter {
    unsigned int version; /**< ::FD_VISIT_FILTER_VERSION */
    uint64_t match; /**< `FD_VISIT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t registered_at_from; /**< >= (登记时间) */
    int64_t registered_at_to; /**< < (登记时间) */
    int64_t slip_no; /**< equal to (登记单号) */
    const char *visitor; /**< equal to (访客姓名) */
    const char *organisation; /**< equal to (来访单位) */
    const char *phone; /**< equal to (联系电话) */
    int64_t party_size; /**< equal to (人数) */
    const char *plate; /**< equal to (车牌) */
    int64_t host_occupant; /**< equal to (拜访住户) */
    int64_t host_employee; /**< equal to (拜访员工) */
    int64_t host_department; /**< equal to (拜访部门) */
    int64_t host_organisation; /**< equal to (拜访企业) */
    const char *host; /**< equal to (拜访对象) */
    int preregistered; /**< equal to (预约) */
    int64_t planned_from_from; /**< >= (预约开始) */
    int64_t planned_from_to; /**< < (预约开始) */
    int64_t planned_until_from; /**< >= (预约结束) */
    int64_t planned_until_to; /**< < (预约结束) */
    int important; /**< equal to (重要来访) */
    const char *state; /**< equal to (状态) */
    const char *id_type; /**< equal to (证件类型) */
    const char *id_masked; /**< equal to (证件号码) */
    int id_kept; /**< equal to (存全号) */
    int id_consent; /**< equal to (同意留存) */
    const char *blocklist_level; /**< equal to (黑名单) */
    const char *answer; /**< equal to (接待方式) */
    int64_t answered_at_from; /**< >= (答复时间) */
    int64_t answered_at_to; /**< < (答复时间) */
    int64_t arrived_at_from; /**< >= (到达时间) */
    int64_t arrived_at_to; /**< < (到达时间) */
    int64_t departed_at_from; /**< >= (离开时间) */
    int64_t departed_at_to; /**< < (离开时间) */
    int64_t explained_at_from; /**< >= (说明时间) */
    int64_t explained_at_to; /**< < (说明时间) */
    int64_t id_purged_at_from; /**< >= (证件清除) */
    int64_t id_purged_at_to; /**< < (证件清除) */
    int64_t purged_at_from; /**< >= (清除时间) */
    int64_t purged_at_to; /**< < (清除时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_visit_filter;
/** The current version of ::fd_visit_filter. */
#define FD_VISIT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_VISIT_FILTER_INIT { FD_VISIT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_VISIT_FILTER_INIT for @p version. */
FD_API fd_status fd_visit_filter_init(fd_visit_filter *filter, unsigned int version);

/** 来访记录: One change of a visit (append-only): the host's answer, check-in, check-out, a blocklist decision, an explanation. (R-VIS-2) Strings are owned by the iterator or the
 *  record they came from; fd_visit_event_free() frees a record from fd_store_visit_event_get(). */
typedef struct fd_visit_event {
    unsigned int version; /**< ::FD_VISIT_EVENT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 经办人: who did it (R-COM-1) */
    int64_t at; /**< 时间: when it was recorded (UTC seconds) (R-COM-1) */
    int64_t visit_id; /**< 来访: the visit (R-VIS-2) */
    const char *kind; /**< 类型: answer, checkin, checkout, admit, refuse, explain or cancel, at most 16 bytes (R-VIS-2) */
    const char *code; /**< 结果: an answer's code (lobby, bring_up, decline); empty for the others, at most 16 bytes (R-VIS-2) */
    int64_t happened_at; /**< 发生时间: when it happened, if before it was recorded (a check-out noted later); 0 = at (UTC seconds) (R-COM-4) */
    const char *note; /**< 备注: a note; required for refuse, explain and cancel, at most 500 bytes; personal data (free_text), masked on output (R-COM-4) */
} fd_visit_event;
/** The current version of ::fd_visit_event. */
#define FD_VISIT_EVENT_VERSION 1
/** An empty ::fd_visit_event to fill in. */
#define FD_VISIT_EVENT_INIT { FD_VISIT_EVENT_VERSION, 0, 0, 0, 0, 0, NULL, NULL, 0, NULL }
/** Fills @p rec with ::FD_VISIT_EVENT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_visit_event_init(fd_visit_event *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`visit_event.<field>: ...`).
 */
FD_API fd_status fd_visit_event_check(const fd_visit_event *rec);
/** Frees a record from fd_store_visit_event_get(). NULL is a no-op. */
FD_API void fd_visit_event_free(fd_visit_event *rec);

/* Bits of fd_visit_event_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_VISIT_EVENT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_VISIT_EVENT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_VISIT_EVENT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_VISIT_EVENT_MATCH_AT_FROM (UINT64_C(1) << 3) /**< filter.at_from is set */
#define FD_VISIT_EVENT_MATCH_AT_TO (UINT64_C(1) << 4) /**< filter.at_to is set */
#define FD_VISIT_EVENT_MATCH_VISIT_ID (UINT64_C(1) << 5) /**< filter.visit_id is set */
#define FD_VISIT_EVENT_MATCH_KIND (UINT64_C(1) << 6) /**< filter.kind is set */
#define FD_VISIT_EVENT_MATCH_CODE (UINT64_C(1) << 7) /**< filter.code is set */
#define FD_VISIT_EVENT_MATCH_HAPPENED_AT_FROM (UINT64_C(1) << 8) /**< filter.happened_at_from is set */
#define FD_VISIT_EVENT_MATCH_HAPPENED_AT_TO (UINT64_C(1) << 9) /**< filter.happened_at_to is set */
#endif
/** Which visit_event records fd_store_visit_event_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_visit_event_filter {
    unsigned int version; /**< ::FD_VISIT_EVENT_FILTER_VERSION */
    uint64_t match; /**< `FD_VISIT_EVENT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (经办人) */
    int64_t at_from; /**< >= (时间) */
    int64_t at_to; /**< < (时间) */
    int64_t visit_id; /**< equal to (来访) */
    const char *kind; /**< equal to (类型) */
    const char *code; /**< equal to (结果) */
    int64_t happened_at_from; /**< >= (发生时间) */
    int64_t happened_at_to; /**< < (发生时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_visit_event_filter;
/** The current version of ::fd_visit_event_filter. */
#define FD_VISIT_EVENT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_VISIT_EVENT_FILTER_INIT { FD_VISIT_EVENT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_VISIT_EVENT_FILTER_INIT for @p version. */
FD_API fd_status fd_visit_event_filter_init(fd_visit_event_filter *filter, unsigned int version);

/** 黑名单: A person the desk must not simply admit: matched on ID, phone or name, with a level and a reason; lifted, never deleted. (R-VIS-1) Strings are owned by the iterator or the
 *  record they came from; fd_blocklist_entry_free() frees a record from fd_store_blocklist_entry_get(). */
typedef struct fd_blocklist_entry {
    unsigned int version; /**< ::FD_BLOCKLIST_ENTRY_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-1) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 添加人: who added it (R-COM-1) */
    int64_t added_at; /**< 添加时间: when it was added (UTC seconds) (R-COM-1) */
    const char *level; /**< 级别: warning (admit, be aware), limited (admit only with an escort or approval) or forbidden (do not admit without a manager), at most 16 bytes (R-VIS-1) */
    const char *reason; /**< 原因: why: shown to the desk at a match, with any number in it masked, at most 500 bytes; personal data (free_text), masked on output (R-VIS-1) */
    const char *name; /**< 姓名: the person's name: matches exactly after normalisation (Traditional → Simplified), or by pinyin as possible, at most 100 bytes; personal data (name), masked on output (R-VIS-1) */
    const char *phone; /**< 电话: the person's phone as typed, stored in E.164 (+8613812345678) where it has one, at most 64 bytes; personal data (phone), masked on output (R-VIS-1) */
    const char *id_type; /**< 证件类型: the ID document's type; empty when none (set by the store), at most 16 bytes (R-COM-2) */
    const char *id_masked; /**< 证件号码: the ID number masked (the full number is never kept for the blocklist: only its keyed hash) (set by the store), at most 40 bytes (R-COM-2) */
    int64_t valid_from; /**< 生效时间: from when it applies, 0 = from its adding (UTC seconds) (R-VIS-1) */
    int64_t valid_until; /**< 失效时间: until when it applies (exclusive), 0 = until lifted (UTC seconds) (R-VIS-1) */
    int64_t lifted_at; /**< 解除时间: when it was lifted, 0 = in force (UTC seconds) (R-COM-3) */
    int64_t lifted_by; /**< 解除人: who lifted it (R-COM-3) */
} fd_blocklist_entry;
/** The current version of ::fd_blocklist_entry. */
#define FD_BLOCKLIST_ENTRY_VERSION 1
/** An empty ::fd_blocklist_entry to fill in. */
#define FD_BLOCKLIST_ENTRY_INIT { FD_BLOCKLIST_ENTRY_VERSION, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0 }
/** Fills @p rec with ::FD_BLOCKLIST_ENTRY_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_blocklist_entry_init(fd_blocklist_entry *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`blocklist_entry.<field>: ...`).
 */
FD_API fd_status fd_blocklist_entry_check(const fd_blocklist_entry *rec);
/** Frees a record from fd_store_blocklist_entry_get(). NULL is a no-op. */
FD_API void fd_blocklist_entry_free(fd_blocklist_entry *rec);

/* Bits of fd_blocklist_entry_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_BLOCKLIST_ENTRY_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_BLOCKLIST_ENTRY_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_BLOCKLIST_ENTRY_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_BLOCKLIST_ENTRY_MATCH_ADDED_AT_FROM (UINT64_C(1) << 3) /**< filter.added_at_from is set */
#define FD_BLOCKLIST_ENTRY_MATCH_ADDED_AT_TO (UINT64_C(1) << 4) /**< filter.added_at_to is set */
#define FD_BLOCKLIST_ENTRY_MATCH_LEVEL (UINT64_C(1) << 5) /**< filter.level is set */
#define FD_BLOCKLIST_ENTRY_MATCH_NAME (UINT64_C(1) << 6) /**< filter.name is set */
#define FD_BLOCKLIST_ENTRY_MATCH_PHONE (UINT64_C(1) << 7) /**< filter.phone is set */
#define FD_BLOCKLIST_ENTRY_MATCH_ID_TYPE (UINT64_C(1) << 8) /**< filter.id_type is set */
#define FD_BLOCKLIST_ENTRY_MATCH_ID_MASKED (UINT64_C(1) << 9) /**< filter.id_masked is set */
#define FD_BLOCKLIST_ENTRY_MATCH_VALID_FROM_FROM (UINT64_C(1) << 10) /**< filter.valid_from_from is set */
#define FD_BLOCKLIST_ENTRY_MATCH_VALID_FROM_TO (UINT64_C(1) << 11) /**< filter.valid_from_to is set */
#define FD_BLOCKLIST_ENTRY_MATCH_VALID_UNTIL_FROM (UINT64_C(1) << 12) /**< filter.valid_until_from is set */
#define FD_BLOCKLIST_ENTRY_MATCH_VALID_UNTIL_TO (UINT64_C(1) << 13) /**< filter.valid_until_to is set */
#define FD_BLOCKLIST_ENTRY_MATCH_LIFTED_AT_FROM (UINT64_C(1) << 14) /**< filter.lifted_at_from is set */
#define FD_BLOCKLIST_ENTRY_MATCH_LIFTED_AT_TO (UINT64_C(1) << 15) /**< filter.lifted_at_to is set */
#define FD_BLOCKLIST_ENTRY_MATCH_LIFTED_BY (UINT64_C(1) << 16) /**< filter.lifted_by is set */
#endif
/** Which blocklist_entry records fd_store_blocklist_entry_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_blocklist_entry_filter {
    unsigned int version; /**< ::FD_BLOCKLIST_ENTRY_FILTER_VERSION */
    uint64_t match; /**< `FD_BLOCKLIST_ENTRY_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (添加人) */
    int64_t added_at_from; /**< >= (添加时间) */
    int64_t added_at_to; /**< < (添加时间) */
    const char *level; /**< equal to (级别) */
    const char *name; /**< equal to (姓名) */
    const char *phone; /**< equal to (电话) */
    const char *id_type; /**< equal to (证件类型) */
    const char *id_masked; /**< equal to (证件号码) */
    int64_t valid_from_from; /**< >= (生效时间) */
    int64_t valid_from_to; /**< < (生效时间) */
    int64_t valid_until_from; /**< >= (失效时间) */
    int64_t valid_until_to; /**< < (失效时间) */
    int64_t lifted_at_from; /**< >= (解除时间) */
    int64_t lifted_at_to; /**< < (解除时间) */
    int64_t lifted_by; /**< equal to (解除人) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_blocklist_entry_filter;
/** The current version of ::fd_blocklist_entry_filter. */
#define FD_BLOCKLIST_ENTRY_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_BLOCKLIST_ENTRY_FILTER_INIT { FD_BLOCKLIST_ENTRY_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_BLOCKLIST_ENTRY_FILTER_INIT for @p version. */
FD_API fd_status fd_blocklist_entry_filter_init(fd_blocklist_entry_filter *filter, unsigned int version);

/** 黑名单命中: A blocklist match at a registration and what the desk did: admitted (by whom) or refused. (R-VIS-1) Strings are owned by the iterator or the
 *  record they came from; fd_blocklist_hit_free() frees a record from fd_store_blocklist_hit_get(). */
typedef struct fd_blocklist_hit {
    unsigned int version; /**< ::FD_BLOCKLIST_HIT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who registered the visit (R-COM-1) */
    int64_t at; /**< 时间: when it matched (UTC seconds) (R-COM-1) */
    int64_t visit_id; /**< 来访: the visit (R-VIS-1) */
    int64_t entry_id; /**< 名单条目: the entry it matched (R-VIS-1) */
    const char *level; /**< 级别: the entry's level then, at most 16 bytes (R-VIS-1) */
    const char *basis; /**< 依据: id, phone, name (sure) or pinyin (possible: confirm another way), at most 8 bytes (R-VIS-1) */
    const char *outcome; /**< 处理结果: pending, admitted or refused, at most 16 bytes (R-VIS-1) */
    int64_t outcome_at; /**< 处理时间: when it was decided, 0 = pending (UTC seconds) (R-VIS-1) */
    int64_t outcome_by; /**< 处理人: who admitted or refused (R-VIS-1) */
} fd_blocklist_hit;
/** The current version of ::fd_blocklist_hit. */
#define FD_BLOCKLIST_HIT_VERSION 1
/** An empty ::fd_blocklist_hit to fill in. */
#define FD_BLOCKLIST_HIT_INIT { FD_BLOCKLIST_HIT_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0 }
/** Fills @p rec with ::FD_BLOCKLIST_HIT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_blocklist_hit_init(fd_blocklist_hit *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`blocklist_hit.<field>: ...`).
 */
FD_API fd_status fd_blocklist_hit_check(const fd_blocklist_hit *rec);
/** Frees a record from fd_store_blocklist_hit_get(). NULL is a no-op. */
FD_API void fd_blocklist_hit_free(fd_blocklist_hit *rec);

/* Bits of fd_blocklist_hit_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_BLOCKLIST_HIT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_BLOCKLIST_HIT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_BLOCKLIST_HIT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_BLOCKLIST_HIT_MATCH_AT_FROM (UINT64_C(1) << 3) /**< filter.at_from is set */
#define FD_BLOCKLIST_HIT_MATCH_AT_TO (UINT64_C(1) << 4) /**< filter.at_to is set */
#define FD_BLOCKLIST_HIT_MATCH_VISIT_ID (UINT64_C(1) << 5) /**< filter.visit_id is set */
#define FD_BLOCKLIST_HIT_MATCH_ENTRY_ID (UINT64_C(1) << 6) /**< filter.entry_id is set */
#define FD_BLOCKLIST_HIT_MATCH_LEVEL (UINT64_C(1) << 7) /**< filter.level is set */
#define FD_BLOCKLIST_HIT_MATCH_BASIS (UINT64_C(1) << 8) /**< filter.basis is set */
#define FD_BLOCKLIST_HIT_MATCH_OUTCOME (UINT64_C(1) << 9) /**< filter.outcome is set */
#define FD_BLOCKLIST_HIT_MATCH_OUTCOME_AT_FROM (UINT64_C(1) << 10) /**< filter.outcome_at_from is set */
#define FD_BLOCKLIST_HIT_MATCH_OUTCOME_AT_TO (UINT64_C(1) << 11) /**< filter.outcome_at_to is set */
#define FD_BLOCKLIST_HIT_MATCH_OUTCOME_BY (UINT64_C(1) << 12) /**< filter.outcome_by is set */
#endif
/** Which blocklist_hit records fd_store_blocklist_hit_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_blocklist_hit_filter {
    unsigned int version; /**< ::FD_BLOCKLIST_HIT_FILTER_VERSION */
    uint64_t match; /**< `FD_BLOCKLIST_HIT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t at_from; /**< >= (时间) */
    int64_t at_to; /**< < (时间) */
    int64_t visit_id; /**< equal to (来访) */
    int64_t entry_id; /**< equal to (名单条目) */
    const char *level; /**< equal to (级别) */
    const char *basis; /**< equal to (依据) */
    const char *outcome; /**< equal to (处理结果) */
    int64_t outcome_at_from; /**< >= (处理时间) */
    int64_t outcome_at_to; /**< < (处理时间) */
    int64_t outcome_by; /**< equal to (处理人) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_blocklist_hit_filter;
/** The current version of ::fd_blocklist_hit_filter. */
#define FD_BLOCKLIST_HIT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_BLOCKLIST_HIT_FILTER_INIT { FD_BLOCKLIST_HIT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_BLOCKLIST_HIT_FILTER_INIT for @p version. */
FD_API fd_status fd_blocklist_hit_filter_init(fd_blocklist_hit_filter *filter, unsigned int version);

/** 登记单移交: A batch of registration slips handed to security: every slip since the last batch, without gaps. (R-VIS-3) Strings are owned by the iterator or the
 *  record they came from; fd_slip_handover_free() frees a record from fd_store_slip_handover_get(). */
typedef struct fd_slip_handover {
    unsigned int version; /**< ::FD_SLIP_HANDOVER_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 移交人: who handed them over (R-COM-1) */
    int64_t at; /**< 移交时间: when (UTC seconds) (R-COM-1) */
    int64_t first_slip; /**< 起始单号: the first slip of the batch: the last batch's last + 1 (set by the store) (R-VIS-3) */
    int64_t last_slip; /**< 截止单号: the last slip of the batch: the site's latest at the handover (set by the store) (R-VIS-3) */
    const char *received_by; /**< 接收人: who took them for security, at most 100 bytes; personal data (name), masked on output (R-VIS-3) */
    const char *note; /**< 备注: a note (slips missing a signature, say), at most 500 bytes; personal data (free_text), masked on output (R-VIS-3) */
} fd_slip_handover;
/** The current version of ::fd_slip_handover. */
#define FD_SLIP_HANDOVER_VERSION 1
/** An empty ::fd_slip_handover to fill in. */
#define FD_SLIP_HANDOVER_INIT { FD_SLIP_HANDOVER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL }
/** Fills @p rec with ::FD_SLIP_HANDOVER_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_slip_handover_init(fd_slip_handover *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`slip_handover.<field>: ...`).
 */
FD_API fd_status fd_slip_handover_check(const fd_slip_handover *rec);
/** Frees a record from fd_store_slip_handover_get(). NULL is a no-op. */
FD_API void fd_slip_handover_free(fd_slip_handover *rec);

/* Bits of fd_slip_handover_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_SLIP_HANDOVER_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_SLIP_HANDOVER_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_SLIP_HANDOVER_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_SLIP_HANDOVER_MATCH_AT_FROM (UINT64_C(1) << 3) /**< filter.at_from is set */
#define FD_SLIP_HANDOVER_MATCH_AT_TO (UINT64_C(1) << 4) /**< filter.at_to is set */
#define FD_SLIP_HANDOVER_MATCH_FIRST_SLIP (UINT64_C(1) << 5) /**< filter.first_slip is set */
#define FD_SLIP_HANDOVER_MATCH_LAST_SLIP (UINT64_C(1) << 6) /**< filter.last_slip is set */
#define FD_SLIP_HANDOVER_MATCH_RECEIVED_BY (UINT64_C(1) << 7) /**< filter.received_by is set */
#endif
/** Which slip_handover records fd_store_slip_handover_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_slip_handover_filter {
    unsigned int version; /**< ::FD_SLIP_HANDOVER_FILTER_VERSION */
    uint64_t match; /**< `FD_SLIP_HANDOVER_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (移交人) */
    int64_t at_from; /**< >= (移交时间) */
    int64_t at_to; /**< < (移交时间) */
    int64_t first_slip; /**< equal to (起始单号) */
    int64_t last_slip; /**< equal to (截止单号) */
    const char *received_by; /**< equal to (接收人) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_slip_handover_filter;
/** The current version of ::fd_slip_handover_filter. */
#define FD_SLIP_HANDOVER_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_SLIP_HANDOVER_FILTER_INIT { FD_SLIP_HANDOVER_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_SLIP_HANDOVER_FILTER_INIT for @p version. */
FD_API fd_status fd_slip_handover_filter_init(fd_slip_handover_filter *filter, unsigned int version);

/** 物品: A visitor card or another counted item of the desk (a key, an umbrella), by its code; issued to a visit and returned or lost. (R-VIS-4) Strings are owned by the iterator or the
 *  record they came from; fd_counted_item_free() frees a record from fd_store_counted_item_get(). */
typedef struct fd_counted_item {
    unsigned int version; /**< ::FD_COUNTED_ITEM_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-4) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who added it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was added (UTC seconds) (R-COM-1) */
    const char *kind; /**< 类型: visitor_card, key, umbrella or other, at most 16 bytes (R-VIS-4) */
    const char *code; /**< 编号牌: the code on the item (V017), unique per site, at most 32 bytes (R-VIS-4) */
    const char *name; /**< 名称: what it is (会议室钥匙), at most 100 bytes (R-VIS-4) */
    const char *state; /**< 状态: in_stock, issued or lost, at most 16 bytes (R-VIS-4) */
    int64_t visit_id; /**< 借用来访: the visit it is issued to, 0 when not issued (R-VIS-4) */
    int64_t state_at; /**< 状态时间: when the state last changed, 0 = since it was added (UTC seconds) (R-VIS-4) */
} fd_counted_item;
/** The current version of ::fd_counted_item. */
#define FD_COUNTED_ITEM_VERSION 1
/** An empty ::fd_counted_item to fill in. */
#define FD_COUNTED_ITEM_INIT { FD_COUNTED_ITEM_VERSION, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, 0 }
/** Fills @p rec with ::FD_COUNTED_ITEM_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_counted_item_init(fd_counted_item *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`counted_item.<field>: ...`).
 */
FD_API fd_status fd_counted_item_check(const fd_counted_item *rec);
/** Frees a record from fd_store_counted_item_get(). NULL is a no-op. */
FD_API void fd_counted_item_free(fd_counted_item *rec);

/* Bits of fd_counted_item_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_COUNTED_ITEM_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_COUNTED_ITEM_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_COUNTED_ITEM_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_COUNTED_ITEM_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_COUNTED_ITEM_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_COUNTED_ITEM_MATCH_KIND (UINT64_C(1) << 5) /**< filter.kind is set */
#define FD_COUNTED_ITEM_MATCH_CODE (UINT64_C(1) << 6) /**< filter.code is set */
#define FD_COUNTED_ITEM_MATCH_NAME (UINT64_C(1) << 7) /**< filter.name is set */
#define FD_COUNTED_ITEM_MATCH_STATE (UINT64_C(1) << 8) /**< filter.state is set */
#define FD_COUNTED_ITEM_MATCH_VISIT_ID (UINT64_C(1) << 9) /**< filter.visit_id is set */
#define FD_COUNTED_ITEM_MATCH_STATE_AT_FROM (UINT64_C(1) << 10) /**< filter.state_at_from is set */
#define FD_COUNTED_ITEM_MATCH_STATE_AT_TO (UINT64_C(1) << 11) /**< filter.state_at_to is set */
#endif
/** Which counted_item records fd_store_counted_item_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_counted_item_filter {
    unsigned int version; /**< ::FD_COUNTED_ITEM_FILTER_VERSION */
    uint64_t match; /**< `FD_COUNTED_ITEM_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    const char *kind; /**< equal to (类型) */
    const char *code; /**< equal to (编号牌) */
    const char *name; /**< equal to (名称) */
    const char *state; /**< equal to (状态) */
    int64_t visit_id; /**< equal to (借用来访) */
    int64_t state_at_from; /**< >= (状态时间) */
    int64_t state_at_to; /**< < (状态时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_counted_item_filter;
/** The current version of ::fd_counted_item_filter. */
#define FD_COUNTED_ITEM_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_COUNTED_ITEM_FILTER_INIT { FD_COUNTED_ITEM_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_COUNTED_ITEM_FILTER_INIT for @p version. */
FD_API fd_status fd_counted_item_filter_init(fd_counted_item_filter *filter, unsigned int version);

/** 物品记录: One change of a counted item (append-only): issued, returned, lost, found. (R-VIS-4) Strings are owned by the iterator or the
 *  record they came from; fd_item_event_free() frees a record from fd_store_item_event_get(). */
typedef struct fd_item_event {
    unsigned int version; /**< ::FD_ITEM_EVENT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 经办人: who did it (R-COM-1) */
    int64_t at; /**< 时间: when (UTC seconds) (R-COM-1) */
    int64_t item_id; /**< 物品: the item (R-VIS-4) */
    const char *kind; /**< 类型: issue, return, lost or found, at most 16 bytes (R-VIS-4) */
    int64_t visit_id; /**< 来访: the visit it was issued to or returned from, 0 = none (R-VIS-4) */
    const char *note; /**< 备注: a note; required for lost, at most 500 bytes; personal data (free_text), masked on output (R-VIS-4) */
} fd_item_event;
/** The current version of ::fd_item_event. */
#define FD_ITEM_EVENT_VERSION 1
/** An empty ::fd_item_event to fill in. */
#define FD_ITEM_EVENT_INIT { FD_ITEM_EVENT_VERSION, 0, 0, 0, 0, 0, NULL, 0, NULL }
/** Fills @p rec with ::FD_ITEM_EVENT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_item_event_init(fd_item_event *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`item_event.<field>: ...`).
 */
FD_API fd_status fd_item_event_check(const fd_item_event *rec);
/** Frees a record from fd_store_item_event_get(). NULL is a no-op. */
FD_API void fd_item_event_free(fd_item_event *rec);

/* Bits of fd_item_event_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_ITEM_EVENT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_ITEM_EVENT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_ITEM_EVENT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_ITEM_EVENT_MATCH_AT_FROM (UINT64_C(1) << 3) /**< filter.at_from is set */
#define FD_ITEM_EVENT_MATCH_AT_TO (UINT64_C(1) << 4) /**< filter.at_to is set */
#define FD_ITEM_EVENT_MATCH_ITEM_ID (UINT64_C(1) << 5) /**< filter.item_id is set */
#define FD_ITEM_EVENT_MATCH_KIND (UINT64_C(1) << 6) /**< filter.kind is set */
#define FD_ITEM_EVENT_MATCH_VISIT_ID (UINT64_C(1) << 7) /**< filter.visit_id is set */
#endif
/** Which item_event records fd_store_item_event_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_item_event_filter {
    unsigned int version; /**< ::FD_ITEM_EVENT_FILTER_VERSION */
    uint64_t match; /**< `FD_ITEM_EVENT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (经办人) */
    int64_t at_from; /**< >= (时间) */
    int64_t at_to; /**< < (时间) */
    int64_t item_id; /**< equal to (物品) */
    const char *kind; /**< equal to (类型) */
    int64_t visit_id; /**< equal to (来访) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_item_event_filter;
/** The current version of ::fd_item_event_filter. */
#define FD_ITEM_EVENT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_ITEM_EVENT_FILTER_INIT { FD_ITEM_EVENT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0 }
/** Fills @p filter with ::FD_ITEM_EVENT_FILTER_INIT for @p version. */
FD_API fd_status fd_item_event_filter_init(fd_item_event_filter *filter, unsigned int version);

/** 物品清点: A count of one kind of item at a shift's start or end, signed by both staff on duty; a difference is open until explained. (R-VIS-4) Strings are owned by the iterator or the
 *  record they came from; fd_item_count_free() frees a record from fd_store_item_count_get(). */
typedef struct fd_item_count {
    unsigned int version; /**< ::FD_ITEM_COUNT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 清点人: who counted (signs first) (R-VIS-4) */
    int64_t at; /**< 清点时间: when (UTC seconds) (R-COM-1) */
    const char *kind; /**< 类型: the kind of item counted, at most 16 bytes (R-VIS-4) */
    const char *moment; /**< 班次节点: start or end of the shift, at most 16 bytes (R-VIS-4) */
    int64_t expected; /**< 应有: items of the kind that should be in the desk's stock, from the records (set by the store) (R-VIS-4) */
    int64_t counted; /**< 实点: items counted (R-VIS-4) */
    int64_t cosigner; /**< 复核人: the other member of staff on duty, who signs too (R-VIS-4) */
    const char *state; /**< 状态: ok (the count agrees), open (a difference, until explained) (set by the store), explained, at most 16 bytes (R-COM-4) */
    int64_t explained_at; /**< 说明时间: when the difference was explained, 0 = not (UTC seconds) (R-COM-4) */
    int64_t explained_by; /**< 说明人: who explained it (R-COM-4) */
    const char *explanation; /**< 说明: what happened to the difference, at most 500 bytes; personal data (free_text), masked on output (R-COM-4) */
} fd_item_count;
/** The current version of ::fd_item_count. */
#define FD_ITEM_COUNT_VERSION 1
/** An empty ::fd_item_count to fill in. */
#define FD_ITEM_COUNT_INIT { FD_ITEM_COUNT_VERSION, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, NULL, 0, 0, NULL }
/** Fills @p rec with ::FD_ITEM_COUNT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_item_count_init(fd_item_count *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`item_count.<field>: ...`).
 */
FD_API fd_status fd_item_count_check(const fd_item_count *rec);
/** Frees a record from fd_store_item_count_get(). NULL is a no-op. */
FD_API void fd_item_count_free(fd_item_count *rec);

/* Bits of fd_item_count_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_ITEM_COUNT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_ITEM_COUNT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_ITEM_COUNT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_ITEM_COUNT_MATCH_AT_FROM (UINT64_C(1) << 3) /**< filter.at_from is set */
#define FD_ITEM_COUNT_MATCH_AT_TO (UINT64_C(1) << 4) /**< filter.at_to is set */
#define FD_ITEM_COUNT_MATCH_KIND (UINT64_C(1) << 5) /**< filter.kind is set */
#define FD_ITEM_COUNT_MATCH_MOMENT (UINT64_C(1) << 6) /**< filter.moment is set */
#define FD_ITEM_COUNT_MATCH_EXPECTED (UINT64_C(1) << 7) /**< filter.expected is set */
#define FD_ITEM_COUNT_MATCH_COUNTED (UINT64_C(1) << 8) /**< filter.counted is set */
#define FD_ITEM_COUNT_MATCH_COSIGNER (UINT64_C(1) << 9) /**< filter.cosigner is set */
#define FD_ITEM_COUNT_MATCH_STATE (UINT64_C(1) << 10) /**< filter.state is set */
#define FD_ITEM_COUNT_MATCH_EXPLAINED_AT_FROM (UINT64_C(1) << 11) /**< filter.explained_at_from is set */
#define FD_ITEM_COUNT_MATCH_EXPLAINED_AT_TO (UINT64_C(1) << 12) /**< filter.explained_at_to is set */
#define FD_ITEM_COUNT_MATCH_EXPLAINED_BY (UINT64_C(1) << 13) /**< filter.explained_by is set */
#endif
/** Which item_count records fd_store_item_count_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_item_count_filter {
    unsigned int version; /**< ::FD_ITEM_COUNT_FILTER_VERSION */
    uint64_t match; /**< `FD_ITEM_COUNT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (清点人) */
    int64_t at_from; /**< >= (清点时间) */
    int64_t at_to; /**< < (清点时间) */
    const char *kind; /**< equal to (类型) */
    const char *moment; /**< equal to (班次节点) */
    int64_t expected; /**< equal to (应有) */
    int64_t counted; /**< equal to (实点) */
    int64_t cosigner; /**< equal to (复核人) */
    const char *state; /**< equal to (状态) */
    int64_t explained_at_from; /**< >= (说明时间) */
    int64_t explained_at_to; /**< < (说明时间) */
    int64_t explained_by; /**< equal to (说明人) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_item_count_filter;
/** The current version of ::fd_item_count_filter. */
#define FD_ITEM_COUNT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_ITEM_COUNT_FILTER_INIT { FD_ITEM_COUNT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, NULL, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_ITEM_COUNT_FILTER_INIT for @p version. */
FD_API fd_status fd_item_count_filter_init(fd_item_count_filter *filter, unsigned int version);

/** 物品放行条: A permit for goods to leave the premises: the applicant, the unit, the items and their quantities, who approved it; checked at the gate. (R-VIS-7) Strings are owned by the iterator or the
 *  record they came from; fd_goods_permit_free() frees a record from fd_store_goods_permit_get(). */
typedef struct fd_goods_permit {
    unsigned int version; /**< ::FD_GOODS_PERMIT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-7) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who registered it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when (UTC seconds) (R-COM-1) */
    const char *applicant; /**< 申请人: who applies, at most 100 bytes; personal data (name), masked on output (R-VIS-7) */
    const char *phone; /**< 电话: their phone as typed, stored normalised (fd_phone_parse national form), at most 64 bytes; personal data (phone), masked on output (R-COM-2) */
    const char *id_type; /**< 证件类型: the type of the ID document shown; empty when none (set by the store), at most 16 bytes (R-COM-2) */
    const char *id_masked; /**< 证件号码: its number masked — the only form kept: never the number itself (set by the store), at most 40 bytes (R-COM-2) */
    int64_t unit_id; /**< 房屋: the unit the goods come from, 0 = not recorded (R-VIS-7) */
    int64_t organisation_id; /**< 企业: the organisation they belong to, 0 = none (R-VIS-7) */
    const char *items; /**< 物品清单: the items and quantities as typed, stored canonical (fd_goods_items_parse: 电脑×2；椅子×4), at most 1000 bytes (R-VIS-7) */
    const char *reason; /**< 事由: why they leave (搬家, 维修, 退租), at most 200 bytes; personal data (free_text), masked on output (R-VIS-7) */
    int64_t valid_until; /**< 有效期至: until when the permit may be used at the gate, 0 = no end (UTC seconds) (R-VIS-7) */
    const char *state; /**< 状态: requested, approved, released, mismatch or refused (set by the store), at most 16 bytes (R-VIS-7) */
    int64_t approved_by; /**< 批准人: who approved (or refused) it (R-VIS-7) */
    int64_t approved_at; /**< 批准时间: when, 0 = not yet (UTC seconds) (R-VIS-7) */
    int64_t checked_at; /**< 放行时间: the last check at the gate, 0 = not checked (UTC seconds) (R-VIS-7) */
    int64_t checked_by; /**< 检查人: the guard of the last check (R-VIS-7) */
    int64_t purged_at; /**< 清除时间: when the applicant's name, phone and ID were purged, 0 = not (UTC seconds) (R-COM-3) */
} fd_goods_permit;
/** The current version of ::fd_goods_permit. */
#define FD_GOODS_PERMIT_VERSION 1
/** An empty ::fd_goods_permit to fill in. */
#define FD_GOODS_PERMIT_INIT { FD_GOODS_PERMIT_VERSION, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, 0, NULL, 0, 0, 0, 0, 0 }
/** Fills @p rec with ::FD_GOODS_PERMIT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_goods_permit_init(fd_goods_permit *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`goods_permit.<field>: ...`).
 */
FD_API fd_status fd_goods_permit_check(const fd_goods_permit *rec);
/** Frees a record from fd_store_goods_permit_get(). NULL is a no-op. */
FD_API void fd_goods_permit_free(fd_goods_permit *rec);

/* Bits of fd_goods_permit_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_GOODS_PERMIT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_GOODS_PERMIT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_GOODS_PERMIT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_GOODS_PERMIT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_GOODS_PERMIT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_GOODS_PERMIT_MATCH_APPLICANT (UINT64_C(1) << 5) /**< filter.applicant is set */
#define FD_GOODS_PERMIT_MATCH_PHONE (UINT64_C(1) << 6) /**< filter.phone is set */
#define FD_GOODS_PERMIT_MATCH_ID_TYPE (UINT64_C(1) << 7) /**< filter.id_type is set */
#define FD_GOODS_PERMIT_MATCH_ID_MASKED (UINT64_C(1) << 8) /**< filter.id_masked is set */
#define FD_GOODS_PERMIT_MATCH_UNIT_ID (UINT64_C(1) << 9) /**< filter.unit_id is set */
#define FD_GOODS_PERMIT_MATCH_ORGANISATION_ID (UINT64_C(1) << 10) /**< filter.organisation_id is set */
#define FD_GOODS_PERMIT_MATCH_ITEMS (UINT64_C(1) << 11) /**< filter.items is set */
#define FD_GOODS_PERMIT_MATCH_VALID_UNTIL_FROM (UINT64_C(1) << 12) /**< filter.valid_until_from is set */
#define FD_GOODS_PERMIT_MATCH_VALID_UNTIL_TO (UINT64_C(1) << 13) /**< filter.valid_until_to is set */
#define FD_GOODS_PERMIT_MATCH_STATE (UINT64_C(1) << 14) /**< filter.state is set */
#define FD_GOODS_PERMIT_MATCH_APPROVED_BY (UINT64_C(1) << 15) /**< filter.approved_by is set */
#define FD_GOODS_PERMIT_MATCH_APPROVED_AT_FROM (UINT64_C(1) << 16) /**< filter.approved_at_from is set */
#define FD_GOODS_PERMIT_MATCH_APPROVED_AT_TO (UINT64_C(1) << 17) /**< filter.approved_at_to is set */
#define FD_GOODS_PERMIT_MATCH_CHECKED_AT_FROM (UINT64_C(1) << 18) /**< filter.checked_at_from is set */
#define FD_GOODS_PERMIT_MATCH_CHECKED_AT_TO (UINT64_C(1) << 19) /**< filter.checked_at_to is set */
#define FD_GOODS_PERMIT_MATCH_CHECKED_BY (UINT64_C(1) << 20) /**< filter.checked_by is set */
#define FD_GOODS_PERMIT_MATCH_PURGED_AT_FROM (UINT64_C(1) << 21) /**< filter.purged_at_from is set */
#define FD_GOODS_PERMIT_MATCH_PURGED_AT_TO (UINT64_C(1) << 22) /**< filter.purged_at_to is set */
#endif
/** Which goods_permit records fd_store_goods_permit_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_goods_permit_filter {
    unsigned int version; /**< ::FD_GOODS_PERMIT_FILTER_VERSION */
    uint64_t match; /**< `FD_GOODS_PERMIT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    const char *applicant; /**< equal to (申请人) */
    const char *phone; /**< equal to (电话) */
    const char *id_type; /**< equal to (证件类型) */
    const char *id_masked; /**< equal to (证件号码) */
    int64_t unit_id; /**< equal to (房屋) */
    int64_t organisation_id; /**< equal to (企业) */
    const char *items; /**< equal to (物品清单) */
    int64_t valid_until_from; /**< >= (有效期至) */
    int64_t valid_until_to; /**< < (有效期至) */
    const char *state; /**< equal to (状态) */
    int64_t approved_by; /**< equal to (批准人) */
    int64_t approved_at_from; /**< >= (批准时间) */
    int64_t approved_at_to; /**< < (批准时间) */
    int64_t checked_at_from; /**< >= (放行时间) */
    int64_t checked_at_to; /**< < (放行时间) */
    int64_t checked_by; /**< equal to (检查人) */
    int64_t purged_at_from; /**< >= (清除时间) */
    int64_t purged_at_to; /**< < (清除时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_goods_permit_filter;
/** The current version of ::fd_goods_permit_filter. */
#define FD_GOODS_PERMIT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_GOODS_PERMIT_FILTER_INIT { FD_GOODS_PERMIT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_GOODS_PERMIT_FILTER_INIT for @p version. */
FD_API fd_status fd_goods_permit_filter_init(fd_goods_permit_filter *filter, unsigned int version);

/** 放行检查: One check of a permit at the gate (append-only): the items the guard counted and whether they match; a mismatch is the event. (R-VIS-7) Strings are owned by the iterator or the
 *  record they came from; fd_goods_check_free() frees a record from fd_store_goods_check_get(). */
typedef struct fd_goods_check {
    unsigned int version; /**< ::FD_GOODS_CHECK_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 检查人: the guard (R-VIS-7) */
    int64_t at; /**< 时间: when (UTC seconds) (R-VIS-7) */
    int64_t permit_id; /**< 放行条: the permit (R-VIS-7) */
    const char *gate; /**< 门岗: which gate (东门), at most 50 bytes (R-VIS-7) */
    const char *items; /**< 实际物品: the items and quantities counted at the gate, canonical (set by the store), at most 1000 bytes (R-VIS-7) */
    int matched; /**< 相符: 1 when they equal the permit's (set by the store) (R-VIS-7) */
    const char *difference; /**< 差异: what differs, item by item: 椅子 4→5 (set by the store), at most 500 bytes (R-VIS-7) */
    const char *note; /**< 备注: a note, at most 500 bytes; personal data (free_text), masked on output (R-VIS-7) */
} fd_goods_check;
/** The current version of ::fd_goods_check. */
#define FD_GOODS_CHECK_VERSION 1
/** An empty ::fd_goods_check to fill in. */
#define FD_GOODS_CHECK_INIT { FD_GOODS_CHECK_VERSION, 0, 0, 0, 0, 0, NULL, NULL, 0, NULL, NULL }
/** Fills @p rec with ::FD_GOODS_CHECK_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_goods_check_init(fd_goods_check *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`goods_check.<field>: ...`).
 */
FD_API fd_status fd_goods_check_check(const fd_goods_check *rec);
/** Frees a record from fd_store_goods_check_get(). NULL is a no-op. */
FD_API void fd_goods_check_free(fd_goods_check *rec);

/* Bits of fd_goods_check_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_GOODS_CHECK_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_GOODS_CHECK_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_GOODS_CHECK_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_GOODS_CHECK_MATCH_AT_FROM (UINT64_C(1) << 3) /**< filter.at_from is set */
#define FD_GOODS_CHECK_MATCH_AT_TO (UINT64_C(1) << 4) /**< filter.at_to is set */
#define FD_GOODS_CHECK_MATCH_PERMIT_ID (UINT64_C(1) << 5) /**< filter.permit_id is set */
#define FD_GOODS_CHECK_MATCH_GATE (UINT64_C(1) << 6) /**< filter.gate is set */
#define FD_GOODS_CHECK_MATCH_ITEMS (UINT64_C(1) << 7) /**< filter.items is set */
#define FD_GOODS_CHECK_MATCH_MATCHED (UINT64_C(1) << 8) /**< filter.matched is set */
#define FD_GOODS_CHECK_MATCH_DIFFERENCE (UINT64_C(1) << 9) /**< filter.difference is set */
#endif
/** Which goods_check records fd_store_goods_check_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_goods_check_filter {
    unsigned int version; /**< ::FD_GOODS_CHECK_FILTER_VERSION */
    uint64_t match; /**< `FD_GOODS_CHECK_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (检查人) */
    int64_t at_from; /**< >= (时间) */
    int64_t at_to; /**< < (时间) */
    int64_t permit_id; /**< equal to (放行条) */
    const char *gate; /**< equal to (门岗) */
    const char *items; /**< equal to (实际物品) */
    int matched; /**< equal to (相符) */
    const char *difference; /**< equal to (差异) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_goods_check_filter;
/** The current version of ::fd_goods_check_filter. */
#define FD_GOODS_CHECK_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_GOODS_CHECK_FILTER_INIT { FD_GOODS_CHECK_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_GOODS_CHECK_FILTER_INIT for @p version. */
FD_API fd_status fd_goods_check_filter_init(fd_goods_check_filter *filter, unsigned int version);

/** 寄存物品: An item in the desk's custody: left behind, a parcel held for an occupant, something deposited, or what a declined visitor left; until collected, returned or handed on. (R-VIS-8) Strings are owned by the iterator or the
 *  record they came from; fd_custody_item_free() frees a record from fd_store_custody_item_get(). */
typedef struct fd_custody_item {
    unsigned int version; /**< ::FD_CUSTODY_ITEM_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-8) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who took it in (R-COM-1) */
    int64_t deposited_at; /**< 登记时间: when it came into custody (UTC seconds) (R-VIS-8) */
    const char *kind; /**< 类型: left_behind, parcel, deposit or visitor_documents, at most 24 bytes (R-VIS-8) */
    const char *description; /**< 物品描述: what it is (黑色双肩包, 顺丰快递 SF123), at most 500 bytes; personal data (free_text), masked on output (R-VIS-8) */
    const char *owner; /**< 物主: whose it is, or for whom, at most 100 bytes; personal data (name), masked on output (R-VIS-8) */
    const char *phone; /**< 电话: their phone as typed, stored normalised, at most 64 bytes; personal data (phone), masked on output (R-COM-2) */
    int64_t unit_id; /**< 房屋: the unit it is for, 0 = none (R-VIS-8) */
    int64_t occupant_id; /**< 住户: the occupant it is for, 0 = none (R-VIS-8) */
    int64_t visit_id; /**< 来访: the visit that left it (a declined visitor's card or documents), 0 = none (R-VIS-2) */
    const char *found_where; /**< 拾得地点: where it was found (left_behind), at most 100 bytes (R-VIS-8) */
    const char *state; /**< 状态: held, collected, returned or handed_on, at most 16 bytes (R-VIS-8) */
    int64_t notified_at; /**< 通知时间: when the owner was last told, 0 = not yet (UTC seconds) (R-VIS-8) */
    int64_t reminders; /**< 提醒次数: reminders after the first notice (R-VIS-8) */
    int64_t closed_at; /**< 了结时间: when it left custody, 0 = held (UTC seconds) (R-VIS-8) */
    int64_t closed_by; /**< 经办人: who gave it out (R-VIS-8) */
    const char *handed_to; /**< 交付对象: who took it: the owner who signed, the courier, the police station, at most 100 bytes; personal data (name), masked on output (R-VIS-8) */
    const char *check_method; /**< 核验方式: signature or id_check (collected), empty otherwise, at most 16 bytes (R-VIS-8) */
    int64_t purged_at; /**< 清除时间: when the owner's and taker's names and phone were purged, 0 = not (UTC seconds) (R-COM-3) */
} fd_custody_item;
/** The current version of ::fd_custody_item. */
#define FD_CUSTODY_ITEM_VERSION 1
/** An empty ::fd_custody_item to fill in. */
#define FD_CUSTODY_ITEM_INIT { FD_CUSTODY_ITEM_VERSION, 0, 0, 0, 0, NULL, NULL, NULL, NULL, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, NULL, NULL, 0 }
/** Fills @p rec with ::FD_CUSTODY_ITEM_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_custody_item_init(fd_custody_item *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`custody_item.<field>: ...`).
 */
FD_API fd_status fd_custody_item_check(const fd_custody_item *rec);
/** Frees a record from fd_store_custody_item_get(). NULL is a no-op. */
FD_API void fd_custody_item_free(fd_custody_item *rec);

/* Bits of fd_custody_item_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_CUSTODY_ITEM_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_CUSTODY_ITEM_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_CUSTODY_ITEM_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_CUSTODY_ITEM_MATCH_DEPOSITED_AT_FROM (UINT64_C(1) << 3) /**< filter.deposited_at_from is set */
#define FD_CUSTODY_ITEM_MATCH_DEPOSITED_AT_TO (UINT64_C(1) << 4) /**< filter.deposited_at_to is set */
#define FD_CUSTODY_ITEM_MATCH_KIND (UINT64_C(1) << 5) /**< filter.kind is set */
#define FD_CUSTODY_ITEM_MATCH_OWNER (UINT64_C(1) << 6) /**< filter.owner is set */
#define FD_CUSTODY_ITEM_MATCH_PHONE (UINT64_C(1) << 7) /**< filter.phone is set */
#define FD_CUSTODY_ITEM_MATCH_UNIT_ID (UINT64_C(1) << 8) /**< filter.unit_id is set */
#define FD_CUSTODY_ITEM_MATCH_OCCUPANT_ID (UINT64_C(1) << 9) /**< filter.occupant_id is set */
#define FD_CUSTODY_ITEM_MATCH_VISIT_ID (UINT64_C(1) << 10) /**< filter.visit_id is set */
#define FD_CUSTODY_ITEM_MATCH_FOUND_WHERE (UINT64_C(1) << 11) /**< filter.found_where is set */
#define FD_CUSTODY_ITEM_MATCH_STATE (UINT64_C(1) << 12) /**< filter.state is set */
#define FD_CUSTODY_ITEM_MATCH_NOTIFIED_AT_FROM (UINT64_C(1) << 13) /**< filter.notified_at_from is set */
#define FD_CUSTODY_ITEM_MATCH_NOTIFIED_AT_TO (UINT64_C(1) << 14) /**< filter.notified_at_to is set */
#define FD_CUSTODY_ITEM_MATCH_REMINDERS (UINT64_C(1) << 15) /**< filter.reminders is set */
#define FD_CUSTODY_ITEM_MATCH_CLOSED_AT_FROM (UINT64_C(1) << 16) /**< filter.closed_at_from is set */
#define FD_CUSTODY_ITEM_MATCH_CLOSED_AT_TO (UINT64_C(1) << 17) /**< filter.closed_at_to is set */
#define FD_CUSTODY_ITEM_MATCH_CLOSED_BY (UINT64_C(1) << 18) /**< filter.closed_by is set */
#define FD_CUSTODY_ITEM_MATCH_HANDED_TO (UINT64_C(1) << 19) /**< filter.handed_to is set */
#define FD_CUSTODY_ITEM_MATCH_CHECK_METHOD (UINT64_C(1) << 20) /**< filter.check_method is set */
#define FD_CUSTODY_ITEM_MATCH_PURGED_AT_FROM (UINT64_C(1) << 21) /**< filter.purged_at_from is set */
#define FD_CUSTODY_ITEM_MATCH_PURGED_AT_TO (UINT64_C(1) << 22) /**< filter.purged_at_to is set */
#endif
/** Which custody_item records fd_store_custody_item_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_custody_item_filter {
    unsigned int version; /**< ::FD_CUSTODY_ITEM_FILTER_VERSION */
    uint64_t match; /**< `FD_CUSTODY_ITEM_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t deposited_at_from; /**< >= (登记时间) */
    int64_t deposited_at_to; /**< < (登记时间) */
    const char *kind; /**< equal to (类型) */
    const char *owner; /**< equal to (物主) */
    const char *phone; /**< equal to (电话) */
    int64_t unit_id; /**< equal to (房屋) */
    int64_t occupant_id; /**< equal to (住户) */
    int64_t visit_id; /**< equal to (来访) */
    const char *found_where; /**< equal to (拾得地点) */
    const char *state; /**< equal to (状态) */
    int64_t notified_at_from; /**< >= (通知时间) */
    int64_t notified_at_to; /**< < (通知时间) */
    int64_t reminders; /**< equal to (提醒次数) */
    int64_t closed_at_from; /**< >= (了结时间) */
    int64_t closed_at_to; /**< < (了结时间) */
    int64_t closed_by; /**< equal to (经办人) */
    const char *handed_to; /**< equal to (交付对象) */
    const char *check_method; /**< equal to (核验方式) */
    int64_t purged_at_from; /**< >= (清除时间) */
    int64_t purged_at_to; /**< < (清除时间) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_custody_item_filter;
/** The current version of ::fd_custody_item_filter. */
#define FD_CUSTODY_ITEM_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_CUSTODY_ITEM_FILTER_INIT { FD_CUSTODY_ITEM_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_CUSTODY_ITEM_FILTER_INIT for @p version. */
FD_API fd_status fd_custody_item_filter_init(fd_custody_item_filter *filter, unsigned int version);

/** 寄存记录: One step of a custody item (append-only): deposited, notified, reminded, collected, returned, handed on. (R-VIS-8) Strings are owned by the iterator or the
 *  record they came from; fd_custody_event_free() frees a record from fd_store_custody_event_get(). */
typedef struct fd_custody_event {
    unsigned int version; /**< ::FD_CUSTODY_EVENT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-COM-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 经办人: who did it (R-COM-1) */
    int64_t at; /**< 时间: when (UTC seconds) (R-COM-1) */
    int64_t item_id; /**< 物品: the item (R-VIS-8) */
    const char *kind; /**< 类型: deposit, notify, remind, collect, return or hand_on, at most 16 bytes (R-VIS-8) */
    const char *how; /**< 方式: a notice: sms, phone, wechat, note; a collection: signature, id_check, at most 16 bytes (R-VIS-8) */
    const char *note; /**< 备注: a note, at most 500 bytes; personal data (free_text), masked on output (R-VIS-8) */
} fd_custody_event;
/** The current version of ::fd_custody_event. */
#define FD_CUSTODY_EVENT_VERSION 1
/** An empty ::fd_custody_event to fill in. */
#define FD_CUSTODY_EVENT_INIT { FD_CUSTODY_EVENT_VERSION, 0, 0, 0, 0, 0, NULL, NULL, NULL }
/** Fills @p rec with ::FD_CUSTODY_EVENT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_custody_event_init(fd_custody_event *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`custody_event.<field>: ...`).
 */
FD_API fd_status fd_custody_event_check(const fd_custody_event *rec);
/** Frees a record from fd_store_custody_event_get(). NULL is a no-op. */
FD_API void fd_custody_event_free(fd_custody_event *rec);

/* Bits of fd_custody_event_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_CUSTODY_EVENT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_CUSTODY_EVENT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_CUSTODY_EVENT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_CUSTODY_EVENT_MATCH_AT_FROM (UINT64_C(1) << 3) /**< filter.at_from is set */
#define FD_CUSTODY_EVENT_MATCH_AT_TO (UINT64_C(1) << 4) /**< filter.at_to is set */
#define FD_CUSTODY_EVENT_MATCH_ITEM_ID (UINT64_C(1) << 5) /**< filter.item_id is set */
#define FD_CUSTODY_EVENT_MATCH_KIND (UINT64_C(1) << 6) /**< filter.kind is set */
#define FD_CUSTODY_EVENT_MATCH_HOW (UINT64_C(1) << 7) /**< filter.how is set */
#endif
/** Which custody_event records fd_store_custody_event_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_custody_event_filter {
    unsigned int version; /**< ::FD_CUSTODY_EVENT_FILTER_VERSION */
    uint64_t match; /**< `FD_CUSTODY_EVENT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (经办人) */
    int64_t at_from; /**< >= (时间) */
    int64_t at_to; /**< < (时间) */
    int64_t item_id; /**< equal to (物品) */
    const char *kind; /**< equal to (类型) */
    const char *how; /**< equal to (方式) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_custody_event_filter;
/** The current version of ::fd_custody_event_filter. */
#define FD_CUSTODY_EVENT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_CUSTODY_EVENT_FILTER_INIT { FD_CUSTODY_EVENT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0 }
/** Fills @p filter with ::FD_CUSTODY_EVENT_FILTER_INIT for @p version. */
FD_API fd_status fd_custody_event_filter_init(fd_custody_event_filter *filter, unsigned int version);

/** 接待准备: One item of an important visit's preparation checklist, ticked off with who and when. (R-VIS-6) Strings are owned by the iterator or the
 *  record they came from; fd_visit_prep_free() frees a record from fd_store_visit_prep_get(). */
typedef struct fd_visit_prep {
    unsigned int version; /**< ::FD_VISIT_PREP_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-6) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 添加人: who added it (R-COM-1) */
    int64_t created_at; /**< 添加时间: when (UTC seconds) (R-COM-1) */
    int64_t visit_id; /**< 来访: the important visit (R-VIS-6) */
    const char *item; /**< 准备事项: what is to be done (会议室布置, 横幅, 停车位), at most 200 bytes (R-VIS-6) */
    int64_t due_at; /**< 完成期限: when it must be done, 0 = before the visit's planned start (UTC seconds) (R-VIS-6) */
    int64_t done_at; /**< 完成时间: when it was ticked off, 0 = open (UTC seconds) (R-VIS-6) */
    int64_t done_by; /**< 完成人: who ticked it off (R-VIS-6) */
    const char *note; /**< 备注: a note given when ticking it off, at most 500 bytes; personal data (free_text), masked on output (R-VIS-6) */
} fd_visit_prep;
/** The current version of ::fd_visit_prep. */
#define FD_VISIT_PREP_VERSION 1
/** An empty ::fd_visit_prep to fill in. */
#define FD_VISIT_PREP_INIT { FD_VISIT_PREP_VERSION, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL }
/** Fills @p rec with ::FD_VISIT_PREP_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_visit_prep_init(fd_visit_prep *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`visit_prep.<field>: ...`).
 */
FD_API fd_status fd_visit_prep_check(const fd_visit_prep *rec);
/** Frees a record from fd_store_visit_prep_get(). NULL is a no-op. */
FD_API void fd_visit_prep_free(fd_visit_prep *rec);

/* Bits of fd_visit_prep_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_VISIT_PREP_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_VISIT_PREP_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_VISIT_PREP_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_VISIT_PREP_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_VISIT_PREP_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_VISIT_PREP_MATCH_VISIT_ID (UINT64_C(1) << 5) /**< filter.visit_id is set */
#define FD_VISIT_PREP_MATCH_ITEM (UINT64_C(1) << 6) /**< filter.item is set */
#define FD_VISIT_PREP_MATCH_DUE_AT_FROM (UINT64_C(1) << 7) /**< filter.due_at_from is set */
#define FD_VISIT_PREP_MATCH_DUE_AT_TO (UINT64_C(1) << 8) /**< filter.due_at_to is set */
#define FD_VISIT_PREP_MATCH_DONE_AT_FROM (UINT64_C(1) << 9) /**< filter.done_at_from is set */
#define FD_VISIT_PREP_MATCH_DONE_AT_TO (UINT64_C(1) << 10) /**< filter.done_at_to is set */
#define FD_VISIT_PREP_MATCH_DONE_BY (UINT64_C(1) << 11) /**< filter.done_by is set */
#endif
/** Which visit_prep records fd_store_visit_prep_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_visit_prep_filter {
    unsigned int version; /**< ::FD_VISIT_PREP_FILTER_VERSION */
    uint64_t match; /**< `FD_VISIT_PREP_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (添加人) */
    int64_t created_at_from; /**< >= (添加时间) */
    int64_t created_at_to; /**< < (添加时间) */
    int64_t visit_id; /**< equal to (来访) */
    const char *item; /**< equal to (准备事项) */
    int64_t due_at_from; /**< >= (完成期限) */
    int64_t due_at_to; /**< < (完成期限) */
    int64_t done_at_from; /**< >= (完成时间) */
    int64_t done_at_to; /**< < (完成时间) */
    int64_t done_by; /**< equal to (完成人) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_visit_prep_filter;
/** The current version of ::fd_visit_prep_filter. */
#define FD_VISIT_PREP_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_VISIT_PREP_FILTER_INIT { FD_VISIT_PREP_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_VISIT_PREP_FILTER_INIT for @p version. */
FD_API fd_status fd_visit_prep_filter_init(fd_visit_prep_filter *filter, unsigned int version);

/* @generated records:visitors end */

/* --- codes ------------------------------------------------------------ */

/**
 * The Chinese label of @p code in the code list @p field (one of the names in
 * the file comment: "state", "answer", "id_type", "level", "basis",
 * "event_kind", "outcome", "item_kind", "item_state", "item_event", "moment",
 * "count_state", "permit_state", "custody_kind", "custody_state", "custody_event",
 * "custody_how").
 * @return the static label, or NULL when the list or the code is unknown.
 * Thread safety: safe.
 */
FD_API const char *fd_visit_code_label(const char *field, const char *code);

/**
 * The code of @p text in the list @p field: the code itself ("passport") or
 * its Chinese label, Simplified or Traditional ("护照", "護照"), surrounding
 * spaces, case and full-width forms ignored; "身份证" is id_card, "回乡证" and
 * "港澳居民来往内地通行证" hk_macau, "台湾居民来往大陆通行证" taiwan.
 * @return ::FD_OK; ::FD_EINVAL naming the field and the codes it takes; ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_visit_code_parse(fd_buf *out, const char *field, const char *text);

/* --- ID documents (R-COM-2) --------------------------------------------------- */

/**
 * An ID document as the visitor shows it: given beside a visit or a blocklist
 * entry, never stored as such (fd_store_visit_register() keeps the masked
 * form, a keyed hash and, only when the site's policy requires it, the
 * encrypted number).
 */
typedef struct fd_id_document {
    unsigned int version; /**< ::FD_ID_DOCUMENT_VERSION */
    const char *type;     /**< an `id_type` code: id_card, passport, hk_macau, taiwan, other */
    const char *number;   /**< the number as typed (spaces, full-width characters and a lower-case x allowed) */
    int consent;          /**< 1 when the visitor consented to the full number being kept (PIPL art. 29) */
} fd_id_document;
/** The current version of ::fd_id_document. */
#define FD_ID_DOCUMENT_VERSION 1
/** No document. */
#define FD_ID_DOCUMENT_INIT { FD_ID_DOCUMENT_VERSION, NULL, NULL, 0 }
/** Fills @p doc with ::FD_ID_DOCUMENT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_id_document_init(fd_id_document *doc, unsigned int version);

/** Longest canonical ID number of any type, in bytes. */
#define FD_ID_NUMBER_MAX 32

/** An ID number read by fd_id_number_parse(). Strings are NUL-terminated ASCII. */
typedef struct fd_id_number {
    unsigned int version;                /**< ::FD_ID_NUMBER_VERSION */
    char type[17];                       /**< the `id_type` code */
    char number[FD_ID_NUMBER_MAX + 1];   /**< canonical: upper case, no spaces or separators; an ID card's 15
                                              digits made 18 */
    char masked[FD_ID_NUMBER_MAX + 1];   /**< for display: an ID card keeps its first 6 and last 4 characters
                                              (110105********002X), other types the first and the last 3 */
} fd_id_number;
/** The current version of ::fd_id_number. */
#define FD_ID_NUMBER_VERSION 1

/**
 * Reads an ID document's number and checks it where its type allows:
 * - `id_card` (居民身份证): GB 11643 with fd_idcard_parse() — region, a birth
 *   date not after @p today, the check character; the 15-digit form becomes 18;
 * - `passport` (护照): 5 to 17 letters and digits with at least one digit
 *   (a Chinese passport is E or G and 8 characters: E12345678, EA1234567); a
 *   valid resident ID number is refused here ("an ID card number: choose
 *   id_card"), so that the two never mix;
 * - `hk_macau` (往来港澳通行证 C/W + 8, or 港澳居民来往内地通行证 H/M + 8 or 10 digits);
 * - `taiwan` (台湾居民来往大陆通行证: 8 digits, or the old 10);
 * - `other`: 1 to 32 letters, digits and '-', not checked further.
 * Spaces, '-' (except for other), full-width characters and lower case are
 * accepted and dropped or folded.
 * @param out receives the number; unchanged on error
 * @param today the as-of date for a birth date (fd_idcard_parse()); required
 * @return ::FD_OK; ::FD_EINVAL naming `type` (unknown) or `number` and what is
 *         wrong, never echoing the number (R-COM-2); ::FD_ERANGE (longer than
 *         64 bytes).
 * Thread safety: safe.
 */
FD_API fd_status fd_id_number_parse(fd_id_number *out, const char *type, const char *number, fd_date today);

/* --- vehicle plates ------------------------------------------------------------- */

/**
 * A vehicle plate as people type it, canonical: the province's character, the
 * issuing letter and 5 letters or digits (京A12345), or 6 for a new-energy
 * plate (京AD12345); a final 学, 警, 挂, 港, 澳 or 领 for the plates that carry
 * one (粤Z1234港). Spaces, '·', '-', full-width characters and lower case
 * are dropped or folded; Traditional province characters are read as
 * Simplified (粵 → 粤). I and O are not used on plates and are refused.
 * @return ::FD_OK; ::FD_EINVAL naming the field `plate` and what is wrong (no
 *         province, a wrong length, a character with no place); ::FD_ERANGE
 *         (longer than 32 bytes); ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_plate_parse(fd_buf *out, const char *text);

/* --- visits ------------------------------------------------------------------------ */

/** Largest party a visit records. */
#define FD_VISIT_PARTY_MAX 999

/**
 * Checks a visit to be registered, as the store does (R-VIS-1): fd_visit_check();
 * `party_size` 1 to ::FD_VISIT_PARTY_MAX; a host — a host record
 * (`host_occupant`, `host_employee`, `host_department`, `host_organisation`)
 * or the `host` text; an occupant is a host alone, never with an
 * organisation's employee or department; a `phone` fd_phone_parse() takes
 * and a `plate` fd_plate_parse() takes (never echoed); a pre-registration
 * (`preregistered` 1) with its `planned_from`; `planned_until` after
 * `planned_from`; an `important` visit pre-registered (R-VIS-6). The fields
 * the store sets are not looked at.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (`visit.party_size: ...`).
 * Thread safety: safe.
 */
FD_API fd_status fd_visit_validate(const fd_visit *visit);

/**
 * R-COM-4: whether a check-out of @p visit at @p left_at, recorded at
 * @p now, is possible: the visitor checked in (else ::FD_ESTATE naming
 * `visit.arrived_at`: a checkout before check-in), has not left yet
 * (::FD_ESTATE naming `visit.departed_at`), is not held by a blocklist match
 * (::FD_ESTATE naming `visit.state`: "decide first: admit or refuse" — a
 * visitor who left is refused with a note, R-VIS-1), and @p left_at is not
 * before the check-in nor after @p now (::FD_EINVAL naming `left_at`; `now`
 * when @p left_at is 0, which is @p now). Durations are said in words.
 * @return ::FD_OK or the refusal.
 * Thread safety: safe.
 */
FD_API fd_status fd_visit_checkout_check(const fd_visit *visit, int64_t left_at, int64_t now);

/** Why a visitor overstays. The numbers are part of the ABI. */
typedef enum fd_overstay_reason {
    FD_OVERSTAY_NONE = 0,    /**< not overstaying (not on site, or within the time) */
    FD_OVERSTAY_WINDOW = 1,  /**< past the planned window's end and the grace */
    FD_OVERSTAY_CLOSING = 2  /**< past the site's closing time (a hotel's 23:00 rule) */
} fd_overstay_reason;

/** "none", "window", "closing"; "" for other values. Never NULL. */
FD_API const char *fd_overstay_reason_name(int reason);

/** What fd_visit_overstay() found. */
typedef struct fd_overstay {
    unsigned int version; /**< ::FD_OVERSTAY_VERSION */
    int overstay;         /**< 1 when overstaying at the instant asked about */
    int reason;           /**< an ::fd_overstay_reason: the earlier of the two when both apply */
    int64_t since;        /**< when it began (window end + grace, or closing time); 0 when not overstaying */
} fd_overstay;
/** The current version of ::fd_overstay. */
#define FD_OVERSTAY_VERSION 1

/**
 * Whether a visitor on site (arrived, not left) overstays at @p now (R-COM-4):
 * past `planned_until` plus `visitor.overstay_grace_minutes`, or past the
 * site's closing time `visitor.closing_minute` (minutes after local midnight;
 * 0 = none) on the local day of their arrival in @p time_zone — a visitor who
 * arrives after closing overstays from the arrival. A visit not on site is
 * never overstaying.
 * @param time_zone IANA zone of the site; NULL or "" = Asia/Shanghai
 * @param policy the site's policy, NULL for the defaults
 * @return ::FD_OK; ::FD_EINVAL (NULL, unknown zone, an instant out of range).
 * Thread safety: safe.
 */
FD_API fd_status fd_visit_overstay(fd_overstay *out, const fd_visit *visit, int64_t now, const char *time_zone,
                                   const fd_policy *policy);

/**
 * R-VIS-3: whether registration slips are due to be handed to security at
 * @p now: some are waiting (@p pending > 0) and `visitor.slip_handover_days`
 * (7) have passed since @p since — the last handover, or the registration of
 * the first slip waiting when there was none. *@p out is 1 or 0.
 * @return ::FD_OK; ::FD_EINVAL (NULL, an instant out of range, a negative @p pending).
 * Thread safety: safe.
 */
FD_API fd_status fd_visit_slip_handover_due(int *out, int64_t pending, int64_t since, int64_t now,
                                            const fd_policy *policy);

/* --- blocklist ---------------------------------------------------------------------- */

/**
 * Checks a blocklist entry to be added: fd_blocklist_entry_check(); a known
 * `level`; something to match on — a `name`, a `phone` or the ID document
 * @p id (may be NULL); a phone fd_phone_parse() takes; @p id read by
 * fd_id_number_parse() on @p today; `valid_until` after `valid_from` when both
 * are set.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field.
 * Thread safety: safe.
 */
FD_API fd_status fd_blocklist_entry_validate(const fd_blocklist_entry *entry, const fd_id_document *id,
                                             fd_date today);

/**
 * Whether @p entry applies at @p at: not lifted by then, `valid_from` (0: its
 * adding) ≤ @p at < `valid_until` (0: no end). *@p out is 1 or 0.
 * @return ::FD_OK, ::FD_EINVAL.
 */
FD_API fd_status fd_blocklist_entry_active(int *out, const fd_blocklist_entry *entry, int64_t at);

/* --- visitor cards and counted items (R-VIS-4) ------------------------------------------ */

/**
 * Checks a counted item to be added: fd_counted_item_check() and a known
 * `kind` (visitor_card, key, umbrella, other). The `code` is checked as the
 * store keeps it, folded: NFKC and upper case (ｖ０１ is V01).
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (`counted_item.kind: ...`).
 * Thread safety: safe.
 */
FD_API fd_status fd_counted_item_validate(const fd_counted_item *item);

/* --- goods release (R-VIS-7) ----------------------------------------------------------- */

/** Longest list of goods a permit holds, in bytes (`goods_permit.items`). */
#define FD_GOODS_ITEMS_MAX 1000
/** Largest quantity of one item. */
#define FD_GOODS_QUANTITY_MAX 100000

/**
 * Reads a list of goods and their quantities as people write them on a
 * release form, canonical: "电脑2台，椅子×4、台灯 x1" is "电脑×2；椅子×4；台灯×1".
 * Items are separated by `,` `，` `;` `；` `、` or a line break; each is a name
 * and then its quantity — digits (full-width too) after `×`, `x`, `X`, `*`,
 * `:`, `：`, a space or nothing, and at most one measure word after them (台 个
 * 件 把 张 箱 袋 套 只 部 辆 块 桶 包 本 盒 条 扇 根 卷 双 瓶 组 盆 床 幅 口). The
 * name is kept NFKC-normalised, without surrounding spaces; the same name twice
 * is one item with the quantities added; the order is the first mention's.
 * @return ::FD_OK; ::FD_EINVAL naming `items` and the item by its position
 *         (no name, no quantity, a quantity of 0 or above
 *         ::FD_GOODS_QUANTITY_MAX, a control character, no item at all);
 *         ::FD_ERANGE (longer than ::FD_GOODS_ITEMS_MAX bytes, or more than 100
 *         items); ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_goods_items_parse(fd_buf *out, const char *text);

/**
 * R-VIS-7: the items counted at the gate against a permit's (both as
 * fd_goods_items_parse() reads them): *@p match is 1 when every item has the
 * same quantity on both; @p difference lists the items that differ, "椅子 4→5；
 * 台灯 0→1" (permit → counted), the permit's items first, in its order; "" when
 * they match.
 * @return ::FD_OK; ::FD_EINVAL (NULL, a list that does not parse, naming
 *         `permit_items` or `counted_items`); ::FD_ENOMEM.
 */
FD_API fd_status fd_goods_items_compare(int *match, fd_buf *difference, const char *permit_items,
                                        const char *counted_items);

/**
 * Checks a goods permit to be registered: fd_goods_permit_check(), `items`
 * that fd_goods_items_parse() reads, a `phone` fd_phone_parse() takes. The
 * fields the store sets are not looked at.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (`goods_permit.items: ...`).
 */
FD_API fd_status fd_goods_permit_validate(const fd_goods_permit *permit);

/* --- custody: items left, parcels, deposits (R-VIS-8) ---------------------------------- */

/**
 * Checks a custody item to be registered: fd_custody_item_check(), a known
 * `kind`, a `phone` fd_phone_parse() takes; `visitor_documents` needs the
 * `visit_id` of the visitor who left them (R-VIS-2).
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field.
 */
FD_API fd_status fd_custody_item_validate(const fd_custody_item *item);

/** What is due for a custody item (fd_custody_item_due()). */
typedef struct fd_custody_due {
    unsigned int version; /**< ::FD_CUSTODY_DUE_VERSION */
    int notify;           /**< 1: held, never notified, and there is someone to tell (an owner, a phone, an
                               occupant or a unit) */
    int remind;           /**< 1: notified `custody.remind_days` ago or more and still held */
    int64_t remind_at;    /**< when the next reminder is due, 0 when none */
    int unclaimed;        /**< 1: held `custody.unclaimed_days` since it was deposited: hand it on (a hotel
                               gives left property to the police after 3 months) */
    int64_t unclaimed_at; /**< when it becomes unclaimed, 0 when no longer held */
} fd_custody_due;
/** The current version of ::fd_custody_due. */
#define FD_CUSTODY_DUE_VERSION 1

/**
 * R-VIS-8: what is due at @p now for @p item: a first notice, a reminder,
 * or handing on as unclaimed (see ::fd_custody_due). An item no longer held is
 * due nothing.
 * @param policy the site's policy, NULL for the defaults
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE (an instant out of range).
 * Thread safety: safe.
 */
FD_API fd_status fd_custody_item_due(fd_custody_due *out, const fd_custody_item *item, int64_t now,
                                     const fd_policy *policy);

/* --- important visits (R-VIS-6) -------------------------------------------------------- */

/**
 * Checks an item to be added to @p visit's preparation checklist (R-VIS-6):
 * fd_visit_prep_check(); the visit marked `important` (::FD_ESTATE naming
 * `visit.important`), not arrived (::FD_ESTATE naming `visit.arrived_at`) and
 * not closed — cancelled, declined, refused, left (::FD_ESTATE naming
 * `visit.state`); a `due_at`, when given, at or before the visit's
 * `planned_from` (::FD_EINVAL naming `visit_prep.due_at`): the preparation is
 * done before arrival.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE / ::FD_ESTATE naming the field.
 * Thread safety: safe.
 */
FD_API fd_status fd_visit_prep_validate(const fd_visit_prep *prep, const fd_visit *visit);

/** Where a preparation item stands (fd_visit_prep_due()). */
typedef struct fd_prep_due {
    unsigned int version; /**< ::FD_PREP_DUE_VERSION */
    int64_t due_at;       /**< when it is due: its own `due_at`, else the visit's planned start; 0 when neither */
    int open;             /**< 1: not ticked off */
    int overdue;          /**< 1: open at or past its due */
    int late;             /**< 1: ticked off after its due */
} fd_prep_due;
/** The current version of ::fd_prep_due. */
#define FD_PREP_DUE_VERSION 1

/**
 * R-VIS-6: where preparation item @p prep stands at @p now for a visit
 * planned to start at @p planned_from (0: not known).
 * @return ::FD_OK; ::FD_EINVAL (NULL); ::FD_ERANGE (an instant out of range).
 * Thread safety: safe.
 */
FD_API fd_status fd_visit_prep_due(fd_prep_due *out, const fd_visit_prep *prep, int64_t planned_from, int64_t now);

#ifdef __cplusplus
}
#endif

#endif
