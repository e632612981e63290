/*
 * Tiny harness shared by the benchmarks. Each benchmark measures the library
 * and a baseline (raw SQLite, plain ICU, a naive loop) in the same run and
 * prints a line per figure plus a ratio line:
 *
 *   bench <name>: <what> <value> <unit>
 *   ratio <name>: <ratio> (target >= <target>) <ok|below target>
 *
 * `--smoke` asks for a tiny size so that ctest can check the program runs.
 */
#ifndef FD_BENCH_H
#define FD_BENCH_H
#include <stdbool.h>
#include <stdint.h>

/* Monotonic clock in seconds. */
double bench_now(void);
/* True when the program was started with --smoke. */
bool bench_smoke(int argc, char **argv);
/* Scales a full-size count down for smoke runs (to at least 1). */
long bench_n(int argc, char **argv, long full, long smoke);
/* Prints a figure. */
void bench_figure(const char *bench, const char *what, double value, const char *unit);
/* Prints the ratio line; higher is better. */
void bench_ratio(const char *bench, double ratio, double target);
/* A fresh database path under FD_BENCH_TMP (or /tmp). */
const char *bench_path(const char *stem);
/* Says "<program>: <what>: <msg>" on stderr and exits 1 (the program's name from bench_smoke/bench_n). */
void bench_die(const char *what, const char *msg);
/* bench_die with the library's last error unless @rc (an fd_status) is 0. */
void bench_check(int rc, const char *what);
/* The @p quantile (0..1) of @t[0 .. n - 1], which it sorts. */
double bench_pct(double *t, long n, double p);
/* Copies file @from to @to (a database set up once, for the library and for the raw side). */
void bench_copy_file(const char *from, const char *to);

#endif
