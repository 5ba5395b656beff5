/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The NUMA check of the ACPI boots (x86-64 kernel and UEFI application,
 * arm64 UEFI application): what Linux makes of a SRAT, worked out from the
 * table's bytes with nothing from the firmware library (srat_expect.c).
 */
#ifndef KERNEL_SRAT_EXPECT_H
#define KERNEL_SRAT_EXPECT_H

#include <stdbool.h>
#include <stdint.h>

/* The processor-type entries an architecture's Linux numbers first. */
enum srat_expect_arch {
	SRAT_EXPECT_X86,	/* Local APIC, x2APIC, Generic Initiator */
	SRAT_EXPECT_ARM64,	/* GICC, Generic Initiator */
};

/**
 * srat_expect - record what Linux makes of a SRAT, for srat_check_nodes()
 * @srat: the table as handed to the firmware library (NULL: none), read
 *	now, while it is mapped
 * @len: its length
 * @arch: whose processor entries count
 *
 * A table the oracle cannot read (bad length, short entry, more entries
 * or domains than it holds) expects no nodes, as Linux's bad_srat().
 */
void srat_expect(const void *srat, uint32_t len, enum srat_expect_arch arch);

/**
 * srat_check_nodes - TAP: every memory region has its SRAT node and flag
 * @nr_nodes: how many nodes the boot made
 *
 * Nothing is reported when srat_expect() recorded no table or no enabled
 * memory entry. One TAP line otherwise: @nr_nodes must be the expected
 * count, and a diagnostic names each region whose first or last byte has
 * another node, or another hotplug flag, than expected.
 */
void srat_check_nodes(unsigned int nr_nodes);

#endif /* KERNEL_SRAT_EXPECT_H */
