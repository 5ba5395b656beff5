// SPDX-License-Identifier: BSD-2-Clause
/*
 * e820 edits by range and the x86 BIOS-range trim, pinned to what Linux
 * 6.12 does and prints (arch/x86/kernel/e820.c e820__range_update(),
 * e820__range_remove(), setup.c trim_bios_range(); every PC boot log has
 * "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved" and
 * "e820: remove [mem 0x000a0000-0x000fffff] usable"), and the type names
 * of Linux's "BIOS-e820:" lines.
 */
#include "harness.h"
#include <firmware/e820.h>
#include <firmware/x86_memory.h>

static struct e820_table t;

static void load(const struct e820_entry *e, size_t n)
{
	memset(&t, 0, sizeof(t));
	for (size_t i = 0; i < n; i++)
		CHECK_INT(e820_table_add(&t, e[i].addr, e[i].size, e[i].type), 0);
}

#define EXPECT_MAP(...) do {						\
	static const struct e820_entry want_[] = { __VA_ARGS__ };	\
	CHECK_INT(t.nr_entries, ARRAY_SIZE(want_));			\
	for (size_t i_ = 0; i_ < ARRAY_SIZE(want_) && i_ < t.nr_entries; i_++) { \
		CHECK_EQ(t.entries[i_].addr, want_[i_].addr);		\
		CHECK_EQ(t.entries[i_].size, want_[i_].size);		\
		CHECK_INT(t.entries[i_].type, want_[i_].type);		\
	}								\
} while (0)

/* QEMU pc's map as SeaBIOS reports it (any PC boot log). */
static const struct e820_entry qemu_pc[] = {
	{ 0x0, 0x9fc00, E820_TYPE_RAM },
	{ 0x9fc00, 0x400, E820_TYPE_RESERVED },
	{ 0xf0000, 0x10000, E820_TYPE_RESERVED },
	{ 0x100000, 0x3fee0000, E820_TYPE_RAM },
	{ 0x3ffe0000, 0x20000, E820_TYPE_RESERVED },
};

static void page0_becomes_reserved(void)
{
	test_reset();
	load(qemu_pc, ARRAY_SIZE(qemu_pc));
	CHECK_INT(x86_trim_bios_range(&t), 0);
	EXPECT_MAP({ 0x0, 0x1000, E820_TYPE_RESERVED },
		   { 0x1000, 0x9ec00, E820_TYPE_RAM },
		   { 0x9fc00, 0x400, E820_TYPE_RESERVED },
		   { 0xf0000, 0x10000, E820_TYPE_RESERVED },
		   { 0x100000, 0x3fee0000, E820_TYPE_RAM },
		   { 0x3ffe0000, 0x20000, E820_TYPE_RESERVED });
	/* Linux's lines, byte for byte (KERN_DEBUG). */
	CHECK(test_log_find("e820: update [mem 0x00000000-0x00000fff] usable ==> reserved") >= 0);
	CHECK(test_log_find("e820: remove [mem 0x000a0000-0x000fffff] usable") >= 0);
	CHECK_INT(strcmp(test_log[test_log_find("e820: update")],
			 "e820: update [mem 0x00000000-0x00000fff] usable ==> reserved"), 0);
	CHECK_INT(strcmp(test_log[test_log_find("e820: remove")],
			 "e820: remove [mem 0x000a0000-0x000fffff] usable"), 0);

	/* Memory fed from it starts at 0x1000. */
	CHECK_INT(e820_memblock_add_memory(&t), 0);
	CHECK_EQ(memblock.memory.regions[0].base, 0x1000);
	CHECK(!memblock_is_memory(0));
}

/* A map that calls the legacy BIOS hole RAM loses it; other types stay. */
static void bios_hole_ram_removed(void)
{
	static const struct e820_entry m[] = {
		{ 0x0, 0x100000, E820_TYPE_RAM },
		{ 0x100000, 0x100000, E820_TYPE_RAM },
	};

	test_reset();
	load(m, ARRAY_SIZE(m));
	CHECK_INT(e820_sanitize(&t), 0);
	CHECK_INT(x86_trim_bios_range(&t), 0);
	EXPECT_MAP({ 0x0, 0x1000, E820_TYPE_RESERVED },
		   { 0x1000, 0x9f000, E820_TYPE_RAM },
		   { 0x100000, 0x100000, E820_TYPE_RAM });
	/* No RAM at page 0: nothing changes, the lines are still printed. */
	test_log_clear();
	CHECK_INT(x86_trim_bios_range(&t), 0);
	EXPECT_MAP({ 0x0, 0x1000, E820_TYPE_RESERVED },
		   { 0x1000, 0x9f000, E820_TYPE_RAM },
		   { 0x100000, 0x100000, E820_TYPE_RAM });
	CHECK(test_log_find("e820: update [mem 0x00000000-0x00000fff] usable ==> reserved") >= 0);
	CHECK_INT(x86_trim_bios_range(NULL), -EINVAL);
}

/* e820__range_update(): only the old type, only inside, split in three. */
static void update_semantics(void)
{
	static const struct e820_entry m[] = {
		{ 0x0, 0x10000, E820_TYPE_RAM },
		{ 0x10000, 0x10000, E820_TYPE_ACPI },
	};

	test_reset();
	load(m, ARRAY_SIZE(m));
	CHECK_INT(e820_range_update(&t, 0x4000, 0x10000, E820_TYPE_RAM,
				    E820_TYPE_PRAM), 0);
	CHECK_INT(e820_sanitize(&t), 0);
	EXPECT_MAP({ 0x0, 0x4000, E820_TYPE_RAM },
		   { 0x4000, 0xc000, E820_TYPE_PRAM },
		   { 0x10000, 0x10000, E820_TYPE_ACPI });
	CHECK(test_log_find("e820: update [mem 0x00004000-0x00013fff] usable ==> persistent (type 12)") >= 0);
	/* Strictly inside an entry: three pieces. */
	load(m, ARRAY_SIZE(m));
	CHECK_INT(e820_range_update(&t, 0x4000, 0x1000, E820_TYPE_RAM,
				    E820_TYPE_RESERVED), 0);
	CHECK_INT(e820_sanitize(&t), 0);
	EXPECT_MAP({ 0x0, 0x4000, E820_TYPE_RAM },
		   { 0x4000, 0x1000, E820_TYPE_RESERVED },
		   { 0x5000, 0xb000, E820_TYPE_RAM },
		   { 0x10000, 0x10000, E820_TYPE_ACPI });
}

/* e820__range_remove(): with and without the type check. */
static void remove_semantics(void)
{
	static const struct e820_entry m[] = {
		{ 0x0, 0x10000, E820_TYPE_RAM },
		{ 0x10000, 0x10000, E820_TYPE_ACPI },
		{ 0x20000, 0x10000, E820_TYPE_RAM },
	};

	test_reset();
	load(m, ARRAY_SIZE(m));
	CHECK_INT(e820_range_remove(&t, 0x8000, 0x20000, E820_TYPE_RAM, true), 0);
	CHECK_INT(e820_sanitize(&t), 0);
	EXPECT_MAP({ 0x0, 0x8000, E820_TYPE_RAM },
		   { 0x10000, 0x10000, E820_TYPE_ACPI },
		   { 0x28000, 0x8000, E820_TYPE_RAM });
	load(m, ARRAY_SIZE(m));
	CHECK_INT(e820_range_remove(&t, 0x8000, 0x20000, 0, false), 0);
	CHECK_INT(e820_sanitize(&t), 0);
	EXPECT_MAP({ 0x0, 0x8000, E820_TYPE_RAM },
		   { 0x28000, 0x8000, E820_TYPE_RAM });
	/* Linux prints the blank even without a type. */
	CHECK(test_log_find("e820: remove [mem 0x00008000-0x00027fff] ") >= 0);
	CHECK_INT(strcmp(test_log[test_log_lines - 1],
			 "e820: remove [mem 0x00008000-0x00027fff] "), 0);
	/* A size past 2^64 is cut to end at 2^64 - 1, as Linux cuts it. */
	test_log_clear();
	CHECK_INT(e820_range_remove(&t, 0x30000, UINT64_MAX, E820_TYPE_RAM, true), 0);
	CHECK(test_log_find("e820: remove [mem 0x00030000-0xfffffffffffffffe] usable") >= 0);
}

/* A split that does not fit: -ENOSPC, table untouched; bad tables refused. */
static void full_table_unchanged(void)
{
	static struct e820_table before;

	test_reset();
	memset(&t, 0, sizeof(t));
	for (unsigned int i = 0; i < E820_MAX_ENTRIES; i++)
		CHECK_INT(e820_table_add(&t, i * 0x10000ULL, 0x8000, E820_TYPE_RAM), 0);
	before = t;
	CHECK_INT(e820_range_update(&t, 0x1000, 0x1000, E820_TYPE_RAM,
				    E820_TYPE_RESERVED), -ENOSPC);
	CHECK(!memcmp(&before, &t, sizeof(t)));
	CHECK_INT(e820_range_remove(&t, 0x1000, 0x1000, E820_TYPE_RAM, true), -ENOSPC);
	CHECK(!memcmp(&before, &t, sizeof(t)));
	/* A whole entry fits: no split needed. */
	CHECK_INT(e820_range_remove(&t, 0x0, 0x8000, E820_TYPE_RAM, true), 0);
	CHECK_INT(t.nr_entries, E820_MAX_ENTRIES - 1);
	CHECK_INT(e820_range_update(NULL, 0, 1, 1, 2), -EINVAL);
	CHECK_INT(e820_range_remove(NULL, 0, 1, 1, true), -EINVAL);
	t.nr_entries = E820_MAX_ENTRIES + 1;
	CHECK_INT(e820_range_update(&t, 0, 1, 1, 2), -EINVAL);
	CHECK_INT(e820_range_remove(&t, 0, 1, 1, true), -EINVAL);
}

/* Linux's e820_print_type() strings. */
static void type_names(void)
{
	static const struct { uint32_t type; const char *name; } n[] = {
		{ 1, "usable" }, { 2, "reserved" }, { 3, "ACPI data" },
		{ 4, "ACPI NVS" }, { 5, "unusable" },
		{ 7, "persistent (type 7)" }, { 12, "persistent (type 12)" },
		{ 128, "usable" }, { 0xefffffff, "soft reserved" },
		{ 6, "type 6" }, { 0, "type 0" }, { 13, "type 13" },
		{ 0xffffffff, "type 4294967295" },
	};
	char buf[24];

	for (size_t i = 0; i < ARRAY_SIZE(n); i++)
		CHECK_INT(strcmp(e820_type_format(buf, sizeof(buf), n[i].type),
				 n[i].name), 0);
	CHECK_INT(strcmp(e820_type_name(6), "unknown"), 0);
	CHECK_INT(strcmp(e820_type_name(12), "persistent (type 12)"), 0);
	CHECK_INT(strcmp(e820_type_format(NULL, 4, 1), ""), 0);
	CHECK_INT(strcmp(e820_type_format(buf, 0, 1), ""), 0);
	CHECK_INT(strcmp(e820_type_format(buf, 4, 6), "typ"), 0);
}

/* e820__print_table()'s format; nothing for bad arguments. */
static void print_table(void)
{
	static const struct e820_entry m[] = {
		{ 0x0, 0x9fc00, E820_TYPE_RAM },
		{ 0x100000000ULL, 0x1000, 42 },
	};

	test_reset();
	load(m, ARRAY_SIZE(m));
	e820_print_table(&t, "BIOS-e820");
	CHECK_INT(test_log_lines, 2);
	CHECK_INT(strcmp(test_log[0], "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable"), 0);
	CHECK_INT(strcmp(test_log[1], "BIOS-e820: [mem 0x0000000100000000-0x0000000100000fff] type 42"), 0);
	e820_print_table(NULL, "x");
	e820_print_table(&t, NULL);
	t.nr_entries = E820_MAX_ENTRIES + 1;
	e820_print_table(&t, "x");
	CHECK_INT(test_log_lines, 2);
}

static const struct test_case cases[] = {
	TEST_CASE(page0_becomes_reserved),
	TEST_CASE(bios_hole_ram_removed),
	TEST_CASE(update_semantics),
	TEST_CASE(remove_semantics),
	TEST_CASE(full_table_unchanged),
	TEST_CASE(type_names),
	TEST_CASE(print_table),
};
TAP_MAIN(cases)
