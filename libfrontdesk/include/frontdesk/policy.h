/**
 * @file frontdesk/policy.h
 * @brief Site policy: every number of the service standards (domain.md) as a
 *        named, range-checked value with a default that a site may override.
 *
 * A policy is a pure value: rule functions take a `const fd_policy *` and never
 * touch a database, so a suite with its own storage builds a policy with
 * fd_policy_new() and fd_policy_set(). fd_store_load_policy() (store.h) loads a
 * site's stored overrides.
 *
 * Keys are dotted names such as `call.max_rings` (R-CALL-1) or
 * `complaint.major.resolve_days` (R-CPL-2); fd_policy_key_at() lists them with
 * their unit, range, rule id and description.
 *
 * Thread safety: a policy may be read from several threads at once; setting a
 * value needs exclusive use.
 */
#ifndef FRONTDESK_POLICY_H
#define FRONTDESK_POLICY_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A set of policy values. */
typedef struct fd_policy fd_policy;

/**
 * Units of a deadline: of a deadline policy value (fd_policy_get_deadline())
 * and of the calendar's deadlines (calendar.h: fd_calendar_deadline(),
 * fd_sla_new()). Declared here because a policy value carries one.
 */
enum fd_calendar_unit {
    FD_CALENDAR_UNIT_CLOCK_HOURS = 1,      /**< hours of elapsed time */
    FD_CALENDAR_UNIT_BUSINESS_HOURS = 2,   /**< hours inside business hours of working days */
    FD_CALENDAR_UNIT_CALENDAR_DAYS = 3,    /**< end (23:59:59) of the n-th day after the receipt day */
    FD_CALENDAR_UNIT_WORKING_DAYS = 4,     /**< end of business of the n-th working day after the receipt day */
    FD_CALENDAR_UNIT_SAME_DAY = 5,         /**< end of business of the receipt day, or of the next working day */
    FD_CALENDAR_UNIT_CLOCK_MINUTES = 6,    /**< minutes of elapsed time */
    FD_CALENDAR_UNIT_BUSINESS_MINUTES = 7  /**< minutes inside business hours */
};

/** What a policy key means. All strings are static. */
typedef struct fd_policy_key_info {
    const char *key;         /**< dotted name, e.g. "call.max_rings" */
    int64_t default_value;   /**< the value domain.md gives */
    int64_t min;             /**< smallest allowed value */
    int64_t max;             /**< largest allowed value */
    const char *unit;        /**< seconds, minutes, days, working_days, months, count, percent, flag */
    const char *rule;        /**< the rule id in domain.md, e.g. "R-CALL-1" */
    const char *description; /**< one line, English */
} fd_policy_key_info;

/** A policy holding every key's default. Free with fd_policy_free(). */
FD_API fd_status fd_policy_new(fd_policy **out);

/** A copy of @p policy. Free with fd_policy_free(). */
FD_API fd_status fd_policy_copy(fd_policy **out, const fd_policy *policy);

/** Frees a policy. NULL is a no-op. */
FD_API void fd_policy_free(fd_policy *policy);

/** Reads the value of @p key (of a deadline key: the amount). ::FD_ENOTFOUND for an unknown key. */
FD_API fd_status fd_policy_get(int64_t *out, const fd_policy *policy, const char *key);

/**
 * Sets the value of @p key; of a deadline key, the amount in its present unit
 * (checked together with that unit).
 * @return ::FD_OK, ::FD_ENOTFOUND (unknown key), ::FD_ERANGE (outside the key's
 *         range; the message gives the range). On error nothing changes.
 */
FD_API fd_status fd_policy_set(fd_policy *policy, const char *key, int64_t value);

/**
 * Reads a deadline key (`complaint.important.resolve_days`, the keys whose
 * fd_policy_key_info::unit is days, working_days or minutes and that time
 * something: see docs/modules/policy.md): its amount and unit
 * (`FD_CALENDAR_UNIT_*`), e.g. 3 and ::FD_CALENDAR_UNIT_WORKING_DAYS.
 * A policy with @p policy NULL gives the key's default.
 * @return ::FD_OK, ::FD_ENOTFOUND (unknown key), ::FD_EINVAL (not a deadline key).
 */
FD_API fd_status fd_policy_get_deadline(int64_t *amount, int *unit, const fd_policy *policy, const char *key);

/**
 * Sets a deadline key's amount and unit together. A day key takes
 * calendar_days, working_days or same_day (amount 0), its range applying to
 * the amount; a minutes key takes clock_minutes, business_minutes,
 * clock_hours or business_hours, its range (in minutes) applying to the
 * amount in minutes.
 * @return ::FD_OK, ::FD_ENOTFOUND, ::FD_EINVAL (not a deadline key; a unit the
 *         key does not take, named), ::FD_ERANGE (amount outside the range in
 *         that unit). On error nothing changes.
 */
FD_API fd_status fd_policy_set_deadline(fd_policy *policy, const char *key, int64_t amount, int unit);

/**
 * The value of @p key as text: "3" for a plain key, "3 working_days" for a
 * deadline key (as `frontdesk policy list` shows it).
 * @return ::FD_OK, ::FD_ENOTFOUND, ::FD_EINVAL, ::FD_ENOMEM.
 */
FD_API fd_status fd_policy_format(fd_buf *out, const fd_policy *policy, const char *key);

/** Whether @p key still has its default value (a deadline key: amount and unit): *out is 1 or 0. */
FD_API fd_status fd_policy_is_default(int *out, const fd_policy *policy, const char *key);

/** Number of policy keys this library knows. */
FD_API size_t fd_policy_key_count(void);

/** Describes the key at @p index (0 .. fd_policy_key_count()-1), in a stable order. */
FD_API fd_status fd_policy_key_at(fd_policy_key_info *out, size_t index);

/** Describes @p key. ::FD_ENOTFOUND for an unknown key. */
FD_API fd_status fd_policy_describe(fd_policy_key_info *out, const char *key);

#ifdef __cplusplus
}
#endif
#endif /* FRONTDESK_POLICY_H */
