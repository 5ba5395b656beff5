// SPDX-License-Identifier: BSD-2-Clause
/*
 * The proof that the hand-off from memblock to the buddy allocator is
 * exact (see <kernel/mm.h>).
 *
 * Everything is checked against copies of memblock's arrays taken just
 * before the hand-off, by code that shares nothing with memblock_free_all()
 * or the allocator: its own count of free pages, its own containment
 * tests. Two bitmaps over the present pages (dense index, mm_range.first)
 * record what a drain handed out: "used" catches a page handed out twice,
 * "heads" lets the blocks be freed again with their own orders.
 */
#include <limits.h>
#include <kernel/kernel.h>
#include <kernel/buddy.h>
#include <kernel/mm.h>

#define LONG_BITS	(sizeof(unsigned long) * CHAR_BIT)

struct snapshot {
	struct memblock_region *r;
	unsigned long cnt;
};

static struct {
	bool ready;
	struct snapshot mem, rsv;
	unsigned long *used, *heads;
	unsigned long expected;	/* whole free pages per the snapshot */
	phys_addr_t buf_base[2], buf_size[2];	/* to give back at the end */
} proof;

static unsigned long start_free[BUDDY_NODES][MAX_ORDER + 1];

/* ---- bitmaps ---- */

static bool test_bit(const unsigned long *map, unsigned long i)
{
	return map[i / LONG_BITS] >> (i % LONG_BITS) & 1;
}

static bool test_and_set(unsigned long *map, unsigned long i)
{
	bool old = test_bit(map, i);

	map[i / LONG_BITS] |= 1UL << (i % LONG_BITS);
	return old;
}

static void clear_bit(unsigned long *map, unsigned long i)
{
	map[i / LONG_BITS] &= ~(1UL << (i % LONG_BITS));
}

/* ---- snapshot ---- */

static unsigned long pages_in(phys_addr_t start, phys_addr_t end)
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
	unsigned long j = snap_after(&proof.rsv, start), n = 0;
	phys_addr_t cur = start;

	for (; j < proof.rsv.cnt && proof.rsv.r[j].base < end; j++) {
		if (proof.rsv.r[j].base > cur)
			n += pages_in(cur, proof.rsv.r[j].base);
		if (snap_end(&proof.rsv.r[j]) > cur)
			cur = snap_end(&proof.rsv.r[j]);
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
static unsigned long count_free(void)
{
	const struct snapshot *m = &proof.mem;
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

int handoff_proof_prepare(void)
{
	unsigned long words = mm_present_pages / LONG_BITS + 1;
	phys_addr_t bm_bytes = (phys_addr_t)2 * words * sizeof(unsigned long);
	unsigned long mem_cap, rsv_cap;
	phys_addr_t snap_bytes;
	struct memblock_region *buf;

	proof.ready = false;
	proof.used = memblock_alloc(bm_bytes, SMP_CACHE_BYTES);
	if (!proof.used)
		return -ENOMEM;
	proof.heads = proof.used + words;
	/* Sized after the bitmaps; the copy's own allocation adds one. */
	mem_cap = memblock.memory.cnt;
	rsv_cap = memblock.reserved.cnt + 1;
	snap_bytes = (phys_addr_t)(mem_cap + rsv_cap) *
		     sizeof(struct memblock_region);
	buf = memblock_alloc_raw(snap_bytes, SMP_CACHE_BYTES);
	if (!buf)
		return -ENOMEM;
	proof.buf_base[0] = memblock_env_virt_to_phys(proof.used);
	proof.buf_size[0] = bm_bytes;
	proof.buf_base[1] = memblock_env_virt_to_phys(buf);
	proof.buf_size[1] = snap_bytes;

	proof.mem.r = buf;
	proof.rsv.r = buf + mem_cap;
	if (take_copy(&proof.mem, &memblock.memory, mem_cap) ||
	    take_copy(&proof.rsv, &memblock.reserved, rsv_cap))
		return -ENOMEM;
	proof.expected = count_free();
	proof.ready = true;
	return 0;
}

/* ---- draining ---- */

struct drain {
	unsigned long pages, blocks, bad, dups;
	unsigned long first_pfn;	/* first problem */
	const char *first_why;
};

static void problem(struct drain *d, unsigned long pfn, const char *why)
{
	if (!d->first_why) {
		d->first_pfn = pfn;
		d->first_why = why;
	}
}

/* Why the page at @pfn must not have been handed out, or NULL. */
static const char *page_problem(unsigned long pfn)
{
	phys_addr_t a = PFN_PHYS(pfn), last = a + (PAGE_SIZE - 1);
	unsigned long i = snap_after(&proof.mem, a);
	const struct snapshot *m = &proof.mem;

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
	i = snap_after(&proof.rsv, a);
	if (i < proof.rsv.cnt && proof.rsv.r[i].base <= last)
		return "reserved";
	return NULL;
}

/* Record the block [pfn, pfn + 2^order) as handed out. */
static void take(struct drain *d, unsigned long pfn, unsigned int order)
{
	unsigned long nr = 1UL << order, idx;
	const struct mm_range *r = pfn_to_range(pfn);

	d->blocks++;
	d->pages += nr;
	if (!r || nr > r->end_pfn - pfn || (pfn & (nr - 1))) {
		d->bad += nr;
		problem(d, pfn, "block not aligned or not in one pfn range");
		return;
	}
	idx = r->first + (pfn - r->start_pfn);
	test_and_set(proof.heads, idx);
	for (unsigned long k = 0; k < nr; k++) {
		const char *why = page_problem(pfn + k);

		if (why) {
			d->bad++;
			problem(d, pfn + k, why);
		}
		if (test_and_set(proof.used, idx + k)) {
			d->dups++;
			problem(d, pfn + k, "handed out twice");
		}
	}
}

static void drain_order0(struct drain *d)
{
	unsigned long pfn;

	/* The bound stops a broken allocator that never runs dry. */
	while (d->pages <= mm_present_pages &&
	       (pfn = alloc_pages(0, NUMA_NO_NODE)) != PFN_NONE)
		take(d, pfn, 0);
}

static void drain_mixed(struct drain *d)
{
	static const unsigned char pattern[] = { 3, 0, 10, 1, 5, 2, 0, 7, 4,
						 1, 9, 6, 8 };

	for (unsigned long i = 0; d->pages <= mm_present_pages; i++) {
		unsigned int o = pattern[i % sizeof(pattern)] % (MAX_ORDER + 1);
		/* Ask a given node two times in three: exercises fallback. */
		int nid = i % 3 && mm_nr_ranges ?
			  mm_ranges[i % mm_nr_ranges].nid : NUMA_NO_NODE;
		unsigned long pfn = alloc_pages(o, nid);

		while (pfn == PFN_NONE && o > 0)
			pfn = alloc_pages(--o, nid);
		if (pfn == PFN_NONE)
			break;
		take(d, pfn, o);
	}
}

/*
 * Free every block recorded in the bitmaps, each with its own order
 * (a block runs from its head bit to the next head or unused page).
 * Returns the number of blocks free_pages() refused.
 */
static unsigned long give_back(void)
{
	unsigned long refused = 0;

	for (unsigned int k = 0; k < mm_nr_ranges; k++) {
		const struct mm_range *r = &mm_ranges[k];
		unsigned long n = r->end_pfn - r->start_pfn;

		for (unsigned long i = 0; i < n; i++) {
			unsigned long idx = r->first + i, len = 1;
			unsigned int order = 0;

			if (!test_bit(proof.used, idx))
				continue;
			while (i + len < n && test_bit(proof.used, idx + len) &&
			       !test_bit(proof.heads, idx + len))
				len++;
			while ((1UL << order) < len)
				order++;
			if ((1UL << order) != len ||
			    !test_bit(proof.heads, idx) ||
			    free_pages(r->start_pfn + i, order))
				refused++;
			for (unsigned long j = 0; j < len; j++) {
				clear_bit(proof.used, idx + j);
				clear_bit(proof.heads, idx + j);
			}
			i += len - 1;
		}
	}
	return refused;
}

/* ---- free list statistics ---- */

static void save_start(void)
{
	for (int n = 0; n < BUDDY_NODES; n++)
		for (unsigned int o = 0; o <= MAX_ORDER; o++)
			start_free[n][o] = buddy_nodes[n].free_area[o].nr_free;
}

static bool back_at_start(void)
{
	for (int n = 0; n < BUDDY_NODES; n++)
		for (unsigned int o = 0; o <= MAX_ORDER; o++)
			if (start_free[n][o] != buddy_nodes[n].free_area[o].nr_free)
				return false;
	return true;
}

static bool check_ok(const char *when)
{
	char why[160];
	bool ok = buddy_check(why, sizeof(why));

	ktap_ok(ok, "buddy allocator consistent %s", when);
	if (!ok)
		ktap_diag("%s", why);
	return ok;
}

static bool drain_ok(const struct drain *d, unsigned long released,
		     const char *how)
{
	bool ok = d->pages == released && !d->bad && !d->dups &&
		  buddy_free_count() == 0;

	ktap_ok(ok, "drain at %s: %lu pages in %lu blocks, all in free memory, none twice",
		how, d->pages, d->blocks);
	if (!ok)
		ktap_diag("handed out %lu of %lu pages, %lu misplaced, %lu twice, %lu still free; first problem: pfn %#lx %s",
			  d->pages, released, d->bad, d->dups,
			  buddy_free_count(), d->first_pfn,
			  d->first_why ? d->first_why : "-");
	return ok;
}

static bool refill_ok(unsigned long released, const char *how)
{
	unsigned long refused = give_back();
	bool ok = !refused && buddy_free_count() == released &&
		  back_at_start();

	ktap_ok(ok, "freeing the %s drain coalesces back to the starting free lists",
		how);
	if (!ok)
		ktap_diag("%lu blocks refused, %lu pages free of %lu", refused,
			  buddy_free_count(), released);
	return ok;
}

static bool give_back_buffers(void)
{
	unsigned long before = buddy_free_count(), want = 0;
	bool ok;

	for (int k = 0; k < 2; k++) {
		want += pages_in(proof.buf_base[k],
				 proof.buf_base[k] + proof.buf_size[k]);
		memblock_free_late(proof.buf_base[k], proof.buf_size[k]);
	}
	proof.ready = false;
	ok = buddy_free_count() == before + want &&
	     !memblock_is_region_reserved(proof.buf_base[0], proof.buf_size[0]);
	ktap_ok(ok, "memblock_free_late() of the proof's buffers adds their %lu whole pages",
		want);
	if (!ok)
		ktap_diag("free pages went from %lu to %lu", before,
			  buddy_free_count());
	return ok;
}

bool handoff_proof_run(unsigned long released)
{
	struct drain d0 = { 0 }, dm = { 0 };
	bool ok;

	if (!ktap_ok(proof.ready, "hand-off proof prepared (bitmaps and snapshot from memblock)"))
		return false;
	ok = ktap_ok(released == proof.expected,
		     "memblock_free_all() released %lu pages, memblock had %lu whole free pages",
		     released, proof.expected);
	ok &= ktap_ok(buddy_free_count() == released &&
		      buddy_managed_count() == released,
		      "buddy allocator holds the %lu released pages (free %lu, managed %lu)",
		      released, buddy_free_count(), buddy_managed_count());
	ok &= check_ok("after the hand-off");

	buddy_print_info();
	printk("Memory: %lu pages (%lu KiB) released to the buddy allocator\n",
	       released, released * (unsigned long)(PAGE_SIZE / 1024));
	save_start();

	drain_order0(&d0);
	ok &= drain_ok(&d0, released, "order 0");
	ok &= check_ok("when empty");
	ok &= refill_ok(released, "order-0");
	ok &= check_ok("after freeing everything");

	drain_mixed(&dm);
	ok &= drain_ok(&dm, released, "mixed orders");
	ok &= refill_ok(released, "mixed-order");
	ok &= check_ok("after the mixed drain");

	ok &= give_back_buffers();
	ok &= check_ok("after memblock_free_late()");
	return ok;
}
