/* SPDX-License-Identifier: BSD-2-Clause */
/* The riscv64 demo kernel's page tables (mmu.c) and their checks. */
#ifndef ASM_MMU_H
#define ASM_MMU_H

#include <stdbool.h>
#include <stdint.h>
#include <asm/layout.h>

/* The DT kernels' shared direct-map code (arch/dt/include/dt/map.h). */
#define DIRECTMAP_BASE	RISCV64_PAGE_OFFSET
#define DIRECTMAP_END	RISCV64_KERNEL_VBASE
#define DIRECTMAP_NAME	"direct map"

/**
 * struct riscv64_map_stats - the paging mode init_mem_mapping() chose
 * (what it mapped: directmap_stats)
 * @levels: 3 (Sv39) or 4 (Sv48)
 * @sv48: the hart accepted Sv48 in satp (probed by write and read back)
 */
struct riscv64_map_stats {
	unsigned int levels;
	bool sv48;
};

extern struct riscv64_map_stats riscv64_map_stats;
/* head.S's early tables: the root, which init_mem_mapping() leaves. */
extern uint64_t early_pg_root[512];
/* satp as the boot loader left it (head.S). */
extern uint64_t riscv64_entry_satp;

/**
 * init_mem_mapping - build the direct map from memblock and switch to it
 * @no4lvl: use Sv39 even when the hart has Sv48 (command line "no4lvl")
 *
 * Maps every non-NOMAP range of memblock.memory at PAGE_OFFSET + its
 * address, the console UART and the exit device at IO_BASE + theirs, and
 * the image (head.S's mapping, carried over); tables come from memblock
 * under the current limit, raised as more is mapped. The identity map is
 * gone afterwards. Panics when a table cannot be allocated.
 */
void init_mem_mapping(bool no4lvl);

/**
 * riscv64_ioremap - map [pa, pa + size) at IO_BASE + pa
 * @pa: physical address (any alignment; whole pages are mapped)
 * @size: bytes
 *
 * For what the kernel reads outside the direct map: devices, the DTB.
 * Only before init_mem_mapping(), which maps the ranges again in its
 * tables (4 KiB pages); under head.S's, IO_BASE maps [0, 4 GiB).
 *
 * Return: the virtual address of @pa; NULL for an empty range, one
 * reaching beyond 4 GiB, a fifth range, or a call after
 * init_mem_mapping().
 */
void *riscv64_ioremap(uint64_t pa, uint64_t size);

/**
 * riscv64_lookup - translate through the live page tables
 * @va: virtual address
 * @page_size: set to the leaf's size when mapped (may be NULL)
 *
 * Return: the physical address, or (uint64_t)-1 when @va is not mapped.
 */
uint64_t riscv64_lookup(uint64_t va, uint64_t *page_size);

/**
 * riscv64_probe_read - read one byte, surviving a page fault
 * @va: address to read
 *
 * Return: 0 when the read completed, 1 when it took a load page fault
 * (riscv64_probe_stval then holds the faulting address).
 */
int riscv64_probe_read(const volatile void *va);
extern uint64_t riscv64_probe_stval;

/* The checks of the tables and of the families (mmu_checks.c). */
void riscv64_mmu_checks(void);

#endif /* ASM_MMU_H */
