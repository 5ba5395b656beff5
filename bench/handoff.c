// SPDX-License-Identifier: BSD-2-Clause
/*
 * The hand-off: memblock_free_all() of a simulated 64 GiB, four-node map,
 * against the floor any page allocator pays.
 *
 * The map: the q35 low ranges plus [4 GiB, 66 GiB), four nodes of 16 GiB,
 * the usual boot reservations, 256 scattered firmware reservations (some
 * not page aligned) and the struct page array itself, allocated from
 * memblock as a kernel does. A struct page here is 24 bytes: flags, a free
 * list link and refcount/order.
 *
 * The floor: whatever a page allocator does with the blocks, it must at
 * least initialise the struct page of every page it receives (Linux's
 * __free_pages_core() clears PG_reserved and the refcount of each page).
 * So the floor is init_pages() over as many struct pages as memblock
 * releases, in one call. The hand-off hook does exactly that for each
 * block, then marks its head page and pushes it on a free list of its
 * order: the smallest real buddy allocator. Three runs:
 *
 *   page-floor       init_pages() over the released page count (the floor)
 *   free-all         memblock_free_all() with that hook (total hand-off)
 *   free-all-count   memblock_free_all() with a hook that only counts:
 *                    memblock's own share
 *
 * N is the memory size in GiB (64 in the table, smaller in the smoke test).
 */
#include <stdlib.h>
#include "bench.h"

struct bench_page {
	unsigned long flags;
	unsigned long next;		/* free list link (a pfn) */
	unsigned int refcount;
	unsigned int order;
};

#define PG_RESERVED	0x1UL
#define PG_BUDDY	0x2UL
#define NODES		4

static struct bench_page *mem_map;
static unsigned long free_head[MAX_ORDER + 1], free_blocks;

/* What every page allocator does to each page it receives. */
__attribute__((noinline)) static void init_pages(struct bench_page *p,
						 unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		p[i].flags &= ~PG_RESERVED;
		p[i].refcount = 0;
	}
}

static void buddy_free_pages(unsigned long pfn, unsigned int order)
{
	struct bench_page *head = &mem_map[pfn];

	init_pages(head, 1UL << order);
	head->flags |= PG_BUDDY;
	head->order = order;
	head->next = free_head[order];
	free_head[order] = pfn;
	free_blocks++;
	bench_freed_pages += 1UL << order;
}

/* The map of @gib GiB of memory; returns its highest pfn + 1. */
static unsigned long build_map(unsigned long gib)
{
	phys_addr_t high_end = (4 + gib - 2) * SZ_1G, node_size;
	unsigned long pfns = (unsigned long)(high_end >> PAGE_SHIFT);

	/* The page array and grown arrays go at the top of memory. */
	bench_phys_window(high_end > 16 * SZ_1G ? high_end - 16 * SZ_1G : 0);
	memblock_allow_resize();
	memblock_add(0, 0x9fc00);
	memblock_add(SZ_1M, 2 * SZ_1G - SZ_1M);
	memblock_add(4 * SZ_1G, high_end - 4 * SZ_1G);
	node_size = high_end / NODES;
	for (int nid = 0; nid < NODES; nid++)
		memblock_set_node(nid * node_size, node_size, &memblock.memory,
				  nid);
	memblock_reserve(0, SZ_4K);
	memblock_reserve(16 * SZ_1M, 32 * SZ_1M);
	memblock_reserve(0x7f000000, 8 * SZ_1M);
	bench_srand(64);	/* the same map for all three runs */
	for (int i = 0; i < 256; i++)
		memblock_reserve(bench_rand_below(high_end) & ~0x3fULL,
				 64 + bench_rand_below(64 * 1024));
	mem_map = memblock_alloc_raw((phys_addr_t)pfns * sizeof(*mem_map),
				     SZ_4K);
	if (!mem_map)
		return 0;
	/* The memory map setup: every page starts reserved. */
	for (unsigned long pfn = 0; pfn < pfns; pfn++)
		mem_map[pfn] = (struct bench_page){ .flags = PG_RESERVED,
						    .refcount = 1 };
	return pfns;
}

static int run_free_all(unsigned long n)
{
	unsigned long released;

	if (!build_map(n))
		return bench_fail("free-all: no memory for the page array");
	bench_free_pages_hook = buddy_free_pages;
	bench_begin();
	released = memblock_free_all_released();
	memblock_free_all();	/* void in Linux 6.12 */
	released = memblock_free_all_released() - released;
	bench_end("free-all", n, released);
	if (released != bench_freed_pages || !released)
		return bench_fail("free-all: returned %lu, hook saw %lu pages",
				  released, bench_freed_pages);
	return 0;
}

static int run_free_all_count(unsigned long n)
{
	unsigned long released;

	if (!build_map(n))
		return bench_fail("free-all-count: no memory for the page array");
	bench_begin();
	released = memblock_free_all_released();
	memblock_free_all();	/* void in Linux 6.12 */
	released = memblock_free_all_released() - released;
	bench_end("free-all-count", n, released);
	if (released != bench_freed_pages || !released)
		return bench_fail("free-all-count: returned %lu, hook saw %lu pages",
				  released, bench_freed_pages);
	return 0;
}

static int run_page_floor(unsigned long n)
{
	unsigned long released;

	if (!build_map(n))
		return bench_fail("page-floor: no memory for the page array");
	released = memblock_free_all_released();
	memblock_free_all();	/* void in Linux 6.12 */
	released = memblock_free_all_released() - released;
	bench_begin();
	init_pages(mem_map, released);
	bench_end("page-floor", n, released);
	if (mem_map[released - 1].flags & PG_RESERVED)
		return bench_fail("page-floor: pages not written");
	return 0;
}

const struct bench bench_free_all = {
	.name = "free-all",
	.what = "memblock_free_all, hook initialises struct pages + free lists",
	.smoke_n = 4,
	.run = run_free_all,
};

const struct bench bench_free_all_count = {
	.name = "free-all-count",
	.what = "memblock_free_all, hook only counts (memblock's own share)",
	.smoke_n = 4,
	.run = run_free_all_count,
};

const struct bench bench_page_floor = {
	.name = "page-floor",
	.what = "init_pages over the released page count (the floor)",
	.smoke_n = 4,
	.run = run_page_floor,
};
