// SPDX-License-Identifier: BSD-2-Clause
/*
 * DTB -> memblock through dt_memblock_setup(), the sequence the arm64
 * kernel runs (firmware/dt_setup.c), or with memory from a UEFI map
 * through efi_dt_memblock_setup() (firmware/efi_arm64.c) and then the
 * nodes (numa_efi.c: the DT's or the SRAT's), with its
 * policy from the options
 * (--limit, default none: the DT kernels' early windows differ;
 * --no-resize; the image; the command line). The blob is checked whole
 * first; a bad one is reported with the offset of the fault where the
 * reader can tell.
 */
#include <stdlib.h>
#include <string.h>
#include <firmware/dt_setup.h>
#include "sim.h"

static struct fdtr dt;
static struct dt_scan_result res;
static char *blob;

/* The firmware library's one message per error (firmware/errno.h). */
static const char *fdt_err(int err)
{
	return fw_strerror(err);
}

static uint32_t be32_at(const char *p)
{
	return fdtr_be32(p);
}

/* Say what is wrong with the header in terms of the file. */
static void header_error(const char *path, size_t len, int err)
{
	if (len < 40) {
		sim_err("%s: truncated: %zu bytes, smaller than a DTB header (40 bytes)",
			path, len);
		return;
	}
	switch (-err) {
	case FDTR_ERR_BADMAGIC:
		sim_err("%s: offset 0x0: bad magic 0x%x (a DTB starts with 0xd00dfeed)",
			path, be32_at(blob));
		return;
	case FDTR_ERR_TRUNCATED:
		sim_err("%s: truncated: the header (offset 0x4) says %u bytes, the file has %zu",
			path, be32_at(blob + 4), len);
		return;
	case FDTR_ERR_BADVERSION:
		sim_err("%s: offset 0x14: version %u (last compatible %u) is not supported",
			path, be32_at(blob + 20), be32_at(blob + 24));
		return;
	default:
		sim_err("%s: bad header: %s (totalsize %u, structure block at 0x%x, strings at 0x%x, reservation map at 0x%x)",
			path, fdt_err(err), be32_at(blob + 4), be32_at(blob + 8),
			be32_at(blob + 12), be32_at(blob + 16));
	}
}

/* Walk the tags to find where the structure block goes wrong. */
static void structure_error(const char *path, int err)
{
	int off = 0, next, tag;

	do {
		tag = fdtr_next_tag(&dt, off, &next);
		if (tag < 0) {
			sim_err("%s: offset 0x%x (structure block + 0x%x): %s",
				path, dt.off_struct + off, off, fdt_err(tag));
			return;
		}
		off = next;
	} while (tag != FDTR_END);
	sim_err("%s: bad structure: %s (structure block at offset 0x%x, strings at 0x%x, reservation map at 0x%x)",
		path, fdt_err(err), dt.off_struct, dt.off_strings,
		dt.off_rsvmap);
}

int sim_run_dt(const struct sim_opts *o, const struct sim_efi *efi,
	       struct sim_state *st)
{
	static struct efi_setup_result efi_res;
	struct fw_setup_policy policy = {
		.alloc_limit = (phys_addr_t)o->limit,
		.allow_resize = !o->no_resize,
		.kernel_base = (phys_addr_t)o->kernel_base,
		.kernel_size = o->have_kernel ? (phys_addr_t)o->kernel_size : 0,
		.cmdline = o->cmdline,
	};
	size_t len;
	int err;

	(void)st;
	blob = sim_read_file(o->dtb_file, &len);	/* kept: res points into it */
	if (!blob)
		return SIM_EXIT_INPUT;
	err = fdtr_init(&dt, blob, len);
	if (err) {
		header_error(o->dtb_file, len, err);
		return SIM_EXIT_INPUT;
	}
	err = fdtr_check_full(&dt);
	if (err) {
		structure_error(o->dtb_file, err);
		return SIM_EXIT_INPUT;
	}
	printf("dt: %s: %u bytes (file %zu), version %u\n", o->dtb_file,
	       dt.totalsize, len, dt.version);

	if (o->cmdline)
		printf("dt: command line (--cmdline, replaces bootargs): %s\n", o->cmdline);
	if (!o->have_dtb_addr)
		printf("setup: DTB address not given (--dtb-addr): the blob is not reserved\n");
	if (!o->have_kernel)
		printf("setup: no kernel image given (--kernel BASE+SIZE)\n");
	sim_print_policy(o);

	/* The kernel's own sequence (firmware/dt_setup.c, efi_arm64.c). */
	if (efi)
		st->warnings += sim_efi_print(o->efi_file, efi, false);
	/*
	 * What the kernel owns before it (the arm64 UEFI application runs on
	 * firmware memory: its stack, vectors, page tables), reserved first.
	 */
	sim_step = "reserve";
	for (unsigned int i = 0; i < o->nr_ranges; i++) {
		err = memblock_reserve((phys_addr_t)o->ranges[i].base,
				       (phys_addr_t)o->ranges[i].size);
		if (err) {
			sim_err("--reserve 0x%llx+0x%llx: memblock_reserve() failed: %s",
				(unsigned long long)o->ranges[i].base,
				(unsigned long long)o->ranges[i].size, fw_strerror(err));
			return SIM_EXIT_INPUT;
		}
		printf("setup: reserved [0x%llx-0x%llx] before the sequence (--reserve)\n",
		       (unsigned long long)o->ranges[i].base,
		       (unsigned long long)(o->ranges[i].base + o->ranges[i].size - 1));
	}
	sim_step = efi ? "efi_dt_memblock_setup" : "dt_memblock_setup";
	if (efi)
		err = efi_dt_memblock_setup(dt.blob, (phys_addr_t)o->dtb_addr,
					    o->have_dtb_addr ? 0 : DT_SCAN_NO_RESERVE_DTB,
					    &policy, &efi->map, &res, &efi_res);
	else
		err = dt_memblock_setup(dt.blob, (phys_addr_t)o->dtb_addr,
					o->have_dtb_addr ? 0 : DT_SCAN_NO_RESERVE_DTB,
					&policy, &res);
	if (err == -EINVAL) {
		sim_err("%s() refused its arguments: error %d", sim_step, err);
		return SIM_EXIT_USAGE;
	}
	if (err < 0 && (efi ? !efi_res.memory : !res.memory_ranges)) {
		sim_err("%s: no memory from the %s: %s",
			efi ? o->efi_file : o->dtb_file,
			efi ? "EFI memory map" : "device tree", fdt_err(err));
		return SIM_EXIT_INPUT;
	}
	if (err < 0) {
		sim_err("%s: %s() failed: %s", o->dtb_file, sim_step, fdt_err(err));
		return SIM_EXIT_PANIC;
	}
	if (efi) {
		printf("efi: the DT's memory nodes are ignored: %u descriptor(s) added as memory, %u NOMAP, %u mirrored\n",
		       efi_res.memory, efi_res.nomap, efi_res.mirrored);
		if (o->have_efi_addr)
			printf("efi: reserved the memory map [0x%llx-0x%llx], in whole pages\n",
			       (unsigned long long)o->efi_addr,
			       (unsigned long long)(o->efi_addr + efi->map.map_size - 1));
		else
			printf("efi: memory map address not given (--efi-addr): not reserved\n");
		/* What the application does next: NUMA, before any allocation. */
		err = sim_efi_dt_numa(o, &dt);
		if (err)
			return err;
	}
	printf("dt: /chosen bootargs: %s\n", res.bootargs ? res.bootargs : "(none)");
	if (o->have_kernel)
		printf("setup: reserved the kernel image [0x%llx-0x%llx]\n",
		       (unsigned long long)o->kernel_base,
		       (unsigned long long)(o->kernel_base + o->kernel_size - 1));

	printf("setup: %u memory node(s), %u range(s), %u on a NUMA node, %u hotplug\n",
	       res.memory_nodes, res.memory_ranges, res.numa_ranges,
	       res.hotplug_ranges);
	printf("setup: reserved %u /memreserve/, %u static, %u dynamic, %u no-map\n",
	       res.memreserve, res.reserved_static, res.reserved_dynamic,
	       res.reserved_nomap);
	if (res.has_initrd)
		printf("setup: initrd [0x%llx-0x%llx) %llu bytes\n",
		       (unsigned long long)res.initrd_start,
		       (unsigned long long)res.initrd_end,
		       (unsigned long long)(res.initrd_end - res.initrd_start));
	if (res.mem_limit)
		printf("setup: mem= limit 0x%llx\n", (unsigned long long)res.mem_limit);
	printf("setup: %u warning(s), %u error(s) from the device tree\n",
	       res.warnings, res.errors);
	st->warnings += res.warnings + res.errors + sim_report_arrays(o->limit);
	sim_step = "ops";
	return 0;
}
