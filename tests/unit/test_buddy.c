// SPDX-License-Identifier: BSD-2-Clause
/*
 * The page frame database and the buddy allocator (kernel/mm/), fed by
 * memblock_free_all() through the harness: exact blocks, buddyinfo lines,
 * split and merge, node fallback, bad frees, the consistency check catching
 * corruption, and a random alloc/free run.
 */
#include <stdlib.h>
#include "harness.h"
#include <kernel/buddy.h>

static void to_buddy(unsigned long pfn, unsigned int order)
{
	if (buddy_release_boot_pages(pfn, order))
		tap_fail(__FILE__, __LINE__, "buddy refused pfn %#lx order %u",
			 pfn, order);
}

/* memmap, reserved marks, hand-off: what mm_init() does, minus the proof. */
static unsigned long boot(void)
{
	test_free_pages_hook = to_buddy;
	memmap_init();
	memmap_reserve_boot_pages();
	buddy_init();
	return free_all_count();
}

static void expect_check(void)
{
	char why[160];

	if (!buddy_check(why, sizeof(why)))
		tap_fail(__FILE__, __LINE__, "buddy_check: %s", why);
}

static void info(int nid, char *buf)
{
	buddy_format_info(nid, buf, 128);
}

/*
 * Node 0: [0x1000, 0x9000); node 1: [1 MiB, 2 MiB). Top-down allocation
 * puts node 1's struct pages (6 KiB) and the range table (80 bytes) at
 * the top of node 1, node 0's struct pages (192 bytes) at the top of
 * node 0.
 */
static unsigned long two_nodes(void)
{
	CHECK_INT(memblock_add_node(0x1000, 0x8000, 0, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add_node(SZ_1M, SZ_1M, 1, MEMBLOCK_NONE), 0);
	return boot();
}

static void two_nodes_exact(void)
{
	char line[128];

	CHECK_EQ(two_nodes(), 7 + 254);
	CHECK_INT(mm_nr_ranges, 2);
	CHECK_EQ(mm_ranges[0].start_pfn, 1);
	CHECK_EQ(mm_ranges[0].end_pfn, 9);
	CHECK_EQ(mm_ranges[1].start_pfn, 0x100);
	CHECK_EQ(mm_ranges[1].end_pfn, 0x200);
	CHECK_EQ(mm_ranges[1].first, 8);
	CHECK_EQ(mm_present_pages, 8 + 256);
	CHECK_EQ(test_virt_to_phys(mm_ranges[0].map), 0x9000 - 8 * sizeof(struct page));
	EXPECT_TYPE(&memblock.reserved, R(0x9000 - 192, 192),
		    R(0x1fe780, 0x1800 + 0x50));
	CHECK_EQ(test_freed_cnt, 10);
	info(0, line);
	CHECK_STR(line, "Node 0, zone   Normal      1      1      1      0      0      0      0      0      0      0      0");
	info(1, line);
	CHECK_STR(line, "Node 1, zone   Normal      0      1      1      1      1      1      1      1      0      0      0");
	CHECK_EQ(buddy_nodes[0].free_pages, 7);
	CHECK_EQ(buddy_nodes[1].free_pages, 254);
	CHECK_EQ(buddy_managed_count(), 261);
	/* Reserved: the pages under the struct page arrays; pfn 8 partly. */
	CHECK(pfn_to_page(8)->flags & PG_reserved);
	CHECK(pfn_to_page(0x1fe)->flags & PG_reserved);
	CHECK(!(pfn_to_page(7)->flags & PG_reserved));
	CHECK(pfn_to_page(0) == NULL);
	CHECK(pfn_to_page(0x200) == NULL);
	CHECK(!pfn_valid(0x50));
	expect_check();

	buddy_print_info();
	CHECK_INT(test_console_lines, 2);
	CHECK_STR(test_console[1], "Node 1, zone   Normal      0      1      1      1      1      1      1      1      0      0      0");
}

static void split_and_merge(void)
{
	char line[128];

	two_nodes();
	CHECK_EQ(alloc_pages(0, 0), 1);	/* the order-0 block */
	CHECK_EQ(alloc_pages(0, 0), 2);	/* splits 2-3 */
	CHECK_EQ(alloc_pages(0, 0), 3);
	CHECK_EQ(alloc_pages(0, 0), 4);	/* splits 4-7: 6-7 and 5 go back */
	info(0, line);
	CHECK_STR(line, "Node 0, zone   Normal      1      1      0      0      0      0      0      0      0      0      0");
	CHECK_EQ(buddy_nodes[0].free_pages, 3);
	expect_check();

	CHECK_INT(free_pages(1, 0), 0);	/* buddy 0 has no page */
	CHECK_INT(free_pages(2, 0), 0);	/* buddy 3 is in use */
	info(0, line);
	CHECK_STR(line, "Node 0, zone   Normal      3      1      0      0      0      0      0      0      0      0      0");
	CHECK_INT(free_pages(3, 0), 0);	/* merges with 2 */
	CHECK_INT(free_pages(4, 0), 0);	/* with 5, then with 6-7 */
	info(0, line);
	CHECK_STR(line, "Node 0, zone   Normal      1      1      1      0      0      0      0      0      0      0      0");
	CHECK_EQ(buddy_nodes[0].free_pages, 7);
	expect_check();
}

static void node_fallback_and_bad_requests(void)
{
	two_nodes();
	/* Node 0 has nothing of order 3: node 1's order-3 block. */
	CHECK_EQ(alloc_pages(3, 0), 0x1f0);
	/* Smallest fitting block first. */
	CHECK_EQ(alloc_pages(2, 1), 0x1f8);
	CHECK_EQ(alloc_pages(8, NUMA_NO_NODE), PFN_NONE);
	CHECK_EQ(alloc_pages(MAX_ORDER + 1, NUMA_NO_NODE), PFN_NONE);
	CHECK_EQ(alloc_pages(0, BUDDY_NODES), PFN_NONE);
	CHECK_EQ(alloc_pages(0, -5), PFN_NONE);
	CHECK_EQ(alloc_pages(7, 1), 0x100);
	CHECK_EQ(alloc_pages(7, NUMA_NO_NODE), PFN_NONE);
	CHECK_EQ(alloc_pages(1, 1), 0x1fc);
	CHECK_EQ(alloc_pages(2, 1), 0x1e0);	/* splits 0x1e0 order 4 */
	CHECK_EQ(buddy_nodes[1].free_area[3].nr_free, 1);	/* 0x1e8 */
	CHECK_EQ(buddy_nodes[1].free_area[2].nr_free, 1);	/* 0x1e4 */
	CHECK_EQ(buddy_free_count(), 261 - 8 - 4 - 128 - 2 - 4);
	expect_check();
}

static void bad_frees_change_nothing(void)
{
	unsigned long free;

	two_nodes();
	CHECK_EQ(alloc_pages(3, 1), 0x1f0);
	free = buddy_free_count();
	CHECK_INT(free_pages(0x1f1, 0) == 0, 1);	/* a part of a used block is fine */
	CHECK_INT(free_pages(0x1f1, 0), -EINVAL);	/* ... once */
	CHECK_INT(free_pages(0x1f2, 1), 0);
	CHECK_INT(free_pages(0x1f3, 0), -EINVAL);	/* inside a free block */
	CHECK_INT(free_pages(0x1f4, 3), -EINVAL);	/* misaligned */
	CHECK_INT(free_pages(0x50, 0), -EINVAL);	/* no struct page */
	CHECK_INT(free_pages(0x1ff, 0), -EINVAL);	/* reserved */
	CHECK_INT(free_pages(0x100, 0), -EINVAL);	/* already free */
	CHECK_INT(free_pages(0x110, 2), -EINVAL);	/* inside free 0x100 order 7 */
	CHECK_INT(free_pages(8, 3), -EINVAL);	/* runs past its range */
	CHECK_INT(free_pages(0x1f0, MAX_ORDER + 1), -EINVAL);
	CHECK_EQ(buddy_free_count(), free + 3);
	expect_check();
	CHECK_INT(free_pages(0x1f0, 0), 0);
	CHECK_INT(free_pages(0x1f4, 2), 0);
	CHECK_EQ(buddy_free_count(), 261);
	CHECK_EQ(buddy_nodes[1].free_area[3].nr_free, 1);	/* merged back */
	expect_check();
}

static void check_catches_corruption(void)
{
	char why[160];
	struct page *p;
	unsigned long saved;

	two_nodes();
	CHECK_EQ(alloc_pages(0, 1), 0x1fc);	/* 0x1fd goes back */
	expect_check();

	p = pfn_to_page(0x1fc);	/* a used page that claims to be free */
	p->flags |= PG_buddy;
	CHECK(!buddy_check(why, sizeof(why)));
	CHECK(strstr(why, "PG_buddy") != NULL);
	p->flags &= ~PG_buddy;

	saved = buddy_nodes[1].free_area[7].nr_free++;
	CHECK(!buddy_check(why, sizeof(why)));
	CHECK(strstr(why, "nr_free") != NULL);
	buddy_nodes[1].free_area[7].nr_free = saved;

	p = pfn_to_page(0x120);	/* inside the free block 0x100 order 7 */
	p->flags |= PG_reserved;
	CHECK(!buddy_check(why, sizeof(why)));
	CHECK(strstr(why, "reserved pfn 0x120") != NULL);
	p->flags &= ~PG_reserved;

	p = pfn_to_page(0x180);	/* order 6 head claims order 7 */
	p->order = 7;
	CHECK(!buddy_check(why, sizeof(why)));
	p->order = 6;

	buddy_nodes[1].free_pages--;
	CHECK(!buddy_check(why, sizeof(why)));
	CHECK(strstr(why, "free_pages") != NULL);
	buddy_nodes[1].free_pages++;

	/* A free page that was never merged with its free buddy. */
	CHECK_INT(free_pages(0x1fc, 0), 0);
	CHECK_EQ(alloc_pages(0, 1), 0x1fc);
	p = pfn_to_page(0x1fc);
	p->flags |= PG_buddy;
	p->order = 0;
	p->next = buddy_nodes[1].free_area[0].head;
	p->prev = NULL;
	buddy_nodes[1].free_area[0].head->prev = p;
	buddy_nodes[1].free_area[0].head = p;
	buddy_nodes[1].free_area[0].nr_free++;
	buddy_nodes[1].free_pages++;
	CHECK(!buddy_check(why, sizeof(why)));
	CHECK(strstr(why, "not merged") != NULL);
	/* The marks buddy_check() leaves behind are all cleared. */
	for (unsigned long pfn = 0x100; pfn < 0x200; pfn++)
		CHECK(!(pfn_to_page(pfn)->flags & PG_checked));
}

static void free_late_clears_reserved(void)
{
	CHECK_INT(memblock_add_node(SZ_1M, SZ_1M, 1, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_reserve(SZ_1M, 0x4000), 0);
	CHECK_EQ(boot(), 256 - 2 - 4);
	CHECK(pfn_to_page(0x101)->flags & PG_reserved);
	memblock_free_late(SZ_1M, 0x4000);
	CHECK(!(pfn_to_page(0x101)->flags & PG_reserved));
	CHECK_EQ(buddy_free_count(), 254);
	CHECK_EQ(buddy_managed_count(), 254);
	CHECK_EQ(buddy_nodes[1].free_area[7].nr_free, 1);	/* 0x100 merged */
	expect_check();
}

/* ---- random run ---- */

static unsigned long long rng = 0x600d;

static unsigned long rnd(unsigned long n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)((rng >> 33) % n);
}

struct used {
	unsigned long pfn;
	unsigned int order;
};

static void random_alloc_free(void)
{
	static struct used used[20000];
	static unsigned char owner[0x4000];	/* pfns below 64 MiB */
	unsigned long released, nused = 0, start[3][MAX_ORDER + 1];

	CHECK_INT(memblock_add_node(0x3000, 0x7fd000, 0, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add_node(SZ_16M, SZ_16M, 1, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_add_node(0x2000000 + 0x5000, 0x1000000, 2, MEMBLOCK_NONE), 0);
	CHECK_INT(memblock_reserve(0x123456, 0x54321), 0);
	CHECK_INT(memblock_mark_nomap(0x1800000, 0x80000), 0);
	released = boot();
	CHECK_EQ(buddy_free_count(), released);
	for (int n = 0; n < 3; n++)
		for (unsigned int o = 0; o <= MAX_ORDER; o++)
			start[n][o] = buddy_nodes[n].free_area[o].nr_free;
	memset(owner, 0, sizeof(owner));

	for (int step = 0; step < 60000 && !tap_failures(); step++) {
		if (nused < ARRAY_SIZE(used) && (rnd(3) || !nused)) {
			unsigned int order = (unsigned int)rnd(MAX_ORDER + 1);
			int nid = (int)rnd(4) - 1;
			unsigned long pfn = alloc_pages(order, nid);

			if (pfn == PFN_NONE)
				continue;
			CHECK_EQ(pfn & ((1UL << order) - 1), 0);
			for (unsigned long k = 0; k < 1UL << order; k++) {
				CHECK(pfn + k < ARRAY_SIZE(owner));
				CHECK(!owner[pfn + k]);
				CHECK(!(pfn_to_page(pfn + k)->flags & PG_reserved));
				owner[pfn + k] = 1;
			}
			used[nused++] = (struct used){ pfn, order };
		} else {
			unsigned long i = rnd(nused);

			for (unsigned long k = 0; k < 1UL << used[i].order; k++)
				owner[used[i].pfn + k] = 0;
			CHECK_INT(free_pages(used[i].pfn, used[i].order), 0);
			used[i] = used[--nused];
		}
		if (step % 5000 == 0)
			expect_check();
	}
	while (nused) {
		nused--;
		CHECK_INT(free_pages(used[nused].pfn, used[nused].order), 0);
	}
	CHECK_EQ(buddy_free_count(), released);
	for (int n = 0; n < 3; n++)
		for (unsigned int o = 0; o <= MAX_ORDER; o++)
			CHECK_EQ(buddy_nodes[n].free_area[o].nr_free, start[n][o]);
	expect_check();
}

static const struct test_case cases[] = {
	TEST_CASE(two_nodes_exact),
	TEST_CASE(split_and_merge),
	TEST_CASE(node_fallback_and_bad_requests),
	TEST_CASE(bad_frees_change_nothing),
	TEST_CASE(check_catches_corruption),
	TEST_CASE(free_late_clears_reserved),
	TEST_CASE(random_alloc_free),
};

TAP_MAIN(cases)
