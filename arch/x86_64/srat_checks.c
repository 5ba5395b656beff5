// SPDX-License-Identifier: BSD-2-Clause
/*
 * The NUMA check both x86-64 boot paths run (the kernel, arch/x86_64/
 * checks.c, and the UEFI application, arch/x86_64/efi/efi_setup.c): with a
 * SRAT, every memory region carries the node Linux's x86 gives the SRAT
 * entry covering it, and there are as many nodes as Linux would make.
 *
 * The oracle reads the raw table itself, with nothing from the firmware
 * library but what it was handed: Linux's acpi_numa_init() numbers the
 * proximity domains of the enabled Local APIC (type 0, 16 bytes: domain
 * bits 7:0 at 2, flags at 4, bits 31:8 at 9 from revision 2) and x2APIC
 * (type 2: domain at 4, flags at 12) entries in table order, then those
 * of the enabled memory affinity entries (type 1: domain at 2, low byte
 * only before revision 2, base at 8, length at 16, flags at 28). QEMU
 * writes no Generic Initiator entry for these boots; a table the oracle
 * cannot read (or that has more than its arrays hold) expects no nodes.
 */
#include <kernel/kernel.h>
#include <linux/memblock.h>
#include "srat_checks.h"

#define WANT_MAX	32

static struct {
	bool given;		/* a SRAT was handed over */
	bool bad;		/* unreadable: Linux keeps one node */
	unsigned int nr_nodes;
	uint32_t pxm[WANT_MAX];	/* node id -> domain */
	unsigned int nr_mem;
	uint64_t base[WANT_MAX], size[WANT_MAX];
	int nid[WANT_MAX];
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

/* One pass over the entries: 0 the processors', 1 the memory ones. */
static void pass(const uint8_t *t, uint32_t len, int which)
{
	for (uint32_t off = 48; !want.bad && off < len; off += t[off + 1]) {
		const uint8_t *e = t + off;

		if (len - off < 2 || e[1] < 2 || e[1] > len - off) {
			want.bad = true;
		} else if (which == 0 && e[0] == 0) {
			if (e[1] != 16)
				want.bad = true;
			else if (le32(e + 4) & 1)
				map_pxm(t[8] >= 2 ? (uint32_t)e[2] | (uint32_t)e[9] << 8 |
					(uint32_t)e[10] << 16 | (uint32_t)e[11] << 24 : e[2]);
		} else if (which == 0 && e[0] == 2) {
			if (e[1] < 24)
				want.bad = true;
			else if (le32(e + 12) & 1)
				map_pxm(le32(e + 4));
		} else if (which == 1 && e[0] == 1) {
			uint32_t pxm = t[8] >= 2 ? le32(e + 2) : e[2];

			if (e[1] < 40 || want.nr_mem == WANT_MAX) {
				want.bad = true;
			} else if (le32(e + 28) & 1) {
				want.base[want.nr_mem] = le64(e + 8);
				want.size[want.nr_mem] = le64(e + 16);
				want.nid[want.nr_mem++] = map_pxm(pxm);
			}
		}
	}
}

void x86_srat_expect(const void *srat, uint32_t len)
{
	const uint8_t *t = srat;

	want.given = t != NULL;
	want.bad = false;
	want.nr_nodes = want.nr_mem = 0;
	if (!t)
		return;
	if (len < 48 || le32(t + 4) != len)
		want.bad = true;
	pass(t, len, 0);
	pass(t, len, 1);
	if (want.bad)
		want.nr_nodes = want.nr_mem = 0;
}

/* Expected node of @pa: the first enabled entry covering it, else none. */
static int want_node(phys_addr_t pa)
{
	for (unsigned int i = 0; i < want.nr_mem; i++)
		if (pa >= want.base[i] && pa - want.base[i] < want.size[i])
			return want.nid[i];
	return NUMA_NO_NODE;
}

static int region_node(const struct memblock_region *r)
{
	int nid = memblock_get_region_node(r);

	/* memblock_add() leaves MAX_NUMNODES: no node, as NUMA_NO_NODE. */
	return nid >= 0 && nid < MAX_NUMNODES ? nid : NUMA_NO_NODE;
}

void x86_check_srat_nodes(const struct x86_setup_result *res)
{
	unsigned int bad = 0;

	if (!want.given || !res->nr_srat_mem)
		return;
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		int nid = region_node(r);

		if (want_node(r->base) != nid ||
		    want_node(r->base + r->size - 1) != nid) {
			ktap_diag("memory [%pa +%pa] on node %d, Linux's x86 numbering of the SRAT says %d",
				  &r->base, &r->size, nid, want_node(r->base));
			bad++;
		}
	}
	ktap_ok(!bad && res->nr_nodes == want.nr_nodes,
		"every memory region has its SRAT node, numbered as Linux's x86 does (%lu regions, %u nodes, want %u)",
		memblock.memory.cnt, res->nr_nodes, want.nr_nodes);
}
