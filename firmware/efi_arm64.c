// SPDX-License-Identifier: BSD-2-Clause
/*
 * arm64 (any DT kernel) booted through UEFI: the EFI map replaces the DT's
 * memory nodes in dt_memblock_setup_mem(), everything else of the DT
 * sequence applies (firmware/include/firmware/efi_setup.h, "the EFI map
 * on arm64").
 */
#include <firmware/efi_setup.h>

#define EFI_CACHEABLE	(EFI_MEMORY_WB | EFI_MEMORY_WT | EFI_MEMORY_WC)

/* RAM the kernel may allocate from once boot services have exited. */
static bool usable_ram(const struct efi_memory_desc *md)
{
	switch (md->type) {
	case EFI_LOADER_CODE:
	case EFI_LOADER_DATA:
	case EFI_BOOT_SERVICES_CODE:
	case EFI_BOOT_SERVICES_DATA:
	case EFI_CONVENTIONAL_MEMORY:
	case EFI_ACPI_RECLAIM_MEMORY:
	case EFI_PERSISTENT_MEMORY:
		return md->attribute & EFI_MEMORY_WB;
	default:
		return false;
	}
}

struct efi_dt_ctx {
	const struct efi_memmap *m;
	struct efi_setup_result *efi;
};

static int add_one(const struct efi_memory_desc *md, struct efi_setup_result *efi)
{
	phys_addr_t base, size;
	int err;

	if (!efi_md_phys(md, &base, &size))
		return 0;
	err = memblock_add(base, size);
	if (err)
		return err;
	efi->memory++;
	if (!usable_ram(md)) {
		err = memblock_mark_nomap(base, size);
		efi->nomap += !err;
	}
	/* ACPI tables stay readable (kexec hands them on). */
	if (!err && md->type == EFI_ACPI_RECLAIM_MEMORY)
		err = memblock_reserve(base, size);
	return err;
}

/* Replaces the DT's memory nodes (step 3 of dt_memblock_setup()). */
static int add_memory(const void *p)
{
	const struct efi_dt_ctx *c = p;
	const struct efi_memmap *m = c->m;
	struct efi_memory_desc md;
	uint64_t start, end;
	int err = 0;

	for (uint32_t i = 0; !err && i < m->nr; i++) {
		efi_memmap_get(m, i, &md);
		if (efi_md_check(&md) != EFI_MD_OK ||
		    !(md.attribute & EFI_CACHEABLE) ||
		    (md.attribute & EFI_MEMORY_SP))
			continue;
		err = add_one(&md, c->efi);
	}
	if (!err && !c->efi->memory)
		return -ENOENT;
	if (!err)
		err = efi_memblock_mark_mirror(m, &c->efi->mirrored);
	/* The map itself, in whole pages. */
	start = m->map_phys & ~(uint64_t)(PAGE_SIZE - 1);
	end = m->map_phys + m->map_size;
	if (!err && m->map_size && m->map_phys != EFI_MAP_PHYS_NONE &&
	    end > m->map_phys &&
	    end - 1 <= (uint64_t)PHYS_ADDR_MAX - (PAGE_SIZE - 1)) {
		end = (end + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
		err = memblock_reserve((phys_addr_t)start, (phys_addr_t)(end - start));
	}
	return err;
}

int efi_dt_memblock_setup(const void *fdt, phys_addr_t blob_phys,
			  unsigned int flags, const struct fw_setup_policy *policy,
			  const struct efi_memmap *m, struct dt_scan_result *res,
			  struct efi_setup_result *efi)
{
	struct efi_dt_ctx ctx = { .m = m, .efi = efi };

	if (!m || !efi || !fdt || !policy || !res)
		return -EINVAL;
	efi->e820_entries = efi->memory = efi->nomap = efi->mirrored = 0;
	efi_memmap_check(m, &efi->check);
	return dt_memblock_setup_mem(fdt, blob_phys, flags, policy, add_memory,
				     &ctx, res);
}
