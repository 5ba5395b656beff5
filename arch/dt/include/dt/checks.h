/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree kernels' boot checks (arm64, riscv64): what the tree says,
 * re-read independently of the DT -> memblock scan, and helpers that test
 * memblock's arrays against it.
 */
#ifndef DT_CHECKS_H
#define DT_CHECKS_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/memblock.h>
#include <firmware/fdt.h>

#define DT_EXPECT_MAX		32
#define DT_EXPECT_RANGES	4

/**
 * struct dt_range - one range read from the device tree
 * @base: first byte
 * @size: length in bytes
 * @nid: numa-node-id of its memory node, -1 if none
 * @nomap: a /reserved-memory child with "no-map"
 * @hotplug: a memory node with "hotpluggable"
 * @name: node name (inside the blob), "" for /memreserve/
 */
struct dt_range {
	uint64_t base;
	uint64_t size;
	int nid;
	bool nomap;
	bool hotplug;
	const char *name;
};

/**
 * struct dt_dynamic - a dynamic /reserved-memory child ("size", no "reg")
 * @name: node name
 * @size: "size"
 * @align: "alignment", PAGE_SIZE when absent
 * @nomap: has "no-map"
 * @nranges: number of "alloc-ranges" entries (0: anywhere)
 * @ranges: the alloc-ranges (base, size; nid and name unused)
 */
struct dt_dynamic {
	const char *name;
	uint64_t size;
	uint64_t align;
	bool nomap;
	unsigned int nranges;
	struct dt_range ranges[DT_EXPECT_RANGES];
};

/**
 * struct dt_expect - the device tree's view of memory, for the checks
 * @memory: "reg" (or "linux,usable-memory") of every memory node
 * @nmemory: entries in @memory
 * @memreserve: the /memreserve/ map
 * @nmemreserve: entries in @memreserve
 * @fixed: static /reserved-memory children
 * @nfixed: entries in @fixed
 * @dynamic: dynamic /reserved-memory children
 * @ndynamic: entries in @dynamic
 * @initrd: /chosen linux,initrd-start/-end, size 0 if absent
 * @usable: /chosen linux,usable-memory-range (first entry), size 0 if absent
 * @mem_limit: "mem=" of bootargs rounded down to pages, 0 if absent
 * @truncated: some table above overflowed
 * @err: first reader error met, 0 if none
 */
struct dt_expect {
	struct dt_range memory[DT_EXPECT_MAX];
	unsigned int nmemory;
	struct dt_range memreserve[DT_EXPECT_MAX];
	unsigned int nmemreserve;
	struct dt_range fixed[DT_EXPECT_MAX];
	unsigned int nfixed;
	struct dt_dynamic dynamic[8];
	unsigned int ndynamic;
	struct dt_range initrd;
	struct dt_range usable;
	uint64_t mem_limit;
	bool truncated;
	int err;
};

/**
 * dt_expect_read - read what the checks need from the device tree
 * @dt: the opened DTB
 * @x: filled (zeroed first)
 *
 * Return: 0, or the first reader error (also kept in @x->err).
 */
int dt_expect_read(const struct fdtr *dt, struct dt_expect *x);

/**
 * type_covers - is [@base, @base + @size) entirely inside regions of @type?
 * @type: memblock.memory or memblock.reserved
 * @base: first byte
 * @size: length (0 is covered)
 * @flags: flags every covering region must have (0: any)
 *
 * Return: true if covered.
 */
bool type_covers(const struct memblock_type *type, phys_addr_t base,
		 phys_addr_t size, unsigned int flags);

/**
 * type_overlaps - does [@base, @base + @size) touch a region of @type?
 * @type: a memblock type
 * @base: first byte
 * @size: length
 * @flags: only regions with all these flags count (0: every region)
 *
 * Return: true on overlap.
 */
bool type_overlaps(const struct memblock_type *type, phys_addr_t base,
		   phys_addr_t size, unsigned int flags);

/**
 * type_has_aligned_block - is some @align-aligned block of @size inside a
 * region of @type and inside [@lo, @hi)?
 * @type: a memblock type
 * @flags: flags the region must have (0: any)
 * @lo: window start
 * @hi: window end
 * @size: block size
 * @align: block alignment (a power of two)
 *
 * Return: true if such a block exists.
 */
bool type_has_aligned_block(const struct memblock_type *type,
			    unsigned int flags, phys_addr_t lo, phys_addr_t hi,
			    phys_addr_t size, phys_addr_t align);

/**
 * dt_memory_checks - TAP checks of memblock.memory and memblock.reserved
 * against the device tree
 * @x: the tree's view (dt_expect_read())
 *
 * Uses DT_BOOT (asm/setup.h) for the DTB and dt_kernel_scan for the scan's
 * counts.
 */
void dt_memory_checks(const struct dt_expect *x);

/**
 * alloc_checks - allocate through memblock's API and check each result
 * @x: the device tree's view, for the ranges allocations must avoid
 */
void alloc_checks(const struct dt_expect *x);

#endif /* DT_CHECKS_H */
