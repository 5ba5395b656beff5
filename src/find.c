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

bool memblock_should_skip_region(const struct memblock_type *type,
				 const struct memblock_region *m, int nid,
				 int flags)
{
	/* Only memory regions carry nodes and allocation-relevant flags. */
	if (type != &memblock.memory)
		return false;
	/* MAX_NUMNODES in a request is Linux's deprecated "any node". */
	if (nid != NUMA_NO_NODE && nid != MAX_NUMNODES && nid != m->nid)
		return true;
	/* Flag tests, not the predicates: those take non-const pointers. */
	if (movable_node_is_enabled() && (m->flags & MEMBLOCK_HOTPLUG) &&
	    !(flags & MEMBLOCK_HOTPLUG))
		return true;
	if ((flags & MEMBLOCK_MIRROR) && !(m->flags & MEMBLOCK_MIRROR))
		return true;
	if (!(flags & MEMBLOCK_NOMAP) && (m->flags & MEMBLOCK_NOMAP))
		return true;
	if (!(flags & MEMBLOCK_DRIVER_MANAGED) &&
	    (m->flags & MEMBLOCK_DRIVER_MANAGED))
		return true;
	return false;
}

/* Highest @align-aligned start of a @size block inside [lo, hi), or 0. */
static phys_addr_t fit_top(phys_addr_t lo, phys_addr_t hi, phys_addr_t size,
			   phys_addr_t align)
{
	phys_addr_t cand;

	if (hi <= lo || hi - lo < size)
		return 0;
	cand = (hi - size) & ~(align - 1);
	return cand >= lo ? cand : 0;
}

/* Lowest @align-aligned start of a @size block inside [lo, hi), or 0. */
static phys_addr_t fit_bottom(phys_addr_t lo, phys_addr_t hi, phys_addr_t size,
			      phys_addr_t align)
{
	phys_addr_t cand;

	if (hi <= lo || hi - lo < size || lo > PHYS_ADDR_MAX - (align - 1))
		return 0;
	cand = (lo + align - 1) & ~(align - 1);
	return cand <= hi - size ? cand : 0;
}

/* Top-down: highest fit in one memory region's part [lo, hi). */
static phys_addr_t top_down_in(phys_addr_t lo, phys_addr_t hi,
			       phys_addr_t size, phys_addr_t align)
{
	const struct memblock_type *rsv = &memblock.reserved;
	unsigned long ri = __memblock_rgn_first_base_from(rsv, 0, type_nr(rsv), hi);
	phys_addr_t gap_hi = hi, found;

	/* Reservations [0, ri) start below gap_hi; walk them downwards. */
	for (;;) {
		const struct memblock_region *r = ri ? &rsv->regions[ri - 1] : NULL;
		phys_addr_t gap_lo = r ? mb_max(rgn_end(r), lo) : lo;

		found = fit_top(gap_lo, gap_hi, size, align);
		if (found || !r || r->base <= lo)
			return found;
		gap_hi = r->base;
		ri--;
	}
}

/* Bottom-up: lowest fit in one memory region's part [lo, hi). */
static phys_addr_t bottom_up_in(phys_addr_t lo, phys_addr_t hi,
				phys_addr_t size, phys_addr_t align)
{
	const struct memblock_type *rsv = &memblock.reserved;
	unsigned long nr = type_nr(rsv);
	unsigned long ri = __memblock_rgn_first_end_after(rsv, 0, nr, lo);
	phys_addr_t gap_lo = lo, found;

	/* Reservations [ri, nr) end above gap_lo; walk them upwards. */
	for (;;) {
		const struct memblock_region *r = ri < nr ? &rsv->regions[ri] : NULL;
		phys_addr_t gap_hi = r ? mb_min(r->base, hi) : hi;

		found = fit_bottom(gap_lo, gap_hi, size, align);
		if (found || !r || rgn_end(r) >= hi)
			return found;
		gap_lo = mb_max(rgn_end(r), lo);
		ri++;
	}
}

/**
 * __memblock_find_range_top_down - find free area utility, in top-down
 * @start: start of candidate range
 * @end: end of candidate range
 * @size: size of free area to find
 * @align: alignment of free area to find (power of two)
 * @nid: nid of the free area to find, NUMA_NO_NODE for any node
 * @flags: pick from blocks based on memory attributes
 *
 * Return: found address on success, 0 on failure.
 */
static phys_addr_t __memblock_find_range_top_down(phys_addr_t start,
						  phys_addr_t end,
						  phys_addr_t size,
						  phys_addr_t align, int nid,
						  enum memblock_flags flags)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long mi = __memblock_rgn_first_base_from(mem, 0, type_nr(mem), end);

	while (mi--) {
		const struct memblock_region *m = &mem->regions[mi];
		phys_addr_t found;

		if (rgn_end(m) <= start)
			break;
		if (memblock_should_skip_region(mem, m, nid, flags))
			continue;
		found = top_down_in(mb_max(m->base, start),
				    mb_min(rgn_end(m), end), size, align);
		if (found)
			return found;
	}
	return 0;
}

/**
 * __memblock_find_range_bottom_up - find free area utility in bottom-up
 * @start: start of candidate range
 * @end: end of candidate range
 * @size: size of free area to find
 * @align: alignment of free area to find (power of two)
 * @nid: nid of the free area to find, NUMA_NO_NODE for any node
 * @flags: pick from blocks based on memory attributes
 *
 * Return: found address on success, 0 on failure.
 */
static phys_addr_t __memblock_find_range_bottom_up(phys_addr_t start,
						   phys_addr_t end,
						   phys_addr_t size,
						   phys_addr_t align, int nid,
						   enum memblock_flags flags)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long nr = type_nr(mem);
	unsigned long mi = __memblock_rgn_first_end_after(mem, 0, nr, start);

	for (; mi < nr; mi++) {
		const struct memblock_region *m = &mem->regions[mi];
		phys_addr_t found;

		if (m->base >= end)
			break;
		if (memblock_should_skip_region(mem, m, nid, flags))
			continue;
		found = bottom_up_in(mb_max(m->base, start),
				     mb_min(rgn_end(m), end), size, align);
		if (found)
			return found;
	}
	return 0;
}

phys_addr_t __init_memblock
memblock_find_in_range_node(phys_addr_t size, phys_addr_t align,
			    phys_addr_t start, phys_addr_t end, int nid,
			    enum memblock_flags flags)
{
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

	/*
	 * Since Linux 5.11 bottom-up searches the same range as top-down,
	 * from its low end: no longer from the end of the kernel image, and
	 * so with no top-down retry (the same range would find nothing).
	 */
	if (memblock_bottom_up())
		return __memblock_find_range_bottom_up(start, end, size, align,
						       nid, flags);
	return __memblock_find_range_top_down(start, end, size, align, nid,
					      flags);
}

phys_addr_t __init_memblock memblock_find_in_range(phys_addr_t start,
						   phys_addr_t end,
						   phys_addr_t size,
						   phys_addr_t align)
{
	enum memblock_flags flags = memblock_has_mirror() ? MEMBLOCK_MIRROR
							  : MEMBLOCK_NONE;
	phys_addr_t found;

	found = memblock_find_in_range_node(size, align, start, end,
					    NUMA_NO_NODE, flags);
	if (!found && flags) {
		mb_warn("Could not allocate %pap bytes of mirrored memory",
			&size);
		found = memblock_find_in_range_node(size, align, start, end,
						    NUMA_NO_NODE,
						    MEMBLOCK_NONE);
	}
	return found;
}
