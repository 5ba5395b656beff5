// SPDX-License-Identifier: BSD-2-Clause
/*
 * Edits made whole: each public call that changes a region array plans its
 * new arrays (resize.c), then switches, edits and finishes. Planning fails
 * with nothing changed; everything after it cannot fail.
 *
 * Caller claims and memblock's own arrays share "reserved". A caller
 * reserving over a live array makes the array move (the bytes become the
 * caller's); removing a caller claim never removes a live array's bytes.
 */
#include "internal.h"

int __memblock_add(int i, phys_addr_t base, phys_addr_t size, int nid,
	   enum memblock_flags flags, const char *func)
{
	struct memblock_type *t = __memblock_type(i);
	struct mb_plan p;
	phys_addr_t end;
	int err;

	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;
	__memblock_plan_init(&p, base, end);
	p.need[i] = __memblock_rgn_add_need(t, base, size);
	if (i == MB_RSV) {
		__memblock_plan_move_overlapping(&p, base, end);
		p.keep_base = base;
		p.keep_end = end;
		/* Only a call that needs new arrays looks past the edit. */
		if (p.need[i] > t->max || p.move[MB_MEM] || p.move[MB_RSV] ||
		    p.move[MB_PHYS])
			p.after[i] = __memblock_rgn_add_result(t, base, size, nid, flags);
	}
	err = __memblock_plan_prepare(&p, func);
	if (err)
		return err;
	__memblock_plan_switch(&p);
	err = memblock_add_range(t, base, size, nid, flags);
	__memblock_plan_finish(&p);
	return err;
}

int __memblock_remove_memory(phys_addr_t base, phys_addr_t size, const char *func)
{
	struct mb_plan p;
	int err;

	if (!memblock_cap_size(base, &size))
		return 0;
	__memblock_plan_init(&p, base, base + size);
	/*
	 * A remove adds at most one region: with room for it, that bound is
	 * the need, and the exact count (a second window search) is skipped.
	 */
	p.need[MB_MEM] = type_nr(&memblock.memory) + 1;
	if (p.need[MB_MEM] > memblock.memory.max)
		p.need[MB_MEM] = (unsigned long)((long)type_nr(&memblock.memory) +
			__memblock_rgn_remove_delta(&memblock.memory, base, size));
	/* An array must stay in memory: it moves first. */
	__memblock_plan_move_overlapping(&p, base, base + size);
	err = __memblock_plan_prepare(&p, func);
	if (err)
		return err;
	__memblock_plan_switch(&p);
	err = memblock_remove_range(&memblock.memory, base, size);
	__memblock_plan_finish(&p);
	return err;
}

int __memblock_span_cut(phys_addr_t lo, phys_addr_t hi, struct mb_span *cut,
			int n, struct mb_span *out)
{
	phys_addr_t cur = lo;
	int a, b, k = 0;

	/* Sort the (at most four) spans, then cut. */
	for (a = 1; a < n; a++)
		for (b = a; b > 0 && cut[b].lo < cut[b - 1].lo; b--)
			span_swap(&cut[b], &cut[b - 1]);
	for (a = 0; a <= n && cur < hi; a++) {
		phys_addr_t stop = a < n ? mb_min(cut[a].lo, hi) : hi;

		if (stop > cur)
			span_set(&out[k++], cur, stop);
		if (a < n)
			cur = mb_max(cur, cut[a].hi);
	}
	return k;
}

int __memblock_claim_pieces(phys_addr_t base, phys_addr_t end, struct mb_span *out)
{
	struct mb_span arr[MB_NTYPES];
	phys_addr_t ab, as;
	int na = 0;

	for (int a = 0; a < MB_NTYPES; a++)
		if (__memblock_live_array(a, &ab, &as))
			span_set(&arr[na++], ab, ab + as);
	return __memblock_span_cut(base, end, arr, na, out);
}

int __memblock_unreserve(phys_addr_t base, phys_addr_t size, const char *func)
{
	struct mb_span piece[MB_NTYPES + 1];
	struct memblock_type *rsv = &memblock.reserved;
	long delta = 0, worst = 0;
	struct mb_plan p;
	int n, k, err;

	if (!memblock_cap_size(base, &size))
		return 0;
	n = __memblock_claim_pieces(base, base + size, piece);
	__memblock_plan_init(&p, base, base + size);
	/*
	 * Each piece adds at most one region: with room for that many, the
	 * bound is enough (nothing grows, "after" stays unknown) and the
	 * exact counts are skipped. Else pieces are cut in order: the most
	 * regions any prefix needs.
	 */
	p.need[MB_RSV] = type_nr(rsv) + (unsigned long)n;
	if (p.need[MB_RSV] > rsv->max) {
		for (k = 0; k < n; k++) {
			delta += __memblock_rgn_remove_delta(rsv, piece[k].lo,
						  piece[k].hi - piece[k].lo);
			worst = mb_max(worst, delta);
		}
		p.need[MB_RSV] = type_nr(rsv) + (unsigned long)worst;
		p.after[MB_RSV] = (unsigned long)((long)type_nr(rsv) + delta);
	}
	err = __memblock_plan_prepare(&p, func);
	if (err)
		return err;
	__memblock_plan_switch(&p);
	for (k = 0; k < n; k++)
		memblock_remove_range(rsv, piece[k].lo, piece[k].hi - piece[k].lo);
	__memblock_plan_finish(&p);
	return 0;
}

int __memblock_update(struct memblock_type *t, phys_addr_t base, phys_addr_t size,
	      const struct rgn_update *upd, const char *func)
{
	int i = __memblock_type_index(t);
	struct mb_plan p;
	int err;

	if (!memblock_cap_size(base, &size))
		return 0;
	if (i < 0)	/* not memblock's: no plan, no growth */
		return memblock_update_range(t, base, size, upd);
	__memblock_plan_init(&p, base, base + size);
	/* At most two splits: with room for them, skip the exact count. */
	p.need[i] = type_nr(t) + 2;
	if (p.need[i] > t->max)
		p.need[i] = __memblock_rgn_update_need(t, base, size);
	/* An array must not lie in NOMAP memory: it moves first. */
	if (i == MB_MEM && (upd->set & MEMBLOCK_NOMAP))
		__memblock_plan_move_overlapping(&p, base, base + size);
	err = __memblock_plan_prepare(&p, func);
	if (err)
		return err;
	__memblock_plan_switch(&p);
	err = memblock_update_range(t, base, size, upd);
	__memblock_plan_finish(&p);
	return err;
}
