// SPDX-License-Identifier: BSD-2-Clause
/*
 * Allocation: every memblock_alloc*() and memblock_phys_alloc*() function
 * is one call of alloc_entry(), the body of memblock_alloc_range_nid(),
 * which searches with the full set of constraints and then drops them one
 * at a time (the exact node, then the preference for mirrored memory)
 * before giving up. The virtual-address family adds one more fallback:
 * dropping min_addr. What only a debug run or a bad request needs (the
 * trace lines, the messages) is out of line, off the allocation path.
 *
 * Allocation ends with memblock_free_all() (free memory is the page
 * allocator's then) and is refused from inside a hook (stage.c).
 */
#include "internal.h"

/* How an entry point allocates: its debug line, and the virtual family. */
#define A_TRACE_RANGE	0x1	/* memblock_phys_alloc_range()'s line */
#define A_TRACE_NID	0x2	/* memblock_phys_alloc_try_nid()'s line */
#define A_VIRT		0x4	/* memblock_alloc_*(): its line, limit, fallback */
#define A_EXACT		0x8	/* no fallback to any node */

/* The entry points' debug lines: one cold copy, off the hot path. */
static mb_cold void alloc_trace(const char *func, unsigned int how,
				unsigned long ip, phys_addr_t size,
				phys_addr_t align, phys_addr_t start,
				phys_addr_t end, int nid)
{
	if (how & A_TRACE_RANGE)
		__memblock_log(MEMBLOCK_LOG_INFO,
			       "%s: %llu bytes align=%#llx from=%pa max_addr=%pa %pS",
			       func, (unsigned long long)size,
			       (unsigned long long)align, &start, &end,
			       (void *)ip);
	else if (how & A_TRACE_NID)
		__memblock_log(MEMBLOCK_LOG_INFO,
			       "%s: %llu bytes align=%#llx nid=%d %pS", func,
			       (unsigned long long)size,
			       (unsigned long long)align, nid, (void *)ip);
	else
		__memblock_log(MEMBLOCK_LOG_INFO,
			       "%s: %llu bytes align=%#llx nid=%d from=%#llx max_addr=%#llx %pS",
			       func, (unsigned long long)size,
			       (unsigned long long)align, nid,
			       (unsigned long long)start,
			       (unsigned long long)end, (void *)ip);
}

/*
 * Validate and normalise the arguments shared by every allocation call.
 * Returns false (after logging why) when the request cannot be served.
 * Out of line: the checks pass on the hot path, the messages are rare.
 */
static mb_cold bool alloc_args_bad(const char *func, phys_addr_t size,
				   phys_addr_t *align, int *nid)
{
	if (!size) {
		mb_warn("%s: zero-sized allocation", func);
		return true;
	}
	if (!*align) {
		mb_warn("%s: align is 0, using SMP_CACHE_BYTES (%d)", func,
			SMP_CACHE_BYTES);
		*align = SMP_CACHE_BYTES;
	}
	if (!is_power_of_2(*align)) {
		mb_err("%s: align %#llx is not a power of 2", func,
		       (unsigned long long)*align);
		return true;
	}
	if (*nid == MAX_NUMNODES) {
		mb_warn("%s: usage of MAX_NUMNODES is deprecated, use NUMA_NO_NODE instead",
			func);
		*nid = NUMA_NO_NODE;
	}
	if (*nid != NUMA_NO_NODE && (*nid < 0 || *nid >= MAX_NUMNODES)) {
		mb_err("%s: invalid node %d", func, *nid);
		return true;
	}
	return false;
}

/* Reserve what was found, traced as Linux's memblock_reserve() call. */
static inline bool alloc_reserve(phys_addr_t found, phys_addr_t size)
{
	if (!found)
		return false;
	if (memblock_debug)
		__memblock_trace_range("memblock_reserve", found, size,
				       _RET_IP_);
	return !__memblock_add(MB_RSV, found, size, MAX_NUMNODES, MEMBLOCK_NONE,
		       "memblock_reserve");
}

/*
 * Every entry point: the guard, its debug line, the argument checks, then
 * the search. It tries the full set of constraints first and drops them
 * one at a time, as Linux does: the exact node (unless @how has A_EXACT),
 * then the preference for mirrored memory; the virtual-address family caps
 * @end at current_limit and, when nothing fits above @start, goes through
 * the same chain again from 0.
 */
static mb_noinline phys_addr_t
alloc_entry(phys_addr_t size, phys_addr_t align, phys_addr_t start,
	    phys_addr_t end, int nid, unsigned int how, const char *func,
	    unsigned long ip)
{
	/* memblock_has_mirror(), read directly: every allocation asks. */
	enum memblock_flags mirror = __memblock_has_some_mirror ?
				     MEMBLOCK_MIRROR : MEMBLOCK_NONE;
	enum memblock_flags flags = mirror;
	phys_addr_t found;
	int try_nid;

	if (__memblock_enter_early(func))
		return 0;
	if (memblock_debug && (how & (A_TRACE_RANGE | A_TRACE_NID | A_VIRT)))
		alloc_trace(func, how, ip, size, align, start, end, nid);
	/* One test for the usual case: a power-of-two align, a valid nid. */
	if ((!size || !is_power_of_2(align) ||
	     (nid != NUMA_NO_NODE && (unsigned int)nid >= MAX_NUMNODES)) &&
	    alloc_args_bad(func, size, &align, &nid))
		return 0;
	if ((how & A_VIRT) && end > memblock.current_limit)
		end = memblock.current_limit;

	for (try_nid = nid;;) {
		found = memblock_find_in_range_node(size, align, start, end,
						    try_nid, flags);
		if (alloc_reserve(found, size))
			return found;
		if (try_nid != NUMA_NO_NODE && !(how & A_EXACT)) {
			try_nid = NUMA_NO_NODE;
			continue;
		}
		try_nid = nid;
		if (flags & MEMBLOCK_MIRROR) {
			flags &= ~MEMBLOCK_MIRROR;
			mb_warn("Could not allocate %pap bytes of mirrored memory",
				&size);
			continue;
		}
		if (!(how & A_VIRT) || !start)
			return 0;
		start = 0;
		flags = mirror;
	}
}

phys_addr_t __init_memblock memblock_alloc_range_nid(phys_addr_t size,
						     phys_addr_t align,
						     phys_addr_t start,
						     phys_addr_t end, int nid,
						     bool exact_nid)
{
	return alloc_entry(size, align, start, end, nid,
			   exact_nid ? A_EXACT : 0, __func__, 0);
}

phys_addr_t __init_memblock memblock_phys_alloc_range(phys_addr_t size,
						      phys_addr_t align,
						      phys_addr_t start,
						      phys_addr_t end)
{
	return alloc_entry(size, align, start, end, NUMA_NO_NODE, A_TRACE_RANGE,
			   __func__, _RET_IP_);
}

phys_addr_t __init_memblock memblock_phys_alloc_try_nid(phys_addr_t size,
							phys_addr_t align,
							int nid)
{
	return alloc_entry(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE, nid,
			   A_TRACE_NID, __func__, _RET_IP_);
}

static void *alloc_virt(phys_addr_t size, phys_addr_t align,
			phys_addr_t min_addr, phys_addr_t max_addr, int nid,
			unsigned int how, const char *func, unsigned long ip)
{
	phys_addr_t found = alloc_entry(size, align, min_addr, max_addr, nid,
					how | A_VIRT, func, ip);

	return found ? memblock_env_phys_to_virt(found) : NULL;
}

void *__init_memblock memblock_alloc_exact_nid_raw(phys_addr_t size,
						   phys_addr_t align,
						   phys_addr_t min_addr,
						   phys_addr_t max_addr,
						   int nid)
{
	return alloc_virt(size, align, min_addr, max_addr, nid, A_EXACT,
			  __func__, _RET_IP_);
}

void *__init_memblock memblock_alloc_try_nid_raw(phys_addr_t size,
						 phys_addr_t align,
						 phys_addr_t min_addr,
						 phys_addr_t max_addr, int nid)
{
	return alloc_virt(size, align, min_addr, max_addr, nid, 0, __func__,
			  _RET_IP_);
}

void *__init_memblock memblock_alloc_try_nid(phys_addr_t size,
					     phys_addr_t align,
					     phys_addr_t min_addr,
					     phys_addr_t max_addr, int nid)
{
	void *ptr = alloc_virt(size, align, min_addr, max_addr, nid, 0,
			       __func__, _RET_IP_);

	if (ptr)
		__memblock_memset(ptr, 0, size);
	return ptr;
}

static mb_cold __attribute__((noreturn)) void
alloc_panic(phys_addr_t size, const char *func)
{
	char msg[128];

	__memblock_snprintf(msg, sizeof(msg), "%s: Failed to allocate %llu bytes",
		    func, (unsigned long long)size);
	memblock_env_panic(msg);
}

void *__init_memblock __memblock_alloc_or_panic(phys_addr_t size,
						phys_addr_t align,
						const char *func)
{
	void *ptr = memblock_alloc(size, align);

	if (!ptr)
		alloc_panic(size, func);
	return ptr;
}
