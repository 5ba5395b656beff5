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

NO_LIBCALLS void *mb_memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || !n)
		return dst;
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

/* Word stores that may alias anything (the buffer is not a uintptr_t array). */
typedef uintptr_t __attribute__((may_alias)) mb_word_t;

NO_LIBCALLS void *mb_memset(void *dst, int c, size_t n)
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

size_t mb_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}
