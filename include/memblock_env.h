/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock_env.h - everything an embedding kernel or firmware supplies.
 *
 * This is the whole porting surface of the library. There are two ways to
 * adapt it:
 *
 *  1. Put your own memblock_env.h earlier on the include path. It must
 *     provide every definition below.
 *  2. Keep this one and pre-define the knobs you want to change, either with
 *     -D flags or in a header that defines them and then does
 *     #include_next <memblock_env.h>. Every setting here is guarded by
 *     #ifndef, so anything defined first wins.
 *
 * Only <stddef.h>, <stdint.h>, <stdbool.h>, <stdarg.h> and <limits.h> are
 * used: they come with the compiler, not with a C library.
 */
#ifndef MEMBLOCK_ENV_H
#define MEMBLOCK_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>

/*
 * Physical addresses. 64 bits by default; define CONFIG_PHYS_ADDR_T_32BIT
 * for 32-bit machines without large physical address extensions.
 */
#ifndef MEMBLOCK_ENV_HAVE_TYPES
#define MEMBLOCK_ENV_HAVE_TYPES
#ifdef CONFIG_PHYS_ADDR_T_32BIT
typedef uint32_t phys_addr_t;
#else
typedef uint64_t phys_addr_t;
#endif
/* Iterator cursors are u64, as in Linux. */
typedef unsigned long long u64;
#endif

/* Page geometry. */
#ifndef PAGE_SHIFT
#define PAGE_SHIFT		12
#endif
#ifndef PAGE_SIZE
#define PAGE_SIZE		((phys_addr_t)1 << PAGE_SHIFT)
#endif

/* Default alignment when a caller passes align == 0. */
#ifndef SMP_CACHE_BYTES
#define SMP_CACHE_BYTES		64
#endif

/* Sizes of the statically allocated region arrays. */
#ifndef INIT_MEMBLOCK_REGIONS
#define INIT_MEMBLOCK_REGIONS	128
#endif
#ifndef INIT_MEMBLOCK_RESERVED_REGIONS
#define INIT_MEMBLOCK_RESERVED_REGIONS	INIT_MEMBLOCK_REGIONS
#endif
#ifndef INIT_PHYSMEM_REGIONS
#define INIT_PHYSMEM_REGIONS	4
#endif

/*
 * NUMA. Node ids run from 0 to MAX_NUMNODES - 1; MAX_NUMNODES itself is the
 * "no node assigned" value that memblock_add() and memblock_reserve() store,
 * and NUMA_NO_NODE (-1) means "any node" in requests.
 */
#ifndef MAX_NUMNODES
#define MAX_NUMNODES		64
#endif
#ifndef NUMA_NO_NODE
#define NUMA_NO_NODE		(-1)
#endif

/* Highest address memblock_alloc_low() may return memory below. */
#ifndef ARCH_LOW_ADDRESS_LIMIT
#define ARCH_LOW_ADDRESS_LIMIT	((phys_addr_t)0xffffffffu)
#endif

/*
 * The "physmem" type (all physical memory, whatever mem= says). Define
 * CONFIG_HAVE_MEMBLOCK_PHYS_MAP to 0 to leave it out.
 */
#ifndef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
#define CONFIG_HAVE_MEMBLOCK_PHYS_MAP	1
#endif

/* Largest buddy order handed to the page allocator by memblock_free_all(). */
#ifndef MAX_ORDER
#define MAX_ORDER		10
#endif

/*
 * Keep memblock after boot. Define to 1 when memblock must still answer
 * questions once the page allocator runs (pfn_valid() from memblock's
 * memory, kexec, memory hotplug): memblock_discard() then does nothing.
 * With 0, memblock_discard() empties memblock and gives the region arrays
 * it grew into to the page allocator.
 */
#ifndef CONFIG_ARCH_KEEP_MEMBLOCK
#define CONFIG_ARCH_KEEP_MEMBLOCK	0
#endif

/*
 * Section placement of memblock's code and data. A kernel that discards its
 * init sections after boot can map these to them.
 */
#ifndef __init_memblock
#define __init_memblock
#endif
#ifndef __initdata_memblock
#define __initdata_memblock
#endif

/* Log levels passed to memblock_env_log(), with the kernel's numbering. */
#define MEMBLOCK_LOG_ERR	3
#define MEMBLOCK_LOG_WARN	4
#define MEMBLOCK_LOG_INFO	6
#define MEMBLOCK_LOG_DEBUG	7

/*
 * Hooks.
 *
 * memblock_env_log() receives one complete line, without the trailing
 * newline. The library ships a weak default that drops it.
 *
 * memblock_env_panic() must not return. The weak default traps.
 *
 * memblock_env_kernel_end() returns the physical address just past the
 * kernel image; bottom-up allocation starts there. The weak default returns
 * 0 (no image to step over).
 *
 * memblock_env_free_pages() receives a naturally aligned block of
 * 2^order pages from memblock_free_all(), memblock_free_late() and
 * memblock_discard(). It has no default: linking either function without
 * providing it is a link error, which is better than silently leaking all
 * of memory.
 *
 * memblock_env_log() and memblock_env_free_pages() are called while
 * memblock is consistent and may read it (queries, iterators,
 * memblock_dump_all()); a call that would change it is refused with -EBUSY
 * (0 / NULL for allocations) and one log line. Lines logged from inside
 * memblock_env_log() are dropped, so it never recurses.
 */
#ifndef MEMBLOCK_ENV_HAVE_HOOKS
void memblock_env_log(int level, const char *line);
__attribute__((noreturn)) void memblock_env_panic(const char *msg);
phys_addr_t memblock_env_kernel_end(void);
void memblock_env_free_pages(unsigned long pfn, unsigned int order);
#endif

/*
 * Physical <-> virtual conversion of memory memblock hands out. The default
 * is an identity mapping, right for firmware and for kernels that run with
 * the MMU off or identity-mapped. Define both as macros to override.
 */
#ifndef memblock_env_phys_to_virt
static inline void *memblock_env_phys_to_virt(phys_addr_t pa)
{
	return (void *)(uintptr_t)pa;
}
#endif
#ifndef memblock_env_virt_to_phys
static inline phys_addr_t memblock_env_virt_to_phys(const void *va)
{
	return (phys_addr_t)(uintptr_t)va;
}
#endif

#endif /* MEMBLOCK_ENV_H */
