/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Sv39/Sv48 page-table entries and satp (RISC-V privileged spec 1.12,
 * 4.3-4.4). Usable from assembly.
 */
#ifndef ASM_PGTABLE_H
#define ASM_PGTABLE_H

#define PTE_V		0x1
#define PTE_R		0x2
#define PTE_W		0x4
#define PTE_X		0x8
#define PTE_A		0x40
#define PTE_D		0x80
/* A leaf has R, W or X set; A and D preset, so no A/D update faults. */
#define PTE_KERNEL	(PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)
#define PTE_DATA	(PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
/* An entry holds pa >> 12 from bit 10: for a page-aligned pa, pa >> 2. */
#define PTE_PPN_SHIFT	10

#define SATP_MODE_SHIFT	60
#define SATP_MODE_BARE	0
#define SATP_MODE_SV39	8
#define SATP_MODE_SV48	9
#define SATP_PPN_MASK	0xfffffffffff	/* 44 bits */

#endif /* ASM_PGTABLE_H */
