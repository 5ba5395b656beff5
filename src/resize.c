// SPDX-License-Identifier: BSD-2-Clause
/*
 * New region arrays: growing a full array and moving a live one out of the
 * way, planned whole before anything changes.
 *
 * Ownership (docs/design.md): a grown array is memblock's own memory. It is
 * reserved, lies in memory, outside NOMAP and outside every caller's claim.
 * A call that would break that (a caller reserving over the array, memory
 * under it removed or marked NOMAP) first moves the array: copy, reserve
 * the new place, release the old one. A call that needs more regions than
 * an array holds grows it (at least doubling, as Linux does).
 *
 * A call may need up to three new arrays (memory, physmem, reserved: the
 * new arrays must themselves be reserved, which may make "reserved" grow).
 * __memblock_plan_prepare() finds room for all of them first — in free memory below
 * current_limit, never in the range being edited, never on each other — and
 * fails with nothing changed when one does not fit. Only then are the
 * arrays switched (by __memblock_plan_prepare() too, once it has room for
 * all of them), the call's edit made, and the new
 * arrays reserved and the old ones released (__memblock_plan_finish()); none of
 * that can fail, because the plan counted the regions each step needs.
 * The live arrays are at most three, so checking a range against them is
 * O(1).
 */
#include "internal.h"

#define ALIGN_UP(x, a)	(((x) + (a) - 1) & ~((a) - 1))

/* Whole pages of @max regions: a grown array's footprint. */
static phys_addr_t array_bytes(unsigned long max)
{
	return ALIGN_UP((phys_addr_t)max * sizeof(struct memblock_region),
			PAGE_SIZE);
}

struct memblock_type *const __memblock_types[MB_NTYPES] = {
	[MB_MEM] = &memblock.memory,
	[MB_RSV] = &memblock.reserved,
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	[MB_PHYS] = &memblock.physmem,
#endif
};

mb_cold int __memblock_type_index(const struct memblock_type *t)
{
	if (t == &memblock.memory)
		return MB_MEM;
	if (t == &memblock.reserved)
		return MB_RSV;
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	if (t == &memblock.physmem)
		return MB_PHYS;
#endif
	return -1;
}

/*
 * Inline where every reservation or free asks (__memblock_live_overlap(),
 * __memblock_claim_pieces()), else a call.
 */
static inline bool live_array(int i, phys_addr_t *base, phys_addr_t *bytes)
{
	const struct memblock_type *t = __memblock_type(i);

	if (!t || __memblock_is_static_of(i, t->regions))
		return false;
	*base = memblock_env_virt_to_phys(t->regions);
	*bytes = array_bytes(t->max);
	return true;
}

mb_noinline bool __memblock_live_array(int i, phys_addr_t *base,
				       phys_addr_t *bytes)
{
	return live_array(i, base, bytes);
}

mb_cold void __memblock_plan_init(struct mb_plan *p, phys_addr_t base, phys_addr_t end)
{
	/*
	 * Field by field (a struct assignment may become a libc memset call),
	 * and only what is read before it is written: na[] is filled by
	 * __memblock_plan_prepare(). Every edit that plans starts here.
	 */
	p->avoid_base = base;
	p->avoid_end = end;
	p->win_lo = 0;
	p->win_hi = PHYS_ADDR_MAX;
	p->align = PAGE_SIZE;
	p->keep_base = p->keep_end = 0;
	p->rsv_after = (unsigned long)-1;	/* unknown: need bounds it */
	for (int i = 0; i < MB_NTYPES; i++) {
		p->need[i] = __memblock_type(i) ? type_nr(__memblock_type(i)) : 0;
		p->move[i] = false;
	}
}

static bool overlaps(phys_addr_t b1, phys_addr_t e1, phys_addr_t b2,
		     phys_addr_t e2)
{
	return b1 < e2 && b2 < e1;
}

unsigned int __memblock_live_overlap(phys_addr_t base, phys_addr_t end)
{
	unsigned int mask = 0;
	phys_addr_t b, s;

	for (int i = 0; i < MB_NTYPES; i++)
		if (live_array(i, &b, &s) && overlaps(b, b + s, base, end))
			mask |= 1U << i;
	return mask;
}

int __memblock_claim_pieces(phys_addr_t base, phys_addr_t end,
			    struct mb_span *out)
{
	struct mb_span arr[MB_NTYPES];
	phys_addr_t ab, as;
	int na = 0;

	for (int a = 0; a < MB_NTYPES; a++)
		if (live_array(a, &ab, &as))
			span_set(&arr[na++], ab, ab + as);
	return __memblock_span_cut(base, end, arr, na, out);
}

mb_cold void __memblock_plan_move_outside(struct mb_plan *p, phys_addr_t lo, phys_addr_t hi)
{
	phys_addr_t b, s;

	p->win_lo = lo;
	p->win_hi = hi;
	for (int i = 0; i < MB_NTYPES; i++)
		if (__memblock_live_array(i, &b, &s) && (b < lo || b + s > hi))
			p->move[i] = true;
}

/* Free memory for new array @k of the plan, or 0. */
static phys_addr_t find_space(const struct mb_plan *p, int k)
{
	phys_addr_t bytes = ALIGN_UP(p->na[k].bytes, p->align);
	phys_addr_t hi = mb_min(p->win_hi, memblock.current_limit);
	struct mb_span avoid[1 + MB_NTYPES], win[2 + MB_NTYPES];
	int na = 0, nw, below = 0;

	if (p->avoid_end > p->avoid_base)
		span_set(&avoid[na++], p->avoid_base, p->avoid_end);
	for (int a = 0; a < k; a++)
		span_set(&avoid[na++], p->na[a].base, p->na[a].base + p->na[a].bytes);
	nw = __memblock_span_cut(p->win_lo, hi, avoid, na, win);
	while (below < nw && win[below].lo < p->avoid_end)
		below++;
	/*
	 * As Linux: above the edited range first, then below it; within
	 * each, in the allocation direction. The pieces are in address
	 * order, so top-down is all of them downwards and bottom-up the
	 * ones above, then the ones below.
	 */
	for (int n = 0; n < nw; n++) {
		/* No "%": a division is a runtime call on some targets. */
		int j = memblock_bottom_up() ? below + n : nw - 1 - n;
		struct mb_span *s = &win[j < nw ? j : j - nw];
		phys_addr_t found;

		if (s->hi - s->lo < bytes)
			continue;
		found = memblock_find_in_range(s->lo, s->hi, bytes, p->align);
		if (found)
			return found;
	}
	return 0;
}

/* Copy each array into its new place and point its type at it. */
static mb_cold void plan_switch(struct mb_plan *p)
{
	for (int k = 0; k < p->n; k++) {
		struct mb_new_array *na = &p->na[k];
		struct memblock_type *t = na->type;
		struct memblock_region *new_array =
			memblock_env_phys_to_virt(na->base);

		/* An empty type's zeroed first slot comes along too. */
		unsigned long keep = mb_max(t->cnt, 1UL);

		for (unsigned long r = 0; r < keep; r++)
			rgn_copy(&new_array[r], &t->regions[r]);
		__memblock_memset(&new_array[keep], 0,
			  (na->max - keep) * sizeof(*new_array));
		t->regions = new_array;
		t->max = na->max;
	}
}

enum { PLAN_OVERFLOW, PLAN_FREED, PLAN_NO_RESIZE, PLAN_NO_ROOM };

/*
 * Why a new array cannot be had, by [reason][grows]: one call prints any
 * of them. Each line takes the function, the type's name, its capacity
 * and the new one, and shows what it needs ("%.0s" skips the function;
 * the trailing ones are ignored).
 */
static const char *const refuse_fmt[4][2] = {
	[PLAN_OVERFLOW] = {
		"%s: memblock array size overflow",
		"%s: memblock array size overflow",
	},
	[PLAN_FREED] = {
		"%s: memblock %s array cannot move after memblock_free_all()",
		"%s: memblock %s array cannot grow after memblock_free_all()",
	},
	[PLAN_NO_RESIZE] = {
		"%s: memblock %s array is in the way and resizing is not allowed",
		"memblock: %.0s%s array is full (%lu regions) and resizing is not allowed yet",
	},
	[PLAN_NO_ROOM] = {
		"%s: no free memory to move the memblock %s array to",
		"memblock: %.0sFailed to double %s array from %lu to %lu entries !",
	},
};

mb_cold int __memblock_plan_prepare(struct mb_plan *p, const char *func)
{
	struct mb_new_array *na = p->na;
	unsigned long extra = 0;
	int why = PLAN_OVERFLOW;

	p->n = 0;
	/* Memory, physmem, then reserved: it must also take the new arrays. */
	for (int o = 0; o < MB_NTYPES; o++) {
		int i = o ? MB_NTYPES - o : MB_MEM;
		struct memblock_type *t = __memblock_type(i);
		unsigned long need = p->need[i];

		if (!t)
			continue;
		/*
		 * "reserved" holds the edit, then what it holds after the
		 * edit plus the new arrays coming and going: one region per
		 * new array, two more per old one released
		 * (__memblock_plan_finish() runs after the edit).
		 */
		if (i == MB_RSV)
			need = mb_max(need, mb_min(p->rsv_after, need) + extra);
		if (!p->move[i] && need <= t->max)
			continue;
		na = &p->na[p->n++];
		na->type = t;
		na->old_max = na->max = t->max;
		if (!__memblock_live_array(i, &na->old_base, &na->old_bytes))
			na->old_base = na->old_bytes = 0;
		extra += na->old_bytes ? 3 : 1;
		if (i == MB_RSV)	/* its own reservation too */
			need = mb_max(need, mb_min(p->rsv_after, p->need[i]) + extra);
		while (na->max < need) {
			if (na->max > ((unsigned long)-1 / 2) /
				      sizeof(struct memblock_region))
				goto refuse;
			na->max *= 2;
		}
	}
	if (p->n)
		why = memblock_stage != MEMBLOCK_STAGE_EARLY ? PLAN_FREED :
		      !memblock_can_resize ? PLAN_NO_RESIZE : PLAN_NO_ROOM;
	for (int k = 0; k < p->n; k++) {
		na = &p->na[k];
		if (why != PLAN_NO_ROOM)
			goto refuse;
		na->bytes = array_bytes(na->max);
		na->base = find_space(p, k);
		if (!na->base)
			goto refuse;
	}
	/* Every caller switches next: one call does both. */
	plan_switch(p);
	return 0;
refuse:
	mb_err(refuse_fmt[why][na->max > na->old_max], func, na->type->name,
	       na->old_max, na->max);
	return -ENOMEM;
}

/* Drop [b, e) from "reserved" except the part a caller now claims. */
static void release_old(const struct mb_plan *p, phys_addr_t b, phys_addr_t e)
{
	struct mb_span keep, out[2];
	int n;

	span_set(&keep, p->keep_base, p->keep_end);
	n = __memblock_span_cut(b, e, &keep, p->keep_end > p->keep_base, out);
	for (int k = 0; k < n; k++)
		memblock_remove_range(&memblock.reserved, out[k].lo,
				      out[k].hi - out[k].lo);
}

mb_cold void __memblock_plan_finish(struct mb_plan *p)
{
	struct memblock_type *rsv = &memblock.reserved;
	int k;

	for (k = 0; k < p->n; k++)
		memblock_add_range(rsv, p->na[k].base, p->na[k].bytes,
				   MAX_NUMNODES, MEMBLOCK_NONE);
	for (k = 0; k < p->n; k++)
		if (p->na[k].old_bytes)
			release_old(p, p->na[k].old_base,
				    p->na[k].old_base + p->na[k].old_bytes);
	/* Logged last: the log hook sees a consistent memblock. */
	for (k = 0; k < p->n; k++) {
		phys_addr_t addr = p->na[k].base;
		phys_addr_t last = addr + p->na[k].bytes - 1;

		if (p->na[k].max > p->na[k].old_max)
			memblock_dbg("memblock: %s is doubled to %ld at [%pa-%pa]",
				     p->na[k].type->name, (long)p->na[k].max,
				     &addr, &last);
		else
			memblock_dbg("memblock: %s array is moved to [%pa-%pa]",
				     p->na[k].type->name, &addr, &last);
	}
}
