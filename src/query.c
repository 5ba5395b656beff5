// SPDX-License-Identifier: BSD-2-Clause
/*
 * Questions about the current state. All lookups are binary searches.
 */
#include "internal.h"

phys_addr_t __init_memblock memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t __init_memblock memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

/* An empty type's first slot is zeroed, so start reads 0 then. */
mb_cold phys_addr_t __init_memblock memblock_start_of_DRAM(void)
{
	return memblock.memory.regions[0].base;
}

mb_cold phys_addr_t __init_memblock memblock_end_of_DRAM(void)
{
	const struct memblock_type *mem = &memblock.memory;

	/* Linux reads regions[-1] of an empty type; this reads 0. */
	return mem->cnt ? rgn_end(&mem->regions[mem->cnt - 1]) : 0;
}

bool __init_memblock memblock_is_memory(phys_addr_t addr)
{
	return __memblock_rgn_find(&memblock.memory, addr) >= 0;
}

bool __init_memblock memblock_is_map_memory(phys_addr_t addr)
{
	long i = __memblock_rgn_find(&memblock.memory, addr);

	return i >= 0 && !(memblock.memory.regions[i].flags & MEMBLOCK_NOMAP);
}

mb_cold bool __memblock_mem_covers(phys_addr_t base, phys_addr_t end,
				   unsigned int reject)
{
	const struct memblock_type *mem = &memblock.memory;
	unsigned long nr = type_nr(mem);
	unsigned long k = __memblock_rgn_first_end_after(mem, 0, nr, base);
	phys_addr_t cur = base;

	/* Walk touching regions until the range is covered or a hole shows. */
	for (; k < nr && cur < end; k++) {
		const struct memblock_region *r = &mem->regions[k];

		if (r->base > cur || (r->flags & reject))
			return false;
		cur = rgn_end(r);
	}
	return cur >= end;
}

mb_cold bool __init_memblock
memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	if (!memblock_cap_size(base, &size))
		return false;
	return __memblock_mem_covers(base, base + size, 0);
}

bool __init_memblock memblock_is_reserved(phys_addr_t addr)
{
	return __memblock_rgn_find(&memblock.reserved, addr) >= 0;
}

/* Not inlined: memblock_is_region_reserved() is this call. */
mb_noinline bool __init_memblock memblock_overlaps_region(struct memblock_type *type,
					      phys_addr_t base,
					      phys_addr_t size)
{
	unsigned long nr, i;

	if (!type || !memblock_cap_size(base, &size))
		return false;
	nr = type_nr(type);
	i = __memblock_rgn_first_end_after(type, 0, nr, base);
	return i < nr && type->regions[i].base < base + size;
}

bool __init_memblock memblock_is_region_reserved(phys_addr_t base,
						 phys_addr_t size)
{
	return memblock_overlaps_region(&memblock.reserved, base, size);
}

mb_cold bool __init_memblock
memblock_addrs_overlap(phys_addr_t base1, phys_addr_t size1,
		       phys_addr_t base2, phys_addr_t size2)
{
	if (!memblock_cap_size(base1, &size1) ||
	    !memblock_cap_size(base2, &size2))
		return false;
	return base1 < base2 + size2 && base2 < base1 + size1;
}

int __init_memblock memblock_search_pfn_nid(unsigned long pfn,
					    unsigned long *start_pfn,
					    unsigned long *end_pfn)
{
	const struct memblock_type *mem = &memblock.memory;
	long i;

	/* A pfn beyond what phys_addr_t can address is not memory. */
	if (PFN_DOWN(PFN_PHYS(pfn)) != pfn)
		return -1;
	i = __memblock_rgn_find(mem, PFN_PHYS(pfn));
	if (i < 0)
		return -1;
	if (start_pfn)
		*start_pfn = PFN_DOWN(mem->regions[i].base);
	if (end_pfn)
		*end_pfn = PFN_DOWN(rgn_end(&mem->regions[i]));
	return memblock_get_region_node(&mem->regions[i]);
}

mb_cold unsigned long __init_memblock memblock_estimated_nr_free_pages(void)
{
	phys_addr_t mem = memblock_phys_mem_size();
	phys_addr_t rsv = memblock_reserved_size();

	/* Reservations outside memory can make "reserved" the larger. */
	return mem > rsv ? (unsigned long)PHYS_PFN(mem - rsv) : 0;
}

/* Once per boot: optimised for size. */
mb_cold bool __init_memblock
memblock_validate_numa_coverage(unsigned long threshold_bytes)
{
	unsigned long start_pfn, end_pfn, pages = 0;
	unsigned long long lost;
	int nid, i;

	for_each_mem_pfn_range(i, MAX_NUMNODES, &start_pfn, &end_pfn, &nid)
		if (nid < 0 || nid >= MAX_NUMNODES)
			pages += end_pfn - start_pfn;
	/* In 64 bits: the byte count of a large 32-bit machine overflows. */
	lost = (unsigned long long)pages << PAGE_SHIFT;
	if (lost > threshold_bytes) {
		mb_err("NUMA: no nodes coverage for %lluMB of %lluMB RAM",
		       lost >> 20,
		       (unsigned long long)memblock_phys_mem_size() >> 20);
		return false;
	}
	return true;
}
