// SPDX-License-Identifier: BSD-2-Clause
/* Low-memory reservations and the BIOS-range trim, as x86 kernels make them. */
#include <firmware/errno.h>
#include <firmware/x86_memory.h>
#include <linux/memblock.h>

#define SZ_1M	0x100000ULL

uint64_t x86_bios_area_start(uint64_t ebda, uint64_t lowmem)
{
	uint64_t start = X86_LOWMEM_CAP;

	if (lowmem >= X86_EBDA_FLOOR && lowmem < start)
		start = lowmem;
	if (ebda >= X86_EBDA_FLOOR && ebda < start)
		start = ebda;
	return start & ~0xfffULL;
}

int x86_reserve_low(uint64_t bios_start)
{
	int err;

	if (bios_start > SZ_1M)
		return -EINVAL;
	err = memblock_reserve(0, (phys_addr_t)X86_RESERVE_LOW);
	if (!err && bios_start < SZ_1M)
		err = memblock_reserve((phys_addr_t)bios_start,
				       (phys_addr_t)(SZ_1M - bios_start));
	return err;
}

int x86_trim_bios_range(struct e820_table *t)
{
	int err;

	if (!t || t->nr_entries > E820_MAX_ENTRIES)
		return -EINVAL;
	/* Page 0 is the BIOS's, whatever the map says (Linux: PAGE_SIZE). */
	err = e820_range_update(t, 0, X86_PAGE_0_SIZE, E820_TYPE_RAM,
				E820_TYPE_RESERVED);
	if (!err)
		err = e820_range_remove(t, X86_BIOS_BEGIN,
					X86_BIOS_END - X86_BIOS_BEGIN,
					E820_TYPE_RAM, true);
	return err ? err : e820_sanitize(t);
}
