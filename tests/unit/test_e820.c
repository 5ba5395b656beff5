// SPDX-License-Identifier: BSD-2-Clause
/*
 * e820_sanitize(): sorting, overlaps (highest type wins), zero-sized,
 * merging, soft-reserved kept apart, wrapping entries, capacity errors.
 */
#include "harness.h"
#include <firmware/e820.h>

#define SR	E820_TYPE_SOFT_RESERVED

static struct e820_table tbl;

static void load(const struct e820_entry *e, size_t n)
{
	memset(&tbl, 0, sizeof(tbl));
	for (size_t i = 0; i < n; i++)
		CHECK_INT(e820_table_add(&tbl, e[i].addr, e[i].size, e[i].type), 0);
}

/* The table must be exactly @want. */
static void expect_table(int line, const struct e820_entry *want, size_t n)
{
	if (tbl.nr_entries != n) {
		tap_fail(__FILE__, line, "nr_entries %u, want %zu",
			 tbl.nr_entries, n);
		for (uint32_t i = 0; i < tbl.nr_entries; i++)
			tap_diag("  got [%#llx +%#llx] type %#x",
				 (unsigned long long)tbl.entries[i].addr,
				 (unsigned long long)tbl.entries[i].size,
				 tbl.entries[i].type);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const struct e820_entry *g = &tbl.entries[i];

		if (g->addr != want[i].addr || g->size != want[i].size ||
		    g->type != want[i].type)
			tap_fail(__FILE__, line,
				 "entry %zu: [%#llx +%#llx] type %#x, want [%#llx +%#llx] type %#x",
				 i, (unsigned long long)g->addr,
				 (unsigned long long)g->size, g->type,
				 (unsigned long long)want[i].addr,
				 (unsigned long long)want[i].size, want[i].type);
	}
}

#define E(a, s, t)	{ (a), (s), (t) }
#define SANITIZE(in, ...)						\
	do {								\
		const struct e820_entry in_[] = in;			\
		const struct e820_entry want_[] = { __VA_ARGS__ };	\
		load(in_, ARRAY_SIZE(in_));				\
		CHECK_INT(e820_sanitize(&tbl), 0);			\
		expect_table(__LINE__, want_, ARRAY_SIZE(want_));	\
	} while (0)
#define IN(...)	{ __VA_ARGS__ }

static void sorted_input_unchanged(void)
{
	SANITIZE(IN(E(0, 0x9fc00, 1), E(0x9fc00, 0x400, 2), E(0x100000, 0x1000000, 1)),
		 E(0, 0x9fc00, 1), E(0x9fc00, 0x400, 2), E(0x100000, 0x1000000, 1));
}

static void unsorted_is_sorted(void)
{
	SANITIZE(IN(E(0x100000, 0x1000, 1), E(0x50000, 0x1000, 2), E(0, 0x1000, 1)),
		 E(0, 0x1000, 1), E(0x50000, 0x1000, 2), E(0x100000, 0x1000, 1));
}

static void adjacent_same_type_merges(void)
{
	SANITIZE(IN(E(0x1000, 0x1000, 1), E(0, 0x1000, 1), E(0x2000, 0x2000, 1),
		    E(0x4000, 0x1000, 2), E(0x5000, 0x1000, 2)),
		 E(0, 0x4000, 1), E(0x4000, 0x2000, 2));
}

static void adjacent_different_types_stay(void)
{
	SANITIZE(IN(E(0, 0x1000, 1), E(0x1000, 0x1000, 3), E(0x2000, 0x1000, 4)),
		 E(0, 0x1000, 1), E(0x1000, 0x1000, 3), E(0x2000, 0x1000, 4));
}

static void reserved_inside_ram_splits_it(void)
{
	SANITIZE(IN(E(0, 0x10000, 1), E(0x4000, 0x4000, 2)),
		 E(0, 0x4000, 1), E(0x4000, 0x4000, 2), E(0x8000, 0x8000, 1));
}

static void ram_loses_to_any_type(void)
{
	/* Whatever the order, the non-RAM type keeps the overlap. */
	SANITIZE(IN(E(0x1000, 0x2000, 5), E(0, 0x2000, 1)),
		 E(0, 0x1000, 1), E(0x1000, 0x2000, 5));
	SANITIZE(IN(E(0, 0x2000, 1), E(0x1000, 0x2000, 0x1234)),
		 E(0, 0x1000, 1), E(0x1000, 0x2000, 0x1234));
}

static void higher_type_wins(void)
{
	SANITIZE(IN(E(0x1000, 0x2000, 4), E(0, 0x2000, 3)),
		 E(0, 0x1000, 3), E(0x1000, 0x2000, 4));
	SANITIZE(IN(E(0, 0x3000, 4), E(0x1000, 0x1000, 3)),
		 E(0, 0x3000, 4));
}

static void nested_overlaps(void)
{
	SANITIZE(IN(E(0, 0x100000, 1), E(0x10000, 0x80000, 2), E(0x20000, 0x10000, 3)),
		 E(0, 0x10000, 1), E(0x10000, 0x10000, 2), E(0x20000, 0x10000, 3),
		 E(0x30000, 0x60000, 2), E(0x90000, 0x70000, 1));
}

static void duplicates_collapse(void)
{
	SANITIZE(IN(E(0x1000, 0x1000, 2), E(0x1000, 0x1000, 2), E(0x1000, 0x1000, 2)),
		 E(0x1000, 0x1000, 2));
}

static void overlapping_same_type_merges(void)
{
	SANITIZE(IN(E(0, 0x3000, 1), E(0x2000, 0x3000, 1), E(0x4000, 0x4000, 1)),
		 E(0, 0x8000, 1));
}

static void zero_sized_dropped(void)
{
	SANITIZE(IN(E(0, 0x1000, 1), E(0x800, 0, 2), E(0x1000, 0, 4), E(0x1000, 0x1000, 1)),
		 E(0, 0x2000, 1));
	SANITIZE(IN(E(0x5000, 0, 1)), );
	CHECK_INT(tbl.nr_entries, 0);
}

static void empty_table(void)
{
	memset(&tbl, 0, sizeof(tbl));
	CHECK_INT(e820_sanitize(&tbl), 0);
	CHECK_INT(tbl.nr_entries, 0);
}

static void soft_reserved_not_merged(void)
{
	/* Adjacent soft-reserved ranges are separate devices. */
	SANITIZE(IN(E(0x2000, 0x1000, SR), E(0x1000, 0x1000, SR)),
		 E(0x1000, 0x1000, SR), E(0x2000, 0x1000, SR));
	/* Overlapping ones split at every boundary. */
	SANITIZE(IN(E(0, 0x2000, SR), E(0x1000, 0x2000, SR)),
		 E(0, 0x1000, SR), E(0x1000, 0x1000, SR), E(0x2000, 0x1000, SR));
	/* Inside RAM it wins, as the higher type. */
	SANITIZE(IN(E(0, 0x10000, 1), E(0x4000, 0x4000, SR)),
		 E(0, 0x4000, 1), E(0x4000, 0x4000, SR), E(0x8000, 0x8000, 1));
}

static void top_of_address_space(void)
{
	/* Ending at 2^64 - 1 is fine; ending at 2^64 or beyond is not. */
	SANITIZE(IN(E(0xfffffffffffff000ULL, 0xfff, 2)),
		 E(0xfffffffffffff000ULL, 0xfff, 2));
}

/*
 * Regression (issue 12, defect 8): one entry ending at 2^64 made the whole
 * map -EINVAL. An entry ending exactly at 2^64 is a real range whose last
 * byte no phys_addr_t reaches: it is clipped by that byte. One whose end
 * wraps past 2^64 has a corrupt size: as RAM it is dropped (memory that
 * may not exist is never believed), as anything else it is clipped to
 * the top (a reservation is never lost). Each is logged.
 */
static void entry_ending_at_2_64(void)
{
	test_log_clear();
	SANITIZE(IN(E(0, 0x1000, 1), E(0xfffffffffffff000ULL, 0x1000, 2)),
		 E(0, 0x1000, 1), E(0xfffffffffffff000ULL, 0xfff, 2));
	CHECK(test_log_find("e820: [mem 0xfffffffffffff000 +0x1000] reserved ends at 2^64: clipped to [mem 0xfffffffffffff000-0xfffffffffffffffe]") >= 0);

	/* RAM ending at 2^64 is clipped too, and still loses to reserved. */
	SANITIZE(IN(E(0xffffffffffff0000ULL, 0x10000, 1),
		    E(0xfffffffffffff000ULL, 0x800, 2)),
		 E(0xffffffffffff0000ULL, 0xf000, 1),
		 E(0xfffffffffffff000ULL, 0x800, 2),
		 E(0xfffffffffffff800ULL, 0x7ff, 1));
}

static void wrapping_entry_dropped_or_clipped(void)
{
	test_log_clear();
	/* RAM past 2^64: dropped, the rest of the map kept. */
	SANITIZE(IN(E(0, 0x1000, 1), E(0xfffffffffffff000ULL, 0x2000, 1)),
		 E(0, 0x1000, 1));
	CHECK(test_log_find("e820: [mem 0xfffffffffffff000 +0x2000] usable wraps past 2^64: dropped") >= 0);

	/* Reserved past 2^64: clipped to the top, it still covers RAM. */
	test_log_clear();
	SANITIZE(IN(E(0xffffffffff000000ULL, 0x1000000, 1),
		    E(0xfffffffffffff000ULL, 0xffffffffffffffffULL, 2)),
		 E(0xffffffffff000000ULL, 0xfff000, 1),
		 E(0xfffffffffffff000ULL, 0xfff, 2));
	CHECK(test_log_find("e820: [mem 0xfffffffffffff000 +0xffffffffffffffff] reserved wraps past 2^64: clipped to [mem 0xfffffffffffff000-0xfffffffffffffffe]") >= 0);

	/* Only wrapping RAM: an empty map, not an error. */
	memset(&tbl, 0, sizeof(tbl));
	CHECK_INT(e820_table_add(&tbl, 0x2000, 0xfffffffffffff000ULL, 1), 0);
	CHECK_INT(e820_sanitize(&tbl), 0);
	CHECK_INT(tbl.nr_entries, 0);

	/* Soft-reserved memory is added to memblock: dropped like RAM. */
	SANITIZE(IN(E(0, 0x1000, 1), E(0x2000, 0xfffffffffffff000ULL, SR)),
		 E(0, 0x1000, 1));
}

static void add_until_full(void)
{
	memset(&tbl, 0, sizeof(tbl));
	for (unsigned int i = 0; i < E820_MAX_ENTRIES; i++)
		CHECK_INT(e820_table_add(&tbl, i * 0x2000ULL, 0x1000, 1), 0);
	CHECK_INT(e820_table_add(&tbl, 0x10000000, 0x1000, 1), -ENOSPC);
	CHECK_INT(tbl.nr_entries, E820_MAX_ENTRIES);
	/* A full table of disjoint entries sanitizes to itself. */
	CHECK_INT(e820_sanitize(&tbl), 0);
	CHECK_INT(tbl.nr_entries, E820_MAX_ENTRIES);
	CHECK_EQ(tbl.entries[127].addr, 127 * 0x2000ULL);
}

static void corrupt_count_rejected(void)
{
	memset(&tbl, 0, sizeof(tbl));
	tbl.nr_entries = E820_MAX_ENTRIES + 1;
	CHECK_INT(e820_sanitize(&tbl), -EINVAL);
	CHECK_INT(e820_table_add(&tbl, 0, 0x1000, 1), -EINVAL);
	CHECK_INT(tbl.nr_entries, E820_MAX_ENTRIES + 1);
	CHECK_INT(e820_sanitize(NULL), -EINVAL);
	CHECK_INT(e820_table_add(NULL, 0, 0x1000, 1), -EINVAL);
}

static void result_too_large_is_an_error(void)
{
	struct e820_table before;

	/* 127 holes punched into one RAM range: 255 pieces do not fit. */
	memset(&tbl, 0, sizeof(tbl));
	CHECK_INT(e820_table_add(&tbl, 0, 0x10000000, 1), 0);
	for (unsigned int i = 0; i < E820_MAX_ENTRIES - 1; i++)
		CHECK_INT(e820_table_add(&tbl, 0x10000 + i * 0x20000ULL, 0x1000, 2), 0);
	before = tbl;
	CHECK_INT(e820_sanitize(&tbl), -ENOSPC);
	CHECK(!memcmp(&tbl, &before, sizeof(tbl)));

	/* With 63 holes the 127 pieces fit. */
	tbl.nr_entries = 64;
	CHECK_INT(e820_sanitize(&tbl), 0);
	CHECK_INT(tbl.nr_entries, 127);
	CHECK_EQ(tbl.entries[0].size, 0x10000);
	CHECK_EQ(tbl.entries[1].type, 2);
	CHECK_EQ(tbl.entries[126].addr, 0x10000 + 62 * 0x20000ULL + 0x1000);
	CHECK_EQ(tbl.entries[126].size, 0x10000000 - tbl.entries[126].addr);
}

static void names_and_totals(void)
{
	const struct e820_entry in[] = {
		E(0, 0x1000, 1), E(0x1000, 0x1000, 2), E(0x3000, 0x2000, 1),
	};

	CHECK_STR(e820_type_name(1), "usable");
	CHECK_STR(e820_type_name(2), "reserved");
	CHECK_STR(e820_type_name(3), "ACPI data");
	CHECK_STR(e820_type_name(4), "ACPI NVS");
	CHECK_STR(e820_type_name(SR), "soft reserved");
	CHECK_STR(e820_type_name(99), "unknown");
	/* Linux's e820_print_type(): "usable" for 128, the number for pmem. */
	CHECK_STR(e820_type_name(E820_TYPE_RESERVED_KERN), "usable");
	CHECK_STR(e820_type_name(7), "persistent (type 7)");
	CHECK_STR(e820_type_name(12), "persistent (type 12)");
	CHECK_STR(e820_type_name(5), "unusable");
	load(in, ARRAY_SIZE(in));
	CHECK_EQ(e820_total(&tbl, 1), 0x3000);
	CHECK_EQ(e820_total(&tbl, 2), 0x1000);
	CHECK_EQ(e820_total(&tbl, 3), 0);
	CHECK_EQ(e820_total(NULL, 1), 0);
}

static const struct test_case cases[] = {
	TEST_CASE(sorted_input_unchanged),
	TEST_CASE(unsorted_is_sorted),
	TEST_CASE(adjacent_same_type_merges),
	TEST_CASE(adjacent_different_types_stay),
	TEST_CASE(reserved_inside_ram_splits_it),
	TEST_CASE(ram_loses_to_any_type),
	TEST_CASE(higher_type_wins),
	TEST_CASE(nested_overlaps),
	TEST_CASE(duplicates_collapse),
	TEST_CASE(overlapping_same_type_merges),
	TEST_CASE(zero_sized_dropped),
	TEST_CASE(empty_table),
	TEST_CASE(soft_reserved_not_merged),
	TEST_CASE(top_of_address_space),
	TEST_CASE(entry_ending_at_2_64),
	TEST_CASE(wrapping_entry_dropped_or_clipped),
	TEST_CASE(add_until_full),
	TEST_CASE(corrupt_count_rejected),
	TEST_CASE(result_too_large_is_an_error),
	TEST_CASE(names_and_totals),
};

TAP_MAIN(cases)
