/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree kernels' stacks, in .bss (head.S clears it before C
 * runs): the boot stack start_kernel() runs on, and the exception (trap)
 * stack. The image's reservation covers them; the checks find them by
 * these symbols (asm/sections.h).
 */
#define BOOT_STACK_SIZE		(16 * 1024)
#define EXC_STACK_SIZE		(8 * 1024)

	.section ".bss.stack", "aw", %nobits
	.balign	16
	.globl	boot_stack, boot_stack_top, exc_stack, exc_stack_top
boot_stack:
	.space	BOOT_STACK_SIZE
boot_stack_top:
exc_stack:
	.space	EXC_STACK_SIZE
exc_stack_top:

	.section .note.GNU-stack, "", %progbits
