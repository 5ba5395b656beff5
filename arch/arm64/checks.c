// SPDX-License-Identifier: BSD-2-Clause
/*
 * arch_boot_checks() for arm64: the boot protocol was followed, memblock's
 * memory is what the device tree describes, and everything the tree, the
 * loader and the kernel itself occupy is reserved (or NOMAP) before the
 * first allocation. Then allocation checks (alloc_checks.c).
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <kernel/memops_check.h>
#include <asm/checks.h>
#include <asm/console.h>
#include <asm/mmu.h>
#include <asm/psci.h>
#include <asm/sections.h>
#include <asm/setup.h>

static struct dt_expect expect;

/* Physical address of the image's symbol @p. */
static phys_addr_t pa(const void *p)
{
	return memblock_env_virt_to_phys(p);
}

static void check_boot(void)
{
	const struct arm64_boot *b = &arm64_boot;
	int32_t ver;

	ktap_ok(!b->regs[1] && !b->regs[2] && !b->regs[3],
		"boot: x1-x3 are zero at entry (arm64 boot protocol)");
	ktap_ok(b->entry_el == 1 || b->entry_el == 2,
		"boot: entered at EL1 or EL2 (EL%u)", b->entry_el);
	ktap_ok(!b->dtb_err && !(b->dtb & 7),
		"boot: x0 points to a valid, 8-byte aligned DTB (%#llx)",
		(unsigned long long)b->dtb);
	ktap_ok(b->console_from_dt,
		"console: PL011 at %#llx named by /chosen/stdout-path",
		(unsigned long long)arm64_console_base());
	/* An SMC32 call: the result is w0; NOT_SUPPORTED is -1. */
	ver = (int32_t)psci_call(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
	ktap_ok(ver >= 2, "psci: PSCI_VERSION through %s is 0.2 or later (%d.%d)",
		psci_conduit_name(), ver >> 16, ver & 0xffff);
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
static const struct dt_range *dt_memory_of(phys_addr_t base, phys_addr_t size)
{
	for (unsigned int i = 0; i < expect.nmemory; i++) {
		const struct dt_range *m = &expect.memory[i];

		if (base >= m->base && base + size <= m->base + m->size)
			return m;
	}
	return NULL;
}

static void check_memory(void)
{
	struct memblock_region *r;
	uint64_t total = 0, lo, hi;
	bool inside = true, nodes = true, hotplug = true;
	unsigned int nhotplug = 0;

	for (unsigned int i = 0; i < expect.nmemory; i++) {
		lo = page_up(expect.memory[i].base);
		hi = page_down(expect.memory[i].base + expect.memory[i].size);
		if (expect.usable.size) {
			if (lo < expect.usable.base)
				lo = expect.usable.base;
			if (hi > expect.usable.base + expect.usable.size)
				hi = expect.usable.base + expect.usable.size;
		}
		if (hi > lo)
			total += hi - lo;
	}
	if (expect.mem_limit && expect.mem_limit < total)
		total = expect.mem_limit;

	for_each_mem_region(r) {
		const struct dt_range *m = dt_memory_of(r->base, r->size);
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
	ktap_ok(!expect.err && !expect.truncated && expect.nmemory > 0,
		"dt: %u memory range(s) read back from the tree", expect.nmemory);
	ktap_ok(inside, "memory: every memblock.memory region lies in a DT memory range");
	ktap_ok(memblock_phys_mem_size() == total,
		"memory: size %#llx matches the DT (%#llx%s)",
		(unsigned long long)memblock_phys_mem_size(),
		(unsigned long long)total,
		expect.mem_limit ? " after mem=" : "");
	ktap_ok(nodes, "memory: node ids match numa-node-id");
	ktap_ok(hotplug, "memory: MEMBLOCK_HOTPLUG exactly on hotpluggable nodes (%u region(s))",
		nhotplug);
}

static void check_reserved(const char *what, phys_addr_t base, phys_addr_t size)
{
	ktap_ok(size && type_covers(&memblock.reserved, base, size, 0),
		"reserved: %s [%#llx-%#llx)", what, (unsigned long long)base,
		(unsigned long long)(base + size));
}

static void check_reservations(void)
{
	const struct arm64_boot *b = &arm64_boot;
	unsigned int nomap = 0;

	check_reserved("kernel image", pa(_text), pa(_end) - pa(_text));
	check_reserved("boot stack", pa(boot_stack), pa(boot_stack_top) - pa(boot_stack));
	check_reserved("exception stack", pa(exc_stack), pa(exc_stack_top) - pa(exc_stack));
	check_reserved("DTB", b->dtb, b->dt.totalsize);
	if (expect.initrd.size)
		check_reserved("initrd (page-rounded)", page_down(expect.initrd.base),
			       page_up(expect.initrd.base + expect.initrd.size) -
			       page_down(expect.initrd.base));
	ktap_ok(arm64_dt.has_initrd == !!expect.initrd.size &&
		(!expect.initrd.size ||
		 (arm64_dt.initrd_start == expect.initrd.base &&
		  arm64_dt.initrd_end == expect.initrd.base + expect.initrd.size)),
		"initrd: the scan's range matches /chosen");
	for (unsigned int i = 0; i < expect.nmemreserve; i++)
		check_reserved("/memreserve/", expect.memreserve[i].base,
			       expect.memreserve[i].size);
	ktap_ok(arm64_dt.memreserve == expect.nmemreserve,
		"dt: scan reserved %u /memreserve/ entries of %u",
		arm64_dt.memreserve, expect.nmemreserve);

	for (unsigned int i = 0; i < expect.nfixed; i++) {
		const struct dt_range *f = &expect.fixed[i];

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
	for (unsigned int i = 0; i < expect.ndynamic; i++) {
		const struct dt_dynamic *d = &expect.dynamic[i];
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
	ktap_ok(arm64_dt.reserved_dynamic == expect.ndynamic &&
		arm64_dt.reserved_nomap == nomap && !arm64_dt.errors,
		"dt: scan allocated %u of %u dynamic, %u of %u no-map, %u error(s)",
		arm64_dt.reserved_dynamic, expect.ndynamic,
		arm64_dt.reserved_nomap, nomap, arm64_dt.errors);
}

void arch_boot_checks(void)
{
	check_boot();
	dt_expect_read(&arm64_boot.dt, &expect);
	check_memory();
	check_reservations();
	alloc_checks(&expect);
	arm64_mmu_checks();
	arm64_linear_checks();
	memops_check("ldp/stp pairs, DC ZVA with the MMU on");
}
