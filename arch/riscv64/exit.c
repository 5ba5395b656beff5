// SPDX-License-Identifier: BSD-2-Clause
/*
 * Leaving the machine through the SiFive test device (QEMU virt's
 * /soc/test): only its "fail" finisher carries a status to QEMU's exit
 * code, so every status, the pass one included, is written through it.
 * Without the device, an SBI shutdown: QEMU exits with 0, never a pass.
 */
#include <kernel/kernel.h>
#include <firmware/fdt_memblock.h>
#include <asm/exit.h>
#include <asm/mmu.h>
#include <asm/sbi.h>

#define SIFIVE_TEST_FAIL	0x3333

static uintptr_t test_dev;	/* physical */
static volatile uint32_t *test_reg;	/* mapped (riscv64_ioremap()) */

uint64_t riscv64_exit_setup(const struct fdtr *dt)
{
	int depth = 0, node = 0;

	test_dev = 0;
	test_reg = NULL;
	if (!dt)
		return 0;
	/* The first enabled "sifive,test0" node, its reg translated. */
	while ((node = fdtr_next_node(dt, node, &depth)) >= 0) {
		int parent = fdtr_parent_offset(dt, node), len = 0;
		const void *reg = fdtr_getprop(dt, node, "reg", &len);
		uint64_t addr = 0, size = 0;

		if (!fdtr_node_is_compatible(dt, node, "sifive,test0") ||
		    !fdtr_node_is_available(dt, node) || !reg || parent < 0)
			continue;
		if (!fdtr_reg_entry(reg, len, fdtr_address_cells(dt, parent),
				    fdtr_size_cells(dt, parent), 0, &addr, &size) &&
		    !dt_translate_address(dt->blob, node, &addr) &&
		    (test_reg = riscv64_ioremap(addr, sizeof(*test_reg)))) {
			test_dev = (uintptr_t)addr;
			break;
		}
	}
	return test_dev;
}

void riscv64_exit(unsigned int status)
{
	if (test_reg) {
		printk("exit: status %u via the SiFive test device at %#lx\n",
		       status, (unsigned long)test_dev);
		*test_reg = (status << 16) | SIFIVE_TEST_FAIL;
	}
	printk("poweroff: SBI system reset (no exit status)\n");
	sbi_call(SBI_EXT_SRST, SBI_SRST_RESET, SBI_SRST_SHUTDOWN, 0);
	printk("poweroff: SBI shutdown returned; halting\n");
	for (;;)
		__asm__ volatile("wfi");
}

void arch_exit(bool ok)
{
	riscv64_exit(ok ? RISCV64_EXIT_PASS : RISCV64_EXIT_FAIL);
}
