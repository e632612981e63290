/*
 * What the CDR fuzz targets share (fuzz_cdr_*.c, one per dialect): the input
 * is a file of lines. An optional first line "@0", "@1" or "@2" picks the
 * parser's zone (Asia/Shanghai, America/New_York with its DST changes, UTC);
 * for the generic dialect an optional next line "#<column map>" replaces the
 * fixed map. Every line is parsed; then each leg is assembled alone, and the
 * legs of each linkedid (and, for FreeSWITCH, all legs) together.
 *
 * Checked: nothing crashes or leaks (ASan); a refusal has a status and a
 * valid UTF-8 message that never holds a run of 7 digits (a phone number,
 * R-COM-2; except header errors quoting a fuzzed map); *out is left alone on
 * error; a leg is one block that fd_cdr_leg_check() accepts, with
 * start <= answer <= end, a known disposition that agrees with the answer;
 * a leg alone always assembles; a call passes fd_call_check(), starts at its
 * earliest leg, answers no earlier than its answering leg started, ends no
 * earlier than it started and counts its legs.
 */
#ifndef FD_FUZZ_CDR_H
#define FD_FUZZ_CDR_H

#include <frontdesk/calls.h>

#include "fuzz.h"

#define FZ_CDR_MAX_LEGS 64

static const char *const FZ_CDR_ZONES[] = { "Asia/Shanghai", "America/New_York", "UTC" };

static const char FZ_CDR_GENERIC_MAP[] =
    "uniqueid=ID,src=Src,dst=Dst,clid=Name,start_at=Start,answer_at=Answer,end_at=End,disposition=Status,"
    "linkedid=Link,peer=Peer,sequence=Seq,duration=Dur,billsec=Bill,channel=Chan,dstchannel=DChan,lastapp=App";

static size_t fz_digit_run(const char *s)
{
    size_t best = 0, run = 0;
    for (; *s; s++) {
        run = (*s >= '0' && *s <= '9') ? run + 1 : 0;
        best = run > best ? run : best;
    }
    return best;
}

static bool fz_known_disposition(const char *d)
{
    static const char *const codes[] = { "answered", "no_answer", "busy", "failed", "congestion", "cancelled",
                                         "dropped" };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (strcmp(d, codes[i]) == 0)
            return true;
    return false;
}

static void fz_check_error(fd_status rc, bool digits_ok)
{
    fz_status(rc);
    CHECK(rc != FD_OK);
    CHECK(digits_ok || fz_digit_run(fd_error_last()->message) < 7);
}

static void fz_check_leg(const fd_cdr_leg *l, int dialect)
{
    CHECK(fd_cdr_leg_check(l) == FD_OK);
    CHECK((const void *)l->source == (const void *)(l + 1));
    CHECK(strcmp(l->dialect, fd_cdr_dialect_name(dialect)) == 0);
    CHECK(strcmp(l->source, "pbx1") == 0);
    CHECK(l->uniqueid[0] != '\0');
    CHECK(l->start_at <= l->end_at);
    CHECK(l->answer_at == 0 || (l->start_at <= l->answer_at && l->answer_at <= l->end_at));
    CHECK(fz_known_disposition(l->disposition));
    bool says = strcmp(l->disposition, "answered") == 0 || strcmp(l->disposition, "dropped") == 0;
    CHECK(says == (l->answer_at != 0));
    CHECK(l->duration >= 0 && l->billsec >= 0 && l->sequence >= 0);
    CHECK(dialect == FD_CDR_FREESWITCH_CSV ? l->linkedid[0] == '\0' : l->linkedid[0] != '\0');
    CHECK(l->site_id == 0 && l->staff_id == 0 && l->imported_at == 0 && l->call_id == 0 && l->id == 0);
}

static void fz_check_call(const fd_call *c, const fd_cdr_leg *const *legs, size_t n)
{
    CHECK(fd_call_check(c) == FD_OK);
    CHECK((const void *)c->direction == (const void *)(c + 1));
    CHECK(c->legs == (int64_t)n);
    CHECK(fz_known_disposition(c->disposition));
    CHECK(strcmp(c->direction, "in") == 0 || strcmp(c->direction, "out") == 0 ||
          strcmp(c->direction, "internal") == 0);
    int64_t first = INT64_MAX, last = INT64_MIN;
    for (size_t i = 0; i < n; i++) {
        first = legs[i]->start_at < first ? legs[i]->start_at : first;
        last = legs[i]->end_at > last ? legs[i]->end_at : last;
    }
    CHECK(c->ring_at == first && c->end_at == last && c->ring_at <= c->end_at);
    CHECK((c->answer_at == 0) == (c->ring_leg_at == 0));
    CHECK(c->answer_at == 0 || (c->ring_at <= c->ring_leg_at && c->ring_leg_at <= c->answer_at));
    CHECK(c->rings == 0 && c->late == 0 && c->over_limit == 0 && c->staff_id == 0);
    CHECK(strcmp(c->source, "pbx1") == 0);
}

static void fz_assemble(const fd_cdr_leg *const *legs, size_t n, bool must)
{
    fd_call *c = (fd_call *)0x1;
    fd_status rc = fd_cdr_assemble(&c, legs, n);
    if (rc == FD_OK) {
        fz_check_call(c, legs, n);
        fd_call_free(c);
        return;
    }
    CHECK(!must);
    CHECK(c == (fd_call *)0x1);
    fz_check_error(rc, false);
}

static int fz_cdr(const uint8_t *data, size_t size, int dialect)
{
    char *text = fz_cstr(data, size);
    if (text == NULL)
        return 0;
    char *line = text, *next;
    const char *zone = FZ_CDR_ZONES[0];
    if (line[0] == '@' && line[1] >= '0' && line[1] <= '2' && (line[2] == '\n' || line[2] == '\0')) {
        zone = FZ_CDR_ZONES[line[1] - '0'];
        line += line[2] ? 3 : 2;
    }
    const char *map = dialect == FD_CDR_GENERIC ? FZ_CDR_GENERIC_MAP : NULL;
    bool fuzzed_map = false;
    if (dialect == FD_CDR_GENERIC && line[0] == '#') {
        next = strchr(line, '\n');
        if (next)
            *next = '\0';
        map = line + 1;
        fuzzed_map = true;
        line = next ? next + 1 : line + strlen(line);
    }
    fd_cdr_parser *p = (fd_cdr_parser *)0x1;
    fd_status rc = fd_cdr_parser_new(&p, dialect, "pbx1", zone, map);
    if (rc) {
        CHECK(fuzzed_map && p == (fd_cdr_parser *)0x1);
        fz_check_error(rc, true);
        free(text);
        return 0;
    }
    fd_cdr_leg *legs[FZ_CDR_MAX_LEGS];
    size_t n = 0;
    for (; *line && n < FZ_CDR_MAX_LEGS; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        else
            next = line + strlen(line);
        fd_cdr_leg *l = (fd_cdr_leg *)0x1;
        rc = fd_cdr_parse_line(&l, p, line);
        if (rc) {
            CHECK(l == (fd_cdr_leg *)0x1);
            /* header-row errors may quote the (fuzzed) map's header names */
            fz_check_error(rc, fuzzed_map && strstr(fd_error_last()->message, "header row") != NULL);
            continue;
        }
        if (l == NULL)
            continue;
        fz_check_leg(l, dialect);
        legs[n++] = l;
    }
    const fd_cdr_leg *const *all = (const fd_cdr_leg *const *)legs;
    for (size_t i = 0; i < n; i++)
        fz_assemble(&all[i], 1, true);
    /* the legs of each linkedid together (FreeSWITCH: all of them, linked or not) */
    const fd_cdr_leg *group[FZ_CDR_MAX_LEGS];
    for (size_t i = 0; i < n; i++) {
        size_t g = 0;
        bool seen = false;
        for (size_t j = 0; j < n; j++)
            if (strcmp(legs[j]->linkedid, legs[i]->linkedid) == 0) {
                seen = seen || j < i;
                group[g++] = legs[j];
            }
        if (!seen && g > 1)
            fz_assemble(group, g, false);
    }
    for (size_t i = 0; i < n; i++)
        fd_cdr_leg_free(legs[i]);
    fd_cdr_parser_free(p);
    free(text);
    return 0;
}

#endif
