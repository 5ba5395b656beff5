/* SPDX-License-Identifier: BSD-2-Clause */
/* The arm64 UEFI demo application's parts (arch/arm64/efi/), shared. */
#ifndef ARM64_EFI_APP_H
#define ARM64_EFI_APP_H

#include <stdbool.h>
#include <linux/memblock.h>
#include <firmware/efi.h>
#include <firmware/fdt.h>
#include <firmware/acpi.h>
#include "uefi.h"

/* What efi_main() found before leaving boot services. */
struct efi_boot {
	uint64_t image_base, image_size;	/* the loaded PE image */
	uint64_t dtb;				/* the firmware's DTB, 0: none */
	uint64_t rsdp;				/* the ACPI 2.0 RSDP, 0: none */
	bool acpi;				/* ACPI rather than the DT */
	bool load_options;			/* the command line is LoadOptions' */
	uint32_t load_options_size;		/* their size in bytes */
	char cmdline[256];			/* the command line */
	int dtb_err;				/* fdtr_init()/fdtr_check_full() */
	struct fdtr dt;				/* the DTB, opened */
	struct efi_memmap map;			/* the final memory map */
	unsigned int retries;			/* stale map keys */
};
extern struct efi_boot efi_boot;

/*
 * efi_cmdline.c: the LoadOptions of @image as an ASCII line in @buf (@size
 * bytes), when they are printable UCS-2 text (up to a NUL or their end):
 * true then. *@raw_size: their size in bytes (0: none).
 */
bool efi_load_options(efi_handle_t image, struct efi_system_table *st,
		      char *buf, size_t size, uint32_t *raw_size);

/* efi_stub_dt.c: the empty tree an ACPI boot runs the DT sequence with. */
const void *efi_stub_dt(void);

/* efi_acpi.c: the tables an ACPI boot reads (identity-mapped). */
#define EFI_ACPI_MAX_MEM	32
struct efi_acpi {
	const void *srat;
	uint32_t srat_len;
	struct acpi_mem_affinity mem[EFI_ACPI_MAX_MEM];	/* enabled entries */
	int nid[EFI_ACPI_MAX_MEM];			/* their nodes (-1: none) */
	uint32_t node_pxm[MAX_NUMNODES];
	/* The arrays above and the counts: acpi_srat_numa_init()'s. */
	struct acpi_srat_numa numa;
};
extern struct efi_acpi efi_acpi;
/* The PL011 (or SBSA UART) base the SPCR names; 0: none. */
uint64_t efi_acpi_console(uint64_t rsdp);
/*
 * NUMA from the SRAT (memblock.memory must be complete): its bytes and
 * entries printed, nodes set. Return: 0 or the negative errno that left
 * the machine without nodes.
 */
int efi_acpi_numa(uint64_t rsdp);
/*
 * One ktap_ok(): every memory region has the SRAT node and hotplug flag
 * Linux gives it (kernel/srat_expect.c, from the table's bytes).
 */
void efi_acpi_check_nodes(void);

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
