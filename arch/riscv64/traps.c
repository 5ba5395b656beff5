// SPDX-License-Identifier: BSD-2-Clause
/*
 * Traps. One is expected: the load page fault of riscv64_probe_read(),
 * with which the direct-map checks read memory that must not be mapped
 * (NOMAP ranges, holes, past the end of RAM): it is recognised by its pc,
 * recorded and resumed with the "faulted" answer, for the check to report
 * as TAP. Every other trap, a page fault anywhere else included, is a bug:
 * reported, and the boot ends with the crash status.
 */
#include <kernel/kernel.h>
#include <asm/csr.h>
#include <asm/exit.h>
#include <asm/mmu.h>
#include <asm/setup.h>

/* Labels in head.S's riscv64_probe_read. */
extern char riscv64_probe_insn[], riscv64_probe_resume[];

uint64_t riscv64_probe_stval;

void riscv64_trap(uint64_t scause, uint64_t sepc, uint64_t stval,
		  uint64_t sstatus, struct riscv64_regs *regs)
{
	static int nested;

	if (scause == EXC_LOAD_PAGE_FAULT && sepc == (uintptr_t)riscv64_probe_insn) {
		riscv64_probe_stval = stval;
		regs->x[11] = 1;	/* a1: the probe's answer */
		regs->x[0] = (uintptr_t)riscv64_probe_resume;
		return;
	}
	if (nested++)
		riscv64_exit(RISCV64_EXIT_CRASH);
	printk("Unhandled %s: scause %#llx (code %llu) sepc %#llx stval %#llx sstatus %#llx\n",
	       scause & SCAUSE_INTERRUPT ? "interrupt" : "exception",
	       (unsigned long long)scause,
	       (unsigned long long)(scause & ~SCAUSE_INTERRUPT),
	       (unsigned long long)sepc, (unsigned long long)stval,
	       (unsigned long long)sstatus);
	riscv64_exit(RISCV64_EXIT_CRASH);
}
