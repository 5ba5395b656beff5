/* SPDX-License-Identifier: BSD-2-Clause */
/* The boot flow shared by the demo kernels (kernel/main.c). */
#ifndef KERNEL_BOOT_H
#define KERNEL_BOOT_H

/*
 * Called by the architecture's entry code once it has a stack and a
 * console. Never returns.
 */
__attribute__((noreturn)) void start_kernel(void);

/* ---- provided by each architecture ---- */

/*
 * Describe the machine's memory to memblock (add, reserve, nodes, limits)
 * from the firmware tables and set *cmdline to the kernel command line.
 */
void setup_arch(char **cmdline);

/* Architecture-specific checks, reported with ktap_ok(). */
void arch_boot_checks(void);

/*
 * Architecture-specific checks after mm_init() (the page array, the buddy
 * allocator's pages), reported with ktap_ok(). Optional: the default
 * (kernel/main.c) checks nothing.
 */
void arch_mm_checks(void);

#endif
