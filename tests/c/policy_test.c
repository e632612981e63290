/* Policy values (every number of domain.md) and their storage. */
#include "fd_test.h"

Test(policy, every_key_has_a_default_in_range_and_a_rule_id)
{
    cr_assert_geq(fd_policy_key_count(), 20);
    fd_policy *p = NULL;
    fd_assert_ok(fd_policy_new(&p));
    for (size_t i = 0; i < fd_policy_key_count(); i++) {
        fd_policy_key_info k;
        fd_assert_ok(fd_policy_key_at(&k, i));
        cr_assert(k.min <= k.default_value && k.default_value <= k.max, "%s", k.key);
        cr_assert(strncmp(k.rule, "R-", 2) == 0, "%s has no rule id", k.key);
        int64_t v;
        fd_assert_ok(fd_policy_get(&v, p, k.key));
        cr_assert_eq(v, k.default_value);
        for (size_t j = 0; j < i; j++) {
            fd_policy_key_info other;
            fd_policy_key_at(&other, j);
            cr_assert_str_neq(k.key, other.key, "duplicate key");
        }
    }
    fd_policy_key_info k;
    fd_assert_error(fd_policy_key_at(&k, fd_policy_key_count()), FD_ERANGE, "index");
    fd_policy_free(p);
    fd_policy_free(NULL);
}

Test(policy, domain_defaults_R_CALL_1_R_CPL_2_R_FEE_7)
{
    fd_policy *p = NULL;
    int64_t v;
    fd_assert_ok(fd_policy_new(&p));
    fd_assert_ok(fd_policy_get(&v, p, "call.max_rings"));
    cr_assert_eq(v, 3);
    fd_assert_ok(fd_policy_get(&v, p, "call.ring_period_s"));
    cr_assert_eq(v, 5);
    fd_assert_ok(fd_policy_get(&v, p, "complaint.major.resolve_days"));
    cr_assert_eq(v, 10);
    fd_assert_ok(fd_policy_get(&v, p, "complaint.important.escalate_minutes"));
    cr_assert_eq(v, 60);
    fd_assert_ok(fd_policy_get(&v, p, "fee.custody_rate_pct"));
    cr_assert_eq(v, 70);
    fd_assert_ok(fd_policy_get(&v, p, "call.non_business_max_s"));
    cr_assert_eq(v, 180);
    fd_policy_free(p);
}

Test(policy, set_checks_range_and_changes_nothing_on_error)
{
    fd_policy *p = NULL, *q = NULL;
    int64_t v;
    int d;
    fd_assert_ok(fd_policy_new(&p));
    fd_assert_ok(fd_policy_set(p, "call.max_rings", 4));
    fd_assert_ok(fd_policy_is_default(&d, p, "call.max_rings"));
    cr_assert_eq(d, 0);
    fd_assert_error(fd_policy_set(p, "call.max_rings", 21), FD_ERANGE, "1..20");
    fd_assert_error(fd_policy_set(p, "no.such.key", 1), FD_ENOTFOUND, "no.such.key");
    fd_assert_error(fd_policy_set(p, "\xff", 1), FD_EINVAL, "UTF-8");
    fd_assert_error(fd_policy_get(&v, NULL, "call.max_rings"), FD_EINVAL, "policy");
    fd_assert_ok(fd_policy_get(&v, p, "call.max_rings"));
    cr_assert_eq(v, 4);
    fd_assert_ok(fd_policy_copy(&q, p));
    fd_assert_ok(fd_policy_set(p, "call.max_rings", 5));
    fd_assert_ok(fd_policy_get(&v, q, "call.max_rings"));
    cr_assert_eq(v, 4);
    fd_policy_key_info k;
    fd_assert_ok(fd_policy_describe(&k, "followup.callback_days"));
    cr_assert_str_eq(k.rule, "R-PLN-2");
    fd_policy_free(p);
    fd_policy_free(q);
}

Test(policy, stored_overrides_are_per_site_and_journaled)
{
    fd_store *s = NULL;
    int64_t a, b, clerk;
    fd_policy *p = NULL;
    int64_t v;
    fd_assert_ok(fd_store_open(&s, fd_test_path("policy"), NULL));
    fd_actor boot = FD_ACTOR_INIT;
    boot.at = 1795395600;
    fd_site site = FD_SITE_INIT;
    site.code = "a", site.name = "甲";
    fd_assert_ok(fd_store_site_add(&a, s, &boot, &site));
    site.code = "b", site.name = "乙";
    fd_assert_ok(fd_store_site_add(&b, s, &boot, &site));
    fd_actor sa = boot;
    sa.site_id = a;
    fd_staff st = FD_STAFF_INIT;
    st.code = "M001", st.name = "周主管", st.role = "supervisor";
    fd_assert_ok(fd_store_staff_add(&clerk, s, &sa, &st));
    fd_actor ca = sa;
    ca.staff_id = clerk;
    /* Changing a site's standards needs the manage grant. */
    fd_assert_error(fd_store_policy_set(s, &ca, "call.max_rings", 4), FD_EPERM, "manage");
    fd_assert_ok(fd_store_grant_set(s, &sa, "supervisor", FD_GRANT_MANAGE, 1));
    ca.grants = FD_GRANT_MANAGE;
    fd_assert_ok(fd_store_policy_set(s, &ca, "call.max_rings", 4));
    fd_assert_error(fd_store_policy_set(s, &ca, "call.max_rings", 0), FD_ERANGE, "1..20");
    fd_actor nosite = boot;
    nosite.site_id = 99;
    fd_assert_error(fd_store_policy_set(s, &nosite, "call.max_rings", 4), FD_ENOTFOUND, "site");
    fd_actor nostaff = sa;
    nostaff.staff_id = 99;
    fd_assert_error(fd_store_policy_set(s, &nostaff, "call.max_rings", 4), FD_ENOTFOUND, "staff");
    fd_assert_ok(fd_store_policy_load(&p, s, a));
    fd_assert_ok(fd_policy_get(&v, p, "call.max_rings"));
    cr_assert_eq(v, 4);
    fd_policy_free(p);
    fd_assert_ok(fd_store_policy_load(&p, s, b));
    fd_assert_ok(fd_policy_get(&v, p, "call.max_rings"));
    cr_assert_eq(v, 3);
    fd_policy_free(p);
    fd_assert_error(fd_store_policy_load(&p, s, 77), FD_ENOTFOUND, "site 77");
    fd_assert_ok(fd_store_policy_reset(s, &ca, "call.max_rings"));
    fd_assert_ok(fd_store_policy_load(&p, s, a));
    fd_assert_ok(fd_policy_get(&v, p, "call.max_rings"));
    cr_assert_eq(v, 3);
    fd_policy_free(p);
    fd_journal_filter f = FD_JOURNAL_FILTER_INIT;
    f.match = FD_JOURNAL_MATCH_ENTITY;
    f.entity = "policy";
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    fd_assert_ok(fd_store_journal_query(&it, s, &sa, &f));
    fd_assert_ok(fd_journal_iter_next(&e, it));
    cr_assert_str_eq(e->detail, "call.max_rings: 3 -> 4");
    cr_assert_eq(e->staff_id, clerk);
    cr_assert_eq(e->at, boot.at, "the actor's instant");
    fd_assert_ok(fd_journal_iter_next(&e, it));
    cr_assert_str_eq(e->action, "reset");
    fd_journal_iter_free(it);
    fd_store_close(s);
}

/* Issue 10 item 5: a deadline value is an amount and a unit, checked and stored together (R-CPL-2). */
Test(policy, deadline_keys_carry_a_unit_R_CPL_2)
{
    fd_policy *p = NULL;
    fd_buf b = FD_BUF_INIT;
    int64_t amount = 0;
    int unit = 0, is_default = 0;
    fd_assert_ok(fd_policy_new(&p));
    fd_assert_ok(fd_policy_get_deadline(&amount, &unit, p, "complaint.important.resolve_days"));
    cr_assert(amount == 3 && unit == FD_CALENDAR_UNIT_CALENDAR_DAYS);
    fd_assert_ok(fd_policy_get_deadline(&amount, &unit, NULL, "call.unresolved_reply_working_days"));
    cr_assert(amount == 2 && unit == FD_CALENDAR_UNIT_WORKING_DAYS, "NULL: the key's default");
    fd_assert_ok(fd_policy_set_deadline(p, "complaint.important.resolve_days", 3, FD_CALENDAR_UNIT_WORKING_DAYS));
    fd_assert_ok(fd_policy_format(&b, p, "complaint.important.resolve_days"));
    cr_assert_str_eq(b.ptr, "3 working_days");
    fd_assert_ok(fd_policy_is_default(&is_default, p, "complaint.important.resolve_days"));
    cr_assert_eq(is_default, 0, "same amount, other unit");
    fd_assert_ok(fd_policy_format(&b, p, "call.max_rings"));
    cr_assert_str_eq(b.ptr, "3", "a plain key has no unit");
    /* fd_policy_set keeps the unit; the amount is checked with it. */
    fd_assert_ok(fd_policy_set(p, "complaint.important.resolve_days", 5));
    fd_assert_ok(fd_policy_get_deadline(&amount, &unit, p, "complaint.important.resolve_days"));
    cr_assert(amount == 5 && unit == FD_CALENDAR_UNIT_WORKING_DAYS);
    fd_assert_ok(fd_policy_set_deadline(p, "complaint.major.escalate_days", 0, FD_CALENDAR_UNIT_SAME_DAY));
    fd_assert_error(fd_policy_set(p, "complaint.major.escalate_days", 1), FD_ERANGE, "same_day takes the amount 0");
    /* A minutes key takes hours too, its range in minutes: 1..1440 minutes is 1..24 hours. */
    fd_assert_ok(fd_policy_set_deadline(p, "complaint.important.escalate_minutes", 1, FD_CALENDAR_UNIT_BUSINESS_HOURS));
    fd_assert_ok(fd_policy_format(&b, p, "complaint.important.escalate_minutes"));
    cr_assert_str_eq(b.ptr, "1 business_hours");
    fd_assert_error(fd_policy_set_deadline(p, "complaint.important.escalate_minutes", 25, FD_CALENDAR_UNIT_CLOCK_HOURS),
                    FD_ERANGE, "1..24 clock_hours");
    fd_assert_error(fd_policy_set_deadline(p, "complaint.important.escalate_minutes", 3, FD_CALENDAR_UNIT_WORKING_DAYS),
                    FD_EINVAL, "unit 'working_days' is not one of clock_minutes");
    fd_assert_error(fd_policy_set_deadline(p, "complaint.minor.resolve_days", 2, FD_CALENDAR_UNIT_CLOCK_HOURS),
                    FD_EINVAL, "calendar_days, working_days, same_day");
    fd_assert_error(fd_policy_set_deadline(p, "complaint.minor.resolve_days", 61, FD_CALENDAR_UNIT_WORKING_DAYS),
                    FD_ERANGE, "1..60 working_days");
    fd_assert_error(fd_policy_set_deadline(p, "complaint.minor.resolve_days", 2, 99), FD_EINVAL, "unit: 99");
    fd_assert_error(fd_policy_set_deadline(p, "call.max_rings", 2, FD_CALENDAR_UNIT_WORKING_DAYS), FD_EINVAL,
                    "not a deadline");
    fd_assert_error(fd_policy_get_deadline(&amount, &unit, p, "pii.mask_names"), FD_EINVAL, "not a deadline");
    fd_assert_error(fd_policy_get_deadline(&amount, &unit, p, "no.such"), FD_ENOTFOUND, "no.such");
    fd_assert_error(fd_policy_format(&b, p, "no.such"), FD_ENOTFOUND, "no.such");
    cr_assert_str_eq(b.ptr, "", "empty on failure");
    fd_assert_ok(fd_policy_get_deadline(&amount, &unit, p, "complaint.minor.resolve_days"));
    cr_assert(amount == 2 && unit == FD_CALENDAR_UNIT_CALENDAR_DAYS, "nothing changed on error");
    /* A copy keeps the units. */
    fd_policy *c = NULL;
    fd_assert_ok(fd_policy_copy(&c, p));
    fd_assert_ok(fd_policy_format(&b, c, "complaint.important.resolve_days"));
    cr_assert_str_eq(b.ptr, "5 working_days");
    fd_policy_free(c);
    fd_buf_dispose(&b);
    fd_policy_free(p);
}

Test(policy, stored_deadline_units_survive_a_reload_and_are_journaled_R_CPL_2)
{
    fd_store *s = NULL;
    int64_t site, amount;
    int unit;
    fd_policy *p = NULL;
    fd_assert_ok(fd_store_open(&s, fd_test_path("policy_units"), NULL));
    fd_actor a = FD_ACTOR_INIT;
    a.at = 1795395600;
    fd_site st = FD_SITE_INIT;
    st.code = "a", st.name = "甲";
    fd_assert_ok(fd_store_site_add(&site, s, &a, &st));
    a.site_id = site;
    fd_assert_ok(fd_store_policy_set_deadline(s, &a, "complaint.important.resolve_days", 3,
                                              FD_CALENDAR_UNIT_WORKING_DAYS));
    fd_assert_error(fd_store_policy_set_deadline(s, &a, "complaint.important.resolve_days", 3, FD_CALENDAR_UNIT_CLOCK_HOURS),
                    FD_EINVAL, "clock_hours");
    fd_assert_error(fd_store_policy_set_deadline(s, &a, "complaint.important.resolve_days", 3, 0), FD_EINVAL, "unit");
    fd_assert_ok(fd_store_policy_set(s, &a, "complaint.important.resolve_days", 4)); /* keeps working_days */
    fd_assert_ok(fd_store_policy_load(&p, s, site));
    fd_assert_ok(fd_policy_get_deadline(&amount, &unit, p, "complaint.important.resolve_days"));
    cr_assert(amount == 4 && unit == FD_CALENDAR_UNIT_WORKING_DAYS, "got %lld %d", (long long)amount, unit);
    fd_policy_free(p);
    fd_journal_filter f = FD_JOURNAL_FILTER_INIT;
    f.match = FD_JOURNAL_MATCH_ENTITY;
    f.entity = "policy";
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    fd_assert_ok(fd_store_journal_query(&it, s, &a, &f));
    fd_assert_ok(fd_journal_iter_next(&e, it));
    cr_assert_str_eq(e->detail, "complaint.important.resolve_days: 3 calendar_days -> 3 working_days");
    fd_assert_ok(fd_journal_iter_next(&e, it));
    cr_assert_str_eq(e->detail, "complaint.important.resolve_days: 3 working_days -> 4 working_days");
    fd_journal_iter_free(it);
    fd_assert_ok(fd_store_policy_reset(s, &a, "complaint.important.resolve_days"));
    fd_assert_ok(fd_store_policy_load(&p, s, site));
    fd_assert_ok(fd_policy_get_deadline(&amount, &unit, p, "complaint.important.resolve_days"));
    cr_assert(amount == 3 && unit == FD_CALENDAR_UNIT_CALENDAR_DAYS);
    fd_policy_free(p);
    fd_store_close(s);
}
