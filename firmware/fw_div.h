/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Division without the compiler runtime. A 64-bit '/' or '%' on a 32-bit
 * target, and any non-constant one on armv7-a (no divide instruction),
 * becomes a call to __udivdi3, __aeabi_uldivmod, __aeabi_idiv...; a kernel
 * has no libgcc to provide them. The firmware library divides rarely and
 * never on a hot path, so bit-by-bit long division is enough. Internal to
 * firmware/, not part of the API.
 */
#ifndef FIRMWARE_FW_DIV_H
#define FIRMWARE_FW_DIV_H

#include <stdint.h>

/* @n / @d, the remainder in *@rem; @d must not be 0. */
static inline uint64_t fw_div_u64(uint64_t n, uint64_t d, uint64_t *rem)
{
	uint64_t q = 0, r = 0;

	/* Constant shifts only: a variable 64-bit one may be a call too. */
	for (int i = 0; i < 64; i++) {
		/* A carry out of r means r > d: subtracting wraps right. */
		uint64_t carry = r >> 63;

		r = r << 1 | n >> 63;
		n <<= 1;
		q <<= 1;
		if (carry || r >= d) {
			r -= d;
			q |= 1;
		}
	}
	*rem = r;
	return q;
}

/* The same for 32-bit operands (armv7-a has no divide instruction). */
static inline uint32_t fw_div_u32(uint32_t n, uint32_t d, uint32_t *rem)
{
	uint64_t r;
	uint32_t q = (uint32_t)fw_div_u64(n, d, &r);

	*rem = (uint32_t)r;
	return q;
}

#endif
