/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Internal interfaces of the x86-64 demo kernel: port I/O, the symbols of
 * the entry code and linker script, and what the boot protocols (PVH,
 * Multiboot2) hand to setup_arch() in one generic form.
 */
#ifndef X86_X86_H
#define X86_X86_H

#include <stdbool.h>
#include <stdint.h>
#include <firmware/x86_setup.h>
#include "boot_defs.h"

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

/* head.S and linker/x86_64.ld (link addresses: X86_KERNEL_VBASE + pa) */
extern char _start_image[], _edata[], _start_bss[], _end[];
extern char boot_pagetables_start[], boot_pagetables_end[];
extern uint64_t boot_pml4[512];
extern char boot_stack_bottom[], boot_stack_top[];
extern uint32_t boot_protocol, boot_info_pa, boot_magic;

/* Physical address of anything in the image or the direct map. */
static inline uint64_t x86_pa(const void *p)
{
	return memblock_env_virt_to_phys(p);
}

/* The early direct map: [0, EARLY_MAP_GIB GiB) at X86_PAGE_OFFSET. */
#define EARLY_MAP_TOP	((uint64_t)EARLY_MAP_GIB << 30)

/*
 * The early direct map's address of [pa, pa + size), or NULL when any of
 * it lies outside (or pa is 0): what setup_arch() reads boot data through.
 */
static inline const void *early_va(uint64_t pa, uint64_t size)
{
	if (!pa || pa >= EARLY_MAP_TOP || size > EARLY_MAP_TOP - pa)
		return NULL;
	return memblock_env_phys_to_virt(pa);
}

#define BOOT_DATA_MAX	16

/* Everything setup_arch() needs from a boot protocol. */
struct x86_boot {
	const char *protocol;
	struct e820_table e820;		/* as reported, then sanitized */
	const char *cmdline;
	uint64_t rsdp;			/* 0: not given */
	struct x86_boot_range data[BOOT_DATA_MAX];
	unsigned int nr_data;
};

extern struct x86_boot x86_boot;

/* Record a boot structure to reserve; panics when the list is full. */
void x86_boot_add_data(struct x86_boot *b, uint64_t base, uint64_t size,
		       const char *what);

/* setup_arch(): start of the BIOS area below 1 MiB. */
extern uint64_t x86_bios_start;

/* Fill @b from the loader's information at @pa; negative on bad input. */
int pvh_parse(uint64_t pa, struct x86_boot *b);
int mb2_parse_boot(uint64_t pa, uint32_t magic, struct x86_boot *b);

/* What x86_memblock_setup() found: mem=, the SRAT's nodes. */
extern struct x86_setup_result x86_setup;

/*
 * Find the SRAT through the RSDP (or the BIOS-area search from @ebda):
 * 0 with *@srat and *@len set, else a negative errno (logged).
 */
int x86_find_srat(struct x86_boot *b, uint64_t ebda, const void **srat,
		  uint32_t *len);
/* Log the SRAT's nodes as x86_memblock_setup() assigned them. */
void x86_numa_report(const struct x86_setup_result *r);

/*
 * mmu.c: init_mem_mapping() builds the direct map of memblock.memory
 * (NOMAP ranges left out) in page tables allocated from memblock, switches
 * to it and raises memblock's limit as it maps (with the code all kernels
 * share, arch/common/include/common/directmap.h: what it mapped is
 * directmap_stats); x86_lookup() translates a virtual address through the
 * live tables (-1: not mapped, *page_size set to the mapping's page size
 * otherwise).
 */
void init_mem_mapping(void);
uint64_t x86_lookup(uint64_t va, uint64_t *page_size);
uint64_t x86_read_cr3(void);
/* mmu_checks.c: the direct map and every allocation family through it. */
void x86_mmu_checks(void);

/*
 * trap.c, pf_entry.S: the page-fault gate. x86_probe_read() reads a byte at
 * @va: 0, or 1 when it faulted (x86_probe_cr2 then holds the address).
 */
void x86_trap_init(void);
int x86_probe_read(const volatile void *va);
extern uint64_t x86_probe_cr2;

/* Serial console (console.c). */
void serial_init(void);

/* Entry from head.S. */
__attribute__((noreturn)) void x86_start(void);

#endif
