/*
 * frontdesk: the command-line face of libfrontdesk.
 *
 *   frontdesk [--db PATH] [--site CODE] [--as STAFF] [--json] COMMAND ...
 *
 * Every write is done by an actor: the member of staff named with --as (by
 * staff code) at the site, at the instant --at gives (default: now). A write
 * without --as is a usage error naming --as, except init, and staff add, grant
 * give and policy set while the site has no staff yet; `--as system` acts as
 * the system, said explicitly. Reads may leave --as out. Times are shown in
 * the site's time zone with their offset. Phone and ID numbers come back masked (R-COM-2) unless
 * --reveal REASON is given by staff whose role holds the reveal grant; every
 * reveal is logged and listed by `audit reveals`.
 *
 * Exit status: 0 success, 1 the library refused (one line on stderr naming
 * the status and the field), 2 a usage error.
 */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char USAGE_ZH[] =
    "用法: frontdesk [--db 路径] [--site 场所代码] [--as 工号] [--json] 命令 [参数]\n"
    "\n"
    "  init [路径] --name 名称 [--code 代码] [--tz 时区] [--add-site]\n"
    "                                          新建场所数据库（路径默认取 --db）；--add-site 在已有库中加场所\n"
    "  site list                               列出场所\n"
    "  staff add 工号 姓名 [--role 角色]        新增员工\n"
    "  staff list [--search 文字]               员工列表（按姓名、拼音、首字母查找）\n"
    "  staff deactivate 工号                    员工离职（不删除）\n"
    "  journal add 对象 操作 [--id 编号] [--detail 详情] [--at 时间]\n"
    "  journal list [--entity 对象] [--date 日期]\n"
    "                                          日志（电话、身份证号码默认遮蔽）\n"
    "  grant give|take 角色 reveal|manage       授予或收回角色权限\n"
    "  audit reveals [--date 日期]              查看个人信息的访问记录\n"
    "  policy list | get 键 | set 键 值 [单位] | reset 键   时限类键可带单位：working_days、calendar_days …\n"
    "  report daily [--date 日期] [--csv]       日报（默认今天，场所当地时间）\n"
    "  report complaints --month 年-月 [--csv]  投诉月报（分类统计、按时率、解决用时、满意度）\n"
    "  report plans --month 年-月 [--csv]       计划月报（拜访、回访的计划与完成、满意度、重复问题）\n"
    "  verify                                  检查数据完整性与日志哈希链\n"
    "  calendar status                         节假日数据覆盖情况\n"
    "  call log --number 号码 --caller 姓名 --ring 时间 [--answer 时间] [--end 时间] [--category 类别]\n"
    "       [--matter 事由] [--read-back] [--apology given|omitted] [--unresolved] [--ext 分机] ...\n"
    "                                          登记来电（三声内接听、复述、掉线回拨、待答复）\n"
    "  call list [--date 日期] [--category 类别] [--late] | call show 编号\n"
    "  call tasks [--all] | call done 任务 --outcome 结果   回拨与答复任务\n"
    "  call import-cdr 文件 --dialect 格式 --source 交换机 [--tz 时区] [--column-map 列映射]\n"
    "                                          导入话单（可重复导入；有被拒绝的行时退出码为 1）\n"
    "  message take --for 收件人 --from 留言人 --body 内容 --confirmed | deliver 编号 --how 方式\n"
    "  message expire 编号 --note 原因 | message list [--all]\n"
    "  dir add 名称 [--ext 分机] [--confidential] [--screen] | dir find 查询 [--caller-type 类型]\n"
    "  dir presence 分机 in|out|busy|dnd [--until 时间]\n"
    "  guest add 姓名 --room 房号 --arrival 日期 --departure 日期 | guest find [姓名] [--room 房号]\n"
    "  building add 代码 名称 | unit add 房号 --building 楼栋 [--area 面积] [--use 住宅|办公|商铺|其他]\n"
    "  unit find 房号 | unit list [--building 楼栋]\n"
    "  occupant add 房号 姓名 --move-in 日期 [--role 业主|租户|住户] [--number 电话]\n"
    "  occupant find 查询 | occupant move-out 编号 日期 | org add 名称 [--unit 房号] | org find 查询\n"
    "  find 查询                                按姓名、拼音、房号、电话查找住户、单位、员工\n"
    "  resident 姓名或电话                      是否本物业住户（不显示住户信息）\n"
    "  dept add 单位编号 名称 | employee add 单位编号 姓名 [--dept 部门编号] [--title 职务] [--number 电话]\n"
    "                                          企业的部门与员工（来访的被访人）\n"
    "  visitor register 姓名 --purpose 事由 --host 被访人|--host-occupant 编号|--host-employee 编号|--host-dept 编号|\n"
    "       --host-org 编号 [--org 来访单位] [--phone 电话] [--party 人数] [--plate 车牌]\n"
    "       [--id-type 证件类型 --id-number 号码 [--consent]] [--expected 时间 [--until 时间]] [--important]\n"
    "                                          来访登记：打印登记单号、状态与黑名单结果（只有级别和原因）\n"
    "  visitor answer 编号 lobby|bring_up|decline | checkin 编号 | checkout 编号 [--left-at 时间] [--note 备注]\n"
    "  visitor admit|refuse|explain|cancel 编号 --note 理由   黑名单放行或拒绝、交班说明、取消预约\n"
    "  visitor list [--date 日期] [--state 状态] | show 编号 | onsite   来访记录；仍在场者（含逾期标记）\n"
    "  visitor shift [--since 时间]             交班检查：在场者须签离或说明（不能交班时退出码为 1）\n"
    "  visitor purge [--dry-run]               按保存期限清除证件号码与个人信息（--dry-run 只报告）\n"
    "  visitor id-reveal 编号 --reason 事由      查看留存的完整证件号码（需 reveal 权限，留痕）\n"
    "  blocklist add [姓名] --level 级别 --reason 原因 [--phone 电话] [--id-type 类型 --id-number 号码]\n"
    "       [--from 时间] [--until 时间] | lift 编号 --reason 原因 | check [姓名] [--phone ...] | list [--all]\n"
    "  card add 编号牌 [--kind 类型] [--name 名称] | issue 编号牌 --visit 来访 | return|found 编号牌 [--note 备注]\n"
    "  card lost 编号牌 --note 经过 | list [--kind 类型] [--state 状态]\n"
    "  card count 类型 接班|交班 --counted 实点数 --cosign 复核人工号 | explain 清点编号 --note 说明\n"
    "  custody add 类型 描述 [--owner 物主] [--phone 电话] [--unit 房号] [--occupant 编号] [--visit 来访]\n"
    "       [--found-where 地点] | notify 编号 --how 方式 | collect 编号 --to 领取人 --check signature|id_check\n"
    "  custody return|hand-on 编号 --to 接收方 | list [--state 状态|--all] [--kind 类型]   遗留物品、快递、暂存\n"
    "  permit add 申请人 --items \"电脑2台，椅子×4\" [--unit 房号] [--org 单位编号] [--phone 电话] [--reason 事由]\n"
    "       [--until 时间] [--id-type 类型 --id-number 号码] | approve 编号 | refuse 编号 --note 理由 | list\n"
    "  permit check 编号 --counted \"实点物品\" [--gate 门岗]   门岗核对（不符时退出码为 1 并列出差异）\n"
    "  prep add 来访 事项 [--due 时间] | done 编号 [--note 备注] | list [--visit 来访] [--date 日期] [--open]\n"
    "                                          重要来访的接待准备清单\n"
    "  slips status | slips handover --to 接收人   登记单移交保安\n"
    "  complaint new --received 时间 --channel 渠道 --severity 重大|重要|轻微 --what 内容 [--category 类别] [--contact 电话] ...\n"
    "  complaint new --from-call 来电 --severity 级别   由来电直接登记投诉\n"
    "  complaint show 编号 | list [--due 4h | --breached | --escalate] [--state 状态] [--severity 级别]\n"
    "                                          投诉详情（时限、剩余时间、处理记录）；按队列排序（危害持续者在前）\n"
    "  complaint assess|assign|investigate|propose|choose|implement|followup|close|reopen 编号 ...\n"
    "  complaint pause|resume|escalate|contact|answer|report|reply|severity|harm|harm-cleared 编号 ...\n"
    "  complaint advance 编号 步骤 [选项]       处理步骤（不允许时说明当前状态与可做的步骤）\n"
    "  complaint unanswered [--date 日期] | escalate-run | check-reply 文字   未答复清单、升级、禁语检查\n"
    "  complaint categories|phrases add|retire|list   场所的投诉类别与服务禁语\n"
    "  fee item add 代码 名称 --kind 类型 [--custody] [--rounding 舍入] | list [--all] | retire 代码   收费项目\n"
    "  fee rate add 项目 单价(元) --from 日期 [--source 依据] | list [项目]   收费标准（按生效日期）\n"
    "  fee custody add 房号 --from 日期 [--to 日期] | end 编号 --to 日期   托管（管理费按 fee.custody_rate_pct）\n"
    "  fee reading add 房号 项目 读数 --date 日期   抄表\n"
    "  fee bill run --start 日期 [--period 月|季|年] [--unit 房号] | show 编号 | list [--unit 房号] [--state 状态]\n"
    "                                          开单（重复运行不重复开单）、账单明细、账单列表（--json | --csv）\n"
    "  fee bill charge 房号 项目 --date 日期 [--qty 数量] [--price 单价] | discount 编号 项目 金额 --reason 原因 | late-fees\n"
    "  fee adjust 账单 金额 --reason 原因      调账（日结后记入下一个未结日）\n"
    "  fee lookup 房号 [--date 日期]            收费前查询：业主、已缴、欠缴各期（版本号用于 pay --rev）\n"
    "  fee pay 房号 金额 --method 方式 --series 票据本 --rev 版本 [--tendered 实收] [--reference 参考号] [--bill 账单]\n"
    "                                          收款并同时开具收据（号码连续）\n"
    "  fee void 收据 --reason 原因 | refund request|approve|refuse|pay | prepare|collect|return   作废、退款、预开\n"
    "  fee series add|close | receipts | close-day [--date 日期] | ledger [--date 日期] | reconcile\n"
    "                                          票据本、收据、日结、客户收款明细表、对账\n"
    "  fee arrears [--as-of 日期]                欠费账龄（1-30/31-90/91-180/181-365/一年以上）与诉讼时效（--json | --csv）\n"
    "  fee dunning add 房号 --step 阶段 --channel 方式 [--date 日期] | due | list   催缴登记、今日应催、催缴记录\n"
    "  fee notice payment|dunning 房号 [--as-of 日期] | fee template set payment|dunning 正文   缴款/催款通知书\n"
    "  repair new --received 时间 --channel 渠道 --category 类别 --what 内容 (--unit 房号 | --address 地址)   报修登记\n"
    "  repair dispatch|transfer 编号 --handler 工号 | accept|resume|done|leak-test|close 编号 | return|pause 编号 --note 原因\n"
    "  repair show 编号 | list [--state 状态] [--csv]   报修单、处理记录与回访\n"
    "  followup due [--due 2d | --late] | record 编号 --method 电话 --result fixed --satisfaction 满意 | misses\n"
    "                                          维修回访：到期清单、记录回访、逾期未回访（R-PLN-1）\n"
    "  callback record (--task 编号 | --source 会员 --customer 姓名 --number 电话) [--agreed 时间]   登记回访电话\n"
    "  callback due [--due 4h | --late] | now | attempt 编号 --result 无人接听|占线|已回访 [--satisfaction 满意]\n"
    "  callback close 编号 --reason 原因 | misses   回访：到期、可致电（休息时间不打）、拨打、关闭、会员漏访（R-PLN-2）\n"
    "  specialist add 工号 --level 1..5 | leave 编号 [--apply] | list      客户专员\n"
    "  assign add (--occupant 编号 | --org 编号) [--specialist 编号] | list | rebalance [--apply] | contact 编号 | misses\n"
    "                                          客户分配：按级别均衡、调整建议、首次联系（R-PLN-3）\n"
    "  visit-plan add (--occupant 编号 | --org 编号) --purpose 事由 --recurrence 每周 --first 时间 --visitor 工号\n"
    "  visit-plan due [--due 7d | --late] | record 编号 [--note 客户意见] | reassign 计划 --visitor 工号 | end 计划\n"
    "  visit-plan question 拜访 问题 | answer 问题编号 答复   拜访计划、登记拜访、待答复问题（R-PLN-4）\n"
    "  survey new --title 标题 --from 日期 --to 日期 问题… | answer 征询 业主 题号 [--score 1-5] | show 征询 | due\n"
    "                                          业主意见征询与结果（R-PLN-5）\n"
    "  version                                 库版本\n"
    "  命令 --help                              该命令的子命令与用法（如 frontdesk visitor --help）\n"
    "\n"
    "  --db 路径        场所数据库（默认 $FRONTDESK_DB，否则 ./site.db）\n"
    "  --site 代码      库中有多个场所时指定场所\n"
    "  --as 工号        以该员工身份操作（--staff 为旧名）。凡改动数据的命令都须写明操作人，\n"
    "                   否则用法错误（退出码 2）；例外：init，以及场所尚无员工时的 staff add、\n"
    "                   grant give、policy set。以系统身份操作须明确写 --as system；只读命令可不写\n"
    "  --at 时间        操作时刻（默认现在）\n"
    "  时间             'YYYY-MM-DD HH:MM[:SS]' 场所当地时间（也可写 2026/11/27 10:00、带 T 或带时差\n"
    "                   如 2026-11-27T10:05:00+08:00，即 --json 的写法）；只写 'HH:MM' 为当天\n"
    "                   （场所当地、--at 所在日）；或 @UTC秒数。日期写 YYYY-MM-DD 或 YYYY/MM/DD\n"
    "  FRONTDESK_KEY_FILE  加密留存证件号码的密钥文件（场所策略 visitor.id_keep_full 时）；\n"
    "                   只有 visitor register 与 visitor id-reveal 读取它\n"
    "  --reveal 事由    显示未遮蔽的个人信息（需 reveal 权限，留痕）\n"
    "  --read-only      只读打开（只读命令自动如此）\n"
    "  --utc            时间以 UTC 显示\n"
    "  --lang en        英文输出（默认中文）\n"
    "  --json           机器可读输出\n";

static const char USAGE[] =
    "usage: frontdesk [--db PATH] [--site CODE] [--as STAFF] [--json] COMMAND [ARGS]\n"
    "\n"
    "  init [PATH] --name NAME [--code CODE] [--tz ZONE] [--add-site]\n"
    "                                                    create a site database with one site (PATH\n"
    "                                                    defaults to --db); --add-site adds one to an\n"
    "                                                    existing database\n"
    "  site list                                         the sites of the database\n"
    "  staff add CODE NAME [--role ROLE]                 add a member of staff\n"
    "  staff list [--search TEXT]                        staff of the site (search: name, pinyin, initials)\n"
    "  staff deactivate CODE                             a member of staff left (never deleted)\n"
    "  journal add ENTITY ACTION [--id N] [--detail TEXT] [--at TIME]\n"
    "  journal list [--entity E] [--date YYYY-MM-DD]     journal entries, numbers masked\n"
    "  grant give|take ROLE reveal|manage                give a role a grant at the site\n"
    "  audit reveals [--date YYYY-MM-DD]                 who saw personal data, when and why\n"
    "  policy list                                       every policy key with the site's value\n"
    "  policy get KEY | set KEY VALUE [UNIT] | reset KEY  a deadline key takes its unit too: 10 working_days\n"
    "  verify                                            integrity, protecting triggers, the journal's hash chain\n"
    "  report daily [--date YYYY-MM-DD] [--csv]          the day's report (default today, site time)\n"
    "  report complaints --month YYYY-MM [--csv]         the complaints month report (R-CPL-6)\n"
    "  report plans --month YYYY-MM [--csv]              the plans month report (R-PLN-5)\n"
    "  calendar status                                   holiday data: version, coverage, provisional years\n"
    "  call log --number N --caller NAME --ring TIME [--answer TIME] [--end TIME] [--category C]\n"
    "       [--matter TEXT] [--read-back] [--apology given|omitted] [--unresolved] [--ext EXT] ...\n"
    "                                                    log a call (three rings, read-back, call-back, reply)\n"
    "  call list [--date D] [--category C] [--late] | call show ID\n"
    "  call tasks [--all] | call done TASK --outcome TEXT   call-back and reply tasks\n"
    "  call import-cdr FILE --dialect D --source PBX [--tz ZONE] [--column-map M]\n"
    "                                                    import PBX call-detail records (idempotent; exit\n"
    "                                                    1 when a line was refused, listed with its number)\n"
    "  message take --for NAME --from NAME --body TEXT --confirmed | deliver ID --how HOW\n"
    "  message expire ID --note WHY | message list [--all]\n"
    "  dir add NAME [--ext EXT] [--confidential] [--screen] | dir find QUERY [--caller-type T]\n"
    "  dir presence EXT in|out|busy|dnd [--until TIME]\n"
    "  guest add NAME --room R --arrival D --departure D | guest find [NAME] [--room R]\n"
    "  building add CODE NAME | unit add NUMBER --building CODE [--area M2] [--use residential|office|shop|other]\n"
    "  unit find NUMBER | unit list [--building CODE]     (codes or their labels: --use 办公)\n"
    "  occupant add UNIT NAME --move-in DATE [--role owner|tenant|resident] [--number N]   (--role 住户 too)\n"
    "  occupant find QUERY | occupant move-out ID DATE | org add NAME [--unit UNIT] | org find QUERY\n"
    "  find QUERY                                        occupants, organisations, employees by name,\n"
    "                                                    pinyin, unit or phone\n"
    "  resident NAME|PHONE                               is this visitor a resident here? (never says who)\n"
    "  dept add ORG NAME | employee add ORG NAME [--dept ID] [--title T] [--number N]\n"
    "                                                    departments and employees of an organisation (hosts)\n"
    "  visitor register NAME --purpose TEXT --host TEXT|--host-occupant ID|--host-employee ID|--host-dept ID|\n"
    "       --host-org ID [--org ORG] [--phone N] [--party N] [--plate P]\n"
    "       [--id-type T --id-number N [--consent]] [--expected FROM [--until UNTIL]] [--important]\n"
    "                                                    register a visit: slip number, state, the blocklist's\n"
    "                                                    answer (level and reason only)\n"
    "  visitor answer ID lobby|bring_up|decline | checkin ID | checkout ID [--left-at TIME] [--note TEXT]\n"
    "  visitor admit|refuse|explain|cancel ID --note TEXT   blocklist decisions, end-of-shift notes, no-shows\n"
    "  visitor list [--date D] [--state S] | show ID | onsite   the log; who is still on site (overstays flagged)\n"
    "  visitor shift [--since TIME]                      the end-of-shift check (exit 1 until it may be handed over)\n"
    "  visitor purge [--dry-run]                         the retention purge of ID numbers and personal data\n"
    "  visitor id-reveal ID --reason TEXT                the full ID number kept for a visit (reveal grant; logged)\n"
    "  blocklist add [NAME] --level L --reason TEXT [--phone N] [--id-type T --id-number N] [--from T] [--until T]\n"
    "  blocklist lift ID --reason TEXT | check [NAME] [--phone N] [--id-type T --id-number N] | list [--all]\n"
    "  card add CODE [--kind K] [--name TEXT] | issue CODE --visit ID | return|found CODE [--note TEXT]\n"
    "  card lost CODE --note TEXT | list [--kind K] [--state S]\n"
    "  card count KIND start|end --counted N --cosign STAFF | explain COUNT --note TEXT   counts at each shift\n"
    "  custody add KIND DESCRIPTION [--owner NAME] [--phone N] [--unit UNIT] [--occupant ID] [--visit ID]\n"
    "       [--found-where TEXT] | notify ID --how HOW | collect ID --to NAME --check signature|id_check\n"
    "  custody return|hand-on ID --to NAME | list [--state S|--all] [--kind K]   items left, parcels, deposits\n"
    "  permit add APPLICANT --items \"电脑2台，椅子×4\" [--unit UNIT] [--org ID] [--phone N] [--reason TEXT]\n"
    "       [--until TIME] [--id-type T --id-number N] | approve ID | refuse ID --note TEXT | list [--state S]\n"
    "  permit check ID --counted ITEMS [--gate G]        the gate's count (exit 1 on a mismatch, saying what differs)\n"
    "  prep add VISIT ITEM [--due TIME] | done ID [--note TEXT] | list [--visit ID] [--date D] [--open]\n"
    "                                                    an important visit's preparation checklist\n"
    "  slips status | slips handover --to NAME           registration slips handed to security\n"
    "  complaint new --received TIME --channel C --severity S --what TEXT [--contact N] ... | new --from-call ID\n"
    "  complaint show ID | list [--due 4h | --breached | --escalate] [--state S] [--severity S] [--dept ID]\n"
    "                                                    a complaint's targets, time left, events; the queue\n"
    "  complaint assess|assign|investigate|propose|choose|implement|followup|close|reopen ID ...\n"
    "  complaint pause|resume|escalate|contact|answer|report|reply|severity|harm|harm-cleared ID ...\n"
    "  complaint advance ID STEP [OPTIONS]               a step (refused naming the state and the steps allowed)\n"
    "  complaint unanswered [--date D] | escalate-run | check-reply TEXT\n"
    "  complaint categories|phrases add|retire|list      the site's complaint categories and forbidden phrases\n"
    "  fee item add CODE NAME --kind K [--custody] [--rounding R] | list [--all] | retire CODE   fee items\n"
    "  fee rate add ITEM PRICE --from DATE [--source TEXT] | list [ITEM]   rates by effective date (PRICE in yuan)\n"
    "  fee custody add UNIT --from DATE [--to DATE] | end ID --to DATE   custody (R-FEE-7)\n"
    "  fee reading add UNIT ITEM READING --date DATE     a meter reading\n"
    "  fee bill run --start DATE [--period month|quarter|year] [--unit UNIT] | show ID | list [--unit U] [--state S]\n"
    "                                                    bill a period (idempotent), a bill's lines, the bills\n"
    "  fee bill charge UNIT ITEM --date D [--qty N] [--price P] | discount ID ITEM AMOUNT --reason T | late-fees\n"
    "  fee adjust BILL AMOUNT --reason TEXT              a correction dated the next open day (R-FEE-9)\n"
    "  fee lookup UNIT [--date D]                        before collecting: owner, paid, each period due (R-FEE-1)\n"
    "  fee pay UNIT AMOUNT --method M --series ID --rev N [--tendered X] [--reference R] [--bill ID]\n"
    "                                                    a payment and its receipt, numbered without gaps\n"
    "  fee void RECEIPT --reason TEXT | refund request|approve|refuse|pay | prepare|collect|return\n"
    "  fee series add|close | receipts | close-day [--date D] | ledger [--date D] | reconcile\n"
    "                                                    series, receipts, day close, collection ledger, reconciliation\n"
    "  fee arrears [--as-of D]                           arrears by unit in age buckets, limitation (R-FEE-6)\n"
    "  fee dunning add UNIT --step S --channel C [--date D] | due | list   dunning steps, who is due today\n"
    "  fee notice payment|dunning UNIT [--as-of D] | fee template set payment|dunning TEXT   notices (R-FEE-2)\n"
    "  repair new --received TIME --channel C --category C --what TEXT (--unit N | --address A)   a work order\n"
    "  repair dispatch|transfer ID --handler CODE | accept|resume|done|leak-test|close ID | return|pause ID --note WHY\n"
    "  repair show ID | list [--state S] [--csv]          a work order, its events and follow-ups\n"
    "  followup due [--due 2d | --late] | record ID --method M --result R [--satisfaction S] | misses\n"
    "                                                    repair follow-ups: due, record, missed (R-PLN-1)\n"
    "  callback record (--task ID | --source S --customer NAME --number N) [--agreed TIME]   a callback owed\n"
    "  callback due [--due 4h | --late] | now | attempt ID --result R [--satisfaction S] | close ID --reason WHY\n"
    "  callback misses [--from T --to T]                 callbacks: due, call now (never in quiet hours), member\n"
    "                                                    coverage and misses (R-PLN-2, R-CALL-8)\n"
    "  specialist add STAFF_CODE --level N | leave ID [--apply] | list   service specialists\n"
    "  assign add (--occupant ID | --org ID) [--specialist ID] | list | rebalance [--apply] | contact ID | misses\n"
    "                                                    customers balanced by level, first contact (R-PLN-3)\n"
    "  visit-plan add (--occupant ID | --org ID) --purpose P --recurrence R --first TIME --visitor CODE\n"
    "  visit-plan due [--due 7d | --late] | record ID [--note SAID] | reassign PLAN --visitor CODE | end PLAN\n"
    "  visit-plan question VISIT TEXT | answer QUESTION TEXT   visit plans, visits, questions (R-PLN-4)\n"
    "  survey new --title T --from DATE --to DATE QUESTION... | answer SURVEY OWNER NO [--score 1-5]\n"
    "  survey show SURVEY | due                          owners' surveys and their results (R-PLN-5)\n"
    "  version                                           the library version\n"
    "  COMMAND --help                                    a command's subcommands and their usage\n"
    "                                                    (frontdesk visitor --help)\n"
    "\n"
    "  --db PATH       site database (default: $FRONTDESK_DB, else ./site.db)\n"
    "  --site CODE     the site, when the database has several\n"
    "  --as STAFF      act as this member of staff (staff code; --staff is the old name). Every command\n"
    "                  that changes data needs it (else a usage error, exit 2), except init, and staff\n"
    "                  add, grant give and policy set while the site has no staff yet; --as system acts\n"
    "                  as the system, said explicitly. Commands that only read may leave it out\n"
    "  --at TIME       the instant of the action (default: now)\n"
    "  TIME            'YYYY-MM-DD HH:MM[:SS]' site time ('2026/11/27 10:00', a 'T', an offset such as\n"
    "                  2026-11-27T10:05:00+08:00 as --json prints it, are read too); 'HH:MM' alone is\n"
    "                  that day (site time, the day of --at); or @UTC_SECONDS. DATE: YYYY-MM-DD or YYYY/MM/DD\n"
    "  FRONTDESK_KEY_FILE  the key file that encrypts kept ID numbers (policy visitor.id_keep_full);\n"
    "                  read only by visitor register and visitor id-reveal\n"
    "  --reveal REASON show personal data unmasked (needs the reveal grant; logged)\n"
    "  --read-only     open the database read-only (implied by commands that only read,\n"
    "                  unless --reveal asks to log a reveal)\n"
    "  --utc           show times in UTC instead of the site's time zone\n"
    "  --lang en       English output (Chinese by default)\n"
    "  --json          machine-readable output\n";

int usage_error(const char *msg)
{
    fprintf(stderr, "frontdesk: %s\n(see frontdesk --help)\n", msg);
    return 2;
}

/* Prints the library's last error on one line; returns 1. */
int lib_error(fd_status rc)
{
    fprintf(stderr, "frontdesk: %s: %s\n", fd_status_name(rc), fd_error_last()->message);
    return 1;
}

void json_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

/*
 * Text for a terminal: C0/C1 controls, DEL, line separators and bidi controls
 * shown as \xNN or \u{XXXX}, so user text cannot forge lines or reorder them.
 */
void plain(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c = *p;
        size_t n = 1;
        if (c >= 0xC2 && c <= 0xDF && (p[1] & 0xC0) == 0x80)
            c = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu), n = 2;
        else if (c >= 0xE0 && c <= 0xEF && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
            c = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu), n = 3;
        bool unsafe = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
                      (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        if (unsafe && c < 0x100 && n == 1)
            printf("\\x%02X", c);
        else if (unsafe)
            printf("\\u{%04X}", c);
        else
            fwrite(p, 1, n, stdout);
        p += n;
    }
}

/* The domain commands' options; a flag's index is its place in cli.extra (at most CLI_EXTRA_MAX). */
const char *const CLI_EXTRA[] = {
    "--direction", "--number", "--caller", "--caller-type", "--callee", "--ext", "--ring", "--answer", "--end",
    "--disposition", "--category", "--channel", "--line", "--matter", "--apology", "--dialect", "--source",
    "--column-map", "--for", "--from", "--body", "--how", "--note", "--kind", "--dept", "--title", "--until",
    "--room", "--arrival", "--departure", "--state", "--limit", "--outcome", "--call", "--manager", "--purchasing",
    "--building", "--area", "--use", "--move-in", "--after", "--unit",
    /* visitors (cli/visitors.c) */
    "--host", "--host-occupant", "--host-employee", "--host-dept", "--host-org", "--purpose", "--org", "--phone",
    "--party", "--plate", "--id-type", "--id-number", "--expected", "--left-at", "--since", "--level", "--reason",
    "--visit", "--counted", "--cosign", "--owner", "--occupant", "--found-where", "--to", "--check", "--items",
    "--gate", "--due",
    /* complaints (cli/complaints.c) */
    "--received", "--severity", "--what", "--asks", "--customer", "--contact", "--subject", "--subject-dept",
    "--place", "--customer-due", "--from-call", "--cause", "--responsible", "--solution", "--proposal",
    "--satisfaction", "--target", "--happened", "--promised",
    /* fees, billing (cli/fees.c) */
    "--price", "--rounding", "--period", "--start", "--qty",
    /* fees, cash desk (cli/fees_cash.c) */
    "--method", "--series", "--rev", "--tendered", "--reference", "--payer", "--bill", "--collector", "--signature",
    "--first", "--last",
    /* fees, arrears (cli/fees_arrears.c) */
    "--as-of", "--step", "--deadline", "--result", "--proof",
    /* plans: repairs (cli/plans.c) */
    "--address", "--skill", "--handler", /* --method, --result: the cash desk's and arrears' */
    /* plans: callbacks, specialists (cli/plans_callbacks.c) */
    "--task", "--complaint", "--repair", "--agreed", "--specialist",
    /* plans: visit plans and surveys (cli/plans_visits.c) */
    "--recurrence", "--interval", "--visitor", "--score", /* --first: the cash desk's */
    /* reports */
    "--month",
    NULL,
};
/* Valueless options of the domain commands (at most the bits of an unsigned long). */
const char *const CLI_FLAGS[] = {
    "--read-back", "--unresolved", "--confidential", "--incognito", "--confirmed", "--screen", "--late", "--all",
    "--consent", "--important", "--dry-run", "--open",
    /* complaints */
    "--valid", "--invalid", "--accepted", "--harm", "--breached", "--escalate",
    /* fees, billing */
    "--custody",
    /* plans: repairs */
    "--undone",
    /* plans: callbacks, specialists */
    "--member", "--apply",
    /* reports */
    "--csv",
    NULL,
};

const char *opt(const cli *c, const char *name)
{
    for (size_t i = 0; CLI_EXTRA[i]; i++)
        if (strcmp(CLI_EXTRA[i], name) == 0)
            return c->extra[i];
    return NULL;
}

bool flag(const cli *c, const char *name)
{
    for (size_t i = 0; CLI_FLAGS[i]; i++)
        if (strcmp(CLI_FLAGS[i], name) == 0)
            return (c->flags >> i) & 1u;
    return false;
}

static const struct {
    const char *flag;
    size_t off;
} OPTS[] = {
    { "--db", offsetof(cli, db) },         { "--site", offsetof(cli, site_code) },
    { "--name", offsetof(cli, name) },     { "--code", offsetof(cli, code) },
    { "--tz", offsetof(cli, tz) },         { "--role", offsetof(cli, role) },
    { "--staff", offsetof(cli, staff) },   { "--as", offsetof(cli, staff) },
    { "--detail", offsetof(cli, detail) }, { "--date", offsetof(cli, date) },
    { "--entity", offsetof(cli, entity) }, { "--id", offsetof(cli, id) },
    { "--at", offsetof(cli, at) },         { "--reveal", offsetof(cli, reveal) },
    { "--search", offsetof(cli, search) }, { "--lang", offsetof(cli, lang) },
};

/* Whether @a is one of the command's options ("--phone --purpose x": --phone was given no value). */
static bool is_option(const char *a)
{
    static const char *const plain_flags[] = { "--json", "--read-only", "--utc", "--add-site", "--help", "--version" };
    for (size_t i = 0; i < sizeof OPTS / sizeof *OPTS; i++)
        if (strcmp(OPTS[i].flag, a) == 0)
            return true;
    for (size_t i = 0; i < sizeof plain_flags / sizeof *plain_flags; i++)
        if (strcmp(plain_flags[i], a) == 0)
            return true;
    for (size_t i = 0; CLI_EXTRA[i]; i++)
        if (strcmp(CLI_EXTRA[i], a) == 0)
            return true;
    for (size_t i = 0; CLI_FLAGS[i]; i++)
        if (strcmp(CLI_FLAGS[i], a) == 0)
            return true;
    return false;
}

/* Splits options from positional arguments. Returns 0, or 2 on a bad option. */
static int parse(cli *c, int argc, char **argv)
{
    const size_t nopts = sizeof OPTS / sizeof OPTS[0];
    c->argv = calloc((size_t)argc + 1, sizeof *c->argv);
    if (c->argv == NULL)
        return usage_error("out of memory");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0) {
            c->json = 1;
            continue;
        }
        if (strcmp(a, "--read-only") == 0 || strcmp(a, "--utc") == 0 || strcmp(a, "--add-site") == 0) {
            *(a[2] == 'r' ? &c->read_only : a[2] == 'u' ? &c->utc : &c->add_site) = 1;
            continue;
        }
        if (strncmp(a, "--", 2) != 0 || strcmp(a, "--help") == 0 || strcmp(a, "--version") == 0) {
            c->argv[c->argc++] = argv[i];
            continue;
        }
        size_t f = 0;
        while (CLI_FLAGS[f] && strcmp(CLI_FLAGS[f], a) != 0)
            f++;
        if (CLI_FLAGS[f]) {
            c->flags |= 1ul << f;
            continue;
        }
        size_t k = 0, e = 0;
        while (k < nopts && strcmp(OPTS[k].flag, a) != 0)
            k++;
        while (k == nopts && CLI_EXTRA[e] && strcmp(CLI_EXTRA[e], a) != 0)
            e++;
        if (k == nopts && CLI_EXTRA[e] == NULL) {
            fprintf(stderr, "frontdesk: unknown option '%s'\n(see frontdesk --help, or frontdesk COMMAND --help)\n", a);
            return 2;
        }
        if (i + 1 >= argc || is_option(argv[i + 1])) {
            fprintf(stderr, "frontdesk: %s needs a value\n(see frontdesk --help, or frontdesk COMMAND --help)\n", a);
            return 2;
        }
        if (k < nopts)
            *(const char **)((char *)c + OPTS[k].off) = argv[++i];
        else
            c->extra[e] = argv[++i];
    }
    if (c->lang == NULL)
        c->lang = "zh";
    if (strcmp(c->lang, "zh") != 0 && strcmp(c->lang, "en") != 0)
        return usage_error("--lang is zh (the default) or en");
    if (c->db == NULL)
        c->db = getenv("FRONTDESK_DB");
    if (c->db == NULL || *c->db == '\0')
        c->db = "site.db";
    return 0;
}

/* "s" for an English plural: 1 visit, 2 visits. */
const char *plural(int64_t n)
{
    return n == 1 ? "" : "s";
}

/* Parses a decimal int64 that must fill the whole string; refuses what does not fit. */
int parse_int(const char *s, int64_t *out)
{
    char *end = NULL;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (s[0] == '\0' || *end != '\0' || errno == ERANGE)
        return 0;
    *out = v;
    return 1;
}

/* Reads up to @max ASCII digits at *p into *v, advancing *p: 1, or 0 when there are fewer than @min. */
static int digits(const char **p, int min, int max, int *v)
{
    int n = 0;
    *v = 0;
    while (n < max && **p >= '0' && **p <= '9')
        *v = *v * 10 + (*(*p)++ - '0'), n++;
    return n >= min;
}

/* "YYYY-MM-DD" or "YYYY/MM/DD" (month and day of one or two digits) at *p: 1, advancing *p; else 0. */
static int scan_date(const char **p, fd_date *d)
{
    const char *q = *p;
    int y, m, day;
    if (!digits(&q, 4, 4, &y) || (*q != '-' && *q != '/'))
        return 0;
    char sep = *q++;
    if (!digits(&q, 1, 2, &m) || *q++ != sep || !digits(&q, 1, 2, &day))
        return 0;
    *d = (fd_date){ y, m, day };
    *p = q;
    return 1;
}

/* "HH:MM" or "HH:MM:SS" (the hour of one or two digits) at *p: 1, advancing *p; else 0. */
static int scan_clock(const char **p, fd_local_time *t)
{
    const char *q = *p;
    int h, m, sec = 0;
    if (!digits(&q, 1, 2, &h) || *q++ != ':' || !digits(&q, 2, 2, &m))
        return 0;
    if (*q == ':' && (q++, !digits(&q, 2, 2, &sec)))
        return 0;
    t->hour = h, t->minute = m, t->second = sec;
    *p = q;
    return 1;
}

/* An offset "Z", "+08:00", "+0800" or "+08" at *p (a space before it too): 1 with *secs east of UTC; else 0. */
static int scan_offset(const char **p, int *secs)
{
    const char *q = *p;
    while (*q == ' ')
        q++;
    if (*q == 'Z' || *q == 'z') {
        *secs = 0;
        *p = q + 1;
        return 1;
    }
    if (*q != '+' && *q != '-')
        return 0;
    int sign = *q++ == '-' ? -1 : 1, h, m = 0;
    if (!digits(&q, 2, 2, &h))
        return 0;
    if (*q == ':')
        q++;
    if (*q >= '0' && *q <= '9' && !digits(&q, 2, 2, &m))
        return 0;
    if (h > 18 || m > 59)
        return 0;
    *secs = sign * (h * 3600 + m * 60);
    *p = q;
    return 1;
}

/* A usage error (2) for @d that is no day of the calendar: "no such date". */
static int no_such_date(const char *name, fd_date d)
{
    if (d.month < 1 || d.month > 12)
        fprintf(stderr, "frontdesk: %s: no such date: %04d-%02d-%02d (there is no month %d)\n", name, d.year, d.month,
                d.day, d.month);
    else if (d.year < 1)
        fprintf(stderr, "frontdesk: %s: no such date: year %d (years are 1..9999)\n", name, d.year);
    else
        fprintf(stderr, "frontdesk: %s: no such date: %04d-%02d-%02d (%04d-%02d has no day %d)\n", name, d.year,
                d.month, d.day, d.year, d.month, d.day);
    return 2;
}

/* A date option: "YYYY-MM-DD" or "YYYY/MM/DD", full-width digits read: 0, or a usage error (2) naming @name. */
int parse_date(const char *name, const char *text, fd_date *out)
{
    fd_buf b = FD_BUF_INIT;
    const char *p = ascii_form(&b, text);
    fd_date d = { 0, 0, 0 };
    int ok = scan_date(&p, &d) && *p == '\0';
    fd_buf_dispose(&b);
    if (!ok) {
        fprintf(stderr, "frontdesk: %s must be a date: YYYY-MM-DD (or YYYY/MM/DD)\n", name);
        return 2;
    }
    if (fd_date_check(d) != FD_OK)
        return no_such_date(name, d);
    *out = d;
    return 0;
}

/*
 * Every time option (--at, --left-at, --until ...), one reading: "@SECONDS"
 * (UTC); "YYYY-MM-DD HH:MM[:SS]" in the site's zone, '/' in the date and 'T'
 * before the time read too; with an offset ("+08:00", "Z": what --json
 * prints) that instant wherever the site is; "HH:MM[:SS]" alone on the
 * site's day of @ref. Full-width digits are read. 0, or a usage error (2)
 * naming @name.
 */
int parse_time(const char *name, const char *text, const fd_site *site, int64_t ref, int64_t *out)
{
    fd_buf b = FD_BUF_INIT;
    const char *p = ascii_form(&b, text);
    fd_local_time t = { { 0, 0, 0 }, 0, 0, 0, 0 };
    int offset = 0, status = 0;
    bool dated = false, zoned = false;
    fd_status rc = FD_OK;
    if (p[0] == '@') {
        if (!parse_int(p + 1, out) || fd_instant_check(*out) != FD_OK) {
            fprintf(stderr, "frontdesk: %s @SECONDS must be whole UTC seconds within years 1..9999\n", name);
            status = 2;
        }
        fd_buf_dispose(&b);
        return status;
    }
    if (scan_date(&p, &t.date)) {
        dated = true;
        if (*p == '\0') {
            fprintf(stderr, "frontdesk: %s needs the time of day too: 'YYYY-MM-DD HH:MM'\n", name);
            fd_buf_dispose(&b);
            return 2;
        }
        if (*p == 'T' || *p == 't' || *p == ' ')
            p++;
        else
            p = "?"; /* the date runs into what follows */
    }
    bool clock = scan_clock(&p, &t);
    if (clock && dated)
        zoned = scan_offset(&p, &offset);
    if (!clock || *p != '\0') {
        fprintf(stderr, "frontdesk: %s must be 'YYYY-MM-DD HH:MM[:SS]' (site time; '2026/11/27 10:00', "
                        "'2026-11-27T10:05:00+08:00' as --json prints it, too), 'HH:MM' (that day) or @UTC_SECONDS\n",
                name);
        status = 2;
    }
    fd_buf_dispose(&b);
    if (status)
        return status;
    if (!dated) { /* the site's day of @ref */
        fd_local_time day;
        if ((rc = fd_instant_to_local(&day, site->time_zone, ref)) != FD_OK) {
            fprintf(stderr, "frontdesk: %s: %s\n", name, fd_error_last()->message);
            return 2;
        }
        t.date = day.date;
    }
    if (fd_date_check(t.date) != FD_OK)
        return no_such_date(name, t.date);
    if (t.hour > 23 || t.minute > 59 || t.second > 59) {
        fprintf(stderr, "frontdesk: %s: no such time of day: %02d:%02d:%02d\n", name, t.hour, t.minute, t.second);
        return 2;
    }
    rc = fd_instant_from_local(out, zoned ? "UTC" : site->time_zone, t);
    if (rc == FD_OK && zoned)
        *out -= offset;
    if (rc == FD_OK)
        rc = fd_instant_check(*out);
    if (rc) {
        fprintf(stderr, "frontdesk: %s: %s\n", name, fd_error_last()->message);
        return 2;
    }
    return 0;
}

/* @text with full-width digits and letters made ASCII (NFKC: an IME's ８４００ is 8400), in @buf. */
const char *ascii_form(fd_buf *buf, const char *text)
{
    return text && fd_text_normalize(buf, text) == FD_OK ? buf->ptr : text;
}

/* A positive id as typed (full-width digits read): 0, else a usage error (2) naming @what. */
int id_arg(const char *s, const char *what, int64_t *out)
{
    fd_buf b = FD_BUF_INIT;
    int ok = parse_int(ascii_form(&b, s), out) && *out > 0;
    fd_buf_dispose(&b);
    if (!ok) {
        fprintf(stderr, "frontdesk: %s must be a positive whole number\n", what);
        return 2;
    }
    return 0;
}

/* Time option @name when given, as parse_time reads it ('HH:MM' alone: the actor's day): 0 or a usage error. */
int time_opt(const cli *c, ctx *x, const char *name, int64_t *out)
{
    const char *v = opt(c, name);
    return v ? parse_time(name, v, x->site, x->actor.at, out) : 0;
}

/* Parses @text (when not NULL) of list @field with @parser into @buf, *out pointing at the code; 2 naming @name. */
int code_arg(fd_status (*parser)(fd_buf *, const char *, const char *), const char *name, const char *field,
             const char *text, fd_buf *buf, const char **out)
{
    if (text == NULL)
        return 0;
    if (parser(buf, field, text) != FD_OK) {
        fprintf(stderr, "frontdesk: %s: %s\n", name, fd_error_last()->message);
        return 2;
    }
    *out = buf->ptr;
    return 0;
}

/* --date D: the site's local day [*from, *to); usage error (2) on a bad date. */
int day_range(const cli *c, ctx *x, int64_t *from, int64_t *to)
{
    fd_date d;
    int bad = parse_date("--date", c->date, &d);
    return bad ? bad : date_range(x, d, from, to);
}

/* The site's local day @d as [*from, *to): 0, else 1 with the library's message. */
int date_range(ctx *x, fd_date d, int64_t *from, int64_t *to)
{
    fd_local_time t = { d, 0, 0, 0, 0 };
    if (fd_instant_from_local(from, x->site->time_zone, t) != FD_OK)
        return lib_error(fd_error_last()->code);
    *to = *from + 36 * 3600; /* then back to the next local midnight */
    fd_local_time next;
    if (fd_instant_to_local(&next, x->site->time_zone, *to) != FD_OK)
        return lib_error(fd_error_last()->code);
    next.hour = next.minute = next.second = 0;
    return fd_instant_from_local(to, x->site->time_zone, next) == FD_OK ? 0 : lib_error(fd_error_last()->code);
}

/* The instant @at as site-local ISO 8601 with offset (points into x->buf). */
const char *local(ctx *x, int64_t at)
{
    return fd_instant_format(&x->buf, x->utc ? "UTC" : x->site->time_zone, at) == FD_OK ? x->buf.ptr : "?";
}

/* "visitor register": the command and its subcommand (or the command alone), in @buf. */
static const char *command_name(const cli *c, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s", c->argv[0], c->argc > 1 ? " " : "", c->argc > 1 ? c->argv[1] : "");
    return buf;
}

/* Commands that only read open the database read-only (a user who may only read can run them). */
static bool reads_only(const cli *c)
{
    static const char *const reads[] = { "site list", "staff list", "journal list", "audit reveals",
                                         "policy list", "policy get", "report daily", "report complaints", "verify",
                                         "calendar status", "call list", "call show", "call tasks",
                                         "message list", "dir find", "guest find", "unit find", "unit list",
                                         "occupant find", "org find", "find", "resident", "visitor list",
                                         "visitor onsite", "visitor shift", "visitor show", "blocklist check",
                                         "blocklist list", "card list", "custody list", "permit list", "prep list",
                                         "slips status", "complaint show", "complaint list", "complaint events",
                                         "complaint targets", "complaint unanswered", "complaint check-reply",
                                         "complaint categories list", "complaint phrases list",
                                         "fee item list", "fee rate list", "fee bill show", "fee bill list",
                                         "fee lookup", "fee receipts", "fee ledger", "fee reconcile",
                                         "fee arrears", "fee dunning due", "fee dunning list", "fee notice",
                                         "repair show", "repair list", "followup due", "followup misses",
                                         "callback due", "callback now", "callback misses", "specialist list",
                                         "assign list", "assign misses", "report plans", "visit-plan due",
                                         "survey show", "survey due" };
    char buf[64], three[96];
    const char *cmd = command_name(c, buf, sizeof buf);
    snprintf(three, sizeof three, "%s %s", cmd, c->argc > 2 ? c->argv[2] : ""); /* "complaint categories list" */
    for (size_t i = 0; i < sizeof reads / sizeof *reads; i++)
        if (strcmp(cmd, reads[i]) == 0 || strcmp(c->argv[0], reads[i]) == 0 || strcmp(three, reads[i]) == 0)
            return c->reveal == NULL; /* a reveal is logged: that is a write */
    return false;
}

/*
 * The commands that keep or reveal a full ID number (R-COM-2): the only ones
 * that open the store with the key file. The key is read at open
 * (fd_store_options.key_file: NULL is the file FRONTDESK_KEY_FILE names), so
 * every other command opens without it and a wrong FRONTDESK_KEY_FILE does not
 * stop them.
 */
static bool needs_key(const cli *c)
{
    return c->argc > 1 && strcmp(c->argv[0], "visitor") == 0 &&
           (strcmp(c->argv[1], "register") == 0 || strcmp(c->argv[1], "id-reveal") == 0);
}

/* fd_store_open with FRONTDESK_KEY_FILE hidden from the library unless @key. */
static fd_status open_store(fd_store **out, const char *path, const fd_store_options *o, bool key)
{
    const char *env = key ? NULL : getenv("FRONTDESK_KEY_FILE");
    char *saved = env ? strdup(env) : NULL;
    if (env && saved == NULL) {
        fprintf(stderr, "frontdesk: out of memory\n");
        return FD_ENOMEM;
    }
    if (saved)
        unsetenv("FRONTDESK_KEY_FILE");
    fd_status rc = fd_store_open(out, path, o);
    if (saved)
        setenv("FRONTDESK_KEY_FILE", saved, 1);
    free(saved);
    return rc;
}

/* The refusal of an open (1); a key file refused says which variable names it. */
static int open_error(fd_status rc)
{
    lib_error(rc);
    const char *env = getenv("FRONTDESK_KEY_FILE");
    if (env && *env && strstr(fd_error_last()->message, "key_file"))
        fprintf(stderr, "frontdesk: the key file is the one the environment variable FRONTDESK_KEY_FILE names "
                        "('%s'): fix the file or the variable (only visitor register and visitor id-reveal read "
                        "it)\n", env);
    return 1;
}

static fd_status open_site(const cli *c, ctx *x)
{
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.create = 0;
    o.read_only = c->read_only || reads_only(c);
    o.quick_check = strcmp(c->argv[0], "verify") == 0;
    fd_status rc = open_store(&x->store, c->db, &o, needs_key(c));
    if (rc == FD_OK)
        rc = c->site_code ? fd_store_site_get_by_code(&x->site, x->store, c->site_code)
                          : fd_store_site_default(&x->site, x->store);
    if (rc == FD_ECONFLICT && c->site_code == NULL) {
        /* Say which sites there are and how to name one. */
        fprintf(stderr, "frontdesk: the database holds several sites; name one with --site CODE:");
        fd_site_iter *it = NULL;
        const fd_site *s = NULL;
        if (fd_store_site_query(&it, x->store, NULL, NULL) == FD_OK)
            while (fd_site_iter_next(&s, it) == FD_OK && s)
                fprintf(stderr, " %s (%s)", s->code, s->name);
        fd_site_iter_free(it);
        fputc('\n', stderr);
        return FD_ECONFLICT;
    }
    return rc;
}

/*
 * A change needs --as, who does it: a usage error (2) naming --as, unless the
 * site has no staff yet and the command sets it up (staff add, grant give,
 * policy set). Reads may go without (a reveal is logged: it is a change).
 */
static int check_as(const cli *c, ctx *x)
{
    static const char *const bootstrap[] = { "staff add", "grant give", "policy set" };
    char buf[64];
    const char *cmd = command_name(c, buf, sizeof buf);
    if (c->staff || reads_only(c))
        return 0;
    for (size_t i = 0; i < sizeof bootstrap / sizeof *bootstrap; i++) {
        if (strcmp(cmd, bootstrap[i]) != 0)
            continue;
        fd_staff_filter f = FD_STAFF_FILTER_INIT; /* any member of staff, active or not */
        f.limit = 1;
        fd_staff_iter *it = NULL;
        const fd_staff *st = NULL;
        fd_status rc = fd_store_staff_query(&it, x->store, &x->actor, &f);
        if (rc == FD_OK)
            rc = fd_staff_iter_next(&st, it);
        bool none = st == NULL;
        fd_staff_iter_free(it);
        if (rc)
            return lib_error(rc);
        if (none)
            return 0;
    }
    if (c->reveal)
        fprintf(stderr, "frontdesk: --reveal is logged with who saw the data: name them with --as STAFF\n"
                        "(see frontdesk --help)\n");
    else
        fprintf(stderr, "frontdesk: %s changes the site's records: name who does it with --as STAFF (--as system "
                        "for the system)\n(see frontdesk --help)\n", cmd);
    return 2;
}

/* Fills x->actor: the site, --as staff (by code; "system": the system), --at (default now), --reveal. */
static int make_actor(const cli *c, ctx *x)
{
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = x->site->id;
    a.at = (int64_t)time(NULL);
    if (c->at) {
        int bad = parse_time("--at", c->at, x->site, a.at, &a.at);
        if (bad)
            return bad;
    }
    if (c->staff && strcmp(c->staff, "system") != 0) {
        fd_staff *st = NULL;
        fd_status rc = fd_store_staff_get_by_code(&st, x->store, &a, c->staff);
        if (rc)
            return lib_error(rc);
        a.staff_id = st->id;
        fd_staff_free(st);
    }
    if (c->reveal) {
        a.grants |= FD_GRANT_REVEAL;
        a.reason = c->reveal;
    }
    x->actor = a;
    return check_as(c, x);
}

/* Managerial commands (staff, grants, policy) ask for the manage grant when done as staff. */
void manage(ctx *x)
{
    if (x->actor.staff_id)
        x->actor.grants |= FD_GRANT_MANAGE;
}

static int cmd_init(cli *c)
{
    if (c->argc > 2)
        return usage_error("init takes at most one PATH (or --db PATH)");
    if (c->name == NULL)
        return usage_error("init needs --name NAME");
    const char *path = c->argc == 2 ? c->argv[1] : c->db;
    fd_store *s = NULL;
    int64_t id = 0;
    fd_actor boot = FD_ACTOR_INIT;
    boot.at = (int64_t)time(NULL);
    fd_site site = FD_SITE_INIT;
    site.code = c->code ? c->code : "main";
    site.name = c->name;
    site.time_zone = c->tz;
    fd_store_options o = FD_STORE_OPTIONS_INIT;
    o.quick_check = 1;
    fd_status rc = open_store(&s, path, &o, false);
    /* init on a database that already has a site would quietly add a second one. */
    fd_site *first = NULL;
    if (rc == FD_OK && !c->add_site && fd_store_site_default(&first, s) != FD_ENOTFOUND) {
        fprintf(stderr, "frontdesk: init: %s already holds a site%s%s; use --add-site to add another\n", path,
                first ? " " : "s", first ? first->code : "");
        fd_site_free(first);
        fd_store_close(s);
        return 2;
    }
    if (rc == FD_OK)
        rc = fd_store_site_add(&id, s, &boot, &site);
    fd_store_close(s);
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"path\":"), json_string(path), printf(",\"site_id\":%lld,\"code\":", (long long)id),
            json_string(site.code), puts("}");
    else
        printf("created %s with site %s (%s)\n", path, site.code, c->name);
    return 0;
}

static int cmd_site(cli *c, ctx *x)
{
    if (c->argc != 2 || strcmp(c->argv[1], "list") != 0)
        return usage_error("usage: site list");
    fd_site_iter *it = NULL;
    const fd_site *s = NULL;
    fd_status rc = fd_store_site_query(&it, x->store, NULL, NULL);
    int n = 0;
    if (c->json)
        putchar('[');
    while (rc == FD_OK && (rc = fd_site_iter_next(&s, it)) == FD_OK && s) {
        if (c->json) {
            printf("%s{\"id\":%lld,\"code\":", n++ ? "," : "", (long long)s->id);
            json_string(s->code);
            printf(",\"name\":");
            json_string(s->name);
            printf(",\"time_zone\":");
            json_string(s->time_zone);
            putchar('}');
        } else {
            printf("%-12s %s  (%s)\n", s->code, s->name, s->time_zone);
        }
    }
    if (c->json)
        puts("]");
    fd_site_iter_free(it);
    return rc ? lib_error(rc) : 0;
}

static int staff_list(cli *c, ctx *x)
{
    fd_staff_filter f = FD_STAFF_FILTER_INIT;
    if (c->search) {
        f.match |= FD_STAFF_MATCH_SEARCH;
        f.search = c->search;
    }
    fd_staff_iter *it = NULL;
    const fd_staff *s = NULL;
    fd_status rc = fd_store_staff_query(&it, x->store, &x->actor, &f);
    int n = 0;
    if (c->json)
        putchar('[');
    while (rc == FD_OK && (rc = fd_staff_iter_next(&s, it)) == FD_OK && s) {
        if (c->json) {
            printf("%s{\"id\":%lld,\"code\":", n++ ? "," : "", (long long)s->id);
            json_string(s->code);
            printf(",\"name\":");
            json_string(s->name);
            printf(",\"role\":");
            json_string(s->role);
            printf(",\"active\":%s}", s->active ? "true" : "false");
        } else {
            printf("%-8s %-12s %-11s %s\n", s->code, s->name, s->role, s->active ? "" : "(left)");
        }
    }
    if (c->json)
        puts("]");
    fd_staff_iter_free(it);
    return rc ? lib_error(rc) : 0;
}

static int cmd_staff(cli *c, ctx *x)
{
    const char *sub = c->argc >= 2 ? c->argv[1] : "";
    if (strcmp(sub, "list") == 0 && c->argc == 2)
        return staff_list(c, x);
    if (strcmp(sub, "deactivate") == 0 && c->argc == 3) {
        manage(x);
        fd_staff *st = NULL;
        fd_status rc = fd_store_staff_get_by_code(&st, x->store, &x->actor, c->argv[2]);
        if (rc == FD_OK)
            rc = fd_store_staff_set_active(x->store, &x->actor, st->id, 0);
        fd_staff_free(st);
        if (rc)
            return lib_error(rc);
        if (c->json)
            printf("{\"deactivated\":"), json_string(c->argv[2]), puts("}");
        else
            printf("deactivated staff %s\n", c->argv[2]);
        return 0;
    }
    if (strcmp(sub, "add") != 0 || c->argc != 4)
        return usage_error("usage: staff add CODE NAME [--role ROLE] | staff list | staff deactivate CODE");
    manage(x);
    fd_staff st = FD_STAFF_INIT;
    st.code = c->argv[2];
    st.name = c->argv[3];
    st.role = c->role ? c->role : "clerk";
    int64_t id = 0;
    fd_status rc = fd_store_staff_add(&id, x->store, &x->actor, &st);
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"staff_id\":%lld}\n", (long long)id);
    else
        printf("added staff %s %s\n", c->argv[2], c->argv[3]);
    return 0;
}

static int journal_list(cli *c, ctx *x)
{
    fd_journal_filter f = FD_JOURNAL_FILTER_INIT;
    if (c->entity) {
        f.match |= FD_JOURNAL_MATCH_ENTITY;
        f.entity = c->entity;
    }
    if (c->date) {
        int bad = day_range(c, x, &f.at_from, &f.at_to);
        if (bad)
            return bad;
        f.match |= FD_JOURNAL_MATCH_AT_FROM | FD_JOURNAL_MATCH_AT_TO;
    }
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    int n = 0;
    fd_status rc = fd_store_journal_query(&it, x->store, &x->actor, &f);
    if (c->json)
        putchar('[');
    while (rc == FD_OK && (rc = fd_journal_iter_next(&e, it)) == FD_OK && e) {
        if (c->json) {
            printf("%s{\"id\":%lld,\"at\":\"%s\",\"staff_id\":%lld,\"entity\":", n++ ? "," : "", (long long)e->id,
                   local(x, e->at), (long long)e->staff_id);
            json_string(e->entity);
            printf(",\"entity_id\":%lld,\"action\":", (long long)e->entity_id);
            json_string(e->action);
            printf(",\"detail\":");
            json_string(e->detail);
            putchar('}');
        } else {
            printf("%6lld  %s  %s.%s #%lld  ", (long long)e->id, local(x, e->at), e->entity, e->action,
                   (long long)e->entity_id);
            plain(e->detail);
            putchar('\n');
        }
    }
    if (c->json)
        puts("]");
    fd_journal_iter_free(it);
    return rc ? lib_error(rc) : 0;
}

static int cmd_journal(cli *c, ctx *x)
{
    if (c->argc == 2 && strcmp(c->argv[1], "list") == 0)
        return journal_list(c, x);
    if (c->argc != 4 || strcmp(c->argv[1], "add") != 0)
        return usage_error("usage: journal add ENTITY ACTION [...] | journal list [...]");
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    if (c->id && !parse_int(c->id, &e.entity_id))
        return usage_error("--id must be a whole number that fits in 64 bits");
    e.entity = c->argv[2];
    e.action = c->argv[3];
    e.detail = c->detail;
    int64_t id = 0;
    fd_status rc = fd_store_journal_add(&id, x->store, &x->actor, &e);
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"journal_id\":%lld}\n", (long long)id);
    else
        printf("journal entry %lld: %s.%s at %s\n", (long long)id, e.entity, e.action, local(x, x->actor.at));
    return 0;
}

static int cmd_grant(cli *c, ctx *x)
{
    if (c->argc != 4 || (strcmp(c->argv[1], "give") != 0 && strcmp(c->argv[1], "take") != 0))
        return usage_error("usage: grant give|take ROLE reveal|manage");
    fd_grant g;
    if (strcmp(c->argv[3], "reveal") == 0)
        g = FD_GRANT_REVEAL;
    else if (strcmp(c->argv[3], "manage") == 0)
        g = FD_GRANT_MANAGE;
    else
        return usage_error("grant: the grant is 'reveal' or 'manage'");
    int on = c->argv[1][0] == 'g';
    manage(x);
    fd_status rc = fd_store_grant_set(x->store, &x->actor, c->argv[2], g, on);
    if (rc)
        return lib_error(rc);
    if (c->json)
        printf("{\"role\":"), json_string(c->argv[2]), printf(",\"grant\":\"%s\",\"on\":%s}\n", c->argv[3],
                                                             on ? "true" : "false");
    else
        printf("%s %s: %s\n", on ? "gave" : "took", c->argv[2], c->argv[3]);
    return 0;
}

static int cmd_audit(cli *c, ctx *x)
{
    if (c->argc != 2 || strcmp(c->argv[1], "reveals") != 0)
        return usage_error("usage: audit reveals [--date YYYY-MM-DD]");
    fd_reveal_filter f = FD_REVEAL_FILTER_INIT;
    if (c->date) {
        int bad = day_range(c, x, &f.at_from, &f.at_to);
        if (bad)
            return bad;
        f.match |= FD_REVEAL_MATCH_AT_FROM | FD_REVEAL_MATCH_AT_TO;
    }
    fd_reveal_iter *it = NULL;
    const fd_reveal *r = NULL;
    fd_status rc = fd_store_reveal_query(&it, x->store, &x->actor, &f);
    int n = 0;
    if (c->json)
        putchar('[');
    while (rc == FD_OK && (rc = fd_reveal_iter_next(&r, it)) == FD_OK && r) {
        if (c->json) {
            printf("%s{\"id\":%lld,\"at\":\"%s\",\"staff_id\":%lld,\"record\":\"%s\",\"record_id\":%lld,"
                   "\"field\":\"%s\",\"reason\":",
                   n++ ? "," : "", (long long)r->id, local(x, r->at), (long long)r->staff_id, r->record,
                   (long long)r->record_id, r->field);
            json_string(r->reason);
            putchar('}');
        } else {
            printf("%s  staff %lld  %s #%lld .%s  ", local(x, r->at), (long long)r->staff_id, r->record,
                   (long long)r->record_id, r->field);
            plain(r->reason);
            putchar('\n');
        }
    }
    if (c->json)
        puts("]");
    fd_reveal_iter_free(it);
    return rc ? lib_error(rc) : 0;
}

static int cmd_policy(cli *c, ctx *x)
{
    const char *sub = c->argc >= 2 ? c->argv[1] : "";
    fd_policy *p = NULL;
    fd_status rc = FD_OK;
    int64_t v = 0;
    if (strcmp(sub, "list") == 0 && c->argc == 2) {
        if ((rc = fd_store_policy_load(&p, x->store, x->site->id)) != FD_OK)
            return lib_error(rc);
        if (c->json)
            putchar('[');
        for (size_t i = 0; i < fd_policy_key_count(); i++) {
            fd_policy_key_info k;
            int is_default = 1;
            fd_policy_key_at(&k, i);
            fd_policy_get(&v, p, k.key);
            fd_policy_is_default(&is_default, p, k.key);
            /* Deadline keys read "3 working_days": the amount with its unit. */
            const char *text = fd_policy_format(&x->buf, p, k.key) == FD_OK ? x->buf.ptr : "?";
            if (c->json) {
                printf("%s{\"key\":\"%s\",\"value\":%lld,\"text\":\"%s\",\"default\":%lld,\"overridden\":%s,"
                       "\"min\":%lld,\"max\":%lld,\"unit\":\"%s\",\"rule\":\"%s\",\"description\":",
                       i ? "," : "", k.key, (long long)v, text, (long long)k.default_value,
                       is_default ? "false" : "true", (long long)k.min, (long long)k.max, k.unit, k.rule);
                json_string(k.description);
                putchar('}');
            } else {
                printf("%-38s %18s%s %-9s %s\n", k.key, text, is_default ? " " : "*", k.rule, k.description);
            }
        }
        if (c->json)
            puts("]");
        fd_policy_free(p);
        return 0;
    }
    if (strcmp(sub, "get") == 0 && c->argc == 3) {
        int unit = 0;
        rc = fd_store_policy_load(&p, x->store, x->site->id);
        if (rc == FD_OK)
            rc = fd_policy_get(&v, p, c->argv[2]);
        /* A deadline key's value is an amount in a unit: say the unit (R-CPL-2). */
        if (rc == FD_OK && fd_policy_get_deadline(&v, &unit, p, c->argv[2]) != FD_OK)
            unit = 0;
        fd_policy_free(p);
        if (rc)
            return lib_error(rc);
        const char *un = unit ? fd_calendar_unit_name(unit) : NULL;
        if (c->json) {
            printf("{\"key\":"), json_string(c->argv[2]), printf(",\"value\":%lld", (long long)v);
            if (un)
                printf(",\"unit\":"), json_string(un);
            puts("}");
        } else {
            printf(un ? "%lld %s\n" : "%lld\n", (long long)v, un);
        }
        return 0;
    }
    if (strcmp(sub, "set") == 0 && (c->argc == 4 || c->argc == 5)) {
        int unit = 0;
        if (!parse_int(c->argv[3], &v))
            return usage_error("policy set: VALUE must be a whole number that fits in 64 bits");
        if (c->argc == 5 && fd_calendar_unit_from_name(&unit, c->argv[4]) != FD_OK)
            return usage_error("policy set: UNIT must be a calendar unit: working_days, calendar_days, same_day, "
                               "business_hours, business_minutes, clock_hours, clock_minutes");
        manage(x);
        rc = unit ? fd_store_policy_set_deadline(x->store, &x->actor, c->argv[2], v, unit)
                  : fd_store_policy_set(x->store, &x->actor, c->argv[2], v);
        if (rc)
            return lib_error(rc);
        const char *un = unit ? fd_calendar_unit_name(unit) : NULL;
        if (c->json) {
            printf("{\"key\":"), json_string(c->argv[2]), printf(",\"value\":%lld", (long long)v);
            if (un)
                printf(",\"unit\":"), json_string(un);
            puts(",\"overridden\":true}");
        } else {
            printf(un ? "%s = %lld %s\n" : "%s = %lld\n", c->argv[2], (long long)v, un);
        }
        return 0;
    }
    if (strcmp(sub, "reset") == 0 && c->argc == 3) {
        manage(x);
        rc = fd_store_policy_reset(x->store, &x->actor, c->argv[2]);
        if (rc)
            return lib_error(rc);
        if (c->json)
            printf("{\"key\":"), json_string(c->argv[2]), puts(",\"overridden\":false}");
        else
            printf("%s reset to the default\n", c->argv[2]);
        return 0;
    }
    return usage_error("usage: policy list | get KEY | set KEY VALUE [UNIT] | reset KEY");
}

/* --month YYYY-MM: a year 1..9999 and a month 1..12, exactly so. Returns 0, or 2 with a message naming --month. */
static int parse_month(const char *report, const char *text, int *year, int *month)
{
    if (text == NULL) {
        fprintf(stderr, "frontdesk: report %s: --month YYYY-MM is required\n(see frontdesk --help)\n", report);
        return 2;
    }
    bool shape = strlen(text) == 7 && text[4] == '-';
    for (int i = 0; shape && i < 7; i++)
        shape = i == 4 || isdigit((unsigned char)text[i]);
    int y = shape ? atoi(text) : 0, m = shape ? atoi(text + 5) : 0;
    if (!shape || y < 1 || m < 1 || m > 12) {
        fprintf(stderr, "frontdesk: --month: '%.32s' is not a month YYYY-MM (e.g. 2026-10)\n", text);
        return 2;
    }
    *year = y;
    *month = m;
    return 0;
}

/* report daily | report complaints | report plans: built, then rendered as text, --json or --csv. */
static int cmd_report(cli *c, ctx *x)
{
    bool complaints = c->argc == 2 && strcmp(c->argv[1], "complaints") == 0;
    bool plans = c->argc == 2 && strcmp(c->argv[1], "plans") == 0;
    if (c->argc != 2 || (!complaints && !plans && strcmp(c->argv[1], "daily") != 0))
        return usage_error("usage: report daily [--date YYYY-MM-DD] | report complaints|plans --month YYYY-MM "
                           "[--json | --csv]");
    if (c->json && flag(c, "--csv"))
        return usage_error("report: --json and --csv: give one");
    fd_status rc = FD_OK;
    fd_report *r = NULL;
    if (complaints || plans) {
        int year = 0, month = 0, bad = parse_month(plans ? "plans" : "complaints", opt(c, "--month"), &year, &month);
        if (bad)
            return bad;
        rc = plans ? fd_report_plans_month_new(&r, x->store, &x->actor, year, month, c->lang)
                   : fd_report_complaints_month_new(&r, x->store, &x->actor, year, month, c->lang);
    } else {
        fd_date d;
        if (c->date) {
            int bad = parse_date("--date", c->date, &d);
            if (bad)
                return bad;
        } else {
            rc = fd_store_site_date(&d, x->store, x->site->id, x->actor.at);
        }
        if (rc == FD_OK)
            rc = fd_report_daily_new(&r, x->store, &x->actor, d, c->lang);
    }
    fd_buf out = FD_BUF_INIT;
    if (rc == FD_OK)
        rc = fd_report_render(&out, r, c->json ? FD_REPORT_JSON : flag(c, "--csv") ? FD_REPORT_CSV : FD_REPORT_TEXT);
    if (rc == FD_OK)
        fwrite(out.ptr, 1, out.size, stdout);
    fd_buf_dispose(&out);
    fd_report_free(r);
    return rc ? lib_error(rc) : 0;
}

/* calendar status: the holiday data's version and coverage, what days past it are, the warning (issue 10). */
static int cmd_calendar(cli *c, ctx *x)
{
    if (c->argc != 2 || strcmp(c->argv[1], "status") != 0)
        return usage_error("usage: calendar status");
    fd_calendar *cal = NULL;
    fd_policy *p = NULL;
    fd_buf version = FD_BUF_INIT, region = FD_BUF_INIT, warn = FD_BUF_INIT;
    fd_date today, lo, hi, until = { 0, 0, 0 };
    fd_status rc = fd_calendar_new(&cal);
    if (rc == FD_OK && (rc = fd_store_policy_load(&p, x->store, x->site->id)) == FD_OK)
        rc = fd_calendar_apply_policy(cal, p);
    if (rc == FD_OK)
        rc = fd_store_site_date(&today, x->store, x->site->id, x->actor.at);
    if (rc == FD_OK && (rc = fd_calendar_version(&version, cal)) == FD_OK && (rc = fd_calendar_region(&region, cal)) == FD_OK &&
        (rc = fd_calendar_coverage_start(&lo, cal)) == FD_OK && (rc = fd_calendar_coverage_end(&hi, cal)) == FD_OK)
        rc = fd_calendar_coverage_warning(&warn, cal, today);
    int64_t mode = 0, weekends = 0; /* calendar.beyond_data; the old calendar.fallback_weekends = 1 means 1 */
    if (rc == FD_OK && fd_calendar_provisional_until(&until, cal) != FD_OK)
        until.year = 0; /* days past the data are refused */
    if (rc == FD_OK && fd_policy_get(&mode, p, "calendar.beyond_data") == FD_OK &&
        fd_policy_get(&weekends, p, "calendar.fallback_weekends") == FD_OK && weekends)
        mode = 1;
    static const char *const past[] = { "provisional", "weekends", "refused" };
    if (rc == FD_OK && c->json) {
        printf("{\"version\":\"%s\",\"region\":\"%s\",\"coverage_start\":\"%04d-%02d-%02d\",\"coverage_end\":"
               "\"%04d-%02d-%02d\",\"beyond_data\":\"%s\",\"provisional\":%s,\"provisional_until\":",
               version.ptr, region.ptr, lo.year, lo.month, lo.day, hi.year, hi.month, hi.day, past[mode],
               mode == 2 ? "false" : "true");
        if (until.year)
            printf("\"%04d-%02d-%02d\"", until.year, until.month, until.day);
        else
            printf("null");
        printf(",\"warning\":");
        json_string(warn.ptr);
        puts("}");
    } else if (rc == FD_OK) {
        printf("holiday data  %s (%s), %04d-%02d-%02d..%04d-%02d-%02d\n", version.ptr, region.ptr, lo.year, lo.month,
               lo.day, hi.year, hi.month, hi.day);
        if (until.year)
            printf("past the data %s until %04d-%02d-%02d%s\n", past[mode], until.year, until.month, until.day,
                   mode == 0 ? " (the statutory holidays by law, no 调休; answers say so)" : " (answers say so)");
        else
            printf("past the data refused (calendar.beyond_data = 2)\n");
        if (warn.size)
            printf("warning       %s\n", warn.ptr);
    }
    fd_buf_dispose(&version);
    fd_buf_dispose(&region);
    fd_buf_dispose(&warn);
    fd_policy_free(p);
    fd_calendar_free(cal);
    return rc ? lib_error(rc) : 0;
}

static int cmd_verify(cli *c, ctx *x)
{
    if (c->argc != 1)
        return usage_error("usage: verify");
    fd_store_verify_report r;
    fd_status rc = fd_store_verify(&r, x->store);
    if (rc && rc != FD_EDATA)
        return lib_error(rc);
    if (c->json) {
        printf("{\"ok\":%s,\"uuid\":\"%s\",\"entries\":%lld,\"first_bad_id\":%lld,\"integrity_ok\":%s,"
               "\"triggers_ok\":%s,\"head\":\"%s\",\"problem\":",
               rc ? "false" : "true", r.uuid, (long long)r.entries, (long long)r.first_bad_id,
               r.integrity_ok ? "true" : "false", r.triggers_ok ? "true" : "false", r.head);
        json_string(r.problem);
        puts("}");
    } else {
        printf("database %s\n  integrity     %s\n  triggers      %s\n  journal       %lld entr%s, %s\n"
               "  chain head    %s\n",
               r.uuid, r.integrity_ok ? "ok" : "FAILED", r.triggers_ok ? "all present" : "MISSING",
               (long long)r.entries, r.entries == 1 ? "y" : "ies", r.first_bad_id ? "BROKEN" : "chain intact", r.head);
        if (rc)
            printf("  problem       %s (entry %lld)\n", r.problem, (long long)r.first_bad_id);
    }
    return rc ? 1 : 0;
}

/* Commands that work on an existing site database, as an actor. */
static const struct {
    const char *name;
    int (*run)(cli *, ctx *);
} SITE_COMMANDS[] = {
    { "site", cmd_site },     { "staff", cmd_staff },   { "journal", cmd_journal }, { "grant", cmd_grant },
    { "audit", cmd_audit },   { "policy", cmd_policy }, { "report", cmd_report },
    { "verify", cmd_verify }, { "calendar", cmd_calendar }, { "call", cmd_call },       { "message", cmd_message },
    { "dir", cmd_dir },       { "guest", cmd_guest },       { "building", cmd_building }, { "unit", cmd_unit },
    { "occupant", cmd_occupant }, { "org", cmd_org },     { "find", cmd_find },         { "resident", cmd_resident },
    { "dept", cmd_dept },         { "employee", cmd_employee }, { "visitor", cmd_visitors }, { "blocklist", cmd_visitors },
    { "card", cmd_visitors },     { "custody", cmd_visitors },  { "permit", cmd_visitors }, { "prep", cmd_visitors },
    { "slips", cmd_visitors },    { "complaint", cmd_complaint }, { "fee", cmd_fee },
    { "repair", cmd_repair },     { "followup", cmd_followup },
    { "callback", cmd_callback }, { "specialist", cmd_specialist }, { "assign", cmd_assign },
    { "visit-plan", cmd_visit_plan }, { "survey", cmd_survey },
};

/* The shapes of the site commands, checked before any database is opened. */
static const struct {
    const char *cmd, *sub;
    int min_args, max_args; /* positional arguments, the command included */
    const char *usage;
} SHAPES[] = {
    { "init", NULL, 1, 2, "init [PATH] --name NAME [--code CODE] [--tz ZONE] [--add-site]" },
    { "site", "list", 2, 2, "site list" },
    { "staff", "add", 4, 4, "staff add CODE NAME [--role ROLE]" },
    { "staff", "list", 2, 2, "staff list [--search TEXT]" },
    { "staff", "deactivate", 3, 3, "staff deactivate CODE" },
    { "journal", "add", 4, 4, "journal add ENTITY ACTION [--id N] [--detail TEXT] [--at TIME]" },
    { "journal", "list", 2, 2, "journal list [--entity E] [--date YYYY-MM-DD]" },
    { "grant", "give", 4, 4, "grant give|take ROLE reveal|manage" },
    { "grant", "take", 4, 4, "grant give|take ROLE reveal|manage" },
    { "audit", "reveals", 2, 2, "audit reveals [--date YYYY-MM-DD]" },
    { "policy", "list", 2, 2, "policy list" },
    { "policy", "get", 3, 3, "policy get KEY" },
    { "policy", "set", 4, 5, "policy set KEY VALUE [UNIT]   (UNIT for a deadline key: working_days, calendar_days, business_hours ...)" },
    { "policy", "reset", 3, 3, "policy reset KEY" },
    { "report", "daily", 2, 2, "report daily [--date YYYY-MM-DD] [--json | --csv]" },
    { "report", "complaints", 2, 2, "report complaints --month YYYY-MM [--json | --csv]" },
    { "report", "plans", 2, 2, "report plans --month YYYY-MM [--json | --csv]" },
    { "verify", NULL, 1, 1, "verify" },
    { "calendar", "status", 2, 2, "calendar status" },
    { "call", "log", 2, 2, "call log --number N --caller NAME --ring TIME [--answer TIME] [--end TIME] ..." },
    { "call", "list", 2, 2, "call list [--date D] [--category C] [--disposition D] [--late] [--number N]" },
    { "call", "show", 3, 3, "call show ID" },
    { "call", "tasks", 2, 2, "call tasks [--all]" },
    { "call", "done", 3, 3, "call done TASK --outcome TEXT" },
    { "call", "import-cdr", 3, 3, "call import-cdr FILE --dialect D --source NAME [--tz ZONE] [--column-map M]" },
    { "message", "take", 2, 2, "message take --for NAME|--ext EXT --from NAME --body TEXT --confirmed ..." },
    { "message", "deliver", 3, 3, "message deliver ID --how HOW [--note TEXT]" },
    { "message", "expire", 3, 3, "message expire ID --note TEXT" },
    { "message", "list", 2, 2, "message list [--state S | --all]" },
    { "dir", "add", 3, 3, "dir add NAME [--kind person|department] [--dept D] [--ext E] [--number N] ..." },
    { "dir", "find", 3, 3, "dir find QUERY [--limit N] [--caller-type T]" },
    { "dir", "presence", 4, 4, "dir presence EXT in|out|busy|dnd [--until TIME]" },
    { "guest", "add", 3, 3, "guest add NAME --room R --arrival D --departure D [--incognito]" },
    { "guest", "find", 2, 3, "guest find [NAME] [--room R]" },
    { "guest", "checkout", 3, 3, "guest checkout ID" },
    { "building", "add", 4, 4, "building add CODE NAME" },
    { "unit", "add", 3, 3, "unit add NUMBER --building CODE [--area M2] [--use residential|office|shop|other]" },
    { "unit", "find", 3, 3, "unit find NUMBER" },
    { "unit", "list", 2, 2, "unit list [--building CODE] [--after NUMBER] [--limit N]" },
    { "occupant", "add", 4, 4, "occupant add UNIT NAME --move-in DATE [--role owner|tenant|resident] [--number N]" },
    { "occupant", "find", 3, 3, "occupant find QUERY [--all] [--date D]" },
    { "occupant", "move-out", 4, 4, "occupant move-out ID DATE" },
    { "org", "add", 3, 3, "org add NAME [--unit UNIT] [--number N] [--move-in DATE]" },
    { "org", "find", 3, 3, "org find QUERY" },
    { "find", NULL, 2, 2, "find QUERY [--all] [--date D] [--limit N]" },
    { "resident", NULL, 2, 2, "resident NAME|PHONE [--date D]" },
    { "dept", "add", 4, 4, "dept add ORG NAME [--unit UNIT]" },
    { "employee", "add", 4, 4, "employee add ORG NAME [--dept ID] [--title T] [--number N]" },
    { "visitor", "register", 3, 3, "visitor register NAME --purpose TEXT --host TEXT|--host-occupant ID|--host-employee ID|"
                                    "--host-dept ID|--host-org ID [--org ORG] [--phone N] [--party N] [--plate P] "
                                    "[--id-type T --id-number N [--consent]] [--expected FROM [--until UNTIL]] [--important]" },
    { "visitor", "answer", 4, 4, "visitor answer ID lobby|bring_up|decline [--note TEXT]" },
    { "visitor", "checkin", 3, 3, "visitor checkin ID" },
    { "visitor", "checkout", 3, 3, "visitor checkout ID [--left-at TIME] [--note TEXT]" },
    { "visitor", "admit", 3, 3, "visitor admit ID --note TEXT" },
    { "visitor", "refuse", 3, 3, "visitor refuse ID --note TEXT" },
    { "visitor", "explain", 3, 3, "visitor explain ID --note TEXT" },
    { "visitor", "cancel", 3, 3, "visitor cancel ID --note TEXT" },
    { "visitor", "list", 2, 2, "visitor list [--date D] [--state S]" },
    { "visitor", "show", 3, 3, "visitor show ID" },
    { "visitor", "onsite", 2, 2, "visitor onsite" },
    { "visitor", "shift", 2, 2, "visitor shift [--since TIME]" },
    { "visitor", "purge", 2, 2, "visitor purge [--dry-run]" },
    { "visitor", "id-reveal", 3, 3, "visitor id-reveal ID --reason TEXT" },
    { "blocklist", "add", 2, 3, "blocklist add [NAME] --level warning|limited|forbidden --reason TEXT [--phone N] "
                                "[--id-type T --id-number N] [--from TIME] [--until TIME]" },
    { "blocklist", "lift", 3, 3, "blocklist lift ID --reason TEXT" },
    { "blocklist", "check", 2, 3, "blocklist check [NAME] [--phone N] [--id-type T --id-number N]" },
    { "blocklist", "list", 2, 2, "blocklist list [--all]" },
    { "card", "add", 3, 3, "card add CODE [--kind visitor_card|key|umbrella|other] [--name TEXT]" },
    { "card", "issue", 3, 3, "card issue CODE|ID --visit ID" },
    { "card", "return", 3, 3, "card return CODE|ID [--note TEXT]" },
    { "card", "lost", 3, 3, "card lost CODE|ID --note TEXT" },
    { "card", "found", 3, 3, "card found CODE|ID [--note TEXT]" },
    { "card", "count", 4, 4, "card count KIND start|end --counted N --cosign STAFF" },
    { "card", "explain", 3, 3, "card explain COUNT --note TEXT" },
    { "card", "list", 2, 2, "card list [--kind K] [--state S]" },
    { "custody", "add", 4, 4, "custody add KIND DESCRIPTION [--owner NAME] [--phone N] [--unit UNIT] [--occupant ID] "
                              "[--visit ID] [--found-where TEXT]" },
    { "custody", "notify", 3, 3, "custody notify ID --how sms|phone|wechat|note [--note TEXT]" },
    { "custody", "collect", 3, 3, "custody collect ID --to NAME --check signature|id_check [--note TEXT]" },
    { "custody", "return", 3, 3, "custody return ID --to NAME [--note TEXT]" },
    { "custody", "hand-on", 3, 3, "custody hand-on ID --to NAME [--note TEXT]" },
    { "custody", "list", 2, 2, "custody list [--state S | --all] [--kind K]" },
    { "permit", "add", 3, 3, "permit add APPLICANT --items \"电脑2台，椅子×4\" [--phone N] [--unit UNIT] [--org ID] "
                             "[--reason TEXT] [--until TIME] [--id-type T --id-number N]" },
    { "permit", "approve", 3, 3, "permit approve ID [--note TEXT]" },
    { "permit", "refuse", 3, 3, "permit refuse ID --note TEXT" },
    { "permit", "check", 3, 3, "permit check ID --counted ITEMS [--gate G] [--note TEXT]" },
    { "permit", "list", 2, 2, "permit list [--state S]" },
    { "prep", "add", 4, 4, "prep add VISIT ITEM [--due TIME]" },
    { "prep", "done", 3, 3, "prep done ID [--note TEXT]" },
    { "prep", "list", 2, 2, "prep list [--visit ID] [--date D] [--open]" },
    { "slips", "status", 2, 2, "slips status" },
    { "slips", "handover", 2, 2, "slips handover --to NAME [--note TEXT]" },
    { "repair", "new", 2, 2, "repair new --received TIME --channel C --category 安全设施|渗漏|电气|给排水|其他 --what TEXT "
      "(--unit NUMBER | --address TEXT) [--customer NAME] [--contact PHONE] [--skill S] [--call ID]" },
    { "repair", "dispatch", 3, 3, "repair dispatch ID --handler STAFF_CODE [--note TEXT] [--happened TIME]" },
    { "repair", "accept", 3, 3, "repair accept ID [--note TEXT] [--happened TIME]" },
    { "repair", "transfer", 3, 3, "repair transfer ID --handler STAFF_CODE [--note TEXT]" },
    { "repair", "return", 3, 3, "repair return ID --note TEXT   (back to the desk)" },
    { "repair", "pause", 3, 3, "repair pause ID --note TEXT   (waiting for parts)" },
    { "repair", "resume", 3, 3, "repair resume ID [--note TEXT]" },
    { "repair", "done", 3, 3, "repair done ID [--note TEXT] [--happened TIME]" },
    { "repair", "leak-test", 3, 3, "repair leak-test ID [--happened TIME]   (a leak's follow-up counts from it)" },
    { "repair", "close", 3, 3, "repair close ID [--undone --note WHY]" },
    { "repair", "show", 3, 3, "repair show ID" },
    { "repair", "list", 2, 2, "repair list [--state S] [--category C] [--date D] [--json | --csv]" },
    { "followup", "due", 2, 2, "followup due [--due 2d | --late] [--json | --csv]" },
    { "followup", "record", 3, 3, "followup record ID --method 电话|上门 --result fixed|not_fixed "
      "[--satisfaction 满意|一般|不满意] [--note WHAT_THEY_SAID]" },
    { "followup", "misses", 2, 2, "followup misses [--from TIME] [--to TIME] [--json | --csv]" },
    { "callback", "record", 2, 2, "callback record (--task CALL_TASK_ID | --source member|complaint|repair --customer NAME "
      "--number N [--member] [--complaint ID] [--repair ID] [--occupant ID] [--org ID]) [--agreed TIME]" },
    { "callback", "due", 2, 2, "callback due [--due 4h|2d | --late] [--json | --csv]" },
    { "callback", "now", 2, 2, "callback now [--json | --csv]   (nobody in quiet hours, R-PLN-2)" },
    { "callback", "attempt", 3, 3, "callback attempt ID --result 无人接听|占线|已回访 [--satisfaction 满意|一般|不满意] "
      "[--note WHAT_THEY_SAID] [--happened TIME]" },
    { "callback", "close", 3, 3, "callback close ID --reason WHY   (not reached: a miss)" },
    { "callback", "misses", 2, 2, "callback misses [--from TIME] [--to TIME] [--json | --csv]" },
    { "specialist", "add", 3, 3, "specialist add STAFF_CODE --level 1..5" },
    { "specialist", "leave", 3, 3, "specialist leave ID [--apply]   (their customers' moves; written with --apply)" },
    { "specialist", "list", 2, 2, "specialist list [--json | --csv]" },
    { "assign", "add", 2, 2, "assign add (--occupant ID | --org ID) [--specialist ID]   (else balanced by level)" },
    { "assign", "list", 2, 2, "assign list [--specialist ID] [--all] [--json | --csv]" },
    { "assign", "rebalance", 2, 2, "assign rebalance [--apply] [--json]   (before and after, fewest moves)" },
    { "assign", "contact", 3, 3, "assign contact ID   (the first contact)" },
    { "assign", "misses", 2, 2, "assign misses [--json | --csv]   (first contact overdue)" },
    { "visit-plan", "add", 2, 2, "visit-plan add (--occupant ID | --org ID) --purpose TEXT --recurrence 一次|每周|每月|"
      "每N个工作日 [--interval N] --first TIME --visitor STAFF_CODE [--until YYYY-MM-DD]" },
    { "visit-plan", "due", 2, 2, "visit-plan due [--due 7d | --late] [--json | --csv]" },
    { "visit-plan", "record", 3, 3, "visit-plan record VISIT [--happened TIME] [--visitor STAFF_CODE] [--note SAID]" },
    { "visit-plan", "reassign", 3, 3, "visit-plan reassign PLAN --visitor STAFF_CODE" },
    { "visit-plan", "end", 3, 3, "visit-plan end PLAN" },
    { "visit-plan", "question", 4, 4, "visit-plan question VISIT TEXT   (not answered on the spot: a reply task)" },
    { "visit-plan", "answer", 4, 4, "visit-plan answer QUESTION TEXT" },
    { "survey", "new", 3, 102, "survey new --title TEXT --from YYYY-MM-DD --to YYYY-MM-DD QUESTION..." },
    { "survey", "answer", 5, 5, "survey answer SURVEY OWNER QUESTION_NO [--score 1..5] [--note TEXT]" },
    { "survey", "show", 3, 3, "survey show SURVEY [--json | --csv]" },
    { "survey", "due", 2, 2, "survey due" },
    { "complaint", "new", 2, 2, "complaint new --received TIME --channel C --severity 重大|重要|轻微 --what TEXT "
                                "[--category C] [--asks TEXT] [--customer NAME] [--contact N] [--unit UNIT] "
                                "[--occupant ID] [--subject TEXT] [--subject-dept ID] [--place TEXT] "
                                "[--customer-due TIME] [--harm] | new --from-call ID --severity S ..." },
    { "complaint", "show", 3, 3, "complaint show ID" },
    { "complaint", "list", 2, 2, "complaint list [--due 4h | --breached | --escalate] [--state S] [--severity S] "
                                 "[--category C] [--dept ID] [--date D] [--all]" },
    { "complaint", "events", 3, 3, "complaint events ID" },
    { "complaint", "targets", 3, 3, "complaint targets ID" },
    { "complaint", "advance", 4, 4, "complaint advance ID STEP [--note TEXT] [--happened TIME] [the step's options: "
                                    "--cause --responsible | --solution | --proposal EVENT | --accepted | "
                                    "--satisfaction S | --severity S | --target T | --dept ID --promised TIME]" },
    { "complaint", "assess", 3, 3, "complaint assess ID --valid|--invalid [--note TEXT]" },
    { "complaint", "assign", 3, 3, "complaint assign ID --dept ID --promised TIME [--note TEXT]" },
    { "complaint", "investigate", 3, 3, "complaint investigate ID --cause TEXT [--responsible NAME]" },
    { "complaint", "propose", 3, 3, "complaint propose ID --solution TEXT" },
    { "complaint", "choose", 3, 3, "complaint choose ID --proposal EVENT   (a supervisor)" },
    { "complaint", "implement", 3, 3, "complaint implement ID --accepted [--note TEXT]   (the customer signed)" },
    { "complaint", "followup", 3, 3, "complaint followup ID --satisfaction 满意|一般|不满意 [--note TEXT]" },
    { "complaint", "close", 3, 3, "complaint close ID --note TEXT" },
    { "complaint", "reopen", 3, 3, "complaint reopen ID --note TEXT" },
    { "complaint", "pause", 3, 3, "complaint pause ID --note TEXT   (waiting for the customer)" },
    { "complaint", "resume", 3, 3, "complaint resume ID [--note TEXT]" },
    { "complaint", "escalate", 3, 3, "complaint escalate ID --target director|escalate|answer|resolve|reply --note TEXT" },
    { "complaint", "contact", 3, 3, "complaint contact|answer|report|reply ID [--note TEXT] [--happened TIME]" },
    { "complaint", "answer", 3, 3, "complaint contact|answer|report|reply ID [--note TEXT] [--happened TIME]" },
    { "complaint", "report", 3, 3, "complaint contact|answer|report|reply ID [--note TEXT] [--happened TIME]" },
    { "complaint", "reply", 3, 3, "complaint contact|answer|report|reply ID [--note TEXT] [--happened TIME]" },
    { "complaint", "severity", 3, 4, "complaint severity ID 重大|重要|轻微 --note TEXT" },
    { "complaint", "harm", 3, 3, "complaint harm|harm-cleared ID --note TEXT" },
    { "complaint", "harm-cleared", 3, 3, "complaint harm|harm-cleared ID --note TEXT" },
    { "complaint", "unanswered", 2, 2, "complaint unanswered [--date D]" },
    { "complaint", "escalate-run", 2, 2, "complaint escalate-run" },
    { "complaint", "check-reply", 3, 3, "complaint check-reply TEXT" },
    { "complaint", "categories", 3, 5, "complaint categories add CODE LABEL [--dept ID] | retire ID | list [--all]" },
    { "complaint", "phrases", 3, 4, "complaint phrases add PHRASE | retire ID | list [--all]" },
    /* fees, billing (cli/fees.c); the cash desk and arrears add their rows below */
    { "fee", "item", 3, 5, "fee item add CODE NAME --kind K [--custody] [--rounding R] | list [--all] | retire CODE" },
    { "fee", "rate", 3, 5, "fee rate add ITEM PRICE --from DATE [--source TEXT] | list [ITEM]   (PRICE in yuan)" },
    { "fee", "custody", 4, 4, "fee custody add UNIT --from DATE [--to DATE] | end ID --to DATE" },
    { "fee", "reading", 6, 6, "fee reading add UNIT ITEM READING --date DATE" },
    { "fee", "bill", 3, 6, "fee bill run --start DATE [--period month|quarter|year] [--unit UNIT] | show ID | "
                           "list [--unit UNIT] [--state S]  [--json | --csv]" },
    { "fee", "bill", 3, 6, "fee bill charge UNIT ITEM --date DATE [--qty N] [--price YUAN] | discount ID ITEM AMOUNT "
                           "--reason TEXT | late-fees [--date DATE]" },
    { "fee", "adjust", 4, 4, "fee adjust BILL AMOUNT --reason TEXT   (AMOUNT in yuan, signed; dated the next open day)" },
    /* fees, cash desk (cli/fees_cash.c) */
    { "fee", "lookup", 3, 3, "fee lookup UNIT [--date D]  [--json | --csv]" },
    { "fee", "series", 4, 4, "fee series add CODE [--kind book|electronic] [--first N] [--last N] | close ID" },
    { "fee", "pay", 4, 4, "fee pay UNIT AMOUNT --method M --series ID --rev N [--tendered X] [--reference R] "
                          "[--payer P] [--bill ID]" },
    { "fee", "collect", 4, 4, "fee collect RECEIPT AMOUNT --method M [--tendered X] [--reference R]" },
    { "fee", "void", 3, 3, "fee void RECEIPT --reason TEXT" },
    { "fee", "refund", 4, 5, "fee refund request PAYMENT AMOUNT --method M --reason TEXT | approve|refuse|pay ID" },
    { "fee", "prepare", 3, 3, "fee prepare BILL --series ID --collector STAFF --signature NAME" },
    { "fee", "return", 3, 3, "fee return RECEIPT" },
    { "fee", "receipts", 2, 2, "fee receipts [--series ID] [--state S]  [--json | --csv]" },
    { "fee", "close-day", 2, 2, "fee close-day [--date D]" },
    { "fee", "ledger", 2, 2, "fee ledger [--date D]  [--json | --csv]" },
    { "fee", "reconcile", 2, 2, "fee reconcile  [--json]" },
    /* fees, arrears (cli/fees_arrears.c) */
    { "fee", "arrears", 2, 2, "fee arrears [--as-of D]  [--json | --csv]" },
    { "fee", "dunning", 3, 4, "fee dunning add UNIT --step S --channel C [--date D] [--deadline D] [--result T] "
                              "[--proof T] | due [--as-of D] | list [--unit UNIT]  [--json | --csv]" },
    { "fee", "notice", 4, 4, "fee notice payment|dunning UNIT [--as-of D]" },
    { "fee", "template", 5, 5, "fee template set payment|dunning TEXT" },
};

/* The usage lines of @cmd (of its subcommand @sub only, when not NULL), each once, to @f. */
static void print_usages(FILE *f, const char *cmd, const char *sub)
{
    const char *last = NULL;
    for (size_t i = 0; i < sizeof SHAPES / sizeof *SHAPES; i++) {
        if (strcmp(SHAPES[i].cmd, cmd) != 0 || (sub && SHAPES[i].sub && strcmp(SHAPES[i].sub, sub) != 0))
            continue;
        if (last == NULL || strcmp(last, SHAPES[i].usage) != 0)
            fprintf(f, "  frontdesk %s\n", SHAPES[i].usage);
        last = SHAPES[i].usage;
    }
}

/* Removes every --help from argv: whether there was one. */
static bool take_help(cli *c)
{
    int n = 0;
    bool help = false;
    for (int i = 0; i < c->argc; i++) {
        if (strcmp(c->argv[i], "--help") == 0 && i > 0)
            help = true;
        else
            c->argv[n++] = c->argv[i];
    }
    c->argc = n;
    c->argv[n] = NULL;
    return help;
}

/*
 * The shape of a command line, checked before any database is opened: 0 when
 * argv has one of the command's shapes; else a usage error (2) — a missing or
 * unknown subcommand says so and lists the command's subcommands, a known one
 * with the wrong arguments gives its usage. With @help the usage goes to
 * stdout and the status is -1 (done, exit 0): the subcommand's when one is
 * named, else the whole command's.
 */
static int check_shape(const cli *c, bool help)
{
    const char *cmd = c->argv[0], *sub = c->argc > 1 ? c->argv[1] : NULL;
    bool subs = false, known = false;
    for (size_t i = 0; i < sizeof SHAPES / sizeof *SHAPES; i++) {
        if (strcmp(SHAPES[i].cmd, cmd) != 0)
            continue;
        subs = SHAPES[i].sub != NULL;
        if (subs && (sub == NULL || strcmp(SHAPES[i].sub, sub) != 0))
            continue;
        known = true;
        if (!help && c->argc >= SHAPES[i].min_args && c->argc <= SHAPES[i].max_args)
            return 0;
    }
    bool z = strcmp(c->lang, "zh") == 0;
    if (help) {
        if (known && subs)
            printf(z ? "用法：\n" : "usage:\n");
        else
            printf(z ? "frontdesk %s 的用法%s：\n" : "usage of frontdesk %s%s:\n", cmd,
                   subs ? (z ? "（各子命令）" : ", its subcommands") : "");
        print_usages(stdout, cmd, known && subs ? sub : NULL);
        if (strcmp(cmd, "init") != 0)
            puts(z ? "改动数据的命令须写 --as 工号（见 frontdesk --help）" : "a command that changes data needs --as STAFF");
        puts(z ? "时间的写法、--json、--lang 等通用选项见 frontdesk --help"
               : "times, --json, --lang and the other common options: frontdesk --help --lang en");
        return -1;
    }
    if (known && subs)
        fprintf(stderr, "frontdesk: usage:\n");
    else if (subs && sub)
        fprintf(stderr, "frontdesk: %s has no subcommand '%s'; its subcommands:\n", cmd, sub);
    else if (subs)
        fprintf(stderr, "frontdesk: %s needs a subcommand:\n", cmd);
    else
        fprintf(stderr, "frontdesk: usage:\n");
    print_usages(stderr, cmd, known && subs ? sub : NULL);
    fprintf(stderr, "(see frontdesk %s%s%s --help)\n", cmd, known && subs ? " " : "", known && subs ? sub : "");
    return 2;
}

static int run_site_command(cli *c, int (*run)(cli *, ctx *))
{
    int shape = check_shape(c, take_help(c));
    if (shape)
        return shape < 0 ? 0 : shape;
    ctx x = { NULL, NULL, FD_ACTOR_INIT, FD_BUF_INIT, 0 };
    x.utc = c->utc;
    fd_status rc = open_site(c, &x);
    int status = rc == FD_ECONFLICT && c->site_code == NULL ? 2 : rc ? open_error(rc) : make_actor(c, &x);
    if (status == 0)
        status = run(c, &x);
    fd_buf_dispose(&x.buf);
    fd_site_free(x.site);
    fd_store_close(x.store);
    return status;
}

int main(int argc, char **argv)
{
    cli c = { 0 };
    int status = parse(&c, argc, argv);
    if (status == 0 && c.argc == 0)
        status = usage_error("no command");
    if (status) {
        free(c.argv);
        return status;
    }
    /* "frontdesk help visitor" and "frontdesk --help visitor" are "frontdesk visitor --help". */
    if (c.argc > 1 && (strcmp(c.argv[0], "--help") == 0 || strcmp(c.argv[0], "help") == 0)) {
        c.argv[0] = c.argv[1];
        c.argv[1] = (char *)"--help";
    }
    const char *cmd = c.argv[0];
    size_t k = 0;
    while (k < sizeof SITE_COMMANDS / sizeof SITE_COMMANDS[0] && strcmp(SITE_COMMANDS[k].name, cmd) != 0)
        k++;
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(strcmp(c.lang, "en") == 0 ? USAGE : USAGE_ZH, stdout);
    } else if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("frontdesk (libfrontdesk) %s\n", fd_version());
    } else if (strcmp(cmd, "init") == 0) {
        status = check_shape(&c, take_help(&c));
        status = status < 0 ? 0 : status ? status : cmd_init(&c);
    } else if (k < sizeof SITE_COMMANDS / sizeof SITE_COMMANDS[0]) {
        status = run_site_command(&c, SITE_COMMANDS[k].run);
    } else {
        fprintf(stderr, "frontdesk: unknown command '%s'\n(see frontdesk --help)\n", cmd);
        status = 2;
    }
    free(c.argv);
    return status;
}
