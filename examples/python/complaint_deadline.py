"""When must a complaint be answered and resolved? The pure rules only: the
working calendar (holidays and make-up days) and the policy, no database
(R-CPL-2). Usage: python3 complaint_deadline.py [YYYY-MM-DDTHH:MM] (site-local,
Asia/Shanghai; default 2026-09-30T17:00, the eve of the National Day holiday)."""
import datetime as dt
import sys

import frontdesk

ZONE = "Asia/Shanghai"
STEPS = [  # (what, policy key, unit)
    ("major: first answer", "complaint.major.answer_days", "working_days"),
    ("major: resolved", "complaint.major.resolve_days", "working_days"),
    ("important: escalated", "complaint.important.escalate_minutes", "business_minutes"),
    ("important: resolved", "complaint.important.resolve_days", "working_days"),
    ("minor: resolved", "complaint.minor.resolve_days", "working_days"),
]


def main(received_local):
    policy = frontdesk.Policy()  # a site would load its own: Store.policy(site)
    received = frontdesk.instant_from_local(ZONE, received_local)
    print(f"complaint received {frontdesk.format_instant(ZONE, received)}")
    for what, key, unit in STEPS:
        due = frontdesk.deadline(received, policy[key], unit, policy=policy)
        print(f"  {what:22} {policy[key]:>3} {unit:16} -> {frontdesk.format_instant(ZONE, due)}")


if __name__ == "__main__":
    when = dt.datetime.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 else dt.datetime(2026, 9, 30, 17, 0)
    main(when)
