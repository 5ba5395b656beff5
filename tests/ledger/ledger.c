// SPDX-License-Identifier: BSD-2-Clause
/*
 * Ownership ledger (see ledger.h). Written from the ownership contract:
 * nothing here looks at src/ or at the reference model.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "ledger.h"

/*
 * The library's memblock_stage (an enum, the size of an int), read through
 * a weak reference of our own name: the ledger builds with libraries that
 * have no stage yet.
 */
extern int lg_memblock_stage __asm__("memblock_stage") __attribute__((weak));

int ledger_lib_stage(void)
{
	return &lg_memblock_stage ? lg_memblock_stage : -1;
}

#define LFAIL(...)	(snprintf(l->why, sizeof(l->why), __VA_ARGS__), -1)
#define PA(x)		((unsigned long long)(x))

/* Host windows (tests/lib/phys_window.c): where canaries can be written. */
static const struct { lg_addr lo, hi; } windows[] = {
	{ 0, (lg_addr)1 << (sizeof(phys_addr_t) == 8 ? 40 : 32) },
	{ ((lg_addr)1 << 64) - ((lg_addr)1 << 40), (lg_addr)1 << 64 },
	{ ((lg_addr)1 << 63) - ((lg_addr)1 << 39),
	  ((lg_addr)1 << 63) + ((lg_addr)1 << 39) },
};
#define NWINDOWS	(sizeof(phys_addr_t) == 8 ? 3 : 1)

bool ledger_hostable(lg_addr lo, lg_addr hi)
{
	for (size_t w = 0; w < NWINDOWS; w++)
		if (lo >= windows[w].lo && hi <= windows[w].hi)
			return true;
	return false;
}

static struct memblock_type *type_of(int t)
{
	switch (t) {
	case LG_MEMORY: return &memblock.memory;
	case LG_RESERVED: return &memblock.reserved;
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	case LG_PHYSMEM: return &memblock.physmem;
#endif
	default: return NULL;
	}
}

static const char *const tnames[LG_NTYPES] = { "memory", "reserved", "physmem" };

void ledger_init(struct ledger *l, struct memblock_region *const static_arrays[LG_NTYPES])
{
	ledger_fini(l);
	for (int t = 0; t < LG_NTYPES; t++)
		l->static_arrays[t] = static_arrays[t];
	l->next_id = 1;
}

void ledger_fini(struct ledger *l)
{
	free(l->claims);
	lg_set_free(&l->pages);
	lg_set_free(&l->canaries);
	lg_set_free(&l->arrays_before);
	lg_set_free(&l->free_before);
	lg_set_free(&l->got_pages);
	lg_set_free(&l->claims_union);
	for (int t = 0; t < LG_NTYPES; t++)
		free(l->snap.arr[t]);
	memset(l, 0, sizeof(*l));
}

/* ---- caller-side events ---- */

static lg_addr end_of(phys_addr_t base, phys_addr_t size)
{
	/* The library clamps at the top of the address space. */
	lg_addr e = (lg_addr)base + size;

	return e > PHYS_ADDR_MAX ? PHYS_ADDR_MAX : e;
}

static void push_claim(struct ledger *l, lg_addr lo, lg_addr hi, unsigned long id)
{
	if (lo >= hi)
		return;
	if (l->nclaims == l->claims_cap) {
		l->claims_cap = l->claims_cap ? 2 * l->claims_cap : 64;
		l->claims = realloc(l->claims, l->claims_cap * sizeof(*l->claims));
		if (!l->claims)
			abort();
	}
	l->claims[l->nclaims++] = (struct lg_claim){ lo, hi, id };
	l->claims_dirty = true;
}

void ledger_claim(struct ledger *l, phys_addr_t base, phys_addr_t size)
{
	push_claim(l, base, end_of(base, size), l->next_id++);
}

/* Cut every claim to its parts outside [lo, hi) (a claim may split). */
static void cut(struct ledger *l, lg_addr lo, lg_addr hi)
{
	size_t n = l->nclaims;

	if (lo >= hi)
		return;
	for (size_t k = 0; k < n; k++) {
		struct lg_claim c = l->claims[k];

		if (c.hi <= lo || hi <= c.lo)
			continue;
		l->claims[k].hi = l->claims[k].lo;	/* emptied, dropped below */
		if (c.lo < lo)
			push_claim(l, c.lo, lo, c.id);
		if (hi < c.hi)
			push_claim(l, hi, c.hi, c.id);
	}
	n = 0;
	for (size_t k = 0; k < l->nclaims; k++)
		if (l->claims[k].lo < l->claims[k].hi)
			l->claims[n++] = l->claims[k];
	l->nclaims = n;
	l->claims_dirty = true;
}

void ledger_release(struct ledger *l, phys_addr_t base, phys_addr_t size)
{
	cut(l, base, end_of(base, size));
}

void ledger_keep(struct ledger *l, lg_addr lo, lg_addr hi)
{
	cut(l, 0, lo);
	cut(l, hi, (lg_addr)1 << 64);
}

size_t ledger_nclaims(const struct ledger *l)
{
	return l->nclaims;
}

void ledger_claim_at(const struct ledger *l, size_t i, phys_addr_t *base,
		     phys_addr_t *size)
{
	*base = (phys_addr_t)l->claims[i].lo;
	*size = (phys_addr_t)(l->claims[i].hi - l->claims[i].lo);
}

void ledger_free_pages(struct ledger *l, unsigned long pfn, unsigned int order)
{
	lg_addr lo = (lg_addr)pfn << PAGE_SHIFT;
	lg_addr hi = lo + ((lg_addr)PAGE_SIZE << (order < 64 ? order : 0));

	l->got_blocks++;
	if (!l->bad_block && (order > MAX_ORDER || (pfn & ((1UL << order) - 1)))) {
		l->bad_block = true;
		snprintf(l->bad_block_why, sizeof(l->bad_block_why),
			 "block pfn %#lx order %u is not naturally aligned or too big",
			 pfn, order);
	}
	if (!l->bad_block && lg_set_overlaps(&l->got_pages, lo, hi)) {
		l->bad_block = true;
		snprintf(l->bad_block_why, sizeof(l->bad_block_why),
			 "block pfn %#lx order %u handed over twice in one call",
			 pfn, order);
	}
	lg_set_add(&l->got_pages, lo, hi, 0);
}

/* ---- building sets in O(n log n) ---- */

struct lg_vec {
	struct lg_range *v;
	size_t n, cap;
};

static void vec_push(struct lg_vec *v, lg_addr lo, lg_addr hi)
{
	if (lo >= hi)
		return;
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 64;
		v->v = realloc(v->v, v->cap * sizeof(*v->v));
		if (!v->v)
			abort();
	}
	v->v[v->n++] = (struct lg_range){ lo, hi, 0 };
}

static void vec_claims(const struct ledger *l, struct lg_vec *v)
{
	for (size_t k = 0; k < l->nclaims; k++)
		vec_push(v, l->claims[k].lo, l->claims[k].hi);
}

/* ---- reading the library ---- */

size_t ledger_live_arrays(const struct ledger *l, lg_addr lo[LG_NTYPES],
			  lg_addr hi[LG_NTYPES])
{
	size_t n = 0;

	for (int t = 0; t < LG_NTYPES; t++) {
		const struct memblock_type *type = type_of(t);

		lo[t] = hi[t] = 0;
		if (!type || l->discarded || type->regions == l->static_arrays[t])
			continue;
		lo[t] = test_virt_to_phys(type->regions);
		hi[t] = lo[t] + (((lg_addr)type->max * sizeof(struct memblock_region) +
				  PAGE_SIZE - 1) & ~(lg_addr)(PAGE_SIZE - 1));
		n++;
	}
	return n;
}

/* The library's regions of @t as a byte set, with or without NOMAP memory. */
static void lib_set(struct lg_set *s, int t, int nomap)
{
	const struct memblock_type *type = type_of(t);
	static struct lg_vec v;		/* scratch, kept: no malloc per call */

	v.n = 0;
	lg_set_clear(s);
	if (!type)
		return;
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		bool is_nomap = r->flags & MEMBLOCK_NOMAP;

		if (nomap >= 0 && is_nomap != (bool)nomap)
			continue;
		vec_push(&v, r->base, (lg_addr)r->base + r->size);
	}
	lg_set_from(s, v.v, v.n);
}

/* The union of the claims (cached until a claim changes). */
static const struct lg_set *claims_of(struct ledger *l)
{
	if (l->claims_dirty || (!l->claims_union.n && l->nclaims)) {
		static struct lg_vec v;

		v.n = 0;
		vec_claims(l, &v);
		lg_set_from(&l->claims_union, v.v, v.n);
		l->claims_dirty = false;
	}
	return &l->claims_union;
}

static void claims_set(struct ledger *l, struct lg_set *s)
{
	lg_set_union(s, claims_of(l), &(struct lg_set){ 0 });
}

static void snapshot(struct ledger *l)
{
	struct lg_snapshot *s = &l->snap;

	s->mb = memblock;
	for (int t = 0; t < LG_NTYPES; t++) {
		const struct memblock_type *type = type_of(t);
		size_t n = type ? type->max : 0;

		if (n > s->arr_cap[t] || !s->arr[t]) {
			s->arr_cap[t] = n > 64 ? n : 64;
			s->arr[t] = realloc(s->arr[t], s->arr_cap[t] * sizeof(*s->arr[t]));
			if (!s->arr[t])
				abort();
		}
		if (n)
			memcpy(s->arr[t], type->regions, n * sizeof(*s->arr[t]));
		s->arr_n[t] = n;
	}
	s->can_resize = memblock_can_resize;
	s->stage = ledger_lib_stage();
}

bool ledger_unchanged(const struct ledger *l)
{
	const struct lg_snapshot *s = &l->snap;

	if (memcmp(&s->mb, &memblock, sizeof(memblock)) ||
	    s->can_resize != memblock_can_resize ||
	    s->stage != ledger_lib_stage())
		return false;
	for (int t = 0; t < LG_NTYPES; t++) {
		const struct memblock_type *type = type_of(t);

		if (type && memcmp(s->arr[t], type->regions,
				   s->arr_n[t] * sizeof(*s->arr[t])))
			return false;
	}
	return true;
}

void ledger_begin(struct ledger *l)
{
	static struct lg_set taken, mem, tmp;
	static struct lg_vec v;

	v.n = 0;
	snapshot(l);
	ledger_live_arrays(l, l->arr_lo, l->arr_hi);
	for (int t = 0; t < LG_NTYPES; t++)
		vec_push(&v, l->arr_lo[t], l->arr_hi[t]);
	lg_set_from(&l->arrays_before, v.v, v.n);
	/* Free: memory, not NOMAP, nobody's. */
	lg_set_union(&taken, claims_of(l), &l->pages);
	lib_set(&mem, LG_MEMORY, 0);
	lg_set_combine(&tmp, &mem, &taken, false);
	lg_set_combine(&l->free_before, &tmp, &l->arrays_before, false);
	lg_set_clear(&l->got_pages);
	l->id_at_begin = l->next_id;
	l->got_blocks = 0;
	l->bad_block = false;
}

/* ---- canaries ---- */

/*
 * The canary of the 8-byte word at @a (a multiple of 8) for @owner; byte
 * @a + i of it is bits 8i..8i+7. Words, so that filling and checking
 * megabytes after a call stays cheap.
 */
static inline uint64_t canary_word(lg_addr a, unsigned long owner)
{
	uint64_t x = ((uint64_t)(a >> 3) + 1) * 0x9E3779B97F4A7C15ULL ^
		     ((uint64_t)owner * 0xD6E8FEB86659FD93ULL);

	return x ^ (x >> 29);
}

static inline unsigned char canary(lg_addr a, unsigned long owner)
{
	return (unsigned char)(canary_word(a & ~(lg_addr)7, owner) >> (8 * (a & 7)));
}

static void fill(lg_addr lo, lg_addr hi, unsigned long owner)
{
	unsigned char *p = test_phys_to_virt((phys_addr_t)lo);
	lg_addr a = lo;

	for (; a < hi && (a & 7); a++)
		*p++ = canary(a, owner);
	for (; a + 8 <= hi; a += 8, p += 8) {
		uint64_t w = canary_word(a, owner);

		memcpy(p, &w, 8);
	}
	for (; a < hi; a++)
		*p++ = canary(a, owner);
}

/* First byte of [lo, hi) that does not hold its canary, or @hi. */
static lg_addr first_bad(lg_addr lo, lg_addr hi, unsigned long owner)
{
	const unsigned char *p = test_phys_to_virt((phys_addr_t)lo);
	lg_addr a = lo;

	for (; a < hi && (a & 7); a++, p++)
		if (*p != canary(a, owner))
			return a;
	for (; a + 8 <= hi; a += 8, p += 8) {
		uint64_t w;

		memcpy(&w, p, 8);
		if (w != canary_word(a, owner))
			break;
	}
	for (; a < hi; a++, p++)
		if (*p != canary(a, owner))
			return a;
	return hi;
}

/* Check the canaries inside [lo, hi). */
static int verify(struct ledger *l, lg_addr lo, lg_addr hi)
{
	size_t first = 0, last = l->canaries.n;

	if (lo >= hi)
		return 0;
	/* The first range ending above @lo (the set is sorted). */
	while (first < last) {
		size_t mid = first + (last - first) / 2;

		if (l->canaries.v[mid].hi <= lo)
			first = mid + 1;
		else
			last = mid;
	}
	for (size_t k = first; k < l->canaries.n && l->canaries.v[k].lo < hi; k++) {
		const struct lg_range *c = &l->canaries.v[k];
		lg_addr a = c->lo > lo ? c->lo : lo, b = c->hi < hi ? c->hi : hi;
		lg_addr x;

		if (a >= b)
			continue;
		x = first_bad(a, b, c->owner);
		if (x < b)
			return LFAIL("invariant 6: the library wrote %#x over byte %#llx of %s",
				     *(unsigned char *)test_phys_to_virt((phys_addr_t)x),
				     PA(x), c->owner == ~0UL
				     ? "the page allocator's memory"
				     : "a caller's claim");
	}
	return 0;
}

int ledger_sweep(struct ledger *l)
{
	l->sweeps++;
	return verify(l, 0, (lg_addr)1 << 64);
}

static lg_addr canary_total(const struct ledger *l)
{
	lg_addr sum = 0;

	for (size_t k = 0; k < l->canaries.n; k++)
		sum += l->canaries.v[k].hi - l->canaries.v[k].lo;
	return sum;
}

/* The caller's pattern on [lo, hi) ∩ memory ∩ windows, within the cap. */
static void canary_add(struct ledger *l, const struct lg_set *mem, lg_addr lo,
		       lg_addr hi, unsigned long owner)
{
	for (size_t w = 0; w < NWINDOWS; w++) {
		lg_addr a0 = lo > windows[w].lo ? lo : windows[w].lo;
		lg_addr b0 = hi < windows[w].hi ? hi : windows[w].hi;

		for (size_t k = 0; k < mem->n && a0 < b0; k++) {
			lg_addr a = mem->v[k].lo > a0 ? mem->v[k].lo : a0;
			lg_addr b = mem->v[k].hi < b0 ? mem->v[k].hi : b0;
			lg_addr budget = LEDGER_CANARY_MAX - canary_total(l);

			if (a >= b)
				continue;
			if (b - a > budget)
				b = a + budget;
			if (a < b) {
				fill(a, b, owner);
				lg_set_add(&l->canaries, a, b, owner);
			}
		}
	}
}

/* Owner of a byte for a late canary: a claim covering it, or the pages. */
static unsigned long owner_at(const struct ledger *l, lg_addr a)
{
	for (size_t k = 0; k < l->nclaims; k++)
		if (l->claims[k].lo <= a && a < l->claims[k].hi)
			return l->claims[k].id;
	return ~0UL;
}

/* After a call: canaries on what callers and the page allocator own. */
static void canary_refresh(struct ledger *l, unsigned long first_new_id)
{
	static struct lg_set own, mem, tmp, win;
	static struct lg_vec v;
	struct lg_set swap;
	lg_addr budget;

	v.n = 0;
	lg_set_union(&own, claims_of(l), &l->pages);
	/* Bytes nobody owns any more lose their canary. */
	lg_set_combine(&tmp, &l->canaries, &own, true);
	swap = l->canaries;
	l->canaries = tmp;
	tmp = swap;
	lib_set(&mem, LG_MEMORY, -1);
	/* New claims: the caller writes its pattern over its block. */
	for (size_t k = 0; k < l->nclaims; k++)
		if (l->claims[k].id >= first_new_id)
			canary_add(l, &mem, l->claims[k].lo, l->claims[k].hi,
				   l->claims[k].id);
	/* Owned memory without a canary yet (memory added under a claim). */
	v.n = 0;
	for (size_t w = 0; w < NWINDOWS; w++)
		vec_push(&v, windows[w].lo, windows[w].hi);
	lg_set_from(&win, v.v, v.n);
	lg_set_combine(&tmp, &own, &mem, true);
	lg_set_combine(&own, &tmp, &win, true);
	lg_set_combine(&tmp, &own, &l->canaries, false);
	budget = LEDGER_CANARY_MAX - canary_total(l);
	for (size_t k = 0; k < tmp.n && budget; k++) {
		lg_addr lo = tmp.v[k].lo, hi = tmp.v[k].hi;
		unsigned long owner = owner_at(l, lo);

		if (hi - lo > budget)
			hi = lo + budget;
		fill(lo, hi, owner);
		lg_set_add(&l->canaries, lo, hi, owner);
		budget -= hi - lo;
	}
}

/* ---- the invariants ---- */

/* Greedy natural blocks of [pfn_lo, pfn_hi), added to @s as bytes. */
static void expect_pages(struct lg_set *s, lg_addr lo, lg_addr hi)
{
	lg_addr plo = (lo + PAGE_SIZE - 1) >> PAGE_SHIFT, phi = hi >> PAGE_SHIFT;

	if (plo < phi)
		lg_set_add(s, plo << PAGE_SHIFT, phi << PAGE_SHIFT, 0);
}

static bool set_equal(const struct lg_set *a, const struct lg_set *b)
{
	if (a->n != b->n)
		return false;
	for (size_t k = 0; k < a->n; k++)
		if (a->v[k].lo != b->v[k].lo || a->v[k].hi != b->v[k].hi)
			return false;
	return true;
}

/* First byte where two sets differ (for messages). */
static lg_addr first_diff(const struct lg_set *a, const struct lg_set *b)
{
	for (size_t k = 0; k < a->n || k < b->n; k++) {
		if (k >= a->n)
			return b->v[k].lo;
		if (k >= b->n)
			return a->v[k].lo;
		if (a->v[k].lo != b->v[k].lo)
			return a->v[k].lo < b->v[k].lo ? a->v[k].lo : b->v[k].lo;
		if (a->v[k].hi != b->v[k].hi)
			return a->v[k].hi < b->v[k].hi ? a->v[k].hi : b->v[k].hi;
	}
	return 0;
}

static int check_pages(struct ledger *l, const struct lg_call *c)
{
	struct lg_set want = { 0 };
	int ret = 0;

	if (l->bad_block)
		return LFAIL("%s: %s", c->name, l->bad_block_why);
	switch (c->pages) {
	case LG_PAGES_FREE_ALL: {
		/*
		 * free_all clears HOTPLUG first (kernel-doc), which can join
		 * neighbours; then whole pages of each free piece of each
		 * region (not NOMAP/driver-managed), minus reserved.
		 */
		const struct memblock_region *mr = l->snap.arr[LG_MEMORY];
		unsigned long n = l->snap.mb.memory.cnt;

		if (l->freed)
			break;	/* a second free_all releases nothing */
		for (unsigned long i = 0; i < n; i++) {
			struct lg_set piece = { 0 };
			unsigned int fl = mr[i].flags & ~MEMBLOCK_HOTPLUG;
			lg_addr lo = mr[i].base, hi = (lg_addr)mr[i].base + mr[i].size;

			while (i + 1 < n && (lg_addr)mr[i + 1].base == hi &&
			       (mr[i + 1].flags & ~MEMBLOCK_HOTPLUG) == fl &&
			       mr[i + 1].nid == mr[i].nid) {
				i++;
				hi = (lg_addr)mr[i].base + mr[i].size;
			}
			if (lo == hi || (fl & (MEMBLOCK_NOMAP | MEMBLOCK_DRIVER_MANAGED)))
				continue;
			lg_set_add(&piece, lo, hi, 0);
			for (unsigned long q = 0; q < l->snap.mb.reserved.cnt; q++) {
				const struct memblock_region *v = &l->snap.arr[LG_RESERVED][q];

				lg_set_sub(&piece, v->base, (lg_addr)v->base + v->size);
			}
			for (size_t q = 0; q < piece.n; q++)
				expect_pages(&want, piece.v[q].lo, piece.v[q].hi);
			lg_set_free(&piece);
		}
		break;
	}
	case LG_PAGES_RANGE:
		expect_pages(&want, c->pbase, end_of(c->pbase, c->psize));
		break;
	case LG_PAGES_ARRAYS:
		if (l->discarded)
			break;
		for (size_t k = 0; k < l->arrays_before.n; k++)
			expect_pages(&want, l->arrays_before.v[k].lo,
				     l->arrays_before.v[k].hi);
		break;
	default:
		break;
	}
	if (!set_equal(&want, &l->got_pages)) {
		lg_addr at = first_diff(&want, &l->got_pages);

		ret = LFAIL("%s: handed the page allocator other pages than the free ones: at %#llx %s (%lu blocks)",
			    c->name, PA(at),
			    lg_set_overlaps(&want, at, at + 1)
				    ? "a free page was not handed over"
				    : c->pages == LG_PAGES_FREE_ALL && l->freed
				    ? "a second memblock_free_all() handed over a page again"
				    : l->discarded
				    ? "a page was handed over after memblock_discard()"
				    : "a page that was not free was handed over",
			    l->got_blocks);
	}
	for (size_t k = 0; !ret && k < l->got_pages.n; k++)
		if (lg_set_overlaps(&l->pages, l->got_pages.v[k].lo,
				    l->got_pages.v[k].hi))
			ret = LFAIL("%s: pages at %#llx handed to the page allocator twice",
				    c->name, PA(l->got_pages.v[k].lo));
	for (size_t k = 0; !ret && k < l->got_pages.n; k++)
		lg_set_add(&l->pages, l->got_pages.v[k].lo, l->got_pages.v[k].hi, 0);
	lg_set_free(&want);
	return ret;
}

static int check_arrays(struct ledger *l, const struct lg_call *c,
			const struct lg_set *claims)
{
	lg_addr lo[LG_NTYPES], hi[LG_NTYPES];
	static struct lg_set mem, nomap;
	int ret = 0;

	ledger_live_arrays(l, lo, hi);
	lib_set(&mem, LG_MEMORY, -1);
	lib_set(&nomap, LG_MEMORY, 1);
	for (int t = 0; t < LG_NTYPES && !ret; t++) {
		if (lo[t] == hi[t])
			continue;
		for (int u = 0; u < t && !ret; u++)
			if (lo[u] < hi[t] && lo[t] < hi[u])
				ret = LFAIL("invariant 2: after %s the %s and %s arrays overlap",
					    c->name, tnames[u], tnames[t]);
		if (ret)
			break;
		if (lg_set_overlaps(claims, lo[t], hi[t]))
			ret = LFAIL("invariant 2: after %s the %s array [%#llx-%#llx) overlaps a caller's claim",
				    c->name, tnames[t], PA(lo[t]), PA(hi[t]));
		else if (!lg_set_covers(&mem, lo[t], hi[t]))
			ret = LFAIL("invariant 2: after %s the %s array [%#llx-%#llx) is not all memory",
				    c->name, tnames[t], PA(lo[t]), PA(hi[t]));
		else if (lg_set_overlaps(&nomap, lo[t], hi[t]))
			ret = LFAIL("invariant 2: after %s the %s array [%#llx-%#llx) contains NOMAP memory",
				    c->name, tnames[t], PA(lo[t]), PA(hi[t]));
		else if (lg_set_overlaps(&l->pages, lo[t], hi[t]))
			ret = LFAIL("after %s the %s array [%#llx-%#llx) is in the page allocator's memory",
				    c->name, tnames[t], PA(lo[t]), PA(hi[t]));
		if (ret || (lo[t] == l->arr_lo[t] && hi[t] == l->arr_hi[t]))
			continue;
		/* A new array (grown or moved): invariant 3. */
		if (hi[t] > (lg_addr)l->snap.mb.current_limit)
			ret = LFAIL("invariant 3: %s placed the new %s array [%#llx-%#llx) above current_limit %#llx",
				    c->name, tnames[t], PA(lo[t]), PA(hi[t]),
				    PA(l->snap.mb.current_limit));
		else if (!lg_set_covers(&l->free_before, lo[t], hi[t]))
			ret = LFAIL("invariant 3: %s placed the new %s array [%#llx-%#llx) in memory that was not free",
				    c->name, tnames[t], PA(lo[t]), PA(hi[t]));
		else if (lo[t] < c->edit_hi && c->edit_lo < hi[t])
			ret = LFAIL("invariant 3: %s placed the new %s array [%#llx-%#llx) inside the range it edits [%#llx-%#llx)",
				    c->name, tnames[t], PA(lo[t]), PA(hi[t]),
				    PA(c->edit_lo), PA(c->edit_hi));
	}
	return ret;
}

int ledger_end(struct ledger *l, const struct lg_call *c)
{
	static struct lg_set claims, want, rsv;
	unsigned long first_new = l->id_at_begin;
	lg_addr lo[LG_NTYPES], hi[LG_NTYPES];
	int ret = 0;

	l->calls++;
	claims_set(l, &claims);

	if (c->failed || c->must_be_unchanged) {
		if (!ledger_unchanged(l))
			ret = LFAIL("invariant 5: %s failed but changed the state",
				    c->name);
		else if (l->got_pages.n || l->bad_block)
			ret = LFAIL("%s failed but handed pages to the page allocator",
				    c->name);
		goto canaries;
	}
	ret = check_pages(l, c);
	if (ret)
		goto out;
	if (c->pages == LG_PAGES_ARRAYS && l->freed)
		l->discarded = true;	/* no array is live any more */
	/* Invariant 1: reserved == claims ∪ live arrays, exactly. */
	ledger_live_arrays(l, lo, hi);
	{
		static struct lg_vec v;
		static struct lg_set arr;

		v.n = 0;
		for (int t = 0; t < LG_NTYPES; t++)
			vec_push(&v, lo[t], hi[t]);
		lg_set_from(&arr, v.v, v.n);
		lg_set_union(&want, &claims, &arr);
	}
	if (!l->discarded) {
		lib_set(&rsv, LG_RESERVED, -1);
		if (!set_equal(&want, &rsv)) {
			lg_addr at = first_diff(&want, &rsv);

			ret = LFAIL("invariant 1: after %s reserved differs from claims + arrays at %#llx (%s)",
				    c->name, PA(at),
				    lg_set_overlaps(&rsv, at, at + 1)
					    ? "reserved, owned by nobody"
					    : "owned, not reserved");
			goto out;
		}
	}
	ret = check_arrays(l, c, &claims);
	if (ret)
		goto out;
	/* Invariant 4: an allocation returns free bytes within its bounds. */
	if (c->is_alloc && c->got) {
		lg_addr e = (lg_addr)c->got + c->size;

		if (l->freed)
			ret = LFAIL("%s returned %#llx after memblock_free_all()",
				    c->name, PA(c->got));
		else if (!lg_set_covers(&l->free_before, c->got, e))
			ret = LFAIL("invariant 4: %s returned [%#llx-%#llx), not all free",
				    c->name, PA(c->got), PA(e));
		else if (c->align && c->got % c->align)
			ret = LFAIL("invariant 4: %s returned %#llx, not aligned to %#llx",
				    c->name, PA(c->got), PA(c->align));
		else if (c->got < c->lo || e > (lg_addr)c->hi)
			ret = LFAIL("invariant 4: %s returned [%#llx-%#llx) outside [%#llx-%#llx)",
				    c->name, PA(c->got), PA(e), PA(c->lo), PA(c->hi));
	}
canaries:
	if (ret)
		goto out;
	/* Invariant 6: where the library wrote, or everywhere now and then. */
	if (l->calls % LEDGER_SWEEP == 0) {
		ret = ledger_sweep(l);
	} else {
		/*
		 * An array that moved: its old place (stale writes) and its
		 * new one (invariant 2 already says no claim is there).
		 */
		ledger_live_arrays(l, lo, hi);
		for (int t = 0; t < LG_NTYPES && !ret; t++) {
			if (lo[t] == l->arr_lo[t] && hi[t] == l->arr_hi[t])
				continue;
			ret = verify(l, l->arr_lo[t], l->arr_hi[t]);
			if (!ret)
				ret = verify(l, lo[t], hi[t]);
		}
		if (!ret && c->is_alloc && c->got)
			ret = verify(l, c->got, (lg_addr)c->got + c->size);
	}
	if (ret)
		goto out;
	if (!c->failed && !c->must_be_unchanged) {
		if (c->pages == LG_PAGES_FREE_ALL)
			l->freed = true;
	}
	canary_refresh(l, first_new);
out:
	return ret;
}
