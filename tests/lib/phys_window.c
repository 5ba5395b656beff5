// SPDX-License-Identifier: BSD-2-Clause
/*
 * Host physical memory for tests and host tools: physical addresses
 * [0, WINDOW) map to window + pa in one sparse anonymous mapping. It is
 * reserved with MAP_NORESERVE, so only the pages actually touched cost
 * memory. This implements the test environment's phys_to_virt
 * (tests/include/memblock_env.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <linux/memblock.h>

#define WINDOW	(sizeof(phys_addr_t) == 8 ? (1ULL << 40) : (1ULL << 32))
static unsigned char *window;

static void window_init(void)
{
	void *p;

	if (window)
		return;
	p = mmap(NULL, WINDOW, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		perror("mmap physical memory window");
		abort();
	}
	window = p;
}

void *test_phys_to_virt(phys_addr_t pa)
{
	unsigned long long addr = pa;

	window_init();
	if (addr >= WINDOW) {
		fprintf(stderr, "test_phys_to_virt: %#llx is outside the window\n",
			addr);
		abort();
	}
	return window + pa;
}

phys_addr_t test_virt_to_phys(const void *va)
{
	window_init();
	return (phys_addr_t)((const unsigned char *)va - window);
}
