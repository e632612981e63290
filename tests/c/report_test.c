/*
 * Reports: the model (sections, tables, typed columns, rows, notes), its three
 * renderers with hostile text, bad input, and the daily report (R-COM-4).
 */
#include "fd_test.h"

/* A small model with every column type, a null cell, a note and an empty table. */
static fd_report *sample(void)
{
    fd_report *r = NULL;
    size_t s = 9, t = 9, e = 9;
    fd_assert_ok(fd_report_new(&r, "visitors.monthly", "访客月报 Visitors"));
    fd_assert_ok(fd_report_meta_add(r, "site", "Site", "某某产业园"));
    fd_assert_ok(fd_report_meta_add(r, "month", "Month", "2025-06"));
    fd_assert_ok(fd_report_section_add(&s, r, "visitors.by_gate", "按门岗 By gate"));
    cr_assert_eq(s, 0);
    fd_assert_ok(fd_report_table_add(&t, r, s, "counts", ""));
    cr_assert_eq(t, 0);
    fd_assert_ok(fd_report_column_add(r, s, t, "gate", "门岗 Gate", FD_REPORT_COLUMN_TEXT));
    fd_assert_ok(fd_report_column_add(r, s, t, "visits", "Visits", FD_REPORT_COLUMN_INT));
    fd_assert_ok(fd_report_column_add(r, s, t, "fees", "Fees", FD_REPORT_COLUMN_FEN));
    fd_assert_ok(fd_report_column_add(r, s, t, "share", "Share", FD_REPORT_COLUMN_PERCENT));
    fd_assert_ok(fd_report_column_add(r, s, t, "first", "First", FD_REPORT_COLUMN_INSTANT));
    fd_assert_ok(fd_report_column_add(r, s, t, "day", "Day", FD_REPORT_COLUMN_DATE));
    fd_assert_ok(fd_report_row_add(r, s, t));
    fd_assert_ok(fd_report_cell_text(r, s, t, 0, "东门"));
    fd_assert_ok(fd_report_cell_int(r, s, t, 1, 12));
    fd_assert_ok(fd_report_cell_fen(r, s, t, 2, 123450));
    fd_assert_ok(fd_report_cell_int(r, s, t, 3, 6000));
    fd_assert_ok(fd_report_cell_instant(r, s, t, 4, 1749484800, "2025-06-10 00:00"));
    fd_assert_ok(fd_report_cell_date(r, s, t, 5, (fd_date){ 2025, 6, 10 }));
    fd_assert_ok(fd_report_row_add(r, s, t));
    fd_assert_ok(fd_report_cell_text(r, s, t, 0, "B2 west"));
    fd_assert_ok(fd_report_cell_int(r, s, t, 1, 3));
    fd_assert_ok(fd_report_cell_fen(r, s, t, 2, -5));
    fd_assert_ok(fd_report_cell_int(r, s, t, 3, 1234));
    fd_assert_ok(fd_report_cell_instant(r, s, t, 4, 1749484801, NULL));
    fd_assert_ok(fd_report_note_add(r, s, "截至 18:00"));
    fd_assert_ok(fd_report_section_add(&e, r, "visitors.empty", "Empty"));
    cr_assert_eq(e, 1);
    fd_assert_ok(fd_report_table_add(&t, r, e, "none", "Nothing here"));
    fd_assert_ok(fd_report_column_add(r, e, t, "x", "X", FD_REPORT_COLUMN_TEXT));
    return r;
}

static char *render(const fd_report *r, fd_report_format format)
{
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_report_render(&b, r, format));
    return b.ptr;
}

Test(report, model_reads_back_what_was_built)
{
    fd_report *r = sample();
    fd_report_info info;
    fd_assert_ok(fd_report_get(&info, r));
    cr_assert_str_eq(info.key, "visitors.monthly");
    cr_assert_str_eq(info.title, "访客月报 Visitors");
    cr_assert_eq(info.meta_count, 2);
    cr_assert_eq(info.section_count, 2);
    fd_report_meta_info m;
    fd_assert_ok(fd_report_meta_get(&m, r, 1));
    cr_assert(strcmp(m.key, "month") == 0 && strcmp(m.label, "Month") == 0 && strcmp(m.value, "2025-06") == 0);
    fd_report_section_info s;
    fd_assert_ok(fd_report_section_get(&s, r, 0));
    cr_assert(strcmp(s.key, "visitors.by_gate") == 0 && strcmp(s.title, "按门岗 By gate") == 0);
    cr_assert(s.table_count == 1 && s.note_count == 1);
    fd_report_table_info t;
    fd_assert_ok(fd_report_table_get(&t, r, 0, 0));
    cr_assert(strcmp(t.key, "counts") == 0 && strcmp(t.title, "") == 0);
    cr_assert(t.column_count == 6 && t.row_count == 2);
    fd_report_column_info c;
    fd_assert_ok(fd_report_column_get(&c, r, 0, 0, 2));
    cr_assert(strcmp(c.key, "fees") == 0 && strcmp(c.label, "Fees") == 0 && c.type == FD_REPORT_COLUMN_FEN);
    static const struct {
        size_t row, col;
        int is_null;
        int64_t value;
        const char *text;
    } cells[] = {
        { 0, 0, 0, 0, "东门" },        { 0, 1, 0, 12, "12" },
        { 0, 2, 0, 123450, "1234.50" }, { 0, 3, 0, 6000, "60.00%" },
        { 0, 4, 0, 1749484800, "2025-06-10 00:00" }, { 0, 5, 0, 0, "2025-06-10" },
        { 1, 2, 0, -5, "-0.05" },       { 1, 3, 0, 1234, "12.34%" },
        { 1, 4, 0, 1749484801, "1749484801" }, { 1, 5, 1, 0, "" },
    };
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        fd_report_cell cell;
        fd_assert_ok(fd_report_cell_get(&cell, r, 0, 0, cells[i].row, cells[i].col));
        cr_assert_eq(cell.is_null, cells[i].is_null, "cell %zu", i);
        cr_assert_eq(cell.value, cells[i].value, "cell %zu", i);
        cr_assert_str_eq(cell.text, cells[i].text, "cell %zu", i);
    }
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_report_note_get(&b, r, 0, 0));
    cr_assert_str_eq(b.ptr, "截至 18:00");
    fd_assert_ok(fd_report_table_get(&t, r, 1, 0));
    cr_assert(t.column_count == 1 && t.row_count == 0 && strcmp(t.title, "Nothing here") == 0);
    /* a later set replaces the cell; INT64 extremes format */
    fd_assert_ok(fd_report_cell_fen(r, 0, 0, 2, INT64_MIN));
    fd_report_cell cell;
    fd_assert_ok(fd_report_cell_get(&cell, r, 0, 0, 1, 2));
    cr_assert_str_eq(cell.text, "-92233720368547758.08");
    cr_assert_eq(fd_report_total(r), 0); /* only the daily report counts journal entries */
    fd_buf_dispose(&b);
    fd_report_free(r);
}

Test(report, text_aligns_by_display_width)
{
    fd_report *r = sample();
    char *text = render(r, FD_REPORT_TEXT);
    cr_assert_str_eq(text,
                     "访客月报 Visitors\n"
                     "Site: 某某产业园\n"
                     "Month: 2025-06\n"
                     "\n"
                     "按门岗 By gate\n"
                     "  门岗 Gate  Visits     Fees   Share  First             Day\n"
                     "  ---------  ------  -------  ------  ----------------  ----------\n"
                     "  东门           12  1234.50  60.00%  2025-06-10 00:00  2025-06-10\n"
                     "  B2 west         3    -0.05  12.34%  1749484801\n"
                     "  * 截至 18:00\n"
                     "\n"
                     "Empty\n"
                     "  Nothing here\n"
                     "  X\n"
                     "  -\n"
                     "  (no rows)\n");
    free(text);
    fd_report_free(r);
}

Test(report, json_is_one_typed_object)
{
    fd_report *r = sample();
    char *json = render(r, FD_REPORT_JSON);
    cr_assert_str_eq(json,
                     "{\"key\":\"visitors.monthly\",\"title\":\"访客月报 Visitors\",\"meta\":["
                     "{\"key\":\"site\",\"label\":\"Site\",\"value\":\"某某产业园\"},"
                     "{\"key\":\"month\",\"label\":\"Month\",\"value\":\"2025-06\"}],\"sections\":["
                     "{\"key\":\"visitors.by_gate\",\"title\":\"按门岗 By gate\",\"tables\":["
                     "{\"key\":\"counts\",\"title\":\"\",\"columns\":["
                     "{\"key\":\"gate\",\"label\":\"门岗 Gate\",\"type\":\"text\"},"
                     "{\"key\":\"visits\",\"label\":\"Visits\",\"type\":\"int\"},"
                     "{\"key\":\"fees\",\"label\":\"Fees\",\"type\":\"fen\"},"
                     "{\"key\":\"share\",\"label\":\"Share\",\"type\":\"percent\"},"
                     "{\"key\":\"first\",\"label\":\"First\",\"type\":\"instant\"},"
                     "{\"key\":\"day\",\"label\":\"Day\",\"type\":\"date\"}],\"rows\":["
                     "[\"东门\",12,123450,6000,1749484800,\"2025-06-10\"],"
                     "[\"B2 west\",3,-5,1234,1749484801,null]]}],\"notes\":[\"截至 18:00\"]},"
                     "{\"key\":\"visitors.empty\",\"title\":\"Empty\",\"tables\":["
                     "{\"key\":\"none\",\"title\":\"Nothing here\",\"columns\":["
                     "{\"key\":\"x\",\"label\":\"X\",\"type\":\"text\"}],\"rows\":[]}],\"notes\":[]}]}\n");
    free(json);
    fd_report_free(r);
}

Test(report, csv_has_a_bom_and_one_block_per_table)
{
    fd_report *r = sample();
    char *csv = render(r, FD_REPORT_CSV);
    cr_assert_str_eq(csv,
                     "\xEF\xBB\xBF\"访客月报 Visitors\"\r\n"
                     "\"Site\",\"某某产业园\"\r\n"
                     "\"Month\",\"2025-06\"\r\n"
                     "\r\n"
                     "\"visitors.by_gate/counts\",\"按门岗 By gate\"\r\n"
                     "\"门岗 Gate\",\"Visits\",\"Fees\",\"Share\",\"First\",\"Day\"\r\n"
                     "\"东门\",12,1234.50,60.00%,\"2025-06-10 00:00\",2025-06-10\r\n"
                     "\"B2 west\",3,-0.05,12.34%,\"1749484801\",\r\n"
                     "\r\n"
                     "\"visitors.by_gate/notes\",\"按门岗 By gate\"\r\n"
                     "\"截至 18:00\"\r\n"
                     "\r\n"
                     "\"visitors.empty/none\",\"Empty\",\"Nothing here\"\r\n"
                     "\"X\"\r\n");
    free(csv);
    fd_report_free(r);
}

/* Every piece of hostile text: line breaks, ESC sequences, DEL, C1, U+2028/9, a bidi override. */
#define HOSTILE "a\nb\rc\x1b[2Jd\x7f" "e\xc2\x85" "f\xc2\x9b" "g\xe2\x80\xa8h\xe2\x80\xa9i\xe2\x80\xaej\tk\"l\\m"

static fd_report *hostile(void)
{
    fd_report *r = NULL;
    size_t s = 0, t = 0;
    fd_assert_ok(fd_report_new(&r, "evil", HOSTILE));
    fd_assert_ok(fd_report_meta_add(r, "who", HOSTILE, HOSTILE));
    fd_assert_ok(fd_report_section_add(&s, r, "evil.section", HOSTILE));
    fd_assert_ok(fd_report_table_add(&t, r, s, "t", HOSTILE));
    fd_assert_ok(fd_report_column_add(r, s, t, "text", HOSTILE, FD_REPORT_COLUMN_TEXT));
    fd_assert_ok(fd_report_column_add(r, s, t, "n", "N", FD_REPORT_COLUMN_INT));
    fd_assert_ok(fd_report_column_add(r, s, t, "at", "At", FD_REPORT_COLUMN_INSTANT));
    fd_assert_ok(fd_report_row_add(r, s, t));
    fd_assert_ok(fd_report_cell_text(r, s, t, 0, HOSTILE));
    fd_assert_ok(fd_report_cell_int(r, s, t, 1, -5));
    fd_assert_ok(fd_report_cell_instant(r, s, t, 2, 0, HOSTILE));
    fd_assert_ok(fd_report_note_add(r, s, HOSTILE));
    return r;
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* No raw control or separator survives a renderer; @lines is how many '\n' the layout itself writes. */
static void assert_defused(const char *out, size_t lines)
{
    static const char *const raw[] = { "\r", "\x1b", "\x7f", "\t", "\xc2\x85", "\xc2\x9b", "\xe2\x80\xa8",
                                       "\xe2\x80\xa9", "\xe2\x80\xae" };
    for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++)
        if (i > 0 || strstr(out, "\r\n") == NULL) /* CSV ends its lines with CRLF */
            cr_assert(strstr(out, raw[i]) == NULL, "raw character %zu survived:\n%s", i, out);
    cr_assert_eq(count(out, "\n"), lines, "%s", out);
    cr_assert_eq(count(out, "\r"), strstr(out, "\r\n") ? lines : 0, "%s", out);
}

#define TEXT_ESCAPED "a\\nb\\rc\\x1B[2Jd\\x7Fe\\u0085f\\u009Bg\\u2028h\\u2029i\\u202Ej\\tk\"l\\m"

Test(report, text_escapes_hostile_text)
{
    fd_report *r = hostile();
    char *text = render(r, FD_REPORT_TEXT);
    /* title, meta, blank, section title, table title, heading, rule, one row, one note */
    assert_defused(text, 9);
    cr_assert_eq(count(text, TEXT_ESCAPED), 9, "%s", text); /* every place, the cell twice */
    cr_assert(strstr(text, TEXT_ESCAPED ": " TEXT_ESCAPED "\n") != NULL, "%s", text);
    free(text);
    fd_report_free(r);
}

Test(report, json_escapes_hostile_text_per_rfc_8259)
{
    fd_report *r = hostile();
    char *json = render(r, FD_REPORT_JSON);
    assert_defused(json, 1);
    const char *want = "a\\nb\\rc\\u001B[2Jd\\u007Fe\\u0085f\\u009Bg\\u2028h\\u2029i\\u202Ej\\tk\\\"l\\\\m";
    cr_assert_eq(count(json, want), 8, "%s", json); /* the instant is its number */
    cr_assert(strstr(json, "[\"" "a\\n") != NULL && strstr(json, ",-5,0]") != NULL, "%s", json);
    free(json);
    fd_report_free(r);
}

Test(report, csv_escapes_quotes_and_defuses_formulas)
{
    fd_report *r = hostile();
    char *csv = render(r, FD_REPORT_CSV);
    /* title, meta, blank + block line, heading, row, blank + notes line, note */
    assert_defused(csv, 9);
    const char *want = "\"a\\nb\\rc\\x1B[2Jd\\x7Fe\\u0085f\\u009Bg\\u2028h\\u2029i\\u202Ej\\tk\"\"l\\m\"";
    cr_assert_eq(count(csv, want), 10, "%s", csv);
    cr_assert(strstr(csv, "," "-5,") != NULL, "numbers are never prefixed: %s", csv);
    free(csv);
    fd_report_free(r);

    /* = + - @ at the start of text become text; numbers stay numbers */
    size_t s = 0, t = 0;
    fd_assert_ok(fd_report_new(&r, "f", "=1+1"));
    fd_assert_ok(fd_report_section_add(&s, r, "s", "@SUM(A1)"));
    fd_assert_ok(fd_report_table_add(&t, r, s, "t", ""));
    fd_assert_ok(fd_report_column_add(r, s, t, "a", "-a", FD_REPORT_COLUMN_TEXT));
    fd_assert_ok(fd_report_column_add(r, s, t, "b", "B", FD_REPORT_COLUMN_INT));
    fd_assert_ok(fd_report_column_add(r, s, t, "c", "C", FD_REPORT_COLUMN_FEN));
    fd_assert_ok(fd_report_column_add(r, s, t, "d", "D", FD_REPORT_COLUMN_TEXT));
    fd_assert_ok(fd_report_row_add(r, s, t));
    fd_assert_ok(fd_report_cell_text(r, s, t, 0, "=HYPERLINK(\"http://x\",\"y\")"));
    fd_assert_ok(fd_report_cell_int(r, s, t, 1, -3));
    fd_assert_ok(fd_report_cell_fen(r, s, t, 2, -250));
    fd_assert_ok(fd_report_cell_text(r, s, t, 3, "+86 138"));
    fd_assert_ok(fd_report_note_add(r, s, "-note"));
    csv = render(r, FD_REPORT_CSV);
    cr_assert_str_eq(csv,
                     "\xEF\xBB\xBF\"'=1+1\"\r\n"
                     "\r\n"
                     "\"s/t\",\"'@SUM(A1)\"\r\n"
                     "\"'-a\",\"B\",\"C\",\"D\"\r\n"
                     "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3,-2.50,\"'+86 138\"\r\n"
                     "\r\n"
                     "\"s/notes\",\"'@SUM(A1)\"\r\n"
                     "\"'-note\"\r\n");
    free(csv);
    fd_report_free(r);
}

Test(report, bad_input_is_refused_and_changes_nothing)
{
    fd_report *r = sample(), *none = NULL;
    char *before = render(r, FD_REPORT_JSON);
    size_t i = 77;
    char *big = malloc(FD_REPORT_TEXT_MAX + 2);
    memset(big, 'x', FD_REPORT_TEXT_MAX + 1);
    big[FD_REPORT_TEXT_MAX + 1] = '\0';

    fd_assert_error(fd_report_new(NULL, "k", "t"), FD_EINVAL, "fd_report_new: out");
    fd_assert_error(fd_report_new(&none, "Daily Report", "t"), FD_EINVAL, "fd_report_new: key: 'Daily Report'");
    fd_assert_error(fd_report_new(&none, "", "t"), FD_EINVAL, "key: must not be empty");
    fd_assert_error(fd_report_new(&none, "1st", "t"), FD_EINVAL, "key");
    fd_assert_error(fd_report_new(&none, "k", ""), FD_EINVAL, "title: must not be empty");
    fd_assert_error(fd_report_new(&none, "k", "bad \xff"), FD_EINVAL, "title: not valid UTF-8");
    fd_assert_error(fd_report_new(&none, "k", big), FD_ERANGE, "title");
    cr_assert_null(none);

    fd_assert_error(fd_report_meta_add(NULL, "k", "l", "v"), FD_EINVAL, "report");
    fd_assert_error(fd_report_meta_add(r, "site", "Site", "again"), FD_ECONFLICT, "key: 'site' is taken");
    fd_assert_error(fd_report_meta_add(r, "k", "", "v"), FD_EINVAL, "label");
    fd_assert_error(fd_report_meta_add(r, "k", "l", NULL), FD_EINVAL, "value");
    fd_assert_error(fd_report_meta_add(r, "k", "l", "\xc0\xaf"), FD_EINVAL, "value: not valid UTF-8");

    fd_assert_error(fd_report_section_add(NULL, r, "k", "t"), FD_EINVAL, "out_index");
    fd_assert_error(fd_report_section_add(&i, r, "visitors.by_gate", "t"), FD_ECONFLICT, "taken");
    fd_assert_error(fd_report_section_add(&i, r, "k k", "t"), FD_EINVAL, "key");
    fd_assert_error(fd_report_section_add(&i, r, "k", NULL), FD_EINVAL, "title");
    cr_assert_eq(i, 77);

    fd_assert_error(fd_report_table_add(&i, r, 2, "t", ""), FD_ERANGE, "fd_report_table_add: section: 2 is out of range");
    fd_assert_error(fd_report_table_add(&i, r, 0, "counts", ""), FD_ECONFLICT, "'counts' is taken");
    fd_assert_error(fd_report_table_add(&i, r, 0, "t", "\xed\xa0\x80"), FD_EINVAL, "title"); /* a surrogate */
    cr_assert_eq(i, 77);

    fd_assert_error(fd_report_column_add(r, 0, 0, "k", "K", (fd_report_column_type)9), FD_EINVAL,
                    "fd_report_column_add: type: 9 is not a column type");
    fd_assert_error(fd_report_column_add(r, 0, 0, "k", "K", (fd_report_column_type)-1), FD_EINVAL, "type: -1");
    fd_assert_error(fd_report_column_add(r, 0, 0, "k", "K", FD_REPORT_COLUMN_INT), FD_ESTATE, "has rows already");
    fd_assert_error(fd_report_column_add(r, 1, 0, "x", "X", FD_REPORT_COLUMN_INT), FD_ECONFLICT, "'x' is taken");
    fd_assert_error(fd_report_column_add(r, 1, 0, "y", "", FD_REPORT_COLUMN_INT), FD_EINVAL, "label");
    fd_assert_error(fd_report_column_add(r, 0, 5, "y", "Y", FD_REPORT_COLUMN_INT), FD_ERANGE, "table: 5");

    fd_assert_error(fd_report_row_add(NULL, 0, 0), FD_EINVAL, "report");
    fd_assert_error(fd_report_row_add(r, 9, 0), FD_ERANGE, "section: 9");
    fd_assert_error(fd_report_cell_text(r, 1, 0, 0, "x"), FD_ESTATE, "no row yet");
    fd_assert_error(fd_report_cell_text(r, 0, 0, 1, "x"), FD_EINVAL, "column: 1 ('visits') is of type int, not text");
    fd_assert_error(fd_report_cell_text(r, 0, 0, 6, "x"), FD_ERANGE, "column: 6 is out of range");
    fd_assert_error(fd_report_cell_text(r, 0, 0, 0, "\xff"), FD_EINVAL, "fd_report_cell_text: text: not valid UTF-8");
    fd_assert_error(fd_report_cell_text(r, 0, 0, 0, big), FD_ERANGE, "text");
    fd_assert_error(fd_report_cell_text(r, 0, 0, 0, NULL), FD_EINVAL, "text: must not be NULL");
    fd_assert_error(fd_report_cell_int(r, 0, 0, 2, 1), FD_EINVAL, "is of type fen, not int or percent");
    fd_assert_error(fd_report_cell_fen(r, 0, 0, 1, 1), FD_EINVAL, "is of type int, not fen");
    fd_assert_error(fd_report_cell_instant(r, 0, 0, 5, 1, NULL), FD_EINVAL, "not instant");
    fd_assert_error(fd_report_cell_instant(r, 0, 0, 4, 1, "\xff"), FD_EINVAL, "local: not valid UTF-8");
    fd_assert_error(fd_report_cell_date(r, 0, 0, 5, (fd_date){ 2025, 2, 29 }), FD_EINVAL,
                    "fd_report_cell_date: date:");
    fd_assert_error(fd_report_cell_date(r, 0, 0, 0, (fd_date){ 2025, 2, 28 }), FD_EINVAL, "not date");
    fd_assert_error(fd_report_note_add(r, 2, "n"), FD_ERANGE, "section: 2");
    fd_assert_error(fd_report_note_add(r, 0, "\xff"), FD_EINVAL, "text");

    /* reading */
    fd_report_info info;
    fd_report_meta_info m;
    fd_report_section_info s;
    fd_report_table_info t;
    fd_report_column_info c;
    fd_report_cell cell;
    fd_buf b = FD_BUF_INIT;
    fd_assert_error(fd_report_get(NULL, r), FD_EINVAL, "out");
    fd_assert_error(fd_report_get(&info, NULL), FD_EINVAL, "report");
    fd_assert_error(fd_report_meta_get(&m, r, 2), FD_ERANGE, "index: 2");
    fd_assert_error(fd_report_section_get(&s, r, 2), FD_ERANGE, "section: 2");
    fd_assert_error(fd_report_section_get(NULL, r, 0), FD_EINVAL, "out");
    fd_assert_error(fd_report_table_get(&t, r, 0, 1), FD_ERANGE, "table: 1");
    fd_assert_error(fd_report_column_get(&c, r, 0, 0, 6), FD_ERANGE, "column: 6");
    fd_assert_error(fd_report_cell_get(&cell, r, 0, 0, 2, 0), FD_ERANGE, "row: 2");
    fd_assert_error(fd_report_cell_get(&cell, r, 0, 0, 0, 6), FD_ERANGE, "column: 6");
    fd_assert_error(fd_report_note_get(&b, r, 0, 1), FD_ERANGE, "index: 1");
    fd_assert_error(fd_report_note_get(NULL, r, 0, 0), FD_EINVAL, "out");

    fd_assert_error(fd_report_render(NULL, r, FD_REPORT_TEXT), FD_EINVAL, "out");
    fd_assert_error(fd_report_render(&b, NULL, FD_REPORT_TEXT), FD_EINVAL, "report");
    fd_assert_error(fd_report_render(&b, r, (fd_report_format)7), FD_EINVAL, "format: 7");

    char *after = render(r, FD_REPORT_JSON);
    cr_assert_str_eq(after, before);
    free(after);
    free(before);
    free(big);
    fd_buf_dispose(&b);
    fd_report_free(r);
    fd_report_free(NULL);
    cr_assert_eq(fd_report_total(NULL), 0);
}

Test(report, a_table_without_columns_takes_no_rows)
{
    fd_report *r = NULL;
    size_t s = 0, t = 0;
    fd_assert_ok(fd_report_new(&r, "k", "T"));
    fd_assert_ok(fd_report_section_add(&s, r, "notes.only", "Notes"));
    fd_assert_ok(fd_report_note_add(r, s, ""));
    fd_assert_ok(fd_report_section_add(&s, r, "bare", "Bare"));
    fd_assert_ok(fd_report_table_add(&t, r, s, "t", ""));
    fd_assert_error(fd_report_row_add(r, s, t), FD_ESTATE, "has no columns");
    char *text = render(r, FD_REPORT_TEXT);
    cr_assert_str_eq(text, "T\n\nNotes\n  * \n\nBare\n  (no rows)\n");
    free(text);
    char *csv = render(r, FD_REPORT_CSV);
    cr_assert_str_eq(csv, "\xEF\xBB\xBF\"T\"\r\n\r\n\"notes.only/notes\",\"Notes\"\r\n\"\"\r\n\r\n\"bare/t\",\"Bare\"\r\n\r\n");
    free(csv);
    fd_report_free(r);
}

Test(report, daily_counts_only_the_local_day_R_COM_4)
{
    fd_store *s = NULL;
    int64_t site, clerk;
    /* 2025-06-10 in Shanghai is [2025-06-09T16:00Z, 2025-06-10T16:00Z). */
    const int64_t start = 1749484800;
    fd_actor sys = FD_ACTOR_INIT;
    sys.at = start - 3600;
    fd_site park = FD_SITE_INIT;
    park.code = "park", park.name = "某某产业园";
    fd_staff wang = FD_STAFF_INIT;
    wang.code = "F001", wang.name = "王小丽", wang.role = "clerk";
    fd_assert_ok(fd_store_open(&s, fd_test_path("report"), NULL));
    fd_assert_ok(fd_store_site_add(&site, s, &sys, &park));
    sys.site_id = site;
    fd_assert_ok(fd_store_staff_add(&clerk, s, &sys, &wang));
    fd_actor desk = sys;
    desk.staff_id = clerk;
    struct { fd_actor *who; int64_t at; const char *entity; int64_t id; const char *action, *detail; } day[] = {
        { &desk, start - 1, "call", 1, "log", "前一天" },
        { &desk, start, "call", 2, "log", "零点" },
        { &sys, start + 86399, "shift", 1, "handover", "\"quoted\"\n" },
        { &desk, start + 86400, "call", 3, "log", "第二天" },
    };
    for (size_t i = 0; i < sizeof day / sizeof day[0]; i++) {
        fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
        e.entity = day[i].entity, e.entity_id = day[i].id, e.action = day[i].action, e.detail = day[i].detail;
        day[i].who->at = day[i].at;
        fd_assert_ok(fd_store_journal_add(NULL, s, day[i].who, &e));
    }
    fd_report *r = NULL;
    fd_date d = { 2025, 6, 10 };
    sys.at = start + 90000;
    fd_assert_ok(fd_report_daily_new(&r, s, &sys, d, "en"));
    cr_assert_eq(fd_report_total(r), 2);
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_TEXT));
    cr_assert(strstr(b.ptr, "Daily report\nSite: 某某产业园\nSite code: park\nDate: 2025-06-10\n") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "\nJournal entries: 2\n") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "  2025-06-10 00:00 +08:00  王小丽    call     2  log       零点\n") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "  2025-06-10 23:59 +08:00  (system)  shift    1  handover  \"quoted\"\\n\n") != NULL, "%s",
              b.ptr);
    cr_assert(strstr(b.ptr, "  call    log           1\n") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "前一天") == NULL && strstr(b.ptr, "第二天") == NULL);
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_JSON));
    cr_assert(strstr(b.ptr, "[1749571199,\"(system)\",\"shift\",1,\"handover\",\"\\\"quoted\\\"\\n\"]") != NULL,
              "%s", b.ptr);
    cr_assert(strstr(b.ptr, "{\"key\":\"total\",\"label\":\"Journal entries\",\"value\":\"2\"}") != NULL, "%s", b.ptr);
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_CSV));
    cr_assert(strstr(b.ptr, "\r\n\"journal.entries/rows\",\"Entries\"\r\n") != NULL, "%s", b.ptr);

    /* the model: the journal's three sections first, then the calls, visitors, complaints, repairs and callbacks modules',
     * typed columns, the instant keeps UTC seconds */
    static const char *const keys[] = {
        "journal.by_kind", "journal.by_staff", "journal.entries", "calls.summary", "calls.by_category",
        "calls.by_disposition", "calls.answer_time", "calls.late", "calls.open", "calls.messages",
        "visitors.summary", "visitors.by_purpose", "visitors.by_organisation", "visitors.items",
        "visitors.custody", "visitors.blocklist", "visitors.important", "visitors.on_site", "complaints.summary",
        "complaints.received", "complaints.unanswered", "fees.summary", "repairs.summary", "callbacks.summary"
    };
    fd_report_info info;
    fd_assert_ok(fd_report_get(&info, r));
    cr_assert(strcmp(info.key, "daily") == 0 && info.section_count == 24 && info.meta_count == 6);
    for (size_t i = 0; i < 24; i++) {
        fd_report_section_info sec;
        fd_assert_ok(fd_report_section_get(&sec, r, i));
        cr_assert_str_eq(sec.key, keys[i]);
    }
    fd_report_cell cell;
    fd_assert_ok(fd_report_cell_get(&cell, r, 2, 0, 1, 0));
    cr_assert(cell.value == start + 86399 && strcmp(cell.text, "2025-06-10 23:59 +08:00") == 0, "%s", cell.text);
    /* modules add their sections to the built report */
    size_t mine = 0;
    fd_assert_ok(fd_report_section_add(&mine, r, "parking.summary", "Parking"));
    cr_assert_eq(mine, 24);

    fd_assert_error(fd_report_render(&b, r, (fd_report_format)7), FD_EINVAL, "format");
    fd_buf_dispose(&b);
    fd_report_free(r);
    r = NULL;
    fd_actor nowhere = sys;
    nowhere.site_id = 42;
    fd_assert_error(fd_report_daily_new(&r, s, &nowhere, d, "en"), FD_ENOTFOUND, "site 42");
    fd_assert_error(fd_report_daily_new(&r, s, &sys, (fd_date){ 2025, 2, 29 }, "en"), FD_EINVAL, "date");
    fd_assert_error(fd_report_daily_new(NULL, s, &sys, d, "en"), FD_EINVAL, "out");
    fd_assert_error(fd_report_daily_new(&r, NULL, &sys, d, "en"), FD_EINVAL, "store");
    fd_assert_error(fd_report_daily_new(&r, s, NULL, d, "en"), FD_EINVAL, "actor");
    fd_assert_error(fd_report_daily_new(&r, s, &sys, d, "fr"), FD_EINVAL, "language: 'fr'");
    /* Chinese is the default: titles and headers, with the same keys and values. */
    fd_assert_ok(fd_report_daily_new(&r, s, &sys, d, NULL));
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_TEXT));
    cr_assert(strstr(b.ptr, "日报\n场所: 某某产业园\n场所代码: park\n日期: 2025-06-10\n") != NULL, "%s", b.ptr);
    cr_assert(strstr(b.ptr, "按类别") != NULL && strstr(b.ptr, "经办人") != NULL, "%s", b.ptr);
    fd_buf_dispose(&b);
    fd_report_free(r);
    r = NULL;
    cr_assert_null(r);
    /* A day with nothing in the journal (found by fuzz_cli: it sorted a NULL array, undefined behaviour). */
    fd_assert_ok(fd_report_daily_new(&r, s, &sys, (fd_date){ 2025, 6, 20 }, "en"));
    cr_assert_eq(fd_report_total(r), 0);
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_TEXT));
    cr_assert(strstr(b.ptr, "\nJournal entries: 0\n") != NULL, "%s", b.ptr);
    fd_buf_dispose(&b);
    fd_report_free(r);
    fd_store_close(s);
}

/* The report shows what the actor may see: numbers masked unless revealed (R-COM-2). */
Test(report, daily_masks_personal_data_unless_revealed_R_COM_2)
{
    fd_store *s = NULL;
    int64_t site, boss;
    const int64_t start = 1749484800; /* 2025-06-10 00:00 Shanghai */
    fd_actor sys = FD_ACTOR_INIT;
    sys.at = start;
    fd_site park = FD_SITE_INIT;
    park.code = "park", park.name = "某某产业园";
    fd_staff zhao = FD_STAFF_INIT;
    zhao.code = "M001", zhao.name = "赵主管", zhao.role = "supervisor";
    fd_assert_ok(fd_store_open(&s, fd_test_path("report-mask"), NULL));
    fd_assert_ok(fd_store_site_add(&site, s, &sys, &park));
    sys.site_id = site;
    fd_assert_ok(fd_store_staff_add(&boss, s, &sys, &zhao));
    fd_assert_ok(fd_store_grant_set(s, &sys, "supervisor", FD_GRANT_REVEAL, 1));
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = "call", e.action = "log", e.detail = "业主来电 13912345678，访客身份证 43010219850612301X";
    sys.at = start + 3600;
    fd_assert_ok(fd_store_journal_add(NULL, s, &sys, &e));
    fd_report *r = NULL;
    fd_buf b = FD_BUF_INIT;
    fd_date d = { 2025, 6, 10 };
    fd_assert_ok(fd_report_daily_new(&r, s, &sys, d, "en"));
    for (int f = FD_REPORT_TEXT; f <= FD_REPORT_CSV; f++) {
        fd_assert_ok(fd_report_render(&b, r, (fd_report_format)f));
        cr_assert_null(strstr(b.ptr, "13912345678"), "format %d shows the phone: %s", f, b.ptr);
        cr_assert_null(strstr(b.ptr, "43010219850612301X"), "format %d shows the ID: %s", f, b.ptr);
        cr_assert(strstr(b.ptr, "139****5678") != NULL, "format %d: %s", f, b.ptr);
    }
    fd_report_free(r);
    fd_actor m = sys;
    m.staff_id = boss;
    m.grants = FD_GRANT_REVEAL;
    m.reason = "核对投诉";
    /* The journal keeps its details masked from the start (it is never purged): revealing shows no more. */
    fd_assert_ok(fd_report_daily_new(&r, s, &m, d, "en"));
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_TEXT));
    cr_assert_null(strstr(b.ptr, "13912345678"), "the journal holds no number: %s", b.ptr);
    cr_assert(strstr(b.ptr, "139****5678") != NULL, "%s", b.ptr);
    fd_report_free(r);
    fd_buf_dispose(&b);
    fd_store_close(s);
}

/* Issue 10: within 60 days of the end of the holiday data the daily report says so (R-COM-4, R-CALL-9). */
Test(report, daily_warns_when_the_holiday_data_ends_soon)
{
    fd_store *s = NULL;
    int64_t site;
    fd_actor sys = FD_ACTOR_INIT;
    sys.at = 1795395600; /* 2026-11-23 */
    fd_site park = FD_SITE_INIT;
    park.code = "park", park.name = "某某产业园";
    fd_assert_ok(fd_store_open(&s, fd_test_path("report_cal"), NULL));
    fd_assert_ok(fd_store_site_add(&site, s, &sys, &park));
    sys.site_id = site;
    /* One entry on each day reported (an empty day hits qsort(NULL, 0) in daily.c's day_query, which UBSan flags). */
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = "shift", e.action = "handover";
    sys.at = 1796346000; /* 2026-12-04 09:00 +08:00 */
    fd_assert_ok(fd_store_journal_add(NULL, s, &sys, &e));
    sys.at = 1790816400; /* 2026-10-01 09:00 +08:00 */
    fd_assert_ok(fd_store_journal_add(NULL, s, &sys, &e));
    fd_report *r = NULL;
    fd_buf b = FD_BUF_INIT;
    fd_assert_ok(fd_report_daily_new(&r, s, &sys, (fd_date){ 2026, 12, 4 }, "en"));
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_TEXT));
    cr_assert(strstr(b.ptr, "\nCalendar: holiday data CN-2026.1 ends 2026-12-31, in 27 days: load the official 2027") !=
                  NULL,
              "%s", b.ptr);
    fd_report_free(r);
    fd_assert_ok(fd_report_daily_new(&r, s, &sys, (fd_date){ 2026, 10, 1 }, "en"));
    fd_assert_ok(fd_report_render(&b, r, FD_REPORT_TEXT));
    cr_assert(strstr(b.ptr, "Calendar:") == NULL, "91 days left: no warning\n%s", b.ptr);
    fd_report_free(r);
    fd_buf_dispose(&b);
    fd_store_close(s);
}
