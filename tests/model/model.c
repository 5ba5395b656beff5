// SPDX-License-Identifier: BSD-2-Clause
/*
 * Reference model of memblock (see model.h). Deliberately naive: lists of
 * intervals, every edit recomputed over all boundaries, brute-force search.
 * Nothing here is shared with src/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "model.h"

typedef unsigned __int128 u128;

#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		abort();
	return p;
}

static bool pow2(u128 x)
{
	return x && !(x & (x - 1));
}

/* Clamp so that base + size <= PHYS_ADDR_MAX. */
static phys_addr_t clamp(phys_addr_t base, phys_addr_t size)
{
	return (u128)base + size > PHYS_ADDR_MAX ? PHYS_ADDR_MAX - base : size;
}

static u128 page_align(u128 x)
{
	return (x + PAGE_SIZE - 1) / PAGE_SIZE * PAGE_SIZE;
}

/* ---- lists ---- */

static void type_push(struct model_type *t, struct model_rgn r)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->r = xrealloc(t->r, t->cap * sizeof(*t->r));
	}
	t->r[t->n++] = r;
}

void model_init(struct model *m)
{
	memset(m, 0, sizeof(*m));
	m->t[MT_MEMORY].max = INIT_MEMBLOCK_REGIONS;
	m->t[MT_RESERVED].max = INIT_MEMBLOCK_RESERVED_REGIONS;
	m->t[MT_PHYSMEM].max = INIT_PHYSMEM_REGIONS;
	m->current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	m->exact = true;
}

void model_free(struct model *m)
{
	for (int i = 0; i < MT_NR; i++)
		free(m->t[i].r);
	memset(m, 0, sizeof(*m));
}

void model_copy(struct model *dst, const struct model *src)
{
	struct model_rgn *keep[MT_NR];
	size_t cap[MT_NR];

	for (int i = 0; i < MT_NR; i++) {
		keep[i] = dst->t[i].r;
		cap[i] = dst->t[i].cap;
	}
	*dst = *src;
	for (int i = 0; i < MT_NR; i++) {
		if (cap[i] < src->t[i].n) {
			cap[i] = src->t[i].cap;
			keep[i] = xrealloc(keep[i], cap[i] * sizeof(*keep[i]));
		}
		dst->t[i].r = keep[i];
		dst->t[i].cap = cap[i];
		if (src->t[i].n)
			memcpy(dst->t[i].r, src->t[i].r,
			       src->t[i].n * sizeof(*src->t[i].r));
	}
}

/* ---- segments: the type cut at every boundary ---- */

struct seg {
	phys_addr_t b, e;
	bool present;
	unsigned int flags;
	int nid;
};

static int cmp_addr(const void *a, const void *b)
{
	phys_addr_t x = *(const phys_addr_t *)a, y = *(const phys_addr_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Cut the line at every region edge and at @base and @end; return the
 * elementary segments between the lowest and highest cut, each with the
 * attributes of the region covering it (or absent).
 */
static size_t segments(const struct model_type *t, phys_addr_t base,
		       phys_addr_t end, struct seg **out)
{
	size_t np = 0, ns = 0, k, ri = 0;
	phys_addr_t *pt = xrealloc(NULL, (2 * t->n + 2) * sizeof(*pt));
	struct seg *s;

	for (k = 0; k < t->n; k++) {
		pt[np++] = t->r[k].base;
		pt[np++] = t->r[k].end;
	}
	pt[np++] = base;
	pt[np++] = end;
	qsort(pt, np, sizeof(*pt), cmp_addr);
	s = xrealloc(NULL, np * sizeof(*s));
	for (k = 0; k + 1 < np; k++) {
		if (pt[k] == pt[k + 1])
			continue;
		s[ns] = (struct seg){ pt[k], pt[k + 1], false, 0, 0 };
		while (ri < t->n && t->r[ri].end <= pt[k])
			ri++;
		if (ri < t->n && t->r[ri].base <= pt[k]) {
			s[ns].present = true;
			s[ns].flags = t->r[ri].flags;
			s[ns].nid = t->r[ri].nid;
		}
		ns++;
	}
	free(pt);
	*out = s;
	return ns;
}

/* Normalise: present segments, touching equal neighbours merged. */
static void rebuild(struct model_type *t, const struct seg *s, size_t ns)
{
	t->n = 0;
	for (size_t k = 0; k < ns; k++) {
		struct model_rgn *last = t->n ? &t->r[t->n - 1] : NULL;

		if (!s[k].present)
			continue;
		if (last && last->end == s[k].b && last->flags == s[k].flags &&
		    last->nid == s[k].nid)
			last->end = s[k].e;
		else
			type_push(t, (struct model_rgn){ s[k].b, s[k].e,
							 s[k].flags, s[k].nid });
	}
}

static bool inside(const struct seg *s, phys_addr_t base, phys_addr_t end)
{
	return s->b >= base && s->e <= end;
}

/* ---- edits ---- */

int model_add(struct model *m, int type, phys_addr_t base, phys_addr_t size,
	      int nid, unsigned int flags)
{
	struct model_type *t = &m->t[type];
	struct seg *s;
	size_t ns, k, gaps;
	phys_addr_t end;

	size = clamp(base, size);
	if (!size)
		return 0;
	end = base + size;
	bool in_gap = false;

	ns = segments(t, base, end, &s);
	gaps = 0;
	for (k = 0; k < ns; k++) {
		if (!inside(&s[k], base, end))
			continue;
		if (!s[k].present && !in_gap)
			gaps++;
		in_gap = !s[k].present;
	}
	/* Linux's counting rule, while it decides (see model.h). */
	if (gaps && t->n + gaps > t->max && m->exact) {
		free(s);
		return -ENOMEM;
	}
	for (k = 0; k < ns; k++) {
		if (inside(&s[k], base, end) && !s[k].present) {
			s[k].present = true;
			s[k].flags = flags;
			s[k].nid = nid;
		}
	}
	rebuild(t, s, ns);
	free(s);
	return 0;
}

int model_add_node(struct model *m, phys_addr_t base, phys_addr_t size,
		   int nid, unsigned int flags)
{
	/* Linux 6.12 stores the node as given: NUMA_NO_NODE stays -1. */
	if (nid < NUMA_NO_NODE || nid > MAX_NUMNODES)
		return -EINVAL;
	if (flags & ~(unsigned int)MEMBLOCK_FLAGS_ALL)
		return -EINVAL;
	return model_add(m, MT_MEMORY, base, size, nid, flags);
}

int model_remove(struct model *m, int type, phys_addr_t base,
		 phys_addr_t size)
{
	struct model_type *t = &m->t[type];
	struct model_type after = { 0 };
	struct seg *s;
	size_t ns, k;
	phys_addr_t end;

	size = clamp(base, size);
	if (!size)
		return 0;
	end = base + size;
	ns = segments(t, base, end, &s);
	for (k = 0; k < ns; k++)
		if (inside(&s[k], base, end))
			s[k].present = false;
	rebuild(&after, s, ns);
	free(s);
	/* A removal needs room for what is left of the array. */
	if (after.n > t->max && m->exact) {
		free(after.r);
		return -ENOMEM;
	}
	t->n = 0;
	for (k = 0; k < after.n; k++)
		type_push(t, after.r[k]);
	free(after.r);
	return 0;
}

/* Regions that straddle @base or @end: the splits a change needs. */
static unsigned long count_splits(const struct model_type *t,
				  phys_addr_t base, phys_addr_t end)
{
	unsigned long splits = 0;

	for (size_t k = 0; k < t->n; k++) {
		splits += t->r[k].base < base && base < t->r[k].end;
		splits += t->r[k].base < end && end < t->r[k].end;
	}
	return splits;
}

/* Change flags and/or nid of whatever lies in the range. */
static int model_change(struct model *m, int type, phys_addr_t base,
			phys_addr_t size, unsigned int set, unsigned int clear,
			bool set_nid, int nid)
{
	struct model_type *t = &m->t[type];
	struct seg *s;
	size_t ns, k;
	phys_addr_t end;
	unsigned long splits;

	size = clamp(base, size);
	if (!size)
		return 0;
	end = base + size;
	splits = count_splits(t, base, end);
	if (splits && t->n + splits > t->max && m->exact)
		return -ENOMEM;
	ns = segments(t, base, end, &s);
	for (k = 0; k < ns; k++) {
		if (!inside(&s[k], base, end) || !s[k].present)
			continue;
		s[k].flags = (s[k].flags & ~clear) | set;
		if (set_nid)
			s[k].nid = nid;
	}
	rebuild(t, s, ns);
	free(s);
	return 0;
}

int model_set_flags(struct model *m, int type, phys_addr_t base,
		    phys_addr_t size, unsigned int set, unsigned int clear)
{
	return model_change(m, type, base, size, set, clear, false, 0);
}

int model_set_node(struct model *m, int type, phys_addr_t base,
		   phys_addr_t size, int nid)
{
	/* Stored as given, as memblock_add_node() does. */
	if (type < 0 || nid < NUMA_NO_NODE || nid > MAX_NUMNODES)
		return -EINVAL;
	return model_change(m, type, base, size, 0, 0, true, nid);
}

void model_trim(struct model *m, phys_addr_t align)
{
	struct model_type *t = &m->t[MT_MEMORY];
	size_t k, w = 0;

	if (!pow2(align))
		return;
	for (k = 0; k < t->n; k++) {
		u128 b = ((u128)t->r[k].base + align - 1) / align * align;
		u128 e = (u128)t->r[k].end / align * align;

		if (b < e) {
			t->r[w] = t->r[k];
			t->r[w].base = (phys_addr_t)b;
			t->r[w].end = (phys_addr_t)e;
			w++;
		}
	}
	t->n = w;
}

/* Address below which @limit bytes of memory lie; 0 when there is no such. */
static bool max_addr_for(const struct model *m, phys_addr_t limit,
			 phys_addr_t *max_addr)
{
	const struct model_type *t = &m->t[MT_MEMORY];
	u128 seen = 0;

	for (size_t k = 0; k < t->n; k++) {
		u128 sz = t->r[k].end - t->r[k].base;

		if (seen + sz >= limit) {
			*max_addr = (phys_addr_t)(t->r[k].base + (limit - seen));
			return *max_addr != PHYS_ADDR_MAX;
		}
		seen += sz;
	}
	return false;
}

void model_enforce_limit(struct model *m, phys_addr_t limit)
{
	phys_addr_t max_addr;

	if (!limit || !max_addr_for(m, limit, &max_addr))
		return;
	model_remove(m, MT_MEMORY, max_addr, PHYS_ADDR_MAX - max_addr);
	model_remove(m, MT_RESERVED, max_addr, PHYS_ADDR_MAX - max_addr);
}

void model_cap_range(struct model *m, phys_addr_t base, phys_addr_t size)
{
	struct model_type *t = &m->t[MT_MEMORY];
	struct seg *s;
	size_t ns, k;
	unsigned long splits;
	phys_addr_t end;

	size = clamp(base, size);
	if (!size || !t->n)
		return;
	end = base + size;
	/* The library isolates the range first: that needs its splits. */
	splits = count_splits(t, base, end);
	if (splits && t->n + splits > t->max && m->exact)
		return;
	ns = segments(t, base, end, &s);
	for (k = 0; k < ns; k++)
		if (!inside(&s[k], base, end) &&
		    !(s[k].flags & MEMBLOCK_NOMAP))
			s[k].present = false;
	rebuild(t, s, ns);
	free(s);
	model_remove(m, MT_RESERVED, 0, base);
	model_remove(m, MT_RESERVED, end, PHYS_ADDR_MAX - end);
}

void model_mem_limit_remove_map(struct model *m, phys_addr_t limit)
{
	phys_addr_t max_addr;

	if (!limit || !max_addr_for(m, limit, &max_addr))
		return;
	model_cap_range(m, 0, max_addr);
}

/* ---- search ---- */

static void model_copy_type(struct model_type *dst, const struct model_type *src)
{
	dst->n = 0;
	for (size_t k = 0; k < src->n; k++)
		type_push(dst, src->r[k]);
}

/* Add [lo, hi) to a sorted list, merged with whatever it touches. */
static void taken_add(struct model_type *t, phys_addr_t lo, phys_addr_t hi)
{
	struct seg *s;
	size_t ns;

	if (lo >= hi)
		return;
	ns = segments(t, lo, hi, &s);
	for (size_t k = 0; k < ns; k++) {
		if (inside(&s[k], lo, hi))
			s[k].present = true;
		s[k].flags = 0;
		s[k].nid = 0;
	}
	rebuild(t, s, ns);
	free(s);
}

static bool eligible(const struct model *m, const struct model_rgn *r,
		     int nid, unsigned int flags)
{
	/* Linux: MAX_NUMNODES in a request is a deprecated NUMA_NO_NODE. */
	if (nid == MAX_NUMNODES)
		nid = NUMA_NO_NODE;
	if (nid != NUMA_NO_NODE && nid != r->nid)
		return false;
	if (m->movable_node && (r->flags & MEMBLOCK_HOTPLUG) &&
	    !(flags & MEMBLOCK_HOTPLUG))
		return false;
	if ((flags & MEMBLOCK_MIRROR) && !(r->flags & MEMBLOCK_MIRROR))
		return false;
	if (!(flags & MEMBLOCK_NOMAP) && (r->flags & MEMBLOCK_NOMAP))
		return false;
	if (!(flags & MEMBLOCK_DRIVER_MANAGED) &&
	    (r->flags & MEMBLOCK_DRIVER_MANAGED))
		return false;
	return true;
}

/*
 * Every free piece: each eligible memory region clipped to [lo, hi), minus
 * every reservation. Pieces of different memory regions are not joined.
 * Calls @fn on each; returns the number.
 */
size_t model_free_pieces(const struct model *m, phys_addr_t lo, phys_addr_t hi,
			 int nid, unsigned int flags,
			 void (*fn)(void *, phys_addr_t, phys_addr_t, int),
			 void *arg)
{
	const struct model_type *mem = &m->t[MT_MEMORY];
	static struct model_type taken;	/* scratch, kept between calls */
	size_t count = 0;

	/* Taken: the claims and the live arrays, as one sorted list. */
	model_copy_type(&taken, &m->t[MT_RESERVED]);
	for (int i = 0; i < m->nbusy; i++)
		taken_add(&taken, m->busy[i].lo, m->busy[i].hi);
	for (size_t k = 0; k < mem->n; k++) {
		const struct model_rgn *r = &mem->r[k];
		phys_addr_t a = MAX(r->base, lo), b = MIN(r->end, hi), cur = a;

		if (a >= b || !eligible(m, r, nid, flags))
			continue;
		for (size_t q = 0; q < taken.n && cur < b; q++) {
			if (taken.r[q].end <= cur)
				continue;
			if (taken.r[q].base >= b)
				break;
			if (taken.r[q].base > cur) {
				fn(arg, cur, taken.r[q].base, r->nid);
				count++;
			}
			cur = MAX(cur, taken.r[q].end);
		}
		if (cur < b) {
			fn(arg, cur, b, r->nid);
			count++;
		}
	}
	return count;
}

struct pick {
	u128 size, align;
	bool lowest;
	bool found;
	phys_addr_t best;
};

static void pick_piece(void *arg, phys_addr_t lo, phys_addr_t hi, int nid)
{
	struct pick *p = arg;
	u128 cand;

	(void)nid;
	if ((u128)hi - lo < p->size)
		return;
	if (p->lowest) {
		cand = ((u128)lo + p->align - 1) / p->align * p->align;
		if (cand + p->size > hi)
			return;
	} else {
		cand = ((u128)hi - p->size) / p->align * p->align;
		if (cand < lo)
			return;
	}
	if (!p->found || (p->lowest ? cand < p->best : cand > p->best))
		p->best = (phys_addr_t)cand;
	p->found = true;
}

static phys_addr_t best_fit(const struct model *m, phys_addr_t size,
			    phys_addr_t align, phys_addr_t lo, phys_addr_t hi,
			    int nid, unsigned int flags, bool lowest)
{
	struct pick p = { size, align, lowest, false, 0 };

	model_free_pieces(m, lo, hi, nid, flags, pick_piece, &p);
	return p.found ? p.best : 0;
}

phys_addr_t model_find_node(const struct model *m, phys_addr_t size,
			    phys_addr_t align, phys_addr_t start,
			    phys_addr_t end, int nid, unsigned int flags)
{
	if (!align)
		align = SMP_CACHE_BYTES;
	if (!size || !pow2(align))
		return 0;
	if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end == MEMBLOCK_ALLOC_NOLEAKTRACE)
		end = m->current_limit;
	start = MAX(start, PAGE_SIZE);
	end = MAX(start, end);
	/*
	 * Linux 5.11+ (memblock_find_in_range_node()): bottom-up returns the
	 * lowest fit in [max(start, PAGE_SIZE), end), top-down the highest;
	 * the kernel image's end plays no part and there is no fallback.
	 */
	return best_fit(m, size, align, start, end, nid, flags, m->bottom_up);
}

/*
 * Linux 6.12: allocations prefer mirrored memory once memblock_mark_mirror()
 * has run with kernelcore=mirror (system_has_some_mirror), whether or not
 * mirrored memory is still there: a flag, not a scan.
 */
static bool has_mirror(const struct model *m)
{
	return m->some_mirror;
}

phys_addr_t model_find(const struct model *m, phys_addr_t start,
		       phys_addr_t end, phys_addr_t size, phys_addr_t align)
{
	unsigned int flags = has_mirror(m) ? MEMBLOCK_MIRROR : 0;
	phys_addr_t found = model_find_node(m, size, align, start, end,
					    NUMA_NO_NODE, flags);

	if (!found && flags)
		found = model_find_node(m, size, align, start, end,
					NUMA_NO_NODE, 0);
	return found;
}

static bool args_ok(phys_addr_t size, phys_addr_t *align, int *nid)
{
	if (!size)
		return false;
	if (!*align)
		*align = SMP_CACHE_BYTES;
	if (!pow2(*align))
		return false;
	if (*nid == MAX_NUMNODES)
		*nid = NUMA_NO_NODE;
	return *nid == NUMA_NO_NODE || (*nid >= 0 && *nid < MAX_NUMNODES);
}

/* Find and reserve: the node fallback, then the mirror fallback. */
static phys_addr_t range_nid(struct model *m, phys_addr_t size,
			     phys_addr_t align, phys_addr_t start,
			     phys_addr_t end, int nid, bool exact)
{
	unsigned int flags = has_mirror(m) ? MEMBLOCK_MIRROR : 0;
	phys_addr_t found;

	for (;;) {
		found = model_find_node(m, size, align, start, end, nid, flags);
		if (found && !model_add(m, MT_RESERVED, found, size,
					MAX_NUMNODES, 0))
			return found;
		if (nid != NUMA_NO_NODE && !exact) {
			found = model_find_node(m, size, align, start, end,
						NUMA_NO_NODE, flags);
			if (found && !model_add(m, MT_RESERVED, found, size,
						MAX_NUMNODES, 0))
				return found;
		}
		if (!flags)
			return 0;
		flags = 0;
	}
}

/* Every address the fallback chain of range_nid() finds, in order. */
static void collect_cands(struct model *m, phys_addr_t size, phys_addr_t align,
			  phys_addr_t start, phys_addr_t end, int nid, bool exact)
{
	unsigned int flags = has_mirror(m) ? MEMBLOCK_MIRROR : 0;

	for (;;) {
		phys_addr_t f = model_find_node(m, size, align, start, end, nid, flags);

		if (f && m->ncand < 16)
			m->cand[m->ncand++] = f;
		if (nid != NUMA_NO_NODE && !exact) {
			f = model_find_node(m, size, align, start, end,
					    NUMA_NO_NODE, flags);
			if (f && m->ncand < 16)
				m->cand[m->ncand++] = f;
		}
		if (!flags)
			return;
		flags = 0;
	}
}

phys_addr_t model_alloc_range_nid(struct model *m, phys_addr_t size,
				  phys_addr_t align, phys_addr_t start,
				  phys_addr_t end, int nid, bool exact)
{
	m->ncand = 0;
	if (!args_ok(size, &align, &nid) || m->stage != MS_EARLY)
		return 0;
	collect_cands(m, size, align, start, end, nid, exact);
	return range_nid(m, size, align, start, end, nid, exact);
}

phys_addr_t model_alloc_virt(struct model *m, phys_addr_t size,
			     phys_addr_t align, phys_addr_t min_addr,
			     phys_addr_t max_addr, int nid, bool exact,
			     bool zero)
{
	phys_addr_t found;

	(void)zero;
	m->ncand = 0;
	if (!args_ok(size, &align, &nid) || m->stage != MS_EARLY)
		return 0;
	max_addr = MIN(max_addr, m->current_limit);
	collect_cands(m, size, align, min_addr, max_addr, nid, exact);
	if (min_addr)
		collect_cands(m, size, align, 0, max_addr, nid, exact);
	found = range_nid(m, size, align, min_addr, max_addr, nid, exact);
	if (!found && min_addr)
		found = range_nid(m, size, align, 0, max_addr, nid, exact);
	return found;
}

/* ---- queries ---- */

bool model_contains(const struct model *m, int type, phys_addr_t addr,
		    unsigned int *flags)
{
	const struct model_type *t = &m->t[type];

	for (size_t k = 0; k < t->n; k++) {
		if (t->r[k].base <= addr && addr < t->r[k].end) {
			if (flags)
				*flags = t->r[k].flags;
			return true;
		}
	}
	return false;
}

bool model_covers(const struct model *m, int type, phys_addr_t base,
		  phys_addr_t size)
{
	const struct model_type *t = &m->t[type];
	phys_addr_t end, cur;

	size = clamp(base, size);
	if (!size)
		return false;
	end = base + size;
	cur = base;
	/* Sweep the regions in order; any hole before @end fails. */
	for (size_t k = 0; k < t->n && cur < end; k++) {
		if (t->r[k].end <= cur)
			continue;
		if (t->r[k].base > cur)
			return false;
		cur = t->r[k].end;
	}
	return cur >= end;
}

bool model_overlaps(const struct model *m, int type, phys_addr_t base,
		    phys_addr_t size)
{
	const struct model_type *t = &m->t[type];

	size = clamp(base, size);
	if (!size)
		return false;
	for (size_t k = 0; k < t->n; k++)
		if (t->r[k].base < base + size && base < t->r[k].end)
			return true;
	return false;
}

phys_addr_t model_total(const struct model *m, int type)
{
	phys_addr_t sum = 0;

	for (size_t k = 0; k < m->t[type].n; k++)
		sum += m->t[type].r[k].end - m->t[type].r[k].base;
	return sum;
}

/* ---- hand-off ---- */

static void count_pages(void *arg, phys_addr_t lo, phys_addr_t hi, int nid)
{
	unsigned long *n = arg;
	u128 plo = ((u128)lo + PAGE_SIZE - 1) / PAGE_SIZE, phi = (u128)hi / PAGE_SIZE;

	(void)nid;
	if (plo < phi)
		*n += (unsigned long)(phi - plo);
}

/* ---- comparison ---- */

static const char *const type_names[MT_NR] = { "memory", "reserved", "physmem" };

static struct memblock_type *lib_type(int i)
{
	switch (i) {
	case MT_MEMORY:
		return &memblock.memory;
	case MT_RESERVED:
		return &memblock.reserved;
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	case MT_PHYSMEM:
		return &memblock.physmem;
#endif
	default:
		return NULL;
	}
}

const char *type_invariant_violation(const struct memblock_type *t);
extern int memblock_can_resize;

/* Is the library's array of type @i a grown one (not its static array)? */
static bool grown(const struct model *m, int i,
		  struct memblock_region *const static_arrays[MT_NR])
{
	return m->stage != MS_DISCARDED && lib_type(i) &&
	       lib_type(i)->regions != static_arrays[i];
}

/* The library's reserved regions minus its live arrays, normalised. */
static void lib_claims(const struct model *m,
		       struct memblock_region *const static_arrays[MT_NR],
		       struct model_type *out)
{
	const struct memblock_type *t = &memblock.reserved;
	struct seg *s = NULL;
	size_t ns = 0;

	out->n = 0;
	for (unsigned long k = 0; k < t->cnt; k++) {
		const struct memblock_region *r = &t->regions[k];
		phys_addr_t cur = r->base, end = r->base + r->size;

		if (!r->size)
			continue;
		/* Cut out every live array (at most three ranges). */
		while (cur < end) {
			phys_addr_t stop = end, skip = end;

			for (int i = 0; i < MT_NR; i++) {
				phys_addr_t lo, hi;

				if (!grown(m, i, static_arrays))
					continue;
				lo = test_virt_to_phys(lib_type(i)->regions);
				hi = lo + (phys_addr_t)page_align(
					(u128)lib_type(i)->max * sizeof(struct memblock_region));
				if (hi <= cur || lo >= end)
					continue;
				if (lo <= cur) {
					stop = cur;
					skip = MIN(skip, hi);
				} else if (lo < stop) {
					stop = lo;
				}
			}
			if (stop > cur) {
				s = xrealloc(s, (ns + 1) * sizeof(*s));
				s[ns++] = (struct seg){ cur, stop, true,
							(unsigned int)r->flags, r->nid };
				cur = stop;
			} else {
				cur = skip > cur ? skip : end;
			}
		}
	}
	rebuild(out, s, ns);
	free(s);
}

static const char *compare_list(const char *name, const struct model_type *got,
				const struct model_type *want)
{
	static char why[300];

	if (got->n != want->n)
		return snprintf(why, sizeof(why), "%s: %zu regions, model %zu",
				name, got->n, want->n), why;
	for (size_t k = 0; k < want->n; k++) {
		const struct model_rgn *r = &got->r[k], *w = &want->r[k];

		if (r->base != w->base || r->end != w->end || r->flags != w->flags ||
		    r->nid != w->nid)
			return snprintf(why, sizeof(why),
					"%s[%zu]: %#llx-%#llx f%#x n%d, model %#llx-%#llx f%#x n%d",
					name, k, (unsigned long long)r->base,
					(unsigned long long)r->end, r->flags, r->nid,
					(unsigned long long)w->base,
					(unsigned long long)w->end, w->flags, w->nid), why;
	}
	return NULL;
}

const char *model_compare(const struct model *m,
			  struct memblock_region *const static_arrays[MT_NR])
{
	static char why[300];
	static struct model_type got;

#define DIFF(...)	return snprintf(why, sizeof(why), __VA_ARGS__), why
	if (memblock.bottom_up != m->bottom_up)
		DIFF("bottom_up %d, model %d", memblock.bottom_up, m->bottom_up);
	if (memblock.current_limit != m->current_limit)
		DIFF("current_limit %#llx, model %#llx",
		     (unsigned long long)memblock.current_limit,
		     (unsigned long long)m->current_limit);
	if (!!memblock_can_resize != m->can_resize)
		DIFF("memblock_can_resize %d, model %d", memblock_can_resize,
		     m->can_resize);
	for (int i = 0; i < MT_NR; i++) {
		const struct memblock_type *t = lib_type(i);
		const struct model_type *mt = &m->t[i];
		const char *bad;

		if (!t)
			continue;
		bad = type_invariant_violation(t);
		if (bad)
			DIFF("%s: invariant: %s", type_names[i], bad);
		/* Nothing grows before memblock_allow_resize(). */
		if (!m->ever_resize && m->stage != MS_DISCARDED &&
		    (t->regions != static_arrays[i] ||
					t->max != mt->max))
			DIFF("%s: array moved or grew (max %lu) without memblock_allow_resize()",
			     type_names[i], t->max);
		if (i == MT_RESERVED) {
			lib_claims(m, static_arrays, &got);
		} else {
			got.n = 0;
			for (unsigned long k = 0; k < t->cnt; k++) {
				const struct memblock_region *r = &t->regions[k];

				if (r->size)
					type_push(&got, (struct model_rgn){
						r->base, r->base + r->size,
						(unsigned int)r->flags, r->nid });
			}
		}
		bad = compare_list(type_names[i], &got, mt);
		if (bad)
			return bad;
	}
#undef DIFF
	return NULL;
}

/* memblock_free_all()'s first step: HOTPLUG cleared everywhere. */
static void clear_hotplug(struct model *m)
{
	struct model_type *mem = &m->t[MT_MEMORY];
	struct seg *s;
	size_t ns;

	for (size_t k = 0; k < mem->n; k++)
		mem->r[k].flags &= ~(unsigned int)MEMBLOCK_HOTPLUG;
	/* Clearing a flag can join neighbours: normalise. */
	ns = segments(mem, 0, 0, &s);
	rebuild(mem, s, ns);
	free(s);
}

unsigned long model_free_all(struct model *m)
{
	unsigned long pages = 0;

	if (m->stage != MS_EARLY)
		return 0;
	clear_hotplug(m);
	model_free_pieces(m, 0, PHYS_ADDR_MAX, NUMA_NO_NODE, 0, count_pages,
			  &pages);
	m->can_resize = false;
	m->stage = MS_FREED;
	return pages;
}

void model_discard(struct model *m)
{
	if (m->stage != MS_FREED)
		return;
	for (int i = 0; i < MT_NR; i++)
		m->t[i].n = 0;
	m->stage = MS_DISCARDED;
}

void model_print(const struct model *m)
{
	printf("# model: bottom_up %d limit %#llx resize %d movable %d kernel_end %#llx\n",
	       m->bottom_up, (unsigned long long)m->current_limit,
	       m->can_resize, m->movable_node,
	       (unsigned long long)m->kernel_end);
	for (int i = 0; i < MT_NR; i++) {
		const struct model_type *t = &m->t[i];

		printf("#   %s: n %zu\n", type_names[i], t->n);
		for (size_t k = 0; k < t->n && k < 40; k++)
			printf("#     [%zu] %#llx-%#llx f%#x n%d\n", k,
			       (unsigned long long)t->r[k].base,
			       (unsigned long long)t->r[k].end, t->r[k].flags,
			       t->r[k].nid);
	}
}
