/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A kernel that already has "typedef uint64_t u64" (unsigned long on LP64,
 * where Linux's is unsigned long long) keeps the shipped memblock_env.h:
 * it says so with MEMBLOCK_ENV_HAVE_U64 and includes it.
 */
#ifndef KERNEL_U64_MEMBLOCK_ENV_H
#define KERNEL_U64_MEMBLOCK_ENV_H

#include <stdint.h>

typedef uint64_t u64;	/* the kernel's own, from its <types.h> */

#define MEMBLOCK_ENV_HAVE_U64
#include_next <memblock_env.h>

#endif
