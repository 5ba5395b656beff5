/* SPDX-License-Identifier: BSD-2-Clause */
/* The arm64 UEFI demo application's parts (arch/arm64/efi/), shared. */
#ifndef ARM64_EFI_APP_H
#define ARM64_EFI_APP_H

#include <stdbool.h>
#include <linux/memblock.h>
#include <firmware/efi.h>
#include <firmware/fdt.h>
#include "uefi.h"

/* What efi_main() found before leaving boot services. */
struct efi_boot {
	uint64_t image_base, image_size;	/* the loaded PE image */
	uint64_t dtb;				/* the firmware's DTB, 0: none */
	int dtb_err;				/* fdtr_init()/fdtr_check_full() */
	struct fdtr dt;				/* the DTB, opened */
	struct efi_memmap map;			/* the final memory map */
	unsigned int retries;			/* stale map keys */
};
extern struct efi_boot efi_boot;

/* efi_console.c: the PL011 the DT's stdout-path names (0: none yet). */
void efi_console_setup(uint64_t pl011_base);

/* efi_cpu.c: what the application still runs on after ExitBootServices(). */
#define EFI_IN_USE_MAX	8
struct efi_in_use {
	uint64_t base, size;
	const char *what;
};
unsigned int efi_in_use(const struct efi_memmap *m, struct efi_in_use *r);
/* The current exception level (1 or 2). */
unsigned int efi_current_el(void);
/*
 * Translate @va with the live stage 1 tables (AT S1E1R or S1E2R): the
 * physical address, or -1 when it is not mapped.
 */
uint64_t efi_translate(uint64_t va);

/*
 * efi_map_check.c: one ktap_ok(), memblock.memory (and the ACPI reclaim
 * reservations) as the raw map says by the UEFI specification's and
 * Linux's arm64 rules.
 */
void efi_check_memory_is_map(void);

#endif
