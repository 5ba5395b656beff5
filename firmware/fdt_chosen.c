// SPDX-License-Identifier: BSD-2-Clause
/*
 * /chosen: the command line, the initrd and the console path; and the
 * command line options that change memblock (mem=, memblock=debug).
 */
#include "fdt_scan_internal.h"

/* linux,initrd-start/-end are one or two cells (4 or 8 bytes). */
static int read_addr(const void *fdt, int node, const char *name,
		     uint64_t *val)
{
	int len;
	const void *p = __fw_dt_prop(fdt, node, name, &len);

	if (!p)
		return len;
	if (len != 4 && len != 8)
		return -ERANGE;
	*val = dt_read_cells(p, len / 4);
	return 0;
}

static void scan_initrd(const void *fdt, int chosen,
			struct dt_scan_result *res)
{
	uint64_t start = 0, end = 0;
	int e1 = read_addr(fdt, chosen, "linux,initrd-start", &start);
	int e2 = read_addr(fdt, chosen, "linux,initrd-end", &end);

	if (e1 == -ENOENT && e2 == -ENOENT)
		return;
	if (e1 || e2) {
		__fw_dt_warn(res, "linux,initrd-start/-end missing or not 4 or 8 bytes, initrd ignored");
		return;
	}
	if (end < start) {
		__fw_dt_warn(res, "initrd end %#llx below start %#llx, initrd ignored",
			     (unsigned long long)end, (unsigned long long)start);
		return;
	}
	if (end == start)
		return;
	res->has_initrd = true;
	res->initrd_start = start;
	res->initrd_end = end;
	__fw_dt_log(MEMBLOCK_LOG_INFO, "initrd [%#llx-%#llx]",
		    (unsigned long long)start, (unsigned long long)end - 1);
}

/* A string property, or NULL with a warning when it is not terminated. */
static const char *chosen_string(const void *fdt, int chosen,
				 const char *name, struct dt_scan_result *res)
{
	const char *s = __fw_dt_prop_string(fdt, chosen, name);

	if (!s && __fw_dt_prop(fdt, chosen, name, NULL))
		__fw_dt_warn(res, "/chosen %s is not a string, ignored", name);
	return s;
}

int dt_scan_chosen(const void *fdt, struct dt_scan_result *res)
{
	int chosen = dt_path(fdt, "/chosen");

	if (chosen < 0)
		return chosen == -ENOENT ? 0 : chosen;
	res->bootargs = chosen_string(fdt, chosen, "bootargs", res);
	res->stdout_path = chosen_string(fdt, chosen, "stdout-path", res);
	if (!res->stdout_path)
		res->stdout_path = chosen_string(fdt, chosen, "linux,stdout-path", res);
	scan_initrd(fdt, chosen, res);
	if (res->bootargs)
		__fw_dt_log(MEMBLOCK_LOG_INFO, "bootargs: %s", res->bootargs);
	return 0;
}

phys_addr_t dt_apply_cmdline(const char *cmdline, struct dt_scan_result *res)
{
	unsigned long long limit;
	const char *val;
	char *end;
	size_t len;

	memblock_parse_cmdline(cmdline);
	if (!memblock_cmdline_find(cmdline, "mem", &val, &len))
		return 0;
	limit = memblock_memparse(val, &end);
	if (end == val || limit < PAGE_SIZE) {
		__fw_dt_warn(res, "mem=%.*s ignored", (int)len, val);
		return 0;
	}
	/* Page-granular, and never beyond what phys_addr_t holds. */
	limit &= ~((unsigned long long)PAGE_SIZE - 1);
	if (limit > (unsigned long long)PHYS_ADDR_MAX)
		limit = PHYS_ADDR_MAX & ~(PAGE_SIZE - 1);
	__fw_dt_log(MEMBLOCK_LOG_INFO, "mem=%.*s: memory limited to %#llx bytes",
		    (int)len, val, limit);
	memblock_enforce_memory_limit((phys_addr_t)limit);
	if (res)
		res->mem_limit = (phys_addr_t)limit;
	return (phys_addr_t)limit;
}
