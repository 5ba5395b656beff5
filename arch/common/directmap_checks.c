// SPDX-License-Identifier: BSD-2-Clause
/*
 * The direct map's proofs that do not depend on the table format,
 * reported as TAP. The oracle is memblock.memory read region by region
 * (not the iterator directmap.c maps with): the leaves an architecture's
 * walk of its live tables finds must make exactly the regions without
 * MEMBLOCK_NOMAP, each at DIRECTMAP_BASE + its address; no page of a NOMAP
 * region may translate; the limit is the end of RAM; 1 GiB pages are used
 * exactly when an aligned GiB of memory exists; reads of NOMAP memory, of
 * the first hole, of the end of RAM and of the page below RAM fault.
 */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <linux/memblock.h>
#include <common/directmap.h>
#include <asm/mmu.h>

#define SZ_1G		(1ULL << 30)

/* Next run of touching memblock.memory regions without NOMAP. */
static bool next_mappable(unsigned long *i, uint64_t *base, uint64_t *end)
{
	const struct memblock_type *m = &memblock.memory;
	bool found = false;

	for (; *i < m->cnt && m->regions[*i].size; (*i)++) {
		const struct memblock_region *r = &m->regions[*i];

		if (r->flags & MEMBLOCK_NOMAP) {
			if (found)
				break;
			continue;
		}
		if (found && r->base != *end)
			break;
		if (!found)
			*base = r->base;
		*end = r->base + r->size;
		found = true;
	}
	return found;
}

/* A finished run of mapped memory must be the next mappable run. */
static void run_done(struct directmap_walk *w)
{
	uint64_t b = 0, e = 0;

	w->runs++;
	if (!next_mappable(&w->next_region, &b, &e) || b != w->run_base ||
	    e != w->run_end) {
		if (w->bad++ < 4)
			ktap_diag("mapped [%#llx-%#llx), memory wants [%#llx-%#llx)",
				  (unsigned long long)w->run_base,
				  (unsigned long long)w->run_end,
				  (unsigned long long)b, (unsigned long long)e);
	}
	w->in_run = false;
}

void directmap_walk_leaf(struct directmap_walk *w, uint64_t va, uint64_t pa, uint64_t size)
{
	if (pa != va - DIRECTMAP_BASE && w->misplaced++ < 4)
		ktap_diag(DIRECTMAP_NAME ": va %#llx -> pa %#llx", (unsigned long long)va,
			  (unsigned long long)pa);
	if (w->in_run && pa == w->run_end) {
		w->run_end += size;
		return;
	}
	if (w->in_run)
		run_done(w);
	w->run_base = pa;
	w->run_end = pa + size;
	w->in_run = true;
}

void directmap_check_walk(struct directmap_walk *w)
{
	uint64_t b, e;

	if (w->in_run)
		run_done(w);
	if (next_mappable(&w->next_region, &b, &e)) {
		ktap_diag("memory [%#llx-%#llx) is not mapped", (unsigned long long)b,
			  (unsigned long long)e);
		w->bad++;
	}
	ktap_ok(!w->bad && !w->misplaced,
		DIRECTMAP_NAME " is exactly memblock.memory without NOMAP (%lu runs; %lu x 1G, %lu x 2M, %lu x 4K pages)",
		w->runs, directmap_stats.pages[2], directmap_stats.pages[1],
		directmap_stats.pages[0]);
}

/* Each NOMAP region explicitly: no page of it translates. */
unsigned int directmap_check_nomap(void)
{
	unsigned int nomap = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		bool mapped = false;

		if (!(r->flags & MEMBLOCK_NOMAP))
			continue;
		nomap++;
		for (uint64_t a = r->base; a < r->base + r->size && !mapped; a += PAGE_SIZE)
			if (directmap_arch_lookup(DIRECTMAP_BASE + a) != (uint64_t)-1) {
				ktap_diag("NOMAP page %#llx is mapped", (unsigned long long)a);
				mapped = true;
			}
		ktap_ok(!mapped, "NOMAP [mem %#018llx-%#018llx]: no page mapped",
			(unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1));
	}
	return nomap;
}

void directmap_check_limit(void)
{
	unsigned long i = 0;
	uint64_t b, e;
	bool gb_fits = false;

	ktap_ok(memblock_get_current_limit() == memblock_end_of_DRAM(),
		"allocation limit is the end of RAM, all of it mapped (%#llx, %u steps above the early map)",
		(unsigned long long)memblock_get_current_limit(), directmap_stats.steps);
	/* 1 GiB pages wherever a mappable run holds an aligned GiB. */
	while (next_mappable(&i, &b, &e))
		gb_fits |= ((b + SZ_1G - 1) & ~(SZ_1G - 1)) + SZ_1G <= e;
	ktap_ok(!!directmap_stats.pages[2] == (gb_fits && !directmap_stats.no_gbpages),
		DIRECTMAP_NAME ": 1 GiB pages %s (%s%s)",
		directmap_stats.pages[2] ? "used" : "not used",
		directmap_stats.no_gbpages ? "the CPU lacks them, " : "",
		gb_fits ? "an aligned GiB of memory exists" : "no aligned GiB of memory");
}

/* Reads that must fault (NOMAP, holes, past and below RAM) and one that must not. */
void directmap_check_probes(void)
{
	const struct memblock_type *m = &memblock.memory;
	/* Any byte of the image will do: this file's own data. */
	uint64_t image = memblock_env_virt_to_phys(&directmap_stats);

	ktap_ok(!directmap_arch_probe_read(memblock_env_phys_to_virt(image)),
		"a read of the image through the " DIRECTMAP_NAME " (pa %#llx) does not fault",
		(unsigned long long)image);
	for (unsigned long i = 0; i < m->cnt; i++)
		if (m->regions[i].flags & MEMBLOCK_NOMAP)
			directmap_arch_check_fault(DIRECTMAP_BASE + m->regions[i].base, "NOMAP memory",
					    m->regions[i].base);
	for (unsigned long i = 0; i + 1 < m->cnt; i++) {
		uint64_t end = m->regions[i].base + m->regions[i].size;

		if (end < m->regions[i + 1].base) {
			directmap_arch_check_fault(DIRECTMAP_BASE + end, "the first hole in memblock.memory",
					    end);
			break;
		}
	}
	directmap_arch_check_fault(DIRECTMAP_BASE + memblock_end_of_DRAM(), "the end of RAM",
			    memblock_end_of_DRAM());
	if (memblock_start_of_DRAM() >= PAGE_SIZE)
		directmap_arch_check_fault(DIRECTMAP_BASE + memblock_start_of_DRAM() - PAGE_SIZE,
				    "the page below RAM", memblock_start_of_DRAM() - PAGE_SIZE);
}
