// SPDX-License-Identifier: BSD-2-Clause
/*
 * The device tree's view of memory, read with the FDT reader alone (not
 * with the DT -> memblock scan), so that the boot checks compare memblock
 * with the tree rather than with the scan's own idea of it.
 */
#include <kernel/kernel.h>
#include <dt/checks.h>

static bool streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static void note(struct dt_expect *x, int err)
{
	if (err < 0 && !x->err)
		x->err = err;
}

static struct dt_range *add_range(struct dt_expect *x, struct dt_range *tab,
				   unsigned int *n, uint64_t base, uint64_t size,
				   int nid, bool nomap, const char *name)
{
	if (*n == DT_EXPECT_MAX) {
		x->truncated = true;
		return NULL;
	}
	tab[*n] = (struct dt_range){ .base = base, .size = size, .nid = nid,
				     .nomap = nomap, .name = name };
	return &tab[(*n)++];
}

static void read_memory(const struct fdtr *dt, struct dt_expect *x)
{
	int ac = fdtr_address_cells(dt, 0), sc = fdtr_size_cells(dt, 0);
	int node;

	if (ac < 0 || sc < 0) {
		note(x, ac < 0 ? ac : sc);
		return;
	}
	fdtr_for_each_subnode(node, dt, 0) {
		const char *type = fdtr_getprop_string(dt, node, "device_type");
		const void *reg;
		bool hotplug = fdtr_getprop(dt, node, "hotpluggable", NULL) != NULL;
		struct dt_range *r;
		uint32_t nid32;
		int len, n, nid = -1;

		if (!type || !streq(type, "memory") ||
		    !fdtr_node_is_available(dt, node))
			continue;
		reg = fdtr_getprop(dt, node, "linux,usable-memory", &len);
		if (!reg)
			reg = fdtr_getprop(dt, node, "reg", &len);
		if (!reg)
			continue;
		if (fdtr_getprop_u32(dt, node, "numa-node-id", &nid32) == 0)
			nid = (int)nid32;
		n = fdtr_reg_count(len, ac, sc);
		note(x, n);
		for (int i = 0; i < n; i++) {
			uint64_t base, size;

			fdtr_reg_entry(reg, len, ac, sc, i, &base, &size);
			r = add_range(x, x->memory, &x->nmemory, base, size,
				      nid, false, fdtr_get_name(dt, node, NULL));
			if (r)
				r->hotplug = hotplug;
		}
	}
}

static void read_memreserve(const struct fdtr *dt, struct dt_expect *x)
{
	int n = fdtr_num_mem_rsv(dt);

	note(x, n);
	for (int i = 0; i < n; i++) {
		uint64_t base, size;

		if (fdtr_get_mem_rsv(dt, i, &base, &size) == 0)
			add_range(x, x->memreserve, &x->nmemreserve, base, size,
				  -1, false, "");
	}
}

static void read_dynamic(const struct fdtr *dt, int node, int ac, int sc,
			 bool nomap, struct dt_expect *x)
{
	struct dt_dynamic *d;
	const void *v;
	int len, n;

	if (x->ndynamic == ARRAY_SIZE(x->dynamic)) {
		x->truncated = true;
		return;
	}
	d = &x->dynamic[x->ndynamic];
	v = fdtr_getprop(dt, node, "size", &len);
	if (!v || len != 4 * sc)
		return;
	/* Linux 6.12: without "alignment", SMP_CACHE_BYTES. */
	*d = (struct dt_dynamic){ .name = fdtr_get_name(dt, node, NULL),
				  .size = fdtr_read_cells(v, sc),
				  .align = SMP_CACHE_BYTES, .nomap = nomap };
	v = fdtr_getprop(dt, node, "alignment", &len);
	if (v && len == 4 * ac)
		d->align = fdtr_read_cells(v, ac);
	/*
	 * A reusable, mapped shared-dma-pool is a CMA area: Linux aligns it
	 * to a pageblock at least (CMA_MIN_ALIGNMENT_BYTES, 2 MiB with 4 KiB
	 * pages: pageblock order 9).
	 */
	if (!nomap && fdtr_node_is_compatible(dt, node, "shared-dma-pool") &&
	    fdtr_getprop(dt, node, "reusable", NULL) &&
	    d->align < ((uint64_t)PAGE_SIZE << 9))
		d->align = (uint64_t)PAGE_SIZE << 9;
	v = fdtr_getprop(dt, node, "alloc-ranges", &len);
	n = v ? fdtr_reg_count(len, ac, sc) : 0;
	for (int i = 0; i < n && i < DT_EXPECT_RANGES; i++) {
		fdtr_reg_entry(v, len, ac, sc, i, &d->ranges[i].base,
			       &d->ranges[i].size);
		d->nranges++;
	}
	x->ndynamic++;
}

static void read_reserved_memory(const struct fdtr *dt, struct dt_expect *x)
{
	int rm = fdtr_path_offset(dt, "/reserved-memory");
	int ac, sc, node;

	if (rm < 0)
		return;
	ac = fdtr_address_cells(dt, rm);
	sc = fdtr_size_cells(dt, rm);
	if (ac < 0 || sc < 0) {
		note(x, ac < 0 ? ac : sc);
		return;
	}
	fdtr_for_each_subnode(node, dt, rm) {
		bool nomap = fdtr_getprop(dt, node, "no-map", NULL) != NULL;
		const char *name = fdtr_get_name(dt, node, NULL);
		const void *reg;
		int len, n;

		if (!fdtr_node_is_available(dt, node))
			continue;
		reg = fdtr_getprop(dt, node, "reg", &len);
		if (!reg) {
			read_dynamic(dt, node, ac, sc, nomap, x);
			continue;
		}
		n = fdtr_reg_count(len, ac, sc);
		note(x, n);
		for (int i = 0; i < n; i++) {
			uint64_t base, size;

			fdtr_reg_entry(reg, len, ac, sc, i, &base, &size);
			add_range(x, x->fixed, &x->nfixed, base, size, -1,
				  nomap, name);
		}
	}
}

static uint64_t read_number(const void *v, int len)
{
	return len == 8 ? fdtr_be64(v) : fdtr_be32(v);
}

static void read_chosen(const struct fdtr *dt, struct dt_expect *x)
{
	int chosen = fdtr_path_offset(dt, "/chosen");
	int ac = fdtr_address_cells(dt, 0), sc = fdtr_size_cells(dt, 0);
	const void *s, *e, *u;
	const char *args, *val;
	int slen, elen, ulen;
	size_t vlen;

	if (chosen < 0)
		return;
	s = fdtr_getprop(dt, chosen, "linux,initrd-start", &slen);
	e = fdtr_getprop(dt, chosen, "linux,initrd-end", &elen);
	if (s && e && (slen == 4 || slen == 8) && (elen == 4 || elen == 8)) {
		uint64_t start = read_number(s, slen), end = read_number(e, elen);

		if (end > start)
			x->initrd = (struct dt_range){ .base = start,
						       .size = end - start,
						       .nid = -1,
						       .name = "initrd" };
	}
	u = fdtr_getprop(dt, chosen, "linux,usable-memory-range", &ulen);
	if (u && ac > 0 && sc >= 0 && fdtr_reg_count(ulen, ac, sc) > 0)
		fdtr_reg_entry(u, ulen, ac, sc, 0, &x->usable.base,
			       &x->usable.size);
	args = fdtr_getprop_string(dt, chosen, "bootargs");
	if (memblock_cmdline_find(args, "mem", &val, &vlen))
		x->mem_limit = memblock_memparse(val, NULL) & ~(uint64_t)(PAGE_SIZE - 1);
}

int dt_expect_read(const struct fdtr *dt, struct dt_expect *x)
{
	*x = (struct dt_expect){ .err = 0 };
	read_memory(dt, x);
	read_memreserve(dt, x);
	read_reserved_memory(dt, x);
	read_chosen(dt, x);
	return x->err;
}
