// SPDX-License-Identifier: BSD-2-Clause
/*
 * The property reads the DT scan makes, on libfdt's API only (fdt_api.h),
 * so that they mean the same with the built-in reader and with the
 * system's libfdt; errors come back as negative errno.
 */
#include "fdt_scan_internal.h"

int __fw_dt_root(const void *fdt)
{
	/* The first node in document order, past any leading FDT_NOP. */
	return fw_fdt_errno(fdt_next_node(fdt, -1, NULL));
}

const void *__fw_dt_prop(const void *fdt, int node, const char *name, int *lenp)
{
	int len;
	const void *val = fdt_getprop(fdt, node, name, &len);

	if (lenp)
		*lenp = val ? len : fw_fdt_errno(len);
	return val;
}

int __fw_dt_prop_u32(const void *fdt, int node, const char *name, uint32_t *val)
{
	int len;
	const void *p = __fw_dt_prop(fdt, node, name, &len);

	if (!p)
		return len;
	if (len != 4)
		return -ERANGE;
	*val = (uint32_t)dt_read_cells(p, 1);
	return 0;
}

const char *__fw_dt_prop_string(const void *fdt, int node, const char *name)
{
	int len;
	const char *p = __fw_dt_prop(fdt, node, name, &len);

	if (!p || len <= 0 || p[len - 1])
		return NULL;
	return p;
}

bool __fw_dt_is_available(const void *fdt, int node)
{
	int len;
	const char *status;

	if (!__fw_dt_prop(fdt, node, "status", &len))
		return len == -ENOENT;
	status = __fw_dt_prop_string(fdt, node, "status");
	return status && (dt_streq(status, "okay") || dt_streq(status, "ok"));
}

bool __fw_dt_is_compatible(const void *fdt, int node, const char *compat)
{
	int len;
	const char *p = __fw_dt_prop(fdt, node, "compatible", &len);

	/* A list whose last string runs past the value is no list at all. */
	if (!p || !compat || len <= 0 || p[len - 1])
		return false;
	while (len > 0) {
		size_t n = dt_strnlen(p, (size_t)len);

		if (dt_streq(p, compat))
			return true;
		p += n + 1;
		len -= (int)n + 1;
	}
	return false;
}
