// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_discard() with CONFIG_ARCH_KEEP_MEMBLOCK == 1. The library is
 * built with the default (0), so this suite compiles its own copy of
 * src/free_all.c with the knob set and the public names renamed, and
 * compares it with the library's.
 */
#define CONFIG_ARCH_KEEP_MEMBLOCK	1
#define memblock_free_all	keep_memblock_free_all
#define memblock_free_all_released	keep_memblock_free_all_released
#define memblock_free_late	keep_memblock_free_late
#define memblock_discard	keep_memblock_discard
#include "../../src/free_all.c"
#undef memblock_free_all
#undef memblock_free_all_released
#undef memblock_free_late
#undef memblock_discard

/* The library's own names, hidden by the renamed copy's include guard. */
void memblock_free_all(void);
unsigned long memblock_free_all_released(void);
void memblock_discard(void);

#include "harness.h"

/* Memory and reserved both grown into memblock memory. */
static void grow_both(void)
{
	memblock_add(0, SZ_16M);
	memblock_allow_resize();
	for (int i = 0; i < INIT_MEMBLOCK_REGIONS + 4; i++)
		memblock_add(SZ_256M + 0x2000 * i, 0x1000);
	for (int i = 0; i < INIT_MEMBLOCK_RESERVED_REGIONS + 4; i++)
		memblock_reserve(SZ_1M + 0x2000 * i, 0x1000);
}

static void kept_memblock_is_untouched(void)
{
	struct memblock before;

	grow_both();
	CHECK(memblock.memory.max > INIT_MEMBLOCK_REGIONS);
	CHECK(memblock.reserved.max > INIT_MEMBLOCK_RESERVED_REGIONS);
	keep_memblock_free_all();
	CHECK(keep_memblock_free_all_released() > 0);
	before = memblock;
	test_freed_cnt = 0;
	keep_memblock_discard();
	CHECK_EQ(test_freed_cnt, 0);
	/* Kept: the stage stays at the hand-off, and a second call is the same. */
	CHECK_INT(memblock_stage, MEMBLOCK_STAGE_FREED);
	keep_memblock_discard();
	CHECK_EQ(test_freed_cnt, 0);
	CHECK_INT(memblock_stage, MEMBLOCK_STAGE_FREED);
	/* Still memblock after the hand-off: no allocations, no reserving. */
	CHECK_EQ(memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	CHECK_INT(memblock_reserve(SZ_1M, SZ_4K), -EPERM);
	CHECK(memblock.memory.regions == before.memory.regions);
	CHECK(memblock.reserved.regions == before.reserved.regions);
	CHECK_EQ(memblock.memory.cnt, before.memory.cnt);
	CHECK_EQ(memblock.reserved.cnt, before.reserved.cnt);
	CHECK(memblock_is_memory(0x1000));
	CHECK(memblock_is_reserved(SZ_1M));
}

static void default_discards_the_same_state(void)
{
	grow_both();
	CHECK(free_all_count() > 0);
	test_freed_cnt = 0;
	memblock_discard();
	CHECK(test_freed_cnt > 0);
	EXPECT_EMPTY(&memblock.memory);
	EXPECT_EMPTY(&memblock.reserved);
}

static const struct test_case cases[] = {
	TEST_CASE(kept_memblock_is_untouched),
	TEST_CASE(default_discards_the_same_state),
};

TAP_MAIN(cases)
