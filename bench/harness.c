// SPDX-License-Identifier: BSD-2-Clause
/*
 * Measured sections, random numbers and failure reports for the
 * benchmarks. Under valgrind --tool=callgrind --instr-atstart=no only the
 * measured section is instrumented (setup runs at full speed and is not
 * counted); the client requests are no-ops outside valgrind, so the same
 * binary serves the native (wall time) and the callgrind runs.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <valgrind/callgrind.h>
#include "bench.h"

static struct timespec t0;
const char *bench_line_prefix = "";

void bench_begin(void)
{
	CALLGRIND_START_INSTRUMENTATION;
	CALLGRIND_ZERO_STATS;
	clock_gettime(CLOCK_MONOTONIC, &t0);
}

void bench_end(const char *name, unsigned long n, unsigned long ops)
{
	struct timespec t1;
	double ns;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	CALLGRIND_STOP_INSTRUMENTATION;
	ns = (double)(t1.tv_sec - t0.tv_sec) * 1e9 +
	     (double)(t1.tv_nsec - t0.tv_nsec);
	printf("%sRESULT bench=%s n=%lu ops=%lu wall_ns=%.0f\n",
	       bench_line_prefix, name, n, ops, ns);
	fflush(stdout);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

void bench_srand(uint64_t seed)
{
	rng_state = seed ? seed : 1;
}

uint64_t bench_rand(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

uint64_t bench_rand_below(uint64_t bound)
{
	return bench_rand() % bound;
}

unsigned long *bench_permutation(unsigned long n)
{
	unsigned long *p = malloc((n ? n : 1) * sizeof(*p));

	if (!p) {
		perror("malloc");
		exit(2);
	}
	for (unsigned long i = 0; i < n; i++)
		p[i] = i;
	for (unsigned long i = n; i > 1; i--) {
		unsigned long j = bench_rand_below(i), t = p[i - 1];

		p[i - 1] = p[j];
		p[j] = t;
	}
	return p;
}

int bench_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("bench: check failed: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 1;
}
