// SPDX-License-Identifier: BSD-2-Clause
/*
 * arm64 early setup: from head.S to start_kernel() (DTB, console, PSCI),
 * then setup_arch(), which describes memory to memblock from the DTB with
 * the firmware library's dt_memblock_setup() (the order is there) and
 * this kernel's policy: allocations inside head.S's early window, arrays
 * allowed to grow once everything is reserved. Then the linear map is
 * built from memblock (mmu.c), which lifts the limit to the end of RAM.
 *
 * Until then the DTB and the UART are reached through the early window
 * (PAGE_OFFSET + pa); afterwards through the fixmap.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <firmware/dt_setup.h>
#include <asm/console.h>
#include <asm/mmu.h>
#include <asm/psci.h>
#include <asm/sections.h>
#include <asm/setup.h>

struct arm64_boot arm64_boot;
struct dt_scan_result arm64_dt;
unsigned long arm64_kimage_voffset;
phys_addr_t arm64_early_map_top;

static char command_line[1024];

phys_addr_t memblock_env_kernel_end(void)
{
	return __pa_symbol(_end);
}

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
	if (err)
		printk("boot: no usable DTB at %#llx: %s\n",
		       (unsigned long long)x0, fdtr_strerror(err));
	else
		printk("boot: DTB at %#llx, %u bytes, version %u\n",
		       (unsigned long long)x0, b->dt.totalsize, b->dt.version);
	psci_setup(err ? NULL : &b->dt);
	printk("boot: PSCI conduit %s\n", psci_conduit_name());
	printk("boot: kernel image [%#llx-%#llx) at %#lx, early window [0-%#llx)\n",
	       (unsigned long long)__pa_symbol(_text),
	       (unsigned long long)__pa_symbol(_end), (unsigned long)(uintptr_t)_text,
	       (unsigned long long)arm64_early_map_top);
	start_kernel();
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
	const struct fdtr *dt = &arm64_boot.dt;
	struct fw_setup_policy policy = {
		/* Array growth allocates from memblock: inside the early window. */
		.alloc_limit = 0,
		.allow_resize = true,
		/*
		 * The image: text, data, .bss, boot and exception stacks,
		 * head.S's page tables.
		 */
		.kernel_base = __pa_symbol(_text),
		.kernel_size = (phys_addr_t)(_end - _text),
		.cmdline = command_line,
	};
	int err;

	policy.alloc_limit = arm64_early_map_top;
	if (arm64_boot.dtb_err)
		panic("setup: no usable device tree at %#llx (%s)",
		      (unsigned long long)arm64_boot.dtb,
		      fdtr_strerror(arm64_boot.dtb_err));

	/* The command line first: the selftest reads it before memblock. */
	err = dt_scan_chosen(dt->blob, &arm64_dt);
	if (err < 0)
		panic("setup: /chosen: %s", fdtr_strerror(err));
	copy_cmdline(arm64_dt.bootargs);
	*cmdline = command_line;
	arm64_selftest(command_line);

	/*
	 * The one DT sequence (firmware/dt_setup.c), also memblock-sim's:
	 * /chosen, memory, mem=, the image (added back if mem= cut it off),
	 * the DT's reservations, then resizing.
	 */
	err = dt_memblock_setup(dt->blob, arm64_boot.dtb, 0, &policy, &arm64_dt);
	if (err == -FDTR_ERR_NOTFOUND)
		panic("setup: no memory from the device tree (%s)",
		      fw_strerror(err));
	if (err)
		panic("setup: dt_memblock_setup: %s", fw_strerror(err));

	printk("setup: %u memory node(s), %u range(s), %u on a NUMA node, %u hotplug\n",
	       arm64_dt.memory_nodes, arm64_dt.memory_ranges,
	       arm64_dt.numa_ranges, arm64_dt.hotplug_ranges);
	printk("setup: reserved %u /memreserve/, %u static, %u dynamic, %u no-map\n",
	       arm64_dt.memreserve, arm64_dt.reserved_static,
	       arm64_dt.reserved_dynamic, arm64_dt.reserved_nomap);
	if (arm64_dt.has_initrd)
		printk("setup: initrd [%#llx-%#llx) %llu bytes\n",
		       (unsigned long long)arm64_dt.initrd_start,
		       (unsigned long long)arm64_dt.initrd_end,
		       (unsigned long long)(arm64_dt.initrd_end -
					    arm64_dt.initrd_start));
	if (arm64_dt.mem_limit)
		printk("setup: mem= limit %#llx\n",
		       (unsigned long long)arm64_dt.mem_limit);
	printk("setup: %u warning(s), %u error(s) from the device tree\n",
	       arm64_dt.warnings, arm64_dt.errors);
	paging_init();
}
