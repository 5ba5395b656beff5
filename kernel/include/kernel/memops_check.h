/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The boot-time check of the architecture's memory-move and clear hooks
 * against the library's portable defaults (kernel/memops_check.c).
 */
#ifndef KERNEL_MEMOPS_CHECK_H
#define KERNEL_MEMOPS_CHECK_H

/*
 * Compare memblock_env_memmove()/memblock_env_memset() with
 * memblock_env_default_memmove()/memblock_env_default_memset() on a
 * buffer: two ktap_ok() lines, @what names the routines.
 */
void memops_check(const char *what);

#endif
