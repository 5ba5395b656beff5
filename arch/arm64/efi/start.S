/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Entry of the arm64 UEFI application (AddressOfEntryPoint): the image
 * is linked at 0 as a position-independent executable and loaded by the
 * firmware wherever it chose, so first apply the ELF dynamic relocations
 * the linker left (all R_AARCH64_RELATIVE: pointers in data, the GOT) with
 * the load address, then call efi_main(ImageHandle, SystemTable), whose
 * status goes back to the firmware. No code is patched, only data: no
 * instruction cache maintenance is needed.
 */
#define R_AARCH64_RELATIVE	1027

	.section .text.entry, "ax"
	.globl	_start
	.type	_start, %function
_start:
	stp	x29, x30, [sp, #-32]!
	mov	x29, sp
	stp	x0, x1, [sp, #16]
	adrp	x4, __image_base		/* where the firmware put us */
	add	x4, x4, :lo12:__image_base
	adrp	x2, __rela_start
	add	x2, x2, :lo12:__rela_start
	adrp	x3, __rela_end
	add	x3, x3, :lo12:__rela_end
1:	cmp	x2, x3
	b.hs	3f
	ldp	x5, x6, [x2]			/* r_offset, r_info */
	ldr	x7, [x2, #16]			/* r_addend */
	add	x2, x2, #24
	cmp	w6, #R_AARCH64_RELATIVE
	b.ne	2f
	add	x7, x7, x4
	str	x7, [x4, x5]
	b	1b
2:	mov	x0, #1				/* EFI_LOAD_ERROR: a relocation we cannot apply */
	orr	x0, x0, #(1 << 63)
	ldp	x29, x30, [sp], #32
	ret
3:	ldp	x0, x1, [sp, #16]
	bl	efi_main
	ldp	x29, x30, [sp], #32
	ret
	.size	_start, . - _start

/*
 * The PE base relocation directory (.reloc): one block of two
 * IMAGE_REL_BASED_ABSOLUTE (padding) entries. The relocations are the
 * ELF ones above; an image without the directory could be refused as
 * "relocations stripped" by a loader that cannot place it at ImageBase.
 */
	.section .reloc, "a"
	.long	0				/* page RVA */
	.long	12				/* block size: 8 + 2 entries */
	.short	0, 0
