/*
 * calls: call-detail records (R-CALL-3 import, R-CALL-1 ring time on the
 * answering leg, R-CALL-8 dropped calls): the four dialects, quoting, time
 * zones, every refusal naming its column, and assembling legs into calls.
 * Sample files: tests/data/cdr/ (README there).
 */
#include "fd_test.h"
#include "frontdesk/calls.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2026-03-02 00:00:00 in Asia/Shanghai, and a time of that day. */
#define DAY 1772380800LL
#define AT(h, m, s) (DAY + (h) * 3600LL + (m) * 60LL + (s))

#define CDR_DIR FD_SOURCE_DIR "/tests/data/cdr/"

/* --- building lines ------------------------------------------------------- */

/* Asterisk cdr_csv, all 21 columns, as the cells of the first leg of the sample transfer. */
static const char *const AST[21] = {
    "\"\"", "\"13812345678\"", "\"8001\"", "\"from-trunk\"", "\"\"\"张三\"\" <13812345678>\"",
    "\"PJSIP/trunk-00000010\"", "\"PJSIP/8001-00000011\"", "\"Dial\"", "\"PJSIP/8001,30,tT\"",
    "\"2026-03-02 09:15:03\"", "\"2026-03-02 09:15:08\"", "\"2026-03-02 09:16:10\"", "67", "62", "\"ANSWERED\"",
    "\"DOCUMENTATION\"", "\"1772414103.16\"", "\"\"", "\"\"", "\"1772414103.16\"", "21",
};

/* mod_cdr_csv "example": a call answered at reception. */
static const char *const FS[15] = {
    "\"赵敏\"", "\"13712345678\"", "\"8001\"", "\"default\"", "\"2026-03-02 08:55:02\"",
    "\"2026-03-02 08:55:09\"", "\"2026-03-02 08:58:41\"", "\"219\"", "\"212\"", "\"NORMAL_CLEARING\"",
    "\"3f6a1c2e-6b1d-4c1e-9a0b-2d6f1e7c8a01\"", "\"8d2b7e44-1f3a-4e55-b0c6-7a9e2f1d3b02\"", "\"\"", "\"PCMA\"",
    "\"PCMA\"",
};

/* The first @n cells of @base joined, with (1-based column, raw cell) overrides ending in 0. */
static const char *vline(const char *const *base, int n, va_list ap)
{
    static char bufs[4][4096];
    static int next;
    const char *cells[32];
    for (int i = 0; i < n; i++)
        cells[i] = base[i];
    for (int col; (col = va_arg(ap, int)) != 0;)
        cells[col - 1] = va_arg(ap, const char *);
    char *b = bufs[next++ % 4];
    size_t used = 0;
    for (int i = 0; i < n; i++)
        used += (size_t)snprintf(b + used, 4096 - used, "%s%s", i ? "," : "", cells[i]);
    return b;
}

static const char *ast(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    const char *s = vline(AST, n, ap);
    va_end(ap);
    return s;
}

static const char *fs(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    const char *s = vline(FS, n, ap);
    va_end(ap);
    return s;
}

/* --- helpers ---------------------------------------------------------------- */

static fd_cdr_parser *parser_in(int dialect, const char *zone, const char *map)
{
    fd_cdr_parser *p = NULL;
    fd_assert_ok(fd_cdr_parser_new(&p, dialect, "pbx1", zone, map));
    cr_assert_not_null(p);
    return p;
}

static fd_cdr_leg *leg_ok(fd_cdr_parser *p, const char *line)
{
    fd_cdr_leg *l = NULL;
    fd_assert_ok(fd_cdr_parse_line(&l, p, line));
    cr_assert_not_null(l, "no leg from '%s'", line);
    fd_assert_ok(fd_cdr_leg_check(l));
    /* one block: the strings follow the struct */
    cr_assert_eq((const void *)l->source, (const void *)(l + 1));
    cr_assert_eq(l->site_id, 0);
    cr_assert_eq(l->staff_id, 0);
    cr_assert_eq(l->imported_at, 0);
    cr_assert_eq(l->id, 0);
    cr_assert_eq(l->call_id, 0);
    return l;
}

static fd_cdr_leg *parse1(int dialect, const char *zone, const char *line)
{
    fd_cdr_parser *p = parser_in(dialect, zone, NULL);
    fd_cdr_leg *l = leg_ok(p, line);
    fd_cdr_parser_free(p);
    return l;
}

/* The line is refused with @code, the message names @needle and holds no phone number. */
static void refused_by(fd_cdr_parser *p, const char *line, fd_status code, const char *needle)
{
    fd_cdr_leg *l = (fd_cdr_leg *)0x1;
    fd_assert_error(fd_cdr_parse_line(&l, p, line), code, needle);
    cr_assert_eq(l, (fd_cdr_leg *)0x1, "the output was written on error");
    cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 7, "a number in '%s'", fd_error_last()->message);
}

static void refused(int dialect, const char *line, fd_status code, const char *needle)
{
    fd_cdr_parser *p = parser_in(dialect, NULL, NULL);
    refused_by(p, line, code, needle);
    fd_cdr_parser_free(p);
}

static fd_call *assemble_ok(fd_cdr_leg **legs, size_t n)
{
    fd_call *c = NULL;
    fd_assert_ok(fd_cdr_assemble(&c, (const fd_cdr_leg *const *)legs, n));
    cr_assert_not_null(c);
    cr_assert_eq((const void *)c->direction, (const void *)(c + 1)); /* one block */
    fd_assert_ok(fd_call_check(c));
    return c;
}

static void free_legs(fd_cdr_leg **legs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fd_cdr_leg_free(legs[i]);
}

/* The two calls are the same record. */
static void same_call(const fd_call *a, const fd_call *b)
{
    cr_assert_str_eq(a->direction, b->direction);
    cr_assert_str_eq(a->caller_number, b->caller_number);
    cr_assert_str_eq(a->caller_name, b->caller_name);
    cr_assert_str_eq(a->callee, b->callee);
    cr_assert_str_eq(a->disposition, b->disposition);
    cr_assert_str_eq(a->line, b->line);
    cr_assert_str_eq(a->source, b->source);
    cr_assert_str_eq(a->source_key, b->source_key);
    cr_assert_str_eq(a->transfers, b->transfers);
    cr_assert_eq(a->ring_at, b->ring_at);
    cr_assert_eq(a->answer_at, b->answer_at);
    cr_assert_eq(a->ring_leg_at, b->ring_leg_at);
    cr_assert_eq(a->end_at, b->end_at);
    cr_assert_eq(a->legs, b->legs);
}

/* The lines of a sample file, without line breaks. */
typedef struct lines {
    char *text[64];
    size_t n;
} lines;

static lines read_lines(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s%s", CDR_DIR, name);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    lines ls = { { 0 }, 0 };
    char buf[8192];
    while (fgets(buf, sizeof buf, f) && ls.n < 64) {
        buf[strcspn(buf, "\n")] = '\0';
        ls.text[ls.n++] = strdup(buf);
    }
    fclose(f);
    return ls;
}

static void free_lines(lines *ls)
{
    for (size_t i = 0; i < ls->n; i++)
        free(ls->text[i]);
}

/* --- dialects and parsers ------------------------------------------------------ */

Test(cdr, R_CALL_3_dialect_names)
{
    const char *names[] = { "asterisk_csv", "asterisk_custom", "freeswitch_csv", "generic" };
    for (int i = 0; i < 4; i++) {
        int d = -1;
        fd_assert_ok(fd_cdr_dialect_from_name(&d, names[i]));
        cr_assert_eq(d, i);
        cr_assert_str_eq(fd_cdr_dialect_name(i), names[i]);
    }
    cr_assert_eq(FD_CDR_ASTERISK_CSV, 0);
    cr_assert_eq(FD_CDR_GENERIC, 3);
    int d = 7;
    fd_assert_error(fd_cdr_dialect_from_name(&d, "cisco"), FD_EINVAL, "asterisk_csv, asterisk_custom");
    cr_assert_eq(d, 7);
    fd_assert_error(fd_cdr_dialect_from_name(&d, NULL), FD_EINVAL, "name");
    cr_assert_str_eq(fd_cdr_dialect_name(4), "");
    cr_assert_str_eq(fd_cdr_dialect_name(-1), "");
}

Test(cdr, R_CALL_3_parser_refuses_bad_settings)
{
    fd_cdr_parser *p = NULL;
    fd_assert_error(fd_cdr_parser_new(&p, 9, "pbx1", NULL, NULL), FD_EINVAL, "dialect");
    fd_assert_error(fd_cdr_parser_new(&p, FD_CDR_ASTERISK_CSV, "PBX 1", NULL, NULL), FD_EINVAL, "source");
    fd_assert_error(fd_cdr_parser_new(&p, FD_CDR_ASTERISK_CSV, "", NULL, NULL), FD_EINVAL, "source");
    fd_assert_error(fd_cdr_parser_new(&p, FD_CDR_ASTERISK_CSV, "pbx1", "Mars/Olympus", NULL), FD_EINVAL,
                    "time_zone");
    fd_assert_error(fd_cdr_parser_new(&p, FD_CDR_ASTERISK_CSV, "pbx1", NULL, "uniqueid=ID"), FD_EINVAL,
                    "column_map");
    fd_assert_error(fd_cdr_parser_new(&p, FD_CDR_GENERIC, "pbx1", NULL, NULL), FD_EINVAL, "column_map");
    fd_assert_error(fd_cdr_parser_new(&p, FD_CDR_GENERIC, "pbx1", NULL,
                                      "uniqueid=ID,start_at=S,end_at=E,disposition=D,colour=Red"),
                    FD_EINVAL, "'colour' is not a leg field");
    fd_assert_error(fd_cdr_parser_new(&p, FD_CDR_GENERIC, "pbx1", NULL, "uniqueid=ID,start_at=S,end_at=E"),
                    FD_EINVAL, "disposition is required");
    fd_assert_error(fd_cdr_parser_new(&p, FD_CDR_GENERIC, "pbx1", NULL,
                                      "uniqueid=ID,start_at=S,end_at=E,disposition=D,src=A,src=B"),
                    FD_EINVAL, "src is mapped twice");
    fd_assert_error(fd_cdr_parser_new(&p, FD_CDR_GENERIC, "pbx1", NULL, "uniqueid,start_at=S,end_at=E,disposition=D"),
                    FD_EINVAL, "is not field=Header");
    cr_assert_null(p);
    fd_assert_error(fd_cdr_parser_new(NULL, FD_CDR_ASTERISK_CSV, "pbx1", NULL, NULL), FD_EINVAL, "out");
    fd_cdr_parser_free(NULL);
}

/* --- Asterisk cdr_csv ------------------------------------------------------------ */

Test(cdr, R_CALL_3_asterisk_csv_21_columns)
{
    fd_cdr_leg *l = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(21, 0));
    cr_assert_str_eq(l->source, "pbx1");
    cr_assert_str_eq(l->dialect, "asterisk_csv");
    cr_assert_str_eq(l->uniqueid, "1772414103.16");
    cr_assert_str_eq(l->linkedid, "1772414103.16");
    cr_assert_str_eq(l->peer, "");
    cr_assert_eq(l->sequence, 21);
    cr_assert_str_eq(l->src, "13812345678");
    cr_assert_str_eq(l->dst, "8001");
    cr_assert_str_eq(l->clid, "\"张三\" <13812345678>"); /* doubled quotes undone */
    cr_assert_str_eq(l->channel, "PJSIP/trunk-00000010");
    cr_assert_str_eq(l->dstchannel, "PJSIP/8001-00000011");
    cr_assert_str_eq(l->lastapp, "Dial");
    cr_assert_eq(l->start_at, AT(9, 15, 3));
    cr_assert_eq(l->answer_at, AT(9, 15, 8));
    cr_assert_eq(l->end_at, AT(9, 16, 10));
    cr_assert_eq(l->duration, 67);
    cr_assert_eq(l->billsec, 62);
    cr_assert_str_eq(l->disposition, "answered");
    fd_cdr_leg_free(l);
}

Test(cdr, R_CALL_3_asterisk_csv_17_and_18_columns_have_a_uniqueid)
{
    for (int n = 17; n <= 18; n++) {
        fd_cdr_leg *l = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(n, 17, "\"1772414103.99\"", 0));
        cr_assert_str_eq(l->uniqueid, "1772414103.99");
        cr_assert_str_eq(l->linkedid, "1772414103.99", "no linkedid: the leg is its own call");
        cr_assert_eq(l->sequence, 0);
        fd_cdr_leg_free(l);
    }
}

Test(cdr, R_CALL_3_asterisk_csv_16_columns_get_a_stable_uniqueid)
{
    fd_cdr_leg *a = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(16, 0));
    fd_cdr_leg *b = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(16, 0)); /* a re-import finds it again */
    fd_cdr_leg *c = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(16, 6, "\"PJSIP/trunk-00000099\"", 0));
    cr_assert_str_eq(a->uniqueid, b->uniqueid);
    cr_assert_str_neq(a->uniqueid, c->uniqueid);
    cr_assert_str_eq(a->linkedid, a->uniqueid);
    cr_assert(strncmp(a->uniqueid, "1772414103-", 11) == 0, "uniqueid '%s'", a->uniqueid);
    cr_assert_eq(a->start_at, AT(9, 15, 3));
    fd_cdr_leg_free(a);
    fd_cdr_leg_free(b);
    fd_cdr_leg_free(c);
}

Test(cdr, R_CALL_3_asterisk_csv_refuses_other_column_counts)
{
    int counts[] = { 1, 15, 19, 20, 22 };
    for (size_t i = 0; i < 5; i++) {
        char line[4096];
        if (counts[i] <= 21)
            snprintf(line, sizeof line, "%s", ast(counts[i], 0));
        else
            snprintf(line, sizeof line, "%s,\"extra\"", ast(21, 0));
        char want[64];
        snprintf(want, sizeof want, "columns: %d, asterisk_csv has 16, 17, 18 or 21", counts[i]);
        refused(FD_CDR_ASTERISK_CSV, line, FD_EINVAL, want);
    }
}

Test(cdr, R_CALL_3_unanswered_and_other_dispositions)
{
    fd_cdr_leg *l = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(21, 11, "", 14, "0", 15, "\"NO ANSWER\"", 0));
    cr_assert_eq(l->answer_at, 0);
    cr_assert_str_eq(l->disposition, "no_answer");
    fd_cdr_leg_free(l);
    l = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(21, 11, "\"\"", 15, "\"BUSY\"", 0)); /* quoted empty too */
    cr_assert_eq(l->answer_at, 0);
    cr_assert_str_eq(l->disposition, "busy");
    fd_cdr_leg_free(l);
    l = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(21, 11, "", 15, "\"FAILED\"", 0));
    cr_assert_str_eq(l->disposition, "failed");
    fd_cdr_leg_free(l);
    l = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(21, 11, "", 15, "\"CONGESTION\"", 0));
    cr_assert_str_eq(l->disposition, "congestion");
    fd_cdr_leg_free(l);
}

Test(cdr, R_CALL_3_quoting)
{
    /* a comma inside quotes, doubled quotes, an unquoted number, spaces outside the quotes, CRLF, a BOM */
    fd_cdr_leg *l = parse1(FD_CDR_ASTERISK_CSV, NULL,
                           ast(21, 5, "\"\"\"北京\"\"东方\"\"物业\"\" <01062345678>\"", 8, "Dial", 6,
                               "  \"PJSIP/trunk-00000010\"  ", 0));
    cr_assert_str_eq(l->clid, "\"北京\"东方\"物业\" <01062345678>");
    cr_assert_str_eq(l->lastapp, "Dial");
    cr_assert_str_eq(l->channel, "PJSIP/trunk-00000010");
    fd_cdr_leg_free(l);
    char line[4096];
    snprintf(line, sizeof line, "\xEF\xBB\xBF%s\r", ast(21, 0));
    l = parse1(FD_CDR_ASTERISK_CSV, NULL, line);
    cr_assert_str_eq(l->uniqueid, "1772414103.16");
    cr_assert_eq(l->sequence, 21);
    fd_cdr_leg_free(l);
}

Test(cdr, R_CALL_3_blank_lines_give_no_leg)
{
    fd_cdr_parser *p = parser_in(FD_CDR_ASTERISK_CSV, NULL, NULL);
    const char *blank[] = { "", "\r", "   ", "\t\r\n" };
    for (size_t i = 0; i < 4; i++) {
        fd_cdr_leg *l = (fd_cdr_leg *)0x1;
        fd_assert_ok(fd_cdr_parse_line(&l, p, blank[i]));
        cr_assert_null(l);
    }
    fd_cdr_leg *l = NULL;
    fd_assert_error(fd_cdr_parse_line(&l, p, NULL), FD_EINVAL, "line");
    fd_assert_error(fd_cdr_parse_line(NULL, p, ""), FD_EINVAL, "out");
    fd_assert_error(fd_cdr_parse_line(&l, NULL, ""), FD_EINVAL, "parser");
    fd_cdr_parser_free(p);
}

/* --- time zones -------------------------------------------------------------------- */

Test(cdr, R_CALL_1_times_in_the_parsers_zone_with_an_offset_or_epoch)
{
    /* Asia/Shanghai is the default; usegmtime=yes files are read with "UTC" */
    fd_cdr_leg *l = parse1(FD_CDR_ASTERISK_CSV, "UTC", ast(21, 0));
    cr_assert_eq(l->start_at, AT(9, 15, 3) + 8 * 3600);
    fd_cdr_leg_free(l);
    const char *same[] = { "\"2026-03-02 09:15:03+08:00\"", "\"2026-03-02T01:15:03Z\"", "\"2026-03-02 09:15:03 +0800\"",
                           "\"2026-03-02 03:15:03+02\"", "1772414103", "\"1772414103.250\"" };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        l = parse1(FD_CDR_ASTERISK_CSV, "America/New_York", ast(21, 10, same[i], 0));
        cr_assert_eq(l->start_at, AT(9, 15, 3), "%s", same[i]);
        fd_cdr_leg_free(l);
    }
    const char *local[] = { "\"2026/3/2 9:15:03\"", "\"2026-03-02 09:15:03.5\"", "\"2026-03-02T09:15:03\"" };
    for (size_t i = 0; i < sizeof local / sizeof local[0]; i++) {
        l = parse1(FD_CDR_ASTERISK_CSV, "Asia/Shanghai", ast(21, 10, local[i], 0));
        cr_assert_eq(l->start_at, AT(9, 15, 3), "%s", local[i]);
        fd_cdr_leg_free(l);
    }
    l = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(21, 10, "\"2026-03-02 09:15\"", 11, "", 15, "\"NO ANSWER\"", 0));
    cr_assert_eq(l->start_at, AT(9, 15, 0), "no seconds: :00");
    fd_cdr_leg_free(l);
}

Test(cdr, R_CALL_1_daylight_saving_gaps_and_repeats_as_fd_instant_from_local)
{
    /* New York: 2026-03-08 02:30 does not exist, 2026-11-01 01:30 happens twice */
    fd_local_time gap = { { 2026, 3, 8 }, 2, 30, 0, 0 }, rep = { { 2026, 11, 1 }, 1, 30, 0, 0 };
    int64_t want_gap, want_rep;
    fd_assert_ok(fd_instant_from_local(&want_gap, "America/New_York", gap));
    fd_assert_ok(fd_instant_from_local(&want_rep, "America/New_York", rep));
    cr_assert_eq(want_gap, 1772955000); /* 03:30 EDT, one gap later */
    cr_assert_eq(want_rep, 1793511000); /* the first 01:30, EDT */
    fd_cdr_leg *l = parse1(FD_CDR_ASTERISK_CSV, "America/New_York",
                           ast(21, 10, "\"2026-03-08 02:30:00\"", 11, "\"2026-03-08 03:30:05\"", 12,
                               "\"2026-03-08 03:31:00\"", 0));
    cr_assert_eq(l->start_at, want_gap);
    cr_assert_eq(l->answer_at, want_gap + 5);
    fd_cdr_leg_free(l);
    l = parse1(FD_CDR_ASTERISK_CSV, "America/New_York",
               ast(21, 10, "\"2026-11-01 01:30:00\"", 11, "\"2026-11-01 01:30:10\"", 12, "\"2026-11-01 01:40:00\"", 0));
    cr_assert_eq(l->start_at, want_rep);
    fd_cdr_leg_free(l);
}

/* --- Asterisk cdr_custom and FreeSWITCH ------------------------------------------------ */

Test(cdr, R_CALL_3_asterisk_custom_sample_mapping)
{
    const char *line = "\"\"\"张三\"\" <13812345678>\",\"13812345678\",\"8001\",\"from-trunk\",\"PJSIP/trunk-00000010\","
                       "\"PJSIP/8001-00000011\",\"Dial\",\"PJSIP/8001,30,tT\",\"2026-03-02 09:15:03\","
                       "\"2026-03-02 09:15:08\",\"2026-03-02 09:16:10\",\"67.412\",\"62.006\",\"ANSWERED\","
                       "\"DOCUMENTATION\",\"\",\"1772414103.16\",\"\",21";
    fd_cdr_leg *l = parse1(FD_CDR_ASTERISK_CUSTOM, NULL, line);
    cr_assert_str_eq(l->dialect, "asterisk_custom");
    cr_assert_str_eq(l->clid, "\"张三\" <13812345678>");
    cr_assert_str_eq(l->src, "13812345678");
    cr_assert_str_eq(l->dst, "8001");
    cr_assert_str_eq(l->channel, "PJSIP/trunk-00000010");
    cr_assert_str_eq(l->dstchannel, "PJSIP/8001-00000011");
    cr_assert_str_eq(l->uniqueid, "1772414103.16");
    cr_assert_str_eq(l->linkedid, "1772414103.16");
    cr_assert_eq(l->sequence, 21);
    cr_assert_eq(l->duration, 67, "high-resolution seconds are cut to whole ones");
    cr_assert_eq(l->billsec, 62);
    cr_assert_eq(l->answer_at, AT(9, 15, 8));
    fd_cdr_leg_free(l);
    refused(FD_CDR_ASTERISK_CUSTOM, ast(21, 0), FD_EINVAL, "columns: 21, asterisk_custom has 19");
}

Test(cdr, R_CALL_3_freeswitch_example_template)
{
    fd_cdr_leg *l = parse1(FD_CDR_FREESWITCH_CSV, NULL, fs(15, 0));
    cr_assert_str_eq(l->dialect, "freeswitch_csv");
    cr_assert_str_eq(l->uniqueid, "3f6a1c2e-6b1d-4c1e-9a0b-2d6f1e7c8a01");
    cr_assert_str_eq(l->peer, "8d2b7e44-1f3a-4e55-b0c6-7a9e2f1d3b02");
    cr_assert_str_eq(l->linkedid, "", "the importer groups FreeSWITCH legs by uuid and bleg_uuid");
    cr_assert_str_eq(l->src, "13712345678");
    cr_assert_str_eq(l->dst, "8001");
    cr_assert_str_eq(l->clid, "\"赵敏\" <13712345678>"); /* as mod_cdr_csv's ${caller_id} */
    cr_assert_str_eq(l->channel, "");
    cr_assert_eq(l->sequence, 0);
    cr_assert_eq(l->start_at, AT(8, 55, 2));
    cr_assert_eq(l->answer_at, AT(8, 55, 9));
    cr_assert_eq(l->duration, 219);
    cr_assert_str_eq(l->disposition, "answered");
    fd_cdr_leg_free(l);
    /* no name: the clid is the number */
    l = parse1(FD_CDR_FREESWITCH_CSV, NULL, fs(15, 1, "\"\"", 0));
    cr_assert_str_eq(l->clid, "13712345678");
    fd_cdr_leg_free(l);
}

Test(cdr, R_CALL_3_freeswitch_builtin_template_and_epoch_times)
{
    /* the module's built-in template: 13 columns, a space before the accountcode's quote */
    char line[4096];
    snprintf(line, sizeof line, "%s, \"\"", fs(12, 0));
    fd_cdr_leg *l = parse1(FD_CDR_FREESWITCH_CSV, NULL, line);
    cr_assert_str_eq(l->peer, "8d2b7e44-1f3a-4e55-b0c6-7a9e2f1d3b02");
    fd_cdr_leg_free(l);
    /* ${start_epoch} and friends: an answer of 0 is "not answered" */
    l = parse1(FD_CDR_FREESWITCH_CSV, "UTC",
               fs(15, 5, "\"1772412902\"", 6, "\"0\"", 7, "\"1772412924\"", 9, "\"0\"", 10, "\"NORMAL_CLEARING\"", 0));
    cr_assert_eq(l->start_at, AT(8, 55, 2));
    cr_assert_eq(l->answer_at, 0);
    cr_assert_str_eq(l->disposition, "cancelled");
    fd_cdr_leg_free(l);
    refused(FD_CDR_FREESWITCH_CSV, fs(14, 0), FD_EINVAL, "columns: 14, freeswitch_csv has 15");
}

/* The disposition table (docs/modules/calls.md, "CDR import"). */
Test(cdr, R_CALL_8_freeswitch_hangup_causes_map_to_dispositions)
{
    static const struct {
        const char *cause;
        bool answered;
        const char *want;
    } cases[] = {
        { "NORMAL_CLEARING", true, "answered" },          { "NORMAL_CLEARING", false, "cancelled" },
        { "ORIGINATOR_CANCEL", false, "cancelled" },      { "USER_BUSY", false, "busy" },
        { "CALL_REJECTED", false, "busy" },               { "NO_ANSWER", false, "no_answer" },
        { "NO_USER_RESPONSE", false, "no_answer" },       { "PROGRESS_TIMEOUT", false, "no_answer" },
        { "LOSE_RACE", false, "no_answer" },              { "NORMAL_CIRCUIT_CONGESTION", false, "congestion" },
        { "UNALLOCATED_NUMBER", false, "failed" },        { "USER_NOT_REGISTERED", false, "failed" },
        { "MEDIA_TIMEOUT", true, "dropped" },             { "MEDIA_TIMEOUT", false, "failed" },
        { "RECOVERY_ON_TIMER_EXPIRE", true, "dropped" }, { "NETWORK_OUT_OF_ORDER", true, "dropped" },
        { "NORMAL_TEMPORARY_FAILURE", true, "dropped" }, { "ALLOTTED_TIMEOUT", true, "answered" },
        { "ATTENDED_TRANSFER", true, "answered" },        { "normal_clearing", true, "answered" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char cause[64];
        snprintf(cause, sizeof cause, "\"%s\"", cases[i].cause);
        const char *line = cases[i].answered ? fs(15, 10, cause, 0) : fs(15, 6, "\"\"", 9, "\"0\"", 10, cause, 0);
        fd_cdr_leg *l = parse1(FD_CDR_FREESWITCH_CSV, NULL, line);
        cr_assert_str_eq(l->disposition, cases[i].want, "%s %s", cases[i].cause,
                         cases[i].answered ? "answered" : "not answered");
        fd_cdr_leg_free(l);
    }
    refused(FD_CDR_FREESWITCH_CSV, fs(15, 10, "\"HUNG_UP_SOMEHOW\"", 0), FD_EINVAL,
            "column 10 (hangup_cause): 'HUNG_UP_SOMEHOW' is not a disposition");
    refused(FD_CDR_FREESWITCH_CSV, fs(15, 10, "\"ANSWERED\"", 0), FD_EINVAL, "column 10 (hangup_cause)");
}

/* --- generic ------------------------------------------------------------------- */

#define GENERIC_MAP                                                                                              \
    "uniqueid=通话编号, src=主叫号码, dst=被叫号码, clid=主叫名称, start_at=开始时间, answer_at=应答时间, "         \
    "end_at=结束时间, disposition=通话结果"

Test(cdr, R_CALL_3_generic_header_and_column_map)
{
    fd_cdr_parser *p = parser_in(FD_CDR_GENERIC, NULL, GENERIC_MAP);
    fd_cdr_leg *l = (fd_cdr_leg *)0x1;
    fd_assert_ok(fd_cdr_parse_line(&l, p, ""));
    cr_assert_null(l);
    fd_assert_ok(fd_cdr_parse_line(&l, p, "备注,通话编号,主叫号码,被叫号码,主叫名称,开始时间,应答时间,结束时间,通话结果"));
    cr_assert_null(l, "the header row gives no leg");
    l = leg_ok(p, "VIP,GW-0001,13812345678,8001,张三,2026-03-02 09:15:03,2026-03-02 09:15:08,2026-03-02 09:16:10,"
                  "ANSWERED");
    cr_assert_str_eq(l->dialect, "generic");
    cr_assert_str_eq(l->uniqueid, "GW-0001");
    cr_assert_str_eq(l->linkedid, "GW-0001");
    cr_assert_str_eq(l->src, "13812345678");
    cr_assert_str_eq(l->clid, "张三");
    cr_assert_eq(l->start_at, AT(9, 15, 3));
    cr_assert_str_eq(l->disposition, "answered");
    fd_cdr_leg_free(l);
    /* the codes themselves and FreeSWITCH causes are taken too */
    l = leg_ok(p, ",GW-0002,13812345678,8001,张三,2026-03-02 10:00:00,2026-03-02 10:00:05,2026-03-02 10:01:00,"
                  "dropped");
    cr_assert_str_eq(l->disposition, "dropped");
    fd_cdr_leg_free(l);
    l = leg_ok(p, ",GW-0003,13812345678,8001,张三,2026-03-02 10:00:00,,2026-03-02 10:01:00,ORIGINATOR_CANCEL");
    cr_assert_str_eq(l->disposition, "cancelled");
    fd_cdr_leg_free(l);
    refused_by(p, ",GW-0004,13812345678,8001,张三,2026-03-02 10:00:00,,2026-03-02 10:01:00", FD_EINVAL,
               "columns: 8, the header row has 9");
    refused_by(p, ",,13812345678,8001,张三,2026-03-02 10:00:00,,2026-03-02 10:01:00,BUSY", FD_EINVAL,
               "column 2 (uniqueid): empty");
    refused_by(p, ",GW-0005,13812345678,8001,张三,2026-03-02 10:00:00,,2026-03-02 10:01:00,dropped", FD_EINVAL,
               "column 9 (disposition): says the leg was answered, but it has no answer time");
    fd_cdr_parser_free(p);
}

Test(cdr, R_CALL_3_generic_header_without_a_mapped_column)
{
    fd_cdr_parser *p = parser_in(FD_CDR_GENERIC, NULL, GENERIC_MAP);
    refused_by(p, "通话编号,主叫号码,被叫号码,主叫名称,开始时间,结束时间,通话结果", FD_EINVAL,
               "no column '应答时间' (column_map: answer_at)");
    /* the header was refused: so is every line after it */
    refused_by(p, "GW-0001,13812345678,8001,张三,2026-03-02 09:15:03,2026-03-02 09:16:10,ANSWERED", FD_EINVAL,
               "header row");
    fd_cdr_parser_free(p);
    p = parser_in(FD_CDR_GENERIC, NULL, "uniqueid=ID,start_at=Start,end_at=End,disposition=Status");
    fd_cdr_leg *l = NULL;
    fd_assert_ok(fd_cdr_parse_line(&l, p, "id,START,end,status")); /* case does not matter */
    l = leg_ok(p, "x1,2026-03-02 09:15:03,2026-03-02 09:16:10,NO ANSWER");
    cr_assert_eq(l->answer_at, 0);
    cr_assert_str_eq(l->src, "");
    fd_cdr_leg_free(l);
    fd_cdr_parser_free(p);
}

/* --- refusals, each naming its column, never echoing a number ------------------------ */

Test(cdr, R_CALL_3_refusals_name_the_column)
{
    int A = FD_CDR_ASTERISK_CSV;
    refused(A, ast(21, 11, "\"2026-03-02 09:15:01\"", 0), FD_EINVAL, "column 11 (answer): before the start");
    refused(A, ast(21, 12, "\"2026-03-02 09:15:05\"", 0), FD_EINVAL, "column 12 (end): before the answer");
    refused(A, ast(21, 11, "", 15, "\"NO ANSWER\"", 12, "\"2026-03-02 09:15:00\"", 0), FD_EINVAL,
            "column 12 (end): before the start");
    refused(A, ast(21, 10, "", 0), FD_EINVAL, "column 10 (start): empty");
    refused(A, ast(21, 12, "\"\"", 0), FD_EINVAL, "column 12 (end): empty");
    refused(A, ast(21, 10, "0", 0), FD_EINVAL, "column 10 (start): empty"); /* 0: a time the PBX did not have */
    refused(A, ast(21, 10, "\"1969-12-31 23:59:59Z\"", 0), FD_ERANGE, "column 10 (start): before 1970");
    refused(A, ast(21, 10, "\"0001-01-01 00:00:00\"", 0), FD_ERANGE, "column 10 (start): before 1970");
    refused(A, ast(21, 10, "\"2026-13-02 09:15:03\"", 0), FD_EINVAL, "column 10 (start): 2026-13-02 is not a real day");
    refused(A, ast(21, 10, "\"2026-02-30 09:15:03\"", 0), FD_EINVAL, "column 10 (start): 2026-02-30 is not a real day");
    refused(A, ast(21, 10, "\"2026-03-02 24:15:03\"", 0), FD_EINVAL,
            "column 10 (start): 24:15:03 is not a time of day");
    refused(A, ast(21, 11, "\"yesterday\"", 0), FD_EINVAL, "column 11 (answer): not a time");
    refused(A, ast(21, 11, "\"2026-03-02 09:15:08+25:00\"", 0), FD_EINVAL, "column 11 (answer): the offset");
    refused(A, ast(21, 12, "\"99999999999999\"", 0), FD_ERANGE, "column 12 (end): a Unix time of more than 12 digits");
    refused(A, ast(21, 12, "\"999999999999\"", 0), FD_ERANGE, "column 12 (end): a Unix time after the year 9999");
    refused(A, ast(21, 13, "\"abc\"", 0), FD_EINVAL, "column 13 (duration): not a whole number");
    refused(A, ast(21, 14, "-5", 0), FD_EINVAL, "column 14 (billsec): not a whole number");
    refused(A, ast(21, 21, "x", 0), FD_EINVAL, "column 21 (sequence): not a whole number");
    refused(A, ast(21, 15, "\"MAYBE\"", 0), FD_EINVAL, "column 15 (disposition): 'MAYBE' is not a disposition");
    refused(A, ast(21, 15, "\"13812345678\"", 0), FD_EINVAL, "column 15 (disposition): not a disposition");
    refused(A, ast(21, 15, "\"dropped\"", 0), FD_EINVAL, "column 15 (disposition)"); /* not an Asterisk word */
    refused(A, ast(21, 11, "", 0), FD_EINVAL, "column 15 (disposition): says the leg was answered");
    refused(A, ast(21, 15, "\"BUSY\"", 0), FD_EINVAL, "column 15 (disposition): says the leg was not answered (busy)");
    refused(A, ast(21, 17, "\"\"", 0), FD_EINVAL, "column 17 (uniqueid): empty");
}

Test(cdr, R_CALL_3_bad_quotes_are_refused)
{
    int A = FD_CDR_ASTERISK_CSV;
    refused(A, ast(21, 5, "\"\"张\"三\" <13812345678>\"", 0), FD_EINVAL, "column 5 (clid): bad quote");
    refused(A, ast(21, 5, "\"\"\"张三\"\" <13812345678>", 0), FD_EINVAL, "bad quote"); /* never closed */
    refused(A, ast(21, 2, "138\"123\"45678", 0), FD_EINVAL, "column 2 (src): bad quote: a quote inside an unquoted");
    refused(A, ast(21, 21, "\"21\"x", 0), FD_EINVAL, "column 21 (sequence): bad quote");
}

Test(cdr, R_CALL_3_text_that_is_not_clean_utf8_is_refused)
{
    int A = FD_CDR_ASTERISK_CSV;
    /* 张三 in GBK, as a Windows PBX console writes it */
    refused(A, ast(21, 5, "\"\"\"\xD5\xC5\xC8\xFD\"\" <13812345678>\"", 0), FD_EINVAL,
            "column 5 (clid): not valid UTF-8");
    refused(A, ast(21, 9, "\"\xD5\xC5\"", 0), FD_EINVAL, "column 9 (lastdata): not valid UTF-8");
    refused(A, ast(21, 5, "\"\"\"张\a三\"\" <13812345678>\"", 0), FD_EINVAL,
            "column 5 (clid): contains a control character (U+0007)");
    refused(A, ast(21, 3, "\"8001\xE2\x80\xAE\"", 0), FD_EINVAL,
            "column 3 (dst): contains a control character (U+202E)");
    char longsrc[128], longclid[256];
    memset(longsrc, '1', 81 + 2);
    longsrc[0] = '"';
    longsrc[82] = '"';
    longsrc[83] = '\0';
    refused(A, ast(21, 2, longsrc, 0), FD_ERANGE, "column 2 (src): 81 bytes, at most 80 allowed");
    memset(longclid, 'a', 203);
    longclid[0] = '"';
    longclid[202] = '"';
    longclid[203] = '\0';
    refused(A, ast(21, 5, longclid, 0), FD_ERANGE, "column 5 (clid): 201 bytes, at most 200 allowed");
}

/* --- assembling calls --------------------------------------------------------------- */

/* The three legs of the sample transfer: 8001 answers, transfers to 8002, who transfers to 8003. */
static void transfer_legs(fd_cdr_leg **legs)
{
    fd_cdr_parser *p = parser_in(FD_CDR_ASTERISK_CSV, NULL, NULL);
    legs[0] = leg_ok(p, ast(21, 0));
    legs[1] = leg_ok(p, ast(21, 3, "\"8002\"", 7, "\"PJSIP/8002-00000012\"", 10, "\"2026-03-02 09:16:10\"", 11,
                            "\"2026-03-02 09:16:21\"", 12, "\"2026-03-02 09:18:02\"", 21, "22", 0));
    legs[2] = leg_ok(p, ast(21, 3, "\"8003\"", 7, "\"PJSIP/8003-00000013\"", 10, "\"2026-03-02 09:18:02\"", 11,
                            "\"2026-03-02 09:18:09\"", 12, "\"2026-03-02 09:21:45\"", 21, "23", 0));
    fd_cdr_parser_free(p);
}

Test(cdr, R_CALL_3_transfer_of_three_legs)
{
    fd_cdr_leg *legs[3];
    transfer_legs(legs);
    fd_call *c = assemble_ok(legs, 3);
    cr_assert_str_eq(c->direction, "in");
    cr_assert_str_eq(c->caller_number, "13812345678");
    cr_assert_str_eq(c->caller_name, "张三");
    cr_assert_eq(c->ring_at, AT(9, 15, 3));
    cr_assert_eq(c->answer_at, AT(9, 15, 8), "the first answer");
    cr_assert_eq(c->ring_leg_at, AT(9, 15, 3));
    cr_assert_str_eq(c->callee, "8003", "who ended up with it");
    cr_assert_str_eq(c->transfers, "8001 > 8002 > 8003");
    cr_assert_eq(c->end_at, AT(9, 21, 45));
    cr_assert_str_eq(c->disposition, "answered");
    cr_assert_str_eq(c->line, "PJSIP/trunk");
    cr_assert_str_eq(c->source, "pbx1");
    cr_assert_str_eq(c->source_key, "1772414103.16");
    cr_assert_eq(c->legs, 3);
    /* not assessed: no policy was applied */
    cr_assert_eq(c->rings, 0);
    cr_assert_eq(c->late, 0);
    cr_assert_str_eq(c->apology, "");
    cr_assert_eq(c->staff_id, 0);
    cr_assert_eq(c->id, 0);
    cr_assert_str_eq(c->category, "");
    fd_call_free(c);
    free_legs(legs, 3);
}

Test(cdr, R_CALL_3_legs_in_any_order_give_the_same_call)
{
    fd_cdr_leg *legs[3];
    transfer_legs(legs);
    fd_call *want = assemble_ok(legs, 3);
    static const int orders[][3] = { { 0, 2, 1 }, { 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };
    for (size_t k = 0; k < 5; k++) {
        fd_cdr_leg *o[3] = { legs[orders[k][0]], legs[orders[k][1]], legs[orders[k][2]] };
        fd_call *c = assemble_ok(o, 3);
        same_call(c, want);
        fd_call_free(c);
    }
    fd_call_free(want);
    free_legs(legs, 3);
}

Test(cdr, R_CALL_8_dropped_call)
{
    fd_cdr_leg *l = parse1(FD_CDR_FREESWITCH_CSV, NULL,
                           fs(15, 1, "\"孙丽\"", 2, "\"020-8765-4321\"", 10, "\"MEDIA_TIMEOUT\"", 0));
    cr_assert_str_eq(l->disposition, "dropped");
    fd_call *c = assemble_ok(&l, 1);
    cr_assert_str_eq(c->disposition, "dropped");
    cr_assert_str_eq(c->direction, "in");
    cr_assert_str_eq(c->caller_number, "02087654321", "normalised");
    cr_assert_str_eq(c->caller_name, "孙丽");
    cr_assert_str_eq(c->callee, "8001");
    cr_assert_str_eq(c->source_key, "3f6a1c2e-6b1d-4c1e-9a0b-2d6f1e7c8a01", "FreeSWITCH: the a-leg uuid");
    cr_assert_eq(c->answer_at, AT(8, 55, 9));
    fd_call_free(c);
    fd_cdr_leg_free(l);
}

Test(cdr, R_CALL_8_a_drop_on_an_earlier_leg_does_not_drop_the_call)
{
    /* FreeSWITCH a-leg answered and dropped, b-leg answered later and ended normally */
    fd_cdr_parser *p = parser_in(FD_CDR_FREESWITCH_CSV, NULL, NULL);
    fd_cdr_leg *legs[2];
    legs[0] = leg_ok(p, fs(15, 7, "\"2026-03-02 08:56:00\"", 10, "\"MEDIA_TIMEOUT\"", 0));
    legs[1] = leg_ok(p, fs(15, 3, "\"8002\"", 5, "\"2026-03-02 08:56:00\"", 6, "\"2026-03-02 08:56:10\"", 11,
                           "\"8d2b7e44-1f3a-4e55-b0c6-7a9e2f1d3b02\"", 12, "\"\"", 0));
    fd_call *c = assemble_ok(legs, 2);
    cr_assert_str_eq(c->disposition, "answered");
    cr_assert_str_eq(c->callee, "8002");
    cr_assert_str_eq(c->transfers, "8001 > 8002");
    fd_call_free(c);
    free_legs(legs, 2);
    fd_cdr_parser_free(p);
}

Test(cdr, R_CALL_1_late_answer_is_timed_on_the_answering_leg)
{
    /* The IVR answers at once; the caller presses 0; reception answers 25 s later.
     * The PBX's own duration − billsec (2 s here) is not what counts. */
    fd_cdr_parser *p = parser_in(FD_CDR_ASTERISK_CSV, NULL, NULL);
    fd_cdr_leg *legs[2];
    legs[1] = leg_ok(p, ast(21, 2, "\"075586543210\"", 3, "\"s\"", 5, "\"\"\"深圳华强贸易 李经理\"\" <075586543210>\"", 6,
                            "\"PJSIP/trunk-00000014\"", 7, "\"\"", 8, "\"BackGround\"", 10,
                            "\"2026-03-02 10:02:11\"", 11, "\"2026-03-02 10:02:11\"", 12, "\"2026-03-02 10:02:20\"",
                            13, "9", 14, "9", 17, "\"1772416931.20\"", 20, "\"1772416931.20\"", 21, "31", 0));
    legs[0] = leg_ok(p, ast(21, 2, "\"075586543210\"", 5, "\"\"\"深圳华强贸易 李经理\"\" <075586543210>\"", 6,
                            "\"PJSIP/trunk-00000014\"", 7, "\"PJSIP/8001-00000015\"", 10, "\"2026-03-02 10:02:20\"", 11,
                            "\"2026-03-02 10:02:45\"", 12, "\"2026-03-02 10:05:31\"", 13, "191", 14, "189", 17,
                            "\"1772416931.20\"", 20, "\"1772416931.20\"", 21, "32", 0));
    fd_call *c = assemble_ok(legs, 2);
    cr_assert_eq(c->ring_at, AT(10, 2, 11), "first ring: the earliest start");
    cr_assert_eq(c->answer_at, AT(10, 2, 45), "answered by a person, not the IVR");
    cr_assert_eq(c->ring_leg_at, AT(10, 2, 20));
    cr_assert_eq(c->answer_at - c->ring_leg_at, 25);
    cr_assert_neq(c->answer_at - c->ring_leg_at, legs[0]->duration - legs[0]->billsec);
    cr_assert_str_eq(c->callee, "8001");
    cr_assert_str_eq(c->transfers, "8001", "the IVR is not a party");
    cr_assert_str_eq(c->caller_number, "075586543210");
    cr_assert_str_eq(c->caller_name, "深圳华强贸易 李经理");
    cr_assert_str_eq(c->disposition, "answered");
    cr_assert_eq(c->rings, 0, "rings are the rules' (fd_call_assess)");
    cr_assert_eq(c->late, 0);
    fd_call_free(c);
    free_legs(legs, 2);
    fd_cdr_parser_free(p);
}

Test(cdr, R_CALL_3_unanswered_internal_outgoing_and_withheld_calls)
{
    fd_cdr_leg *l = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(21, 11, "", 14, "0", 15, "\"NO ANSWER\"", 0));
    fd_call *c = assemble_ok(&l, 1);
    cr_assert_str_eq(c->disposition, "no_answer");
    cr_assert_eq(c->answer_at, 0);
    cr_assert_eq(c->ring_leg_at, 0);
    cr_assert_str_eq(c->callee, "8001", "who it rang for");
    fd_call_free(c);
    fd_cdr_leg_free(l);

    l = parse1(FD_CDR_ASTERISK_CSV, NULL,
               ast(21, 2, "\"8003\"", 5, "\"\"\"财务部 周会计\"\" <8003>\"", 6, "\"PJSIP/8003-00000016\"", 0));
    c = assemble_ok(&l, 1);
    cr_assert_str_eq(c->direction, "internal");
    cr_assert_str_eq(c->caller_number, "8003", "an extension is kept as written");
    cr_assert_str_eq(c->caller_name, "财务部 周会计");
    cr_assert_str_eq(c->line, "PJSIP/8003");
    fd_call_free(c);
    fd_cdr_leg_free(l);

    l = parse1(FD_CDR_ASTERISK_CSV, NULL,
               ast(21, 2, "\"8002\"", 3, "\"13912345678\"", 5, "\"\"\"销售部 陈晨\"\" <8002>\"", 6,
                   "\"PJSIP/8002-0000001c\"", 7, "\"PJSIP/trunk-0000001d\"", 0));
    c = assemble_ok(&l, 1);
    cr_assert_str_eq(c->direction, "out");
    cr_assert_str_eq(c->callee, "139****5678", "an outside number is masked where it is not personal data (R-COM-2)");
    cr_assert_str_eq(c->transfers, "139****5678");
    fd_call_free(c);
    fd_cdr_leg_free(l);

    l = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(21, 2, "\"anonymous\"", 5, "\"\"\"anonymous\"\" <anonymous>\"", 0));
    c = assemble_ok(&l, 1);
    cr_assert_str_eq(c->direction, "in");
    cr_assert_str_eq(c->caller_number, "", "withheld");
    cr_assert_str_eq(c->caller_name, "");
    fd_call_free(c);
    fd_cdr_leg_free(l);

    /* a dst that is text and digits: the digits are starred all the same */
    l = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(21, 3, "\"\"\"王芳\"\" <13987654321>\"", 7, "\"\"", 0));
    c = assemble_ok(&l, 1);
    cr_assert_str_eq(c->callee, "\"王芳\" <139******21>");
    fd_call_free(c);
    fd_cdr_leg_free(l);

    /* a name that is only the number is no name; a src that does not parse is kept raw */
    l = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(21, 2, "\"+4930123456\"", 5, "\"\"\"+4930123456\"\" <+4930123456>\"", 0));
    c = assemble_ok(&l, 1);
    cr_assert_str_eq(c->caller_number, "+4930123456");
    cr_assert_str_eq(c->caller_name, "");
    fd_call_free(c);
    fd_cdr_leg_free(l);
}

Test(cdr, R_CALL_3_freeswitch_legs_are_linked_by_uuid_and_peer)
{
    fd_cdr_parser *p = parser_in(FD_CDR_FREESWITCH_CSV, NULL, NULL);
    fd_cdr_leg *legs[2];
    /* a-leg and b-leg start in the same second; the a-leg names the b-leg */
    legs[0] = leg_ok(p, fs(15, 5, "\"2026-03-02 08:55:02\"", 11, "\"ffff-b\"", 12, "\"\"", 0));
    legs[1] = leg_ok(p, fs(15, 11, "\"0000-a\"", 12, "\"ffff-b\"", 0));
    for (int k = 0; k < 2; k++) {
        fd_cdr_leg *o[2] = { legs[k], legs[1 - k] };
        fd_call *c = assemble_ok(o, 2);
        cr_assert_str_eq(c->source_key, "0000-a");
        cr_assert_eq(c->legs, 2);
        fd_call_free(c);
    }
    free_legs(legs, 2);
    fd_cdr_parser_free(p);
}

Test(cdr, R_CALL_3_assembly_refusals)
{
    fd_cdr_leg *legs[3];
    transfer_legs(legs);
    fd_call *c = (fd_call *)0x1;
    fd_assert_error(fd_cdr_assemble(&c, (const fd_cdr_leg *const *)legs, 0), FD_EINVAL, "no legs");
    fd_assert_error(fd_cdr_assemble(NULL, (const fd_cdr_leg *const *)legs, 3), FD_EINVAL, "out");
    fd_assert_error(fd_cdr_assemble(&c, NULL, 3), FD_EINVAL, "legs");
    const fd_cdr_leg *with_null[2] = { legs[0], NULL };
    fd_assert_error(fd_cdr_assemble(&c, with_null, 2), FD_EINVAL, "legs[1]: NULL");
    const fd_cdr_leg *twice[2] = { legs[0], legs[0] };
    fd_assert_error(fd_cdr_assemble(&c, twice, 2), FD_EINVAL, "the same leg");

    fd_cdr_leg *other = parse1(FD_CDR_ASTERISK_CSV, NULL, ast(21, 17, "\"1772420740.24\"", 20, "\"1772420740.24\"", 0));
    const fd_cdr_leg *two_calls[2] = { legs[0], other };
    fd_assert_error(fd_cdr_assemble(&c, two_calls, 2), FD_EINVAL, "legs of different calls");
    fd_cdr_parser *p2 = NULL;
    fd_assert_ok(fd_cdr_parser_new(&p2, FD_CDR_ASTERISK_CSV, "pbx2", NULL, NULL));
    fd_cdr_leg *elsewhere = leg_ok(p2, ast(21, 21, "24", 0));
    const fd_cdr_leg *two_pbx[2] = { legs[0], elsewhere };
    fd_assert_error(fd_cdr_assemble(&c, two_pbx, 2), FD_EINVAL, "legs of different sources");

    fd_cdr_leg *fa = parse1(FD_CDR_FREESWITCH_CSV, NULL, fs(15, 0));
    fd_cdr_leg *fb = parse1(FD_CDR_FREESWITCH_CSV, NULL, fs(15, 11, "\"9999-x\"", 12, "\"\"", 0));
    const fd_cdr_leg *unlinked[2] = { fa, fb };
    fd_assert_error(fd_cdr_assemble(&c, unlinked, 2), FD_EINVAL, "not linked");
    fd_cdr_leg bad = *legs[0];
    bad.version = 99;
    const fd_cdr_leg *bad_version[1] = { &bad };
    fd_assert_error(fd_cdr_assemble(&c, bad_version, 1), FD_EINVAL, "legs[0]");
    cr_assert_eq(c, (fd_call *)0x1, "the output was written on error");
    fd_cdr_leg_free(other);
    fd_cdr_leg_free(elsewhere);
    fd_cdr_leg_free(fa);
    fd_cdr_leg_free(fb);
    fd_cdr_parser_free(p2);
    free_legs(legs, 3);
}

/* --- the sample files (tests/data/cdr/README) ---------------------------------------- */

typedef struct sample {
    const char *file;
    int dialect;
    const char *map;
    size_t legs;       /* good lines */
    size_t bad_line;   /* 1-based, 0 = none */
    const char *why;   /* in the bad line's message */
} sample;

Test(cdr, R_CALL_3_sample_files_read_as_their_readme_says)
{
    static const sample samples[] = {
        { "asterisk_master.csv", FD_CDR_ASTERISK_CSV, NULL, 11, 0, NULL },
        { "asterisk_master_18.csv", FD_CDR_ASTERISK_CSV, NULL, 4, 0, NULL },
        { "asterisk_master_16.csv", FD_CDR_ASTERISK_CSV, NULL, 3, 0, NULL },
        { "asterisk_custom.csv", FD_CDR_ASTERISK_CUSTOM, NULL, 6, 0, NULL },
        { "freeswitch_master.csv", FD_CDR_FREESWITCH_CSV, NULL, 5, 0, NULL },
        { "generic.csv", FD_CDR_GENERIC,
          "uniqueid=通话编号,src=主叫号码,dst=被叫号码,clid=主叫名称,start_at=开始时间,answer_at=应答时间,"
          "end_at=结束时间,disposition=通话结果",
          3, 0, NULL },
        { "bad_short_line.csv", FD_CDR_ASTERISK_CSV, NULL, 2, 2, "columns: 15" },
        { "bad_quote.csv", FD_CDR_ASTERISK_CSV, NULL, 2, 2, "column 5 (clid): bad quote" },
        { "bad_answer_before_start.csv", FD_CDR_ASTERISK_CSV, NULL, 2, 2, "column 11 (answer): before the start" },
        { "bad_gbk_clid.csv", FD_CDR_ASTERISK_CSV, NULL, 2, 2, "column 5 (clid): not valid UTF-8" },
    };
    for (size_t k = 0; k < sizeof samples / sizeof samples[0]; k++) {
        const sample *sm = &samples[k];
        lines ls = read_lines(sm->file);
        fd_cdr_parser *p = parser_in(sm->dialect, NULL, sm->map);
        fd_cdr_leg *legs[64];
        size_t good = 0;
        for (size_t i = 0; i < ls.n; i++) {
            fd_cdr_leg *l = NULL;
            fd_status rc = fd_cdr_parse_line(&l, p, ls.text[i]);
            if (i + 1 == sm->bad_line) {
                cr_assert_eq(rc, FD_EINVAL, "%s line %zu", sm->file, i + 1);
                cr_assert(strstr(fd_error_last()->message, sm->why), "%s: %s", sm->file, fd_error_last()->message);
                cr_assert_lt(fd_test_digit_run(fd_error_last()->message), 7);
                continue;
            }
            cr_assert_eq(rc, FD_OK, "%s line %zu: %s", sm->file, i + 1, fd_error_last()->message);
            if (l)
                legs[good++] = l;
        }
        cr_assert_eq(good, sm->legs, "%s: %zu legs", sm->file, good);
        /* every leg assembles on its own or with the legs of its linkedid */
        for (size_t i = 0; i < good; i++) {
            const fd_cdr_leg *group[64];
            size_t g = 0;
            bool seen = false;
            for (size_t j = 0; j < good; j++)
                if (strcmp(legs[j]->linkedid, legs[i]->linkedid) == 0 && legs[i]->linkedid[0]) {
                    seen = seen || j < i;
                    group[g++] = legs[j];
                }
            if (seen)
                continue;
            if (g == 0)
                group[g++] = legs[i];
            fd_call *c = NULL;
            fd_assert_ok(fd_cdr_assemble(&c, group, g));
            fd_assert_ok(fd_call_check(c));
            fd_call_free(c);
        }
        free_legs(legs, good);
        fd_cdr_parser_free(p);
        free_lines(&ls);
    }
}

Test(cdr, R_CALL_8_sample_freeswitch_file_has_its_dropped_call)
{
    lines ls = read_lines("freeswitch_master.csv");
    fd_cdr_parser *p = parser_in(FD_CDR_FREESWITCH_CSV, NULL, NULL);
    fd_cdr_leg *l = leg_ok(p, ls.text[1]);
    fd_call *c = assemble_ok(&l, 1);
    cr_assert_str_eq(c->disposition, "dropped");
    cr_assert_str_eq(c->caller_name, "孙丽");
    fd_call_free(c);
    fd_cdr_leg_free(l);
    fd_cdr_parser_free(p);
    free_lines(&ls);
}
