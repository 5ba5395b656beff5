// SPDX-License-Identifier: BSD-2-Clause
/*
 * Region attributes: flags and NUMA nodes. Each call isolates the range
 * (splitting at most the two regions that cross its ends), changes the
 * regions inside and merges what became compatible.
 */
#include "internal.h"

/* One copy behind the flag calls; like them, rare (a few per boot). */
static mb_cold int
setclr_flag(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
	    bool set, enum memblock_flags flag, const char *func)
{
	struct rgn_update upd;
	int err = __memblock_enter(func, MB_REFUSE_DISCARDED);

	if (err)
		return err;
	/* Field by field: an initialiser may be a libc memset() call. */
	upd.set = set ? flag : MEMBLOCK_NONE;
	upd.clear = set ? MEMBLOCK_NONE : flag;
	upd.set_nid = false;
	upd.nid = 0;
	return __memblock_update(type, base, size, &upd, func);
}

mb_cold int __init_memblock
memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	return setclr_flag(&memblock.memory, base, size, true, MEMBLOCK_HOTPLUG,
			   __func__);
}

mb_cold int __init_memblock
memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	return setclr_flag(&memblock.memory, base, size, false, MEMBLOCK_HOTPLUG,
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
	err = setclr_flag(&memblock.memory, base, size, true, MEMBLOCK_MIRROR,
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
	return setclr_flag(&memblock.memory, base, size, true, MEMBLOCK_NOMAP,
			   __func__);
}

mb_cold int __init_memblock
memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return setclr_flag(&memblock.memory, base, size, false, MEMBLOCK_NOMAP,
			   __func__);
}

mb_cold int __init_memblock
memblock_reserved_mark_noinit(phys_addr_t base, phys_addr_t size)
{
	return setclr_flag(&memblock.reserved, base, size, true,
			   MEMBLOCK_RSRV_NOINIT, __func__);
}

mb_cold int __init_memblock
memblock_set_node(phys_addr_t base, phys_addr_t size,
		  struct memblock_type *type, int nid)
{
	struct rgn_update upd;
	int err = __memblock_enter(__func__, MB_REFUSE_DISCARDED);

	if (err)
		return err;
	upd.set = upd.clear = MEMBLOCK_NONE;
	upd.set_nid = true;
	upd.nid = nid;
	if (!type || !memblock_nid_ok(nid)) {
		mb_err("%s: invalid %s %d", __func__, type ? "node" : "type",
		       nid);
		return -EINVAL;
	}
	return __memblock_update(type, base, size, &upd, __func__);
}
