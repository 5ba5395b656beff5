// SPDX-License-Identifier: BSD-2-Clause
/*
 * ACPI table discovery and the SRAT memory affinity entries. Nothing is
 * read before the length that covers it has been checked.
 */
#include <firmware/acpi.h>

#define SRAT_HEADER_SIZE	48	/* SDT header + 12 reserved bytes */
#define SRAT_MEM_AFFINITY	1
#define SRAT_MEM_SIZE		40
#define SRAT_MEM_ENABLED	(1u << 0)
#define SRAT_MEM_HOTPLUG	(1u << 1)
#define SRAT_MEM_NONVOLATILE	(1u << 2)

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint64_t rd64(const uint8_t *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static bool sig_is(const uint8_t *p, const char *sig, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (uint8_t)sig[i])
			return false;
	return true;
}

bool acpi_checksum_ok(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	for (size_t i = 0; i < len; i++)
		sum = (uint8_t)(sum + b[i]);
	return sum == 0;
}

int acpi_rsdp_valid(const void *rsdp, size_t len)
{
	const uint8_t *p = rsdp;
	uint32_t xlen;

	if (!p || len < ACPI_RSDP_V1_SIZE)
		return -EINVAL;
	if (!sig_is(p, "RSD PTR ", 8))
		return -ENOENT;
	if (!acpi_checksum_ok(p, ACPI_RSDP_V1_SIZE))
		return -EBADMSG;
	if (p[15] < 2)
		return 0;
	if (len < ACPI_RSDP_V2_SIZE)
		return -EINVAL;
	xlen = rd32(p + 20);
	if (xlen < ACPI_RSDP_V2_SIZE || xlen > len)
		return -EBADMSG;
	return acpi_checksum_ok(p, xlen) ? 0 : -EBADMSG;
}

static bool scan_range(const struct acpi_mapper *m, uint64_t start,
		       uint64_t len, uint64_t *out)
{
	const uint8_t *p = m->map(m->ctx, start, len);

	if (!p)
		return false;
	for (uint64_t off = 0; off + ACPI_RSDP_V1_SIZE <= len; off += 16) {
		if (acpi_rsdp_valid(p + off, (size_t)(len - off)) == 0) {
			*out = start + off;
			return true;
		}
	}
	return false;
}

int acpi_rsdp_scan(const struct acpi_mapper *m, uint64_t ebda, uint64_t *out)
{
	if (!m || !m->map || !out)
		return -EINVAL;
	if (ebda && scan_range(m, ebda & ~15ULL, 1024, out))
		return 0;
	if (scan_range(m, 0xe0000, 0x20000, out))
		return 0;
	return -ENOENT;
}

/* Map a whole table: its header first, to learn and check its length. */
static const uint8_t *map_table(const struct acpi_mapper *m, uint64_t pa,
				uint32_t *len)
{
	const uint8_t *h = m->map(m->ctx, pa, ACPI_SDT_HEADER_SIZE);
	uint32_t n;

	if (!h)
		return NULL;
	n = rd32(h + 4);
	if (n < ACPI_SDT_HEADER_SIZE || n > ACPI_TABLE_MAX)
		return NULL;
	h = m->map(m->ctx, pa, n);
	if (!h || !acpi_checksum_ok(h, n))
		return NULL;
	*len = n;
	return h;
}

int acpi_find_table(const struct acpi_mapper *m, uint64_t rsdp_pa,
		    const char *sig, const void **out, uint32_t *out_len)
{
	const uint8_t *rsdp, *root;
	uint64_t root_pa;
	uint32_t root_len, width;
	int err;

	if (!m || !m->map || !sig || !out || !out_len)
		return -EINVAL;
	rsdp = m->map(m->ctx, rsdp_pa, ACPI_RSDP_V1_SIZE);
	if (!rsdp)
		return -EINVAL;
	if (rsdp[15] >= 2 && sig_is(rsdp, "RSD PTR ", 8)) {
		rsdp = m->map(m->ctx, rsdp_pa, ACPI_RSDP_V2_SIZE);
		if (!rsdp)
			return -EINVAL;
		err = acpi_rsdp_valid(rsdp, ACPI_RSDP_V2_SIZE);
	} else {
		err = acpi_rsdp_valid(rsdp, ACPI_RSDP_V1_SIZE);
	}
	if (err)
		return err;

	if (rsdp[15] >= 2 && rd64(rsdp + 24)) {
		root_pa = rd64(rsdp + 24);
		width = 8;
	} else {
		root_pa = rd32(rsdp + 16);
		width = 4;
	}
	root = map_table(m, root_pa, &root_len);
	if (!root || !sig_is(root, width == 8 ? "XSDT" : "RSDT", 4))
		return -EBADMSG;

	for (uint32_t off = ACPI_SDT_HEADER_SIZE; root_len - off >= width;
	     off += width) {
		uint64_t pa = width == 8 ? rd64(root + off) : rd32(root + off);
		const uint8_t *t;
		uint32_t len;

		t = map_table(m, pa, &len);
		if (t && sig_is(t, sig, 4)) {
			*out = t;
			*out_len = len;
			return 0;
		}
	}
	return -ENOENT;
}

int acpi_srat_memory(const void *srat, uint32_t len,
		     struct acpi_mem_affinity *out, unsigned int max,
		     unsigned int *nr)
{
	const uint8_t *t = srat;
	uint32_t off;

	if (!t || !out || !nr)
		return -EINVAL;
	*nr = 0;
	if (len < ACPI_SDT_HEADER_SIZE || !sig_is(t, "SRAT", 4))
		return -ENOENT;
	if (rd32(t + 4) != len || len < SRAT_HEADER_SIZE ||
	    !acpi_checksum_ok(t, len))
		return -EBADMSG;

	for (off = SRAT_HEADER_SIZE; off < len; ) {
		const uint8_t *e = t + off;
		uint32_t flags, pxm;

		if (len - off < 2 || e[1] < 2 || e[1] > len - off)
			return -EBADMSG;
		if (e[0] == SRAT_MEM_AFFINITY) {
			if (e[1] < SRAT_MEM_SIZE)
				return -EBADMSG;
			flags = rd32(e + 28);
			if (flags & SRAT_MEM_ENABLED) {
				if (*nr == max)
					return -ENOSPC;
				pxm = rd32(e + 2);
				if (t[8] < 2)
					pxm &= 0xff;
				/* Field by field: no memcpy(). */
				out[*nr].base = rd64(e + 8);
				out[*nr].size = rd64(e + 16);
				out[*nr].pxm = pxm;
				out[*nr].hotplug = flags & SRAT_MEM_HOTPLUG;
				out[*nr].nonvolatile = flags & SRAT_MEM_NONVOLATILE;
				(*nr)++;
			}
		}
		off += e[1];
	}
	return 0;
}
