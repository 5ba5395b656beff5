// SPDX-License-Identifier: BSD-2-Clause
/* NUMA nodes for memblock from the SRAT's memory affinity entries. */
#include <firmware/acpi.h>
#include <linux/memblock.h>

static int node_of(uint32_t pxm, const uint32_t *node_pxm, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		if (node_pxm[i] == pxm)
			return (int)i;
	return -1;
}

int acpi_srat_memblock(const struct acpi_mem_affinity *mem, unsigned int nr,
		       uint32_t *node_pxm, unsigned int max_nodes,
		       unsigned int *nr_nodes)
{
	unsigned int n = 0, i;
	int err;

	if ((!mem && nr) || !node_pxm || !nr_nodes)
		return -EINVAL;
	if (max_nodes > MAX_NUMNODES)
		max_nodes = MAX_NUMNODES;
	/* Number the domains first, so that too many changes nothing. */
	for (i = 0; i < nr; i++) {
		if (node_of(mem[i].pxm, node_pxm, n) >= 0)
			continue;
		if (n == max_nodes)
			return -ENOSPC;
		node_pxm[n++] = mem[i].pxm;
	}
	*nr_nodes = n;

	for (i = 0; i < nr; i++) {
		phys_addr_t base, size;
		uint64_t end = mem[i].base + mem[i].size;

		if (!mem[i].size || mem[i].base > (uint64_t)PHYS_ADDR_MAX)
			continue;
		if (end < mem[i].base || end - 1 > (uint64_t)PHYS_ADDR_MAX)
			end = (uint64_t)PHYS_ADDR_MAX;
		base = (phys_addr_t)mem[i].base;
		size = (phys_addr_t)(end - mem[i].base);
		err = memblock_set_node(base, size, &memblock.memory,
					node_of(mem[i].pxm, node_pxm, n));
		if (!err && mem[i].hotplug)
			err = memblock_mark_hotplug(base, size);
		if (err)
			return err;
	}
	return 0;
}
