/* SPDX-License-Identifier: BSD-2-Clause */
/* Symbols of the arm64 demo kernel's layout (linker/arm64.ld, head.S). */
#ifndef ASM_SECTIONS_H
#define ASM_SECTIONS_H

extern char _text[], _end[];
extern char __etext[], __rw_start[];
extern char __bss_start[], __bss_end[];
extern char boot_stack[], boot_stack_top[];
extern char exc_stack[], exc_stack_top[];

#endif /* ASM_SECTIONS_H */
