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
static unsigned long release_range(phys_addr_t start, phys_addr_t end)
{
	unsigned long first = PFN_UP(start), end_pfn = PFN_DOWN(end), pfn;
	unsigned int order;

	/* PFN_UP of an address in the last page of the space wraps to 0. */
	if (first >= end_pfn || (start && !first))
		return 0;
	for (pfn = first; pfn < end_pfn; pfn += 1UL << order) {
		order = block_order(pfn, end_pfn);
		memblock_env_free_pages(pfn, order);
	}
	return end_pfn - first;
}

unsigned long __init_memblock memblock_free_all(void)
{
	phys_addr_t start, end;
	unsigned long pages = 0;
	u64 i;

	/*
	 * Hotpluggable memory only mattered to memblock's own placement; the
	 * page allocator gets it like any other memory (the walk below would
	 * skip it under movable_node otherwise).
	 */
	memblock_clear_hotplug(0, PHYS_ADDR_MAX);
	/*
	 * From here on free memory belongs to the page allocator: an array
	 * that grew now would be placed on top of pages it hands out.
	 */
	memblock_can_resize = 0;

	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end,
				NULL)
		pages += release_range(start, end);

	memblock_dbg("memblock: released %lu pages to the page allocator",
		     pages);
	return pages;
}

void __init_memblock memblock_free_late(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t last;
	int err;

	if (!memblock_cap_size(base, &size))
		return;
	last = base + size - 1;
	memblock_dbg("%s: [%pa-%pa] %pS", __func__, &base, &last,
		     (void *)_RET_IP_);
	/*
	 * Drop the reservation first, so that memblock never describes as
	 * free a page the page allocator does not have yet. When a split
	 * needs a slot the array no longer has, the range stays reserved:
	 * claiming too much is safe, claiming too little is not.
	 */
	err = memblock_remove_range(&memblock.reserved, base, size);
	if (err)
		mb_warn("%s: [%pa-%pa] stays in memblock.reserved (%d)",
			__func__, &base, &last, err);
	release_range(base, base + size);
}

#if !CONFIG_ARCH_KEEP_MEMBLOCK
/* What memblock_discard() gives back: one grown region array. */
struct grown_array {
	phys_addr_t base, size;
};

/*
 * Point @type at a one-entry empty array of its own, remembering the old
 * array in @out when memblock grew it (the static ones are the embedder's).
 */
static void forget_type(struct memblock_type *type,
			struct memblock_region *empty, struct grown_array *out)
{
	const struct memblock_region *old = type->regions;

	out->size = 0;
	if (!memblock_is_static_array(old)) {
		/* The size resize.c reserved: whole pages of max entries. */
		out->base = memblock_env_virt_to_phys(old);
		out->size = ((phys_addr_t)type->max * sizeof(*old) +
			     PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	}
	rgn_init(empty, 0, 0, MEMBLOCK_NONE, 0);
	type->regions = empty;
	type->cnt = 1;
	type->max = 1;
	type->total_size = 0;
}

static struct memblock_region discarded_memory[1] __initdata_memblock;
static struct memblock_region discarded_reserved[1] __initdata_memblock;
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
static struct memblock_region discarded_physmem[1] __initdata_memblock;
#endif
#endif

void __init_memblock memblock_discard(void)
{
#if CONFIG_ARCH_KEEP_MEMBLOCK
	memblock_dbg("memblock: kept after boot (CONFIG_ARCH_KEEP_MEMBLOCK)");
#else
	/* Not "= { 0 }": an initialised array may be a memset() call. */
	struct grown_array grown[3];
	unsigned long pages = 0;
	unsigned int k;

	grown[0].size = grown[1].size = grown[2].size = 0;
	/*
	 * Empty memblock before the pages go: the page allocator may reuse
	 * them at once, and memblock must not keep pointers into them.
	 */
	forget_type(&memblock.memory, discarded_memory, &grown[0]);
	forget_type(&memblock.reserved, discarded_reserved, &grown[1]);
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	forget_type(&memblock.physmem, discarded_physmem, &grown[2]);
#endif
	memblock_can_resize = 0;

	for (k = 0; k < 3; k++)
		if (grown[k].size)
			pages += release_range(grown[k].base,
					       grown[k].base + grown[k].size);
	memblock_dbg("memblock: discarded, %lu pages of region arrays released",
		     pages);
#endif
}
