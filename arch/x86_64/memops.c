// SPDX-License-Identifier: BSD-2-Clause
/*
 * The x86-64 demo kernel's memory-move and clear hooks for memblock
 * (memblock_env.h): string instructions, which CPUs with fast strings
 * (ERMS/FSRM) run at the speed of their widest stores without the kernel
 * touching SSE/AVX state. Also compiled into the host test
 * (tests/unit/test_string.c), which checks them against the library's
 * defaults.
 *
 * The direction flag is clear on entry (the ABI says so) and stays clear:
 * overlapping moves towards higher addresses use the library's portable
 * backward loop instead of "std; rep movs" (see below).
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
	 * dst above src, overlapping: a region array opening a slot, the
	 * move every random-order insert makes. Fast strings only work
	 * forward: with the direction flag set, "std; rep movsq; cld" runs
	 * microcoded a word at a time: about 1.3x slower than the library's
	 * unrolled loop on the 580 KB tails of inserts into 50,000 regions
	 * (measured with make bench's add benchmark), so backward moves take
	 * the loop. The direction flag is never set.
	 */
	return memblock_env_default_memmove(dst, src, n);
}

void *memblock_env_memset(void *dst, int c, size_t n)
{
	void *d = dst;

	__asm__ volatile("rep stosb"
			 : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return dst;
}
