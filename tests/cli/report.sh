#!/usr/bin/env bash
# The report command (issue 13, items 5 and 6): report complaints --month (R-CPL-6)
# and report daily with its complaints section (R-COM-4), as text, --json and --csv.
# Usage: report.sh FRONTDESK TMPDIR
set -u
fd=$1
db="$2/cli-report.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"
day=2026-10-20
P=(--site park)

expect "init" 0 "created" -- "$fd" init "$db" --name 某某产业园 --code park
expect "staff" 0 "added" -- "$fd" staff add F001 王小丽 --role clerk --site park
expect "complaint 1" 0 "已登记投诉 1" -- "$fd" complaint new --received "$day 09:00" --channel 电话 --severity 重要 \
  --category 维修 --what "A座2号电梯异响" --customer 吴女士 --contact 13800138000 --as F001 --at "$day 09:10" "${P[@]}"
expect "complaint 2" 0 "已登记投诉 2" -- "$fd" complaint new --received "$day 10:00" --channel 电话 --severity 轻微 \
  --category 保洁 --what 大堂地面湿滑 --as F001 --at "$day 10:05" "${P[@]}"
expect "complaint 2 invalid" 0 "投诉 2" -- "$fd" complaint assess 2 --invalid --note 已向客户解释 --as F001 --at "$day 10:30" "${P[@]}"

# R-CPL-6: the month report in text, JSON and CSV
expect "R_CPL_6 text has the sections" 0 "投诉汇总.*按严重程度.*按类别.*按责任部门.*按有效性.*回访满意度" -- \
  bash -c "\"$fd\" report complaints --month 2026-10 --site park | tr '\n' ' '"
expect "R_CPL_6 text counts the month" 0 "受理总数: 2" -- "$fd" report complaints --month 2026-10 "${P[@]}"
expect "R_CPL_6 --lang en" 0 "Complaints month report" -- "$fd" report complaints --month 2026-10 --lang en "${P[@]}"
expect "R_CPL_6 --json parses with the keys" 0 \
  "^complaints.month 2026-10 complaints.summary,complaints.by_severity,complaints.by_category,complaints.by_department,complaints.by_validity,complaints.satisfaction 2$" -- \
  bash -c "\"$fd\" report complaints --month 2026-10 --json --site park | python3 -c 'import json,sys; d=json.load(sys.stdin); \
m={x[\"key\"]: x[\"value\"] for x in d[\"meta\"]}; print(d[\"key\"], m[\"month\"], \",\".join(s[\"key\"] for s in d[\"sections\"]), m[\"total\"])'"
expect "R_CPL_6 --json: a share of nothing is null" 0 "^None$" -- \
  bash -c "\"$fd\" report complaints --month 2026-10 --json --site park | python3 -c 'import json,sys; d=json.load(sys.stdin); \
s=[x for x in d[\"sections\"] if x[\"key\"] == \"complaints.by_severity\"][0]; print(s[\"tables\"][0][\"rows\"][0][5])'"
expect "R_CPL_6 --csv starts with the BOM, CRLF lines" 0 "^bom crlf$" -- \
  bash -c "\"$fd\" report complaints --month 2026-10 --csv --site park | python3 -c 'import sys; b=sys.stdin.buffer.read(); \
print(\"bom\" if b.startswith(b\"\\xef\\xbb\\xbf\") else \"no-bom\", \"crlf\" if b.count(b\"\\r\\n\") == b.count(b\"\\n\") > 5 else \"lf\")'"
expect "R_CPL_6 --csv names the blocks" 0 "complaints.by_department/rows" -- "$fd" report complaints --month 2026-10 --csv "${P[@]}"
expect "R_CPL_6 an empty month" 0 "受理总数: 0" -- "$fd" report complaints --month 2026-02 "${P[@]}"
expect "bad month names --month" 2 "--month: '2026-13' is not a month" -- "$fd" report complaints --month 2026-13 "${P[@]}"
expect "bad month shape" 2 "--month: '2026/10' is not a month" -- "$fd" report complaints --month 2026/10 "${P[@]}"
expect "month needed" 2 "--month YYYY-MM is required" -- "$fd" report complaints "${P[@]}"
expect "one format" 2 "--json and --csv" -- "$fd" report complaints --month 2026-10 --json --csv "${P[@]}"
expect "a year outside the calendar" 1 "FD_ERANGE" -- "$fd" report complaints --month 2500-01 "${P[@]}"
expect "report --help lists complaints" 0 "report complaints --month YYYY-MM" -- "$fd" report --help
expect "R_COM_2 the report never shows the number" 1 "" -- bash -c "{ \"$fd\" report complaints --month 2026-10 --site park; \
  \"$fd\" report daily --date $day --site park; } 2>&1 | grep -q 13800138000"

# the daily report: --csv too
expect "daily --csv" 0 "^bom$" -- bash -c "\"$fd\" report daily --date $day --csv --site park | python3 -c 'import sys; \
print(\"bom\" if sys.stdin.buffer.read().startswith(b\"\\xef\\xbb\\xbf\") else \"no\")'"

echo "report.sh: $pass passed, $fail failed"
[ "$fail" = 0 ]
