// SPDX-License-Identifier: BSD-2-Clause
/*
 * The UEFI map as memblock-sim shows it before the boot sequence runs:
 * each descriptor in Linux's efi=debug form with the line it came from
 * and what the x86 path makes of it (its e820 type), then what the
 * firmware library will skip or resolve (firmware/efi.h, "bad input in an
 * EFI memory map"), named by line.
 */
#include <string.h>
#include "sim.h"

static const char *verdict(int v)
{
	switch (v) {
	case EFI_MD_EMPTY:
		return "zero pages";
	case EFI_MD_MISALIGNED:
		return "start not 4 KiB aligned";
	default:
		return "range wraps past 2^64";
	}
}

unsigned int sim_efi_print(const char *path, const struct sim_efi *e, bool x86)
{
	struct efi_memmap_stats st;
	struct efi_memory_desc md, other;
	unsigned int warnings = 0;
	char attr[96];

	printf("efi: %s: %u descriptors (%s form), %u bytes each, version %u",
	       path, e->nr, e->log_form ? "efi=debug" : "TYPE PHYS PAGES ATTR",
	       (unsigned int)e->map.desc_size, e->map.desc_version);
	if (e->skipped_lines)
		printf(", %u other kernel log lines skipped", e->skipped_lines);
	printf("\n");
	for (uint32_t i = 0; i < e->map.nr; i++) {
		int v;

		efi_memmap_get(&e->map, i, &md);
		sim_efi_format_attr(md.attribute, attr, sizeof(attr));
		v = efi_md_check(&md);
		printf("efi: mem%02u (line %u): [%-12s|%s] ", i, e->line[i],
		       efi_md_type_name(md.type), attr);
		if (v != EFI_MD_OK) {
			/* No range to print: say what the descriptor holds. */
			printf("phys 0x%llx pages 0x%llx skipped: %s\n",
			       (unsigned long long)md.phys_start,
			       (unsigned long long)md.num_pages, verdict(v));
			warnings++;
			continue;
		}
		printf("range=[0x%016llx-0x%016llx] (%lluMB)",
		       (unsigned long long)md.phys_start,
		       (unsigned long long)(efi_md_end(&md) - 1),
		       (unsigned long long)(md.num_pages >> (20 - EFI_PAGE_SHIFT)));
		if (x86)
			printf(" -> e820 %s", e820_type_name(efi_md_e820_type(&md)));
		if (md.type >= EFI_MAX_MEMORY_TYPE) {
			printf(" (type 0x%x is not a UEFI type)", md.type);
			warnings++;
		}
		printf("\n");
	}
	/* Overlaps, by line: x86 gives them the highest e820 type. */
	for (uint32_t i = 0; i < e->map.nr; i++) {
		efi_memmap_get(&e->map, i, &md);
		if (efi_md_check(&md) != EFI_MD_OK)
			continue;
		for (uint32_t j = i + 1; j < e->map.nr; j++) {
			uint64_t lo, hi;

			efi_memmap_get(&e->map, j, &other);
			if (efi_md_check(&other) != EFI_MD_OK)
				continue;
			lo = md.phys_start > other.phys_start ? md.phys_start
							      : other.phys_start;
			hi = efi_md_end(&md) - 1 < efi_md_end(&other) - 1 ?
			     efi_md_end(&md) - 1 : efi_md_end(&other) - 1;
			if (lo > hi)
				continue;
			printf("efi: warning: %s:%u and line %u overlap on [mem 0x%016llx-0x%016llx]\n",
			       path, e->line[i], e->line[j], (unsigned long long)lo,
			       (unsigned long long)hi);
			warnings++;
		}
	}
	efi_memmap_check(&e->map, &st);
	if (st.unsorted)
		printf("efi: %u descriptor(s) below the one before (accepted: the result does not depend on the order)\n",
		       st.unsorted);
	if (st.mirror_bytes)
		printf("efi: 0x%llx bytes MORE_RELIABLE (mirrored)\n",
		       (unsigned long long)st.mirror_bytes);
	return warnings;
}
