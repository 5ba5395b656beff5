// SPDX-License-Identifier: BSD-2-Clause
/*
 * riscv64 early setup: from head.S to start_kernel() (DTB, console, exit
 * device, SBI), then setup_arch(), which describes memory to memblock
 * from the DTB with the DT kernels' dt_setup_memblock() (arch/dt/setup.c),
 * as arm64 does. OpenSBI's own memory is one of the tree's
 * /reserved-memory nodes (mmode_resv*, no-map), so the generic scan keeps
 * it out of memblock's allocations exactly as Linux does. Allocations stay inside head.S's
 * early direct map until init_mem_mapping() maps the rest.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <dt/setup.h>
#include <asm/console.h>
#include <asm/exit.h>
#include <asm/layout.h>
#include <asm/mmu.h>
#include <asm/sbi.h>
#include <asm/sections.h>
#include <asm/setup.h>

struct riscv64_boot riscv64_boot;
/* Written by head.S once paging is on. */
unsigned long riscv64_kernel_va_pa_offset;
uint64_t riscv64_entry_satp;

void riscv64_start_kernel(uint64_t a0, uint64_t a1)
{
	struct riscv64_boot *b = &riscv64_boot;
	struct sbiret ret;
	int err;

	b->hartid = a0;
	b->dtb = (phys_addr_t)a1;
	b->kernel_pa = memblock_env_virt_to_phys(_text);
	/*
	 * Read at IO_BASE + a1, which head.S maps for [0, 4 GiB) and
	 * init_mem_mapping() keeps for the DTB's pages: the tree may lie
	 * outside memblock.memory (above a linux,usable-memory-range), so
	 * outside the direct map, as arm64's fixmap FDT may.
	 */
	if (a1 >= RISCV64_EARLY_MAP_TOP)
		err = -FDTR_ERR_BADLAYOUT;
	else
		err = fdtr_init(&b->dt, (const void *)(uintptr_t)(RISCV64_IO_BASE + a1),
				RISCV64_EARLY_MAP_TOP - a1 < FDTR_MAX_SIZE ?
				RISCV64_EARLY_MAP_TOP - a1 : FDTR_MAX_SIZE);
	if (!err && !riscv64_ioremap(a1, b->dt.totalsize))
		err = -FDTR_ERR_BADLAYOUT;
	if (!err)
		err = fdtr_check_full(&b->dt);
	b->dtb_err = err;
	b->console_from_dt = riscv64_console_setup(err ? NULL : &b->dt);
	b->test_dev = riscv64_exit_setup(err ? NULL : &b->dt);

	printk("boot: entered in S-mode, hart %llu, a1 %#llx\n",
	       (unsigned long long)a0, (unsigned long long)a1);
	dt_report_dtb();
	ret = sbi_call(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0);
	b->sbi_version = ret.error ? 0 : ret.value;
	printk("boot: SBI specification %ld.%ld\n", (b->sbi_version >> 24) & 0x7f,
	       b->sbi_version & 0xffffff);
	if (b->test_dev)
		printk("boot: exit device sifive,test0 at %#llx\n",
		       (unsigned long long)b->test_dev);
	else
		printk("boot: no sifive,test0 in the device tree\n");
	printk("boot: kernel image [%#llx-%#llx) at %#lx, satp at entry %#llx\n",
	       (unsigned long long)b->kernel_pa,
	       (unsigned long long)memblock_env_virt_to_phys(_end),
	       (unsigned long)(uintptr_t)_text, (unsigned long long)riscv64_entry_satp);
	start_kernel();
}

void setup_arch(char **cmdline)
{
	/* The early direct map (head.S) until init_mem_mapping(). */
	*cmdline = dt_setup_memblock(RISCV64_EARLY_MAP_TOP, riscv64_selftest);
	/* Paging as Linux's setup_vm_final(): the direct map from memblock. */
	init_mem_mapping(dt_cmdline_word(*cmdline, "no4lvl"));
}
