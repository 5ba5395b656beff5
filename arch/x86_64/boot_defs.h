/* SPDX-License-Identifier: BSD-2-Clause */
/* Constants shared by the entry code (head.S), the linker script and C. */
#ifndef X86_BOOT_DEFS_H
#define X86_BOOT_DEFS_H

/* How we were entered (boot_protocol). */
#define BOOT_PROTO_PVH		1
#define BOOT_PROTO_MB2		2

/*
 * The virtual layout (arch/x86_64/README.md has the picture), Linux's
 * 4-level values: the image runs at KERNEL_VBASE + its physical address
 * (-mcmodel=kernel: the top 2 GiB), the direct map of RAM starts at
 * PAGE_OFFSET (PML4 slot 273).
 */
#define X86_KERNEL_VBASE	0xffffffff80000000
#define X86_PAGE_OFFSET		0xffff888000000000
/* The direct map's size, Linux's 4-level one: 64 TiB, PML4 slots 273-400. */
#define X86_DIRECT_MAP_SIZE	(64ULL << 40)
#define X86_LOAD_PHYS		0x100000

/*
 * The early tables (head.S) map the first EARLY_MAP_GIB GiB of physical
 * addresses at PAGE_OFFSET (and at 0, until the jump high) with 2 MiB
 * pages: what setup_arch() reads (boot information, BDA, ACPI tables)
 * and the first allocation limit. The direct map built from memblock
 * (mmu.c) replaces them.
 */
#define EARLY_MAP_GIB		4

#define BOOT_STACK_SIZE		16384

#endif
