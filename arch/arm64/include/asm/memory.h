/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The arm64 demo kernel's virtual address space (4 KiB granule, 48-bit
 * VAs, TCR_EL1.T0SZ = T1SZ = 16), and memblock's phys <-> virt hooks.
 *
 *   0x0000000000000000 +------------------------------+  TTBR0
 *                      | idmap: boot only (head.S's    |
 *                      | early window), disabled by    |
 *                      | TCR_EL1.EPD0 once the linear  |
 *                      | map is built                  |
 *   0x0000ffffffffffff +------------------------------+
 *                      :   not canonical: faults       :
 *   0xffff000000000000 +------------------------------+  TTBR1, L0[0..255]
 *                      | linear map: PAGE_OFFSET + pa  |
 *                      | for memblock.memory without   |
 *                      | NOMAP (1G/2M blocks, 4K pages)|
 *   0xffff800000000000 +------------------------------+  L0[256]
 *                      | kernel image at KIMAGE_VADDR  |
 *                      | + TEXT_OFFSET, 4K pages,      |
 *                      | wherever the loader put it    |
 *   0xffff808000000000 +------------------------------+
 *                      :   unmapped                    :
 *   0xfffffe0000000000 +------------------------------+  L0[508]
 *                      | fixmap: the UART (Device),    |
 *                      | the DTB (read-only)           |
 *                      +------------------------------+
 *
 * Force-included (-include) into every file of the arm64 kernel build,
 * the library's included, so memblock sees the linear map's offset; also
 * included by head.S for the constants. Only the preprocessor and GNU C:
 * this comes before any header.
 */
#ifndef ASM_MEMORY_H
#define ASM_MEMORY_H

#define VA_BITS			48
#define PAGE_OFFSET		0xffff000000000000
#define KIMAGE_VADDR		0xffff800008000000
/* The image header's text_offset: a 2 MiB-aligned base + 512 KiB. */
#define TEXT_OFFSET		0x80000
#define FIXMAP_BASE		0xfffffe0000000000
/* Fixmap slots (4 KiB pages): the UART, then up to 2 MiB of DTB. */
#define FIX_UART		0
#define FIX_FDT			16
#define FIX_FDT_PAGES		513

/*
 * head.S's early window: [0, EARLY_MAP_MAX) at most, 1 GiB blocks seen at
 * both pa and PAGE_OFFSET + pa; its first GiB (the UART on QEMU virt) is
 * Device memory.
 */
#define EARLY_MAP_MAX		0x8000000000	/* 512 GiB */
#define EARLY_DEVICE_TOP	0x40000000	/* 1 GiB */

/*
 * L3 tables head.S has for the image: 2 MiB of VA each, from the image's
 * 2 MiB boundary (linker/arm64.ld checks that they suffice).
 */
#define KIMAGE_L3_TABLES	2

#ifndef __ASSEMBLY__
/* Virtual minus physical address of the image, set by head.S. */
extern unsigned long arm64_kimage_voffset;

/* Physical -> its linear-map address. */
#define memblock_env_phys_to_virt(pa)					\
	((void *)(__UINTPTR_TYPE__)((unsigned long)(pa) + PAGE_OFFSET))

/*
 * Virtual -> physical, like Linux's __pa(): an address of the image is
 * the kernel mapping's (its offset known at run time only: the loader
 * chooses), anything else is the linear map's.
 */
#define memblock_env_virt_to_phys(va) ({				\
	unsigned long __a64_va = (unsigned long)(__UINTPTR_TYPE__)(va);	\
	(phys_addr_t)(__a64_va >= KIMAGE_VADDR ?			\
		      __a64_va - arm64_kimage_voffset :			\
		      __a64_va - PAGE_OFFSET);				\
})
#endif

#endif
