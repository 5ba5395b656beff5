// SPDX-License-Identifier: BSD-2-Clause
/*
 * The demo kernels' memblock environment hooks: log lines go to the
 * console, panics stop the machine. (memblock_env_kernel_end() comes from
 * each arch, which knows its linker symbols; memblock_env_free_pages() from
 * the page allocator.)
 */
#include <kernel/kernel.h>
#include <linux/memblock.h>

void memblock_env_log(int level, const char *line)
{
	(void)level;
	printk("%s\n", line);
}

void memblock_env_panic(const char *msg)
{
	panic("%s", msg);
}
