// SPDX-License-Identifier: BSD-2-Clause
/*
 * What both EFI front ends (efi_x86.c, efi_arm64.c) do to memblock alike:
 * a descriptor's range as phys_addr_t, and mirrored memory.
 */
#include <firmware/efi_setup.h>

bool efi_md_phys(const struct efi_memory_desc *md, phys_addr_t *base,
		 phys_addr_t *size)
{
	uint64_t end = efi_md_end(md);

	if (md->phys_start > (uint64_t)PHYS_ADDR_MAX)
		return false;
	/* Ends at 2^64 (end 0) or past what phys_addr_t holds: clip. */
	if (end <= md->phys_start || end - 1 > (uint64_t)PHYS_ADDR_MAX)
		end = (uint64_t)PHYS_ADDR_MAX;
	*base = (phys_addr_t)md->phys_start;
	*size = (phys_addr_t)(end - md->phys_start);
	return *size != 0;
}

int efi_memblock_mark_mirror(const struct efi_memmap *m, uint32_t *count)
{
	struct efi_memory_desc md;
	phys_addr_t base, size;
	int err = 0;

	if (!m)
		return -EINVAL;
	for (uint32_t i = 0; !err && i < m->nr; i++) {
		efi_memmap_get(m, i, &md);
		if (efi_md_check(&md) != EFI_MD_OK ||
		    !(md.attribute & EFI_MEMORY_MORE_RELIABLE) ||
		    !efi_md_phys(&md, &base, &size))
			continue;
		err = memblock_mark_mirror(base, size);
		/* Without kernelcore=mirror memblock marks nothing (Linux 6.12). */
		if (!err && count && mirrored_kernelcore)
			(*count)++;
	}
	return err;
}
