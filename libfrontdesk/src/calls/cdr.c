/*
 * Call-detail records (R-CALL-3, R-CALL-1, R-CALL-8): the CSV lines PBXes
 * write, parsed one at a time into raw legs, and the legs of one call
 * assembled into a call record. Pure: no store, no SQLite (abi.layers).
 *
 * The formats, as their sources write them (read with the search tool):
 *
 * - asterisk_csv: Asterisk cdr/cdr_csv.c, build_csv_record(): accountcode,
 *   src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start,
 *   answer, end, duration, billsec, disposition, amaflags; then uniqueid when
 *   cdr.conf [csv] has loguniqueid=yes, userfield when loguserfield=yes, and
 *   peeraccount, linkedid, sequence when newcdrcolumns=yes ("post-1.8 CDR
 *   columns"). Strings are quoted by append_string() with '"' doubled, numbers
 *   are bare (append_int), and an unset time is an empty field (append_date
 *   writes just the comma). Times are DATE_FORMAT "%Y-%m-%d %T" in the
 *   server's zone, or GMT with usegmtime=yes (give the parser "UTC" then).
 *   Dispositions come from ast_cdr_disp2str(): ANSWERED, NO ANSWER, BUSY,
 *   FAILED, CONGESTION. We take 16, 17, 18 or 21 columns: 17 and 18 mean
 *   loguniqueid (and loguserfield), 21 all three options.
 * - asterisk_custom: configs/samples/cdr_custom.conf.sample, the [mappings]
 *   Master.csv line: clid, src, dst, dcontext, channel, dstchannel, lastapp,
 *   lastdata, start, answer, end, duration, billsec, disposition, amaflags,
 *   accountcode, uniqueid, userfield, sequence (19 columns, CSV_QUOTE()d; the
 *   sample's high-resolution variant writes duration and billsec as
 *   "12.345", read here as whole seconds). It has no linkedid.
 * - freeswitch_csv: mod_cdr_csv (src/mod/event_handlers/mod_cdr_csv) with
 *   conf/vanilla/autoload_configs/cdr_csv.conf.xml, default-template
 *   "example": caller_id_name, caller_id_number, destination_number, context,
 *   start_stamp, answer_stamp, end_stamp, duration, billsec, hangup_cause,
 *   uuid, bleg_uuid, accountcode, read_codec, write_codec (15 columns, every
 *   one quoted). The module's built-in template "default" (used when the
 *   configuration has none) is the first 13, with a space before the
 *   accountcode's quote; both are read. A template may use ${start_epoch}
 *   and friends instead of the stamps, so Unix seconds are read too (an
 *   answer of 0 is "not answered"). mod_cdr_csv does not escape quotes in
 *   values: a caller name holding '"' makes a line no CSV reader can split,
 *   and it is refused as a bad quote. The hangup causes are
 *   switch_channel.c's CAUSE_CHART (and switch_types.h's newer ones); the
 *   table below maps each to a disposition.
 * - generic: a header row, then lines; the column map says which header
 *   holds which leg field.
 *
 * A leg is returned as one malloc'd block (the struct, then its strings), so
 * fd_cdr_leg_free()'s free() releases it; fd_call likewise.
 */
#include "internal.h"
#include "frontdesk/calls.h"
#include "frontdesk/phone.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CDR_MAX_COLUMNS 256  /* more is not a CDR line */
#define CDR_OTHER_MAX 4096   /* bytes of a column the leg does not keep */
#define CDR_MAP_MAX 4096     /* bytes of a generic column map */
#define CDR_MAX_LEGS 1000    /* legs in one call */
#define CDR_DEFAULT_ZONE "Asia/Shanghai"

/* Leg fields a column can feed. */
enum lf {
    LF_NONE = 0,
    LF_UNIQUEID,
    LF_SEQUENCE,
    LF_LINKEDID,
    LF_PEER,
    LF_SRC,
    LF_DST,
    LF_CLID,
    LF_CHANNEL,
    LF_DSTCHANNEL,
    LF_LASTAPP,
    LF_START,
    LF_ANSWER,
    LF_END,
    LF_DURATION,
    LF_BILLSEC,
    LF_DISPOSITION,
    LF_CID_NAME, /* FreeSWITCH caller_id_name: the leg's clid is built from it */
    LF_COUNT
};

/* Each field's name in a generic column map, and the most bytes it keeps (calls.rec). */
static const struct {
    const char *name;
    size_t max;
} FIELDS[LF_COUNT] = {
    [LF_NONE] = { NULL, CDR_OTHER_MAX },
    [LF_UNIQUEID] = { "uniqueid", 150 },
    [LF_SEQUENCE] = { "sequence", 32 },
    [LF_LINKEDID] = { "linkedid", 150 },
    [LF_PEER] = { "peer", 150 },
    [LF_SRC] = { "src", 80 },
    [LF_DST] = { "dst", 80 },
    [LF_CLID] = { "clid", 200 },
    [LF_CHANNEL] = { "channel", 200 },
    [LF_DSTCHANNEL] = { "dstchannel", 200 },
    [LF_LASTAPP] = { "lastapp", 80 },
    [LF_START] = { "start_at", 64 },
    [LF_ANSWER] = { "answer_at", 64 },
    [LF_END] = { "end_at", 64 },
    [LF_DURATION] = { "duration", 32 },
    [LF_BILLSEC] = { "billsec", 32 },
    [LF_DISPOSITION] = { "disposition", 64 },
    [LF_CID_NAME] = { NULL, 200 },
};

/* One column of a fixed layout. */
typedef struct column {
    const char *name;
    int field;
} column;

/* Asterisk cdr_csv.c build_csv_record(), all options on (21 columns). */
static const column ASTERISK_CSV[] = {
    { "accountcode", LF_NONE },   { "src", LF_SRC },           { "dst", LF_DST },
    { "dcontext", LF_NONE },      { "clid", LF_CLID },         { "channel", LF_CHANNEL },
    { "dstchannel", LF_DSTCHANNEL }, { "lastapp", LF_LASTAPP }, { "lastdata", LF_NONE },
    { "start", LF_START },        { "answer", LF_ANSWER },     { "end", LF_END },
    { "duration", LF_DURATION },  { "billsec", LF_BILLSEC },   { "disposition", LF_DISPOSITION },
    { "amaflags", LF_NONE },      { "uniqueid", LF_UNIQUEID }, { "userfield", LF_NONE },
    { "peeraccount", LF_NONE },   { "linkedid", LF_LINKEDID }, { "sequence", LF_SEQUENCE },
};

/* cdr_custom.conf.sample's Master.csv mapping (19 columns). */
static const column ASTERISK_CUSTOM[] = {
    { "clid", LF_CLID },          { "src", LF_SRC },           { "dst", LF_DST },
    { "dcontext", LF_NONE },      { "channel", LF_CHANNEL },   { "dstchannel", LF_DSTCHANNEL },
    { "lastapp", LF_LASTAPP },    { "lastdata", LF_NONE },     { "start", LF_START },
    { "answer", LF_ANSWER },      { "end", LF_END },           { "duration", LF_DURATION },
    { "billsec", LF_BILLSEC },    { "disposition", LF_DISPOSITION }, { "amaflags", LF_NONE },
    { "accountcode", LF_NONE },   { "uniqueid", LF_UNIQUEID }, { "userfield", LF_NONE },
    { "sequence", LF_SEQUENCE },
};

/* mod_cdr_csv's "example" template (15 columns; its built-in "default" is the first 13). */
static const column FREESWITCH_CSV[] = {
    { "caller_id_name", LF_CID_NAME }, { "caller_id_number", LF_SRC }, { "destination_number", LF_DST },
    { "context", LF_NONE },            { "start_stamp", LF_START },    { "answer_stamp", LF_ANSWER },
    { "end_stamp", LF_END },           { "duration", LF_DURATION },    { "billsec", LF_BILLSEC },
    { "hangup_cause", LF_DISPOSITION }, { "uuid", LF_UNIQUEID },       { "bleg_uuid", LF_PEER },
    { "accountcode", LF_NONE },        { "read_codec", LF_NONE },      { "write_codec", LF_NONE },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const DIALECT_NAMES[] = { "asterisk_csv", "asterisk_custom", "freeswitch_csv", "generic" };

/* The disposition codes (calls.h). */
#define D_ANSWERED "answered"
#define D_NO_ANSWER "no_answer"
#define D_BUSY "busy"
#define D_FAILED "failed"
#define D_CONGESTION "congestion"
#define D_CANCELLED "cancelled"
#define D_DROPPED "dropped"

/*
 * FreeSWITCH hangup causes to dispositions: the first when the leg was not
 * answered, the second when it was. The rules (docs/modules/calls.md, "CDR
 * import"): a normal hang-up before the answer is the caller giving up
 * (cancelled); busy and refusals are busy; ring timeouts, a call another phone
 * took (LOSE_RACE, PICKED_OFF) and transfers before an answer are no_answer;
 * congestion is congestion; everything else before an answer failed. After an
 * answer the call was answered, except that a media or network failure cut it
 * off: dropped (R-CALL-8: called back at once).
 */
typedef struct cause {
    const char *name;
    const char *unanswered;
    const char *answered;
} cause;

static const cause CAUSES[] = {
    /* ended normally */
    { "NORMAL_CLEARING", D_CANCELLED, D_ANSWERED },
    { "NORMAL_UNSPECIFIED", D_CANCELLED, D_ANSWERED },
    { "SUCCESS", D_CANCELLED, D_ANSWERED },
    { "ORIGINATOR_CANCEL", D_CANCELLED, D_ANSWERED },
    /* the callee refused */
    { "USER_BUSY", D_BUSY, D_ANSWERED },
    { "BUSY_EVERYWHERE", D_BUSY, D_ANSWERED },
    { "CALL_REJECTED", D_BUSY, D_ANSWERED },
    { "DECLINE", D_BUSY, D_ANSWERED },
    { "UNWANTED", D_BUSY, D_ANSWERED },
    /* nobody answered this leg */
    { "NO_ANSWER", D_NO_ANSWER, D_ANSWERED },
    { "NO_USER_RESPONSE", D_NO_ANSWER, D_ANSWERED },
    { "PROGRESS_TIMEOUT", D_NO_ANSWER, D_ANSWERED },
    { "NO_PICKUP", D_NO_ANSWER, D_ANSWERED },
    { "ALLOTTED_TIMEOUT", D_NO_ANSWER, D_ANSWERED },
    { "LOSE_RACE", D_NO_ANSWER, D_ANSWERED },
    { "PICKED_OFF", D_NO_ANSWER, D_ANSWERED },
    { "BLIND_TRANSFER", D_NO_ANSWER, D_ANSWERED },
    { "ATTENDED_TRANSFER", D_NO_ANSWER, D_ANSWERED },
    /* congestion */
    { "NORMAL_CIRCUIT_CONGESTION", D_CONGESTION, D_DROPPED },
    { "SWITCH_CONGESTION", D_CONGESTION, D_DROPPED },
    /* media and network failures: a call already answered was dropped */
    { "MEDIA_TIMEOUT", D_FAILED, D_DROPPED },
    { "RECOVERY_ON_TIMER_EXPIRE", D_FAILED, D_DROPPED },
    { "NETWORK_OUT_OF_ORDER", D_FAILED, D_DROPPED },
    { "DESTINATION_OUT_OF_ORDER", D_FAILED, D_DROPPED },
    { "NORMAL_TEMPORARY_FAILURE", D_FAILED, D_DROPPED },
    { "PROTOCOL_ERROR", D_FAILED, D_DROPPED },
    { "INTERWORKING", D_FAILED, D_DROPPED },
    { "SRTP_READ_ERROR", D_FAILED, D_DROPPED },
    { "GATEWAY_DOWN", D_FAILED, D_DROPPED },
    { "CRASH", D_FAILED, D_DROPPED },
    { "SYSTEM_SHUTDOWN", D_FAILED, D_DROPPED },
    /* routing, number, service and signalling errors */
    { "NONE", D_FAILED, D_ANSWERED },
    { "UNALLOCATED_NUMBER", D_FAILED, D_ANSWERED },
    { "NO_ROUTE_TRANSIT_NET", D_FAILED, D_ANSWERED },
    { "NO_ROUTE_DESTINATION", D_FAILED, D_ANSWERED },
    { "CHANNEL_UNACCEPTABLE", D_FAILED, D_ANSWERED },
    { "CALL_AWARDED_DELIVERED", D_FAILED, D_ANSWERED },
    { "SUBSCRIBER_ABSENT", D_FAILED, D_ANSWERED },
    { "NUMBER_CHANGED", D_FAILED, D_ANSWERED },
    { "REDIRECTION_TO_NEW_DESTINATION", D_FAILED, D_ANSWERED },
    { "EXCHANGE_ROUTING_ERROR", D_FAILED, D_ANSWERED },
    { "INVALID_NUMBER_FORMAT", D_FAILED, D_ANSWERED },
    { "FACILITY_REJECTED", D_FAILED, D_ANSWERED },
    { "RESPONSE_TO_STATUS_ENQUIRY", D_FAILED, D_ANSWERED },
    { "ACCESS_INFO_DISCARDED", D_FAILED, D_ANSWERED },
    { "REQUESTED_CHAN_UNAVAIL", D_FAILED, D_ANSWERED },
    { "PRE_EMPTED", D_FAILED, D_ANSWERED },
    { "FACILITY_NOT_SUBSCRIBED", D_FAILED, D_ANSWERED },
    { "OUTGOING_CALL_BARRED", D_FAILED, D_ANSWERED },
    { "INCOMING_CALL_BARRED", D_FAILED, D_ANSWERED },
    { "BEARERCAPABILITY_NOTAUTH", D_FAILED, D_ANSWERED },
    { "BEARERCAPABILITY_NOTAVAIL", D_FAILED, D_ANSWERED },
    { "SERVICE_UNAVAILABLE", D_FAILED, D_ANSWERED },
    { "BEARERCAPABILITY_NOTIMPL", D_FAILED, D_ANSWERED },
    { "CHAN_NOT_IMPLEMENTED", D_FAILED, D_ANSWERED },
    { "FACILITY_NOT_IMPLEMENTED", D_FAILED, D_ANSWERED },
    { "SERVICE_NOT_IMPLEMENTED", D_FAILED, D_ANSWERED },
    { "INVALID_CALL_REFERENCE", D_FAILED, D_ANSWERED },
    { "INCOMPATIBLE_DESTINATION", D_FAILED, D_ANSWERED },
    { "INVALID_MSG_UNSPECIFIED", D_FAILED, D_ANSWERED },
    { "MANDATORY_IE_MISSING", D_FAILED, D_ANSWERED },
    { "MESSAGE_TYPE_NONEXIST", D_FAILED, D_ANSWERED },
    { "WRONG_MESSAGE", D_FAILED, D_ANSWERED },
    { "IE_NONEXIST", D_FAILED, D_ANSWERED },
    { "INVALID_IE_CONTENTS", D_FAILED, D_ANSWERED },
    { "WRONG_CALL_STATE", D_FAILED, D_ANSWERED },
    { "MANDATORY_IE_LENGTH_ERROR", D_FAILED, D_ANSWERED },
    { "MANAGER_REQUEST", D_FAILED, D_ANSWERED },
    { "USER_CHALLENGE", D_FAILED, D_ANSWERED },
    { "USER_NOT_REGISTERED", D_FAILED, D_ANSWERED },
    { "INVALID_GATEWAY", D_FAILED, D_ANSWERED },
    { "INVALID_URL", D_FAILED, D_ANSWERED },
    { "INVALID_PROFILE", D_FAILED, D_ANSWERED },
    { "BOWOUT", D_FAILED, D_ANSWERED },
    { "DOES_NOT_EXIST_ANYWHERE", D_FAILED, D_ANSWERED },
    { "NOT_ACCEPTABLE", D_FAILED, D_ANSWERED },
    { "NO_IDENTITY", D_FAILED, D_ANSWERED },
    { "BAD_IDENTITY_INFO", D_FAILED, D_ANSWERED },
    { "UNSUPPORTED_CERTIFICATE", D_FAILED, D_ANSWERED },
    { "INVALID_IDENTITY", D_FAILED, D_ANSWERED },
    { "STALE_DATE", D_FAILED, D_ANSWERED },
    { "REJECT_ALL", D_FAILED, D_ANSWERED },
};

/* Asterisk ast_cdr_disp2str() (and the codes themselves, for generic files). */
static const struct {
    const char *text;
    const char *code;
    bool asterisk; /* written by Asterisk (the rest only in generic files) */
} DISPOSITIONS[] = {
    { "ANSWERED", D_ANSWERED, true },       { "NO ANSWER", D_NO_ANSWER, true },   { "NOANSWER", D_NO_ANSWER, true },
    { "BUSY", D_BUSY, true },               { "FAILED", D_FAILED, true },         { "CONGESTION", D_CONGESTION, true },
    { "no_answer", D_NO_ANSWER, false },    { "cancelled", D_CANCELLED, false },  { "dropped", D_DROPPED, false },
};

/* A column of the current line: its unquoted text at buf + off, NUL-terminated. */
typedef struct span {
    size_t off;
    size_t len;
} span;

enum header_state { HEADER_NONE = 0, HEADER_WANTED, HEADER_DONE, HEADER_FAILED };

struct fd_cdr_parser {
    int dialect;
    char source[FD_CODE_MAX + 1];
    char zone_name[FD_TZ_MAX + 1];
    fd__zone *zone;
    /* generic: the header each field wants, and after the header row the column of each field */
    char *want[LF_COUNT];
    int header; /* enum header_state */
    size_t ncols;
    int field_col[LF_COUNT]; /* 0-based column, -1 when not mapped */
    int *col_field;          /* per column: the field it feeds */
    /* the current line */
    char *buf;
    size_t cap;
    span *cols;
    size_t ncap;
};

/* --- dialects ------------------------------------------------------------ */

fd_status fd_cdr_dialect_from_name(int *out, const char *name)
{
    static const char fn[] = "fd_cdr_dialect_from_name";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_text(fn, "name", name, 64, false);
    if (rc)
        return rc;
    for (size_t i = 0; i < COUNT(DIALECT_NAMES); i++)
        if (strcasecmp(name, DIALECT_NAMES[i]) == 0) {
            *out = (int)i;
            return FD_OK;
        }
    return fd__error(FD_EINVAL,
                     "%s: name: '%.40s' is not a CDR dialect (asterisk_csv, asterisk_custom, freeswitch_csv, generic)",
                     fn, name);
}

const char *fd_cdr_dialect_name(int dialect)
{
    return dialect >= 0 && (size_t)dialect < COUNT(DIALECT_NAMES) ? DIALECT_NAMES[dialect] : "";
}

static const column *layout(int dialect, size_t *n)
{
    switch (dialect) {
    case FD_CDR_ASTERISK_CSV:
        *n = COUNT(ASTERISK_CSV);
        return ASTERISK_CSV;
    case FD_CDR_ASTERISK_CUSTOM:
        *n = COUNT(ASTERISK_CUSTOM);
        return ASTERISK_CUSTOM;
    case FD_CDR_FREESWITCH_CSV:
        *n = COUNT(FREESWITCH_CSV);
        return FREESWITCH_CSV;
    default:
        *n = 0;
        return NULL;
    }
}

/* --- the parser ---------------------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* @s[0..*n) without surrounding spaces and tabs. */
static const char *trim(const char *s, size_t *n)
{
    while (*n > 0 && is_space(*s)) {
        s++;
        (*n)--;
    }
    while (*n > 0 && is_space(s[*n - 1]))
        (*n)--;
    return s;
}

static int field_by_name(const char *name, size_t n)
{
    for (int f = LF_NONE + 1; f < LF_COUNT; f++)
        if (FIELDS[f].name && strlen(FIELDS[f].name) == n && memcmp(FIELDS[f].name, name, n) == 0)
            return f;
    return LF_NONE;
}

/* Reads "field=Header,..." into p->want (fd_cdr_parser_new's doc). */
static fd_status parse_map(fd_cdr_parser *p, const char *fn, const char *map)
{
    fd_status rc = fd__check_text(fn, "column_map", map, CDR_MAP_MAX, false);
    if (rc)
        return rc;
    for (const char *s = map; *s;) {
        size_t n = strcspn(s, ",");
        const char *item = s;
        s += n + (s[n] == ',');
        item = trim(item, &n);
        if (n == 0)
            continue;
        const char *eq = memchr(item, '=', n);
        if (eq == NULL)
            return fd__error(FD_EINVAL, "%s: column_map: '%.*s' is not field=Header", fn, (int)(n > 60 ? 60 : n),
                             item);
        size_t fl = (size_t)(eq - item), hl = n - fl - 1;
        const char *f = trim(item, &fl), *h = trim(eq + 1, &hl);
        int field = field_by_name(f, fl);
        if (field == LF_NONE)
            return fd__error(FD_EINVAL,
                             "%s: column_map: '%.*s' is not a leg field (uniqueid, sequence, linkedid, peer, src, "
                             "dst, clid, channel, dstchannel, lastapp, start_at, answer_at, end_at, duration, "
                             "billsec, disposition)",
                             fn, (int)(fl > 40 ? 40 : fl), f);
        if (hl == 0)
            return fd__error(FD_EINVAL, "%s: column_map: %s: no header given", fn, FIELDS[field].name);
        if (p->want[field])
            return fd__error(FD_EINVAL, "%s: column_map: %s is mapped twice", fn, FIELDS[field].name);
        if ((p->want[field] = malloc(hl + 1)) == NULL)
            return fd__oom(fn);
        memcpy(p->want[field], h, hl);
        p->want[field][hl] = '\0';
    }
    static const int required[] = { LF_UNIQUEID, LF_START, LF_END, LF_DISPOSITION };
    for (size_t i = 0; i < COUNT(required); i++)
        if (p->want[required[i]] == NULL)
            return fd__error(FD_EINVAL, "%s: column_map: %s is required (uniqueid, start_at, end_at, disposition)",
                             fn, FIELDS[required[i]].name);
    return FD_OK;
}

void fd_cdr_parser_free(fd_cdr_parser *parser)
{
    if (parser == NULL)
        return;
    fd__zone_close(parser->zone);
    for (int f = 0; f < LF_COUNT; f++)
        free(parser->want[f]);
    free(parser->col_field);
    free(parser->buf);
    free(parser->cols);
    free(parser);
}

fd_status fd_cdr_parser_new(fd_cdr_parser **out, int dialect, const char *source, const char *time_zone,
                            const char *column_map)
{
    static const char fn[] = "fd_cdr_parser_new";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc)
        return rc;
    if (dialect < 0 || (size_t)dialect >= COUNT(DIALECT_NAMES))
        return fd__error(FD_EINVAL,
                         "%s: dialect: %d is not a CDR dialect (0 asterisk_csv, 1 asterisk_custom, 2 freeswitch_csv, "
                         "3 generic)",
                         fn, dialect);
    if ((rc = fd__check_code(fn, "source", source, true)) != FD_OK)
        return rc;
    if (time_zone == NULL || time_zone[0] == '\0')
        time_zone = CDR_DEFAULT_ZONE;
    if ((rc = fd__check_text(fn, "time_zone", time_zone, FD_TZ_MAX, true)) != FD_OK)
        return rc;
    bool has_map = column_map != NULL && column_map[0] != '\0';
    if (dialect == FD_CDR_GENERIC && !has_map)
        return fd__error(FD_EINVAL,
                         "%s: column_map: the generic dialect needs one (\"uniqueid=CallID,src=Caller,...\")", fn);
    if (dialect != FD_CDR_GENERIC && has_map)
        return fd__error(FD_EINVAL, "%s: column_map: only the generic dialect takes one (%s has fixed columns)", fn,
                         DIALECT_NAMES[dialect]);
    fd_cdr_parser *p = calloc(1, sizeof *p);
    if (p == NULL)
        return fd__oom(fn);
    p->dialect = dialect;
    memcpy(p->source, source, strlen(source) + 1);
    memcpy(p->zone_name, time_zone, strlen(time_zone) + 1);
    for (int f = 0; f < LF_COUNT; f++)
        p->field_col[f] = -1;
    if ((p->zone = fd__zone_open(fn, "time_zone", time_zone)) == NULL) {
        rc = fd_error_last()->code;
    } else if (dialect == FD_CDR_GENERIC) {
        p->header = HEADER_WANTED;
        rc = parse_map(p, fn, column_map);
    }
    if (rc) {
        fd_cdr_parser_free(p);
        return rc;
    }
    *out = p;
    return FD_OK;
}

/* --- errors naming the column --------------------------------------------- */

/* The name of 0-based column @i of the current layout, or NULL. */
static const char *col_name(const fd_cdr_parser *p, size_t i)
{
    if (p->dialect == FD_CDR_GENERIC) {
        if (p->col_field && i < p->ncols && p->col_field[i] != LF_NONE)
            return FIELDS[p->col_field[i]].name;
        return NULL;
    }
    size_t n;
    const column *c = layout(p->dialect, &n);
    return i < n ? c[i].name : NULL;
}

/* Records "fd_cdr_parse_line: column N (name): <what>". Values are never echoed (R-COM-2). */
static fd_status col_error(const fd_cdr_parser *p, fd_status code, size_t i, const char *fmt, ...) FD__PRINTF(4, 5);

static fd_status col_error(const fd_cdr_parser *p, fd_status code, size_t i, const char *fmt, ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    const char *name = col_name(p, i);
    if (name)
        return fd__error(code, "fd_cdr_parse_line: column %zu (%s): %s", i + 1, name, what);
    return fd__error(code, "fd_cdr_parse_line: column %zu: %s", i + 1, what);
}

/* --- splitting a line (RFC 4180) ------------------------------------------ */

static fd_status grow(fd_cdr_parser *p, size_t need)
{
    if (need <= p->cap)
        return FD_OK;
    size_t cap = p->cap ? p->cap : 256;
    while (cap < need)
        cap *= 2;
    char *b = realloc(p->buf, cap);
    if (b == NULL)
        return fd__oom("fd_cdr_parse_line");
    p->buf = b;
    p->cap = cap;
    return FD_OK;
}

static fd_status add_col(fd_cdr_parser *p, size_t *n, size_t off, size_t len)
{
    if (*n >= CDR_MAX_COLUMNS)
        return fd__error(FD_EINVAL, "fd_cdr_parse_line: columns: more than %d, not a CDR line", CDR_MAX_COLUMNS);
    if (*n >= p->ncap) {
        size_t cap = p->ncap ? p->ncap * 2 : 32;
        span *c = realloc(p->cols, cap * sizeof *c);
        if (c == NULL)
            return fd__oom("fd_cdr_parse_line");
        p->cols = c;
        p->ncap = cap;
    }
    p->cols[(*n)++] = (span){ off, len };
    return FD_OK;
}

/*
 * Splits @line (@len bytes) into p->cols, unquoting into p->buf: fields are
 * separated by commas; a field may be quoted, with a quote inside doubled.
 * Spaces between a comma and a quoted field's quotes are ignored
 * (mod_cdr_csv's built-in template writes `, "${accountcode}"`).
 */
static fd_status split(fd_cdr_parser *p, const char *line, size_t len, size_t *ncols)
{
    fd_status rc = grow(p, len + CDR_MAX_COLUMNS + 1);
    if (rc)
        return rc;
    size_t n = 0, w = 0, i = 0;
    for (;;) {
        size_t start = w, j = i;
        while (j < len && line[j] == ' ')
            j++;
        if (j < len && line[j] == '"') {
            i = j + 1;
            bool closed = false;
            while (i < len) {
                if (line[i] == '"') {
                    if (i + 1 < len && line[i + 1] == '"') {
                        p->buf[w++] = '"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    i++;
                    break;
                }
                p->buf[w++] = line[i++];
            }
            if (!closed)
                return col_error(p, FD_EINVAL, n, "bad quote: the quoted field has no closing quote");
            while (i < len && line[i] == ' ')
                i++;
            if (i < len && line[i] != ',')
                return col_error(p, FD_EINVAL, n,
                                 "bad quote: a quote inside a quoted field must be doubled (\"\")");
        } else {
            while (i < len && line[i] != ',') {
                if (line[i] == '"')
                    return col_error(p, FD_EINVAL, n, "bad quote: a quote inside an unquoted field");
                p->buf[w++] = line[i++];
            }
        }
        p->buf[w++] = '\0';
        if ((rc = add_col(p, &n, start, w - start - 1)) != FD_OK)
            return rc;
        if (i >= len)
            break;
        i++; /* the comma: another field follows, maybe empty */
    }
    *ncols = n;
    return FD_OK;
}

/* --- checking and converting columns ---------------------------------------- */

static const char *col_text(const fd_cdr_parser *p, size_t i)
{
    return p->buf + p->cols[i].off;
}

/*
 * UTF-8 everywhere (a GBK caller name is refused, never passed on); in the
 * columns a leg keeps also no control or bidi characters and at most the
 * field's bytes (calls.rec).
 */
static fd_status check_col(const fd_cdr_parser *p, size_t i, bool kept, size_t max)
{
    const char *s = col_text(p, i);
    size_t len = p->cols[i].len;
    if (!fd__utf8_valid(s, len))
        return col_error(p, FD_EINVAL, i,
                         "not valid UTF-8 (is the file in GBK or another legacy encoding? convert it to UTF-8)");
    if (len > max)
        return col_error(p, FD_ERANGE, i, "%zu bytes, at most %zu allowed", len, max);
    if (!kept)
        return FD_OK;
    for (const unsigned char *q = (const unsigned char *)s; *q;) {
        uint32_t c = fd__utf8_next(&q);
        if (fd__char_unsafe(c))
            return col_error(p, FD_EINVAL, i, "contains a control character (U+%04X)", (unsigned)c);
    }
    return FD_OK;
}

static bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Reads 1..@max digits at s[*i]; false when there are none or more. */
static bool digits(const char *s, size_t n, size_t *i, int min, int max, int *out)
{
    int v = 0, k = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9' && k < max) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    if (k < min || (*i < n && s[*i] >= '0' && s[*i] <= '9'))
        return false;
    *out = v;
    return true;
}

/* A whole number of seconds: digits, maybe a fraction (cut off); empty is 0. */
static fd_status parse_count(const fd_cdr_parser *p, size_t i, int64_t *out)
{
    size_t n = p->cols[i].len;
    const char *s = trim(col_text(p, i), &n);
    if (n == 0) {
        *out = 0;
        return FD_OK;
    }
    const char *dot = memchr(s, '.', n);
    size_t whole = dot ? (size_t)(dot - s) : n;
    if (!all_digits(s, whole) || (dot && !all_digits(dot + 1, n - whole - 1)))
        return col_error(p, FD_EINVAL, i, "not a whole number of seconds");
    if (whole > 12)
        return col_error(p, FD_ERANGE, i, "more than 12 digits");
    int64_t v = 0;
    for (size_t k = 0; k < whole; k++)
        v = v * 10 + (s[k] - '0');
    *out = v;
    return FD_OK;
}

/*
 * A time: "YYYY-MM-DD HH:MM:SS" (also '/' between the date's parts, one-digit
 * month, day and hour, 'T' before the time, no seconds, a fraction) in the
 * parser's zone, or followed by an offset ("Z", "+08:00", "+0800", "+08",
 * after a space or not); or Unix seconds, where 0 is no time. Times before
 * 1970 are refused. *empty is set for an empty field and 0 (and, when
 * @zero_is_empty, MySQL's "0000-00-00 00:00:00": an unanswered leg).
 */
static fd_status parse_time(fd_cdr_parser *p, size_t i, bool zero_is_empty, int64_t *out, bool *empty)
{
    size_t n = p->cols[i].len;
    const char *s = trim(col_text(p, i), &n);
    *empty = false;
    if (n == 0 || (zero_is_empty && n == 19 && memcmp(s, "0000-00-00 00:00:00", 19) == 0)) {
        *empty = true;
        return FD_OK;
    }
    const char *dot = memchr(s, '.', n);
    size_t whole = dot ? (size_t)(dot - s) : n;
    if (all_digits(s, whole) && (!dot || all_digits(dot + 1, n - whole - 1))) {
        if (whole > 12)
            return col_error(p, FD_ERANGE, i, "a Unix time of more than 12 digits");
        int64_t v = 0;
        for (size_t k = 0; k < whole; k++)
            v = v * 10 + (s[k] - '0');
        if (v > FD_INSTANT_MAX)
            return col_error(p, FD_ERANGE, i, "a Unix time after the year 9999");
        if (v == 0) { /* what a PBX writes for a time it does not have */
            *empty = true;
            return FD_OK;
        }
        *out = v;
        return FD_OK;
    }
    static const char expected[] =
        "not a time (expected YYYY-MM-DD HH:MM:SS, with an offset or without, or Unix seconds)";
    fd_local_time t = { { 0, 0, 0 }, 0, 0, 0, 0 };
    size_t k = 0;
    int y, mo, d, h, mi, sec = 0;
    if (!digits(s, n, &k, 4, 4, &y) || k >= n || (s[k] != '-' && s[k] != '/'))
        return col_error(p, FD_EINVAL, i, expected);
    char sep = s[k++];
    if (!digits(s, n, &k, 1, 2, &mo) || k >= n || s[k++] != sep || !digits(s, n, &k, 1, 2, &d))
        return col_error(p, FD_EINVAL, i, expected);
    if (k >= n || (s[k] != ' ' && s[k] != 'T'))
        return col_error(p, FD_EINVAL, i, expected);
    while (k < n && (s[k] == ' ' || s[k] == 'T'))
        k++;
    if (!digits(s, n, &k, 1, 2, &h) || k >= n || s[k++] != ':' || !digits(s, n, &k, 2, 2, &mi))
        return col_error(p, FD_EINVAL, i, expected);
    if (k < n && s[k] == ':') {
        k++;
        if (!digits(s, n, &k, 2, 2, &sec))
            return col_error(p, FD_EINVAL, i, expected);
        if (k < n && (s[k] == '.' || s[k] == ',')) {
            size_t f = ++k;
            while (k < n && s[k] >= '0' && s[k] <= '9')
                k++;
            if (k == f)
                return col_error(p, FD_EINVAL, i, expected);
        }
    }
    while (k < n && s[k] == ' ')
        k++;
    bool has_offset = false;
    int offset = 0;
    if (k < n) {
        if (s[k] == 'Z' && k + 1 == n) {
            has_offset = true;
            k++;
        } else if (s[k] == '+' || s[k] == '-') {
            int sign = s[k++] == '-' ? -1 : 1, oh, om = 0;
            if (n - k < 2 || !all_digits(s + k, 2))
                return col_error(p, FD_EINVAL, i, expected);
            oh = (s[k] - '0') * 10 + (s[k + 1] - '0');
            k += 2;
            if (k < n && s[k] == ':')
                k++;
            if (k < n && !digits(s, n, &k, 2, 2, &om))
                return col_error(p, FD_EINVAL, i, expected);
            if (oh > 14 || om > 59)
                return col_error(p, FD_EINVAL, i, "the offset is not one (at most 14:00 either way)");
            has_offset = true;
            offset = sign * (oh * 3600 + om * 60);
        }
        if (k != n)
            return col_error(p, FD_EINVAL, i, expected);
    }
    t.date = (fd_date){ y, mo, d };
    if (fd_date_check(t.date) != FD_OK)
        return col_error(p, FD_EINVAL, i, "%04d-%02d-%02d is not a real day", y, mo, d);
    if (h > 23 || mi > 59 || sec > 59)
        return col_error(p, FD_EINVAL, i, "%02d:%02d:%02d is not a time of day", h, mi, sec);
    t.hour = h;
    t.minute = mi;
    t.second = sec;
    int64_t at;
    if (has_offset) {
        at = fd__days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset;
        if (at < FD_INSTANT_MIN || at > FD_INSTANT_MAX)
            return col_error(p, FD_ERANGE, i, y < 1970 ? "before 1970: not a time a PBX wrote"
                                                       : "after the year 9999 in UTC");
    } else {
        fd_status rc = fd__zone_from_local(p->zone, "fd_cdr_parse_line", "time", t, &at);
        if (rc == FD_ENOMEM)
            return rc;
        if (rc == FD_ERANGE)
            return col_error(p, rc, i, y < 1970 ? "before 1970: not a time a PBX wrote" : "after the year 9999 in UTC");
        if (rc)
            return col_error(p, rc, i, "cannot be placed in the zone %s", p->zone_name);
    }
    /* No PBX wrote a CDR before 1970; 0 means "no time" in a leg (answer_at). */
    if (at <= 0)
        return col_error(p, FD_ERANGE, i, "before 1970: not a time a PBX wrote");
    *out = at;
    return FD_OK;
}

static bool upper_eq(const char *a, size_t n, const char *b)
{
    return strlen(b) == n && strncasecmp(a, b, n) == 0;
}

/* Letters, spaces and underscores only: safe to quote in a message. */
static bool wordish(const char *s, size_t n)
{
    if (n == 0 || n > 40)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '_'))
            return false;
    }
    return true;
}

/*
 * The disposition code of column @i. FreeSWITCH hangup causes depend on
 * whether the leg was answered (CAUSES); Asterisk's and the codes do not.
 */
static fd_status parse_disposition(const fd_cdr_parser *p, size_t i, bool answered, const char **out)
{
    size_t n = p->cols[i].len;
    const char *s = trim(col_text(p, i), &n);
    if (n == 0)
        return col_error(p, FD_EINVAL, i, "empty");
    bool asterisk = p->dialect == FD_CDR_ASTERISK_CSV || p->dialect == FD_CDR_ASTERISK_CUSTOM;
    if (p->dialect != FD_CDR_FREESWITCH_CSV)
        for (size_t k = 0; k < COUNT(DISPOSITIONS); k++)
            if ((DISPOSITIONS[k].asterisk || !asterisk) && upper_eq(s, n, DISPOSITIONS[k].text)) {
                *out = DISPOSITIONS[k].code;
                return FD_OK;
            }
    if (!asterisk)
        for (size_t k = 0; k < COUNT(CAUSES); k++)
            if (upper_eq(s, n, CAUSES[k].name)) {
                *out = answered ? CAUSES[k].answered : CAUSES[k].unanswered;
                return FD_OK;
            }
    const char *takes = p->dialect == FD_CDR_FREESWITCH_CSV
                            ? "a FreeSWITCH hangup cause such as NORMAL_CLEARING"
                            : p->dialect == FD_CDR_GENERIC
                                  ? "ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION, a FreeSWITCH hangup cause or a "
                                    "disposition code"
                                  : "ANSWERED, NO ANSWER, BUSY, FAILED or CONGESTION";
    if (wordish(s, n))
        return col_error(p, FD_EINVAL, i, "'%.*s' is not a disposition (expected %s)", (int)n, s, takes);
    return col_error(p, FD_EINVAL, i, "not a disposition (expected %s)", takes);
}

/* --- making the leg --------------------------------------------------------- */

/* FNV-1a, 64 bits: a stable uniqueid for a line that has none. */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* The parsed values of one line. */
typedef struct vals {
    const char *s[LF_COUNT]; /* strings, "" when the layout has none */
    int col[LF_COUNT];       /* the column each came from, -1 */
    int64_t start, answer, end, duration, billsec, sequence;
    const char *disposition;
    char uid[48];  /* a uniqueid made up for a line without one */
    char clid[300]; /* FreeSWITCH: "name" <number> */
} vals;

static char *put(char **cur, const char *s)
{
    size_t n = strlen(s) + 1;
    char *r = *cur;
    memcpy(r, s, n);
    *cur += n;
    return r;
}

static fd_status make_leg(fd_cdr_leg **out, const fd_cdr_parser *p, const vals *v)
{
    static const char fn[] = "fd_cdr_parse_line";
    const char *dialect = DIALECT_NAMES[p->dialect];
    const char *uniqueid = v->s[LF_UNIQUEID][0] ? v->s[LF_UNIQUEID] : v->uid;
    const char *linkedid = v->s[LF_LINKEDID];
    /* Without a linkedid each Asterisk leg is its own call; FreeSWITCH legs are
     * grouped by uuid and bleg_uuid across files by the importer. */
    if (linkedid[0] == '\0' && p->dialect != FD_CDR_FREESWITCH_CSV)
        linkedid = uniqueid;
    const char *clid = p->dialect == FD_CDR_FREESWITCH_CSV ? v->clid : v->s[LF_CLID];
    const char *strs[] = { p->source, dialect, uniqueid, linkedid, v->s[LF_PEER], v->s[LF_SRC], v->s[LF_DST],
                           clid, v->s[LF_CHANNEL], v->s[LF_DSTCHANNEL], v->s[LF_LASTAPP], v->disposition };
    size_t size = sizeof(fd_cdr_leg);
    for (size_t i = 0; i < COUNT(strs); i++)
        size += strlen(strs[i]) + 1;
    fd_cdr_leg *leg = malloc(size);
    if (leg == NULL)
        return fd__oom(fn);
    *leg = (fd_cdr_leg)FD_CDR_LEG_INIT;
    char *cur = (char *)(leg + 1);
    leg->source = put(&cur, strs[0]);
    leg->dialect = put(&cur, strs[1]);
    leg->uniqueid = put(&cur, strs[2]);
    leg->linkedid = put(&cur, strs[3]);
    leg->peer = put(&cur, strs[4]);
    leg->src = put(&cur, strs[5]);
    leg->dst = put(&cur, strs[6]);
    leg->clid = put(&cur, strs[7]);
    leg->channel = put(&cur, strs[8]);
    leg->dstchannel = put(&cur, strs[9]);
    leg->lastapp = put(&cur, strs[10]);
    leg->disposition = put(&cur, strs[11]);
    leg->sequence = v->sequence;
    leg->start_at = v->start;
    leg->answer_at = v->answer;
    leg->end_at = v->end;
    leg->duration = v->duration;
    leg->billsec = v->billsec;
    /* Whatever the store would refuse is refused here (the checks above make this a safety net). */
    fd_status rc = fd_cdr_leg_check(leg);
    if (rc) {
        free(leg);
        return rc == FD_ENOMEM ? rc : fd__error_context(rc, "%s", fn);
    }
    *out = leg;
    return FD_OK;
}

/* The generic header row: finds the column of every mapped field. */
static fd_status read_header(fd_cdr_parser *p, size_t ncols)
{
    static const char fn[] = "fd_cdr_parse_line";
    for (size_t i = 0; i < ncols; i++)
        if (!fd__utf8_valid(col_text(p, i), p->cols[i].len))
            return fd__error(FD_EINVAL, "%s: header row: column %zu: not valid UTF-8 (convert the file to UTF-8)",
                             fn, i + 1);
    int *cf = calloc(ncols, sizeof *cf);
    if (cf == NULL)
        return fd__oom(fn);
    for (int f = LF_NONE + 1; f < LF_COUNT; f++) {
        const char *want = p->want[f];
        if (want == NULL)
            continue;
        int found = -1;
        for (int pass = 0; pass < 2 && found < 0; pass++)
            for (size_t i = 0; i < ncols; i++) {
                size_t n = p->cols[i].len;
                const char *h = trim(col_text(p, i), &n);
                bool eq = pass == 0 ? strlen(want) == n && memcmp(h, want, n) == 0 : upper_eq(h, n, want);
                if (!eq)
                    continue;
                if (found >= 0) {
                    free(cf);
                    return fd__error(FD_EINVAL, "%s: header row: '%.40s' (%s) names columns %d and %zu", fn, want,
                                     FIELDS[f].name, found + 1, i + 1);
                }
                found = (int)i;
            }
        if (found < 0) {
            free(cf);
            return fd__error(FD_EINVAL, "%s: header row: no column '%.40s' (column_map: %s)", fn, want,
                             FIELDS[f].name);
        }
        p->field_col[f] = found;
        if (cf[found] == LF_NONE)
            cf[found] = f;
    }
    p->col_field = cf;
    p->ncols = ncols;
    return FD_OK;
}

/* Which layout columns feed which fields, for this line of @ncols columns. */
static fd_status map_columns(const fd_cdr_parser *p, size_t ncols, vals *v)
{
    for (int f = 0; f < LF_COUNT; f++) {
        v->col[f] = -1;
        v->s[f] = "";
    }
    if (p->dialect == FD_CDR_GENERIC) {
        if (ncols != p->ncols)
            return fd__error(FD_EINVAL, "fd_cdr_parse_line: columns: %zu, the header row has %zu", ncols, p->ncols);
        for (int f = LF_NONE + 1; f < LF_COUNT; f++)
            v->col[f] = p->field_col[f];
        return FD_OK;
    }
    size_t n;
    const column *c = layout(p->dialect, &n);
    bool ok = p->dialect == FD_CDR_ASTERISK_CSV    ? ncols == 16 || ncols == 17 || ncols == 18 || ncols == 21
              : p->dialect == FD_CDR_ASTERISK_CUSTOM ? ncols == 19
                                                     : ncols == 13 || ncols == 15;
    if (!ok) {
        const char *takes = p->dialect == FD_CDR_ASTERISK_CSV      ? "16, 17, 18 or 21"
                            : p->dialect == FD_CDR_ASTERISK_CUSTOM ? "19"
                                                                   : "15 (the \"example\" template) or 13";
        return fd__error(FD_EINVAL, "fd_cdr_parse_line: columns: %zu, %s has %s", ncols, DIALECT_NAMES[p->dialect],
                         takes);
    }
    for (size_t i = 0; i < ncols && i < n; i++)
        if (c[i].field != LF_NONE)
            v->col[c[i].field] = (int)i;
    return FD_OK;
}

/* Builds FreeSWITCH's clid as mod_cdr_csv's ${caller_id} does: "name" <number>, or the number. */
static fd_status fs_clid(const fd_cdr_parser *p, vals *v)
{
    const char *name = v->s[LF_CID_NAME], *num = v->s[LF_SRC];
    int w = name[0] ? snprintf(v->clid, sizeof v->clid, "\"%s\" <%s>", name, num)
                    : snprintf(v->clid, sizeof v->clid, "%s", num);
    if (w < 0 || (size_t)w > FIELDS[LF_CLID].max)
        return col_error(p, FD_ERANGE, (size_t)v->col[LF_CID_NAME],
                         "with the number the caller ID is over %zu bytes", FIELDS[LF_CLID].max);
    return FD_OK;
}

fd_status fd_cdr_parse_line(fd_cdr_leg **out, fd_cdr_parser *parser, const char *line)
{
    static const char fn[] = "fd_cdr_parse_line";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "parser", parser);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "line", line);
    if (rc)
        return rc;
    fd_cdr_parser *p = parser;
    if (p->header == HEADER_FAILED)
        return fd__error(FD_EINVAL, "%s: header row: it was refused, so no line of this file can be read", fn);
    size_t len = strlen(line);
    if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) { /* a byte-order mark (Excel) */
        line += 3;
        len -= 3;
    }
    if (len > 0 && line[len - 1] == '\n')
        len--;
    if (len > 0 && line[len - 1] == '\r')
        len--;
    size_t blank = 0;
    while (blank < len && is_space(line[blank]))
        blank++;
    if (blank == len) {
        *out = NULL;
        return FD_OK;
    }
    size_t ncols = 0;
    rc = split(p, line, len, &ncols);
    if (p->header == HEADER_WANTED) {
        if (rc == FD_OK)
            rc = read_header(p, ncols);
        if (rc) {
            p->header = HEADER_FAILED;
            return rc;
        }
        p->header = HEADER_DONE;
        *out = NULL;
        return FD_OK;
    }
    if (rc)
        return rc;
    vals v;
    if ((rc = map_columns(p, ncols, &v)) != FD_OK)
        return rc;
    /* Every column is UTF-8; the kept ones are clean and short enough. */
    for (size_t i = 0; i < ncols; i++) {
        bool kept = false;
        size_t max = CDR_OTHER_MAX;
        for (int f = LF_NONE + 1; f < LF_COUNT; f++)
            if (v.col[f] == (int)i) {
                kept = true;
                if (FIELDS[f].max < max)
                    max = FIELDS[f].max;
            }
        if ((rc = check_col(p, i, kept, max)) != FD_OK)
            return rc;
    }
    for (int f = LF_NONE + 1; f < LF_COUNT; f++)
        if (v.col[f] >= 0)
            v.s[f] = col_text(p, (size_t)v.col[f]);
    /* Times: start and end are required; an empty (or 0) answer is an unanswered leg. */
    bool empty;
    size_t cs = (size_t)v.col[LF_START], ca = (size_t)v.col[LF_ANSWER], ce = (size_t)v.col[LF_END];
    if ((rc = parse_time(p, cs, false, &v.start, &empty)) != FD_OK)
        return rc;
    if (empty)
        return col_error(p, FD_EINVAL, cs, "empty: a leg has a start");
    v.answer = 0;
    if (v.col[LF_ANSWER] >= 0) {
        if ((rc = parse_time(p, ca, true, &v.answer, &empty)) != FD_OK)
            return rc;
        if (empty)
            v.answer = 0;
    }
    if ((rc = parse_time(p, ce, false, &v.end, &empty)) != FD_OK)
        return rc;
    if (empty)
        return col_error(p, FD_EINVAL, ce, "empty: a leg has an end");
    if (v.answer && v.answer < v.start)
        return col_error(p, FD_EINVAL, ca, "before the start (column %zu): an answer cannot come first", cs + 1);
    if (v.answer && v.end < v.answer)
        return col_error(p, FD_EINVAL, ce, "before the answer (column %zu)", ca + 1);
    if (v.end < v.start)
        return col_error(p, FD_EINVAL, ce, "before the start (column %zu)", cs + 1);
    v.duration = v.billsec = v.sequence = 0;
    if (v.col[LF_DURATION] >= 0 && (rc = parse_count(p, (size_t)v.col[LF_DURATION], &v.duration)) != FD_OK)
        return rc;
    if (v.col[LF_BILLSEC] >= 0 && (rc = parse_count(p, (size_t)v.col[LF_BILLSEC], &v.billsec)) != FD_OK)
        return rc;
    if (v.col[LF_SEQUENCE] >= 0) {
        size_t i = (size_t)v.col[LF_SEQUENCE], n = p->cols[i].len;
        const char *s = trim(col_text(p, i), &n);
        if (n > 0 && !all_digits(s, n))
            return col_error(p, FD_EINVAL, i, "not a whole number");
        if (n > 15)
            return col_error(p, FD_ERANGE, i, "more than 15 digits");
        for (size_t k = 0; k < n; k++)
            v.sequence = v.sequence * 10 + (s[k] - '0');
    }
    size_t cd = (size_t)v.col[LF_DISPOSITION];
    if ((rc = parse_disposition(p, cd, v.answer != 0, &v.disposition)) != FD_OK)
        return rc;
    bool says_answered = strcmp(v.disposition, D_ANSWERED) == 0 || strcmp(v.disposition, D_DROPPED) == 0;
    if (says_answered && v.answer == 0)
        return col_error(p, FD_EINVAL, cd, "says the leg was answered, but it has no answer time%s",
                         v.col[LF_ANSWER] >= 0 ? "" : " (map answer_at)");
    if (!says_answered && v.answer != 0)
        return col_error(p, FD_EINVAL, cd, "says the leg was not answered (%s), but it has an answer time (column %zu)",
                         v.disposition, ca + 1);
    /* The uniqueid: given, or (16 Asterisk columns) made from the line, so
     * that importing the same line again finds the same leg. */
    if (v.col[LF_UNIQUEID] >= 0) {
        size_t i = (size_t)v.col[LF_UNIQUEID], n = p->cols[i].len;
        trim(col_text(p, i), &n);
        if (n == 0)
            return col_error(p, FD_EINVAL, i, "empty: every leg needs its uniqueid");
    } else {
        uint64_t h = 0xcbf29ce484222325ULL;
        for (size_t i = 0; i < ncols; i++)
            h = fnv(h, col_text(p, i), p->cols[i].len + 1);
        snprintf(v.uid, sizeof v.uid, "%" PRId64 "-%016" PRIx64, v.start, h);
    }
    if (p->dialect == FD_CDR_FREESWITCH_CSV && (rc = fs_clid(p, &v)) != FD_OK)
        return rc;
    return make_leg(out, p, &v);
}

/* --- assembling a call -------------------------------------------------------- */

static const char *str_or_empty(const char *s)
{
    return s ? s : "";
}

/* An internal extension: 1 to 6 ASCII digits. */
static bool is_extension(const char *s)
{
    size_t n = strlen(s);
    return n >= 1 && n <= 6 && all_digits(s, n);
}

/*
 * The party a leg reached: the extension in its dstchannel ("SIP/8002-0000001b",
 * "PJSIP/8002-00000012", "Local/8002@from-internal-0000;1"), else its dst.
 */
static void leg_party(const fd_cdr_leg *l, char *out, size_t cap)
{
    const char *dc = str_or_empty(l->dstchannel), *slash = strchr(dc, '/');
    if (slash) {
        const char *r = slash + 1;
        size_t n = strcspn(r, "@-;");
        if (n >= 1 && n <= 6 && all_digits(r, n)) {
            snprintf(out, cap, "%.*s", (int)n, r);
            return;
        }
    }
    snprintf(out, cap, "%s", str_or_empty(l->dst));
}

/*
 * How a party shows in the call's callee and transfer chain, which are not
 * personal-data fields: extensions and other short text as they are; a phone
 * number masked (R-COM-2; the whole number stays in the legs).
 */
static fd_status party_shown(const char *party, char *out, size_t cap)
{
    size_t digits_n = 0;
    for (const char *q = party; *q; q++)
        digits_n += *q >= '0' && *q <= '9';
    if (digits_n < 7) {
        snprintf(out, cap, "%s", party);
        return FD_OK;
    }
    fd_buf b = FD_BUF_INIT;
    fd_status rc = fd_phone_mask(&b, party);
    if (rc == FD_OK) {
        snprintf(out, cap, "%s", b.ptr);
    } else if (rc == FD_ENOMEM) {
        fd_buf_dispose(&b);
        return rc;
    } else { /* not a number fd_phone_parse knows: every digit but the first 3 and the last 2 starred */
        size_t seen = 0, k = 0;
        for (const char *q = party; *q && k + 1 < cap; q++) {
            bool digit = *q >= '0' && *q <= '9';
            seen += digit;
            out[k++] = digit && seen > 3 && seen + 2 <= digits_n ? '*' : *q;
        }
        out[k] = '\0'; /* a party (at most 80 bytes) fits: nothing is cut */
    }
    fd_buf_dispose(&b);
    return FD_OK;
}

/* Withheld callers: Asterisk and FreeSWITCH write these instead of a number or a name. */
static bool withheld(const char *s, size_t n)
{
    static const char *const words[] = { "anonymous", "unknown", "unavailable", "private", "restricted",
                                         "withheld", "blocked" };
    for (size_t i = 0; i < COUNT(words); i++)
        if (upper_eq(s, n, words[i]))
            return true;
    return false;
}

/* True when @s looks like a number rather than a name: only digits and + - ( ) spaces. */
static bool number_like(const char *s, size_t n)
{
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            any = true;
        else if (c != '+' && c != '-' && c != '(' && c != ')' && c != ' ')
            return false;
    }
    return any;
}

/*
 * The name and number in a caller ID: `"张三" <13800138000>`, `张三 <138...>`,
 * `<138...>`, `"张三"`, a bare number or a bare name. A name that is only a
 * number, or says the caller is withheld, is no name.
 */
static void split_clid(const char *clid, const char **name, size_t *nl, const char **num, size_t *ml)
{
    size_t n = strlen(clid);
    const char *s = trim(clid, &n);
    *name = *num = s;
    *nl = *ml = 0;
    const char *lt = NULL;
    if (n > 0 && s[n - 1] == '>')
        for (size_t i = n - 1; i-- > 0;)
            if (s[i] == '<') {
                lt = s + i;
                break;
            }
    if (lt) {
        *num = lt + 1;
        *ml = (size_t)(s + n - 1 - *num);
        n = (size_t)(lt - s);
        s = trim(s, &n);
    } else if (number_like(s, n)) {
        *num = s;
        *ml = n;
        return;
    }
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        s++;
        n -= 2;
        s = trim(s, &n);
    }
    if (n == 0 || number_like(s, n) || withheld(s, n))
        return;
    *name = s;
    *nl = n;
}

/* The caller's number for the call: national form when fd_phone_parse takes it, else as written. */
static void caller_number(const fd_cdr_leg *first, char *out, size_t cap)
{
    const char *src = str_or_empty(first->src);
    char buf[96];
    size_t n = strlen(src);
    const char *s = trim(src, &n);
    if (n == 0) { /* no src: the caller ID's number, if any */
        const char *name, *num;
        size_t nl, ml;
        split_clid(str_or_empty(first->clid), &name, &nl, &num, &ml);
        s = num;
        n = ml;
        s = trim(s, &n);
    }
    out[0] = '\0';
    if (n == 0 || n >= sizeof buf || withheld(s, n))
        return;
    memcpy(buf, s, n);
    buf[n] = '\0';
    fd_phone ph;
    if (fd_phone_parse(&ph, buf) == FD_OK)
        snprintf(out, cap, "%s", ph.national);
    else if (n <= 32 && n < cap)
        memcpy(out, buf, n + 1); /* kept raw (an extension, a foreign number); longer is dropped */
}

/* Cuts @s to at most @max bytes at a UTF-8 character boundary. */
static void cut_utf8(char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return;
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    s[n] = '\0';
}

/* The line a call came in on: the first leg's channel without its unique suffix ("SIP/trunk-0000001a"). */
static void call_line(const fd_cdr_leg *first, char *out, size_t cap)
{
    snprintf(out, cap, "%s", str_or_empty(first->channel));
    char *dash = strrchr(out, '-'), *slash = strchr(out, '/');
    if (dash && slash && dash > slash) {
        size_t k = strlen(dash + 1);
        bool hex = k > 0;
        for (const char *q = dash + 1; *q && hex; q++)
            hex = (*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f') || (*q >= 'A' && *q <= 'F') || *q == ';';
        if (hex)
            *dash = '\0';
    }
    cut_utf8(out, 80);
}

/* Sort order of legs: start, then an a-leg before its b-leg, then sequence, then uniqueid. */
typedef struct sleg {
    const fd_cdr_leg *l;
    int is_b;
    size_t given; /* position in the caller's array, for messages only */
} sleg;

static int cmp_leg(const void *a, const void *b)
{
    const sleg *x = a, *y = b;
    if (x->l->start_at != y->l->start_at)
        return x->l->start_at < y->l->start_at ? -1 : 1;
    if (x->is_b != y->is_b)
        return x->is_b - y->is_b;
    if (x->l->sequence != y->l->sequence)
        return x->l->sequence < y->l->sequence ? -1 : 1;
    int c = strcmp(str_or_empty(x->l->uniqueid), str_or_empty(y->l->uniqueid));
    if (c)
        return c;
    if (x->l->end_at != y->l->end_at)
        return x->l->end_at < y->l->end_at ? -1 : 1;
    return 0;
}

static size_t uf_find(size_t *parent, size_t i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

static bool same(const char *a, const char *b)
{
    return a && b && a[0] && strcmp(a, b) == 0;
}

/* Legs of one call: one linkedid, or (FreeSWITCH) linked by uuid and bleg_uuid. */
static fd_status check_one_call(const char *fn, sleg *s, size_t n)
{
    const char *linked = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *li = str_or_empty(s[i].l->linkedid);
        if (li[0] == '\0')
            continue;
        if (linked == NULL)
            linked = li;
        else if (strcmp(linked, li) != 0)
            return fd__error(FD_EINVAL, "%s: legs[%zu]: linkedid differs from another leg's: legs of different calls",
                             fn, s[i].given);
    }
    size_t *parent = malloc(n * sizeof *parent);
    if (parent == NULL)
        return fd__oom(fn);
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            const fd_cdr_leg *a = s[i].l, *b = s[j].l;
            if (same(a->linkedid, b->linkedid) || same(a->peer, b->uniqueid) || same(b->peer, a->uniqueid) ||
                same(a->linkedid, b->uniqueid) || same(b->linkedid, a->uniqueid))
                parent[uf_find(parent, i)] = uf_find(parent, j);
        }
    size_t root = uf_find(parent, 0), apart = n;
    for (size_t i = 1; i < n && apart == n; i++)
        if (uf_find(parent, i) != root)
            apart = i;
    free(parent);
    if (apart != n)
        return fd__error(FD_EINVAL,
                         "%s: legs[%zu]: not linked to legs[%zu] by linkedid, uniqueid or peer: "
                         "legs of different calls",
                         fn, s[apart].given, s[0].given);
    return FD_OK;
}

fd_status fd_cdr_assemble(fd_call **out, const fd_cdr_leg *const *legs, size_t n)
{
    static const char fn[] = "fd_cdr_assemble";
    fd_status rc = fd__check_ptr(fn, "out", out);
    if (rc == FD_OK)
        rc = fd__check_ptr(fn, "legs", legs);
    if (rc)
        return rc;
    if (n == 0)
        return fd__error(FD_EINVAL, "%s: n: no legs", fn);
    if (n > CDR_MAX_LEGS)
        return fd__error(FD_ERANGE, "%s: n: %zu legs, at most %d in one call", fn, n, CDR_MAX_LEGS);
    for (size_t i = 0; i < n; i++) {
        if (legs[i] == NULL)
            return fd__error(FD_EINVAL, "%s: legs[%zu]: NULL", fn, i);
        if ((rc = fd_cdr_leg_check(legs[i])) != FD_OK)
            return rc == FD_ENOMEM ? rc : fd__error_context(rc, "%s: legs[%zu]", fn, i);
        if (strcmp(legs[i]->source, legs[0]->source) != 0)
            return fd__error(FD_EINVAL, "%s: legs[%zu]: source differs from legs[0]'s: legs of different sources", fn,
                             i);
    }
    sleg *s = malloc(n * sizeof *s);
    if (s == NULL)
        return fd__oom(fn);
    for (size_t i = 0; i < n; i++) {
        s[i] = (sleg){ legs[i], 0, i };
        for (size_t j = 0; j < n && !s[i].is_b; j++)
            if (j != i && same(legs[j]->peer, legs[i]->uniqueid) && !same(legs[i]->peer, legs[j]->uniqueid))
                s[i].is_b = 1;
    }
    fd__qsort(s, n, sizeof *s, cmp_leg);
    for (size_t i = 0; i < n && rc == FD_OK; i++)
        for (size_t j = i + 1; j < n && rc == FD_OK; j++)
            if (legs[i]->sequence == legs[j]->sequence && strcmp(legs[i]->uniqueid, legs[j]->uniqueid) == 0)
                rc = fd__error(FD_EINVAL, "%s: legs[%zu]: the same leg (uniqueid and sequence) as legs[%zu]", fn, j,
                               i);
    if (rc == FD_OK)
        rc = check_one_call(fn, s, n);
    if (rc) {
        free(s);
        return rc;
    }

    /* Legs put through to a phone (Asterisk: a dstchannel) decide who answered;
     * a leg the PBX answered itself (an IVR menu, voicemail) counts only when
     * the call reached no phone. FreeSWITCH and generic legs have no channels. */
    bool any_phone = false;
    for (size_t i = 0; i < n; i++)
        any_phone = any_phone || str_or_empty(s[i].l->dstchannel)[0] != '\0';
    const fd_cdr_leg *first = s[0].l, *first_counted = NULL, *first_ans = NULL, *last_ans = NULL, *last_end = NULL,
                     *last_ans_end = NULL;
    int64_t end_at = first->end_at; /* instants may be before 1970 */
    for (size_t i = 0; i < n; i++) {
        const fd_cdr_leg *l = s[i].l;
        if (l->end_at > end_at)
            end_at = l->end_at;
        if (any_phone && str_or_empty(l->dstchannel)[0] == '\0')
            continue;
        if (first_counted == NULL)
            first_counted = l;
        if (last_end == NULL || l->end_at >= last_end->end_at)
            last_end = l;
        if (l->answer_at == 0)
            continue;
        if (first_ans == NULL || l->answer_at < first_ans->answer_at)
            first_ans = l;
        if (last_ans == NULL || l->answer_at >= last_ans->answer_at)
            last_ans = l;
        if (last_ans_end == NULL || l->end_at >= last_ans_end->end_at)
            last_ans_end = l;
    }
    /* The outcome: answered unless the answered leg that ended last was cut off
     * (dropped, R-CALL-8); unanswered, what happened on the leg that ended last. */
    const char *disposition;
    if (last_ans_end)
        disposition = strcmp(last_ans_end->disposition, D_DROPPED) == 0 ? D_DROPPED : D_ANSWERED;
    else
        disposition = last_end->disposition;

    const char *src = str_or_empty(first->src), *dst = str_or_empty(first->dst);
    const char *direction = is_extension(src) ? (is_extension(dst) ? "internal" : "out") : "in";

    char number[40], name[128] = "", callee[128], line[96], party[96], shown[128];
    caller_number(first, number, sizeof number);
    for (size_t i = 0; i < n && name[0] == '\0'; i++) {
        const char *nm, *num;
        size_t nl, ml;
        split_clid(str_or_empty(s[i].l->clid), &nm, &nl, &num, &ml);
        if (nl)
            snprintf(name, sizeof name, "%.*s", (int)(nl < sizeof name - 1 ? nl : sizeof name - 1), nm);
    }
    /* A quote inside a quoted caller ID name is written doubled ("北京""东方""物业"): one quote. */
    for (char *r = name, *w = name;; r++) {
        if (r[0] == '"' && r[1] == '"')
            r++;
        if ((*w++ = *r) == '\0')
            break;
    }
    cut_utf8(name, 100);
    leg_party(last_ans ? last_ans : first_counted, party, sizeof party);
    if ((rc = party_shown(party, callee, sizeof callee)) != FD_OK) {
        free(s);
        return rc;
    }
    cut_utf8(callee, 100);
    call_line(first, line, sizeof line);

    /* The transfer chain: each leg's party in start order, repeats in a row once. */
    char chain[304] = "", prev[128] = "";
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        if (any_phone && str_or_empty(s[i].l->dstchannel)[0] == '\0')
            continue;
        leg_party(s[i].l, party, sizeof party);
        if ((rc = party_shown(party, shown, sizeof shown)) != FD_OK) {
            free(s);
            return rc;
        }
        if (shown[0] == '\0' || strcmp(shown, prev) == 0)
            continue;
        snprintf(prev, sizeof prev, "%s", shown);
        size_t add = strlen(shown) + (used ? 3 : 0);
        if (used + add > 300 - 6) { /* room for " > …" */
            memcpy(chain + used, used ? " > \xE2\x80\xA6" : "\xE2\x80\xA6", used ? 6 : 3);
            used += used ? 6 : 3;
            chain[used] = '\0';
            break;
        }
        used += (size_t)snprintf(chain + used, sizeof chain - used, "%s%s", used ? " > " : "", shown);
    }

    const char *linked = NULL;
    for (size_t i = 0; i < n && linked == NULL; i++)
        if (str_or_empty(s[i].l->linkedid)[0])
            linked = s[i].l->linkedid;
    const char *source_key = linked ? linked : first->uniqueid;

    const char *strs[] = { direction, number, name, "", callee, disposition, "", "", line, "", "",
                           first->source, source_key, chain };
    size_t size = sizeof(fd_call);
    for (size_t i = 0; i < COUNT(strs); i++)
        size += strlen(strs[i]) + 1;
    fd_call *call = malloc(size);
    if (call == NULL) {
        free(s);
        return fd__oom(fn);
    }
    *call = (fd_call)FD_CALL_INIT;
    char *cur = (char *)(call + 1);
    call->direction = put(&cur, strs[0]);
    call->caller_number = put(&cur, strs[1]);
    call->caller_name = put(&cur, strs[2]);
    call->caller_type = put(&cur, strs[3]);
    call->callee = put(&cur, strs[4]);
    call->disposition = put(&cur, strs[5]);
    call->category = put(&cur, strs[6]);
    call->channel = put(&cur, strs[7]);
    call->line = put(&cur, strs[8]);
    call->matter = put(&cur, strs[9]);
    call->apology = put(&cur, strs[10]);
    call->source = put(&cur, strs[11]);
    call->source_key = put(&cur, strs[12]);
    call->transfers = put(&cur, strs[13]);
    call->ring_at = first->start_at;
    call->answer_at = first_ans ? first_ans->answer_at : 0;
    call->ring_leg_at = first_ans ? first_ans->start_at : 0;
    call->end_at = end_at;
    call->legs = (int64_t)n;
    free(s);
    if ((rc = fd_call_check(call)) != FD_OK) {
        free(call);
        return rc == FD_ENOMEM ? rc : fd__error_context(rc, "%s", fn);
    }
    *out = call;
    return FD_OK;
}
