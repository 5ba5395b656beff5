// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target: the e820 sanitizer and its memblock feed.
 *
 * The input is a list of raw entries (addr, size, type). The sanitized
 * table is checked against a brute-force oracle: at every boundary point of
 * the input, the type it reports must be the highest type of the input
 * entries covering that point (none: not covered); an entry whose end does
 * not fit in 64 bits counts as documented in e820.h (clipped to end at
 * 2^64 - 1, or dropped when it is RAM or soft-reserved wrapping past 2^64).
 * Then the table is fed to memblock, built with tiny static arrays
 * (tests/verify.mk) and resizing allowed, so that arrays grow all the time:
 * memory and physmem must be exactly the RAM and soft-reserved entries
 * (memory trimmed to pages), and every grown array must be in memory,
 * reserved, and off every range the map does not call RAM (fw_check.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <firmware/e820.h>
#include "harness.h"
#include "fw_check.h"

#define ENTRY_BYTES	20	/* u64 addr, u64 size, u32 type */

static uint64_t rd(const uint8_t *p, int n)
{
	uint64_t v = 0;

	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* End of entry @e for the oracle: 0 when it counts for nothing. */
static unsigned __int128 want_end(const struct e820_entry *e)
{
	unsigned __int128 end = (unsigned __int128)e->addr + e->size;
	const unsigned __int128 top = UINT64_MAX;	/* 2^64 - 1 */

	if (end <= top)
		return end;
	if (end > top + 1 && (e->type == E820_TYPE_RAM ||
			      e->type == E820_TYPE_SOFT_RESERVED))
		return 0;	/* corrupt memory: dropped */
	return top;		/* clipped */
}

/* Highest type covering @a in the raw input, 0 when none. */
static uint32_t want_type(const struct e820_table *in, uint64_t a)
{
	uint32_t best = 0;

	for (uint32_t i = 0; i < in->nr_entries; i++) {
		const struct e820_entry *e = &in->entries[i];

		if (e->size && a >= e->addr && a < want_end(e) &&
		    e->type > best)
			best = e->type;
	}
	return best;
}

/* Type the sanitized table gives @a, 0 when none (checking sortedness). */
static uint32_t got_type(const struct e820_table *out, uint64_t a)
{
	for (uint32_t i = 0; i < out->nr_entries; i++) {
		const struct e820_entry *e = &out->entries[i];

		if (a >= e->addr && a - e->addr < e->size)
			return e->type;
	}
	return 0;
}

static void check_table(const struct e820_table *in, const struct e820_table *out)
{
	for (uint32_t i = 0; i < out->nr_entries; i++) {
		const struct e820_entry *e = &out->entries[i];

		if (!e->size)
			abort();	/* zero-sized entries must go */
		if (i && e->addr < out->entries[i - 1].addr +
				    out->entries[i - 1].size)
			abort();	/* unsorted or overlapping */
		if (i && e->addr == out->entries[i - 1].addr + out->entries[i - 1].size &&
		    e->type == out->entries[i - 1].type &&
		    e->type != E820_TYPE_SOFT_RESERVED)
			abort();	/* mergeable neighbours left apart */
	}
	/* Every boundary of the input, and the byte before it. */
	for (uint32_t i = 0; i < in->nr_entries; i++) {
		const struct e820_entry *e = &in->entries[i];
		uint64_t pts[4] = { e->addr, e->addr + e->size, e->addr - 1,
				    e->addr + e->size - 1 };

		for (int k = 0; k < 4; k++)
			if (got_type(out, pts[k]) != want_type(in, pts[k]))
				abort();
	}
}

static void dump(const struct memblock_type *t, const struct e820_table *map)
{
	for (uint32_t i = 0; i < map->nr_entries; i++)
		fprintf(stderr, "  e820 [%#llx +%#llx] type %u\n",
			(unsigned long long)map->entries[i].addr,
			(unsigned long long)map->entries[i].size,
			map->entries[i].type);
	for (unsigned long i = 0; i < t->cnt; i++)
		fprintf(stderr, "  %s [%#llx +%#llx] flags %#x\n", t->name,
			(unsigned long long)t->regions[i].base,
			(unsigned long long)t->regions[i].size,
			(unsigned int)t->regions[i].flags);
}

/*
 * Linux 6.12's e820__memblock_setup(): usable RAM and E820_TYPE_RESERVED_KERN
 * are memory; soft-reserved is only reserved, persistent memory left out.
 */
static bool is_memory(uint32_t type)
{
	return type == E820_TYPE_RAM || type == E820_TYPE_RESERVED_KERN;
}

/*
 * @t (merged, sorted) must be exactly the RAM and type-128 ranges of
 * the sanitized map, clipped to phys_addr_t, joined where they touch, and
 * with @page set shrunk to whole pages (memblock_trim_memory()).
 */
static void check_ranges(const struct memblock_type *t,
			 const struct e820_table *map, bool page)
{
	const uint64_t pmax = (uint64_t)PHYS_ADDR_MAX, mask = PAGE_SIZE - 1;
	unsigned long n = 0;

	for (uint32_t i = 0; i < map->nr_entries; ) {
		uint64_t b = map->entries[i].addr, e;

		if (!is_memory(map->entries[i].type) || b > pmax) {
			i++;
			continue;
		}
		e = b + map->entries[i].size;
		/* The map is sorted and disjoint: join touching neighbours. */
		for (i++; i < map->nr_entries && is_memory(map->entries[i].type) &&
			  map->entries[i].addr == e; i++)
			e += map->entries[i].size;
		if (e - 1 > pmax)
			e = pmax;
		if (page) {
			/* In 128 bits: rounding the top page up must not wrap. */
			unsigned __int128 rb = ((unsigned __int128)b + mask) & ~(unsigned __int128)mask;

			e &= ~mask;
			if (rb >= e)
				continue;
			b = (uint64_t)rb;
		}
		if (e <= b)
			continue;
		if (n >= t->cnt || t->regions[n].base != b ||
		    t->regions[n].size != e - b) {
			fprintf(stderr, "%s: region %lu is not [%#llx-%#llx)\n",
				t->name, n, (unsigned long long)b,
				(unsigned long long)e);
			dump(t, map);
			abort();
		}
		n++;
	}
	/* Linux 6.11+: an empty type has cnt == 0. */
	if (n != t->cnt) {
		fprintf(stderr, "%s: %lu regions, want %lu\n", t->name, t->cnt, n);
		dump(t, map);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct e820_table in, out;
	static struct fw_range fw[E820_MAX_ENTRIES];
	size_t nfw = 0;

	in.nr_entries = 0;
	for (size_t off = 0; off + ENTRY_BYTES <= size; off += ENTRY_BYTES)
		if (e820_table_add(&in, rd(data + off, 8), rd(data + off + 8, 8),
				   (uint32_t)rd(data + off + 16, 4)))
			break;	/* full: the sanitizer's input limit */
	out = in;
	if (e820_sanitize(&out)) {
		/* Refused inputs must be left untouched. */
		if (memcmp(&out, &in, sizeof(in)))
			abort();
		return 0;
	}
	check_table(&in, &out);

	/* Arrays grow only where host memory backs them, as a kernel's
	 * current_limit keeps them inside its mapping. */
	test_reset();
	fw_snapshot();
	memblock_set_current_limit((phys_addr_t)1 << 40);
	for (uint32_t i = 0; i < out.nr_entries; i++)
		if (!is_memory(out.entries[i].type))
			fw[nfw++] = (struct fw_range){ out.entries[i].addr,
				out.entries[i].addr + out.entries[i].size };
	/* The resizing a kernel allows once its own ranges are reserved. */
	memblock_allow_resize();
	if (!e820_memblock_setup(&out)) {
		check_ranges(&memblock.memory, &out, true);
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		check_ranges(&memblock.physmem, &out, false);
#endif
	}
	fw_check(fw, nfw);
	return 0;
}
