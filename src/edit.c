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

/* In edit_begin()'s @moves: the range is a caller's new claim. */
#define ED_KEEP		(1U << MB_NTYPES)

/*
 * Plan and switch to the new arrays of an edit: type @i needs @need regions
 * during the edit and @after once merged ((unsigned long)-1: unknown),
 * the live arrays in @moves must move out of its way (with ED_KEEP: the
 * range is a caller's new claim). Returns -ENOMEM (logged, nothing changed)
 * when an array cannot be had; else the caller edits, then calls
 * __memblock_plan_finish(). Edits with room and nothing in their way skip
 * both: nothing could be new.
 */
static mb_noinline int edit_begin(struct mb_plan *p, phys_addr_t base,
				  phys_addr_t end, int i, unsigned long need,
				  unsigned int moves, unsigned long after,
				  const char *func)
{
	__memblock_plan_init(p, base, end);
	p->need[i] = need;
	p->rsv_after = after;	/* (unsigned long)-1 unless i is reserved */
	for (int k = 0; k < MB_NTYPES; k++)
		p->move[k] = moves >> k & 1;
	if (moves & ED_KEEP) {
		p->keep_base = base;
		p->keep_end = end;
	}
	return __memblock_plan_prepare(p, func);
}

int __memblock_add(int i, phys_addr_t base, phys_addr_t size, int nid,
	   enum memblock_flags flags, const char *func)
{
	struct memblock_type *t = __memblock_type(i);
	unsigned long need;
	unsigned int moves = 0;
	struct rgn_win w;
	struct mb_plan p;
	phys_addr_t end;
	int err;

	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;
	/* One window: the plan counts from it, the edit is made in it. */
	__memblock_rgn_window(t, base, end, true, &w);
	need = type_nr(t) + w.ins;
	/*
	 * A caller reserving over a live array takes its bytes: it moves.
	 * Live arrays are reserved (design.md, "Ownership"): a range whose
	 * window holds no reservation, as every allocation's does, misses them.
	 */
	if (i == MB_RSV && w.i != w.j)
		moves = __memblock_live_overlap(base, end);
	if (need > t->max || moves) {
		/* "reserved" then also needs what it holds after the add. */
		err = edit_begin(&p, base, end, i, need,
				 i == MB_RSV ? moves | ED_KEEP : 0,
				 i != MB_RSV ? (unsigned long)-1 :
				 __memblock_rgn_add_result(t, &w, base, end,
							   nid, flags),
				 func);
		if (err)
			return err;
		__memblock_rgn_add_win(t, &w, base, end, nid, flags);
		__memblock_plan_finish(&p);
		return 0;
	}
	/* The usual case: room, nothing in the way, no plan. */
	__memblock_rgn_add_win(t, &w, base, end, nid, flags);
	return 0;
}

int __memblock_remove_memory(phys_addr_t base, phys_addr_t size, const char *func)
{
	struct memblock_type *mem = &memblock.memory;
	unsigned long need;
	unsigned int moves;
	struct rgn_win w;
	struct mb_plan p;
	int err;

	if (!memblock_cap_size(base, &size))
		return 0;
	__memblock_rgn_window(mem, base, base + size, false, &w);
	need = type_nr(mem) - (w.j - w.i) + w.ins;
	/* An array must stay in memory: it moves first. */
	moves = __memblock_live_overlap(base, base + size);
	if (need > mem->max || moves) {
		err = edit_begin(&p, base, base + size, MB_MEM, need, moves,
				 (unsigned long)-1, func);
		if (err)
			return err;
		__memblock_rgn_remove_win(mem, &w, base, base + size);
		__memblock_plan_finish(&p);
		return 0;
	}
	__memblock_rgn_remove_win(mem, &w, base, base + size);
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
	p.n = 0;
	if (type_nr(rsv) + (unsigned long)worst > rsv->max) {
		err = edit_begin(&p, base, base + size, MB_RSV,
				 type_nr(rsv) + (unsigned long)worst,
				 0, (unsigned long)((long)type_nr(rsv) + delta),
				 func);
		if (err)
			return err;
	}
	for (k = 0; k < n; k++)
		__memblock_rgn_remove_win(rsv, &w[k], piece[k].lo, piece[k].hi);
	if (p.n)
		__memblock_plan_finish(&p);
	return 0;
}

/* One copy behind every call of flags.c; like them, rare (a few per boot). */
mb_cold int __memblock_update(phys_addr_t base, phys_addr_t size,
			      struct memblock_type *t, unsigned int op,
			      int nid, const char *func)
{
	int i, err = __memblock_enter(func, MB_REFUSE_DISCARDED);
	unsigned int moves = 0;
	struct rgn_update upd;
	struct rgn_win w;
	struct mb_plan p;

	if (err)
		return err;
	if ((op & MB_SET_NID) && (!t || !memblock_nid_ok(nid))) {
		mb_err("%s: invalid %s %d", func, t ? "node" : "type", nid);
		return -EINVAL;
	}
	/* Field by field: an initialiser may be a libc memset() call. */
	upd.set = (enum memblock_flags)(op & 0xff);
	upd.clear = (enum memblock_flags)(op >> 8 & 0xff);
	upd.set_nid = op & MB_SET_NID;
	upd.nid = nid;
	if (!memblock_cap_size(base, &size))
		return 0;
	i = __memblock_type_index(t);
	if (i < 0)	/* not memblock's: no plan, no growth */
		return memblock_update_range(t, base, size, &upd);
	__memblock_rgn_window(t, base, base + size, false, &w);
	/* An array must not lie in NOMAP memory: it moves first. */
	if (i == MB_MEM && (upd.set & MEMBLOCK_NOMAP))
		moves = __memblock_live_overlap(base, base + size);
	p.n = 0;
	if (type_nr(t) + w.ins > t->max || moves) {
		err = edit_begin(&p, base, base + size, i, type_nr(t) + w.ins,
				 moves, (unsigned long)-1, func);
		if (err)
			return err;
	}
	__memblock_rgn_update_win(t, &w, base, base + size, &upd);
	if (p.n)
		__memblock_plan_finish(&p);
	return 0;
}
