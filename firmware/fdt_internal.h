/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Internal helpers shared by firmware/fdt*.c. Not part of the API: the
 * ones with external linkage are __fw_fdtr_* (the firmware library's
 * reserved prefix, scripts/check-firmware), the static inline ones fdtr_*.
 */
#ifndef FIRMWARE_FDT_INTERNAL_H
#define FIRMWARE_FDT_INTERNAL_H

#include <firmware/fdt.h>

#define FDTR_ALIGN4(x)	(((x) + 3u) & ~3u)

/* The structure block and its bytes. */
static inline const uint8_t *fdtr_struct(const struct fdtr *dt)
{
	return dt->blob + dt->off_struct;
}

/* The root node's offset (0 unless the block starts with FDT_NOPs). */
static inline int fdtr_root(const struct fdtr *dt)
{
	return fdtr_next_node(dt, -1, NULL);
}

/* Freestanding string helpers (no C library). */
static inline size_t fdtr_strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

static inline bool fdtr_memeq(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;

	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return false;
	return true;
}

static inline bool fdtr_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* Offset of the first property or node tag at or after @offset (skipping
 * FDT_NOP); the tag is returned in *tag. */
int __fw_fdtr_skip_nops(const struct fdtr *dt, int offset, int *tag);

/* 0 if @node is the offset of an FDT_BEGIN_NODE, else a negative error. */
int __fw_fdtr_check_node(const struct fdtr *dt, int node);

/*
 * /memreserve/ entries read so far (every read, however it is reached):
 * the tests check with it that scanning the map is linear.
 */
extern unsigned long __fw_fdtr_rsv_reads;

/* Decode a property name offset: the NUL-terminated name, or NULL. */
const char *__fw_fdtr_string(const struct fdtr *dt, uint32_t stroff);

#endif /* FIRMWARE_FDT_INTERNAL_H */
