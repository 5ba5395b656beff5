// SPDX-License-Identifier: BSD-2-Clause
/*
 * Checks of the direct map (mmu.c), reported as TAP: the x86 side of the
 * proofs all three demo kernels share (arch/common/directmap_checks.c,
 * directmap_linear.c). The live page tables hold only the image (PML4
 * 511, the image exactly) and the direct map's slots; walked entry by
 * entry, the direct map's leaves must make exactly memblock.memory without
 * MEMBLOCK_NOMAP, read region by region (not the iterator mmu.c maps
 * with), each at X86_PAGE_OFFSET + its address. A read that must fault
 * faults with CR2 at the address read. Then NOMAP, the limit, 1 GiB
 * pages, the reads that must fault, every allocation family, the page
 * arrays and the buddy pages, the shared way.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <linux/memblock.h>
#include <common/directmap.h>
#include "x86.h"

#define PTE_P		0x1ULL
#define PTE_PS		0x80ULL
#define PTE_ADDR	0x000ffffffffff000ULL
#define PML4_DIRECT	((X86_PAGE_OFFSET >> 39) & 511)
#define PML4_DIRECT_END	(PML4_DIRECT + (X86_DIRECT_MAP_SIZE >> 39))
#define PML4_KERNEL	511

/* Walk the table at @t (level @shift: 39 PML4 ... 12 PT) from @va. */
static void walk(struct directmap_walk *w, const uint64_t *t, int shift, uint64_t va)
{
	for (uint64_t i = 0; i < 512; i++) {
		uint64_t e = t[i], v = va + (i << shift), size = 1ULL << shift;

		if (!(e & PTE_P))
			continue;
		if (shift == 12 || (shift <= 30 && (e & PTE_PS)))
			directmap_walk_leaf(w, v, e & PTE_ADDR & ~(size - 1), size);
		else
			walk(w, memblock_env_phys_to_virt(e & PTE_ADDR), shift - 9, v);
	}
}

/* A read at @va must fault, the fault handler reporting it (CR2). */
void directmap_arch_check_fault(uint64_t va, const char *what, uint64_t pa)
{
	int faulted;

	x86_probe_cr2 = 0;
	faulted = x86_probe_read((const volatile void *)(uintptr_t)va);
	ktap_ok(faulted && x86_probe_cr2 == va,
		"a read of %s (pa %#llx) faults: #PF at %#llx", what,
		(unsigned long long)pa, (unsigned long long)x86_probe_cr2);
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

void x86_mmu_checks(void)
{
	const uint64_t *pml4 = memblock_env_phys_to_virt(x86_read_cr3() & PTE_ADDR);
	struct directmap_walk w = { 0 };
	unsigned int others = 0, nomap;

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
	directmap_check_walk(&w);

	nomap = directmap_check_nomap();
	if (memblock_cmdline_find(x86_boot.cmdline, "test.nomap", NULL, NULL))
		ktap_ok(nomap > 0, "test.nomap made %u NOMAP regions", nomap);
	directmap_check_limit();
	directmap_check_probes();
	dt_linear_checks();
}
