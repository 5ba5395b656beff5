// SPDX-License-Identifier: BSD-2-Clause
/*
 * Finding the ACPI SRAT: through the RSDP the loader gave, else by the
 * BIOS-area search. x86_memblock_setup() turns it into nodes; this file
 * only locates it (through the early direct map) and reports the result.
 */
#include <kernel/kernel.h>
#include <firmware/acpi.h>
#include "x86.h"

/* ACPI tables are read through the early direct map (head.S). */
static const void *early_map(void *ctx, uint64_t pa, uint64_t len)
{
	(void)ctx;
	return early_va(pa, len);
}

int x86_find_srat(struct x86_boot *b, uint64_t ebda, const void **srat,
		  uint32_t *len)
{
	const struct acpi_mapper m = { early_map, NULL };
	int err;

	*srat = NULL;
	*len = 0;
	if (!b->rsdp && acpi_rsdp_scan(&m, ebda, &b->rsdp)) {
		printk("ACPI: no RSDP: one node\n");
		return -ENOENT;
	}
	err = acpi_find_table(&m, b->rsdp, "SRAT", srat, len);
	if (err)
		printk("ACPI: no SRAT (%d): one node\n", err);
	return err;
}

void x86_numa_report(const struct x86_setup_result *r)
{
	if (r->srat_err && !r->nr_srat_mem) {
		printk("ACPI: SRAT unusable (%d): one node\n", r->srat_err);
		return;
	}
	x86_setup_srat_log(r);
}
