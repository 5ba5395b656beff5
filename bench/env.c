// SPDX-License-Identifier: BSD-2-Clause
/*
 * The environment hooks for the benchmarks. Physical memory is the sparse
 * host window of tests/lib/phys_window.c; nothing is logged; the page
 * allocator hook is whatever the hand-off benchmark installs.
 */
#include <stdio.h>
#include <stdlib.h>
#include "bench.h"

void (*bench_free_pages_hook)(unsigned long pfn, unsigned int order);
unsigned long bench_freed_blocks, bench_freed_pages;

void memblock_env_log(int level, const char *line)
{
	if (level <= MEMBLOCK_LOG_ERR)
		fprintf(stderr, "memblock: %s\n", line);
}

void memblock_env_panic(const char *msg)
{
	fprintf(stderr, "panic: %s\n", msg);
	exit(2);
}

phys_addr_t memblock_env_kernel_end(void)
{
	return 0;
}

void memblock_env_free_pages(unsigned long pfn, unsigned int order)
{
	if (bench_free_pages_hook) {
		bench_free_pages_hook(pfn, order);
		return;
	}
	bench_freed_blocks++;
	bench_freed_pages += 1UL << order;
}
