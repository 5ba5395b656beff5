/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Memory management start-up: from memblock to the buddy allocator, and
 * the proof that the hand-off lost and leaked nothing.
 */
#ifndef KERNEL_MM_H
#define KERNEL_MM_H

#include <stdbool.h>

/**
 * mm_init - hand memory from memblock to the buddy allocator, and prove it
 *
 * Call once, after setup_arch() has described memory to memblock and
 * everything that must stay is reserved. In order: memmap_init() (the
 * struct page arrays, from memblock), handoff_proof_prepare() (snapshot
 * and bitmaps, from memblock), memmap_reserve_boot_pages(), buddy_init(),
 * memblock_free_all(), handoff_proof_run(), memblock_discard(). Results
 * are reported with ktap_ok().
 *
 * Return: true when every check passed.
 */
bool mm_init(void);

/**
 * handoff_proof_prepare - take what the proof needs before the hand-off
 *
 * Allocates from memblock two bitmaps over every present page and copies
 * of memblock.memory and memblock.reserved (taken after those allocations,
 * so they are in the copy), and counts the whole free pages the copies
 * describe, independently of memblock_free_all(). Call after memmap_init()
 * and right before memblock_free_all(), with nothing allocated in between.
 *
 * Return: 0, or -ENOMEM when memblock could not provide the memory (the
 * proof then reports failure).
 */
int handoff_proof_prepare(void);

/**
 * handoff_proof_run - check the hand-off and the buddy allocator
 * @released: what memblock_free_all() returned
 *
 * Reports with ktap_ok(): @released equals the free pages counted by
 * handoff_proof_prepare(); the allocator holds exactly those pages and is
 * consistent (buddy_check()); draining it completely at order 0, then at
 * mixed orders, hands out every page exactly once, each inside memory and
 * outside every reserved and NOMAP region of the snapshot; freeing all of
 * it coalesces back to the starting free lists; giving the proof's own
 * buffers back with memblock_free_late() adds exactly their whole pages.
 * Prints /proc/buddyinfo and the memory released.
 *
 * Return: true when every check passed.
 */
bool handoff_proof_run(unsigned long released);

#endif
