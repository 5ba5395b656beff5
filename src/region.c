// SPDX-License-Identifier: BSD-2-Clause
/*
 * Region arrays: the sorted, non-overlapping, maximally merged arrays behind
 * every memblock type, and the three edits made to them (insert the
 * uncovered parts of a range, cut a range out, change the attributes of a
 * range).
 *
 * Every edit finds the regions it touches by binary search, so it costs
 * O(log n) plus the regions it touches plus a constant number of memmoves
 * of the array's tail. The regions touched by [base, end) are the window
 * [i, j): i is the first region ending above base, j the first region
 * starting at or above end.
 *
 * The edits never grow an array: a call first asks rgn_*_need() how many
 * regions the edit needs and makes room (resize.c); an edit without room
 * returns -ENOMEM having changed nothing.
 */
#include "internal.h"

unsigned long __memblock_rgn_first_end_after(const struct memblock_type *t,
				  unsigned long lo, unsigned long nr,
				  phys_addr_t addr)
{
	unsigned long hi = nr;

	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (rgn_end(&t->regions[mid]) > addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

unsigned long __memblock_rgn_first_base_from(const struct memblock_type *t,
				  unsigned long lo, unsigned long nr,
				  phys_addr_t addr)
{
	unsigned long hi = nr;

	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (t->regions[mid].base >= addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

long __memblock_rgn_find(const struct memblock_type *t, phys_addr_t addr)
{
	unsigned long nr = type_nr(t);
	unsigned long i = __memblock_rgn_first_end_after(t, 0, nr, addr);

	if (i < nr && t->regions[i].base <= addr)
		return (long)i;
	return -1;
}

static bool rgn_compatible(const struct memblock_region *a,
			   const struct memblock_region *b)
{
	return rgn_end(a) == b->base && a->nid == b->nid &&
	       a->flags == b->flags;
}

/* Move regions [from, cnt) so that they start at index @to. */
static void rgn_shift_tail(struct memblock_type *t, unsigned long from,
			   unsigned long to)
{
	unsigned long nr = t->cnt;

	if (from != to && from < nr)
		__memblock_memmove(&t->regions[to], &t->regions[from],
			   (nr - from) * sizeof(t->regions[0]));
	t->cnt = nr - from + to;
}

/*
 * An empty type has cnt == 0 (Linux 6.11+). Its first slot is cleared as
 * Linux clears it, node MAX_NUMNODES, so a reader of regions[0] sees a
 * zero-sized region.
 */
static void rgn_set_empty(struct memblock_type *t)
{
	t->cnt = 0;
	t->total_size = 0;
	rgn_init(&t->regions[0], 0, 0, MEMBLOCK_NONE, MAX_NUMNODES);
}

void __memblock_rgn_set_count(struct memblock_type *t, unsigned long n)
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
	unsigned long w = lo, k;

	if (hi > t->cnt)
		hi = t->cnt;
	if (hi <= lo + 1)
		return;
	for (k = lo + 1; k < hi; k++) {
		struct memblock_region *prev = &t->regions[w];

		if (rgn_compatible(prev, &t->regions[k]))
			prev->size += t->regions[k].size;
		else
			rgn_copy(&t->regions[++w], &t->regions[k]);
	}
	rgn_shift_tail(t, hi, w + 1);
}

/* Window bounds of [base, end) in @t: regions [*i, *j) intersect it. */
static void rgn_window(const struct memblock_type *t, unsigned long nr,
		       phys_addr_t base, phys_addr_t end,
		       unsigned long *i, unsigned long *j)
{
	*i = __memblock_rgn_first_end_after(t, 0, nr, base);
	*j = __memblock_rgn_first_base_from(t, *i, nr, end);
}

/* Number of holes in [base, end) not covered by regions [i, j). */
static unsigned long rgn_count_gaps(const struct memblock_type *t,
				    unsigned long i, unsigned long j,
				    phys_addr_t base, phys_addr_t end)
{
	phys_addr_t cur = base;
	unsigned long gaps = 0, k;

	for (k = i; k < j; k++) {
		if (t->regions[k].base > cur)
			gaps++;
		cur = rgn_end(&t->regions[k]);
	}
	return gaps + (cur < end);
}

/*
 * Fast path for a range [base, end) that touches no region (it belongs
 * before region @i): when it only extends a compatible neighbour, grow
 * that neighbour in place instead of opening a slot and closing it again.
 * Allocations hit this every time they land next to an earlier one.
 * Returns false when the general path must run.
 */
static bool rgn_extend_neighbour(struct memblock_type *t, unsigned long i,
				 phys_addr_t base, phys_addr_t end, int nid,
				 enum memblock_flags flags)
{
	const struct memblock_region add = { base, end - base, flags, nid };
	struct memblock_region *left = i ? &t->regions[i - 1] : NULL;
	struct memblock_region *right = i < type_nr(t) ? &t->regions[i] : NULL;
	bool join_left = left && rgn_compatible(left, &add);
	bool join_right = right && rgn_compatible(&add, right);

	if (!join_left && !join_right)
		return false;
	t->total_size += add.size;
	if (!join_left) {
		right->base = base;
		right->size += add.size;
	} else if (!join_right) {
		left->size += add.size;
	} else {
		/* It fills the hole between them: one region, one move. */
		left->size += add.size + right->size;
		rgn_shift_tail(t, i + 1, i);
	}
	return true;
}

int memblock_add_range(struct memblock_type *type, phys_addr_t base,
		       phys_addr_t size, int nid, enum memblock_flags flags)
{
	unsigned long nr, i, j, gaps, w, k;
	phys_addr_t end, hi;

	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;
	nr = type_nr(type);
	rgn_window(type, nr, base, end, &i, &j);
	gaps = rgn_count_gaps(type, i, j, base, end);
	if (!gaps)
		return 0;
	if (nr + gaps > type->max)
		return -ENOMEM;	/* the caller's plan makes room first */

	if (i == j && rgn_extend_neighbour(type, i, base, end, nid, flags))
		return 0;

	/*
	 * Open @gaps slots after the window, then rebuild the window from its
	 * end: every write lands at or above the region being read, so nothing
	 * is overwritten before it is copied.
	 */
	rgn_shift_tail(type, j, j + gaps);
	w = j + gaps;
	hi = end;
	for (k = j; k > i; k--) {
		struct memblock_region r;

		rgn_copy(&r, &type->regions[k - 1]);
		if (rgn_end(&r) < hi) {
			rgn_init(&type->regions[--w], rgn_end(&r),
				 hi - rgn_end(&r), flags, nid);
			type->total_size += hi - rgn_end(&r);
		}
		rgn_copy(&type->regions[--w], &r);
		hi = r.base;
	}
	if (hi > base) {
		rgn_init(&type->regions[--w], base, hi - base, flags, nid);
		type->total_size += hi - base;
	}
	__memblock_rgn_merge_window(type, i ? i - 1 : 0, j + gaps + 1);
	return 0;
}

int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
			  phys_addr_t size)
{
	struct memblock_region first, last;
	unsigned long nr, i, j, k, keep;
	phys_addr_t end;

	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;
	nr = type_nr(type);
	rgn_window(type, nr, base, end, &i, &j);
	if (i == j)
		return 0;
	rgn_copy(&first, &type->regions[i]);
	rgn_copy(&last, &type->regions[j - 1]);
	keep = (first.base < base) + (rgn_end(&last) > end);
	/* Only cutting the middle out of one region needs a new slot. */
	if (nr - (j - i) + keep > type->max)
		return -ENOMEM;
	for (k = i; k < j; k++)
		type->total_size -= type->regions[k].size;
	/*
	 * The pieces kept at either end replace the window [i, j): one move
	 * of the tail (design.md, "one move per edit").
	 */
	rgn_shift_tail(type, j, i + keep);
	if (first.base < base) {
		rgn_init(&type->regions[i++], first.base, base - first.base,
			 first.flags, first.nid);
		type->total_size += base - first.base;
	}
	if (rgn_end(&last) > end) {
		rgn_init(&type->regions[i], end, rgn_end(&last) - end,
			 last.flags, last.nid);
		type->total_size += rgn_end(&last) - end;
	}
	if (!type->cnt)
		rgn_set_empty(type);
	return 0;
}

static void rgn_apply(struct memblock_region *r, const struct rgn_update *upd)
{
	r->flags = (r->flags & ~upd->clear) | upd->set;
	if (upd->set_nid)
		r->nid = upd->nid;
}

/*
 * Split the regions crossing base and end so that [base, end) is made of
 * whole regions, then apply @upd to them (when not NULL) and merge.
 * Returns the window in *start_rgn and *end_rgn when @upd is NULL (after a merge
 * the indices would mean nothing).
 */
static int rgn_isolate_apply(struct memblock_type *type, phys_addr_t base,
			     phys_addr_t size, const struct rgn_update *upd,
			     int *start_rgn, int *end_rgn)
{
	unsigned long nr, i, j, splits, w, k;
	phys_addr_t end;

	if (start_rgn)
		*start_rgn = *end_rgn = 0;
	if (!memblock_cap_size(base, &size))
		return 0;
	end = base + size;
	nr = type_nr(type);
	rgn_window(type, nr, base, end, &i, &j);
	if (i == j) {
		if (start_rgn)
			*start_rgn = *end_rgn = (int)i;
		return 0;
	}
	splits = (type->regions[i].base < base) +
		 (rgn_end(&type->regions[j - 1]) > end);
	if (nr + splits > type->max)
		return -ENOMEM;

	/* Same back-to-front rebuild as memblock_add_range(). */
	rgn_shift_tail(type, j, j + splits);
	w = j + splits;
	for (k = j; k > i; k--) {
		struct memblock_region r, below;

		rgn_copy(&r, &type->regions[k - 1]);
		rgn_copy(&below, &r);
		if (k == j && rgn_end(&r) > end) {
			rgn_init(&type->regions[--w], end, rgn_end(&r) - end,
				 r.flags, r.nid);
			r.size = end - r.base;
		}
		if (k - 1 == i && r.base < base) {
			below.size = base - r.base;
			r.size = rgn_end(&r) - base;
			r.base = base;
		} else {
			below.size = 0;
		}
		if (upd)
			rgn_apply(&r, upd);
		rgn_copy(&type->regions[--w], &r);
		if (below.size)
			rgn_copy(&type->regions[--w], &below);
	}
	if (start_rgn) {
		*start_rgn = (int)(i + (type->regions[i].base < base));
		*end_rgn = (int)(j + splits - (rgn_end(&type->regions[j + splits - 1]) > end));
	}
	if (upd)
		__memblock_rgn_merge_window(type, i ? i - 1 : 0, j + splits + 1);
	return 0;
}

int memblock_isolate_range(struct memblock_type *type, phys_addr_t base,
			   phys_addr_t size, int *start_rgn, int *end_rgn)
{
	return rgn_isolate_apply(type, base, size, NULL, start_rgn, end_rgn);
}

int memblock_update_range(struct memblock_type *type, phys_addr_t base,
			  phys_addr_t size, const struct rgn_update *upd)
{
	return rgn_isolate_apply(type, base, size, upd, NULL, NULL);
}

/*
 * ---- capacity, computed without editing ----
 * The range is non-empty and already clamped (memblock_cap_size()).
 */

unsigned long __memblock_rgn_add_need(const struct memblock_type *t, phys_addr_t base,
			   phys_addr_t size)
{
	unsigned long nr = type_nr(t), i, j;

	rgn_window(t, nr, base, base + size, &i, &j);
	return nr + rgn_count_gaps(t, i, j, base, base + size);
}

/*
 * Regions @t holds once [base, base + size) is added and merged: the window
 * with one neighbour on each side, walked as the add would rebuild it, and
 * touching compatible pieces counted once.
 */
unsigned long __memblock_rgn_add_result(const struct memblock_type *t, phys_addr_t base,
			     phys_addr_t size, int nid,
			     enum memblock_flags flags)
{
	unsigned long nr = type_nr(t), i, j, k, lo, hi, runs = 0;
	phys_addr_t end = base + size, cur = base;
	struct memblock_region prev;
	bool have = false;

	rgn_init(&prev, 0, 0, MEMBLOCK_NONE, 0);

	rgn_window(t, nr, base, end, &i, &j);
	lo = i ? i - 1 : 0;
	hi = j < nr ? j + 1 : nr;
	for (k = lo; k <= hi; k++) {
		struct memblock_region piece[2];
		int np = 0;

		/* The gap before region k (inside the range), then region k. */
		if (k >= i && k <= j) {
			phys_addr_t gap_end = k < j ? t->regions[k].base : end;

			if (gap_end > cur)
				rgn_init(&piece[np++], cur, gap_end - cur,
					 flags, nid);
			if (k < j)
				cur = rgn_end(&t->regions[k]);
		}
		if (k < hi)
			rgn_copy(&piece[np++], &t->regions[k]);
		for (int p = 0; p < np; p++) {
			if (!have || !rgn_compatible(&prev, &piece[p]))
				runs++;
			rgn_copy(&prev, &piece[p]);
			have = true;
		}
	}
	return nr - (hi - lo) + runs;
}

/*
 * Window [*i, *j) of [base, base + size) in @t, and how many of its two end
 * regions cross the range's ends (each would be split).
 */
static mb_noinline unsigned long rgn_splits(const struct memblock_type *t,
					    phys_addr_t base, phys_addr_t size,
					    unsigned long *i, unsigned long *j)
{
	phys_addr_t end = base + size;

	rgn_window(t, type_nr(t), base, end, i, j);
	if (*i == *j)
		return 0;
	return (t->regions[*i].base < base) +
	       (rgn_end(&t->regions[*j - 1]) > end);
}

long __memblock_rgn_remove_delta(const struct memblock_type *t, phys_addr_t base,
		      phys_addr_t size)
{
	unsigned long i, j, splits = rgn_splits(t, base, size, &i, &j);

	return (long)splits - (long)(j - i);
}

unsigned long __memblock_rgn_update_need(const struct memblock_type *t, phys_addr_t base,
			      phys_addr_t size)
{
	unsigned long i, j;

	return type_nr(t) + rgn_splits(t, base, size, &i, &j);
}
