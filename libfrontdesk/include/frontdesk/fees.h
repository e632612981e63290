/**
 * @file frontdesk/fees.h
 * @brief Fees (issue 14): fee items and versioned rates, bills per unit and
 *        period in exact fen, proration, custody, late fees, allocation of
 *        payments, receipts, arrears with age buckets, dunning in stages and
 *        the limitation clock, payment and dunning notices (R-FEE-1 … R-FEE-9,
 *        R-COM-3).
 *
 * Everything here is pure: records as values and the rules over them (what a
 * line costs, which days a period holds, what a late fee comes to, how a
 * payment is allocated, which dunning step is next and when, when a debt's
 * limitation ends, how a notice reads), usable without the library's store —
 * a Java suite with its own database calls them. The store's side (billing,
 * the look-up, payments with their receipts in one transaction, voids,
 * refunds, prepared receipts, day close, arrears, dunning) is in
 * frontdesk/store.h.
 *
 * Money is `int64_t` fen, never floating point. Prices are `int64_t`
 * 1/10000 yuan (`price_e4`: 12345 is ¥1.2345, a per-m² price with four
 * decimals); quantities `int64_t` hundredths (`qty_e2`: 8888 is 88.88 m²).
 * A line's exact amount is qty_e2 × price_e4 / 10^4 fen (× days / month_days
 * when prorated, × custody_pct / 100 under custody), computed in 128 bits and
 * rounded once to fen in the line's named rounding; what the rounding dropped
 * is kept on the line (`residue_e4`, 1/10000 fen). A product beyond int64 is
 * ::FD_ERANGE naming the field. Dates are ::fd_date (the site's local day);
 * periods are half-open `[start, end)`.
 *
 * Codes. The records hold lower-case English codes; fd_fee_code_label() gives
 * the Chinese label and fd_fee_code_parse() takes either:
 * - `kind` (an item's, R-FEE-8): area 按面积, fixed 固定金额, metered 按用量,
 *   service 有偿服务, agency 代收代办, waste 装修垃圾清运;
 * - `period`: month 月, quarter 季, year 年, once 一次性;
 * - `line` (a bill line's kind): charge 收费, discount 优惠, late_fee 滞纳金;
 * - `rounding`: half_up 四舍五入, half_even 银行家舍入, down 去尾, up 进一,
 *   floor 向下取整, ceiling 向上取整;
 * - `bill_state`: open 未缴, partial 部分缴纳, paid 已缴清;
 * - `method` (R-FEE-3): cash 现金, card 刷卡, transfer 银行转账, wechat 微信,
 *   alipay 支付宝, balance 预存抵扣;
 * - `series_kind`: book 纸质票据本, electronic 电子票据;
 * - `receipt_state`: issued 已开, prepared 已预开, returned 已交回, voided 已作废;
 * - `refund_state`: requested 待审批, approved 已批准, refused 已拒绝, paid 已退款;
 * - `step` (dunning, R-FEE-6): reminder 电话短信提醒, letter 正式催缴函,
 *   visit 上门催缴, legal 法律途径;
 * - `channel` (dunning): phone 电话, sms 短信, express 特快专递, visit 上门,
 *   lawyer 律师函, court 诉讼;
 * - `bucket` (arrears age, days past due): d0_30, d31_90, d91_180, d181_365,
 *   over_365;
 * - `notice`: payment 缴款通知书, dunning 催款通知书.
 * Cutting off water, electricity, heating or gas is not a dunning step and is
 * refused as one (Civil Code art. 944).
 */
#ifndef FRONTDESK_FEES_H
#define FRONTDESK_FEES_H

#include "common.h"
#include "policy.h"
#include "calendar.h"
#include "money.h"

#ifdef __cplusplus
extern "C" {
#endif

/* @generated records:fees begin (scripts/gen/records.py from libfrontdesk/records/fees.rec; do not edit) */

/** 收费项目: A fee the site charges: management fee per m², a fixed monthly amount, a metered item, a paid service, an agency collection, decoration waste removal. (R-FEE-8) Strings are owned by the iterator or the
 *  record they came from; fd_fee_item_free() frees a record from fd_store_fee_item_get(). */
typedef struct fd_fee_item {
    unsigned int version; /**< ::FD_FEE_ITEM_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-8) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who added it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was added (UTC seconds) (R-COM-1) */
    const char *code; /**< 代码: short code, unique per site: mgmt, water, parking, at most 32 bytes (R-FEE-8) */
    const char *name; /**< 名称: the name printed on bills and receipts: 物业管理费, at most 100 bytes (R-FEE-8) */
    const char *kind; /**< 类型: area (per m² of the unit's floor area per month), fixed (per unit per month), metered (consumption × price), service (有偿服务, once at an agreed price), agency (代收代办费, collected on behalf), waste (装修垃圾清运费, once), at most 16 bytes (R-FEE-8) */
    int custody; /**< 托管折扣: 1: a unit under custody pays fee.custody_rate_pct of it (the management fee) (R-FEE-7) */
    const char *rounding; /**< 舍入: how each line rounds to fen: half_up, half_even, down, up, floor, ceiling; empty = the policy fee.rounding, at most 16 bytes (R-FEE-8) */
    int retired; /**< 停用: 1: no longer billed (kept: old bills name it) (set by the store) (R-COM-3) */
} fd_fee_item;
/** The current version of ::fd_fee_item. */
#define FD_FEE_ITEM_VERSION 1
/** An empty ::fd_fee_item to fill in. */
#define FD_FEE_ITEM_INIT { FD_FEE_ITEM_VERSION, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0 }
/** Fills @p rec with ::FD_FEE_ITEM_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_fee_item_init(fd_fee_item *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`fee_item.<field>: ...`).
 */
FD_API fd_status fd_fee_item_check(const fd_fee_item *rec);
/** Frees a record from fd_store_fee_item_get(). NULL is a no-op. */
FD_API void fd_fee_item_free(fd_fee_item *rec);

/* Bits of fd_fee_item_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_FEE_ITEM_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_FEE_ITEM_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_FEE_ITEM_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_FEE_ITEM_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_FEE_ITEM_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_FEE_ITEM_MATCH_CODE (UINT64_C(1) << 5) /**< filter.code is set */
#define FD_FEE_ITEM_MATCH_NAME (UINT64_C(1) << 6) /**< filter.name is set */
#define FD_FEE_ITEM_MATCH_KIND (UINT64_C(1) << 7) /**< filter.kind is set */
#define FD_FEE_ITEM_MATCH_CUSTODY (UINT64_C(1) << 8) /**< filter.custody is set */
#define FD_FEE_ITEM_MATCH_ROUNDING (UINT64_C(1) << 9) /**< filter.rounding is set */
#define FD_FEE_ITEM_MATCH_RETIRED (UINT64_C(1) << 10) /**< filter.retired is set */
#endif
/** Which fee_item records fd_store_fee_item_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_fee_item_filter {
    unsigned int version; /**< ::FD_FEE_ITEM_FILTER_VERSION */
    uint64_t match; /**< `FD_FEE_ITEM_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    const char *code; /**< equal to (代码) */
    const char *name; /**< equal to (名称) */
    const char *kind; /**< equal to (类型) */
    int custody; /**< equal to (托管折扣) */
    const char *rounding; /**< equal to (舍入) */
    int retired; /**< equal to (停用) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_fee_item_filter;
/** The current version of ::fd_fee_item_filter. */
#define FD_FEE_ITEM_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_FEE_ITEM_FILTER_INIT { FD_FEE_ITEM_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, 0, 0, 0 }
/** Fills @p filter with ::FD_FEE_ITEM_FILTER_INIT for @p version. */
FD_API fd_status fd_fee_item_filter_init(fd_fee_item_filter *filter, unsigned int version);

/** 收费标准: A price of a fee item from a date on: the rate in force on a day is the one with the latest effective_from not after it. (R-FEE-8) Strings are owned by the iterator or the
 *  record they came from; fd_fee_rate_free() frees a record from fd_store_fee_rate_get(). */
typedef struct fd_fee_rate {
    unsigned int version; /**< ::FD_FEE_RATE_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-8) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who set it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was set (UTC seconds) (R-COM-1) */
    int64_t item_id; /**< 收费项目: the item (R-FEE-8) */
    fd_date effective_from; /**< 生效日期: the first day it applies (the site's local date); one rate per item and day (R-FEE-8) */
    int64_t price_e4; /**< 单价: the price in 1/10000 yuan per unit (12345 is 1.2345 yuan): per m² per month (area), per month (fixed), per metered unit (metered), per service (service, agency, waste) (R-FEE-8) */
    const char *source; /**< 依据: the published price standard it follows (市物价局公布收费标准: the document's number), at most 200 bytes (R-FEE-8) */
} fd_fee_rate;
/** The current version of ::fd_fee_rate. */
#define FD_FEE_RATE_VERSION 1
/** An empty ::fd_fee_rate to fill in. */
#define FD_FEE_RATE_INIT { FD_FEE_RATE_VERSION, 0, 0, 0, 0, 0, { 0, 0, 0 }, 0, NULL }
/** Fills @p rec with ::FD_FEE_RATE_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_fee_rate_init(fd_fee_rate *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`fee_rate.<field>: ...`).
 */
FD_API fd_status fd_fee_rate_check(const fd_fee_rate *rec);
/** Frees a record from fd_store_fee_rate_get(). NULL is a no-op. */
FD_API void fd_fee_rate_free(fd_fee_rate *rec);

/* Bits of fd_fee_rate_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_FEE_RATE_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_FEE_RATE_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_FEE_RATE_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_FEE_RATE_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_FEE_RATE_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_FEE_RATE_MATCH_ITEM_ID (UINT64_C(1) << 5) /**< filter.item_id is set */
#define FD_FEE_RATE_MATCH_EFFECTIVE_FROM_FROM (UINT64_C(1) << 6) /**< filter.effective_from_from is set */
#define FD_FEE_RATE_MATCH_EFFECTIVE_FROM_TO (UINT64_C(1) << 7) /**< filter.effective_from_to is set */
#define FD_FEE_RATE_MATCH_PRICE_E4 (UINT64_C(1) << 8) /**< filter.price_e4 is set */
#define FD_FEE_RATE_MATCH_SOURCE (UINT64_C(1) << 9) /**< filter.source is set */
#endif
/** Which fee_rate records fd_store_fee_rate_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_fee_rate_filter {
    unsigned int version; /**< ::FD_FEE_RATE_FILTER_VERSION */
    uint64_t match; /**< `FD_FEE_RATE_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t item_id; /**< equal to (收费项目) */
    fd_date effective_from_from; /**< >= (生效日期) */
    fd_date effective_from_to; /**< < (生效日期) */
    int64_t price_e4; /**< equal to (单价) */
    const char *source; /**< equal to (依据) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_fee_rate_filter;
/** The current version of ::fd_fee_rate_filter. */
#define FD_FEE_RATE_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_FEE_RATE_FILTER_INIT { FD_FEE_RATE_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, { 0, 0, 0 }, { 0, 0, 0 }, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_FEE_RATE_FILTER_INIT for @p version. */
FD_API fd_status fd_fee_rate_filter_init(fd_fee_rate_filter *filter, unsigned int version);

/** 托管: A unit under custody (托管) from a date: its custody items are billed at fee.custody_rate_pct. (R-FEE-7) Strings are owned by the iterator or the
 *  record they came from; fd_unit_custody_free() frees a record from fd_store_unit_custody_get(). */
typedef struct fd_unit_custody {
    unsigned int version; /**< ::FD_UNIT_CUSTODY_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-7) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who recorded it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was recorded (UTC seconds) (R-COM-1) */
    int64_t unit_id; /**< 房屋: the unit (R-FEE-7) */
    fd_date from_date; /**< 起始日期: the first day under custody (R-FEE-7) */
    fd_date to_date; /**< 结束日期: the first day no longer under custody, after from_date; unset while it is (R-FEE-7) */
} fd_unit_custody;
/** The current version of ::fd_unit_custody. */
#define FD_UNIT_CUSTODY_VERSION 1
/** An empty ::fd_unit_custody to fill in. */
#define FD_UNIT_CUSTODY_INIT { FD_UNIT_CUSTODY_VERSION, 0, 0, 0, 0, 0, { 0, 0, 0 }, { 0, 0, 0 } }
/** Fills @p rec with ::FD_UNIT_CUSTODY_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_unit_custody_init(fd_unit_custody *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`unit_custody.<field>: ...`).
 */
FD_API fd_status fd_unit_custody_check(const fd_unit_custody *rec);
/** Frees a record from fd_store_unit_custody_get(). NULL is a no-op. */
FD_API void fd_unit_custody_free(fd_unit_custody *rec);

/* Bits of fd_unit_custody_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_UNIT_CUSTODY_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_UNIT_CUSTODY_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_UNIT_CUSTODY_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_UNIT_CUSTODY_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_UNIT_CUSTODY_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_UNIT_CUSTODY_MATCH_UNIT_ID (UINT64_C(1) << 5) /**< filter.unit_id is set */
#define FD_UNIT_CUSTODY_MATCH_FROM_DATE_FROM (UINT64_C(1) << 6) /**< filter.from_date_from is set */
#define FD_UNIT_CUSTODY_MATCH_FROM_DATE_TO (UINT64_C(1) << 7) /**< filter.from_date_to is set */
#define FD_UNIT_CUSTODY_MATCH_TO_DATE_FROM (UINT64_C(1) << 8) /**< filter.to_date_from is set */
#define FD_UNIT_CUSTODY_MATCH_TO_DATE_TO (UINT64_C(1) << 9) /**< filter.to_date_to is set */
#endif
/** Which unit_custody records fd_store_unit_custody_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_unit_custody_filter {
    unsigned int version; /**< ::FD_UNIT_CUSTODY_FILTER_VERSION */
    uint64_t match; /**< `FD_UNIT_CUSTODY_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t unit_id; /**< equal to (房屋) */
    fd_date from_date_from; /**< >= (起始日期) */
    fd_date from_date_to; /**< < (起始日期) */
    fd_date to_date_from; /**< >= (结束日期) */
    fd_date to_date_to; /**< < (结束日期) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_unit_custody_filter;
/** The current version of ::fd_unit_custody_filter. */
#define FD_UNIT_CUSTODY_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_UNIT_CUSTODY_FILTER_INIT { FD_UNIT_CUSTODY_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0 }
/** Fills @p filter with ::FD_UNIT_CUSTODY_FILTER_INIT for @p version. */
FD_API fd_status fd_unit_custody_filter_init(fd_unit_custody_filter *filter, unsigned int version);

/** 抄表: A meter's reading for a metered item of a unit: consumption is the difference of two readings. (R-FEE-8) Strings are owned by the iterator or the
 *  record they came from; fd_meter_reading_free() frees a record from fd_store_meter_reading_get(). */
typedef struct fd_meter_reading {
    unsigned int version; /**< ::FD_METER_READING_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-8) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 抄表人: who read it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was recorded (UTC seconds) (R-COM-1) */
    int64_t unit_id; /**< 房屋: the unit (R-FEE-8) */
    int64_t item_id; /**< 收费项目: the metered item (R-FEE-8) */
    fd_date read_on; /**< 抄表日期: the day it was read; one reading per unit, item and day (R-FEE-8) */
    int64_t reading_e2; /**< 读数: the meter's reading in hundredths of its unit; not below the previous reading (R-FEE-8) */
} fd_meter_reading;
/** The current version of ::fd_meter_reading. */
#define FD_METER_READING_VERSION 1
/** An empty ::fd_meter_reading to fill in. */
#define FD_METER_READING_INIT { FD_METER_READING_VERSION, 0, 0, 0, 0, 0, 0, { 0, 0, 0 }, 0 }
/** Fills @p rec with ::FD_METER_READING_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_meter_reading_init(fd_meter_reading *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`meter_reading.<field>: ...`).
 */
FD_API fd_status fd_meter_reading_check(const fd_meter_reading *rec);
/** Frees a record from fd_store_meter_reading_get(). NULL is a no-op. */
FD_API void fd_meter_reading_free(fd_meter_reading *rec);

/* Bits of fd_meter_reading_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_METER_READING_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_METER_READING_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_METER_READING_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_METER_READING_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_METER_READING_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_METER_READING_MATCH_UNIT_ID (UINT64_C(1) << 5) /**< filter.unit_id is set */
#define FD_METER_READING_MATCH_ITEM_ID (UINT64_C(1) << 6) /**< filter.item_id is set */
#define FD_METER_READING_MATCH_READ_ON_FROM (UINT64_C(1) << 7) /**< filter.read_on_from is set */
#define FD_METER_READING_MATCH_READ_ON_TO (UINT64_C(1) << 8) /**< filter.read_on_to is set */
#define FD_METER_READING_MATCH_READING_E2 (UINT64_C(1) << 9) /**< filter.reading_e2 is set */
#endif
/** Which meter_reading records fd_store_meter_reading_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_meter_reading_filter {
    unsigned int version; /**< ::FD_METER_READING_FILTER_VERSION */
    uint64_t match; /**< `FD_METER_READING_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (抄表人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t unit_id; /**< equal to (房屋) */
    int64_t item_id; /**< equal to (收费项目) */
    fd_date read_on_from; /**< >= (抄表日期) */
    fd_date read_on_to; /**< < (抄表日期) */
    int64_t reading_e2; /**< equal to (读数) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_meter_reading_filter;
/** The current version of ::fd_meter_reading_filter. */
#define FD_METER_READING_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_METER_READING_FILTER_INIT { FD_METER_READING_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0, 0 }
/** Fills @p filter with ::FD_METER_READING_FILTER_INIT for @p version. */
FD_API fd_status fd_meter_reading_filter_init(fd_meter_reading_filter *filter, unsigned int version);

/** 房屋账户: A unit's account: its prepayment balance and a revision that every change to its bills and payments raises. (R-FEE-1) Strings are owned by the iterator or the
 *  record they came from; fd_unit_account_free() frees a record from fd_store_unit_account_get(). */
typedef struct fd_unit_account {
    unsigned int version; /**< ::FD_UNIT_ACCOUNT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-1) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who opened it (the first bill or payment) (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was opened (UTC seconds) (R-COM-1) */
    int64_t unit_id; /**< 房屋: the unit, one account per unit (R-FEE-1) */
    int64_t balance; /**< 预存余额: the prepayment balance, >= 0 (set by the store) (fen) (R-FEE-1) */
    int64_t rev; /**< 版本: raised by every bill, payment, void, refund and adjustment of the unit; a payment names the revision its look-up showed (set by the store) (R-FEE-1) */
} fd_unit_account;
/** The current version of ::fd_unit_account. */
#define FD_UNIT_ACCOUNT_VERSION 1
/** An empty ::fd_unit_account to fill in. */
#define FD_UNIT_ACCOUNT_INIT { FD_UNIT_ACCOUNT_VERSION, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p rec with ::FD_UNIT_ACCOUNT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_unit_account_init(fd_unit_account *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`unit_account.<field>: ...`).
 */
FD_API fd_status fd_unit_account_check(const fd_unit_account *rec);
/** Frees a record from fd_store_unit_account_get(). NULL is a no-op. */
FD_API void fd_unit_account_free(fd_unit_account *rec);

/* Bits of fd_unit_account_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_UNIT_ACCOUNT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_UNIT_ACCOUNT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_UNIT_ACCOUNT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_UNIT_ACCOUNT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_UNIT_ACCOUNT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_UNIT_ACCOUNT_MATCH_UNIT_ID (UINT64_C(1) << 5) /**< filter.unit_id is set */
#define FD_UNIT_ACCOUNT_MATCH_BALANCE_FROM (UINT64_C(1) << 6) /**< filter.balance_from is set */
#define FD_UNIT_ACCOUNT_MATCH_BALANCE_TO (UINT64_C(1) << 7) /**< filter.balance_to is set */
#define FD_UNIT_ACCOUNT_MATCH_REV (UINT64_C(1) << 8) /**< filter.rev is set */
#endif
/** Which unit_account records fd_store_unit_account_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_unit_account_filter {
    unsigned int version; /**< ::FD_UNIT_ACCOUNT_FILTER_VERSION */
    uint64_t match; /**< `FD_UNIT_ACCOUNT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t unit_id; /**< equal to (房屋) */
    int64_t balance_from; /**< >= (预存余额) */
    int64_t balance_to; /**< < (预存余额) */
    int64_t rev; /**< equal to (版本) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_unit_account_filter;
/** The current version of ::fd_unit_account_filter. */
#define FD_UNIT_ACCOUNT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_UNIT_ACCOUNT_FILTER_INIT { FD_UNIT_ACCOUNT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_UNIT_ACCOUNT_FILTER_INIT for @p version. */
FD_API fd_status fd_unit_account_filter_init(fd_unit_account_filter *filter, unsigned int version);

/** 账单: What a unit owes for a period [period_start, period_end): the sum of its lines. (R-FEE-2) Strings are owned by the iterator or the
 *  record they came from; fd_bill_free() frees a record from fd_store_bill_get(). */
typedef struct fd_bill {
    unsigned int version; /**< ::FD_BILL_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-2) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 开单人: who billed it, 0 = the system (R-COM-1) */
    int64_t created_at; /**< 开单时间: when it was billed (UTC seconds) (R-COM-1) */
    int64_t unit_id; /**< 房屋: the unit (R-FEE-2) */
    const char *period; /**< 周期: month, quarter, year, or once (a one-off charge), at most 8 bytes (R-FEE-2) */
    fd_date period_start; /**< 起始日期: the first day of the period (R-FEE-2) */
    fd_date period_end; /**< 截止日期: the first day after it (half-open [start, end)); after period_start (R-FEE-2) */
    fd_date due_on; /**< 应缴日期: the last day to pay without arrears; late fees and age count from the day after (R-FEE-2) */
    int64_t amount; /**< 应收金额: the sum of its lines (set by the store) (fen) (R-FEE-2) */
    int64_t paid; /**< 已收金额: what payments allocate to it, net of voids and refunds (set by the store) (fen) (R-FEE-4) */
    int64_t adjusted; /**< 调整金额: the sum of its adjustments, signed (set by the store); outstanding = amount + adjusted - paid (fen) (R-FEE-9) */
    const char *state; /**< 状态: open, partial, paid (set by the store), at most 16 bytes (R-FEE-2) */
    fd_date last_demand_on; /**< 最近催缴: the day of the last dunning step that demanded it, unset = none (set by the store; Civil Code art. 195) (R-FEE-6) */
    fd_date limitation_on; /**< 时效届满: the last day of its three-year limitation period, from due_on or the last demand (set by the store; Civil Code art. 188, 195, 203) (R-FEE-6) */
} fd_bill;
/** The current version of ::fd_bill. */
#define FD_BILL_VERSION 1
/** An empty ::fd_bill to fill in. */
#define FD_BILL_INIT { FD_BILL_VERSION, 0, 0, 0, 0, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 } }
/** Fills @p rec with ::FD_BILL_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_bill_init(fd_bill *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`bill.<field>: ...`).
 */
FD_API fd_status fd_bill_check(const fd_bill *rec);
/** Frees a record from fd_store_bill_get(). NULL is a no-op. */
FD_API void fd_bill_free(fd_bill *rec);

/* Bits of fd_bill_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_BILL_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_BILL_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_BILL_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_BILL_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_BILL_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_BILL_MATCH_UNIT_ID (UINT64_C(1) << 5) /**< filter.unit_id is set */
#define FD_BILL_MATCH_PERIOD (UINT64_C(1) << 6) /**< filter.period is set */
#define FD_BILL_MATCH_PERIOD_START_FROM (UINT64_C(1) << 7) /**< filter.period_start_from is set */
#define FD_BILL_MATCH_PERIOD_START_TO (UINT64_C(1) << 8) /**< filter.period_start_to is set */
#define FD_BILL_MATCH_PERIOD_END_FROM (UINT64_C(1) << 9) /**< filter.period_end_from is set */
#define FD_BILL_MATCH_PERIOD_END_TO (UINT64_C(1) << 10) /**< filter.period_end_to is set */
#define FD_BILL_MATCH_DUE_ON_FROM (UINT64_C(1) << 11) /**< filter.due_on_from is set */
#define FD_BILL_MATCH_DUE_ON_TO (UINT64_C(1) << 12) /**< filter.due_on_to is set */
#define FD_BILL_MATCH_AMOUNT_FROM (UINT64_C(1) << 13) /**< filter.amount_from is set */
#define FD_BILL_MATCH_AMOUNT_TO (UINT64_C(1) << 14) /**< filter.amount_to is set */
#define FD_BILL_MATCH_PAID_FROM (UINT64_C(1) << 15) /**< filter.paid_from is set */
#define FD_BILL_MATCH_PAID_TO (UINT64_C(1) << 16) /**< filter.paid_to is set */
#define FD_BILL_MATCH_ADJUSTED_FROM (UINT64_C(1) << 17) /**< filter.adjusted_from is set */
#define FD_BILL_MATCH_ADJUSTED_TO (UINT64_C(1) << 18) /**< filter.adjusted_to is set */
#define FD_BILL_MATCH_STATE (UINT64_C(1) << 19) /**< filter.state is set */
#define FD_BILL_MATCH_LAST_DEMAND_ON_FROM (UINT64_C(1) << 20) /**< filter.last_demand_on_from is set */
#define FD_BILL_MATCH_LAST_DEMAND_ON_TO (UINT64_C(1) << 21) /**< filter.last_demand_on_to is set */
#define FD_BILL_MATCH_LIMITATION_ON_FROM (UINT64_C(1) << 22) /**< filter.limitation_on_from is set */
#define FD_BILL_MATCH_LIMITATION_ON_TO (UINT64_C(1) << 23) /**< filter.limitation_on_to is set */
#endif
/** Which bill records fd_store_bill_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_bill_filter {
    unsigned int version; /**< ::FD_BILL_FILTER_VERSION */
    uint64_t match; /**< `FD_BILL_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (开单人) */
    int64_t created_at_from; /**< >= (开单时间) */
    int64_t created_at_to; /**< < (开单时间) */
    int64_t unit_id; /**< equal to (房屋) */
    const char *period; /**< equal to (周期) */
    fd_date period_start_from; /**< >= (起始日期) */
    fd_date period_start_to; /**< < (起始日期) */
    fd_date period_end_from; /**< >= (截止日期) */
    fd_date period_end_to; /**< < (截止日期) */
    fd_date due_on_from; /**< >= (应缴日期) */
    fd_date due_on_to; /**< < (应缴日期) */
    int64_t amount_from; /**< >= (应收金额) */
    int64_t amount_to; /**< < (应收金额) */
    int64_t paid_from; /**< >= (已收金额) */
    int64_t paid_to; /**< < (已收金额) */
    int64_t adjusted_from; /**< >= (调整金额) */
    int64_t adjusted_to; /**< < (调整金额) */
    const char *state; /**< equal to (状态) */
    fd_date last_demand_on_from; /**< >= (最近催缴) */
    fd_date last_demand_on_to; /**< < (最近催缴) */
    fd_date limitation_on_from; /**< >= (时效届满) */
    fd_date limitation_on_to; /**< < (时效届满) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_bill_filter;
/** The current version of ::fd_bill_filter. */
#define FD_BILL_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_BILL_FILTER_INIT { FD_BILL_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0, 0, 0, 0, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0 }
/** Fills @p filter with ::FD_BILL_FILTER_INIT for @p version. */
FD_API fd_status fd_bill_filter_init(fd_bill_filter *filter, unsigned int version);

/** 账单明细: One charge of a bill: an item for a month (or once), with its quantity, price, proration, custody share and rounding shown. (R-FEE-8) Strings are owned by the iterator or the
 *  record they came from; fd_bill_line_free() frees a record from fd_store_bill_line_get(). */
typedef struct fd_bill_line {
    unsigned int version; /**< ::FD_BILL_LINE_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-8) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 开单人: who billed it (R-COM-1) */
    int64_t created_at; /**< 开单时间: when it was billed (UTC seconds) (R-COM-1) */
    int64_t bill_id; /**< 账单: the bill (R-FEE-2) */
    int64_t unit_id; /**< 房屋: the bill's unit (set by the store) (R-FEE-2) */
    int64_t item_id; /**< 收费项目: the item (R-FEE-8) */
    int64_t rate_id; /**< 收费标准: the rate applied, 0 = an agreed price (service) or a late fee (R-FEE-8) */
    const char *kind; /**< 类型: charge, discount (negative amount) or late_fee, at most 16 bytes (R-FEE-8) */
    fd_date month_start; /**< 计费月份: the first day of the month a recurring charge is for; unset for one-off charges, discounts and late fees; one charge per unit, item and month (R-FEE-2) */
    int64_t qty_e2; /**< 数量: the quantity in hundredths: m² of floor area (area), 100 (fixed, once), consumption (metered) (R-FEE-8) */
    int64_t price_e4; /**< 单价: the price in 1/10000 yuan per unit (R-FEE-8) */
    int64_t days; /**< 计费天数: prorated: the days of the month charged, 0 = the whole month (R-FEE-2) */
    int64_t month_days; /**< 当月天数: prorated: the days of that month, 0 = not prorated (R-FEE-2) */
    int64_t custody_pct; /**< 托管比例: the share charged under custody in percent, 0 = no custody (the whole fee) (R-FEE-7) */
    int64_t custody_days; /**< 托管天数: of the days charged, those under custody (charged at custody_pct, the rest in full); 0 = all of them when custody_pct is set (R-FEE-7) */
    const char *rounding; /**< 舍入: the rounding applied to the exact amount: half_up, half_even, down, up, floor, ceiling, at most 16 bytes (R-FEE-8) */
    int64_t amount; /**< 金额: the rounded amount in fen (negative for a discount) (fen) (R-FEE-8) */
    int64_t residue_e4; /**< 舍入差: what the rounding dropped: (exact - amount) in 1/10000 fen (not fen: the type is the signed int64), rounded half-even to that (fen) (R-FEE-8) */
    int64_t paid; /**< 已收: what payments allocate to it, net of voids and refunds (set by the store) (fen) (R-FEE-9) */
    const char *policy; /**< 计费依据: what chose the proration, custody, rounding or late fee: fee.proration=days; fee.custody_rate_pct=70; fee.late_fee.per_day_e4=5 from 2026-11-16, 14 days, at most 200 bytes (R-FEE-2) */
} fd_bill_line;
/** The current version of ::fd_bill_line. */
#define FD_BILL_LINE_VERSION 1
/** An empty ::fd_bill_line to fill in. */
#define FD_BILL_LINE_INIT { FD_BILL_LINE_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, NULL, { 0, 0, 0 }, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL }
/** Fills @p rec with ::FD_BILL_LINE_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_bill_line_init(fd_bill_line *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`bill_line.<field>: ...`).
 */
FD_API fd_status fd_bill_line_check(const fd_bill_line *rec);
/** Frees a record from fd_store_bill_line_get(). NULL is a no-op. */
FD_API void fd_bill_line_free(fd_bill_line *rec);

/* Bits of fd_bill_line_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_BILL_LINE_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_BILL_LINE_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_BILL_LINE_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_BILL_LINE_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_BILL_LINE_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_BILL_LINE_MATCH_BILL_ID (UINT64_C(1) << 5) /**< filter.bill_id is set */
#define FD_BILL_LINE_MATCH_UNIT_ID (UINT64_C(1) << 6) /**< filter.unit_id is set */
#define FD_BILL_LINE_MATCH_ITEM_ID (UINT64_C(1) << 7) /**< filter.item_id is set */
#define FD_BILL_LINE_MATCH_RATE_ID (UINT64_C(1) << 8) /**< filter.rate_id is set */
#define FD_BILL_LINE_MATCH_KIND (UINT64_C(1) << 9) /**< filter.kind is set */
#define FD_BILL_LINE_MATCH_MONTH_START_FROM (UINT64_C(1) << 10) /**< filter.month_start_from is set */
#define FD_BILL_LINE_MATCH_MONTH_START_TO (UINT64_C(1) << 11) /**< filter.month_start_to is set */
#define FD_BILL_LINE_MATCH_QTY_E2 (UINT64_C(1) << 12) /**< filter.qty_e2 is set */
#define FD_BILL_LINE_MATCH_PRICE_E4 (UINT64_C(1) << 13) /**< filter.price_e4 is set */
#define FD_BILL_LINE_MATCH_DAYS (UINT64_C(1) << 14) /**< filter.days is set */
#define FD_BILL_LINE_MATCH_MONTH_DAYS (UINT64_C(1) << 15) /**< filter.month_days is set */
#define FD_BILL_LINE_MATCH_CUSTODY_PCT (UINT64_C(1) << 16) /**< filter.custody_pct is set */
#define FD_BILL_LINE_MATCH_CUSTODY_DAYS (UINT64_C(1) << 17) /**< filter.custody_days is set */
#define FD_BILL_LINE_MATCH_ROUNDING (UINT64_C(1) << 18) /**< filter.rounding is set */
#define FD_BILL_LINE_MATCH_AMOUNT_FROM (UINT64_C(1) << 19) /**< filter.amount_from is set */
#define FD_BILL_LINE_MATCH_AMOUNT_TO (UINT64_C(1) << 20) /**< filter.amount_to is set */
#define FD_BILL_LINE_MATCH_RESIDUE_E4_FROM (UINT64_C(1) << 21) /**< filter.residue_e4_from is set */
#define FD_BILL_LINE_MATCH_RESIDUE_E4_TO (UINT64_C(1) << 22) /**< filter.residue_e4_to is set */
#define FD_BILL_LINE_MATCH_PAID_FROM (UINT64_C(1) << 23) /**< filter.paid_from is set */
#define FD_BILL_LINE_MATCH_PAID_TO (UINT64_C(1) << 24) /**< filter.paid_to is set */
#define FD_BILL_LINE_MATCH_POLICY (UINT64_C(1) << 25) /**< filter.policy is set */
#endif
/** Which bill_line records fd_store_bill_line_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_bill_line_filter {
    unsigned int version; /**< ::FD_BILL_LINE_FILTER_VERSION */
    uint64_t match; /**< `FD_BILL_LINE_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (开单人) */
    int64_t created_at_from; /**< >= (开单时间) */
    int64_t created_at_to; /**< < (开单时间) */
    int64_t bill_id; /**< equal to (账单) */
    int64_t unit_id; /**< equal to (房屋) */
    int64_t item_id; /**< equal to (收费项目) */
    int64_t rate_id; /**< equal to (收费标准) */
    const char *kind; /**< equal to (类型) */
    fd_date month_start_from; /**< >= (计费月份) */
    fd_date month_start_to; /**< < (计费月份) */
    int64_t qty_e2; /**< equal to (数量) */
    int64_t price_e4; /**< equal to (单价) */
    int64_t days; /**< equal to (计费天数) */
    int64_t month_days; /**< equal to (当月天数) */
    int64_t custody_pct; /**< equal to (托管比例) */
    int64_t custody_days; /**< equal to (托管天数) */
    const char *rounding; /**< equal to (舍入) */
    int64_t amount_from; /**< >= (金额) */
    int64_t amount_to; /**< < (金额) */
    int64_t residue_e4_from; /**< >= (舍入差) */
    int64_t residue_e4_to; /**< < (舍入差) */
    int64_t paid_from; /**< >= (已收) */
    int64_t paid_to; /**< < (已收) */
    const char *policy; /**< equal to (计费依据) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_bill_line_filter;
/** The current version of ::fd_bill_line_filter. */
#define FD_BILL_LINE_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_BILL_LINE_FILTER_INIT { FD_BILL_LINE_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_BILL_LINE_FILTER_INIT for @p version. */
FD_API fd_status fd_bill_line_filter_init(fd_bill_line_filter *filter, unsigned int version);

/** 收款: A payment at the desk or the door: cash with what was tendered and the change, card, transfer, WeChat or Alipay with the reference, or from the prepayment balance. (R-FEE-3) Strings are owned by the iterator or the
 *  record they came from; fd_payment_free() frees a record from fd_store_payment_get(). */
typedef struct fd_payment {
    unsigned int version; /**< ::FD_PAYMENT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-3) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 收款人: who collected it (R-COM-1) */
    int64_t created_at; /**< 收款时间: when (UTC seconds) (R-COM-1) */
    int64_t unit_id; /**< 房屋: the unit it is for (R-FEE-1) */
    const char *payer; /**< 交款人: who paid, as confirmed at the look-up, at most 100 bytes; personal data (name), masked on output (R-FEE-1) */
    const char *method; /**< 方式: cash, card, transfer, wechat, alipay, balance (from the prepayment balance), at most 16 bytes (R-FEE-3) */
    int64_t amount; /**< 金额: the amount paid, > 0 fen (fen) (R-FEE-3) */
    int64_t tendered; /**< 实收现金: cash: what the customer handed over, >= amount; 0 otherwise (fen) (R-FEE-3) */
    int64_t change; /**< 找零: tendered - amount (set by the store) (fen) (R-FEE-3) */
    const char *reference; /**< 交易参考号: the card slip, transfer, WeChat or Alipay transaction reference (required for those), at most 64 bytes (R-FEE-3) */
    int64_t expect_rev; /**< 确认版本: the unit account's revision the look-up showed and the customer confirmed; a different one now is FD_ECONFLICT (R-FEE-1) */
    int64_t to_balance; /**< 转预存: what was not allocated to bills and went to the prepayment balance (set by the store) (fen) (R-FEE-1) */
    fd_date paid_on; /**< 收款日期: the site's local day it belongs to (set by the store) (R-FEE-9) */
    int64_t receipt_id; /**< 收据: its receipt (set by the store) (R-FEE-4) */
    const char *state; /**< 状态: valid or voided (set by the store), at most 16 bytes (R-FEE-4) */
} fd_payment;
/** The current version of ::fd_payment. */
#define FD_PAYMENT_VERSION 1
/** An empty ::fd_payment to fill in. */
#define FD_PAYMENT_INIT { FD_PAYMENT_VERSION, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, NULL, 0, 0, { 0, 0, 0 }, 0, NULL }
/** Fills @p rec with ::FD_PAYMENT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_payment_init(fd_payment *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`payment.<field>: ...`).
 */
FD_API fd_status fd_payment_check(const fd_payment *rec);
/** Frees a record from fd_store_payment_get(). NULL is a no-op. */
FD_API void fd_payment_free(fd_payment *rec);

/* Bits of fd_payment_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_PAYMENT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_PAYMENT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_PAYMENT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_PAYMENT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_PAYMENT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_PAYMENT_MATCH_UNIT_ID (UINT64_C(1) << 5) /**< filter.unit_id is set */
#define FD_PAYMENT_MATCH_PAYER (UINT64_C(1) << 6) /**< filter.payer is set */
#define FD_PAYMENT_MATCH_METHOD (UINT64_C(1) << 7) /**< filter.method is set */
#define FD_PAYMENT_MATCH_AMOUNT_FROM (UINT64_C(1) << 8) /**< filter.amount_from is set */
#define FD_PAYMENT_MATCH_AMOUNT_TO (UINT64_C(1) << 9) /**< filter.amount_to is set */
#define FD_PAYMENT_MATCH_TENDERED_FROM (UINT64_C(1) << 10) /**< filter.tendered_from is set */
#define FD_PAYMENT_MATCH_TENDERED_TO (UINT64_C(1) << 11) /**< filter.tendered_to is set */
#define FD_PAYMENT_MATCH_CHANGE_FROM (UINT64_C(1) << 12) /**< filter.change_from is set */
#define FD_PAYMENT_MATCH_CHANGE_TO (UINT64_C(1) << 13) /**< filter.change_to is set */
#define FD_PAYMENT_MATCH_REFERENCE (UINT64_C(1) << 14) /**< filter.reference is set */
#define FD_PAYMENT_MATCH_EXPECT_REV (UINT64_C(1) << 15) /**< filter.expect_rev is set */
#define FD_PAYMENT_MATCH_TO_BALANCE_FROM (UINT64_C(1) << 16) /**< filter.to_balance_from is set */
#define FD_PAYMENT_MATCH_TO_BALANCE_TO (UINT64_C(1) << 17) /**< filter.to_balance_to is set */
#define FD_PAYMENT_MATCH_PAID_ON_FROM (UINT64_C(1) << 18) /**< filter.paid_on_from is set */
#define FD_PAYMENT_MATCH_PAID_ON_TO (UINT64_C(1) << 19) /**< filter.paid_on_to is set */
#define FD_PAYMENT_MATCH_RECEIPT_ID (UINT64_C(1) << 20) /**< filter.receipt_id is set */
#define FD_PAYMENT_MATCH_STATE (UINT64_C(1) << 21) /**< filter.state is set */
#endif
/** Which payment records fd_store_payment_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_payment_filter {
    unsigned int version; /**< ::FD_PAYMENT_FILTER_VERSION */
    uint64_t match; /**< `FD_PAYMENT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (收款人) */
    int64_t created_at_from; /**< >= (收款时间) */
    int64_t created_at_to; /**< < (收款时间) */
    int64_t unit_id; /**< equal to (房屋) */
    const char *payer; /**< equal to (交款人) */
    const char *method; /**< equal to (方式) */
    int64_t amount_from; /**< >= (金额) */
    int64_t amount_to; /**< < (金额) */
    int64_t tendered_from; /**< >= (实收现金) */
    int64_t tendered_to; /**< < (实收现金) */
    int64_t change_from; /**< >= (找零) */
    int64_t change_to; /**< < (找零) */
    const char *reference; /**< equal to (交易参考号) */
    int64_t expect_rev; /**< equal to (确认版本) */
    int64_t to_balance_from; /**< >= (转预存) */
    int64_t to_balance_to; /**< < (转预存) */
    fd_date paid_on_from; /**< >= (收款日期) */
    fd_date paid_on_to; /**< < (收款日期) */
    int64_t receipt_id; /**< equal to (收据) */
    const char *state; /**< equal to (状态) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_payment_filter;
/** The current version of ::fd_payment_filter. */
#define FD_PAYMENT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_PAYMENT_FILTER_INIT { FD_PAYMENT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, { 0, 0, 0 }, { 0, 0, 0 }, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_PAYMENT_FILTER_INIT for @p version. */
FD_API fd_status fd_payment_filter_init(fd_payment_filter *filter, unsigned int version);

/** 收款分配: What a payment paid of a bill line; a void or refund writes the negative of what it undoes. (R-FEE-1) Strings are owned by the iterator or the
 *  record they came from; fd_allocation_free() frees a record from fd_store_allocation_get(). */
typedef struct fd_allocation {
    unsigned int version; /**< ::FD_ALLOCATION_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-1) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 经办人: who (R-COM-1) */
    int64_t created_at; /**< 时间: when (UTC seconds) (R-COM-1) */
    int64_t payment_id; /**< 收款: the payment (R-FEE-1) */
    int64_t bill_id; /**< 账单: the bill (R-FEE-1) */
    int64_t bill_line_id; /**< 账单明细: the line (R-FEE-1) */
    int64_t amount; /**< 金额: fen allocated, negative for a reversal (fen) (R-FEE-1) */
    int64_t void_id; /**< 作废: the void it reverses for, 0 = none (R-FEE-4) */
    int64_t refund_id; /**< 退款: the refund it reverses for, 0 = none (R-FEE-4) */
} fd_allocation;
/** The current version of ::fd_allocation. */
#define FD_ALLOCATION_VERSION 1
/** An empty ::fd_allocation to fill in. */
#define FD_ALLOCATION_INIT { FD_ALLOCATION_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p rec with ::FD_ALLOCATION_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_allocation_init(fd_allocation *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`allocation.<field>: ...`).
 */
FD_API fd_status fd_allocation_check(const fd_allocation *rec);
/** Frees a record from fd_store_allocation_get(). NULL is a no-op. */
FD_API void fd_allocation_free(fd_allocation *rec);

/* Bits of fd_allocation_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_ALLOCATION_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_ALLOCATION_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_ALLOCATION_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_ALLOCATION_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_ALLOCATION_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_ALLOCATION_MATCH_PAYMENT_ID (UINT64_C(1) << 5) /**< filter.payment_id is set */
#define FD_ALLOCATION_MATCH_BILL_ID (UINT64_C(1) << 6) /**< filter.bill_id is set */
#define FD_ALLOCATION_MATCH_BILL_LINE_ID (UINT64_C(1) << 7) /**< filter.bill_line_id is set */
#define FD_ALLOCATION_MATCH_AMOUNT_FROM (UINT64_C(1) << 8) /**< filter.amount_from is set */
#define FD_ALLOCATION_MATCH_AMOUNT_TO (UINT64_C(1) << 9) /**< filter.amount_to is set */
#define FD_ALLOCATION_MATCH_VOID_ID (UINT64_C(1) << 10) /**< filter.void_id is set */
#define FD_ALLOCATION_MATCH_REFUND_ID (UINT64_C(1) << 11) /**< filter.refund_id is set */
#endif
/** Which allocation records fd_store_allocation_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_allocation_filter {
    unsigned int version; /**< ::FD_ALLOCATION_FILTER_VERSION */
    uint64_t match; /**< `FD_ALLOCATION_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (经办人) */
    int64_t created_at_from; /**< >= (时间) */
    int64_t created_at_to; /**< < (时间) */
    int64_t payment_id; /**< equal to (收款) */
    int64_t bill_id; /**< equal to (账单) */
    int64_t bill_line_id; /**< equal to (账单明细) */
    int64_t amount_from; /**< >= (金额) */
    int64_t amount_to; /**< < (金额) */
    int64_t void_id; /**< equal to (作废) */
    int64_t refund_id; /**< equal to (退款) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_allocation_filter;
/** The current version of ::fd_allocation_filter. */
#define FD_ALLOCATION_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_ALLOCATION_FILTER_INIT { FD_ALLOCATION_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_ALLOCATION_FILTER_INIT for @p version. */
FD_API fd_status fd_allocation_filter_init(fd_allocation_filter *filter, unsigned int version);

/** 票据本: A receipt series: a printed book with its number range, or an electronic series; numbers are issued without gaps in the payment's own transaction. (R-FEE-4) Strings are owned by the iterator or the
 *  record they came from; fd_receipt_series_free() frees a record from fd_store_receipt_series_get(). */
typedef struct fd_receipt_series {
    unsigned int version; /**< ::FD_RECEIPT_SERIES_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-4) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who opened it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when (UTC seconds) (R-COM-1) */
    const char *code; /**< 代码: the series code, unique per site: the book's printed code, or E2026, at most 32 bytes (R-FEE-4) */
    const char *kind; /**< 类型: book (printed, a number range) or electronic, at most 16 bytes (R-FEE-4) */
    int64_t first_no; /**< 起始号: the first number, > 0 (R-FEE-4) */
    int64_t last_no; /**< 终止号: a book's last number (>= first_no); 0 = unbounded (electronic) (R-FEE-4) */
    int64_t next_no; /**< 下一号: the next number to issue (set by the store) (R-FEE-4) */
    int closed; /**< 已用完: 1: used up or retired; no number is issued from it (set by the store) (R-FEE-4) */
} fd_receipt_series;
/** The current version of ::fd_receipt_series. */
#define FD_RECEIPT_SERIES_VERSION 1
/** An empty ::fd_receipt_series to fill in. */
#define FD_RECEIPT_SERIES_INIT { FD_RECEIPT_SERIES_VERSION, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0 }
/** Fills @p rec with ::FD_RECEIPT_SERIES_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_receipt_series_init(fd_receipt_series *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`receipt_series.<field>: ...`).
 */
FD_API fd_status fd_receipt_series_check(const fd_receipt_series *rec);
/** Frees a record from fd_store_receipt_series_get(). NULL is a no-op. */
FD_API void fd_receipt_series_free(fd_receipt_series *rec);

/* Bits of fd_receipt_series_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_RECEIPT_SERIES_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_RECEIPT_SERIES_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_RECEIPT_SERIES_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_RECEIPT_SERIES_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_RECEIPT_SERIES_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_RECEIPT_SERIES_MATCH_CODE (UINT64_C(1) << 5) /**< filter.code is set */
#define FD_RECEIPT_SERIES_MATCH_KIND (UINT64_C(1) << 6) /**< filter.kind is set */
#define FD_RECEIPT_SERIES_MATCH_FIRST_NO (UINT64_C(1) << 7) /**< filter.first_no is set */
#define FD_RECEIPT_SERIES_MATCH_LAST_NO (UINT64_C(1) << 8) /**< filter.last_no is set */
#define FD_RECEIPT_SERIES_MATCH_NEXT_NO (UINT64_C(1) << 9) /**< filter.next_no is set */
#define FD_RECEIPT_SERIES_MATCH_CLOSED (UINT64_C(1) << 10) /**< filter.closed is set */
#endif
/** Which receipt_series records fd_store_receipt_series_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_receipt_series_filter {
    unsigned int version; /**< ::FD_RECEIPT_SERIES_FILTER_VERSION */
    uint64_t match; /**< `FD_RECEIPT_SERIES_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    const char *code; /**< equal to (代码) */
    const char *kind; /**< equal to (类型) */
    int64_t first_no; /**< equal to (起始号) */
    int64_t last_no; /**< equal to (终止号) */
    int64_t next_no; /**< equal to (下一号) */
    int closed; /**< equal to (已用完) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_receipt_series_filter;
/** The current version of ::fd_receipt_series_filter. */
#define FD_RECEIPT_SERIES_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_RECEIPT_SERIES_FILTER_INIT { FD_RECEIPT_SERIES_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_RECEIPT_SERIES_FILTER_INIT for @p version. */
FD_API fd_status fd_receipt_series_filter_init(fd_receipt_series_filter *filter, unsigned int version);

/** 收据: A receipt: its series and number (never reused), the amount in figures and capital numerals; issued with its payment, or prepared for collection at the door. (R-FEE-4) Strings are owned by the iterator or the
 *  record they came from; fd_fee_receipt_free() frees a record from fd_store_receipt_get(). */
typedef struct fd_fee_receipt {
    unsigned int version; /**< ::FD_FEE_RECEIPT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-4) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 开票人: who issued or prepared it (R-COM-1) */
    int64_t created_at; /**< 开票时间: when (UTC seconds) (R-COM-1) */
    int64_t series_id; /**< 票据本: the series (R-FEE-4) */
    int64_t number; /**< 票号: its number in the series (set by the store) (R-FEE-4) */
    int64_t unit_id; /**< 房屋: the unit (R-FEE-4) */
    int64_t payment_id; /**< 收款: the payment, 0 while a prepared receipt is not yet collected (set by the store) (R-FEE-4) */
    int64_t bill_id; /**< 账单: a prepared receipt's bill, 0 = none (R-FEE-5) */
    int64_t amount; /**< 金额: the amount in fen, > 0: exactly the payment's (fen) (R-FEE-4) */
    const char *amount_upper; /**< 大写金额: the amount in capital numerals, fd_money_upper() (set by the store), at most 64 bytes (R-FEE-4) */
    const char *payer; /**< 交款人: who paid, at most 100 bytes; personal data (name), masked on output (R-FEE-4) */
    const char *state; /**< 状态: issued, prepared (out with a collector), returned (back at the desk unused), voided (set by the store), at most 16 bytes (R-FEE-4) */
    int64_t collector_id; /**< 收费员: a prepared receipt's collector, 0 = none (R-FEE-5) */
    const char *signature; /**< 签收: the collector's signature at the handover, as signed, at most 100 bytes; personal data (name), masked on output (R-FEE-5) */
    fd_date issued_on; /**< 开票日期: the site's local day it was issued or prepared (set by the store) (R-FEE-9) */
} fd_fee_receipt;
/** The current version of ::fd_fee_receipt. */
#define FD_FEE_RECEIPT_VERSION 1
/** An empty ::fd_fee_receipt to fill in. */
#define FD_FEE_RECEIPT_INIT { FD_FEE_RECEIPT_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, { 0, 0, 0 } }
/** Fills @p rec with ::FD_FEE_RECEIPT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_fee_receipt_init(fd_fee_receipt *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`receipt.<field>: ...`).
 */
FD_API fd_status fd_fee_receipt_check(const fd_fee_receipt *rec);
/** Frees a record from fd_store_receipt_get(). NULL is a no-op. */
FD_API void fd_fee_receipt_free(fd_fee_receipt *rec);

/* Bits of fd_receipt_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_RECEIPT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_RECEIPT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_RECEIPT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_RECEIPT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_RECEIPT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_RECEIPT_MATCH_SERIES_ID (UINT64_C(1) << 5) /**< filter.series_id is set */
#define FD_RECEIPT_MATCH_NUMBER (UINT64_C(1) << 6) /**< filter.number is set */
#define FD_RECEIPT_MATCH_UNIT_ID (UINT64_C(1) << 7) /**< filter.unit_id is set */
#define FD_RECEIPT_MATCH_PAYMENT_ID (UINT64_C(1) << 8) /**< filter.payment_id is set */
#define FD_RECEIPT_MATCH_BILL_ID (UINT64_C(1) << 9) /**< filter.bill_id is set */
#define FD_RECEIPT_MATCH_AMOUNT_FROM (UINT64_C(1) << 10) /**< filter.amount_from is set */
#define FD_RECEIPT_MATCH_AMOUNT_TO (UINT64_C(1) << 11) /**< filter.amount_to is set */
#define FD_RECEIPT_MATCH_AMOUNT_UPPER (UINT64_C(1) << 12) /**< filter.amount_upper is set */
#define FD_RECEIPT_MATCH_PAYER (UINT64_C(1) << 13) /**< filter.payer is set */
#define FD_RECEIPT_MATCH_STATE (UINT64_C(1) << 14) /**< filter.state is set */
#define FD_RECEIPT_MATCH_COLLECTOR_ID (UINT64_C(1) << 15) /**< filter.collector_id is set */
#define FD_RECEIPT_MATCH_SIGNATURE (UINT64_C(1) << 16) /**< filter.signature is set */
#define FD_RECEIPT_MATCH_ISSUED_ON_FROM (UINT64_C(1) << 17) /**< filter.issued_on_from is set */
#define FD_RECEIPT_MATCH_ISSUED_ON_TO (UINT64_C(1) << 18) /**< filter.issued_on_to is set */
#endif
/** Which receipt records fd_store_receipt_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_receipt_filter {
    unsigned int version; /**< ::FD_RECEIPT_FILTER_VERSION */
    uint64_t match; /**< `FD_RECEIPT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (开票人) */
    int64_t created_at_from; /**< >= (开票时间) */
    int64_t created_at_to; /**< < (开票时间) */
    int64_t series_id; /**< equal to (票据本) */
    int64_t number; /**< equal to (票号) */
    int64_t unit_id; /**< equal to (房屋) */
    int64_t payment_id; /**< equal to (收款) */
    int64_t bill_id; /**< equal to (账单) */
    int64_t amount_from; /**< >= (金额) */
    int64_t amount_to; /**< < (金额) */
    const char *amount_upper; /**< equal to (大写金额) */
    const char *payer; /**< equal to (交款人) */
    const char *state; /**< equal to (状态) */
    int64_t collector_id; /**< equal to (收费员) */
    const char *signature; /**< equal to (签收) */
    fd_date issued_on_from; /**< >= (开票日期) */
    fd_date issued_on_to; /**< < (开票日期) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_receipt_filter;
/** The current version of ::fd_receipt_filter. */
#define FD_RECEIPT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_RECEIPT_FILTER_INIT { FD_RECEIPT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0 }
/** Fills @p filter with ::FD_RECEIPT_FILTER_INIT for @p version. */
FD_API fd_status fd_receipt_filter_init(fd_receipt_filter *filter, unsigned int version);

/** 作废记录: The void of a spoiled receipt: who, when, why. The number stays used; the payment's allocations are reversed and its bills reopen. (R-FEE-4) Strings are owned by the iterator or the
 *  record they came from; fd_receipt_void_free() frees a record from fd_store_receipt_void_get(). */
typedef struct fd_receipt_void {
    unsigned int version; /**< ::FD_RECEIPT_VOID_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-4) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 作废人: who voided it (R-COM-1) */
    int64_t created_at; /**< 作废时间: when (UTC seconds) (R-COM-1) */
    int64_t receipt_id; /**< 收据: the receipt, voided once (R-FEE-4) */
    const char *reason; /**< 原因: why: 金额写错, 客户要求重开, at most 200 bytes; personal data (free_text), masked on output (R-FEE-4) */
    fd_date voided_on; /**< 作废日期: the site's local day (set by the store) (R-FEE-9) */
} fd_receipt_void;
/** The current version of ::fd_receipt_void. */
#define FD_RECEIPT_VOID_VERSION 1
/** An empty ::fd_receipt_void to fill in. */
#define FD_RECEIPT_VOID_INIT { FD_RECEIPT_VOID_VERSION, 0, 0, 0, 0, 0, NULL, { 0, 0, 0 } }
/** Fills @p rec with ::FD_RECEIPT_VOID_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_receipt_void_init(fd_receipt_void *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`receipt_void.<field>: ...`).
 */
FD_API fd_status fd_receipt_void_check(const fd_receipt_void *rec);
/** Frees a record from fd_store_receipt_void_get(). NULL is a no-op. */
FD_API void fd_receipt_void_free(fd_receipt_void *rec);

/* Bits of fd_receipt_void_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_RECEIPT_VOID_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_RECEIPT_VOID_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_RECEIPT_VOID_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_RECEIPT_VOID_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_RECEIPT_VOID_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_RECEIPT_VOID_MATCH_RECEIPT_ID (UINT64_C(1) << 5) /**< filter.receipt_id is set */
#define FD_RECEIPT_VOID_MATCH_VOIDED_ON_FROM (UINT64_C(1) << 6) /**< filter.voided_on_from is set */
#define FD_RECEIPT_VOID_MATCH_VOIDED_ON_TO (UINT64_C(1) << 7) /**< filter.voided_on_to is set */
#endif
/** Which receipt_void records fd_store_receipt_void_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_receipt_void_filter {
    unsigned int version; /**< ::FD_RECEIPT_VOID_FILTER_VERSION */
    uint64_t match; /**< `FD_RECEIPT_VOID_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (作废人) */
    int64_t created_at_from; /**< >= (作废时间) */
    int64_t created_at_to; /**< < (作废时间) */
    int64_t receipt_id; /**< equal to (收据) */
    fd_date voided_on_from; /**< >= (作废日期) */
    fd_date voided_on_to; /**< < (作废日期) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_receipt_void_filter;
/** The current version of ::fd_receipt_void_filter. */
#define FD_RECEIPT_VOID_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_RECEIPT_VOID_FILTER_INIT { FD_RECEIPT_VOID_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0 }
/** Fills @p filter with ::FD_RECEIPT_VOID_FILTER_INIT for @p version. */
FD_API fd_status fd_receipt_void_filter_init(fd_receipt_void_filter *filter, unsigned int version);

/** 退款: A refund of (part of) a payment: requested with a reason, approved by someone with the manage grant, then paid out. (R-FEE-4) Strings are owned by the iterator or the
 *  record they came from; fd_refund_free() frees a record from fd_store_refund_get(). */
typedef struct fd_refund {
    unsigned int version; /**< ::FD_REFUND_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-4) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 申请人: who requested it (R-COM-1) */
    int64_t created_at; /**< 申请时间: when (UTC seconds) (R-COM-1) */
    int64_t payment_id; /**< 收款: the payment refunded (R-FEE-4) */
    int64_t amount; /**< 金额: fen, > 0, at most what the payment still holds (fen) (R-FEE-4) */
    const char *method; /**< 方式: cash, card, transfer, wechat, alipay, balance (back to the prepayment balance), at most 16 bytes (R-FEE-4) */
    const char *reason; /**< 原因: why, at most 200 bytes; personal data (free_text), masked on output (R-FEE-4) */
    const char *state; /**< 状态: requested, approved, refused, paid (set by the store), at most 16 bytes (R-FEE-4) */
    int64_t approved_by; /**< 审批人: who approved or refused it (set by the store) (R-FEE-4) */
    int64_t approved_at; /**< 审批时间: when (set by the store) (UTC seconds) (R-FEE-4) */
    fd_date refunded_on; /**< 退款日期: the site's local day it was paid out (set by the store) (R-FEE-9) */
} fd_refund;
/** The current version of ::fd_refund. */
#define FD_REFUND_VERSION 1
/** An empty ::fd_refund to fill in. */
#define FD_REFUND_INIT { FD_REFUND_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, { 0, 0, 0 } }
/** Fills @p rec with ::FD_REFUND_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_refund_init(fd_refund *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`refund.<field>: ...`).
 */
FD_API fd_status fd_refund_check(const fd_refund *rec);
/** Frees a record from fd_store_refund_get(). NULL is a no-op. */
FD_API void fd_refund_free(fd_refund *rec);

/* Bits of fd_refund_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_REFUND_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_REFUND_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_REFUND_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_REFUND_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_REFUND_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_REFUND_MATCH_PAYMENT_ID (UINT64_C(1) << 5) /**< filter.payment_id is set */
#define FD_REFUND_MATCH_AMOUNT_FROM (UINT64_C(1) << 6) /**< filter.amount_from is set */
#define FD_REFUND_MATCH_AMOUNT_TO (UINT64_C(1) << 7) /**< filter.amount_to is set */
#define FD_REFUND_MATCH_METHOD (UINT64_C(1) << 8) /**< filter.method is set */
#define FD_REFUND_MATCH_STATE (UINT64_C(1) << 9) /**< filter.state is set */
#define FD_REFUND_MATCH_APPROVED_BY (UINT64_C(1) << 10) /**< filter.approved_by is set */
#define FD_REFUND_MATCH_APPROVED_AT_FROM (UINT64_C(1) << 11) /**< filter.approved_at_from is set */
#define FD_REFUND_MATCH_APPROVED_AT_TO (UINT64_C(1) << 12) /**< filter.approved_at_to is set */
#define FD_REFUND_MATCH_REFUNDED_ON_FROM (UINT64_C(1) << 13) /**< filter.refunded_on_from is set */
#define FD_REFUND_MATCH_REFUNDED_ON_TO (UINT64_C(1) << 14) /**< filter.refunded_on_to is set */
#endif
/** Which refund records fd_store_refund_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_refund_filter {
    unsigned int version; /**< ::FD_REFUND_FILTER_VERSION */
    uint64_t match; /**< `FD_REFUND_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (申请人) */
    int64_t created_at_from; /**< >= (申请时间) */
    int64_t created_at_to; /**< < (申请时间) */
    int64_t payment_id; /**< equal to (收款) */
    int64_t amount_from; /**< >= (金额) */
    int64_t amount_to; /**< < (金额) */
    const char *method; /**< equal to (方式) */
    const char *state; /**< equal to (状态) */
    int64_t approved_by; /**< equal to (审批人) */
    int64_t approved_at_from; /**< >= (审批时间) */
    int64_t approved_at_to; /**< < (审批时间) */
    fd_date refunded_on_from; /**< >= (退款日期) */
    fd_date refunded_on_to; /**< < (退款日期) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_refund_filter;
/** The current version of ::fd_refund_filter. */
#define FD_REFUND_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_REFUND_FILTER_INIT { FD_REFUND_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0, 0, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0 }
/** Fills @p filter with ::FD_REFUND_FILTER_INIT for @p version. */
FD_API fd_status fd_refund_filter_init(fd_refund_filter *filter, unsigned int version);

/** 调账: A correction of a bill after its day is closed (like a red-letter invoice): signed, with a reason, dated the next open day. (R-FEE-9) Strings are owned by the iterator or the
 *  record they came from; fd_adjustment_free() frees a record from fd_store_adjustment_get(). */
typedef struct fd_adjustment {
    unsigned int version; /**< ::FD_ADJUSTMENT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-9) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 经办人: who (R-COM-1) */
    int64_t created_at; /**< 时间: when (UTC seconds) (R-COM-1) */
    int64_t bill_id; /**< 账单: the bill corrected (R-FEE-9) */
    int64_t amount; /**< 金额: signed fen, not 0: negative reduces what is owed (fen) (R-FEE-9) */
    const char *reason; /**< 原因: why, at most 200 bytes; personal data (free_text), masked on output (R-FEE-9) */
    fd_date dated_on; /**< 入账日期: the first day not closed on or after today (set by the store) (R-FEE-9) */
} fd_adjustment;
/** The current version of ::fd_adjustment. */
#define FD_ADJUSTMENT_VERSION 1
/** An empty ::fd_adjustment to fill in. */
#define FD_ADJUSTMENT_INIT { FD_ADJUSTMENT_VERSION, 0, 0, 0, 0, 0, 0, NULL, { 0, 0, 0 } }
/** Fills @p rec with ::FD_ADJUSTMENT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_adjustment_init(fd_adjustment *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`adjustment.<field>: ...`).
 */
FD_API fd_status fd_adjustment_check(const fd_adjustment *rec);
/** Frees a record from fd_store_adjustment_get(). NULL is a no-op. */
FD_API void fd_adjustment_free(fd_adjustment *rec);

/* Bits of fd_adjustment_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_ADJUSTMENT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_ADJUSTMENT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_ADJUSTMENT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_ADJUSTMENT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_ADJUSTMENT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_ADJUSTMENT_MATCH_BILL_ID (UINT64_C(1) << 5) /**< filter.bill_id is set */
#define FD_ADJUSTMENT_MATCH_AMOUNT_FROM (UINT64_C(1) << 6) /**< filter.amount_from is set */
#define FD_ADJUSTMENT_MATCH_AMOUNT_TO (UINT64_C(1) << 7) /**< filter.amount_to is set */
#define FD_ADJUSTMENT_MATCH_DATED_ON_FROM (UINT64_C(1) << 8) /**< filter.dated_on_from is set */
#define FD_ADJUSTMENT_MATCH_DATED_ON_TO (UINT64_C(1) << 9) /**< filter.dated_on_to is set */
#endif
/** Which adjustment records fd_store_adjustment_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_adjustment_filter {
    unsigned int version; /**< ::FD_ADJUSTMENT_FILTER_VERSION */
    uint64_t match; /**< `FD_ADJUSTMENT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (经办人) */
    int64_t created_at_from; /**< >= (时间) */
    int64_t created_at_to; /**< < (时间) */
    int64_t bill_id; /**< equal to (账单) */
    int64_t amount_from; /**< >= (金额) */
    int64_t amount_to; /**< < (金额) */
    fd_date dated_on_from; /**< >= (入账日期) */
    fd_date dated_on_to; /**< < (入账日期) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_adjustment_filter;
/** The current version of ::fd_adjustment_filter. */
#define FD_ADJUSTMENT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_ADJUSTMENT_FILTER_INIT { FD_ADJUSTMENT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0 }
/** Fills @p filter with ::FD_ADJUSTMENT_FILTER_INIT for @p version. */
FD_API fd_status fd_adjustment_filter_init(fd_adjustment_filter *filter, unsigned int version);

/** 日结: A cashier day closed: its totals as they stood; after it the day is frozen. (R-FEE-9) Strings are owned by the iterator or the
 *  record they came from; fd_day_close_free() frees a record from fd_store_day_close_get(). */
typedef struct fd_day_close {
    unsigned int version; /**< ::FD_DAY_CLOSE_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-9) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 日结人: who closed it (R-COM-1) */
    int64_t created_at; /**< 日结时间: when (UTC seconds) (R-COM-1) */
    fd_date day; /**< 日期: the site's local day closed, once (R-FEE-9) */
    int64_t payments; /**< 收款笔数: payments of the day (set by the store) (R-FEE-9) */
    int64_t collected; /**< 收款金额: their sum (set by the store) (fen) (R-FEE-9) */
    int64_t voided; /**< 作废金额: the sum of the receipts voided that day (set by the store) (fen) (R-FEE-9) */
    int64_t refunded; /**< 退款金额: the sum of refunds paid out that day (set by the store) (fen) (R-FEE-9) */
    int64_t receipts_issued; /**< 开票张数: receipts issued that day (set by the store) (R-FEE-9) */
    int64_t receipts_voided; /**< 作废张数: receipts voided that day (set by the store) (R-FEE-9) */
} fd_day_close;
/** The current version of ::fd_day_close. */
#define FD_DAY_CLOSE_VERSION 1
/** An empty ::fd_day_close to fill in. */
#define FD_DAY_CLOSE_INIT { FD_DAY_CLOSE_VERSION, 0, 0, 0, 0, { 0, 0, 0 }, 0, 0, 0, 0, 0, 0 }
/** Fills @p rec with ::FD_DAY_CLOSE_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_day_close_init(fd_day_close *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`day_close.<field>: ...`).
 */
FD_API fd_status fd_day_close_check(const fd_day_close *rec);
/** Frees a record from fd_store_day_close_get(). NULL is a no-op. */
FD_API void fd_day_close_free(fd_day_close *rec);

/* Bits of fd_day_close_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_DAY_CLOSE_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_DAY_CLOSE_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_DAY_CLOSE_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_DAY_CLOSE_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_DAY_CLOSE_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_DAY_CLOSE_MATCH_DAY_FROM (UINT64_C(1) << 5) /**< filter.day_from is set */
#define FD_DAY_CLOSE_MATCH_DAY_TO (UINT64_C(1) << 6) /**< filter.day_to is set */
#define FD_DAY_CLOSE_MATCH_PAYMENTS (UINT64_C(1) << 7) /**< filter.payments is set */
#define FD_DAY_CLOSE_MATCH_COLLECTED_FROM (UINT64_C(1) << 8) /**< filter.collected_from is set */
#define FD_DAY_CLOSE_MATCH_COLLECTED_TO (UINT64_C(1) << 9) /**< filter.collected_to is set */
#define FD_DAY_CLOSE_MATCH_VOIDED_FROM (UINT64_C(1) << 10) /**< filter.voided_from is set */
#define FD_DAY_CLOSE_MATCH_VOIDED_TO (UINT64_C(1) << 11) /**< filter.voided_to is set */
#define FD_DAY_CLOSE_MATCH_REFUNDED_FROM (UINT64_C(1) << 12) /**< filter.refunded_from is set */
#define FD_DAY_CLOSE_MATCH_REFUNDED_TO (UINT64_C(1) << 13) /**< filter.refunded_to is set */
#define FD_DAY_CLOSE_MATCH_RECEIPTS_ISSUED (UINT64_C(1) << 14) /**< filter.receipts_issued is set */
#define FD_DAY_CLOSE_MATCH_RECEIPTS_VOIDED (UINT64_C(1) << 15) /**< filter.receipts_voided is set */
#endif
/** Which day_close records fd_store_day_close_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_day_close_filter {
    unsigned int version; /**< ::FD_DAY_CLOSE_FILTER_VERSION */
    uint64_t match; /**< `FD_DAY_CLOSE_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (日结人) */
    int64_t created_at_from; /**< >= (日结时间) */
    int64_t created_at_to; /**< < (日结时间) */
    fd_date day_from; /**< >= (日期) */
    fd_date day_to; /**< < (日期) */
    int64_t payments; /**< equal to (收款笔数) */
    int64_t collected_from; /**< >= (收款金额) */
    int64_t collected_to; /**< < (收款金额) */
    int64_t voided_from; /**< >= (作废金额) */
    int64_t voided_to; /**< < (作废金额) */
    int64_t refunded_from; /**< >= (退款金额) */
    int64_t refunded_to; /**< < (退款金额) */
    int64_t receipts_issued; /**< equal to (开票张数) */
    int64_t receipts_voided; /**< equal to (作废张数) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_day_close_filter;
/** The current version of ::fd_day_close_filter. */
#define FD_DAY_CLOSE_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_DAY_CLOSE_FILTER_INIT { FD_DAY_CLOSE_FILTER_VERSION, 0, 0, 0, 0, 0, 0, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p filter with ::FD_DAY_CLOSE_FILTER_INIT for @p version. */
FD_API fd_status fd_day_close_filter_init(fd_day_close_filter *filter, unsigned int version);

/** 催缴记录: A step of dunning a unit: reminder by phone or SMS, formal letter by express mail, home visit, legal channel; each a demand that restarts the limitation clock of the debts it names. (R-FEE-6) Strings are owned by the iterator or the
 *  record they came from; fd_dunning_step_free() frees a record from fd_store_dunning_step_get(). */
typedef struct fd_dunning_step {
    unsigned int version; /**< ::FD_DUNNING_STEP_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-6) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 经办人: who (R-COM-1) */
    int64_t created_at; /**< 登记时间: when recorded (UTC seconds) (R-COM-1) */
    int64_t unit_id; /**< 房屋: the unit (R-FEE-6) */
    const char *step; /**< 阶段: reminder (电话/短信提醒), letter (正式催缴函), visit (上门), legal (法律途径), at most 16 bytes (R-FEE-6) */
    const char *channel; /**< 方式: phone, sms, express (特快专递), visit, lawyer, court, at most 16 bytes (R-FEE-6) */
    fd_date happened_on; /**< 日期: the day of the demand (not after today) (R-FEE-6) */
    int64_t owed; /**< 催缴金额: the unit's arrears demanded (set by the store) (fen) (R-FEE-6) */
    fd_date deadline; /**< 缴款期限: the deadline the demand states; unset = none (R-FEE-6) */
    const char *result; /**< 结果: what came of it: 承诺月底前缴纳, at most 200 bytes; personal data (free_text), masked on output (R-FEE-6) */
    const char *proof; /**< 送达凭证: proof of delivery: the express tracking number, the SMS receipt, the signed visit form's number, at most 200 bytes (R-FEE-6) */
} fd_dunning_step;
/** The current version of ::fd_dunning_step. */
#define FD_DUNNING_STEP_VERSION 1
/** An empty ::fd_dunning_step to fill in. */
#define FD_DUNNING_STEP_INIT { FD_DUNNING_STEP_VERSION, 0, 0, 0, 0, 0, NULL, NULL, { 0, 0, 0 }, 0, { 0, 0, 0 }, NULL, NULL }
/** Fills @p rec with ::FD_DUNNING_STEP_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_dunning_step_init(fd_dunning_step *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`dunning_step.<field>: ...`).
 */
FD_API fd_status fd_dunning_step_check(const fd_dunning_step *rec);
/** Frees a record from fd_store_dunning_step_get(). NULL is a no-op. */
FD_API void fd_dunning_step_free(fd_dunning_step *rec);

/* Bits of fd_dunning_step_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_DUNNING_STEP_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_DUNNING_STEP_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_DUNNING_STEP_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_DUNNING_STEP_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_DUNNING_STEP_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_DUNNING_STEP_MATCH_UNIT_ID (UINT64_C(1) << 5) /**< filter.unit_id is set */
#define FD_DUNNING_STEP_MATCH_STEP (UINT64_C(1) << 6) /**< filter.step is set */
#define FD_DUNNING_STEP_MATCH_CHANNEL (UINT64_C(1) << 7) /**< filter.channel is set */
#define FD_DUNNING_STEP_MATCH_HAPPENED_ON_FROM (UINT64_C(1) << 8) /**< filter.happened_on_from is set */
#define FD_DUNNING_STEP_MATCH_HAPPENED_ON_TO (UINT64_C(1) << 9) /**< filter.happened_on_to is set */
#define FD_DUNNING_STEP_MATCH_OWED_FROM (UINT64_C(1) << 10) /**< filter.owed_from is set */
#define FD_DUNNING_STEP_MATCH_OWED_TO (UINT64_C(1) << 11) /**< filter.owed_to is set */
#define FD_DUNNING_STEP_MATCH_DEADLINE_FROM (UINT64_C(1) << 12) /**< filter.deadline_from is set */
#define FD_DUNNING_STEP_MATCH_DEADLINE_TO (UINT64_C(1) << 13) /**< filter.deadline_to is set */
#define FD_DUNNING_STEP_MATCH_PROOF (UINT64_C(1) << 14) /**< filter.proof is set */
#endif
/** Which dunning_step records fd_store_dunning_step_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_dunning_step_filter {
    unsigned int version; /**< ::FD_DUNNING_STEP_FILTER_VERSION */
    uint64_t match; /**< `FD_DUNNING_STEP_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (经办人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t unit_id; /**< equal to (房屋) */
    const char *step; /**< equal to (阶段) */
    const char *channel; /**< equal to (方式) */
    fd_date happened_on_from; /**< >= (日期) */
    fd_date happened_on_to; /**< < (日期) */
    int64_t owed_from; /**< >= (催缴金额) */
    int64_t owed_to; /**< < (催缴金额) */
    fd_date deadline_from; /**< >= (缴款期限) */
    fd_date deadline_to; /**< < (缴款期限) */
    const char *proof; /**< equal to (送达凭证) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_dunning_step_filter;
/** The current version of ::fd_dunning_step_filter. */
#define FD_DUNNING_STEP_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_DUNNING_STEP_FILTER_INIT { FD_DUNNING_STEP_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, { 0, 0, 0 }, { 0, 0, 0 }, 0, 0, { 0, 0, 0 }, { 0, 0, 0 }, NULL, 0, 0 }
/** Fills @p filter with ::FD_DUNNING_STEP_FILTER_INIT for @p version. */
FD_API fd_status fd_dunning_step_filter_init(fd_dunning_step_filter *filter, unsigned int version);

/** 通知模板: The site's text of a payment notice (缴款通知书) or a dunning notice (催款通知书), with {placeholders}. (R-FEE-2) Strings are owned by the iterator or the
 *  record they came from; fd_notice_template_free() frees a record from fd_store_notice_template_get(). */
typedef struct fd_notice_template {
    unsigned int version; /**< ::FD_NOTICE_TEMPLATE_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-FEE-2) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who set it (R-COM-1) */
    int64_t created_at; /**< 登记时间: when; the latest of a kind is in force (UTC seconds) (R-COM-1) */
    const char *kind; /**< 类型: payment (缴款通知书) or dunning (催款通知书), at most 16 bytes (R-FEE-2) */
    const char *body; /**< 正文: the text; placeholders as in fd_fee_notice_render(), at most 4000 bytes (R-FEE-2) */
} fd_notice_template;
/** The current version of ::fd_notice_template. */
#define FD_NOTICE_TEMPLATE_VERSION 1
/** An empty ::fd_notice_template to fill in. */
#define FD_NOTICE_TEMPLATE_INIT { FD_NOTICE_TEMPLATE_VERSION, 0, 0, 0, 0, NULL, NULL }
/** Fills @p rec with ::FD_NOTICE_TEMPLATE_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_notice_template_init(fd_notice_template *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`notice_template.<field>: ...`).
 */
FD_API fd_status fd_notice_template_check(const fd_notice_template *rec);
/** Frees a record from fd_store_notice_template_get(). NULL is a no-op. */
FD_API void fd_notice_template_free(fd_notice_template *rec);

/* Bits of fd_notice_template_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_NOTICE_TEMPLATE_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_NOTICE_TEMPLATE_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_NOTICE_TEMPLATE_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_NOTICE_TEMPLATE_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_NOTICE_TEMPLATE_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_NOTICE_TEMPLATE_MATCH_KIND (UINT64_C(1) << 5) /**< filter.kind is set */
#define FD_NOTICE_TEMPLATE_MATCH_BODY (UINT64_C(1) << 6) /**< filter.body is set */
#endif
/** Which notice_template records fd_store_notice_template_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_notice_template_filter {
    unsigned int version; /**< ::FD_NOTICE_TEMPLATE_FILTER_VERSION */
    uint64_t match; /**< `FD_NOTICE_TEMPLATE_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    const char *kind; /**< equal to (类型) */
    const char *body; /**< equal to (正文) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_notice_template_filter;
/** The current version of ::fd_notice_template_filter. */
#define FD_NOTICE_TEMPLATE_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_NOTICE_TEMPLATE_FILTER_INIT { FD_NOTICE_TEMPLATE_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, 0, 0 }
/** Fills @p filter with ::FD_NOTICE_TEMPLATE_FILTER_INIT for @p version. */
FD_API fd_status fd_notice_template_filter_init(fd_notice_template_filter *filter, unsigned int version);

/* @generated records:fees end */

/* ========================================================================
 * Codes, lines, periods, late fees, allocation (billing)
 * ====================================================================== */

/* --- codes ------------------------------------------------------------- */

/**
 * The Chinese label of @p code in code list @p field (`kind`, `period`,
 * `line`, `rounding`, `bill_state`, `method`, `series_kind`,
 * `receipt_state`, `refund_state`, `step`, `channel`, `bucket`, `notice`;
 * see the file comment), NULL when either is unknown. Never allocates.
 * Thread safety: safe.
 */
FD_API const char *fd_fee_code_label(const char *field, const char *code);

/**
 * The code for @p text as the desk types it — the code, its label, another
 * word for it, Traditional (按面積, 銀行轉賬), full-width (ＣＡＳＨ) — into @p out.
 * @return ::FD_OK; ::FD_EINVAL naming `field` (no such list) or `text` (no
 *         such code).
 * Thread safety: safe.
 */
FD_API fd_status fd_fee_code_parse(fd_buf *out, const char *field, const char *text);

/**
 * The ::fd_money_round of a `rounding` code (R-FEE-8): half_up, half_even,
 * down, up, floor, ceiling (the numbers of the policy key fee.rounding).
 * @param out  receives the mode as its ::fd_money_round number
 * @return ::FD_OK; ::FD_EINVAL naming `code` for another word (NULL or "").
 * Thread safety: safe.
 */
FD_API fd_status fd_fee_rounding_mode(int *out, const char *code);

/**
 * The `rounding` code of mode @p mode (0 half_up … 5 ceiling), NULL for
 * another number. Thread safety: safe.
 */
FD_API const char *fd_fee_rounding_code(int mode);

/* --- a line's amount ---------------------------------------------------- */

/**
 * What a bill line costs (R-FEE-8, R-FEE-2, R-FEE-7): the fields of
 * ::fd_bill_line that decide its amount.
 *
 * The exact amount in fen is
 *
 *     qty_e2 × price_e4 / 10^4                      (a whole month, no custody)
 *     × (D − C + C × custody_pct / 100) / M          (proration and custody)
 *
 * where M = month_days, D = days (0: the whole month, D = M) and C =
 * custody_days (0: all D days when custody_pct is set, none when it is 0).
 * Without proration (month_days 0) D = M = 1 and C is 0 or all. So custody
 * from the 15th of a 30-day month is days 0, month_days 30, custody_days 16,
 * custody_pct 70: 14 days in full and 16 at 70 %, one line, one rounding.
 */
typedef struct fd_fee_line_input {
    unsigned int version; /**< ::FD_FEE_LINE_INPUT_VERSION */
    int64_t qty_e2;       /**< quantity in hundredths (m², 100 for a fixed fee, consumption), >= 0 */
    int64_t price_e4;     /**< price in 1/10000 yuan per unit of quantity, >= 0 */
    int64_t days;         /**< days of the month charged, 0 = the whole month; <= month_days */
    int64_t month_days;   /**< the month's days when prorated (28..31, or the days of a shorter period), 0 = not */
    int64_t custody_pct;  /**< share charged under custody, 0..100 percent; 0 = no custody */
    int64_t custody_days; /**< of the days charged, those under custody; 0 = all (when custody_pct is set) */
    int rounding;         /**< ::fd_money_round: how the exact amount rounds to fen */
} fd_fee_line_input;
/** The current version of ::fd_fee_line_input. */
#define FD_FEE_LINE_INPUT_VERSION 1
/** A whole month, no custody, half-up. */
#define FD_FEE_LINE_INPUT_INIT { FD_FEE_LINE_INPUT_VERSION, 0, 0, 0, 0, 0, 0, 0 }
/** Fills @p in with ::FD_FEE_LINE_INPUT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_fee_line_input_init(fd_fee_line_input *in, unsigned int version);

/**
 * The amount of a line (R-FEE-8): the exact amount of ::fd_fee_line_input
 * computed without loss (a 128-bit intermediate) and rounded once to fen in
 * its mode; @p residue_e4 gets what the rounding dropped, exact − amount, in
 * 1/10000 fen rounded half-even (1.2345 yuan/m² × 88.88 m² = 10972.236 fen:
 * 10972 fen half-up, residue 2360).
 * @param amount     receives the amount in fen
 * @param residue_e4 receives the residue in 1/10000 fen, |residue| < 10^4
 * @return ::FD_OK; ::FD_EINVAL (NULL, unknown version or rounding);
 *         ::FD_ERANGE naming the field for a negative qty_e2, price_e4, days
 *         or custody days, days or custody_days beyond month_days,
 *         custody_pct beyond 0..100, or qty_e2 × price_e4 beyond int64.
 * Thread safety: safe.
 */
FD_API fd_status fd_fee_line_amount(int64_t *amount, int64_t *residue_e4, const fd_fee_line_input *in);

/* --- periods ----------------------------------------------------------- */

/**
 * The end of the billing period from @p start (R-FEE-2): periods are
 * half-open `[start, end)`. `month`, `quarter`, `year`: the same day 1, 3 or
 * 12 months on; when that month has no such day the period's last day is
 * that month's last (Civil Code art. 202), so the end is the 1st of the month
 * after it (2026-01-31 + month → 2026-03-01; 2024-02-29 + year →
 * 2025-03-01). `once`: the next day.
 * @return ::FD_OK; ::FD_EINVAL naming `start` (not a day) or `period` (not a
 *         period code); ::FD_ERANGE when the end is after 9999-12-31.
 * Thread safety: safe.
 */
FD_API fd_status fd_fee_period_end(fd_date *out, fd_date start, const char *period);

/**
 * How many days of the month `[month_start, month_end)` fall in
 * `[from, to)` (R-FEE-2 proration), into @p days, and the month's length into
 * @p month_days. @p to of year 0 is open (no end).
 * @return ::FD_OK; ::FD_EINVAL naming a date that is not a day, or
 *         `month_end` not after `month_start`.
 * Thread safety: safe.
 */
FD_API fd_status fd_fee_days_in(int64_t *days, int64_t *month_days, fd_date month_start, fd_date month_end,
                                fd_date from, fd_date to);

/**
 * The day a bill of a period starting @p period_start is due (R-FEE-2):
 * period_start + fee.due_days − 1 (the default 15: a month from the 1st is
 * due on the 15th), but never on or after @p period_end (then the day before
 * it). Arrears and late fees count from the day after.
 * @param policy NULL for the defaults
 * @return ::FD_OK; ::FD_EINVAL naming a date that is not a day or a period_end
 *         not after period_start.
 * Thread safety: safe.
 */
FD_API fd_status fd_fee_due_on(fd_date *out, fd_date period_start, fd_date period_end, const fd_policy *policy);

/* --- late fees --------------------------------------------------------- */

/**
 * The late fee of an unpaid @p principal due on @p due_on as of @p as_of
 * (R-FEE-2), per the policy: fee.late_fee.per_day_e4 (1/10000 of the
 * principal per day; 0 = none), counted from the day after due_on plus
 * fee.late_fee.grace_days, capped at fee.late_fee.cap_pct of the principal,
 * rounded once in fee.rounding. Never compounding: the principal is what
 * charge lines owe, never a late fee. 0 for a principal <= 0 or before the
 * fee starts.
 * @param out    receives the fee in fen
 * @param policy NULL for the defaults (no late fee)
 * @return ::FD_OK; ::FD_EINVAL naming a date that is not a day. (The cap is
 *         at most the principal, so no fee overflows.)
 * Thread safety: safe.
 */
FD_API fd_status fd_fee_late_fee(int64_t *out, int64_t principal, fd_date due_on, fd_date as_of,
                                 const fd_policy *policy);

/**
 * What fd_fee_late_fee() applies, as a line's `policy` text says it:
 * "fee.late_fee.per_day_e4=5 from 2026-11-16, 14 days; cap 100 %" (or
 * "fee.late_fee.per_day_e4=0: none"), for the notice (R-FEE-2).
 * @param policy NULL for the defaults
 * @return ::FD_OK; ::FD_EINVAL; ::FD_ENOMEM.
 * Thread safety: safe.
 */
FD_API fd_status fd_fee_late_fee_terms(fd_buf *out, fd_date due_on, fd_date as_of, const fd_policy *policy);

/* ========================================================================
 * Arrears, dunning, limitation, notices
 * ====================================================================== */

/**
 * The last day of a debt's three-year limitation period (诉讼时效, R-FEE-6).
 * The period runs from @p due_on (the last day to pay), or anew from
 * @p last_demand_on when a demand was recorded after it (Civil Code art. 195;
 * an unset date {0,0,0}, or one not after @p due_on, is no demand). The day it
 * starts from is not counted (art. 201) and the period ends on the
 * corresponding day three years later (art. 188), or on that month's last day
 * when it has none (2024-02-29 → 2027-02-28, art. 202). A last day that is a
 * day of rest in @p cal (a statutory holiday or a weekend not made a working
 * day) moves to the first working day after the rest (art. 203).
 * @return ::FD_OK; ::FD_EINVAL (NULL @p out or @p cal, a date not real,
 *         naming it); ::FD_ERANGE (the end would be after 9999); the
 *         calendar's ::FD_EDATA / ::FD_ERANGE (the end is outside its data and
 *         its policy refuses that; the message names `cal` and the year).
 * Thread safety: safe.
 */
FD_API fd_status fd_fee_limitation_end(fd_date *out, fd_date due_on, fd_date last_demand_on, const fd_calendar *cal);

/** How many age buckets arrears have (d0_30, d31_90, d91_180, d181_365, over_365). */
#define FD_FEE_BUCKET_COUNT 5

/**
 * The code of age bucket @p index (0 … ::FD_FEE_BUCKET_COUNT - 1: "d0_30",
 * "d31_90", "d91_180", "d181_365", "over_365"), NULL for any other index.
 * Thread safety: safe.
 */
FD_API const char *fd_fee_bucket_code(int index);

/**
 * The age bucket (an index for fd_fee_bucket_code()) of a debt @p days_past_due
 * days past its due day: 1-30 → 0, 31-90 → 1, 91-180 → 2, 181-365 → 3, more → 4;
 * -1 when @p days_past_due <= 0 (not overdue). Never fails. Thread safety: safe.
 */
FD_API int fd_fee_bucket_of_days(int64_t days_past_due);

/**
 * The age bucket code of a debt due on @p due_on as of @p as_of (R-FEE-6):
 * a bill is past due from the day after @p due_on, so 2026-03-15 due is in
 * "d0_30" from 2026-03-16 to 2026-04-14 and "d31_90" on 2026-04-15. Writes ""
 * when it is not past due on @p as_of.
 * @return ::FD_OK; ::FD_EINVAL (NULL @p out, a date not real, naming it);
 *         ::FD_ENOMEM. On failure @p out is empty. Thread safety: safe.
 */
FD_API fd_status fd_fee_age_bucket(fd_buf *out, fd_date due_on, fd_date as_of);

/** The next dunning step of a unit and the day it is due (fd_dunning_next()). */
typedef struct fd_dunning_plan {
    unsigned int version; /**< ::FD_DUNNING_PLAN_VERSION */
    const char *step;     /**< reminder, letter, visit or legal (a static string); "" after legal: none */
    fd_date due_on;       /**< the first day it is due; unset ({0,0,0}) when @ref step is "" */
} fd_dunning_plan;
/** The current version of ::fd_dunning_plan. */
#define FD_DUNNING_PLAN_VERSION 1
/** An empty ::fd_dunning_plan. */
#define FD_DUNNING_PLAN_INIT { FD_DUNNING_PLAN_VERSION, "", { 0, 0, 0 } }
/** Fills @p plan as ::FD_DUNNING_PLAN_INIT does. @return ::FD_OK, ::FD_EINVAL (NULL, unknown version). */
FD_API fd_status fd_dunning_plan_init(fd_dunning_plan *plan, unsigned int version);

/**
 * The dunning state machine (R-FEE-6): the step after @p last_step, taken on
 * @p last_on, and the day it falls due.
 * - no step yet (@p last_step NULL or ""): a reminder (phone or SMS), due on
 *   @p last_on — pass the first day the unit's oldest debt was overdue;
 * - reminder → letter (express mail), `fee.dunning.letter_after_months` (3)
 *   after the reminder;
 * - letter → visit when someone lives on site (@p occupied: an occupant in
 *   force in the unit), `fee.dunning.visit_after_months` (3) after the letter;
 *   else legal, `fee.dunning.legal_after_months` (6) after the letter;
 * - visit → legal, `fee.dunning.legal_after_months` after the visit;
 * - legal → none: @p out's step is "" and its day unset.
 * Months end on the corresponding day or the month's last (Civil Code art. 202).
 * @param policy the site's policy, NULL for the defaults
 * @return ::FD_OK; ::FD_EINVAL (NULL @p out, an unknown @p last_step listing
 *         the steps, @p last_on not real); ::FD_ERANGE (the day would be after 9999).
 * Thread safety: safe.
 */
FD_API fd_status fd_dunning_next(fd_dunning_plan *out, const char *last_step, fd_date last_on, int occupied,
                                 const fd_policy *policy);

/**
 * Checks a dunning step before it is recorded (R-FEE-6): @p step a known step,
 * @p channel one it goes by (reminder: phone, sms; letter: express; visit:
 * visit; legal: lawyer, court), and the order after the unit's @p last_step
 * (NULL or "": none): a step may repeat or move one on, a visit may be
 * skipped (after a letter, legal), nothing goes back, and the first step is a
 * reminder.
 * @return ::FD_OK; ::FD_EINVAL (an unknown step or channel listing the codes,
 *         a channel the step does not go by; a step or channel that cuts off
 *         water, electricity, heating or gas — 停水 停电 停暖 停气, Simplified or
 *         Traditional, full-width or not — citing Civil Code art. 944, which
 *         forbids it); ::FD_ESTATE (out of order, naming the steps allowed).
 * Thread safety: safe.
 */
FD_API fd_status fd_dunning_check(const char *step, const char *channel, const char *last_step);

/** What a payment or dunning notice says (fd_fee_notice_render()). Strings are the caller's. */
typedef struct fd_fee_notice {
    unsigned int version; /**< ::FD_FEE_NOTICE_VERSION */
    const char *site;     /**< {site}: the site's name; NULL = "" */
    const char *unit;     /**< {unit}: the unit (building, unit, room); NULL = "" */
    const char *payer;    /**< {payer}: whom it is addressed to; NULL = "" */
    int64_t amount;       /**< {amount} (¥1,234.50) and {amount_upper} (壹仟贰佰叁拾肆元伍角): fen owed */
    const char *periods;  /**< {periods}: the periods owed, as text (2026-01, 2026-02); NULL = "" */
    fd_date due;          /**< {due}: the (earliest) due day; unset = "" */
    fd_date deadline;     /**< {deadline}: pay by; unset = "" */
    int64_t late_rate_e4; /**< {late_rate}: the late fee per day in 1/10000 (5 → 0.05%), 0..10000 */
    fd_date date;         /**< {date}: the notice's date; unset = "" */
} fd_fee_notice;
/** The current version of ::fd_fee_notice. */
#define FD_FEE_NOTICE_VERSION 1
/** An empty ::fd_fee_notice. */
#define FD_FEE_NOTICE_INIT { FD_FEE_NOTICE_VERSION, NULL, NULL, NULL, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 }, 0, { 0, 0, 0 } }
/** Fills @p n as ::FD_FEE_NOTICE_INIT does. @return ::FD_OK, ::FD_EINVAL (NULL, unknown version). */
FD_API fd_status fd_fee_notice_init(fd_fee_notice *n, unsigned int version);

/**
 * Renders a payment notice (缴款通知书, R-FEE-2) or dunning notice (催款通知书,
 * R-FEE-6) from @p template_text: each placeholder {site} {unit} {payer}
 * {amount} {amount_upper} {periods} {due} {deadline} {late_rate} {date} is
 * replaced by @p n's value (amounts by fd_money_format() and fd_money_upper(),
 * dates as 2026年3月15日, the rate as 0.05%); `{{` and `}}` are a brace.
 * @return ::FD_OK; ::FD_EINVAL (NULL or bad UTF-8, an unknown placeholder
 *         naming it, a { not closed, a date not real naming it); ::FD_ERANGE
 *         (a late rate outside 0..10000); ::FD_ENOMEM. On failure @p out is empty.
 * Thread safety: safe.
 */
FD_API fd_status fd_fee_notice_render(fd_buf *out, const char *template_text, const fd_fee_notice *n);

/**
 * Checks a notice template as fd_fee_notice_render() reads it (unknown
 * placeholders, an unclosed {), without rendering.
 * @return ::FD_OK, ::FD_EINVAL naming what is wrong. Thread safety: safe.
 */
FD_API fd_status fd_fee_notice_check_template(const char *template_text);

/**
 * The built-in template of notice @p kind ("payment": 缴款通知书; "dunning":
 * 催款通知书), used when the site has set none; NULL for another kind. The
 * text is static. Thread safety: safe.
 */
FD_API const char *fd_fee_notice_default_template(const char *kind);

/* ========================================================================
 * Receipts and reconciliation (cash desk)
 * ====================================================================== */

/** The largest payment, refund or receipt amount the desk takes, in fen
 *  (¥99,999,999.99): a cashier's edge; beyond it is ::FD_ERANGE naming the field. */
#define FD_FEE_PAYMENT_MAX INT64_C(9999999999)

/**
 * Checks a payment as the desk takes it (R-FEE-3) and computes the change:
 * `method` one of cash, card, transfer, wechat, alipay, balance (the codes of
 * the `method` list; fd_fee_method_check()); `amount` 1 ..
 * ::FD_FEE_PAYMENT_MAX fen (::FD_ERANGE naming `payment.amount` beyond,
 * ::FD_EINVAL for 0 or less); cash: `tendered` >= amount (::FD_EINVAL naming
 * `payment.tendered`), @p out_change = tendered − amount; any other method:
 * `tendered` 0 and change 0; card, transfer, wechat and alipay need a
 * `reference` (::FD_EINVAL naming `payment.reference`). The record's own
 * field checks (fd_payment_check()) run first.
 */
FD_API fd_status fd_fee_payment_desk_check(int64_t *out_change, const fd_payment *payment);

/**
 * ::FD_OK when @p method is a payment or refund method code (cash, card,
 * transfer, wechat, alipay, balance — R-FEE-3), ::FD_EINVAL naming `method`
 * and listing them otherwise.
 */
FD_API fd_status fd_fee_method_check(const char *method);

/**
 * The gaps of a receipt series (R-FEE-4): the numbers in [@p first_no,
 * @p next_no) that are not in @p numbers (ascending, @p count of them), as
 * ranges "12-14, 20" into @p out ("" when none); numbers outside the range
 * or repeated are ::FD_EDATA naming `numbers`. *@p out_missing (may be NULL)
 * gets how many numbers are missing.
 */
FD_API fd_status fd_fee_receipt_gaps(fd_buf *out, int64_t *out_missing, const int64_t *numbers, size_t count,
                                     int64_t first_no, int64_t next_no);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_FEES_H */
