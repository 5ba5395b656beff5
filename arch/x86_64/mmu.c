// SPDX-License-Identifier: BSD-2-Clause
/*
 * The direct map, built from memblock the way Linux's init_mem_mapping()
 * does: every range of memblock.memory except MEMBLOCK_NOMAP ones
 * (for_each_mem_range() leaves those out) is mapped at X86_PAGE_OFFSET +
 * its physical address, with 1 GiB pages (when the CPU has them) and
 * 2 MiB pages where the alignment allows, 4 KiB pages elsewhere. Memory
 * outside memblock.memory is never mapped.
 *
 * The page tables come from memblock_phys_alloc(), below the current limit
 * and so inside what is mapped already: first the early tables' 4 GiB
 * window (head.S), in which the tables for the memory below 4 GiB are
 * built; then, running on the new tables, the memory above in growing
 * steps, the limit raised after each one. The ranges, the steps and the
 * table pages are the code all three demo kernels share
 * (arch/common/directmap.c); this file writes the x86 table format
 * (directmap_arch_map()), switches CR3 and translates through the live tables.
 */
#include <kernel/kernel.h>
#include <linux/memblock.h>
#include <common/directmap.h>
#include "x86.h"

#define PTE_P		0x1ULL
#define PTE_W		0x2ULL
#define PTE_PS		0x80ULL
#define PTE_ADDR	0x000ffffffffff000ULL
#define SZ_2M		(1ULL << 21)
#define SZ_1G		(1ULL << 30)

static uint64_t *pml4;

static uint64_t *table_of(uint64_t entry)
{
	return memblock_env_phys_to_virt(entry & PTE_ADDR);
}

/* The table entry *@e points to, allocated when @e is empty. */
static uint64_t *next_table(uint64_t *e)
{
	if (!(*e & PTE_P))
		*e = directmap_alloc_table() | PTE_P | PTE_W;
	else if (*e & PTE_PS)
		panic("direct map: %#llx is a large page, not a table",
		      (unsigned long long)*e);
	return table_of(*e);
}

/* Map [start, end) (page-aligned) at X86_PAGE_OFFSET + start. */
void directmap_arch_map(phys_addr_t start, phys_addr_t end)
{
	while (start < end) {
		uint64_t va = X86_PAGE_OFFSET + start, left = end - start;
		uint64_t *pdpt = next_table(&pml4[(va >> 39) & 511]);
		uint64_t *l3 = &pdpt[(va >> 30) & 511];
		uint64_t *pd, *l2;

		if (!directmap_stats.no_gbpages && !(start & (SZ_1G - 1)) &&
		    left >= SZ_1G && !*l3) {
			*l3 = start | PTE_P | PTE_W | PTE_PS;
			directmap_stats.pages[2]++;
			start += SZ_1G;
			continue;
		}
		pd = next_table(l3);
		l2 = &pd[(va >> 21) & 511];
		if (!(start & (SZ_2M - 1)) && left >= SZ_2M && !*l2) {
			*l2 = start | PTE_P | PTE_W | PTE_PS;
			directmap_stats.pages[1]++;
			start += SZ_2M;
			continue;
		}
		next_table(l2)[(va >> 12) & 511] = start | PTE_P | PTE_W;
		directmap_stats.pages[0]++;
		start += PAGE_SIZE;
	}
}

/*
 * Nothing to do: only empty entries are filled, and x86 caches no
 * not-present entry, so the walker sees the new ones as they are written.
 */
void directmap_arch_tables_written(void)
{
}

uint64_t x86_read_cr3(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

/* CPUID 0x80000001 EDX bit 26: 1 GiB pages. */
static bool cpu_has_gbpages(void)
{
	uint32_t a = 0x80000000, b, c, d;

	__asm__("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	if (a < 0x80000001)
		return false;
	a = 0x80000001;
	__asm__("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	return d & (1u << 26);
}

void init_mem_mapping(void)
{
	phys_addr_t top = memblock_end_of_DRAM(), mapped, pml4_pa;

	directmap_stats.no_gbpages = !cpu_has_gbpages();
	/*
	 * Memory past what the direct map can hold (64 TiB with 4-level
	 * tables) would have no virtual address: it leaves memblock, so no
	 * allocation and no hand-off ever reaches it.
	 */
	if (top > X86_DIRECT_MAP_SIZE) {
		printk("direct map: [mem %#018llx-%#018llx] is past the direct map's %llu TiB, not used\n",
		       (unsigned long long)X86_DIRECT_MAP_SIZE, (unsigned long long)top - 1,
		       X86_DIRECT_MAP_SIZE >> 40);
		if (memblock_remove(X86_DIRECT_MAP_SIZE, top - X86_DIRECT_MAP_SIZE))
			panic("direct map: cannot remove the memory past it");
		top = memblock_end_of_DRAM();
	}
	/* The limit is the early window's end: everything below is mapped. */
	mapped = memblock_get_current_limit();
	if (mapped > EARLY_MAP_TOP)
		panic("direct map: limit %#llx beyond the early map",
		      (unsigned long long)mapped);
	pml4_pa = directmap_alloc_table();
	pml4 = memblock_env_phys_to_virt(pml4_pa);
	/* The image's mapping (head.S's tables in .bss) carries over. */
	pml4[511] = boot_pml4[511];
	directmap_map_memory(0, mapped);
	/* From here on, only the image and the memory below @mapped. */
	__asm__ volatile("mov %0, %%cr3" : : "r"((uint64_t)pml4_pa) : "memory");
	/* The rest in growing steps; the limit is the end of RAM after. */
	directmap_map_above(mapped);
	printk("direct map: [mem %#018llx-%#018llx] at %#llx: %lu x 1G, %lu x 2M, %lu x 4K pages, %lu table pages, %u steps%s\n",
	       0ULL, (unsigned long long)top - 1, (unsigned long long)X86_PAGE_OFFSET,
	       directmap_stats.pages[2], directmap_stats.pages[1], directmap_stats.pages[0],
	       directmap_stats.tables, directmap_stats.steps,
	       directmap_stats.no_gbpages ? " (no 1 GiB pages on this CPU)" : "");
}

uint64_t x86_lookup(uint64_t va, uint64_t *page_size)
{
	const uint64_t *t = memblock_env_phys_to_virt(x86_read_cr3() & PTE_ADDR);
	uint64_t size = 1ULL << 39;

	/* Only tables reached so far are read: they lie in the direct map. */
	for (int shift = 39; shift >= 12; shift -= 9) {
		uint64_t e = t[(va >> shift) & 511];

		size = 1ULL << shift;
		if (!(e & PTE_P))
			return (uint64_t)-1;
		if (shift == 12 || (shift <= 30 && (e & PTE_PS))) {
			if (page_size)
				*page_size = size;
			return (e & PTE_ADDR & ~(size - 1)) | (va & (size - 1));
		}
		t = table_of(e);
	}
	return (uint64_t)-1;
}

uint64_t directmap_arch_lookup(uint64_t va)
{
	return x86_lookup(va, NULL);
}

int directmap_arch_probe_read(const volatile void *va)
{
	return x86_probe_read(va);
}
