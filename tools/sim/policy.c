// SPDX-License-Identifier: BSD-2-Clause
/*
 * The simulated kernel's policy (its mapped window, which is memblock's
 * allocation limit, and whether arrays may grow), and where the region
 * arrays that grew were placed: a grown array above the limit is memory
 * the kernel could not reach (on a real machine: a fault).
 */
#include "sim.h"

void sim_print_policy(const struct sim_opts *o)
{
	if (o->limit == SIM_LIMIT_NONE)
		printf("setup: policy: no allocation limit (all memory mapped, --limit)");
	else
		printf("setup: policy: mapped window and allocation limit 0x%llx (--limit)",
		       (unsigned long long)o->limit);
	printf(", arrays %s\n", o->no_resize ? "may not grow (--no-resize)" :
	       "may grow once everything is reserved");
}

static unsigned int report(const struct memblock_type *t, uint64_t limit)
{
	phys_addr_t base, last;

	if (!sim_phys_of(t->regions, &base)) {
		/* An empty type has cnt == 0 (Linux 6.11+). */
		printf("setup: memblock.%s: static array, %lu of %lu entries used\n",
		       t->name, t->cnt, t->max);
		return 0;
	}
	last = base + (phys_addr_t)t->max * sizeof(*t->regions) - 1;
	printf("setup: memblock.%s grew to %lu entries at [0x%llx-0x%llx], %s\n",
	       t->name, t->max, (unsigned long long)base, (unsigned long long)last,
	       last < limit ? "inside the limit" : "ABOVE THE LIMIT: unreachable");
	return last < limit ? 0 : 1;
}

unsigned int sim_report_arrays(uint64_t limit)
{
	unsigned int bad = report(&memblock.memory, limit) +
			   report(&memblock.reserved, limit);

#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	bad += report(&memblock.physmem, limit);
#endif
	return bad;
}
