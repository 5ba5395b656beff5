/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A replacement memblock_env.h, written from the list at the top of
 * include/memblock_env.h alone: it does not include the shipped header.
 * tests/consumers/run builds the library and the consumer with it first on
 * the include path. Its types are those of a kernel with its own u64
 * ("typedef uint64_t u64", unsigned long on LP64, unlike Linux's).
 */
#ifndef CUSTOM_MEMBLOCK_ENV_H
#define CUSTOM_MEMBLOCK_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>

/* types */
typedef uint64_t u64;
typedef uint64_t phys_addr_t;

/* pages */
#define PAGE_SHIFT			12
#define PAGE_SIZE			((phys_addr_t)1 << PAGE_SHIFT)

/* sizes */
#define SMP_CACHE_BYTES			32
#define INIT_MEMBLOCK_REGIONS		16
#define INIT_MEMBLOCK_RESERVED_REGIONS	16
#define INIT_PHYSMEM_REGIONS		2
#define MAX_NUMNODES			4
#define NUMA_NO_NODE			(-1)
#define ARCH_LOW_ADDRESS_LIMIT		((phys_addr_t)0xffffffffu)
#define MAX_ORDER			8

/* switches */
#define CONFIG_HAVE_MEMBLOCK_PHYS_MAP	1
#define CONFIG_ARCH_KEEP_MEMBLOCK	0

/* sections */
#define __init_memblock
#define __initdata_memblock

/* log */
#define MEMBLOCK_LOG_ERR		3
#define MEMBLOCK_LOG_WARN		4
#define MEMBLOCK_LOG_INFO		6
#define MEMBLOCK_LOG_DEBUG		7

/* errors and page frames */
#define EINVAL				22
#define ENOMEM				12
#define EBUSY				16
#define EPERM				1
#define PFN_UP(x)	((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_DOWN(x)	((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

/* hooks */
void memblock_env_log(int level, const char *line);
__attribute__((noreturn)) void memblock_env_panic(const char *msg);
phys_addr_t memblock_env_kernel_end(void);
void memblock_env_free_pages(unsigned long pfn, unsigned int order);
void *memblock_env_memmove(void *dst, const void *src, size_t n);
void *memblock_env_memset(void *dst, int c, size_t n);

/* mapping: identity, as macros */
#define memblock_env_phys_to_virt(pa)	((void *)(uintptr_t)(pa))
#define memblock_env_virt_to_phys(va)	((phys_addr_t)(uintptr_t)(va))

#endif
