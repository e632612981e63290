#!/usr/bin/env bash
# The complaints module's commands (issue 13, item 8): complaint new (and --from-call),
# show, list (--due, --breached, --escalate, filters), every step by name and through
# advance, events, targets, unanswered, escalate-run, check-reply, categories, phrases.
# A refused step prints the library's message and changes nothing.
# Usage: complaints.sh FRONTDESK TMPDIR
set -u
fd=$1
db="$2/cli-complaints.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"
day=2026-11-20
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

expect "init" 0 "created" -- "$fd" init "$db" --name 某某产业园 --code park
expect "second site" 0 "created" -- "$fd" init "$db" --name 北区 --code north --add-site
expect "grants" 0 "gave" -- "$fd" grant give supervisor manage --site park
expect "grants" 0 "gave" -- "$fd" grant give supervisor reveal --site park
expect "staff" 0 "added" -- "$fd" staff add F001 王小丽 --role clerk --site park
expect "supervisor" 0 "added" -- "$fd" staff add S001 周主管 --role supervisor --as system --site park
expect "north staff" 0 "added" -- "$fd" staff add N001 赵 --role clerk --site north
export FRONTDESK_SITE=park
P=(--site park)
expect "org" 0 "1" -- "$fd" org add 物业服务中心 --as F001 "${P[@]}"
expect "dept" 0 "1" -- "$fd" dept add 1 工程部 --as F001 "${P[@]}"
expect "building" 0 "1" -- "$fd" building add 3 3号楼 --as S001 "${P[@]}"
expect "unit" 0 "1" -- "$fd" unit add 3-1201 --building 3 --as S001 "${P[@]}"

# R-CPL-1: register; labels or codes; the contact masked (R-COM-2)
expect "R_CPL_1 new (labels)" 0 "已登记投诉 1" -- "$fd" complaint new --received "$day 09:00" --channel 电话 --severity 重要 \
  --category 维修 --what "A座2号电梯异响" --asks 尽快维修 --customer 吴女士 --contact 13800138000 --unit 3-1201 \
  --as F001 --at "$day 09:10" "${P[@]}"
expect "R_CPL_2 its targets: escalate within the hour, resolve, reply not started" 0 \
  "报部门主管 +到期 11-20 10:00 剩余 0h50m.*解决 .*到期 11-2[0-9] .*当日答复结果 .*未起算" -- \
  bash -c "\"$fd\" complaint show 1 --at '$day 09:10' --site park | tr '\n' ' '"
expect "R_COM_2 the contact masked" 0 '"contact":"138\*\*\*\*8000"' -- "$fd" complaint show 1 --json "${P[@]}"
expect "R_COM_2 never the full number" 1 "" -- bash -c "{ \"$fd\" complaint show 1 --site park; \"$fd\" complaint list --site park --json; \
  \"$fd\" complaint list --due 48h --site park --at '$day 09:20'; \"$fd\" complaint events 1 --site park; } 2>&1 | grep -q 13800138000"
expect "R_COM_2 revealed with a reason (logged)" 0 '"contact":"13800138000"' -- "$fd" complaint show 1 --json --reveal 回访核对 --as S001 "${P[@]}"
expect "R_CPL_1 new (codes, en)" 0 "registered complaint 2" -- "$fd" complaint new --received "$day 09:30" --channel walk_in \
  --severity minor --category cleaning --what 大堂地面湿滑 --lang en --as F001 --at "$day 09:35" "${P[@]}"
expect "R_CPL_1 --json parses" 0 "^major phone True$" -- bash -c "\"$fd\" complaint new --received '$day 10:00' --channel phone \
  --severity major --category security --what 车辆被刮 --harm --json --as F001 --at '$day 10:05' --site park | \
  python3 -c 'import json,sys; d=json.load(sys.stdin); c=d[\"complaint\"]; print(c[\"severity\"], c[\"channel\"], c[\"harm\"])'"

# refusals: each prints why and changes nothing
expect "R_CPL_2 bad severity" 2 "--severity: .*severity" -- "$fd" complaint new --received "$day 09:00" --channel 电话 --severity 严重到爆 \
  --what x --as F001 "${P[@]}"
expect "bad time" 2 "--received must be" -- "$fd" complaint new --received "11/20 9点" --channel 电话 --severity 重要 --what x --as F001 "${P[@]}"
expect "no such date" 2 "--received: no such date" -- "$fd" complaint new --received "2026-02-30 09:00" --channel 电话 --severity 重要 --what x --as F001 "${P[@]}"
expect "received needed" 2 "needs --received" -- "$fd" complaint new --channel 电话 --severity 重要 --what x --as F001 "${P[@]}"
expect "R_COM_1 a write needs --as" 2 "--as STAFF" -- "$fd" complaint new --received "$day 09:00" --channel 电话 --severity 重要 --what x "${P[@]}"
expect "R_COM_1 a step needs --as" 2 "--as STAFF" -- "$fd" complaint pause 1 --note x "${P[@]}"
expect "R_CPL_3 illegal step names the state and the allowed steps" 1 \
  "FD_ESTATE: .*state: registered .*allows assess, pause, resume, answer, escalate, severity, harm, harm_cleared; not investigate" -- \
  "$fd" complaint investigate 1 --cause x --as F001 --at "$day 09:40" "${P[@]}"
expect "R_CPL_3 ... changed nothing" 0 "^registered 1$" -- bash -c "\"$fd\" complaint show 1 --json --site park | python3 -c \
  'import json,sys; d=json.load(sys.stdin); print(d[\"complaint\"][\"state\"], len(d[\"events\"]))'"
expect "R_COM_1 another site's complaint" 1 "FD_ENOTFOUND" -- "$fd" complaint show 1 --site north
expect "R_COM_1 another site's complaint: no step" 1 "FD_ENOTFOUND" -- "$fd" complaint pause 1 --note x --as N001 --site north
expect "assess needs --valid or --invalid" 2 "--valid or --invalid" -- "$fd" complaint assess 1 --as F001 "${P[@]}"
expect "usage: unknown subcommand" 2 "complaint has no subcommand 'frob'" -- "$fd" complaint frob
expect "usage: help (en)" 0 "complaint advance ID STEP" -- "$fd" complaint --help --lang en
expect "usage: a subcommand's help (zh)" 0 "用法：.*complaint assign ID --dept ID --promised TIME" -- bash -c "\"$fd\" complaint assign --help | tr '\n' ' '"

# R-CPL-3: the whole lifecycle by the CLI
expect "R_CPL_3 assess valid" 0 "投诉 1：评估，现为已评估" -- "$fd" complaint assess 1 --valid --as F001 --at "$day 09:20" "${P[@]}"
expect "R_CPL_3 assign" 0 "现为已派单" -- "$fd" complaint assign 1 --dept 1 --promised "$day 17:00" --as F001 --at "$day 09:25" "${P[@]}"
expect "R_CPL_2 escalate to the supervisor meets its target" 0 '"step":"escalate","state":"assigned"' -- "$fd" complaint escalate 1 \
  --target 报部门主管 --note 已电话报工程部主管 --json --as F001 --at "$day 09:30" "${P[@]}"
expect "R_CPL_4 the department's first contact" 0 "首次联系" -- "$fd" complaint contact 1 --as F001 --at "$day 09:40" "${P[@]}"
expect "R_CPL_2 pause: waiting for the customer" 0 "等待客户" -- "$fd" complaint pause 1 --note 业主不在家，约下午 --as F001 --at "$day 10:00" "${P[@]}"
expect "R_CPL_2 paused: the resolve clock shows paused" 0 "解决 .*已暂停（等待客户）" -- "$fd" complaint targets 1 --at "$day 11:00" "${P[@]}"
expect "R_CPL_2 paused twice refused" 1 "FD_ESTATE" -- "$fd" complaint pause 1 --note again --as F001 --at "$day 10:05" "${P[@]}"
expect "R_CPL_2 resume" 0 "恢复" -- "$fd" complaint resume 1 --as F001 --at "$day 14:00" "${P[@]}"
expect "R_CPL_3 investigate through advance (label)" 0 "现为调查中" -- "$fd" complaint advance 1 调查 --cause 导轨缺油 --responsible 张工 \
  --as F001 --at "$day 14:10" "${P[@]}"
expect "R_CPL_3 propose" 0 "现为已提方案" -- "$fd" complaint propose 1 --solution 停梯加油保养 --as F001 --at "$day 14:20" "${P[@]}"
prop=$("$fd" complaint events 1 --json --site park | json "[e['id'] for e in d if e['kind']=='propose'][0]")
expect "R_CPL_3 choose needs a supervisor" 1 "FD_EPERM.*manage" -- "$fd" complaint choose 1 --proposal "$prop" --as F001 --at "$day 14:30" "${P[@]}"
expect "R_CPL_3 choose (supervisor)" 0 "现为已定方案" -- "$fd" complaint choose 1 --proposal "$prop" --as S001 --at "$day 14:30" "${P[@]}"
expect "R_CPL_3 implement without --accepted refused" 1 "accepted" -- "$fd" complaint implement 1 --as F001 --at "$day 15:00" "${P[@]}"
expect "R_CPL_3 implement, acceptance signed" 0 "现为已处理" -- "$fd" complaint advance 1 implement --accepted --note 已修复 \
  --as F001 --at "$day 15:00" "${P[@]}"
expect "R_CPL_4 reply before the report refused" 1 "FD_ESTATE" -- "$fd" complaint reply 1 --as F001 --at "$day 15:05" "${P[@]}"
expect "R_CPL_4 report back" 0 "部门反馈" -- "$fd" complaint report 1 --as F001 --at "$day 15:10" "${P[@]}"
expect "R_CPL_4 reply noted later (--happened)" 0 "答复结果" -- "$fd" complaint reply 1 --happened "$day 15:20" --as F001 --at "$day 15:40" "${P[@]}"
expect "R_CPL_3 followup" 0 "现为已回访" -- "$fd" complaint followup 1 --satisfaction 满意 --note 业主满意 --as F001 --at "2026-11-21 10:00" "${P[@]}"
expect "R_CPL_3 close" 0 "现为已结案" -- "$fd" complaint close 1 --note 结案 --as F001 --at "2026-11-21 10:05" "${P[@]}"
expect "R_CPL_2 show: met targets, the pause kept" 0 "解决 +到期 .*完成于 11-20 15:00.*当日答复结果 .*完成于 11-20 15:20" -- \
  bash -c "\"$fd\" complaint show 1 --at '2026-11-21 10:10' --site park | tr '\n' ' '"
expect "R_CPL_2 the pause in the clock (4 h)" 0 "^14400$" -- bash -c "\"$fd\" complaint targets 1 --json --site park | \
  python3 -c 'import json,sys; print([t[\"paused_s\"] for t in json.load(sys.stdin) if t[\"target\"]==\"resolve\"][0])'"
expect "R_CPL_3 events: every step" 0 "^15$" -- bash -c "\"$fd\" complaint events 1 --json --site park | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'"
expect "R_COM_1 show: the department by name, who took each step" 0 "责任部门 工程部.*原因 导轨缺油.* F001 王小丽" -- \
  bash -c "\"$fd\" complaint show 1 --site park | tr '\n' ' '"
expect "R_CPL_3 reopen" 0 "现为已派单" -- "$fd" complaint reopen 1 --note 又响了 --as F001 --at "2026-11-22 09:00" "${P[@]}"
expect "R_CPL_2 reopened: resolve open again" 0 '"reopened":1' -- "$fd" complaint show 1 --json "${P[@]}"

# R-CPL-1, R-CALL-9: from a call in one call
expect "a call" 0 "已登记来电 1" -- "$fd" call log --number 13912345678 --caller 钱女士 --ring "$day 11:00" --answer "$day 11:00" \
  --category complaint --matter 6楼卫生间漏水 --as F001 --at "$day 11:05" "${P[@]}"
expect "R_CALL_9 new --from-call" 0 '"channel":"phone",.*"customer":"钱女士".*"contact":"139\*\*\*\*5678".*"call_id":1' -- \
  "$fd" complaint new --from-call 1 --severity 轻微 --category 维修 --json --as F001 --at "$day 11:10" "${P[@]}"

# R-CPL-2: the queue at chosen instants
expect "R_CPL_2 due within 4 h at 20:00: the major one's report to the director" 0 "^ +3 +11-20 10:00 +重大 .*危害持续.* 报主任 +到期 11-20 23:59 剩余 3h59m" -- \
  bash -c "\"$fd\" complaint list --due 4h --at '$day 20:00' --site park | tr '\n' ' '"
expect "R_CPL_2 ... and no '(none)' after it" 0 "^0$" -- bash -c "\"$fd\" complaint list --due 4h --at '$day 20:00' --site park | grep -c （无） || true"
expect "R_CPL_2 ... not at 10:10" 0 "（无）" -- "$fd" complaint list --due 4h --at "$day 10:10" "${P[@]}"
expect "R_CPL_5 harm first in the queue" 0 "^ +3 " -- bash -c "\"$fd\" complaint list --due 48h --at '$day 10:10' --site park | head -1"
expect "R_CPL_5 harm first in the list" 0 "^ +3 " -- bash -c "\"$fd\" complaint list --site park | head -1"
expect "R_CPL_2 --due --json parses" 0 "^3 director" -- bash -c "\"$fd\" complaint list --due 4h --json --at '$day 20:00' --site park | \
  python3 -c 'import json,sys; r=json.load(sys.stdin)[0]; print(r[\"complaint\"][\"id\"], r[\"target\"][\"target\"])'"
expect "R_CPL_2 nothing breached yet" 0 "（无）" -- "$fd" complaint list --breached --at "$day 10:10" "${P[@]}"
expect "R_CPL_2 breached next day" 0 "重大 .*报主任 .*已超时" -- bash -c "\"$fd\" complaint list --breached --at '2026-11-21 09:00' --site park | tr '\n' ' '"
expect "R_CPL_2 --escalate lists those not escalated" 0 "报主任" -- "$fd" complaint list --escalate --at "2026-11-21 09:00" "${P[@]}"
expect "one queue at a time" 2 "one of --due" -- "$fd" complaint list --due 4h --breached "${P[@]}"
expect "a bad duration" 2 "--due must be a duration" -- "$fd" complaint list --due 4小时 "${P[@]}"
expect "filters: --severity" 0 "^ +2 .*轻微" -- "$fd" complaint list --severity 轻微 --category 保洁 "${P[@]}"
expect "R_CPL_2 escalate-run outside business hours defers" 0 "推迟 [1-9]" -- "$fd" complaint escalate-run --as system --at "2026-11-21 22:00" "${P[@]}"

# R-CPL-2: received 17:55 on the eve of National Day (2026-09-30), paused while waiting
expect "R_CPL_2 17:55 before a holiday" 0 "已登记投诉" -- "$fd" complaint new --received "2026-09-30 17:55" --channel 来访 --severity 重要 \
  --category 噪音 --what 楼上装修噪音 --as F001 --at "2026-09-30 18:00" "${P[@]}"
hol=$("$fd" complaint list --date 2026-09-30 --json --site park | json "d[0]['id']")
expect "R_CPL_2 ... resolve due after the holiday (working days)" 0 "^2026-10-(0[89]|1[0-9])" -- bash -c "\"$fd\" complaint targets $hol --json --site park | \
  python3 -c 'import json,sys; print([t[\"due_at\"] for t in json.load(sys.stdin) if t[\"target\"]==\"resolve\"][0])'"
expect "R_CPL_2 ... the escalation the same evening" 0 "^2026-09-30T18:55" -- bash -c "\"$fd\" complaint targets $hol --json --site park | \
  python3 -c 'import json,sys; print([t[\"due_at\"] for t in json.load(sys.stdin) if t[\"target\"]==\"escalate\"][0])'"
expect "R_CPL_2 a severity change recomputes, keeps history" 0 "已作废" -- bash -c "\"$fd\" complaint severity $hol 重大 --note 影响多户 \
  --as F001 --at '2026-09-30 18:10' --site park >/dev/null && \"$fd\" complaint show $hol --site park --at '2026-09-30 18:10'"

# R-COM-4: the day's complaints without an answer
expect "R_COM_4 unanswered" 0 "^ +2 .*大堂地面湿滑" -- "$fd" complaint unanswered --date "$day" "${P[@]}"
expect "R_COM_4 ... and no 'none' line after it" 0 "^0$" -- bash -c "\"$fd\" complaint unanswered --date $day --site park | grep -c 无未答复 || true"
expect "R_COM_4 unanswered --json" 0 "^\[2, 3, 4\]$" -- bash -c "\"$fd\" complaint unanswered --date $day --json --site park | python3 -c 'import json,sys; print([c[\"id\"] for c in json.load(sys.stdin)])'"

# R-COM-5, R-CPL-7: the site's categories and phrases
expect "R_COM_5 category add (manager)" 0 "投诉类别 1 已添加" -- "$fd" complaint categories add lift 电梯 --dept 1 --as S001 "${P[@]}"
expect "R_COM_5 category add needs the grant" 1 "FD_EPERM" -- "$fd" complaint categories add greening 绿化 --as F001 "${P[@]}"
expect "R_COM_5 a site category in use" 0 "已登记投诉" -- "$fd" complaint new --received "$day 16:00" --channel 电话 --severity 轻微 \
  --category lift --what 电梯按钮失灵 --as F001 --at "$day 16:05" "${P[@]}"
expect "R_COM_5 categories list" 0 "lift +电梯" -- "$fd" complaint categories list "${P[@]}"
expect "R_COM_5 category retire" 0 "已停用" -- "$fd" complaint categories retire 1 --as S001 "${P[@]}"
expect "R_COM_5 retired: listed with --all only" 0 "^\[\]$" -- "$fd" complaint categories list --json "${P[@]}"
expect "R_CPL_7 phrase add" 0 "禁语 1 已添加" -- "$fd" complaint phrases add 没空 --as S001 "${P[@]}"
expect "R_CPL_7 check-reply finds built-in and site phrases" 1 "禁语 不知道.*禁语 没空" -- bash -c "\"$fd\" complaint check-reply '这个我不 知 道，现在没空' --site park | tr '\n' ' '; exit \${PIPESTATUS[0]}"
expect "R_CPL_7 a clean reply" 0 "未发现禁语" -- "$fd" complaint check-reply 您好，我们马上安排 "${P[@]}"
expect "R_CPL_7 phrases list --json" 0 '"phrase":"没空"' -- "$fd" complaint phrases list --json "${P[@]}"
expect "read-only commands open read-only" 0 "" -- "$fd" complaint list --read-only "${P[@]}"
expect "verify" 0 "chain intact" -- "$fd" verify "${P[@]}"
echo "cli complaints: $pass passed, $fail failed"
[ "$fail" = 0 ]
