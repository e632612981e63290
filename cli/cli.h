/*
 * The frontdesk command's shared parts: the parsed command line, the open
 * site and actor, and the helpers every command file uses (cli/frontdesk.c
 * holds main, the foundation's commands and the command tables; each domain
 * module's commands are in their own file, e.g. cli/calls.c).
 */
#ifndef FRONTDESK_CLI_H
#define FRONTDESK_CLI_H

#include <frontdesk.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Value options of the domain commands ("--matter TEXT"), in the order of cli.extra. */
#define CLI_EXTRA_MAX 192
extern const char *const CLI_EXTRA[];
/* Options without a value ("--read-back"), bit i of cli.flags. */
extern const char *const CLI_FLAGS[];

typedef struct cli {
    const char *db;
    const char *site_code;
    int json;
    int read_only;
    int utc;
    int add_site;
    int argc;
    char **argv; /* positional arguments, options removed */
    /* options that take a value, found anywhere after the command */
    const char *name, *code, *tz, *role, *staff, *detail, *date, *entity, *id, *at, *reveal, *search, *lang;
    /* the domain commands' options (calls ...): values by flag, see opt() and flag() */
    const char *extra[CLI_EXTRA_MAX];
    unsigned long flags; /* bit i: CLI_FLAGS[i] was given */
} cli;

/* The open database, the site, and the actor every command acts as. */
typedef struct ctx {
    fd_store *store;
    fd_site *site;
    fd_actor actor;
    fd_buf buf; /* scratch for formatted times */
    int utc;    /* --utc: times shown in UTC */
} ctx;

/* The value given with a domain option such as "--matter", or NULL. */
const char *opt(const cli *c, const char *flag);
/* Whether a valueless domain option such as "--read-back" was given. */
bool flag(const cli *c, const char *flag);

/* Prints "frontdesk: MSG (see --help)" on stderr; returns 2 (a usage error). */
int usage_error(const char *msg);
/* Prints the library's last error on one line; returns 1. */
int lib_error(fd_status rc);
/* A JSON string literal of @s on stdout. */
void json_string(const char *s);
/* @s for a terminal: controls and bidi characters escaped. */
void plain(const char *s);
/* "s" for an English plural of @n ("1 visit", "2 visits"), else "". */
const char *plural(int64_t n);
/* A decimal int64 filling the whole string: 1, else 0. */
int parse_int(const char *s, int64_t *out);
/* Every time option's one reading, its messages naming the option @name: "@SECONDS" (UTC); "YYYY-MM-DD
 * HH:MM[:SS]" site time ('/' in the date, 'T' before the time, an offset such as +08:00 read too); "HH:MM[:SS]"
 * alone on the site's day of @ref; full-width digits read. 0, or a usage error (2): "no such date" ... */
int parse_time(const char *name, const char *text, const fd_site *site, int64_t ref, int64_t *out);
/* A date option "YYYY-MM-DD" or "YYYY/MM/DD" (full-width digits read): 0, or a usage error (2) naming @name. */
int parse_date(const char *name, const char *text, fd_date *out);
/* --date: the site's local day [*from, *to): 0, else 1 or 2. */
int day_range(const cli *c, ctx *x, int64_t *from, int64_t *to);
/* The site's local day @d as [*from, *to): 0, else 1. */
int date_range(ctx *x, fd_date d, int64_t *from, int64_t *to);
/* @text with full-width digits and letters made ASCII (NFKC), in @buf; @text itself when that fails. */
const char *ascii_form(fd_buf *buf, const char *text);
/* A positive id as typed, full-width digits read: 0, else a usage error (2) naming @what. */
int id_arg(const char *s, const char *what, int64_t *out);
/* The time option @name when given, as parse_time reads it ('HH:MM' alone: the actor's day): 0 or 2. */
int time_opt(const cli *c, ctx *x, const char *name, int64_t *out);
/* @text (skipped when NULL) as a code of list @field by @parser (fd_call_code_parse ...), kept in @buf:
 * *out points at it; a usage error (2) naming the option @name when it is not one. */
int code_arg(fd_status (*parser)(fd_buf *, const char *, const char *), const char *name, const char *field,
             const char *text, fd_buf *buf, const char **out);
/* The instant as site-local ISO 8601 with offset (points into x->buf, valid until the next call). */
const char *local(ctx *x, int64_t at);
/* Managerial commands ask for the manage grant when done as staff (not as the system). */
void manage(ctx *x);

/* --- output shared by the domain commands (cli/output.c) ----------------------------- */

/* Chinese output (--lang zh, the default). */
bool zh(const cli *c);
/* The value of option @name, required: 0, or a usage error (2) naming the command and the option. */
int need(const cli *c, const char *name, const char **out);
/* The site's local day that the actor's instant falls on, as [*from, *to): 0, else 1. */
int today(ctx *x, int64_t *from, int64_t *to);
/* --date D when given, else today: the day's [*from, *to). */
int day_of(const cli *c, ctx *x, int64_t *from, int64_t *to);
/* "2026-11-20 09:05" in the site's zone (or UTC), "11-20 09:05" when @short_year and the actor's year; "-" for 0. */
const char *stamp(ctx *x, int64_t at, bool short_year);
/* A short time for lists: stamp(x, at, true). */
const char *hm(ctx *x, int64_t at);
/* ,"key":"2026-11-20T09:05:00+08:00" or ,"key":null for 0. */
void jat(ctx *x, const char *key, int64_t at);
/* A record's fields for JSON, by offset: 's' text, 'i' int64, 'b' an int flag, 't' an instant (null for 0). */
typedef struct jfield {
    const char *key;
    char type;
    size_t off;
} jfield;
#define JS(T, f) { #f, 's', offsetof(T, f) }
#define JI(T, f) { #f, 'i', offsetof(T, f) }
#define JB(T, f) { #f, 'b', offsetof(T, f) }
#define JT(T, f) { #f, 't', offsetof(T, f) }
/* {"id":1,... the fields of @rec, the object left open for what the caller adds. */
void json_fields(ctx *x, const void *rec, const jfield *f);
typedef void line_fn(const cli *, ctx *, const void *);
/* A record as JSON (its fields) or as a line of text; in a listing (@n, the rows so far) after a comma. */
void row(const cli *c, ctx *x, const void *rec, const jfield *f, line_fn *line, int *n);
/* A record read back after a change: row(), or the library's refusal @rc (1). */
int shown(const cli *c, ctx *x, fd_status rc, const void *rec, const jfield *f, line_fn *line);
/* A text field for a line: escaped, "-" when empty. */
void text(const char *s);
/* A listing as a JSON array: '[' ; ',' between items (@n: items so far); ']' and the status (1 on @rc). */
void list_open(const cli *c);
void list_sep(const cli *c, int *n);
int list_close(const cli *c, fd_status rc);
/* A list as CSV: a one-table report of columns by offset ('s' text, 'i' int64, 't' an instant), rendered with
 * its BOM. csv_open(), csv_row() for each record, csv_close() prints it (1 on @rc or a failure) and frees it. */
typedef struct csv_col {
    const char *key;
    char type;
    size_t off;
} csv_col;
typedef struct csv_out {
    fd_report *r;
    const csv_col *cols;
    fd_status rc;
} csv_out;
void csv_open(csv_out *o, const char *key, const csv_col *cols);
void csv_row(csv_out *o, ctx *x, const void *rec);
int csv_close(csv_out *o, fd_status rc);

/* Commands of the calls module (cli/calls.c). */
int cmd_call(cli *c, ctx *x);
int cmd_message(cli *c, ctx *x);
int cmd_dir(cli *c, ctx *x);
int cmd_guest(cli *c, ctx *x);

/* Commands of the property register (cli/property.c). */
int cmd_building(cli *c, ctx *x);
int cmd_unit(cli *c, ctx *x);
int cmd_occupant(cli *c, ctx *x);
int cmd_org(cli *c, ctx *x);
int cmd_dept(cli *c, ctx *x);
int cmd_employee(cli *c, ctx *x);
int cmd_find(cli *c, ctx *x);
int cmd_resident(cli *c, ctx *x);
/* The unit of the actor's site numbered @number as typed (3栋1201室): its id, or 1 with the library's message. */
int unit_by_number(ctx *x, const char *number, int64_t *out);

/* Commands of the visitors module (cli/visitors.c): visitor, blocklist, card, custody, permit, prep, slips. */
int cmd_visitors(cli *c, ctx *x);

/* Commands of the complaints module (cli/complaints.c): complaint. */
int cmd_complaint(cli *c, ctx *x);

/* Commands of the fees module (cli/fees.c): fee — the dispatcher of item, rate, custody, reading, bill
 * (billing) and the rows the cash desk and arrears add. */
int cmd_fee(cli *c, ctx *x);
/* The cash desk's fee subcommands (cli/fees_cash.c): lookup, series, pay, collect, void, refund, prepare,
 * return, receipts, close-day, ledger, reconcile — rows of cmd_fee's table. */
int cmd_fee_cash(cli *c, ctx *x);
/* The arrears' fee subcommands (cli/fees_arrears.c): arrears, dunning, notice, template — rows of cmd_fee's table. */
int cmd_fee_arrears(cli *c, ctx *x);
/* Commands of the plans module's repairs (cli/plans.c): repair, followup. */
int cmd_repair(cli *c, ctx *x);
int cmd_followup(cli *c, ctx *x);

/* Commands of the plans module's visit plans and surveys (cli/plans_visits.c): visit-plan, survey. */
int cmd_visit_plan(cli *c, ctx *x);
int cmd_survey(cli *c, ctx *x);
/* Commands of the plans module's callbacks (cli/plans_callbacks.c): callback, specialist, assign. */
int cmd_callback(cli *c, ctx *x);
int cmd_specialist(cli *c, ctx *x);
int cmd_assign(cli *c, ctx *x);

#endif
