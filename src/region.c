// SPDX-License-Identifier: BSD-2-Clause
/*
 * Region arrays: the sorted, non-overlapping, maximally merged arrays behind
 * every memblock type, and the three edits made to them (insert the
 * uncovered parts of a range, cut a range out, change the attributes of a
 * range).
 *
 * Every edit works on the window of its range [base, end): the regions
 * [i, j) it touches, i the first region ending above base, j the first
 * region starting at or above end. __memblock_rgn_window() finds it once
 * (a binary search for i, a gallop from i for j) and counts what the edit
 * inserts before merging; the call plans its capacity from that count
 * (resize.c) and hands the same window to the edit. An edit costs O(log n)
 * plus the regions it touches plus a constant number of memmoves of the
 * array's tail.
 *
 * The window edits (*_win) never grow an array and cannot fail: the caller
 * made room. The range forms (memblock_add_range() ...) find the window
 * themselves and return -ENOMEM, having changed nothing, without room.
 */
#include "internal.h"

/*
 * The two searches are branch-light lower bounds: the interval halves each
 * step whatever the comparison says (a conditional add, no branch on the
 * data), and one last comparison settles between two candidates.
 */
mb_noinline unsigned long __memblock_rgn_first_end_after(const struct memblock_type *t,
				  unsigned long lo, unsigned long nr,
				  phys_addr_t addr)
{
	const struct memblock_region *r = t->regions;
	unsigned long n = nr > lo ? nr - lo : 0;

	if (!n)
		return lo;
	while (n > 1) {
		unsigned long half = n / 2;

		lo += rgn_end(&r[lo + half]) <= addr ? half : 0;
		n -= half;
	}
	return lo + (rgn_end(&r[lo]) <= addr);
}

mb_noinline unsigned long __memblock_rgn_first_base_from(const struct memblock_type *t,
				  unsigned long lo, unsigned long nr,
				  phys_addr_t addr)
{
	const struct memblock_region *r = t->regions;
	unsigned long n = nr > lo ? nr - lo : 0;

	if (!n)
		return lo;
	while (n > 1) {
		unsigned long half = n / 2;

		lo += r[lo + half].base < addr ? half : 0;
		n -= half;
	}
	return lo + (r[lo].base < addr);
}

long __memblock_rgn_find(const struct memblock_type *t, phys_addr_t addr)
{
	unsigned long nr = type_nr(t);
	unsigned long i = __memblock_rgn_first_end_after(t, 0, nr, addr);

	if (i < nr && t->regions[i].base <= addr)
		return (long)i;
	return -1;
}

void __memblock_rgn_window(const struct memblock_type *t, phys_addr_t base,
			   phys_addr_t end, bool add, struct rgn_win *w)
{
	const struct memblock_region *r = t->regions;
	unsigned long nr = type_nr(t), i, j, lo, step = 1, ins = 0;
	phys_addr_t cur = base, fresh = 0;

	/* Past the last region (maps added in ascending order): no search. */
	if (!nr || rgn_end(&r[nr - 1]) <= base)
		i = nr;
	else
		i = __memblock_rgn_first_end_after(t, 0, nr - 1, base);
	/* j is i or i + 1 for most edits: gallop from i, search the rest. */
	lo = j = i;
	while (j < nr && r[j].base < end) {
		lo = j + 1;
		j += step;
		step *= 2;
	}
	if (j > lo)
		j = __memblock_rgn_first_base_from(t, lo, mb_min(j, nr), end);
	w->i = i;
	w->j = j;
	if (add) {
		/* The holes of [base, end) between the window's regions. */
		for (lo = i; lo < j; lo++) {
			if (r[lo].base > cur) {
				ins++;
				fresh += r[lo].base - cur;
			}
			cur = rgn_end(&r[lo]);
		}
		if (cur < end) {
			ins++;
			fresh += end - cur;
		}
	} else if (i < j) {
		/* The window's end regions that cross the range's ends. */
		ins = (r[i].base < base) + (rgn_end(&r[j - 1]) > end);
	}
	w->ins = ins;
	w->fresh = fresh;
}

static bool rgn_compatible(const struct memblock_region *a,
			   const struct memblock_region *b)
{
	return rgn_end(a) == b->base && a->nid == b->nid &&
	       a->flags == b->flags;
}

/*
 * Move regions [from, cnt) so that they start at index @to. The count is
 * stored first so that the move is a tail call (the hook never reads
 * memblock).
 */
static mb_noinline void rgn_shift_tail(struct memblock_type *t, unsigned long from,
			   unsigned long to)
{
	unsigned long nr = t->cnt;

	t->cnt = nr - from + to;
	if (from != to && from < nr)
		__memblock_memmove(&t->regions[to], &t->regions[from],
			   (nr - from) * sizeof(t->regions[0]));
}

/*
 * An empty type has cnt == 0 (Linux 6.11+). Its first slot is cleared as
 * Linux clears it, node MAX_NUMNODES, so a reader of regions[0] sees a
 * zero-sized region.
 */
static mb_cold void rgn_set_empty(struct memblock_type *t)
{
	t->cnt = 0;
	t->total_size = 0;
	rgn_init(&t->regions[0], 0, 0, MEMBLOCK_NONE, MAX_NUMNODES);
}

mb_cold void __memblock_rgn_set_count(struct memblock_type *t, unsigned long n)
{
	if (n)
		t->cnt = n;
	else
		rgn_set_empty(t);
}

/*
 * Merge compatible neighbours among regions [lo, hi) (clipped to the array)
 * and close the hole with one move of the tail.
 */
void __memblock_rgn_merge_window(struct memblock_type *t, unsigned long lo,
			     unsigned long hi)
{
	/* Locals: a store to a region may alias *t for the compiler. */
	struct memblock_region *r = t->regions;
	unsigned long w = lo, k;

	if (hi > t->cnt)
		hi = t->cnt;
	if (hi <= lo + 1)
		return;
	for (k = lo + 1; k < hi; k++) {
		if (rgn_compatible(&r[w], &r[k]))
			r[w].size += r[k].size;
		else
			rgn_copy(&r[++w], &r[k]);
	}
	rgn_shift_tail(t, hi, w + 1);
}

/*
 * One back-to-front pass over a window (rgn_rebuild()): each piece it
 * yields is either written below the ones before it or, when counting,
 * compared with the piece above it (a new run unless they merge).
 */
struct rgn_pass {
	struct memblock_type *t;
	unsigned long w;		/* next slot written: w - 1 */
	unsigned long runs;		/* -1: write, else count */
	struct memblock_region above;	/* count: the piece above */
};

/* Yield [lo, hi) with the node and flags of @attr (nothing if empty). */
static mb_noinline void rgn_emit(struct rgn_pass *o, phys_addr_t lo,
				 phys_addr_t hi,
				 const struct memblock_region *attr)
{
	if (lo >= hi)
		return;
	if (o->runs == (unsigned long)-1) {
		rgn_init(&o->t->regions[--o->w], lo, hi - lo, attr->flags,
			 attr->nid);
		return;
	}
	o->runs += hi != o->above.base || attr->flags != o->above.flags ||
		   attr->nid != o->above.nid;
	rgn_init(&o->above, lo, hi - lo, attr->flags, attr->nid);
}

static void rgn_apply(struct memblock_region *r, const struct rgn_update *upd)
{
	r->flags = (r->flags & ~upd->clear) | upd->set;
	if (upd->set_nid)
		r->nid = upd->nid;
}

/* Isolating: a split that changes nothing. */
static const struct rgn_update rgn_keep;

/*
 * The pieces window @w of [base, end) becomes, from the top: for an add
 * (@fill: the new regions' node and flags) each region unchanged and the
 * hole above it filled; else each region cut at base and end, @upd
 * applied to the part inside. Written (o->runs == -1): the tail first
 * moves up by w->ins, then every write lands at or above the slot being
 * read, so nothing is overwritten before it is copied. Counted: o->runs
 * grows by the runs the pieces form (the caller yields the neighbours).
 * Six arguments: all in registers on the 64-bit ABIs.
 */
static void rgn_rebuild(struct rgn_pass *o, const struct rgn_win *w,
			phys_addr_t base, phys_addr_t end,
			const struct rgn_update *upd,
			const struct memblock_region *fill)
{
	/* An add cuts nothing: the clip is the whole address space. */
	phys_addr_t lo = fill ? 0 : base, hi = fill ? PHYS_ADDR_MAX : end;
	phys_addr_t gap = end;
	struct memblock_type *t = o->t;
	unsigned long k = w->j;

	o->w = k + w->ins;
	if (o->runs == (unsigned long)-1)
		rgn_shift_tail(t, k, k + w->ins);
	for (; k > w->i; k--) {
		struct memblock_region r, in;

		rgn_copy(&r, &t->regions[k - 1]);
		rgn_copy(&in, &r);
		rgn_apply(&in, upd);
		if (fill)
			rgn_emit(o, rgn_end(&r), gap, fill);
		rgn_emit(o, hi, rgn_end(&r), &r);
		rgn_emit(o, mb_max(lo, r.base), mb_min(hi, rgn_end(&r)), &in);
		rgn_emit(o, r.base, lo, &r);
		gap = r.base;
	}
	if (fill)
		rgn_emit(o, base, gap, fill);
}

/* Does @r carry node @nid and @flags (an add may then merge with it)? */
static bool rgn_same_attr(const struct memblock_region *r, int nid,
			  enum memblock_flags flags)
{
	return r->nid == nid && r->flags == flags;
}

/*
 * Fast path for an add of [base, end) that touches no region (it belongs
 * before region @i): when it only extends a compatible neighbour, grow
 * that neighbour in place instead of opening a slot and closing it again.
 * Allocations hit this every time they land next to an earlier one.
 * Scalars, not a region: nothing is built on the stack. Returns false
 * when the general path must run.
 */
static bool rgn_extend_neighbour(struct memblock_type *t, unsigned long i,
				 phys_addr_t base, phys_addr_t end, int nid,
				 enum memblock_flags flags)
{
	struct memblock_region *right = &t->regions[i], *left;
	bool join_left = i && rgn_end(right - 1) == base &&
			 rgn_same_attr(right - 1, nid, flags);
	bool join_right = i < type_nr(t) && right->base == end &&
			  rgn_same_attr(right, nid, flags);

	if (!join_left && !join_right)
		return false;
	left = right - join_left;	/* only used when join_left */
	t->total_size += end - base;
	if (!join_left) {
		right->base = base;
		right->size += end - base;
	} else if (!join_right) {
		left->size += end - base;
	} else {
		/* It fills the hole between them: one region, one move. */
		left->size += end - base + right->size;
		rgn_shift_tail(t, i + 1, i);
	}
	return true;
}

void __memblock_rgn_add_win(struct memblock_type *t, const struct rgn_win *w,
			    phys_addr_t base, phys_addr_t end, int nid,
			    enum memblock_flags flags)
{
	struct memblock_region fill;
	struct rgn_pass o;

	if (!w->ins)
		return;
	if (w->i == w->j) {
		if (rgn_extend_neighbour(t, w->i, base, end, nid, flags))
			return;
		/* Alone between incompatible neighbours: one slot, no merge. */
		rgn_shift_tail(t, w->i, w->i + 1);
		rgn_init(&t->regions[w->i], base, end - base, flags, nid);
		t->total_size += end - base;
		return;
	}
	rgn_init(&fill, base, end - base, flags, nid);
	t->total_size += w->fresh;
	o.t = t;
	o.runs = (unsigned long)-1;
	rgn_rebuild(&o, w, base, end, &rgn_keep, &fill);
	__memblock_rgn_merge_window(t, w->i ? w->i - 1 : 0, w->j + w->ins + 1);
}

/* Cold: only a plan growing "reserved" asks (edit.c). */
mb_cold unsigned long __memblock_rgn_add_result(const struct memblock_type *t,
						const struct rgn_win *w,
						phys_addr_t base,
						phys_addr_t end, int nid,
						enum memblock_flags flags)
{
	const struct memblock_region *r = t->regions;
	unsigned long nr = type_nr(t);
	struct memblock_region fill;
	struct rgn_pass o;

	rgn_init(&fill, base, end - base, flags, nid);
	/* Counting writes nothing: the cast only shares the walk. */
	o.t = (struct memblock_type *)t;
	o.runs = 0;
	rgn_init(&o.above, 0, 0, MEMBLOCK_NONE, 0);	/* no piece ends at 0 */
	/* The window's neighbours, from the top: a merge joins them. */
	if (w->j < nr)
		rgn_emit(&o, r[w->j].base, rgn_end(&r[w->j]), &r[w->j]);
	rgn_rebuild(&o, w, base, end, &rgn_keep, &fill);
	if (w->i)
		rgn_emit(&o, r[w->i - 1].base, rgn_end(&r[w->i - 1]),
			 &r[w->i - 1]);
	return nr - (w->j - w->i) - (w->i > 0) - (w->j < nr) + o.runs;
}

mb_cold void __memblock_rgn_update_win(struct memblock_type *t,
			       const struct rgn_win *w, phys_addr_t base,
			       phys_addr_t end, const struct rgn_update *upd)
{
	struct rgn_pass o;

	if (w->i == w->j)
		return;
	o.t = t;
	o.runs = (unsigned long)-1;
	rgn_rebuild(&o, w, base, end, upd ? upd : &rgn_keep, NULL);
	if (upd)
		__memblock_rgn_merge_window(t, w->i ? w->i - 1 : 0,
				    w->j + w->ins + 1);
}

void __memblock_rgn_remove_win(struct memblock_type *t,
			       const struct rgn_win *w, phys_addr_t base,
			       phys_addr_t end)
{
	struct memblock_region first, last;
	unsigned long i = w->i, j = w->j, k;
	phys_addr_t gone = 0;

	if (i == j)
		return;
	rgn_copy(&first, &t->regions[i]);
	rgn_copy(&last, &t->regions[j - 1]);
	/* Summed in a local: a store to total_size may alias the regions. */
	for (k = i; k < j; k++)
		gone += t->regions[k].size;
	t->total_size -= gone;
	/*
	 * The pieces kept at either end (w->ins of them) replace the window:
	 * one move of the tail (design.md, "one move per edit").
	 */
	rgn_shift_tail(t, j, i + w->ins);
	if (first.base < base) {
		rgn_init(&t->regions[i++], first.base, base - first.base,
			 first.flags, first.nid);
		t->total_size += base - first.base;
	}
	if (rgn_end(&last) > end) {
		rgn_init(&t->regions[i], end, rgn_end(&last) - end,
			 last.flags, last.nid);
		t->total_size += rgn_end(&last) - end;
	}
	if (!t->cnt)
		rgn_set_empty(t);
}

/* ---- the range forms: find the window, check the room, edit ---- */

/* Add (@add) or remove [base, base + size): the two share one body. */
static mb_cold int rgn_edit_range(struct memblock_type *type, phys_addr_t base,
				  phys_addr_t size, bool add, int nid,
				  enum memblock_flags flags)
{
	struct rgn_win w;

	if (!memblock_cap_size(base, &size))
		return 0;
	__memblock_rgn_window(type, base, base + size, add, &w);
	/* A remove drops the window; only cutting one region's middle grows. */
	if (type_nr(type) - (add ? 0 : w.j - w.i) + w.ins > type->max)
		return -ENOMEM;	/* the caller's plan makes room first */
	if (add)
		__memblock_rgn_add_win(type, &w, base, base + size, nid, flags);
	else
		__memblock_rgn_remove_win(type, &w, base, base + size);
	return 0;
}

mb_cold int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			       phys_addr_t size, int nid,
			       enum memblock_flags flags)
{
	return rgn_edit_range(type, base, size, true, nid, flags);
}

mb_cold int memblock_remove_range(struct memblock_type *type,
				  phys_addr_t base, phys_addr_t size)
{
	return rgn_edit_range(type, base, size, false, 0, MEMBLOCK_NONE);
}

/*
 * Split the regions crossing base and end so that [base, end) is made of
 * whole regions, then apply @upd to them and merge (@upd NULL: only split,
 * and return the regions inside in *start_rgn, *end_rgn).
 */
static mb_cold int rgn_split_range(struct memblock_type *type, phys_addr_t base,
			   phys_addr_t size, const struct rgn_update *upd,
			   int *start_rgn, int *end_rgn)
{
	struct rgn_win w;

	if (start_rgn)
		*start_rgn = *end_rgn = 0;
	if (!memblock_cap_size(base, &size))
		return 0;
	__memblock_rgn_window(type, base, base + size, false, &w);
	if (type_nr(type) + w.ins > type->max)
		return -ENOMEM;
	if (start_rgn) {
		/* One piece inside per window region, after a split at base. */
		*start_rgn = (int)(w.i + (w.i < w.j &&
					  type->regions[w.i].base < base));
		*end_rgn = *start_rgn + (int)(w.j - w.i);
	}
	__memblock_rgn_update_win(type, &w, base, base + size, upd);
	return 0;
}

mb_cold int memblock_isolate_range(struct memblock_type *type, phys_addr_t base,
			   phys_addr_t size, int *start_rgn, int *end_rgn)
{
	return rgn_split_range(type, base, size, NULL, start_rgn, end_rgn);
}

mb_cold int memblock_update_range(struct memblock_type *type, phys_addr_t base,
			  phys_addr_t size, const struct rgn_update *upd)
{
	return rgn_split_range(type, base, size, upd, NULL, NULL);
}

mb_cold unsigned long __memblock_rgn_update_need(const struct memblock_type *t,
					 phys_addr_t base, phys_addr_t size)
{
	struct rgn_win w;

	__memblock_rgn_window(t, base, base + size, false, &w);
	return type_nr(t) + w.ins;
}
