// SPDX-License-Identifier: BSD-2-Clause
/*
 * The device-tree kernels' checks of memblock against the tree, read
 * again independently (dt_expect.c): memblock.memory is the tree's memory
 * (nodes, hotplug, mem=, linux,usable-memory-range), and everything the
 * tree, the loader and the kernel itself occupy is reserved, or NOMAP for
 * no-map nodes, before the first allocation.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <dt/checks.h>
#include <dt/setup.h>
#include <asm/sections.h>
#include <asm/setup.h>

/* Physical address of the image's symbol @p. */
static phys_addr_t pa(const void *p)
{
	return memblock_env_virt_to_phys(p);
}

static uint64_t page_down(uint64_t x)
{
	return x & ~(uint64_t)(PAGE_SIZE - 1);
}

static uint64_t page_up(uint64_t x)
{
	return page_down(x + PAGE_SIZE - 1);
}

/* The DT memory range holding [base, base + size), or NULL. */
static const struct dt_range *dt_memory_of(const struct dt_expect *x, phys_addr_t base,
					    phys_addr_t size)
{
	for (unsigned int i = 0; i < x->nmemory; i++) {
		const struct dt_range *m = &x->memory[i];

		if (base >= m->base && base + size <= m->base + m->size)
			return m;
	}
	return NULL;
}

static void check_memory(const struct dt_expect *x)
{
	struct memblock_region *r;
	uint64_t total = 0, lo, hi;
	bool inside = true, nodes = true, hotplug = true;
	unsigned int nhotplug = 0;

	for (unsigned int i = 0; i < x->nmemory; i++) {
		lo = page_up(x->memory[i].base);
		hi = page_down(x->memory[i].base + x->memory[i].size);
		if (x->usable.size) {
			if (lo < x->usable.base)
				lo = x->usable.base;
			if (hi > x->usable.base + x->usable.size)
				hi = x->usable.base + x->usable.size;
		}
		if (hi > lo)
			total += hi - lo;
	}
	if (x->mem_limit && x->mem_limit < total)
		total = x->mem_limit;

	for_each_mem_region(r) {
		const struct dt_range *m = dt_memory_of(x, r->base, r->size);
		int want = m && m->nid >= 0 ? m->nid : MAX_NUMNODES;

		if (!m) {
			ktap_diag("memory [%#llx-%#llx) is in no DT memory node",
				  (unsigned long long)r->base,
				  (unsigned long long)(r->base + r->size));
			inside = false;
		} else if (memblock_get_region_node(r) != want) {
			ktap_diag("memory [%#llx-%#llx) on node %d, DT says %d",
				  (unsigned long long)r->base,
				  (unsigned long long)(r->base + r->size),
				  memblock_get_region_node(r), want);
			nodes = false;
		}
		if (m && m->hotplug != memblock_is_hotpluggable(r)) {
			ktap_diag("memory [%#llx-%#llx) hotplug flag %d, DT says %d",
				  (unsigned long long)r->base,
				  (unsigned long long)(r->base + r->size),
				  memblock_is_hotpluggable(r), m->hotplug);
			hotplug = false;
		}
		nhotplug += m && m->hotplug;
	}
	ktap_ok(!x->err && !x->truncated && x->nmemory > 0,
		"dt: %u memory range(s) read back from the tree", x->nmemory);
	ktap_ok(inside, "memory: every memblock.memory region lies in a DT memory range");
	ktap_ok(memblock_phys_mem_size() == total,
		"memory: size %#llx matches the DT (%#llx%s)",
		(unsigned long long)memblock_phys_mem_size(),
		(unsigned long long)total,
		x->mem_limit ? " after mem=" : "");
	ktap_ok(nodes, "memory: node ids match numa-node-id");
	/*
	 * A crash kernel's tree: Linux caps memory to the first
	 * linux,usable-memory-range (memblock_cap_memory_range()) while
	 * scanning the tree, before it reserves anything, so every later
	 * reservation (DTB, /reserved-memory) stays, outside memory or not.
	 */
	if (x->usable.size) {
		phys_addr_t ub = x->usable.base, ue = ub + x->usable.size;
		bool in = memblock.memory.cnt > 0;

		for_each_mem_region(r)
			in &= r->base >= ub && r->base + r->size <= ue;
		ktap_ok(in, "usable: memory lies inside linux,usable-memory-range [%#llx-%#llx) (%#llx-%#llx)",
			(unsigned long long)ub, (unsigned long long)ue,
			(unsigned long long)memblock_start_of_DRAM(),
			(unsigned long long)memblock_end_of_DRAM());
	}
	ktap_ok(hotplug, "memory: MEMBLOCK_HOTPLUG exactly on hotpluggable nodes (%u region(s))",
		nhotplug);
}

static void check_reserved(const char *what, phys_addr_t base, phys_addr_t size)
{
	ktap_ok(size && type_covers(&memblock.reserved, base, size, 0),
		"reserved: %s [%#llx-%#llx)", what, (unsigned long long)base,
		(unsigned long long)(base + size));
}

static void check_reservations(const struct dt_expect *x)
{
		unsigned int nomap = 0;

	check_reserved("kernel image", pa(_text), pa(_end) - pa(_text));
	check_reserved("boot stack", pa(boot_stack), pa(boot_stack_top) - pa(boot_stack));
	check_reserved("exception stack", pa(exc_stack), pa(exc_stack_top) - pa(exc_stack));
	check_reserved("DTB", DT_BOOT.dtb, DT_BOOT.dt.totalsize);
	if (x->initrd.size)
		check_reserved("initrd (page-rounded)", page_down(x->initrd.base),
			       page_up(x->initrd.base + x->initrd.size) -
			       page_down(x->initrd.base));
	ktap_ok(dt_kernel_scan.has_initrd == !!x->initrd.size &&
		(!x->initrd.size ||
		 (dt_kernel_scan.initrd_start == x->initrd.base &&
		  dt_kernel_scan.initrd_end == x->initrd.base + x->initrd.size)),
		"initrd: the scan's range matches /chosen");
	for (unsigned int i = 0; i < x->nmemreserve; i++)
		check_reserved("/memreserve/", x->memreserve[i].base,
			       x->memreserve[i].size);
	ktap_ok(dt_kernel_scan.memreserve == x->nmemreserve,
		"dt: scan reserved %u /memreserve/ entries of %u",
		dt_kernel_scan.memreserve, x->nmemreserve);

	for (unsigned int i = 0; i < x->nfixed; i++) {
		const struct dt_range *f = &x->fixed[i];

		if (!f->nomap) {
			check_reserved(f->name, f->base, f->size);
			continue;
		}
		nomap++;
		ktap_ok(type_covers(&memblock.memory, f->base, f->size, MEMBLOCK_NOMAP) &&
			!type_overlaps(&memblock.reserved, f->base, f->size, 0),
			"nomap: %s [%#llx-%#llx) is NOMAP memory, not reserved",
			f->name, (unsigned long long)f->base,
			(unsigned long long)(f->base + f->size));
	}
	for (unsigned int i = 0; i < x->ndynamic; i++) {
		const struct dt_dynamic *d = &x->dynamic[i];
		const struct memblock_type *t = d->nomap ? &memblock.memory : &memblock.reserved;
		unsigned int flags = d->nomap ? MEMBLOCK_NOMAP : 0;
		bool found = false;

		nomap += d->nomap;
		if (!d->nranges)
			found = type_has_aligned_block(t, flags, 0, PHYS_ADDR_MAX,
						       d->size, d->align);
		for (unsigned int j = 0; j < d->nranges && !found; j++)
			found = type_has_aligned_block(t, flags, d->ranges[j].base,
						       d->ranges[j].base + d->ranges[j].size,
						       d->size, d->align);
		ktap_ok(found, "dynamic: %s, %#llx bytes aligned %#llx, %s inside its alloc-ranges",
			d->name, (unsigned long long)d->size,
			(unsigned long long)d->align, d->nomap ? "NOMAP" : "reserved");
	}
	ktap_ok(dt_kernel_scan.reserved_dynamic == x->ndynamic &&
		dt_kernel_scan.reserved_nomap == nomap && !dt_kernel_scan.errors,
		"dt: scan allocated %u of %u dynamic, %u of %u no-map, %u error(s)",
		dt_kernel_scan.reserved_dynamic, x->ndynamic,
		dt_kernel_scan.reserved_nomap, nomap, dt_kernel_scan.errors);
}

void dt_memory_checks(const struct dt_expect *x)
{
	check_memory(x);
	check_reservations(x);
}
