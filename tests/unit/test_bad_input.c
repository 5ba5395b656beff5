// SPDX-License-Identifier: BSD-2-Clause
/*
 * The bad-input table: every public function against zero sizes, ranges
 * that overflow or touch PHYS_ADDR_MAX, bad alignments, bad nodes, full
 * arrays and NULL pointers. Each row is one TAP test: it sets up a known
 * state, snapshots struct memblock, its arrays and the knobs byte for byte,
 * makes the call, checks the documented result and then either that
 * nothing changed or the documented clamping.
 *
 * docs/bad-input.md is this table: "test_bad_input --markdown" prints it
 * and the bad-input-doc suite fails when the two differ
 * (make bad-input-doc regenerates it).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "harness.h"

#define MAXA		PHYS_ADDR_MAX
#define TOP(n)		(PHYS_ADDR_MAX - (phys_addr_t)(n) + 1)	/* n bytes below the top */
#define HUGE_ALIGN	((phys_addr_t)1 << (sizeof(phys_addr_t) * 8 - 1))
#define P(x)		((long long)(uintptr_t)(x))

/* Initial states. */
enum setup {
	STD,		/* memory, reserved and physmem in use, nothing full */
	FULL_MEM,	/* memory holds max regions, resizing not allowed */
	FULL_MEM_NOSPACE,	/* ... resizing allowed but no free memory */
	FULL_RSV,	/* reserved holds max regions */
	FULL_PHYS,	/* physmem holds max regions */
	EMPTY,		/* nothing at all */
	FREED,		/* standard, then memblock_free_all() */
	DISCARDED,	/* freed, then memblock_discard() */
};

/* What the row expects of the state after the call. */
enum after {
	SAME,		/* byte-for-byte unchanged */
	CHECK_POST,	/* the documented change: the row's post condition */
	PANIC,		/* the call must panic */
};

/*
 * X(name, function, input, documented result, setup, call, want, after,
 *   post condition)
 */
#define BAD_INPUTS(X)							\
	/* memblock_add_node */						\
	X(add_node_size0, "memblock_add_node", "size 0", "0, no change", \
	  STD, memblock_add_node(SZ_64M, 0, 0, 0), 0, SAME, 1)		\
	X(add_node_overflow, "memblock_add_node",			\
	  "base + size past the top", "0, clamped to end at PHYS_ADDR_MAX", \
	  STD, memblock_add_node(TOP(SZ_4K), SZ_64K, 1, 0), 0, CHECK_POST, \
	  last_mem_is(TOP(SZ_4K), SZ_4K - 1, 1))				\
	X(add_node_at_max, "memblock_add_node", "base PHYS_ADDR_MAX, size 1", \
	  "0, no change (clamped to size 0)", STD,			\
	  memblock_add_node(MAXA, 1, 0, 0), 0, SAME, 1)			\
	X(add_node_whole, "memblock_add_node", "base 0, size PHYS_ADDR_MAX", \
	  "0, the holes are filled up to PHYS_ADDR_MAX", STD,		\
	  memblock_add_node(0, MAXA, 2, 0), 0, CHECK_POST,		\
	  memblock_is_region_memory(0, MAXA) &&				\
	  memblock_end_of_DRAM() == MAXA && mem_nid_at(SZ_1M) == 0 &&	\
	  mem_nid_at(0) == 2)						\
	X(add_node_nid_m2, "memblock_add_node", "nid -2", "-EINVAL, no change", \
	  STD, memblock_add_node(SZ_64M, SZ_1M, -2, 0), -EINVAL, SAME, 1) \
	X(add_node_nid_big, "memblock_add_node", "nid MAX_NUMNODES + 1", \
	  "-EINVAL, no change", STD,					\
	  memblock_add_node(SZ_64M, SZ_1M, MAX_NUMNODES + 1, 0), -EINVAL, \
	  SAME, 1)							\
	X(add_node_nid_intmin, "memblock_add_node", "nid INT_MIN",	\
	  "-EINVAL, no change", STD,					\
	  memblock_add_node(SZ_64M, SZ_1M, INT_MIN, 0), -EINVAL, SAME, 1) \
	X(add_node_nid_max, "memblock_add_node", "nid MAX_NUMNODES",	\
	  "0, stored as MAX_NUMNODES", STD,				\
	  memblock_add_node(SZ_64M, SZ_1M, MAX_NUMNODES, 0), 0, CHECK_POST, \
	  mem_nid_at(SZ_64M) == MAX_NUMNODES)				\
	X(add_node_nid_none, "memblock_add_node", "nid NUMA_NO_NODE",	\
	  "0, stored as given (-1, Linux 6.12)", STD,			\
	  memblock_add_node(SZ_64M, SZ_1M, NUMA_NO_NODE, 0), 0, CHECK_POST, \
	  mem_nid_at(SZ_64M) == NUMA_NO_NODE)				\
	X(add_node_flags, "memblock_add_node", "unknown flag 0x20",	\
	  "-EINVAL, no change", STD,					\
	  memblock_add_node(SZ_64M, SZ_1M, 0, (enum memblock_flags)0x20), \
	  -EINVAL, SAME, 1)						\
	X(add_node_flags_high, "memblock_add_node", "unknown flag 0x80000000", \
	  "-EINVAL, no change", STD,					\
	  memblock_add_node(SZ_64M, SZ_1M, 0, (enum memblock_flags)0x80000000u), \
	  -EINVAL, SAME, 1)						\
	X(add_node_full, "memblock_add_node", "full array, no resize",	\
	  "-ENOMEM, no change", FULL_MEM,				\
	  memblock_add_node(TOP(SZ_1M), SZ_4K, 0, 0), -ENOMEM, SAME, 1)	\
	X(add_node_full_nospace, "memblock_add_node",			\
	  "full array, resize allowed, no free memory", "-ENOMEM, no change", \
	  FULL_MEM_NOSPACE, memblock_add_node(TOP(SZ_1M), SZ_4K, 0, 0),	\
	  -ENOMEM, SAME, 1)						\
	X(add_node_full_covered, "memblock_add_node",			\
	  "full array, range already memory", "0, no change (no room needed)", \
	  FULL_MEM, memblock_add_node(SZ_1M, SZ_4K, 3, 0), 0, SAME, 1)	\
	/* memblock_add */						\
	X(add_size0, "memblock_add", "size 0", "0, no change", STD,	\
	  memblock_add(SZ_64M, 0), 0, SAME, 1)				\
	X(add_overflow, "memblock_add", "base + size past the top",	\
	  "0, clamped to end at PHYS_ADDR_MAX", STD,			\
	  memblock_add(TOP(SZ_4K), MAXA), 0, CHECK_POST,		\
	  last_mem_is(TOP(SZ_4K), SZ_4K - 1, MAX_NUMNODES))		\
	X(add_full, "memblock_add", "full array, no resize", "-ENOMEM, no change", \
	  FULL_MEM, memblock_add(TOP(SZ_1M), SZ_4K), -ENOMEM, SAME, 1)	\
	/* memblock_remove */						\
	X(remove_size0, "memblock_remove", "size 0", "0, no change", STD, \
	  memblock_remove(SZ_2M, 0), 0, SAME, 1)			\
	X(remove_overflow, "memblock_remove", "base + size past the top", \
	  "0, clamped (nothing there: no change)", STD,			\
	  memblock_remove(TOP(SZ_4K), SZ_64K), 0, SAME, 1)		\
	X(remove_all, "memblock_remove", "base 0, size PHYS_ADDR_MAX",	\
	  "0, memory empty (cnt 0, regions[0] zeroed)", STD,		\
	  memblock_remove(0, MAXA), 0, CHECK_POST,			\
	  memblock.memory.cnt == 0 && !memblock.memory.regions[0].base && \
	  !memblock.memory.regions[0].size &&				\
	  memblock.memory.regions[0].nid == MAX_NUMNODES &&		\
	  !memblock.memory.total_size)					\
	X(remove_across_top, "memblock_remove",				\
	  "range across PHYS_ADDR_MAX", "0, clamped: the tail is cut", EMPTY, \
	  (memblock_add(TOP(SZ_64K), MAXA), memblock_remove(TOP(SZ_4K), MAXA)), \
	  0, CHECK_POST, memblock.memory.cnt == 1 &&			\
	  memblock.memory.regions[0].base == TOP(SZ_64K) &&		\
	  memblock.memory.regions[0].size == SZ_64K - SZ_4K)		\
	X(remove_full_middle, "memblock_remove",			\
	  "full array, cut the middle out of a region", "-ENOMEM, no change", \
	  FULL_MEM, memblock_remove(SZ_1M + SZ_4K, SZ_4K), -ENOMEM, SAME, 1) \
	X(remove_full_edge, "memblock_remove",				\
	  "full array, cut the end of a region", "0, no slot needed",	\
	  FULL_MEM, memblock_remove(SZ_1M, SZ_4K), 0, CHECK_POST,	\
	  !memblock_is_memory(SZ_1M) && memblock_is_memory(SZ_1M + SZ_4K)) \
	/* memblock_reserve */						\
	X(reserve_size0, "memblock_reserve", "size 0", "0, no change", STD, \
	  memblock_reserve(SZ_64M, 0), 0, SAME, 1)			\
	X(reserve_overflow, "memblock_reserve", "base + size past the top", \
	  "0, clamped to end at PHYS_ADDR_MAX", STD,			\
	  memblock_reserve(TOP(SZ_4K), SZ_64K), 0, CHECK_POST,		\
	  last_rsv_is(TOP(SZ_4K), SZ_4K - 1))				\
	X(reserve_at_max, "memblock_reserve", "base PHYS_ADDR_MAX, size PHYS_ADDR_MAX", \
	  "0, no change (clamped to size 0)", STD,			\
	  memblock_reserve(MAXA, MAXA), 0, SAME, 1)			\
	X(reserve_full, "memblock_reserve", "full array, no resize",	\
	  "-ENOMEM, no change", FULL_RSV, memblock_reserve(TOP(SZ_1M), SZ_4K), \
	  -ENOMEM, SAME, 1)						\
	/* memblock_phys_free */					\
	X(phys_free_size0, "memblock_phys_free", "size 0", "0, no change", \
	  STD, memblock_phys_free(SZ_2M, 0), 0, SAME, 1)		\
	X(phys_free_overflow, "memblock_phys_free", "base + size past the top", \
	  "0, clamped (nothing there: no change)", STD,			\
	  memblock_phys_free(TOP(SZ_4K), MAXA), 0, SAME, 1)		\
	X(phys_free_across_top, "memblock_phys_free",			\
	  "range across PHYS_ADDR_MAX", "0, clamped: the tail is freed", EMPTY, \
	  (memblock_reserve(TOP(SZ_64K), MAXA),				\
	   memblock_phys_free(TOP(SZ_8K), SZ_64K)), 0, CHECK_POST,	\
	  memblock.reserved.cnt == 1 &&					\
	  memblock.reserved.regions[0].base == TOP(SZ_64K) &&		\
	  memblock.reserved.regions[0].size == SZ_64K - SZ_8K)		\
	X(phys_free_full_middle, "memblock_phys_free",			\
	  "full array, cut the middle out of a reservation",		\
	  "-ENOMEM, no change", FULL_RSV,				\
	  memblock_phys_free(SZ_1M + 0x100, 0x100), -ENOMEM, SAME, 1)	\
	/* memblock_free */						\
	X(free_null, "memblock_free", "NULL", "nothing", STD,		\
	  (memblock_free(NULL, SZ_1M), 0), 0, SAME, 1)			\
	X(free_size0, "memblock_free", "size 0", "nothing", STD,	\
	  (memblock_free(test_phys_to_virt(SZ_2M), 0), 0), 0, SAME, 1)	\
	X(free_full_middle, "memblock_free",				\
	  "full array, cut the middle out of a reservation",		\
	  "nothing freed, error logged", FULL_RSV,			\
	  (memblock_free(test_phys_to_virt(SZ_1M + 0x100), 0x100),	\
	   test_log_find("failed") >= 0), 1, SAME, 1)			\
	/* memblock_physmem_add */					\
	X(physmem_add_size0, "memblock_physmem_add", "size 0", "0, no change", \
	  STD, memblock_physmem_add(SZ_1G, 0), 0, SAME, 1)		\
	X(physmem_add_overflow, "memblock_physmem_add",		\
	  "base + size past the top", "0, clamped to end at PHYS_ADDR_MAX", \
	  STD, memblock_physmem_add(TOP(SZ_4K), SZ_64K), 0, CHECK_POST,	\
	  memblock.physmem.regions[memblock.physmem.cnt - 1].base +	\
	  memblock.physmem.regions[memblock.physmem.cnt - 1].size == MAXA) \
	X(physmem_add_full, "memblock_physmem_add", "full array (4), no resize", \
	  "-ENOMEM, no change", FULL_PHYS,				\
	  memblock_physmem_add(TOP(SZ_1M), SZ_4K), -ENOMEM, SAME, 1)	\
	/* flags */							\
	X(mark_hotplug_size0, "memblock_mark_hotplug", "size 0", "0, no change", \
	  STD, memblock_mark_hotplug(SZ_2M, 0), 0, SAME, 1)		\
	X(mark_hotplug_overflow, "memblock_mark_hotplug",		\
	  "base + size past the top", "0, clamped: the tail is marked", STD, \
	  memblock_mark_hotplug(SZ_16M, MAXA), 0, CHECK_POST,		\
	  !mem_flags_at(SZ_1M) && mem_flags_at(SZ_16M) == MEMBLOCK_HOTPLUG && \
	  mem_flags_at(SZ_32M) == MEMBLOCK_HOTPLUG)			\
	X(mark_hotplug_hole, "memblock_mark_hotplug", "range with no memory", \
	  "0, no change", STD, memblock_mark_hotplug(SZ_256M, SZ_1M), 0, SAME, 1) \
	X(mark_hotplug_full, "memblock_mark_hotplug",			\
	  "full array, range splits a region", "-ENOMEM, no change",	\
	  FULL_MEM, memblock_mark_hotplug(SZ_1M + SZ_4K, SZ_4K), -ENOMEM, \
	  SAME, 1)							\
	X(clear_hotplug_size0, "memblock_clear_hotplug", "size 0",	\
	  "0, no change", STD, memblock_clear_hotplug(SZ_32M, 0), 0, SAME, 1) \
	X(clear_hotplug_full, "memblock_clear_hotplug",		\
	  "full array, range splits a region", "-ENOMEM, no change",	\
	  FULL_MEM, memblock_clear_hotplug(SZ_1M + SZ_4K, SZ_4K), -ENOMEM, \
	  SAME, 1)							\
	X(mark_mirror_no_kernelcore, "memblock_mark_mirror",		\
	  "without kernelcore=mirror", "0, no change (Linux 6.12)", STD, \
	  (mirrored_kernelcore = false,					\
	   memblock_mark_mirror(SZ_1M, SZ_1M)), 0, SAME, 1)		\
	X(mark_mirror_size0, "memblock_mark_mirror", "size 0",		\
	  "0, regions unchanged; memblock_has_mirror() turns true (Linux)", \
	  STD, memblock_mark_mirror(SZ_2M, 0), 0, CHECK_POST,		\
	  memblock_has_mirror() && no_mirror_marked())			\
	X(mark_mirror_at_max, "memblock_mark_mirror",			\
	  "base PHYS_ADDR_MAX, size PHYS_ADDR_MAX",			\
	  "0, regions unchanged; memblock_has_mirror() turns true (Linux)", \
	  STD, memblock_mark_mirror(MAXA, MAXA), 0, CHECK_POST,		\
	  memblock_has_mirror() && no_mirror_marked())			\
	X(mark_mirror_full, "memblock_mark_mirror",			\
	  "full array, range splits a region", "-ENOMEM, no change",	\
	  FULL_MEM, memblock_mark_mirror(SZ_1M + SZ_4K, SZ_4K), -ENOMEM, \
	  SAME, 1)							\
	X(mark_nomap_size0, "memblock_mark_nomap", "size 0", "0, no change", \
	  STD, memblock_mark_nomap(SZ_2M, 0), 0, SAME, 1)		\
	X(mark_nomap_full, "memblock_mark_nomap",			\
	  "full array, range splits a region", "-ENOMEM, no change",	\
	  FULL_MEM, memblock_mark_nomap(SZ_1M + SZ_4K, SZ_4K), -ENOMEM,	\
	  SAME, 1)							\
	X(clear_nomap_size0, "memblock_clear_nomap", "size 0", "0, no change", \
	  STD, memblock_clear_nomap(SZ_2M, 0), 0, SAME, 1)		\
	X(clear_nomap_full, "memblock_clear_nomap",			\
	  "full array, range splits a region", "-ENOMEM, no change",	\
	  FULL_MEM, memblock_clear_nomap(SZ_1M + SZ_4K, SZ_4K), -ENOMEM, \
	  SAME, 1)							\
	X(noinit_size0, "memblock_reserved_mark_noinit", "size 0",	\
	  "0, no change", STD, memblock_reserved_mark_noinit(SZ_2M, 0), 0, \
	  SAME, 1)							\
	X(noinit_overflow, "memblock_reserved_mark_noinit",		\
	  "base + size past the top", "0, clamped: the reservation is marked", \
	  STD, memblock_reserved_mark_noinit(SZ_2M, MAXA), 0, CHECK_POST, \
	  memblock.reserved.regions[0].flags == MEMBLOCK_RSRV_NOINIT)	\
	X(noinit_full, "memblock_reserved_mark_noinit",		\
	  "full array, range splits a reservation", "-ENOMEM, no change", \
	  FULL_RSV, memblock_reserved_mark_noinit(SZ_1M + 0x100, 0x100), \
	  -ENOMEM, SAME, 1)						\
	/* memblock_set_node */						\
	X(set_node_null, "memblock_set_node", "type NULL", "-EINVAL, no change", \
	  STD, memblock_set_node(SZ_1M, SZ_1M, NULL, 0), -EINVAL, SAME, 1) \
	X(set_node_nid_m2, "memblock_set_node", "nid -2", "-EINVAL, no change", \
	  STD, memblock_set_node(SZ_1M, SZ_1M, &memblock.memory, -2),	\
	  -EINVAL, SAME, 1)						\
	X(set_node_nid_big, "memblock_set_node", "nid MAX_NUMNODES + 1", \
	  "-EINVAL, no change", STD,					\
	  memblock_set_node(SZ_1M, SZ_1M, &memblock.memory, MAX_NUMNODES + 1), \
	  -EINVAL, SAME, 1)						\
	X(set_node_nid_none, "memblock_set_node", "nid NUMA_NO_NODE",	\
	  "0, stored as given (-1, Linux 6.12)", STD,			\
	  memblock_set_node(SZ_1M, SZ_16M, &memblock.memory, NUMA_NO_NODE), \
	  0, CHECK_POST, mem_nid_at(SZ_1M) == NUMA_NO_NODE)		\
	X(set_node_size0, "memblock_set_node", "size 0", "0, no change", STD, \
	  memblock_set_node(SZ_1M, 0, &memblock.memory, 1), 0, SAME, 1)	\
	X(set_node_overflow, "memblock_set_node", "base + size past the top", \
	  "0, clamped: the tail gets the node", STD,			\
	  memblock_set_node(SZ_16M, MAXA, &memblock.memory, 5), 0, CHECK_POST, \
	  mem_nid_at(SZ_1M) == 0 && mem_nid_at(SZ_16M) == 5 &&		\
	  mem_nid_at(SZ_32M) == 5)					\
	X(set_node_full, "memblock_set_node", "full array, range splits a region", \
	  "-ENOMEM, no change", FULL_MEM,				\
	  memblock_set_node(SZ_1M + SZ_4K, SZ_4K, &memblock.memory, 1),	\
	  -ENOMEM, SAME, 1)						\
	/* memblock_find_in_range_node */				\
	X(find_node_size0, "memblock_find_in_range_node", "size 0", "0", STD, \
	  memblock_find_in_range_node(0, SZ_4K, 0, MAXA, NUMA_NO_NODE, 0), 0, \
	  SAME, 1)							\
	X(find_node_align3, "memblock_find_in_range_node", "align 3", "0", \
	  STD, memblock_find_in_range_node(SZ_4K, 3, 0, MAXA, NUMA_NO_NODE, 0), \
	  0, SAME, 1)							\
	X(find_node_align0, "memblock_find_in_range_node", "align 0",	\
	  "SMP_CACHE_BYTES alignment, warning", STD,			\
	  memblock_find_in_range_node(0x41, 0, 0, MAXA, NUMA_NO_NODE, 0) ==	\
	  ((SZ_48M - 0x41) & ~(phys_addr_t)(SMP_CACHE_BYTES - 1)) &&	\
	  test_log_find("SMP_CACHE_BYTES") >= 0, 1, SAME, 1)		\
	X(find_node_huge_align, "memblock_find_in_range_node",		\
	  "align 1 << (bits - 1)", "0", STD,				\
	  memblock_find_in_range_node(SZ_4K, HUGE_ALIGN, 0, MAXA, NUMA_NO_NODE, 0), \
	  0, SAME, 1)							\
	X(find_node_huge_size, "memblock_find_in_range_node",		\
	  "size PHYS_ADDR_MAX", "0", STD,				\
	  memblock_find_in_range_node(MAXA, SZ_4K, 0, MAXA, NUMA_NO_NODE, 0), \
	  0, SAME, 1)							\
	X(find_node_start_gt_end, "memblock_find_in_range_node",	\
	  "start above end", "0", STD,					\
	  memblock_find_in_range_node(SZ_4K, SZ_4K, SZ_32M, SZ_2M, NUMA_NO_NODE, 0), \
	  0, SAME, 1)							\
	X(find_node_start_max, "memblock_find_in_range_node",		\
	  "start PHYS_ADDR_MAX", "0", STD,				\
	  memblock_find_in_range_node(1, 1, MAXA, MAXA, NUMA_NO_NODE, 0), \
	  0, SAME, 1)							\
	X(find_node_page0, "memblock_find_in_range_node",		\
	  "range [0, PAGE_SIZE)", "0 (start raised to PAGE_SIZE)", EMPTY, \
	  (memblock_add(0, SZ_1M),					\
	   memblock_find_in_range_node(1, 1, 0, PAGE_SIZE, NUMA_NO_NODE, 0)), \
	  0, CHECK_POST, 1)						\
	X(find_node_bad_nid, "memblock_find_in_range_node", "nid 1000",	\
	  "0 (no region has that node)", STD,				\
	  memblock_find_in_range_node(SZ_4K, SZ_4K, 0, MAXA, 1000, 0), 0, \
	  SAME, 1)							\
	/* memblock_find_in_range */					\
	X(find_size0, "memblock_find_in_range", "size 0", "0", STD,	\
	  memblock_find_in_range(0, MAXA, 0, SZ_4K), 0, SAME, 1)	\
	X(find_align3, "memblock_find_in_range", "align 3", "0", STD,	\
	  memblock_find_in_range(0, MAXA, SZ_4K, 3), 0, SAME, 1)	\
	X(find_overflow_end, "memblock_find_in_range",			\
	  "end MEMBLOCK_ALLOC_ANYWHERE, size near PHYS_ADDR_MAX", "0", STD, \
	  memblock_find_in_range(SZ_1M, MEMBLOCK_ALLOC_ANYWHERE, MAXA - SZ_4K, 1), \
	  0, SAME, 1)							\
	/* memblock_alloc_range_nid */					\
	X(arn_size0, "memblock_alloc_range_nid", "size 0", "0, no change", \
	  STD, memblock_alloc_range_nid(0, SZ_4K, 0, MAXA, NUMA_NO_NODE, false), \
	  0, SAME, 1)							\
	X(arn_align3, "memblock_alloc_range_nid", "align 3", "0, no change", \
	  STD, memblock_alloc_range_nid(SZ_4K, 3, 0, MAXA, NUMA_NO_NODE, false), \
	  0, SAME, 1)							\
	X(arn_huge_align, "memblock_alloc_range_nid", "align 1 << (bits - 1)", \
	  "0, no change", STD,						\
	  memblock_alloc_range_nid(SZ_4K, HUGE_ALIGN, 0, MAXA, NUMA_NO_NODE, false), \
	  0, SAME, 1)							\
	X(arn_huge_size, "memblock_alloc_range_nid", "size PHYS_ADDR_MAX", \
	  "0, no change", STD,						\
	  memblock_alloc_range_nid(MAXA, SZ_4K, 0, MAXA, NUMA_NO_NODE, false), \
	  0, SAME, 1)							\
	X(arn_nid_m2, "memblock_alloc_range_nid", "nid -2", "0, no change", \
	  STD, memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MAXA, -2, false), 0, \
	  SAME, 1)							\
	X(arn_nid_big, "memblock_alloc_range_nid", "nid MAX_NUMNODES + 1", \
	  "0, no change", STD,						\
	  memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MAXA, MAX_NUMNODES + 1, false), \
	  0, SAME, 1)							\
	X(arn_nid_max, "memblock_alloc_range_nid", "nid MAX_NUMNODES",	\
	  "any node, deprecation warning", STD,				\
	  memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MAXA, MAX_NUMNODES, true), \
	  SZ_48M - SZ_4K, CHECK_POST,					\
	  memblock_is_reserved(SZ_48M - SZ_4K) &&			\
	  test_log_find("deprecated") >= 0)				\
	X(arn_start_gt_end, "memblock_alloc_range_nid", "start above end", \
	  "0, no change", STD,						\
	  memblock_alloc_range_nid(SZ_4K, SZ_4K, SZ_32M, SZ_2M, NUMA_NO_NODE, false), \
	  0, SAME, 1)							\
	X(arn_full_rsv, "memblock_alloc_range_nid", "reserved array full", \
	  "0, no change", FULL_RSV,					\
	  memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MAXA, NUMA_NO_NODE, false), \
	  0, SAME, 1)							\
	X(arn_full_rsv_node, "memblock_alloc_range_nid",		\
	  "reserved array full, node 1 then any node", "0, no change", FULL_RSV, \
	  memblock_alloc_range_nid(SZ_4K, SZ_4K, 0, MAXA, 1, false), 0, SAME, 1) \
	/* physical allocation wrappers */				\
	X(par_top, "memblock_phys_alloc_range",			\
	  "memory up to PHYS_ADDR_MAX, end MEMBLOCK_ALLOC_ANYWHERE",	\
	  "highest fit below PHYS_ADDR_MAX (whose byte is never memory)", EMPTY, \
	  (memblock_add(TOP(SZ_64K), MAXA),				\
	   memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, MEMBLOCK_ALLOC_ANYWHERE)), \
	  TOP(SZ_8K), CHECK_POST, memblock_is_reserved(TOP(SZ_8K)) &&	\
	  !memblock_is_reserved(TOP(SZ_4K)))				\
	X(par_size0, "memblock_phys_alloc_range", "size 0", "0, no change", \
	  STD, memblock_phys_alloc_range(0, SZ_4K, 0, MAXA), 0, SAME, 1) \
	X(par_align3, "memblock_phys_alloc_range", "align 3", "0, no change", \
	  STD, memblock_phys_alloc_range(SZ_4K, 3, 0, MAXA), 0, SAME, 1) \
	X(par_start_max, "memblock_phys_alloc_range", "start PHYS_ADDR_MAX", \
	  "0, no change", STD,						\
	  memblock_phys_alloc_range(SZ_4K, SZ_4K, MAXA, MAXA), 0, SAME, 1) \
	X(patn_nid_bad, "memblock_phys_alloc_try_nid", "nid INT_MAX",	\
	  "0, no change", STD,						\
	  memblock_phys_alloc_try_nid(SZ_4K, SZ_4K, INT_MAX), 0, SAME, 1) \
	X(patn_size0, "memblock_phys_alloc_try_nid", "size 0",		\
	  "0, no change", STD, memblock_phys_alloc_try_nid(0, SZ_4K, 0), 0, \
	  SAME, 1)							\
	X(pa_size0, "memblock_phys_alloc", "size 0", "0, no change", STD, \
	  memblock_phys_alloc(0, SZ_4K), 0, SAME, 1)			\
	X(pa_align_max, "memblock_phys_alloc", "align PHYS_ADDR_MAX",	\
	  "0, no change", STD, memblock_phys_alloc(SZ_4K, MAXA), 0, SAME, 1) \
	/* virtual allocation family */					\
	X(aenr_size0, "memblock_alloc_exact_nid_raw", "size 0", "NULL, no change", \
	  STD, P(memblock_alloc_exact_nid_raw(0, SZ_4K, 0, MAXA, 0)), 0, SAME, 1) \
	X(aenr_nid_bad, "memblock_alloc_exact_nid_raw", "nid -2",	\
	  "NULL, no change", STD,					\
	  P(memblock_alloc_exact_nid_raw(SZ_4K, SZ_4K, 0, MAXA, -2)), 0, SAME, 1) \
	X(aenr_nid_empty, "memblock_alloc_exact_nid_raw",		\
	  "node without memory", "NULL, no change (no fallback)", STD,	\
	  P(memblock_alloc_exact_nid_raw(SZ_4K, SZ_4K, 0, MAXA, 7)), 0, SAME, 1) \
	X(atnr_size0, "memblock_alloc_try_nid_raw", "size 0", "NULL, no change", \
	  STD, P(memblock_alloc_try_nid_raw(0, SZ_4K, 0, MAXA, 0)), 0, SAME, 1) \
	X(atnr_align3, "memblock_alloc_try_nid_raw", "align 3",		\
	  "NULL, no change", STD,					\
	  P(memblock_alloc_try_nid_raw(SZ_4K, 3, 0, MAXA, 0)), 0, SAME, 1) \
	X(atn_size0, "memblock_alloc_try_nid", "size 0", "NULL, no change", \
	  STD, P(memblock_alloc_try_nid(0, SZ_4K, 0, MAXA, 0)), 0, SAME, 1) \
	X(atn_nid_big, "memblock_alloc_try_nid", "nid MAX_NUMNODES + 1", \
	  "NULL, no change", STD,					\
	  P(memblock_alloc_try_nid(SZ_4K, SZ_4K, 0, MAXA, MAX_NUMNODES + 1)), \
	  0, SAME, 1)							\
	X(atn_min_gt_max, "memblock_alloc_try_nid", "min_addr above max_addr", \
	  "retried from 0: allocated below max_addr", STD,		\
	  P(memblock_alloc_try_nid(SZ_4K, SZ_4K, SZ_32M, SZ_16M, NUMA_NO_NODE)), \
	  P(test_phys_to_virt(SZ_16M - SZ_4K)), CHECK_POST,		\
	  memblock_is_reserved(SZ_16M - SZ_4K))				\
	X(atn_min_max, "memblock_alloc_try_nid", "min_addr PHYS_ADDR_MAX", \
	  "retried from 0", STD,					\
	  P(memblock_alloc_try_nid(SZ_4K, SZ_4K, MAXA, MEMBLOCK_ALLOC_ACCESSIBLE, \
				   NUMA_NO_NODE)),			\
	  P(test_phys_to_virt(SZ_48M - SZ_4K)), CHECK_POST,		\
	  memblock_is_reserved(SZ_48M - SZ_4K))				\
	X(alloc_size0, "memblock_alloc", "size 0", "NULL, no change", STD, \
	  P(memblock_alloc(0, SZ_4K)), 0, SAME, 1)			\
	X(alloc_align3, "memblock_alloc", "align 3", "NULL, no change", STD, \
	  P(memblock_alloc(SZ_4K, 3)), 0, SAME, 1)			\
	X(alloc_huge, "memblock_alloc", "size PHYS_ADDR_MAX", "NULL, no change", \
	  STD, P(memblock_alloc(MAXA, SZ_4K)), 0, SAME, 1)		\
	X(alloc_raw_size0, "memblock_alloc_raw", "size 0", "NULL, no change", \
	  STD, P(memblock_alloc_raw(0, SZ_4K)), 0, SAME, 1)		\
	X(alloc_from_size0, "memblock_alloc_from", "size 0", "NULL, no change", \
	  STD, P(memblock_alloc_from(0, SZ_4K, SZ_1M)), 0, SAME, 1)	\
	X(alloc_low_size0, "memblock_alloc_low", "size 0", "NULL, no change", \
	  STD, P(memblock_alloc_low(0, SZ_4K)), 0, SAME, 1)		\
	X(alloc_node_bad, "memblock_alloc_node", "nid INT_MIN",		\
	  "NULL, no change", STD, P(memblock_alloc_node(SZ_4K, SZ_4K, INT_MIN)), \
	  0, SAME, 1)							\
	X(alloc_or_panic_size0, "__memblock_alloc_or_panic", "size 0",	\
	  "panics naming the size and the caller", STD,			\
	  P(__memblock_alloc_or_panic(0, SZ_4K, "caller")), 0, PANIC,	\
	  strstr(test_panic_msg, "caller") && strstr(test_panic_msg, " 0 ")) \
	X(alloc_or_panic_null_func, "__memblock_alloc_or_panic",	\
	  "func NULL, size 0", "panics, \"(null)\" as the caller", STD,	\
	  P(__memblock_alloc_or_panic(0, SZ_4K, NULL)), 0, PANIC,	\
	  strstr(test_panic_msg, "(null)") != NULL)			\
	/* queries */							\
	X(is_region_memory_size0, "memblock_is_region_memory", "size 0", \
	  "false", STD, memblock_is_region_memory(SZ_2M, 0), 0, SAME, 1) \
	X(is_region_memory_overflow, "memblock_is_region_memory",	\
	  "base + size past the top", "clamped", EMPTY,			\
	  (memblock_add(TOP(SZ_64K), SZ_64K),				\
	   memblock_is_region_memory(TOP(SZ_64K), MAXA)), 1, CHECK_POST, 1) \
	X(is_region_reserved_size0, "memblock_is_region_reserved", "size 0", \
	  "false", STD, memblock_is_region_reserved(SZ_2M, 0), 0, SAME, 1) \
	X(is_region_reserved_overflow, "memblock_is_region_reserved",	\
	  "base + size past the top", "clamped", STD,			\
	  memblock_is_region_reserved(SZ_2M + 1, MAXA), 1, SAME, 1)	\
	X(overlaps_null, "memblock_overlaps_region", "type NULL", "false", \
	  STD, memblock_overlaps_region(NULL, 0, MAXA), 0, SAME, 1)	\
	X(addrs_overlap_overflow, "memblock_addrs_overlap",		\
	  "sizes past the top", "clamped, no wrap", STD,		\
	  memblock_addrs_overlap(MAXA - 1, MAXA, 0, 1), 0, SAME, 1)	\
	X(addrs_overlap_empty, "memblock_addrs_overlap", "size 0",	\
	  "false", STD, memblock_addrs_overlap(SZ_1M, 0, 0, MAXA), 0, SAME, 1) \
	X(search_pfn_huge, "memblock_search_pfn_nid",			\
	  "pfn beyond phys_addr_t", "-1, outputs untouched", STD,	\
	  search_pfn_untouched(~0UL), -1, SAME, 1)			\
	X(search_pfn_null, "memblock_search_pfn_nid", "NULL outputs",	\
	  "the node", STD, memblock_search_pfn_nid(PFN_DOWN(SZ_32M), NULL, NULL), \
	  1, SAME, 1)							\
	X(next_pfn_range_null, "__next_mem_pfn_range", "NULL outputs",	\
	  "iterates memory", STD, count_pfn_ranges(), 2, SAME, 1)	\
	X(next_mem_range_null, "__next_mem_range",			\
	  "NULL type_b and NULL outputs", "iterates memory", STD,	\
	  count_ranges(), 2, SAME, 1)					\
	/* limits */							\
	X(trim_align0, "memblock_trim_memory", "align 0",		\
	  "ignored (logged), no change", STD,				\
	  (memblock_trim_memory(0), test_log_find("power of 2") >= 0), 1, \
	  SAME, 1)							\
	X(trim_align3, "memblock_trim_memory", "align 3",		\
	  "ignored (logged), no change", STD,				\
	  (memblock_trim_memory(3), test_log_find("power of 2") >= 0), 1, \
	  SAME, 1)							\
	X(trim_huge, "memblock_trim_memory", "align 1 << (bits - 1)",	\
	  "every region vanishes: memory empty", STD,			\
	  (memblock_trim_memory(HUGE_ALIGN), 0), 0, CHECK_POST,		\
	  memblock.memory.cnt == 0 && !memblock.memory.regions[0].size && \
	  !memblock.memory.total_size)					\
	X(trim_top, "memblock_trim_memory", "region ending at PHYS_ADDR_MAX", \
	  "rounded without wrapping", EMPTY,				\
	  (memblock_add(TOP(SZ_1M) + 1, MAXA), memblock_trim_memory(SZ_64K), 0), \
	  0, CHECK_POST,						\
	  memblock.memory.cnt == 1 &&					\
	  memblock.memory.regions[0].base == TOP(SZ_1M) + SZ_64K &&	\
	  memblock.memory.regions[0].size == SZ_1M - 2 * SZ_64K)	\
	X(enforce_0, "memblock_enforce_memory_limit", "limit 0", "no change", \
	  STD, (memblock_enforce_memory_limit(0), 0), 0, SAME, 1)	\
	X(enforce_max, "memblock_enforce_memory_limit", "limit PHYS_ADDR_MAX", \
	  "no change", STD, (memblock_enforce_memory_limit(MAXA), 0), 0, SAME, 1) \
	X(cap_size0, "memblock_cap_memory_range", "size 0", "no change", STD, \
	  (memblock_cap_memory_range(SZ_1M, 0), 0), 0, SAME, 1)		\
	X(cap_overflow, "memblock_cap_memory_range",			\
	  "base 0, size PHYS_ADDR_MAX", "clamped: keeps everything", STD, \
	  (memblock_cap_memory_range(0, MAXA), 0), 0, SAME, 1)		\
	X(cap_empty, "memblock_cap_memory_range", "no memory yet",	\
	  "warning, no change", EMPTY,					\
	  (memblock_reserve(SZ_1M, SZ_1M), memblock_cap_memory_range(SZ_4G / 2, SZ_1M), \
	   test_log_find("No memory") >= 0), 1, CHECK_POST,		\
	  memblock_is_reserved(SZ_1M))					\
	X(cap_full, "memblock_cap_memory_range",			\
	  "full array, range splits a region", "error logged, no change", \
	  FULL_MEM, (memblock_cap_memory_range(SZ_1M + SZ_4K, SZ_4K),	\
		     test_log_find("cannot isolate") >= 0), 1, SAME, 1)	\
	X(mem_limit_0, "memblock_mem_limit_remove_map", "limit 0", "no change", \
	  STD, (memblock_mem_limit_remove_map(0), 0), 0, SAME, 1)	\
	X(mem_limit_max, "memblock_mem_limit_remove_map", "limit PHYS_ADDR_MAX", \
	  "no change", STD, (memblock_mem_limit_remove_map(MAXA), 0), 0, SAME, 1) \
	/* command line */						\
	X(parse_null, "memblock_parse_cmdline", "NULL", "0 (empty)", STD, \
	  memblock_parse_cmdline(NULL), 0, SAME, 1)			\
	X(parse_empty_value, "memblock_parse_cmdline", "\"memblock=\"",	\
	  "0, warning, memblock_debug unchanged", STD,			\
	  memblock_parse_cmdline("memblock="), 0, SAME, 1)		\
	X(cmdline_find_null, "memblock_cmdline_find",			\
	  "NULL command line, NULL outputs", "false", STD,		\
	  memblock_cmdline_find(NULL, "mem", NULL, NULL), 0, SAME, 1)	\
	X(cmdline_find_null_out, "memblock_cmdline_find", "NULL outputs", \
	  "true", STD, memblock_cmdline_find("a mem=1G b", "mem", NULL, NULL), \
	  1, SAME, 1)							\
	X(memparse_overflow, "memblock_memparse", "\"99999999999999999999999\"",	\
	  "ULLONG_MAX (saturates)", STD,				\
	  memblock_memparse("99999999999999999999999", NULL) == ULLONG_MAX, 1, SAME, 1) \
	X(memparse_suffix_overflow, "memblock_memparse", "\"16E\"",		\
	  "ULLONG_MAX (saturates)", STD, memblock_memparse("16E", NULL) == ULLONG_MAX, \
	  1, SAME, 1)							\
	X(memparse_null_ret, "memblock_memparse", "retptr NULL", "the value", STD, \
	  memblock_memparse("0x10k", NULL) == 0x4000, 1, SAME, 1)			\
	/* boot stages (memblock_stage) */				\
	X(reserve_freed, "memblock_reserve", "after memblock_free_all()", \
	  "-EPERM, logged, no change", FREED,				\
	  memblock_reserve(SZ_64M, SZ_1M), -EPERM, SAME, 1)		\
	X(phys_free_freed, "memblock_phys_free", "after memblock_free_all()", \
	  "-EPERM, logged, no change (use memblock_free_late())", FREED,	\
	  memblock_phys_free(SZ_2M, SZ_4K), -EPERM, SAME, 1)		\
	X(free_freed, "memblock_free", "after memblock_free_all()",	\
	  "logged (-EPERM), no change", FREED,				\
	  (memblock_free(test_phys_to_virt(SZ_2M), SZ_4K), logged("-EPERM")), \
	  1, SAME, 1)							\
	X(alloc_freed, "memblock_alloc", "after memblock_free_all()",	\
	  "NULL, logged, no change", FREED, P(memblock_alloc(SZ_4K, SZ_4K)), \
	  0, SAME, 1)							\
	X(phys_alloc_freed, "memblock_phys_alloc_range",		\
	  "after memblock_free_all()", "0, logged, no change", FREED,	\
	  memblock_phys_alloc_range(SZ_4K, SZ_4K, 0, MAXA), 0, SAME, 1)	\
	X(free_all_twice, "memblock_free_all", "second call",		\
	  "0, nothing released, logged, no change", FREED,		\
	  (long long)free_all_count() + (long long)test_freed_cnt +	\
	  !logged("called again"), 0, SAME, 1)				\
	X(free_late_early, "memblock_free_late", "before memblock_free_all()", \
	  "logged (-EPERM), nothing released, no change", STD,		\
	  (memblock_free_late(SZ_2M, SZ_1M), (long long)test_freed_cnt), 0, \
	  SAME, 1)							\
	X(add_discarded, "memblock_add", "after memblock_discard()",	\
	  "-EPERM, logged, no change", DISCARDED,			\
	  memblock_add(SZ_64M, SZ_1M), -EPERM, SAME, 1)			\
	X(reserve_discarded, "memblock_reserve", "after memblock_discard()", \
	  "-EPERM, logged, no change", DISCARDED,			\
	  memblock_reserve(SZ_64M, SZ_1M), -EPERM, SAME, 1)		\
	X(mark_nomap_discarded, "memblock_mark_nomap",			\
	  "after memblock_discard()", "-EPERM, logged, no change", DISCARDED, \
	  memblock_mark_nomap(SZ_1M, SZ_1M), -EPERM, SAME, 1)		\
	X(alloc_discarded, "memblock_alloc", "after memblock_discard()", \
	  "NULL, logged, no change", DISCARDED,				\
	  P(memblock_alloc(SZ_4K, SZ_4K)), 0, SAME, 1)			\
	X(limit_discarded, "memblock_set_current_limit",		\
	  "after memblock_discard()", "logged (-EPERM), no change", DISCARDED, \
	  (memblock_set_current_limit(SZ_16M), logged("-EPERM")), 1, SAME, 1) \
	X(discard_twice, "memblock_discard", "second call",		\
	  "nothing released, logged, no change", DISCARDED,		\
	  (memblock_discard(),						\
	   (long long)test_freed_cnt + !logged("called again")), 0, SAME, 1) \
	/* re-entry from the log hook */				\
	X(reserve_reentry, "memblock_reserve", "from memblock_env_log()", \
	  "-EBUSY, no change", STD, from_log_hook(hook_reserve), -EBUSY, \
	  SAME, 1)							\
	X(add_reentry, "memblock_add", "from memblock_env_log()",	\
	  "-EBUSY, no change", STD, from_log_hook(hook_add), -EBUSY, SAME, 1) \
	X(alloc_reentry, "memblock_phys_alloc", "from memblock_env_log()", \
	  "0, no change", STD, from_log_hook(hook_alloc), 0, SAME, 1)	\
	X(free_all_reentry, "memblock_free_all", "from memblock_env_log()", \
	  "0, nothing released, no change", STD, from_log_hook(hook_free_all), \
	  0, SAME, 1)

/* ---- helpers used by the rows ---- */

#define SZ_8K	0x2000ULL
#define SZ_32M	0x2000000ULL
#define SZ_48M	0x3000000ULL
#define SZ_64M	0x4000000ULL

static const struct memblock_region *mem_at(phys_addr_t addr)
{
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (r->size && r->base <= addr && addr - r->base < r->size)
			return r;
	}
	return NULL;
}

/* No memory region carries MEMBLOCK_MIRROR. */
static bool no_mirror_marked(void)
{
	for (unsigned long i = 0; i < memblock.memory.cnt; i++)
		if (memblock_is_mirror(&memblock.memory.regions[i]))
			return false;
	return true;
}

static int mem_nid_at(phys_addr_t addr)
{
	const struct memblock_region *r = mem_at(addr);

	return r ? r->nid : -100;
}

static unsigned int mem_flags_at(phys_addr_t addr)
{
	const struct memblock_region *r = mem_at(addr);

	return r ? (unsigned int)r->flags : 0xdead;
}

static bool last_is(const struct memblock_type *t, phys_addr_t base,
		    phys_addr_t size, int nid)
{
	const struct memblock_region *r = &t->regions[t->cnt - 1];

	return r->base == base && r->size == size && r->nid == nid &&
	       r->base + r->size == PHYS_ADDR_MAX;
}

static bool last_mem_is(phys_addr_t base, phys_addr_t size, int nid)
{
	return last_is(&memblock.memory, base, size, nid);
}

static bool last_rsv_is(phys_addr_t base, phys_addr_t size)
{
	return last_is(&memblock.reserved, base, size, MAX_NUMNODES) &&
	       !memblock.reserved.regions[memblock.reserved.cnt - 1].flags;
}

static int search_pfn_untouched(unsigned long pfn)
{
	unsigned long s = 7, e = 9;
	int nid = memblock_search_pfn_nid(pfn, &s, &e);

	return s == 7 && e == 9 ? nid : -100;
}

static int count_ranges(void)
{
	u64 i = 0;
	int n = 0;

	for (__next_mem_range(&i, NUMA_NO_NODE, MEMBLOCK_NONE, &memblock.memory,
			      NULL, NULL, NULL, NULL);
	     i != (u64)ULLONG_MAX;
	     __next_mem_range(&i, NUMA_NO_NODE, MEMBLOCK_NONE, &memblock.memory,
			      NULL, NULL, NULL, NULL))
		n++;
	return n;
}

static int count_pfn_ranges(void)
{
	int i, n = 0;

	for_each_mem_pfn_range(i, NUMA_NO_NODE, NULL, NULL, NULL)
		n++;
	return n;
}

/* A log line mentioning @what was captured. */
static bool logged(const char *what)
{
	return test_log_find(what) >= 0;
}

/* Run @call once inside memblock_env_log(), from a read-only dump. */
static long long (*hook_call)(void);
static long long hook_result;

static void bad_input_log_hook(int level, const char *line)
{
	long long (*call)(void) = hook_call;

	(void)level;
	(void)line;
	if (!call)
		return;
	hook_call = NULL;
	hook_result = call();
}

static long long from_log_hook(long long (*call)(void))
{
	hook_call = call;
	hook_result = 12345;
	test_log_hook = bad_input_log_hook;
	memblock_dump_all();
	test_log_hook = NULL;
	return hook_result;
}

static long long hook_reserve(void)
{
	return memblock_reserve(SZ_64M, SZ_1M);
}

static long long hook_add(void)
{
	return memblock_add(SZ_64M, SZ_1M);
}

static long long hook_alloc(void)
{
	return (long long)memblock_phys_alloc(SZ_4K, SZ_4K);
}

static long long hook_free_all(void)
{
	return (long long)free_all_count() + (long long)test_freed_cnt;
}

/* ---- setups ---- */

static void setup(enum setup s)
{
	phys_addr_t base;
	unsigned long n;

	/* Booted with kernelcore=mirror: else marking mirror does nothing. */
	mirrored_kernelcore = true;
	if (s == EMPTY)
		return;
	/* memory [1M, 17M) node 0, [32M, 48M) node 1 hotplug. */
	memblock_add_node(SZ_1M, SZ_16M, 0, MEMBLOCK_NONE);
	memblock_add_node(SZ_32M, SZ_16M, 1, MEMBLOCK_HOTPLUG);
	memblock_reserve(SZ_2M, SZ_1M);
	memblock_physmem_add(0, SZ_64M);
	switch (s) {
	case FULL_MEM:
	case FULL_MEM_NOSPACE:
		/* One-page regions with one-page holes above 64M. */
		n = memblock.memory.max - memblock.memory.cnt;
		for (base = SZ_64M; n--; base += 2 * SZ_4K)
			memblock_add(base, SZ_4K);
		if (s == FULL_MEM_NOSPACE) {
			memblock_reserve(0, PHYS_ADDR_MAX);
			memblock_allow_resize();
		}
		break;
	case FULL_RSV:
		/* The first reservation becomes [1M, 1M + 1K). */
		memblock_phys_free(SZ_2M, SZ_1M);
		n = memblock.reserved.max;
		for (base = SZ_1M; n--; base += 2 * SZ_1K)
			memblock_reserve(base, SZ_1K);
		break;
	case FULL_PHYS:
		n = memblock.physmem.max - memblock.physmem.cnt;
		for (base = SZ_128M; n--; base += 2 * SZ_4K)
			memblock_physmem_add(base, SZ_4K);
		break;
	case FREED:
	case DISCARDED:
		memblock_free_all();
		if (s == DISCARDED)
			memblock_discard();
		test_freed_cnt = 0;
		break;
	default:
		break;
	}
	test_log_clear();
}

/* ---- snapshots ---- */

struct snapshot {
	struct memblock mb;
	struct memblock_region *arr[3];
	unsigned long max[3];
	int debug, can_resize;
	enum memblock_stage stage;
	bool movable, some_mirror;
	phys_addr_t kernel_end;
};

static struct memblock_type *snap_type(struct memblock *mb, int i)
{
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	if (i == 2)
		return &mb->physmem;
#endif
	return i == 0 ? &mb->memory : i == 1 ? &mb->reserved : NULL;
}

static void snap_take(struct snapshot *s)
{
	s->mb = memblock;
	for (int i = 0; i < 3; i++) {
		struct memblock_type *t = snap_type(&memblock, i);

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
	s->movable = movable_node_enabled;
	s->some_mirror = memblock_has_mirror();
	s->kernel_end = test_kernel_end;
}

/* NULL when memblock is byte-for-byte as in the snapshot. */
static const char *snap_diff(const struct snapshot *s)
{
	if (memcmp(&s->mb, &memblock, sizeof(memblock)))
		return "struct memblock changed";
	for (int i = 0; i < 3; i++) {
		struct memblock_type *t = snap_type(&memblock, i);

		if (t && memcmp(s->arr[i], t->regions, s->max[i] * sizeof(*t->regions)))
			return "a region array changed";
	}
	if (s->debug != memblock_debug || s->can_resize != memblock_can_resize ||
	    s->stage != memblock_stage ||
	    s->movable != movable_node_enabled ||
	    s->some_mirror != memblock_has_mirror() ||
	    s->kernel_end != test_kernel_end)
		return "a knob changed";
	return NULL;
}

static void snap_free(struct snapshot *s)
{
	for (int i = 0; i < 3; i++)
		free(s->arr[i]);
}

/* ---- the table ---- */

struct row {
	const char *name, *func, *input, *expect;
	enum setup setup;
	long long (*call)(void);
	long long (*want)(void);
	enum after after;
	bool (*post)(void);
};

#define X_FN(name, func, input, expect, setup, call, want, after, post)	\
	static long long call_##name(void) { return (long long)(call); }	\
	static long long want_##name(void) { return (long long)(want); }	\
	static bool post_##name(void) { return (post); }
BAD_INPUTS(X_FN)

#define X_ROW(name, func, input, expect, setup, call, want, after, post) \
	{ #name, func, input, expect, setup, call_##name, want_##name,	\
	  after, post_##name },
static const struct row rows[] = { BAD_INPUTS(X_ROW) };

static void run_row(const char *name)
{
	const struct row *volatile r = NULL;
	struct snapshot snap;
	const char *why;
	long long got = 0;

	for (size_t i = 0; i < ARRAY_SIZE(rows); i++)
		if (!strcmp(rows[i].name, name))
			r = &rows[i];
	if (!r) {
		tap_fail(__FILE__, __LINE__, "no row %s", name);
		return;
	}
	setup(r->setup);
	snap_take(&snap);
	if (r->after == PANIC) {
		test_panic_armed = true;
		if (!setjmp(test_panic_jmp)) {
			r->call();
			test_panic_armed = false;
			tap_fail(__FILE__, __LINE__, "%s: did not panic", name);
		} else if (!r->post()) {
			tap_fail(__FILE__, __LINE__, "%s: panic message \"%s\"",
				 name, test_panic_msg);
		}
		why = snap_diff(&snap);
		if (why)
			tap_fail(__FILE__, __LINE__, "%s: %s", name, why);
		snap_free(&snap);
		return;
	}
	got = r->call();
	if (got != r->want())
		tap_fail(__FILE__, __LINE__, "%s(%s): got %lld (%#llx), want %lld (%#llx)",
			 r->func, r->input, got, got, r->want(), r->want());
	if (r->after == SAME) {
		why = snap_diff(&snap);
		if (why)
			tap_fail(__FILE__, __LINE__, "%s(%s): %s", r->func,
				 r->input, why);
	} else if (!r->post()) {
		tap_fail(__FILE__, __LINE__, "%s(%s): documented effect missing",
			 r->func, r->input);
	}
	for (int i = 0; i < 3; i++) {
		struct memblock_type *t = snap_type(&memblock, i);
		const char *bad = t ? type_invariant_violation(t) : NULL;

		if (bad)
			tap_fail(__FILE__, __LINE__, "%s: %s invariant: %s",
				 name, t->name, bad);
	}
	snap_free(&snap);
}

#define X_CASE(name, func, input, expect, setup, call, want, after, post) \
	static void name(void) { run_row(#name); }
BAD_INPUTS(X_CASE)

#define X_TC(name, func, input, expect, setup, call, want, after, post) \
	TEST_CASE(name),
static const struct test_case cases[] = { BAD_INPUTS(X_TC) };

static const char *const setup_text[] = {
	[STD] = "standard",
	[FULL_MEM] = "memory full",
	[FULL_MEM_NOSPACE] = "memory full, resize on, nothing free",
	[FULL_RSV] = "reserved full",
	[FULL_PHYS] = "physmem full",
	[EMPTY] = "empty",
	[FREED] = "standard, after `memblock_free_all()`",
	[DISCARDED] = "standard, after `memblock_discard()`",
};

static void print_markdown(void)
{
	puts("<!-- Generated by `make bad-input-doc` from tests/unit/test_bad_input.c; do not edit. -->\n"
	     "# Bad input\n\n"
	     "Every public function of memblock against bad or extreme input. Each row\n"
	     "is one test case of `tests/unit/test_bad_input.c` (the case name is in\n"
	     "the first column), run by `make test` in all three host variants (GCC,\n"
	     "Clang, 32-bit `phys_addr_t`). A case sets up a known state, snapshots\n"
	     "`struct memblock`, its three region arrays (all `max` entries) and the\n"
	     "knobs, makes the call and checks the documented result. \"no change\"\n"
	     "means the snapshot must match byte for byte; other rows check the\n"
	     "documented clamping or effect. Every case also checks the array\n"
	     "invariants afterwards.\n\n"
	     "This file is generated from the test table and the `bad-input-doc`\n"
	     "suite of `make test` fails when they differ, so the two cannot drift.\n\n"
	     "Standard state: memory [1M, 17M) node 0 and [32M, 48M) node 1 hotplug,\n"
	     "reserved [2M, 3M), physmem [0, 64M). \"memory full\" adds one-page\n"
	     "regions until `memory.max` (128) is reached, without\n"
	     "`memblock_allow_resize()`; \"reserved full\" and \"physmem full\" likewise.\n"
	     "The stage rows start from the standard state after `memblock_free_all()`\n"
	     "(and `memblock_discard()`); \"from `memblock_env_log()`\" rows make the\n"
	     "call inside the log hook, during a read-only `memblock_dump_all()`.\n"
	     "TOP(n) is the address n bytes below the top of the address space.\n"
	     "Every state is booted with `kernelcore=mirror` (`mirrored_kernelcore`\n"
	     "set) unless the row says otherwise; the knobs snapshotted include\n"
	     "`memblock_has_mirror()`.\n");
	puts("| case | function | input | state | documented result |\n"
	     "|------|----------|-------|-------|-------------------|");
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++)
		printf("| %s | `%s` | %s | %s | %s |\n", rows[i].name,
		       rows[i].func, rows[i].input, setup_text[rows[i].setup],
		       rows[i].expect);
	puts("\n## Not in the table\n\n"
	     "- `memblock_memparse()` and `memblock_cmdline_find()` with a NULL string or key:\n"
	     "  the kernel-doc does not allow NULL there (as in Linux, it is\n"
	     "  dereferenced).\n"
	     "- `memblock_set_region_node()` and the other inline region accessors\n"
	     "  take a region pointer and check nothing, as in Linux.\n"
	     "- The hand-off itself (`memblock_free_all()`, `memblock_free_late()`,\n"
	     "  `memblock_discard()`) is tested with it (`test_free_all`,\n"
	     "  `test_ownership`); the table has their calls at the wrong stage.\n"
	     "- Re-entry from `memblock_env_free_pages()` and from the log hook for\n"
	     "  every changing call: `test_ownership` (defect 6 of issue 12).");
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--markdown")) {
		print_markdown();
		return 0;
	}
	return tap_main(cases, ARRAY_SIZE(cases));
}
