/* Policy: the standards' numbers as named, range-checked, overridable values. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static const fd_policy_key_info keys[FD__POL_COUNT] = {
#define FD_POLICY_KEY(id, key, def, min, max, unit, rule, desc) { key, def, min, max, unit, rule, desc },
#include "policy/policy_keys.def"
#undef FD_POLICY_KEY
};

/*
 * Deadline keys: an amount and a unit (FD_CALENDAR_UNIT_*). The unit is held
 * beside the value, not in policy_keys.def, whose lines are never changed
 * (sites store overrides by name): this table says which keys time something
 * and in which unit their default counts. A key whose def unit is "days" or
 * "working_days" counts days, "minutes" counts time of day. The three
 * follow-up keys of R-PLN-1 count working days by default: the standard says
 * a repair is followed up "in the unit the policy gives (working days by
 * default)" (issue 15).
 */
static const struct {
    fd__policy_id id;
    int unit; /* the default unit */
} deadline_keys[] = {
    { FD__POL_CALL_REPLY_WORKING_DAYS, FD_CALENDAR_UNIT_WORKING_DAYS },
    { FD__POL_CPL_MAJOR_ESCALATE_DAYS, FD_CALENDAR_UNIT_CALENDAR_DAYS },
    { FD__POL_CPL_MAJOR_ANSWER_DAYS, FD_CALENDAR_UNIT_CALENDAR_DAYS },
    { FD__POL_CPL_MAJOR_RESOLVE_DAYS, FD_CALENDAR_UNIT_CALENDAR_DAYS },
    { FD__POL_CPL_IMPORTANT_ESCALATE_MIN, FD_CALENDAR_UNIT_CLOCK_MINUTES },
    { FD__POL_CPL_IMPORTANT_RESOLVE_DAYS, FD_CALENDAR_UNIT_CALENDAR_DAYS },
    { FD__POL_CPL_MINOR_RESOLVE_DAYS, FD_CALENDAR_UNIT_CALENDAR_DAYS },
    { FD__POL_CPL_RESULT_NOTIFY_DAYS, FD_CALENDAR_UNIT_CALENDAR_DAYS },
    { FD__POL_PLN_SAFETY_REPAIR_DAYS, FD_CALENDAR_UNIT_WORKING_DAYS },
    { FD__POL_PLN_LEAK_REPAIR_DAYS, FD_CALENDAR_UNIT_WORKING_DAYS },
    { FD__POL_PLN_OTHER_REPAIR_DAYS, FD_CALENDAR_UNIT_WORKING_DAYS },
    { FD__POL_PLN_CALLBACK_DAYS, FD_CALENDAR_UNIT_CALENDAR_DAYS },
    { FD__POL_PLN_NEW_CUSTOMER_CONTACT_DAYS, FD_CALENDAR_UNIT_CALENDAR_DAYS },
};

struct fd_policy {
    int64_t value[FD__POL_COUNT];
    uint8_t unit[FD__POL_COUNT]; /* a deadline key's unit, 0 for the others */
};

static const char *const unit_names[FD__UNIT_COUNT] = { "",         "clock_hours",   "business_hours",  "calendar_days",
                                                        "working_days", "same_day", "clock_minutes", "business_minutes" };

const char *fd__unit_name(int unit)
{
    return unit > 0 && unit < FD__UNIT_COUNT ? unit_names[unit] : "";
}

int fd__unit_from_name(const char *name)
{
    for (int u = 1; u < FD__UNIT_COUNT; u++)
        if (strcmp(name, unit_names[u]) == 0)
            return u;
    return 0;
}

/* The default unit of key @i, 0 when it is not a deadline. */
static int default_unit(int i)
{
    for (size_t k = 0; k < sizeof deadline_keys / sizeof deadline_keys[0]; k++)
        if ((int)deadline_keys[k].id == i)
            return deadline_keys[k].unit;
    return 0;
}

static void init_values(fd_policy *p)
{
    for (int i = 0; i < FD__POL_COUNT; i++) {
        p->value[i] = keys[i].default_value;
        p->unit[i] = (uint8_t)default_unit(i);
    }
}

static int is_minute_unit(int u)
{
    return u == FD_CALENDAR_UNIT_CLOCK_MINUTES || u == FD_CALENDAR_UNIT_BUSINESS_MINUTES;
}

static int is_hour_unit(int u)
{
    return u == FD_CALENDAR_UNIT_CLOCK_HOURS || u == FD_CALENDAR_UNIT_BUSINESS_HOURS;
}

/*
 * Checks @amount in @unit for key @i (a deadline key when @unit is not 0): a
 * day key takes day units and same_day (amount 0); a minutes key takes minute
 * and hour units, its range applying to the amount in minutes.
 */
static fd_status check_value(const char *fn, int i, int64_t amount, int unit)
{
    const fd_policy_key_info *k = &keys[i];
    int minutes_key = is_minute_unit(default_unit(i));
    if (unit) {
        int ok = minutes_key ? is_minute_unit(unit) || is_hour_unit(unit)
                             : unit == FD_CALENDAR_UNIT_CALENDAR_DAYS || unit == FD_CALENDAR_UNIT_WORKING_DAYS ||
                                   unit == FD_CALENDAR_UNIT_SAME_DAY;
        if (!ok)
            return fd__error(FD_EINVAL, "%s: %s: unit '%s' is not one of %s (%s)", fn, k->key, fd__unit_name(unit),
                             minutes_key ? "clock_minutes, business_minutes, clock_hours, business_hours"
                                         : "calendar_days, working_days, same_day",
                             k->rule);
        if (unit == FD_CALENDAR_UNIT_SAME_DAY) {
            if (amount != 0)
                return fd__error(FD_ERANGE, "%s: %s: same_day takes the amount 0, not %lld (%s)", fn, k->key,
                                 (long long)amount, k->rule);
            return FD_OK;
        }
        if (is_hour_unit(unit)) {
            if (amount < (k->min + 59) / 60 || amount > k->max / 60)
                return fd__error(FD_ERANGE, "%s: %s: %lld %s is outside %lld..%lld %s (%s)", fn, k->key,
                                 (long long)amount, fd__unit_name(unit), (long long)((k->min + 59) / 60),
                                 (long long)(k->max / 60), fd__unit_name(unit), k->rule);
            return FD_OK;
        }
    }
    if (amount < k->min || amount > k->max)
        return fd__error(FD_ERANGE, "%s: %s: %lld is outside %lld..%lld %s (%s)", fn, k->key, (long long)amount,
                         (long long)k->min, (long long)k->max, unit ? fd__unit_name(unit) : k->unit, k->rule);
    return FD_OK;
}

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
    init_values(p);
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
    if ((rc = check_value("fd_policy_set", i, value, policy->unit[i])) != FD_OK)
        return rc;
    policy->value[i] = value;
    return FD_OK;
}

/* Finds deadline key @key for @fn: FD_ENOTFOUND / FD_EINVAL naming it. */
static fd_status lookup_deadline(int *index, const char *fn, const char *key)
{
    fd_status rc = lookup(index, fn, key);
    if (rc == FD_OK && default_unit(*index) == 0)
        return fd__error(FD_EINVAL, "%s: key: '%s' is a plain %s value, not a deadline (an amount and a unit)", fn,
                         key, keys[*index].unit);
    return rc;
}

fd_status fd_policy_get_deadline(int64_t *amount, int *unit, const fd_policy *policy, const char *key)
{
    static const char fn[] = "fd_policy_get_deadline";
    int i = 0;
    fd_status rc = fd__check_ptr(fn, "amount", amount);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "unit", unit);
    if (rc == FD_OK)
        rc = lookup_deadline(&i, fn, key);
    if (rc)
        return rc;
    *amount = policy ? policy->value[i] : keys[i].default_value;
    *unit = policy ? policy->unit[i] : default_unit(i);
    return FD_OK;
}

fd_status fd_policy_set_deadline(fd_policy *policy, const char *key, int64_t amount, int unit)
{
    static const char fn[] = "fd_policy_set_deadline";
    int i = 0;
    fd_status rc = fd__check_ptr(fn, "policy", policy);
    if (rc == FD_OK)
        rc = lookup_deadline(&i, fn, key);
    if (rc == FD_OK && (unit <= 0 || unit >= FD__UNIT_COUNT))
        rc = fd__error(FD_EINVAL, "%s: unit: %d is not an FD_CALENDAR_UNIT_* value", fn, unit);
    if (rc == FD_OK)
        rc = check_value(fn, i, amount, unit);
    if (rc)
        return rc;
    policy->value[i] = amount;
    policy->unit[i] = (uint8_t)unit;
    return FD_OK;
}

fd_status fd_policy_format(fd_buf *out, const fd_policy *policy, const char *key)
{
    static const char fn[] = "fd_policy_format";
    int i = 0;
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "policy", policy);
    if (rc == FD_OK)
        rc = lookup(&i, fn, key);
    if (rc == FD_OK) {
        fd__buf_clear(out);
        rc = policy->unit[i] ? fd__buf_printf(out, "%lld %s", (long long)policy->value[i], fd__unit_name(policy->unit[i]))
                             : fd__buf_printf(out, "%lld", (long long)policy->value[i]);
    }
    if (rc && out)
        fd__buf_clear(out);
    return rc;
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
    *out = policy->value[i] == keys[i].default_value && policy->unit[i] == default_unit(i);
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
