// SPDX-License-Identifier: BSD-2-Clause
/*
 * Looking at the buddy allocator: counters, /proc/buddyinfo lines and the
 * consistency check. Nothing here changes the free lists.
 */
#include <kernel/kernel.h>
#include <kernel/buddy.h>

unsigned long buddy_free_count(void)
{
	unsigned long sum = 0;

	for (unsigned int n = 0; n < BUDDY_NODES; n++)
		sum += buddy_nodes[n].free_pages;
	return sum;
}

unsigned long buddy_managed_count(void)
{
	unsigned long sum = 0;

	for (unsigned int n = 0; n < BUDDY_NODES; n++)
		sum += buddy_nodes[n].managed_pages;
	return sum;
}

int buddy_format_info(int nid, char *buf, size_t size)
{
	const struct buddy_node *node = &buddy_nodes[nid];
	size_t len;

	len = (size_t)__memblock_snprintf(buf, size, "Node %d, zone %8s", nid, "Normal");
	for (unsigned int o = 0; o <= MAX_ORDER; o++)
		len += (size_t)__memblock_snprintf(buf + (len < size ? len : size),
					   len < size ? size - len : 0,
					   " %6lu", node->free_area[o].nr_free);
	return (int)len;
}

void buddy_print_info(void)
{
	char line[32 + 8 * (MAX_ORDER + 1)];

	for (int n = 0; n < BUDDY_NODES; n++) {
		if (!buddy_nodes[n].managed_pages)
			continue;
		buddy_format_info(n, line, sizeof(line));
		printk("%s\n", line);
	}
}

/* ---- consistency check ---- */

struct check {
	char *why;
	size_t size;
	bool ok;
};

static __printf(2, 3) void violation(struct check *c, const char *fmt, ...)
{
	va_list ap;

	if (!c->ok)
		return;	/* report the first one only */
	c->ok = false;
	if (!c->why)
		return;
	va_start(ap, fmt);
	__memblock_vsnprintf(c->why, c->size, fmt, ap);
	va_end(ap);
}

/* Check one free block of order @o on node @n, marking its pages seen. */
static void check_block(struct check *c, int n, unsigned int o,
			struct page *p)
{
	unsigned long nr = 1UL << o, pfn, k;
	const struct mm_range *r;

	if (p->range >= mm_nr_ranges) {
		violation(c, "node %d order %u: block outside the page arrays", n, o);
		return;
	}
	r = &mm_ranges[p->range];
	pfn = page_to_pfn(p);
	if (!(p->flags & PG_buddy) || p->order != o)
		violation(c, "pfn %#lx on the order %u list has flags %#x order %u",
			  pfn, o, p->flags, p->order);
	if (r->nid != n)
		violation(c, "pfn %#lx of node %d is on node %d's list", pfn,
			  r->nid, n);
	if (pfn & (nr - 1))
		violation(c, "pfn %#lx is not aligned to order %u", pfn, o);
	if (nr > r->end_pfn - pfn) {
		violation(c, "block pfn %#lx order %u runs past its range", pfn, o);
		return;
	}
	for (k = 0; k < nr; k++) {
		struct page *q = p + k;

		if (q->flags & PG_reserved)
			violation(c, "reserved pfn %#lx in free block %#lx order %u",
				  pfn + k, pfn, o);
		if (q->flags & PG_checked)
			violation(c, "pfn %#lx is in two free blocks", pfn + k);
		q->flags |= PG_checked;
	}
	if (o < MAX_ORDER) {
		unsigned long buddy = pfn ^ nr;

		if (buddy >= r->start_pfn && buddy < r->end_pfn) {
			const struct page *b = &r->map[buddy - r->start_pfn];

			if ((b->flags & PG_buddy) && b->order == o)
				violation(c, "free buddies %#lx and %#lx of order %u not merged",
					  pfn, buddy, o);
		}
	}
}

/* Walk node @n's lists; returns the number of blocks seen. */
static unsigned long check_node(struct check *c, int n)
{
	struct buddy_node *node = &buddy_nodes[n];
	unsigned long blocks = 0, pages = 0;

	for (unsigned int o = 0; o <= MAX_ORDER; o++) {
		struct free_area *area = &node->free_area[o];
		struct page *prev = NULL, *p;
		unsigned long cnt = 0;

		for (p = area->head; p; prev = p, p = p->next) {
			if (++cnt > area->nr_free) {
				violation(c, "node %d order %u: list longer than nr_free %lu (or a loop)",
					  n, o, area->nr_free);
				break;
			}
			if (p->prev != prev)
				violation(c, "node %d order %u: broken back link", n, o);
			check_block(c, n, o, p);
		}
		if (cnt < area->nr_free)
			violation(c, "node %d order %u: %lu blocks listed, nr_free %lu",
				  n, o, cnt, area->nr_free);
		blocks += cnt;
		pages += cnt << o;
	}
	if (pages != node->free_pages)
		violation(c, "node %d: free blocks hold %lu pages, free_pages %lu",
			  n, pages, node->free_pages);
	if (node->free_pages > node->managed_pages)
		violation(c, "node %d: %lu free pages but %lu managed", n,
			  node->free_pages, node->managed_pages);
	return blocks;
}

bool buddy_check(char *why, size_t size)
{
	struct check c = { why, size, true };
	unsigned long blocks = 0, heads = 0;

	if (why && size)
		why[0] = '\0';
	for (int n = 0; n < BUDDY_NODES; n++)
		blocks += check_node(&c, n);
	/* Every PG_buddy page heads a listed block; clear the marks. */
	for (unsigned int k = 0; k < mm_nr_ranges; k++) {
		const struct mm_range *r = &mm_ranges[k];

		for (unsigned long i = 0; i < r->end_pfn - r->start_pfn; i++) {
			struct page *p = &r->map[i];

			heads += !!(p->flags & PG_buddy);
			p->flags &= ~PG_checked;
		}
	}
	if (heads != blocks)
		violation(&c, "%lu pages flagged PG_buddy, %lu blocks listed",
			  heads, blocks);
	return c.ok;
}
