// SPDX-License-Identifier: BSD-2-Clause
/*
 * The library's own __memblock_memmove() and __memblock_memset() against the C library's,
 * on every alignment, length and overlap in both directions.
 */
#include <stdint.h>
#include "harness.h"

/* Library internals (src/string.c). */
void *__memblock_memmove(void *dst, const void *src, size_t n);
void *__memblock_memset(void *dst, int c, size_t n);

#define BUF	160

static void fill(unsigned char *b)
{
	for (int i = 0; i < BUF; i++)
		b[i] = (unsigned char)(i * 7 + 3);
}

static void memmove_matches_libc(void)
{
	static unsigned char got[BUF] __attribute__((aligned(16)));
	static unsigned char want[BUF] __attribute__((aligned(16)));
	int bad = 0;

	/* Every source and destination offset 0..15, lengths 0..80. */
	for (int so = 0; so < 16; so++)
		for (int dof = 0; dof < 16; dof++)
			for (size_t n = 0; n <= 80; n++) {
				fill(got);
				fill(want);
				/* Overlapping within one buffer, both directions. */
				CHECK(__memblock_memmove(got + 40 + dof, got + 40 + so, n) ==
				      got + 40 + dof);
				memmove(want + 40 + dof, want + 40 + so, n);
				if (memcmp(got, want, BUF) && bad++ < 3)
					tap_fail(__FILE__, __LINE__,
						 "memmove(+%d, +%d, %zu) differs", dof, so, n);
			}
	/* Word-aligned moves of whole regions, far apart and overlapping. */
	for (size_t shift = 8; shift <= 72; shift += 8) {
		fill(got);
		fill(want);
		__memblock_memmove(got + shift, got, 80);
		memmove(want + shift, want, 80);
		CHECK(!memcmp(got, want, BUF));
		fill(got);
		fill(want);
		__memblock_memmove(got, got + shift, 80);
		memmove(want, want + shift, 80);
		CHECK(!memcmp(got, want, BUF));
	}
}

static void memset_matches_libc(void)
{
	static unsigned char got[BUF], want[BUF];

	for (int off = 0; off < 16; off++)
		for (size_t n = 0; n <= 64; n++) {
			fill(got);
			fill(want);
			CHECK(__memblock_memset(got + off, 0xa5, n) == got + off);
			memset(want + off, 0xa5, n);
			CHECK(!memcmp(got, want, BUF));
		}
}

static const struct test_case cases[] = {
	TEST_CASE(memmove_matches_libc),
	TEST_CASE(memset_matches_libc),
};
TAP_MAIN(cases)
