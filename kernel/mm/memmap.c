// SPDX-License-Identifier: BSD-2-Clause
/*
 * The page frame database (see <kernel/page.h>): pfn ranges from memblock's
 * memory, one struct page array per range on the range's node, and the
 * reserved marks the hand-off needs.
 */
#include <kernel/kernel.h>
#include <kernel/page.h>

struct mm_range *mm_ranges;
unsigned int mm_nr_ranges;
unsigned long mm_present_pages;

/* Last page frame boundary at or above @addr, without wrapping. */
static unsigned long pfn_up_nowrap(phys_addr_t addr)
{
	return PFN_DOWN(addr) + ((addr & (PAGE_SIZE - 1)) != 0);
}

/* Store the whole pages of [base, end) as range *@n (when @out is set). */
static void emit_run(struct mm_range *out, unsigned int *n, phys_addr_t base,
		     phys_addr_t end, int nid)
{
	unsigned long start_pfn = pfn_up_nowrap(base), end_pfn = PFN_DOWN(end);

	if (start_pfn >= end_pfn)
		return;
	if (out)
		out[*n] = (struct mm_range){ .start_pfn = start_pfn,
					     .end_pfn = end_pfn, .nid = nid };
	(*n)++;
}

/*
 * Walk memory as runs of touching regions of one node and store the whole
 * pages of each run in @out (when not NULL). Returns the number of ranges.
 * @out[].nid is memblock's nid here; memmap_init() translates it.
 */
static unsigned int walk_ranges(struct mm_range *out)
{
	struct memblock_region *r;
	phys_addr_t run_base = 0, run_end = 0;
	int run_nid = -1;
	unsigned int n = 0;

	for_each_mem_region(r) {
		if (run_nid >= 0 && r->base == run_end && r->nid == run_nid) {
			run_end = r->base + r->size;
			continue;
		}
		if (run_nid >= 0)
			emit_run(out, &n, run_base, run_end, run_nid);
		run_base = r->base;
		run_end = r->base + r->size;
		run_nid = r->nid;
	}
	if (run_nid >= 0)
		emit_run(out, &n, run_base, run_end, run_nid);
	return n;
}

/* The range's struct pages, on its node if there is room there. */
static struct page *alloc_map(const struct mm_range *r)
{
	phys_addr_t bytes = (phys_addr_t)(r->end_pfn - r->start_pfn) *
			    sizeof(struct page);
	int nid = r->nid == MAX_NUMNODES ? NUMA_NO_NODE : r->nid;
	struct page *map;

	/* Raw: every entry is written below, zeroing would double that. */
	map = memblock_alloc_exact_nid_raw(bytes, SMP_CACHE_BYTES,
					   MEMBLOCK_LOW_LIMIT,
					   MEMBLOCK_ALLOC_ACCESSIBLE, nid);
	if (!map && nid != NUMA_NO_NODE) {
		printk("memmap: no room on node %d for pfns %#lx-%#lx, using another node\n",
		       nid, r->start_pfn, r->end_pfn - 1);
		map = memblock_alloc_try_nid_raw(bytes, SMP_CACHE_BYTES,
						 MEMBLOCK_LOW_LIMIT,
						 MEMBLOCK_ALLOC_ACCESSIBLE,
						 NUMA_NO_NODE);
	}
	if (!map)
		panic("memmap: cannot allocate %llu bytes for pfns %#lx-%#lx",
		      (unsigned long long)bytes, r->start_pfn, r->end_pfn - 1);
	return map;
}

static void init_pages(struct page *map, unsigned long nr, uint32_t range)
{
	for (unsigned long k = 0; k < nr; k++) {
		map[k].next = NULL;
		map[k].prev = NULL;
		map[k].range = range;
		map[k].flags = 0;
		map[k].order = 0;
	}
}

unsigned long memmap_init(void)
{
	unsigned int n = walk_ranges(NULL), k;
	unsigned long present = 0;
	struct mm_range *ranges;

	mm_ranges = NULL;
	mm_nr_ranges = 0;
	mm_present_pages = 0;
	if (!n)
		return 0;
	/* Allocating changes "reserved" only, so the walk stays valid. */
	ranges = memblock_alloc_raw((phys_addr_t)n * sizeof(*ranges),
				    SMP_CACHE_BYTES);
	if (!ranges)
		panic("memmap: cannot allocate the table of %u pfn ranges", n);
	walk_ranges(ranges);
	for (k = 0; k < n; k++) {
		struct mm_range *r = &ranges[k];

		r->first = present;
		present += r->end_pfn - r->start_pfn;
		r->map = alloc_map(r);
		if (r->nid == MAX_NUMNODES || r->nid == NUMA_NO_NODE)
			r->nid = 0;
		init_pages(r->map, r->end_pfn - r->start_pfn, k);
	}
	mm_ranges = ranges;
	mm_nr_ranges = n;
	mm_present_pages = present;
	return present;
}

/* Index of the first range ending above @pfn (mm_nr_ranges if none). */
static unsigned int range_after(unsigned long pfn)
{
	unsigned int lo = 0, hi = mm_nr_ranges;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (mm_ranges[mid].end_pfn > pfn)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

struct mm_range *pfn_to_range(unsigned long pfn)
{
	unsigned int k = range_after(pfn);

	if (k < mm_nr_ranges && mm_ranges[k].start_pfn <= pfn)
		return &mm_ranges[k];
	return NULL;
}

struct page *pfn_to_page(unsigned long pfn)
{
	struct mm_range *r = pfn_to_range(pfn);

	return r ? &r->map[pfn - r->start_pfn] : NULL;
}

/* Mark the pages of [base, base + size) reserved, rounded out. */
static unsigned long reserve_bytes(phys_addr_t base, phys_addr_t size)
{
	unsigned long start = PFN_DOWN(base);
	unsigned long end = pfn_up_nowrap(base + size);
	unsigned long marked = 0;
	unsigned int k;

	for (k = range_after(start); k < mm_nr_ranges; k++) {
		struct mm_range *r = &mm_ranges[k];
		unsigned long pfn = start > r->start_pfn ? start : r->start_pfn;
		unsigned long stop = end < r->end_pfn ? end : r->end_pfn;

		if (r->start_pfn >= end)
			break;
		for (; pfn < stop; pfn++) {
			struct page *p = &r->map[pfn - r->start_pfn];

			marked += !(p->flags & PG_reserved);
			p->flags |= PG_reserved;
		}
	}
	return marked;
}

unsigned long memmap_reserve_boot_pages(void)
{
	struct memblock_region *r;
	unsigned long marked = 0;

	for_each_reserved_mem_region(r) {
		if (r->size && !memblock_is_reserved_noinit(r))
			marked += reserve_bytes(r->base, r->size);
	}
	for_each_mem_region(r) {
		if (r->size && memblock_is_nomap(r))
			marked += reserve_bytes(r->base, r->size);
	}
	return marked;
}
