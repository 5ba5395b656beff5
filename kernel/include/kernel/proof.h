/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Internal to the hand-off proof (kernel/mm/proof.c, proof_snapshot.c);
 * kept with the other kernel headers so that the builds track it.
 */
#ifndef KERNEL_MM_PROOF_H
#define KERNEL_MM_PROOF_H

#include <linux/memblock.h>

/* Whole pages inside [start, end). */
unsigned long pages_in(phys_addr_t start, phys_addr_t end);

/*
 * Copy memblock.memory and memblock.reserved into memory allocated from
 * memblock (the copy's own reservation included); *base and *size receive
 * that buffer. Returns 0 or -ENOMEM.
 */
int snapshot_take(phys_addr_t *base, phys_addr_t *size);

/*
 * Whole pages memblock_free_all() must release per the copy: pages of
 * memory (runs of touching regions that differ at most in HOTPLUG, not
 * NOMAP or driver-managed) that no reservation touches.
 */
unsigned long snapshot_free_pages(void);

/* Why page @pfn must not be handed out per the copy, or NULL. */
const char *snapshot_page_problem(unsigned long pfn);

#endif
