/* Policy: the standards' numbers as named, range-checked, overridable values. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const fd_policy_key_info keys[FD__POL_COUNT] = {
#define FD_POLICY_KEY(id, key, def, min, max, unit, rule, desc) { key, def, min, max, unit, rule, desc },
#include "policy/policy_keys.def"
#undef FD_POLICY_KEY
};

struct fd_policy {
    int64_t value[FD__POL_COUNT];
};

int fd__policy_index(const char *key)
{
    for (int i = 0; i < FD__POL_COUNT; i++)
        if (strcmp(keys[i].key, key) == 0)
            return i;
    return -1;
}

int64_t fd__policy_value(const fd_policy *p, fd__policy_id id)
{
    return p ? p->value[id] : keys[id].default_value;
}

/* Checks @key and finds it; FD_ENOTFOUND names the key and how to list keys. */
static fd_status lookup(int *index, const char *fn, const char *key)
{
    fd_status rc = fd__check_text(fn, "key", key, 64, true);
    if (rc)
        return rc;
    *index = fd__policy_index(key);
    if (*index < 0)
        return fd__error(FD_ENOTFOUND, "%s: key: no policy key '%s' (see fd_policy_key_at or `frontdesk policy list`)",
                         fn, key);
    return FD_OK;
}

fd_status fd_policy_new(fd_policy **out)
{
    fd_status rc = fd__check_ptr("fd_policy_new", "out", out);
    if (rc)
        return rc;
    fd_policy *p = malloc(sizeof *p);
    if (p == NULL)
        return fd__oom("fd_policy_new");
    for (int i = 0; i < FD__POL_COUNT; i++)
        p->value[i] = keys[i].default_value;
    *out = p;
    return FD_OK;
}

fd_status fd_policy_copy(fd_policy **out, const fd_policy *policy)
{
    fd_status rc = fd__check_ptr("fd_policy_copy", "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr("fd_policy_copy", "policy", policy);
    if (rc)
        return rc;
    fd_policy *p = malloc(sizeof *p);
    if (p == NULL)
        return fd__oom("fd_policy_copy");
    memcpy(p, policy, sizeof *p);
    *out = p;
    return FD_OK;
}

void fd_policy_free(fd_policy *policy)
{
    free(policy);
}

fd_status fd_policy_get(int64_t *out, const fd_policy *policy, const char *key)
{
    int i = 0;
    fd_status rc = fd__check_ptr("fd_policy_get", "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr("fd_policy_get", "policy", policy);
    if (rc == FD_OK)
        rc = lookup(&i, "fd_policy_get", key);
    if (rc)
        return rc;
    *out = policy->value[i];
    return FD_OK;
}

fd_status fd_policy_set(fd_policy *policy, const char *key, int64_t value)
{
    int i = 0;
    fd_status rc = fd__check_ptr("fd_policy_set", "policy", policy);
    if (rc == FD_OK)
        rc = lookup(&i, "fd_policy_set", key);
    if (rc)
        return rc;
    if (value < keys[i].min || value > keys[i].max)
        return fd__error(FD_ERANGE, "fd_policy_set: %s: %lld is outside %lld..%lld %s (%s)", key,
                         (long long)value, (long long)keys[i].min, (long long)keys[i].max,
                         keys[i].unit, keys[i].rule);
    policy->value[i] = value;
    return FD_OK;
}

fd_status fd_policy_is_default(int *out, const fd_policy *policy, const char *key)
{
    int i = 0;
    fd_status rc = fd__check_ptr("fd_policy_is_default", "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr("fd_policy_is_default", "policy", policy);
    if (rc == FD_OK)
        rc = lookup(&i, "fd_policy_is_default", key);
    if (rc)
        return rc;
    *out = policy->value[i] == keys[i].default_value;
    return FD_OK;
}

size_t fd_policy_key_count(void)
{
    return FD__POL_COUNT;
}

fd_status fd_policy_key_at(fd_policy_key_info *out, size_t index)
{
    fd_status rc = fd__check_ptr("fd_policy_key_at", "out", out);
    if (rc)
        return rc;
    if (index >= FD__POL_COUNT)
        return fd__error(FD_ERANGE, "fd_policy_key_at: index: %zu, there are %d keys", index,
                         (int)FD__POL_COUNT);
    *out = keys[index];
    return FD_OK;
}

fd_status fd_policy_describe(fd_policy_key_info *out, const char *key)
{
    int i = 0;
    fd_status rc = fd__check_ptr("fd_policy_describe", "out", out);
    if (rc == FD_OK)
        rc = lookup(&i, "fd_policy_describe", key);
    if (rc)
        return rc;
    *out = keys[i];
    return FD_OK;
}
