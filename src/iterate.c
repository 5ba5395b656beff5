// SPDX-License-Identifier: BSD-2-Clause
/*
 * Cursor functions behind the for_each_*() iterators.
 *
 * A u64 cursor holds two indices: the low 32 bits index type_a, the high 32
 * bits index the gaps of type_b (gap k ends where region k of type_b starts;
 * gap nr runs to the top of the address space). Both arrays are sorted, so
 * each call resumes where the previous stopped and a full walk is linear.
 */
#include "internal.h"

#define CURSOR(a, b)	((u64)(uint32_t)(a) | ((u64)(b) << 32))

/* Gap @k of @t (regions nr): [end of region k-1, base of region k). */
static void gap_bounds(const struct memblock_type *t, unsigned long nr,
		       unsigned long k, phys_addr_t *lo, phys_addr_t *hi)
{
	*lo = k ? rgn_end(&t->regions[k - 1]) : 0;
	*hi = k < nr ? t->regions[k].base : PHYS_ADDR_MAX;
}

static void set_out(phys_addr_t start, phys_addr_t end, int nid,
		    phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid)
{
	if (out_start)
		*out_start = start;
	if (out_end)
		*out_end = end;
	if (out_nid)
		*out_nid = nid;
}

void __init_memblock __next_mem_range(u64 *idx, int nid,
				      enum memblock_flags flags,
				      struct memblock_type *type_a,
				      struct memblock_type *type_b,
				      phys_addr_t *out_start,
				      phys_addr_t *out_end, int *out_nid)
{
	unsigned long ia = (uint32_t)*idx, ib = (unsigned long)(*idx >> 32);
	unsigned long na = type_nr(type_a), nb = type_b ? type_nr(type_b) : 0;

	for (; ia < na; ia++) {
		const struct memblock_region *m = &type_a->regions[ia];
		phys_addr_t m_end = rgn_end(m);

		if (memblock_should_skip_region(type_a, m, nid, flags))
			continue;
		if (!type_b) {
			set_out(m->base, m_end, m->nid, out_start, out_end,
				out_nid);
			*idx = CURSOR(ia + 1, 0);
			return;
		}
		for (; ib <= nb; ib++) {
			phys_addr_t g_lo, g_hi;

			gap_bounds(type_b, nb, ib, &g_lo, &g_hi);
			if (g_lo >= m_end)
				break;	/* this gap is past the region */
			if (g_hi <= m->base || g_lo == g_hi)
				continue;	/* below, or touching reservations */
			set_out(mb_max(m->base, g_lo), mb_min(m_end, g_hi),
				m->nid, out_start, out_end, out_nid);
			/* Advance whichever of the two ends first. */
			if (m_end <= g_hi)
				ia++;
			else
				ib++;
			*idx = CURSOR(ia, ib);
			return;
		}
	}
	*idx = (u64)ULLONG_MAX;
}

void __init_memblock __next_mem_range_rev(u64 *idx, int nid,
					  enum memblock_flags flags,
					  struct memblock_type *type_a,
					  struct memblock_type *type_b,
					  phys_addr_t *out_start,
					  phys_addr_t *out_end, int *out_nid)
{
	unsigned long na = type_nr(type_a), nb = type_b ? type_nr(type_b) : 0;
	long ia, ib;

	if (*idx == (u64)ULLONG_MAX) {
		ia = (long)na - 1;
		ib = (long)nb;
	} else {
		ia = (int32_t)(uint32_t)*idx;
		ib = (long)(*idx >> 32);
	}

	for (; ia >= 0; ia--) {
		const struct memblock_region *m = &type_a->regions[ia];
		phys_addr_t m_end = rgn_end(m);

		if (memblock_should_skip_region(type_a, m, nid, flags))
			continue;
		if (!type_b) {
			set_out(m->base, m_end, m->nid, out_start, out_end,
				out_nid);
			*idx = CURSOR(ia - 1, 0);
			return;
		}
		for (; ib >= 0; ib--) {
			phys_addr_t g_lo, g_hi;

			gap_bounds(type_b, nb, (unsigned long)ib, &g_lo, &g_hi);
			if (g_hi <= m->base)
				break;	/* this gap is below the region */
			if (g_lo >= m_end || g_lo == g_hi)
				continue;	/* above, or touching reservations */
			set_out(mb_max(m->base, g_lo), mb_min(m_end, g_hi),
				m->nid, out_start, out_end, out_nid);
			/* Step back whichever of the two starts last. */
			if (m->base >= g_lo)
				ia--;
			else
				ib--;
			*idx = CURSOR(ia, ib);
			return;
		}
	}
	*idx = (u64)ULLONG_MAX;
}

void __init_memblock __next_mem_pfn_range(int *idx, int nid,
					  unsigned long *out_start_pfn,
					  unsigned long *out_end_pfn,
					  int *out_nid)
{
	const struct memblock_type *mem = &memblock.memory;
	long nr = (long)type_nr(mem);
	const struct memblock_region *r;

	while (++*idx < nr) {
		r = &mem->regions[*idx];
		if (PFN_UP(r->base) >= PFN_DOWN(rgn_end(r)))
			continue;	/* no whole page in it */
		if (nid == NUMA_NO_NODE || nid == MAX_NUMNODES || nid == r->nid)
			break;
	}
	if (*idx >= nr) {
		*idx = -1;
		return;
	}
	if (out_start_pfn)
		*out_start_pfn = PFN_UP(r->base);
	if (out_end_pfn)
		*out_end_pfn = PFN_DOWN(rgn_end(r));
	if (out_nid)
		*out_nid = r->nid;
}

#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
void __init_memblock __next_physmem_range(u64 *idx, struct memblock_type *type,
					  phys_addr_t *out_start,
					  phys_addr_t *out_end)
{
	__next_mem_range(idx, NUMA_NO_NODE, MEMBLOCK_NONE, &memblock.physmem,
			 type, out_start, out_end, NULL);
}
#endif
