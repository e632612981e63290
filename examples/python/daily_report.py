"""A day at the front desk, then its daily report (R-COM-4): the smallest complete
Python use of the store. Usage: python3 daily_report.py DB_PATH"""
import datetime as dt
import os
import sys

import frontdesk
from frontdesk import Actor

DAY = dt.date(2026, 11, 20)
ENTRIES = [  # site-local time, entity, action, detail
    (dt.time(8, 25), "shift", "takeover", "早班接班：访客卡 20 张"),
    (dt.time(9, 12), "call", "log", "张先生来电报修 13800138000"),
    (dt.time(10, 3), "visitor", "register", "李女士来访 3 号楼"),
    (dt.time(17, 30), "shift", "handover", "访客卡 20 张，在库 18 张"),
]


def main(path):
    if os.path.exists(path):
        os.remove(path)
    morning = dt.datetime.combine(DAY, dt.time(8, 0))  # naive = the site's local time
    with frontdesk.Store(path) as store:
        with store.transaction():  # committed together, or not at all
            site = store.add_site(Actor(0, at=morning), "park", "某某产业园")
            system = Actor(site, at=morning)
            clerk = store.add_staff(system, "F001", "王小丽")
            for t, entity, action, detail in ENTRIES:
                store.journal_add(Actor(site, clerk, at=dt.datetime.combine(DAY, t)), entity, action, detail=detail)
        with store.daily_report(Actor(site, clerk, at=dt.datetime.combine(DAY, dt.time(18, 0))), DAY) as report:
            print(report.text())
            print(f"daily report {DAY}: {report.total} entries")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} DB_PATH")
    main(sys.argv[1])
