/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Entry of the riscv64 demo kernel.
 *
 * The image starts with the 64-byte RISC-V Linux image header
 * (Documentation/riscv/boot-image-header.rst), so QEMU's -kernel (behind
 * OpenSBI) and U-Boot's booti boot it as Linux: S-mode, MMU off (satp =
 * bare), a0 = hart id, a1 = physical address of the DTB. The image is
 * linked at KERNEL_VBASE (asm/layout.h) and runs there; until paging is
 * on, only pc-relative addresses (lla) are used, which are physical. From
 * the entry:
 *
 *  1. stop if the load address is not 2 MiB-aligned (the Linux boot
 *     protocol's requirement on rv64);
 *  2. interrupts off, FP and vector units off (OpenSBI leaves sstatus.FS
 *     on), satp at entry kept for the checks;
 *  3. clear .bss and build the early Sv39 tables in it: the image at
 *     KERNEL_VBASE in 4 KiB pages, [0, 4 GiB) in gigapages at PAGE_OFFSET
 *     (the early direct map: DTB, memblock's first allocations) and at
 *     IO_BASE (the UART, the test device), and, for the switch only, the
 *     gigapage holding the image at its physical address;
 *  4. satp = Sv39 + the early root, jump to the link address; stvec = the
 *     trap entry, sscratch = the trap stack, sp = the boot stack; record
 *     the image's physical offset and call riscv64_start_kernel(a0, a1).
 *
 * setup_arch() replaces these tables with ones built from memblock
 * (mmu.c), without the identity gigapage. The kernel is built for
 * rv64imac: any F/D/V instruction traps (sstatus.FS and .VS are cleared
 * here) and is reported like any other trap.
 */
#include <asm/csr.h>
#include <asm/layout.h>
#include <asm/pgtable.h>

/* Header: version 0.2; flags bit 0 = 0 (little-endian). */
#define IMAGE_VERSION		((0 << 16) | 2)
#define IMAGE_FLAGS		0

#define LOAD_ALIGN		0x200000
#define SZ_1G			0x40000000

/* The trap frame: x1..x31 at their index, sepc in slot 0 (struct riscv64_regs). */
#define FRAME_SIZE		(32 * 8)

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
	csrr	s3, CSR_SATP
	/* Where we were loaded (pc-relative): 2 MiB-aligned or nothing. */
	lla	s2, _head
	li	t0, LOAD_ALIGN - 1
	and	t0, s2, t0
	bnez	t0, park

	lla	t0, __bss_start
	lla	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	/* [0, EARLY_MAP_TOP) in gigapages at IO_BASE and at PAGE_OFFSET. */
	lla	s4, early_pg_root
	li	t2, RISCV64_VPN2(RISCV64_IO_BASE) * 8
	add	t2, s4, t2
	li	t3, RISCV64_VPN2(RISCV64_PAGE_OFFSET) * 8
	add	t3, s4, t3
	li	t0, 0
	li	t1, RISCV64_EARLY_MAP_TOP
	li	t5, SZ_1G
3:	srli	t4, t0, 2
	ori	t4, t4, PTE_DATA
	sd	t4, 0(t2)
	sd	t4, 0(t3)
	addi	t2, t2, 8
	addi	t3, t3, 8
	add	t0, t0, t5
	bltu	t0, t1, 3b

	/* The gigapage holding the image, at its physical address. */
	srli	t0, s2, 30
	slli	t1, t0, 3
	add	t1, s4, t1
	slli	t0, t0, 28		/* (index << 30) >> 2 */
	ori	t0, t0, PTE_KERNEL
	sd	t0, 0(t1)

	/* The image: root -> early_pg_kl1 -> [0] early_pg_kl0 (VPN1 0). */
	lla	t0, early_pg_kl1
	srli	t1, t0, 2
	ori	t1, t1, PTE_V
	li	t2, RISCV64_VPN2(RISCV64_KERNEL_VBASE) * 8
	add	t2, s4, t2
	sd	t1, 0(t2)
	lla	t1, early_pg_kl0
	srli	t2, t1, 2
	ori	t2, t2, PTE_V
	sd	t2, 0(t0)
	mv	t0, s2
	lla	t2, _end
	li	t5, 4096
4:	srli	t3, t0, 2
	ori	t3, t3, PTE_KERNEL
	sd	t3, 0(t1)
	addi	t1, t1, 8
	add	t0, t0, t5
	bltu	t0, t2, 4b

	/* Paging on; then to the link address. */
	ld	t0, high_va
	srli	t1, s4, 12
	li	t2, SATP_MODE_SV39
	slli	t2, t2, SATP_MODE_SHIFT
	or	t1, t1, t2
	sfence.vma
	csrw	CSR_SATP, t1
	sfence.vma
	jr	t0

high:
	lla	t0, riscv64_trap_entry
	csrw	CSR_STVEC, t0
	lla	t0, exc_stack_top
	csrw	CSR_SSCRATCH, t0
	lla	sp, boot_stack_top
	/* lla is the link address now: physical minus virtual. */
	lla	t0, _head
	sub	t1, s2, t0
	lla	t0, riscv64_kernel_va_pa_offset
	sd	t1, 0(t0)
	lla	t0, riscv64_entry_satp
	sd	s3, 0(t0)

	mv	a0, s0
	mv	a1, s1
	call	riscv64_start_kernel

	/*
	 * Loaded at an address that cannot be mapped, or C returned: there
	 * is no console or trap handler yet to report it, so wait; the
	 * runner's timeout turns this into a failure.
	 */
park:
	wfi
	j	park

	.balign	8
high_va:
	.dword	high

/*
 * Trap entry (stvec direct mode, 4-byte aligned): switch to the trap stack
 * kept in sscratch, save every register in a struct riscv64_regs and call
 * riscv64_trap(), which either ends the boot or (an expected fault of a
 * probing read) edits the frame and returns; then resume.
 */
	.text
	.balign	4
	.globl	riscv64_trap_entry
riscv64_trap_entry:
	csrrw	sp, CSR_SSCRATCH, sp
	addi	sp, sp, -FRAME_SIZE
	sd	x1, 1 * 8(sp)
	sd	x3, 3 * 8(sp)
	sd	x4, 4 * 8(sp)
	sd	x5, 5 * 8(sp)
	sd	x6, 6 * 8(sp)
	sd	x7, 7 * 8(sp)
	sd	x8, 8 * 8(sp)
	sd	x9, 9 * 8(sp)
	sd	x10, 10 * 8(sp)
	sd	x11, 11 * 8(sp)
	sd	x12, 12 * 8(sp)
	sd	x13, 13 * 8(sp)
	sd	x14, 14 * 8(sp)
	sd	x15, 15 * 8(sp)
	sd	x16, 16 * 8(sp)
	sd	x17, 17 * 8(sp)
	sd	x18, 18 * 8(sp)
	sd	x19, 19 * 8(sp)
	sd	x20, 20 * 8(sp)
	sd	x21, 21 * 8(sp)
	sd	x22, 22 * 8(sp)
	sd	x23, 23 * 8(sp)
	sd	x24, 24 * 8(sp)
	sd	x25, 25 * 8(sp)
	sd	x26, 26 * 8(sp)
	sd	x27, 27 * 8(sp)
	sd	x28, 28 * 8(sp)
	sd	x29, 29 * 8(sp)
	sd	x30, 30 * 8(sp)
	sd	x31, 31 * 8(sp)
	csrr	t0, CSR_SSCRATCH
	sd	t0, 2 * 8(sp)
	csrr	a0, CSR_SCAUSE
	csrr	a1, CSR_SEPC
	sd	a1, 0(sp)
	csrr	a2, CSR_STVAL
	csrr	a3, CSR_SSTATUS
	mv	a4, sp
	call	riscv64_trap
	ld	t0, 0(sp)
	csrw	CSR_SEPC, t0
	ld	x1, 1 * 8(sp)
	ld	x3, 3 * 8(sp)
	ld	x4, 4 * 8(sp)
	ld	x5, 5 * 8(sp)
	ld	x6, 6 * 8(sp)
	ld	x7, 7 * 8(sp)
	ld	x8, 8 * 8(sp)
	ld	x9, 9 * 8(sp)
	ld	x10, 10 * 8(sp)
	ld	x11, 11 * 8(sp)
	ld	x12, 12 * 8(sp)
	ld	x13, 13 * 8(sp)
	ld	x14, 14 * 8(sp)
	ld	x15, 15 * 8(sp)
	ld	x16, 16 * 8(sp)
	ld	x17, 17 * 8(sp)
	ld	x18, 18 * 8(sp)
	ld	x19, 19 * 8(sp)
	ld	x20, 20 * 8(sp)
	ld	x21, 21 * 8(sp)
	ld	x22, 22 * 8(sp)
	ld	x23, 23 * 8(sp)
	ld	x24, 24 * 8(sp)
	ld	x25, 25 * 8(sp)
	ld	x26, 26 * 8(sp)
	ld	x27, 27 * 8(sp)
	ld	x28, 28 * 8(sp)
	ld	x29, 29 * 8(sp)
	ld	x30, 30 * 8(sp)
	ld	x31, 31 * 8(sp)
	addi	sp, sp, FRAME_SIZE
	csrrw	sp, CSR_SSCRATCH, sp
	sret

/*
 * int riscv64_probe_read(const volatile void *va): one byte load at @va;
 * 0 when it completed, 1 when it took a load page fault, which
 * riscv64_trap() recognises by its pc (riscv64_probe_insn), answers by
 * setting a1 and resuming at riscv64_probe_resume.
 */
	.globl	riscv64_probe_read, riscv64_probe_insn, riscv64_probe_resume
riscv64_probe_read:
	li	a1, 0
riscv64_probe_insn:
	lbu	a2, 0(a0)
riscv64_probe_resume:
	mv	a0, a1
	ret

	.section ".bss..page_aligned", "aw", %nobits
	.balign	4096
	.globl	early_pg_root
early_pg_root:
	.space	4096
early_pg_kl1:
	.space	4096
early_pg_kl0:
	.space	4096

/* The stacks: arch/dt/stacks.S. */
	.section .note.GNU-stack, "", %progbits
