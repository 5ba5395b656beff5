// SPDX-License-Identifier: BSD-2-Clause
/* PSCI calls through the conduit named by the DTB's /psci node. */
#include <kernel/kernel.h>
#include <firmware/fdt_memblock.h>
#include <asm/psci.h>

static enum psci_conduit conduit;

enum psci_conduit psci_setup(const struct fdtr *dt)
{
	enum dt_psci_conduit c;

	conduit = PSCI_CONDUIT_NONE;
	if (!dt || dt_get_psci(dt->blob, &c) < 0)
		return conduit;
	if (c == DT_PSCI_HVC)
		conduit = PSCI_CONDUIT_HVC;
	else if (c == DT_PSCI_SMC)
		conduit = PSCI_CONDUIT_SMC;
	return conduit;
}

const char *psci_conduit_name(void)
{
	switch (conduit) {
	case PSCI_CONDUIT_HVC:
		return "hvc";
	case PSCI_CONDUIT_SMC:
		return "smc";
	default:
		return "none";
	}
}

/* SMCCC: arguments in x0-x3, result in x0; x4-x17 may be clobbered. */
#define SMCCC_CLOBBERS "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", \
	"x12", "x13", "x14", "x15", "x16", "x17", "memory"

int64_t psci_call(uint32_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 __asm__("x0") = fn;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	switch (conduit) {
	case PSCI_CONDUIT_HVC:
		__asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
				 : : SMCCC_CLOBBERS);
		break;
	case PSCI_CONDUIT_SMC:
		__asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
				 : : SMCCC_CLOBBERS);
		break;
	default:
		return -1;
	}
	return (int64_t)x0;
}
