/*
 * Builds a report model from arbitrary bytes and renders it in all three
 * formats. It must never crash; every setter must refuse invalid UTF-8 with
 * FD_EINVAL (so it is never rendered) and accept valid text; and no rendering
 * may carry a raw control character, C1 control, line or paragraph separator
 * or bidi control: only the layout's own line ends (LF in text and JSON,
 * CRLF in CSV, after its BOM).
 *
 * The input is split at 0x00 bytes into pieces: the first three are the
 * report title, a meta value and a section title; every further piece adds a
 * row whose cells take the piece as text, its first bytes as numbers and date,
 * and the piece as a note.
 */
#include <frontdesk/report.h>

#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

static bool valid(const char *s)
{
    return fd__utf8_valid(s, strlen(s));
}

/* The status a text setter must give for @s (empty allowed unless @nonempty). */
static fd_status want(const char *s, bool nonempty)
{
    if (!valid(s))
        return FD_EINVAL;
    if (nonempty && !*s)
        return FD_EINVAL;
    return strlen(s) > FD_REPORT_TEXT_MAX ? FD_ERANGE : FD_OK;
}

static int64_t number(const char *s)
{
    uint64_t v = 0;
    for (size_t i = 0; i < 8 && s[i]; i++)
        v = v << 8 | (unsigned char)s[i];
    return (int64_t)v;
}

/* Checks a rendering: valid UTF-8 of out->size bytes, no unsafe code point, only layout line ends. */
static void check_rendering(const fd_buf *out, fd_report_format format)
{
    CHECK(out->ptr != NULL && strlen(out->ptr) == out->size && fd__utf8_valid(out->ptr, out->size));
    const unsigned char *p = (const unsigned char *)out->ptr, *end = p + out->size;
    if (format == FD_REPORT_CSV) {
        CHECK(out->size >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0);
        p += 3;
    }
    while (p < end) {
        const unsigned char *at = p;
        uint32_t c = fd__utf8_next(&p);
        if (c == '\n') {
            CHECK(format != FD_REPORT_CSV || (at > (const unsigned char *)out->ptr && at[-1] == '\r'));
            CHECK(format != FD_REPORT_JSON || p == end);
            continue;
        }
        if (c == '\r') {
            CHECK(format == FD_REPORT_CSV && p < end && *p == '\n');
            continue;
        }
        CHECK(c >= 0x20 && !(c >= 0x7F && c <= 0x9F) && c != 0x2028 && c != 0x2029 &&
              !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    const char *piece[64];
    size_t n = 0;
    for (size_t i = 0; i <= size && n < 64; i += strlen(text + i) + 1)
        piece[n++] = text + i;
    const char *title = piece[0], *value = n > 1 ? piece[1] : "", *stitle = n > 2 ? piece[2] : "S";

    fd_report *r = NULL;
    fd_status rc = fd_report_new(&r, "fuzz", title);
    CHECK(rc == want(title, true));
    if (rc != FD_OK) {
        CHECK(r == NULL);
        CHECK(fd_report_new(&r, "fuzz", "T") == FD_OK);
    }
    CHECK(fd_report_meta_add(r, "m", "M", value) == want(value, false));
    size_t s = 99, t = 99;
    rc = fd_report_section_add(&s, r, "s", stitle);
    CHECK(rc == want(stitle, true));
    if (rc != FD_OK)
        CHECK(s == 99 && fd_report_section_add(&s, r, "s", "S") == FD_OK);
    CHECK(fd_report_table_add(&t, r, s, "t", value) == want(value, false));
    if (t == 99)
        CHECK(fd_report_table_add(&t, r, s, "t", "") == FD_OK);
    static const fd_report_column_type types[] = { FD_REPORT_COLUMN_TEXT,    FD_REPORT_COLUMN_INT,
                                                    FD_REPORT_COLUMN_FEN,     FD_REPORT_COLUMN_PERCENT,
                                                    FD_REPORT_COLUMN_INSTANT, FD_REPORT_COLUMN_DATE };
    static const char *const keys[] = { "text", "int", "fen", "percent", "instant", "date" };
    rc = fd_report_column_add(r, s, t, keys[0], stitle, types[0]);
    CHECK(rc == want(stitle, true));
    if (rc != FD_OK)
        CHECK(fd_report_column_add(r, s, t, keys[0], "Text", types[0]) == FD_OK);
    for (size_t c = 1; c < 6; c++)
        CHECK(fd_report_column_add(r, s, t, keys[c], keys[c], types[c]) == FD_OK);
    for (size_t i = 3; i < n; i++) {
        const char *p = piece[i];
        int64_t v = number(p);
        CHECK(fd_report_row_add(r, s, t) == FD_OK);
        CHECK(fd_report_cell_text(r, s, t, 0, p) == want(p, false));
        CHECK(fd_report_cell_int(r, s, t, 1, v) == FD_OK);
        CHECK(fd_report_cell_fen(r, s, t, 2, v) == FD_OK);
        CHECK(fd_report_cell_int(r, s, t, 3, v) == FD_OK);
        CHECK(fd_report_cell_instant(r, s, t, 4, v, p) == want(p, false));
        fd_date d = { (int32_t)(v & 0x3FFF), (int32_t)((v >> 14) & 0xF), (int32_t)((v >> 18) & 0x1F) };
        CHECK(fd_report_cell_date(r, s, t, 5, d) == fd_date_check(d));
        CHECK(fd_report_note_add(r, s, p) == want(p, false));
    }
    fd_buf out = FD_BUF_INIT;
    for (int f = FD_REPORT_TEXT; f <= FD_REPORT_CSV; f++) {
        CHECK(fd_report_render(&out, r, (fd_report_format)f) == FD_OK);
        check_rendering(&out, (fd_report_format)f);
    }
    /* Refusals leave nothing behind: an unknown format, a note that is not there. */
    fz_stale(&out);
    fz_after(fd_report_render(&out, r, (fd_report_format)(3 + size % 5)), &out);
    CHECK(out.size == 0);
    fz_stale(&out);
    fd_status nrc = fd_report_note_get(&out, r, s, n);
    CHECK(nrc == FD_ERANGE);
    fz_after(nrc, &out);
    fd_buf_dispose(&out);
    fd_report_free(r);
    free(text);
    return 0;
}
