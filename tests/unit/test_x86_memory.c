// SPDX-License-Identifier: BSD-2-Clause
/*
 * firmware/x86_memory.c: where the BIOS area starts from what the BDA
 * says and the low-memory reservations (as the x86-64 kernel and
 * memblock-sim run them). The BIOS-range trim of the e820 map is in
 * test_e820_range.c, mem= and memmap= in test_x86_cmdline.c.
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

static const struct test_case cases[] = {
	TEST_CASE(test_bios_area_start),
	TEST_CASE(test_reserve_low),
};
TAP_MAIN(cases)
