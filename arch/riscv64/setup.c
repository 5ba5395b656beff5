// SPDX-License-Identifier: BSD-2-Clause
/*
 * riscv64 early setup: from head.S to start_kernel() (DTB, console, exit
 * device, SBI), then setup_arch(), which describes memory to memblock
 * from the DTB with the firmware library's dt_memblock_setup(), as arm64
 * does. OpenSBI's own memory is one of the tree's /reserved-memory nodes
 * (mmode_resv*, no-map), so the generic scan keeps it out of memblock's
 * allocations exactly as Linux does. Policy: no allocation limit (satp is
 * bare, every physical address is reachable), arrays allowed to grow.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <firmware/dt_setup.h>
#include <asm/console.h>
#include <asm/exit.h>
#include <asm/layout.h>
#include <asm/mmu.h>
#include <asm/sbi.h>
#include <asm/sections.h>
#include <asm/setup.h>

struct riscv64_boot riscv64_boot;
struct dt_scan_result riscv64_dt;
/* Written by head.S once paging is on. */
unsigned long riscv64_kernel_va_pa_offset;
uint64_t riscv64_entry_satp;

static char command_line[1024];

phys_addr_t memblock_env_kernel_end(void)
{
	return memblock_env_virt_to_phys(_end);
}

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
	if (err)
		printk("boot: no usable DTB at %#llx: %s\n",
		       (unsigned long long)a1, fdtr_strerror(err));
	else
		printk("boot: DTB at %#llx, %u bytes, version %u\n",
		       (unsigned long long)a1, b->dt.totalsize, b->dt.version);
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

bool riscv64_cmdline_word(const char *cmdline, const char *word)
{
	for (const char *p = cmdline; p && *p;) {
		const char *w = word;

		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		while (*w && *p == *w) {
			p++;
			w++;
		}
		if (!*w && (!*p || *p == ' ' || *p == '\t' || *p == '\n'))
			return true;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
	}
	return false;
}

static void copy_cmdline(const char *src)
{
	size_t i = 0;

	if (src)
		for (; src[i] && i < sizeof(command_line) - 1; i++)
			command_line[i] = src[i];
	command_line[i] = '\0';
	if (src && src[i])
		printk("setup: command line truncated to %zu bytes\n", i);
}

void setup_arch(char **cmdline)
{
	const struct fdtr *dt = &riscv64_boot.dt;
	struct fw_setup_policy policy = {
		/* The early direct map (head.S) until init_mem_mapping(). */
		.alloc_limit = RISCV64_EARLY_MAP_TOP,
		.allow_resize = true,
		/* The image: text, data, .bss, boot and trap stacks. */
		.kernel_base = memblock_env_virt_to_phys(_text),
		.kernel_size = (phys_addr_t)(_end - _text),
		.cmdline = command_line,
	};
	int err;

	if (riscv64_boot.dtb_err)
		panic("setup: no usable device tree at %#llx (%s)",
		      (unsigned long long)riscv64_boot.dtb,
		      fdtr_strerror(riscv64_boot.dtb_err));

	/* The command line first: the selftest reads it before memblock. */
	err = dt_scan_chosen(dt->blob, &riscv64_dt);
	if (err < 0)
		panic("setup: /chosen: %s", fdtr_strerror(err));
	copy_cmdline(riscv64_dt.bootargs);
	*cmdline = command_line;
	riscv64_selftest(command_line);

	/* The one DT sequence (firmware/dt_setup.c), arm64's and memblock-sim's. */
	err = dt_memblock_setup(dt->blob, riscv64_boot.dtb, 0, &policy, &riscv64_dt);
	if (err == -FDTR_ERR_NOTFOUND)
		panic("setup: no memory from the device tree (%s)",
		      fw_strerror(err));
	if (err)
		panic("setup: dt_memblock_setup: %s", fw_strerror(err));

	printk("setup: %u memory node(s), %u range(s), %u on a NUMA node, %u hotplug\n",
	       riscv64_dt.memory_nodes, riscv64_dt.memory_ranges,
	       riscv64_dt.numa_ranges, riscv64_dt.hotplug_ranges);
	printk("setup: reserved %u /memreserve/, %u static, %u dynamic, %u no-map\n",
	       riscv64_dt.memreserve, riscv64_dt.reserved_static,
	       riscv64_dt.reserved_dynamic, riscv64_dt.reserved_nomap);
	if (riscv64_dt.has_initrd)
		printk("setup: initrd [%#llx-%#llx) %llu bytes\n",
		       (unsigned long long)riscv64_dt.initrd_start,
		       (unsigned long long)riscv64_dt.initrd_end,
		       (unsigned long long)(riscv64_dt.initrd_end -
					    riscv64_dt.initrd_start));
	if (riscv64_dt.mem_limit)
		printk("setup: mem= limit %#llx\n",
		       (unsigned long long)riscv64_dt.mem_limit);
	printk("setup: %u warning(s), %u error(s) from the device tree\n",
	       riscv64_dt.warnings, riscv64_dt.errors);

	/* Paging as Linux's setup_vm_final(): the direct map from memblock. */
	init_mem_mapping(riscv64_cmdline_word(command_line, "no4lvl"));
}
