// SPDX-License-Identifier: BSD-2-Clause
/*
 * ACPI table discovery, the SRAT memory affinity entries and the SRAT's
 * proximity domains in Linux's node order. Nothing is read before the
 * length that covers it has been checked.
 */
#include <firmware/acpi.h>

#define SRAT_HEADER_SIZE	48	/* SDT header + 12 reserved bytes */
#define SRAT_MEM_AFFINITY	1
#define SRAT_MEM_SIZE		40
#define SRAT_MEM_ENABLED	(1u << 0)
#define SRAT_MEM_HOTPLUG	(1u << 1)
#define SRAT_MEM_NONVOLATILE	(1u << 2)
#define SRAT_LAPIC		0
#define SRAT_LAPIC_SIZE		16
#define SRAT_X2APIC		2
#define SRAT_GICC		3
#define SRAT_GI			5
#define SRAT_RINTC		7
#define SRAT_CPU_ENABLED	(1u << 0)	/* bit 0 of every type's flags */

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

/*
 * Smallest length of a processor-type entry (its structure's size); a
 * Local APIC entry must have exactly its size (Linux's x86 checks !=).
 */
static uint32_t cpu_entry_size(uint8_t type)
{
	switch (type) {
	case SRAT_LAPIC:	return SRAT_LAPIC_SIZE;
	case SRAT_X2APIC:	return 24;
	case SRAT_GICC:		return 18;
	case SRAT_GI:		return 32;
	case SRAT_RINTC:	return 20;
	}
	return 0;
}

static bool type_counts(uint8_t type, unsigned int types)
{
	return type < 32 && (types & (1u << type));
}

/* Header, checksum and every entry's length, before any entry is used. */
static int srat_check(const uint8_t *t, uint32_t len, unsigned int types)
{
	if (len < ACPI_SDT_HEADER_SIZE || !sig_is(t, "SRAT", 4))
		return -ENOENT;
	if (rd32(t + 4) != len || len < SRAT_HEADER_SIZE ||
	    !acpi_checksum_ok(t, len))
		return -EBADMSG;
	for (uint32_t off = SRAT_HEADER_SIZE; off < len; off += t[off + 1]) {
		const uint8_t *e = t + off;

		if (len - off < 2 || e[1] < 2 || e[1] > len - off)
			return -EBADMSG;
		if (e[0] == SRAT_MEM_AFFINITY && e[1] < SRAT_MEM_SIZE)
			return -EBADMSG;
		if (type_counts(e[0], types) &&
		    (e[0] == SRAT_LAPIC ? e[1] != SRAT_LAPIC_SIZE :
					  e[1] < cpu_entry_size(e[0])))
			return -EBADMSG;
	}
	return 0;
}

/*
 * The domain of entry @e in pass @pass (0: the processor-type entries of
 * @types, 1: the memory ones): true, with *pxm, when the entry is of that
 * pass and enabled. Its length was checked by srat_check().
 */
static bool entry_domain(const uint8_t *t, const uint8_t *e, int pass,
			 unsigned int types, uint32_t *pxm)
{
	uint32_t flags;

	if (pass == 1) {
		if (e[0] != SRAT_MEM_AFFINITY)
			return false;
		*pxm = rd32(e + 2);
		if (t[8] < 2)
			*pxm &= 0xff;
		return rd32(e + 28) & SRAT_MEM_ENABLED;
	}
	if (!type_counts(e[0], types))
		return false;
	switch (e[0]) {
	case SRAT_LAPIC:
		/* Domain bits 7:0 at 2; from revision 2, bits 31:8 at 9. */
		*pxm = e[2];
		if (t[8] >= 2)
			*pxm |= (uint32_t)e[9] << 8 | (uint32_t)e[10] << 16 |
				(uint32_t)e[11] << 24;
		flags = rd32(e + 4);
		break;
	case SRAT_GICC:
		*pxm = rd32(e + 2);
		flags = rd32(e + 10);
		break;
	case SRAT_GI:
		*pxm = rd32(e + 4);
		flags = rd32(e + 28);
		break;
	default:	/* x2APIC and RINTC: domain at 4, flags at 12 */
		*pxm = rd32(e + 4);
		flags = rd32(e + 12);
		break;
	}
	return flags & SRAT_CPU_ENABLED;
}

/* True when a counted entry before (@pass, @off) has domain @pxm. */
static bool met_before(const uint8_t *t, uint32_t len, unsigned int types,
		       int pass, uint32_t off, uint32_t pxm)
{
	uint32_t q;

	for (int p = 0; p <= pass; p++)
		for (uint32_t o = SRAT_HEADER_SIZE; o < len && (p < pass || o < off);
		     o += t[o + 1])
			if (entry_domain(t, t + o, p, types, &q) && q == pxm)
				return true;
	return false;
}

/*
 * Linux's acpi_numa_init() order: the domains, each once, into @out when
 * not NULL. Returns their number; *ncpu gets how many the first pass
 * found. Quadratic: a SRAT has a few hundred entries at most.
 */
static unsigned int srat_walk(const uint8_t *t, uint32_t len,
			      unsigned int types, uint32_t *out,
			      unsigned int *ncpu)
{
	unsigned int n = 0;
	uint32_t pxm;

	for (int pass = 0; pass < 2; pass++) {
		for (uint32_t off = SRAT_HEADER_SIZE; off < len; off += t[off + 1]) {
			if (!entry_domain(t, t + off, pass, types, &pxm) ||
			    met_before(t, len, types, pass, off, pxm))
				continue;
			if (out)
				out[n] = pxm;
			n++;
		}
		if (pass == 0)
			*ncpu = n;
	}
	return n;
}

int acpi_srat_nodes(const void *srat, uint32_t len, unsigned int cpu_types,
		    uint32_t *node_pxm, unsigned int max, unsigned int *nr_nodes,
		    unsigned int *nr_cpu_nodes)
{
	const uint8_t *t = srat;
	unsigned int n, ncpu;
	int err;

	if (!t || !node_pxm || !nr_nodes || (cpu_types & ~ACPI_SRAT_CPUS_ALL))
		return -EINVAL;
	err = srat_check(t, len, cpu_types);
	if (err)
		return err;
	/* Count first, so that too many domains write nothing. */
	if (srat_walk(t, len, cpu_types, NULL, &ncpu) > max)
		return -ENOSPC;
	n = srat_walk(t, len, cpu_types, node_pxm, &ncpu);
	*nr_nodes = n;
	if (nr_cpu_nodes)
		*nr_cpu_nodes = ncpu;
	return 0;
}
