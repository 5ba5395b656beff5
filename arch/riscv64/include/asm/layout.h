/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The riscv64 demo kernel's virtual address space (arch/riscv64/README.md
 * has the picture), force-included (-include) into every file of the
 * riscv64 kernel build, the library's included: memblock's phys <-> virt
 * hooks become the direct map's offset (include/memblock_env.h lets an
 * embedder define them as macros). Usable from assembly too.
 *
 * The same addresses serve Sv39 and Sv48: all three windows lie in the
 * top 512 GiB (Sv48 root entry 511), whose layout below that entry is
 * the Sv39 root's.
 */
#ifndef RISCV64_LAYOUT_H
#define RISCV64_LAYOUT_H

/* Device MMIO (ioremap): IO_BASE + pa, only the devices the kernel uses. */
#define RISCV64_IO_BASE		0xffffffc000000000
/* The direct (linear) map: PAGE_OFFSET + pa, built from memblock. */
#define RISCV64_PAGE_OFFSET	0xffffffd800000000
/* The kernel image: _text at KERNEL_VBASE, wherever it was loaded. */
#define RISCV64_KERNEL_VBASE	0xffffffff80000000
/* The early map (head.S): [0, EARLY_MAP_TOP) at IO_BASE and PAGE_OFFSET. */
#define RISCV64_EARLY_MAP_TOP	0x100000000

/* Sv39 root (Sv48 second-level) table index of each window. */
#define RISCV64_VPN2(va)	(((va) >> 30) & 511)

#ifndef __ASSEMBLER__
/* The kernel image's physical address minus its virtual one (head.S). */
extern unsigned long riscv64_kernel_va_pa_offset;

/* Physical -> its direct-map address. */
#define memblock_env_phys_to_virt(pa)					\
	((void *)(__UINTPTR_TYPE__)((unsigned long)(pa) + RISCV64_PAGE_OFFSET))

/*
 * Virtual -> physical, like Linux's __pa(): an address in the image (the
 * top 2 GiB) is the kernel mapping's, anything else is the direct map's.
 */
#define memblock_env_virt_to_phys(va) ({				\
	unsigned long __rv_va = (unsigned long)(__UINTPTR_TYPE__)(va);	\
	(phys_addr_t)(__rv_va >= RISCV64_KERNEL_VBASE ?			\
		      __rv_va + riscv64_kernel_va_pa_offset :		\
		      __rv_va - RISCV64_PAGE_OFFSET);			\
})
#endif

#endif
