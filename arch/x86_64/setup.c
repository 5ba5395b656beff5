// SPDX-License-Identifier: BSD-2-Clause
/*
 * setup_arch(): from what the loader handed over to a populated memblock.
 * This file reads the boot protocol, the BDA and the ACPI tables; the
 * order of the memblock calls is x86_memblock_setup()'s (the firmware
 * library), with this kernel's policy: allocations inside the early
 * tables' 4 GiB direct map, arrays allowed to grow once everything is
 * reserved. Then the direct map is built from memblock (mmu.c), which
 * lifts the limit to the end of RAM.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <linux/memblock.h>
#include <firmware/x86_memory.h>
#include <firmware/x86_setup.h>
#include <kernel/srat_expect.h>
#include "x86.h"

uint64_t x86_bios_start;
struct x86_setup_result x86_setup;

/* Read a BIOS data area word, through the early direct map. */
static uint16_t bda_read16(uintptr_t off)
{
	const volatile uint16_t *p = early_va(off, 2);

	return *p;
}

/*
 * The command line, copied into the image: the loader's copy may lie in
 * memory that mem= removes, which the direct map then leaves out.
 */
static char cmdline_copy[4096];

static const char *keep_cmdline(const char *s)
{
	size_t n = 0;

	if (!s)
		return NULL;
	for (; s[n] && n < sizeof(cmdline_copy) - 1; n++)
		cmdline_copy[n] = s[n];
	cmdline_copy[n] = 0;
	return cmdline_copy;
}

/*
 * "test.nomap=<size>@<addr>": mark that memory NOMAP, as firmware does for
 * memory the kernel must not map (arm64's no-map reserved memory, EFI
 * runtime regions), so that the direct map has to be built around it.
 */
static void test_nomap(const char *cmdline)
{
	unsigned long long size, base;
	const char *val;
	char *end;
	size_t len;

	if (!memblock_cmdline_find(cmdline, "test.nomap", &val, &len))
		return;
	size = memblock_memparse(val, &end);
	if (*end != '@')
		panic("test.nomap=%.*s: want <size>@<addr>", (int)len, val);
	base = memblock_memparse(end + 1, NULL);
	if (memblock_mark_nomap(base, size))
		panic("test.nomap: cannot mark [%#llx +%#llx]", base, size);
	printk("test.nomap: [mem %#018llx-%#018llx] marked NOMAP\n", base,
	       base + size - 1);
}

/* The BIOS-owned area below 1 MiB, from what the BDA says. */
static uint64_t bios_area_start(void)
{
	return x86_bios_area_start((uint64_t)bda_read16(0x40e) << 4,
				   (uint64_t)bda_read16(0x413) << 10);
}

void setup_arch(char **cmdline)
{
	struct x86_boot *b = &x86_boot;
	uint64_t ebda = (uint64_t)bda_read16(0x40e) << 4;
	struct x86_setup_input in = { .e820 = &b->e820 };
	struct fw_setup_policy policy = {
		/* Array growth allocates from memblock: keep it inside the early map. */
		.alloc_limit = (phys_addr_t)EARLY_MAP_TOP,
		.allow_resize = true,
		/* The image includes .bss: page tables, boot stack, memblock's arrays. */
		.kernel_base = x86_pa(_start_image),
		.kernel_size = (phys_addr_t)(_end - _start_image),
	};
	int err;

	if (boot_protocol == BOOT_PROTO_PVH)
		err = pvh_parse(boot_info_pa, b);
	else if (boot_protocol == BOOT_PROTO_MB2)
		err = mb2_parse_boot(boot_info_pa, boot_magic, b);
	else
		err = -EINVAL;
	if (err)
		panic("cannot read the boot information (protocol %u): error %d",
		      boot_protocol, err);
	printk("booted via %s\n", b->protocol);
	b->cmdline = keep_cmdline(b->cmdline);

	/* What the firmware said, before any cleaning (tests record this). */
	for (uint32_t i = 0; i < b->e820.nr_entries; i++)
		printk("e820: firmware entry %u: addr %#llx size %#llx type %u\n",
		       i, (unsigned long long)b->e820.entries[i].addr,
		       (unsigned long long)b->e820.entries[i].size,
		       b->e820.entries[i].type);

	in.bios_start = x86_bios_start = bios_area_start();
	in.ranges = b->data;
	in.nr_ranges = b->nr_data;
	x86_find_srat(b, ebda, &in.srat, &in.srat_len);
	srat_expect(in.srat, in.srat_len, SRAT_EXPECT_X86);	/* the NUMA check's oracle */
	policy.cmdline = b->cmdline;
	/* The one x86 sequence (firmware/x86_setup.c), also memblock-sim's. */
	err = x86_memblock_setup(&policy, &in, &x86_setup);
	if (err)
		panic("x86_memblock_setup: %s", fw_strerror(err));
	if (in.srat)
		x86_numa_report(&x86_setup);
	test_nomap(b->cmdline);
	init_mem_mapping();
	*cmdline = (char *)(uintptr_t)b->cmdline;
}
