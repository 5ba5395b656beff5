// SPDX-License-Identifier: BSD-2-Clause
/*
 * The reference model checked by hand, directed scenarios run through the
 * differential runner (library and model compared and the ownership ledger
 * checked after every call), the checkers' own tests, the reproducers of
 * the bugs and spec questions the differential testing found, and one
 * regression scenario per ownership defect of issue 12.
 */
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"
#include "../model/model.c"
#include "../model/ops.c"
#include "../model/runner.c"

#define SZ_32M	0x2000000ULL

static struct runner run;

/* Run @op on library and model; the case fails on any difference. */
#define STEP(...)							\
	do {								\
		struct op op_ = { __VA_ARGS__ };			\
		if (runner_step(&run, &op_) < 0)			\
			tap_fail(__FILE__, __LINE__, "%s", run.why);	\
	} while (0)

#define ADD(base_, size_)	STEP(.kind = OP_ADD, .a = (base_), .b = (size_))
#define ADD_NODE(base_, size_, nid_, flags_)				\
	STEP(.kind = OP_ADD_NODE, .a = (base_), .b = (size_), .nid = (nid_), \
	     .flags = (flags_))
#define RESERVE(base_, size_)	STEP(.kind = OP_RESERVE, .a = (base_), .b = (size_))
#define REMOVE(base_, size_)	STEP(.kind = OP_REMOVE, .a = (base_), .b = (size_))

/* Fill memory's array to @n regions with one-page pieces from @b up. */
static void fill_memory(phys_addr_t b, unsigned long n)
{
	for (unsigned long k = 0; memblock.memory.cnt < n && k < 4 * n; k++) {
		ADD(b, 0x1000);
		b += 0x2000;
	}
}

static void fill_reserved(phys_addr_t b, unsigned long n)
{
	for (unsigned long k = 0; memblock.reserved.cnt < n && k < 4 * n; k++) {
		RESERVE(b, 0x1000);
		b += 0x2000;
	}
}

/* Where a grown array of @t lives (0: static). */
static phys_addr_t array_at(const struct memblock_type *t, int i)
{
	return t->regions == run.static_arrays[i] ? 0 : test_virt_to_phys(t->regions);
}

/* ---- the model against hand-computed results ---- */

static void model_add_keeps_existing_attributes(void)
{
	struct model m;

	model_init(&m);
	CHECK_INT(model_add(&m, MT_MEMORY, 0x1000, 0x9000, 0, 0), 0);
	CHECK_INT(model_add(&m, MT_MEMORY, 0x5000, 0xf000, 1, 0), 0);
	CHECK_INT(m.t[MT_MEMORY].n, 2);
	CHECK_EQ(m.t[MT_MEMORY].r[0].base, 0x1000);
	CHECK_EQ(m.t[MT_MEMORY].r[0].end, 0xa000);
	CHECK_INT(m.t[MT_MEMORY].r[0].nid, 0);
	CHECK_EQ(m.t[MT_MEMORY].r[1].base, 0xa000);
	CHECK_EQ(m.t[MT_MEMORY].r[1].end, 0x14000);
	CHECK_INT(m.t[MT_MEMORY].r[1].nid, 1);
	/* Touching, same attributes: merged; different flags: not. */
	CHECK_INT(model_add(&m, MT_MEMORY, 0x14000, 0x1000, 1, 0), 0);
	CHECK_INT(model_add(&m, MT_MEMORY, 0x15000, 0x1000, 1, MEMBLOCK_NOMAP), 0);
	CHECK_INT(m.t[MT_MEMORY].n, 3);
	CHECK_EQ(m.t[MT_MEMORY].r[1].end, 0x15000);
	model_free(&m);
}

static void model_capacity_counts_gaps_before_merging(void)
{
	struct model m;

	model_init(&m);
	m.t[MT_MEMORY].max = 3;
	model_add(&m, MT_MEMORY, 0x1000, 0x1000, MAX_NUMNODES, 0);
	model_add(&m, MT_MEMORY, 0x3000, 0x1000, MAX_NUMNODES, 0);
	model_add(&m, MT_MEMORY, 0x5000, 0x1000, MAX_NUMNODES, 0);
	/* Two gaps: 3 + 2 > 3, although the result would be one region. */
	CHECK_INT(model_add(&m, MT_MEMORY, 0x1000, 0x5000, MAX_NUMNODES, 0),
		  -ENOMEM);
	CHECK_INT(m.t[MT_MEMORY].n, 3);
	/* Cutting the middle out of a region needs a slot... */
	CHECK_INT(model_remove(&m, MT_MEMORY, 0x1400, 0x100), -ENOMEM);
	/* ...cutting its end does not. */
	CHECK_INT(model_remove(&m, MT_MEMORY, 0x1800, 0x800), 0);
	/* A flag change that splits twice needs two slots. */
	CHECK_INT(model_set_flags(&m, MT_MEMORY, 0x3400, 0x100,
				  MEMBLOCK_HOTPLUG, 0), -ENOMEM);
	CHECK_INT(model_set_flags(&m, MT_MEMORY, 0x3000, 0x1000,
				  MEMBLOCK_HOTPLUG, 0), 0);
	model_free(&m);
}

static void model_search_by_hand(void)
{
	struct model m;

	model_init(&m);
	/* memory [16K, 64K) and [128K, 256K); reserved [224K, 240K). */
	model_add(&m, MT_MEMORY, 0x4000, 0xc000, 0, 0);
	model_add(&m, MT_MEMORY, 0x20000, 0x20000, 1, 0);
	model_add(&m, MT_RESERVED, 0x38000, 0x4000, MAX_NUMNODES, 0);
	/* Top-down: highest aligned fit. */
	CHECK_EQ(model_find_node(&m, 0x1000, 0x1000, 0, PHYS_ADDR_MAX,
				 NUMA_NO_NODE, 0), 0x3f000);
	CHECK_EQ(model_find_node(&m, 0x9000, 0x1000, 0, PHYS_ADDR_MAX,
				 NUMA_NO_NODE, 0), 0x2f000);
	CHECK_EQ(model_find_node(&m, 0x1000, 0x1000, 0, PHYS_ADDR_MAX, 0, 0),
		 0xf000);
	/* Blocks never span two regions, even touching ones. */
	model_add(&m, MT_MEMORY, 0x10000, 0x10000, 2, 0);
	CHECK_EQ(model_find_node(&m, 0x19000, 0x1000, 0, 0x40000,
				 NUMA_NO_NODE, 0), 0);
	/* Bottom-up: the lowest fit, whatever the kernel's end (5.11+). */
	m.bottom_up = true;
	m.kernel_end = 0x5000;
	CHECK_EQ(model_find_node(&m, 0x1000, 0x1000, 0, PHYS_ADDR_MAX,
				 NUMA_NO_NODE, 0), 0x4000);
	m.kernel_end = 0x3c000;
	CHECK_EQ(model_find_node(&m, 0x1000, 0x1000, 0, PHYS_ADDR_MAX,
				 NUMA_NO_NODE, 0), 0x4000);
	/* Page 0 is never handed out. */
	model_add(&m, MT_MEMORY, 0, 0x2000, 3, 0);
	m.bottom_up = false;
	CHECK_EQ(model_find_node(&m, 0x1000, 0x1000, 0, 0x2000, 3, 0), 0x1000);
	CHECK_EQ(model_find_node(&m, 0x2000, 0x1000, 0, 0x2000, 3, 0), 0);
	model_free(&m);
}

/* ---- directed scenarios, library against model ---- */

static void growth_of_memory_when_reserved_is_full(void)
{
	phys_addr_t b;
	int k;

	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	/* Reserved one short of full, memory full. */
	for (k = 0, b = SZ_16M; k < INIT_MEMBLOCK_RESERVED_REGIONS - 1; k++, b += 0x2000)
		RESERVE(b, 0x1000);
	for (k = 1, b = SZ_1M; k < INIT_MEMBLOCK_REGIONS; k++, b += 0x2000)
		ADD(b, 0x1000);
	CHECK_EQ(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	STEP(.kind = OP_ALLOW_RESIZE);
	/* Memory must grow; its new array needs a reservation too. */
	ADD(SZ_1G, 0x1000);
	CHECK(memblock.memory.max > INIT_MEMBLOCK_REGIONS);
	runner_fini(&run);
}

static void growth_falls_back_below_the_range(void)
{
	phys_addr_t b;
	int k;

	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	STEP(.kind = OP_ALLOW_RESIZE);
	/* Fill reserved, the last one at the top of memory. */
	for (k = 0, b = SZ_16M; k < INIT_MEMBLOCK_RESERVED_REGIONS; k++, b += 0x2000)
		RESERVE(b, 0x1000);
	/*
	 * A reservation near the top: the array cannot go above it (no free
	 * memory there) and must go below it.
	 */
	RESERVE(SZ_32M - 0x2000, 0x2000);
	CHECK(memblock.reserved.max > INIT_MEMBLOCK_RESERVED_REGIONS);
	CHECK(memblock_env_virt_to_phys(memblock.reserved.regions) < SZ_32M - 0x2000);
	runner_fini(&run);
}

static void growth_fails_cleanly_without_space(void)
{
	phys_addr_t b;
	int k;

	runner_init(&run);
	ADD(SZ_16M, 0x100000);
	for (k = 0, b = SZ_16M; k < INIT_MEMBLOCK_RESERVED_REGIONS; k++, b += 0x2000)
		RESERVE(b, 0x1800);
	STEP(.kind = OP_ALLOW_RESIZE);
	/* Free memory is only 2K pieces: no page for a doubled array. */
	RESERVE(SZ_1G, 0x1000);
	CHECK_EQ(memblock.reserved.max, INIT_MEMBLOCK_RESERVED_REGIONS);
	runner_fini(&run);
}

static void growth_fails_when_reserved_cannot_grow(void)
{
	phys_addr_t b, hole;
	/* The doubled memory array: 256 entries, page aligned. */
	unsigned long bytes = (2 * INIT_MEMBLOCK_REGIONS *
			       sizeof(struct memblock_region) + PAGE_SIZE - 1) &
			      ~(PAGE_SIZE - 1);
	int k;

	runner_init(&run);
	/* Memory full, reserved full once the two below are added. */
	ADD(SZ_16M, SZ_16M);
	for (k = 1, b = SZ_1M; k < INIT_MEMBLOCK_REGIONS; k++, b += 0x2000)
		ADD(b, 0x1000);
	/* The small memory regions, then reservations outside memory. */
	RESERVE(SZ_1M, SZ_1M);
	for (k = 0; k < INIT_MEMBLOCK_RESERVED_REGIONS - 3; k++)
		RESERVE(SZ_1G / 2 + 0x2000 * k, 0x1000);
	/*
	 * Reserve all of [16M, 32M) but one hole that just takes a doubled
	 * memory array: the memory array goes there, and reserved (which
	 * must grow first) finds no room outside it.
	 */
	hole = SZ_16M + SZ_1M;
	RESERVE(SZ_16M, hole - SZ_16M);
	RESERVE(hole + bytes, SZ_32M - hole - bytes);
	STEP(.kind = OP_ALLOW_RESIZE);
	ADD(SZ_1G, 0x1000);
	CHECK_EQ(memblock.memory.max, INIT_MEMBLOCK_REGIONS);
	CHECK(!memblock_is_memory(SZ_1G));
	runner_fini(&run);
}

static void mirror_preference_and_fallback(void)
{
	runner_init(&run);
	ADD_NODE(SZ_1M, SZ_1M, 0, 0);
	ADD_NODE(SZ_16M, SZ_1M, 1, 0);
	/* Without kernelcore=mirror (x) marking does nothing. */
	STEP(.kind = OP_MARK_MIRROR, .a = SZ_1M, .b = SZ_1M);
	CHECK(!memblock_has_mirror());
	STEP(.kind = OP_MARK_MIRROR, .a = SZ_1M, .b = SZ_1M, .x = true);
	CHECK(memblock_has_mirror());
	/* Mirrored memory first, although it is lower. */
	STEP(.kind = OP_PHYS_ALLOC, .a = 0x1000, .b = 0x1000);
	CHECK(memblock_is_reserved(2 * SZ_1M - 0x1000));
	/* Too big for the mirror: any memory, with a warning. */
	test_log_clear();
	STEP(.kind = OP_PHYS_ALLOC, .a = SZ_1M, .b = 0x1000);
	CHECK(test_log_find("mirrored") >= 0);
	/* Node fallback: node 1 has no mirror, then any node. */
	STEP(.kind = OP_ALLOC_RANGE_NID, .a = 0x1000, .b = 0x1000,
	     .d = MEMBLOCK_ALLOC_ANYWHERE, .nid = 1);
	STEP(.kind = OP_ALLOC_RANGE_NID, .a = 0x1000, .b = 0x1000,
	     .d = MEMBLOCK_ALLOC_ANYWHERE, .nid = 1, .x = true);
	runner_fini(&run);
}

static void limit_and_min_addr_fallbacks(void)
{
	runner_init(&run);
	ADD(SZ_1M, SZ_16M);
	STEP(.kind = OP_SET_LIMIT, .a = 8 * SZ_1M);
	/* max_addr above current_limit is capped. */
	STEP(.kind = OP_ALLOC_TRY_NID, .a = 0x1000, .b = 0x1000,
	     .d = SZ_16M, .nid = NUMA_NO_NODE);
	CHECK(memblock_is_reserved(8 * SZ_1M - 0x1000));
	/* min_addr above everything: retried from 0. */
	STEP(.kind = OP_ALLOC_FROM, .a = 0x1000, .b = 0x1000, .c = SZ_1G);
	/* Bottom-up: the lowest free page, the kernel's end aside (5.11+). */
	STEP(.kind = OP_SET_BOTTOM_UP, .x = true);
	STEP(.kind = OP_SET_KERNEL_END, .a = 3 * SZ_1M + 1);
	STEP(.kind = OP_ALLOC, .a = 0x1000, .b = 0x1000);
	CHECK(memblock_is_reserved(SZ_1M));
	CHECK(!memblock_is_reserved(3 * SZ_1M + 0x1000));
	runner_fini(&run);
}

/* ---- issue 12: one scenario per ownership defect ---- */

/*
 * 1. A capped range must not drop a grown array: the array grown above the
 * kept range moves into it (or the cap keeps the array reserved), and
 * memory added back later never hands the array out.
 */
static void issue12_cap_keeps_the_grown_array(void)
{
	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	ADD(SZ_1G, SZ_16M);
	fill_memory(SZ_1M, INIT_MEMBLOCK_REGIONS);
	STEP(.kind = OP_ALLOW_RESIZE);
	ADD(SZ_512M, 0x1000);		/* memory grows, top-down: above 1G */
	CHECK(array_at(&memblock.memory, MT_MEMORY) >= SZ_1G);
	STEP(.kind = OP_CAP_RANGE, .a = 0, .b = SZ_512M);
	ADD(SZ_1G, SZ_16M);
	STEP(.kind = OP_ALLOC, .a = SZ_16M, .b = SZ_4K);
	runner_fini(&run);
}

/* The same through remove, enforce_memory_limit and mem_limit_remove_map. */
static void issue12_remove_and_limits_keep_the_grown_array(void)
{
	for (int how = 0; how < 3; how++) {
		runner_init(&run);
		ADD(SZ_16M, SZ_16M);
		ADD(SZ_1G, SZ_16M);
		fill_memory(SZ_1M, INIT_MEMBLOCK_REGIONS);
		STEP(.kind = OP_ALLOW_RESIZE);
		ADD(SZ_512M, 0x1000);
		if (how == 0)
			REMOVE(SZ_1G, SZ_16M);
		else
			STEP(.kind = how == 1 ? OP_ENFORCE_LIMIT : OP_MEM_LIMIT_REMOVE_MAP,
			     .a = SZ_16M + 16 * SZ_4K);
		ADD(SZ_1G, SZ_16M);
		STEP(.kind = OP_ALLOC, .a = SZ_16M, .b = SZ_4K);
		runner_fini(&run);
	}
}

/* 2. Growth must not free what a caller reserved over the old array. */
static void issue12_growth_keeps_a_callers_claim(void)
{
	phys_addr_t old;

	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	STEP(.kind = OP_ALLOW_RESIZE);
	fill_reserved(SZ_16M, INIT_MEMBLOCK_RESERVED_REGIONS + 1);
	old = array_at(&memblock.reserved, MT_RESERVED);
	CHECK(old);
	/* The caller reserves over the live array: it must move. */
	RESERVE(old, SZ_4K);
	fill_reserved(SZ_16M + SZ_4K * 2 * INIT_MEMBLOCK_RESERVED_REGIONS,
		      2 * INIT_MEMBLOCK_RESERVED_REGIONS + 1);
	STEP(.kind = OP_PHYS_ALLOC, .a = SZ_4K, .b = SZ_4K);
	runner_fini(&run);
}

/*
 * 3. Nested growth (memory grows, reserved must grow too) avoids the range
 * being edited: the range marked NOMAP is the top of memory, where a
 * top-down search for the second array would otherwise land.
 */
static void issue12_nested_growth_avoids_the_edited_range(void)
{
	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	fill_memory(SZ_1M, INIT_MEMBLOCK_REGIONS);
	fill_reserved(SZ_4G / 2, INIT_MEMBLOCK_RESERVED_REGIONS);
	STEP(.kind = OP_ALLOW_RESIZE);
	/* Splitting [16M, 32M) needs a slot in memory. */
	STEP(.kind = OP_MARK_NOMAP, .a = SZ_16M + SZ_1M, .b = SZ_16M - SZ_1M);
	runner_fini(&run);
	/* The same with a removal. */
	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	fill_memory(SZ_1M, INIT_MEMBLOCK_REGIONS);
	fill_reserved(SZ_4G / 2, INIT_MEMBLOCK_RESERVED_REGIONS);
	STEP(.kind = OP_ALLOW_RESIZE);
	REMOVE(SZ_16M + SZ_1M, SZ_1M);
	runner_fini(&run);
}

/* 4. mem= over a grown array, then memblock_discard(). */
static void issue12_discard_after_mem_limit(void)
{
	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	ADD(SZ_1G, SZ_16M);
	fill_memory(SZ_1M, INIT_MEMBLOCK_REGIONS);
	STEP(.kind = OP_ALLOW_RESIZE);
	ADD(SZ_512M, 0x1000);
	STEP(.kind = OP_ENFORCE_LIMIT, .a = SZ_16M + 16 * SZ_4K);
	STEP(.kind = OP_FREE_ALL);
	STEP(.kind = OP_DISCARD);
	runner_fini(&run);
}

/*
 * 5. -ENOMEM leaves everything as it was: memory must grow, and the one
 * free gap that takes its new array leaves no room for the new array of
 * reserved, which must grow to reserve it (the gap touches no
 * reservation, so the reservation needs a slot of its own).
 */
static void issue12_enomem_changes_nothing(void)
{
	phys_addr_t bytes = (2 * INIT_MEMBLOCK_REGIONS *
			     sizeof(struct memblock_region) + PAGE_SIZE - 1) &
			    ~(phys_addr_t)(PAGE_SIZE - 1);
	phys_addr_t gap = SZ_16M + 4 * SZ_1M;
	phys_addr_t top = gap + bytes + 2 * SZ_4K + 0x800;

	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	fill_memory(SZ_1M, INIT_MEMBLOCK_REGIONS);
	RESERVE(SZ_1M, SZ_1M);
	fill_reserved(SZ_4G / 2, INIT_MEMBLOCK_RESERVED_REGIONS - 2);
	RESERVE(SZ_16M, gap - SZ_16M);
	RESERVE(top, 2 * SZ_16M - top);
	CHECK_EQ(memblock.reserved.cnt, INIT_MEMBLOCK_RESERVED_REGIONS);
	STEP(.kind = OP_ALLOW_RESIZE);
	ADD(SZ_1G, 0x1000);
	runner_fini(&run);
}

/* 6. Hooks that call back into memblock are refused (-EBUSY / NULL). */
static void issue12_reentrant_hooks_are_refused(void)
{
	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	STEP(.kind = OP_SET_DEBUG, .x = true);
	STEP(.kind = OP_REENTER, .x = true);
	for (int k = 0; k < 6; k++)
		RESERVE(SZ_16M + k * SZ_64K, SZ_4K);
	STEP(.kind = OP_PHYS_ALLOC, .a = SZ_4K, .b = SZ_4K);
	STEP(.kind = OP_SET_DEBUG, .x = false);
	STEP(.kind = OP_FREE_ALL);
	CHECK(run.st.hook_calls >= 6);
	runner_fini(&run);
}

/* 7. After the hand-off: nothing twice, nothing allocatable, -EPERM. */
static void issue12_after_free_all(void)
{
	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	RESERVE(SZ_16M, SZ_1M);
	STEP(.kind = OP_FREE_ALL);
	STEP(.kind = OP_FREE_ALL);		/* releases nothing */
	STEP(.kind = OP_PHYS_ALLOC, .a = SZ_4K, .b = SZ_4K);
	STEP(.kind = OP_ALLOC, .a = SZ_4K, .b = SZ_4K);
	RESERVE(SZ_16M, SZ_4K);			/* -EPERM */
	STEP(.kind = OP_PHYS_FREE, .a = SZ_16M, .b = SZ_4K);	/* -EPERM */
	STEP(.kind = OP_FREE_LATE, .a = 0, .x = true);	/* the claim */
	STEP(.kind = OP_DISCARD);
	STEP(.kind = OP_DISCARD);		/* does nothing */
	ADD(SZ_1G, SZ_16M);			/* -EPERM */
	STEP(.kind = OP_PHYS_ALLOC, .a = SZ_4K, .b = SZ_4K);
	CHECK_INT(run.st.free_alls, 2);
	runner_fini(&run);
}

/* ---- the checkers themselves can fail ---- */

static void invariant_checker_catches_corruption(void)
{
	struct memblock_region r[4];
	struct memblock_type t = { .cnt = 2, .max = 4, .regions = r, .name = "t" };

	r[0] = (struct memblock_region){ 0x1000, 0x1000, 0, 0 };
	r[1] = (struct memblock_region){ 0x3000, 0x1000, 0, 0 };
	t.total_size = 0x2000;
	CHECK(!type_invariant_violation(&t));
	r[1].base = 0x1800;
	CHECK(type_invariant_violation(&t));		/* overlap */
	r[1].base = 0x2000;
	CHECK(type_invariant_violation(&t));		/* not merged */
	r[1].nid = 1;
	CHECK(!type_invariant_violation(&t));		/* different node */
	r[1].nid = MAX_NUMNODES + 1;
	CHECK(type_invariant_violation(&t));		/* bad nid */
	r[1].nid = 1;
	r[1].flags = (enum memblock_flags)0x40;
	CHECK(type_invariant_violation(&t));		/* unknown flag */
	r[1].flags = 0;
	t.total_size = 0x2001;
	CHECK(type_invariant_violation(&t));		/* total_size */
	t.total_size = 0x2000;
	r[1].size = 0;
	CHECK(type_invariant_violation(&t));		/* empty region */
	t.cnt = 0;
	r[0] = (struct memblock_region){ 0, 0, 0, 1 };
	t.total_size = 0;
	CHECK(type_invariant_violation(&t));		/* empty slot with a nid */
	r[0].nid = MAX_NUMNODES;
	CHECK(!type_invariant_violation(&t));		/* as Linux clears it */
	r[0].nid = 0;
	CHECK(!type_invariant_violation(&t));		/* as statically zeroed */
	r[0].base = 0x1000;
	CHECK(type_invariant_violation(&t));		/* stale base */
	r[0].base = 0;
	t.cnt = 1;
	CHECK(type_invariant_violation(&t));		/* the old cnt == 1 dummy */
}

/* The ledger fails on each kind of ownership violation planted here. */
static void ledger_catches_violations(void)
{
	struct op q = { .kind = OP_QUERY };
	struct op add = { .kind = OP_ADD, .a = SZ_1G, .b = SZ_4K };
	struct lg_call c = { .name = "planted" };

	/* A write over a caller's claim (invariant 6). */
	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	RESERVE(SZ_16M, SZ_4K);
	STEP(.kind = OP_QUERY);
	*(unsigned char *)test_phys_to_virt(SZ_16M + 5) ^= 1;
	CHECK(runner_finish(&run) < 0);
	CHECK(strstr(run.why, "invariant 6"));
	runner_fini(&run);

	/* A claim unreserved behind the caller's back (invariant 1). */
	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	RESERVE(SZ_16M, SZ_4K);
	memblock_phys_free(SZ_16M, SZ_4K);
	CHECK(runner_step(&run, &add) < 0);
	CHECK(strstr(run.why, "invariant 1"));
	runner_fini(&run);

	/* A reservation nobody owns (invariant 1, the other way). */
	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	memblock_reserve(SZ_16M, SZ_4K);
	CHECK(runner_step(&run, &add) < 0);
	CHECK(strstr(run.why, "owned by nobody"));
	runner_fini(&run);

	/* A failed call that changed something (invariant 5). */
	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	ledger_begin(&run.lg);
	memblock.memory.regions[0].size -= SZ_4K;
	memblock.memory.total_size -= SZ_4K;
	c.failed = true;
	CHECK(ledger_end(&run.lg, &c) < 0);
	CHECK(strstr(run.lg.why, "invariant 5"));
	memblock.memory.regions[0].size += SZ_4K;
	memblock.memory.total_size += SZ_4K;
	runner_fini(&run);

	/* An allocation over a claim (invariant 4), and pages handed twice. */
	runner_init(&run);
	ADD(SZ_16M, SZ_16M);
	RESERVE(SZ_16M, SZ_4K);
	ledger_begin(&run.lg);
	memblock_reserve(SZ_16M, SZ_4K);
	c = (struct lg_call){ .name = "planted", .is_alloc = true, .got = SZ_16M,
			      .size = SZ_4K, .align = SZ_4K, .hi = PHYS_ADDR_MAX };
	ledger_claim(&run.lg, SZ_16M, SZ_4K);
	CHECK(ledger_end(&run.lg, &c) < 0);
	CHECK(strstr(run.lg.why, "invariant 4"));
	ledger_begin(&run.lg);
	ledger_free_pages(&run.lg, (SZ_16M >> PAGE_SHIFT) + 1, 0);
	c = (struct lg_call){ .name = "planted", .pages = LG_PAGES_RANGE,
			      .pbase = SZ_16M + SZ_4K, .psize = SZ_4K };
	CHECK(!ledger_end(&run.lg, &c));
	ledger_begin(&run.lg);
	ledger_free_pages(&run.lg, (SZ_16M >> PAGE_SHIFT) + 1, 0);
	CHECK(ledger_end(&run.lg, &c) < 0);
	CHECK(strstr(run.lg.why, "twice"));
	runner_fini(&run);
	(void)q;
}

static void model_compare_catches_differences(void)
{
	runner_init(&run);
	ADD_NODE(SZ_1M, SZ_1M, 0, 0);
	CHECK(!model_compare(&run.m, run.static_arrays));
	memblock.memory.regions[0].nid = 1;
	CHECK(model_compare(&run.m, run.static_arrays));
	memblock.memory.regions[0].nid = 0;
	memblock.current_limit = 5;
	CHECK(model_compare(&run.m, run.static_arrays));
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	memblock.memory.max--;
	CHECK(model_compare(&run.m, run.static_arrays));
	memblock.memory.max++;
	CHECK(!model_compare(&run.m, run.static_arrays));
	runner_fini(&run);
}

/* ---- reproducers ---- */

/*
 * Bug (fixed in src/find.c): a search for nid MAX_NUMNODES only saw
 * regions without a node; Linux treats MAX_NUMNODES as NUMA_NO_NODE.
 */
static void repro_find_max_numnodes_is_any_node(void)
{
	phys_addr_t s, e;
	u64 i;
	int n = 0;

	memblock_add_node(SZ_1M, SZ_1M, 0, MEMBLOCK_NONE);
	CHECK_EQ(memblock_find_in_range_node(SZ_4K, SZ_4K, 0,
					     MEMBLOCK_ALLOC_ANYWHERE,
					     MAX_NUMNODES, MEMBLOCK_NONE),
		 2 * SZ_1M - SZ_4K);
	for_each_free_mem_range(i, MAX_NUMNODES, MEMBLOCK_NONE, &s, &e, NULL)
		n++;
	CHECK_INT(n, 1);
}

/*
 * Spec question: memblock_enforce_memory_limit() is documented to do
 * nothing "when memory is not larger than the limit", but with a limit of
 * exactly the memory size it drops the reservations above the end of
 * memory, as Linux does (__find_max_addr() finds the end of the last
 * region). The model follows Linux; this pins the behaviour.
 */
static void spec_enforce_limit_equal_to_memory(void)
{
	memblock_add(SZ_1M, SZ_1M);
	memblock_reserve(SZ_16M, SZ_4K);
	memblock_enforce_memory_limit(SZ_1M);
	EXPECT_TYPE(&memblock.memory, R(SZ_1M, SZ_1M));
	EXPECT_EMPTY(&memblock.reserved);
}

static const struct test_case cases[] = {
	TEST_CASE(model_add_keeps_existing_attributes),
	TEST_CASE(model_capacity_counts_gaps_before_merging),
	TEST_CASE(model_search_by_hand),
	TEST_CASE(growth_of_memory_when_reserved_is_full),
	TEST_CASE(growth_falls_back_below_the_range),
	TEST_CASE(growth_fails_cleanly_without_space),
	TEST_CASE(growth_fails_when_reserved_cannot_grow),
	TEST_CASE(mirror_preference_and_fallback),
	TEST_CASE(issue12_cap_keeps_the_grown_array),
	TEST_CASE(issue12_remove_and_limits_keep_the_grown_array),
	TEST_CASE(issue12_growth_keeps_a_callers_claim),
	TEST_CASE(issue12_nested_growth_avoids_the_edited_range),
	TEST_CASE(issue12_discard_after_mem_limit),
	TEST_CASE(issue12_enomem_changes_nothing),
	TEST_CASE(issue12_reentrant_hooks_are_refused),
	TEST_CASE(issue12_after_free_all),
	TEST_CASE(limit_and_min_addr_fallbacks),
	TEST_CASE(invariant_checker_catches_corruption),
	TEST_CASE(model_compare_catches_differences),
	TEST_CASE(ledger_catches_violations),
	TEST_CASE(repro_find_max_numnodes_is_any_node),
	TEST_CASE(spec_enforce_limit_equal_to_memory),
};

TAP_MAIN(cases)
