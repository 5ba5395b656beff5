// SPDX-License-Identifier: BSD-2-Clause
/*
 * The oracle of the ACPI boots' NUMA check: with a SRAT, every memory
 * region carries the node Linux gives the SRAT entry covering it, and its
 * hotplug flag, and there are as many nodes as Linux would make.
 *
 * It reads the raw table itself, with nothing from the firmware library
 * but what it was handed. Linux's acpi_numa_init() walks the processor-
 * type entries in table order and maps the proximity domain of each
 * enabled one to the next free node id (acpi_map_pxm_to_node()), then
 * does the same for the enabled memory affinity entries. Which processor
 * entries count depends on the architecture: the Local APIC (type 0, 16
 * bytes: domain bits 7:0 at 2, flags at 4, bits 31:8 at 9 from revision
 * 2) and x2APIC (type 2, 24 bytes: domain at 4, flags at 12) on x86, the
 * GICC (type 3, 18 bytes: domain at 2, flags at 10) on arm64, the Generic
 * Initiator (type 5, 32 bytes: domain at 4, flags at 28) on both. A
 * memory entry (type 1, 40 bytes) has its domain at 2 (the low byte only
 * before revision 2), base at 8, length at 16, flags at 28 (bit 0
 * enabled, bit 1 hotpluggable).
 */
#include <kernel/kernel.h>
#include <kernel/srat_expect.h>
#include <linux/memblock.h>

#define WANT_MAX	32

static struct {
	bool given;		/* a SRAT was handed over */
	bool bad;		/* unreadable: Linux keeps one node */
	unsigned int nr_nodes;
	uint32_t pxm[WANT_MAX];	/* node id -> domain */
	unsigned int nr_mem;
	uint64_t base[WANT_MAX], size[WANT_MAX];
	int nid[WANT_MAX];
	bool hotplug[WANT_MAX];
} want;

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p)
{
	return le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* acpi_map_pxm_to_node(): the domain's node, a new one when first met. */
static int map_pxm(uint32_t pxm)
{
	for (unsigned int k = 0; k < want.nr_nodes; k++)
		if (want.pxm[k] == pxm)
			return (int)k;
	if (want.nr_nodes == WANT_MAX) {
		want.bad = true;
		return -1;
	}
	want.pxm[want.nr_nodes] = pxm;
	return (int)want.nr_nodes++;
}

/* An enabled processor entry of a type @arch counts: map its domain. */
static void processor(const uint8_t *t, const uint8_t *e,
		      enum srat_expect_arch arch)
{
	bool x86 = arch == SRAT_EXPECT_X86;

	if (e[0] == 0 && x86) {
		if (e[1] != 16)
			want.bad = true;
		else if (le32(e + 4) & 1)
			map_pxm(t[8] >= 2 ? (uint32_t)e[2] | (uint32_t)e[9] << 8 |
				(uint32_t)e[10] << 16 | (uint32_t)e[11] << 24 : e[2]);
	} else if (e[0] == 2 && x86) {
		if (e[1] < 24)
			want.bad = true;
		else if (le32(e + 12) & 1)
			map_pxm(le32(e + 4));
	} else if (e[0] == 3 && !x86) {
		if (e[1] < 18)
			want.bad = true;
		else if (le32(e + 10) & 1)
			map_pxm(le32(e + 2));
	} else if (e[0] == 5) {
		if (e[1] < 32)
			want.bad = true;
		else if (le32(e + 28) & 1)
			map_pxm(le32(e + 4));
	}
}

static void memory(const uint8_t *t, const uint8_t *e)
{
	uint32_t pxm = t[8] >= 2 ? le32(e + 2) : e[2];
	unsigned int k = want.nr_mem;

	if (e[1] < 40 || k == WANT_MAX) {
		want.bad = true;
	} else if (le32(e + 28) & 1) {
		want.base[k] = le64(e + 8);
		want.size[k] = le64(e + 16);
		want.hotplug[k] = le32(e + 28) & 2;
		want.nid[k] = map_pxm(pxm);
		want.nr_mem++;
	}
}

void srat_expect(const void *srat, uint32_t len, enum srat_expect_arch arch)
{
	const uint8_t *t = srat;

	want.given = t != NULL;
	want.bad = false;
	want.nr_nodes = want.nr_mem = 0;
	if (!t)
		return;
	if (len < 48 || le32(t + 4) != len)
		want.bad = true;
	/* Pass 0: the processor entries; pass 1: the memory ones. */
	for (int pass = 0; pass < 2; pass++) {
		for (uint32_t off = 48; !want.bad && off < len; off += t[off + 1]) {
			const uint8_t *e = t + off;

			if (len - off < 2 || e[1] < 2 || e[1] > len - off)
				want.bad = true;
			else if (pass == 0)
				processor(t, e, arch);
			else if (e[0] == 1)
				memory(t, e);
		}
	}
	if (want.bad)
		want.nr_nodes = want.nr_mem = 0;
}

/* The first enabled entry covering @pa, or -1. */
static int want_entry(phys_addr_t pa)
{
	for (unsigned int i = 0; i < want.nr_mem; i++)
		if (pa >= want.base[i] && pa - want.base[i] < want.size[i])
			return (int)i;
	return -1;
}

static int want_node(phys_addr_t pa)
{
	int i = want_entry(pa);

	return i < 0 ? NUMA_NO_NODE : want.nid[i];
}

static bool want_hotplug(phys_addr_t pa)
{
	int i = want_entry(pa);

	return i >= 0 && want.hotplug[i];
}

static int region_node(const struct memblock_region *r)
{
	int nid = memblock_get_region_node(r);

	/* memblock_add() leaves MAX_NUMNODES: no node, as NUMA_NO_NODE. */
	return nid >= 0 && nid < MAX_NUMNODES ? nid : NUMA_NO_NODE;
}

void srat_check_nodes(unsigned int nr_nodes)
{
	unsigned int bad = 0;

	if (!want.given || !want.nr_mem)
		return;
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		phys_addr_t last = r->base + r->size - 1;
		bool hp = r->flags & MEMBLOCK_HOTPLUG;
		int nid = region_node(r);

		if (want_node(r->base) != nid || want_node(last) != nid ||
		    want_hotplug(r->base) != hp || want_hotplug(last) != hp) {
			ktap_diag("memory [%pa +%pa] on node %d%s, Linux's numbering of the SRAT says %d%s",
				  &r->base, &r->size, nid, hp ? " hotplug" : "",
				  want_node(r->base),
				  want_hotplug(r->base) ? " hotplug" : "");
			bad++;
		}
	}
	ktap_ok(!bad && nr_nodes == want.nr_nodes,
		"every memory region has its SRAT node and hotplug flag, numbered as Linux does (%lu regions, %u nodes, want %u)",
		memblock.memory.cnt, nr_nodes, want.nr_nodes);
}
