// SPDX-License-Identifier: BSD-2-Clause
/*
 * The NUMA check both x86-64 boot paths run (the kernel, arch/x86_64/
 * checks.c, and the UEFI application, arch/x86_64/efi/efi_setup.c): with a
 * SRAT, every memory region carries the node of the SRAT entry covering it.
 */
#include <kernel/kernel.h>
#include <linux/memblock.h>
#include "srat_checks.h"

/* SRAT node of @pa, or -1 when no enabled entry covers it. */
static int srat_node(const struct x86_setup_result *res, phys_addr_t pa)
{
	for (unsigned int i = 0; i < res->nr_srat_mem; i++) {
		const struct acpi_mem_affinity *a = &res->srat_mem[i];

		if (pa >= a->base && pa - a->base < a->size)
			return res->srat_nid[i];
	}
	return -1;
}

void x86_check_srat_nodes(const struct x86_setup_result *res)
{
	unsigned int bad = 0;

	if (!res->nr_srat_mem)
		return;
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		int nid = memblock_get_region_node(r);

		if (srat_node(res, r->base) != nid ||
		    srat_node(res, r->base + r->size - 1) != nid) {
			ktap_diag("memory [%pa +%pa] on node %d, SRAT says %d", &r->base,
				  &r->size, nid, srat_node(res, r->base));
			bad++;
		}
	}
	ktap_ok(!bad, "every memory region has its SRAT node (%lu regions, %u nodes)",
		memblock.memory.cnt, res->nr_nodes);
}
