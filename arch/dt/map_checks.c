// SPDX-License-Identifier: BSD-2-Clause
/*
 * The DT kernels' proofs of the direct map, reported as TAP: those all
 * three kernels share (arch/common/directmap_checks.c) and the tree's
 * part, that every no-map reserved range the tree names made a NOMAP
 * region of memblock.memory.
 */
#include <kernel/kernel.h>
#include <dt/map.h>
#include <dt/setup.h>

void dt_map_checks(void)
{
	unsigned int nomap = directmap_check_nomap();

	if (dt_kernel_scan.reserved_nomap)
		ktap_ok(nomap > 0, "the tree's %u no-map range(s) made %u NOMAP region(s)",
			dt_kernel_scan.reserved_nomap, nomap);
	directmap_check_limit();
	directmap_check_probes();
}
