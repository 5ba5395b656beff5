// SPDX-License-Identifier: BSD-2-Clause
/*
 * The riscv64 demo kernel's memory-move and clear hooks for memblock
 * (memblock_env.h), in base RV64 integer instructions only (no V, no
 * Zicboz: the kernel is built rv64imac), checked at boot against the
 * library's defaults by kernel/memops_check.c.
 *
 * Every load and store is naturally aligned: RISC-V harts may trap on
 * misaligned accesses, and OpenSBI then emulates them a byte at a time.
 * What the defaults do not:
 *  - 64 bytes per iteration, all eight words loaded before any is stored
 *    (the loads pipeline; one pointer update per 64 bytes);
 *  - buffers misaligned to each other (source and destination at
 *    different offsets within a word) are moved in aligned words too,
 *    each stored word merged from two aligned source words by shifts,
 *    where the defaults fall back to a byte loop. The first and last
 *    source words may hold bytes outside the source range: a word read
 *    never leaves the aligned word of a byte that is in the range, so it
 *    never crosses a page.
 */
#include <stddef.h>
#include <stdint.h>
#include <memblock_env.h>

/* Keep GCC from turning the byte loops into calls to memset()/memmove(). */
#if defined(__GNUC__) && !defined(__clang__)
#define NO_LIBCALLS __attribute__((optimize("no-tree-loop-distribute-patterns")))
#else
#define NO_LIBCALLS
#endif

typedef uint64_t __attribute__((may_alias)) word_t;

/* 64 bytes from @s to @d, both 8-byte aligned, all loaded before any stored. */
static inline void copy64(unsigned char *d, const unsigned char *s)
{
	uint64_t a, b, c, e, f, g, h, i;

	__asm__ volatile("ld %0, 0(%9)\n\tld %1, 8(%9)\n\t"
			 "ld %2, 16(%9)\n\tld %3, 24(%9)\n\t"
			 "ld %4, 32(%9)\n\tld %5, 40(%9)\n\t"
			 "ld %6, 48(%9)\n\tld %7, 56(%9)\n\t"
			 "sd %0, 0(%8)\n\tsd %1, 8(%8)\n\t"
			 "sd %2, 16(%8)\n\tsd %3, 24(%8)\n\t"
			 "sd %4, 32(%8)\n\tsd %5, 40(%8)\n\t"
			 "sd %6, 48(%8)\n\tsd %7, 56(%8)"
			 : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(e),
			   "=&r"(f), "=&r"(g), "=&r"(h), "=&r"(i)
			 : "r"(d), "r"(s) : "memory");
}

/* Forward: safe when dst is below src or the ranges do not overlap. */
NO_LIBCALLS static void move_fwd(unsigned char *d, const unsigned char *s, size_t n)
{
	unsigned int off;

	/* The destination to a word boundary, byte by byte. */
	for (; n && ((uintptr_t)d & 7); n--)
		*d++ = *s++;
	off = (uintptr_t)s & 7;
	if (!off) {
		for (; n >= 64; n -= 64, d += 64, s += 64)
			copy64(d, s);
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(word_t *)(void *)d = *(const word_t *)(const void *)s;
	} else if (n >= 16) {
		/* Aligned source words, each stored word merged from two. */
		const word_t *sw = (const word_t *)(const void *)(s - off);
		unsigned int lo = off * 8, hi = 64 - lo;
		uint64_t prev = *sw;

		for (; n >= 8; n -= 8, d += 8, s += 8) {
			uint64_t next = *++sw;

			*(word_t *)(void *)d = prev >> lo | next << hi;
			prev = next;
		}
	}
	while (n--)
		*d++ = *s++;
}

/* Backward from the ends: dst above src, overlapping. */
NO_LIBCALLS static void move_bwd(unsigned char *d, const unsigned char *s, size_t n)
{
	unsigned int off;

	d += n;
	s += n;
	for (; n && ((uintptr_t)d & 7); n--)
		*--d = *--s;
	off = (uintptr_t)s & 7;
	if (!off) {
		for (; n >= 64; n -= 64) {
			d -= 64;
			s -= 64;
			copy64(d, s);
		}
		for (; n >= 8; n -= 8) {
			d -= 8;
			s -= 8;
			*(word_t *)(void *)d = *(const word_t *)(const void *)s;
		}
	} else if (n >= 16) {
		const word_t *sw = (const word_t *)(const void *)(s - off);
		unsigned int lo = off * 8, hi = 64 - lo;
		uint64_t prev = *sw;

		for (; n >= 8; n -= 8) {
			uint64_t next = *--sw;

			d -= 8;
			s -= 8;
			*(word_t *)(void *)d = next >> lo | prev << hi;
			prev = next;
		}
	}
	while (n--)
		*--d = *--s;
}

void *memblock_env_memmove(void *dst, const void *src, size_t n)
{
	if (dst == src || !n)
		return dst;
	if ((uintptr_t)dst - (uintptr_t)src >= n)
		move_fwd(dst, src, n);
	else
		move_bwd(dst, src, n);
	return dst;
}

NO_LIBCALLS void *memblock_env_memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	uint64_t w = (unsigned char)c * 0x0101010101010101ull;

	for (; n && ((uintptr_t)d & 7); n--)
		*d++ = (unsigned char)c;
	for (; n >= 64; n -= 64, d += 64)
		__asm__ volatile("sd %1, 0(%0)\n\tsd %1, 8(%0)\n\t"
				 "sd %1, 16(%0)\n\tsd %1, 24(%0)\n\t"
				 "sd %1, 32(%0)\n\tsd %1, 40(%0)\n\t"
				 "sd %1, 48(%0)\n\tsd %1, 56(%0)"
				 : : "r"(d), "r"(w) : "memory");
	for (; n >= 8; n -= 8, d += 8)
		*(word_t *)(void *)d = w;
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}
