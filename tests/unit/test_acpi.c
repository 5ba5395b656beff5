// SPDX-License-Identifier: BSD-2-Clause
/*
 * ACPI discovery and SRAT parsing on tables recorded from QEMU (pc, two
 * NUMA nodes), then on corrupted copies: bad checksums, truncated and
 * malformed entries, unmappable pointers, and an XSDT built from the
 * recorded tables.
 */
#include "harness.h"
#include <firmware/acpi.h>
#include "../fixtures/acpi_qemu.h"

/* Physical memory for the tests: writable copies of the tables. */
#define MAX_BLOBS	12
static struct blob {
	uint64_t pa;
	uint8_t data[1024];
	size_t len;
} mem[MAX_BLOBS];
static unsigned int nr_mem;

static const void *test_map(void *ctx, uint64_t pa, uint64_t len)
{
	(void)ctx;
	for (unsigned int i = 0; i < nr_mem; i++)
		if (pa >= mem[i].pa && pa - mem[i].pa <= mem[i].len &&
		    len <= mem[i].len - (pa - mem[i].pa))
			return mem[i].data + (pa - mem[i].pa);
	return NULL;
}

static const struct acpi_mapper mapper = { test_map, NULL };

static struct blob *add_blob(uint64_t pa, const void *data, size_t len)
{
	struct blob *b = &mem[nr_mem++];

	b->pa = pa;
	b->len = len;
	memset(b->data, 0, sizeof(b->data));
	if (data)
		memcpy(b->data, data, len);
	return b;
}

static void load_qemu(void)
{
	nr_mem = 0;
	for (size_t i = 0; i < ARRAY_SIZE(pc_numa_tables); i++)
		add_blob(pc_numa_tables[i].pa, pc_numa_tables[i].data,
			 pc_numa_tables[i].len);
}

static struct blob *find_blob(const char *sig)
{
	for (unsigned int i = 0; i < nr_mem; i++)
		if (!memcmp(mem[i].data, sig, 4))
			return &mem[i];
	return NULL;
}

/* Make a table's checksum right again after editing it. */
static void fix_checksum(uint8_t *t, size_t len, size_t at)
{
	uint8_t sum = 0;

	t[at] = 0;
	for (size_t i = 0; i < len; i++)
		sum = (uint8_t)(sum + t[i]);
	t[at] = (uint8_t)-sum;
}

static void recorded_checksums(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(pc_numa_tables); i++)
		CHECK(acpi_checksum_ok(pc_numa_tables[i].data, pc_numa_tables[i].len));
	CHECK(acpi_checksum_ok(NULL, 0));
}

static void rsdp_validation(void)
{
	uint8_t r[ACPI_RSDP_V2_SIZE];

	memcpy(r, pc_numa_rsdp, ACPI_RSDP_V1_SIZE);
	CHECK_INT(acpi_rsdp_valid(r, ACPI_RSDP_V1_SIZE), 0);
	CHECK_INT(acpi_rsdp_valid(r, ACPI_RSDP_V1_SIZE - 1), -EINVAL);
	CHECK_INT(acpi_rsdp_valid(NULL, 36), -EINVAL);
	r[9] ^= 1;			/* OEM id: breaks the checksum */
	CHECK_INT(acpi_rsdp_valid(r, ACPI_RSDP_V1_SIZE), -EBADMSG);
	r[9] ^= 1;
	r[0] = 'X';
	CHECK_INT(acpi_rsdp_valid(r, ACPI_RSDP_V1_SIZE), -ENOENT);
	r[0] = 'R';

	/* Revision 2: length and extended checksum. */
	r[15] = 2;
	fix_checksum(r, ACPI_RSDP_V1_SIZE, 8);
	CHECK_INT(acpi_rsdp_valid(r, ACPI_RSDP_V1_SIZE), -EINVAL);
	memset(r + 20, 0, 16);
	r[20] = ACPI_RSDP_V2_SIZE;
	fix_checksum(r, ACPI_RSDP_V2_SIZE, 32);
	CHECK_INT(acpi_rsdp_valid(r, ACPI_RSDP_V2_SIZE), 0);
	r[33] = 1;
	CHECK_INT(acpi_rsdp_valid(r, ACPI_RSDP_V2_SIZE), -EBADMSG);
	r[33] = 0;
	r[20] = 200;			/* longer than what is readable */
	CHECK_INT(acpi_rsdp_valid(r, ACPI_RSDP_V2_SIZE), -EBADMSG);
}

static void rsdp_scan(void)
{
	uint64_t pa = 0;

	nr_mem = 0;
	CHECK_INT(acpi_rsdp_scan(&mapper, 0, &pa), -ENOENT);	/* unmapped */
	CHECK_INT(acpi_rsdp_scan(NULL, 0, &pa), -EINVAL);
	CHECK_INT(acpi_rsdp_scan(&mapper, 0, NULL), -EINVAL);

	/* In the EBDA's first KiB, on a 16-byte boundary. */
	add_blob(0x9fc00, NULL, 1024);
	memcpy(mem[0].data + 0x40, pc_numa_rsdp, ACPI_RSDP_V1_SIZE);
	CHECK_INT(acpi_rsdp_scan(&mapper, 0x9fc00, &pa), 0);
	CHECK_EQ(pa, 0x9fc40);
	/* Off a 16-byte boundary it is not found. */
	memset(mem[0].data, 0, 1024);
	memcpy(mem[0].data + 0x48, pc_numa_rsdp, ACPI_RSDP_V1_SIZE);
	CHECK_INT(acpi_rsdp_scan(&mapper, 0x9fc00, &pa), -ENOENT);
}

static const void *big_map(void *ctx, uint64_t pa, uint64_t len)
{
	static uint8_t bios[0x20000];
	static bool init;

	(void)ctx;
	if (!init) {
		memcpy(bios + (PC_NUMA_RSDP_PA - 0xe0000), pc_numa_rsdp,
		       sizeof(pc_numa_rsdp));
		/* A decoy with a bad checksum comes first. */
		memcpy(bios + 0x100, pc_numa_rsdp, sizeof(pc_numa_rsdp));
		bios[0x100 + 10] ^= 0xff;
		init = true;
	}
	if (pa < 0xe0000 || pa - 0xe0000 > sizeof(bios) ||
	    len > sizeof(bios) - (pa - 0xe0000))
		return NULL;
	return bios + (pa - 0xe0000);
}

static void rsdp_scan_bios_area(void)
{
	const struct acpi_mapper m = { big_map, NULL };
	uint64_t pa = 0;

	CHECK_INT(acpi_rsdp_scan(&m, 0, &pa), 0);
	CHECK_EQ(pa, PC_NUMA_RSDP_PA);
}

static void find_tables(void)
{
	const void *t;
	uint32_t len;

	load_qemu();
	CHECK_INT(acpi_find_table(&mapper, PC_NUMA_RSDP_PA, "SRAT", &t, &len), 0);
	CHECK_INT(len, sizeof(pc_numa_srat));
	CHECK(t == find_blob("SRAT")->data);
	CHECK_INT(acpi_find_table(&mapper, PC_NUMA_RSDP_PA, "FACP", &t, &len), 0);
	CHECK_INT(len, sizeof(pc_numa_facp));
	CHECK_INT(acpi_find_table(&mapper, PC_NUMA_RSDP_PA, "MCFG", &t, &len), -ENOENT);
	CHECK_INT(acpi_find_table(&mapper, PC_NUMA_RSDP_PA, "RSDT", &t, &len), -ENOENT);
	CHECK_INT(acpi_find_table(NULL, PC_NUMA_RSDP_PA, "SRAT", &t, &len), -EINVAL);
	CHECK_INT(acpi_find_table(&mapper, 0x1234, "SRAT", &t, &len), -EINVAL);
}

static void corrupt_tables_skipped(void)
{
	const void *t;
	uint32_t len;
	struct blob *b;

	/* A SRAT with a bad checksum is not found. */
	load_qemu();
	find_blob("SRAT")->data[40] ^= 1;
	CHECK_INT(acpi_find_table(&mapper, PC_NUMA_RSDP_PA, "SRAT", &t, &len), -ENOENT);

	/* Nor one whose length runs past mapped memory. */
	load_qemu();
	b = find_blob("SRAT");
	b->data[4] = 0xf0;
	b->data[5] = 0x03;	/* 0x3f0 bytes */
	CHECK_INT(acpi_find_table(&mapper, PC_NUMA_RSDP_PA, "SRAT", &t, &len), -ENOENT);

	/* An RSDT with a bad checksum is an error. */
	load_qemu();
	find_blob("RSDT")->data[40] ^= 1;
	CHECK_INT(acpi_find_table(&mapper, PC_NUMA_RSDP_PA, "SRAT", &t, &len), -EBADMSG);

	/* An RSDT entry pointing nowhere is skipped. */
	load_qemu();
	b = find_blob("RSDT");
	memset(b->data + 36, 0xee, 4);
	fix_checksum(b->data, b->len, 9);
	CHECK_INT(acpi_find_table(&mapper, PC_NUMA_RSDP_PA, "SRAT", &t, &len), 0);

	/* A bad RSDP. */
	load_qemu();
	find_blob("RSD ")->data[8] ^= 1;
	CHECK_INT(acpi_find_table(&mapper, PC_NUMA_RSDP_PA, "SRAT", &t, &len), -EBADMSG);
}

/* Revision 2 RSDP with an XSDT listing the recorded tables. */
static void xsdt_preferred(void)
{
	uint8_t r[ACPI_RSDP_V2_SIZE] = { 0 }, x[36 + 8 * 8];
	const struct blob *rsdt;
	uint32_t n, xlen;
	const void *t;
	uint32_t len;
	uint64_t xsdt_pa = 0x7000;

	load_qemu();
	rsdt = find_blob("RSDT");
	n = (uint32_t)(rsdt->len - 36) / 4;
	xlen = 36 + 8 * n;
	memcpy(x, rsdt->data, 36);
	memcpy(x, "XSDT", 4);
	memcpy(x + 4, &xlen, 4);
	for (uint32_t i = 0; i < n; i++) {
		uint64_t pa = 0;

		memcpy(&pa, rsdt->data + 36 + 4 * i, 4);
		memcpy(x + 36 + 8 * i, &pa, 8);
	}
	fix_checksum(x, xlen, 9);
	add_blob(xsdt_pa, x, xlen);

	memcpy(r, pc_numa_rsdp, ACPI_RSDP_V1_SIZE);
	r[15] = 2;
	fix_checksum(r, ACPI_RSDP_V1_SIZE, 8);
	r[20] = ACPI_RSDP_V2_SIZE;
	memcpy(r + 24, &xsdt_pa, 8);
	fix_checksum(r, ACPI_RSDP_V2_SIZE, 32);
	add_blob(0x6000, r, sizeof(r));

	/* The RSDT is broken; only the XSDT can find the SRAT. */
	find_blob("RSDT")->data[40] ^= 1;
	CHECK_INT(acpi_find_table(&mapper, 0x6000, "SRAT", &t, &len), 0);
	CHECK_INT(len, sizeof(pc_numa_srat));

	/* A wrong signature on the XSDT is an error. */
	mem[nr_mem - 2].data[0] = 'Y';
	fix_checksum(mem[nr_mem - 2].data, xlen, 9);
	CHECK_INT(acpi_find_table(&mapper, 0x6000, "SRAT", &t, &len), -EBADMSG);
}

static void srat_recorded(void)
{
	struct acpi_mem_affinity a[8];
	unsigned int nr = 99;

	CHECK_INT(acpi_srat_memory(pc_numa_srat, sizeof(pc_numa_srat), a, 8, &nr), 0);
	CHECK_INT(nr, 4);
	CHECK_EQ(a[0].base, 0);
	CHECK_EQ(a[0].size, 0xa0000);
	CHECK_INT(a[0].pxm, 0);
	CHECK_EQ(a[1].base, 0x100000);
	CHECK_EQ(a[1].size, 0x7ff00000);
	CHECK_INT(a[1].pxm, 0);
	CHECK_EQ(a[2].base, 0x80000000);
	CHECK_EQ(a[2].size, 0x40000000);
	CHECK_INT(a[2].pxm, 1);
	CHECK_EQ(a[3].base, 0x100000000ULL);
	CHECK_EQ(a[3].size, 0x40000000);
	CHECK_INT(a[3].pxm, 1);
	for (int i = 0; i < 4; i++)
		CHECK(!a[i].hotplug && !a[i].nonvolatile);

	CHECK_INT(acpi_srat_memory(pc_numa_srat, sizeof(pc_numa_srat), a, 3, &nr),
		  -ENOSPC);
}

static uint8_t srat[sizeof(pc_numa_srat)];

static int parse_edited(void)
{
	struct acpi_mem_affinity a[8];
	unsigned int nr;

	fix_checksum(srat, sizeof(srat), 9);
	return acpi_srat_memory(srat, sizeof(srat), a, 8, &nr);
}

/* Offsets in the recorded SRAT: 2 processor entries, then 4 memory ones. */
#define MEM0	(48 + 2 * 16)

static void srat_corrupt(void)
{
	struct acpi_mem_affinity a[8];
	unsigned int nr;

	memcpy(srat, pc_numa_srat, sizeof(srat));
	srat[MEM0 + 20] ^= 1;		/* checksum not fixed */
	CHECK_INT(acpi_srat_memory(srat, sizeof(srat), a, 8, &nr), -EBADMSG);

	memcpy(srat, pc_numa_srat, sizeof(srat));
	CHECK_INT(acpi_srat_memory(srat, sizeof(srat) - 1, a, 8, &nr), -EBADMSG);
	CHECK_INT(acpi_srat_memory(srat, 30, a, 8, &nr), -ENOENT);
	CHECK_INT(acpi_srat_memory(pc_numa_facp, sizeof(pc_numa_facp), a, 8, &nr),
		  -ENOENT);
	CHECK_INT(acpi_srat_memory(NULL, 0, a, 8, &nr), -EINVAL);

	/* Last entry claims more bytes than the table has. */
	memcpy(srat, pc_numa_srat, sizeof(srat));
	srat[MEM0 + 3 * 40 + 1] = 48;
	CHECK_INT(parse_edited(), -EBADMSG);

	/* A memory entry too short for its fields. */
	memcpy(srat, pc_numa_srat, sizeof(srat));
	srat[MEM0 + 1] = 24;
	CHECK_INT(parse_edited(), -EBADMSG);

	/* A zero-length entry would loop forever: rejected. */
	memcpy(srat, pc_numa_srat, sizeof(srat));
	srat[48 + 1] = 0;
	CHECK_INT(parse_edited(), -EBADMSG);

	/* Table length field disagreeing with the buffer. */
	memcpy(srat, pc_numa_srat, sizeof(srat));
	srat[4]--;
	CHECK_INT(parse_edited(), -EBADMSG);
}

static void srat_flags_and_revision(void)
{
	struct acpi_mem_affinity a[8];
	unsigned int nr;

	memcpy(srat, pc_numa_srat, sizeof(srat));
	srat[MEM0 + 40 + 28] = 0;		/* entry 1 disabled */
	srat[MEM0 + 80 + 28] = 1 | 2 | 4;	/* entry 2 hotplug, non-volatile */
	srat[MEM0 + 120 + 2 + 1] = 0x7;		/* pxm 0x701 */
	fix_checksum(srat, sizeof(srat), 9);
	CHECK_INT(acpi_srat_memory(srat, sizeof(srat), a, 8, &nr), 0);
	CHECK_INT(nr, 3);
	CHECK_EQ(a[1].base, 0x80000000);
	CHECK(a[1].hotplug && a[1].nonvolatile);
	CHECK_INT(a[2].pxm, 1);			/* revision 1: low byte only */

	srat[8] = 3;				/* revision 3: all 32 bits */
	fix_checksum(srat, sizeof(srat), 9);
	CHECK_INT(acpi_srat_memory(srat, sizeof(srat), a, 8, &nr), 0);
	CHECK_INT(a[2].pxm, 0x701);
}

static const struct test_case cases[] = {
	TEST_CASE(recorded_checksums),
	TEST_CASE(rsdp_validation),
	TEST_CASE(rsdp_scan),
	TEST_CASE(rsdp_scan_bios_area),
	TEST_CASE(find_tables),
	TEST_CASE(corrupt_tables_skipped),
	TEST_CASE(xsdt_preferred),
	TEST_CASE(srat_recorded),
	TEST_CASE(srat_corrupt),
	TEST_CASE(srat_flags_and_revision),
};

TAP_MAIN(cases)
