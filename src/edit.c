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
	struct rgn_win w;
	struct mb_plan p;
	phys_addr_t end;
	int err;

	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;
	/* One window: the plan counts from it, the edit is made in it. */
	__memblock_rgn_window(t, base, end, true, &w);
	__memblock_plan_init(&p, base, end);
	p.need[i] = type_nr(t) + w.ins;
	if (i == MB_RSV) {
		__memblock_plan_move_overlapping(&p, base, end);
		p.keep_base = base;
		p.keep_end = end;
		/* Only a call that needs new arrays looks past the edit. */
		if (p.need[i] > t->max || p.move[MB_MEM] || p.move[MB_RSV] ||
		    p.move[MB_PHYS])
			p.after[i] = __memblock_rgn_add_result(t, &w, base, end,
							       nid, flags);
	}
	err = __memblock_plan_prepare(&p, func);
	if (err)
		return err;
	__memblock_plan_switch(&p);
	__memblock_rgn_add_win(t, &w, base, end, nid, flags);
	__memblock_plan_finish(&p);
	return 0;
}

int __memblock_remove_memory(phys_addr_t base, phys_addr_t size, const char *func)
{
	struct memblock_type *mem = &memblock.memory;
	struct rgn_win w;
	struct mb_plan p;
	int err;

	if (!memblock_cap_size(base, &size))
		return 0;
	__memblock_rgn_window(mem, base, base + size, false, &w);
	__memblock_plan_init(&p, base, base + size);
	p.need[MB_MEM] = type_nr(mem) - (w.j - w.i) + w.ins;
	/* An array must stay in memory: it moves first. */
	__memblock_plan_move_overlapping(&p, base, base + size);
	err = __memblock_plan_prepare(&p, func);
	if (err)
		return err;
	__memblock_plan_switch(&p);
	__memblock_rgn_remove_win(mem, &w, base, base + size);
	__memblock_plan_finish(&p);
	return 0;
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
	struct rgn_win w[MB_NTYPES + 1];
	struct memblock_type *rsv = &memblock.reserved;
	long delta = 0, worst = 0;
	struct mb_plan p;
	int n, k, err;

	if (!memblock_cap_size(base, &size))
		return 0;
	n = __memblock_claim_pieces(base, base + size, piece);
	/*
	 * The pieces are cut in order, each window found in the array as it
	 * is now: a piece's window moves by what the pieces before it change
	 * (they are disjoint and apart, so nothing else about it changes).
	 * "reserved" needs the most regions any prefix of the cuts leaves.
	 */
	for (k = 0; k < n; k++) {
		__memblock_rgn_window(rsv, piece[k].lo, piece[k].hi, false, &w[k]);
		w[k].i += (unsigned long)delta;
		w[k].j += (unsigned long)delta;
		delta += (long)w[k].ins - (long)(w[k].j - w[k].i);
		worst = mb_max(worst, delta);
	}
	__memblock_plan_init(&p, base, base + size);
	p.need[MB_RSV] = type_nr(rsv) + (unsigned long)worst;
	p.after[MB_RSV] = (unsigned long)((long)type_nr(rsv) + delta);
	err = __memblock_plan_prepare(&p, func);
	if (err)
		return err;
	__memblock_plan_switch(&p);
	for (k = 0; k < n; k++)
		__memblock_rgn_remove_win(rsv, &w[k], piece[k].lo, piece[k].hi);
	__memblock_plan_finish(&p);
	return 0;
}

int __memblock_update(struct memblock_type *t, phys_addr_t base, phys_addr_t size,
	      const struct rgn_update *upd, const char *func)
{
	int i = __memblock_type_index(t);
	struct rgn_win w;
	struct mb_plan p;
	int err;

	if (!memblock_cap_size(base, &size))
		return 0;
	if (i < 0)	/* not memblock's: no plan, no growth */
		return memblock_update_range(t, base, size, upd);
	__memblock_rgn_window(t, base, base + size, false, &w);
	__memblock_plan_init(&p, base, base + size);
	p.need[i] = type_nr(t) + w.ins;
	/* An array must not lie in NOMAP memory: it moves first. */
	if (i == MB_MEM && (upd->set & MEMBLOCK_NOMAP))
		__memblock_plan_move_overlapping(&p, base, base + size);
	err = __memblock_plan_prepare(&p, func);
	if (err)
		return err;
	__memblock_plan_switch(&p);
	__memblock_rgn_update_win(t, &w, base, base + size, upd);
	__memblock_plan_finish(&p);
	return 0;
}
