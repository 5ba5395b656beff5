// SPDX-License-Identifier: BSD-2-Clause
/* Iterators, forwards and backwards, with node and flag filters. */
#include "harness.h"

#define MAXR 16
struct ranges {
	int n;
	unsigned long long s[MAXR], e[MAXR];
	int nid[MAXR];
};

static void push(struct ranges *r, phys_addr_t s, phys_addr_t e, int nid)
{
	if (r->n < MAXR) {
		r->s[r->n] = s;
		r->e[r->n] = e;
		r->nid[r->n] = nid;
	}
	r->n++;
}

#define CHECK_RANGES(got, ...)						\
	do {								\
		const unsigned long long w_[] = { __VA_ARGS__ };	\
		CHECK_INT((got).n, ARRAY_SIZE(w_) / 2);			\
		for (int k_ = 0; k_ < (got).n && k_ < (int)ARRAY_SIZE(w_) / 2; k_++) { \
			CHECK_EQ((got).s[k_], w_[2 * k_]);		\
			CHECK_EQ((got).e[k_], w_[2 * k_ + 1]);		\
		}							\
	} while (0)

static void setup_map(void)
{
	memblock_add_node(0x10000, 0x10000, 0, MEMBLOCK_NONE);	/* 64K-128K */
	memblock_add_node(0x20000, 0x10000, 1, MEMBLOCK_NONE);	/* 128K-192K */
	memblock_add_node(0x40000, 0x10000, 1, MEMBLOCK_NONE);	/* 256K-320K */
	memblock_mark_nomap(0x44000, 0x4000);
	memblock_add_node(0x60000, 0x8000, 1, MEMBLOCK_DRIVER_MANAGED);
	memblock_reserve(0x0, 0x12000);		/* covers the start */
	memblock_reserve(0x18000, 0x10000);	/* spans nodes 0 and 1 */
	memblock_reserve(0x2c000, 0x1000);
}

static void free_range_forward(void)
{
	struct ranges got = { 0 };
	phys_addr_t s, e;
	int nid;
	u64 i;

	setup_map();
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, &nid)
		push(&got, s, e, nid);
	CHECK_RANGES(got, 0x12000, 0x18000, 0x28000, 0x2c000, 0x2d000, 0x30000,
		     0x40000, 0x44000, 0x48000, 0x50000);
	CHECK_INT(got.nid[0], 0);
	CHECK_INT(got.nid[1], 1);
}

static void free_range_reverse(void)
{
	struct ranges got = { 0 };
	phys_addr_t s, e;
	u64 i;

	setup_map();
	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, NULL)
		push(&got, s, e, 0);
	CHECK_RANGES(got, 0x48000, 0x50000, 0x40000, 0x44000, 0x2d000, 0x30000,
		     0x28000, 0x2c000, 0x12000, 0x18000);
}

static void free_range_node_filter(void)
{
	struct ranges fwd = { 0 }, rev = { 0 };
	phys_addr_t s, e;
	u64 i;

	setup_map();
	for_each_free_mem_range(i, 0, MEMBLOCK_NONE, &s, &e, NULL)
		push(&fwd, s, e, 0);
	CHECK_RANGES(fwd, 0x12000, 0x18000);
	for_each_free_mem_range_reverse(i, 1, MEMBLOCK_NONE, &s, &e, NULL)
		push(&rev, s, e, 0);
	CHECK_RANGES(rev, 0x48000, 0x50000, 0x40000, 0x44000, 0x2d000, 0x30000,
		     0x28000, 0x2c000);
}

static void free_range_flag_filters(void)
{
	struct ranges nomap = { 0 }, dm = { 0 }, mirror = { 0 };
	phys_addr_t s, e;
	u64 i;

	setup_map();
	/* Asking for NOMAP includes NOMAP memory. */
	for_each_free_mem_range(i, 1, MEMBLOCK_NOMAP, &s, &e, NULL)
		push(&nomap, s, e, 0);
	CHECK_RANGES(nomap, 0x28000, 0x2c000, 0x2d000, 0x30000, 0x40000, 0x44000,
		     0x44000, 0x48000, 0x48000, 0x50000);
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_DRIVER_MANAGED, &s, &e, NULL)
		if (s >= 0x60000)
			push(&dm, s, e, 0);
	CHECK_RANGES(dm, 0x60000, 0x68000);
	mirrored_kernelcore = true;
	memblock_mark_mirror(0x26000, 0x6000);	/* partly reserved */
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_MIRROR, &s, &e, NULL)
		push(&mirror, s, e, 0);
	CHECK_RANGES(mirror, 0x28000, 0x2c000);
}

static void free_range_hotplug_and_movable_node(void)
{
	struct ranges a = { 0 }, b = { 0 }, c = { 0 };
	phys_addr_t s, e;
	u64 i;

	memblock_add(0, 0x4000);
	memblock_mark_hotplug(0x2000, 0x2000);
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, NULL)
		push(&a, s, e, 0);
	CHECK_RANGES(a, 0, 0x2000, 0x2000, 0x4000);
	movable_node_enabled = true;
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, NULL)
		push(&b, s, e, 0);
	CHECK_RANGES(b, 0, 0x2000);
	/* for_each_mem_range() asks for hotplug memory explicitly. */
	for_each_mem_range(i, &s, &e)
		push(&c, s, e, 0);
	CHECK_RANGES(c, 0, 0x2000, 0x2000, 0x4000);
}

static void touching_reservations_leave_no_empty_range(void)
{
	struct ranges got = { 0 }, rev = { 0 };
	phys_addr_t s, e;
	u64 i;

	memblock_add(0, 0x10000);
	memblock_reserve(0x2000, 0x2000);
	memblock_reserved_mark_noinit(0x3000, 0x1000);	/* two touching reservations */
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, NULL)
		push(&got, s, e, 0);
	CHECK_RANGES(got, 0, 0x2000, 0x4000, 0x10000);
	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, NULL)
		push(&rev, s, e, 0);
	CHECK_RANGES(rev, 0x4000, 0x10000, 0, 0x2000);
}

static void mem_range_both_directions(void)
{
	struct ranges fwd = { 0 }, rev = { 0 };
	phys_addr_t s, e;
	u64 i;

	setup_map();
	for_each_mem_range(i, &s, &e)
		push(&fwd, s, e, 0);
	/*
	 * Linux 6.12: NOMAP is skipped, DRIVER_MANAGED is visited (the macro
	 * passes MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED); the reservations
	 * do not matter.
	 */
	CHECK_RANGES(fwd, 0x10000, 0x20000, 0x20000, 0x30000, 0x40000, 0x44000,
		     0x48000, 0x50000, 0x60000, 0x68000);
	for_each_mem_range_rev(i, &s, &e)
		push(&rev, s, e, 0);
	CHECK_RANGES(rev, 0x60000, 0x68000, 0x48000, 0x50000, 0x40000, 0x44000,
		     0x20000, 0x30000, 0x10000, 0x20000);
}

static void reserved_ranges_and_regions(void)
{
	struct ranges got = { 0 };
	struct memblock_region *r;
	phys_addr_t s, e;
	int n = 0;
	u64 i;

	setup_map();
	for_each_reserved_mem_range(i, &s, &e)
		push(&got, s, e, 0);
	CHECK_RANGES(got, 0x0, 0x12000, 0x18000, 0x28000, 0x2c000, 0x2d000);
	for_each_reserved_mem_region(r)
		n++;
	CHECK_INT(n, 3);
	n = 0;
	for_each_mem_region(r)
		n++;
	CHECK_INT(n, 6);
}

static void iterators_on_empty(void)
{
	phys_addr_t s, e;
	int n = 0;
	u64 i;

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, NULL)
		n++;
	for_each_free_mem_range_reverse(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, NULL)
		n++;
	for_each_mem_range(i, &s, &e)
		n++;
	for_each_reserved_mem_range(i, NULL, NULL)
		n++;
	CHECK_INT(n, 0);
	/* With memory but nothing reserved, free is all of memory. */
	memblock_add(0x1000, 0x1000);
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &s, &e, NULL) {
		CHECK_EQ(s, 0x1000);
		CHECK_EQ(e, 0x2000);
		n++;
	}
	CHECK_INT(n, 1);
}

static void mem_pfn_range(void)
{
	unsigned long s, e;
	int nid, i, n = 0;

	memblock_add_node(0x800, 0x1000, 0, MEMBLOCK_NONE);	/* no whole page */
	memblock_add_node(0x10800, 0x3000, 0, MEMBLOCK_NONE);	/* pfns 0x11..0x13 */
	memblock_add_node(0x20000, 0x2000, 1, MEMBLOCK_NOMAP);	/* NOMAP included */
	for_each_mem_pfn_range(i, MAX_NUMNODES, &s, &e, &nid) {
		if (n == 0) {
			CHECK_EQ(s, 0x11);
			CHECK_EQ(e, 0x13);
			CHECK_INT(nid, 0);
		} else {
			CHECK_EQ(s, 0x20);
			CHECK_EQ(e, 0x22);
			CHECK_INT(nid, 1);
		}
		n++;
	}
	CHECK_INT(n, 2);
	n = 0;
	for_each_mem_pfn_range(i, 1, &s, &e, NULL)
		n++;
	CHECK_INT(n, 1);
	n = 0;
	for_each_mem_pfn_range(i, NUMA_NO_NODE, NULL, NULL, NULL)
		n++;
	CHECK_INT(n, 2);
}

static void physmem_range(void)
{
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	struct ranges got = { 0 };
	phys_addr_t s, e;
	u64 i;

	memblock_physmem_add(0, 0x100000);
	memblock_add(0, 0x80000);	/* mem= cut the rest off */
	for_each_physmem_range(i, &memblock.memory, &s, &e)
		push(&got, s, e, 0);
	CHECK_RANGES(got, 0x80000, 0x100000);
	got.n = 0;
	for_each_physmem_range(i, NULL, &s, &e)
		push(&got, s, e, 0);
	CHECK_RANGES(got, 0, 0x100000);
#endif
}

static void cursor_encoding(void)
{
	phys_addr_t s, e;
	u64 i = 0;

	setup_map();
	/* The cursor starts at 0 and ends at ULLONG_MAX, as in Linux. */
	__next_mem_range(&i, NUMA_NO_NODE, MEMBLOCK_NONE, &memblock.memory,
			 &memblock.reserved, &s, &e, NULL);
	CHECK(i != 0 && i != ULLONG_MAX);
	CHECK_EQ(s, 0x12000);
	i = ULLONG_MAX;
	__next_mem_range_rev(&i, NUMA_NO_NODE, MEMBLOCK_NONE, &memblock.memory,
			     &memblock.reserved, &s, &e, NULL);
	CHECK_EQ(s, 0x48000);
	CHECK(i != ULLONG_MAX);
}

static const struct test_case cases[] = {
	TEST_CASE(free_range_forward),
	TEST_CASE(free_range_reverse),
	TEST_CASE(free_range_node_filter),
	TEST_CASE(free_range_flag_filters),
	TEST_CASE(free_range_hotplug_and_movable_node),
	TEST_CASE(touching_reservations_leave_no_empty_range),
	TEST_CASE(mem_range_both_directions),
	TEST_CASE(reserved_ranges_and_regions),
	TEST_CASE(iterators_on_empty),
	TEST_CASE(mem_pfn_range),
	TEST_CASE(physmem_range),
	TEST_CASE(cursor_encoding),
};
TAP_MAIN(cases)
