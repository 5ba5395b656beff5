/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What a kernel decides and the firmware parsers must not: where early
 * allocations may go, whether memblock's arrays may grow, the kernel's own
 * image and its command line. Given to x86_memblock_setup() and
 * dt_memblock_setup(), the one boot sequence per firmware.
 */
#ifndef FIRMWARE_SETUP_POLICY_H
#define FIRMWARE_SETUP_POLICY_H

#include <stdbool.h>
#include <linux/memblock.h>

/**
 * struct fw_setup_policy - the kernel's choices for a boot sequence
 * @alloc_limit: end of the physical memory the kernel can address right
 *	now (its mapped window); becomes memblock's current limit before
 *	anything else, so that every early allocation and every array growth
 *	stays inside it. MEMBLOCK_ALLOC_ANYWHERE when all of memory is
 *	addressable (no MMU, or a full linear map). Must not be 0.
 * @allow_resize: call memblock_allow_resize() once memory is described and
 *	everything the firmware and the kernel own is reserved; false leaves
 *	it to the caller (a full array is then an error inside the sequence)
 * @kernel_base: physical address of the kernel image
 * @kernel_size: its size, including .bss and anything placed behind it
 *	(page tables, stacks, memblock's static arrays); 0: none to reserve
 * @cmdline: the command line memblock=debug and mem= are read from; NULL
 *	for none (the DT sequence then reads /chosen bootargs)
 */
struct fw_setup_policy {
	phys_addr_t alloc_limit;
	bool allow_resize;
	phys_addr_t kernel_base;
	phys_addr_t kernel_size;
	const char *cmdline;
};

#endif /* FIRMWARE_SETUP_POLICY_H */
