// SPDX-License-Identifier: BSD-2-Clause
/*
 * The memblock instance and the calls that add and remove ranges.
 *
 * struct memblock is statically initialised so that it works before
 * anything else in the kernel does: the region arrays are static, each type
 * starts empty (cnt == 0, Linux 6.11+) with its zeroed first slot.
 */
#include "internal.h"

static struct memblock_region
	memblock_memory_init_regions[INIT_MEMBLOCK_REGIONS] __initdata_memblock;
static struct memblock_region
	memblock_reserved_init_regions[INIT_MEMBLOCK_RESERVED_REGIONS] __initdata_memblock;
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
static struct memblock_region
	memblock_physmem_init_regions[INIT_PHYSMEM_REGIONS] __initdata_memblock;
#endif

struct memblock memblock __initdata_memblock = {
	.memory.regions		= memblock_memory_init_regions,
	.memory.max		= INIT_MEMBLOCK_REGIONS,
	.memory.name		= "memory",

	.reserved.regions	= memblock_reserved_init_regions,
	.reserved.max		= INIT_MEMBLOCK_RESERVED_REGIONS,
	.reserved.name		= "reserved",

#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	.physmem.regions	= memblock_physmem_init_regions,
	.physmem.max		= INIT_PHYSMEM_REGIONS,
	.physmem.name		= "physmem",
#endif

	.bottom_up		= false,
	.current_limit		= MEMBLOCK_ALLOC_ANYWHERE,
};

int memblock_debug __initdata_memblock;
int memblock_can_resize __initdata_memblock;
bool movable_node_enabled __initdata_memblock;
bool mirrored_kernelcore __initdata_memblock;

/* Linux's pfn limits: held here, set by the caller, live after boot. */
unsigned long max_low_pfn;
unsigned long min_low_pfn;
unsigned long max_pfn;
unsigned long long max_possible_pfn;

/* What memblock_discard() leaves each type: an empty array of its own. */
struct memblock_region __memblock_discarded[MB_NTYPES][1] __initdata_memblock;

/* Each type's initial static array (none for a type the build lacks). */
struct memblock_region *const __memblock_init_regions[MB_NTYPES] = {
	[MB_MEM] = memblock_memory_init_regions,
	[MB_RSV] = memblock_reserved_init_regions,
#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	[MB_PHYS] = memblock_physmem_init_regions,
#endif
};

/* Last byte of a range for the debug trace, without wrapping. */
static phys_addr_t trace_last(phys_addr_t base, phys_addr_t size)
{
	memblock_cap_size(base, &size);
	return size ? base + size - 1 : base;
}

/*
 * The guard and the debug trace every range call starts with; @ip is the
 * public function's caller. The trace is one copy out of line (cold), the
 * guard's fast path inline.
 */
mb_cold void __memblock_trace_range(const char *func, phys_addr_t base,
				    phys_addr_t size, unsigned long ip)
{
	phys_addr_t last = trace_last(base, size);

	__memblock_log(MEMBLOCK_LOG_INFO, "%s: [%pa-%pa] %pS", func, &base,
		       &last, (void *)ip);
}

static inline int enter_traced(const char *func, unsigned int refuse,
			       phys_addr_t base, phys_addr_t size,
			       unsigned long ip)
{
	int err = __memblock_enter(func, refuse);

	if (!err && memblock_debug)
		__memblock_trace_range(func, base, size, ip);
	return err;
}

mb_cold bool memblock_nid_ok(int nid)
{
	/* Stored as given (Linux 6.12): NUMA_NO_NODE stays -1. */
	return nid >= NUMA_NO_NODE && nid <= MAX_NUMNODES;
}

mb_cold int __init_memblock
memblock_add_node(phys_addr_t base, phys_addr_t size,
		  int nid, enum memblock_flags flags)
{
	phys_addr_t last = trace_last(base, size);
	int err = __memblock_enter(__func__, MB_REFUSE_DISCARDED);

	if (err)
		return err;
	memblock_dbg("%s: [%pa-%pa] nid=%d flags=%x %pS", __func__, &base,
		     &last, nid, flags, (void *)_RET_IP_);
	if (!memblock_nid_ok(nid)) {
		mb_err("%s: invalid node %d", __func__, nid);
		return -EINVAL;
	}
	if ((unsigned int)flags & ~(unsigned int)MEMBLOCK_FLAGS_ALL) {
		mb_err("%s: unknown flags %#x", __func__, flags);
		return -EINVAL;
	}
	return __memblock_add(MB_MEM, base, size, nid, flags, __func__);
}

int __init_memblock memblock_add(phys_addr_t base, phys_addr_t size)
{
	int err = enter_traced(__func__, MB_REFUSE_DISCARDED, base, size, _RET_IP_);

	if (err)
		return err;
	return __memblock_add(MB_MEM, base, size, MAX_NUMNODES, MEMBLOCK_NONE,
		      __func__);
}

int __init_memblock memblock_remove(phys_addr_t base, phys_addr_t size)
{
	int err = enter_traced(__func__, MB_REFUSE_DISCARDED, base, size, _RET_IP_);

	if (err)
		return err;
	return __memblock_remove_memory(base, size, __func__);
}

int __init_memblock memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	int err = enter_traced(__func__, MB_REFUSE_ALL, base, size, _RET_IP_);

	if (err)
		return err;
	return __memblock_add(MB_RSV, base, size, MAX_NUMNODES, MEMBLOCK_NONE,
		      __func__);
}

static int phys_free(phys_addr_t base, phys_addr_t size, const char *func,
		     unsigned long ip)
{
	int err = enter_traced(func, MB_REFUSE_ALL, base, size, ip);

	if (err)
		return err;
	return __memblock_unreserve(base, size, func);
}

int __init_memblock memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return phys_free(base, size, __func__, _RET_IP_);
}

void __init_memblock memblock_free(void *ptr, size_t size)
{
	int err;

	if (!ptr)
		return;
	err = phys_free(memblock_env_virt_to_phys(ptr), size, __func__,
			_RET_IP_);
	/* A refusal was logged already; log only what the edit itself says. */
	if (err && err != -EBUSY && err != -EPERM)
		mb_err("%s: freeing %zu bytes at %p failed (%d)", __func__,
		       size, ptr, err);
}

#if CONFIG_HAVE_MEMBLOCK_PHYS_MAP
mb_cold int __init_memblock
memblock_physmem_add(phys_addr_t base, phys_addr_t size)
{
	int err = enter_traced(__func__, MB_REFUSE_DISCARDED, base, size, _RET_IP_);

	if (err)
		return err;
	return __memblock_add(MB_PHYS, base, size, MAX_NUMNODES, MEMBLOCK_NONE,
		      __func__);
}
#endif

mb_cold void __init_memblock memblock_allow_resize(void)
{
	if (__memblock_enter(__func__, MB_REFUSE_DISCARDED))
		return;
	memblock_can_resize = 1;
}
