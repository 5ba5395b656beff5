// SPDX-License-Identifier: BSD-2-Clause
/*
 * NUMA from ACPI: find the RSDP (from the loader, else by the BIOS-area
 * search), then the SRAT, and give each memblock.memory range the node of
 * its memory affinity entry (acpi_srat_memblock()).
 */
#include <kernel/kernel.h>
#include <linux/memblock.h>
#include <firmware/acpi.h>
#include "x86.h"

struct x86_numa x86_numa;

static const void *identity_map(void *ctx, uint64_t pa, uint64_t len)
{
	uint64_t top = (uint64_t)BOOT_MAP_GIB << 30;

	(void)ctx;
	if (!pa || pa >= top || len > top - pa)
		return NULL;
	return (const void *)(uintptr_t)pa;
}

void x86_numa_init(struct x86_boot *b, uint64_t ebda)
{
	const struct acpi_mapper m = { identity_map, NULL };
	struct x86_numa *n = &x86_numa;
	const void *srat;
	uint32_t len;
	int err;

	if (!b->rsdp && acpi_rsdp_scan(&m, ebda, &b->rsdp)) {
		printk("ACPI: no RSDP: one node\n");
		return;
	}
	err = acpi_find_table(&m, b->rsdp, "SRAT", &srat, &len);
	if (err) {
		printk("ACPI: no SRAT (%d): one node\n", err);
		return;
	}
	n->srat = (uint64_t)(uintptr_t)srat;
	err = acpi_srat_memory(srat, len, n->mem, X86_MAX_SRAT_MEM, &n->nr_mem);
	if (err) {
		printk("ACPI: SRAT unusable (%d): one node\n", err);
		n->nr_mem = 0;
		return;
	}
	err = acpi_srat_memblock(n->mem, n->nr_mem, n->node_pxm, X86_MAX_NODES,
				 &n->nr_nodes);
	for (unsigned int i = 0; i < n->nr_mem; i++) {
		const struct acpi_mem_affinity *a = &n->mem[i];

		n->mem_nid[i] = -1;
		for (unsigned int k = 0; k < n->nr_nodes; k++)
			if (n->node_pxm[k] == a->pxm)
				n->mem_nid[i] = (int)k;
		printk("ACPI: SRAT: Node %d PXM %u [mem %#018llx-%#018llx]%s\n",
		       n->mem_nid[i], a->pxm, (unsigned long long)a->base,
		       (unsigned long long)(a->base + a->size - 1),
		       a->hotplug ? " hotplug" : "");
	}
	if (err)
		printk("ACPI: SRAT: cannot assign nodes (%d)\n", err);
}
