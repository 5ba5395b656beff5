// SPDX-License-Identifier: BSD-2-Clause
/*
 * Device tree -> memblock: the whole scan in Linux's order, and the
 * memory nodes (steps 2 and 3 of the order in fdt_memblock.h).
 */
#include <firmware/dt_setup.h>
#include "fdt_scan_internal.h"

#define PAGE_MASK64	((uint64_t)PAGE_SIZE - 1)

#define DT_LINE	192

/*
 * "dt: " in front of every message, stored char by char: an initialiser
 * would zero-fill the rest with memset(). Each logger below formats its
 * own va_list: handing one on to a helper copies it, and where va_list is
 * a struct (arm64) GCC -Os copies it with memcpy().
 */
static char *dt_prefix(char *line)
{
	line[0] = 'd', line[1] = 't', line[2] = ':', line[3] = ' ';
	return line + 4;
}

void __fw_dt_log(int level, const char *fmt, ...)
{
	char line[DT_LINE];
	va_list ap;

	va_start(ap, fmt);
	__memblock_vsnprintf(dt_prefix(line), DT_LINE - 4, fmt, ap);
	va_end(ap);
	memblock_env_log(level, line);
}

void __fw_dt_warn(struct dt_scan_result *res, const char *fmt, ...)
{
	char line[DT_LINE];
	va_list ap;

	va_start(ap, fmt);
	__memblock_vsnprintf(dt_prefix(line), DT_LINE - 4, fmt, ap);
	va_end(ap);
	memblock_env_log(MEMBLOCK_LOG_WARN, line);
	if (res)
		res->warnings++;
}

void __fw_dt_error(struct dt_scan_result *res, const char *fmt, ...)
{
	char line[DT_LINE];
	va_list ap;

	va_start(ap, fmt);
	__memblock_vsnprintf(dt_prefix(line), DT_LINE - 4, fmt, ap);
	va_end(ap);
	memblock_env_log(MEMBLOCK_LOG_ERR, line);
	if (res)
		res->errors++;
}

int __fw_dt_root_cells(const void *fdt, int *ac, int *sc)
{
	int root = __fw_dt_root(fdt);

	if (root < 0)
		return root;
	*ac = dt_address_cells(fdt, root);
	*sc = dt_size_cells(fdt, root);
	if (*ac < 0)
		return *ac;
	if (*sc < 0)
		return *sc;
	if (*ac > 2 || *sc < 1 || *sc > 2)
		return -EDOM;
	return 0;
}

bool __fw_dt_to_phys(uint64_t base, uint64_t size, phys_addr_t *pbase,
		     phys_addr_t *psize, const char *what,
		     struct dt_scan_result *res)
{
	/* Saturate at 2^64 - 1: the cap below then truncates. */
	uint64_t last = size - 1 > UINT64_MAX - base ? UINT64_MAX : base + size - 1;

	if (!size)
		return false;
	/* memblock ranges end at PHYS_ADDR_MAX at most (exclusive). */
	if (base >= (uint64_t)PHYS_ADDR_MAX) {
		__fw_dt_warn(res, "%s: ignoring [%#llx-%#llx]: above the %u-bit physical address space",
			     what, (unsigned long long)base,
			     (unsigned long long)last, (unsigned int)sizeof(phys_addr_t) * 8);
		return false;
	}
	if (last >= (uint64_t)PHYS_ADDR_MAX) {
		__fw_dt_warn(res, "%s: truncating [%#llx+%#llx] to the %u-bit physical address space",
			     what, (unsigned long long)base,
			     (unsigned long long)size, (unsigned int)sizeof(phys_addr_t) * 8);
		last = PHYS_ADDR_MAX - 1;
	}
	*pbase = (phys_addr_t)base;
	*psize = (phys_addr_t)(last - base + 1);
	return true;
}

/* Shrink the inclusive range [*base, *last] to whole pages. */
static bool round_to_pages(uint64_t *base, uint64_t *last)
{
	uint64_t b = *base, l = *last;

	if (b & PAGE_MASK64) {
		if (b > UINT64_MAX - PAGE_MASK64)
			return false;
		b = (b | PAGE_MASK64) + 1;
	}
	if ((l & PAGE_MASK64) != PAGE_MASK64) {
		if (l < PAGE_SIZE)
			return false;
		l = (l & ~PAGE_MASK64) - 1;
	}
	if (b > l)
		return false;
	*base = b;
	*last = l;
	return true;
}

struct mem_node {
	const char *name;
	int nid;		/* MAX_NUMNODES: none */
	bool hotplug;
};

static void add_memory(const struct mem_node *m, uint64_t base, uint64_t size,
		       struct dt_scan_result *res)
{
	phys_addr_t pb, ps;
	uint64_t b, l;

	/* First fit phys_addr_t, then keep the whole pages. */
	if (!size || !__fw_dt_to_phys(base, size, &pb, &ps, m->name, res))
		return;
	b = pb;
	l = (uint64_t)pb + ps - 1;
	if (!round_to_pages(&b, &l)) {
		__fw_dt_warn(res, "%s: ignoring memory block [%#llx+%#llx]: smaller than a page",
			     m->name, (unsigned long long)base, (unsigned long long)size);
		return;
	}
	pb = (phys_addr_t)b;
	ps = (phys_addr_t)(l - b + 1);
	if (memblock_add_node(pb, ps, m->nid, MEMBLOCK_NONE)) {
		__fw_dt_error(res, "%s: cannot add [%#llx+%#llx]", m->name,
			      (unsigned long long)pb, (unsigned long long)ps);
		return;
	}
	res->memory_ranges++;
	if (m->nid != MAX_NUMNODES)
		res->numa_ranges++;
	__fw_dt_log(MEMBLOCK_LOG_INFO, "%s: [mem %#llx-%#llx]%s", m->name,
		    (unsigned long long)pb, (unsigned long long)(pb + ps - 1),
		    m->hotplug ? " hotpluggable" : "");
	if (!m->hotplug)
		return;
	if (memblock_mark_hotplug(pb, ps))
		__fw_dt_error(res, "%s: cannot mark [%#llx+%#llx] hotpluggable",
			      m->name, (unsigned long long)pb, (unsigned long long)ps);
	else
		res->hotplug_ranges++;
}

static int scan_memory_node(const void *fdt, int node, int ac, int sc,
			    struct dt_scan_result *res)
{
	struct mem_node m = { .nid = MAX_NUMNODES };
	const char *type = __fw_dt_prop_string(fdt, node, "device_type");
	const void *reg;
	uint32_t nid;
	int len, n, err;

	if (!type || !dt_streq(type, "memory") ||
	    !__fw_dt_is_available(fdt, node))
		return 0;
	m.name = fdt_get_name(fdt, node, NULL);
	/* A crash kernel's usable part replaces the whole of reg. */
	reg = __fw_dt_prop(fdt, node, "linux,usable-memory", &len);
	if (!reg)
		reg = __fw_dt_prop(fdt, node, "reg", &len);
	if (!reg) {
		__fw_dt_warn(res, "%s: no reg, ignored", m.name);
		return 0;
	}
	n = dt_reg_count(len, ac, sc);
	if (n < 0) {
		__fw_dt_warn(res, "%s: reg of %d bytes is not a list of <%d %d> cells, ignored",
			     m.name, len, ac, sc);
		return 0;
	}
	err = __fw_dt_prop_u32(fdt, node, "numa-node-id", &nid);
	if (!err && nid < MAX_NUMNODES)
		m.nid = (int)nid;
	else if (err != -ENOENT)
		__fw_dt_warn(res, "%s: bad numa-node-id, no node assigned", m.name);
	m.hotplug = __fw_dt_prop(fdt, node, "hotpluggable", NULL) != NULL;
	if (m.nid != MAX_NUMNODES)
		__fw_dt_log(MEMBLOCK_LOG_INFO, "%s: numa-node-id %d", m.name, m.nid);

	res->memory_nodes++;
	for (int i = 0; i < n; i++) {
		uint64_t base, size;

		dt_reg_entry(reg, len, ac, sc, i, &base, &size);
		add_memory(&m, base, size, res);
	}
	return 0;
}

/*
 * Whether memory lies inside [base, base + size), NOMAP regions aside, as
 * memblock_cap_memory_range() leaves it. That call returns nothing, and it
 * fails (changing nothing) when the memory array has no room to cut a
 * region at the range's edges: then a crash kernel would use the crashed
 * kernel's memory, so the scan must not go on.
 */
static bool capped(phys_addr_t base, phys_addr_t size)
{
	const struct memblock_type *mem = &memblock.memory;

	for (unsigned long i = 0; i < mem->cnt; i++) {
		struct memblock_region *r = &mem->regions[i];

		if (!r->size || memblock_is_nomap(r))
			continue;
		if (r->base < base || r->size > size ||
		    r->base - base > size - r->size)
			return false;
	}
	return true;
}

/* /chosen linux,usable-memory-range: cap to the first range, add the second. */
static int scan_usable_range(const void *fdt, int ac, int sc,
			     struct dt_scan_result *res)
{
	int chosen = dt_path(fdt, "/chosen");
	const void *val;
	int len, n;

	if (chosen < 0)
		return chosen == -ENOENT ? 0 : chosen;
	val = __fw_dt_prop(fdt, chosen, "linux,usable-memory-range", &len);
	if (!val)
		return 0;
	n = dt_reg_count(len, ac, sc);
	if (n <= 0) {
		__fw_dt_warn(res, "linux,usable-memory-range of %d bytes ignored", len);
		return 0;
	}
	for (int i = 0; i < n && i < 2; i++) {
		uint64_t base, size;
		phys_addr_t pb, ps;

		dt_reg_entry(val, len, ac, sc, i, &base, &size);
		if (!__fw_dt_to_phys(base, size, &pb, &ps, "linux,usable-memory-range", res))
			continue;
		__fw_dt_log(MEMBLOCK_LOG_INFO, "usable memory range %d: [mem %#llx-%#llx]",
			    i, (unsigned long long)pb, (unsigned long long)(pb + ps - 1));
		if (i == 0) {
			memblock_cap_memory_range(pb, ps);
			if (!capped(pb, ps)) {
				__fw_dt_error(res, "linux,usable-memory-range: cannot cap memory to [mem %#llx-%#llx]",
					      (unsigned long long)pb,
					      (unsigned long long)(pb + ps - 1));
				return -ENOSPC;
			}
			res->usable_range = true;
		} else if (memblock_add(pb, ps)) {
			__fw_dt_error(res, "cannot add usable memory range %d", i);
		}
	}
	if (n > 2)
		__fw_dt_warn(res, "linux,usable-memory-range: %d ranges, only 2 used", n);
	return 0;
}

int __fw_dt_hold_resize(void)
{
	int was = memblock_can_resize;

	memblock_can_resize = 0;
	return was;
}

void __fw_dt_release_resize(int was)
{
	memblock_can_resize = was;
}

static int scan_memory(const void *fdt, struct dt_scan_result *res)
{
	int ac, sc, node, err;

	err = __fw_dt_root_cells(fdt, &ac, &sc);
	if (err)
		return err;
	for (node = fdt_first_subnode(fdt, __fw_dt_root(fdt)); node >= 0;
	     node = fdt_next_subnode(fdt, node)) {
		err = scan_memory_node(fdt, node, ac, sc, res);
		if (err)
			return err;
	}
	node = fw_fdt_errno(node);
	if (node != -ENOENT)
		return node;
	if (!res->memory_ranges) {
		__fw_dt_error(res, "no memory node");
		return -ENOENT;
	}
	return scan_usable_range(fdt, ac, sc, res);
}

int dt_scan_memory(const void *fdt, struct dt_scan_result *res)
{
	/* Nothing the tree reserves is reserved yet: no array may grow. */
	int resize = __fw_dt_hold_resize();
	int err = scan_memory(fdt, res);

	__fw_dt_release_resize(resize);
	return err;
}

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

/* The blob's checks and logs around the one DT sequence (dt_setup.c). */
int dt_scan_memblock(const void *blob, size_t bufsize, phys_addr_t blob_phys,
		     unsigned int flags, struct dt_scan_result *res)
{
	struct fw_setup_policy policy;
	int ac, sc, err;

	if (!blob || !res)
		return -EINVAL;
	/* Field by field: an initialiser's zero-fill may become memset(). */
	policy.alloc_limit = memblock_get_current_limit();
	policy.allow_resize = false;
	policy.kernel_base = policy.kernel_size = 0;
	policy.cmdline = NULL;
	result_clear(res);
	/* The whole blob, inside the buffer, before anything reads it. */
	err = fw_fdt_errno(fdt_check_full(blob, bufsize));
	if (!err)
		err = __fw_dt_root_cells(blob, &ac, &sc);
	if (!err)
		err = dt_scan_chosen(blob, res);
	if (err) {
		__fw_dt_error(res, "invalid device tree blob: %s", fw_strerror(err));
		return err;
	}
	__fw_dt_log(MEMBLOCK_LOG_INFO, "device tree v%u, %u bytes, #address-cells %d, #size-cells %d",
		    (unsigned int)fdt_version(blob), (unsigned int)fdt_totalsize(blob),
		    ac, sc);
	/* No image, the limit as it is, resizing left to the caller. */
	if (!policy.alloc_limit)
		policy.alloc_limit = MEMBLOCK_ALLOC_ANYWHERE;
	err = dt_memblock_setup(blob, blob_phys, flags, &policy, res);
	if (err)
		return err;
	__fw_dt_log(MEMBLOCK_LOG_INFO, "%u memory ranges, %u /memreserve/, %u static, %u dynamic, %u no-map reservations; %u warnings, %u errors",
		    res->memory_ranges, res->memreserve, res->reserved_static,
		    res->reserved_dynamic, res->reserved_nomap, res->warnings,
		    res->errors);
	return 0;
}

int dt_reserve_image(phys_addr_t base, phys_addr_t size)
{
	int err;

	if (!memblock_is_region_memory(base, size)) {
		__fw_dt_log(MEMBLOCK_LOG_INFO, "kernel image [%#llx-%#llx] outside memory after mem=; adding it back",
			    (unsigned long long)base,
			    (unsigned long long)(base + size - 1));
		err = memblock_add(base, size);
		if (err)
			return err;
	}
	return memblock_reserve(base, size);
}
