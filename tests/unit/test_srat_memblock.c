// SPDX-License-Identifier: BSD-2-Clause
/*
 * acpi_srat_memblock(): the SRAT recorded from QEMU (pc, 4 GiB, two nodes)
 * applied to the e820 map recorded from the same machine, then node
 * numbering, hotplug, uncovered memory and bad input.
 */
#include "harness.h"
#include <firmware/acpi.h>
#include <firmware/e820.h>
#include "../fixtures/acpi_qemu.h"
#include "../fixtures/e820_qemu.h"

static uint32_t pxm[8];
static unsigned int nodes;

static void qemu_pc_4G_two_nodes(void)
{
	static struct e820_table t;
	struct acpi_mem_affinity a[8];
	unsigned int nr;

	memset(&t, 0, sizeof(t));
	for (size_t i = 0; i < ARRAY_SIZE(qemu_pc_4G); i++)
		CHECK_INT(e820_table_add(&t, qemu_pc_4G[i].addr, qemu_pc_4G[i].size,
					 qemu_pc_4G[i].type), 0);
	CHECK_INT(e820_sanitize(&t), 0);
	CHECK_INT(e820_memblock_setup(&t), 0);
	CHECK_INT(acpi_srat_memory(pc_numa_srat, sizeof(pc_numa_srat), a, 8, &nr), 0);
	CHECK_INT(acpi_srat_memblock(a, nr, pxm, 8, &nodes), 0);
	CHECK_INT(nodes, 2);
	CHECK_INT(pxm[0], 0);
	CHECK_INT(pxm[1], 1);
	if (PHYS_64)
		EXPECT_TYPE(&memblock.memory, RN(0, 0x9f000, 0),
			    RN(0x100000, 0x7ff00000, 0),
			    RN(0x80000000, 0x3ffe0000, 1),
			    RN(SZ_4G, SZ_1G, 1));
	else
		EXPECT_TYPE(&memblock.memory, RN(0, 0x9f000, 0),
			    RN(0x100000, 0x7ff00000, 0),
			    RN(0x80000000, 0x3ffe0000, 1));
	EXPECT_EMPTY(&memblock.reserved);
}

static void domains_numbered_by_appearance(void)
{
	const struct acpi_mem_affinity a[] = {
		{ 0, SZ_1M, 7, false, false },
		{ SZ_1M, SZ_1M, 3, false, false },
		{ SZ_2M, SZ_1M, 7, false, false },
	};

	CHECK_INT(memblock_add(0, 3 * SZ_1M), 0);
	CHECK_INT(acpi_srat_memblock(a, 3, pxm, 8, &nodes), 0);
	CHECK_INT(nodes, 2);
	CHECK_INT(pxm[0], 7);
	CHECK_INT(pxm[1], 3);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1M, 0), RN(SZ_1M, SZ_1M, 1),
		    RN(SZ_2M, SZ_1M, 0));
}

static void hotplug_marked(void)
{
	const struct acpi_mem_affinity a[] = {
		{ 0, SZ_16M, 0, false, false },
		{ SZ_16M, SZ_16M, 1, true, false },
	};

	CHECK_INT(memblock_add(0, 2 * SZ_16M), 0);
	CHECK_INT(acpi_srat_memblock(a, 2, pxm, 8, &nodes), 0);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_16M, 0),
		    RFN(SZ_16M, SZ_16M, MEMBLOCK_HOTPLUG, 1));
}

static void uncovered_memory_keeps_no_node(void)
{
	const struct acpi_mem_affinity a[] = { { SZ_1M, SZ_1M, 0, false, false } };

	CHECK_INT(memblock_add(0, 3 * SZ_1M), 0);
	CHECK_INT(acpi_srat_memblock(a, 1, pxm, 8, &nodes), 0);
	EXPECT_TYPE(&memblock.memory, R(0, SZ_1M), RN(SZ_1M, SZ_1M, 0),
		    R(SZ_2M, SZ_1M));
}

static void too_many_domains_change_nothing(void)
{
	const struct acpi_mem_affinity a[] = {
		{ 0, SZ_1M, 0, false, false }, { SZ_1M, SZ_1M, 1, false, false },
	};

	CHECK_INT(memblock_add(0, SZ_2M), 0);
	nodes = 99;
	CHECK_INT(acpi_srat_memblock(a, 2, pxm, 1, &nodes), -ENOSPC);
	CHECK_INT(nodes, 99);
	EXPECT_TYPE(&memblock.memory, R(0, SZ_2M));
}

static void bad_input(void)
{
	const struct acpi_mem_affinity a[] = { { 0, SZ_1M, 0, false, false } };

	CHECK_INT(acpi_srat_memblock(NULL, 1, pxm, 8, &nodes), -EINVAL);
	CHECK_INT(acpi_srat_memblock(a, 1, NULL, 8, &nodes), -EINVAL);
	CHECK_INT(acpi_srat_memblock(a, 1, pxm, 8, NULL), -EINVAL);
	CHECK_INT(acpi_srat_memblock(NULL, 0, pxm, 8, &nodes), 0);
	CHECK_INT(nodes, 0);
}

static const struct test_case cases[] = {
	TEST_CASE(qemu_pc_4G_two_nodes),
	TEST_CASE(domains_numbered_by_appearance),
	TEST_CASE(hotplug_marked),
	TEST_CASE(uncovered_memory_keeps_no_node),
	TEST_CASE(too_many_domains_change_nothing),
	TEST_CASE(bad_input),
};

TAP_MAIN(cases)
