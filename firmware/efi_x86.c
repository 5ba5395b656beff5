// SPDX-License-Identifier: BSD-2-Clause
/*
 * x86-64 booted through UEFI: the EFI map becomes an e820 table and goes
 * through x86_memblock_setup(), the one x86 sequence; the map's own
 * reservation and the mirror marks run in its after_memory hook
 * (firmware/include/firmware/efi_setup.h, "the EFI map on x86-64").
 */
#include <firmware/efi_setup.h>

uint32_t efi_md_e820_type(const struct efi_memory_desc *md)
{
	switch (md->type) {
	case EFI_LOADER_CODE:
	case EFI_LOADER_DATA:
	case EFI_BOOT_SERVICES_CODE:
	case EFI_BOOT_SERVICES_DATA:
	case EFI_CONVENTIONAL_MEMORY:
		if (md->attribute & EFI_MEMORY_SP)
			return E820_TYPE_SOFT_RESERVED;
		/* RAM only if the kernel may map it cacheable. */
		return md->attribute & EFI_MEMORY_WB ? E820_TYPE_RAM
						     : E820_TYPE_RESERVED;
	case EFI_ACPI_RECLAIM_MEMORY:
		return E820_TYPE_ACPI;
	case EFI_ACPI_MEMORY_NVS:
		return E820_TYPE_NVS;
	case EFI_UNUSABLE_MEMORY:
		return E820_TYPE_UNUSABLE;
	case EFI_PERSISTENT_MEMORY:
		return E820_TYPE_PMEM;
	default:
		return E820_TYPE_RESERVED;
	}
}

int efi_to_e820(const struct efi_memmap *m, struct e820_table *t)
{
	struct efi_memory_desc md;
	struct e820_entry *last = NULL;

	if (!m || !t)
		return -EINVAL;
	t->nr_entries = 0;
	for (uint32_t i = 0; i < m->nr; i++) {
		uint32_t type;
		uint64_t size;

		efi_memmap_get(m, i, &md);
		if (efi_md_check(&md) != EFI_MD_OK)
			continue;
		type = efi_md_e820_type(&md);
		size = md.num_pages << EFI_PAGE_SHIFT;
		/* A range of all 2^64 bytes does not fit e820's size. */
		if (!size)
			size = ~0ULL - md.phys_start;
		/* Soft-reserved ranges are devices each: never merged. */
		if (last && last->type == type && type != E820_TYPE_SOFT_RESERVED &&
		    last->addr + last->size == md.phys_start &&
		    last->size + size > last->size) {
			last->size += size;
			continue;
		}
		if (t->nr_entries == E820_MAX_ENTRIES)
			return -ENOSPC;
		last = &t->entries[t->nr_entries++];
		last->addr = md.phys_start;
		last->size = size;
		last->type = type;
	}
	return 0;
}

struct efi_x86_ctx {
	const struct efi_memmap *m;
	struct efi_setup_result *efi;
};

/* Step 5's end: memory is described, nothing has been allocated yet. */
static int after_memory(const void *p)
{
	const struct efi_x86_ctx *c = p;
	const struct efi_memmap *m = c->m;
	int err = 0;

	/* The map stays the kernel's (runtime services, kexec, ...). */
	if (m->map_size && m->map_phys != EFI_MAP_PHYS_NONE &&
	    m->map_phys <= (uint64_t)PHYS_ADDR_MAX)
		err = memblock_reserve((phys_addr_t)m->map_phys,
				       (phys_addr_t)m->map_size);
	return err ? err : efi_memblock_mark_mirror(m, &c->efi->mirrored);
}

static void efi_result_clear(struct efi_setup_result *efi)
{
	efi->e820_entries = efi->memory = efi->nomap = efi->mirrored = 0;
}

int efi_x86_memblock_setup(const struct fw_setup_policy *policy,
			   const struct efi_memmap *m,
			   const struct x86_setup_input *in,
			   struct x86_setup_result *out,
			   struct efi_setup_result *efi)
{
	struct efi_x86_ctx ctx = { .m = m, .efi = efi };
	struct x86_setup_input in2;
	int err;

	if (!policy || !m || !in || !out || !efi || !in->e820 || in->after_memory)
		return -EINVAL;
	efi_result_clear(efi);
	efi_memmap_check(m, &efi->check);
	err = efi_to_e820(m, in->e820);
	if (err)
		return err;
	efi->e820_entries = in->e820->nr_entries;
	/* Field by field: a struct copy may become a memcpy() call. */
	in2.e820 = in->e820;
	in2.bios_start = in->bios_start;
	in2.ranges = in->ranges;
	in2.nr_ranges = in->nr_ranges;
	in2.srat = in->srat;
	in2.srat_len = in->srat_len;
	in2.after_memory = after_memory;
	in2.after_memory_ctx = &ctx;
	return x86_memblock_setup(policy, &in2, out);
}
