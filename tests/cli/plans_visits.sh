#!/usr/bin/env bash
# The plans module's visit plans and surveys (issue 15, item 7): visit-plan add, due,
# record, reassign, end, question, answer; survey new, answer, show, due; report plans
# --month with --json and --csv. A refused change prints the library's message and
# changes nothing.
# Usage: plans_visits.sh FRONTDESK TMPDIR
set -u
fd=$1
db="$2/cli-plans-visits.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"
py() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
export -f py
sql() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall())" "$db" "$1"; }

expect "init" 0 "created" -- "$fd" init "$db" --name 阳光花园 --code garden
expect "grants" 0 "gave" -- "$fd" grant give supervisor manage --site garden
expect "staff" 0 "added" -- "$fd" staff add F001 王小丽 --role clerk --site garden
expect "supervisor" 0 "added" -- "$fd" staff add S001 周主管 --role supervisor --as system --site garden
expect "visitor 1" 0 "added" -- "$fd" staff add K001 周专员 --role clerk --as system --site garden
expect "visitor 2" 0 "added" -- "$fd" staff add K002 吴𠮷专员 --role clerk --as system --site garden
export FRONTDESK_SITE=garden
expect "building" 0 "1" -- "$fd" building add 3 3号楼 --as S001
expect "unit" 0 "1" -- "$fd" unit add 3-1201 --building 3 --as S001
expect "owner" 0 "1" -- "$fd" occupant add 3-1201 王𠮷丽 --move-in 2020-01-01 --role owner --as S001
expect "owner 2" 0 "2" -- "$fd" occupant add 3-1201 陈先生 --move-in 2020-01-01 --role owner --as S001

# R-PLN-4: a weekly plan over the Spring Festival: 02-07 (a rest Saturday) moves to 02-09, 02-14 (调休) stays,
# 02-21 (the festival) moves to 02-24 at the same local time
expect "R_PLN_4 add (labels, full-width interval)" 0 "已建拜访计划 1.*02-09 10:00.*02-14 10:00.*02-24 10:00" -- bash -c \
  "\"$fd\" visit-plan add --occupant 1 --purpose '季度走访 𠮷' --recurrence 每周 --interval １ --first '2026-02-07 10:00' \
   --visitor K001 --until 2026-03-01 --as S001 --at '2026-02-01 09:00' | tr '\n' ' '"
expect "R_PLN_4 four appointments" 0 "^4$" -- bash -c "\"$fd\" visit-plan due --due 30d --json --at '2026-02-01 09:00' | py 'len(d)'"
expect "R_PLN_4 a bad recurrence: refused naming the list" 2 "recurrence" -- "$fd" visit-plan add --occupant 1 --purpose x \
  --recurrence fortnightly --first "2026-02-07 10:00" --visitor K001 --as S001
expect "R_PLN_4 an unknown visitor" 1 "FD_ENOTFOUND" -- "$fd" visit-plan add --occupant 1 --purpose x --recurrence weekly \
  --first "2026-02-07 10:00" --visitor K999 --as S001
expect "R_PLN_4 add needs --first" 2 "--first" -- "$fd" visit-plan add --occupant 1 --purpose x --recurrence weekly \
  --visitor K001 --as S001
expect "R_PLN_4 overdue at 02-10" 0 "#1 .*02-09 10:00" -- "$fd" visit-plan due --late --at "2026-02-10 09:00"
expect "R_PLN_4 --csv with its BOM" 0 $'^\xef\xbb\xbf' -- "$fd" visit-plan due --due 30d --csv --at "2026-02-01 09:00"
expect "R_PLN_4 --json and --csv: one" 2 "give one" -- "$fd" visit-plan due --json --csv
expect "R_PLN_4 record the first visit" 0 "已拜访.*电梯经常停运" -- "$fd" visit-plan record 1 --happened "2026-02-09 10:30" \
  --note 电梯经常停运 --as K001 --at "2026-02-09 11:00"
expect "R_PLN_4 recorded twice: refused naming the state" 1 "done" -- "$fd" visit-plan record 1 --as K001 --at "2026-02-09 11:05"
expect "R_PLN_4 nothing changed" 0 "^\[\('done', 'K001-went', '电梯经常停运'\)\]$" -- bash -c \
  "$(declare -f sql); db='$db'; sql \"SELECT state, (SELECT code FROM staff WHERE id = done_by) || '-went', said FROM planned_visits WHERE id = 1\""
expect "R_PLN_4 a question not answered on the spot: a reply task" 0 "问题 1（拜访 1，答复任务 1）" -- \
  "$fd" visit-plan question 1 停车费明年是否调整？ --as K001 --at "2026-02-09 11:00"
expect "R_PLN_4 answered later" 0 "答复：明年不调整" -- "$fd" visit-plan answer 1 明年不调整 --as S001 --at "2026-02-12 15:00"
expect "R_PLN_4 answered twice: refused" 1 "answered" -- "$fd" visit-plan answer 1 再答一次 --as S001 --at "2026-02-12 15:05"
expect "R_PLN_4 reassigned: the future visits go to K002" 0 "已改派.*#3 .*拜访人 4" -- bash -c \
  "\"$fd\" visit-plan reassign 1 --visitor K002 --as S001 --at '2026-02-20 09:00' | tr '\n' ' '"
expect "R_PLN_4 reassign needs --visitor" 2 "--visitor" -- "$fd" visit-plan reassign 1 --as S001
expect "R_PLN_4 ended: the future visits cancelled" 0 "已终止.*已取消" -- bash -c \
  "\"$fd\" visit-plan end 1 --as S001 --at '2026-02-25 09:00' | tr '\n' ' '"
expect "R_PLN_4 ended twice: refused" 1 "ended" -- "$fd" visit-plan end 1 --as S001 --at "2026-02-25 09:05"
expect "writes need --as" 2 "--as" -- "$fd" visit-plan end 1

# R-PLN-5: an owners' survey
expect "R_PLN_5 due now: none yet" 0 "2026-03-02" -- "$fd" survey due --at "2026-03-02 09:00"
expect "R_PLN_5 new" 0 "已发起意见征询 1（3 题）" -- "$fd" survey new --title 2026年度业主意见征询 --from 2026-03-01 \
  --to 2026-04-01 您对保安服务满意吗？ 您对保洁服务满意吗？ 其他建议 --as F001 --at "2026-03-02 09:00"
expect "R_PLN_5 next due a year on" 0 '"due":"2027-03-01"' -- "$fd" survey due --json --at "2026-03-02 09:00"
expect "R_PLN_5 answer" 0 "已记录答复" -- "$fd" survey answer 1 1 1 --score ５ --as F001 --at "2026-03-02 09:10"
expect "R_PLN_5 answer 2" 0 "已记录答复" -- "$fd" survey answer 1 2 1 --score 4 --as F001 --at "2026-03-02 09:20"
expect "R_PLN_5 answer text" 0 "已记录答复" -- "$fd" survey answer 1 1 3 --note 希望增加充电桩 --as F001 --at "2026-03-02 09:30"
expect "R_PLN_5 twice: refused" 1 "already" -- "$fd" survey answer 1 1 1 --score 3 --as F001 --at "2026-03-02 09:40"
expect "R_PLN_5 a score of 6: refused" 1 "score" -- "$fd" survey answer 1 2 2 --score 6 --as F001 --at "2026-03-02 09:40"
expect "R_PLN_5 after it closed: refused" 1 "2026-04-01" -- "$fd" survey answer 1 2 2 --score 3 --as F001 \
  --at "2026-04-01 09:00"
expect "R_PLN_5 results" 0 "1\. 您对保安服务满意吗？  答复 2，评分 2，平均 4\.50.*已征询 2 户，未征询 0 户" -- bash -c \
  "\"$fd\" survey show 1 | tr '\n' ' '"
expect "R_PLN_5 results --json" 0 "^\[450, None, None\]$" -- bash -c \
  "\"$fd\" survey show 1 --json | py '[q[\"mean_x100\"] for q in d[\"questions\"]]'"
expect "R_PLN_5 results --csv" 0 $'^\xef\xbb\xbf' -- "$fd" survey show 1 --csv

# R-PLN-5: the month report
expect "R_PLN_5 report plans (text)" 0 "2026-02" -- "$fd" report plans --month 2026-02 --at "2026-03-02 09:00"
expect "R_PLN_5 report plans --json: visits due 3 (one cancelled), done 1" 0 "^3 1 1$" -- bash -c \
  "\"$fd\" report plans --month 2026-02 --json --at '2026-03-02 09:00' | py \
   '\" \".join(str(r[i]) for r in [s for s in d[\"sections\"] if s[\"key\"]==\"plans.summary\"][0][\"tables\"][0][\"rows\"][:1] for i in (2, 3, 4))'"
expect "R_PLN_5 report plans --csv" 0 $'^\xef\xbb\xbf' -- "$fd" report plans --month 2026-02 --csv --lang en
expect "R_PLN_5 report plans needs --month" 2 "month" -- "$fd" report plans
expect "verify" 0 "chain intact" -- "$fd" verify
echo "cli plans_visits: $pass passed, $fail failed"
[ "$fail" = 0 ]
