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

/* Replace [lo, hi) by @owner's range (keep_gap: only fill what is absent). */
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
