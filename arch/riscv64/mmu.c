// SPDX-License-Identifier: BSD-2-Clause
/*
 * The direct map, built from memblock the way Linux's setup_vm_final()
 * does: every range of memblock.memory except MEMBLOCK_NOMAP ones
 * (for_each_mem_range() leaves those out) is mapped at PAGE_OFFSET + its
 * physical address, with gigapages and megapages where the alignment
 * allows, 4 KiB pages elsewhere. Memory outside memblock.memory is never
 * mapped. What the kernel reads outside memory (riscv64_ioremap(): the
 * UART, the exit device, the DTB, which may lie outside memblock.memory,
 * e.g. above a linux,usable-memory-range) gets 4 KiB pages at IO_BASE +
 * its address; the image keeps head.S's mapping.
 *
 * The ranges, the steps and the table pages are the DT kernels' (arch/dt/
 * map.c, as arm64's); the tables' format is here. The tables come from
 * memblock below the current limit, so inside what is mapped already:
 * first head.S's 4 GiB early window, in which the tables for the memory
 * below 4 GiB are built; then, running on the new tables, the memory above
 * in growing steps, the limit raised after each one (as arch/x86_64/mmu.c
 * does).
 *
 * Sv48 when the hart has it: its root's last entry points to a table laid
 * out as the Sv39 root (every window is in the top 512 GiB), so one set of
 * tables serves both modes; satp is written with Sv48 and read back (a
 * mode the hart lacks leaves satp unchanged, per the privileged spec).
 */
#include <kernel/kernel.h>
#include <linux/memblock.h>
#include <dt/map.h>
#include <asm/csr.h>
#include <asm/layout.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>

#define SZ_2M		(1ULL << 21)
#define SZ_1G		(1ULL << 30)
#define MAX_IOMAPS	4

struct riscv64_map_stats riscv64_map_stats;
/* The table indexed by VA bits 38..30: Sv39's root, Sv48's second level. */
static uint64_t *top;
static struct {
	uint64_t start, end;		/* page-aligned */
} iomaps[MAX_IOMAPS];
static unsigned int niomaps;

static uint64_t pte_pa(uint64_t e)
{
	return ((e >> PTE_PPN_SHIFT) & SATP_PPN_MASK) << PAGE_SHIFT;
}

static uint64_t pte_of(uint64_t pa, uint64_t flags)
{
	return (pa >> PAGE_SHIFT) << PTE_PPN_SHIFT | flags;
}

static bool pte_leaf(uint64_t e)
{
	return e & (PTE_R | PTE_W | PTE_X);
}

static uint64_t read_satp(void)
{
	uint64_t v;

	__asm__ volatile("csrr %0, satp" : "=r"(v));
	return v;
}

static void write_satp(uint64_t v)
{
	__asm__ volatile("sfence.vma\n\tcsrw satp, %0\n\tsfence.vma" : : "r"(v) : "memory");
}

/* The table entry *@e points to, allocated when @e is empty. */
static uint64_t *next_table(uint64_t *e)
{
	if (!(*e & PTE_V))
		*e = pte_of(directmap_alloc_table(), PTE_V);
	else if (pte_leaf(*e))
		panic("direct map: %#llx is a leaf, not a table", (unsigned long long)*e);
	return memblock_env_phys_to_virt(pte_pa(*e));
}

/* Map [start, end) (page-aligned) at @base + start, as large as fits. */
static void map_range(uint64_t base, uint64_t start, uint64_t end, uint64_t flags,
		      bool count)
{
	while (start < end) {
		uint64_t va = base + start, left = end - start;
		uint64_t *l2 = &top[(va >> 30) & 511];
		uint64_t *l1, *l0;

		if (!(start & (SZ_1G - 1)) && left >= SZ_1G && !*l2) {
			*l2 = pte_of(start, flags);
			directmap_stats.pages[2] += count;
			start += SZ_1G;
			continue;
		}
		l1 = &next_table(l2)[(va >> 21) & 511];
		if (!(start & (SZ_2M - 1)) && left >= SZ_2M && !*l1) {
			*l1 = pte_of(start, flags);
			directmap_stats.pages[1] += count;
			start += SZ_2M;
			continue;
		}
		l0 = &next_table(l1)[(va >> 12) & 511];
		*l0 = pte_of(start, flags);
		directmap_stats.pages[0] += count;
		start += PAGE_SIZE;
	}
}

void directmap_arch_map(phys_addr_t start, phys_addr_t end)
{
	map_range(RISCV64_PAGE_OFFSET, start, end, PTE_DATA, true);
}

/* New entries only: a fence orders the stores before later walks. */
void directmap_arch_tables_written(void)
{
	__asm__ volatile("sfence.vma" : : : "memory");
}

void *riscv64_ioremap(uint64_t pa, uint64_t size)
{
	uint64_t start = pa & ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t end = (pa + size + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);

	/* Under the early tables, IO_BASE maps [0, EARLY_MAP_TOP). */
	if (!size || pa >= RISCV64_EARLY_MAP_TOP || end > RISCV64_EARLY_MAP_TOP ||
	    end < pa || niomaps == MAX_IOMAPS || top)
		return NULL;
	iomaps[niomaps].start = start;
	iomaps[niomaps++].end = end;
	return (void *)(uintptr_t)(RISCV64_IO_BASE + pa);
}

/* Switch to the new tables: Sv48 if allowed and the hart takes it. */
static void switch_tables(bool no4lvl)
{
	uint64_t top_pa = memblock_env_virt_to_phys(top);

	if (!no4lvl) {
		uint64_t root_pa = directmap_alloc_table();
		uint64_t *root = memblock_env_phys_to_virt(root_pa);
		uint64_t want = (uint64_t)SATP_MODE_SV48 << SATP_MODE_SHIFT |
				root_pa >> PAGE_SHIFT;

		root[511] = pte_of(top_pa, PTE_V);
		write_satp(want);
		if (read_satp() == want) {
			riscv64_map_stats.sv48 = true;
			riscv64_map_stats.levels = 4;
			return;
		}
		/* Refused: satp still holds the early tables. */
		memblock_phys_free(root_pa, PAGE_SIZE);
		directmap_stats.tables--;
	}
	write_satp((uint64_t)SATP_MODE_SV39 << SATP_MODE_SHIFT | top_pa >> PAGE_SHIFT);
	riscv64_map_stats.levels = 3;
}

void init_mem_mapping(bool no4lvl)
{
	phys_addr_t mapped;
	unsigned int kernel = RISCV64_VPN2(RISCV64_KERNEL_VBASE);

	/* The limit is the early window's end: everything below is mapped. */
	mapped = memblock_get_current_limit();
	if (mapped > RISCV64_EARLY_MAP_TOP)
		panic("direct map: limit %#llx beyond the early map",
		      (unsigned long long)mapped);
	top = memblock_env_phys_to_virt(directmap_alloc_table());
	/* The image's mapping (head.S's tables in .bss) carries over. */
	top[kernel] = early_pg_root[kernel];
	for (unsigned int i = 0; i < niomaps; i++)
		map_range(RISCV64_IO_BASE, iomaps[i].start, iomaps[i].end, PTE_DATA, false);
	directmap_map_memory(0, mapped);
	/* From here on, only the image, the devices and the memory below @mapped. */
	switch_tables(no4lvl);

	/* The memory above, in steps; the limit is the end of RAM afterwards. */
	directmap_map_above(mapped);
	printk("direct map: [mem %#018llx-%#018llx] at %#llx, %s: %lu x 1G, %lu x 2M, %lu x 4K pages, %lu table pages, %u steps\n",
	       0ULL, (unsigned long long)memblock_end_of_DRAM() - 1,
	       (unsigned long long)RISCV64_PAGE_OFFSET,
	       riscv64_map_stats.sv48 ? "Sv48" : "Sv39",
	       directmap_stats.pages[2], directmap_stats.pages[1],
	       directmap_stats.pages[0], directmap_stats.tables,
	       directmap_stats.steps);
}

uint64_t riscv64_lookup(uint64_t va, uint64_t *page_size)
{
	uint64_t satp = read_satp();
	unsigned int mode = satp >> SATP_MODE_SHIFT;
	int shift = mode == SATP_MODE_SV48 ? 39 : 30;
	const uint64_t *t;

	if (mode != SATP_MODE_SV39 && mode != SATP_MODE_SV48)
		return (uint64_t)-1;
	/* Only tables reached so far are read: they lie in the direct map. */
	t = memblock_env_phys_to_virt((satp & SATP_PPN_MASK) << PAGE_SHIFT);
	for (; shift >= 12; shift -= 9) {
		uint64_t e = t[(va >> shift) & 511], size = 1ULL << shift;

		if (!(e & PTE_V))
			return (uint64_t)-1;
		if (pte_leaf(e)) {
			if (page_size)
				*page_size = size;
			return (pte_pa(e) & ~(size - 1)) | (va & (size - 1));
		}
		t = memblock_env_phys_to_virt(pte_pa(e));
	}
	return (uint64_t)-1;
}

uint64_t directmap_arch_lookup(uint64_t va)
{
	return riscv64_lookup(va, NULL);
}

int directmap_arch_probe_read(const volatile void *va)
{
	return riscv64_probe_read(va);
}
