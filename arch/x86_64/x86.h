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
#include <firmware/acpi.h>
#include <firmware/e820.h>
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

/* head.S and linker/x86_64.ld */
extern char _start_image[], _edata[], _start_bss[], _end[];
extern char boot_pagetables_start[], boot_pagetables_end[];
extern char boot_stack_bottom[], boot_stack_top[];
extern uint32_t boot_protocol, boot_info_pa, boot_magic;

/* A piece of memory the loader gave us that must survive boot. */
struct boot_data {
	uint64_t base, size;
	const char *what;
};

#define BOOT_DATA_MAX	16

/* Everything setup_arch() needs from a boot protocol. */
struct x86_boot {
	const char *protocol;
	struct e820_table e820;		/* as reported, then sanitized */
	const char *cmdline;
	uint64_t rsdp;			/* 0: not given */
	struct boot_data data[BOOT_DATA_MAX];
	unsigned int nr_data;
};

extern struct x86_boot x86_boot;

/* Record a boot structure to reserve; panics when the list is full. */
void x86_boot_add_data(struct x86_boot *b, uint64_t base, uint64_t size,
		       const char *what);

/* setup_arch(): start of the BIOS area below 1 MiB, and mem= (0: none). */
extern uint64_t x86_bios_start;
extern uint64_t x86_mem_limit;

/* Fill @b from the loader's information at @pa; negative on bad input. */
int pvh_parse(uint64_t pa, struct x86_boot *b);
int mb2_parse_boot(uint64_t pa, uint32_t magic, struct x86_boot *b);

/* NUMA layout found in the SRAT (numa.c). */
#define X86_MAX_SRAT_MEM	32
#define X86_MAX_NODES		8
struct x86_numa {
	uint64_t srat;				/* 0: none */
	struct acpi_mem_affinity mem[X86_MAX_SRAT_MEM];
	int mem_nid[X86_MAX_SRAT_MEM];
	unsigned int nr_mem;
	uint32_t node_pxm[X86_MAX_NODES];	/* node id -> proximity domain */
	unsigned int nr_nodes;
};
extern struct x86_numa x86_numa;

/* Find the SRAT and assign memblock.memory to nodes; no SRAT: one node. */
void x86_numa_init(struct x86_boot *b, uint64_t ebda);

/* Serial console (console.c). */
void serial_init(void);

/* Entry from head.S. */
__attribute__((noreturn)) void x86_start(void);

#endif
