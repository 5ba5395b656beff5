// SPDX-License-Identifier: BSD-2-Clause
/*
 * The memory-move and clear hooks of the benchmarks: the library's calls
 * go to one of three routine sets, chosen per run with BENCH_MEMOPS:
 *
 *   default  the library's portable loops (memblock_env_default_*), what a
 *            kernel gets when it plugs in nothing
 *   libc     the C library's memmove()/memset(): the fastest routines on
 *            this machine (vector registers, rep movsb), used here as the
 *            "best routine" reference and never by the library itself
 *   x86      the x86-64 demo kernel's hooks (arch/x86_64/memops.c, string
 *            instructions, AVX2 or SSE2 backward moves), on x86-64 hosts
 *            only
 *
 * The floor benchmarks call the same hooks, so a workload and its floor
 * always use the same routine, one indirect call each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench.h"

#ifdef BENCH_HAVE_X86_MEMOPS
#include "../arch/x86_64/memops.h"
void *x86_memops_memmove(void *dst, const void *src, size_t n);
void *x86_memops_memset(void *dst, int c, size_t n);
#endif

static void *(*move_fn)(void *, const void *, size_t) = memblock_env_default_memmove;
static void *(*set_fn)(void *, int, size_t) = memblock_env_default_memset;

int bench_select_memops(const char *name)
{
	if (!name || !strcmp(name, "default")) {
		move_fn = memblock_env_default_memmove;
		set_fn = memblock_env_default_memset;
	} else if (!strcmp(name, "libc")) {
		move_fn = memmove;
		set_fn = memset;
#ifdef BENCH_HAVE_X86_MEMOPS
	} else if (!strcmp(name, "x86")) {
		move_fn = x86_memops_memmove;
		set_fn = x86_memops_memset;
		/*
		 * The hook picks its backward path (AVX2 or SSE2) once, at
		 * its first backward move: CPUID, which costs microseconds
		 * in a virtual machine (about 20 us for the three leaves
		 * here). A kernel pays it once at boot; pay it here, before
		 * any measured section, rather than in the first one.
		 */
		x86_memmove_backward_path();
#endif
	} else {
		fprintf(stderr, "bench: unknown BENCH_MEMOPS=%s\n", name);
		return -1;
	}
	return 0;
}

void *memblock_env_memmove(void *dst, const void *src, size_t n)
{
	return move_fn(dst, src, n);
}

void *memblock_env_memset(void *dst, int c, size_t n)
{
	return set_fn(dst, c, n);
}
