// SPDX-License-Identifier: BSD-2-Clause
/*
 * Every allocation family x both directions x each constraint, as one
 * table of exact addresses. The map: node 0 [1M, 32M), node 1 [32M, 64M),
 * the kernel image ends at 2M (where bottom-up starts).
 */
#include "harness.h"

#define M	SZ_1M
#define K4	SZ_4K
#define ANY	NUMA_NO_NODE
#define ACC	MEMBLOCK_ALLOC_ACCESSIBLE
#define ANYW	MEMBLOCK_ALLOC_ANYWHERE

enum scenario {
	PLAIN,		/* nothing special */
	LIMIT,		/* current_limit = 16M */
	MIRROR,		/* [8M, 12M) mirrored */
	NODE1_FULL,	/* node 1 entirely reserved */
	NR_SCENARIOS
};

static const char *const scenario_name[] = { "plain", "limit", "mirror", "node1-full" };

static void setup(enum scenario s, bool bottom_up)
{
	memblock_add_node(M, 31 * M, 0, MEMBLOCK_NONE);
	memblock_add_node(32 * M, 32 * M, 1, MEMBLOCK_NONE);
	/* Linux 5.11+: bottom-up ignores the kernel's end (lowest is 1 MiB). */
	test_kernel_end = 2 * M;
	memblock_set_bottom_up(bottom_up);
	if (s == LIMIT)
		memblock_set_current_limit(16 * M);
	if (s == MIRROR) {
		mirrored_kernelcore = true;	/* kernelcore=mirror */
		memblock_mark_mirror(8 * M, 4 * M);
	}
	if (s == NODE1_FULL)
		memblock_reserve(32 * M, 32 * M);
}

static phys_addr_t pa(void *va)
{
	return va ? test_virt_to_phys(va) : 0;
}

/* Each family, called for a 4 KiB block, asking for node 1 where it can. */
static phys_addr_t f_range_nid(void) { return memblock_alloc_range_nid(K4, K4, 0, ACC, 1, false); }
static phys_addr_t f_range_nid_exact(void) { return memblock_alloc_range_nid(K4, K4, 0, ACC, 1, true); }
static phys_addr_t f_phys_range(void) { return memblock_phys_alloc_range(K4, K4, 0, ANYW); }
static phys_addr_t f_phys_try_nid(void) { return memblock_phys_alloc_try_nid(K4, K4, 1); }
static phys_addr_t f_phys(void) { return memblock_phys_alloc(K4, K4); }
static phys_addr_t f_try_nid(void) { return pa(memblock_alloc_try_nid(K4, K4, 0, ANYW, 1)); }
static phys_addr_t f_try_nid_raw(void) { return pa(memblock_alloc_try_nid_raw(K4, K4, 0, ACC, 1)); }
static phys_addr_t f_exact_nid_raw(void) { return pa(memblock_alloc_exact_nid_raw(K4, K4, 0, ACC, 1)); }
static phys_addr_t f_alloc(void) { return pa(memblock_alloc(K4, K4)); }
static phys_addr_t f_raw(void) { return pa(memblock_alloc_raw(K4, K4)); }
static phys_addr_t f_from(void) { return pa(memblock_alloc_from(K4, K4, 40 * M)); }
static phys_addr_t f_low(void) { return pa(memblock_alloc_low(K4, K4)); }
static phys_addr_t f_node0(void) { return pa(memblock_alloc_node(K4, K4, 0)); }
static phys_addr_t f_or_panic(void) { return pa(memblock_alloc_or_panic(K4, K4)); }

struct row {
	const char *family;
	phys_addr_t (*call)(void);
	/* Expected address per scenario: [top-down, bottom-up]. 0 = fails. */
	unsigned long long want[NR_SCENARIOS][2];
};

static const struct row rows[] = {
	/*                              plain            limit            mirror          node1-full */
	{ "alloc_range_nid(nid 1)", f_range_nid,
	  { { 64*M-K4, 32*M }, { 16*M-K4, 1*M }, { 12*M-K4, 8*M }, { 32*M-K4, 1*M } } },
	{ "alloc_range_nid(nid 1, exact)", f_range_nid_exact,
	  { { 64*M-K4, 32*M }, { 0, 0 }, { 64*M-K4, 32*M }, { 0, 0 } } },
	{ "phys_alloc_range(0, ANYWHERE)", f_phys_range,
	  { { 64*M-K4, 1*M }, { 64*M-K4, 1*M }, { 12*M-K4, 8*M }, { 32*M-K4, 1*M } } },
	{ "phys_alloc_try_nid(nid 1)", f_phys_try_nid,
	  { { 64*M-K4, 32*M }, { 16*M-K4, 1*M }, { 12*M-K4, 8*M }, { 32*M-K4, 1*M } } },
	{ "phys_alloc", f_phys,
	  { { 64*M-K4, 1*M }, { 16*M-K4, 1*M }, { 12*M-K4, 8*M }, { 32*M-K4, 1*M } } },
	{ "alloc_try_nid(nid 1, ANYWHERE)", f_try_nid,
	  { { 64*M-K4, 32*M }, { 16*M-K4, 1*M }, { 12*M-K4, 8*M }, { 32*M-K4, 1*M } } },
	{ "alloc_try_nid_raw(nid 1)", f_try_nid_raw,
	  { { 64*M-K4, 32*M }, { 16*M-K4, 1*M }, { 12*M-K4, 8*M }, { 32*M-K4, 1*M } } },
	{ "alloc_exact_nid_raw(nid 1)", f_exact_nid_raw,
	  { { 64*M-K4, 32*M }, { 0, 0 }, { 64*M-K4, 32*M }, { 0, 0 } } },
	{ "alloc", f_alloc,
	  { { 64*M-K4, 1*M }, { 16*M-K4, 1*M }, { 12*M-K4, 8*M }, { 32*M-K4, 1*M } } },
	{ "alloc_raw", f_raw,
	  { { 64*M-K4, 1*M }, { 16*M-K4, 1*M }, { 12*M-K4, 8*M }, { 32*M-K4, 1*M } } },
	/* Mirrored memory lies below min_addr: any memory above it comes first. */
	{ "alloc_from(40M)", f_from,
	  { { 64*M-K4, 40*M }, { 16*M-K4, 1*M }, { 64*M-K4, 40*M }, { 32*M-K4, 1*M } } },
	{ "alloc_low", f_low,
	  { { 64*M-K4, 1*M }, { 16*M-K4, 1*M }, { 12*M-K4, 8*M }, { 32*M-K4, 1*M } } },
	{ "alloc_node(nid 0)", f_node0,
	  { { 32*M-K4, 1*M }, { 16*M-K4, 1*M }, { 12*M-K4, 8*M }, { 32*M-K4, 1*M } } },
	{ "alloc_or_panic", f_or_panic,
	  { { 64*M-K4, 1*M }, { 16*M-K4, 1*M }, { 12*M-K4, 8*M }, { 32*M-K4, 1*M } } },
};

static void matrix(void)
{
	for (size_t r = 0; r < ARRAY_SIZE(rows); r++) {
		for (int s = 0; s < NR_SCENARIOS; s++) {
			for (int bu = 0; bu < 2; bu++) {
				unsigned long long want = rows[r].want[s][bu];
				unsigned long long got;
				phys_addr_t before;

				test_reset();
				setup(s, bu);
				before = memblock_reserved_size();
				got = rows[r].call();
				if (got != want)
					tap_fail(__FILE__, __LINE__, "%s, %s, %s: got %#llx, want %#llx",
						 rows[r].family, scenario_name[s],
						 bu ? "bottom-up" : "top-down", got, want);
				/* Success reserves exactly the block; failure nothing. */
				if (memblock_reserved_size() != before + (want ? K4 : 0) ||
				    (want && !memblock_is_region_reserved(want, K4)))
					tap_fail(__FILE__, __LINE__, "%s, %s, %s: wrong reservation",
						 rows[r].family, scenario_name[s],
						 bu ? "bottom-up" : "top-down");
			}
		}
	}
}

static const struct test_case cases[] = {
	TEST_CASE(matrix),
};
TAP_MAIN(cases)
