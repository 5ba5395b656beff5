// SPDX-License-Identifier: BSD-2-Clause
/*
 * The x86-64 demo kernel's memory-move and clear hooks for memblock
 * (memblock_env.h): string instructions, which CPUs with fast strings
 * (ERMS/FSRM) run at the speed of their widest stores, for clearing and
 * forward moves, and SSE2 for backward ones. Also compiled into the host
 * test (tests/unit/test_string.c), which checks them against the
 * library's defaults, and into make bench.
 *
 * The direction flag is clear on entry (the ABI says so) and stays clear:
 * overlapping moves towards higher addresses, which fast strings cannot
 * make, use 16-byte SSE2 moves instead (see below). Both the ELF kernel
 * (head.S sets CR4.OSFXSR) and the UEFI application (UEFI enables SSE on
 * x64) run with SSE on; their C code is built -mgeneral-regs-only and
 * there is no other task, so the %xmm registers need no saving here. A
 * kernel with user tasks would wrap the move in its FPU-state guard
 * (Linux's kernel_fpu_begin()/kernel_fpu_end()).
 */
#include <stddef.h>
#include <stdint.h>
#include <memblock_env.h>

/*
 * The %xmm registers the backward move uses, as asm clobbers. A compiler
 * told -mgeneral-regs-only (the kernels) never holds a value in them and
 * refuses them in a clobber list; one allowed SSE (the host test and
 * benchmark builds) must be told.
 */
#ifdef __SSE2__
#define XMM_CLOBBERS	, "xmm0", "xmm1", "xmm2", "xmm3"
#else
#define XMM_CLOBBERS
#endif

/*
 * Backward copy of @n bytes, @d above @s: the move every random-order
 * insert makes to open a slot in a region array. "std; rep movs" runs
 * microcoded a byte or word at a time, and the library's 8-byte loop is
 * bound by one store per cycle: 1.3-1.5x the time of the C library's
 * vector memmove on the 580 KB tails of inserts into 50,000 regions
 * (make bench, add). 16-byte loads with 16-byte *aligned* stores (a
 * store split across two cache lines costs two) match it.
 */
static void move_backward(unsigned char *d, const unsigned char *s, size_t n)
{
	d += n;
	s += n;
	/* Bytes down to a 16-byte boundary of the destination. */
	for (; n && ((uintptr_t)d & 15); n--)
		*--d = *--s;
	for (; n >= 64; n -= 64) {
		d -= 64;
		s -= 64;
		/* All four loads before the stores: the ranges overlap. */
		__asm__ volatile("movdqu 48(%1), %%xmm3\n\t"
				 "movdqu 32(%1), %%xmm2\n\t"
				 "movdqu 16(%1), %%xmm1\n\t"
				 "movdqu (%1), %%xmm0\n\t"
				 "movdqa %%xmm3, 48(%0)\n\t"
				 "movdqa %%xmm2, 32(%0)\n\t"
				 "movdqa %%xmm1, 16(%0)\n\t"
				 "movdqa %%xmm0, (%0)"
				 : : "r"(d), "r"(s)
				 : "memory" XMM_CLOBBERS);
	}
	while (n--)
		*--d = *--s;
}

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
	move_backward(d, s, n);
	return dst;
}

void *memblock_env_memset(void *dst, int c, size_t n)
{
	void *d = dst;

	__asm__ volatile("rep stosb"
			 : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return dst;
}
