// SPDX-License-Identifier: BSD-2-Clause
/*
 * The memory-move and clear routines against the C library's memmove()
 * and memset() (the oracle): the library's defaults
 * (memblock_env_default_memmove/memset), the hooks the library calls, and
 * on x86-64 hosts the x86-64 demo kernel's hooks (arch/x86_64/memops.c,
 * string instructions and vector moves, compiled into this test), each
 * backward path by itself (SSE2; AVX2 where the CPU and OS allow it) and
 * the path the hook chose against the compiler's own CPU-feature test.
 * Every source and destination alignment 0..31, every length 0..300 and
 * a few large ones, overlapping in both directions and disjoint.
 */
#include <stdint.h>
#include "harness.h"

#ifdef __x86_64__
/* Its hooks replace the library's weak defaults in this program only. */
#include "../../arch/x86_64/memops.c"
#define HOOKS_ARE_DEFAULT	0
#else
#define HOOKS_ARE_DEFAULT	1
#endif

typedef void *(*move_fn)(void *, const void *, size_t);
typedef void *(*set_fn)(void *, int, size_t);

#define PAD	48			/* guard bytes around every operation */
#define BIG	(16384 + 64)		/* the largest length tested */
#define BUF	(BIG + 4 * PAD)

static unsigned char got[BUF] __attribute__((aligned(64)));
static unsigned char want[BUF] __attribute__((aligned(64)));

static const size_t big_lengths[] = { 511, 512, 4096, 4096 + 13, 16384, 16384 + 7 };

static void fill(unsigned char *b, size_t len)
{
	for (size_t i = 0; i < len; i++)
		b[i] = (unsigned char)(i * 7 + 3 + (i >> 8));
}

/*
 * One move of @n bytes from offset @so to offset @dof (both from PAD) of
 * one buffer: overlapping whenever |so - dof| < n, in the direction their
 * order gives. Returns whether the buffer matches memmove()'s.
 */
static bool move_once(move_fn fn, size_t so, size_t dof, size_t n)
{
	size_t len = n + 2 * PAD + 64;

	fill(got, len);
	fill(want, len);
	if (fn(got + PAD + dof, got + PAD + so, n) != got + PAD + dof)
		return false;
	memmove(want + PAD + dof, want + PAD + so, n);
	return !memcmp(got, want, len);
}

static void check_move(const char *name, move_fn fn)
{
	unsigned long cases = 0, bad = 0;

	/*
	 * Every alignment pair modulo 32 (the widest vector), lengths
	 * 0..300: overlaps of 0..31 bytes.
	 */
	for (size_t n = 0; n <= 300; n++)
		for (size_t so = 0; so < 32; so++)
			for (size_t dof = 0; dof < 32; dof++, cases++)
				if (!move_once(fn, so, dof, n) && bad++ < 3)
					tap_fail(__FILE__, __LINE__, "%s(+%zu, +%zu, %zu) differs",
						 name, dof, so, n);
	/* Region-sized shifts both ways (a slot opened or closed), disjoint too. */
	for (size_t n = 0; n <= 300; n++)
		for (size_t shift = 1; shift <= 64 + 16; shift += (shift < 16 ? 1 : 8))
			for (size_t a = 0; a < 16; a += 5) {
				cases += 2;
				if (!move_once(fn, a, a + shift, n) && bad++ < 3)
					tap_fail(__FILE__, __LINE__, "%s up %zu by %zu",
						 name, n, shift);
				if (!move_once(fn, a + shift, a, n) && bad++ < 3)
					tap_fail(__FILE__, __LINE__, "%s down %zu by %zu",
						 name, n, shift);
			}
	/* Large lengths: a few alignments, shifts of 24 and disjoint. */
	for (size_t i = 0; i < sizeof(big_lengths) / sizeof(big_lengths[0]); i++) {
		size_t n = big_lengths[i];
		static const size_t offs[][2] = {
			{ 0, 0 }, { 0, 24 }, { 24, 0 }, { 3, 11 }, { 11, 3 },
			{ 0, 8 }, { 8, 0 }, { 15, 1 }, { 1, 15 }, { 0, BIG / 2 + PAD },
		};

		for (size_t k = 0; k < sizeof(offs) / sizeof(offs[0]); k++) {
			if (offs[k][1] + n > BIG + 2 * PAD)
				continue;
			cases++;
			if (!move_once(fn, offs[k][0], offs[k][1], n) && bad++ < 3)
				tap_fail(__FILE__, __LINE__, "%s(+%zu, +%zu, %zu) differs",
					 name, offs[k][1], offs[k][0], n);
		}
	}
	CHECK(bad == 0);
	tap_diag("%s: %lu moves", name, cases);
}

static bool set_once(set_fn fn, size_t off, int c, size_t n)
{
	size_t len = n + 2 * PAD;

	fill(got, len);
	fill(want, len);
	if (fn(got + PAD + off, c, n) != got + PAD + off)
		return false;
	memset(want + PAD + off, c, n);
	return !memcmp(got, want, len);
}

static void check_set(const char *name, set_fn fn)
{
	static const int values[] = { 0, 0xa5, 0x1ff /* only its low byte */ };
	unsigned long cases = 0, bad = 0;

	for (size_t v = 0; v < 3; v++) {
		for (size_t n = 0; n <= 300; n++)
			for (size_t off = 0; off < 16; off++, cases++)
				if (!set_once(fn, off, values[v], n) && bad++ < 3)
					tap_fail(__FILE__, __LINE__, "%s(+%zu, %#x, %zu) differs",
						 name, off, values[v], n);
		for (size_t i = 0; i < sizeof(big_lengths) / sizeof(big_lengths[0]); i++)
			for (size_t off = 0; off < 16; off += 3, cases++)
				if (!set_once(fn, off, values[v], big_lengths[i]) && bad++ < 3)
					tap_fail(__FILE__, __LINE__, "%s(+%zu, %#x, %zu) differs",
						 name, off, values[v], big_lengths[i]);
	}
	CHECK(bad == 0);
	tap_diag("%s: %lu clears", name, cases);
}

static void default_memmove_matches_libc(void)
{
	check_move("memblock_env_default_memmove", memblock_env_default_memmove);
}

static void default_memset_matches_libc(void)
{
	check_set("memblock_env_default_memset", memblock_env_default_memset);
}

/* What the library calls: the defaults unless this program replaced them. */
static void hooks_match_libc(void)
{
	check_move("memblock_env_memmove", memblock_env_memmove);
	check_set("memblock_env_memset", memblock_env_memset);
	CHECK((memblock_env_memmove == memblock_env_default_memmove) == HOOKS_ARE_DEFAULT);
	CHECK((memblock_env_memset == memblock_env_default_memset) == HOOKS_ARE_DEFAULT);
}

#ifdef __x86_64__
/* The backward path every x86-64 CPU can run. */
static void x86_sse2_memmove_matches_libc(void)
{
	check_move("x86_memmove_sse2", x86_memmove_sse2);
}

/*
 * The AVX2 path, on a machine that can run it. The oracle for "can":
 * the compiler's CPU-model test (libgcc or compiler-rt: CPUID, and XGETBV
 * for the OS's AVX state), not memops.c's own. On a machine without AVX2
 * the path cannot run at all: what is checked there is that memops.c's
 * test says so too and the hook moves with SSE2 (its moves are checked
 * by hooks_match_libc, the choice by x86_hook_path_matches_cpu).
 */
static void x86_avx2_memmove_matches_libc(void)
{
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx2")) {
		CHECK(x86_avx2_usable());
		check_move("x86_memmove_avx2", x86_memmove_avx2);
		return;
	}
	tap_diag("no AVX2 on this CPU (or OS): x86_memmove_avx2 cannot run here; "
		 "checked instead that memops.c sees none and the hook uses SSE2");
	CHECK(!x86_avx2_usable());
	CHECK(!strcmp(x86_memmove_backward_path(), "SSE2"));
}

/* The hook's one-time choice: AVX2 exactly where the CPU runs it. */
static void x86_hook_path_matches_cpu(void)
{
	const char *want;

	__builtin_cpu_init();
	want = __builtin_cpu_supports("avx2") ? "AVX2" : "SSE2";
	CHECK(!strcmp(x86_memmove_backward_path(), want));
	tap_diag("memblock_env_memmove moves backward with %s (want %s)",
		 x86_memmove_backward_path(), want);
}
#endif

/* The library edits its arrays through the hooks: a region insert moves. */
static void library_moves_through_the_hook(void)
{
	test_reset();
	CHECK(!memblock_add(0x3000, 0x1000));
	CHECK(!memblock_add(0x1000, 0x1000));	/* opens slot 0: a move */
	CHECK(memblock.memory.cnt == 2);
	CHECK(memblock.memory.regions[0].base == 0x1000);
	CHECK(memblock.memory.regions[1].base == 0x3000);
}

static const struct test_case cases[] = {
	TEST_CASE(default_memmove_matches_libc),
	TEST_CASE(default_memset_matches_libc),
	TEST_CASE(hooks_match_libc),
#ifdef __x86_64__
	TEST_CASE(x86_sse2_memmove_matches_libc),
	TEST_CASE(x86_avx2_memmove_matches_libc),
	TEST_CASE(x86_hook_path_matches_cpu),
#endif
	TEST_CASE(library_moves_through_the_hook),
};
TAP_MAIN(cases)
