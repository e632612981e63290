"""Run by run.sh with only the installed tree on PYTHONPATH (no LD_LIBRARY_PATH)."""
import datetime as dt
import os
import sys

import frontdesk

prefix = os.path.realpath(sys.argv[1])
where = os.path.realpath(frontdesk.__file__)
assert where.startswith(prefix + os.sep), f"imported {where}, not from the installed tree {prefix}"
assert frontdesk.money_upper(1234) == "壹拾贰元叁角肆分"
with frontdesk.Store(sys.argv[2]) as s:
    site = s.add_site(frontdesk.Actor(0, at=dt.datetime(2026, 11, 20, 8, 0)), "park", "某某产业园")
    assert site > 0
print("installed python package: ok")
