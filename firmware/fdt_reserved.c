// SPDX-License-Identifier: BSD-2-Clause
/*
 * Reservations from the device tree (step 5 of the order in
 * fdt_memblock.h): the blob, the initrd, /reserved-memory and
 * /memreserve/.
 */
#include "fdt_scan_internal.h"

/* "/reserved-memory/<name>" for log lines. */
#define RM	"/reserved-memory/"

/*
 * Ranges the tree says are in use that memblock could not reserve (its
 * reserved array full): counted by one dt_scan_reserved() run, which then
 * fails, since that memory would be handed out. Early boot is single
 * threaded, hence a plain static.
 */
static unsigned int lost;

/*
 * Linux's early_init_dt_reserve_memory(): reserve, or mark NOMAP. Memory
 * someone already reserved cannot become NOMAP: Linux then leaves the
 * range alone (-EBUSY), and the part outside the earlier reservation is
 * handed out although the firmware uses it. Here it is reserved instead
 * (returns -1 when that worked, so that the conflict is still reported).
 */
static int reserve_or_nomap(phys_addr_t base, phys_addr_t size, bool nomap)
{
	int err;

	if (!nomap)
		return memblock_reserve(base, size);
	if (memblock_overlaps_region(&memblock.memory, base, size) &&
	    memblock_is_region_reserved(base, size)) {
		err = memblock_reserve(base, size);
		return err ? err : -1;
	}
	return memblock_mark_nomap(base, size);
}

static void reserve_static(const void *fdt, int node, const char *name,
			   const void *reg, int len, int ac, int sc,
			   struct dt_scan_result *res)
{
	bool nomap = __fw_dt_prop(fdt, node, "no-map", NULL) != NULL;
	int n = dt_reg_count(len, ac, sc), err;

	if (n < 0) {
		__fw_dt_warn(res, RM "%s: reg of %d bytes is not a list of <%d %d> cells, ignored",
			     name, len, ac, sc);
		return;
	}
	for (int i = 0; i < n; i++) {
		uint64_t base, size;
		phys_addr_t pb, ps;

		dt_reg_entry(reg, len, ac, sc, i, &base, &size);
		if (!__fw_dt_to_phys(base, size, &pb, &ps, name, res))
			continue;
		err = reserve_or_nomap(pb, ps, nomap);
		if (err) {
			/* -1: a no-map range someone already reserved. */
			__fw_dt_error(res, RM "%s: failed to reserve [%#llx+%#llx]%s",
				      name, (unsigned long long)pb,
				      (unsigned long long)ps,
				      err == -1 ? " no-map: already reserved; reserved instead, not no-map" : "");
			if (err != -1)
				lost++;
			continue;
		}
		if (nomap)
			res->reserved_nomap++;
		else
			res->reserved_static++;
		__fw_dt_log(MEMBLOCK_LOG_INFO, RM "%s: [mem %#llx-%#llx]%s", name,
			    (unsigned long long)pb, (unsigned long long)(pb + ps - 1),
			    nomap ? " no-map" : "");
	}
}

/* A one-number property of @cells cells; false (and a warning) if malformed. */
static bool read_number(const void *fdt, int node, const char *name,
			const char *prop, int cells, uint64_t *val,
			struct dt_scan_result *res)
{
	int len;
	const void *p = __fw_dt_prop(fdt, node, prop, &len);

	if (!p)
		return len == -ENOENT;
	if (len != 4 * cells) {
		__fw_dt_warn(res, RM "%s: %s is %d bytes, not %d, ignored", name,
			     prop, len, 4 * cells);
		return false;
	}
	*val = dt_read_cells(p, cells);
	return true;
}

static phys_addr_t alloc_in(uint64_t size, uint64_t align, uint64_t start,
			    uint64_t rsize, const char *name,
			    struct dt_scan_result *res)
{
	phys_addr_t pb, ps;

	if (!__fw_dt_to_phys(start, rsize, &pb, &ps, name, res))
		return 0;
	/* __fw_dt_to_phys() keeps pb + ps <= PHYS_ADDR_MAX: no wrap to 0. */
	return memblock_phys_alloc_range((phys_addr_t)size, (phys_addr_t)align,
					 pb, pb + ps);
}

/*
 * CMA hands memory out by pageblocks: a reusable shared-dma-pool that stays
 * mapped becomes a CMA area, so Linux raises its alignment to
 * CMA_MIN_ALIGNMENT_BYTES (PAGE_SIZE << pageblock_order).
 */
static uint64_t cma_align(const void *fdt, int node, bool nomap,
			  uint64_t align)
{
	const uint64_t cma_min = DT_CMA_MIN_ALIGN;

	if (nomap || !__fw_dt_is_compatible(fdt, node, "shared-dma-pool") ||
	    !__fw_dt_prop(fdt, node, "reusable", NULL))
		return align;
	return align > cma_min ? align : cma_min;
}

static void reserve_dynamic(const void *fdt, int node, const char *name,
			    int ac, int sc, struct dt_scan_result *res)
{
	bool nomap = __fw_dt_prop(fdt, node, "no-map", NULL) != NULL;
	/* Linux's early_init_dt_alloc_reserved_memory_arch() default. */
	uint64_t size = 0, align = SMP_CACHE_BYTES;
	const void *ranges;
	phys_addr_t base = 0;
	int len, n;

	if (!read_number(fdt, node, name, "size", sc, &size, res))
		return;
	if (!size) {
		__fw_dt_warn(res, RM "%s: neither reg nor size, ignored", name);
		return;
	}
	if (!read_number(fdt, node, name, "alignment", ac, &align, res))
		return;
	if (!align || (align & (align - 1)) || size > PHYS_ADDR_MAX ||
	    align > PHYS_ADDR_MAX) {
		__fw_dt_warn(res, RM "%s: size %#llx or alignment %#llx unusable, ignored",
			     name, (unsigned long long)size, (unsigned long long)align);
		return;
	}
	align = cma_align(fdt, node, nomap, align);
	ranges = __fw_dt_prop(fdt, node, "alloc-ranges", &len);
	if (ranges) {
		n = dt_reg_count(len, ac, sc);
		if (n < 0)
			__fw_dt_warn(res, RM "%s: alloc-ranges of %d bytes ignored", name, len);
		for (int i = 0; i < n && !base; i++) {
			uint64_t start, rsize;

			dt_reg_entry(ranges, len, ac, sc, i, &start, &rsize);
			base = alloc_in(size, align, start, rsize, name, res);
		}
	} else {
		base = memblock_phys_alloc_range((phys_addr_t)size,
						 (phys_addr_t)align, 0,
						 MEMBLOCK_ALLOC_ANYWHERE);
	}
	if (!base) {
		__fw_dt_error(res, RM "%s: failed to allocate %#llx bytes", name,
			      (unsigned long long)size);
		return;
	}
	if (nomap) {
		/*
		 * As Linux does, the block stays reserved and is flagged
		 * NOMAP; only when it cannot be flagged is it given back.
		 */
		if (memblock_mark_nomap(base, (phys_addr_t)size)) {
			bool freed = !memblock_phys_free(base, (phys_addr_t)size);

			/* Not freed: the block stays reserved, lost but safe. */
			__fw_dt_error(res, RM "%s: cannot mark [mem %#llx-%#llx] no-map%s",
				      name, (unsigned long long)base,
				      (unsigned long long)(base + size - 1),
				      freed ? "" : "; cannot free it either, it stays reserved");
			return;
		}
		res->reserved_nomap++;
	}
	res->reserved_dynamic++;
	__fw_dt_log(MEMBLOCK_LOG_INFO, RM "%s: allocated [mem %#llx-%#llx]%s", name,
		    (unsigned long long)base, (unsigned long long)(base + size - 1),
		    nomap ? " no-map" : "");
}

/* Linux ignores /reserved-memory unless it uses the root's cells and
 * has "ranges" (i.e. maps 1:1 onto the root's address space). */
static int reserved_memory_node(const void *fdt, int ac, int sc,
				struct dt_scan_result *res)
{
	int node = dt_path(fdt, "/reserved-memory");
	uint32_t nac, nsc;

	if (node < 0)
		return node;
	if (!__fw_dt_is_available(fdt, node))
		return -ENOENT;
	if (__fw_dt_prop_u32(fdt, node, "#address-cells", &nac) ||
	    __fw_dt_prop_u32(fdt, node, "#size-cells", &nsc) ||
	    nac != (uint32_t)ac || nsc != (uint32_t)sc ||
	    !__fw_dt_prop(fdt, node, "ranges", NULL)) {
		__fw_dt_warn(res, "/reserved-memory: unsupported node format (cells differ from the root's or no ranges), ignored");
		return -ENOENT;
	}
	return node;
}

static int scan_reserved_memory(const void *fdt, int rm, int ac, int sc,
				bool dynamic, struct dt_scan_result *res)
{
	int child;

	for (child = fdt_first_subnode(fdt, rm); child >= 0;
	     child = fdt_next_subnode(fdt, child)) {
		const char *name = fdt_get_name(fdt, child, NULL);
		const void *reg;
		int len;

		if (!__fw_dt_is_available(fdt, child))
			continue;
		reg = __fw_dt_prop(fdt, child, "reg", &len);
		if (reg && !dynamic)
			reserve_static(fdt, child, name, reg, len, ac, sc, res);
		else if (!reg && dynamic)
			reserve_dynamic(fdt, child, name, ac, sc, res);
	}
	child = fw_fdt_errno(child);
	return child == -ENOENT ? 0 : child;
}

static bool reserve_range(uint64_t base, uint64_t size, const char *what,
			  struct dt_scan_result *res)
{
	phys_addr_t pb, ps;

	if (!__fw_dt_to_phys(base, size, &pb, &ps, what, res))
		return false;
	if (memblock_reserve(pb, ps)) {
		__fw_dt_error(res, "%s: cannot reserve [%#llx+%#llx]", what,
			      (unsigned long long)pb, (unsigned long long)ps);
		lost++;
		return false;
	}
	__fw_dt_log(MEMBLOCK_LOG_INFO, "%s: reserved [mem %#llx-%#llx]", what,
		    (unsigned long long)pb, (unsigned long long)(pb + ps - 1));
	return true;
}

static void reserve_initrd(struct dt_scan_result *res)
{
	uint64_t mask = (uint64_t)PAGE_SIZE - 1;
	uint64_t base = res->initrd_start & ~mask;
	uint64_t end = res->initrd_end;

	/* Whole pages: the page allocator must not get the partial ones. */
	end = end > UINT64_MAX - mask ? UINT64_MAX : (end + mask) & ~mask;
	reserve_range(base, end - base, "initrd", res);
}

int dt_scan_reserved(const void *fdt, phys_addr_t blob_phys,
		     unsigned int flags, struct dt_scan_result *res)
{
	int ac, sc, rm, n, err, resize;

	err = __fw_dt_root_cells(fdt, &ac, &sc);
	if (err)
		return err;
	/* No array may grow onto a range not reserved yet: see __fw_dt_hold_resize(). */
	resize = __fw_dt_hold_resize();
	lost = 0;
	if (!(flags & DT_SCAN_NO_RESERVE_DTB))
		reserve_range(blob_phys, fdt_totalsize(fdt), "device tree blob", res);
	if (res->has_initrd)
		reserve_initrd(res);

	rm = reserved_memory_node(fdt, ac, sc, res);
	if (rm >= 0)
		err = scan_reserved_memory(fdt, rm, ac, sc, false, res);
	else if (rm != -ENOENT)
		err = rm;

	/*
	 * One count, then each entry by index: fdt_get_mem_rsv() below the
	 * count costs constant time with either provider (fdt_api.h), so the
	 * map is read in linear time.
	 */
	n = err ? 0 : fw_fdt_errno(fdt_num_mem_rsv(fdt));
	if (n < 0)
		err = n;
	for (int i = 0; i < n; i++) {
		uint64_t base, size;
		int e = fw_fdt_errno(fdt_get_mem_rsv(fdt, i, &base, &size));

		if (e) {
			err = e;
			break;
		}
		if (reserve_range(base, size, "/memreserve/", res))
			res->memreserve++;
	}
	__fw_dt_release_resize(resize);
	if (err)
		return err;
	if (lost) {
		__fw_dt_error(res, "%u range(s) the tree says are in use could not be reserved: stopping",
			      lost);
		return -ENOSPC;
	}

	/* Allocations: with every firmware range reserved, arrays may grow. */
	if (rm >= 0)
		return scan_reserved_memory(fdt, rm, ac, sc, true, res);
	return 0;
}
