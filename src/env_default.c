// SPDX-License-Identifier: BSD-2-Clause
/*
 * Weak defaults for the environment hooks (see memblock_env.h). An embedder
 * overrides any of them by defining a function of the same name.
 */
#include "internal.h"

__attribute__((weak)) void memblock_env_log(int level, const char *line)
{
	(void)level;
	(void)line;
}

__attribute__((weak, noreturn)) void memblock_env_panic(const char *msg)
{
	(void)msg;
	for (;;)
		__builtin_trap();
}

__attribute__((weak)) phys_addr_t memblock_env_kernel_end(void)
{
	return 0;
}

/*
 * Only memblock_free_all() and memblock_free_late() call this. Without a
 * real page allocator behind it, freeing memory would silently leak all of
 * it, so the default stops the kernel and says why. It exists so that
 * linking every object (not only an archive's needed ones) works for a
 * kernel that never calls those two.
 */
__attribute__((weak)) void memblock_env_free_pages(unsigned long pfn,
						   unsigned int order)
{
	(void)pfn;
	(void)order;
	memblock_env_panic("memblock: memblock_free_all()/memblock_free_late() "
			   "need memblock_env_free_pages(): provide it");
}
