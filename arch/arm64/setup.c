// SPDX-License-Identifier: BSD-2-Clause
/*
 * arm64 early setup: from head.S to start_kernel() (DTB, console, PSCI),
 * then setup_arch(), which describes memory to memblock from the DTB
 * with the DT kernels' dt_setup_memblock() (arch/dt/setup.c), allocations
 * inside head.S's early window. Then the linear map is built from
 * memblock (mmu.c), which lifts the limit to the end of RAM.
 *
 * Until then the DTB and the UART are reached through the early window
 * (PAGE_OFFSET + pa); afterwards through the fixmap.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <dt/setup.h>
#include <asm/console.h>
#include <asm/mmu.h>
#include <asm/psci.h>
#include <asm/sections.h>
#include <asm/setup.h>

struct arm64_boot arm64_boot;
unsigned long arm64_kimage_voffset;
phys_addr_t arm64_early_map_top;

void arm64_start_kernel(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3,
			uint64_t el)
{
	struct arm64_boot *b = &arm64_boot;
	int err;

	b->regs[0] = x0;
	b->regs[1] = x1;
	b->regs[2] = x2;
	b->regs[3] = x3;
	b->entry_el = (unsigned int)el;
	b->dtb = (phys_addr_t)x0;

	/* head.S's early window covers x0 + FDTR_MAX_SIZE, unless x0 is absurd. */
	if (x0 > arm64_early_map_top || arm64_early_map_top - x0 < FDTR_MAX_SIZE)
		err = -FDTR_ERR_TRUNCATED;
	else
		err = fdtr_init(&b->dt, memblock_env_phys_to_virt(x0), FDTR_MAX_SIZE);
	if (!err)
		err = fdtr_check_full(&b->dt);
	b->dtb_err = err;
	b->console_from_dt = arm64_console_setup(err ? NULL : &b->dt);

	printk("boot: entered at EL%u, running at EL1; x0 %#llx x1 %#llx x2 %#llx x3 %#llx\n",
	       b->entry_el, (unsigned long long)x0, (unsigned long long)x1,
	       (unsigned long long)x2, (unsigned long long)x3);
	dt_report_dtb();
	psci_setup(err ? NULL : &b->dt);
	printk("boot: PSCI conduit %s\n", psci_conduit_name());
	printk("boot: kernel image [%#llx-%#llx) at %#lx, early window [0-%#llx)\n",
	       (unsigned long long)__pa_symbol(_text),
	       (unsigned long long)__pa_symbol(_end), (unsigned long)(uintptr_t)_text,
	       (unsigned long long)arm64_early_map_top);
	start_kernel();
}

void setup_arch(char **cmdline)
{
	/* Array growth allocates from memblock: inside the early window. */
	*cmdline = dt_setup_memblock(arm64_early_map_top, arm64_selftest);
	paging_init();
}
