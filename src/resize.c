// SPDX-License-Identifier: BSD-2-Clause
/*
 * Growing a region array from memblock itself.
 *
 * A full array is replaced by one at least twice as large, placed in free
 * memory found by memblock's own search, reserved, and the old array (when
 * it was not the static one) is freed. Nothing changes unless every step can
 * succeed.
 */
#include "internal.h"

#define PAGE_ALIGN_UP(x)	(((x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))

/* Free memory for a new array, avoiding [avoid_base, avoid_base + avoid_size). */
static phys_addr_t find_array_space(phys_addr_t bytes, phys_addr_t avoid_base,
				    phys_addr_t avoid_size)
{
	phys_addr_t limit = memblock.current_limit;
	phys_addr_t addr;

	memblock_cap_size(avoid_base, &avoid_size);
	addr = memblock_find_in_range(avoid_base + avoid_size, limit, bytes,
				      PAGE_SIZE);
	if (!addr && avoid_size)
		addr = memblock_find_in_range(0, mb_min(avoid_base, limit),
					      bytes, PAGE_SIZE);
	return addr;
}

int __init_memblock memblock_grow(struct memblock_type *type,
				  unsigned long need, phys_addr_t avoid_base,
				  phys_addr_t avoid_size)
{
	struct memblock_region *old = type->regions, *new_array;
	unsigned long old_max = type->max, new_max = type->max, k;
	phys_addr_t new_bytes, old_bytes, addr, last;

	if (!memblock_can_resize) {
		mb_err("memblock: %s array is full (%lu regions) and resizing is not allowed yet",
		       type->name, type->max);
		return -ENOMEM;
	}
	/*
	 * Room for what the caller needs, plus the two edits growing makes to
	 * "reserved" itself: freeing the old array may split a reservation,
	 * and the new array is reserved.
	 */
	while (new_max < need + 2) {
		if (new_max > ((unsigned long)-1 / 2) / sizeof(*old))
			return -ENOMEM;
		new_max *= 2;
	}
	new_bytes = PAGE_ALIGN_UP((phys_addr_t)new_max * sizeof(*old));
	old_bytes = PAGE_ALIGN_UP((phys_addr_t)old_max * sizeof(*old));

	addr = find_array_space(new_bytes, avoid_base, avoid_size);
	if (!addr) {
		mb_err("memblock: Failed to double %s array from %ld to %ld entries !",
		       type->name, (long)old_max, (long)new_max);
		return -ENOMEM;
	}
	/*
	 * When growing another type, make sure "reserved" can take the new
	 * array's reservation before anything is switched: that may grow
	 * "reserved" first (away from the space just found).
	 */
	if (type != &memblock.reserved &&
	    type_nr(&memblock.reserved) + 2 > memblock.reserved.max) {
		int err = memblock_grow(&memblock.reserved,
					type_nr(&memblock.reserved) + 2,
					addr, new_bytes);
		if (err)
			return err;
		/* The space found before may be taken now: look again. */
		addr = find_array_space(new_bytes, avoid_base, avoid_size);
		if (!addr)
			return -ENOMEM;
	}

	last = addr + new_bytes - 1;
	memblock_dbg("memblock: %s is doubled to %ld at [%pa-%pa]", type->name,
		     (long)new_max, &addr, &last);

	new_array = memblock_env_phys_to_virt(addr);
	for (k = 0; k < type->cnt; k++)
		rgn_copy(&new_array[k], &old[k]);
	__memblock_memset(&new_array[type->cnt], 0,
		  (new_max - type->cnt) * sizeof(*old));
	type->regions = new_array;
	type->max = new_max;

	if (!memblock_is_static_array(old))
		memblock_remove_range(&memblock.reserved,
				      memblock_env_virt_to_phys(old), old_bytes);
	memblock_add_range(&memblock.reserved, addr, new_bytes, MAX_NUMNODES,
			   MEMBLOCK_NONE);
	return 0;
}
