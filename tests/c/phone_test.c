/* phone: parsing, classification, area codes, masking (R-COM-2). */
#include "fd_test.h"
#include "frontdesk/phone.h"

#include <string.h>

static fd_phone parse_ok(const char *text)
{
    fd_phone p;
    memset(&p, 0x5A, sizeof p);
    fd_assert_ok(fd_phone_parse(&p, text));
    return p;
}

static void check(const char *text, int kind, const char *national, const char *e164, const char *area,
                  const char *ext)
{
    fd_phone p = parse_ok(text);
    cr_assert_eq(p.kind, kind, "'%s': kind %s, want %s", text, fd_phone_kind_name(p.kind),
                 fd_phone_kind_name(kind));
    cr_assert_str_eq(p.national, national, "'%s'", text);
    cr_assert_str_eq(p.e164, e164, "'%s'", text);
    cr_assert_str_eq(p.area_code, area, "'%s'", text);
    cr_assert_str_eq(p.extension, ext, "'%s'", text);
}

Test(phone, mobiles_in_every_usual_shape)
{
    const char *forms[] = {
        "13812345678",     "138 1234 5678",    "138-1234-5678",     "+86 138 1234 5678",
        "+8613812345678",  "0086 13812345678", "8613812345678",     "(+86) 138-1234-5678",
        "１３８１２３４５６７８", "＋８６ １３８ １２３４ ５６７８", "013812345678", "138.1234.5678",
        "  13812345678  ", "+86-138-1234-5678",
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        check(forms[i], FD_PHONE_MOBILE, "13812345678", "+8613812345678", "", "");
    check("19912345678", FD_PHONE_MOBILE, "19912345678", "+8619912345678", "", "");
    check("166 0000 1111", FD_PHONE_MOBILE, "16600001111", "+8616600001111", "", "");
}

Test(phone, landlines_with_real_area_codes)
{
    check("010-62345678", FD_PHONE_LANDLINE, "01062345678", "+861062345678", "010", "");
    check("(010) 6234 5678", FD_PHONE_LANDLINE, "01062345678", "+861062345678", "010", "");
    check("+86 10 6234 5678", FD_PHONE_LANDLINE, "01062345678", "+861062345678", "010", "");
    check("+86 (0)10 6234 5678", FD_PHONE_LANDLINE, "01062345678", "+861062345678", "010", "");
    check("0086-21-6234-5678", FD_PHONE_LANDLINE, "02162345678", "+862162345678", "021", "");
    check("0755-23456789", FD_PHONE_LANDLINE, "075523456789", "+8675523456789", "0755", "");
    check("（０２０）８７６５４３２１", FD_PHONE_LANDLINE, "02087654321", "+862087654321", "020", "");
    check("0571 8812 3456", FD_PHONE_LANDLINE, "057188123456", "+8657188123456", "0571", "");
    check("0310-2345678", FD_PHONE_LANDLINE, "03102345678", "+863102345678", "0310", ""); /* 7 digits */
    fd_phone p = parse_ok("0755-23456789");
    cr_assert_str_eq(p.subscriber, "23456789");
    cr_assert_str_eq(p.place, "广东省深圳市");
    p = parse_ok("010 62345678");
    cr_assert_str_eq(p.place, "北京市");
    p = parse_ok("0731-82345678");
    cr_assert_str_eq(p.place, "湖南省长沙市、湘潭市、株州市"); /* libphonenumber: 0731 serves three cities */
    cr_assert_str_eq(p.area_code, "0731");
}

Test(phone, local_numbers_without_area_code)
{
    check("6234 5678", FD_PHONE_LANDLINE, "62345678", "", "", "");
    check("2345678", FD_PHONE_LANDLINE, "2345678", "", "", "");
    fd_phone p = parse_ok("62345678");
    cr_assert_str_eq(p.place, "");
    cr_assert_str_eq(p.subscriber, "62345678");
}

Test(phone, service_and_short_numbers)
{
    check("400-810-8888", FD_PHONE_SERVICE, "4008108888", "+864008108888", "", "");
    check("800 820 8820", FD_PHONE_SERVICE, "8008208820", "+868008208820", "", "");
    check("+86 400 810 8888", FD_PHONE_SERVICE, "4008108888", "+864008108888", "", "");
    check("110", FD_PHONE_SHORT, "110", "", "", "");
    check("120", FD_PHONE_SHORT, "120", "", "", "");
    check("12345", FD_PHONE_SHORT, "12345", "", "", "");
    check("10086", FD_PHONE_SHORT, "10086", "", "", "");
    check("95555", FD_PHONE_SHORT, "95555", "", "", "");
    check("955888", FD_PHONE_SHORT, "955888", "", "", "");
    check("96123", FD_PHONE_SHORT, "96123", "", "", "");
}

Test(phone, extensions)
{
    check("010-62345678转8001", FD_PHONE_LANDLINE, "01062345678", "+861062345678", "010", "8001");
    check("0755-23456789-801", FD_PHONE_LANDLINE, "075523456789", "+8675523456789", "0755", "801");
    check("021 62345678 ext. 12", FD_PHONE_LANDLINE, "02162345678", "+862162345678", "021", "12");
    check("021-62345678 x 12", FD_PHONE_LANDLINE, "02162345678", "+862162345678", "021", "12");
    check("02162345678#3", FD_PHONE_LANDLINE, "02162345678", "+862162345678", "021", "3");
    check("021-62345678 分机 666", FD_PHONE_LANDLINE, "02162345678", "+862162345678", "021", "666");
    check("400-810-8888 转 2", FD_PHONE_SERVICE, "4008108888", "+864008108888", "", "2");
    check("400-810-8888-2", FD_PHONE_SERVICE, "4008108888", "+864008108888", "", "2");
}

static void reject(const char *text, const char *needle)
{
    fd_phone p;
    memset(&p, 0x33, sizeof p);
    fd_assert_error(fd_phone_parse(&p, text), FD_EINVAL, needle);
    for (size_t i = 0; i < sizeof p; i++)
        cr_assert_eq(((unsigned char *)&p)[i], 0x33, "a failed parse wrote its output");
}

Test(phone, rejects_garbage_naming_the_value)
{
    reject("", "fd_phone_parse: text: '' (0 characters) has no digits");
    reject("hello", "'h****o' (5 characters) has 'h'");
    reject("138-1234-567", "'138****67' (12 characters) has 10 digits; a mobile number has 11");
    /* 11 digits that start 12: the cause is the prefix, not the length (issue 16). */
    reject("12345678901", "has 11 digits but does not start with a mobile prefix: mobile numbers start 13-19");
    reject("138123456789", "'138****89' (12 characters) has 12 digits; a mobile");
    reject("0123-4567890", "area code '012' is not a Chinese area code");
    reject("026-12345678", "area code '026'");
    reject("0755-2345678", "area code 0755 (广东省深圳市) takes local numbers of 8 digits, not 7");
    reject("0310-23456789", "takes local numbers of 7 digits, not 8");
    reject("010-02345678", "a local number does not start with '0'");
    reject("+1 212 555 0100", "country code other than +86");
    reject("13812345678+", "'+' after the start");
    reject("138一2345678", "has '一'");
    reject("12", "'****' (2 characters) has 2 digits and is not a Chinese phone number");
    reject("+86 110", "is not a Chinese phone number");
    reject("13812345678转", "extension: no digits");
    reject("13812345678转8001", "'138****5678': extension: a mobile number has no extension");
    reject("010-12345678 ext 1234567", "extension: more than 6 digits");
    reject("010-12345678 ext 12a", "has 'a'");
    reject("1234567890123456789012345", "more than 24 digits");
    reject("0000000000000000000000000000000000000000000000000000000000000000000", "too long");
}

/*
 * R-COM-2: a message about a number that failed never holds the number: it
 * shows the length and at most the first 3 and last 2 characters, or, for a
 * number that parsed, the mask.
 */
Test(phone, R_COM_2_errors_never_echo_the_number)
{
    static const struct {
        const char *text, *number;
    } cases[] = {
        { "138123456789", "138123456789" },             /* 12 digits */
        { "13812345678a", "13812345678" },              /* a bad character after the number */
        { "13812345678\xff", "13812345678" },           /* not UTF-8 */
        { "１３８１２３４５６７８９", "１３８１２３４５６７８９" }, /* full-width, 12 digits */
        { "0755-234567890", "234567890" },              /* area code 0755 takes 8 digits */
        { "0123-45678901", "45678901" },                /* no such area code */
        { "13812345678转8001", "12345678" },             /* a mobile has no extension */
        { "+1 212 555 0100", "212 555 0100" },          /* another country */
        { "+86 138 1234 5678 9", "138 1234 5678" },     /* too many digits after +86 */
        { "010-12345678 ext 1234567", "12345678" },      /* extension too long */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        fd_phone p;
        cr_assert_neq(fd_phone_parse(&p, cases[i].text), FD_OK, "'%s' parsed", cases[i].text);
        const char *msg = fd_error_last()->message;
        cr_expect(strstr(msg, cases[i].number) == NULL && fd_test_digit_run(msg) < 6,
                  "'%s': the message shows the number: %s", cases[i].text, msg);
        cr_expect(strstr(msg, "fd_phone_parse: text: ") != NULL, "%s", msg);
        fd_buf b = FD_BUF_INIT;
        cr_assert_neq(fd_phone_mask(&b, cases[i].text), FD_OK);
        msg = fd_error_last()->message;
        cr_expect(strstr(msg, cases[i].number) == NULL && fd_test_digit_run(msg) < 6,
                  "mask '%s': the message shows the number: %s", cases[i].text, msg);
        cr_expect(strstr(msg, "fd_phone_mask: text: ") != NULL, "%s", msg);
        fd_buf_dispose(&b);
    }
    fd_phone p;
    fd_assert_error(fd_phone_parse(&p, "138123456789"), FD_EINVAL, "'138****89' (12 characters)");
    fd_assert_error(fd_phone_parse(&p, "13812345678\xff"), FD_EINVAL, "not valid UTF-8: '138****8\\xFF' (12 bytes)");
}

Test(phone, rejects_bad_arguments)
{
    fd_phone p;
    fd_assert_error(fd_phone_parse(&p, NULL), FD_EINVAL, "text: must not be NULL");
    fd_assert_error(fd_phone_parse(&p, "138\xff"), FD_EINVAL, "not valid UTF-8");
    fd_assert_error(fd_phone_parse(NULL, "110"), FD_EINVAL, "out");
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_phone_mask(NULL, "110"), FD_EINVAL, "out");
    fd_assert_error(fd_phone_mask(&b, NULL), FD_EINVAL, "text");
    fd_buf_dispose(&b);
}

static void check_mask(const char *text, const char *want)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_phone_mask(&b, text));
    cr_assert_str_eq(b.ptr, want, "mask('%s') = '%s', want '%s'", text, b.ptr, want);
    fd_buf_dispose(&b);
}

Test(phone, R_COM_2_mask)
{
    check_mask("13812345678", "138****5678");
    check_mask("+86 138-1234-5678", "138****5678");
    check_mask("１３８１２３４５６７８", "138****5678");
    check_mask("010-62345678", "010-****5678");
    check_mask("0755 23456789", "0755-****6789");
    check_mask("0310-2345678", "0310-***5678");
    check_mask("010-62345678转8001", "010-****5678-8001");
    check_mask("62345678", "****5678");
    check_mask("400-810-8888", "4008108888");
    check_mask("12345", "12345");
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_phone_mask(&b, "1381234567"), FD_EINVAL, "fd_phone_mask: text: '138****67' (10 characters)");
    fd_buf_dispose(&b);
}

Test(phone, R_COM_2_mask_hides_the_middle_digits)
{
    fd_buf b = FD_BUF_INIT;
    char num[16];
    for (int i = 0; i < 2000; i++) {
        snprintf(num, sizeof num, "13%d%08d", 3 + i % 7, i * 4999);
        fd_assert_ok(fd_phone_mask(&b, num));
        cr_assert_eq(b.size, 11);
        cr_assert_eq(memcmp(b.ptr, num, 3), 0);
        cr_assert_eq(memcmp(b.ptr + 3, "****", 4), 0);
        cr_assert_eq(memcmp(b.ptr + 7, num + 7, 4), 0);
    }
    fd_buf_dispose(&b);
}

Test(phone, kind_names)
{
    cr_assert_str_eq(fd_phone_kind_name(FD_PHONE_MOBILE), "mobile");
    cr_assert_str_eq(fd_phone_kind_name(FD_PHONE_LANDLINE), "landline");
    cr_assert_str_eq(fd_phone_kind_name(FD_PHONE_SERVICE), "service");
    cr_assert_str_eq(fd_phone_kind_name(FD_PHONE_SHORT), "short");
    cr_assert_str_eq(fd_phone_kind_name(0), "unknown");
    cr_assert_str_eq(fd_phone_kind_name(99), "unknown");
}

Test(phone, every_area_code_of_the_table_parses)
{
    /* Two- and three-digit codes from libphonenumber: a sample of real cities. */
    static const struct { const char *code; const char *place; } cities[] = {
        { "010", "北京市" }, { "021", "上海市" }, { "022", "天津市" }, { "023", "重庆市" },
        { "020", "广东省广州市" }, { "025", "江苏省南京市" }, { "027", "湖北省武汉市" },
        { "0571", "浙江省杭州市" }, { "0755", "广东省深圳市" }, { "0731", "湖南省长沙市" },
        { "0898", "海南省海口市" }, { "0991", "新疆乌鲁木齐市" },
    };
    for (size_t i = 0; i < sizeof cities / sizeof cities[0]; i++) {
        char num[32];
        snprintf(num, sizeof num, "%s-62345678", cities[i].code);
        fd_phone p;
        if (fd_phone_parse(&p, num) != FD_OK) {
            snprintf(num, sizeof num, "%s-6234567", cities[i].code);
            fd_assert_ok(fd_phone_parse(&p, num));
        }
        cr_assert_str_eq(p.area_code, cities[i].code);
        cr_assert(strstr(p.place, cities[i].place) != NULL || strstr(cities[i].place, p.place) != NULL,
                  "%s: place '%s', want '%s'", cities[i].code, p.place, cities[i].place);
    }
}
