// SPDX-License-Identifier: BSD-2-Clause
/*
 * firmware/x86_memory.c: where the BIOS area starts from what the BDA
 * says, the low-memory reservations, and mem= (as the x86-64 kernel and
 * memblock-sim run them).
 */
#include "harness.h"
#include <firmware/x86_memory.h>

static void test_bios_area_start(void)
{
	/* Nothing plausible: the cap. */
	CHECK_EQ(x86_bios_area_start(0, 0), X86_LOWMEM_CAP);
	/* QEMU/SeaBIOS: EBDA at 0x9fc00, 639 KiB of conventional memory. */
	CHECK_EQ(x86_bios_area_start(0x9fc00, 639 << 10), 0x9f000);
	/* A lower EBDA wins, rounded down to a page. */
	CHECK_EQ(x86_bios_area_start(0x8f800, 639 << 10), 0x8f000);
	/* A lower conventional-memory end wins too. */
	CHECK_EQ(x86_bios_area_start(0x9fc00, 512 << 10), 0x80000);
	/* Values below 128 KiB are bogus and ignored. */
	CHECK_EQ(x86_bios_area_start(0x400, 64 << 10), X86_LOWMEM_CAP);
	/* Values above the cap do not raise it. */
	CHECK_EQ(x86_bios_area_start(0xa0000, 640 << 10), X86_LOWMEM_CAP);
}

static void test_reserve_low(void)
{
	test_reset();
	CHECK_INT(x86_reserve_low(0x9f000), 0);
	EXPECT_TYPE(&memblock.reserved, R(0, SZ_64K), R(0x9f000, 0x61000));

	/* The BIOS area may reach down into the first 64 KiB: one region. */
	test_reset();
	CHECK_INT(x86_reserve_low(0x8000), 0);
	EXPECT_TYPE(&memblock.reserved, R(0, SZ_1M));

	/* Exactly 1 MiB: only the first 64 KiB. */
	test_reset();
	CHECK_INT(x86_reserve_low(SZ_1M), 0);
	EXPECT_TYPE(&memblock.reserved, R(0, SZ_64K));

	/* Above 1 MiB is a caller's mistake, and nothing is reserved. */
	test_reset();
	CHECK_INT(x86_reserve_low(SZ_1M + SZ_4K), -EINVAL);
	EXPECT_EMPTY(&memblock.reserved);
}

static void test_mem_limit(void)
{
	test_reset();
	memblock_add(0, 0x9f000);
	memblock_add(SZ_1M, SZ_1G);
	CHECK_EQ(x86_apply_mem_limit(NULL), 0);
	CHECK_EQ(x86_apply_mem_limit("console=ttyS0 quiet"), 0);
	CHECK_EQ(memblock_phys_mem_size(), 0x9f000 + SZ_1G);

	CHECK_EQ(x86_apply_mem_limit("mem=junk mem=512M"), SZ_512M);
	CHECK(test_log_find("mem=0x20000000: limiting memory") >= 0);
	CHECK_EQ(memblock_phys_mem_size(), SZ_512M);

	test_log_clear();
	CHECK_EQ(x86_apply_mem_limit("mem=12Q"), 0);
	CHECK(test_log_find("mem=12Q: not a size, ignored") >= 0);
	CHECK_EQ(x86_apply_mem_limit("mem=0"), 0);
	CHECK_EQ(memblock_phys_mem_size(), SZ_512M);
}

static const struct test_case cases[] = {
	TEST_CASE(test_bios_area_start),
	TEST_CASE(test_reserve_low),
	TEST_CASE(test_mem_limit),
};
TAP_MAIN(cases)
