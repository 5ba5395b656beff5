// SPDX-License-Identifier: BSD-2-Clause
/*
 * The tree an ACPI boot runs the DT sequence with. Firmware that gives
 * ACPI gives no device tree (AAVMF with QEMU's tables installs none), and
 * Linux's EFI stub then makes an empty one that only carries /chosen; the
 * kernel runs its usual sequence on it, memory coming from the UEFI map.
 * Here the command line goes to the sequence through its policy, so the
 * tree is the root node alone: a valid version 17 blob, 72 bytes, which
 * lives in the image (reserved with it).
 */
#include "efi_app.h"

#define BE(x)		__builtin_bswap32(x)	/* AArch64 runs little-endian */
#define FDT_MAGIC	0xd00dfeedu
#define FDT_BEGIN_NODE	1u
#define FDT_END_NODE	2u
#define FDT_END		9u

static const uint32_t stub[18] __attribute__((aligned(8))) = {
	/* magic, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap */
	BE(FDT_MAGIC), BE(72), BE(56), BE(72), BE(40),
	/* version, last_comp_version, boot_cpuid_phys, size_strings, size_struct */
	BE(17), BE(16), 0, 0, BE(16),
	/* the memory reservation map: its terminating entry */
	0, 0, 0, 0,
	/* the root node (empty name, padded), its end, the end */
	BE(FDT_BEGIN_NODE), 0, BE(FDT_END_NODE), BE(FDT_END),
};

const void *efi_stub_dt(void)
{
	return stub;
}
