// SPDX-License-Identifier: BSD-2-Clause
/*
 * ACPI discovery and SRAT parsing on tables recorded from QEMU (pc, two
 * NUMA nodes), then on corrupted copies: bad checksums, truncated and
 * malformed entries, unmappable pointers, and an XSDT built from the
 * recorded tables. Then Linux's node numbering (acpi_srat_nodes()) on
 * tables built here from the ACPI spec's SRAT structures, each expected
 * order worked out by hand from Linux's acpi_numa_init() (processor-type
 * entries of the architecture's types in table order, then memory), and
 * acpi_srat_memblock_nodes() applying it.
 */
#include <stdlib.h>
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

/* A SRAT built entry by entry, as the ACPI spec lays each structure out. */
static uint8_t bt[512];
static uint32_t bt_len;

static void bt_begin(uint8_t revision)
{
	memset(bt, 0, sizeof(bt));
	memcpy(bt, "SRAT", 4);
	bt[8] = revision;
	memcpy(bt + 10, "MBTEST", 6);
	bt[36] = 1;			/* reserved, must be 1 */
	bt_len = 48;
}

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint8_t *bt_add(uint8_t type, uint8_t len)
{
	uint8_t *e = bt + bt_len;

	e[0] = type;
	e[1] = len;
	bt_len += len;
	return e;
}

#define EN	1u			/* flags bit 0: enabled */

/* Type 0: domain bits 7:0 at 2, APIC id 3, flags 4, bits 31:8 at 9..11. */
static void bt_lapic(uint32_t pxm, uint8_t apic, uint32_t flags)
{
	uint8_t *e = bt_add(0, 16);

	e[2] = (uint8_t)pxm;
	e[3] = apic;
	put32(e + 4, flags);
	e[9] = (uint8_t)(pxm >> 8);
	e[10] = (uint8_t)(pxm >> 16);
	e[11] = (uint8_t)(pxm >> 24);
}

/* Type 1: domain 2, base 8, length 16, flags 28. */
static void bt_mem(uint32_t pxm, uint64_t base, uint64_t size, uint32_t flags)
{
	uint8_t *e = bt_add(1, 40);

	put32(e + 2, pxm);
	put32(e + 8, (uint32_t)base);
	put32(e + 12, (uint32_t)(base >> 32));
	put32(e + 16, (uint32_t)size);
	put32(e + 20, (uint32_t)(size >> 32));
	put32(e + 28, flags);
}

/*
 * The other processor-type entries, by the spec's layout: x2APIC (type 2,
 * 24 bytes), GICC (3, 18), Generic Initiator (5, 32) and RINTC (7, 20),
 * with their domain and flags offsets.
 */
static void bt_domain_entry(uint8_t type, uint8_t len, unsigned int pxm_at,
			    unsigned int flags_at, uint32_t pxm, uint32_t flags)
{
	uint8_t *e = bt_add(type, len);

	put32(e + pxm_at, pxm);
	put32(e + flags_at, flags);
}

#define bt_x2apic(pxm, flags)	bt_domain_entry(2, 24, 4, 12, pxm, flags)
#define bt_gicc(pxm, flags)	bt_domain_entry(3, 18, 2, 10, pxm, flags)
#define bt_gi(pxm, flags)	bt_domain_entry(5, 32, 4, 28, pxm, flags)
#define bt_rintc(pxm, flags)	bt_domain_entry(7, 20, 4, 12, pxm, flags)

static void bt_end(void)
{
	put32(bt + 4, bt_len);
	fix_checksum(bt, bt_len, 9);
}

static uint32_t np[8];
static unsigned int nn, ncpu;

static int nodes_of(unsigned int types)
{
	for (int i = 0; i < 8; i++)
		np[i] = 0xdead;
	nn = ncpu = 99;
	return acpi_srat_nodes(bt, bt_len, types, np, 8, &nn, &ncpu);
}

#define CHECK_NODES(n, c, ...) do {					\
	const uint32_t want_[] = { __VA_ARGS__ };			\
	CHECK_INT(nn, (n));						\
	CHECK_INT(ncpu, (c));						\
	for (unsigned int i_ = 0; i_ < ARRAY_SIZE(want_); i_++)		\
		CHECK_INT(np[i_], want_[i_]);				\
	CHECK_INT(np[ARRAY_SIZE(want_)], 0xdead);			\
} while (0)

/* After an error: neither count nor array written. */
#define CHECK_UNCHANGED() do {						\
	CHECK_INT(nn, 99);						\
	CHECK_INT(ncpu, 99);						\
	for (int i_ = 0; i_ < 8; i_++)					\
		CHECK_INT(np[i_], 0xdead);				\
} while (0)

/* QEMU's pc table: two Local APIC entries (PXM 0, 1), memory 0, 0, 1, 1. */
static void nodes_recorded(void)
{
	unsigned int n = 99;

	CHECK_INT(acpi_srat_nodes(pc_numa_srat, sizeof(pc_numa_srat),
				  ACPI_SRAT_CPUS_X86, np, 8, &n, NULL), 0);
	CHECK_INT(n, 2);
	CHECK_INT(np[0], 0);
	CHECK_INT(np[1], 1);
	memcpy(bt, pc_numa_srat, sizeof(pc_numa_srat));
	bt_len = sizeof(pc_numa_srat);
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_X86), 0);
	CHECK_NODES(2, 2, 0, 1);
	/* arm64 maps no Local APIC entry: the memory ones alone. */
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_ARM64), 0);
	CHECK_NODES(2, 0, 0, 1);
}

/*
 * -numa node,nodeid=0,cpus=0 -numa node,nodeid=1,cpus=1,memdev=m1 as a
 * firmware without QEMU's 640 KiB quirk would give it: PXM 0 has a CPU
 * and no memory. Linux: node 0 = PXM 0 (memoryless), node 1 = PXM 1.
 * Numbering by memory alone would make PXM 1 node 0.
 */
static void memoryless_cpu_domain_first(void)
{
	bt_begin(3);
	bt_lapic(0, 0, EN);
	bt_lapic(1, 1, EN);
	bt_mem(1, 0, SZ_1G, EN);
	bt_end();
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_X86), 0);
	CHECK_NODES(2, 2, 0, 1);
	CHECK_INT(nodes_of(0), 0);
	CHECK_NODES(1, 0, 1);
}

/* CPUs list PXM 1 before PXM 0; memory lists 0 first: Linux follows CPUs. */
static void cpu_order_differs_from_memory(void)
{
	bt_begin(3);
	bt_lapic(1, 0, EN);
	bt_x2apic(2, EN);
	bt_lapic(0, 1, EN);
	bt_lapic(1, 2, EN);
	bt_mem(0, 0, SZ_1G, EN);
	bt_mem(3, (2 * SZ_1G), SZ_1G, EN);
	bt_mem(1, SZ_1G, SZ_1G, EN);
	bt_end();
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_X86), 0);
	CHECK_NODES(4, 3, 1, 2, 0, 3);
	/* Only x2APIC counts: it alone goes first. */
	CHECK_INT(nodes_of(ACPI_SRAT_X2APIC), 0);
	CHECK_NODES(4, 1, 2, 0, 3, 1);
}

/* Disabled processor entries give no node; disabled memory neither. */
static void disabled_cpus_ignored(void)
{
	bt_begin(3);
	bt_lapic(7, 0, 0);
	bt_x2apic(9, 2);		/* flags without the enabled bit */
	bt_gi(6, 0);
	bt_lapic(1, 1, EN);
	bt_mem(8, 0, SZ_1M, 0);
	bt_mem(0, 0, SZ_1G, EN);
	bt_mem(1, SZ_1G, SZ_1G, EN);
	bt_end();
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_X86), 0);
	CHECK_NODES(2, 1, 1, 0);
}

/* arm64: GICC entries (and Generic Initiators); Local APIC ones do not count. */
static void gicc_table(void)
{
	bt_begin(3);
	bt_gicc(2, EN);
	bt_gicc(0, EN);
	bt_gicc(5, 0);			/* disabled */
	bt_gicc(2, EN);
	bt_gi(4, EN);
	bt_lapic(6, 0, EN);
	bt_mem(0, 0, SZ_1G, EN);
	bt_mem(1, SZ_1G, SZ_1G, EN);
	bt_mem(2, (2 * SZ_1G), SZ_1G, EN);
	bt_end();
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_ARM64), 0);
	CHECK_NODES(4, 3, 2, 0, 4, 1);
	/* x86 maps the Local APIC and Generic Initiator, not GICC. */
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_X86), 0);
	CHECK_NODES(5, 2, 4, 6, 0, 1, 2);
}

/* RINTC (riscv), and 32-bit domains; the other types' domains do not count there. */
static void rintc_and_wide_domains(void)
{
	bt_begin(3);
	bt_gi(3, EN);
	bt_rintc(0x10002, EN);
	bt_x2apic(0x80000000u, EN);
	bt_rintc(1, EN);
	bt_mem(1, 0, SZ_1G, EN);
	bt_end();
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_RISCV), 0);
	CHECK_NODES(2, 2, 0x10002, 1);
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_ALL), 0);
	CHECK_NODES(4, 4, 3, 0x10002, 0x80000000u, 1);
}

/* A Local APIC entry's domain: bits 31:8 from revision 2 only. */
static void lapic_domain_high_bytes(void)
{
	bt_begin(1);
	bt_lapic(0x030201, 0, EN);
	bt_mem(0x0701, 0, SZ_1G, EN);	/* revision 1: memory's low byte */
	bt_end();
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_X86), 0);
	CHECK_NODES(1, 1, 1);
	bt[8] = 2;
	bt_end();
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_X86), 0);
	CHECK_NODES(2, 1, 0x030201, 0x0701);
}

/* Bad input: an error, and nothing written. */
static void nodes_bad_input(void)
{
	bt_begin(3);
	bt_lapic(0, 0, EN);
	bt_lapic(1, 1, EN);
	bt_mem(2, 0, SZ_1G, EN);
	bt_end();
	CHECK_INT(acpi_srat_nodes(NULL, bt_len, 0, np, 8, &nn, NULL), -EINVAL);
	CHECK_INT(acpi_srat_nodes(bt, bt_len, 0, NULL, 8, &nn, NULL), -EINVAL);
	CHECK_INT(acpi_srat_nodes(bt, bt_len, 0, np, 8, NULL, NULL), -EINVAL);
	CHECK_INT(nodes_of(1u << 1), -EINVAL);	/* type 1 is memory */
	CHECK_UNCHANGED();
	CHECK_INT(nodes_of(1u << 31), -EINVAL);
	CHECK_UNCHANGED();

	/* Three domains, room for two: -ENOSPC, nothing written. */
	CHECK_INT(acpi_srat_nodes(bt, bt_len, ACPI_SRAT_CPUS_X86, np, 2, &nn, &ncpu),
		  -ENOSPC);
	CHECK_UNCHANGED();
	CHECK_INT(acpi_srat_nodes(bt, bt_len, 0, np, 1, &nn, &ncpu), 0);
	CHECK_INT(nn, 1);

	/* A Local APIC entry must be 16 bytes for x86 (Linux's bad_srat()). */
	bt_begin(3);
	bt_lapic(0, 0, EN);
	bt[49] = 20;
	bt_len += 4;
	bt_mem(0, 0, SZ_1G, EN);
	bt_end();
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_X86), -EBADMSG);
	CHECK_UNCHANGED();
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_ARM64), 0);	/* not arm64's */
	CHECK_NODES(1, 0, 0);

	/* Short GICC, Generic Initiator, x2APIC, RINTC entries. */
	for (int k = 0; k < 4; k++) {
		static const uint8_t type[] = { 3, 5, 2, 7 };
		static const uint8_t size[] = { 18, 32, 24, 20 };
		static const unsigned int mask[] = { ACPI_SRAT_CPUS_ARM64,
			ACPI_SRAT_CPUS_ARM64, ACPI_SRAT_CPUS_X86, ACPI_SRAT_CPUS_RISCV };

		bt_begin(3);
		bt_add(type[k], (uint8_t)(size[k] - 1));
		bt_mem(0, 0, SZ_1G, EN);
		bt_end();
		CHECK_INT(nodes_of(mask[k]), -EBADMSG);
		CHECK_UNCHANGED();
	}

	/* A short memory entry, a bad checksum, another table. */
	bt_begin(3);
	bt_mem(0, 0, SZ_1G, EN);
	bt[49] = 39;
	bt_len--;
	bt_end();
	CHECK_INT(nodes_of(0), -EBADMSG);
	bt_begin(3);
	bt_gicc(0, EN);
	bt_end();
	bt[20] ^= 1;
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_ARM64), -EBADMSG);
	bt[0] = 'X';
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_ARM64), -ENOENT);
	CHECK_UNCHANGED();
	CHECK_INT(acpi_srat_nodes(pc_numa_srat, sizeof(pc_numa_srat) - 1,
				  ACPI_SRAT_CPUS_X86, np, 8, &nn, &ncpu), -EBADMSG);
	CHECK_UNCHANGED();
}

/* The memoryless domain's node stays empty; memory gets node 1. */
static void memblock_nodes_memoryless_first(void)
{
	struct acpi_mem_affinity a[4];
	unsigned int nr;

	bt_begin(3);
	bt_lapic(1, 0, EN);
	bt_lapic(0, 1, EN);
	bt_mem(0, 0, SZ_1G, EN);
	bt_mem(2, SZ_1G, SZ_1G, EN | 2);	/* hotpluggable */
	bt_end();
	CHECK_INT(memblock_add(0, 2 * SZ_1G), 0);
	CHECK_INT(acpi_srat_memory(bt, bt_len, a, 4, &nr), 0);
	CHECK_INT(nodes_of(ACPI_SRAT_CPUS_X86), 0);
	CHECK_NODES(3, 2, 1, 0, 2);
	CHECK_INT(acpi_srat_memblock_nodes(a, nr, np, nn), 0);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1G, 1),
		    RFN(SZ_1G, SZ_1G, MEMBLOCK_HOTPLUG, 2));
}

/* Bad input to acpi_srat_memblock_nodes(): an error, memblock unchanged. */
static void memblock_nodes_bad_input(void)
{
	const struct acpi_mem_affinity a[] = {
		{ 0, SZ_1G, 4, false, false },
		{ SZ_1G, SZ_1G, 5, false, false },
	};
	const struct acpi_mem_affinity overlap[] = {
		{ 0, SZ_1G, 4, false, false },
		{ SZ_1G - SZ_1M, SZ_1G, 5, false, false },
	};
	const uint32_t map[] = { 5, 4 }, dup[] = { 5, 4, 5 }, one[] = { 4 };
	static uint32_t many[MAX_NUMNODES + 1];

	for (unsigned int i = 0; i < ARRAY_SIZE(many); i++)
		many[i] = i;
	CHECK_INT(memblock_add(0, 2 * SZ_1G), 0);
	CHECK_INT(acpi_srat_memblock_nodes(NULL, 1, map, 2), -EINVAL);
	CHECK_INT(acpi_srat_memblock_nodes(a, 2, NULL, 2), -EINVAL);
	CHECK_INT(acpi_srat_memblock_nodes(a, 2, dup, 3), -EINVAL);
	CHECK_INT(acpi_srat_memblock_nodes(a, 2, one, 1), -EINVAL);
	CHECK_INT(acpi_srat_memblock_nodes(a, 2, many, MAX_NUMNODES + 1), -ENOSPC);
	CHECK_INT(acpi_srat_memblock_nodes(overlap, 2, map, 2), -EBADMSG);
	EXPECT_TYPE(&memblock.memory, R(0, 2 * SZ_1G));
	CHECK_INT(acpi_srat_memblock_nodes(NULL, 0, NULL, 0), 0);
	CHECK_INT(acpi_srat_memblock_nodes(a, 2, many, MAX_NUMNODES), 0);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1G, 4), RN(SZ_1G, SZ_1G, 5));
}

/* ---- acpi_srat_numa_init(): the whole step ---- */

/* memblock byte for byte: struct memblock and its memory and reserved arrays. */
static struct memblock mb_before;
static struct memblock_region *arr_before[2];

static void mb_snap(void)
{
	const struct memblock_type *t[2] = { &memblock.memory, &memblock.reserved };

	mb_before = memblock;
	for (int i = 0; i < 2; i++) {
		free(arr_before[i]);
		arr_before[i] = malloc(t[i]->max * sizeof(*t[i]->regions));
		memcpy(arr_before[i], t[i]->regions, t[i]->max * sizeof(*t[i]->regions));
	}
}

static bool mb_same(void)
{
	const struct memblock_type *t[2] = { &memblock.memory, &memblock.reserved };

	if (memcmp(&mb_before, &memblock, sizeof(memblock)))
		return false;
	for (int i = 0; i < 2; i++)
		if (memcmp(arr_before[i], t[i]->regions, t[i]->max * sizeof(*t[i]->regions)))
			return false;
	return true;
}

static struct acpi_mem_affinity nm[8];
static int nid[8];
static uint32_t npxm[8];
static struct acpi_srat_numa numa;

/* The arrays, and sentinels in everything the call may write. */
static void numa_reset(unsigned int max_mem, unsigned int max_nodes)
{
	numa.mem = nm;
	numa.nid = nid;
	numa.max_mem = max_mem;
	numa.node_pxm = npxm;
	numa.max_nodes = max_nodes;
	numa.nr_mem = numa.nr_nodes = numa.nr_cpu_nodes = 99;
	for (int i = 0; i < 8; i++) {
		nid[i] = 77;
		npxm[i] = 0xdead;
	}
}

#define CHECK_NIDS(...) do {						\
	const int want_[] = { __VA_ARGS__ };				\
	CHECK_INT(numa.nr_mem, ARRAY_SIZE(want_));			\
	for (unsigned int i_ = 0; i_ < ARRAY_SIZE(want_); i_++)	\
		CHECK_INT(nid[i_], want_[i_]);				\
	CHECK_INT(nid[ARRAY_SIZE(want_)], 77);				\
} while (0)

/*
 * QEMU's pc table (4 GiB, two nodes) with the two CPUs' domains swapped,
 * as -numa cpu,node-id=1,socket-id=0 -numa cpu,node-id=0,socket-id=1
 * gives it: memory lists PXM 0 first, CPU 0 is in PXM 1, and Linux's x86
 * numbers PXM 1 node 0. Worked out by hand: node 0 = PXM 1, node 1 =
 * PXM 0; the memory below 2 GiB is node 1, the rest node 0.
 */
static void numa_init_cpus_swapped(void)
{
	memcpy(bt, pc_numa_srat, sizeof(pc_numa_srat));
	bt_len = sizeof(pc_numa_srat);
	bt[50] = 1;		/* Local APIC 0: PXM 1 */
	bt[66] = 0;		/* Local APIC 1: PXM 0 (the sum is unchanged) */
	CHECK_INT(memblock_add(0, 0xa0000), 0);
	CHECK_INT(memblock_add(SZ_1M, 3 * SZ_1G - SZ_1M), 0);
	numa_reset(8, 8);
	CHECK_INT(acpi_srat_numa_init(bt, bt_len, ACPI_SRAT_CPUS_X86, &numa), 0);
	CHECK_INT(numa.nr_nodes, 2);
	CHECK_INT(numa.nr_cpu_nodes, 2);
	CHECK_INT(npxm[0], 1);
	CHECK_INT(npxm[1], 0);
	CHECK_NIDS(1, 1, 0, 0);
	CHECK_INT(nm[3].base, SZ_4G);
	/* The entry at 4 GiB has no memory here: nothing to set. */
	EXPECT_TYPE(&memblock.memory, RN(0, 0xa0000, 1),
		    RN(SZ_1M, 2 * SZ_1G - SZ_1M, 1), RN(2 * SZ_1G, SZ_1G, 0));
}

/*
 * A memoryless CPU domain first, hotpluggable memory; arm64's rule
 * ignores the Local APIC entries and numbers memory alone.
 */
static void numa_init_memoryless_and_hotplug(void)
{
	bt_begin(3);
	bt_lapic(5, 0, EN);
	bt_gicc(1, EN);
	bt_mem(0, 0, SZ_1G, EN);
	bt_mem(1, SZ_1G, SZ_1G, EN | 2);	/* hotpluggable */
	bt_end();
	CHECK_INT(memblock_add(0, 2 * SZ_1G), 0);
	numa_reset(8, 8);
	CHECK_INT(acpi_srat_numa_init(bt, bt_len, ACPI_SRAT_CPUS_X86, &numa), 0);
	CHECK_INT(numa.nr_nodes, 3);
	CHECK_INT(numa.nr_cpu_nodes, 1);
	CHECK_INT(npxm[0], 5);
	CHECK_INT(npxm[1], 0);
	CHECK_INT(npxm[2], 1);
	CHECK_NIDS(1, 2);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1G, 1),
		    RFN(SZ_1G, SZ_1G, MEMBLOCK_HOTPLUG, 2));
	/* The same table on arm64: the GICC's PXM 1 first, then PXM 0. */
	numa_reset(8, 8);
	CHECK_INT(acpi_srat_numa_init(bt, bt_len, ACPI_SRAT_CPUS_ARM64, &numa), 0);
	CHECK_INT(numa.nr_nodes, 2);
	CHECK_INT(numa.nr_cpu_nodes, 1);
	CHECK_INT(npxm[0], 1);
	CHECK_INT(npxm[1], 0);
	CHECK_NIDS(1, 0);
	EXPECT_TYPE(&memblock.memory, RN(0, SZ_1G, 1),
		    RFN(SZ_1G, SZ_1G, MEMBLOCK_HOTPLUG, 0));
}

/* After a refused table: no node, memblock as it was. */
#define CHECK_REFUSED(call, err, listed) do {				\
	unsigned int n_ = (listed);					\
	numa_reset(8, 8);						\
	mb_snap();							\
	CHECK_INT((call), (err));					\
	CHECK(mb_same());						\
	CHECK_INT(numa.nr_nodes, 0);					\
	CHECK_INT(numa.nr_cpu_nodes, 0);				\
	CHECK_INT(numa.nr_mem, n_);					\
	for (unsigned int i_ = 0; i_ < n_; i_++)			\
		CHECK_INT(nid[i_], -1);					\
} while (0)

/* Bad input: an error code, memblock byte for byte unchanged. */
static void numa_init_bad_input(void)
{
	static uint8_t t[sizeof(pc_numa_srat)];
	unsigned int x86 = ACPI_SRAT_CPUS_X86;

	memcpy(t, pc_numa_srat, sizeof(t));
	CHECK_INT(memblock_add(0, 2 * SZ_1G), 0);
	CHECK_INT(memblock_reserve(SZ_1M, SZ_1M), 0);

	/* NULL pointers, a bad type mask: nothing written, not even out. */
	numa_reset(8, 8);
	mb_snap();
	CHECK_INT(acpi_srat_numa_init(NULL, sizeof(t), x86, &numa), -EINVAL);
	CHECK_INT(acpi_srat_numa_init(t, sizeof(t), x86, NULL), -EINVAL);
	numa.mem = NULL;
	CHECK_INT(acpi_srat_numa_init(t, sizeof(t), x86, &numa), -EINVAL);
	numa.mem = nm;
	numa.nid = NULL;
	CHECK_INT(acpi_srat_numa_init(t, sizeof(t), x86, &numa), -EINVAL);
	numa.nid = nid;
	numa.node_pxm = NULL;
	CHECK_INT(acpi_srat_numa_init(t, sizeof(t), x86, &numa), -EINVAL);
	numa.node_pxm = npxm;
	CHECK_INT(acpi_srat_numa_init(t, sizeof(t), 1u << 1, &numa), -EINVAL);
	CHECK(mb_same());
	CHECK_INT(numa.nr_mem, 99);
	CHECK_INT(numa.nr_nodes, 99);
	CHECK_INT(numa.nr_cpu_nodes, 99);
	CHECK_INT(nid[0], 77);
	CHECK_INT(npxm[0], 0xdead);

	/* Short or lengthless tables, bad lengths, a bad checksum. */
	CHECK_REFUSED(acpi_srat_numa_init(t, 0, x86, &numa), -ENOENT, 0);
	CHECK_REFUSED(acpi_srat_numa_init(t, 30, x86, &numa), -ENOENT, 0);
	CHECK_REFUSED(acpi_srat_numa_init(t, 40, x86, &numa), -EBADMSG, 0);
	CHECK_REFUSED(acpi_srat_numa_init(t, sizeof(t) - 1, x86, &numa), -EBADMSG, 0);
	t[4] += 40;		/* the header's length past the buffer's */
	CHECK_REFUSED(acpi_srat_numa_init(t, sizeof(t), x86, &numa), -EBADMSG, 0);
	t[4] -= 40;
	t[9] ^= 1;
	CHECK_REFUSED(acpi_srat_numa_init(t, sizeof(t), x86, &numa), -EBADMSG, 0);
	t[9] ^= 1;
	CHECK_REFUSED(acpi_srat_numa_init(pc_numa_facp, sizeof(pc_numa_facp), x86,
					  &numa), -ENOENT, 0);

	/* Room for 3 of its 4 memory entries, for 1 of its 2 domains. */
	numa_reset(3, 8);
	mb_snap();
	CHECK_INT(acpi_srat_numa_init(t, sizeof(t), x86, &numa), -ENOSPC);
	CHECK(mb_same());
	CHECK_INT(numa.nr_mem, 0);
	CHECK_INT(numa.nr_nodes, 0);
	numa_reset(8, 1);
	mb_snap();
	CHECK_INT(acpi_srat_numa_init(t, sizeof(t), x86, &numa), -ENOSPC);
	CHECK(mb_same());
	CHECK_INT(numa.nr_mem, 4);
	CHECK_INT(numa.nr_nodes, 0);
	CHECK_INT(numa.nr_cpu_nodes, 0);
	CHECK_NIDS(-1, -1, -1, -1);

	/* A Local APIC entry too short for x86 (Linux's bad_srat()). */
	bt_begin(3);
	bt_lapic(0, 0, EN);
	bt[49] = 20;
	bt_len += 4;
	bt_mem(0, 0, SZ_1G, EN);
	bt_end();
	CHECK_REFUSED(acpi_srat_numa_init(bt, bt_len, x86, &numa), -EBADMSG, 1);

	/* Two domains' ranges overlap: Linux runs without NUMA. */
	bt_begin(3);
	bt_mem(0, 0, SZ_1G, EN);
	bt_mem(1, SZ_1G - SZ_1M, SZ_1G, EN);
	bt_end();
	CHECK_REFUSED(acpi_srat_numa_init(bt, bt_len, x86, &numa), -EBADMSG, 2);
	EXPECT_TYPE(&memblock.memory, R(0, 2 * SZ_1G));
}

/* The log lines every boot path prints, exactly; nothing for bad input. */
static void numa_log_lines(void)
{
	static const char *const want[] = {
		"ACPI: SRAT: Node 0 PXM 5 (processors)",
		"ACPI: SRAT: Node 1 PXM 0 [mem 0x0000000000000000-0x000000003fffffff]",
		"ACPI: SRAT: Node 2 PXM 1 [mem 0x0000000040000000-0x000000007fffffff] hotplug",
	};
	unsigned int i;

	bt_begin(3);
	bt_lapic(5, 0, EN);
	bt_mem(0, 0, SZ_1G, EN);
	bt_mem(1, SZ_1G, SZ_1G, EN | 2);	/* hotpluggable */
	bt_end();
	CHECK_INT(memblock_add(0, 2 * SZ_1G), 0);
	numa_reset(8, 8);
	CHECK_INT(acpi_srat_numa_init(bt, bt_len, ACPI_SRAT_CPUS_X86, &numa), 0);
	test_log_clear();
	acpi_srat_numa_log(&numa, 0);
	CHECK_INT(test_log_lines, 3);
	for (i = 0; i < 3 && i < (unsigned int)test_log_lines; i++)
		CHECK_STR(test_log[i], want[i]);
	/* A refusal adds its line; the entries stay listed without a node. */
	test_log_clear();
	numa.nid[0] = numa.nid[1] = -1;
	numa.nr_cpu_nodes = 0;
	acpi_srat_numa_log(&numa, -EBADMSG);
	CHECK_INT(test_log_lines, 3);
	if (test_log_lines == 3) {
		CHECK_STR(test_log[0], "ACPI: SRAT: Node -1 PXM 0 [mem 0x0000000000000000-0x000000003fffffff]");
		CHECK_STR(test_log[2], "ACPI: SRAT: cannot assign nodes (-74)");
	}
	/* Bad input logs nothing. */
	test_log_clear();
	acpi_srat_numa_log(NULL, 0);
	numa.nr_mem = numa.max_mem + 1;
	acpi_srat_numa_log(&numa, 0);
	numa.nr_mem = 0;
	numa.nr_cpu_nodes = numa.max_nodes + 1;
	acpi_srat_numa_log(&numa, 0);
	CHECK_INT(test_log_lines, 0);
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
	TEST_CASE(nodes_recorded),
	TEST_CASE(memoryless_cpu_domain_first),
	TEST_CASE(cpu_order_differs_from_memory),
	TEST_CASE(disabled_cpus_ignored),
	TEST_CASE(gicc_table),
	TEST_CASE(rintc_and_wide_domains),
	TEST_CASE(lapic_domain_high_bytes),
	TEST_CASE(nodes_bad_input),
	TEST_CASE(memblock_nodes_memoryless_first),
	TEST_CASE(memblock_nodes_bad_input),
	TEST_CASE(numa_init_cpus_swapped),
	TEST_CASE(numa_init_memoryless_and_hotplug),
	TEST_CASE(numa_init_bad_input),
	TEST_CASE(numa_log_lines),
};

TAP_MAIN(cases)
