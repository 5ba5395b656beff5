// SPDX-License-Identifier: BSD-2-Clause
/*
 * arch_boot_checks() for riscv64: the boot protocol was followed and
 * OpenSBI's memory kept out (here); memblock against the device tree and
 * the allocations (arch/dt/'s memory_checks.c, alloc_checks.c); the page
 * tables (mmu_checks.c); the memory hooks, checked and timed.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <kernel/memops_check.h>
#include <dt/checks.h>
#include <dt/map.h>
#include <asm/console.h>
#include <asm/mmu.h>
#include <asm/sections.h>
#include <asm/setup.h>

static struct dt_expect expect;

static phys_addr_t pa(const void *p)
{
	return memblock_env_virt_to_phys(p);
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
	dt_memory_checks(&expect);
	alloc_checks(&expect);
	riscv64_mmu_checks();
	dt_linear_checks();
	memops_check("64-byte ld/sd blocks, shift-merged misaligned moves");
	memops_measure();
}
