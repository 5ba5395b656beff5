// SPDX-License-Identifier: BSD-2-Clause
/*
 * The nodes the DT's memory nodes name (numa-node-id) for memory that
 * came from elsewhere: on a UEFI boot the map adds memory, and Linux's
 * of_numa still reads the memory nodes for their node ids. One walk for
 * the arm64 UEFI application and memblock-sim.
 */
#include <firmware/fdt_memblock.h>
#include "fdt_scan_internal.h"

#define NID_WORDS	((MAX_NUMNODES + 31) / 32)

/*
 * @node is an available memory node with a reg and a numa-node-id: its
 * reg in *@reg (*@len bytes), its node in *@nid.
 */
static bool numa_memory_node(const void *fdt, int node, const void **reg,
			     int *len, uint32_t *nid)
{
	const char *type = __fw_dt_prop_string(fdt, node, "device_type");

	if (!type || !dt_streq(type, "memory") || !__fw_dt_is_available(fdt, node))
		return false;
	*reg = __fw_dt_prop(fdt, node, "reg", len);
	return *reg && !__fw_dt_prop_u32(fdt, node, "numa-node-id", nid);
}

/* Every node id below MAX_NUMNODES, before memblock is touched. */
static int check_nids(const void *fdt, int root)
{
	const void *reg;
	uint32_t nid;
	int node, len;

	for (node = fdt_first_subnode(fdt, root); node >= 0;
	     node = fdt_next_subnode(fdt, node)) {
		if (!numa_memory_node(fdt, node, &reg, &len, &nid) ||
		    nid < MAX_NUMNODES)
			continue;
		__fw_dt_error(NULL, "%s: numa-node-id %u: not below MAX_NUMNODES (%d)",
			      fdt_get_name(fdt, node, NULL), (unsigned int)nid,
			      MAX_NUMNODES);
		return -ERANGE;
	}
	node = fw_fdt_errno(node);
	return node == -ENOENT ? 0 : node;
}

/* Entry @i of @reg to node @nid (nothing when it starts beyond phys_addr_t). */
static int set_node(const void *reg, int len, int ac, int sc, int i, int nid)
{
	uint64_t base, size;

	dt_reg_entry(reg, len, ac, sc, i, &base, &size);
	if (base > (uint64_t)PHYS_ADDR_MAX)
		return 0;
	/* memblock_set_node() caps the size at the top itself. */
	if (size > (uint64_t)PHYS_ADDR_MAX)
		size = (uint64_t)PHYS_ADDR_MAX;
	return memblock_set_node((phys_addr_t)base, (phys_addr_t)size,
				 &memblock.memory, nid);
}

int dt_numa_nodes(const void *fdt, unsigned int *nr_nodes)
{
	uint32_t seen[NID_WORDS];
	unsigned int nodes = 0;
	int root, ac, sc, node, err;

	if (!fdt || !nr_nodes)
		return -EINVAL;
	err = __fw_dt_root_cells(fdt, &ac, &sc);
	root = __fw_dt_root(fdt);
	if (!err)
		err = check_nids(fdt, root);
	if (err)
		return err;
	for (int w = 0; w < NID_WORDS; w++)
		seen[w] = 0;
	for (node = fdt_first_subnode(fdt, root); node >= 0;
	     node = fdt_next_subnode(fdt, node)) {
		const void *reg;
		uint32_t nid;
		int len, n;

		if (!numa_memory_node(fdt, node, &reg, &len, &nid))
			continue;
		/* A reg that is no list of entries names no memory. */
		n = dt_reg_count(len, ac, sc);
		for (int i = 0; i < n; i++) {
			err = set_node(reg, len, ac, sc, i, (int)nid);
			if (err)
				return err;
			if (!(seen[nid / 32] & 1u << nid % 32))
				nodes++;
			seen[nid / 32] |= 1u << nid % 32;
		}
	}
	*nr_nodes = nodes;
	return 0;
}
