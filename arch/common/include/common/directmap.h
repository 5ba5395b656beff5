/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The demo kernels' direct map of memblock.memory (x86_64, arm64,
 * riscv64): the parts of its construction (directmap.c) and of its proofs
 * (directmap_checks.c, directmap_linear.c) that are the same algorithm on
 * every architecture. The page-table formats are the architectures'; each
 * one's asm/mmu.h defines
 *   DIRECTMAP_BASE   the virtual address of physical 0 (PAGE_OFFSET)
 *   DIRECTMAP_END    the first virtual address above the direct map
 *   DIRECTMAP_NAME   what it is called there ("linear map", "direct map")
 * and the hooks below marked "architecture".
 */
#ifndef COMMON_DIRECTMAP_H
#define COMMON_DIRECTMAP_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/memblock.h>

/**
 * struct directmap_stats - what the direct map was built with
 * @pages: its leaves: [0] 4 KiB, [1] 2 MiB, [2] 1 GiB
 * @tables: page-table pages allocated from memblock
 * @steps: limit raises above the early map (directmap_map_above())
 * @no_gbpages: the CPU has no 1 GiB pages (x86 without pdpe1gb), so none
 *	are expected; set by the architecture before it maps
 */
struct directmap_stats {
	unsigned long pages[3];
	unsigned long tables;
	unsigned int steps;
	bool no_gbpages;
};
extern struct directmap_stats directmap_stats;

/**
 * directmap_arch_map - map [@start, @end) at DIRECTMAP_BASE + @start (architecture)
 * @start: first byte, page-aligned
 * @end: end, page-aligned
 *
 * Large pages where the alignment allows; tables from
 * directmap_alloc_table(); each leaf counted in directmap_stats.pages.
 */
void directmap_arch_map(phys_addr_t start, phys_addr_t end);

/**
 * directmap_arch_tables_written - make new entries visible to the table walker
 * (architecture)
 */
void directmap_arch_tables_written(void);

/**
 * directmap_alloc_table - a zeroed page-table page from memblock
 *
 * Below the current limit, so inside what is mapped already. Panics when
 * memblock has none.
 *
 * Return: its physical address.
 */
phys_addr_t directmap_alloc_table(void);

/**
 * directmap_map_memory - map the memory of [@lo, @hi) with directmap_arch_map()
 * @lo: first byte
 * @hi: end
 *
 * Every range of memblock.memory without MEMBLOCK_NOMAP (the iterator
 * for_each_mem_range()), clipped to the window; ranges that touch are
 * mapped as one, so that a large page may span two nodes' memory.
 */
void directmap_map_memory(phys_addr_t lo, phys_addr_t hi);

/**
 * directmap_map_above - map the memory above @mapped in growing steps
 * @mapped: the top of what is mapped (the current limit)
 *
 * As Linux's early paging: 1 GiB, then 32 times more each step, the
 * tables of each step allocated under the limit the last one raised;
 * memblock's limit is the end of RAM afterwards.
 */
void directmap_map_above(phys_addr_t mapped);

/**
 * directmap_arch_lookup - translate @va through the live tables (architecture)
 * @va: a virtual address
 *
 * Return: the physical address, or (uint64_t)-1 when unmapped.
 */
uint64_t directmap_arch_lookup(uint64_t va);

/**
 * directmap_arch_probe_read - read a byte at @va, surviving a fault (architecture)
 * @va: the address
 *
 * Return: 0 when the read completed, 1 when it faulted.
 */
int directmap_arch_probe_read(const volatile void *va);

/**
 * directmap_arch_check_fault - TAP: a read at @va must fault (architecture)
 * @va: the address to read
 * @what: what lies there, for the report
 * @pa: the physical address @va stands for, for the report
 *
 * The architecture judges its own fault syndrome.
 */
void directmap_arch_check_fault(uint64_t va, const char *what, uint64_t pa);

/**
 * struct directmap_walk - the direct map as found by a table walk
 * @run_base: the run of mapped memory being built: first byte
 * @run_end: its end
 * @in_run: a run is open
 * @next_region: cursor into memblock.memory
 * @runs: runs found
 * @bad: runs that are not memblock.memory's next mappable run
 * @misplaced: leaves not at DIRECTMAP_BASE + their physical address
 *
 * Zero it, call directmap_walk_leaf() for each leaf of the direct map in
 * address order, then directmap_check_walk().
 */
struct directmap_walk {
	uint64_t run_base, run_end;
	bool in_run;
	unsigned long next_region;
	unsigned long runs, bad, misplaced;
};

/**
 * directmap_walk_leaf - account a leaf of the direct map
 * @w: the walk
 * @va: its virtual address
 * @pa: the physical address it maps
 * @size: its size
 */
void directmap_walk_leaf(struct directmap_walk *w, uint64_t va, uint64_t pa, uint64_t size);

/**
 * directmap_check_walk - TAP: the walk found exactly memblock.memory without
 * NOMAP, region by region (not the iterator directmap_map_memory() uses)
 * @w: the finished walk
 */
void directmap_check_walk(struct directmap_walk *w);

/**
 * directmap_check_nomap - TAP: no page of a NOMAP region translates
 *
 * One line for each NOMAP region of memblock.memory.
 *
 * Return: how many NOMAP regions there are.
 */
unsigned int directmap_check_nomap(void);

/**
 * directmap_check_limit - TAP: the limit is the end of RAM, and 1 GiB pages
 * are used exactly when an aligned GiB of memory exists (and the CPU has
 * them: directmap_stats.no_gbpages)
 */
void directmap_check_limit(void);

/**
 * directmap_check_probes - TAP: a read of the image through the direct map
 * does not fault; reads that must fault do (directmap_arch_check_fault()): NOMAP
 * memory, the first hole, the end of RAM, the page below RAM
 */
void directmap_check_probes(void);

/**
 * dt_linear_checks - TAP: every allocation family through the direct map
 *
 * The virtual families return direct-map addresses (translated back by
 * the tables, touched), the physical ones physical addresses (a fault
 * when read as pointers: no identity map) mapped at phys_to_virt(); with
 * RAM above 4 GiB memblock_alloc() lands there, memblock_alloc_low()
 * stays below ARCH_LOW_ADDRESS_LIMIT. (arch_mm_checks(), in the same
 * file, checks the page arrays and the buddy pages after mm_init().)
 */
void dt_linear_checks(void);

#endif /* COMMON_DIRECTMAP_H */
