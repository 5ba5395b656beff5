// SPDX-License-Identifier: BSD-2-Clause
/* Every trap is unexpected in this kernel: report it and exit "crash". */
#include <kernel/kernel.h>
#include <asm/csr.h>
#include <asm/exit.h>
#include <asm/setup.h>

void riscv64_trap(uint64_t scause, uint64_t sepc, uint64_t stval,
		  uint64_t sstatus)
{
	static int nested;

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
