// SPDX-License-Identifier: BSD-2-Clause
/*
 * The memory map on the console as Linux's efi=debug prints it, one line
 * per descriptor; memblock-sim reads these lines back (--efi).
 */
#include <kernel/kernel.h>
#include "efi_debug.h"

void efi_print_desc(uint32_t i, const struct efi_memory_desc *md)
{
	static const struct { const char *n; uint64_t bit; } cols[] = {
		{ "RUN", EFI_MEMORY_RUNTIME }, { "MR", EFI_MEMORY_MORE_RELIABLE },
		{ "CC", EFI_MEMORY_CPU_CRYPTO }, { "SP", EFI_MEMORY_SP },
		{ "NV", EFI_MEMORY_NV }, { "XP", EFI_MEMORY_XP },
		{ "RP", EFI_MEMORY_RP }, { "WP", EFI_MEMORY_WP },
		{ "RO", EFI_MEMORY_RO }, { "UCE", EFI_MEMORY_UCE },
		{ "WB", EFI_MEMORY_WB }, { "WT", EFI_MEMORY_WT },
		{ "WC", EFI_MEMORY_WC }, { "UC", EFI_MEMORY_UC },
	};
	char attr[64];
	size_t n = 0;

	for (size_t k = 0; k < ARRAY_SIZE(cols); k++) {
		const char *c = md->attribute & cols[k].bit ? cols[k].n : "";
		size_t w = cols[k].n[2] ? 3 : 2, len = 0;

		if (k)
			attr[n++] = '|';
		while (c[len])
			attr[n++] = c[len++];
		while (len++ < w)
			attr[n++] = ' ';
	}
	attr[n] = '\0';
	printk("efi: mem%02u: [%-12s|%s] range=[0x%016llx-0x%016llx] (%lluMB)\n",
	       i, efi_md_type_name(md->type), attr,
	       (unsigned long long)md->phys_start,
	       (unsigned long long)(efi_md_end(md) - 1),
	       (unsigned long long)(md->num_pages >> 8));
}


void efi_print_map(const struct efi_memmap *map, unsigned int retries)
{
	struct efi_memory_desc md;

	printk("efi: ExitBootServices() after %u retries; %u descriptors of %llu bytes, version %u, at %#llx\n",
	       retries, map->nr, (unsigned long long)map->desc_size,
	       map->desc_version, (unsigned long long)map->map_phys);
	for (uint32_t i = 0; i < map->nr; i++) {
		efi_memmap_get(map, i, &md);
		efi_print_desc(i, &md);
	}
}
