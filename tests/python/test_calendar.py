"""The calendar module from Python (issue #5): every function of calendar.h."""

import datetime as dt
import threading

import pytest

import frontdesk
from frontdesk import Calendar, DayType, SlaClock, DeadlineUnit

SH = dt.timezone(dt.timedelta(hours=8))
UTC = dt.timezone.utc


def sh(*args):
    return dt.datetime(*args, tzinfo=SH)


@pytest.fixture
def cal():
    with Calendar() as c:
        yield c


def test_builtin_data_version_and_coverage(cal):
    assert cal.version == "CN-2026.1"
    assert cal.region == "CN"
    assert cal.coverage_start() == dt.date(2024, 1, 1)
    assert cal.coverage_end() == dt.date(2026, 12, 31)


def test_makeup_days_and_spring_festival(cal):
    assert cal.is_workday("2026-02-14")
    assert cal.day_type(dt.date(2026, 2, 14)) is DayType.MAKEUP_WORKDAY
    assert cal.is_workday(dt.date(2025, 9, 28))
    for d in range(15, 24):
        day = dt.date(2026, 2, d)
        assert cal.is_holiday(day) and not cal.is_workday(day)
        assert cal.holiday_name(day) == "春节"
    assert cal.day_type("2026-03-07") is DayType.WEEKEND
    assert cal.day_type("2026-03-09") is DayType.WORKDAY
    assert cal.holiday_name("2026-03-09") == ""
    assert cal.is_in_lieu("2026-02-20") and not cal.is_in_lieu("2026-02-17")
    assert cal.is_statutory("2026-02-16") and not cal.is_statutory("2026-02-20")


def test_working_days(cal):
    assert cal.add_working_days("2026-02-13", 2) == dt.date(2026, 2, 24)
    assert cal.add_working_days("2026-02-24", -2) == dt.date(2026, 2, 13)
    assert cal.add_working_days("2026-02-18", 0) == dt.date(2026, 2, 18)
    assert cal.working_days_between("2026-02-13", "2026-02-24") == 2
    assert cal.working_days_between("2026-02-24", "2026-02-13") == -2
    assert cal.next_workday("2025-12-31") == dt.date(2026, 1, 4)


def test_beyond_the_data_names_the_year(cal):
    with pytest.raises(frontdesk.Error) as e:
        cal.is_workday("2023-03-01")
    assert e.value.code == -10 and "2023" in str(e.value)
    refuse = frontdesk.Policy()
    refuse["calendar.beyond_data"] = frontdesk.BeyondData.ERROR
    cal.apply_policy(refuse)
    with pytest.raises(frontdesk.Error) as e:
        cal.is_workday("2027-03-01")
    assert e.value.code == -10 and "official 2027 schedule" in str(e.value)
    assert "fallback_weekends" not in str(e.value)
    policy = frontdesk.Policy()
    policy["calendar.fallback_weekends"] = 1
    cal.apply_policy(policy)
    assert cal.is_workday("2027-03-01") and not cal.is_workday("2027-03-06")


def test_deadline_friday_evening_two_working_days_R_CALL_9(cal):
    due = frontdesk.deadline(sh(2026, 2, 13, 17, 55), 2, "working_days", calendar=cal)
    assert due == sh(2026, 2, 24, 17, 30)
    assert due.tzinfo is not None
    # the module-level default calendar gives the same
    assert frontdesk.deadline(sh(2026, 2, 13, 17, 55), 2, DeadlineUnit.WORKING_DAYS) == due
    assert cal.deadline(sh(2026, 2, 13, 17, 55), 2, "working_days") == due


def test_deadline_edges(cal):
    assert cal.deadline(sh(2026, 2, 14, 10, 0), 0, "same_day") == sh(2026, 2, 14, 17, 30)
    assert cal.deadline(sh(2026, 2, 17, 11, 0), 0, "same_day") == sh(2026, 2, 24, 17, 30)
    assert cal.deadline(sh(2026, 3, 2, 17, 30), 0, "same_day") == sh(2026, 3, 3, 17, 30)
    assert cal.deadline(sh(2026, 3, 2, 17, 30), 2, "business_hours") == sh(2026, 3, 3, 10, 30)
    assert cal.deadline(sh(2026, 3, 2, 8, 30), 210, "business_minutes") == sh(2026, 3, 2, 12, 0)
    assert cal.deadline(sh(2025, 12, 31, 16, 0), 2, "working_days") == sh(2026, 1, 5, 17, 30)
    assert cal.deadline(sh(2026, 9, 30, 15, 0), 60, "clock_minutes") == sh(2026, 9, 30, 16, 0)
    assert cal.deadline(sh(2026, 9, 30, 15, 0), 1, "clock_hours") == sh(2026, 9, 30, 16, 0)
    # calendar days roll off rest days unless the policy says not to (R-CPL-2)
    assert cal.deadline(sh(2026, 2, 10, 9, 0), 5, "calendar_days") == sh(2026, 2, 24, 23, 59, 59)
    policy = frontdesk.Policy()
    policy["deadline.roll_rest_days"] = 0
    assert frontdesk.deadline(sh(2026, 2, 10, 9, 0), 5, "calendar_days", calendar=cal, policy=policy) == \
        sh(2026, 2, 15, 23, 59, 59)
    assert cal.deadline(1772413200, 1, DeadlineUnit.CLOCK_HOURS) == dt.datetime.fromtimestamp(1772416800, UTC)


def test_deadline_errors(cal):
    with pytest.raises(frontdesk.InvalidArgument):
        cal.deadline(sh(2026, 3, 2, 9, 0), 1, "fortnights")
    with pytest.raises(frontdesk.Error) as e:
        cal.deadline(sh(2026, 3, 2, 9, 0), -1, "working_days")
    assert e.value.code == -4
    refuse = frontdesk.Policy()
    refuse["calendar.beyond_data"] = frontdesk.BeyondData.ERROR
    with pytest.raises(frontdesk.Error) as e:
        cal.deadline(sh(2026, 12, 31, 9, 0), 5, "working_days", policy=refuse)
    assert e.value.code == -10 and "2027" in str(e.value)
    with pytest.raises(frontdesk.InvalidArgument):
        cal.deadline(dt.datetime(2026, 3, 2, 9, 0), 1, "clock_hours")  # naive datetime


def test_units():
    assert DeadlineUnit.WORKING_DAYS.label == "working_days"
    assert frontdesk.core.fd_calendar_unit_from_name("same_day") == DeadlineUnit.SAME_DAY
    assert frontdesk.core.fd_calendar_unit_name(99) == ""


def test_hours_and_time_zone(cal):
    assert cal.business_hours == "08:30-12:00,13:30-17:30"
    assert cal.quiet_hours == "00:00-08:00,12:00-14:00,20:00-24:00"
    assert cal.time_zone == "Asia/Shanghai"
    assert cal.is_business_time(sh(2026, 3, 2, 9, 0))
    assert not cal.is_business_time(sh(2026, 3, 2, 12, 30))
    assert cal.is_quiet_time(sh(2026, 3, 2, 12, 30))
    assert cal.next_call_time(sh(2026, 3, 2, 21, 0)) == sh(2026, 3, 3, 8, 0)
    assert cal.local_date(sh(2026, 3, 2, 0, 30)) == dt.date(2026, 3, 2)
    cal.business_hours = "09:00-17:00"
    assert cal.business_hours == "09:00-17:00"
    cal.quiet_hours = ""
    assert not cal.is_quiet_time(sh(2026, 3, 2, 12, 30))
    with pytest.raises(frontdesk.InvalidArgument):
        cal.business_hours = "17:00-09:00"
    with pytest.raises(frontdesk.InvalidArgument):
        cal.time_zone = "Nowhere/Land"
    cal.time_zone = "America/New_York"
    assert cal.time_zone == "America/New_York"
    cal.business_hours = "08:30-12:00,13:30-17:30"
    ny = dt.timezone(dt.timedelta(hours=-5))
    # Friday before the spring-forward Sunday + 1 business hour -> Monday 09:00 EDT (13:00 UTC)
    assert cal.deadline(dt.datetime(2026, 3, 6, 17, 0, tzinfo=ny), 1, "business_hours") == \
        dt.datetime(2026, 3, 9, 13, 0, tzinfo=UTC)


def test_constructor_settings():
    with Calendar(time_zone="Asia/Tokyo", business_hours="09:00-18:00", quiet_hours="22:00-24:00") as c:
        assert (c.time_zone, c.business_hours, c.quiet_hours) == ("Asia/Tokyo", "09:00-18:00", "22:00-24:00")


def test_festivals_and_greeting_R_CALL_2_R_CALL_10(cal):
    assert cal.festival("2026-09-25") == "中秋节"
    assert cal.festival("2026-02-16") == "除夕"
    assert cal.festival("2026-04-05") == "清明"
    assert cal.festival("2027-02-06") == "春节"
    assert cal.festival("2026-03-09") == ""
    assert frontdesk.greeting("2026-09-25", org="某某物业") == "您好，某某物业，中秋快乐！请问有什么可以帮您？"
    assert frontdesk.greeting(dt.date(2026, 3, 9), org="某某物业") == "您好，某某物业，请问有什么可以帮您？"
    assert cal.greeting("2026-03-07", "园区") == "您好，园区，周末愉快！请问有什么可以帮您？"
    assert frontdesk.greeting("2026-02-17", "某某物业") == "您好，某某物业，新春快乐！请问有什么可以帮您？"
    with pytest.raises(TypeError):
        frontdesk.greeting("2026-02-17")  # no placeholder organisation
    with pytest.raises(frontdesk.InvalidArgument):
        cal.greeting("2026-03-09", "")


def test_sla_clock_pause_and_resume(cal):
    clock = SlaClock(sh(2026, 3, 2, 9, 0), 8, "business_hours", calendar=cal)
    assert clock.due() == sh(2026, 3, 3, 9, 30)
    clock.pause(sh(2026, 3, 2, 11, 0))
    assert clock.paused
    with pytest.raises(frontdesk.InvalidState):
        clock.pause(sh(2026, 3, 2, 11, 5))
    with pytest.raises(frontdesk.InvalidState):
        clock.due()
    assert clock.remaining(sh(2026, 3, 2, 16, 0)) == dt.timedelta(hours=6)
    clock.resume(sh(2026, 3, 2, 14, 0))
    with pytest.raises(frontdesk.InvalidState):
        clock.resume(sh(2026, 3, 2, 15, 0))
    assert clock.extension == 5400
    assert clock.due() == sh(2026, 3, 3, 11, 0)
    assert not clock.breached(sh(2026, 3, 3, 11, 0))
    assert clock.breached(sh(2026, 3, 3, 11, 0, 1))
    assert clock.calendar is cal
    clock.close()
    clock.close()


def test_sla_pause_spanning_a_holiday(cal):
    clock = cal.sla(sh(2026, 2, 12, 10, 0), 3, "working_days")
    assert clock.due() == sh(2026, 2, 24, 17, 30)
    clock.pause(sh(2026, 2, 13, 11, 0))
    clock.resume(sh(2026, 2, 24, 9, 0))
    assert clock.extension == 2
    assert clock.due() == sh(2026, 2, 26, 17, 30)
    assert clock.remaining(sh(2026, 2, 26, 17, 0)) == dt.timedelta(minutes=30)
    assert clock.breached()  # now defaults to the current time (2026-11 is past the due)
    # the default calendar is used when none is given
    assert SlaClock(sh(2026, 3, 2, 9, 0), 2, DeadlineUnit.CLOCK_HOURS).due() == sh(2026, 3, 2, 11, 0)


def test_load_site_file_and_malformed_files(tmp_path, cal):
    path = tmp_path / "park.txt"
    path.write_text("frontdesk-holidays 1\nversion park-2027.1\ncovers 2027-01-01 2027-12-31\n"
                    "extends builtin\n2027-01-01 holiday 元旦 statutory\n2027-03-15 closed 停电检修\n",
                    encoding="utf-8")
    with Calendar.load(path) as c:
        assert c.version == "CN-2026.1+park-2027.1"
        assert c.coverage_end() == dt.date(2026, 12, 31)  # a site's layer
        assert c.day_type("2027-03-15") is DayType.CLOSED
        assert c.holiday_name("2027-03-15") == "停电检修"
    bad = tmp_path / "bad.txt"
    bad.write_text("frontdesk-holidays 1\nversion v1\ncovers 2026-01-01 2026-12-31\n2026-02-30 holiday X\n")
    with pytest.raises(frontdesk.Error) as e:
        Calendar.load(bad)
    assert e.value.code == -10 and "line 4" in str(e.value)
    with pytest.raises(frontdesk.Error) as e:
        Calendar.from_text("frontdesk-holidays 1\nversion v1\n")
    assert "line 3" in str(e.value)
    with Calendar.from_text("frontdesk-holidays 1\nversion HK-1\nregion HK\ncovers 2026-01-01 2026-12-31\n") as hk:
        assert hk.region == "HK" and not hk.is_workday("2026-02-14")


def test_closed_calendar_raises():
    c = Calendar()
    c.close()
    with pytest.raises(frontdesk.InvalidState):
        c.is_workday("2026-03-02")


def test_calendar_shared_by_threads(cal):
    errors = []

    def work():
        for _ in range(200):
            if cal.festival("2026-09-25") != "中秋节" or not cal.is_workday("2026-02-14"):
                errors.append(1)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


# --- issue 10 --------------------------------------------------------------------------------

def test_provisional_year_past_the_data_R_CALL_9(cal):
    assert cal.day_type("2027-10-01") is DayType.HOLIDAY and cal.holiday_name("2027-10-01") == "国庆节"
    assert cal.is_provisional("2027-02-08") and not cal.is_provisional("2026-12-31")
    assert cal.add_working_days("2027-02-05", 2) == dt.date(2027, 2, 10)
    assert cal.provisional_until() == dt.date(2036, 12, 31)
    info = cal.deadline_info(sh(2026, 12, 30, 10, 0), 2, "working_days")
    assert info == frontdesk.Deadline(sh(2027, 1, 4, 17, 30), True, "CN-2026.1+provisional-2027")
    assert frontdesk.deadline_info(sh(2026, 3, 2, 9, 0), 1, "working_days", calendar=cal).provisional is False
    assert cal.coverage_warning("2026-10-01") == ""
    assert cal.coverage_warning(dt.date(2026, 12, 4)).startswith("holiday data CN-2026.1 ends 2026-12-31, in 27 days")
    weekends = frontdesk.Policy()
    weekends["calendar.beyond_data"] = frontdesk.BeyondData.WEEKENDS
    cal.apply_policy(weekends)
    assert cal.deadline_info(sh(2027, 2, 5, 10, 0), 2, "working_days").version == "CN-2026.1+weekends-2027"


def test_site_file_is_a_layer_and_national_data_is_added(cal):
    with Calendar.from_text("frontdesk-holidays 1\nversion park-2027\nextends builtin\ncovers 2027-01-01 2027-12-31\n"
                            "business_hours 08:00-12:00,13:00-18:00\n2027-03-15 closed 停电检修\n") as c:
        assert c.day_type("2027-10-01") is DayType.HOLIDAY  # was WORKDAY when files replaced the national days
        assert c.day_type("2027-03-15") is DayType.CLOSED and c.business_hours == "08:00-12:00,13:00-18:00"
        c.add_text("frontdesk-holidays 1\nversion CN-2027.1\nextends builtin\nscope national\n"
                   "covers 2027-01-01 2027-12-31\n2027-02-20 workday 春节\n")
        assert c.coverage_end() == dt.date(2027, 12, 31) and c.day_type("2027-02-20") is DayType.MAKEUP_WORKDAY
        assert c.version == "CN-2026.1+park-2027+CN-2027.1" and not c.is_provisional("2027-06-01")
        with pytest.raises(frontdesk.Error) as e:
            c.add_file("/nonexistent/x.txt")
        assert e.value.code == -6


def test_clock_outlives_the_default_calendar_it_was_made_with():
    with frontdesk.default_calendar():
        clock = SlaClock(sh(2026, 2, 13, 17, 55), 2, "working_days")
    # The block closed the shared calendar; the clock still holds the C calendar (valgrind: no invalid read).
    assert clock.calendar.closed
    assert clock.remaining(sh(2026, 2, 24, 9, 0)) > dt.timedelta(0)
    clock.pause(sh(2026, 2, 24, 9, 0))
    clock.resume(sh(2026, 2, 25, 9, 0))
    assert clock.due() == sh(2026, 2, 25, 17, 30)
    clock.close()
    assert not frontdesk.default_calendar().closed  # a new shared calendar


def test_clock_plain_state_saved_and_restored(cal):
    clock = cal.sla(sh(2026, 2, 12, 10, 0), 3, "working_days")
    clock.pause(sh(2026, 2, 13, 11, 0))
    clock.resume(sh(2026, 2, 24, 9, 0))
    clock.pause(sh(2026, 2, 25, 9, 0))
    assert (clock.start, clock.amount, clock.unit) == (sh(2026, 2, 12, 10, 0), 3, DeadlineUnit.WORKING_DAYS)
    assert clock.pauses == [(sh(2026, 2, 13, 11, 0), sh(2026, 2, 24, 9, 0)), (sh(2026, 2, 25, 9, 0), None)]
    assert clock.version == "CN-2026.1" and clock.provisional is False
    restored = SlaClock.restore(sh(2026, 2, 12, 10, 0), 3, "working_days", clock.pauses, calendar=cal)
    loaded = SlaClock.load(clock.save(), calendar=cal)
    assert loaded.save() == clock.save()
    for c in (clock, restored, loaded):
        c.resume(sh(2026, 2, 26, 9, 0))
    assert clock.due() == restored.due() == loaded.due()
    with pytest.raises(frontdesk.OutOfRange) as e:
        SlaClock.restore(sh(2026, 2, 12, 10, 0), 3, "working_days", [(sh(2026, 2, 11, 9, 0), None)], calendar=cal)
    assert "pauses[0]: 2026-02-11 09:00 +08:00" in str(e.value)
    with pytest.raises(frontdesk.InvalidArgument):
        SlaClock.restore(sh(2026, 2, 12, 10, 0), 3, "working_days", [(1, 2, 3)], calendar=cal)
    with pytest.raises(frontdesk.ArgumentTypeError):
        frontdesk.core.fd_sla_restore(cal._handle(), 0, 1, 1, None, [1.5, 2])
    with pytest.raises(frontdesk.InvalidArgument):
        SlaClock.load("fd-sla 9", calendar=cal)
    for c in (clock, restored, loaded):
        c.close()


def test_policy_deadline_units_R_CPL_2(store, site):
    p = frontdesk.Policy()
    assert p.get_deadline("complaint.important.resolve_days") == (3, DeadlineUnit.CALENDAR_DAYS)
    p.set_deadline("complaint.important.resolve_days", 3, "working_days")
    assert p.format("complaint.important.resolve_days") == "3 working_days" and p.format("call.max_rings") == "3"
    with pytest.raises(frontdesk.InvalidArgument):
        p.set_deadline("call.max_rings", 3, "working_days")
    with pytest.raises(frontdesk.OutOfRange):
        p.set_deadline("complaint.major.escalate_days", 1, DeadlineUnit.SAME_DAY)
    actor = frontdesk.Actor(site, at=dt.datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    store.set_policy_deadline(actor, "complaint.important.resolve_days", 3, "working_days")
    assert store.policy(site).get_deadline("complaint.important.resolve_days") == (3, DeadlineUnit.WORKING_DAYS)


def test_store_greeting_takes_the_organisation_from_the_site_R_CALL_2(tmp_path):
    with frontdesk.Store(tmp_path / "g.db") as s:
        site = s.add_site(frontdesk.Actor(0, at=dt.datetime(2026, 1, 5, 9, 0)), "park", "某某产业园")
        assert s.greeting(site, "2026-03-07") == "您好，某某产业园，周末愉快！请问有什么可以帮您？"
