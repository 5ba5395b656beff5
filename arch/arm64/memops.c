// SPDX-License-Identifier: BSD-2-Clause
/*
 * The arm64 demo kernel's memory-move and clear hooks for memblock
 * (memblock_env.h): 64 bytes per iteration through four ldp/stp pairs of
 * general registers (the kernel is built without FP/SIMD), and DC ZVA for
 * large clears when the architecture allows it.
 *
 * Every access is naturally aligned, so that the routines also work with
 * the MMU off, where all data accesses are Device-nGnRnE and a misaligned
 * one faults (this kernel turns the MMU on in head.S, before any C code).
 * For the same reason DC ZVA is used only with the stage 1 MMU on
 * (SCTLR_EL1.M): on Device memory it takes an alignment fault. It also
 * needs DCZID_EL0.DZP clear (zeroing permitted), and its block size
 * (4 << DCZID_EL0.BS bytes) is read from DCZID_EL0.
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

#define SCTLR_EL1_M	1ull
#define DCZID_DZP	(1ull << 4)
#define DCZID_BS_MASK	0xfull

/* 64 bytes from @s to @d, 16-byte aligned, all loaded before any stored. */
static inline void copy64(unsigned char *d, const unsigned char *s)
{
	uint64_t a, b, c, e, f, g, h, i;

	__asm__ volatile("ldp %0, %1, [%9]\n\t"
			 "ldp %2, %3, [%9, #16]\n\t"
			 "ldp %4, %5, [%9, #32]\n\t"
			 "ldp %6, %7, [%9, #48]\n\t"
			 "stp %0, %1, [%8]\n\t"
			 "stp %2, %3, [%8, #16]\n\t"
			 "stp %4, %5, [%8, #32]\n\t"
			 "stp %6, %7, [%8, #48]"
			 : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(e),
			   "=&r"(f), "=&r"(g), "=&r"(h), "=&r"(i)
			 : "r"(d), "r"(s) : "memory");
}

/* Forward: safe when dst is below src or the ranges do not overlap. */
NO_LIBCALLS static void move_fwd(unsigned char *d, const unsigned char *s, size_t n)
{
	if (!(((uintptr_t)d ^ (uintptr_t)s) & 15)) {
		for (; n && ((uintptr_t)d & 15); n--)
			*d++ = *s++;
		for (; n >= 64; n -= 64, d += 64, s += 64)
			copy64(d, s);
	}
	if (!(((uintptr_t)d ^ (uintptr_t)s) & 7)) {
		for (; n && ((uintptr_t)d & 7); n--)
			*d++ = *s++;
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(volatile uint64_t *)(void *)d = *(const volatile uint64_t *)(const void *)s;
	}
	while (n--)
		*d++ = *s++;
}

/* Backward from the ends: dst above src, overlapping. */
NO_LIBCALLS static void move_bwd(unsigned char *d, const unsigned char *s, size_t n)
{
	d += n;
	s += n;
	if (!(((uintptr_t)d ^ (uintptr_t)s) & 15)) {
		for (; n && ((uintptr_t)d & 15); n--)
			*--d = *--s;
		for (; n >= 64; n -= 64) {
			d -= 64;
			s -= 64;
			copy64(d, s);
		}
	}
	if (!(((uintptr_t)d ^ (uintptr_t)s) & 7)) {
		for (; n && ((uintptr_t)d & 7); n--)
			*--d = *--s;
		for (; n >= 8; n -= 8) {
			d -= 8;
			s -= 8;
			*(volatile uint64_t *)(void *)d = *(const volatile uint64_t *)(const void *)s;
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

/* The DC ZVA block size in bytes, or 0 when DC ZVA must not be used. */
static size_t zva_block(void)
{
	uint64_t sctlr, dczid;

	__asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
	if (!(sctlr & SCTLR_EL1_M))
		return 0;
	__asm__ volatile("mrs %0, dczid_el0" : "=r"(dczid));
	if (dczid & DCZID_DZP)
		return 0;
	return (size_t)4 << (dczid & DCZID_BS_MASK);
}

NO_LIBCALLS void *memblock_env_memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	uint64_t w = (unsigned char)c * 0x0101010101010101ull;
	size_t blk;

	for (; n && ((uintptr_t)d & 15); n--)
		*d++ = (unsigned char)c;
	/* Whole DC ZVA blocks when clearing at least four of them. */
	if (!c && n >= 256 && (blk = zva_block()) && n >= 4 * blk) {
		for (; (uintptr_t)d & (blk - 1); n -= 16, d += 16)
			__asm__ volatile("stp xzr, xzr, [%0]" : : "r"(d) : "memory");
		for (; n >= blk; n -= blk, d += blk)
			__asm__ volatile("dc zva, %0" : : "r"(d) : "memory");
	}
	for (; n >= 64; n -= 64, d += 64)
		__asm__ volatile("stp %1, %1, [%0]\n\t"
				 "stp %1, %1, [%0, #16]\n\t"
				 "stp %1, %1, [%0, #32]\n\t"
				 "stp %1, %1, [%0, #48]"
				 : : "r"(d), "r"(w) : "memory");
	for (; n >= 8; n -= 8, d += 8)
		*(volatile uint64_t *)(void *)d = w;
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}
