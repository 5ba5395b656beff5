// SPDX-License-Identifier: BSD-2-Clause
/*
 * What the UEFI demo still runs on after ExitBootServices(), made safe
 * for memblock: its own page tables, the firmware's stack, GDT and IDT
 * (reserved), and the ACPI tables, read through the identity map.
 */
#include <kernel/kernel.h>
#include "efi_app.h"

/*
 * After ExitBootServices() the firmware's page tables are still in use,
 * in boot-services memory the map calls free, and OVMF keeps them
 * read-only: run on an identity map of the low EFI_IDMAP_GIB GiB (2 MiB
 * pages: QEMU's default CPU has no 1 GiB pages) in our own .bss instead,
 * which the image reservation covers. Physical and virtual addresses stay
 * the same, as memblock's default hooks assume.
 */
static uint64_t pml4[512] __attribute__((aligned(4096)));
static uint64_t pdpt[512] __attribute__((aligned(4096)));
static uint64_t pd[EFI_IDMAP_GIB][512] __attribute__((aligned(4096)));

#define PTE_P	0x1ULL
#define PTE_W	0x2ULL
#define PTE_PS	0x80ULL

void efi_own_page_tables(void)
{
	for (uint64_t g = 0; g < EFI_IDMAP_GIB; g++) {
		for (uint64_t i = 0; i < 512; i++)
			pd[g][i] = ((g << 30) | (i << 21)) | PTE_P | PTE_W | PTE_PS;
		pdpt[g] = (uint64_t)(uintptr_t)pd[g] | PTE_P | PTE_W;
	}
	pml4[0] = (uint64_t)(uintptr_t)pdpt | PTE_P | PTE_W;
	__asm__ volatile("mov %0, %%cr3" : : "r"(pml4) : "memory");
}

struct desc_table_reg {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

/*
 * What the firmware left us running on and we keep using: the stack, and
 * the GDT and IDT (segment registers and exceptions refer to them). Each
 * is reserved as the whole descriptor it lies in.
 */
unsigned int efi_in_use(const struct efi_memmap *m, struct x86_boot_range *r)
{
	static const char *const what[] = { "stack", "GDT", "IDT" };
	struct desc_table_reg gdtr, idtr;
	uint64_t addr[3];
	unsigned int n = 0;

	__asm__ volatile("sgdt %0" : "=m"(gdtr));
	__asm__ volatile("sidt %0" : "=m"(idtr));
	addr[0] = (uint64_t)(uintptr_t)__builtin_frame_address(0);
	addr[1] = gdtr.base;
	addr[2] = idtr.base;
	for (unsigned int k = 0; k < 3; k++) {
		struct efi_memory_desc md;

		for (uint32_t i = 0; i < m->nr; i++) {
			efi_memmap_get(m, i, &md);
			if (efi_md_check(&md) == EFI_MD_OK &&
			    addr[k] >= md.phys_start && addr[k] - md.phys_start <
			    (md.num_pages << EFI_PAGE_SHIFT)) {
				r[n].base = md.phys_start;
				r[n].size = md.num_pages << EFI_PAGE_SHIFT;
				r[n].what = what[k];
				printk("# %s at %#llx: reserving [%#llx-%#llx]\n", what[k],
				      (unsigned long long)addr[k],
				      (unsigned long long)r[n].base,
				      (unsigned long long)(r[n].base + r[n].size - 1));
				n++;
				break;
			}
		}
	}
	return n;
}

/* Firmware tables, through our identity map. */
const void *efi_identity_map(void *ctx, uint64_t pa, uint64_t len)
{
	const uint64_t top = (uint64_t)EFI_IDMAP_GIB << 30;

	(void)ctx;
	if (!pa || pa >= top || len > top - pa)
		return NULL;
	return (const void *)(uintptr_t)pa;
}
