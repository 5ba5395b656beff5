// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_alloc_range_nid() and every allocation family: exact addresses,
 * the reservations they make, the node / mirror / min_addr fallbacks,
 * zeroing, and failures that change nothing.
 */
#include "harness.h"

#define ANY	NUMA_NO_NODE

/* Map A: one node, [1M, 64M). */
static void map_a(void)
{
	memblock_add(SZ_1M, 63 * SZ_1M);
}

/* Map N: node 0 [1M, 32M), node 1 [32M, 64M), node 2 [128M, 160M). */
static void map_n(void)
{
	memblock_add_node(SZ_1M, 31 * SZ_1M, 0, MEMBLOCK_NONE);
	memblock_add_node(32 * SZ_1M, 32 * SZ_1M, 1, MEMBLOCK_NONE);
	memblock_add_node(128 * SZ_1M, 32 * SZ_1M, 2, MEMBLOCK_NONE);
}

/* Snapshot of everything memblock holds, to prove a failure changed nothing. */
struct snap {
	struct memblock mb;
	struct memblock_region mem[64], rsv[64];
};

static void take(struct snap *s)
{
	memset(s, 0, sizeof(*s));
	s->mb = memblock;
	memcpy(s->mem, memblock.memory.regions, memblock.memory.cnt * sizeof(s->mem[0]));
	memcpy(s->rsv, memblock.reserved.regions, memblock.reserved.cnt * sizeof(s->rsv[0]));
}

static bool unchanged(const struct snap *s)
{
	struct snap now;

	take(&now);
	return !memcmp(&now, s, sizeof(now));
}

static void range_nid_reserves_and_merges(void)
{
	map_a();
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY, false),
		 0x3fff000);
	EXPECT_TYPE(&memblock.reserved, R(0x3fff000, SZ_4K));
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY, false),
		 0x3ffe000);
	EXPECT_TYPE(&memblock.reserved, R(0x3ffe000, 2 * SZ_4K));
	memblock_set_bottom_up(true);
	CHECK_EQ(memblock_alloc_range_nid(100, 8, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY, false),
		 SZ_1M);
	EXPECT_TYPE(&memblock.reserved, R(SZ_1M, 100), R(0x3ffe000, 2 * SZ_4K));
	EXPECT_TYPE(&memblock.memory, R(SZ_1M, 63 * SZ_1M));
}

static void range_nid_on_node(void)
{
	map_n();
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 2, false),
		 160 * SZ_1M - SZ_4K);
	/* Reservations carry no node. */
	EXPECT_TYPE(&memblock.reserved, R(160 * SZ_1M - SZ_4K, SZ_4K));
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 0, true),
		 32 * SZ_1M - SZ_4K);
}

static void range_nid_node_fallback(void)
{
	struct snap s;

	map_n();
	memblock_reserve(128 * SZ_1M, 32 * SZ_1M);	/* node 2 is full */
	take(&s);
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 2, true), 0);
	CHECK(unchanged(&s));
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 2, false),
		 64 * SZ_1M - SZ_4K);
	memblock_set_bottom_up(true);
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 2, false),
		 SZ_1M);
}

static void range_nid_mirror(void)
{
	map_a();
	mirrored_kernelcore = true;	/* kernelcore=mirror */
	memblock_mark_mirror(8 * SZ_1M, 8 * SZ_1M);
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY, false),
		 SZ_16M - SZ_4K);
	CHECK(test_log_find("mirrored") < 0);
	/* Mirrored memory is too small: any memory, with a warning. */
	CHECK_EQ(memblock_alloc_range_nid(SZ_16M, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY, false),
		 64 * SZ_1M - SZ_16M);
	CHECK(test_log_find("Could not allocate 0x") >= 0);
	CHECK(test_log_find("bytes of mirrored memory") >= 0);
}

/*
 * Linux 6.12: the preference follows memblock_has_mirror(), the flag
 * memblock_mark_mirror() sets, not the MIRROR flags memory carries.
 */
static void mirror_preference_is_a_flag(void)
{
	map_a();
	/* MIRROR given to memblock_add_node() sets no flag: no preference. */
	memblock_add_node(SZ_1G, SZ_1M, MAX_NUMNODES, MEMBLOCK_MIRROR);
	CHECK(!memblock_has_mirror());
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, SZ_1G, ANY, false),
		 64 * SZ_1M - SZ_4K);
	/* Without kernelcore=mirror, marking does nothing. */
	CHECK_INT(memblock_mark_mirror(8 * SZ_1M, 8 * SZ_1M), 0);
	CHECK(!memblock_has_mirror());
	CHECK(!memblock_is_mirror(&memblock.memory.regions[0]));
	/* With it, and once set the flag stays though the memory goes. */
	mirrored_kernelcore = true;
	CHECK_INT(memblock_mark_mirror(8 * SZ_1M, 8 * SZ_1M), 0);
	CHECK(memblock_has_mirror());
	CHECK_INT(memblock_remove(8 * SZ_1M, 8 * SZ_1M), 0);
	CHECK(memblock_has_mirror());
	test_log_clear();
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, SZ_1G, ANY, false),
		 64 * SZ_1M - 2 * SZ_4K);
	CHECK(test_log_find("bytes of mirrored memory") >= 0);
}

static void range_nid_mirror_and_node(void)
{
	map_n();
	mirrored_kernelcore = true;
	memblock_mark_mirror(128 * SZ_1M, SZ_1M);	/* mirror only on node 2 */
	/* Node 0 has no mirror: any node with mirror comes before node 0 without. */
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 0, false),
		 129 * SZ_1M - SZ_4K);
	/* With exact_nid, node 0 without mirror. */
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, 0, true),
		 32 * SZ_1M - SZ_4K);
}

static void range_nid_bad_input(void)
{
	struct snap s;

	map_a();
	take(&s);
	CHECK_EQ(memblock_alloc_range_nid(0, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY, false), 0);
	CHECK(test_log_find("zero-sized") >= 0);
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, 0x3000, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY, false), 0);
	CHECK(test_log_find("not a power of 2") >= 0);
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, MAX_NUMNODES + 1,
					  false), 0);
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, -7, false), 0);
	CHECK(test_log_find("invalid node") >= 0);
	CHECK_EQ(memblock_alloc_range_nid(SZ_128M, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY, false), 0);
	CHECK(unchanged(&s));
	/* MAX_NUMNODES is accepted as "any", with a warning. */
	CHECK_EQ(memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, MAX_NUMNODES,
					  false), 0x3fff000);
	CHECK(test_log_find("MAX_NUMNODES is deprecated") >= 0);
	/* align 0: SMP_CACHE_BYTES with a warning. */
	CHECK_EQ(memblock_alloc_range_nid(100, 0, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY, false),
		 (0x3fff000 - 100) & ~(phys_addr_t)(SMP_CACHE_BYTES - 1));
}

static void phys_alloc_range(void)
{
	map_a();
	CHECK_EQ(memblock_phys_alloc_range(SZ_4K, SZ_4K, SZ_16M, 32 * SZ_1M), 32 * SZ_1M - SZ_4K);
	memblock_set_bottom_up(true);
	CHECK_EQ(memblock_phys_alloc_range(SZ_4K, SZ_4K, SZ_16M, 32 * SZ_1M), SZ_16M);
	EXPECT_TYPE(&memblock.reserved, R(SZ_16M, SZ_4K), R(32 * SZ_1M - SZ_4K, SZ_4K));
	CHECK_EQ(memblock_phys_alloc_range(SZ_16M + 1, 1, SZ_16M, 32 * SZ_1M), 0);
}

static void phys_alloc_try_nid(void)
{
	map_n();
	memblock_set_current_limit(48 * SZ_1M);
	CHECK_EQ(memblock_phys_alloc_try_nid(SZ_4K, SZ_4K, 1), 48 * SZ_1M - SZ_4K);
	CHECK_EQ(memblock_phys_alloc_try_nid(SZ_4K, SZ_4K, 0), 32 * SZ_1M - SZ_4K);
	/* Node 2 lies above the limit: falls back to another node. */
	CHECK_EQ(memblock_phys_alloc_try_nid(SZ_4K, SZ_4K, 2), 48 * SZ_1M - 2 * SZ_4K);
	CHECK_EQ(memblock_phys_alloc_try_nid(SZ_4K, SZ_4K, 99), 0);
}

static void phys_alloc(void)
{
	map_a();
	CHECK_EQ(memblock_phys_alloc(SZ_4K, SZ_4K), 0x3fff000);
	memblock_set_current_limit(SZ_16M);
	CHECK_EQ(memblock_phys_alloc(SZ_4K, SZ_4K), SZ_16M - SZ_4K);
	memblock_set_bottom_up(true);
	CHECK_EQ(memblock_phys_alloc(SZ_4K, SZ_4K), SZ_1M);
	CHECK_EQ(memblock_phys_alloc(64 * SZ_1M, SZ_4K), 0);
}

static void alloc_zeroes_and_raw_does_not(void)
{
	unsigned char *p;

	map_a();
	test_fill_phys(0x3ffe000, 2 * SZ_4K, 0xaa);
	p = memblock_alloc(SZ_4K, SZ_4K);
	CHECK(p == test_phys_to_virt(0x3fff000));
	CHECK(test_phys_all(0x3fff000, SZ_4K, 0));
	p = memblock_alloc_raw(SZ_4K, SZ_4K);
	CHECK(p == test_phys_to_virt(0x3ffe000));
	CHECK(test_phys_all(0x3ffe000, SZ_4K, 0xaa));
	test_fill_phys(0x3ffd000, SZ_4K, 0x55);
	CHECK(memblock_alloc_try_nid_raw(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ACCESSIBLE, ANY) ==
	      test_phys_to_virt(0x3ffd000));
	CHECK(test_phys_all(0x3ffd000, SZ_4K, 0x55));
	/* Zeroing covers exactly the size asked for. */
	test_fill_phys(0x3ffc000, SZ_4K, 0x77);
	CHECK(memblock_alloc(100, SZ_4K) == test_phys_to_virt(0x3ffc000));
	CHECK(test_phys_all(0x3ffc000, 100, 0));
	CHECK(test_phys_all(0x3ffc000 + 100, SZ_4K - 100, 0x77));
	EXPECT_TYPE(&memblock.reserved, R(0x3ffc000, 100), R(0x3ffd000, 3 * SZ_4K));
}

static void try_nid_min_addr_fallback(void)
{
	map_a();
	/* min_addr above all memory: dropped. */
	CHECK(memblock_alloc_try_nid(SZ_4K, SZ_4K, 128 * SZ_1M, MEMBLOCK_ALLOC_ACCESSIBLE, ANY) ==
	      test_phys_to_virt(0x3fff000));
	CHECK(memblock_alloc_try_nid(SZ_4K, SZ_4K, SZ_16M, 32 * SZ_1M, ANY) ==
	      test_phys_to_virt(32 * SZ_1M - SZ_4K));
	memblock_set_bottom_up(true);
	CHECK(memblock_alloc_try_nid(SZ_4K, SZ_4K, SZ_16M, 32 * SZ_1M, ANY) ==
	      test_phys_to_virt(SZ_16M));
	CHECK(memblock_alloc_try_nid(SZ_4K, SZ_4K, 128 * SZ_1M, MEMBLOCK_ALLOC_ACCESSIBLE, ANY) ==
	      test_phys_to_virt(SZ_1M));
}

static void try_nid_caps_at_current_limit(void)
{
	map_a();
	memblock_set_current_limit(SZ_16M);
	CHECK(memblock_alloc_try_nid(SZ_4K, SZ_4K, 0, 32 * SZ_1M, ANY) ==
	      test_phys_to_virt(SZ_16M - SZ_4K));
	CHECK(memblock_alloc_try_nid(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY) ==
	      test_phys_to_virt(SZ_16M - 2 * SZ_4K));
	/* Nothing fits under the limit: NULL, even though memory is free above. */
	CHECK(memblock_alloc_try_nid(SZ_16M, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE, ANY) == NULL);
}

static void alloc_from(void)
{
	map_a();
	CHECK(memblock_alloc_from(SZ_4K, SZ_4K, 60 * SZ_1M) == test_phys_to_virt(0x3fff000));
	memblock_set_bottom_up(true);
	CHECK(memblock_alloc_from(SZ_4K, SZ_4K, 60 * SZ_1M) == test_phys_to_virt(60 * SZ_1M));
	CHECK(memblock_alloc_from(SZ_4K, SZ_4K, 100 * SZ_1M) == test_phys_to_virt(SZ_1M));
}

static void alloc_low(void)
{
	if (PHYS_64) {
		memblock_add(SZ_1M, (phys_addr_t)SZ_4G * 2);
		/* ARCH_LOW_ADDRESS_LIMIT is an exclusive end of 0xffffffff. */
		CHECK(memblock_alloc_low(SZ_4K, SZ_4K) == test_phys_to_virt(0xffffe000));
		CHECK(memblock_alloc(SZ_4K, SZ_4K) ==
		      test_phys_to_virt((phys_addr_t)SZ_4G * 2 + SZ_1M - SZ_4K));
	} else {
		memblock_add(SZ_1M, SZ_1G);
		CHECK(memblock_alloc_low(SZ_4K, SZ_4K) == test_phys_to_virt(SZ_1G + SZ_1M - SZ_4K));
	}
}

static void alloc_node(void)
{
	map_n();
	CHECK(memblock_alloc_node(SZ_4K, SZ_4K, 1) == test_phys_to_virt(64 * SZ_1M - SZ_4K));
	CHECK(memblock_alloc_node(SZ_4K, SZ_4K, 0) == test_phys_to_virt(32 * SZ_1M - SZ_4K));
	memblock_set_bottom_up(true);
	CHECK(memblock_alloc_node(SZ_4K, SZ_4K, 2) == test_phys_to_virt(128 * SZ_1M));
	/* More than the node has: another node. */
	CHECK(memblock_alloc_node(40 * SZ_1M, SZ_4K, 2) == NULL);
	memblock_set_bottom_up(false);
	CHECK(memblock_alloc_node(SZ_16M, SZ_4K, 0) != NULL);
}

static void exact_nid_raw(void)
{
	struct snap s;

	map_n();
	memblock_reserve(SZ_1M, 31 * SZ_1M);	/* node 0 is full */
	take(&s);
	CHECK(memblock_alloc_exact_nid_raw(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 0) == NULL);
	CHECK(unchanged(&s));
	CHECK(memblock_alloc_try_nid_raw(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 0) ==
	      test_phys_to_virt(160 * SZ_1M - SZ_4K));
	CHECK(memblock_alloc_exact_nid_raw(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ACCESSIBLE, 1) ==
	      test_phys_to_virt(64 * SZ_1M - SZ_4K));
}

static void failures_change_nothing(void)
{
	struct snap s;

	map_a();
	memblock_reserve(SZ_16M, SZ_1M);
	take(&s);
	CHECK(memblock_alloc(64 * SZ_1M, SZ_4K) == NULL);
	CHECK(memblock_alloc_raw(0, SZ_4K) == NULL);
	CHECK(memblock_alloc_from(SZ_4K, 3, 0) == NULL);
	CHECK(memblock_alloc_node(SZ_4K, SZ_4K, 1000) == NULL);
	CHECK_EQ(memblock_phys_alloc(64 * SZ_1M, SZ_4K), 0);
	CHECK_EQ(memblock_phys_alloc_range(SZ_4K, SZ_4K, 70 * SZ_1M, 80 * SZ_1M), 0);
	CHECK(unchanged(&s));
}

static void alloc_or_panic(void)
{
	void *p;

	map_a();
	p = memblock_alloc_or_panic(SZ_4K, SZ_4K);
	CHECK(p == test_phys_to_virt(0x3fff000));
	test_panic_msg[0] = 0;
	test_panic_armed = true;
	if (!setjmp(test_panic_jmp)) {
		memblock_alloc_or_panic(SZ_1G, SZ_4K);
		tap_fail(__FILE__, __LINE__, "memblock_alloc_or_panic returned");
	}
	CHECK_STR(test_panic_msg, "alloc_or_panic: Failed to allocate 1073741824 bytes");
}

static void allocations_never_overlap(void)
{
	phys_addr_t got[64];
	int n = 0;

	memblock_add(SZ_1M, SZ_1M);
	memblock_reserve(SZ_1M + 0x3000, 0x1000);
	for (int dir = 0; dir < 2; dir++) {
		memblock_set_bottom_up(dir);
		for (int i = 0; i < 16; i++) {
			phys_addr_t a = memblock_phys_alloc(0x1000 + 0x100 * i, 0x100);

			CHECK(a != 0);
			CHECK(!memblock_addrs_overlap(a, 0x1000 + 0x100 * i, SZ_1M + 0x3000, 0x1000));
			for (int k = 0; k < n; k++)
				CHECK(a != got[k]);
			got[n++] = a;
		}
	}
	CHECK(type_invariant_violation(&memblock.reserved) == NULL);
}

static const struct test_case cases[] = {
	TEST_CASE(range_nid_reserves_and_merges),
	TEST_CASE(range_nid_on_node),
	TEST_CASE(range_nid_node_fallback),
	TEST_CASE(range_nid_mirror),
	TEST_CASE(range_nid_mirror_and_node),
	TEST_CASE(mirror_preference_is_a_flag),
	TEST_CASE(range_nid_bad_input),
	TEST_CASE(phys_alloc_range),
	TEST_CASE(phys_alloc_try_nid),
	TEST_CASE(phys_alloc),
	TEST_CASE(alloc_zeroes_and_raw_does_not),
	TEST_CASE(try_nid_min_addr_fallback),
	TEST_CASE(try_nid_caps_at_current_limit),
	TEST_CASE(alloc_from),
	TEST_CASE(alloc_low),
	TEST_CASE(alloc_node),
	TEST_CASE(exact_nid_raw),
	TEST_CASE(failures_change_nothing),
	TEST_CASE(alloc_or_panic),
	TEST_CASE(allocations_never_overlap),
};
TAP_MAIN(cases)
