// SPDX-License-Identifier: BSD-2-Clause
/*
 * Numbers in the tree: cell counts, reg-style (address, size) lists and
 * the /memreserve/ map.
 */
#include <firmware/dt_cells.h>
#include "fdt_internal.h"

static int cells(const struct fdtr *dt, int node, const char *name, int dflt,
		 int min)
{
	uint32_t val;
	int err = fdtr_getprop_u32(dt, node, name, &val);

	if (err == -FDTR_ERR_NOTFOUND)
		return dflt;
	if (err == -FDTR_ERR_BADVALUE)
		return -FDTR_ERR_BADCELLS;
	if (err)
		return err;
	if (val < (uint32_t)min || val > DT_MAX_NCELLS)
		return -FDTR_ERR_BADCELLS;
	return (int)val;
}

int fdtr_address_cells(const struct fdtr *dt, int node)
{
	return cells(dt, node, "#address-cells", 2, 1);
}

int fdtr_size_cells(const struct fdtr *dt, int node)
{
	return cells(dt, node, "#size-cells", 1, 0);
}

/* The value decoders are the DT scan's own (dt_cells.c). */
uint64_t fdtr_read_cells(const void *p, int n)
{
	return dt_read_cells(p, n);
}

int fdtr_reg_count(int len, int ac, int sc)
{
	return dt_reg_count(len, ac, sc);
}

int fdtr_reg_entry(const void *val, int len, int ac, int sc, int idx,
		   uint64_t *addr, uint64_t *size)
{
	return dt_reg_entry(val, len, ac, sc, idx, addr, size);
}

unsigned long __fw_fdtr_rsv_reads;

int fdtr_rsv_entry(const struct fdtr *dt, int n, uint64_t *addr,
		   uint64_t *size)
{
	const uint8_t *p;

	__fw_fdtr_rsv_reads++;
	if ((uint64_t)(n + 1) * 16 > dt->size_rsvmap)
		return -FDTR_ERR_BADRSVMAP;
	p = dt->blob + dt->off_rsvmap + (size_t)n * 16;
	*addr = fdtr_be64(p);
	*size = fdtr_be64(p + 8);
	/* A zero size ends the map, as in dtc and Linux. */
	return *size ? 0 : -FDTR_ERR_NOTFOUND;
}

int fdtr_num_mem_rsv(const struct fdtr *dt)
{
	uint64_t a, s;
	int n, err;

	if (!dt)
		return -FDTR_ERR_INVAL;
	for (n = 0; (err = fdtr_rsv_entry(dt, n, &a, &s)) == 0; n++)
		;
	return err == -FDTR_ERR_NOTFOUND ? n : err;
}

int fdtr_get_mem_rsv(const struct fdtr *dt, int n, uint64_t *addr,
		     uint64_t *size)
{
	int count;

	if (!dt || !addr || !size || n < 0)
		return -FDTR_ERR_INVAL;
	/* Entries past a missing terminator do not count. */
	count = fdtr_num_mem_rsv(dt);
	if (count < 0)
		return count;
	if (n >= count)
		return -FDTR_ERR_NOTFOUND;
	return fdtr_rsv_entry(dt, n, addr, size);
}
