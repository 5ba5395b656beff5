// SPDX-License-Identifier: BSD-2-Clause
/*
 * arch_boot_checks() for arm64: the boot protocol was followed (here);
 * memblock against the device tree and the allocations (arch/dt/'s
 * memory_checks.c, alloc_checks.c); the page tables (mmu_checks.c,
 * linear_checks.c); the memory hooks.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <kernel/memops_check.h>
#include <dt/checks.h>
#include <dt/map.h>
#include <asm/console.h>
#include <asm/mmu.h>
#include <asm/psci.h>
#include <asm/sections.h>
#include <asm/setup.h>

static struct dt_expect expect;

static void check_boot(void)
{
	const struct arm64_boot *b = &arm64_boot;
	int32_t ver;

	ktap_ok(!b->regs[1] && !b->regs[2] && !b->regs[3],
		"boot: x1-x3 are zero at entry (arm64 boot protocol)");
	ktap_ok(b->entry_el == 1 || b->entry_el == 2,
		"boot: entered at EL1 or EL2 (EL%u)", b->entry_el);
	ktap_ok(!b->dtb_err && !(b->dtb & 7),
		"boot: x0 points to a valid, 8-byte aligned DTB (%#llx)",
		(unsigned long long)b->dtb);
	ktap_ok(b->console_from_dt,
		"console: PL011 at %#llx named by /chosen/stdout-path",
		(unsigned long long)arm64_console_base());
	/* An SMC32 call: the result is w0; NOT_SUPPORTED is -1. */
	ver = (int32_t)psci_call(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
	ktap_ok(ver >= 2, "psci: PSCI_VERSION through %s is 0.2 or later (%d.%d)",
		psci_conduit_name(), ver >> 16, ver & 0xffff);
}

void arch_boot_checks(void)
{
	check_boot();
	dt_expect_read(&arm64_boot.dt, &expect);
	dt_memory_checks(&expect);
	alloc_checks(&expect);
	arm64_mmu_checks();
	dt_linear_checks();
	memops_check("ldp/stp pairs, DC ZVA with the MMU on");
}
