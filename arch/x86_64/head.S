/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Entry points of the x86-64 demo kernel.
 *
 * Two loaders, one path: QEMU's PVH loader enters pvh_entry (named by the
 * Xen ELF note) with %ebx -> struct hvm_start_info; a Multiboot2 loader
 * enters mb2_entry (the ELF entry point) with %eax = its magic and %ebx ->
 * the boot information. Both run in flat 32-bit protected mode without
 * paging. We record which one it was, build identity page tables for the
 * first 4 GiB with 2 MiB pages, switch to long mode and call x86_start().
 */
#include "boot_defs.h"

#define MB2_HEADER_MAGIC	0xe85250d6
#define MB2_ARCH_I386		0
#define XEN_ELFNOTE_PHYS32_ENTRY 18

#define CR0_PE		(1 << 0)
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define MSR_EFER	0xc0000080
#define EFER_LME	(1 << 8)
#define PTE_P_W		0x3
#define PTE_PS		0x80

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
	.quad	pvh_entry
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
	movl	%eax, boot_magic

common32:
	movl	%esi, boot_protocol
	movl	%ebx, boot_info_pa
	lgdt	gdt_desc

	/* PML4[0] -> PDPT; PDPT[0..3] -> the four page directories. */
	movl	$(boot_pdpt + PTE_P_W), boot_pml4
	movl	$boot_pd, %eax
	orl	$PTE_P_W, %eax
	xorl	%ecx, %ecx
1:	movl	%eax, boot_pdpt(, %ecx, 8)
	addl	$4096, %eax
	incl	%ecx
	cmpl	$BOOT_MAP_GIB, %ecx
	jb	1b

	/* 2 MiB pages: entry i maps [i * 2 MiB, (i + 1) * 2 MiB). */
	movl	$(PTE_P_W | PTE_PS), %eax
	xorl	%ecx, %ecx
2:	movl	%eax, boot_pd(, %ecx, 8)
	addl	$0x200000, %eax
	incl	%ecx
	cmpl	$(BOOT_MAP_GIB * 512), %ecx
	jb	2b

	movl	%cr4, %eax
	orl	$CR4_PAE, %eax
	movl	%eax, %cr4
	movl	$boot_pml4, %eax
	movl	%eax, %cr3
	movl	$MSR_EFER, %ecx
	rdmsr
	orl	$EFER_LME, %eax
	wrmsr
	movl	%cr0, %eax
	orl	$(CR0_PG | CR0_PE), %eax
	movl	%eax, %cr0
	ljmp	$0x08, $long_mode

	.code64
long_mode:
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
3:	cli
	hlt
	jmp	3b

	.section .rodata
	.balign 16
gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad	0x00cf92000000ffff	/* 0x10: data */
gdt_end:
gdt_desc:
	.short	gdt_end - gdt - 1
	.long	gdt

	/* Written before paging is on: the loaders zero .bss for us. */
	.section .data
	.balign 8
	.globl	boot_protocol, boot_info_pa, boot_magic
boot_protocol:	.long 0
boot_info_pa:	.long 0
boot_magic:	.long 0

	.section .bss.pagetables, "aw", @nobits
	.balign 4096
	.globl	boot_pagetables_start, boot_pagetables_end
boot_pagetables_start:
boot_pml4:	.skip 4096
boot_pdpt:	.skip 4096
boot_pd:	.skip 4096 * BOOT_MAP_GIB
boot_pagetables_end:

	.section .bss
	.balign 16
	.globl	boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip	BOOT_STACK_SIZE
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
