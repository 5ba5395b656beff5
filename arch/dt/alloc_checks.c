// SPDX-License-Identifier: BSD-2-Clause
/*
 * Allocation checks: each allocation must land in memory, inside its
 * window and node, outside every region reserved before it (compared with
 * a snapshot), outside NOMAP memory and outside every range the device
 * tree, the loader and the kernel occupy, and be reserved afterwards.
 * Requests that cannot be satisfied must fail.
 */
#include <kernel/kernel.h>
#include <dt/checks.h>
#include <asm/sections.h>
#include <asm/setup.h>

static struct memblock_region snap[INIT_MEMBLOCK_RESERVED_REGIONS * 2];
static unsigned long nsnap;
static const struct dt_expect *xp;

static void snapshot(void)
{
	nsnap = 0;
	for (unsigned long i = 0; i < memblock.reserved.cnt && nsnap < ARRAY_SIZE(snap); i++)
		snap[nsnap++] = memblock.reserved.regions[i];
}

static bool overlap(phys_addr_t a, phys_addr_t as, phys_addr_t b, phys_addr_t bs)
{
	return as && bs && a < b + bs && b < a + as;
}

static bool hits_snapshot(phys_addr_t p, phys_addr_t size)
{
	for (unsigned long i = 0; i < nsnap; i++)
		if (overlap(p, size, snap[i].base, snap[i].size))
			return true;
	return false;
}

/* Ranges the tree, the loader and the kernel occupy. */
static bool hits_dt(phys_addr_t p, phys_addr_t size)
{
	if (overlap(p, size, memblock_env_virt_to_phys(_text), (phys_addr_t)(_end - _text)) ||
	    overlap(p, size, DT_BOOT.dtb, DT_BOOT.dt.totalsize) ||
	    overlap(p, size, xp->initrd.base, xp->initrd.size))
		return true;
	for (unsigned int i = 0; i < xp->nmemreserve; i++)
		if (overlap(p, size, xp->memreserve[i].base, xp->memreserve[i].size))
			return true;
	for (unsigned int i = 0; i < xp->nfixed; i++)
		if (overlap(p, size, xp->fixed[i].base, xp->fixed[i].size))
			return true;
	return false;
}

static int node_of(phys_addr_t p)
{
	struct memblock_region *r;

	for_each_mem_region(r)
		if (p >= r->base && p < r->base + r->size)
			return memblock_get_region_node(r);
	return -1;
}

struct request {
	const char *what;
	phys_addr_t size, align, lo, hi;
	int nid;		/* -1: any */
};

static bool check(const struct request *q, phys_addr_t p)
{
	bool ok = p != 0;

#define WANT(cond, msg)							\
	do {								\
		if (ok && !(cond)) {					\
			ktap_diag("%s: %#llx " msg, q->what,		\
				  (unsigned long long)p);		\
			ok = false;					\
		}							\
	} while (0)
	WANT(!(p & (q->align - 1)), "is misaligned");
	WANT(p >= q->lo && p + q->size <= q->hi, "is outside its window");
	WANT(type_covers(&memblock.memory, p, q->size, 0), "is not memory");
	WANT(!type_overlaps(&memblock.memory, p, q->size, MEMBLOCK_NOMAP),
	     "overlaps NOMAP memory");
	WANT(!hits_snapshot(p, q->size), "overlaps a region reserved before");
	WANT(!hits_dt(p, q->size), "overlaps the image, DTB, initrd or a DT reservation");
	WANT(type_covers(&memblock.reserved, p, q->size, 0), "is not reserved after");
	WANT(q->nid < 0 || node_of(p) == q->nid, "is on another node");
#undef WANT
	if (q->nid >= 0)
		return ktap_ok(ok, "alloc: %s on node %d: %#llx bytes at %#llx",
			       q->what, q->nid, (unsigned long long)q->size,
			       (unsigned long long)p);
	return ktap_ok(ok, "alloc: %s: %#llx bytes at %#llx", q->what,
		       (unsigned long long)q->size, (unsigned long long)p);
}

static void alloc_basic(phys_addr_t dram_lo, phys_addr_t dram_hi)
{
	struct request q = { "memblock_alloc", 4 * PAGE_SIZE, PAGE_SIZE,
			     dram_lo, dram_hi, -1 };
	phys_addr_t win_lo, win_hi, p;
	void *v;

	snapshot();
	v = memblock_alloc(q.size, q.align);
	check(&q, memblock_env_virt_to_phys(v));

	/* A window in the second quarter of DRAM. */
	win_lo = (dram_lo + (dram_hi - dram_lo) / 4) & ~(phys_addr_t)0xffff;
	win_hi = (dram_lo + (dram_hi - dram_lo) / 2) & ~(phys_addr_t)0xffff;
	q = (struct request){ "memblock_phys_alloc_range in a window",
			      16 * PAGE_SIZE, 0x10000, win_lo, win_hi, -1 };
	snapshot();
	check(&q, memblock_phys_alloc_range(q.size, q.align, q.lo, q.hi));

	q = (struct request){ "memblock_alloc_low", 2 * PAGE_SIZE, PAGE_SIZE,
			      dram_lo, ARCH_LOW_ADDRESS_LIMIT, -1 };
	snapshot();
	check(&q, memblock_env_virt_to_phys(memblock_alloc_low(q.size, q.align)));

	/* Bottom-up searches all of DRAM from the bottom (Linux 5.11+). */
	q = (struct request){ "bottom-up memblock_alloc", PAGE_SIZE, PAGE_SIZE,
			      dram_lo, dram_hi, -1 };
	snapshot();
	memblock_set_bottom_up(true);
	p = memblock_env_virt_to_phys(memblock_alloc(q.size, q.align));
	memblock_set_bottom_up(false);
	check(&q, p);
}

/*
 * memblock_alloc() clears what it returns, memblock_alloc_raw() does not:
 * dirty a raw block, free it, and allocate the same size again (top-down
 * finds the same block).
 */
static void alloc_zeroed(void)
{
	unsigned char *raw = memblock_alloc_raw(PAGE_SIZE, PAGE_SIZE), *again;
	bool zero = true;

	if (raw) {
		for (phys_addr_t i = 0; i < PAGE_SIZE; i++)
			raw[i] = 0xa5;
		memblock_free(raw, PAGE_SIZE);
	}
	again = memblock_alloc(PAGE_SIZE, PAGE_SIZE);
	for (phys_addr_t i = 0; again && i < PAGE_SIZE; i++)
		zero &= again[i] == 0;
	ktap_ok(raw && again == raw && zero,
		"alloc: memblock_alloc zeroes the block memblock_alloc_raw dirtied (%#llx, %#llx)",
		(unsigned long long)memblock_env_virt_to_phys(raw),
		(unsigned long long)memblock_env_virt_to_phys(again));
}

static void alloc_nodes(phys_addr_t dram_lo, phys_addr_t dram_hi)
{
	bool seen[MAX_NUMNODES + 1] = { false };
	struct memblock_region *r;
	unsigned int nodes = 0;

	for_each_mem_region(r)
		seen[memblock_get_region_node(r)] = true;
	for (int nid = 0; nid < MAX_NUMNODES; nid++) {
		struct request q = { "memblock_alloc_node", 2 * PAGE_SIZE,
				     PAGE_SIZE, dram_lo, dram_hi, nid };

		if (!seen[nid])
			continue;
		nodes++;
		snapshot();
		check(&q, memblock_env_virt_to_phys(memblock_alloc_node(q.size, q.align, nid)));
		q.what = "memblock_alloc_exact_nid_raw";
		snapshot();
		check(&q, memblock_env_virt_to_phys(
			memblock_alloc_exact_nid_raw(q.size, q.align, 0,
						     MEMBLOCK_ALLOC_ACCESSIBLE, nid)));
	}
	if (!nodes) {
		/* No NUMA: a node request falls back to any memory. */
		struct request q = { "memblock_alloc_node(0) without NUMA",
				     2 * PAGE_SIZE, PAGE_SIZE, dram_lo, dram_hi, -1 };

		snapshot();
		check(&q, memblock_env_virt_to_phys(memblock_alloc_node(q.size, q.align, 0)));
	}
}

/* Requests that cannot be met must fail, not return reserved memory. */
static void alloc_impossible(phys_addr_t dram_lo, phys_addr_t dram_hi)
{
	phys_addr_t ktext = memblock_env_virt_to_phys(_text);
	phys_addr_t kend = memblock_env_virt_to_phys(_end), p;

	p = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, ktext, kend);
	ktap_ok(!p, "alloc: nothing inside the kernel image (got %#llx)",
		(unsigned long long)p);
	p = memblock_phys_alloc_range(dram_hi - dram_lo, PAGE_SIZE, dram_lo, dram_hi);
	ktap_ok(!p, "alloc: all of DRAM at once fails (got %#llx)",
		(unsigned long long)p);
	for (unsigned int i = 0; i < xp->nfixed; i++) {
		const struct dt_range *f = &xp->fixed[i];

		if (f->size < PAGE_SIZE)
			continue;
		p = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, f->base,
					      f->base + f->size);
		ktap_ok(!p, "alloc: nothing inside %s%s (got %#llx)", f->name,
			f->nomap ? " (no-map)" : "", (unsigned long long)p);
	}
}

void alloc_checks(const struct dt_expect *x)
{
	phys_addr_t lo = memblock_start_of_DRAM(), hi = memblock_end_of_DRAM();

	xp = x;
	alloc_basic(lo, hi);
	alloc_zeroed();
	alloc_nodes(lo, hi);
	alloc_impossible(lo, hi);
}
