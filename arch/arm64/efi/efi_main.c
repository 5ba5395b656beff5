// SPDX-License-Identifier: BSD-2-Clause
/*
 * The arm64 memblock demo as a UEFI application: a PE32+ image (AArch64)
 * that AAVMF starts from a FAT drive as EFI/BOOT/BOOTAA64.EFI (or the UEFI
 * shell starts, with a command line). efi_main() (called by start.S once
 * the image is relocated) takes the command line from LoadOptions
 * (efi_cmdline.c), finds the device tree or the ACPI RSDP in the
 * configuration table and the console they name (the DT's stdout-path, the
 * SPCR), takes the memory map and leaves boot services (retrying on a
 * stale map key), then hands over
 * to start_kernel() (kernel/main.c), the flow every demo kernel runs:
 * setup_arch() (efi_setup.c: efi_dt_memblock_setup()), the memblock dump,
 * the boot checks, mm_init() (the buddy allocator and its page-by-page
 * proof), then the verdict through semihosting (33: every check passed).
 *
 * After ExitBootServices() the application keeps running on the
 * firmware's identity map: physical and virtual addresses are the same
 * (memblock's default phys <-> virt hooks).
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <firmware/fdt_memblock.h>
#include "efi_app.h"
#include "efi_exit.h"

struct efi_boot efi_boot;

/* The PE image: its first byte (start.S's link address 0) and headers. */
extern const unsigned char __image_base[];

static uint64_t image_size(void)
{
	uint32_t pe = *(const uint32_t *)(__image_base + 0x3c);

	/* PE signature (4), COFF header (20), SizeOfImage at optional + 56. */
	return *(const uint32_t *)(__image_base + pe + 4 + 20 + 56);
}

phys_addr_t memblock_env_kernel_end(void)
{
	return efi_boot.image_base + efi_boot.image_size;
}

static bool streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

efi_status_t EFIAPI efi_main(efi_handle_t image, struct efi_system_table *st);

/* @word=@val on the command line (the last one counts). */
static bool cmdline_is(const char *word, const char *val)
{
	const char *v;
	size_t len, i;

	if (!memblock_cmdline_find(efi_boot.cmdline, word, &v, &len))
		return false;
	for (i = 0; i < len && val[i] && v[i] == val[i]; i++)
		;
	return i == len && !val[i];
}

/*
 * ACPI or the device tree, as Linux's arm64 acpi_boot_table_init()
 * chooses: acpi=off keeps the DT, acpi=force (or acpi=on) takes ACPI
 * over a DT; otherwise ACPI only when the firmware gave no DT (Linux:
 * the stub's empty tree).
 */
static bool use_acpi(const struct efi_boot *b)
{
	if (!b->rsdp || cmdline_is("acpi", "off"))
		return false;
	return !b->dtb || cmdline_is("acpi", "force") || cmdline_is("acpi", "on");
}

efi_status_t EFIAPI efi_main(efi_handle_t image, struct efi_system_table *st)
{
	static const struct efi_guid dtb_guid = EFI_DTB_TABLE_GUID;
	static const struct efi_guid acpi_guid = EFI_ACPI_20_TABLE_GUID;
	static const char default_cmdline[] = "memblock=debug";
	struct efi_boot *b = &efi_boot;
	struct dt_console con;
	efi_status_t s;

	b->image_base = (uint64_t)(uintptr_t)__image_base;
	b->image_size = image_size();
	b->load_options = efi_load_options(image, st, b->cmdline, sizeof(b->cmdline),
					   &b->load_options_size);
	if (!b->load_options)
		for (size_t i = 0; i < sizeof(default_cmdline); i++)
			b->cmdline[i] = default_cmdline[i];
	b->dtb = efi_config_table(st, &dtb_guid);
	b->rsdp = efi_config_table(st, &acpi_guid);
	b->acpi = use_acpi(b);
	b->dtb_err = b->dtb ? fdtr_init(&b->dt, (const void *)(uintptr_t)b->dtb,
					FDTR_MAX_SIZE) : -FDTR_ERR_NOTFOUND;
	if (!b->dtb_err)
		b->dtb_err = fdtr_check_full(&b->dt);
	if (b->acpi)
		efi_console_setup(efi_acpi_console(b->rsdp));
	else if (!b->dtb_err && !dt_get_console(b->dt.blob, &con) && con.compatible &&
		 streq(con.compatible, "arm,pl011"))
		efi_console_setup(con.base);
	/* The image line memblock-sim's agreement test reads. */
	printk("memblock UEFI demo: image at %#llx, %#llx bytes\n",
	       (unsigned long long)b->image_base,
	       (unsigned long long)b->image_size);
	printk("efi: DTB at %#llx from the configuration table: %s, running at EL%u\n",
	       (unsigned long long)b->dtb,
	       b->dtb_err ? fdtr_strerror(b->dtb_err) : "valid", efi_current_el());
	printk("efi: ACPI 2.0 RSDP at %#llx: booting with %s\n",
	       (unsigned long long)b->rsdp, b->acpi ? "ACPI" : "the device tree");
	printk("efi: LoadOptions: %u bytes, %s\n", b->load_options_size,
	       b->load_options ? "the command line" :
	       b->load_options_size ? "not text: the built-in command line" :
	       "none: the built-in command line");
	s = efi_exit_boot(image, st, &b->map, &b->retries);
	if (s)
		panic("leaving boot services failed: status %#llx",
		      (unsigned long long)s);
	start_kernel();
}
