// SPDX-License-Identifier: BSD-2-Clause
/*
 * Region attributes: flags and NUMA nodes. Each call isolates the range
 * (splitting at most the two regions that cross its ends), changes the
 * regions inside and merges what became compatible: one copy of that,
 * __memblock_update() (edit.c), behind every call here.
 */
#include "internal.h"

mb_cold int __init_memblock
memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	return __memblock_update(base, size, &memblock.memory,
				 MB_SET(MEMBLOCK_HOTPLUG), 0, __func__);
}

mb_cold int __init_memblock
memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	return __memblock_update(base, size, &memblock.memory,
				 MB_CLEAR(MEMBLOCK_HOTPLUG), 0, __func__);
}

bool __memblock_has_some_mirror __initdata_memblock;

mb_cold int __init_memblock
memblock_mark_mirror(phys_addr_t base, phys_addr_t size)
{
	int err;

	/* Linux 6.12: mirrored memory matters only with kernelcore=mirror. */
	if (!mirrored_kernelcore)
		return 0;
	err = __memblock_update(base, size, &memblock.memory,
				MB_SET(MEMBLOCK_MIRROR), 0, __func__);
	if (!err)
		__memblock_has_some_mirror = true;
	return err;
}

/* A flag, not a scan: every allocation asks (issue 18). */
bool __init_memblock memblock_has_mirror(void)
{
	return __memblock_has_some_mirror;
}

mb_cold int __init_memblock
memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	return __memblock_update(base, size, &memblock.memory,
				 MB_SET(MEMBLOCK_NOMAP), 0, __func__);
}

mb_cold int __init_memblock
memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return __memblock_update(base, size, &memblock.memory,
				 MB_CLEAR(MEMBLOCK_NOMAP), 0, __func__);
}

mb_cold int __init_memblock
memblock_reserved_mark_noinit(phys_addr_t base, phys_addr_t size)
{
	return __memblock_update(base, size, &memblock.reserved,
				 MB_SET(MEMBLOCK_RSRV_NOINIT), 0, __func__);
}

mb_cold int __init_memblock
memblock_set_node(phys_addr_t base, phys_addr_t size,
		  struct memblock_type *type, int nid)
{
	return __memblock_update(base, size, type, MB_SET_NID, nid, __func__);
}
