#include "bench.h"

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

bool bench_smoke(int argc, char **argv)
{
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
