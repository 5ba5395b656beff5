// SPDX-License-Identifier: BSD-2-Clause
/*
 * Reading a UEFI memory map (firmware/include/firmware/efi.h): the
 * geometry the firmware reported, descriptors read field by field at the
 * reported stride, and the per-descriptor verdicts the conversions use.
 */
#include <firmware/efi.h>
#include "fw_div.h"

/* Little-endian loads byte by byte: the buffer may have any alignment. */
static uint64_t le64_at(const unsigned char *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

static uint32_t le32_at(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

int efi_memmap_init(struct efi_memmap *m, const void *map, uint64_t map_phys,
		    uint64_t map_size, uint64_t desc_size, uint32_t desc_version)
{
	uint64_t nr, rem;

	if (!m || (!map && map_size) || desc_size < EFI_MEMORY_DESC_V1_SIZE)
		return -EINVAL;
	nr = fw_div_u64(map_size, desc_size, &rem);
	if (rem)
		return -EINVAL;
	if (nr > UINT32_MAX)
		return -EINVAL;
	if (!desc_version)
		return -EPROTONOSUPPORT;
	m->map = map;
	m->map_phys = map_phys;
	m->map_size = map_size;
	m->desc_size = desc_size;
	m->desc_version = desc_version;
	m->nr = (uint32_t)nr;
	return 0;
}

int efi_memmap_get(const struct efi_memmap *m, uint32_t i,
		   struct efi_memory_desc *md)
{
	const unsigned char *p;

	if (!m || !md || i >= m->nr)
		return -EINVAL;
	p = (const unsigned char *)m->map + (size_t)(i * m->desc_size);
	md->type = le32_at(p + EFI_MD_OFF_TYPE);
	md->phys_start = le64_at(p + EFI_MD_OFF_PHYS);
	md->virt_start = le64_at(p + EFI_MD_OFF_VIRT);
	md->num_pages = le64_at(p + EFI_MD_OFF_PAGES);
	md->attribute = le64_at(p + EFI_MD_OFF_ATTR);
	return 0;
}

int efi_md_check(const struct efi_memory_desc *md)
{
	uint64_t bytes;

	if (!md->num_pages)
		return EFI_MD_EMPTY;
	if (md->phys_start & (EFI_PAGE_SIZE - 1))
		return EFI_MD_MISALIGNED;
	/* 2^52 pages is all of the 64-bit space: more cannot be a range. */
	if (md->num_pages > (1ULL << (64 - EFI_PAGE_SHIFT)))
		return EFI_MD_WRAPS;
	bytes = md->num_pages << EFI_PAGE_SHIFT;	/* 0 for exactly 2^52 */
	if (bytes && md->phys_start + bytes - 1 < md->phys_start)
		return EFI_MD_WRAPS;
	if (!bytes && md->phys_start)
		return EFI_MD_WRAPS;
	return EFI_MD_OK;
}

uint64_t efi_md_end(const struct efi_memory_desc *md)
{
	return md->phys_start + (md->num_pages << EFI_PAGE_SHIFT);
}

/* Field by field: clang turns a zeroing struct assignment into memset(). */
static void stats_clear(struct efi_memmap_stats *st)
{
	st->nr = st->usable = st->empty = st->misaligned = st->wrapping = 0;
	st->unknown_type = st->overlaps = st->unsorted = 0;
	st->mirror_bytes = 0;
}

/* Inclusive last bytes: a range ending at 2^64 has an end of 0. */
static bool md_overlap(const struct efi_memory_desc *a,
		       const struct efi_memory_desc *b)
{
	uint64_t la = efi_md_end(a) - 1, lb = efi_md_end(b) - 1;

	return a->phys_start <= lb && b->phys_start <= la;
}

int efi_memmap_check(const struct efi_memmap *m, struct efi_memmap_stats *st)
{
	struct efi_memory_desc md, other;
	uint64_t prev = 0;
	bool have_prev = false;

	if (!m || !st)
		return -EINVAL;
	stats_clear(st);
	st->nr = m->nr;
	for (uint32_t i = 0; i < m->nr; i++) {
		efi_memmap_get(m, i, &md);
		switch (efi_md_check(&md)) {
		case EFI_MD_EMPTY:
			st->empty++;
			continue;
		case EFI_MD_MISALIGNED:
			st->misaligned++;
			continue;
		case EFI_MD_WRAPS:
			st->wrapping++;
			continue;
		}
		st->usable++;
		if (md.type >= EFI_MAX_MEMORY_TYPE)
			st->unknown_type++;
		if (md.attribute & EFI_MEMORY_MORE_RELIABLE)
			st->mirror_bytes += md.num_pages << EFI_PAGE_SHIFT;
		if (have_prev && md.phys_start < prev)
			st->unsorted++;
		prev = md.phys_start;
		have_prev = true;
		for (uint32_t j = i + 1; j < m->nr; j++) {
			efi_memmap_get(m, j, &other);
			if (efi_md_check(&other) == EFI_MD_OK && md_overlap(&md, &other))
				st->overlaps++;
		}
	}
	return 0;
}

/* Linux's efi=debug names (at most 12 characters, padded there). */
static const char *const type_names[EFI_MAX_MEMORY_TYPE] = {
	[EFI_RESERVED_MEMORY_TYPE] = "Reserved",
	[EFI_LOADER_CODE] = "Loader Code",
	[EFI_LOADER_DATA] = "Loader Data",
	[EFI_BOOT_SERVICES_CODE] = "Boot Code",
	[EFI_BOOT_SERVICES_DATA] = "Boot Data",
	[EFI_RUNTIME_SERVICES_CODE] = "Runtime Code",
	[EFI_RUNTIME_SERVICES_DATA] = "Runtime Data",
	[EFI_CONVENTIONAL_MEMORY] = "Conventional",
	[EFI_UNUSABLE_MEMORY] = "Unusable",
	[EFI_ACPI_RECLAIM_MEMORY] = "ACPI Reclaim",
	[EFI_ACPI_MEMORY_NVS] = "ACPI Mem NVS",
	[EFI_MEMORY_MAPPED_IO] = "MMIO",
	[EFI_MEMORY_MAPPED_IO_PORT_SPACE] = "MMIO Port",
	[EFI_PAL_CODE] = "PAL Code",
	[EFI_PERSISTENT_MEMORY] = "Persistent",
	[EFI_UNACCEPTED_MEMORY] = "Unaccepted",
};

const char *efi_md_type_name(uint32_t type)
{
	return type < EFI_MAX_MEMORY_TYPE ? type_names[type] : "Unknown";
}

int efi_md_type_from_name(const char *name, size_t len)
{
	if (!name)
		return -EINVAL;
	while (len && name[len - 1] == ' ')
		len--;
	for (int t = 0; t < EFI_MAX_MEMORY_TYPE; t++) {
		const char *s = type_names[t];
		size_t k = 0;

		while (k < len && s[k] && s[k] == name[k])
			k++;
		if (k == len && !s[k])
			return t;
	}
	return -EINVAL;
}
