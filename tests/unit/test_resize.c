// SPDX-License-Identifier: BSD-2-Clause
/*
 * Region arrays past INIT_MEMBLOCK_REGIONS: refused before
 * memblock_allow_resize(), grown from memblock itself after it.
 */
#include <stdarg.h>
#include <stdio.h>
#include "harness.h"

#define N	INIT_MEMBLOCK_REGIONS
#define SZ_2G	0x80000000ULL

/*
 * Library internals: the static arrays (__memblock_init_regions[],
 * __memblock_discarded[]), and the window of a range with the regions an
 * add of it leaves once merged (struct rgn_win, __memblock_rgn_window(),
 * __memblock_rgn_add_result()): the library's own declarations, so that
 * the test cannot drift from them.
 */
#include "../../src/internal.h"

/* Bytes of a grown array of @max regions: whole pages. */
static phys_addr_t array_bytes(unsigned long max)
{
	return (max * sizeof(struct memblock_region) + SZ_4K - 1) & ~(SZ_4K - 1);
}

/*
 * Is @line (printf-style) one of the captured log lines, whole? The lines
 * a refused or logged resize writes are Linux's (or, for what Linux does
 * not do, this library's documented ones): checked to the byte.
 */
static __attribute__((format(printf, 1, 2))) bool logged(const char *fmt, ...)
{
	char want[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(want, sizeof(want), fmt, ap);
	va_end(ap);
	for (int i = 0; i < test_log_lines; i++)
		if (!strcmp(test_log[i], want))
			return true;
	tap_diag("expected log line: %s", want);
	return false;
}

/* n separated 4 KiB reservations at 64 KiB intervals from @base. */
static void reserve_many(phys_addr_t base, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		CHECK_INT(memblock_reserve(base + i * 0x10000, 0x1000), 0);
}

static void full_array_without_resize(void)
{
	struct memblock_region before[N];

	memblock_add(0, SZ_1G);
	reserve_many(SZ_16M, N);
	CHECK_EQ(memblock.reserved.cnt, N);
	memcpy(before, memblock.reserved.regions, sizeof(before));
	test_log_clear();
	CHECK_INT(memblock_reserve(SZ_512M, 0x1000), -ENOMEM);
	CHECK(logged("memblock: reserved array is full (%d regions) and resizing is not allowed yet", N));
	CHECK_EQ(memblock.reserved.cnt, N);
	CHECK_EQ(memblock.reserved.max, N);
	CHECK(!memcmp(before, memblock.reserved.regions, sizeof(before)));
	/* Adding inside an existing region needs no slot... */
	CHECK_INT(memblock_reserve(SZ_16M, 0x800), 0);
	/* ...but each uncovered part needs one before merging, as in Linux. */
	CHECK_INT(memblock_reserve(SZ_16M + 0x1000, 0x1000), -ENOMEM);
	CHECK(!memcmp(before, memblock.reserved.regions, sizeof(before)));
}

static void full_memory_array_without_resize(void)
{
	for (unsigned long i = 0; i < N; i++)
		CHECK_INT(memblock_add(i * SZ_2M, SZ_1M), 0);
	CHECK_INT(memblock_add(SZ_1G, SZ_1M), -ENOMEM);
	CHECK(logged("memblock: memory array is full (%d regions) and resizing is not allowed yet", N));
	/* One add spanning two gaps at once: all or nothing. */
	CHECK_INT(memblock_add(SZ_1M - 0x1000, 4 * SZ_1M), -ENOMEM);
	CHECK_EQ(memblock.memory.cnt, N);
	CHECK_EQ(memblock.memory.total_size, N * SZ_1M);
}

static void reserved_grows(void)
{
	phys_addr_t top = SZ_1G;
	phys_addr_t bytes = array_bytes(2 * N);

	memblock_add(0, top);
	memblock_allow_resize();
	reserve_many(SZ_16M, N + 1);
	CHECK_EQ(memblock.reserved.max, 2 * N);
	/* 129 reservations plus the new array itself, placed top-down. */
	CHECK_EQ(memblock.reserved.cnt, N + 2);
	CHECK(memblock.reserved.regions != __memblock_init_regions[MB_RSV]);
	CHECK_EQ(memblock.reserved.regions[N + 1].base, top - bytes);
	CHECK_EQ(memblock.reserved.regions[N + 1].size, bytes);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), top - bytes);
	CHECK(type_invariant_violation(&memblock.reserved) == NULL);
	/* Everything reserved before is still there. */
	for (unsigned long i = 0; i <= N; i++)
		CHECK_EQ(memblock.reserved.regions[i].base, SZ_16M + i * 0x10000);
}

static void memory_grows_and_array_is_reserved(void)
{
	phys_addr_t bytes = array_bytes(2 * N);

	memblock_allow_resize();
	for (unsigned long i = 0; i <= N; i++)
		CHECK_INT(memblock_add(i * SZ_2M, SZ_1M), 0);
	CHECK_EQ(memblock.memory.max, 2 * N);
	CHECK_EQ(memblock.memory.cnt, N + 1);
	/*
	 * The new array is reserved at the top of the highest free memory
	 * that already existed: not in the region being added.
	 */
	EXPECT_TYPE(&memblock.reserved, R((N - 1) * SZ_2M + SZ_1M - bytes, bytes));
	CHECK_EQ(test_virt_to_phys(memblock.memory.regions),
		 (N - 1) * SZ_2M + SZ_1M - bytes);
}

static void grows_twice_and_frees_old_array(void)
{
	phys_addr_t bytes2 = array_bytes(2 * N);
	phys_addr_t bytes4 = array_bytes(4 * N);

	memblock_add(0, SZ_1G);
	memblock_allow_resize();
	reserve_many(SZ_16M, 2 * N);	/* forces 128 -> 256 -> 512 */
	CHECK_EQ(memblock.reserved.max, 4 * N);
	/* The second array sits below the first, which was freed again. */
	CHECK(!memblock_is_region_reserved(SZ_1G - bytes2, bytes2));
	CHECK(memblock_is_region_reserved(SZ_1G - bytes2 - bytes4, bytes4));
	CHECK_EQ(memblock.reserved.cnt, 2 * N + 1);
	CHECK(type_invariant_violation(&memblock.reserved) == NULL);
}

static void growth_avoids_range_being_reserved(void)
{
	phys_addr_t bytes = array_bytes(2 * N);

	/* The top of memory is the very range whose reservation triggers growth. */
	memblock_add(0, SZ_64K * (N + 8));
	memblock_allow_resize();
	reserve_many(SZ_64K, N - 1);
	CHECK_EQ(memblock.reserved.cnt, N - 1);
	CHECK_INT(memblock_reserve(SZ_64K * N + 0x1000, 0x8000), 0);
	CHECK_INT(memblock_reserve(SZ_64K * (N + 8) - bytes, bytes), 0);
	CHECK_EQ(memblock.reserved.max, 2 * N);
	/* The new array must not overlap what was being reserved. */
	CHECK(!memblock_addrs_overlap(test_virt_to_phys(memblock.reserved.regions),
				      bytes, SZ_64K * (N + 8) - bytes, bytes));
	CHECK(type_invariant_violation(&memblock.reserved) == NULL);
}

static void growth_without_free_memory_fails_cleanly(void)
{
	struct memblock_region before[N];

	memblock_reserve(0, PHYS_ADDR_MAX);	/* nothing will ever be free */
	memblock_allow_resize();
	for (unsigned long i = 0; i < N; i++)
		CHECK_INT(memblock_add(SZ_1G + i * SZ_2M, SZ_1M), 0);
	CHECK_EQ(memblock.memory.cnt, N);
	memcpy(before, memblock.memory.regions, sizeof(before));
	CHECK_INT(memblock_add(SZ_4G - SZ_1G, SZ_1M), -ENOMEM);
	CHECK(logged("memblock: Failed to double memory array from %d to %d entries !", N, 2 * N));
	CHECK(!memcmp(before, memblock.memory.regions, sizeof(before)));
	CHECK_EQ(memblock.memory.max, N);
	EXPECT_TYPE(&memblock.reserved, R(0, PHYS_ADDR_MAX));
}

static void growth_respects_current_limit(void)
{
	phys_addr_t bytes = array_bytes(2 * N);

	memblock_add(0, SZ_1G);
	memblock_set_current_limit(SZ_256M);
	memblock_allow_resize();
	reserve_many(SZ_16M, N + 1);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), SZ_256M - bytes);
}

static void physmem_grows(void)
{
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	memblock_add(0, SZ_1G);
	for (unsigned long i = 0; i < INIT_PHYSMEM_REGIONS; i++)
		CHECK_INT(memblock_physmem_add(i * SZ_2M, SZ_1M), 0);
	CHECK_INT(memblock_physmem_add(SZ_256M, SZ_1M), -ENOMEM);
	memblock_allow_resize();
	CHECK_INT(memblock_physmem_add(SZ_256M, SZ_1M), 0);
	CHECK_EQ(memblock.physmem.cnt, INIT_PHYSMEM_REGIONS + 1);
	CHECK(memblock.physmem.max >= INIT_PHYSMEM_REGIONS + 1);
	CHECK_EQ(memblock.reserved.cnt, 1);
#endif
}

/* Reserved grown once, at the top of [0, 1G): returns the array's base. */
static phys_addr_t reserved_grown_at_top(void)
{
	memblock_add(0, SZ_1G);
	memblock_allow_resize();
	reserve_many(SZ_16M, N + 1);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions),
		 SZ_1G - array_bytes(2 * N));
	return SZ_1G - array_bytes(2 * N);
}

static void reserve_over_live_array_moves_it(void)
{
	phys_addr_t bytes = array_bytes(2 * N);
	phys_addr_t a1 = reserved_grown_at_top();

	/* The caller claims the whole array: it moves just below. */
	CHECK_INT(memblock_reserve(a1, bytes), 0);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), a1 - bytes);
	CHECK_EQ(memblock.reserved.max, 2 * N);
	CHECK_EQ(memblock.reserved.cnt, N + 2);
	/* New array and the caller's old bytes touch: one region. */
	CHECK_EQ(memblock.reserved.regions[N + 1].base, a1 - bytes);
	CHECK_EQ(memblock.reserved.regions[N + 1].size, 2 * bytes);
	for (unsigned long i = 0; i <= N; i++)
		CHECK_EQ(memblock.reserved.regions[i].base, SZ_16M + i * 0x10000);
	CHECK(type_invariant_violation(&memblock.reserved) == NULL);
}

static void reserve_over_part_of_live_array(void)
{
	phys_addr_t bytes = array_bytes(2 * N);
	phys_addr_t a1 = reserved_grown_at_top();

	/* The caller claims the first 2K: the rest of the old array goes. */
	CHECK_INT(memblock_reserve(a1, 0x800), 0);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), a1 - bytes);
	CHECK_EQ(memblock.reserved.cnt, N + 2);
	/* The new array, then the caller's 2K: touching, one region. */
	CHECK_EQ(memblock.reserved.regions[N + 1].base, a1 - bytes);
	CHECK_EQ(memblock.reserved.regions[N + 1].size, bytes + 0x800);
	CHECK(!memblock_is_reserved(a1 + 0x800));
	CHECK_EQ(memblock.reserved.total_size, (N + 1) * 0x1000 + bytes + 0x800);
}

/*
 * A free around a live array is cut in two pieces, both inside one
 * reserved region (the array's bytes and the caller's claims on either
 * side, merged): the first cut splits it, so the second must find the
 * region's upper part one index later.
 */
static void free_around_live_array_cuts_both_sides(void)
{
	phys_addr_t bytes = array_bytes(2 * N);
	phys_addr_t a1 = reserved_grown_at_top();
	const struct memblock_region *r;

	CHECK_INT(memblock_reserve(a1 - 0x4000, 0x4000), 0);
	CHECK_INT(memblock_reserve(SZ_1G, 0x4000), 0);
	CHECK_EQ(memblock.reserved.cnt, N + 2);
	CHECK_INT(memblock_phys_free(a1 - 0x2000, bytes + 0x4000), 0);
	/* The array did not move; only the caller's bytes went. */
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), a1);
	CHECK_EQ(memblock.reserved.cnt, N + 4);
	r = &memblock.reserved.regions[N + 1];
	CHECK_EQ(r[0].base, a1 - 0x4000);
	CHECK_EQ(r[0].size, 0x2000);
	CHECK_EQ(r[1].base, a1);
	CHECK_EQ(r[1].size, bytes);
	CHECK_EQ(r[2].base, SZ_1G + 0x2000);
	CHECK_EQ(r[2].size, 0x2000);
	CHECK_EQ(memblock.reserved.total_size,
		 (N + 1) * 0x1000 + bytes + 0x4000);
	CHECK(type_invariant_violation(&memblock.reserved) == NULL);
}

/*
 * A free that cuts the middle out of a reservation needs one more slot:
 * with "reserved" full (static, 128 entries) it grows first, as an add
 * would, and the split lands in the new array.
 */
static void free_splitting_full_reserved_grows_it(void)
{
	phys_addr_t bytes = array_bytes(2 * N);
	const struct memblock_region *r;

	memblock_add(0, SZ_1G);
	memblock_allow_resize();
	reserve_many(SZ_16M, N - 1);
	CHECK_INT(memblock_reserve(SZ_512M, 0x10000), 0);
	CHECK_EQ(memblock.reserved.cnt, N);
	CHECK(memblock.reserved.regions == __memblock_init_regions[MB_RSV]);
	CHECK_INT(memblock_phys_free(SZ_512M + 0x4000, 0x1000), 0);
	CHECK_EQ(memblock.reserved.max, 2 * N);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), SZ_1G - bytes);
	/* N - 1 small ones, the two halves, the new array itself. */
	CHECK_EQ(memblock.reserved.cnt, N + 2);
	r = &memblock.reserved.regions[N - 1];
	CHECK_EQ(r[0].base, SZ_512M);
	CHECK_EQ(r[0].size, 0x4000);
	CHECK_EQ(r[1].base, SZ_512M + 0x5000);
	CHECK_EQ(r[1].size, 0xb000);
	CHECK_EQ(r[2].base, SZ_1G - bytes);
	CHECK_EQ(r[2].size, bytes);
	CHECK_EQ(memblock.reserved.total_size,
		 (N - 1) * 0x1000 + 0xf000 + bytes);
	CHECK(type_invariant_violation(&memblock.reserved) == NULL);
}

static void remove_under_live_array_moves_it(void)
{
	phys_addr_t bytes = array_bytes(2 * N);
	phys_addr_t a1 = reserved_grown_at_top();

	/* Memory under the array goes: the array moves below the range. */
	CHECK_INT(memblock_remove(SZ_1G - SZ_1M, SZ_1M), 0);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions),
		 SZ_1G - SZ_1M - bytes);
	CHECK(!memblock_is_reserved(a1));
	CHECK_EQ(memblock.reserved.cnt, N + 2);
	/* Marking NOMAP moves it again. */
	CHECK_INT(memblock_mark_nomap(SZ_1G - 2 * SZ_1M, SZ_1M), 0);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions),
		 SZ_1G - 2 * SZ_1M - bytes);
	CHECK_EQ(memblock.reserved.cnt, N + 2);
	CHECK_EQ(memblock.reserved.total_size, (N + 1) * 0x1000 + bytes);
}

static void trim_moves_live_array_into_aligned_memory(void)
{
	phys_addr_t bytes = array_bytes(2 * N);

	/* The array sits in the unaligned tail that trimming cuts off. */
	memblock_add(0, SZ_1G + 0x3000);
	memblock_allow_resize();
	reserve_many(SZ_16M, N + 1);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions),
		 SZ_1G + 0x3000 - bytes);
	memblock_trim_memory(SZ_2M);
	EXPECT_TYPE(&memblock.memory, R(0, SZ_1G));
	/* Moved to a 2M-aligned block, so whatever the trim keeps holds it. */
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), SZ_1G - SZ_2M);
	CHECK_EQ(memblock.reserved.regions[N + 1].base, SZ_1G - SZ_2M);
	CHECK_EQ(memblock.reserved.regions[N + 1].size, bytes);
	CHECK_EQ(memblock.reserved.cnt, N + 2);
}

static void move_without_room_fails_cleanly(void)
{
	struct memblock before;
	phys_addr_t a1 = SZ_1G - array_bytes(2 * N);

	/* Reserved grown at the top; the other claims are not memory. */
	memblock_add(0, SZ_1G);
	memblock_allow_resize();
	reserve_many(SZ_2G, N + 1);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), a1);
	/* Nothing free but the array itself. */
	CHECK_INT(memblock_reserve(0, a1), 0);
	before = memblock;
	test_log_clear();
	CHECK_INT(memblock_remove(a1, SZ_4K), -ENOMEM);
	CHECK(logged("memblock_remove: no free memory to move the memblock reserved array to"));
	CHECK(!memcmp(&before, &memblock, sizeof(memblock)));
	CHECK_INT(memblock_reserve(a1, SZ_4K), -ENOMEM);
	CHECK(!memcmp(&before, &memblock, sizeof(memblock)));
}

static void no_growth_after_free_all(void)
{
	for (unsigned long i = 0; i < N; i++)
		CHECK_INT(memblock_add(i * SZ_2M, SZ_1M), 0);
	memblock_allow_resize();
	memblock_free_all();
	test_log_clear();
	/* Hotplug after the hand-off: no free memory is memblock's to grow into. */
	CHECK_INT(memblock_add(SZ_1G, SZ_1M), -ENOMEM);
	CHECK(logged("memblock_add: memblock memory array cannot grow after memblock_free_all()"));
	CHECK_EQ(memblock.memory.max, N);
}

static void reserve_over_tail_of_live_array(void)
{
	phys_addr_t bytes = array_bytes(2 * N);
	phys_addr_t a1 = reserved_grown_at_top();

	/* The caller claims the last 2K: the head of the old array goes. */
	CHECK_INT(memblock_reserve(a1 + bytes - 0x800, 0x800), 0);
	CHECK_EQ(test_virt_to_phys(memblock.reserved.regions), a1 - bytes);
	CHECK_EQ(memblock.reserved.cnt, N + 3);
	CHECK_EQ(memblock.reserved.regions[N + 1].base, a1 - bytes);
	CHECK_EQ(memblock.reserved.regions[N + 1].size, bytes);
	CHECK_EQ(memblock.reserved.regions[N + 2].base, a1 + bytes - 0x800);
	CHECK_EQ(memblock.reserved.regions[N + 2].size, 0x800);
}

static void move_needs_resizing_allowed(void)
{
	struct memblock before;
	phys_addr_t a1 = reserved_grown_at_top();

	memblock_can_resize = 0;
	before = memblock;
	test_log_clear();
	CHECK_INT(memblock_reserve(a1, SZ_4K), -ENOMEM);
	CHECK(logged("memblock_reserve: memblock reserved array is in the way and resizing is not allowed"));
	CHECK(!memcmp(&before, &memblock, sizeof(memblock)));
}

static void foreign_type_never_grows(void)
{
	struct memblock_region regions[2] = {
		{ 0, SZ_1M, MEMBLOCK_NONE, MAX_NUMNODES },
		{ SZ_2M, SZ_1M, MEMBLOCK_NONE, MAX_NUMNODES },
	};
	struct memblock_type t = {
		.cnt = 2, .max = 2, .total_size = 2 * SZ_1M,
		.regions = regions, .name = (char *)"mine",
	};

	memblock_add(0, SZ_1G);
	memblock_allow_resize();
	/* Not one of memblock's types: a split needs room it does not have. */
	CHECK_INT(memblock_set_node(SZ_64K, SZ_64K, &t, 1), -ENOMEM);
	CHECK(t.regions == regions);
	CHECK_INT(memblock_set_node(0, SZ_1M, &t, 1), 0);
	CHECK_EQ(regions[0].nid, 1);
	EXPECT_EMPTY(&memblock.reserved);
}

static void discarded_arrays_are_not_grown(void)
{
	memblock_add(0, SZ_1M);
	memblock_free_all();
	memblock_discard();
	/* The empty arrays discard leaves are memblock's static ones. */
	CHECK(memblock.memory.regions == __memblock_discarded[MB_MEM]);
	CHECK(memblock.reserved.regions == __memblock_discarded[MB_RSV]);
}

/*
 * Growth is sized by what "reserved" holds after an add has merged: the
 * prediction must be exact for any add (random ranges, nodes and flags).
 */
static void add_result_predicts_the_merge(void)
{
	unsigned long long r = 12;

	for (int n = 0; n < 3000; n++) {
		phys_addr_t b, sz;
		unsigned long want;
		struct rgn_win w;
		int nid;
		enum memblock_flags fl;

		r = r * 6364136223846793005ULL + 1442695040888963407ULL;
		b = ((r >> 20) % 512) * SZ_4K;
		sz = (1 + ((r >> 40) % 24)) * SZ_4K;
		nid = (r >> 50) % 3 ? MAX_NUMNODES : (int)((r >> 52) % 2);
		fl = (r >> 56) % 4 ? MEMBLOCK_NONE : MEMBLOCK_HOTPLUG;
		if (memblock.memory.cnt + 30 > memblock.memory.max)
			test_reset();
		__memblock_rgn_window(&memblock.memory, b, b + sz, true, &w);
		want = __memblock_rgn_add_result(&memblock.memory, &w, b, b + sz,
				      nid == MAX_NUMNODES ? MAX_NUMNODES : nid, fl);
		CHECK_INT(memblock_add_node(b, sz, nid, fl), 0);
		if (memblock.memory.cnt != want) {
			tap_fail(__FILE__, __LINE__, "add %d [%#llx+%#llx]: %lu regions, predicted %lu",
				 n, (unsigned long long)b, (unsigned long long)sz,
				 memblock.memory.cnt, want);
			break;
		}
		if ((r >> 60) % 4 == 0)
			CHECK_INT(memblock_remove(((r >> 8) % 512) * SZ_4K, 3 * SZ_4K), 0);
	}
}

/* %pa's digits: all of a phys_addr_t's. */
#define PA	"0x%0*llx"
#define PA_ARG(x)	(int)(2 * sizeof(phys_addr_t)), (unsigned long long)(x)

/* The debug lines of a growth and of a move, whole, logged after the call. */
static void resize_debug_lines(void)
{
	phys_addr_t bytes = array_bytes(2 * N);
	phys_addr_t a1;

	memblock_debug = 1;
	a1 = reserved_grown_at_top();
	CHECK(logged("memblock: reserved is doubled to %d at [" PA "-" PA "]",
		     2 * N, PA_ARG(a1), PA_ARG(a1 + bytes - 1)));
	test_log_clear();
	CHECK_INT(memblock_reserve(a1, SZ_4K), 0);
	CHECK(logged("memblock: reserved array is moved to [" PA "-" PA "]",
		     PA_ARG(a1 - bytes), PA_ARG(a1 - 1)));
	/* Logged last: after the reservation's own trace line. */
	CHECK(test_log_find("moved to") == test_log_lines - 1);
}

/* After the hand-off an array in the way cannot move either. */
static void no_move_after_free_all(void)
{
	struct memblock before;
	phys_addr_t a1 = reserved_grown_at_top();

	memblock_free_all();
	before = memblock;
	test_log_clear();
	CHECK_INT(memblock_remove(a1, SZ_4K), -ENOMEM);
	CHECK(logged("memblock_remove: memblock reserved array cannot move after memblock_free_all()"));
	CHECK(!memcmp(&before, &memblock, sizeof(memblock)));
}

static const struct test_case cases[] = {
	TEST_CASE(full_array_without_resize),
	TEST_CASE(full_memory_array_without_resize),
	TEST_CASE(reserved_grows),
	TEST_CASE(memory_grows_and_array_is_reserved),
	TEST_CASE(grows_twice_and_frees_old_array),
	TEST_CASE(growth_avoids_range_being_reserved),
	TEST_CASE(growth_without_free_memory_fails_cleanly),
	TEST_CASE(growth_respects_current_limit),
	TEST_CASE(physmem_grows),
	TEST_CASE(reserve_over_live_array_moves_it),
	TEST_CASE(reserve_over_part_of_live_array),
	TEST_CASE(free_around_live_array_cuts_both_sides),
	TEST_CASE(free_splitting_full_reserved_grows_it),
	TEST_CASE(remove_under_live_array_moves_it),
	TEST_CASE(trim_moves_live_array_into_aligned_memory),
	TEST_CASE(move_without_room_fails_cleanly),
	TEST_CASE(no_growth_after_free_all),
	TEST_CASE(reserve_over_tail_of_live_array),
	TEST_CASE(move_needs_resizing_allowed),
	TEST_CASE(foreign_type_never_grows),
	TEST_CASE(discarded_arrays_are_not_grown),
	TEST_CASE(add_result_predicts_the_merge),
	TEST_CASE(resize_debug_lines),
	TEST_CASE(no_move_after_free_all),
};
TAP_MAIN(cases)
