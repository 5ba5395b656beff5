// SPDX-License-Identifier: BSD-2-Clause
/*
 * Multiboot2 entry (GRUB): the boot information becomes the same generic
 * description as PVH's. It is reserved whole: the command line and the
 * RSDP copy we keep pointers to live inside it.
 */
#include <kernel/kernel.h>
#include <firmware/multiboot2.h>
#include "x86.h"

int mb2_parse_boot(uint64_t pa, uint32_t magic, struct x86_boot *b)
{
	struct mb2_info info;
	int err;
	/* The size field must be readable before anything else is. */
	const uint32_t *mbi = early_va(pa, 8);

	if (!mbi || !early_va(pa, mbi[0]))
		return -EINVAL;
	err = mb2_parse(mbi, magic, &b->e820, &info);
	if (err)
		return err;
	b->protocol = "Multiboot2";
	b->cmdline = info.cmdline;
	b->rsdp = info.rsdp_size ? x86_pa(info.rsdp) : 0;
	x86_boot_add_data(b, pa, info.total_size, "Multiboot2 information");
	for (uint32_t i = 0; i < info.nr_modules; i++)
		x86_boot_add_data(b, info.modules[i].start,
				  info.modules[i].end - info.modules[i].start, "module");
	return 0;
}
