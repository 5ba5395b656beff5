/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Stage 1 translation table descriptors, 4 KiB granule (Arm ARM, VMSAv8-64):
 * four levels, 512 entries each, L0 entries are tables only, L1 and L2
 * entries tables or blocks (1 GiB, 2 MiB), L3 entries pages. Usable from C
 * and assembly.
 */
#ifndef ASM_PGTABLE_H
#define ASM_PGTABLE_H

#include <asm/sysreg.h>

/* A 64-bit constant in C, the bare number in assembly. */
#ifdef __ASSEMBLY__
#define BIT64(n)		(1 << (n))
#else
#define BIT64(n)		(1ULL << (n))
#endif

#define PTRS_PER_TABLE		512
#define L0_SHIFT		39
#define L1_SHIFT		30
#define L2_SHIFT		21
#define L3_SHIFT		12

#define PTE_VALID		(1 << 0)
#define PTE_TABLE		(3 << 0)	/* L0-L2: next-level table */
#define PTE_BLOCK		(1 << 0)	/* L1-L2: block */
#define PTE_PAGE		(3 << 0)	/* L3: page */
#define PTE_TYPE_MASK		3
#define PTE_ATTRINDX(n)		((n) << 2)
#define PTE_ATTRINDX_MASK	(7 << 2)
#define PTE_RDONLY		(1 << 7)	/* AP[2]: read-only */
#define PTE_SH_INNER		(3 << 8)
#define PTE_AF			(1 << 10)
#define PTE_PXN			BIT64(53)
#define PTE_UXN			BIT64(54)
/* Output address bits [47:12] of a descriptor. */
#define PTE_ADDR_MASK		(BIT64(48) - BIT64(12))

/* Leaf attributes (the type bits added where the entry is made). */
#define PROT_NORMAL_X		(PTE_ATTRINDX(MT_NORMAL) | PTE_SH_INNER | PTE_AF)
#define PROT_DEVICE		(PTE_ATTRINDX(MT_DEVICE_nGnRE) | PTE_AF)

#endif
