// SPDX-License-Identifier: BSD-2-Clause
/*
 * Failure injection for the boot runner's negative tests: proves that a
 * crash, a hang or a panic never looks like success. Selected with
 * "riscv64.selftest=fault|pagefault|illegal|hang|panic" on the command
 * line.
 */
#include <kernel/kernel.h>
#include <asm/setup.h>

/*
 * The start of QEMU virt's RAM, where OpenSBI lives behind a PMP entry that
 * denies S-mode access, read through the early direct map: a load access
 * fault.
 */
#define FAULT_ADDRESS	0x80000000ull
/* Nothing is mapped in the lower half: a load page fault no probe expects. */
#define UNMAPPED_ADDRESS	0x1000ull
/* "fmv.d.x f0, zero", encoded by hand: the kernel is built without F/D. */
#define FMV_D_X_F0	".4byte 0xf2000053"

static bool word_is(const char *val, size_t len, const char *word)
{
	size_t i;

	for (i = 0; i < len && word[i] && val[i] == word[i]; i++)
		;
	return i == len && !word[i];
}

void riscv64_selftest(const char *cmdline)
{
	const char *val;
	size_t len;

	if (!memblock_cmdline_find(cmdline, "riscv64.selftest", &val, &len))
		return;
	if (word_is(val, len, "fault")) {
		printk("selftest: reading %#llx\n", FAULT_ADDRESS);
		(void)*(volatile uint64_t *)memblock_env_phys_to_virt(FAULT_ADDRESS);
		printk("selftest: the read did not fault\n");
	} else if (word_is(val, len, "pagefault")) {
		printk("selftest: reading unmapped %#llx\n", UNMAPPED_ADDRESS);
		(void)*(volatile uint64_t *)(uintptr_t)UNMAPPED_ADDRESS;
		printk("selftest: the read did not fault\n");
	} else if (word_is(val, len, "illegal")) {
		printk("selftest: FP instruction with sstatus.FS off\n");
		__asm__ volatile(FMV_D_X_F0 ::: "memory");
		printk("selftest: the FP instruction did not trap\n");
	} else if (word_is(val, len, "hang")) {
		printk("selftest: hanging\n");
		for (;;)
			__asm__ volatile("wfi");
	} else if (word_is(val, len, "panic")) {
		panic("selftest: panic requested");
	} else {
		printk("selftest: unknown riscv64.selftest=%.*s\n", (int)len, val);
	}
}
