#!/usr/bin/env bash
# The plans module's callbacks commands (issue 15, items 3, 4, 7): callback record, due,
# now, attempt, close, misses; specialist add, leave, list; assign add, list, rebalance,
# contact, misses; --json and --csv. A callback due at 12:30 is moved to 14:00 (the
# default lunch-time rest) and nobody is proposed or called in quiet hours (R-PLN-2).
# Usage: plans_callbacks.sh FRONTDESK TMPDIR
set -u
fd=$1
db="$2/cli-plans-callbacks.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"

expect "init" 0 "created" -- "$fd" init "$db" --name 阳光花园 --code garden
expect "grants" 0 "gave" -- "$fd" grant give supervisor manage --site garden
expect "staff" 0 "added" -- "$fd" staff add F001 王小丽 --role clerk --site garden
expect "supervisor" 0 "added" -- "$fd" staff add S001 周主管 --role supervisor --as system --site garden
for k in K001:林小美 K002:周大𠮷 K003:陈晓; do
  expect "specialist staff ${k%%:*}" 0 "added" -- "$fd" staff add "${k%%:*}" "${k#*:}" --role clerk --as system --site garden
done
export FRONTDESK_SITE=garden
day=2026-04-02 # a Thursday

# R-CALL-8: a call dropped at 12:25 owes a call-back; its callback is due 14:00, not in the lunch-time rest
expect "dropped call" 0 '"kind":"callback"' -- "$fd" call log --json --as F001 --number 13798765432 \
  --ring "$day 12:24:10" --answer "$day 12:24:15" --end "$day 12:25:00" --disposition dropped --category repair \
  --matter 漏水 --at "$day 12:26"
expect "R_CALL_8 record from the task: due 14:00" 0 '"due_at":"2026-04-02T14:00:00\+08:00"' -- \
  "$fd" callback record --task 1 --json --as F001 --at "$day 12:30"
expect "R_CALL_8 one callback a task" 1 "already" -- "$fd" callback record --task 1 --as F001 --at "$day 12:31"
expect "R_PLN_2 call now at 12:40: quiet hours, nobody" 0 "休息时间.*14:00" -- bash -c \
  "\"$fd\" callback now --at '$day 12:40' | tr '\n' ' ' | grep '（无）'"
expect "R_PLN_2 call now at 14:05" 0 '^\[\{"id":1,' -- "$fd" callback now --json --at "$day 14:05"
expect "R_PLN_2 an attempt placed in quiet hours is refused" 1 "quiet hours" -- "$fd" callback attempt 1 \
  --result busy --happened "$day 12:50" --as F001 --at "$day 14:05"
expect "R_PLN_2 nothing changed" 0 '"attempts":0' -- "$fd" callback now --json --at "$day 14:05"
expect "R_PLN_2 no answer keeps it open" 0 "已拨 1 次" -- "$fd" callback attempt 1 --result 無人接聽 --as F001 \
  --at "$day 14:05"
expect "R_PLN_2 done needs a satisfaction" 1 "satisfaction" -- "$fd" callback attempt 1 --result done --as F001 \
  --at "$day 14:30"
expect "R_PLN_2 done, unsatisfied: the script" 0 "话术.*抱歉" -- bash -c "\"$fd\" callback attempt 1 --result 已回访 \
  --satisfaction 不满意 --note 还在漏 --as F001 --at '$day 14:30' | tr '\n' ' '"
expect "R_PLN_2 a done callback refuses attempts, naming the state" 1 "done" -- "$fd" callback attempt 1 --result busy \
  --as F001 --at "$day 14:40"
expect "R_PLN_2 and close" 1 "done" -- "$fd" callback close 1 --reason 打不通 --as F001 --at "$day 14:40"

# R-PLN-2: member customers, 100 % get one; an agreed 12:30 is moved to 14:00
expect "R_PLN_2 member, agreed 12:30 → 14:00" 0 '"due_at":"2026-04-02T14:00:00\+08:00"' -- "$fd" callback record \
  --source 会员 --customer 王𠮷 --number "１３９ ８７６５ ４３２１" --member --agreed "$day 12:30" --json \
  --as F001 --at "$day 09:00"
expect "R_COM_2 the number masked" 0 '"number":"139\*\*\*\*4321"' -- "$fd" callback due --json --at "$day 13:00"
expect "member 2" 0 "已登记回访 3" -- "$fd" callback record --source member --customer 李四 --number 13912345678 \
  --member --as F001 --at "$day 09:10"
expect "R_PLN_2 close needs a reason" 2 "reason" -- "$fd" callback close 3 --as F001 --at "$day 10:00"
expect "R_PLN_2 closed unreached" 0 "已关闭" -- "$fd" callback close 3 --reason 号码停机 --as F001 --at "$day 10:00"
expect "R_PLN_2 overdue at 15:00" 0 '^\[2\]$' -- bash -c "\"$fd\" callback due --late --json --at '$day 15:00' | \
  python3 -c 'import json,sys; print([r[\"id\"] for r in json.load(sys.stdin)])'"
expect "due --due 4h" 0 "王" -- "$fd" callback due --due 4h --at "$day 11:00"
expect "due --due bad" 2 "hours or days" -- "$fd" callback due --due 4x
expect "due --csv has a BOM" 0 $'^\xef\xbb\xbf' -- "$fd" callback due --due 2d --csv --at "$day 11:00"
expect "due --json and --csv" 2 "give one" -- "$fd" callback due --json --csv
expect "R_PLN_2 member coverage not met" 0 "回访率 0%.*未达标" -- bash -c "\"$fd\" callback misses \
  --from '$day 00:00' --to '2026-04-03 00:00' --at '2026-04-03 10:00' | tr '\n' ' '"
expect "R_PLN_2 misses listed" 0 '^\[2, 3\]$' -- bash -c "\"$fd\" callback misses --from '$day 00:00' \
  --to '2026-04-03 00:00' --at '2026-04-03 10:00' --json | python3 -c 'import json,sys; print([r[\"id\"] for r in json.load(sys.stdin)])'"
expect "daily report: the callbacks section" 0 '"callbacks.summary"' -- "$fd" report daily --date $day --json \
  --at "$day 12:40"
expect "daily report: held in quiet hours now" 0 "14:00" -- "$fd" report daily --date $day --at "$day 12:40"

# R-PLN-3: specialists by level, customers balanced, a rebalance on join, one leaving
expect "R_PLN_3 adding a specialist needs the manage grant" 1 "manage|grant|permission" -- "$fd" specialist add K001 \
  --level 1 --as F001 --at "$day 09:00"
expect "R_PLN_3 specialist 1 (level 1)" 0 "已添加专员 1" -- "$fd" specialist add K001 --level 1 --as S001 --at "$day 09:00"
expect "R_PLN_3 specialist 2 (level 2)" 0 "已添加专员 2" -- "$fd" specialist add K002 --level 2 --as S001 --at "$day 09:00"
expect "specialist add needs --level" 2 "level" -- "$fd" specialist add K003 --as S001
for i in 1 2 3 4 5 6; do
  expect "org $i" 0 "" -- "$fd" org add "企业$i" --as F001
  expect "R_PLN_3 assign org $i (balanced)" 0 "已分配" -- "$fd" assign add --org $i --as F001 --at "$day 10:00"
done
expect "R_PLN_3 a customer once" 1 "assigned" -- "$fd" assign add --org 1 --as F001 --at "$day 10:00"
expect "assign add needs one customer" 2 "one customer" -- "$fd" assign add --org 1 --occupant 1 --as F001
expect "R_PLN_3 two to level 1, four to level 2" 0 '^\{1: 2, 2: 4\}$' -- bash -c "\"$fd\" assign list --json | \
  python3 -c 'import json,sys,collections; print(dict(sorted(collections.Counter(r[\"specialist_id\"] for r in json.load(sys.stdin)).items())))'"
expect "R_PLN_3 a level-1 joins" 0 "已添加专员 3" -- "$fd" specialist add K003 --level 1 --as S001 --at "$day 11:00"
expect "R_PLN_3 the proposal, before and after" 0 "调整建议：共调整 1 位客户.*专员 3（级别 1）：0 → 1" -- bash -c \
  "\"$fd\" assign rebalance --as F001 --at '$day 11:00' | tr '\n' ' '"
expect "R_PLN_3 applying needs the manage grant" 1 "" -- "$fd" assign rebalance --apply --as F001 --at "$day 11:00"
expect "R_PLN_3 applied" 0 '"applied":true,"moved":1' -- "$fd" assign rebalance --apply --json --as S001 --at "$day 11:00"
expect "R_PLN_3 one leaving: only their customers move" 0 '"id":1,"level":0,"before":2,"after":0' -- \
  "$fd" specialist leave 1 --apply --json --as S001 --at "2026-04-03 17:00"
expect "R_PLN_3 left" 0 "已离岗" -- "$fd" specialist list
expect "R_PLN_3 left twice" 1 "left" -- "$fd" specialist leave 1 --apply --as S001 --at "2026-04-03 17:10"
expect "specialist list --csv" 0 $'^\xef\xbb\xbf' -- "$fd" specialist list --csv
expect "R_PLN_3 six in force" 0 '^6$' -- bash -c "\"$fd\" assign list --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'"
expect "R_PLN_3 first contact" 0 "已联系" -- "$fd" assign contact 1 --as K002 --at "$day 15:00"
expect "R_PLN_3 contacted twice" 1 "contacted" -- "$fd" assign contact 1 --as K002 --at "$day 15:10"
expect "R_PLN_3 contact misses a month later" 0 "应联系" -- "$fd" assign misses --at "2026-05-06 10:00"
expect "assign misses --csv" 0 $'^\xef\xbb\xbf' -- "$fd" assign misses --csv --at "2026-05-06 10:00"
expect "writes need --as" 2 "" -- "$fd" callback attempt 2 --result busy
expect "unknown subcommand" 2 "" -- "$fd" callback frobnicate
expect "help" 0 "callback attempt ID" -- "$fd" callback --help
expect "verify" 0 "chain intact" -- "$fd" verify
echo "cli plans callbacks: $pass passed, $fail failed"
[ "$fail" = 0 ]
