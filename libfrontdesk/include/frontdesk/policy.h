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

/** Reads the value of @p key. ::FD_ENOTFOUND for an unknown key. */
FD_API fd_status fd_policy_get(int64_t *out, const fd_policy *policy, const char *key);

/**
 * Sets the value of @p key.
 * @return ::FD_OK, ::FD_ENOTFOUND (unknown key), ::FD_ERANGE (outside the key's
 *         range; the message gives the range). On error nothing changes.
 */
FD_API fd_status fd_policy_set(fd_policy *policy, const char *key, int64_t value);

/** Whether @p key still has its default value: *out is 1 or 0. */
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
