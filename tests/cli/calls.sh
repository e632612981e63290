#!/usr/bin/env bash
# The calls module's commands (issue 11): call log|list|show|tasks|done|import-cdr,
# message take|deliver|expire|list, dir add|find|presence, guest add|find|checkout.
# Usage: calls.sh FRONTDESK TMPDIR
set -u
fd=$1
db="$2/cli-calls.db"
data="$(cd "$(dirname "$0")/../data/cdr" && pwd)"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"
day=2026-11-20
expect "init" 0 "created" -- "$fd" init "$db" --name 某某产业园 --code park
expect "staff" 0 "added" -- "$fd" staff add F001 王小丽 --role clerk
expect "supervisor" 0 "added" -- "$fd" staff add S001 周主管 --role supervisor --as system
expect "grants" 0 "gave" -- "$fd" grant give supervisor manage --as system
expect "grants" 0 "gave" -- "$fd" grant give supervisor reveal --as system

# directory (R-CALL-5, R-CALL-12)
expect "dir add needs manage" 1 "FD_EPERM" -- "$fd" dir add 行政部 --kind department --ext 8001 --as F001
expect "dir add department" 0 "added directory entry 1|已加入通讯录 1" -- "$fd" dir add 行政部 --kind 部门 --ext 8001 --as S001
expect "dir add manager" 0 "2" -- "$fd" dir add 孙丽 --dept 市场部 --ext 8401 --number 13622223333 --as S001
expect "dir add leader" 0 "3" -- "$fd" dir add 陈志强 --dept 市场部 --title 市场总监 --ext 8400 --number 13812345678 --confidential --screen --manager 8401 --as S001
expect "extension taken" 1 "FD_ECONFLICT" -- "$fd" dir add 另一个 --ext 8400 --as S001
expect "find by pinyin" 0 "陈志强" -- "$fd" dir find czq --as F001
expect "leader's number masked" 0 "138\*\*\*\*5678" -- "$fd" dir find 陈志强 --as F001
expect "leader: confirm first (R-CALL-5)" 0 '"action":"confirm"' -- "$fd" dir find 陈志强 --json --as F001
expect "sales declined (R-CALL-12)" 0 '"action":"decline"' -- "$fd" dir find 陈志强 --caller-type 推销 --json --as F001
expect "customer to the manager (R-CALL-12)" 0 '"action":"route","route_entry":2' -- "$fd" dir find 陈志强 --caller-type customer --json --as F001
expect "find by extension" 0 "孙丽" -- "$fd" dir find 8401 --as F001
expect "presence out" 0 "" -- "$fd" dir presence 8401 out --until "$day 18:00" --at "$day 09:00" --as F001
expect "out: offer a message (R-CALL-6)" 0 '"action":"message"' -- "$fd" dir find 孙丽 --json --at "$day 10:00" --as F001
expect "back after until" 0 '"action":"transfer"' -- "$fd" dir find 孙丽 --json --at "$day 18:30" --as F001

# calls (R-CALL-1, R-CALL-3, R-CALL-4, R-CALL-7, R-CALL-8, R-CALL-9)
expect "on time" 0 '"rings":2,"late":false' -- "$fd" call log --json --as F001 --number 13800138000 --caller 周先生 --ring "$day 08:41:05" --answer "$day 08:41:11" --end "$day 08:42:40" --category 咨询 --matter 会议室预订 --read-back --at "$day 08:43"
expect "late needs the apology" 1 "call.apology" -- "$fd" call log --as F001 --number 13800138000 --ring "$day 09:00:00" --answer "$day 09:00:21" --category inquiry --matter 停车 --at "$day 09:01"
expect "late with the apology" 0 '"rings":5,"late":true,"apology":"given"' -- "$fd" call log --json --as F001 --number 13800138000 --ring "$day 09:00:00" --answer "$day 09:00:21" --end "$day 09:02:00" --category inquiry --matter 停车 --apology 已致歉 --at "$day 09:02"
expect "answer before ring" 1 "call.answer_at" -- "$fd" call log --as F001 --number 13800138000 --ring "$day 09:10:00" --answer "$day 09:09:00" --category inquiry --matter x
expect "bad number, not echoed" 1 "call.caller_number" -- "$fd" call log --as F001 --number 1380013800099 --ring "$day 09:10:00"
expect "wrong number needs nothing else (R-CALL-7)" 0 "" -- "$fd" call log --as F001 --ring "$day 09:20:00" --answer "$day 09:20:04" --end "$day 09:20:14" --category 错拨 --at "$day 09:21"
expect "private call over 3 min (R-CALL-4)" 0 '"over_limit":true' -- "$fd" call log --json --as F001 --number 13911112222 --ring "$day 12:00:00" --answer "$day 12:00:04" --end "$day 12:04:30" --category private --at "$day 12:05"
expect "dropped: call-back at once (R-CALL-8)" 0 '"kind":"callback"' -- "$fd" call log --json --as F001 --number 13798765432 --ring "$day 13:00:00" --answer "$day 13:00:05" --end "$day 13:00:40" --disposition dropped --category repair --matter 漏水 --at "$day 13:01"
expect "unresolved: reply in 2 working days (R-CALL-9)" 0 '"kind":"reply","due_at":"2026-11-24' -- "$fd" call log --json --as F001 --number 075583339999 --ring "$day 15:00:00" --answer "$day 15:00:05" --end "$day 15:02:00" --category inquiry --matter 租金调整 --unresolved --at "$day 15:03"
expect "list the day" 0 "周先生" -- "$fd" call list --date $day --as F001
expect "numbers masked" 0 "138\*\*\*\*8000" -- "$fd" call list --date $day --as F001
expect "late only" 0 "停车" -- "$fd" call list --date $day --late --as F001
expect "by number needs the reveal grant" 1 "FD_EPERM" -- "$fd" call list --number "138 0013 8000" --as F001
expect "by number, revealed" 0 "13800138000" -- "$fd" call list --number "138 0013 8000" --as S001 --reveal "回访核对"
expect "show" 0 "会议室预订" -- "$fd" call show 1 --as F001
expect "open tasks" 0 "回拨|callback" -- "$fd" call tasks --as F001 --at "$day 16:00"
expect "done needs the outcome" 2 "outcome" -- "$fd" call done 1 --as F001
expect "task done" 0 "done|已完成" -- "$fd" call done 1 --outcome 已回拨，约明早上门 --as F001 --at "$day 13:10"
expect "done twice" 1 "FD_ESTATE" -- "$fd" call done 1 --outcome again --as F001 --at "$day 13:20"

# messages (R-CALL-6)
expect "message must be confirmed" 1 "message.confirmed" -- "$fd" message take --ext 8400 --from 郑先生 --body 请回电 --as F001 --at "$day 10:06"
expect "take" 0 "1" -- "$fd" message take --ext 8400 --from 郑先生 --number 13522446688 --body 请回电 --confirmed --as F001 --at "$day 10:06"
expect "undelivered, overdue after 30 min" 0 '"state":"taken","overdue":true' -- "$fd" message list --json --as F001 --at "$day 10:40"
expect "deliver" 0 "" -- "$fd" message deliver 1 --how 当面 --as F001 --at "$day 10:45"
expect "deliver twice" 1 "FD_ESTATE" -- "$fd" message deliver 1 --how phone --as F001 --at "$day 10:46"
expect "none undelivered" 0 '^\[\]$' -- "$fd" message list --json --as F001 --at "$day 11:00"

# hotel guests (R-CALL-11)
expect "guest add" 0 "1" -- "$fd" guest add 王芳 --room 1208 --arrival $day --departure 2026-11-22 --as F001 --at "$day 14:00"
expect "incognito guest" 0 "2" -- "$fd" guest add 林先生 --room 1510 --arrival $day --departure 2026-11-21 --incognito --as F001 --at "$day 14:05"
expect "in house" 0 '"answer":"in_house"' -- "$fd" guest find 王芳 --json --as F001 --at "$day 15:00"
expect "by pinyin and room" 0 '"answer":"in_house"' -- "$fd" guest find wangfang --room 1208 --json --as F001 --at "$day 15:00"
expect "incognito: no such guest" 0 '"answer":"none"' -- "$fd" guest find 林先生 --json --as F001 --at "$day 15:00"
expect "not yet arrived" 0 '"answer":"not_arrived"' -- "$fd" guest find 王芳 --json --as F001 --at "2026-11-19 15:00"
expect "checkout" 0 "" -- "$fd" guest checkout 1 --as F001 --at "2026-11-21 11:00"
expect "checked out" 0 '"answer":"checked_out"' -- "$fd" guest find 王芳 --json --as F001 --at "2026-11-21 15:00"

# CDR import: idempotent, bad lines listed with their numbers, nothing half-imported
expect "import" 0 "" -- "$fd" call import-cdr "$data/asterisk_master.csv" --dialect asterisk_csv --source pbx1 --as F001
expect "again: all already there" 0 '"imported":0,' -- "$fd" call import-cdr "$data/asterisk_master.csv" --dialect asterisk_csv --source pbx1 --json --as F001
expect "bad dialect" 1 "dialect" -- "$fd" call import-cdr "$data/asterisk_master.csv" --dialect nope --source pbx1 --as F001
expect "missing file" 1 "FD_EIO" -- "$fd" call import-cdr /nonexistent.csv --dialect asterisk_csv --source pbx1 --as F001
expect "usage" 2 "call has no subcommand 'frob'" -- "$fd" call frob
expect "report has the calls section" 0 "来电汇总" -- "$fd" report daily --date $day --as F001
expect "verify" 0 "chain intact" -- "$fd" verify
echo "cli calls: $pass passed, $fail failed"
[ "$fail" = 0 ]
