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

/*
 * Linux 6.12: memblock_estimated_nr_free_pages() is
 * PHYS_PFN(memblock_phys_mem_size() - memblock_reserved_size()).
 */
static void estimated_nr_free_pages(void)
{
	CHECK_EQ(memblock_estimated_nr_free_pages(), 0);
	memblock_add(0, SZ_16M);
	CHECK_EQ(memblock_estimated_nr_free_pages(), SZ_16M / PAGE_SIZE);
	/* Rounded down: 1.5 pages reserved leave 4096 - 2 whole pages. */
	memblock_reserve(SZ_1M, PAGE_SIZE + PAGE_SIZE / 2);
	CHECK_EQ(memblock_estimated_nr_free_pages(),
		 SZ_16M / PAGE_SIZE - 2);
	/* A reservation outside memory still counts (it is an estimate). */
	memblock_reserve(SZ_1G, SZ_1M);
	CHECK_EQ(memblock_estimated_nr_free_pages(),
		 (SZ_16M - SZ_1M - PAGE_SIZE - PAGE_SIZE / 2) / PAGE_SIZE);
	/* More reserved than memory: 0, not a wrapped count. */
	memblock_reserve(2 * (phys_addr_t)SZ_1G, 32 * SZ_1M);
	CHECK_EQ(memblock_estimated_nr_free_pages(), 0);
}

/*
 * Linux 6.12: memblock_validate_numa_coverage() adds up the pages of memory
 * whose node is not valid (MAX_NUMNODES and NUMA_NO_NODE alike) and fails,
 * with "NUMA: no nodes coverage for %luMB of %luMB RAM", above the threshold.
 */
static void validate_numa_coverage(void)
{
	CHECK(memblock_validate_numa_coverage(0));
	memblock_add_node(0, SZ_16M, 0, MEMBLOCK_NONE);
	memblock_add_node(SZ_16M, SZ_16M, 1, MEMBLOCK_NONE);
	CHECK(memblock_validate_numa_coverage(0));
	memblock_add(64 * SZ_1M, SZ_2M);			/* MAX_NUMNODES */
	memblock_add_node(SZ_128M, SZ_1M, NUMA_NO_NODE, MEMBLOCK_NONE);
	test_log_clear();
	CHECK(memblock_validate_numa_coverage(3 * SZ_1M));
	CHECK_INT(test_log_lines, 0);
	CHECK(!memblock_validate_numa_coverage(3 * SZ_1M - 1));
	CHECK(test_log_find("NUMA: no nodes coverage for 3MB of 35MB RAM") >= 0);
	/* Only whole pages count, as for_each_mem_pfn_range() walks them. */
	memblock_add(SZ_256M + 1, PAGE_SIZE);
	CHECK(memblock_validate_numa_coverage(3 * SZ_1M));
	CHECK_INT(memblock_set_node(0, SZ_256M, &memblock.memory, 2), 0);
	CHECK(memblock_validate_numa_coverage(0));
}

/* Linux's pfn limits are plain globals the architecture sets. */
static void pfn_limit_globals(void)
{
	min_low_pfn = 1;
	max_low_pfn = 2;
	max_pfn = 3;
	max_possible_pfn = 4;
	CHECK_EQ(min_low_pfn + max_low_pfn + max_pfn, 6);
	CHECK_EQ(max_possible_pfn, 4);
	CHECK_INT(sizeof(max_possible_pfn), sizeof(unsigned long long));
	min_low_pfn = max_low_pfn = max_pfn = 0;
	max_possible_pfn = 0;
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
	TEST_CASE(estimated_nr_free_pages),
	TEST_CASE(validate_numa_coverage),
	TEST_CASE(pfn_limit_globals),
};
TAP_MAIN(cases)
