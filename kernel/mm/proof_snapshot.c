// SPDX-License-Identifier: BSD-2-Clause
/*
 * The hand-off proof's reference (see <kernel/proof.h>): copies of memblock.memory
 * and memblock.reserved taken just before the hand-off, and what they say,
 * computed here and nowhere else: how many whole pages are free, and
 * whether a given page may be handed out.
 */
#include <kernel/kernel.h>
#include <kernel/proof.h>

struct snapshot {
	struct memblock_region *r;
	unsigned long cnt;
};

static struct snapshot mem, rsv;

unsigned long pages_in(phys_addr_t start, phys_addr_t end)
{
	unsigned long first = PFN_DOWN(start) + ((start & (PAGE_SIZE - 1)) != 0);
	unsigned long last = PFN_DOWN(end);

	return last > first ? last - first : 0;
}

/* Copy the real regions of @t into @s (room for @cap). */
static int take_copy(struct snapshot *s, const struct memblock_type *t,
		     unsigned long cap)
{
	s->cnt = 0;
	for (unsigned long i = 0; i < t->cnt; i++) {
		if (!t->regions[i].size)
			continue;
		if (s->cnt == cap)
			return -ENOMEM;
		s->r[s->cnt++] = t->regions[i];
	}
	return 0;
}

static phys_addr_t snap_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* First region of @s ending above @addr (s->cnt if none). */
static unsigned long snap_after(const struct snapshot *s, phys_addr_t addr)
{
	unsigned long lo = 0, hi = s->cnt;

	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (snap_end(&s->r[mid]) > addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static bool releasable(const struct memblock_region *r)
{
	return !(r->flags & (MEMBLOCK_NOMAP | MEMBLOCK_DRIVER_MANAGED));
}

/*
 * Whole free pages of [start, end) (one run of memory): the pages between
 * the reservations.
 */
static unsigned long free_pages_in(phys_addr_t start, phys_addr_t end)
{
	unsigned long j = snap_after(&rsv, start), n = 0;
	phys_addr_t cur = start;

	for (; j < rsv.cnt && rsv.r[j].base < end; j++) {
		if (rsv.r[j].base > cur)
			n += pages_in(cur, rsv.r[j].base);
		if (snap_end(&rsv.r[j]) > cur)
			cur = snap_end(&rsv.r[j]);
	}
	if (cur < end)
		n += pages_in(cur, end);
	return n;
}

/*
 * memblock_free_all() releases whole free pages of each memory region
 * once HOTPLUG is cleared, which merges touching regions that differed
 * only in it: count those runs.
 */
unsigned long snapshot_free_pages(void)
{
	const struct snapshot *m = &mem;
	unsigned long i = 0, n = 0;

	while (i < m->cnt) {
		const struct memblock_region *r = &m->r[i];
		phys_addr_t end = snap_end(r);
		unsigned int flags = r->flags & ~MEMBLOCK_HOTPLUG;

		for (i++; i < m->cnt && m->r[i].base == end &&
			  m->r[i].nid == r->nid &&
			  (m->r[i].flags & ~MEMBLOCK_HOTPLUG) == flags; i++)
			end = snap_end(&m->r[i]);
		if (releasable(r))
			n += free_pages_in(r->base, end);
	}
	return n;
}

int snapshot_take(phys_addr_t *base, phys_addr_t *size)
{
	/* The copy's own allocation adds at most one reservation. */
	unsigned long mem_cap = memblock.memory.cnt;
	unsigned long rsv_cap = memblock.reserved.cnt + 1;
	phys_addr_t bytes = (phys_addr_t)(mem_cap + rsv_cap) *
			    sizeof(struct memblock_region);
	struct memblock_region *buf = memblock_alloc_raw(bytes, SMP_CACHE_BYTES);

	mem.cnt = rsv.cnt = 0;
	if (!buf)
		return -ENOMEM;
	*base = memblock_env_virt_to_phys(buf);
	*size = bytes;
	mem.r = buf;
	rsv.r = buf + mem_cap;
	if (take_copy(&mem, &memblock.memory, mem_cap) ||
	    take_copy(&rsv, &memblock.reserved, rsv_cap))
		return -ENOMEM;
	return 0;
}

/* Why the page at @pfn must not have been handed out, or NULL. */
const char *snapshot_page_problem(unsigned long pfn)
{
	phys_addr_t a = PFN_PHYS(pfn), last = a + (PAGE_SIZE - 1);
	unsigned long i = snap_after(&mem, a);
	const struct snapshot *m = &mem;

	if (i == m->cnt || m->r[i].base > a)
		return "outside memory";
	/*
	 * The page may straddle regions only where the hand-off merges them:
	 * touching, same node, flags differing at most in HOTPLUG.
	 */
	for (;;) {
		const struct memblock_region *r = &m->r[i];

		if (!releasable(r))
			return "in NOMAP or driver-managed memory";
		if (last < snap_end(r))
			break;
		if (i + 1 == m->cnt || m->r[i + 1].base != snap_end(r))
			return "partly outside memory";
		if (m->r[i + 1].nid != r->nid ||
		    ((m->r[i + 1].flags ^ r->flags) & ~MEMBLOCK_HOTPLUG))
			return "split between unlike memory regions";
		i++;
	}
	i = snap_after(&rsv, a);
	if (i < rsv.cnt && rsv.r[i].base <= last)
		return "reserved";
	return NULL;
}

