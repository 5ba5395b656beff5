// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_add(), memblock_add_node(), memblock_reserve() and
 * memblock_physmem_add(): overlaps, merging, clamping, bad input.
 */
#include "harness.h"

static void initial_state(void)
{
	/* Linux 6.11+: the static initial state has cnt == 0. */
	CHECK_EQ(memblock.memory.cnt, 0);
	CHECK_EQ(memblock.reserved.cnt, 0);
	CHECK_EQ(memblock.memory.max, INIT_MEMBLOCK_REGIONS);
	CHECK_STR(memblock.memory.name, "memory");
	CHECK_EQ(memblock.reserved.max, INIT_MEMBLOCK_REGIONS);
	CHECK_STR(memblock.reserved.name, "reserved");
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	CHECK_EQ(memblock.physmem.max, INIT_PHYSMEM_REGIONS);
	CHECK_STR(memblock.physmem.name, "physmem");
	EXPECT_EMPTY(&memblock.physmem);
#endif
	CHECK(!memblock.bottom_up);
	CHECK_EQ(memblock.current_limit, MEMBLOCK_ALLOC_ANYWHERE);
	EXPECT_EMPTY(&memblock.memory);
	EXPECT_EMPTY(&memblock.reserved);
}

/* Linux 6.11+: the first region goes into regions[0], cnt 0 -> 1. */
static void add_first_fills_slot0(void)
{
	CHECK_INT(memblock_add(SZ_1M, SZ_16M), 0);
	EXPECT_TYPE(&memblock.memory, R(SZ_1M, SZ_16M));
	EXPECT_EMPTY(&memblock.reserved);
}

static void add_zero_size_is_noop(void)
{
	CHECK_INT(memblock_add(SZ_1M, 0), 0);
	EXPECT_EMPTY(&memblock.memory);
}

static void add_disjoint_sorted(void)
{
	CHECK_INT(memblock_add(SZ_256M, SZ_16M), 0);
	CHECK_INT(memblock_add(SZ_1M, SZ_1M), 0);
	CHECK_INT(memblock_add(SZ_16M, SZ_1M), 0);
	EXPECT_TYPE(&memblock.memory, R(SZ_1M, SZ_1M), R(SZ_16M, SZ_1M),
		    R(SZ_256M, SZ_16M));
}

static void add_adjacent_merges(void)
{
	CHECK_INT(memblock_add(SZ_2M, SZ_1M), 0);
	CHECK_INT(memblock_add(SZ_1M, SZ_1M), 0);	/* touches below */
	CHECK_INT(memblock_add(3 * SZ_1M, SZ_1M), 0);	/* touches above */
	EXPECT_TYPE(&memblock.memory, R(SZ_1M, 3 * SZ_1M));
}

static void add_fills_hole_and_merges_both(void)
{
	CHECK_INT(memblock_add(0x1000, 0x1000), 0);
	CHECK_INT(memblock_add(0x3000, 0x1000), 0);
	CHECK_INT(memblock_add(0x2000, 0x1000), 0);
	EXPECT_TYPE(&memblock.memory, R(0x1000, 0x3000));
}

static void add_inside_existing(void)
{
	CHECK_INT(memblock_add(SZ_1M, SZ_16M), 0);
	CHECK_INT(memblock_add(SZ_2M, SZ_1M), 0);
	EXPECT_TYPE(&memblock.memory, R(SZ_1M, SZ_16M));
}

static void add_covering_several(void)
{
	CHECK_INT(memblock_add(0x10000, 0x1000), 0);
	CHECK_INT(memblock_add(0x20000, 0x1000), 0);
	CHECK_INT(memblock_add(0x30000, 0x1000), 0);
	CHECK_INT(memblock_add(0x8000, 0x40000), 0);
	EXPECT_TYPE(&memblock.memory, R(0x8000, 0x40000));
}

static void add_overlap_keeps_existing_attributes(void)
{
	/* Only the uncovered parts take the new node; they do not merge. */
	CHECK_INT(memblock_add_node(0x10000, 0x10000, 1, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add_node(0x30000, 0x10000, 1, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add_node(0x8000, 0x40000, 0, MEMBLOCK_NONE), 0);
	EXPECT_TYPE(&memblock.memory,
		    RN(0x8000, 0x8000, 0), RN(0x10000, 0x10000, 1),
		    RN(0x20000, 0x10000, 0), RN(0x30000, 0x10000, 1),
		    RN(0x40000, 0x8000, 0));
}

static void add_node_different_nid_does_not_merge(void)
{
	CHECK_INT(memblock_add_node(0, SZ_1G, 0, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add_node(SZ_1G, SZ_1G, 1, MEMBLOCK_NONE), 0);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1G, 0), RN(SZ_1G, SZ_1G, 1));
}

static void add_node_flags_do_not_merge(void)
{
	CHECK_INT(memblock_add_node(0, SZ_1M, 0, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add_node(SZ_1M, SZ_1M, 0, MEMBLOCK_HOTPLUG), 0);
	CHECK_INT(memblock_add_node(SZ_2M, SZ_1M, 0, MEMBLOCK_HOTPLUG), 0);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1M, 0),
		    RFN(SZ_1M, SZ_2M, MEMBLOCK_HOTPLUG, 0));
}

/*
 * Linux 6.12 stores the node as given: NUMA_NO_NODE stays -1 and does not
 * merge with the MAX_NUMNODES that memblock_add() stores; MAX_NUMNODES
 * passed explicitly is memblock_add()'s value and merges with it.
 */
static void add_node_no_node_values(void)
{
	CHECK_INT(memblock_add_node(0, SZ_1M, NUMA_NO_NODE, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add_node(SZ_1M, SZ_1M, MAX_NUMNODES, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add(SZ_2M, SZ_1M), 0);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1M, NUMA_NO_NODE),
		    R(SZ_1M, 2 * SZ_1M));
	CHECK_INT(memblock_get_region_node(&memblock.memory.regions[0]),
		  NUMA_NO_NODE);
	/* Another NUMA_NO_NODE range touching it merges with it. */
	CHECK_INT(memblock_add_node(3 * SZ_1M, SZ_1M, NUMA_NO_NODE, MEMBLOCK_NONE), 0);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1M, NUMA_NO_NODE),
		    R(SZ_1M, 2 * SZ_1M), RN(3 * SZ_1M, SZ_1M, NUMA_NO_NODE));
}

static void add_node_bad_input(void)
{
	CHECK_INT(memblock_add_node(0, SZ_1M, MAX_NUMNODES + 1, MEMBLOCK_NONE), -EINVAL);
	CHECK_INT(memblock_add_node(0, SZ_1M, -2, MEMBLOCK_NONE), -EINVAL);
	CHECK_INT(memblock_add_node(0, SZ_1M, 0, (enum memblock_flags)0x100), -EINVAL);
	EXPECT_EMPTY(&memblock.memory);
}

static void add_clamps_at_top(void)
{
	phys_addr_t base = PHYS_ADDR_MAX - SZ_1M + 1;

	CHECK_INT(memblock_add(base, 2 * SZ_1M), 0);
	EXPECT_TYPE(&memblock.memory, R(base, SZ_1M - 1));
	/* Nothing at all fits at the very top address. */
	CHECK_INT(memblock_add(PHYS_ADDR_MAX, SZ_1M), 0);
	EXPECT_TYPE(&memblock.memory, R(base, SZ_1M - 1));
}

static void reserve_merges_regardless_of_origin(void)
{
	CHECK_INT(memblock_reserve(0x1000, 0x1000), 0);
	CHECK_INT(memblock_reserve(0x2000, 0x1000), 0);
	CHECK_INT(memblock_reserve(0x1800, 0x2000), 0);
	EXPECT_TYPE(&memblock.reserved, R(0x1000, 0x2800));
	EXPECT_EMPTY(&memblock.memory);
}

static void physmem_add_separate_type(void)
{
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	CHECK_INT(memblock_physmem_add(0, SZ_1G), 0);
	EXPECT_TYPE(&memblock.physmem, R(0, SZ_1G));
	EXPECT_EMPTY(&memblock.memory);
#endif
}

static const struct test_case cases[] = {
	TEST_CASE(initial_state),
	TEST_CASE(add_first_fills_slot0),
	TEST_CASE(add_zero_size_is_noop),
	TEST_CASE(add_disjoint_sorted),
	TEST_CASE(add_adjacent_merges),
	TEST_CASE(add_fills_hole_and_merges_both),
	TEST_CASE(add_inside_existing),
	TEST_CASE(add_covering_several),
	TEST_CASE(add_overlap_keeps_existing_attributes),
	TEST_CASE(add_node_different_nid_does_not_merge),
	TEST_CASE(add_node_flags_do_not_merge),
	TEST_CASE(add_node_no_node_values),
	TEST_CASE(add_node_bad_input),
	TEST_CASE(add_clamps_at_top),
	TEST_CASE(reserve_merges_regardless_of_origin),
	TEST_CASE(physmem_add_separate_type),
};
TAP_MAIN(cases)
