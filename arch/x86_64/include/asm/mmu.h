/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The x86-64 kernel's side of the direct-map code all three demo kernels
 * share (arch/common/include/common/directmap.h): where the direct map
 * lies. Its hooks are in mmu.c and mmu_checks.c.
 */
#ifndef ASM_MMU_H
#define ASM_MMU_H

#include "../../boot_defs.h"

#define DIRECTMAP_BASE	X86_PAGE_OFFSET
#define DIRECTMAP_END	(X86_PAGE_OFFSET + X86_DIRECT_MAP_SIZE)
#define DIRECTMAP_NAME	"direct map"

#endif /* ASM_MMU_H */
