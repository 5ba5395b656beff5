// SPDX-License-Identifier: BSD-2-Clause
/*
 * Failure injection for the boot runner's negative tests: proves that a
 * crash, a hang or a panic never looks like success. Selected with
 * "arm64.selftest=fault|fp|hang|panic" on the command line; absent,
 * nothing happens.
 */
#include <kernel/kernel.h>
#include <asm/setup.h>

/* Outside both TTBR0's and TTBR1's ranges: a translation fault (data abort). */
#define FAULT_ADDRESS	(1ull << 52)
/* "fmov d0, xzr", encoded by hand: the kernel is built without FP/SIMD. */
#define FMOV_D0_XZR	".inst 0x9e6703e0"

static bool word_is(const char *val, size_t len, const char *word)
{
	size_t i;

	for (i = 0; i < len && word[i] && val[i] == word[i]; i++)
		;
	return i == len && !word[i];
}

void arm64_selftest(const char *cmdline)
{
	const char *val;
	size_t len;

	if (!memblock_cmdline_find(cmdline, "arm64.selftest", &val, &len))
		return;
	if (word_is(val, len, "fault")) {
		printk("selftest: reading %#llx\n", FAULT_ADDRESS);
		(void)*(volatile uint64_t *)(uintptr_t)FAULT_ADDRESS;
		printk("selftest: the read did not fault\n");
	} else if (word_is(val, len, "fp")) {
		printk("selftest: FP/SIMD instruction with CPACR_EL1.FPEN = 0\n");
		__asm__ volatile(FMOV_D0_XZR ::: "memory");
		printk("selftest: the FP instruction did not trap\n");
	} else if (word_is(val, len, "hang")) {
		printk("selftest: hanging\n");
		for (;;)
			__asm__ volatile("wfe");
	} else if (word_is(val, len, "panic")) {
		panic("selftest: panic requested");
	} else {
		printk("selftest: unknown arm64.selftest=%.*s\n", (int)len, val);
	}
}
