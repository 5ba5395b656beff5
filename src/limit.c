// SPDX-License-Identifier: BSD-2-Clause
/*
 * Limits: the allocation ceiling, and the calls that shrink memory (trim,
 * mem=, crash-kernel style capping). Whole-array passes compact the array in
 * one sweep instead of deleting regions one by one. Each runs at most a few
 * times per boot, so the calls that shrink memory are mb_cold: optimised
 * for size, out of the hot paths' way.
 */
#include "internal.h"

mb_cold void __init_memblock memblock_set_current_limit(phys_addr_t limit)
{
	if (__memblock_enter(__func__, MB_REFUSE_DISCARDED))
		return;
	memblock.current_limit = limit;
}

phys_addr_t __init_memblock memblock_get_current_limit(void)
{
	return memblock.current_limit;
}

/*
 * Region @r trimmed inwards to @align: [*start, *end). False when nothing
 * of it is left (or its base cannot be aligned up).
 */
static bool trim_region(const struct memblock_region *r, phys_addr_t align,
			phys_addr_t *start, phys_addr_t *end)
{
	if (r->base > PHYS_ADDR_MAX - (align - 1))
		return false;
	*start = (r->base + align - 1) & ~(align - 1);
	*end = rgn_end(r) & ~(align - 1);
	return *start < *end;
}

/* Does [b, e), which lies in memory, stay memory when trimmed to @align? */
static bool survives_trim(phys_addr_t b, phys_addr_t e, phys_addr_t align)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long nr = type_nr(mem);
	unsigned long k = __memblock_rgn_first_end_after(mem, 0, nr, b);
	phys_addr_t start, end;

	for (; k < nr && mem->regions[k].base < e; k++) {
		const struct memblock_region *r = &mem->regions[k];

		/* A region trimmed to nothing cannot hold the overlap. */
		if (!trim_region(r, align, &start, &end) ||
		    mb_max(b, r->base) < start || mb_min(e, rgn_end(r)) > end)
			return false;
	}
	return true;
}

mb_cold void __init_memblock memblock_trim_memory(phys_addr_t align)
{
	struct memblock_type *mem = &memblock.memory;
	unsigned long nr, k, w = 0;
	struct mb_plan p;
	phys_addr_t ab, as, start, end;

	if (__memblock_enter(__func__, MB_REFUSE_DISCARDED))
		return;
	if (!is_power_of_2(align)) {
		mb_err("%s: align %#llx is not a power of 2", __func__,
		       (unsigned long long)align);
		return;
	}
	/* A live array in a trimmed-off end moves into what stays. */
	__memblock_plan_init(&p, 0, 0);
	p.align = mb_max(align, PAGE_SIZE);
	for (int i = 0; i < MB_NTYPES; i++)
		if (__memblock_live_array(i, &ab, &as) &&
		    !survives_trim(ab, ab + as, align))
			p.move[i] = true;
	if (__memblock_plan_prepare(&p, __func__))
		return;
	nr = type_nr(mem);
	for (k = 0; k < nr; k++) {
		const struct memblock_region *r = &mem->regions[k];

		mem->total_size -= r->size;
		if (!trim_region(r, align, &start, &end))
			continue;	/* nothing left of it */
		mem->total_size += end - start;
		/* In place (w <= k): flags and nid are read before any change. */
		rgn_init(&mem->regions[w++], start, end - start, r->flags,
			 r->nid);
	}
	if (w != nr)
		__memblock_rgn_set_count(mem, w);
	__memblock_plan_finish(&p);
}

/*
 * The guard of the two mem= calls, then the address below which @limit
 * bytes of memory lie: PHYS_ADDR_MAX (nothing to do) when refused, for a
 * zero limit, or when all of memory fits.
 */
static mb_cold phys_addr_t limit_addr(phys_addr_t limit, const char *func)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long nr = type_nr(mem), k;

	if (__memblock_enter(func, MB_REFUSE_DISCARDED) || !limit)
		return PHYS_ADDR_MAX;
	for (k = 0; k < nr; k++) {
		if (limit <= mem->regions[k].size)
			return mem->regions[k].base + limit;
		limit -= mem->regions[k].size;
	}
	return PHYS_ADDR_MAX;
}

mb_cold void __init_memblock
memblock_enforce_memory_limit(phys_addr_t limit)
{
	phys_addr_t max_addr = limit_addr(limit, __func__);
	struct mb_plan p;

	if (max_addr == PHYS_ADDR_MAX)
		return;
	/* The live arrays move below max_addr first. */
	__memblock_plan_init(&p, 0, 0);
	__memblock_plan_move_outside(&p, 0, max_addr);
	if (__memblock_plan_prepare(&p, __func__))
		return;
	/* Removing a tail never splits, so these cannot fail. */
	memblock_remove_range(&memblock.memory, max_addr, PHYS_ADDR_MAX);
	memblock_remove_range(&memblock.reserved, max_addr, PHYS_ADDR_MAX);
	__memblock_plan_finish(&p);
}

static mb_cold void cap_memory_range(phys_addr_t base, phys_addr_t size,
			     const char *func)
{
	struct memblock_type *mem = &memblock.memory;
	int start_rgn, end_rgn;
	unsigned long nr, k, w = 0;
	struct mb_plan p;

	if (!memblock_cap_size(base, &size))
		return;
	if (!mem->total_size) {
		mb_warn("%s: No memory registered yet", func);
		return;
	}
	/*
	 * The live arrays move inside the range first; isolating its ends
	 * may split two memory regions. Removing reservations at either end
	 * never splits.
	 */
	__memblock_plan_init(&p, 0, 0);
	__memblock_plan_move_outside(&p, base, base + size);
	p.need[MB_MEM] = __memblock_rgn_update_need(mem, base, size);
	if (__memblock_plan_prepare(&p, func)) {
		mb_err("%s: cannot isolate [%pa+%pa]", func, &base, &size);
		return;
	}
	memblock_isolate_range(mem, base, size, &start_rgn, &end_rgn);
	/* Keep the regions inside, and NOMAP ones anywhere. */
	nr = type_nr(mem);
	for (k = 0; k < nr; k++) {
		bool inside = k >= (unsigned long)start_rgn &&
			      k < (unsigned long)end_rgn;

		if (inside || (mem->regions[k].flags & MEMBLOCK_NOMAP))
			rgn_copy(&mem->regions[w++], &mem->regions[k]);
		else
			mem->total_size -= mem->regions[k].size;
	}
	__memblock_rgn_set_count(mem, w);
	if (w)	/* a NOMAP region cut at an edge touches its other half */
		__memblock_rgn_merge_window(mem, 0, w);

	memblock_remove_range(&memblock.reserved, 0, base);
	memblock_remove_range(&memblock.reserved, base + size, PHYS_ADDR_MAX);
	__memblock_plan_finish(&p);
}

mb_cold void __init_memblock
memblock_cap_memory_range(phys_addr_t base, phys_addr_t size)
{
	if (__memblock_enter(__func__, MB_REFUSE_DISCARDED))
		return;
	cap_memory_range(base, size, __func__);
}

mb_cold void __init_memblock
memblock_mem_limit_remove_map(phys_addr_t limit)
{
	phys_addr_t max_addr = limit_addr(limit, __func__);

	if (max_addr == PHYS_ADDR_MAX)
		return;
	cap_memory_range(0, max_addr, __func__);
}
