#!/usr/bin/env bash
# The property register's commands (issue 12, item 1): building, unit, occupant,
# org, find and the R-VIS-5 resident check. Usage: property.sh FRONTDESK TMPDIR
set -u
fd=$1
db="$2/cli-property.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"
expect "init" 0 "created" -- "$fd" init "$db" --name 某某产业园 --code park
expect "staff" 0 "added" -- "$fd" staff add F001 王小丽 --role clerk
expect "supervisor" 0 "added" -- "$fd" staff add S001 周主管 --role supervisor --as system
expect "grants" 0 "gave" -- "$fd" grant give supervisor manage --as system
expect "building needs manage" 1 "FD_EPERM" -- "$fd" building add 3 3号楼 --as F001
expect "building" 0 "1" -- "$fd" building add 3号楼 3号楼 --as S001
expect "unit as typed, canonical" 0 '"unit_id":1' -- "$fd" unit add 3栋1201室 --building 3号楼 --area 89.5 --json --as S001
expect "unit full-width" 0 '"unit_id":2' -- "$fd" unit add ３－１０２ --building 3 --json --as S001
expect "unit taken" 1 "FD_ECONFLICT" -- "$fd" unit add 3-1201 --building 3 --as S001
expect "bad area" 2 "area" -- "$fd" unit add 3-1203 --building 3 --area 89.555 --as S001
expect "unit find as typed" 0 '"number":"3-1201"' -- "$fd" unit find "3号楼 1201" --json --as F001
expect "natural order" 0 '3-102.*3-1201' -- "$fd" unit list --json --as F001
expect "occupant" 0 "1" -- "$fd" occupant add 3-1201 张三 --role owner --number 13812345678 --move-in 2024-05-01 --as F001
expect "move-in required" 2 "move-in" -- "$fd" occupant add 3-1201 李四 --as F001
# codes as labels (fd_property_code_parse), shown as labels in Chinese output
expect "unit add --help lists --use" 0 "--use residential\|office\|shop\|other" -- "$fd" unit add --help
expect "--use as a label" 0 '"unit_id":3' -- "$fd" unit add 3-1203 --building 3 --use 办公 --json --as S001
expect "--use: a label that is none" 2 "--use: .*use" -- "$fd" unit add 3-1204 --building 3 --use 仓库 --as S001
expect "... changed nothing" 1 "FD_ENOTFOUND" -- "$fd" unit find 3-1204
expect "units list the use's label" 0 "3-1203 .* 办公" -- "$fd" unit list
expect "... the code in JSON" 0 '"number":"3-1203","floor":"12","use":"office"' -- "$fd" unit list --json
expect "--role as a label" 0 '"occupant_id":2' -- "$fd" occupant add 3-1201 张小三 --role 住户 --move-in 2024/05/01 --json --as F001
expect "--role: a label that is none" 2 "--role: .*role" -- "$fd" occupant add 3-1201 张四 --role 房东 --move-in 2024-05-01 --as F001
expect "find shows the roles' labels (zh)" 0 "住户 +2 +张小三 .* 住户$" -- "$fd" find 张小三
expect "find shows the owner's label (zh)" 0 "住户 +1 +张三 .* 业主$" -- "$fd" find 张三
expect "find shows codes (en)" 0 "occupant +2 +张小三 .* resident$" -- "$fd" find 张小三 --lang en
expect "move-out of the second" 0 "2026-11-30" -- "$fd" occupant move-out ２ 2026/11/30 --as F001
expect "find by pinyin, phone masked" 0 '"name":"张三".*"phone":"138\*\*\*\*5678".*"unit":"3-1201"' -- "$fd" find zs --json --as F001
expect "find by Traditional input" 0 "张三" -- "$fd" occupant find 張三 --as F001
expect "resident by phone" 0 '"answer":"yes".*"unit":"3-1201".*"basis":"phone"' -- "$fd" resident "138 1234 5678" --json --as F001
expect "resident by homophone: possible" 0 '"answer":"possible"' -- "$fd" resident 章三 --json --as F001
expect "not a resident" 0 '"answer":"no"' -- "$fd" resident 李四 --json --as F001
expect "move out" 0 "moved out|迁出" -- "$fd" occupant move-out 1 2026-12-01 --as F001
expect "move-out twice" 1 "FD_ESTATE" -- "$fd" occupant move-out 1 2026-12-02 --as F001
expect "after moving out: no" 0 '"answer":"no"' -- "$fd" resident 张三 --date 2026-12-05 --json --as F001
expect "org" 0 "1" -- "$fd" org add 长沙某某科技有限公司 --unit 3-102 --number 0731-84451234 --as F001
expect "org find by initials" 0 "长沙某某科技有限公司" -- "$fd" org find cs --as F001
expect "usage" 2 "unit has no subcommand 'frob'" -- "$fd" unit frob
echo "cli property: $pass passed, $fail failed"
[ "$fail" = 0 ]
