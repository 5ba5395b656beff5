// SPDX-License-Identifier: BSD-2-Clause
/*
 * Numbers in property values (dt_cells.h): no tree, no provider, only the
 * bytes of one value, read byte by byte (no alignment needed).
 */
#include <firmware/dt_cells.h>
#include "fw_div.h"

static uint32_t be32(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | b[3];
}

uint64_t dt_read_cells(const void *p, int cells)
{
	const uint8_t *b = p;
	uint64_t v = 0;

	/* Shifting drops all but the low two cells. */
	for (int i = 0; i < cells; i++)
		v = v << 32 | be32(b + 4 * i);
	return v;
}

int dt_reg_count(int len, int ac, int sc)
{
	uint32_t n, rem;

	if (ac < 1 || ac > DT_MAX_NCELLS || sc < 0 || sc > DT_MAX_NCELLS)
		return -EDOM;
	if (len < 0)
		return -ERANGE;
	n = fw_div_u32((uint32_t)len, (uint32_t)(4 * (ac + sc)), &rem);
	if (rem)
		return -ERANGE;
	return (int)n;
}

int dt_reg_entry(const void *val, int len, int ac, int sc, int idx,
		 uint64_t *addr, uint64_t *size)
{
	const uint8_t *p = val;
	int n = dt_reg_count(len, ac, sc);

	if (n < 0)
		return n;
	if (!val || idx < 0 || idx >= n)
		return -ENOENT;
	p += (size_t)idx * 4 * (size_t)(ac + sc);
	if (addr)
		*addr = dt_read_cells(p, ac);
	if (size)
		*size = dt_read_cells(p + 4 * ac, sc);
	return 0;
}
