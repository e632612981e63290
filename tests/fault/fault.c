/*
 * Fault injection in SQLite's way (issue 17): a scenario of the store's public
 * operations runs again and again, and run N fails the Nth allocation (mode
 * alloc) or the Nth file operation (mode io), once or from then on
 * (persistent). Every call must return FD_OK or an error code with a message
 * and no crash; afterwards, with faults off, the database opens, passes
 * PRAGMA integrity_check and fd_store_verify (the journal's hash chain), holds
 * every record whose write returned FD_OK and nothing of a write that failed
 * (a write whose xSync failed after the commit reached the WAL may be either,
 * but whole); reads that succeeded returned the truth; and no memory is left
 * allocated.
 *
 *   fault_test alloc|io [--once|--persistent] [--only N] [-v|-vv|-vvv|-vvvv]
 *
 * Allocations: the library's own calls to malloc, calloc, realloc, strdup
 * and free are linked to the __wrap_ functions below (ld --wrap, see
 * CMakeLists.txt), SQLite allocates through SQLITE_CONFIG_MALLOC and ICU
 * through u_setMemoryFunctions; all three go to the same counting shim and
 * from there to the real malloc, so AddressSanitizer still sees every block.
 * Files: a VFS registered as SQLite's default wraps "unix" and can fail
 * xRead, xWrite (torn: half the bytes reach the file), xSync, xLock,
 * xTruncate and xFileSize.
 *
 * FD_FAULT_RUNS caps the runs per mode (evenly spread over the fault
 * points; 0 = every point); tests/fault/run sets it to 0. FD_FAULT_FROM and
 * FD_FAULT_TO restrict the points to a range (one module's calls).
 */
#include <frontdesk.h>

#include "fd_db_files.h"

#include <sqlite3.h>
#include <unicode/uclean.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <execinfo.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define FD_LSAN 1
#endif

/* ------------------------------------------------------------------------
 * The fault switch
 * ---------------------------------------------------------------------- */

typedef enum { MODE_ALLOC, MODE_IO } fault_mode;

static struct {
    fault_mode mode;
    bool armed;      /* count (and maybe fail) operations of the mode */
    bool persistent; /* fail every operation from fail_at on */
    long fail_at;    /* 0: never fail */
    long count;      /* operations seen since armed */
    long failed;     /* operations failed since armed */
    long live;       /* allocations not yet freed (all three allocators) */
} F;

static int verbose;

static bool should_fail(fault_mode mode)
{
    if (!F.armed || F.mode != mode)
        return false;
    long n = ++F.count;
    if (F.fail_at > 0 && (n == F.fail_at || (F.persistent && n > F.fail_at))) {
        F.failed++;
        if (verbose >= 3 && F.failed == 1) { /* where the first fault hit */
            void *frames[32];
            int k = backtrace(frames, 32);
            backtrace_symbols_fd(frames, k, 2);
        }
        return true;
    }
    if (verbose >= 4 && F.failed > 0 && n <= F.fail_at + 3) { /* what came next */
        void *frames[32];
        int k = backtrace(frames, 32);
        fprintf(stderr, "fault: operation %ld:\n", n);
        backtrace_symbols_fd(frames, k, 2);
    }
    return false;
}

/* ------------------------------------------------------------------------
 * Allocations: the library (ld --wrap), SQLite and ICU
 * ---------------------------------------------------------------------- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);
char *__wrap_strdup(const char *s);

void *__wrap_malloc(size_t n)
{
    if (should_fail(MODE_ALLOC))
        return NULL;
    void *p = __real_malloc(n);
    F.live += p != NULL;
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    if (should_fail(MODE_ALLOC))
        return NULL;
    void *p = __real_calloc(n, size);
    F.live += p != NULL;
    return p;
}

void *__wrap_realloc(void *p, size_t n)
{
    if (should_fail(MODE_ALLOC))
        return NULL;
    void *q = __real_realloc(p, n);
    F.live += p == NULL && q != NULL;
    return q;
}

void __wrap_free(void *p)
{
    F.live -= p != NULL;
    __real_free(p);
}

char *__wrap_strdup(const char *s)
{
    if (should_fail(MODE_ALLOC))
        return NULL;
    char *p = __real_strdup(s);
    F.live += p != NULL;
    return p;
}

/* SQLite needs the size of a block: keep it in a 16-byte header. */
#define HDR 16

static void *sq_malloc(int n)
{
    char *p = __wrap_malloc((size_t)n + HDR);
    if (p == NULL)
        return NULL;
    memcpy(p, &n, sizeof n);
    return p + HDR;
}

static void sq_free(void *p)
{
    if (p)
        __wrap_free((char *)p - HDR);
}

static void *sq_realloc(void *p, int n)
{
    char *q = __wrap_realloc(p ? (char *)p - HDR : NULL, (size_t)n + HDR);
    if (q == NULL)
        return NULL;
    memcpy(q, &n, sizeof n);
    return q + HDR;
}

static int sq_size(void *p)
{
    int n = 0;
    if (p)
        memcpy(&n, (char *)p - HDR, sizeof n);
    return n;
}

static int sq_roundup(int n)
{
    return (n + 7) & ~7;
}

static int sq_init(void *app)
{
    (void)app;
    return SQLITE_OK;
}

static void sq_shutdown(void *app)
{
    (void)app;
}

/*
 * ICU fails like the others but is left out of the live count: a fault can
 * make it cache something else (a fallback locale's data), which is not a
 * leak of ours. AddressSanitizer's leak check sees ICU's blocks too.
 */
static void *U_CALLCONV icu_alloc(const void *ctx, size_t n)
{
    (void)ctx;
    return should_fail(MODE_ALLOC) ? NULL : __real_malloc(n);
}

static void *U_CALLCONV icu_realloc(const void *ctx, void *p, size_t n)
{
    (void)ctx;
    return should_fail(MODE_ALLOC) ? NULL : __real_realloc(p, n);
}

static void U_CALLCONV icu_free(const void *ctx, void *p)
{
    (void)ctx;
    __real_free(p);
}

/* ------------------------------------------------------------------------
 * Files: a VFS over "unix" whose file operations can fail
 * ---------------------------------------------------------------------- */

typedef struct ffile {
    sqlite3_file base;
    sqlite3_file *real; /* the unix file, stored right after this struct */
} ffile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;
static sqlite3_io_methods fault_io[4]; /* by the real methods' iVersion */

#define REAL(f) (((ffile *)(f))->real)

/* Operations by kind while armed (for the summary). */
enum { IO_READ, IO_WRITE, IO_SYNC, IO_LOCK, IO_TRUNCATE, IO_FILE_SIZE, IO_KINDS };
static long io_kinds[IO_KINDS];

static int fault_kind = -1; /* the kind of the first operation failed */

static bool io_fail(int kind)
{
    if (F.armed && F.mode == MODE_IO)
        io_kinds[kind]++;
    bool fail = should_fail(MODE_IO);
    if (fail && F.failed == 1)
        fault_kind = kind;
    return fail;
}

static int f_close(sqlite3_file *f)
{
    return REAL(f)->pMethods->xClose(REAL(f));
}

static int f_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
    return io_fail(IO_READ) ? SQLITE_IOERR_READ : REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}

/* A failing write is torn: its first half reaches the file, as on a disk that fills up mid-write. */
static int f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    if (!io_fail(IO_WRITE))
        return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
    if (n > 1)
        REAL(f)->pMethods->xWrite(REAL(f), buf, n / 2, off);
    return SQLITE_IOERR_WRITE;
}

static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    return io_fail(IO_TRUNCATE) ? SQLITE_IOERR_TRUNCATE : REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int f_sync(sqlite3_file *f, int flags)
{
    return io_fail(IO_SYNC) ? SQLITE_IOERR_FSYNC : REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int f_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return io_fail(IO_FILE_SIZE) ? SQLITE_IOERR_FSTAT : REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int f_lock(sqlite3_file *f, int level)
{
    return io_fail(IO_LOCK) ? SQLITE_IOERR_LOCK : REAL(f)->pMethods->xLock(REAL(f), level);
}

static int f_unlock(sqlite3_file *f, int level)
{
    return REAL(f)->pMethods->xUnlock(REAL(f), level);
}

static int f_check_reserved(sqlite3_file *f, int *out)
{
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int f_control(sqlite3_file *f, int op, void *arg)
{
    return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int f_sector_size(sqlite3_file *f)
{
    return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int f_device_chars(sqlite3_file *f)
{
    return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int f_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
    return REAL(f)->pMethods->xShmMap(REAL(f), page, size, extend, out);
}

static int f_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}

static void f_shm_barrier(sqlite3_file *f)
{
    REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int f_shm_unmap(sqlite3_file *f, int del)
{
    return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static int f_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **out)
{
    return REAL(f)->pMethods->xFetch(REAL(f), off, n, out);
}

static int f_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
    return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
    (void)vfs;
    ffile *p = (ffile *)f;
    p->real = (sqlite3_file *)(p + 1);
    p->real->pMethods = NULL;
    int rc = real_vfs->xOpen(real_vfs, name, p->real, flags, out_flags);
    const sqlite3_io_methods *m = p->real->pMethods;
    p->base.pMethods = m ? &fault_io[m->iVersion < 1 ? 1 : m->iVersion > 3 ? 3 : m->iVersion] : NULL;
    return rc;
}

static int v_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
    (void)vfs;
    return real_vfs->xDelete(real_vfs, name, sync_dir);
}

static int v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
    (void)vfs;
    return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int v_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
    (void)vfs;
    return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static void *v_dlopen(sqlite3_vfs *vfs, const char *name)
{
    (void)vfs;
    return real_vfs->xDlOpen(real_vfs, name);
}

static void v_dlerror(sqlite3_vfs *vfs, int n, char *out)
{
    (void)vfs;
    real_vfs->xDlError(real_vfs, n, out);
}

static void (*v_dlsym(sqlite3_vfs *vfs, void *h, const char *sym))(void)
{
    (void)vfs;
    return real_vfs->xDlSym(real_vfs, h, sym);
}

static void v_dlclose(sqlite3_vfs *vfs, void *h)
{
    (void)vfs;
    real_vfs->xDlClose(real_vfs, h);
}

static int v_randomness(sqlite3_vfs *vfs, int n, char *out)
{
    (void)vfs;
    return real_vfs->xRandomness(real_vfs, n, out);
}

static int v_sleep(sqlite3_vfs *vfs, int us)
{
    (void)vfs;
    return real_vfs->xSleep(real_vfs, us);
}

static int v_current_time(sqlite3_vfs *vfs, double *out)
{
    (void)vfs;
    return real_vfs->xCurrentTime(real_vfs, out);
}

static int v_last_error(sqlite3_vfs *vfs, int n, char *out)
{
    (void)vfs;
    return real_vfs->xGetLastError(real_vfs, n, out);
}

static int v_current_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
    (void)vfs;
    return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

static void install_allocators_and_vfs(void)
{
    static const sqlite3_mem_methods mem = { sq_malloc, sq_free,    sq_realloc, sq_size,
                                             sq_roundup, sq_init, sq_shutdown, NULL };
    UErrorCode err = U_ZERO_ERROR;
    u_setMemoryFunctions(NULL, icu_alloc, icu_realloc, icu_free, &err);
    if (U_FAILURE(err) || sqlite3_config(SQLITE_CONFIG_MALLOC, &mem) != SQLITE_OK ||
        sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0) != SQLITE_OK || sqlite3_initialize() != SQLITE_OK) {
        fprintf(stderr, "fault: cannot install the allocators (%s)\n", u_errorName(err));
        exit(2);
    }
    real_vfs = sqlite3_vfs_find(NULL);
    fault_vfs = *real_vfs;
    fault_vfs.iVersion = real_vfs->iVersion < 2 ? real_vfs->iVersion : 2;
    fault_vfs.szOsFile = (int)sizeof(ffile) + real_vfs->szOsFile;
    fault_vfs.zName = "fault";
    fault_vfs.pNext = NULL;
    fault_vfs.xOpen = v_open;
    fault_vfs.xDelete = v_delete;
    fault_vfs.xAccess = v_access;
    fault_vfs.xFullPathname = v_full_pathname;
    fault_vfs.xDlOpen = v_dlopen;
    fault_vfs.xDlError = v_dlerror;
    fault_vfs.xDlSym = v_dlsym;
    fault_vfs.xDlClose = v_dlclose;
    fault_vfs.xRandomness = v_randomness;
    fault_vfs.xSleep = v_sleep;
    fault_vfs.xCurrentTime = v_current_time;
    fault_vfs.xGetLastError = v_last_error;
    fault_vfs.xCurrentTimeInt64 = v_current_time64;
    for (int v = 1; v <= 3; v++) {
        sqlite3_io_methods m = { v,           f_close,        f_read,      f_write,          f_truncate,
                                 f_sync,      f_file_size,    f_lock,      f_unlock,         f_check_reserved,
                                 f_control,   f_sector_size,  f_device_chars, NULL,          NULL,
                                 NULL,        NULL,           NULL,        NULL };
        if (v >= 2) {
            m.xShmMap = f_shm_map;
            m.xShmLock = f_shm_lock;
            m.xShmBarrier = f_shm_barrier;
            m.xShmUnmap = f_shm_unmap;
        }
        if (v >= 3) {
            m.xFetch = f_fetch;
            m.xUnfetch = f_unfetch;
        }
        fault_io[v] = m;
    }
    if (sqlite3_vfs_register(&fault_vfs, 1) != SQLITE_OK) {
        fprintf(stderr, "fault: cannot register the VFS\n");
        exit(2);
    }
}

/* ------------------------------------------------------------------------
 * Problems
 * ---------------------------------------------------------------------- */

static long problems;
static char run_name[64]; /* "alloc once N=123" */

static void problem(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void problem(const char *fmt, ...)
{
    bool armed = F.armed;
    F.armed = false;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "fault: %s: ", run_name);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    problems++;
    F.armed = armed;
}

/* Failures whose code is not the fault's own (FD_ENOMEM / FD_EIO) although the fault hit in that call. */
static long misreported;

/* The operation count when the current call began: a fault inside it should come back as the fault's code. */
static long call_start;

/*
 * Whether the last call's outcome is unknown: it failed because an xSync
 * failed inside it, after SQLite had written the commit to the WAL. SQLite
 * then reports the error, but a later recovery of the WAL finds the commit
 * complete (fsync failures are not recoverable), so the write may be there.
 */
static bool indeterminate;

static void begin_call(void)
{
    call_start = F.count;
}

/* Checks a status: FD_OK, or a negative code that fd_error_last() repeats with a message. */
static fd_status check(const char *what, fd_status rc)
{
    bool armed = F.armed;
    F.armed = false;
    if (verbose >= 2)
        fprintf(stderr, "fault:   [%ld..%ld] live %ld %s: %s %s\n", call_start + 1, F.count, F.live, what,
                fd_status_name(rc), rc ? fd_error_last()->message : "");
    bool hit = F.fail_at > call_start && F.fail_at <= F.count;
    indeterminate = rc == FD_EIO && hit && fault_kind == IO_SYNC;
    if (rc != FD_OK) {
        const fd_error *e = fd_error_last();
        if (rc > 0 || e->code != rc || e->message == NULL || e->message[0] == '\0')
            problem("%s returned %d with last error %d '%s'", what, rc, e->code, e->message ? e->message : "(null)");
        fd_status want = F.mode == MODE_ALLOC ? FD_ENOMEM : FD_EIO;
        if (hit && rc != want && rc != FD_EBUSY) {
            misreported++;
            if (verbose)
                fprintf(stderr, "fault: %s: %s: %s (%s) instead of %s\n", run_name, what, fd_status_name(rc),
                        e->message, fd_status_name(want));
        }
    }
    F.armed = armed;
    return rc;
}

#define CALL(expr) (begin_call(), check(#expr, (expr)))

/* What a write did: 0 refused (nothing may be stored), 1 done (all of it must be), 2 unknown (all or nothing). */
enum { REFUSED = 0, DONE = 1, UNKNOWN = 2 };

static int outcome_of(fd_status rc)
{
    return rc == FD_OK ? DONE : indeterminate ? UNKNOWN : REFUSED;
}

#define WRITE(expr) outcome_of(CALL(expr))

/* ------------------------------------------------------------------------
 * The scenario
 * ---------------------------------------------------------------------- */

#define T0 1795136400 /* 2026-11-20 09:00 +08:00 */
#define NJ 4          /* journal entries added one by one */
#define NTX 3         /* journal entries added in one committed transaction */

/* What the scenario was told (REFUSED, DONE, UNKNOWN); the verification compares the file with it. */
typedef struct outcome {
    bool opened;
    int site, site2, clerk, manager, grant_reveal, grant_manage, policy, deactivated;
    int building, unit, occupant, moved_out; /* the property register (issue 12) */
    int64_t site_id, clerk_id, manager_id;
    int journal[NJ];
    int64_t journal_id[NJ];
    int tx;       /* the NTX entries of the transaction */
    int journal2; /* the entry added after opening the file again */
    int jmin;     /* entries the site's journal must hold at least */
    int jmax;     /* and at most */
    int call, message, cdr; /* the calls module: a call with its call-back task, a message, a CDR import */
    int64_t call_id, message_id;
    int visit, checkout, block, held, admit; /* visitors: a visit with an ID, its check-out, a blocklist entry,
                                                a visit it holds, the manager's admission */
    int64_t visit_id, held_id, block_id;
    int item, issue, count; /* a visitor card, issued to the visit, and a count cosigned by the manager */
    int64_t item_id;
    int permit, approve, gate, custody, collect; /* a goods permit, its approval, the gate's check (a mismatch);
                                                    a parcel, collected */
    int64_t permit_id, custody_id;
    int vip, prep, done; /* an important visit, an item of its checklist, ticked off */
    int64_t vip_id, prep_id;
    int org, dept, complaint, cstep[4]; /* complaints: a department, a complaint, assess, assign, pause, resume */
    int64_t complaint_id;
    int escalate, phrase, data; /* the complaint escalated by the run, a reply phrase, holiday data loaded */
} outcome;

/* Counts a write that journals one entry at the north site. */
static int journaled(outcome *o, int what)
{
    o->jmin += what == DONE;
    o->jmax += what != REFUSED;
    return what;
}

static const char *jdetail(char out[96], const char *kind, int k)
{
    snprintf(out, 96, "fault-%s-%d 客户 1380013800%d 报修", kind, k, k);
    return out;
}

/* What the journal keeps of jdetail(): the number masked as it is written (R-COM-2: never purged). */
static const char *jstored(char out[96], const char *kind, int k)
{
    snprintf(out, 96, "fault-%s-%d 客户 138****800%d 报修", kind, k, k);
    return out;
}

/* Counts journal rows through the API; -1 when the query failed. */
static int count_journal(fd_store *st, const fd_actor *a, bool *clear_number)
{
    fd_journal_iter *it = NULL;
    const fd_journal_entry *e = NULL;
    fd_status rc = CALL(fd_store_journal_query(&it, st, a, NULL));
    int n = 0;
    while (rc == FD_OK && (rc = CALL(fd_journal_iter_next(&e, it))) == FD_OK && e) {
        n++;
        if (strstr(e->detail, "13800138"))
            *clear_number = true;
    }
    fd_journal_iter_free(it);
    return rc == FD_OK ? n : -1;
}

/* A listing that succeeded must show what is there. */
static void expect_listing(const char *what, int n, const outcome *o)
{
    if (n >= 0 && (n < o->jmin || n > o->jmax))
        problem("%s gave %d entries, expected %d..%d", what, n, o->jmin, o->jmax);
}

static void scenario(const char *path, outcome *o)
{
    memset(o, 0, sizeof *o);
    fd_store *st = NULL;
    if (CALL(fd_store_open(&st, path, NULL)) != FD_OK) {
        if (st != NULL)
            problem("fd_store_open failed but gave a handle");
        return;
    }
    o->opened = true;

    fd_actor sys = FD_ACTOR_INIT;
    sys.at = T0;
    fd_site north = FD_SITE_INIT, south = FD_SITE_INIT;
    north.code = "north", north.name = "北区产业园", north.time_zone = "Asia/Shanghai";
    south.code = "south", south.name = "South Tower", south.time_zone = "America/New_York";
    int64_t id2 = 0;
    o->site = journaled(o, WRITE(fd_store_site_add(&o->site_id, st, &sys, &north)));
    o->site2 = WRITE(fd_store_site_add(&id2, st, &sys, &south));

    fd_actor sa = sys; /* the system at the north site */
    sa.site_id = o->site == DONE ? o->site_id : 999; /* a refused site: every later call must fail */
    sa.at = T0 + 60;
    fd_staff clerk = FD_STAFF_INIT, manager = FD_STAFF_INIT;
    clerk.code = "A001", clerk.name = "王小丽", clerk.role = "clerk";
    manager.code = "M001", manager.name = "欧阳娜娜", manager.role = "manager";
    o->clerk = journaled(o, WRITE(fd_store_staff_add(&o->clerk_id, st, &sa, &clerk)));
    o->manager = journaled(o, WRITE(fd_store_staff_add(&o->manager_id, st, &sa, &manager)));
    o->grant_reveal = journaled(o, WRITE(fd_store_grant_set(st, &sa, "manager", FD_GRANT_REVEAL, 1)));
    o->grant_manage = journaled(o, WRITE(fd_store_grant_set(st, &sa, "manager", FD_GRANT_MANAGE, 1)));

    fd_actor ca = sa; /* the clerk */
    ca.staff_id = o->clerk == DONE ? o->clerk_id : 999;
    ca.at = T0 + 120;
    char detail[96];
    for (int k = 0; k < NJ; k++) {
        fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
        e.entity = "call", e.entity_id = k + 1, e.action = "log", e.detail = jdetail(detail, "one", k);
        ca.at++;
        o->journal[k] = journaled(o, WRITE(fd_store_journal_add(&o->journal_id[k], st, &ca, &e)));
    }

    fd_actor ma = sa; /* the manager, with the manage grant */
    ma.staff_id = o->manager == DONE ? o->manager_id : 998;
    ma.at = T0 + 180;
    ma.grants = FD_GRANT_MANAGE;
    o->policy = journaled(o, WRITE(fd_store_policy_set(st, &ma, "call.max_rings", 5)));

    /* The calls module (issue 11). A dropped call and its call-back task are one
     * write (both or neither; a call is not journaled); a message with its first
     * event; a CDR import of a transfer (two legs and the call they make). */
    fd_call call = FD_CALL_INIT;
    call.direction = "in", call.caller_number = "13800138000", call.caller_name = "钱女士";
    call.ring_at = T0 + 200, call.answer_at = T0 + 206, call.end_at = T0 + 240, call.disposition = "dropped";
    call.category = "repair", call.matter = "fault-call 漏水", call.read_back = 1;
    ca.at = T0 + 250;
    o->call = WRITE(fd_store_call_add(&o->call_id, st, &ca, &call));
    fd_message msg = FD_MESSAGE_INIT;
    msg.for_name = "工程部", msg.from_name = "钱女士", msg.from_number = "13800138000";
    msg.body = "fault-message 请回电", msg.confirmed = 1;
    o->message = journaled(o, WRITE(fd_store_message_take(&o->message_id, st, &ca, &msg)));
    static const char cdr[] =
        "\"\",\"13812345678\",\"8001\",\"from-trunk\",\"\"\"张三\"\" <13812345678>\",\"PJSIP/trunk-1\",\"PJSIP/8001-2\","
        "\"Dial\",\"\",\"2026-11-20 09:05:00\",\"2026-11-20 09:05:06\",\"2026-11-20 09:06:00\",60,54,\"ANSWERED\","
        "\"DOCUMENTATION\",\"1795137900.1\",\"\",\"\",\"1795137900.1\",1\n"
        "\"\",\"13812345678\",\"8002\",\"from-internal-xfer\",\"\"\"张三\"\" <13812345678>\",\"PJSIP/trunk-1\","
        "\"PJSIP/8002-3\",\"Dial\",\"\",\"2026-11-20 09:06:00\",\"2026-11-20 09:06:09\",\"2026-11-20 09:08:00\",120,"
        "111,\"ANSWERED\",\"DOCUMENTATION\",\"1795137960.2\",\"\",\"\",\"1795137900.1\",2\n";
    fd_cdr_options co = { FD_CDR_OPTIONS_VERSION, "asterisk_csv", "pbx1", NULL, NULL };
    fd_cdr_import_summary sum = { FD_CDR_IMPORT_SUMMARY_VERSION, 0, 0, 0, 0, 0, 0 };
    o->cdr = journaled(o, WRITE(fd_store_cdr_import(&sum, NULL, st, &ca, &co, cdr)));
    if (o->cdr == DONE && (sum.imported != 2 || sum.calls_added != 1 || sum.rejected != 0))
        problem("cdr import: imported %lld, calls %lld, rejected %lld; expected 2, 1, 0", (long long)sum.imported,
                (long long)sum.calls_added, (long long)sum.rejected);

    /* The property register (issue 12): a building and a unit (manage grant), an occupant with a
     * phone and name keys written with the row, a move-out; then a find and a resident check. */
    fd_building bl = FD_BUILDING_INIT;
    bl.code = "3号楼", bl.name = "3号楼";
    int64_t bid = 0, uid = 0, oid = 0;
    o->building = journaled(o, WRITE(fd_store_building_add(&bid, st, &ma, &bl)));
    fd_unit un = FD_UNIT_INIT;
    un.building_id = o->building == DONE ? bid : 997, un.number = "1201", un.use = "residential";
    o->unit = journaled(o, WRITE(fd_store_unit_add(&uid, st, &ma, &un)));
    fd_occupant oc = FD_OCCUPANT_INIT;
    oc.unit_id = o->unit == DONE ? uid : 996, oc.name = "张三", oc.phone = "138 0013 8009", oc.role = "owner";
    oc.move_in = (fd_date){ 2024, 5, 1 };
    o->occupant = journaled(o, WRITE(fd_store_occupant_add(&oid, st, &ca, &oc)));
    o->moved_out = journaled(o, WRITE(fd_store_occupant_move_out(st, &ca, o->occupant == DONE ? oid : 995,
                                                                   (fd_date){ 2026, 12, 1 })));
    for (int who = 0; who < 2; who++) { /* the clerk (masked), the manager revealing (logged) */
        fd_actor fa = ca;
        if (who) {
            fa = ma;
            fa.grants = FD_GRANT_REVEAL, fa.reason = "访客核实 fault test";
        }
        fd_property_hits *ph = NULL;
        if (CALL(fd_store_property_find(&ph, st, &fa, "zs", NULL)) == FD_OK) {
            size_t nh = fd_property_hits_count(ph);
            if (o->occupant != UNKNOWN && nh != (size_t)(o->occupant == DONE))
                problem("find 'zs' gave %zu hits, expected %d", nh, o->occupant == DONE);
            for (size_t i = 0; i < nh; i++)
                if (!who && strstr(fd_property_hits_get(ph, i)->phone, "13800138"))
                    problem("a find hit shows a phone number in clear");
            fd_property_hits_free(ph);
        }
    }
    fd_resident_check chk;
    if (CALL(fd_store_resident_check(&chk, st, &ca, "13800138009", (fd_date){ 2026, 11, 20 })) == FD_OK &&
        o->occupant != UNKNOWN && (chk.answer == FD_RESIDENT_YES) != (o->occupant == DONE))
        problem("the resident check answered %s", fd_resident_answer_name(chk.answer));

    /* Visitors (issue 12): a walk-in with a passport (the site's hashing secret is created and
     * journaled with it), its check-out; a blocklist entry (journaled), a visit it holds (the visit
     * and its hit: both or neither), the manager's admission (journaled); then what the desk reads:
     * who is on site, the end-of-shift check, the blocklist check, the purge's dry run. */
    fd_visit vi = FD_VISIT_INIT;
    vi.visitor = "孙悟空", vi.phone = "139 0013 9000", vi.party_size = 2, vi.purpose = "fault-visit";
    vi.host_occupant = o->occupant == DONE ? oid : 0, vi.host = "3-1201 张三", vi.plate = "京a·12345";
    fd_id_document passport = FD_ID_DOCUMENT_INIT;
    passport.type = "passport", passport.number = "E12345678";
    fd_visit_registration vr;
    ca.at = T0 + 260;
    o->visit = journaled(o, WRITE(fd_store_visit_register(&vr, st, &ca, &vi, &passport)));
    if (o->visit == DONE) {
        o->visit_id = vr.id;
        if (vr.slip_no != 1 || strcmp(vr.state, "waiting") != 0)
            problem("visit register: slip %lld, state %s; expected 1, waiting", (long long)vr.slip_no, vr.state);
    }
    fd_blocklist_entry be = FD_BLOCKLIST_ENTRY_INIT;
    be.level = "forbidden", be.reason = "fault-block 13800138000", be.name = "白骨精";
    ma.at = T0 + 262;
    o->block = journaled(o, WRITE(fd_store_blocklist_add(&o->block_id, st, &ma, &be, NULL)));
    fd_visit vh = FD_VISIT_INIT;
    vh.visitor = "白骨精", vh.party_size = 1, vh.purpose = "fault-held", vh.host = "前台";
    ca.at = T0 + 264;
    o->held = WRITE(fd_store_visit_register(&vr, st, &ca, &vh, NULL));
    if (o->held == DONE) {
        o->held_id = vr.id;
        if (o->block != UNKNOWN && strcmp(vr.state, o->block == DONE ? "held" : "waiting") != 0)
            problem("the blocklisted visit is %s", vr.state);
    }
    ma.at = T0 + 266;
    if (o->held == DONE && strcmp(vr.state, "held") == 0)
        o->admit = journaled(o, WRITE(fd_store_visit_admit(st, &ma, o->held_id, "fault-admit 已核实")));
    fd_counted_item card = FD_COUNTED_ITEM_INIT;
    card.kind = "visitor_card", card.code = "V001";
    o->item = journaled(o, WRITE(fd_store_item_add(&o->item_id, st, &ma, &card)));
    ca.at = T0 + 267;
    if (o->item == DONE && o->visit == DONE)
        o->issue = WRITE(fd_store_item_issue(st, &ca, o->item_id, o->visit_id));
    int64_t count_id = 0;
    o->count = WRITE(fd_store_item_count(&count_id, st, &ca, "visitor_card", "end", 0, ma.staff_id));
    ca.at = T0 + 268;
    if (o->visit == DONE)
        o->checkout = WRITE(fd_store_visit_checkout(st, &ca, o->visit_id, 0, NULL));
    fd_visit_iter *vit = NULL;
    const fd_visit *vv = NULL;
    if (CALL(fd_store_visit_onsite(&vit, st, &ca, 0, 64)) == FD_OK) {
        while (CALL(fd_visit_iter_next(&vv, vit)) == FD_OK && vv) {
            if (vv->id == o->visit_id && o->checkout == DONE)
                problem("a visitor who checked out is listed as on site");
            if (strstr(vv->phone, "13900139"))
                problem("the on-site listing shows a phone in clear");
        }
    }
    fd_visit_iter_free(vit);
    fd_goods_permit gp = FD_GOODS_PERMIT_INIT;
    gp.applicant = "猪八戒", gp.items = "沙发1套，椅子4把", gp.reason = "fault-permit";
    fd_id_document gid = FD_ID_DOCUMENT_INIT;
    gid.type = "id_card", gid.number = "11010519491231002X";
    o->permit = WRITE(fd_store_goods_permit_add(&o->permit_id, st, &ca, &gp, &gid));
    if (o->permit == DONE)
        o->approve = journaled(o, WRITE(fd_store_goods_permit_approve(st, &ma, o->permit_id, NULL)));
    int64_t gate_id = 0;
    if (o->approve == DONE)
        o->gate = journaled(o, WRITE(fd_store_goods_check(&gate_id, st, &ca, o->permit_id, "沙发1，椅子5", "东门",
                                                          NULL)));
    fd_custody_item cu = FD_CUSTODY_ITEM_INIT;
    cu.kind = "parcel", cu.description = "fault-parcel 顺丰", cu.phone = "139 0013 9000";
    o->custody = WRITE(fd_store_custody_add(&o->custody_id, st, &ca, &cu));
    if (o->custody == DONE)
        o->collect = WRITE(fd_store_custody_collect(st, &ca, o->custody_id, "沙僧", "id_check", NULL));
    fd_custody_status cst;
    if (CALL(fd_store_custody_status(&cst, st, &ca)) == FD_OK && o->custody != UNKNOWN && o->collect != UNKNOWN &&
        cst.held != (o->custody == DONE && o->collect != DONE))
        problem("custody status: %lld held", (long long)cst.held);
    fd_visit vip = FD_VISIT_INIT;
    vip.visitor = "考察团", vip.party_size = 6, vip.purpose = "fault-vip", vip.host = "总经理办公室";
    vip.preregistered = 1, vip.planned_from = T0 + 7200, vip.important = 1;
    o->vip = WRITE(fd_store_visit_register(&vr, st, &ca, &vip, NULL));
    if (o->vip == DONE) {
        o->vip_id = vr.id;
        fd_visit_prep vp0 = FD_VISIT_PREP_INIT;
        vp0.visit_id = o->vip_id, vp0.item = "fault-prep 会议室";
        o->prep = WRITE(fd_store_visit_prep_add(&o->prep_id, st, &ca, &vp0));
    }
    if (o->prep == DONE)
        o->done = WRITE(fd_store_visit_prep_done(st, &ca, o->prep_id, "二楼"));
    fd_visit_prep_status ps;
    if (o->vip == DONE && CALL(fd_store_visit_prep_status(&ps, st, &ca, o->vip_id)) == FD_OK && o->prep != UNKNOWN &&
        o->done != UNKNOWN && ps.open != (o->prep == DONE && o->done != DONE))
        problem("the checklist has %lld items open", (long long)ps.open);
    fd_visit_shift vs;
    if (CALL(fd_store_visit_shift_check(&vs, st, &ca, T0)) == FD_OK && vs.on_site > 2)
        problem("the shift check counted %lld visitors on site", (long long)vs.on_site);
    /* The day's counts (the daily report's, issue 12 item 8): as many registered as were written. */
    fd_visit_stats vst;
    if (CALL(fd_store_visit_stats(&vst, st, &ca, T0 - 9 * 3600, T0 + 15 * 3600)) == FD_OK && o->visit != UNKNOWN &&
        o->held != UNKNOWN && o->vip != UNKNOWN &&
        vst.registered != (o->visit == DONE) + (o->held == DONE) + (o->vip == DONE))
        problem("the day's counts registered %lld visits", (long long)vst.registered);
    fd_blocklist_match bm;
    if (CALL(fd_store_blocklist_check(&bm, st, &ca, "白骨精", NULL, NULL)) == FD_OK && o->block != UNKNOWN &&
        (bm.answer == FD_BLOCKLIST_MATCH) != (o->block == DONE))
        problem("the blocklist check answered %s", fd_blocklist_answer_name(bm.answer));
    fd_visit_purge vp;
    ma.at = T0 + 270;
    CALL(fd_store_visit_purge(&vp, st, &ma, 1));

    /* Complaints (issue 13): the engineering department of the management office; an important
     * complaint with its register event and its three targets (one write, journaled); then assess,
     * assign to the department, pause waiting for the customer and resume, each one write of its
     * event, the complaint's fields and every target recomputed, journaled; then its clock. */
    fd_organisation org = FD_ORGANISATION_INIT;
    org.name = "fault-物业服务中心";
    int64_t org_id = 0, dept_id = 0;
    o->org = journaled(o, WRITE(fd_store_organisation_add(&org_id, st, &ma, &org)));
    fd_department dep = FD_DEPARTMENT_INIT;
    dep.organisation_id = o->org == DONE ? org_id : 994, dep.name = "工程部";
    o->dept = journaled(o, WRITE(fd_store_department_add(&dept_id, st, &ma, &dep)));
    fd_complaint cp = FD_COMPLAINT_INIT;
    cp.received_at = T0 + 280, cp.channel = "phone", cp.category = "repair", cp.severity = "important";
    cp.what = "fault-complaint 电梯困人", cp.customer = "钱女士", cp.contact = "138 0013 8000";
    ca.at = T0 + 281;
    o->complaint = journaled(o, WRITE(fd_store_complaint_add(&o->complaint_id, st, &ca, &cp)));
    static const char *const cpl_steps[] = { "assess", "assign", "pause", "resume" };
    for (int k = 0; k < 4 && o->complaint == DONE && (k == 0 || o->cstep[k - 1] == DONE); k++) {
        fd_complaint_step cs = FD_COMPLAINT_STEP_INIT;
        cs.kind = cpl_steps[k], cs.valid = 1, cs.department_id = o->dept == DONE ? dept_id : 993;
        cs.promised_at = T0 + 3 * 86400, cs.note = "fault-step 客户下午在家";
        ca.at = T0 + 282 + k;
        o->cstep[k] = journaled(o, WRITE(fd_store_complaint_step(NULL, st, &ca, o->complaint_id, &cs)));
    }
    fd_complaint_target_filter ctf = FD_COMPLAINT_TARGET_FILTER_INIT;
    ctf.match = FD_COMPLAINT_TARGET_MATCH_COMPLAINT_ID, ctf.complaint_id = o->complaint_id;
    fd_complaint_target_iter *cti = NULL;
    const fd_complaint_target *ct = NULL;
    int waiting = o->cstep[2] == DONE && o->cstep[3] != DONE, known = o->cstep[2] != UNKNOWN && o->cstep[3] != UNKNOWN;
    if (o->complaint == DONE && CALL(fd_store_complaint_target_query(&cti, st, &ca, &ctf)) == FD_OK) {
        while (CALL(fd_complaint_target_iter_next(&ct, cti)) == FD_OK && ct) {
            fd_complaint_clock ck;
            if (strcmp(ct->target, "resolve") == 0 && known && ct->paused != waiting)
                problem("the resolve target is %spaused", ct->paused ? "" : "not ");
            if (CALL(fd_store_complaint_clock(&ck, st, &ca, ct->id)) == FD_OK && ck.due_at != ct->due_at)
                problem("the %s target's clock is due %lld, stored %lld", ct->target, (long long)ck.due_at,
                        (long long)ct->due_at);
        }
    }
    fd_complaint_target_iter_free(cti);

    /* The queue and the work over it (issue 13, items 3-5, 7): an hour after the complaint came in (a
     * Friday morning) the system's escalation run records the supervisor's breach and escalates it (one
     * write: the mark and an escalate step, journaled); the breached page lists only open targets; the
     * site adds a reply phrase (journaled) that the check then finds, and loads next year's holiday data
     * (kept, journaled, the open targets recomputed in the same write). */
    fd_actor run = sa;
    run.at = T0 + 280 + 3660;
    fd_complaint_escalation esc = { FD_COMPLAINT_ESCALATION_VERSION, 0, 0, 0, 0 };
    int ran = WRITE(fd_store_complaint_escalate_run(&esc, st, &run));
    o->escalate = ran == DONE ? (esc.escalated == 1 ? DONE : REFUSED)
                  : ran == REFUSED || o->complaint == REFUSED ? REFUSED
                                                                : UNKNOWN;
    if (ran == DONE && o->complaint == DONE && esc.escalated != 1)
        problem("the escalation run escalated %lld targets of the complaint", (long long)esc.escalated);
    journaled(o, o->escalate);
    fd_complaint_target_iter *qi = NULL;
    ca.at = run.at;
    if (CALL(fd_store_complaint_queue(&qi, st, &ca, FD_COMPLAINT_BREACHED, 0, 0, 64)) == FD_OK) {
        while (CALL(fd_complaint_target_iter_next(&ct, qi)) == FD_OK && ct)
            if (ct->met_at != 0 || ct->due_at >= run.at)
                problem("the breached page listed target %lld (met %lld, due %lld)", (long long)ct->id,
                        (long long)ct->met_at, (long long)ct->due_at);
    }
    fd_complaint_target_iter_free(qi);
    static const char phrase[] = "fault-你们去找开发商";
    int64_t phrase_id = 0, changed = 0;
    ma.at = run.at + 10;
    o->phrase = journaled(o, WRITE(fd_store_reply_phrase_add(&phrase_id, st, &ma, phrase)));
    fd_reply_hits *hits = NULL;
    if (CALL(fd_store_reply_check(&hits, st, &ca, "这个问题fault-你们去找开发商吧")) == FD_OK && o->phrase != UNKNOWN &&
        fd_reply_hits_count(hits) != (o->phrase == DONE))
        problem("the reply check found %zu phrases", fd_reply_hits_count(hits));
    fd_reply_hits_free(hits);
    static const char data_2027[] = "frontdesk-holidays 1\nversion CN-2027.1\nregion CN\ncovers 2027-01-01 2027-12-31\n"
                                    "extends builtin\nscope national\n2027-01-01 holiday 元旦 statutory\n";
    ma.at++;
    o->data = journaled(o, WRITE(fd_store_calendar_data_add(&changed, st, &ma, data_2027)));

    /* Reads: each either fails or tells the truth. */
    fd_policy *pol = NULL;
    int64_t rings = 0;
    if (CALL(fd_store_policy_load(&pol, st, sa.site_id)) == FD_OK) {
        if (CALL(fd_policy_get(&rings, pol, "call.max_rings")) == FD_OK && o->policy != UNKNOWN &&
            rings != (o->policy == DONE ? 5 : 3))
            problem("policy load gave call.max_rings = %lld, expected %d", (long long)rings,
                    o->policy == DONE ? 5 : 3);
        fd_policy_free(pol);
    }
    bool clear = false;
    expect_listing("the clerk's journal listing", count_journal(st, &ca, &clear), o);
    if (clear)
        problem("a masked listing shows a phone number in clear");
    fd_actor reveal = ma;
    reveal.grants = FD_GRANT_REVEAL;
    reveal.reason = "客户回访 fault test";
    expect_listing("the revealed journal listing", count_journal(st, &reveal, &clear), o);

    fd_staff_filter sf = FD_STAFF_FILTER_INIT;
    sf.match = FD_STAFF_MATCH_SEARCH;
    sf.search = "wxl";
    fd_staff_iter *sit = NULL;
    const fd_staff *s = NULL;
    fd_status rc = CALL(fd_store_staff_query(&sit, st, &ca, &sf));
    int n = 0;
    while (rc == FD_OK && (rc = CALL(fd_staff_iter_next(&s, sit))) == FD_OK && s) {
        n++;
        if (strcmp(s->code, "A001") != 0)
            problem("search 'wxl' found staff '%s'", s->code);
    }
    fd_staff_iter_free(sit);
    if (rc == FD_OK && o->clerk != UNKNOWN && n != (o->clerk == DONE))
        problem("search 'wxl' found %d staff, expected %d", n, o->clerk == DONE);

    fd_reveal_iter *rit = NULL;
    const fd_reveal *r = NULL;
    rc = CALL(fd_store_reveal_query(&rit, st, &ma, NULL));
    while (rc == FD_OK && (rc = CALL(fd_reveal_iter_next(&r, rit))) == FD_OK && r)
        ;
    fd_reveal_iter_free(rit);

    fd_journal_entry *je = NULL;
    if (CALL(fd_store_journal_get(&je, st, &ca, o->journal[0] == DONE ? o->journal_id[0] : 6)) == FD_OK) {
        if (o->journal[0] != DONE && strstr(je->detail, "fault-one-0"))
            problem("journal_get found an entry whose add failed");
        if (strstr(je->detail, "13800138"))
            problem("journal_get shows a phone number in clear");
        fd_journal_entry_free(je);
    }
    fd_staff *sp = NULL;
    if (CALL(fd_store_staff_get_by_code(&sp, st, &ca, "A001")) == FD_OK) {
        if (strcmp(sp->name, "王小丽") != 0) /* names are shown unless pii.mask_names */
            problem("staff_get_by_code: name '%s'", sp->name);
        fd_staff_free(sp);
    }
    fd_site *site = NULL;
    if (CALL(fd_store_site_get_by_code(&site, st, "north")) == FD_OK) {
        if (o->site != DONE || strcmp(site->name, "北区产业园") != 0)
            problem("site_get_by_code: the site's add %s, name '%s'", o->site == DONE ? "succeeded" : "failed",
                    site->name);
        fd_site_free(site);
    }

    o->deactivated = journaled(o, WRITE(fd_store_staff_set_active(st, &ma, ca.staff_id, 0)));

    /* A transaction of NTX entries, committed; then one rolled back. */
    fd_actor ta = sa;
    ta.at = T0 + 240;
    if (CALL(fd_store_begin(st)) == FD_OK) {
        bool all = true;
        for (int k = 0; k < NTX; k++) {
            fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
            e.entity = "shift", e.action = "handover", e.detail = jdetail(detail, "tx", k);
            all = CALL(fd_store_journal_add(NULL, st, &ta, &e)) == FD_OK && all;
        }
        o->tx = all ? WRITE(fd_store_commit(st)) : REFUSED;
        if (o->tx != DONE) /* store.h: a failed commit leaves the transaction open */
            CALL(fd_store_rollback(st));
        for (int k = 0; k < NTX; k++)
            journaled(o, o->tx);
    }
    if (CALL(fd_store_begin(st)) == FD_OK) {
        fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
        e.entity = "shift", e.action = "handover", e.detail = jdetail(detail, "undone", 0);
        CALL(fd_store_journal_add(NULL, st, &ta, &e));
        CALL(fd_store_rollback(st));
    }

    /* The day's report, as the system at the site sees it, in the three formats. */
    fd_report *rep = NULL;
    fd_actor ra = sa;
    ra.at = T0 + 300;
    if (CALL(fd_report_daily_new(&rep, st, &ra, (fd_date){ 2026, 11, 20 }, NULL)) == FD_OK) {
        int64_t total = fd_report_total(rep);
        if (total < o->jmin || total > o->jmax)
            problem("the daily report counted %lld entries, expected %d..%d", (long long)total, o->jmin, o->jmax);
        fd_buf b = FD_BUF_INIT;
        for (int f = FD_REPORT_TEXT; f <= FD_REPORT_CSV; f++) {
            rc = CALL(fd_report_render(&b, rep, (fd_report_format)f));
            if (rc != FD_OK && b.ptr && b.ptr[0])
                problem("fd_report_render failed and left %zu bytes in the buffer", b.size);
            if (rc == FD_OK && strstr(b.ptr, "13800138"))
                problem("the report shows a phone number in clear");
        }
        fd_buf_dispose(&b);
        fd_report_free(rep);
    }
    fd_store_close(st);
    if (verbose >= 2)
        fprintf(stderr, "fault:   [..%ld] live %ld fd_store_close\n", F.count, F.live);

    /* The existing file again, synchronous FULL: open (schema check), one write, one read. */
    fd_store_options full = FD_STORE_OPTIONS_INIT;
    full.synchronous_full = 1;
    if (CALL(fd_store_open(&st, path, &full)) != FD_OK)
        return;
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = "call", e.action = "reopen", e.detail = jdetail(detail, "again", 0);
    sa.at = T0 + 400; /* the system: the clerk has left */
    o->journal2 = journaled(o, WRITE(fd_store_journal_add(NULL, st, &sa, &e)));
    expect_listing("after opening again, the journal listing", count_journal(st, &sa, &clear), o);
    fd_store_close(st);
}

/* ------------------------------------------------------------------------
 * Verification, faults off
 * ---------------------------------------------------------------------- */

static int64_t sql_int(sqlite3 *db, const char *sql, const char *arg)
{
    sqlite3_stmt *st = NULL;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        problem("verify: cannot prepare %s: %s", sql, sqlite3_errmsg(db));
        return -1;
    }
    if (arg)
        sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else
        problem("verify: %s: %s", sql, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return v;
}

static void expect_range(sqlite3 *db, const char *sql, const char *arg, int64_t lo, int64_t hi, const char *what)
{
    int64_t n = sql_int(db, sql, arg);
    if (n < lo || n > hi)
        problem("verify: %s: %lld rows, expected %lld..%lld", what, (long long)n, (long long)lo, (long long)hi);
}

/* One row when the write was done, none when it was refused, either when unknown. */
static void expect_rows(sqlite3 *db, const char *sql, const char *arg, int what, const char *name)
{
    expect_range(db, sql, arg, what == DONE, what != REFUSED, name);
}

static void verify(const char *path, const outcome *o)
{
    if (!o->opened) {
        if (access(path, F_OK) == 0) /* a failed open may leave the file only if it existed */
            problem("verify: the failed open of a new database left '%s' behind", path);
        return;
    }
    char why[512]; /* the library opens it, integrity_check, the journal's hash chain */
    sqlite3 *db = fd_test_open_whole(path, true, why, sizeof why);
    if (why[0])
        problem("verify: %s", why);
    if (db == NULL)
        return;
    expect_range(db, "SELECT count(*) FROM pragma_foreign_key_check", NULL, 0, 0, "foreign key violations");
    expect_rows(db, "SELECT count(*) FROM sites WHERE code = ?", "north", o->site, "site north");
    expect_rows(db, "SELECT count(*) FROM sites WHERE code = ?", "south", o->site2, "site south");
    expect_rows(db, "SELECT count(*) FROM staff WHERE code = ?", "A001", o->clerk, "staff A001");
    expect_rows(db, "SELECT count(*) FROM staff WHERE code = ?", "M001", o->manager, "staff M001");
    expect_rows(db, "SELECT count(*) FROM staff WHERE code = ? AND active = 0", "A001", o->deactivated,
                "staff A001 deactivated");
    expect_rows(db, "SELECT count(*) FROM role_grants WHERE grant_name = ?", "reveal", o->grant_reveal,
                "grant reveal");
    expect_rows(db, "SELECT count(*) FROM role_grants WHERE grant_name = ?", "manage", o->grant_manage,
                "grant manage");
    expect_rows(db, "SELECT count(*) FROM policy WHERE key = ? AND value = 5", "call.max_rings", o->policy,
                "policy call.max_rings");
    expect_rows(db, "SELECT count(*) FROM buildings WHERE code = ? AND sort_key IS NOT NULL", "3", o->building,
                "building 3 with its sort key");
    expect_rows(db, "SELECT count(*) FROM units WHERE number = ? AND sort_key IS NOT NULL AND room = '1201'",
                "3-1201", o->unit, "unit 3-1201 with its keys");
    expect_rows(db, "SELECT count(*) FROM occupants WHERE phone = ? AND name_fold = '张三' AND name_pinyin = 'zhangsan'",
                "13800138009", o->occupant, "the occupant, normalised, with the name's keys");
    expect_rows(db, "SELECT count(*) FROM search_keys WHERE tbl = 'occupants' AND key = ?", "zs", o->occupant,
                "the occupant's search keys");
    expect_rows(db, "SELECT count(*) FROM occupants WHERE move_out = ?", "2026-12-01", o->moved_out,
                "the occupant's move-out");
    char detail[96], sql[320];
    for (int k = 0; k < NJ; k++) {
        expect_rows(db, "SELECT count(*) FROM journal WHERE detail = ?", jstored(detail, "one", k), o->journal[k],
                    detail);
        if (o->journal[k] == DONE) {
            snprintf(sql, sizeof sql, "SELECT count(*) FROM journal WHERE id = %lld AND detail = ?",
                     (long long)o->journal_id[k]);
            expect_rows(db, sql, detail, DONE, "journal entry by the id its add returned");
        }
    }
    for (int k = 0; k < NTX; k++)
        expect_rows(db, "SELECT count(*) FROM journal WHERE detail = ?", jstored(detail, "tx", k), o->tx, detail);
    expect_rows(db, "SELECT count(*) FROM calls WHERE matter = ?", "fault-call 漏水", o->call, "the call");
    expect_rows(db, "SELECT count(*) FROM call_tasks t JOIN calls c ON c.id = t.call_id WHERE c.matter = ? "
                    "AND t.kind = 'callback'", "fault-call 漏水", o->call, "the call's call-back task");
    expect_rows(db, "SELECT count(*) FROM messages WHERE body = ?", "fault-message 请回电", o->message, "the message");
    expect_rows(db, "SELECT count(*) FROM message_events e JOIN messages m ON m.id = e.message_id WHERE m.body = ? "
                    "AND e.state = 'taken'", "fault-message 请回电", o->message, "the message's taken event");
    expect_rows(db, "SELECT count(*) = 2 FROM cdr_legs WHERE source = ?", "pbx1",
                o->cdr, "the two CDR legs");
    expect_rows(db, "SELECT count(*) FROM calls WHERE source = ? AND legs = 2 AND transfers <> ''", "pbx1", o->cdr,
                "the call the legs make");
    expect_range(db, "SELECT count(*) FROM cdr_legs WHERE call_id IS NULL", NULL, 0, 0, "legs without their call");
    expect_rows(db, "SELECT count(*) FROM visits WHERE purpose = ? AND slip_no = 1 AND phone = '13900139000' AND "
                    "plate = '京A12345' AND id_masked = 'E*****678'", "fault-visit", o->visit, "the visit");
    expect_rows(db, "SELECT count(*) FROM id_documents d JOIN visits v ON v.id = d.visit_id WHERE v.purpose = ? AND "
                    "length(d.hash) = 64", "fault-visit", o->visit, "the visit's ID document");
    expect_rows(db, "SELECT count(*) FROM site_secrets WHERE length(secret) = 32 AND site_id = "
                    "(SELECT id FROM sites WHERE code = ?)", "north", o->visit, "the site's secret");
    expect_rows(db, "SELECT count(*) FROM visits v JOIN visit_events e ON e.visit_id = v.id WHERE v.purpose = ? AND "
                    "v.state = 'left' AND e.kind = 'checkout'", "fault-visit", o->checkout, "the check-out");
    expect_rows(db, "SELECT count(*) FROM blocklist WHERE reason = ? AND name_fold = '白骨精'", "fault-block 13800138000",
                o->block, "the blocklist entry with its keys");
    expect_rows(db, "SELECT count(*) FROM visits WHERE purpose = ?", "fault-held", o->held, "the held visit");
    expect_range(db, "SELECT count(*) FROM blocklist_hits h JOIN visits v ON v.id = h.visit_id WHERE v.purpose = ?",
                 "fault-held", 0, o->held != REFUSED && o->block != REFUSED, "the held visit's hit");
    expect_range(db, "SELECT count(*) FROM visits WHERE blocklist_level = 'forbidden' AND id NOT IN "
                     "(SELECT visit_id FROM blocklist_hits)", NULL, 0, 0, "a held visit without its hit");
    expect_rows(db, "SELECT count(*) FROM visit_events WHERE kind = 'admit' AND note = ?", "fault-admit 已核实",
                o->admit, "the admission");
    expect_range(db, "SELECT count(*) FROM visits WHERE slip_no > (SELECT count(*) FROM visits)", NULL, 0, 0,
                 "a gap in the slip numbers");
    expect_rows(db, "SELECT count(*) FROM counted_items WHERE code = ?", "V001", o->item, "the visitor card");
    expect_rows(db, "SELECT count(*) FROM item_events e JOIN counted_items i ON i.id = e.item_id WHERE i.code = ? AND "
                    "e.kind = 'issue' AND i.state = 'issued' AND i.visit_id = e.visit_id", "V001", o->issue,
                "the card's issue");
    expect_rows(db, "SELECT count(*) FROM item_counts WHERE kind = ? AND counted = 0", "visitor_card", o->count,
                "the count");
    expect_range(db, "SELECT count(*) FROM item_counts WHERE (expected = counted) <> (state = 'ok')", NULL, 0, 0,
                 "a count whose state disagrees with its numbers");
    expect_rows(db, "SELECT count(*) FROM goods_permits WHERE reason = ? AND items = '沙发×1；椅子×4' AND "
                    "id_masked = '110105********002X'", "fault-permit", o->permit, "the goods permit");
    expect_rows(db, "SELECT count(*) FROM goods_permits WHERE reason = ? AND approved_at <> 0", "fault-permit",
                o->approve, "its approval");
    expect_rows(db, "SELECT count(*) FROM goods_checks c JOIN goods_permits p ON p.id = c.permit_id WHERE p.reason = ? "
                    "AND c.matched = 0 AND c.difference = '椅子 4→5' AND p.state = 'mismatch'", "fault-permit", o->gate,
                "the gate's check and the permit's mismatch");
    expect_rows(db, "SELECT count(*) FROM custody_items WHERE description = ? AND phone = '13900139000'",
                "fault-parcel 顺丰", o->custody, "the parcel");
    expect_rows(db, "SELECT count(*) FROM custody_events e JOIN custody_items i ON i.id = e.item_id WHERE "
                    "i.description = ? AND e.kind = 'deposit'", "fault-parcel 顺丰", o->custody, "the parcel's deposit");
    expect_rows(db, "SELECT count(*) FROM custody_items i JOIN custody_events e ON e.item_id = i.id WHERE "
                    "i.description = ? AND i.state = 'collected' AND e.kind = 'collect'", "fault-parcel 顺丰",
                o->collect, "the parcel's collection");
    expect_rows(db, "SELECT count(*) FROM visits WHERE purpose = ? AND important = 1", "fault-vip", o->vip,
                "the important visit");
    expect_rows(db, "SELECT count(*) FROM visit_preps WHERE item = ?", "fault-prep 会议室", o->prep, "its checklist item");
    expect_rows(db, "SELECT count(*) FROM visit_preps WHERE item = ? AND done_at <> 0 AND done_by <> 0 AND note = '二楼'",
                "fault-prep 会议室", o->done, "the item ticked off");
    expect_rows(db, "SELECT count(*) FROM departments WHERE name = '工程部' AND organisation_id = "
                    "(SELECT id FROM organisations WHERE name = ?)", "fault-物业服务中心", o->dept, "the department");
    static const char cpl[] = "fault-complaint 电梯困人";
    expect_rows(db, "SELECT count(*) FROM complaints WHERE what = ? AND contact = '13800138000'", cpl, o->complaint,
                "the complaint, its contact normalised");
    expect_rows(db, "SELECT count(*) FROM complaints c WHERE c.what = ? AND (SELECT count(*) FROM complaint_events e "
                    "WHERE e.complaint_id = c.id AND e.kind = 'register' AND e.happened_at = c.received_at) = 1 AND "
                    "(SELECT group_concat(target) FROM complaint_targets t WHERE t.complaint_id = c.id) = "
                    "'escalate,resolve,reply'", cpl, o->complaint, "the complaint's register event and targets");
    static const char *const ck_kind[] = { "assess", "assign", "pause", "resume" };
    static const char *const ck_fields[] = { "c.validity = 'valid'", "c.department_id > 0 AND c.promised_at > 0",
                                             "1", "1" };
    for (int k = 0; k < 4; k++) {
        snprintf(sql, sizeof sql, "SELECT count(*) FROM complaints c JOIN complaint_events e ON e.complaint_id = c.id "
                 "WHERE c.what = ? AND e.kind = '%s' AND %s", ck_kind[k], ck_fields[k]);
        expect_rows(db, sql, cpl, o->cstep[k], ck_kind[k]);
    }
    /* Whatever was written, the complaint is what its events say: its state the last one's, waiting as the
     * pauses and resumes leave it, the resolve target paused exactly then (and out of the queue: no due). */
    expect_range(db, "SELECT count(*) FROM complaints c WHERE c.state <> (SELECT to_state FROM complaint_events e "
                     "WHERE e.complaint_id = c.id ORDER BY e.id DESC LIMIT 1)", NULL, 0, 0,
                 "a complaint whose state is not its last event's");
    expect_range(db, "SELECT count(*) FROM complaints c WHERE c.waiting <> (SELECT count(*) FROM complaint_events e "
                     "WHERE e.complaint_id = c.id AND e.kind = 'pause') - (SELECT count(*) FROM complaint_events e "
                     "WHERE e.complaint_id = c.id AND e.kind = 'resume')", NULL, 0, 0,
                 "a complaint waiting other than its events say");
    expect_range(db, "SELECT count(*) FROM complaint_targets t JOIN complaints c ON c.id = t.complaint_id WHERE "
                     "t.target = 'resolve' AND (t.paused <> c.waiting OR (t.due_at = 0) <> (c.waiting = 1))", NULL, 0,
                 0, "a resolve target paused other than its complaint");
    expect_rows(db, "SELECT count(*) FROM complaints c WHERE c.what = ? AND c.state = 'assigned'", cpl, o->cstep[1],
                "the complaint assigned");
    expect_rows(db, "SELECT count(*) FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id WHERE "
                    "c.what = ? AND e.kind = 'escalate' AND e.detail = 'escalate' AND e.staff_id IS NULL", cpl,
                o->escalate, "the system's escalation");
    expect_range(db, "SELECT count(*) FROM complaint_targets WHERE escalated_at <> 0 AND (breached_at = 0 OR "
                     "(target = 'escalate' AND met_at = 0))", NULL, 0, 0, "an escalated target not breached or met");
    expect_rows(db, "SELECT count(*) FROM reply_phrases WHERE phrase = ? AND retired_at = 0", "fault-你们去找开发商",
                o->phrase, "the reply phrase");
    expect_rows(db, "SELECT count(*) FROM calendar_data WHERE version = ?", "CN-2027.1", o->data, "the holiday data");
    expect_rows(db, "SELECT count(*) FROM journal WHERE detail = ?", jstored(detail, "undone", 0), REFUSED,
                "the rolled-back entry");
    expect_rows(db, "SELECT count(*) FROM journal WHERE detail = ?", jstored(detail, "again", 0), o->journal2,
                "the entry added after opening again");
    expect_range(db, "SELECT count(*) FROM journal WHERE site_id = (SELECT id FROM sites WHERE code = ?)", "north",
                 o->jmin, o->jmax, "journal entries of the north site");
    sqlite3_close(db);
}

/* ------------------------------------------------------------------------
 * The loop
 * ---------------------------------------------------------------------- */

static char db_path[4096];

static void remove_db(void)
{
    fd_test_remove_db(db_path);
}

/* One run: fail operation @n (0: none) of the mode; returns how many operations the scenario made. */
static long run(fault_mode mode, bool persistent, long n, bool check_leaks)
{
    long live = F.live;
    snprintf(run_name, sizeof run_name, "%s %s N=%ld", mode == MODE_ALLOC ? "alloc" : "io",
             persistent ? "persistent" : "once", n);
    remove_db();
    outcome o;
    F.mode = mode;
    F.persistent = persistent;
    F.fail_at = n;
    F.count = F.failed = 0;
    fault_kind = -1;
    F.armed = true;
    scenario(db_path, &o);
    F.armed = false;
    long count = F.count;
    if (n > 0 && F.failed == 0)
        problem("the fault was never injected (%ld operations)", count);
    if (check_leaks && F.live != live)
        problem("%ld allocation(s) leaked", F.live - live);
    live = F.live;
    verify(db_path, &o);
    if (check_leaks && F.live != live)
        problem("verification leaked %ld allocation(s)", F.live - live);
#ifdef FD_LSAN
    /* With -v, LeakSanitizer looks after every run, so that a leak names its N (slow). */
    if (verbose && check_leaks && __lsan_do_recoverable_leak_check())
        problem("LeakSanitizer found a leak (above)");
#endif
    return count;
}

int main(int argc, char **argv)
{
    void *warm[1];
    backtrace(warm, 1); /* loads what backtrace needs before any fault */
    install_allocators_and_vfs();
    const char *mode_name = argc > 1 ? argv[1] : "";
    fault_mode mode = MODE_ALLOC;
    if (strcmp(mode_name, "io") == 0)
        mode = MODE_IO;
    else if (strcmp(mode_name, "alloc") != 0) {
        fprintf(stderr, "usage: fault_test alloc|io [--once|--persistent] [--only N] [-v|-vv|-vvv|-vvvv]\n"
                        "  --only N  fail only operation N (reproduces a run); -vv traces the calls,\n"
                        "  -vvv adds where the fault hit, -vvvv what came next\n");
        return 2;
    }
    bool do_once = true, do_persistent = true;
    long only = 0;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--once") == 0 && do_once)
            do_persistent = false;
        else if (strcmp(argv[i], "--persistent") == 0 && do_persistent)
            do_once = false;
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            only = atol(argv[++i]);
        else if (strcmp(argv[i], "-v") == 0)
            verbose++;
        else if (strcmp(argv[i], "-vv") == 0)
            verbose += 2;
        else if (strcmp(argv[i], "-vvv") == 0)
            verbose += 3;
        else if (strcmp(argv[i], "-vvvv") == 0)
            verbose += 4;
    }
    const char *runs_env = getenv("FD_FAULT_RUNS");
    long max_runs = runs_env ? atol(runs_env) : 0;
    /* tmpfs when there is one: a run's fsyncs would otherwise dominate (FD_FAULT_DIR overrides). */
    const char *dir = getenv("FD_FAULT_DIR");
    if (dir == NULL && access("/dev/shm", W_OK) == 0)
        dir = "/dev/shm";
    snprintf(db_path, sizeof db_path, "%s/fault-%s-%ld.db", dir ? dir : FD_TEST_TMP, mode_name, (long)getpid());

    /* A clean run first: it must pass, it fills ICU's and the library's caches, and it counts the points. */
    long total = run(mode, false, 0, false);
    memset(io_kinds, 0, sizeof io_kinds);
    total = run(mode, false, 0, true);
    if (mode == MODE_IO)
        printf("fault io: a run makes %ld reads, %ld writes, %ld syncs, %ld locks, %ld truncates, %ld size checks\n",
               io_kinds[IO_READ], io_kinds[IO_WRITE], io_kinds[IO_SYNC], io_kinds[IO_LOCK], io_kinds[IO_TRUNCATE],
               io_kinds[IO_FILE_SIZE]);
    if (problems) {
        fprintf(stderr, "fault: the scenario fails without faults\n");
        return 1;
    }
    /* FD_FAULT_FROM and FD_FAULT_TO (points, inclusive) restrict the runs to one module's part of the
     * scenario: -vv on a clean run (--only 0) shows where each call's points lie. */
    const char *from_env = getenv("FD_FAULT_FROM"), *to_env = getenv("FD_FAULT_TO");
    long from = from_env ? atol(from_env) : 1, to = to_env ? atol(to_env) : total;
    if (from < 1)
        from = 1;
    if (to > total)
        to = total;
    long span = to >= from ? to - from + 1 : 0;
    long stride = max_runs > 0 && span > max_runs ? (span + max_runs - 1) / max_runs : 1;
    time_t start = time(NULL);
    for (int p = 0; p < 2; p++) {
        bool persistent = p == 1;
        if ((persistent && !do_persistent) || (!persistent && !do_once))
            continue;
        long runs = 0, injected = 0, before = problems;
        misreported = 0;
        for (long k = 0;; k++) {
            /* Every stride-th point, at an offset that moves so that sampling covers every residue. */
            long n = only ? only : from + k * stride + (stride > 1 ? (k * 7919) % stride : 0);
            if (n > to)
                break;
            if (verbose > 0 && only == 0 && runs % 500 == 0)
                fprintf(stderr, "fault: %s %s: %ld of %ld\n", mode_name, persistent ? "persistent" : "once", n, total);
            run(mode, persistent, n, true);
            runs++;
            injected += F.failed;
            if (only)
                break;
        }
        printf("fault %s %s: %ld points, %ld runs (every %ld), %ld faults injected, %ld errors not %s, "
               "%ld problems\n",
               mode_name, persistent ? "persistent" : "once", total, runs, stride, injected, misreported,
               mode == MODE_ALLOC ? "FD_ENOMEM" : "FD_EIO", problems - before);
    }
    remove_db();
    printf("fault %s: %ld s\n", mode_name, (long)(time(NULL) - start));
    return problems ? 1 : 0;
}
