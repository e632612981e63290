/*
 * The store's public write and read API on a private in-memory database
 * (":memory:", new for every input), with actors, records, filters and match
 * bits built from the input. Every call gives FD_OK or an error with a valid
 * UTF-8 message; a refused write changes nothing (rows of every table of
 * every site, policy values and grants are counted before and after); a
 * listing or a get shows only the actor's site, and a journal detail masked
 * (fd_pii_mask_text) unless the actor reveals it; records' strings are valid
 * UTF-8; buffers of failed renderings are empty; an iterator outlives the
 * store's close.
 *
 * The input is a list of operations: an opcode byte, then its arguments read
 * as numbers and NUL-terminated strings (fuzz.h). Each input starts from the
 * same world: sites 1 (north) and 2 (south), a clerk (staff 1) and a manager
 * (staff 2, reveal and manage) at site 1, a guard (staff 3) at site 2, and
 * journal entries with phone numbers in them.
 */
#include <frontdesk.h>

#include "fuzz.h"

#include <stdio.h>

#define T0 1795136400 /* 2026-11-20 09:00 +08:00 */
#define MAX_SITES 12
#define MAX_IDS 512

static fd_store *st;
static bool in_tx;

/* What the harness wrote, to compare reads with: journal details by id. */
static char *details[MAX_IDS];
static int64_t max_site = 2;

static void forget(void)
{
    for (int i = 0; i < MAX_IDS; i++) {
        free(details[i]);
        details[i] = NULL;
    }
}

static void remember(int64_t id, const char *detail)
{
    if (id > 0 && id < MAX_IDS) {
        free(details[id]);
        details[id] = strdup(detail ? detail : "");
    }
}

/* --- the state, counted through the API -------------------------------- */

typedef struct snapshot {
    int64_t sites, staff[MAX_SITES], journal[MAX_SITES], reveals[MAX_SITES], active[MAX_SITES];
    uint64_t policy[MAX_SITES], grants[MAX_SITES];
} snapshot;

static const char *const ROLES[] = { "clerk", "manager", "guard", "x" };

static void take(snapshot *s)
{
    memset(s, 0, sizeof *s);
    fd_site_iter *si = NULL;
    const fd_site *site;
    CHECK(fd_store_site_query(&si, st, NULL, NULL) == FD_OK);
    while (fd_site_iter_next(&site, si) == FD_OK && site)
        s->sites++;
    fd_site_iter_free(si);
    for (int64_t id = 1; id <= max_site && id < MAX_SITES; id++) {
        fd_actor a = FD_ACTOR_INIT;
        a.site_id = id;
        a.at = T0;
        fd_staff_iter *sti = NULL;
        const fd_staff *sf;
        if (fd_store_staff_query(&sti, st, &a, NULL) != FD_OK)
            continue; /* no such site */
        while (fd_staff_iter_next(&sf, sti) == FD_OK && sf) {
            s->staff[id]++;
            s->active[id] += sf->active;
        }
        fd_staff_iter_free(sti);
        fd_journal_iter *ji = NULL;
        const fd_journal_entry *je;
        CHECK(fd_store_journal_query(&ji, st, &a, NULL) == FD_OK);
        while (fd_journal_iter_next(&je, ji) == FD_OK && je)
            s->journal[id]++;
        fd_journal_iter_free(ji);
        fd_reveal_iter *ri = NULL;
        const fd_reveal *rv;
        CHECK(fd_store_reveal_query(&ri, st, &a, NULL) == FD_OK);
        while (fd_reveal_iter_next(&rv, ri) == FD_OK && rv)
            s->reveals[id]++;
        fd_reveal_iter_free(ri);
        fd_policy *p = NULL;
        if (fd_store_policy_load(&p, st, id) == FD_OK) {
            for (size_t k = 0; k < fd_policy_key_count(); k++) {
                fd_policy_key_info info;
                int64_t v = 0;
                fd_policy_key_at(&info, k);
                fd_policy_get(&v, p, info.key);
                s->policy[id] = s->policy[id] * 1000003u + (uint64_t)v;
            }
            fd_policy_free(p);
        }
        for (size_t r = 0; r < sizeof ROLES / sizeof ROLES[0]; r++)
            for (int g = FD_GRANT_REVEAL; g <= FD_GRANT_MANAGE; g++) {
                int has = 0;
                fd_store_grant_has(&has, st, id, ROLES[r], (fd_grant)g);
                s->grants[id] = s->grants[id] << 1 | (uint64_t)has;
            }
    }
}

/* A write was refused: nothing may have changed. */
static void unchanged(const snapshot *before)
{
    snapshot after;
    take(&after);
    CHECK(memcmp(before, &after, sizeof after) == 0);
}

/* --- building arguments from the input ---------------------------------- */

static char sbuf[8][256];
static int sidx;

static const char *str(fz *f)
{
    uint8_t sel = fz_u8(f);
    if (sel == 0xFF)
        return NULL;
    char *b = sbuf[sidx++ % 8];
    return fz_str(f, b, sizeof sbuf[0]);
}

static int64_t small_id(fz *f)
{
    uint8_t sel = fz_u8(f);
    return sel < 0xF0 ? sel % 6 : fz_i64(f);
}

static void actor_of(fz *f, fd_actor *a)
{
    uint8_t sel = fz_u8(f);
    *a = (fd_actor)FD_ACTOR_INIT;
    if (sel & 0x80)
        a->version = (unsigned)fz_u8(f);
    a->site_id = sel & 0x40 ? small_id(f) : 1 + (sel & 1);
    a->staff_id = sel & 0x20 ? small_id(f) : (sel >> 1) % 4; /* 0 the system, 1 clerk, 2 manager, 3 guard */
    a->at = sel & 0x10 ? fz_i64(f) : T0 + (int64_t)(int16_t)fz_u64(f, 2);
    a->grants = (sel >> 2) & 3;
    if (sel & 0x08)
        a->grants = (unsigned)fz_u64(f, 4);
    a->reason = a->grants & FD_GRANT_REVEAL ? str(f) : NULL;
}

/* --- reads: what a listing shows ----------------------------------------- */

static void check_entry(const fd_journal_entry *e, const fd_actor *a)
{
    CHECK(e->id > 0 && fz_valid(e->entity) && fz_valid(e->action) && fz_valid(e->detail));
    if (a)
        CHECK(e->site_id == a->site_id);
    if (e->id < MAX_IDS && details[e->id]) {
        /* R-COM-2: the journal keeps a detail masked from the moment it is written (it is never
         * purged), so a reveal shows the masked text too. */
        fd_buf m = FD_BUF_INIT;
        CHECK(fd_pii_mask_text(&m, NULL, details[e->id]) == FD_OK);
        CHECK(strcmp(e->detail, m.ptr) == 0);
        fd_buf_dispose(&m);
    }
}

static void check_staff(const fd_staff *s, const fd_actor *a)
{
    CHECK(s->id > 0 && fz_valid(s->code) && fz_valid(s->name) && fz_valid(s->role));
    CHECK(s->active == 0 || s->active == 1);
    if (a)
        CHECK(s->site_id == a->site_id);
}

static void check_site(const fd_site *s)
{
    CHECK(s->id > 0 && fz_valid(s->code) && fz_valid(s->name) && fz_valid(s->time_zone));
}

static void check_reveal(const fd_reveal *r, const fd_actor *a)
{
    CHECK(r->id > 0 && fz_valid(r->record) && fz_valid(r->field) && fz_valid(r->reason));
    if (a)
        CHECK(r->site_id == a->site_id);
}

static const char *pick_str(fz *f)
{
    return str(f);
}

/* Filters: any match bits, fields from the input. */
static void query(fz *f, const fd_actor *a, int which)
{
    uint64_t match = fz_u8(f) & 1 ? fz_u64(f, 8) : fz_u64(f, 2);
    unsigned version = fz_u8(f) == 0x7F ? 99u : 1u;
    int64_t after = fz_u8(f) & 1 ? fz_num(f) : 0, limit = fz_u8(f) & 1 ? fz_num(f) : 0;
    const fd_actor *actor = fz_u8(f) == 0x55 ? NULL : a;
    fd_status rc;
    if (which == 0) {
        fd_site_filter fl = FD_SITE_FILTER_INIT;
        fl.version = version, fl.match = match, fl.after = after, fl.limit = limit;
        fl.id = small_id(f), fl.code = pick_str(f), fl.name = pick_str(f), fl.time_zone = pick_str(f);
        fl.created_at_from = fz_num(f), fl.created_at_to = fz_num(f), fl.created_by = small_id(f);
        fl.search = pick_str(f);
        fd_site_iter *it = NULL;
        const fd_site *s;
        rc = fd_store_site_query(&it, st, actor, &fl);
        fz_status(rc);
        while (rc == FD_OK && (rc = fd_site_iter_next(&s, it)) == FD_OK && s)
            check_site(s);
        fz_status(rc);
        fd_site_iter_free(it);
    } else if (which == 1) {
        fd_staff_filter fl = FD_STAFF_FILTER_INIT;
        fl.version = version, fl.match = match, fl.after = after, fl.limit = limit;
        fl.id = small_id(f), fl.site_id = small_id(f), fl.code = pick_str(f), fl.name = pick_str(f);
        fl.role = pick_str(f), fl.active = (int)fz_num(f), fl.created_at_from = fz_num(f);
        fl.created_at_to = fz_num(f), fl.created_by = small_id(f), fl.search = pick_str(f);
        fd_staff_iter *it = NULL;
        const fd_staff *s;
        rc = fd_store_staff_query(&it, st, actor, &fl);
        fz_status(rc);
        while (rc == FD_OK && (rc = fd_staff_iter_next(&s, it)) == FD_OK && s)
            check_staff(s, actor);
        fz_status(rc);
        fd_staff_iter_free(it);
    } else if (which == 2) {
        fd_journal_filter fl = FD_JOURNAL_FILTER_INIT;
        fl.version = version, fl.match = match, fl.after = after, fl.limit = limit;
        fl.id = small_id(f), fl.at_from = fz_num(f), fl.at_to = fz_num(f), fl.site_id = small_id(f);
        fl.staff_id = small_id(f), fl.entity = pick_str(f), fl.entity_id = fz_num(f), fl.action = pick_str(f);
        fd_journal_iter *it = NULL;
        const fd_journal_entry *e;
        rc = fd_store_journal_query(&it, st, actor, &fl);
        fz_status(rc);
        while (rc == FD_OK && (rc = fd_journal_iter_next(&e, it)) == FD_OK && e)
            check_entry(e, actor);
        fz_status(rc);
        fd_journal_iter_free(it);
    } else {
        fd_reveal_filter fl = FD_REVEAL_FILTER_INIT;
        fl.version = version, fl.match = match, fl.after = after, fl.limit = limit;
        fl.id = small_id(f), fl.at_from = fz_num(f), fl.at_to = fz_num(f), fl.site_id = small_id(f);
        fl.staff_id = small_id(f), fl.record = pick_str(f), fl.record_id = fz_num(f), fl.field = pick_str(f);
        fd_reveal_iter *it = NULL;
        const fd_reveal *r;
        rc = fd_store_reveal_query(&it, st, actor, &fl);
        fz_status(rc);
        while (rc == FD_OK && (rc = fd_reveal_iter_next(&r, it)) == FD_OK && r)
            check_reveal(r, actor);
        fz_status(rc);
        fd_reveal_iter_free(it);
    }
}

/* --- the world every input starts from ---------------------------------- */

static void world(void)
{
    forget();
    max_site = 2;
    in_tx = false;
    CHECK(fd_store_open(&st, ":memory:", NULL) == FD_OK);
    fd_actor sys = FD_ACTOR_INIT;
    sys.at = T0 - 3600;
    fd_site north = FD_SITE_INIT, south = FD_SITE_INIT;
    north.code = "north", north.name = "北区产业园", north.time_zone = "Asia/Shanghai";
    south.code = "south", south.name = "South Tower", south.time_zone = "America/New_York";
    int64_t id;
    CHECK(fd_store_site_add(&id, st, &sys, &north) == FD_OK && id == 1);
    CHECK(fd_store_site_add(&id, st, &sys, &south) == FD_OK && id == 2);
    static const struct {
        int64_t site;
        const char *code, *name, *role;
    } staff[] = { { 1, "A001", "王小丽", "clerk" }, { 1, "M001", "欧阳娜娜", "manager" }, { 2, "G001", "John Smith", "guard" } };
    for (int i = 0; i < 3; i++) {
        fd_staff s = FD_STAFF_INIT;
        s.code = staff[i].code, s.name = staff[i].name, s.role = staff[i].role;
        sys.site_id = staff[i].site;
        CHECK(fd_store_staff_add(&id, st, &sys, &s) == FD_OK && id == i + 1);
    }
    sys.site_id = 1;
    CHECK(fd_store_grant_set(st, &sys, "manager", FD_GRANT_REVEAL, 1) == FD_OK);
    CHECK(fd_store_grant_set(st, &sys, "manager", FD_GRANT_MANAGE, 1) == FD_OK);
    static const char *const seeded[] = { "客户 13800138000 报修 3号楼", "身份证 11010519491231002X 登记",
                                          "电话 010-12345678 转 8001" };
    for (int i = 0; i < 3; i++) {
        fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
        e.entity = "call", e.entity_id = i + 1, e.action = "log", e.detail = seeded[i];
        sys.staff_id = 1;
        sys.at = T0 + i;
        CHECK(fd_store_journal_add(&id, st, &sys, &e) == FD_OK);
        remember(id, seeded[i]);
    }
}

/* --- one operation -------------------------------------------------------- */

static void step(fz *f)
{
    uint8_t op = fz_u8(f);
    fd_actor a;
    actor_of(f, &a);
    snapshot before;
    fd_status rc;
    int64_t id = -7;
    switch (op % 19) {
    case 0: { /* add a site */
        fd_site s = FD_SITE_INIT;
        s.code = str(f), s.name = str(f), s.time_zone = str(f);
        take(&before);
        rc = fd_store_site_add(&id, st, &a, &s);
        fz_status(rc);
        if (rc != FD_OK) {
            CHECK(id == -7);
            unchanged(&before);
        } else if (id > max_site) {
            max_site = id;
        }
        break;
    }
    case 1: { /* add staff */
        fd_staff s = FD_STAFF_INIT;
        s.code = str(f), s.name = str(f), s.role = str(f);
        take(&before);
        rc = fd_store_staff_add(&id, st, &a, &s);
        fz_status(rc);
        if (rc != FD_OK)
            unchanged(&before);
        break;
    }
    case 2: { /* a journal entry */
        fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
        e.entity = str(f), e.entity_id = fz_num(f), e.action = str(f), e.detail = str(f);
        take(&before);
        rc = fd_store_journal_add(&id, st, &a, &e);
        fz_status(rc);
        if (rc != FD_OK)
            unchanged(&before);
        else
            remember(id, e.detail);
        break;
    }
    case 3: { /* give or take a grant */
        const char *role = str(f);
        int grant = (int)fz_num(f), on = (int)fz_num(f);
        take(&before);
        rc = fd_store_grant_set(st, &a, role, (fd_grant)grant, on);
        fz_status(rc);
        if (rc != FD_OK)
            unchanged(&before);
        break;
    }
    case 4:
    case 5: { /* set or reset a policy value */
        char kb[128];
        const char *key = fz_str(f, kb, sizeof kb);
        fd_policy_key_info info;
        if (strlen(key) == 1 && fd_policy_key_at(&info, (unsigned char)key[0] % fd_policy_key_count()) == FD_OK)
            key = info.key;
        int64_t v = fz_num(f);
        take(&before);
        rc = op % 19 == 4 ? fd_store_policy_set(st, &a, key, v) : fd_store_policy_reset(st, &a, key);
        fz_status(rc);
        if (rc != FD_OK)
            unchanged(&before);
        break;
    }
    case 6: { /* (de)activate staff */
        int64_t who = small_id(f);
        int active = (int)fz_num(f);
        take(&before);
        rc = fd_store_staff_set_active(st, &a, who, active);
        fz_status(rc);
        if (rc != FD_OK)
            unchanged(&before);
        break;
    }
    case 7: case 8: case 9: case 10:
        query(f, &a, op % 19 - 7);
        break;
    case 11: { /* gets by id */
        int64_t want = small_id(f);
        fd_site *s = NULL;
        fd_staff *sf = NULL;
        fd_journal_entry *e = NULL;
        fd_reveal *r = NULL;
        const fd_actor *actor = fz_u8(f) == 0x55 ? NULL : &a;
        if ((rc = fd_store_site_get(&s, st, actor, want)) == FD_OK)
            check_site(s);
        fz_status(rc);
        if ((rc = fd_store_staff_get(&sf, st, actor, want)) == FD_OK)
            check_staff(sf, actor);
        fz_status(rc);
        if ((rc = fd_store_journal_get(&e, st, actor, want)) == FD_OK)
            check_entry(e, actor);
        fz_status(rc);
        if ((rc = fd_store_reveal_get(&r, st, actor, want)) == FD_OK)
            check_reveal(r, actor);
        fz_status(rc);
        fd_site_free(s);
        fd_staff_free(sf);
        fd_journal_entry_free(e);
        fd_reveal_free(r);
        break;
    }
    case 12: { /* by code */
        const char *code = str(f);
        fd_site *s = NULL;
        fd_staff *sf = NULL;
        if ((rc = fd_store_site_get_by_code(&s, st, code)) == FD_OK)
            check_site(s);
        fz_status(rc);
        if ((rc = fd_store_staff_get_by_code(&sf, st, &a, code)) == FD_OK)
            check_staff(sf, &a);
        fz_status(rc);
        fd_site_free(s);
        fd_staff_free(sf);
        if ((rc = fd_store_site_default(&s, st)) == FD_OK)
            check_site(s);
        fz_status(rc);
        fd_site_free(s);
        break;
    }
    case 13: { /* a site's local date */
        fd_date d = { -1, -1, -1 };
        rc = fd_store_site_date(&d, st, small_id(f), a.at);
        fz_status(rc);
        CHECK(rc != FD_OK || fd_date_check(d) == FD_OK);
        break;
    }
    case 14: { /* the daily report, rendered */
        fd_date d = { 2026, 11, 20 };
        if (fz_u8(f) & 1)
            d = (fd_date){ (int32_t)fz_num(f), (int32_t)fz_num(f), (int32_t)fz_num(f) };
        fd_report *r = NULL;
        rc = fd_report_daily_new(&r, st, &a, d, fz_u8(f) & 1 ? "en" : NULL);
        fz_status(rc);
        if (rc == FD_OK) {
            fd_buf b = FD_BUF_INIT;
            int format = (int)(int8_t)fz_u8(f) % 4;
            fz_stale(&b);
            rc = fd_report_render(&b, r, (fd_report_format)format);
            fz_after(rc, &b);
            CHECK((rc == FD_OK) == (format >= 0 && format <= 2));
            CHECK(rc != FD_OK || fz_valid(b.ptr));
            fd_buf_dispose(&b);
            fd_report_free(r);
        }
        break;
    }
    case 15: { /* transactions */
        uint8_t what = fz_u8(f) % 3;
        rc = what == 0 ? fd_store_begin(st) : what == 1 ? fd_store_commit(st) : fd_store_rollback(st);
        fz_status(rc);
        CHECK(rc == FD_OK ? true : rc == FD_ESTATE);
        if (rc == FD_OK)
            in_tx = what == 0;
        if (rc == FD_OK && what == 2)
            forget(); /* ids may be given again */
        break;
    }
    case 16: { /* grant_has */
        int has = -1;
        rc = fd_store_grant_has(&has, st, small_id(f), str(f), (fd_grant)fz_num(f));
        fz_status(rc);
        CHECK(rc != FD_OK || has == 0 || has == 1);
        break;
    }
    case 17: { /* a site's policy */
        fd_policy *p = NULL;
        rc = fd_store_policy_load(&p, st, small_id(f));
        fz_status(rc);
        CHECK((rc == FD_OK) == (p != NULL));
        fd_policy_free(p);
        break;
    }
    default:
        fz_status(fd_store_actor_check(st, &a));
        break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    world();
    fz f = { data, size };
    for (int n = 0; n < 24 && f.n > 0; n++)
        step(&f);
    if (in_tx) {
        CHECK(fd_store_rollback(st) == FD_OK);
        forget();
    }
    /* Whatever was refused or done, the journal's chain is whole. */
    fd_store_verify_report report = FD_STORE_VERIFY_REPORT_INIT;
    CHECK(fd_store_verify(&report, st) == FD_OK && report.first_bad_id == 0);
    /* An iterator outlives the store (store.h). */
    fd_actor a = FD_ACTOR_INIT;
    a.site_id = 1;
    a.at = T0;
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e;
    CHECK(fd_store_journal_query(&it, st, &a, NULL) == FD_OK);
    fd_store_close(st);
    st = NULL;
    fd_status rc;
    while ((rc = fd_journal_iter_next(&e, it)) == FD_OK && e)
        check_entry(e, &a);
    fz_status(rc);
    fd_journal_iter_free(it);
    return 0;
}
