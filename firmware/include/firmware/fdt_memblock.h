/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Device tree -> memblock: what a kernel booted with a DTB (arm64, riscv,
 * ...) does in early boot to describe memory, plus the few /chosen and
 * /psci facts an early console and shutdown need.
 *
 * DOC: order of the scan
 *
 * dt_scan_memblock() runs these steps in Linux's order:
 *
 *  1. /chosen is read (bootargs, initrd, stdout-path); "memblock=debug" in
 *     bootargs takes effect at once, so the steps below are logged.
 *  2. Memory: every available node whose device_type is "memory" (a child
 *     of the root): each entry of "linux,usable-memory", else of "reg",
 *     rounded inwards to PAGE_SIZE (sub-page entries are dropped with a
 *     warning) and added with memblock_add_node(), on the node given by
 *     "numa-node-id" if any; "hotpluggable" nodes are then marked
 *     MEMBLOCK_HOTPLUG. Entries above phys_addr_t's reach are dropped or
 *     truncated with a warning.
 *  3. /chosen "linux,usable-memory-range": memory is capped to the first
 *     range (memblock_cap_memory_range()); a second range is added back.
 *     If the cap cannot be made (the memory array is full and may not
 *     grow), the scan stops there with -ENOSPC and an error line:
 *     a crash kernel must never run over the crashed kernel's memory.
 *  4. "mem=" from bootargs: memblock_enforce_memory_limit().
 *  5. Reservations, in the order Linux arm64 makes them: the blob itself
 *     (its totalsize), the initrd (rounded outwards to pages), the static
 *     /reserved-memory children, the /memreserve/ entries, then the
 *     dynamic /reserved-memory children.
 *
 * /reserved-memory is used only when its #address-cells and #size-cells
 * equal the root's and it has "ranges" (otherwise it is ignored with a
 * warning, as Linux does). Children with status disabled are skipped.
 * A static child ("reg") is memblock_reserve()d; with "no-map" it is
 * instead memblock_mark_nomap()ped and not reserved: it stays in "memory"
 * flagged NOMAP, which memblock never allocates nor hands to the page
 * allocator (Linux's behaviour). A no-map range already reserved by an
 * earlier step (the blob, the initrd) cannot become NOMAP: it is logged,
 * counted in dt_scan_result.errors and memblock_reserve()d instead (Linux
 * returns -EBUSY and leaves the rest of the range to the allocator,
 * although the firmware uses it).
 * A dynamic child ("size" in size cells; optional "alignment" in address
 * cells, a power of two, default SMP_CACHE_BYTES as in Linux; raised to
 * at least DT_CMA_MIN_ALIGN for a "shared-dma-pool" that is "reusable"
 * and not "no-map", which Linux makes a CMA area (Linux 6.12's
 * __reserved_mem_alloc_size()); optional "alloc-ranges" tried in order,
 * else anywhere) is allocated
 * with memblock_phys_alloc_range(); with "no-map"
 * the block is then also marked NOMAP and stays reserved, as Linux does
 * (if it cannot be marked, it is freed and the node counted as an error). A failed allocation is logged with the node's name and counted
 * in dt_scan_result.errors; the scan goes on.
 *
 * A range the tree says is in use (the blob, the initrd, a static
 * /reserved-memory child, a /memreserve/ entry) that memblock cannot
 * reserve or mark no-map (its array full) makes the scan fail with
 * -ENOSPC after the other static ones are made, and before any
 * dynamic allocation: that memory would otherwise be handed out.
 *
 * Resizing: Linux allows the region arrays to grow only after all of this
 * (arm64's paging_init()). Any earlier, a grown array could land on a
 * range not reserved yet, which the firmware's reservation would then
 * cover too: memory with two owners. So when memblock_allow_resize() was
 * called before the scan, the scan keeps the arrays at their size (it
 * clears memblock_can_resize and sets it back) through steps 2 to 5,
 * except the dynamic /reserved-memory allocations, which may grow them.
 * dt_scan_memory() and dt_scan_reserved() do the same when called alone.
 *
 * Log lines start with "dt: " and go to memblock_env_log().
 *
 * The tree is read through libfdt's API (fdt_api.h): the built-in reader by
 * default, the system's libfdt with FIRMWARE_LIBFDT_SYSTEM (the knob
 * FIRMWARE_LIBFDT=system of firmware/Makefile.firmware). The functions
 * below take the blob as libfdt does (const void *fdt) and return 0 or a
 * negative errno either way.
 */
#ifndef FIRMWARE_FDT_MEMBLOCK_H
#define FIRMWARE_FDT_MEMBLOCK_H

#include <linux/memblock.h>
#include <firmware/fdt_api.h>

/* Flags for dt_scan_memblock(). */
/*
 * Linux's pageblock_order: a PMD's worth of pages (PMD_SHIFT - PAGE_SHIFT,
 * 8-byte table entries), 9 with 4 KiB pages. CMA areas are aligned to a
 * pageblock, CMA_MIN_ALIGNMENT_BYTES: 2 MiB with 4 KiB pages.
 */
#define DT_PAGEBLOCK_ORDER	(PAGE_SHIFT - 3)
#define DT_CMA_MIN_ALIGN	((uint64_t)PAGE_SIZE << DT_PAGEBLOCK_ORDER)

#define DT_SCAN_NO_CMDLINE	0x1	/* do not apply mem= / memblock=debug */
#define DT_SCAN_NO_RESERVE_DTB	0x2	/* do not reserve the blob itself */

/**
 * struct dt_scan_result - what dt_scan_memblock() found and did
 * @memory_nodes: memory nodes used
 * @memory_ranges: ranges added to memblock.memory
 * @hotplug_ranges: ranges marked MEMBLOCK_HOTPLUG
 * @numa_ranges: ranges added with a node id
 * @memreserve: /memreserve/ entries reserved
 * @reserved_static: static /reserved-memory children reserved
 * @reserved_nomap: /reserved-memory children (static or dynamic) made NOMAP
 * @reserved_dynamic: dynamic /reserved-memory children allocated
 * @warnings: problems worked around (each logged)
 * @errors: failures that lost something (each logged), e.g. a dynamic
 *	reservation that could not be allocated
 * @usable_range: /chosen linux,usable-memory-range capped memory
 * @has_initrd: /chosen had a valid initrd range
 * @initrd_start: the initrd's first byte, as in /chosen
 * @initrd_end: just past its last byte, as in /chosen
 * @mem_limit: the mem= limit applied, 0 if none
 * @bootargs: /chosen bootargs inside the blob, NULL if absent
 * @stdout_path: /chosen stdout-path (or linux,stdout-path) inside the
 *	blob, NULL if absent
 */
struct dt_scan_result {
	unsigned int memory_nodes;
	unsigned int memory_ranges;
	unsigned int hotplug_ranges;
	unsigned int numa_ranges;
	unsigned int memreserve;
	unsigned int reserved_static;
	unsigned int reserved_nomap;
	unsigned int reserved_dynamic;
	unsigned int warnings;
	unsigned int errors;
	bool usable_range;
	bool has_initrd;
	uint64_t initrd_start;
	uint64_t initrd_end;
	phys_addr_t mem_limit;
	const char *bootargs;
	const char *stdout_path;
};

/**
 * dt_scan_memblock - describe the machine's memory to memblock from a DTB
 * @blob: the flattened device tree (any alignment)
 * @bufsize: bytes readable at @blob (if unknown but mapped: 2 MiB, Linux
 *	arm64's MAX_FDT_SIZE, the built-in reader's FDTR_MAX_SIZE)
 * @blob_phys: physical address of @blob, for reserving it
 * @flags: DT_SCAN_* flags
 * @res: filled with findings (zeroed first); may not be NULL
 *
 * Runs the steps in the "order of the scan" above. The blob is fully
 * checked (fdt_check_full() against @bufsize) before memblock is touched,
 * so a malformed blob changes nothing.
 *
 * Return: 0 on success (even with warnings or errors counted in @res);
 * a negative errno when the blob is malformed (the provider's error through
 * fw_fdt_errno()) or has no usable memory node (-ENOENT); -EDOM when the
 * root's cell counts are unusable; -ENOSPC when memory could not be
 * capped to linux,usable-memory-range (memblock is then left with the
 * memory nodes added, uncapped) or a range the tree says is in use could
 * not be reserved (the caller must stop in both cases);
 * -EINVAL for NULL @blob or @res.
 */
int dt_scan_memblock(const void *blob, size_t bufsize, phys_addr_t blob_phys,
		     unsigned int flags, struct dt_scan_result *res);

/**
 * dt_scan_chosen - read /chosen without touching memblock
 * @fdt: the blob, checked with fdt_check_full()
 * @res: its bootargs, stdout_path, has_initrd, initrd_start, initrd_end
 *	and warnings fields are set
 *
 * "linux,initrd-start" and "-end" may each be 4 or 8 bytes long; a range
 * with end < start or another length is ignored with a warning.
 *
 * Return: 0, also when there is no /chosen; a negative error for a
 * malformed blob.
 */
int dt_scan_chosen(const void *fdt, struct dt_scan_result *res);

/**
 * dt_scan_memory - add the memory nodes to memblock (step 2 and 3)
 * @fdt: the blob, checked with fdt_check_full()
 * @res: counters updated
 *
 * Return: 0; -ENOENT when no memory range was added;
 * -EDOM for unusable root cell counts; -ENOSPC
 * when the cap to linux,usable-memory-range failed; another negative
 * error for a malformed blob.
 */
int dt_scan_memory(const void *fdt, struct dt_scan_result *res);

/**
 * dt_numa_nodes - give memblock.memory the nodes the memory nodes name
 * @fdt: the blob, checked with fdt_check_full()
 * @nr_nodes: set to the number of distinct node ids given to memory
 *
 * Not a step of dt_scan_memblock(), whose memory nodes add memory with
 * their node already: for memory that came from elsewhere, the UEFI map
 * (efi_dt_memblock_setup()), where Linux's of_numa still reads the
 * tree's memory nodes for their "numa-node-id" (the arm64 UEFI
 * application and memblock-sim call it after that sequence). Every
 * available child of the root whose device_type is "memory" and that has
 * a "reg" and a one-cell "numa-node-id": each entry of its "reg" (not
 * "linux,usable-memory", as of_numa) gets that node in memblock.memory
 * (memblock_set_node(): memory outside the entries is left as it is, and
 * so are the other flags). Nodes whose reg is not a whole number of
 * entries, or whose numa-node-id is not one cell, are skipped; entries
 * that start beyond phys_addr_t are skipped, ones that cross its end are
 * capped. Nothing is logged but the error below.
 *
 * Return: 0; -EINVAL for NULL arguments; -EDOM for unusable root cell
 * counts; -ERANGE (one "dt: " error line through memblock_env_log())
 * when a numa-node-id is MAX_NUMNODES or more, which Linux's of_numa
 * refuses too; another negative error for a malformed blob: all of
 * these with memblock and *@nr_nodes unchanged. Or memblock's first
 * error (-ENOMEM: the memory array full and not allowed to grow), which
 * may leave the entries before it set.
 */
int dt_numa_nodes(const void *fdt, unsigned int *nr_nodes);

/**
 * dt_apply_cmdline - apply memblock's command line options (step 4)
 * @cmdline: the command line, NULL for none
 * @res: mem_limit and warnings updated (may be NULL)
 *
 * "memblock=debug" goes through memblock_parse_cmdline(); "mem=SIZE"
 * (memblock_memparse() syntax, rounded down to PAGE_SIZE; the last one wins) is
 * applied with memblock_enforce_memory_limit(). Linux arm64 uses
 * memblock_mem_limit_remove_map() instead, which spares NOMAP memory; in
 * this order no memory is NOMAP yet, so both give the same result. A
 * mem= of zero or not a number is ignored with a warning.
 *
 * Return: the limit applied, 0 if none.
 */
phys_addr_t dt_apply_cmdline(const char *cmdline, struct dt_scan_result *res);

/**
 * dt_reserve_image - reserve the kernel image, in memory even after mem=
 * @base: physical address of the image
 * @size: its size (text, data, .bss, stacks)
 *
 * Not part of dt_scan_memblock(): dt_memblock_setup() calls it between
 * dt_apply_cmdline() and dt_scan_reserved() when its policy names an
 * image, so that dynamic reservations never land on the image. If mem= cut the image off
 * memory, its range is first added back, with a log line, as Linux arm64
 * does.
 *
 * Return: 0, or the error memblock_add() or memblock_reserve() returned.
 */
int dt_reserve_image(phys_addr_t base, phys_addr_t size);

/**
 * dt_scan_reserved - reserve what the tree says is in use (step 5)
 * @fdt: the blob, checked with fdt_check_full()
 * @blob_phys: physical address of the blob, reserved for its totalsize
 * @flags: DT_SCAN_* flags
 * @res: counters updated; its initrd fields (from dt_scan_chosen()) say
 *	what to reserve for the initrd
 *
 * Return: 0; -ENOSPC when a range the tree says is in use could
 * not be reserved (the dynamic reservations are then not made); a
 * negative error for a malformed blob.
 */
int dt_scan_reserved(const void *fdt, phys_addr_t blob_phys,
		     unsigned int flags, struct dt_scan_result *res);

/**
 * struct dt_console - the boot console named by /chosen stdout-path
 * @node: its node offset
 * @name: its node name ("pl011@9000000")
 * @compatible: its first compatible string, NULL if none
 * @options: what followed ':' in stdout-path ("115200n8"), NULL if none
 * @base: first "reg" address, translated to the root's address space
 *	through the parents' "ranges"
 * @size: first "reg" size
 */
struct dt_console {
	int node;
	const char *name;
	const char *compatible;
	const char *options;
	uint64_t base;
	uint64_t size;
};

/**
 * dt_get_console - find the console device named by /chosen stdout-path
 * @fdt: the blob, checked with fdt_check_full()
 * @con: filled on success
 *
 * stdout-path (or the older linux,stdout-path) is a path or an alias
 * (resolved through /aliases, whose value must be a path), optionally
 * followed by ":options".
 *
 * Return: 0; -ENOENT when there is no stdout-path or the node
 * does not exist; -ERANGE when the node has no usable "reg" or
 * its address cannot be translated, or the alias's value is not a
 * string; -EINVAL when the alias's value does not start with '/';
 * another negative error.
 */
int dt_get_console(const void *fdt, struct dt_console *con);

/**
 * enum dt_psci_conduit - how PSCI calls reach the firmware
 * @DT_PSCI_NONE: no PSCI
 * @DT_PSCI_HVC: "hvc" (the hypervisor, e.g. QEMU virt without EL2)
 * @DT_PSCI_SMC: "smc" (secure firmware)
 */
enum dt_psci_conduit {
	DT_PSCI_NONE,
	DT_PSCI_HVC,
	DT_PSCI_SMC,
};

/**
 * dt_get_psci - read the PSCI conduit from /psci
 * @fdt: the blob, checked with fdt_check_full()
 * @conduit: set on success (DT_PSCI_NONE on failure)
 *
 * The node is found at /psci, or else as any available node compatible
 * with "arm,psci-1.0", "arm,psci-0.2" or "arm,psci"; its "method" is
 * "hvc" or "smc".
 *
 * Return: 0; -ENOENT without a PSCI node (or a disabled one);
 * -ERANGE for a missing or unknown method; another negative
 * error.
 */
int dt_get_psci(const void *fdt, enum dt_psci_conduit *conduit);

/**
 * dt_translate_address - translate a node's bus address to the root's
 * @fdt: the blob, checked with fdt_check_full()
 * @node: the node whose "reg" holds @addr
 * @addr: in: the address in its parent's space; out: the root's
 *
 * Walks up the parents applying "ranges" (empty means identity; a missing
 * "ranges" below the root means untranslatable).
 *
 * Return: 0; -ERANGE when no range covers the address or a
 * "ranges" is malformed; another negative error.
 */
int dt_translate_address(const void *fdt, int node, uint64_t *addr);

#endif /* FIRMWARE_FDT_MEMBLOCK_H */
