// SPDX-License-Identifier: BSD-2-Clause
/*
 * The final page tables, built from memblock the way Linux's paging_init()
 * maps memory: every range of memblock.memory except MEMBLOCK_NOMAP ones
 * (for_each_mem_range() leaves those out) is mapped at PAGE_OFFSET + its
 * physical address, Normal memory, not executable, with 1 GiB and 2 MiB
 * blocks where the alignment allows and 4 KiB pages elsewhere. Memory
 * outside memblock.memory is never mapped.
 *
 * The ranges, the steps and the table pages are the DT kernels' (arch/dt/
 * map.c); the tables' format is here. The tables come from memblock below
 * the current limit, so inside what is mapped already: first head.S's
 * early window, in which the tables for the memory below its top are
 * built; then, running on the new tables, the memory above in growing
 * steps, the limit raised after each one. The image keeps head.S's mapping
 * (L0[256]); the UART and the DTB get fixmap pages. Last, TTBR0 (the
 * idmap) is turned off.
 */
#include <kernel/kernel.h>
#include <linux/memblock.h>
#include <dt/map.h>
#include <asm/console.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>

#define SZ_2M		(1ULL << 21)
#define SZ_1G		(1ULL << 30)
#define PROT_LINEAR	(PROT_NORMAL_X | PTE_PXN | PTE_UXN)
#define PROT_FDT	(PROT_NORMAL_X | PTE_RDONLY | PTE_PXN | PTE_UXN)

/* The new L0, which directmap_arch_map() fills. */
static uint64_t *linear_l0;

static uint64_t *table_of(uint64_t entry)
{
	return memblock_env_phys_to_virt(entry & PTE_ADDR_MASK);
}

/* The table entry *@e points to, allocated when @e is empty. */
static uint64_t *next_table(uint64_t *e)
{
	if (!(*e & PTE_VALID))
		*e = directmap_alloc_table() | PTE_TABLE;
	else if ((*e & PTE_TYPE_MASK) != PTE_TABLE)
		panic("linear map: entry %#llx is a block, not a table",
		      (unsigned long long)*e);
	return table_of(*e);
}

static unsigned int idx(uint64_t va, int shift)
{
	return (unsigned int)(va >> shift) & (PTRS_PER_TABLE - 1);
}

/*
 * Map [pa, end) (page-aligned) at @va with @prot; blocks when @blocks and
 * the alignment allow (the linear map), 4 KiB pages otherwise.
 */
static void map_range(uint64_t *l0, uint64_t va, uint64_t pa, uint64_t end,
		      uint64_t prot, bool blocks)
{
	while (pa < end) {
		uint64_t left = end - pa;
		uint64_t *l1 = &next_table(&l0[idx(va, L0_SHIFT)])[idx(va, L1_SHIFT)];
		uint64_t *l2;

		if (blocks && !((va | pa) & (SZ_1G - 1)) && left >= SZ_1G && !*l1) {
			*l1 = pa | prot | PTE_BLOCK;
			directmap_stats.pages[2]++;
			va += SZ_1G;
			pa += SZ_1G;
			continue;
		}
		l2 = &next_table(l1)[idx(va, L2_SHIFT)];
		if (blocks && !((va | pa) & (SZ_2M - 1)) && left >= SZ_2M && !*l2) {
			*l2 = pa | prot | PTE_BLOCK;
			directmap_stats.pages[1]++;
			va += SZ_2M;
			pa += SZ_2M;
			continue;
		}
		next_table(l2)[idx(va, L3_SHIFT)] = pa | prot | PTE_PAGE;
		directmap_stats.pages[0] += blocks;
		va += PAGE_SIZE;
		pa += PAGE_SIZE;
	}
}

void directmap_arch_map(phys_addr_t start, phys_addr_t end)
{
	map_range(linear_l0, PAGE_OFFSET + start, start, end, PROT_LINEAR, true);
}

static uint64_t ttbr1_pa(void)
{
	uint64_t v;

	__asm__ volatile("mrs %0, ttbr1_el1" : "=r"(v));
	return v & PTE_ADDR_MASK;
}

/* New entries only (no entry changed): make them visible to the walker. */
void directmap_arch_tables_written(void)
{
	__asm__ volatile("dsb ishst\n\tisb" : : : "memory");
}

/* Switch TTBR1 to @l0_pa: the image's mapping is the same in both. */
static void switch_ttbr1(phys_addr_t l0_pa)
{
	__asm__ volatile("dsb ishst\n\t"
			 "msr ttbr1_el1, %0\n\t"
			 "isb\n\t"
			 "tlbi vmalle1\n\t"
			 "dsb nsh\n\t"
			 "isb" : : "r"((uint64_t)l0_pa) : "memory");
}

/* No more TTBR0 walks: physical addresses are no longer addresses. */
static void drop_idmap(void)
{
	uint64_t tcr;

	__asm__ volatile("mrs %0, tcr_el1" : "=r"(tcr));
	tcr |= TCR_EL1_EPD0;
	__asm__ volatile("msr tcr_el1, %0\n\t"
			 "isb\n\t"
			 "msr ttbr0_el1, xzr\n\t"
			 "isb\n\t"
			 "tlbi vmalle1\n\t"
			 "dsb nsh\n\t"
			 "isb" : : "r"(tcr) : "memory");
}

/* The UART's and the DTB's pages in the fixmap; their new addresses. */
static void map_fixmap(uint64_t *l0, uintptr_t *uart, const void **fdt)
{
	uint64_t pa = arm64_console_base(), base = pa & ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t dtb = arm64_boot.dtb, dtb_base = dtb & ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t dtb_end = (dtb + arm64_boot.dt.totalsize + PAGE_SIZE - 1) &
			   ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t fix_uart = FIXMAP_BASE + FIX_UART * PAGE_SIZE;
	uint64_t fix_fdt = FIXMAP_BASE + FIX_FDT * PAGE_SIZE;

	map_range(l0, fix_uart, base, base + PAGE_SIZE,
		  PROT_DEVICE | PTE_PXN | PTE_UXN, false);
	*uart = (uintptr_t)(fix_uart + (pa - base));
	if (dtb_end - dtb_base > FIX_FDT_PAGES * PAGE_SIZE)
		panic("fixmap: DTB of %u bytes too large", arm64_boot.dt.totalsize);
	map_range(l0, fix_fdt, dtb_base, dtb_end, PROT_FDT, false);
	*fdt = (const void *)(uintptr_t)(fix_fdt + (dtb - dtb_base));
}

/* Pointers into the DTB kept by the scan: moved with it. */
static const char *moved(const char *p, const void *from, const void *to)
{
	return p ? (const char *)to + (p - (const char *)from) : NULL;
}

void paging_init(void)
{
	phys_addr_t mapped, l0_pa;
	const void *old_fdt = arm64_boot.dt.blob, *fdt;
	uint64_t *l0, *old_l0 = memblock_env_phys_to_virt(ttbr1_pa());
	uintptr_t uart;

	/* The limit is the early window's top: everything below is mapped. */
	mapped = memblock_get_current_limit();
	if (mapped > arm64_early_map_top)
		panic("linear map: limit %#llx beyond the early window",
		      (unsigned long long)mapped);
	l0_pa = directmap_alloc_table();
	l0 = linear_l0 = memblock_env_phys_to_virt(l0_pa);
	/* The image's mapping (head.S's tables in .bss) carries over. */
	l0[idx(KIMAGE_VADDR, L0_SHIFT)] = old_l0[idx(KIMAGE_VADDR, L0_SHIFT)];
	directmap_map_memory(0, mapped);
	map_fixmap(l0, &uart, &fdt);
	/* From here on: the image, the memory below @mapped, the fixmap. */
	switch_ttbr1(l0_pa);
	arm64_console_remap(uart);
	if (fdtr_init(&arm64_boot.dt, fdt, arm64_boot.dt.totalsize))
		panic("fixmap: the DTB does not read back");
	dt_kernel_scan.bootargs = moved(dt_kernel_scan.bootargs, old_fdt, fdt);
	dt_kernel_scan.stdout_path = moved(dt_kernel_scan.stdout_path, old_fdt, fdt);

	/* The memory above, in steps; the limit is the end of RAM afterwards. */
	directmap_map_above(mapped);
	drop_idmap();
	printk("linear map: [mem %#018llx-%#018llx] at %#llx: %lu x 1G, %lu x 2M, %lu x 4K pages, %lu table pages, %u steps above the early window\n",
	       (unsigned long long)memblock_start_of_DRAM(),
	       (unsigned long long)memblock_end_of_DRAM() - 1,
	       (unsigned long long)PAGE_OFFSET, directmap_stats.pages[2],
	       directmap_stats.pages[1], directmap_stats.pages[0],
	       directmap_stats.tables, directmap_stats.steps);
	printk("fixmap: uart at %#lx, DTB at %#lx; idmap (TTBR0) off\n",
	       (unsigned long)uart, (unsigned long)(uintptr_t)fdt);
}

uint64_t arm64_lookup(uint64_t va, uint64_t *page_size, uint64_t *desc)
{
	const uint64_t *t = memblock_env_phys_to_virt(ttbr1_pa());

	/* Only tables reached so far are read: they lie in the linear map. */
	for (int shift = L0_SHIFT; shift >= L3_SHIFT; shift -= 9) {
		uint64_t e = t[idx(va, shift)], size = 1ULL << shift;

		if (!(e & PTE_VALID))
			return (uint64_t)-1;
		if (shift == L3_SHIFT || (e & PTE_TYPE_MASK) == PTE_BLOCK) {
			if (page_size)
				*page_size = size;
			if (desc)
				*desc = e;
			return (e & PTE_ADDR_MASK & ~(size - 1)) | (va & (size - 1));
		}
		t = table_of(e);
	}
	return (uint64_t)-1;
}

uint64_t directmap_arch_lookup(uint64_t va)
{
	return arm64_lookup(va, NULL, NULL);
}

int directmap_arch_probe_read(const volatile void *va)
{
	return arm64_probe_read(va);
}
