// SPDX-License-Identifier: BSD-2-Clause
/*
 * Allocation: every memblock_alloc*() and memblock_phys_alloc*() function
 * ends in memblock_alloc_range_nid(), which searches with the full set of
 * constraints and then drops them one at a time (the exact node, then the
 * preference for mirrored memory) before giving up. The virtual-address
 * family adds one more fallback: dropping min_addr.
 *
 * Allocation ends with memblock_free_all() (free memory is the page
 * allocator's then) and is refused from inside a hook (stage.c).
 */
#include "internal.h"

/*
 * Validate and normalise the arguments shared by every allocation call.
 * Returns false (after logging why) when the request cannot be served.
 */
static bool alloc_args_ok(const char *func, phys_addr_t size,
			  phys_addr_t *align, int *nid)
{
	if (!size) {
		mb_warn("%s: zero-sized allocation", func);
		return false;
	}
	if (!*align) {
		mb_warn("%s: align is 0, using SMP_CACHE_BYTES (%d)", func,
			SMP_CACHE_BYTES);
		*align = SMP_CACHE_BYTES;
	}
	if (!is_power_of_2(*align)) {
		mb_err("%s: align %#llx is not a power of 2", func,
		       (unsigned long long)*align);
		return false;
	}
	if (*nid == MAX_NUMNODES) {
		mb_warn("%s: usage of MAX_NUMNODES is deprecated, use NUMA_NO_NODE instead",
			func);
		*nid = NUMA_NO_NODE;
	}
	if (*nid != NUMA_NO_NODE && (*nid < 0 || *nid >= MAX_NUMNODES)) {
		mb_err("%s: invalid node %d", func, *nid);
		return false;
	}
	return true;
}

/* Reserve what was found, traced as Linux's memblock_reserve() call. */
static bool alloc_reserve(phys_addr_t found, phys_addr_t size)
{
	phys_addr_t last = found + size - 1;

	if (!found)
		return false;
	memblock_dbg("memblock_reserve: [%pa-%pa] %pS", &found, &last,
		     (void *)_RET_IP_);
	return !__memblock_add(MB_RSV, found, size, MAX_NUMNODES, MEMBLOCK_NONE,
		       "memblock_reserve");
}

/* Find and reserve; the arguments are already validated. */
static phys_addr_t alloc_range_nid(phys_addr_t size, phys_addr_t align,
				   phys_addr_t start, phys_addr_t end, int nid,
				   bool exact_nid)
{
	enum memblock_flags flags = memblock_has_mirror() ? MEMBLOCK_MIRROR
							  : MEMBLOCK_NONE;
	phys_addr_t found;

	for (;;) {
		found = memblock_find_in_range_node(size, align, start, end,
						    nid, flags);
		if (alloc_reserve(found, size))
			return found;

		if (nid != NUMA_NO_NODE && !exact_nid) {
			found = memblock_find_in_range_node(size, align, start,
							    end, NUMA_NO_NODE,
							    flags);
			if (alloc_reserve(found, size))
				return found;
		}

		if (!(flags & MEMBLOCK_MIRROR))
			return 0;
		flags &= ~MEMBLOCK_MIRROR;
		mb_warn("Could not allocate %pap bytes of mirrored memory",
			&size);
	}
}

phys_addr_t __init_memblock memblock_alloc_range_nid(phys_addr_t size,
						     phys_addr_t align,
						     phys_addr_t start,
						     phys_addr_t end, int nid,
						     bool exact_nid)
{
	if (__memblock_enter(__func__, MB_REFUSE_ALL) ||
	    !alloc_args_ok(__func__, size, &align, &nid))
		return 0;
	return alloc_range_nid(size, align, start, end, nid, exact_nid);
}

phys_addr_t __init_memblock memblock_phys_alloc_range(phys_addr_t size,
						      phys_addr_t align,
						      phys_addr_t start,
						      phys_addr_t end)
{
	int nid = NUMA_NO_NODE;

	if (__memblock_enter(__func__, MB_REFUSE_ALL))
		return 0;
	memblock_dbg("%s: %llu bytes align=%#llx from=%pa max_addr=%pa %pS",
		     __func__, (unsigned long long)size,
		     (unsigned long long)align, &start, &end, (void *)_RET_IP_);
	if (!alloc_args_ok(__func__, size, &align, &nid))
		return 0;
	return alloc_range_nid(size, align, start, end, nid, false);
}

phys_addr_t __init_memblock memblock_phys_alloc_try_nid(phys_addr_t size,
							phys_addr_t align,
							int nid)
{
	if (__memblock_enter(__func__, MB_REFUSE_ALL))
		return 0;
	memblock_dbg("%s: %llu bytes align=%#llx nid=%d %pS", __func__,
		     (unsigned long long)size, (unsigned long long)align, nid,
		     (void *)_RET_IP_);
	if (!alloc_args_ok(__func__, size, &align, &nid))
		return 0;
	return alloc_range_nid(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE, nid,
			       false);
}

/*
 * The virtual-address path: cap max_addr at current_limit, allocate, and
 * when nothing fits above min_addr, try again from 0.
 */
static void *alloc_internal(const char *func, unsigned long caller,
			    phys_addr_t size, phys_addr_t align,
			    phys_addr_t min_addr, phys_addr_t max_addr,
			    int nid, bool exact_nid)
{
	phys_addr_t found;

	if (__memblock_enter(func, MB_REFUSE_ALL))
		return NULL;
	memblock_dbg("%s: %llu bytes align=%#llx nid=%d from=%#llx max_addr=%#llx %pS",
		     func, (unsigned long long)size, (unsigned long long)align,
		     nid, (unsigned long long)min_addr,
		     (unsigned long long)max_addr, (void *)caller);
	if (!alloc_args_ok(func, size, &align, &nid))
		return NULL;
	if (max_addr > memblock.current_limit)
		max_addr = memblock.current_limit;

	found = alloc_range_nid(size, align, min_addr, max_addr, nid,
				exact_nid);
	if (!found && min_addr)
		found = alloc_range_nid(size, align, 0, max_addr, nid,
					exact_nid);
	return found ? memblock_env_phys_to_virt(found) : NULL;
}

void *__init_memblock memblock_alloc_exact_nid_raw(phys_addr_t size,
						   phys_addr_t align,
						   phys_addr_t min_addr,
						   phys_addr_t max_addr,
						   int nid)
{
	return alloc_internal(__func__, _RET_IP_, size, align, min_addr,
			      max_addr, nid, true);
}

void *__init_memblock memblock_alloc_try_nid_raw(phys_addr_t size,
						 phys_addr_t align,
						 phys_addr_t min_addr,
						 phys_addr_t max_addr, int nid)
{
	return alloc_internal(__func__, _RET_IP_, size, align, min_addr,
			      max_addr, nid, false);
}

void *__init_memblock memblock_alloc_try_nid(phys_addr_t size,
					     phys_addr_t align,
					     phys_addr_t min_addr,
					     phys_addr_t max_addr, int nid)
{
	void *ptr = alloc_internal(__func__, _RET_IP_, size, align, min_addr,
				   max_addr, nid, false);

	if (ptr)
		__memblock_memset(ptr, 0, size);
	return ptr;
}

void *__init_memblock __memblock_alloc_or_panic(phys_addr_t size,
						phys_addr_t align,
						const char *func)
{
	void *ptr = memblock_alloc(size, align);
	char msg[128];

	if (ptr)
		return ptr;
	__memblock_snprintf(msg, sizeof(msg), "%s: Failed to allocate %llu bytes",
		    func, (unsigned long long)size);
	memblock_env_panic(msg);
}
