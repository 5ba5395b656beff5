/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The UEFI memory map, as GetMemoryMap() returns it (UEFI specification,
 * "EFI_BOOT_SERVICES.GetMemoryMap()"): an array of EFI_MEMORY_DESCRIPTOR
 * whose element size and version the firmware reports alongside it. The
 * firmware may append fields to later descriptor versions, so the stride
 * is always the reported descriptor size, never sizeof() of a structure;
 * only the version 1 fields are read.
 *
 * DOC: bad input in an EFI memory map
 *
 * The whole map is refused (-EINVAL, nothing read) when the buffer is
 * NULL with a non-zero size, the descriptor size is smaller than the
 * version 1 layout (EFI_MEMORY_DESC_V1_SIZE, 40 bytes), the map size is
 * not a whole number of descriptors, or the version is 0. Otherwise each
 * descriptor is judged alone (efi_md_check()):
 *
 *  - zero pages: EFI_MD_EMPTY; it describes nothing and is skipped.
 *  - a physical start that is not 4 KiB aligned: EFI_MD_MISALIGNED; the
 *    specification requires 4 KiB alignment, so the entry is skipped
 *    (guessing which pages it meant could hand out firmware memory).
 *  - a range that wraps past 2^64 (more than 2^52 pages, or start plus
 *    size overflows): EFI_MD_WRAPS; skipped.
 *  - a type the specification does not define (above EfiUnacceptedMemory,
 *    including the OEM and OS ranges 0x70000000-0xffffffff): kept, and
 *    treated as reserved (x86: e820 reserved; arm64: present and
 *    MEMBLOCK_NOMAP when it has a cacheable attribute, as Linux treats a
 *    type it cannot use), counted in the check.
 *
 * Order and overlaps are not errors of a single entry:
 *
 *  - unsorted descriptors are accepted; every consumer's result is
 *    independent of the order (the x86 path sorts through e820_sanitize(),
 *    memblock sorts itself).
 *  - overlapping descriptors are accepted and counted. x86: e820_sanitize()
 *    gives the overlap the highest e820 type (RAM loses to anything else).
 *    arm64: memory is the union of the cacheable descriptors; a page
 *    that any descriptor makes NOMAP (not usable, or runtime) is NOMAP.
 *    A MORE_RELIABLE descriptor marks its whole range mirrored.
 */
#ifndef FIRMWARE_EFI_H
#define FIRMWARE_EFI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <firmware/errno.h>

/* EFI_MEMORY_TYPE, from the specification's table of memory types. */
#define EFI_RESERVED_MEMORY_TYPE	0
#define EFI_LOADER_CODE			1
#define EFI_LOADER_DATA			2
#define EFI_BOOT_SERVICES_CODE		3
#define EFI_BOOT_SERVICES_DATA		4
#define EFI_RUNTIME_SERVICES_CODE	5
#define EFI_RUNTIME_SERVICES_DATA	6
#define EFI_CONVENTIONAL_MEMORY		7
#define EFI_UNUSABLE_MEMORY		8
#define EFI_ACPI_RECLAIM_MEMORY		9
#define EFI_ACPI_MEMORY_NVS		10
#define EFI_MEMORY_MAPPED_IO		11
#define EFI_MEMORY_MAPPED_IO_PORT_SPACE	12
#define EFI_PAL_CODE			13
#define EFI_PERSISTENT_MEMORY		14
#define EFI_UNACCEPTED_MEMORY		15
#define EFI_MAX_MEMORY_TYPE		16	/* first undefined value */

/* Memory attribute bits (EFI_MEMORY_*) of a descriptor. */
#define EFI_MEMORY_UC			0x0000000000000001ULL
#define EFI_MEMORY_WC			0x0000000000000002ULL
#define EFI_MEMORY_WT			0x0000000000000004ULL
#define EFI_MEMORY_WB			0x0000000000000008ULL
#define EFI_MEMORY_UCE			0x0000000000000010ULL
#define EFI_MEMORY_WP			0x0000000000001000ULL
#define EFI_MEMORY_RP			0x0000000000002000ULL
#define EFI_MEMORY_XP			0x0000000000004000ULL
#define EFI_MEMORY_NV			0x0000000000008000ULL
#define EFI_MEMORY_MORE_RELIABLE	0x0000000000010000ULL
#define EFI_MEMORY_RO			0x0000000000020000ULL
#define EFI_MEMORY_SP			0x0000000000040000ULL
#define EFI_MEMORY_CPU_CRYPTO		0x0000000000080000ULL
#define EFI_MEMORY_RUNTIME		0x8000000000000000ULL

#define EFI_PAGE_SHIFT			12
#define EFI_PAGE_SIZE			(1ULL << EFI_PAGE_SHIFT)

/*
 * EFI_MEMORY_DESCRIPTOR version 1: UINT32 Type, 4 bytes of padding (the
 * next field is 8-byte aligned), EFI_PHYSICAL_ADDRESS PhysicalStart,
 * EFI_VIRTUAL_ADDRESS VirtualStart, UINT64 NumberOfPages, UINT64
 * Attribute. Byte offsets, for reading a descriptor of any stride.
 */
#define EFI_MEMORY_DESCRIPTOR_VERSION	1
#define EFI_MD_OFF_TYPE			0
#define EFI_MD_OFF_PHYS			8
#define EFI_MD_OFF_VIRT			16
#define EFI_MD_OFF_PAGES		24
#define EFI_MD_OFF_ATTR			32
#define EFI_MEMORY_DESC_V1_SIZE		40

/**
 * struct efi_memory_desc - one descriptor's version 1 fields, as read
 * @type: EFI_* memory type
 * @phys_start: first byte (4 KiB aligned in a valid map)
 * @virt_start: virtual address (set by SetVirtualAddressMap(); unused here)
 * @num_pages: size in 4 KiB pages (EFI pages, whatever the kernel's size)
 * @attribute: EFI_MEMORY_* bits
 */
struct efi_memory_desc {
	uint32_t type;
	uint64_t phys_start;
	uint64_t virt_start;
	uint64_t num_pages;
	uint64_t attribute;
};

/**
 * struct efi_memmap - a memory map as GetMemoryMap() returned it
 * @map: the descriptors, mapped and readable for @map_size bytes (any
 *	alignment: fields are read byte by byte, little-endian)
 * @map_phys: physical address of @map (what the arm64 and x86 paths
 *	reserve, as the kernel keeps the map); EFI_MAP_PHYS_NONE when the
 *	map is not in the machine's memory (a copy, a host tool's input):
 *	nothing is reserved for it
 * @map_size: bytes of descriptors (MemoryMapSize on return)
 * @desc_size: bytes per descriptor (DescriptorSize), the stride
 * @desc_version: DescriptorVersion
 * @nr: number of descriptors, @map_size / @desc_size (set by
 *	efi_memmap_init())
 */
struct efi_memmap {
	const void *map;
	uint64_t map_phys;
	uint64_t map_size;
	uint64_t desc_size;
	uint32_t desc_version;
	uint32_t nr;
};

/* struct efi_memmap's map_phys for a map that is not to be reserved. */
#define EFI_MAP_PHYS_NONE	UINT64_MAX

/* What efi_md_check() says of one descriptor. */
#define EFI_MD_OK		0
#define EFI_MD_EMPTY		1	/* zero pages: skipped */
#define EFI_MD_MISALIGNED	2	/* start not 4 KiB aligned: skipped */
#define EFI_MD_WRAPS		3	/* range past 2^64: skipped */

/**
 * struct efi_memmap_stats - what efi_memmap_check() found
 * @nr: descriptors
 * @usable: descriptors that describe a range (EFI_MD_OK)
 * @empty: zero-page descriptors
 * @misaligned: descriptors not 4 KiB aligned
 * @wrapping: descriptors wrapping past 2^64
 * @unknown_type: EFI_MD_OK descriptors with a type >= EFI_MAX_MEMORY_TYPE
 * @overlaps: pairs of EFI_MD_OK descriptors sharing at least one byte
 * @unsorted: EFI_MD_OK descriptors starting below the previous one's start
 * @mirror_bytes: bytes of EFI_MD_OK descriptors with MORE_RELIABLE
 */
struct efi_memmap_stats {
	uint32_t nr;
	uint32_t usable;
	uint32_t empty;
	uint32_t misaligned;
	uint32_t wrapping;
	uint32_t unknown_type;
	uint32_t overlaps;
	uint32_t unsorted;
	uint64_t mirror_bytes;
};

/**
 * efi_memmap_init - check a memory map's geometry and describe it
 * @m: filled in on success; untouched on error
 * @map: the descriptors (may be NULL only when @map_size is 0)
 * @map_phys: physical address of @map
 * @map_size: bytes of descriptors
 * @desc_size: the firmware's DescriptorSize (never sizeof of anything)
 * @desc_version: the firmware's DescriptorVersion
 *
 * Only the geometry is judged here; descriptors are judged one by one
 * (efi_md_check()), see "bad input in an EFI memory map".
 *
 * Return: 0; -EINVAL for a NULL @m, a NULL @map with a non-zero size, a
 * @desc_size below EFI_MEMORY_DESC_V1_SIZE, a @map_size that is not a
 * multiple of @desc_size or holds more than UINT32_MAX descriptors;
 * -EPROTONOSUPPORT for @desc_version 0 (version 1 fields are read from
 * any later version).
 */
int efi_memmap_init(struct efi_memmap *m, const void *map, uint64_t map_phys,
		    uint64_t map_size, uint64_t desc_size, uint32_t desc_version);

/**
 * efi_memmap_get - read descriptor @i of a map
 * @m: a map set up by efi_memmap_init()
 * @i: index, below @m->nr
 * @md: filled with the descriptor's version 1 fields
 *
 * Return: 0, or -EINVAL for a NULL argument or @i out of range (@md is
 * then untouched).
 */
int efi_memmap_get(const struct efi_memmap *m, uint32_t i,
		   struct efi_memory_desc *md);

/**
 * efi_md_check - judge one descriptor alone
 * @md: the descriptor (not NULL)
 *
 * Return: EFI_MD_OK, EFI_MD_EMPTY, EFI_MD_MISALIGNED or EFI_MD_WRAPS (in
 * that order of precedence after EMPTY: a misaligned wrapping entry is
 * MISALIGNED). Only EFI_MD_OK descriptors are used by the conversions.
 */
int efi_md_check(const struct efi_memory_desc *md);

/**
 * efi_md_end - exclusive end of a descriptor's range
 * @md: an EFI_MD_OK descriptor
 *
 * Return: @md->phys_start + @md->num_pages * 4 KiB, which for an EFI_MD_OK
 * descriptor may be 0 only when the range ends exactly at 2^64.
 */
uint64_t efi_md_end(const struct efi_memory_desc *md);

/**
 * efi_memmap_check - count what is wrong with a map, changing nothing
 * @m: a map set up by efi_memmap_init()
 * @st: filled with the counts (cleared first)
 *
 * Return: 0, or -EINVAL for a NULL argument.
 */
int efi_memmap_check(const struct efi_memmap *m, struct efi_memmap_stats *st);

/**
 * efi_md_type_name - the short name Linux's efi=debug prints for a type
 * @type: EFI_* memory type
 *
 * Return: a static string ("Conventional", "Boot Data", "Runtime Code",
 * ...); "Unknown" for an undefined type.
 */
const char *efi_md_type_name(uint32_t type);

/**
 * efi_md_type_from_name - the type efi_md_type_name() names
 * @name: a name, as efi_md_type_name() returns it, with trailing blanks
 *	allowed
 * @len: its length in bytes
 *
 * Return: the EFI_* type, or -EINVAL for a name no type has ("Unknown"
 * included: it does not say which type it was).
 */
int efi_md_type_from_name(const char *name, size_t len);

#endif
