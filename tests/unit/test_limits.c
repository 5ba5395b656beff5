// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_trim_memory(), memblock_enforce_memory_limit(),
 * memblock_cap_memory_range() and memblock_mem_limit_remove_map().
 */
#include "harness.h"

static void trim_rounds_and_drops(void)
{
	memblock_add(0x0800, 0x1000);		/* no whole page: dropped */
	memblock_add(0x10800, 0x3000);		/* -> [0x11000, 0x13000) */
	memblock_add_node(0x20000, 0x2000, 1, MEMBLOCK_NONE);	/* aligned: kept */
	memblock_trim_memory(SZ_4K);
	EXPECT_TYPE(&memblock.memory, R(0x11000, 0x2000), RN(0x20000, 0x2000, 1));
}

static void trim_everything_empties(void)
{
	memblock_add(0x800, 0x400);
	memblock_trim_memory(SZ_4K);
	EXPECT_EMPTY(&memblock.memory);
}

static void trim_bad_align_is_ignored(void)
{
	memblock_add(0x800, 0x4000);
	memblock_trim_memory(0x3000);
	memblock_trim_memory(0);
	EXPECT_TYPE(&memblock.memory, R(0x800, 0x4000));
	CHECK(test_log_find("not a power of 2") >= 0);
}

static void trim_at_top(void)
{
	phys_addr_t base = PHYS_ADDR_MAX - 0x2fff;

	memblock_add(base, 0x3000);	/* clamped: ends at PHYS_ADDR_MAX */
	memblock_trim_memory(SZ_4K);
	EXPECT_TYPE(&memblock.memory, R(base, 0x2000));
	memblock_add(PHYS_ADDR_MAX - 0x800, 0x400);
	memblock_trim_memory(SZ_4K);
	EXPECT_TYPE(&memblock.memory, R(base, 0x2000));
}

static void enforce_limit(void)
{
	memblock_add(0x100000, 0x100000);		/* 1 MiB */
	memblock_add_node(0x400000, 0x400000, 0, MEMBLOCK_NOMAP);	/* 4 MiB, counts */
	memblock_add(0x1000000, 0x1000000);
	memblock_reserve(0x500000, 0x2000000);
	memblock_enforce_memory_limit(0x300000);	/* 3 MiB */
	EXPECT_TYPE(&memblock.memory, R(0x100000, 0x100000),
		    RFN(0x400000, 0x200000, MEMBLOCK_NOMAP, 0));
	EXPECT_TYPE(&memblock.reserved, R(0x500000, 0x100000));
}

static void enforce_limit_noops(void)
{
	memblock_add(0x100000, 0x100000);
	memblock_enforce_memory_limit(0);
	memblock_enforce_memory_limit(0x100000);	/* exactly all of it */
	memblock_enforce_memory_limit(SZ_1G);
	EXPECT_TYPE(&memblock.memory, R(0x100000, 0x100000));
}

static void cap_memory_range(void)
{
	memblock_add(0, 0x10000);
	memblock_add_node(0x20000, 0x10000, 0, MEMBLOCK_NONE);
	memblock_mark_nomap(0x0, 0x2000);
	memblock_reserve(0x1000, 0x20000);
	memblock_cap_memory_range(0x8000, 0x20000);
	/* NOMAP outside stays; memory outside goes; reservations are cut. */
	EXPECT_TYPE(&memblock.memory, RF(0, 0x2000, MEMBLOCK_NOMAP),
		    R(0x8000, 0x8000), RN(0x20000, 0x8000, 0));
	EXPECT_TYPE(&memblock.reserved, R(0x8000, 0x19000));
}

static void cap_keeps_nomap_halves_merged(void)
{
	memblock_add(0, 0x10000);
	memblock_mark_nomap(0x2000, 0x4000);
	memblock_cap_memory_range(0x4000, 0x8000);
	EXPECT_TYPE(&memblock.memory, RF(0x2000, 0x4000, MEMBLOCK_NOMAP),
		    R(0x6000, 0x6000));
}

static void cap_without_memory_warns(void)
{
	memblock_reserve(0, 0x1000);
	memblock_cap_memory_range(0x8000, 0x1000);
	CHECK(test_log_find("No memory registered yet") >= 0);
	EXPECT_TYPE(&memblock.reserved, R(0, 0x1000));
	memblock_cap_memory_range(0x8000, 0);
	EXPECT_TYPE(&memblock.reserved, R(0, 0x1000));
}

static void mem_limit_remove_map(void)
{
	memblock_add(0x100000, 0x100000);
	memblock_add(0x400000, 0x100000);
	memblock_mark_nomap(0x480000, 0x80000);
	memblock_reserve(0x400000, 0x100000);
	memblock_mem_limit_remove_map(0x180000);
	EXPECT_TYPE(&memblock.memory, R(0x100000, 0x100000), R(0x400000, 0x80000),
		    RF(0x480000, 0x80000, MEMBLOCK_NOMAP));
	EXPECT_TYPE(&memblock.reserved, R(0x400000, 0x80000));
	memblock_mem_limit_remove_map(0);
	memblock_mem_limit_remove_map(SZ_1G);
	EXPECT_TYPE(&memblock.memory, R(0x100000, 0x100000), R(0x400000, 0x80000),
		    RF(0x480000, 0x80000, MEMBLOCK_NOMAP));
}

/* Bytes of a grown array of @max regions: whole pages. */
static phys_addr_t array_bytes(unsigned long max)
{
	return (max * sizeof(struct memblock_region) + SZ_4K - 1) & ~(SZ_4K - 1);
}

/*
 * [0, 1G) with "reserved" grown to the top: 129 one-page claims at 1M
 * intervals from 16M, the array at 1G - bytes.
 */
static void grown_at_top(void)
{
	memblock_add(0, SZ_1G);
	memblock_allow_resize();
	for (unsigned long i = 0; i <= INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		CHECK_INT(memblock_reserve(SZ_16M + i * SZ_1M, SZ_4K), 0);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions),
		 SZ_1G - array_bytes(2 * INIT_MEMBLOCK_RESERVED_REGIONS));
}

/* The live array moved to the top of what stays below @top, still reserved. */
static void expect_array_below(phys_addr_t top)
{
	unsigned long n = INIT_MEMBLOCK_RESERVED_REGIONS;
	phys_addr_t bytes = array_bytes(2 * n);

	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), top - bytes);
	CHECK_EQ(memblock.reserved.cnt, n + 2);
	CHECK_EQ(memblock.reserved.regions[n + 1].base, top - bytes);
	CHECK_EQ(memblock.reserved.regions[n + 1].size, bytes);
	CHECK_EQ(memblock.reserved.total_size, (n + 1) * SZ_4K + bytes);
}

static void enforce_moves_live_array_below_limit(void)
{
	grown_at_top();
	memblock_enforce_memory_limit(SZ_512M);
	EXPECT_TYPE(&memblock.memory, R(0, SZ_512M));
	expect_array_below(SZ_512M);
}

static void cap_moves_live_array_into_range(void)
{
	grown_at_top();
	memblock_cap_memory_range(SZ_1M, SZ_256M);
	EXPECT_TYPE(&memblock.memory, R(SZ_1M, SZ_256M));
	expect_array_below(SZ_256M + SZ_1M);
}

static void remove_map_moves_live_array_below_limit(void)
{
	grown_at_top();
	memblock_mem_limit_remove_map(SZ_512M);
	EXPECT_TYPE(&memblock.memory, R(0, SZ_512M));
	expect_array_below(SZ_512M);
}

static void cap_fails_whole_without_room(void)
{
	struct memblock before;

	grown_at_top();
	/* The kept range is all reserved: the array has nowhere to go. */
	CHECK_INT(memblock_reserve(SZ_512M, SZ_1M), 0);
	before = memblock;
	test_log_clear();
	memblock_cap_memory_range(SZ_512M, SZ_1M);
	CHECK(test_log_find("cannot isolate") >= 0);
	CHECK(!memcmp(&before, &memblock, sizeof(memblock)));
}

static void enforce_and_trim_fail_whole_without_room(void)
{
	struct memblock before;

	grown_at_top();
	/* Everything below 512M taken: the array cannot go below the limit. */
	CHECK_INT(memblock_reserve(0, SZ_512M), 0);
	before = memblock;
	test_log_clear();
	memblock_enforce_memory_limit(SZ_512M);
	CHECK(test_log_find("no free memory to move the memblock reserved array") >= 0);
	CHECK(!memcmp(&before, &memblock, sizeof(memblock)));

	/* Memory ends unaligned just above the array: trim must move it. */
	test_reset();
	memblock_add(0, SZ_1G + 0x3000);
	memblock_allow_resize();
	for (unsigned long i = 0; i <= INIT_MEMBLOCK_RESERVED_REGIONS; i++)
		CHECK_INT(memblock_reserve(0x80000000ULL + i * SZ_1M, SZ_4K), 0);
	CHECK_INT(memblock_reserve(0, SZ_1G), 0);
	before = memblock;
	memblock_trim_memory(SZ_2M);
	CHECK(!memcmp(&before, &memblock, sizeof(memblock)));
	EXPECT_TYPE(&memblock.memory, R(0, SZ_1G + 0x3000));
}

static const struct test_case cases[] = {
	TEST_CASE(trim_rounds_and_drops),
	TEST_CASE(trim_everything_empties),
	TEST_CASE(trim_bad_align_is_ignored),
	TEST_CASE(trim_at_top),
	TEST_CASE(enforce_limit),
	TEST_CASE(enforce_limit_noops),
	TEST_CASE(cap_memory_range),
	TEST_CASE(cap_keeps_nomap_halves_merged),
	TEST_CASE(cap_without_memory_warns),
	TEST_CASE(mem_limit_remove_map),
	TEST_CASE(enforce_moves_live_array_below_limit),
	TEST_CASE(cap_moves_live_array_into_range),
	TEST_CASE(remove_map_moves_live_array_below_limit),
	TEST_CASE(cap_fails_whole_without_room),
	TEST_CASE(enforce_and_trim_fail_whole_without_room),
};
TAP_MAIN(cases)
