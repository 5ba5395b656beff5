// SPDX-License-Identifier: BSD-2-Clause
/*
 * The end of memblock's life: handing memory to the page allocator.
 *
 * memblock_free_all() walks free memory (memory minus reserved, NOMAP and
 * DRIVER_MANAGED memory left out) and passes every whole free page to
 * memblock_env_free_pages(), cut into the largest naturally aligned
 * power-of-two blocks (at most 2^MAX_ORDER pages). Each block costs O(1):
 * its order comes from two bit scans, never from a loop over its pages.
 *
 * Only whole pages are released. A page that is partly reserved, or partly
 * outside memory, stays with its owner: the page allocator must never hand
 * out a page of which some bytes are in use.
 *
 * memblock_free_late() and memblock_discard() serve the time after the
 * hand-off: memory memblock reserved and that is no longer needed, and the
 * region arrays memblock itself grew into.
 *
 * Each advances memblock_stage or checks it (stage.c): a second
 * memblock_free_all() or memblock_discard() releases nothing, and the page
 * allocator never gets a page twice. The hook runs with struct memblock
 * consistent; memblock calls that change it are refused from there.
 */
#include "internal.h"

#define LONG_BITS	((unsigned int)(sizeof(unsigned long) * CHAR_BIT))

/* Largest order of a naturally aligned block at @pfn ending by @end. */
static unsigned int block_order(unsigned long pfn, unsigned long end)
{
	unsigned int order = 0;

	/*
	 * Grow while the next order still fits before @end and @pfn is
	 * aligned to it (pfn 0 is aligned to any). A loop of at most
	 * MAX_ORDER steps rather than __builtin_clzl()/__builtin_ctzl(),
	 * which are runtime calls (__clzdi2) on targets without the
	 * instruction.
	 */
	while (order < MAX_ORDER && order + 1 < LONG_BITS &&
	       !(pfn & ((2UL << order) - 1)) && end - pfn >= (2UL << order))
		order++;
	return order;
}

/* Release the whole pages of [start, end); returns how many there were. */
static mb_noinline unsigned long release_range(phys_addr_t start,
					       phys_addr_t end)
{
	unsigned long first = PFN_UP(start), end_pfn = PFN_DOWN(end), pfn;
	unsigned int order;

	/* PFN_UP of an address in the last page of the space wraps to 0. */
	if (first >= end_pfn || (start && !first))
		return 0;
	for (pfn = first; pfn < end_pfn; pfn += 1UL << order) {
		bool was_log;

		order = block_order(pfn, end_pfn);
		__memblock_hook_enter(false, &was_log);
		memblock_env_free_pages(pfn, order);
		__memblock_hook_exit(was_log);
	}
	return end_pfn - first;
}

/* Pages memblock_free_all() released: it returns void, as in Linux 6.12. */
static unsigned long free_all_released __initdata_memblock;

mb_cold unsigned long __init_memblock memblock_free_all_released(void)
{
	return free_all_released;
}

/* Once per boot: optimised for size (its per-block work is release_range()). */
mb_cold void __init_memblock memblock_free_all(void)
{
	/* Static: an automatic initialiser may be a libc memset() call. */
	static const struct rgn_update clear_hotplug = {
		.clear = MEMBLOCK_HOTPLUG,
	};
	phys_addr_t start, end;
	unsigned long pages = 0;
	u64 i;

	if (__memblock_enter(__func__, 0))
		return;
	if (memblock_stage != MEMBLOCK_STAGE_EARLY) {
		mb_err("%s: called again: nothing released", __func__);
		return;
	}
	/*
	 * Hotpluggable memory only mattered to memblock's own placement; the
	 * page allocator gets it like any other memory (the walk below would
	 * skip it under movable_node otherwise). A range covering everything
	 * splits nothing, so this cannot fail.
	 */
	memblock_update_range(&memblock.memory, 0, PHYS_ADDR_MAX,
			      &clear_hotplug);
	/*
	 * From here on free memory belongs to the page allocator: nothing
	 * may be allocated from it, and no array may grow into it.
	 */
	memblock_stage = MEMBLOCK_STAGE_FREED;
	memblock_can_resize = 0;

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end,
				NULL)
		pages += release_range(start, end);

	free_all_released += pages;
	memblock_dbg("memblock: released %lu pages to the page allocator",
		     pages);
}

/* A few calls after the hand-off: optimised for size. */
mb_cold void __init_memblock
memblock_free_late(phys_addr_t base, phys_addr_t size)
{
	struct mb_span piece[MB_NTYPES + 1];
	phys_addr_t last;
	int n, k;

	/*
	 * Before the hand-off memblock would see the pages as free and hand
	 * them out again: memblock_phys_free() is the call for that time.
	 */
	if (__memblock_enter(__func__, MB_REFUSE_DISCARDED | MB_REFUSE_EARLY) ||
	    !memblock_cap_size(base, &size))
		return;
	if (memblock_debug)
		__memblock_trace_range(__func__, base, size, _RET_IP_);
	/*
	 * Drop the caller's reservation first, so that memblock never
	 * describes as free a page the page allocator does not have yet.
	 * Live arrays are memblock's, not the caller's: their pages stay.
	 * When dropping needs a slot the full array cannot get (it no longer
	 * grows after the hand-off), nothing is released: a page must never
	 * be both reserved and the page allocator's.
	 */
	n = __memblock_claim_pieces(base, base + size, piece);
	if (__memblock_unreserve(base, size, __func__)) {
		last = base + size - 1;
		mb_err("%s: [%pa-%pa] stays reserved, nothing released",
		       __func__, &base, &last);
		return;
	}
	for (k = 0; k < n; k++)
		release_range(piece[k].lo, piece[k].hi);
}


/* Once per boot: optimised for size. */
mb_cold void __init_memblock memblock_discard(void)
{
#if CONFIG_ARCH_KEEP_MEMBLOCK
	if (__memblock_enter(__func__, 0))
		return;
	memblock_dbg("memblock: kept after boot (CONFIG_ARCH_KEEP_MEMBLOCK)");
#else
	struct mb_span grown[MB_NTYPES];
	unsigned long pages = 0;
	phys_addr_t b, s;
	int k, n = 0;

	if (__memblock_enter(__func__, 0))
		return;
	if (memblock_stage == MEMBLOCK_STAGE_DISCARDED) {
		mb_err("%s: called again: nothing released", __func__);
		return;
	}
	/*
	 * The grown arrays' pages go to the page allocator, but only those
	 * in memory and not NOMAP (the ownership rules keep every live array
	 * there; an array found elsewhere is kept, with an error).
	 */
	for (k = 0; k < MB_NTYPES; k++) {
		if (!__memblock_live_array(k, &b, &s))
			continue;
		if (__memblock_mem_covers(b, b + s, MEMBLOCK_NOMAP))
			span_set(&grown[n++], b, b + s);
		else
			mb_err("%s: %s array [%pa+%pa] is not in usable memory: kept",
			       __func__, __memblock_type(k)->name, &b, &s);
	}
	/*
	 * Empty memblock before the pages go: the page allocator may reuse
	 * them at once, and memblock must not keep pointers into them.
	 */
	for (k = 0; k < MB_NTYPES; k++) {
		struct memblock_type *type = __memblock_type(k);

		if (!type)
			continue;
		/* Its one-entry empty array. */
		type->regions = __memblock_discarded[k];
		type->max = 1;
		__memblock_rgn_set_count(type, 0);
	}
	memblock_stage = MEMBLOCK_STAGE_DISCARDED;
	memblock_can_resize = 0;

	for (k = 0; k < n; k++)
		pages += release_range(grown[k].lo, grown[k].hi);
	memblock_dbg("memblock: discarded, %lu pages of region arrays released",
		     pages);
#endif
}
