/*
 * The visitors module's pure rules (frontdesk/visitors.h, issue 12 items 2-4):
 * the code lists, ID document numbers of every type (R-COM-2), vehicle plates,
 * the checks the store makes before registering a visit (R-VIS-1) or adding a
 * blocklist entry, check-out (R-COM-4) and overstay (R-COM-4). No SQLite, no
 * store: a Java suite with its own database calls these over values.
 */
#include "internal.h"
#include "frontdesk/idcard.h"
#include "frontdesk/phone.h"
#include "frontdesk/text.h"
#include "frontdesk/visitors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- code lists ----------------------------------------------------------------- */


static const fd__code STATES[] = {
    { "expected", "已预约", { "预约", "待到访", NULL } },
    { "waiting", "等候", { "等候中", "待答复", NULL } },
    { "held", "待核实", { "暂缓", NULL } },
    { "on_site", "在访", { "来访中", "在场", NULL } },
    { "declined", "婉拒", { "谢绝", NULL } },
    { "refused", "拒绝入内", { "拒绝", NULL } },
    { "left", "已离开", { "离开", "已离场", NULL } },
    { "cancelled", "已取消", { "取消", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code ANSWERS[] = {
    { "lobby", "大堂会面", { "大堂", "下楼接待", "前台会面", NULL } },
    { "bring_up", "带上楼", { "带上去", "引领", "请上楼", NULL } },
    { "decline", "婉拒", { "不见", "谢绝", "拒绝", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code ID_TYPES[] = {
    { "id_card", "居民身份证", { "身份证", "二代身份证", NULL } },
    { "passport", "护照", { NULL } },
    { "hk_macau", "港澳通行证", { "往来港澳通行证", "回乡证", "港澳居民来往内地通行证", NULL } },
    { "taiwan", "台胞证", { "台湾居民来往大陆通行证", "台湾通行证", NULL } },
    { "other", "其他证件", { "其他", "其它", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code LEVELS[] = {
    { "warning", "提醒", { "注意", "警告", NULL } },
    { "limited", "限制", { "限制入内", NULL } },
    { "forbidden", "禁止", { "禁止入内", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code BASES[] = {
    { "id", "证件", { "证件号", NULL } },
    { "phone", "电话", { "手机", NULL } },
    { "name", "姓名", { NULL } },
    { "pinyin", "拼音", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code EVENT_KINDS[] = {
    { "answer", "答复", { NULL } },   { "checkin", "到达", { "签到", NULL } },
    { "checkout", "离开", { "签离", NULL } }, { "admit", "放行", { NULL } },
    { "refuse", "拒绝", { NULL } },   { "explain", "说明", { NULL } },
    { "cancel", "取消", { NULL } },   { NULL, NULL, { NULL } },
};
static const fd__code OUTCOMES[] = {
    { "pending", "待定", { NULL } },
    { "admitted", "已放行", { "放行", NULL } },
    { "refused", "已拒绝", { "拒绝", NULL } },
    { NULL, NULL, { NULL } },
};

static const fd__code ITEM_KINDS[] = {
    { "visitor_card", "访客卡", { "访客证", "临时卡", NULL } },
    { "key", "钥匙", { NULL } },
    { "umbrella", "雨伞", { "伞", NULL } },
    { "other", "其他物品", { "其他", "其它", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code ITEM_STATES[] = {
    { "in_stock", "在库", { "在前台", NULL } },
    { "issued", "借出", { "已借出", NULL } },
    { "lost", "遗失", { "丢失", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code ITEM_EVENTS[] = {
    { "issue", "借出", { "发放", NULL } }, { "return", "归还", { "收回", NULL } },
    { "lost", "遗失", { "丢失", NULL } },  { "found", "找回", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code MOMENTS[] = {
    { "start", "接班", { "班前", NULL } },
    { "end", "交班", { "班后", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code COUNT_STATES[] = {
    { "ok", "相符", { NULL } },
    { "open", "待说明", { "不符", NULL } },
    { "explained", "已说明", { NULL } },
    { NULL, NULL, { NULL } },
};

static const fd__code PERMIT_STATES[] = {
    { "requested", "待批准", { "申请中", NULL } },
    { "approved", "已批准", { "批准", NULL } },
    { "released", "已放行", { "放行", NULL } },
    { "mismatch", "不符", { "物品不符", NULL } },
    { "refused", "不予放行", { "拒绝", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code CUSTODY_KINDS[] = {
    { "left_behind", "遗留物品", { "遗留", "失物", "拾遗", NULL } },
    { "parcel", "快递包裹", { "快递", "包裹", "收件", NULL } },
    { "deposit", "暂存物品", { "暂存", "寄存", NULL } },
    { "visitor_documents", "访客留存资料", { "名片", "留存资料", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code CUSTODY_STATES[] = {
    { "held", "保管中", { "保管", NULL } },
    { "collected", "已领取", { "领取", NULL } },
    { "returned", "已退回", { "退回", NULL } },
    { "handed_on", "已移交", { "移交", NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code CUSTODY_EVENTS[] = {
    { "deposit", "登记", { "存入", NULL } }, { "notify", "通知", { NULL } },
    { "remind", "提醒", { "催领", NULL } },  { "collect", "领取", { NULL } },
    { "return", "退回", { NULL } },          { "hand_on", "移交", { NULL } },
    { NULL, NULL, { NULL } },
};
static const fd__code CUSTODY_HOW[] = {
    { "sms", "短信", { NULL } },        { "phone", "电话", { NULL } },
    { "wechat", "微信", { NULL } },     { "note", "便条", { "留条", NULL } },
    { "signature", "签字", { "签收", NULL } }, { "id_check", "核验证件", { "验证件", NULL } },
    { NULL, NULL, { NULL } },
};

static const fd__code_list LISTS[] = {
    { "permit_state", PERMIT_STATES },   { "custody_kind", CUSTODY_KINDS }, { "custody_state", CUSTODY_STATES },
    { "custody_event", CUSTODY_EVENTS }, { "custody_how", CUSTODY_HOW },
    { "state", STATES },           { "answer", ANSWERS },          { "id_type", ID_TYPES },
    { "level", LEVELS },           { "basis", BASES },             { "event_kind", EVENT_KINDS },
    { "outcome", OUTCOMES },       { "item_kind", ITEM_KINDS },    { "item_state", ITEM_STATES },
    { "item_event", ITEM_EVENTS }, { "moment", MOMENTS },          { "count_state", COUNT_STATES },
};
static const fd__code_lists CODES = { LISTS, sizeof LISTS / sizeof LISTS[0] };

const char *fd_visit_code_label(const char *field, const char *code)
{
    return fd__code_label(&CODES, field, code);
}

/* FD_EINVAL naming @qname unless @code is in list @field (NULL or "" pass when @optional). */
static fd_status check_code(const char *fn, const char *qname, const char *field, const char *code, bool optional)
{
    return fd__code_check(&CODES, fn, qname, field, code, optional);
}

fd_status fd_visit_code_parse(fd_buf *out, const char *field, const char *text)
{
    return fd__code_parse(out, &CODES, "fd_visit_code_parse", field, text);
}

/* --- ID documents (R-COM-2) --------------------------------------------------------------- */

fd_status fd_id_document_init(fd_id_document *doc, unsigned int version)
{
    fd_status rc = fd__check_ptr("fd_id_document_init", "doc", doc);
    if (rc)
        return rc;
    if (version != FD_ID_DOCUMENT_VERSION)
        return fd__error(FD_EINVAL, "fd_id_document_init: version: %u, this library knows %d", version,
                         FD_ID_DOCUMENT_VERSION);
    fd_id_document init = FD_ID_DOCUMENT_INIT;
    *doc = init;
    return FD_OK;
}

#define ID_TEXT_MAX 64

/*
 * @text folded for a document number: full-width to ASCII, lower case to
 * upper, spaces dropped and, unless @keep_dash, '-' and dashes too. FD_EINVAL
 * naming @field for any other character outside [A-Z0-9-] (the number is
 * never quoted: its length only).
 */
static fd_status fold_number(const char *fn, const char *field, const char *text, bool keep_dash, char *out,
                             size_t cap)
{
    size_t n = 0, len = strlen(text);
    if (!fd__utf8_valid(text, len))
        return fd__error(FD_EINVAL, "%s: %s: not valid UTF-8", fn, field);
    if (len > ID_TEXT_MAX)
        return fd__error(FD_ERANGE, "%s: %s: %zu bytes, at most %d allowed", fn, field, len, ID_TEXT_MAX);
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        uint32_t c = fd__fold_char(fd__utf8_next(&p), FD__FOLD_WIDTH | FD__FOLD_SPACE | FD__FOLD_DASH);
        if (c == ' ' || (c == '-' && !keep_dash))
            continue;
        if (c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
            return fd__error(FD_EINVAL, "%s: %s: a character (U+%04X) that has no place in a document number (%zu "
                             "bytes given)", fn, field, (unsigned)c, len);
        if (n + 1 >= cap)
            return fd__error(FD_ERANGE, "%s: %s: longer than %zu characters", fn, field, cap - 1);
        out[n++] = (char)c;
    }
    out[n] = '\0';
    if (n == 0)
        return fd__error(FD_EINVAL, "%s: %s: is empty", fn, field);
    return FD_OK;
}

static bool all_digits(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Masks @n characters of @num keeping the first @head and the last @tail. */
static void mask_keep(char *out, const char *num, size_t head, size_t tail)
{
    size_t n = strlen(num);
    for (size_t i = 0; i < n; i++)
        out[i] = i < head || i >= n - tail ? num[i] : '*';
    out[n] = '\0';
}

fd_status fd_id_number_parse(fd_id_number *out, const char *type, const char *number, fd_date today)
{
    static const char fn[] = "fd_id_number_parse";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = check_code(fn, "type", "id_type", type, false);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "number", number);
    if (rc == FD_OK)
        rc = fd__check_date(fn, "today", today);
    if (rc)
        return rc;
    fd_id_number r;
    memset(&r, 0, sizeof r);
    r.version = FD_ID_NUMBER_VERSION;
    fd__copy_fixed(r.type, sizeof r.type, type);
    char num[FD_ID_NUMBER_MAX + 1];
    bool other = strcmp(type, "other") == 0;
    if ((rc = fold_number(fn, "number", number, other, num, sizeof num)) != FD_OK)
        return rc;
    size_t n = strlen(num);
    if (strcmp(type, "id_card") == 0) {
        /* GB 11643 (the idcard module): its message names the part, never the number. */
        fd_idcard card;
        if ((rc = fd_idcard_parse(&card, number, today)) != FD_OK)
            return fd__error_rename(rc, fn, "number");
        fd__copy_fixed(r.number, sizeof r.number, card.number);
        mask_keep(r.masked, r.number, 6, 4);
        *out = r;
        return FD_OK;
    }
    /* A resident ID number typed under another type would be hashed under that type and never match the
     * person again (the blocklist, repeat visits): whatever the type chosen, it is refused. */
    char bare[FD_ID_NUMBER_MAX + 1];
    size_t nb = 0;
    for (size_t i = 0; i < n; i++)
        if (num[i] != '-')
            bare[nb++] = num[i];
    bare[nb] = '\0';
    fd_idcard card;
    if ((nb == 18 || nb == 15) && fd_idcard_parse(&card, bare, today) == FD_OK)
        return fd__error(FD_EINVAL, "%s: number: this is a resident ID number (居民身份证): choose the type id_card, "
                         "not %s", fn, type);
    fd_error_clear();
    if (strcmp(type, "passport") == 0) {
        bool digit = false;
        for (size_t i = 0; i < n; i++)
            digit |= num[i] >= '0' && num[i] <= '9';
        if (n < 5 || n > 17 || !digit)
            return fd__error(FD_EINVAL, "%s: number: a passport number is 5 to 17 letters and digits with at least "
                             "one digit (a Chinese one: E or G and 8 characters); %zu characters given", fn, n);
    } else if (strcmp(type, "hk_macau") == 0) {
        /* 往来港澳通行证: C or W, a letter or digit, 7 digits; 回乡证: H or M and 8 or 10 digits. */
        bool permit = n == 9 && (num[0] == 'C' || num[0] == 'W') &&
                      ((num[1] >= 'A' && num[1] <= 'Z') || (num[1] >= '0' && num[1] <= '9')) && all_digits(num, 2, 9);
        bool home = (n == 9 || n == 11) && (num[0] == 'H' || num[0] == 'M') && all_digits(num, 1, n);
        if (!permit && !home)
            return fd__error(FD_EINVAL, "%s: number: a 港澳通行证 number is C or W and 8 characters, "
                             "a 回乡证 number H or M and 8 or 10 digits; %zu characters given", fn, n);
    } else if (strcmp(type, "taiwan") == 0) {
        if (!((n == 8 || n == 10) && all_digits(num, 0, n)))
            return fd__error(FD_EINVAL, "%s: number: a 台胞证 number is 8 digits (10 on the old booklet); %zu "
                             "characters given", fn, n);
    } else {
        bool any = false;
        for (size_t i = 0; i < n; i++)
            any |= num[i] != '-';
        if (!any)
            return fd__error(FD_EINVAL, "%s: number: has no letter or digit", fn);
    }
    fd__copy_fixed(r.number, sizeof r.number, num);
    mask_keep(r.masked, num, 1, n >= 8 ? 3 : n >= 4 ? 2 : 0);
    *out = r;
    return FD_OK;
}

/* --- vehicle plates ---------------------------------------------------------------------- */

/* The provinces' characters, Simplified, with the Traditional forms people may type. */
static const struct {
    uint32_t hans, hant;
} PROVINCES[] = {
    { 0x4EAC, 0 },      /* 京 */ { 0x6D25, 0 },      /* 津 */ { 0x6CAA, 0x6EEC }, /* 沪 滬 */
    { 0x6E1D, 0 },      /* 渝 */ { 0x5180, 0 },      /* 冀 */ { 0x8C6B, 0 },      /* 豫 */
    { 0x4E91, 0x96F2 }, /* 云 雲 */ { 0x8FBD, 0x907C }, /* 辽 遼 */ { 0x9ED1, 0 }, /* 黑 */
    { 0x6E58, 0 },      /* 湘 */ { 0x7696, 0 },      /* 皖 */ { 0x9C81, 0x9B6F }, /* 鲁 魯 */
    { 0x65B0, 0 },      /* 新 */ { 0x82CF, 0x8607 }, /* 苏 蘇 */ { 0x6D59, 0 },   /* 浙 */
    { 0x8D63, 0x8D1B }, /* 赣 贛 */ { 0x9102, 0 },   /* 鄂 */ { 0x6842, 0 },      /* 桂 */
    { 0x7518, 0 },      /* 甘 */ { 0x664B, 0 },      /* 晋 */ { 0x8499, 0 },      /* 蒙 */
    { 0x9655, 0x965D }, /* 陕 陝 */ { 0x5409, 0 },   /* 吉 */ { 0x95FD, 0x95A9 }, /* 闽 閩 */
    { 0x8D35, 0x8CB4 }, /* 贵 貴 */ { 0x7CA4, 0x7CB5 }, /* 粤 粵 */ { 0x9752, 0 }, /* 青 */
    { 0x85CF, 0 },      /* 藏 */ { 0x5DDD, 0 },      /* 川 */ { 0x5B81, 0x5BE7 }, /* 宁 寧 */
    { 0x743C, 0x74CA }, /* 琼 瓊 */
};

/* The suffixes some plates end with: 学 警 挂 港 澳 领 (Traditional 學 掛 領 read too). */
static uint32_t plate_suffix(uint32_t c)
{
    switch (c) {
    case 0x5B66: case 0x5B78: return 0x5B66; /* 学 學 */
    case 0x8B66: return 0x8B66;              /* 警 */
    case 0x6302: case 0x639B: return 0x6302; /* 挂 掛 */
    case 0x6E2F: return 0x6E2F;              /* 港 */
    case 0x6FB3: return 0x6FB3;              /* 澳 */
    case 0x9886: case 0x9818: return 0x9886; /* 领 領 */
    default: return 0;
    }
}

#define PLATE_TEXT_MAX 32

/* The canonical plate of @text into @buf (NUL-terminated, at most 63 bytes); errors name @fn and `plate`. */
static fd_status plate_canon(const char *fn, const char *text, char buf[64])
{
    fd_status rc = fd__check_text(fn, "plate", text, 0, false);
    if (rc)
        return rc;
    size_t len = strlen(text);
    if (len > PLATE_TEXT_MAX)
        return fd__error(FD_ERANGE, "%s: plate: %zu bytes, at most %d allowed", fn, len, PLATE_TEXT_MAX);
    uint32_t cs[PLATE_TEXT_MAX];
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        uint32_t c = fd__fold_char(fd__utf8_next(&p), FD__FOLD_WIDTH | FD__FOLD_SPACE | FD__FOLD_DASH);
        /* separators people type between the parts: space, '-', '·', '.', '•', '・' */
        if (c == ' ' || c == '-' || c == 0xB7 || c == '.' || c == 0x2022 || c == 0x30FB || c == 0xFF65)
            continue;
        if (c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        cs[n++] = c;
    }
    if (n == 0)
        return fd__error(FD_EINVAL, "%s: plate: is empty", fn);
    uint32_t province = 0;
    for (size_t i = 0; i < sizeof PROVINCES / sizeof *PROVINCES && !province; i++)
        if (cs[0] == PROVINCES[i].hans || (PROVINCES[i].hant && cs[0] == PROVINCES[i].hant))
            province = PROVINCES[i].hans;
    if (!province)
        return fd__error(FD_EINVAL, "%s: plate: '%.32s' does not start with a province's character (京, 沪, 粤 ...)",
                         fn, text);
    uint32_t suffix = n > 1 ? plate_suffix(cs[n - 1]) : 0;
    size_t body = n - 1 - (suffix != 0); /* characters after the province, before a suffix */
    if (body < 2 || !(cs[1] >= 'A' && cs[1] <= 'Z'))
        return fd__error(FD_EINVAL, "%s: plate: '%.32s': the province is followed by the issuing letter (京A)", fn,
                         text);
    for (size_t i = 1; i <= body; i++) {
        uint32_t c = cs[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return fd__error(FD_EINVAL, "%s: plate: '%.32s': character %zu (U+%04X) has no place in a plate", fn,
                             text, i + 1, (unsigned)c);
        if (c == 'I' || c == 'O')
            return fd__error(FD_EINVAL, "%s: plate: '%.32s': plates use no %c (read it as %c)", fn, text, (char)c,
                             c == 'I' ? '1' : '0');
    }
    /* After the letter: 5 (a suffix plate: 4 or 5), or 6 for a new-energy plate. */
    size_t tail = body - 1;
    bool ok = suffix ? tail == 4 || tail == 5 : tail == 5 || tail == 6;
    if (!ok)
        return fd__error(FD_EINVAL, "%s: plate: '%.32s': %zu characters after the issuing letter, a plate has 5 "
                         "(6 for new energy)", fn, text, tail);
    size_t k = fd__utf8_put(buf, province);
    for (size_t i = 1; i <= body; i++)
        buf[k++] = (char)cs[i];
    if (suffix)
        k += fd__utf8_put(buf + k, suffix);
    buf[k] = '\0';
    return FD_OK;
}

fd_status fd_plate_parse(fd_buf *out, const char *text)
{
    static const char fn[] = "fd_plate_parse";
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    char buf[64];
    if (rc == FD_OK)
        rc = plate_canon(fn, text, buf);
    return rc ? rc : fd__buf_puts(out, buf);
}

/* --- visits (R-VIS-1) ------------------------------------------------------------------------ */

/*
 * Re-records the last error of a pure check ("fd_visit_check: visit.x: ...",
 * "fd_phone_parse: ...") as @fn's, naming @qname when given.
 */
static fd_status restate(fd_status rc, const char *fn, const char *qname)
{
    return fd__error_rename(rc, fn, qname);
}

fd_status fd__visit_validate(const char *fn, const fd_visit *visit, char phone[48], char plate[64])
{
    phone[0] = plate[0] = '\0';
    fd_status rc = fd_visit_check(visit);
    if (rc)
        return restate(rc, fn, NULL);
    const fd_visit *v = visit;
    if (v->party_size < 1 || v->party_size > FD_VISIT_PARTY_MAX)
        return fd__error(FD_ERANGE, "%s: visit.party_size: %lld, must be 1..%d", fn, (long long)v->party_size,
                         FD_VISIT_PARTY_MAX);
    bool org_host = v->host_employee || v->host_department || v->host_organisation;
    if (v->host_occupant && org_host)
        return fd__error(FD_EINVAL, "%s: visit.host_occupant: an occupant is a host alone, not with an "
                         "organisation's employee, department or the organisation (R-VIS-1)", fn);
    if (!v->host_occupant && !org_host && fd__text_blank(v->host))
        return fd__error(FD_EINVAL, "%s: visit.host: whom they came to see is required (R-VIS-1): a host record "
                         "(occupant, employee, department, organisation) or the host as named", fn);
    if (v->phone && v->phone[0]) {
        /* Kept as occupants keep theirs (the national form), so that it can be matched. */
        fd_phone ph;
        if ((rc = fd_phone_parse(&ph, v->phone)) != FD_OK)
            return restate(rc, fn, "visit.phone");
        snprintf(phone, 48, "%s%s%s", ph.national, ph.extension[0] ? "-" : "", ph.extension);
    }
    if (v->plate && v->plate[0] && (rc = plate_canon(fn, v->plate, plate)) != FD_OK)
        return restate(rc, fn, "visit.plate");
    if (v->preregistered && v->planned_from == 0)
        return fd__error(FD_EINVAL, "%s: visit.planned_from: a pre-registered visit says when it is expected", fn);
    if (v->planned_until && v->planned_from && v->planned_until <= v->planned_from) {
        char d[FD__DURATION_MAX];
        fd__duration_words(d, v->planned_from - v->planned_until);
        return fd__error(FD_EINVAL, "%s: visit.planned_until: the window ends %s%s it starts (planned_from)", fn,
                         v->planned_until < v->planned_from ? d : "", v->planned_until < v->planned_from ? " before" :
                         "when");
    }
    if (v->important && !v->preregistered)
        return fd__error(FD_EINVAL, "%s: visit.preregistered: an important visit is announced before it comes: its "
                         "preparation is done before arrival (R-VIS-6)", fn);
    return FD_OK;
}

fd_status fd_visit_validate(const fd_visit *visit)
{
    char phone[48], plate[64];
    return fd__visit_validate("fd_visit_validate", visit, phone, plate);
}

fd_status fd_visit_checkout_check(const fd_visit *visit, int64_t left_at, int64_t now)
{
    static const char fn[] = "fd_visit_checkout_check";
    fd_status rc = fd__check_ptr(fn, "visit", visit);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "now", now);
    if (rc == FD_OK && left_at)
        rc = fd__check_instant(fn, "left_at", left_at);
    if (rc)
        return rc;
    bool explicit_left = left_at != 0;
    if (left_at == 0)
        left_at = now;
    char d[FD__DURATION_MAX];
    if (visit->arrived_at == 0)
        return fd__error(FD_ESTATE, "%s: visit.arrived_at: the visitor has not checked in: a check-out before the "
                         "check-in is refused (state %s)", fn, visit->state ? visit->state : "?");
    if (visit->departed_at != 0) {
        fd__duration_words(d, now - visit->departed_at);
        return fd__error(FD_ESTATE, "%s: visit.departed_at: checked out already, %s %s now", fn, d,
                         visit->departed_at <= now ? "before" : "after");
    }
    /* A visitor the blocklist holds is decided on first: the hit would stay pending for ever (R-VIS-1). */
    if (visit->state && strcmp(visit->state, "held") == 0)
        return fd__error(FD_ESTATE, "%s: visit.state: held by a blocklist match: decide first: admit or refuse (a "
                         "visitor who left is refused with a note) (R-VIS-1)", fn);
    /* Without left_at the check-out happens now: a check-out dated before the check-in names the instant. */
    const char *field = explicit_left ? "left_at" : "now";
    if (left_at < visit->arrived_at) {
        fd__duration_words(d, visit->arrived_at - left_at);
        return fd__error(FD_EINVAL, "%s: %s: %s before the check-in", fn, field, d);
    }
    if (left_at > now) {
        fd__duration_words(d, left_at - now);
        return fd__error(FD_EINVAL, "%s: left_at: %s in the future", fn, d);
    }
    return FD_OK;
}

const char *fd_overstay_reason_name(int reason)
{
    switch (reason) {
    case FD_OVERSTAY_NONE: return "none";
    case FD_OVERSTAY_WINDOW: return "window";
    case FD_OVERSTAY_CLOSING: return "closing";
    default: return "";
    }
}

fd_status fd__visit_overstay_in(fd__zone *zone, const char *fn, int64_t arrived_at, int64_t departed_at,
                                int64_t planned_until, int64_t now, const fd_policy *policy, int *reason,
                                int64_t *since)
{
    *reason = FD_OVERSTAY_NONE;
    *since = 0;
    if (arrived_at == 0 || departed_at != 0)
        return FD_OK;
    int64_t window = 0, closing = 0;
    if (planned_until)
        window = planned_until + fd__policy_value(policy, FD__POL_VISITOR_OVERSTAY_GRACE_MIN) * 60;
    int64_t minute = fd__policy_value(policy, FD__POL_VISITOR_CLOSING_MINUTE);
    if (minute > 0) {
        fd_local_time arrival;
        fd_status rc = fd__zone_local(zone, fn, arrived_at, &arrival);
        if (rc == FD_OK && minute < 1440) {
            fd_local_time at = { arrival.date, (int32_t)(minute / 60), (int32_t)(minute % 60), 0, 0 };
            rc = fd__zone_from_local(zone, fn, "visitor.closing_minute", at, &closing);
        } else if (rc == FD_OK) {
            UErrorCode err = U_ZERO_ERROR;
            int64_t day = fd__days_from_civil(arrival.date.year, arrival.date.month, arrival.date.day);
            closing = fd__zone_midnight(zone, day + 1, &err);
            if (U_FAILURE(err))
                rc = fd__error(fd__icu_status(err, FD_EINVAL), "%s: visitor.closing_minute: ICU: %s", fn,
                               u_errorName(err));
        }
        if (rc)
            return rc;
        /* Arriving after closing: on site past closing from the arrival on. */
        if (closing < arrived_at)
            closing = arrived_at;
    }
    if (window && now > window) {
        *since = window;
        *reason = FD_OVERSTAY_WINDOW;
    }
    if (closing && now >= closing && (*since == 0 || closing < *since)) {
        *since = closing;
        *reason = FD_OVERSTAY_CLOSING;
    }
    return FD_OK;
}

fd_status fd_visit_overstay(fd_overstay *out, const fd_visit *visit, int64_t now, const char *time_zone,
                            const fd_policy *policy)
{
    static const char fn[] = "fd_visit_overstay";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "visit", visit);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "now", now);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "visit.arrived_at", visit->arrived_at);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "visit.departed_at", visit->departed_at);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "visit.planned_until", visit->planned_until);
    if (rc)
        return rc;
    fd__zone *zone = fd__zone_open(fn, "time_zone", time_zone && *time_zone ? time_zone : "Asia/Shanghai");
    if (zone == NULL)
        return fd_error_last()->code;
    fd_overstay r = { FD_OVERSTAY_VERSION, 0, FD_OVERSTAY_NONE, 0 };
    rc = fd__visit_overstay_in(zone, fn, visit->arrived_at, visit->departed_at, visit->planned_until, now, policy,
                               &r.reason, &r.since);
    fd__zone_close(zone);
    if (rc)
        return rc;
    r.overstay = r.reason != FD_OVERSTAY_NONE;
    *out = r;
    return FD_OK;
}

fd_status fd_visit_slip_handover_due(int *out, int64_t pending, int64_t since, int64_t now, const fd_policy *policy)
{
    static const char fn[] = "fd_visit_slip_handover_due";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "since", since);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "now", now);
    if (rc == FD_OK && pending < 0)
        rc = fd__error(FD_EINVAL, "%s: pending: %lld must not be negative", fn, (long long)pending);
    if (rc)
        return rc;
    *out = pending > 0 && now - since >= fd__policy_value(policy, FD__POL_VISITOR_SLIP_HANDOVER_DAYS) * 86400;
    return FD_OK;
}

/* --- blocklist ------------------------------------------------------------------------------ */

fd_status fd_blocklist_entry_validate(const fd_blocklist_entry *entry, const fd_id_document *id, fd_date today)
{
    static const char fn[] = "fd_blocklist_entry_validate";
    fd_status rc = fd_blocklist_entry_check(entry);
    if (rc)
        return restate(rc, fn, NULL);
    if ((rc = check_code(fn, "blocklist_entry.level", "level", entry->level, false)) != FD_OK)
        return rc;
    bool has_id = id && id->number && id->number[0];
    if (id && id->version != FD_ID_DOCUMENT_VERSION)
        return fd__error(FD_EINVAL, "%s: id.version: %u, this library knows %d (use FD_ID_DOCUMENT_INIT)", fn,
                         id->version, FD_ID_DOCUMENT_VERSION);
    if (!has_id && (entry->name == NULL || entry->name[0] == '\0') && (entry->phone == NULL || entry->phone[0] == '\0'))
        return fd__error(FD_EINVAL, "%s: blocklist_entry.name: an entry matches on a name, a phone or an ID "
                         "document: give at least one", fn);
    if (entry->phone && entry->phone[0]) {
        fd_phone ph;
        if ((rc = fd_phone_parse(&ph, entry->phone)) != FD_OK)
            return restate(rc, fn, "blocklist_entry.phone");
    }
    if (has_id) {
        fd_id_number num;
        if ((rc = fd_id_number_parse(&num, id->type, id->number, today)) != FD_OK) {
            /* "fd_id_number_parse: number: ..." -> "fd_blocklist_entry_validate: id.number: ..." */
            const char *m = fd_error_last()->message;
            const char *field = strstr(m, ": type: ") ? "id.type" : "id.number";
            return restate(rc, fn, field);
        }
    }
    if (entry->valid_from && entry->valid_until && entry->valid_until <= entry->valid_from)
        return fd__error(FD_EINVAL, "%s: blocklist_entry.valid_until: not after valid_from", fn);
    return FD_OK;
}

fd_status fd_blocklist_entry_active(int *out, const fd_blocklist_entry *entry, int64_t at)
{
    static const char fn[] = "fd_blocklist_entry_active";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "entry", entry);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "at", at);
    if (rc)
        return rc;
    int64_t from = entry->valid_from ? entry->valid_from : entry->added_at;
    bool lifted = entry->lifted_at != 0 && entry->lifted_at <= at;
    *out = !lifted && from <= at && (entry->valid_until == 0 || at < entry->valid_until);
    return FD_OK;
}

/* --- visitor cards and counted items (R-VIS-4) ---------------------------------------------- */

fd_status fd__item_code_fold(fd_buf *out, const char *fn, const char *field, const char *code)
{
    fd__buf_clear(out);
    fd_status rc = fd__check_text(fn, field, code, 0, true);
    if (rc == FD_OK && (rc = fd_text_normalize(out, code)) != FD_OK)
        rc = fd__error_rename(rc, fn, field);
    for (char *p = out->ptr; rc == FD_OK && p && *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    return rc;
}

fd_status fd__counted_item_validate(const char *fn, const fd_counted_item *item, fd_buf *code)
{
    fd__buf_clear(code);
    fd_status rc = fd__check_ptr(fn, "counted_item", item);
    if (rc)
        return rc;
    /* Checked as stored: the code folded, so that ｖ０１ and v01 are the card V01 (one code, one card). */
    fd_counted_item c = *item;
    if (item->code && fd__item_code_fold(code, fn, "counted_item.code", item->code) == FD_OK)
        c.code = code->ptr;
    if ((rc = fd_counted_item_check(&c)) != FD_OK)
        return restate(rc, fn, NULL);
    return check_code(fn, "counted_item.kind", "item_kind", item->kind, false);
}

fd_status fd_counted_item_validate(const fd_counted_item *item)
{
    fd_buf code = FD_BUF_INIT;
    fd_status rc = fd__counted_item_validate("fd_counted_item_validate", item, &code);
    fd_buf_dispose(&code);
    return rc;
}

/* --- goods release (R-VIS-7) ---------------------------------------------------------------- */

#define GOODS_ITEMS_MAX_COUNT 100

/* A parsed list of goods: names (malloc'ed, NFKC) and quantities, in order of first mention. */
typedef struct goods_list {
    char *name[GOODS_ITEMS_MAX_COUNT];
    int64_t qty[GOODS_ITEMS_MAX_COUNT];
    size_t n;
} goods_list;

static void goods_free(goods_list *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->name[i]);
    g->n = 0;
}

/* The measure words a quantity may carry (one, after the digits). */
static bool measure_word(uint32_t c)
{
    static const uint32_t words[] = { 0x53F0, 0x4E2A, 0x4EF6, 0x628A, 0x5F20, 0x7BB1, 0x888B, 0x5957, 0x53EA,
                                      0x90E8, 0x8F86, 0x5757, 0x6876, 0x5305, 0x672C, 0x76D2, 0x6761, 0x6247,
                                      0x6839, 0x5377, 0x53CC, 0x74F6, 0x7EC4, 0x76C6, 0x5E8A, 0x5E45, 0x53E3,
                                      0x76CF, 0x652F, 0x4EFD, 0x7F50, 0x6346 };
    /* 台 个 件 把 张 箱 袋 套 只 部 辆 块 桶 包 本 盒 条 扇 根 卷 双 瓶 组 盆 床 幅 口 盏 支 份 罐 捆 */
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (c == words[i])
            return true;
    return false;
}

/* Whether the UTF-8 code point ending at @end (exclusive) in @s starts at *@start; returns it. */
static uint32_t last_char(const char *s, size_t end, size_t *start)
{
    size_t i = end;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i > 0)
        i--;
    const unsigned char *p = (const unsigned char *)s + i;
    uint32_t c = fd__utf8_next(&p);
    *start = i;
    return c;
}

/* The value of a Han numeral character (一 … 九, 两 2, 十 10), 0 for any other. */
static int han_digit(uint32_t c)
{
    static const uint32_t digits[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };
    for (int i = 0; i < 9; i++) /* 一 二 三 四 五 六 七 八 九 */
        if (c == digits[i])
            return i + 1;
    return c == 0x4E24 ? 2 : c == 0x5341 ? 10 : 0; /* 两, 十 */
}

/*
 * The quantity written in Han numerals in @s[from, to): 一 … 九 or 两 alone,
 * 十, 十三, 三十, 三十五 (up to 九十九); 0 when it is not one (十十, 两十).
 */
static int64_t han_number(const char *s, size_t from, size_t to)
{
    int v[3], n = 0;
    for (const unsigned char *p = (const unsigned char *)s + from; p < (const unsigned char *)s + to;) {
        uint32_t c = fd__utf8_next(&p);
        if (n == 3 || (v[n++] = han_digit(c)) == 0)
            return 0;
        if (c == 0x4E24 && !(n == 1 && p == (const unsigned char *)s + to))
            return 0; /* 两 stands alone */
    }
    if (n == 1)
        return v[0];
    if (n == 2 && v[0] == 10 && v[1] < 10)
        return 10 + v[1];
    if (n == 2 && v[0] < 10 && v[1] == 10)
        return v[0] * 10;
    if (n == 3 && v[0] < 10 && v[1] == 10 && v[2] < 10)
        return v[0] * 10 + v[2];
    return 0;
}

/* Where the run of Han numeral characters ending at @end (after @start) begins. */
static size_t han_run_start(const char *s, size_t start, size_t end)
{
    size_t at;
    while (end > start && han_digit(last_char(s, end, &at)) && at >= start)
        end = at;
    return end;
}

/*
 * The quantity that ends @item[start, end), in digits or Han numerals (these
 * only before a measure word: 统一 is no quantity): *@q and where it starts
 * into *@from; *@q 0 when there is none. FD_EINVAL naming the item for a
 * quantity that is not a whole number ≥ 1 (-1, 1.5) or Han numerals that
 * are no number.
 */
static fd_status goods_quantity(const char *fn, const char *field, size_t k, const char *item, size_t start,
                                size_t end, bool measured, int64_t *q, size_t *from)
{
    *q = 0;
    size_t digits = end, at;
    while (digits > start && item[digits - 1] >= '0' && item[digits - 1] <= '9')
        digits--;
    *from = digits;
    if (digits < end) {
        if (end - digits > 6)
            return fd__error(FD_EINVAL, "%s: %s: item %zu: a quantity above %d", fn, field, k, FD_GOODS_QUANTITY_MAX);
        for (size_t i = digits; i < end; i++)
            *q = *q * 10 + (item[i] - '0');
        uint32_t before = digits > start ? last_char(item, digits, &at) : 0;
        /* 电脑-1台, 电脑1.5台: a minus sign or a decimal point is part of the number, which is then not whole. */
        if (before == '-' || before == 0x2212 || before == '.')
            return fd__error(FD_EINVAL, "%s: %s: item %zu ('%.60s'): a quantity is a whole number, 1 or more (电脑×2)",
                             fn, field, k, item + start);
        return FD_OK;
    }
    if (!measured)
        return FD_OK;
    size_t han = han_run_start(item, start, end);
    if (han == end)
        return FD_OK;
    *from = han;
    if ((*q = han_number(item, han, end)) == 0)
        return fd__error(FD_EINVAL, "%s: %s: item %zu ('%.60s'): the quantity is not a number: write it in digits "
                         "(电脑2台) or as 一 to 九十九, 两", fn, field, k, item + start);
    return FD_OK;
}

/*
 * Parses one item (already NFKC) into @g: "name sep quantity measure" (电脑2台,
 * 椅子×4, 台灯三盏), or "quantity measure name" as it is said (3台电脑, 两把椅子).
 * @k is its 1-based position for messages.
 */
static fd_status goods_item(const char *fn, const char *field, char *item, size_t k, goods_list *g)
{
    size_t len = strlen(item);
    while (len > 0 && item[len - 1] == ' ')
        len--;
    item[len] = '\0';
    size_t start = 0;
    while (start < len && item[start] == ' ')
        start++;
    if (start == len)
        return FD_OK; /* an empty piece between separators */
    size_t end = len, at, from;
    uint32_t c = last_char(item, end, &at);
    bool measured = at >= start && measure_word(c);
    if (measured)
        end = at;
    while (end > start && item[end - 1] == ' ')
        end--;
    int64_t q = 0;
    fd_status rc = goods_quantity(fn, field, k, item, start, end, measured, &q, &from);
    size_t name_start = start, name_end = from;
    bool trailing = true;
    if (rc == FD_OK && from == end) {
        /* No quantity at the end: one before a measure word at the start, as it is said (3台电脑, 两把椅子)? */
        size_t lead = start;
        while (lead < len && item[lead] >= '0' && item[lead] <= '9')
            lead++;
        for (const unsigned char *p = (const unsigned char *)item + start; lead == start && *p;) {
            const unsigned char *here = p;
            if (!han_digit(fd__utf8_next(&p))) {
                lead = (size_t)((const char *)here - item);
                break;
            }
        }
        const unsigned char *m = (const unsigned char *)item + lead;
        if (lead > start && lead < len && measure_word(fd__utf8_next(&m))) {
            rc = goods_quantity(fn, field, k, item, start, lead, true, &q, &from);
            trailing = false;
            name_start = (size_t)((const char *)m - item);
            name_end = len;
        } else if (rc == FD_OK) {
            return fd__error(FD_EINVAL, "%s: %s: item %zu has no quantity: '%.60s' (电脑×2, 椅子4把, 两台电脑)", fn,
                             field, k, item + start);
        }
    }
    if (rc)
        return rc;
    if (q < 1 || q > FD_GOODS_QUANTITY_MAX)
        return fd__error(FD_EINVAL, "%s: %s: item %zu: quantity %lld, must be 1..%d", fn, field, k, (long long)q,
                         FD_GOODS_QUANTITY_MAX);
    while (name_start < name_end && item[name_start] == ' ')
        name_start++;
    while (name_end > name_start && item[name_end - 1] == ' ')
        name_end--;
    /* one separator: × * : or an x that does not end a Latin word (Xbox2 is an Xbox, not 'Xbo' × 2) */
    if (trailing && name_end > name_start) {
        c = last_char(item, name_end, &at);
        bool letter_before = false;
        if ((c == 'x' || c == 'X') && at > name_start) {
            char b = item[at - 1];
            letter_before = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
        }
        if (c == 0xD7 || c == '*' || c == ':' || ((c == 'x' || c == 'X') && !letter_before))
            name_end = at;
    }
    while (name_end > name_start && item[name_end - 1] == ' ')
        name_end--;
    if (name_end == name_start)
        return fd__error(FD_EINVAL, "%s: %s: item %zu has a quantity but no name", fn, field, k);
    item[name_end] = '\0';
    const char *name = item + name_start;
    for (size_t i = 0; i < g->n; i++)
        if (strcmp(g->name[i], name) == 0) {
            g->qty[i] += q;
            if (g->qty[i] > FD_GOODS_QUANTITY_MAX)
                return fd__error(FD_EINVAL, "%s: %s: item %zu: quantity above %d in all", fn, field, k,
                                 FD_GOODS_QUANTITY_MAX);
            return FD_OK;
        }
    if (g->n == GOODS_ITEMS_MAX_COUNT)
        return fd__error(FD_ERANGE, "%s: %s: more than %d items", fn, field, GOODS_ITEMS_MAX_COUNT);
    if ((g->name[g->n] = strdup(name)) == NULL)
        return fd__oom(fn);
    g->qty[g->n++] = q;
    return FD_OK;
}

static bool goods_separator(uint32_t c)
{
    return c == ',' || c == ';' || c == '\n' || c == 0xFF0C || c == 0xFF1B || c == 0x3001;
}

/* Reads @text into @g (empty on error); errors name @field. */
static fd_status goods_parse(const char *fn, const char *field, const char *text, goods_list *g)
{
    g->n = 0;
    fd_status rc = fd__check_text(fn, field, text, 0, false);
    if (rc)
        return rc;
    size_t len = strlen(text);
    if (len > FD_GOODS_ITEMS_MAX)
        return fd__error(FD_ERANGE, "%s: %s: %zu bytes, at most %d allowed", fn, field, len, FD_GOODS_ITEMS_MAX);
    fd_buf piece = FD_BUF_INIT, norm = FD_BUF_INIT;
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (rc == FD_OK) {
        const unsigned char *from = p;
        uint32_t c = 0;
        while (*p) {
            const unsigned char *here = p;
            c = fd__utf8_next(&p);
            if (goods_separator(c)) {
                p = here;
                break;
            }
            if (fd__char_unsafe(c) && c != '\t' && c != '\r')
                rc = fd__error(FD_EINVAL, "%s: %s: item %zu contains a control character (U+%04X)", fn, field, k + 1,
                               (unsigned)c);
        }
        if (rc)
            break;
        fd__buf_clear(&piece);
        if ((rc = fd__buf_put(&piece, (const char *)from, (size_t)(p - from))) == FD_OK)
            rc = fd_text_normalize(&norm, piece.ptr);
        /* NFKC can make a separator of a character that was none (the half-width ､ is 、): the
         * normalised piece is split again, so the canonical form reads back the same. */
        for (char *q = norm.ptr; rc == FD_OK && q;) {
            char *next = NULL;
            for (const unsigned char *r = (const unsigned char *)q; *r;) {
                const unsigned char *here = r;
                if (goods_separator(fd__utf8_next(&r))) {
                    *(char *)here = '\0';
                    next = (char *)r;
                    break;
                }
            }
            k++;
            rc = goods_item(fn, field, q, k, g);
            q = next;
        }
        if (rc || *p == '\0')
            break;
        fd__utf8_next(&p); /* the separator */
    }
    fd_buf_dispose(&piece);
    fd_buf_dispose(&norm);
    if (rc == FD_OK && g->n == 0)
        rc = fd__error(FD_EINVAL, "%s: %s: no item (电脑×2，椅子×4)", fn, field);
    if (rc)
        goods_free(g);
    return rc;
}

static fd_status goods_write(fd_buf *out, const goods_list *g)
{
    fd_status rc = FD_OK;
    for (size_t i = 0; i < g->n && rc == FD_OK; i++)
        rc = fd__buf_printf(out, "%s%s\xC3\x97%lld", i ? "\xEF\xBC\x9B" : "", g->name[i], (long long)g->qty[i]);
    return rc;
}

fd_status fd_goods_items_parse(fd_buf *out, const char *text)
{
    static const char fn[] = "fd_goods_items_parse";
    fd__buf_clear(out);
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    goods_list g;
    if ((rc = goods_parse(fn, "items", text, &g)) != FD_OK)
        return rc;
    rc = goods_write(out, &g);
    goods_free(&g);
    if (rc)
        fd__buf_clear(out);
    return rc;
}

fd_status fd_goods_items_compare(int *match, fd_buf *difference, const char *permit_items, const char *counted_items)
{
    static const char fn[] = "fd_goods_items_compare";
    fd__buf_clear(difference);
    fd_status rc = fd__check_ptr(fn, "match", match);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "difference", difference);
    if (rc)
        return rc;
    goods_list a, b;
    if ((rc = goods_parse(fn, "permit_items", permit_items, &a)) != FD_OK)
        return rc;
    if ((rc = goods_parse(fn, "counted_items", counted_items, &b)) != FD_OK) {
        goods_free(&a);
        return rc;
    }
    bool same = true;
    bool seen[GOODS_ITEMS_MAX_COUNT] = { false };
    for (size_t i = 0; i < a.n && rc == FD_OK; i++) {
        int64_t q = 0;
        for (size_t j = 0; j < b.n; j++)
            if (strcmp(a.name[i], b.name[j]) == 0) {
                q = b.qty[j];
                seen[j] = true;
            }
        if (q != a.qty[i]) {
            rc = fd__buf_printf(difference, "%s%s %lld\xE2\x86\x92%lld", same ? "" : "\xEF\xBC\x9B", a.name[i],
                                (long long)a.qty[i], (long long)q);
            same = false;
        }
    }
    for (size_t j = 0; j < b.n && rc == FD_OK; j++)
        if (!seen[j]) {
            rc = fd__buf_printf(difference, "%s%s 0\xE2\x86\x92%lld", same ? "" : "\xEF\xBC\x9B", b.name[j],
                                (long long)b.qty[j]);
            same = false;
        }
    goods_free(&a);
    goods_free(&b);
    if (rc == FD_OK && same)
        rc = fd__buf_put(difference, "", 0); /* the empty string, not NULL */
    if (rc) {
        fd__buf_clear(difference);
        return rc;
    }
    *match = same;
    return FD_OK;
}

fd_status fd__goods_permit_validate(const char *fn, const fd_goods_permit *permit, fd_buf *items)
{
    fd__buf_clear(items);
    fd_status rc = fd__check_ptr(fn, "goods_permit", permit);
    if (rc)
        return rc;
    /* The record is checked as it is stored, its items canonical: a line break between items is a separator
     * people type, not a control character in the stored list. */
    fd_goods_permit p = *permit;
    goods_list g = { .n = 0 };
    fd_status parsed = permit->items ? goods_parse(fn, "goods_permit.items", permit->items, &g) : FD_EINVAL;
    fd__saved_error why;
    fd__error_save(&why);
    if (parsed == FD_OK) {
        rc = goods_write(items, &g);
        goods_free(&g);
        if (rc)
            return rc;
        p.items = items->ptr;
    }
    if ((rc = fd_goods_permit_check(&p)) != FD_OK)
        return restate(rc, fn, NULL);
    if (parsed != FD_OK)
        return fd__error_restore(&why);
    if (permit->phone && permit->phone[0]) {
        fd_phone ph;
        if ((rc = fd_phone_parse(&ph, permit->phone)) != FD_OK)
            return restate(rc, fn, "goods_permit.phone");
    }
    return FD_OK;
}

fd_status fd_goods_permit_validate(const fd_goods_permit *permit)
{
    fd_buf items = FD_BUF_INIT;
    fd_status rc = fd__goods_permit_validate("fd_goods_permit_validate", permit, &items);
    fd_buf_dispose(&items);
    return rc;
}

/* --- custody (R-VIS-8) ------------------------------------------------------------------------ */

fd_status fd_custody_item_validate(const fd_custody_item *item)
{
    static const char fn[] = "fd_custody_item_validate";
    fd_status rc = fd_custody_item_check(item);
    if (rc)
        return restate(rc, fn, NULL);
    if ((rc = check_code(fn, "custody_item.kind", "custody_kind", item->kind, false)) != FD_OK)
        return rc;
    if (strcmp(item->kind, "visitor_documents") == 0 && item->visit_id == 0)
        return fd__error(FD_EINVAL, "%s: custody_item.visit_id: what a visitor leaves belongs to their visit "
                         "(R-VIS-2)", fn);
    if (item->phone && item->phone[0]) {
        fd_phone ph;
        if ((rc = fd_phone_parse(&ph, item->phone)) != FD_OK)
            return restate(rc, fn, "custody_item.phone");
    }
    return FD_OK;
}

fd_status fd_custody_item_due(fd_custody_due *out, const fd_custody_item *item, int64_t now, const fd_policy *policy)
{
    static const char fn[] = "fd_custody_item_due";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "item", item);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "now", now);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "item.deposited_at", item->deposited_at);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "item.notified_at", item->notified_at);
    if (rc)
        return rc;
    fd_custody_due d = { FD_CUSTODY_DUE_VERSION, 0, 0, 0, 0, 0 };
    bool held = item->state == NULL || item->state[0] == '\0' || strcmp(item->state, "held") == 0;
    if (held) {
        bool someone = (item->owner && item->owner[0]) || (item->phone && item->phone[0]) || item->occupant_id ||
                       item->unit_id;
        d.notify = item->notified_at == 0 && someone;
        if (item->notified_at) {
            d.remind_at = item->notified_at + fd__policy_value(policy, FD__POL_CUSTODY_REMIND_DAYS) * 86400;
            d.remind = now >= d.remind_at;
        }
        d.unclaimed_at = item->deposited_at + fd__policy_value(policy, FD__POL_CUSTODY_UNCLAIMED_DAYS) * 86400;
        d.unclaimed = now >= d.unclaimed_at;
    }
    *out = d;
    return FD_OK;
}

/* --- important visits (R-VIS-6) ------------------------------------------------------------- */

fd_status fd_visit_prep_validate(const fd_visit_prep *prep, const fd_visit *visit)
{
    static const char fn[] = "fd_visit_prep_validate";
    fd_status rc = fd_visit_prep_check(prep);
    if (rc)
        return restate(rc, fn, NULL);
    if ((rc = fd__check_ptr(fn, "visit", visit)) != FD_OK)
        return rc;
    if (!visit->important)
        return fd__error(FD_ESTATE, "%s: visit.important: visit %lld is not an important visit: a preparation "
                         "checklist belongs to one (R-VIS-6)", fn, (long long)visit->id);
    if (visit->arrived_at != 0)
        return fd__error(FD_ESTATE, "%s: visit.arrived_at: the visitors have arrived: the preparation is done "
                         "before arrival (R-VIS-6)", fn);
    if (visit->state && (strcmp(visit->state, "cancelled") == 0 || strcmp(visit->state, "declined") == 0 ||
                         strcmp(visit->state, "refused") == 0 || strcmp(visit->state, "left") == 0))
        return fd__error(FD_ESTATE, "%s: visit.state: the visit is %s: nothing is to be prepared", fn, visit->state);
    if (prep->due_at && visit->planned_from && prep->due_at > visit->planned_from) {
        char d[FD__DURATION_MAX];
        fd__duration_words(d, prep->due_at - visit->planned_from);
        return fd__error(FD_EINVAL, "%s: visit_prep.due_at: %s after the visit's planned start: the preparation is "
                         "done before arrival (R-VIS-6)", fn, d);
    }
    return FD_OK;
}

fd_status fd_visit_prep_due(fd_prep_due *out, const fd_visit_prep *prep, int64_t planned_from, int64_t now)
{
    static const char fn[] = "fd_visit_prep_due";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "prep", prep);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "now", now);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "planned_from", planned_from);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "prep.due_at", prep->due_at);
    if (rc == FD_OK)
        rc = fd__check_instant(fn, "prep.done_at", prep->done_at);
    if (rc)
        return rc;
    fd_prep_due d = { FD_PREP_DUE_VERSION, 0, 0, 0, 0 };
    d.due_at = prep->due_at ? prep->due_at : planned_from;
    d.open = prep->done_at == 0;
    d.overdue = d.open && d.due_at != 0 && now >= d.due_at;
    d.late = !d.open && d.due_at != 0 && prep->done_at > d.due_at;
    *out = d;
    return FD_OK;
}
