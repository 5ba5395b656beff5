/* SPDX-License-Identifier: BSD-2-Clause */
/* RISC-V supervisor CSRs and bits the riscv64 demo kernel uses. */
#ifndef ASM_CSR_H
#define ASM_CSR_H

#define CSR_SSTATUS	0x100
#define CSR_SIE		0x104
#define CSR_STVEC	0x105
#define CSR_SSCRATCH	0x140
#define CSR_SEPC	0x141
#define CSR_SCAUSE	0x142
#define CSR_STVAL	0x143
#define CSR_SATP	0x180

#define SR_SIE		0x2		/* sstatus.SIE: interrupts enabled */
#define SR_VS		0x600		/* sstatus.VS: vector unit state */
#define SR_FS		0x6000		/* sstatus.FS: FP unit state */

/* scause: interrupt bit, and the exception codes the checks name. */
#define SCAUSE_INTERRUPT	(1ull << 63)
#define EXC_INST_ILLEGAL	2
#define EXC_LOAD_ACCESS		5
#define EXC_INST_PAGE_FAULT	12
#define EXC_LOAD_PAGE_FAULT	13
#define EXC_STORE_PAGE_FAULT	15

#endif /* ASM_CSR_H */
