// SPDX-License-Identifier: BSD-2-Clause
/*
 * Zeroed allocations of 16 KiB, the size of a struct page array chunk or
 * a few page tables: N x memblock_alloc(16 KiB, SMP_CACHE_BYTES) on a
 * fresh map, all measured, and their floor: clearing the same N blocks at
 * the same addresses (top-down, each below the previous one) with the
 * same memset hook, nothing else. The memory is written once during
 * setup, so neither run pays the host's first-touch page faults (a
 * kernel's RAM has none).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"

#define BLOCK		(16 * 1024)
#define RAM_BASE	SZ_1G
#define RAM_SIZE	SZ_1G

static phys_addr_t setup(unsigned long n)
{
	phys_addr_t top = RAM_BASE + RAM_SIZE;

	bench_phys_window(0);
	memblock_add(RAM_BASE, RAM_SIZE);
	memblock_reserve(RAM_BASE, 16 * SZ_1M);		/* kernel image */
	/* Fault in what the allocations will clear, with garbage. */
	memset(memblock_env_phys_to_virt(top - n * BLOCK), 0xa5, n * BLOCK);
	return top;
}

static int run_alloc_zero(unsigned long n)
{
	phys_addr_t top = setup(n);
	unsigned long i, bad = 0;
	void **p = calloc(n ? n : 1, sizeof(*p));

	if (!p)
		return bench_fail("calloc");
	bench_begin();
	for (i = 0; i < n; i++)
		p[i] = memblock_alloc(BLOCK, SMP_CACHE_BYTES);
	bench_end("alloc-zero", n, n);

	for (i = 0; i < n; i++) {
		const unsigned char *b = p[i];

		/* Top-down: the same blocks the floor clears. */
		if (!b || memblock_env_virt_to_phys(b) != top - (i + 1) * BLOCK)
			bad++;
		else
			for (size_t j = 0; j < BLOCK; j++)
				bad += b[j] != 0;
	}
	free(p);
	return bad ? bench_fail("alloc-zero: %lu bad blocks or bytes", bad) : 0;
}

static int run_alloc_zero_floor(unsigned long n)
{
	phys_addr_t top = setup(n);

	bench_begin();
	for (unsigned long i = 0; i < n; i++)
		memblock_env_memset(memblock_env_phys_to_virt(top - (i + 1) * BLOCK),
				    0, BLOCK);
	bench_end("alloc-zero-floor", n, n);
	printf("%sFLOOR bench=alloc-zero-floor bytes_per_op=%d\n",
	       bench_line_prefix, BLOCK);
	return 0;
}

const struct bench bench_alloc_zero = {
	.name = "alloc-zero",
	.what = "memblock_alloc(16 KiB), zeroed, N calls on a fresh map",
	.smoke_n = 100,
	.run = run_alloc_zero,
};

const struct bench bench_alloc_zero_floor = {
	.name = "alloc-zero-floor",
	.what = "floor of alloc-zero: clearing the same N blocks of 16 KiB",
	.smoke_n = 100,
	.run = run_alloc_zero_floor,
};
