"""Arguments the C API would misread are refused at the binding, naming the C
parameter (issue 8 item 4): a str with a NUL (C would see it cut short) or a
lone surrogate (it has no UTF-8), a float or a bool where C takes an integer, an
int outside the C type, a datetime where C takes a date."""

import datetime as dt

import pytest

import frontdesk
from frontdesk import core

UTC = dt.timezone.utc
NUL = "before\0after"
SURROGATE = "a\ud800b"

# One string argument per call, across modules: (call, C parameter name).
STRING_CALLS = [
    (lambda s: frontdesk.normalize(s), "s"),
    (lambda s: frontdesk.pinyin(s), "s"),
    (lambda s: frontdesk.matches("zs", s), "text"),
    (lambda s: frontdesk.matches(s, "张三"), "query"),
    (lambda s: frontdesk.sort_names(["张三", s]), r"items\[1\]"),
    (lambda s: frontdesk.money_parse(s), "text"),
    (lambda s: frontdesk.Calendar.from_text(s), "text"),
    (lambda s: frontdesk.Calendar(time_zone=s), "time_zone"),
    (lambda s: frontdesk.Calendar().greeting("2026-02-14", s), "org"),
    (lambda s: frontdesk.Policy().get(s), "key"),
    (lambda s: frontdesk.Policy().set(s, 5), "key"),
    (lambda s: frontdesk.describe_policy(s), "key"),
    (lambda s: frontdesk.parse_date(s), "text"),
]


@pytest.mark.parametrize("call,name", STRING_CALLS)
def test_str_with_nul_is_refused_not_truncated(call, name):
    with pytest.raises(frontdesk.InvalidArgument, match=f"^{name}: contains a NUL character$") as e:
        call(NUL)
    assert e.value.code == -1


@pytest.mark.parametrize("call,name", STRING_CALLS)
def test_str_with_lone_surrogate_is_refused_not_replaced(call, name):
    with pytest.raises(frontdesk.InvalidArgument,
                       match=f"^{name}: contains a lone surrogate \\(not valid UTF-16/Unicode\\)$"):
        call(SURROGATE)


@pytest.mark.parametrize("s", ["\udc00", "x\udbff", "\udfff\ud800"])
def test_every_unpaired_surrogate_is_refused(s):
    with pytest.raises(frontdesk.InvalidArgument, match="lone surrogate"):
        frontdesk.normalize(s)


def test_valid_text_still_passes_and_none_reaches_c():
    assert frontdesk.normalize("𠮷野家") == "𠮷野家"
    assert sorted(frontdesk.sort_names(["张三", "𠮷"])) == sorted(["张三", "𠮷"])
    # None is NULL for C to judge: the message is the library's, not the binding's.
    with pytest.raises(frontdesk.InvalidArgument, match="must not be NULL"):
        frontdesk.normalize(None)


def test_wrong_string_types_are_invalid_arguments_and_type_errors():
    for bad in (b"bytes", 12, ["a"]):
        with pytest.raises(frontdesk.ArgumentTypeError, match="^s: expected a str, got ") as e:
            frontdesk.normalize(bad)
        assert isinstance(e.value, frontdesk.InvalidArgument) and isinstance(e.value, TypeError)
    with pytest.raises(frontdesk.InvalidArgument, match=r"^items\[0\]: must not be None$"):
        frontdesk.sort_names([None])
    with pytest.raises(frontdesk.ArgumentTypeError, match=r"^items\[1\]: expected a str, got int$"):
        frontdesk.sort_names(["a", 1])


# One integer argument per call, across modules: (call, C parameter name).
INT_CALLS = [
    (lambda n: frontdesk.deadline(0, n, "clock_hours"), "amount"),
    (lambda n: frontdesk.SlaClock(0, n, "clock_hours"), "amount"),
    (lambda n: frontdesk.Calendar().add_working_days("2026-03-02", n), "n"),
    (lambda n: frontdesk.money_upper(n), "fen"),
    (lambda n: frontdesk.money_add(1, n), "b"),
    (lambda n: frontdesk.truncate("长沙银行", n), "width"),
    (lambda n: frontdesk.Policy().set("call.max_rings", n), "value"),
    (lambda n: frontdesk.status_name(n), "code"),
]


@pytest.mark.parametrize("call,name", INT_CALLS)
@pytest.mark.parametrize("value", [1.5, 2.0, True, False, None, "3"])
def test_non_int_is_refused_not_truncated(call, name, value):
    with pytest.raises(frontdesk.InvalidArgument, match=f"^{name}: expected an int, got ") as e:
        call(value)
    assert isinstance(e.value, TypeError)
    assert e.value.code == -1


@pytest.mark.parametrize("value", [1.5, True, "0"])
def test_instant_must_be_int_or_aware_datetime(value):
    with pytest.raises(frontdesk.ArgumentTypeError,
                       match="^start: expected an int \\(UTC seconds\\) or an aware datetime, got "):
        frontdesk.deadline(value, 1, "clock_hours")
    with pytest.raises(frontdesk.OutOfRange, match="^start: "):
        frontdesk.deadline(2**70, 1, "clock_hours")


def test_deadline_with_fractional_amount_is_refused_R_CPL_2():
    start = dt.datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    with pytest.raises(frontdesk.InvalidArgument, match="^amount: expected an int, got float$"):
        frontdesk.deadline(start, 1.5, "clock_hours")
    assert frontdesk.deadline(start, 1, "clock_hours") == start + dt.timedelta(hours=1)


def test_a_wrong_type_is_named_not_echoed_R_COM_2():
    """A phone number passed where an integer belongs must not appear in the message."""
    with pytest.raises(frontdesk.ArgumentTypeError) as e:
        frontdesk.deadline(dt.datetime(2026, 3, 2, 1, 0, tzinfo=UTC), "13800138000", "clock_hours")
    assert "13800138000" not in str(e.value)


@pytest.mark.parametrize("call,name", INT_CALLS)
@pytest.mark.parametrize("value", [2**70, -2**70])
def test_int_outside_the_c_type_is_out_of_range(call, name, value):
    with pytest.raises(frontdesk.OutOfRange, match=f"^{name}: {value} is outside ") as e:
        call(value)
    assert e.value.code == -4


def test_integer_ranges_follow_the_c_type():
    with pytest.raises(frontdesk.OutOfRange, match=r"^fen: 9223372036854775808 is outside -9223372036854775808\.\."):
        frontdesk.money_upper(2**63)
    assert frontdesk.money_upper(2**63 - 1).startswith("玖")
    with pytest.raises(frontdesk.OutOfRange, match=r"^width: 2147483648 is outside -2147483648\.\.2147483647$"):
        frontdesk.truncate("x", 2**31)
    with pytest.raises(frontdesk.OutOfRange, match=r"^index: -1 is outside 0\.\."):  # size_t
        core.fd_policy_key_at(core.fd_policy_key_info(), -1)
    with pytest.raises(frontdesk.OutOfRange, match=r"^version: -1 is outside 0\.\.4294967295$"):  # unsigned int
        core.fd_money_format_options_init(core.fd_money_format_options(), -1)


def test_int_like_objects_are_accepted():
    class Index:
        def __index__(self):
            return 150

    assert frontdesk.money_upper(Index()) == frontdesk.money_upper(150)
    assert frontdesk.deadline(0, 1, frontdesk.DeadlineUnit.CLOCK_HOURS) == frontdesk.deadline(0, 1, "clock_hours")
    with pytest.raises(frontdesk.InvalidArgument, match="^unit: expected a DeadlineUnit or its name, got True$"):
        frontdesk.deadline(0, 1, True)


# --- dates -------------------------------------------------------------------


def test_aware_datetime_is_converted_to_the_calendars_zone_not_truncated():
    with frontdesk.Calendar() as cal:  # Asia/Shanghai
        # 2026-02-23 17:00 UTC is Tuesday 2026-02-24 01:00 in Shanghai: a working day,
        # while 2026-02-23 is the last day of the Spring Festival holiday.
        assert cal.is_workday(dt.datetime(2026, 2, 23, 17, 0, tzinfo=UTC))
        assert not cal.is_workday(dt.date(2026, 2, 23))
        assert not cal.is_workday(dt.datetime(2026, 2, 22, 17, 0, tzinfo=UTC))  # 02-23 01:00 local
        assert cal.day_type(dt.datetime(2026, 2, 23, 15, 59, 59, tzinfo=UTC)) == frontdesk.DayType.HOLIDAY
        tokyo = dt.timezone(dt.timedelta(hours=9))
        assert cal.next_workday(dt.datetime(2026, 2, 24, 0, 30, tzinfo=tokyo)) == dt.date(2026, 2, 24)
        assert cal.working_days_between(dt.datetime(2026, 2, 23, 17, 0, tzinfo=UTC), "2026-02-25") == 1
        assert cal.holiday_name(dt.datetime(2026, 2, 22, 17, 0, tzinfo=UTC)) == "春节"
        cal.time_zone = "America/New_York"
        # 2026-02-24 03:00 UTC is 2026-02-23 22:00 in New York.
        assert not cal.is_workday(dt.datetime(2026, 2, 24, 3, 0, tzinfo=UTC))


def test_naive_datetime_is_local_time_already():
    with frontdesk.Calendar() as cal:
        assert not cal.is_workday(dt.datetime(2026, 2, 23, 17, 0))
        assert cal.is_workday(dt.datetime(2026, 2, 24, 1, 0))
        assert frontdesk.greeting(dt.datetime(2026, 9, 25, 9, 0), "某某物业", calendar=cal) == \
            frontdesk.greeting(dt.date(2026, 9, 25), "某某物业", calendar=cal)


def test_raw_date_parameter_refuses_a_datetime():
    with pytest.raises(frontdesk.InvalidArgument,
                       match="^date: expected a date, got a datetime; convert it in the site's zone$"):
        frontdesk.format_date(dt.datetime(2026, 2, 23, 17, 0, tzinfo=UTC))
    with pytest.raises(frontdesk.InvalidArgument, match="^date: expected a date, got a datetime"):
        core.fd_calendar_is_workday(frontdesk.default_calendar()._handle(), dt.datetime(2026, 2, 23))
    with pytest.raises(frontdesk.ArgumentTypeError, match="^date: expected a datetime.date or a 'YYYY-MM-DD' string"):
        frontdesk.format_date(20260214)
    with pytest.raises(frontdesk.InvalidArgument, match="^date: contains a NUL character$"):
        frontdesk.format_date("2026-02-14\0 and more")
    assert frontdesk.format_date(dt.date(2026, 2, 14)) == "2026-02-14"


def test_instants_floor_to_the_second():
    before_epoch = dt.datetime(1969, 12, 31, 23, 59, 59, 500000, tzinfo=UTC)
    assert frontdesk.deadline(before_epoch, 0, "clock_hours") == before_epoch.replace(microsecond=0)
    with pytest.raises(frontdesk.InvalidArgument, match="^at: naive datetime"):
        frontdesk.default_calendar().local_date(dt.datetime(2026, 1, 1))
