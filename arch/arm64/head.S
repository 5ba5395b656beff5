/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Entry of the arm64 demo kernel.
 *
 * The image starts with the 64-byte arm64 Linux image header, so QEMU's
 * -kernel and U-Boot's booti boot it as Linux: MMU and D-cache off, x0 =
 * physical address of the DTB, x1-x3 = 0, entered at EL2 or EL1, the
 * image at a 2 MiB-aligned address + text_offset anywhere in RAM (header
 * flag bit 3). The kernel is linked at KIMAGE_VADDR + TEXT_OFFSET
 * (asm/memory.h) and runs there whatever physical address it was loaded
 * at, as Linux does: until the MMU is on only PC-relative addressing is
 * used. From there:
 *
 *  1. keep the boot registers and the entry EL; stop if the image is not
 *     at a 2 MiB boundary + TEXT_OFFSET (a loader that ignored the header);
 *  2. at EL2, configure EL1 as AArch64 with no traps and drop to EL1h;
 *  3. at EL1, MMU off: known SCTLR_EL1, clear .bss, build the early page
 *     tables (create_page_tables) and turn on the MMU and the caches;
 *  4. jump to the link address: exception vectors, SP_EL1 = exception
 *     stack, then SP_EL0 (EL1t) for the boot stack, so that a fault caused
 *     by the stack still has a stack to report on; call
 *     arm64_start_kernel(x0, x1, x2, x3, el).
 *
 * FP/SIMD stays trapped (CPACR_EL1.FPEN = 0): the C code is built with
 * -mgeneral-regs-only, so a trap here means a build problem and is
 * reported as such by the vectors (entry.S).
 */
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/sysreg.h>

/*
 * Image header flags: little-endian (bit 0 = 0), 4 KiB pages (bits 2:1 =
 * 1), placed anywhere in physical memory (bit 3 = 1).
 */
#define IMAGE_FLAGS		((1 << 1) | (1 << 3))


/* Early window blocks: Normal and executable (the idmap runs the switch), Device. */
#define EARLY_NORMAL_BLOCK	(PROT_NORMAL_X | PTE_BLOCK)
#define EARLY_DEVICE_BLOCK	(PROT_DEVICE | PTE_PXN | PTE_UXN | PTE_BLOCK)
#define KIMAGE_TEXT_PAGE	(PROT_NORMAL_X | PTE_RDONLY | PTE_PAGE)
#define KIMAGE_RO_PAGE		(PROT_NORMAL_X | PTE_RDONLY | PTE_PXN | PTE_UXN | PTE_PAGE)
#define KIMAGE_RW_PAGE		(PROT_NORMAL_X | PTE_PXN | PTE_UXN | PTE_PAGE)

	.macro	adr_l, reg, sym
	adrp	\reg, \sym
	add	\reg, \reg, :lo12:\sym
	.endm

	.section ".head.text", "ax"
	.globl	_head
_head:
	b	primary_entry		/* code0 */
	.long	0			/* code1 */
	.quad	TEXT_OFFSET		/* text_offset */
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
	adr	x24, _head		/* physical address of the image */
	and	x0, x24, #0x1fffff
	cmp	x0, #TEXT_OFFSET
	b.ne	park
	ldr	x0, =_head		/* linked where asm/memory.h says */
	ldr	x1, =KIMAGE_VADDR + TEXT_OFFSET
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
	isb

	/* .bss, the early page tables included, with the MMU off. */
	adr_l	x0, __bss_start
	adr_l	x1, __bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:
	bl	create_page_tables
	bl	enable_mmu
	ldr	x0, =primary_switched
	br	x0

	/*
	 * Loaded elsewhere, neither EL1 nor EL2, or C returned: there is no
	 * console or vector yet to report it, so wait; the runner's timeout
	 * turns this into a failure.
	 */
park:
	wfe
	b	park

/*
 * The early tables, all in .bss (MMU off: physical addresses):
 *
 *  - the early window, one L1 table of 1 GiB blocks over [0, x25), seen
 *    both at the physical address (TTBR0: the idmap the switch runs on)
 *    and at PAGE_OFFSET + pa (TTBR1: what memblock's phys_to_virt() uses
 *    until the linear map exists). x25 = the GiB above the image and the
 *    DTB (x0 + 2 MiB), at most EARLY_MAP_MAX; the first GiB is Device
 *    memory (QEMU virt's UART), the rest Normal;
 *  - the image at its link address (TTBR1 L0[256]), 4 KiB pages: text
 *    read-only and executable, rodata read-only, data and .bss read-write.
 *
 * Clobbers x0-x15, sets x25.
 */
create_page_tables:
	adr_l	x0, _end
	add	x1, x19, #0x200000
	cmp	x1, x19
	b.lo	1f			/* x0 + 2 MiB overflows: ignore the DTB */
	cmp	x1, x0
	csel	x0, x1, x0, hi
1:	mov	x2, #(1 << 30) - 1
	add	x0, x0, x2
	bic	x25, x0, x2
	mov	x2, #EARLY_MAP_MAX
	cmp	x25, x2
	csel	x25, x2, x25, hi

	adr_l	x5, early_l1
	lsr	x6, x25, #30
	mov	x7, #0
	ldr	x9, =EARLY_NORMAL_BLOCK
	ldr	x10, =EARLY_DEVICE_BLOCK
2:	cmp	x7, x6
	b.hs	3f
	lsl	x8, x7, #30
	cmp	x7, #0
	csel	x11, x10, x9, eq
	orr	x8, x8, x11
	str	x8, [x5, x7, lsl #3]
	add	x7, x7, #1
	b	2b
3:
	orr	x8, x5, #PTE_TABLE
	adr_l	x0, idmap_l0
	str	x8, [x0]
	adr_l	x0, init_l0
	str	x8, [x0]

	/* The image: L0[256] -> L1 -> L2 -> KIMAGE_L3 tables of pages. */
	ldr	x1, =_head		/* x1: VA of the first page */
	adr_l	x2, kimage_l1
	orr	x3, x2, #PTE_TABLE
	ubfx	x4, x1, #L0_SHIFT, #9
	str	x3, [x0, x4, lsl #3]
	adr_l	x3, kimage_l2
	orr	x4, x3, #PTE_TABLE
	ubfx	x5, x1, #L1_SHIFT, #9
	str	x4, [x2, x5, lsl #3]
	adr_l	x2, kimage_l3
	lsr	x12, x1, #L2_SHIFT	/* x12: the first L2 slot, unindexed */
	ldr	x13, =_end
	ldr	x14, =__etext
	ldr	x15, =__rw_start
	ldr	x9, =KIMAGE_TEXT_PAGE
	ldr	x10, =KIMAGE_RO_PAGE
	ldr	x11, =KIMAGE_RW_PAGE
4:	cmp	x1, x13
	b.hs	5f
	lsr	x4, x1, #L2_SHIFT
	sub	x4, x4, x12
	add	x4, x2, x4, lsl #12	/* x4: this 2 MiB's L3 table */
	orr	x5, x4, #PTE_TABLE
	ubfx	x6, x1, #L2_SHIFT, #9
	str	x5, [x3, x6, lsl #3]
	ldr	x7, =_head
	sub	x7, x1, x7
	add	x7, x7, x24		/* x7: this page's physical address */
	cmp	x1, x14
	csel	x8, x9, x10, lo
	cmp	x1, x15
	csel	x8, x11, x8, hs
	orr	x7, x7, x8
	ubfx	x6, x1, #L3_SHIFT, #9
	str	x7, [x4, x6, lsl #3]
	add	x1, x1, #4096
	b	4b
5:
	/*
	 * The walker reads the tables through the caches once the MMU is
	 * on: drop any stale line the loader left over .bss (written with
	 * the MMU off, straight to memory).
	 */
	dsb	sy
	mrs	x3, ctr_el0
	ubfx	x3, x3, #16, #4		/* DminLine: log2(words) */
	mov	x4, #4
	lsl	x3, x4, x3
	adr_l	x0, __bss_start
	adr_l	x1, __bss_end
	sub	x4, x3, #1
	bic	x0, x0, x4
6:	cmp	x0, x1
	b.hs	7f
	dc	ivac, x0
	add	x0, x0, x3
	b	6b
7:	dsb	sy
	ret

/* MAIR, TCR (IPS from the CPU's PA size), TTBRs, then SCTLR M, C, I. */
enable_mmu:
	ldr	x0, =MAIR_EL1_VALUE
	msr	mair_el1, x0
	ldr	x0, =TCR_EL1_VALUE
	mrs	x1, id_aa64mmfr0_el1
	and	x1, x1, #0xf
	mov	x2, #PARANGE_MAX
	cmp	x1, x2
	csel	x1, x2, x1, hi
	bfi	x0, x1, #TCR_EL1_IPS_SHIFT, #3
	msr	tcr_el1, x0
	adr_l	x0, idmap_l0
	msr	ttbr0_el1, x0
	adr_l	x0, init_l0
	msr	ttbr1_el1, x0
	isb
	tlbi	vmalle1
	dsb	nsh
	isb
	ldr	x0, =SCTLR_EL1_MMU_ON
	msr	sctlr_el1, x0
	isb
	ic	iallu
	dsb	nsh
	isb
	ret
	.ltorg

	.text
/* Running at the link address: vectors, stacks, the image's offset, C. */
primary_switched:
	adr_l	x0, arm64_vectors
	msr	vbar_el1, x0
	isb
	adr_l	x0, exc_stack_top
	mov	sp, x0			/* SP_EL1: exceptions */
	msr	spsel, #0
	adr_l	x0, boot_stack_top
	mov	sp, x0			/* SP_EL0: everything else */
	adr_l	x0, _head
	sub	x0, x0, x24
	adr_l	x1, arm64_kimage_voffset
	str	x0, [x1]
	adr_l	x1, arm64_early_map_top
	str	x25, [x1]

	mov	x0, x19
	mov	x1, x20
	mov	x2, x21
	mov	x3, x22
	mov	x4, x23
	bl	arm64_start_kernel
8:	wfe
	b	8b

/* The early page tables: page-aligned, in .bss (cleared by primary_entry). */
	.section ".bss.pgtables", "aw", %nobits
	.balign	4096
	.globl	idmap_l0, init_l0, kimage_l3
idmap_l0:
	.space	4096
init_l0:
	.space	4096
early_l1:
	.space	4096
kimage_l1:
	.space	4096
kimage_l2:
	.space	4096
kimage_l3:
	.space	4096 * KIMAGE_L3_TABLES

/* The stacks: arch/dt/stacks.S. */
	.section .note.GNU-stack, "", %progbits
