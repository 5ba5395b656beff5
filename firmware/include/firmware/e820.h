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
 * Return: a static string; "unknown" for types this file does not name.
 */
const char *e820_type_name(uint32_t type);

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
 * Usable RAM is added to memblock.memory; soft-reserved ranges are added
 * and reserved (present, but not for the allocator); every other type is
 * left out, as it is not RAM the kernel may use. Memory is then trimmed to
 * whole pages. Ranges above what phys_addr_t can address are clipped or
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
 * RAM and soft-reserved ranges go to memblock.physmem when the library has
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
