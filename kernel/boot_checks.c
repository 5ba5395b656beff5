// SPDX-License-Identifier: BSD-2-Clause
/*
 * Boot checks any architecture can run once memblock is populated: the
 * arrays are well formed, the boot structures are reserved, and every
 * allocation family hands out memory that is really free.
 */
#include <kernel/kernel.h>
#include <kernel/boot_checks.h>

#define SZ_4K	((phys_addr_t)0x1000)
#define SZ_64K	((phys_addr_t)0x10000)
#define SZ_1M	((phys_addr_t)0x100000)

static bool overlaps(phys_addr_t b1, phys_addr_t s1, phys_addr_t b2,
		     phys_addr_t s2)
{
	return b1 < b2 + s2 && b2 < b1 + s1;
}

/* True when [base, base + size) lies inside one region of @type. */
static bool covered_by(const struct memblock_type *type, phys_addr_t base,
		       phys_addr_t size)
{
	phys_addr_t end = base + size;

	/* Regions are sorted and merged where possible: walk across them. */
	for (unsigned long i = 0; i < type->cnt && base < end; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (r->base + r->size <= base)
			continue;
		if (r->base > base)
			return false;
		base = r->base + r->size;
	}
	return base >= end;
}

uint64_t boot_bytes_in(const struct memblock_type *t, uint64_t base,
		       uint64_t end)
{
	uint64_t n = 0;

	for (unsigned long i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i];
		uint64_t lo = r->base > base ? r->base : base;
		uint64_t hi = r->base + r->size < end ? r->base + r->size : end;

		n += hi > lo ? hi - lo : 0;
	}
	return n;
}

bool boot_range_reserved(phys_addr_t base, phys_addr_t size)
{
	return size && covered_by(&memblock.reserved, base, size);
}

void boot_check_reserved(const struct boot_range *r, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		phys_addr_t last = r[i].base + r[i].size - 1;

		ktap_ok(boot_range_reserved(r[i].base, r[i].size),
			"reserved: %s [%pa-%pa]", r[i].what, &r[i].base, &last);
	}
}

static bool type_well_formed(const struct memblock_type *t)
{
	phys_addr_t total = 0;

	/* Empty (Linux 6.11+): cnt 0, regions[0] cleared. */
	if (!t->cnt)
		return !t->total_size && !t->regions[0].size;
	for (unsigned long i = 0; i < t->cnt; i++) {
		const struct memblock_region *r = &t->regions[i];

		if (!r->size || r->base + r->size - 1 < r->base)
			return false;
		if (i && t->regions[i - 1].base + t->regions[i - 1].size > r->base)
			return false;
		total += r->size;
	}
	return total == t->total_size;
}

void boot_check_arrays(void)
{
	ktap_ok(type_well_formed(&memblock.memory),
		"memblock.memory sorted, disjoint, totals add up (%lu regions)",
		memblock.memory.cnt);
	ktap_ok(type_well_formed(&memblock.reserved),
		"memblock.reserved sorted, disjoint, totals add up (%lu regions)",
		memblock.reserved.cnt);
}

/* Allocations made by the checks, to test disjointness and free them. */
struct alloc_rec {
	phys_addr_t base, size;
};
#define MAX_ALLOCS	(16 + MAX_NUMNODES)
static struct alloc_rec allocs[MAX_ALLOCS];
static unsigned int nr_allocs;

static bool all_zero(phys_addr_t pa, phys_addr_t size)
{
	const volatile unsigned char *p = memblock_env_phys_to_virt(pa);

	for (phys_addr_t i = 0; i < size; i++)
		if (p[i])
			return false;
	return true;
}

/*
 * Check one allocation of [pa, pa + size) that had to lie in [lo, hi) with
 * @align; @zeroed when the family promises zeroed memory.
 */
static bool check_block(const char *what, phys_addr_t pa, phys_addr_t size,
			phys_addr_t align, phys_addr_t lo, phys_addr_t hi,
			bool zeroed, const struct boot_range *protect,
			unsigned int n)
{
	static char overlap[64];
	const char *why = NULL;
	phys_addr_t last = pa + size - 1;

	if (!pa)
		why = "allocation failed";
	else if (pa & (align - 1))
		why = "misaligned";
	else if (pa < lo || last >= hi || last < pa)
		why = "outside the requested range";
	else if (last >= memblock.current_limit)
		why = "above the current limit (not mapped)";
	else if (!covered_by(&memblock.memory, pa, size))
		why = "not in memory";
	else if (!boot_range_reserved(pa, size))
		why = "not reserved afterwards";
	else if (zeroed && !all_zero(pa, size))
		why = "not zeroed";
	for (unsigned int i = 0; !why && i < n; i++) {
		if (overlaps(pa, size, protect[i].base, protect[i].size)) {
			__memblock_snprintf(overlap, sizeof(overlap), "overlaps the %s",
				    protect[i].what);
			why = overlap;
		}
	}
	for (unsigned int i = 0; !why && i < nr_allocs; i++)
		if (overlaps(pa, size, allocs[i].base, allocs[i].size))
			why = "overlaps an earlier allocation";
	if (!why && nr_allocs < MAX_ALLOCS)
		allocs[nr_allocs++] = (struct alloc_rec){ pa, size };
	return ktap_ok(!why, "%s: %pa bytes at [%pa-%pa]%s%s", what, &size,
		       &pa, &last, why ? ": " : "", why ? why : "");
}

static phys_addr_t pa_of(void *p)
{
	return p ? memblock_env_virt_to_phys(p) : 0;
}

phys_addr_t boot_check_phys_range(const char *what, phys_addr_t size,
				  phys_addr_t align, phys_addr_t lo,
				  phys_addr_t hi, const struct boot_range *protect,
				  unsigned int n)
{
	phys_addr_t pa = memblock_phys_alloc_range(size, align, lo, hi);

	check_block(what, pa, size, align, lo, hi, false, protect, n);
	return pa;
}

/* Node ids present in memblock.memory, in order of first appearance. */
static unsigned int memory_nodes(int *nids, unsigned int max)
{
	unsigned int n = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		int nid = memblock_get_region_node(&memblock.memory.regions[i]);
		unsigned int k;

		for (k = 0; k < n && nids[k] != nid; k++)
			;
		if (k == n && n < max)
			nids[n++] = nid;
	}
	return n;
}

/* Node of the memory region holding @pa, or -1. */
static int node_of(phys_addr_t pa)
{
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];

		if (pa >= r->base && pa - r->base < r->size)
			return memblock_get_region_node(r);
	}
	return -1;
}

static void check_node_allocs(const struct boot_range *protect, unsigned int n)
{
	int nids[MAX_NUMNODES];
	unsigned int nr = memory_nodes(nids, MAX_NUMNODES);

	for (unsigned int i = 0; i < nr; i++) {
		/* Regions without a node (no NUMA) count as node 0 in requests. */
		int want = nids[i] == MAX_NUMNODES ? 0 : nids[i];
		char what[64];
		phys_addr_t pa;

		__memblock_snprintf(what, sizeof(what), "memblock_alloc_node(node %d)", want);
		pa = pa_of(memblock_alloc_node(SZ_64K, SZ_4K, want));
		if (check_block(what, pa, SZ_64K, SZ_4K, 0, PHYS_ADDR_MAX, true,
				protect, n) && nids[i] != MAX_NUMNODES)
			ktap_ok(node_of(pa) == want, "%s came from node %d",
				what, node_of(pa));

		__memblock_snprintf(what, sizeof(what), "memblock_alloc_exact_nid_raw(node %d)",
			    want);
		pa = pa_of(memblock_alloc_exact_nid_raw(SZ_4K, SZ_4K, 0,
							MEMBLOCK_ALLOC_ACCESSIBLE,
							want));
		if (nids[i] != MAX_NUMNODES &&
		    check_block(what, pa, SZ_4K, SZ_4K, 0, PHYS_ADDR_MAX, false,
				protect, n))
			ktap_ok(node_of(pa) == want, "%s came from node %d",
				what, node_of(pa));
		else if (nids[i] == MAX_NUMNODES && pa)
			memblock_phys_free(pa, SZ_4K);
	}
}

void boot_check_allocations(const struct boot_range *protect, unsigned int n)
{
	phys_addr_t limit = memblock.current_limit, pa, reserved_before;
	phys_addr_t sum = 0;
	void *p;

	nr_allocs = 0;
	reserved_before = memblock_reserved_size();

	/* Dirty a block, give it back: memblock_alloc() must zero it again. */
	p = memblock_alloc_raw(SZ_64K, SZ_4K);
	pa = pa_of(p);
	if (check_block("memblock_alloc_raw", pa, SZ_64K, SZ_4K, 0, limit, false,
			protect, n)) {
		for (phys_addr_t i = 0; i < SZ_64K; i++)
			((volatile unsigned char *)p)[i] = 0xa5;
		memblock_free(p, SZ_64K);
		nr_allocs--;
		ktap_ok(!boot_range_reserved(pa, SZ_64K), "memblock_free releases it");
	}
	pa = pa_of(memblock_alloc(SZ_64K, SZ_4K));
	check_block("memblock_alloc (zeroed, reuses the freed block)", pa,
		    SZ_64K, SZ_4K, 0, limit, true, protect, n);

	pa = memblock_phys_alloc(SZ_1M, SZ_1M);
	check_block("memblock_phys_alloc (1 MiB aligned)", pa, SZ_1M, SZ_1M, 0,
		    limit, false, protect, n);

	pa = pa_of(memblock_alloc_low(SZ_64K, SZ_4K));
	check_block("memblock_alloc_low", pa, SZ_64K, SZ_4K, 0,
		    ARCH_LOW_ADDRESS_LIMIT, true, protect, n);

	/* A lower bound is a preference: it must hold while memory is there. */
	if (memblock_end_of_DRAM() > 32 * SZ_1M) {
		pa = pa_of(memblock_alloc_from(SZ_4K, SZ_4K, 16 * SZ_1M));
		check_block("memblock_alloc_from(16 MiB)", pa, SZ_4K, SZ_4K,
			    16 * SZ_1M, limit, true, protect, n);
	}

	pa = pa_of(memblock_alloc_try_nid(SZ_4K, SZ_4K, SZ_1M, 16 * SZ_1M,
					  NUMA_NO_NODE));
	/* A machine whose memory starts higher (arm64 virt: 1 GiB) has none there. */
	if (memblock_start_of_DRAM() < 16 * SZ_1M) {
		check_block("memblock_alloc_try_nid in [1 MiB, 16 MiB)", pa, SZ_4K,
			    SZ_4K, 0, 16 * SZ_1M, true, protect, n);
	} else {
		phys_addr_t start = memblock_start_of_DRAM();

		ktap_ok(!pa, "memblock_alloc_try_nid in [1 MiB, 16 MiB) fails: memory starts at %pa",
			&start);
	}

	check_node_allocs(protect, n);

	/* Bottom-up searches from the first page up (Linux 5.11+). */
	memblock_set_bottom_up(true);
	pa = memblock_phys_alloc(SZ_4K, SZ_4K);
	memblock_set_bottom_up(false);
	check_block("bottom-up memblock_phys_alloc", pa, SZ_4K, SZ_4K,
		    PAGE_SIZE, limit, false, protect, n);

	ktap_ok(!memblock_alloc(memblock_phys_mem_size() + SZ_1M, SZ_4K),
		"an allocation larger than memory fails cleanly");
	if (n)
		ktap_ok(!memblock_phys_alloc_range(SZ_4K, SZ_4K, protect[0].base,
						   protect[0].base + protect[0].size),
			"nothing is allocated inside the reserved %s",
			protect[0].what);

	for (unsigned int i = 0; i < nr_allocs; i++)
		sum += allocs[i].size;
	ktap_ok(memblock_reserved_size() == reserved_before + sum,
		"reserved size grew by exactly the %u allocations", nr_allocs);
	for (unsigned int i = 0; i < nr_allocs; i++)
		memblock_phys_free(allocs[i].base, allocs[i].size);
	ktap_ok(memblock_reserved_size() == reserved_before,
		"freeing them restores the reserved size");
	nr_allocs = 0;
}
