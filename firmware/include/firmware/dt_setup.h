/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree boot sequence, DTB -> memblock, in one call: what an
 * arm64 (or riscv, ...) kernel's setup_arch() does between finding its
 * blob and its first allocation. The arm64 demo kernel
 * (arch/arm64/setup.c) and memblock-sim (tools/sim/glue_dt.c) both call
 * it; nothing else carries a copy of the order.
 *
 * DOC: dt_memblock_setup() step by step
 *
 *  1. memblock_set_current_limit(policy->alloc_limit), before anything can
 *     allocate (dynamic reserved-memory, array growth).
 *  2. /chosen (dt_scan_chosen()): bootargs, initrd, stdout-path. The command
 *     line is policy->cmdline, or bootargs when that is NULL;
 *     memblock_parse_cmdline() applies memblock=debug at once.
 *  3. Memory nodes and /chosen linux,usable-memory-range
 *     (dt_scan_memory()); or, from dt_memblock_setup_mem(), the caller's
 *     memory source instead (the UEFI memory map).
 *  4. mem= (dt_apply_cmdline()), unless DT_SCAN_NO_CMDLINE.
 *  5. The kernel image (dt_reserve_image(): added back first if mem= cut
 *     it off), when policy->kernel_size is not 0, so that dynamic
 *     reservations never land on it.
 *  6. The DT's reservations (dt_scan_reserved()): the blob unless
 *     DT_SCAN_NO_RESERVE_DTB, the initrd, static /reserved-memory,
 *     /memreserve/, then dynamic /reserved-memory (allocated below the
 *     limit).
 *  7. memblock_allow_resize(), when policy->allow_resize says so: memory is
 *     described and everything the firmware and the kernel own is
 *     reserved (Linux arm64 allows it at the same point, in paging_init()).
 *  8. Under memblock=debug, memblock_dump_all(): what the firmware described,
 *     before the kernel's first allocation (its page tables). The x86
 *     sequence dumps at its end too, as Linux's e820__memblock_setup()
 *     does; memblock-sim's agreement tests compare the kernels' dump at
 *     this point with the simulator's.
 *
 * Before the call the caller has fully checked the blob
 * (fdt_check_full(), fdt_api.h), not yet added memory to memblock nor
 * allocated from it, and can address [0, policy->alloc_limit). After it,
 * the caller may allocate, raise the limit when it maps more, and allow
 * resizing itself if the policy left that to it.
 */
#ifndef FIRMWARE_DT_SETUP_H
#define FIRMWARE_DT_SETUP_H

#include <firmware/fdt_memblock.h>
#include <firmware/setup_policy.h>

/**
 * dt_memblock_setup - describe a machine's memory to memblock from its DTB
 * @fdt: the blob, checked with fdt_check_full() (fdt_api.h)
 * @blob_phys: physical address of the blob, reserved for its totalsize
 * @flags: DT_SCAN_NO_CMDLINE, DT_SCAN_NO_RESERVE_DTB
 * @policy: the kernel's choices (allocation limit, resizing, image, cmdline)
 * @res: filled with the findings (cleared first)
 *
 * Runs the steps of "dt_memblock_setup() step by step" above, in order.
 *
 * Return: 0 on success (even with warnings or errors counted in @res).
 * -EINVAL, with nothing changed, for a NULL argument, a zero
 * @policy->alloc_limit or a kernel image that wraps. Once started, the
 * first failing step ends the sequence with its negative errno
 * (fw_strerror() says what it means; e.g. -ENOENT without memory; memblock's error for the image): memblock then holds
 * what the earlier steps did, and a kernel should stop.
 */
int dt_memblock_setup(const void *fdt, phys_addr_t blob_phys,
		      unsigned int flags, const struct fw_setup_policy *policy,
		      struct dt_scan_result *res);

/**
 * dt_memblock_setup_mem - dt_memblock_setup() with memory from elsewhere
 * @fdt: the blob, checked with fdt_check_full() (fdt_api.h)
 * @blob_phys: physical address of the blob, reserved for its totalsize
 * @flags: DT_SCAN_NO_CMDLINE, DT_SCAN_NO_RESERVE_DTB
 * @policy: the kernel's choices (allocation limit, resizing, image, cmdline)
 * @add_memory: NULL for dt_memblock_setup() itself; else it replaces step
 *	3: it is called once with @ctx instead of dt_scan_memory(), so that
 *	the DT's memory nodes and linux,usable-memory-range are ignored and
 *	everything else (/chosen, mem=, the image, /memreserve/,
 *	/reserved-memory) applies. Returns 0 or a negative errno, which ends
 *	the sequence. efi_dt_memblock_setup() passes the UEFI memory map here.
 * @ctx: @add_memory's argument
 * @res: filled with the findings (cleared first; the memory counts stay 0
 *	when @add_memory is given)
 *
 * Return: as dt_memblock_setup(), with @add_memory's error for step 3.
 */
int dt_memblock_setup_mem(const void *fdt, phys_addr_t blob_phys,
			  unsigned int flags, const struct fw_setup_policy *policy,
			  int (*add_memory)(const void *ctx), const void *ctx,
			  struct dt_scan_result *res);

#endif /* FIRMWARE_DT_SETUP_H */
