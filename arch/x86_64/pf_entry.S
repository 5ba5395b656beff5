/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The page-fault handler and the probe it recovers: x86_probe_read(va)
 * reads one byte at @va and returns 0, or 1 when the read faulted (the
 * handler then records CR2 in x86_probe_cr2 and resumes at the fixup). A
 * page fault anywhere else goes to x86_fault() (trap.c), which panics.
 */
	.text
	.globl	x86_probe_read
x86_probe_read:
	xorl	%eax, %eax
probe_insn:
	movb	(%rdi), %cl
	ret
probe_fixup:
	movl	$1, %eax
	ret

	/* The CPU pushed SS, RSP, RFLAGS, CS, RIP and the error code. */
	.globl	x86_pf_entry
x86_pf_entry:
	pushq	%rax
	pushq	%rdx
	movq	24(%rsp), %rax		/* the faulting RIP */
	leaq	probe_insn(%rip), %rdx
	cmpq	%rdx, %rax
	jne	1f
	leaq	probe_fixup(%rip), %rdx
	movq	%rdx, 24(%rsp)
	movq	%cr2, %rax
	movq	%rax, x86_probe_cr2(%rip)
	popq	%rdx
	popq	%rax
	addq	$8, %rsp		/* the error code */
	iretq
1:	movq	%cr2, %rdi
	movq	%rax, %rsi
	movq	16(%rsp), %rdx		/* the error code */
	andq	$-16, %rsp
	call	x86_fault
2:	cli
	hlt
	jmp	2b

	.section .note.GNU-stack, "", @progbits
