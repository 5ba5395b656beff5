// SPDX-License-Identifier: BSD-2-Clause
/*
 * The device-tree firmware -> memblock sequence (firmware/include/
 * firmware/dt_setup.h has the steps and the caller's part). Only the
 * order lives here; each step is the DT scan's own function.
 */
#include <firmware/errno.h>
#include <firmware/dt_setup.h>
#include "fdt_scan_internal.h"

/* Field by field: clang turns a zeroing struct assignment into memset(). */
static void result_clear(struct dt_scan_result *res)
{
	res->memory_nodes = res->memory_ranges = 0;
	res->hotplug_ranges = res->numa_ranges = 0;
	res->memreserve = res->reserved_static = 0;
	res->reserved_nomap = res->reserved_dynamic = 0;
	res->warnings = res->errors = 0;
	res->usable_range = res->has_initrd = false;
	res->initrd_start = res->initrd_end = 0;
	res->mem_limit = 0;
	res->bootargs = res->stdout_path = NULL;
}

int dt_memblock_setup(const void *fdt, phys_addr_t blob_phys,
		      unsigned int flags, const struct fw_setup_policy *p,
		      struct dt_scan_result *res)
{
	return dt_memblock_setup_mem(fdt, blob_phys, flags, p, NULL, NULL, res);
}

int dt_memblock_setup_mem(const void *fdt, phys_addr_t blob_phys,
			  unsigned int flags, const struct fw_setup_policy *p,
			  int (*add_memory)(const void *ctx), const void *ctx,
			  struct dt_scan_result *res)
{
	const char *cmdline;
	int err;

	if (!fdt || !p || !res || !p->alloc_limit)
		return -EINVAL;
	if (p->kernel_size && p->kernel_base + p->kernel_size - 1 < p->kernel_base)
		return -EINVAL;
	result_clear(res);
	memblock_set_current_limit(p->alloc_limit);

	err = dt_scan_chosen(fdt, res);
	if (err < 0)
		return err;
	cmdline = p->cmdline ? p->cmdline : res->bootargs;
	if (!(flags & DT_SCAN_NO_CMDLINE))
		memblock_parse_cmdline(cmdline);

	/* Step 3, or the firmware's own map (UEFI) in its place. */
	err = add_memory ? add_memory(ctx) : dt_scan_memory(fdt, res);
	if (err < 0)
		return err;
	if (!(flags & DT_SCAN_NO_CMDLINE)) {
		/* mem= may split memory: no array may grow onto the tree yet. */
		int resize = __fw_dt_hold_resize();

		dt_apply_cmdline(cmdline, res);
		__fw_dt_release_resize(resize);
	}
	if (p->kernel_size) {
		err = dt_reserve_image(p->kernel_base, p->kernel_size);
		if (err)
			return err;
	}
	err = dt_scan_reserved(fdt, blob_phys, flags, res);
	if (err < 0)
		return err;
	if (p->allow_resize)
		memblock_allow_resize();
	/*
	 * Step 8: under memblock=debug, the picture the firmware gave, before
	 * the kernel allocates (its page tables) and prints its own dump; the
	 * point x86_memblock_setup() dumps at too, and memblock-sim's.
	 */
	if (memblock_debug)
		memblock_dump_all();
	return 0;
}
