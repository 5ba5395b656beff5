// SPDX-License-Identifier: BSD-2-Clause
/*
 * x86_memblock_setup(), the one x86 boot sequence: on a real-PC-shaped
 * e820 map (13 RAM ranges with reserved, ACPI and NVS holes, memory above
 * 4 GiB) under a 64 MiB mapped window, every region array that grew lies
 * inside the window, in memory, reserved, and clear of what the kernel and
 * its loader own. The oracle is the policy's contract (read back from
 * memblock's state), not where memblock chose to put the arrays. Then the
 * old order (resizing first, no limit) is shown to escape the window on
 * the same map, the policy's switches, mem=, the SRAT, and bad arguments.
 */
#include "harness.h"
#include <firmware/x86_setup.h>
#include "../fixtures/acpi_qemu.h"
#include "../fixtures/e820_qemu.h"

#define WINDOW		(64 * SZ_1M)
#define KERNEL_BASE	SZ_16M
#define KERNEL_SIZE	(32 * SZ_1M)
#define NR_RAM		13
#define NR_RAM_32	10	/* below 4 GiB: what a 32-bit phys_addr_t keeps */

/* tests/sim/inputs/e820-real-pc-13ram.txt, as the firmware reports it. */
static const struct e820_entry real_pc[] = {
	{ 0x0, 0x9f000, E820_TYPE_RAM },
	{ 0x9f000, 0x61000, E820_TYPE_RESERVED },
	{ 0x100000, 0x2f00000, E820_TYPE_RAM },
	{ 0x3000000, 0x1000, E820_TYPE_NVS },
	{ 0x3001000, 0xdff000, E820_TYPE_RAM },
	{ 0x3e00000, 0x10000, E820_TYPE_RESERVED },
	{ 0x3e10000, 0x5cf0000, E820_TYPE_RAM },
	{ 0x9b00000, 0x300000, E820_TYPE_RESERVED },
	{ 0x9e00000, 0x100000, E820_TYPE_RAM },
	{ 0x9f00000, 0xf000, E820_TYPE_NVS },
	{ 0x9f0f000, 0xafc21000, E820_TYPE_RAM },
	{ 0xb9b30000, 0x10000, E820_TYPE_RESERVED },
	{ 0xb9b40000, 0x6c0000, E820_TYPE_RAM },
	{ 0xba200000, 0x100000, E820_TYPE_NVS },
	{ 0xba300000, 0x2200000, E820_TYPE_RAM },
	{ 0xbc500000, 0x100000, E820_TYPE_RESERVED },
	{ 0xbc600000, 0x178e000, E820_TYPE_RAM },
	{ 0xbdd8e000, 0x1c0000, E820_TYPE_RESERVED },
	{ 0xbdf4e000, 0x89000, E820_TYPE_ACPI },
	{ 0xbdfd7000, 0x1df000, E820_TYPE_NVS },
	{ 0xbe1b6000, 0xe49000, E820_TYPE_RESERVED },
	{ 0xbefff000, 0x1000, E820_TYPE_RAM },
	{ 0xbf000000, 0x1000000, E820_TYPE_RESERVED },
	{ 0xf0000000, 0x8000000, E820_TYPE_RESERVED },
	{ 0xfd000000, 0x3000000, E820_TYPE_RESERVED },
	{ 0x100000000ULL, 0x140000000ULL, E820_TYPE_RAM },
	{ 0x240000000ULL, 0x100000, E820_TYPE_RESERVED },
	{ 0x240100000ULL, 0x1ff280000ULL, E820_TYPE_RAM },
	{ 0x43f380000ULL, 0xc80000, E820_TYPE_RESERVED },
	{ 0x440000000ULL, 0x440000000ULL, E820_TYPE_RAM },
};

/*
 * The RAM of real_pc[], in order, as memblock.memory must hold it: page 0
 * is reserved in the e820 map before memblock sees it (Linux's
 * trim_bios_range(): "e820: update [mem 0x00000000-0x00000fff] usable ==>
 * reserved"), so memory starts at 0x1000.
 */
static const struct rgn real_pc_ram[NR_RAM] = {
	R(0x1000, 0x9e000), R(0x100000, 0x2f00000), R(0x3001000, 0xdff000),
	R(0x3e10000, 0x5cf0000), R(0x9e00000, 0x100000),
	R(0x9f0f000, 0xafc21000), R(0xb9b40000, 0x6c0000),
	R(0xba300000, 0x2200000), R(0xbc600000, 0x178e000),
	R(0xbefff000, 0x1000), R(0x100000000ULL, 0x140000000ULL),
	R(0x240100000ULL, 0x1ff280000ULL), R(0x440000000ULL, 0x440000000ULL),
};

/* What the loader handed over: an information block and a module. */
static const struct x86_boot_range boot_ranges[] = {
	{ 0x20000, 0x1000, "boot information" },
	{ 0x3d00000, 0x80000, "module" },
};

static struct e820_table tbl;
static struct x86_setup_result res;
static const struct memblock_region *static_memory, *static_reserved;
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
static const struct memblock_region *static_physmem;
#endif

static void load(const struct e820_entry *e, size_t n)
{
	memset(&tbl, 0, sizeof(tbl));
	for (size_t i = 0; i < n; i++)
		CHECK_INT(e820_table_add(&tbl, e[i].addr, e[i].size, e[i].type), 0);
}

/* The pristine arrays are the static ones: remember them. */
static void note_static_arrays(void)
{
	static_memory = memblock.memory.regions;
	static_reserved = memblock.reserved.regions;
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	static_physmem = memblock.physmem.regions;
#endif
}

static const struct fw_setup_policy small_window = {
	.alloc_limit = WINDOW,
	.allow_resize = true,
	.kernel_base = KERNEL_BASE,
	.kernel_size = KERNEL_SIZE,
	.cmdline = "console=ttyS0",
};

static struct x86_setup_input real_pc_input(void)
{
	struct x86_setup_input in = {
		.e820 = &tbl,
		.bios_start = 0x9f000,
		.ranges = boot_ranges,
		.nr_ranges = ARRAY_SIZE(boot_ranges),
	};

	load(real_pc, ARRAY_SIZE(real_pc));
	return in;
}

static bool overlaps(unsigned long long b1, unsigned long long s1,
		     unsigned long long b2, unsigned long long s2)
{
	return b1 < b2 + s2 && b2 < b1 + s1;
}

static bool covered(const struct memblock_type *t, unsigned long long base,
		    unsigned long long size)
{
	for (unsigned long i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i];

		if (r->size && base >= r->base && base + size <= r->base + r->size)
			return true;
	}
	return false;
}

/*
 * A grown array: [pa, pa + max entries) below the window, in memory,
 * reserved (page-rounded), and not on the kernel, the low 1 MiB or a boot
 * range. Returns the page-rounded size reserved for it (0: static).
 */
static unsigned long long check_grown(const struct memblock_type *t,
				      const struct memblock_region *static_array,
				      unsigned long long *pa_out)
{
	unsigned long long pa, bytes;

	if (t->regions == static_array)
		return 0;
	pa = test_virt_to_phys(t->regions);
	bytes = (t->max * sizeof(*t->regions) + SZ_4K - 1) & ~(SZ_4K - 1);
	*pa_out = pa;
	if (pa + bytes > WINDOW)
		tap_fail(__FILE__, __LINE__, "memblock.%s grew to [%#llx-%#llx], past the %#llx window",
			 t->name, pa, pa + bytes - 1, (unsigned long long)WINDOW);
	CHECK(!(pa & (SZ_4K - 1)));
	CHECK(covered(&memblock.memory, pa, bytes));
	CHECK(covered(&memblock.reserved, pa, bytes));
	CHECK(!overlaps(pa, bytes, KERNEL_BASE, KERNEL_SIZE));
	CHECK(!overlaps(pa, bytes, 0, SZ_1M));
	for (size_t i = 0; i < ARRAY_SIZE(boot_ranges); i++)
		CHECK(!overlaps(pa, bytes, boot_ranges[i].base, boot_ranges[i].size));
	return bytes;
}

/* physmem: the firmware's RAM, page 0 included (all RAM that exists). */
static struct rgn real_pc_physmem[NR_RAM];

static void expect_ram(int line, const struct memblock_type *t)
{
	const struct rgn *want = real_pc_ram;

	if (t != &memblock.memory) {
		for (size_t i = 0; i < NR_RAM; i++)
			real_pc_physmem[i] = real_pc_ram[i];
		real_pc_physmem[0] = (struct rgn)R(0x0, 0x9f000);
		want = real_pc_physmem;
	}
	expect_type_(__FILE__, line, t, PHYS_64 ? NR_RAM : NR_RAM_32, want);
}

static void real_pc_small_window(void)
{
	struct x86_setup_input in;
	unsigned long long pa = 0, bytes = 0, reserved_total;

	note_static_arrays();
	in = real_pc_input();
	CHECK_INT(x86_memblock_setup(&small_window, &in, &res), 0);
	CHECK_EQ(memblock_get_current_limit(), WINDOW);
	CHECK(memblock_can_resize);
	/* A clean map: only page 0 is split off, reserved. */
	CHECK_INT(tbl.nr_entries, ARRAY_SIZE(real_pc) + 1);
	CHECK_EQ(tbl.entries[0].addr, 0);
	CHECK_EQ(tbl.entries[0].size, 0x1000);
	CHECK_INT(tbl.entries[0].type, E820_TYPE_RESERVED);
	CHECK(test_log_find("e820: update [mem 0x00000000-0x00000fff] usable ==> reserved") >= 0);
	/* The firmware's map is logged as Linux logs it, before any edit. */
	CHECK(test_log_find("BIOS-provided physical RAM map:") >= 0);
	CHECK(test_log_find("BIOS-e820: [mem 0x0000000000000000-0x000000000009efff] usable") >= 0);
	CHECK(test_log_find("BIOS-e820: [mem 0x0000000440000000-0x000000087fffffff] usable") >= 0);
	CHECK(test_log_find("BIOS-e820: [mem 0x00000000bdf4e000-0x00000000bdfd6fff] ACPI data") >= 0);
	CHECK(test_log_find("BIOS-e820: [mem 0x00000000bdfd7000-0x00000000be1b5fff] ACPI NVS") >= 0);
	CHECK(test_log_find("user-defined") < 0);
	expect_ram(__LINE__, &memblock.memory);
	CHECK(memblock.memory.regions == static_memory);
	CHECK(memblock.reserved.regions == static_reserved);
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	expect_ram(__LINE__, &memblock.physmem);
	/* More RAM ranges than physmem's 4 static entries: it had to grow. */
	CHECK(memblock.physmem.max > INIT_PHYSMEM_REGIONS);
	bytes = check_grown(&memblock.physmem, static_physmem, &pa);
	CHECK(bytes != 0);
#endif
	/* Exactly what the kernel owns, plus the grown array. */
	reserved_total = 0x10000 + 0x61000 + KERNEL_SIZE + 0x1000 + 0x80000 + bytes;
	CHECK_EQ(memblock.reserved.total_size, reserved_total);
	CHECK(covered(&memblock.reserved, 0, 0x10000));
	CHECK(covered(&memblock.reserved, 0x9f000, 0x61000));
	CHECK(covered(&memblock.reserved, KERNEL_BASE, KERNEL_SIZE));
	for (size_t i = 0; i < ARRAY_SIZE(boot_ranges); i++)
		CHECK(covered(&memblock.reserved, boot_ranges[i].base,
			      boot_ranges[i].size));
	CHECK_EQ(res.mem_limit, 0);
	CHECK_INT(res.nr_nodes, 0);
	CHECK_INT(res.srat_err, 0);
	(void)pa;
}

/* Enough splits to grow every array, all inside the window. */
static void every_array_grows_inside(void)
{
	static struct x86_boot_range many[200];
	struct x86_setup_input in;
	unsigned long long pa;
	unsigned int i;

	note_static_arrays();
	in = real_pc_input();
	/* 200 boot ranges, each a page with a gap: reserved must grow. */
	for (i = 0; i < ARRAY_SIZE(many); i++)
		many[i] = (struct x86_boot_range){ 0x200000 + i * 0x2000ULL, 0x1000, "module" };
	in.ranges = many;
	in.nr_ranges = ARRAY_SIZE(many);
	/* Growing reserved needs resizing during step 3: not allowed yet. */
	CHECK_INT(x86_memblock_setup(&small_window, &in, &res), -ENOMEM);
	CHECK(!memblock_can_resize);
	CHECK(memblock.reserved.regions == static_reserved);

	test_reset();
	note_static_arrays();
	in = real_pc_input();
	CHECK_INT(x86_memblock_setup(&small_window, &in, &res), 0);
	/* After the sequence, allocations and growth stay inside the window. */
	for (i = 0; i < 300; i++)
		CHECK(memblock_phys_alloc(SZ_4K, 2 * SZ_4K) != 0);
	CHECK(memblock.reserved.regions != static_reserved);
	check_grown(&memblock.reserved, static_reserved, &pa);
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	check_grown(&memblock.physmem, static_physmem, &pa);
#endif
}

/*
 * The order docs/integration.md once gave and e820_memblock_setup() once
 * had: resizing allowed, no limit yet. On the same map physmem grows at
 * the top of RAM, outside the kernel's window: what the test above rules out.
 */
static void old_order_escapes_the_window(void)
{
	unsigned long long pa;

	load(real_pc, ARRAY_SIZE(real_pc));
	memblock_allow_resize();
	CHECK_INT(memblock_reserve(KERNEL_BASE, KERNEL_SIZE), 0);
	CHECK_INT(e820_sanitize(&tbl), 0);
	CHECK_INT(e820_memblock_setup(&tbl), 0);
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	CHECK(memblock.physmem.max > INIT_PHYSMEM_REGIONS);
	pa = test_virt_to_phys(memblock.physmem.regions);
	CHECK(pa >= WINDOW);
#else
	(void)pa;
#endif
}

/* Resizing left to the caller: the physmem step reports the full array. */
static void no_resize_policy(void)
{
	struct fw_setup_policy p = small_window;
	struct x86_setup_input in;

	p.allow_resize = false;
	in = real_pc_input();
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	CHECK_INT(x86_memblock_setup(&p, &in, &res), -ENOMEM);
	CHECK_INT(memblock.physmem.max, INIT_PHYSMEM_REGIONS);
#else
	CHECK_INT(x86_memblock_setup(&p, &in, &res), 0);
#endif
	CHECK(!memblock_can_resize);
	CHECK_EQ(memblock_get_current_limit(), WINDOW);
	/* Memory was described before: the static array holds it. */
	expect_ram(__LINE__, &memblock.memory);
	/* No memblock=debug, no dump. */
	CHECK(test_log_find("MEMBLOCK configuration:") < 0);
}

/*
 * mem= on x86 is an address limit (Linux: RAM above it leaves the e820
 * map), not the amount memblock_enforce_memory_limit() keeps on arm64.
 */
static void mem_limit_from_cmdline(void)
{
	struct fw_setup_policy p = small_window;
	struct x86_setup_input in;

	p.cmdline = "memblock=debug mem=256M";
	in = real_pc_input();
	CHECK_INT(x86_memblock_setup(&p, &in, &res), 0);
	CHECK_EQ(res.mem_limit, SZ_256M);
	EXPECT_TYPE(&memblock.memory, R(0x1000, 0x9e000), R(0x100000, 0x2f00000),
		    R(0x3001000, 0xdff000), R(0x3e10000, 0x5cf0000),
		    R(0x9e00000, 0x100000), R(0x9f0f000, 0x60f1000));
	CHECK_EQ(memblock_end_of_DRAM(), SZ_256M);
	CHECK(memblock_phys_mem_size() < SZ_256M);
	CHECK_INT(memblock_debug, 1);
	CHECK(test_log_find("e820: remove [mem 0x10000000-0xfffffffffffffffe] usable") >= 0);
	/* Step 10: the dump, as Linux's e820__memblock_setup() ends. */
	CHECK(test_log_ends_with_dump());	/* the sequence's last step */
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	/* physmem keeps all RAM whatever mem= removes. */
	expect_ram(__LINE__, &memblock.physmem);
#endif
}

/* memmap= edits the map memblock is fed: reserved RAM is not memory. */
static void memmap_from_cmdline(void)
{
	struct fw_setup_policy p = small_window;
	struct x86_setup_input in;

	p.cmdline = "memmap=1M$0x100000,0x1000000!0x4000000";
	in = real_pc_input();
	CHECK_INT(x86_memblock_setup(&p, &in, &res), 0);
	CHECK_EQ(res.mem_limit, 0);
	CHECK(!memblock_is_memory(0x100000));
	CHECK(!memblock_is_memory(0x4000000));
	CHECK(memblock_is_memory(0x200000));
	CHECK(memblock_is_memory(0x5000000));
	CHECK_EQ(memblock.memory.regions[1].base, 0x200000);
	CHECK(test_log_find("user-defined physical RAM map:") >= 0);
}

/* Soft-reserved and persistent memory are never memblock.memory. */
static void soft_reserved_and_pmem(void)
{
	static const struct e820_entry m[] = {
		{ 0x0, 0x9fc00, E820_TYPE_RAM },
		{ 0x100000, 0x3ff00000, E820_TYPE_RAM },
		{ 0x40000000, 0x40000000, E820_TYPE_SOFT_RESERVED },
		{ 0x80000000, 0x10000000, E820_TYPE_PMEM },
		{ 0x90000000, 0x10000000, E820_TYPE_PRAM },
	};
	struct fw_setup_policy p = small_window;
	struct x86_setup_input in = { .e820 = &tbl, .bios_start = 0x9f000 };

	p.kernel_size = 0;
	load(m, ARRAY_SIZE(m));
	CHECK_INT(x86_memblock_setup(&p, &in, &res), 0);
	EXPECT_TYPE(&memblock.memory, R(0x1000, 0x9e000), R(0x100000, 0x3ff00000));
	EXPECT_TYPE(&memblock.reserved, R(0, 0x10000), R(0x9f000, 0x61000),
		    R(0x40000000, 0x40000000));
}

/* QEMU pc, 4 GiB, two nodes: the SRAT's nodes on memory, reported. */
static void srat_nodes(void)
{
	struct fw_setup_policy p = {
		.alloc_limit = SZ_4G - 1, .allow_resize = true,
		.kernel_base = SZ_1M, .kernel_size = 0x21000,
	};
	struct x86_setup_input in = { .e820 = &tbl, .bios_start = 0x9f000,
				      .srat = pc_numa_srat,
				      .srat_len = sizeof(pc_numa_srat) };

	load(qemu_pc_4G, ARRAY_SIZE(qemu_pc_4G));
	CHECK_INT(x86_memblock_setup(&p, &in, &res), 0);
	CHECK_INT(res.srat_err, 0);
	CHECK_INT(res.nr_nodes, 2);
	/* Both domains have a CPU (QEMU's APIC entries come first). */
	CHECK_INT(res.nr_cpu_nodes, 2);
	CHECK_INT(res.node_pxm[0], 0);
	CHECK_INT(res.node_pxm[1], 1);
	for (unsigned int i = 0; i < res.nr_srat_mem; i++)
		CHECK_INT(res.srat_nid[i], (int)res.srat_mem[i].pxm);
	/* The report: one line per CPU node, one per memory entry. */
	test_log_clear();
	x86_setup_srat_log(&res);
	CHECK_INT(test_log_lines, 2 + (int)res.nr_srat_mem);
	if (test_log_lines > 2) {
		CHECK_STR(test_log[0], "ACPI: SRAT: Node 0 PXM 0 (processors)");
		CHECK_STR(test_log[2], "ACPI: SRAT: Node 0 PXM 0 [mem 0x0000000000000000-0x000000000009ffff]");
	}
	test_log_clear();
	x86_setup_srat_log(NULL);
	CHECK_INT(test_log_lines, 0);
	if (PHYS_64)
		EXPECT_TYPE(&memblock.memory, RN(0x1000, 0x9e000, 0),
			    RN(0x100000, 0x7ff00000, 0),
			    RN(0x80000000, 0x3ffe0000, 1),
			    RN(SZ_4G, SZ_1G, 1));
	else
		EXPECT_TYPE(&memblock.memory, RN(0x1000, 0x9e000, 0),
			    RN(0x100000, 0x7ff00000, 0),
			    RN(0x80000000, 0x3ffe0000, 1));

	/* A corrupt SRAT: one node, reported, and not a failure. */
	test_reset();
	{
		static unsigned char bad[sizeof(pc_numa_srat)];

		memcpy(bad, pc_numa_srat, sizeof(bad));
		bad[9] ^= 0xff;	/* the checksum */
		in.srat = bad;
		load(qemu_pc_4G, ARRAY_SIZE(qemu_pc_4G));
		CHECK_INT(x86_memblock_setup(&p, &in, &res), 0);
		CHECK_INT(res.srat_err, -EBADMSG);
		CHECK_INT(res.nr_nodes, 0);
		CHECK_INT(res.nr_cpu_nodes, 0);
		CHECK_INT(res.nr_srat_mem, 0);
		test_log_clear();
		x86_setup_srat_log(&res);
		CHECK_INT(test_log_lines, 1);
		CHECK(test_log_find("ACPI: SRAT: cannot assign nodes (-74)") >= 0);
		CHECK_INT(memblock_get_region_node(&memblock.memory.regions[0]),
			  MAX_NUMNODES);
	}
}

/* Bad arguments: -EINVAL and memblock byte-for-byte as it was. */
static void bad_arguments(void)
{
	static struct memblock before;
	struct fw_setup_policy p = small_window;
	struct x86_setup_input in = real_pc_input();
	struct x86_setup_input in2;

	before = memblock;
	CHECK_INT(x86_memblock_setup(NULL, &in, &res), -EINVAL);
	CHECK_INT(x86_memblock_setup(&p, NULL, &res), -EINVAL);
	CHECK_INT(x86_memblock_setup(&p, &in, NULL), -EINVAL);
	in2 = in;
	in2.e820 = NULL;
	CHECK_INT(x86_memblock_setup(&p, &in2, &res), -EINVAL);
	in2 = in;
	in2.ranges = NULL;
	CHECK_INT(x86_memblock_setup(&p, &in2, &res), -EINVAL);
	in2 = in;
	in2.bios_start = SZ_1M + SZ_4K;
	CHECK_INT(x86_memblock_setup(&p, &in2, &res), -EINVAL);
	p.alloc_limit = 0;
	CHECK_INT(x86_memblock_setup(&p, &in, &res), -EINVAL);
	p = small_window;
	p.kernel_base = PHYS_ADDR_MAX - SZ_4K;
	p.kernel_size = 2 * SZ_4K;
	p.cmdline = "memblock=debug";
	CHECK_INT(x86_memblock_setup(&p, &in, &res), -EINVAL);
	CHECK(!memcmp(&before, &memblock, sizeof(before)));
	CHECK_INT(memblock_debug, 0);
	CHECK(!memblock_can_resize);
	/* The table was not sanitized either: still as reported. */
	CHECK_INT(tbl.nr_entries, ARRAY_SIZE(real_pc));
}

static const struct test_case cases[] = {
	TEST_CASE(real_pc_small_window),
	TEST_CASE(every_array_grows_inside),
	TEST_CASE(old_order_escapes_the_window),
	TEST_CASE(no_resize_policy),
	TEST_CASE(mem_limit_from_cmdline),
	TEST_CASE(memmap_from_cmdline),
	TEST_CASE(soft_reserved_and_pmem),
	TEST_CASE(srat_nodes),
	TEST_CASE(bad_arguments),
};

TAP_MAIN(cases)
