/* idcard: GB 11643-1999 numbers, the 15-digit form, masking (R-COM-2). */
#include "fd_test.h"
#include "frontdesk/idcard.h"
#include "internal.h"

#include <string.h>

static const fd_date TODAY = { 2026, 11, 23 };

static fd_idcard parse_ok(const char *text)
{
    fd_idcard id;
    memset(&id, 0x5A, sizeof id);
    fd_assert_ok(fd_idcard_parse(&id, text, TODAY));
    return id;
}

Test(idcard, the_example_of_the_standard)
{
    /* GB 11643-1999 appendix: 北京市朝阳区, 1949-12-31, sequence 002 (a woman). */
    fd_idcard id = parse_ok("11010519491231002X");
    cr_assert_str_eq(id.number, "11010519491231002X");
    cr_assert_str_eq(id.region, "110105");
    cr_assert_str_eq(id.province, "北京市");
    cr_assert_eq(id.birth.year, 1949);
    cr_assert_eq(id.birth.month, 12);
    cr_assert_eq(id.birth.day, 31);
    cr_assert_eq(id.sex, FD_IDCARD_FEMALE);
    cr_assert_eq(id.legacy, 0);
    /* 广东省汕头市潮阳 1880-01-01, sequence 001 (a man). */
    id = parse_ok("440524188001010014");
    cr_assert_str_eq(id.province, "广东省");
    cr_assert_eq(id.birth.year, 1880);
    cr_assert_eq(id.sex, FD_IDCARD_MALE);
}

Test(idcard, lower_case_x_spaces_and_full_width)
{
    cr_assert_str_eq(parse_ok("11010519491231002x").number, "11010519491231002X");
    cr_assert_str_eq(parse_ok("110105 19491231 002X").number, "11010519491231002X");
    cr_assert_str_eq(parse_ok("１１０１０５１９４９１２３１００２ｘ").number, "11010519491231002X");
    cr_assert_str_eq(parse_ok(" 31010419900307123X ").province, "上海市");
}

Test(idcard, more_real_shapes)
{
    fd_idcard id = parse_ok("510107200002294564"); /* 29 February of a leap year */
    cr_assert_eq(id.birth.month, 2);
    cr_assert_eq(id.birth.day, 29);
    cr_assert_str_eq(id.province, "四川省");
    cr_assert_eq(id.sex, FD_IDCARD_FEMALE);
    cr_assert_str_eq(parse_ok("650102198506150029").province, "新疆维吾尔自治区");
    cr_assert_str_eq(parse_ok("810000199501010015").province, "香港特别行政区");
    cr_assert_eq(parse_ok("110105200001010008").sex, FD_IDCARD_FEMALE);
    cr_assert_eq(parse_ok("11010519000101001X").birth.year, 1900);
}

Test(idcard, fifteen_digit_form_is_converted)
{
    fd_idcard id = parse_ok("110105491231002");
    cr_assert_str_eq(id.number, "11010519491231002X");
    cr_assert_eq(id.legacy, 1);
    cr_assert_eq(id.birth.year, 1949);
    cr_assert_eq(id.sex, FD_IDCARD_FEMALE);
    id = parse_ok("440524800101001");
    cr_assert_str_eq(id.number, "440524198001010013");
    cr_assert_eq(id.sex, FD_IDCARD_MALE);
}

static void reject(const char *text, fd_date today, const char *needle)
{
    fd_idcard id;
    memset(&id, 0x33, sizeof id);
    fd_assert_error(fd_idcard_parse(&id, text, today), FD_EINVAL, needle);
    for (size_t i = 0; i < sizeof id; i++)
        cr_assert_eq(((unsigned char *)&id)[i], 0x33, "a failed parse wrote its output");
    int v = 7;
    fd_assert_ok(fd_idcard_is_valid(&v, text, today));
    cr_assert_eq(v, 0, "'%s' said valid", text);
}

Test(idcard, errors_name_the_part_that_is_wrong)
{
    reject("", TODAY, "length: '' (0 characters) has 0 characters besides spaces");
    reject("11010519491231002", TODAY, "length: '110****02' (17 characters) has 17 characters");
    reject("1101 0519 4912 3100 2", TODAY, "length: '110**** 2' (21 characters) has 17 characters besides spaces");
    reject("11010519491231002XX", TODAY, "has 19 characters");
    reject("1101051949123100AX", TODAY, "character: '110****AX' (18 characters) has 'A' at position 17");
    reject("110105194912310X2X", TODAY, "'X' at position 16");
    reject("11010519491231002Y", TODAY, "has 'Y' at position 18");
    reject("11010519491231002-", TODAY, "'-' at position 18");
    reject("110105一9491231002X", TODAY, "has '一' at position 7");
    reject("99010519491231002X", TODAY, "region: '990105********002X' starts with 99");
    reject("11010519491331002X", TODAY, "birth date: '110105********002X' has month 13, which is not a date");
    reject("110105201902290021", TODAY, "birth date: '110105********0021' has day 29, which its month does not have");
    reject("110105491331002", TODAY, "birth date: '110105*****1002' has month 13, which is not a date");
    reject("110105179901010012", TODAY, "'110105********0012' has a birth year 1799 before 1800");
    reject("110105202611240012", TODAY, "'110105********0012' has a birth date after today (2026-11-23)");
    reject("110105194912310021", TODAY, "checksum: '110105********0021' ends in '1' but its first 17 digits give the check character 'X'");
    reject("110105194912310039", TODAY, "give the check character '8'");
    reject("123456789012345678901234567890", TODAY, "length: '123****90' (30 characters) is far too long");
}

/*
 * R-COM-2: a message never holds the ID number. Input of the wrong shape shows
 * its length and at most 3 + 2 characters; a number of the right shape shows
 * as fd_idcard_mask() shows it (at most the 6-digit region in a row).
 */
Test(idcard, R_COM_2_errors_never_echo_the_number)
{
    static const struct {
        const char *text, *number;
    } cases[] = {
        { "11010519491231003X", "11010519491231003X" },  /* wrong check digit, ending in X */
        { "11010519491231003x", "11010519491231003" },   /* the same, typed with x */
        { "１１０１０５１９４９１２３１００３Ｘ", "11010519491231003" }, /* full-width */
        { "110105 19491231 003X", "19491231" },           /* with spaces */
        { "11010519491231002", "11010519491231002" },    /* 17 characters */
        { "11010519491231002XX", "11010519491231002" },  /* 19 characters */
        { "1101051949123100AX", "1101051949123100" },    /* a letter */
        { "11010519491231002X\xff", "11010519491231002" }, /* not UTF-8 */
        { "99010519491231002X", "99010519491231002" },   /* no such province */
        { "11010519491331002X", "19491331" },            /* month 13 */
        { "110105201902290021", "20190229" },            /* 2019 had no 29 February */
        { "110105202611240012", "20261124" },            /* born tomorrow */
        { "110105491331002", "491331" },                 /* 15 digits, month 13 */
        { "11010519491231002X11010519491231002X", "11010519491231002" }, /* two numbers */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fd_idcard id;
        cr_assert_neq(fd_idcard_parse(&id, cases[i].text, TODAY), FD_OK, "'%s' parsed", cases[i].text);
        const char *msg = fd_error_last()->message;
        cr_expect(strstr(msg, cases[i].number) == NULL && fd_test_digit_run(msg) <= 6,
                  "'%s': the message shows the number: %s", cases[i].text, msg);
        fd_buf b = FD_BUF_INIT;
        if (fd_idcard_mask(&b, cases[i].text) != FD_OK) {
            msg = fd_error_last()->message;
            cr_expect(strstr(msg, cases[i].number) == NULL && fd_test_digit_run(msg) <= 6,
                      "mask '%s': the message shows the number: %s", cases[i].text, msg);
            cr_expect(strstr(msg, "fd_idcard_mask: text: ") != NULL, "%s", msg);
        }
        fd_buf_dispose(&b);
    }
    fd_idcard id;
    fd_assert_error(fd_idcard_parse(&id, "11010519491231003X", TODAY), FD_EINVAL,
                    "checksum: '110105********003X' ends in 'X' but its first 17 digits give the check character '8'");
    fd_assert_error(fd_idcard_parse(&id, "11010519491231002X\xff", TODAY), FD_EINVAL,
                    "text: not valid UTF-8: '110****X\\xFF' (19 bytes)");
}

Test(idcard, today_decides_what_is_in_the_future)
{
    fd_idcard id;
    /* Born 2026-01-01: valid from that day on, not the day before. */
    fd_assert_ok(fd_idcard_parse(&id, "110105202601010019", (fd_date){ 2026, 1, 1 }));
    fd_assert_error(fd_idcard_parse(&id, "110105202601010019", (fd_date){ 2025, 12, 31 }), FD_EINVAL,
                    "after today (2025-12-31)");
    /* The as-of date is required: the zero date no longer means "today" (issue 16). */
    fd_assert_error(fd_idcard_parse(&id, "11010519491231002X", (fd_date){ 0, 0, 0 }), FD_EINVAL,
                    "fd_idcard_parse: today: is required");
    int zero = 7;
    fd_assert_error(fd_idcard_is_valid(&zero, "11010519491231002X", (fd_date){ 0, 0, 0 }), FD_EINVAL,
                    "fd_idcard_is_valid: today: is required");
    cr_assert_eq(zero, 7);
    const char *num = "110105202601010019";
    fd_assert_ok(fd_idcard_parse(&id, num, (fd_date){ 9999, 12, 31 }));
    fd_assert_error(fd_idcard_parse(&id, num, (fd_date){ 2026, 2, 30 }), FD_EINVAL, "today: 2026-2-30");
    int v;
    fd_assert_error(fd_idcard_is_valid(&v, num, (fd_date){ 0, 13, 1 }), FD_EINVAL, "today");
}

Test(idcard, is_valid_is_a_predicate)
{
    int v = 7;
    fd_assert_ok(fd_idcard_is_valid(&v, "11010519491231002X", TODAY));
    cr_assert_eq(v, 1);
    fd_assert_ok(fd_idcard_is_valid(&v, "11010519491231002x", TODAY));
    cr_assert_eq(v, 1);
    fd_assert_ok(fd_idcard_is_valid(&v, "110105491231002", TODAY));
    cr_assert_eq(v, 1);
    /* A failed check is an answer: the last error stays what it was. */
    fd_error_clear();
    fd_assert_ok(fd_idcard_is_valid(&v, "110105194912310021", TODAY));
    cr_assert_eq(v, 0);
    cr_assert_eq(fd_error_last()->code, FD_OK);
    fd_assert_error(fd_idcard_is_valid(&v, NULL, TODAY), FD_EINVAL, "text: must not be NULL");
    fd_assert_error(fd_idcard_is_valid(&v, "11010519491231002\xff", TODAY), FD_EINVAL, "UTF-8");
    fd_assert_error(fd_idcard_is_valid(NULL, "11010519491231002X", TODAY), FD_EINVAL, "out");
}

/* The old name stays one release, as a deprecated alias of fd_idcard_is_valid. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
Test(idcard, deprecated_valid_is_an_alias_of_is_valid)
{
    static const char *const texts[] = { "11010519491231002X", "110105491231002", "110105194912310021", "" };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        int old = 7, now = 8;
        fd_assert_ok(fd_idcard_valid(&old, texts[i], TODAY));
        fd_assert_ok(fd_idcard_is_valid(&now, texts[i], TODAY));
        cr_assert_eq(old, now, "'%s'", texts[i]);
    }
    fd_assert_error(fd_idcard_valid(NULL, "11010519491231002X", TODAY), FD_EINVAL, "fd_idcard_valid: out");
}
#pragma GCC diagnostic pop

Test(idcard, every_check_character_is_found)
{
    /* Changing the check character of a valid number always breaks it, and
     * the message always names the right one. */
    char num[19] = "11010519491231002X";
    const char *chars = "0123456789X";
    for (int seq = 0; seq < 1000; seq += 7) {
        snprintf(num, sizeof num, "440524198001%02d%03d0", 1 + seq % 28, seq);
        int hits = 0;
        char good = 0;
        for (const char *c = chars; *c; c++) {
            num[17] = *c;
            int v;
            fd_assert_ok(fd_idcard_is_valid(&v, num, TODAY));
            if (v) {
                hits++;
                good = *c;
            }
        }
        cr_assert_eq(hits, 1, "%s: %d check characters accepted", num, hits);
        num[17] = good == '0' ? '1' : '0';
        fd_idcard id;
        char want[8];
        snprintf(want, sizeof want, "'%c'", good);
        fd_assert_error(fd_idcard_parse(&id, num, TODAY), FD_EINVAL, want);
    }
}

static void check_mask(const char *text, const char *want)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_idcard_mask(&b, text));
    cr_assert_str_eq(b.ptr, want, "mask('%s') = '%s'", text, b.ptr);
    fd_buf_dispose(&b);
}

Test(idcard, R_COM_2_mask_keeps_first_6_and_last_4)
{
    check_mask("11010519491231002X", "110105********002X");
    check_mask("11010519491231002x", "110105********002X");
    check_mask("１１０１０５１９４９１２３１００２ｘ", "110105********002X");
    check_mask("110105491231002", "110105*****1002");
    /* Only the shape matters: a number with a wrong check digit is still masked. */
    check_mask("110105194912310021", "110105********0021");
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_idcard_mask(&b, "1101051949"), FD_EINVAL, "length");
    fd_assert_error(fd_idcard_mask(&b, "11010519491231002Y"), FD_EINVAL, "character");
    fd_assert_error(fd_idcard_mask(&b, NULL), FD_EINVAL, "text");
    fd_assert_error(fd_idcard_mask(NULL, "11010519491231002X"), FD_EINVAL, "out");
    fd_buf_dispose(&b);
}

Test(idcard, every_province_code_is_known)
{
    static const struct { const char *code; const char *name; } p[] = {
        { "11", "北京市" }, { "12", "天津市" }, { "13", "河北省" }, { "15", "内蒙古自治区" },
        { "23", "黑龙江省" }, { "31", "上海市" }, { "44", "广东省" }, { "45", "广西壮族自治区" },
        { "46", "海南省" }, { "50", "重庆市" }, { "54", "西藏自治区" }, { "64", "宁夏回族自治区" },
        { "65", "新疆维吾尔自治区" }, { "71", "台湾省" }, { "81", "香港特别行政区" },
        { "82", "澳门特别行政区" }, { "83", "台湾省" },
    };
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    for (size_t i = 0; i < sizeof p / sizeof p[0]; i++) {
        char num[19];
        snprintf(num, sizeof num, "%s010519800101001", p[i].code);
        int sum = 0;
        for (int k = 0; k < 17; k++)
            sum += (num[k] - '0') * w[k];
        num[17] = "10X98765432"[sum % 11];
        num[18] = '\0';
        cr_assert_str_eq(parse_ok(num).province, p[i].name);
    }
}
