/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The boot-time check of the architecture's memory-move and clear hooks
 * against the library's portable defaults (kernel/memops_check.c).
 */
#ifndef KERNEL_MEMOPS_CHECK_H
#define KERNEL_MEMOPS_CHECK_H

#include <stddef.h>

/*
 * Compare memblock_env_memmove()/memblock_env_memset() with
 * memblock_env_default_memmove()/memblock_env_default_memset() on a
 * buffer: two ktap_ok() lines, @what names the routines.
 */
void memops_check(const char *what);

typedef void *memops_move_fn(void *dst, const void *src, size_t n);

/*
 * The same moves with @fn, one path of an architecture's hook that the
 * hook may not take on this machine: one ktap_ok() line, @what names it.
 */
void memops_check_move(const char *what, memops_move_fn *fn);

#endif
