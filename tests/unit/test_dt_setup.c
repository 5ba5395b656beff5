// SPDX-License-Identifier: BSD-2-Clause
/*
 * dt_memblock_setup(), the one device-tree boot sequence: the policy's
 * limit is memblock's before anything is allocated, the kernel image is
 * reserved before the DT's dynamic reservations (which must then go
 * around it), resizing happens only when the policy says so and grown
 * arrays stay below the limit, the policy's command line replaces
 * bootargs, and bad arguments change nothing.
 */
#include <firmware/dt_setup.h>
#include "harness.h"
#include "../fdt/dtb-load.h"

#define NOMAP		MEMBLOCK_NOMAP
#define WINDOW		0x50000000ULL	/* a 256 MiB mapped window at 1 GiB */
#define IMAGE_BASE	0x5fe00000ULL	/* the top 2 MiB of reserved.dts' memory */
#define IMAGE_SIZE	0x200000ULL

static struct dt_scan_result res;

/* Load and check a test tree with the scan's provider (fdt_api.h). */
static const void *open_dtb(const char *name, uint8_t **blob, uint32_t *total)
{
	size_t size;

	*blob = dtb_load(name, &size);
	CHECK_INT(fdt_check_full(*blob, size), 0);
	*total = fdt_totalsize(*blob);
	return *blob;
}

static const struct fw_setup_policy window_policy = {
	.alloc_limit = WINDOW,
	.allow_resize = true,
	.kernel_base = IMAGE_BASE,
	.kernel_size = IMAGE_SIZE,
};

/*
 * reserved.dts' dynamic no-map region (1 MiB, aligned to 1 MiB, anywhere)
 * would take the top of memory top-down: the image is there, reserved
 * first, so it goes just below it.
 */
static void image_before_dynamic_reservations(void)
{
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("reserved", &blob, &total);

	CHECK_INT(dt_memblock_setup(dt, 0x44000000, 0, &window_policy, &res), 0);
	CHECK_EQ(memblock_get_current_limit(), WINDOW);
	CHECK(memblock_can_resize);
	EXPECT_TYPE(&memblock.memory,
		    R(0x40000000, 0x100000),
		    RF(0x40100000, 0x100000, NOMAP),	/* secmon */
		    R(0x40200000, 0x1fb00000),
		    RF(0x5fd00000, 0x100000, NOMAP),	/* dma-nomap, below the image */
		    R(IMAGE_BASE, IMAGE_SIZE));
	EXPECT_TYPE(&memblock.reserved,
		    R(0x44000000, total),		/* the blob */
		    R(0x48000000, 0x10000),		/* /memreserve/ */
		    R(0x4a000000, 0x2000),		/* /memreserve/ */
		    R(0x4c000000, 0x100000),		/* ramoops */
		    R(0x4d000000, 0x1000),		/* two, entry 0 */
		    R(0x4e000000, 0x1000),		/* two, entry 1 */
		    R(0x52000000, 0x2000000),		/* linux,cma */
		    R(0x5fd00000, 0x100000 + IMAGE_SIZE)); /* dma-nomap + image */
	CHECK_INT(res.reserved_dynamic, 2);
	CHECK_INT(res.errors, 1);			/* toobig */
	free(blob);
}

/* After the sequence, a growing array stays inside the mapped window. */
static void growth_after_setup_stays_in_window(void)
{
	const struct memblock_region *static_reserved = memblock.reserved.regions;
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("reserved", &blob, &total);
	unsigned long long pa, bytes;

	CHECK_INT(dt_memblock_setup(dt, 0x44000000, 0, &window_policy, &res), 0);
	/* Page allocations with gaps: one region each, past 128. */
	for (int i = 0; i < 200; i++)
		CHECK(memblock_phys_alloc(SZ_4K, 2 * SZ_4K) != 0);
	CHECK(memblock.reserved.regions != static_reserved);
	pa = test_virt_to_phys(memblock.reserved.regions);
	bytes = memblock.reserved.max * sizeof(struct memblock_region);
	CHECK(pa + bytes <= WINDOW);
	CHECK(memblock_is_region_reserved(pa, bytes));
	free(blob);
}

static void resizing_is_the_policys(void)
{
	struct fw_setup_policy p = window_policy;
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("reserved", &blob, &total);

	p.allow_resize = false;
	CHECK_INT(dt_memblock_setup(dt, 0x44000000, 0, &p, &res), 0);
	CHECK(!memblock_can_resize);
	CHECK_EQ(memblock_get_current_limit(), WINDOW);
	free(blob);
}

/* The policy's command line replaces bootargs (mem=768M in chosen.dts). */
static void policy_cmdline_replaces_bootargs(void)
{
	struct fw_setup_policy p = {
		.alloc_limit = MEMBLOCK_ALLOC_ANYWHERE,
	};
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("chosen", &blob, &total);

	CHECK_INT(dt_memblock_setup(dt, 0x44000000, 0, &p, &res), 0);
	CHECK_EQ(res.mem_limit, 768 * SZ_1M);
	CHECK_INT(memblock_debug, 1);
	CHECK_STR(res.bootargs, "console=ttyAMA0 mem=768M memblock=debug");
	/* Step 8: the dump ends the sequence (memblock=debug only). */
	CHECK(test_log_ends_with_dump());	/* the sequence's last step */

	test_reset();
	p.cmdline = "mem=256M";
	CHECK_INT(dt_memblock_setup(dt, 0x44000000, 0, &p, &res), 0);
	CHECK_EQ(res.mem_limit, SZ_256M);
	CHECK_EQ(memblock_phys_mem_size(), SZ_256M);
	CHECK_INT(memblock_debug, 0);
	CHECK(test_log_find("MEMBLOCK configuration:") < 0);

	/* DT_SCAN_NO_CMDLINE: neither. */
	test_reset();
	CHECK_INT(dt_memblock_setup(dt, 0x44000000, DT_SCAN_NO_CMDLINE, &p, &res), 0);
	CHECK_EQ(res.mem_limit, 0);
	free(blob);
}

static void no_memory(void)
{
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("memory-badreg", &blob, &total);

	CHECK_INT(dt_memblock_setup(dt, 0x44000000, 0, &window_policy, &res),
		  -ENOENT);
	CHECK_INT(res.memory_ranges, 0);
	/* Stopped before the image and resizing. */
	CHECK(!memblock_can_resize);
	EXPECT_EMPTY(&memblock.reserved);
	free(blob);
}

static void bad_arguments(void)
{
	static struct memblock before;
	struct fw_setup_policy p = window_policy;
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("reserved", &blob, &total);

	before = memblock;
	CHECK_INT(dt_memblock_setup(NULL, 0, 0, &p, &res), -EINVAL);
	CHECK_INT(dt_memblock_setup(dt, 0, 0, NULL, &res), -EINVAL);
	CHECK_INT(dt_memblock_setup(dt, 0, 0, &p, NULL), -EINVAL);
	p.alloc_limit = 0;
	CHECK_INT(dt_memblock_setup(dt, 0, 0, &p, &res), -EINVAL);
	p = window_policy;
	p.kernel_base = PHYS_ADDR_MAX - SZ_4K;
	p.kernel_size = 2 * SZ_4K;
	CHECK_INT(dt_memblock_setup(dt, 0, 0, &p, &res), -EINVAL);
	CHECK(!memcmp(&before, &memblock, sizeof(before)));
	CHECK(!memblock_can_resize);
	free(blob);
}

/* ---- dt_numa_nodes(): the memory nodes' numa-node-id, memory from elsewhere ---- */

/* memblock byte for byte: struct memblock and its memory array. */
static struct memblock mb_before;
static struct memblock_region mem_before[INIT_MEMBLOCK_REGIONS];

static void mb_snap(void)
{
	mb_before = memblock;
	memcpy(mem_before, memblock.memory.regions, sizeof(mem_before));
}

static bool mb_same(void)
{
	return !memcmp(&mb_before, &memblock, sizeof(memblock)) &&
	       memblock.memory.max == INIT_MEMBLOCK_REGIONS &&
	       !memcmp(mem_before, memblock.memory.regions, sizeof(mem_before));
}

/*
 * QEMU virt's tree with two nodes of 512 MiB, memory from elsewhere (the
 * EFI map, one range): node 1's node listed first in the tree; ids are
 * the tree's, not its order. A tree without numa-node-id sets nothing.
 */
static void numa_nodes_from_tree(void)
{
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("qemu-virt-numa", &blob, &total);
	unsigned int nodes = 99;

	CHECK_INT(memblock_add(0x40000000, SZ_1G), 0);
	CHECK_INT(memblock_reserve(0x48000000, SZ_1M), 0);
	CHECK_INT(dt_numa_nodes(dt, &nodes), 0);
	CHECK_INT(nodes, 2);
	EXPECT_TYPE(&memblock.memory, RN(0x40000000, SZ_512M, 0),
		    RN(0x60000000, SZ_512M, 1));
	EXPECT_TYPE(&memblock.reserved, R(0x48000000, SZ_1M));
	free(blob);

	dt = open_dtb("reserved", &blob, &total);
	mb_snap();
	CHECK_INT(dt_numa_nodes(dt, &nodes), 0);
	CHECK_INT(nodes, 0);
	CHECK(mb_same());
	free(blob);
}

/* Bad input: an error code, memblock byte for byte unchanged. */
static void numa_nodes_bad_input(void)
{
	uint8_t *blob;
	uint32_t total;
	const void *dt = open_dtb("memory", &blob, &total);
	unsigned int nodes = 99;
	uint8_t *cells;
	int len;

	CHECK_INT(memblock_add(0x40000000, 4 * SZ_1G - 0x40000000), 0);
	mb_snap();
	CHECK_INT(dt_numa_nodes(NULL, &nodes), -EINVAL);
	CHECK_INT(dt_numa_nodes(dt, NULL), -EINVAL);
	/*
	 * memory@d0000000's numa-node-id is 200, not below MAX_NUMNODES:
	 * refused before memory@c0000000's node 0 (listed before it) is set.
	 */
	CHECK_INT(dt_numa_nodes(dt, &nodes), -ERANGE);
	CHECK(test_log_find("dt: memory@d0000000: numa-node-id 200: not below MAX_NUMNODES (64)") >= 0);
	CHECK(mb_same());
	CHECK_INT(nodes, 99);
	free(blob);

	/* A root #address-cells no 64-bit address holds: -EDOM. */
	dt = open_dtb("qemu-virt-numa", &blob, &total);
	cells = (uint8_t *)fdt_getprop(blob, 0, "#address-cells", &len);
	CHECK(cells && len == 4);
	cells[3] = 3;
	CHECK_INT(dt_numa_nodes(dt, &nodes), -EDOM);
	CHECK(mb_same());
	CHECK_INT(nodes, 99);
	free(blob);
}

static const struct test_case cases[] = {
	TEST_CASE(image_before_dynamic_reservations),
	TEST_CASE(growth_after_setup_stays_in_window),
	TEST_CASE(resizing_is_the_policys),
	TEST_CASE(policy_cmdline_replaces_bootargs),
	TEST_CASE(no_memory),
	TEST_CASE(bad_arguments),
	TEST_CASE(numa_nodes_from_tree),
	TEST_CASE(numa_nodes_bad_input),
};

TAP_MAIN(cases)
