// SPDX-License-Identifier: BSD-2-Clause
/*
 * Leaving the machine: semihosting SYS_EXIT carries an exit status to QEMU
 * (-semihosting); without semihosting the HLT is undefined, traps, and the
 * exception handler falls back to PSCI SYSTEM_OFF (status 0: never a
 * success for the runner).
 */
#include <kernel/kernel.h>
#include <asm/exit.h>
#include <asm/psci.h>

/* Semihosting operation and the AArch64 SYS_EXIT reason code. */
#define SEMIHOSTING_SYS_EXIT		0x18
#define ADP_STOPPED_APPLICATION_EXIT	0x20026

static volatile bool probing;

bool arm64_semihosting_probing(void)
{
	return probing;
}

void arm64_poweroff(void)
{
	static bool tried;

	probing = false;
	if (tried)	/* PSCI itself trapped: nothing left to try */
		for (;;)
			__asm__ volatile("wfi");
	tried = true;
	printk("poweroff: PSCI SYSTEM_OFF via %s (no exit status)\n",
	       psci_conduit_name());
	psci_call(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
	printk("poweroff: PSCI SYSTEM_OFF returned; halting\n");
	for (;;)
		__asm__ volatile("wfi");
}

/* One semihosting call; nothing may run between setting x0/x1 and HLT. */
static uint64_t semihosting_call(uint64_t op, uint64_t arg)
{
	register uint64_t x0 __asm__("x0") = op;
	register uint64_t x1 __asm__("x1") = arg;

	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	return x0;
}

void arm64_exit(unsigned int status)
{
	/* On AArch64, SYS_EXIT takes a pointer to {reason, subcode}. */
	static volatile uint64_t block[2];

	block[0] = ADP_STOPPED_APPLICATION_EXIT;
	block[1] = status;
	printk("exit: status %u via semihosting\n", status);
	probing = true;
	semihosting_call(SEMIHOSTING_SYS_EXIT, (uintptr_t)block);
	arm64_poweroff();
}

void arch_exit(bool ok)
{
	arm64_exit(ok ? ARM64_EXIT_PASS : ARM64_EXIT_FAIL);
}
