/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Internal helpers shared by the DT -> memblock scan (firmware/fdt_*.c,
 * dt_*.c). Not part of the API. The scan reads the tree through libfdt's
 * API only (firmware/fdt_api.h: the built-in reader, or the system's
 * libfdt with FIRMWARE_LIBFDT_SYSTEM), and turns the provider's errors
 * into negative errno (fw_fdt_errno()) as soon as it gets them.
 *
 * Names: the helpers with external linkage take the firmware library's
 * reserved prefix __fw_ (__fw_dt_*), so that a kernel's own dt_* functions
 * cannot clash with them (scripts/check-firmware: every dt_* global is
 * declared in a public header); the static inline ones are no symbols.
 */
#ifndef FIRMWARE_FDT_SCAN_INTERNAL_H
#define FIRMWARE_FDT_SCAN_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <firmware/fdt_api.h>
#include <firmware/dt_cells.h>
#include <firmware/fdt_memblock.h>

#define __dt_printf(a, b)	__attribute__((format(printf, a, b)))

/* The library's formatter (src/printf.c). */
int __memblock_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* One "dt: "-prefixed line to memblock_env_log(). */
void __fw_dt_log(int level, const char *fmt, ...) __dt_printf(2, 3);
/* Log a warning and count it in @res (which may be NULL). */
void __fw_dt_warn(struct dt_scan_result *res, const char *fmt, ...) __dt_printf(2, 3);
/* Log an error and count it in @res (which may be NULL). */
void __fw_dt_error(struct dt_scan_result *res, const char *fmt, ...) __dt_printf(2, 3);

/* Freestanding string helpers (no C library). */
static inline size_t dt_strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

static inline bool dt_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* Reads through the provider, errors as negative errno (dt_props.c). */

static inline int dt_path(const void *fdt, const char *path)
{
	return fw_fdt_errno(fdt_path_offset(fdt, path));
}

static inline int dt_parent(const void *fdt, int node)
{
	return fw_fdt_errno(fdt_parent_offset(fdt, node));
}

/* Cell counts for @node's children: 1..4 (#size-cells 0..4) or -EDOM. */
static inline int dt_address_cells(const void *fdt, int node)
{
	return fw_fdt_errno(fdt_address_cells(fdt, node));
}

static inline int dt_size_cells(const void *fdt, int node)
{
	return fw_fdt_errno(fdt_size_cells(fdt, node));
}

/* The root node's offset (0 unless the block starts with FDT_NOPs). */
int __fw_dt_root(const void *fdt);
/* fdt_getprop(), with *@lenp's error (if any) as a negative errno. */
const void *__fw_dt_prop(const void *fdt, int node, const char *name, int *lenp);
/* A 4-byte property: 0, -ENOENT when absent, -ERANGE for another length. */
int __fw_dt_prop_u32(const void *fdt, int node, const char *name, uint32_t *val);
/*
 * A string property: its value when it is non-empty and ends with its
 * NUL (00 00 00 01 is a number, not ""), else NULL.
 */
const char *__fw_dt_prop_string(const void *fdt, int node, const char *name);
/* "status" absent, "okay" or "ok". */
bool __fw_dt_is_available(const void *fdt, int node);
/* @compat is one of the strings of a well-formed "compatible" list. */
bool __fw_dt_is_compatible(const void *fdt, int node, const char *compat);

/*
 * The root's #address-cells and #size-cells, limited to what a 64-bit
 * number holds: 1..2 each. -EDOM otherwise.
 */
int __fw_dt_root_cells(const void *fdt, int *ac, int *sc);

/*
 * Fit [base, base + size) into what memblock holds (an end at most
 * PHYS_ADDR_MAX): a range above is refused, one crossing it (or 2^64) is
 * truncated, with a warning naming @what. Returns false when nothing is
 * left.
 */
bool __fw_dt_to_phys(uint64_t base, uint64_t size, phys_addr_t *pbase,
		     phys_addr_t *psize, const char *what,
		     struct dt_scan_result *res);

/*
 * Turn off array growth for a part of the scan that runs before every
 * range the tree says is in use is reserved (a grown array could land on
 * such a range and then be reserved over by the firmware's reservation:
 * two owners). Returns the previous state for __fw_dt_release_resize().
 */
int __fw_dt_hold_resize(void);
void __fw_dt_release_resize(int was);

#endif /* FIRMWARE_FDT_SCAN_INTERNAL_H */
