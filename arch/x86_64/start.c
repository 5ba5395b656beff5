// SPDX-License-Identifier: BSD-2-Clause
/* From the entry code to start_kernel(), and the boot-data bookkeeping. */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <linux/memblock.h>
#include "x86.h"

struct x86_boot x86_boot;

void x86_start(void)
{
	serial_init();
	x86_trap_init();
	start_kernel();
}

void x86_boot_add_data(struct x86_boot *b, uint64_t base, uint64_t size,
		       const char *what)
{
	if (b->nr_data == BOOT_DATA_MAX)
		panic("too many boot structures (%s)", what);
	b->data[b->nr_data++] = (struct x86_boot_range){ base, size, what };
}

phys_addr_t memblock_env_kernel_end(void)
{
	return x86_pa(_end);
}
