// SPDX-License-Identifier: BSD-2-Clause
/*
 * Facts an early kernel needs before memory is set up: the console named
 * by /chosen stdout-path (with bus address translation) and the PSCI
 * conduit.
 */
#include "fdt_scan_internal.h"
#include "fw_div.h"

/* One "ranges" entry's child address, parent address and size. */
static int translate_one(const struct fdtr *dt, int bus, uint64_t *addr)
{
	int parent = fdtr_parent_offset(dt, bus);
	int cac, pac, csc, len, entry, n;
	uint32_t rem;
	const uint8_t *r;

	if (parent < 0)
		return parent;
	r = fdtr_getprop(dt, bus, "ranges", &len);
	if (!r)
		return -FDTR_ERR_BADVALUE;	/* not memory-mapped */
	if (!len)
		return 0;			/* identity */
	cac = fdtr_address_cells(dt, bus);
	csc = fdtr_size_cells(dt, bus);
	pac = fdtr_address_cells(dt, parent);
	if (cac < 0 || csc < 0 || pac < 0)
		return -FDTR_ERR_BADCELLS;
	entry = 4 * (cac + pac + csc);
	if (len < 0)
		return -FDTR_ERR_BADVALUE;
	n = (int)fw_div_u32((uint32_t)len, (uint32_t)entry, &rem);
	if (rem)
		return -FDTR_ERR_BADVALUE;
	for (int i = 0; i < n; i++, r += entry) {
		uint64_t child = fdtr_read_cells(r, cac);
		uint64_t par = fdtr_read_cells(r + 4 * cac, pac);
		uint64_t size = fdtr_read_cells(r + 4 * (cac + pac), csc);

		if (*addr >= child && *addr - child < size) {
			*addr = par + (*addr - child);
			return 0;
		}
	}
	return -FDTR_ERR_BADVALUE;
}

int dt_translate_address(const struct fdtr *dt, int node, uint64_t *addr)
{
	int root = fdtr_root(dt);
	int bus = fdtr_parent_offset(dt, node);

	if (!addr)
		return -FDTR_ERR_INVAL;
	if (root < 0)
		return root;
	if (bus == -FDTR_ERR_NOTFOUND)
		return -FDTR_ERR_BADVALUE;	/* the root has no reg */
	/* Each bus below the root maps its children into its parent. */
	while (bus >= 0 && bus != root) {
		int err = translate_one(dt, bus, addr);

		if (err)
			return err;
		bus = fdtr_parent_offset(dt, bus);
	}
	return bus < 0 ? bus : 0;
}

/* The value of property [name, name + len) of /aliases, a path. */
static int alias_offset(const struct fdtr *dt, const char *name, int len)
{
	int aliases = fdtr_path_offset(dt, "/aliases");
	int prop;

	if (aliases < 0)
		return aliases;
	fdtr_for_each_property(prop, dt, aliases) {
		const char *pname, *val;
		int vlen;

		val = fdtr_get_property_by_offset(dt, prop, &pname, &vlen);
		if (!val)
			return vlen;
		if (fdtr_strnlen(pname, (size_t)len + 1) != (size_t)len ||
		    !fdtr_memeq(pname, name, (size_t)len))
			continue;
		if (vlen <= 0 || fdtr_strnlen(val, (size_t)vlen) == (size_t)vlen)
			return -FDTR_ERR_BADVALUE;
		return fdtr_path_offset(dt, val);
	}
	return prop;
}

int dt_get_console(const struct fdtr *dt, struct dt_console *con)
{
	const char *path, *compat;
	int chosen, node, parent, ac, sc, len, plen = 0;
	const void *reg;
	uint64_t base, size;

	if (!dt || !con)
		return -FDTR_ERR_INVAL;
	chosen = fdtr_path_offset(dt, "/chosen");
	if (chosen < 0)
		return chosen;
	path = fdtr_getprop_string(dt, chosen, "stdout-path");
	if (!path)
		path = fdtr_getprop_string(dt, chosen, "linux,stdout-path");
	if (!path)
		return -FDTR_ERR_NOTFOUND;
	while (path[plen] && path[plen] != ':')
		plen++;
	if (path[0] == '/')
		node = fdtr_path_offset_namelen(dt, path, plen);
	else
		node = alias_offset(dt, path, plen);
	if (node < 0)
		return node;

	parent = fdtr_parent_offset(dt, node);
	if (parent < 0)
		return parent == -FDTR_ERR_NOTFOUND ? -FDTR_ERR_BADVALUE : parent;
	ac = fdtr_address_cells(dt, parent);
	sc = fdtr_size_cells(dt, parent);
	reg = fdtr_getprop(dt, node, "reg", &len);
	if (!reg || ac < 0 || sc < 0 ||
	    fdtr_reg_entry(reg, len, ac, sc, 0, &base, &size))
		return -FDTR_ERR_BADVALUE;
	if (dt_translate_address(dt, node, &base))
		return -FDTR_ERR_BADVALUE;

	compat = fdtr_getprop(dt, node, "compatible", &len);
	/* Field by field: a compound literal may become memcpy(). */
	con->node = node;
	con->name = fdtr_get_name(dt, node, NULL);
	con->compatible = compat ? fdtr_stringlist_get(compat, len, 0, NULL) : NULL;
	con->options = path[plen] == ':' ? path + plen + 1 : NULL;
	con->base = base;
	con->size = size;
	return 0;
}

static const char *const psci_compat[] = {
	"arm,psci-1.0", "arm,psci-0.2", "arm,psci",
};

static int find_psci(const struct fdtr *dt)
{
	int node = fdtr_path_offset(dt, "/psci");

	if (node != -FDTR_ERR_NOTFOUND)
		return node;
	for (node = fdtr_next_node(dt, -1, NULL); node >= 0;
	     node = fdtr_next_node(dt, node, NULL))
		for (size_t i = 0; i < sizeof(psci_compat) / sizeof(psci_compat[0]); i++)
			if (fdtr_node_is_compatible(dt, node, psci_compat[i]))
				return node;
	return node;
}

int dt_get_psci(const struct fdtr *dt, enum dt_psci_conduit *conduit)
{
	const char *method;
	int node;

	if (!dt || !conduit)
		return -FDTR_ERR_INVAL;
	*conduit = DT_PSCI_NONE;
	node = find_psci(dt);
	if (node < 0)
		return node;
	if (!fdtr_node_is_available(dt, node))
		return -FDTR_ERR_NOTFOUND;
	method = fdtr_getprop_string(dt, node, "method");
	if (!method)
		return -FDTR_ERR_BADVALUE;
	if (fdtr_streq(method, "hvc"))
		*conduit = DT_PSCI_HVC;
	else if (fdtr_streq(method, "smc"))
		*conduit = DT_PSCI_SMC;
	else
		return -FDTR_ERR_BADVALUE;
	return 0;
}
