// SPDX-License-Identifier: BSD-2-Clause
/*
 * Checks of the page tables (mmu.c), reported as TAP. The live tables,
 * walked entry by entry from satp: the direct map's leaves go to
 * arch/dt/map_checks.c, which compares them with memblock.memory region
 * by region; besides, the image at KERNEL_VBASE and nothing else of it; at
 * IO_BASE only the console UART's, the exit device's and the DTB's pages;
 * nothing else (no identity map). Reads that must fault (the shared
 * checks: NOMAP memory, a hole, the end of RAM, below RAM) take a load
 * page fault, which the trap handler (traps.c) reports to the check here.
 * (arch/dt/linear_checks.c: what is allocated through the map.)
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <linux/memblock.h>
#include <dt/map.h>
#include <asm/console.h>
#include <asm/layout.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>

static uint64_t pte_pa(uint64_t e)
{
	return ((e >> PTE_PPN_SHIFT) & SATP_PPN_MASK) << PAGE_SHIFT;
}

static uint64_t page_of(uint64_t pa)
{
	return pa & ~(uint64_t)(PAGE_SIZE - 1);
}

struct walk {
	struct directmap_walk map;
	/* The image, the devices, the rest. */
	uint64_t image_bytes;
	unsigned int image_bad, nio, io_bad, stray;
};

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
		directmap_walk_leaf(&w->map, va, pa, size);
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
	uint64_t satp;
	unsigned int mode;
	bool no4lvl = dt_cmdline_word(dt_kernel_scan.bootargs, "no4lvl");
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
	ktap_ok(!w.stray, "page tables: only the image, the devices and the direct map, no identity map (%u other mappings)",
		w.stray);
	ktap_ok(!w.image_bad && w.image_bytes == (uint64_t)(_end - _text),
		"the image's mapping is the image exactly: %#llx bytes at %#llx -> pa %#llx, %u pages elsewhere",
		(unsigned long long)w.image_bytes, (unsigned long long)RISCV64_KERNEL_VBASE,
		(unsigned long long)riscv64_boot.kernel_pa, w.image_bad);
	ktap_ok(!w.io_bad && w.nio == io_pages(),
		"IO window: the UART's, the exit device's and the DTB's pages only (%u at IO_BASE + pa, want %u)",
		w.nio, io_pages());
	directmap_check_walk(&w.map);
}

/* A read at @va must fault, the trap handler reporting it. */
void directmap_arch_check_fault(uint64_t va, const char *what, uint64_t pa)
{
	int faulted;

	riscv64_probe_stval = 0;
	faulted = riscv64_probe_read((const volatile void *)(uintptr_t)va);
	ktap_ok(faulted && riscv64_probe_stval == va,
		"a read of %s (pa %#llx) faults: load page fault at %#llx", what,
		(unsigned long long)pa, (unsigned long long)riscv64_probe_stval);
}

void riscv64_mmu_checks(void)
{
	check_tables();
	dt_map_checks();
}
