// SPDX-License-Identifier: BSD-2-Clause
/*
 * The whole "SRAT to memblock nodes" step, once for every boot path (the
 * x86 sequence, the arm64 UEFI application, memblock-sim): list memory,
 * number the domains as Linux does, give memory its nodes.
 */
#include <firmware/acpi.h>
#include "fw_log.h"

/* The node of proximity domain @pxm among the first @n, -1: none. */
static int node_of(uint32_t pxm, const uint32_t *node_pxm, unsigned int n)
{
	for (unsigned int k = 0; k < n; k++)
		if (node_pxm[k] == pxm)
			return (int)k;
	return -1;
}

int acpi_srat_numa_init(const void *srat, uint32_t len, unsigned int cpu_types,
			struct acpi_srat_numa *out)
{
	unsigned int nodes = 0, cpu_nodes = 0;
	int err;

	if (!srat || !out || !out->mem || !out->nid || !out->node_pxm ||
	    (cpu_types & ~ACPI_SRAT_CPUS_ALL))
		return -EINVAL;
	err = acpi_srat_memory(srat, len, out->mem, out->max_mem, &out->nr_mem);
	if (err) {
		/* What was listed before the error is not the table's. */
		out->nr_mem = 0;
	} else {
		err = acpi_srat_nodes(srat, len, cpu_types, out->node_pxm,
				      out->max_nodes, &nodes, &cpu_nodes);
		if (!err)
			err = acpi_srat_memblock_nodes(out->mem, out->nr_mem,
						       out->node_pxm, nodes);
	}
	/* A refused table leaves no node, as in Linux. */
	if (err)
		nodes = cpu_nodes = 0;
	out->nr_nodes = nodes;
	out->nr_cpu_nodes = cpu_nodes;
	for (unsigned int i = 0; i < out->nr_mem; i++)
		out->nid[i] = node_of(out->mem[i].pxm, out->node_pxm, nodes);
	return err;
}

void acpi_srat_numa_log(const struct acpi_srat_numa *n, int err)
{
	if (!n || n->nr_mem > n->max_mem || n->nr_cpu_nodes > n->max_nodes ||
	    (n->nr_mem && (!n->mem || !n->nid)) ||
	    (n->nr_cpu_nodes && !n->node_pxm))
		return;
	for (unsigned int k = 0; k < n->nr_cpu_nodes; k++)
		__fw_log(MEMBLOCK_LOG_INFO, "ACPI: SRAT: Node %u PXM %u (processors)",
			 k, (unsigned int)n->node_pxm[k]);
	for (unsigned int i = 0; i < n->nr_mem; i++) {
		const struct acpi_mem_affinity *a = &n->mem[i];

		__fw_log(MEMBLOCK_LOG_INFO,
			 "ACPI: SRAT: Node %d PXM %u [mem %#018llx-%#018llx]%s",
			 n->nid[i], (unsigned int)a->pxm,
			 (unsigned long long)a->base,
			 (unsigned long long)(a->base + a->size - 1),
			 a->hotplug ? " hotplug" : "");
	}
	if (err)
		__fw_log(MEMBLOCK_LOG_INFO, "ACPI: SRAT: cannot assign nodes (%d)", err);
}
