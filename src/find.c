// SPDX-License-Identifier: BSD-2-Clause
/*
 * Searching free memory (memory minus reserved) for an aligned block.
 *
 * The search never rescans the arrays: a binary search finds the highest
 * (top-down) or lowest (bottom-up) memory region inside the range, and
 * another finds the reservation next to it; from there it walks outwards
 * through the gaps between reservations and stops at the first that fits.
 */
#include "internal.h"

/*
 * The region arrays' binary searches (region.c), spared in the usual case
 * of a search from the top or the bottom of memory: when every region
 * starts below @addr, or the first one already ends above it. The first
 * is inline: a top-down search (the default) then makes no call for it.
 */
static inline unsigned long
first_base_from(const struct memblock_type *t, unsigned long nr,
		phys_addr_t addr)
{
	if (!nr || t->regions[nr - 1].base < addr)
		return nr;
	return __memblock_rgn_first_base_from(t, 0, nr, addr);
}

static mb_noinline unsigned long
first_end_after(const struct memblock_type *t, unsigned long nr,
		phys_addr_t addr)
{
	if (!nr || rgn_end(&t->regions[0]) > addr)
		return 0;
	return __memblock_rgn_first_end_after(t, 0, nr, addr);
}

/*
 * Top-down: highest fit in one memory region's part [lo, hi). @mask is
 * ~(align - 1). A block fits below @hi at (hi - size) & mask when hi holds
 * size bytes and that start is not below the gap's low end.
 */
static inline phys_addr_t top_down_in(phys_addr_t lo, phys_addr_t hi,
				      phys_addr_t size, phys_addr_t mask)
{
	const struct memblock_type *rsv = &memblock.reserved;
	const struct memblock_region *first = rsv->regions;
	/* Reservations below r start below hi; walk them downwards. */
	const struct memblock_region *r =
		first + first_base_from(rsv, type_nr(rsv), hi);
	phys_addr_t gap_hi = hi, cand;

	while (r != first) {
		phys_addr_t gap_lo = rgn_end(--r);

		if (gap_lo <= lo)
			break;	/* the last gap starts at lo */
		cand = (gap_hi - size) & mask;
		if (gap_hi >= size && cand >= gap_lo)
			return cand;
		if (r->base <= lo)
			return 0;
		gap_hi = r->base;
	}
	cand = (gap_hi - size) & mask;
	return gap_hi >= size && cand >= lo ? cand : 0;
}

/* Bottom-up: lowest fit in one memory region's part [lo, hi). */
static inline phys_addr_t bottom_up_in(phys_addr_t lo, phys_addr_t hi,
				       phys_addr_t size, phys_addr_t mask)
{
	const struct memblock_type *rsv = &memblock.reserved;
	unsigned long nr = type_nr(rsv);
	/* Reservations from r on end above gap_lo; walk them upwards. */
	const struct memblock_region *r = rsv->regions +
		first_end_after(rsv, nr, lo);
	const struct memblock_region *last = rsv->regions + nr;
	phys_addr_t gap_lo = lo, up, cand;

	for (; r != last && r->base < hi; r++) {
		/* The lowest aligned start; none when aligning up wraps. */
		up = gap_lo + ~mask;
		cand = up & mask;
		if (up >= gap_lo && r->base >= size && cand <= r->base - size)
			return cand;
		gap_lo = rgn_end(r);
		if (gap_lo >= hi)
			return 0;
	}
	up = gap_lo + ~mask;
	cand = up & mask;
	return up >= gap_lo && hi >= size && cand <= hi - size ? cand : 0;
}

phys_addr_t __init_memblock
memblock_find_in_range_node(phys_addr_t size, phys_addr_t align,
			    phys_addr_t start, phys_addr_t end, int nid,
			    enum memblock_flags flags)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long nr = type_nr(mem), mi;
	bool bottom_up = memblock_bottom_up();
	struct rgn_filter f;
	long step;

	if (!align) {
		mb_warn("memblock: align is 0, using SMP_CACHE_BYTES (%d)",
			SMP_CACHE_BYTES);
		align = SMP_CACHE_BYTES;
	}
	if (!size || !is_power_of_2(align))
		return 0;
	if (end == MEMBLOCK_ALLOC_ACCESSIBLE ||
	    end == MEMBLOCK_ALLOC_NOLEAKTRACE)
		end = memblock.current_limit;
	/* Address 0 means failure, so the first page is never handed out. */
	start = mb_max(start, PAGE_SIZE);
	end = mb_max(start, end);
	filter_init(&f, flags);

	/*
	 * One walk over the memory regions meeting [start, end), in the
	 * search's direction: upwards from the lowest, or downwards from the
	 * highest (an index of -1 wraps past nr and ends it). Since Linux 5.11
	 * bottom-up searches the same range as top-down, from its low end: no
	 * longer from the end of the kernel image, and so with no top-down
	 * retry (the same range would find nothing).
	 */
	if (bottom_up) {
		mi = first_end_after(mem, nr, start);
		step = 1;
	} else {
		mi = first_base_from(mem, nr, end) - 1;
		step = -1;
	}
	for (; mi < nr; mi += (unsigned long)step) {
		const struct memblock_region *m = &mem->regions[mi];
		phys_addr_t lo, hi, found;

		if (rgn_end(m) <= start || m->base >= end)
			break;
		if (filter_skips(&f, m, nid))
			continue;
		lo = mb_max(m->base, start);
		hi = mb_min(rgn_end(m), end);
		found = bottom_up ? bottom_up_in(lo, hi, size, ~(align - 1))
				  : top_down_in(lo, hi, size, ~(align - 1));
		if (found)
			return found;
	}
	return 0;
}

/* A few arch calls per boot: optimised for size. */
mb_cold phys_addr_t __init_memblock
memblock_find_in_range(phys_addr_t start, phys_addr_t end, phys_addr_t size,
		       phys_addr_t align)
{
	enum memblock_flags flags = memblock_has_mirror() ? MEMBLOCK_MIRROR
							  : MEMBLOCK_NONE;
	phys_addr_t found;

	/* Mirrored memory first, when there is some; then any. */
	for (;;) {
		found = memblock_find_in_range_node(size, align, start, end,
						    NUMA_NO_NODE, flags);
		if (found || !flags)
			return found;
		mb_warn("Could not allocate %pap bytes of mirrored memory",
			&size);
		flags = MEMBLOCK_NONE;
	}
}
