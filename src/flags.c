// SPDX-License-Identifier: BSD-2-Clause
/*
 * Region attributes: flags and NUMA nodes. Each call isolates the range
 * (splitting at most the two regions that cross its ends), changes the
 * regions inside and merges what became compatible.
 */
#include "internal.h"

/* What a call changes, as one argument: flags set or cleared, or the node. */
#define SET(f)		((unsigned int)(f))
#define CLEAR(f)	((unsigned int)(f) << 8)
#define SET_NID		0x10000u

/*
 * One copy behind every call here; like them, rare (a few per boot). The
 * guard first (its refusal logged), then the node's check, then the edit.
 */
static mb_cold int
update(phys_addr_t base, phys_addr_t size, struct memblock_type *type,
       unsigned int op, int nid, const char *func)
{
	struct rgn_update upd;
	int err = __memblock_enter(func, MB_REFUSE_DISCARDED);

	if (err)
		return err;
	if ((op & SET_NID) && (!type || !memblock_nid_ok(nid))) {
		mb_err("%s: invalid %s %d", func, type ? "node" : "type", nid);
		return -EINVAL;
	}
	/* Field by field: an initialiser may be a libc memset() call. */
	upd.set = (enum memblock_flags)(op & 0xff);
	upd.clear = (enum memblock_flags)(op >> 8 & 0xff);
	upd.set_nid = op & SET_NID;
	upd.nid = nid;
	return __memblock_update(type, base, size, &upd, func);
}

mb_cold int __init_memblock
memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	return update(base, size, &memblock.memory, SET(MEMBLOCK_HOTPLUG), 0,
		      __func__);
}

mb_cold int __init_memblock
memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	return update(base, size, &memblock.memory, CLEAR(MEMBLOCK_HOTPLUG), 0,
		      __func__);
}

bool __memblock_has_some_mirror __initdata_memblock;

mb_cold int __init_memblock
memblock_mark_mirror(phys_addr_t base, phys_addr_t size)
{
	int err;

	/* Linux 6.12: mirrored memory matters only with kernelcore=mirror. */
	if (!mirrored_kernelcore)
		return 0;
	err = update(base, size, &memblock.memory, SET(MEMBLOCK_MIRROR), 0,
		     __func__);
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
	return update(base, size, &memblock.memory, SET(MEMBLOCK_NOMAP), 0,
		      __func__);
}

mb_cold int __init_memblock
memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return update(base, size, &memblock.memory, CLEAR(MEMBLOCK_NOMAP), 0,
		      __func__);
}

mb_cold int __init_memblock
memblock_reserved_mark_noinit(phys_addr_t base, phys_addr_t size)
{
	return update(base, size, &memblock.reserved,
		      SET(MEMBLOCK_RSRV_NOINIT), 0, __func__);
}

mb_cold int __init_memblock
memblock_set_node(phys_addr_t base, phys_addr_t size,
		  struct memblock_type *type, int nid)
{
	return update(base, size, type, SET_NID, nid, __func__);
}
