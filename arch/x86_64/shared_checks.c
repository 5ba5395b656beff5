// SPDX-License-Identifier: BSD-2-Clause
/*
 * Boot checks shared by the x86-64 ELF kernel and its UEFI application
 * (shared_checks.h).
 */
#include <kernel/kernel.h>
#include <kernel/memops_check.h>
#include <linux/memblock.h>
#include "memops.h"
#include "shared_checks.h"

#define SZ_4K	((phys_addr_t)0x1000)
#define SZ_64K	((phys_addr_t)0x10000)
#define SZ_1M	((phys_addr_t)0x100000)

void x86_check_low_allocations(const struct boot_range *protect,
			       unsigned int n, phys_addr_t low_cap)
{
	phys_addr_t p;

	p = boot_check_phys_range("real-mode trampoline below 1 MiB", 4 * SZ_4K,
				  SZ_4K, 0, SZ_1M, protect, n);
	if (p)
		ktap_ok(p >= SZ_64K && p + 4 * SZ_4K <= low_cap,
			"trampoline lies between 64 KiB and the BIOS area (%#llx)",
			(unsigned long long)low_cap);
	boot_check_phys_range("32-bit DMA buffer below 4 GiB", SZ_1M, SZ_64K,
			      0, (phys_addr_t)1 << 32, protect, n);
	boot_check_allocations(protect, n);
}

/* Whether the command-line value @val (@len bytes) is the string @s. */
static bool word_is(const char *val, size_t len, const char *s)
{
	size_t i = 0;

	while (i < len && s[i] == val[i])
		i++;
	return i == len && !s[i];
}

void x86_check_memops(const char *cmdline)
{
	const char *path = x86_memmove_backward_path();
	const char *val;
	size_t len;

	memops_check(path[0] == 'A' ? "rep movsb/stosb, AVX2 backward" :
		     "rep movsb/stosb, SSE2 backward");
	memops_check_move("x86_memmove_sse2 (rep movsb, SSE2 backward)",
			  x86_memmove_sse2);
	if (!memblock_cmdline_find(cmdline, "test.backward", &val, &len))
		return;
	ktap_ok(word_is(val, len, path), "backward moves use %s (want %.*s)", path,
		(int)len, val);
}
