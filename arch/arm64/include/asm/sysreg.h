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

/* SPSR value for "return to EL1h with D, A, I and F masked". */
#define SPSR_EL1H_DAIF		0x3c5

/* ESR_ELx: exception class in bits [31:26]. */
#define ESR_EC_SHIFT		26
#define ESR_EC_MASK		0x3f
#define ESR_EC_UNKNOWN		0x00

#endif /* ASM_SYSREG_H */
