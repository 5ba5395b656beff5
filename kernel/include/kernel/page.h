/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The page frame database: one struct page per page frame of memory.
 *
 * Memory is cut into pfn ranges: the whole pages of maximal runs of
 * touching memblock memory regions of one node (NOMAP ones included).
 * Regions are joined before rounding to pages, so a page split between two
 * regions that differ only in flags still has a struct page (the hand-off
 * clears HOTPLUG, after which memblock may merge them and release it). Each range has its own array
 * of struct page, allocated from memblock on the range's node. Holes, even
 * the terabyte-sized ones of sparse machines, cost nothing; a pfn is found
 * by binary search over the ranges, a page's pfn from its range index.
 */
#ifndef KERNEL_PAGE_H
#define KERNEL_PAGE_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/memblock.h>

/* Page flags. */
#define PG_reserved	0x1	/* never handed to the buddy allocator */
#define PG_buddy	0x2	/* first page of a free buddy block */
#define PG_checked	0x4	/* seen by buddy_check(), cleared before it returns */

/**
 * struct page - one page frame
 * @next: next free block of the same order and node (PG_buddy pages only)
 * @prev: previous free block, NULL for the first of its list
 * @range: index in mm_ranges[] of the range holding the page
 * @flags: PG_* bits
 * @order: order of the free block this page heads (PG_buddy pages only)
 */
struct page {
	struct page *next, *prev;
	uint32_t range;
	uint16_t flags;
	uint8_t order;
};

/**
 * struct mm_range - a run of page frames without holes, on one node
 * @start_pfn: first page frame
 * @end_pfn: page frame just past the last one
 * @first: number of pages in all ranges before this one (a dense index of
 *	present pages, for bitmaps over them)
 * @map: the struct page of @start_pfn; map[pfn - start_pfn] for the others
 * @nid: node of the pages (0 for memory memblock put on no node)
 */
struct mm_range {
	unsigned long start_pfn, end_pfn;
	unsigned long first;
	struct page *map;
	int nid;
};

/* The ranges, sorted by pfn; set up by memmap_init(). */
extern struct mm_range *mm_ranges;
extern unsigned int mm_nr_ranges;
/* Pages in all ranges. */
extern unsigned long mm_present_pages;

/**
 * memmap_init - build the page frame database from memblock
 *
 * Before the hand-off: finds the pfn ranges (for_each_mem_region()),
 * allocates each range's struct page array from memblock on its node
 * (falling back to any node, with a message), and initialises every page:
 * not reserved, not free. Panics when memblock cannot provide an array.
 * Calling it again starts over (for tests; the memory of the previous
 * arrays is not given back).
 *
 * Return: the number of pages described.
 */
unsigned long memmap_init(void);

/**
 * memmap_reserve_boot_pages - mark what the page allocator must not manage
 *
 * Sets PG_reserved on the pages of every memblock reservation not marked
 * MEMBLOCK_RSRV_NOINIT (rounded out to whole pages: a page partly reserved
 * is reserved) and of every NOMAP memory region. Call after memmap_init()
 * and just before memblock_free_all(). Pages of RSRV_NOINIT reservations
 * are left as memmap_init() made them, for their owner to set up.
 *
 * Return: the number of pages marked (each counted once).
 */
unsigned long memmap_reserve_boot_pages(void);

/**
 * pfn_to_range - find the range holding a page frame
 * @pfn: page frame number
 *
 * Return: the range, or NULL when @pfn has no struct page.
 */
struct mm_range *pfn_to_range(unsigned long pfn);

/**
 * pfn_to_page - find the struct page of a page frame
 * @pfn: page frame number
 *
 * Return: the page, or NULL when @pfn has no struct page.
 */
struct page *pfn_to_page(unsigned long pfn);

/**
 * page_to_pfn - page frame number of a struct page
 * @page: a page of the page frame database
 *
 * Return: its page frame number.
 */
static inline unsigned long page_to_pfn(const struct page *page)
{
	const struct mm_range *r = &mm_ranges[page->range];

	return r->start_pfn + (unsigned long)(page - r->map);
}

/**
 * pfn_valid - does a page frame have a struct page?
 * @pfn: page frame number
 *
 * Return: true if @pfn lies in a pfn range.
 */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn_to_range(pfn) != NULL;
}

#endif
