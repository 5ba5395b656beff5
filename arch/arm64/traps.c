// SPDX-License-Identifier: BSD-2-Clause
/*
 * Every exception is unexpected in this kernel but one: the undefined HLT
 * of a semihosting call when QEMU runs without -semihosting.
 */
#include <kernel/kernel.h>
#include <asm/exit.h>
#include <asm/setup.h>
#include <asm/sysreg.h>

static const char *const vector_names[4] = {
	"EL1t", "EL1h", "lower EL AArch64", "lower EL AArch32",
};
static const char *const kind_names[4] = {
	"synchronous", "IRQ", "FIQ", "SError",
};

void arm64_exception(uint64_t vector, uint64_t esr, uint64_t elr,
		     uint64_t far, uint64_t spsr)
{
	static int nested;
	unsigned int ec = (unsigned int)(esr >> ESR_EC_SHIFT) & ESR_EC_MASK;

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
