/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * UEFI memory map -> memblock, as Linux's EFI boot paths do it, built on
 * the one boot sequence per firmware (x86_memblock_setup(),
 * dt_memblock_setup_mem()); the map itself is read by firmware/efi.h.
 *
 * DOC: the EFI map on x86-64
 *
 * efi_to_e820() converts each usable descriptor (efi_md_check()) to an
 * e820 entry: loader code/data, boot-services code/data and conventional
 * memory are RAM when cacheable write-back (EFI_MEMORY_WB), soft reserved
 * (0xefffffff) when EFI_MEMORY_SP, else reserved; ACPI reclaim is ACPI
 * data, ACPI NVS is NVS, unusable is unusable, persistent is pmem (7);
 * every other type, unknown ones included, is reserved. Boot-services
 * memory is RAM at once: this library does not keep it reserved until
 * SetVirtualAddressMap() as Linux x86 does for buggy firmware; a kernel
 * that calls runtime services reserves it itself. Then
 * x86_memblock_setup() runs as for any e820 map; at the end of its step 5
 * (memory described, nothing allocated yet) the map itself is reserved
 * (its map_size bytes at map_phys) and every MORE_RELIABLE descriptor is
 * marked MEMBLOCK_MIRROR, so that memblock_alloc*() prefers mirrored
 * memory and falls back to the rest with a warning.
 *
 * DOC: the EFI map on arm64
 *
 * efi_dt_memblock_setup() is dt_memblock_setup() with the DT's /memory
 * nodes (and linux,usable-memory-range) ignored: memory is every usable
 * descriptor with a cacheable attribute (WB, WT or WC), except soft
 * reserved (EFI_MEMORY_SP) ones, which are left out. Of that memory, what
 * is not usable RAM is MEMBLOCK_NOMAP: anything not write-back cacheable,
 * runtime-services code and data, ACPI NVS, MMIO, reserved and unknown
 * types (usable RAM is loader, boot-services, conventional, ACPI reclaim
 * and persistent memory with EFI_MEMORY_WB). ACPI reclaim memory is also
 * reserved (its tables stay readable), MORE_RELIABLE descriptors are
 * marked mirrored, and the map itself is reserved in whole pages. /chosen,
 * mem=, the kernel image, the DTB, the initrd, /memreserve/ and
 * /reserved-memory then apply as without UEFI.
 */
#ifndef FIRMWARE_EFI_SETUP_H
#define FIRMWARE_EFI_SETUP_H

#include <firmware/dt_setup.h>
#include <firmware/efi.h>
#include <firmware/x86_setup.h>

/**
 * struct efi_setup_result - what an EFI front end did with the map
 * @check: efi_memmap_check() of the map
 * @e820_entries: x86: entries efi_to_e820() wrote (0 on arm64)
 * @memory: arm64: descriptors added as memory (0 on x86)
 * @nomap: arm64: of those, descriptors marked MEMBLOCK_NOMAP
 * @mirrored: descriptors marked MEMBLOCK_MIRROR (MORE_RELIABLE)
 */
struct efi_setup_result {
	struct efi_memmap_stats check;
	uint32_t e820_entries;
	uint32_t memory;
	uint32_t nomap;
	uint32_t mirrored;
};

/**
 * efi_md_e820_type - the e820 type of one EFI descriptor on x86
 * @md: the descriptor (not NULL)
 *
 * Return: E820_TYPE_* as "the EFI map on x86-64" says.
 */
uint32_t efi_md_e820_type(const struct efi_memory_desc *md);

/**
 * efi_to_e820 - build an e820 table from an EFI memory map
 * @m: the map (efi_memmap_init())
 * @t: the table, overwritten: one entry per EFI_MD_OK descriptor in map
 *	order, except that a descriptor continuing the previous entry with
 *	the same e820 type extends it (maps have more descriptors than an
 *	e820 table holds; the e820 types need fewer)
 *
 * Not sanitized: e820_sanitize() (x86_memblock_setup()) sorts and
 * resolves overlaps.
 *
 * Return: 0; -EINVAL for a NULL argument; -ENOSPC when the entries do not
 * fit in E820_MAX_ENTRIES (@t then holds the first E820_MAX_ENTRIES).
 */
int efi_to_e820(const struct efi_memmap *m, struct e820_table *t);

/**
 * efi_x86_memblock_setup - x86_memblock_setup() from a UEFI memory map
 * @policy: the kernel's choices (allocation limit, resizing, image, cmdline)
 * @m: the map (efi_memmap_init()), with its physical address
 * @in: as for x86_memblock_setup(), except that @in->e820 is the storage
 *	efi_to_e820() fills (its contents are replaced) and @in->after_memory
 *	must be NULL (this function uses the hook)
 * @out: x86_memblock_setup()'s findings
 * @efi: filled with what was done with the map (cleared first)
 *
 * See "the EFI map on x86-64".
 *
 * Return: 0 on success. -EINVAL, with memblock unchanged, for a NULL
 * argument, a NULL @in->e820 or a set @in->after_memory; efi_to_e820()'s
 * -ENOSPC with memblock unchanged; else what x86_memblock_setup() returns
 * (also for the map's reservation and the mirror marks, memblock's error).
 */
int efi_x86_memblock_setup(const struct fw_setup_policy *policy,
			   const struct efi_memmap *m,
			   const struct x86_setup_input *in,
			   struct x86_setup_result *out,
			   struct efi_setup_result *efi);

/**
 * efi_dt_memblock_setup - dt_memblock_setup() with memory from a UEFI map
 * @fdt: the blob, checked with fdt_check_full() (fdt_api.h)
 * @blob_phys: physical address of the blob, reserved for its totalsize
 * @flags: DT_SCAN_NO_CMDLINE, DT_SCAN_NO_RESERVE_DTB
 * @policy: the kernel's choices (allocation limit, resizing, image, cmdline)
 * @m: the map (efi_memmap_init()), with its physical address
 * @res: the DT findings (its memory counts stay 0: the DT's memory nodes
 *	are not read)
 * @efi: filled with what was done with the map (cleared first)
 *
 * See "the EFI map on arm64".
 *
 * Return: 0 on success. -EINVAL, with memblock unchanged, for a NULL
 * argument, a zero @policy->alloc_limit or a kernel image that wraps;
 * -ENOENT when the map has no memory (after /chosen was read and the
 * limit set, as dt_memblock_setup() without memory nodes); memblock's
 * first error for the memory; else dt_memblock_setup()'s errors.
 */
int efi_dt_memblock_setup(const void *fdt, phys_addr_t blob_phys,
			  unsigned int flags, const struct fw_setup_policy *policy,
			  const struct efi_memmap *m, struct dt_scan_result *res,
			  struct efi_setup_result *efi);

/**
 * efi_md_phys - a descriptor's range as phys_addr_t, clipped
 * @md: an EFI_MD_OK descriptor
 * @base: set to its start
 * @size: set to its size, clipped to PHYS_ADDR_MAX (32-bit phys_addr_t)
 *
 * Return: false when nothing of it is addressable (it starts above
 * PHYS_ADDR_MAX).
 */
bool efi_md_phys(const struct efi_memory_desc *md, phys_addr_t *base,
		 phys_addr_t *size);

/**
 * efi_memblock_mark_mirror - mark MORE_RELIABLE memory MEMBLOCK_MIRROR
 * @m: the map (efi_memmap_init())
 * @count: incremented per descriptor marked (may be NULL)
 *
 * Every EFI_MD_OK descriptor with EFI_MEMORY_MORE_RELIABLE, whatever its
 * type (as Linux's efi_find_mirror()); only memory already in
 * memblock.memory is affected. As in Linux 6.12, memblock_mark_mirror()
 * marks nothing unless mirrored_kernelcore is set ("kernelcore=mirror" on
 * the command line, memblock_parse_cmdline()): then nothing is counted
 * either. Marking may split regions: with resizing not allowed, a full
 * memory array makes it fail.
 *
 * Return: 0, -EINVAL for a NULL @m, or memblock's first error.
 */
int efi_memblock_mark_mirror(const struct efi_memmap *m, uint32_t *count);

#endif
