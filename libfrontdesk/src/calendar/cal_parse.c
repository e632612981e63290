/*
 * The holiday data file: a line-based UTF-8 text (docs/modules/calendar.md).
 *
 *   frontdesk-holidays 1             first line that is not blank or a comment
 *   version CN-2026.1                required; printable ASCII, no spaces
 *   region CN                        optional
 *   covers 2024-01-01 2026-12-31     required, before the first day line
 *   extends builtin                  optional: add to the built-in data
 *   scope site|national              optional: a layer of a site's days (default with
 *                                    `extends`) or national data (default without)
 *   business_hours HH:MM-HH:MM,...   optional: the site's business hours
 *   quiet_hours HH:MM-HH:MM,...|none optional: the site's quiet hours
 *   source <text>                    optional, any number
 *   2026-02-14 workday 春节           day lines: DATE KIND NAME [FLAG] [# comment]
 *
 * Malformed input is refused with FD_EDATA and the line number, never guessed at.
 */
#include "calendar/cal_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TOKENS 6

typedef struct parse_ctx {
    const char *fn;
    const char *origin;
    int32_t line;
} parse_ctx;

static fd_status bad(const parse_ctx *c, const char *what, const char *value)
{
    return fd__error(FD_EDATA, "%s: %s line %d: %s '%s'", c->fn, c->origin, (int)c->line, what, value);
}

void fd__cal_file_dispose(fd__cal_file *f)
{
    free(f->entries);
    memset(f, 0, sizeof *f);
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r';
}

/* Splits @s (modified in place) into at most MAX_TOKENS tokens; returns the count or -1 if more. */
static int tokenize(char *s, char **tok)
{
    int n = 0;
    while (*s) {
        while (is_space(*s))
            *s++ = '\0';
        if (*s == '\0')
            break;
        if (n == MAX_TOKENS)
            return -1;
        tok[n++] = s;
        while (*s && !is_space(*s))
            s++;
    }
    return n;
}

static int parse_date(const char *s, int64_t *day)
{
    fd_date d;
    if (strlen(s) != 10)
        return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    d.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    d.month = (s[5] - '0') * 10 + (s[6] - '0');
    d.day = (s[8] - '0') * 10 + (s[9] - '0');
    if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1 ||
        d.day > fd__days_in_month(d.year, d.month))
        return 0;
    *day = fd__days_from_civil(d.year, d.month, d.day);
    return 1;
}

static int looks_like_date(const char *s)
{
    return s[0] >= '0' && s[0] <= '9';
}

static int printable_word(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n == 0 || n >= max)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] <= 32 || (unsigned char)s[i] >= 127)
            return 0;
    return 1;
}

static int cmp_entry(const void *a, const void *b)
{
    const fd__cal_entry *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->line < y->line ? -1 : (x->line > y->line);
}

static fd_status day_line(fd__cal_file *f, const parse_ctx *c, char **tok, int n, int have_covers)
{
    int64_t day;
    if (!parse_date(tok[0], &day))
        return bad(c, "not a date of the form YYYY-MM-DD between 1900 and 2200", tok[0]);
    if (!have_covers)
        return bad(c, "day line before the 'covers' line", tok[0]);
    if (day < f->lo || day > f->hi)
        return bad(c, "date outside the 'covers' range", tok[0]);
    if (n < 3)
        return bad(c, "a day line needs DATE KIND NAME, got too few fields after", tok[0]);
    if (n > 4)
        return bad(c, "too many fields; a day line is DATE KIND NAME [FLAG], extra", tok[4]);
    fd__cal_entry e;
    memset(&e, 0, sizeof e);
    e.day = day;
    e.line = c->line;
    if (strcmp(tok[1], "holiday") == 0)
        e.kind = FD__CAL_KIND_HOLIDAY;
    else if (strcmp(tok[1], "workday") == 0)
        e.kind = FD__CAL_KIND_WORKDAY;
    else if (strcmp(tok[1], "closed") == 0)
        e.kind = FD__CAL_KIND_CLOSED;
    else
        return bad(c, "kind must be holiday, workday or closed, not", tok[1]);
    if (strlen(tok[2]) >= FD__CAL_NAME_MAX)
        return bad(c, "name longer than 63 bytes", tok[2]);
    memcpy(e.name, tok[2], strlen(tok[2]) + 1);
    if (n == 4) {
        if (e.kind != FD__CAL_KIND_HOLIDAY)
            return bad(c, "only a holiday line takes a flag, not", tok[3]);
        if (strcmp(tok[3], "statutory") == 0)
            e.flags = FD__CAL_F_STATUTORY;
        else if (strcmp(tok[3], "in_lieu") == 0)
            e.flags = FD__CAL_F_IN_LIEU;
        else
            return bad(c, "flag must be statutory or in_lieu, not", tok[3]);
    }
    if (f->count == f->cap) {
        if (f->cap >= FD__CAL_MAX_ENTRIES)
            return bad(c, "more than 200000 day lines at", tok[0]);
        size_t cap = f->cap ? f->cap * 2 : 128;
        fd__cal_entry *p = realloc(f->entries, cap * sizeof *p);
        if (p == NULL)
            return fd__oom(c->fn);
        f->entries = p;
        f->cap = cap;
    }
    f->entries[f->count++] = e;
    return FD_OK;
}

static fd_status header_line(fd__cal_file *f, const parse_ctx *c, char **tok, int n, int *have_version,
                             int *have_covers, int have_days)
{
    const char *key = tok[0];
    if (strcmp(key, "source") == 0)
        return FD_OK;
    if (have_days)
        return bad(c, "header line after the first day line", key);
    if (strcmp(key, "version") == 0) {
        if (n != 2 || !printable_word(tok[1], sizeof f->version))
            return bad(c, "'version' takes one word of printable ASCII, up to 63 bytes, got", n > 1 ? tok[1] : "");
        if (*have_version)
            return bad(c, "second 'version' line", tok[1]);
        memcpy(f->version, tok[1], strlen(tok[1]) + 1);
        *have_version = 1;
    } else if (strcmp(key, "region") == 0) {
        if (n != 2 || !printable_word(tok[1], sizeof f->region))
            return bad(c, "'region' takes one word of printable ASCII, up to 31 bytes, got", n > 1 ? tok[1] : "");
        memcpy(f->region, tok[1], strlen(tok[1]) + 1);
    } else if (strcmp(key, "covers") == 0) {
        if (n != 3)
            return bad(c, "'covers' takes two dates FIRST LAST, got", n > 1 ? tok[1] : "");
        if (*have_covers)
            return bad(c, "second 'covers' line", tok[1]);
        if (!parse_date(tok[1], &f->lo))
            return bad(c, "not a date of the form YYYY-MM-DD between 1900 and 2200", tok[1]);
        if (!parse_date(tok[2], &f->hi))
            return bad(c, "not a date of the form YYYY-MM-DD between 1900 and 2200", tok[2]);
        if (f->hi < f->lo)
            return bad(c, "'covers' ends before it starts", tok[2]);
        if (f->hi - f->lo > 366 * 60)
            return bad(c, "'covers' spans more than 60 years, up to", tok[2]);
        *have_covers = 1;
    } else if (strcmp(key, "extends") == 0) {
        if (n != 2 || strcmp(tok[1], "builtin") != 0)
            return bad(c, "'extends' takes only 'builtin', got", n > 1 ? tok[1] : "");
        f->extends = 1;
    } else if (strcmp(key, "scope") == 0) {
        if (n != 2 || (strcmp(tok[1], "site") != 0 && strcmp(tok[1], "national") != 0))
            return bad(c, "'scope' takes 'site' or 'national', got", n > 1 ? tok[1] : "");
        if (f->scope)
            return bad(c, "second 'scope' line", tok[1]);
        f->scope = strcmp(tok[1], "site") == 0 ? FD__CAL_SCOPE_SITE : FD__CAL_SCOPE_NATIONAL;
    } else if (strcmp(key, "business_hours") == 0 || strcmp(key, "quiet_hours") == 0) {
        int quiet = key[0] == 'q';
        char *dst = quiet ? f->quiet_hours : f->business_hours;
        if (n != 2 || strlen(tok[1]) >= sizeof f->business_hours)
            return bad(c, "hours take one list HH:MM-HH:MM,... without spaces, got", n > 1 ? tok[1] : "");
        if (quiet ? f->has_quiet : dst[0] != '\0')
            return bad(c, "second hours line", key);
        snprintf(dst, sizeof f->business_hours, "%s", quiet && strcmp(tok[1], "none") == 0 ? "" : tok[1]);
        *(quiet ? &f->quiet_line : &f->business_line) = c->line;
        if (quiet)
            f->has_quiet = 1;
    } else {
        return bad(c,
                   "unknown line; expected version, region, covers, extends, scope, business_hours, quiet_hours, "
                   "source or a day line, got",
                   key);
    }
    return FD_OK;
}

fd_status fd__cal_parse(fd__cal_file *out, const char *fn, const char *origin, const char *text, size_t len)
{
    fd__cal_file f;
    memset(&f, 0, sizeof f);
    memset(out, 0, sizeof *out);
    parse_ctx c = { fn, origin, 0 };
    int have_magic = 0, have_version = 0, have_covers = 0;
    char buf[1024];
    fd_status rc = FD_OK;
    size_t pos = 0;
    while (pos < len && rc == FD_OK) {
        size_t end = pos;
        while (end < len && text[end] != '\n')
            end++;
        size_t n = end - pos;
        c.line++;
        const char *raw = text + pos;
        pos = end + 1;
        if (memchr(raw, '\0', n) != NULL) {
            rc = bad(&c, "NUL byte in line", "\\0");
            break;
        }
        if (!fd__utf8_valid(raw, n)) {
            rc = fd__error(FD_EDATA, "%s: %s line %d: not valid UTF-8", fn, origin, (int)c.line);
            break;
        }
        if (n >= sizeof buf) {
            rc = fd__error(FD_EDATA, "%s: %s line %d: longer than %zu bytes", fn, origin, (int)c.line,
                           sizeof buf - 1);
            break;
        }
        memcpy(buf, raw, n);
        buf[n] = '\0';
        char *hash = strchr(buf, '#');
        if (hash)
            *hash = '\0';
        char *tok[MAX_TOKENS];
        int nt = tokenize(buf, tok);
        if (nt == 0)
            continue;
        if (nt < 0) {
            rc = fd__error(FD_EDATA, "%s: %s line %d: more than %d fields", fn, origin, (int)c.line, MAX_TOKENS);
            break;
        }
        if (!have_magic) {
            if (nt != 2 || strcmp(tok[0], "frontdesk-holidays") != 0 || strcmp(tok[1], "1") != 0) {
                rc = bad(&c, "expected the format line 'frontdesk-holidays 1', got", tok[0]);
                break;
            }
            have_magic = 1;
            continue;
        }
        if (looks_like_date(tok[0]))
            rc = day_line(&f, &c, tok, nt, have_covers);
        else
            rc = header_line(&f, &c, tok, nt, &have_version, &have_covers, f.count > 0);
    }
    if (rc == FD_OK) {
        c.line++;
        if (!have_magic)
            rc = bad(&c, "no format line 'frontdesk-holidays 1' before", "end of data");
        else if (!have_version)
            rc = bad(&c, "no 'version' line before", "end of data");
        else if (!have_covers)
            rc = bad(&c, "no 'covers' line before", "end of data");
        else if (f.scope == FD__CAL_SCOPE_SITE && !f.extends)
            rc = bad(&c, "'scope site' is a layer on national data and needs 'extends builtin' before", "end of data");
        else if (f.scope == 0)
            f.scope = f.extends ? FD__CAL_SCOPE_SITE : FD__CAL_SCOPE_NATIONAL;
    }
    if (rc == FD_OK && f.count > 1) {
        fd__qsort(f.entries, f.count, sizeof *f.entries, cmp_entry);
        for (size_t i = 1; i < f.count; i++) {
            if (f.entries[i].day == f.entries[i - 1].day) {
                fd_date d = fd__civil_from_days(f.entries[i].day);
                rc = fd__error(FD_EDATA, "%s: %s line %d: date '%04d-%02d-%02d' already given on line %d", fn,
                               origin, (int)f.entries[i].line, (int)d.year, (int)d.month, (int)d.day,
                               (int)f.entries[i - 1].line);
                break;
            }
        }
    }
    if (rc) {
        fd__cal_file_dispose(&f);
        return rc;
    }
    *out = f;
    return FD_OK;
}
