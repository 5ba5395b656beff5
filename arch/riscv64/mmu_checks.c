// SPDX-License-Identifier: BSD-2-Clause
/*
 * Checks of the page tables (mmu.c), reported as TAP. The oracle is
 * memblock.memory read region by region (not the iterator mmu.c maps
 * with): the live tables, walked entry by entry from satp, must map
 * exactly the regions without MEMBLOCK_NOMAP, each at PAGE_OFFSET + its
 * address; the image at KERNEL_VBASE and nothing else of it; at IO_BASE
 * only the console UART's, the exit device's and the DTB's pages; nothing
 * else (no identity map). Reads of NOMAP memory, of a hole and of the end of RAM
 * through the direct map fault, and the trap handler (traps.c) reports
 * each fault to the check. Then every allocation family through
 * memblock_env_phys_to_virt(), the page array's place and the buddy
 * allocator's pages, touched through the direct map.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <kernel/buddy.h>
#include <kernel/page.h>
#include <linux/memblock.h>
#include <asm/console.h>
#include <asm/layout.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>

#define SZ_64K		0x10000ULL
#define SZ_1G		(1ULL << 30)
#define SZ_4G		(1ULL << 32)

static uint64_t pte_pa(uint64_t e)
{
	return ((e >> PTE_PPN_SHIFT) & SATP_PPN_MASK) << PAGE_SHIFT;
}

static uint64_t page_of(uint64_t pa)
{
	return pa & ~(uint64_t)(PAGE_SIZE - 1);
}

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
	/* The direct map: the run of mapped memory being built. */
	uint64_t run_base, run_end;
	bool in_run;
	unsigned long next_region;	/* next_mappable()'s cursor */
	unsigned long runs, bad, misplaced;
	/* The image, the devices, the rest. */
	uint64_t image_bytes;
	unsigned int image_bad, nio, io_bad, stray;
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

static void direct_leaf(struct walk *w, uint64_t va, uint64_t pa, uint64_t size)
{
	if (pa != va - RISCV64_PAGE_OFFSET && w->misplaced++ < 4)
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

/* The pages the kernel reads outside memory: UART, exit device, DTB. */
static bool in_pages(uint64_t pa, uint64_t base, uint64_t size)
{
	return size && pa >= page_of(base) && pa < base + size;
}

static bool io_page(uint64_t pa)
{
	const struct riscv64_boot *b = &riscv64_boot;

	return in_pages(pa, riscv64_console_base(), riscv64_console_base() ? 1 : 0) ||
	       in_pages(pa, b->test_dev, b->test_dev ? 1 : 0) ||
	       in_pages(pa, b->dtb, b->dt.totalsize);
}

/* How many: the three ranges' pages (distinct in QEMU virt). */
static unsigned int io_pages(void)
{
	const struct riscv64_boot *b = &riscv64_boot;

	return !!riscv64_console_base() + !!b->test_dev +
	       (unsigned int)((page_of(b->dtb + b->dt.totalsize - 1) - page_of(b->dtb)) /
			      PAGE_SIZE + 1);
}

static void leaf(struct walk *w, uint64_t va, uint64_t pa, uint64_t size)
{
	uint64_t lo = riscv64_boot.kernel_pa, hi = lo + (uint64_t)(_end - _text);

	if (va >= RISCV64_KERNEL_VBASE) {
		w->image_bad += pa != va - RISCV64_KERNEL_VBASE + lo || pa < lo ||
				pa + size > hi;
		w->image_bytes += size;
	} else if (va >= RISCV64_PAGE_OFFSET) {
		direct_leaf(w, va, pa, size);
	} else if (va >= RISCV64_IO_BASE) {
		w->io_bad += size != PAGE_SIZE || pa != va - RISCV64_IO_BASE ||
			     !io_page(pa);
		w->nio++;
	} else {
		if (w->stray++ < 4)
			ktap_diag("stray mapping: va %#llx -> pa %#llx, %#llx bytes",
				  (unsigned long long)va, (unsigned long long)pa,
				  (unsigned long long)size);
	}
}

/* Walk the table at @t, whose entries map 1 << @shift bytes, from @va. */
static void walk(struct walk *w, const uint64_t *t, int shift, int top_shift, uint64_t va)
{
	for (uint64_t i = 0; i < 512; i++) {
		uint64_t e = t[i], v = va + (i << shift), size = 1ULL << shift;

		if (!(e & PTE_V))
			continue;
		/* The root's upper half: sign-extend the virtual address. */
		if (shift == top_shift && i >= 256)
			v |= ~0ULL << (top_shift + 8);
		if (e & (PTE_R | PTE_W | PTE_X))
			leaf(w, v, pte_pa(e) & ~(size - 1), size);
		else if (shift > 12)
			walk(w, memblock_env_phys_to_virt(pte_pa(e)), shift - 9, top_shift, v);
		else
			w->stray++;
	}
}

static void check_tables(void)
{
	uint64_t satp, b, e;
	unsigned int mode, nomap = 0, nomap_bad = 0;
	bool no4lvl = dt_cmdline_word(dt_kernel_scan.bootargs, "no4lvl");
	bool gb_fits = false;
	int top_shift;
	struct walk w = { 0 };

	__asm__ volatile("csrr %0, satp" : "=r"(satp));
	mode = satp >> SATP_MODE_SHIFT;
	top_shift = mode == SATP_MODE_SV48 ? 39 : 30;
	ktap_ok((mode == SATP_MODE_SV48 && riscv64_map_stats.sv48 && !no4lvl) ||
		(mode == SATP_MODE_SV39 && !riscv64_map_stats.sv48),
		"paging: satp mode %s (%u levels)%s, root at pa %#llx",
		mode == SATP_MODE_SV48 ? "Sv48" : mode == SATP_MODE_SV39 ? "Sv39" : "?",
		riscv64_map_stats.levels, no4lvl ? ", no4lvl given" : "",
		(unsigned long long)((satp & SATP_PPN_MASK) << PAGE_SHIFT));
	if (mode != SATP_MODE_SV39 && mode != SATP_MODE_SV48)
		return;
	walk(&w, memblock_env_phys_to_virt((satp & SATP_PPN_MASK) << PAGE_SHIFT),
	     top_shift, top_shift, 0);
	if (w.in_run)
		run_done(&w);
	if (next_mappable(&w.next_region, &b, &e)) {
		ktap_diag("memory [%#llx-%#llx) is not mapped", (unsigned long long)b,
			  (unsigned long long)e);
		w.bad++;
	}
	ktap_ok(!w.stray, "page tables: only the image, the devices and the direct map, no identity map (%u other mappings)",
		w.stray);
	ktap_ok(!w.image_bad && w.image_bytes == (uint64_t)(_end - _text),
		"the image's mapping is the image exactly: %#llx bytes at %#llx -> pa %#llx, %u pages elsewhere",
		(unsigned long long)w.image_bytes, (unsigned long long)RISCV64_KERNEL_VBASE,
		(unsigned long long)riscv64_boot.kernel_pa, w.image_bad);
	ktap_ok(!w.io_bad && w.nio == io_pages(),
		"IO window: the UART's, the exit device's and the DTB's pages only (%u at IO_BASE + pa, want %u)",
		w.nio, io_pages());
	ktap_ok(!w.bad && !w.misplaced,
		"direct map is exactly memblock.memory without NOMAP (%lu runs; %lu x 1G, %lu x 2M, %lu x 4K pages)",
		w.runs, riscv64_map_stats.pages[2], riscv64_map_stats.pages[1],
		riscv64_map_stats.pages[0]);

	/* Each NOMAP region explicitly: no page of it is mapped. */
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (!(r->flags & MEMBLOCK_NOMAP))
			continue;
		nomap++;
		nomap_bad = 0;
		for (uint64_t a = r->base; a < r->base + r->size; a += PAGE_SIZE)
			if (riscv64_lookup(RISCV64_PAGE_OFFSET + a, NULL) != (uint64_t)-1) {
				ktap_diag("NOMAP page %#llx is mapped", (unsigned long long)a);
				nomap_bad++;
				break;
			}
		ktap_ok(!nomap_bad, "NOMAP [mem %#018llx-%#018llx]: no page mapped",
			(unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1));
	}
	if (dt_kernel_scan.reserved_nomap)
		ktap_ok(nomap > 0, "the tree's %u no-map range(s) made %u NOMAP region(s)",
			dt_kernel_scan.reserved_nomap, nomap);

	ktap_ok(memblock_get_current_limit() == memblock_end_of_DRAM(),
		"allocation limit is the end of RAM, all of it mapped (%#llx)",
		(unsigned long long)memblock_get_current_limit());
	/* Gigapages wherever a mappable run holds an aligned GiB. */
	w.next_region = 0;
	while (next_mappable(&w.next_region, &b, &e))
		gb_fits |= ((b + SZ_1G - 1) & ~(SZ_1G - 1)) + SZ_1G <= e;
	ktap_ok(!!riscv64_map_stats.pages[2] == gb_fits,
		"gigapages %s (%s)", riscv64_map_stats.pages[2] ? "used" : "not used",
		gb_fits ? "an aligned GiB of memory exists" : "no aligned GiB of memory");
}

/* A read at PAGE_OFFSET + @pa must fault, the trap handler reporting it. */
static void check_faults(uint64_t pa, const char *what)
{
	uint64_t va = RISCV64_PAGE_OFFSET + pa;
	int faulted;

	riscv64_probe_stval = 0;
	faulted = riscv64_probe_read((const volatile void *)(uintptr_t)va);
	ktap_ok(faulted && riscv64_probe_stval == va,
		"a read of %s (pa %#llx) faults: load page fault at %#llx", what,
		(unsigned long long)pa, (unsigned long long)riscv64_probe_stval);
}

/* Reads that must fault (NOMAP, holes, past RAM) and one that must not. */
static void check_probes(void)
{
	const struct memblock_type *m = &memblock.memory;
	uint64_t image = riscv64_boot.kernel_pa;

	ktap_ok(!riscv64_probe_read((const volatile void *)(uintptr_t)(RISCV64_PAGE_OFFSET + image)),
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
	if (memblock_start_of_DRAM() >= PAGE_SIZE)
		check_faults(memblock_start_of_DRAM() - PAGE_SIZE, "the page below RAM");
}

/* @p must be a direct-map address of mapped, allocated memory. */
static bool direct(const void *p, phys_addr_t size)
{
	uint64_t va = (uint64_t)(uintptr_t)p, pa = va - RISCV64_PAGE_OFFSET;
	volatile unsigned char *c = (volatile unsigned char *)(uintptr_t)p;

	if (!p || va < RISCV64_PAGE_OFFSET || va >= RISCV64_KERNEL_VBASE ||
	    pa >= memblock_end_of_DRAM() || riscv64_lookup(va, NULL) != pa ||
	    riscv64_lookup(va + size - 1, NULL) != pa + size - 1)
		return false;
	/* Touch it: first and last byte, written and read back. */
	c[0] = 0x5a;
	c[size - 1] = 0xa5;
	return c[0] == 0x5a && c[size - 1] == 0xa5;
}

static void virt_family(const char *what, void *p, phys_addr_t size)
{
	ktap_ok(direct(p, size), "%s returns a direct-map address: %p -> pa %#llx",
		what, p, p ? (unsigned long long)memblock_env_virt_to_phys(p) : 0ULL);
	if (p)
		memblock_free(p, size);
}

static void phys_family(const char *what, phys_addr_t pa, phys_addr_t size)
{
	ktap_ok(pa && pa >= memblock_start_of_DRAM() && pa < memblock_end_of_DRAM() &&
		direct(memblock_env_phys_to_virt(pa), size),
		"%s returns a physical address (%#llx), mapped at phys_to_virt()",
		what, (unsigned long long)pa);
	if (pa)
		memblock_phys_free(pa, size);
}

static void check_families(void)
{
	phys_addr_t top = memblock_end_of_DRAM();
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
		ktap_ok(p && memblock_env_virt_to_phys(p) >= SZ_4G && direct(p, SZ_64K),
			"memblock_alloc lands above 4 GiB (pa %#llx), mapped",
			p ? (unsigned long long)memblock_env_virt_to_phys(p) : 0ULL);
		if (p)
			memblock_free(p, SZ_64K);
	}
	p = memblock_alloc_low(SZ_64K, PAGE_SIZE);
	ktap_ok(p && memblock_env_virt_to_phys(p) + SZ_64K <= SZ_4G,
		"memblock_alloc_low stays below 4 GiB (pa %#llx)",
		p ? (unsigned long long)memblock_env_virt_to_phys(p) : 0ULL);
	if (p)
		memblock_free(p, SZ_64K);
}

void riscv64_mmu_checks(void)
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
		uint64_t va = (uint64_t)(uintptr_t)r->map, pa = va - RISCV64_PAGE_OFFSET;

		if (va < RISCV64_PAGE_OFFSET || va >= RISCV64_KERNEL_VBASE ||
		    riscv64_lookup(va, NULL) != pa ||
		    riscv64_lookup(va + size - 1, NULL) != pa + size - 1)
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
		bad += riscv64_lookup((uint64_t)(uintptr_t)p, NULL) != PFN_PHYS(pfn);
		bad += free_pages(pfn, 0) != 0;
		touched++;
	}
	ktap_ok(touched && !bad,
		"buddy pages of %u nodes written and read through the direct map (%u bad)",
		touched, bad);
}
