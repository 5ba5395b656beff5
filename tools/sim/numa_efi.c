// SPDX-License-Identifier: BSD-2-Clause
/*
 * NUMA on the arm64 UEFI path, as the arm64 UEFI application (and Linux)
 * assigns it once memory came from the map, with the firmware library's
 * functions the application calls: on an ACPI boot from the SRAT
 * (acpi_srat_numa_init() with ACPI_SRAT_CPUS_ARM64: nodes numbered as
 * Linux's arm64 acpi_numa_init() meets the domains, the enabled GICC and
 * Generic Initiator entries first, in table order, a domain without
 * memory included, then the memory ones; hotpluggable ranges marked),
 * else from the numa-node-id of the DT's memory nodes (dt_numa_nodes():
 * Linux's of_numa reads them on a UEFI boot too, although the nodes' reg
 * no longer adds memory). Both print what the application prints, so
 * that the agreement test can compare the lines.
 */
#include <stdlib.h>
#include <firmware/acpi.h>
#include "sim.h"

static int srat_nodes(const char *path)
{
	static struct acpi_mem_affinity mem[X86_SETUP_MAX_SRAT_MEM];
	static int nid[X86_SETUP_MAX_SRAT_MEM];
	static uint32_t node_pxm[MAX_NUMNODES];
	struct acpi_srat_numa n = {
		.mem = mem, .nid = nid, .max_mem = X86_SETUP_MAX_SRAT_MEM,
		.node_pxm = node_pxm, .max_nodes = MAX_NUMNODES,
	};
	uint32_t len;
	char *t = sim_srat_read(path, &len);
	int err;

	if (!t)
		return SIM_EXIT_INPUT;
	err = acpi_srat_numa_init(t, len, ACPI_SRAT_CPUS_ARM64, &n);
	acpi_srat_numa_log(&n, err);
	printf("NUMA: %u node(s)\n", n.nr_nodes);
	free(t);
	return 0;
}

/* Every reg range of every available memory node with a numa-node-id. */
static int dt_nodes(const struct fdtr *dt)
{
	unsigned int nodes;
	int err = dt_numa_nodes(dt->blob, &nodes);

	if (err) {
		sim_err("dt_numa_nodes(): %s", fw_strerror(err));
		return SIM_EXIT_INPUT;
	}
	printf("NUMA: %u node(s)\n", nodes);
	return 0;
}

int sim_efi_dt_numa(const struct sim_opts *o, const struct fdtr *dt)
{
	sim_step = "numa";
	return o->srat_file ? srat_nodes(o->srat_file) : dt_nodes(dt);
}
