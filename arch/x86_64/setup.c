// SPDX-License-Identifier: BSD-2-Clause
/*
 * setup_arch(): from what the loader handed over to a populated memblock,
 * in Linux's order: reserve what is already in use, then describe memory
 * (e820), then apply the command line and the NUMA layout.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <linux/memblock.h>
#include <firmware/x86_memory.h>
#include "x86.h"

uint64_t x86_bios_start;
uint64_t x86_mem_limit;

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

/* A reservation that fails would let the allocator hand out live data. */
static void reserve(uint64_t base, uint64_t size, const char *what)
{
	int err = memblock_reserve((phys_addr_t)base, (phys_addr_t)size);

	if (err)
		panic("cannot reserve %s [%#llx +%#llx]: error %d", what,
		      (unsigned long long)base, (unsigned long long)size, err);
}

/* Memory the kernel runs on or the loader left for it: off-limits. */
static void reserve_in_use(const struct x86_boot *b)
{
	uint64_t bios = x86_bios_start = bios_area_start();
	int err;

	/* The first 64 KiB (IVT, BDA, BIOS scribbles) and [bios, 1 MiB). */
	err = x86_reserve_low(bios);
	if (err)
		panic("cannot reserve low memory and the BIOS area [%#llx-1M): error %d",
		      (unsigned long long)bios, err);
	/* The image includes .bss: page tables, boot stack, memblock's arrays. */
	reserve((uintptr_t)_start_image, (uint64_t)(_end - _start_image),
		"kernel image");
	for (unsigned int i = 0; i < b->nr_data; i++)
		reserve(b->data[i].base, b->data[i].size, b->data[i].what);
}

static void print_e820(const struct e820_table *t)
{
	for (uint32_t i = 0; i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		printk("BIOS-e820: [mem %#018llx-%#018llx] %s\n",
		       (unsigned long long)e->addr,
		       (unsigned long long)(e->addr + e->size - 1),
		       e820_type_name(e->type));
	}
}

void setup_arch(char **cmdline)
{
	struct x86_boot *b = &x86_boot;
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

	memblock_parse_cmdline(b->cmdline);
	/* Array growth allocates from memblock: keep it inside the identity map. */
	memblock_set_current_limit((phys_addr_t)BOOT_MAP_GIB << 30);
	reserve_in_use(b);

	/* What the firmware said, before any cleaning (tests record this). */
	for (uint32_t i = 0; i < b->e820.nr_entries; i++)
		printk("e820: firmware entry %u: addr %#llx size %#llx type %u\n",
		       i, (unsigned long long)b->e820.entries[i].addr,
		       (unsigned long long)b->e820.entries[i].size,
		       b->e820.entries[i].type);
	err = e820_sanitize(&b->e820);
	if (err)
		panic("e820: bad memory map: error %d", err);
	print_e820(&b->e820);
	err = e820_memblock_setup(&b->e820);
	if (err)
		panic("e820: memblock refused the map: error %d", err);

	x86_mem_limit = x86_apply_mem_limit(b->cmdline);
	x86_numa_init(b, (uint64_t)bda_read16(0x40e) << 4);
	*cmdline = (char *)(uintptr_t)b->cmdline;
}
