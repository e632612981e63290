#!/usr/bin/env bash
# The cash desk's commands (issue 14, items 3, 4, 7): fee lookup, series, pay (the receipt in the
# same transaction, numbered without gaps), void, refund, prepare/collect/return, receipts,
# close-day, ledger (客户收款明细表, --json and --csv with a BOM), reconcile. A refusal prints the
# library's message and changes nothing.
# Usage: fees_cash.sh FRONTDESK TMPDIR
set -u
fd=$1
db="$2/cli-fees-cash.db"
rm -f "$db" "$db-wal" "$db-shm"
export FRONTDESK_DB="$db"
. "$(dirname "$0")/lib.sh"

expect "init" 0 "created" -- "$fd" init "$db" --name 某某花园 --code garden
expect "grants" 0 "gave" -- "$fd" grant give manager manage --site garden
expect "clerk" 0 "added" -- "$fd" staff add F001 王小丽 --role clerk --site garden
expect "clerk 2" 0 "added" -- "$fd" staff add F002 李四 --role clerk --as system --site garden
expect "manager" 0 "added" -- "$fd" staff add M001 周经理 --role manager --as system --site garden
export FRONTDESK_SITE=garden
expect "building" 0 "1" -- "$fd" building add 3 3号楼 --as M001
expect "unit 88.88 m²" 0 "1" -- "$fd" unit add 3-1201 --building 3 --area 88.88 --as M001
expect "unit" 0 "2" -- "$fd" unit add 3-1202 --building 3 --area 100 --as M001
expect "owner 𠮷" 0 "" -- "$fd" occupant add 3-1201 𠮷田丽 --role owner --move-in 2020-01-01 --as M001
expect "item" 0 "1" -- "$fd" fee item add mgmt 物业管理费 --kind area --as M001
expect "rate 1.2345" 0 "1" -- "$fd" fee rate add mgmt 1.2345 --from 2026-01-01 --as M001
for m in 08 09 10; do
  expect "bill 2026-$m" 0 "" -- "$fd" fee bill run --start 2026-$m-01 --as F001
done
expect "R_FEE_4 series" 0 "^1$" -- "$fd" fee series add E2026 --kind electronic --as M001
expect "R_FEE_4 book" 0 "^2$" -- "$fd" fee series add B0001 --kind book --first 101 --last 102 --as M001
expect "R_FEE_4 book without last" 1 "FD_EINVAL.*last_no" -- "$fd" fee series add B0002 --kind book --first 1 --as M001

# R-FEE-1: the look-up the clerk confirms
expect "R_FEE_1 lookup" 0 "𠮷田丽.*版本 3" -- "$fd" fee lookup 3-1201
expect "R_FEE_1 lookup lists each period" 0 "2026-08-15.*已逾期" -- "$fd" fee lookup 3栋1201室
expect "R_FEE_1 lookup --json" 0 '"rev":3,"balance":0,"paid":0,"outstanding":32916' -- "$fd" fee lookup 3-1201 --json
expect "R_FEE_1 lookup --csv has a BOM" 0 $'^\xEF\xBB\xBFbill_id,period_start' -- "$fd" fee lookup 3-1201 --csv

# R-FEE-3, R-FEE-4: a payment that exactly clears three periods, with change and capital numerals
expect "R_FEE_1 stale revision" 1 "FD_ECONFLICT.*look-up" -- \
  "$fd" fee pay 3-1201 329.16 --method cash --tendered 400 --series 1 --rev 2 --as F001
expect "R_FEE_3 cash short" 1 "FD_EINVAL.*payment.tendered" -- \
  "$fd" fee pay 3-1201 329.16 --method cash --tendered 300 --series 1 --rev 3 --as F001
expect "R_FEE_3 wechat needs a reference" 1 "FD_EINVAL.*payment.reference" -- \
  "$fd" fee pay 3-1201 329.16 --method wechat --series 1 --rev 3 --as F001
expect "R_FEE_3 too much" 1 "FD_ERANGE.*payment.amount" -- \
  "$fd" fee pay 3-1201 100000000 --method card --reference X --series 1 --rev 3 --as F001
expect "R_FEE_3 needs --as" 2 "" -- "$fd" fee pay 3-1201 1 --method cash --tendered 1 --series 1 --rev 3
expect "R_FEE_4 pay three periods" 0 "收据 1 号.*叁佰贰拾玖元壹角陆分.*找零 ¥70.84" -- \
  "$fd" fee pay 3-1201 329.16 --method cash --tendered 400 --series 1 --rev 3 --payer 𠮷田丽 --as F001
expect "R_FEE_1 nothing owed now" 0 '"outstanding":0' -- "$fd" fee lookup 3-1201 --json
expect "R_FEE_1 0.01 yuan to the balance" 0 '"number":2,"amount":1,"change":0,"allocated":0,"to_balance":1' -- \
  "$fd" fee pay 3-1201 0.01 --method wechat --reference 4200001 --series 1 --rev 4 --json --as F001
expect "R_FEE_4 receipts" 0 '"number":2.*"amount_upper":"壹分"' -- "$fd" fee receipts --series 1 --json
expect "R_FEE_4 receipts --csv" 0 $'^\xEF\xBB\xBFid,series_id' -- "$fd" fee receipts --csv

# R-FEE-4: void and refund as records
expect "R_FEE_4 void needs a reason" 2 "--reason" -- "$fd" fee void 2 --as F001
expect "R_FEE_4 void" 0 "^1$" -- "$fd" fee void 2 --reason 金额写错 --as F001
expect "R_FEE_4 void twice" 1 "FD_ESTATE.*voided already" -- "$fd" fee void 2 --reason again --as F001
expect "R_FEE_4 refund request" 0 "^1$" -- "$fd" fee refund request 1 50 --method cash --reason 多收 --as F001
expect "R_FEE_4 refund by a clerk" 1 "FD_EPERM" -- "$fd" fee refund approve 1 --as F002
expect "R_FEE_4 refund approve" 0 "" -- "$fd" fee refund approve 1 --as M001
expect "R_FEE_4 refund pay" 0 "" -- "$fd" fee refund pay 1 --as F001

# R-FEE-5: prepared for the door, then the day close waits for it
expect "R_FEE_5 prepare" 0 "^3$" -- "$fd" fee prepare 2 --series 1 --collector 2 --signature 李四 --as F001
expect "R_FEE_9 close refused while out" 1 "FD_ESTATE.*E2026-3" -- "$fd" fee close-day --as M001
expect "R_FEE_5 collect short" 1 "FD_EINVAL.*payment.amount" -- "$fd" fee collect 3 50 --method cash --tendered 50 --as F002
expect "R_FEE_5 collect" 0 "收据 3 号.*找零 ¥76.55" -- "$fd" fee collect 3 123.45 --method cash --tendered 200 --as F002
expect "R_FEE_9 reconcile" 0 "ok true" -- "$fd" fee reconcile
expect "R_FEE_9 ledger" 0 "客户收款明细表" -- "$fd" fee ledger
expect "R_FEE_9 ledger --csv" 0 $'^\xEF\xBB\xBF' -- "$fd" fee ledger --csv
expect "R_FEE_9 ledger --json" 0 '"fees.ledger"' -- "$fd" fee ledger --json
expect "R_FEE_9 close the day" 0 "日结 1.*收款 3 笔" -- "$fd" fee close-day --as M001
expect "R_FEE_9 closed once" 1 "FD_ECONFLICT" -- "$fd" fee close-day --as M001
expect "R_FEE_9 frozen" 1 "FD_ESTATE.*closed" -- \
  "$fd" fee pay 3-1201 1 --method cash --tendered 1 --series 1 --rev 7 --as F001
expect "R_FEE_9 daily report fees section" 0 "收费汇总" -- "$fd" report daily
expect "usage" 2 "fee lookup" -- "$fd" fee lookup
expect "verify covers payments and receipts" 0 "chain intact" -- "$fd" verify
echo "cli fees_cash: $pass passed, $fail failed"
[ "$fail" = 0 ]
