// SPDX-License-Identifier: BSD-2-Clause
/*
 * e820_memblock_setup() on e820 maps recorded from QEMU boots (pc and q35,
 * 64 MiB to 8 GiB) and on made-up maps: which types become memory, which
 * are reserved, physmem, page trimming, array growth, bad input.
 */
#include "harness.h"
#include <firmware/e820.h>
#include "../fixtures/e820_qemu.h"

#define SR	E820_TYPE_SOFT_RESERVED

static struct e820_table tbl;

static void load(const struct e820_entry *e, size_t n)
{
	memset(&tbl, 0, sizeof(tbl));
	for (size_t i = 0; i < n; i++)
		CHECK_INT(e820_table_add(&tbl, e[i].addr, e[i].size, e[i].type), 0);
}

/* Expected regions, minus those a 32-bit phys_addr_t cannot hold. */
static void expect_regions(int line, const struct memblock_type *t,
			   const struct rgn *want, size_t n)
{
	struct rgn fit[8];
	size_t k = 0;

	for (size_t i = 0; i < n && k < ARRAY_SIZE(fit); i++)
		if (PHYS_64 || want[i].base + want[i].size - 1 <= 0xffffffffULL)
			fit[k++] = want[i];
	expect_type_(__FILE__, line, t, k, fit);
}

struct qemu_case {
	const struct e820_entry *map;
	size_t n;
	struct rgn mem[3];	/* memblock.memory: RAM trimmed to pages */
	struct rgn phys[3];	/* memblock.physmem: RAM as reported */
	size_t nmem;
};

#define Q(map, nmem, mem, phys) { map, ARRAY_SIZE(map), mem, phys, nmem }
#define RGNS(...)	{ __VA_ARGS__ }
#define LOW		R(0, 0x9f000)
#define LOWP		R(0, 0x9fc00)

static const struct qemu_case qemu_cases[] = {
	Q(qemu_pc_64M, 2, RGNS(LOW, R(0x100000, 0x3ee0000)),
	  RGNS(LOWP, R(0x100000, 0x3ee0000))),
	Q(qemu_pc_128M, 2, RGNS(LOW, R(0x100000, 0x7ee0000)),
	  RGNS(LOWP, R(0x100000, 0x7ee0000))),
	Q(qemu_pc_1G, 2, RGNS(LOW, R(0x100000, 0x3fee0000)),
	  RGNS(LOWP, R(0x100000, 0x3fee0000))),
	Q(qemu_pc_3_5G, 3, RGNS(LOW, R(0x100000, 0xbfee0000), R(SZ_4G, 0x20000000)),
	  RGNS(LOWP, R(0x100000, 0xbfee0000), R(SZ_4G, 0x20000000))),
	Q(qemu_pc_4G, 3, RGNS(LOW, R(0x100000, 0xbfee0000), R(SZ_4G, 0x40000000)),
	  RGNS(LOWP, R(0x100000, 0xbfee0000), R(SZ_4G, 0x40000000))),
	Q(qemu_pc_8G, 3, RGNS(LOW, R(0x100000, 0xbfee0000), R(SZ_4G, 0x140000000)),
	  RGNS(LOWP, R(0x100000, 0xbfee0000), R(SZ_4G, 0x140000000))),
	Q(qemu_q35_64M, 2, RGNS(LOW, R(0x100000, 0x3edf000)),
	  RGNS(LOWP, R(0x100000, 0x3edf000))),
	Q(qemu_q35_128M, 2, RGNS(LOW, R(0x100000, 0x7edf000)),
	  RGNS(LOWP, R(0x100000, 0x7edf000))),
	Q(qemu_q35_1G, 2, RGNS(LOW, R(0x100000, 0x3fedf000)),
	  RGNS(LOWP, R(0x100000, 0x3fedf000))),
	Q(qemu_q35_3_5G, 3, RGNS(LOW, R(0x100000, 0x7fedf000), R(SZ_4G, 0x60000000)),
	  RGNS(LOWP, R(0x100000, 0x7fedf000), R(SZ_4G, 0x60000000))),
	Q(qemu_q35_4G, 3, RGNS(LOW, R(0x100000, 0x7fedf000), R(SZ_4G, 0x80000000)),
	  RGNS(LOWP, R(0x100000, 0x7fedf000), R(SZ_4G, 0x80000000))),
	Q(qemu_q35_8G, 3, RGNS(LOW, R(0x100000, 0x7fedf000), R(SZ_4G, 0x180000000)),
	  RGNS(LOWP, R(0x100000, 0x7fedf000), R(SZ_4G, 0x180000000))),
};

static void qemu_maps(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(qemu_cases); i++) {
		const struct qemu_case *c = &qemu_cases[i];

		test_reset();
		load(c->map, c->n);
		/* QEMU's maps are already clean: sanitizing changes nothing. */
		CHECK_INT(e820_sanitize(&tbl), 0);
		CHECK_INT(tbl.nr_entries, c->n);
		CHECK(!memcmp(tbl.entries, c->map, c->n * sizeof(*c->map)));
		CHECK_INT(e820_memblock_setup(&tbl), 0);
		expect_regions(__LINE__, &memblock.memory, c->mem, c->nmem);
		EXPECT_EMPTY(&memblock.reserved);
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		expect_regions(__LINE__, &memblock.physmem, c->phys, c->nmem);
#endif
		if (tap_failures()) {
			tap_diag("in QEMU map %zu", i);
			return;
		}
	}
}

static void types_decide_memory(void)
{
	const struct e820_entry in[] = {
		{ 0, 0x10000, 1 }, { 0x10000, 0x1000, 2 }, { 0x11000, 0x1000, 3 },
		{ 0x12000, 0x1000, 4 }, { 0x13000, 0x1000, 5 }, { 0x14000, 0x1000, 7 },
		{ 0x15000, 0x1000, 12 }, { 0x16000, 0x2000, SR }, { 0x18000, 0x1000, 99 },
		{ 0x19000, 0x1000, E820_TYPE_RESERVED_KERN }, { 0x20000, 0x10000, 1 },
	};

	load(in, ARRAY_SIZE(in));
	CHECK_INT(e820_sanitize(&tbl), 0);
	CHECK_INT(e820_memblock_setup(&tbl), 0);
	/*
	 * Linux 6.12's e820__memblock_setup(): RAM and E820_TYPE_RESERVED_KERN
	 * are memory; soft-reserved (EFI_MEMORY_SP) is only reserved, never
	 * memory; persistent memory (7, 12) is the nvdimm driver's: neither.
	 */
	EXPECT_TYPE(&memblock.memory, R(0, 0x10000), R(0x19000, 0x1000),
		    R(0x20000, 0x10000));
	EXPECT_TYPE(&memblock.reserved, R(0x16000, 0x2000));
	CHECK(!memblock_is_memory(0x16000));
	CHECK(!memblock_is_memory(0x14000));
	CHECK(!memblock_is_memory(0x15000));
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	EXPECT_TYPE(&memblock.physmem, R(0, 0x10000), R(0x19000, 0x1000),
		    R(0x20000, 0x10000));
#endif
	/* Resizing is the caller's policy, never the parser's. */
	CHECK(!memblock_can_resize);
}

static void ram_trimmed_to_pages(void)
{
	const struct e820_entry in[] = {
		{ 0x500, 0x3300, 1 },		/* [0x500, 0x3800) */
		{ 0x10000, 0x800, 1 },		/* less than a page */
	};

	load(in, ARRAY_SIZE(in));
	CHECK_INT(e820_memblock_setup(&tbl), 0);
	EXPECT_TYPE(&memblock.memory, R(0x1000, 0x2000));
}

static void reservations_survive(void)
{
	/* The kernel reserves itself first; feeding memory keeps that. */
	const struct e820_entry in[] = { { 0, 0x1000000, 1 } };

	CHECK_INT(memblock_reserve(0x100000, 0x20000), 0);
	load(in, ARRAY_SIZE(in));
	CHECK_INT(e820_memblock_setup(&tbl), 0);
	EXPECT_TYPE(&memblock.memory, R(0, 0x1000000));
	EXPECT_TYPE(&memblock.reserved, R(0x100000, 0x20000));
}

static void memory_array_grows(void)
{
	/* 128 RAM ranges on top of one already there: 129 regions. */
	memset(&tbl, 0, sizeof(tbl));
	CHECK_INT(memblock_add(SZ_256M, SZ_16M), 0);
	for (unsigned int i = 0; i < E820_MAX_ENTRIES; i++)
		CHECK_INT(e820_table_add(&tbl, SZ_1M + i * 0x20000ULL, 0x10000, 1), 0);
	/* Not allowed to grow: the 129th region is refused. */
	CHECK_INT(e820_memblock_setup(&tbl), -ENOMEM);
	CHECK_EQ(memblock.memory.max, INIT_MEMBLOCK_REGIONS);

	/* Allowed by the caller: it grows. */
	test_reset();
	memblock_allow_resize();
	memset(&tbl, 0, sizeof(tbl));
	CHECK_INT(memblock_add(SZ_256M, SZ_16M), 0);
	for (unsigned int i = 0; i < E820_MAX_ENTRIES; i++)
		CHECK_INT(e820_table_add(&tbl, SZ_1M + i * 0x20000ULL, 0x10000, 1), 0);
	CHECK_INT(e820_memblock_setup(&tbl), 0);
	CHECK_EQ(memblock.memory.cnt, 129);
	CHECK(memblock.memory.max > INIT_MEMBLOCK_REGIONS);
	CHECK_EQ(memblock_phys_mem_size(), SZ_16M + 128 * 0x10000ULL);
	/* The grown array is reserved. */
	CHECK_EQ(memblock.reserved.cnt, 1);
}

static void above_phys_addr_t_skipped(void)
{
	const struct e820_entry in[] = {
		{ 0, 0x100000, 1 }, { 0xfff00000ULL, 0x200000, 1 },
		{ SZ_4G + SZ_1G, SZ_1G, 1 },
	};

	load(in, ARRAY_SIZE(in));
	CHECK_INT(e820_memblock_setup(&tbl), 0);
	if (PHYS_64)
		EXPECT_TYPE(&memblock.memory, R(0, 0x100000),
			    R(0xfff00000ULL, 0x200000), R(SZ_4G + SZ_1G, SZ_1G));
	else	/* clipped at the top of the 32-bit space, then trimmed */
		EXPECT_TYPE(&memblock.memory, R(0, 0x100000),
			    R(0xfff00000ULL, 0xff000));
}

static void bad_input(void)
{
	CHECK_INT(e820_memblock_setup(NULL), -EINVAL);
	memset(&tbl, 0, sizeof(tbl));
	tbl.nr_entries = E820_MAX_ENTRIES + 1;
	CHECK_INT(e820_memblock_setup(&tbl), -EINVAL);
	EXPECT_EMPTY(&memblock.memory);
}

static const struct test_case cases[] = {
	TEST_CASE(qemu_maps),
	TEST_CASE(types_decide_memory),
	TEST_CASE(ram_trimmed_to_pages),
	TEST_CASE(reservations_survive),
	TEST_CASE(memory_array_grows),
	TEST_CASE(above_phys_addr_t_skipped),
	TEST_CASE(bad_input),
};

TAP_MAIN(cases)
