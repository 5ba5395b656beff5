/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock benchmarks: what every benchmark shares.
 *
 * A benchmark builds its map (not measured), then brackets the operations
 * it measures with bench_begin() and bench_end(). Under valgrind
 * --tool=callgrind --instr-atstart=no only the bracketed instructions are
 * counted; natively the bracket is timed with CLOCK_MONOTONIC. Each run
 * prints one "RESULT" line that bench/run.py reads.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/memblock.h>

#define SZ_4K	0x1000ULL
#define SZ_1M	0x100000ULL
#define SZ_1G	0x40000000ULL

/*
 * One benchmark. @run measures @n (the map size or call count, see each
 * benchmark) and returns 0, or 1 when the result fails its own checks.
 */
struct bench {
	const char *name;
	const char *what;		/* one line: what is measured */
	unsigned long smoke_n;		/* small n for the smoke test */
	const char *seed;		/* random seed from this name (default: name) */
	int (*run)(unsigned long n);
};

extern const struct bench bench_add, bench_add_sorted, bench_reserve;
extern const struct bench bench_alloc_td, bench_alloc_bu;
extern const struct bench bench_alloc_small, bench_alloc_small_frag;
extern const struct bench bench_add_floor, bench_reserve_floor;
extern const struct bench bench_alloc_zero, bench_alloc_zero_floor;
extern const struct bench bench_remove_split, bench_free_bu;

/* Route memblock_env_memmove/memset: "default", "libc" or "x86" (memops.c). */
int bench_select_memops(const char *name);
#ifdef BENCH_HAVE_FREE_ALL
extern const struct bench bench_free_all, bench_free_all_count, bench_page_floor;
#endif

/* Start and stop the measured section (callgrind collection + clock). */
void bench_begin(void);
/* Printed before each RESULT line ("# " in the smoke test's TAP). */
extern const char *bench_line_prefix;
/* Stop it; @ops operations were measured. Prints the RESULT line. */
void bench_end(const char *name, unsigned long n, unsigned long ops);

/* Deterministic pseudo-random numbers (xorshift64*), fixed seed. */
void bench_srand(uint64_t seed);
uint64_t bench_rand(void);
/* Uniform in [0, bound). */
uint64_t bench_rand_below(uint64_t bound);
/* A random permutation of 0..n-1 (caller frees). */
unsigned long *bench_permutation(unsigned long n);

/* Report a failed check on stderr; returns 1 for "return bench_fail(...)". */
int bench_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Map physical [base, base + 16 GiB) to host memory (bench/phys.c): call
 * before the first memblock call that writes memory. Default base: 0.
 */
void bench_phys_window(phys_addr_t base);

/* The hook memblock_env_free_pages() calls (bench/env.c); NULL counts. */
extern void (*bench_free_pages_hook)(unsigned long pfn, unsigned int order);
extern unsigned long bench_freed_blocks, bench_freed_pages;

#endif
