// SPDX-License-Identifier: BSD-2-Clause
/* The x86-64 boot checks, reported as TAP. */
#include <kernel/kernel.h>
#include <kernel/boot.h>
#include <linux/memblock.h>
#include "x86.h"

void arch_boot_checks(void)
{
	ktap_ok(memblock_phys_mem_size() > 0, "memblock has memory");
}
