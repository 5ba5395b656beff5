// SPDX-License-Identifier: BSD-2-Clause
/*
 * NUMA nodes for memblock from the SRAT's memory affinity entries, with
 * node ids given (acpi_srat_nodes(): Linux's order) or, for the older
 * acpi_srat_memblock(), by the entries' own order.
 */
#include <stdarg.h>
#include <firmware/acpi.h>
#include <linux/memblock.h>

/* The library's formatter (src/printf.c). */
int __memblock_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

static __attribute__((format(printf, 1, 2))) void srat_err(const char *fmt, ...)
{
	char line[160];
	va_list ap;

	va_start(ap, fmt);
	__memblock_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	memblock_env_log(MEMBLOCK_LOG_ERR, line);
}

/* True when entry @i is the first of its proximity domain. */
static bool first_of_domain(const struct acpi_mem_affinity *mem, unsigned int i)
{
	for (unsigned int j = 0; j < i; j++)
		if (mem[j].pxm == mem[i].pxm)
			return false;
	return true;
}

/* [*base, *end) of entry @m as memblock holds it; false when empty. */
static bool clip(const struct acpi_mem_affinity *m, uint64_t *base,
		 uint64_t *end)
{
	*base = m->base;
	*end = m->base + m->size;
	if (!m->size || m->base > (uint64_t)PHYS_ADDR_MAX)
		return false;
	if (*end < m->base || *end - 1 > (uint64_t)PHYS_ADDR_MAX)
		*end = (uint64_t)PHYS_ADDR_MAX;
	return *end > *base;
}

/*
 * As Linux's NUMA init does, ranges of two domains that overlap make the
 * whole table unusable (one of them is wrong, and which is unknown);
 * overlaps within a domain are harmless. Quadratic: a SRAT has few
 * memory entries.
 */
static bool domains_overlap(const struct acpi_mem_affinity *mem,
			    unsigned int nr)
{
	for (unsigned int i = 0; i < nr; i++) {
		uint64_t bi, ei, bj, ej;

		if (!clip(&mem[i], &bi, &ei))
			continue;
		for (unsigned int j = i + 1; j < nr; j++) {
			if (mem[j].pxm == mem[i].pxm ||
			    !clip(&mem[j], &bj, &ej) || bj >= ei || bi >= ej)
				continue;
			srat_err("SRAT: PXM %u [mem %#llx-%#llx] overlaps PXM %u [mem %#llx-%#llx]: NUMA configuration rejected",
				 mem[i].pxm, (unsigned long long)bi,
				 (unsigned long long)(ei - 1), mem[j].pxm,
				 (unsigned long long)bj,
				 (unsigned long long)(ej - 1));
			return true;
		}
	}
	return false;
}

static int node_of(uint32_t pxm, const uint32_t *node_pxm, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		if (node_pxm[i] == pxm)
			return (int)i;
	return -1;
}

/* Each entry's range gets its node; the nodes were checked. */
static int apply(const struct acpi_mem_affinity *mem, unsigned int nr,
		 const uint32_t *node_pxm, unsigned int n)
{
	for (unsigned int i = 0; i < nr; i++) {
		phys_addr_t base, size;
		uint64_t b, end;
		int err;

		if (!clip(&mem[i], &b, &end))
			continue;
		base = (phys_addr_t)b;
		size = (phys_addr_t)(end - b);
		err = memblock_set_node(base, size, &memblock.memory,
					node_of(mem[i].pxm, node_pxm, n));
		if (!err && mem[i].hotplug)
			err = memblock_mark_hotplug(base, size);
		if (err)
			return err;
	}
	return 0;
}

int acpi_srat_memblock_nodes(const struct acpi_mem_affinity *mem,
			     unsigned int nr, const uint32_t *node_pxm,
			     unsigned int nr_nodes)
{
	unsigned int i;

	if ((!mem && nr) || (!node_pxm && nr_nodes))
		return -EINVAL;
	for (i = 0; i < nr_nodes; i++)
		if (node_of(node_pxm[i], node_pxm, i) >= 0)
			return -EINVAL;		/* listed twice */
	for (i = 0; i < nr; i++)
		if (node_of(mem[i].pxm, node_pxm, nr_nodes) < 0)
			return -EINVAL;
	if (nr_nodes > MAX_NUMNODES)
		return -ENOSPC;
	if (domains_overlap(mem, nr))
		return -EBADMSG;
	return apply(mem, nr, node_pxm, nr_nodes);
}

int acpi_srat_memblock(const struct acpi_mem_affinity *mem, unsigned int nr,
		       uint32_t *node_pxm, unsigned int max_nodes,
		       unsigned int *nr_nodes)
{
	unsigned int n = 0, i;

	if ((!mem && nr) || !node_pxm || !nr_nodes)
		return -EINVAL;
	if (max_nodes > MAX_NUMNODES)
		max_nodes = MAX_NUMNODES;
	if (domains_overlap(mem, nr))
		return -EBADMSG;
	/* Count the domains first, so that too many changes nothing. */
	for (i = 0; i < nr; i++)
		if (first_of_domain(mem, i) && n++ == max_nodes)
			return -ENOSPC;
	for (i = 0, n = 0; i < nr; i++)
		if (first_of_domain(mem, i))
			node_pxm[n++] = mem[i].pxm;
	*nr_nodes = n;
	return apply(mem, nr, node_pxm, n);
}
