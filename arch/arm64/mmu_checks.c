// SPDX-License-Identifier: BSD-2-Clause
/*
 * Checks of the page tables (mmu.c, head.S), reported as TAP. The live
 * TTBR1 tables, walked entry by entry: the linear map's leaves, Normal
 * and not executable, go to arch/dt/map_checks.c, which compares them
 * with memblock.memory region by region; besides, only the image (at its
 * link address, wherever it was loaded) and the fixmap (UART, DTB); TTBR0
 * is off. Reads that must fault (NOMAP memory, a hole, the end of RAM: the
 * shared checks; the image's physical address: here) take a translation
 * fault, which traps.c turns into a result here. (arch/dt/linear_checks.c:
 * what is allocated through the map.)
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <linux/memblock.h>
#include <dt/map.h>
#include <asm/console.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>

#define L0_LINEAR_END	256		/* L0[0..255]: the linear map */
#define L0_KIMAGE	256
#define L0_FIXMAP	((FIXMAP_BASE >> L0_SHIFT) & 511)
#define ATTR_LINEAR	(PTE_ATTRINDX_MASK | PTE_RDONLY | PTE_AF | PTE_PXN | PTE_UXN)

static uint64_t *table_of(uint64_t e)
{
	return memblock_env_phys_to_virt(e & PTE_ADDR_MASK);
}

static bool is_leaf(uint64_t e, int shift)
{
	return shift == L3_SHIFT ? (e & PTE_TYPE_MASK) == PTE_PAGE
				 : (e & PTE_TYPE_MASK) == PTE_BLOCK;
}

struct walk {
	struct directmap_walk map;
	unsigned long badattr;
};

static void leaf(struct walk *w, uint64_t va, uint64_t e, uint64_t size)
{
	/* Normal memory, read-write, not executable, access flag set. */
	if ((e & ATTR_LINEAR) != (PTE_ATTRINDX(MT_NORMAL) | PTE_AF | PTE_PXN | PTE_UXN) &&
	    w->badattr++ < 4)
		ktap_diag("linear map: va %#llx descriptor %#llx", (unsigned long long)va,
			  (unsigned long long)e);
	directmap_walk_leaf(&w->map, va, e & PTE_ADDR_MASK & ~(size - 1), size);
}

/* Walk the table at @t (level @shift: 39 L0 ... 12 L3) from @va. */
static void walk(struct walk *w, const uint64_t *t, int shift, uint64_t va,
		 unsigned int n)
{
	for (uint64_t i = 0; i < n; i++) {
		uint64_t e = t[i], v = va + (i << shift), size = 1ULL << shift;

		if (!(e & PTE_VALID))
			continue;
		if (is_leaf(e, shift))
			leaf(w, v, e, size);
		else
			walk(w, table_of(e), shift - 9, v, PTRS_PER_TABLE);
	}
}

/*
 * Count the leaves under @t from @va: pages, bytes, and those that are not
 * @pa0 + (va - @va0) with attributes @attr (under @mask).
 */
struct area {
	uint64_t va0, pa0, bytes, blocks;
	unsigned long bad;
};

static void walk_area(struct area *a, const uint64_t *t, int shift, uint64_t va,
		      uint64_t (*want)(uint64_t va))
{
	for (uint64_t i = 0; i < PTRS_PER_TABLE; i++) {
		uint64_t e = t[i], v = va + (i << shift), size = 1ULL << shift;

		if (!(e & PTE_VALID))
			continue;
		if (!is_leaf(e, shift)) {
			walk_area(a, table_of(e), shift - 9, v, want);
			continue;
		}
		a->blocks += shift != L3_SHIFT;
		a->bytes += size;
		a->bad += (e & ~PTE_ADDR_MASK) != want(v) ||
			  (e & PTE_ADDR_MASK) != v - a->va0 + a->pa0;
	}
}

/* The image's pages: text read-only executable, rodata read-only, the rest read-write. */
static uint64_t image_attr(uint64_t va)
{
	uint64_t base = PROT_NORMAL_X | PTE_PAGE;

	if (va < (uint64_t)(uintptr_t)__etext)
		return base | PTE_RDONLY;
	if (va < (uint64_t)(uintptr_t)__rw_start)
		return base | PTE_RDONLY | PTE_PXN | PTE_UXN;
	return base | PTE_PXN | PTE_UXN;
}

static void check_tables(void)
{
	uint64_t ttbr1, tcr;
	const uint64_t *l0;
	struct walk w = { 0 };
	struct area img = { 0 };
	unsigned int others = 0;

	__asm__ volatile("mrs %0, ttbr1_el1" : "=r"(ttbr1));
	__asm__ volatile("mrs %0, tcr_el1" : "=r"(tcr));
	l0 = table_of(ttbr1);
	ktap_ok((tcr & TCR_EL1_EPD0) != 0,
		"page tables: TTBR0 walks disabled (TCR_EL1.EPD0): no identity map");
	for (unsigned int i = L0_LINEAR_END; i < PTRS_PER_TABLE; i++)
		others += (l0[i] & PTE_VALID) && i != L0_KIMAGE && i != L0_FIXMAP;
	ktap_ok(!others && (l0[L0_KIMAGE] & PTE_VALID),
		"page tables: TTBR1 holds the linear map (L0[0-255]), the image (L0[256]) and the fixmap (L0[%u]) only (%u other entries)",
		(unsigned int)L0_FIXMAP, others);

	img.va0 = (uint64_t)(uintptr_t)_text;
	img.pa0 = __pa_symbol(_text);
	if (l0[L0_KIMAGE] & PTE_VALID)
		walk_area(&img, table_of(l0[L0_KIMAGE]), L1_SHIFT,
			  0xffff800000000000ULL, image_attr);
	ktap_ok(!img.bad && !img.blocks && img.bytes == (uint64_t)(_end - _text),
		"the image's mapping is the image exactly, 4 KiB pages: %#llx bytes at %#llx -> pa %#llx, %lu wrong",
		(unsigned long long)img.bytes, (unsigned long long)img.va0,
		(unsigned long long)img.pa0, img.bad);

	walk(&w, l0, L0_SHIFT, 0xffff000000000000ULL, L0_LINEAR_END);
	directmap_check_walk(&w.map);
	ktap_ok(!w.badattr, "linear map: Normal memory, read-write, never executable (%lu wrong)",
		w.badattr);
}

/* The fixmap: the UART's page as Device memory, the DTB's read-only. */
static void check_fixmap(void)
{
	uint64_t uart = arm64_console_base(), desc = 0, size = 0;
	uint64_t fdt_va = (uint64_t)(uintptr_t)arm64_boot.dt.blob;
	uint64_t fix_uart = FIXMAP_BASE + FIX_UART * PAGE_SIZE + (uart & (PAGE_SIZE - 1));
	uint64_t got = arm64_lookup(fix_uart, &size, &desc);

	ktap_ok(got == uart && size == PAGE_SIZE &&
		(desc & PTE_ATTRINDX_MASK) == PTE_ATTRINDX(MT_DEVICE_nGnRE) &&
		(desc & PTE_PXN) && (desc & PTE_UXN),
		"fixmap: the UART %#llx is a Device-nGnRE page at %#llx",
		(unsigned long long)uart, (unsigned long long)fix_uart);
	got = arm64_lookup(fdt_va, NULL, &desc);
	ktap_ok(got == arm64_boot.dtb &&
		arm64_lookup(fdt_va + arm64_boot.dt.totalsize - 1, NULL, NULL) ==
		arm64_boot.dtb + arm64_boot.dt.totalsize - 1 && (desc & PTE_RDONLY) &&
		fdt_va >= FIXMAP_BASE,
		"fixmap: the DTB (pa %#llx, %u bytes) is read-only at %#llx",
		(unsigned long long)arm64_boot.dtb, arm64_boot.dt.totalsize,
		(unsigned long long)fdt_va);
}

/* A read at @va must take a translation fault at @va. */
void directmap_arch_check_fault(uint64_t va, const char *what, uint64_t pa)
{
	int faulted;
	unsigned int ec, dfsc;

	arm64_probe_esr = arm64_probe_far = 0;
	faulted = arm64_probe_read((const volatile void *)(uintptr_t)va);
	ec = (unsigned int)(arm64_probe_esr >> ESR_EC_SHIFT) & ESR_EC_MASK;
	dfsc = (unsigned int)arm64_probe_esr & ESR_DFSC_MASK;
	ktap_ok(faulted && ec == ESR_EC_DABT_CUR && arm64_probe_far == va &&
		(dfsc & ~3u) == ESR_DFSC_XLATE(0),
		"a read of %s (pa %#llx) at %#llx takes a data abort: translation fault, level %u, FAR %#llx",
		what, (unsigned long long)pa, (unsigned long long)va, dfsc & 3,
		(unsigned long long)arm64_probe_far);
}

/* The idmap is gone: the image's physical address is no address. */
static void check_idmap_gone(void)
{
	uint64_t image = __pa_symbol(_text);

	directmap_arch_check_fault(image, "the image at its physical address (the idmap)", image);
}

void arm64_mmu_checks(void)
{
	check_tables();
	dt_map_checks();
	check_fixmap();
	check_idmap_gone();
}
