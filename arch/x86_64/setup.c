// SPDX-License-Identifier: BSD-2-Clause
/*
 * setup_arch(): from what the loader handed over to a populated memblock,
 * in Linux's order: reserve what is already in use, then describe memory
 * (e820), then apply the command line and the NUMA layout.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <linux/memblock.h>
#include "x86.h"

#define SZ_64K		0x10000ULL
#define SZ_1M		0x100000ULL
#define LOWMEM_CAP	0x9f000ULL	/* 640 KiB minus the usual EBDA page */
#define EBDA_FLOOR	0x20000ULL	/* below this an EBDA pointer is bogus */

uint64_t x86_bios_start;
uint64_t x86_mem_limit;

/* Read a BIOS data area word without the compiler knowing it is "address 0x4xx". */
static uint16_t bda_read16(uintptr_t off)
{
	const volatile uint16_t *p;

	__asm__("" : "=r"(p) : "0"(off));
	return *p;
}

/*
 * Start of the BIOS-owned area below 1 MiB: the EBDA (its segment is in the
 * BDA at 0x40e) or the end of conventional memory (KiB count at 0x413),
 * whichever is lower, ignoring implausible values. Everything from there to
 * 1 MiB belongs to the firmware, even where the e820 map forgets to say so.
 */
static uint64_t bios_area_start(void)
{
	uint64_t start = LOWMEM_CAP;
	uint64_t ebda = (uint64_t)bda_read16(0x40e) << 4;
	uint64_t lowmem = (uint64_t)bda_read16(0x413) << 10;

	if (lowmem >= EBDA_FLOOR && lowmem < start)
		start = lowmem;
	if (ebda >= EBDA_FLOOR && ebda < start)
		start = ebda;
	return start & ~0xfffULL;
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

	/*
	 * The first 64 KiB: page 0 holds the real-mode IVT and BDA, and BIOSes
	 * are known to scribble over the rest (Linux's default "reservelow").
	 */
	reserve(0, SZ_64K, "low memory");
	reserve(bios, SZ_1M - bios, "BIOS area");
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

/* mem=<size>: keep only the first <size> bytes of RAM. */
static void apply_mem_limit(const char *cmdline)
{
	const char *val;
	char *end;
	size_t len;
	unsigned long long limit;

	if (!memblock_cmdline_find(cmdline, "mem", &val, &len))
		return;
	limit = memparse(val, &end);
	if (end != val + len || !limit) {
		printk("mem=%.*s: not a size, ignored\n", (int)len, val);
		return;
	}
	printk("mem=%#llx: limiting memory\n", limit);
	x86_mem_limit = limit;
	memblock_enforce_memory_limit((phys_addr_t)limit);
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

	apply_mem_limit(b->cmdline);
	x86_numa_init(b, (uint64_t)bda_read16(0x40e) << 4);
	*cmdline = (char *)(uintptr_t)b->cmdline;
}
