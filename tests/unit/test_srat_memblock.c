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

/*
 * Regression (issue 12, defect 8): overlapping memory affinity ranges of
 * different domains were silently resolved (the later entry won). Linux's
 * NUMA init fails on them and the machine runs without NUMA: here the
 * call fails with -EBADMSG, a log line names both ranges, and neither
 * memblock nor the outputs change. Overlaps within one domain are fine.
 */
static void overlapping_domains_rejected(void)
{
	const struct acpi_mem_affinity a[] = {
		{ 0, SZ_2M, 0, false, false },
		{ SZ_2M, SZ_2M, 1, false, false },
		{ 3 * SZ_1M, SZ_2M, 2, true, false },
	};
	uint32_t pxm_before[8];
	struct memblock_region mem_before[4];

	CHECK_INT(memblock_add(0, 8 * SZ_1M), 0);
	CHECK_INT(memblock_add(16 * SZ_1M, SZ_1M), 0);
	memcpy(mem_before, memblock.memory.regions, sizeof(mem_before));
	for (int i = 0; i < 8; i++)
		pxm[i] = pxm_before[i] = 100 + (uint32_t)i;
	nodes = 99;
	test_log_clear();
	CHECK_INT(acpi_srat_memblock(a, 3, pxm, 8, &nodes), -EBADMSG);
	CHECK_INT(nodes, 99);
	CHECK(!memcmp(pxm, pxm_before, sizeof(pxm)));
	CHECK(!memcmp(mem_before, memblock.memory.regions, sizeof(mem_before)));
	EXPECT_TYPE(&memblock.memory, R(0, 8 * SZ_1M), R(16 * SZ_1M, SZ_1M));
	CHECK(test_log_find("SRAT: PXM 1 [mem 0x200000-0x3fffff] overlaps PXM 2 [mem 0x300000-0x4fffff]: NUMA configuration rejected") >= 0);

	/* Only touching: no overlap. */
	CHECK_INT(acpi_srat_memblock(a, 2, pxm, 8, &nodes), 0);
	CHECK_INT(nodes, 2);
}

static void overlap_within_a_domain_accepted(void)
{
	const struct acpi_mem_affinity a[] = {
		{ 0, SZ_2M, 5, false, false },
		{ SZ_1M, SZ_2M, 5, false, false },
		{ SZ_1M, 0, 6, false, false },	/* empty: overlaps nothing */
		{ 3 * SZ_1M, SZ_1M, 6, false, false },
	};

	CHECK_INT(memblock_add(0, 4 * SZ_1M), 0);
	CHECK_INT(acpi_srat_memblock(a, 4, pxm, 8, &nodes), 0);
	CHECK_INT(nodes, 2);
	EXPECT_TYPE(&memblock.memory, RN(0, 3 * SZ_1M, 0), RN(3 * SZ_1M, SZ_1M, 1));
}

static const struct test_case cases[] = {
	TEST_CASE(qemu_pc_4G_two_nodes),
	TEST_CASE(domains_numbered_by_appearance),
	TEST_CASE(hotplug_marked),
	TEST_CASE(uncovered_memory_keeps_no_node),
	TEST_CASE(too_many_domains_change_nothing),
	TEST_CASE(bad_input),
	TEST_CASE(overlapping_domains_rejected),
	TEST_CASE(overlap_within_a_domain_accepted),
};

TAP_MAIN(cases)
