// SPDX-License-Identifier: BSD-2-Clause
/*
 * Adding N memory regions and reserving N small ranges, in random order.
 *
 * The cost of one edit depends on the array it lands in, so what is
 * measured is the last K = min(N / 4, 256) of N random-order edits: edits
 * into an array of 3N/4 to N regions, the ones a firmware map of N entries
 * pays most for. The first N - K
 * ranges are added in ascending order, unmeasured. Region arrays are
 * canonical (sorted, merged) and grow by the same doublings whatever the
 * order of disjoint inserts, so the array the measured edits see is exactly
 * the one N - K random-order edits would have left; only setup time is
 * saved. Every range sits alone in its own 1 MiB slot, so nothing merges
 * and each edit inserts one region at a uniformly random position.
 *
 * add-sorted adds the same ranges in ascending order, as firmware maps
 * (e820, EFI, device tree) usually list them: every edit appends. All N
 * are measured, so the array's doublings (from the 128 static entries)
 * are in its cost.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"

#define SLOT		SZ_1M
#define SLOTS_BASE	(4 * SZ_1G)
#define MEASURED_MAX	256UL
/* Grown arrays go just below here, above 56,000 slots. */
#define ARRAYS_TOP	(60 * SZ_1G)

struct range {
	phys_addr_t base, size;
};

/* A random range inside slot @i that touches neither neighbour. */
static struct range slot_range(unsigned long i)
{
	phys_addr_t off = (1 + bench_rand_below(127)) * SZ_4K;	/* < 512K */
	phys_addr_t size = (1 + bench_rand_below(16)) * SZ_4K;	/* <= 64K */

	return (struct range){ SLOTS_BASE + i * SLOT + off, size };
}

static int cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* Regions of @t inside the slot area. */
static unsigned long count_in_slots(const struct memblock_type *t,
				    unsigned long n)
{
	unsigned long cnt = 0;

	for (unsigned long k = 0; k < t->cnt; k++)
		if (t->regions[k].size && t->regions[k].base >= SLOTS_BASE &&
		    t->regions[k].base < SLOTS_BASE + n * SLOT)
			cnt++;
	return cnt;
}

/*
 * Edit @n slots with @edit (memblock_add or memblock_reserve), in random
 * order (the last min(n / 4, 256) measured) or @sorted (all measured). Returns 0 when @t ends with one region per slot.
 */
static int edits(const char *name, unsigned long n, bool sorted,
		 int (*edit)(phys_addr_t, phys_addr_t),
		 const struct memblock_type *t)
{
	unsigned long k = sorted ? n : n / 4 < MEASURED_MAX ? n / 4 : MEASURED_MAX;
	unsigned long *perm = bench_permutation(n);
	struct range *r = malloc((n ? n : 1) * sizeof(*r));
	unsigned long i, got;
	int err = 0;

	if (!r)
		return bench_fail("malloc");
	/* Unmeasured: the first n - k slots, ascending. */
	qsort(perm, sorted ? n : n - k, sizeof(*perm), cmp_ulong);
	for (i = 0; i < n; i++)
		r[i] = slot_range(perm[i]);
	for (i = 0; i < n - k; i++)
		err |= edit(r[i].base, r[i].size);

	bench_begin();
	for (; i < n; i++)
		err |= edit(r[i].base, r[i].size);
	bench_end(name, n, k);

	free(perm);
	free(r);
	if (err)
		return bench_fail("%s: an edit failed", name);
	got = count_in_slots(t, n);
	if (got != n)
		return bench_fail("%s: %lu regions in the slots, want %lu", name,
				  got, n);
	return 0;
}

/*
 * The floor of a random-order edit: the bytes the contiguous-array
 * contract must move to open its slot, i.e. every region above the new
 * one, shifted by one entry. The same ranges as edits() (same seed, same
 * setup, unmeasured), then only those moves, replayed in the measured
 * section on an array of the same size with the hook the library uses.
 */
static int floor_edits(const char *name, unsigned long n,
		       int (*edit)(phys_addr_t, phys_addr_t),
		       const struct memblock_type *t)
{
	const size_t rsz = sizeof(struct memblock_region);
	unsigned long k = n / 4 < MEASURED_MAX ? n / 4 : MEASURED_MAX;
	unsigned long *perm = bench_permutation(n);
	struct range *r = malloc((n ? n : 1) * sizeof(*r));
	unsigned long *at = malloc((k ? k : 1) * sizeof(*at));
	unsigned long *tail = malloc((k ? k : 1) * sizeof(*tail));
	unsigned char *array;
	unsigned long i, j, moved = 0;
	int err = 0;

	if (!r || !at || !tail)
		return bench_fail("malloc");
	qsort(perm, n - k, sizeof(*perm), cmp_ulong);
	for (i = 0; i < n; i++)
		r[i] = slot_range(perm[i]);
	for (i = 0; i < n - k; i++)
		err |= edit(r[i].base, r[i].size);
	/* Where each measured edit lands, and how many regions lie above. */
	for (j = 0; i < n; i++, j++) {
		unsigned long idx = 0;

		while (idx < t->cnt && t->regions[idx].base < r[i].base)
			idx++;
		at[j] = idx;
		tail[j] = t->cnt - idx;
		err |= edit(r[i].base, r[i].size);
	}
	array = aligned_alloc(4096, ((t->cnt + 1) * rsz + 4095) & ~(size_t)4095);
	if (!array)
		return bench_fail("aligned_alloc");
	memset(array, 0x5a, (t->cnt + 1) * rsz);

	bench_begin();
	for (j = 0; j < k; j++)
		memblock_env_memmove(array + (at[j] + 1) * rsz, array + at[j] * rsz,
				     tail[j] * rsz);
	bench_end(name, n, k);

	for (j = 0; j < k; j++)
		moved += tail[j] * rsz;
	printf("%sFLOOR bench=%s bytes_per_op=%.1f\n", bench_line_prefix, name,
	       k ? (double)moved / k : 0.0);
	free(array);
	free(perm);
	free(r);
	free(at);
	free(tail);
	return err ? bench_fail("%s: an edit failed", name) : 0;
}

static int run_add_floor(unsigned long n)
{
	bench_phys_window(ARRAYS_TOP - 16 * SZ_1G);
	memblock_add(ARRAYS_TOP - SZ_1G, SZ_1G);
	memblock_allow_resize();
	return floor_edits("add-floor", n, memblock_add, &memblock.memory);
}

static int run_reserve_floor(unsigned long n)
{
	bench_phys_window(ARRAYS_TOP - 16 * SZ_1G);
	memblock_add(0, ARRAYS_TOP);
	memblock_allow_resize();
	return floor_edits("reserve-floor", n, memblock_reserve, &memblock.reserved);
}

const struct bench bench_add_floor = {
	.name = "add-floor",
	.what = "floor of add: only the tail moves its random-order inserts need",
	.smoke_n = 1000,
	.seed = "add",
	.run = run_add_floor,
};

const struct bench bench_reserve_floor = {
	.name = "reserve-floor",
	.what = "floor of reserve: only the tail moves its inserts need",
	.smoke_n = 1000,
	.seed = "reserve",
	.run = run_reserve_floor,
};

static int run_add(unsigned long n)
{
	/* 1 GiB of RAM above the slots, where grown arrays can go. */
	bench_phys_window(ARRAYS_TOP - 16 * SZ_1G);
	memblock_add(ARRAYS_TOP - SZ_1G, SZ_1G);
	memblock_allow_resize();
	return edits("add", n, false, memblock_add, &memblock.memory);
}

static int run_add_sorted(unsigned long n)
{
	bench_phys_window(ARRAYS_TOP - 16 * SZ_1G);
	memblock_add(ARRAYS_TOP - SZ_1G, SZ_1G);
	memblock_allow_resize();
	return edits("add-sorted", n, true, memblock_add, &memblock.memory);
}

static int run_reserve(unsigned long n)
{
	/* One large region: the slots and, above them, room for arrays. */
	bench_phys_window(ARRAYS_TOP - 16 * SZ_1G);
	memblock_add(0, ARRAYS_TOP);
	memblock_allow_resize();
	return edits("reserve", n, false, memblock_reserve, &memblock.reserved);
}

const struct bench bench_add = {
	.name = "add",
	.what = "memblock_add of N disjoint regions in random order",
	.smoke_n = 1000,
	.run = run_add,
};

const struct bench bench_reserve = {
	.name = "reserve",
	.what = "memblock_reserve of N small ranges in one region, random order",
	.smoke_n = 1000,
	.run = run_reserve,
};

const struct bench bench_add_sorted = {
	.name = "add-sorted",
	.what = "memblock_add of N disjoint regions in ascending order",
	.smoke_n = 1000,
	.run = run_add_sorted,
};
