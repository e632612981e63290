/**
 * @file frontdesk/property.h
 * @brief The property register (issue 12, item 1): buildings, units,
 *        occupants, organisations with departments and employees, and the
 *        rules over them — unit numbers, occupancy on a date, floor areas
 *        (R-VIS-1, R-VIS-5, R-COM-1 … R-COM-3, R-FEE-8).
 *
 * Shared by visitors (who is the host, R-VIS-1; is this visitor a resident,
 * R-VIS-5), fees, plans and complaints. Everything here is pure: records as
 * values and rules over them, usable without the library's store (a Java suite
 * with its own database calls them). The store's side (adding, moving out,
 * finding, the resident check) is in frontdesk/store.h.
 *
 * Codes. The records hold lower-case English codes; fd_property_code_label()
 * gives the Chinese label and fd_property_code_parse() takes either:
 * - `use` (a unit's): residential 住宅, office 办公, shop 商铺, other 其他;
 * - `role` (an occupant's): owner 业主, tenant 租户, resident 住户 (a family
 *   member or anyone else living there; also read from 家属, 同住人).
 *
 * Unit numbers. One canonical form, whatever people type (fd_unit_number_parse()):
 * the number's parts — building, entrance, floor, room, as many as the site
 * uses, at most four — joined by '-', ASCII digits and upper-case letters,
 * with Han characters allowed in the building part only:
 *
 * | typed                                   | canonical  |
 * |-----------------------------------------|------------|
 * | 3-1201, ３－１２０１, 3栋1201室, 3号楼1201, 3幢1201, 3#1201, 3 1201 | 3-1201 |
 * | 3栋2单元301                             | 3-2-301    |
 * | A座 5F, a座5楼, A座5层                  | A-5F       |
 * | 東座1201                                | 东-1201    |
 * | A座地下1层                               | A-B1       |
 * | 商铺12号, 东1201                        | 商铺-12, 东-1201 |
 * | 东区3栋1201                             | 东区3-1201 |
 * | 3楼1201 (no building: the third floor)  | 3F-1201    |
 * | 1201 (a site without building numbers)  | 1201       |
 *
 * "3栋", "3幢", "3座", "3号楼", "3#楼" and "3#" name building 3; "3楼" and "3层"
 * name the third floor (3F), never a building, and a first part written 3F is
 * a floor too; a first part B2 is a building (tower B2), so a basement needs
 * its building first (A座地下1层, not 地下1层101). A final 室, 号, 房 or 户 is
 * dropped. A number that is one part of Han characters then digits (商铺12号)
 * is a building and a room. Leading zeros are kept (0101 is not 101). Han
 * numerals are not read as digits: a building part made of them only (三栋)
 * is refused, so that 三栋 and 3栋 never become two buildings. Traditional
 * characters are made Simplified until they settle (a phrase can map a character
 * on again), so the canonical form of a canonical form is itself (the fuzz
 * target fuzz_unit checks it).
 *
 * Areas are int64 hundredths of a square metre (`area_m2x100`: 8950 is
 * 89.50 m²), never floating point: fd_area_parse() reads "89.5" exactly and
 * refuses a third decimal instead of rounding.
 *
 * Thread safety: every function here is safe to call from many threads.
 */
#ifndef FRONTDESK_PROPERTY_H
#define FRONTDESK_PROPERTY_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* @generated records:property begin (scripts/gen/records.py from libfrontdesk/records/property.rec; do not edit) */

/** 楼栋: A building of a site, with the code its unit numbers start with. (R-VIS-5) Strings are owned by the iterator or the
 *  record they came from; fd_building_free() frees a record from fd_store_building_get(). */
typedef struct fd_building {
    unsigned int version; /**< ::FD_BUILDING_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-5) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who added it, 0 = the system (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was added (UTC seconds) (R-COM-1) */
    const char *code; /**< 楼栋代码: the building's part of its unit numbers, canonical (fd_building_code_normalize: 3号楼 is 3, A座 is A); unique per site, at most 16 bytes (R-VIS-5) */
    const char *name; /**< 名称: its name as people say it: 3号楼, A座, 创新大厦, at most 100 bytes (R-VIS-5) */
} fd_building;
/** The current version of ::fd_building. */
#define FD_BUILDING_VERSION 1
/** An empty ::fd_building to fill in. */
#define FD_BUILDING_INIT { FD_BUILDING_VERSION, 0, 0, 0, 0, NULL, NULL }
/** Fills @p rec with ::FD_BUILDING_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_building_init(fd_building *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`building.<field>: ...`).
 */
FD_API fd_status fd_building_check(const fd_building *rec);
/** Frees a record from fd_store_building_get(). NULL is a no-op. */
FD_API void fd_building_free(fd_building *rec);

/* Bits of fd_building_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_BUILDING_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_BUILDING_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_BUILDING_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_BUILDING_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_BUILDING_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_BUILDING_MATCH_CODE (UINT64_C(1) << 5) /**< filter.code is set */
#define FD_BUILDING_MATCH_NAME (UINT64_C(1) << 6) /**< filter.name is set */
#define FD_BUILDING_MATCH_SEARCH (UINT64_C(1) << 7) /**< filter.search is set */
#endif
/** Which building records fd_store_building_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_building_filter {
    unsigned int version; /**< ::FD_BUILDING_FILTER_VERSION */
    uint64_t match; /**< `FD_BUILDING_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    const char *code; /**< equal to (楼栋代码) */
    const char *name; /**< equal to (名称) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_building_filter;
/** The current version of ::fd_building_filter. */
#define FD_BUILDING_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_BUILDING_FILTER_INIT { FD_BUILDING_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0 }
/** Fills @p filter with ::FD_BUILDING_FILTER_INIT for @p version. */
FD_API fd_status fd_building_filter_init(fd_building_filter *filter, unsigned int version);

/** 房屋: A unit of a building (a flat, an office, a shop), by its canonical number. (R-VIS-5) Strings are owned by the iterator or the
 *  record they came from; fd_unit_free() frees a record from fd_store_unit_get(). */
typedef struct fd_unit {
    unsigned int version; /**< ::FD_UNIT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-5) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who added it, 0 = the system (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was added (UTC seconds) (R-COM-1) */
    int64_t building_id; /**< 楼栋: the building (R-VIS-5) */
    const char *number; /**< 房号: the canonical unit number (fd_unit_number_parse): 3-1201, 3-1-1201, A-5F; starts with the building's code; unique per site, at most 32 bytes (R-VIS-5) */
    const char *floor; /**< 楼层: the floor: 12, or B1 for the first basement; empty: derived from the number where it shows, at most 8 bytes (R-VIS-5) */
    const char *use; /**< 用途: residential, office, shop or other, at most 16 bytes (R-VIS-5) */
    int64_t area_m2x100; /**< 建筑面积: floor area in hundredths of a square metre (8950 is 89.50 m², fd_area_format); 0 = not recorded (R-FEE-8) */
} fd_unit;
/** The current version of ::fd_unit. */
#define FD_UNIT_VERSION 1
/** An empty ::fd_unit to fill in. */
#define FD_UNIT_INIT { FD_UNIT_VERSION, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0 }
/** Fills @p rec with ::FD_UNIT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_unit_init(fd_unit *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`unit.<field>: ...`).
 */
FD_API fd_status fd_unit_check(const fd_unit *rec);
/** Frees a record from fd_store_unit_get(). NULL is a no-op. */
FD_API void fd_unit_free(fd_unit *rec);

/* Bits of fd_unit_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_UNIT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_UNIT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_UNIT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_UNIT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_UNIT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_UNIT_MATCH_BUILDING_ID (UINT64_C(1) << 5) /**< filter.building_id is set */
#define FD_UNIT_MATCH_NUMBER (UINT64_C(1) << 6) /**< filter.number is set */
#define FD_UNIT_MATCH_FLOOR (UINT64_C(1) << 7) /**< filter.floor is set */
#define FD_UNIT_MATCH_USE (UINT64_C(1) << 8) /**< filter.use is set */
#define FD_UNIT_MATCH_AREA_M2X100 (UINT64_C(1) << 9) /**< filter.area_m2x100 is set */
#endif
/** Which unit records fd_store_unit_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_unit_filter {
    unsigned int version; /**< ::FD_UNIT_FILTER_VERSION */
    uint64_t match; /**< `FD_UNIT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t building_id; /**< equal to (楼栋) */
    const char *number; /**< equal to (房号) */
    const char *floor; /**< equal to (楼层) */
    const char *use; /**< equal to (用途) */
    int64_t area_m2x100; /**< equal to (建筑面积) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_unit_filter;
/** The current version of ::fd_unit_filter. */
#define FD_UNIT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_UNIT_FILTER_INIT { FD_UNIT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, 0, 0, 0 }
/** Fills @p filter with ::FD_UNIT_FILTER_INIT for @p version. */
FD_API fd_status fd_unit_filter_init(fd_unit_filter *filter, unsigned int version);

/** 住户: A person who owns or lives in a unit (owner, tenant, resident), from move-in to move-out. (R-VIS-5) Strings are owned by the iterator or the
 *  record they came from; fd_occupant_free() frees a record from fd_store_occupant_get(). */
typedef struct fd_occupant {
    unsigned int version; /**< ::FD_OCCUPANT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-5) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who registered them, 0 = the system (R-COM-1) */
    int64_t created_at; /**< 登记时间: when they were registered (UTC seconds) (R-COM-1) */
    int64_t unit_id; /**< 房屋: the unit (R-VIS-5) */
    const char *name; /**< 姓名: the person's name, at most 100 bytes; personal data (name), masked on output (R-VIS-5) */
    const char *phone; /**< 电话: their phone as typed (at most 64 bytes), stored normalised (fd_phone_parse national form), at most 64 bytes; personal data (phone), masked on output (R-COM-2) */
    const char *role; /**< 身份: owner, tenant or resident, at most 16 bytes (R-VIS-5) */
    fd_date move_in; /**< 入住日期: the first day they live there or own it (the site's local date) (R-VIS-5) */
    fd_date move_out; /**< 迁出日期: the first day they no longer do, after move_in; unset while they do (fd_store_occupant_move_out) (R-COM-3) */
} fd_occupant;
/** The current version of ::fd_occupant. */
#define FD_OCCUPANT_VERSION 1
/** An empty ::fd_occupant to fill in. */
#define FD_OCCUPANT_INIT { FD_OCCUPANT_VERSION, 0, 0, 0, 0, 0, NULL, NULL, NULL, { 0, 0, 0 }, { 0, 0, 0 } }
/** Fills @p rec with ::FD_OCCUPANT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_occupant_init(fd_occupant *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`occupant.<field>: ...`).
 */
FD_API fd_status fd_occupant_check(const fd_occupant *rec);
/** Frees a record from fd_store_occupant_get(). NULL is a no-op. */
FD_API void fd_occupant_free(fd_occupant *rec);

/* Bits of fd_occupant_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_OCCUPANT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_OCCUPANT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_OCCUPANT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_OCCUPANT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_OCCUPANT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_OCCUPANT_MATCH_UNIT_ID (UINT64_C(1) << 5) /**< filter.unit_id is set */
#define FD_OCCUPANT_MATCH_NAME (UINT64_C(1) << 6) /**< filter.name is set */
#define FD_OCCUPANT_MATCH_PHONE (UINT64_C(1) << 7) /**< filter.phone is set */
#define FD_OCCUPANT_MATCH_ROLE (UINT64_C(1) << 8) /**< filter.role is set */
#define FD_OCCUPANT_MATCH_MOVE_IN_FROM (UINT64_C(1) << 9) /**< filter.move_in_from is set */
#define FD_OCCUPANT_MATCH_MOVE_IN_TO (UINT64_C(1) << 10) /**< filter.move_in_to is set */
#define FD_OCCUPANT_MATCH_MOVE_OUT_FROM (UINT64_C(1) << 11) /**< filter.move_out_from is set */
#define FD_OCCUPANT_MATCH_MOVE_OUT_TO (UINT64_C(1) << 12) /**< filter.move_out_to is set */
#define FD_OCCUPANT_MATCH_SEARCH (UINT64_C(1) << 13) /**< filter.search is set */
#endif
/** Which occupant records fd_store_occupant_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_occupant_filter {
    unsigned int version; /**< ::FD_OCCUPANT_FILTER_VERSION */
    uint64_t match; /**< `FD_OCCUPANT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t unit_id; /**< equal to (房屋) */
    const char *name; /**< equal to (姓名) */
    const char *phone; /**< equal to (电话) */
    const char *role; /**< equal to (身份) */
    fd_date move_in_from; /**< >= (入住日期) */
    fd_date move_in_to; /**< < (入住日期) */
    fd_date move_out_from; /**< >= (迁出日期) */
    fd_date move_out_to; /**< < (迁出日期) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_occupant_filter;
/** The current version of ::fd_occupant_filter. */
#define FD_OCCUPANT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_OCCUPANT_FILTER_INIT { FD_OCCUPANT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, NULL, 0, 0 }
/** Fills @p filter with ::FD_OCCUPANT_FILTER_INIT for @p version. */
FD_API fd_status fd_occupant_filter_init(fd_occupant_filter *filter, unsigned int version);

/** 入驻企业: A tenant company or other organisation at the site (parks, office buildings). (R-VIS-1) Strings are owned by the iterator or the
 *  record they came from; fd_organisation_free() frees a record from fd_store_organisation_get(). */
typedef struct fd_organisation {
    unsigned int version; /**< ::FD_ORGANISATION_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-1) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who registered it, 0 = the system (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was registered (UTC seconds) (R-COM-1) */
    const char *name; /**< 名称: the organisation's name, at most 200 bytes (R-VIS-1) */
    int64_t unit_id; /**< 房屋: the unit it occupies (its reception), 0 = not recorded (R-VIS-1) */
    const char *phone; /**< 电话: its front-desk number as typed (at most 64 bytes), stored normalised (fd_phone_parse national form), at most 64 bytes; personal data (phone), masked on output (R-COM-2) */
    fd_date move_in; /**< 入驻日期: the first day it is at the site; unset = not recorded (R-VIS-1) */
    fd_date move_out; /**< 迁出日期: the first day it no longer is, after move_in; unset while it is (fd_store_organisation_move_out) (R-COM-3) */
} fd_organisation;
/** The current version of ::fd_organisation. */
#define FD_ORGANISATION_VERSION 1
/** An empty ::fd_organisation to fill in. */
#define FD_ORGANISATION_INIT { FD_ORGANISATION_VERSION, 0, 0, 0, 0, NULL, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 } }
/** Fills @p rec with ::FD_ORGANISATION_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_organisation_init(fd_organisation *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`organisation.<field>: ...`).
 */
FD_API fd_status fd_organisation_check(const fd_organisation *rec);
/** Frees a record from fd_store_organisation_get(). NULL is a no-op. */
FD_API void fd_organisation_free(fd_organisation *rec);

/* Bits of fd_organisation_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_ORGANISATION_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_ORGANISATION_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_ORGANISATION_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_ORGANISATION_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_ORGANISATION_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_ORGANISATION_MATCH_NAME (UINT64_C(1) << 5) /**< filter.name is set */
#define FD_ORGANISATION_MATCH_UNIT_ID (UINT64_C(1) << 6) /**< filter.unit_id is set */
#define FD_ORGANISATION_MATCH_PHONE (UINT64_C(1) << 7) /**< filter.phone is set */
#define FD_ORGANISATION_MATCH_MOVE_IN_FROM (UINT64_C(1) << 8) /**< filter.move_in_from is set */
#define FD_ORGANISATION_MATCH_MOVE_IN_TO (UINT64_C(1) << 9) /**< filter.move_in_to is set */
#define FD_ORGANISATION_MATCH_MOVE_OUT_FROM (UINT64_C(1) << 10) /**< filter.move_out_from is set */
#define FD_ORGANISATION_MATCH_MOVE_OUT_TO (UINT64_C(1) << 11) /**< filter.move_out_to is set */
#define FD_ORGANISATION_MATCH_SEARCH (UINT64_C(1) << 12) /**< filter.search is set */
#endif
/** Which organisation records fd_store_organisation_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_organisation_filter {
    unsigned int version; /**< ::FD_ORGANISATION_FILTER_VERSION */
    uint64_t match; /**< `FD_ORGANISATION_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    const char *name; /**< equal to (名称) */
    int64_t unit_id; /**< equal to (房屋) */
    const char *phone; /**< equal to (电话) */
    fd_date move_in_from; /**< >= (入驻日期) */
    fd_date move_in_to; /**< < (入驻日期) */
    fd_date move_out_from; /**< >= (迁出日期) */
    fd_date move_out_to; /**< < (迁出日期) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_organisation_filter;
/** The current version of ::fd_organisation_filter. */
#define FD_ORGANISATION_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_ORGANISATION_FILTER_INIT { FD_ORGANISATION_FILTER_VERSION, 0, 0, 0, 0, 0, 0, NULL, 0, NULL, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 0 }, NULL, 0, 0 }
/** Fills @p filter with ::FD_ORGANISATION_FILTER_INIT for @p version. */
FD_API fd_status fd_organisation_filter_init(fd_organisation_filter *filter, unsigned int version);

/** 部门: A department of an organisation: a host visitors may ask for. (R-VIS-1) Strings are owned by the iterator or the
 *  record they came from; fd_department_free() frees a record from fd_store_department_get(). */
typedef struct fd_department {
    unsigned int version; /**< ::FD_DEPARTMENT_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-1) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who registered it, 0 = the system (R-COM-1) */
    int64_t created_at; /**< 登记时间: when it was registered (UTC seconds) (R-COM-1) */
    int64_t organisation_id; /**< 企业: the organisation (R-VIS-1) */
    const char *name; /**< 名称: the department's name, unique within its organisation, at most 100 bytes (R-VIS-1) */
    int64_t unit_id; /**< 房屋: where it sits, 0 = at the organisation's unit (R-VIS-1) */
} fd_department;
/** The current version of ::fd_department. */
#define FD_DEPARTMENT_VERSION 1
/** An empty ::fd_department to fill in. */
#define FD_DEPARTMENT_INIT { FD_DEPARTMENT_VERSION, 0, 0, 0, 0, 0, NULL, 0 }
/** Fills @p rec with ::FD_DEPARTMENT_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_department_init(fd_department *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`department.<field>: ...`).
 */
FD_API fd_status fd_department_check(const fd_department *rec);
/** Frees a record from fd_store_department_get(). NULL is a no-op. */
FD_API void fd_department_free(fd_department *rec);

/* Bits of fd_department_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_DEPARTMENT_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_DEPARTMENT_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_DEPARTMENT_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_DEPARTMENT_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_DEPARTMENT_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_DEPARTMENT_MATCH_ORGANISATION_ID (UINT64_C(1) << 5) /**< filter.organisation_id is set */
#define FD_DEPARTMENT_MATCH_NAME (UINT64_C(1) << 6) /**< filter.name is set */
#define FD_DEPARTMENT_MATCH_UNIT_ID (UINT64_C(1) << 7) /**< filter.unit_id is set */
#define FD_DEPARTMENT_MATCH_SEARCH (UINT64_C(1) << 8) /**< filter.search is set */
#endif
/** Which department records fd_store_department_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_department_filter {
    unsigned int version; /**< ::FD_DEPARTMENT_FILTER_VERSION */
    uint64_t match; /**< `FD_DEPARTMENT_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t organisation_id; /**< equal to (企业) */
    const char *name; /**< equal to (名称) */
    int64_t unit_id; /**< equal to (房屋) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_department_filter;
/** The current version of ::fd_department_filter. */
#define FD_DEPARTMENT_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_DEPARTMENT_FILTER_INIT { FD_DEPARTMENT_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, NULL, 0, NULL, 0, 0 }
/** Fills @p filter with ::FD_DEPARTMENT_FILTER_INIT for @p version. */
FD_API fd_status fd_department_filter_init(fd_department_filter *filter, unsigned int version);

/** 企业员工: A person working for an organisation at the site: a host visitors may ask for. (R-VIS-1) Strings are owned by the iterator or the
 *  record they came from; fd_employee_free() frees a record from fd_store_employee_get(). */
typedef struct fd_employee {
    unsigned int version; /**< ::FD_EMPLOYEE_VERSION */
    int64_t id; /**< 编号: row id, > 0 (R-VIS-1) */
    int64_t site_id; /**< 场所: the site (R-COM-1) */
    int64_t staff_id; /**< 登记人: who registered them, 0 = the system (R-COM-1) */
    int64_t created_at; /**< 登记时间: when they were registered (UTC seconds) (R-COM-1) */
    int64_t organisation_id; /**< 企业: their organisation (R-VIS-1) */
    int64_t department_id; /**< 部门: their department (of the same organisation), 0 = none (R-VIS-1) */
    const char *name; /**< 姓名: the person's name, at most 100 bytes; personal data (name), masked on output (R-VIS-1) */
    const char *phone; /**< 电话: their phone as typed (at most 64 bytes), stored normalised (fd_phone_parse national form), at most 64 bytes; personal data (phone), masked on output (R-COM-2) */
    const char *title; /**< 职务: job title, e.g. 行政经理, at most 100 bytes (R-VIS-1) */
    fd_date left_on; /**< 离职日期: the first day they no longer work there; unset while they do (fd_store_employee_leave) (R-COM-3) */
} fd_employee;
/** The current version of ::fd_employee. */
#define FD_EMPLOYEE_VERSION 1
/** An empty ::fd_employee to fill in. */
#define FD_EMPLOYEE_INIT { FD_EMPLOYEE_VERSION, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, { 0, 0, 0 } }
/** Fills @p rec with ::FD_EMPLOYEE_INIT for @p version. @return ::FD_OK or ::FD_EINVAL. */
FD_API fd_status fd_employee_init(fd_employee *rec, unsigned int version);
/**
 * Checks the caller's fields of @p rec without a store (a pure rule: lengths,
 * formats, required fields). @return ::FD_OK, ::FD_EINVAL or ::FD_ERANGE naming
 * the field (`employee.<field>: ...`).
 */
FD_API fd_status fd_employee_check(const fd_employee *rec);
/** Frees a record from fd_store_employee_get(). NULL is a no-op. */
FD_API void fd_employee_free(fd_employee *rec);

/* Bits of fd_employee_filter::match: which filter fields are set (64-bit; the
 * bindings compute the same bits, so SWIG need not read these). */
#ifndef SWIG
#define FD_EMPLOYEE_MATCH_ID (UINT64_C(1) << 0) /**< filter.id is set */
#define FD_EMPLOYEE_MATCH_SITE_ID (UINT64_C(1) << 1) /**< filter.site_id is set */
#define FD_EMPLOYEE_MATCH_STAFF_ID (UINT64_C(1) << 2) /**< filter.staff_id is set */
#define FD_EMPLOYEE_MATCH_CREATED_AT_FROM (UINT64_C(1) << 3) /**< filter.created_at_from is set */
#define FD_EMPLOYEE_MATCH_CREATED_AT_TO (UINT64_C(1) << 4) /**< filter.created_at_to is set */
#define FD_EMPLOYEE_MATCH_ORGANISATION_ID (UINT64_C(1) << 5) /**< filter.organisation_id is set */
#define FD_EMPLOYEE_MATCH_DEPARTMENT_ID (UINT64_C(1) << 6) /**< filter.department_id is set */
#define FD_EMPLOYEE_MATCH_NAME (UINT64_C(1) << 7) /**< filter.name is set */
#define FD_EMPLOYEE_MATCH_PHONE (UINT64_C(1) << 8) /**< filter.phone is set */
#define FD_EMPLOYEE_MATCH_TITLE (UINT64_C(1) << 9) /**< filter.title is set */
#define FD_EMPLOYEE_MATCH_LEFT_ON_FROM (UINT64_C(1) << 10) /**< filter.left_on_from is set */
#define FD_EMPLOYEE_MATCH_LEFT_ON_TO (UINT64_C(1) << 11) /**< filter.left_on_to is set */
#define FD_EMPLOYEE_MATCH_SEARCH (UINT64_C(1) << 12) /**< filter.search is set */
#endif
/** Which employee records fd_store_employee_query() returns: only the fields whose
 *  bit is set in `match` are compared (so 0 can be asked for); ranges are [from, to). */
typedef struct fd_employee_filter {
    unsigned int version; /**< ::FD_EMPLOYEE_FILTER_VERSION */
    uint64_t match; /**< `FD_EMPLOYEE_MATCH_*` bits */
    int64_t id; /**< equal to (编号) */
    int64_t site_id; /**< equal to (场所) */
    int64_t staff_id; /**< equal to (登记人) */
    int64_t created_at_from; /**< >= (登记时间) */
    int64_t created_at_to; /**< < (登记时间) */
    int64_t organisation_id; /**< equal to (企业) */
    int64_t department_id; /**< equal to (部门) */
    const char *name; /**< equal to (姓名) */
    const char *phone; /**< equal to (电话) */
    const char *title; /**< equal to (职务) */
    fd_date left_on_from; /**< >= (离职日期) */
    fd_date left_on_to; /**< < (离职日期) */
    const char *search; /**< name search: records whose search-keyed fields match (fd_text_matches) */
    int64_t after; /**< keyset paging: only ids > after (0: from the start) */
    int64_t limit; /**< at most this many records (0: no limit) */
} fd_employee_filter;
/** The current version of ::fd_employee_filter. */
#define FD_EMPLOYEE_FILTER_VERSION 1
/** A filter that matches every record. */
#define FD_EMPLOYEE_FILTER_INIT { FD_EMPLOYEE_FILTER_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, { 0, 0, 0 }, { 0, 0, 0 }, NULL, 0, 0 }
/** Fills @p filter with ::FD_EMPLOYEE_FILTER_INIT for @p version. */
FD_API fd_status fd_employee_filter_init(fd_employee_filter *filter, unsigned int version);

/* @generated records:property end */

/* --- codes -------------------------------------------------------------- */

/**
 * The Chinese label of @p code in the code list @p field ("use" or "role").
 * @return the static label, or NULL when the list or the code is unknown.
 */
FD_API const char *fd_property_code_label(const char *field, const char *code);

/**
 * The code of @p text in the list @p field ("use" or "role"): the code itself
 * ("owner") or a Chinese label, Simplified or Traditional ("业主", "業主"),
 * case, surrounding spaces and full-width forms ignored.
 * @return ::FD_OK; ::FD_EINVAL naming the field and the codes it takes; ::FD_ENOMEM.
 */
FD_API fd_status fd_property_code_parse(fd_buf *out, const char *field, const char *text);

/* --- unit numbers ----------------------------------------------------------- */

/** Longest canonical unit number, in bytes (the `unit.number` field). */
#define FD_UNIT_NUMBER_MAX 32

/** A unit number taken apart (fd_unit_number_parse()). Strings are NUL-terminated UTF-8. */
typedef struct fd_unit_number {
    unsigned int version; /**< ::FD_UNIT_NUMBER_VERSION */
    char number[FD_UNIT_NUMBER_MAX + 1]; /**< canonical: "3-1201", "3-2-301", "A-5F", "1201" */
    char building[17];    /**< the first part when there are several ("3", "A", "东"); "" for a room alone */
    char floor[9];        /**< "12", "B1"; "" when the number does not show it */
    char room[17];        /**< the last part ("1201", "5F") */
    int parts;            /**< 1..4 */
} fd_unit_number;
/** The current version of ::fd_unit_number. */
#define FD_UNIT_NUMBER_VERSION 1

/**
 * Parses a unit number as people type it into its canonical form (see the file
 * comment) and its parts. The floor is the part written as a floor ("5F",
 * "5楼", "5层", "B1", "地下1层"), else, for a room of 3 to 5 digits, the
 * digits before its last two without leading zeros (1201 → 12, 0305 → 3);
 * else "".
 * @param out receives the number; unchanged on error
 * @param text UTF-8, at most 64 bytes
 * @return ::FD_OK; ::FD_EINVAL naming the field `unit` and the character or
 *         part that is wrong (empty text, a character with no place in a unit
 *         number, more than four parts, a part longer than 8 characters, a
 *         building named alone "3号楼", a Han-numeral building "三栋", Han
 *         characters after the building part, a basement before its building);
 *         ::FD_ERANGE (longer than 64 bytes, or a canonical form longer than
 *         ::FD_UNIT_NUMBER_MAX).
 */
FD_API fd_status fd_unit_number_parse(fd_unit_number *out, const char *text);

/**
 * The canonical code of a building as unit numbers start with it:
 * "3号楼", "3栋", "3幢", "3#", "３" → "3"; "A座", "a" → "A"; "東座" → "东".
 * @return ::FD_OK; ::FD_EINVAL naming the field `building` (more than one
 *         part, a floor such as "5F", a character with no place); ::FD_ENOMEM.
 */
FD_API fd_status fd_building_code_normalize(fd_buf *out, const char *text);

/* --- floor areas ----------------------------------------------------------------- */

/** The largest area taken: 10,000,000.00 m², in hundredths. */
#define FD_AREA_MAX 1000000000

/**
 * Reads a floor area into hundredths of a square metre, exactly: "89.5" →
 * 8950, "89.50 m²" → 8950, "１２０㎡" → 12000, "75平方米", "75平米", "75 m2"
 * (the unit is optional; full-width digits count). No floating point anywhere.
 * @return ::FD_OK; ::FD_EINVAL naming the field `area` (empty, not a number, a
 *         sign, a thousands separator, more than two decimals — refused, never
 *         rounded — or an unknown unit); ::FD_ERANGE (above ::FD_AREA_MAX).
 */
FD_API fd_status fd_area_parse(int64_t *out, const char *text);

/**
 * Writes an area given in hundredths of a square metre as "89.50 m²" (two
 * decimals, no thousands separator).
 * @return ::FD_OK; ::FD_ERANGE (negative or above ::FD_AREA_MAX); ::FD_EINVAL; ::FD_ENOMEM.
 */
FD_API fd_status fd_area_format(fd_buf *out, int64_t area_m2x100);

/* --- occupancy ----------------------------------------------------------------- */

/**
 * R-VIS-5: whether @p occupant lives in (or owns) the unit on @p on, the
 * site's local date: `move_in` ≤ @p on < `move_out`; an unset `move_out`
 * ({0, 0, 0}) is "not moved out". *@p out is 1 or 0. The store's find and
 * resident check count an occupant as current by the same rule.
 * @return ::FD_OK; ::FD_EINVAL (a NULL pointer, @p on or a date of the record
 *         that is not a real day, a `move_out` not after `move_in`, naming it).
 */
FD_API fd_status fd_occupant_current(int *out, const fd_occupant *occupant, fd_date on);

/**
 * Whether @p organisation is at the site on @p on: `move_in` (unset: since
 * before records began) ≤ @p on < `move_out` (unset: still there).
 * @return as fd_occupant_current().
 */
FD_API fd_status fd_organisation_current(int *out, const fd_organisation *organisation, fd_date on);

/**
 * Whether @p employee still works there on @p on: @p on < `left_on` (unset:
 * still there). Their organisation's own dates are not looked at here (the
 * store's find does: an employee of an organisation gone is not current).
 * @return as fd_occupant_current().
 */
FD_API fd_status fd_employee_current(int *out, const fd_employee *employee, fd_date on);

/* --- checks as the store makes them ---------------------------------------------- */

/**
 * Checks a building to be added: fd_building_check(), and a `code` that
 * fd_building_code_normalize() takes (the store keeps its canonical form).
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (`building.code: ...`).
 */
FD_API fd_status fd_building_validate(const fd_building *building);

/**
 * Checks a unit to be added: fd_unit_check(); a `number` that
 * fd_unit_number_parse() takes; a known `use`; a `floor` of 1..3 digits
 * without a leading zero, or B and 1..2 such digits; an area up to
 * ::FD_AREA_MAX.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (`unit.number: ...`).
 */
FD_API fd_status fd_unit_validate(const fd_unit *unit);

/**
 * Checks an occupant to be added: fd_occupant_check(); a known `role`; a
 * `phone` that fd_phone_parse() takes (the message never holds it); a
 * `move_out`, when set, after `move_in` (R-COM-3: a move-out before the
 * move-in is refused, never stored).
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field (`occupant.move_out: ...`).
 */
FD_API fd_status fd_occupant_validate(const fd_occupant *occupant);

/**
 * Checks an organisation to be added: fd_organisation_check(), its `phone`
 * as for an occupant, a `move_out` after `move_in` (both when set).
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field.
 */
FD_API fd_status fd_organisation_validate(const fd_organisation *organisation);

/**
 * Checks an employee to be added: fd_employee_check() and the `phone` as for
 * an occupant.
 * @return ::FD_OK, ::FD_EINVAL / ::FD_ERANGE naming the field.
 */
FD_API fd_status fd_employee_validate(const fd_employee *employee);

#ifdef __cplusplus
}
#endif

#endif
