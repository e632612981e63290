/*
 * Chinese phone numbers: parsing, classification and masking (R-COM-2).
 * The area-code table is generated (scripts/gen/phone_area_codes.py) from
 * libphonenumber's metadata; it is static const data, so every function is
 * thread-safe and nothing allocates except the caller's fd_buf.
 */
#include "internal.h"
#include "frontdesk/phone.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CPS 64
#define MAX_DIGITS 24
#define MAX_EXT 6

typedef struct area_code {
    const char *code;  /* digits after the trunk 0 */
    int lengths;       /* bit 0: 7-digit local numbers, bit 1: 8-digit */
    const char *place; /* zh, from libphonenumber's geocoding data */
} area_code;

static const area_code AREAS[] = {
#include "phone_areas.h"
};

static int cmp_area(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const area_code *)elem)->code);
}

static const area_code *find_area(const char *code)
{
    return bsearch(code, AREAS, sizeof AREAS / sizeof AREAS[0], sizeof AREAS[0], cmp_area);
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/*
 * Where an extension starts: the index of its marker in c[0..n) and the
 * marker's length, or false when there is none.
 */
static bool find_extension(const uint32_t *c, size_t n, size_t *at, size_t *len)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t l = c[i] | 0x20;
        if (c[i] == 0x8F6C || c[i] == 0x8F49 || c[i] == '#' || c[i] == ',' || l == 'x') { /* 转 轉 */
            *at = i;
            *len = 1;
            return true;
        }
        if (i + 1 < n && c[i] == 0x5206 && (c[i + 1] == 0x673A || c[i + 1] == 0x6A5F)) { /* 分机 分機 */
            *at = i;
            *len = 2;
            return true;
        }
        if (i + 2 < n && l == 'e' && (c[i + 1] | 0x20) == 'x' && (c[i + 2] | 0x20) == 't') {
            *at = i;
            *len = (i + 3 < n && c[i + 3] == '.') ? 4 : 3;
            return true;
        }
    }
    return false;
}

/*
 * What an error message says about the input: the public function, and the
 * text redacted (R-COM-2: a phone number that failed to parse may still be a
 * customer's number), formatted only when an error is recorded.
 */
typedef struct msg {
    const char *fn;
    const char *raw;
    char text[FD__REDACT_MAX];
} msg;

static const char *shown(msg *m)
{
    fd__redact(m->text, m->raw);
    return m->text;
}

static fd_status bad_char(msg *m, uint32_t c)
{
    char ch[5];
    ch[fd__utf8_put(ch, c)] = '\0';
    return fd__error(FD_EINVAL, "%s: text: %s has '%s', which has no place in a phone number",
                     m->fn, shown(m), ch);
}

static void set(char *dst, size_t cap, const char *src, size_t len)
{
    if (len >= cap)
        len = cap - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* A landline "0" + area code + local number in d[0..n). */
static fd_status landline(fd_phone *r, msg *m, const char *d, size_t n)
{
    char code[4];
    size_t clen = (d[1] == '1' || d[1] == '2') ? 2 : 3;
    if (n < 1 + clen) {
        return fd__error(FD_EINVAL, "%s: text: %s is too short for a landline number "
                         "(0 + area code + 7 or 8 digits)", m->fn, shown(m));
    }
    memcpy(code, d + 1, clen);
    code[clen] = '\0';
    const area_code *a = find_area(code);
    if (a == NULL)
        return fd__error(FD_EINVAL, "%s: text: %s: area code '0%s' is not a Chinese area code",
                         m->fn, shown(m), code);
    size_t sub = n - 1 - clen;
    bool len_ok = (sub == 7 && (a->lengths & 1)) || (sub == 8 && (a->lengths & 2));
    if (!len_ok) {
        const char *want = a->lengths == 3 ? "7 or 8" : a->lengths == 1 ? "7" : "8";
        return fd__error(FD_EINVAL, "%s: text: %s: area code 0%s (%s) takes local numbers of %s "
                         "digits, not %zu", m->fn, shown(m), code, a->place, want, sub);
    }
    if (d[1 + clen] == '0' || d[1 + clen] == '1')
        return fd__error(FD_EINVAL, "%s: text: %s: a local number does not start with '%c'",
                         m->fn, shown(m), d[1 + clen]);
    r->kind = FD_PHONE_LANDLINE;
    set(r->national, sizeof r->national, d, n);
    memcpy(r->e164, "+86", 3);
    set(r->e164 + 3, sizeof r->e164 - 3, d + 1, n - 1);
    set(r->area_code, sizeof r->area_code, d, 1 + clen);
    set(r->subscriber, sizeof r->subscriber, d + 1 + clen, sub);
    set(r->place, sizeof r->place, a->place, strlen(a->place));
    return FD_OK;
}

/*
 * Classifies the digits d[0..n) (country code already removed when @cc) into
 * @r, or records why they are no Chinese phone number.
 */
static fd_status classify(fd_phone *r, msg *m, const char *d, size_t n, bool cc)
{
    memset(r, 0, sizeof *r);
    if (n == 0)
        return fd__error(FD_EINVAL, "%s: text: %s has no digits", m->fn, shown(m));
    if (n == 11 && d[0] == '1' && d[1] >= '3') {
        r->kind = FD_PHONE_MOBILE;
    } else if (n == 12 && d[0] == '0' && d[1] == '1' && d[2] >= '3') {
        d++; /* 0 + mobile, as dialled from a landline in another city */
        n--;
        r->kind = FD_PHONE_MOBILE;
    } else if (n == 10 && (memcmp(d, "400", 3) == 0 || memcmp(d, "800", 3) == 0)) {
        r->kind = FD_PHONE_SERVICE;
    } else if (d[0] == '0') {
        return landline(r, m, d, n);
    } else if (cc && n >= 9 && n <= 11) {
        char with_trunk[MAX_DIGITS + 1];
        with_trunk[0] = '0'; /* +86 10 ... : the trunk 0 is dropped after a country code */
        memcpy(with_trunk + 1, d, n);
        return landline(r, m, with_trunk, n + 1);
    } else if (!cc && (((n == 3 || n == 5) && d[0] == '1') ||
                       ((n == 5 || n == 6) && d[0] == '9' && (d[1] == '5' || d[1] == '6')))) {
        r->kind = FD_PHONE_SHORT; /* 110, 12345, 10086, 95555, 96xxx */
        set(r->national, sizeof r->national, d, n);
        set(r->subscriber, sizeof r->subscriber, d, n);
        return FD_OK;
    } else if (!cc && (n == 7 || n == 8) && d[0] >= '2' && d[0] <= '8') {
        r->kind = FD_PHONE_LANDLINE; /* a local number; the area is unknown */
        set(r->national, sizeof r->national, d, n);
        set(r->subscriber, sizeof r->subscriber, d, n);
        return FD_OK;
    } else if (n == 11 && d[0] == '1') {
        return fd__error(FD_EINVAL, "%s: text: %s has 11 digits but does not start with a mobile prefix: "
                         "mobile numbers start 13-19 (1[3-9]xxxxxxxxx), this one starts 1%c", m->fn, shown(m),
                         d[1]);
    } else if (d[0] == '1' && n >= 9 && n <= 13) {
        return fd__error(FD_EINVAL, "%s: text: %s has %zu digits; a mobile number has 11 "
                         "(1[3-9]xxxxxxxxx)", m->fn, shown(m), n);
    } else {
        return fd__error(FD_EINVAL, "%s: text: %s has %zu digits and is not a Chinese phone number: "
                         "expected a mobile (11 digits), a landline (0 + area code + 7 or 8 digits), "
                         "a 400/800 number or a short number", m->fn, shown(m), n);
    }
    set(r->national, sizeof r->national, d, n);
    memcpy(r->e164, "+86", 3);
    set(r->e164 + 3, sizeof r->e164 - 3, d, n);
    set(r->subscriber, sizeof r->subscriber, d, n);
    return FD_OK;
}

/* Public numbers (service, short) as they are; mobiles and landlines masked. Returns the length. */
static size_t mask_into(char m[64], const fd_phone *p)
{
    size_t k = 0;
    if (p->kind == FD_PHONE_MOBILE) {
        memcpy(m, p->national, 3);
        memcpy(m + 3, "****", 4);
        memcpy(m + 7, p->national + 7, 4);
        k = 11;
    } else if (p->kind == FD_PHONE_LANDLINE) {
        size_t al = strlen(p->area_code), sl = strlen(p->subscriber);
        if (al) {
            memcpy(m, p->area_code, al);
            m[al] = '-';
            k = al + 1;
        }
        for (size_t i = 0; i + 4 < sl; i++)
            m[k++] = '*';
        memcpy(m + k, p->subscriber + sl - 4, 4);
        k += 4;
    } else {
        /* Service and short numbers are public: nothing to hide. */
        k = strlen(p->national);
        memcpy(m, p->national, k);
    }
    if (p->extension[0]) {
        size_t el = strlen(p->extension);
        m[k++] = '-';
        memcpy(m + k, p->extension, el);
        k += el;
    }
    m[k] = '\0';
    return k;
}

static fd_status parse(fd_phone *out, const char *fn, const char *text)
{
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text_redacted(fn, "text", text);
    if (rc)
        return rc;
    msg mm = { fn, text, "" }, *m = &mm;
    uint32_t c[MAX_CPS];
    size_t n = 0;
    for (const unsigned char *s = (const unsigned char *)text; *s;) {
        if (n == MAX_CPS)
            return fd__error(FD_EINVAL, "%s: text: %s is too long for a phone number "
                             "(more than %d characters)", m->fn, shown(m), MAX_CPS);
        c[n++] = fd__fold_char(fd__utf8_next(&s), FD__FOLD_WIDTH | FD__FOLD_SPACE | FD__FOLD_DASH);
    }

    /* The extension, after an explicit marker. */
    char ext[MAX_EXT + 1] = "";
    size_t ext_len = 0, main_end = n, at, mlen;
    if (find_extension(c, n, &at, &mlen)) {
        main_end = at;
        for (size_t i = at + mlen; i < n; i++) {
            if (c[i] == ' ' || c[i] == '-' || c[i] == ':' || c[i] == '.')
                continue;
            if (!is_digit(c[i]))
                return bad_char(m, c[i]);
            if (ext_len == MAX_EXT)
                return fd__error(FD_EINVAL, "%s: text: %s: extension: more than %d digits",
                                 m->fn, shown(m), MAX_EXT);
            ext[ext_len++] = (char)c[i];
        }
        ext[ext_len] = '\0';
        if (ext_len == 0)
            return fd__error(FD_EINVAL, "%s: text: %s: extension: no digits after the marker", m->fn,
                             shown(m));
    }

    /* The number: digits and the separators people put between them. */
    char d[MAX_DIGITS + 1];
    size_t nd = 0, last_group = 0;
    bool plus = false, dash_group = false, prev_sep = true;
    for (size_t i = 0; i < main_end; i++) {
        uint32_t ch = c[i];
        if (is_digit(ch)) {
            if (nd == MAX_DIGITS)
                return fd__error(FD_EINVAL, "%s: text: %s has more than %d digits", m->fn, shown(m),
                                 MAX_DIGITS);
            if (prev_sep && nd > 0) {
                last_group = nd;
                dash_group = false;
                for (size_t k = i; k > 0 && !is_digit(c[k - 1]); k--)
                    if (c[k - 1] == '-')
                        dash_group = true;
            }
            prev_sep = false;
            d[nd++] = (char)ch;
        } else if (ch == '+') {
            if (plus || nd > 0)
                return fd__error(FD_EINVAL, "%s: text: %s has '+' after the start", m->fn, shown(m));
            plus = true;
        } else if (ch == ' ' || ch == '-' || ch == '(' || ch == ')' || ch == '.' || ch == '/') {
            prev_sep = true;
        } else {
            return bad_char(m, ch);
        }
    }
    d[nd] = '\0';

    /* The country code: +86, 0086, or 86 before an 11-digit mobile. */
    const char *digits = d;
    size_t len = nd;
    bool cc = false;
    if (plus) {
        if (nd < 2 || memcmp(d, "86", 2) != 0)
            return fd__error(FD_EINVAL, "%s: text: %s has a country code other than +86; only "
                             "Chinese numbers are understood", m->fn, shown(m));
        cc = true;
    } else if (nd > 4 && memcmp(d, "0086", 4) == 0) {
        digits += 2; /* the two 0s are the international prefix */
        len -= 2;
        cc = true;
    } else if (nd == 13 && memcmp(d, "861", 3) == 0 && d[3] >= '3') {
        cc = true;
    }
    if (cc) {
        digits += 2;
        len -= 2;
        if (last_group >= (size_t)(digits - d))
            last_group -= (size_t)(digits - d);
        else
            last_group = 0;
    }

    fd_phone r;
    rc = classify(&r, m, digits, len, cc);
    if (rc && ext_len == 0 && dash_group && last_group > 0 && len - last_group <= MAX_EXT) {
        /* 0755-12345678-8001: a final dash group may be an extension. */
        fd__saved_error first;
        fd__error_save(&first);
        fd_phone r2;
        if (classify(&r2, m, digits, last_group, cc) == FD_OK &&
            ((r2.kind == FD_PHONE_LANDLINE && r2.area_code[0] != '\0') || r2.kind == FD_PHONE_SERVICE)) {
            r = r2;
            ext_len = len - last_group;
            memcpy(ext, digits + last_group, ext_len);
            ext[ext_len] = '\0';
            rc = FD_OK;
        } else {
            rc = fd__error_restore(&first);
        }
    }
    if (rc)
        return rc;
    if (ext_len > 0 && (r.kind == FD_PHONE_SHORT || r.kind == FD_PHONE_MOBILE)) {
        char masked[64];
        mask_into(masked, &r); /* parsed: the module's own mask */
        return fd__error(FD_EINVAL, "%s: text: '%s': extension: a %s number has no extension", fn, masked,
                         fd_phone_kind_name((fd_phone_kind)r.kind));
    }
    memcpy(r.extension, ext, ext_len + 1);
    *out = r;
    return FD_OK;
}

fd_status fd_phone_parse(fd_phone *out, const char *text)
{
    return parse(out, "fd_phone_parse", text);
}

/* R-COM-2: phone numbers are masked in every listing, report and export. */
fd_status fd_phone_mask(fd_buf *out, const char *text)
{
    static const char fn[] = "fd_phone_mask";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    fd__buf_clear(out); /* common.h: a failed call leaves the empty string */
    fd_phone p;
    rc = parse(&p, fn, text);
    if (rc)
        return rc;
    char m[64];
    size_t k = mask_into(m, &p);
    fd__buf_clear(out);
    return fd__buf_put(out, m, k);
}

const char *fd_phone_kind_name(fd_phone_kind kind)
{
    switch (kind) {
    case FD_PHONE_MOBILE: return "mobile";
    case FD_PHONE_LANDLINE: return "landline";
    case FD_PHONE_SERVICE: return "service";
    case FD_PHONE_SHORT: return "short";
    default: return "unknown";
    }
}
