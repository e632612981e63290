#!/usr/bin/env bash
# The visitors module's commands (issue 12, item 8): visitor register|answer|checkin|
# checkout|admit|refuse|explain|cancel|list|show|onsite|shift|purge, blocklist
# add|lift|check|list, card add|issue|return|lost|found|count|explain|list, custody
# add|notify|collect|return|hand-on|list, permit add|approve|refuse|check|list, prep
# add|done|list, slips status|handover; and the hosts' dept add and employee add.
# Bad input is refused naming the field, and changes nothing.
# Usage: visitors.sh FRONTDESK TMPDIR
set -u
unset FRONTDESK_KEY_FILE
fd=$1
db="$2/cli-visitors.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"
day=2026-11-20
# valid resident ID numbers (GB 11643 check characters), one born in 2030
id1=430102198503151236
id2=440305199007078814
future=110101203001010014

expect "init" 0 "created" -- "$fd" init "$db" --name 某某产业园 --code park
expect "grants" 0 "gave" -- "$fd" grant give supervisor manage
expect "grants" 0 "gave" -- "$fd" grant give supervisor reveal
expect "staff" 0 "added" -- "$fd" staff add F001 王小丽 --role clerk
expect "staff 2" 0 "added" -- "$fd" staff add F002 李娜 --role clerk --as system
expect "supervisor" 0 "added" -- "$fd" staff add S001 周主管 --role supervisor --as system
expect "building" 0 "1" -- "$fd" building add A A座 --as S001
expect "unit" 0 "1" -- "$fd" unit add A座5F-01 --building A --use office --as S001
expect "building 2" 0 "2" -- "$fd" building add 3 3号楼 --as S001
expect "unit 2" 0 "2" -- "$fd" unit add 3-1201 --building 3 --as S001
expect "org" 0 "1" -- "$fd" org add 长沙某某科技有限公司 --unit A-5F-01 --as F001
expect "occupant" 0 "1" -- "$fd" occupant add 3-1201 刘建国 --number 13912345678 --move-in 2023-06-01 --as F001

# hosts: departments and employees of an organisation (R-VIS-1)
expect "dept add" 0 '"department_id":1' -- "$fd" dept add 1 行政部 --json --as F001
expect "dept of no org" 1 "FD_ENOTFOUND.*organisation_id" -- "$fd" dept add 9 行政部 --as F001
expect "employee add" 0 '"employee_id":1' -- "$fd" employee add 1 张经理 --dept 1 --title 行政经理 --number 13900001111 --json --as F001
expect "employee: ORG is an id" 2 "ORG" -- "$fd" employee add 长沙 张经理 --as F001

# R-VIS-1, R-VIS-3: register; the slip numbered without gaps; phone masked, plate canonical, ID masked
expect "R-VIS-1 register walk-in" 0 '"visit_id":1,"slip_no":1,"state":"waiting","previous_visits":0,"blocklist":\{"answer":"none"' -- \
  "$fd" visitor register 赵强 --host-employee 1 --purpose 商务洽谈 --org 某某公司 --phone "138 1234 5678" --plate 湘a·12345 \
  --id-type 身份证 --id-number "$id1" --json --as F001 --at "$day 09:00"
expect "R-VIS-1 register text (zh)" 0 "已登记来访 2：登记单号 2，等候" -- "$fd" visitor register 钱多多 --host-occupant 1 \
  --purpose 探亲 --party ２人 --as F001 --at "$day 09:10"
expect "R-VIS-1 register text (en)" 0 "registered visit 3: slip 3, waiting" -- "$fd" visitor register 孙立 --host 前台 \
  --purpose 面试 --lang en --as F001 --at "$day 09:15"
expect "R-COM-2 shown masked, never whole" 0 '"phone":"138\*\*\*\*5678".*"plate":"湘A12345".*"id_type":"id_card","id_masked":"430102\*\*\*\*\*\*\*\*1236"' -- \
  "$fd" visitor show 1 --json --as F001
expect "R-COM-2 the number never printed" 0 "430102\*{8}1236" -- "$fd" visitor list --as F001
expect "R-VIS-1 the host derived: department and organisation" 0 '"host_employee":1,"host_department":1,"host_organisation":1' -- \
  "$fd" visitor show 1 --json --as F001
expect "R-VIS-1 the host by name" 0 "长沙某某科技有限公司 行政部 张经理" -- "$fd" visitor list --as F001
expect "R-VIS-1 purpose needed" 2 "needs --purpose" -- "$fd" visitor register 无事由 --host 前台 --as F001
expect "R-VIS-1 a host needed" 1 "visit.host" -- "$fd" visitor register 无被访人 --purpose x --as F001
expect "R-VIS-1 a party as typed (２人)" 0 '"party_size":2' -- "$fd" visitor show 2 --json --as F001
expect "R-VIS-1 a party of 0: the library's range" 1 "visit.party_size.*1\.\.999" -- "$fd" visitor register 某 --host 前台 --purpose x --party 0 --as F001
expect "R-VIS-1 a party not a number: the same range" 2 "--party: visit.party_size: .*1\.\.999" -- "$fd" visitor register 某 --host 前台 --purpose x --party 两 --as F001
expect "R-VIS-1 a bad plate, not echoed" 1 "visit.plate" -- "$fd" visitor register 某 --host 前台 --purpose x --plate 京I12345 --as F001
expect "id type and number together" 2 "--id-type and --id-number" -- "$fd" visitor register 某 --host 前台 --purpose x --id-number "$id1" --as F001
expect "id type unknown" 2 "--id-type.*id_type" -- "$fd" visitor register 某 --host 前台 --purpose x --id-type 驾照 --id-number 1 --as F001
expect "R-COM-2 a passport number in the ID-card field" 1 "FD_EINVAL.*id.number" -- "$fd" visitor register 某 --host 前台 --purpose x \
  --id-type 身份证 --id-number E12345678 --as F001 --at "$day 09:20"
expect "R-COM-2 an ID card number given as a passport" 1 "id.number.*choose the type id_card" -- "$fd" visitor register 某 --host 前台 \
  --purpose x --id-type passport --id-number "$id1" --as F001 --at "$day 09:20"
expect "R-COM-2 an ID with a future birth date" 1 "id.number: birth date" -- "$fd" visitor register 某 --host 前台 --purpose x \
  --id-type 身份证 --id-number "$future" --as F001 --at "$day 09:20"
expect "R-COM-2 the refused number not echoed" 1 "110101\*+0014" -- "$fd" visitor register 某 --host 前台 --purpose x \
  --id-type 身份证 --id-number "$future" --as F001 --at "$day 09:20"
expect "R-VIS-3 refusals took no slip" 0 "已登记来访 4：登记单号 4" -- "$fd" visitor register 周敏 --host 前台 --purpose 送文件 \
  --id-type passport --id-number "e1234 5678" --as F001 --at "$day 09:25"
expect "R-COM-2 a passport masked" 0 '"id_type":"passport","id_masked":"E\*+678"' -- "$fd" visitor show 4 --json --as F001
expect "R-COM-2 a repeat visitor by the keyed hash" 0 '"previous_visits":1' -- "$fd" visitor register 赵强 --host-employee 1 \
  --purpose 签合同 --id-type id_card --id-number "$id1" --json --as F001 --at "$day 09:30"

# R-VIS-2: the host's answer
expect "R-VIS-2 answer bring_up" 0 '"id":1,.*"state":"on_site".*"answer":"bring_up"' -- "$fd" visitor answer 1 带上楼 --json --as F001 --at "$day 09:02"
expect "R-VIS-2 answered once" 1 "FD_ESTATE" -- "$fd" visitor answer 1 lobby --as F001 --at "$day 09:03"
expect "R-VIS-2 answer lobby" 0 "在访" -- "$fd" visitor answer 2 lobby --as F001 --at "$day 09:12"
expect "R-VIS-2 an unknown answer" 2 "answer" -- "$fd" visitor answer 3 maybe --as F001
expect "R-VIS-2 decline: leaves now" 0 '"state":"declined".*"departed_at":"2026-11-20T09:17' -- "$fd" visitor answer 3 decline --note 不在 --json --as F001 --at "$day 09:17"
expect "R-VIS-2 answer lobby 4" 0 "" -- "$fd" visitor answer 4 lobby --as F001 --at "$day 09:26"
expect "R-VIS-2 answer lobby 5" 0 "" -- "$fd" visitor answer 5 lobby --as F001 --at "$day 09:31"

# pre-registration, check-in, check-out (R-COM-4)
expect "pre-registered: expected (times as --json prints them, or with '/')" 0 '"state":"expected"' -- "$fd" visitor register 吴工 \
  --host-org 1 --host 张经理 --purpose 设备维修 --expected "${day}T14:00:00+08:00" --until "2026/11/20 15:00" --json --as F001 --at "$day 08:30"
expect "... read as the site's times" 0 '"planned_from":"2026-11-20T14:00:00\+08:00","planned_until":"2026-11-20T15:00:00\+08:00"' -- \
  "$fd" visitor show 6 --json --as F001
expect "a time option: no such date" 2 "--until: no such date: 2026-11-31" -- "$fd" visitor register 某 --host 前台 --purpose x \
  --expected "$day 14:00" --until "2026-11-31 10:00" --as F001
expect "R-COM-4 a checkout before check-in" 1 "FD_ESTATE.*visit.arrived_at" -- "$fd" visitor checkout 6 --as F001 --at "$day 13:00"
expect "R-COM-4 ... changed nothing" 0 '"state":"expected".*"arrived_at":null,"departed_at":null' -- "$fd" visitor show 6 --json --as F001
expect "check-in" 0 '"state":"waiting","id_type"|"state":"waiting"' -- "$fd" visitor checkin 6 --json --as F001 --at "$day 14:05"
expect "check-in twice" 1 "FD_ESTATE" -- "$fd" visitor checkin 6 --as F001 --at "$day 14:06"
expect "R-COM-4 left_at before the check-in" 1 "FD_EINVAL.*left_at" -- "$fd" visitor checkout 2 --left-at "$day 09:00" --as F001 --at "$day 10:00"
expect "R-COM-4 left_at in the future" 1 "left_at" -- "$fd" visitor checkout 2 --left-at "$day 11:00" --as F001 --at "$day 10:00"
expect "bad time names the option" 2 "--left-at" -- "$fd" visitor checkout 2 --left-at 明天 --as F001
expect "R-COM-4 checkout noted later" 0 '"state":"left".*"departed_at":"2026-11-20T09:50' -- "$fd" visitor checkout 2 --left-at 09:50 \
  --note 门岗确认 --json --as F001 --at "$day 10:00"
expect "R-COM-4 the event keeps both times" 0 "实际 11-20 09:50" -- "$fd" visitor show 2 --as F001
expect "R-COM-4 checkout twice" 1 "visit.departed_at" -- "$fd" visitor checkout 2 --as F001 --at "$day 10:05"
expect "ids as typed, full-width" 0 "已离开" -- "$fd" visitor show ２ --as F001
expect "id not a number" 2 "positive whole number" -- "$fd" visitor show 二 --as F001
expect "cancel needs a note" 2 "needs --note" -- "$fd" visitor cancel 6 --as F001
expect "cancel a visit that came" 1 "FD_ESTATE" -- "$fd" visitor cancel 6 --note 取消 --as F001 --at "$day 14:10"
expect "no such visit" 1 "FD_ENOTFOUND" -- "$fd" visitor checkin 99 --as F001
expect "cancel a no-show" 0 '"state":"cancelled"' -- bash -c "\"$fd\" visitor register 郑某 --host 前台 --purpose 参观 --expected '$day 16:00' \
  --as F001 --at '$day 08:40' >/dev/null && \"$fd\" visitor cancel 7 --note 对方改期 --json --as F001 --at '$day 12:00'"
expect "list by state, label accepted" 0 "吴工" -- "$fd" visitor list --state 等候 --as F001
expect "list the day" 0 '^\[\{"id":1,' -- "$fd" visitor list --date $day --json --as F001
expect "list another day" 0 '^\[\]$' -- "$fd" visitor list --date 2026-11-21 --json --as F001
expect "bad date" 2 "--date" -- "$fd" visitor list --date 2026-13-01 --as F001

# the blocklist (R-VIS-1): matched without showing what it holds
expect "R-VIS-1 blocklist add needs manage" 1 "FD_EPERM" -- "$fd" blocklist add 孙某 --level limited --reason x --as F001
expect "R-VIS-1 blocklist add needs a level" 2 "needs --level" -- "$fd" blocklist add 孙某 --reason x --as S001
expect "R-VIS-1 blocklist add by phone" 0 "已加入黑名单 1（限制）" -- "$fd" blocklist add 孙某 --level 限制 \
  --reason "冒充快递员进入园区，留下电话 13700001111" --phone 13700001111 --as S001 --at "$day 08:00"
expect "R-VIS-1 blocklist add by ID" 0 '"entry_id":2,"level":"forbidden"' -- "$fd" blocklist add --level forbidden --reason 盗窃 \
  --id-type 身份证 --id-number "$id2" --json --as S001 --at "$day 08:00"
expect "R-VIS-1 a bad level" 2 "--level" -- "$fd" blocklist add 某 --level 严重 --reason x --as S001
expect "R-VIS-1 list: masked" 0 "137\*\*\*\*1111.*冒充.*137\*\*\*\*1111" -- "$fd" blocklist list --as F001
expect "R-VIS-1 check by name, Traditional" 0 '"answer":"match","matches":1,"level":"limited","basis":"name","reason":"冒充快递员进入园区，留下电话 137\*\*\*\*1111"' -- \
  "$fd" blocklist check 孫某 --json --as F001 --at "$day 09:00"
expect "R-VIS-1 never a substring" 0 '"answer":"none"' -- "$fd" blocklist check 孙某某 --json --as F001 --at "$day 09:00"
expect "R-VIS-1 pinyin only possible" 0 '"answer":"possible"' -- "$fd" blocklist check 孙谋 --json --as F001 --at "$day 09:00"
expect "R-VIS-1 check by phone" 0 "MATCH, level limited \(on phone\)" -- "$fd" blocklist check --phone "137 0000 1111" --lang en --as F001 --at "$day 09:00"
expect "R-VIS-1 check needs something" 2 "needs a NAME" -- "$fd" blocklist check --as F001
expect "R-VIS-1 a match holds the visit" 0 '"state":"held".*"blocklist":\{"answer":"match","matches":1,"level":"forbidden","basis":"id","reason":"盗窃"\}' -- \
  "$fd" visitor register 钱某 --host-org 1 --host 张经理 --purpose 送货 --id-type 身份证 --id-number "$id2" --json --as F001 --at "$day 10:30"
expect "R-VIS-1 the desk is told to decide" 0 "visitor admit 9 --note" -- "$fd" visitor register 孙某 --host 前台 --purpose 送货 \
  --as F001 --at "$day 10:40"
expect "R-VIS-1 a held visit is not answered" 1 "FD_ESTATE" -- "$fd" visitor answer 8 lobby --as F001 --at "$day 10:31"
expect "R-VIS-1 admit needs a note" 2 "needs --note" -- "$fd" visitor admit 8 --as F001
expect "R-VIS-1 forbidden: a clerk may not admit" 1 "FD_EPERM.*forbidden" -- "$fd" visitor admit 8 --note 陪同 --as F001 --at "$day 10:32"
expect "R-VIS-1 ... changed nothing" 0 '"state":"held"' -- "$fd" visitor show 8 --json --as F001
expect "R-VIS-1 the supervisor admits" 0 '"state":"waiting"' -- "$fd" visitor admit 8 --note "由保安陪同送货" --json --as S001 --at "$day 10:33"
expect "R-VIS-1 the desk refuses" 0 "拒绝入内" -- "$fd" visitor refuse 9 --note 无人陪同 --as F001 --at "$day 10:45"
expect "R-VIS-1 decisions journaled" 0 "visit.admit.*visit.refuse" -- bash -c "\"$fd\" journal list --entity visit --as S001 | tr '\n' ' '"
expect "R-VIS-1 lift needs a reason" 2 "needs --reason" -- "$fd" blocklist lift 1 --as S001
expect "R-VIS-1 lift" 0 "已解除" -- "$fd" blocklist lift 1 --reason 误录 --as S001 --at "$day 11:00"
expect "R-VIS-1 lifted: no match" 0 '"answer":"none"' -- "$fd" blocklist check 孙某 --json --as F001 --at "$day 11:05"
expect "R-VIS-1 lifted entries listed with --all" 0 "已解除" -- "$fd" blocklist list --all --as F001

# visitor cards and counted items (R-VIS-4)
expect "R-VIS-4 card add needs manage" 1 "FD_EPERM" -- "$fd" card add V001 --as F001
for c in V001 V002 V003; do
  expect "R-VIS-4 card add $c" 0 "$c" -- "$fd" card add $c --as S001 --at "$day 07:00"
done
expect "R-VIS-4 an umbrella" 0 '"kind":"umbrella","code":"U01","name":"长柄伞","state":"in_stock"' -- "$fd" card add U01 --kind 雨伞 --name 长柄伞 --json --as S001 --at "$day 07:00"
expect "R-VIS-4 a code in use" 1 "FD_ECONFLICT" -- "$fd" card add V001 --as S001
expect "R-VIS-4 count at shift start" 0 '"expected":3,"counted":3,"staff_id":1,"cosigner":2,"state":"ok"' -- \
  "$fd" card count 访客卡 接班 --counted 3 --cosign F002 --json --as F001 --at "$day 08:00"
expect "R-VIS-4 count: cosigned by another" 1 "FD_EINVAL.*cosign" -- "$fd" card count visitor_card start --counted 3 --cosign F001 --as F001 --at "$day 08:01"
expect "R-VIS-4 count needs --cosign" 2 "needs --cosign" -- "$fd" card count visitor_card start --counted 3 --as F001
expect "R-VIS-4 counted is a number" 2 "--counted" -- "$fd" card count visitor_card start --counted 三 --cosign F002 --as F001
expect "R-VIS-4 a bad moment" 2 "start\|end" -- "$fd" card count visitor_card noon --counted 3 --cosign F002 --as F001
expect "R-VIS-4 issue" 0 "借出 → 来访 1" -- "$fd" card issue V001 --visit 1 --as F001 --at "$day 09:05"
expect "R-VIS-4 a card issued twice" 1 "FD_ESTATE.*item_id.*visit 1" -- "$fd" card issue V001 --visit 4 --as F001 --at "$day 09:27"
expect "R-VIS-4 ... changed nothing" 0 '"code":"V001",.*"state":"issued","visit_id":1' -- "$fd" card list --json --as F001
expect "R-VIS-4 issue needs --visit" 2 "needs --visit" -- "$fd" card issue V002 --as F001
expect "R-VIS-4 issue to a visitor who left" 1 "FD_ESTATE.*visit_id" -- "$fd" card issue V002 --visit 2 --as F001 --at "$day 10:10"
expect "R-VIS-4 code as typed (full-width, lower case)" 0 '"code":"V002","name":"","state":"issued","visit_id":4' -- \
  "$fd" card issue ｖ００２ --visit 4 --json --as F001 --at "$day 09:28"
expect "R-VIS-4 no such card" 1 "no item with the code" -- "$fd" card issue V999 --visit 4 --as F001
expect "R-VIS-4 issue by id" 0 "V003" -- "$fd" card issue 3 --visit 5 --as F001 --at "$day 09:32"
expect "R-VIS-4 return" 0 '"state":"in_stock","visit_id":0' -- "$fd" card return V003 --json --as F001 --at "$day 11:00"
expect "R-VIS-4 return twice" 1 "FD_ESTATE" -- "$fd" card return V003 --as F001 --at "$day 11:01"
expect "R-VIS-4 lost needs a note" 2 "needs --note" -- "$fd" card lost V002 --as F001
expect "R-VIS-4 checkout with a card out: a warning naming it, exit 0" 0 "注意：访客卡 V002 仍借给来访 4，未归还.*card return V002" -- \
  "$fd" visitor checkout 4 --as F001 --at "$day 11:20"
expect "R-VIS-4 a card not returned is open at the shift's end" 1 "未归还：访客卡 V002" -- "$fd" visitor shift --since "$day 08:00" --as F001 --at "$day 11:25"
expect "R-VIS-4 lost" 0 "遗失" -- "$fd" card lost V002 --note "访客带走，已电话联系" --as F001 --at "$day 11:30"
expect "R-VIS-4 found" 0 "在库" -- "$fd" card found V002 --note 访客寄回 --as F001 --at "$day 11:40"
expect "R-VIS-4 lost again" 0 "遗失" -- "$fd" card lost V002 --note 再次遗失 --as F001 --at "$day 11:45"
expect "R-VIS-4 a lost card listed with what happened" 0 "V002 .*遗失 .*再次遗失$" -- "$fd" card list --state 遗失 --as F001
expect "R-VIS-4 count at shift end: a difference" 0 "应有 1，实点 2，待说明.*card explain 2" -- \
  "$fd" card count visitor_card 交班 --counted 2 --cosign F002 --as F001 --at "$day 17:00"
expect "R-VIS-4 explain an agreeing count" 1 "FD_ESTATE" -- "$fd" card explain 1 --note x --as F001
expect "list by state" 0 "V001.*借出" -- "$fd" card list --state issued --as F001
expect "list by kind" 0 '^\[\{"id":4,' -- "$fd" card list --kind umbrella --json --as F001

# the end of the shift (R-COM-4)
expect "R-COM-4 on site, with overstay" 0 '"id":1,.*"overstay":false.*"id":6,.*"overstay":true,"overstay_reason":"window"' -- \
  "$fd" visitor onsite --json --as F001 --at "$day 17:10"
expect "R-COM-4 on site: counts" 0 "在场 4 人，其中逾期 1 人" -- "$fd" visitor onsite --as F001 --at "$day 17:10"
expect "R-COM-4 overstay flagged" 0 "逾期：11-20 15:15 起，超出预约时间" -- "$fd" visitor onsite --as F001 --at "$day 17:10"
expect "R-COM-4 not ready: exit 1" 1 '"unexplained":4,.*"counts_open":1,.*"ready":false' -- "$fd" visitor shift --since "$day 08:00" --json --as F001 --at "$day 17:10"
expect "R-COM-4 not ready says who" 1 "须签离.*赵强" -- bash -c "\"$fd\" visitor shift --since '$day 08:00' --as F001 --at '$day 17:10' 2>&1 | tr '\n' ' '; exit \${PIPESTATUS[0]}"
expect "R-COM-4 explain needs a note" 2 "needs --note" -- "$fd" visitor explain 1 --as F001
for v in 1 5 6; do
  expect "R-COM-4 checkout $v" 0 "已离开" -- "$fd" visitor checkout $v --as F001 --at "$day 17:12"
done
expect "R-COM-4 explain" 0 '"state":"waiting".*"explained_at":"2026-11-20T17:13' -- "$fd" visitor explain 8 --note "在 B座3F 等候验货，夜班知悉" --json --as F001 --at "$day 17:13"
expect "R-VIS-4 a card returned late" 0 "" -- "$fd" card return V001 --as F001 --at "$day 17:14"
expect "R-VIS-4 explain the difference" 0 '"state":"explained".*"explanation":"V002 遗失后又找回，两次记录"' -- \
  "$fd" card explain 2 --note "V002 遗失后又找回，两次记录" --json --as F001 --at "$day 17:15"
expect "R-COM-4 ready" 0 '"unexplained":0,.*"ready":true' -- "$fd" visitor shift --since "$day 08:00" --json --as F001 --at "$day 17:20"
expect "R-COM-4 ready (en)" 0 "ready to hand over" -- "$fd" visitor shift --since "$day 08:00" --lang en --as F001 --at "$day 17:20"
expect "R-COM-4 an explanation before the shift does not count" 1 '"unexplained":1' -- "$fd" visitor shift --since "$day 18:00" --json --as F001 --at "$day 19:00"

# custody: items left, parcels, deposits (R-VIS-8)
expect "R-VIS-8 a parcel, with its unit" 0 "快递包裹 顺丰快递 1 件.*139\*\*\*\*5678 3-1201.*保管中" -- "$fd" custody add 快递 "顺丰快递 1 件" --owner 刘建国 \
  --phone 13912345678 --unit 3-1201 --occupant 1 --as F001 --at "$day 10:00"
expect "R-VIS-2 a declined visitor's documents" 0 '"kind":"visitor_documents".*"visit_id":3' -- "$fd" custody add 访客留存资料 名片及资料 \
  --visit 3 --json --as F001 --at "$day 09:18"
expect "R-VIS-8 documents need the visit" 1 "custody_item.visit_id" -- "$fd" custody add visitor_documents 资料 --as F001
expect "R-VIS-8 left behind" 0 "遗留物品" -- "$fd" custody add left_behind 黑色雨伞 --found-where 大堂沙发 --as F001 --at "$day 12:00"
expect "R-VIS-8 a bad kind" 2 "KIND" -- "$fd" custody add 宠物 猫 --as F001
expect "R-VIS-8 a unit not at the site" 1 "FD_ENOTFOUND" -- "$fd" custody add parcel 快递 --unit 9-999 --as F001
expect "R-VIS-8 notify" 0 '"notified_at":"2026-11-20T10:05' -- "$fd" custody notify 1 --how 短信 --json --as F001 --at "$day 10:05"
expect "R-VIS-8 notify: a bad how" 2 "--how" -- "$fd" custody notify 1 --how 飞鸽 --as F001
expect "R-VIS-8 notify again: says it reminded" 0 "保管物品 1：已提醒物主（电话）" -- "$fd" custody notify 1 --how 电话 --as F001 --at "$day 10:30"
expect "R-VIS-8 ... the list says when" 0 "保管中（已通知并提醒 1 次，最近 11-20 10:30）" -- "$fd" custody list --as F001 --at "$day 10:31"
expect "R-VIS-8 due: a reminder after 3 days" 0 '"remind":true' -- "$fd" custody list --json --as F001 --at "2026-11-23 10:31"
expect "R-VIS-8 collect needs the check" 2 "needs --check" -- "$fd" custody collect 1 --to 刘建国 --as F001
expect "R-VIS-8 collect with an ID check" 0 "已领取 → 刘建国（核验证件）" -- "$fd" custody collect 1 --to 刘建国 --check id_check --as F001 --at "$day 18:00"
expect "R-VIS-8 collected once" 1 "FD_ESTATE" -- "$fd" custody collect 1 --to 刘建国 --check 签字 --as F001 --at "$day 18:01"
expect "R-VIS-2 the documents passed to the host" 0 '"state":"collected","notified_at":null,"reminders":0,.*"handed_to":"张经理","check_method":"signature"' -- \
  "$fd" custody collect 2 --to 张经理 --check 签字 --json --as F001 --at "$day 12:10"
expect "R-VIS-8 hand on" 0 "已移交 → 派出所" -- bash -c "\"$fd\" custody add deposit 行李箱 --owner 王某 --as F001 --at '$day 12:20' >/dev/null && \
  \"$fd\" custody hand-on 4 --to 派出所 --note 无人认领 --as F001 --at '$day 12:30'"
expect "R-VIS-8 return" 0 "已退回 → 快递员" -- bash -c "\"$fd\" custody add parcel 拒收件 --unit 3-1201 --as F001 --at '$day 12:40' >/dev/null && \
  \"$fd\" custody return 5 --to 快递员 --as F001 --at '$day 12:50'"
expect "R-VIS-8 return needs --to" 2 "needs --to" -- "$fd" custody return 3 --as F001
expect "R-VIS-8 held only, with the footer" 0 "黑色雨伞.*保管中 1 件" -- bash -c "\"$fd\" custody list --as F001 --at '$day 19:00' | tr '\n' ' '"
expect "R-VIS-8 all" 0 '^\[(\{[^]]*\},){4}\{' -- "$fd" custody list --all --json --as F001
expect "R-VIS-8 by state" 0 "派出所" -- "$fd" custody list --state 已移交 --as F001

# goods release (R-VIS-7)
expect "R-VIS-7 permit add, items canonical" 0 '"items":"电脑×2；显示器×2；椅子×4".*"state":"requested"' -- "$fd" permit add 陈工 \
  --items "电脑2台，显示器×2、椅子4把" --unit A-5F-01 --org 1 --reason 设备返修 --phone 13911112222 --id-type 身份证 \
  --id-number 430104197802140025 --until "$day 18:00" --json --as F001 --at "$day 13:00"
expect "R-VIS-7 only the masked number kept" 0 '"id_type":"id_card","id_masked":"430104\*\*\*\*\*\*\*\*0025"' -- "$fd" permit list --json --as F001
expect "R-VIS-7 listed with the unit and organisation" 0 "陈工 139\*\*\*\*2222 A-5F-01 长沙某某科技有限公司" -- "$fd" permit list --as F001
expect "R-VIS-7 permit needs --items" 2 "needs --items" -- "$fd" permit add 陈工 --as F001
expect "R-VIS-7 an item without a quantity" 1 "goods_permit.items: item 1" -- "$fd" permit add 陈工 --items "电脑，椅子4把" --as F001
expect "R-VIS-7 the gate before approval" 1 "FD_ESTATE" -- "$fd" permit check 1 --counted 电脑2台 --as F001 --at "$day 13:05"
expect "R-VIS-7 approve needs manage" 1 "FD_EPERM" -- "$fd" permit approve 1 --as F001
expect "R-VIS-7 approve" 0 "已批准" -- "$fd" permit approve 1 --as S001 --at "$day 13:06"
expect "R-VIS-7 approved once" 1 "FD_ESTATE" -- "$fd" permit approve 1 --as S001 --at "$day 13:07"
expect "R-VIS-7 check needs --counted" 2 "needs --counted" -- "$fd" permit check 1 --as F001
expect "R-VIS-7 a mismatch: exit 1, says what differs" 1 "物品不符，不予放行：椅子 4→5" -- "$fd" permit check 1 \
  --counted "电脑2台，显示器2台，椅子5把" --gate 东门 --as F001 --at "$day 13:10"
expect "R-VIS-7 a mismatch in JSON" 1 '"matched":false,"difference":"显示器 2→0",.*"permit_state":"mismatch"' -- "$fd" permit check 1 \
  --counted "电脑2台，椅子4把" --gate 东门 --json --as F001 --at "$day 13:12"
expect "R-VIS-7 the mismatch journaled" 0 "goods_permit.mismatch" -- "$fd" journal list --entity goods_permit --as S001
expect "R-VIS-7 match: released" 0 '"matched":true,"difference":"",.*"permit_state":"released"' -- "$fd" permit check 1 \
  --counted "电脑２台、显示器 x2，椅子*4" --gate 东门 --json --as F001 --at "$day 13:20"
expect "R-VIS-7 released once" 1 "FD_ESTATE" -- "$fd" permit check 1 --counted "电脑2台，显示器2台，椅子4把" --as F001 --at "$day 13:25"
expect "R-VIS-7 refuse needs a note" 2 "needs --note" -- "$fd" permit refuse 2 --as S001
expect "R-VIS-7 refuse" 0 "不予放行" -- bash -c "\"$fd\" permit add 李某 --items 空调1台 --as F001 --at '$day 14:00' >/dev/null && \
  \"$fd\" permit refuse 2 --note 业主未确认 --as S001 --at '$day 14:10'"
expect "R-VIS-7 list by state" 0 '^\[\{"id":1,' -- "$fd" permit list --state released --json --as F001

# important visits (R-VIS-6)
expect "R-VIS-6 an important visit is pre-registered" 1 "visit.preregistered" -- "$fd" visitor register 考察团 --host-org 1 --purpose 考察 \
  --important --as F001 --at "$day 08:00"
expect "R-VIS-6 register the delegation" 0 '"visit_id":10,' -- "$fd" visitor register 市商务局考察团 --host-org 1 --host 李总 --purpose 考察 \
  --party 8 --expected "$day 14:00" --until "$day 16:00" --important --json --as F001 --at "$day 08:30"
expect "R-VIS-6 prep add" 0 "会议室布置  期限 11-20 14:00" -- "$fd" prep add 10 会议室布置 --as F001 --at "$day 08:35"
expect "R-VIS-6 prep add with a due" 0 '"item":"欢迎横幅","due_at":"2026-11-20T12:00' -- "$fd" prep add 10 欢迎横幅 --due "$day 12:00" --json --as F001 --at "$day 08:35"
expect "R-VIS-6 due after the start" 1 "visit_prep.due_at" -- "$fd" prep add 10 停车位 --due "$day 15:00" --as F001 --at "$day 08:36"
expect "R-VIS-6 not for an ordinary visit" 1 "visit.important" -- "$fd" prep add 6 茶水 --as F001 --at "$day 08:36"
expect "R-VIS-6 done" 0 "\[x\] 会议室布置.*已布置" -- "$fd" prep done 1 --note 已布置 --as F002 --at "$day 11:00"
expect "R-VIS-6 done once" 1 "FD_ESTATE.*prep_id" -- "$fd" prep done 1 --as F002 --at "$day 11:01"
expect "R-VIS-6 overdue item listed" 0 "准备事项 2 项：完成 1，未完成 1（逾期 1）.*欢迎横幅.*已逾期" -- bash -c "\"$fd\" prep list --date $day --as F001 --at '$day 13:00' | tr '\n' ' '"
expect "R-VIS-6 open only" 0 '^\[\{"visit":\{"id":10,.*"items":\[\{"id":2,' -- "$fd" prep list --open --json --as F001 --at "$day 13:00"
expect "R-VIS-6 one visit" 0 '"status":\{"items":2,"done":1,"open":1,"overdue":1' -- "$fd" prep list --visit 10 --json --as F001 --at "$day 13:00"
expect "R-VIS-6 done late" 0 "逾期完成" -- "$fd" prep done 2 --as F002 --at "$day 13:30"
expect "R-VIS-6 nothing open" 0 '^\[\]$' -- "$fd" prep list --open --json --as F001 --at "$day 13:40"
expect "R-VIS-6 after arrival no more items" 1 "visit.arrived_at" -- bash -c "\"$fd\" visitor checkin 10 --as F001 --at '$day 13:55' >/dev/null && \
  \"$fd\" prep add 10 茶歇 --as F001 --at '$day 14:00'"

# registration slips to security (R-VIS-3)
expect "R-VIS-3 status" 0 '"pending":10,"first_pending":1,"last_slip":10,.*"due":false' -- "$fd" slips status --json --as F001 --at "$day 18:00"
expect "R-VIS-3 due after 7 days" 0 "应移交保安" -- "$fd" slips status --as F001 --at "2026-11-27 09:00"
expect "R-VIS-3 handover needs --to" 2 "needs --to" -- "$fd" slips handover --as F001
expect "R-VIS-3 handover" 0 "登记单 1–10 已移交" -- "$fd" slips handover --to 保安刘师傅 --as F001 --at "$day 18:05"
expect "R-VIS-3 nothing left" 1 "FD_ESTATE" -- "$fd" slips handover --to 保安刘师傅 --as F001 --at "$day 18:06"
expect "R-VIS-3 none waiting" 0 "没有待移交的登记单" -- "$fd" slips status --as F001 --at "$day 18:07"

# the retention purge (R-COM-3)
expect "R-COM-3 purge needs manage" 1 "FD_EPERM" -- "$fd" visitor purge --as F001
expect "R-COM-3 dry run says what it would remove" 0 '"dry_run":true,.*"id_numbers":[1-9]' -- "$fd" visitor purge --dry-run --json --as S001 --at "2027-01-05 09:00"
expect "R-COM-3 ... and removes nothing" 0 '"id_masked":"430102\*\*\*\*\*\*\*\*1236"' -- "$fd" visitor show 1 --json --as F001
expect "R-COM-3 purge" 0 "已清除" -- "$fd" visitor purge --as S001 --at "2027-01-05 09:00"
expect "R-COM-3 the number gone, the visit kept" 0 '"visitor":"赵强",.*"id_type":"id_card","id_masked":""' -- "$fd" visitor show 1 --json --as F001
expect "R-COM-3 journaled" 0 "visit.purge" -- "$fd" journal list --entity visit --as S001
expect "R-COM-3 the horizons as site times, plurals in English" 0 "registered before 2026-12-06 09:00: 0 visits \(0 with" -- \
  "$fd" visitor purge --dry-run --lang en --as S001 --at "2027-01-05 09:00"
expect "R-COM-3 ... no raw ISO instants" 1 "" -- bash -c "\"$fd\" visitor purge --dry-run --as S001 --at '2027-01-05 09:00' | grep -E 'T[0-9]{2}:'"
expect "lists show the year of another year's dates" 0 "2026-11-20 09:00" -- "$fd" visitor list --date $day --as F001 --at "2027-01-05 10:00"
expect "... not of this year's" 0 "  11-20 09:00 " -- "$fd" visitor list --date $day --as F001 --at "2026-12-05 10:00"

# a full ID number kept (visitor.id_keep_full), revealed by one who may, logged (R-COM-2); the key file (FRONTDESK_KEY_FILE)
key="$2/cli-visitors.key"
rm -f "$key"
(umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$key")
expect "R-COM-2 keep full numbers" 0 "visitor.id_keep_full = 1" -- "$fd" policy set visitor.id_keep_full 1 --as S001
expect "R-COM-2 without the key file nothing is kept" 1 "FD_ESTATE.*key_file" -- "$fd" visitor register 冯某 --host 前台 --purpose 住宿登记 \
  --id-type 身份证 --id-number "$id1" --consent --as F001 --at "2027-01-05 10:00"
expect "R-COM-2 kept encrypted, with consent" 0 '"visit_id":11,' -- env FRONTDESK_KEY_FILE="$key" "$fd" visitor register 冯某 --host 前台 \
  --purpose 住宿登记 --id-type 身份证 --id-number "$id1" --consent --json --as F001 --at "2027-01-05 10:00"
expect "R-COM-2 ... shown masked" 0 '"id_masked":"430102\*{8}1236","id_kept":true' -- "$fd" visitor show 11 --json --as F001
expect "R-COM-2 id-reveal needs --reason" 2 "needs --reason" -- env FRONTDESK_KEY_FILE="$key" "$fd" visitor id-reveal 11 --as S001
expect "R-COM-2 id-reveal needs --as" 2 "--as STAFF" -- env FRONTDESK_KEY_FILE="$key" "$fd" visitor id-reveal 11 --reason 核对
expect "R-COM-2 id-reveal: a clerk holds no reveal grant" 1 "FD_EPERM" -- env FRONTDESK_KEY_FILE="$key" "$fd" visitor id-reveal 11 \
  --reason 核对 --as F001
expect "R-COM-2 id-reveal by the supervisor" 0 "来访 11 的证件号码：$id1（本次查看已记录）" -- env FRONTDESK_KEY_FILE="$key" "$fd" visitor \
  id-reveal 11 --reason 公安协查 --as S001 --at "2027-01-05 10:10"
expect "R-COM-2 ... in JSON" 0 "^\{\"visit_id\":11,\"id_number\":\"$id1\"\}$" -- env FRONTDESK_KEY_FILE="$key" "$fd" visitor id-reveal 11 \
  --reason 公安协查 --json --as S001 --at "2027-01-05 10:11"
expect "R-COM-2 ... logged with the reason" 0 "visit #11 .id_number  公安协查" -- "$fd" audit reveals --date 2027-01-05
expect "R-COM-2 id-reveal without the key file" 1 "FD_ESTATE.*key_file" -- "$fd" visitor id-reveal 11 --reason 核对 --as S001
expect "R-COM-2 a wrong FRONTDESK_KEY_FILE does not stop a read" 0 '^\[\{"id":11,' -- env FRONTDESK_KEY_FILE=/nonexistent/key \
  "$fd" visitor list --date 2027-01-05 --json
expect "R-COM-2 ... nor a change that keeps no number" 0 "已离开" -- env FRONTDESK_KEY_FILE=/nonexistent/key "$fd" visitor checkout 11 \
  --as F001 --at "2027-01-05 10:30"
expect "R-COM-2 ... a registration names the variable to fix" 1 "FRONTDESK_KEY_FILE .*/nonexistent/key.*fix the file or the variable" -- \
  env FRONTDESK_KEY_FILE=/nonexistent/key "$fd" visitor register 某 --host 前台 --purpose x --as F001 --at "2027-01-05 10:40"
chmod 644 "$key"
expect "R-COM-2 a key file others may read: refused, the variable named" 1 "FD_EPERM.*key_file.*FRONTDESK_KEY_FILE" -- bash -c \
  "FRONTDESK_KEY_FILE='$key' \"$fd\" visitor id-reveal 11 --reason 核对 --as S001 2>&1 | tr '\n' ' '; exit \${PIPESTATUS[0]}"

expect "usage" 2 "visitor has no subcommand 'frob'" -- "$fd" visitor frob
expect "usage: shape" 2 "^  frontdesk card count KIND" -- "$fd" card count visitor_card
expect "read-only commands open read-only" 0 "" -- "$fd" visitor onsite --read-only --as F001
# an entry whose window has not begun is not in force: listed only with --all, and marked
expect "R-VIS-1 an entry from next month" 0 "已加入黑名单" -- "$fd" blocklist add 周某 --level 提醒 --reason 下月起限制 \
  --from "2026-12-20 00:00" --as S001 --at "$day 18:00"
expect "R-VIS-1 not in force yet: not listed" 0 "^$" -- bash -c "\"$fd\" blocklist list --as F001 --at '$day 18:05' | grep 周某 || true"
expect "R-VIS-1 ... listed with --all, marked" 0 "周某.*不在有效期内" -- "$fd" blocklist list --all --as F001 --at "$day 18:05"
expect "verify" 0 "chain intact" -- "$fd" verify
echo "cli visitors: $pass passed, $fail failed"
[ "$fail" = 0 ]
