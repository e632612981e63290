/*
 * Masking of input the parsers refuse (R-COM-2): fd_phone_mask,
 * fd_idcard_mask and fd_pii_mask (phone, ID number) on arbitrary bytes.
 * Never a crash; a refusal leaves the buffer empty and a message that does
 * not hold the number (no run of more than 6 digits); fd_pii_mask masks
 * every valid text, as the phone or ID module does when it parses, else
 * keeping at most 3 + 2 characters and never more than half of them.
 */
#include <frontdesk/idcard.h>
#include <frontdesk/phone.h>
#include <frontdesk/pii.h>

#include "fuzz.h"

/* The longest run of digits (ASCII or full-width) in @s. */
static size_t digit_run(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t best = 0, run = 0;
    while (*u) {
        if (*u >= '0' && *u <= '9') {
            run++;
            u++;
        } else if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
            run++;
            u += 3;
        } else {
            run = 0;
            u++;
        }
        best = run > best ? run : best;
    }
    return best;
}

static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* A refusal: an empty buffer and a message that does not give the number away. */
static void refused(fd_status rc, const fd_buf *b)
{
    CHECK(rc != FD_OK);
    fz_after(rc, b);
    CHECK(digit_run(fd_error_last()->message) <= 6);
}

/* fd_pii_mask of a number its module refused: as many characters, at most min(5, n/2) of them kept. */
static void masked_unparsed(const char *in, const fd_buf *out)
{
    size_t n = chars(in), kept = 0;
    CHECK(chars(out->ptr) == n);
    for (const char *p = out->ptr; *p; p++)
        kept += ((unsigned char)*p & 0xC0) != 0x80 && *p != '*';
    CHECK(kept <= (n / 2 < 5 ? n / 2 : 5));
}

/*
 * fd_pii_mask of class @cls: refused for bad UTF-8; else what the module masked
 * (@module, when it @parsed the value), or the mask of an unparsed value.
 */
static void pii_mask(const char *s, bool valid, fd_pii_class cls, bool parsed, const fd_buf *module, fd_buf *m)
{
    fz_stale(m);
    fd_status rc = fd_pii_mask(m, cls, s);
    if (!valid) {
        refused(rc, m);
        return;
    }
    CHECK(rc == FD_OK && fz_valid(m->ptr));
    if (!parsed)
        masked_unparsed(s, m);
    else if (cls == FD_PII_PHONE)
        CHECK(strcmp(m->ptr, module->ptr) == 0);
    else /* the birth date is always hidden: 15 digits keep only their last 3 */
        CHECK(m->size == module->size && digit_run(m->ptr) <= 6 && (m->size == 18 || m->ptr[11] == '*'));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fz_cstr(data, size);
    if (s == NULL)
        return 0;
    bool valid = fz_valid(s);
    fd_buf b = FD_BUF_INIT, m = FD_BUF_INIT;

    /* Phones. */
    fd_phone ph;
    fd_status prc = fd_phone_parse(&ph, s);
    fz_stale(&b);
    fd_status rc = fd_phone_mask(&b, s);
    if (prc == FD_OK) {
        CHECK(rc == FD_OK && b.size > 0 && fz_valid(b.ptr));
        if (ph.kind == FD_PHONE_MOBILE || ph.kind == FD_PHONE_LANDLINE)
            CHECK(strchr(b.ptr, '*') != NULL); /* private digits hidden; public numbers stay */
    } else {
        refused(rc, &b);
    }
    pii_mask(s, valid, FD_PII_PHONE, prc == FD_OK, &b, &m);

    /* ID numbers: fd_idcard_mask checks only the shape. */
    fz_stale(&b);
    rc = fd_idcard_mask(&b, s);
    bool shaped = rc == FD_OK;
    if (shaped) {
        CHECK(b.size == 18 || b.size == 15);
        CHECK(digit_run(b.ptr) <= 6 && strchr(b.ptr, '*') != NULL);
    } else {
        refused(rc, &b);
    }
    pii_mask(s, valid, FD_PII_ID_NUMBER, shaped, &b, &m);

    /* An unknown class is refused, and leaves nothing behind either. */
    fz_stale(&m);
    refused(fd_pii_mask(&m, (fd_pii_class)(size % 7 + 5), s), &m);

    fd_buf_dispose(&b);
    fd_buf_dispose(&m);
    free(s);
    return 0;
}
