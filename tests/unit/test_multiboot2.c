// SPDX-License-Identifier: BSD-2-Clause
/*
 * mb2_parse(): boot information recorded from GRUB on QEMU (which must give
 * the same e820 map as the PVH path), and made-up information, malformed in
 * every way the parser checks.
 */
#include "harness.h"
#include <firmware/multiboot2.h>
#include "../fixtures/e820_qemu.h"
#include "../fixtures/mb2_grub.h"

#define MAGIC	MB2_BOOTLOADER_MAGIC

static struct e820_table tbl;
static struct mb2_info info;
static uint64_t buf[512];	/* 8-byte aligned scratch information */
static size_t len;		/* bytes written so far */

static void put32(size_t off, uint32_t v)
{
	memcpy((uint8_t *)buf + off, &v, 4);
}

static void put64(size_t off, uint64_t v)
{
	memcpy((uint8_t *)buf + off, &v, 8);
}

static void begin(void)
{
	memset(buf, 0, sizeof(buf));
	memset(&tbl, 0, sizeof(tbl));
	len = 8;
}

/* Append a tag with @n bytes of data; returns the data's offset. */
static size_t tag(uint32_t type, const void *data, uint32_t n)
{
	size_t off = len;

	put32(off, type);
	put32(off + 4, 8 + n);
	if (data)
		memcpy((uint8_t *)buf + off + 8, data, n);
	len = (off + 8 + n + 7) & ~(size_t)7;
	return off + 8;
}

static void mmap_tag(uint32_t entry_size, const struct e820_entry *e, size_t n)
{
	size_t d = tag(MB2_TAG_MMAP, NULL, 8 + entry_size * (uint32_t)n);

	put32(d, entry_size);
	put32(d + 4, 0);
	for (size_t i = 0; i < n; i++) {
		put64(d + 8 + i * entry_size, e[i].addr);
		put64(d + 8 + i * entry_size + 8, e[i].size);
		put32(d + 8 + i * entry_size + 16, e[i].type);
	}
}

static int finish(void)
{
	tag(MB2_TAG_END, NULL, 0);
	put32(0, (uint32_t)len);
	return mb2_parse(buf, MAGIC, &tbl, &info);
}

static const struct e820_entry two[] = {
	{ 0, 0x9fc00, 1 }, { 0x100000, 0x1000000, 1 },
};

static void expect_map(const struct e820_entry *want, size_t n)
{
	CHECK_INT(tbl.nr_entries, n);
	for (size_t i = 0; i < n && i < tbl.nr_entries; i++) {
		CHECK_EQ(tbl.entries[i].addr, want[i].addr);
		CHECK_EQ(tbl.entries[i].size, want[i].size);
		CHECK_EQ(tbl.entries[i].type, want[i].type);
	}
}

static void grub_pc(void)
{
	memset(&tbl, 0, sizeof(tbl));
	CHECK_INT(mb2_parse(grub_pc_1G, MAGIC, &tbl, &info), 0);
	CHECK_INT(info.total_size, sizeof(grub_pc_1G));
	CHECK_STR(info.cmdline, "memblock=debug");
	CHECK_INT(info.mmap_entries, 7);
	CHECK_INT(info.rsdp_size, 20);
	CHECK(info.rsdp && !memcmp(info.rsdp, "RSD PTR ", 8));
	/* GRUB and PVH see the same firmware map. */
	expect_map(qemu_pc_1G, ARRAY_SIZE(qemu_pc_1G));
}

static void grub_q35(void)
{
	memset(&tbl, 0, sizeof(tbl));
	CHECK_INT(mb2_parse(grub_q35_1G, MAGIC, &tbl, &info), 0);
	CHECK_INT(info.total_size, sizeof(grub_q35_1G));
	CHECK_STR(info.cmdline, "memblock=debug");
	CHECK_INT(info.mmap_entries, 9);
	expect_map(qemu_q35_1G, ARRAY_SIZE(qemu_q35_1G));
}

static void grub_truncated(void)
{
	/* Every shorter total size cuts a tag or loses the end tag. */
	static uint64_t copy[sizeof(grub_pc_1G) / 8];

	memcpy(copy, grub_pc_1G, sizeof(grub_pc_1G));
	for (uint32_t total = 16; total < sizeof(grub_pc_1G); total += 4) {
		int err;

		memset(&tbl, 0, sizeof(tbl));
		memcpy(copy, &total, 4);
		err = mb2_parse(copy, MAGIC, &tbl, &info);
		if (err != -EBADMSG) {
			tap_fail(__FILE__, __LINE__, "total %u: got %d", total, err);
			return;
		}
	}
}

static void minimal(void)
{
	begin();
	mmap_tag(24, two, 2);
	CHECK_INT(finish(), 0);
	expect_map(two, 2);
	CHECK(info.cmdline == NULL);
	CHECK(info.rsdp == NULL);
	CHECK_INT(info.rsdp_size, 0);
	CHECK_INT(info.total_size, len);
}

static void larger_entries_are_strided(void)
{
	begin();
	mmap_tag(32, two, 2);
	CHECK_INT(finish(), 0);
	expect_map(two, 2);
}

static void unknown_tags_skipped(void)
{
	static const char junk[13] = "not for us!!";

	begin();
	tag(0x1234, junk, sizeof(junk));
	tag(MB2_TAG_CMDLINE, "a b=c", 6);
	mmap_tag(24, two, 2);
	tag(0x99, NULL, 0);
	CHECK_INT(finish(), 0);
	CHECK_STR(info.cmdline, "a b=c");
	expect_map(two, 2);
}

static void acpi_new_preferred(void)
{
	static const char v1[20] = "RSD PTR v1", v2[36] = "RSD PTR v2";

	begin();
	tag(MB2_TAG_ACPI_NEW, v2, sizeof(v2));
	tag(MB2_TAG_ACPI_OLD, v1, sizeof(v1));
	mmap_tag(24, two, 2);
	CHECK_INT(finish(), 0);
	CHECK_INT(info.rsdp_size, 36);
	CHECK(info.rsdp && !memcmp(info.rsdp, "RSD PTR v2", 10));

	begin();
	tag(MB2_TAG_ACPI_OLD, v1, sizeof(v1));
	tag(MB2_TAG_ACPI_NEW, v2, sizeof(v2));
	mmap_tag(24, two, 2);
	CHECK_INT(finish(), 0);
	CHECK_INT(info.rsdp_size, 36);
}

static void bad_arguments(void)
{
	begin();
	mmap_tag(24, two, 2);
	CHECK_INT(finish(), 0);
	CHECK_INT(mb2_parse(buf, 0x2badb002, &tbl, &info), -EINVAL);
	CHECK_INT(mb2_parse(NULL, MAGIC, &tbl, &info), -EINVAL);
	CHECK_INT(mb2_parse(buf, MAGIC, NULL, &info), -EINVAL);
	CHECK_INT(mb2_parse(buf, MAGIC, &tbl, NULL), -EINVAL);
	CHECK_INT(mb2_parse((uint8_t *)buf + 4, MAGIC, &tbl, &info), -EINVAL);
	put32(0, 8);
	CHECK_INT(mb2_parse(buf, MAGIC, &tbl, &info), -EINVAL);
	put32(0, MB2_INFO_MAX + 8);
	CHECK_INT(mb2_parse(buf, MAGIC, &tbl, &info), -EINVAL);
}

static void malformed(void)
{
	size_t d;

	/* No end tag: the total size ends after the memory map. */
	begin();
	mmap_tag(24, two, 2);
	put32(0, (uint32_t)len);
	CHECK_INT(mb2_parse(buf, MAGIC, &tbl, &info), -EBADMSG);

	/* A tag smaller than its own header. */
	begin();
	d = tag(MB2_TAG_CMDLINE, "x", 2);
	put32(d - 4, 4);
	mmap_tag(24, two, 2);
	CHECK_INT(finish(), -EBADMSG);

	/* A tag larger than what is left. */
	begin();
	mmap_tag(24, two, 2);
	put32(12, 0x10000);
	CHECK_INT(finish(), -EBADMSG);

	/* A command line without its NUL. */
	begin();
	tag(MB2_TAG_CMDLINE, "abcdefgh", 8);
	mmap_tag(24, two, 2);
	CHECK_INT(finish(), -EBADMSG);

	/* Memory map entries too small, or not a multiple of 8. */
	begin();
	mmap_tag(16, two, 2);
	CHECK_INT(finish(), -EBADMSG);
	begin();
	mmap_tag(28, two, 2);
	CHECK_INT(finish(), -EBADMSG);

	/* A memory map tag too short for its own header. */
	begin();
	tag(MB2_TAG_MMAP, "\x18\0\0\0", 4);
	CHECK_INT(finish(), -EBADMSG);
}

static void no_memory_map(void)
{
	begin();
	tag(MB2_TAG_CMDLINE, "x", 2);
	CHECK_INT(finish(), -ENOENT);
}

static void module_tag(uint32_t start, uint32_t end, const char *str)
{
	size_t n = strlen(str) + 1;
	uint8_t d[64];

	memcpy(d, &start, 4);
	memcpy(d + 4, &end, 4);
	memcpy(d + 8, str, n);
	tag(MB2_TAG_MODULE, d, (uint32_t)(8 + n));
}

static void modules(void)
{
	begin();
	module_tag(0x200000, 0x234567, "initrd");
	mmap_tag(24, two, 2);
	module_tag(0x300000, 0x300000, "");
	CHECK_INT(finish(), 0);
	CHECK_INT(info.nr_modules, 2);
	CHECK_EQ(info.modules[0].start, 0x200000);
	CHECK_EQ(info.modules[0].end, 0x234567);
	CHECK_STR(info.modules[0].cmdline, "initrd");
	CHECK_EQ(info.modules[1].start, 0x300000);
	CHECK_STR(info.modules[1].cmdline, "");

	/* Ends before it starts. */
	begin();
	module_tag(0x200000, 0x1fffff, "x");
	mmap_tag(24, two, 2);
	CHECK_INT(finish(), -EBADMSG);

	/* String without its NUL. */
	begin();
	mmap_tag(24, two, 2);
	{
		size_t d = tag(MB2_TAG_MODULE, NULL, 12);

		put32(d, 0x200000);
		put32(d + 4, 0x201000);
		memcpy((uint8_t *)buf + d + 8, "abcd", 4);
	}
	CHECK_INT(finish(), -EBADMSG);

	/* Too short to hold the addresses. */
	begin();
	mmap_tag(24, two, 2);
	tag(MB2_TAG_MODULE, "\0\0\0\0", 4);
	CHECK_INT(finish(), -EBADMSG);

	/* More modules than remembered: an error, nothing silently lost. */
	begin();
	mmap_tag(24, two, 2);
	for (int i = 0; i <= MB2_MAX_MODULES; i++)
		module_tag(0x200000 + i * 0x1000, 0x201000 + i * 0x1000, "m");
	CHECK_INT(finish(), -ENOSPC);
}

/*
 * Regression (issue 12, defect 8): a parse error after the memory map tag
 * left its entries appended. Every error must leave the table and the
 * info byte for byte as they were.
 */
static void parse_error_leaves_output_unchanged(void)
{
	static struct e820_table before;
	static struct e820_entry many[E820_MAX_ENTRIES];
	struct mb2_info info_before;

	for (int c = 0; c < 5; c++) {
		begin();
		/* Whatever the caller had already: one entry and stale info. */
		CHECK_INT(e820_table_add(&tbl, 0xfee00000, 0x1000, 2), 0);
		memset(&info, 0xa5, sizeof(info));
		mmap_tag(24, two, 2);
		switch (c) {
		case 0:		/* a command line without its NUL */
			tag(MB2_TAG_CMDLINE, "abcdefgh", 8);
			break;
		case 1:		/* too many modules */
			for (int i = 0; i <= MB2_MAX_MODULES; i++)
				module_tag(0x200000 + i * 0x1000,
					   0x201000 + i * 0x1000, "m");
			break;
		case 2:		/* a second map that does not fit */
			for (size_t i = 0; i < ARRAY_SIZE(many); i++)
				many[i] = (struct e820_entry){ i * 0x2000, 0x1000, 1 };
			mmap_tag(24, many, E820_MAX_ENTRIES - 2);
			break;
		case 3:		/* a tag larger than what is left */
			put32(tag(MB2_TAG_CMDLINE, "x", 2) - 4, 0x10000);
			break;
		case 4:		/* a malformed second map */
			tag(MB2_TAG_MMAP, "\x18\0\0\0", 4);
			break;
		}
		before = tbl;
		info_before = info;
		CHECK(finish() < 0);
		CHECK(!memcmp(&tbl, &before, sizeof(tbl)));
		CHECK(!memcmp(&info, &info_before, sizeof(info)));
		CHECK_INT(tbl.nr_entries, 1);
	}

	/* The same information without the fault appends both entries. */
	begin();
	CHECK_INT(e820_table_add(&tbl, 0xfee00000, 0x1000, 2), 0);
	mmap_tag(24, two, 2);
	CHECK_INT(finish(), 0);
	CHECK_INT(tbl.nr_entries, 3);
	CHECK_INT(info.mmap_entries, 2);
}

static void table_full(void)
{
	static struct e820_entry many[E820_MAX_ENTRIES + 1];

	for (size_t i = 0; i < ARRAY_SIZE(many); i++)
		many[i] = (struct e820_entry){ i * 0x2000, 0x1000, 1 };
	begin();
	mmap_tag(24, many, ARRAY_SIZE(many));
	CHECK_INT(finish(), -ENOSPC);
	CHECK_INT(tbl.nr_entries, 0);	/* nothing appended on error */
}

static const struct test_case cases[] = {
	TEST_CASE(grub_pc),
	TEST_CASE(grub_q35),
	TEST_CASE(grub_truncated),
	TEST_CASE(minimal),
	TEST_CASE(larger_entries_are_strided),
	TEST_CASE(unknown_tags_skipped),
	TEST_CASE(acpi_new_preferred),
	TEST_CASE(bad_arguments),
	TEST_CASE(malformed),
	TEST_CASE(no_memory_map),
	TEST_CASE(modules),
	TEST_CASE(table_full),
	TEST_CASE(parse_error_leaves_output_unchanged),
};

TAP_MAIN(cases)
