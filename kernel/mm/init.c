// SPDX-License-Identifier: BSD-2-Clause
/*
 * mm_init(): the demo kernels' move from memblock to the buddy allocator,
 * in the order a kernel must do it (see <kernel/mm.h>).
 */
#include <kernel/kernel.h>
#include <kernel/buddy.h>
#include <kernel/mm.h>

bool mm_init(void)
{
	unsigned long present, marked, released, before;
	bool ok;

	/* Everything taken from memblock is taken before the hand-off. */
	present = memmap_init();
	printk("memmap: %lu pages in %u pfn ranges, %lu bytes of struct page\n",
	       present, mm_nr_ranges,
	       present * (unsigned long)sizeof(struct page));
	ok = ktap_ok(handoff_proof_prepare() == 0,
		     "memblock provided the hand-off proof's buffers");

	marked = memmap_reserve_boot_pages();
	printk("memmap: %lu pages reserved (reservations and NOMAP memory)\n",
	       marked);
	buddy_init();
	/* void, as in Linux 6.12: the count is what this call added. */
	released = memblock_free_all_released();
	memblock_free_all();
	released = memblock_free_all_released() - released;
	/* The milestone boot-time benchmarks measure to (bench/boot_time.py). */
	printk("buddy ready: %lu pages handed over by memblock_free_all()\n",
	       released);
	ok &= handoff_proof_run(released);

	/* Last use of memblock: its grown arrays, if any, go to the buddy. */
	before = buddy_free_count();
	memblock_discard();
	printk("memblock_discard: %lu pages of region arrays released\n",
	       buddy_free_count() - before);
	ok &= ktap_ok(buddy_check(NULL, 0),
		      "buddy allocator consistent after memblock_discard()");

	/* The boot's last words: what the page allocator now owns. */
	printk("\nbuddy allocator at the end of boot:\n");
	buddy_print_info();
	printk("Memory: %lu KiB free in the buddy allocator (%lu pages released by memblock_free_all)\n",
	       buddy_free_count() * (unsigned long)(PAGE_SIZE / 1024), released);
	return ok;
}
