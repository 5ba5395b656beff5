/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Entry of the arm64 demo kernel.
 *
 * The image starts with the 64-byte arm64 Linux image header, so QEMU's
 * -kernel and U-Boot's booti boot it as Linux: MMU and D-cache off, x0 =
 * physical address of the DTB, x1-x3 = 0, entered at EL2 or EL1. From
 * there:
 *
 *  1. keep the boot registers and the entry EL; stop if not loaded at
 *     the link address (the image is not relocatable: see linker/arm64.ld);
 *  2. at EL2, configure EL1 as AArch64 with no traps and drop to EL1h;
 *  3. at EL1: known SCTLR_EL1 (MMU and alignment checks off), exception
 *     vectors, SP_EL1 = exception stack, then switch to SP_EL0 (EL1t) for
 *     the boot stack, so that a fault caused by the stack still has a
 *     stack to report on;
 *  4. clear .bss and call arm64_start_kernel(x0, x1, x2, x3, el).
 *
 * FP/SIMD stays trapped (CPACR_EL1.FPEN = 0): the C code is built with
 * -mgeneral-regs-only, so a trap here means a build problem and is
 * reported as such by the vectors.
 */
#include <asm/sysreg.h>

/* Image header flags: little-endian (bit 0 = 0), 4 KiB pages (bits 2:1 =
 * 1), placed near the start of RAM (bit 3 = 0). */
#define IMAGE_FLAGS		(1 << 1)

#define BOOT_STACK_SIZE		(16 * 1024)
#define EXC_STACK_SIZE		(8 * 1024)

	.macro	adr_l, reg, sym
	adrp	\reg, \sym
	add	\reg, \reg, :lo12:\sym
	.endm

	.section ".head.text", "ax"
	.globl	_head
_head:
	b	primary_entry		/* code0 */
	.long	0			/* code1 */
	.quad	__text_offset		/* text_offset */
	.quad	__image_size		/* image_size, .bss included */
	.quad	IMAGE_FLAGS		/* flags */
	.quad	0			/* res2 */
	.quad	0			/* res3 */
	.quad	0			/* res4 */
	.ascii	"ARM\x64"		/* magic, 0x644d5241 */
	.long	0			/* res5 (no PE/COFF header) */

primary_entry:
	mov	x19, x0
	mov	x20, x1
	mov	x21, x2
	mov	x22, x3
	msr	daifset, #0xf
	adr	x0, _head
	ldr	x1, =_head
	cmp	x0, x1
	b.ne	park
	mrs	x23, CurrentEL
	lsr	x23, x23, #CURRENTEL_SHIFT
	cmp	x23, #1
	b.eq	el1_entry
	cmp	x23, #2
	b.ne	park

	/* EL2 -> EL1: AArch64 EL1, no stage 2, no traps of EL1. */
	mov	x0, #HCR_EL2_RW
	msr	hcr_el2, x0
	mov	x0, #CNTHCTL_EL2_EL1_ACCESS
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
	mov	x0, #CPTR_EL2_RES1
	msr	cptr_el2, x0
	msr	hstr_el2, xzr
	mrs	x0, midr_el1
	msr	vpidr_el2, x0
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0
	ldr	x0, =SCTLR_EL1_RES1
	msr	sctlr_el1, x0
	mov	x0, #SPSR_EL1H_DAIF
	msr	spsr_el2, x0
	adr	x0, el1_entry
	msr	elr_el2, x0
	eret

el1_entry:
	ldr	x0, =SCTLR_EL1_RES1
	msr	sctlr_el1, x0
	msr	cpacr_el1, xzr
	adr_l	x0, arm64_vectors
	msr	vbar_el1, x0
	isb

	adr_l	x0, exc_stack_top
	mov	sp, x0			/* SP_EL1: exceptions */
	msr	spsel, #0
	adr_l	x0, boot_stack_top
	mov	sp, x0			/* SP_EL0: everything else */

	adr_l	x0, __bss_start
	adr_l	x1, __bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:
	mov	x0, x19
	mov	x1, x20
	mov	x2, x21
	mov	x3, x22
	mov	x4, x23
	bl	arm64_start_kernel

	/*
	 * Loaded elsewhere, neither EL1 nor EL2, or C returned: there is no
	 * console or vector yet to report it, so wait; the runner's timeout
	 * turns this into a failure.
	 */
park:
	wfe
	b	park
	.ltorg

/*
 * Exception vectors. Every exception is fatal to this kernel: save x0-x1
 * on the exception stack, pass the vector index and the syndrome
 * registers to arm64_exception(), which reports and exits.
 */
	.macro	ventry, idx
	.balign	0x80
	stp	x0, x1, [sp, #-16]!
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
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	mrs	x3, far_el1
	mrs	x4, spsr_el1
	bl	arm64_exception
3:	wfe
	b	3b

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
