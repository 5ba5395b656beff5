/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The arm64 demo kernel's page tables (asm/memory.h has the layout): the
 * early ones head.S builds, the final ones mmu.c builds from memblock, and
 * what the checks need to read them back.
 */
#ifndef ASM_MMU_H
#define ASM_MMU_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/memblock.h>
#include <asm/memory.h>

/* Physical address of a symbol of the image. */
#define __pa_symbol(x)	((phys_addr_t)((unsigned long)(uintptr_t)(x) - \
				       arm64_kimage_voffset))

/* head.S's early window is [0, arm64_early_map_top). */
extern phys_addr_t arm64_early_map_top;
/* head.S's tables (in .bss). */
extern uint64_t idmap_l0[], init_l0[], kimage_l3[];

/* The DT kernels' shared direct-map code (arch/dt/include/dt/map.h). */
#define DIRECTMAP_BASE	PAGE_OFFSET
#define DIRECTMAP_END	KIMAGE_VADDR
#define DIRECTMAP_NAME	"linear map"

/**
 * paging_init - build the final page tables from memblock and switch to them
 *
 * The linear map of every memblock.memory range without MEMBLOCK_NOMAP,
 * the image's mapping (head.S's, kept), the fixmap (UART, DTB); then the
 * idmap is dropped (TCR_EL1.EPD0) and the current limit is the end of RAM.
 * Panics when memblock has no memory for a table.
 */
void paging_init(void);

/**
 * arm64_lookup - translate @va through the live TTBR1 tables
 * @va: a TTBR1 virtual address
 * @page_size: set to the leaf's size when mapped (may be NULL)
 * @desc: set to the leaf descriptor when mapped (may be NULL)
 *
 * Return: the physical address, or (uint64_t)-1 when unmapped.
 */
uint64_t arm64_lookup(uint64_t va, uint64_t *page_size, uint64_t *desc);

/**
 * arm64_probe_read - read one byte, surviving a data abort
 * @va: the address to read
 *
 * Return: 0 if the read completed, 1 if it took a data abort (then
 * arm64_probe_esr/far hold its syndrome and fault address).
 */
int arm64_probe_read(const volatile void *va);
extern uint64_t arm64_probe_esr, arm64_probe_far;

/**
 * arm64_mmu_checks - TAP checks of the live page tables against memblock
 */
void arm64_mmu_checks(void);

#endif
