// SPDX-License-Identifier: BSD-2-Clause
/*
 * Flags and nodes: isolation splits at most the two regions crossing the
 * range ends; regions that become compatible merge again.
 */
#include "harness.h"

static void mark_hotplug_middle(void)
{
	CHECK_INT(memblock_add(0, SZ_16M), 0);
	CHECK_INT(memblock_mark_hotplug(SZ_2M, SZ_2M), 0);
	EXPECT_TYPE(&memblock.memory, R(0, SZ_2M),
		    RF(SZ_2M, SZ_2M, MEMBLOCK_HOTPLUG), R(2 * SZ_2M, SZ_16M - 2 * SZ_2M));
	CHECK(memblock_is_hotpluggable(&memblock.memory.regions[1]));
	CHECK(!memblock_is_hotpluggable(&memblock.memory.regions[0]));
}

static void clear_restores_and_merges(void)
{
	CHECK_INT(memblock_add(0, SZ_16M), 0);
	CHECK_INT(memblock_mark_hotplug(SZ_2M, SZ_2M), 0);
	CHECK_INT(memblock_clear_hotplug(SZ_2M, SZ_2M), 0);
	EXPECT_TYPE(&memblock.memory, R(0, SZ_16M));
}

static void mark_across_several_regions(void)
{
	CHECK_INT(memblock_add_node(0x0000, 0x4000, 0, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add_node(0x4000, 0x4000, 1, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add_node(0xa000, 0x2000, 1, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_mark_nomap(0x2000, 0x9000), 0);
	EXPECT_TYPE(&memblock.memory, RN(0x0000, 0x2000, 0),
		    RFN(0x2000, 0x2000, MEMBLOCK_NOMAP, 0),
		    RFN(0x4000, 0x4000, MEMBLOCK_NOMAP, 1),
		    RFN(0xa000, 0x1000, MEMBLOCK_NOMAP, 1),
		    RN(0xb000, 0x1000, 1));
}

static void mark_merges_with_neighbours(void)
{
	CHECK_INT(memblock_add(0, 0x3000), 0);
	mirrored_kernelcore = true;	/* else marking mirror does nothing */
	CHECK_INT(memblock_mark_mirror(0x0000, 0x1000), 0);
	CHECK_INT(memblock_mark_mirror(0x2000, 0x1000), 0);
	EXPECT_TYPE(&memblock.memory, RF(0, 0x1000, MEMBLOCK_MIRROR),
		    R(0x1000, 0x1000), RF(0x2000, 0x1000, MEMBLOCK_MIRROR));
	CHECK_INT(memblock_mark_mirror(0x1000, 0x1000), 0);
	EXPECT_TYPE(&memblock.memory, RF(0, 0x3000, MEMBLOCK_MIRROR));
	CHECK(memblock_is_mirror(&memblock.memory.regions[0]));
}

static void flags_accumulate(void)
{
	CHECK_INT(memblock_add(0, 0x4000), 0);
	CHECK_INT(memblock_mark_hotplug(0, 0x4000), 0);
	CHECK_INT(memblock_mark_nomap(0x1000, 0x1000), 0);
	EXPECT_TYPE(&memblock.memory, RF(0, 0x1000, MEMBLOCK_HOTPLUG),
		    RF(0x1000, 0x1000, MEMBLOCK_HOTPLUG | MEMBLOCK_NOMAP),
		    RF(0x2000, 0x2000, MEMBLOCK_HOTPLUG));
	CHECK_INT(memblock_clear_nomap(0, 0x4000), 0);
	EXPECT_TYPE(&memblock.memory, RF(0, 0x4000, MEMBLOCK_HOTPLUG));
	CHECK(memblock_is_nomap(&(struct memblock_region){ .flags = MEMBLOCK_NOMAP }));
	CHECK(memblock_is_driver_managed(&(struct memblock_region){ .flags = MEMBLOCK_DRIVER_MANAGED }));
}

static void mark_outside_memory_is_noop(void)
{
	CHECK_INT(memblock_add(SZ_1M, SZ_1M), 0);
	CHECK_INT(memblock_mark_hotplug(0, SZ_1M), 0);
	CHECK_INT(memblock_mark_hotplug(SZ_16M, SZ_1M), 0);
	CHECK_INT(memblock_mark_hotplug(SZ_16M, 0), 0);
	EXPECT_TYPE(&memblock.memory, R(SZ_1M, SZ_1M));
	CHECK_INT(memblock_mark_nomap(0, SZ_1M), 0);
	EXPECT_TYPE(&memblock.memory, R(SZ_1M, SZ_1M));
}

static void mark_clamps_at_top(void)
{
	phys_addr_t base = PHYS_ADDR_MAX - 0x3fff;

	CHECK_INT(memblock_add(base, 0x3fff), 0);
	CHECK_INT(memblock_mark_hotplug(base + 0x1000, PHYS_ADDR_MAX), 0);
	EXPECT_TYPE(&memblock.memory, R(base, 0x1000),
		    RF(base + 0x1000, 0x2fff, MEMBLOCK_HOTPLUG));
}

static void reserved_mark_noinit(void)
{
	CHECK_INT(memblock_reserve(0x1000, 0x3000), 0);
	CHECK_INT(memblock_reserved_mark_noinit(0x2000, 0x1000), 0);
	EXPECT_TYPE(&memblock.reserved, R(0x1000, 0x1000),
		    RF(0x2000, 0x1000, MEMBLOCK_RSRV_NOINIT), R(0x3000, 0x1000));
	CHECK(memblock_is_reserved_noinit(&memblock.reserved.regions[1]));
	/* Reservations with different flags sit side by side, unmerged. */
	CHECK_INT(memblock_reserve(0x2800, 0x2000), 0);
	EXPECT_TYPE(&memblock.reserved, R(0x1000, 0x1000),
		    RF(0x2000, 0x1000, MEMBLOCK_RSRV_NOINIT), R(0x3000, 0x1800));
}

static void set_node_splits_and_merges(void)
{
	CHECK_INT(memblock_add(0, SZ_4G - SZ_1G), 0);
	CHECK_INT(memblock_set_node(0, SZ_1G, &memblock.memory, 0), 0);
	CHECK_INT(memblock_set_node(SZ_1G, SZ_1G, &memblock.memory, 1), 0);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1G, 0), RN(SZ_1G, SZ_1G, 1),
		    R(2 * SZ_1G, SZ_1G));
	CHECK_INT(memblock_set_node(2 * SZ_1G, SZ_1G, &memblock.memory, 1), 0);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1G, 0), RN(SZ_1G, 2 * SZ_1G, 1));
	CHECK_INT(memblock_get_region_node(&memblock.memory.regions[1]), 1);
}

static void set_node_reset_to_none(void)
{
	CHECK_INT(memblock_add_node(0, SZ_2M, 3, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_set_node(0, SZ_1M, &memblock.memory, NUMA_NO_NODE), 0);
	/* Linux 6.12 stores NUMA_NO_NODE as given. */
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1M, NUMA_NO_NODE),
		    RN(SZ_1M, SZ_1M, 3));
	/* memblock_add() beside it stores MAX_NUMNODES: no merge. */
	CHECK_INT(memblock_add(SZ_2M, SZ_1M), 0);
	CHECK_INT(memblock_set_node(SZ_1M, SZ_1M, &memblock.memory, MAX_NUMNODES), 0);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1M, NUMA_NO_NODE),
		    R(SZ_1M, 2 * SZ_1M));
}

/*
 * An x86 NUMA boot tags every reservation NUMA_NO_NODE
 * (memblock_set_node(0, ULLONG_MAX, &memblock.reserved, NUMA_NO_NODE)); in
 * Linux 6.12 the next memblock_reserve() beside one stays a separate region.
 */
static void reserve_beside_numa_no_node_reservation(void)
{
	CHECK_INT(memblock_reserve(0x1000, 0x1000), 0);
	CHECK_INT(memblock_set_node(0, PHYS_ADDR_MAX, &memblock.reserved,
				    NUMA_NO_NODE), 0);
	CHECK_INT(memblock_reserve(0x2000, 0x1000), 0);
	EXPECT_TYPE(&memblock.reserved, RN(0x1000, 0x1000, NUMA_NO_NODE),
		    R(0x2000, 0x1000));
	CHECK_INT(memblock_get_region_node(&memblock.reserved.regions[0]),
		  NUMA_NO_NODE);
}

static void set_node_on_reserved(void)
{
	CHECK_INT(memblock_reserve(0, 0x2000), 0);
	CHECK_INT(memblock_set_node(0x1000, 0x1000, &memblock.reserved, 4), 0);
	EXPECT_TYPE(&memblock.reserved, R(0, 0x1000), RN(0x1000, 0x1000, 4));
}

static void set_node_bad_input(void)
{
	CHECK_INT(memblock_add(0, SZ_1M), 0);
	CHECK_INT(memblock_set_node(0, SZ_1M, &memblock.memory, MAX_NUMNODES + 1), -EINVAL);
	CHECK_INT(memblock_set_node(0, SZ_1M, &memblock.memory, -5), -EINVAL);
	CHECK_INT(memblock_set_node(0, SZ_1M, NULL, 0), -EINVAL);
	EXPECT_TYPE(&memblock.memory, R(0, SZ_1M));
}

static void region_node_accessors(void)
{
	struct memblock_region r = { 0 };

	memblock_set_region_node(&r, 7);
	CHECK_INT(memblock_get_region_node(&r), 7);
	CHECK_INT(r.nid, 7);
}

static void isolation_on_full_array(void)
{
	unsigned long i;

	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		CHECK_INT(memblock_add(i * 0x10000, 0x8000), 0);
	/* Two splits needed, none available: refused, nothing changed. */
	CHECK_INT(memblock_mark_hotplug(0x1000, 0x1000), -ENOMEM);
	CHECK_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	CHECK_EQ(memblock.memory.regions[0].flags, MEMBLOCK_NONE);
	/* Whole regions need no split. */
	CHECK_INT(memblock_mark_hotplug(0, 0x8000), 0);
	CHECK_EQ(memblock.memory.regions[0].flags, MEMBLOCK_HOTPLUG);
	CHECK_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
}

static const struct test_case cases[] = {
	TEST_CASE(mark_hotplug_middle),
	TEST_CASE(clear_restores_and_merges),
	TEST_CASE(mark_across_several_regions),
	TEST_CASE(mark_merges_with_neighbours),
	TEST_CASE(flags_accumulate),
	TEST_CASE(mark_outside_memory_is_noop),
	TEST_CASE(mark_clamps_at_top),
	TEST_CASE(reserved_mark_noinit),
	TEST_CASE(set_node_splits_and_merges),
	TEST_CASE(set_node_reset_to_none),
	TEST_CASE(reserve_beside_numa_no_node_reservation),
	TEST_CASE(set_node_on_reserved),
	TEST_CASE(set_node_bad_input),
	TEST_CASE(region_node_accessors),
	TEST_CASE(isolation_on_full_array),
};
TAP_MAIN(cases)
