// SPDX-License-Identifier: BSD-2-Clause
/*
 * The few memory and string primitives the library needs, under its own
 * names so that it never calls into (or clashes with) a C library.
 */
#include "internal.h"

/*
 * GCC turns byte loops into calls to memset()/memmove(), which would make
 * these functions call themselves (or libc). Ask it not to.
 */
#if defined(__GNUC__) && !defined(__clang__)
#define NO_LIBCALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define NO_LIBCALLS
#endif

/* Word accesses that may alias anything (buffers are not word arrays). */
typedef uintptr_t __attribute__((may_alias)) mb_word_t;

/* Is everything word-aligned, so that the copy can go a word at a time? */
static bool words_aligned(const void *a, const void *b, size_t n)
{
	return !(((uintptr_t)a | (uintptr_t)b | n) & (sizeof(mb_word_t) - 1));
}

/*
 * Region arrays are word-aligned and moved in whole regions, so the fast
 * path is the common one. Four words are loaded before any is stored, so
 * overlapping moves stay correct in either direction.
 */
NO_LIBCALLS void *__memblock_memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || !n)
		return dst;
	if (words_aligned(d, s, n)) {
		mb_word_t *dw = (mb_word_t *)(void *)d;
		const mb_word_t *sw = (const mb_word_t *)(const void *)s;
		size_t nw = n / sizeof(mb_word_t);

		if (d < s) {
			for (; nw >= 4; nw -= 4, dw += 4, sw += 4) {
				mb_word_t a = sw[0], b = sw[1], c = sw[2], e = sw[3];

				dw[0] = a, dw[1] = b, dw[2] = c, dw[3] = e;
			}
			while (nw--)
				*dw++ = *sw++;
		} else {
			dw += nw;
			sw += nw;
			for (; nw >= 4; nw -= 4) {
				mb_word_t a = sw[-1], b = sw[-2], c = sw[-3], e = sw[-4];

				dw -= 4, sw -= 4;
				dw[3] = a, dw[2] = b, dw[1] = c, dw[0] = e;
			}
			while (nw--)
				*--dw = *--sw;
		}
		return dst;
	}
	if (d < s) {
		while (n--)
			*d++ = *s++;
	} else {
		d += n;
		s += n;
		while (n--)
			*--d = *--s;
	}
	return dst;
}

NO_LIBCALLS void *__memblock_memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	mb_word_t word = (unsigned char)c;

	word |= word << 8;
	word |= word << 16;
	if (sizeof(word) > 4)
		word |= (word << 16) << 16;
	/* Bytes up to word alignment, then words, then the tail. */
	while (n && ((uintptr_t)d & (sizeof(word) - 1))) {
		*d++ = (unsigned char)c;
		n--;
	}
	for (; n >= sizeof(word); n -= sizeof(word), d += sizeof(word))
		*(mb_word_t *)(void *)d = word;
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

size_t __memblock_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}
