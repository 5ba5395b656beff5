/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Internal helpers shared by the DT -> memblock scan (firmware/fdt_*.c).
 * Not part of the API.
 */
#ifndef FIRMWARE_FDT_SCAN_INTERNAL_H
#define FIRMWARE_FDT_SCAN_INTERNAL_H

#include <stdarg.h>
#include "fdt_internal.h"
#include <firmware/fdt_memblock.h>

#define __dt_printf(a, b)	__attribute__((format(printf, a, b)))

/* The library's formatter (src/printf.c). */
int __memblock_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* One "dt: "-prefixed line to memblock_env_log(). */
void dt_log(int level, const char *fmt, ...) __dt_printf(2, 3);
/* Log a warning and count it in @res (which may be NULL). */
void dt_warn(struct dt_scan_result *res, const char *fmt, ...) __dt_printf(2, 3);
/* Log an error and count it in @res (which may be NULL). */
void dt_error(struct dt_scan_result *res, const char *fmt, ...) __dt_printf(2, 3);

/*
 * The root's #address-cells and #size-cells, limited to what a 64-bit
 * number holds: 1..2 each. -FDTR_ERR_BADCELLS otherwise.
 */
int dt_root_cells(const struct fdtr *dt, int *ac, int *sc);

/*
 * Fit [base, base + size) into what memblock holds (an end at most
 * PHYS_ADDR_MAX): a range above is refused, one crossing it (or 2^64) is
 * truncated, with a warning naming @what. Returns false when nothing is
 * left.
 */
bool dt_to_phys(uint64_t base, uint64_t size, phys_addr_t *pbase,
		phys_addr_t *psize, const char *what,
		struct dt_scan_result *res);

/*
 * Turn off array growth for a part of the scan that runs before every
 * range the tree says is in use is reserved (a grown array could land on
 * such a range and then be reserved over by the firmware's reservation:
 * two owners). Returns the previous state for dt_release_resize().
 */
int dt_hold_resize(void);
void dt_release_resize(int was);

#endif /* FIRMWARE_FDT_SCAN_INTERNAL_H */
