/*
 * The frontdesk command's argument parser and commands (the cli directory's
 * sources, compiled a second time with main renamed fd_cli_main; tests/fuzz/
 * CMakeLists.txt) on argv split from the input at NUL bytes. It must never
 * crash, exit or leak; it ends with status 0, 1 (the library refused) or 2
 * (usage); and a command that fails changes nothing in the database (unless
 * it revealed personal data, which is logged first, or it is one of the two
 * whose exit status 1 reports a finding they record: `permit check` on a
 * mismatch and `call import-cdr` with refused lines — the template has no
 * permits and no CDR file, so neither can be reached here).
 *
 * Each run starts from the same database (a site with staff, grants and
 * journal entries, copied from a template) in a private temporary directory,
 * FRONTDESK_DB pointing at it, stdout and stderr to /dev/null (sanitizer
 * reports still reach the real stderr). The command runs in that directory
 * and '/' in an argument becomes '_', so every path it sees stays there; the
 * directory's files are removed after each run, and it at exit.
 */
#include <frontdesk.h>

#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sanitizer/common_interface_defs.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int fd_cli_main(int argc, char **argv);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define T0 1795136400 /* 2026-11-20 09:00 +08:00 */
#define MAX_ARGS 24

static char dir[256];
static char db[512];
static char *templ;
static size_t templ_size;
static int devnull = -1, saved_out = -1, saved_err = -1, saved_cwd = -1;

static void make_template(void)
{
    fd_store *st = NULL;
    fd_actor sys = FD_ACTOR_INIT;
    sys.at = T0 - 3600;
    fd_site north = FD_SITE_INIT;
    north.code = "north", north.name = "北区产业园", north.time_zone = "Asia/Shanghai";
    int64_t id;
    if (fd_store_open(&st, db, NULL) != FD_OK || fd_store_site_add(&id, st, &sys, &north) != FD_OK)
        abort();
    sys.site_id = id;
    static const char *const staff[][3] = { { "A001", "王小丽", "clerk" }, { "M001", "欧阳娜娜", "manager" } };
    for (int i = 0; i < 2; i++) {
        fd_staff s = FD_STAFF_INIT;
        s.code = staff[i][0], s.name = staff[i][1], s.role = staff[i][2];
        if (fd_store_staff_add(&id, st, &sys, &s) != FD_OK)
            abort();
    }
    if (fd_store_grant_set(st, &sys, "manager", FD_GRANT_REVEAL, 1) != FD_OK ||
        fd_store_grant_set(st, &sys, "manager", FD_GRANT_MANAGE, 1) != FD_OK)
        abort();
    fd_journal_entry e = FD_JOURNAL_ENTRY_INIT;
    e.entity = "call", e.entity_id = 1, e.action = "log", e.detail = "客户 13800138000 报修 3号楼";
    sys.staff_id = 1;
    sys.at = T0;
    if (fd_store_journal_add(&id, st, &sys, &e) != FD_OK)
        abort();
    fd_store_close(st); /* checkpoints: the whole database is in the one file */
}

static char *read_file(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n == cap && (buf = realloc(buf, cap = cap ? cap * 2 : 65536)) == NULL)
            abort();
        size_t k = fread(buf + n, 1, cap - n, fp);
        n += k;
        if (k == 0)
            break;
    }
    fclose(fp);
    *size = n;
    return buf;
}

static void write_db(void)
{
    int fd = open(db, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || write(fd, templ, templ_size) != (ssize_t)templ_size)
        abort();
    close(fd);
}

/* Removes every file the run left in the directory. */
static void clean(void)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        abort();
    struct dirent *e;
    char path[1024];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
}

static void remove_dir(void)
{
    clean();
    rmdir(dir);
}

/* libFuzzer may end with _Exit: removes the directories of runs whose process is gone. */
static void remove_stale(const char *tmp)
{
    DIR *d = opendir(tmp);
    if (d == NULL)
        return;
    struct dirent *e;
    long pid;
    char rest;
    while ((e = readdir(d)) != NULL) {
        if (sscanf(e->d_name, "fd-fuzz-cli-%ld%c", &pid, &rest) != 1 || pid <= 0 || kill((pid_t)pid, 0) == 0 ||
            errno != ESRCH)
            continue;
        snprintf(dir, sizeof dir, "%s/%s", tmp, e->d_name);
        remove_dir();
    }
    closedir(d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    remove_stale(tmp);
    snprintf(dir, sizeof dir, "%s/fd-fuzz-cli-%ld", tmp, (long)getpid());
    if (mkdir(dir, 0700) != 0)
        abort();
    atexit(remove_dir);
    snprintf(db, sizeof db, "%s/site.db", dir);
    make_template();
    templ = read_file(db, &templ_size);
    if (templ == NULL || templ_size == 0)
        abort();
    setenv("FRONTDESK_DB", db, 1);
    unsetenv("TZ");
    devnull = open("/dev/null", O_WRONLY);
    saved_out = dup(1);
    saved_err = dup(2);
    saved_cwd = open(".", O_RDONLY | O_DIRECTORY);
    if (devnull < 0 || saved_out < 0 || saved_err < 0 || saved_cwd < 0)
        abort();
    __sanitizer_set_report_fd((void *)(intptr_t)saved_err);
    return 0;
}

/* The command, in the private directory, its output thrown away. */
static int run(int argc, char **argv)
{
    fflush(stdout);
    fflush(stderr);
    if (chdir(dir) != 0)
        abort();
    dup2(devnull, 1);
    dup2(devnull, 2);
    int status = fd_cli_main(argc, argv);
    fflush(stdout);
    fflush(stderr);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    if (fchdir(saved_cwd) != 0)
        abort();
    return status;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clean();
    write_db();
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *argv[MAX_ARGS + 2];
    int argc = 0;
    argv[argc++] = (char *)"frontdesk";
    bool reveal = false;
    for (size_t i = 0; i <= size && argc <= MAX_ARGS; i += strlen(text + i) + 1) {
        for (char *p = text + i; *p; p++)
            if (*p == '/')
                *p = '_';
        argv[argc++] = text + i;
        reveal = reveal || strcmp(text + i, "--reveal") == 0;
    }
    if (size == 0)
        argc = 1;
    argv[argc] = NULL;
    int status = run(argc, argv);
    CHECK(status == 0 || status == 1 || status == 2);
    if (status != 0 && !reveal) {
        /* A refused command changed nothing (its connection is closed, the WAL checkpointed). */
        size_t n = 0;
        char *now = read_file(db, &n);
        CHECK(now != NULL && n == templ_size && memcmp(now, templ, n) == 0);
        free(now);
    }
    free(text);
    return 0;
}
