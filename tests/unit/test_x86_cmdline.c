// SPDX-License-Identifier: BSD-2-Clause
/*
 * mem= and memmap= on x86, pinned to Linux 6.12's documented meaning
 * (Documentation/admin-guide/kernel-parameters.txt: "mem=nn[KMG] ...
 * Force usage of a specific amount of memory ... [X86] Work as limiting
 * max address", "memmap=exactmap", "memmap=nn[KMG]@ss[KMG]" usable,
 * "nn[KMG]#ss[KMG]" ACPI data, "nn[KMG]$ss[KMG]" reserved,
 * "nn[KMG]!ss[KMG]" protected/persistent (type 12),
 * "nn[KMG]%ss[KMG]-old+new", "memmap=nn[KMG]" like mem=nn) and to the
 * "e820: remove" and "user:" lines of Linux boot logs with mem=.
 */
#include "harness.h"
#include <firmware/x86_memory.h>

static struct e820_table t;
static uint64_t lim;

/* A PC with 6 GiB: low RAM, RAM to 2 GiB, the PCI hole, RAM above 4 GiB. */
static const struct e820_entry pc[] = {
	{ 0x0, 0x9fc00, E820_TYPE_RAM },
	{ 0x9fc00, 0x400, E820_TYPE_RESERVED },
	{ 0xf0000, 0x10000, E820_TYPE_RESERVED },
	{ 0x100000, 0x7ff00000, E820_TYPE_RAM },
	{ 0xfeffc000, 0x4000, E820_TYPE_RESERVED },
	{ 0x100000000ULL, 0x80000000ULL, E820_TYPE_RAM },
	{ 0x200000000ULL, 0x1000, E820_TYPE_RESERVED },
};

static void load(void)
{
	memset(&t, 0, sizeof(t));
	for (size_t i = 0; i < ARRAY_SIZE(pc); i++)
		CHECK_INT(e820_table_add(&t, pc[i].addr, pc[i].size, pc[i].type), 0);
	lim = 12345;
	test_log_clear();
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

#define LOW	{ 0x0, 0x9fc00, E820_TYPE_RAM }, { 0x9fc00, 0x400, E820_TYPE_RESERVED }, \
		{ 0xf0000, 0x10000, E820_TYPE_RESERVED }
#define HOLE	{ 0xfeffc000, 0x4000, E820_TYPE_RESERVED }
#define TOP	{ 0x200000000ULL, 0x1000, E820_TYPE_RESERVED }

/* No mem=/memmap=: nothing changes, nothing printed. */
static void untouched(void)
{
	load();
	CHECK_INT(x86_e820_cmdline(&t, NULL, &lim), 0);
	CHECK_EQ(lim, 0);
	CHECK_INT(x86_e820_cmdline(&t, "console=ttyS0 memx=1G xmem=1G mem", &lim), 0);
	EXPECT_MAP(LOW, { 0x100000, 0x7ff00000, E820_TYPE_RAM }, HOLE,
		   { 0x100000000ULL, 0x80000000ULL, E820_TYPE_RAM }, TOP);
	CHECK_INT(test_log_find("user-defined"), -1);
}

/* mem=5G: RAM above the address 5 GiB goes, reservations stay. */
static void mem_is_an_address(void)
{
	load();
	CHECK_INT(x86_e820_cmdline(&t, "quiet mem=5G", &lim), 0);
	CHECK_EQ(lim, 0x140000000ULL);
	EXPECT_MAP(LOW, { 0x100000, 0x7ff00000, E820_TYPE_RAM }, HOLE,
		   { 0x100000000ULL, 0x40000000ULL, E820_TYPE_RAM }, TOP);
	CHECK_INT(strcmp(test_log[test_log_find("e820: remove")],
			 "e820: remove [mem 0x140000000-0xfffffffffffffffe] usable"), 0);
	CHECK(test_log_find("user-defined physical RAM map:") >= 0);
	CHECK(test_log_find("user: [mem 0x0000000000000000-0x000000000009fbff] usable") >= 0);
	CHECK(test_log_find("user: [mem 0x0000000100000000-0x000000013fffffff] usable") >= 0);
	CHECK(test_log_find("user: [mem 0x0000000200000000-0x0000000200000fff] reserved") >= 0);

	/* mem=1G inside low RAM; a later, larger mem= adds nothing back. */
	load();
	CHECK_INT(x86_e820_cmdline(&t, "mem=1G mem=3G", &lim), 0);
	CHECK_EQ(lim, SZ_1G);
	EXPECT_MAP(LOW, { 0x100000, 0x3ff00000, E820_TYPE_RAM }, HOLE, TOP);
}

/* mem=0, mem=junk, mem=nopentium: nothing removed; trailing junk ignored. */
static void mem_bad_values(void)
{
	load();
	CHECK_INT(x86_e820_cmdline(&t, "mem=0 mem=junk mem= mem=nopentium", &lim), 0);
	CHECK_EQ(lim, 0);
	EXPECT_MAP(LOW, { 0x100000, 0x7ff00000, E820_TYPE_RAM }, HOLE,
		   { 0x100000000ULL, 0x80000000ULL, E820_TYPE_RAM }, TOP);
	CHECK(test_log_find("mem=nopentium ignored! (only supported on x86_32)") >= 0);
	CHECK(test_log_find("mem=junk: not a size, ignored") >= 0);
	/* memblock_memparse() stops at the first character it does not know. */
	load();
	CHECK_INT(x86_e820_cmdline(&t, "mem=1Gx", &lim), 0);
	CHECK_EQ(lim, SZ_1G);
	/* Quoted, as boot loaders may pass it. */
	load();
	CHECK_INT(x86_e820_cmdline(&t, "mem=\"1G\"", &lim), 0);
	CHECK_EQ(lim, SZ_1G);
	/* After "--" the words are init's. */
	load();
	CHECK_INT(x86_e820_cmdline(&t, "quiet -- mem=1G", &lim), 0);
	CHECK_EQ(lim, 0);
	CHECK_INT(t.nr_entries, ARRAY_SIZE(pc));
}

/* nn@ss, nn$ss, nn!ss, nn#ss, in one memmap= and in several. */
static void memmap_forms(void)
{
	load();
	CHECK_INT(x86_e820_cmdline(&t, "memmap=1G@0x180000000,16M$0x10000000 "
				   "memmap=1G!0x100000000 memmap=4K#0x2000", &lim), 0);
	CHECK_EQ(lim, 0);
	EXPECT_MAP({ 0x0, 0x2000, E820_TYPE_RAM },
		   { 0x2000, 0x1000, E820_TYPE_ACPI },
		   { 0x3000, 0x9cc00, E820_TYPE_RAM },
		   { 0x9fc00, 0x400, E820_TYPE_RESERVED },
		   { 0xf0000, 0x10000, E820_TYPE_RESERVED },
		   { 0x100000, 0xff00000, E820_TYPE_RAM },
		   { 0x10000000, 0x1000000, E820_TYPE_RESERVED },
		   { 0x11000000, 0x6f000000, E820_TYPE_RAM },
		   HOLE,
		   { 0x100000000ULL, 0x40000000ULL, E820_TYPE_PRAM },
		   /* the firmware's RAM to 6 GiB and memmap='s next GiB merge */
		   { 0x140000000ULL, 0x80000000ULL, E820_TYPE_RAM },
		   TOP);
}

/* memmap=nn: like mem=nn. memmap=exactmap: the map is the command line's. */
static void memmap_limit_and_exactmap(void)
{
	load();
	CHECK_INT(x86_e820_cmdline(&t, "memmap=5G", &lim), 0);
	EXPECT_MAP(LOW, { 0x100000, 0x7ff00000, E820_TYPE_RAM }, HOLE,
		   { 0x100000000ULL, 0x40000000ULL, E820_TYPE_RAM }, TOP);
	CHECK(test_log_find("e820: remove [mem 0x140000000-0xfffffffffffffffe] usable") >= 0);
	/* memmap= is not mem=: no mem= limit reported. */
	CHECK_EQ(lim, 0);

	load();
	CHECK_INT(x86_e820_cmdline(&t, "memmap=exactmap memmap=640K@0,255M@1M,"
				   "64K$0xf0000", &lim), 0);
	EXPECT_MAP({ 0x0, 0xa0000, E820_TYPE_RAM },
		   { 0xf0000, 0x10000, E820_TYPE_RESERVED },
		   { 0x100000, 0xff00000, E820_TYPE_RAM });
	CHECK(test_log_find("user: [mem 0x0000000000100000-0x000000000fffffff] usable") >= 0);
}

/* nn%ss-old+new: change, remove by type, add. */
static void memmap_percent(void)
{
	load();
	CHECK_INT(x86_e820_cmdline(&t, "memmap=1G%4G-1+12", &lim), 0);
	EXPECT_MAP(LOW, { 0x100000, 0x7ff00000, E820_TYPE_RAM }, HOLE,
		   { 0x100000000ULL, 0x40000000ULL, E820_TYPE_PRAM },
		   { 0x140000000ULL, 0x40000000ULL, E820_TYPE_RAM }, TOP);
	CHECK(test_log_find("e820: update [mem 0x100000000-0x13fffffff] usable ==> persistent (type 12)") >= 0);
	load();
	CHECK_INT(x86_e820_cmdline(&t, "memmap=1G%4G-1", &lim), 0);
	EXPECT_MAP(LOW, { 0x100000, 0x7ff00000, E820_TYPE_RAM }, HOLE,
		   { 0x140000000ULL, 0x40000000ULL, E820_TYPE_RAM }, TOP);
	load();
	CHECK_INT(x86_e820_cmdline(&t, "memmap=4K%0x200000000+0x2", &lim), 0);
	EXPECT_MAP(LOW, { 0x100000, 0x7ff00000, E820_TYPE_RAM }, HOLE,
		   { 0x100000000ULL, 0x80000000ULL, E820_TYPE_RAM }, TOP);
	/* Junk after the types: Linux refuses the entry before acting. */
	load();
	CHECK_INT(x86_e820_cmdline(&t, "memmap=1G%4G-1+12x", &lim), 0);
	CHECK_INT(t.nr_entries, ARRAY_SIZE(pc));
	CHECK(test_log_find("memmap=1G%4G-1+12x: not understood") >= 0);
}

/* Order matters: each parameter edits the map as it is then. */
static void command_line_order(void)
{
	load();
	CHECK_INT(x86_e820_cmdline(&t, "mem=1G memmap=64M@0x80000000", &lim), 0);
	EXPECT_MAP(LOW, { 0x100000, 0x3ff00000, E820_TYPE_RAM },
		   { 0x80000000, 0x4000000, E820_TYPE_RAM }, HOLE, TOP);
	load();
	CHECK_INT(x86_e820_cmdline(&t, "memmap=64M@0x80000000 mem=1G", &lim), 0);
	EXPECT_MAP(LOW, { 0x100000, 0x3ff00000, E820_TYPE_RAM }, HOLE, TOP);
}

/* Bad entries: ignored with a warning, or applied as far as read (as Linux). */
static void memmap_bad_input(void)
{
	load();
	CHECK_INT(x86_e820_cmdline(&t, "memmap=junk memmap= memmap=,", &lim), 0);
	CHECK_INT(t.nr_entries, ARRAY_SIZE(pc));
	CHECK(test_log_find("memmap=junk: not understood") >= 0);
	/* Applied, then the junk reported. */
	load();
	CHECK_INT(x86_e820_cmdline(&t, "memmap=64M@0x80000000x", &lim), 0);
	EXPECT_MAP(LOW, { 0x100000, 0x83f00000, E820_TYPE_RAM }, HOLE,
		   { 0x100000000ULL, 0x80000000ULL, E820_TYPE_RAM }, TOP);
	CHECK(test_log_find("memmap=64M@0x80000000x: not understood") >= 0);
	/* A full table drops the range with Linux's message. */
	load();
	while (t.nr_entries < E820_MAX_ENTRIES)
		CHECK_INT(e820_table_add(&t, 0x300000000ULL, 0x1000, E820_TYPE_RESERVED), 0);
	CHECK_INT(x86_e820_cmdline(&t, "memmap=64M@0x400000000", &lim), 0);
	CHECK(test_log_find("e820: too many entries; ignoring [mem 0x400000000-0x403ffffff]") >= 0);
	CHECK_EQ(e820_total(&t, E820_TYPE_RAM), 0x9fc00 + 0x7ff00000 + 0x80000000ULL);
	/* NULL arguments and a corrupt table: -EINVAL, nothing changed. */
	load();
	CHECK_INT(x86_e820_cmdline(NULL, "mem=1G", &lim), -EINVAL);
	CHECK_INT(x86_e820_cmdline(&t, "mem=1G", NULL), -EINVAL);
	CHECK_INT(t.nr_entries, ARRAY_SIZE(pc));
	CHECK_EQ(lim, 12345);
	t.nr_entries = E820_MAX_ENTRIES + 1;
	CHECK_INT(x86_e820_cmdline(&t, "mem=1G", &lim), -EINVAL);
	CHECK_INT(t.nr_entries, E820_MAX_ENTRIES + 1);
}

static const struct test_case cases[] = {
	TEST_CASE(untouched),
	TEST_CASE(mem_is_an_address),
	TEST_CASE(mem_bad_values),
	TEST_CASE(memmap_forms),
	TEST_CASE(memmap_limit_and_exactmap),
	TEST_CASE(memmap_percent),
	TEST_CASE(command_line_order),
	TEST_CASE(memmap_bad_input),
};
TAP_MAIN(cases)
