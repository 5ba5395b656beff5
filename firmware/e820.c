// SPDX-License-Identifier: BSD-2-Clause
/*
 * The e820 sanitizer: a sweep over the sorted start and end points of all
 * entries. Between two consecutive points the set of covering entries is
 * constant, so the output type there is the highest type in that set.
 */
#include <stdbool.h>
#include <firmware/e820.h>
#include <linux/memblock.h>
#include "fw_log.h"

#define e820_warn(...)	__fw_log(MEMBLOCK_LOG_WARN, __VA_ARGS__)

/* One boundary of an input entry. */
struct change_point {
	uint64_t addr;
	uint32_t entry;		/* index into the input table */
	bool start;
};

/* Static scratch: the sanitizer runs once, early, on one CPU. */
static struct change_point points[2 * E820_MAX_ENTRIES];
static uint32_t active[E820_MAX_ENTRIES];
static struct e820_entry out[E820_MAX_ENTRIES];

int e820_table_add(struct e820_table *t, uint64_t addr, uint64_t size,
		   uint32_t type)
{
	if (!t || t->nr_entries > E820_MAX_ENTRIES)
		return -EINVAL;
	if (t->nr_entries == E820_MAX_ENTRIES)
		return -ENOSPC;
	t->entries[t->nr_entries].addr = addr;
	t->entries[t->nr_entries].size = size;
	t->entries[t->nr_entries].type = type;
	t->nr_entries++;
	return 0;
}

/* Address order; at equal addresses ends first, which only saves work. */
static bool point_before(const struct change_point *a,
			 const struct change_point *b)
{
	if (a->addr != b->addr)
		return a->addr < b->addr;
	return !a->start && b->start;
}

/*
 * Points and entries are set field by field: a struct copy or compound
 * literal may become memcpy() (Clang -O0, GCC -Os on 32-bit targets).
 */
static void point_set(struct change_point *p, uint64_t addr, uint32_t entry,
		      bool start)
{
	p->addr = addr;
	p->entry = entry;
	p->start = start;
}

static void entry_set(struct e820_entry *e, uint64_t addr, uint64_t size,
		      uint32_t type)
{
	e->addr = addr;
	e->size = size;
	e->type = type;
}

/* Insertion sort: at most 256 points, and firmware maps are nearly sorted. */
static void sort_points(struct change_point *p, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		struct change_point key;
		uint32_t j = i;

		point_set(&key, p[i].addr, p[i].entry, p[i].start);
		while (j > 0 && point_before(&key, &p[j - 1])) {
			point_set(&p[j], p[j - 1].addr, p[j - 1].entry,
				  p[j - 1].start);
			j--;
		}
		point_set(&p[j], key.addr, key.entry, key.start);
	}
}

/*
 * The end of entry @e as the sweep uses it, false to leave it out.
 * An end at 2^64 does not fit in 64 bits: that entry loses its last byte,
 * which no phys_addr_t reaches anyway. An end past 2^64 means a corrupt
 * size: memory (what e820_memblock_setup() adds) that may not exist is
 * dropped; anything else is kept up to the top, so that a reservation
 * never turns back into RAM. Linux refuses the whole map instead.
 */
static bool entry_end(const struct e820_entry *e, uint64_t *end)
{
	const uint64_t top = UINT64_MAX;	/* 2^64 - 1, exclusive */
	bool at_2_64;

	*end = e->addr + e->size;
	if (*end > e->addr)
		return true;
	at_2_64 = *end == 0;
	if ((!at_2_64 && (e->type == E820_TYPE_RAM ||
			  e->type == E820_TYPE_SOFT_RESERVED)) ||
	    e->addr == top) {
		e820_warn("e820: [mem %#llx +%#llx] %s %s: dropped",
			  (unsigned long long)e->addr, (unsigned long long)e->size,
			  e820_type_name(e->type),
			  at_2_64 ? "ends at 2^64" : "wraps past 2^64");
		return false;
	}
	e820_warn("e820: [mem %#llx +%#llx] %s %s: clipped to [mem %#llx-%#llx]",
		  (unsigned long long)e->addr, (unsigned long long)e->size,
		  e820_type_name(e->type),
		  at_2_64 ? "ends at 2^64" : "wraps past 2^64",
		  (unsigned long long)e->addr, (unsigned long long)(top - 1));
	*end = top;
	return true;
}

static bool type_merges(uint32_t type)
{
	return type != E820_TYPE_SOFT_RESERVED;
}

int e820_sanitize(struct e820_table *t)
{
	uint32_t npoints = 0, nactive = 0, nout = 0, i;
	uint64_t open_start = 0;
	uint32_t open_type = 0;
	bool open = false;

	if (!t || t->nr_entries > E820_MAX_ENTRIES)
		return -EINVAL;
	for (i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];
		uint64_t end;

		if (!e->size || !entry_end(e, &end))
			continue;
		point_set(&points[npoints++], e->addr, i, true);
		point_set(&points[npoints++], end, i, false);
	}
	sort_points(points, npoints);

	for (i = 0; i < npoints; ) {
		uint64_t addr = points[i].addr;
		uint32_t type = 0;
		bool covered;

		/* Apply every change at this address before deciding. */
		for (; i < npoints && points[i].addr == addr; i++) {
			if (points[i].start) {
				active[nactive++] = points[i].entry;
				continue;
			}
			for (uint32_t k = 0; k < nactive; k++) {
				if (active[k] == points[i].entry) {
					active[k] = active[--nactive];
					break;
				}
			}
		}
		covered = nactive > 0;
		for (uint32_t k = 0; k < nactive; k++) {
			uint32_t ty = t->entries[active[k]].type;

			if (ty > type)
				type = ty;
		}
		if (open && covered && type == open_type && type_merges(type))
			continue;
		if (open) {
			if (nout == E820_MAX_ENTRIES)
				return -ENOSPC;
			entry_set(&out[nout++], open_start,
				  addr - open_start, open_type);
		}
		open = covered;
		open_start = addr;
		open_type = type;
	}

	for (i = 0; i < nout; i++)
		entry_set(&t->entries[i], out[i].addr, out[i].size, out[i].type);
	t->nr_entries = nout;
	return 0;
}

const char *e820_type_name(uint32_t type)
{
	switch (type) {
	case E820_TYPE_RAM:		/* fall through: Linux prints both so */
	case E820_TYPE_RESERVED_KERN:	return "usable";
	case E820_TYPE_RESERVED:	return "reserved";
	case E820_TYPE_ACPI:		return "ACPI data";
	case E820_TYPE_NVS:		return "ACPI NVS";
	case E820_TYPE_UNUSABLE:	return "unusable";
	case E820_TYPE_PMEM:		return "persistent (type 7)";
	case E820_TYPE_PRAM:		return "persistent (type 12)";
	case E820_TYPE_SOFT_RESERVED:	return "soft reserved";
	default:			return "unknown";
	}
}

static __attribute__((format(printf, 3, 4)))
void e820_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	__memblock_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

const char *e820_type_format(char *buf, size_t size, uint32_t type)
{
	const char *name = e820_type_name(type);
	bool named = type == E820_TYPE_RAM || type == E820_TYPE_RESERVED_KERN ||
		     (type >= E820_TYPE_RESERVED && type <= E820_TYPE_UNUSABLE) ||
		     type == E820_TYPE_PMEM || type == E820_TYPE_PRAM ||
		     type == E820_TYPE_SOFT_RESERVED;

	if (!buf || !size)
		return "";
	if (named)
		e820_snprintf(buf, size, "%s", name);
	else
		e820_snprintf(buf, size, "type %u", type);
	return buf;
}

void e820_print_table(const struct e820_table *t, const char *who)
{
	char line[96], name[24];

	if (!t || !who || t->nr_entries > E820_MAX_ENTRIES)
		return;
	for (uint32_t i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		e820_snprintf(line, sizeof(line), "%s: [mem %#018llx-%#018llx] %s",
			      who, (unsigned long long)e->addr,
			      (unsigned long long)(e->addr + e->size - 1),
			      e820_type_format(name, sizeof(name), e->type));
		memblock_env_log(MEMBLOCK_LOG_INFO, line);
	}
}

uint64_t e820_total(const struct e820_table *t, uint32_t type)
{
	uint64_t sum = 0;

	if (!t)
		return 0;
	for (uint32_t i = 0; i < t->nr_entries && i < E820_MAX_ENTRIES; i++)
		if (t->entries[i].type == type)
			sum += t->entries[i].size;
	return sum;
}
