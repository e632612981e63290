/* Private: typed, index-based access to policy values for rule code in hot paths. */
#ifndef FRONTDESK_POLICY_INTERNAL_H
#define FRONTDESK_POLICY_INTERNAL_H
#include "frontdesk/policy.h"

typedef enum fd__policy_id {
#define FD_POLICY_KEY(id, key, def, min, max, unit, rule, desc) FD__POL_##id,
#include "policy/policy_keys.def"
#undef FD_POLICY_KEY
    FD__POL_COUNT
} fd__policy_id;

/* The value of key @id in @p, or its default when @p is NULL. Never fails. */
int64_t fd__policy_value(const fd_policy *p, fd__policy_id id);

/* Index of @key, or -1. */
int fd__policy_index(const char *key);

#endif
