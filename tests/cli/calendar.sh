#!/usr/bin/env bash
# `frontdesk calendar status` (issue 10): the holiday data's version and coverage,
# what days past it are (calendar.beyond_data), and the warning within 60 days
# of its end. Usage: calendar.sh FRONTDESK TMPDIR
set -u
fd=$1
db="$2/cli-calendar.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"
expect "init" 0 "created" -- "$fd" init "$db" --name 某某产业园 --code park
expect "coverage and version" 0 "holiday data  CN-2026.1 \(CN\), 2024-01-01..2026-12-31" -- "$fd" calendar status --at "2026-10-01 09:00"
expect "provisional years" 0 "past the data provisional until 2036-12-31" -- "$fd" calendar status --at "2026-10-01 09:00"
expect "no warning 91 days ahead" 0 '"warning":""' -- "$fd" calendar status --json --at "2026-10-01 09:00"
expect "warning 27 days ahead" 0 "warning +holiday data CN-2026.1 ends 2026-12-31, in 27 days: load the official 2027 schedule" -- "$fd" calendar status --at "2026-12-04 09:00"
expect "policy: refuse past the data" 0 "" -- "$fd" policy set calendar.beyond_data 2
expect "refused past the data" 0 "past the data refused" -- "$fd" calendar status --at "2026-12-04 09:00"
expect "json says so" 0 '"beyond_data":"refused","provisional":false,"provisional_until":null' -- "$fd" calendar status --json
expect "usage" 2 "calendar has no subcommand 'stats'" -- "$fd" calendar stats
echo "cli calendar: $pass passed, $fail failed"
[ "$fail" = 0 ]
