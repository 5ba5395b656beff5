/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Entry points of the x86-64 demo kernel.
 *
 * Two loaders, one path: QEMU's PVH loader enters pvh_entry (named by the
 * Xen ELF note) with %ebx -> struct hvm_start_info; a Multiboot2 loader
 * enters mb2_entry (the ELF entry point, a link address: GRUB turns it
 * into a physical one through the segment's p_paddr) with %eax = its magic
 * and %ebx -> the boot information. Both run in flat 32-bit protected mode without
 * paging, at the image's physical addresses (the link addresses are
 * X86_KERNEL_VBASE higher: symbols are used as "sym - X86_KERNEL_VBASE"
 * here). We record which one it was, build the early page tables (2 MiB
 * pages), switch to long mode, jump to the image's high addresses and call
 * x86_start(). The early tables map:
 *
 *   X86_KERNEL_VBASE + [1 MiB, _end)   the image, 4 KiB pages (PML4 511)
 *   X86_PAGE_OFFSET + [0, 4 GiB)       early direct map: boot information,
 *                                      BDA, ACPI tables (PML4 273)
 *   [0, 4 GiB) identity                only until the jump high (PML4 0)
 *
 * mmu.c replaces them with the direct map built from memblock.
 */
#include "boot_defs.h"

#define MB2_HEADER_MAGIC	0xe85250d6
#define MB2_ARCH_I386		0
#define XEN_ELFNOTE_PHYS32_ENTRY 18

#define CR0_PE		(1 << 0)
#define CR0_MP		(1 << 1)
#define CR0_EM		(1 << 2)
#define CR0_TS		(1 << 3)
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define CR4_OSFXSR	(1 << 9)
#define CR4_OSXMMEXCPT	(1 << 10)
#define CR4_OSXSAVE	(1 << 18)
#define CPUID1_ECX_XSAVE 26
#define CPUID1_ECX_AVX	28
#define XCR0_X87_SSE_AVX 7
#define MSR_EFER	0xc0000080
#define EFER_LME	(1 << 8)
#define PTE_P_W		0x3
#define PTE_PS		0x80
#define KVB		X86_KERNEL_VBASE
#define SZ_2M		0x200000

	.section .multiboot2, "a"
	.balign 8
mb2_header:
	.long	MB2_HEADER_MAGIC
	.long	MB2_ARCH_I386
	.long	mb2_header_end - mb2_header
	.long	-(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	.short	0		/* end tag */
	.short	0
	.long	8
mb2_header_end:

	/* An ELF64 note carries the entry as an 8-byte address. */
	.section .note.pvh, "a", @note
	.balign 4
	.long	4		/* namesz: "Xen\0" */
	.long	8		/* descsz */
	.long	XEN_ELFNOTE_PHYS32_ENTRY
	.asciz	"Xen"
	.balign 4
	.quad	pvh_entry - KVB
	.balign 4

	.section .text.boot, "ax"
	.code32
	.globl	pvh_entry
pvh_entry:
	cli
	cld
	movl	$BOOT_PROTO_PVH, %esi
	jmp	common32

	.globl	mb2_entry
mb2_entry:
	cli
	cld
	movl	$BOOT_PROTO_MB2, %esi
	movl	%eax, boot_magic - KVB

common32:
	movl	%esi, boot_protocol - KVB
	movl	%ebx, boot_info_pa - KVB
	lgdt	gdt_desc32 - KVB

	/* PML4 0 and 273 -> the PDPT of [0, 4 GiB); 511 -> the image's PDPT. */
	movl	$(boot_pdpt - KVB + PTE_P_W), %eax
	movl	%eax, boot_pml4 - KVB
	movl	%eax, boot_pml4 - KVB + 273 * 8
	movl	$(boot_pdpt_kernel - KVB + PTE_P_W), boot_pml4 - KVB + 511 * 8
	movl	$(boot_pd_kernel - KVB + PTE_P_W), boot_pdpt_kernel - KVB + 510 * 8

	/* PDPT[0..3] -> the four page directories. */
	movl	$(boot_pd - KVB + PTE_P_W), %eax
	xorl	%ecx, %ecx
1:	movl	%eax, boot_pdpt - KVB(, %ecx, 8)
	addl	$4096, %eax
	incl	%ecx
	cmpl	$EARLY_MAP_GIB, %ecx
	jb	1b

	/* 2 MiB pages: entry i maps [i * 2 MiB, (i + 1) * 2 MiB). */
	movl	$(PTE_P_W | PTE_PS), %eax
	xorl	%ecx, %ecx
2:	movl	%eax, boot_pd - KVB(, %ecx, 8)
	addl	$SZ_2M, %eax
	incl	%ecx
	cmpl	$(EARLY_MAP_GIB * 512), %ecx
	jb	2b

	/*
	 * The image exactly, KVB + [X86_LOAD_PHYS, _end), in 4 KiB pages of
	 * one page table (the linker script checks that _end is below 2 MiB).
	 */
	movl	$(boot_pt_kernel - KVB + PTE_P_W), boot_pd_kernel - KVB
	movl	$(X86_LOAD_PHYS + PTE_P_W), %eax
	movl	$(X86_LOAD_PHYS >> 12), %ecx
3:	movl	%eax, boot_pt_kernel - KVB(, %ecx, 8)
	addl	$4096, %eax
	incl	%ecx
	cmpl	$(_end - KVB), %eax	/* %eax: next address | flags; _end is page-aligned */
	jb	3b

	/*
	 * SSE on (every x86-64 CPU has SSE2): memops.c's backward move uses
	 * %xmm registers. The C code is built -mgeneral-regs-only and runs no
	 * other task, so the registers have no other owner to save them for.
	 */
	movl	%cr4, %eax
	orl	$(CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT), %eax
	movl	%eax, %cr4
	/*
	 * AVX on where the CPU has it, for memops.c's 32-byte backward move:
	 * XSETBV exists once CR4.OSXSAVE is set (only on a CPU with XSAVE,
	 * or it faults), and XCR0 = x87 | SSE | AVX state (only on a CPU
	 * with AVX, or XSETBV faults). Elsewhere XCR0 stays x87 alone and
	 * memops.c's run-time check picks its SSE2 move. (%ebx and %esi are
	 * saved above; CPUID overwrites %ebx.)
	 */
	movl	$1, %eax
	cpuid
	btl	$CPUID1_ECX_XSAVE, %ecx
	jnc	5f
	movl	%cr4, %eax
	orl	$CR4_OSXSAVE, %eax
	movl	%eax, %cr4
	btl	$CPUID1_ECX_AVX, %ecx
	jnc	5f
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	movl	$XCR0_X87_SSE_AVX, %eax
	xsetbv
5:
	movl	$(boot_pml4 - KVB), %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	wrmsr
	movl	%cr0, %eax
	andl	$~(CR0_EM | CR0_TS), %eax
	orl	$(CR0_PG | CR0_PE | CR0_MP), %eax
	movl	%eax, %cr0
	ljmp	$0x08, $(long_mode_low - KVB)

	.code64
long_mode_low:
	/* Still at the physical address: on to the link address. */
	movabsq	$long_mode, %rax
	jmp	*%rax

	.text
long_mode:
	lgdt	gdt_desc64(%rip)
	movl	$0x10, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movq	$boot_stack_top, %rsp
	xorl	%ebp, %ebp
	call	x86_start
4:	cli
	hlt
	jmp	4b

	.section .rodata
	.balign 16
gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad	0x00cf92000000ffff	/* 0x10: data */
gdt_end:
gdt_desc32:				/* before paging: the physical address */
	.short	gdt_end - gdt - 1
	.long	gdt - KVB
	.balign 8
gdt_desc64:				/* in the image's mapping */
	.short	gdt_end - gdt - 1
	.quad	gdt

	/* Written before paging is on: the loaders zero .bss for us. */
	.section .data
	.balign 8
	.globl	boot_protocol, boot_info_pa, boot_magic
boot_protocol:	.long 0
boot_info_pa:	.long 0
boot_magic:	.long 0

	.section .bss.pagetables, "aw", @nobits
	.balign 4096
	.globl	boot_pagetables_start, boot_pagetables_end, boot_pml4
boot_pagetables_start:
boot_pml4:		.skip 4096
boot_pdpt:		.skip 4096
boot_pdpt_kernel:	.skip 4096
boot_pd_kernel:		.skip 4096
boot_pt_kernel:		.skip 4096
boot_pd:		.skip 4096 * EARLY_MAP_GIB
boot_pagetables_end:

	.section .bss
	.balign 16
	.globl	boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip	BOOT_STACK_SIZE
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
