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

/*
 * One walker for both directions (one copy of the code): forwards, regions
 * and gaps go up and the cursor's low half is unsigned; backwards they go
 * down, the low half is signed (-1 once past region 0) and ULLONG_MAX
 * starts from the top. @rev comes last: the two entry points pass their
 * own arguments on in the same registers and stack slots.
 */
static mb_noinline void
next_range(u64 *idx, int nid, enum memblock_flags flags,
	   struct memblock_type *type_a, struct memblock_type *type_b,
	   phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid,
	   bool rev)
{
	long na = (long)type_nr(type_a), nb = type_b ? (long)type_nr(type_b) : 0;
	long step = rev ? -1 : 1, ia, ib;
	const struct memblock_region *m;
	struct rgn_filter f;
	phys_addr_t lo, hi;

	/*
	 * Only memory regions carry nodes and allocation-relevant flags: for
	 * any other type the filter asks nothing and skips nothing.
	 */
	filter_init(&f, (unsigned int)flags);
	if (type_a != &memblock.memory) {
		f.reject = f.need = 0;
		nid = NUMA_NO_NODE;
	}
	if (rev && *idx == (u64)ULLONG_MAX) {
		ia = na - 1;
		ib = nb;
	} else {
		ia = rev ? (long)(int32_t)(uint32_t)*idx : (long)(uint32_t)*idx;
		ib = (long)(*idx >> 32);
	}

	/* Regions [0, na) and gaps [0, nb], in the walk's direction. */
	for (; rev ? ia >= 0 : ia < na; ia += step) {
		phys_addr_t m_end;

		m = &type_a->regions[ia];
		m_end = rgn_end(m);
		if (filter_skips(&f, m, nid))
			continue;
		if (!type_b) {
			lo = m->base;
			hi = m_end;
			ia += step;
			ib = 0;
			goto found;
		}
		for (; rev ? ib >= 0 : ib <= nb; ib += step) {
			phys_addr_t g_lo, g_hi;
			bool above, below;

			gap_bounds(type_b, (unsigned long)nb, (unsigned long)ib,
				   &g_lo, &g_hi);
			above = g_lo >= m_end;
			below = g_hi <= m->base;
			/* This gap is past the region, in the walk's direction. */
			if (rev ? below : above)
				break;
			/* Before it, or between touching reservations. */
			if (above || below || g_lo == g_hi)
				continue;
			lo = mb_max(m->base, g_lo);
			hi = mb_min(m_end, g_hi);
			/*
			 * Step whichever of the two the walk leaves first:
			 * forwards the one ending first, backwards the one
			 * starting last.
			 */
			if (rev ? m->base >= g_lo : m_end <= g_hi)
				ia += step;
			else
				ib += step;
			goto found;
		}
	}
	*idx = (u64)ULLONG_MAX;
	return;
found:
	*idx = CURSOR(ia, ib);
	if (out_start)
		*out_start = lo;
	if (out_end)
		*out_end = hi;
	if (out_nid)
		*out_nid = m->nid;
}

void __init_memblock __next_mem_range(u64 *idx, int nid,
				      enum memblock_flags flags,
				      struct memblock_type *type_a,
				      struct memblock_type *type_b,
				      phys_addr_t *out_start,
				      phys_addr_t *out_end, int *out_nid)
{
	next_range(idx, nid, flags, type_a, type_b, out_start, out_end, out_nid,
		   false);
}

void __init_memblock __next_mem_range_rev(u64 *idx, int nid,
					  enum memblock_flags flags,
					  struct memblock_type *type_a,
					  struct memblock_type *type_b,
					  phys_addr_t *out_start,
					  phys_addr_t *out_end, int *out_nid)
{
	next_range(idx, nid, flags, type_a, type_b, out_start, out_end, out_nid,
		   true);
}

void __init_memblock __next_mem_pfn_range(int *idx, int nid,
					  unsigned long *out_start_pfn,
					  unsigned long *out_end_pfn,
					  int *out_nid)
{
	const struct memblock_type *mem = &memblock.memory;
	long nr = (long)type_nr(mem), i = *idx;
	const struct memblock_region *r;
	unsigned long spfn, epfn;

	/* The index in a local: *idx is written once, at the end. */
	do {
		if (++i >= nr) {
			*idx = -1;
			return;
		}
		r = &mem->regions[i];
		spfn = PFN_UP(r->base);
		epfn = PFN_DOWN(rgn_end(r));
		/* Skipped: no whole page in it, or another node's. */
	} while (spfn >= epfn || (nid != NUMA_NO_NODE && nid != MAX_NUMNODES &&
				  nid != r->nid));
	*idx = (int)i;
	if (out_start_pfn)
		*out_start_pfn = spfn;
	if (out_end_pfn)
		*out_end_pfn = epfn;
	if (out_nid)
		*out_nid = r->nid;
}

#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
mb_cold void __init_memblock
__next_physmem_range(u64 *idx, struct memblock_type *type,
		     phys_addr_t *out_start,
		     phys_addr_t *out_end)
{
	__next_mem_range(idx, NUMA_NO_NODE, MEMBLOCK_NONE, &memblock.physmem,
			 type, out_start, out_end, NULL);
}
#endif
