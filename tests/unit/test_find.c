// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_find_in_range_node() and memblock_find_in_range(): exact
 * addresses top-down and bottom-up, holes, alignment, limits, skip rules.
 */
#include "harness.h"

#define ANY	NUMA_NO_NODE
#define NONE	MEMBLOCK_NONE

static phys_addr_t find(phys_addr_t size, phys_addr_t align, phys_addr_t start,
			phys_addr_t end)
{
	return memblock_find_in_range_node(size, align, start, end, ANY, NONE);
}

/* Map A: one node, [1M, 64M). */
static void map_a(void)
{
	memblock_add(SZ_1M, 64 * SZ_1M - SZ_1M);
}

static void top_down_and_bottom_up(void)
{
	map_a();
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x3fff000);
	memblock_set_bottom_up(true);
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x100000);
	/* Nothing is reserved by a search. */
	EXPECT_EMPTY(&memblock.reserved);
}

/*
 * Linux 5.11+ (so 6.12): bottom-up starts at max(start, PAGE_SIZE), not at
 * the end of the kernel image.
 */
static void bottom_up_ignores_kernel_end(void)
{
	map_a();
	memblock_set_bottom_up(true);
	test_kernel_end = 0x200123;
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x100000);
	/* An explicit start is where it begins. */
	CHECK_EQ(find(SZ_4K, SZ_4K, SZ_16M, MEMBLOCK_ALLOC_ANYWHERE), SZ_16M);
}

/*
 * Linux 5.11+: bottom-up searches the whole range, lowest first; with the
 * kernel near the top it still finds the lowest fit, and a range below
 * the kernel is searched bottom-up as well.
 */
static void bottom_up_below_the_kernel(void)
{
	map_a();
	memblock_set_bottom_up(true);
	test_kernel_end = 63 * SZ_1M;
	CHECK_EQ(find(SZ_2M, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x100000);
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, 32 * SZ_1M), 0x100000);
	/* Nothing fits: 0, with no top-down retry to find anything else. */
	CHECK_EQ(find(SZ_1G, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0);
}

static void first_page_never_returned(void)
{
	memblock_add(0, SZ_1M);
	memblock_set_bottom_up(true);
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x1000);
	CHECK_EQ(find(SZ_1M, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0);
	memblock_set_bottom_up(false);
	CHECK_EQ(find(SZ_1M - SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x1000);
}

static void holes_between_reservations(void)
{
	memblock_add(SZ_1M, SZ_1M);
	memblock_reserve(0x1fe000, 0x2000);
	memblock_reserve(0x1f0000, 0x8000);
	/* Gaps: [0x100000, 0x1f0000) and [0x1f8000, 0x1fe000). */
	CHECK_EQ(find(0x6000, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x1f8000);
	CHECK_EQ(find(0x6001, 1, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x1e9fff);
	CHECK_EQ(find(0x6001, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x1e9000);
	/* The largest gap exactly, and one byte more. */
	CHECK_EQ(find(0xf0000, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x100000);
	CHECK_EQ(find(0xf0001, 1, 0, MEMBLOCK_ALLOC_ANYWHERE), 0);
	memblock_set_bottom_up(true);
	CHECK_EQ(find(0x6000, SZ_4K, 0x1f0000, MEMBLOCK_ALLOC_ANYWHERE), 0x1f8000);
	CHECK_EQ(find(0x6000, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x100000);
	CHECK_EQ(find(0xf0001, 1, 0, MEMBLOCK_ALLOC_ANYWHERE), 0);
}

static void many_holes(void)
{
	/* 1,000 reservations; only the lowest gap is large. */
	memblock_add(0, SZ_256M);
	memblock_allow_resize();
	for (int i = 0; i < 1000; i++)
		memblock_reserve(SZ_16M + (phys_addr_t)i * 0x20000, 0x1f000);
	memblock_reserve(SZ_16M + 1000 * 0x20000ULL, SZ_256M - SZ_16M - 1000 * 0x20000ULL);
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE),
		 SZ_16M + 999 * 0x20000ULL + 0x1f000);
	/*
	 * The last reservation covered the live reserved array, which moved
	 * to the top of the lowest gap, below 16M (issue 12: a caller's
	 * claim never shares bytes with an array).
	 */
	CHECK(test_virt_to_phys(memblock.reserved.regions) < SZ_16M);
	CHECK_EQ(find(SZ_2M, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE),
		 test_virt_to_phys(memblock.reserved.regions) - SZ_2M);
	memblock_set_bottom_up(true);
	CHECK_EQ(find(SZ_2M, SZ_4K, SZ_16M, MEMBLOCK_ALLOC_ANYWHERE), 0);
	CHECK_EQ(find(SZ_4K, SZ_4K, SZ_16M, MEMBLOCK_ALLOC_ANYWHERE), SZ_16M + 0x1f000);
}

static void alignment_extremes(void)
{
	memblock_add(SZ_1M, SZ_1M);
	CHECK_EQ(find(100, 1, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x200000 - 100);
	CHECK_EQ(find(100, 2, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x1fff9c);
	CHECK_EQ(find(100, SZ_1M, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x100000);
	CHECK_EQ(find(100, SZ_2M, 0, MEMBLOCK_ALLOC_ANYWHERE), 0);
	if (PHYS_64) {
		memblock_add(0, (phys_addr_t)SZ_4G * 2);
		CHECK_EQ(find(SZ_4K, SZ_1G, 0, MEMBLOCK_ALLOC_ANYWHERE), 7 * SZ_1G);
		memblock_set_bottom_up(true);
		CHECK_EQ(find(SZ_4K, SZ_1G, 0, MEMBLOCK_ALLOC_ANYWHERE), SZ_1G);
	} else {
		memblock_add(0, 2 * SZ_1G);
		CHECK_EQ(find(SZ_4K, SZ_256M, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x70000000);
	}
}

static void alignment_bad_values(void)
{
	memblock_add(SZ_1M, SZ_1M);
	CHECK_EQ(find(100, 0x3000, 0, MEMBLOCK_ALLOC_ANYWHERE), 0);
	CHECK_EQ(find(0, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0);
	/* 0 means SMP_CACHE_BYTES, with a warning. */
	CHECK_EQ(find(100, 0, 0, MEMBLOCK_ALLOC_ANYWHERE),
		 (0x200000 - 100) & ~(phys_addr_t)(SMP_CACHE_BYTES - 1));
	CHECK(test_log_find("align is 0") >= 0);
	/* An alignment larger than the address space finds nothing. */
	CHECK_EQ(find(100, (phys_addr_t)1 << (8 * sizeof(phys_addr_t) - 1), 0,
		      MEMBLOCK_ALLOC_ANYWHERE), 0);
}

static void range_limits(void)
{
	map_a();
	CHECK_EQ(find(SZ_4K, SZ_4K, SZ_16M, 32 * SZ_1M), 32 * SZ_1M - SZ_4K);
	CHECK_EQ(find(SZ_16M, SZ_4K, SZ_16M, 32 * SZ_1M), SZ_16M);
	CHECK_EQ(find(SZ_16M + 1, 1, SZ_16M, 32 * SZ_1M), 0);
	CHECK_EQ(find(SZ_4K, SZ_4K, 32 * SZ_1M, SZ_16M), 0);	/* start > end */
	CHECK_EQ(find(SZ_4K, SZ_4K, 100 * SZ_1M, MEMBLOCK_ALLOC_ANYWHERE), 0);
	memblock_set_bottom_up(true);
	CHECK_EQ(find(SZ_4K, SZ_4K, SZ_16M, 32 * SZ_1M), SZ_16M);
}

static void current_limit(void)
{
	map_a();
	memblock_set_current_limit(SZ_16M);
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ACCESSIBLE), SZ_16M - SZ_4K);
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_NOLEAKTRACE), SZ_16M - SZ_4K);
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 0x3fff000);
}

/* Map N: node 0 [1M, 32M), node 1 [32M, 64M) side by side, node 2 [128M, 160M). */
static void map_n(void)
{
	memblock_add_node(SZ_1M, 31 * SZ_1M, 0, MEMBLOCK_NONE);
	memblock_add_node(32 * SZ_1M, 32 * SZ_1M, 1, MEMBLOCK_NONE);
	memblock_add_node(128 * SZ_1M, 32 * SZ_1M, 2, MEMBLOCK_NONE);
}

static void nodes(void)
{
	map_n();
	CHECK_EQ(memblock_find_in_range_node(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 0, NONE),
		 32 * SZ_1M - SZ_4K);
	CHECK_EQ(memblock_find_in_range_node(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 1, NONE),
		 64 * SZ_1M - SZ_4K);
	CHECK_EQ(memblock_find_in_range_node(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 2, NONE),
		 160 * SZ_1M - SZ_4K);
	CHECK_EQ(memblock_find_in_range_node(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 3, NONE), 0);
	/* A block may not straddle two nodes even when they touch. */
	CHECK_EQ(memblock_find_in_range_node(SZ_2M, SZ_4K, 31 * SZ_1M, 33 * SZ_1M, ANY, NONE),
		 0);
	memblock_set_bottom_up(true);
	CHECK_EQ(memblock_find_in_range_node(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 1, NONE),
		 32 * SZ_1M);
}

static void skip_rules(void)
{
	map_a();
	memblock_mark_nomap(60 * SZ_1M, 4 * SZ_1M);
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 60 * SZ_1M - SZ_4K);
	CHECK_EQ(memblock_find_in_range_node(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY,
					     MEMBLOCK_NOMAP), 64 * SZ_1M - SZ_4K);
	memblock_add_node(64 * SZ_1M, 4 * SZ_1M, MAX_NUMNODES, MEMBLOCK_DRIVER_MANAGED);
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 60 * SZ_1M - SZ_4K);
	CHECK_EQ(memblock_find_in_range_node(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY,
					     MEMBLOCK_DRIVER_MANAGED), 68 * SZ_1M - SZ_4K);
	memblock_mark_hotplug(32 * SZ_1M, 28 * SZ_1M);
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 60 * SZ_1M - SZ_4K);
	movable_node_enabled = true;
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), 32 * SZ_1M - SZ_4K);
	CHECK_EQ(memblock_find_in_range_node(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY,
					     MEMBLOCK_HOTPLUG), 60 * SZ_1M - SZ_4K);
	mirrored_kernelcore = true;
	memblock_mark_mirror(8 * SZ_1M, 8 * SZ_1M);
	CHECK_EQ(memblock_find_in_range_node(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY,
					     MEMBLOCK_MIRROR), SZ_16M - SZ_4K);
}

static void find_in_range_prefers_mirror(void)
{
	map_a();
	CHECK_EQ(memblock_find_in_range(0, MEMBLOCK_ALLOC_ANYWHERE, SZ_4K, SZ_4K), 0x3fff000);
	/* Without kernelcore=mirror nothing is marked: no preference. */
	memblock_mark_mirror(8 * SZ_1M, 8 * SZ_1M);
	CHECK_EQ(memblock_find_in_range(0, MEMBLOCK_ALLOC_ANYWHERE, SZ_4K, SZ_4K), 0x3fff000);
	mirrored_kernelcore = true;
	memblock_mark_mirror(8 * SZ_1M, 8 * SZ_1M);
	CHECK_EQ(memblock_find_in_range(0, MEMBLOCK_ALLOC_ANYWHERE, SZ_4K, SZ_4K), SZ_16M - SZ_4K);
	CHECK(test_log_find("mirrored") < 0);
	CHECK_EQ(memblock_find_in_range(0, MEMBLOCK_ALLOC_ANYWHERE, SZ_16M, SZ_4K),
		 64 * SZ_1M - SZ_16M);
	CHECK(test_log_find("Could not allocate") >= 0);
}

static void at_top_of_address_space(void)
{
	phys_addr_t top = PHYS_ADDR_MAX - SZ_1M + 1;

	memblock_add(top, SZ_1M);	/* clamped: its last byte is lost */
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), PHYS_ADDR_MAX - 2 * SZ_4K + 1);
	CHECK_EQ(find(1, 1, 0, MEMBLOCK_ALLOC_ANYWHERE), PHYS_ADDR_MAX - 1);
	memblock_set_bottom_up(true);
	CHECK_EQ(find(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE), top);
	CHECK_EQ(find(SZ_4K, SZ_2M, 0, MEMBLOCK_ALLOC_ANYWHERE), 0);
}

static const struct test_case cases[] = {
	TEST_CASE(top_down_and_bottom_up),
	TEST_CASE(bottom_up_ignores_kernel_end),
	TEST_CASE(bottom_up_below_the_kernel),
	TEST_CASE(first_page_never_returned),
	TEST_CASE(holes_between_reservations),
	TEST_CASE(many_holes),
	TEST_CASE(alignment_extremes),
	TEST_CASE(alignment_bad_values),
	TEST_CASE(range_limits),
	TEST_CASE(current_limit),
	TEST_CASE(nodes),
	TEST_CASE(skip_rules),
	TEST_CASE(find_in_range_prefers_mirror),
	TEST_CASE(at_top_of_address_space),
};
TAP_MAIN(cases)
