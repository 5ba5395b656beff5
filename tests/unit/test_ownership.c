// SPDX-License-Identifier: BSD-2-Clause
/*
 * Issue 12: no byte has two owners. One named regression test per defect
 * of the issue, driving only the public API, each checked against the
 * ownership contract (docs/design.md, "Ownership"):
 *
 *   reserved == union(caller claims) + union(live grown arrays), exactly;
 *   a live grown array lies in memory, outside NOMAP and any caller claim;
 *   a failing call changes nothing; hooks cannot re-enter; stages hold.
 *
 * The test keeps its own list of caller claims (what it reserved or was
 * given) and knows a grown array by its capacity (max above the static
 * size) and its documented footprint (whole pages of max regions).
 */
#include <stdlib.h>
#include <stdint.h>
#include "harness.h"

#define N	INIT_MEMBLOCK_REGIONS
#define NR	INIT_MEMBLOCK_RESERVED_REGIONS
#define SZ_8M	0x800000ULL
#define SZ_4M	0x400000ULL
#define SZ_64M	0x4000000ULL

/* ---- the test's own ledger of caller claims ---- */

struct span {
	phys_addr_t base, size;
};

#define MAX_CLAIMS	8192
static struct span claims[MAX_CLAIMS];
static int nclaims;

static void claim(phys_addr_t base, phys_addr_t size)
{
	if (nclaims < MAX_CLAIMS)
		claims[nclaims++] = (struct span){ base, size };
	else
		tap_fail(__FILE__, __LINE__, "the test's claim list is full");
}

static int reserve_claim(phys_addr_t base, phys_addr_t size)
{
	int err = memblock_reserve(base, size);

	if (!err)
		claim(base, size);
	return err;
}

/* n separate 4 KiB claims at 64 KiB intervals from @base. */
static void reserve_many(phys_addr_t base, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		CHECK_INT(reserve_claim(base + i * SZ_64K, SZ_4K), 0);
}

static phys_addr_t array_bytes(unsigned long max)
{
	return (max * sizeof(struct memblock_region) + PAGE_SIZE - 1) &
	       ~(PAGE_SIZE - 1);
}

/* The live grown arrays (documented footprint), up to three. */
static int live_arrays(struct span *out)
{
	const struct memblock_type *t[3] = { &memblock.memory,
					     &memblock.reserved, NULL };
	const unsigned long init[3] = { N, NR, INIT_PHYSMEM_REGIONS };
	int n = 0;

#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	t[2] = &memblock.physmem;
#endif
	for (int i = 0; i < 3; i++)
		if (t[i] && t[i]->max > init[i])
			out[n++] = (struct span){
				test_virt_to_phys(t[i]->regions),
				array_bytes(t[i]->max) };
	return n;
}

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->base < y->base ? -1 : x->base > y->base;
}

/* Sort and merge touching or overlapping spans; returns the new count. */
static int normalise(struct span *s, int n)
{
	int w = 0;

	qsort(s, (size_t)n, sizeof(*s), span_cmp);
	for (int i = 0; i < n; i++) {
		if (!s[i].size)
			continue;
		if (w && s[w - 1].base + s[w - 1].size >= s[i].base) {
			phys_addr_t e = s[i].base + s[i].size;

			if (e > s[w - 1].base + s[w - 1].size)
				s[w - 1].size = e - s[w - 1].base;
		} else {
			s[w++] = s[i];
		}
	}
	return w;
}

/* Is [base, base + size) memory, all of it, and none of it NOMAP? */
static bool usable(phys_addr_t base, phys_addr_t size)
{
	struct memblock_region *r;

	if (!memblock_is_region_memory(base, size))
		return false;
	for_each_mem_region(r)
		if (r->size && memblock_is_nomap(r) &&
		    memblock_addrs_overlap(base, size, r->base, r->size))
			return false;
	return true;
}

/* The contract's invariants 1 and 2 against the test's claims. */
static void expect_owners_(const char *file, int line)
{
	static struct span want[MAX_CLAIMS + 3], got[MAX_CLAIMS + 3];
	struct span arr[3];
	int na = live_arrays(arr), nw = 0, ng = 0;
	const struct memblock_region *r;

	for (int i = 0; i < na; i++) {
		if (!usable(arr[i].base, arr[i].size))
			tap_fail(file, line, "live array %#llx+%#llx is not in usable memory",
				 (unsigned long long)arr[i].base,
				 (unsigned long long)arr[i].size);
		for (int c = 0; c < nclaims; c++)
			if (memblock_addrs_overlap(arr[i].base, arr[i].size,
						   claims[c].base, claims[c].size))
				tap_fail(file, line, "live array %#llx+%#llx overlaps claim %#llx+%#llx",
					 (unsigned long long)arr[i].base,
					 (unsigned long long)arr[i].size,
					 (unsigned long long)claims[c].base,
					 (unsigned long long)claims[c].size);
		for (int j = 0; j < i; j++)
			if (memblock_addrs_overlap(arr[i].base, arr[i].size,
						   arr[j].base, arr[j].size))
				tap_fail(file, line, "live arrays overlap");
		want[nw++] = arr[i];
	}
	for (int c = 0; c < nclaims; c++)
		want[nw++] = claims[c];
	nw = normalise(want, nw);
	for_each_reserved_mem_region(r)
		if (r->size && ng < MAX_CLAIMS + 3)
			got[ng++] = (struct span){ r->base, r->size };
	ng = normalise(got, ng);
	if (ng != nw) {
		tap_fail(file, line, "reserved has %d spans, owners %d", ng, nw);
	} else {
		for (int i = 0; i < ng; i++)
			if (got[i].base != want[i].base || got[i].size != want[i].size) {
				tap_fail(file, line, "reserved span %d is %#llx+%#llx, owners %#llx+%#llx",
					 i, (unsigned long long)got[i].base,
					 (unsigned long long)got[i].size,
					 (unsigned long long)want[i].base,
					 (unsigned long long)want[i].size);
				break;
			}
	}
}
#define EXPECT_OWNERS()	expect_owners_(__FILE__, __LINE__)

/* An allocation must be free: it overlaps no claim and no live array. */
static void expect_free_(const char *file, int line, phys_addr_t base,
			 phys_addr_t size)
{
	struct span arr[3];
	int na = live_arrays(arr);

	if (!base) {
		tap_fail(file, line, "allocation failed");
		return;
	}
	for (int i = 0; i < na; i++)
		if (memblock_addrs_overlap(base, size, arr[i].base, arr[i].size))
			tap_fail(file, line, "allocation %#llx+%#llx is a live array",
				 (unsigned long long)base, (unsigned long long)size);
	for (int c = 0; c < nclaims; c++)
		if (memblock_addrs_overlap(base, size, claims[c].base, claims[c].size))
			tap_fail(file, line, "allocation %#llx+%#llx overlaps claim %#llx+%#llx",
				 (unsigned long long)base, (unsigned long long)size,
				 (unsigned long long)claims[c].base,
				 (unsigned long long)claims[c].size);
	claim(base, size);
}
#define EXPECT_FREE(b, s)	expect_free_(__FILE__, __LINE__, (b), (s))

/* ---- byte-for-byte snapshots ---- */

struct snapshot {
	struct memblock mb;
	struct memblock_region *arr[3];
	unsigned long max[3];
	int debug, can_resize;
	enum memblock_stage stage;
};

static struct memblock_type *snap_type(int i)
{
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	if (i == 2)
		return &memblock.physmem;
#endif
	return i == 0 ? &memblock.memory : i == 1 ? &memblock.reserved : NULL;
}

static void snap_take(struct snapshot *s)
{
	s->mb = memblock;
	for (int i = 0; i < 3; i++) {
		struct memblock_type *t = snap_type(i);

		s->arr[i] = NULL;
		if (!t)
			continue;
		s->max[i] = t->max;
		s->arr[i] = malloc(t->max * sizeof(*t->regions));
		memcpy(s->arr[i], t->regions, t->max * sizeof(*t->regions));
	}
	s->debug = memblock_debug;
	s->can_resize = memblock_can_resize;
	s->stage = memblock_stage;
}

/* NULL when nothing changed; frees the snapshot. */
static const char *snap_check(struct snapshot *s)
{
	const char *why = NULL;

	if (memcmp(&s->mb, &memblock, sizeof(memblock)))
		why = "struct memblock changed";
	for (int i = 0; !why && i < 3; i++) {
		struct memblock_type *t = snap_type(i);

		if (t && memcmp(s->arr[i], t->regions,
				s->max[i] * sizeof(*t->regions)))
			why = "a region array changed";
	}
	if (!why && (s->debug != memblock_debug ||
		     s->can_resize != memblock_can_resize ||
		     s->stage != memblock_stage))
		why = "a knob changed";
	for (int i = 0; i < 3; i++)
		free(s->arr[i]);
	return why;
}

#define EXPECT_UNCHANGED(snap)						\
	do {								\
		const char *why_ = snap_check(&(snap));			\
		if (why_)						\
			tap_fail(__FILE__, __LINE__, "%s", why_);	\
	} while (0)

/* ---- defect 1: removing memory never unreserves a live array ---- */

enum shrink { CAP, ENFORCE, REMOVE_MAP, REMOVE, NR_SHRINK };

/* Memory [0, 512M) plus N one-megabyte regions above: both arrays grow. */
static void grow_both_high(void)
{
	CHECK_INT(memblock_add(0, SZ_512M), 0);
	memblock_allow_resize();
	for (unsigned long i = 0; i < N; i++)
		CHECK_INT(memblock_add(SZ_512M + SZ_1M + i * SZ_2M, SZ_1M), 0);
	reserve_many(SZ_16M, NR + 1);
	CHECK(memblock.memory.max > N);
	CHECK(memblock.reserved.max > NR);
	/* Top-down: both arrays sit above the range to keep. */
	CHECK(test_virt_to_phys(memblock.memory.regions) >= SZ_512M);
	CHECK(test_virt_to_phys(memblock.reserved.regions) >= SZ_512M);
	EXPECT_OWNERS();
}

static void defect1_cap_keeps_grown_array_reserved(void)
{
	for (int op = 0; op < NR_SHRINK; op++) {
		phys_addr_t got;

		test_reset();
		nclaims = 0;
		grow_both_high();
		switch (op) {
		case CAP:
			memblock_cap_memory_range(0, SZ_512M);
			break;
		case ENFORCE:
			memblock_enforce_memory_limit(SZ_512M);
			break;
		case REMOVE_MAP:
			memblock_mem_limit_remove_map(SZ_512M);
			break;
		default:
			CHECK_INT(memblock_remove(SZ_512M, SZ_1G), 0);
			break;
		}
		CHECK_EQ(memblock_end_of_DRAM(), SZ_512M);
		/* The arrays moved into what is left, and are still reserved. */
		EXPECT_OWNERS();
		/* Memory comes back: none of it may be handed out twice. */
		CHECK_INT(memblock_add(SZ_512M, SZ_512M), 0);
		got = memblock_phys_alloc_range(SZ_512M, SZ_4K, SZ_512M, SZ_1G);
		CHECK_EQ(got, SZ_512M);
		EXPECT_FREE(got, SZ_512M);
		EXPECT_OWNERS();
	}
}

/* ---- defect 2: growth frees only the old array's own bytes ---- */

static void defect2_growth_keeps_caller_claim_over_old_array(void)
{
	phys_addr_t a1, got;

	nclaims = 0;
	CHECK_INT(memblock_add(0, SZ_1G), 0);
	memblock_allow_resize();
	reserve_many(SZ_16M, NR + 1);
	a1 = test_virt_to_phys(memblock.reserved.regions);
	CHECK_EQ(a1, SZ_1G - array_bytes(2 * NR));
	/* A caller claims the first page of the live array: it moves away. */
	CHECK_INT(reserve_claim(a1, SZ_4K), 0);
	CHECK(test_virt_to_phys(memblock.reserved.regions) != a1);
	EXPECT_OWNERS();
	/* Grow again: the caller's page stays the caller's. */
	reserve_many(SZ_128M, NR);
	CHECK(memblock.reserved.max >= 4 * NR);
	CHECK(memblock_is_region_reserved(a1, SZ_4K));
	EXPECT_OWNERS();
	for (int i = 0; i < 4; i++) {
		got = memblock_phys_alloc(SZ_4K, SZ_4K);
		EXPECT_FREE(got, SZ_4K);
	}
	EXPECT_OWNERS();
}

/* ---- defect 3: nested growth avoids the edited range ---- */

static void defect3_nested_growth_avoids_edited_range(void)
{
	for (int nomap = 0; nomap < 2; nomap++) {
		phys_addr_t eb = SZ_1G + SZ_8M, es = SZ_8M;

		test_reset();
		nclaims = 0;
		/* memory: N - 1 small regions and [1G, 1G + 16M), full. */
		for (unsigned long i = 0; i < N - 1; i++)
			CHECK_INT(memblock_add(SZ_16M + i * SZ_2M, SZ_1M), 0);
		CHECK_INT(memblock_add(SZ_1G, SZ_16M), 0);
		CHECK_EQ(memblock.memory.cnt, N);
		/* reserved: full too. */
		for (unsigned long i = 0; i < NR; i++)
			CHECK_INT(reserve_claim(SZ_16M + i * SZ_2M, SZ_4K), 0);
		CHECK_EQ(memblock.reserved.cnt, NR);
		memblock_allow_resize();
		if (nomap) {
			/* Splits [1G, 1G + 16M): memory grows, then reserved. */
			CHECK_INT(memblock_mark_nomap(eb, es), 0);
		} else {
			eb = SZ_1G + SZ_4M;
			es = SZ_4M;
			CHECK_INT(memblock_remove(eb, es), 0);
		}
		CHECK(memblock.memory.max > N);
		CHECK(memblock.reserved.max > NR);
		CHECK(!memblock_addrs_overlap(test_virt_to_phys(memblock.memory.regions),
					      array_bytes(memblock.memory.max), eb, es));
		CHECK(!memblock_addrs_overlap(test_virt_to_phys(memblock.reserved.regions),
					      array_bytes(memblock.reserved.max), eb, es));
		EXPECT_OWNERS();
	}
}

/* ---- defect 4: discard gives only memory, never NOMAP or removed pages ---- */

static void defect4_discard_releases_only_memory_pages(void)
{
	struct memblock_region mem[8];
	unsigned long nmem, pages = 0;
	phys_addr_t arr, bytes;

	nclaims = 0;
	CHECK_INT(memblock_add(0, SZ_1G), 0);
	memblock_allow_resize();
	reserve_many(SZ_16M, NR + 1);
	CHECK(test_virt_to_phys(memblock.reserved.regions) >= SZ_512M);
	/* mem=512M removes the memory the array lives in. */
	memblock_enforce_memory_limit(SZ_512M);
	EXPECT_OWNERS();
	arr = test_virt_to_phys(memblock.reserved.regions);
	bytes = array_bytes(memblock.reserved.max);
	CHECK(free_all_count() > 0);
	nmem = memblock.memory.cnt;
	CHECK(nmem <= ARRAY_SIZE(mem));
	memcpy(mem, memblock.memory.regions, nmem * sizeof(mem[0]));
	test_freed_cnt = 0;
	memblock_discard();
	for (size_t i = 0; i < test_freed_cnt; i++) {
		phys_addr_t b = PFN_PHYS(test_freed[i].pfn);
		phys_addr_t s = PFN_PHYS(1UL << test_freed[i].order);
		bool inside = false;

		for (unsigned long k = 0; k < nmem; k++)
			inside |= !memblock_is_nomap(&mem[k]) && b >= mem[k].base &&
				  b + s <= mem[k].base + mem[k].size;
		CHECK(inside);
		CHECK(b >= arr && b + s <= arr + bytes);
		pages += 1UL << test_freed[i].order;
	}
	CHECK_EQ(pages, PFN_DOWN(bytes));
}

/* ---- defect 5: a failing call changes nothing ---- */

static void defect5_failed_call_changes_nothing(void)
{
	struct snapshot snap;
	phys_addr_t bm = array_bytes(2 * N), last, a1;
	unsigned long i;

	/*
	 * Memory and reserved both full; free memory for one new array only.
	 * Adding memory needs two new arrays: the call must fail whole.
	 */
	for (i = 0; i < N; i++)
		CHECK_INT(memblock_add(SZ_16M + i * SZ_2M, SZ_1M), 0);
	last = SZ_16M + (N - 1) * SZ_2M;
	for (i = 0; i < N - 1; i++)
		CHECK_INT(memblock_reserve(SZ_16M + i * SZ_2M, SZ_1M), 0);
	CHECK_INT(memblock_reserve(last, SZ_1M - bm), 0);
	for (i = memblock.reserved.cnt; i < NR; i++)
		CHECK_INT(memblock_reserve(SZ_1G + i * 2 * SZ_4K, SZ_4K), 0);
	CHECK_EQ(memblock.reserved.cnt, NR);
	memblock_allow_resize();
	snap_take(&snap);
	CHECK_INT(memblock_add(SZ_1G + SZ_512M, SZ_1M), -ENOMEM);
	EXPECT_UNCHANGED(snap);
	snap_take(&snap);
	CHECK_INT(memblock_mark_nomap(SZ_16M + SZ_4K, SZ_4K), -ENOMEM);
	EXPECT_UNCHANGED(snap);

	/*
	 * A caller reservation over a live array moves the array; with no
	 * free memory left the reservation fails and nothing moves.
	 */
	test_reset();
	CHECK_INT(memblock_add(SZ_16M, SZ_16M), 0);
	memblock_allow_resize();
	for (i = 0; i <= NR; i++)
		CHECK_INT(memblock_reserve(SZ_1G + i * SZ_64K, SZ_1K), 0);
	a1 = test_virt_to_phys(memblock.reserved.regions);
	CHECK(memblock.reserved.max > NR);
	CHECK_INT(memblock_reserve(SZ_16M, a1 - SZ_16M), 0);
	CHECK_EQ(memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	snap_take(&snap);
	CHECK_INT(memblock_reserve(a1, SZ_4K), -ENOMEM);
	EXPECT_UNCHANGED(snap);
	snap_take(&snap);
	CHECK_INT(memblock_remove(a1, SZ_4K), -ENOMEM);
	EXPECT_UNCHANGED(snap);
	snap_take(&snap);
	CHECK_INT(memblock_mark_nomap(a1, SZ_4K), -ENOMEM);
	EXPECT_UNCHANGED(snap);

	/*
	 * The case: a reservation over the live array makes
	 * "reserved" grow to exactly two regions more than the reservation
	 * needs before merging. Before the fix the growth freed the old array
	 * (splitting the claim around it) and reserved the new one, which
	 * took three, so a second growth was needed, found no room (free
	 * memory holds one new array: the hole H) and the call returned
	 * -ENOMEM with the array moved and the old one unreserved. Planned
	 * whole, the reservation needs one new array, which fits in H.
	 */
	test_reset();
	nclaims = 0;
	{
		phys_addr_t b2 = array_bytes(2 * NR), b4 = array_bytes(4 * NR);
		phys_addr_t a = SZ_16M + SZ_4M - b2;	/* where the array grows */
		phys_addr_t h = SZ_16M - SZ_4K - b4;	/* H: room for 4NR only */
		unsigned long c = 2 * NR - 3;		/* small claims */
		phys_addr_t small_end = SZ_16M + (c - 1) * 0x2000 + SZ_4K;
		phys_addr_t xb = SZ_16M + SZ_4K, xe = a + b2 + 2 * SZ_4K;

		CHECK_INT(memblock_add(h, SZ_16M + SZ_4M - h), 0);
		memblock_allow_resize();
		/* 4K claims with 4K gaps: no free run larger than 4K. */
		for (i = 0; i < c; i++)
			CHECK_INT(reserve_claim(SZ_16M + i * 0x2000, SZ_4K), 0);
		CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), a);
		/* Up to the array, just after it, below the first claim. */
		CHECK_INT(reserve_claim(small_end + SZ_4K, a - small_end - SZ_4K), 0);
		CHECK_INT(reserve_claim(a + b2, SZ_4K), 0);
		CHECK_INT(reserve_claim(SZ_16M - 0x800, 0x800), 0);
		CHECK_INT(reserve_claim(SZ_1G, SZ_4K), 0);
		CHECK_INT(reserve_claim(SZ_1G + 0x2000, SZ_4K), 0);
		CHECK_EQ(memblock.reserved.cnt, 2 * NR);
		CHECK_EQ(memblock.reserved.max, 2 * NR);
		EXPECT_OWNERS();
		/* From the first gap to past the claim after the array. */
		CHECK_INT(reserve_claim(xb, xe - xb), 0);
		CHECK_EQ(memblock.reserved.max, 4 * NR);
		CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), h);
		EXPECT_OWNERS();
	}
}

/* ---- defect 6: hooks cannot re-enter ---- */

enum kind { INT_CALL, PTR_CALL, PHYS_CALL, VOID_CALL };

struct reentry {
	const char *name;
	enum kind kind;
	long long (*call)(void);
};

#define RE_INT(fn, ...)							\
	static long long re_##fn(void) { return fn(__VA_ARGS__); }
#define RE_PTR(fn, ...)							\
	static long long re_##fn(void) { return (long long)(uintptr_t)fn(__VA_ARGS__); }
#define RE_VOID(fn, ...)						\
	static long long re_##fn(void) { fn(__VA_ARGS__); return 0; }

RE_INT(memblock_add, SZ_1G + SZ_512M, SZ_1M)
RE_INT(memblock_add_node, SZ_1G + SZ_512M, SZ_1M, 0, MEMBLOCK_NONE)
RE_INT(memblock_remove, SZ_1M, SZ_1M)
RE_INT(memblock_reserve, SZ_8M, SZ_1M)
RE_INT(memblock_phys_free, SZ_2M, SZ_4K)
RE_VOID(memblock_free, test_phys_to_virt(SZ_2M), SZ_4K)
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
RE_INT(memblock_physmem_add, SZ_1G + SZ_512M, SZ_1M)
#endif
RE_VOID(memblock_allow_resize)
RE_INT(memblock_mark_hotplug, SZ_1M, SZ_1M)
RE_INT(memblock_clear_hotplug, SZ_1M, SZ_1M)
RE_INT(memblock_mark_mirror, SZ_1M, SZ_1M)
RE_INT(memblock_mark_nomap, SZ_1M, SZ_1M)
RE_INT(memblock_clear_nomap, SZ_1M, SZ_1M)
RE_INT(memblock_reserved_mark_noinit, SZ_2M, SZ_4K)
RE_INT(memblock_set_node, SZ_1M, SZ_1M, &memblock.memory, 1)
RE_VOID(memblock_set_current_limit, SZ_16M)
RE_VOID(memblock_trim_memory, SZ_2M)
RE_VOID(memblock_enforce_memory_limit, SZ_4M)
RE_VOID(memblock_cap_memory_range, SZ_1M, SZ_4M)
RE_VOID(memblock_mem_limit_remove_map, SZ_4M)
RE_INT(memblock_phys_alloc_range, SZ_4K, SZ_4K, 0, SZ_64M)
RE_INT(memblock_phys_alloc_try_nid, SZ_4K, SZ_4K, NUMA_NO_NODE)
RE_INT(memblock_alloc_range_nid, SZ_4K, SZ_4K, 0, SZ_64M, NUMA_NO_NODE, false)
RE_PTR(memblock_alloc_try_nid, SZ_4K, SZ_4K, 0, SZ_64M, NUMA_NO_NODE)
RE_PTR(memblock_alloc_try_nid_raw, SZ_4K, SZ_4K, 0, SZ_64M, NUMA_NO_NODE)
RE_PTR(memblock_alloc_exact_nid_raw, SZ_4K, SZ_4K, 0, SZ_64M, NUMA_NO_NODE)
RE_VOID(memblock_free_all)
RE_VOID(memblock_free_late, SZ_2M, SZ_4K)
RE_VOID(memblock_discard)
RE_INT(memblock_parse_cmdline, "memblock=debug")

#define RE(fn, k)	{ #fn, k, re_##fn }
static const struct reentry reentries[] = {
	RE(memblock_add, INT_CALL),
	RE(memblock_add_node, INT_CALL),
	RE(memblock_remove, INT_CALL),
	RE(memblock_reserve, INT_CALL),
	RE(memblock_phys_free, INT_CALL),
	RE(memblock_free, VOID_CALL),
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	RE(memblock_physmem_add, INT_CALL),
#endif
	RE(memblock_allow_resize, VOID_CALL),
	RE(memblock_mark_hotplug, INT_CALL),
	RE(memblock_clear_hotplug, INT_CALL),
	RE(memblock_mark_mirror, INT_CALL),
	RE(memblock_mark_nomap, INT_CALL),
	RE(memblock_clear_nomap, INT_CALL),
	RE(memblock_reserved_mark_noinit, INT_CALL),
	RE(memblock_set_node, INT_CALL),
	RE(memblock_set_current_limit, VOID_CALL),
	RE(memblock_trim_memory, VOID_CALL),
	RE(memblock_enforce_memory_limit, VOID_CALL),
	RE(memblock_cap_memory_range, VOID_CALL),
	RE(memblock_mem_limit_remove_map, VOID_CALL),
	RE(memblock_phys_alloc_range, PHYS_CALL),
	RE(memblock_phys_alloc_try_nid, PHYS_CALL),
	RE(memblock_alloc_range_nid, PHYS_CALL),
	RE(memblock_alloc_try_nid, PTR_CALL),
	RE(memblock_alloc_try_nid_raw, PTR_CALL),
	RE(memblock_alloc_exact_nid_raw, PTR_CALL),
	RE(memblock_free_all, PHYS_CALL),
	RE(memblock_free_late, VOID_CALL),
	RE(memblock_discard, VOID_CALL),
	RE(memblock_parse_cmdline, INT_CALL),
};

static bool in_log_hook;	/* which hook runs the table */
static int reentry_runs;
static size_t freed_before;

/* Every call refused, nothing changed, one log line (none in the log hook). */
static void run_reentries(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(reentries); i++) {
		const struct reentry *re = &reentries[i];
		int lines = test_log_lines, want_lines = in_log_hook ? 0 : 1;
		size_t freed = test_freed_cnt;
		struct snapshot snap;
		long long got;

		snap_take(&snap);
		got = re->call();
		if (re->kind == INT_CALL && got != -EBUSY)
			tap_fail(__FILE__, __LINE__, "%s from a hook: got %lld, want -EBUSY",
				 re->name, got);
		if ((re->kind == PTR_CALL || re->kind == PHYS_CALL) && got)
			tap_fail(__FILE__, __LINE__, "%s from a hook: got %#llx, want 0",
				 re->name, got);
		if (test_log_lines - lines != want_lines)
			tap_fail(__FILE__, __LINE__, "%s from a hook: %d log lines, want %d",
				 re->name, test_log_lines - lines, want_lines);
		if (test_freed_cnt != freed)
			tap_fail(__FILE__, __LINE__, "%s from a hook released pages",
				 re->name);
		{
			const char *why = snap_check(&snap);

			if (why)
				tap_fail(__FILE__, __LINE__, "%s from a hook: %s",
					 re->name, why);
		}
	}
	/* Read-only calls are allowed. */
	CHECK(memblock_is_memory(SZ_1M));
	CHECK(memblock_is_reserved(SZ_2M + SZ_64K) == false);
	memblock_dump_all();
	reentry_runs++;
}

static void log_hook(int level, const char *line)
{
	(void)level;
	(void)line;
	if (reentry_runs)
		return;
	in_log_hook = true;
	run_reentries();
	in_log_hook = false;
}

static void free_pages_hook(unsigned long pfn, unsigned int order)
{
	(void)pfn;
	(void)order;
	if (reentry_runs || test_freed_cnt != freed_before + 1)
		return;
	run_reentries();
}

/* Is [base, base + size) inside one reserved region? */
static bool wholly_reserved(phys_addr_t base, phys_addr_t size)
{
	const struct memblock_region *r;

	for_each_reserved_mem_region(r)
		if (r->base <= base && base + size <= r->base + r->size)
			return true;
	return false;
}

static int consistent_lines, inconsistent_lines;

/* Every log line must find memblock consistent: invariants, arrays reserved. */
static void consistency_hook(int level, const char *line)
{
	struct span arr[3];
	int na = live_arrays(arr);
	bool ok = true;

	(void)level;
	for (int i = 0; i < 3; i++)
		if (snap_type(i) && type_invariant_violation(snap_type(i)))
			ok = false;
	for (int i = 0; i < na; i++)
		if (!wholly_reserved(arr[i].base, arr[i].size))
			ok = false;
	if (ok) {
		consistent_lines++;
	} else {
		inconsistent_lines++;
		tap_diag("inconsistent at: %s", line);
	}
}

static void reentry_setup(void)
{
	CHECK_INT(memblock_add(SZ_1M, SZ_64M), 0);
	CHECK_INT(memblock_reserve(SZ_2M, SZ_64K), 0);
	memblock_allow_resize();
	/* Else memblock_mark_mirror() returns 0 before any check (Linux). */
	mirrored_kernelcore = true;
	reentry_runs = 0;
}

static void defect6_hooks_refuse_reentry(void)
{
	phys_addr_t got;

	/* memblock=debug: the first line of an allocation runs the table. */
	reentry_setup();
	memblock_debug = 1;
	test_log_hook = log_hook;
	got = memblock_phys_alloc(SZ_4K, SZ_4K);
	CHECK_EQ(reentry_runs, 1);
	test_log_hook = NULL;
	/* The outer call went on: one block, reserved once. */
	CHECK_EQ(got, SZ_1M + SZ_64M - SZ_4K);
	EXPECT_TYPE(&memblock.reserved, R(SZ_2M, SZ_64K),
		    R(SZ_1M + SZ_64M - SZ_4K, SZ_4K));

	/* Growth and moves, traced line by line: consistent at every line. */
	test_reset();
	nclaims = 0;
	memblock_debug = 1;
	consistent_lines = inconsistent_lines = 0;
	test_log_hook = consistency_hook;
	grow_both_high();
	memblock_cap_memory_range(0, SZ_512M);
	CHECK_INT(reserve_claim(test_virt_to_phys(memblock.reserved.regions),
				SZ_4K), 0);
	test_log_hook = NULL;
	CHECK(consistent_lines > 2 * NR);
	CHECK_INT(inconsistent_lines, 0);
	CHECK(test_log_find("reserved is doubled to") >= 0);
	CHECK(test_log_find("reserved array is moved to") >= 0);
	EXPECT_OWNERS();

	/* The page allocator's hook, at each hand-off call. */
	for (int which = 0; which < 3; which++) {
		test_reset();
		reentry_setup();
		if (which)
			memblock_free_all();
		freed_before = test_freed_cnt;
		test_free_pages_hook = free_pages_hook;
		if (which == 0)
			CHECK(free_all_count() > 0);
		else if (which == 1)
			memblock_free_late(SZ_2M, SZ_64K);
		else
			memblock_discard();	/* static arrays: no pages */
		CHECK_EQ(reentry_runs, which == 2 ? 0 : 1);
		test_free_pages_hook = NULL;
	}
}

/* ---- defect 7: stages ---- */

static void defect7_stages_refuse_after_hand_off(void)
{
	phys_addr_t got;
	unsigned long first;
	size_t freed;
	int lines;

	CHECK_INT(memblock_add(SZ_1M, SZ_16M), 0);
	CHECK_INT(memblock_reserve(SZ_2M, SZ_64K), 0);
	CHECK_INT(memblock_stage, MEMBLOCK_STAGE_EARLY);
	/* Before the hand-off the page allocator takes nothing. */
	test_log_clear();
	memblock_free_late(SZ_2M, SZ_64K);
	CHECK_EQ(test_freed_cnt, 0);
	CHECK_INT(test_log_lines, 1);
	CHECK(memblock_is_reserved(SZ_2M));
	first = free_all_count();
	CHECK(first > 0);
	CHECK_INT(memblock_stage, MEMBLOCK_STAGE_FREED);

	/* A second free_all releases nothing, and says so. */
	freed = test_freed_cnt;
	test_log_clear();
	CHECK_EQ(free_all_count(), 0);
	CHECK_EQ(test_freed_cnt, freed);
	CHECK_INT(test_log_lines, 1);

	/* Allocations fail: free memory is the page allocator's now. */
	test_log_clear();
	CHECK_EQ(memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	CHECK_INT(test_log_lines, 1);
	test_log_clear();
	CHECK(memblock_alloc(SZ_4K, SZ_4K) == NULL);
	CHECK_INT(test_log_lines, 1);

	/* Reserving and freeing are refused; free_late is the way. */
	test_log_clear();
	CHECK_INT(memblock_reserve(SZ_4M, SZ_4K), -EPERM);
	CHECK_INT(test_log_lines, 1);
	test_log_clear();
	CHECK_INT(memblock_phys_free(SZ_2M, SZ_4K), -EPERM);
	CHECK_INT(test_log_lines, 1);
	test_log_clear();
	memblock_free(test_phys_to_virt(SZ_2M), SZ_4K);
	CHECK_INT(test_log_lines, 1);
	CHECK(memblock_is_reserved(SZ_2M));

	/* Hotplug: memory can come and go but is never allocatable. */
	CHECK_INT(memblock_add(SZ_1G, SZ_16M), 0);
	CHECK_EQ(memblock_phys_alloc(SZ_4K, SZ_4K), 0);
	CHECK_INT(memblock_remove(SZ_1G, SZ_16M), 0);
	memblock_free_late(SZ_2M, SZ_64K);
	CHECK(!memblock_is_reserved(SZ_2M));

	/* Discard: everything is refused, the second discard does nothing. */
	memblock_discard();
	CHECK_INT(memblock_stage, MEMBLOCK_STAGE_DISCARDED);
	test_log_clear();
	CHECK_INT(memblock_add(SZ_1G, SZ_16M), -EPERM);
	CHECK_INT(test_log_lines, 1);
	CHECK_EQ(memblock_phys_mem_size(), 0);
	test_log_clear();
	got = memblock_phys_alloc(SZ_4K, SZ_4K);
	CHECK_EQ(got, 0);
	CHECK_INT(test_log_lines, 1);
	freed = test_freed_cnt;
	test_log_clear();
	lines = test_log_lines;
	memblock_discard();
	CHECK_EQ(test_freed_cnt, freed);
	CHECK_INT(test_log_lines - lines, 1);
	CHECK_INT(memblock_stage, MEMBLOCK_STAGE_DISCARDED);
	EXPECT_EMPTY(&memblock.memory);
	EXPECT_EMPTY(&memblock.reserved);
}

/* ---- all defects at once: random operations against the ledger ---- */

/* Remove [b, e) from every claim (a caller's free, or cap/enforce). */
static void claims_cut(phys_addr_t b, phys_addr_t e)
{
	int n = nclaims;

	for (int i = 0; i < n; i++) {
		phys_addr_t cb = claims[i].base, ce = cb + claims[i].size;

		if (ce <= b || cb >= e)
			continue;
		claims[i].size = 0;
		if (cb < b)
			claims[i] = (struct span){ cb, b - cb };
		if (ce > e) {
			if (!claims[i].size)
				claims[i] = (struct span){ e, ce - e };
			else
				claim(e, ce - e);
		}
	}
	/* Compact (drop empty spans) so the list does not fill up. */
	n = 0;
	for (int i = 0; i < nclaims; i++)
		if (claims[i].size)
			claims[n++] = claims[i];
	nclaims = n;
}

static unsigned long long rng;

static unsigned long rnd(unsigned long n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)((rng >> 33) % n);
}

static void random_ops_keep_the_contract(void)
{
	int grew_mem = 0, grew_rsv = 0, moves = 0;

	for (unsigned long seed = 1; seed <= 6; seed++) {
		test_reset();
		nclaims = 0;
		rng = seed;
		memblock_set_bottom_up(seed & 1);
		CHECK_INT(memblock_add(0, SZ_64M), 0);
		memblock_allow_resize();
		for (int op = 0; op < 4000 && !tap_failures(); op++) {
			phys_addr_t b = rnd(SZ_1G / SZ_4K) * SZ_4K;
			phys_addr_t sz = (1 + rnd(rnd(4) ? 16 : 2048)) * SZ_4K / (rnd(4) ? 1 : 8);
			struct snapshot snap;
			long long err = 0;
			int kind = (int)rnd(100);

			const struct memblock_region *rsv_was = memblock.reserved.regions;
			unsigned long rsv_max = memblock.reserved.max;

			snap_take(&snap);
			if (kind < 15) {
				err = memblock_add(b, sz);
			} else if (kind < 20) {
				err = memblock_remove(b, sz);
			} else if (kind < 50) {
				err = reserve_claim(b, sz);
			} else if (kind < 60) {
				err = memblock_phys_free(b, sz);
				if (!err)
					claims_cut(b, b + sz);
			} else if (kind < 85) {
				phys_addr_t got = memblock_phys_alloc_range(sz, SZ_4K, 0,
									    MEMBLOCK_ALLOC_ANYWHERE);

				if (got) {
					if (!usable(got, sz))
						tap_fail(__FILE__, __LINE__, "allocation not in usable memory");
					EXPECT_FREE(got, sz);
				} else {
					err = -ENOMEM;
				}
			} else if (kind < 90) {
				err = memblock_mark_nomap(b, sz);
			} else if (kind < 95) {
				err = memblock_clear_nomap(b, sz);
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
			} else if (kind < 97) {
				err = memblock_physmem_add(b, sz);
#endif
			} else if (kind < 98) {
				/* Attributes of reservations: splits, no owner change. */
				err = rnd(2) ? memblock_reserved_mark_noinit(b, sz) :
					       memblock_set_node(b, sz, &memblock.reserved,
								 (int)rnd(2));
			} else if (kind < 99) {
				phys_addr_t keep = SZ_512M + rnd(SZ_512M / SZ_1M) * SZ_1M;

				/* void: it failed whole when it logged so. */
				test_log_clear();
				memblock_cap_memory_range(0, keep);
				if (test_log_find("cannot isolate") < 0)
					claims_cut(keep, PHYS_ADDR_MAX);
				err = 1;
			} else {
				memblock_trim_memory(rnd(8) ? SZ_4K : SZ_64K);
				err = 1;
			}
			if (err < 0) {
				const char *why = snap_check(&snap);

				if (why)
					tap_fail(__FILE__, __LINE__, "seed %lu op %d kind %d failed (%lld) but %s",
						 seed, op, kind, err, why);
			} else {
				snap_check(&snap);
			}
			expect_owners_(__FILE__, __LINE__);
			moves += memblock.reserved.regions != rsv_was &&
				 memblock.reserved.max == rsv_max;
			if (tap_failures())
				tap_diag("seed %lu op %d kind %d [%#llx+%#llx]", seed, op,
					 kind, (unsigned long long)b,
					 (unsigned long long)sz);
		}
		grew_mem += memblock.memory.max > N;
		grew_rsv += memblock.reserved.max > NR;
	}
	/* The arrays grew, and moved, all along. */
	CHECK(grew_mem >= 2);
	CHECK_INT(grew_rsv, 6);
	CHECK(moves > 0);
	tap_diag("%d moves of the reserved array", moves);
}

static const struct test_case cases[] = {
	TEST_CASE(defect1_cap_keeps_grown_array_reserved),
	TEST_CASE(defect2_growth_keeps_caller_claim_over_old_array),
	TEST_CASE(defect3_nested_growth_avoids_edited_range),
	TEST_CASE(defect4_discard_releases_only_memory_pages),
	TEST_CASE(defect5_failed_call_changes_nothing),
	TEST_CASE(defect6_hooks_refuse_reentry),
	TEST_CASE(defect7_stages_refuse_after_hand_off),
	TEST_CASE(random_ops_keep_the_contract),
};
TAP_MAIN(cases)
