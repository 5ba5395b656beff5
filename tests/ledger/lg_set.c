// SPDX-License-Identifier: BSD-2-Clause
/*
 * Interval sets for the ownership ledger: sorted, disjoint [lo, hi) ranges,
 * each with an owner number (the canary set uses it; elsewhere it is 0).
 * Adding a range overrides the owner of what it covers. Naive on purpose:
 * every edit rebuilds the list.
 */
#include <stdlib.h>
#include <string.h>
#include "ledger.h"

static void push(struct lg_set *s, lg_addr lo, lg_addr hi, unsigned long owner)
{
	if (lo >= hi)
		return;
	if (s->n && s->v[s->n - 1].hi == lo && s->v[s->n - 1].owner == owner) {
		s->v[s->n - 1].hi = hi;
		return;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = realloc(s->v, s->cap * sizeof(*s->v));
		if (!s->v)
			abort();
	}
	s->v[s->n++] = (struct lg_range){ lo, hi, owner };
}

void lg_set_clear(struct lg_set *s)
{
	s->n = 0;
}

void lg_set_free(struct lg_set *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}

/* Replace what lies in [lo, hi) by @owner's range (@present) or nothing. */
static void edit(struct lg_set *s, lg_addr lo, lg_addr hi, bool present,
		 unsigned long owner)
{
	struct lg_set out = { 0 };
	size_t k = 0;

	if (lo >= hi)
		return;
	for (; k < s->n && s->v[k].hi <= lo; k++)
		push(&out, s->v[k].lo, s->v[k].hi, s->v[k].owner);
	if (k < s->n && s->v[k].lo < lo)
		push(&out, s->v[k].lo, lo, s->v[k].owner);
	if (present)
		push(&out, lo, hi, owner);
	for (; k < s->n && s->v[k].hi <= hi; k++)
		;
	if (k < s->n && s->v[k].lo < hi) {
		push(&out, hi, s->v[k].hi, s->v[k].owner);
		k++;
	}
	for (; k < s->n; k++)
		push(&out, s->v[k].lo, s->v[k].hi, s->v[k].owner);
	free(s->v);
	*s = out;
}

void lg_set_add(struct lg_set *s, lg_addr lo, lg_addr hi, unsigned long owner)
{
	edit(s, lo, hi, true, owner);
}

void lg_set_sub(struct lg_set *s, lg_addr lo, lg_addr hi)
{
	edit(s, lo, hi, false, 0);
}

bool lg_set_overlaps(const struct lg_set *s, lg_addr lo, lg_addr hi)
{
	for (size_t k = 0; k < s->n; k++)
		if (s->v[k].lo < hi && lo < s->v[k].hi)
			return true;
	return false;
}

bool lg_set_covers(const struct lg_set *s, lg_addr lo, lg_addr hi)
{
	lg_addr cur = lo;

	for (size_t k = 0; k < s->n && cur < hi; k++) {
		if (s->v[k].hi <= cur)
			continue;
		if (s->v[k].lo > cur)
			return false;
		cur = s->v[k].hi;
	}
	return cur >= hi;
}

static int cmp_lo(const void *a, const void *b)
{
	const struct lg_range *x = a, *y = b;

	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* @out = the union of @n ranges (owners dropped): sort, then merge. */
void lg_set_from(struct lg_set *out, struct lg_range *v, size_t n)
{
	lg_set_clear(out);
	if (n)
		qsort(v, n, sizeof(*v), cmp_lo);
	for (size_t k = 0; k < n; k++) {
		if (v[k].lo >= v[k].hi)
			continue;
		if (out->n && v[k].lo <= out->v[out->n - 1].hi) {
			if (v[k].hi > out->v[out->n - 1].hi)
				out->v[out->n - 1].hi = v[k].hi;
			continue;
		}
		push(out, v[k].lo, v[k].hi, 0);
	}
}

/*
 * @out = @a minus @b (@keep false) or @a intersected with @b (@keep true),
 * in one sweep; the owners are @a's.
 */
void lg_set_combine(struct lg_set *out, const struct lg_set *a,
		    const struct lg_set *b, bool keep)
{
	size_t j = 0;

	lg_set_clear(out);
	for (size_t k = 0; k < a->n; k++) {
		lg_addr cur = a->v[k].lo, hi = a->v[k].hi;

		while (j < b->n && b->v[j].hi <= cur)
			j++;
		for (size_t q = j; q < b->n && cur < hi; q++) {
			lg_addr blo = b->v[q].lo, bhi = b->v[q].hi;

			if (blo >= hi)
				break;
			if (blo > cur) {
				if (!keep)
					push(out, cur, blo, a->v[k].owner);
				cur = blo;
			}
			if (keep)
				push(out, cur, bhi < hi ? bhi : hi, a->v[k].owner);
			cur = bhi;
		}
		if (!keep && cur < hi)
			push(out, cur, hi, a->v[k].owner);
	}
}

/* @out = @a ∪ @b (owners dropped), merging the two sorted lists. */
void lg_set_union(struct lg_set *out, const struct lg_set *a,
		  const struct lg_set *b)
{
	size_t i = 0, j = 0;

	lg_set_clear(out);
	while (i < a->n || j < b->n) {
		const struct lg_range *r = j >= b->n || (i < a->n && a->v[i].lo <= b->v[j].lo)
					   ? &a->v[i++] : &b->v[j++];

		if (out->n && r->lo <= out->v[out->n - 1].hi) {
			if (r->hi > out->v[out->n - 1].hi)
				out->v[out->n - 1].hi = r->hi;
			continue;
		}
		push(out, r->lo, r->hi, 0);
	}
}
