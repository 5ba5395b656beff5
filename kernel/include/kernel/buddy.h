/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The buddy page allocator: free memory as naturally aligned blocks of
 * 2^order pages, order 0..MAX_ORDER, one set of free lists per node. A
 * block is split on allocation when no block of the asked order is free,
 * and merged with its buddy (the other half of the block of the next order)
 * when both are free. Page frames are named by pfn.
 */
#ifndef KERNEL_BUDDY_H
#define KERNEL_BUDDY_H

#include <stddef.h>
#include <kernel/page.h>

/* "No page": what alloc_pages() returns on failure. */
#define PFN_NONE	(~0UL)

/* Nodes the allocator keeps lists for: node ids 0..BUDDY_NODES-1. */
#define BUDDY_NODES	MAX_NUMNODES

/**
 * struct free_area - the free blocks of one order on one node
 * @head: first block (its first page), NULL when empty
 * @nr_free: number of blocks on the list
 */
struct free_area {
	struct page *head;
	unsigned long nr_free;
};

/**
 * struct buddy_node - a node's free lists and counters
 * @free_area: free blocks, by order
 * @free_pages: pages in all free blocks
 * @managed_pages: pages ever handed to the allocator by boot code
 *	(memblock_free_all(), memblock_free_late(), memblock_discard())
 */
struct buddy_node {
	struct free_area free_area[MAX_ORDER + 1];
	unsigned long free_pages;
	unsigned long managed_pages;
};

extern struct buddy_node buddy_nodes[BUDDY_NODES];

/**
 * buddy_init - empty every free list
 *
 * Call before the first page is released (mm_init() does).
 */
void buddy_init(void);

/**
 * alloc_pages - allocate a block of 2^@order pages
 * @order: 0..MAX_ORDER
 * @nid: preferred node, or NUMA_NO_NODE for any
 *
 * Takes the smallest free block of at least @order on @nid, splitting it
 * and putting the unused halves back; when @nid has none, the other nodes
 * are tried in order of node id.
 *
 * Return: the first pfn of the block (aligned to 2^@order), or PFN_NONE
 * when no node has a block that large, @order > MAX_ORDER, or @nid is
 * neither NUMA_NO_NODE nor a node id below BUDDY_NODES.
 */
unsigned long alloc_pages(unsigned int order, int nid);

/**
 * free_pages - give a block of 2^@order pages back
 * @pfn: first page frame of the block (aligned to 2^@order)
 * @order: 0..MAX_ORDER
 *
 * The block goes back to its node and is merged with its buddy as long as
 * the buddy is a free block of the same order in the same range. A block
 * obtained from alloc_pages() may be freed whole or in aligned parts.
 *
 * Return: 0, or -EINVAL (nothing changes) when @order > MAX_ORDER, @pfn is
 * not aligned, the block is not inside one pfn range, its first page is
 * reserved, or its first page is already free (double free).
 */
int free_pages(unsigned long pfn, unsigned int order);

/**
 * buddy_release_boot_pages - take a block of boot memory
 * @pfn: first page frame of the block (aligned to 2^@order)
 * @order: 0..MAX_ORDER
 *
 * free_pages() for memory coming from memblock: what
 * memblock_env_free_pages() calls. The block counts as managed. When its
 * first page is reserved (a reservation given back by memblock_free_late()
 * or memblock_discard()), every page of the block loses PG_reserved; when
 * it is not (memblock_free_all()), no page is touched beyond the first,
 * so the hand-off does no per-page work.
 *
 * Return: as free_pages(), except that a reserved first page is accepted.
 */
int buddy_release_boot_pages(unsigned long pfn, unsigned int order);

/**
 * buddy_free_count - free pages on all nodes
 *
 * Return: the sum of every node's free_pages.
 */
unsigned long buddy_free_count(void);

/**
 * buddy_managed_count - pages handed to the allocator on all nodes
 *
 * Return: the sum of every node's managed_pages.
 */
unsigned long buddy_managed_count(void);

/**
 * buddy_format_info - one node's line of /proc/buddyinfo
 * @nid: node id
 * @buf: output buffer
 * @size: size of @buf
 *
 * "Node 0, zone   Normal      1      0 ...": the number of free blocks of
 * each order, 0 to MAX_ORDER, as Linux prints it (without the trailing
 * space).
 *
 * Return: the length of the line (it is cut to fit @buf).
 */
int buddy_format_info(int nid, char *buf, size_t size);

/**
 * buddy_print_info - print /proc/buddyinfo
 *
 * One line per node that has managed pages, through printk().
 */
void buddy_print_info(void);

/**
 * buddy_check - check the allocator's invariants
 * @why: set to a description of the first violation (may be NULL)
 * @size: size of @why
 *
 * Every free block: first page flagged PG_buddy with the list's order,
 * aligned to its size, inside one range of its node, no page reserved, no
 * page in another free block, not mergeable with its buddy (coalescing is
 * complete); the lists are well linked and their lengths are nr_free; the
 * pages in them add up to free_pages; no page outside them is PG_buddy.
 * Costs one pass over every page.
 *
 * Return: true when every invariant holds.
 */
bool buddy_check(char *why, size_t size);

#endif
