/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Benchmark environment: the default environment, with physical memory
 * backed by a host mapping of 16 GiB placed by each benchmark over the
 * physical range it touches (bench/phys.c). The tests' 1 TiB window
 * (tests/lib/phys_window.c) cannot be mapped under valgrind, whose address
 * space tops out below 64 GiB.
 */
#ifndef BENCH_MEMBLOCK_ENV_H
#define BENCH_MEMBLOCK_ENV_H

#define memblock_env_phys_to_virt(pa)	bench_phys_to_virt(pa)
#define memblock_env_virt_to_phys(va)	bench_virt_to_phys(va)

#include_next <memblock_env.h>

void *bench_phys_to_virt(phys_addr_t pa);
phys_addr_t bench_virt_to_phys(const void *va);

#endif
