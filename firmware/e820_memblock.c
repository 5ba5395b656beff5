// SPDX-License-Identifier: BSD-2-Clause
/* Feeding a sanitized e820 map to memblock, as x86 Linux does at boot. */
#include <firmware/e820.h>
#include <linux/memblock.h>

/* Clip [addr, addr + size) to what phys_addr_t holds; false if nothing is left. */
static bool clip_to_phys(const struct e820_entry *e, phys_addr_t *base,
			 phys_addr_t *size)
{
	uint64_t end = e->addr + e->size;

	if (e->addr > (uint64_t)PHYS_ADDR_MAX)
		return false;
	if (end < e->addr || end - 1 > (uint64_t)PHYS_ADDR_MAX)
		end = (uint64_t)PHYS_ADDR_MAX;
	*base = (phys_addr_t)e->addr;
	*size = (phys_addr_t)(end - e->addr);
	return *size != 0;
}

/* What Linux feeds memblock as RAM: E820_TYPE_RESERVED_KERN is RAM too. */
static bool is_ram(uint32_t type)
{
	return type == E820_TYPE_RAM || type == E820_TYPE_RESERVED_KERN;
}

static int check_table(const struct e820_table *t)
{
	return !t || t->nr_entries > E820_MAX_ENTRIES ? -EINVAL : 0;
}

int e820_memblock_add_memory(const struct e820_table *t)
{
	phys_addr_t base, size;
	int err = check_table(t);

	for (uint32_t i = 0; !err && i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		if (!clip_to_phys(e, &base, &size))
			continue;
		/* Soft-reserved: a driver's (dax/hmem), never the allocator's. */
		if (e->type == E820_TYPE_SOFT_RESERVED)
			err = memblock_reserve(base, size);
		else if (is_ram(e->type))
			err = memblock_add(base, size);
	}
	if (!err)
		memblock_trim_memory(PAGE_SIZE);
	return err;
}

int e820_memblock_add_physmem(const struct e820_table *t)
{
	int err = check_table(t);

#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	phys_addr_t base, size;

	for (uint32_t i = 0; !err && i < t->nr_entries; i++) {
		const struct e820_entry *e = &t->entries[i];

		if (is_ram(e->type) && clip_to_phys(e, &base, &size))
			err = memblock_physmem_add(base, size);
	}
#endif
	return err;
}

/* Resizing is the caller's decision (firmware/x86_setup.c makes it). */
int e820_memblock_setup(const struct e820_table *t)
{
	int err = e820_memblock_add_memory(t);

	return err ? err : e820_memblock_add_physmem(t);
}
