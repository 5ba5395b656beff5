// SPDX-License-Identifier: BSD-2-Clause
/*
 * Weak defaults for the environment hooks (see memblock_env.h). An embedder
 * overrides any of them by defining a function of the same name.
 * memblock_env_free_pages() has no default on purpose.
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
