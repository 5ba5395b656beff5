/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Exception entry of the arm64 demo kernel (VBAR_EL1, set by head.S once
 * running at the link address) and the one read allowed to fault,
 * arm64_probe_read(), which the page-table checks use where nothing may be
 * mapped.
 */

/* Registers saved by an exception: x0-x18, x29, x30, 16-byte aligned. */
#define EXC_FRAME		176

	.text
/*
 * arm64_probe_read(va): read one byte at @va; 0, or 1 when the read took
 * a data abort, which arm64_exception() (traps.c) resumes at
 * arm64_probe_fixup after recording the syndrome.
 */
	.globl	arm64_probe_read, arm64_probe_insn, arm64_probe_fixup
arm64_probe_read:
	mov	x1, x0
	mov	x0, #0
arm64_probe_insn:
	ldrb	w2, [x1]
	ret
arm64_probe_fixup:
	mov	x0, #1
	ret

/*
 * Exception vectors: save x0-x18, x29, x30 on the exception stack, pass
 * the vector index and the syndrome registers to arm64_exception(), which
 * either stops the machine or returns where to resume (ELR_EL1).
 */
	.macro	ventry, idx
	.balign	0x80
	sub	sp, sp, #EXC_FRAME
	stp	x0, x1, [sp]
	mov	x0, #\idx
	b	exception_common
	.endm

	.section ".vectors", "ax"
	.balign	2048
	.globl	arm64_vectors
arm64_vectors:
	ventry	0
	ventry	1
	ventry	2
	ventry	3
	ventry	4
	ventry	5
	ventry	6
	ventry	7
	ventry	8
	ventry	9
	ventry	10
	ventry	11
	ventry	12
	ventry	13
	ventry	14
	ventry	15

exception_common:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x29, [sp, #144]
	str	x30, [sp, #160]
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	mrs	x3, far_el1
	mrs	x4, spsr_el1
	bl	arm64_exception
	msr	elr_el1, x0
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x29, [sp, #144]
	ldr	x30, [sp, #160]
	ldp	x0, x1, [sp]
	add	sp, sp, #EXC_FRAME
	eret

	.section .note.GNU-stack, "", %progbits
