#!/usr/bin/env bash
# The fees module's arrears commands (issue 14, item 5; R-FEE-2, R-FEE-6): fee arrears,
# dunning add|due|list, notice payment|dunning, template set, with --json and --csv (UTF-8
# with a BOM). Bills come from billing (fee bill run); a refusal changes nothing.
# Usage: fees_arrears.sh FRONTDESK TMPDIR
set -u
fd=$1
db="$2/cli-fees-arrears.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"
at=(--at "2026-11-20 10:00")

expect "init" 0 "created" -- "$fd" init "$db" --name 阳光花园 --code garden
expect "grants" 0 "gave" -- "$fd" grant give manager manage --site garden
expect "clerk" 0 "added" -- "$fd" staff add F001 王小丽 --role clerk --site garden
expect "manager" 0 "added" -- "$fd" staff add M001 周经理 --role manager --as system --site garden
export FRONTDESK_SITE=garden
expect "building" 0 "1" -- "$fd" building add 3 3号楼 --as M001
expect "unit lived in" 0 "1" -- "$fd" unit add 3-1201 --building 3 --area 88.88 --as M001
expect "unit empty" 0 "2" -- "$fd" unit add 3-1202 --building 3 --area 88.88 --as M001
expect "owner" 0 "1" -- "$fd" occupant add 3-1201 𠮷田丽 --role owner --move-in 2020-01-01 --as F001
expect "item" 0 "1" -- "$fd" fee item add mgmt 物业管理费 --kind area --as M001
expect "rate 1.2345" 0 "1" -- "$fd" fee rate add mgmt 1.2345 --from 2026-01-01 --as M001
for m in 08 09 10; do
  expect "bill run 2026-$m" 0 '"bills":2' -- "$fd" fee bill run --start 2026-$m-01 --json --as M001 "${at[@]}"
done

# R-FEE-6: arrears by unit in age buckets, totals, as of a day
expect "R_FEE_6 arrears" 0 "3-1201 .*3  欠费 ¥329.16.*下一步 电话短信提醒" -- "$fd" fee arrears --as-of 2026-11-20 "${at[@]}"
expect "R_FEE_6 arrears total" 0 "合计 2 户 6 笔  欠费 ¥658.32" -- "$fd" fee arrears --as-of 2026-11-20 "${at[@]}"
expect "R_FEE_6 arrears --json" 0 '"unit":"3-1201","bills":3,"outstanding":32916,.*"occupied":1.*"total":\{"unit_id":2' -- \
  "$fd" fee arrears --as-of 2026-11-20 --json "${at[@]}"
expect "R_FEE_6 arrears --json parses" 0 "^32916 2$" -- bash -c "\"$fd\" fee arrears --as-of 2026-11-20 --json --at '2026-11-20 10:00' | \
  python3 -c 'import json,sys; d=json.load(sys.stdin); u=d[\"units\"][0]; print(u[\"d0_30\"]+u[\"d31_90\"]+u[\"d91_180\"]+u[\"d181_365\"]+u[\"over_365\"], len(d[\"units\"]))'"
expect "R_FEE_6 arrears --csv has a BOM" 0 $'^\xEF\xBB\xBFunit_id,unit,bills,outstanding' -- "$fd" fee arrears --csv "${at[@]}"
expect "R_FEE_6 arrears --csv rows" 0 $'^1,3-1201,3,32916,' -- "$fd" fee arrears --as-of 2026-11-20 --csv "${at[@]}"
expect "R_FEE_6 nothing overdue before the first due day" 0 "合计 0 户" -- "$fd" fee arrears --as-of 2026-08-01 "${at[@]}"
expect "R_FEE_6 arrears full-width date" 0 "合计 2 户" -- "$fd" fee arrears --as-of ２０２６-１１-２０ "${at[@]}"
expect "R_FEE_6 bad date" 2 "as-of" -- "$fd" fee arrears --as-of 2026-02-30 "${at[@]}"

# R-FEE-6: the dunning state machine; Civil Code art. 944 refused; nothing changes on refusal
expect "R_FEE_6 due: both" 0 "合计 2 户" -- "$fd" fee dunning due --as-of 2026-11-20 "${at[@]}"
expect "R_FEE_6 a letter before a reminder" 1 "FD_ESTATE.*reminder" -- \
  "$fd" fee dunning add 3-1201 --step letter --channel express --date 2026-11-20 --as F001 "${at[@]}"
expect "R_FEE_6 art. 944: no cutting off water" 1 "FD_EINVAL.*944" -- \
  "$fd" fee dunning add 3-1201 --step 停水 --channel phone --date 2026-11-20 --as F001 "${at[@]}"
expect "R_FEE_6 art. 944 Traditional channel" 1 "FD_EINVAL.*944" -- \
  "$fd" fee dunning add 3-1201 --step reminder --channel 停電 --date 2026-11-20 --as F001 "${at[@]}"
expect "R_FEE_6 not after today" 1 "FD_EINVAL.*happened_on" -- \
  "$fd" fee dunning add 3-1201 --step reminder --channel phone --date 2026-11-21 --as F001 "${at[@]}"
expect "R_COM_1 a write needs --as" 2 "--as" -- "$fd" fee dunning add 3-1201 --step reminder --channel phone "${at[@]}"
expect "R_FEE_6 ... nothing recorded" 0 '^\[\]$' -- "$fd" fee dunning list --json
expect "R_FEE_6 reminder by label" 0 "已登记催缴 1" -- \
  "$fd" fee dunning add 3-1201 --step 电话短信提醒 --channel 短信 --date 2026-11-20 --deadline 2026-11-30 --result 承诺月底前缴纳 \
  --as F001 "${at[@]}"
expect "R_FEE_6 the clock restarts (art. 195)" 0 '"last_demand_on":"2026-11-20","last_step":"reminder","next_step":"letter","next_step_on":"2027-02-20","limitation_on":"2029-11-20"' -- \
  "$fd" fee arrears --as-of 2026-11-20 --json "${at[@]}"
expect "R_FEE_6 due: the other unit only" 0 '"unit":"3-1202"' -- "$fd" fee dunning due --as-of 2026-11-20 --json "${at[@]}"
expect "R_FEE_6 dunning list" 0 "2026-11-20  电话短信提醒/短信  ¥329.16 承诺月底前缴纳" -- "$fd" fee dunning list --unit 3-1201
expect "R_FEE_6 dunning list --csv" 0 $'1,1,reminder,sms,2026-11-20,32916,2026-11-30,承诺月底前缴纳,' -- "$fd" fee dunning list --csv

# R-FEE-2: notices from the site's template, or the built-in one
expect "R_FEE_2 dunning notice" 0 "催款通知书" -- "$fd" fee notice dunning 3-1201 --as-of 2026-11-20 "${at[@]}"
expect "R_FEE_2 notice amount in capitals" 0 "叁佰贰拾玖元壹角陆分" -- "$fd" fee notice dunning 3-1201 --as-of 2026-11-20 "${at[@]}"
expect "R_FEE_2 notice names the payer" 0 "𠮷田丽" -- "$fd" fee notice 催款通知书 3-1201 --as-of 2026-11-20 "${at[@]}"
expect "R_FEE_2 payment notice --json" 0 '"unit_id":1,"as_of":"2026-11-20","text":".*缴款通知书' -- \
  "$fd" fee notice payment 3-1201 --as-of 2026-11-20 --json "${at[@]}"
expect "R_FEE_2 template needs manage" 1 "FD_EPERM" -- "$fd" fee template set dunning "{unit} 欠 {amount}" --as F001
expect "R_FEE_2 template unknown placeholder" 1 "FD_EINVAL.*\{amont\}" -- "$fd" fee template set dunning "{unit} 欠 {amont}" --as M001
expect "R_FEE_2 template set" 0 "已设置通知模板 1" -- "$fd" fee template set dunning "{payer}：{unit} 欠 {amount}（{amount_upper}）" --as M001
expect "R_FEE_2 notice from the template" 0 "^𠮷田丽：3-1201 欠 ¥329.16（叁佰贰拾玖元壹角陆分）$" -- \
  "$fd" fee notice dunning 3-1201 --as-of 2026-11-20 "${at[@]}"
expect "R_FEE_2 nothing owed" 1 "FD_ESTATE" -- "$fd" fee notice dunning 3-1201 --as-of 2026-08-01 "${at[@]}"
expect "R_FEE_2 no such notice" 2 "KIND" -- "$fd" fee notice receipt 3-1201 "${at[@]}"
expect "no such unit" 1 "3-9999" -- "$fd" fee notice dunning 3-9999 "${at[@]}"
expect "R_COM_2 masked names" 0 "" -- "$fd" policy set pii.mask_names 1 --as M001
expect "R_COM_2 the payer masked" 0 "^𠮷\*\*：3-1201" -- "$fd" fee notice dunning 3-1201 --as-of 2026-11-20 "${at[@]}"
expect "json and csv" 2 "give one" -- "$fd" fee arrears --json --csv
expect "fee help" 0 "fee dunning add" -- "$fd" fee --help
expect "read-only commands open read-only" 0 "" -- "$fd" fee arrears --read-only
expect "verify" 0 "chain intact" -- "$fd" verify
echo "cli fees arrears: $pass passed, $fail failed"
[ "$fail" = 0 ]
