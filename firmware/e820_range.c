// SPDX-License-Identifier: BSD-2-Clause
/*
 * Editing an e820 map by address range, with Linux's semantics and log
 * lines (e820__range_update(), e820__range_remove()): what the command
 * line's mem= and memmap= and the page-0 rule of x86 setup do to the map
 * before memblock sees it. Each edit is built in scratch space and copied
 * back only when it fits, so a failed edit changes nothing.
 */
#include <firmware/e820.h>
#include <linux/memblock.h>
#include "fw_log.h"

#define e820_debug(...)	__fw_log(MEMBLOCK_LOG_DEBUG, __VA_ARGS__)

/* Static scratch: the edits run early, on one CPU, like the sanitizer. */
static struct e820_entry work[E820_MAX_ENTRIES];

/* [start, end) with end cut at 2^64 - 1, as Linux cuts size. */
static uint64_t range_end(uint64_t start, uint64_t size)
{
	return size > UINT64_MAX - start ? UINT64_MAX : start + size;
}

/* An entry's end; one reaching 2^64 (or wrapping) is taken to end there. */
static uint64_t entry_end(const struct e820_entry *e)
{
	return range_end(e->addr, e->size);
}

static bool put(uint32_t *n, uint64_t addr, uint64_t end, uint32_t type)
{
	if (end <= addr)
		return true;
	if (*n == E820_MAX_ENTRIES)
		return false;
	/* Field by field: a compound literal may become memcpy(). */
	work[*n].addr = addr;
	work[*n].size = end - addr;
	work[*n].type = type;
	(*n)++;
	return true;
}

/*
 * Rebuild @t with the part of each selected entry inside [start, end)
 * given @new_type (update) or dropped (@drop). Entries not selected, and
 * zero-sized ones, are copied as they are.
 */
static int edit(struct e820_table *t, uint64_t start, uint64_t end,
		bool (*selected)(const struct e820_entry *, uint32_t),
		uint32_t old_type, uint32_t new_type, bool drop)
{
	uint32_t n = 0;
	bool ok = true;

	for (uint32_t i = 0; ok && i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];
		uint64_t ee = entry_end(e);
		uint64_t lo = e->addr > start ? e->addr : start;
		uint64_t hi = ee < end ? ee : end;

		if (!selected(e, old_type) || lo >= hi) {
			ok = n < E820_MAX_ENTRIES;
			if (ok) {
				work[n].addr = e->addr;
				work[n].size = e->size;
				work[n++].type = e->type;
			}
			continue;
		}
		ok = put(&n, e->addr, lo, e->type) &&
		     (drop || put(&n, lo, hi, new_type)) &&
		     put(&n, hi, ee, e->type);
	}
	if (!ok)
		return -ENOSPC;
	for (uint32_t i = 0; i < n; i++)
		t->entries[i].addr = work[i].addr,
		t->entries[i].size = work[i].size,
		t->entries[i].type = work[i].type;
	t->nr_entries = n;
	return 0;
}

static bool of_type(const struct e820_entry *e, uint32_t type)
{
	return e->type == type;
}

static bool any_type(const struct e820_entry *e, uint32_t type)
{
	(void)e;
	(void)type;
	return true;
}

int e820_range_update(struct e820_table *t, uint64_t start, uint64_t size,
		      uint32_t old_type, uint32_t new_type)
{
	uint64_t end = range_end(start, size);
	char from[24], to[24];

	if (!t || t->nr_entries > E820_MAX_ENTRIES)
		return -EINVAL;
	/* Linux's format: %#010Lx, the end inclusive. */
	e820_debug("e820: update [mem %#010llx-%#010llx] %s ==> %s",
		   (unsigned long long)start, (unsigned long long)(end - 1),
		   e820_type_format(from, sizeof(from), old_type),
		   e820_type_format(to, sizeof(to), new_type));
	if (old_type == new_type)
		return 0;
	return edit(t, start, end, of_type, old_type, new_type, false);
}

int e820_range_remove(struct e820_table *t, uint64_t start, uint64_t size,
		      uint32_t old_type, bool check_type)
{
	uint64_t end = range_end(start, size);
	char name[24];

	if (!t || t->nr_entries > E820_MAX_ENTRIES)
		return -EINVAL;
	/* Linux prints the blank before the type even without one. */
	e820_debug("e820: remove [mem %#010llx-%#010llx] %s",
		   (unsigned long long)start, (unsigned long long)(end - 1),
		   check_type ? e820_type_format(name, sizeof(name), old_type) : "");
	return edit(t, start, end, check_type ? of_type : any_type, old_type,
		    0, true);
}
