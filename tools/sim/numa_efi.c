// SPDX-License-Identifier: BSD-2-Clause
/*
 * NUMA on the arm64 UEFI path, as the arm64 UEFI application (and Linux)
 * assigns it once memory came from the map: on an ACPI boot from the
 * SRAT's memory affinity entries (acpi_srat_memory(),
 * acpi_srat_memblock_nodes(): hotpluggable ranges marked), nodes numbered
 * as Linux's arm64 acpi_numa_init() meets the domains (acpi_srat_nodes()
 * with ACPI_SRAT_CPUS_ARM64: the enabled GICC and Generic Initiator
 * entries first, in table order, a domain without memory included, then
 * the memory ones), else
 * from the numa-node-id of the DT's memory nodes (Linux's of_numa reads
 * them on a UEFI boot too, although the nodes' reg no longer adds memory).
 * Both print what the application prints, so that the agreement test can
 * compare the lines.
 */
#include <stdlib.h>
#include <string.h>
#include <firmware/acpi.h>
#include "sim.h"

static int node_of(uint32_t pxm, const uint32_t *node_pxm, unsigned int nodes)
{
	for (unsigned int k = 0; k < nodes; k++)
		if (node_pxm[k] == pxm)
			return (int)k;
	return -1;
}

static int srat_nodes(const char *path)
{
	static struct acpi_mem_affinity mem[X86_SETUP_MAX_SRAT_MEM];
	static uint32_t node_pxm[MAX_NUMNODES];
	unsigned int nr = 0, ncpu = 0, nodes = 0;
	uint32_t len;
	char *t = sim_srat_read(path, &len);
	int err;

	if (!t)
		return SIM_EXIT_INPUT;
	err = acpi_srat_memory(t, len, mem, X86_SETUP_MAX_SRAT_MEM, &nr);
	if (!err)
		err = acpi_srat_nodes(t, len, ACPI_SRAT_CPUS_ARM64, node_pxm,
				      MAX_NUMNODES, &nodes, &ncpu);
	if (!err)
		err = acpi_srat_memblock_nodes(mem, nr, node_pxm, nodes);
	if (err)
		nodes = ncpu = 0;
	for (unsigned int k = 0; k < ncpu; k++)
		printf("ACPI: SRAT: Node %u PXM %u (processors)\n", k, node_pxm[k]);
	for (unsigned int i = 0; i < nr; i++) {
		int nid = node_of(mem[i].pxm, node_pxm, nodes);

		printf("ACPI: SRAT: Node %d PXM %u [mem 0x%016llx-0x%016llx]%s\n",
		       nid, mem[i].pxm, (unsigned long long)mem[i].base,
		       (unsigned long long)(mem[i].base + mem[i].size - 1),
		       mem[i].hotplug ? " hotplug" : "");
	}
	if (err)
		printf("ACPI: SRAT: cannot assign nodes (%d)\n", err);
	printf("NUMA: %u node(s)\n", nodes);
	free(t);
	return 0;
}

static bool is_memory_node(const struct fdtr *dt, int node)
{
	const char *type = fdtr_getprop_string(dt, node, "device_type");

	return type && !strcmp(type, "memory") && fdtr_node_is_available(dt, node);
}

/* Every reg range of every available memory node with a numa-node-id. */
static int dt_nodes(const struct fdtr *dt)
{
	int ac = fdtr_address_cells(dt, 0), sc = fdtr_size_cells(dt, 0), node;
	static bool seen[MAX_NUMNODES];
	unsigned int nodes = 0;

	fdtr_for_each_subnode(node, dt, 0) {
		uint64_t base, size;
		const void *reg;
		uint32_t nid;
		int len, err;

		if (!is_memory_node(dt, node) ||
		    !(reg = fdtr_getprop(dt, node, "reg", &len)) ||
		    fdtr_getprop_u32(dt, node, "numa-node-id", &nid))
			continue;
		if (nid >= MAX_NUMNODES) {
			sim_err("numa-node-id %u: not below MAX_NUMNODES (%d)", nid, MAX_NUMNODES);
			return SIM_EXIT_INPUT;
		}
		for (int i = 0; !fdtr_reg_entry(reg, len, ac, sc, i, &base, &size); i++) {
			err = memblock_set_node((phys_addr_t)base, (phys_addr_t)size,
						&memblock.memory, (int)nid);
			if (err) {
				sim_err("memblock_set_node(0x%llx, 0x%llx, %u): %s",
					(unsigned long long)base, (unsigned long long)size,
					nid, fw_strerror(err));
				return SIM_EXIT_INPUT;
			}
			nodes += !seen[nid];
			seen[nid] = true;
		}
	}
	printf("NUMA: %u node(s)\n", nodes);
	return 0;
}

int sim_efi_dt_numa(const struct sim_opts *o, const struct fdtr *dt)
{
	sim_step = "numa";
	return o->srat_file ? srat_nodes(o->srat_file) : dt_nodes(dt);
}
