/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Test environment: the default environment, except that physical memory
 * is backed by a sparse host mapping (tests/lib/harness.c), so that
 * allocations can be written to and zeroing can be checked. This is also a
 * worked example of overriding the environment with #include_next.
 */
#ifndef TEST_MEMBLOCK_ENV_H
#define TEST_MEMBLOCK_ENV_H

#define memblock_env_phys_to_virt(pa)	test_phys_to_virt(pa)
#define memblock_env_virt_to_phys(va)	test_virt_to_phys(va)

#include_next <memblock_env.h>

void *test_phys_to_virt(phys_addr_t pa);
phys_addr_t test_virt_to_phys(const void *va);

#endif
