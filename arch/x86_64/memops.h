/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The x86-64 demo kernel's memory-move routines behind its
 * memblock_env_memmove() hook (memops.c), one per backward path, for the
 * checks that test each path by itself: the boot checks and the host test
 * (tests/unit/test_string.c). Nothing else calls them: the library goes
 * through the hook, which picks a path once.
 */
#ifndef X86_64_MEMOPS_H
#define X86_64_MEMOPS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * memmove() with the backward (overlapping, @dst above @src) part made
 * of 16-byte SSE2 moves: the path every x86-64 CPU can run.
 */
void *x86_memmove_sse2(void *dst, const void *src, size_t n);

/*
 * memmove() with a backward part of 32-byte AVX2 moves. Only for a CPU
 * on which x86_avx2_usable() is true: elsewhere it faults (#UD).
 */
void *x86_memmove_avx2(void *dst, const void *src, size_t n);

/*
 * Whether AVX2 can run here: the CPU has AVX and AVX2 (CPUID) and the OS
 * has enabled the AVX register state (CR4.OSXSAVE, XCR0's SSE and AVX
 * bits). What the hook's first backward move decides with.
 */
bool x86_avx2_usable(void);

/*
 * The backward path memblock_env_memmove() uses: "AVX2" or "SSE2" (it
 * makes the hook's one-time choice if no backward move has made it yet).
 */
const char *x86_memmove_backward_path(void);

#endif
