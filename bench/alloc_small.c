// SPDX-License-Identifier: BSD-2-Clause
/*
 * Small memblock_alloc() calls on a freshly booted map, the common case:
 * N calls of 16 bytes to 4 KiB (zeroed, SMP_CACHE_BYTES aligned), all
 * measured, zeroing included. Sizes that are not multiples of 64 leave a
 * gap, so most calls add a reserved region: N = 100 keeps "reserved" under
 * the 128 static entries, as on a typical boot.
 *
 *   alloc-small        the map QEMU's q35 with 8 GiB gives (3 RAM ranges,
 *                      IVT, kernel image and initrd reserved)
 *   alloc-small-frag   the same reservations on 128 RAM ranges (a
 *                      fragmented EFI map: the static array full), to show
 *                      what the per-call scans of the memory array cost
 */
#include <stdlib.h>
#include <string.h>
#include "bench.h"

static const phys_addr_t sizes[] = { 16, 24, 40, 64, 96, 128, 192, 256, 512,
				     1024, 2048, 4096 };
#define NR_SIZES	(sizeof(sizes) / sizeof(sizes[0]))

static void fresh_reservations(void)
{
	memblock_reserve(0, SZ_4K);			/* IVT, BDA */
	memblock_reserve(16 * SZ_1M, 32 * SZ_1M);	/* kernel image */
	memblock_reserve(0x7f000000, 8 * SZ_1M);	/* initrd */
	memblock_allow_resize();
}

static int small_allocs(const char *name, unsigned long n)
{
	static unsigned char zero[4096];
	unsigned long i, failed = 0, dirty = 0;
	unsigned char **p = calloc(n ? n : 1, sizeof(*p));

	if (!p)
		return bench_fail("calloc");
	bench_begin();
	for (i = 0; i < n; i++)
		p[i] = memblock_alloc(sizes[i % NR_SIZES], SMP_CACHE_BYTES);
	bench_end(name, n, n);

	for (i = 0; i < n; i++) {
		if (!p[i])
			failed++;
		else if (memcmp(p[i], zero, sizes[i % NR_SIZES]))
			dirty++;
	}
	free(p);
	if (failed || dirty)
		return bench_fail("%s: %lu failed, %lu not zeroed", name,
				  failed, dirty);
	return 0;
}

static int run_q35(unsigned long n)
{
	memblock_add(0, 0x9fc00);
	memblock_add(SZ_1M, 0x7ffe0000 - SZ_1M);
	memblock_add(4 * SZ_1G, 6 * SZ_1G);
	fresh_reservations();
	return small_allocs("alloc-small", n);
}

static int run_frag(unsigned long n)
{
	/* 128 RAM ranges of 64 MiB - 4 KiB from 0 to 8 GiB. */
	for (unsigned long i = 0; i < 128; i++)
		memblock_add(i * 64 * SZ_1M, 64 * SZ_1M - SZ_4K);
	fresh_reservations();
	return small_allocs("alloc-small-frag", n);
}

const struct bench bench_alloc_small = {
	.name = "alloc-small",
	.what = "memblock_alloc(16 B..4 KiB), fresh q35 map (3 RAM ranges)",
	.smoke_n = 100,
	.run = run_q35,
};

const struct bench bench_alloc_small_frag = {
	.name = "alloc-small-frag",
	.what = "memblock_alloc(16 B..4 KiB), fresh map of 128 RAM ranges",
	.smoke_n = 100,
	.run = run_frag,
};
