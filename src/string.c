// SPDX-License-Identifier: BSD-2-Clause
/*
 * The few memory and string primitives the library needs, under its own
 * names so that it never calls into (or clashes with) a C library.
 *
 * The library moves and clears memory only through memblock_env_memmove()
 * and memblock_env_memset() (memblock_env.h). Their defaults are the
 * portable loops below, reachable under their own names too, so that an
 * embedder's optimised routine can be tested against them.
 */
#include "internal.h"

/* The defaults, also callable by name (declared for replacement headers). */
void *memblock_env_default_memmove(void *dst, const void *src, size_t n);
void *memblock_env_default_memset(void *dst, int c, size_t n);

/*
 * GCC turns byte loops into calls to memset()/memmove(), which would make
 * these functions call themselves (or libc). Ask it not to. (Clang only
 * does that when builtins are allowed; the library builds with
 * -fno-builtin.)
 */
#if defined(__GNUC__) && !defined(__clang__)
#define NO_LIBCALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define NO_LIBCALLS
#endif

/*
 * Word accesses that may alias anything (buffers are not word arrays).
 * Only aligned words are ever accessed: some targets trap on, or emulate
 * slowly, misaligned loads and stores.
 */
typedef uintptr_t __attribute__((may_alias)) mb_word_t;
#define WSZ	sizeof(mb_word_t)
#define WMASK	(WSZ - 1)
/* Words per iteration of the bulk loops: 8 fit the registers of i386. */
#define UNROLL	8

/*
 * Forward copy, safe when @d is below @s or the ranges do not overlap:
 * every word is loaded before any later word is stored, and the stores go
 * to lower addresses than the loads still to come.
 */
static inline void copy_fwd(unsigned char *d, const unsigned char *s, size_t n)
{
	if (!(((uintptr_t)d ^ (uintptr_t)s) & WMASK)) {
		mb_word_t *dw;
		const mb_word_t *sw;

		/* Bytes up to a word boundary (none for word-aligned arrays). */
		for (; n && ((uintptr_t)d & WMASK); n--)
			*d++ = *s++;
		dw = (mb_word_t *)(void *)d;
		sw = (const mb_word_t *)(const void *)s;
		for (; n >= UNROLL * WSZ; n -= UNROLL * WSZ, dw += UNROLL, sw += UNROLL) {
			mb_word_t a = sw[0], b = sw[1], c = sw[2], e = sw[3];
			mb_word_t f = sw[4], g = sw[5], h = sw[6], i = sw[7];

			dw[0] = a, dw[1] = b, dw[2] = c, dw[3] = e;
			dw[4] = f, dw[5] = g, dw[6] = h, dw[7] = i;
		}
		for (; n >= WSZ; n -= WSZ)
			*dw++ = *sw++;
		d = (unsigned char *)dw;
		s = (const unsigned char *)sw;
	}
	/* Mutually misaligned buffers, or the last bytes of an odd length. */
	while (n--)
		*d++ = *s++;
}

/* Backward copy from the ends, safe when @d is above @s. */
static inline void copy_bwd(unsigned char *d, const unsigned char *s, size_t n)
{
	d += n;
	s += n;
	if (!(((uintptr_t)d ^ (uintptr_t)s) & WMASK)) {
		mb_word_t *dw;
		const mb_word_t *sw;

		for (; n && ((uintptr_t)d & WMASK); n--)
			*--d = *--s;
		dw = (mb_word_t *)(void *)d;
		sw = (const mb_word_t *)(const void *)s;
		for (; n >= UNROLL * WSZ; n -= UNROLL * WSZ) {
			mb_word_t a = sw[-1], b = sw[-2], c = sw[-3], e = sw[-4];
			mb_word_t f = sw[-5], g = sw[-6], h = sw[-7], i = sw[-8];

			dw -= UNROLL, sw -= UNROLL;
			dw[7] = a, dw[6] = b, dw[5] = c, dw[4] = e;
			dw[3] = f, dw[2] = g, dw[1] = h, dw[0] = i;
		}
		for (; n >= WSZ; n -= WSZ)
			*--dw = *--sw;
		d = (unsigned char *)dw;
		s = (const unsigned char *)sw;
	}
	while (n--)
		*--d = *--s;
}

/*
 * Region arrays are word-aligned and moved in whole regions, so the
 * aligned bulk path is the one that matters: 8 words per iteration, no
 * byte loop at either end.
 */
NO_LIBCALLS void *memblock_env_default_memmove(void *dst, const void *src,
					       size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || !n)
		return dst;
	/* Forward is right unless dst starts inside [src, src + n). */
	if ((uintptr_t)d - (uintptr_t)s >= n)
		copy_fwd(d, s, n);
	else
		copy_bwd(d, s, n);
	return dst;
}

NO_LIBCALLS void *memblock_env_default_memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	mb_word_t word = (unsigned char)c, *dw;

	word |= word << 8;
	word |= word << 16;
	if (WSZ > 4)
		word |= (word << 16) << 16;
	/* Bytes up to word alignment, then 8 words at a time, then words. */
	for (; n && ((uintptr_t)d & WMASK); n--)
		*d++ = (unsigned char)c;
	dw = (mb_word_t *)(void *)d;
	for (; n >= UNROLL * WSZ; n -= UNROLL * WSZ, dw += UNROLL) {
		dw[0] = word, dw[1] = word, dw[2] = word, dw[3] = word;
		dw[4] = word, dw[5] = word, dw[6] = word, dw[7] = word;
	}
	for (; n >= WSZ; n -= WSZ)
		*dw++ = word;
	d = (unsigned char *)dw;
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

/*
 * The hooks' defaults: weak aliases, so that an embedder's strong
 * definition replaces them at link time with no indirection left.
 */
void *memblock_env_memmove(void *dst, const void *src, size_t n)
	__attribute__((weak, alias("memblock_env_default_memmove")));
void *memblock_env_memset(void *dst, int c, size_t n)
	__attribute__((weak, alias("memblock_env_default_memset")));

size_t __memblock_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}
