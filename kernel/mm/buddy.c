// SPDX-License-Identifier: BSD-2-Clause
/*
 * The buddy allocator (see <kernel/buddy.h>): allocation splits, freeing
 * merges. Every operation costs O(MAX_ORDER), whatever the block size: the
 * free lists are doubly linked through the first page of each block, so a
 * buddy leaves its list in O(1) when it merges.
 */
#include <kernel/kernel.h>
#include <kernel/buddy.h>

struct buddy_node buddy_nodes[BUDDY_NODES];

void buddy_init(void)
{
	for (unsigned int n = 0; n < BUDDY_NODES; n++) {
		struct buddy_node *node = &buddy_nodes[n];

		for (unsigned int o = 0; o <= MAX_ORDER; o++) {
			node->free_area[o].head = NULL;
			node->free_area[o].nr_free = 0;
		}
		node->free_pages = 0;
		node->managed_pages = 0;
	}
}

static void area_add(struct free_area *area, struct page *p)
{
	p->prev = NULL;
	p->next = area->head;
	if (area->head)
		area->head->prev = p;
	area->head = p;
	area->nr_free++;
}

static void area_del(struct free_area *area, struct page *p)
{
	if (p->prev)
		p->prev->next = p->next;
	else
		area->head = p->next;
	if (p->next)
		p->next->prev = p->prev;
	p->next = p->prev = NULL;
	area->nr_free--;
}

static void add_block(struct buddy_node *node, struct page *p,
		      unsigned int order)
{
	p->flags |= PG_buddy;
	p->order = (uint8_t)order;
	area_add(&node->free_area[order], p);
}

/* Take a block of 2^@order pages from @node, or return NULL. */
static struct page *take_block(struct buddy_node *node, unsigned int order)
{
	unsigned int o = order;
	struct page *p;

	while (o <= MAX_ORDER && !node->free_area[o].head)
		o++;
	if (o > MAX_ORDER)
		return NULL;
	p = node->free_area[o].head;
	area_del(&node->free_area[o], p);
	p->flags &= ~PG_buddy;
	/* Keep the lowest part, give the upper halves back. */
	while (o > order) {
		o--;
		add_block(node, p + (1UL << o), o);
	}
	node->free_pages -= 1UL << order;
	return p;
}

unsigned long alloc_pages(unsigned int order, int nid)
{
	struct page *p = NULL;

	if (order > MAX_ORDER)
		return PFN_NONE;
	if (nid != NUMA_NO_NODE) {
		if (nid < 0 || nid >= BUDDY_NODES)
			return PFN_NONE;
		p = take_block(&buddy_nodes[nid], order);
	}
	for (int n = 0; !p && n < BUDDY_NODES; n++)
		if (buddy_nodes[n].free_pages >= 1UL << order)
			p = take_block(&buddy_nodes[n], order);
	return p ? page_to_pfn(p) : PFN_NONE;
}

/*
 * Is @pfn inside a free block? A free block of order o holding @pfn starts
 * at @pfn rounded down to 2^o, so one look per order is enough.
 */
static bool in_free_block(const struct mm_range *r, unsigned long pfn)
{
	for (unsigned int o = 0; o <= MAX_ORDER; o++) {
		unsigned long head = pfn & ~((1UL << o) - 1);
		const struct page *p;

		if (head < r->start_pfn)
			break;
		p = &r->map[head - r->start_pfn];
		if ((p->flags & PG_buddy) && p->order >= o)
			return true;
	}
	return false;
}

/* The first page of a block that may be freed, or NULL for a bad one. */
static struct page *block_page(unsigned long pfn, unsigned int order,
			       struct mm_range **rp)
{
	unsigned long nr = 1UL << order;
	struct mm_range *r;

	if (order > MAX_ORDER || (pfn & (nr - 1)))
		return NULL;
	r = pfn_to_range(pfn);
	if (!r || nr > r->end_pfn - pfn)
		return NULL;
	*rp = r;
	return &r->map[pfn - r->start_pfn];
}

static int free_block(unsigned long pfn, unsigned int order, bool boot)
{
	struct buddy_node *node;
	struct mm_range *r;
	struct page *p = block_page(pfn, order, &r);

	if (!p || (p->flags & PG_reserved) || in_free_block(r, pfn))
		return -EINVAL;

	node = &buddy_nodes[r->nid];
	node->free_pages += 1UL << order;
	if (boot)
		node->managed_pages += 1UL << order;
	/* Merge while the buddy is a whole free block of the same order. */
	while (order < MAX_ORDER) {
		unsigned long buddy = pfn ^ (1UL << order);
		struct page *b;

		if (buddy < r->start_pfn || buddy >= r->end_pfn)
			break;
		b = &r->map[buddy - r->start_pfn];
		if (!(b->flags & PG_buddy) || b->order != order)
			break;
		area_del(&node->free_area[order], b);
		b->flags &= ~PG_buddy;
		pfn &= ~(1UL << order);
		order++;
	}
	add_block(node, &r->map[pfn - r->start_pfn], order);
	return 0;
}

int free_pages(unsigned long pfn, unsigned int order)
{
	return free_block(pfn, order, false);
}

int buddy_release_boot_pages(unsigned long pfn, unsigned int order)
{
	struct mm_range *r;
	struct page *p = block_page(pfn, order, &r);

	if (!p)
		return -EINVAL;
	/*
	 * memblock_free_all() never releases reserved pages, so its blocks
	 * cost nothing here. memblock_free_late() and memblock_discard()
	 * release reservations: their pages lose the mark, page by page.
	 */
	if (p->flags & PG_reserved)
		for (unsigned long k = 0; k < 1UL << order; k++)
			p[k].flags &= ~PG_reserved;
	return free_block(pfn, order, true);
}
