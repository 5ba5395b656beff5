// SPDX-License-Identifier: BSD-2-Clause
/* Coverage and overlap tests over memblock's sorted region arrays. */
#include <dt/checks.h>

static bool has_flags(const struct memblock_region *r, unsigned int flags)
{
	return ((unsigned int)r->flags & flags) == flags;
}

bool type_covers(const struct memblock_type *type, phys_addr_t base,
		 phys_addr_t size, unsigned int flags)
{
	phys_addr_t cur = base, end = base + size;

	for (unsigned long i = 0; i < type->cnt && cur < end; i++) {
		const struct memblock_region *r = &type->regions[i];
		phys_addr_t rend = r->base + r->size;

		if (!r->size || rend <= cur)
			continue;
		if (r->base > cur || !has_flags(r, flags))
			return false;
		cur = rend;
	}
	return cur >= end;
}

bool type_overlaps(const struct memblock_type *type, phys_addr_t base,
		   phys_addr_t size, unsigned int flags)
{
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->size && r->base < base + size && base < r->base + r->size &&
		    has_flags(r, flags))
			return true;
	}
	return false;
}

bool type_has_aligned_block(const struct memblock_type *type,
			    unsigned int flags, phys_addr_t lo, phys_addr_t hi,
			    phys_addr_t size, phys_addr_t align)
{
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		phys_addr_t start = r->base > lo ? r->base : lo;
		phys_addr_t end = r->base + r->size < hi ? r->base + r->size : hi;

		if (!r->size || !has_flags(r, flags))
			continue;
		start = (start + align - 1) & ~(align - 1);
		if (start < end && end - start >= size)
			return true;
	}
	return false;
}
