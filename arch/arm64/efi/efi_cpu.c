// SPDX-License-Identifier: BSD-2-Clause
/*
 * What the arm64 UEFI application still runs on after ExitBootServices(),
 * all of it in memory the map calls boot-services (so free): the
 * firmware's stack, its exception vectors (VBAR) and its stage 1 page
 * tables, which stay live (the application keeps the firmware's identity
 * map). Each is reserved as the whole descriptor it lies in, as the x86-64
 * application does with its stack, GDT and IDT.
 */
#include <kernel/kernel.h>
#include "efi_app.h"

#define SYSREG(name) ({ uint64_t __v;					\
	__asm__ volatile("mrs %0, " #name : "=r"(__v)); __v; })

unsigned int efi_current_el(void)
{
	return (unsigned int)(SYSREG(CurrentEL) >> 2) & 3;
}

uint64_t efi_translate(uint64_t va)
{
	uint64_t par;

	if (efi_current_el() == 2)
		__asm__ volatile("at s1e2r, %0" : : "r"(va));
	else
		__asm__ volatile("at s1e1r, %0" : : "r"(va));
	__asm__ volatile("isb");
	par = SYSREG(par_el1);
	if (par & 1)	/* PAR_EL1.F: the walk faulted */
		return (uint64_t)-1;
	return (par & 0x0000fffffffff000ULL) | (va & 0xfff);
}

/* The descriptor of @m holding @addr, added to @r unless already there. */
static unsigned int add_holder(const struct efi_memmap *m, uint64_t addr,
			       const char *what, struct efi_in_use *r,
			       unsigned int n)
{
	struct efi_memory_desc md;

	for (uint32_t i = 0; i < m->nr; i++) {
		efi_memmap_get(m, i, &md);
		if (efi_md_check(&md) != EFI_MD_OK || addr < md.phys_start ||
		    addr - md.phys_start >= (md.num_pages << EFI_PAGE_SHIFT))
			continue;
		for (unsigned int k = 0; k < n; k++)
			if (r[k].base == md.phys_start)
				return n;
		if (n == EFI_IN_USE_MAX)
			panic("more than %u firmware ranges in use", EFI_IN_USE_MAX);
		r[n] = (struct efi_in_use){ md.phys_start,
					    md.num_pages << EFI_PAGE_SHIFT, what };
		printk("# %s at %#llx: reserving [%#llx-%#llx]\n", what,
		       (unsigned long long)addr, (unsigned long long)r[n].base,
		       (unsigned long long)(r[n].base + r[n].size - 1));
		return n + 1;
	}
	return n;
}

/*
 * Every table page of the stage 1 walk (4 KiB granule): @table at
 * @level, of @entries entries; table descriptors (bits 1:0 = 3) below
 * level 3 lead to the next level's pages.
 */
static unsigned int walk(const struct efi_memmap *m, uint64_t table,
			 unsigned int level, unsigned int entries,
			 struct efi_in_use *r, unsigned int n, unsigned int *pages)
{
	const uint64_t *t = (const uint64_t *)(uintptr_t)table;

	(*pages)++;
	n = add_holder(m, table, "page table", r, n);
	if (level == 3)
		return n;
	for (unsigned int i = 0; i < entries; i++)
		if ((t[i] & 3) == 3)
			n = walk(m, t[i] & 0x0000fffffffff000ULL, level + 1, 512,
				 r, n, pages);
	return n;
}

unsigned int efi_in_use(const struct efi_memmap *m, struct efi_in_use *r)
{
	bool el2 = efi_current_el() == 2;
	uint64_t tcr = el2 ? SYSREG(tcr_el2) : SYSREG(tcr_el1);
	uint64_t ttbr = el2 ? SYSREG(ttbr0_el2) : SYSREG(ttbr0_el1);
	unsigned int va_bits = 64 - (unsigned int)(tcr & 63), level, pages = 0;
	unsigned int n = 0;

	n = add_holder(m, (uint64_t)(uintptr_t)__builtin_frame_address(0), "stack", r, n);
	n = add_holder(m, el2 ? SYSREG(vbar_el2) : SYSREG(vbar_el1),
		       "exception vectors", r, n);
	if (((tcr >> 14) & 3) != 0)	/* TG0: only the 4 KiB granule is walked */
		panic("stage 1 translation granule is not 4 KiB (TCR %#llx)",
		      (unsigned long long)tcr);
	/* 4 KiB granule: 9 bits per level, the start level from the VA size. */
	level = va_bits > 39 ? 0 : va_bits > 30 ? 1 : 2;
	n = walk(m, ttbr & 0x0000fffffffff000ULL, level,
		 1u << (va_bits - (39 - 9 * level)), r, n, &pages);
	printk("# page tables: TTBR0 %#llx, %u-bit VA, %u table pages\n",
	       (unsigned long long)ttbr, va_bits, pages);
	return n;
}
