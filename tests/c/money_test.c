/* money: capital numerals (R-FEE-4), display, parsing, rounding (R-FEE-7). */
#include "fd_test.h"
#include "frontdesk/money.h"

#include <string.h>

static void check_upper(int64_t fen, const char *want)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_money_upper(&b, fen));
    cr_assert_str_eq(b.ptr, want, "fd_money_upper(%lld) = %s, want %s", (long long)fen, b.ptr, want);
    /* Every amount written in capitals reads back as the same amount. */
    int64_t back = 0;
    fd_assert_ok(fd_money_parse(&back, b.ptr));
    cr_assert_eq(back, fen, "parse(%s) = %lld, want %lld", b.ptr, (long long)back, (long long)fen);
    fd_buf_dispose(&b);
}

Test(money, R_FEE_4_upper_examples_of_the_issue)
{
    check_upper(1020050, "壹万零贰佰元伍角");
    check_upper(100, "壹元整");
    check_upper(5, "伍分");
    check_upper(100500, "壹仟零伍元整");
    check_upper(100507, "壹仟零伍元零柒分");
    check_upper(1000, "壹拾元整");
    check_upper(0, "零元整");
    check_upper(-100, "负壹元整");
    check_upper(9999999999, "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");
}

Test(money, R_FEE_4_upper_examples_of_the_pboc_rules)
{
    /* The examples printed in 正确填写票据和结算凭证的基本规定, rule 3. */
    check_upper(140950, "壹仟肆佰零玖元伍角");       /* ¥1,409.50: 零 for a zero inside */
    check_upper(600714, "陆仟零柒元壹角肆分");       /* ¥6,007.14: one 零 for several zeros */
    check_upper(168032, "壹仟陆佰捌拾元叁角贰分");   /* ¥1,680.32: yuan digit 0, no 零 (allowed form) */
    check_upper(10700053, "壹拾万柒仟元伍角叁分");   /* ¥107,000.53: first allowed form */
    check_upper(1640902, "壹万陆仟肆佰零玖元零贰分"); /* ¥16,409.02: 角 0, 分 not: 元零 */
    check_upper(32504, "叁佰贰拾伍元零肆分");        /* ¥325.04 */
}

Test(money, R_FEE_4_upper_tricky_zeros)
{
    check_upper(1005, "壹拾元零伍分");                 /* 10.05 */
    check_upper(100050, "壹仟元伍角");                 /* 1000.50 */
    check_upper(10000000, "壹拾万元整");               /* 100000.00 */
    check_upper(10000000100, "壹亿零壹元整");          /* 1,0000,0001.00 */
    check_upper(20000000, "贰拾万元整");               /* 20,0000.00 */
    check_upper(1, "壹分");                             /* 0.01 */
    check_upper(10, "壹角");
    check_upper(11, "壹角壹分");
    check_upper(101, "壹元零壹分");
    check_upper(110, "壹元壹角");
    check_upper(1010, "壹拾元壹角");
    check_upper(10100, "壹佰零壹元整");
    check_upper(11000, "壹佰壹拾元整");
    check_upper(1000100, "壹万零壹元整");
    check_upper(1001000, "壹万零壹拾元整");
    check_upper(1010000, "壹万零壹佰元整");
    check_upper(1100000, "壹万壹仟元整");
    check_upper(10001000, "壹拾万零壹拾元整");
    check_upper(10010000, "壹拾万零壹佰元整");
    check_upper(100000000, "壹佰万元整");
    check_upper(1000000000, "壹仟万元整");
    check_upper(10000000000, "壹亿元整");
    check_upper(10000100000, "壹亿零壹仟元整");
    check_upper(10001000000, "壹亿零壹万元整");
    check_upper(10100000000, "壹亿零壹佰万元整");
    check_upper(11000000000, "壹亿壹仟万元整");
    check_upper(100000000000, "壹拾亿元整");
    check_upper(100000000000000, "壹万亿元整");
    check_upper(100010000000000, "壹万零壹亿元整");
    check_upper(123456789012, "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分");
    check_upper(-5, "负伍分");
    check_upper(-1020050, "负壹万零贰佰元伍角");
}

Test(money, R_FEE_4_upper_covers_the_int64_range)
{
    /* 92,233,720,368,547,758.07 yuan: above 10^16 yuan 亿 nests (玖亿...亿). */
    check_upper(INT64_MAX, "玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分");
    check_upper(INT64_MIN, "负玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零捌分");
    check_upper(INT64_MIN + 1, "负玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分");
    check_upper(1000000000000000000, "壹亿亿元整");
}

Test(money, R_FEE_4_upper_round_trips_a_sweep)
{
    fd_buf b = FD_BUF_INIT;
    int64_t back;
    for (int64_t v = -3000; v <= 300000; v += 7) {
        fd_assert_ok(fd_money_upper(&b, v));
        fd_assert_ok(fd_money_parse(&back, b.ptr));
        cr_assert_eq(back, v, "%lld -> %s -> %lld", (long long)v, b.ptr, (long long)back);
    }
    for (int64_t v = 1; v < INT64_MAX / 3; v = v * 3 + 1) {
        fd_assert_ok(fd_money_upper(&b, v));
        fd_assert_ok(fd_money_parse(&back, b.ptr));
        cr_assert_eq(back, v, "%lld -> %s -> %lld", (long long)v, b.ptr, (long long)back);
    }
    fd_buf_dispose(&b);
}

Test(money, upper_reuses_the_buffer)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_money_upper(&b, INT64_MIN));
    char *first = b.ptr;
    for (int64_t v = 0; v < 1000; v++)
        fd_assert_ok(fd_money_upper(&b, v * 1234567));
    cr_assert_eq(b.ptr, first, "a big enough buffer was reallocated");
    fd_buf_dispose(&b);
    fd_assert_error(fd_money_upper(NULL, 1), FD_EINVAL, "out");
}

static void check_format(int64_t fen, const fd_money_format_options *o, const char *want)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_money_format(&b, fen, o));
    cr_assert_str_eq(b.ptr, want);
    fd_buf_dispose(&b);
}

Test(money, format_with_symbol_and_grouping)
{
    check_format(123450, NULL, "¥1,234.50");
    check_format(0, NULL, "¥0.00");
    check_format(1, NULL, "¥0.01");
    check_format(-5, NULL, "-¥0.05");
    check_format(100, NULL, "¥1.00");
    check_format(99999, NULL, "¥999.99");
    check_format(100000, NULL, "¥1,000.00");
    check_format(9999999999, NULL, "¥99,999,999.99");
    check_format(INT64_MAX, NULL, "¥92,233,720,368,547,758.07");
    check_format(INT64_MIN, NULL, "-¥92,233,720,368,547,758.08");
}

Test(money, format_options)
{
    fd_money_format_options o = FD_MONEY_FORMAT_OPTIONS_INIT;
    o.symbol = 0;
    check_format(123450, &o, "1,234.50");
    o.grouping = 0;
    check_format(123450, &o, "1234.50");
    check_format(-123456789, &o, "-1234567.89");
    o.symbol = 1;
    check_format(123456789, &o, "¥1234567.89");
    o.version = 99;
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_money_format(&b, 1, &o), FD_EINVAL, "opts.version: 99");
    fd_buf_dispose(&b);
}

Test(money, format_options_init_matches_the_macro)
{
    fd_money_format_options a, m = FD_MONEY_FORMAT_OPTIONS_INIT;
    memset(&a, 0xAB, sizeof a);
    fd_assert_ok(fd_money_format_options_init(&a, FD_MONEY_FORMAT_OPTIONS_VERSION));
    cr_assert_eq(memcmp(&a, &m, sizeof a), 0, "init() and INIT differ");
    fd_assert_error(fd_money_format_options_init(&a, 7), FD_EINVAL, "version: 7");
    fd_assert_error(fd_money_format_options_init(NULL, 1), FD_EINVAL, "opts");
}

static void check_parse(const char *text, int64_t want)
{
    int64_t v = -77;
    fd_assert_ok(fd_money_parse(&v, text));
    cr_assert_eq(v, want, "parse('%s') = %lld, want %lld", text, (long long)v, (long long)want);
}

Test(money, parse_digits_as_people_type_them)
{
    check_parse("1,234.5", 123450);
    check_parse("¥1234.50", 123450);
    check_parse("1234.5元", 123450);
    check_parse("￥1,234.50", 123450);
    check_parse("１２３４．５０", 123450);
    check_parse("￥１，２３４．５", 123450);
    check_parse("  ¥ 1,234.50 元 ", 123450);
    check_parse("1234元整", 123400);
    check_parse("1234圆", 123400);
    check_parse("0.01", 1);
    check_parse("0", 0);
    check_parse("99999999.99", 9999999999);
    check_parse("99,999,999.99", 9999999999);
    check_parse("-1.5", -150);
    check_parse("-¥1.50", -150);
    check_parse("¥-1.50", -150);
    check_parse("+3", 300);
    check_parse("－５", -500);
    check_parse("RMB 12.30", 1230);
    check_parse("cny12", 1200);
    check_parse("007", 700);
    check_parse("1,000,000", 100000000);
    check_parse("92233720368547758.07", INT64_MAX);
    check_parse("-92,233,720,368,547,758.08", INT64_MIN);
}

Test(money, parse_capital_numerals)
{
    check_parse("壹仟零伍元整", 100500);
    check_parse("人民币壹万零贰佰元伍角", 1020050);
    check_parse("人民币 壹仟肆佰零玖元伍角", 140950);
    check_parse("壹拾万零柒仟元伍角叁分", 10700053); /* the second allowed form of rule 3(3) */
    check_parse("壹仟陆佰捌拾元零叁角贰分", 168032); /* with the optional 零 */
    check_parse("壹元整", 100);
    check_parse("壹圆正", 100);
    check_parse("伍角整", 50);
    check_parse("伍角伍分", 55);
    check_parse("零元整", 0);
    check_parse("负伍分", -5);
    check_parse("拾元整", 1000);
    check_parse("一百二十三元四角五分", 12345);
    check_parse("貳萬圓整", 2000000);
    check_parse("壹万亿元整", 100000000000000);
    check_parse("壹元零角伍分", 105);
}

static void check_reject(const char *text, fd_status code, const char *needle)
{
    int64_t v = 4242;
    fd_assert_error(fd_money_parse(&v, text), code, needle);
    cr_assert_eq(v, 4242, "a failed parse wrote its output");
}

Test(money, parse_digits_with_yuan_jiao_fen_as_people_write_them)
{
    check_parse("12元5角", 1250);
    check_parse("12元5角3分", 1253);
    check_parse("12元零5分", 1205);
    check_parse("12元05分", 1205);
    check_parse("5角", 50);
    check_parse("3分", 3);
    check_parse("5角3分", 53);
    check_parse("0元5角", 50);
    check_parse("12元3角整", 1230);
    check_parse("１２元５角", 1250); /* full-width */
    check_parse("负12元5角", -1250);
    check_parse("12万元", 12000000);
    check_parse("1亿2000万元", 120000000LL * 100);
    check_reject("12元15角", FD_EINVAL, "角 takes one digit");
    check_reject("12元5角5", FD_EINVAL, "mixes digits with numerals");
    check_reject("拾2元", FD_EINVAL, "mixes digits with numerals in the whole yuan");
    check_reject("12万5元", FD_EINVAL, "ambiguous");
    check_reject("99999999999999999999元5角", FD_ERANGE, "too large");
}

Test(money, parse_rejects_ambiguous_or_over_precise_input)
{
    check_reject("1.234", FD_EINVAL, "'1.234' has 3 digits after the decimal point");
    check_reject("1.230", FD_EINVAL, "3 digits after");
    check_reject("1,23", FD_EINVAL, "'1,23' has ',' in the wrong place");
    check_reject("1,2345", FD_EINVAL, "in the wrong place");
    check_reject("1234,567", FD_EINVAL, "in the wrong place");
    check_reject(",123", FD_EINVAL, "in the wrong place");
    check_reject("", FD_EINVAL, "'' is empty");
    check_reject("   ", FD_EINVAL, "is empty");
    check_reject("--1", FD_EINVAL, "'--1' has more than one sign");
    check_reject("-¥-1", FD_EINVAL, "more than one sign");
    check_reject("1-", FD_EINVAL, "sign after the digits");
    check_reject("1.2.3", FD_EINVAL, "more than one decimal point");
    check_reject("1.", FD_EINVAL, "digit after the decimal point");
    check_reject(".5", FD_EINVAL, "digit before the decimal point");
    check_reject("abc", FD_EINVAL, "'abc' has no digits");
    check_reject("12 34", FD_EINVAL, "unexpected characters");
    check_reject("12元3角5", FD_EINVAL, "mixes digits with numerals");
    check_reject("1e5", FD_EINVAL, "unexpected characters");
    check_reject("¥", FD_EINVAL, "no digits");
    check_reject("92233720368547758.08", FD_ERANGE, "too large");
    check_reject("99999999999999999999", FD_ERANGE, "'99999999999999999999' is too large");
    check_reject("-92233720368547758.09", FD_ERANGE, "too large");
}

Test(money, parse_rejects_malformed_capitals)
{
    check_reject("壹佰伍元", FD_EINVAL, "ambiguous");
    check_reject("壹万伍元", FD_EINVAL, "ambiguous");
    check_reject("壹亿伍元整", FD_EINVAL, "ambiguous");
    check_reject("壹贰元", FD_EINVAL, "two digits in a row");
    check_reject("壹拾佰元", FD_EINVAL, "no digit before it");
    check_reject("壹拾壹佰元", FD_EINVAL, "out of order");
    check_reject("壹万贰仟万元", FD_EINVAL, "万 twice");
    check_reject("万元", FD_EINVAL, "no digits before it");
    check_reject("壹仟零伍", FD_EINVAL, "no 元");
    check_reject("壹元整伍角", FD_EINVAL, "after 整");
    check_reject("零整", FD_EINVAL, "整 comes after");
    check_reject("整", FD_EINVAL, "no digits");
    check_reject("壹元负", FD_EINVAL, "负 where it cannot be");
    check_reject("负负壹元", FD_EINVAL, "负 where it cannot be");
    check_reject("壹元伍", FD_EINVAL, "not an amount in capital numerals");
    check_reject("壹元伍角伍角", FD_EINVAL, "not an amount");
    check_reject("玖万亿亿元整", FD_ERANGE, "too large");
}

Test(money, parse_rejects_bad_arguments)
{
    int64_t v = 1;
    fd_assert_error(fd_money_parse(&v, NULL), FD_EINVAL, "text: must not be NULL");
    fd_assert_error(fd_money_parse(&v, "1\xff"), FD_EINVAL, "not valid UTF-8");
    fd_assert_error(fd_money_parse(NULL, "1"), FD_EINVAL, "out");
    char long_text[1200];
    memset(long_text, '1', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    fd_assert_error(fd_money_parse(&v, long_text), FD_EINVAL, "too long");
    cr_assert_eq(v, 1);
}

Test(money, add_and_sub_detect_overflow)
{
    int64_t v = 9;
    fd_assert_ok(fd_money_add(&v, 123450, 55));
    cr_assert_eq(v, 123505);
    fd_assert_ok(fd_money_add(&v, INT64_MAX, INT64_MIN));
    cr_assert_eq(v, -1);
    fd_assert_ok(fd_money_sub(&v, 100, 101));
    cr_assert_eq(v, -1);
    fd_assert_ok(fd_money_sub(&v, -1, INT64_MAX));
    cr_assert_eq(v, INT64_MIN);
    v = 9;
    fd_assert_error(fd_money_add(&v, INT64_MAX, 1), FD_ERANGE, "9223372036854775807 + 1");
    fd_assert_error(fd_money_add(&v, INT64_MIN, -1), FD_ERANGE, "overflows");
    fd_assert_error(fd_money_sub(&v, INT64_MIN, 1), FD_ERANGE, "- 1 fen overflows");
    fd_assert_error(fd_money_sub(&v, 0, INT64_MIN), FD_ERANGE, "overflows");
    fd_assert_error(fd_money_sub(&v, INT64_MAX, -1), FD_ERANGE, "overflows");
    cr_assert_eq(v, 9, "a failed call wrote its output");
    fd_assert_error(fd_money_add(NULL, 1, 1), FD_EINVAL, "out");
    fd_assert_error(fd_money_sub(NULL, 1, 1), FD_EINVAL, "out");
}

static int64_t ratio(int64_t fen, int64_t num, int64_t den, fd_money_round mode)
{
    int64_t v = 0;
    fd_assert_ok(fd_money_mul_ratio(&v, fen, num, den, mode));
    return v;
}

Test(money, R_FEE_7_custody_pays_seventy_percent)
{
    /* 123.45 yuan × 70 % = 86.415 yuan: a half fen. */
    cr_assert_eq(ratio(12345, 70, 100, FD_MONEY_ROUND_HALF_UP), 8642);
    cr_assert_eq(ratio(12345, 70, 100, FD_MONEY_ROUND_HALF_EVEN), 8642);
    cr_assert_eq(ratio(12355, 70, 100, FD_MONEY_ROUND_HALF_EVEN), 8648); /* 8648.5 → even 8648 */
    cr_assert_eq(ratio(12355, 70, 100, FD_MONEY_ROUND_HALF_UP), 8649);
    cr_assert_eq(ratio(12345, 70, 100, FD_MONEY_ROUND_DOWN), 8641);
    cr_assert_eq(ratio(12345, 70, 100, FD_MONEY_ROUND_UP), 8642);
    cr_assert_eq(ratio(100000, 70, 100, FD_MONEY_ROUND_HALF_UP), 70000);
    cr_assert_eq(ratio(1, 70, 100, FD_MONEY_ROUND_HALF_UP), 1);  /* 0.7 fen */
    cr_assert_eq(ratio(1, 70, 100, FD_MONEY_ROUND_DOWN), 0);
}

Test(money, every_rounding_mode_on_halves_and_negatives)
{
    /* value = n / 10 fen for n in -26..26 step; table of the six modes */
    struct { int64_t tenths; int64_t hu, he, down, up, floor_, ceil_; } rows[] = {
        { 25, 3, 2, 2, 3, 2, 3 },       { 35, 4, 4, 3, 4, 3, 4 },     { 21, 2, 2, 2, 3, 2, 3 },
        { 29, 3, 3, 2, 3, 2, 3 },       { -25, -3, -2, -2, -3, -3, -2 }, { -21, -2, -2, -2, -3, -3, -2 },
        { -29, -3, -3, -2, -3, -3, -2 }, { 5, 1, 0, 0, 1, 0, 1 },    { -5, -1, 0, 0, -1, -1, 0 },
        { 0, 0, 0, 0, 0, 0, 0 },        { 30, 3, 3, 3, 3, 3, 3 },     { -30, -3, -3, -3, -3, -3, -3 },
        { 15, 2, 2, 1, 2, 1, 2 },       { -15, -2, -2, -1, -2, -2, -1 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int64_t t = rows[i].tenths;
        cr_assert_eq(ratio(t, 1, 10, FD_MONEY_ROUND_HALF_UP), rows[i].hu, "half_up %lld", (long long)t);
        cr_assert_eq(ratio(t, 1, 10, FD_MONEY_ROUND_HALF_EVEN), rows[i].he, "half_even %lld", (long long)t);
        cr_assert_eq(ratio(t, 1, 10, FD_MONEY_ROUND_DOWN), rows[i].down, "down %lld", (long long)t);
        cr_assert_eq(ratio(t, 1, 10, FD_MONEY_ROUND_UP), rows[i].up, "up %lld", (long long)t);
        cr_assert_eq(ratio(t, 1, 10, FD_MONEY_ROUND_FLOOR), rows[i].floor_, "floor %lld", (long long)t);
        cr_assert_eq(ratio(t, 1, 10, FD_MONEY_ROUND_CEILING), rows[i].ceil_, "ceiling %lld", (long long)t);
        /* the sign may sit on any of the three operands */
        cr_assert_eq(ratio(-t, -1, 10, FD_MONEY_ROUND_HALF_UP), rows[i].hu);
        cr_assert_eq(ratio(t, -1, -10, FD_MONEY_ROUND_FLOOR), rows[i].floor_);
        cr_assert_eq(ratio(-t, 1, -10, FD_MONEY_ROUND_CEILING), rows[i].ceil_);
    }
}

Test(money, mul_ratio_is_exact_beyond_64_bits)
{
    /* INT64_MAX × 70 / 100 needs a 128-bit product. */
    /* = 6456360425798343064.9 */
    cr_assert_eq(ratio(INT64_MAX, 70, 100, FD_MONEY_ROUND_DOWN), 6456360425798343064);
    cr_assert_eq(ratio(INT64_MAX, 70, 100, FD_MONEY_ROUND_HALF_UP), 6456360425798343065);
    cr_assert_eq(ratio(INT64_MAX, 70, 100, FD_MONEY_ROUND_HALF_EVEN), 6456360425798343065);
    cr_assert_eq(ratio(INT64_MAX, 70, 100, FD_MONEY_ROUND_UP), 6456360425798343065);
    cr_assert_eq(ratio(INT64_MAX, INT64_MAX, INT64_MAX, FD_MONEY_ROUND_HALF_UP), INT64_MAX);
    cr_assert_eq(ratio(INT64_MIN, INT64_MIN, INT64_MIN, FD_MONEY_ROUND_HALF_UP), INT64_MIN);
    cr_assert_eq(ratio(INT64_MIN, 1, 1, FD_MONEY_ROUND_HALF_UP), INT64_MIN);
    cr_assert_eq(ratio(INT64_MIN, -1, 2, FD_MONEY_ROUND_HALF_UP), (int64_t)1 << 62);
    cr_assert_eq(ratio(3000000000000000000, 3, 4, FD_MONEY_ROUND_HALF_UP), 2250000000000000000);
    /* (2^62+1)·6/4 = 1.5·2^62 + 1.5 → halves */
    int64_t big = ((int64_t)1 << 62) + 1;
    cr_assert_eq(ratio(big, 6, 4, FD_MONEY_ROUND_HALF_EVEN), 6917529027641081858);
    cr_assert_eq(ratio(big, 6, 4, FD_MONEY_ROUND_HALF_UP), 6917529027641081858);
    cr_assert_eq(ratio(big, 6, 4, FD_MONEY_ROUND_DOWN), 6917529027641081857);
    int64_t v = 5;
    fd_assert_error(fd_money_mul_ratio(&v, INT64_MAX, 2, 1, FD_MONEY_ROUND_HALF_UP), FD_ERANGE, "overflows");
    fd_assert_error(fd_money_mul_ratio(&v, INT64_MIN, -1, 1, FD_MONEY_ROUND_HALF_UP), FD_ERANGE, "overflows");
    fd_assert_error(fd_money_mul_ratio(&v, INT64_MAX, INT64_MAX, 2, FD_MONEY_ROUND_DOWN), FD_ERANGE, "overflows");
    fd_assert_error(fd_money_mul_ratio(&v, 1, 1, 0, FD_MONEY_ROUND_DOWN), FD_EINVAL, "den: must not be 0");
    fd_assert_error(fd_money_mul_ratio(&v, 1, 1, 1, (fd_money_round)9), FD_EINVAL, "mode: 9");
    fd_assert_error(fd_money_mul_ratio(NULL, 1, 1, 1, FD_MONEY_ROUND_DOWN), FD_EINVAL, "out");
    cr_assert_eq(v, 5);
}

Test(money, round_to_jiao_and_yuan)
{
    int64_t v = 0;
    fd_assert_ok(fd_money_round_to(&v, 12345, 10, FD_MONEY_ROUND_HALF_UP));
    cr_assert_eq(v, 12350);
    fd_assert_ok(fd_money_round_to(&v, 12345, 10, FD_MONEY_ROUND_HALF_EVEN));
    cr_assert_eq(v, 12340);
    fd_assert_ok(fd_money_round_to(&v, 12399, 100, FD_MONEY_ROUND_DOWN)); /* 抹零 */
    cr_assert_eq(v, 12300);
    fd_assert_ok(fd_money_round_to(&v, -12350, 100, FD_MONEY_ROUND_HALF_UP));
    cr_assert_eq(v, -12400);
    fd_assert_ok(fd_money_round_to(&v, -12350, 100, FD_MONEY_ROUND_CEILING));
    cr_assert_eq(v, -12300);
    fd_assert_ok(fd_money_round_to(&v, 7, 1, FD_MONEY_ROUND_UP));
    cr_assert_eq(v, 7);
    fd_assert_ok(fd_money_round_to(&v, INT64_MIN, 2, FD_MONEY_ROUND_UP));
    cr_assert_eq(v, INT64_MIN);
    fd_assert_ok(fd_money_round_to(&v, INT64_MAX, 100, FD_MONEY_ROUND_DOWN));
    cr_assert_eq(v, 9223372036854775800);
    v = 3;
    fd_assert_error(fd_money_round_to(&v, INT64_MAX, 100, FD_MONEY_ROUND_UP), FD_ERANGE, "overflows");
    fd_assert_error(fd_money_round_to(&v, INT64_MIN, 3, FD_MONEY_ROUND_UP), FD_ERANGE, "overflows");
    fd_assert_error(fd_money_round_to(&v, 1, 0, FD_MONEY_ROUND_UP), FD_EINVAL, "unit: 0");
    fd_assert_error(fd_money_round_to(&v, 1, -10, FD_MONEY_ROUND_UP), FD_EINVAL, "unit: -10");
    fd_assert_error(fd_money_round_to(&v, 1, 10, (fd_money_round)-1), FD_EINVAL, "mode: -1");
    cr_assert_eq(v, 3);
}
