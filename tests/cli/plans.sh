#!/usr/bin/env bash
# The plans module's repairs commands (issue 15, item 7): repair new, dispatch, accept,
# transfer, return, pause, resume, done, leak-test, close, show, list; followup due,
# record, misses; --json and --csv. A refused step prints the library's message
# (the state and the steps allowed) and changes nothing.
# Usage: plans.sh FRONTDESK TMPDIR
set -u
fd=$1
db="$2/cli-plans.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"

expect "init" 0 "created" -- "$fd" init "$db" --name 阳光花园 --code garden
expect "grants" 0 "gave" -- "$fd" grant give supervisor manage --site garden
expect "staff" 0 "added" -- "$fd" staff add F001 王小丽 --role clerk --site garden
expect "supervisor" 0 "added" -- "$fd" staff add S001 周主管 --role supervisor --as system --site garden
expect "tech 1" 0 "added" -- "$fd" staff add W001 李师傅 --role clerk --as system --site garden
expect "tech 2" 0 "added" -- "$fd" staff add W002 赵师傅 --role clerk --as system --site garden
export FRONTDESK_SITE=garden

# R-PLN-6: a work order, labels taken; the contact masked (R-COM-2)
expect "R_PLN_6 new (labels)" 0 "已登记报修 1" -- "$fd" repair new --received "2026-04-02 09:00" --channel 电话 \
  --category 渗漏 --address "3号楼1201 𠮷" --what 卫生间漏水到楼下 --customer 王女士 --contact 13800138000 \
  --skill plumbing --as F001 --at "2026-04-02 09:05"
expect "R_COM_2 the contact masked" 0 '"contact":"138\*\*\*\*8000"' -- "$fd" repair show 1 --json
expect "R_PLN_6 a step the state does not allow: refused naming it" 1 "received \(已受理\) allows dispatch" -- \
  "$fd" repair done 1 --as F001 --at "2026-04-02 09:10"
expect "R_PLN_6 nothing changed" 0 '"state":"received"' -- "$fd" repair show 1 --json
expect "R_PLN_6 dispatch to W001" 0 "已派单" -- "$fd" repair dispatch 1 --handler W001 --as F001 --at "2026-04-02 10:00"
expect "R_PLN_6 accept" 0 "已接单" -- "$fd" repair accept 1 --as W001 --at "2026-04-02 11:00"
expect "R_PLN_1 done Friday 17:00 before 清明节" 0 "已完工" -- "$fd" repair done 1 --as W001 --at "2026-04-03 17:00"
expect "R_PLN_1 no follow-up due before the leak test" 0 "（无）" -- "$fd" followup due --due 30d --at "2026-04-03 17:10"
expect "R_PLN_1 leak test" 0 "闭水试验" -- "$fd" repair leak-test 1 --as W001 --at "2026-04-03 17:30"
expect "R_PLN_1 due 04-09 17:30: three working days after the holiday" 0 '"due_at":"2026-04-09T17:30:00\+08:00"' -- \
  "$fd" followup due --due 7d --json --at "2026-04-07 09:00"
expect "R_PLN_1 not overdue yet" 0 "（无）" -- "$fd" followup due --late --at "2026-04-09 17:00"
expect "R_PLN_1 overdue after" 0 "到期 .*04-09 17:30" -- "$fd" followup due --late --at "2026-04-09 18:00"
expect "R_PLN_1 --csv with its BOM" 0 $'^\xef\xbb\xbf' -- "$fd" followup due --due 7d --csv --at "2026-04-07 09:00"
expect "R_PLN_1 record needs method and result" 2 "--method" -- "$fd" followup record 1 --as F001
expect "R_PLN_1 fixed needs a satisfaction" 1 "satisfaction" -- "$fd" followup record 1 --method 电话 --result fixed \
  --as F001 --at "2026-04-08 10:00"
expect "R_PLN_1 recorded" 0 "已回访" -- "$fd" followup record 1 --method 電話 --result fixed --satisfaction 满意 \
  --note 修得很好 --as F001 --at "2026-04-08 10:00"
expect "R_PLN_1 the order followed up" 0 '"state":"followed_up"' -- "$fd" repair show 1 --json
expect "R_PLN_1 twice: refused naming the state" 1 "已回访" -- "$fd" followup record 1 --method phone --result fixed \
  --satisfaction satisfied --as F001 --at "2026-04-08 10:05"
expect "R_PLN_6 close" 0 "已关单" -- "$fd" repair close 1 --as F001 --at "2026-04-08 10:10"

# R-PLN-6: transferred twice and returned; paused and resumed; closed undone
expect "new 2" 0 "已登记报修 2" -- "$fd" repair new --received "2026-04-08 09:00" --channel walk_in --category electrical \
  --address 地下车库B2照明 --what 灯不亮 --as F001 --at "2026-04-08 09:00"
expect "dispatch 2" 0 "" -- "$fd" repair dispatch 2 --handler W001 --as F001 --at "2026-04-08 09:10"
expect "transfer" 0 "" -- "$fd" repair transfer 2 --handler W002 --as F001 --at "2026-04-08 09:20"
expect "transfer back" 0 "" -- "$fd" repair transfer 2 --handler W001 --as F001 --at "2026-04-08 09:30"
expect "return needs a note" 1 "note" -- "$fd" repair return 2 --as F001 --at "2026-04-08 09:40"
expect "R_PLN_6 returned to the desk" 0 '"state":"received","handler_id":0' -- bash -c \
  "\"$fd\" repair return 2 --note 需外包 --json --as F001 --at '2026-04-08 09:45' | tr -d '\n' | grep -o '\"state\":\"received\",\"handler_id\":0' | head -1"
expect "R_PLN_6 events: two transfers" 0 "^2$" -- bash -c "\"$fd\" repair show 2 --json | python3 -c \
  'import json,sys; d=json.load(sys.stdin); print(sum(e[\"kind\"]==\"transfer\" for e in d[\"events\"]))'"
expect "dispatch again, accept, pause" 0 "" -- bash -c "\"$fd\" repair dispatch 2 --handler W002 --as F001 --at '2026-04-08 10:00' && \
  \"$fd\" repair accept 2 --as W002 --at '2026-04-08 10:10' && \"$fd\" repair pause 2 --note 等配件 --as W002 --at '2026-04-08 10:20'"
expect "R_PLN_6 paused" 0 "等待配件|暂停" -- "$fd" repair show 2
expect "resume" 0 "" -- "$fd" repair resume 2 --as W002 --at "2026-04-09 09:00"
expect "R_PLN_6 close undone with a reason" 0 '"undone":true' -- "$fd" repair close 2 --undone --note 业主取消 --json \
  --as F001 --at "2026-04-09 10:00"

# a plumbing repair done and never followed up: a miss
expect "new 3" 0 "" -- "$fd" repair new --received "2026-04-09 09:00" --channel phone --category 给排水 \
  --address 2号楼大堂 --what 水龙头坏 --as F001 --at "2026-04-09 09:00"
expect "dispatch, accept, done 3" 0 "" -- bash -c "\"$fd\" repair dispatch 3 --handler W001 --as F001 --at '2026-04-09 09:10' && \
  \"$fd\" repair accept 3 --as W001 --at '2026-04-09 09:20' && \"$fd\" repair done 3 --as W001 --at '2026-04-09 11:00'"
expect "R_PLN_1 misses: coverage and the miss" 0 "按时率 50%.*未达标" -- bash -c \
  "\"$fd\" followup misses --from '2026-04-01 00:00' --to '2026-04-20 00:00' --at '2026-04-20 10:00' | tr '\n' ' '"
expect "R_PLN_1 misses --json lists order 3" 0 "^\[3\]$" -- bash -c "\"$fd\" followup misses --from '2026-04-01 00:00' \
  --to '2026-04-20 00:00' --at '2026-04-20 10:00' --json | python3 -c 'import json,sys; print([r[\"id\"] for r in json.load(sys.stdin)])'"
expect "list --state" 0 "水龙头坏" -- "$fd" repair list --state 已完工
expect "list --csv has a BOM and a header" 0 $'^\xef\xbb\xbf' -- "$fd" repair list --csv
expect "list --json and --csv: one" 2 "give one" -- "$fd" repair list --json --csv
expect "writes need --as" 2 "" -- "$fd" repair accept 3
expect "daily report: the repairs section" 0 "repairs.summary" -- "$fd" report daily --date 2026-04-09 --json --at "2026-04-20 10:00"
expect "verify" 0 "chain intact" -- "$fd" verify
echo "cli plans: $pass passed, $fail failed"
[ "$fail" = 0 ]
