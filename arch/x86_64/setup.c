// SPDX-License-Identifier: BSD-2-Clause
/*
 * setup_arch(): from what the loader handed over to a populated memblock.
 * This file reads the boot protocol, the BDA and the ACPI tables; the
 * order of the memblock calls is x86_memblock_setup()'s (the firmware
 * library), with this kernel's policy: allocations inside the 4 GiB
 * identity map, arrays allowed to grow once everything is reserved.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <linux/memblock.h>
#include <firmware/x86_memory.h>
#include <firmware/x86_setup.h>
#include "x86.h"

uint64_t x86_bios_start;
struct x86_setup_result x86_setup;

/* Read a BIOS data area word without the compiler knowing it is "address 0x4xx". */
static uint16_t bda_read16(uintptr_t off)
{
	const volatile uint16_t *p;

	__asm__("" : "=r"(p) : "0"(off));
	return *p;
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
		/* Array growth allocates from memblock: keep it inside the identity map. */
		.alloc_limit = (phys_addr_t)BOOT_MAP_GIB << 30,
		.allow_resize = true,
		/* The image includes .bss: page tables, boot stack, memblock's arrays. */
		.kernel_base = (phys_addr_t)(uintptr_t)_start_image,
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
	policy.cmdline = b->cmdline;
	/* The one x86 sequence (firmware/x86_setup.c), also memblock-sim's. */
	err = x86_memblock_setup(&policy, &in, &x86_setup);
	if (err)
		panic("x86_memblock_setup: %s", fw_strerror(err));
	if (in.srat)
		x86_numa_report(&x86_setup);
	*cmdline = (char *)(uintptr_t)b->cmdline;
}
