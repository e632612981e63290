#include "bench.h"

#include <frontdesk/common.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The program's name, for bench_die. */
static const char *program = "bench";

bool bench_smoke(int argc, char **argv)
{
    if (argc > 0 && argv[0]) {
        const char *slash = strrchr(argv[0], '/');
        program = slash ? slash + 1 : argv[0];
    }
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--smoke") == 0)
            return true;
    return false;
}

long bench_n(int argc, char **argv, long full, long smoke)
{
    return bench_smoke(argc, argv) ? (smoke > 0 ? smoke : 1) : full;
}

void bench_figure(const char *bench, const char *what, double value, const char *unit)
{
    printf("bench %s: %s %.6g %s\n", bench, what, value, unit);
    fflush(stdout);
}

void bench_ratio(const char *bench, double ratio, double target)
{
    printf("ratio %s: %.3f (target >= %.3g) %s\n", bench, ratio, target,
           ratio >= target ? "ok" : "below target");
    fflush(stdout);
}

const char *bench_path(const char *stem)
{
    static char path[4096];
    const char *dir = getenv("FD_BENCH_TMP");
    snprintf(path, sizeof path, "%s/bench-%s-%ld.db", dir && *dir ? dir : "/tmp", stem, (long)getpid());
    static const char *const sides[] = { "", "-wal", "-shm" };
    for (int i = 0; i < 3; i++) {
        char p[4200];
        snprintf(p, sizeof p, "%s%s", path, sides[i]);
        unlink(p);
    }
    return path;
}

void bench_die(const char *what, const char *msg)
{
    fprintf(stderr, "%s: %s: %s\n", program, what, msg);
    exit(1);
}

void bench_check(int rc, const char *what)
{
    if (rc)
        bench_die(what, fd_error_last()->message);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double bench_pct(double *t, long n, double p)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    long k = (long)(p * (double)n);
    return t[k < n ? k : n - 1];
}

void bench_copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    if (in == NULL || out == NULL)
        bench_die("copy", from);
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            bench_die("copy", to);
    fclose(in);
    fclose(out);
}
