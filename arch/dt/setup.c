// SPDX-License-Identifier: BSD-2-Clause
/*
 * The device-tree kernels' setup_arch() core: the command line from
 * /chosen first (the selftest reads it before memblock), then the one DT
 * sequence (firmware/dt_setup.c, memblock-sim's too) with this policy:
 * allocations below the architecture's early map, the image reserved,
 * arrays allowed to grow once everything is reserved. The architecture
 * builds its direct map from memblock afterwards.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <firmware/dt_setup.h>
#include <dt/setup.h>
#include <asm/sections.h>
#include <asm/setup.h>

struct dt_scan_result dt_kernel_scan;

static char command_line[1024];

/* The image's end, .bss and stacks included: memblock's kernel_end hook. */
phys_addr_t memblock_env_kernel_end(void)
{
	return memblock_env_virt_to_phys(_end);
}

bool dt_cmdline_word(const char *cmdline, const char *word)
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

void dt_report_dtb(void)
{
	if (DT_BOOT.dtb_err)
		printk("boot: no usable DTB at %#llx: %s\n",
		       (unsigned long long)DT_BOOT.dtb, fdtr_strerror(DT_BOOT.dtb_err));
	else
		printk("boot: DTB at %#llx, %u bytes, version %u\n",
		       (unsigned long long)DT_BOOT.dtb, DT_BOOT.dt.totalsize,
		       DT_BOOT.dt.version);
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

static void report(const struct dt_scan_result *r)
{
	printk("setup: %u memory node(s), %u range(s), %u on a NUMA node, %u hotplug\n",
	       r->memory_nodes, r->memory_ranges, r->numa_ranges, r->hotplug_ranges);
	printk("setup: reserved %u /memreserve/, %u static, %u dynamic, %u no-map\n",
	       r->memreserve, r->reserved_static, r->reserved_dynamic, r->reserved_nomap);
	if (r->has_initrd)
		printk("setup: initrd [%#llx-%#llx) %llu bytes\n",
		       (unsigned long long)r->initrd_start,
		       (unsigned long long)r->initrd_end,
		       (unsigned long long)(r->initrd_end - r->initrd_start));
	if (r->mem_limit)
		printk("setup: mem= limit %#llx\n", (unsigned long long)r->mem_limit);
	printk("setup: %u warning(s), %u error(s) from the device tree\n",
	       r->warnings, r->errors);
}

char *dt_setup_memblock(phys_addr_t alloc_limit, void (*selftest)(const char *cmdline))
{
	const struct fdtr *dt = &DT_BOOT.dt;
	struct fw_setup_policy policy = {
		.alloc_limit = alloc_limit,
		.allow_resize = true,
		/* The image: text, data, .bss, stacks, the early page tables. */
		.kernel_base = memblock_env_virt_to_phys(_text),
		.kernel_size = (phys_addr_t)(_end - _text),
		.cmdline = command_line,
	};
	int err;

	if (DT_BOOT.dtb_err)
		panic("setup: no usable device tree at %#llx (%s)",
		      (unsigned long long)DT_BOOT.dtb, fdtr_strerror(DT_BOOT.dtb_err));

	err = dt_scan_chosen(dt->blob, &dt_kernel_scan);
	if (err < 0)
		panic("setup: /chosen: %s", fdtr_strerror(err));
	copy_cmdline(dt_kernel_scan.bootargs);
	selftest(command_line);

	/*
	 * /chosen, memory, mem=, the image (added back if mem= cut it off),
	 * the tree's reservations, then resizing.
	 */
	err = dt_memblock_setup(dt->blob, DT_BOOT.dtb, 0, &policy, &dt_kernel_scan);
	if (err == -FDTR_ERR_NOTFOUND)
		panic("setup: no memory from the device tree (%s)", fw_strerror(err));
	if (err)
		panic("setup: dt_memblock_setup: %s", fw_strerror(err));
	report(&dt_kernel_scan);
	return command_line;
}
