/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock_env.h - everything an embedding kernel or firmware supplies.
 *
 * This is the whole porting surface of the library. There are three ways to
 * adapt it:
 *
 *  1. Keep this header and pre-define the settings you want to change, with
 *     -D flags or in a wrapper header that defines them and then does
 *     #include_next <memblock_env.h> (tests/include/memblock_env.h does).
 *     Every setting below is guarded by #ifndef, so anything defined first
 *     wins.
 *  2. Keep this header but bring your own types or hooks: define
 *     MEMBLOCK_ENV_HAVE_U64 when your kernel already has a u64 typedef
 *     (Linux's is unsigned long long; "typedef uint64_t u64" clashes with
 *     it on LP64), MEMBLOCK_ENV_HAVE_TYPES when it has both phys_addr_t and
 *     u64, MEMBLOCK_ENV_HAVE_HOOKS when it declares the hook prototypes
 *     itself; do it before this header is included.
 *  3. Replace it: put your own memblock_env.h earlier on the include path.
 *     It must provide, before anything of the library is compiled:
 *
 *     types    phys_addr_t   an unsigned integer type of 32 or 64 bits
 *              u64           an unsigned 64-bit integer type
 *              bool, size_t, uintptr_t, uint32_t, uint64_t, NULL,
 *              CHAR_BIT, ULLONG_MAX (include <stdbool.h>, <stddef.h>,
 *              <stdint.h> and <limits.h>, or the kernel's equivalents)
 *     pages    PAGE_SHIFT, PAGE_SIZE (of type phys_addr_t or wider:
 *              ((phys_addr_t)1 << PAGE_SHIFT))
 *     sizes    SMP_CACHE_BYTES, INIT_MEMBLOCK_REGIONS,
 *              INIT_MEMBLOCK_RESERVED_REGIONS, INIT_PHYSMEM_REGIONS,
 *              MAX_NUMNODES, NUMA_NO_NODE, ARCH_LOW_ADDRESS_LIMIT, MAX_ORDER
 *     switches CONFIG_HAVE_MEMBLOCK_PHYS_MAP, CONFIG_ARCH_KEEP_MEMBLOCK
 *              (0 or 1; CONFIG_PHYS_ADDR_T_32BIT only matters to this
 *              header)
 *     sections __init_memblock, __initdata_memblock (may be empty)
 *     log      MEMBLOCK_LOG_ERR, MEMBLOCK_LOG_WARN, MEMBLOCK_LOG_INFO,
 *              MEMBLOCK_LOG_DEBUG (the levels memblock_env_log() receives)
 *     errors   EINVAL, ENOMEM, EBUSY, EPERM (positive; the library returns
 *              them negated), and PFN_UP, PFN_DOWN, PFN_PHYS, PHYS_PFN with
 *              Linux's meaning (your kernel's own, or the ones below)
 *     hooks    the prototypes of memblock_env_log(), memblock_env_panic(),
 *              memblock_env_kernel_end(), memblock_env_free_pages(),
 *              memblock_env_memmove(), memblock_env_memset()
 *              (below; the library has weak defaults for all six)
 *     mapping  memblock_env_phys_to_virt(pa), memblock_env_virt_to_phys(va),
 *              as functions or macros
 *
 *     Each item's meaning is documented where this header defines it.
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
 * Iterator cursors (for_each_* "idx") are u64, as in Linux, where u64 is
 * unsigned long long. MEMBLOCK_ENV_HAVE_TYPES: the kernel has both
 * typedefs; MEMBLOCK_ENV_HAVE_U64: it has u64 only (any unsigned 64-bit
 * type: the library never assumes which one).
 */
#ifndef MEMBLOCK_ENV_HAVE_TYPES
#define MEMBLOCK_ENV_HAVE_TYPES
#ifdef CONFIG_PHYS_ADDR_T_32BIT
typedef uint32_t phys_addr_t;
#else
typedef uint64_t phys_addr_t;
#endif
#ifndef MEMBLOCK_ENV_HAVE_U64
#define MEMBLOCK_ENV_HAVE_U64
typedef unsigned long long u64;
#endif
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
#ifndef MEMBLOCK_LOG_ERR
#define MEMBLOCK_LOG_ERR	3
#endif
#ifndef MEMBLOCK_LOG_WARN
#define MEMBLOCK_LOG_WARN	4
#endif
#ifndef MEMBLOCK_LOG_INFO
#define MEMBLOCK_LOG_INFO	6
#endif
#ifndef MEMBLOCK_LOG_DEBUG
#define MEMBLOCK_LOG_DEBUG	7
#endif

/*
 * Error codes (Linux's values) and page frame helpers (Linux's meaning), for
 * kernels without <linux/errno.h> and <linux/pfn.h>. A kernel that has its
 * own includes them first (a wrapper header, or -include) or defines them
 * in its replacement of this header; memblock's public header defines none.
 */
#ifndef EINVAL
#define EINVAL		22
#endif
#ifndef ENOMEM
#define ENOMEM		12
#endif
#ifndef EPERM
#define EPERM		1
#endif
#ifndef EBUSY
#define EBUSY		16
#endif
#ifndef PFN_UP
#define PFN_UP(x)	((unsigned long)(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#endif
#ifndef PFN_DOWN
#define PFN_DOWN(x)	((unsigned long)((x) >> PAGE_SHIFT))
#endif
#ifndef PFN_PHYS
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#endif
#ifndef PHYS_PFN
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))
#endif

/*
 * Hooks: functions the embedder may define. The library has a weak default
 * for each (src/env_default.c); defining a function of the same name
 * replaces it. Define MEMBLOCK_ENV_HAVE_HOOKS if your headers already
 * declare these prototypes.
 *
 * memblock_env_log() receives one complete line, without the trailing
 * newline, and a MEMBLOCK_LOG_* level. The default drops it.
 *
 * memblock_env_panic() must not return. The default traps.
 *
 * memblock_env_kernel_end() returns the physical address just past the
 * kernel image. The core no longer calls it: since Linux 5.11 bottom-up
 * allocation starts at max(start, PAGE_SIZE), not above the kernel. It is
 * kept so that environments defining it still link, and for the demo
 * kernels' checks. The default returns 0.
 *
 * memblock_env_free_pages() receives a naturally aligned block of 2^order
 * pages from memblock_free_all(), memblock_free_late() and
 * memblock_discard(). The default panics with a message naming the missing
 * hook (freeing into nothing would leak all of memory silently); a kernel
 * that never calls those functions need not define it.
 *
 * memblock_env_memmove() and memblock_env_memset() are the only way the
 * library moves and clears memory: region array edits and growth, and the
 * zeroing of every memblock_alloc*() block. They have C's memmove() and
 * memset() contract (overlap in either direction; return @dst) and must
 * not call back into memblock. The defaults are portable freestanding
 * loops (aligned words, 8 per iteration; no instruction set extension, no
 * C library call), also callable as memblock_env_default_memmove() and
 * memblock_env_default_memset() (declared below, always provided) so that
 * a replacement can be tested against them. A kernel plugs in its
 * optimised routines (rep movsb/stosb, DC ZVA, wide load/store pairs) by
 * defining functions of these names; they may simply call its memmove()
 * and memset().
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
void *memblock_env_memmove(void *dst, const void *src, size_t n);
void *memblock_env_memset(void *dst, int c, size_t n);
#endif

/**
 * memblock_env_default_memmove() - the library's portable memmove
 * @dst: destination
 * @src: source; may overlap @dst in either direction
 * @n: number of bytes
 *
 * The default behind memblock_env_memmove(). Never fails; any pointers
 * the caller may access for @n bytes are valid input (nothing is checked:
 * like memmove(), bad pointers are undefined behaviour).
 *
 * Return: @dst.
 */
void *memblock_env_default_memmove(void *dst, const void *src, size_t n);

/**
 * memblock_env_default_memset() - the library's portable memset
 * @dst: destination
 * @c: byte value (converted to unsigned char)
 * @n: number of bytes
 *
 * The default behind memblock_env_memset(). Never fails; as with
 * memset(), @dst must be writable for @n bytes.
 *
 * Return: @dst.
 */
void *memblock_env_default_memset(void *dst, int c, size_t n);

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
