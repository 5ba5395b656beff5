/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef X86_SRAT_CHECKS_H
#define X86_SRAT_CHECKS_H

#include <firmware/x86_setup.h>

/**
 * x86_check_srat_nodes - TAP: every memory region has its SRAT node
 * @res: what x86_memblock_setup() (or the EFI path) found, SRAT included
 *
 * Nothing is reported when @res has no SRAT memory entry. One TAP line
 * otherwise, with a diagnostic for each region whose first or last byte
 * lies on another node than the SRAT gives.
 */
void x86_check_srat_nodes(const struct x86_setup_result *res);

#endif
