// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_env_free_pages(): where memblock_free_all(), memblock_free_late()
 * and memblock_discard() deliver pages. The demo kernels hand them to the
 * buddy allocator.
 *
 * A strong definition: it replaces the library's weak default
 * (src/env_default.c) whatever the link order. The host test harness
 * leaves this file out (tests/tests.mk) and keeps its own recording hook,
 * which routes the blocks to buddy_release_boot_pages() itself.
 */
#include <kernel/kernel.h>
#include <kernel/buddy.h>

void memblock_env_free_pages(unsigned long pfn, unsigned int order)
{
	if (buddy_release_boot_pages(pfn, order))
		panic("page allocator refused pfn %#lx order %u from memblock",
		      pfn, order);
}
