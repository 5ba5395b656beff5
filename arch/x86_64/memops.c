// SPDX-License-Identifier: BSD-2-Clause
/*
 * The x86-64 demo kernel's memory-move and clear hooks for memblock
 * (memblock_env.h): string instructions, which CPUs with fast strings
 * (ERMS/FSRM) run at the speed of their widest stores without the kernel
 * touching SSE/AVX state. Also compiled into the host test
 * (tests/unit/test_string.c), which checks them against the library's
 * defaults.
 *
 * The direction flag is clear on entry (the ABI says so, and this kernel
 * never takes an interrupt with it set); a backward move sets it for the
 * one instruction and clears it again.
 */
#include <stddef.h>
#include <stdint.h>
#include <memblock_env.h>

void *memblock_env_memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s)
		return dst;
	/* Forward unless dst starts inside [src, src + n). */
	if ((uintptr_t)d - (uintptr_t)s >= n) {
		__asm__ volatile("rep movsb"
				 : "+D"(d), "+S"(s), "+c"(n) : : "memory");
		return dst;
	}
	/*
	 * dst above src, overlapping (a region array opening a slot): from the
	 * last element down. Whole words when everything is word-aligned, as
	 * region arrays are: 8 times fewer iterations of the (microcoded)
	 * backward string move.
	 */
	if (!(((uintptr_t)d | (uintptr_t)s | n) & 7)) {
		size_t q = n / 8;

		d += n - 8;
		s += n - 8;
		__asm__ volatile("std; rep movsq; cld"
				 : "+D"(d), "+S"(s), "+c"(q) : : "memory", "cc");
	} else {
		d += n - 1;
		s += n - 1;
		__asm__ volatile("std; rep movsb; cld"
				 : "+D"(d), "+S"(s), "+c"(n) : : "memory", "cc");
	}
	return dst;
}

void *memblock_env_memset(void *dst, int c, size_t n)
{
	void *d = dst;

	__asm__ volatile("rep stosb"
			 : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return dst;
}
