// SPDX-License-Identifier: BSD-2-Clause
/*
 * The proof that the hand-off from memblock to the buddy allocator is
 * exact (see <kernel/mm.h>).
 *
 * Everything is checked against copies of memblock's arrays taken just
 * before the hand-off (proof_snapshot.c), by code that shares nothing with
 * memblock_free_all() or the allocator. Two bitmaps over the present pages (dense index, mm_range.first)
 * record what a drain handed out: "used" catches a page handed out twice,
 * "heads" lets the blocks be freed again with their own orders.
 */
#include <limits.h>
#include <kernel/kernel.h>
#include <kernel/buddy.h>
#include <kernel/mm.h>
#include <kernel/proof.h>

#define LONG_BITS	(sizeof(unsigned long) * CHAR_BIT)

static struct {
	bool ready;
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

int handoff_proof_prepare(void)
{
	unsigned long words = mm_present_pages / LONG_BITS + 1;
	phys_addr_t bm_bytes = (phys_addr_t)2 * words * sizeof(unsigned long);

	proof.ready = false;
	proof.used = memblock_alloc(bm_bytes, SMP_CACHE_BYTES);
	if (!proof.used)
		return -ENOMEM;
	proof.heads = proof.used + words;
	proof.buf_base[0] = memblock_env_virt_to_phys(proof.used);
	proof.buf_size[0] = bm_bytes;
	/* Taken last, so that it holds every allocation before the hand-off. */
	if (snapshot_take(&proof.buf_base[1], &proof.buf_size[1]))
		return -ENOMEM;
	proof.expected = snapshot_free_pages();
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
		const char *why = snapshot_page_problem(pfn + k);

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
