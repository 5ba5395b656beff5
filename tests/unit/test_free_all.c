// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_free_all(), memblock_free_late() and memblock_discard(): the
 * exact blocks handed to memblock_env_free_pages() (recorded by the
 * harness), and a brute-force cross-check on random maps.
 */
#include "harness.h"

#define SZ_4M	0x400000ULL
#define SZ_64M	0x4000000ULL

struct blk {
	unsigned long pfn;
	unsigned int order;
};

/* The recorded blocks must be exactly @want, in order. */
static void expect_blocks_(const char *file, int line, size_t n,
			   const struct blk *want)
{
	bool bad = test_freed_cnt != n;

	for (size_t i = 0; !bad && i < n; i++)
		bad = test_freed[i].pfn != want[i].pfn ||
		      test_freed[i].order != want[i].order;
	if (!bad)
		return;
	tap_fail(file, line, "got %zu blocks, want %zu", test_freed_cnt, n);
	for (size_t i = 0; i < test_freed_cnt && i < 40; i++)
		tap_diag("  got  pfn %#lx order %u", test_freed[i].pfn,
			 test_freed[i].order);
	for (size_t i = 0; i < n; i++)
		tap_diag("  want pfn %#lx order %u", want[i].pfn, want[i].order);
}
#define EXPECT_BLOCKS(...)						\
	do {								\
		const struct blk want_[] = { __VA_ARGS__ };		\
		expect_blocks_(__FILE__, __LINE__, ARRAY_SIZE(want_), want_); \
	} while (0)
#define EXPECT_NO_BLOCKS()	expect_blocks_(__FILE__, __LINE__, 0, NULL)

static void small_range_blocks(void)
{
	CHECK_INT(memblock_add(0x1000, 0x8000), 0);
	CHECK_EQ(free_all_count(), 8);
	EXPECT_BLOCKS({ 1, 0 }, { 2, 1 }, { 4, 2 }, { 8, 0 });
	/* Nothing in memblock changes but the hotplug flags. */
	EXPECT_TYPE(&memblock.memory, R(0x1000, 0x8000));
	EXPECT_EMPTY(&memblock.reserved);
}

/*
 * memblock_free_all() returns void (Linux 6.12); memblock_free_all_released()
 * says how many pages it handed over, and a second call adds nothing.
 */
static void void_free_all_and_its_count(void)
{
	unsigned long before = memblock_free_all_released();

	CHECK_INT(memblock_add(0x1000, 0x8000), 0);
	CHECK_INT(memblock_reserve(0x2000, 0x1000), 0);
	memblock_free_all();
	CHECK_EQ(memblock_free_all_released() - before, 7);
	CHECK_EQ(test_freed_cnt, 4);
	memblock_free_all();
	CHECK_EQ(memblock_free_all_released() - before, 7);
	CHECK_EQ(test_freed_cnt, 4);
}

static void pfn_zero_is_aligned_to_anything(void)
{
	CHECK_INT(memblock_add(0, 0x7000), 0);
	CHECK_EQ(free_all_count(), 7);
	EXPECT_BLOCKS({ 0, 2 }, { 4, 1 }, { 6, 0 });
}

static void partial_pages_of_memory_not_released(void)
{
	CHECK_INT(memblock_add(0x1800, 0x8000), 0);	/* [0x1800, 0x9800) */
	CHECK_EQ(free_all_count(), 7);
	EXPECT_BLOCKS({ 2, 1 }, { 4, 2 }, { 8, 0 });
}

static void partly_reserved_page_not_released(void)
{
	CHECK_INT(memblock_add(0, 0x10000), 0);
	CHECK_INT(memblock_reserve(0x3800, 0xa00), 0);	/* pages 3 and 4 */
	CHECK_EQ(free_all_count(), 14);
	EXPECT_BLOCKS({ 0, 1 }, { 2, 0 }, { 5, 0 }, { 6, 1 }, { 8, 3 });
}

static void max_order_caps_blocks(void)
{
	/* 8 MiB + 12 KiB at 4 KiB: small blocks up to 4 MiB alignment. */
	CHECK_INT(memblock_add(SZ_4M - 0x1000, 2 * SZ_4M + 0x4000), 0);
	CHECK_EQ(free_all_count(), 2 * 1024 + 4);
	EXPECT_BLOCKS({ 1023, 0 }, { 1024, MAX_ORDER }, { 2048, MAX_ORDER },
		      { 3072, 1 }, { 3074, 0 });
}

static void nomap_and_driver_managed_not_released(void)
{
	CHECK_INT(memblock_add(0, 0x10000), 0);
	CHECK_INT(memblock_mark_nomap(0x4000, 0x4000), 0);
	CHECK_INT(memblock_add_node(0x20000, 0x4000, MAX_NUMNODES,
				    MEMBLOCK_DRIVER_MANAGED), 0);
	CHECK_EQ(free_all_count(), 12);
	EXPECT_BLOCKS({ 0, 2 }, { 8, 3 });
}

static void hotplug_released_and_cleared(void)
{
	CHECK_INT(memblock_add(0, 0x8000), 0);
	CHECK_INT(memblock_add(0x10000, 0x8000), 0);
	CHECK_INT(memblock_mark_hotplug(0x10000, 0x4000), 0);
	memblock_allow_resize();
	movable_node_enabled = true;
	CHECK_EQ(free_all_count(), 16);
	EXPECT_BLOCKS({ 0, 3 }, { 16, 3 });
	/* The flag is gone, so the two parts merged again. */
	EXPECT_TYPE(&memblock.memory, R(0, 0x8000), R(0x10000, 0x8000));
	CHECK_INT(memblock_can_resize, 0);
}

static void nodes_split_blocks(void)
{
	CHECK_INT(memblock_add_node(0, 0x5000, 0, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add_node(0x5000, 0xb000, 1, MEMBLOCK_NONE), 0);
	CHECK_EQ(free_all_count(), 16);
	EXPECT_BLOCKS({ 0, 2 }, { 4, 0 }, { 5, 0 }, { 6, 1 }, { 8, 3 });
}

static void noinit_reservations_stay_reserved(void)
{
	CHECK_INT(memblock_add(0, 0x8000), 0);
	CHECK_INT(memblock_reserve(0x2000, 0x2000), 0);
	CHECK_INT(memblock_reserved_mark_noinit(0x2000, 0x1000), 0);
	CHECK_EQ(free_all_count(), 6);
	EXPECT_BLOCKS({ 0, 1 }, { 4, 2 });
}

static void empty_memblock_releases_nothing(void)
{
	CHECK_EQ(free_all_count(), 0);
	EXPECT_NO_BLOCKS();
	/* Everything reserved: nothing free either. */
	test_reset();
	CHECK_INT(memblock_add(0, 0x10000), 0);
	CHECK_INT(memblock_reserve(0, 0x10000), 0);
	CHECK_EQ(free_all_count(), 0);
	EXPECT_NO_BLOCKS();
}

static void top_of_address_space(void)
{
	phys_addr_t base = PHYS_ADDR_MAX - 0xffff;	/* ...0000 */
	unsigned long pfn = PFN_DOWN(base);

	/* Clamped to end at PHYS_ADDR_MAX: the last page is partial. */
	CHECK_INT(memblock_add(base, 0x10000), 0);
	CHECK_INT(memblock_reserve(PHYS_ADDR_MAX - 0x800, 0x800), 0);
	CHECK_EQ(free_all_count(), 15);
	EXPECT_BLOCKS({ pfn, 3 }, { pfn + 8, 2 }, { pfn + 12, 1 },
		      { pfn + 14, 0 });

	/* A range inside the last, partial page: PFN_UP would wrap. */
	test_freed_cnt = 0;
	memblock_free_late(PHYS_ADDR_MAX - 0x800, 0x800);
	EXPECT_NO_BLOCKS();
}

static void free_late_releases_whole_pages(void)
{
	CHECK_INT(memblock_add(0, SZ_1M), 0);
	CHECK_INT(memblock_reserve(0x1000, 0x9000), 0);
	CHECK_EQ(free_all_count(), 256 - 9);
	test_freed_cnt = 0;

	/* [0x1800, 0x9000): page 1 is shared with what stays reserved. */
	memblock_free_late(0x1800, 0x7800);
	EXPECT_BLOCKS({ 2, 1 }, { 4, 2 }, { 8, 0 });
	EXPECT_TYPE(&memblock.reserved, R(0x1000, 0x800), R(0x9000, 0x1000));

	test_freed_cnt = 0;
	memblock_free_late(0x9000, 0);
	EXPECT_NO_BLOCKS();
	EXPECT_TYPE(&memblock.reserved, R(0x1000, 0x800), R(0x9000, 0x1000));
}

static void free_late_full_array_keeps_reservation(void)
{
	unsigned long i;

	CHECK_INT(memblock_add(0, SZ_16M), 0);
	/* Fill "reserved": one-page reservations and one of four pages. */
	for (i = 1; i < INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		CHECK_INT(memblock_reserve(0x2000 * i, 0x1000), 0);
	CHECK_INT(memblock_reserve(SZ_1M, 0x4000), 0);
	CHECK_EQ(memblock.reserved.cnt, memblock.reserved.max);
	memblock_allow_resize();
	memblock_free_all();
	CHECK_INT(memblock_can_resize, 0);
	test_freed_cnt = 0;
	test_log_clear();

	/*
	 * Cutting a hole in a reservation needs a slot there is not: the
	 * range stays reserved and nothing is released (a page is never both
	 * reserved and the page allocator's).
	 */
	memblock_free_late(SZ_1M + 0x1000, 0x1000);
	EXPECT_NO_BLOCKS();
	CHECK(memblock_is_reserved(SZ_1M + 0x1000));
	CHECK(test_log_find("stays reserved, nothing released") >= 0);
	CHECK_EQ(memblock.reserved.max, INIT_MEMBLOCK_RESERVED_REGIONS);

	/* Trimming an end needs no slot. */
	test_freed_cnt = 0;
	memblock_free_late(SZ_1M + 0x3000, 0x1000);
	EXPECT_BLOCKS({ 0x103, 0 });
	CHECK(!memblock_is_reserved(SZ_1M + 0x3000));
	CHECK(memblock_is_reserved(SZ_1M + 0x2000));
}

static void discard_static_arrays(void)
{
	CHECK_INT(memblock_add(0, SZ_1M), 0);
	CHECK_INT(memblock_reserve(0, 0x1000), 0);
	memblock_free_all();
	test_freed_cnt = 0;
	memblock_discard();
	EXPECT_NO_BLOCKS();
	EXPECT_EMPTY(&memblock.memory);
	EXPECT_EMPTY(&memblock.reserved);
	CHECK_EQ(memblock_phys_mem_size(), 0);
	CHECK(!memblock_is_memory(0x2000));
	CHECK_EQ(memblock_phys_alloc(0x1000, 0x1000), 0);
	/* After the discard every change is refused, memblock_free_late() too. */
	test_log_clear();
	memblock_free_late(0, 0x1000);
	EXPECT_NO_BLOCKS();
	CHECK(test_log_find("memblock was discarded") >= 0);
	/* A second discard releases nothing. */
	memblock_discard();
	EXPECT_NO_BLOCKS();
	CHECK(test_log_find("called again") >= 0);
}

static void discard_grown_arrays(void)
{
	unsigned long i, nreserved = INIT_MEMBLOCK_RESERVED_REGIONS + 10;
	phys_addr_t mem_arr, rsv_arr, mem_bytes, rsv_bytes;
	unsigned long released;

	CHECK_INT(memblock_add(0, SZ_64M), 0);
	memblock_allow_resize();
	/* Grow both arrays: many separate regions of each type. */
	for (i = 0; i < INIT_MEMBLOCK_REGIONS + 10; i++)
		CHECK_INT(memblock_add(SZ_128M + 0x2000 * i, 0x1000), 0);
	for (i = 0; i < nreserved; i++)
		CHECK_INT(memblock_reserve(SZ_1M + 0x2000 * i, 0x1000), 0);
	CHECK(memblock.memory.max > INIT_MEMBLOCK_REGIONS);
	CHECK(memblock.reserved.max > INIT_MEMBLOCK_RESERVED_REGIONS);
	mem_arr = test_virt_to_phys(memblock.memory.regions);
	rsv_arr = test_virt_to_phys(memblock.reserved.regions);
	mem_bytes = memblock.memory.max * sizeof(struct memblock_region);
	rsv_bytes = memblock.reserved.max * sizeof(struct memblock_region);
	/* Both arrays are reserved, in whole pages. */
	CHECK(memblock_is_region_reserved(mem_arr, mem_bytes));
	CHECK(memblock_is_region_reserved(rsv_arr, rsv_bytes));

	released = free_all_count();
	CHECK(released > 0);
	/* The arrays were not released. */
	for (i = 0; i < test_freed_cnt; i++) {
		phys_addr_t b = PFN_PHYS(test_freed[i].pfn);
		phys_addr_t s = PFN_PHYS(1UL << test_freed[i].order);

		CHECK(!memblock_addrs_overlap(b, s, mem_arr, mem_bytes));
		CHECK(!memblock_addrs_overlap(b, s, rsv_arr, rsv_bytes));
	}
	test_freed_cnt = 0;
	memblock_discard();
	EXPECT_EMPTY(&memblock.memory);
	EXPECT_EMPTY(&memblock.reserved);
	/* Exactly the pages of the two arrays came back. */
	{
		unsigned long pages = 0, want;

		want = PFN_UP(mem_bytes) + PFN_UP(rsv_bytes);
		for (i = 0; i < test_freed_cnt; i++) {
			unsigned long pfn = test_freed[i].pfn;
			unsigned long n = 1UL << test_freed[i].order;
			bool in_mem = pfn >= PFN_DOWN(mem_arr) &&
				      pfn + n <= PFN_DOWN(mem_arr) + PFN_UP(mem_bytes);
			bool in_rsv = pfn >= PFN_DOWN(rsv_arr) &&
				      pfn + n <= PFN_DOWN(rsv_arr) + PFN_UP(rsv_bytes);

			CHECK(in_mem || in_rsv);
			CHECK_EQ(pfn & (n - 1), 0);
			pages += n;
		}
		CHECK_EQ(pages, want);
	}
	/* Nothing can be found or grown any more. */
	CHECK_EQ(memblock_phys_alloc(0x1000, 0x1000), 0);
	CHECK(!memblock_is_reserved(SZ_1M));
}

static void discard_keeps_array_outside_usable_memory(void)
{
	unsigned long i;

	CHECK_INT(memblock_add(0, SZ_64M), 0);
	memblock_allow_resize();
	for (i = 0; i <= INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		CHECK_INT(memblock_reserve(SZ_1M + 0x2000 * i, 0x1000), 0);
	CHECK(memblock.reserved.max > INIT_MEMBLOCK_RESERVED_REGIONS);
	memblock_free_all();
	/*
	 * Break the ownership rules behind the library's back (memory under
	 * the array marked NOMAP by hand): discard must not release it.
	 */
	memblock.memory.regions[0].flags = MEMBLOCK_NOMAP;
	test_freed_cnt = 0;
	test_log_clear();
	memblock_discard();
	EXPECT_NO_BLOCKS();
	CHECK(test_log_find("is not in usable memory: kept") >= 0);
}

/* ---- brute force on random maps ---- */

static unsigned long long rng_state;

static unsigned long rnd(unsigned long n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)((rng_state >> 33) % n);
}

/* Is page @pfn wholly inside one releasable memory region and unreserved? */
static bool page_is_free(unsigned long pfn)
{
	phys_addr_t b = PFN_PHYS(pfn), e = b + PAGE_SIZE;
	struct memblock_region *r;
	bool in_mem = false;

	for_each_mem_region(r) {
		if (r->size && r->base <= b && e <= r->base + r->size &&
		    !memblock_is_nomap(r) && !memblock_is_driver_managed(r))
			in_mem = true;
	}
	if (!in_mem)
		return false;
	for_each_reserved_mem_region(r) {
		if (r->size && memblock_addrs_overlap(b, PAGE_SIZE, r->base,
						      r->size))
			return false;
	}
	return true;
}

#define RANDOM_PAGES	4096

static void random_maps_match_brute_force(void)
{
	static bool want[RANDOM_PAGES], got[RANDOM_PAGES];

	rng_state = 0x5eed;
	for (int round = 0; round < 200; round++) {
		unsigned long expected = 0, released, last_end = 0;
		int nr = 1 + (int)rnd(8);

		test_reset();
		for (int k = 0; k < nr; k++) {
			phys_addr_t b = rnd(RANDOM_PAGES * 0x1000 - 0x100000);
			phys_addr_t s = 1 + rnd(0x100000);

			CHECK_INT(memblock_add_node(b, s, (int)rnd(3),
						    rnd(6) ? MEMBLOCK_NONE
							   : MEMBLOCK_NOMAP), 0);
		}
		for (int k = 0; k < 2 * nr; k++)
			CHECK_INT(memblock_reserve(rnd(RANDOM_PAGES * 0x1000),
						   1 + rnd(0x20000)), 0);
		if (rnd(2))
			CHECK_INT(memblock_mark_hotplug(rnd(SZ_16M), rnd(SZ_4M)), 0);
		movable_node_enabled = rnd(2);
		/*
		 * memblock_free_all() clears HOTPLUG first, which may merge
		 * regions and make whole a page split between two of them.
		 */
		{
			struct memblock_type saved = memblock.memory;
			struct memblock_region copy[INIT_MEMBLOCK_REGIONS];

			memcpy(copy, saved.regions, sizeof(copy));
			CHECK_INT(memblock_clear_hotplug(0, PHYS_ADDR_MAX), 0);
			for (unsigned long p = 0; p < RANDOM_PAGES; p++)
				want[p] = page_is_free(p);
			memcpy(saved.regions, copy, sizeof(copy));
			memblock.memory = saved;
		}
		for (unsigned long p = 0; p < RANDOM_PAGES; p++) {
			got[p] = false;
			expected += want[p];
		}

		released = free_all_count();
		CHECK_EQ(released, expected);
		for (size_t i = 0; i < test_freed_cnt; i++) {
			unsigned long pfn = test_freed[i].pfn;
			unsigned long n = 1UL << test_freed[i].order;

			CHECK(test_freed[i].order <= MAX_ORDER);
			CHECK_EQ(pfn & (n - 1), 0);
			CHECK(pfn >= last_end);	/* increasing, disjoint */
			last_end = pfn + n;
			for (unsigned long p = pfn; p < pfn + n && p < RANDOM_PAGES; p++)
				got[p] = true;
		}
		for (unsigned long p = 0; p < RANDOM_PAGES; p++)
			if (got[p] != want[p]) {
				tap_fail(__FILE__, __LINE__,
					 "round %d: page %#lx released %d, free %d",
					 round, p, got[p], want[p]);
				break;
			}
		if (tap_failures())
			return;
	}
}

static const struct test_case cases[] = {
	TEST_CASE(small_range_blocks),
	TEST_CASE(void_free_all_and_its_count),
	TEST_CASE(pfn_zero_is_aligned_to_anything),
	TEST_CASE(partial_pages_of_memory_not_released),
	TEST_CASE(partly_reserved_page_not_released),
	TEST_CASE(max_order_caps_blocks),
	TEST_CASE(nomap_and_driver_managed_not_released),
	TEST_CASE(hotplug_released_and_cleared),
	TEST_CASE(nodes_split_blocks),
	TEST_CASE(noinit_reservations_stay_reserved),
	TEST_CASE(empty_memblock_releases_nothing),
	TEST_CASE(top_of_address_space),
	TEST_CASE(free_late_releases_whole_pages),
	TEST_CASE(free_late_full_array_keeps_reservation),
	TEST_CASE(discard_static_arrays),
	TEST_CASE(discard_grown_arrays),
	TEST_CASE(discard_keeps_array_outside_usable_memory),
	TEST_CASE(random_maps_match_brute_force),
};

TAP_MAIN(cases)
