/* SPDX-License-Identifier: BSD-2-Clause */
/* The UEFI demo application's parts (arch/x86_64/efi/), shared. */
#ifndef X86_EFI_APP_H
#define X86_EFI_APP_H

#include <stdbool.h>
#include <linux/memblock.h>
#include <firmware/efi.h>
#include <firmware/x86_setup.h>
#include "uefi.h"

/* What efi_main() found before leaving boot services. */
struct efi_boot {
	uint64_t image_base, image_size;	/* the loaded PE image */
	uint64_t rsdp;				/* ACPI 2.0 RSDP, 0: none */
	struct efi_memmap map;			/* the final memory map */
	unsigned int retries;			/* stale map keys */
};
extern struct efi_boot efi_boot;

/* efi_cpu.c: what the application runs on. */
#define EFI_IDMAP_GIB	64	/* identity map of [0, 64 GiB), 2 MiB pages */
void efi_own_page_tables(void);
unsigned int efi_in_use(const struct efi_memmap *m, struct x86_boot_range *r);
const void *efi_identity_map(void *ctx, uint64_t pa, uint64_t len);

#endif
