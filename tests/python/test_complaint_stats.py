"""Monthly statistics of complaints from Python (issue 13, item 6; R-CPL-6): working time on the calendar,
the pure accumulator over a hand-computed month, and the store's month of the site's local days."""
import datetime as dt

import pytest

import frontdesk as fd

SH = dt.timezone(dt.timedelta(hours=8))
DAY = dt.timedelta(days=1)


def sh(m, d, h, mi=0):
    return dt.datetime(2026, m, d, h, mi, tzinfo=SH)


def test_working_seconds_count_business_hours_of_working_days_R_CPL_6():
    cal = fd.Calendar()
    assert cal.working_seconds_between(sh(10, 15, 9), sh(10, 15, 14)) == 3 * 3600 + 1800  # lunch left out
    assert cal.working_seconds_between(sh(10, 16, 16, 30), sh(10, 19, 9, 30)) == 7200    # a weekend
    assert cal.working_seconds_between(sh(9, 30, 17), sh(10, 8, 9)) == 3600              # 国庆节
    assert cal.working_seconds_between(sh(10, 10, 0), sh(10, 11, 0)) == 27000            # the 调休 Saturday
    assert cal.working_seconds_between(sh(10, 19, 9, 30), sh(10, 16, 16, 30)) == -7200
    assert cal.day_start(dt.date(2026, 10, 31)) == sh(10, 31, 0)


def _c(severity, category, validity, received, accepted=None, reopened=0, satisfaction=None, department=0):
    return fd.Complaint(severity=severity, category=category, validity=validity, received_at=received,
                        accepted_at=accepted, reopened=reopened, satisfaction=satisfaction,
                        department_id=department, state="registered")


def test_a_hand_computed_month_R_CPL_6():
    acc = fd.ComplaintStatsAccumulator(fd.Calendar(), 2026, 10)
    acc.add(_c("important", "repair", "valid", sh(10, 15, 9), sh(10, 15, 14, 30), satisfaction="satisfied",
               department=5), resolved_in_time=True)
    acc.add(_c("minor", "cleaning", "valid", sh(10, 16, 16, 30), sh(10, 19, 9, 30), satisfaction="average",
               department=5), resolved_in_time=True)
    acc.add(_c("major", "security", "valid", sh(10, 1, 10), sh(10, 9, 17, 30), department=7))
    acc.add(_c("minor", "repair", "valid", sh(10, 20, 9), reopened=2, satisfaction="unsatisfied"))
    acc.add(_c("minor", "noise", "invalid", sh(10, 21, 9)))
    acc.add(_c("major", "repair", None, sh(10, 31, 23, 30)))  # 15:30 UTC: October at the site
    with pytest.raises(fd.OutOfRange, match="received_at"):
        acc.add(_c("major", "repair", None, sh(11, 1, 0, 30)))  # still 10-31 in UTC: November at the site
    s = acc.result()
    assert (s.year, s.month, s.start, s.end) == (2026, 10, sh(10, 1, 0), sh(11, 1, 0))
    assert (s.received, s.valid, s.invalid, s.unassessed, s.resolved, s.resolved_in_time) == (6, 4, 1, 1, 3, 2)
    assert s.resolved_in_time_share == pytest.approx(2 / 3)
    assert (s.resolve_median_s, s.resolve_p90_s) == (14400, 54000)  # of 7200, 14400, 54000
    assert (s.reopened, s.reopens, s.followed_up, s.satisfied) == (1, 2, 3, 1)
    assert s.satisfied_share == pytest.approx(1 / 3)
    assert [r.key for r in s.by_severity] == ["major", "important", "minor"]
    assert s.by_severity[0] == fd.ComplaintStatsRow("major", 0, 2, 1, 0, 0.0, 54000, 54000)
    assert (s.by_validity[1].resolve_median_s, s.by_validity[1].resolve_p90_s) == (None, None)
    assert s.by_validity[1].resolved_in_time_share is None
    assert [(r.key, r.count) for r in s.by_category] == [("repair", 3), ("cleaning", 1), ("noise", 1),
                                                         ("security", 1)]
    assert [(r.key, r.department_id, r.count) for r in s.by_department] == [("unassigned", 0, 3), ("5", 5, 2),
                                                                            ("7", 7, 1)]
    acc.close()


def test_the_stores_month_of_another_site_and_an_empty_month_R_CPL_6(store):
    site = store.add_site(fd.Actor(0, at=sh(9, 1, 9)), "park", "某某产业园")
    other = store.add_site(fd.Actor(0, at=sh(9, 1, 9)), "hotel", "某某酒店")
    clerk = store.add_staff(fd.Actor(site, at=sh(9, 1, 9)), "F001", "王前台", "clerk")
    other_clerk = store.add_staff(fd.Actor(other, at=sh(9, 1, 9)), "H001", "李前台", "clerk")
    for s, who, at in ((site, clerk, sh(10, 31, 23, 30)), (site, clerk, sh(11, 1, 0, 30)),
                       (other, other_clerk, sh(10, 15, 9))):
        fd.add_complaint(store, fd.Actor(s, who, at=at), received_at=at, channel="phone", category="repair",
                         severity="major", what="电梯困人")
    stats = fd.complaint_stats(store, fd.Actor(site, clerk, at=sh(11, 2, 9)), 2026, 10)
    assert stats.received == 1 and stats.unassessed == 1 and stats.open == 1
    assert stats.by_severity[0].count == 1
    empty = fd.complaint_stats(store, fd.Actor(site, clerk, at=sh(11, 2, 9)), 2026, 12)
    assert empty.received == 0
    assert empty.resolve_median_s is None and empty.reopen_share is None and empty.satisfied_share is None
    with pytest.raises(fd.OutOfRange, match="month"):
        fd.complaint_stats(store, fd.Actor(site, clerk, at=sh(11, 2, 9)), 2026, 13)


def test_the_month_report_R_CPL_6(store):
    site = store.add_site(fd.Actor(0, at=sh(9, 1, 9)), "park", "某某产业园")
    clerk = store.add_staff(fd.Actor(site, at=sh(9, 1, 9)), "F001", "王前台", "clerk")
    for severity, category in (("major", "repair"), ("minor", "cleaning"), ("minor", "repair")):
        fd.add_complaint(store, fd.Actor(site, clerk, at=sh(10, 20, 9)), received_at=sh(10, 20, 9), channel="phone",
                         category=category, severity=severity, what="电梯困人", contact="13800138000")
    actor = fd.Actor(site, clerk, at=sh(11, 2, 9))
    r = fd.complaints_month_report(store, actor, 2026, 10, language="en")
    assert isinstance(r, fd.Report) and r.key == "complaints.month"
    meta = {m.key: m.value for m in r.meta}
    assert (meta["month"], meta["total"], meta["provisional"], meta["time_zone"]) == ("2026-10", "3", "no",
                                                                                      "Asia/Shanghai")
    assert [s.key for s in r.sections] == ["complaints.summary", "complaints.by_severity", "complaints.by_category",
                                           "complaints.by_department", "complaints.by_validity",
                                           "complaints.satisfaction"]
    # key, label, count, resolved, within target, share, median, p90: nothing resolved, so no share nor times
    assert r.section("complaints.by_severity").tables[0].rows == [
        ["major", "Major", 1, 0, 0, None, None, None], ["important", "Important", 0, 0, 0, None, None, None],
        ["minor", "Minor", 2, 0, 0, None, None, None]]
    assert r.section("complaints.by_category").tables[0].rows[0][:3] == ["repair", "维修", 2]
    assert r.section("complaints.by_department").tables[0].rows[0][:3] == ["unassigned", "unassigned", 3]
    summary = {row[0]: row[2:] for row in r.section("complaints.summary").tables[0].rows}
    assert summary["unassessed"] == [3, 10000] and summary["resolve_median_s"] == [None, None]
    assert "13800138000" not in r.text() + r.json() + r.csv()
    assert r.csv().startswith("\ufeff")
    zh = fd.complaints_month_report(store, actor, 2026, 10)
    assert zh.title == "投诉月报" and zh.section("complaints.by_severity").tables[0].rows[0][1] == "重大"
    with pytest.raises(fd.OutOfRange, match="fd_report_complaints_month_new: month"):
        fd.complaints_month_report(store, actor, 2026, 13)
    with pytest.raises(fd.InvalidArgument, match="language"):
        fd.complaints_month_report(store, actor, 2026, 10, language="fr")
