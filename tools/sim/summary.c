// SPDX-License-Identifier: BSD-2-Clause
/* The closing summary: usable, reserved, free and NOMAP memory, per node. */
#include "sim.h"

/* Free memory (memory minus reserved, NOMAP excluded) on @nid or everywhere. */
phys_addr_t sim_free_bytes(int nid)
{
	phys_addr_t start, end, sum = 0;
	u64 i;

	for_each_free_mem_range(i, nid, MEMBLOCK_NONE, &start, &end, NULL)
		sum += end - start;
	return sum;
}

struct node_sum {
	phys_addr_t memory, nomap, free;
	unsigned int ranges;
};

static void line(const char *what, phys_addr_t bytes)
{
	char sz[32], hex[24];

	snprintf(hex, sizeof(hex), "0x%llx", (unsigned long long)bytes);
	printf("  %-22s %18s  %s\n", what, hex, sim_size_str(sz, sizeof(sz), bytes));
}

void sim_summary(const struct sim_state *st)
{
	static struct node_sum nodes[MAX_NUMNODES + 1];	/* [MAX_NUMNODES]: no node */
	struct memblock_region *r;
	phys_addr_t nomap = 0, mirror = 0, rsv_in_mem = 0, start, end;
	bool numa = false;
	int nid;
	u64 i;

	for_each_mem_region(r) {
		nid = r->nid >= 0 && r->nid < MAX_NUMNODES ? r->nid : MAX_NUMNODES;
		nodes[nid].memory += r->size;
		nodes[nid].ranges++;
		if (memblock_is_nomap(r)) {
			nodes[nid].nomap += r->size;
			nomap += r->size;
		}
		if (memblock_is_mirror(r))
			mirror += r->size;
		if (nid != MAX_NUMNODES)
			numa = true;
	}
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, &nid) {
		if (nid < 0 || nid >= MAX_NUMNODES)
			nid = MAX_NUMNODES;
		nodes[nid].free += end - start;
	}
	/* Reserved bytes that lie in memory (reservations may cover holes). */
	for_each_reserved_mem_range(i, &start, &end) {
		for_each_mem_region(r) {
			phys_addr_t lo = start > r->base ? start : r->base;
			phys_addr_t hi = end < r->base + r->size ? end : r->base + r->size;

			if (lo < hi)
				rsv_in_mem += hi - lo;
		}
	}

	printf("\nsummary:\n");
	line("memory", memblock_phys_mem_size());
	line("reserved", memblock_reserved_size());
	line("  of it in memory", rsv_in_mem);
	line("NOMAP", nomap);
	if (mirror)	/* only where some memory is (UEFI MORE_RELIABLE) */
		line("mirrored", mirror);
	line("free", sim_free_bytes(NUMA_NO_NODE));
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	if (memblock.physmem.total_size)
		line("physmem", memblock.physmem.total_size);
#endif
	if (memblock_phys_mem_size())
		printf("  %-22s [0x%llx-0x%llx]\n", "DRAM span",
		       (unsigned long long)memblock_start_of_DRAM(),
		       (unsigned long long)memblock_end_of_DRAM() - 1);
	printf("  %-22s %s, %s, limit 0x%llx\n", "allocation",
	       memblock_bottom_up() ? "bottom-up" : "top-down",
	       memblock_can_resize ? "arrays may grow" : "arrays fixed",
	       (unsigned long long)memblock_get_current_limit());
	printf("  %-22s memory %lu, reserved %lu\n", "regions",
	       memblock.memory.cnt, memblock.reserved.cnt);
	if (st->e820 && st->e820->have_map) {
		const struct e820_table *t = &st->e820->map;

		uint64_t ram = e820_total(t, E820_TYPE_RAM);
		uint64_t rsv = e820_total(t, E820_TYPE_RESERVED);
		uint64_t acpi = e820_total(t, E820_TYPE_ACPI);
		uint64_t nvs = e820_total(t, E820_TYPE_NVS);
		uint64_t all = 0;

		for (uint32_t k = 0; k < t->nr_entries; k++)
			all += t->entries[k].size;
		printf("  e820 (sanitized)       usable 0x%llx, reserved 0x%llx, ACPI data 0x%llx, ACPI NVS 0x%llx, other 0x%llx\n",
		       (unsigned long long)ram, (unsigned long long)rsv,
		       (unsigned long long)acpi, (unsigned long long)nvs,
		       (unsigned long long)(all - ram - rsv - acpi - nvs));
	}
	printf("  per node:\n");
	for (nid = 0; nid <= MAX_NUMNODES; nid++) {
		char sz1[32], sz2[32];
		const struct node_sum *n = &nodes[nid];

		if (!n->ranges)
			continue;
		if (nid == MAX_NUMNODES)
			printf("    %-8s", numa ? "no node" : "all");
		else
			printf("    node %-3d", nid);
		printf(" memory %s in %u range%s, free %s", sim_size_str(sz1, sizeof(sz1), n->memory),
		       n->ranges, n->ranges == 1 ? "" : "s",
		       sim_size_str(sz2, sizeof(sz2), n->free));
		if (n->nomap)
			printf(", NOMAP %s", sim_size_str(sz1, sizeof(sz1), n->nomap));
		printf("\n");
	}
	printf("  %-22s %u\n", "warnings, errors", st->warnings);
}
