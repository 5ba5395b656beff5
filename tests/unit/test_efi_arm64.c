// SPDX-License-Identifier: BSD-2-Clause
/*
 * arm64 booted through UEFI (firmware/efi_arm64.c): the EFI map replaces
 * the DT's /memory (tests/fdt/reserved.dts says [1 GiB, 1.5 GiB); the map
 * says more), usable RAM is plain memory, memory that is not write-back
 * cacheable, runtime, NVS and unknown types are NOMAP, ACPI reclaim and
 * the map are reserved, MORE_RELIABLE is mirrored, and the DT's
 * /memreserve/ and /reserved-memory still apply (their dynamic regions
 * prefer the mirrored memory as every memblock allocation does); and
 * AAVMF's real map (tests/fixtures/efi_aavmf.h). The expected states are
 * written out from the maps and the .dts by hand.
 */
#include <firmware/efi_setup.h>
#include "harness.h"
#include "../fdt/dtb-load.h"
#include "../fixtures/efi_maps.h"
#include "../fixtures/efi_aavmf.h"

#define NOMAP		MEMBLOCK_NOMAP
#define MIRROR		MEMBLOCK_MIRROR
#define WINDOW		0x50000000ULL
#define IMAGE_BASE	0x5fe00000ULL
#define IMAGE_SIZE	0x200000ULL
#define DTB_PHYS	0x44000000ULL

static unsigned char buf[32 * EFI_FIX_DESC_SIZE];
static struct efi_memmap map;
static struct dt_scan_result res;
static struct efi_setup_result efi;

static const struct fw_setup_policy policy = {
	.alloc_limit = WINDOW,
	.allow_resize = true,
	.kernel_base = IMAGE_BASE,
	.kernel_size = IMAGE_SIZE,
};

/* Load and check a test tree with the scan's provider (fdt_api.h). */
static const void *open_dtb(const char *name, uint8_t **blob, uint32_t *total)
{
	size_t size;

	*blob = dtb_load(name, &size);
	CHECK_INT(fdt_check_full(*blob, size), 0);
	*total = fdt_totalsize(*blob);
	return *blob;
}

static void load(const struct efi_fix_md *md, size_t n, uint64_t phys)
{
	uint64_t size = efi_fix_write(buf, EFI_FIX_DESC_SIZE, md, n);

	CHECK_INT(efi_memmap_init(&map, buf, phys, size, EFI_FIX_DESC_SIZE, 1), 0);
}

static void uefi_map_replaces_memory_nodes(void)
{
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("reserved", &blob, &total);
	struct fw_setup_policy p = policy;

	p.cmdline = "kernelcore=mirror";	/* else nothing is mirrored */
	load(efi_arm, ARRAY_SIZE(efi_arm), EFI_ARM_MAP_PHYS);
	CHECK_INT(efi_dt_memblock_setup(dt, DTB_PHYS, 0, &p, &map, &res, &efi), 0);
	EXPECT_TYPE(&memblock.memory,
		    R(0x40000000, 0x100000),
		    RF(0x40100000, 0x100000, NOMAP),		/* DT secmon */
		    R(0x40200000, 0x1de00000),
		    RF(0x5e000000, 0xf00000, MIRROR),
		    RF(0x5ef00000, 0x100000, MIRROR | NOMAP),	/* DT dma-nomap */
		    RF(0x5f000000, 0x100000, NOMAP),		/* runtime data */
		    R(0x5f100000, 0x10000),			/* ACPI reclaim */
		    RF(0x5f110000, 0x10000, NOMAP),		/* ACPI NVS */
		    R(0x5f120000, 0xee0000),			/* to the image's end */
		    RF(0x60000000, 0x1000000, NOMAP),		/* write-through only */
		    RF(0x62000000, 0x10000, NOMAP));		/* OEM type */
	EXPECT_TYPE(&memblock.reserved,
		    R(DTB_PHYS, total),
		    R(EFI_ARM_MAP_PHYS, SZ_4K),		/* the map, in pages */
		    R(0x48000000, 0x10000),		/* /memreserve/ */
		    R(0x4a000000, 0x2000),		/* /memreserve/ */
		    R(0x4c000000, 0x100000),		/* ramoops */
		    R(0x4d000000, 0x1000),		/* two, entry 0 */
		    R(0x4e000000, 0x1000),		/* two, entry 1 */
		    R(0x52000000, 0x2000000),		/* linux,cma: no mirror there */
		    R(0x5ef00000, 0x100000),		/* dma-nomap */
		    R(0x5f100000, 0x10000),		/* ACPI reclaim */
		    R(IMAGE_BASE, IMAGE_SIZE));
	CHECK_INT(res.memory_ranges, 0);
	CHECK_INT(res.reserved_dynamic, 2);
	CHECK_INT(res.errors, 1);			/* toobig */
	CHECK_INT(efi.memory, 11);
	CHECK_INT(efi.nomap, 4);
	CHECK_INT(efi.mirrored, 1);
	CHECK_INT(efi.check.empty, 1);
	CHECK_INT(efi.check.unknown_type, 1);
	CHECK_INT(efi.check.unsorted, 1);	/* MMIO after 0x60000000 */
	CHECK_EQ(memblock_get_current_limit(), WINDOW);
	CHECK(memblock_can_resize);
	free(blob);
}

/*
 * Without kernelcore=mirror (the tree's /chosen has no bootargs): no
 * MIRROR flag, nothing counted (Linux 6.12), and no preference: the
 * dynamic dma-nomap (1 MiB, 1 MiB aligned) goes top-down to the highest
 * free MiB below the image, not into the mirrored range; the rest is as in
 * uefi_map_replaces_memory_nodes().
 */
static void mirror_needs_kernelcore(void)
{
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("reserved", &blob, &total);

	load(efi_arm, ARRAY_SIZE(efi_arm), EFI_ARM_MAP_PHYS);
	CHECK_INT(efi_dt_memblock_setup(dt, DTB_PHYS, 0, &policy, &map, &res, &efi), 0);
	EXPECT_TYPE(&memblock.memory,
		    R(0x40000000, 0x100000),
		    RF(0x40100000, 0x100000, NOMAP),		/* DT secmon */
		    R(0x40200000, 0x1ee00000),
		    RF(0x5f000000, 0x100000, NOMAP),		/* runtime data */
		    R(0x5f100000, 0x10000),			/* ACPI reclaim */
		    RF(0x5f110000, 0x10000, NOMAP),		/* ACPI NVS */
		    R(0x5f120000, 0xbe0000),
		    RF(0x5fd00000, 0x100000, NOMAP),		/* dma-nomap */
		    R(0x5fe00000, 0x200000),			/* the image */
		    RF(0x60000000, 0x1000000, NOMAP),		/* write-through only */
		    RF(0x62000000, 0x10000, NOMAP));		/* OEM type */
	EXPECT_TYPE(&memblock.reserved,
		    R(DTB_PHYS, total),
		    R(EFI_ARM_MAP_PHYS, SZ_4K),
		    R(0x48000000, 0x10000),
		    R(0x4a000000, 0x2000),
		    R(0x4c000000, 0x100000),
		    R(0x4d000000, 0x1000),
		    R(0x4e000000, 0x1000),
		    R(0x52000000, 0x2000000),		/* linux,cma */
		    R(0x5f100000, 0x10000),		/* ACPI reclaim */
		    R(0x5fd00000, 0x300000));		/* dma-nomap + image */
	CHECK(!memblock_has_mirror());
	CHECK_INT(efi.mirrored, 0);
	free(blob);
}

/* /chosen still applies: the initrd, and mem= from bootargs. */
static void chosen_still_applies(void)
{
	static const struct efi_fix_md ram[] = {
		{ EFI_CONVENTIONAL_MEMORY, 0x40000000, PG(0x80000000), WB },
	};
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("chosen", &blob, &total);
	struct fw_setup_policy p = policy;

	p.kernel_base = 0x40200000;
	load(ram, ARRAY_SIZE(ram), 0x40100000);
	CHECK_INT(efi_dt_memblock_setup(dt, DTB_PHYS, 0, &p, &map, &res, &efi), 0);
	/* mem=768M of the 2 GiB UEFI gives. */
	EXPECT_TYPE(&memblock.memory, R(0x40000000, 0x30000000));
	EXPECT_TYPE(&memblock.reserved,
		    R(0x40100000, SZ_4K), R(0x40200000, IMAGE_SIZE),
		    R(DTB_PHYS, total),
		    R(0x48000000, 0x201000));	/* initrd, in whole pages */
	CHECK(res.has_initrd);
	CHECK_INT(efi.memory, 1);
	CHECK_INT(efi.nomap, 0);
	free(blob);
}

/* No cacheable memory in the map: -ENOENT; bad arguments change nothing. */
static void no_memory_and_bad_arguments(void)
{
	static const struct efi_fix_md none[] = {
		{ EFI_MEMORY_MAPPED_IO, 0x09000000, PG(0x1000), EFI_MEMORY_UC },
		{ EFI_CONVENTIONAL_MEMORY, 0x40000000, 0, WB },
		{ EFI_CONVENTIONAL_MEMORY, 0x40000800, 1, WB },
		{ EFI_CONVENTIONAL_MEMORY, 0x48000000, PG(0x100000), WB | EFI_MEMORY_SP },
	};
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("reserved", &blob, &total);
	struct fw_setup_policy p = policy;
	struct memblock before = memblock;

	load(efi_arm, ARRAY_SIZE(efi_arm), EFI_ARM_MAP_PHYS);
	CHECK_INT(efi_dt_memblock_setup(NULL, DTB_PHYS, 0, &p, &map, &res, &efi), -EINVAL);
	CHECK_INT(efi_dt_memblock_setup(dt, DTB_PHYS, 0, NULL, &map, &res, &efi), -EINVAL);
	CHECK_INT(efi_dt_memblock_setup(dt, DTB_PHYS, 0, &p, NULL, &res, &efi), -EINVAL);
	CHECK_INT(efi_dt_memblock_setup(dt, DTB_PHYS, 0, &p, &map, NULL, &efi), -EINVAL);
	CHECK_INT(efi_dt_memblock_setup(dt, DTB_PHYS, 0, &p, &map, &res, NULL), -EINVAL);
	p.alloc_limit = 0;
	CHECK_INT(efi_dt_memblock_setup(dt, DTB_PHYS, 0, &p, &map, &res, &efi), -EINVAL);
	CHECK(!memcmp(&before, &memblock, sizeof(before)));

	load(none, ARRAY_SIZE(none), 0);
	CHECK_INT(efi_dt_memblock_setup(dt, DTB_PHYS, 0, &policy, &map, &res, &efi),
		  -ENOENT);
	EXPECT_EMPTY(&memblock.memory);
	EXPECT_EMPTY(&memblock.reserved);
	CHECK_INT(efi.memory, 0);
	free(blob);
}

/*
 * AAVMF's real map (QEMU virt, 256 MiB), with what the arm64 UEFI demo had
 * in use reserved first, as it does, and QEMU's own tree for virt (the
 * 128 MiB one: its /memory must not count) in place of AAVMF's copy.
 *
 * By hand: memory is every cacheable descriptor. The flash (MMIO, WC,
 * runtime) at [64 MiB, 128 MiB) is memory and NOMAP, as Linux makes it;
 * RAM is [1 GiB, 1.25 GiB), usable except the runtime code and data at
 * [0x4c440000, 0x4c730000) and [0x4fc00000, 0x4ffe0000), NOMAP; the
 * UART's page (UC only) is no memory. 27 descriptors are memory, 6 of
 * them NOMAP; the MMIO ones come after RAM (1 unsorted). Reserved: the
 * stack, page table and vector descriptors, the DTB, and the map's page
 * with the image right above it (one region). The tree has no
 * /memreserve/ and no /reserved-memory.
 */
static void aavmf_virt_256m(void)
{
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("qemu-virt-128m", &blob, &total);
	struct fw_setup_policy p = {
		.alloc_limit = MEMBLOCK_ALLOC_ANYWHERE,
		.allow_resize = true,
		.kernel_base = AAVMF_IMAGE_BASE,
		.kernel_size = AAVMF_IMAGE_SIZE,
	};

	load(efi_aavmf_virt_256m, ARRAY_SIZE(efi_aavmf_virt_256m), AAVMF_MAP_PHYS);
	CHECK_INT(map.nr, 28);
	for (size_t i = 0; i < ARRAY_SIZE(aavmf_in_use); i++)
		CHECK_INT(memblock_reserve(aavmf_in_use[i].base, aavmf_in_use[i].size), 0);
	CHECK_INT(efi_dt_memblock_setup(dt, AAVMF_DTB_PHYS, 0, &p, &map, &res, &efi), 0);
	EXPECT_TYPE(&memblock.memory,
		    RF(0x4000000, 0x4000000, NOMAP),		/* flash */
		    R(0x40000000, 0xc440000),
		    RF(0x4c440000, 0x2f0000, NOMAP),		/* runtime */
		    R(0x4c730000, 0x34d0000),
		    RF(0x4fc00000, 0x3e0000, NOMAP),		/* runtime */
		    R(0x4ffe0000, 0x20000));
	EXPECT_TYPE(&memblock.reserved,
		    R(0x4771a000, 0x21000),			/* stack */
		    R(AAVMF_DTB_PHYS, total),
		    R(0x47ffa000, 0x6000),			/* page table */
		    R(AAVMF_MAP_PHYS, SZ_4K + AAVMF_IMAGE_SIZE),	/* map, image */
		    R(0x4e733000, 0xef1000),			/* page tables */
		    R(0x4f817000, 0x3e9000));			/* vectors */
	CHECK_INT(res.memory_ranges, 0);
	CHECK_INT(efi.check.usable, 28);
	CHECK_INT(efi.check.overlaps, 0);
	CHECK_INT(efi.check.unsorted, 1);
	CHECK_INT(efi.memory, 27);
	CHECK_INT(efi.nomap, 6);
	CHECK_INT(efi.mirrored, 0);
	CHECK_EQ(memblock_phys_mem_size(), 0x14000000);
	free(blob);
}

static const struct test_case cases[] = {
	TEST_CASE(uefi_map_replaces_memory_nodes),
	TEST_CASE(mirror_needs_kernelcore),
	TEST_CASE(chosen_still_applies),
	TEST_CASE(no_memory_and_bad_arguments),
	TEST_CASE(aavmf_virt_256m),
};

TAP_MAIN(cases)
