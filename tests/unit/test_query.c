// SPDX-License-Identifier: BSD-2-Clause
/* Queries: sizes, DRAM bounds, membership, overlaps, pfn lookups. */
#include "harness.h"

static void setup_map(void)
{
	/* [1M, 3M) node 0, [3M, 4M) node 1, hole, [8M, 16M) no node. */
	memblock_add_node(SZ_1M, SZ_2M, 0, MEMBLOCK_NONE);
	memblock_add_node(3 * SZ_1M, SZ_1M, 1, MEMBLOCK_NONE);
	memblock_add(8 * SZ_1M, 8 * SZ_1M);
	memblock_mark_nomap(12 * SZ_1M, SZ_1M);
	memblock_reserve(SZ_2M, 0x1000);
	memblock_reserve(9 * SZ_1M, SZ_1M);
}

static void sizes_and_bounds(void)
{
	CHECK_EQ(memblock_phys_mem_size(), 0);
	CHECK_EQ(memblock_reserved_size(), 0);
	CHECK_EQ(memblock_start_of_DRAM(), 0);
	CHECK_EQ(memblock_end_of_DRAM(), 0);
	setup_map();
	CHECK_EQ(memblock_phys_mem_size(), 11 * SZ_1M);
	CHECK_EQ(memblock_reserved_size(), SZ_1M + 0x1000);
	CHECK_EQ(memblock_start_of_DRAM(), SZ_1M);
	CHECK_EQ(memblock_end_of_DRAM(), 16 * SZ_1M);
}

static void is_memory(void)
{
	setup_map();
	CHECK(!memblock_is_memory(0));
	CHECK(!memblock_is_memory(SZ_1M - 1));
	CHECK(memblock_is_memory(SZ_1M));
	CHECK(memblock_is_memory(4 * SZ_1M - 1));
	CHECK(!memblock_is_memory(4 * SZ_1M));
	CHECK(memblock_is_memory(12 * SZ_1M));		/* NOMAP is memory */
	CHECK(!memblock_is_map_memory(12 * SZ_1M));	/* but not mapped */
	CHECK(memblock_is_map_memory(13 * SZ_1M));
	CHECK(!memblock_is_map_memory(5 * SZ_1M));
	CHECK(!memblock_is_memory(16 * SZ_1M));
	CHECK(!memblock_is_memory(PHYS_ADDR_MAX));
}

static void is_region_memory(void)
{
	setup_map();
	CHECK(memblock_is_region_memory(SZ_1M, SZ_2M));
	/* Spans the node boundary at 3M: still memory, no hole. */
	CHECK(memblock_is_region_memory(SZ_2M, SZ_2M));
	CHECK(!memblock_is_region_memory(SZ_2M, SZ_4K + 2 * SZ_1M));
	CHECK(!memblock_is_region_memory(0, SZ_2M));
	CHECK(memblock_is_region_memory(8 * SZ_1M, 8 * SZ_1M));
	CHECK(!memblock_is_region_memory(8 * SZ_1M, 8 * SZ_1M + 1));
	CHECK(!memblock_is_region_memory(SZ_1M, 0));
	CHECK(!memblock_is_region_memory(15 * SZ_1M, PHYS_ADDR_MAX));
}

static void reserved_queries(void)
{
	setup_map();
	CHECK(memblock_is_reserved(SZ_2M));
	CHECK(memblock_is_reserved(SZ_2M + 0xfff));
	CHECK(!memblock_is_reserved(SZ_2M + 0x1000));
	CHECK(memblock_is_region_reserved(0, SZ_2M + 1));
	CHECK(!memblock_is_region_reserved(0, SZ_2M));
	CHECK(memblock_is_region_reserved(10 * SZ_1M - 1, PHYS_ADDR_MAX));
	CHECK(!memblock_is_region_reserved(10 * SZ_1M, PHYS_ADDR_MAX));
	CHECK(!memblock_is_region_reserved(SZ_2M, 0));
}

static void overlaps_region(void)
{
	setup_map();
	CHECK(memblock_overlaps_region(&memblock.memory, 0, SZ_1M + 1));
	CHECK(!memblock_overlaps_region(&memblock.memory, 0, SZ_1M));
	CHECK(!memblock_overlaps_region(&memblock.memory, 4 * SZ_1M, 4 * SZ_1M));
	CHECK(memblock_overlaps_region(&memblock.memory, 4 * SZ_1M, 4 * SZ_1M + 1));
	CHECK(!memblock_overlaps_region(NULL, 0, SZ_1G));
	CHECK(!memblock_overlaps_region(&memblock.memory, SZ_1M, 0));
}

static void addrs_overlap(void)
{
	CHECK(memblock_addrs_overlap(0, 0x2000, 0x1000, 0x2000));
	CHECK(memblock_addrs_overlap(0x1000, 0x2000, 0, 0x2000));
	CHECK(!memblock_addrs_overlap(0, 0x1000, 0x1000, 0x1000));
	CHECK(!memblock_addrs_overlap(0x1000, 0x1000, 0, 0x1000));
	CHECK(memblock_addrs_overlap(0, PHYS_ADDR_MAX, PHYS_ADDR_MAX - 1, 1));
	CHECK(memblock_addrs_overlap(PHYS_ADDR_MAX - 1, PHYS_ADDR_MAX, PHYS_ADDR_MAX - 2, 2));
	CHECK(!memblock_addrs_overlap(0x1000, 0, 0, 0x4000));	/* empty */
}

static void search_pfn_nid(void)
{
	unsigned long s = 0xdead, e = 0xbeef;

	setup_map();
	CHECK_INT(memblock_search_pfn_nid(PFN_DOWN(SZ_2M), &s, &e), 0);
	CHECK_EQ(s, PFN_DOWN(SZ_1M));
	CHECK_EQ(e, PFN_DOWN(3 * SZ_1M));
	CHECK_INT(memblock_search_pfn_nid(PFN_DOWN(3 * SZ_1M), &s, &e), 1);
	CHECK_EQ(s, PFN_DOWN(3 * SZ_1M));
	CHECK_INT(memblock_search_pfn_nid(PFN_DOWN(8 * SZ_1M), NULL, NULL), MAX_NUMNODES);
	s = e = 7;
	CHECK_INT(memblock_search_pfn_nid(PFN_DOWN(5 * SZ_1M), &s, &e), -1);
	CHECK_EQ(s, 7);
	CHECK_EQ(e, 7);
	CHECK_INT(memblock_search_pfn_nid(~0UL, &s, &e), -1);
}

static void region_pfns(void)
{
	struct memblock_region r = { .base = 0x1800, .size = 0x2000 };

	CHECK_EQ(memblock_region_memory_base_pfn(&r), 2);
	CHECK_EQ(memblock_region_memory_end_pfn(&r), 3);
	CHECK_EQ(memblock_region_reserved_base_pfn(&r), 1);
	CHECK_EQ(memblock_region_reserved_end_pfn(&r), 4);
}

static void limits_and_direction(void)
{
	CHECK_EQ(memblock_get_current_limit(), MEMBLOCK_ALLOC_ANYWHERE);
	memblock_set_current_limit(SZ_1G);
	CHECK_EQ(memblock_get_current_limit(), SZ_1G);
	CHECK_EQ(memblock.current_limit, SZ_1G);
	CHECK(!memblock_bottom_up());
	memblock_set_bottom_up(true);
	CHECK(memblock_bottom_up());
	CHECK(memblock.bottom_up);
	CHECK(!movable_node_is_enabled());
	movable_node_enabled = true;
	CHECK(movable_node_is_enabled());
}

static const struct test_case cases[] = {
	TEST_CASE(sizes_and_bounds),
	TEST_CASE(is_memory),
	TEST_CASE(is_region_memory),
	TEST_CASE(reserved_queries),
	TEST_CASE(overlaps_region),
	TEST_CASE(addrs_overlap),
	TEST_CASE(search_pfn_nid),
	TEST_CASE(region_pfns),
	TEST_CASE(limits_and_direction),
};
TAP_MAIN(cases)
