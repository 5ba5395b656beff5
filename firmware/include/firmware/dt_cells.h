/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * dt_cells.h - numbers in device-tree property values: big-endian cells
 * and reg-style (address, size) lists. Pure functions of a value (a
 * pointer and a length, as fdt_getprop() returns them), so they serve the
 * DT scan with either libfdt provider (fdt_api.h), and the built-in
 * reader's fdtr_read_cells(), fdtr_reg_count() and fdtr_reg_entry() are
 * these. Errors are negative errno (firmware/errno.h).
 */
#ifndef FIRMWARE_DT_CELLS_H
#define FIRMWARE_DT_CELLS_H

#include <firmware/errno.h>
#include <stddef.h>
#include <stdint.h>

/* The most cells a number may have (the specification's limit). */
#define DT_MAX_NCELLS	4

/**
 * dt_read_cells - read a number of 0 to 4 big-endian cells
 * @p: first byte (any alignment)
 * @cells: number of cells; 0 gives 0
 *
 * Cells beyond the low two are dropped, as Linux's of_read_number() does.
 *
 * Return: the low 64 bits.
 */
uint64_t dt_read_cells(const void *p, int cells);

/**
 * dt_reg_count - number of (address, size) entries in a value
 * @len: value length in bytes
 * @ac: address cells (1..4)
 * @sc: size cells (0..4)
 *
 * Return: the entry count; -EDOM for bad @ac or @sc; -ERANGE when @len is
 * negative or not a whole number of entries.
 */
int dt_reg_count(int len, int ac, int sc);

/**
 * dt_reg_entry - decode entry @idx of a reg-like value
 * @val: the value
 * @len: its length in bytes
 * @ac: address cells
 * @sc: size cells
 * @idx: entry index
 * @addr: set to the address (may be NULL)
 * @size: set to the size (may be NULL)
 *
 * Return: 0; dt_reg_count()'s error; -ENOENT for a NULL @val or an @idx
 * out of range.
 */
int dt_reg_entry(const void *val, int len, int ac, int sc, int idx,
		 uint64_t *addr, uint64_t *size);

#endif /* FIRMWARE_DT_CELLS_H */
