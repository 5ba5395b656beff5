// SPDX-License-Identifier: BSD-2-Clause
/*
 * Physical memory for the benchmarks: physical [base, base + 16 GiB) maps
 * to one sparse anonymous mapping (MAP_NORESERVE: only touched pages cost
 * memory). Each benchmark places the window over the addresses memblock
 * will write (grown arrays, zeroed allocations, the struct page array);
 * any other address aborts loudly rather than aliasing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "bench.h"

#define WINDOW	(16 * SZ_1G)

static unsigned char *window;
static phys_addr_t window_base;

void bench_phys_window(phys_addr_t base)
{
	window_base = base;
	if (window)
		return;
	window = mmap(NULL, WINDOW, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (window == MAP_FAILED) {
		perror("mmap physical memory window");
		exit(2);
	}
}

void *bench_phys_to_virt(phys_addr_t pa)
{
	if (!window)
		bench_phys_window(0);
	if (pa < window_base || pa - window_base >= WINDOW) {
		fprintf(stderr, "bench: physical %#llx is outside the window [%#llx, %#llx)\n",
			(unsigned long long)pa, (unsigned long long)window_base,
			(unsigned long long)(window_base + WINDOW));
		abort();
	}
	return window + (pa - window_base);
}

phys_addr_t bench_virt_to_phys(const void *va)
{
	return window_base + (phys_addr_t)((const unsigned char *)va - window);
}
