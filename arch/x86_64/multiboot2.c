// SPDX-License-Identifier: BSD-2-Clause
/* Multiboot2 boot information: not yet. */
#include "x86.h"

int mb2_parse(uint64_t pa, uint32_t magic, struct x86_boot *b)
{
	(void)pa;
	(void)magic;
	(void)b;
	return -EINVAL;
}
