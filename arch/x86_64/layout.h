/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Force-included (-include) into every file of the x86-64 kernel build,
 * the library's included: memblock's phys <-> virt hooks become the
 * direct map's offset (include/memblock_env.h lets an embedder define
 * them as macros). Only the C preprocessor and GNU C are used here: this
 * comes before any header.
 */
#ifndef X86_LAYOUT_H
#define X86_LAYOUT_H

#include "boot_defs.h"

/* Physical -> its direct-map address. */
#define memblock_env_phys_to_virt(pa)					\
	((void *)(__UINTPTR_TYPE__)((unsigned long)(pa) + X86_PAGE_OFFSET))

/*
 * Virtual -> physical, like Linux's __pa(): an address in the image (the
 * top 2 GiB) is the kernel mapping's, anything else is the direct map's.
 */
#define memblock_env_virt_to_phys(va) ({				\
	unsigned long __x86_va = (unsigned long)(__UINTPTR_TYPE__)(va);	\
	(phys_addr_t)(__x86_va >= X86_KERNEL_VBASE ?			\
		      __x86_va - X86_KERNEL_VBASE :			\
		      __x86_va - X86_PAGE_OFFSET);			\
})

#endif
