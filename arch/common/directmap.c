// SPDX-License-Identifier: BSD-2-Clause
/*
 * The direct map's ranges and steps, as Linux's paging_init() /
 * setup_vm_final() walk memblock: every range of memblock.memory except
 * MEMBLOCK_NOMAP ones (for_each_mem_range() leaves those out) is handed to
 * the architecture's directmap_arch_map(), which writes its own table format.
 * The tables come from memblock_phys_alloc() below the current limit, so
 * inside what is mapped already; the memory above the early map is mapped
 * in steps of 1 GiB, then 32 times more each time, the limit raised after
 * each one.
 */
#include <kernel/kernel.h>
#include <linux/memblock.h>
#include <common/directmap.h>
#include <asm/mmu.h>

#define FIRST_STEP	(1ULL << 30)
#define STEP_SHIFT	5		/* each step maps 32 times the last */

struct directmap_stats directmap_stats;

phys_addr_t directmap_alloc_table(void)
{
	phys_addr_t pa = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
	uint64_t *t;

	if (!pa)
		panic(DIRECTMAP_NAME ": no memory for a page table below %#llx",
		      (unsigned long long)memblock_get_current_limit());
	t = memblock_env_phys_to_virt(pa);
	for (unsigned int i = 0; i < PAGE_SIZE / sizeof(*t); i++)
		t[i] = 0;
	directmap_stats.tables++;
	return pa;
}

void directmap_map_memory(phys_addr_t lo, phys_addr_t hi)
{
	phys_addr_t start, end, run_start = 0, run_end = 0;
	u64 i;

	for_each_mem_range(i, &start, &end) {
		if (start < lo)
			start = lo;
		if (end > hi)
			end = hi;
		if (start >= end)
			continue;
		if (run_end && start == run_end) {
			run_end = end;
			continue;
		}
		if (run_end)
			directmap_arch_map(run_start, run_end);
		run_start = start;
		run_end = end;
	}
	if (run_end)
		directmap_arch_map(run_start, run_end);
}

void directmap_map_above(phys_addr_t mapped)
{
	phys_addr_t top = memblock_end_of_DRAM(), step = FIRST_STEP;

	while (mapped < top) {
		phys_addr_t next = top - mapped > step ? mapped + step : top;

		directmap_map_memory(mapped, next);
		directmap_arch_tables_written();
		mapped = next;
		memblock_set_current_limit(mapped);
		directmap_stats.steps++;
		step <<= STEP_SHIFT;
	}
	/* Allocations may go up to the end of RAM, all of it mapped now. */
	memblock_set_current_limit(top);
}
