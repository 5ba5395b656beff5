// SPDX-License-Identifier: BSD-2-Clause
/*
 * The PVH boot protocol (Xen's hvm_start_info, also used by QEMU -kernel):
 * the start info, its e820-format memory map, command line, ACPI RSDP and
 * modules, all at physical addresses in the early-mapped first 4 GiB.
 */
#include <kernel/kernel.h>
#include "x86.h"

#define HVM_START_MAGIC		0x336ec578

struct hvm_start_info {
	uint32_t magic;
	uint32_t version;
	uint32_t flags;
	uint32_t nr_modules;
	uint64_t modlist_paddr;
	uint64_t cmdline_paddr;
	uint64_t rsdp_paddr;
	uint64_t memmap_paddr;		/* version >= 1 */
	uint32_t memmap_entries;
	uint32_t reserved;
};

struct hvm_modlist_entry {
	uint64_t paddr;
	uint64_t size;
	uint64_t cmdline_paddr;
	uint64_t reserved;
};

struct hvm_memmap_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
	uint32_t reserved;
};

/* [pa, pa + size) must lie inside the early direct map to be read. */
static bool mapped(uint64_t pa, uint64_t size)
{
	return early_va(pa, size) != NULL;
}

/* Length of the string at @pa, including its NUL; 0 if not terminated in 4 KiB. */
static uint64_t string_size(uint64_t pa)
{
	const char *s = memblock_env_phys_to_virt(pa);

	for (uint64_t n = 0; n < 4096 && mapped(pa, n + 1); n++)
		if (!s[n])
			return n + 1;
	return 0;
}

static int add_string(struct x86_boot *b, uint64_t pa, const char *what,
		      const char **out)
{
	uint64_t n = string_size(pa);

	if (!n)
		return -EINVAL;
	x86_boot_add_data(b, pa, n, what);
	if (out)
		*out = memblock_env_phys_to_virt(pa);
	return 0;
}

int pvh_parse(uint64_t pa, struct x86_boot *b)
{
	const struct hvm_start_info *si = memblock_env_phys_to_virt(pa);
	const struct hvm_memmap_entry *map;
	const struct hvm_modlist_entry *mods;
	int err;

	if (!mapped(pa, sizeof(*si)) || si->magic != HVM_START_MAGIC)
		return -EINVAL;
	b->protocol = "PVH";
	x86_boot_add_data(b, pa, si->version >= 1 ? sizeof(*si) : 40,
			  "hvm_start_info");

	/* Version 0 has no memory map: we cannot describe memory without one. */
	if (si->version < 1 || !si->memmap_entries)
		return -ENOENT;
	if (si->memmap_entries > E820_MAX_ENTRIES ||
	    !mapped(si->memmap_paddr, (uint64_t)si->memmap_entries * sizeof(*map)))
		return -EINVAL;
	map = memblock_env_phys_to_virt(si->memmap_paddr);
	x86_boot_add_data(b, si->memmap_paddr,
			  (uint64_t)si->memmap_entries * sizeof(*map), "PVH memmap");
	for (uint32_t i = 0; i < si->memmap_entries; i++) {
		err = e820_table_add(&b->e820, map[i].addr, map[i].size, map[i].type);
		if (err)
			return err;
	}

	if (si->cmdline_paddr) {
		err = add_string(b, si->cmdline_paddr, "command line", &b->cmdline);
		if (err)
			return err;
	}
	b->rsdp = si->rsdp_paddr;

	if (!si->nr_modules)
		return 0;
	if (si->nr_modules > 4 ||
	    !mapped(si->modlist_paddr, (uint64_t)si->nr_modules * sizeof(*mods)))
		return -EINVAL;
	mods = memblock_env_phys_to_virt(si->modlist_paddr);
	x86_boot_add_data(b, si->modlist_paddr,
			  (uint64_t)si->nr_modules * sizeof(*mods), "PVH modlist");
	for (uint32_t i = 0; i < si->nr_modules; i++) {
		if (!mapped(mods[i].paddr, mods[i].size))
			return -EINVAL;
		x86_boot_add_data(b, mods[i].paddr, mods[i].size, "module");
		if (mods[i].cmdline_paddr) {
			err = add_string(b, mods[i].cmdline_paddr,
					 "module command line", NULL);
			if (err)
				return err;
		}
	}
	return 0;
}
