// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_dump_all(): the "memblock=debug" picture of every type, in the
 * format the kernel log shows.
 */
#include "internal.h"

static void memblock_dump(const struct memblock_type *type)
{
	unsigned long i;

	mb_info(" %s.cnt  = %#lx", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		phys_addr_t base = r->base, size = r->size;
		phys_addr_t last = size ? base + size - 1 : base;
		/* Not "= \"\"": an initialised array is a memset call. */
		char nid_buf[32];

		nid_buf[0] = '\0';
		/*
		 * Linux 6.12 prints the node when numa_valid_node() holds, and
		 * only in a NUMA build.
		 */
		if (MAX_NUMNODES > 1 && r->nid >= 0 && r->nid < MAX_NUMNODES &&
		    size)
			__memblock_snprintf(nid_buf, sizeof(nid_buf), " on node %d",
				    r->nid);
		/* Linux 6.12's format, byte for byte: a tab after the index. */
		mb_info(" %s[%#lx]\t[%pa-%pa], %pa bytes%s flags: %#x",
			type->name, i, &base, &last, &size, nid_buf,
			(unsigned int)r->flags);
	}
}

void __init_memblock memblock_dump_all(void)
{
	mb_info("MEMBLOCK configuration:");
	mb_info(" memory size = %pa reserved size = %pa",
		&memblock.memory.total_size, &memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	memblock_dump(&memblock.physmem);
#endif
}
