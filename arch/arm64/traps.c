// SPDX-License-Identifier: BSD-2-Clause
/*
 * Synchronous exceptions and the rest. Two are expected: the undefined HLT
 * of a semihosting call when QEMU runs without -semihosting, and a data
 * abort at arm64_probe_insn, the read the page-table checks make where
 * nothing may be mapped (resumed at arm64_probe_fixup, the syndrome kept
 * for the check to judge). Anything else is reported and stops the
 * machine with the crash status.
 */
#include <kernel/kernel.h>
#include <asm/exit.h>
#include <asm/mmu.h>
#include <asm/setup.h>
#include <asm/sysreg.h>

extern char arm64_probe_insn[], arm64_probe_fixup[];
uint64_t arm64_probe_esr, arm64_probe_far;

static const char *const vector_names[4] = {
	"EL1t", "EL1h", "lower EL AArch64", "lower EL AArch32",
};
static const char *const kind_names[4] = {
	"synchronous", "IRQ", "FIQ", "SError",
};

uint64_t arm64_exception(uint64_t vector, uint64_t esr, uint64_t elr,
			 uint64_t far, uint64_t spsr)
{
	static int nested;
	unsigned int ec = (unsigned int)(esr >> ESR_EC_SHIFT) & ESR_EC_MASK;

	if ((vector & 3) == 0 && ec == ESR_EC_DABT_CUR &&
	    elr == (uint64_t)(uintptr_t)arm64_probe_insn) {
		arm64_probe_esr = esr;
		arm64_probe_far = far;
		return (uint64_t)(uintptr_t)arm64_probe_fixup;
	}
	if (arm64_semihosting_probing() && ec == ESR_EC_UNKNOWN)
		arm64_poweroff();
	if (nested++)
		arm64_exit(ARM64_EXIT_CRASH);
	printk("Unhandled %s exception from %s: ESR %#llx (EC %#x) ELR %#llx FAR %#llx SPSR %#llx\n",
	       kind_names[vector & 3], vector_names[(vector >> 2) & 3],
	       (unsigned long long)esr, ec, (unsigned long long)elr,
	       (unsigned long long)far, (unsigned long long)spsr);
	arm64_exit(ARM64_EXIT_CRASH);
}
