"""Repairs (issue 15, plans part 1) from Python: codes, the lifecycle, the follow-up's due (R-PLN-1) and the
store's work orders, follow-ups and coverage (R-PLN-6)."""
import datetime as dt

import pytest

import frontdesk as fd

CST = dt.timezone(dt.timedelta(hours=8))
APR2 = dt.datetime(2026, 4, 2, 9, 0, tzinfo=CST)


def test_R_COM_5_plan_codes_take_labels_traditional_and_full_width():
    assert fd.plan_code_label("category", "leak") == "渗漏"
    assert fd.plan_code_parse("repair_step", "閉水試驗") == "leak_test"
    assert fd.plan_code_parse("category", "ＳＡＦＥＴＹ") == "safety"
    with pytest.raises(fd.InvalidArgument, match="leak 渗漏"):
        fd.plan_code_parse("category", "lift")


def test_R_PLN_6_steps_and_refusals_name_the_state():
    assert fd.repair_steps_allowed("已受理") == ["dispatch", "close_undone"]
    r = fd.Repair(received_at=APR2, channel="电话", category="渗漏", address="3号楼1201", what="漏水",
                  state="received")
    assert fd.check_repair_step(r, "派单", handler_id=5) == "dispatched"
    with pytest.raises(fd.InvalidState, match="received"):
        fd.check_repair_step(r, "done")
    assert fd.pick_repair_handler("轮流", [30, 10, 20], last_assigned=20) == 30
    assert fd.pick_repair_handler("least_open", [30, 10], [4, 1]) == 10
    assert fd.repair_assignment_code(0) == "desk"


def test_R_PLN_1_leak_followup_counts_from_the_leak_test():
    r = fd.Repair(received_at=APR2, channel="phone", category="leak", address="3号楼1201", what="漏水",
                  state="done", done_at=dt.datetime(2026, 4, 3, 17, 0, tzinfo=CST),
                  leak_tested_at=dt.datetime(2026, 4, 3, 17, 30, tzinfo=CST))
    p = fd.followup_due(r, fd.default_calendar())
    assert p.policy_key == "followup.leak_repair_days"
    # working days by default: 04-07, 04-08, 04-09 after 清明节 (04-04..06), at the end of business
    assert p.due_at == int(dt.datetime(2026, 4, 9, 17, 30, tzinfo=CST).timestamp())
    policy = fd.Policy()
    policy.set_deadline("followup.leak_repair_days", 3, "calendar_days")
    # in calendar days 3 days end on 04-06 (清明节): rolled to 04-07, the first working day
    p = fd.followup_due(r, fd.default_calendar(), policy)
    assert p.due_at == int(dt.datetime(2026, 4, 7, 23, 59, 59, tzinfo=CST).timestamp())
    fd.check_followup_outcome("電話", "fixed", "满意")
    with pytest.raises(fd.InvalidArgument, match="satisfaction"):
        fd.check_followup_outcome("phone", "fixed")
