/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock - boot-time physical memory management.
 *
 * DOC: overview
 *
 * memblock keeps the machine's physical memory as sorted arrays of regions,
 * one array per type: "memory" (what the kernel may use), "reserved" (what
 * is in use: the kernel image, firmware tables, allocations) and optionally
 * "physmem" (all memory, whatever mem= says). Free memory is memory minus
 * reserved. Allocation searches free memory top-down (default) or bottom-up
 * and reserves what it finds. At the end of boot memblock_free_all() hands
 * every free page to the page allocator.
 *
 * Invariants, after every call: each array is sorted by base, regions do not
 * overlap, neighbours that touch and have the same node and flags are merged,
 * total_size is the sum of sizes, and an empty type has cnt == 0 with its
 * first slot zeroed (Linux 6.11+; node 0 as statically initialised,
 * MAX_NUMNODES once emptied, as Linux clears it). All state is in struct memblock and the few
 * documented globals below, so a debugger or a test can read and reset it.
 *
 * Ownership: every byte is free, memblock's own (a grown region array),
 * a caller's (covered by a reservation or allocation the caller has not
 * freed) or the page allocator's (after the hand-off). memblock.reserved is
 * exactly the callers' claims plus the live grown arrays. A grown array
 * never shares a byte with a caller's claim and always lies in usable
 * memory (in "memory", not NOMAP): a call that would break that moves the
 * array first (copy, reserve the new place, release the old one), and
 * removing a caller's claim never removes an array's bytes. New arrays go
 * in free memory below current_limit, outside the range the call edits.
 *
 * Every call either succeeds or fails with struct memblock, every array and
 * the knobs byte-for-byte unchanged: it finds room for every array it must
 * grow or move before it changes anything.
 *
 * Errors (negative errno, Linux's values): -EINVAL for a bad node, flag or
 * argument; -ENOMEM when an array is full and cannot grow, or an array in
 * the way has nowhere to go; -EBUSY for a call that would change memblock
 * made from inside a hook (memblock_env_log(), memblock_env_free_pages()):
 * hooks may only read memblock (queries, iterators, memblock_dump_all());
 * -EPERM for a call the boot stage forbids (see enum memblock_stage).
 * Each refusal logs one line; a line logged from inside the log hook is
 * dropped, so the log hook never recurses. Functions returning a pointer or
 * an address return NULL / 0 instead, and void ones only log.
 *
 * Names, signatures and semantics follow Linux's include/linux/memblock.h,
 * so code and documentation written for Linux memblock work unchanged.
 * Where Linux leaves bad input undefined, this library documents an error
 * code or a clamping rule; see each function.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <memblock_env.h>

/*
 * EINVAL, ENOMEM, EBUSY, EPERM and PFN_UP/PFN_DOWN/PFN_PHYS/PHYS_PFN come from the
 * environment (memblock_env.h), which takes a kernel's own when it has them.
 */

#define PHYS_ADDR_MAX	(~(phys_addr_t)0)

/* Special values for the end of an allocation range. */
#define MEMBLOCK_ALLOC_ANYWHERE		(~(phys_addr_t)0)
#define MEMBLOCK_ALLOC_ACCESSIBLE	0
#define MEMBLOCK_ALLOC_NOLEAKTRACE	1
#define MEMBLOCK_LOW_LIMIT		0

/**
 * enum memblock_flags - definition of memory region attributes
 * @MEMBLOCK_NONE: no special request
 * @MEMBLOCK_HOTPLUG: memory region indicated in the firmware-provided memory
 *	map during early boot as hot(un)pluggable system RAM
 * @MEMBLOCK_MIRROR: mirrored region
 * @MEMBLOCK_NOMAP: don't add to kernel direct mapping and treat as reserved
 *	in the memory map
 * @MEMBLOCK_DRIVER_MANAGED: memory region that is always detected and added
 *	via a driver, and never indicated in the firmware-provided memory map
 * @MEMBLOCK_RSRV_NOINIT: reserved memory region for which the struct pages
 *	are not initialized when the memory map is set up
 */
enum memblock_flags {
	MEMBLOCK_NONE		= 0x0,
	MEMBLOCK_HOTPLUG	= 0x1,
	MEMBLOCK_MIRROR		= 0x2,
	MEMBLOCK_NOMAP		= 0x4,
	MEMBLOCK_DRIVER_MANAGED	= 0x8,
	MEMBLOCK_RSRV_NOINIT	= 0x10,
};

/* Every flag bit this library knows; others are rejected with -EINVAL. */
#define MEMBLOCK_FLAGS_ALL	(MEMBLOCK_HOTPLUG | MEMBLOCK_MIRROR | \
				 MEMBLOCK_NOMAP | MEMBLOCK_DRIVER_MANAGED | \
				 MEMBLOCK_RSRV_NOINIT)

/**
 * struct memblock_region - represents a memory region
 * @base: base address of the region
 * @size: size of the region
 * @flags: memory region attributes
 * @nid: NUMA node id: MAX_NUMNODES when none was assigned (memblock_add(),
 *	memblock_reserve()), NUMA_NO_NODE when a caller passed it
 */
struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	enum memblock_flags flags;
	int nid;
};

/**
 * struct memblock_type - collection of memory regions of certain type
 * @cnt: number of regions (0 for an empty type, whose regions[0] is zeroed)
 * @max: size of the allocated array
 * @total_size: size of all regions
 * @regions: array of regions
 * @name: the memory type symbolic name
 */
struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	phys_addr_t total_size;
	struct memblock_region *regions;
	char *name;
};

/**
 * struct memblock - memblock allocator metadata
 * @bottom_up: is bottom up direction?
 * @current_limit: physical address of the current allocation limit
 * @memory: usable memory regions
 * @reserved: reserved memory regions
 * @physmem: all physical memory (when CONFIG_HAVE_MEMBLOCK_PHYS_MAP)
 */
struct memblock {
	bool bottom_up;
	phys_addr_t current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	struct memblock_type physmem;
#endif
};

/* The one instance, statically initialised: usable before anything else. */
extern struct memblock memblock;

/*
 * Knobs. Plain globals so tests and debuggers can set and reset them.
 * memblock_debug: log every call (set by "memblock=debug").
 * memblock_can_resize: set by memblock_allow_resize().
 * movable_node_enabled: keep allocations out of MEMBLOCK_HOTPLUG memory.
 * mirrored_kernelcore: memblock_mark_mirror() marks memory only when set
 *	(Linux's knob, set by "kernelcore=mirror"; Linux defines it in
 *	mm/mm_init.c, this library beside the others).
 * memblock_stage: where in the boot memblock is (enum memblock_stage).
 */
extern int memblock_debug;
extern int memblock_can_resize;
extern bool movable_node_enabled;
extern bool mirrored_kernelcore;

/*
 * Page frame limits, as Linux's mm/memblock.c defines them: memblock only
 * holds them (all 0 at boot) and never reads or sets them; the
 * architecture's setup code sets them from the memory map (for example
 * max_pfn = PFN_DOWN(memblock_end_of_DRAM())).
 * min_low_pfn: lowest pfn the kernel uses.
 * max_low_pfn: end of the directly mapped ("low") memory, as a pfn.
 * max_pfn: end of memory, as a pfn.
 * max_possible_pfn: end of all memory that may ever be present (hotplug
 *	included), as a pfn.
 */
extern unsigned long max_low_pfn;
extern unsigned long min_low_pfn;
extern unsigned long max_pfn;
extern unsigned long long max_possible_pfn;

/**
 * enum memblock_stage - where in the boot memblock is
 * @MEMBLOCK_STAGE_EARLY: before the hand-off (the initial value): memblock
 *	owns free memory and allocates from it
 * @MEMBLOCK_STAGE_FREED: memblock_free_all() has run: free memory belongs
 *	to the page allocator. Allocations fail (0 / NULL, with a log line),
 *	memblock_reserve() and memblock_phys_free()/memblock_free() fail with
 *	-EPERM, a second memblock_free_all() releases nothing; adding and
 *	removing memory (hotplug) stay allowed but never make anything
 *	allocatable, and memblock_free_late() is the one way to hand reserved
 *	memory to the page allocator.
 * @MEMBLOCK_STAGE_DISCARDED: memblock_discard() has emptied memblock (never
 *	with CONFIG_ARCH_KEEP_MEMBLOCK): every call that would change memblock
 *	fails with -EPERM (0 / NULL for allocations, a log line for functions
 *	returning void); queries see empty types.
 *
 * The current stage is the global memblock_stage, a knob like
 * memblock_can_resize: struct memblock keeps Linux's layout. Only
 * memblock_free_all() and memblock_discard() advance it.
 */
enum memblock_stage {
	MEMBLOCK_STAGE_EARLY = 0,
	MEMBLOCK_STAGE_FREED,
	MEMBLOCK_STAGE_DISCARDED,
};
extern enum memblock_stage memblock_stage;

/**
 * movable_node_is_enabled - is the movable-node policy on?
 *
 * When true, allocations skip memory marked MEMBLOCK_HOTPLUG so that it can
 * later be unplugged.
 *
 * Return: the value of movable_node_enabled.
 */
static inline bool movable_node_is_enabled(void)
{
	return movable_node_enabled;
}

/* ---------------------------------------------------------------------- */
/* Adding and removing memory                                              */

/**
 * memblock_add_node - add new memblock region within a NUMA node
 * @base: base address of the new region
 * @size: size of the new region
 * @nid: nid of the new region: 0..MAX_NUMNODES-1, or MAX_NUMNODES or
 *	NUMA_NO_NODE for "no node", stored as given (as in Linux 6.12: a
 *	NUMA_NO_NODE region does not merge with a touching MAX_NUMNODES one)
 * @flags: flags of the new region (MEMBLOCK_* bits)
 *
 * Add [@base, @base + @size) to the "memory" type. Parts already covered by
 * existing regions keep their node and flags; only the uncovered parts are
 * inserted, and they merge with neighbours that have the same node and
 * flags. A range running past the top of the address space is clamped to
 * end at PHYS_ADDR_MAX. @size == 0 does nothing.
 *
 * Capacity: every uncovered part needs a free slot in the array before
 * merging (as in Linux), so on a full array even a range that would merge
 * with its neighbour needs the array to grow.
 *
 * Return: 0 on success; -EINVAL for a bad @nid or unknown @flags bits;
 * -ENOMEM when the array is full and cannot grow (the array is left as it
 * was; after memblock_free_all() arrays never grow); -EBUSY from a hook;
 * -EPERM after memblock_discard().
 */
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid,
		      enum memblock_flags flags);

/**
 * memblock_add - add new memblock region
 * @base: base address of the new region
 * @size: size of the new region
 *
 * Add [@base, @base + @size) to the "memory" type with no node and no
 * flags. See memblock_add_node() for overlaps, merging and clamping.
 *
 * Return: 0 on success, -ENOMEM when the array is full and cannot grow,
 * -EBUSY from a hook, -EPERM after memblock_discard().
 */
int memblock_add(phys_addr_t base, phys_addr_t size);

/**
 * memblock_remove - remove a range from the "memory" type
 * @base: base address of the range
 * @size: size of the range
 *
 * Regions crossing the range boundaries are split and the parts inside are
 * dropped; parts of the range that are not memory are ignored. Reserved
 * regions are not touched, except that a grown region array lying in the
 * range first moves into the memory that stays. @size == 0 does nothing.
 * Allowed after memblock_free_all() (memory hotplug), but then an array can
 * neither grow nor move.
 *
 * Return: 0 on success; -ENOMEM when a split needs a slot and the array is
 * full and cannot grow, or a grown array in the range has nowhere to go
 * (nothing is removed); -EBUSY from a hook; -EPERM after memblock_discard().
 */
int memblock_remove(phys_addr_t base, phys_addr_t size);

/**
 * memblock_reserve - mark a range as in use
 * @base: base address of the range
 * @size: size of the range
 *
 * Add [@base, @base + @size) to the "reserved" type, with no node and no
 * flags, so that it merges with touching reservations (only
 * memblock_set_node() on "reserved" and memblock_reserved_mark_noinit()
 * give reservations a node or a flag).
 * The range does not have to be memory. @size == 0 does nothing.
 *
 * When the range covers part of a grown region array, the array moves to
 * free memory outside the range first; the bytes of the old array inside
 * the range stay reserved (they are the caller's now), the rest is
 * released.
 *
 * Return: 0 on success; -ENOMEM when the array is full and cannot grow, or
 * a grown array in the range has nowhere to go (nothing changes); -EBUSY
 * from a hook; -EPERM after memblock_free_all() (free memory is the page
 * allocator's) or memblock_discard().
 */
int memblock_reserve(phys_addr_t base, phys_addr_t size);

/**
 * memblock_phys_free - free boot memory block
 * @base: physical starting address of the boot memory block
 * @size: size of the boot memory block in bytes
 *
 * Remove [@base, @base + @size) from the "reserved" type: the memory becomes
 * free for later memblock allocations. It is not handed to the page
 * allocator (see memblock_free_late() for that). @size == 0 does nothing.
 * The bytes of a grown region array in the range stay reserved: they are
 * memblock's, not the caller's.
 *
 * Return: 0 on success; -ENOMEM when a split needs a slot and the array is
 * full and cannot grow (nothing is freed); -EBUSY from a hook; -EPERM after
 * memblock_free_all() (use memblock_free_late()) or memblock_discard().
 */
int memblock_phys_free(phys_addr_t base, phys_addr_t size);

/**
 * memblock_free - free boot memory allocation
 * @ptr: virtual starting address of the boot memory block
 * @size: size of the boot memory block in bytes
 *
 * Virtual-address twin of memblock_phys_free(), for memory returned by the
 * memblock_alloc*() family. @ptr == NULL does nothing; a failure (including
 * the -EBUSY and -EPERM refusals of memblock_phys_free()) is logged and
 * changes nothing.
 */
void memblock_free(void *ptr, size_t size);

#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
/**
 * memblock_physmem_add - add a range to the "physmem" type
 * @base: base address of the range
 * @size: size of the range
 *
 * Record physical memory that exists whatever the "memory" type says (for
 * instance memory hidden by mem=). Same rules as memblock_add().
 *
 * Return: 0 on success, -ENOMEM when the array is full and cannot grow,
 * -EBUSY from a hook, -EPERM after memblock_discard().
 */
int memblock_physmem_add(phys_addr_t base, phys_addr_t size);
#endif

/**
 * memblock_allow_resize - let the region arrays grow
 *
 * From now on a full array doubles into memory found by memblock itself.
 * Call it once everything that must not be overwritten (kernel, initrd,
 * firmware tables) is reserved. Before that, a full array is an error.
 * After memblock_free_all() arrays never grow whatever this says. Refused
 * (logged, nothing changes) from a hook and after memblock_discard().
 */
void memblock_allow_resize(void);

/* ---------------------------------------------------------------------- */
/* Flags and nodes                                                         */

/**
 * memblock_mark_hotplug - mark hotpluggable memory with MEMBLOCK_HOTPLUG
 * @base: the base phys addr of the region
 * @size: the size of the region
 *
 * Memory regions crossing the range are split at its boundaries; the parts
 * inside get the flag and merge with compatible neighbours. Parts of the
 * range that are not memory are ignored. @size == 0 does nothing. Each
 * split needs a free slot before merging.
 *
 * Return: 0 on success; -ENOMEM when a split needs a slot and the array is
 * full and cannot grow (nothing changes); -EBUSY from a hook; -EPERM after
 * memblock_discard(). The same holds for every flag and node setter below.
 */
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size);

/**
 * memblock_clear_hotplug - clear MEMBLOCK_HOTPLUG for a specified region
 * @base: the base phys addr of the region
 * @size: the size of the region
 *
 * Same splitting rules as memblock_mark_hotplug().
 *
 * Return: 0 on success, -ENOMEM as for memblock_mark_hotplug().
 */
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size);

/**
 * memblock_mark_mirror - mark mirrored memory with MEMBLOCK_MIRROR
 * @base: the base phys addr of the region
 * @size: the size of the region
 *
 * As Linux 6.12: without mirrored_kernelcore ("kernelcore=mirror") it does
 * nothing and returns 0, in every stage and from a hook too. With it, the
 * range is marked (same splitting rules and refusals as
 * memblock_mark_hotplug()) and, when that succeeds (even marking nothing,
 * as Linux), memblock_has_mirror() turns true for the rest of the boot:
 * from then on allocations prefer mirrored memory (see
 * memblock_alloc_range_nid()). A failed call changes nothing (Linux would
 * set the flag anyway).
 *
 * Return: 0 on success or without mirrored_kernelcore, -ENOMEM as for
 * memblock_mark_hotplug(); -EBUSY from a hook and -EPERM after
 * memblock_discard() (both only with mirrored_kernelcore).
 */
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size);

/**
 * memblock_has_mirror - has memblock_mark_mirror() marked memory mirrored?
 *
 * Linux's system_has_some_mirror: set by the first successful
 * memblock_mark_mirror() with mirrored_kernelcore, never cleared (not by
 * removing the memory either). A flag, not a scan of memblock.memory: the
 * allocators ask on every call. Reads memblock only.
 *
 * Return: true once memory was marked mirrored, false before.
 */
bool memblock_has_mirror(void);

/**
 * memblock_mark_nomap - mark a memory region with MEMBLOCK_NOMAP
 * @base: the base phys addr of the region
 * @size: the size of the region
 *
 * NOMAP memory stays in the "memory" type (it exists, e.g. for pfn_valid())
 * but is never allocated, never handed to the page allocator and is not
 * meant to be in the kernel's direct map. Same splitting rules as
 * memblock_mark_hotplug(). A grown region array in the range first moves
 * to usable memory outside it.
 *
 * Return: 0 on success; -ENOMEM as for memblock_mark_hotplug(), or when a
 * grown array in the range has nowhere to go (nothing changes); -EBUSY,
 * -EPERM as for memblock_mark_hotplug().
 */
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);

/**
 * memblock_clear_nomap - clear MEMBLOCK_NOMAP for a specified region
 * @base: the base phys addr of the region
 * @size: the size of the region
 *
 * Return: 0 on success, -ENOMEM as for memblock_mark_hotplug().
 */
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size);

/**
 * memblock_reserved_mark_noinit - mark reserved memory with MEMBLOCK_RSRV_NOINIT
 * @base: the base phys addr of the region
 * @size: the size of the region
 *
 * Works on the "reserved" type: the page allocator's memory map setup will
 * leave the struct pages of these reservations alone.
 *
 * Return: 0 on success, -ENOMEM as for memblock_mark_hotplug().
 */
int memblock_reserved_mark_noinit(phys_addr_t base, phys_addr_t size);

/**
 * memblock_set_node - set node ID on memblock regions
 * @base: base of area to set node ID for
 * @size: size of area to set node ID for
 * @type: memblock type to set node ID for
 * @nid: node ID to set: 0..MAX_NUMNODES-1, or MAX_NUMNODES or NUMA_NO_NODE
 *	for "no node", stored as given (as in Linux 6.12)
 *
 * Set the nid of @type's regions in [@base, @base + @size) to @nid. Regions
 * which cross the area boundaries are split as necessary.
 *
 * Return: 0 on success; -EINVAL for a NULL @type or a bad @nid; -ENOMEM when
 * a split needs a slot and the array is full and cannot grow (only
 * memblock's own three types grow); -EBUSY from a hook; -EPERM after
 * memblock_discard().
 */
int memblock_set_node(phys_addr_t base, phys_addr_t size,
		      struct memblock_type *type, int nid);

/**
 * memblock_set_region_node - set the node of a region
 * @r: the region
 * @nid: the node id
 *
 * Low-level setter; does not split or merge. Prefer memblock_set_node().
 */
static inline void memblock_set_region_node(struct memblock_region *r, int nid)
{
	r->nid = nid;
}

/**
 * memblock_get_region_node - get the node of a region
 * @r: the region
 *
 * Return: the region's node id as stored (MAX_NUMNODES when none was
 * assigned, NUMA_NO_NODE when a caller set that); 0 in a build without
 * NUMA (MAX_NUMNODES == 1), as Linux's !CONFIG_NUMA version returns.
 */
static inline int memblock_get_region_node(const struct memblock_region *r)
{
#if MAX_NUMNODES > 1
	return r->nid;
#else
	(void)r;
	return 0;
#endif
}

/**
 * memblock_is_hotpluggable - is the region marked MEMBLOCK_HOTPLUG?
 * @m: the region
 *
 * Return: true if the flag is set.
 */
static inline bool memblock_is_hotpluggable(struct memblock_region *m)
{
	return m->flags & MEMBLOCK_HOTPLUG;
}

/**
 * memblock_is_mirror - is the region marked MEMBLOCK_MIRROR?
 * @m: the region
 *
 * Return: true if the flag is set.
 */
static inline bool memblock_is_mirror(struct memblock_region *m)
{
	return m->flags & MEMBLOCK_MIRROR;
}

/**
 * memblock_is_nomap - is the region marked MEMBLOCK_NOMAP?
 * @m: the region
 *
 * Return: true if the flag is set.
 */
static inline bool memblock_is_nomap(struct memblock_region *m)
{
	return m->flags & MEMBLOCK_NOMAP;
}

/**
 * memblock_is_driver_managed - is the region marked MEMBLOCK_DRIVER_MANAGED?
 * @m: the region
 *
 * Return: true if the flag is set.
 */
static inline bool memblock_is_driver_managed(struct memblock_region *m)
{
	return m->flags & MEMBLOCK_DRIVER_MANAGED;
}

/**
 * memblock_is_reserved_noinit - is the region marked MEMBLOCK_RSRV_NOINIT?
 * @m: the region
 *
 * Return: true if the flag is set.
 */
static inline bool memblock_is_reserved_noinit(struct memblock_region *m)
{
	return m->flags & MEMBLOCK_RSRV_NOINIT;
}

/* ---------------------------------------------------------------------- */
/* Searching and allocating                                                */

/**
 * memblock_find_in_range_node - find free area in given range and node
 * @size: size of free area to find
 * @align: alignment of free area to find (a power of two; 0 means
 *	SMP_CACHE_BYTES, with a warning)
 * @start: start of candidate range (raised to at least PAGE_SIZE: address 0
 *	is the failure value)
 * @end: end of candidate range, can be MEMBLOCK_ALLOC_ANYWHERE or
 *	MEMBLOCK_ALLOC_ACCESSIBLE (current_limit)
 * @nid: nid of the free area to find, NUMA_NO_NODE for any node
 * @flags: pick from blocks based on memory attributes
 *
 * Find a free (memory and not reserved) area of @size bytes aligned to
 * @align. Top-down returns the highest fit, bottom-up the lowest; both
 * search the same range (as in Linux since 5.11, bottom-up no longer
 * starts above the kernel image nor falls back to top-down). Nothing is
 * reserved.
 *
 * Return: found address on success, 0 on failure or bad input (@size == 0,
 * @align not a power of two).
 */
phys_addr_t memblock_find_in_range_node(phys_addr_t size, phys_addr_t align,
					phys_addr_t start, phys_addr_t end,
					int nid, enum memblock_flags flags);

/**
 * memblock_find_in_range - find free area in given range
 * @start: start of candidate range
 * @end: end of candidate range, can be MEMBLOCK_ALLOC_ANYWHERE or
 *	MEMBLOCK_ALLOC_ACCESSIBLE
 * @size: size of free area to find
 * @align: alignment of free area to find
 *
 * memblock_find_in_range_node() on any node, preferring mirrored memory
 * once memblock_has_mirror() (and falling back to any memory with a
 * warning).
 *
 * Return: found address on success, 0 on failure.
 */
phys_addr_t memblock_find_in_range(phys_addr_t start, phys_addr_t end,
				   phys_addr_t size, phys_addr_t align);

/**
 * memblock_alloc_range_nid - allocate boot memory block
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size (power of two; 0 means
 *	SMP_CACHE_BYTES with a warning)
 * @start: the lower bound of the memory region to allocate (phys address)
 * @end: the upper bound of the memory region to allocate (phys address),
 *	MEMBLOCK_ALLOC_ACCESSIBLE for current_limit, MEMBLOCK_ALLOC_ANYWHERE for
 *	no limit
 * @nid: nid of the free area to find, NUMA_NO_NODE for any node
 * @exact_nid: control the allocation fall back to other nodes
 *
 * Tries @nid, then (unless @exact_nid) any node. Once memblock_has_mirror(),
 * it first asks for mirrored memory only and, failing that, retries on any
 * memory with a warning. The block found is reserved.
 *
 * Return: physical address of the allocated block on success; 0 on failure
 * or bad input (@size == 0, @align not a power of two, @nid neither
 * NUMA_NO_NODE nor a valid node), and then nothing has changed. Every
 * allocation function also returns 0 / NULL, with a log line, from inside a
 * hook and after memblock_free_all() (free memory is the page allocator's).
 */
phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align,
				     phys_addr_t start, phys_addr_t end,
				     int nid, bool exact_nid);

/**
 * memblock_phys_alloc_range - allocate a memory block inside specified range
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 * @start: the lower bound of the memory region to allocate (physical address)
 * @end: the upper bound of the memory region to allocate (physical address)
 *
 * Allocate @size bytes between @start and @end, on any node. Not zeroed.
 *
 * Return: physical address of the allocated memory block on success, 0 on
 * failure.
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);

/**
 * memblock_phys_alloc_try_nid - allocate a memory block from specified NUMA node
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 * @nid: nid of the free area to find, NUMA_NO_NODE for any node
 *
 * Allocates memory block from the specified NUMA node, below
 * current_limit. If the node has no available memory, attempts to allocate
 * from any node in the system. Not zeroed.
 *
 * Return: physical address of the allocated memory block on success, 0 on
 * failure.
 */
phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align,
					int nid);

/**
 * memblock_phys_alloc - allocate a memory block anywhere below current_limit
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 *
 * Return: physical address of the allocated memory block on success, 0 on
 * failure.
 */
static inline phys_addr_t memblock_phys_alloc(phys_addr_t size,
					      phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0,
					 MEMBLOCK_ALLOC_ACCESSIBLE);
}

/**
 * memblock_alloc_exact_nid_raw - allocate boot memory block on the exact node
 * without zeroing memory
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 * @min_addr: the lower bound of the memory region from where the allocation
 *	is preferred (phys address)
 * @max_addr: the upper bound of the memory region from where the allocation
 *	is preferred (phys address), or MEMBLOCK_ALLOC_ACCESSIBLE to allocate
 *	only from memory limited by memblock.current_limit value
 * @nid: nid of the free area to find, NUMA_NO_NODE for any node
 *
 * Like memblock_alloc_try_nid_raw() but never falls back to another node.
 *
 * Return: virtual address of allocated memory block on success, NULL on
 * failure.
 */
void *memblock_alloc_exact_nid_raw(phys_addr_t size, phys_addr_t align,
				   phys_addr_t min_addr, phys_addr_t max_addr,
				   int nid);

/**
 * memblock_alloc_try_nid_raw - allocate boot memory block without zeroing
 * memory and without panicking
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 * @min_addr: the lower bound of the memory region from where the allocation
 *	is preferred (phys address)
 * @max_addr: the upper bound of the memory region from where the allocation
 *	is preferred (phys address), or MEMBLOCK_ALLOC_ACCESSIBLE to allocate
 *	only from memory limited by memblock.current_limit value
 * @nid: nid of the free area to find, NUMA_NO_NODE for any node
 *
 * @max_addr is capped at current_limit. When nothing fits above @min_addr
 * the allocation is retried from 0. Node and mirror fallbacks are those of
 * memblock_alloc_range_nid().
 *
 * Return: virtual address of allocated memory block on success, NULL on
 * failure.
 */
void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr,
				 int nid);

/**
 * memblock_alloc_try_nid - allocate boot memory block
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 * @min_addr: the lower bound of the memory region from where the allocation
 *	is preferred (phys address)
 * @max_addr: the upper bound of the memory region from where the allocation
 *	is preferred (phys address), or MEMBLOCK_ALLOC_ACCESSIBLE to allocate
 *	only from memory limited by memblock.current_limit value
 * @nid: nid of the free area to find, NUMA_NO_NODE for any node
 *
 * memblock_alloc_try_nid_raw(), then the memory is zeroed.
 *
 * Return: virtual address of allocated memory block on success, NULL on
 * failure.
 */
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr,
			     int nid);

/**
 * memblock_alloc - allocate zeroed boot memory anywhere below current_limit
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 *
 * Return: virtual address of allocated memory block on success, NULL on
 * failure.
 */
static inline void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/**
 * memblock_alloc_raw - allocate boot memory without zeroing it
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 *
 * Return: virtual address of allocated memory block on success, NULL on
 * failure.
 */
static inline void *memblock_alloc_raw(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid_raw(size, align, MEMBLOCK_LOW_LIMIT,
					  MEMBLOCK_ALLOC_ACCESSIBLE,
					  NUMA_NO_NODE);
}

/**
 * memblock_alloc_from - allocate zeroed boot memory above an address
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 * @min_addr: preferred lower bound (dropped when nothing fits above it)
 *
 * Return: virtual address of allocated memory block on success, NULL on
 * failure.
 */
static inline void *memblock_alloc_from(phys_addr_t size, phys_addr_t align,
					phys_addr_t min_addr)
{
	return memblock_alloc_try_nid(size, align, min_addr,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/**
 * memblock_alloc_low - allocate zeroed boot memory below ARCH_LOW_ADDRESS_LIMIT
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 *
 * Return: virtual address of allocated memory block on success, NULL on
 * failure.
 */
static inline void *memblock_alloc_low(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      ARCH_LOW_ADDRESS_LIMIT, NUMA_NO_NODE);
}

/**
 * memblock_alloc_node - allocate zeroed boot memory, preferably on a node
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 * @nid: preferred node (other nodes are tried when it has no room)
 *
 * Return: virtual address of allocated memory block on success, NULL on
 * failure.
 */
static inline void *memblock_alloc_node(phys_addr_t size, phys_addr_t align,
					int nid)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, nid);
}

/**
 * __memblock_alloc_or_panic - memblock_alloc() that panics on failure
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 * @func: name of the caller, for the panic message
 *
 * Use through memblock_alloc_or_panic(), which passes __func__. Linux has
 * it from 6.14; this library offers it for 6.12-era code as well.
 *
 * Return: virtual address of the zeroed block; never returns on failure
 * (memblock_env_panic() is called with a message naming @size and @func).
 */
void *__memblock_alloc_or_panic(phys_addr_t size, phys_addr_t align,
				const char *func);

/**
 * memblock_alloc_or_panic - allocate zeroed boot memory or panic
 * @size: size of memory block to be allocated in bytes
 * @align: alignment of the region and block's size
 *
 * Linux gained it in 6.14 (it is not in 6.12); kept here as an addition.
 */
#define memblock_alloc_or_panic(size, align)				\
	__memblock_alloc_or_panic(size, align, __func__)

/* ---------------------------------------------------------------------- */
/* Queries                                                                 */

/**
 * memblock_phys_mem_size - total size of the "memory" type
 *
 * Return: the sum of all memory region sizes (NOMAP included).
 */
phys_addr_t memblock_phys_mem_size(void);

/**
 * memblock_reserved_size - total size of the "reserved" type
 *
 * Return: the sum of all reserved region sizes.
 */
phys_addr_t memblock_reserved_size(void);

/**
 * memblock_estimated_nr_free_pages - estimate the pages free after the hand-off
 *
 * Linux 6.12's estimate, for sizing tables before the page allocator runs:
 * the size of "memory" minus the size of "reserved", in pages (rounded
 * down). It is an estimate: reservations outside memory, NOMAP memory and
 * partial pages make it differ from what memblock_free_all() releases.
 *
 * Bad input: none. When "reserved" is larger than "memory" (reservations
 * outside memory) Linux's subtraction would wrap; this returns 0.
 *
 * Return: the estimated number of free pages.
 */
unsigned long memblock_estimated_nr_free_pages(void);

/**
 * memblock_validate_numa_coverage - check that memory has its nodes
 * @threshold_bytes: how much memory without a node is tolerated
 *
 * Adds up the whole pages of memory regions (NOMAP included, as
 * for_each_mem_pfn_range() walks them) whose node is not a valid one
 * (numa_valid_node(): 0..MAX_NUMNODES-1; both MAX_NUMNODES and
 * NUMA_NO_NODE count as "no node"). When that exceeds @threshold_bytes it
 * logs, as Linux 6.12 does, "NUMA: no nodes coverage for <n>MB of <m>MB
 * RAM" (at error level) and fails. Reads memblock only.
 *
 * Return: true when at most @threshold_bytes of memory has no node, false
 * otherwise.
 */
bool memblock_validate_numa_coverage(unsigned long threshold_bytes);

/**
 * memblock_start_of_DRAM - lowest memory address
 *
 * Return: the base of the first memory region, 0 when there is no memory.
 */
phys_addr_t memblock_start_of_DRAM(void);

/**
 * memblock_end_of_DRAM - end of memory
 *
 * Return: the address just past the last memory region, 0 when there is no
 * memory (Linux reads before the array then; this reads 0).
 */
phys_addr_t memblock_end_of_DRAM(void);

/**
 * memblock_is_memory - is an address inside memory?
 * @addr: physical address
 *
 * Return: true if @addr lies in a "memory" region (NOMAP included).
 */
bool memblock_is_memory(phys_addr_t addr);

/**
 * memblock_is_map_memory - is an address inside mappable memory?
 * @addr: physical address
 *
 * Return: true if @addr lies in a "memory" region not marked NOMAP.
 */
bool memblock_is_map_memory(phys_addr_t addr);

/**
 * memblock_is_region_memory - check if a region is a subset of memory
 * @base: base of region to check
 * @size: size of region to check
 *
 * The range may span several touching memory regions (for instance two
 * nodes); it must not contain a hole. A range running past the top of the
 * address space is clamped.
 *
 * Return: true if [@base, @base + @size) lies entirely in memory; false for
 * @size == 0.
 */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);

/**
 * memblock_is_reserved - is an address reserved?
 * @addr: physical address
 *
 * Return: true if @addr lies in a "reserved" region.
 */
bool memblock_is_reserved(phys_addr_t addr);

/**
 * memblock_is_region_reserved - check if a region intersects reserved memory
 * @base: base of region to check
 * @size: size of region to check
 *
 * Return: true if [@base, @base + @size) intersects a reserved region; false
 * for @size == 0.
 */
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);

/**
 * memblock_overlaps_region - does a range intersect any region of a type?
 * @type: the memblock type to check (NULL: false)
 * @base: base of the range
 * @size: size of the range (clamped at the top of the address space)
 *
 * Return: true if some region of @type intersects [@base, @base + @size).
 */
bool memblock_overlaps_region(struct memblock_type *type,
			      phys_addr_t base, phys_addr_t size);

/**
 * memblock_addrs_overlap - do two address ranges intersect?
 * @base1: base of the first range
 * @size1: size of the first range
 * @base2: base of the second range
 * @size2: size of the second range
 *
 * Sizes are clamped at the top of the address space, so this never
 * overflows. An empty range intersects nothing.
 *
 * Return: true if the ranges share at least one byte.
 */
bool memblock_addrs_overlap(phys_addr_t base1, phys_addr_t size1,
			    phys_addr_t base2, phys_addr_t size2);

/**
 * memblock_search_pfn_nid - find the memory region holding a page frame
 * @pfn: page frame number to look up
 * @start_pfn: set to the region's first pfn (may be NULL)
 * @end_pfn: set to the region's end pfn (may be NULL)
 *
 * Return: the region's node id, or -1 when @pfn is not in memory (the out
 * parameters are then left alone).
 */
int memblock_search_pfn_nid(unsigned long pfn, unsigned long *start_pfn,
			    unsigned long *end_pfn);

/**
 * memblock_region_memory_base_pfn - get the lowest pfn of the memory region
 * @reg: memblock_region structure
 *
 * Return: the lowest pfn wholly inside the memory region.
 */
static inline unsigned long
memblock_region_memory_base_pfn(const struct memblock_region *reg)
{
	return PFN_UP(reg->base);
}

/**
 * memblock_region_memory_end_pfn - get the end pfn of the memory region
 * @reg: memblock_region structure
 *
 * Return: the pfn just past the last page wholly inside the memory region.
 */
static inline unsigned long
memblock_region_memory_end_pfn(const struct memblock_region *reg)
{
	return PFN_DOWN(reg->base + reg->size);
}

/**
 * memblock_region_reserved_base_pfn - get the lowest pfn of the reserved region
 * @reg: memblock_region structure
 *
 * Return: the lowest pfn intersecting with the reserved region.
 */
static inline unsigned long
memblock_region_reserved_base_pfn(const struct memblock_region *reg)
{
	return PFN_DOWN(reg->base);
}

/**
 * memblock_region_reserved_end_pfn - get the end pfn of the reserved region
 * @reg: memblock_region structure
 *
 * Return: the pfn just past the last page intersecting the reserved region.
 */
static inline unsigned long
memblock_region_reserved_end_pfn(const struct memblock_region *reg)
{
	return PFN_UP(reg->base + reg->size);
}

/* ---------------------------------------------------------------------- */
/* Limits and direction                                                    */

/**
 * memblock_set_current_limit - set the current allocation limit
 * @limit: new limit value (physical address); MEMBLOCK_ALLOC_ANYWHERE for
 *	none
 *
 * Allocations asking for MEMBLOCK_ALLOC_ACCESSIBLE stay below @limit, so
 * early boot code can keep allocations inside what it has mapped. Refused
 * (logged, nothing changes) from a hook and after memblock_discard().
 */
void memblock_set_current_limit(phys_addr_t limit);

/**
 * memblock_get_current_limit - get the current allocation limit
 *
 * Return: memblock.current_limit.
 */
phys_addr_t memblock_get_current_limit(void);

/**
 * memblock_set_bottom_up - set the allocation direction
 * @enable: true for bottom-up (lowest free address first, from
 *	max(start, PAGE_SIZE) as in Linux 5.11+), false for top-down
 *
 * An inline setter of one field, as in Linux: unlike the other setters it
 * is not refused from a hook or after memblock_discard().
 */
static inline void memblock_set_bottom_up(bool enable)
{
	memblock.bottom_up = enable;
}

/**
 * memblock_bottom_up - get the allocation direction
 *
 * Return: true when memblock allocates bottom-up.
 */
static inline bool memblock_bottom_up(void)
{
	return memblock.bottom_up;
}

/**
 * memblock_trim_memory - trim memory regions to an alignment
 * @align: alignment (a power of two)
 *
 * Round each memory region's base up and end down to @align; regions that
 * vanish are removed. A non-power-of-two or zero @align is logged and
 * ignored. A grown region array in a part that goes first moves to an
 * @align-aligned block of memory; when it cannot, nothing changes (logged).
 * Refused (logged) from a hook and after memblock_discard().
 */
void memblock_trim_memory(phys_addr_t align);

/**
 * memblock_enforce_memory_limit - keep only the first @memory_limit bytes
 * @memory_limit: how much memory to keep (0: no limit)
 *
 * Walks memory regions from the bottom (NOMAP ones count too), finds the
 * address where @memory_limit bytes have been seen, and removes all memory
 * and reservations above it, as mem= does. Does nothing when memory is
 * smaller than the limit; when it is exactly the limit, no memory goes but
 * reservations above the end of memory do (as in Linux). Grown region
 * arrays above the limit first move below it; when one cannot, nothing
 * changes (logged). Refused (logged) from a hook and after
 * memblock_discard().
 */
void memblock_enforce_memory_limit(phys_addr_t memory_limit);

/**
 * memblock_cap_memory_range - keep only the memory inside a range
 * @base: base of the range to keep
 * @size: size of the range to keep (0: do nothing)
 *
 * Removes memory outside [@base, @base + @size), except regions marked
 * NOMAP, and the reservations outside it. With no memory registered yet it
 * logs a warning and changes nothing. Grown region arrays outside the range
 * first move into it (they stay reserved); when one cannot, or a split
 * needs a slot the full array cannot get, nothing changes and an error is
 * logged. Refused (logged) from a hook and after memblock_discard().
 */
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size);

/**
 * memblock_mem_limit_remove_map - mem= that keeps NOMAP memory
 * @limit: how much memory to keep (0: no limit)
 *
 * Like memblock_enforce_memory_limit() but through
 * memblock_cap_memory_range(), so NOMAP regions above the limit stay (and
 * grown arrays move below it).
 */
void memblock_mem_limit_remove_map(phys_addr_t limit);

/* ---------------------------------------------------------------------- */
/* Iterators                                                               */

/**
 * __next_mem_range - next function for for_each_free_mem_range() etc.
 * @idx: pointer to u64 loop variable
 * @nid: node selector, NUMA_NO_NODE for all nodes
 * @flags: pick from blocks based on memory attributes
 * @type_a: pointer to memblock_type from where the range is taken
 * @type_b: pointer to memblock_type which excludes memory from being taken
 *	(may be NULL)
 * @out_start: ptr to phys_addr_t for start address of the range, can be NULL
 * @out_end: ptr to phys_addr_t for end address of the range, can be NULL
 * @out_nid: ptr to int for nid of the range, can be NULL
 *
 * Find the first area from *@idx which matches @nid, fill the out
 * parameters, and update *@idx for the next iteration. The lower 32 bits of
 * *@idx index @type_a and the upper 32 bits index the gaps of @type_b (gap
 * k lies before region k of @type_b). *@idx becomes ULLONG_MAX at the end.
 *
 * When @type_a is the "memory" type, its regions are filtered: other nodes
 * when @nid is given, NOMAP unless @flags has MEMBLOCK_NOMAP, DRIVER_MANAGED
 * unless @flags has it, non-mirrored when @flags has MEMBLOCK_MIRROR, and
 * HOTPLUG when movable_node_is_enabled() unless @flags has MEMBLOCK_HOTPLUG.
 */
void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a,
		      struct memblock_type *type_b, phys_addr_t *out_start,
		      phys_addr_t *out_end, int *out_nid);

/**
 * __next_mem_range_rev - generic next function for for_each_*_range_rev()
 * @idx: pointer to u64 loop variable (start with ULLONG_MAX)
 * @nid: node selector, NUMA_NO_NODE for all nodes
 * @flags: pick from blocks based on memory attributes
 * @type_a: pointer to memblock_type from where the range is taken
 * @type_b: pointer to memblock_type which excludes memory from being taken
 *	(may be NULL)
 * @out_start: ptr to phys_addr_t for start address of the range, can be NULL
 * @out_end: ptr to phys_addr_t for end address of the range, can be NULL
 * @out_nid: ptr to int for nid of the range, can be NULL
 *
 * Reverse of __next_mem_range(): same ranges, highest first.
 */
void __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a,
			  struct memblock_type *type_b, phys_addr_t *out_start,
			  phys_addr_t *out_end, int *out_nid);

/**
 * __next_mem_pfn_range - next function for for_each_mem_pfn_range()
 * @idx: pointer to int loop variable (start with -1)
 * @nid: node selector, NUMA_NO_NODE or MAX_NUMNODES for all nodes
 * @out_start_pfn: ptr to ulong for start pfn of the range, can be NULL
 * @out_end_pfn: ptr to ulong for end pfn of the range, can be NULL
 * @out_nid: ptr to int for nid of the range, can be NULL
 *
 * Memory regions (NOMAP included) as whole page frames; regions holding no
 * whole page are skipped. *@idx becomes -1 at the end.
 */
void __next_mem_pfn_range(int *idx, int nid, unsigned long *out_start_pfn,
			  unsigned long *out_end_pfn, int *out_nid);

#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
/**
 * __next_physmem_range - next function for for_each_physmem_range()
 * @idx: pointer to u64 loop variable
 * @type: pointer to memblock_type which excludes from the iteration (may be
 *	NULL)
 * @out_start: ptr to phys_addr_t for start address of the range, can be NULL
 * @out_end: ptr to phys_addr_t for end address of the range, can be NULL
 */
void __next_physmem_range(u64 *idx, struct memblock_type *type,
			  phys_addr_t *out_start, phys_addr_t *out_end);

/**
 * for_each_physmem_range - iterate through physmem areas not included in type
 * @i: u64 used as loop variable
 * @type: ptr to memblock_type which excludes from the iteration, can be NULL
 * @p_start: ptr to phys_addr_t for start address of the range, can be NULL
 * @p_end: ptr to phys_addr_t for end address of the range, can be NULL
 */
#define for_each_physmem_range(i, type, p_start, p_end)			\
	for (i = 0, __next_physmem_range(&i, type, p_start, p_end);	\
	     i != (u64)ULLONG_MAX;					\
	     __next_physmem_range(&i, type, p_start, p_end))
#endif

/**
 * __for_each_mem_range - iterate through memblock areas from type_a and not
 * included in type_b. Or just type_a if type_b is NULL.
 * @i: u64 used as loop variable
 * @type_a: ptr to memblock_type to iterate
 * @type_b: ptr to memblock_type which excludes from the iteration
 * @nid: node selector, NUMA_NO_NODE for all nodes
 * @flags: pick from blocks based on memory attributes
 * @p_start: ptr to phys_addr_t for start address of the range, can be NULL
 * @p_end: ptr to phys_addr_t for end address of the range, can be NULL
 * @p_nid: ptr to int for nid of the range, can be NULL
 */
#define __for_each_mem_range(i, type_a, type_b, nid, flags,		\
			     p_start, p_end, p_nid)			\
	for (i = 0, __next_mem_range(&i, nid, flags, type_a, type_b,	\
				     p_start, p_end, p_nid);		\
	     i != (u64)ULLONG_MAX;					\
	     __next_mem_range(&i, nid, flags, type_a, type_b,		\
			      p_start, p_end, p_nid))

/**
 * __for_each_mem_range_rev - reverse iterate through memblock areas from
 * type_a and not included in type_b. Or just type_a if type_b is NULL.
 * @i: u64 used as loop variable
 * @type_a: ptr to memblock_type to iterate
 * @type_b: ptr to memblock_type which excludes from the iteration
 * @nid: node selector, NUMA_NO_NODE for all nodes
 * @flags: pick from blocks based on memory attributes
 * @p_start: ptr to phys_addr_t for start address of the range, can be NULL
 * @p_end: ptr to phys_addr_t for end address of the range, can be NULL
 * @p_nid: ptr to int for nid of the range, can be NULL
 */
#define __for_each_mem_range_rev(i, type_a, type_b, nid, flags,		\
				 p_start, p_end, p_nid)			\
	for (i = (u64)ULLONG_MAX,					\
	     __next_mem_range_rev(&i, nid, flags, type_a, type_b,	\
				  p_start, p_end, p_nid);		\
	     i != (u64)ULLONG_MAX;					\
	     __next_mem_range_rev(&i, nid, flags, type_a, type_b,	\
				  p_start, p_end, p_nid))

/**
 * for_each_mem_range - iterate through memory areas
 * @i: u64 used as loop variable
 * @p_start: ptr to phys_addr_t for start address of the range, can be NULL
 * @p_end: ptr to phys_addr_t for end address of the range, can be NULL
 *
 * NOMAP memory is skipped; HOTPLUG and DRIVER_MANAGED memory is included
 * (Linux passes MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED, since 5.15).
 */
#define for_each_mem_range(i, p_start, p_end)				\
	__for_each_mem_range(i, &memblock.memory, NULL, NUMA_NO_NODE,	\
			     MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED,	\
			     p_start, p_end, NULL)

/**
 * for_each_mem_range_rev - reverse iterate through memory areas
 * @i: u64 used as loop variable
 * @p_start: ptr to phys_addr_t for start address of the range, can be NULL
 * @p_end: ptr to phys_addr_t for end address of the range, can be NULL
 *
 * The same ranges as for_each_mem_range(), highest first.
 */
#define for_each_mem_range_rev(i, p_start, p_end)			\
	__for_each_mem_range_rev(i, &memblock.memory, NULL, NUMA_NO_NODE, \
				 MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED, \
				 p_start, p_end, NULL)

/**
 * for_each_reserved_mem_range - iterate over all reserved memblock areas
 * @i: u64 used as loop variable
 * @p_start: ptr to phys_addr_t for start address of the range, can be NULL
 * @p_end: ptr to phys_addr_t for end address of the range, can be NULL
 */
#define for_each_reserved_mem_range(i, p_start, p_end)			\
	__for_each_mem_range(i, &memblock.reserved, NULL, NUMA_NO_NODE,	\
			     MEMBLOCK_NONE, p_start, p_end, NULL)

/**
 * for_each_free_mem_range - iterate through free memblock areas
 * @i: u64 used as loop variable
 * @nid: node selector, NUMA_NO_NODE for all nodes
 * @flags: pick from blocks based on memory attributes
 * @p_start: ptr to phys_addr_t for start address of the range, can be NULL
 * @p_end: ptr to phys_addr_t for end address of the range, can be NULL
 * @p_nid: ptr to int for nid of the range, can be NULL
 *
 * Walks over free (memory && !reserved) areas of memblock.
 */
#define for_each_free_mem_range(i, nid, flags, p_start, p_end, p_nid)	\
	__for_each_mem_range(i, &memblock.memory, &memblock.reserved,	\
			     nid, flags, p_start, p_end, p_nid)

/**
 * for_each_free_mem_range_reverse - rev-iterate through free memblock areas
 * @i: u64 used as loop variable
 * @nid: node selector, NUMA_NO_NODE for all nodes
 * @flags: pick from blocks based on memory attributes
 * @p_start: ptr to phys_addr_t for start address of the range, can be NULL
 * @p_end: ptr to phys_addr_t for end address of the range, can be NULL
 * @p_nid: ptr to int for nid of the range, can be NULL
 */
#define for_each_free_mem_range_reverse(i, nid, flags, p_start, p_end,	\
					p_nid)				\
	__for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved, \
				 nid, flags, p_start, p_end, p_nid)

/**
 * for_each_mem_pfn_range - early memory pfn range iterator
 * @i: an integer used as loop variable
 * @nid: node selector, MAX_NUMNODES (or NUMA_NO_NODE) for all nodes
 * @p_start: ptr to ulong for start pfn of the range, can be NULL
 * @p_end: ptr to ulong for end pfn of the range, can be NULL
 * @p_nid: ptr to int for nid of the range, can be NULL
 */
#define for_each_mem_pfn_range(i, nid, p_start, p_end, p_nid)		\
	for (i = -1, __next_mem_pfn_range(&i, nid, p_start, p_end, p_nid); \
	     i >= 0; __next_mem_pfn_range(&i, nid, p_start, p_end, p_nid))

/**
 * for_each_memblock_type - iterate over the regions of a type
 * @i: unsigned long loop variable
 * @memblock_type: ptr to the memblock_type
 * @rgn: ptr to struct memblock_region, set to each region in turn
 *
 * Visits nothing in an empty type (cnt == 0, Linux 6.11+).
 */
#define for_each_memblock_type(i, memblock_type, rgn)			\
	for (i = 0, rgn = &(memblock_type)->regions[0];			\
	     i < (memblock_type)->cnt;					\
	     i++, rgn = &(memblock_type)->regions[i])

/**
 * for_each_mem_region - iterate over memory regions
 * @region: loop variable (struct memblock_region *)
 */
#define for_each_mem_region(region)					\
	for (region = memblock.memory.regions;				\
	     region < (memblock.memory.regions + memblock.memory.cnt);	\
	     region++)

/**
 * for_each_reserved_mem_region - iterate over reserved memory regions
 * @region: loop variable (struct memblock_region *)
 */
#define for_each_reserved_mem_region(region)				\
	for (region = memblock.reserved.regions;			\
	     region < (memblock.reserved.regions + memblock.reserved.cnt); \
	     region++)

/* ---------------------------------------------------------------------- */
/* Hand-off to the page allocator                                          */

/**
 * memblock_free_all - release free pages to the page allocator
 *
 * Hands every free range (memory minus reserved; NOMAP and DRIVER_MANAGED
 * memory excluded) to memblock_env_free_pages() as naturally aligned blocks
 * of up to 2^MAX_ORDER pages, each block the largest that is aligned to its
 * size and fits in what is left of the range. Only whole free pages are
 * released: a page partly reserved, or partly outside memory, is not.
 * Blocks come in increasing address order. The hook may read memblock;
 * calls that would change it are refused (-EBUSY, 0 / NULL, one log line).
 *
 * Before releasing, MEMBLOCK_HOTPLUG is cleared on all memory (so that
 * hotpluggable memory is released even under movable_node), and resizing is
 * switched off for good: from now on free memory belongs to the page
 * allocator and memblock must not grow its arrays into it. Nothing else in
 * memblock changes. The page allocator's memory map is the embedder's to
 * prepare before this call: mark the pages of every reserved region not
 * flagged MEMBLOCK_RSRV_NOINIT (for_each_reserved_mem_region(), rounded out
 * to whole pages) and of every NOMAP memory region (for_each_mem_region())
 * as reserved.
 *
 * It moves memblock_stage to MEMBLOCK_STAGE_FREED: allocations,
 * memblock_reserve() and memblock_phys_free() are refused from then on. A
 * second call (or one after memblock_discard(), or from a hook) releases
 * nothing and logs an error.
 *
 * Returns nothing, as in Linux 6.12; the number of pages released is
 * memblock_free_all_released().
 */
void memblock_free_all(void);

/**
 * memblock_free_all_released - pages memblock_free_all() released
 *
 * Not in Linux (this library's addition): the count Linux's
 * memblock_free_all() no longer returns, for a kernel that wants to check
 * or print it. Pages given back later by memblock_free_late() or
 * memblock_discard() are not counted. Reads memblock only; callable from
 * a hook.
 *
 * Return: the number of pages memblock_free_all() has handed to
 * memblock_env_free_pages() since boot: 0 before it has run, its count
 * after (a refused or repeated call adds nothing, so the growth across one
 * call is what that call released).
 */
unsigned long memblock_free_all_released(void);

/**
 * memblock_free_late - free pages directly to the page allocator
 * @base: physical starting address of the boot memory block
 * @size: size of the boot memory block in bytes (clamped at the top of the
 *	address space; 0 does nothing)
 *
 * For memory memblock reserved and that is no longer needed after the
 * hand-off: [@base, @base + @size) is dropped from "reserved", then the
 * whole pages inside it go straight to memblock_env_free_pages(), in the
 * same aligned blocks as memblock_free_all(). Partial pages at either end
 * are not released (they may share a page with another reservation), nor
 * are the pages of a grown region array inside the range (they are
 * memblock's). When dropping the reservation needs a split the full array
 * cannot hold (it no longer grows after the hand-off), the range stays
 * reserved and nothing is released, with an error: a page is never both
 * reserved and the page allocator's. The range must be memory the caller
 * owns: it is not checked against memory or NOMAP.
 *
 * Only between memblock_free_all() and memblock_discard(): before the
 * hand-off memblock would hand the pages out again (use
 * memblock_phys_free()), after the discard memblock keeps nothing. Out of
 * that window, and from a hook, it is refused (logged, nothing changes).
 */
void memblock_free_late(phys_addr_t base, phys_addr_t size);

/**
 * memblock_discard - discard memory and reserved arrays if they were allocated
 *
 * After the hand-off, when the embedder does not keep memblock
 * (CONFIG_ARCH_KEEP_MEMBLOCK == 0, the default): memblock is emptied (every
 * type points at an empty one-entry array of its own, so no query, search
 * or allocation finds anything and no pointer into freed memory remains),
 * and then the whole pages of every region array memblock grew into are
 * given to memblock_env_free_pages(). The static arrays are the embedder's
 * (they live in __initdata_memblock) and are not released; nor is an array
 * not wholly in memory outside NOMAP (the ownership rules keep every grown
 * array there; one found elsewhere is kept, with an error). Call it after
 * memblock_free_all() and after the last use of memblock. It moves
 * memblock_stage to MEMBLOCK_STAGE_DISCARDED: every call that would change
 * memblock is refused from then on, and a second memblock_discard()
 * releases nothing and logs an error. Refused (logged) from a hook.
 *
 * With CONFIG_ARCH_KEEP_MEMBLOCK == 1 it does nothing (the stage stays).
 */
void memblock_discard(void);

/* ---------------------------------------------------------------------- */
/* Debugging                                                               */

/**
 * memblock_dump_all - print every region, as memblock=debug does
 *
 * Prints through memblock_env_log(), at MEMBLOCK_LOG_INFO:
 *
 *   MEMBLOCK configuration:
 *    memory size = 0x... reserved size = 0x...
 *    memory.cnt  = 0x3
 *    memory[0x0]	[0x...-0x...], 0x... bytes on node 0 flags: 0x0
 *    reserved.cnt  = 0x1
 *    ...
 *    physmem.cnt  = 0x0
 *
 * byte for byte as Linux 6.12 prints it: a tab (not a space) follows each
 * "[0xN]". " on node N" appears when N is a valid node (0..MAX_NUMNODES-1,
 * Linux's numa_valid_node()) in a build with NUMA (MAX_NUMNODES > 1). An
 * empty type prints its "cnt  = 0x0" line and no region line (Linux 6.11+).
 */
void memblock_dump_all(void);

/**
 * memblock_parse_cmdline - apply memblock's kernel command line options
 * @cmdline: the command line (NUL-terminated; NULL is treated as empty)
 *
 * Recognises "memblock=debug", which sets memblock_debug, and
 * "kernelcore=mirror" (also "mirror" in a comma-separated list, any
 * kernelcore= word), which sets mirrored_kernelcore as Linux's early
 * parameter does (other kernelcore= values are the page allocator's and
 * are ignored). Neither is ever cleared. Other words are ignored.
 *
 * Return: the number of memblock options found; -EBUSY (nothing changes)
 * from a hook.
 */
int memblock_parse_cmdline(const char *cmdline);

/**
 * memblock_cmdline_find - find a "key=value" word on a command line
 * @cmdline: the command line (NULL is treated as empty)
 * @key: the key, without '='
 * @val: set to the start of the value (may be NULL)
 * @len: set to the length of the value (may be NULL)
 *
 * Words are separated by white space (spaces, tabs, newlines); a value may
 * be quoted with double quotes (the quotes are not part of it). The last
 * occurrence wins, as with the kernel's early parameters.
 *
 * Return: true if @key was found; false for a NULL @key.
 */
bool memblock_cmdline_find(const char *cmdline, const char *key,
			   const char **val, size_t *len);

/**
 * memblock_memparse - parse a size with an optional K, M, G, T, P or E suffix
 * @ptr: the string
 * @retptr: set to the first character not consumed (may be NULL)
 *
 * Accepts decimal, 0x-prefixed hex and 0-prefixed octal, like the kernel's
 * memblock_memparse(). Overflow saturates at ULLONG_MAX.
 *
 * Return: the value in bytes; 0 for a NULL @ptr (then *@retptr is NULL).
 */
unsigned long long memblock_memparse(const char *ptr, char **retptr);

#endif /* _LINUX_MEMBLOCK_H */
