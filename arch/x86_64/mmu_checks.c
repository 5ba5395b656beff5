// SPDX-License-Identifier: BSD-2-Clause
/*
 * Checks of the direct map (mmu.c), reported as TAP. The oracle is
 * memblock.memory read region by region (not the iterator mmu.c maps
 * with): the live page tables, walked entry by entry, must map exactly the
 * regions without MEMBLOCK_NOMAP, each at X86_PAGE_OFFSET + its address,
 * and nothing else but the image. Then every allocation family through
 * memblock_env_phys_to_virt(), the page array's place and the buddy
 * allocator's pages, touched through the direct map.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <kernel/buddy.h>
#include <kernel/page.h>
#include <linux/memblock.h>
#include "x86.h"

#define PTE_P		0x1ULL
#define PTE_PS		0x80ULL
#define PTE_ADDR	0x000ffffffffff000ULL
#define SZ_64K		0x10000ULL
#define SZ_4G		(1ULL << 32)
#define PML4_DIRECT	((X86_PAGE_OFFSET >> 39) & 511)
#define PML4_DIRECT_END	(PML4_DIRECT + (X86_DIRECT_MAP_SIZE >> 39))
#define PML4_KERNEL	511

/* Next run of touching memblock.memory regions without NOMAP. */
static bool next_mappable(unsigned long *i, uint64_t *base, uint64_t *end)
{
	const struct memblock_type *m = &memblock.memory;
	bool found = false;

	for (; *i < m->cnt && m->regions[*i].size; (*i)++) {
		const struct memblock_region *r = &m->regions[*i];

		if (r->flags & MEMBLOCK_NOMAP) {
			if (found)
				break;
			continue;
		}
		if (found && r->base != *end)
			break;
		if (!found)
			*base = r->base;
		*end = r->base + r->size;
		found = true;
	}
	return found;
}

struct walk {
	uint64_t run_base, run_end;	/* the run of mapped memory being built */
	bool in_run;
	unsigned long next_region;	/* next_mappable()'s cursor */
	unsigned long runs, bad, misplaced;
};

/* A finished run of mapped memory must be the next mappable run. */
static void run_done(struct walk *w)
{
	uint64_t b = 0, e = 0;

	w->runs++;
	if (!next_mappable(&w->next_region, &b, &e) || b != w->run_base ||
	    e != w->run_end) {
		if (w->bad++ < 4)
			ktap_diag("mapped [%#llx-%#llx), memory wants [%#llx-%#llx)",
				  (unsigned long long)w->run_base,
				  (unsigned long long)w->run_end,
				  (unsigned long long)b, (unsigned long long)e);
	}
	w->in_run = false;
}

static void leaf(struct walk *w, uint64_t va, uint64_t pa, uint64_t size)
{
	if (pa != va - X86_PAGE_OFFSET && w->misplaced++ < 4)
		ktap_diag("direct map: va %#llx -> pa %#llx", (unsigned long long)va,
			  (unsigned long long)pa);
	if (w->in_run && pa == w->run_end) {
		w->run_end += size;
		return;
	}
	if (w->in_run)
		run_done(w);
	w->run_base = pa;
	w->run_end = pa + size;
	w->in_run = true;
}

/* Walk the table at @t (level @shift: 39 PML4 ... 12 PT) from @va. */
static void walk(struct walk *w, const uint64_t *t, int shift, uint64_t va)
{
	for (uint64_t i = 0; i < 512; i++) {
		uint64_t e = t[i], v = va + (i << shift), size = 1ULL << shift;

		if (!(e & PTE_P))
			continue;
		if (shift == 12 || (shift <= 30 && (e & PTE_PS)))
			leaf(w, v, e & PTE_ADDR & ~(size - 1), size);
		else
			walk(w, memblock_env_phys_to_virt(e & PTE_ADDR), shift - 9, v);
	}
}

/* A read at PAGE_OFFSET + @pa must fault, the fault handler reporting it. */
static void check_faults(uint64_t pa, const char *what)
{
	uint64_t va = X86_PAGE_OFFSET + pa;
	int faulted;

	x86_probe_cr2 = 0;
	faulted = x86_probe_read((const volatile void *)(uintptr_t)va);
	ktap_ok(faulted && x86_probe_cr2 == va,
		"a read of %s (pa %#llx) faults: #PF at %#llx", what,
		(unsigned long long)pa, (unsigned long long)x86_probe_cr2);
}

/* Reads that must fault (NOMAP, holes, past RAM) and one that must not. */
static void check_probes(void)
{
	const struct memblock_type *m = &memblock.memory;
	uint64_t image = x86_pa(_start_image);

	ktap_ok(!x86_probe_read((const volatile void *)(uintptr_t)(X86_PAGE_OFFSET + image)),
		"a read of the image through the direct map (pa %#llx) does not fault",
		(unsigned long long)image);
	for (unsigned long i = 0; i < m->cnt; i++)
		if (m->regions[i].flags & MEMBLOCK_NOMAP)
			check_faults(m->regions[i].base, "NOMAP memory");
	for (unsigned long i = 0; i + 1 < m->cnt; i++) {
		uint64_t end = m->regions[i].base + m->regions[i].size;

		if (end < m->regions[i + 1].base) {
			check_faults(end, "the first hole in memblock.memory");
			break;
		}
	}
	check_faults(memblock_end_of_DRAM(), "the end of RAM");
}

/*
 * The image's mapping (PML4 511): each page at X86_KERNEL_VBASE + its
 * address, inside [_start_image, _end); *@bytes counts what is mapped.
 */
static void walk_image(const uint64_t *t, int shift, uint64_t va, uint64_t *bytes,
		       unsigned int *bad)
{
	uint64_t lo = x86_pa(_start_image), hi = x86_pa(_end);

	for (uint64_t i = 0; i < 512; i++) {
		uint64_t e = t[i], v = va + (i << shift), size = 1ULL << shift;
		uint64_t pa = e & PTE_ADDR & ~(size - 1);

		if (!(e & PTE_P))
			continue;
		if (shift == 12 || (shift <= 30 && (e & PTE_PS))) {
			*bad += pa != v - X86_KERNEL_VBASE || pa < lo || pa + size > hi;
			*bytes += size;
		} else {
			walk_image(memblock_env_phys_to_virt(e & PTE_ADDR), shift - 9, v,
				   bytes, bad);
		}
	}
}

static void check_tables(void)
{
	const uint64_t *pml4 = memblock_env_phys_to_virt(x86_read_cr3() & PTE_ADDR);
	struct walk w = { 0 };
	unsigned int others = 0, nomap = 0, nomap_bad = 0;
	uint64_t b, e;
	bool gb_fits = false;

	for (unsigned int i = 0; i < 512; i++)
		others += (pml4[i] & PTE_P) && i != PML4_KERNEL &&
			  (i < PML4_DIRECT || i >= PML4_DIRECT_END);
	ktap_ok(!others && (pml4[PML4_KERNEL] & PTE_P),
		"page tables: only the image (PML4 511) and the direct map (PML4 %u-%u), no identity map (%u other entries)",
		(unsigned int)PML4_DIRECT, (unsigned int)PML4_DIRECT_END - 1, others);
	if (pml4[PML4_KERNEL] & PTE_P) {
		uint64_t bytes = 0;
		unsigned int bad = 0;

		walk_image(memblock_env_phys_to_virt(pml4[PML4_KERNEL] & PTE_ADDR), 30,
			   0xffffff8000000000ULL, &bytes, &bad);
		ktap_ok(!bad && bytes == x86_pa(_end) - x86_pa(_start_image),
			"the image's mapping is the image exactly: %#llx bytes at %#llx, %u pages elsewhere",
			(unsigned long long)bytes, (unsigned long long)X86_KERNEL_VBASE +
			x86_pa(_start_image), bad);
	}

	/* Every slot of the direct map, 512 GiB each, in address order. */
	for (uint64_t i = PML4_DIRECT; i < PML4_DIRECT_END; i++)
		if (pml4[i] & PTE_P)
			walk(&w, memblock_env_phys_to_virt(pml4[i] & PTE_ADDR), 30,
			     X86_PAGE_OFFSET + ((i - PML4_DIRECT) << 39));
	if (w.in_run)
		run_done(&w);
	if (next_mappable(&w.next_region, &b, &e)) {
		ktap_diag("memory [%#llx-%#llx) is not mapped", (unsigned long long)b,
			  (unsigned long long)e);
		w.bad++;
	}
	ktap_ok(!w.bad && !w.misplaced,
		"direct map is exactly memblock.memory without NOMAP (%lu runs; %lu x 1G, %lu x 2M, %lu x 4K pages)",
		w.runs, x86_map_stats.pages[2], x86_map_stats.pages[1],
		x86_map_stats.pages[0]);

	/* Each NOMAP region explicitly: no page of it (first, last) is mapped. */
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (!(r->flags & MEMBLOCK_NOMAP))
			continue;
		nomap++;
		for (uint64_t a = r->base; a < r->base + r->size; a += PAGE_SIZE)
			if (x86_lookup(X86_PAGE_OFFSET + a, NULL) != (uint64_t)-1) {
				ktap_diag("NOMAP page %#llx is mapped", (unsigned long long)a);
				nomap_bad++;
				break;
			}
		ktap_ok(!nomap_bad, "NOMAP [mem %#018llx-%#018llx]: no page mapped",
			(unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1));
	}
	if (memblock_cmdline_find(x86_boot.cmdline, "test.nomap", NULL, NULL))
		ktap_ok(nomap > 0, "test.nomap made %u NOMAP regions", nomap);

	ktap_ok(memblock_get_current_limit() == memblock_end_of_DRAM(),
		"allocation limit is the end of RAM, all of it mapped (%#llx)",
		(unsigned long long)memblock_get_current_limit());
	/* 1 GiB pages wherever a mappable run holds an aligned GiB, if the CPU has them. */
	w.next_region = 0;
	while (next_mappable(&w.next_region, &b, &e))
		gb_fits |= ((b + (1ULL << 30) - 1) & ~((1ULL << 30) - 1)) + (1ULL << 30) <= e;
	ktap_ok(!!x86_map_stats.pages[2] == (x86_map_stats.gbpages && gb_fits),
		"1 GiB pages %s (the CPU %s them, %s)",
		x86_map_stats.pages[2] ? "used" : "not used",
		x86_map_stats.gbpages ? "has" : "lacks",
		gb_fits ? "an aligned GiB of memory exists" : "no aligned GiB of memory");
}

/* @p must be a direct-map address of mapped, allocated memory. */
static bool direct(const void *p, phys_addr_t size)
{
	uint64_t va = (uint64_t)(uintptr_t)p, pa = va - X86_PAGE_OFFSET;
	volatile unsigned char *c = (volatile unsigned char *)(uintptr_t)p;

	if (!p || va < X86_PAGE_OFFSET || pa >= memblock_end_of_DRAM() ||
	    x86_lookup(va, NULL) != pa || x86_lookup(va + size - 1, NULL) != pa + size - 1)
		return false;
	/* Touch it: first and last byte, written and read back. */
	c[0] = 0x5a;
	c[size - 1] = 0xa5;
	return c[0] == 0x5a && c[size - 1] == 0xa5;
}

static void virt_family(const char *what, void *p, phys_addr_t size)
{
	ktap_ok(direct(p, size), "%s returns a direct-map address: %p -> pa %#llx",
		what, p, p ? (unsigned long long)x86_pa(p) : 0ULL);
	if (p)
		memblock_free(p, size);
}

static void phys_family(const char *what, phys_addr_t pa, phys_addr_t size)
{
	ktap_ok(pa && pa < memblock_end_of_DRAM() &&
		direct(memblock_env_phys_to_virt(pa), size),
		"%s returns a physical address (%#llx), mapped at phys_to_virt()",
		what, (unsigned long long)pa);
	if (pa)
		memblock_phys_free(pa, size);
}

static void check_families(void)
{
	phys_addr_t top = memblock_end_of_DRAM();
	/* A node memory has (a machine without a SRAT has none: any node). */
	int nid = memblock_get_region_node(&memblock.memory.regions[0]);
	void *p;

	if (nid < 0 || nid >= MAX_NUMNODES)
		nid = NUMA_NO_NODE;
	virt_family("memblock_alloc", memblock_alloc(SZ_64K, PAGE_SIZE), SZ_64K);
	virt_family("memblock_alloc_raw", memblock_alloc_raw(SZ_64K, PAGE_SIZE), SZ_64K);
	virt_family("memblock_alloc_low", memblock_alloc_low(SZ_64K, PAGE_SIZE), SZ_64K);
	virt_family("memblock_alloc_from", memblock_alloc_from(SZ_64K, PAGE_SIZE, SZ_64K),
		    SZ_64K);
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
		ktap_ok(p && x86_pa(p) >= SZ_4G && direct(p, SZ_64K),
			"memblock_alloc lands above 4 GiB (pa %#llx), mapped",
			p ? (unsigned long long)x86_pa(p) : 0ULL);
		if (p)
			memblock_free(p, SZ_64K);
	}
	p = memblock_alloc_low(SZ_64K, PAGE_SIZE);
	ktap_ok(p && x86_pa(p) + SZ_64K <= SZ_4G, "memblock_alloc_low stays below 4 GiB (pa %#llx)",
		p ? (unsigned long long)x86_pa(p) : 0ULL);
	if (p)
		memblock_free(p, SZ_64K);
}

void x86_mmu_checks(void)
{
	check_tables();
	check_probes();
	check_families();
}

/* After mm_init(): the page array and the buddy allocator's pages. */
void arch_mm_checks(void)
{
	unsigned int bad = 0, touched = 0;

	for (unsigned int i = 0; i < mm_nr_ranges; i++) {
		const struct mm_range *r = &mm_ranges[i];
		uint64_t size = (uint64_t)(r->end_pfn - r->start_pfn) * sizeof(*r->map);
		uint64_t va = (uint64_t)(uintptr_t)r->map, pa = va - X86_PAGE_OFFSET;

		if (va < X86_PAGE_OFFSET || x86_lookup(va, NULL) != pa ||
		    x86_lookup(va + size - 1, NULL) != pa + size - 1)
			bad++;
	}
	ktap_ok(!bad, "struct page arrays lie in the direct map (%u ranges, %u outside)",
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
		bad += x86_lookup((uint64_t)(uintptr_t)p, NULL) != PFN_PHYS(pfn);
		bad += free_pages(pfn, 0) != 0;
		touched++;
	}
	ktap_ok(touched && !bad,
		"buddy pages of %u nodes written and read through the direct map (%u bad)",
		touched, bad);
}
