/* pii: masking phones, ID numbers, names and the numbers in free text (R-COM-2). */
#include "fd_test.h"
#include "frontdesk/pii.h"

#include <stdlib.h>
#include <string.h>

static void check_text(const char *text, const char *want, int64_t want_count)
{
    fd_buf b = FD_BUF_INIT;
    int64_t n = -1;
    fd_assert_ok(fd_pii_mask_text(&b, &n, text));
    cr_assert_str_eq(b.ptr, want, "mask_text('%s') = '%s', want '%s'", text, b.ptr, want);
    cr_assert_eq(b.size, strlen(text), "'%s': the masked text has another size", text);
    cr_assert_eq(n, want_count, "'%s': %lld numbers masked, want %lld", text, (long long)n,
                 (long long)want_count);
    int has = -1;
    fd_assert_ok(fd_pii_contains(&has, text));
    cr_assert_eq(has, want_count > 0, "contains('%s') = %d", text, has);
    fd_buf_dispose(&b);
}

/* Text that holds no number to mask comes back byte for byte. */
static void unchanged(const char *text)
{
    check_text(text, text, 0);
}

static void check_mask(fd_pii_class cls, const char *value, const char *want)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_pii_mask(&b, cls, value));
    cr_assert_str_eq(b.ptr, want, "mask(%s, '%s') = '%s', want '%s'", fd_pii_class_name(cls), value, b.ptr,
                     want);
    fd_buf_dispose(&b);
}

Test(pii, R_COM_2_mask_text_mobiles_in_every_usual_shape)
{
    check_text("张先生来电 13800138000 反映3号楼电梯故障", "张先生来电 138****8000 反映3号楼电梯故障", 1);
    check_text("138 0013 8000", "138 **** 8000", 1);
    check_text("138-0013-8000", "138-****-8000", 1);
    check_text("138 00138000", "138 ****8000", 1);
    check_text("1380013 8000", "138**** 8000", 1);
    check_text("+86 138 0013 8000", "+86 138 **** 8000", 1);
    check_text("+86-13800138000", "+86-138****8000", 1);
    check_text("+8613800138000", "+86138****8000", 1);
    check_text("0086 13800138000", "0086 138****8000", 1);
    check_text("008613800138000", "0086138****8000", 1);
    check_text("8613800138000", "86138****8000", 1);
    check_text("(+86)13800138000", "(+86)138****8000", 1);
    check_text("（＋８６）１３８００１３８０００", "（＋８６）１３８＊＊＊＊８０００", 1);
    check_text("１３８　００１３　８０００", "１３８　＊＊＊＊　８０００", 1);
    check_text("138—0013—8000", "138—****—8000", 1);
    check_text("19912345678、16600001111", "199****5678、166****1111", 2);
    check_text("外地座机拨 013800138000", "外地座机拨 0138****8000", 1); /* 0 + mobile */
}

Test(pii, R_COM_2_mask_text_landlines_with_area_code)
{
    check_text("010-12345678", "010-****5678", 1);
    check_text("0755-1234567", "0755-***4567", 1);
    check_text("(021)12345678", "(021)****5678", 1);
    check_text("(021) 12345678", "(021) ****5678", 1);
    check_text("（０２１）１２３４５６７８", "（０２１）＊＊＊＊５６７８", 1);
    check_text("021 1234 5678", "021 **** 5678", 1);
    check_text("0755 123 4567", "0755 *** 4567", 1);
    check_text("02112345678", "021****5678", 1);
    check_text("075512345678", "0755****5678", 1);
    check_text("+86 21 1234 5678", "+86 21 **** 5678", 1);
    check_text("+86-755-12345678", "+86-755-****5678", 1);
    check_text("0086 10 62345678", "0086 10 ****5678", 1);
    check_text("0755-12345678-8001 转前台", "0755-****5678-8001 转前台", 1);
}

Test(pii, R_COM_2_mask_text_id_numbers)
{
    check_text("访客身份证 110105199001011234 登记", "访客身份证 110105********1234 登记", 1);
    check_text("11010519491231002X", "110105********002X", 1);
    check_text("11010519491231002x", "110105********002x", 1);
    check_text("证件号11010519491231002Ｘ。", "证件号110105********002Ｘ。", 1);
    check_text("老身份证110105491231002", "老身份证110105******002", 1);
    check_text("110105 19491231 002X", "110105 ******** 002X", 1);
    check_text("１１０１０５１９４９１２３１００２Ｘ", "１１０１０５＊＊＊＊＊＊＊＊００２Ｘ", 1);
    check_text("91110000000000000X", "91110000000000000X", 0); /* a credit code: no birth date */
}

Test(pii, R_COM_2_mask_text_passport_like_numbers)
{
    check_text("护照E12345678已核验", "护照E*****678已核验", 1);
    check_text("港澳通行证 C12345678，W12345678", "港澳通行证 C*****678，W*****678", 2);
    check_text("回乡证H1234567890", "回乡证H*******890", 1);
    check_text("新版护照EA1234567", "新版护照EA****567", 1);
    check_text("passport e12345678.", "passport e*****678.", 1);
    check_text("护照Ｅ１２３４５６７８", "护照Ｅ＊＊＊＊＊６７８", 1);
    int has = 0;
    fd_assert_ok(fd_pii_contains(&has, "台胞证号 G12345678"));
    cr_assert_eq(has, 1);
}

/* The passport pattern leaves the numbers of a desk's ordinary notes alone. */
Test(pii, R_COM_2_mask_text_passport_pattern_leaves_ordinary_notes)
{
    unchanged("3-1201 王小丽，2026-11-27 10:10 到访");
    unchanged("车牌京A12345，新能源京AD12345，粤Z1234港");
    unchanged("访客卡V01、K01钥匙，员工F002");
    unchanged("A座5F 501室，B1停车场");
    unchanged("顺丰SF1234567890123，京东JD0123456789");
    unchanged("型号ABC12345678，发票号NO.12345678");
    unchanged("E1234567 E1234567890123 X123");
    unchanged("房号3-1201，面积89.50平米，费用1234.56元");
}

Test(pii, R_COM_2_mask_text_digits_next_to_letters_and_chinese_are_masked)
{
    check_text("电话13800138000联系", "电话138****8000联系", 1);
    check_text("tel:13800138000", "tel:138****8000", 1);
    check_text("ID13800138000a", "ID138****8000a", 1);
    check_text("13800138000", "138****8000", 1);
    check_text("A110105199001011234B", "A110105********1234B", 1);
}

Test(pii, R_COM_2_mask_text_longer_digit_runs_and_amounts_are_not_numbers)
{
    unchanged("单号 138001380001");                /* 12 digits: not a mobile */
    unchanged("012800138000");                   /* 0 + 12x...: no mobile */
    unchanged("1380013800");                     /* 10 */
    unchanged("订单12345678901234567890");          /* 20 */
    unchanged("流水号 202405011234567890");         /* 18 digits whose "birth date" is impossible */
    unchanged("金额 13800138000.00 元");
    unchanged("0.13800138000");
    unchanged("１３８００１３８０００．５");
    unchanged("12800138000");                    /* 12x is no mobile prefix */
    unchanged("电话 62345678");                    /* a local number: no area code */
    unchanged("400-810-8888、95555、110");          /* public numbers */
    unchanged("2024-05-01 14:30 3号楼 2-101 室");
    unchanged("138 0013 800");
    unchanged("010-1234567");                    /* Beijing numbers have 8 digits */
    unchanged("0123-4567890");
    unchanged("1101051990010112345");            /* 19 digits */
    check_text("13800138000.", "138****8000.", 1); /* a full stop, not a decimal point */
    check_text("3.5元 13800138000", "3.5元 138****8000", 1);
    check_text("共2 13800138000", "共2 138****8000", 1);
}

/* A user's trial: an ID number typed in groups of four and a mobile spaced twice were shown in full. */
Test(pii, R_COM_2_mask_text_numbers_grouped_any_way)
{
    check_text("身份证 4301 0219 9003 0777 32，客户电话138  1234  5678",
               "身份证 4301 02** **** **77 32，客户电话138  ****  5678", 2);
    check_text("1101 0519 4912 3100 2X", "1101 05** **** **00 2X", 1);
    check_text("110 105 194 912 310 02x", "110 105 *** *** **0 02x", 1);
    check_text("4301-0219-9003-0777-32", "4301-02**-****-**77-32", 1);
    check_text("430102 1990 0307 7732", "430102 **** **** 7732", 1);
    check_text("138  0013  8000", "138  ****  8000", 1);
    check_text("138 - 1234 - 5678", "138 - **** - 5678", 1);
    check_text("138--1234--5678。", "138--****--5678。", 1);
    check_text("1381 2345 678", "138* ***5 678", 1);
    check_text("手机：１３８　　１２３４　　５６７８", "手机：１３８　　＊＊＊＊　　５６７８", 1);
    check_text("１８９\xe3\x80\x80\xe3\x80\x80１２ ３４ ５６７８", "１８９\xe3\x80\x80\xe3\x80\x80＊＊ ＊＊ ５６７８", 1);
    check_text("电话138  1234  5678 3楼", "电话138  ****  5678 3楼", 1);
}

/* What grouped digits usually are stays: only a right check character or a mobile prefix makes a number. */
Test(pii, R_COM_2_mask_text_grouped_digits_that_are_no_number_stay)
{
    unchanged("4301 0219 9003 0777 36");      /* its 17 digits give the check character 2, not 6 */
    unchanged("4301 0219 9903 0777 3X");      /* a wrong X too */
    unchanged("154  1234  5678");             /* 154 is no mobile prefix */
    unchanged("128 - 1234 - 5678");
    unchanged("2026 10 01 到 2026 10 08");
    unchanged("2026-10-01  13 00");
    unchanged("房号 3 1201 1202 1203 1204");
    unchanged("名单 13 15 17 19 21 3 5");
    unchanged("1 3 8 1 2 3 4 5 6 7 8");
    unchanged("13 80 01 38 00 0");
    unchanged("12 34 56 78 90 12 34 56 78");
    unchanged("合计 138 1234 5678.50 元");
    unchanged("5 138  1234  5678");           /* the chain starts before the prefix */
    unchanged("138    1234    5678");         /* four spaces: columns, not groups */
}

Test(pii, R_COM_2_text_without_numbers_is_unchanged_byte_for_byte)
{
    unchanged("");
    unchanged("今天天气很好，无事。");
    unchanged("3号楼电梯故障，已报修；A座1203室");
    unchanged("𠮷野家 😀 e\xcc\x81 ＡＢＣ　全角");
    unchanged("+86 () - 0086 ＋");
    unchanged("\t\n\r");
}

Test(pii, R_COM_2_mask_text_keeps_characters_and_width)
{
    const char *text = "李女士（身份证１１０１０５１９９００１０１１２３４，手机 +86 138-0013-8000）";
    fd_buf b = FD_BUF_INIT;
    int64_t n = 0;
    fd_assert_ok(fd_pii_mask_text(&b, &n, text));
    cr_assert_eq(n, 2);
    int32_t w1 = 0, w2 = 0;
    fd_assert_ok(fd_text_display_width(&w1, text));
    fd_assert_ok(fd_text_display_width(&w2, b.ptr));
    cr_assert_eq(w1, w2);
    for (size_t i = 0; i < b.size; i++)
        if (b.ptr[i] != text[i])
            cr_assert((text[i] >= '0' && text[i] <= '9') || (unsigned char)text[i] >= 0x80,
                      "byte %zu changed", i);
    fd_buf_dispose(&b);
}

Test(pii, R_COM_2_mask_text_count_is_optional_and_buffer_is_reused)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_pii_mask_text(&b, NULL, "13800138000 和 13900139000"));
    cr_assert_str_eq(b.ptr, "138****8000 和 139****9000");
    char *first = b.ptr;
    size_t cap = b.asize;
    for (int i = 0; i < 100; i++)
        fd_assert_ok(fd_pii_mask_text(&b, NULL, "13800138000"));
    cr_assert_eq(b.ptr, first, "a shorter text reallocated the buffer");
    cr_assert_eq(b.asize, cap);
    fd_buf_dispose(&b);
}

Test(pii, R_COM_2_invalid_utf8_is_refused_the_buffer_left_empty_and_nothing_quoted)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_pii_mask_text(&b, NULL, "previous"));
    int64_t n = 77;
    fd_assert_error(fd_pii_mask_text(&b, &n, "13800138000 \xff"), FD_EINVAL, "not valid UTF-8 at byte 12");
    cr_assert_str_eq(b.ptr, "");
    cr_assert_eq(b.size, 0);
    cr_assert_eq(n, 77, "a failed call wrote its count");
    cr_assert_null(strstr(fd_error_last()->message, "13800138000"));

    fd_assert_ok(fd_pii_mask(&b, FD_PII_NONE, "previous"));
    fd_assert_error(fd_pii_mask(&b, FD_PII_PHONE, "13800138000\xc0\x80"), FD_EINVAL, "value: not valid UTF-8");
    cr_assert_str_eq(b.ptr, "");
    cr_assert_null(strstr(fd_error_last()->message, "13800138000"));
    fd_assert_error(fd_pii_mask(&b, FD_PII_NAME, "\xed\xa0\x80"), FD_EINVAL, "at byte 0"); /* a surrogate */
    fd_assert_error(fd_pii_mask(&b, FD_PII_NONE, "ok\xe4\xb8"), FD_EINVAL, "at byte 2");   /* cut short */

    int has = 5;
    fd_assert_error(fd_pii_contains(&has, "\x80"), FD_EINVAL, "fd_pii_contains: text");
    cr_assert_eq(has, 5);
    fd_buf_dispose(&b);
}

Test(pii, R_COM_2_null_arguments)
{
    fd_buf b = FD_BUF_INIT;
    int v = 0;
    fd_assert_error(fd_pii_mask_text(NULL, NULL, "x"), FD_EINVAL, "fd_pii_mask_text: out");
    fd_assert_error(fd_pii_mask_text(&b, NULL, NULL), FD_EINVAL, "fd_pii_mask_text: text: must not be NULL");
    fd_assert_error(fd_pii_mask(NULL, FD_PII_PHONE, "x"), FD_EINVAL, "fd_pii_mask: out");
    fd_assert_error(fd_pii_mask(&b, FD_PII_PHONE, NULL), FD_EINVAL, "fd_pii_mask: value");
    fd_assert_error(fd_pii_mask(&b, (fd_pii_class)5, "x"), FD_EINVAL, "fd_pii_mask: cls: 5");
    fd_assert_error(fd_pii_mask(&b, (fd_pii_class)-1, "x"), FD_EINVAL, "cls: -1");
    fd_assert_error(fd_pii_contains(NULL, "x"), FD_EINVAL, "fd_pii_contains: out");
    fd_assert_error(fd_pii_contains(&v, NULL), FD_EINVAL, "fd_pii_contains: text");
    fd_assert_error(fd_pii_class_parse(NULL, "phone"), FD_EINVAL, "fd_pii_class_parse: out");
    fd_assert_error(fd_pii_class_parse(&v, NULL), FD_EINVAL, "fd_pii_class_parse: name");
    fd_buf_dispose(&b);
}

Test(pii, R_COM_2_contains)
{
    int has = -1;
    fd_assert_ok(fd_pii_contains(&has, "请回电 138 0013 8000"));
    cr_assert_eq(has, 1);
    fd_assert_ok(fd_pii_contains(&has, "身份证 11010519491231002X"));
    cr_assert_eq(has, 1);
    fd_assert_ok(fd_pii_contains(&has, "3号楼电梯故障 2 次，金额 138.00"));
    cr_assert_eq(has, 0);
    fd_assert_ok(fd_pii_contains(&has, ""));
    cr_assert_eq(has, 0);
}

Test(pii, R_COM_2_mask_phone_as_fd_phone_mask)
{
    const char *phones[] = { "13812345678", "+86 138-1234-5678", "１３８１２３４５６７８", "010-62345678",
                             "0310-2345678", "0755-23456789-801", "400-810-8888", "12345" };
    fd_buf want = FD_BUF_INIT;
    for (size_t i = 0; i < sizeof phones / sizeof phones[0]; i++) {
        fd_assert_ok(fd_phone_mask(&want, phones[i]));
        check_mask(FD_PII_PHONE, phones[i], want.ptr);
    }
    fd_buf_dispose(&want);
    check_mask(FD_PII_PHONE, "13812345678", "138****5678");
    check_mask(FD_PII_PHONE, "010-62345678", "010-****5678");
}

Test(pii, R_COM_2_a_phone_that_does_not_parse_is_still_masked)
{
    fd_error_clear();
    check_mask(FD_PII_PHONE, "1381234567", "138*****67");      /* 10 digits */
    check_mask(FD_PII_PHONE, "138-1234-56789", "138*********89");
    check_mask(FD_PII_PHONE, "12345-678", "12*****78");
    check_mask(FD_PII_PHONE, "电话壹叁捌", "电***捌");
    check_mask(FD_PII_PHONE, "abc", "a**");
    check_mask(FD_PII_PHONE, "ab", "a*");
    check_mask(FD_PII_PHONE, "a", "*");
    check_mask(FD_PII_PHONE, "", "");
    /* fd_phone_parse's message quotes the value; a succeeding mask leaves none behind */
    cr_assert_eq(fd_error_last()->code, FD_OK);
    cr_assert_str_eq(fd_error_last()->message, "");
}

Test(pii, R_COM_2_mask_id_number)
{
    check_mask(FD_PII_ID_NUMBER, "110105194912310021", "110105********0021");
    check_mask(FD_PII_ID_NUMBER, "11010519491231002x", "110105********002X");
    check_mask(FD_PII_ID_NUMBER, "１１０１０５ １９４９１２３１ ００２Ｘ", "110105********002X");
    check_mask(FD_PII_ID_NUMBER, "110105491231002", "110105******002"); /* the birth date hidden whole */
    check_mask(FD_PII_ID_NUMBER, "11010519491231002", "110************02");
    check_mask(FD_PII_ID_NUMBER, "11010519491231002Y", "110*************2Y");
    check_mask(FD_PII_ID_NUMBER, "无", "*");
}

Test(pii, R_COM_2_mask_chinese_names_keep_the_surname)
{
    check_mask(FD_PII_NAME, "张三", "张*");
    check_mask(FD_PII_NAME, "张三丰", "张**");
    check_mask(FD_PII_NAME, "张", "张");
    check_mask(FD_PII_NAME, "欧阳娜娜", "欧阳**");
    check_mask(FD_PII_NAME, "欧阳修", "欧阳*");
    check_mask(FD_PII_NAME, "歐陽修", "歐陽*");       /* Traditional */
    check_mask(FD_PII_NAME, "司马相如", "司马**");
    check_mask(FD_PII_NAME, "欧阳", "欧*");           /* nothing after it: not taken as a compound surname */
    check_mask(FD_PII_NAME, "欧阳 修", "欧阳 *");
    check_mask(FD_PII_NAME, "张 三", "张 *");          /* a spaced name does not show its given name */
    check_mask(FD_PII_NAME, " 李四 ", " 李* ");
    check_mask(FD_PII_NAME, "买买提·艾力", "买**·**");
    check_mask(FD_PII_NAME, "", "");
}

Test(pii, R_COM_2_mask_names_outside_the_bmp_count_one_character)
{
    check_mask(FD_PII_NAME, "𠮷田", "𠮷*");
    check_mask(FD_PII_NAME, "张𠮷", "张*");
    check_mask(FD_PII_NAME, "𠮷𠮷𠮷", "𠮷**");
    check_mask(FD_PII_NAME, "王😀", "王*");
}

Test(pii, R_COM_2_mask_latin_names_keep_each_first_letter)
{
    check_mask(FD_PII_NAME, "John Smith", "J*** S****");
    check_mask(FD_PII_NAME, "O'Brien", "O'B****");
    check_mask(FD_PII_NAME, "Mary-Jane Watson", "M***-J*** W*****");
    check_mask(FD_PII_NAME, "J. Smith", "J. S****");
    check_mask(FD_PII_NAME, "Jose\xcc\x81 Garci\xcc\x81""a", "J*** G*****"); /* combining marks join their letter */
    check_mask(FD_PII_NAME, "\xcc\x81x", "\xcc\x81*"); /* a mark with nothing before it is a character */
    check_mask(FD_PII_NAME, "Zhang San", "Z**** S**");
}

Test(pii, R_COM_2_every_compound_surname_of_the_data_file_is_kept)
{
    const char *path = FD_SOURCE_DIR "/libfrontdesk/data/pinyin/surnames.txt";
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "cannot open %s", path);
    char line[256], name[64], want[64];
    int compound = 0;
    fd_buf b = FD_BUF_INIT;
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || tab == NULL)
            continue;
        *tab = '\0';
        if (strlen(line) != 6) /* two Han characters of 3 bytes */
            continue;
        compound++;
        /* line holds exactly 6 bytes here: say so, so the compiler sees the copies fit. */
        snprintf(name, sizeof name, "%.6s明", line);
        snprintf(want, sizeof want, "%.6s*", line);
        fd_assert_ok(fd_pii_mask(&b, FD_PII_NAME, name));
        cr_assert_str_eq(b.ptr, want, "compound surname %s of surnames.txt is not kept", line);
    }
    fclose(f);
    fd_buf_dispose(&b);
    cr_assert_geq(compound, 50);
}

Test(pii, R_COM_2_mask_free_text_and_none)
{
    check_mask(FD_PII_FREE_TEXT, "回电 13800138000", "回电 138****8000");
    check_mask(FD_PII_NONE, "回电 13800138000", "回电 13800138000");
}

Test(pii, R_COM_2_class_names_round_trip)
{
    const char *names[] = { "none", "phone", "id_number", "name", "free_text" };
    for (int c = FD_PII_NONE; c <= FD_PII_FREE_TEXT; c++) {
        cr_assert_str_eq(fd_pii_class_name((fd_pii_class)c), names[c]);
        int back = -1;
        fd_assert_ok(fd_pii_class_parse(&back, names[c]));
        cr_assert_eq(back, c);
    }
    cr_assert_str_eq(fd_pii_class_name((fd_pii_class)5), "unknown");
    cr_assert_str_eq(fd_pii_class_name((fd_pii_class)-1), "unknown");
    int v = 42;
    fd_assert_error(fd_pii_class_parse(&v, "Phone"), FD_EINVAL, "'Phone' is not a class");
    fd_assert_error(fd_pii_class_parse(&v, ""), FD_EINVAL, "is not a class");
    cr_assert_eq(v, 42);
}

Test(pii, R_COM_2_mask_text_never_leaves_a_mobile_run_in_clear)
{
    /* Many generated numbers in varied surroundings. */
    static const char *const before[] = { "", " ", "电话", "Tel:", "（", "+86 ", "0086-", "\n" };
    static const char *const after[] = { "", " ", "。", "x", "）", "-8001", "号", "." };
    fd_buf b = FD_BUF_INIT;
    char num[16], text[64];
    unsigned x = 7;
    for (int i = 0; i < 4000; i++) {
        x = x * 1103515245u + 12345u;
        snprintf(num, sizeof num, "1%d%09u", 3 + (int)(x % 7), (x >> 3) % 1000000000u);
        snprintf(text, sizeof text, "%s%s%s", before[i % 8], num, after[(i / 8) % 8]);
        int64_t n = 0;
        fd_assert_ok(fd_pii_mask_text(&b, &n, text));
        cr_assert_eq(n, 1, "'%s'", text);
        cr_assert_null(strstr(b.ptr, num), "'%s' → '%s'", text, b.ptr);
    }
    fd_buf_dispose(&b);
}

Test(pii, R_COM_2_an_unparsed_id_of_15_bytes_is_not_cut_inside_a_character)
{
    /* found by fuzz_pii: 13 characters, 15 bytes, taken for a masked 15-digit number */
    check_mask(FD_PII_ID_NUMBER, "9491231002闾丘E", "949********丘E");
}
