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

#endif
