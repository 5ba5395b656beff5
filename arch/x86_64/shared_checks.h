/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Boot checks the x86-64 ELF kernel (checks.c) and the UEFI application
 * (efi/efi_setup.c) both make, written once.
 */
#ifndef X86_64_SHARED_CHECKS_H
#define X86_64_SHARED_CHECKS_H

#include <kernel/boot_checks.h>

/*
 * Allocations a real x86 kernel makes early, each checked against the
 * @n ranges in @protect: a real-mode trampoline below 1 MiB (between
 * 64 KiB and @low_cap, the start of the BIOS area), a 32-bit DMA buffer,
 * then boot_check_allocations().
 */
void x86_check_low_allocations(const struct boot_range *protect,
			       unsigned int n, phys_addr_t low_cap);

/*
 * The memory hooks (memops.c) against the library's defaults, naming the
 * backward path the hook chose, and the SSE2 path by itself, the only
 * one on CPUs without AVX2 and otherwise the fallback no other check
 * would run. "test.backward=AVX2|SSE2" on @cmdline: the path the boot
 * configuration's CPU must get (QEMU's -cpu max has AVX2, its default CPU
 * no AVX), so that AVX state head.S failed to enable fails a check.
 */
void x86_check_memops(const char *cmdline);

#endif
