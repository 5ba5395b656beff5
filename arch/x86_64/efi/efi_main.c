// SPDX-License-Identifier: BSD-2-Clause
/*
 * The x86-64 memblock demo as a UEFI application (PE32+, built with Clang
 * and lld-link, no gnu-efi). efi_main() is the firmware's entry: it finds
 * the ACPI RSDP in the configuration table, takes the memory map and
 * leaves boot services (retrying when the map changed under it, as the
 * specification requires), moves to its own identity-mapped page tables
 * and hands over to start_kernel() (kernel/main.c), the flow every demo
 * kernel runs: setup_arch() (efi_setup.c), the memblock dump, the boot
 * checks, mm_init() (the buddy allocator and its page-by-page proof),
 * then the verdict through QEMU's isa-debug-exit (33: every check passed).
 *
 * After ExitBootServices() the application keeps running where the
 * firmware loaded it, on an identity map: physical and virtual addresses
 * are the same (memblock's default phys <-> virt hooks).
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include "efi_app.h"
#include "efi_exit.h"

struct efi_boot efi_boot;

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
	return efi_boot.image_base + efi_boot.image_size;
}

efi_status_t EFIAPI efi_main(efi_handle_t image, struct efi_system_table *st);

efi_status_t EFIAPI efi_main(efi_handle_t image, struct efi_system_table *st)
{
	static const struct efi_guid acpi20 = EFI_ACPI_20_TABLE_GUID;
	efi_status_t s;

	efi_boot.image_base = (uint64_t)(uintptr_t)__ImageBase;
	efi_boot.image_size = image_size();
	efi_boot.rsdp = efi_config_table(st, &acpi20);
	/* The image line memblock-sim's agreement test reads (tests/sim/run). */
	printk("memblock UEFI demo: image at %#llx, %#llx bytes\n",
	       (unsigned long long)efi_boot.image_base,
	       (unsigned long long)efi_boot.image_size);
	s = efi_exit_boot(image, st, &efi_boot.map, &efi_boot.retries);
	if (s)
		panic("leaving boot services failed: status %#llx",
		      (unsigned long long)s);
	efi_own_page_tables();
	start_kernel();
}
