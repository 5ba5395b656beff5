// SPDX-License-Identifier: BSD-2-Clause
/*
 * The x86-64 boot checks, reported as TAP: what setup_arch() reserved,
 * memblock.memory against the e820 map (and mem=), the allocation limit,
 * and allocations in the ranges x86 cares about (below 1 MiB for real-mode
 * code, below 4 GiB for 32-bit devices), the direct map (mmu_checks.c), then
 * the generic allocation checks.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <kernel/boot_checks.h>
#include <linux/memblock.h>
#include "x86.h"
#include "shared_checks.h"
#include <kernel/srat_expect.h>

#define SZ_4K	((phys_addr_t)0x1000)
#define SZ_64K	((phys_addr_t)0x10000)
#define SZ_1M	((phys_addr_t)0x100000)
#define PROTECT_MAX	(BOOT_DATA_MAX + 8)

static struct boot_range protect[PROTECT_MAX];
static unsigned int nr_protect;

static void protect_add(uint64_t base, uint64_t size, const char *what)
{
	if (nr_protect < PROTECT_MAX && size)
		protect[nr_protect++] = (struct boot_range){
			(phys_addr_t)base, (phys_addr_t)size, what };
}

static phys_addr_t pa(const void *p)
{
	return x86_pa(p);
}

/* The kernel image first: boot_check_allocations() probes protect[0]. */
static void collect_protected(void)
{
	const struct x86_boot *b = &x86_boot;

	nr_protect = 0;
	protect_add(pa(_start_image), pa(_end) - pa(_start_image), "kernel image");
	protect_add(pa(boot_pagetables_start),
		    pa(boot_pagetables_end) - pa(boot_pagetables_start),
		    "page tables");
	protect_add(pa(boot_stack_bottom), pa(boot_stack_top) - pa(boot_stack_bottom),
		    "boot stack");
	protect_add(0, SZ_64K, "low 64 KiB (IVT, BDA)");
	protect_add(x86_bios_start, SZ_1M - x86_bios_start, "EBDA and BIOS area");
	for (unsigned int i = 0; i < b->nr_data; i++)
		protect_add(b->data[i].base, b->data[i].size, b->data[i].what);
}

/* Next e820 RAM range trimmed to pages, merged with touching ones. */
static bool next_e820_ram(uint32_t *i, phys_addr_t *base, phys_addr_t *end)
{
	const struct e820_table *t = &x86_boot.e820;
	bool found = false;

	for (; *i < t->nr_entries; (*i)++) {
		const struct e820_entry *e = &t->entries[*i];
		uint64_t b = (e->addr + SZ_4K - 1) & ~(uint64_t)(SZ_4K - 1);
		uint64_t en = (e->addr + e->size) & ~(uint64_t)(SZ_4K - 1);

		/* Linux feeds memblock usable RAM and E820_TYPE_RESERVED_KERN only. */
		if ((e->type != E820_TYPE_RAM && e->type != E820_TYPE_RESERVED_KERN) ||
		    en <= b)
			continue;
		if (found && b != *end)
			break;
		if (!found)
			*base = (phys_addr_t)b;
		*end = (phys_addr_t)en;
		found = true;
	}
	return found;
}

/* Next run of touching memblock.memory regions, whatever their nodes. */
static bool next_memory(unsigned long *i, phys_addr_t *base, phys_addr_t *end)
{
	const struct memblock_type *m = &memblock.memory;
	bool found = false;

	for (; *i < m->cnt && m->regions[*i].size; (*i)++) {
		const struct memblock_region *r = &m->regions[*i];

		if (found && r->base != *end)
			break;
		if (!found)
			*base = r->base;
		*end = r->base + r->size;
		found = true;
	}
	return found;
}

/*
 * memblock.memory must be the RAM of the e820 map the kernel ended up
 * with, page-trimmed. That map is Linux's: page 0 reserved ("e820: update
 * [mem 0x00000000-0x00000fff] usable ==> reserved"), so memory starts at
 * 0x1000; mem= an address limit (RAM above it removed), not an amount.
 */
static void check_memory_map(void)
{
	phys_addr_t limit = (phys_addr_t)x86_setup.mem_limit;
	phys_addr_t eb, ee, mb, me, first;
	unsigned long mi = 0;
	uint32_t ei = 0;
	unsigned int ranges = 0;
	bool same = true;

	while (same && next_e820_ram(&ei, &eb, &ee)) {
		same = next_memory(&mi, &mb, &me) && mb == eb && me == ee;
		if (!same)
			ktap_diag("e820 RAM [%pa-%pa) but memory [%pa-%pa)",
				  &eb, &ee, &mb, &me);
		ranges++;
	}
	if (same && next_memory(&mi, &mb, &me)) {
		ktap_diag("memory [%pa-%pa) is not e820 RAM", &mb, &me);
		same = false;
	}
	ktap_ok(same, "memblock.memory is the e820 RAM (%u ranges)", ranges);
	first = memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
	ktap_ok(!memblock_is_memory(0) && first >= SZ_4K &&
		x86_boot.e820.nr_entries && x86_boot.e820.entries[0].addr == 0 &&
		x86_boot.e820.entries[0].type == E820_TYPE_RESERVED,
		"page 0 is reserved in the e820 map, memory starts at %pa", &first);
	if (!limit)
		return;
	/*
	 * An address: memory ends at or below it, and the RAM just below it
	 * stays (the boot configurations put mem= inside RAM).
	 */
	ktap_ok(memblock_end_of_DRAM() <= limit &&
		memblock_is_region_memory(limit - SZ_4K, SZ_4K),
		"mem=%#llx is an address limit: memory ends at %#llx",
		(unsigned long long)limit,
		(unsigned long long)memblock_end_of_DRAM());
}

/*
 * The loader must not have put boot data where the kernel's .bss is (it
 * zeroes it and keeps page tables and the stack there).
 */
static void check_boot_data_outside_bss(void)
{
	const struct x86_boot *b = &x86_boot;
	uint64_t bss = pa(_start_bss), end = pa(_end);
	unsigned int bad = 0;

	for (unsigned int i = 0; i < b->nr_data; i++)
		if (b->data[i].base < end && bss < b->data[i].base + b->data[i].size)
			bad++;
	ktap_ok(!bad, "no boot structure inside the kernel's .bss (%u found)", bad);
}

/*
 * With a SRAT, every memory region carries the node of the SRAT entry that
 * covers it. "test.numa_nodes=N" on the command line states how many nodes
 * the boot configuration has (0: no SRAT expected).
 */
static void check_numa(void)
{
	const char *val;
	size_t len;

	if (memblock_cmdline_find(x86_boot.cmdline, "test.numa_nodes", &val, &len)) {
		unsigned long long want = memblock_memparse(val, NULL);

		ktap_ok(x86_setup.nr_nodes == want, "SRAT describes %u nodes (want %llu)",
			x86_setup.nr_nodes, want);
	}
	srat_check_nodes(x86_setup.nr_nodes);
}

static bool streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* "test.modules=N": the loader handed over N modules, all reserved. */
static void check_modules(void)
{
	unsigned int found = 0;
	const char *val;
	size_t len;

	if (!memblock_cmdline_find(x86_boot.cmdline, "test.modules", &val, &len))
		return;
	for (unsigned int i = 0; i < x86_boot.nr_data; i++) {
		const struct x86_boot_range *d = &x86_boot.data[i];

		if (streq(d->what, "module") && boot_range_reserved(d->base, d->size))
			found++;
	}
	ktap_ok(found == memblock_memparse(val, NULL), "%u reserved modules (want %.*s)",
		found, (int)len, val);
}

/*
 * An array that grew lives outside the image: it must have been placed
 * below the early map's end (the limit while it grew: anything above would
 * have faulted), be reserved and be reached through the direct map. A map with more RAM ranges than physmem's 4 static entries
 * (test.e820_ranges=N, GRUB's cutmem) makes physmem grow.
 */
static void check_array_place(const struct memblock_type *t, phys_addr_t limit)
{
	phys_addr_t base = pa(t->regions);
	phys_addr_t size = (phys_addr_t)t->max * sizeof(*t->regions);
	phys_addr_t last = base + size - 1;

	if (base >= pa(_start_image) && base < pa(_end)) {
		ktap_ok(true, "memblock.%s: static array (%lu entries)", t->name,
			t->max);
		return;
	}
	ktap_ok(last < limit && boot_range_reserved(base, size) &&
		x86_lookup((uint64_t)(uintptr_t)t->regions, NULL) == base &&
		(uint64_t)(uintptr_t)t->regions == X86_PAGE_OFFSET + base,
		"memblock.%s grew to %lu entries at [%pa-%pa]: below the early map's end, reserved, in the direct map",
		t->name, t->max, &base, &last);
}

/* "test.e820_ranges=N": the firmware map had at least N RAM ranges. */
static void check_e820_ranges(void)
{
	unsigned int n = 0;
	const char *val;
	size_t len;

	if (!memblock_cmdline_find(x86_boot.cmdline, "test.e820_ranges", &val, &len))
		return;
	for (uint32_t i = 0; i < x86_boot.e820.nr_entries; i++)
		n += x86_boot.e820.entries[i].type == E820_TYPE_RAM;
	ktap_ok(n >= memblock_memparse(val, NULL), "e820 map: %u RAM ranges (want at least %.*s)",
		n, (int)len, val);
}

void arch_boot_checks(void)
{
	phys_addr_t mapped = (phys_addr_t)EARLY_MAP_TOP;

	collect_protected();
	ktap_ok(x86_boot.protocol != NULL, "boot protocol: %s", x86_boot.protocol);
	ktap_ok(x86_boot.e820.nr_entries > 0, "e820 map: %u entries after sanitizing",
		x86_boot.e820.nr_entries);
	boot_check_arrays();
	boot_check_reserved(protect, nr_protect);
	check_boot_data_outside_bss();
	ktap_ok(memblock_debug == (memblock_cmdline_find(x86_boot.cmdline, "memblock",
							 NULL, NULL) ? 1 : 0),
		"memblock=debug on the command line sets memblock_debug (%d)",
		memblock_debug);
	check_memory_map();
	check_e820_ranges();
	check_array_place(&memblock.memory, mapped);
	check_array_place(&memblock.reserved, mapped);
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	check_array_place(&memblock.physmem, mapped);
#endif
	check_numa();
	check_modules();
	x86_mmu_checks();

	x86_check_low_allocations(protect, nr_protect, x86_bios_start);
	x86_check_memops(x86_boot.cmdline);
}
