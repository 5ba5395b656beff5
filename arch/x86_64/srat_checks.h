/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef X86_SRAT_CHECKS_H
#define X86_SRAT_CHECKS_H

#include <firmware/x86_setup.h>

/**
 * x86_srat_expect - record what Linux's x86 makes of a SRAT, for the check
 * @srat: the table handed to x86_memblock_setup() (NULL: none), read now,
 *	while it is mapped
 * @len: its length
 *
 * Works the expected nodes out from the table's bytes by Linux's rule
 * (srat_checks.c says which), independently of the firmware library.
 */
void x86_srat_expect(const void *srat, uint32_t len);

/**
 * x86_check_srat_nodes - TAP: every memory region has its SRAT node
 * @res: what x86_memblock_setup() (or the EFI path) found, SRAT included
 *
 * Nothing is reported when no SRAT was recorded by x86_srat_expect() or
 * @res has no SRAT memory entry. One TAP line otherwise: the number of
 * nodes must be the expected one, and a diagnostic names each region
 * whose first or last byte lies on another node than expected.
 */
void x86_check_srat_nodes(const struct x86_setup_result *res);

#endif
