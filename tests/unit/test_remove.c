// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_remove(), memblock_phys_free() and memblock_free(): splits,
 * ranges covering several regions, a type becoming empty (Linux 6.11+:
 * cnt == 0, regions[0] zeroed).
 */
#include "harness.h"

/* The slot Linux 6.12's memblock_remove_region() leaves: node MAX_NUMNODES. */
static void expect_cleared_slot(const struct memblock_type *t)
{
	CHECK_EQ(t->cnt, 0);
	CHECK_EQ(t->total_size, 0);
	CHECK_EQ(t->regions[0].base, 0);
	CHECK_EQ(t->regions[0].size, 0);
	CHECK_EQ(t->regions[0].flags, 0);
	CHECK_INT(t->regions[0].nid, MAX_NUMNODES);
}

static void remove_last_region_empties(void)
{
	struct memblock_region *r;
	int visits = 0;

	CHECK_INT(memblock_add_node(SZ_1M, SZ_1M, 1, MEMBLOCK_HOTPLUG), 0);
	CHECK_INT(memblock_remove(SZ_1M, SZ_1M), 0);
	EXPECT_EMPTY(&memblock.memory);
	expect_cleared_slot(&memblock.memory);
	for_each_mem_region(r)
		visits++;
	CHECK_INT(visits, 0);
	CHECK_EQ(memblock_start_of_DRAM(), 0);
	CHECK_EQ(memblock_end_of_DRAM(), 0);
	/* Adding into the empty type fills regions[0]: cnt 1. */
	CHECK_INT(memblock_add(SZ_16M, SZ_1M), 0);
	EXPECT_TYPE(&memblock.memory, R(SZ_16M, SZ_1M));
}

static void free_last_reservation_empties(void)
{
	CHECK_INT(memblock_reserve(SZ_1M, SZ_1M), 0);
	CHECK_INT(memblock_phys_free(SZ_1M, SZ_1M), 0);
	EXPECT_EMPTY(&memblock.reserved);
	expect_cleared_slot(&memblock.reserved);
	CHECK_INT(memblock_reserve(SZ_2M, SZ_4K), 0);
	memblock_free(test_phys_to_virt(SZ_2M), SZ_4K);
	expect_cleared_slot(&memblock.reserved);
}

static void remove_middle_splits(void)
{
	CHECK_INT(memblock_add_node(SZ_1M, SZ_16M, 2, MEMBLOCK_HOTPLUG), 0);
	CHECK_INT(memblock_remove(SZ_2M, SZ_1M), 0);
	EXPECT_TYPE(&memblock.memory,
		    RFN(SZ_1M, SZ_1M, MEMBLOCK_HOTPLUG, 2),
		    RFN(3 * SZ_1M, 14 * SZ_1M, MEMBLOCK_HOTPLUG, 2));
}

static void remove_head_and_tail(void)
{
	CHECK_INT(memblock_add(0x10000, 0x10000), 0);
	CHECK_INT(memblock_remove(0x8000, 0x10000), 0);	/* overlaps the head */
	EXPECT_TYPE(&memblock.memory, R(0x18000, 0x8000));
	CHECK_INT(memblock_remove(0x1c000, 0x10000), 0);	/* overlaps the tail */
	EXPECT_TYPE(&memblock.memory, R(0x18000, 0x4000));
}

static void remove_spanning_several(void)
{
	CHECK_INT(memblock_add(0x1000, 0x1000), 0);
	CHECK_INT(memblock_add(0x3000, 0x1000), 0);
	CHECK_INT(memblock_add(0x5000, 0x1000), 0);
	CHECK_INT(memblock_add(0x7000, 0x1000), 0);
	CHECK_INT(memblock_remove(0x1800, 0x4000), 0);
	EXPECT_TYPE(&memblock.memory, R(0x1000, 0x800), R(0x5800, 0x800),
		    R(0x7000, 0x1000));
}

static void remove_all_of_several(void)
{
	CHECK_INT(memblock_add(0x1000, 0x1000), 0);
	CHECK_INT(memblock_add(0x3000, 0x1000), 0);
	CHECK_INT(memblock_remove(0, 0x10000), 0);
	EXPECT_EMPTY(&memblock.memory);
	expect_cleared_slot(&memblock.memory);
}

static void remove_hole_is_noop(void)
{
	CHECK_INT(memblock_add(0x1000, 0x1000), 0);
	CHECK_INT(memblock_add(0x4000, 0x1000), 0);
	CHECK_INT(memblock_remove(0x2000, 0x2000), 0);
	CHECK_INT(memblock_remove(0x9000, 0x1000), 0);
	CHECK_INT(memblock_remove(0x1000, 0), 0);
	EXPECT_TYPE(&memblock.memory, R(0x1000, 0x1000), R(0x4000, 0x1000));
}

static void remove_on_empty(void)
{
	CHECK_INT(memblock_remove(0, SZ_1G), 0);
	EXPECT_EMPTY(&memblock.memory);
}

static void remove_does_not_touch_reserved(void)
{
	CHECK_INT(memblock_add(0, SZ_16M), 0);
	CHECK_INT(memblock_reserve(SZ_1M, SZ_1M), 0);
	CHECK_INT(memblock_remove(0, SZ_16M), 0);
	EXPECT_EMPTY(&memblock.memory);
	EXPECT_TYPE(&memblock.reserved, R(SZ_1M, SZ_1M));
}

static void remove_clamps_at_top(void)
{
	phys_addr_t top = PHYS_ADDR_MAX - 0xfff;

	CHECK_INT(memblock_add(top - 0x1000, 0x1000 + 0xfff), 0);
	EXPECT_TYPE(&memblock.memory, R(top - 0x1000, 0x1fff));
	CHECK_INT(memblock_remove(top, PHYS_ADDR_MAX), 0);
	EXPECT_TYPE(&memblock.memory, R(top - 0x1000, 0x1000));
}

static void phys_free_splits_reservation(void)
{
	CHECK_INT(memblock_reserve(0x10000, 0x10000), 0);
	CHECK_INT(memblock_phys_free(0x14000, 0x1000), 0);
	EXPECT_TYPE(&memblock.reserved, R(0x10000, 0x4000), R(0x15000, 0xb000));
	CHECK_INT(memblock_phys_free(0x10000, 0x4000), 0);
	CHECK_INT(memblock_phys_free(0x15000, 0xb000), 0);
	EXPECT_EMPTY(&memblock.reserved);
}

static void free_by_virtual_address(void)
{
	void *va = test_phys_to_virt(0x20000);

	CHECK_INT(memblock_reserve(0x20000, 0x3000), 0);
	memblock_free(va, 0x1000);
	EXPECT_TYPE(&memblock.reserved, R(0x21000, 0x2000));
	memblock_free(NULL, 0x1000);	/* no-op */
	EXPECT_TYPE(&memblock.reserved, R(0x21000, 0x2000));
}

static void split_of_full_array_fails_cleanly(void)
{
	struct memblock_region before[INIT_MEMBLOCK_REGIONS];
	unsigned long i;

	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		CHECK_INT(memblock_add(i * 0x10000, 0x8000), 0);
	CHECK_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	memcpy(before, memblock.memory.regions, sizeof(before));
	/* Cutting a hole needs a slot: refused, array unchanged. */
	CHECK_INT(memblock_remove(0x2000, 0x1000), -ENOMEM);
	CHECK(!memcmp(before, memblock.memory.regions, sizeof(before)));
	CHECK_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	CHECK(test_log_find("memory array is full") >= 0);
	/* Cutting a head or a whole region needs none. */
	CHECK_INT(memblock_remove(0, 0x1000), 0);
	CHECK_INT(memblock_remove(0x10000, 0x8000), 0);
	CHECK_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS - 1);
	CHECK_EQ(memblock.memory.regions[0].base, 0x1000);
}

static const struct test_case cases[] = {
	TEST_CASE(remove_last_region_empties),
	TEST_CASE(free_last_reservation_empties),
	TEST_CASE(remove_middle_splits),
	TEST_CASE(remove_head_and_tail),
	TEST_CASE(remove_spanning_several),
	TEST_CASE(remove_all_of_several),
	TEST_CASE(remove_hole_is_noop),
	TEST_CASE(remove_on_empty),
	TEST_CASE(remove_does_not_touch_reserved),
	TEST_CASE(remove_clamps_at_top),
	TEST_CASE(phys_free_splits_reservation),
	TEST_CASE(free_by_virtual_address),
	TEST_CASE(split_of_full_array_fails_cleanly),
};
TAP_MAIN(cases)
