// SPDX-License-Identifier: BSD-2-Clause
/*
 * The x86-64 memblock demo as a UEFI application (PE32+, built with Clang
 * and lld-link, no gnu-efi): it takes the firmware's memory map, leaves
 * boot services (retrying when the map changed under it, as the
 * specification requires), prints the map as Linux's efi=debug does, finds
 * the SRAT through the configuration table's ACPI RSDP, runs
 * efi_x86_memblock_setup() (firmware/efi_x86.c) and checks the result, in
 * TAP on COM1. QEMU's isa-debug-exit reports the verdict: 33 when every
 * check passed.
 */
#include <linux/memblock.h>
#include <firmware/acpi.h>
#include <firmware/efi_setup.h>
#include <firmware/x86_memory.h>
#include "efi_app.h"
#include "efi_exit.h"

/* The PE image: lld-link's __ImageBase and the header's SizeOfImage. */
extern const unsigned char __ImageBase[];

static uint64_t image_size(void)
{
	uint32_t pe = *(const uint32_t *)(__ImageBase + 0x3c);

	/* PE signature (4), COFF header (20), SizeOfImage at optional + 56. */
	return *(const uint32_t *)(__ImageBase + pe + 4 + 20 + 56);
}

phys_addr_t memblock_env_kernel_end(void)
{
	return (phys_addr_t)(uintptr_t)__ImageBase + image_size();
}

void memblock_env_free_pages(unsigned long pfn, unsigned int order)
{
	(void)pfn;
	(void)order;
}

/* Linux's efi=debug attribute columns. */
static void print_desc(uint32_t i, const struct efi_memory_desc *md)
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

	for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++) {
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
	efi_print("efi: mem%02u: [%-12s|%s] range=[0x%016llx-0x%016llx] (%lluMB)\n",
	      i, efi_md_type_name(md->type), attr,
	      (unsigned long long)md->phys_start,
	      (unsigned long long)(efi_md_end(md) - 1),
	      (unsigned long long)(md->num_pages >> 8));
}

static struct efi_memmap map;
static struct e820_table e820;
static struct x86_setup_result res;
static struct efi_setup_result efi_res;

efi_status_t EFIAPI efi_main(efi_handle_t image, struct efi_system_table *st);

efi_status_t EFIAPI efi_main(efi_handle_t image, struct efi_system_table *st)
{
	struct fw_setup_policy policy = {
		/* OVMF identity-maps memory; allocate in the low 4 GiB. */
		.alloc_limit = (phys_addr_t)4 << 30,
		.allow_resize = true,
		.kernel_base = (phys_addr_t)(uintptr_t)__ImageBase,
		.kernel_size = (phys_addr_t)image_size(),
		.cmdline = "memblock=debug",
	};
	struct x86_setup_input in = { .e820 = &e820, .bios_start = X86_LOWMEM_CAP };
	struct efi_memory_desc md;
	struct x86_boot_range ranges[3];
	const struct acpi_mapper mapper = { efi_identity_map, NULL };
	uint64_t rsdp;
	unsigned int retries = 0;
	uint64_t conv = 0;
	efi_status_t s;
	void *p;
	int err;

	rsdp = efi_find_rsdp(st);
	efi_print("memblock UEFI demo: image at %#llx, %#llx bytes\n",
	      (unsigned long long)policy.kernel_base,
	      (unsigned long long)policy.kernel_size);
	s = efi_exit_boot(image, st, &map, &retries);
	if (s) {
		efi_print("# leaving boot services failed: status %#llx\n",
		      (unsigned long long)s);
		efi_failed++;
		efi_leave();
	}
	efi_print("efi: ExitBootServices() after %u retries; %u descriptors of %llu bytes, version %u, at %#llx\n",
	      retries, map.nr, (unsigned long long)map.desc_size,
	      map.desc_version, (unsigned long long)map.map_phys);
	efi_check(map.desc_size >= EFI_MEMORY_DESC_V1_SIZE && map.nr > 0,
	      "the firmware's memory map, at its own descriptor size");
	for (uint32_t i = 0; i < map.nr; i++) {
		efi_memmap_get(&map, i, &md);
		print_desc(i, &md);
		if (md.type == EFI_CONVENTIONAL_MEMORY)
			conv += md.num_pages << EFI_PAGE_SHIFT;
	}
	efi_own_page_tables();
	in.ranges = ranges;
	in.nr_ranges = efi_in_use(&map, ranges);
	/* NUMA: the SRAT through the configuration table's RSDP. */
	err = rsdp ? acpi_find_table(&mapper, rsdp, "SRAT", &in.srat, &in.srat_len)
		   : -ENOENT;
	efi_print("# ACPI: RSDP %#llx from the EFI configuration table, SRAT: %s\n",
	      (unsigned long long)rsdp, err ? fw_strerror(err) : "found");
	err = efi_x86_memblock_setup(&policy, &map, &in, &res, &efi_res);
	efi_print("# efi_x86_memblock_setup: %d (%s), %u e820 entries\n", err,
	      fw_strerror(err), efi_res.e820_entries);
	efi_check(!err, "efi_x86_memblock_setup()");
	efi_check(efi_res.check.empty + efi_res.check.misaligned +
	      efi_res.check.wrapping == 0, "every descriptor describes pages");
	efi_print("NUMA: %u node(s)\n", res.nr_nodes);
	efi_check(!res.srat_err, "the SRAT, if any, gave nodes");
	efi_check(memblock_phys_mem_size() >= conv && conv > 0,
	      "memory holds at least all conventional memory");
	efi_check(memblock_is_region_reserved((phys_addr_t)map.map_phys, map.map_size),
	      "the memory map is reserved");
	efi_check(memblock_is_region_reserved(policy.kernel_base, policy.kernel_size),
	      "the image is reserved");
	p = memblock_alloc(1 << 20, 1 << 12);
	efi_check(p && memblock_is_region_memory((phys_addr_t)(uintptr_t)p, 1 << 20) &&
	      (uintptr_t)p + (1 << 20) <= policy.alloc_limit,
	      "memblock_alloc() of 1 MiB lands in memory below the limit");
	memblock_dump_all();
	efi_leave();
}
