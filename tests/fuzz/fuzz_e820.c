// SPDX-License-Identifier: BSD-2-Clause
/*
 * libFuzzer target: the e820 sanitizer and its memblock feed.
 *
 * The input is a list of raw entries (addr, size, type). The sanitized
 * table is checked against a brute-force oracle: at every boundary point of
 * the input, the type it reports must be the highest type of the input
 * entries covering that point (none: not covered). Then the table is fed to
 * memblock and every region array must keep its invariants.
 */
#include <stdint.h>
#include <stdlib.h>
#include <firmware/e820.h>
#include "harness.h"

#define ENTRY_BYTES	20	/* u64 addr, u64 size, u32 type */

static uint64_t rd(const uint8_t *p, int n)
{
	uint64_t v = 0;

	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* Highest type covering @a in the raw input, 0 when none. */
static uint32_t want_type(const struct e820_table *in, uint64_t a)
{
	uint32_t best = 0;

	for (uint32_t i = 0; i < in->nr_entries; i++) {
		const struct e820_entry *e = &in->entries[i];

		if (e->size && a >= e->addr && a - e->addr < e->size &&
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct e820_table in, out;

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
	memblock_set_current_limit((phys_addr_t)1 << 40);
	memblock_allow_resize();
	e820_memblock_setup(&out);
	if (type_invariant_violation(&memblock.memory) ||
	    type_invariant_violation(&memblock.reserved))
		abort();
	return 0;
}
