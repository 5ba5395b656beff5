/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * System register values the arm64 demo kernel writes, from the Arm
 * Architecture Reference Manual (ARMv8.0 field layouts). Usable from C and
 * from assembly.
 */
#ifndef ASM_SYSREG_H
#define ASM_SYSREG_H

/* CurrentEL holds the exception level in bits [3:2]. */
#define CURRENTEL_SHIFT		2

/* HCR_EL2.RW: EL1 runs in AArch64. Everything else (VM, E2H, traps) off. */
#define HCR_EL2_RW		(1 << 31)

/* CNTHCTL_EL2: EL1PCTEN | EL1PCEN, the counter and timer stay usable. */
#define CNTHCTL_EL2_EL1_ACCESS	0x3

/* CPTR_EL2 (no VHE): RES1 bits [13:12], [9], [7:0]; TFP, TTA, TCPAC clear. */
#define CPTR_EL2_RES1		0x33ff

/*
 * SCTLR_EL1 with only its ARMv8.0 RES1 bits set (11, 20, 22, 23, 28, 29):
 * MMU, caches and alignment checks off, little-endian.
 */
#define SCTLR_EL1_RES1		0x30d00800

/* SCTLR_EL1 bits turned on by head.S: stage 1 MMU, D-cache, I-cache. */
#define SCTLR_EL1_M		(1 << 0)
#define SCTLR_EL1_C		(1 << 2)
#define SCTLR_EL1_I		(1 << 12)
#define SCTLR_EL1_MMU_ON	(SCTLR_EL1_RES1 | SCTLR_EL1_M | SCTLR_EL1_C | \
				 SCTLR_EL1_I)

/*
 * MAIR_EL1: attribute 0 Normal, Write-Back read/write-allocate, inner and
 * outer (0xff); attribute 1 Device-nGnRE (0x04).
 */
#define MT_NORMAL		0
#define MT_DEVICE_nGnRE		1
#define MAIR_EL1_VALUE		0x04ff

/*
 * TCR_EL1: T0SZ = T1SZ = 16 (48-bit VAs both halves), 4 KiB granules
 * (TG0 = 0, TG1 = 2), table walks Inner Shareable and Write-Back cacheable
 * (IRGNn = ORGNn = 1, SHn = 3). IPS (bits 34:32) is filled from
 * ID_AA64MMFR0_EL1.PARange at boot; EPD0 (bit 7) stops TTBR0 walks once
 * the idmap is dropped.
 */
#define TCR_EL1_VALUE		0xb5103510
#define TCR_EL1_IPS_SHIFT	32
#define TCR_EL1_EPD0		(1 << 7)
#define PARANGE_MAX		5	/* 48-bit PAs: the most IPS takes here */

/* SPSR value for "return to EL1h with D, A, I and F masked". */
#define SPSR_EL1H_DAIF		0x3c5

/* ESR_ELx: exception class in bits [31:26]. */
#define ESR_EC_SHIFT		26
#define ESR_EC_MASK		0x3f
#define ESR_EC_UNKNOWN		0x00
#define ESR_EC_DABT_CUR		0x25	/* data abort taken without an EL change */
/* Data abort ISS: DFSC in bits [5:0]; 0b0001LL is a translation fault at level LL. */
#define ESR_DFSC_MASK		0x3f
#define ESR_DFSC_XLATE(l)	(0x04 | (l))

#endif /* ASM_SYSREG_H */
