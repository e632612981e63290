#!/usr/bin/env bash
# The fees module's billing commands (issue 14, items 1, 2, 7): fee item, rate, custody,
# reading, bill run|show|list, with --json and --csv (UTF-8 with a BOM). A refusal prints
# the library's message and changes nothing; a second run of a month bills nothing.
# Usage: fees.sh FRONTDESK TMPDIR
set -u
fd=$1
db="$2/cli-fees.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"

expect "init" 0 "created" -- "$fd" init "$db" --name 某某花园 --code garden
expect "grants" 0 "gave" -- "$fd" grant give manager manage --site garden
expect "clerk" 0 "added" -- "$fd" staff add F001 王小丽 --role clerk --site garden
expect "manager" 0 "added" -- "$fd" staff add M001 周经理 --role manager --as system --site garden
export FRONTDESK_SITE=garden
expect "building" 0 "1" -- "$fd" building add 3 3号楼 --as M001
expect "unit 88.88 m²" 0 "1" -- "$fd" unit add 3-1201 --building 3 --area 88.88 --as M001
expect "unit 100 m²" 0 "2" -- "$fd" unit add 3-1202 --building 3 --area 100 --as M001
expect "unit no area" 0 "3" -- "$fd" unit add 3-1203 --building 3 --as M001

# R-FEE-8: items (labels, Traditional, full-width) and rates with four decimals
expect "R_FEE_8 item by label" 0 '"item_id":1' -- "$fd" fee item add mgmt 物业管理费 --kind 按面积 --custody --json --as M001
expect "R_FEE_8 item Traditional" 0 "已添加收费项目 2" -- "$fd" fee item add lift 电梯费 --kind 固定金額 --as M001
expect "R_FEE_8 item code" 0 "3" -- "$fd" fee item add water 水费 --kind metered --rounding 去尾 --as M001
expect "R_FEE_8 item needs manage" 1 "FD_EPERM" -- "$fd" fee item add gas 燃气 --kind agency --as F001
expect "R_FEE_8 item bad kind" 2 "--kind" -- "$fd" fee item add cut 停水 --kind 停水 --as M001
expect "R_FEE_8 item code taken" 1 "FD_ECONFLICT" -- "$fd" fee item add mgmt 又一个 --kind fixed --as M001
expect "R_FEE_8 rate 1.2345" 0 '"rate_id":1' -- "$fd" fee rate add mgmt 1.2345 --from 2026-01-01 --source 价格备案2026-3 --json --as M001
expect "R_FEE_8 rate full-width" 0 "2" -- "$fd" fee rate add lift ３０ --from 2026-01-01 --as M001
expect "R_FEE_8 rate water" 0 "3" -- "$fd" fee rate add water 3.5 --from 2026-01-01 --as M001
expect "R_FEE_8 rate five decimals refused" 2 "at most 4 decimals" -- "$fd" fee rate add mgmt 1.23456 --from 2026-02-01 --as M001
expect "R_FEE_8 rate zero for a recurring item" 1 "FD_ERANGE.*price_e4" -- "$fd" fee rate add mgmt 0 --from 2026-02-01 --as M001
expect "R_FEE_8 rate same day" 1 "FD_ECONFLICT" -- "$fd" fee rate add mgmt 2 --from 2026-01-01 --as M001
expect "R_FEE_8 item list" 0 "物业管理费.*按面积.*托管折扣" -- "$fd" fee item list
expect "R_FEE_8 item list --json" 0 '"code":"water","name":"水费","kind":"metered"' -- "$fd" fee item list --json
expect "R_FEE_8 item list --csv has a BOM" 0 $'^\xEF\xBB\xBFid,code,name' -- "$fd" fee item list --csv
expect "R_FEE_8 rate list" 0 "1.2345" -- "$fd" fee rate list mgmt
expect "R_FEE_8 rate list --csv" 0 "1,1,2026-01-01,12345," -- "$fd" fee rate list --csv

# R-FEE-7: custody from the 15th; readings only go up
expect "R_FEE_7 custody from the 15th" 0 "1" -- "$fd" fee custody add 3-1202 --from 2026-11-15 --as F001
expect "R_FEE_7 custody overlaps" 1 "FD_ECONFLICT" -- "$fd" fee custody add 3-1202 --from 2026-12-01 --as F001
expect "R_FEE_8 reading" 0 "1" -- "$fd" fee reading add 3-1201 water 120.00 --date 2026-10-31 --as F001
expect "R_FEE_8 reading" 0 "2" -- "$fd" fee reading add 3栋1201室 water １３５.５ --date 2026-11-30 --as F001
expect "R_FEE_8 reading below" 1 "FD_ERANGE.*below" -- "$fd" fee reading add 3-1201 water 100 --date 2026-12-31 --as F001

# R-FEE-2: bill a month, idempotent
expect "R_FEE_2 bill run" 0 '"units":3,"bills":3,"bills_extended":0,"lines":6,"lines_existing":0,"no_area":1' -- \
  "$fd" fee bill run --start 2026-11-01 --json --as F001
expect "R_FEE_2 bill run again writes nothing" 0 "新账单 0 张.*已开过 6 条" -- "$fd" fee bill run --start 2026-11-01 --as F001
expect "R_FEE_2 bill run needs --start" 2 "--start" -- "$fd" fee bill run --as F001
expect "R_FEE_2 bill run bad period" 2 "--period" -- "$fd" fee bill run --start 2026-11-01 --period 周 --as F001
expect "R_FEE_8 bill show: 1.2345 × 88.88" 0 "88.88 × 1.2345 +¥109.72" -- "$fd" fee bill show 1
expect "R_FEE_8 bill show --json residue" 0 '"amount":10972,"residue_e4":2360' -- "$fd" fee bill show 1 --json
expect "R_FEE_8 water 15.50 t rounded down" 0 '"qty_e2":1550,"price_e4":35000.*"rounding":"down","amount":5425' -- "$fd" fee bill show 1 --json
expect "R_FEE_7 custody line" 0 '"custody_pct":70,"custody_days":16.*"amount":10370' -- "$fd" fee bill show 2 --json
expect "R_FEE_7 custody policy shown" 0 "fee.proration=days: 16 of 30 days under custody" -- "$fd" fee bill show 2
expect "R_FEE_2 bill list" 0 "应缴 2026-11-15.*未缴" -- "$fd" fee bill list --unit 3-1201
expect "R_FEE_2 bill list --csv" 0 $'^\xEF\xBB\xBFid,unit_id,period' -- "$fd" fee bill list --csv
expect "R_FEE_2 bill list --state" 0 '"state":"open"' -- "$fd" fee bill list --state 未缴 --json
expect "json and csv" 2 "give one" -- "$fd" fee bill list --json --csv
expect "R_COM_3 retire" 0 "已停用收费项目 2" -- "$fd" fee item retire lift --as M001
expect "R_COM_3 retired twice" 1 "FD_ESTATE" -- "$fd" fee item retire lift --as M001
expect "R_FEE_2 December: no lift, no reading yet" 0 '"bills":2,.*"lines":2,.*"no_reading":3' -- "$fd" fee bill run --start 2026-12-01 --json --as F001
expect "R_FEE_7 custody end" 0 "托管已结束 1" -- "$fd" fee custody end 1 --to 2027-01-11 --as F001
expect "R_FEE_8 item waste" 0 "4" -- "$fd" fee item add waste 装修垃圾清运费 --kind 装修垃圾 --as M001
expect "R_FEE_8 one-off charge" 0 '"bill_id":6' -- "$fd" fee bill charge 3-1201 waste --date 2026-11-20 --qty 1.5 --price 200 --json --as F001
expect "R_FEE_8 one-off bill" 0 '"period":"once".*"amount":30000' -- "$fd" fee bill show 6 --json
expect "R_FEE_8 one-off with no price" 1 "FD_EINVAL.*price_e4" -- "$fd" fee bill charge 3-1201 waste --date 2026-11-20 --as F001
expect "R_FEE_2 discount needs manage" 1 "FD_EPERM" -- "$fd" fee bill discount 1 mgmt 10 --reason 老人减免 --as F001
expect "R_FEE_2 discount" 0 "已登记优惠明细" -- "$fd" fee bill discount 1 mgmt ¥3.97 --reason 老人减免 --as M001
expect "R_FEE_2 discount shown" 0 '"kind":"discount".*"amount":-397.*"policy":"discount: 老人减免"' -- "$fd" fee bill show 1 --json
expect "R_FEE_2 late fees: none by default" 0 "新滞纳金明细 0 条" -- "$fd" fee bill late-fees --date 2026-12-01 --as F001
expect "R_FEE_2 late fee policy" 0 "" -- "$fd" policy set fee.late_fee.per_day_e4 5 --as M001
expect "R_FEE_2 late fees" 0 '"lines":4' -- "$fd" fee bill late-fees --date 2026-11-25 --json --as F001
expect "R_FEE_2 late fees idempotent per day" 0 '"lines":0' -- "$fd" fee bill late-fees --date 2026-11-25 --json --as F001
expect "R_FEE_9 adjust needs manage" 1 "FD_EPERM" -- "$fd" fee adjust 1 -10 --reason 面积登记错误 --as F001
expect "R_FEE_9 adjust" 0 "已登记调账 1" -- "$fd" fee adjust 1 -10 --reason 面积登记错误 --as M001
expect "R_FEE_9 adjust shown" 0 '"adjusted":-1000' -- "$fd" fee bill show 1 --json
expect "R_FEE_9 adjust needs a reason" 2 "--reason" -- "$fd" fee adjust 1 -10 --as M001
expect "R_FEE_9 adjust zero" 1 "FD_ERANGE" -- "$fd" fee adjust 1 0 --reason 无 --as M001
expect "fee help" 0 "fee bill run" -- "$fd" fee --help
expect "read-only commands open read-only" 0 "" -- "$fd" fee bill list --read-only
expect "verify" 0 "chain intact" -- "$fd" verify
echo "cli fees: $pass passed, $fail failed"
[ "$fail" = 0 ]
