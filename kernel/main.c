// SPDX-License-Identifier: BSD-2-Clause
/*
 * The demo kernels' architecture-independent boot flow, in the order a
 * real kernel runs it: the architecture describes memory to memblock
 * (setup_arch), the kernel checks what memblock now says, and reports.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <kernel/mm.h>
#include <linux/memblock.h>

__attribute__((weak)) void arch_mm_checks(void)
{
}

void start_kernel(void)
{
	char *cmdline = NULL;

	printk("memblock demo kernel (%s)\n", ARCH_NAME);
	setup_arch(&cmdline);
	printk("command line: %s\n", cmdline ? cmdline : "");
	memblock_dump_all();
	arch_boot_checks();
	mm_init();	/* memblock -> buddy allocator, with its proof */
	arch_mm_checks();
	arch_exit(ktap_done());
}
