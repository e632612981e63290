"""Find staff by pinyin, initials or Traditional characters, through the store's
search index (R-COM-1 records; names are search keys). Usage:
python3 pinyin_search.py DB_PATH [QUERY ...] (default queries: wxl, zhang, 單)"""
import datetime as dt
import os
import sys

import frontdesk
from frontdesk import Actor

NAMES = [("F001", "王小丽"), ("F002", "张伟"), ("F003", "单田芳"), ("F004", "李娜"), ("F005", "王晓明")]


def main(path, queries):
    if os.path.exists(path):
        os.remove(path)
    at = dt.datetime(2026, 11, 20, 8, 0)
    with frontdesk.Store(path) as store:
        with store.transaction():
            site = store.add_site(Actor(0, at=at), "park", "某某产业园")
            system = Actor(site, at=at)
            for code, name in NAMES:
                store.add_staff(system, code, name)
        for q in queries:
            found = [f"{s.code} {s.name}" for s in store.staff_list(system, search=q)]
            print(f"search {q!r}: {', '.join(found) or '(none)'}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(f"usage: {sys.argv[0]} DB_PATH [QUERY ...]")
    main(sys.argv[1], sys.argv[2:] or ["wxl", "zhang", "單"])
