// SPDX-License-Identifier: BSD-2-Clause
/*
 * What is allocated goes through the direct map (the architecture's
 * mmu.c, arch/common/directmap.c), reported as TAP: every allocation family of
 * memblock (the virtual ones return direct-map addresses, translated back
 * by the live tables and touched; the physical ones physical addresses,
 * which fault when used as pointers since no identity map is left, and
 * are mapped at phys_to_virt()), allocations above 4 GiB on the large
 * guests and memblock_alloc_low() below its limit; after mm_init(), the
 * struct page arrays and the buddy allocator's pages.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <kernel/buddy.h>
#include <kernel/page.h>
#include <linux/memblock.h>
#include <common/directmap.h>
#include <asm/mmu.h>

#define SZ_64K		0x10000ULL
#define SZ_4G		(1ULL << 32)

/* Is [@va, @va + @size) in the direct map, translated to @va - DIRECTMAP_BASE? */
static bool in_map(uint64_t va, uint64_t size)
{
	uint64_t pa = va - DIRECTMAP_BASE;

	return va >= DIRECTMAP_BASE && va < DIRECTMAP_END &&
	       directmap_arch_lookup(va) == pa && directmap_arch_lookup(va + size - 1) == pa + size - 1;
}

/* @p must be a direct-map address of mapped, allocated memory. */
static bool linear(const void *p, phys_addr_t size)
{
	volatile unsigned char *c = (volatile unsigned char *)(uintptr_t)p;

	if (!p || !in_map((uint64_t)(uintptr_t)p, size) ||
	    (uint64_t)(uintptr_t)p - DIRECTMAP_BASE >= memblock_end_of_DRAM())
		return false;
	/* Touch it: first and last byte, written and read back. */
	c[0] = 0x5a;
	c[size - 1] = 0xa5;
	return c[0] == 0x5a && c[size - 1] == 0xa5;
}

static void virt_family(const char *what, void *p, phys_addr_t size)
{
	ktap_ok(linear(p, size), "%s returns a " DIRECTMAP_NAME " address: %p -> pa %#llx",
		what, p, p ? (unsigned long long)memblock_env_virt_to_phys(p) : 0ULL);
	if (p)
		memblock_free(p, size);
}

static void phys_family(const char *what, phys_addr_t pa, phys_addr_t size)
{
	/* With no identity map left, a physical address read as such faults. */
	ktap_ok(pa && pa >= memblock_start_of_DRAM() && pa < memblock_end_of_DRAM() &&
		directmap_arch_probe_read((const volatile void *)(uintptr_t)pa) &&
		linear(memblock_env_phys_to_virt(pa), size),
		"%s returns a physical address (%#llx, a fault when read), mapped at phys_to_virt()",
		what, (unsigned long long)pa);
	if (pa)
		memblock_phys_free(pa, size);
}

void dt_linear_checks(void)
{
	phys_addr_t top = memblock_end_of_DRAM();
	/* A node memory has (a tree without numa-node-id has none: any node). */
	int nid = memblock_get_region_node(&memblock.memory.regions[0]);
	void *p;

	if (nid < 0 || nid >= MAX_NUMNODES)
		nid = NUMA_NO_NODE;
	virt_family("memblock_alloc", memblock_alloc(SZ_64K, PAGE_SIZE), SZ_64K);
	virt_family("memblock_alloc_raw", memblock_alloc_raw(SZ_64K, PAGE_SIZE), SZ_64K);
	virt_family("memblock_alloc_low", memblock_alloc_low(SZ_64K, PAGE_SIZE), SZ_64K);
	virt_family("memblock_alloc_from",
		    memblock_alloc_from(SZ_64K, PAGE_SIZE, memblock_start_of_DRAM()), SZ_64K);
	virt_family("memblock_alloc_node", memblock_alloc_node(SZ_64K, PAGE_SIZE, nid),
		    SZ_64K);
	virt_family("memblock_alloc_try_nid",
		    memblock_alloc_try_nid(SZ_64K, PAGE_SIZE, 0,
					   MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE), SZ_64K);
	virt_family("memblock_alloc_try_nid_raw",
		    memblock_alloc_try_nid_raw(SZ_64K, PAGE_SIZE, 0,
					       MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE),
		    SZ_64K);
	virt_family("memblock_alloc_exact_nid_raw",
		    memblock_alloc_exact_nid_raw(SZ_64K, PAGE_SIZE, 0,
						 MEMBLOCK_ALLOC_ACCESSIBLE, nid), SZ_64K);
	phys_family("memblock_phys_alloc", memblock_phys_alloc(SZ_64K, PAGE_SIZE), SZ_64K);
	phys_family("memblock_phys_alloc_range",
		    memblock_phys_alloc_range(SZ_64K, PAGE_SIZE, 0, top), SZ_64K);
	phys_family("memblock_phys_alloc_try_nid",
		    memblock_phys_alloc_try_nid(SZ_64K, PAGE_SIZE, NUMA_NO_NODE), SZ_64K);

	/* All of RAM: with memory above 4 GiB, top-down allocation goes there. */
	if (top > SZ_4G) {
		p = memblock_alloc(SZ_64K, PAGE_SIZE);
		ktap_ok(p && memblock_env_virt_to_phys(p) >= SZ_4G && linear(p, SZ_64K),
			"memblock_alloc lands above 4 GiB (pa %#llx), mapped",
			p ? (unsigned long long)memblock_env_virt_to_phys(p) : 0ULL);
		if (p)
			memblock_free(p, SZ_64K);
	}
	/* ...while memblock_alloc_low() keeps below its limit (4 GiB). */
	p = memblock_alloc_low(SZ_64K, PAGE_SIZE);
	ktap_ok(p && memblock_env_virt_to_phys(p) + SZ_64K - 1 <= ARCH_LOW_ADDRESS_LIMIT &&
		linear(p, SZ_64K),
		"memblock_alloc_low stays below %#llx (pa %#llx), mapped",
		(unsigned long long)ARCH_LOW_ADDRESS_LIMIT + 1,
		p ? (unsigned long long)memblock_env_virt_to_phys(p) : 0ULL);
	if (p)
		memblock_free(p, SZ_64K);
}

/* After mm_init(): the page array and the buddy allocator's pages. */
void arch_mm_checks(void)
{
	unsigned int bad = 0, touched = 0;

	for (unsigned int i = 0; i < mm_nr_ranges; i++) {
		const struct mm_range *r = &mm_ranges[i];
		uint64_t size = (uint64_t)(r->end_pfn - r->start_pfn) * sizeof(*r->map);

		bad += !in_map((uint64_t)(uintptr_t)r->map, size);
	}
	ktap_ok(mm_nr_ranges && !bad,
		"struct page arrays lie in the " DIRECTMAP_NAME " (%u ranges, %u outside)",
		mm_nr_ranges, bad);

	/* A page of every node, written and read through the direct map. */
	for (int nid = 0; nid < BUDDY_NODES; nid++) {
		unsigned long pfn;
		volatile uint64_t *p;

		if (!buddy_nodes[nid].free_pages)
			continue;
		pfn = alloc_pages(0, nid);
		if (pfn == PFN_NONE) {
			bad++;
			continue;
		}
		p = memblock_env_phys_to_virt(PFN_PHYS(pfn));
		for (unsigned int k = 0; k < PAGE_SIZE / 8; k++)
			p[k] = PFN_PHYS(pfn) + k;
		for (unsigned int k = 0; k < PAGE_SIZE / 8; k++)
			bad += p[k] != PFN_PHYS(pfn) + k;
		bad += directmap_arch_lookup((uint64_t)(uintptr_t)p) != PFN_PHYS(pfn);
		bad += free_pages(pfn, 0) != 0;
		touched++;
	}
	ktap_ok(touched && !bad,
		"buddy pages of %u nodes written and read through the " DIRECTMAP_NAME " (%u bad)",
		touched, bad);
}
