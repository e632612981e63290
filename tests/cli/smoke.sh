#!/usr/bin/env bash
# The frontdesk command as a desk uses it: actors named with --as (R-COM-1),
# site-local times, masking with a logged reveal (R-COM-2), refusals with exit
# codes, help for every command. Usage: smoke.sh FRONTDESK TMPDIR
set -u
fd=$1
dir=$2
db="$dir/cli-smoke.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"
expect "init" 0 "created" -- "$fd" init "$db" --name 某某产业园 --code park
# R-COM-1: every change names who does it (--as); a site with no staff yet is set up without
expect "R-COM-1 bootstrap: policy set before any staff" 0 "call.max_rings = 4" -- "$fd" policy set call.max_rings 4
expect "R-COM-1 bootstrap: grant give before any staff" 0 "gave supervisor: reveal" -- "$fd" grant give supervisor reveal
expect "R-COM-1 bootstrap: the first member of staff" 0 "added staff F001" -- "$fd" staff add F001 王小丽
expect "R-COM-1 then staff add needs --as" 2 "staff add changes the site's records: name who does it with --as STAFF" -- \
  "$fd" staff add S001 周主管 --role supervisor
expect "R-COM-1 ... and grant give" 2 "with --as STAFF" -- "$fd" grant give supervisor manage
expect "R-COM-1 ... and policy set" 2 "with --as STAFF" -- "$fd" policy set call.max_rings 5
expect "R-COM-1 ... and every other write" 2 "journal add changes .* --as STAFF" -- "$fd" journal add call log
expect "R-COM-1 ... changed nothing" 0 '^4$' -- "$fd" policy get call.max_rings
expect "R-COM-1 a read needs no --as" 0 "F001" -- "$fd" staff list
expect "R-COM-1 a reveal is logged: it needs --as" 2 "--reveal is logged .* --as STAFF" -- "$fd" staff list --reveal 核对
expect "staff add as a clerk needs manage" 1 "holds no 'manage' grant" -- "$fd" staff add F002 李娜 --as F001
expect "R-COM-1 --as system, said explicitly" 0 "added" -- "$fd" staff add S001 周主管 --role supervisor --as system
expect "R-COM-1 ... journaled as the system" 0 '"entity":"staff","entity_id":2,"action":"add"' -- bash -c \
  "\"$fd\" journal list --entity staff --json | grep -o '\"staff_id\":0,\"entity\":\"staff\",\"entity_id\":2,\"action\":\"add\"'"
expect "R-COM-1 an unknown member of staff" 1 "FD_ENOTFOUND" -- "$fd" journal add call log --as X999
expect "journal add at site time" 0 '"journal_id"' -- "$fd" journal add call log --as F001 --at "2026-11-20 17:05" \
  --detail "业主来电 13912345678" --json
expect "listed masked with the site offset" 0 "2026-11-20T17:05:00\+08:00 .*139\*\*\*\*5678" -- "$fd" journal list --entity call
expect "a clerk cannot reveal" 1 "holds no 'reveal' grant" -- "$fd" journal list --as F001 --reveal 核对
expect "R-COM-2 the journal keeps numbers masked: a reveal shows them masked" 0 "139\*\*\*\*5678" -- \
  "$fd" journal list --entity call --as S001 --reveal 投诉核实
expect "R-COM-2 the supervisor may manage" 0 "gave supervisor: manage" -- "$fd" grant give supervisor manage --as system
expect "R-COM-2 names masked by the site's policy" 0 "pii.mask_names = 1" -- "$fd" policy set pii.mask_names 1 --as S001
expect "R-COM-2 the supervisor reveals a name" 0 "王小丽" -- "$fd" staff list --as S001 --reveal 核对排班
expect "R-COM-2 the reveal is logged" 0 "staff #[0-9]+ .name  核对排班" -- "$fd" audit reveals
expect "numbers that do not fit are refused" 2 "fits in 64 bits" -- "$fd" journal add call log --id 99999999999999999999 --as F001
expect "a bad --at is a usage error" 2 "--at must be" -- "$fd" journal add call log --at "2026-11-20 17:05 x" --as F001
# one reading of every time: what --json prints, '/' dates, other offsets, full-width digits, a time alone
expect "--at as --json prints it (an offset)" 0 '"at":"2026-11-20T17:06:00\+08:00"' -- bash -c "\"$fd\" journal add t a --as F001 \
  --at 2026-11-20T17:06:00+08:00 >/dev/null && \"$fd\" journal list --entity t --json"
expect "--at with '/' in the date" 0 '"at":"2026-11-20T17:07:00\+08:00"' -- bash -c "\"$fd\" journal add t b --as F001 \
  --at '2026/11/20 17:07' >/dev/null && \"$fd\" journal list --entity t --json"
expect "--at in another offset" 0 '"at":"2026-11-20T17:08:00\+08:00"' -- bash -c "\"$fd\" journal add t c --as F001 \
  --at 2026-11-20T09:08Z >/dev/null && \"$fd\" journal list --entity t --json"
expect "--at with full-width digits" 0 '"at":"2026-11-20T17:09:00\+08:00"' -- bash -c "\"$fd\" journal add t d --as F001 \
  --at '２０２６-１１-２０ １７：０９' >/dev/null && \"$fd\" journal list --entity t --json"
expect "--at a time alone is today" 0 "\"at\":\"$(TZ=Asia/Shanghai date +%F)T06:30:00\\+08:00\"" -- bash -c "\"$fd\" journal add t e --as F001 \
  --at 06:30 >/dev/null && \"$fd\" journal list --entity t --json"
expect "--at: no such date" 2 "--at: no such date: 2026-11-31 \(2026-11 has no day 31\)" -- "$fd" journal add t x --at "2026-11-31 10:00" --as F001
expect "--at: no such time" 2 "--at: no such time of day" -- "$fd" journal add t x --at "2026-11-30 24:00" --as F001
expect "--at: a date needs its time" 2 "--at needs the time of day too" -- "$fd" journal add t x --at 2026-11-30 --as F001
expect "--date: no such date" 2 "--date: no such date" -- "$fd" journal list --date 2026-02-29
expect "--date with '/'" 0 '"action":"a"' -- "$fd" journal list --entity t --date 2026/11/20 --json
expect "a forged line is escaped on output" 0 'a\\x0Ab' -- bash -c "\"$fd\" journal add note x --as F001 --detail \"\$(printf 'a\nb')\" && \"$fd\" journal list --entity note"
expect "report daily, masked" 0 "139\*\*\*\*5678" -- "$fd" report daily --date 2026-11-20
expect "report daily in Chinese by default" 0 "按类别" -- "$fd" report daily --date 2026-11-20
expect "report daily --lang en" 0 "By kind" -- "$fd" report daily --date 2026-11-20 --lang en
expect "verify: the chain is intact" 0 "chain intact" -- "$fd" verify
expect "init on a database with a site refuses" 2 "already holds a site park; use --add-site" -- "$fd" init --name 二号 --code b2
expect "init --add-site adds one" 0 "with site b2" -- "$fd" init --name 二号 --code b2 --add-site
expect "several sites: the message lists them and names --site" 2 "name one with --site CODE: park .* b2" -- "$fd" journal list
expect "a usage error before the database is opened" 2 "report has no subcommand 'weekly'" -- "$fd" --db /nonexistent/x.db report weekly
expect "every write says what it did" 0 "call.max_rings = 4" -- "$fd" --site park policy set call.max_rings 4 --as system
# R-CPL-2: a deadline key takes its unit from the command line too (a site counting working days)
expect "R-CPL-2 policy set a deadline with its unit" 0 "complaint.major.resolve_days = 10 working_days" -- \
  "$fd" --site park policy set complaint.major.resolve_days 10 working_days --as system
expect "R-CPL-2 ... policy get says the unit" 0 "^10 working_days$" -- "$fd" --site park policy get complaint.major.resolve_days
expect "R-CPL-2 ... a unit the key does not take" 1 "FD_EINVAL" -- \
  "$fd" --site park policy set complaint.major.resolve_days 10 clock_hours --as system
expect "R-CPL-2 ... not a unit" 2 "UNIT must be a calendar unit" -- \
  "$fd" --site park policy set complaint.major.resolve_days 10 fortnights --as system

# help: every command group lists its subcommands; a subcommand's --help its usage (before any database)
for g in init site staff journal grant audit policy report verify calendar call message dir guest building unit occupant \
  org find resident dept employee visitor blocklist card custody permit prep slips; do
  expect "$g --help" 0 "^  frontdesk $g" -- "$fd" --db /nonexistent/x.db $g --help
done
for g in site staff journal grant audit policy report calendar call message dir guest building unit occupant org dept \
  employee visitor blocklist card custody permit prep slips; do
  expect "$g: an unknown subcommand says so" 2 "$g has no subcommand 'frob'; its subcommands:" -- "$fd" --db /nonexistent/x.db $g frob
  expect "$g: without a subcommand" 2 "$g needs a subcommand" -- "$fd" --db /nonexistent/x.db $g
done
expect "visitor: a typo lists the subcommands" 2 "frontdesk visitor checkout ID" -- "$fd" visitor regster x
expect "visitor register --help: its usage" 0 "^  frontdesk visitor register NAME --purpose TEXT" -- "$fd" visitor register --help
expect "visitor register --help --lang en" 0 "^usage:" -- "$fd" visitor register --help --lang en
expect "help visitor" 0 "frontdesk visitor onsite" -- "$fd" help visitor
expect "a wrong shape gives the subcommand's usage" 2 "^  frontdesk card count KIND start\|end" -- "$fd" card count visitor_card
expect "an option given no value names it" 2 "--phone needs a value" -- "$fd" visitor register 某 --phone --purpose x
expect "an option at the end without its value" 2 "--purpose needs a value" -- "$fd" visitor register 某 --purpose
expect "--help says --as (zh)" 0 "凡改动数据的命令都须写明操作人" -- "$fd" --help
expect "--help says --as (en)" 0 "Every command\s+that changes data needs it" -- bash -c "\"$fd\" --help --lang en | tr -s ' \n' ' '"
expect "the database is private (0600)" 0 "^600$" -- stat -c %a "$db"
echo "cli smoke: $pass passed, $fail failed"
[ "$fail" = 0 ]
