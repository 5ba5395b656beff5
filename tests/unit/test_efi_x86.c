// SPDX-License-Identifier: BSD-2-Clause
/*
 * x86-64 booted through UEFI (firmware/efi_x86.c): every EFI type and
 * attribute becomes the e820 type Linux's EFI boot path gives it, the
 * table goes through x86_memblock_setup(), the map itself is reserved,
 * MORE_RELIABLE memory is MEMBLOCK_MIRROR with "kernelcore=mirror" on the
 * command line (and nothing is mirrored without it, Linux 6.12), and
 * memblock_alloc() takes mirrored memory first, then the rest with a
 * warning. Bad descriptors
 * are skipped, order does not matter, overlaps resolve as e820 does. The
 * expected states are written out from the synthetic map by hand, with
 * Linux 6.12's x86 policy (docs/design.md, "Linux version followed"):
 * trim_bios_range() makes page 0 reserved and removes RAM in [0xa0000,
 * 1 MiB) before e820__memblock_setup() feeds memblock; soft-reserved
 * memory is only reserved, persistent memory is not memory; physmem keeps
 * the firmware's sanitized map (before those edits).
 */
#include "harness.h"
#include <firmware/efi_setup.h>
#include "../fixtures/efi_maps.h"
#include "../fixtures/efi_ovmf.h"

#define MIRROR		MEMBLOCK_MIRROR
#define KERNEL_BASE	SZ_16M
#define KERNEL_SIZE	SZ_2M
#define SZ_512K		0x80000ULL

static unsigned char buf[(E820_MAX_ENTRIES + 1) * EFI_FIX_DESC_SIZE];
static uint8_t page_ram[1 << 20];	/* the 4 KiB pages below 4 GiB */
static struct efi_memmap map;
static struct e820_table tbl;
static struct x86_setup_result res;
static struct efi_setup_result efi;

static const struct fw_setup_policy pc_policy = {
	.cmdline = "kernelcore=mirror",
	.alloc_limit = SZ_1G,
	.allow_resize = true,
	.kernel_base = KERNEL_BASE,
	.kernel_size = KERNEL_SIZE,
};

static void load(const struct efi_fix_md *md, size_t n, uint64_t phys)
{
	uint64_t size = efi_fix_write(buf, EFI_FIX_DESC_SIZE, md, n);

	CHECK_INT(efi_memmap_init(&map, buf, phys, size, EFI_FIX_DESC_SIZE, 1), 0);
}

static int setup(const struct fw_setup_policy *p)
{
	struct x86_setup_input in = { .e820 = &tbl, .bios_start = 0x9f000 };

	return efi_x86_memblock_setup(p, &map, &in, &res, &efi);
}

static uint32_t e820_of(uint32_t type, uint64_t attr)
{
	struct efi_memory_desc md = {
		.type = type, .phys_start = 0, .num_pages = 1, .attribute = attr,
	};
	return efi_md_e820_type(&md);
}

static void type_conversion(void)
{
	static const uint32_t ram_types[] = {
		EFI_LOADER_CODE, EFI_LOADER_DATA, EFI_BOOT_SERVICES_CODE,
		EFI_BOOT_SERVICES_DATA, EFI_CONVENTIONAL_MEMORY,
	};
	static const uint32_t reserved_types[] = {
		EFI_RESERVED_MEMORY_TYPE, EFI_RUNTIME_SERVICES_CODE,
		EFI_RUNTIME_SERVICES_DATA, EFI_MEMORY_MAPPED_IO,
		EFI_MEMORY_MAPPED_IO_PORT_SPACE, EFI_PAL_CODE,
		EFI_UNACCEPTED_MEMORY, EFI_MAX_MEMORY_TYPE, 0x70000000,
		0xffffffff,
	};

	for (size_t i = 0; i < ARRAY_SIZE(ram_types); i++) {
		CHECK_INT(e820_of(ram_types[i], WB), E820_TYPE_RAM);
		CHECK_INT(e820_of(ram_types[i], CACHE | MR), E820_TYPE_RAM);
		CHECK_INT(e820_of(ram_types[i], EFI_MEMORY_UC | EFI_MEMORY_WT),
			  E820_TYPE_RESERVED);
		CHECK_INT(e820_of(ram_types[i], WB | EFI_MEMORY_SP),
			  E820_TYPE_SOFT_RESERVED);
	}
	for (size_t i = 0; i < ARRAY_SIZE(reserved_types); i++) {
		CHECK_INT(e820_of(reserved_types[i], WB), E820_TYPE_RESERVED);
		CHECK_INT(e820_of(reserved_types[i], WB | EFI_MEMORY_SP),
			  E820_TYPE_RESERVED);
	}
	CHECK_INT(e820_of(EFI_ACPI_RECLAIM_MEMORY, WB), E820_TYPE_ACPI);
	CHECK_INT(e820_of(EFI_ACPI_MEMORY_NVS, WB), E820_TYPE_NVS);
	CHECK_INT(e820_of(EFI_UNUSABLE_MEMORY, WB), E820_TYPE_UNUSABLE);
	CHECK_INT(e820_of(EFI_PERSISTENT_MEMORY, WB | EFI_MEMORY_NV), E820_TYPE_PMEM);
}

#define E(a, s, t)	{ (a), (s), (t) }
static const struct e820_entry pc_e820[] = {
	E(0x0, 0x9f000, E820_TYPE_RAM),
	E(0x100000, 0x2ff00000, E820_TYPE_RAM),	/* five descriptors */
	E(0x30000000, 0x100000, E820_TYPE_RESERVED),
	E(0x30100000, 0x10000, E820_TYPE_ACPI),
	E(0x30110000, 0x10000, E820_TYPE_NVS),
	E(0x30120000, 0xfde0000, E820_TYPE_RAM),
	E(0x3ff00000, 0x10000, E820_TYPE_UNUSABLE),
	E(0x3ff10000, 0xf0000, E820_TYPE_RESERVED),
	E(0xffc00000, 0x400000, E820_TYPE_RESERVED),
	E(0x100000000ULL, 0x40000000, E820_TYPE_RAM),
	E(0x140000000ULL, 0x40000000, E820_TYPE_SOFT_RESERVED),
	E(0x180000000ULL, 0x40000000, E820_TYPE_PMEM),
};

/*
 * pc_e820 after x86_memblock_setup() edited it in place, as Linux's
 * trim_bios_range() does: page 0 of the first RAM entry becomes reserved
 * (a separate entry: nothing reserved touches it); nothing is RAM in
 * [0xa0000, 1 MiB), so the hole removal changes nothing. 13 entries.
 */
static const struct e820_entry pc_e820_trimmed[] = {
	E(0x0, 0x1000, E820_TYPE_RESERVED),
	E(0x1000, 0x9e000, E820_TYPE_RAM),
	E(0x100000, 0x2ff00000, E820_TYPE_RAM),
	E(0x30000000, 0x100000, E820_TYPE_RESERVED),
	E(0x30100000, 0x10000, E820_TYPE_ACPI),
	E(0x30110000, 0x10000, E820_TYPE_NVS),
	E(0x30120000, 0xfde0000, E820_TYPE_RAM),
	E(0x3ff00000, 0x10000, E820_TYPE_UNUSABLE),
	E(0x3ff10000, 0xf0000, E820_TYPE_RESERVED),
	E(0xffc00000, 0x400000, E820_TYPE_RESERVED),
	E(0x100000000ULL, 0x40000000, E820_TYPE_RAM),
	E(0x140000000ULL, 0x40000000, E820_TYPE_SOFT_RESERVED),
	E(0x180000000ULL, 0x40000000, E820_TYPE_PMEM),
};

static void check_e820(const struct e820_entry *want, size_t n)
{
	CHECK_INT(tbl.nr_entries, n);
	for (size_t i = 0; i < n && i < tbl.nr_entries; i++) {
		CHECK_EQ(tbl.entries[i].addr, want[i].addr);
		CHECK_EQ(tbl.entries[i].size, want[i].size);
		CHECK_INT(tbl.entries[i].type, want[i].type);
	}
}

static void pc_table(void)
{
	load(efi_pc, ARRAY_SIZE(efi_pc), EFI_PC_MAP_PHYS);
	CHECK_INT(efi_to_e820(&map, &tbl), 0);
	check_e820(pc_e820, ARRAY_SIZE(pc_e820));
	CHECK_INT(efi_to_e820(NULL, &tbl), -EINVAL);
	CHECK_INT(efi_to_e820(&map, NULL), -EINVAL);
}

/*
 * The exact memblock state of efi_pc[] (what phys_addr_t can hold), from
 * pc_e820_trimmed:
 * - memory: its RAM entries, page 0 left out ([0x1000, 0x9f000), not 0);
 *   soft-reserved [5 GiB, 6 GiB) and pmem [6 GiB, 7 GiB) are not memory;
 *   the two MORE_RELIABLE descriptors ([512 MiB, +2 MiB) inside the big
 *   RAM entry, [4 GiB, 5 GiB) whole) split out as MEMBLOCK_MIRROR.
 * - reserved: the first 64 KiB (Linux's early_reserve_memory()), the map
 *   (16 descriptors of 48 bytes at 0x80000), the BIOS area from
 *   bios_start 0x9f000 to 1 MiB, the kernel image, and the soft-reserved
 *   range (e820__memblock_setup() reserves it).
 * - physmem: the firmware's RAM as sanitized, page 0 included: four
 *   ranges, exactly INIT_PHYSMEM_REGIONS (4), so no array grows and no
 *   page is allocated for one.
 * With a 32-bit phys_addr_t nothing above 4 GiB exists: three RAM ranges,
 * one mirror mark (efi.mirrored counts descriptors marked).
 */
static void expect_pc_state(void)
{
	if (PHYS_64) {
		EXPECT_TYPE(&memblock.memory,
			    R(0x1000, 0x9e000), R(0x100000, 0x1ff00000),
			    RF(0x20000000, 0x200000, MIRROR),
			    R(0x20200000, 0xfe00000), R(0x30120000, 0xfde0000),
			    RF(0x100000000ULL, 0x40000000, MIRROR));
		EXPECT_TYPE(&memblock.reserved,
			    R(0x0, 0x10000),
			    R(EFI_PC_MAP_PHYS, 16 * EFI_FIX_DESC_SIZE),
			    R(0x9f000, 0x61000), R(KERNEL_BASE, KERNEL_SIZE),
			    R(0x140000000ULL, 0x40000000));
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		EXPECT_TYPE(&memblock.physmem,
			    R(0x0, 0x9f000), R(0x100000, 0x2ff00000),
			    R(0x30120000, 0xfde0000),
			    R(0x100000000ULL, 0x40000000));
#endif
	} else {
		EXPECT_TYPE(&memblock.memory,
			    R(0x1000, 0x9e000), R(0x100000, 0x1ff00000),
			    RF(0x20000000, 0x200000, MIRROR),
			    R(0x20200000, 0xfe00000), R(0x30120000, 0xfde0000));
		EXPECT_TYPE(&memblock.reserved,
			    R(0x0, 0x10000),
			    R(EFI_PC_MAP_PHYS, 16 * EFI_FIX_DESC_SIZE),
			    R(0x9f000, 0x61000), R(KERNEL_BASE, KERNEL_SIZE));
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
		EXPECT_TYPE(&memblock.physmem,
			    R(0x0, 0x9f000), R(0x100000, 0x2ff00000),
			    R(0x30120000, 0xfde0000));
#endif
	}
}

static void pc_state(void)
{
	load(efi_pc, ARRAY_SIZE(efi_pc), EFI_PC_MAP_PHYS);
	CHECK_INT(setup(&pc_policy), 0);
	expect_pc_state();
	CHECK_EQ(memblock_get_current_limit(), SZ_1G);
	CHECK(memblock_can_resize);
	CHECK_INT(efi.e820_entries, 12);
	CHECK_INT(efi.mirrored, PHYS_64 ? 2 : 1);
	CHECK_INT(efi.check.usable, 16);
	/* The table was sanitized and trimmed in place: 13 entries. */
	check_e820(pc_e820_trimmed, ARRAY_SIZE(pc_e820_trimmed));
}

/*
 * Mirrored memory first (top-down below the 1 GiB limit), then the rest.
 * The only mirrored memory below the limit is [0x20000000, 0x20200000),
 * all free (nothing allocated: physmem did not grow): 512 KiB from its
 * top, 1 MiB under that, leaving 512 KiB mirrored. The third request
 * falls back to all memory: the top of [0x30120000, 0x3ff00000).
 */
static void mirror_first_then_fallback(void)
{
	void *a, *b, *c;

	load(efi_pc, ARRAY_SIZE(efi_pc), EFI_PC_MAP_PHYS);
	CHECK_INT(setup(&pc_policy), 0);
	test_log_clear();
	a = memblock_alloc(SZ_512K, SZ_4K);
	b = memblock_alloc(SZ_1M, SZ_4K);
	CHECK_EQ(test_virt_to_phys(a), 0x20200000 - SZ_512K);
	CHECK_EQ(test_virt_to_phys(b), 0x20200000 - SZ_512K - SZ_1M);
	CHECK_INT(test_log_find("mirrored"), -1);
	/* Less than 1 MiB of mirrored memory is left: fall back, warn. */
	c = memblock_alloc(SZ_1M, SZ_4K);
	CHECK_EQ(test_virt_to_phys(c), 0x3fe00000);
	CHECK(test_log_find("Could not allocate") >= 0);
	CHECK(test_log_find("mirrored memory") >= 0);
	/* Bottom-up, the lowest free mirrored page: the range's base. */
	memblock_set_bottom_up(true);
	test_kernel_end = KERNEL_BASE + KERNEL_SIZE;
	CHECK_EQ(memblock_phys_alloc(SZ_64K, SZ_4K), 0x20000000);
	memblock_set_bottom_up(false);
	/* Above 4 GiB, an explicit range finds the big mirrored range. */
	if (PHYS_64)
		CHECK_EQ(memblock_phys_alloc_range(SZ_1M, SZ_4K, 0,
						   MEMBLOCK_ALLOC_ANYWHERE),
			 0x13ff00000ULL);
}

/*
 * Without kernelcore=mirror (Linux 6.12's memblock_mark_mirror() returns
 * at once): no MIRROR flag, nothing counted, no preference. Memory is
 * expect_pc_state()'s with the mirrored pieces merged back.
 */
static void mirror_needs_kernelcore(void)
{
	struct fw_setup_policy p = pc_policy;

	p.cmdline = NULL;
	load(efi_pc, ARRAY_SIZE(efi_pc), EFI_PC_MAP_PHYS);
	CHECK_INT(setup(&p), 0);
	CHECK(!mirrored_kernelcore);
	CHECK(!memblock_has_mirror());
	CHECK_INT(efi.mirrored, 0);
	if (PHYS_64)
		EXPECT_TYPE(&memblock.memory,
			    R(0x1000, 0x9e000), R(0x100000, 0x2ff00000),
			    R(0x30120000, 0xfde0000),
			    R(0x100000000ULL, 0x40000000));
	else
		EXPECT_TYPE(&memblock.memory,
			    R(0x1000, 0x9e000), R(0x100000, 0x2ff00000),
			    R(0x30120000, 0xfde0000));
	/* Top-down below the 1 GiB limit, wherever that is. */
	test_log_clear();
	CHECK_EQ(test_virt_to_phys(memblock_alloc(SZ_512K, SZ_4K)),
		 0x3ff00000 - SZ_512K);
	CHECK_INT(test_log_find("mirrored"), -1);
}

/* Reversed and shuffled descriptors: the same state. */
static void order_does_not_matter(void)
{
	struct efi_fix_md rev[ARRAY_SIZE(efi_pc)];
	size_t n = ARRAY_SIZE(efi_pc);

	for (size_t i = 0; i < n; i++)
		rev[i] = efi_pc[n - 1 - i];
	load(rev, n, EFI_PC_MAP_PHYS);
	CHECK_INT(setup(&pc_policy), 0);
	expect_pc_state();
	CHECK_INT(efi.check.unsorted, 15);
	/* Unmerged (map order is not address order), then as pc_state. */
	CHECK_INT(efi.e820_entries, 16);
	check_e820(pc_e820_trimmed, ARRAY_SIZE(pc_e820_trimmed));
}

/*
 * Bad descriptors among good ones: skipped (empty, misaligned, wrapping);
 * unknown types reserved; a runtime range overlapping RAM takes it.
 * e820 before the trim: RAM [0, 0x9f000); the mirrored RAM [1 MiB,
 * 128 MiB) with reserved [32 MiB, +1 MiB) (runtime) and [96 MiB, +1 MiB)
 * (unknown type) cut out of it (the higher type wins an overlap), its
 * last piece merged with the plain RAM [128 MiB, 256 MiB). The trim takes
 * page 0 (memory starts at 0x1000); nothing is RAM in [0xa0000, 1 MiB).
 * The mirror mark covers the three pieces below 128 MiB only. Reserved:
 * 64 KiB at 0, the map (8 * 48 bytes at 0x60000), [0x9f000, 1 MiB), the
 * kernel. Physmem's four RAM ranges fit its static array: nothing grows.
 */
static void bad_descriptors(void)
{
	static const struct efi_fix_md bad[] = {
		{ EFI_CONVENTIONAL_MEMORY, 0x0, PG(0x9f000), WB },
		{ EFI_CONVENTIONAL_MEMORY, 0x100000, PG(0x7f00000), WB | MR },
		{ EFI_RUNTIME_SERVICES_CODE, 0x2000000, PG(0x100000), WB | RT },
		{ EFI_CONVENTIONAL_MEMORY, 0x10000000, 0, WB },
		{ EFI_CONVENTIONAL_MEMORY, 0x10000800, PG(0x100000), WB },
		{ EFI_CONVENTIONAL_MEMORY, 0xfffffffffff00000ULL, PG(0x200000), WB },
		{ 0x70000000, 0x6000000, PG(0x100000), WB },
		{ EFI_CONVENTIONAL_MEMORY, 0x8000000, PG(0x8000000), WB },
	};

	load(bad, ARRAY_SIZE(bad), 0x60000);
	CHECK_INT(setup(&pc_policy), 0);
	CHECK_INT(efi.check.empty, 1);
	CHECK_INT(efi.check.misaligned, 1);
	CHECK_INT(efi.check.wrapping, 1);
	CHECK_INT(efi.check.unknown_type, 1);
	CHECK_INT(efi.check.overlaps, 2);
	EXPECT_TYPE(&memblock.memory,
		    R(0x1000, 0x9e000),
		    RF(0x100000, 0x1f00000, MIRROR),
		    RF(0x2100000, 0x3f00000, MIRROR),
		    RF(0x6100000, 0x1f00000, MIRROR),
		    R(0x8000000, 0x8000000));
	EXPECT_TYPE(&memblock.reserved,
		    R(0x0, 0x10000), R(0x60000, 8 * EFI_FIX_DESC_SIZE),
		    R(0x9f000, 0x61000), R(KERNEL_BASE, KERNEL_SIZE));
}

/*
 * RAM reported in the BIOS hole (firmware lists [0xa0000, 0xc0000) as
 * boot-services data), everything mirrored. efi_to_e820() merges the
 * first two into RAM [0, 0xc0000), then reserved [0xc0000, 1 MiB) and RAM
 * [1 MiB, 32 MiB). trim_bios_range(): page 0 becomes reserved, RAM in
 * [0xa0000, 1 MiB) is removed (no entry is left there), so memory is
 * [0x1000, 0xa0000) and [1 MiB, 32 MiB). The mirror marks (all three
 * MORE_RELIABLE descriptors counted) only flag memory that exists, so the
 * hole and page 0 do not come back. physmem keeps the firmware's RAM:
 * [0, 0xc0000) and [1 MiB, 32 MiB).
 */
static void bios_hole_trimmed(void)
{
	static const struct efi_fix_md hole[] = {
		{ EFI_CONVENTIONAL_MEMORY, 0x0, PG(0xa0000), WB | MR },
		{ EFI_BOOT_SERVICES_DATA, 0xa0000, PG(0x20000), WB | MR },
		{ EFI_RESERVED_MEMORY_TYPE, 0xc0000, PG(0x40000), WB },
		{ EFI_CONVENTIONAL_MEMORY, 0x100000, PG(0x1f00000), WB | MR },
	};
	static const struct e820_entry want[] = {
		E(0x0, 0x1000, E820_TYPE_RESERVED),
		E(0x1000, 0x9f000, E820_TYPE_RAM),
		E(0xc0000, 0x40000, E820_TYPE_RESERVED),
		E(0x100000, 0x1f00000, E820_TYPE_RAM),
	};

	load(hole, ARRAY_SIZE(hole), 0x1800000);
	CHECK_INT(setup(&pc_policy), 0);
	CHECK_INT(efi.e820_entries, 3);
	CHECK_INT(efi.mirrored, 3);
	check_e820(want, ARRAY_SIZE(want));
	EXPECT_TYPE(&memblock.memory, RF(0x1000, 0x9f000, MIRROR),
		    RF(0x100000, 0x1f00000, MIRROR));
	EXPECT_TYPE(&memblock.reserved, R(0x0, 0x10000), R(0x9f000, 0x61000),
		    R(KERNEL_BASE, KERNEL_SIZE),
		    R(0x1800000, 4 * EFI_FIX_DESC_SIZE));
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	EXPECT_TYPE(&memblock.physmem, R(0x0, 0xc0000), R(0x100000, 0x1f00000));
#endif
}

/* More e820 entries than a table holds: -ENOSPC, memblock untouched. */
static void too_many_entries(void)
{
	static struct efi_fix_md many[E820_MAX_ENTRIES + 1];
	struct memblock before = memblock;

	for (size_t i = 0; i < ARRAY_SIZE(many); i++) {
		many[i].type = i & 1 ? EFI_ACPI_MEMORY_NVS : EFI_CONVENTIONAL_MEMORY;
		many[i].phys = 0x100000 + i * SZ_4K;
		many[i].pages = 1;
		many[i].attr = WB;
	}
	/* Soft-reserved neighbours are never merged: 129 entries too. */
	load(many, ARRAY_SIZE(many), 0);
	CHECK_INT(setup(&pc_policy), -ENOSPC);
	CHECK(!memcmp(&before, &memblock, sizeof(before)));
	for (size_t i = 0; i < ARRAY_SIZE(many); i++) {
		many[i].type = EFI_CONVENTIONAL_MEMORY;
		many[i].attr = WB | EFI_MEMORY_SP;
	}
	load(many, ARRAY_SIZE(many), 0);
	CHECK_INT(efi_to_e820(&map, &tbl), -ENOSPC);
	CHECK_INT(tbl.nr_entries, E820_MAX_ENTRIES);
	/* Plain neighbours merge into one. */
	for (size_t i = 0; i < ARRAY_SIZE(many); i++)
		many[i].attr = WB;
	load(many, ARRAY_SIZE(many), 0);
	CHECK_INT(efi_to_e820(&map, &tbl), 0);
	CHECK_INT(tbl.nr_entries, 1);
	CHECK_EQ(tbl.entries[0].size, ARRAY_SIZE(many) * SZ_4K);
}

static int hook(const void *ctx)
{
	(void)ctx;
	return 0;
}

static void bad_arguments(void)
{
	struct x86_setup_input in = { .e820 = &tbl, .bios_start = 0x9f000 };
	struct memblock before = memblock;

	load(efi_pc, ARRAY_SIZE(efi_pc), EFI_PC_MAP_PHYS);
	CHECK_INT(efi_x86_memblock_setup(NULL, &map, &in, &res, &efi), -EINVAL);
	CHECK_INT(efi_x86_memblock_setup(&pc_policy, NULL, &in, &res, &efi), -EINVAL);
	CHECK_INT(efi_x86_memblock_setup(&pc_policy, &map, NULL, &res, &efi), -EINVAL);
	CHECK_INT(efi_x86_memblock_setup(&pc_policy, &map, &in, NULL, &efi), -EINVAL);
	CHECK_INT(efi_x86_memblock_setup(&pc_policy, &map, &in, &res, NULL), -EINVAL);
	in.after_memory = hook;
	CHECK_INT(efi_x86_memblock_setup(&pc_policy, &map, &in, &res, &efi), -EINVAL);
	in.after_memory = NULL;
	in.e820 = NULL;
	CHECK_INT(efi_x86_memblock_setup(&pc_policy, &map, &in, &res, &efi), -EINVAL);
	CHECK(!memcmp(&before, &memblock, sizeof(before)));
	CHECK_INT(efi_memblock_mark_mirror(NULL, NULL), -EINVAL);
}

/*
 * A map that is not in the machine's memory is not reserved. efi_pc's
 * first two descriptors: RAM [0, 0x9f000) less page 0, RAM [1 MiB, 8 MiB).
 */
static void map_not_in_memory(void)
{
	load(efi_pc, 2, EFI_MAP_PHYS_NONE);
	CHECK_INT(setup(&pc_policy), 0);
	EXPECT_TYPE(&memblock.memory, R(0x1000, 0x9e000), R(0x100000, 0x700000));
	EXPECT_TYPE(&memblock.reserved, R(0x0, 0x10000), R(0x9f000, 0x61000),
		    R(KERNEL_BASE, KERNEL_SIZE));
	CHECK_INT(efi.mirrored, 0);
}

/*
 * The oracle for a real map: Linux's rule page by page. A page is RAM in
 * the firmware's map when a write-back loader, boot-services or
 * conventional descriptor (not special purpose) covers it and no
 * descriptor of any other kind does (an overlap goes to the higher e820
 * type, and RAM is the lowest). physmem is the runs of those pages;
 * memory is the same runs after trim_bios_range(): page 0 and the pages
 * in [0xa0000, 1 MiB) are never RAM.
 */
static bool ram_kind(const struct efi_fix_md *md)
{
	switch (md->type) {
	case EFI_LOADER_CODE: case EFI_LOADER_DATA:
	case EFI_BOOT_SERVICES_CODE: case EFI_BOOT_SERVICES_DATA:
	case EFI_CONVENTIONAL_MEMORY:
		return (md->attr & WB) && !(md->attr & EFI_MEMORY_SP);
	default:
		return false;
	}
}

static void firmware_ram_pages(const struct efi_fix_md *md, size_t n)
{
	memset(page_ram, 0, sizeof(page_ram));
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < n; k++)
			for (uint64_t p = 0; p < md[k].pages; p++) {
				uint64_t pfn = (md[k].phys >> 12) + p;

				if (pfn >= ARRAY_SIZE(page_ram))
					break;
				if (pass == 0 && ram_kind(&md[k]))
					page_ram[pfn] = 1;
				else if (pass == 1 && !ram_kind(&md[k]))
					page_ram[pfn] = 0;
			}
}

/* @t holds exactly the runs of page_ram, flags MEMBLOCK_NONE. */
static void expect_runs(const struct memblock_type *t)
{
	unsigned long i = 0, r = 0;

	while (i < ARRAY_SIZE(page_ram)) {
		unsigned long start;

		if (!page_ram[i]) {
			i++;
			continue;
		}
		for (start = i; i < ARRAY_SIZE(page_ram) && page_ram[i]; i++)
			;
		if (r >= t->cnt) {
			tap_fail(__FILE__, __LINE__, "%s: RAM [%#lx-%#lx) missing",
				 t->name, start << 12, i << 12);
			return;
		}
		CHECK_EQ(t->regions[r].base, (unsigned long long)start << 12);
		CHECK_EQ(t->regions[r].size, (unsigned long long)(i - start) << 12);
		CHECK_INT(t->regions[r].flags, MEMBLOCK_NONE);
		r++;
	}
	CHECK_INT(t->cnt, r);
}

static void expect_memory_is_ram_pages(const struct efi_fix_md *md, size_t n)
{
	firmware_ram_pages(md, n);
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	expect_runs(&memblock.physmem);
#endif
	page_ram[0] = 0;
	for (unsigned long pfn = 0xa0; pfn < 0x100; pfn++)
		page_ram[pfn] = 0;
	expect_runs(&memblock.memory);
}

/*
 * OVMF's real map (q35, 256 MiB), with what the UEFI demo had in use: the
 * memory and physmem Linux's rule gives (the oracle above, and written
 * out), and exactly the reservations (low memory, the image, the map's
 * 124 * 48 bytes, the IDT, GDT and stack descriptors, and physmem's grown
 * array: six RAM ranges, four static entries, top-down from the highest
 * free page below the limit).
 *
 * By hand: RAM runs in the firmware's map are [0, 0xa0000) (boot code
 * page 0, conventional after it), [1 MiB, 0x806000), [0x808000,
 * 0x810000) between ACPI NVS, [0x900000, 0xeaa0000) up to runtime data,
 * [0xeba2000, 0xf4ec000) up to runtime data, [0xf7fe000, 0xfef4000) up to
 * runtime data; [0xb0000000, +256 MiB) and the flash are reserved. The
 * first run ends at 0xa0000, so the BIOS hole removal changes nothing and
 * only page 0 leaves memory. The highest free page below the 4 GiB limit
 * is the one under the runtime data at 0xfef4000 (the stack ends at
 * 0xfea1000): physmem's grown array.
 */
static void ovmf_q35_256m(void)
{
	struct fw_setup_policy p = pc_policy;
	struct x86_setup_input in = {
		.e820 = &tbl, .bios_start = 0x9f000, .ranges = ovmf_in_use,
		.nr_ranges = ARRAY_SIZE(ovmf_in_use),
	};

	p.alloc_limit = SZ_4G - 1;
	p.kernel_base = OVMF_IMAGE_BASE;
	p.kernel_size = OVMF_IMAGE_SIZE;
	load(efi_ovmf_q35_256m, ARRAY_SIZE(efi_ovmf_q35_256m), OVMF_MAP_PHYS);
	CHECK_INT(map.nr, 124);
	CHECK_INT(efi_x86_memblock_setup(&p, &map, &in, &res, &efi), 0);
	CHECK_INT(efi.check.usable, 124);
	CHECK_INT(efi.check.overlaps + efi.check.unsorted, 0);
	CHECK_INT(efi.mirrored, 0);
	expect_memory_is_ram_pages(efi_ovmf_q35_256m, ARRAY_SIZE(efi_ovmf_q35_256m));
	EXPECT_TYPE(&memblock.memory,
		    R(0x1000, 0x9f000), R(0x100000, 0x706000), R(0x808000, 0x8000),
		    R(0x900000, 0xe1a0000), R(0xeba2000, 0x94a000),
		    R(0xf7fe000, 0x6f6000));
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	EXPECT_TYPE(&memblock.physmem,
		    R(0x0, 0xa0000), R(0x100000, 0x706000), R(0x808000, 0x8000),
		    R(0x900000, 0xe1a0000), R(0xeba2000, 0x94a000),
		    R(0xf7fe000, 0x6f6000));
#endif
	EXPECT_TYPE(&memblock.reserved,
		    R(0x0, 0x10000), R(0x9f000, 0x61000),
		    R(OVMF_IMAGE_BASE, OVMF_IMAGE_SIZE),
		    R(OVMF_MAP_PHYS, 124 * 48),
		    R(0xf07b000, 0x2000), R(0xf4ec000, 0x100000),
		    R(0xfe81000, 0x20000), R(0xfef3000, SZ_4K));
}

static const struct test_case cases[] = {
	TEST_CASE(type_conversion),
	TEST_CASE(pc_table),
	TEST_CASE(pc_state),
	TEST_CASE(mirror_first_then_fallback),
	TEST_CASE(mirror_needs_kernelcore),
	TEST_CASE(order_does_not_matter),
	TEST_CASE(bad_descriptors),
	TEST_CASE(bios_hole_trimmed),
	TEST_CASE(too_many_entries),
	TEST_CASE(bad_arguments),
	TEST_CASE(map_not_in_memory),
	TEST_CASE(ovmf_q35_256m),
};

TAP_MAIN(cases)
