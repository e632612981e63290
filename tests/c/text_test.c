/* The text module (issue 4, items 1-6): normalisation, T<->S, pinyin, search, sorting, width. */
#include "fd_test.h"
#include "frontdesk/text.h"
#include "internal.h"
#include "store/store_internal.h"
#include "store/collations.h"

#include <pthread.h>
#include <sqlite3.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

/* Runs a string -> string function and returns a static copy of its output. */
typedef fd_status (*str_fn)(fd_buf *, const char *);

static const char *run(str_fn f, const char *s)
{
    static char copy[4096];
    fd_buf b = FD_BUF_INIT;
    fd_status rc = f(&b, s);
    cr_assert_eq(rc, FD_OK, "failed on '%s': %s", s, fd_error_last()->message);
    cr_assert_lt(b.size, sizeof copy);
    memcpy(copy, b.ptr, b.size + 1);
    cr_assert_eq(strlen(copy), b.size, "output has an embedded NUL");
    fd_buf_dispose(&b);
    return copy;
}

static fd_status pinyin_plain(fd_buf *b, const char *s) { return fd_text_pinyin(b, s, 0); }
static fd_status pinyin_tones(fd_buf *b, const char *s) { return fd_text_pinyin(b, s, 1); }
static fd_status name_plain(fd_buf *b, const char *s) { return fd_text_name_pinyin(b, s, 0); }
static fd_status name_tones(fd_buf *b, const char *s) { return fd_text_name_pinyin(b, s, 1); }

#define expect(f, in, want)                                                                   \
    do {                                                                                      \
        const char *got_ = run(f, in);                                                        \
        cr_expect_str_eq(got_, want, "%s(\"%s\") = \"%s\", want \"%s\"", #f, in, got_, want);    \
    } while (0)

static void check_sql_order(sqlite3 *db, const char *sql, const char *want);

/* --- 1. normalisation ---------------------------------------------------------- */

Test(text, normalize_nfkc_fullwidth_and_whitespace)
{
    expect(fd_text_normalize, "  ＡＢＣ　１２３  ", "ABC 123");
    expect(fd_text_normalize, "a \t\n  b", "a b");
    expect(fd_text_normalize, "", "");
    expect(fd_text_normalize, "   ", "");
    expect(fd_text_normalize, "２号楼　３单元　１０１室", "2号楼 3单元 101室");
    expect(fd_text_normalize, "ﾊﾝｶｸ", "ハンカク");       /* half-width katakana widen */
    expect(fd_text_normalize, "①号", "1号");
    expect(fd_text_normalize, "（北京）", "(北京)");
    expect(fd_text_normalize, "e\xcc\x81", "\xc3\xa9"); /* e + combining acute composes */
    expect(fd_text_normalize, "张三\xc2\xa0\xe2\x80\x83李四", "张三 李四"); /* NBSP, em space */
    expect(fd_text_normalize, "𠮷野家", "𠮷野家");
    expect(fd_text_normalize, "Room  2-101", "Room 2-101");
}

/* The reference: ICU NFKC on the whole string, then white space collapsed and trimmed. */
static void icu_normalize(const char *in, char *out, size_t cap)
{
    UChar u[512], v[1024];
    int32_t n = 0;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8(u, 512, &n, in, -1, &err);
    n = unorm2_normalize(unorm2_getNFKCInstance(&err), u, n, v, 1024, &err);
    cr_assert(U_SUCCESS(err), "ICU: %s", u_errorName(err));
    size_t o = 0;
    bool pending = false, any = false;
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(v, i, n, c);
        if (u_isUWhiteSpace(c)) {
            pending = any;
            continue;
        }
        if (pending)
            out[o++] = ' ';
        UChar one[2];
        int32_t k = 0, w = 0;
        U16_APPEND_UNSAFE(one, k, c);
        u_strToUTF8(out + o, (int32_t)(cap - o), &w, one, k, &err);
        o += (size_t)w;
        pending = false;
        any = true;
    }
    out[o] = '\0';
}

/* The fast path (no ICU for ASCII, CJK and full-width ASCII) gives exactly ICU's result. */
Test(text, normalize_fast_path_equals_icu)
{
    static const char *cases[] = {
        "  ＡＢＣ　１２３  ", "张三", " 长沙银行　２号楼 ", "Ａ\xcc\x81",  /* full-width A + acute composes */
        "a\xcc\x81", "１０１室（南）", "ｈｅｌｌｏ　ｗｏｒｌｄ", "𠮷野家　", "丽江\xef\xa8\x8e", /* U+FA0E */
        "、。「」『』", "ﾊﾝｶｸ ｶﾅ", "㍻", "①②", "\xe2\x80\x83x\xe2\x80\x83", "ｶﾞ", "Ⅻ号楼",
        "\xe3\x80\x80\xe3\x80\x80", "ℌ", "ﬁle", "\xef\xbd\x9e", "張\xcc\x81",
    };
    char ref[1024];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        icu_normalize(cases[i], ref, sizeof ref);
        expect(fd_text_normalize, cases[i], ref);
    }
    expect(fd_text_normalize, "Ａ\xcc\x81", "\xc3\x81");
}

/*
 * The fast path's table (issue 9) against ICU for every BMP character, alone,
 * between ASCII letters, inside （）, and before a combining acute accent and a
 * trailing jamo (which must send the string to ICU).
 */
Test(text, normalize_fast_path_equals_icu_for_every_bmp_character, .timeout = 120)
{
    static const char *const fmt[] = { "%s", "a%sb", "（%s）", "%s\xcc\x81", "%s\xe1\x86\xa8", "　%s　" };
    char c8[8], in[64], ref[256];
    fd_buf b = FD_BUF_INIT;
    long checked = 0;
    for (uint32_t c = 1; c < 0x10000; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        c8[fd__utf8_put(c8, c)] = '\0';
        for (size_t f = 0; f < sizeof fmt / sizeof fmt[0]; f++) {
            snprintf(in, sizeof in, fmt[f], c8);
            icu_normalize(in, ref, sizeof ref);
            fd_assert_ok(fd_text_normalize(&b, in));
            if (strcmp(b.ptr, ref) != 0)
                cr_assert_fail("U+%04X in \"%s\": got \"%s\", ICU \"%s\"", (unsigned)c, fmt[f], b.ptr, ref);
            checked++;
        }
    }
    fd_buf_dispose(&b);
    cr_log_info("normalize: %ld strings agree with ICU", checked);
}

/* Journal-style text with the punctuation of real Chinese text takes the fast path and agrees with ICU. */
Test(text, normalize_fast_path_covers_chinese_punctuation)
{
    static const char *cases[] = {
        "“文明养犬”倡议书：《业主手册》（第三章）——装修管理·施工时间",
        "【停水通知】因管网维修，3号楼将于6月12日（周三）8:00—18:00停水……",
        "访客登记：张伟（身份证尾号002X），拜访12楼1203室，事由‘送快递’；",
        "金额：￥1,200.00元，面积：８９．５㎡，温度：２５℃",
        "〔2026〕第①号　〈通知〉「前台」『大堂』、。！？",
    };
    char ref[1024];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        icu_normalize(cases[i], ref, sizeof ref);
        expect(fd_text_normalize, cases[i], ref);
    }
}

/* Every store connection has the collations (store.c register_sql_functions). */
Test(text, store_connections_have_fd_zh)
{
    fd_store *st = NULL;
    fd_assert_ok(fd_store_open(&st, fd_test_path("text-collation"), NULL));
    check_sql_order(st->db,
                        "WITH t(n) AS (VALUES ('张三'),('单田芳'),('李四')) SELECT n FROM t ORDER BY n COLLATE FD_ZH",
                        "李四,单田芳,张三");
    check_sql_order(st->db,
                        "WITH t(n) AS (VALUES ('10-101'),('2-1001'),('2-101')) SELECT n FROM t ORDER BY n COLLATE FD_NATURAL",
                        "2-101,2-1001,10-101");
    fd_store_close(st);
}

/* --- 2. Traditional <-> Simplified --------------------------------------------- */

Test(text, to_simplified_cases)
{
    expect(fd_text_to_simplified, "長沙銀行", "长沙银行");
    expect(fd_text_to_simplified, "臺灣", "台湾");
    expect(fd_text_to_simplified, "台灣", "台湾");
    expect(fd_text_to_simplified, "香港中華總商會", "香港中华总商会");
    expect(fd_text_to_simplified, "乾隆皇帝", "乾隆皇帝"); /* curated phrase keeps 乾 */
    expect(fd_text_to_simplified, "乾淨", "干净");
    expect(fd_text_to_simplified, "著名", "著名");
    expect(fd_text_to_simplified, "Room 1 號樓 𠮷", "Room 1 号楼 𠮷");
    expect(fd_text_to_simplified, "", "");
    expect(fd_text_to_simplified, "长沙银行", "长沙银行"); /* Simplified stays */
    expect(fd_text_to_simplified, "佈告", "布告");         /* curated variant */
}

Test(text, to_traditional_cases)
{
    expect(fd_text_to_traditional, "长沙银行", "長沙銀行");
    expect(fd_text_to_traditional, "头发", "頭髮");
    expect(fd_text_to_traditional, "发展", "發展");
    expect(fd_text_to_traditional, "皇后", "皇后");
    expect(fd_text_to_traditional, "后来", "後來");
    expect(fd_text_to_traditional, "台湾", "臺灣");
    expect(fd_text_to_traditional, "系统", "系統");
    expect(fd_text_to_traditional, "关系", "關係");
    expect(fd_text_to_traditional, "姜先生", "姜先生"); /* surname stays */
    expect(fd_text_to_traditional, "A座", "A座");
}

/* UTF-8 of a BMP code point (3 bytes for the CJK range). */

/* ICU's transliterator as the independent reference, over one string. */
static void icu_translit(UTransliterator *t, const char *in, char *out, size_t cap)
{
    UChar u[512];
    int32_t len = 0, limit;
    UErrorCode err = U_ZERO_ERROR;
    u_strFromUTF8(u, 512, &len, in, -1, &err);
    limit = len;
    utrans_transUChars(t, u, &len, 512, 0, &limit, &err);
    cr_assert(U_SUCCESS(err), "ICU: %s", u_errorName(err));
    u_strToUTF8(out, (int32_t)cap, NULL, u, len, &err);
    cr_assert(U_SUCCESS(err));
}

static UTransliterator *open_translit(const char *id)
{
    UChar uid[64];
    UErrorCode err = U_ZERO_ERROR;
    u_uastrcpy(uid, id);
    UTransliterator *t = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
    cr_assert(U_SUCCESS(err), "ICU cannot open %s: %s", id, u_errorName(err));
    return t;
}

/* Real notices, addresses and names in Traditional characters. */
Test(text, to_simplified_agrees_with_icu_on_real_text)
{
    static const char *corpus[] = {
        "本社區物業管理處通知：因維修電梯，二號樓將於週三停電。",
        "請各位業主於本月底前繳納物業費及停車費，逾期將收取滯納金。",
        "臺北市信義區市府路1號",
        "香港九龍尖沙咀彌敦道",
        "長沙銀行股份有限公司",
        "陳大文先生來電投訴噪音問題，要求儘快處理。",
        "歡迎光臨，請問有什麼可以幫您？",
        "訪客登記：張偉，探訪十二樓三室，證件號碼已核對。",
        "電話轉接至客服部門，請稍候。",
        "會議室預約：星期五下午三點，參加人數二十人。",
    };
    UTransliterator *t = open_translit("Traditional-Simplified");
    char ref[1024];
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        icu_translit(t, corpus[i], ref, sizeof ref);
        cr_expect_str_eq(run(fd_text_to_simplified, corpus[i]), ref, "corpus[%zu]", i);
    }
    utrans_close(t);
}

/* --- 3. pinyin ------------------------------------------------------------------ */

Test(text, pinyin_issue_examples)
{
    expect(pinyin_plain, "重庆银行", "chong qing yin hang");
    expect(pinyin_plain, "长沙", "chang sha");
    expect(pinyin_plain, "行长", "hang zhang");
    expect(pinyin_tones, "中国", "zhōng guó");
    expect(pinyin_plain, "𠮷", "ji"); /* U+20BB7, outside the BMP */
    expect(pinyin_tones, "𠮷野家", "jí yě jiā");
}

Test(text, pinyin_polyphonic_words_and_place_names)
{
    static const char *cases[][2] = {
        { "长春", "chang chun" },       { "厦门", "xia men" },       { "蚌埠", "beng bu" },
        { "六安", "lu an" },            { "番禺", "pan yu" },        { "丽水", "li shui" },
        { "济南", "ji nan" },           { "成都", "cheng du" },      { "西藏", "xi zang" },
        { "长沙市", "chang sha shi" },  { "重要", "zhong yao" },     { "音乐", "yin yue" },
        { "会计", "kuai ji" },          { "快乐", "kuai le" },       { "招商银行行长", "zhao shang yin hang hang zhang" },
        { "银行卡", "yin hang ka" },    { "长江大桥", "chang jiang da qiao" }, { "重新登记", "chong xin deng ji" },
        { "大厦", "da sha" },           { "北京", "bei jing" },      { "上海浦东", "shang hai pu dong" },
        { "地址", "di zhi" },           { "空调维修", "kong tiao wei xiu" }, { "头发", "tou fa" },
        { "便宜", "pian yi" },          { "绿", "lv" },              { "女", "nv" },
        { "乐清", "yue qing" },         { "尉氏县", "wei shi xian" }, { "洪洞", "hong tong" },
        { "台州", "tai zhou" },         { "蔚县", "yu xian" },       { "都江堰", "du jiang yan" },
        { "吐鲁番", "tu lu fan" },      { "长治", "chang zhi" },     { "六合区", "lu he qu" },
        { "湖南省长沙市岳麓区", "hu nan sheng chang sha shi yue lu qu" },
        { "重庆市渝中区解放碑", "chong qing shi yu zhong qu jie fang bei" },
        { "〇", "ling" },               { "行政楼", "xing zheng lou" }, { "长度", "chang du" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect(pinyin_plain, cases[i][0], cases[i][1]);
}

Test(text, pinyin_traditional_input_reads_like_simplified)
{
    expect(pinyin_plain, "長沙", "chang sha");
    expect(pinyin_plain, "重慶銀行", "chong qing yin hang");
    expect(pinyin_plain, "廈門", "xia men");
    expect(pinyin_plain, "乾隆", "qian long");
}

Test(text, pinyin_mixed_latin_and_han)
{
    expect(pinyin_plain, "A座101室", "A zuo 101 shi");
    expect(pinyin_plain, "卡拉OK厅", "ka la OK ting");
    expect(pinyin_plain, "张三 李四", "zhang san li si");
    expect(pinyin_plain, "  张三  ", "zhang san");
    expect(pinyin_plain, "Room 2-101 张", "Room 2-101 zhang");
    expect(pinyin_plain, "IBM中国", "IBM zhong guo");
    expect(pinyin_plain, "", "");
    expect(pinyin_plain, "hello", "hello");
    expect(pinyin_plain, "张三，李四", "zhang san ， li si");
}

Test(text, pinyin_tones)
{
    expect(pinyin_tones, "绿色", "lǜ sè");
    expect(pinyin_tones, "银行", "yín háng");
    expect(pinyin_tones, "商量", "shāng liang"); /* neutral tone has no mark */
    expect(pinyin_tones, "A座", "A zuò");
}

Test(text, name_pinyin_surname_readings)
{
    static const char *cases[][2] = {
        { "单田芳", "shan tian fang" },   { "曾国藩", "zeng guo fan" },   { "解缙", "xie jin" },
        { "仇英", "qiu ying" },           { "朴槿惠", "piao jin hui" },   { "区家麟", "ou jia lin" },
        { "查良镛", "zha liang yong" },   { "翟志刚", "zhai zhi gang" },  { "尉迟恭", "yu chi gong" },
        { "万俟卨", "mo qi xie" },        { "欧阳修", "ou yang xiu" },    { "司马迁", "si ma qian" },
        { "诸葛亮", "zhu ge liang" },     { "上官婉儿", "shang guan wan er" }, { "长孙无忌", "zhang sun wu ji" },
        { "乐嘉", "yue jia" },            { "盖叫天", "ge jiao tian" },   { "缪斯", "miao si" },
        { "任正非", "ren zheng fei" },    { "华罗庚", "hua luo geng" },   { "沈从文", "shen cong wen" },
        { "张长江", "zhang chang jiang" }, { "單田芳", "shan tian fang" }, { "歐陽修", "ou yang xiu" },
        { "李行", "li xing" },            { "夏侯惇", "xia hou dun" },    { "皇甫嵩", "huang fu song" },
        { " 单田芳", "shan tian fang" },  { "单", "shan" },              { "", "" },
        { "曾志伟", "zeng zhi wei" },     { "解晓东", "xie xiao dong" },  { "区永权", "ou yong quan" },
        { "朴树", "piao shu" },           { "查海生", "zha hai sheng" },  { "仇晓", "qiu xiao" },
        { "翟天临", "zhai tian lin" },    { "令狐冲", "ling hu chong" },  { "慕容复", "mu rong fu" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect(name_plain, cases[i][0], cases[i][1]);
    expect(name_tones, "单田芳", "shàn tián fāng");
    /* the same characters outside a name keep their everyday readings */
    expect(pinyin_plain, "单田芳", "dan tian fang");
    expect(pinyin_plain, "曾经", "ceng jing");
    expect(pinyin_plain, "单元", "dan yuan");
}

Test(text, initials)
{
    expect(fd_text_initials, "重庆银行", "cqyh");
    expect(fd_text_initials, "张三", "zs");
    expect(fd_text_initials, "3号楼", "3hl");
    expect(fd_text_initials, "12号楼B座", "12hlbz");
    expect(fd_text_initials, "IBM中国", "izg");
    expect(fd_text_initials, "张三，李四", "zsls");
    expect(fd_text_initials, "", "");
    expect(fd_text_initials, "𠮷", "j");
    expect(fd_text_name_initials, "单田芳", "stf");
    expect(fd_text_initials, "单田芳", "dtf");
    expect(fd_text_name_initials, "欧阳修", "oyx");
}

/* --- 4. matching and search keys ---------------------------------------------------- */

static int matches(const char *q, const char *t)
{
    int m = -1;
    fd_assert_ok(fd_text_matches(&m, q, t));
    cr_assert(m == 0 || m == 1);
    return m;
}

Test(text, matches_issue_examples)
{
    cr_expect(matches("zs", "张三"));
    cr_expect(matches("zhangs", "张三"));
    cr_expect(matches("張", "张三"));
}

Test(text, matches_cases)
{
    cr_expect(matches("zhang san", "张三"));
    cr_expect(matches("ZS", "张三"));
    cr_expect(matches("san", "张三"));
    cr_expect(matches("zhangsan", "张三"));
    cr_expect(matches("s", "张三"));
    cr_expect(!matches("angs", "张三"), "pinyin matches start at a syllable");
    cr_expect(!matches("xyz", "张三"));
    cr_expect(!matches("张三丰", "张三"));
    cr_expect(matches("stf", "单田芳"), "surname reading");
    cr_expect(matches("dtf", "单田芳"), "everyday reading");
    cr_expect(matches("shantian", "单田芳"));
    cr_expect(matches("", "张三"), "empty query matches everything");
    cr_expect(matches("", ""));
    cr_expect(!matches("a", ""));
    cr_expect(matches("１０１", "2-101室"), "full-width digits");
    cr_expect(matches("101shi", "2-101室"));
    cr_expect(matches("lv", "吕布"));
    cr_expect(matches("lü", "吕布"));
    cr_expect(matches("長沙", "长沙银行"));
    cr_expect(matches("长沙", "長沙銀行"));
    cr_expect(matches("yinhang", "長沙銀行"));
    cr_expect(matches("csyh", "長沙銀行"));
    cr_expect(matches("syh", "长沙银行"));
    cr_expect(matches("chongqing", "重庆"));
    cr_expect(matches("john", "John Smith"));
    cr_expect(matches("smith", "John Smith"));
    cr_expect(matches("jo hns", "John Smith"), "white space is ignored");
    cr_expect(matches("ji", "𠮷野家"));
}

/* The index promise: a text matches exactly when one of its keys starts with the query key. */
static bool keys_find(const char *q, const char *t)
{
    fd_buf keys = FD_BUF_INIT, qk = FD_BUF_INIT;
    fd_assert_ok(fd_text_search_key(&keys, t));
    fd_assert_ok(fd_text_search_query(&qk, q));
    bool found = qk.size == 0;
    const char *p = keys.ptr ? keys.ptr : "", *end = p + keys.size;
    while (!found && p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        found = (size_t)(e - p) >= qk.size && memcmp(p, qk.ptr, qk.size) == 0;
        p = e + 1;
    }
    fd_buf_dispose(&keys);
    fd_buf_dispose(&qk);
    return found;
}

Test(text, search_keys_find_exactly_what_matches_finds)
{
    static const char *texts[] = { "张三", "单田芳", "長沙銀行", "2-101室", "John Smith", "A座101",
                                   "欧阳修", "𠮷野家", "重庆银行行长", "吕布", "", "3号楼2单元" };
    static const char *queries[] = { "zs", "zhangs", "張", "san", "angs", "stf", "dtf", "长沙", "yinhang",
                                     "101", "１０１", "john", "hn", "oyx", "ouyang", "yang", "ji",
                                     "hangzhang", "lv", "3hl", "danyuan", "2dy", "x", "", "a" };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        for (size_t j = 0; j < sizeof queries / sizeof queries[0]; j++)
            cr_expect_eq(matches(queries[j], texts[i]), keys_find(queries[j], texts[i]),
                         "query '%s' text '%s'", queries[j], texts[i]);
}

Test(text, search_key_content)
{
    fd_buf k = FD_BUF_INIT;
    fd_assert_ok(fd_text_search_key(&k, "张三"));
    static const char *want[] = { "张三", "三", "zhangsan", "san", "zs", "s" };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char line[64];
        snprintf(line, sizeof line, "\n%s\n", want[i]);
        char all[512];
        snprintf(all, sizeof all, "\n%s\n", k.ptr);
        cr_expect(strstr(all, line) != NULL, "key '%s' missing from '%s'", want[i], k.ptr);
    }
    cr_expect(k.ptr[0] != '\n' && k.ptr[k.size - 1] != '\n', "no empty keys");
    cr_expect(strstr(k.ptr, "\n\n") == NULL);
    fd_assert_ok(fd_text_search_key(&k, ""));
    cr_expect_eq(k.size, 0);
    /* long text: every key at most FD_TEXT_KEY_MAX bytes and still valid UTF-8 */
    fd_assert_ok(fd_text_search_key(&k, "湖南省长沙市岳麓区麓山南路932号中南大学新校区学生公寓十二栋"));
    for (char *line = strtok(k.ptr, "\n"); line; line = strtok(NULL, "\n")) {
        cr_expect_leq(strlen(line), FD_TEXT_KEY_MAX);
        cr_expect(fd__utf8_valid(line, strlen(line)), "key cut inside a character");
    }
    fd_buf_dispose(&k);
}

Test(text, search_query_folds_and_cuts)
{
    expect(fd_text_search_query, "Zhang San", "zhangsan");
    expect(fd_text_search_query, "長沙", "长沙");
    expect(fd_text_search_query, "ＺＳ", "zs");
    expect(fd_text_search_query, "", "");
    const char *q = run(fd_text_search_query, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十");
    cr_expect_eq(strlen(q), 63); /* 21 characters of 3 bytes: cut at a character */
}

/* --- 5. sorting ------------------------------------------------------------------- */

static const char *sorted(const char *const *names, size_t n, int order)
{
    static char copy[1024];
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_text_sort_names(&b, names, n, order));
    snprintf(copy, sizeof copy, "%s", b.ptr);
    fd_buf_dispose(&b);
    for (char *p = copy; *p; p++)
        if (*p == '\n')
            *p = ',';
    return copy;
}

Test(text, sort_names_by_pinyin_with_surname_readings)
{
    static const char *names[] = { "张三", "单田芳", "李四", "阿凡提", "曾小明", "赵六", "孙七" };
    cr_expect_str_eq(sorted(names, 7, FD_TEXT_ORDER_NAME), "阿凡提,李四,单田芳,孙七,曾小明,张三,赵六");
    /* everyday readings: 曾 ceng, 单 dan */
    cr_expect_str_eq(sorted(names, 7, FD_TEXT_ORDER_PINYIN), "阿凡提,曾小明,单田芳,李四,孙七,张三,赵六");
}

Test(text, sort_icu_zh_puts_shan_under_d_we_put_it_under_s)
{
    UErrorCode err = U_ZERO_ERROR;
    UCollator *zh = ucol_open("zh", &err);
    cr_assert(U_SUCCESS(err));
    UChar shan[2], deng[2];
    u_strFromUTF8(shan, 2, NULL, "单", -1, &err);
    u_strFromUTF8(deng, 2, NULL, "邓", -1, &err);
    cr_assert_eq(ucol_strcoll(zh, shan, 1, deng, 1), UCOL_LESS, "ICU reads 单 as dan, before deng");
    ucol_close(zh);
    int c = 0;
    fd_assert_ok(fd_text_compare(&c, "单", "邓", FD_TEXT_ORDER_NAME));
    cr_expect_gt(c, 0, "shan sorts after deng");
    fd_assert_ok(fd_text_compare(&c, "单", "孙", FD_TEXT_ORDER_NAME));
    cr_expect_lt(c, 0, "shan sorts before sun");
    fd_assert_ok(fd_text_compare(&c, "单田芳", "沙宝亮", FD_TEXT_ORDER_NAME));
    cr_expect_gt(c, 0, "shan > sha");
    fd_assert_ok(fd_text_compare(&c, "李", "李四", FD_TEXT_ORDER_NAME));
    cr_expect_lt(c, 0);
    fd_assert_ok(fd_text_compare(&c, "李四", "林五", FD_TEXT_ORDER_NAME));
    cr_expect_lt(c, 0, "li si < lin wu: syllable by syllable");
    fd_assert_ok(fd_text_compare(&c, "黎明", "李明", FD_TEXT_ORDER_NAME));
    cr_expect_lt(c, 0, "same syllables: tone 2 before tone 3");
    fd_assert_ok(fd_text_compare(&c, "张三", "张三", FD_TEXT_ORDER_NAME));
    cr_expect_eq(c, 0);
    fd_assert_ok(fd_text_compare(&c, "張三", "张三", FD_TEXT_ORDER_NAME));
    cr_expect_neq(c, 0, "ICU breaks the tie between Traditional and Simplified");
}

Test(text, sort_stroke_order)
{
    static const char *names[] = { "李", "王", "丁", "一" };
    cr_expect_str_eq(sorted(names, 4, FD_TEXT_ORDER_STROKE), "一,丁,王,李");
}

Test(text, sort_is_stable_and_inplace_works)
{
    static const char *names[] = { "张三", "李四", "张三", "Alice", "bob" };
    const char *v[5];
    memcpy(v, names, sizeof v);
    fd_assert_ok(fd_text_sort_inplace(v, 5, FD_TEXT_ORDER_NAME));
    cr_expect_str_eq(v[0], "Alice");
    cr_expect_str_eq(v[1], "bob");
    cr_expect_str_eq(v[2], "李四");
    cr_expect(v[3] == names[0] && v[4] == names[2], "equal names keep their order");
    fd_assert_ok(fd_text_sort_inplace(NULL, 0, FD_TEXT_ORDER_NAME));
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_text_sort_names(&b, NULL, 0, FD_TEXT_ORDER_NAME));
    cr_expect_eq(b.size, 0);
    static const char *bad[] = { "a", "b\nc" };
    fd_assert_error(fd_text_sort_names(&b, bad, 2, FD_TEXT_ORDER_NAME), FD_EINVAL, "items[1]");
    static const char *bad2[] = { "a", "\xff" };
    fd_assert_error(fd_text_sort_names(&b, bad2, 2, FD_TEXT_ORDER_NAME), FD_EINVAL, "items[1]");
    fd_assert_error(fd_text_sort_names(&b, names, 2, 7), FD_EINVAL, "order");
    fd_buf_dispose(&b);
}

Test(text, sort_key_is_binary_and_checked)
{
    fd_buf k = FD_BUF_INIT;
    fd_assert_ok(fd_text_sort_key(&k, "张三", FD_TEXT_ORDER_PINYIN));
    cr_expect(k.size > 10);
    cr_expect(memcmp(k.ptr, "zhang\x02san\x02\x01" "11\x01", 14) == 0, "pinyin, then tones");
    fd_assert_ok(fd_text_sort_key(&k, "", FD_TEXT_ORDER_STROKE));
    fd_assert_error(fd_text_sort_key(&k, "x", 3), FD_EINVAL, "order: 3");
    fd_assert_error(fd_text_sort_key(&k, "\xc3", 0), FD_EINVAL, "s");
    fd_buf_dispose(&k);
}

static int natcmp(const char *a, const char *b)
{
    fd_buf ka = FD_BUF_INIT, kb = FD_BUF_INIT;
    fd_assert_ok(fd_text_natural_key(&ka, a));
    fd_assert_ok(fd_text_natural_key(&kb, b));
    size_t n = ka.size < kb.size ? ka.size : kb.size;
    int c = memcmp(ka.ptr, kb.ptr, n);
    if (c == 0)
        c = ka.size < kb.size ? -1 : ka.size > kb.size;
    fd_buf_dispose(&ka);
    fd_buf_dispose(&kb);
    return c;
}

Test(text, natural_key_orders_room_numbers)
{
    cr_expect_lt(natcmp("2-101", "2-1001"), 0);
    cr_expect_lt(natcmp("2-1001", "10-101"), 0);
    cr_expect_lt(natcmp("2-101", "10-101"), 0);
    cr_expect_lt(natcmp("B2", "B10"), 0);
    cr_expect_lt(natcmp("2", "2-101"), 0);
    cr_expect_lt(natcmp("7", "007"), 0, "leading zeros only break ties");
    cr_expect_lt(natcmp("007", "8"), 0);
    cr_expect_lt(natcmp("3栋2单元101", "3栋10单元101"), 0);
    cr_expect_eq(natcmp("２-１０１", "2-101"), 0, "full-width digits");
    cr_expect_eq(natcmp("b10", "B10"), 0, "case-folded");
    cr_expect_lt(natcmp("1", "a"), 0, "numbers before letters");
    cr_expect_lt(natcmp("", "1"), 0);
    char big[400];
    memset(big, '9', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    cr_expect_lt(natcmp("99", big), 0, "very long digit runs still compare by value");
}

static void check_sql_order(sqlite3 *db, const char *sql, const char *want)
{
    sqlite3_stmt *st;
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    char got[512] = "";
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (got[0])
            strcat(got, ",");
        strcat(got, (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    cr_expect_str_eq(got, want, "%s", sql);
}

Test(text, sqlite_collations)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
    fd_assert_ok(fd__store_register_collations(db));
    cr_assert_eq(sqlite3_exec(db,
                              "CREATE TABLE p(name TEXT, unit TEXT);"
                              "INSERT INTO p VALUES ('张三','10-101'),('单田芳','2-1001'),('李四','2-101'),"
                              "('曾小明','B10'),('阿凡提','B2'),('一丁',x'ff'),('王五',NULL);",
                              NULL, NULL, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(db));
    check_sql_order(db, "SELECT name FROM p WHERE name NOT IN ('一丁','王五') ORDER BY name COLLATE FD_ZH",
                    "阿凡提,李四,单田芳,曾小明,张三");
    check_sql_order(db, "SELECT name FROM p WHERE name NOT IN ('一丁','王五') ORDER BY name COLLATE FD_ZH_TEXT",
                    "阿凡提,曾小明,单田芳,李四,张三");
    check_sql_order(db, "SELECT name FROM p WHERE name IN ('李四','一丁','王五') ORDER BY name COLLATE FD_ZH_STROKE",
                    "一丁,王五,李四");
    check_sql_order(db, "SELECT unit FROM p WHERE name NOT IN ('一丁','王五') ORDER BY unit COLLATE FD_NATURAL",
                    "2-101,2-1001,10-101,B2,B10");
    /* an index can use the collation */
    cr_assert_eq(sqlite3_exec(db, "CREATE INDEX p_name ON p(name COLLATE FD_ZH)", NULL, NULL, NULL), SQLITE_OK);
    check_sql_order(db, "SELECT count(*) FROM p WHERE unit IS NOT NULL", "6");
    /* text the text module cannot key (bad UTF-8, a NUL inside) sorts last, bytewise */
    check_sql_order(db, "WITH t(n) AS (VALUES (x'ff'),('张三'),(CAST(x'41004142' AS TEXT)),('李四')) "
                        "SELECT hex(n) FROM t ORDER BY n COLLATE FD_ZH",
                    "E69D8EE59B9B,E5BCA0E4B889,41004142,FF");
    check_sql_order(db, "WITH t(n) AS (VALUES (x'ff'),('B10'),('B2')) SELECT hex(n) FROM t ORDER BY n COLLATE FD_NATURAL",
                    "4232,423130,FF");
    sqlite3_close(db);
}

/* --- 6. width ---------------------------------------------------------------------- */

static int32_t width(const char *s)
{
    int32_t w = -1;
    fd_assert_ok(fd_text_display_width(&w, s));
    return w;
}

Test(text, display_width)
{
    cr_expect_eq(width("abc"), 3);
    cr_expect_eq(width("长沙"), 4);
    cr_expect_eq(width("ＡＢ"), 4);
    cr_expect_eq(width("e\xcc\x81"), 1, "combining mark adds nothing");
    cr_expect_eq(width("\xf0\x9f\x91\x8d"), 2, "emoji");
    cr_expect_eq(width("\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3"), 2, "flag");
    cr_expect_eq(width("\xe2\x9d\xa4\xef\xb8\x8f"), 2, "heart + VS16");
    cr_expect_eq(width("𠮷"), 2);
    cr_expect_eq(width("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"), 2,
                 "a ZWJ family is one glyph");
    cr_expect_eq(width(" \xe3\x80\xae"), 3, "a space and a wide spacing mark (one cluster) add up");
    cr_expect_eq(width(""), 0);
    cr_expect_eq(width("a\tb"), 2, "control characters take no column");
    cr_expect_eq(width("2号楼 101室"), 11);
    cr_expect_eq(width("ﾊﾝ"), 2, "half-width katakana");
}

static const char *trunc3(const char *s, int32_t w, const char *e)
{
    static char copy[256];
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_text_truncate(&b, s, w, e));
    snprintf(copy, sizeof copy, "%s", b.ptr);
    fd_buf_dispose(&b);
    return copy;
}

Test(text, truncate_never_cuts_a_cluster)
{
    cr_expect_str_eq(trunc3("长沙银行", 5, "…"), "长沙…");
    cr_expect_str_eq(trunc3("长沙银行", 8, "…"), "长沙银行");
    cr_expect_str_eq(trunc3("长沙银行", 6, "…"), "长沙…", "a wide character does not fit in 1 column");
    cr_expect_str_eq(trunc3("abcdef", 4, "..."), "a...");
    cr_expect_str_eq(trunc3("abcdef", 2, "..."), "ab", "ellipsis wider than the width: none");
    cr_expect_str_eq(trunc3("abc", 0, "…"), "");
    cr_expect_str_eq(trunc3("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, ""), "e\xcc\x81" "e\xcc\x81");
    cr_expect_str_eq(trunc3("\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3" "ab", 3, ""), "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3" "a");
    cr_expect_str_eq(trunc3("\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3" "ab", 1, ""), "", "a flag is never split");
    cr_expect_str_eq(trunc3("", 3, "…"), "");
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_text_truncate(&b, "x", -1, "…"), FD_ERANGE, "width");
    fd_assert_error(fd_text_truncate(&b, "x", 1, NULL), FD_EINVAL, "ellipsis");
    fd_buf_dispose(&b);
}

/* fd_text_pad(s, width, align) gives want. */
static void expect_pad(const char *s, int32_t width, fd_text_align align, const char *want)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_text_pad(&b, s, width, align));
    cr_expect_str_eq(b.ptr, want, "pad(\"%s\", %d, %d)", s, (int)width, (int)align);
    fd_buf_dispose(&b);
}

Test(text, pad_to_columns)
{
    fd_buf b = FD_BUF_INIT;
    expect_pad("长沙", 6, FD_TEXT_ALIGN_LEFT, "长沙  ");
    expect_pad("长沙", 6, FD_TEXT_ALIGN_RIGHT, "  长沙");
    expect_pad("长沙", 7, FD_TEXT_ALIGN_CENTER, " 长沙  ");
    expect_pad("长沙银行", 4, FD_TEXT_ALIGN_LEFT, "长沙银行"); /* never cut */
    fd_assert_ok(fd_text_pad(&b, "", 3, FD_TEXT_ALIGN_LEFT));
    cr_expect_str_eq(b.ptr, "   ");
    fd_assert_error(fd_text_pad(&b, "x", -1, FD_TEXT_ALIGN_LEFT), FD_ERANGE, "width");
    fd_assert_error(fd_text_pad(&b, "x", 70000, FD_TEXT_ALIGN_LEFT), FD_ERANGE, "width");
    fd_assert_error(fd_text_pad(&b, "x", 3, 9), FD_EINVAL, "align");
    fd_buf_dispose(&b);
}

/* --- argument checks, buffers, threads ------------------------------------------------ */

Test(text, malformed_utf8_and_null_are_einval_and_leave_output_alone)
{
    static const char *bad[] = { "\xff", "abc\xc3", "\xed\xa0\x80", "\xc0\xaf", "长\xe6\xb2" };
    fd_buf b = FD_BUF_INIT;
    fd__buf_puts(&b, "keep");
    int m = 7;
    int32_t w = 7;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *s = bad[i];
        fd_assert_error(fd_text_normalize(&b, s), FD_EINVAL, "fd_text_normalize: s");
        fd_assert_error(fd_text_to_simplified(&b, s), FD_EINVAL, "UTF-8");
        fd_assert_error(fd_text_to_traditional(&b, s), FD_EINVAL, "UTF-8");
        fd_assert_error(fd_text_pinyin(&b, s, 0), FD_EINVAL, "fd_text_pinyin: s");
        fd_assert_error(fd_text_name_pinyin(&b, s, 1), FD_EINVAL, "full_name");
        fd_assert_error(fd_text_initials(&b, s), FD_EINVAL, "UTF-8");
        fd_assert_error(fd_text_name_initials(&b, s), FD_EINVAL, "UTF-8");
        fd_assert_error(fd_text_matches(&m, s, "x"), FD_EINVAL, "query");
        fd_assert_error(fd_text_matches(&m, "x", s), FD_EINVAL, "text");
        fd_assert_error(fd_text_search_key(&b, s), FD_EINVAL, "UTF-8");
        fd_assert_error(fd_text_search_query(&b, s), FD_EINVAL, "query");
        fd_assert_error(fd_text_sort_key(&b, s, 0), FD_EINVAL, "UTF-8");
        fd_assert_error(fd_text_compare(&m, "a", s, 0), FD_EINVAL, "b");
        fd_assert_error(fd_text_natural_key(&b, s), FD_EINVAL, "UTF-8");
        fd_assert_error(fd_text_display_width(&w, s), FD_EINVAL, "UTF-8");
        fd_assert_error(fd_text_truncate(&b, s, 3, "…"), FD_EINVAL, "UTF-8");
        fd_assert_error(fd_text_truncate(&b, "x", 3, s), FD_EINVAL, "ellipsis");
        fd_assert_error(fd_text_pad(&b, s, 3, 0), FD_EINVAL, "UTF-8");
    }
    cr_expect_str_eq(b.ptr, "", "a failed call leaves the empty string (common.h)");
    cr_expect_eq(m, 7);
    cr_expect_eq(w, 7);
    fd_assert_error(fd_text_normalize(&b, NULL), FD_EINVAL, "must not be NULL");
    fd_assert_error(fd_text_pinyin(NULL, "x", 0), FD_EINVAL, "out");
    fd_assert_error(fd_text_matches(NULL, "x", "y"), FD_EINVAL, "out");
    fd_assert_error(fd_text_display_width(NULL, "x"), FD_EINVAL, "out");
    fd_assert_error(fd_text_sort_key(NULL, "x", 0), FD_EINVAL, "out_bytes");
    fd_assert_error(fd_text_natural_key(NULL, "x"), FD_EINVAL, "out_bytes");
    fd_assert_error(fd_text_sort_inplace(NULL, 2, 0), FD_EINVAL, "items");
    fd_buf_dispose(&b);
}

Test(text, reused_buffer_allocates_nothing)
{
    fd_buf b = FD_BUF_INIT;
    char *p = NULL;
    size_t cap = 0;
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 1000; i++) {
            fd_assert_ok(fd_text_pinyin(&b, i % 2 ? "张三" : "重庆银行长沙分行行长办公室", i % 3 == 0));
            fd_assert_ok(fd_text_normalize(&b, "ＡＢＣ　１２３"));
            fd_assert_ok(fd_text_to_simplified(&b, "長沙銀行"));
            fd_assert_ok(fd_text_truncate(&b, "长沙银行", 5, "…"));
        }
        if (round == 0) {
            p = b.ptr; /* the first round grew the buffer; the second must not */
            cap = b.asize;
        }
    }
    cr_expect(b.ptr == p && b.asize == cap);
    fd_buf_dispose(&b);
}

static void *thread_body(void *arg)
{
    (void)arg;
    fd_buf b = FD_BUF_INIT;
    long bad = 0;
    for (int i = 0; i < 300; i++) {
        int m = 0;
        bad += fd_text_name_pinyin(&b, "单田芳", 0) != FD_OK || strcmp(b.ptr, "shan tian fang") != 0;
        bad += fd_text_sort_key(&b, "单田芳", i % 3) != FD_OK;
        bad += fd_text_matches(&m, "stf", "单田芳") != FD_OK || m != 1;
        bad += fd_text_truncate(&b, "长沙银行", 5, "…") != FD_OK || strcmp(b.ptr, "长沙…") != 0;
        bad += fd_text_normalize(&b, "ＡＢＣ　１２３") != FD_OK || strcmp(b.ptr, "ABC 123") != 0;
    }
    fd_buf_dispose(&b);
    return (void *)(intptr_t)bad;
}

Test(text, functions_are_thread_safe)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, thread_body, NULL);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        cr_expect_eq((intptr_t)r, 0, "thread %d saw %ld wrong results", i, (long)(intptr_t)r);
    }
}

/* --- issue 9: cases from public bug reports, the corpus, and the property ---- */

/* Reads tests/data/<name> line by line (comments and blank lines skipped); calls @f with its tab-separated fields. */
static long each_data_line(const char *name, void (*f)(char **fields, int n, void *ctx), void *ctx)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/%s", FD_SOURCE_DIR, name);
    FILE *fp = fopen(path, "r");
    cr_assert_not_null(fp, "cannot open %s", path);
    static char line[8192];
    long count = 0;
    while (fgets(line, sizeof line, fp)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *fields[8];
        int n = 0;
        for (char *p = line; n < 8;) {
            fields[n++] = p;
            char *tab = strchr(p, '\t');
            if (tab == NULL)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        f(fields, n, ctx);
        count++;
    }
    fclose(fp);
    return count;
}

static void check_case(char **f, int n, void *ctx)
{
    (void)ctx;
    cr_assert_geq(n, 3, "a case needs function, input, expected");
    if (strcmp(f[0], "matches") == 0) {
        int m = -1;
        fd_assert_ok(fd_text_matches(&m, f[1], f[2]));
        cr_expect_eq(m, strcmp(f[3], "True") == 0, "matches(\"%s\", \"%s\") = %d, want %s", f[1], f[2], m, f[3]);
    } else if (strcmp(f[0], "display_width") == 0) {
        int32_t w = -1;
        fd_assert_ok(fd_text_display_width(&w, f[1]));
        cr_expect_eq(w, atoi(f[2]), "display_width(\"%s\") = %d, want %s", f[1], (int)w, f[2]);
    } else if (strcmp(f[0], "pinyin") == 0) {
        expect(pinyin_plain, f[1], f[2]);
    } else if (strcmp(f[0], "pinyin_tones") == 0) {
        expect(pinyin_tones, f[1], f[2]);
    } else if (strcmp(f[0], "to_simplified") == 0) {
        expect(fd_text_to_simplified, f[1], f[2]);
    } else if (strcmp(f[0], "to_traditional") == 0) {
        expect(fd_text_to_traditional, f[1], f[2]);
    } else {
        cr_assert_fail("unknown function %s", f[0]);
    }
}

/* Every line of the issue's cases (a copy of ../shared/cases/text-round2.tsv) and more of each kind. */
Test(text, issue9_cases)
{
    cr_expect_eq(each_data_line("text-round2.tsv", check_case, NULL), 23);
    cr_expect_gt(each_data_line("text-round2-more.tsv", check_case, NULL), 100);
}

typedef struct agreement {
    long lines, agree;
} agreement;

static void check_opencc(char **f, int n, void *ctx)
{
    agreement *a = ctx;
    cr_assert_eq(n, 4);
    const char *ours = run(strcmp(f[1], "s2t") == 0 ? fd_text_to_traditional : fd_text_to_simplified, f[2]);
    a->lines++;
    if (strcmp(ours, f[3]) == 0)
        a->agree++;
    else
        cr_log_warn("%s %s: opencc %s, ours %s", f[1], f[2], f[3], ours);
}

/*
 * Names, addresses, notices and real Traditional text against what the `opencc`
 * command gives (tests/data/text-corpus.tsv; tests/python/test_text.py proves the
 * column current): at least 99.9 % of the lines agree.
 */
Test(text, conversion_agrees_with_opencc_on_the_corpus, .timeout = 60)
{
    agreement a = { 0, 0 };
    each_data_line("text-corpus.tsv", check_opencc, &a);
    cr_log_info("opencc: %ld of %ld lines agree", a.agree, a.lines);
    cr_assert_gt(a.lines, 10000);
    cr_assert_geq((double)a.agree / (double)a.lines, 0.999, "%ld of %ld", a.agree, a.lines);
}

/* The pinyin the library prints, without spaces, finds the text; so do its initials. */
static void check_keys_agree(const char *s)
{
    static str_fn const printed[] = { pinyin_plain, name_plain, fd_text_initials, fd_text_name_initials };
    for (size_t k = 0; k < sizeof printed / sizeof printed[0]; k++) {
        char q[4096];
        size_t o = 0;
        for (const char *p = run(printed[k], s); *p && o + 1 < sizeof q; p++)
            if (*p != ' ')
                q[o++] = *p;
        q[o] = '\0';
        int m = -1;
        fd_assert_ok(fd_text_matches(&m, q, s));
        cr_expect_eq(m, 1, "\"%s\" does not find \"%s\" (printer %zu)", q, s, k);
        fd_buf key = FD_BUF_INIT, qk = FD_BUF_INIT;
        fd_assert_ok(fd_text_search_key(&key, s));
        fd_assert_ok(fd_text_search_query(&qk, q));
        bool found = false;
        for (const char *p = key.ptr; p && *p && !found;) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            found = len >= qk.size && memcmp(p, qk.ptr, qk.size) == 0;
            p = nl ? nl + 1 : p + len;
        }
        cr_expect(found || qk.size == 0, "no key of \"%s\" starts with \"%s\"", s, qk.ptr);
        fd_buf_dispose(&key);
        fd_buf_dispose(&qk);
    }
}

static void keys_of_line(char **f, int n, void *ctx)
{
    (void)ctx;
    cr_assert_eq(n, 4);
    check_keys_agree(f[2]);
}

/* Issue 9 kind 4: search keys and pinyin agree on every input of the corpus (乾安县 reads qián in both). */
Test(text, search_keys_agree_with_pinyin_over_the_corpus, .timeout = 120)
{
    check_keys_agree("乾安县");
    check_keys_agree("松原市乾安縣");
    check_keys_agree("長沙銀行");
    check_keys_agree("ＡＢＣ大厦３号");
    cr_assert_gt(each_data_line("text-corpus.tsv", keys_of_line, NULL), 10000);
}

/* Issue 9 kind 5: pad and truncate measure emoji sequences as one 2-column emoji. */
Test(text, pad_and_truncate_count_emoji_sequences_as_two)
{
    expect_pad("👍🏽", 4, FD_TEXT_ALIGN_LEFT, "👍🏽  ");
    expect_pad("✌🏻", 3, FD_TEXT_ALIGN_RIGHT, " ✌🏻");
    expect_pad("🇨🇳", 4, FD_TEXT_ALIGN_CENTER, " 🇨🇳 ");
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_text_truncate(&b, "👍🏽👍🏽👍🏽", 5, "…"));
    cr_expect_str_eq(b.ptr, "👍🏽👍🏽…");
    fd_assert_ok(fd_text_truncate(&b, "ab👨‍👩‍👧", 4, "…"));
    cr_expect_str_eq(b.ptr, "ab👨‍👩‍👧");
    fd_assert_ok(fd_text_truncate(&b, "ab👨‍👩‍👧c", 4, "…"));
    cr_expect_str_eq(b.ptr, "ab…");
    fd_buf_dispose(&b);
}
