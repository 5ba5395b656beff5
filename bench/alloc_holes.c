// SPDX-License-Identifier: BSD-2-Clause
/*
 * 4 KiB memblock_phys_alloc() calls, top-down and bottom-up, on a map with
 * 1,000 reserved holes: low memory [1 MiB, 2 GiB) and high memory
 * [4 GiB, 66 GiB), a 4 KiB reservation every 60 MiB of high memory. N is the
 * number of calls, all measured. Every allocation lands next to the
 * previous one and merges with its reservation, so "reserved" stays at
 * about 1,000 regions; top-down also runs into a hole every 60 MiB.
 */
#include <stdlib.h>
#include "bench.h"

#define HOLES		1000UL
#define HIGH_BASE	(4 * SZ_1G)
#define HIGH_END	(66 * SZ_1G)
#define HOLE_STRIDE	(60 * SZ_1M)

static int cmp_pa(const void *a, const void *b)
{
	phys_addr_t x = *(const phys_addr_t *)a, y = *(const phys_addr_t *)b;

	return x < y ? -1 : x > y;
}

static int holes_run(const char *name, unsigned long n, bool bottom_up)
{
	phys_addr_t *pa = malloc((n ? n : 1) * sizeof(*pa));
	unsigned long i, bad = 0;

	if (!pa)
		return bench_fail("malloc");
	bench_phys_window(HIGH_END - 16 * SZ_1G);	/* grown arrays */
	memblock_allow_resize();
	memblock_add(SZ_1M, 2 * SZ_1G - SZ_1M);
	memblock_add(HIGH_BASE, HIGH_END - HIGH_BASE);
	for (i = 0; i < HOLES; i++)
		memblock_reserve(HIGH_BASE + 32 * SZ_1M + i * HOLE_STRIDE, SZ_4K);
	memblock_set_bottom_up(bottom_up);

	bench_begin();
	for (i = 0; i < n; i++)
		pa[i] = memblock_phys_alloc(SZ_4K, SZ_4K);
	bench_end(name, n, n);

	/* Every block in memory, reserved, and none overlapping another. */
	qsort(pa, n, sizeof(*pa), cmp_pa);
	for (i = 0; i < n; i++)
		bad += !pa[i] || pa[i] < SZ_1M || pa[i] + SZ_4K > HIGH_END ||
		       !memblock_is_region_reserved(pa[i], SZ_4K) ||
		       (i && pa[i] - pa[i - 1] < SZ_4K);
	free(pa);
	if (bad)
		return bench_fail("%s: %lu bad allocations", name, bad);
	return 0;
}

static int run_td(unsigned long n)
{
	return holes_run("alloc-td", n, false);
}

static int run_bu(unsigned long n)
{
	return holes_run("alloc-bu", n, true);
}

const struct bench bench_alloc_td = {
	.name = "alloc-td",
	.what = "memblock_phys_alloc(4 KiB), top-down, 1,000 reserved holes",
	.smoke_n = 2000,
	.run = run_td,
};

const struct bench bench_alloc_bu = {
	.name = "alloc-bu",
	.what = "memblock_phys_alloc(4 KiB), bottom-up, 1,000 reserved holes",
	.smoke_n = 2000,
	.run = run_bu,
};
