// SPDX-License-Identifier: BSD-2-Clause
/*
 * memblock_env_free_pages(): where memblock_free_all(), memblock_free_late()
 * and memblock_discard() deliver pages. The demo kernels hand them to the
 * buddy allocator.
 *
 * Weak only so that the host test harness, which links every kernel/mm
 * file, can keep its own recording hook and route the blocks to
 * buddy_release_boot_pages() itself; the kernels have no other definition.
 */
#include <kernel/kernel.h>
#include <kernel/buddy.h>

__attribute__((weak)) void memblock_env_free_pages(unsigned long pfn,
						   unsigned int order)
{
	if (buddy_release_boot_pages(pfn, order))
		panic("page allocator refused pfn %#lx order %u from memblock",
		      pfn, order);
}
