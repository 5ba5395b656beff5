// SPDX-License-Identifier: BSD-2-Clause
/*
 * Small-map edits.
 *
 * remove-split: memblock_remove() punching a 4 KiB hole in the middle of
 * each of N memory regions (N = 16: a small firmware map), all measured.
 * Each remove splits one region in two, so the contiguous array must open
 * one slot: the floor is one move of the tail by one entry, and "memmove
 * calls/op" shows how many moves the library makes.
 *
 * free-bu: memblock_phys_free() of N 16 KiB blocks that bottom-up
 * allocations placed side by side above a 16 MiB kernel reservation in
 * 1 GiB of memory, freed in allocation order, all frees measured. The
 * allocations merged into one reservation, so each free trims its bottom:
 * no region is added or removed, nothing moves.
 */
#include <stdlib.h>
#include "bench.h"

static int run_remove_split(unsigned long n)
{
	int err = 0;

	for (unsigned long i = 0; i < n; i++)
		memblock_add(SZ_1G + i * 64 * SZ_1M, 32 * SZ_1M);
	bench_begin();
	for (unsigned long i = 0; i < n; i++)
		err |= memblock_remove(SZ_1G + i * 64 * SZ_1M + 16 * SZ_1M, SZ_4K);
	bench_end("remove-split", n, n);
	if (err || memblock.memory.cnt != 2 * n)
		return bench_fail("remove-split: %lu regions, want %lu",
				  memblock.memory.cnt, 2 * n);
	return 0;
}

static int run_free_bu(unsigned long n)
{
	phys_addr_t *pa = malloc((n ? n : 1) * sizeof(*pa));
	unsigned long i, bad = 0;
	int err = 0;

	if (!pa)
		return bench_fail("malloc");
	memblock_add(SZ_1G, SZ_1G);
	memblock_reserve(SZ_1G, 16 * SZ_1M);
	memblock_set_bottom_up(true);
	for (i = 0; i < n; i++)
		pa[i] = memblock_phys_alloc(4 * SZ_4K, SZ_4K);
	for (i = 0; i < n; i++)
		bad += pa[i] != SZ_1G + 16 * SZ_1M + i * 4 * SZ_4K;
	bench_begin();
	for (i = 0; i < n; i++)
		err |= memblock_phys_free(pa[i], 4 * SZ_4K);
	bench_end("free-bu", n, n);
	free(pa);
	/* Only the kernel's reservation is left. */
	if (bad || err || memblock.reserved.cnt != 1 ||
	    memblock.reserved.total_size != 16 * SZ_1M)
		return bench_fail("free-bu: %lu misplaced, err %d, %lu regions left",
				  bad, err, memblock.reserved.cnt);
	return 0;
}

const struct bench bench_free_bu = {
	.name = "free-bu",
	.what = "memblock_phys_free of N bottom-up 16 KiB allocations, in order",
	.smoke_n = 64,
	.run = run_free_bu,
};

const struct bench bench_remove_split = {
	.name = "remove-split",
	.what = "memblock_remove splitting each of N regions (4 KiB hole)",
	.smoke_n = 16,
	.run = run_remove_split,
};
