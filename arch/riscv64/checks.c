// SPDX-License-Identifier: BSD-2-Clause
/*
 * arch_boot_checks() for riscv64: the boot protocol was followed, memblock's
 * memory is what the device tree describes, and everything the tree, the
 * loader and the kernel itself occupy is reserved (or NOMAP) before the
 * first allocation. Then allocation checks (alloc_checks.c) and the page
 * tables' (mmu_checks.c).
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <kernel/memops_check.h>
#include <asm/checks.h>
#include <asm/console.h>
#include <asm/mmu.h>
#include <asm/sections.h>
#include <asm/setup.h>

static struct dt_expect expect;

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
	/*
	 * A crash kernel's tree: Linux caps memory to the first
	 * linux,usable-memory-range (memblock_cap_memory_range()) while
	 * scanning the tree, before it reserves anything, so every later
	 * reservation (DTB, /reserved-memory) stays, outside memory or not.
	 */
	if (expect.usable.size) {
		phys_addr_t ub = expect.usable.base, ue = ub + expect.usable.size;
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

static void check_reservations(void)
{
	const struct riscv64_boot *b = &riscv64_boot;
	unsigned int nomap = 0;

	check_reserved("kernel image", pa(_text), pa(_end) - pa(_text));
	check_reserved("boot stack", pa(boot_stack), pa(boot_stack_top) - pa(boot_stack));
	check_reserved("exception stack", pa(exc_stack), pa(exc_stack_top) - pa(exc_stack));
	check_reserved("DTB", b->dtb, b->dt.totalsize);
	if (expect.initrd.size)
		check_reserved("initrd (page-rounded)", page_down(expect.initrd.base),
			       page_up(expect.initrd.base + expect.initrd.size) -
			       page_down(expect.initrd.base));
	ktap_ok(riscv64_dt.has_initrd == !!expect.initrd.size &&
		(!expect.initrd.size ||
		 (riscv64_dt.initrd_start == expect.initrd.base &&
		  riscv64_dt.initrd_end == expect.initrd.base + expect.initrd.size)),
		"initrd: the scan's range matches /chosen");
	for (unsigned int i = 0; i < expect.nmemreserve; i++)
		check_reserved("/memreserve/", expect.memreserve[i].base,
			       expect.memreserve[i].size);
	ktap_ok(riscv64_dt.memreserve == expect.nmemreserve,
		"dt: scan reserved %u /memreserve/ entries of %u",
		riscv64_dt.memreserve, expect.nmemreserve);

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
	ktap_ok(riscv64_dt.reserved_dynamic == expect.ndynamic &&
		riscv64_dt.reserved_nomap == nomap && !riscv64_dt.errors,
		"dt: scan allocated %u of %u dynamic, %u of %u no-map, %u error(s)",
		riscv64_dt.reserved_dynamic, expect.ndynamic,
		riscv64_dt.reserved_nomap, nomap, riscv64_dt.errors);
}

static bool starts_with(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return false;
	return true;
}

/* strcmp() != 0, without the C library. */
static bool str_differs(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a != *b;
}

/* Is @hart the reg of a cpu node under /cpus? */
static bool hart_in_cpus(const struct fdtr *dt, uint64_t hart)
{
	int cpus = fdtr_path_offset(dt, "/cpus");
	int ac = cpus >= 0 ? fdtr_address_cells(dt, cpus) : -1;

	if (ac < 1 || ac > 2)
		return false;
	for (int n = fdtr_first_subnode(dt, cpus); n >= 0; n = fdtr_next_subnode(dt, n)) {
		const char *type = fdtr_getprop_string(dt, n, "device_type");
		int len = 0;
		const void *reg = fdtr_getprop(dt, n, "reg", &len);

		if (type && str_differs(type, "cpu"))
			continue;
		if (reg && len >= 4 * ac && fdtr_read_cells(reg, ac) == hart)
			return true;
	}
	return false;
}

static void check_boot(void)
{
	const struct riscv64_boot *b = &riscv64_boot;
	unsigned int resv = 0;

	ktap_ok(!b->dtb_err && hart_in_cpus(&b->dt, b->hartid),
		"boot: a0 (hart %llu) is a cpu node's reg under /cpus",
		(unsigned long long)b->hartid);
	ktap_ok(!riscv64_entry_satp,
		"boot: satp was bare (MMU off) at entry, as the boot protocol leaves it");
	ktap_ok(!(b->kernel_pa & 0x1fffff) &&
		riscv64_lookup((uintptr_t)_text, NULL) == b->kernel_pa,
		"boot: image loaded 2 MiB-aligned at %#llx, running at %#lx",
		(unsigned long long)b->kernel_pa, (unsigned long)(uintptr_t)_text);
	ktap_ok(!b->dtb_err && !(b->dtb & 7),
		"boot: a1 points to a valid, 8-byte aligned DTB (%#llx)",
		(unsigned long long)b->dtb);
	ktap_ok(b->console_from_dt,
		"console: ns16550a at %#llx named by /chosen/stdout-path",
		(unsigned long long)riscv64_console_base());
	ktap_ok(b->test_dev != 0, "exit: sifive,test0 device found in the tree (%#llx)",
		(unsigned long long)b->test_dev);
	ktap_ok(b->sbi_version >= 2, "sbi: specification 0.2 or later (%ld.%ld)",
		(b->sbi_version >> 24) & 0x7f, b->sbi_version & 0xffffff);
	/*
	 * OpenSBI publishes its own memory as /reserved-memory/mmode_resv*
	 * (no-map in some versions, not in OpenSBI 1.2): NOMAP memory or
	 * reserved as the node says, and below the kernel image.
	 */
	for (unsigned int i = 0; i < expect.nfixed; i++) {
		const struct dt_range *f = &expect.fixed[i];

		if (!f->name || !starts_with(f->name, "mmode_resv"))
			continue;
		resv++;
		ktap_ok((f->nomap ? type_covers(&memblock.memory, f->base, f->size, MEMBLOCK_NOMAP) :
			 type_covers(&memblock.reserved, f->base, f->size, 0)) &&
			f->base + f->size <= pa(_text),
			"opensbi: %s [%#llx-%#llx) %s, below the image", f->name,
			(unsigned long long)f->base, (unsigned long long)(f->base + f->size),
			f->nomap ? "no-map: NOMAP in memblock" : "reserved in memblock");
	}
	ktap_ok(resv > 0, "opensbi: the tree has %u /reserved-memory/mmode_resv* node(s)", resv);
}

/*
 * QEMU's instret without -icount counts host ticks (TCG), so it times the
 * translated code: each routine runs once to be translated and its pages
 * to enter the soft TLB, then the best of 8 interleaved runs is kept.
 */
static uint64_t ticks(void)
{
	uint64_t v;

	__asm__ volatile("rdinstret %0" : "=r"(v) : : "memory");
	return v;
}

struct memop {
	const char *what;
	size_t dst, src, n;
	int set;		/* a clear of n bytes at dst, not a move */
};

static unsigned char measure_buf[16384 + 64] __attribute__((aligned(64)));

static void run(const struct memop *op, bool opt)
{
	unsigned char *b = measure_buf;

	if (op->set)
		(opt ? memblock_env_memset : memblock_env_default_memset)(b + op->dst, 0, op->n);
	else
		(opt ? memblock_env_memmove : memblock_env_default_memmove)(b + op->dst,
									     b + op->src, op->n);
}

/* The hooks against the defaults on memblock's moves and a clear: reported, not judged. */
static void memops_measure(void)
{
	static const struct memop ops[] = {
		{ "move 16000 B up by one region (24 B)", 24, 0, 16000, 0 },
		{ "move 16000 B down by one region", 0, 24, 16000, 0 },
		{ "move 16000 B, mutually misaligned (+3)", 3, 0, 16000, 0 },
		{ "clear 16 KiB", 0, 0, 16384, 1 },
	};

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		uint64_t best[2] = { UINT64_MAX, UINT64_MAX };

		run(&ops[i], true);
		run(&ops[i], false);
		for (int k = 0; k < 16; k++) {
			uint64_t t0 = ticks(), t;

			run(&ops[i], k & 1);
			t = ticks() - t0;
			if (t < best[k & 1])
				best[k & 1] = t;
		}
		ktap_diag("memops: %s: %llu host ticks under TCG, default %llu (%u%%)",
			  ops[i].what, (unsigned long long)best[1],
			  (unsigned long long)best[0],
			  (unsigned int)(best[0] ? best[1] * 100 / best[0] : 0));
	}
}

void arch_boot_checks(void)
{
	dt_expect_read(&riscv64_boot.dt, &expect);
	check_boot();
	check_memory();
	check_reservations();
	alloc_checks(&expect);
	riscv64_mmu_checks();
	memops_check("64-byte ld/sd blocks, shift-merged misaligned moves");
	memops_measure();
}
