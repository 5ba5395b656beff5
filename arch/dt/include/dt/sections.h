/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Symbols every device-tree kernel's image has: its bounds and .bss (the
 * linker scripts) and the stacks (arch/dt/stacks.S). An architecture's
 * asm/sections.h includes this and adds its own.
 */
#ifndef DT_SECTIONS_H
#define DT_SECTIONS_H

extern char _text[], _end[];
extern char __bss_start[], __bss_end[];
extern char boot_stack[], boot_stack_top[];
extern char exc_stack[], exc_stack_top[];

#endif /* DT_SECTIONS_H */
