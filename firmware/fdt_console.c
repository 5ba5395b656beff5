// SPDX-License-Identifier: BSD-2-Clause
/*
 * Facts an early kernel needs before memory is set up: the console named
 * by /chosen stdout-path (with bus address translation) and the PSCI
 * conduit.
 */
#include "fdt_scan_internal.h"
#include "fw_div.h"

/* One "ranges" entry's child address, parent address and size. */
static int translate_one(const void *fdt, int bus, uint64_t *addr)
{
	int parent = dt_parent(fdt, bus);
	int cac, pac, csc, len, entry, n;
	uint32_t rem;
	const uint8_t *r;

	if (parent < 0)
		return parent;
	r = __fw_dt_prop(fdt, bus, "ranges", &len);
	if (!r)
		return -ERANGE;	/* not memory-mapped */
	if (!len)
		return 0;			/* identity */
	cac = dt_address_cells(fdt, bus);
	csc = dt_size_cells(fdt, bus);
	pac = dt_address_cells(fdt, parent);
	if (cac < 0 || csc < 0 || pac < 0)
		return -EDOM;
	entry = 4 * (cac + pac + csc);
	if (len < 0)
		return -ERANGE;
	n = (int)fw_div_u32((uint32_t)len, (uint32_t)entry, &rem);
	if (rem)
		return -ERANGE;
	for (int i = 0; i < n; i++, r += entry) {
		uint64_t child = dt_read_cells(r, cac);
		uint64_t par = dt_read_cells(r + 4 * cac, pac);
		uint64_t size = dt_read_cells(r + 4 * (cac + pac), csc);

		if (*addr >= child && *addr - child < size) {
			*addr = par + (*addr - child);
			return 0;
		}
	}
	return -ERANGE;
}

int dt_translate_address(const void *fdt, int node, uint64_t *addr)
{
	int root = __fw_dt_root(fdt);
	int bus = dt_parent(fdt, node);

	if (!addr)
		return -EINVAL;
	if (root < 0)
		return root;
	if (bus == -ENOENT)
		return -ERANGE;	/* the root has no reg */
	/* Each bus below the root maps its children into its parent. */
	while (bus >= 0 && bus != root) {
		int err = translate_one(fdt, bus, addr);

		if (err)
			return err;
		bus = dt_parent(fdt, bus);
	}
	return bus < 0 ? bus : 0;
}

/* The value of property [name, name + len) of /aliases, a path. */
static int alias_offset(const void *fdt, const char *name, int len)
{
	int aliases = dt_path(fdt, "/aliases");
	const char *val;
	int vlen;

	if (aliases < 0)
		return aliases;
	val = fdt_getprop_namelen(fdt, aliases, name, len, &vlen);
	if (!val)
		return fw_fdt_errno(vlen);
	if (vlen <= 0 || dt_strnlen(val, (size_t)vlen) == (size_t)vlen)
		return -ERANGE;
	/* An alias names a path; libfdt would resolve one naming an alias. */
	if (val[0] != '/')
		return -EINVAL;
	return dt_path(fdt, val);
}

int dt_get_console(const void *fdt, struct dt_console *con)
{
	const char *path, *compat;
	int chosen, node, parent, ac, sc, len, plen = 0;
	const void *reg;
	uint64_t base, size;

	if (!fdt || !con)
		return -EINVAL;
	chosen = dt_path(fdt, "/chosen");
	if (chosen < 0)
		return chosen;
	path = __fw_dt_prop_string(fdt, chosen, "stdout-path");
	if (!path)
		path = __fw_dt_prop_string(fdt, chosen, "linux,stdout-path");
	if (!path)
		return -ENOENT;
	while (path[plen] && path[plen] != ':')
		plen++;
	if (path[0] == '/')
		node = fw_fdt_errno(fdt_path_offset_namelen(fdt, path, plen));
	else
		node = alias_offset(fdt, path, plen);
	if (node < 0)
		return node;

	parent = dt_parent(fdt, node);
	if (parent < 0)
		return parent == -ENOENT ? -ERANGE : parent;
	ac = dt_address_cells(fdt, parent);
	sc = dt_size_cells(fdt, parent);
	reg = __fw_dt_prop(fdt, node, "reg", &len);
	if (!reg || ac < 0 || sc < 0 ||
	    dt_reg_entry(reg, len, ac, sc, 0, &base, &size))
		return -ERANGE;
	if (dt_translate_address(fdt, node, &base))
		return -ERANGE;

	compat = __fw_dt_prop(fdt, node, "compatible", &len);
	/* Field by field: a compound literal may become memcpy(). */
	con->node = node;
	con->name = fdt_get_name(fdt, node, NULL);
	/* The first string of a well-formed list (its last byte a NUL). */
	con->compatible = compat && len > 0 && !compat[len - 1] ? compat : NULL;
	con->options = path[plen] == ':' ? path + plen + 1 : NULL;
	con->base = base;
	con->size = size;
	return 0;
}

static const char *const psci_compat[] = {
	"arm,psci-1.0", "arm,psci-0.2", "arm,psci",
};

static int find_psci(const void *fdt)
{
	int node = dt_path(fdt, "/psci");

	if (node != -ENOENT)
		return node;
	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL))
		for (size_t i = 0; i < sizeof(psci_compat) / sizeof(psci_compat[0]); i++)
			if (__fw_dt_is_compatible(fdt, node, psci_compat[i]))
				return node;
	return fw_fdt_errno(node);
}

int dt_get_psci(const void *fdt, enum dt_psci_conduit *conduit)
{
	const char *method;
	int node;

	if (!fdt || !conduit)
		return -EINVAL;
	*conduit = DT_PSCI_NONE;
	node = find_psci(fdt);
	if (node < 0)
		return node;
	if (!__fw_dt_is_available(fdt, node))
		return -ENOENT;
	method = __fw_dt_prop_string(fdt, node, "method");
	if (!method)
		return -ERANGE;
	if (dt_streq(method, "hvc"))
		*conduit = DT_PSCI_HVC;
	else if (dt_streq(method, "smc"))
		*conduit = DT_PSCI_SMC;
	else
		return -ERANGE;
	return 0;
}
