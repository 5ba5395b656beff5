/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The x86 e820 memory map: entry types, a bounded table, the sanitizer that
 * turns what firmware reports (unsorted, overlapping, with empty entries)
 * into a sorted map of disjoint ranges, and the hand-off to memblock.
 *
 * Entries are 64-bit whatever phys_addr_t is: that is the firmware format.
 */
#ifndef FIRMWARE_E820_H
#define FIRMWARE_E820_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <firmware/errno.h>

#define E820_TYPE_RAM		1
#define E820_TYPE_RESERVED	2
#define E820_TYPE_ACPI		3
#define E820_TYPE_NVS		4
#define E820_TYPE_UNUSABLE	5
#define E820_TYPE_PMEM		7
#define E820_TYPE_PRAM		12
/* Linux's own tag for RAM it set aside early (setup_data); fed to memblock as RAM. */
#define E820_TYPE_RESERVED_KERN	128
#define E820_TYPE_SOFT_RESERVED	0xefffffffu

/* Capacity of struct e820_table (Linux uses the same number). */
#define E820_MAX_ENTRIES	128

struct e820_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
};

struct e820_table {
	uint32_t nr_entries;
	struct e820_entry entries[E820_MAX_ENTRIES];
};

/**
 * e820_table_add - append one entry to an e820 table, as reported
 * @t: the table
 * @addr: start of the range
 * @size: size of the range in bytes (0 is accepted and dropped later by
 *        e820_sanitize())
 * @type: E820_TYPE_* or any other firmware value
 *
 * Return: 0, -EINVAL when @t is NULL or its count is corrupt, or -ENOSPC
 * when the table is full (the entry is not added: callers must treat this
 * as an error rather than lose memory silently).
 */
int e820_table_add(struct e820_table *t, uint64_t addr, uint64_t size,
		   uint32_t type);

/**
 * e820_sanitize - sort an e820 table and resolve overlaps
 * @t: the table, rewritten in place on success
 *
 * Every address covered by at least one entry ends up in exactly one entry,
 * whose type is the highest type number covering it (so usable RAM loses to
 * anything else). Zero-sized entries disappear, the result is sorted by
 * address, and neighbours of the same type are merged, except soft-reserved
 * ones, which start a new entry at every boundary of an input entry (they
 * describe separate devices). Not reentrant: uses static scratch space.
 *
 * An entry whose end does not fit in 64 bits is handled alone, with a
 * warning logged through memblock_env_log(), and the rest of the map is
 * used: one ending exactly at 2^64 is clipped to end at 2^64 - 1 (the one
 * byte lost is beyond any phys_addr_t); one wrapping past 2^64 (a corrupt
 * size) is dropped when it is usable RAM or soft-reserved (memory that may
 * not exist is not believed) and otherwise clipped to end at 2^64 - 1 (a
 * reservation is never lost). Linux rejects the whole map in both cases.
 *
 * Return: 0 on success. On error @t is left unchanged: -EINVAL when @t is
 * NULL or has more than E820_MAX_ENTRIES entries; -ENOSPC when the result
 * would not fit in the table (overlaps can split entries).
 */
int e820_sanitize(struct e820_table *t);

/**
 * e820_type_name - human-readable name of an e820 type
 * @type: E820_TYPE_* or any other value
 *
 * The names Linux prints (e820_print_type() of Linux 6.12): "usable" (RAM
 * and E820_TYPE_RESERVED_KERN), "reserved", "soft reserved", "ACPI data",
 * "ACPI NVS", "unusable", "persistent (type 7)", "persistent (type 12)".
 *
 * Return: a static string; "unknown" for any other type (Linux prints
 * "type N" there: e820_type_format() gives that).
 */
const char *e820_type_name(uint32_t type);

/**
 * e820_type_format - an e820 type's name exactly as Linux prints it
 * @buf: where to write it, NUL-terminated (truncated to @size)
 * @size: size of @buf; 24 bytes hold every name
 * @type: any value
 *
 * e820_type_name(), and "type N" (N in decimal) for types Linux does not
 * name.
 *
 * Return: @buf, or "" (a static string) when @buf is NULL or @size is 0.
 */
const char *e820_type_format(char *buf, size_t size, uint32_t type);

/**
 * e820_print_table - log a map as Linux prints it
 * @t: the table
 * @who: the tag, "BIOS-e820" for the firmware's map, "user" for the map
 *	mem=/memmap= made
 *
 * One line per entry through memblock_env_log() at MEMBLOCK_LOG_INFO,
 * Linux's e820__print_table() format: "WHO: [mem 0x%016llx-0x%016llx]
 * TYPE", the end inclusive, TYPE as e820_type_format() writes it. A NULL
 * or corrupt table or a NULL @who prints nothing.
 */
void e820_print_table(const struct e820_table *t, const char *who);

/**
 * e820_range_update - change the type of part of the map, as Linux does
 * @t: the table (sanitized or not)
 * @start: first address of the range
 * @size: its size; cut to end at 2^64 - 1 when it would go past
 * @old_type: only entries of this type change
 * @new_type: their type inside [@start, @start + @size)
 *
 * Linux's e820__range_update(): every @old_type entry's part inside the
 * range becomes @new_type; its parts outside keep @old_type (an entry
 * around the range is split in three). Logs, through memblock_env_log()
 * at MEMBLOCK_LOG_DEBUG, Linux's line "e820: update [mem 0x...-0x...]
 * OLD ==> NEW". Entries may end up unsorted: run e820_sanitize() after.
 *
 * Return: 0. -EINVAL for a NULL or corrupt table; -ENOSPC when the split
 * entries would not fit E820_MAX_ENTRIES (Linux drops the pieces that do
 * not fit; here nothing changes). On error @t is unchanged.
 */
int e820_range_update(struct e820_table *t, uint64_t start, uint64_t size,
		      uint32_t old_type, uint32_t new_type);

/**
 * e820_range_remove - take a range out of the map, as Linux does
 * @t: the table (sanitized or not)
 * @start: first address of the range
 * @size: its size; cut to end at 2^64 - 1 when it would go past
 * @old_type: with @check_type, only entries of this type lose the range
 * @check_type: false: entries of every type lose it
 *
 * Linux's e820__range_remove(): the parts of the chosen entries inside the
 * range go; their parts outside stay. Logs Linux's line "e820: remove
 * [mem 0x...-0x...] TYPE" (without TYPE when !@check_type) at
 * MEMBLOCK_LOG_DEBUG. Entries may end up unsorted: run e820_sanitize().
 *
 * Return: 0, -EINVAL for a NULL or corrupt table, -ENOSPC when the split
 * entries would not fit. On error @t is unchanged.
 */
int e820_range_remove(struct e820_table *t, uint64_t start, uint64_t size,
		      uint32_t old_type, bool check_type);

/**
 * e820_total - bytes of a given type in a table
 * @t: the table (need not be sanitized; overlaps count twice)
 * @type: the type to count
 *
 * Return: the sum of the sizes of entries of @type, 0 for a NULL table.
 */
uint64_t e820_total(const struct e820_table *t, uint32_t type);

/**
 * e820_memblock_add_memory - add a sanitized e820 map's RAM to memblock
 * @t: the table, normally after e820_sanitize()
 *
 * As Linux's e820__memblock_setup() (6.12): usable RAM and
 * E820_TYPE_RESERVED_KERN are added to memblock.memory; soft-reserved
 * ranges (EFI_MEMORY_SP) are only reserved, never added to memory (they
 * belong to a driver, not to the page allocator); every other type,
 * persistent memory (types 7 and 12, the nvdimm driver's) included, is
 * left out. Memory is then trimmed to whole pages. Ranges above what phys_addr_t can address are clipped or
 * skipped (32-bit builds). Does not allow resizing: with the static
 * arrays, a table of up to E820_MAX_ENTRIES entries fits an empty memory
 * array.
 *
 * Return: 0, -EINVAL for a NULL or corrupt table (nothing changed), or the
 * first error memblock returned (later entries are then not processed).
 */
int e820_memblock_add_memory(const struct e820_table *t);

/**
 * e820_memblock_add_physmem - record a sanitized e820 map's RAM in physmem
 * @t: the table, normally after e820_sanitize()
 *
 * RAM and E820_TYPE_RESERVED_KERN go to memblock.physmem when the library has
 * it (it keeps all RAM, whatever a later mem= removes); without
 * CONFIG_HAVE_MEMBLOCK_PHYS_MAP this only checks @t. physmem starts with
 * INIT_PHYSMEM_REGIONS (4) entries: a map with more RAM ranges needs
 * memblock_allow_resize() first, and the growth allocates below memblock's
 * current limit, so the caller sets that limit and reserves what it owns
 * before (x86_memblock_setup() does all of it in order).
 *
 * Return: 0, -EINVAL for a NULL or corrupt table (nothing changed), or the
 * first error memblock returned (-ENOMEM for a full array that may not
 * grow).
 */
int e820_memblock_add_physmem(const struct e820_table *t);

/**
 * e820_memblock_setup - e820_memblock_add_memory(), then _add_physmem()
 * @t: the table, normally after e820_sanitize()
 *
 * Does not call memblock_allow_resize(): resizing and the allocation limit
 * are the caller's (see x86_memblock_setup() for the whole sequence).
 *
 * Return: 0, or the first error of the two steps.
 */
int e820_memblock_setup(const struct e820_table *t);

#endif
