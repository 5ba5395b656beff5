/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Entry of the riscv64 demo kernel.
 *
 * The image starts with the 64-byte RISC-V Linux image header
 * (Documentation/riscv/boot-image-header.rst), so QEMU's -kernel (behind
 * OpenSBI) and U-Boot's booti boot it as Linux: S-mode, MMU off (satp =
 * bare), a0 = hart id, a1 = physical address of the DTB. From there:
 *
 *  1. stop if not loaded at the link address (the image is not
 *     relocatable: see linker/riscv64.ld);
 *  2. interrupts off, FP and vector units off (OpenSBI leaves sstatus.FS
 *     on), stvec = the trap entry, sscratch = the trap stack, sp = the
 *     boot stack;
 *  3. clear .bss and call riscv64_start_kernel(a0, a1).
 *
 * The kernel is built for rv64imac: any F/D/V instruction traps (sstatus.FS
 * and .VS are cleared here) and is reported like any other trap.
 */
#include <asm/csr.h>

/* Header: version 0.2; flags bit 0 = 0 (little-endian). */
#define IMAGE_VERSION		((0 << 16) | 2)
#define IMAGE_FLAGS		0

#define BOOT_STACK_SIZE		(16 * 1024)
#define EXC_STACK_SIZE		(8 * 1024)

	.section ".head.text", "ax"
	.option	push
	.option	norvc			/* code0 must be one 4-byte jump */
	.globl	_head
_head:
	j	primary_entry		/* code0 */
	.long	0			/* code1 */
	.dword	__text_offset		/* text_offset */
	.dword	__image_size		/* image_size, .bss included */
	.dword	IMAGE_FLAGS		/* flags */
	.long	IMAGE_VERSION		/* version */
	.long	0			/* res1 */
	.dword	0			/* res2 */
	.ascii	"RISCV\0\0\0"		/* magic (deprecated, still written) */
	.ascii	"RSC\x05"		/* magic2 */
	.long	0			/* res3 (no PE/COFF header) */
	.option	pop

primary_entry:
	csrw	CSR_SIE, zero
	csrci	CSR_SSTATUS, SR_SIE
	li	t0, SR_FS | SR_VS
	csrc	CSR_SSTATUS, t0
	mv	s0, a0
	mv	s1, a1
	/* Where we run (pc-relative) against where we were linked. */
	lla	t0, _head
	ld	t1, link_address
	bne	t0, t1, park

	lla	t0, riscv64_trap_entry
	csrw	CSR_STVEC, t0
	lla	t0, exc_stack_top
	csrw	CSR_SSCRATCH, t0
	lla	sp, boot_stack_top

	lla	t0, __bss_start
	lla	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	mv	a0, s0
	mv	a1, s1
	call	riscv64_start_kernel

	/*
	 * Loaded elsewhere, or C returned: there is no console or trap
	 * handler yet to report it, so wait; the runner's timeout turns this
	 * into a failure.
	 */
park:
	wfi
	j	park

	.balign	8
link_address:
	.dword	_head

/*
 * Trap entry (stvec direct mode, 4-byte aligned). Every trap is fatal to
 * this kernel: switch to the trap stack kept in sscratch and pass the
 * cause registers to riscv64_trap(), which reports and exits.
 */
	.text
	.balign	4
	.globl	riscv64_trap_entry
riscv64_trap_entry:
	csrrw	sp, CSR_SSCRATCH, sp
	addi	sp, sp, -16
	csrr	a0, CSR_SCAUSE
	csrr	a1, CSR_SEPC
	csrr	a2, CSR_STVAL
	csrr	a3, CSR_SSTATUS
	call	riscv64_trap
3:	wfi
	j	3b

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
