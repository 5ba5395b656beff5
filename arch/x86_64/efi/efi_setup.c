// SPDX-License-Identifier: BSD-2-Clause
/*
 * setup_arch() and arch_boot_checks() of the UEFI application: the
 * firmware's map printed as Linux's efi=debug prints it (memblock-sim
 * reads these lines back), what the application still runs on reserved,
 * the SRAT through the configuration table's RSDP, then
 * efi_x86_memblock_setup() (firmware/efi_x86.c); the checks compare
 * memblock with the map as the UEFI specification and Linux's x86 EFI
 * path describe it, then run the checks every demo kernel runs.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <kernel/boot_checks.h>
#include <firmware/acpi.h>
#include <firmware/efi_setup.h>
#include <firmware/x86_memory.h>
#include "efi_app.h"
#include "efi_debug.h"
#include "../shared_checks.h"
#include <kernel/srat_expect.h>

#define SZ_4K	((phys_addr_t)0x1000)
#define SZ_64K	((phys_addr_t)0x10000)
#define SZ_1M	((phys_addr_t)0x100000)
#define BIOS_BEGIN	0xa0000ULL	/* Linux: RAM here becomes reserved */

static char cmdline_buf[] = "memblock=debug";
static struct e820_table e820;
static struct x86_setup_result res;
static struct efi_setup_result efi_res;
static struct x86_boot_range in_use[3];
static unsigned int nr_in_use;
static int srat_err;

void setup_arch(char **cmdline)
{
	const struct efi_memmap *map = &efi_boot.map;
	struct fw_setup_policy policy = {
		/* Everything up to EFI_IDMAP_GIB is identity-mapped (efi_cpu.c). */
		.alloc_limit = (phys_addr_t)EFI_IDMAP_GIB << 30,
		.allow_resize = true,
		.kernel_base = (phys_addr_t)efi_boot.image_base,
		.kernel_size = (phys_addr_t)efi_boot.image_size,
		.cmdline = cmdline_buf,
	};
	struct x86_setup_input in = { .e820 = &e820, .bios_start = X86_LOWMEM_CAP };
	const struct acpi_mapper mapper = { efi_identity_map, NULL };
	int err;

	efi_print_map(map, efi_boot.retries);
	/* memblock-sim's agreement test reads this line, and the stack's. */
	printk("efi: allocation limit %#llx (the identity map)\n",
	       (unsigned long long)policy.alloc_limit);
	in.ranges = in_use;
	in.nr_ranges = nr_in_use = efi_in_use(map, in_use);
	/* NUMA: the SRAT through the configuration table's RSDP. */
	srat_err = efi_boot.rsdp ? acpi_find_table(&mapper, efi_boot.rsdp, "SRAT",
						   &in.srat, &in.srat_len)
				 : -ENOENT;
	printk("# ACPI: RSDP %#llx from the EFI configuration table, SRAT: %s\n",
	       (unsigned long long)efi_boot.rsdp, srat_err ? fw_strerror(srat_err) : "found");
	srat_expect(srat_err ? NULL : in.srat, in.srat_len, SRAT_EXPECT_X86);	/* the check's oracle */
	err = efi_x86_memblock_setup(&policy, map, &in, &res, &efi_res);
	printk("# efi_x86_memblock_setup: %d (%s), %u e820 entries\n", err,
	       fw_strerror(err), efi_res.e820_entries);
	if (err)
		panic("efi_x86_memblock_setup: %s", fw_strerror(err));
	printk("NUMA: %u node(s)\n", res.nr_nodes);
	*cmdline = cmdline_buf;
}

/* RAM on x86 as the UEFI types say and Linux's EFI stub converts them. */
static bool efi_ram(const struct efi_memory_desc *md)
{
	switch (md->type) {
	case EFI_LOADER_CODE:
	case EFI_LOADER_DATA:
	case EFI_BOOT_SERVICES_CODE:
	case EFI_BOOT_SERVICES_DATA:
	case EFI_CONVENTIONAL_MEMORY:
		return (md->attribute & EFI_MEMORY_WB) &&
		       !(md->attribute & EFI_MEMORY_SP);
	default:
		return false;
	}
}

/*
 * memblock.memory is the map's RAM, exactly: every RAM descriptor except
 * page 0 and [640 KiB, 1 MiB) (Linux makes those reserved in the e820
 * map), nothing of any other descriptor. Assumes descriptors that do not
 * overlap (the check says so when they do).
 */
static void check_memory_is_ram(void)
{
	const struct efi_memmap *map = &efi_boot.map;
	uint64_t ram = 0, wrong = 0;
	struct efi_memory_desc md;

	for (uint32_t i = 0; i < map->nr; i++) {
		uint64_t b, e, want = 0;

		efi_memmap_get(map, i, &md);
		if (efi_md_check(&md) != EFI_MD_OK)
			continue;
		b = md.phys_start;
		e = efi_md_end(&md);
		if (efi_ram(&md)) {
			want = e - b;
			want -= b < SZ_4K ? (e < SZ_4K ? e : SZ_4K) - b : 0;
			if (b < SZ_1M && e > BIOS_BEGIN)
				want -= (e < SZ_1M ? e : SZ_1M) -
					(b > BIOS_BEGIN ? b : BIOS_BEGIN);
		}
		if (boot_bytes_in(&memblock.memory, b, e) != want) {
			ktap_diag("mem%02u [%#llx-%#llx): %#llx bytes of memory, want %#llx", i,
				  (unsigned long long)b, (unsigned long long)e,
				  (unsigned long long)boot_bytes_in(&memblock.memory, b, e),
				  (unsigned long long)want);
			wrong++;
		}
		ram += want;
	}
	ktap_ok(!wrong && !efi_res.check.overlaps && memblock_phys_mem_size() == ram,
		"memblock.memory is the map's RAM: %#llx bytes (memory %#llx, %llu descriptors wrong, %u overlaps)",
		(unsigned long long)ram, (unsigned long long)memblock_phys_mem_size(),
		(unsigned long long)wrong, efi_res.check.overlaps);
}

/* With a SRAT, every memory region carries the node of its SRAT entry. */
static void check_numa(void)
{
	ktap_ok(!res.srat_err, "the SRAT, if any, gave nodes (%u)", res.nr_nodes);
	srat_check_nodes(res.nr_nodes);
}

void arch_boot_checks(void)
{
	const struct efi_memmap *map = &efi_boot.map;
	struct boot_range protect[8];
	unsigned int n = 0;

	/* The image first: boot_check_allocations() probes protect[0]. */
	protect[n++] = (struct boot_range){ efi_boot.image_base, efi_boot.image_size,
					    "PE image" };
	protect[n++] = (struct boot_range){ map->map_phys, map->map_size,
					    "EFI memory map" };
	for (unsigned int i = 0; i < nr_in_use; i++)
		protect[n++] = (struct boot_range){ in_use[i].base, in_use[i].size,
						    in_use[i].what };
	protect[n++] = (struct boot_range){ 0, SZ_64K, "low 64 KiB" };
	protect[n++] = (struct boot_range){ X86_LOWMEM_CAP, SZ_1M - X86_LOWMEM_CAP,
					    "BIOS area" };

	ktap_ok(map->desc_size >= EFI_MEMORY_DESC_V1_SIZE && map->nr > 0,
		"the firmware's memory map: %u descriptors of %llu bytes (its own size)",
		map->nr, (unsigned long long)map->desc_size);
	ktap_ok(efi_res.check.empty + efi_res.check.misaligned +
		efi_res.check.wrapping == 0, "every descriptor describes pages");
	ktap_ok(nr_in_use == 3, "the stack, GDT and IDT lie in the map (%u found)",
		nr_in_use);
	boot_check_arrays();
	boot_check_reserved(protect, n);
	ktap_ok(memblock_debug == 1, "memblock=debug sets memblock_debug (%d)",
		memblock_debug);
	check_memory_is_ram();
	check_numa();
	x86_check_low_allocations(protect, n, X86_LOWMEM_CAP);
	/* The backward path follows the firmware's CR4/XCR0 (memops.c). */
	x86_check_memops(cmdline_buf);
}
