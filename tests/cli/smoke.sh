#!/usr/bin/env bash
# The frontdesk command as a desk uses it: actors, site-local times, masking with
# a logged reveal (R-COM-2), refusals with exit codes. Usage: smoke.sh FRONTDESK TMPDIR
set -u
fd=$1
dir=$2
db="$dir/cli-smoke.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"
expect "init" 0 "created" -- "$fd" init "$db" --name 某某产业园 --code park
expect "staff add by the system" 0 "added staff F001" -- "$fd" staff add F001 王小丽
expect "staff add as a clerk needs manage" 1 "holds no 'manage' grant" -- "$fd" staff add F002 李娜 --as F001
expect "supervisor" 0 "added" -- "$fd" staff add S001 周主管 --role supervisor
expect "grant reveal" 0 "gave supervisor: reveal" -- "$fd" grant give supervisor reveal
expect "journal add at site time" 0 '"journal_id"' -- "$fd" journal add call log --as F001 --at "2026-11-20 17:05" \
  --detail "业主来电 13912345678" --json
expect "listed masked with the site offset" 0 "2026-11-20T17:05:00\+08:00 .*139\*\*\*\*5678" -- "$fd" journal list --entity call
expect "a clerk cannot reveal" 1 "holds no 'reveal' grant" -- "$fd" journal list --as F001 --reveal 核对
expect "the supervisor reveals" 0 "13912345678" -- "$fd" journal list --entity call --as S001 --reveal 投诉核实
expect "the reveal is logged" 0 "journal #[0-9]+ .detail  投诉核实" -- "$fd" audit reveals
expect "numbers that do not fit are refused" 2 "fits in 64 bits" -- "$fd" journal add call log --id 99999999999999999999
expect "a bad --at is a usage error" 2 "--at must be" -- "$fd" journal add call log --at "2026-11-20 17:05 x"
expect "a forged line is escaped on output" 0 'a\\x0Ab' -- bash -c "\"$fd\" journal add note x --detail \"\$(printf 'a\nb')\" && \"$fd\" journal list --entity note"
expect "report daily, masked" 0 "139\*\*\*\*5678" -- "$fd" report daily --date 2026-11-20
expect "report daily in Chinese by default" 0 "按类别" -- "$fd" report daily --date 2026-11-20
expect "report daily --lang en" 0 "By kind" -- "$fd" report daily --date 2026-11-20 --lang en
expect "verify: the chain is intact" 0 "chain intact" -- "$fd" verify
expect "init on a database with a site refuses" 2 "already holds a site park; use --add-site" -- "$fd" init --name 二号 --code b2
expect "init --add-site adds one" 0 "with site b2" -- "$fd" init --name 二号 --code b2 --add-site
expect "several sites: the message lists them and names --site" 2 "name one with --site CODE: park .* b2" -- "$fd" journal list
expect "a usage error before the database is opened" 2 "usage: frontdesk report daily" -- "$fd" --db /nonexistent/x.db report weekly
expect "every write says what it did" 0 "call.max_rings = 4" -- "$fd" --site park policy set call.max_rings 4
expect "the database is private (0600)" 0 "^600$" -- stat -c %a "$db"
echo "cli smoke: $pass passed, $fail failed"
[ "$fail" = 0 ]
