// SPDX-License-Identifier: BSD-2-Clause
/*
 * The x86-64 demo kernel's memory-move and clear hooks for memblock
 * (memblock_env.h): string instructions, which CPUs with fast strings
 * (ERMS/FSRM) run at the speed of their widest stores, for clearing and
 * forward moves, and vector moves for backward ones: 32-byte AVX2 where
 * the CPU has it and the OS state allows it, 16-byte SSE2 (every x86-64
 * CPU) otherwise, chosen once, at the first backward move. Also compiled
 * into the host test (tests/unit/test_string.c), which checks both paths
 * and the choice against the C library, and into make bench.
 *
 * The direction flag is clear on entry (the ABI says so) and stays clear:
 * overlapping moves towards higher addresses, which fast strings cannot
 * make, use the vector moves instead (see below). The ELF kernel's head.S
 * turns SSE on (CR4.OSFXSR) and, on CPUs with AVX, the AVX state
 * (CR4.OSXSAVE, XCR0). The UEFI application runs on the firmware's
 * settings: SSE is on on x64, the AVX state only if the firmware enabled
 * it (OVMF does not, even on QEMU's -cpu max: SSE2 there), which the
 * run-time check reads. The C code of both is built -mgeneral-regs-only
 * and there is no other task, so the vector registers need no saving
 * here. A kernel with user tasks would wrap the move in its FPU-state
 * guard (Linux's kernel_fpu_begin()/kernel_fpu_end()).
 */
#include <stddef.h>
#include <stdint.h>
#include <memblock_env.h>
#include "memops.h"

/*
 * The vector registers the backward moves use, as asm clobbers. A
 * compiler told -mgeneral-regs-only (the kernels) never holds a value in
 * them and refuses them in a clobber list; one allowed SSE (the host
 * test) must be told. VZEROUPPER clears the upper half of every %ymm
 * register: a compiler allowed AVX could hold a 32-byte value in any of
 * them, so the AVX2 move clobbers all sixteen there.
 */
#ifdef __SSE2__
#define XMM_CLOBBERS	, "xmm0", "xmm1", "xmm2", "xmm3"
#else
#define XMM_CLOBBERS
#endif
#if defined(__AVX__)
#define YMM_CLOBBERS	XMM_CLOBBERS, "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", \
			"xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15"
#elif defined(__SSE2__)
#define YMM_CLOBBERS	XMM_CLOBBERS, "xmm4", "xmm5"
#else
#define YMM_CLOBBERS
#endif

typedef void backward_fn(unsigned char *d, const unsigned char *s, size_t n);

/*
 * Backward copy of @n bytes, @d above @s: the move every random-order
 * insert makes to open a slot in a region array. "std; rep movs" runs
 * microcoded a byte or word at a time, and the library's 8-byte loop is
 * bound by one store per cycle: 1.3-1.5x the time of the C library's
 * vector memmove on the 580 KB tails of inserts into 50,000 regions
 * (make bench, add). 16-byte loads with 16-byte *aligned* stores (a
 * store split across two cache lines costs two) match its time, with
 * twice its instructions (it moves 32 bytes at a time).
 */
static void memmove_backward_sse2(unsigned char *d, const unsigned char *s, size_t n)
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

/* Unaligned integer accesses that may alias anything. */
typedef uint64_t __attribute__((__may_alias__, __aligned__(1))) u64_any;
typedef uint32_t __attribute__((__may_alias__, __aligned__(1))) u32_any;
typedef uint16_t __attribute__((__may_alias__, __aligned__(1))) u16_any;

/*
 * A move of @n < 32 bytes, in either direction: the first and the last
 * words of the widest size that fits (they overlap for lengths between
 * two sizes) are all loaded before any is stored.
 */
static void move_short(unsigned char *d, const unsigned char *s, size_t n)
{
	if (n >= 16) {
		uint64_t a = *(const u64_any *)s, b = *(const u64_any *)(s + 8);
		uint64_t y = *(const u64_any *)(s + n - 16);
		uint64_t z = *(const u64_any *)(s + n - 8);

		*(u64_any *)d = a;
		*(u64_any *)(d + 8) = b;
		*(u64_any *)(d + n - 16) = y;
		*(u64_any *)(d + n - 8) = z;
	} else if (n >= 8) {
		uint64_t a = *(const u64_any *)s, z = *(const u64_any *)(s + n - 8);

		*(u64_any *)d = a;
		*(u64_any *)(d + n - 8) = z;
	} else if (n >= 4) {
		uint32_t a = *(const u32_any *)s, z = *(const u32_any *)(s + n - 4);

		*(u32_any *)d = a;
		*(u32_any *)(d + n - 4) = z;
	} else if (n >= 2) {
		uint16_t a = *(const u16_any *)s, z = *(const u16_any *)(s + n - 2);

		*(u16_any *)d = a;
		*(u16_any *)(d + n - 2) = z;
	} else if (n) {
		*d = *s;
	}
}

/*
 * The same with 32-byte AVX2 moves, as wide as the C library's memmove
 * on CPUs with AVX2 and so as many instructions per byte. First the top
 * and the bottom 32 source bytes are loaded (unaligned); then the bytes
 * between the destination's last and first 32-byte boundaries move from
 * the top down, 128 bytes per iteration with the four loads before the
 * four aligned stores (the ranges overlap: a store may land on source
 * bytes of its own block or of the block above, both already loaded),
 * then 32 at a time; last, the two vectors loaded first are stored at the
 * two ends, over the at most 31 bytes on each side that are not a whole
 * aligned vector (and some that are: same values). The count @m is the
 * offset of the block from both bases: one subtraction per iteration
 * moves both, and its borrow ends the loop. VZEROUPPER at the end: legacy
 * SSE code after dirty upper halves costs a state transition on some
 * CPUs. Shorter moves use general registers.
 */
static void memmove_backward_avx2(unsigned char *d, const unsigned char *s, size_t n)
{
	size_t m;

	if (n < 32) {
		move_short(d, s, n);
		return;
	}
	__asm__ volatile("vmovdqu -32(%[s], %[n]), %%ymm4\n\t"
			 "vmovdqu (%[s]), %%ymm5\n\t"
			 /* m: d + m is the 32-byte boundary at or below d + n */
			 "lea (%[d], %[n]), %[m]\n\t"
			 "and $-32, %[m]\n\t"
			 "sub %[d], %[m]\n\t"
			 "cmp $128, %[m]\n\t"
			 "jb 2f\n\t"
			 "sub $128, %[m]\n"
			 "1:\n\t"
			 "vmovdqu 96(%[s], %[m]), %%ymm3\n\t"
			 "vmovdqu 64(%[s], %[m]), %%ymm2\n\t"
			 "vmovdqu 32(%[s], %[m]), %%ymm1\n\t"
			 "vmovdqu (%[s], %[m]), %%ymm0\n\t"
			 "vmovdqa %%ymm3, 96(%[d], %[m])\n\t"
			 "vmovdqa %%ymm2, 64(%[d], %[m])\n\t"
			 "vmovdqa %%ymm1, 32(%[d], %[m])\n\t"
			 "vmovdqa %%ymm0, (%[d], %[m])\n\t"
			 "sub $128, %[m]\n\t"
			 "jae 1b\n\t"
			 "add $128, %[m]\n"
			 "2:\n\t"
			 "cmp $32, %[m]\n\t"
			 "jb 4f\n"
			 "3:\n\t"
			 "sub $32, %[m]\n\t"
			 "vmovdqu (%[s], %[m]), %%ymm0\n\t"
			 "vmovdqa %%ymm0, (%[d], %[m])\n\t"
			 "cmp $32, %[m]\n\t"
			 "jae 3b\n"
			 "4:\n\t"
			 "vmovdqu %%ymm4, -32(%[d], %[n])\n\t"
			 "vmovdqu %%ymm5, (%[d])\n\t"
			 "vzeroupper"
			 : [m] "=&r"(m)
			 : [d] "r"(d), [s] "r"(s), [n] "r"(n)
			 : "memory", "cc" YMM_CLOBBERS);
}

static void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid"
			 : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(sub));
}

bool x86_avx2_usable(void)
{
	uint32_t r[4], lo, hi;

	cpuid(0, 0, r);
	if (r[0] < 7)
		return false;
	/* Leaf 1, ECX: OSXSAVE (27: XGETBV works) and AVX (28). */
	cpuid(1, 0, r);
	if (!(r[2] & (1u << 27)) || !(r[2] & (1u << 28)))
		return false;
	/* Leaf 7 subleaf 0, EBX: AVX2 (5). */
	cpuid(7, 0, r);
	if (!(r[1] & (1u << 5)))
		return false;
	/* XCR0: the OS saves and restores the SSE (1) and AVX (2) state. */
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	(void)hi;
	return (lo & 6) == 6;
}

/*
 * The backward path, chosen by the first backward move (CPUID and XGETBV
 * once, not per call: in a virtual machine CPUID traps to the hypervisor,
 * microseconds each; and no initialisation call for a kernel to forget:
 * the ELF kernel's head.S has set the AVX state before any C code runs).
 * A second CPU racing through the choice would store the same value.
 */
static backward_fn memmove_backward_choose;
static backward_fn *backward = memmove_backward_choose;

static void choose_backward(void)
{
	backward = x86_avx2_usable() ? memmove_backward_avx2 : memmove_backward_sse2;
}

static void memmove_backward_choose(unsigned char *d, const unsigned char *s, size_t n)
{
	choose_backward();
	backward(d, s, n);
}

const char *x86_memmove_backward_path(void)
{
	if (backward == memmove_backward_choose)
		choose_backward();
	return backward == memmove_backward_avx2 ? "AVX2" : "SSE2";
}

static inline void *memmove_with(void *dst, const void *src, size_t n,
				 backward_fn *back)
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
	back(d, s, n);
	return dst;
}

void *x86_memmove_sse2(void *dst, const void *src, size_t n)
{
	return memmove_with(dst, src, n, memmove_backward_sse2);
}

void *x86_memmove_avx2(void *dst, const void *src, size_t n)
{
	return memmove_with(dst, src, n, memmove_backward_avx2);
}

void *memblock_env_memmove(void *dst, const void *src, size_t n)
{
	return memmove_with(dst, src, n, backward);
}

void *memblock_env_memset(void *dst, int c, size_t n)
{
	void *d = dst;

	__asm__ volatile("rep stosb"
			 : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return dst;
}
