// SPDX-License-Identifier: BSD-2-Clause
/*
 * A small-map edit: memblock_remove() punching a 4 KiB hole in the middle
 * of each of N memory regions (N = 16: a small firmware map), all
 * measured. Each remove splits one region in two, so the contiguous array
 * must open one slot: the floor is one move of the tail by one entry,
 * and "memmove calls/op" shows how many moves the library makes.
 */
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

const struct bench bench_remove_split = {
	.name = "remove-split",
	.what = "memblock_remove splitting each of N regions (4 KiB hole)",
	.smoke_n = 16,
	.run = run_remove_split,
};
