// SPDX-License-Identifier: BSD-2-Clause
/*
 * Multiboot2 boot information: a header (total size, reserved) and then
 * tags, each {type, size} followed by its data and padded to 8 bytes, up
 * to an end tag. Only sizes that were checked are ever used to read.
 */
#include <stdbool.h>
#include <stddef.h>
#include <firmware/multiboot2.h>

struct tag {
	uint32_t type;
	uint32_t size;
};

struct mmap_entry {
	uint64_t addr;
	uint64_t len;
	uint32_t type;
	uint32_t reserved;
};

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint64_t rd64(const uint8_t *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/*
 * Without @e820 (the checking pass) only count the entries in
 * info->mmap_entries, against the @room the table has left.
 */
static int parse_mmap(const uint8_t *t, uint32_t size, struct e820_table *e820,
		      uint32_t room, struct mb2_info *info)
{
	uint32_t entry_size, off;
	int err;

	if (size < 16)
		return -EBADMSG;
	entry_size = rd32(t + 8);
	if (entry_size < sizeof(struct mmap_entry) || entry_size % 8)
		return -EBADMSG;
	/* Entries are entry_size apart; trailing bytes short of one are ignored. */
	for (off = 16; size - off >= entry_size; off += entry_size) {
		const uint8_t *e = t + off;

		if (!e820 && info->mmap_entries == room)
			return -ENOSPC;
		if (e820) {
			err = e820_table_add(e820, rd64(e), rd64(e + 8), rd32(e + 16));
			if (err)
				return err;
		}
		info->mmap_entries++;
	}
	return 0;
}

static bool has_nul(const uint8_t *s, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (!s[i])
			return true;
	return false;
}

static int parse_module(const uint8_t *t, uint32_t size, struct mb2_info *info)
{
	struct mb2_module *mod;

	if (size < 17 || !has_nul(t + 16, size - 16) || rd32(t + 12) < rd32(t + 8))
		return -EBADMSG;
	if (info->nr_modules == MB2_MAX_MODULES)
		return -ENOSPC;
	mod = &info->modules[info->nr_modules++];
	mod->start = rd32(t + 8);
	mod->end = rd32(t + 12);
	mod->cmdline = (const char *)(t + 16);
	return 0;
}

/*
 * One pass over the tags. The first pass (@e820 NULL, @info scratch) finds
 * every error; the second, which cannot fail, writes the outputs. So an
 * error leaves the caller's table and info as they were.
 */
static int walk(const uint8_t *base, uint32_t total, struct e820_table *e820,
		uint32_t room, struct mb2_info *info)
{
	uint32_t off;
	bool have_mmap = false, have_new_rsdp = false;
	int err;

	/*
	 * Field by field: zeroing the whole struct (modules[] included) makes
	 * compilers emit a memset() call, which the parsers must not need.
	 * modules[] is only read up to nr_modules.
	 */
	info->total_size = total;
	info->cmdline = NULL;
	info->rsdp = NULL;
	info->rsdp_size = 0;
	info->mmap_entries = 0;
	info->nr_modules = 0;

	for (off = 8; ; off = (off + 7) & ~7u) {
		const uint8_t *t = base + off;
		uint32_t type, size;

		if (off > total || total - off < sizeof(struct tag))
			return -EBADMSG;	/* ran out before the end tag */
		type = rd32(t);
		size = rd32(t + 4);
		if (size < sizeof(struct tag) || size > total - off)
			return -EBADMSG;
		switch (type) {
		case MB2_TAG_END:
			if (!have_mmap)
				return -ENOENT;
			return 0;
		case MB2_TAG_CMDLINE:
			if (!has_nul(t + 8, size - 8))
				return -EBADMSG;
			info->cmdline = (const char *)(t + 8);
			break;
		case MB2_TAG_MODULE:
			err = parse_module(t, size, info);
			if (err)
				return err;
			break;
		case MB2_TAG_MMAP:
			err = parse_mmap(t, size, e820, room, info);
			if (err)
				return err;
			have_mmap = true;
			break;
		case MB2_TAG_ACPI_NEW:
		case MB2_TAG_ACPI_OLD:
			if (type == MB2_TAG_ACPI_OLD && have_new_rsdp)
				break;
			have_new_rsdp = type == MB2_TAG_ACPI_NEW;
			info->rsdp = t + 8;
			info->rsdp_size = size - 8;
			break;
		default:
			break;	/* tags we do not use */
		}
		off += size;
	}
}

int mb2_parse(const void *mbi, uint32_t magic, struct e820_table *e820,
	      struct mb2_info *info)
{
	const uint8_t *base = mbi;
	struct mb2_info scratch;
	uint32_t total;
	int err;

	if (!mbi || !e820 || !info || magic != MB2_BOOTLOADER_MAGIC ||
	    ((uintptr_t)mbi & 7) || e820->nr_entries > E820_MAX_ENTRIES)
		return -EINVAL;
	total = rd32(base);
	if (total < 16 || total > MB2_INFO_MAX)
		return -EINVAL;
	err = walk(base, total, NULL, E820_MAX_ENTRIES - e820->nr_entries,
		   &scratch);
	if (err)
		return err;
	return walk(base, total, e820, 0, info);
}
