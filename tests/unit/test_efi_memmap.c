// SPDX-License-Identifier: BSD-2-Clause
/*
 * Reading a UEFI memory map (firmware/efi.h): the stride and version are
 * the firmware's (48-byte descriptors with garbage after the version 1
 * fields, any buffer alignment), bad geometry is refused with the map
 * untouched, and every kind of bad descriptor gets the verdict the header
 * documents. Expected values are the UEFI specification's layout and the
 * header's contract, written out by hand.
 */
#include "harness.h"
#include "../fixtures/efi_maps.h"

static unsigned char buf[64 * 64 + 1];

static struct efi_memmap sentinel(void)
{
	struct efi_memmap m;

	memset(&m, 0x5a, sizeof(m));
	return m;
}

/* A 48-byte stride read at 48, not at sizeof or 40. */
static void stride_is_the_firmwares(void)
{
	struct efi_memmap m;
	struct efi_memory_desc md;
	uint64_t size = efi_fix_write(buf, 48, efi_pc, ARRAY_SIZE(efi_pc));

	CHECK_INT(efi_memmap_init(&m, buf, 0x1000, size, 48, 1), 0);
	CHECK_INT(m.nr, ARRAY_SIZE(efi_pc));
	CHECK_EQ(m.desc_size, 48);
	CHECK_EQ(m.map_phys, 0x1000);
	for (uint32_t i = 0; i < m.nr; i++) {
		CHECK_INT(efi_memmap_get(&m, i, &md), 0);
		CHECK_INT(md.type, efi_pc[i].type);
		CHECK_EQ(md.phys_start, efi_pc[i].phys);
		CHECK_EQ(md.num_pages, efi_pc[i].pages);
		CHECK_EQ(md.attribute, efi_pc[i].attr);
		CHECK_EQ(md.virt_start, 0);
	}
	/* Descriptor 13: its fields, byte by byte as the spec lays them out. */
	CHECK_INT(efi_memmap_get(&m, 13, &md), 0);
	CHECK_EQ(md.phys_start, 0x100000000ULL);
	CHECK_EQ(md.num_pages, 0x40000);
	CHECK_EQ(md.attribute, 0x1000fULL);
	/* Past the end: refused, untouched. */
	md.type = 77;
	CHECK_INT(efi_memmap_get(&m, m.nr, &md), -EINVAL);
	CHECK_INT(md.type, 77);
	CHECK_INT(efi_memmap_get(NULL, 0, &md), -EINVAL);
	CHECK_INT(efi_memmap_get(&m, 0, NULL), -EINVAL);
}

/* Version 1's own size, a larger later version, an odd buffer address. */
static void sizes_versions_alignment(void)
{
	struct efi_memmap m;
	struct efi_memory_desc md;
	uint64_t size;

	size = efi_fix_write(buf, 40, efi_pc, ARRAY_SIZE(efi_pc));
	CHECK_INT(efi_memmap_init(&m, buf, 0, size, 40, 1), 0);
	CHECK_INT(m.nr, ARRAY_SIZE(efi_pc));
	CHECK_INT(efi_memmap_get(&m, 15, &md), 0);
	CHECK_INT(md.type, EFI_PERSISTENT_MEMORY);
	CHECK_EQ(md.phys_start, 0x180000000ULL);

	size = efi_fix_write(buf + 1, 64, efi_pc, ARRAY_SIZE(efi_pc));
	CHECK_INT(efi_memmap_init(&m, buf + 1, 0, size, 64, 7), 0);
	CHECK_INT(m.desc_version, 7);
	CHECK_INT(efi_memmap_get(&m, 4, &md), 0);
	CHECK_EQ(md.phys_start, 0x20000000);
	CHECK_EQ(md.attribute, CACHE | MR);

	/* An empty map is a map. */
	CHECK_INT(efi_memmap_init(&m, NULL, 0, 0, 48, 1), 0);
	CHECK_INT(m.nr, 0);
}

static void bad_geometry(void)
{
	struct efi_memmap m = sentinel(), want = sentinel();

	CHECK_INT(efi_memmap_init(&m, buf, 0, 48 * 3, 39, 1), -EINVAL);
	CHECK_INT(efi_memmap_init(&m, buf, 0, 48 * 3, 0, 1), -EINVAL);
	CHECK_INT(efi_memmap_init(&m, buf, 0, 48 * 3 + 8, 48, 1), -EINVAL);
	CHECK_INT(efi_memmap_init(&m, NULL, 0, 48, 48, 1), -EINVAL);
	CHECK_INT(efi_memmap_init(&m, buf, 0, 48, 48, 0), -EPROTONOSUPPORT);
	CHECK_INT(efi_memmap_init(&m, buf, 0, 40ULL << 32, 40, 1), -EINVAL);
	CHECK_INT(efi_memmap_init(NULL, buf, 0, 48, 48, 1), -EINVAL);
	CHECK(!memcmp(&m, &want, sizeof(m)));
}

static struct efi_memory_desc desc(uint64_t phys, uint64_t pages)
{
	struct efi_memory_desc md = {
		.type = EFI_CONVENTIONAL_MEMORY, .phys_start = phys,
		.num_pages = pages, .attribute = WB,
	};
	return md;
}

static void verdicts(void)
{
	struct efi_memory_desc md;

	md = desc(0x1000, 1);
	CHECK_INT(efi_md_check(&md), EFI_MD_OK);
	CHECK_EQ(efi_md_end(&md), 0x2000);
	md = desc(0x1000, 0);
	CHECK_INT(efi_md_check(&md), EFI_MD_EMPTY);
	md = desc(0x1234, 0);
	CHECK_INT(efi_md_check(&md), EFI_MD_EMPTY);
	md = desc(0x1800, 1);
	CHECK_INT(efi_md_check(&md), EFI_MD_MISALIGNED);
	md = desc(0xfffffffffffff800ULL, 4);
	CHECK_INT(efi_md_check(&md), EFI_MD_MISALIGNED);
	/* The last page of the 64-bit space: fine, its end is 2^64 (0). */
	md = desc(0xfffffffffffff000ULL, 1);
	CHECK_INT(efi_md_check(&md), EFI_MD_OK);
	CHECK_EQ(efi_md_end(&md), 0);
	md = desc(0xfffffffffffff000ULL, 2);
	CHECK_INT(efi_md_check(&md), EFI_MD_WRAPS);
	/* All 2^52 pages from 0 is the whole space; one more page is not. */
	md = desc(0, 1ULL << 52);
	CHECK_INT(efi_md_check(&md), EFI_MD_OK);
	md = desc(0x1000, 1ULL << 52);
	CHECK_INT(efi_md_check(&md), EFI_MD_WRAPS);
	md = desc(0, (1ULL << 52) + 1);
	CHECK_INT(efi_md_check(&md), EFI_MD_WRAPS);
	md = desc(0, ~0ULL);
	CHECK_INT(efi_md_check(&md), EFI_MD_WRAPS);
}

/* Every kind of bad entry, counted; nothing else read past the map. */
static void check_counts(void)
{
	static const struct efi_fix_md bad[] = {
		{ EFI_CONVENTIONAL_MEMORY, 0x200000, PG(0x100000), WB | MR },
		{ EFI_CONVENTIONAL_MEMORY, 0x100000, PG(0x100000), WB },	/* unsorted */
		{ EFI_LOADER_DATA, 0x180000, PG(0x10000), WB },	/* overlaps #1 */
		{ EFI_CONVENTIONAL_MEMORY, 0x400000, 0, WB },	/* empty */
		{ EFI_CONVENTIONAL_MEMORY, 0x400800, 1, WB },	/* misaligned */
		{ EFI_CONVENTIONAL_MEMORY, 0xfffffffffffff000ULL, 2, WB },	/* wraps */
		{ 0x80000000, 0x500000, 1, WB | MR },	/* OS type: unknown */
		{ EFI_MAX_MEMORY_TYPE, 0x200000, 1, WB },	/* unknown, overlaps #0 */
	};
	struct efi_memmap m;
	struct efi_memmap_stats st;
	uint64_t size = efi_fix_write(buf, 48, bad, ARRAY_SIZE(bad));

	CHECK_INT(efi_memmap_init(&m, buf, 0, size, 48, 1), 0);
	memset(&st, 0xff, sizeof(st));
	CHECK_INT(efi_memmap_check(&m, &st), 0);
	CHECK_INT(st.nr, 8);
	CHECK_INT(st.usable, 5);
	CHECK_INT(st.empty, 1);
	CHECK_INT(st.misaligned, 1);
	CHECK_INT(st.wrapping, 1);
	CHECK_INT(st.unknown_type, 2);
	CHECK_INT(st.overlaps, 2);
	/* 0x200000, 0x100000 (down), 0x180000, 0x500000, 0x200000 (down) */
	CHECK_INT(st.unsorted, 2);
	CHECK_EQ(st.mirror_bytes, 0x100000 + 0x1000);
	CHECK_INT(efi_memmap_check(NULL, &st), -EINVAL);
	CHECK_INT(efi_memmap_check(&m, NULL), -EINVAL);

	size = efi_fix_write(buf, 48, efi_pc, ARRAY_SIZE(efi_pc));
	CHECK_INT(efi_memmap_init(&m, buf, 0, size, 48, 1), 0);
	CHECK_INT(efi_memmap_check(&m, &st), 0);
	CHECK_INT(st.usable, 16);
	CHECK_INT(st.overlaps + st.unsorted + st.empty + st.unknown_type, 0);
	CHECK_EQ(st.mirror_bytes, 0x200000 + 0x40000000ULL);
}

static void type_names(void)
{
	static const char *const want[] = {
		"Reserved", "Loader Code", "Loader Data", "Boot Code",
		"Boot Data", "Runtime Code", "Runtime Data", "Conventional",
		"Unusable", "ACPI Reclaim", "ACPI Mem NVS", "MMIO",
		"MMIO Port", "PAL Code", "Persistent", "Unaccepted",
	};

	for (uint32_t t = 0; t < ARRAY_SIZE(want); t++) {
		CHECK_STR(efi_md_type_name(t), want[t]);
		CHECK_INT(efi_md_type_from_name(want[t], strlen(want[t])), t);
	}
	CHECK_STR(efi_md_type_name(16), "Unknown");
	CHECK_STR(efi_md_type_name(0x70000000), "Unknown");
	CHECK_INT(efi_md_type_from_name("Conventional   ", 15), EFI_CONVENTIONAL_MEMORY);
	CHECK_INT(efi_md_type_from_name("MMIO Port", 4), EFI_MEMORY_MAPPED_IO);
	CHECK_INT(efi_md_type_from_name("Unknown", 7), -EINVAL);
	CHECK_INT(efi_md_type_from_name("Conv", 4), -EINVAL);
	CHECK_INT(efi_md_type_from_name("", 0), -EINVAL);
	CHECK_INT(efi_md_type_from_name(NULL, 3), -EINVAL);
}

static const struct test_case cases[] = {
	TEST_CASE(stride_is_the_firmwares),
	TEST_CASE(sizes_versions_alignment),
	TEST_CASE(bad_geometry),
	TEST_CASE(verdicts),
	TEST_CASE(check_counts),
	TEST_CASE(type_names),
};

TAP_MAIN(cases)
